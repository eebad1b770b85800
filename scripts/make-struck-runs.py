#!/usr/bin/env python3
"""Writes tests/cmd/check-struck-runs.in/划掉的数.xlsx: value cells whose rich text has runs struck
through, as Excel saves them when a clerk selects part of a cell's text (an old figure) and strikes
it — in the shared strings (`<si><r><rPr><strike/>`, Excel's way) and inline (`<is>`, as openpyxl and
some exporters write). Written by hand with the standard library, so that the fixture needs no
package and says exactly what it holds.

usage: python3 scripts/make-struck-runs.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "cmd", "check-struck-runs.in", "划掉的数.xlsx")


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


def main():
    sst = "".join(f"<si>{s}</si>" for s in SHARED)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="月报" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(SHARED)}" uniqueCount="{len(SHARED)}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": sheet(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 11, 5, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


if __name__ == "__main__":
    main()
