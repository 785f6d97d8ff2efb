#!/usr/bin/env bash
# The RAID register's speed targets on the synthetic portfolio (10,000 units, 1,000,000 RAID items),
# on SQLite and PostgreSQL: the roll-up risk register of a whole portfolio (open risks scoring 15 or
# more, highest first, first 50) and its heat map, one connection, p95; the same list at 32
# connections, requests/s; and importing a 100,000-row .xlsx with `steward raid import` (wall clock
# and peak memory). Needs wrk, python3 and PostgreSQL.
# Usage: bench/raid.sh [seconds-per-run] [raid-items]; ROUNDS=N runs each throughput N times (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
items="${2:-1000000}"
work="$(mktemp -d /tmp/steward-raid.XXXXXX)"
chmod 755 "$work"
port=5197
pg_port=5198
trap 'pkill -f "steward-raid.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
# ReadyToRun, as a deployment would publish it: a command-line import pays its start-up (EF Core's model,
# the JIT) on every run, about 2 s of a 100,000-row import.
dotnet publish src/Steward -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" >/dev/null
python3 bench/raid-workbook.py 100000 "$work/risks.xlsx"
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Commit | $(git rev-parse --short HEAD) |"

serve() { # database; leaves the pid in $pid
  "$work/app/steward" serve --database "$1" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.1; done
}

latency() { # label, path: one connection, so each request's time is the server's plus a loopback hop
  local out
  wrk -t1 -c1 -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:$port$2" >/dev/null
  out=$(wrk -t1 -c1 -d"${seconds}s" -s bench/percentiles.lua -H "Authorization: Bearer $token" "http://127.0.0.1:$port$2")
  echo "| $1 | $(sed -n 's/.*p50=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p95=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p99=\([^ ]*\).*/\1/p' <<<"$out") ms | $(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out") |"
}

throughput() { # label, path: ROUNDS runs (default 3), each after a warm-up, and their median, because
  # single runs on two shared cores swing by a quarter
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
  "$work/app/steward" seed --synthetic --units 10000 --raid "$items" --database "$db" >/dev/null
  local seeded; seeded=$(echo "$(date +%s.%N) - $started" | bc)
  # A million rows just loaded: PostgreSQL's autovacuum is still reading them for minutes after, and until
  # it has, index-only scans visit the table and planner statistics are missing (the heat map's p95 went
  # from 16 ms to 530 ms in such a run). Settled first, as a database in use would be.
  if [ "$provider" = PostgreSQL ]; then "$bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U steward -d raid -c "VACUUM (ANALYZE)"; fi
  echo "bench password long enough" | "$work/app/steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$db" >/dev/null
  token=$("$work/app/steward" tokens create --email admin@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')
  serve "$db"
  local owner; owner=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/people?limit=1" | grep -o '"email":"[^"]*"' | head -n1 | cut -d'"' -f4)
  local risks; risks=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/units/SYN-PFL-0001/risks/heat-map?status=all" | grep -o '"total":[0-9]*' | cut -d: -f2)
  echo
  echo "### ${provider}"
  echo
  echo "Seeded 10,000 units and $items RAID items in ${seeded%.*} s. The portfolio SYN-PFL-0001 rolls up $risks risks."
  echo
  echo "| One connection | p50 | p95 | p99 | Requests/s |"
  echo "| --- | --- | --- | --- | --- |"
  latency "Register: open risks of the portfolio scoring 15+, highest first, first 50" "/api/v1/units/SYN-PFL-0001/risks?status=open&minScore=15&limit=50"
  latency "Heat map of the portfolio's open risks" "/api/v1/units/SYN-PFL-0001/risks/heat-map?status=open"
  latency "Register, second page (cursor)" "/api/v1/units/SYN-PFL-0001/risks?status=open&minScore=15&limit=50&cursor=bzUw"
  echo
  echo "| 32 connections | Requests/s | p50 | p99 | Errors |"
  echo "| --- | --- | --- | --- | --- |"
  throughput "Register API list (as above)" "/api/v1/units/SYN-PFL-0001/risks?status=open&minScore=15&limit=50"
  throughput "Register API list of one programme" "/api/v1/units/SYN-PRG-00001/risks?limit=50"
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo
  echo "Peak RSS of steward serve: ${rss} MB."
  /usr/bin/time -v "$work/app/steward" raid import --unit SYN-PRG-00001 --file "$work/risks.xlsx" --default-owner "$owner" --database "$db" >"$work/import.out" 2>"$work/import.err"
  echo "Import of a 100,000-row .xlsx (\`steward raid import\`): $(grep -m1 -o 'Imported [0-9,]* risks[^.]*' "$work/import.out" || tail -n1 "$work/import.out"); wall clock $(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/import.err"), peak RSS $(awk '/Maximum resident/ {print int($NF / 1024)}' "$work/import.err") MB."
}

run SQLite "$work/raid.db"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB" -l "$work/pg/log" -w start >/dev/null
PATH="$bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward raid
run PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=raid"
