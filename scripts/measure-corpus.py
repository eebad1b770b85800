#!/usr/bin/env python3
"""Strict recall and precision of `qyx extract` on the synthetic corpus tests/extract-corpus/.

Run from the repository root: python3 scripts/measure-corpus.py QYX [-v]

Each NAME.txt has a hand-written NAME.expect.yaml: the header (jurisdiction, 文号, period,
baseline year) and every figure as `kind year value`. A candidate of `qyx extract --format json`
matches a figure when kind (target/baseline), year and value are all the same (strict: a
baseline read as a 2022 target is a miss and an extra). Recall = matched figures / figures;
precision = matched candidates / candidates. Each draft (`--format yaml`) is then validated with
the corpus as --sources: `errors` must be 0. The documents were written for the layouts #14
describes, never looked at while writing the rules for the seeds.
"""
import glob, json, os, subprocess, sys, tempfile
from decimal import Decimal
import yaml

QYX = sys.argv[1]
VERBOSE = "-v" in sys.argv
CORPUS = os.environ.get("QYX_CORPUS", "tests/extract-corpus")


def run(*args):
    return subprocess.run([QYX, "--lang", "en", *args], capture_output=True, text=True)


def key(kind, year, value):
    return (kind, int(year), Decimal(str(value)).normalize())


print("| document | figures | candidates | matched | recall | precision | header | draft errors |")
print("|---|---|---|---|---|---|---|---|")
tot = [0, 0, 0, 0]
for exp_path in sorted(glob.glob(f"{CORPUS}/*.expect.yaml")):
    name = os.path.basename(exp_path)[: -len(".expect.yaml")]
    doc = f"{CORPUS}/{name}.txt"
    exp = yaml.safe_load(open(exp_path, encoding="utf-8"))
    gold = [key(*f.split()) for f in exp["figures"]]
    cands = json.loads(run("extract", doc, "--format", "json").stdout)
    got = [key(c["kind"], c["year"], c["value"]) for c in cands if c["year"] is not None and c["value"] is not None]
    rest = list(got)
    matched = 0
    for g in gold:
        if g in rest:
            rest.remove(g)
            matched += 1
        elif VERBOSE:
            print(f"MISSED {name} {g[0]} {g[1]} {g[2]}", file=sys.stderr)
    if VERBOSE:
        for r in rest:
            print(f"EXTRA {name} {r[0]} {r[1]} {r[2]}", file=sys.stderr)
    # The header, from the draft.
    draft = run("extract", doc).stdout
    plan = yaml.safe_load(draft)
    h = exp["header"]
    seen = {
        "jurisdiction": plan["jurisdiction"]["name"],
        "number": plan["document"].get("number"),
        "start": plan["period"]["start"],
        "end": plan["period"]["end"],
        "baseline_year": plan["baseline_year"],
    }
    wrong = [f"{k}={seen[k]!r} (want {v!r})" for k, v in h.items() if seen.get(k) != v]
    with tempfile.TemporaryDirectory() as d:
        with open(f"{d}/draft.yaml", "w", encoding="utf-8") as f:
            f.write(draft)
        v = run("validate", f"{d}/draft.yaml", "--sources", CORPUS, "--format", "json")
        summary = json.loads(v.stdout)
        errors = summary["summary"]["errors"]
        if VERBOSE:
            for dg in summary["diagnostics"]:
                if dg["severity"] == "error":
                    print(f"DRAFT {name} {dg['line']}: {dg['message']}", file=sys.stderr)
    if VERBOSE and wrong:
        print(f"HEADER {name}: {'; '.join(wrong)}", file=sys.stderr)
    print(f"| {name} | {len(gold)} | {len(got)} | {matched} | {100 * matched / len(gold):.0f}% | "
          f"{100 * (len(got) - len(rest)) / max(len(got), 1):.0f}% | {'ok' if not wrong else 'wrong: ' + ', '.join(wrong)} | {errors} |")
    tot = [a + b for a, b in zip(tot, [len(gold), len(got), matched, len(got) - len(rest)])]
print(f"| all | {tot[0]} | {tot[1]} | {tot[2]} | {100 * tot[2] / tot[0]:.1f}% | {100 * tot[3] / max(tot[1], 1):.1f}% | | |")
