#!/usr/bin/env bash
# Load test of the Steward host on the synthetic portfolio, on SQLite and on PostgreSQL.
# Traffic goes only to 127.0.0.1; every wrk run is bounded in time. Needs wrk and PostgreSQL
# (Debian packages wrk, postgresql). Usage: bench/load.sh [units] [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
units="${1:-10000}"
seconds="${2:-15}"
work="$(mktemp -d /tmp/steward-bench.XXXXXX)"
chmod 755 "$work" # the PostgreSQL cluster below runs as the postgres user
port=5199
pg_port=5198
trap 'pkill -f "steward-bench.*/app/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
dotnet publish src/Steward -c Release -o "$work/app" >/dev/null
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Units | ${units} synthetic units, ${seconds} s per wrk run after a 5 s warm-up |"

start_postgres() {
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$work/pg/log" -w start >/dev/null
  PATH="$bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward steward
}

wrk_line() { # label, then wrk arguments
  local label="$1"; shift
  wrk -t2 -c32 -d5s "$@" >/dev/null
  local out; out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$@")
  printf '| %s | %s | %s | %s |\n' "$label" "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
}

run() { # provider, database
  local provider="$1" database="$2"
  local seeded; seeded=$( { /usr/bin/time -f %e "$work/app/steward" seed --synthetic --units "$units" --database "$database" >/dev/null; } 2>&1 | tail -n1)
  # Everything but health needs an account now: an Administrator, with a token for the API and a
  # session cookie for the home page.
  echo "bench password long enough" | "$work/app/steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$database" >/dev/null
  local token; token=$("$work/app/steward" tokens create --email admin@bench.example --database "$database" | sed -n 's/^Token (shown only now): //p')
  local t0; t0=$(date +%s.%N)
  "$work/app/steward" serve --database "$database" --urls "http://127.0.0.1:$port" >"$work/serve-$provider.log" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.02; done
  local ready; ready=$(echo "$(date +%s.%N) - $t0" | bc)
  local auth="Authorization: Bearer $token"
  curl -s -H "$auth" "http://127.0.0.1:$port/api/v1/units?kind=project&limit=500" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$work/ids"
  curl -s -H "$auth" "http://127.0.0.1:$port/api/v1/units?kind=programme&limit=500" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$work/parents"
  local antiforgery; antiforgery=$(curl -s -c "$work/jar" "http://127.0.0.1:$port/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -b "$work/jar" -c "$work/jar" --data-urlencode "Email=admin@bench.example" --data-urlencode "Password=bench password long enough" \
    --data-urlencode "__RequestVerificationToken=$antiforgery" "http://127.0.0.1:$port/sign-in" >/dev/null
  local session="Cookie: steward_session=$(awk '$6=="steward_session" {print $7}' "$work/jar")"

  echo
  echo "### ${provider}"
  echo
  echo "Seed ${units} units: ${seeded} s. /health/ready answered $(printf '%.2f' "$ready") s after start (migrated database)."
  echo
  echo "| Request (32 connections) | Requests/s | p50 | p99 |"
  echo "| --- | --- | --- | --- |"
  wrk_line "GET /health/live (ceiling)" "http://127.0.0.1:$port/health/live"
  IDS="$work/ids" wrk_line "GET /api/v1/units/{id}" -s bench/by-id.lua -H "$auth" "http://127.0.0.1:$port"
  PARENTS="$work/parents" wrk_line "GET /api/v1/units?parent=&limit=100" -s bench/by-parent.lua -H "$auth" "http://127.0.0.1:$port"
  local home; home=$(wrk -t1 -c1 -d"${seconds}s" --latency -H "$session" "http://127.0.0.1:$port/")
  echo
  echo "Home page (whole tree with counts), one connection: p50 $(awk '$1=="50%" {print $2}' <<<"$home"), p99 $(awk '$1=="99%" {print $2}' <<<"$home"), $(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$home") pages/s, $(curl -s -H "$session" "http://127.0.0.1:$port/" | wc -c) bytes."
  echo "Peak RSS of steward serve after all runs: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$pid/status)."
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run SQLite "$work/steward.db"
start_postgres
run PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=steward"
