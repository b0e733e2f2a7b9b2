#!/usr/bin/env bash
# API latency under load (issue 6): the settlement what-if of the demo region with 100
# concurrent connections, measured with wrk (Debian package wrk).
# With HEAVY=1 (issue 18, item 8): the same while a municipality token keeps asking for
# new heavy forecasts (months=59, runs=1999, each a different query so none is cached)
# from 8 clients at once: cheap endpoints must keep answering.
# SERVE_ARGS: more options of `serve` (e.g. `--heavy-nice 0` for heavy work at the same
# priority as the cheap requests); DURATION: wrk's time per query (default 20s).
# Usage: bench/api_load.sh path/to/jeugdregio demo.db   (a database with the demo region)
set -euo pipefail
JR=$(realpath "$1")
DB=$2
PORT=${PORT:-8799}
TOKEN=$("$JR" token add --db "$DB" --role region --name "bench/api_load.sh" 2>/dev/null)
# shellcheck disable=SC2086  # SERVE_ARGS is a list of options
"$JR" serve --db "$DB" --port "$PORT" ${SERVE_ARGS:-} > /dev/null &
SERVER=$!
trap 'kill $SERVER; jobs -p | xargs -r kill 2>/dev/null' EXIT
for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" && break
  sleep 0.1
done
if [ "${HEAVY:-0}" = 1 ]; then
  MUNI=$("$JR" token add --db "$DB" --role municipality:GM0505 --name "bench heavy" 2>/dev/null)
  for c in $(seq 1 8); do
    (i=0; while :; do
       i=$((i + 1))
       curl -s -o /dev/null -H "Authorization: Bearer $MUNI" \
         "http://127.0.0.1:$PORT/api/forecast?months=59&runs=$((1999 - c * 100 - i % 100))"
       sleep 0.1
     done) &
  done
  sleep 1
fi
for query in "year=2021&model=solidair" "year=2021&model=pool-100k" "year=2023&model=vlaktaks-3"; do
  echo "== /api/settlement?$query"
  wrk -t2 -c100 -d"${DURATION:-20s}" --latency -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/api/settlement?$query" | grep -E "50%|90%|99%|Requests/sec|errors|Non-2xx"
done
