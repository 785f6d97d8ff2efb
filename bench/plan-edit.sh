#!/usr/bin/env bash
# Issue 18's plan-edit target, side by side: changing one task's duration through the API in a 5,000-task
# plan (the synthetic generator's, about 10,000 links, imported into DPP-PRJ-001), on this build and on a
# baseline build (a git revision), each its own server on its own copy of one database, in alternating
# rounds of ten edits so that both see the same machine. Needs curl. SQLite by default; DATABASE=postgresql
# runs a PostgreSQL server of its own (Debian's postgresql package) with one database per build.
# WARMUP=N edits each build first, unmeasured (4 by default): a new process runs its first edits on code
# the JIT has not optimised yet, and about 20 pass before an edit takes its steady time.
# Usage: [DATABASE=postgresql] [WARMUP=N] bench/plan-edit.sh [baseline-revision] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-a110e73}"
rounds="${2:-4}"
work="$(mktemp -d /tmp/steward-plan-edit.XXXXXX)"
chmod 755 "$work" # the PostgreSQL cluster below runs as the postgres user
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
trap 'pkill -f "$work/.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; git worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git worktree add --detach "$work/base-src" "$base" >/dev/null 2>&1
dotnet publish "$work/base-src/src/Steward" -c Release -o "$work/base" >/dev/null
dotnet publish src/Steward -c Release -o "$work/this" >/dev/null
dotnet run -c Release --project bench/Steward.Benchmarks -- mspdi 5000 "$work/plan.xml" >/dev/null
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Compared | $(git rev-parse --short "$base") and $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with uncommitted changes') |"

# One database, made by the baseline (the newer build migrates it forward at start-up), copied for each build.
if [ "${DATABASE:-sqlite}" = postgresql ]; then
  pg_port=5195
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
  pg="Host=127.0.0.1;Port=$pg_port;Username=steward"
  PATH="$pg_bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward plan
  db="$pg;Database=plan"; base_db="$pg;Database=base"; this_db="$pg;Database=this"
  echo "| Database | PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), its server on the same machine |"
else
  db="$work/plan.db"; base_db="$work/base.db"; this_db="$work/this.db"
  echo "| Database | SQLite |"
fi
"$work/base/steward" seed --demo --database "$db" >/dev/null
echo "bench password long enough" | "$work/base/steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$db" >/dev/null
token=$("$work/base/steward" tokens create --email admin@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')
"$work/base/steward" plan import --unit DPP-PRJ-001 --file "$work/plan.xml" --database "$db" >/dev/null
if [ -n "${pg_port:-}" ]; then
  for copy in base this; do PATH="$pg_bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward -T plan "$copy"; done
else
  cp "$db" "$base_db"; cp "$db" "$this_db"
fi
"$work/base/steward" serve --demo --database "$base_db" --urls http://127.0.0.1:5211 >"$work/base.log" 2>&1 &
"$work/this/steward" serve --demo --database "$this_db" --urls http://127.0.0.1:5212 >"$work/this.log" 2>&1 &
for port in 5211 5212; do until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.3; done; done

edits() { # port, count: one line per edit, its time in seconds
  for i in $(seq 1 "$2"); do
    etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$1/api/v1/units/DPP-PRJ-001/plan/tasks/2" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
    curl -sf -o /dev/null -w '%{time_total}\n' -X PUT -H "Authorization: Bearer $token" -H "If-Match: $etag" -H "Content-Type: application/json" \
      -d "{\"name\":\"Task 0\",\"duration\":\"$((i % 3 + 1))d\"}" "http://127.0.0.1:$1/api/v1/units/DPP-PRJ-001/plan/tasks/2"
  done
}
echo "| Warm-up | ${WARMUP:-4} edits on each build, not measured |"
edits 5211 "${WARMUP:-4}" >/dev/null; edits 5212 "${WARMUP:-4}" >/dev/null
for r in $(seq 1 "$rounds"); do edits 5211 10 >>"$work/base.txt"; edits 5212 10 >>"$work/this.txt"; done
echo
echo "| Change one task's duration (reschedules about 1,700 of 5,050 tasks) | Median | p95 | Slowest | Edits |"
echo "| --- | --- | --- | --- | --- |"
for build in base this; do
  sort -n "$work/$build.txt" | awk -v b="$build" '{a[NR]=$1} END {printf "| %s | %.0f ms | %.0f ms | %.0f ms | %d |\n", b, a[int((NR+1)/2)]*1000, a[int(NR*0.95+0.5)]*1000, a[NR]*1000, NR}'
done
