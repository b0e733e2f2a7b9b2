#!/usr/bin/env bash
# The demo region through iJw (issue 13, first "done when"): `demo --ijw` writes the
# region as CSV files and as iJw messages and imports the master data CSV plus the
# messages (not toewijzingen.csv, declaraties.csv) into database A; the same CSV files
# imported through CSV into database B (same key, so the same pseudonyms). After
# `check` on both, `settle --compare <all models>` for every year, `stats` and
# `forecast` give byte-identical JSON (without `meta`); every message is valid against
# the official XSD, and so is every JW325 that `antwoord` writes for A.
# Needs ../shared/ijw (the official schemas) and xmllint; exit 77 = skipped.
# Usage: tests/ijw_demo_test.sh path/to/jeugdregio [scale]   (from the repository root)
set -u
JR=$(realpath "$1")
SCALE=${2:-0.05}
XSD=../shared/ijw/xsd
if [ ! -d "$XSD" ]; then
  echo "../shared/ijw ontbreekt (de officiële iJw-schema's): iJw-demotest overgeslagen"
  exit 77
fi
if ! command -v xmllint > /dev/null; then
  echo "xmllint ontbreekt (Debian libxml2-utils): iJw-demotest overgeslagen"
  exit 77
fi
XSD=$(realpath "$XSD")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$(dirname "$0")/lib.sh"  # check, nometa

A=$T/a.db B=$T/b.db D=$T/demo
"$JR" demo --ijw --db "$A" --dir "$D" --scale "$SCALE" > "$T/demo.out" 2> "$T/demo.err"
check "demo --ijw succeeds" test $? -eq 0
check "demo --ijw says how many messages it wrote" grep -q "^iJw-berichten in .*ijw: [0-9.]* JW301, [0-9.]* JW305, [0-9.]* JW307, [0-9.]* JW323" "$T/demo.out"
check "demo --ijw imports the messages, not toewijzingen.csv and declaraties.csv" \
  grep -q "^Niet ingelezen.*declaraties.csv, .*toewijzingen.csv" "$T/demo.out"
check "demo --ijw: the JW323 messages were imported" grep -Eq "ijw: JW323 \([0-9.]+ berichten\) +[1-9]" "$T/demo.out"
check "demo --ijw: the supplement was read" grep -Eq "ijw/toewijzingen_aanvulling.csv +[1-9]" "$T/demo.out"

# Every message of every kind, against its official schema.
for k in 301 305 307 323; do
  n=$(find "$D/ijw" -name "JW${k}_*.xml" | wc -l)
  check "JW$k: messages written" test "$n" -gt 0
  find "$D/ijw" -name "JW${k}_*.xml" -print0 |
    xargs -0 -n 500 xmllint --noout --schema "$XSD/JW$k.xsd" > /dev/null 2> "$T/xsd$k.err"
  check "JW$k: all $n messages valid against JW$k.xsd" test "$(grep -c ' validates$' "$T/xsd$k.err")" -eq "$n"
done
check "messages are private (0600)" test -z "$(find "$D/ijw" -type f ! -perm 600)"
check "no half-written message left behind" test -z "$(find "$D/ijw" -name '*.tmp')"
# Whole units: no decimal comma in a volume of toewijzingen.csv or declaraties.csv.
check "toewijzingen.csv: whole volumes" python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter=";"))
assert rows and all("," not in r["volume"] for r in rows)
assert all(r["toewijzingnummer"].isdigit() and len(r["toewijzingnummer"]) <= 9 for r in rows)
' "$D/toewijzingen.csv"
check "declaraties.csv: whole volumes, numbers of at most 12 letters and digits" python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter=";"))
assert rows and all("," not in r["geleverd_volume"] for r in rows)
assert all(len(r["declaratienummer"]) <= 12 and r["declaratienummer"].isalnum() for r in rows)
' "$D/declaraties.csv"

# Database B: the same CSV files through CSV, with A's key.
cp "$A.key" "$T/b.key"
check "init B with A's key" "$JR" init --db "$B" --key "$T/b.key"
"$JR" import --db "$B" --key "$T/b.key" "$D" > "$T/b-import.out" 2>&1
check "B: the CSV files import" test $? -eq 0
check "B: declaraties.csv was read" grep -Eq "declaraties.csv +[1-9]" "$T/b-import.out"
check "B: no message was read" sh -c "! grep -Eq '\\.xml|berichten\\)' \"$T/b-import.out\""

# The demo's rules for both (B has no demo folder recorded to find them in).
"$JR" check --db "$A" --rules "$D/regels.toml" --format json > "$T/check.a.json" 2> /dev/null
"$JR" check --db "$B" --rules "$D/regels.toml" --format json > "$T/check.b.json" 2> /dev/null
nometa "$T/check.a.json" > "$T/check.a"
nometa "$T/check.b.json" > "$T/check.b"
check "check: the same findings through XML as through CSV" cmp "$T/check.a" "$T/check.b"
check "check: the planted defects are found" grep -q '"afgewezen"' "$T/check.a"

same() {  # same NAME ARGS...: the command's JSON for A and B
  local name=$1; shift
  "$JR" "$@" --db "$A" --format json > "$T/$name.a.json" 2> "$T/$name.a.err"
  "$JR" "$@" --db "$B" --format json > "$T/$name.b.json" 2> "$T/$name.b.err"
  nometa "$T/$name.a.json" 0 > "$T/$name.a"
  nometa "$T/$name.b.json" 0 > "$T/$name.b"
  check "$name: has output" test -s "$T/$name.a"
  check "$name: the same through XML as through CSV" cmp "$T/$name.a" "$T/$name.b"
}
# Every built-in model (named in `settle --help`), every year with costs.
MODELS=$("$JR" settle --help 2>&1 | sed -n 's/.*het model: \(.*\) of een model uit.*/\1/p' | sed 's/ of /, /; s/ //g')
check "settle: the built-in models ($MODELS)" test "$(echo "$MODELS" | tr ',' '\n' | wc -l)" -ge 6
"$JR" stats --db "$B" --format json > "$T/years.json" 2> /dev/null
YEARS=$(nometa "$T/years.json" 0 | python3 -c '
import json, sys
print(" ".join(str(y) for y in sorted({r["year"] for r in json.load(sys.stdin) if r["cost_cents"] > 0})))')
check "settle: years to compare ($YEARS)" test "$(echo $YEARS | wc -w)" -ge 10
# A year for which a model lacks history (vlaktaks-3 needs three years before it)
# fails on both with the same message; then each model on its own.
fails_same() {  # fails_same NAME ARGS...: the command fails on A and on B alike
  local name=$1; shift
  "$JR" "$@" --db "$A" --format json > /dev/null 2> "$T/$name.a.err"
  local ra=$?
  "$JR" "$@" --db "$B" --format json > /dev/null 2> "$T/$name.b.err"
  local rb=$?
  check "$name: fails the same through XML as through CSV" \
    sh -c "test $ra -ne 0 && test $rb -ne 0 && cmp \"$T/$name.a.err\" \"$T/$name.b.err\""
}
compared=0
for y in $YEARS; do
  if "$JR" settle --db "$B" --year "$y" --compare "$MODELS" --format json > /dev/null 2>&1; then
    same "settle-$y" settle --year "$y" --compare "$MODELS"
    compared=$((compared+1))
  else
    for m in $(echo "$MODELS" | tr ',' ' '); do
      if "$JR" settle --db "$B" --year "$y" --model "$m" --format json > /dev/null 2>&1; then
        same "settle-$y-$m" settle --year "$y" --model "$m"
      else
        fails_same "settle-$y-$m" settle --year "$y" --model "$m"
      fi
    done
  fi
done
check "settle: all models compared in most years ($compared)" test "$compared" -ge 5
same stats stats
same forecast forecast --from 2025-01 --months 12 --runs 50 --seed 7

# Stats of A also shows the real start and end of care (JW305/JW307); B has none.
check "stats A: a table of care periods (JW305/JW307)" python3 -c '
import json, sys
text = open(sys.argv[1]).read()
dec = json.JSONDecoder(); first, i = dec.raw_decode(text)
second, _ = dec.raw_decode(text[i:].lstrip())
started = sum(r["started"] for r in second)
assert started == int(sys.argv[2]), (started, sys.argv[2])
' "$T/stats.a.json" "$(grep -ho '<jw305:StartProduct>' "$D"/ijw/JW305_*.xml | wc -l)"
check "stats B: no care periods (CSV has none)" test "$(nometa "$T/stats.b.json" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -eq 1

# The answers for A: one JW325 per JW323, each valid.
# Without the messages the answers that reject lines cannot name the client: refused,
# and none of the answers is written (all or nothing).
"$JR" antwoord --db "$A" --out "$T/jw325-none" > /dev/null 2>&1
check "antwoord without --berichten fails" test $? -ne 0
check "antwoord that fails writes no file" test "$(find "$T/jw325-none" -type f 2>/dev/null | wc -l)" -eq 0
"$JR" antwoord --db "$A" --out "$T/jw325" --berichten "$D/ijw" > "$T/antwoord.out" 2>&1
check "antwoord succeeds" test $? -eq 0
n323=$(find "$D/ijw" -name 'JW323_*.xml' | wc -l)
n325=$(find "$T/jw325" -name 'JW325_*.xml' | wc -l)
check "antwoord: one JW325 per JW323 ($n325 of $n323)" test "$n325" -eq "$n323"
find "$T/jw325" -name 'JW325_*.xml' -print0 |
  xargs -0 -n 500 xmllint --noout --schema "$XSD/JW325.xsd" > /dev/null 2> "$T/xsd325.err"
check "antwoord: all JW325 valid against JW325.xsd" test "$(grep -c ' validates$' "$T/xsd325.err")" -eq "$n325"
check "antwoord: some lines rejected (the planted defects)" sh -c "awk '\$1 ~ /JW325_/ && \$3 > 0' \"$T/antwoord.out\" | grep -q ."
check "JW325 files are private (0600)" test -z "$(find "$T/jw325" -type f ! -perm 600)"

# No BSN from the messages in A's database or in any output.
BSNS=$(grep -ho '<jw301:Bsn>[0-9]*' "$D"/ijw/JW301_*.xml | head -200 | sed 's/.*>//' | sort -u)
check "BSNs to look for" test -n "$BSNS"
printf '%s\n' $BSNS > "$T/bsns"
check "no BSN in database A" sh -c "! grep -a -q -F -f \"$T/bsns\" \"$A\" \"$A-wal\" 2>/dev/null"
check "no BSN in any output" sh -c "! cat \"$T\"/*.json \"$T\"/*.out \"$T\"/*.err | grep -q -F -f \"$T/bsns\""

echo "ijw_demo: $pass passed, $fail failed"
test "$fail" -eq 0
