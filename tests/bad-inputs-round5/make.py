#!/usr/bin/env python3
"""Writes the round-5 corpus of bad inputs (see README.md). Run from this directory; every file
is committed, so the tests need no Python and no LibreOffice. The workbook helpers are round 4's
(its make.py up to where it starts writing files); .xls and .ods are converted by `soffice
--headless`. What cannot be committed — a 5 GB sparse file, a FIFO, a closed standard output — is
made at test time by tests/bad_input_round5.rs."""
import io, os, shutil, subprocess, tempfile, zipfile

_r4 = open("../bad-inputs-round4/make.py", encoding="utf-8").read()
exec(_r4.split('\nB = "books/"')[0])  # w, xlsx, data, sheet_xml, HR, GR, H, GOOD, CSV, ZT …

A, B, C, P = "actuals/", "books/", "cli/", "plans/"

# --- values and years as clerks type them ---------------------------------------------------
w(A + "v01-european-number-groups.csv", "\n".join([H, GOOD[0],
    '诸暨市,最低生活保障年标准,2024,"14.196,00",元', '诸暨市,基本养老保险参保人数,2024,1.234.567,人', GOOD[2]]) + "\n")
w(A + "v02-approximate-words.csv", "\n".join([H, "诸暨市,普惠托位占比,2024,近66,%",
    "诸暨市,基本养老保险参保人数,2024,≈84.1,万人", "诸暨市,人均预期寿命,2024,82.4上下,岁"]) + "\n")
w(A + "v03-range-as-value.csv", "\n".join([H, "诸暨市,普惠托位占比,2024,66-70,%",
    "诸暨市,基本养老保险参保人数,2024,84～85,万人", GOOD[2]]) + "\n")
w(A + "v04-chinese-decimal-point.csv", "\n".join([H, GOOD[0], GOOD[1], "诸暨市,人均预期寿命,2024,82点4,岁"]) + "\n")
w(A + "y01-two-digit-year.csv", "\n".join([H, "诸暨市,普惠托位占比,24年,66,%",
    "诸暨市,基本养老保险参保人数,24,84.1,万人", GOOD[2]]) + "\n")
w(A + "y02-year-with-thousands-comma.csv", "\n".join([H] + [g.replace(",2024,", ',"2,024",') for g in GOOD]) + "\n")
w(A + "y03-month-quarter-out-of-range.csv", "\n".join([H, "诸暨市,普惠托位占比,2024年13月,66,%",
    "诸暨市,基本养老保险参保人数,2024Q5,84.1,万人", GOOD[2]]) + "\n")

# --- what 政务 systems export as .xls --------------------------------------------------------
TR = lambda cells, tag="td": "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"
w(A + "h01-html-table-named-xls.xls", ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" '
    'content="text/html; charset=gb2312"><title>导出</title></head><body><table border="1">'
    + TR(["2024年七优享指标完成情况"]) + TR(HR, "th")
    + "".join(TR([str(c) for c in r[:3]] + [f"&nbsp;{r[3]}&nbsp;", r[4].replace("%", "%")]) for r in GR)
    + "</table></body></html>\r\n").encode("gb18030"))
SS = ''.join('<Row>' + ''.join(f'<Cell><Data ss:Type="{"Number" if isinstance(c, (int, float)) else "String"}">{c}</Data></Cell>' for c in r) + '</Row>' for r in [HR] + GR)
w(A + "h02-spreadsheetml-2003-named-xls.xls", '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
  '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
  f'<Worksheet ss:Name="数据"><Table>{SS}</Table></Worksheet></Workbook>\n')

# --- workbooks -------------------------------------------------------------------------------
YYYY = xlsx([data([HR] + [[r[0], r[1], ('  s="1"', "<v>45292</v>"), r[3], r[4]] for r in GR])])
w("/tmp/qyx-r5/yyyy.xlsx", YYYY)


def excel_order(sheet_rows, shared=True):
    """A workbook with its parts in the order Excel writes them (sheet, styles, shared strings,
    then document properties), so that a download cut near the end loses only what follows."""
    b = xlsx([data(sheet_rows)], shared_strings=shared)
    zin = zipfile.ZipFile(io.BytesIO(b))
    names = zin.namelist() + ["docProps/app.xml"]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            body = zin.read(n) if n in zin.namelist() else ("<Properties>" + "<x>WPS 表格</x>" * 400 + "</Properties>").encode()
            z.writestr(zipfile.ZipInfo(n, ZT), body, zipfile.ZIP_DEFLATED)
    return out.getvalue(), zipfile.ZipFile(io.BytesIO(out.getvalue()))


whole, z = excel_order([HR] + GR)
last = z.getinfo("docProps/app.xml")
w(B + "d03-xlsx-cut-after-the-sheet.xlsx", whole[: last.header_offset + 30 + len(last.filename) + last.compress_size // 2])
MONTHS = [HR] + [["诸暨市", "普惠托位占比", f"2024年{m}月", 60 + m // 2, "%"] for m in range(1, 13)] + \
         [["诸暨市", "人均预期寿命", f"2024年{m}月", 82.4, "岁"] for m in range(1, 13)]
whole, z = excel_order(MONTHS, shared=False)
sheet = z.getinfo("xl/worksheets/sheet1.xml")
w(B + "d04-xlsx-cut-inside-the-sheet.xlsx", whole[: sheet.header_offset + 30 + len(sheet.filename) + sheet.compress_size * 2 // 3])

# --- command lines ---------------------------------------------------------------------------
w(C + "ok.csv", CSV)
w(C + "我的 报表/二季度 数据.csv", CSV)

# --- plans: what a hand in a Chinese input method types into YAML ------------------------------
CAT = open("../bad-inputs-round4/plans/k04-yml-extension/catalog.yaml", encoding="utf-8").read()
PLAN = open("../bad-inputs-round3/plans/p00-clean/testxian.yaml", encoding="utf-8").read()


def plan(name, text):
    w(P + name + "/catalog.yaml", CAT)
    w(P + name + "/testxian.yaml", text)


plan("k01-full-width-colon", PLAN.replace("  name: 测试县", "  name：测试县", 1))
plan("k02-full-width-comma", PLAN.replace("{ start: 2023, end: 2027 }", "{ start: 2023， end: 2027 }"))
plan("k03-chinese-quotes", PLAN.replace('    unit: "%"', "    unit: “%”", 1))
plan("k04-bom-in-the-middle", PLAN.replace("    lead: 卫生健康局\n", "    lead: 卫生健康局\n    \ufeffrow: \"1\"\n", 1).replace('    row: "1"\n', "", 1))
plan("k05-period-as-text", PLAN.replace("period: { start: 2023, end: 2027 }", "period: 2023-2027"))
plan("k06-ime-angle-brackets", PLAN.replace('cell: "≥68"', 'cell: "》68"').replace("60 ≥68 72", "60 》68 72"))
plan("k07-colon-inside-a-value", PLAN.replace("  issuer: 测试县人民政府办公室", "  issuer: 测试县人民政府办公室: 综合科"))
plan("k08-unclosed-quote", PLAN.replace("  title: 测试县", '  title: "测试县'))
plan("k09-enum-in-chinese", PLAN.replace("  kind: implementation", "  kind: 实施方案").replace("  level: county", "  level: 县"))
plan("k10-date-in-chinese", PLAN.replace("  date: 2023-04-17", "  date: 2023年4月17日"))
plan("k11-dash-without-space", PLAN.replace("  - id: child-development", "  -id: child-development"))


# --- .xls and .ods as WPS and old Excel save them: round 4's converter (LibreOffice) -----------
exec("def convert" + _r4.split("\ndef convert")[1].split("\n\n\nif shutil")[0])

if shutil.which("soffice"):
    convert("/tmp/qyx-r5/yyyy.xlsx", "xls:MS Excel 97", B + "d01-xls-year-formatted-yyyy.xls")
    convert("/tmp/qyx-r5/yyyy.xlsx", "ods", B + "d02-ods-year-formatted-yyyy.ods")
