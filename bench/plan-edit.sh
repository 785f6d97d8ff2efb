#!/usr/bin/env bash
# Issue 18's plan-edit target, side by side: changing one task's duration through the API in a 5,000-task
# plan (the synthetic generator's, about 10,000 links, imported into DPP-PRJ-001), on this build and on a
# baseline build (a git revision), each its own server on its own copy of one database, in alternating
# rounds of ten edits so that both see the same machine. Needs curl. SQLite only.
# Usage: bench/plan-edit.sh [baseline-revision] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-a110e73}"
rounds="${2:-4}"
work="$(mktemp -d /tmp/steward-plan-edit.XXXXXX)"
trap 'pkill -f "$work/.*/steward serve" 2>/dev/null || true; git worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git worktree add --detach "$work/base-src" "$base" >/dev/null 2>&1
dotnet publish "$work/base-src/src/Steward" -c Release -o "$work/base" >/dev/null
dotnet publish src/Steward -c Release -o "$work/this" >/dev/null
dotnet run -c Release --project bench/Steward.Benchmarks -- mspdi 5000 "$work/plan.xml" >/dev/null
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Compared | $(git rev-parse --short "$base") and $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with uncommitted changes') |"

# One database, made by the baseline (the newer build migrates it forward at start-up).
db="$work/plan.db"
"$work/base/steward" seed --demo --database "$db" >/dev/null
echo "bench password long enough" | "$work/base/steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$db" >/dev/null
token=$("$work/base/steward" tokens create --email admin@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')
"$work/base/steward" plan import --unit DPP-PRJ-001 --file "$work/plan.xml" --database "$db" >/dev/null
cp "$db" "$work/base.db"; cp "$db" "$work/this.db"
"$work/base/steward" serve --demo --database "$work/base.db" --urls http://127.0.0.1:5211 >"$work/base.log" 2>&1 &
"$work/this/steward" serve --demo --database "$work/this.db" --urls http://127.0.0.1:5212 >"$work/this.log" 2>&1 &
for port in 5211 5212; do until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.3; done; done

edits() { # port, count: one line per edit, its time in seconds
  for i in $(seq 1 "$2"); do
    etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$1/api/v1/units/DPP-PRJ-001/plan/tasks/2" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
    curl -sf -o /dev/null -w '%{time_total}\n' -X PUT -H "Authorization: Bearer $token" -H "If-Match: $etag" -H "Content-Type: application/json" \
      -d "{\"name\":\"Task 0\",\"duration\":\"$((i % 3 + 1))d\"}" "http://127.0.0.1:$1/api/v1/units/DPP-PRJ-001/plan/tasks/2"
  done
}
edits 5211 4 >/dev/null; edits 5212 4 >/dev/null
for r in $(seq 1 "$rounds"); do edits 5211 10 >>"$work/base.txt"; edits 5212 10 >>"$work/this.txt"; done
echo
echo "| Change one task's duration (reschedules about 1,700 of 5,050 tasks) | Median | p95 | Slowest | Edits |"
echo "| --- | --- | --- | --- | --- |"
for build in base this; do
  sort -n "$work/$build.txt" | awk -v b="$build" '{a[NR]=$1} END {printf "| %s | %.0f ms | %.0f ms | %.0f ms | %d |\n", b, a[int((NR+1)/2)]*1000, a[int(NR*0.95+0.5)]*1000, a[NR]*1000, NR}'
done
