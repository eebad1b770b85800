#!/usr/bin/env python3
"""Writes the .xlsx fixtures of cell formatting that calamine does not report, by hand with the
standard library, so that each needs no package and says exactly what it holds:

- tests/cmd/check-struck-runs.in/划掉的数.xlsx: value cells whose rich text has runs struck through,
  as Excel saves them when a clerk selects part of a cell's text (an old figure) and strikes it — in
  the shared strings (`<si><r><rPr><strike/>`, Excel's way) and inline (`<is>`, as openpyxl and some
  exporters write);
- tests/cmd/check-cell-comments.in/批注.xlsx: comments (批注) on a row's cells, as Excel writes them
  (the author on a line of its own, then the text): `预计数` on a value, `快报` on a name beside a
  备注 column, a source that says nothing of the figure;
- tests/cmd/check-scaled-formats.in/万元格式.xlsx: numbers shown scaled by their number format
  (`0!.0,"万"` shows 842000 as 84.2万, `0!.0000"万人次"`, `#,##0,"千元"`), the tricks Chinese sheets
  show 万 with, beside a plain unit format (`#,##0"元"`).

usage: python3 scripts/make-xlsx-fixtures.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CMD = os.path.join(HERE, "..", "tests", "cmd")


def run(text, struck=False):
    props = "<rPr><strike/><sz val=\"11\"/></rPr>" if struck else "<rPr><sz val=\"11\"/></rPr>"
    return f'<r>{props}<t xml:space="preserve">{text}</t></r>'


# Shared strings: plain texts, then rich ones (index order matters).
SHARED = [
    "<t>地区</t>", "<t>指标</t>", "<t>年份</t>", "<t>数值</t>", "<t>诸暨市</t>",
    "<t>基本养老保险参保人数</t>", "<t>普惠托位占比</t>", "<t>人均预期寿命</t>",
    "<t>高等教育毛入学率</t>", "<t>欠薪线索动态化解率</t>", "<t>重大慢病过早死亡率</t>",
    # 11: the old figure struck, the new one after it
    run("83.9", True) + run("84.5"),
    # 12: the new figure first, the old one struck after it
    run("64 ") + run("66", True),
    # 13: every run struck: the cell crossed out
    run("72", True),
    # 14: a strike switched off (val="0") is no strike
    '<r><rPr><strike val="0"/></rPr><t>95.5</t></r>',
    # 15: a phonetic guide (rPh) is no part of the text
    "<t>9.1</t><rPh sb=\"0\" eb=\"1\"><t>jiu</t></rPh>",
]

ROWS = [
    ["s0", "s1", "s2", "s3"],
    ["s4", "s5", 2024, "s11"],
    ["s4", "s6", 2024, "s12"],
    ["s4", "s7", 2024, "i"],  # inline: 82.3 struck, 82.5 kept
    ["s4", "s8", 2024, "s13"],
    ["s4", "s9", 2024, "s14"],
    ["s4", "s10", 2024, "s15"],
]


def cell(ref, v):
    if isinstance(v, int):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if v == "i":
        return f'<c r="{ref}" t="inlineStr"><is>{run("82.3", True)}{run("82.5")}</is></c>'
    return f'<c r="{ref}" t="s"><v>{v[1:]}</v></c>'


def sheet():
    rows = []
    for i, row in enumerate(ROWS, start=1):
        cells = "".join(cell(f"{'ABCD'[j]}{i}", v) for j, v in enumerate(row))
        rows.append(f'<row r="{i}">{cells}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )


CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
ROOT_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
WORKBOOK = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="月报" sheetId="1" r:id="rId1"/></sheets></workbook>'
WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'


def styles(formats):
    """A styles part whose cell format i+1 shows number format `formats[i]` (format 0 is General)."""
    esc = lambda f: f.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    fmts = "".join(f'<numFmt numFmtId="{164 + i}" formatCode="{esc(f)}"/>' for i, f in enumerate(formats))
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + "".join(
        f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        for i in range(len(formats))
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<numFmts count="{len(formats)}">{fmts}</numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(formats) + 1}">{xfs}</cellXfs></styleSheet>'
    )


def comments_xml(notes):
    """A comments part: (cell, author, text) each, Excel's way (the author's name in bold first)."""
    authors = sorted({a for _, a, _ in notes})
    items = "".join(
        f'<comment ref="{ref}" authorId="{authors.index(a)}"><text><r><rPr><b/><sz val="9"/></rPr><t>{a}:</t></r>'
        f'<r><rPr><sz val="9"/></rPr><t xml:space="preserve">\n{t}</t></r></text></comment>'
        for ref, a, t in notes
    )
    names = "".join(f"<author>{a}</author>" for a in authors)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<authors>{names}</authors><commentList>{items}</commentList></comments>"
    )


def write(path, shared, sheet_xml, formats=(), notes=()):
    sst = "".join(f"<si>{s}</si>" for s in shared)
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/styles.xml": styles(list(formats)),
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if notes:
        parts["xl/comments1.xml"] = comments_xml(notes)
        parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>'
            "</Relationships>"
        )
        parts["[Content_Types].xml"] = CONTENT_TYPES.replace(
            "</Types>",
            '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
        )
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 11, 5, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


# Number formats, by style index (1-based), and the rows using them: (indicator, stored, style).
FORMATS = ['0!.0,"万"', '0!.0000"万人次"', '#,##0"元"', '0\\.0000"万人"']
SCALED = [
    ("基本养老保险参保人数", 842000, 1),  # shown 84.2万, stored 842000 (人)
    ("开展职业技能培训累计数", 95000, 2),  # shown 9.5000万人次
    ("最低生活保障年标准", 14500, 3),  # shown 14,500元: no scaling
    ("城镇新增就业", 12345, 4),  # shown 1.2345万人
]


def scaled_sheet():
    shared = ["<t>地区</t>", "<t>指标</t>", "<t>年份</t>", "<t>数值</t>", "<t>诸暨市</t>"]
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>']
    for i, (name, stored, style) in enumerate(SCALED, start=2):
        shared.append(f"<t>{name}</t>")
        rows.append(
            f'<row r="{i}"><c r="A{i}" t="s"><v>4</v></c><c r="B{i}" t="s"><v>{len(shared) - 1}</v></c>'
            f'<c r="C{i}"><v>2024</v></c><c r="D{i}" s="{style}"><v>{stored}</v></c></row>'
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )
    return shared, xml


def commented_sheet():
    shared = ["<t>地区</t>", "<t>指标</t>", "<t>年份</t>", "<t>数值</t>", "<t>备注</t>", "<t>诸暨市</t>",
              "<t>普惠托位占比</t>", "<t>人均预期寿命</t>", "<t>高等教育毛入学率</t>", "<t>统计局数据</t>"]
    rows = [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2"><v>2024</v></c><c r="D2"><v>66</v></c></row>',
        '<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="s"><v>7</v></c><c r="C3"><v>2024</v></c><c r="D3"><v>82.5</v></c><c r="E3" t="s"><v>9</v></c></row>',
        '<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" t="s"><v>8</v></c><c r="C4"><v>2024</v></c><c r="D4"><v>72</v></c></row>',
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(rows)}</sheetData></worksheet>"
    )
    notes = [("D2", "张三", "此为预计数，12月底更新"), ("B3", "李四", "快报数"), ("D4", "王五", "数据来源：教育统计年报")]
    return shared, xml, notes


def main():
    write(os.path.join(CMD, "check-struck-runs.in", "划掉的数.xlsx"), SHARED, sheet())
    shared, xml = scaled_sheet()
    write(os.path.join(CMD, "check-scaled-formats.in", "万元格式.xlsx"), shared, xml, FORMATS)
    shared, xml, notes = commented_sheet()
    write(os.path.join(CMD, "check-cell-comments.in", "批注.xlsx"), shared, xml, notes=notes)


if __name__ == "__main__":
    main()
