#!/bin/sh
# `check` benchmark (issue 12): every care rule on every declaration line of the demo
# region (1.5 million lines), wall and CPU time of the whole command (loading the rules'
# context, reading the store, the rules, recording the findings), as rows/s per core.
#   bench/check_bench.sh [build/jeugdregio] [threads] [runs]
# Writes the demo once into a temporary folder; prints one line per run and the load.
set -eu
BIN=${1:-build/jeugdregio}
THREADS=${2:-2}
RUNS=${3:-3}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
"$BIN" demo --db "$W/demo.db" --dir "$W/demo-data" >/dev/null 2>&1
i=0
while [ "$i" -lt "$RUNS" ]; do
  i=$((i + 1))
  /usr/bin/time -f '%e %U %S' -o "$W/time" "$BIN" check --db "$W/demo.db" \
    --rules "$W/demo-data/regels.toml" --threads "$THREADS" >"$W/out" 2>"$W/err"
  lines=$(sed -n 's/^gecontroleerd: \([0-9.]*\) regels.*/\1/p' "$W/err" | tr -d .)
  python3 - "$lines" "$THREADS" $(cat "$W/time") "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
n, threads = int(sys.argv[1]), int(sys.argv[2])
wall, user, sys_ = (float(x) for x in sys.argv[3:6])
cpu = user + sys_
print(f"{n:,} regels: wall {wall:.2f} s, CPU {cpu:.2f} s "
      f"({n / cpu:,.0f} regels/s per core), {threads} threads, load {sys.argv[6]}")
PY
done
