#!/usr/bin/env bash
# Issue 19's finance targets on the synthetic portfolio (10,000 units; every programme and project with
# ten financial years of budget, forecast and actuals in four categories: about 1.2 million lines, 14
# million values), on SQLite and PostgreSQL: the whole portfolio's finance page (year and whole-life
# views) at one connection, p95; the finance API for one project at 32 connections, requests/s; and a
# 1,000,000-row ledger import with `steward finance import` (wall clock and peak memory); and the list of
# breaches of cost tolerance under the portfolio (its first, uncached, request and then p95).
# Needs wrk, python3 and PostgreSQL.
# Usage: bench/finance.sh [seconds-per-run] [ledger-rows]; ROUNDS=N runs each throughput N times (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
rows="${2:-1000000}"
work="$(mktemp -d /tmp/steward-finance.XXXXXX)"
chmod 755 "$work"
port=5207
pg_port=5208
password="bench password long enough"
trap 'pkill -f "steward-finance.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
dotnet publish src/Steward -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" >/dev/null
python3 bench/ledger.py "$rows" 5000 "2025-26 P6" "$work/ledger.csv"
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Commit | $(git rev-parse --short HEAD) |"

latency() { # label, path, header
  local out
  wrk -t1 -c1 -d5s -H "$3" "http://127.0.0.1:$port$2" >/dev/null
  out=$(wrk -t1 -c1 -d"${seconds}s" -s bench/percentiles.lua -H "$3" "http://127.0.0.1:$port$2")
  echo "| $1 | $(sed -n 's/.*p50=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p95=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p99=\([^ ]*\).*/\1/p' <<<"$out") ms | $(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out") |"
}

throughput() { # label, path: ROUNDS runs, each after a warm-up, and their median
  local out rates=() run
  for run in $(seq 1 "${ROUNDS:-3}"); do
    wrk -t2 -c32 -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:$port$2" >/dev/null
    out=$(wrk -t2 -c32 -d"${seconds}s" -s bench/percentiles.lua -H "Authorization: Bearer $token" "http://127.0.0.1:$port$2")
    rates+=("$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")")
    echo "| $1, run $run | ${rates[-1]} | $(sed -n 's/.*p50=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p99=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*errors=\([^ ]*\).*/\1/p' <<<"$out") |"
  done
  echo "| $1, **median** | **$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')** | | | |"
}

run() { # provider, database
  local provider="$1" db="$2" started
  started=$(date +%s.%N)
  "$work/app/steward" seed --synthetic --units 10000 --finance-years 10 --database "$db" >/dev/null
  local seeded; seeded=$(echo "$(date +%s.%N) - $started" | bc)
  if [ "$provider" = PostgreSQL ]; then "$bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U steward -d finance -c "VACUUM (ANALYZE)"; fi
  echo "$password" | "$work/app/steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$db" >/dev/null
  token=$("$work/app/steward" tokens create --email admin@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')
  "$work/app/steward" serve --database "$db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.1; done
  local jar="$work/cookies" form antiforgery cookie
  form=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in")
  antiforgery=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | head -n1)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=admin@bench.example" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$antiforgery" "http://127.0.0.1:$port/sign-in"
  cookie=$(awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}' "$jar")
  local lines; lines=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/units/SYN-PFL-0001/finance?year=2026-27" | grep -o '"wholeLife":{"budget":[0-9.]*' | head -n1 | cut -d: -f3)
  echo
  echo "### ${provider}"
  echo
  echo "Seeded 10,000 units with ten years of money in ${seeded%.*} s. The portfolio SYN-PFL-0001's whole-life budget is £${lines}."
  echo
  echo "| One connection | p50 | p95 | p99 | Requests/s |"
  echo "| --- | --- | --- | --- | --- |"
  latency "Finance page of the portfolio, year view" "/units/SYN-PFL-0001/finance?year=2026-27" "Cookie: $cookie"
  latency "Finance page of the portfolio, another year (whole life is on every view)" "/units/SYN-PFL-0001/finance?year=2029-30" "Cookie: $cookie"
  latency "Finance API of the portfolio" "/api/v1/units/SYN-PFL-0001/finance" "Authorization: Bearer $token"
  local cold; cold=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/units/SYN-PFL-0001/finance/breaches")
  latency "Breaches of cost tolerance at or below the portfolio (API; the first, uncached, took ${cold} s)" "/api/v1/units/SYN-PFL-0001/finance/breaches" "Authorization: Bearer $token"
  echo
  echo "| 32 connections | Requests/s | p50 | p99 | Errors |"
  echo "| --- | --- | --- | --- | --- |"
  throughput "Finance API of one project" "/api/v1/units/SYN-PRJ-000001/finance"
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo
  echo "Peak RSS of steward serve: ${rss} MB."
  /usr/bin/time -v "$work/app/steward" finance import --file "$work/ledger.csv" --database "$db" >"$work/import.out" 2>"$work/import.err" || true
  echo "Ledger import of $rows rows (\`steward finance import\`, $(du -m "$work/ledger.csv" | cut -f1) MB .csv): $(grep -m1 -o 'Replaced [0-9,]* unit-months[^.]*' "$work/import.out" || tail -n2 "$work/import.err" | head -n1); wall clock $(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/import.err"), peak RSS $(awk '/Maximum resident/ {print int($NF / 1024)}' "$work/import.err") MB."
}

run SQLite "$work/finance.db"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB" -l "$work/pg/log" -w start >/dev/null
PATH="$bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward finance
run PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=finance"
