"""What the clerk corpora's make.py scripts share (tests/clerk-sheets, tests/clerk-sheets-round4):
a data row with the verdicts it must get (`R`), the expectations noted as rows are written
(`EXPECTED`), and CSV and .xlsx writers — the workbook by hand, zip + XML, with fixed timestamps so
that a rerun writes the same bytes, and raw cells (`Raw`, `Rich`) for what a library would not write."""
import io, time, zipfile

from sheetgen import col  # the A1 column letters every generator uses

time.time = lambda: 1704067200.0
ZT = (2024, 1, 1, 0, 0, 0)
EXPECTED = []


class R:
    """A data row and what it must come to: one want per reading (period label → want)."""

    def __init__(self, cells, want, jur="", ind="", why="", period=""):
        self.cells, self.jur, self.ind, self.why = cells, jur, ind, why
        self.wants = want if isinstance(want, list) else [(period, want)]


def rows_of(file, sheet, rows):
    """The sheet's cells, and its expectations noted with their lines."""
    out = []
    # A CSV row is named by the line it starts on: a cell holding a line break (Alt+Enter in
    # Excel) moves every later row down a line; a workbook's row is its row.
    line = 1
    for r in rows:
        cells = r.cells if isinstance(r, R) else r
        if isinstance(r, R):
            for period, want in r.wants:
                EXPECTED.append((file, sheet, str(line), period, r.jur, r.ind, want, r.why))
        out.append(cells)
        breaks = sum(str(c).count("\n") for c in cells if c is not None) if file.endswith(".csv") else 0
        line += 1 + breaks
    return out


def csv_text(rows):
    def q(v):
        s = "" if v is None else str(v)
        return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s
    return "".join(",".join(q(v) for v in r) + "\r\n" for r in rows)


def write_csv(name, rows, enc="utf-8-sig"):
    with open(name, "wb") as f:
        f.write(csv_text(rows_of(name, "", rows)).encode(enc))


# ---------------------------------------------------------------- xlsx by hand --------------
def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Raw:
    """A cell written as given: attributes and inner XML (a formula, a style, an inline string)."""

    def __init__(self, attrs, inner):
        self.attrs, self.inner = attrs, inner


class Rich(str):
    """A shared string written as the given `<si>` content (runs, phonetic guides)."""


def cell(ref, v, shared):
    if v is None or v == "":
        return ""
    if isinstance(v, Raw):
        return f'<c r="{ref}"{v.attrs}>{v.inner}</c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if v not in shared:
        shared.append(v)
    return f'<c r="{ref}" t="s"><v>{shared.index(v)}</v></c>'


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
          '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>')


def sheet_xml(rows, merges, shared, opts=None):
    """opts: `cols` (the `<cols>` element), `hidden` (1-based rows Excel hides)."""
    opts = opts or {}
    x = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{opts.get("cols", "")}<sheetData>'
    for r, row in enumerate(rows):
        hidden = ' hidden="1"' if r + 1 in opts.get("hidden", ()) else ""
        x += f'<row r="{r+1}"{hidden}>' + "".join(cell(f"{col(c)}{r+1}", v, shared) for c, v in enumerate(row)) + '</row>'
    x += '</sheetData>'
    if merges:
        x += f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + '</mergeCells>'
    return x + '</worksheet>'


def write_xlsx(name, sheets, styles=STYLES, rewrite=None):
    """sheets: (sheet name, rows, merges[, opts for sheet_xml]); `rewrite` changes the parts (a
    dict of name → XML) before they are zipped, as another program would write them."""
    shared = []
    parts = {}
    ct = ['<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>']
    wb = f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{R_NS}"><sheets>'
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i, (sname, rows, merges, *opts) in enumerate(sheets):
        wb += f'<sheet name="{sname}" sheetId="{i+1}" r:id="rId{i+1}"/>'
        rels += f'<Relationship Id="rId{i+1}" Type="{R_NS}/worksheet" Target="worksheets/sheet{i+1}.xml"/>'
        ct.append(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        parts[f"xl/worksheets/sheet{i+1}.xml"] = sheet_xml(rows_of(name, sname, rows), merges, shared, *opts)
    wb += '</sheets></workbook>'
    n = len(sheets)
    rels += f'<Relationship Id="rId{n+1}" Type="{R_NS}/styles" Target="styles.xml"/>'
    rels += f'<Relationship Id="rId{n+2}" Type="{R_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    ct.append('</Types>')
    parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">'
                                     + "".join(f'<si>{s}</si>' if isinstance(s, Rich) else f'<si><t xml:space="preserve">{esc(s)}</t></si>' for s in shared) + '</sst>')
    parts = {"[Content_Types].xml": "".join(ct),
             "_rels/.rels": ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                             f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
             "xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels, "xl/styles.xml": styles, **parts}
    if rewrite:
        rewrite(parts)
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            z.writestr(zipfile.ZipInfo(k, ZT), v, zipfile.ZIP_DEFLATED)
    with open(name, "wb") as f:
        f.write(b.getvalue())


