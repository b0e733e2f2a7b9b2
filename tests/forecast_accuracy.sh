#!/usr/bin/env bash
# Issue 14's accuracy target on the demo region (docs/forecast.md, "Accuracy"):
# backtests 12 months ahead at the cut-offs 2021-12 to 2024-06 every half year (first
# months 2022-01 .. 2024-07); fails when the microsimulation's P10-P90 band covers
# less than 70% or more than 90% of municipality-months at a cut-off, or when a
# baseline (naive, ETS, seasonal naive with drift) has a lower WAPE there.
# Usage: tests/forecast_accuracy.sh path/to/jeugdregio [scale] [runs]
# The ctest runs a scaled demo (scale 0.25: a quarter of the clients, so the test
# takes seconds, not minutes); scale 1 is the full demo of the README's table.
set -u
JR=$(realpath "$1")
SCALE=${2:-0.25}
RUNS=${3:-200}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$JR" demo --db "$T/demo.db" --dir "$T/demo-data" --scale "$SCALE" > /dev/null 2>&1 ||
  { echo "FAIL: demo --scale $SCALE"; exit 1; }
"$JR" backtest --db "$T/demo.db" --months 12 --runs "$RUNS" --threads 2 --format json \
  --cutoffs 2022-01-01,2022-07-01,2023-01-01,2023-07-01,2024-01-01,2024-07-01 \
  > "$T/backtest.json" 2> /dev/null || { echo "FAIL: backtest --cutoffs"; exit 1; }
python3 - "$T/backtest.json" "$SCALE" <<'PY'
import json, sys
cutoffs = json.load(open(sys.argv[1]))["cutoffs"]
fail = 0
print(f"demo scale {sys.argv[2]}: first month | WAPE prognose naief ETS seizoen+drift | P10-P90 | year error")
for c in cutoffs:
    w = c["wape_forecast"]
    base = {k: c["wape_" + k] for k in ("naive", "ets", "seasonal_drift")}
    cov = c["coverage_p10_p90"]
    print(f'{c["start"]} | {100*w:.1f}% {100*base["naive"]:.1f}% {100*base["ets"]:.1f}% '
          f'{100*base["seasonal_drift"]:.1f}% | {100*cov:.0f}% | {100*c["error_year_forecast"]:.1f}%')
    for k, v in base.items():
        if v <= w:
            print(f'FAIL: {c["start"]}: {k} WAPE {v:.4f} <= forecast {w:.4f}'); fail += 1
    if not 0.70 <= cov <= 0.90:
        print(f'FAIL: {c["start"]}: P10-P90 coverage {cov:.3f} outside 0.70-0.90'); fail += 1
sys.exit(1 if fail else 0)
PY
