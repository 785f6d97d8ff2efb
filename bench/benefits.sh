#!/usr/bin/env bash
# Issue 20's benefits targets on the synthetic portfolio (10,000 units) extended with 100,000 benefits and
# 5,000,000 measurements, on SQLite and PostgreSQL, one connection, server time as wrk sees it at p95: the
# benefits roll-up page of a whole portfolio (target 200 ms), one benefit's page with its profile,
# measurements and chart (50 ms), and the benefits map of a programme of about 200 benefits (300 ms).
# Needs wrk, python3 and PostgreSQL.
# Usage: bench/benefits.sh [seconds-per-run] [benefits]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
benefits="${2:-100000}"
work="$(mktemp -d /tmp/steward-benefits.XXXXXX)"
chmod 755 "$work"
port=5209
pg_port=5210
password="bench password long enough"
trap 'pkill -f "steward-benefits.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
dotnet publish src/Steward -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" >/dev/null
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Commit | $(git rev-parse --short HEAD) |"

latency() { # label, path, header: refuses to time anything but a 200 (a sign-in redirect would look fast)
  local out status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$3" "http://127.0.0.1:$port$2")
  [ "$status" = 200 ] || { echo "| $1 | answered $status, not 200 | | | | |"; return; }
  wrk -t1 -c1 -d5s -H "$3" "http://127.0.0.1:$port$2" >/dev/null
  out=$(wrk -t1 -c1 -d"${seconds}s" -s bench/percentiles.lua -H "$3" "http://127.0.0.1:$port$2")
  echo "| $1 | $(sed -n 's/.*p50=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p95=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p99=\([^ ]*\).*/\1/p' <<<"$out") ms | $(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out") | $(sed -n 's/.*errors=\([^ ]*\).*/\1/p' <<<"$out") |"
}

run() { # provider, database
  local provider="$1" db="$2" started
  started=$(date +%s.%N)
  "$work/app/steward" seed --synthetic --units 10000 --benefits "$benefits" --database "$db" >/dev/null
  local seeded; seeded=$(echo "$(date +%s.%N) - $started" | bc)
  if [ "$provider" = PostgreSQL ]; then "$bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U steward -d benefits -c "VACUUM (ANALYZE)"; fi
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
  local api="http://127.0.0.1:$port/api/v1/units" rollup map first unit
  rollup=$(curl -s -H "Authorization: Bearer $token" "$api/SYN-PFL-0001/benefits/realisation")
  map=$(curl -s -H "Authorization: Bearer $token" "$api/SYN-PRG-00001/benefit-map")
  first=$(curl -s -H "Authorization: Bearer $token" "$api/SYN-PRG-00001/benefits?limit=1")
  unit=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["unit"]["code"])' <<<"$first")
  reference=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["reference"])' <<<"$first")
  local measured; measured=$(curl -s -H "Authorization: Bearer $token" "$api/$unit/benefits/$reference" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["measurements"]))')
  echo
  echo "### ${provider}"
  echo
  echo "Seeded 10,000 units and $benefits benefits with $((benefits * 50)) measurements in ${seeded%.*} s. The portfolio SYN-PFL-0001 holds $(python3 -c 'import json,sys; print(json.load(sys.stdin)["benefits"])' <<<"$rollup") benefits ($(python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r["breaches"]), "beyond tolerance,", r["overdueCount"], "overdue")' <<<"$rollup")); the programme SYN-PRG-00001's map has $(python3 -c 'import json,sys; m=json.load(sys.stdin); print(sum(1 for n in m["nodes"] if n["kind"]=="benefit"), "benefits,", len(m["nodes"]), "nodes and", len(m["links"]), "links")' <<<"$map"); $reference has $measured measurements."
  echo
  echo "| One connection | p50 | p95 | p99 | Requests/s | Errors |"
  echo "| --- | --- | --- | --- | --- | --- |"
  latency "Benefits roll-up page of the portfolio (target p95 200 ms)" "/units/SYN-PFL-0001/benefits/realisation" "Cookie: $cookie"
  latency "Benefits roll-up API of the portfolio" "/api/v1/units/SYN-PFL-0001/benefits/realisation" "Authorization: Bearer $token"
  latency "One benefit's page, $reference (target p95 50 ms)" "/units/$unit/benefits/$reference" "Cookie: $cookie"
  latency "Benefits map page of SYN-PRG-00001 (target p95 300 ms)" "/units/SYN-PRG-00001/benefits/map" "Cookie: $cookie"
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo
  echo "Peak RSS of steward serve: ${rss} MB."
}

run SQLite "$work/benefits.db"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB" -l "$work/pg/log" -w start >/dev/null
PATH="$bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward benefits
run PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=benefits"
