# Shared by the shell tests (source it: `. "$(dirname "$0")/lib.sh"`).
# check "description" command...   runs the command quietly and counts it in $pass or
#                                   $fail, naming a failure
# nometa FILE [K]                   the JSON document(s) of FILE without `meta` (which
#                                   names the database and holds timings), sorted keys;
#                                   all documents as a list, or only the K-th
pass=0 fail=0
check() {
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $what"; fi
}
nometa() { python3 -c '
import json, sys
text = open(sys.argv[1]).read()
dec = json.JSONDecoder()
values, i = [], 0
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    v, i = dec.raw_decode(text, i)
    if isinstance(v, dict):
        v.pop("meta", None)
    values.append(v)
print(json.dumps(values[int(sys.argv[2])] if len(sys.argv) > 2 else values, sort_keys=True))
' "$@"; }
