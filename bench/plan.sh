#!/usr/bin/env bash
# The plan page's speed target: a 5,000-task plan (the synthetic generator's, about 10,000 links, as
# Microsoft Project XML) imported into a demo project; then the plan page with its Gantt chart, signed in,
# one connection, p50/p95/p99; the plan API and the Microsoft Project export beside it; and the import's
# wall clock. Needs wrk and curl.
# Usage: bench/plan.sh [seconds-per-run] [tasks]; DATABASE=postgresql runs it on a PostgreSQL server of
# its own (Debian's packages) instead of SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
tasks="${2:-5000}"
work="$(mktemp -d /tmp/steward-plan.XXXXXX)"
chmod 755 "$work" # a PostgreSQL cluster below runs as the postgres user
port=5199
pg_port=5194
trap 'pkill -f "steward-plan.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
dotnet publish src/Steward -c Release -o "$work/app" >/dev/null
dotnet run -c Release --project bench/Steward.Benchmarks -- mspdi "$tasks" "$work/plan.xml" >/dev/null
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Commit | $(git rev-parse --short HEAD) |"

db="$work/plan.db"
if [ "${DATABASE:-sqlite}" = postgresql ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
  "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U steward plan
  db="Host=127.0.0.1;Port=$pg_port;Username=steward;Database=plan"
fi
echo "| Database | ${DATABASE:-sqlite} |"
"$work/app/steward" seed --demo --database "$db" >/dev/null
password="bench password long enough"
echo "$password" | "$work/app/steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$db" >/dev/null
token=$("$work/app/steward" tokens create --email admin@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')
/usr/bin/time -v "$work/app/steward" plan import --unit DPP-PRJ-001 --file "$work/plan.xml" --database "$db" >"$work/import.out" 2>"$work/import.err"
echo
echo "Import (\`steward plan import\`, $(du -k "$work/plan.xml" | cut -f1) kB file): $(head -n1 "$work/import.out") Wall clock $(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/import.err"), peak RSS $(awk '/Maximum resident/ {print int($NF / 1024)}' "$work/import.err") MB."

"$work/app/steward" serve --demo --database "$db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.1; done

curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d '{"name":"Bench baseline"}' "http://127.0.0.1:$port/api/v1/units/DPP-PRJ-001/plan/baselines"

# Sign in as a browser does: the form's antiforgery token and cookie, then the session cookie.
jar="$work/cookies"
form=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in")
antiforgery=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | head -n1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=admin@bench.example" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$antiforgery" "http://127.0.0.1:$port/sign-in"
cookie=$(awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}' "$jar")
rows=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/units/DPP-PRJ-001/plan" | grep -c 'class="govuk-table__row"' || true)
echo
echo "The plan page lists $((rows - 1)) tasks and draws each in its Gantt chart."
echo
echo "| One connection | p50 | p95 | p99 | Requests/s |"
echo "| --- | --- | --- | --- | --- |"
latency() { # label, path, header
  local out
  wrk -t1 -c1 -d5s -H "$3" "http://127.0.0.1:$port$2" >/dev/null
  out=$(wrk -t1 -c1 -d"${seconds}s" -s bench/percentiles.lua -H "$3" "http://127.0.0.1:$port$2")
  echo "| $1 | $(sed -n 's/.*p50=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p95=\([^ ]*\).*/\1/p' <<<"$out") ms | $(sed -n 's/.*p99=\([^ ]*\).*/\1/p' <<<"$out") ms | $(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out") |"
}
latency "Plan page with Gantt chart ($tasks tasks)" "/units/DPP-PRJ-001/plan" "Cookie: $cookie"
latency "Plan page compared with a baseline" "/units/DPP-PRJ-001/plan?baseline=0" "Cookie: $cookie"
latency "Plan API (JSON)" "/api/v1/units/DPP-PRJ-001/plan" "Authorization: Bearer $token"
latency "Microsoft Project XML export" "/api/v1/units/DPP-PRJ-001/plan/export" "Authorization: Bearer $token"

# The first view of a new version reads the plan afresh (later views come from memory). Setting a
# baseline changes nothing else, so: set baseline 0 again, then time the page compared with it; and
# time changing a task's duration through the API (reschedule all 5,050 tasks, save, and answer).
pages=(); changes=()
for i in $(seq 1 10); do
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d '{"name":"Bench baseline","number":0}' "http://127.0.0.1:$port/api/v1/units/DPP-PRJ-001/plan/baselines"
  pages+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "http://127.0.0.1:$port/units/DPP-PRJ-001/plan?baseline=0")")
  etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/units/DPP-PRJ-001/plan/tasks/2" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
  changes+=("$(curl -sf -o /dev/null -w '%{time_total}' -X PUT -H "Authorization: Bearer $token" -H "If-Match: $etag" -H "Content-Type: application/json" \
    -d "{\"name\":\"Task 0\",\"duration\":\"$((i % 3 + 1))d\"}" "http://127.0.0.1:$port/api/v1/units/DPP-PRJ-001/plan/tasks/2")")
done
row() { # label, times...
  local label="$1"; shift
  local sorted; sorted=$(printf '%s\n' "$@" | sort -n)
  echo "| $label | $(awk 'NR==5 {printf "%.1f", $1 * 1000}' <<<"$sorted") ms | $(awk 'END {printf "%.1f", $1 * 1000}' <<<"$sorted") ms |"
}
echo
echo "| Ten times, one at a time | Median | Slowest |"
echo "| --- | --- | --- |"
row "Plan page compared with a baseline, first view after the baseline is set again (read afresh)" "${pages[@]}"
row "Change one task's duration through the API (reschedule 5,050 tasks, save, answer)" "${changes[@]}"
echo
echo "Peak RSS of steward serve: $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status") MB."
