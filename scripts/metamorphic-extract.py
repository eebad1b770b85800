#!/usr/bin/env python3
"""Does `qyx extract` read the same document the same way however it was saved?

Run from the repository root: python3 scripts/metamorphic-extract.py QYX [TRANSFORM ...] [-v]

Every document of the corpora (tests/extract-*/NAME.txt with its NAME.expect.yaml) is changed in
ways that do not change what it says. For each change this prints, per corpus, how many documents
read differently from the document as it is (kind, year and value of every candidate), the
figures lost and gained, and strict recall against the answers before and after. A layout rule
that holds only for the bytes a document happens to have shows here; the held-back documents come
in every one of these forms. Not run by `cargo test` (tests/extract_invariance.rs holds the byte
changes — crlf, bom, gb18030, utf16 — as invariants; tests/extract_corpus.rs the documents as
they are). An RTF document (`{\\rtf…`) gets the byte changes only: its lines are markup. The
changes (name: what it does, and who writes text so):

  crlf              Windows line ends (Notepad, WPS, Word's "plain text").
  cr                old Mac line ends, a bare CR (Classic Mac OS exports, some OCR tools).
  bom               a UTF-8 byte-order mark (Notepad's "UTF-8 with BOM").
  gb18030           GB18030 bytes (Notepad's "ANSI" on a Chinese Windows).
  utf16             UTF-16 with its byte-order mark and CRLF (Notepad's "Unicode").
  trailing-spaces   two spaces at the end of every non-blank line (editors, `-layout`).
  formfeed          a form feed at the end of every 40 lines and of the document, as pdftotext
                    ends each page (without -layout its page's lines stay as they were).
  nbsp              no-break spaces for the spaces of prose lines (a web page copied).
  fullwidth-digits  digits in prose lines full-width (`２０２５年`: an input method's full-width mode).
  indent            a full-width indent `　　` before each long prose line (Word, WPS).
  cjk-digit-space   a space between a Chinese character and a digit on either side in prose
                    (`2025 年`, `达到 95%`: Mathpix, some PDF tools and pangu-style editors).
  halfwidth-punct   prose's full-width `（）`, `，`, `％`, `：`, `；` as `()`, `,`, `%`, `:`, `;`
                    (an English input mode, a converter that normalises to ASCII).
  fullwidth-punct   prose's `()`, `,`, `%`, `:`, `;` as `（）`, `，`, `％`, `：`, `；` (the other way;
                    neither touches a line with an ASCII `"`, a CSV record's, whose commas are
                    its syntax).
  range-DASH        the dash of a year range (`2023—2027年`, `2023-2027`, `（2023–2027）`)
                    written as another: range-dashes `——`, range-hyphens `--`, range-fullminus
                    `－`, range-wave `～`, range-tilde `~`, range-zhi `至` (all seen in
                    published plans' titles and tables).
  tabs              a table in fixed-width columns whose rows all have as many cells (runs of
                    two or more spaces apart) with a tab between its cells instead (a sheet or
                    a .docx table saved as tab-separated text); one with an empty cell or a
                    wrapped name is left, its cells' places being what says their columns.
  rewrap, rewrap26, rewrap40
                    long prose lines broken again at 33 (26, 40) characters' room as a PDF
                    prints them without `-layout` (a half-width character half a character's
                    room; no line starting with a closing mark; a figure never broken). A
                    document already broken at a page's width is left as it is: breaking it
                    again leaves a character or two of each line on a line of its own, which
                    no tool prints.
  docx              the document as a Word document, made by LibreOffice (`soffice --headless
                    --convert-to docx`, which must be installed) from an HTML page of it: its
                    `|` rows and HTML tables Word tables, its other lines preformatted paragraphs
                    (spaces kept), a saved web page as the
                    page (what a county office has when it has the .docx; a saved e-mail
                    is left as it is); tab-separated
                    rows become tables too (LibreOffice writes a tab in a preformatted line as
                    spaces, which would lose an empty cell's place), a page's number (`1、`)
                    between two rows is dropped (flattening left it of a page break). A table
                    flattened without its structure (a cell wrapped onto the next line, a second
                    header row without its empty cells) cannot be rebuilt: its Word table has
                    the rows the text has, not those of the table first saved. Read by src/extract/docx.rs.
"""
import csv, glob, io, json, os, re, shutil, subprocess, sys, tempfile
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


def broken(lines):
    """Whether a document is already broken at a page's width: most of its long prose lines
    within a few columns of the longest common length, hardly any longer."""
    widths = [sum(map(cols, l.strip())) for l in lines if prose(l) and len(l.strip()) >= 15]
    common = Counter(w for w in widths if w >= 30).most_common(1)
    if not common:
        return False
    page = max(w for w in widths if abs(w - common[0][0]) <= 4)
    near = sum(1 for w in widths if page - 8 <= w <= page)
    return near >= 5 and near * 3 >= len(widths) and sum(1 for w in widths if w > page + 2) * 10 <= len(widths)


def rewrap(t, chars):
    lines = t.split("\n")
    if broken(lines):
        return t.encode("utf-8")
    return "\n".join(w for l in lines for w in wrap(l, 2 * chars)).encode("utf-8")


def in_prose(f):
    """A change made to prose lines only."""
    return lambda t: "\n".join(f(l) if prose(l) else l for l in t.split("\n")).encode("utf-8")


HALF = str.maketrans("（），％：；", "(),%:;")
FULLP = str.maketrans("(),%:;", "（），％：；")
CJK = "\u3400-\u9fff"
RANGE = re.compile(r"((?:19|20)\d\d)年?\s*(?:—{1,2}|–|-{1,2}|－|～|~|至)\s*((?:19|20)\d\d)")


def ranges(dash):
    return lambda t: RANGE.sub(lambda m: m.group(1) + dash + m.group(2), t).encode("utf-8")


def formfeed(t):
    lines = t.split("\n")
    for i in range(39, len(lines), 40):
        lines[i] += "\f"
    return ("\n".join(lines).rstrip("\n") + "\n\f").encode("utf-8")


def tabs(t):
    """Each block of table lines whose rows all have as many cells (runs of two or more spaces
    apart, three cells at least) with a tab between cells: what a sheet saved as tab-separated
    text prints. A block with a row short of cells (an empty cell, a name wrapped onto its own
    line, a row indented past the others: empty cells first) is left as it is: tabs would lose
    where its cells stand, which says their columns."""
    lines = t.split("\n")
    cells = lambda l: re.split(r"(?<=\S) {2,}(?=\S)", l.strip())
    is_row = lambda l: TABLE.search(l) and "|" not in l and "\t" not in l and len(cells(l)) >= 3
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and is_row(lines[j]):
            j += 1
        # A row indented past the others starts with empty cells (a second header row under
        # spanning titles, a half table's right-only row): a sheet saved as text keeps their
        # tabs, so a block with one is not a row of equal cells, and is left.
        indents = [len(l) - len(l.lstrip(" ")) for l in lines[i:j]]
        even = j > i and max(indents) - min(indents) <= 1
        if j - i >= 2 and even and len({len(cells(l)) for l in lines[i:j]}) == 1:
            lines[i:j] = ["\t".join(cells(l)) for l in lines[i:j]]
        i = max(j, i + 1)
    return "\n".join(lines).encode("utf-8")


BAR_ROW = re.compile(r"^\s*[|｜].*[|｜]\s*$")
RULE_ROW = re.compile(r"^[\s|｜:：\-—=+]*$")
PAGE_MARK = re.compile(r"^\s*\d{1,3}、\s*$")
HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)
WRAPPERS = re.compile(r"</?(?:html|body)>", re.I)


def html_of(t):
    """The document as an HTML page LibreOffice turns into a .docx: a saved page as it is;
    otherwise each HTML table, each run of `|` rows (`| a | b |`) and each run of tab-separated
    rows a table, the other lines preformatted."""
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if re.match(r"\s*(<!doctype|<html)", t, re.I) and re.search(r"<body", t, re.I):
        return t
    # A saved e-mail is its MIME source: no Word document holds one.
    if re.match(r"(?:[A-Za-z-]+:.*\n)*(?:MIME-Version|Content-Type):", t):
        return None
    out, group, kind = [], [], None

    def cells(line, k):
        if k == "tab":
            return line.split("\t")
        c = re.split(r"[|｜]", line.strip())
        return c[1:-1]

    def flush():
        if not group:
            return
        if kind == "text":
            out.append("<pre>" + "\n".join(esc(l) for l in group) + "</pre>")
        else:
            if kind == "tab":
                # A sheet saved as tab-separated text quotes a cell holding a line break.
                rows = list(csv.reader(io.StringIO("\n".join(group)), delimiter="\t"))
            else:
                rows = [cells(l, kind) for l in group if not RULE_ROW.match(l)]
            cell = lambda c: "<br>".join(esc(l.strip()) for l in c.strip().split("\n"))
            out.append("<table>" + "".join("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
        group.clear()

    at = 0
    pieces = []
    for m in HTML_TABLE.finditer(t):
        pieces.append((False, WRAPPERS.sub("", t[at:m.start()])))
        pieces.append((True, m.group(0)))
        at = m.end()
    pieces.append((False, WRAPPERS.sub("", t[at:])))
    for table, piece in pieces:
        if table:
            flush()
            out.append(piece)
            continue
        lines = piece.split("\n")
        kinds = ["bar" if BAR_ROW.match(l) else "tab" if "\t" in l.strip() else "text" for l in lines]
        for i, (line, k) in enumerate(zip(lines, kinds)):
            # A page's number between two rows of a table (`1、`) is what flattening left of a
            # page break: the Word document had one table.
            if PAGE_MARK.match(line) and 0 < i < len(lines) - 1 and kinds[i - 1] == kinds[i + 1] != "text":
                continue
            if k != kind:
                flush()
                kind = k
            group.append(line)
    flush()
    return '<html><head><meta charset="utf-8"></head><body>' + "".join(out) + "</body></html>"


def docx(t):
    """The .docx LibreOffice saves from [`html_of`]; an e-mail left as it is."""
    html = html_of(t)
    if html is None:
        return t.encode("utf-8")
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "doc.html"), "w", encoding="utf-8") as f:
            f.write(html)
        subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", d, os.path.join(d, "doc.html")], capture_output=True)
        with open(os.path.join(d, "doc.docx"), "rb") as f:
            return f.read()


TRANSFORMS = {
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "bom": lambda t: ("\ufeff" + t).encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "utf16": lambda t: t.replace("\n", "\r\n").encode("utf-16"),
    "trailing-spaces": lambda t: "\n".join(l + "  " if l.strip() else l for l in t.split("\n")).encode("utf-8"),
    "formfeed": formfeed,
    "nbsp": in_prose(lambda l: l.replace(" ", "\u00a0")),
    "fullwidth-digits": in_prose(lambda l: l.translate(FULL)),
    "indent": lambda t: "\n".join("\u3000\u3000" + l.lstrip() if prose(l) and len(l.strip()) > 30 else l for l in t.split("\n")).encode("utf-8"),
    "cjk-digit-space": in_prose(lambda l: re.sub(f"(?<=[{CJK}])(?=[0-9])|(?<=[0-9%])(?=[{CJK}])", " ", l)),
    # A line with an ASCII quote is a CSV record's (or markup's): its commas are syntax.
    "halfwidth-punct": in_prose(lambda l: l if '"' in l else l.translate(HALF)),
    "fullwidth-punct": in_prose(lambda l: l if '"' in l else l.translate(FULLP)),
    "range-dashes": ranges("——"),
    "range-hyphens": ranges("--"),
    "range-fullminus": ranges("－"),
    "range-wave": ranges("～"),
    "range-tilde": ranges("~"),
    "range-zhi": ranges("至"),
    "tabs": tabs,
    "rewrap": lambda t: rewrap(t, 33),
    "rewrap26": lambda t: rewrap(t, 26),
    "rewrap40": lambda t: rewrap(t, 40),
    "docx": docx,
}


BYTES = {"crlf", "cr", "bom", "gb18030", "utf16"}


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
# The docx change needs LibreOffice: without it, it is left out unless named.
names = ONLY or [n for n in TRANSFORMS if n != "docx" or shutil.which("soffice")]
base = {}
for exp in docs:
    doc = exp[: -len(".expect.yaml")] + ".txt"
    # A document given as its container (a workbook, a mail, a page: round 22 on) has no lines to
    # change: only text documents are transformed.
    if not os.path.exists(doc):
        continue
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
            # An RTF document's lines are its markup: only the byte changes apply to it.
            rtf = text.startswith("{\\rtf") and name not in BYTES
            with open(path, "wb") as f:
                f.write(text.encode("utf-8") if rtf else TRANSFORMS[name](text))
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
