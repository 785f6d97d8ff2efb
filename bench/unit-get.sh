#!/usr/bin/env bash
# Issue 18's request-path target, side by side: GET /api/v1/units/{id} with an Administrator's API token on
# the synthetic department (10,000 units by default), 32 connections, on this build and on a baseline build
# (a git revision), each its own server on its own copy of one database, in alternating rounds so both see
# the same machine. Each round also measures this build's /health/live, the ceiling of the same host.
# Needs wrk (Debian package). SQLite by default; DATABASE=postgresql runs a PostgreSQL server of its own.
# Usage: [DATABASE=postgresql] bench/unit-get.sh [baseline-revision] [rounds] [seconds-per-run] [units]
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-fa49da4}"
rounds="${2:-3}"
seconds="${3:-10}"
units="${4:-10000}"
work="$(mktemp -d /tmp/steward-unit-get.XXXXXX)"
chmod 755 "$work" # the PostgreSQL cluster below runs as the postgres user
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
trap 'pkill -f "$work/.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; git worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }

git worktree add --detach "$work/base-src" "$base" >/dev/null 2>&1
dotnet publish "$work/base-src/src/Steward" -c Release -o "$work/base" >/dev/null
dotnet publish src/Steward -c Release -o "$work/this" >/dev/null
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Compared | $(git rev-parse --short "$base") and $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with uncommitted changes') |"

# One database, made by the baseline (the newer build migrates it forward at start-up), copied for each build.
if [ "${DATABASE:-sqlite}" = postgresql ]; then
  pg_port=5194
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$work/pg/log" -w start >/dev/null
  pg="Host=127.0.0.1;Port=$pg_port;Username=steward"
  PATH="$pg_bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward units
  db="$pg;Database=units"; base_db="$pg;Database=base"; this_db="$pg;Database=this"
  echo "| Database | PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), its server on the same machine |"
else
  db="$work/units.db"; base_db="$work/base.db"; this_db="$work/this.db"
  echo "| Database | SQLite |"
fi
"$work/base/steward" seed --synthetic --units "$units" --database "$db" >/dev/null
echo "bench password long enough" | "$work/base/steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$db" >/dev/null
token=$("$work/base/steward" tokens create --email admin@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')
if [ -n "${pg_port:-}" ]; then
  for copy in base this; do PATH="$pg_bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward -T units "$copy"; done
else
  cp "$db" "$base_db"; cp "$db" "$this_db"
fi
"$work/base/steward" serve --database "$base_db" --urls http://127.0.0.1:5221 >"$work/base.log" 2>&1 &
"$work/this/steward" serve --database "$this_db" --urls http://127.0.0.1:5222 >"$work/this.log" 2>&1 &
for port in 5221 5222; do until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.3; done; done
auth="Authorization: Bearer $token"
curl -s -H "$auth" "http://127.0.0.1:5222/api/v1/units?kind=project&limit=500" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$work/ids"
[ -s "$work/ids" ] || { echo "no unit ids from the API"; exit 1; }

wrk_run() { # label, then wrk arguments: one table row
  local label="$1"; shift
  wrk -t2 -c32 -d3s "$@" >/dev/null
  local out; out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$@")
  local rps; rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  local errors; errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  [ -z "$errors" ] || { echo "$label: $errors non-2xx answers"; exit 1; }
  printf '| %s | %s | %s | %s | %s |\n' "$round" "$label" "$rps" "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
  echo "$label $rps" >>"$work/rps"
}

echo
echo "| Round | Request (32 connections, ${seconds} s after 3 s warm-up) | Requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- | --- |"
for round in $(seq 1 "$rounds"); do
  wrk_run "this build: /health/live" "http://127.0.0.1:5222/health/live"
  IDS="$work/ids" wrk_run "baseline: unit by id" -s bench/by-id.lua -H "$auth" "http://127.0.0.1:5221"
  IDS="$work/ids" wrk_run "this build: unit by id" -s bench/by-id.lua -H "$auth" "http://127.0.0.1:5222"
done
echo
awk '{label=$0; sub(/ [0-9]+$/, "", label); rps=$NF; sum[label]+=rps; n[label]++}
  END {
    live=sum["this build: /health/live"]/n["this build: /health/live"];
    b=sum["baseline: unit by id"]/n["baseline: unit by id"]; t=sum["this build: unit by id"]/n["this build: unit by id"];
    printf "Means over the rounds: baseline %.0f/s, this build %.0f/s (%.2fx the baseline), /health/live %.0f/s (unit by id is %.0f%% of it).\n", b, t, t/b, live, 100*t/live
  }' "$work/rps"
echo "Peak RSS: baseline $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$(pgrep -f "$work/base/steward serve")/status), this build $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$(pgrep -f "$work/this/steward serve")/status)."
