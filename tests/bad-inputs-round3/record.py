#!/usr/bin/env python3
"""Runs every case of cases.tsv with a qyx binary and prints one line a case: exit code, rows
judged, the first line qyx said, and whether the case's expectations hold. Used to write the
README's before/after table: `python3 record.py path/to/qyx [CORPUS]` (CORPUS: a folder with a
cases.tsv of the same columns, default this one; round 4's record.py runs this one on its own
folder). The tests are tests/bad_input_round3.rs and round4.rs; this script only records."""
import os, shutil, subprocess, sys, tempfile

def cases(src):
    for line in open(os.path.join(src, "cases.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, folder, locale, code, rows, args, says, what = line.rstrip("\n").split("\t")
        yield name, folder, locale, int(code), rows, [a.replace("\u2420", " ") for a in args.split(" ")], says, what

def env(locale):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "QYX_"))}
    e["QYX_CACHE_DIR"] = ""
    if locale == "zh":
        e["LANG"] = "zh_CN.UTF-8"
    elif locale == "en":
        e["LANG"] = "en_US.UTF-8"
    else:
        e["LC_ALL"] = "C"
    return e

def run(qyx, here, case):
    name, folder, locale, code, rows, args, says, what = case
    p = subprocess.run([qyx] + args, cwd=os.path.join(here, folder), env=env(locale),
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    said = err if args[0] != "validate" else out + err
    judged = sum(1 for l in out.splitlines() if l.startswith("{")) if "jsonl" in args else None
    ok = p.returncode == code
    if rows != "-":
        ok &= judged == int(rows)
    if says == "-":
        ok &= err == ""
    else:
        ok &= all(s in said for s in says.split("|"))
    first = next((l for l in said.splitlines() if l.strip()), "")
    return p.returncode, judged, first, ok

if __name__ == "__main__":
    qyx = os.path.abspath(sys.argv[1])
    src = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as t:
        here = os.path.join(t, "c")
        shutil.copytree(src, here, symlinks=True)
        for case in cases(src):
            rc, judged, first, ok = run(qyx, here, case)
            print("\t".join([case[0], str(rc), "-" if judged is None else str(judged), "ok" if ok else "FAIL", first.replace("\t", " ")[:200]]))
