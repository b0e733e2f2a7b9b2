#!/usr/bin/env python3
"""Generates the hostile corpus (issue 18, item 14) from the valid test data.

Each case is a file under cases/ with one line in cases.tsv:
  name <TAB> command <TAB> expect <TAB> what
command: `import:<kind>` (jeugdregio import <kind> FILE) or `config:<command>` (a TOML
file for monitor, agenda, measures or forecast --levers); expect: `refuse` (exit 1, a
Dutch error, nothing changed) or `accept` (exit 0). Every malformed input is `refuse`
by the rules of FORMATS.md and docs/formats.md; the few `accept` cases are hostile-
looking but valid (CR line ends, a formula-like text, a header only).
Deterministic: the same cases every run. The files are made at test time (some are
large); the list with the expectations is kept in the tree as cases.tsv, and the test
(tests/hostile_test.py) checks that the generator still gives exactly that list.
Usage: tests/data/hostile/generate.py OUT_DIR   (writes OUT_DIR/*.csv|toml and
OUT_DIR/cases.tsv)
"""
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
VALID = os.path.join(ROOT, "tests", "data", "ingest", "valid")
DEMO = os.path.join(ROOT, "data", "demo")
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "cases")
BSN = "111222333"  # passes the 11-test; must never be printed

DATE_COLS = {"begindatum", "einddatum", "ingangsdatum", "geboortedatum"}
YEAR_COLS = {"jaar"}
AMOUNT_COLS = {"bedrag", "tarief", "budget", "budgetplafond"}
VOLUME_COLS = {"geleverd_volume", "volume"}
CODE_COLS = {"gemeentecode", "agb_code", "productcategorie", "eenheid", "frequentie",
             "verwijzer", "afbakening", "debet_credit", "opvolger"}

cases = []


def add(name, command, expect, what, data):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        f.write(data)
    cases.append((name, command, expect, what))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def split_csv(text):
    bom = text.startswith(b"\xef\xbb\xbf")
    if bom:
        text = text[3:]
    lines = text.decode("utf-8").splitlines()
    sep = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    return bom, sep, lines


def join_csv(lines):
    return ("\n".join(lines) + "\n").encode("utf-8")


def set_field(line, sep, index, value):
    # The valid files quote only fields without the separator at these positions.
    fields = split_fields(line, sep)
    fields[index] = value
    return sep.join(fields)


def split_fields(line, sep):
    out, cur, quoted = [], "", False
    for ch in line:
        if ch == '"':
            quoted = not quoted
            cur += ch
        elif ch == sep and not quoted:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def csv_cases(kind):
    text = read(os.path.join(VALID, kind + ".csv"))
    bom, sep, lines = split_csv(text)
    header = lines[0].split(sep)
    row = lines[1]
    cmd = "import:" + kind
    n = 0

    def case(tag, what, data, expect="refuse"):
        nonlocal n
        n += 1
        add(f"{kind}_{n:03d}_{tag}.csv", cmd, expect, what, data)

    body = lines[1:]
    case("empty", "een leeg bestand (0 bytes)", b"")
    case("no_header", "zonder kopregel", join_csv(body))
    case("blank_lines", "alleen witregels", b"\n\n \n")
    case("renamed_col", f"kolom '{header[0]}' hernoemd",
         join_csv([sep.join(["x" + header[0]] + header[1:])] + body))
    case("dropped_col", f"verplichte kolom '{header[0]}' weg",
         join_csv([sep.join(header[1:])] + [sep.join(split_fields(l, sep)[1:]) for l in body]))
    case("extra_col", "een onbekende kolom erbij",
         join_csv([lines[0] + sep + "opmerking"] + [l + sep + "x" for l in body]))
    case("dup_col", "een kolom twee keer",
         join_csv([lines[0] + sep + header[0]] + [l + sep + split_fields(l, sep)[0] for l in body]))
    case("short_row", "een rij met een veld te weinig",
         join_csv([lines[0], sep.join(split_fields(row, sep)[:-1])] + body[1:]))
    case("long_row", "een rij met een veld te veel", join_csv([lines[0], row + sep + "x"] + body[1:]))
    case("unclosed_quote", "een open aanhalingsteken",
         join_csv([lines[0], set_field(row, sep, 0, '"' + split_fields(row, sep)[0])] + body[1:]))
    case("bsn_header", "een BSN als kolomnaam",
         join_csv([sep.join([BSN] + header[1:])] + body))
    case("bsn_no_header", "een bestand dat met een BSN begint (geen kopregel)",
         join_csv([sep.join([BSN] + split_fields(row, sep)[1:])] + body))
    raw = join_csv(lines)
    first = raw.index(b"\n") + 1
    for tag, bad in [("utf8_lone", b"\xc3"), ("utf8_overlong", b"\xe0\x80\x80"),
                     ("utf8_surrogate", b"\xed\xa0\x80"), ("utf8_f5", b"\xf5\x80\x80\x80"),
                     ("utf8_overlong4", b"\xf0\x80\x80\x80"), ("latin1", b"\xe9"),
                     ("nul", b"\x00"), ("bom_mid", b"\xef\xbb\xbf")]:
        case(tag, f"{tag} in de eerste rij", raw[:first] + bad + raw[first:])
    case("utf16", "UTF-16 in plaats van UTF-8", raw.decode("utf-8").encode("utf-16"))
    case("huge_field", "een veld van 70.000 tekens",
         join_csv([lines[0], set_field(row, sep, 0, "A" * 70000)] + body[1:]))
    case("huge_line", "een regel van 200.000 tekens zonder einde",
         raw[:first] + b"x" * 200000)
    rng = random.Random(sum(map(ord, kind)))
    case("binary", "4 KiB willekeurige bytes", bytes(rng.randrange(256) for _ in range(4096)))
    other = "," if sep == ";" else ";"
    case("mixed_sep", "een rij met het andere scheidingsteken",
         join_csv([lines[0], row.replace(sep, other)] + body[1:]))
    # Per column: a value of the wrong form.
    for i, col in enumerate(header):
        bad = []
        if col in DATE_COLS:
            bad = [("date_feb30", "2019-02-30"), ("date_9999", "9999-01-01"),
                   ("date_0001", "0001-01-01"), ("date_slash", "01/02/2019"),
                   ("date_bsn", BSN)]
        elif col in YEAR_COLS:
            bad = [("year_1989", "1989"), ("year_2101", "2101"), ("year_text", "20x9"),
                   ("year_bsn", BSN)]
        elif col in AMOUNT_COLS:
            bad = [("amount_neg", "-5"), ("amount_3dec", "1,234"), ("amount_dots", "12.3.4"),
                   ("amount_exp", "1e9"), ("amount_nan", "NaN"),
                   ("amount_huge", "99999999999999999999"), ("amount_text", "veel")]
        elif col in VOLUME_COLS:
            bad = [("volume_neg", "-1"), ("volume_huge", "100000000"),
                   ("volume_3dec", "1,234"), ("volume_text", "veel")]
        elif col in CODE_COLS:
            bad = [("code_bad", "GM12x"), ("code_bsn", BSN)]
        elif col == "waarde":
            bad = [("number_neg", "-5"), ("number_exp", "1e5"), ("number_text", "veel"),
                   ("number_inf", "inf")]
        elif col in ("bsn",):
            bad = [("bsn_11test", "111222334"), ("bsn_short", "12345678")]
        elif col in ("client",):
            bad = [("client_bsn", BSN)]
        for tag, value in bad:
            case(f"{col}_{tag}", f"kolom '{col}': '{value}'",
                 join_csv([lines[0], set_field(row, sep, i, value)] + body[1:]))
    # Hostile-looking but valid: accepted.
    case("cr_only", "alleen CR als regeleinde (Excel voor Mac)",
         ("\r".join(lines) + "\r").encode("utf-8"), "accept")
    case("header_only", "alleen de kopregel", join_csv(lines[:1]), "accept")


def toml_cases(file, command):
    text = read(os.path.join(DEMO, file)).decode("utf-8")
    lines = text.splitlines()
    stem = file[:-5]
    cmd = "config:" + command
    n = 0

    def case(tag, what, data, expect="refuse"):
        nonlocal n
        n += 1
        add(f"{stem}_{n:03d}_{tag}.toml", cmd, expect, what, data)

    # An empty levers file is no lever at all: valid (the forecast runs without).
    case("empty", "een leeg bestand", b"", "accept" if command == "forecast" else "refuse")
    case("syntax", "'= =' op een regel", (text + "\nfout = =\n").encode())
    case("unterminated", "een open tekenreeks", (text + '\nnaam_x = "open\n').encode())
    case("truncated", "halverwege afgebroken", text[: len(text) // 2].encode() + b"[[")
    case("dup_key", "een sleutel twee keer", (lines_first_key(lines) + "\n" + text).encode())
    case("utf8", "ongeldige UTF-8 in een commentaar", text.encode() + b"\n# \xff\xfe\n")
    case("nul", "een NUL-byte", text.encode() + b"\n\x00\n")
    case("binary", "willekeurige bytes",
         bytes(random.Random(len(file)).randrange(256) for _ in range(2048)))
    # Per typed key (a number or a string value): a value of the other type.
    typed = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or s.startswith("#") or s.startswith("[") or "=" not in s:
            continue
        key, value = [p.strip() for p in s.split("=", 1)]
        value = value.split("#")[0].strip()
        if value.startswith('"'):
            new, tag = "12345", "string_as_number"
        elif value[:1].isdigit() or value[:1] == "-":
            new, tag = '"veel"', "number_as_string"
        else:
            continue
        typed += 1
        if typed > 14:
            break
        changed = lines[:i] + [f"{key} = {new}"] + lines[i + 1:]
        case(f"{key}_{tag}", f"sleutel '{key}' (regel {i + 1}): {new}",
             ("\n".join(changed) + "\n").encode())


def lines_first_key(lines):
    for line in lines:
        s = line.strip()
        if s and not s.startswith("#") and "=" in s and not s.startswith("["):
            return s
    return ""


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for f in sorted(os.listdir(VALID)):
        if f.endswith(".csv"):
            csv_cases(f[:-4])
    for f, command in [("begroting.toml", "monitor"), ("agenda.toml", "agenda"),
                       ("maatregelen.toml", "measures"), ("hefbomen.toml", "forecast")]:
        toml_cases(f, command)
    with open(os.path.join(OUT, "cases.tsv"), "w") as f:
        f.write("# name\tcommand\texpect\twhat (generated by generate.py)\n")
        for c in cases:
            f.write("\t".join(c) + "\n")
    print(f"{len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
