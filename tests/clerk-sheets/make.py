#!/usr/bin/env python3
"""Writes round 3 of the clerk corpus: whole sheets as a 专班办公室 receives them (see README.md),
and `expected.tsv`, the verdict every data row must get. Run from this directory; every file is
committed, so the tests need no Python. The .xlsx files are written by hand (zip + XML, as
tests/bad-inputs-round4/make.py does), with fixed timestamps so that a rerun writes the same bytes.

expected.tsv: file, sheet (or empty), line, period (the label `check` prints, empty for an
error or no data), jurisdiction id, indicator id, want, why. `want` is a status (`met`,
`not_met`, `on_track`, `behind`, `no_target`) judged clean, the same with `?` judged doubtful
(存疑), `nodata` (no verdict and no error), `error` (a located error at that row), `warn` (passed
over with a warning at that row: a total), or several of these joined by `|` where each would be
right."""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "common"))
from clerkgen import EXPECTED, R, write_csv, write_xlsx  # noqa: E402

# Zhuji's targets (plans/zhuji.yaml): 2024 托位数 ≥4.3, 普惠托位占比 ≥65, 筛查率 ≥95, 毛入学率 ≥71,
# 欠薪化解率 ≥94.5, 人均预期寿命 ≥82.45, 重大慢病过早死亡率 ≤9.2, 惠民保 >70, 护理员 ≥24,
# 参保人数 ≥84.2万, 住房保障覆盖率 ≥17, 物业覆盖率 ≥87.5, 低保 >14000, 医疗保障率 ≥83, 残疾人之家 ≥94;
# 2025: 4.6, 68, 95, 72, 95, 83.00, 9.00, >70, 25, 84.8, 19, 90, >15000, 85, 94; 培训累计 ≥9 (2024),
# ≥11 (2025); 免费健康体检 ≥20万 every year; 成人初高中学历提升 ≥0.19万 every year.
ZJ = "zhuji"
TUO, PUHUI, SHAI, MRX = "childcare-places-per-1000", "childcare-inclusive-share", "child-development-screening-rate", "higher-education-gross-enrollment"
QX, LIFE, CHRONIC, HMB = "wage-arrears-resolution-rate", "life-expectancy", "premature-mortality-major-chronic", "huiminbao-enrollment-rate"
HLY, PENSION, ZFBZ, WUYE = "elderly-care-workers-per-10k-elderly", "basic-pension-insured", "urban-housing-security-coverage", "property-service-coverage"
DIBAO, YLBZ, CJR, PEIXUN = "minimum-living-allowance", "medical-cost-coverage-needy", "disabled-persons-home-coverage", "vocational-skills-training"
TIJIAN, XUELI = "free-health-checkups-annual", "adult-secondary-education-upgrade-annual"

# 1. A 卫健局 monthly 报表 as the department sends it: the county and the period only in the
# title, 序号 and 领域 (merged: blank under its first row in the CSV Excel saves), the plan's
# names, a copy of the plan's 目标值, 备注 saying which figures are estimates.
write_csv("01-dept-monthly-title.csv", [
    ["诸暨市卫生健康局2025年1-10月公共服务“七优享”工程指标完成情况表"],
    ["填报单位：诸暨市卫生健康局", "", "", "", "", "填报日期：2025年11月5日"],
    ["序号", "领域", "指标名称", "单位", "2025年目标值", "1-10月完成值", "备注"],
    R(["1", "幼有善育", "每千人口拥有3岁以下婴幼儿托位数", "个", "4.6", "4.7", ""], "met", ZJ, TUO, "level already past the year's target", "2025-10"),
    R(["2", "", "普惠托位占比", "%", "68", "66", ""], "behind", ZJ, PUHUI, "65→68 due 67.5 by October", "2025-10"),
    R(["3", "", "0-3岁儿童发育监测筛查率", "%", "95", "96", "预计数"], "met?", ZJ, SHAI, "an estimate (预计数) in 备注", "2025-10"),
    R(["4", "病有良医", "人均预期寿命", "岁", "83.00", "83.1", "快报数"], "met?", ZJ, LIFE, "a flash figure (快报数) in 备注", "2025-10"),
    R(["5", "", "重大慢病过早死亡率", "%", "9.00", "8.9", ""], "met", ZJ, CHRONIC, "≤9.00", "2025-10"),
    R(["6", "", "“浙里惠民保”投保率", "%", ">70", "75", "口径调整"], "met?", ZJ, HMB, "a changed definition (口径调整) in 备注", "2025-10"),
    [],
    ["制表人：王五", "", "审核人：赵六"],
])

# 2. Two periods side by side, as a 人社局 keeps its running sheet: last year's result and this
# year's year-to-date, each a column named by its period. GBK, as Excel on Chinese Windows saves.
write_csv("02-two-years-side-by-side-gbk.csv", [
    ["地区", "指标", "单位", "2024年完成", "2025年1-10月", "备注"],
    R(["诸暨市", "普惠托位占比", "%", "65.5", "67.9", ""], [("2024", "met"), ("2025-10", "on_track")], ZJ, PUHUI, "2024 ≥65; 2025-10 due 67.5"),
    R(["诸暨市", "基本养老保险参保人数", "万人", "84.1", "84.9", ""], [("2024", "not_met"), ("2025-10", "met")], ZJ, PENSION, "2024 ≥84.2; 2025 ≥84.8 already"),
    R(["诸暨市", "最低生活保障年标准", "元", "14400", "15600", ""], [("2024", "met"), ("2025-10", "met")], ZJ, DIBAO, ">14000, >15000"),
    R(["诸暨市", "开展职业技能培训累计数", "万人次", "9.2", "10.9", ""], [("2024", "met"), ("2025-10", "on_track")], ZJ, PEIXUN, "≥9 累计; 9.2→11 due 10.7"),
], enc="gb18030")

# 3. 备注 that says how sure a figure is: an estimate, a flash report, a preliminary count or a
# changed definition leaves the verdict in doubt; 已核实 and a source do not.
NOTE_ROWS = [
    ("每千人口拥有3岁以下婴幼儿托位数", "4.4", "预计数", "met?", TUO),
    ("普惠托位占比", "66", "快报数", "met?", PUHUI),
    ("0-3岁儿童发育监测筛查率", "96", "口径调整", "met?", SHAI),
    ("高等教育毛入学率", "72", "初步统计", "met?", MRX),
    ("欠薪线索动态化解率", "95", "已核实", "met", QX),
    ("人均预期寿命", "82.5", "数据来源：统计局", "met", LIFE),
    ("重大慢病过早死亡率", "9.1", "估算", "met?", CHRONIC),
    ("“浙里惠民保”投保率", "75", "12月为预估数", "met?", HMB),
    ("每万人老年人口拥有持证养老护理员数", "25", "", "met", HLY),
    ("基本养老保险参保人数", "84.1", "预计数", "not_met?", PENSION),
    ("城镇住房保障受益覆盖率", "18", "统计口径调整后", "met?", ZFBZ),
    ("住宅小区专业物业服务覆盖率", "88", "含预计", "met?", WUYE),
    ("最低生活保障年标准", "14400", "按新标准", "met", DIBAO),
    ("困难群众医疗费用综合保障率", "84", "暂估", "met?", YLBZ),
    ("“残疾人之家”覆盖率", "95", "同比提高1个百分点", "met", CJR),
]
write_csv("03-notes-say-how-sure.csv", [["地区", "指标", "年份", "数值", "单位", "备注"]] + [
    R(["诸暨市", n, "2024", v, "", note], want, ZJ, ind, f"备注 `{note}`", "2024") for n, v, note, want, ind in NOTE_ROWS
])

# 4. Periods as offices write them in a period column: a month alone for a flow counted within
# the year is year-to-date or the month alone (ask); a span, a quarter count and a half are
# read as they say.
write_csv("04-periods-as-typed.csv", [
    ["地区", "指标", "年份", "期间", "数值", "单位"],
    R(["诸暨市", "免费健康体检", "2025", "10月", "17", "万人"], "on_track|on_track?|behind?|error", ZJ, TIJIAN, "a flow: 10月 alone, 1-10月 or October's own? read as 1-10月, an on_track holds either way (corrected after the first run)", "2025-10"),
    R(["诸暨市", "成人初高中学历提升", "2025", "1-10月", "0.17", "万人"], "on_track", ZJ, XUELI, "1-10月 of ≥0.19 every year: due 0.158", "2025-10"),
    R(["诸暨市", "普惠托位占比", "2025", "前三季度", "67", "%"], "behind", ZJ, PUHUI, "2025Q3: due 67.25", "2025Q3"),
    R(["诸暨市", "人均预期寿命", "2025", "上半年", "83", "岁"], "met", ZJ, LIFE, "already the year's 83.00", "2025H1"),
    R(["诸暨市", "开展职业技能培训累计数", "2025", "1-10月累计", "10.8", "万人次"], "on_track", ZJ, PEIXUN, "a running total: the plan's 9 (2024) → 11 due 10.67", "2025-10"),
    R(["诸暨市", "免费健康体检", "2026", "三季度", "14", "万人"], "on_track?|behind?|error", ZJ, TIJIAN, "a flow: 三季度 alone, the year to date or the quarter?", "2026Q3"),
    R(["诸暨市", "成人初高中学历提升", "2026", "10月（当月）", "0.02", "万人"], "on_track", ZJ, XUELI, "the month alone, due 0.19/12", "2026-10当期"),
])

# 5. A form laid out for printing: a title merged across, a header over two rows (完成情况 over
# 数值 | 单位), 领域 and 地区 merged down their blocks, blank rows between blocks, a 小计 under each
# block and a 合计 at the end, each with a sum in it.
write_xlsx("05-printed-form-blocks.xlsx", [("2024年", [
    ["诸暨市2024年公共服务“七优享”工程主要指标完成情况"],
    ["序号", "领域", "地区", "指标", "年份", "完成情况", ""],
    ["", "", "", "", "", "数值", "单位"],
    R([1, "幼有善育", "诸暨市", "每千人口拥有3岁以下婴幼儿托位数", 2024, 4.4, "个"], "met", ZJ, TUO, "≥4.3", "2024"),
    R([2, "", "", "普惠托位占比", 2024, 64, "%"], "not_met", ZJ, PUHUI, "≥65; 领域 and 地区 merged down", "2024"),
    R(["", "小计", "", "", "", 68.4, ""], "warn", "", "", "a 小计 with a sum: no report"),
    [],
    R([3, "病有良医", "诸暨市", "人均预期寿命", 2024, 82.5, "岁"], "met", ZJ, LIFE, "≥82.45", "2024"),
    R([4, "", "", "重大慢病过早死亡率", 2024, 9.3, "%"], "not_met", ZJ, CHRONIC, "≤9.2", "2024"),
    R(["", "小计", "", "", "", 91.8, ""], "warn", "", "", "a 小计 with a sum: no report"),
    [],
    R(["合计", "", "", "", "", 160.2, ""], "warn", "", "", "a 合计 with a sum"),
], ["A1:G1", "F2:G2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "B4:B6", "C4:C5", "B8:B10", "C8:C9"])])

# 6. A workbook with a 填报说明 sheet, then one sheet a county, each county's name as its sheet's
# name and in its 地区 column: every county's sheet is the report, none may be left unread.
write_xlsx("06-one-sheet-a-county.xlsx", [
    ("填报说明", [["请各地在本地区工作表中填报2024年完成值"], ["数值请填数字"]], []),
    ("诸暨市", [
        ["地区", "指标", "年份", "数值", "单位"],
        R(["诸暨市", "普惠托位占比", 2024, 66, "%"], "met", ZJ, PUHUI, "≥65", "2024"),
        R(["诸暨市", "人均预期寿命", 2024, 82.3, "岁"], "not_met", ZJ, LIFE, "≥82.45", "2024"),
    ], []),
    ("嵊泗县", [
        ["地区", "指标", "年份", "数值", "单位"],
        [],
        [],
        R(["嵊泗县", "托位使用率", 2024, 60, "%"], "not_met", "shengsi", "childcare-place-utilization", ">63", "2024"),
        R(["嵊泗县", "城镇调查失业率", 2024, 4.8, "%"], "met", "shengsi", "unemployment-rate-urban-surveyed", "<5", "2024"),
    ], []),
])

# 7. The same, the county's name only as the sheet's name: no 地区 column at all.
write_xlsx("07-county-as-sheet-name.xlsx", [
    ("填报说明", [["各县（市、区）分表填报"]], []),
    ("诸暨市", [
        ["指标", "年份", "数值", "单位"],
        R(["普惠托位占比", 2024, 64, "%"], "not_met|error", ZJ, PUHUI, "≥65; the county is the sheet's name", "2024"),
        R(["人均预期寿命", 2024, 82.5, "岁"], "met|error", ZJ, LIFE, "≥82.45", "2024"),
    ], []),
    ("嵊泗县", [
        ["指标", "年份", "数值", "单位"],
        [],
        [],
        R(["托位使用率", 2024, 65, "%"], "met|error", "shengsi", "childcare-place-utilization", ">63", "2024"),
    ], []),
])

# 8. Indicator names as a clerk copies or shortens them: a marker, the unit in brackets, a
# shortened or reworded name (never guessed: an error with did-you-mean).
write_csv("08-names-as-copied.csv", [
    ["地区", "指标", "年份", "数值"],
    R(["诸暨市", "人均预期寿命（岁）", "2024", "82.5"], "met|error", ZJ, LIFE, "the unit in brackets, as some plans print it", "2024"),
    R(["诸暨市", "*普惠托位占比", "2024", "66"], "met|error", ZJ, PUHUI, "the core marker copied with the name", "2024"),
    R(["诸暨市", "▲城镇调查失业率", "2024", "4.2"], "no_target|error", ZJ, "unemployment-rate-urban-surveyed", "the observational marker", "2024"),
    R(["诸暨市", "基本养老保险参保人数(万人)", "2024", "84.3"], "met|error", ZJ, PENSION, "≥84.2, the unit in brackets", "2024"),
    R(["诸暨市", "基本养老保险参保人数(人)", "2025", "849000"], "met|error", ZJ, PENSION, "≥84.8万: 849000人 is 84.9万", "2025"),
    R(["诸暨市", "托位数（每千人）", "2024", "4.4"], "error", ZJ, TUO, "shortened: never guessed"),
    R(["诸暨市", "慢病过早死亡率", "2024", "9.1"], "error", ZJ, CHRONIC, "shortened: never guessed"),
    R(["诸暨市", "普惠托位占比（城镇）", "2025", "75"], "error", ZJ, PUHUI, "the urban part is not the county's figure"),
])

# 9. The county as clerks write it in a sheet for one county: the title names it.
write_csv("09-this-county.csv", [
    ["诸暨市2024年“七优享”指标完成情况"],
    ["地区", "指标", "年份", "数值"],
    R(["本市", "普惠托位占比", "2024", "66"], "met|error", ZJ, PUHUI, "本市 under a title naming 诸暨市", "2024"),
    R(["全市", "人均预期寿命", "2024", "82.3"], "not_met|error", ZJ, LIFE, "全市", "2024"),
    R(["诸暨市（县级市）", "重大慢病过早死亡率", "2024", "9.1"], "met|error", ZJ, CHRONIC, "the name with a bracketed note", "2024"),
    R(["XX县（市、区）", "基本养老保险参保人数", "2024", "84.3"], "error", "", "", "the template's placeholder left in"),
    R(["诸暨", "“浙里惠民保”投保率", "2024", "75"], "met", ZJ, HMB, "the name without 市", "2024"),
])

# 10. Urban and rural parts of one indicator in a column of their own (城乡): neither part is
# the county's figure.
write_csv("10-urban-rural-column.csv", [
    ["地区", "指标", "城乡", "年份", "数值"],
    R(["诸暨市", "普惠托位占比", "城镇", "2024", "75"], "error|met?|not_met?", ZJ, PUHUI, "the urban part: no county figure", "2024"),
    R(["诸暨市", "普惠托位占比", "农村", "2024", "52"], "error|met?|not_met?", ZJ, PUHUI, "the rural part", "2024"),
    R(["嵊泗县", "基本医疗保险政策范围内住院报销比例(含大病保险)", "职工", "2024", "88"], "met|error", "shengsi", "inpatient-reimbursement-employee", "职工86: the part named", "2024"),
    R(["嵊泗县", "基本医疗保险政策范围内住院报销比例(含大病保险)", "城乡居民", "2024", "68"], "not_met|error", "shengsi", "inpatient-reimbursement-resident", "城乡居民70", "2024"),
])

# 11. A copy of the plan's targets beside the actuals, and a sheet whose 实际值 column holds the
# targets again (the clerk copied the wrong column): a value equal to the sheet's own target cell
# is worth a look.
write_csv("11-targets-copied-as-actuals.csv", [
    ["地区", "指标", "年份", "目标值", "实际值"],
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", "2024", "4.3", "4.3"], "met?", ZJ, TUO, "实际值 = 目标值", "2024"),
    R(["诸暨市", "普惠托位占比", "2024", "65", "65"], "met?", ZJ, PUHUI, "实际值 = 目标值", "2024"),
    R(["诸暨市", "人均预期寿命", "2024", "82.45", "82.45"], "met?", ZJ, LIFE, "实际值 = 目标值", "2024"),
    R(["诸暨市", "重大慢病过早死亡率", "2024", "≤9.2", "9.2"], "met?", ZJ, CHRONIC, "实际值 = 目标值 (with its sign)", "2024"),
    R(["诸暨市", "基本养老保险参保人数", "2024", "84.2万人", "84.2"], "met?", ZJ, PENSION, "实际值 = 目标值 (with its unit)", "2024"),
    R(["诸暨市", "每万人老年人口拥有持证养老护理员数", "2024", "24", "25"], "met", ZJ, HLY, "a real value beside its target", "2024"),
    R(["诸暨市", "住宅小区专业物业服务覆盖率", "2024", "85", "86"], "not_met", ZJ, WUYE, "the sheet's target is last year's (85): the plan's 87.5 decides", "2024"),
])

# 12. A unit in the value column's header for a sheet of mixed indicators: it fits some rows
# and not others.
write_csv("12-header-unit-mixed-gbk.csv", [
    ["地区", "指标", "年份", "数值（%）"],
    R(["诸暨市", "普惠托位占比", "2024", "66"], "met", ZJ, PUHUI, "% fits", "2024"),
    R(["诸暨市", "重大慢病过早死亡率", "2024", "9.1"], "met", ZJ, CHRONIC, "% fits", "2024"),
    R(["诸暨市", "基本养老保险参保人数", "2024", "84.3"], "error|met?", ZJ, PENSION, "% does not fit 万人", "2024"),
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", "2024", "4.4"], "error|met?", ZJ, TUO, "% does not fit 个", "2024"),
], enc="gb18030")

# 13. A header over two rows whose upper cell names the period (2025年1-10月 over 目标 | 完成).
write_xlsx("13-period-over-two-header-rows.xlsx", [("10月", [
    ["地区", "指标", "单位", "2025年1-10月", "", "备注"],
    ["", "", "", "目标", "完成", ""],
    R(["诸暨市", "普惠托位占比", "%", 68, 66, ""], "behind|error", ZJ, PUHUI, "due 67.5 by October", "2025-10"),
    R(["诸暨市", "人均预期寿命", "岁", 83, 83.1, ""], "met|error", ZJ, LIFE, "≥83.00", "2025-10"),
], ["D1:E1", "A1:A2", "B1:B2", "C1:C2", "F1:F2"])])

# 14. The same indicator twice in one sheet with different values (a county row and a 城区 row
# typed under the county's name, or a revision pasted under the first): neither is sure.
write_csv("14-reported-twice.csv", [
    ["地区", "指标", "年份", "数值"],
    R(["诸暨市", "普惠托位占比", "2024", "66"], "met?|error", ZJ, PUHUI, "reported again below with 61", "2024"),
    R(["诸暨市", "人均预期寿命", "2024", "82.5"], "met", ZJ, LIFE, "once", "2024"),
    R(["诸暨市", "普惠托位占比", "2024", "61"], "error", ZJ, PUHUI, "the duplicate"),
])

# 15. A control: a department's form in the long layout it already reads (序号, 领域, 责任单位,
# the plan's printed name with its space, 年份 `2025年1-10月`), with a title and a 合计.
write_xlsx("15-control-long-form.xlsx", [("Sheet1", [
    ["2025年1-10月七优享指标进度表"],
    ["序号", "领域", "指标名称", "地区", "年份", "完成值", "计量单位", "责任单位"],
    R([1, "幼有善育", "每千人口拥有 3岁以下婴幼儿托位数", "诸暨市", "2025年1-10月", 4.5, "个", "卫生健康局"], "behind", ZJ, TUO, "4.3→4.6 due 4.55", "2025-10"),
    R([2, "老有康养", "基本养老保险参保人数", "诸暨市", "2025年1-10月", 84.9, "万人", "人力社保局"], "met", ZJ, PENSION, "≥84.8", "2025-10"),
    R(["合计", "", "", "", "", 89.4, "", ""], "warn", "", "", "a 合计"),
], ["B3:B3"])])

# For tests/cmd/check-every-sheet (trycmd, not in expected.tsv): one sheet a county, then a
# sheet of definitions whose header is no report's.
EXPECTED_LEN = len(EXPECTED)
os.makedirs("../cmd/check-every-sheet.in", exist_ok=True)
write_xlsx("../cmd/check-every-sheet.in/counties.xlsx", [
    ("填报说明", [["请各地在本地区工作表中填报"]], []),
    ("诸暨市", [["地区", "指标", "年份", "数值"], ["诸暨市", "普惠托位占比", 2024, 66]], []),
    ("嵊泗县", [["地区", "指标", "年份", "数值"], ["嵊泗县", "托位使用率", 2024, 60]], []),
    ("指标解释", [["序号", "指标", "解释"], [1, "普惠托位占比", "普惠托位数/托位总数"]], []),
    ("Sheet2", [], []),
])
del EXPECTED[EXPECTED_LEN:]

with open("expected.tsv", "w", encoding="utf-8") as f:
    f.write("file\tsheet\tline\tperiod\tjurisdiction\tindicator\twant\twhy\n")
    for e in EXPECTED:
        f.write("\t".join(e) + "\n")
