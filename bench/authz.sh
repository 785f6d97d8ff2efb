#!/usr/bin/env bash
# What authorisation costs on GET /api/v1/units/{id}: the build from before roles and tokens existed
# (anonymous requests) against this build (a bearer token on every request), on the same synthetic
# portfolio of 10,000 units (2,000 role assignments in this build), same machine, same minute.
# Two rounds, interleaved, so that drift in the machine shows. Needs wrk, git and PostgreSQL.
# Usage: bench/authz.sh [seconds-per-run]
# ROUNDS=N (default 3) runs more alternating rounds; PROVIDERS=sqlite or postgresql runs one only. With many rounds
# the summary line's medians settle what single runs on two shared cores cannot. PIN=1 gives wrk the first
# core and the server (with PostgreSQL) the second, so that the load generator no longer takes turns with
# what it measures: lower figures, but far steadier ones. WARMUP=N warms each freshly started server N
# seconds longer before its first measurement. BARE=0 leaves out the third build: this commit with
# authentication, authorisation and the unit-access checks taken out (a copy patched by strip_authorisation
# below, anonymous requests acting with every right), which isolates what authorisation itself costs from
# everything else the request has gained since the build before roles.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
before="${STEWARD_BENCH_BEFORE:-e37f40a}" # the last commit before roles, tokens and their checks
work="$(mktemp -d /tmp/steward-authz.XXXXXX)"
chmod 755 "$work"
port=5196
pg_port=5195
trap 'pkill -f "steward-authz.*/steward serve" 2>/dev/null || true; [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; git worktree remove --force "$work/before-src" >/dev/null 2>&1 || true; git worktree remove --force "$work/bare-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
bare="${BARE:-1}"

# This commit without its authorisation: no authentication, no authorisation middleware, no unit-access
# middleware, and every request acting as the operator, for whom AccessPolicy answers yes without looking
# anything up. Only for measuring; each edit is checked, so a change to these files fails loudly here.
strip_authorisation() { # source tree
  local host="$1/src/Steward/Infrastructure/StewardWebHost.cs" who="$1/src/Steward/Infrastructure/ChangeContextMiddleware.cs"
  sed -i -e '/app.UseAuthentication();/d' -e '/app.UseStewardAuthentication();/d' -e '/app.UseAuthorization();/d' -e '/app.UseUnitAccess();/d' \
    -e 's/services.AddStewardCore(\([^)]*\));/services.AddStewardCore(\1); services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(o => o.SuppressCheckForUnhandledSecurityMetadata = true);/' "$host"
  sed -i 's/who.IsOperator = false;/who.IsOperator = true;/' "$who"
  if grep -qE 'Use(Steward)?Authentication|UseAuthorization|UseUnitAccess' "$host" || ! grep -q SuppressCheckForUnhandledSecurityMetadata "$host" || ! grep -q 'IsOperator = true' "$who"; then
    echo "bench/authz.sh: could not take authorisation out of this commit; update strip_authorisation" >&2
    exit 2
  fi
}

on_server=() on_client=()
if [ "${PIN:-0}" = 1 ]; then on_server=(taskset -c 1) on_client=(taskset -c 0); fi
command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
git worktree add -q --detach "$work/before-src" "$before"
dotnet publish "$work/before-src/src/Steward" -c Release -o "$work/before" >/dev/null
dotnet publish src/Steward -c Release -o "$work/after" >/dev/null
if [ "$bare" = 1 ]; then
  git worktree add -q --detach "$work/bare-src" HEAD
  strip_authorisation "$work/bare-src"
  dotnet publish "$work/bare-src/src/Steward" -c Release -o "$work/bare" >/dev/null
fi
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Compared | ${before} (no authorisation) and $(git rev-parse --short HEAD) (token on every request)$([ "$bare" = 1 ] && echo ", and $(git rev-parse --short HEAD) with its authorisation taken out") |"
[ "${PIN:-0}" = 1 ] && echo "| Cores | wrk on core 0; Steward and PostgreSQL on core 1 |"

serve() { # build, database; leaves the pid in $pid
  "${on_server[@]}" "$work/$1/steward" serve --database "$2" --urls "http://127.0.0.1:$port" >"$work/serve-$1.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.05; done
  fresh=1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; } # user + system time of the server

# Throughput moves by a quarter from run to run here, because wrk shares the two cores; the server's
# own CPU time per request moves far less, so it is reported too.
rate() { # label, then wrk arguments
  local label="$1"; shift
  # WARMUP=N more seconds for a server's first configuration: on one core (PIN=1) tiered compilation takes
  # longer to settle, and without this the first configuration measured on each server ran slower.
  if [ "${fresh:-0}" = 1 ] && [ "${WARMUP:-0}" -gt 0 ]; then "${on_client[@]}" wrk -t2 -c32 -d"${WARMUP}s" "$@" >/dev/null; fi
  fresh=0
  "${on_client[@]}" wrk -t2 -c32 -d20s "$@" >/dev/null # warm-up: a fresh server needs this long before tiered compilation settles
  local before_ticks; before_ticks=$(cpu_ticks)
  local out; out=$("${on_client[@]}" wrk -t2 -c32 -d"${seconds}s" --latency "$@")
  local used=$(( $(cpu_ticks) - before_ticks ))
  local requests; requests=$(awk '/requests in/ {print $1}' <<<"$out")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" \
    "$(echo "scale=1; $used * 1000000 / $(getconf CLK_TCK) / $requests" | bc)" | tee -a "$work/rows"
}

run() { # provider, database for the old build, database for the new build
  local provider="$1" old="$2" new="$3"
  "$work/before/steward" seed --synthetic --units 10000 --database "$old" >/dev/null
  "$work/after/steward" seed --synthetic --units 10000 --database "$new" >/dev/null
  echo "bench password long enough" | "$work/after/steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$new" >/dev/null
  echo "bench password long enough" | "$work/after/steward" users add --email manager@bench.example --name "Bench Manager" --database "$new" >/dev/null
  "$work/after/steward" roles grant --email manager@bench.example --role programme-or-project-manager --unit SYN-PFL-0001 --database "$new" >/dev/null
  local admin manager
  admin=$("$work/after/steward" tokens create --email admin@bench.example --database "$new" | sed -n 's/^Token (shown only now): //p')
  manager=$("$work/after/steward" tokens create --email manager@bench.example --database "$new" | sed -n 's/^Token (shown only now): //p')

  # The same ids for every run: the projects the manager may see, all in one portfolio.
  serve after "$new"
  curl -s -H "Authorization: Bearer $manager" "http://127.0.0.1:$port/api/v1/units?kind=project&limit=500" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$work/ids"
  local assignments; assignments=$("$work/after/steward" roles list --database "$new" | wc -l)
  kill "$pid"; wait "$pid" 2>/dev/null || true

  echo
  echo "### ${provider}: $(wc -l <"$work/ids") project ids, ${assignments} role assignments"
  echo
  echo "| GET /api/v1/units/{id}, 32 connections | Requests/s | p50 | p99 | Server CPU per request (µs) |"
  echo "| --- | --- | --- | --- | --- |"
  # Three rounds, the two tokens in alternating order, each server freshly started.
  for round in $(seq 1 "${ROUNDS:-3}"); do
    serve before "$old"
    IDS="$work/ids" rate "round $round: before, anonymous" -s bench/by-id.lua "http://127.0.0.1:$port"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    if [ "$bare" = 1 ]; then
      # The same database as the build with authorisation: its schema is this commit's.
      serve bare "$new"
      IDS="$work/ids" rate "round $round: after, authorisation taken out, anonymous" -s bench/by-id.lua "http://127.0.0.1:$port"
      kill "$pid"; wait "$pid" 2>/dev/null || true
    fi
    serve after "$new"
    if [ $((round % 2)) -eq 1 ]; then
      IDS="$work/ids" rate "round $round: after, Administrator token" -s bench/by-id.lua -H "Authorization: Bearer $admin" "http://127.0.0.1:$port"
      IDS="$work/ids" rate "round $round: after, manager token (role on one portfolio)" -s bench/by-id.lua -H "Authorization: Bearer $manager" "http://127.0.0.1:$port"
    else
      IDS="$work/ids" rate "round $round: after, manager token (role on one portfolio)" -s bench/by-id.lua -H "Authorization: Bearer $manager" "http://127.0.0.1:$port"
      IDS="$work/ids" rate "round $round: after, Administrator token" -s bench/by-id.lua -H "Authorization: Bearer $admin" "http://127.0.0.1:$port"
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  summary
}

median() { # label, column of the rows table
  grep -F ": $1 |" "$work/rows" | awk -F'|' -v c="$2" '{ print $c + 0 }' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Medians over the rounds of each configuration, from the rows printed above (kept in $work/rows).
summary() {
  echo
  echo "| Median over ${ROUNDS:-3} rounds | Requests/s | Server CPU per request (µs) |"
  echo "| --- | --- | --- |"
  for label in "before, anonymous" "after, authorisation taken out, anonymous" "after, Administrator token" "after, manager token (role on one portfolio)"; do
    grep -qF ": $label |" "$work/rows" || continue
    printf '| %s | %s | %s |\n' "$label" "$(median "$label" 3)" "$(median "$label" 6)"
  done
  : >"$work/rows"
}

[ "${PROVIDERS:-all}" = postgresql ] || run SQLite "$work/before.db" "$work/after.db"
[ "${PROVIDERS:-all}" = sqlite ] && exit 0
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
"${on_server[@]}" runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$work/pg/log" -w start >/dev/null
PATH="$bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward before
PATH="$bin:$PATH" createdb -h 127.0.0.1 -p "$pg_port" -U steward after
run PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=before" "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=after"
