#!/usr/bin/env bash
# Issue 21's reporting targets on the synthetic department (10,000 units) with 12 monthly reports, each
# with its snapshot, for every programme and project (119,760 reports), on SQLite and PostgreSQL, one
# connection, server time as wrk sees it: the dashboard of a whole portfolio (p95 300 ms), pre-filling a
# programme's report (p95 500 ms), a board pack of a programme of 20 projects end to end, from asking to the
# PDF being ready (10 s), and what a snapshot costs the database per report (2 KB on average).
# The registers behind the reports: RAID items, two financial years of money, benefits.
# Needs wrk, python3, PostgreSQL and Chromium (/usr/bin/chromium).
# Usage: bench/reporting.sh [seconds-per-run] [raid-items] [benefits]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
raid="${2:-100000}"
benefits="${3:-20000}"
work="$(mktemp -d /tmp/steward-reporting.XXXXXX)"
chmod 755 "$work"
port=5211
pg_port=5212
password="bench password long enough"
trap 'pkill -f "steward-reporting.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
[ -x /usr/bin/chromium ] || { echo "bench needs Chromium for the board pack (apt-get install chromium)"; exit 2; }
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

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# Moves projects under the programme until it has 20 children, as a programme of 20 projects is the target's.
twenty() { # programme code
  local api="http://127.0.0.1:$port/api/v1/units" auth="Authorization: Bearer $token" prg id have
  prg=$(curl -s -H "$auth" "$api/$1")
  id=$(json 'd["id"]' <<<"$prg")
  have=$(curl -s -H "$auth" "$api?parent=$id&limit=100" | json 'len(d["items"])')
  for code in $(curl -s -H "$auth" "$api?kind=project&limit=100" | json '" ".join(u["code"] for u in d["items"])'); do
    [ "$have" -ge 20 ] && break
    local unit version
    unit=$(curl -s -H "$auth" "$api/$code")
    [ "$(json 'd["parent"]["id"] if d.get("parent") else ""' <<<"$unit")" = "$id" ] && continue
    version=$(json 'd["version"]' <<<"$unit")
    curl -sf -o /dev/null -X POST -H "$auth" -H "If-Match: \"$version\"" -H 'Content-Type: application/json' -d "{\"parentId\":\"$id\"}" "$api/$code/move"
    have=$((have + 1))
  done
  echo "$have"
}

pack() { # programme code: seconds from asking to the PDF being ready, and its size
  local api="http://127.0.0.1:$port/api/v1/units/$1/board-packs" auth="Authorization: Bearer $token" started asked id state
  started=$(date +%s.%N)
  asked=$(curl -s -X POST -H "$auth" -H 'Content-Type: application/json' -d '{}' "$api")
  id=$(json 'd["id"]' <<<"$asked")
  state=queued
  while [ "$state" != ready ] && [ "$state" != failed ]; do
    sleep 0.05
    state=$(curl -s -H "$auth" "$api/$id" | json 'd["state"]')
  done
  local took; took=$(echo "$(date +%s.%N) - $started" | bc)
  local bytes; bytes=$(curl -s -H "$auth" -o "$work/pack.pdf" -w '%{size_download}' "$api/$id/pdf")
  printf '%.1f s (%s, %s bytes)' "$took" "$state" "$bytes"
}

run() { # provider, database
  local provider="$1" db="$2" started
  started=$(date +%s.%N)
  "$work/app/steward" seed --synthetic --units 10000 --raid "$raid" --finance-years 2 --benefits "$benefits" --reports 12 --database "$db" >/dev/null
  local seeded; seeded=$(echo "$(date +%s.%N) - $started" | bc)
  local storage
  if [ "$provider" = PostgreSQL ]; then
    "$bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U steward -d reporting -c "VACUUM (ANALYZE)"
    storage=$("$bin/psql" -At -h 127.0.0.1 -p "$pg_port" -U steward -d reporting -c "SELECT count(*) || ' snapshots: content ' || round(avg(octet_length(\"Content\"))) || ' bytes on average (largest ' || max(octet_length(\"Content\")) || '); the table with its indexes and TOAST ' || round(pg_total_relation_size('status_report_snapshots')::numeric / count(*)) || ' bytes a report' FROM status_report_snapshots")
  else
    storage=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n, avg, top = c.execute('SELECT count(*), avg(length("Content")), max(length("Content")) FROM status_report_snapshots').fetchone()
try:
    pages = c.execute("SELECT sum(pgsize) FROM dbstat WHERE name = 'status_report_snapshots' OR tbl_name = 'status_report_snapshots'").fetchone()[0]
    whole = f"; the table with its indexes {round(pages / n)} bytes a report"
except sqlite3.OperationalError:
    whole = ""
print(f"{n} snapshots: content {round(avg)} bytes on average (largest {top}){whole}")
PY
)
  fi
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
  local api="http://127.0.0.1:$port/api/v1/units" dashboard children
  dashboard=$(curl -s -H "Authorization: Bearer $token" "$api/SYN-PFL-0001/dashboard")
  children=$(twenty SYN-PRG-00001)
  echo
  echo "### ${provider}"
  echo
  echo "Seeded 10,000 units, $raid RAID items, two years of money, $benefits benefits and 12 months of reports in ${seeded%.*} s. $storage."
  echo "The portfolio SYN-PFL-0001's dashboard has $(json 'd["children"]' <<<"$dashboard") units below it ($(json 'd["reportsLate"]' <<<"$dashboard") reports late, $(json 'd["openExceptions"]' <<<"$dashboard") open exceptions); SYN-PRG-00001 was given $children projects for the board pack."
  echo
  echo "| One connection | p50 | p95 | p99 | Requests/s | Errors |"
  echo "| --- | --- | --- | --- | --- | --- |"
  latency "Dashboard API of the portfolio SYN-PFL-0001 (target p95 300 ms)" "/api/v1/units/SYN-PFL-0001/dashboard" "Authorization: Bearer $token"
  latency "Dashboard page of the portfolio" "/units/SYN-PFL-0001/dashboard" "Cookie: $cookie"
  latency "Pre-fill of SYN-PRG-00001's report (target p95 500 ms)" "/api/v1/units/SYN-PRG-00001/reports/prefill" "Authorization: Bearer $token"
  latency "Home page (the dashboard of the top of the tree)" "/" "Cookie: $cookie"
  echo
  echo "Board pack of SYN-PRG-00001 ($children projects), from asking to the PDF ready (target 10 s): first $(pack SYN-PRG-00001); second $(pack SYN-PRG-00001); third $(pack SYN-PRG-00001)."
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo
  echo "Peak RSS of steward serve: ${rss} MB."
}

run SQLite "$work/reporting.db"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB" -l "$work/pg/log" -w start >/dev/null
PATH="$bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward reporting
run PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=reporting"
