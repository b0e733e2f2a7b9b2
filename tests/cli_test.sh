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

# report: HTML (every section, no external URL), XLSX read back, CSV, --public
"$JR" report --db "$DB" --out "$T/rap" --runs 20 > "$T/rap.out" 2>&1
check "report writes html, xlsx and csv" test -s "$T/rap/rapport.html" -a -s "$T/rap/rapport.xlsx" -a -s "$T/rap/csv/zorggebruik.csv"
check "report files are private (0600)" test "$(mode "$T/rap/rapport.html")$(mode "$T/rap/rapport.xlsx")" = 600600
check "report html has every section" sh -c 'for id in regio verrekening risico taakstelling agenda maatregelen prognose gemeente_GM0505; do grep -q "<section id=\"$id\"" "$1" || exit 1; done' _ "$T/rap/rapport.html"
check "report html has inline charts" grep -q '<svg viewBox' "$T/rap/rapport.html"
check "report html has no external URL" sh -c "! grep -q -e 'http://' -e 'https://' -e 'src=' \"$T/rap/rapport.html\""
check "report html says how to add an absent section" grep -q 'niet opgenomen. Voeg het toe met --budget' "$T/rap/rapport.html"
xlsx_check() {  # xlsx_check file.xlsx public(0|1): sheets, numbers as numbers, "<5"
  python3 - "$1" "$2" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); public = sys.argv[2] == "1"
strings = [re.sub("<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
assert names[0] == "inhoud" and "zorggebruik" in names and "verrekening_solidair" in names, names
xml = z.read("xl/worksheets/sheet%d.xml" % (names.index("zorggebruik") + 1)).decode()
cells = dict(re.findall(r'<c r="([A-Z]+4)"([^>]*>.*?)</c>', xml))
value = lambda c: re.search(r"<v>(.*?)</v>", cells[c]).group(1)
assert 't="s"' not in cells["F4"] and float(value("F4")) == 4087.75, cells["F4"]
assert 't="s"' not in cells["C4"] and value("C4") == "2019", cells["C4"]
if public:
    assert 't="s"' in cells["D4"] and strings[int(value("D4"))] == "&lt;5", cells["D4"]
else:
    assert 't="s"' not in cells["D4"] and float(value("D4")) == 1, cells["D4"]
styles = z.read("xl/styles.xml").decode()
assert "\u20ac".encode("utf-8").decode() in styles or "&#8364;" in styles, "no euro format"
PY
}
check "report xlsx holds numbers with euro formats" xlsx_check "$T/rap/rapport.xlsx" 0
check "report csv has raw numbers" grep -q '^GM0505,Dordrecht,2019,1,2,408775,' "$T/rap/csv/zorggebruik.csv"
"$JR" report --db "$DB" --out "$T/pub" --runs 20 --public > /dev/null 2>&1
check "public report suppresses counts in csv" grep -q '^GM0505,Dordrecht,2019,<5,<5,408775,' "$T/pub/csv/zorggebruik.csv"
check "public report suppresses counts in xlsx" xlsx_check "$T/pub/rapport.xlsx" 1
check "public report suppresses counts in html" grep -q '<td class="n">&lt;5</td>' "$T/pub/rapport.html"
check "public report has no small counts in any csv" python3 -c '
import csv, glob, sys
for f in glob.glob(sys.argv[1] + "/*.csv"):
    for r in csv.DictReader(open(f)):
        for k, v in r.items():
            if k in ("clients", "assignments", "running") or k.startswith(("active_", "new_")):
                assert v in ("", "<5") or float(v) == 0 or float(v) >= 5, (f, k, v)
' "$T/pub/csv"
check "report with input files has their sections" "$JR" report --db "$DB" --out "$T/in" --runs 20 --measures data/demo/maatregelen.toml
check "report measures section is filled" grep -q 'Totale besparing per jaar' "$T/in/rapport.html"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
