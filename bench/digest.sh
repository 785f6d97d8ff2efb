#!/usr/bin/env bash
# Times history digests (issue 25): the first digest over a long history, a later one, and
# `steward audit verify --digest` against the folder of digests, on SQLite and on PostgreSQL.
# Usage: bench/digest.sh [events] [raid-items]
#   default 8,500,000 past unit changes plus 1,490,000 RAID items (each with its created event) over
#   10,000 synthetic units: about 10,000,000 events and 1,500,000 records.
#   DATABASES="SQLite PostgreSQL" (default both).
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-8500000}"
raid="${2:-1490000}"
databases="${DATABASES:-SQLite PostgreSQL}"
work="$(mktemp -d /tmp/steward-digest.XXXXXX)"
chmod 755 "$work" # the PostgreSQL cluster below runs as the postgres user
pg_port=5198
trap '[ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet publish src/Steward -c Release -o "$work/app" >/dev/null
"$work/app/steward" audit key --out "$work/key.pem" >/dev/null
export STEWARD_AUDIT__SIGNINGKEYPATH="$work/key.pem"
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Commit | $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)') |"
echo
echo "| Database | Step | Events | Records | Wall clock (process start included) | Peak RSS |"
echo "| --- | --- | --- | --- | --- | --- |"

timed() { # label, database, provider, command...
  local label=$1 db=$2 provider=$3; shift 3
  local out wall rss
  out=$(/usr/bin/time -o "$work/t" -f "%e %M" "$work/app/steward" "$@" --database "$db" 2>"$work/err") || { cat "$work/err" >&2; exit 1; }
  read -r wall rss <"$work/t"
  local evts recs
  evts=$( (grep -o '"events": [0-9]*' <<<"$out" || grep -o '[0-9,]* events checked' <<<"$out") | grep -o '[0-9,]*' | head -1)
  recs=$(grep -o '"records": [0-9]*' <<<"$out" | grep -o '[0-9]*' || echo "")
  echo "| $provider | $label | $evts | $recs | ${wall} s | $((rss / 1024)) MB |"
}

measure() { # provider, database
  export STEWARD_AUDIT__DIGESTFOLDER="$work/digests-$1"
  local started=$SECONDS
  "$work/app/steward" seed --synthetic --raid "$raid" --history "$events" --database "$2" >/dev/null
  if [ "$1" = PostgreSQL ]; then "$bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U steward -d steward -c "VACUUM (ANALYZE)"; fi
  echo "| $1 | seed (not a target) | | | $((SECONDS - started)) s | |"
  timed "first digest (each record's newest event, found by the database)" "$2" "$1" audit digest
  timed "second digest (nothing new)" "$2" "$1" audit digest
  # A day's work since: 1,000 RAID changes through the command line would take long; a few units moved suffice to
  # show that a later digest reads only what is new.
  "$work/app/steward" units create --code BENCH-NEW --name "Digest bench" --kind portfolio --database "$2" >/dev/null
  timed "third digest (one change since)" "$2" "$1" audit digest
  for run in 1 2 3; do
    timed "verify --digest (folder of 3), run $run" "$2" "$1" audit verify --digest "$STEWARD_AUDIT__DIGESTFOLDER"
  done
  timed "verify without --digest (chains and live records only)" "$2" "$1" audit verify
}

for database in $databases; do
  if [ "$database" = SQLite ]; then
    measure SQLite "$work/steward.db"
  else
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
    mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
    runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
    "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U steward steward
    measure PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=steward"
  fi
done
