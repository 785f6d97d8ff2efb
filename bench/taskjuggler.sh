#!/usr/bin/env bash
# Steward's scheduler beside TaskJuggler (tj3, the Debian package) on the same generated plans without
# resources (1,000, 10,000 and 50,000 tasks by default, Standard working week): are the dates identical,
# and how much faster is Steward? Steward's time is one warm in-process run (the first, cold, beside
# it); tj3's is its wall clock, reading the file and writing the report included.
# Usage: bench/taskjuggler.sh [task counts...]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tj3 >/dev/null || { echo "bench needs tj3 (apt-get install tj3)"; exit 2; }
work="$(mktemp -d /tmp/steward-tj.XXXXXX)"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release bench/Steward.Benchmarks >/dev/null
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Commit | $(git rev-parse --short HEAD) |"
echo "| TaskJuggler | $(tj3 --version 2>&1 | head -n1) |"
echo
echo "| Tasks | Links | Dates | Steward | TaskJuggler | Ratio |"
echo "| --- | --- | --- | --- | --- | --- |"
for tasks in "${@:-1000 10000 50000}"; do
  for n in $tasks; do
    dotnet bench/Steward.Benchmarks/bin/Release/net10.0/Steward.Benchmarks.dll taskjuggler "$n" "$work/$n"
  done
done
