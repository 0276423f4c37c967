#!/usr/bin/env bash
# The browser journeys N times in a row (issue 8: "ten times in a row, all green"), on both stores' journeys
# (TEST_DATABASE_URL as CI sets it). Each run's summary, exit code, time and machine load go to
# .cache/journeys-loop/runs.log; its full log and vitest's JSON report beside it. Stops at the first failed run
# unless --keep-going. A failed journey leaves its screenshot and page text in test-results/failures/.
#   bash scripts/journeys-loop.sh [N=10] [--keep-going]
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
KEEP=0; [[ " $* " == *" --keep-going "* ]] && KEEP=1
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}" CI=true
OUT=.cache/journeys-loop; mkdir -p "$OUT"; LOG="$OUT/runs.log"
echo "== $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD), $N runs" >> "$LOG"
green=0
for i in $(seq 1 "$N"); do
  s=$(date +%s)
  npx vitest run e2e --reporter=default --reporter=json --outputFile.json="$OUT/run$i.json" > "$OUT/run$i.log" 2>&1
  rc=$?
  summary=$(sed 's/\x1b\[[0-9;]*m//g' "$OUT/run$i.log" | grep -E '^ +Tests ' | tr -s ' ')
  echo "run $i rc=$rc $(( $(date +%s)-s )) s load $(cut -d' ' -f1-3 /proc/loadavg) |$summary" | tee -a "$LOG"
  if [ $rc -eq 0 ]; then green=$((green+1)); elif [ $KEEP -eq 0 ]; then break; fi
done
echo "== $green of $N runs green in a row" | tee -a "$LOG"
[ "$green" -eq "$N" ]
