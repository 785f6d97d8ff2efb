#!/usr/bin/env bash
# Times `steward audit verify` over a long history, on SQLite and on PostgreSQL.
# Usage: bench/audit.sh [events]   (default 1,000,000 past changes over 10,000 synthetic units)
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"
work="$(mktemp -d /tmp/steward-audit.XXXXXX)"
chmod 755 "$work" # the PostgreSQL cluster below runs as the postgres user
pg_port=5197
trap '[ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet publish src/Steward -c Release -o "$work/app" >/dev/null
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo
echo "| Database | Events | Seed time | audit verify (wall clock, process start included) | Peak RSS |"
echo "| --- | --- | --- | --- | --- |"

measure() { # provider, database
  /usr/bin/time -o "$work/seed.time" -f %e "$work/app/steward" seed --synthetic --history "$events" --database "$2" >/dev/null
  local out wall rss run # three runs, as single ones here move by a tenth
  for run in 1 2 3; do
    out=$(/usr/bin/time -o "$work/verify.time" -f "%e %M" "$work/app/steward" audit verify --database "$2" 2>/dev/null)
    read -r wall rss <"$work/verify.time"
    echo "| $1, run $run | $(grep -o '[0-9,]* events' <<<"$out") | $(cat "$work/seed.time") s | ${wall} s | $((rss / 1024)) MB |"
  done
}

measure SQLite "$work/steward.db"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U steward steward
measure PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=steward"
