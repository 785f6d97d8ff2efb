#!/usr/bin/env bash
# Issue 27's hostile files, each posted once by a Contributor's token to a fresh server of the build
# before the fix and of this build, side by side in one run: the answer, its time, the server's peak
# memory while answering (VmHWM, reset before each file), its memory 5 s later, and whether a core was
# still busy 10 s after the client gave up. The files come from bench/hostile-files.py.
# Usage: bench/hostile.sh [client-timeout-seconds]; STEWARD_BENCH_BEFORE=commit compares another build.
set -euo pipefail
cd "$(dirname "$0")/.."
timeout="${1:-60}"
before="${STEWARD_BENCH_BEFORE:-fa49da4}" # the last commit before imports were bounded
work="$(mktemp -d /tmp/steward-hostile.XXXXXX)"
port=5193
trap 'pkill -f "steward-hostile.*/steward serve" 2>/dev/null || true; git worktree remove --force "$work/before-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git worktree add -q --detach "$work/before-src" "$before"
dotnet publish "$work/before-src/src/Steward" -c Release -o "$work/before" >/dev/null
dotnet publish src/Steward -c Release -o "$work/after" >/dev/null
python3 bench/hostile-files.py "$work/files"
echo "| Machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
echo "| Date | $(date -u +%Y-%m-%d) |"
echo "| Compared | ${before} and $(git rev-parse --short HEAD) |"
echo
echo "| File | Size | Build | Answer | Time (s) | Peak server memory (MB) | Memory 5 s later (MB) | Core busy 10 s after |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"

for build in before after; do
  db="$work/$build.db"
  "$work/$build/steward" seed --demo --database "$db" >/dev/null
  echo "a long enough bench password" | "$work/$build/steward" users add --email hostile@bench.example --name "Hostile Contributor" --database "$db" >/dev/null
  "$work/$build/steward" roles grant --email hostile@bench.example --role Contributor --unit DPP-PRJ-001 --database "$db" >/dev/null
  printf '%s' "$("$work/$build/steward" tokens create --email hostile@bench.example --database "$db" | sed -n 's/^Token (shown only now): //p')" >"$work/$build.token"
done

mb() { awk -v k="$2" '$1 == k":" {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

for file in calendar-loop.xml deep.xml tasks.xml exceptions.xml rows.xlsx shared-string.xlsx rows.csv; do
  case "$file" in
    *.xml) url="/api/v1/units/DPP-PRJ-001/plan/import" type="application/xml" ;;
    *) url="/api/v1/units/DPP-PRJ-001/risks/import?dryRun=true" type="application/octet-stream" ;;
  esac
  for build in before after; do
    cp "$work/$build.db" "$work/run.db" # the same database for every file: a plan import that did work leaves nothing behind
    "$work/$build/steward" serve --demo --database "$work/run.db" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
    pid=$!
    until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.1; done
    curl -s -o /dev/null -H "Authorization: Bearer $(cat "$work/$build.token")" "http://127.0.0.1:$port/api/v1/units/DPP-PRJ-001"
    echo 5 >"/proc/$pid/clear_refs" # resets VmHWM to what the server holds now
    started=$(date +%s.%N)
    code=$(curl -s -o "$work/answer" -w '%{http_code}' --max-time "$timeout" -H "Authorization: Bearer $(cat "$work/$build.token")" \
      -H "Content-Type: $type" --data-binary "@$work/files/$file" "http://127.0.0.1:$port$url" || true)
    took=$(echo "$(date +%s.%N) - $started" | bc)
    peak=$(mb "$pid" VmHWM)
    sleep 5
    later=$(mb "$pid" VmRSS)
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat"); sleep 10; busy=$(( $(awk '{print $14 + $15}' "/proc/$pid/stat") - ticks ))
    [ "$code" = 000 ] && code="none within ${timeout} s"
    [ "$code" = 400 ] && code="400: $(head -c 400 "$work/answer" | sed -n 's/.*"errors":{"file":\["\([^"]*\)".*/\1/p' | cut -c1-90)"
    printf '| %s | %s KB | %s | %s | %.1f | %s | %s | %s |\n' "$file" "$(( $(stat -c %s "$work/files/$file") / 1024 ))" "$build" "$code" "$took" "$peak" "$later" \
      "$([ "$busy" -gt 500 ] && echo "yes ($(( busy / $(getconf CLK_TCK) )) s of CPU)" || echo no)"
    kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  done
done
