#!/usr/bin/env python3
"""The hostile corpus (issue 18, item 14): every case of tests/data/hostile/ through the
real executable. Counts crashes (a signal), hangs (over the timeout), wrong acceptances
(exit 0 for a malformed input), wrong refusals, BSNs in any output (a 9-digit run that
passes the 11-test) and stores changed after a refusal (a dump of every table, before
and after). Then the crash tests: kill -9 during an import (all or nothing) and two
imports at once (one waits or fails clearly; nothing partial).
Usage: tests/hostile_test.py path/to/jeugdregio   (from the repository root)
Exit 0 only with 0 findings; prints the figures docs/security.md quotes.
"""
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

JR = os.path.abspath(sys.argv[1])
ROOT = os.getcwd()
HOSTILE = os.path.join(ROOT, "tests", "data", "hostile")
VALID = os.path.join(ROOT, "tests", "data", "ingest", "valid")
TIMEOUT = 30
BSN_RUN = re.compile(rb"(?<![0-9])[0-9]{9}(?![0-9])")


def passes_11_test(digits):
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1)))
    return (total - int(digits[8])) % 11 == 0 and digits != b"000000000"


def bsns_in(data):
    return [m.group(0) for m in BSN_RUN.finditer(data) if passes_11_test(m.group(0))]


def dump(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def run(args, timeout=TIMEOUT):
    try:
        p = subprocess.run([JR] + args, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stdout or b"") + (e.stderr or b"")


def main():
    tmp = tempfile.mkdtemp(prefix="jr_hostile_")
    findings = []
    try:
        cases_dir = os.path.join(tmp, "cases")
        subprocess.run([sys.executable, os.path.join(HOSTILE, "generate.py"), cases_dir],
                       check=True, capture_output=True)
        with open(os.path.join(cases_dir, "cases.tsv")) as a, \
                open(os.path.join(HOSTILE, "cases.tsv")) as b:
            if a.read() != b.read():
                findings.append("generate.py gives another list than cases.tsv (regenerate "
                                "and review the expectations)")
        cases = []
        for manifest, folder in [(os.path.join(cases_dir, "cases.tsv"), cases_dir),
                                 (os.path.join(HOSTILE, "hand.tsv"),
                                  os.path.join(HOSTILE, "hand"))]:
            with open(manifest) as f:
                for line in f:
                    if line.startswith("#") or not line.strip():
                        continue
                    name, command, expect, what = line.rstrip("\n").split("\t")
                    cases.append((os.path.join(folder, name), name, command, expect, what))

        # The care data every import case runs against, and a small demo region for the
        # TOML files.
        base = os.path.join(tmp, "base.db")
        assert run(["init", "--db", base])[0] == 0
        rc, out = run(["import", "--db", base, VALID])
        assert rc == 0, out
        base_dump = dump(base)
        demo = os.path.join(tmp, "demo.db")
        rc, out = run(["demo", "--db", demo, "--dir", os.path.join(tmp, "demo"),
                       "--scale", "0.02"], timeout=300)
        assert rc == 0, out
        work = os.path.join(tmp, "work.db")
        config_args = {
            "monitor": lambda f: ["monitor", "--db", demo, "--config", f],
            "agenda": lambda f: ["agenda", "--db", demo, "--config", f],
            "measures": lambda f: ["measures", "--db", demo, "--config", f, "--runs", "50"],
            "forecast": lambda f: ["forecast", "--db", demo, "--from", "2024-01",
                                   "--months", "2", "--runs", "4", "--levers", f],
        }
        counts = {"cases": 0, "refuse": 0, "accept": 0, "crashes": 0, "hangs": 0,
                  "wrong_acceptances": 0, "wrong_refusals": 0, "bsn_leaks": 0,
                  "store_changed": 0}
        start = time.time()
        for path, name, command, expect, what in cases:
            counts["cases"] += 1
            counts[expect] += 1
            kind, arg = command.split(":", 1)
            if kind == "import":
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(work + suffix):
                        os.remove(work + suffix)
                shutil.copy(base, work)
                shutil.copy(base + ".key", work + ".key")
                os.chmod(work + ".key", 0o600)
                rc, out = run(["import", "--db", work, arg, path])
            else:
                rc, out = run(config_args[arg](path))
            label = f"{name} ({what})"
            if rc == "timeout":
                counts["hangs"] += 1
                findings.append(f"hang: {label}")
                continue
            if rc < 0 or rc >= 128:
                counts["crashes"] += 1
                findings.append(f"crash (rc {rc}): {label}")
                continue
            if bsns_in(out):
                counts["bsn_leaks"] += 1
                findings.append(f"BSN in the output: {label}")
            if expect == "refuse":
                if rc == 0:
                    counts["wrong_acceptances"] += 1
                    findings.append(f"accepted: {label}: {out[-300:]!r}")
                elif kind == "import":
                    if b"er is niets gewijzigd" not in out:
                        findings.append(f"refusal without 'er is niets gewijzigd': {label}")
                    if dump(work) != base_dump:
                        counts["store_changed"] += 1
                        findings.append(f"store changed after a refusal: {label}")
            elif rc != 0:
                counts["wrong_refusals"] += 1
                findings.append(f"refused: {label}: {out[-300:]!r}")
        counts["seconds"] = round(time.time() - start, 1)

        # Crash tests on a larger import: the demo region's CSV files as one folder.
        big = os.path.join(tmp, "big")
        rc, out = run(["demo", "--db", os.path.join(tmp, "gen.db"), "--dir", big,
                       "--scale", "0.3"], timeout=600)
        assert rc == 0, out
        ref = os.path.join(tmp, "ref.db")
        run(["init", "--db", ref])
        t0 = time.time()
        rc, out = run(["import", "--db", ref, big], timeout=600)
        import_seconds = time.time() - t0
        assert rc == 0, out
        complete = table_counts(ref)
        empty = os.path.join(tmp, "empty.db")
        run(["init", "--db", empty])
        nothing = table_counts(empty)
        # Pseudonyms depend on each database's key: all or nothing is compared by the
        # row count of every table.
        kills = {"runs": 0, "all_or_nothing": 0, "complete": 0}
        for i in range(6):
            db = os.path.join(tmp, f"kill{i}.db")
            run(["init", "--db", db])
            p = subprocess.Popen([JR, "import", "--db", db, big], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(import_seconds * (i + 1) / 7)
            p.send_signal(signal.SIGKILL)
            p.wait()
            kills["runs"] += 1
            counts_after = table_counts(db)
            if counts_after in (complete, nothing):
                kills["all_or_nothing"] += 1
                kills["complete"] += counts_after == complete
            else:
                findings.append(f"kill -9 after {import_seconds * (i + 1) / 7:.2f} s left a "
                                f"partial import: {counts_after}")
        # Two imports at once into one database: one waits (or fails clearly), the end
        # is exactly one complete import.
        db = os.path.join(tmp, "two.db")
        run(["init", "--db", db])
        a = subprocess.Popen([JR, "import", "--db", db, big], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        b = subprocess.Popen([JR, "import", "--db", db, big], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        out_a, out_b = a.communicate(timeout=600)[0], b.communicate(timeout=600)[0]
        rcs = sorted([a.returncode, b.returncode])
        two = {"exit_codes": rcs, "complete": table_counts(db) == complete}
        if 0 not in rcs:
            findings.append(f"two imports at once: neither succeeded {rcs}")
        for rc, out in ((a.returncode, out_a), (b.returncode, out_b)):
            if rc not in (0, 1) or (rc == 1 and b"database is bezet" not in out):
                findings.append(f"two imports at once: unclear failure rc {rc}: {out[-200:]!r}")
        if not two["complete"]:
            findings.append(f"two imports at once: not one complete import: {table_counts(db)}")

        print("hostile corpus:", counts)
        print("kill -9 during an import:", kills, f"(import takes {import_seconds:.2f} s)")
        print("two imports at once:", two)
        for f in findings:
            print("FINDING:", f)
        print(f"{len(findings)} findings")
        return 1 if findings else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def table_counts(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('meta', "
        "'import_log') ORDER BY name")]
    out = {n: con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}
    con.close()
    return out


if __name__ == "__main__":
    sys.exit(main())
