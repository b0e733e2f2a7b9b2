#!/usr/bin/env bash
# The command line on PostgreSQL (issue 17): the demo region imported into SQLite and
# into PostgreSQL gives byte-identical `settle --format json` and `forecast --format
# json` (without `meta`, which holds timings) and `stats`; two regions on one server
# stay apart; a password in the URL and a missing --key are refused.
# Needs the server of tests/with_postgres.sh (JEUGDREGIO_TEST_PG); exit 77 = skipped.
# Usage: tests/pg_cli_test.sh path/to/jeugdregio   (run from the repository root)
set -u
JR=$(realpath "$1")
if [ -z "${JEUGDREGIO_TEST_PG:-}" ]; then
  echo "JEUGDREGIO_TEST_PG is niet gezet: PostgreSQL-test overgeslagen (draai via tests/with_postgres.sh)"
  exit 77
fi
T=$(mktemp -d)
A="cli_a_$$" B="cli_b_$$"
cleanup() {
  psql -q "$JEUGDREGIO_TEST_PG" -c "DROP SCHEMA IF EXISTS $A CASCADE; DROP SCHEMA IF EXISTS $B CASCADE" > /dev/null 2>&1
  rm -rf "$T"
}
trap cleanup EXIT
pass=0 fail=0
check() {  # check "description" command...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $what"; fi
}
# `meta` holds timings: everything else must be the same byte for byte.
nometa() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("meta",None) if isinstance(d,dict) else None; print(json.dumps(d,sort_keys=True))' "$1"; }

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
check "settle json is byte-identical too" sh -c "\"$JR\" settle --db \"$SQ\" --year 2021 --format json > \"$T/a\" && \"$JR\" settle --db \"$PG\" --year 2021 --format json > \"$T/b\" && cmp \"$T/a\" \"$T/b\""

# A second import of the same folder changes nothing (exact outcomes through COPY).
"$JR" import --db "$PG" --key "$T/pg.key" "$T/demo-pg" > "$T/reimport" 2>&1
check "re-import: succeeds" test $? -eq 0
check "re-import: nothing added" sh -c "! grep -E -q 'declaraties\\.csv +[0-9.]+ +[1-9]' \"$T/reimport\""

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
