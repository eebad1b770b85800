#!/usr/bin/env python3
"""Writes the round-4 corpus of bad inputs (see README.md). Run from this directory; every file
is committed, so the tests need no Python and no LibreOffice. The .xls, .et and .ods files are
converted from the .xlsx written here by `soffice --headless` (LibreOffice) the way a county office's
WPS or Excel would save them; the very large cases (a million formatted empty rows, 100 000
columns, a 20 MB document) are made at test time by tests/bad_input_round4.rs."""
import io, os, shutil, subprocess, tempfile, time, zipfile
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))
from sheetgen import col  # noqa: E402  (the A1 column letters every generator uses)

# Fixed zip timestamps, so that running this again writes the same bytes.
time.time = lambda: 1704067200.0
ZT = (2024, 1, 1, 0, 0, 0)


def w(name, data):
    os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


H = "地区,指标,年份,数值,单位"
GOOD = ["诸暨市,普惠托位占比,2024,66,%", "诸暨市,基本养老保险参保人数,2024,84.1,万人", "诸暨市,人均预期寿命,2024,82.40,岁"]
CSV = "\n".join([H] + GOOD) + "\n"
HR = ["地区", "指标", "年份", "数值", "单位"]
GR = [["诸暨市", "普惠托位占比", 2024, 66, "%"], ["诸暨市", "基本养老保险参保人数", 2024, 84.1, "万人"],
      ["诸暨市", "人均预期寿命", 2024, 82.4, "岁"]]

# ---------------------------------------------------------------- xlsx by hand --------------
def cell(ref, v, shared):
    if v is None or v == "":
        return ""
    if isinstance(v, tuple):          # raw cell XML: (attrs, inner)
        return f'<c r="{ref}"{v[0]}>{v[1]}</c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if shared is not None:
        if v not in shared:
            shared.append(v)
        return f'<c r="{ref}" t="s"><v>{shared.index(v)}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'


def sheet_xml(rows, merges=(), shared=None, ns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"):
    x = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>'
    for r, row in enumerate(rows):
        x += f'<row r="{r+1}">' + "".join(cell(f"{col(c)}{r+1}", v, shared) for c, v in enumerate(row)) + '</row>'
    x += '</sheetData>'
    if merges:
        x += f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + '</mergeCells>'
    return x + '</worksheet>'


STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;"/></numFmts>'
          '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
          '</styleSheet>')
CHART_SHEET = ('<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>')
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(sheets, shared_strings=False, drop=(), strict=False):
    """sheets: list of (name, rows | raw xml str, opts) where opts may hold state=hidden|veryHidden,
    chart=True, merges=[...]. `drop` leaves parts out that the workbook still refers to."""
    ns = "http://purl.oclc.org/ooxml/spreadsheetml/main" if strict else MAIN
    rns = "http://purl.oclc.org/ooxml/officeDocument/relationships" if strict else R
    shared = [] if shared_strings else None
    parts = {}
    ct = ['<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    wb = f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rns}"><sheets>'
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i, (name, rows, opts) in enumerate(sheets):
        state = f' state="{opts["state"]}"' if opts.get("state") else ""
        wb += f'<sheet name="{name}" sheetId="{i+1}"{state} r:id="rId{i+1}"/>'
        if opts.get("chart"):
            rels += f'<Relationship Id="rId{i+1}" Type="{R}/chartsheet" Target="chartsheets/sheet{i+1}.xml"/>'
            ct.append(f'<Override PartName="/xl/chartsheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>')
            parts[f"xl/chartsheets/sheet{i+1}.xml"] = CHART_SHEET
        else:
            rels += f'<Relationship Id="rId{i+1}" Type="{R}/worksheet" Target="worksheets/sheet{i+1}.xml"/>'
            ct.append(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
            parts[f"xl/worksheets/sheet{i+1}.xml"] = rows if isinstance(rows, str) else sheet_xml(rows, opts.get("merges", ()), shared, ns)
    wb += '</sheets></workbook>'
    n = len(sheets)
    rels += f'<Relationship Id="rId{n+1}" Type="{R}/styles" Target="styles.xml"/>'
    if shared is not None:
        rels += f'<Relationship Id="rId{n+2}" Type="{R}/sharedStrings" Target="sharedStrings.xml"/>'
        ct.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="{len(shared)}" uniqueCount="{len(shared)}">'
                                         + "".join(f"<si><t>{s}</t></si>" for s in shared) + '</sst>')
    rels += '</Relationships>'
    ct.append('</Types>')
    parts = {"[Content_Types].xml": "".join(ct),
             "_rels/.rels": ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                             f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
             "xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels, "xl/styles.xml": STYLES, **parts}
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            if k not in drop:
                z.writestr(zipfile.ZipInfo(k, ZT), v, zipfile.ZIP_DEFLATED)
    return b.getvalue()


def data(rows=None, **opts):
    return ("数据", [HR] + GR if rows is None else rows, opts)


B = "books/"
GOODX = xlsx([data()])
# --- what WPS and old Excel save: converted by LibreOffice below --------------------------------
w("/tmp/qyx-r4/good.xlsx", GOODX)
w("/tmp/qyx-r4/two.xlsx", xlsx([("填报说明", [["请在“数据”表填报"]], {}), data()]))
w("/tmp/qyx-r4/merged.xlsx", xlsx([data([HR, GR[0], [None] + GR[1][1:], [None] + GR[2][1:]], merges=["A2:A4"])]))

# --- xlsx ----------------------------------------------------------------------------------
w(B + "d05-chart-sheet-first.xlsx", xlsx([("图表1", None, {"chart": True}), data()]))
w(B + "d06-sheet-typo.xlsx", xlsx([("填报说明", [["请在“数据”表填报"]], {}), data()]))
w(B + "d07-year-as-date-yyyy.xlsx", xlsx([data([HR] + [[r[0], r[1], ('  s="1"', "<v>45292</v>"), r[3], r[4]] for r in GR])]))
w(B + "d07b-year-as-date-full.xlsx", xlsx([data([HR] + [[r[0], r[1], ('  s="3"', "<v>45657</v>"), r[3], r[4]] for r in GR])]))
w(B + "d08-shared-strings-missing.xlsx", xlsx([data()], shared_strings=True, drop=("xl/sharedStrings.xml",)))
w(B + "d09-error-values.xlsx", xlsx([data([HR, GR[0],
    [GR[1][0], GR[1][1], 2024, ('t="e"', "<f>A1/0</f><v>#DIV/0!</v>"), "万人"],
    [('t="e"', "<v>#N/A</v>"), GR[2][1], 2024, 82.4, "岁"],
    [GR[2][0], GR[2][1], 2025, ('t="e"', "<v>#REF!</v>"), "岁"],
    ["诸暨市", "城镇调查失业率", 2024, 4.4, "%"]])]))
w(B + "d10-only-hidden-sheet-has-data.xlsx", xlsx([("Sheet1", [], {}), ("数据", [HR] + GR, {"state": "hidden"})]))
w(B + "d10b-only-very-hidden.xlsx", xlsx([("Sheet1", [], {}), ("数据", [HR] + GR, {"state": "veryHidden"})]))
DAMAGED = sheet_xml([HR] + GR + [["诸暨市", "城镇调查失业率", 2024, 4.4, "%"]]).replace(
    '<row r="4">', '<row r="4"><c r="A4" t="inlineStr"><is><t>诸暨市</t></is></c><c r="B4" t="inlineStr"><is><t>人均预期寿命</t><is></c></row><row r="9">', 1)
w(B + "d11-damaged-first-sheet.xlsx", xlsx([("填报说明", sheet_xml([["说明"], ["请填数据"]]).replace("</sheetData>", "<row r=\"3\"><c r=\"A3\"><v>1</sheetData>"), {}), data()]))
w(B + "d11b-damaged-data-sheet.xlsx", xlsx([data(DAMAGED), ("备注", [["无"]], {})]))
w(B + "d12-all-sheets-empty.xlsx", xlsx([("Sheet1", [], {}), ("Sheet2", [], {}), ("Sheet3", [], {})]))
w(B + "d13-strict-ooxml.xlsx", xlsx([data()], strict=True))
w(B + "d14-docx-named-xlsx.xlsx", (lambda: (lambda b: (lambda z: (z.writestr(zipfile.ZipInfo("[Content_Types].xml", ZT), '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'), z.writestr(zipfile.ZipInfo("word/document.xml", ZT), '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>诸暨市 普惠托位占比 66</w:t></w:r></w:p></w:body></w:document>'), z.close(), b.getvalue())[-1])(zipfile.ZipFile(b, "w")))(io.BytesIO()))())
w(B + "d15-sheet-case.xlsx", xlsx([("Sheet1", [HR] + GR, {})]))
w(B + "d16-xlsm.xlsm", GOODX)
w(B + "d17-header-row3-merged-title.xlsx", xlsx([data([["2024年七优享指标完成情况表"], [], HR] + GR, merges=["A1:E1"])]))
w(B + "d18-numbers-as-text-apostrophe.xlsx", xlsx([data([HR] + [[r[0], r[1], str(r[2]), str(r[3]), r[4]] for r in GR])], shared_strings=True))

# --- CSV -----------------------------------------------------------------------------------
A = "actuals/"
w(A + "t01-excel-sep-line.csv", "sep=,\n" + CSV)
w(A + "t01b-excel-sep-semicolon.csv", "\ufeffsep=;\n" + CSV.replace(",", ";"))
w(A + "t02-semicolon-decimal-comma.csv", "\n".join([H.replace(",", ";"), "诸暨市;普惠托位占比;2024;66;%",
    "诸暨市;基本养老保险参保人数;2024;84,1;万人", "诸暨市;人均预期寿命;2024;82,40;岁"]) + "\n")
w(A + "t03-pipe-delimited.csv", CSV.replace(",", "|"))
w(A + "t04-tab-named-csv-gbk.csv", CSV.replace(",", "\t").replace("\n", "\r\n").encode("gb18030"))
w(A + "t05-quote-inside-field.csv", "\n".join([H, '诸暨市,"普惠托位"占比,2024,66,%', GOOD[1], GOOD[2]]) + "\n")
w(A + "t06-unbalanced-quote-last.csv", "\n".join([H, GOOD[0], GOOD[1], '诸暨市,人均预期寿命,2024,"82.40,岁']) + "\n")
w(A + "t07-trailing-nul-padding.csv", CSV.encode() + b"\x00" * 4096)
w(A + "t08-ctrl-z-eof.csv", (CSV.replace("\n", "\r\n")).encode("gb18030") + b"\x1a")
w(A + "t09-concatenated-with-bom.csv", ("\ufeff" + "\n".join([H, GOOD[0]]) + "\n" + "\ufeff" + "\n".join([H, GOOD[1], GOOD[2]]) + "\n").encode())
w(A + "t10-excel-text-formula-year.csv", "\n".join([H, '诸暨市,普惠托位占比,="2024",66,%', '诸暨市,基本养老保险参保人数,"=""2024""",84.1,万人', GOOD[2]]) + "\n")
w(A + "t11-year-as-date-text.csv", "\n".join([H, "诸暨市,普惠托位占比,2024-12-31,66,%", "诸暨市,基本养老保险参保人数,2024/12/31,84.1,万人", GOOD[2]]) + "\n")
w(A + "t12-mixed-delimiters.csv", "\n".join(["地区\t指标\t年份\t数值\t单位"] + GOOD) + "\n")
w(A + "t13-title-blank-header-row3.csv", "2024年度七优享指标完成情况\n\n" + CSV)
w(A + "t14-duplicate-note-column.csv", H + ",备注,备注\n" + "\n".join(g + ",已核,市统计局" for g in GOOD) + "\n")
w(A + "t15-header-english-caps.csv", "JURISDICTION,Indicator,YEAR,Value,Unit\n" + "\n".join(GOOD) + "\n")
w(A + "t16-only-whitespace.csv", " \n\t\n   \r\n")
w(A + "t17-html-named-csv.csv", "<!DOCTYPE html><html><body><table><tr><td>地区</td></tr></table></body></html>\n")
w(A + "t18-json-named-csv.csv", '[{"地区": "诸暨市", "指标": "普惠托位占比", "年份": 2024, "数值": 66}]\n')
w(A + "t19-big5.csv", "\r\n".join(["地區,指標,年份,數值,單位", "諸暨市,普惠托位佔比,2024,66,%", "諸暨市,人均預期壽命,2024,82.40,歲"]).encode("big5") + b"\r\n")
w(A + "t20-row-of-commas.csv", "\n".join([H, GOOD[0], ",,,,", ",,,,,,,,,,", GOOD[1], GOOD[2]]) + "\n")
w(A + "t21-value-with-formula.csv", "\n".join([H, "诸暨市,普惠托位占比,2024,=60+6,%", GOOD[1], GOOD[2]]) + "\n")
w(A + "t22-header-with-bom-and-quotes.csv", '\ufeff"地区","指标","年份","数值","单位"\n' + "\n".join('"' + g.replace(",", '","') + '"' for g in GOOD) + "\n")
w(A + "t23-utf8-bom-gbk-body.csv", b"\xef\xbb\xbf" + CSV.encode("gb18030"))
w(A + "t24-line-feed-in-header.csv", '地区,"指标\n名称",年份,数值,单位\n' + "\n".join(GOOD) + "\n")

# --- command lines -------------------------------------------------------------------------
C = "cli/"
w(C + "ok.csv", CSV)
w(C + "报表.csv", CSV)
w(C + "sub/ok.csv", CSV)
w(C + "notes.txt", "这不是表格\n")
w(C + "doc-empty.txt", "")
w(C + "doc-binary.txt", bytes(range(256)) * 64)
w(C + "doc-gbk.txt", "诸暨市公共服务“七优享”工程实施方案\n一、主要目标\n到2027年，普惠托位占比达到72%。\n".encode("gb18030"))
w(C + "doc.docx", open(B + "d14-docx-named-xlsx.xlsx", "rb").read())
w(C + "bands.toml", "[bands]\nyellow = 30\nred = 10\n")
os.makedirs(C + "emptydir", exist_ok=True)
w(C + "emptydir/.keep", "")

# --- plans ---------------------------------------------------------------------------------
CAT = """indicators:
  - id: childcare-inclusive-share
    name: 普惠托位占比
    name_en: Share of childcare places that are inclusive (affordable)
    domain: 幼有善育
    accrual: rate
    unit: "%"
    max: 100
    better: higher
  - id: child-development-screening-rate
    name: 0-3岁儿童发育监测筛查率
    name_en: Developmental screening rate of children aged 0-3
    domain: 幼有善育
    accrual: rate
    unit: "%"
    max: 100
    better: higher
"""
PLAN = open("../bad-inputs-round3/plans/p00-clean/testxian.yaml", encoding="utf-8").read()
P = "plans/"
w(P + "k01-catalog-duplicate-id/catalog.yaml", CAT + CAT.split("\n", 1)[1].split("  - id: child-development")[0])
w(P + "k01-catalog-duplicate-id/testxian.yaml", PLAN)
w(P + "k02-id-not-file-name/catalog.yaml", CAT)
w(P + "k02-id-not-file-name/ceshixian.yaml", PLAN)
w(P + "k04-yml-extension/catalog.yaml", CAT)
w(P + "k04-yml-extension/testxian.yml", PLAN)
w(P + "k05-editor-leftovers/catalog.yaml", CAT)
w(P + "k05-editor-leftovers/testxian.yaml", PLAN)
w(P + "k05-editor-leftovers/testxian.yaml~", "jurisdiction: [\n")
w(P + "k05-editor-leftovers/.testxian.yaml.swp", b"b0VIM 8.2\x00\x00\x00")
w(P + "k05-editor-leftovers/~$testxian.yaml", b"\x06clerk\x00\x00")
w(P + "k06-catalog-alias-clash/catalog.yaml", CAT.replace("    name_en: Developmental", "    aliases: [普惠托位占比]\n    name_en: Developmental"))
w(P + "k06-catalog-alias-clash/testxian.yaml", PLAN)
w(P + "k07-two-plans-one-id/catalog.yaml", CAT)
w(P + "k07-two-plans-one-id/testxian.yaml", PLAN)
w(P + "k07-two-plans-one-id/testxian-copy.yaml", PLAN)
w(P + "k08-plan-is-csv/catalog.yaml", CAT)
w(P + "k08-plan-is-csv/testxian.yaml", CSV)
w(P + "k09-catalog-unknown-key/catalog.yaml", CAT.replace("    better: higher\n", "    beter: higher\n", 1))
w(P + "k09-catalog-unknown-key/testxian.yaml", PLAN)
w(P + "k10-plan-crlf-tab/catalog.yaml", CAT)
w(P + "k10-plan-crlf-tab/testxian.yaml", PLAN.replace("\n", "\r\n").replace("\r\n    lead: 卫生健康局", "\r\n\tlead: 卫生健康局", 1))

# --- workbooks in the formats WPS and old Excel save (LibreOffice converts) ---------------
def convert(src, fmt, out):
    with tempfile.TemporaryDirectory() as t:
        env = dict(os.environ, HOME=t)
        subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", t, src], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = [f for f in os.listdir(t) if not f.startswith(".") and os.path.isfile(os.path.join(t, f))]
        assert len(made) == 1, made
        shutil.copy(os.path.join(t, made[0]), out)


if shutil.which("soffice"):
    convert("/tmp/qyx-r4/good.xlsx", 'xls:MS Excel 97', B + "d01-biff8.xls")
    shutil.copy(B + "d01-biff8.xls", B + "d02-wps.et")
    convert("/tmp/qyx-r4/two.xlsx", "ods", B + "d04-ods-sheet-typo.ods")
    convert("/tmp/qyx-r4/two.xlsx", 'xls:MS Excel 97', B + "d04b-xls-sheet-typo.xls")
    convert("/tmp/qyx-r4/merged.xlsx", 'xls:MS Excel 97', B + "d04c-xls-merged.xls")
    with open(B + "d01-biff8.xls", "rb") as f:
        biff = f.read()
    w(B + "d04d-xls-truncated.xls", biff[: len(biff) // 2])
    w(B + "d04e-ett-template.ett", biff)

# --- what scripts write ----------------------------------------------------------------------
w(A + "t26-python-crcrlf.csv", CSV.replace("\n", "\r\r\n"))
w(A + "t27-powershell-type-line.csv", '#TYPE System.Management.Automation.PSCustomObject\n"地区","指标","年份","数值","单位"\n' + "\n".join('"' + g.replace(",", '","') + '"' for g in GOOD) + "\n")
w(A + "t28-pandas-index-column.csv", "," + H + "\n" + "\n".join(f"{i},{g}" for i, g in enumerate(GOOD)) + "\n")
w(A + "t29-wps-text-export.txt", CSV.replace(",", "\t").replace("\n", "\r\n").encode("gb18030"))
w(A + "t30-tab.tsv", CSV.replace(",", "\t"))
w(A + "t31-hashes-too-narrow.csv", "\n".join([H, GOOD[0], "诸暨市,基本养老保险参保人数,2024,########,人", GOOD[2]]) + "\n")
w(A + "t32-scientific-notation.csv", "\n".join([H, GOOD[0], "诸暨市,基本养老保险参保人数,2024,8.41E+05,人", GOOD[2]]) + "\n")
w(B + "d24-sheet-name-trailing-space.xlsx", xlsx([("填报说明", [["请在“数据”表填报"]], {}), ("数据 ", [HR] + GR, {})]))
os.makedirs(C + "withlock", exist_ok=True)
w(C + "withlock/报表.xlsx", GOODX)
w(C + "withlock/~$报表.xlsx", b"\x06qyx-clerk" + b"\x00" * 40 + b"\x06\x00q\x00y\x00x\x00" + b"\x00" * 100)
w(P + "ok-testxian.csv", "地区,指标,年份,数值,单位\n测试县,普惠托位占比,2025,70,%\n")
CUT = sheet_xml([HR] + GR + [["诸暨市", "城镇调查失业率", 2024, 4.4, "%"]]).split('<c r="B5"')[0] + '<c r="B5" t="inlineStr"><is><t>城镇调查'
w(B + "d11b-damaged-data-sheet.xlsx", xlsx([data(CUT), ("备注", [["无"]], {})]))

# --- added after the first fixes, found by probing further (README: "Added later") -------------
w(A + "t33-whole-lines-quoted.csv", "\n".join('"' + l + '"' for l in [H] + GOOD) + "\n")
w(B + "d25-csv-pasted-in-column-a.xlsx", xlsx([data([[l] for l in [H] + GOOD])]))
w(A + "t34-jurisdiction-in-more-words.csv", "\n".join([H, "浙江省诸暨市,普惠托位占比,2024,66,%", "诸暨市（县级市）,基本养老保险参保人数,2024,84.1,万人", GOOD[2]]) + "\n")
w(A + "t35-second-header-in-english.csv", "\n".join([H, "jurisdiction,indicator,year,value,unit"] + GOOD) + "\n")
w(A + "t36-form-footer.csv", "\n".join([H] + GOOD + [",,,,", "合计,,,,", "制表人：张三,,,,", "审核人：李四  填报日期：2025年1月10日,,,,", "注：数据截至2024年12月底,,,,"]) + "\n")
w(B + "d26-form-footer.xlsx", xlsx([data([HR] + GR + [[], ["制表人：张三", None, None, "填报日期：2025-01-10"]])]))
