#!/usr/bin/env python3
"""Writes the round-2 adversarial corpus: what a county office saves from Excel/WPS on Windows.

Run from this directory; every file is committed, so the tests do not need Python.
"""
import io, os, zipfile
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))
from sheetgen import col  # noqa: E402  (the A1 column letters every generator uses)

H = "地区,指标,年份,数值,单位"
GOOD = ["诸暨市,普惠托位占比,2024,66,%",
        "诸暨市,基本养老保险参保人数,2024,84.1,万人",
        "诸暨市,人均预期寿命,2024,82.40,岁"]

def w(name, data):
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

# --- encodings and layouts Excel writes -------------------------------------------------
title = ["2024年度公共服务七优享指标完成情况表,,,,", "填报单位：诸暨市七优享专班（盖章）,,,,填报日期：2025年1月10日"]
body = ["序号," + H] + [f"{i+1},{r}" for i, r in enumerate(GOOD)] + ["合计,,,,232.5,"]
w("a01-gbk-title-total.csv", "\r\n".join(title + body).encode("gb18030") + b"\r\n")
w("a02-utf16-unicode-text.txt", ("\ufeff" + "\r\n".join(l.replace(",", "\t") for l in [H] + GOOD) + "\r\n").encode("utf-16-le"))
w("a02b-utf16-unicode-text.csv", ("\ufeff" + "\r\n".join(l.replace(",", "\t") for l in [H] + GOOD) + "\r\n").encode("utf-16-le"))
w("a03-bom-semicolon.csv", "\ufeff" + "\r\n".join(l.replace(",", ";") for l in [H] + GOOD) + "\r\n")
w("a04-tab.csv", "\n".join(l.replace(",", "\t") for l in [H] + GOOD) + "\n")
w("a05-repeated-header.csv", "\r\n".join([H + ",,,"] + [g + ",,," for g in GOOD[:2]] + [",,,,,,,", H + ",,,", GOOD[2] + ",,,", ",,,,,,,"]) + "\r\n")
w("a05b-title-only-gbk.csv", "\r\n".join(["诸暨市2024年七优享指标填报表", "", H] + GOOD).encode("gbk") + b"\r\n")
# --- years as typed ---------------------------------------------------------------------
w("a06-years.csv", "\n".join([H,
  "诸暨市,普惠托位占比,2024年,66,%",
  "诸暨市,普惠托位占比,2023.0,61,%",
  "诸暨市,人均预期寿命,2024-12-31,82.5,岁",
  "诸暨市,基本养老保险参保人数,45657,84.3,万人",
  "诸暨市,欠薪线索动态化解率,2024年1-9月,94,%",
  "诸暨市,重大慢病过早死亡率,2024年度,9.1,%",
  "诸暨市,城镇调查失业率,二〇二四,4.4,%",
  "诸暨市,每千人口拥有3岁以下婴幼儿托位数,2024年底,4.4,个",
]) + "\n")
# --- values as typed --------------------------------------------------------------------
w("a07-values.csv", "\n".join([H,
  '诸暨市,基本养老保险参保人数,2024,"841,000",人',
  "诸暨市,普惠托位占比,2024,８５．３,%",
  "诸暨市,欠薪线索动态化解率,2024,0.95,%",
  "诸暨市,“浙里惠民保”投保率,2024,0.72,",
  "诸暨市,重大慢病过早死亡率,2024,(12),%",
  "诸暨市,人均预期寿命,2024,▲5,岁",
  "诸暨市,开展职业技能培训累计数,2024,1.2E+05,人次",
  "诸暨市,每千人口拥有3岁以下婴幼儿托位数,2024,4.2e0,个",
  "诸暨市,城镇调查失业率,2024,+4.4,%",
  "诸暨市,每万人老年人口拥有持证养老护理员数,2024,２４人,",
  "诸暨市,劳动争议仲裁结案率,2024,0.93,",
  "诸暨市,劳动争议仲裁结案率,2023,93%,",
  "诸暨市,基本养老保险参保人数,2023,'841000,人",
  "诸暨市,普惠托位占比,2023,66 %,",
  "诸暨市,人均预期寿命,2023,82.4 岁,",
]) + "\n")
w("a07b-percent-fraction.csv", "\n".join([H,
  "诸暨市,普惠托位占比,2024,0.66,%",
  "诸暨市,欠薪线索动态化解率,2024,0.95,",
  "诸暨市,“浙里惠民保”投保率,2024,0.8,%",
]) + "\n")
# --- header carries the unit ------------------------------------------------------------
w("a08-header-unit.csv", "\n".join(["地区,指标,年份,数值（万人）", "诸暨市,基本养老保险参保人数,2024,84.1"]) + "\n")
w("a08b-header-unit-ren.csv", "\n".join(["地区,指标,年份,数值(人)", "诸暨市,基本养老保险参保人数,2024,841000"]) + "\n")
w("a08c-header-unit-pct.csv", "\n".join(["地区,指标,年份,完成值（%）", "诸暨市,普惠托位占比,2024,66", "诸暨市,基本养老保险参保人数,2024,84.1"]) + "\n")

# --- xlsx by hand -----------------------------------------------------------------------
def xlsx(rows, merges=(), sheets=None, hidden_first=False):
    """rows: list of lists (str or number). sheets: list of (name, rows, merges)."""
    if sheets is None:
        sheets = [("数据", rows, merges)]
    b = io.BytesIO()
    z = zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED)
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + "".join(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets))) + '</Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + "".join(f'<sheet name="{n}" sheetId="{i+1}" r:id="rId{i+1}"' + (' state="hidden"' if hidden_first and i == 0 else '') + '/>' for i, (n, _, _) in enumerate(sheets)) + '</sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(len(sheets))) + '</Relationships>')
    for i, (n, rs, ms) in enumerate(sheets):
        x = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        for r, row in enumerate(rs):
            x += f'<row r="{r+1}">'
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                ref = f"{col(c)}{r+1}"
                if isinstance(v, (int, float)):
                    x += f'<c r="{ref}"><v>{v}</v></c>'
                else:
                    x += f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
            x += '</row>'
        x += '</sheetData>'
        if ms:
            x += f'<mergeCells count="{len(ms)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in ms) + '</mergeCells>'
        x += '</worksheet>'
        z.writestr(f"xl/worksheets/sheet{i+1}.xml", x)
    z.close()
    return b.getvalue()

HR = ["地区", "指标", "年份", "数值", "单位"]
GR = [["诸暨市", "普惠托位占比", 2024, 66, "%"], ["", "基本养老保险参保人数", 2024, 84.1, "万人"], ["", "人均预期寿命", 2024, 82.4, "岁"]]
merged = xlsx([HR] + GR, merges=["A2:A4"])
w("a13-merged.xlsx", merged)
w("a15-hidden-first-sheet.xlsx", xlsx(None, sheets=[("填报说明", [["请在“数据”表填报"]], []), ("数据", [HR] + [["诸暨市"] + r[1:] for r in GR], [])], hidden_first=True))
w("a15b-instructions-first.xlsx", xlsx(None, sheets=[("填报说明", [["请在“数据”表填报"], ["数值请填数字"]], []), ("数据", [HR] + [["诸暨市"] + r[1:] for r in GR], [])]))
w("a16-title-rows.xlsx", xlsx([["2024年度七优享指标完成情况"], ["填报单位：诸暨市", None, None, "填报日期：2025-01-10"], ["序号"] + HR] + [[i + 1, "诸暨市"] + r[1:] for i, r in enumerate(GR)] + [["合计", None, None, None, 232.5]], merges=["A1:F1"]))
w("a16b-year-text.xlsx", xlsx([HR, ["诸暨市", "普惠托位占比", "2024年", 66, "%"], ["诸暨市", "人均预期寿命", 2024.0, "82.4", "岁"], ["诸暨市", "欠薪线索动态化解率", "2024", "95%", ""]]))
w("a09-xlsx-named-csv.csv", merged)
w("a10-csv-named-xlsx.xlsx", ("\n".join([H] + GOOD) + "\n").encode())
w("a12-truncated.xlsx", merged[: len(merged) // 2])
w("a12b-not-zip.xlsx", b"PK\x03\x04" + b"\x00" * 200)
# zip bomb: one sheet of 300 MB of zeros-like XML compresses to ~300 KB
b = io.BytesIO()
z = zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
src = zipfile.ZipFile(io.BytesIO(merged))
for name in src.namelist():
    if name != "xl/worksheets/sheet1.xml":
        z.writestr(name, src.read(name))
with z.open("xl/worksheets/sheet1.xml", "w") as f:
    f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
    chunk = b"A" * (1 << 20)
    for _ in range(300):
        f.write(chunk)
    f.write(b'</t></is></c></row></sheetData></worksheet>')
z.close()
w("a11-zipbomb.xlsx", b.getvalue())

