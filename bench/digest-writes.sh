#!/usr/bin/env bash
# Do history digests slow writes? Side by side in one run: a build from before digests (BASE, default
# 1c5caf8) and this working tree taking a digest every minute (Audit:DigestEveryMinutes=1, fifteen times the
# default), each serving its own SQLite database of 10,000 synthetic units, both on core 1, wrk on core 0,
# 32 connections POSTing new risks to one project through the API. Windows of WINDOW seconds (default 10)
# alternate between the two builds, ROUNDS times (default 6), after WARMUP seconds (default 60) each.
# Needs wrk. Usage: [BASE=rev] [ROUNDS=N] bench/digest-writes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
base="${BASE:-1c5caf8}"
work="$(mktemp -d /tmp/steward-dwrites.XXXXXX)"
trap 'pkill -f "steward-dwrites.*/steward serve" 2>/dev/null || true; git worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 2; }
dotnet publish src/Steward -c Release -o "$work/after" >/dev/null
git worktree add -q --detach "$work/base-src" "$base"
dotnet publish "$work/base-src/src/Steward" -c Release -o "$work/base" >/dev/null
"$work/after/steward" audit key --out "$work/key.pem" >/dev/null

prepare() { # build, database; prints "token owner-id"
  "$work/$1/steward" seed --synthetic --units 10000 --database "$2" >/dev/null
  echo "bench password long enough" | "$work/$1/steward" users add --email admin@bench.example --name "Bench admin" --admin --database "$2" >/dev/null
  "$work/$1/steward" tokens create --email admin@bench.example --database "$2" | sed -n 's/^Token (shown only now): //p'
}
base_token=$(prepare base "$work/base.db")
after_token=$(prepare after "$work/after.db")
taskset -c 1 "$work/base/steward" serve --database "$work/base.db" --urls http://127.0.0.1:5191 >"$work/base.log" 2>&1 & base_pid=$!
STEWARD_AUDIT__SIGNINGKEYPATH="$work/key.pem" STEWARD_AUDIT__DIGESTEVERYMINUTES=1 STEWARD_AUDIT__DIGESTFOLDER="$work/digests" \
  taskset -c 1 "$work/after/steward" serve --database "$work/after.db" --urls http://127.0.0.1:5192 >"$work/after.log" 2>&1 & after_pid=$!
until curl -sf http://127.0.0.1:5191/health/ready >/dev/null && curl -sf http://127.0.0.1:5192/health/ready >/dev/null; do sleep 0.2; done
body() { # port, token: a risk on the first project, owned by the first person
  local owner; owner=$(curl -s -H "Authorization: Bearer $2" "http://127.0.0.1:$1/api/v1/people?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  echo "{\"title\":\"Bench risk\",\"ownerId\":\"$owner\",\"likelihood\":3,\"impact\":4}"
}
project=SYN-PRJ-00001
curl -sf -H "Authorization: Bearer $base_token" "http://127.0.0.1:5191/api/v1/units/$project" >/dev/null || project=$(curl -s -H "Authorization: Bearer $base_token" "http://127.0.0.1:5191/api/v1/units?kind=project&limit=1" | grep -o '"code":"[^"]*"' | head -1 | cut -d'"' -f4)
base_body=$(body 5191 "$base_token")
after_body=$(body 5192 "$after_token")

echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Compared | $base (before digests) and $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes') taking a digest every minute, side by side, SQLite, POST /api/v1/units/$project/risks at 32 connections |"
echo
load() { # seconds, port, token, body
  BODY="$4" taskset -c 0 wrk -t2 -c32 -d"${1}s" --latency -s bench/create-risk.lua -H "Authorization: Bearer $3" "http://127.0.0.1:$2/api/v1/units/$project/risks"
}
load "${WARMUP:-60}" 5191 "$base_token" "$base_body" >/dev/null
load "${WARMUP:-60}" 5192 "$after_token" "$after_body" >/dev/null
echo "| Window | Creates/s | p99 | non-2xx |"
echo "| --- | --- | --- | --- |"
measure() { # label, port, token, body
  local out; out=$(load "${WINDOW:-10}" "$2" "$3" "$4")
  local rps; rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  local p99; p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local bad; bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "| $1 | $rps | $p99 | ${bad:-0} |"
  echo "$1|$rps" >>"$work/rows"
}
for round in $(seq 1 "${ROUNDS:-6}"); do
  measure "$round: before digests" 5191 "$base_token" "$base_body"
  measure "$round: digest every minute" 5192 "$after_token" "$after_body"
done
echo
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
b=$(grep 'before' "$work/rows" | cut -d'|' -f2 | median)
a=$(grep 'every minute' "$work/rows" | cut -d'|' -f2 | median)
echo "Median creates/s: before digests $b, digest every minute $a ($(echo "scale=1; ($a - $b) * 100 / $b" | bc) %)."
echo "Digests taken by the new build during the run (every minute, each written to a folder): $(ls "$work/digests" 2>/dev/null | wc -l)."
