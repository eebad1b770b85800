#!/usr/bin/env python3
"""Writes the round-3 corpus of bad inputs (see README.md). Run from this directory; every file
is committed, so the tests need no Python. The 10 MB cases (a field, a line) are made at test
time by tests/bad_input_round3.rs."""
import io, os, shutil, struct, time, zipfile
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))
from sheetgen import col  # noqa: E402  (the A1 column letters every generator uses)

# Fixed zip timestamps, so that running this again writes the same bytes.
time.time = lambda: 1704067200.0

def w(name, data):
    os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

# ---------------------------------------------------------------- plans ----------------------
BASE = """jurisdiction:
  id: testxian
  name: 测试县
  name_en: Testxian
  level: county
  parent: 绍兴市
document:
  title: 测试县公共服务“七优享”工程实施方案(2023-2027年)
  number: 测政办发〔2023〕1号
  issuer: 测试县人民政府办公室
  date: 2023-04-17
  kind: implementation
  source: ceshi.txt
period: { start: 2023, end: 2027 }
baseline_year: 2022
columns: [2022, 2025, 2027]
indicators:
  - id: childcare-inclusive-share
    name: 普惠托位占比
    unit: "%"
    lead: 卫生健康局
    area: 幼有善育
    row: "1"
    table: "1 普惠托位占比(%) 60 ≥68 72 卫生健康局"
    baseline: { year: 2022, cell: "60" }
    targets:
      - { year: 2025, cell: "≥68" }
      - { year: 2027, cell: "72" }
  - id: child-development-screening-rate
    name: 0-3 岁儿童发育监测筛查率
    unit: "%"
    lead: 卫生健康局
    area: 幼有善育
    row: "2"
    table: "2 0-3 岁儿童发育监测筛查率(%) 93 95 95 卫生健康局"
    baseline: { year: 2022, cell: "93" }
    targets:
      - { year: 2025, cell: "95" }
      - { year: 2027, cell: "95" }
"""

def plan(case, text=None, data=None):
    """Each plan case is a folder holding testxian.yaml (the id must be the file's name)."""
    p = f"plans/{case}/testxian.yaml"
    w(p, data if data is not None else text)

def sub(old, new, s=BASE, count=1):
    assert old in s, old
    return s.replace(old, new, count)

plan("p00-clean", BASE)
# a key twice inside a flow mapping: the second `year` would move the target
plan("p01-duplicate-key-flow", sub('{ year: 2025, cell: "≥68" }', '{ year: 2025, cell: "≥68", year: 2027 }'))
# billion laughs: 9 levels of 9 aliases = 387 million nodes if expanded
lol = "lol0: &lol0 [\"lol\"]\n" + "".join(
    f"lol{i}: &lol{i} [" + ",".join([f"*lol{i-1}"] * 9) + "]\n" for i in range(1, 10))
# the same, inside a key the plan has (`todo`, a list of strings), so that nothing stops it early
bomb = "[&l0 lol, " + ", ".join(f"&l{i} [" + ",".join([f"*l{i-1}"] * 9) + "]" for i in range(1, 10)) + "]"
plan("p02-billion-laughs", BASE + "todo: " + bomb + "\n")
plan("p02b-billion-laughs-top", lol + BASE)
# a 64 KiB string anchored once and aliased 20 000 times: 1.3 GB of text from a 140 KB file
plan("p02c-alias-amplification", BASE + "todo: [&big " + "x" * 65536 + ", " + ", ".join(["*big"] * 20000) + "]\n")
plan("p03-deep-flow-nesting", BASE + "todo: " + "[" * 100000 + "]" * 100000 + "\n")
plan("p04-tab-before-flow-item", sub('      - { year: 2027, cell: "72" }', '      -\t{ year: 2027, cell: "72" }'))
plan("p05-bom", "\ufeff" + sub("    table: \"1 ", "    traget: x\n    table: \"1 "))
plan("p06-crlf", sub("    table: \"1 ", "    traget: x\n    table: \"1 ").replace("\n", "\r\n"))
plan("p07-columns-beyond-period", sub("columns: [2022, 2025, 2027]", "columns: [2022, 2025, 2029]"))
plan("p08-near-miss-fields", sub('    unit: "%"\n    lead: 卫生健康局\n    area: 幼有善育\n    row: "2"',
                                 '    uint: "%"\n    lead: 卫生健康局\n    area: 幼有善育\n    row: "2"').replace(
                                 '    targets:\n      - { year: 2025, cell: "95" }', '    traget:\n      - { year: 2025, cell: "95" }'))
plan("p09-operator-spaces", sub('"1 普惠托位占比(%) 60 ≥68 72 卫生健康局"', '"1 | 普惠托位占比(%) | 60 | ≥ 68 % | 72 | 卫生健康局"').replace('cell: "≥68"', 'cell: "≥ 68 %"'))
plan("p10-ascii-operator", sub("60 ≥68 72", "60 >=68 72").replace('cell: "≥68"', 'cell: ">=68"'))
plan("p11-fullwidth-operator", sub("60 ≥68 72", "60 ＞68 72").replace('cell: "≥68"', 'cell: "＞68"'))
plan("p12-id-case-width", sub("  - id: child-development-screening-rate", "  - id: Childcare-Inclusive-Share"))
plan("p12b-id-fullwidth", sub("  - id: child-development-screening-rate", "  - id: ｃｈｉｌｄｃａｒｅ-inclusive-share"))
plan("p13-huge-number", sub("60 ≥68 72", "60 ≥68 1e400").replace('cell: "72"', 'cell: "1e400"'))
plan("p13b-29-digits", sub("93 95 95", "93 95 99999999999999999999999999999").replace(
    '      - { year: 2027, cell: "95" }', '      - { year: 2027, cell: "99999999999999999999999999999" }'))
plan("p14-nan", sub("60 ≥68 72", "60 ≥68 NaN").replace('cell: "72"', 'cell: "NaN"'))
plan("p14b-nan-year", sub('{ year: 2027, cell: "72" }', '{ year: .nan, cell: "72" }'))
plan("p15-negative-year", sub("period: { start: 2023, end: 2027 }", "period: { start: -2023, end: 2027 }"))
plan("p15b-negative-target-year", sub('{ year: 2027, cell: "72" }', '{ year: -2027, cell: "72" }'))
plan("p16-period-reversed", sub("period: { start: 2023, end: 2027 }", "period: { start: 2027, end: 2023 }"))
plan("p17-empty", "")
plan("p18-top-level-list", "- " + BASE.replace("\n", "\n  ").rstrip() + "\n")
plan("p19-two-documents", BASE + "---\n" + BASE)
plan("p20-year-with-suffix", sub('{ year: 2027, cell: "72" }', '{ year: 2027年, cell: "72" }'))
plan("p20b-fractional-year", sub('{ year: 2027, cell: "72" }', '{ year: 2027.5, cell: "72" }'))
plan("p21-nul-byte", data=sub("测试县人民政府办公室", "测试县人民\x00政府办公室").encode())
plan("p22-columns-duplicate-year", sub("columns: [2022, 2025, 2027]", "columns: [2022, 2025, 2025]"))
plan("p23-null-targets", sub('    targets:\n      - { year: 2025, cell: "95" }\n      - { year: 2027, cell: "95" }\n', '    targets:\n'))
plan("p24-gb18030", data=BASE.encode("gb18030"))
plan("p25-huge-alias-key", "x: &a " + "y" * 2000 + "\n" + BASE + "note: *a\n")

# --------------------------------------------------------------- actuals ---------------------
H = "地区,指标,年份,数值,单位"
GOOD = ["诸暨市,普惠托位占比,2024,66,%",
        "诸暨市,基本养老保险参保人数,2024,84.1,万人",
        "诸暨市,人均预期寿命,2024,82.40,岁"]
CSV = "\n".join([H] + GOOD) + "\n"

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')

def cell(ref, v):
    if v is None or v == "":
        return ""
    if isinstance(v, tuple):          # raw cell XML: (attrs, inner)
        return f'<c r="{ref}"{v[0]}>{v[1]}</c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'

def sheet_xml(rows, merges=(), dimension=None):
    x = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    if dimension:
        x += f'<dimension ref="{dimension}"/>'
    x += '<sheetData>'
    for r, row in enumerate(rows):
        x += f'<row r="{r+1}">' + "".join(cell(f"{col(c)}{r+1}", v) for c, v in enumerate(row)) + '</row>'
    x += '</sheetData>'
    if merges:
        x += f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + '</mergeCells>'
    return x + '</worksheet>'

def xlsx(rows=None, merges=(), dimension=None, sheet=None, shared=None):
    b = io.BytesIO()
    z = zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED)
    z.writestr("[Content_Types].xml", CT)
    z.writestr("_rels/.rels", RELS)
    z.writestr("xl/workbook.xml", WB)
    z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
    z.writestr("xl/worksheets/sheet1.xml", sheet if sheet is not None else sheet_xml(rows, merges, dimension))
    sst = shared or []
    z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               f'count="{len(sst)}" uniqueCount="{len(sst)}">' + "".join(f"<si><t>{s}</t></si>" for s in sst) + '</sst>')
    z.close()
    return b.getvalue()

HR = ["地区", "指标", "年份", "数值", "单位"]
GR = [["诸暨市", "普惠托位占比", 2024, 66, "%"], ["诸暨市", "基本养老保险参保人数", 2024, 84.1, "万人"], ["诸暨市", "人均预期寿命", 2024, 82.4, "岁"]]
GOODX = xlsx([HR] + GR)

A = "actuals/"
# what the file is is not what its name says
b = io.BytesIO(); z = zipfile.ZipFile(b, "w"); z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet"); z.writestr("content.xml", "<x/>"); z.close()
w(A + "b01-xlsx-named-xls.xls", GOODX)
w(A + "b02-pdf-named-csv.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
w(A + "b03-html-named-xls.xls", '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>地区</td><td>指标</td><td>年份</td><td>数值</td></tr>'
  '<tr><td>诸暨市</td><td>普惠托位占比</td><td>2024</td><td>66</td></tr></table></body></html>\n')
w(A + "b04-csv-named-ods.ods", CSV)

# workbooks with odd insides
w(A + "b05-dimension-whole-sheet.xlsx", xlsx([HR] + GR, dimension="A1:XFD1048576"))
w(A + "b06-merged-header.xlsx", xlsx([["地区", "指标", "年份", "完成情况", None], [None, None, None, "数值", "单位"]] + GR,
                                     merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"]))
w(A + "b07-formula-no-cache.xlsx", xlsx([HR, ["诸暨市", "普惠托位占比", 2024, ('', '<f>60+6</f>'), "%"],
                                         ["诸暨市", "基本养老保险参保人数", 2024, ('', '<f>SUM(Z1:Z9)</f><v></v>'), "万人"],
                                         ["诸暨市", "人均预期寿命", 2024, 82.4, "岁"]]))
w(A + "b08-shared-string-out-of-range.xlsx", xlsx([HR, ["诸暨市", ('t="s"', '<v>0</v>'), 2024, 66, "%"],
                                                   ["诸暨市", ('t="s"', '<v>999999</v>'), 2024, 84.1, "万人"],
                                                   ["诸暨市", "人均预期寿命", 2024, 82.4, "岁"]], ) if False else
  xlsx(sheet=sheet_xml([HR, ["诸暨市", ('t="s"', '<v>0</v>'), 2024, 66, "%"],
                        ["诸暨市", ('t="s"', '<v>999999</v>'), 2024, 84.1, "万人"],
                        ["诸暨市", "人均预期寿命", 2024, 82.4, "岁"]]), shared=["普惠托位占比"]))
w(A + "b09-malformed-sheet-xml.xlsx", xlsx(sheet=sheet_xml([HR] + GR).replace("</row></sheetData>", "</row><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>诸暨市</t></is></sheetData>")))
w(A + "b10-bool-and-error-cells.xlsx", xlsx([HR, ["诸暨市", "普惠托位占比", 2024, ('t="b"', '<v>1</v>'), "%"],
                                             ["诸暨市", "基本养老保险参保人数", 2024, ('t="e"', '<v>#REF!</v>'), "万人"],
                                             ["诸暨市", "人均预期寿命", 2024, 82.4, "岁"]]))
w(A + "b11-cells-out-of-order.xlsx", xlsx(sheet='<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  + '<row r="1">' + "".join(cell(f"{col(c)}1", v) for c, v in enumerate(HR)) + '</row>'
  + '<row r="3">' + "".join(cell(f"{col(c)}3", v) for c, v in reversed(list(enumerate(GR[1])))) + '</row>'
  + '<row r="2">' + "".join(cell(f"{col(c)}2", v) for c, v in enumerate(GR[0])) + '</row>'
  + '<row r="2">' + cell("D2", 67) + '</row>'
  + '<row r="4">' + "".join(cell(f"{col(c)}4", v) for c, v in enumerate(GR[2])) + '</row>'
  + '</sheetData></worksheet>'))
w(A + "b12-empty.xlsx", b"")
w(A + "b13-zip-no-workbook.xlsx", b.getvalue())

# a password-protected workbook: Office saves it as an OLE compound file with EncryptionInfo and
# EncryptedPackage streams (MS-OFFCRYPTO), whatever the name says
def cfb(streams):
    """A minimal compound file (v3, 512-byte sectors); each stream >= 4096 bytes so no mini stream."""
    SEC = 512
    data_secs, chain_starts = [], []
    body = b""
    nsec = 0
    layout = []
    for name, payload in streams:
        payload = payload + b"\x00" * (-len(payload) % SEC)
        n = len(payload) // SEC
        layout.append((name, nsec + 2, len(payload), n))  # sector 0 = FAT, 1 = directory
        body += payload
        nsec += n
    total = 2 + nsec
    fat = [0xFFFFFFFD, 0xFFFFFFFE]
    for name, start, size, n in layout:
        for i in range(n):
            fat.append(start + i + 1 if i < n - 1 else 0xFFFFFFFE)
    assert len(fat) <= 128
    fat += [0xFFFFFFFF] * (128 - len(fat))
    def entry(name, typ, start, size, child=0xFFFFFFFF, left=0xFFFFFFFF, right=0xFFFFFFFF):
        n = (name + "\x00").encode("utf-16-le")
        return (n + b"\x00" * (64 - len(n)) + struct.pack("<HBB", len(n), typ, 1) + struct.pack("<III", left, right, child)
                + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16 + struct.pack("<IIi", start, size, 0))
    dirs = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)
    dirs += entry(layout[0][0], 2, layout[0][1], layout[0][2], right=2)
    dirs += entry(layout[1][0], 2, layout[1][1], layout[1][2])
    dirs += b"\x00" * (SEC - len(dirs))
    hdr = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
           + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0))
    hdr += struct.pack("<I", 0) + struct.pack("<I", 0xFFFFFFFF) * 108
    assert len(hdr) == SEC
    return hdr + struct.pack("<128I", *fat) + dirs + body

info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
w(A + "b14-password-protected.xlsx", cfb([("EncryptionInfo", info + b"\x00" * (4096 - len(info))), ("EncryptedPackage", struct.pack("<Q", 9000) + bytes(range(256)) * 16)]))

# text files
w(A + "c01-utf16be-no-bom.csv", CSV.encode("utf-16-be"))
w(A + "c02-utf16le-no-bom-comma.csv", CSV.encode("utf-16-le"))
w(A + "c03-gb18030-broken-byte.csv", ("\r\n".join([H, GOOD[0]]) + "\r\n").encode("gb18030")
  + "诸暨市,基本养老保险参保人数,2024,84.1,万".encode("gb18030") + b"\xff\r\n" + (GOOD[2] + "\r\n").encode("gb18030"))
w(A + "c04-nul-bytes.csv", (H + "\n" + GOOD[0] + "\n").encode() + "诸暨市,基本养老保险参保人数,2024,84\x00.1,万人\n".encode() + (GOOD[2] + "\n").encode())
w(A + "c05-header-only.csv", H + "\n")
w(A + "c06-duplicate-header.csv", "地区,指标,年份,数值,单位,指标\n" + "\n".join(g + ",备注" for g in GOOD) + "\n")
w(A + "c07-year-headers.csv", "地区,指标,年度,数值,单位\n" + "\n".join(GOOD) + "\n")
w(A + "c07b-year-header-nian.csv", "地区,指标,年,数值,单位\n" + "\n".join(GOOD) + "\n")
w(A + "c07c-two-year-columns.csv", "地区,指标,年,年份,数值,单位\n" + "\n".join(g.replace(",2024,", ",2024,2024,") for g in GOOD) + "\n")
w(A + "c08-years-as-typed.csv", "\n".join([H,
  "诸暨市,普惠托位占比,2024年,66,%",
  "诸暨市,基本养老保险参保人数,24,84.1,万人",
  "诸暨市,人均预期寿命,2024.0,82.4,岁",
  "诸暨市,城镇调查失业率,二〇二四,4.4,%",
  "诸暨市,欠薪线索动态化解率,２０２４,94,%",
  "诸暨市,重大慢病过早死亡率,2024 年,9.1,%",
  "诸暨市,普惠托位占比,FY2024,67,%",
  "诸暨市,普惠托位占比,2023-2024,67,%",
  "诸暨市,普惠托位占比,-2024,67,%",
  "诸暨市,普惠托位占比,99999999999999999999,67,%",
]) + "\n")
w(A + "c09-values-nan-inf.csv", "\n".join([H,
  "诸暨市,普惠托位占比,2024,NaN,%",
  "诸暨市,基本养老保险参保人数,2024,inf,万人",
  "诸暨市,人均预期寿命,2024,1e400,岁",
  "诸暨市,城镇调查失业率,2024,-0,%",
  "诸暨市,欠薪线索动态化解率,2024,94,%",
]) + "\n")
w(A + "c10-cr-only.csv", "\r".join([H] + GOOD) + "\r")
w(A + "c11-bom-only.csv", "\ufeff")
w(A + "c12-empty.csv", "")
w(A + "c13-ragged-rows.csv", "\n".join([H, GOOD[0] + ",多余,更多", "诸暨市,基本养老保险参保人数", GOOD[2]]) + "\n")
w(A + "c14-near-miss-chinese-header.csv", "地区,指表,年份,数直,单位\n" + "\n".join(GOOD) + "\n")
w(A + "c15-unknown-names-near-miss.csv", "\n".join([H, "诸暨,普惠托位占比,2024,66,%", "诸暨市,普惠托位占,2024,66,%", "zhuij,life-expectancy,2024,82.4,岁", GOOD[2]]) + "\n")
w(A + "c16-gbk-named-utf8-mixed.csv", (H + "\n" + GOOD[0] + "\n").encode() + (GOOD[1] + "\n").encode("gbk") + (GOOD[2] + "\n").encode())
w(A + "c17-zero-width-and-nbsp.csv", "\n".join([H, "诸暨市\u200b,普惠托位占比,2024,66,%", "诸暨市,基本养老保险参保人数\u00a0,2024,84.1,万人", "诸暨市,人均预期寿命,2024,\u00a082.4\u00a0,岁"]) + "\n")
w(A + "c19-ids-in-capitals-and-full-width.csv", "\n".join(["JURISDICTION,INDICATOR,YEAR,VALUE",
  "ZHUJI,LIFE-EXPECTANCY,2024,82.5", "ｚｈｕｊｉ,ｌｉｆｅ-expectancy,2025,82.6", "Longwan,Life-Expectancy,2024,80"]) + "\n")

# CLI fixtures
os.makedirs("cli/dir.csv", exist_ok=True)
w("cli/dir.csv/keep", "")
w("cli/ok.csv", CSV)
w("cli/plans-file.txt", "not a directory\n")
os.makedirs("cli/empty-plans", exist_ok=True)
w("cli/empty-plans/.keep", "")

# a zip bomb in the shared strings, not the sheet: 257 MiB of one string, ~250 KB zipped
b = io.BytesIO()
z = zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
src = zipfile.ZipFile(io.BytesIO(GOODX))
for n in src.namelist():
    if n != "xl/sharedStrings.xml":
        z.writestr(n, src.read(n))
with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
    f.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
    chunk = b"A" * (1 << 20)
    for _ in range(257):
        f.write(chunk)
    f.write(b'</t></si></sst>')
z.close()
w(A + "b15-shared-strings-bomb.xlsx", b.getvalue())
