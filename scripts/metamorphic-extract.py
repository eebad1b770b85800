#!/usr/bin/env python3
"""Does `qyx extract` read the same document the same way however it was saved?

Run from the repository root: python3 scripts/metamorphic-extract.py QYX [TRANSFORM ...] [-v]

Every document of the corpora (tests/extract-*/NAME.txt with its NAME.expect.yaml) is changed in
ways that do not change what it says: Windows line ends, a byte-order mark, GB18030 bytes or UTF-16
with its byte-order mark (what Notepad and WPS save on a Chinese Windows), spaces left at line ends, non-breaking spaces for
spaces (a web page copied), full-width digits in its prose, a full-width indent before each
paragraph, and its long prose lines broken again at 33 characters' room (a PDF read without
`-layout`). For each change this prints, per corpus, how many documents read differently from
the document as it is (kind, year and value of every candidate), the figures lost and gained,
and strict recall against the answers before and after. A layout rule that holds only for the
bytes a document happens to have shows here; the held-back documents come in every one of these
forms. Not run by `cargo test` (tests/extract_corpus.rs holds the documents as they are).
"""
import glob, json, os, re, subprocess, sys, tempfile
from collections import Counter
from decimal import Decimal
import yaml

QYX = sys.argv[1]
VERBOSE = "-v" in sys.argv
ONLY = [a for a in sys.argv[2:] if not a.startswith("-")]

# A line of a table or a layout: cells apart by runs of spaces or tabs, or rules.
TABLE = re.compile(r"\S[ \u3000]{2,}\S|\t|^\s*[|│┃├┌└+]")
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def prose(line):
    """A line of running text: no cells apart, no markup, no CSV row, no pipe table."""
    return not (TABLE.search(line) or "<" in line or "|" in line or "｜" in line or line.count(",") >= 3)


# What a typesetter never puts first on a line (closing marks, CJK punctuation) and what it never
# breaks (a run of ASCII digits, letters and a figure's point or percent sign).
NOT_FIRST = set("）)」』】〕》，。、；：？！%％‰…—")
WORD = re.compile(r"[0-9A-Za-z.%‰]")


def cols(c):
    """A character's room on the page: a CJK character or full-width sign two, ASCII one."""
    return 1 if ord(c) < 0x2E80 and c not in "“”‘’—…" else 2


def wrap(line, width=66):
    """A prose line broken as a PDF prints it: at `width` columns (33 Chinese characters, a
    half-width digit taking half a character's room), the break moved back past a word or a
    mark that may not start a line."""
    # A line already laid out (centred, indented by spaces: a `-layout` page) keeps its place.
    if sum(map(cols, line)) <= width or not prose(line) or line.startswith("  "):
        return [line]
    out = []
    while sum(map(cols, line)) > width:
        cut, room = 0, 0
        while room + cols(line[cut]) <= width:
            room += cols(line[cut])
            cut += 1
        while cut > 1 and (line[cut] in NOT_FIRST or (WORD.match(line[cut]) and WORD.match(line[cut - 1]))):
            cut -= 1
        out.append(line[:cut])
        line = line[cut:]
    return out + [line] if line else out


TRANSFORMS = {
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "bom": lambda t: ("\ufeff" + t).encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "utf16": lambda t: t.replace("\n", "\r\n").encode("utf-16"),
    "trailing-spaces": lambda t: "\n".join(l + "  " if l.strip() else l for l in t.split("\n")).encode("utf-8"),
    "nbsp": lambda t: "\n".join(l.replace(" ", "\u00a0") if prose(l) else l for l in t.split("\n")).encode("utf-8"),
    "fullwidth-digits": lambda t: "\n".join(l.translate(FULL) if prose(l) else l for l in t.split("\n")).encode("utf-8"),
    "indent": lambda t: "\n".join("\u3000\u3000" + l.lstrip() if prose(l) and len(l.strip()) > 30 else l for l in t.split("\n")).encode("utf-8"),
    "rewrap": lambda t: "\n".join(w for l in t.split("\n") for w in wrap(l)).encode("utf-8"),
}


def key(kind, year, value):
    return (kind, int(year), Decimal(str(value)).normalize())


def candidates(path):
    out = subprocess.run([QYX, "--lang", "en", "extract", path, "--format", "json"], capture_output=True, text=True)
    try:
        cands = json.loads(out.stdout)
    except json.JSONDecodeError:
        return None
    return Counter(key(c["kind"], c["year"], c["value"]) for c in cands if c["year"] is not None and c["value"] is not None)


def recall(got, gold):
    return sum((got & gold).values()), sum(gold.values())


docs = sorted(glob.glob("tests/extract-*/*.expect.yaml"))
names = ONLY or list(TRANSFORMS)
base = {}
for exp in docs:
    doc = exp[: -len(".expect.yaml")] + ".txt"
    gold = Counter(key(*f.split("|")[0].split()[:3]) for f in yaml.safe_load(open(exp, encoding="utf-8"))["figures"])
    base[doc] = (candidates(doc), gold)

print("| change | documents read differently | figures lost | figures gained | recall before | recall after |")
print("|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    for name in names:
        changed, lost, gained, hit0, hit1, total = 0, 0, 0, 0, 0, 0
        worst = []
        for doc, (was, gold) in base.items():
            text = open(doc, encoding="utf-8").read()
            path = os.path.join(tmp, os.path.basename(doc))
            with open(path, "wb") as f:
                f.write(TRANSFORMS[name](text))
            now = candidates(path) or Counter()
            was = was or Counter()
            a, n = recall(was, gold)
            b, _ = recall(now, gold)
            hit0, hit1, total = hit0 + a, hit1 + b, total + n
            if now != was:
                changed += 1
                l, g = sum((was - now).values()), sum((now - was).values())
                lost, gained = lost + l, gained + g
                worst.append((l + g, doc, l, g, a - b))
        print(f"| {name} | {changed} of {len(base)} | {lost} | {gained} | {100 * hit0 / total:.1f}% | {100 * hit1 / total:.1f}% |")
        if VERBOSE:
            for _, doc, l, g, d in sorted(worst, reverse=True)[:8]:
                print(f"|   {doc} | | {l} | {g} | recall −{d} | |")
