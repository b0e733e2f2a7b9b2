#!/usr/bin/env bash
# The command line on PostgreSQL (issue 17): the demo region imported into SQLite and
# into PostgreSQL gives byte-identical `settle --format json`, `forecast --format
# json` (without `meta`, which holds timings), `check` and `stats`; the same iJw
# messages (JW301, JW323) imported into both give the same counts, findings and JW325
# answers; two regions on one server stay apart; a password in the URL and a missing
# --key are refused.
# Needs the server of tests/with_postgres.sh (JEUGDREGIO_TEST_PG); exit 77 = skipped.
# Usage: tests/pg_cli_test.sh path/to/jeugdregio   (run from the repository root)
set -u
JR=$(realpath "$1")
if [ -z "${JEUGDREGIO_TEST_PG:-}" ]; then
  echo "JEUGDREGIO_TEST_PG is niet gezet: PostgreSQL-test overgeslagen (draai via tests/with_postgres.sh)"
  exit 77
fi
T=$(mktemp -d)
A="cli_a_$$" B="cli_b_$$" C="cli_c_$$"
cleanup() {
  psql -q "$JEUGDREGIO_TEST_PG" -c "DROP SCHEMA IF EXISTS $A CASCADE; DROP SCHEMA IF EXISTS $B CASCADE; DROP SCHEMA IF EXISTS $C CASCADE" > /dev/null 2>&1
  rm -rf "$T"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"  # check, nometa

SQ=$T/s.db
PG="$JEUGDREGIO_TEST_PG&schema=$A"
PG_B="$JEUGDREGIO_TEST_PG&schema=$B"
SCALE=0.1  # a tenth of the demo: the same code paths, seconds instead of minutes
"$JR" init --db "$SQ" > /dev/null
"$JR" demo --db "$SQ" --dir "$T/demo" --scale $SCALE > /dev/null 2>&1
# The same key (so the same pseudonyms): a copy of the SQLite database's key file.
cp "$SQ.key" "$T/pg.key"
check "init on PostgreSQL" "$JR" init --db "$PG" --key "$T/pg.key"
check "demo on PostgreSQL" "$JR" demo --db "$PG" --key "$T/pg.key" --dir "$T/demo-pg" --scale $SCALE
check "init twice is harmless" "$JR" init --db "$PG" --key "$T/pg.key"

same() {  # same NAME ARGS...: the command's JSON on both backends
  local name=$1; shift
  "$JR" "$@" --db "$SQ" --format json > "$T/$name.sqlite.json" 2> /dev/null
  "$JR" "$@" --db "$PG" --format json > "$T/$name.pg.json" 2> /dev/null
  nometa "$T/$name.sqlite.json" > "$T/$name.sqlite"
  nometa "$T/$name.pg.json" > "$T/$name.pg"
  check "$name: the same on PostgreSQL as on SQLite" cmp "$T/$name.sqlite" "$T/$name.pg"
  check "$name: has output" test -s "$T/$name.sqlite"
}
same stats stats
same settle settle --year 2021 --compare solidair,profijt,vlaktaks-3
same settle-risk settle --year 2021 --model solidair --risk --runs 200 --seed 3
same forecast forecast --from 2024-01 --months 12 --runs 50 --seed 7
# The demo's care rules for both (its folder, recorded for SQLite, is no place for a URL).
same check check --rules "$T/demo/regels.toml"
check "check: finds something to compare" grep -q '"afgewezen"' "$T/check.sqlite"
# Without --rules, `check` takes regels.toml from the folder `demo` recorded: for a URL
# relative to the folder demo ran in, for a file relative to the database's folder (so
# it works from any folder).
"$JR" check --db "$PG" --format json > "$T/check-default.pg.json" 2> /dev/null
nometa "$T/check-default.pg.json" > "$T/check-default.pg"
check "check without --rules on PostgreSQL: the demo's regels.toml" cmp "$T/check.sqlite" "$T/check-default.pg"
(cd / && "$JR" check --db "$SQ" --format json) > "$T/check-default.sqlite.json" 2> /dev/null
nometa "$T/check-default.sqlite.json" > "$T/check-default.sqlite"
check "check without --rules from another folder: the demo's regels.toml" cmp "$T/check.sqlite" "$T/check-default.sqlite"
check "settle json is byte-identical too" sh -c "\"$JR\" settle --db \"$SQ\" --year 2021 --format json > \"$T/a\" && \"$JR\" settle --db \"$PG\" --year 2021 --format json > \"$T/b\" && cmp \"$T/a\" \"$T/b\""

# A second import of the same folder changes nothing (exact outcomes through COPY).
"$JR" import --db "$PG" --key "$T/pg.key" "$T/demo-pg" > "$T/reimport" 2>&1
check "re-import: succeeds" test $? -eq 0
check "re-import: nothing added" sh -c "! grep -E -q 'declaraties\\.csv +[0-9.]+ +[1-9]' \"$T/reimport\""

# iJw messages (synthetic, bench/ijw_gen.py) on both backends: a folder with master
# data, JW301 and JW323 messages, then the JW325 answers.
IJW=$T/ijw
python3 bench/ijw_gen.py "$IJW" --jw323 8 > /dev/null
python3 bench/ijw_gen.py "$T/ijw301" --jw301 3 > /dev/null
cp "$T"/ijw301/jw301_*.xml "$IJW/"
ISQ=$T/ijw.db
PG_C="$JEUGDREGIO_TEST_PG&schema=$C"
"$JR" init --db "$ISQ" > /dev/null
cp "$ISQ.key" "$T/ijw.key"
check "iJw: init on PostgreSQL" "$JR" init --db "$PG_C" --key "$T/ijw.key"
"$JR" import --db "$ISQ" "$IJW" > "$T/ijw.sqlite.out" 2>&1
check "iJw: import on SQLite" test $? -eq 0
"$JR" import --db "$PG_C" --key "$T/ijw.key" "$IJW" > "$T/ijw.pg.out" 2>&1
check "iJw: import of the folder on PostgreSQL" test $? -eq 0
# The per-file lines (read, added, unchanged): the same on both; no timings in them.
counts() { grep -E '\.(xml|csv) ' "$1" | sed 's/  */ /g'; }
counts "$T/ijw.sqlite.out" > "$T/ijw.sqlite.counts"
counts "$T/ijw.pg.out" > "$T/ijw.pg.counts"
check "iJw: the JW323 messages are counted" grep -q 'jw323_0000.xml' "$T/ijw.pg.counts"
check "iJw: the same counts per file as on SQLite" cmp "$T/ijw.sqlite.counts" "$T/ijw.pg.counts"
"$JR" import --db "$PG_C" --key "$T/ijw.key" "$IJW" > "$T/ijw.pg.again" 2>&1
check "iJw: the same messages again change nothing on PostgreSQL" grep -q 'jw323_0000.xml  *8  *0  *8  *0' "$T/ijw.pg.again"
"$JR" import --db "$PG_C" --key "$T/ijw.key" "$IJW/jw323_0000.xml" > /dev/null 2>&1
check "iJw: one message again, on its own" test $? -eq 0
"$JR" stats --db "$ISQ" --format json > "$T/is.json" 2> /dev/null
"$JR" stats --db "$PG_C" --format json > "$T/ip.json" 2> /dev/null
check "iJw: stats (care periods included) the same" cmp "$T/is.json" "$T/ip.json"
"$JR" check --db "$ISQ" --format csv > "$T/ic.sqlite.csv" 2> /dev/null
"$JR" check --db "$PG_C" --format csv > "$T/ic.pg.csv" 2> /dev/null
check "iJw: check gives the same findings" cmp "$T/ic.sqlite.csv" "$T/ic.pg.csv"
check "iJw: check rejects lines to answer" test "$(grep -c ',afgewezen,' "$T/ic.pg.csv")" -gt 0
# Rejected lines are answered with the client's BSN, read again from the messages.
check "iJw: antwoord on SQLite" "$JR" antwoord --db "$ISQ" --berichten "$IJW" --out "$T/jw325.sqlite" --dagtekening 2025-02-10
check "iJw: antwoord on PostgreSQL" "$JR" antwoord --db "$PG_C" --key "$T/ijw.key" --berichten "$IJW" --out "$T/jw325.pg" --dagtekening 2025-02-10
check "iJw: a JW325 per JW323 on PostgreSQL" test -s "$T/jw325.pg/JW325_12345678_D0.xml"
check "iJw: the JW325 answers are byte-identical" diff -r "$T/jw325.sqlite" "$T/jw325.pg"

# Two regions on one server.
check "second region: init" "$JR" init --db "$PG_B" --key "$T/b.key"
"$JR" stats --db "$PG_B" --format json > "$T/b.json" 2>&1
check "second region: sees nothing of the first" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))==[]' "$T/b.json"
check "second region: another key is refused in the first" sh -c "! \"$JR\" import --db \"$PG\" --key \"$T/b.key\" \"$T/demo-pg\""

# Addresses and keys.
"$JR" stats --db "postgresql://jr:geheim@localhost/x" > /dev/null 2> "$T/err"
check "password in the URL: refused" test $? -ne 0
check "password in the URL: says how" grep -q "PGPASSWORD" "$T/err"
check "password in the URL: not echoed" sh -c "! grep -q geheim \"$T/err\""
"$JR" import --db "$PG" "$T/demo-pg" > /dev/null 2> "$T/err"
check "no --key for a URL: refused" test $? -ne 0
check "no --key for a URL: asks for it" grep -q -- "--key" "$T/err"
"$JR" stats --db "$JEUGDREGIO_TEST_PG&schema=nergens_$$" > /dev/null 2> "$T/err"
check "region that was never made: refused" test $? -ne 0
check "region that was never made: says init" grep -q "jeugdregio init" "$T/err"

echo "pg_cli_test: $pass geslaagd, $fail mislukt"
[ "$fail" -eq 0 ]
