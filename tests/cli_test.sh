#!/usr/bin/env bash
# End-to-end tests of the jeugdregio executable: init, import, stats, and the
# guarantees a user relies on (exit codes, Dutch errors, private files, no BSN), and
# the demo region with monitor, agenda and measures.
# Usage: tests/cli_test.sh path/to/jeugdregio   (run from the repository root)
set -u
JR=$(realpath "$1")
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
# Issue 18 items 4-6: CR-only files are read, a BSN in 'client' is refused and not shown.
printf 'agb_code;naam\r11223344;Mac Zorg\r' > "$T/mac.csv"
"$JR" import --db "$DB" aanbieders "$T/mac.csv" > "$T/out" 2>&1
check "CR-only file imports its row" grep -E -q 'mac.csv +1 +1 ' "$T/out"
check "CR-only file is not reported as empty" grep -q '^1 rijen' "$T/out"
sed 's/^bsn;/client;/' "$DATA/clienten.csv" > "$T/clienten.csv"
"$JR" import --db "$DB" clienten "$T/clienten.csv" > "$T/out" 2> "$T/err"
rc=$?
check "BSN in the client column is refused" test "$rc" -ne 0
check "BSN in the client column: line, column, field" grep -q "clienten.csv:2:1: veld 'client': lijkt op een BSN" "$T/err"
check "BSN in the client column is not printed" sh -c "! grep -q -e 111222333 -e 123456782 \"$T/out\" \"$T/err\""
check "unknown kind is refused" sh -c "! \"$JR\" import --db \"$DB\" onzin \"$T/aanbieders.csv\""
check "missing database is refused" sh -c "! \"$JR\" stats --db \"$T/none.db\""
check "usage errors are Dutch" sh -c "! \"$JR\" stats --db \"$DB\" --year abc 2> \"$T/usage\" && grep -q \"'abc' is geen geldige waarde\" \"$T/usage\""

# The key file is bound to its database (issue 18 item 3): a fingerprint of the key is
# stored in the database; a missing, other, corrupt or readable-by-others key is caught.
K=$T/k.db
sq() {  # sq DB dump|clients|fp|unbind|bind FP
  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); a=sys.argv[2]; fp="key_fingerprint"
if a=="dump": print("\n".join(c.iterdump()))
if a=="clients": print(c.execute("select count(*) from client_residence").fetchone()[0])
if a=="fp": r=c.execute("select value from meta where key=?",(fp,)).fetchone(); print(r[0] if r else "")
if a=="unbind": c.execute("delete from meta where key=?",(fp,)); c.commit()
if a=="bind": c.execute("insert into meta(key,value) values(?,?)",(fp,sys.argv[3])); c.commit()' "$@"
}
unchanged() { sq "$K" dump > "$T/k.after"; cmp -s "$T/k.before" "$T/k.after"; }
"$JR" init --db "$K" > /dev/null && "$JR" import --db "$K" "$DATA" > /dev/null
FP=$(sq "$K" fp)
check "key: init stores a fingerprint (64 hex) in the database" sh -c "echo '$FP' | grep -q -x '[0-9a-f]\{64\}'"
check "key: the key itself is not in the database" sh -c "! grep -a -q \"$(cat "$K.key")\" \"$K\" \"$K-wal\" 2>/dev/null"
check "key: two clients imported" test "$(sq "$K" clients)" = 2
sq "$K" dump > "$T/k.before"
mv "$K.key" "$T/k.saved"
"$JR" import --db "$K" "$DATA" > /dev/null 2> "$T/err"
check "missing key: import refused" test $? -ne 0
check "missing key: names key file and database, says to put it back" grep -q "^fout: $K.key: sleutelbestand ontbreekt, maar database $K is met een sleutel gepseudonimiseerd: zet dat sleutelbestand terug" "$T/err"
check "missing key: no advice to run init" sh -c "! grep -q 'jeugdregio init' '$T/err'"
check "missing key: import changed nothing" unchanged
"$JR" init --db "$K" > /dev/null 2> "$T/err"
check "missing key: init refuses to make a new key" test $? -ne 0
check "missing key: init says where the key should be" grep -q "^fout: $K.key: sleutelbestand ontbreekt, maar database $K" "$T/err"
check "missing key: init made no key file" test ! -e "$K.key"
check "missing key: init changed nothing" unchanged
sq "$K" unbind
"$JR" init --db "$K" > /dev/null 2> "$T/err"
check "older database with clients: init refuses to make a new key" test $? -ne 0
check "older database with clients: init says why and where" grep -q "^fout: $K.key: sleutelbestand ontbreekt en database $K heeft al cliënten: er wordt geen nieuwe sleutel gemaakt" "$T/err"
check "older database with clients: init made no key file" test ! -e "$K.key"
mv "$T/k.saved" "$K.key"
"$JR" import --db "$K" "$DATA" > /dev/null 2> "$T/err"
check "older database with clients: import warns the key cannot be checked" grep -q "^waarschuwing: $K.key: database $K heeft al cliënten maar nog geen vingerafdruk" "$T/err"
check "older database with clients: an import does not bind" test -z "$(sq "$K" fp)"
sq "$K" bind "$FP"
check "key: the right key re-imports without doubling clients" sh -c "\"$JR\" import --db \"$K\" \"$DATA\" && test \"\$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from client_residence\").fetchone()[0])' \"$K\")\" = 2"
"$JR" init --db "$T/other.db" > /dev/null
"$JR" import --db "$K" --key "$T/other.db.key" "$DATA" > /dev/null 2> "$T/err"
check "another key: import refused" test $? -ne 0
check "another key: names key file and database" grep -q "^fout: $T/other.db.key: sleutelbestand hoort niet bij database $K (de vingerafdruk in de database is van een andere sleutel): geef het sleutelbestand waarmee de database is gevuld met --key; er is niets gewijzigd" "$T/err"
check "another key: nothing changed" unchanged
check "another key: still two clients" test "$(sq "$K" clients)" = 2
check "another key: init refuses it too" sh -c "! \"$JR\" init --db \"$K\" --key \"$T/other.db.key\" 2> \"$T/err\" && grep -q 'hoort niet bij database' \"$T/err\""
printf 'kapot\n' > "$T/corrupt.key"
"$JR" import --db "$K" --key "$T/corrupt.key" "$DATA" > /dev/null 2> "$T/err"
check "corrupt key: import refused" test $? -ne 0
check "corrupt key: its real error" grep -q "^fout: $T/corrupt.key: sleutelbestand is ongeldig (64 hexadecimale tekens verwacht)" "$T/err"
check "corrupt key: nothing changed" unchanged
mkdir "$T/dir.key"
"$JR" import --db "$K" --key "$T/dir.key" "$DATA" > /dev/null 2> "$T/err"
check "unreadable key: its real error" grep -q "^fout: $T/dir.key: sleutelbestand: kan bestand niet lezen: " "$T/err"
check "unreadable key: nothing changed" unchanged
chmod 644 "$K.key"
"$JR" import --db "$K" "$DATA" > /dev/null 2> "$T/err"
check "0644 key: import works" test $? -eq 0
check "0644 key: one Dutch warning naming the file" test "$(grep -c "^waarschuwing: $K.key: sleutelbestand is leesbaar voor anderen (mode 0644); maak het privé met 'chmod 600 $K.key'" "$T/err")" = 1
check "0644 key: still two clients" test "$(sq "$K" clients)" = 2
chmod 600 "$K.key"
"$JR" init --db "$T/old.db" > /dev/null && sq "$T/old.db" unbind
"$JR" import --db "$T/old.db" "$DATA" > /dev/null
check "older database without clients: the first import binds the key" test -n "$(sq "$T/old.db" fp)"
check "older database without clients: then another key is refused" sh -c "! \"$JR\" import --db \"$T/old.db\" --key \"$T/other.db.key\" \"$DATA\" 2> \"$T/err\" && grep -q 'hoort niet bij database' \"$T/err\""

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
# Issue 18, items 1 and 9: no request ends the server, no internals in an answer, the
# Host header checked, security headers on every response.
code() { curl -s -m 10 -o "$T/body" -D "$T/head" -w '%{http_code}' "$@"; }
check "invalid UTF-8 path outside /api is a JSON 404" sh -c "test \"\$(curl -s -m 10 -o '$T/body' -w '%{http_code}' '$URL/%ff')\" = 404 && grep -q 'geen geldige UTF-8' '$T/body'"
check "invalid UTF-8 in /api path and parameter is a 400" test "$(code -H "Authorization: Bearer $(cat "$T/tok_region")" "$URL/api/%ff?x=%fe")" = 400
check "no exception text in the answer" sh -c "! grep -qi -e EXCEPTION_WHAT -e type_error -e 'invalid UTF-8' '$T/head' '$T/body'"
check "invalid UTF-8 parameter value is a 400 in Dutch" sh -c "test \"\$(curl -s -m 10 -o '$T/body' -w '%{http_code}' -H 'Authorization: Bearer $(cat "$T/tok_region")' '$URL/api/settlement?year=%fe%ff')\" = 400 && grep -q \"parameter 'year': de waarde is geen geldige UTF-8\" '$T/body'"
check "the server still answers after invalid UTF-8" test "$(code -H "Authorization: Bearer $(cat "$T/tok_region")" "$URL/api/health")" = 200
check "security headers on every response" sh -c "curl -s -m 10 -D - -o /dev/null '$URL/api/health' > '$T/sec' && grep -qi \"^Content-Security-Policy: default-src 'none'; script-src 'self'\" '$T/sec' && grep -qi '^X-Frame-Options: DENY' '$T/sec' && grep -qi '^X-Content-Type-Options: nosniff' '$T/sec' && grep -qi '^Referrer-Policy: no-referrer' '$T/sec'"
check "a foreign Host header is 421 (DNS rebinding)" test "$(code -H 'Host: evil.example' -H "Authorization: Bearer $(cat "$T/tok_region")" "$URL/api/health")" = 421
check "localhost with the port is a valid Host" test "$(code -H "Host: localhost:${URL##*:}" -H "Authorization: Bearer $(cat "$T/tok_region")" "$URL/api/health")" = 200
check "serve --open beyond loopback is refused in Dutch" sh -c "
  ! timeout 30 \"$JR\" serve --db \"$DB\" --port 0 --open --host 0.0.0.0 2> '$T/open.err' && grep -q -- '--open (zonder tokens) alleen op een loopback-adres' '$T/open.err'"
check "a second server on the same port is refused in Dutch" sh -c "
  ! timeout 30 \"$JR\" serve --db \"$DB\" --port ${URL##*:} 2> '$T/port.err' && grep -q 'poort in gebruik' '$T/port.err'"
# Issue 18, item 15: a token revoked or added while serve runs counts within a second.
"$JR" token add --db "$DB" --role region --name later --days 30 > "$T/tok_later" 2>/dev/null
check "token list shows an id and the expiry" sh -c "\"$JR\" token list --db \"$DB\" --format csv > '$T/toklist' && grep -q '^id,name,role,created,expires' '$T/toklist' && grep -q ',later,region,.*,20' '$T/toklist' && grep -q ',regio,region,.*,nooit' '$T/toklist'"
check "token revoke by name" sh -c "\"$JR\" token revoke --db \"$DB\" --name regio | grep -q '1 token(s) ingetrokken'"
check "token revoke of an unknown name fails in Dutch" sh -c "! \"$JR\" token revoke --db \"$DB\" --name niemand 2> '$T/reverr' && grep -q \"geen token met de omschrijving 'niemand'\" '$T/reverr'"
sleep 1.2
check "a revoked token is refused without a restart" test "$(code -H "Authorization: Bearer $(cat "$T/tok_region")" "$URL/api/health")" = 401
check "a token added while serving is accepted" test "$(code -H "Authorization: Bearer $(cat "$T/tok_later")" "$URL/api/health")" = 200
# Issue 18, item 8: pipelined requests are all answered.
check "six pipelined requests get six answers" test "$(python3 tests/http_pipeline.py "${URL##*:}")" = 6
kill "$SERVE"

# Issue 18, item 15: backup while in use, private; the key is not in it.
check "backup makes a private copy" "$JR" backup --db "$DB" --out "$T/backup.db"
check "backup is private (0600)" test "$(mode "$T/backup.db")" = 600
check "backup has the same contents" sh -c "test \"\$(\"$JR\" stats --db \"$T/backup.db\" --format csv)\" = \"\$(\"$JR\" stats --db \"$DB\" --format csv)\""
check "backup has no key file beside it" test ! -e "$T/backup.db.key"
check "backup names the key to keep apart" sh -c "\"$JR\" backup --db \"$DB\" --out \"$T/backup2.db\" | grep -q 'zit er niet in'"
check "backup of a PostgreSQL URL is refused in Dutch" sh -c "! \"$JR\" backup --db postgresql://x/y --out \"$T/pg.db\" 2> '$T/pgerr' && grep -q 'pg_dump' '$T/pgerr'"
check "backup onto the database itself is refused" sh -c "! \"$JR\" backup --db \"$DB\" --out \"$DB\""
# Issue 18, item 10: costs for a year without declarations break no command.
cp "$DB.key" "$T/backup.db.key"
printf 'jaar;kostenpost;bedrag\n2030;serviceorganisatie;1000\n' > "$T/vk2030.csv"
check "costs for a year without declarations are imported" "$JR" import --db "$T/backup.db" vaste_kosten "$T/vk2030.csv"
check "report survives a year with costs only" "$JR" report --db "$T/backup.db" --out "$T/cost_rapport"
check "stats survives a year with costs only" "$JR" stats --db "$T/backup.db"

# Budget monitor, agenda and measures (issue 4) on a small demo region with the TOML
# files the demo writes beside its CSV files.
DEMO=$T/demo
check "demo writes the region and its TOML files" "$JR" demo --db "$T/demo.db" --dir "$DEMO" --scale 0.02
for f in begroting.toml agenda.toml maatregelen.toml; do
  check "demo wrote $f as in data/demo" cmp "$DEMO/$f" "data/demo/$f"
done
"$JR" monitor --db "$T/demo.db" --config "$DEMO/begroting.toml" --format json > "$T/monitor.json"
check "monitor json: the seed 004 path and the scenarios" python3 -c '
import json,sys
m=json.load(open(sys.argv[1]))
path={r["year"]:r for r in m["path"]}
assert sorted(path)==[2019,2020,2021,2022], sorted(path)
for r in path.values():
    for k in ("budget_cents","amendment_cents","target_cents","annual_cost_cents",
              "state_contribution_cents","cost_to_region_cents","realised_cents","gap_cents"):
        assert k in r, k
assert [path[y]["annual_cost_cents"] for y in (2019,2020,2021,2022)]==[11470000000,10970000000,10470000000,10000000000]
assert path[2022]["state_contribution_cents"] is None and path[2022]["cost_to_region_cents"]==10000000000
for r in m["scenarios"]:
    for s in (1,2,3):
        if r["cap%d_cents"%s] is not None and r["cost_cents"] is not None:
            assert r["gap%d_cents"%s]==r["cost_cents"]-r["cap%d_cents"%s]
caps={}
for r in m["municipalities"]:
    caps[r["year"]]=caps.get(r["year"],0)+r["cap3_cents"]
assert caps=={y:path[y]["annual_cost_cents"] for y in path}, caps
' "$T/monitor.json"
"$JR" agenda --db "$T/demo.db" --config "$DEMO/agenda.toml" --format json > "$T/agenda.json"
check "agenda json: sharing adds up to 250,000 euro to the cent" python3 -c '
import json,sys
a=json.load(open(sys.argv[1]))
rows=[r for r in a["sharing"] if r["municipality"]!="Totaal"]
assert len(rows)==10, len(rows)
assert sum(r["amount_cents"] for r in rows)==25000000
assert {r["year"] for r in a["years"]}=={2021,2022,2023,2024}
assert len(a["items"])==10
' "$T/agenda.json"
"$JR" measures --config "$DEMO/maatregelen.toml" --runs 3000 --seed 5 --threads 1 --format json > "$T/m1.json"
"$JR" measures --config "$DEMO/maatregelen.toml" --runs 3000 --seed 5 --threads 3 --format json > "$T/m3.json"
"$JR" measures --config "$DEMO/maatregelen.toml" --runs 3000 --seed 6 --threads 1 --format json > "$T/m6.json"
check "measures: same seed, same numbers for 1 and 3 threads" cmp "$T/m1.json" "$T/m3.json"
check "measures: another seed, other numbers" sh -c "! cmp -s \"$T/m1.json\" \"$T/m6.json\""
check "measures json: overlap costs savings, 15 measures" python3 -c '
import json,sys
m=json.load(open(sys.argv[1]))
for r in m["savings"]:
    assert r["p10_cents"]<=r["p50_cents"]<=r["p90_cents"], r
    assert r["mean_cents"]<=r["naive_mean_cents"], r
    assert r["overlap_cents"]==r["naive_mean_cents"]-r["mean_cents"]
    assert r["p_target"] is None or 0<=r["p_target"]<=1
assert len(m["measures"])==15
' "$T/m1.json"
check "monitor, agenda and measures default to the files in the current folder" sh -c "
  cd \"$DEMO\" && \"$JR\" monitor --db ../demo.db --view path >/dev/null &&
  \"$JR\" agenda --db ../demo.db --view items >/dev/null && \"$JR\" measures --runs 100 >/dev/null"
check "without --config they read the demo folder the database records" sh -c "
  cd \"$T\" && \"$JR\" monitor --db demo.db --view path >/dev/null &&
  \"$JR\" agenda --db demo.db --view items >/dev/null &&
  \"$JR\" measures --db demo.db --runs 100 >/dev/null"
for c in monitor agenda measures; do
  (cd "$T" && "$JR" $c > "$T/out" 2> "$T/err")
  rc=$?
  check "$c without its config file exits non-zero" test "$rc" -ne 0
  check "$c without its config file says which file and how to get it (Dutch)" sh -c "
    grep -q 'ontbreekt' \"$T/err\" && grep -q 'jeugdregio demo --db .* --dir' \"$T/err\" &&
    grep -q -e begroting.toml -e agenda.toml -e maatregelen.toml \"$T/err\""
done
sed 's/2021 = \[1_000_000, 10_000_000\]/2021 = [10_000_000, 1_000_000]/' "$DEMO/maatregelen.toml" > "$DEMO/fout.toml"
"$JR" measures --config "$DEMO/fout.toml" --runs 10 > "$T/out" 2> "$T/err"
rc=$?
check "measures: bandwidth min > max exits non-zero" test "$rc" -ne 0
check "measures: bandwidth min > max names file, line and key" grep -q 'fout.toml:[0-9]*:[0-9]* \[maatregel\[1\]\.besparing\.2021\]: .*groter dan maximum' "$T/err"
# Bad input: a Dutch error naming the file and the key (file:line:column [key]: ...).
bad() {  # bad NAME COMMAND CONFIG SED-EXPRESSION KEY WORDS
  sed "$4" "$DEMO/$3" > "$DEMO/bad_$3"
  "$JR" $2 --config "$DEMO/bad_$3" --db "$T/demo.db" > "$T/out" 2> "$T/err"
  rc=$?
  check "$1: exits non-zero" test "$rc" -ne 0
  check "$1: names file and key" grep -q "bad_$3:[0-9]*:[0-9]* \[$5\]: .*$6" "$T/err"
}
bad "measures: unknown base" measures maatregelen.toml '0,/basis = "instroom"/s//basis = "onzin"/' \
  'maatregel\[1\]\.basis' 'onbekende basis'
bad "measures: year outside the range" measures maatregelen.toml '0,/2020 = \[1_000_000/s//2030 = [1_000_000/' \
  'maatregel\[1\]\.besparing\.2030' 'buiten'
bad "measures: missing field" measures maatregelen.toml '0,/^naam = /{/^naam = /d}' \
  'maatregel\[1\]\.naam' 'ontbreekt'
bad "monitor: year outside the range" monitor begroting.toml 's/^jaar = 2019$/jaar = 20190/' \
  'jaar\[1\]\.jaar' 'buiten het bereik'
bad "monitor: missing field" monitor begroting.toml '/^begroting = 104_500_000$/d' \
  'jaar\[1\]\.begroting' 'ontbreekt'
bad "agenda: missing field" agenda agenda.toml '/^datum = 2021-05-27$/d' 'datum' 'ontbreekt'

# Forecast and backtest on a small demo region.
DEMO=$T/forecast.db
check "small demo region" "$JR" demo --db "$DEMO" --dir "$T/forecast-data" --scale 0.05
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
"$JR" forecast --db "$DEMO" --from 2021-01 --months 24 --runs 20 --budget data/demo/begroting.toml \
  --format json > "$T/beside.json" 2> /dev/null
check "forecast --budget puts the yearly totals beside the target path" python3 -c '
import json,sys
rows=json.load(open(sys.argv[1]))["beside_path"]
assert [r["year"] for r in rows]==[2021,2022], rows
for r in rows:
    assert r["gap_cents"]==r["forecast_mean_cents"]-r["annual_cost_cents"], r
assert rows[0]["annual_cost_cents"]==104_700_000_00
' "$T/beside.json"
check "forecast with a missing levers file is refused" sh -c "! \"$JR\" forecast --db \"$DEMO\" --from 2024-01 --months 12 --runs 5 --levers \"$T/none.toml\""
"$JR" backtest --db "$DEMO" --cutoff 2024-01-01 --months 12 --runs 50 --format json > "$T/backtest.json" 2> /dev/null
check "backtest json has the region error, the naive error and the coverage" python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
for k in ("wape_forecast","wape_naive","coverage_p10_p90"):
    assert k in d, k
    assert 0 <= d[k] <= 1, (k, d[k])
' "$T/backtest.json"

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
"$JR" settle --db "$DEMO" --year 2021 --model pool-100k --format json > "$T/pool.json"
"$JR" settle --db "$DEMO" --year 2021 --model pool-100k --key jeugdigen --format json > "$T/pool_key.json"
check "settle --key swaps the key of the pool rule and the fixed costs" python3 -c '
import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
assert len(a)==len(b)==10, (len(a),len(b))
assert all(r["model"]=="pool-100k, sleutel jeugdigen" for r in b), b[0]
assert sum(r["contribution_cents"] for r in a)==sum(r["contribution_cents"] for r in b)
assert [r["own_use_cents"] for r in a]==[r["own_use_cents"] for r in b]
assert [r["contribution_cents"] for r in a]!=[r["contribution_cents"] for r in b]
' "$T/pool.json" "$T/pool_key.json"
check "settle --key with an unknown key lists the keys" sh -c "! \"$JR\" settle --db \"$DEMO\" --key onzin 2> \"$T/keyerr\" && grep -q \"onbekende verdeelsleutel 'onzin'; kies uit inwoners, jeugdigen, rijksbijdrage\" \"$T/keyerr\""
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
