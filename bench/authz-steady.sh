#!/usr/bin/env bash
# What authorisation itself costs on GET /api/v1/units/{id}, measured side by side at steady state: this
# commit, and this commit with its authorisation taken out (bench/authz.sh's strip_authorisation), both
# serving the same database (SQLite by default) of 10,000 units and 2,000 role assignments at the same time, pinned to
# the same core, each warmed for WARMUP seconds (default 150: on one core tiered compilation takes about
# two minutes to settle), then measured in turn in short windows (WINDOW seconds, default 8), ROUNDS times
# (default 6), a window of the bare build before each token's, so that the machine's drift falls on both alike. Reported per window: requests per second
# and the server's CPU time per request; then the median of each configuration and of the paired ratios.
# DATABASE=postgresql serves a PostgreSQL database instead, from a server of its own on the same core
# (Debian's postgresql package). Needs wrk. Usage: [ROUNDS=N] [DATABASE=postgresql] bench/authz-steady.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d /tmp/steward-steady.XXXXXX)"
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
trap 'pkill -f "steward-steady.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; git worktree remove --force "$work/bare-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
source <(sed -n '/^strip_authorisation()/,/^}/p' bench/authz.sh)
dotnet publish src/Steward -c Release -o "$work/after" >/dev/null
git worktree add -q --detach "$work/bare-src" HEAD
strip_authorisation "$work/bare-src"
dotnet publish "$work/bare-src/src/Steward" -c Release -o "$work/bare" >/dev/null

db="$work/steady.db" provider=SQLite
if [ "${DATABASE:-sqlite}" = postgresql ]; then
  pg_port=5196 provider=PostgreSQL
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
  taskset -c 1 runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$work/pg/log" -w start >/dev/null
  PATH="$pg_bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward steady
  db="Host=127.0.0.1;Port=$pg_port;Username=steward;Database=steady"
fi
"$work/after/steward" seed --synthetic --units 10000 --database "$db" >/dev/null
for who in admin manager; do
  echo "bench password long enough" | "$work/after/steward" users add --email "$who@bench.example" --name "Bench $who" $([ $who = admin ] && echo --admin) --database "$db" >/dev/null
done
"$work/after/steward" roles grant --email manager@bench.example --role programme-or-project-manager --unit SYN-PFL-0001 --database "$db" >/dev/null
admin=$("$work/after/steward" tokens create --email admin@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')
manager=$("$work/after/steward" tokens create --email manager@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')

taskset -c 1 "$work/after/steward" serve --database "$db" --urls http://127.0.0.1:5197 >"$work/after.log" 2>&1 & after_pid=$!
taskset -c 1 "$work/bare/steward" serve --database "$db" --urls http://127.0.0.1:5198 >"$work/bare.log" 2>&1 & bare_pid=$!
until curl -sf http://127.0.0.1:5197/health/ready >/dev/null && curl -sf http://127.0.0.1:5198/health/ready >/dev/null; do sleep 0.1; done
curl -s -H "Authorization: Bearer $manager" "http://127.0.0.1:5197/api/v1/units?kind=project&limit=500" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$work/ids"

echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Compared | $(git rev-parse --short HEAD) with a token on every request, and the same commit with its authorisation taken out, side by side |"
echo "| Database | $provider (its server, if any, on the same core), 10,000 units, $(wc -l <"$work/ids") project ids, $("$work/after/steward" roles list --database "$db" | wc -l) role assignments |"
echo

load() { # seconds, port, then wrk's extra arguments
  local seconds="$1" port="$2"; shift 2
  IDS="$work/ids" taskset -c 0 wrk -t2 -c32 -d"${seconds}s" --latency -s bench/by-id.lua "$@" "http://127.0.0.1:$port"
}
load "${WARMUP:-150}" 5198 >/dev/null
load "${WARMUP:-150}" 5197 -H "Authorization: Bearer $admin" >/dev/null

echo "| Window | Requests/s | Server CPU per request (µs) |"
echo "| --- | --- | --- |"
rows="$work/rows"
measure() { # label, pid, port, then wrk's extra arguments
  local label="$1" pid="$2" port="$3"; shift 3
  local before; before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local out; out=$(load "${WINDOW:-8}" "$port" "$@")
  local used=$(( $(awk '{print $14 + $15}' "/proc/$pid/stat") - before ))
  local requests; requests=$(awk '/requests in/ {print $1}' <<<"$out")
  local cpu; cpu=$(echo "scale=1; $used * 1000000 / $(getconf CLK_TCK) / $requests" | bc)
  local rps; rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  printf '| %s | %s | %s |\n' "$label" "$rps" "$cpu"
  echo "$label|$cpu|$rps" >>"$rows"
}
# The two tokens take turns at going first, so that neither always follows the same window.
for round in $(seq 1 "${ROUNDS:-6}"); do
  first=("Administrator token" "$admin") second=("manager token" "$manager")
  if [ $((round % 2)) -eq 0 ]; then first=("manager token" "$manager") second=("Administrator token" "$admin"); fi
  measure "$round: authorisation taken out" "$bare_pid" 5198
  measure "$round: ${first[0]}" "$after_pid" 5197 -H "Authorization: Bearer ${first[1]}"
  measure "$round: authorisation taken out" "$bare_pid" 5198
  measure "$round: ${second[0]}" "$after_pid" 5197 -H "Authorization: Bearer ${second[1]}"
done
measure "end: authorisation taken out" "$bare_pid" 5198

# Each token window against the mean of the bare windows either side of it.
echo
echo "| Median over ${ROUNDS:-6} rounds | Server CPU per request (µs) | Extra CPU per request against the bare build beside it | Requests/s against the bare build beside it |"
echo "| --- | --- | --- | --- |"
python3 - "$rows" <<'PY'
import sys, statistics
rows = [line.split("|") for line in open(sys.argv[1]).read().splitlines()]
labels = [r[0].split(": ", 1)[1] for r in rows]
cpu = [float(r[1]) for r in rows]
rps = [float(r[2]) for r in rows]
def paired(values, name):
    ratios = []
    for i, l in enumerate(labels):
        if l == name:
            beside = [values[j] for j in (i - 1, i + 1) if 0 <= j < len(values) and labels[j] == "authorisation taken out"]
            ratios.append(values[i] / statistics.mean(beside) - 1)
    return f"{100 * statistics.median(ratios):+.1f}%"
for name in ["authorisation taken out", "Administrator token", "manager token"]:
    own = [c for l, c in zip(labels, cpu) if l == name]
    bare = name == "authorisation taken out"
    print(f"| {name} | {statistics.median(own):.1f} | {'' if bare else paired(cpu, name)} | {'' if bare else paired(rps, name)} |")
PY
