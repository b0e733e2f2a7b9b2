#!/usr/bin/env bash
# End-to-end tests of the jeugdregio executable: init, import, stats, and the
# guarantees a user relies on (exit codes, Dutch errors, private files, no BSN).
# Usage: tests/cli_test.sh path/to/jeugdregio   (run from the repository root)
set -u
JR=$1
DATA=tests/data/ingest/valid
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() {  # check "description" command...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $what"; fi
}
mode() { stat -c %a "$1"; }

DB=$T/j.db
check "init creates the database" "$JR" init --db "$DB"
check "database is private (0600)" test "$(mode "$DB")" = 600
check "key file is private (0600)" test "$(mode "$DB.key")" = 600
check "init twice is harmless" "$JR" init --db "$DB"
check "import of a folder" "$JR" import --db "$DB" "$DATA"
"$JR" stats --db "$DB" --format json > "$T/stats.json"
check "stats json has the documented fields" python3 -c '
import json,sys
rows=json.load(open(sys.argv[1]))
assert rows, "no rows"
for r in rows:
    for k in ("municipality","year","clients","assignments","cost_cents"):
        assert k in r, k
d={r["municipality"]:r for r in rows}
assert d["GM0505"]["cost_cents"]==157600+152675+98500, d["GM0505"]
assert d["GM1963"]["cost_cents"]==3827136-123456
assert d["GM0505"]["clients"]==1 and d["GM0505"]["assignments"]==2
' "$T/stats.json"
check "stats csv has a header" sh -c "\"$JR\" stats --db \"$DB\" --format csv | head -1 | grep -q '^municipality,name,year,clients,assignments,cost_cents'"
check "stats table is Dutch" sh -c "\"$JR\" stats --db \"$DB\" | grep -q 'Totaal regio'"
check "no BSN in the database file" sh -c "! grep -a -q -e 111222333 -e 123456782 \"$DB\" \"$DB-wal\" 2>/dev/null"

cp "$DATA/aanbieders.csv" "$T/aanbieders.csv"
printf '1234;Fout\n' >> "$T/aanbieders.csv"
"$JR" import --db "$DB" aanbieders "$T/aanbieders.csv" > "$T/out" 2> "$T/err"
rc=$?
check "bad file exits non-zero" test "$rc" -ne 0
check "bad file error names file, line, column and field" grep -q "aanbieders.csv:4:1: veld 'agb_code': '1234' is geen AGB-code" "$T/err"
check "bad file says nothing changed" grep -q "er is niets gewijzigd" "$T/err"
check "unknown kind is refused" sh -c "! \"$JR\" import --db \"$DB\" onzin \"$T/aanbieders.csv\""
check "missing database is refused" sh -c "! \"$JR\" stats --db \"$T/none.db\""

# Forecast and backtest on a small demo region.
DEMO=$T/demo.db
check "small demo region" "$JR" demo --db "$DEMO" --dir "$T/demo-data" --scale 0.05
"$JR" forecast --db "$DEMO" --from 2024-01 --months 24 --runs 50 --levers data/demo/hefbomen.toml \
  --format json > "$T/forecast.json" 2> /dev/null
check "forecast --levers json has meta and the lever effect" python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
m=d["meta"]
assert m["levers"]==3 and m["runs"]==50 and m["months"]==24, m
assert m["entity_months"]>0 and m["seconds"]>0 and m["threads"]>=1, m
assert d["yearly"], "no yearly rows"
' "$T/forecast.json"
check "forecast --levers table shows the effect per year" sh -c "\"$JR\" forecast --db \"$DEMO\" --from 2024-01 --months 24 --runs 20 --levers data/demo/hefbomen.toml 2>/dev/null | grep -q 'Regio'"
check "forecast with a missing levers file is refused" sh -c "! \"$JR\" forecast --db \"$DEMO\" --from 2024-01 --months 12 --runs 5 --levers \"$T/none.toml\""
"$JR" backtest --db "$DEMO" --cutoff 2024-01-01 --months 12 --runs 50 --format json > "$T/backtest.json" 2> /dev/null
check "backtest json has the region error, the naive error and the coverage" python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
for k in ("wape_forecast","wape_naive","coverage_p10_p90"):
    assert k in d, k
    assert 0 <= d[k] <= 1, (k, d[k])
' "$T/backtest.json"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
