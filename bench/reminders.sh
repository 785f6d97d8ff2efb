#!/usr/bin/env bash
# Issue 23's reminder targets on the synthetic department (10,000 units, 2,000 people, 1,000,000 RAID items
# with their dates), on SQLite and on PostgreSQL: every person's daily digest computed and handed to the mail server (a local
# SMTP sink, bench/smtp-sink.py) in under 60 s on one node, at most 500 MB; and "Your work" (GET
# /api/v1/me/work) for a person with about 500 items in at most 100 ms server time at p95.
# The digest is run as `steward jobs run` does it: work-reminders once, then email-delivery until nothing waits,
# timed end to end with the largest resident memory of each process.
# Usage: bench/reminders.sh [RAID_ITEMS] [sqlite|postgres|both]
set -euo pipefail
cd "$(dirname "$0")/.."
items="${1:-1000000}"
which="${2:-both}"
work="$(mktemp -d /tmp/steward-reminders.XXXXXX)"
chmod 755 "$work" # the PostgreSQL cluster below runs as the postgres user
port=5231
smtp_port=5232
pg_port=5233
trap 'pkill -f "steward-reminders.*/steward serve" 2>/dev/null || true; pkill -f "smtp-sink.py $smtp_port" 2>/dev/null || true
  [ -d "$work/pg" ] && runuser -u postgres -- pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet publish src/Steward -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" >/dev/null
steward="$work/app/steward"
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Commit | $(git rev-parse --short HEAD) |"


python3 bench/smtp-sink.py "$smtp_port" "$work/received" &
export STEWARD_MAIL__HOST=127.0.0.1 STEWARD_MAIL__PORT=$smtp_port STEWARD_MAIL__SECURITY=none STEWARD_MAIL__FROM=steward@bench.example STEWARD_MAIL__SITEADDRESS=https://steward.bench.example
timed() { /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out.log" 2>&1 || { cat "$work/out.log"; exit 1; }; cat "$work/time"; }

# sql DATABASE-KIND STATEMENT: runs it against the database being measured and prints the first column.
sql() {
  if [ "$1" = SQLite ]; then
    python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); r = c.execute(sys.argv[2]).fetchone(); c.commit(); print(r[0] if r else "")' "$db" "$2"
  else
    psql -h 127.0.0.1 -p "$pg_port" -U steward -d steward -Atq -c "$2"
  fi
}

measure() { # kind, database
  local kind=$1; db=$2
  # The sink counts from its start: this database's e-mails are what it counts from here.
  local received_before; received_before=$(cat "$work/received" 2>/dev/null || echo 0)
  local started; started=$(date +%s.%N)
  "$steward" seed --synthetic --units 10000 --raid "$items" --database "$db" >/dev/null
  printf '\n%s: seeded 10,000 units and %s RAID items in %.0f s.\n' "$kind" "$items" "$(echo "$(date +%s.%N) - $started" | bc)"
  # Everyone's digest due now, whatever the hour.
  sql "$kind" "INSERT INTO notification_settings (\"PersonId\", \"DigestAt\", \"Choices\", \"Version\") SELECT \"Id\", '00:00:00', '{}', 0 FROM people" >/dev/null
  read -r made_s made_kb < <(timed "$steward" jobs run work-reminders --database "$db")
  local made; made=$(grep -v '^warn' "$work/out.log")
  local sent_s=0 sent_kb=0 s kb
  while :; do
    read -r s kb < <(timed "$steward" jobs run email-delivery --database "$db")
    sent_s=$(echo "$sent_s + $s" | bc); [ "$kb" -gt "$sent_kb" ] && sent_kb=$kb
    grep -q ": 0 sent" "$work/out.log" && break
  done
  local received; received=$(( $(cat "$work/received" 2>/dev/null || echo 0) - received_before ))
  local total; total=$(echo "$made_s + $sent_s" | bc)

  echo "bench password long enough" | "$steward" users add --email admin@bench.example --name "Bench Administrator" --admin --database "$db" >/dev/null
  # The person with the most open, dated items gets an account to ask for their work.
  local owner; owner=$(sql "$kind" "SELECT p.\"Email\" FROM people p JOIN risks r ON r.\"OwnerId\" = p.\"Id\" WHERE r.\"Status\" = 'Open' GROUP BY p.\"Id\", p.\"Email\" ORDER BY COUNT(*) DESC LIMIT 1")
  echo "bench password long enough" | "$steward" users add --email "$owner" --name "Bench Owner" --database "$db" >/dev/null 2>&1 || true
  local token; token=$("$steward" tokens create --email "$owner" --database "$db" | sed -n 's/^Token (shown only now): //p')
  STEWARD_JOBS__ENABLED=false "$steward" serve --database "$db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  local served=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.2; done
  local count; count=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me/work" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['items']))")
  for i in $(seq 1 5); do curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me/work"; done
  local work_ms; work_ms=$(for i in $(seq 1 40); do curl -s -o /dev/null -w '%{time_starttransfer}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me/work"; done | python3 -c "
import sys
t = sorted(float(l) * 1000 for l in sys.stdin)
print(f'{t[len(t) // 2]:.0f} ms median, {t[int(len(t) * 0.95) - 1]:.0f} ms p95')")
  kill "$served"; wait "$served" 2>/dev/null || true

  echo
  echo "$made"
  echo
  echo "| $kind | Figure | Target |"
  echo "| --- | --- | --- |"
  echo "| Every person's digest computed (\`steward jobs run work-reminders\`, start-up included) | $made_s s, $((made_kb / 1024)) MB at most | |"
  echo "| Handed to the mail server (\`steward jobs run email-delivery\` until none wait; $received e-mails received) | $sent_s s, $((sent_kb / 1024)) MB at most | |"
  echo "| **Digest computed and handed over, in all** | **$total s**, $(( (made_kb > sent_kb ? made_kb : sent_kb) / 1024 )) MB at most | 60 s, 500 MB |"
  echo "| Your work for $owner ($count items), 40 requests one at a time | $work_ms | 100 ms p95 |"
}

if [ "$which" != postgres ]; then
  measure SQLite "$work/steward.db"
fi
if [ "$which" != sqlite ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -A trust -U steward --no-locale -E UTF8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
  "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U steward steward
  measure PostgreSQL "Host=127.0.0.1;Port=$pg_port;Username=steward;Database=steward"
fi
