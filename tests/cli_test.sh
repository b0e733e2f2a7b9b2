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
check "usage errors are Dutch" sh -c "! \"$JR\" stats --db \"$DB\" --year abc 2> \"$T/usage\" && grep -q \"'abc' is geen geldige waarde\" \"$T/usage\""

# serve: tokens and roles over HTTP
"$JR" token add --db "$DB" --role region --name regio > "$T/tok_region" 2>/dev/null
"$JR" token add --db "$DB" --role municipality:GM0505 > "$T/tok_gm0505" 2>/dev/null
check "token is not stored in the database" sh -c "! grep -a -q \"$(cat "$T/tok_region")\" \"$DB\" \"$DB-wal\" 2>/dev/null"
check "token with a bad role is refused in Dutch" sh -c "! \"$JR\" token add --db \"$DB\" --role baas 2> \"$T/tokerr\" && grep -q \"rol 'baas' onbekend\" \"$T/tokerr\""
"$JR" serve --db "$DB" --port 0 > "$T/serve.out" 2>&1 &
SERVE=$!
for _ in $(seq 1 100); do grep -q 'http://' "$T/serve.out" && break; sleep 0.1; done
URL=$(grep -o 'http://[0-9.:]*' "$T/serve.out")
code() { curl -s -o "$T/body" -w '%{http_code}' "$@"; }
check "serve without token is 401" test "$(code "$URL/api/health")" = 401
check "serve with region token is 200" test "$(code -H "Authorization: Bearer $(cat "$T/tok_region")" "$URL/api/health")" = 200
check "settlement API gives the rows of settle" sh -c "
  curl -s -H 'Authorization: Bearer $(cat "$T/tok_gm0505")' '$URL/api/settlement?year=2019&model=solidair' > '$T/api.json' &&
  \"$JR\" settle --db \"$DB\" --year 2019 --model solidair --format json > '$T/cli.json' &&
  python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); assert a==b, (a,b)' '$T/api.json' '$T/cli.json'"
check "municipality token: own detail 200" test "$(code -H "Authorization: Bearer $(cat "$T/tok_gm0505")" "$URL/api/municipalities/GM0505")" = 200
check "municipality token: other detail 403" test "$(code -H "Authorization: Bearer $(cat "$T/tok_gm0505")" "$URL/api/municipalities/GM1963")" = 403
check "bad parameter is 400 with a Dutch message" sh -c "test \"\$(curl -s -o '$T/body' -w '%{http_code}' -H 'Authorization: Bearer $(cat "$T/tok_region")' '$URL/api/settlement?year=abc')\" = 400 && grep -q 'geen geheel getal' '$T/body'"
kill "$SERVE"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
