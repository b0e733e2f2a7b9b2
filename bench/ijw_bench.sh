#!/bin/sh
# iJw import benchmark (issue 13): JW323 declaration lines per second into the store,
# as a ratio to `xmllint --stream --noout` over the same files in the same run, and
# 10,000 JW301 files in one folder. With farm-bench on PATH also the CPU times of
# import (into a fresh copy of the master data) and xmllint paired run by run (RUNS,
# default 5); A/B is import / xmllint, its inverse the ratio of the target.
# PIN=N runs every timed command on processor N only (taskset; farm-bench --pin): on a
# virtual machine whose processors are not equally free, the single-thread rate is
# that of a free one (see BENCHMARKS.md, 2026-12-04).
#   bench/ijw_bench.sh [build/jeugdregio] [lines]
set -eu
BIN=${1:-build/jeugdregio}
LINES=${2:-1000000}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
here=$(dirname "$0")
now() { date +%s.%N; }
run() { if [ -n "${PIN:-}" ]; then taskset -c "$PIN" "$@"; else "$@"; fi; }

python3 "$here/ijw_gen.py" "$W/d323" --jw323 "$LINES"
python3 "$here/ijw_gen.py" "$W/d301" --jw301 10000

t0=$(now); run xmllint --stream --noout "$W"/d323/*.xml; t1=$(now)
"$BIN" init --db "$W/a.db" >/dev/null
mkdir "$W/m323"; mv "$W"/d323/*.xml "$W/m323/"
"$BIN" import --db "$W/a.db" "$W/d323" >/dev/null        # master data (CSV)
t2=$(now); run "$BIN" import --db "$W/a.db" "$W/m323" >/dev/null; t3=$(now)
"$BIN" init --db "$W/b.db" >/dev/null
t4=$(now); run "$BIN" import --db "$W/b.db" "$W/d301" >/dev/null; t5=$(now)

# The ratio paired run by run (farm-bench --vs: import and xmllint in turn, so a
# machine loaded by others drifts both alike): each import into a fresh copy of the
# database with the master data only.
if command -v farm-bench >/dev/null; then
  "$BIN" init --db "$W/m.db" >/dev/null
  "$BIN" import --db "$W/m.db" "$W/d323" >/dev/null
  printf '#!/bin/sh\nset -e\nrm -f "%s/t.db" "%s/t.db-wal" "%s/t.db-shm"\ncp "%s/m.db" "%s/t.db"\ncp "%s/m.db.key" "%s/t.db.key"\nexec "%s" import --db "%s/t.db" "%s/m323" >/dev/null\n' \
    "$W" "$W" "$W" "$W" "$W" "$W" "$W" "$BIN" "$W" "$W" > "$W/one.sh"
  chmod +x "$W/one.sh"
  farm-bench -n "${RUNS:-5}" ${PIN:+--pin "$PIN"} --timeout 600 --vs "xmllint --stream --noout $(echo "$W"/m323/*.xml)" \
    -- "$W/one.sh" > "$W/fb.txt"
  grep -E '^(A|B) (cpu|wall)|^A/B (cpu|wall)' "$W/fb.txt"
  # The medians as the targets read: lines per CPU-second of the import, and the
  # ratio xmllint / import (the inverse of the median of A/B, paired run by run).
  awk -v n="$LINES" '/^A cpu s/ {a = $5} /^A\/B cpu/ {r = $4}
    END { printf "import JW323, CPU (mediaan):  %.0f regels/s\n", n / a;
          printf "verhouding xmllint/import, CPU (mediaan van de paren): %.2f\n", 1 / r }' "$W/fb.txt"
fi

python3 - "$LINES" "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" <<'PY'
import sys
n = int(sys.argv[1]); t = [float(x) for x in sys.argv[2:]]
parse, imp, j301 = t[1] - t[0], t[3] - t[2], t[5] - t[4]
print(f"xmllint --stream --noout: {parse:.2f} s  ({n / parse:,.0f} regels/s)")
print(f"import JW323:             {imp:.2f} s  ({n / imp:,.0f} regels/s)")
print(f"verhouding import/xmllint: {parse / imp:.2f}")
print(f"import 10.000 JW301:      {j301:.2f} s")
PY
