#!/usr/bin/env bash
# The Debian package (issue 18, item 16): built with CPack from the build folder,
# unpacked into a clean root (dpkg -x), checked for its files and modes, and `serve`
# started from the unpacked binary and dashboard on a demo database.
# Usage: tests/deb_test.sh BUILD_DIR   (from the repository root)
set -u
BUILD=$(realpath "$1")
T=$(mktemp -d)
trap 'kill $SERVE 2>/dev/null; rm -rf "$T"' EXIT
SERVE=
. "$(dirname "$0")/lib.sh"  # check, nometa
(cd "$T" && cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$T/pkg" > "$T/cpack.log" 2>&1)
DEB=$(ls "$T"/pkg/jeugdregio_*.deb 2>/dev/null | head -1)
check "cpack made a .deb" test -f "$DEB"
if [ -z "$DEB" ]; then cat "$T/cpack.log"; echo "deb: $pass passed, 1 failed"; exit 1; fi
ROOT=$T/root
dpkg -x "$DEB" "$ROOT"
dpkg-deb -e "$DEB" "$T/control"
check "binary installed" test -x "$ROOT/usr/bin/jeugdregio"
check "dashboard installed" test -f "$ROOT/usr/share/jeugdregio/web/dashboard/index.html"
check "systemd unit installed" test -f "$ROOT/usr/lib/systemd/system/jeugdregio.service"
check "unit runs serve as user jeugdregio" grep -q '^User=jeugdregio' "$ROOT/usr/lib/systemd/system/jeugdregio.service"
check "unit keeps the database in /var/lib/jeugdregio" grep -q 'serve --db /var/lib/jeugdregio/' "$ROOT/usr/lib/systemd/system/jeugdregio.service"
check "unit makes files private (UMask 0077)" grep -q '^UMask=0077' "$ROOT/usr/lib/systemd/system/jeugdregio.service"
check "licence installed" grep -q 'EUROPEAN UNION PUBLIC LICENCE v. 1.2' "$ROOT/usr/share/doc/jeugdregio/LICENSE"
check "postinst creates the user and a 0700 folder" sh -c "grep -q 'adduser --system' '$T/control/postinst' && grep -q 'chmod 0700 /var/lib/jeugdregio' '$T/control/postinst'"
check "package depends on its libraries" sh -c "dpkg-deb -f '$DEB' Depends | grep -q libsqlite3"
# serve from the unpacked files (the unit's command, with a test folder for the data).
JR=$ROOT/usr/bin/jeugdregio
DB=$T/var/lib/jeugdregio/regio.db
mkdir -p "$(dirname "$DB")"
chmod 700 "$(dirname "$DB")"
check "installed binary makes a demo database" "$JR" demo --db "$DB" --dir "$T/demo" --scale 0.02
check "database is private (0600)" test "$(stat -c %a "$DB")" = 600
"$JR" token add --db "$DB" --role region --name deb > "$T/token" 2>/dev/null
"$JR" serve --db "$DB" --web "$ROOT/usr/share/jeugdregio/web" --port 0 > "$T/serve.out" 2>&1 &
SERVE=$!
for _ in $(seq 1 200); do grep -q 'http://' "$T/serve.out" && break; sleep 0.1; done
URL=$(grep -o 'http://[0-9.:]*' "$T/serve.out")
check "installed serve answers the API" test "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cat "$T/token")" "$URL/api/health")" = 200
check "installed serve serves the dashboard" sh -c "curl -s '$URL/' | grep -qi '<html'"
echo "deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
