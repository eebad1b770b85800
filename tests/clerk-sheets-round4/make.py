#!/usr/bin/env python3
"""Writes round 4 of the clerk corpus: whole sheets as a 专班办公室 receives them (see README.md),
and `expected.tsv`, the verdict every reading must get, decided before any rule was written for
them. Run from this directory; every file is committed, so the tests need no Python. The writers
are round 3's (tests/common/clerkgen.py), and so is the form of expected.tsv: file, sheet,
line, period label, jurisdiction, indicator, want (`met`, `not_met`, `on_track`, `behind`,
`no_target`, each with `?` when it must be 存疑; `nodata`; `error` at the row; `warn` at the row;
several joined by `|` where each is right), why."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from clerkgen import EXPECTED, MAIN, R, Raw, Rich, write_csv, write_xlsx  # noqa: E402

# Zhuji (plans/zhuji.yaml), baseline 2022 → 2023, 2024, 2025: 托位数 3.5 → 4.0, 4.3, 4.6;
# 普惠托位占比 60 → 63, 65, 68; 筛查率 93 → 95 …; 毛入学率 70, 71, 72; 人均预期寿命 82.12 → 82.36,
# 82.45, 83.00; 重大慢病过早死亡率 9.64 → 9.40, 9.20, 9.00; 惠民保 >70; 护理员 22 → 23, 24, 25;
# 参保人数 83.0 → 83.6, 84.2, 84.8 万人; 住房保障覆盖率 16, 17, 19; 物业覆盖率 85, 87.5, 90;
# 低保 >14000 (2024), >15000 (2025); 医疗保障率 80 → 82, 83, 85; 残疾人之家 94; 培训累计 6.8, 9, 11
# 万人次; 保障性租赁住房累计 0.90, 1.12, 1.36 万套; 城镇新增就业 累计 ≥5万 (2023–2027: 2万 by 2024);
# 成人初高中学历提升 ≥0.19万 every year; 托育机构从业人员持证率 ≥90 (2025).
ZJ = "zhuji"
TUO, PUHUI, SHAI, MRX = "childcare-places-per-1000", "childcare-inclusive-share", "child-development-screening-rate", "higher-education-gross-enrollment"
QX, LIFE, CHRONIC, HMB = "wage-arrears-resolution-rate", "life-expectancy", "premature-mortality-major-chronic", "huiminbao-enrollment-rate"
HLY, PENSION, ZFBZ, WUYE = "elderly-care-workers-per-10k-elderly", "basic-pension-insured", "urban-housing-security-coverage", "property-service-coverage"
DIBAO, YLBZ, CJR, PEIXUN = "minimum-living-allowance", "medical-cost-coverage-needy", "disabled-persons-home-coverage", "vocational-skills-training"
JIUYE, ZULIN, XUELI, CHIZHENG = "urban-new-employment", "affordable-rental-housing", "adult-secondary-education-upgrade-annual", "childcare-staff-certification-rate"
# A reading that may be a verdict or a located error (a name, a period or a layout qyx may not
# know): never another verdict, never nothing.
def or_error(want):
    return f"{want}|error"


# 1. A department's sheet with the names shortened or reworded as clerks type them. A name that
# can only be one indicator may be read; one that fits two (托位数, 参保人数, 失业率, 护理员数) must
# be a did-you-mean, never the wrong indicator.
write_csv("01-names-shortened.csv", [
    ["地区", "指标", "年份", "数值", "单位"],
    R(["诸暨市", "托位数", "2024", "4.4", "个"], "error", ZJ, TUO, "托位数: 每千人口…托位数 or 每千人拥有…托位数达到省标要求"),
    R(["诸暨市", "普惠托位率", "2024", "66", "%"], or_error("met"), ZJ, PUHUI, "one 普惠托位 indicator: ≥65", "2024"),
    R(["诸暨市", "预期寿命", "2024", "82.5", "岁"], or_error("met"), ZJ, LIFE, "≥82.45", "2024"),
    R(["诸暨市", "养老保险参保人数", "2024", "84.3", "万人"], "error", ZJ, PENSION, "基本养老保险 or 城乡居民基本养老保险参保人数"),
    R(["诸暨市", "参保人数", "2025", "84.9", "万人"], "error", ZJ, PENSION, "any 参保人数"),
    R(["诸暨市", "失业率", "2024", "4.2", "%"], "error", ZJ, "", "登记 or 调查"),
    R(["诸暨市", "惠民保投保率", "2024", "75", "%"], or_error("met"), ZJ, HMB, ">70, the name without its quotes", "2024"),
    R(["诸暨市", "护理员数", "2024", "25", "人"], "error", ZJ, HLY, "每万老年人口…护理员数 or 新增持证养老护理员"),
    R(["诸暨市", "低保标准", "2024", "14400", "元"], or_error("met"), ZJ, DIBAO, ">14000", "2024"),
    R(["诸暨市", "慢病死亡率", "2024", "9.1", "%"], or_error("met"), ZJ, CHRONIC, "≤9.2", "2024"),
    R(["诸暨市", "新增就业", "2024", "2.1", "万人"], or_error("on_track"), ZJ, JIUYE, "累计 path 2万 by 2024", "2024"),
    R(["诸暨市", "托育持证率", "2025", "92", "%"], or_error("met"), ZJ, CHIZHENG, "托育机构从业人员持证率 ≥90", "2025"),
])

# 2. A rate with the count it comes from in one cell, as offices type them to show their working.
# Where the count agrees, the rate stands; where it does not (180/200 is 90 %, not 96 %), the
# verdict cannot be clean.
write_csv("02-rate-and-count-in-one-cell.csv", [
    ["地区", "指标", "年份", "完成值", "备注"],
    R(["诸暨市", "0-3岁儿童发育监测筛查率", "2024", "96%（192/200）", ""], "met|met?|error", ZJ, SHAI, "≥95; 192/200 is 96 %", "2024"),
    R(["诸暨市", "“残疾人之家”覆盖率", "2024", "95%(19/20)", ""], "met|met?|error", ZJ, CJR, "≥94; 19/20 is 95 %", "2024"),
    R(["诸暨市", "普惠托位占比", "2024", "96%（1680/2500）", ""], "met?|not_met|not_met?|error", ZJ, PUHUI, "1680/2500 is 67.2 %, not 96 %: which is it?", "2024"),
    R(["诸暨市", "困难群众医疗费用综合保障率", "2024", "17/25", ""], "not_met|not_met?|error", ZJ, YLBZ, "17/25 is 68 % of ≥83", "2024"),
    R(["诸暨市", "欠薪线索动态化解率", "2024", "189/200", ""], "met|met?|error", ZJ, QX, "189/200 is 94.5 %, ≥94.5", "2024"),
    R(["诸暨市", "城镇住房保障受益覆盖率", "2024", "18%（1800户/10000户）", ""], "met|met?|error", ZJ, ZFBZ, "≥17", "2024"),
    R(["诸暨市", "住宅小区专业物业服务覆盖率", "2024", "88%（88/100）", ""], "met|met?|error", ZJ, WUYE, "≥87.5", "2024"),
    R(["诸暨市", "高等教育毛入学率", "2024", "97%（97/1000）", ""], "met?|not_met|not_met?|error", ZJ, MRX, "97/1000 is 9.7 %: the rate or the count?", "2024"),
])

# 3. A year's new amount beside the running total, as 人社局 and 建设局 keep them: which column is
# the value depends on the target — a cumulative target takes the total, an every-year one the
# year's own amount, a level the total. No single column may be judged for all rows.
write_csv("03-new-and-total-columns.csv", [
    ["诸暨市2024年民生指标完成情况"],
    ["指标", "年份", "本年新增", "累计完成", "单位"],
    R(["城镇新增就业", "2024", "1.1", "2.1", "万人"], or_error("on_track"), ZJ, JIUYE, "累计 ≥5万 by 2027: 2.1 against a path of 2; 1.1 is the year's", "2024"),
    R(["开展职业技能培训累计数", "2024", "2.3", "9.1", "万人次"], or_error("met"), ZJ, PEIXUN, "≥9 累计", "2024"),
    R(["保障性租赁住房累计建设筹集套(间)数", "2024", "0.25", "1.15", "万套"], or_error("met"), ZJ, ZULIN, "≥1.12 累计", "2024"),
    R(["每千人口拥有3岁以下婴幼儿托位数", "2024", "0.3", "4.4", "个"], or_error("met"), ZJ, TUO, "a level: 4.4 ≥4.3", "2024"),
    R(["基本养老保险参保人数", "2024", "0.9", "84.5", "万人"], or_error("met"), ZJ, PENSION, "a level: 84.5 ≥84.2", "2024"),
    R(["成人初高中学历提升", "2024", "0.17", "0.38", "万人"], or_error("not_met"), ZJ, XUELI, "≥0.19 every year: 0.17 this year (0.38 since 2023)", "2024"),
])

# 4. 同比 columns beside the value, as a statistics bureau's sheet has them: the value is 本期数;
# 上年同期 is last year's figure, 同比 a change — neither is this period's value.
write_csv("04-year-on-year-columns-gbk.csv", [
    ["地区", "指标", "年份", "本期数", "上年同期", "同比增减", "同比增长（%）"],
    R(["诸暨市", "普惠托位占比", "2024", "66", "62", "+4", "6.5"], or_error("met"), ZJ, PUHUI, "≥65", "2024"),
    R(["诸暨市", "人均预期寿命", "2024", "82.4", "82.36", "+0.04", "0.05"], or_error("not_met"), ZJ, LIFE, "≥82.45", "2024"),
    R(["诸暨市", "基本养老保险参保人数", "2024", "84.1", "83.6", "+0.5", "0.6"], or_error("not_met"), ZJ, PENSION, "≥84.2", "2024"),
    R(["诸暨市", "重大慢病过早死亡率", "2024", "9.1", "9.4", "-0.3", "-3.2"], or_error("met"), ZJ, CHRONIC, "≤9.2", "2024"),
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", "2024", "4.2", "4.0", "+0.2", "5.0"], or_error("not_met"), ZJ, TUO, "≥4.3", "2024"),
], enc="gb18030")

# 5. No data as hands type it: a dash from another keyboard or input method (一 is the numeral
# one, typed for a dash), marks, and words that say the figure is not out yet. None is a value.
NO_DATA = [
    ("每千人口拥有3岁以下婴幼儿托位数", "一", TUO, "一 typed for a dash (it is also the numeral 1)"),
    ("普惠托位占比", "－", PUHUI, "a full-width hyphen"),
    ("0-3岁儿童发育监测筛查率", "／", SHAI, "a full-width slash"),
    ("高等教育毛入学率", "— —", MRX, "two dashes with a space"),
    ("欠薪线索动态化解率", "--", QX, "two hyphens"),
    ("人均预期寿命", "*", LIFE, "an asterisk: not published"),
    ("重大慢病过早死亡率", "暂缺", CHRONIC, "暂缺"),
    ("“浙里惠民保”投保率", "数据未出", HMB, "数据未出"),
    ("每万人老年人口拥有持证养老护理员数", "年底统计", HLY, "counted at year-end"),
    ("城镇住房保障受益覆盖率", "\\", ZFBZ, "a backslash for a slash"),
    ("住宅小区专业物业服务覆盖率", "／\u3000", WUYE, "a slash and an ideographic space"),
    ("困难群众医疗费用综合保障率", "ー", YLBZ, "the katakana long mark a Japanese-capable IME gives for -"),
    ("“残疾人之家”覆盖率", "〃", CJR, "ditto mark: same as above?"),
]
write_csv("05-no-data-as-typed.csv", [["地区", "指标", "年份", "数值"]] + [
    R(["诸暨市", n, "2024", v], "nodata|error", ZJ, ind, why) for n, v, ind, why in NO_DATA
] + [
    R(["诸暨市", "基本养老保险参保人数", "2024", "-1.5"], "not_met?|error", ZJ, PENSION, "a sign on a count: a change typed as the value?", "2024"),
    R(["诸暨市", "最低生活保障年标准", "2024", "〇"], "nodata|not_met?|error", ZJ, DIBAO, "〇: zero or a blank mark? never a clean verdict", "2024"),
])

# 6. Periods as of a date, and school years, in a 期间 or 年份 column.
write_csv("06-periods-as-of-and-school-years.csv", [
    ["地区", "指标", "年份", "期间", "数值", "单位"],
    R(["诸暨市", "普惠托位占比", "2025", "截至10月底", "67.6", "%"], or_error("on_track"), ZJ, PUHUI, "65→68 due 67.5", "2025-10"),
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", "2025", "截至2025年10月末", "4.56", "个"], or_error("on_track"), ZJ, TUO, "4.3→4.6 due 4.55", "2025-10"),
    R(["诸暨市", "人均预期寿命", "2025", "1-10月份", "83.1", "岁"], or_error("met"), ZJ, LIFE, "≥83.00", "2025-10"),
    R(["诸暨市", "基本养老保险参保人数", "2025", "2025.1-10", "84.9", "万人"], or_error("met"), ZJ, PENSION, "≥84.8", "2025-10"),
    R(["诸暨市", "0-3岁儿童发育监测筛查率", "2025", "1至10月", "94", "%"], or_error("behind"), ZJ, SHAI, "95 all year", "2025-10"),
    R(["诸暨市", "重大慢病过早死亡率", "2025", "第三季度末", "9.05", "%"], or_error("on_track"), ZJ, CHRONIC, "9.2→9.0 due 9.05", "2025Q3"),
    R(["诸暨市", "最低生活保障年标准", "2025", "1-10月止", "15600", "元"], or_error("met"), ZJ, DIBAO, ">15000", "2025-10"),
    R(["诸暨市", "高等教育毛入学率", "2024-2025学年", "", "71.5", "%"], or_error("met"), ZJ, MRX, "education statistics' 2024 is the 2024–2025 school year; never 2025 (≥72)", "2024"),
    R(["诸暨市", "高等教育毛入学率", "2023/2024学年", "", "70.2", "%"], or_error("met"), ZJ, MRX, "2023 ≥70", "2023"),
])

# 7. A town's (乡镇、街道) rows in a county's sheet: a town's figure is not the county's, whether
# the cell names the town alone or the county and the town.
write_csv("07-towns-under-the-county.csv", [
    ["地区", "指标", "年份", "数值"],
    R(["店口镇", "普惠托位占比", "2024", "58"], "error|warn", ZJ, PUHUI, "a town"),
    R(["诸暨市店口镇", "每千人口拥有3岁以下婴幼儿托位数", "2024", "4.5"], "error|warn", ZJ, TUO, "the county's name then a town's"),
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", "2024", "4.2"], "not_met|not_met?", ZJ, TUO, "the county's own: ≥4.3", "2024"),
    R(["暨阳街道", "人均预期寿命", "2024", "83"], "error|warn", ZJ, LIFE, "a 街道"),
    R(["诸暨市暨阳街道", "人均预期寿命", "2024", "83.2"], "error|warn", ZJ, LIFE, "the county then a 街道"),
    R(["诸暨市", "人均预期寿命", "2024", "82.4"], "not_met|not_met?", ZJ, LIFE, "the county's own: ≥82.45", "2024"),
    R(["诸暨市", "普惠托位占比", "2024", "66"], "met|met?", ZJ, PUHUI, "the county's own: ≥65", "2024"),
])

# 8. A city's summary sheet: one row a county, counties with no plan here, a 全市 and an average
# row, a 合计 — only the counties with a plan are judged.
write_csv("08-city-summary.csv", [
    ["绍兴市2024年公共服务“七优享”工程指标汇总表"],
    ["县（市、区）", "指标", "年份", "数值"],
    R(["越城区", "普惠托位占比", "2024", "62"], "error", "", PUHUI, "no plan for 越城区"),
    R(["诸暨市", "普惠托位占比", "2024", "66"], "met", ZJ, PUHUI, "≥65", "2024"),
    R(["嵊州市", "普惠托位占比", "2024", "64"], "error", "", PUHUI, "no plan for 嵊州市"),
    R(["全市", "普惠托位占比", "2024", "64.5"], "error|warn", "", PUHUI, "the city's figure: no plan (never 诸暨's)"),
    R(["平均", "普惠托位占比", "2024", "64"], "error|warn", "", PUHUI, "an average row"),
    R(["合计", "普惠托位占比", "2024", "192"], "warn", "", "", "a total"),
    R(["诸暨市", "人均预期寿命", "2024", "82.3"], "not_met", ZJ, LIFE, "≥82.45", "2024"),
])

# 9. A corrected value column beside the first one, the first hidden (as a clerk hides what he
# replaced), and a hidden row holding the figure a visible row revises.
write_xlsx("09-corrected-column-hidden.xlsx", [("Sheet1", [
    ["地区", "指标", "年份", "数值", "修正后数值", "单位"],
    R(["诸暨市", "普惠托位占比", 2024, 64, 66, "%"], or_error("met"), ZJ, PUHUI, "修正后 66 ≥65 (64 hidden)", "2024"),
    R(["诸暨市", "人均预期寿命", 2024, 82.5, 82.4, "岁"], or_error("not_met"), ZJ, LIFE, "修正后 82.4 <82.45 (82.5 hidden)", "2024"),
    R(["诸暨市", "基本养老保险参保人数", 2024, 84.1, "", "万人"], "not_met|error", ZJ, PENSION, "no correction: 84.1 <84.2", "2024"),
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", 2024, 4.1, "", "个"], "warn|nodata|not_met?|error", ZJ, TUO, "a hidden row, revised below: passed over for the shown one, with a warning", "2024"),
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", 2024, 4.4, "", "个"], "met|met?|error", ZJ, TUO, "the revision: ≥4.3", "2024"),
], [], {"cols": '<cols><col min="4" max="4" width="0" hidden="1" customWidth="1"/></cols>', "hidden": (5,)})])

# 10. Cells as Excel formats them: a number shown with a literal % (`0.0"%"`: 75 is shown 75.0%),
# a percent format (0.66 shown 66.0%), a period typed as a date and shown as a month
# (`yyyy"年"m"月"`), formulas with cached values, a formula's text result, formula errors.
STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
          '<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/>'
          '<numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>'
          '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/>'
          '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/>'
          '</cellXfs></styleSheet>')
OCT = Raw(' s="3"', "<v>45961</v>")  # 2025-10-31, shown 2025年10月
write_xlsx("10-cell-formats-and-formulas.xlsx", [("数据", [
    ["地区", "指标", "期间", "数值", "单位"],
    R(["诸暨市", "“浙里惠民保”投保率", OCT, Raw(' s="1"', "<v>75</v>"), "%"], or_error("met"), ZJ, HMB, "75 shown 75.0% (a literal %): >70", "2025-10"),
    R(["诸暨市", "普惠托位占比", OCT, Raw(' s="2"', "<v>0.66</v>"), "%"], or_error("behind"), ZJ, PUHUI, "0.66 shown 66.0%: due 67.5", "2025-10"),
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", OCT, Raw("", "<f>4.4+0.2</f><v>4.6000000000000005</v>"), "个"], or_error("met"), ZJ, TUO, "a formula's cached 4.6: ≥4.6", "2025-10"),
    R(["诸暨市", "0-3岁儿童发育监测筛查率", OCT, Raw(' t="str"', "<f>TEXT(0.96,\"0%\")</f><v>96%</v>"), "%"], or_error("met"), ZJ, SHAI, "a formula's text 96%: ≥95", "2025-10"),
    R(["诸暨市", "人均预期寿命", OCT, Raw(' t="e"', "<f>D9/D10</f><v>#DIV/0!</v>"), "岁"], "error", ZJ, LIFE, "#DIV/0!"),
    R(["诸暨市", "重大慢病过早死亡率", OCT, Raw(' t="e"', "<f>#REF!/100</f><v>#REF!</v>"), "%"], "error", ZJ, CHRONIC, "#REF!"),
    R(["诸暨市", "基本养老保险参保人数", Raw(' s="3"', "<v>45930</v>"), 84.9, "万人"], or_error("met"), ZJ, PENSION, "a date 2025-09-30 shown 2025年9月: ≥84.8", "2025-09"),
    R(["诸暨市", "“残疾人之家”覆盖率", OCT, Raw(' t="str"', "<f>IF(1=1,\"\",0)</f><v></v>"), "%"], "nodata|error", ZJ, CJR, "a formula showing nothing"),
], [])], styles=STYLES)

# 11. Text pasted from a web page or typed with Alt+Enter: a long name wrapped inside its cell, an
# ideographic space, a soft hyphen and a word joiner inside a value, a right-to-left mark.
write_csv("11-invisible-and-wrapped-text.csv", [
    ["地区", "指标", "年份", "数值", "单位"],
    R(["诸暨市", "每千人口拥有3岁以下\n婴幼儿托位数", "2024", "4.4", "个"], or_error("met"), ZJ, TUO, "Alt+Enter inside the name", "2024"),
    R(["诸暨市", "普惠托位占比", "2024", "66\u3000", "%"], or_error("met"), ZJ, PUHUI, "an ideographic space after the value", "2024"),
    R(["诸暨市", "基本养老保险参保人数", "2024", "84\u00ad.3", "万人"], or_error("met"), ZJ, PENSION, "a soft hyphen inside the value", "2024"),
    R(["诸暨市", "人均预期寿命", "2024", "82\u2060.5", "岁"], or_error("met"), ZJ, LIFE, "a word joiner inside the value", "2024"),
    R(["诸暨市\u200f", "重大慢病过早死亡率", "2024", "9.1", "%"], or_error("met"), ZJ, CHRONIC, "a right-to-left mark after the name", "2024"),
    R(["诸暨市", "“浙里惠民保”投保率", "2024", "7\n5", "%"], "error", ZJ, HMB, "a line break inside the number: 75 or 7 and 5?"),
    R(["诸暨市", "最低生活保障年标准", "2024", "14400\n（月1200）", "元"], "met|met?|error", ZJ, DIBAO, ">14000, a remark on its own line", "2024"),
])

# 12. A bilingual template: each header cell in Chinese and English on two lines, as provincial
# templates for foreign-funded projects print them; and an English one.
write_csv("12-bilingual-header.csv", [
    ["地区\nRegion", "指标\nIndicator", "年份\nYear", "数值\nValue", "单位\nUnit"],
    R(["诸暨市", "普惠托位占比", "2024", "66", "%"], "met", ZJ, PUHUI, "≥65", "2024"),
    R(["诸暨市", "人均预期寿命", "2024", "82.4", "岁"], "not_met", ZJ, LIFE, "≥82.45", "2024"),
])
write_csv("12b-english-header.csv", [
    ["Region", "Indicator", "Year", "Actual", "Unit", "Remarks"],
    R(["Zhuji", "childcare-inclusive-share", "2024", "66", "", ""], "met", ZJ, PUHUI, "≥65", "2024"),
    R(["Zhuji", "life-expectancy", "2024", "82.4", "", ""], "not_met", ZJ, LIFE, "≥82.45", "2024"),
])


def as_wps_writes(parts):
    """A workbook's parts as WPS writes them: absolute targets in the relationships, rows and
    cells without their `r` (each cell then stands where it falls in its row)."""
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace('Target="worksheets/', 'Target="/xl/worksheets/').replace('Target="styles.xml"', 'Target="/xl/styles.xml"').replace('Target="sharedStrings.xml"', 'Target="/xl/sharedStrings.xml"')
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(r'<(row|c) r="[A-Z]*[0-9]+"', r"<\1", parts[sheet])


# 13. An .xlsx as WPS writes it: absolute part names in the relationships, rich-text shared
# strings with a phonetic guide (<rPh>, not part of the text), inline strings, numbers stored
# as text, rows and cells without their r attributes.
write_xlsx("13-wps-quirks.xlsx", [("Sheet1", [
    ["地区", "指标", "年份", "数值", "单位"],
    R(["诸暨市", Rich("<r><t>普惠</t></r><r><rPr><b/></rPr><t>托位占比</t></r><rPh sb=\"0\" eb=\"2\"><t>ふけい</t></rPh>"), 2024, "66", "%"], "met", ZJ, PUHUI, "rich text and a phonetic guide: ≥65", "2024"),
    R(["诸暨市", Raw(' t="inlineStr"', "<is><t>人均预期寿命</t></is>"), Raw(' t="inlineStr"', "<is><t>2024</t></is>"), Raw(' t="inlineStr"', "<is><t>82.4</t></is>"), "岁"], "not_met", ZJ, LIFE, "inline strings: ≥82.45", "2024"),
    R(["诸暨市", "基本养老保险参保人数", 2024, Raw(' t="n"', "<v>84.299999999999997</v>"), "万人"], "met", ZJ, PENSION, "84.3 as a double: ≥84.2", "2024"),
], [])], rewrite=as_wps_writes)

# 14. Magnitudes as departments count them: a count in 套, 人 or 人次 where the plan counts 万, an
# amount in 万元 where it counts 元, a count per population typed with its population.
write_csv("14-magnitudes-in-unit-cells.csv", [
    ["地区", "指标", "年份", "数值", "单位"],
    R(["诸暨市", "保障性租赁住房累计建设筹集套(间)数", "2024", "11500", "套"], "met", ZJ, ZULIN, "1.15万套 ≥1.12", "2024"),
    R(["诸暨市", "基本养老保险参保人数", "2024", "842,500", "人"], "met", ZJ, PENSION, "84.25万人 ≥84.2", "2024"),
    R(["诸暨市", "开展职业技能培训累计数", "2024", "91000", "人次"], "met", ZJ, PEIXUN, "9.1万人次 ≥9 累计", "2024"),
    R(["诸暨市", "最低生活保障年标准", "2024", "1.44", "万元"], "met", ZJ, DIBAO, "14400元 >14000", "2024"),
    R(["诸暨市", "每千人口拥有3岁以下婴幼儿托位数", "2024", "4.4", "个/千人"], "met", ZJ, TUO, "the row's unit with its population", "2024"),
    R(["诸暨市", "城镇新增就业", "2024", "21000", "万人"], "on_track?|met?|error", ZJ, JIUYE, "21000万人: 人 typed as 万人 (2.1万)", "2024"),
    R(["诸暨市", "每万人老年人口拥有持证养老护理员数", "2024", "25", "人/万人"], "met|error", ZJ, HLY, "per 万 elderly: ≥24", "2024"),
])

# 15. A city's sheet with one column a county (the indicators down, the counties across), the
# year in the title: each county's cell is its reading.
write_csv("15-counties-as-columns.csv", [
    ["2024年各县（市、区）七优享指标完成情况"],
    ["指标", "单位", "诸暨市", "嵊泗县"],
    R(["普惠托位占比", "%", "66", ""], "met|error", ZJ, PUHUI, "诸暨 ≥65 (嵊泗 blank)", "2024"),
    R(["托位使用率", "%", "", "60"], "not_met|error", "shengsi", "childcare-place-utilization", "嵊泗 >63", "2024"),
    R(["人均预期寿命", "岁", "82.4", ""], "not_met|error", ZJ, LIFE, "诸暨 ≥82.45", "2024"),
])

# 16. A summary with one row a county and one column an indicator (名称 across, as a 汇总表 is
# laid out for print), the unit in each header.
write_csv("16-indicators-as-columns.csv", [
    ["地区", "年份", "普惠托位占比（%）", "人均预期寿命（岁）", "基本养老保险参保人数（万人）"],
    R(["诸暨市", "2024", "66", "82.4", "84.3"], [("2024", "met|error")], ZJ, PUHUI, "≥65; the row holds three readings"),
], )
EXPECTED.extend([
    ("16-indicators-as-columns.csv", "", "2", "2024", ZJ, LIFE, "not_met|error", "≥82.45"),
    ("16-indicators-as-columns.csv", "", "2", "2024", ZJ, PENSION, "met|error", "≥84.2"),
])



EXPECTED.sort(key=lambda e: (e[0], int(e[2]), e[3]))
with open("expected.tsv", "w", encoding="utf-8") as f:
    f.write("file\tsheet\tline\tperiod\tjurisdiction\tindicator\twant\twhy\n")
    for e in EXPECTED:
        f.write("\t".join(e) + "\n")
