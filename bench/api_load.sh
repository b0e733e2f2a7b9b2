#!/usr/bin/env bash
# API latency under load (issue 6): the settlement what-if of the demo region with 100
# concurrent connections, measured with wrk (Debian package wrk).
# Usage: bench/api_load.sh path/to/jeugdregio demo.db   (a database with the demo region)
set -euo pipefail
JR=$(realpath "$1")
DB=$2
PORT=${PORT:-8799}
TOKEN=$("$JR" token add --db "$DB" --role region --name "bench/api_load.sh" 2>/dev/null)
"$JR" serve --db "$DB" --port "$PORT" > /dev/null &
SERVER=$!
trap 'kill $SERVER' EXIT
for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" && break
  sleep 0.1
done
for query in "year=2021&model=solidair" "year=2021&model=pool-100k" "year=2023&model=vlaktaks-3"; do
  echo "== /api/settlement?$query"
  wrk -t2 -c100 -d20s --latency -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/api/settlement?$query" | grep -E "50%|90%|99%|Requests/sec|errors|Non-2xx"
done
