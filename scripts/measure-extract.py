#!/usr/bin/env python3
"""Recall and precision of `qyx extract` against the hand-encoded plans in plans/.

Run from the repository root: python3 scripts/measure-extract.py QYX [--held-out] [-v]

A gold figure is a target or baseline of plans/<id>.yaml that has a number (milestones, `/` and
▲ rows are left out). A candidate matches a gold figure when it is the same number at the same
place of the document: for prose, the position of the first digit of `text` in the document
(white space and |-runs removed), found through each side's `quote`; for a table, the same row
and cell. A figure printed in the table and restated in the prose takes one candidate of each,
as the draft merges them. Recall = matched gold / gold; precision = candidates used / candidates.
*strict* counts a match only when its year and kind (target/baseline) are the encoder's too (the
value is the same number at the same place): the measure the synthetic corpora use. Milestone
candidates (`建成一批`: no value) are not figures; they are counted apart, as *milestones*.

--held-out: the catalog given to `extract` lacks every entry that only this plan uses, as a new
document's catalog would; the catalog columns then show how often a missing entry is claimed.
"""
import json, os, re, subprocess, sys, tempfile
import yaml

QYX = sys.argv[1]
HELD_OUT, VERBOSE = "--held-out" in sys.argv, "-v" in sys.argv
SEEDS = os.environ.get("QYX_SEEDS", "../shared/seeds")
DOCS = {"ruian": "000_6795be8e88ff26f0.txt", "longwan": "001_8ed796a6c9fbd30b.txt",
        "shengsi": "002_35399a1515b34cf0.txt", "huangyan": "003_c241765effb0e913.txt",
        "zhuji": "004_174f839cf942c0c5.txt"}

def norm(s):
    return re.sub(r"\|{5,}|\s", "", s or "")

def digit_pos(doc, quote, text):
    q, t = norm(quote), norm(text)
    qp, tp, m = doc.find(q), q.find(t), re.search(r"\d", t)
    return qp + tp + m.start() if qp >= 0 and tp >= 0 and m else None

def qyx(*args, plans="plans"):
    r = subprocess.run([QYX, "--plans", plans, *args], capture_output=True, text=True)
    return json.loads(r.stdout)

def log(*a):
    if VERBOSE:
        print(*a, file=sys.stderr)

golds = {p: qyx("show", p, "--format", "json") for p in DOCS}
users = {}
for p, g in golds.items():
    for row in g["indicators"]:
        users.setdefault(row["id"], set()).add(p)
catalog = yaml.safe_load(open("plans/catalog.yaml", encoding="utf-8"))

print("| plan | gold | candidates | matched | recall | precision | strict recall | strict precision | year | kind | op | scope | sure id right | suggested id right | no id | milestones |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
tot = [0, 0, 0, 0, 0, 0, 0]
for plan, src in DOCS.items():
    plans_dir = "plans"
    if HELD_OUT:
        plans_dir = tempfile.mkdtemp()
        kept = [e for e in catalog["indicators"] if users.get(e["id"], set()) - {plan}]
        with open(os.path.join(plans_dir, "catalog.yaml"), "w", encoding="utf-8") as f:
            yaml.safe_dump({"indicators": kept}, f, allow_unicode=True, sort_keys=False)
    doc = norm(open(f"{SEEDS}/{src}", encoding="utf-8").read())
    gold = []
    for row in golds[plan]["indicators"]:
        figs = [("baseline", row["baseline"])] if row.get("baseline") else []
        figs += [("target", f) for f in row.get("targets", [])]
        gold += [{**f, "kind": k, "id": row["id"], "table": row.get("table")} for k, f in figs
                 if f.get("op") not in ("done", "none") and f.get("value") is not None]
    every = qyx("extract", f"{SEEDS}/{src}", "--format", "json", plans=plans_dir)
    cands = [c for c in every if c["value"] is not None]
    milestones = len(every) - len(cands)
    used, hits, strict_used = set(), [], 0
    for g in gold:
        gpos = digit_pos(doc, g.get("quote"), g.get("text")) if g.get("text") else None
        found = []
        for source in ("prose", "table"):
            for i, c in enumerate(cands):
                if i in used or c["source"] != source:
                    continue
                if source == "prose":
                    same = gpos is not None and digit_pos(doc, c["quote"], c["text"]) == gpos
                else:
                    same = bool(g.get("cell")) and norm(g["table"]) == norm(c["table"]) \
                        and norm(g["cell"]) == norm(c["cell"]) and g["year"] == c["year"]
                if same:
                    used.add(i)
                    found.append(c)
                    break
        if found:
            hits.append((g, found[0]))
            strict_used += sum(1 for c in found if g["year"] == c["year"] and g["kind"] == c["kind"])
        else:
            log(f"MISSED {plan} {g['kind']} {g['year']} {g.get('text') or g.get('cell')!r} :: {g.get('quote') or g.get('table')}")
    for i, c in enumerate(cands):
        if i not in used:
            log(f"EXTRA {plan} {c['kind']} {c['year']} {c['text'] or c['cell']!r} [{c['indicator']}] :: {c['quote'] or c['table']}")
    def ratio(sel, ok):
        n = [h for h in hits if sel(*h)]
        return f"{sum(1 for h in n if ok(*h))}/{len(n)}"
    sure = lambda g, c: c["match"] in ("exact", "contains")
    hint = lambda g, c: c["match"] in ("partial", "nearest")
    for g, c in hits:
        if not (g['op'] == c['op'] or c['op'] == 'reach') or g['scope'] != c['scope']:
            log(f"OP/SCOPE {plan} gold {g['op']} {g['scope']} vs {c['op']} {c['scope']} {c['text'] or c['cell']!r} :: {c['quote'] or c['table']}")
        if c["match"] != "none" and g["id"] != c["catalog_id"]:
            log(f"ID {plan} {g['id']} != {c['catalog_id']} ({c['match']} {c['score']}) [{c['indicator']}]")
    n = len(hits)
    strict = sum(1 for g, c in hits if g["year"] == c["year"] and g["kind"] == c["kind"])
    print(f"| {plan} | {len(gold)} | {len(cands)} | {n} | {100 * n / len(gold):.0f}% | {100 * len(used) / len(cands):.0f}% | "
          f"{100 * strict / len(gold):.0f}% | {100 * strict_used / len(cands):.0f}% | "
          f"{ratio(lambda g, c: True, lambda g, c: g['year'] == c['year'])} | "
          f"{ratio(lambda g, c: True, lambda g, c: g['kind'] == c['kind'])} | "
          f"{ratio(lambda g, c: True, lambda g, c: g['op'] == c['op'] or c['op'] == 'reach')} | "
          f"{ratio(lambda g, c: True, lambda g, c: g['scope'] == c['scope'])} | "
          f"{ratio(sure, lambda g, c: g['id'] == c['catalog_id'])} | "
          f"{ratio(hint, lambda g, c: g['id'] == c['catalog_id'])} | "
          f"{ratio(lambda g, c: True, lambda g, c: c['match'] == 'none')} | {milestones} |")
    tot = [a + b for a, b in zip(tot, [len(gold), len(cands), n, len(used), strict, milestones, strict_used])]
print(f"| all | {tot[0]} | {tot[1]} | {tot[2]} | {100 * tot[2] / tot[0]:.1f}% | {100 * tot[3] / tot[1]:.1f}% | "
      f"{100 * tot[4] / tot[0]:.1f}% | {100 * tot[6] / tot[1]:.1f}% | | | | | | | | {tot[5]} |")
