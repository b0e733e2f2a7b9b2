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

# settle: who pays what (docs/formats.md), risk, and bad model files.
"$JR" settle --db "$DB" --compare solidair,profijt,pool-100k --format json > "$T/settle.json"
check "settle json has the documented fields and equal totals per model" python3 -c '
import json,sys
rows=json.load(open(sys.argv[1]))
assert rows, "no rows"
for r in rows:
    for k in ("model","year","municipality","contribution_cents","own_use_cents",
              "state_grant_cents","transfer_cents"):
        assert k in r, k
    assert r["transfer_cents"]==r["contribution_cents"]-r["own_use_cents"], r
totals={}
for r in rows: totals[r["model"]]=totals.get(r["model"],0)+r["contribution_cents"]
assert sorted(totals)==["pool-100k","profijt","solidair"], totals
assert len(set(totals.values()))==1, totals
' "$T/settle.json"
check "settle --compare table is Dutch" sh -c "\"$JR\" settle --db \"$DB\" --compare solidair,profijt | grep -q 'Bijdrage profijt'"
"$JR" settle --db "$DB" --compare solidair,profijt --risk --runs 200 --seed 7 --threads 1 --format json > "$T/risk1.json"
"$JR" settle --db "$DB" --compare solidair,profijt --risk --runs 200 --seed 7 --threads 2 --format json > "$T/risk2.json"
check "risk json has the documented fields" python3 -c '
import json,sys
rows=json.load(open(sys.argv[1]))
assert len(rows)==4, rows
for r in rows:
    for k in ("model","year","municipality","contribution_cents","stddev_cents",
              "p95_minus_median_cents","stddev_per_inhabitant",
              "p95_minus_median_per_inhabitant"):
        assert k in r, k
' "$T/risk1.json"
check "risk is the same with 1 and 2 threads" cmp "$T/risk1.json" "$T/risk2.json"
# A small demo region (2015-2025, ~300 clients a year): several years, mergers, history.
DEMO=$T/demo.db
"$JR" init --db "$DEMO" >/dev/null && "$JR" demo --db "$DEMO" --dir "$T/demo" --scale 0.02 >/dev/null 2>&1
M=solidair,profijt,vlaktaks-3,zwaar-solidair,pool-100k
"$JR" settle --db "$DEMO" --compare $M --format json > "$T/all_years.json"
"$JR" settle --db "$DEMO" --compare $M --year 2025 --format json > "$T/one_year.json"
check "settle --year reads only the years it needs, with the same result" cmp "$T/all_years.json" "$T/one_year.json"
"$JR" settle --db "$DEMO" --compare $M --year 2021 --risk --runs 300 --threads 1 --format json > "$T/drisk1.json"
"$JR" settle --db "$DEMO" --compare $M --year 2021 --risk --runs 300 --threads 2 --format json > "$T/drisk2.json"
check "demo risk is the same with 1 and 2 threads" cmp "$T/drisk1.json" "$T/drisk2.json"
check "demo risk has spread" python3 -c '
import json,sys
rows=json.load(open(sys.argv[1]))
assert len(rows)==5*10, len(rows)
assert any(r["stddev_cents"]>0 for r in rows if r["model"]=="profijt")
' "$T/drisk1.json"
"$JR" settle --db "$DB" --model-file tests/data/settle/models/bad-unknown-rule.toml > "$T/out" 2> "$T/err"
rc=$?
check "bad model file exits non-zero" test "$rc" -ne 0
check "bad model file error names file, line and key" grep -q "bad-unknown-rule.toml:4:.*\[buckets.verblijf\]: .*onbekende regel 'vlaktaks:3'" "$T/err"
"$JR" settle --db "$DB" --model-file tests/data/settle/models/bad-history-too-long.toml > "$T/out" 2> "$T/err"
check "n larger than the history names file and key" grep -q "bad-history-too-long.toml:5:.*\[buckets.verblijf\]: .*history:9 vraagt de kosten van" "$T/err"
"$JR" settle --db "$DB" --model-file tests/data/settle/models/bad-key-missing.toml > "$T/out" 2> "$T/err"
check "missing key names file and key" grep -q "bad-key-missing.toml:3:.*\[default\]: .*verdeelsleutel 'custom' bestaat niet" "$T/err"
check "a year without data is named" sh -c "\"$JR\" settle --db \"$DB\" --year 2030 2>&1 | grep -q 'geen gegevens voor jaar 2030'"
check "unknown model is refused in Dutch" sh -c "\"$JR\" settle --db \"$DB\" --model onzin 2>&1 | grep -q \"onbekend model 'onzin'\""

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
