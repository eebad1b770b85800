#!/usr/bin/env python3
"""Prints the README's table from record.py's output for a binary before and one after:
`python3 table.py before.txt [after.txt [CORPUS]]` (CORPUS: the folder of the cases, default this
one; round 5 uses this script on its own). A case that broke the rule is marked **✗**."""
import os, runpy, sys

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else here
cases = lambda: runpy.run_path(os.path.join(here, "..", "bad-inputs-round3", "record.py"))["cases"](corpus)

def load(p):
    out = {}
    for line in open(p, encoding="utf-8"):
        name, rc, rows, ok, first = (line.rstrip("\n").split("\t") + [""])[:5]
        said = f"exit {rc}" + ("" if rows == "-" else f", {rows} rows") + (f": {first[:110]}" if first else ", silent")
        out[name] = ("" if ok == "ok" else "**✗** ") + said.replace("|", "\\|")
    return out

before = load(sys.argv[1])
after = load(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "-" else {}
print("| case | input | before | after |")
print("|---|---|---|---|")
for name, folder, locale, code, rows, args, says, what in cases():
    loc = "" if locale == "C" else f", {locale}"
    print(f"| {name} | {what.replace('|', chr(92) + '|')} (`{' '.join(args)}`{loc}) | {before.get(name, '')} | {after.get(name, '')} |")
