#!/usr/bin/env python3
"""Strict recall and precision of `qyx extract` on the synthetic corpus tests/extract-corpus/.

Run from the repository root: python3 scripts/measure-corpus.py QYX [-v]

Each NAME.txt (or the one NAME.EXT beside it: a workbook, a mail, a page as saved) has a
hand-written NAME.expect.yaml: the header (jurisdiction, 文号, period, baseline year) and every
figure as `kind year value`. A candidate of `qyx extract --format json` matches a figure when kind
(target/baseline), year and value are all the same (strict: a baseline read as a 2022 target is a
miss and an extra). Recall = matched figures / figures; precision = matched candidates /
candidates. Each draft (`--format yaml`) is then validated with the corpus as --sources: `errors`
must be 0. The documents were written for the layouts #14 describes, never looked at while writing
the rules for the seeds.

A figure may say more (tests/extract-prose): `kind year value [average|total FROM] [| name]`.
Where an answer gives a name, the matched figure's name in the draft (`name` of the indicator
row holding the figure, found by its quote and text) must be that name, and where it gives
`average FROM` / `total FROM` the draft's baseline must have that `kind` and `from`; the columns
`names` and `spans` count them (shown only for a corpus whose answers have them).
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


def figure(line):
    """`kind year value [average|total FROM] [| name]` -> (key, span or None, name or None)."""
    head, _, name = line.partition("|")
    p = head.split()
    span = (p[3], int(p[4])) if len(p) >= 5 else None
    return key(*p[:3]), span, (name.strip() or None)


def drafted(plan):
    """(kind, year, quote, text) -> (indicator name, baseline kind, from) for every figure of a draft."""
    out = {}
    for ind in plan.get("indicators") or []:
        b = ind.get("baseline")
        if b:
            out[("baseline", b.get("year"), b.get("quote"), b.get("text"))] = (ind.get("name"), b.get("kind"), b.get("from"))
        for t in ind.get("targets") or []:
            out[("target", t.get("year"), t.get("quote"), t.get("text"))] = (ind.get("name"), None, None)
    return out


def answers(path):
    return [figure(f) for f in yaml.safe_load(open(path, encoding="utf-8"))["figures"]]


def document(corpus, name):
    """NAME.txt, or the one NAME.EXT beside the answer that is not it (a workbook, a mail, a page
    given to extract as it was saved: round 22 on)."""
    txt = f"{corpus}/{name}.txt"
    if os.path.exists(txt):
        return txt
    found = [p for p in glob.glob(f"{glob.escape(corpus)}/{glob.escape(name)}.*") if not p.endswith(".expect.yaml")]
    return found[0] if len(found) == 1 else txt


EXTRA = any(f[1] or f[2] for p in glob.glob(f"{CORPUS}/*.expect.yaml") for f in answers(p))
if EXTRA:
    print("| document | figures | candidates | matched | recall | precision | names | spans | header | draft errors |")
    print("|---|---|---|---|---|---|---|---|---|---|")
else:
    print("| document | figures | candidates | matched | recall | precision | header | draft errors |")
    print("|---|---|---|---|---|---|---|---|")
tot = [0, 0, 0, 0]
names_tot = [0, 0]
spans_tot = [0, 0]
for exp_path in sorted(glob.glob(f"{CORPUS}/*.expect.yaml")):
    name = os.path.basename(exp_path)[: -len(".expect.yaml")]
    doc = document(CORPUS, name)
    exp = yaml.safe_load(open(exp_path, encoding="utf-8"))
    figs = answers(exp_path)
    gold = [f[0] for f in figs]
    out = run("extract", doc, "--format", "json")
    if out.returncode != 0 and not out.stdout:
        # A document extract refuses (an RTF file, a PDF): no figure read, no draft written.
        reason = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "refused"
        if VERBOSE:
            print(f"REFUSED {name}: {reason}", file=sys.stderr)
        extra = " 0/0 | 0/0 |" if EXTRA else ""
        print(f"| {name} | {len(gold)} | 0 | 0 | 0% | 0% |{extra} refused | refused |")
        tot = [a + b for a, b in zip(tot, [len(gold), 0, 0, 0])]
        continue
    cands = json.loads(out.stdout)
    cands = [c for c in cands if c["year"] is not None and c["value"] is not None]
    got = [key(c["kind"], c["year"], c["value"]) for c in cands]
    draft = run("extract", doc).stdout
    plan = yaml.safe_load(draft)
    rows = drafted(plan)
    left = list(range(len(cands)))
    matched = 0
    names = [0, 0]
    spans = [0, 0]
    for g, span, want in figs:
        here = [i for i in left if got[i] == g]
        if not here:
            if VERBOSE:
                print(f"MISSED {name} {g[0]} {g[1]} {g[2]}", file=sys.stderr)
            continue
        matched += 1

        def row(i):
            c = cands[i]
            return rows.get((c["kind"], c["year"], c["quote"], c["text"]), (c["indicator"], None, None))

        # Of several candidates with this figure, the one the answer names.
        pick = next((i for i in here if want and row(i)[0] == want), here[0])
        left.remove(pick)
        drafted_name, kind, start = row(pick)
        if want:
            names[1] += 1
            if drafted_name == want:
                names[0] += 1
            elif VERBOSE:
                print(f"NAME {name} {g[0]} {g[1]} {g[2]}: {drafted_name!r} (want {want!r})", file=sys.stderr)
        if span:
            spans[1] += 1
            if (kind, start) == span:
                spans[0] += 1
            elif VERBOSE:
                print(f"SPAN {name} {g[0]} {g[1]} {g[2]}: {kind} {start} (want {span[0]} {span[1]})", file=sys.stderr)
    rest = [got[i] for i in left]
    if VERBOSE:
        for i in left:
            r = got[i]
            print(f"EXTRA {name} {r[0]} {r[1]} {r[2]}: {cands[i]['quote']}", file=sys.stderr)
    # The header, from the draft.
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
    extra = f" {names[0]}/{names[1]} | {spans[0]}/{spans[1]} |" if EXTRA else ""
    print(f"| {name} | {len(gold)} | {len(got)} | {matched} | {100 * matched / len(gold):.0f}% | "
          f"{100 * (len(got) - len(rest)) / max(len(got), 1):.0f}% |{extra} {'ok' if not wrong else 'wrong: ' + ', '.join(wrong)} | {errors} |")
    tot = [a + b for a, b in zip(tot, [len(gold), len(got), matched, len(got) - len(rest)])]
    names_tot = [a + b for a, b in zip(names_tot, names)]
    spans_tot = [a + b for a, b in zip(spans_tot, spans)]
extra = f" {names_tot[0]}/{names_tot[1]} | {spans_tot[0]}/{spans_tot[1]} |" if EXTRA else ""
print(f"| all | {tot[0]} | {tot[1]} | {tot[2]} | {100 * tot[2] / tot[0]:.1f}% | {100 * tot[3] / max(tot[1], 1):.1f}% |{extra} | |")
