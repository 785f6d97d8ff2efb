#!/usr/bin/env bash
# Issue 22's GMPP targets on SQLite and PostgreSQL: importing every year of a large department's published
# history (10 files x 200 projects, bench/gmpp-files.py) in under 10 s, end to end through `steward gmpp
# import` (one process, every file checked and written whole); then producing the whole-department return
# for 250 GMPP units in under 2 s (`GET …/gmpp/return?format=csv` on a running server, ten times, and
# `steward gmpp export` end to end).
# Needs python3 and PostgreSQL. Usage: bench/gmpp.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d /tmp/steward-gmpp.XXXXXX)"
chmod 755 "$work"
port=5221
pg_port=5222
password="bench password long enough"
trap 'pkill -f "steward-gmpp.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet publish src/Steward -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" >/dev/null
mkdir -p "$work/files"
python3 bench/gmpp-files.py "$work/files"
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Commit | $(git rev-parse --short HEAD) |"

seconds_of() { local started; started=$(date +%s.%N); "$@" >"$work/out.log" 2>&1; printf '%.2f' "$(echo "$(date +%s.%N) - $started" | bc)"; }

run() { # provider, database
  local provider="$1" db="$2" steward="$work/app/steward"
  "$steward" units create --code DEPT --name "Department" --kind portfolio --database "$db" >/dev/null
  local files=() f
  for y in 2016 2017 2018 2019 2020 2021 2022 2023 2024 2025; do files+=("$work/files/gmpp-$y.csv"); done
  local first again
  first=$(seconds_of "$steward" gmpp import --under DEPT --file "${files[@]}" --database "$db")
  grep -q "Imported" "$work/out.log" || { cat "$work/out.log"; exit 1; }
  local created; created=$(grep -o '[0-9]* units created' "$work/out.log" | awk '{s += $1} END {print s}')
  again=$(seconds_of "$steward" gmpp import --under DEPT --confirm --file "${files[@]}" --database "$db")
  local unchanged; unchanged=$(grep -o '[0-9,]* unchanged' "$work/out.log" | tr -d , | awk '{s += $1} END {print s}')
  "$steward" gmpp import --under DEPT --file "$work/files/gmpp-2026.csv" --database "$db" >/dev/null
  local export; export=$(seconds_of "$steward" gmpp export --unit DEPT --as-at 2026-03-31 --out "$work/return.csv" --database "$db")
  grep -q "Wrote" "$work/out.log" || { cat "$work/out.log"; exit 1; }
  echo "$password" | "$steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$db" >/dev/null
  local token; token=$("$steward" tokens create --email admin@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')
  "$steward" serve --database "$db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.1; done
  local url="http://127.0.0.1:$port/api/v1/units/DEPT/gmpp/return?asAt=2026-03-31&format=csv" times=() i
  for i in $(seq 1 11); do times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" "$url")"); done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local api; api=$(printf '%s\n' "${times[@]:1}" | python3 -c "
import sys
rows = [l.split() for l in sys.stdin]
assert all(r[0] == '200' for r in rows), rows
t = sorted(float(r[1]) * 1000 for r in rows)
print(f'median {t[len(t) // 2]:.0f} ms, slowest {t[-1]:.0f} ms (first request FIRST ms)')")
  local firstcall; firstcall=$(printf '%.0f' "$(echo "${times[0]#* } * 1000" | bc)")
  echo
  echo "### $provider"
  echo
  echo "| Measure | Figure | Target |"
  echo "| --- | --- | --- |"
  echo "| Import 10 yearly files x 200 projects, one \`steward gmpp import\` (start-up included; $created units created, 2,000 snapshots) | $first s | 10 s |"
  echo "| The same 10 files again (every project found by GMPP id; $unchanged snapshots unchanged, nothing written) | $again s | |"
  echo "| Whole-department return, 250 GMPP units, \`GET …/gmpp/return?format=csv\` on a running server, 10 times after the first | ${api/FIRST/$firstcall} | 2 s |"
  echo "| The same return end to end, \`steward gmpp export\` (start-up included) | $export s | 2 s |"
}

run SQLite "$work/gmpp.db"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
PATH="$bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward gmpp
run PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=gmpp"
