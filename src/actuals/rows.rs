//! The header row and the rows under it: which column holds what (English or Chinese names),
//! and each record turned into an [`ActualRow`] or a located problem.

use super::{ActualRow, CellKind, Field, Implied, Record};
use crate::diag::{Diagnostic, echo, suggestion};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Jurisdiction,
    Indicator,
    Year,
    /// The period within the year (`1-6月`, `二季度`), read with the year column's year.
    Period,
    /// 口径: whether a value is year-to-date (累计) or for the period alone (当期).
    Basis,
    Value,
    Unit,
    Note,
    /// The indicator's printed name: read only when there is no indicator column.
    IndicatorName,
    /// The target as the sheet copies it beside the value (目标值): never judged against, but
    /// a value equal to it may be the target typed again.
    Target,
    /// The year's own new amount (`本年新增`) beside the running total, or alone.
    YearOwn,
    /// The running total (`累计完成`): the value, where a `本年新增` column is beside it.
    Total,
    /// The month's or the quarter's own figure (`本月完成`, `当季`): beside the running total it
    /// is read past; alone it is the value, for the period alone (当期).
    PeriodOwn,
    /// The sheet's own verdict on the row (`是否达标`: 是/否): never the verdict, but one that
    /// disagrees with it leaves the value in doubt.
    Claim,
    /// Columns a template carries for the reader's benefit (name, target, lead): read past.
    Ignored,
}

const HEADERS: &[(&str, Col)] = &[
    ("jurisdiction", Col::Jurisdiction),
    ("地区", Col::Jurisdiction),
    ("县市区", Col::Jurisdiction),
    ("地区名称", Col::Jurisdiction),
    ("indicator", Col::Indicator),
    ("指标", Col::Indicator),
    ("指标名称", Col::IndicatorName),
    ("year", Col::Year),
    ("年份", Col::Year),
    ("年度", Col::Year),
    ("年", Col::Year),
    ("月", Col::Period),
    ("period", Col::Period),
    ("期间", Col::Period),
    ("时期", Col::Period),
    ("报告期", Col::Period),
    ("统计期", Col::Period),
    ("统计期间", Col::Period),
    ("所属期", Col::Period),
    ("月份", Col::Period),
    ("季度", Col::Period),
    ("basis", Col::Basis),
    ("口径", Col::Basis),
    ("统计口径", Col::Basis),
    ("累计/当期", Col::Basis),
    ("value", Col::Value),
    ("数值", Col::Value),
    ("实际值", Col::Value),
    ("完成值", Col::Value),
    ("实际完成值", Col::Value),
    ("完成数", Col::Value),
    ("本期数值", Col::Value),
    ("本期值", Col::Value),
    ("本期数", Col::Value),
    ("本期完成", Col::Value),
    ("本月", Col::PeriodOwn),
    ("本月完成", Col::PeriodOwn),
    ("本月完成值", Col::PeriodOwn),
    ("本月数", Col::PeriodOwn),
    ("当月", Col::PeriodOwn),
    ("当月完成", Col::PeriodOwn),
    ("当月完成值", Col::PeriodOwn),
    ("当月数", Col::PeriodOwn),
    ("本季", Col::PeriodOwn),
    ("本季度", Col::PeriodOwn),
    ("本季完成", Col::PeriodOwn),
    ("本季度完成", Col::PeriodOwn),
    ("当季", Col::PeriodOwn),
    ("当季完成", Col::PeriodOwn),
    ("当季度完成", Col::PeriodOwn),
    ("填报值", Col::Value),
    ("计量单位", Col::Unit),
    ("本年新增", Col::YearOwn),
    ("当年新增", Col::YearOwn),
    ("今年新增", Col::YearOwn),
    ("年度新增", Col::YearOwn),
    ("本年新增数", Col::YearOwn),
    ("新增数", Col::YearOwn),
    ("累计", Col::Total),
    ("累计完成", Col::Total),
    ("累计数", Col::Total),
    ("累计值", Col::Total),
    ("累计完成数", Col::Total),
    ("累计完成值", Col::Total),
    ("说明", Col::Note),
    ("序号", Col::Ignored),
    ("区县", Col::Jurisdiction),
    // A city's summary names its column by the level of what it lists: `县（市、区）`.
    ("县", Col::Jurisdiction),
    ("县区", Col::Jurisdiction),
    ("县市", Col::Jurisdiction),
    // English templates' words beside qyx's own.
    ("region", Col::Jurisdiction),
    ("county", Col::Jurisdiction),
    ("district", Col::Jurisdiction),
    ("area", Col::Jurisdiction),
    ("actual", Col::Value),
    ("actualvalue", Col::Value),
    ("remarks", Col::Note),
    ("remark", Col::Note),
    ("notes", Col::Note),
    ("comments", Col::Note),
    ("unit", Col::Unit),
    ("单位", Col::Unit),
    ("note", Col::Note),
    ("备注", Col::Note),
    ("name", Col::IndicatorName),
    ("target", Col::Target),
    // `qyx template --period` writes what is due by the period's end beside the target.
    ("due", Col::Ignored),
    ("序时目标", Col::Ignored),
    ("目标", Col::Target),
    ("目标值", Col::Target),
    ("年度目标", Col::Target),
    ("目标任务", Col::Target),
    // A statistics bureau's sheet puts last year's figure and the change beside the value:
    // neither is this period's value, and neither is news to qyx (it has the history).
    ("上年同期", Col::Ignored),
    ("上年同期数", Col::Ignored),
    ("上年同期值", Col::Ignored),
    ("同期", Col::Ignored),
    ("同比", Col::Ignored),
    ("同比增减", Col::Ignored),
    ("同比增长", Col::Ignored),
    ("同比增幅", Col::Ignored),
    ("同比增速", Col::Ignored),
    ("环比", Col::Ignored),
    ("环比增减", Col::Ignored),
    ("环比增长", Col::Ignored),
    ("增减", Col::Ignored),
    ("增幅", Col::Ignored),
    // A department's own verdict beside its value, read to be compared with qyx's.
    ("是否达标", Col::Claim),
    ("达标情况", Col::Claim),
    ("达标与否", Col::Claim),
    ("是否完成", Col::Claim),
    ("是否完成目标", Col::Claim),
    ("自评", Col::Claim),
    ("自评结果", Col::Claim),
    ("自评情况", Col::Claim),
    // Its own verdict on the schedule: 是 is on it (or the year's target met), as qyx's
    // 进度正常 or 达标; 否 behind.
    ("是否达到序时进度", Col::Claim),
    ("是否达序时进度", Col::Claim),
    ("是否达到序时", Col::Claim),
    ("是否符合序时进度", Col::Claim),
    ("是否完成序时进度", Col::Claim),
    ("序时进度是否达到", Col::Claim),
    ("序时进度完成情况", Col::Claim),
    ("met", Col::Claim),
    ("lead", Col::Ignored),
    ("牵头单位", Col::Ignored),
    // The plan's area, as qyx's own report and a plan's table print it: the indicator says it.
    ("领域", Col::Ignored),
    ("所属领域", Col::Ignored),
    ("责任单位", Col::Ignored),
    ("indicator_name", Col::IndicatorName),
    // Other words clerks head the same columns with (a form's own: 考核指标, 完成情况, 统计时间).
    ("区域", Col::Jurisdiction),
    ("市县", Col::Jurisdiction),
    ("市县区", Col::Jurisdiction),
    ("区县市", Col::Jurisdiction),
    ("所属地区", Col::Jurisdiction),
    ("行政区", Col::Jurisdiction),
    ("行政区划", Col::Jurisdiction),
    ("区划", Col::Jurisdiction),
    ("地市", Col::Jurisdiction),
    ("设区市", Col::Jurisdiction),
    ("指标项", Col::IndicatorName),
    ("指标项目", Col::IndicatorName),
    ("指标内容", Col::IndicatorName),
    ("项目", Col::IndicatorName),
    ("统计时间", Col::Period),
    ("数据时间", Col::Period),
    ("时间", Col::Period),
    ("截止时间", Col::Period),
    ("截至时间", Col::Period),
    ("报送期", Col::Period),
    ("报表期", Col::Period),
    ("报告期间", Col::Period),
    ("填报期间", Col::Period),
    ("数据期", Col::Period),
    ("数据期间", Col::Period),
    ("统计月份", Col::Period),
    ("月度", Col::Period),
    ("考核期", Col::Period),
    // A year and a month, or the date the figures run to (see `as_of_header`).
    ("年月", Col::Period),
    ("统计年月", Col::Period),
    ("数据年月", Col::Period),
    ("所属年月", Col::Period),
    ("报告年月", Col::Period),
    ("截止日期", Col::Period),
    ("截至日期", Col::Period),
    ("统计截止时间", Col::Period),
    ("统计截至时间", Col::Period),
    ("统计截止日期", Col::Period),
    ("统计截至日期", Col::Period),
    ("数据截止时间", Col::Period),
    ("数据截至时间", Col::Period),
    ("数据截止日期", Col::Period),
    ("数据截至日期", Col::Period),
    ("统计日期", Col::Period),
    ("数据日期", Col::Period),
    ("截止月份", Col::Period),
    ("截至月份", Col::Period),
    ("实际完成", Col::Value),
    ("实际完成数", Col::Value),
    ("实际", Col::Value),
    ("实绩", Col::Value),
    ("完成量", Col::Value),
    ("完成数值", Col::Value),
    ("实现值", Col::Value),
    ("达到值", Col::Value),
    ("当前值", Col::Value),
    ("现状值", Col::Value),
    ("现值", Col::Value),
    ("指标值", Col::Value),
    ("统计值", Col::Value),
    ("统计数", Col::Value),
    ("监测值", Col::Value),
    ("上报值", Col::Value),
    ("上报数", Col::Value),
    ("报送值", Col::Value),
    ("报送数", Col::Value),
];

/// A header of a form's own wording that the list does not hold, by its form: a kind of
/// indicator (`考核指标`, `监测指标`, `主要指标`; not a property such as `约束性指标`, which
/// classifies the row, nor `计划指标` or `任务指标`, which are the targets' figures), a name (`县市区名称`, `区县名称`, `项目名称`: the name of a column qyx
/// knows as jurisdiction or indicator), or the value up to now (`截至目前完成`, `目前完成值`).
fn header_form(key: &str) -> Option<Col> {
    let known = |k: &str| HEADERS.iter().find(|(n, _)| *n == k).map(|(_, c)| *c);
    if let Some(kind) = key.strip_suffix("指标")
        && (1..=4).contains(&kind.chars().count())
        && !kind.ends_with('性')
        && !["计划", "任务", "预期", "下达", "分解"].contains(&kind)
        && known(kind).is_none()
    {
        return Some(Col::Indicator);
    }
    if let Some(of) = key.strip_suffix("名称")
        && let Some(c @ (Col::Jurisdiction | Col::Indicator | Col::IndicatorName)) = known(of)
    {
        return Some(c);
    }
    const NOW: [&str; 6] = [
        "截至目前",
        "截止目前",
        "截至当前",
        "截止当前",
        "目前",
        "当前",
    ];
    NOW.iter()
        .find_map(|p| key.strip_prefix(p))
        .filter(|rest| !rest.is_empty())
        .and_then(|rest| known(rest).or_else(|| known(&format!("实际{rest}"))))
        .filter(|c| *c == Col::Value)
}

/// A header as a clerk types it, reduced to its name: spaces inside (`年 份`, full-width too)
/// and a bracketed or starred tail (`数值（%）`, `地区(县市区)`, `数值*`) dropped.
fn header_key(key: &str) -> String {
    let mut k: String = key
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '＊')
        .collect();
    for open in ['(', '（', '[', '【'] {
        if let Some(i) = k.find(open)
            && i > 0
        {
            k.truncate(i);
        }
    }
    k
}

/// Whether a period column's header (as [`header_key`] gives it) says its cells are the date the
/// figures run to — 截止, 截至 (`统计截止时间`, `截至日期`) or the statistics' own time or date
/// (`统计时间`, `数据日期`) —, where a full date (`2024-10-31`) says "as of" and no more: a month's
/// end is the year to that month, as `截至2024年10月31日` is. Under `年份` or `期间` a date may be
/// the year's or the month's, and is the clerk's to say.
fn as_of_header(key: &str) -> bool {
    key.contains("截止")
        || key.contains("截至")
        || ["统计时间", "统计日期", "数据时间", "数据日期"].contains(&key)
}

/// A header that starts with a period (`2025年1-10月完成值`, `1-10月完成`, `2024年目标值`,
/// `四季度`, `十二月`, `2025年1-10月` alone): the period and what follows it. None where it starts with none (a
/// period has a year's 年, a month's 月, a quarter's 季 or a half's 半).
pub(super) fn period_prefix(text: &str) -> Option<(&str, &str)> {
    let end = text
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit() || "年月季度上下半前第全一二三四五六七八九十-—–~～至".contains(*c))
        })
        .map_or(text.len(), |(i, _)| i);
    // A period ends in 年, 月, 季 or 度: a numeral after it starts a name (`2025年七优享`).
    let end = text[..end]
        .rfind(['年', '月', '季', '度'])
        .map_or(end, |i| {
            i + text[i..].chars().next().map_or(0, char::len_utf8)
        });
    let (period, rest) = text.split_at(end);
    (period.contains(['年', '月', '季', '半'])
        && period
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十上下前第全".contains(c)))
    .then_some((period, rest))
}

/// What a ledger's running-total column is called after its period (`1-3月累计`, `1-10月合计`).
const RUNNING_TOTAL: &[&str] = &["累计", "累计完成", "累计数", "累计值", "累计完成值", "合计"];

/// What a column named after its period holds: `完成`, `完成值`, `实际值` … a value, `目标`,
/// `目标值` a target; None for anything else (a bare period is no column by itself: it may be
/// a group over `目标 | 完成`).
fn period_column(key: &str) -> Option<(&str, Col)> {
    let (period, rest) = period_prefix(key)?;
    let col = match rest {
        "完成" | "完成值" | "完成数" | "实际" | "实际值" | "实际完成" | "实际完成值" | "数值"
        | "完成情况" => Col::Value,
        // `1-3月累计`: the running total to the period's end is that period's value.
        r if RUNNING_TOTAL.contains(&r) => Col::Value,
        "目标" | "目标值" | "目标任务" => Col::Target,
        _ => return None,
    };
    Some((period, col))
}

/// A column a department works out from its value beside it, whose content qyx works out
/// itself and never reads: a rate of completion (`完成率`, `目标完成率`), the progress against the
/// schedule (`序时进度`), a light, a rank, a score (its own verdict, `是否达标`, is read: see
/// [`Col::Claim`]).
/// A bare `进度` or `完成情况` is not one: a milestone's row reports its progress there.
fn derived(key: &str) -> bool {
    const DERIVED: &[&str] = &[
        "完成率",
        "完成比例",
        "完成比",
        "完成进度",
        "目标完成率",
        "任务完成率",
        "年度完成率",
        "序时进度",
        "时序进度",
        "序时完成率",
        "评价",
        "预警",
        "预警等级",
        "亮灯",
        "亮灯情况",
        "红黄绿灯",
        "排名",
        "得分",
        "completionrate",
        "progress",
        "status",
    ];
    DERIVED.contains(&key)
}

/// A value column that corrects another (`修正后数值`, `核实后完成值`, `更正值`): a clerk who
/// revises a figure adds such a column beside the first (often hiding the first), and the
/// corrected figure is the report.
fn corrects_value(key: &str) -> bool {
    const BEFORE: [&str; 6] = ["修正后", "更正后", "调整后", "核实后", "修订后", "核定"];
    const ALONE: [&str; 6] = ["修正值", "修正数", "更正值", "更正数", "核实数", "核定数"];
    ALONE.contains(&key)
        || BEFORE.iter().any(|b| {
            key.strip_prefix(b)
                .is_some_and(|rest| HEADERS.iter().any(|(n, c)| *c == Col::Value && *n == rest))
        })
}

/// The first period a title names (`诸暨市卫生健康局2025年1-10月…情况表` → `2025年1-10月`): a
/// year of four digits and 年, and the months or quarter after it — never a date (`填报日期：
/// 2025年11月5日` is when the form was filled, not the period it reports).
fn period_in(title: &str) -> Option<&str> {
    title.char_indices().find_map(|(i, _)| {
        let b = title.as_bytes().get(i..i + 4)?;
        let starts = b.iter().all(u8::is_ascii_digit)
            && matches!(b[0], b'1' | b'2')
            && title[i + 4..].starts_with('年')
            && !title[..i].ends_with(|c: char| c.is_ascii_digit());
        if !starts {
            return None;
        }
        let (p, rest) = period_prefix(&title[i..])?;
        let date = p.ends_with(|c: char| c.is_ascii_digit())
            || rest
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with(['日', '号']);
        (!date).then_some(p)
    })
}

/// A jurisdiction typed as "this county" (`本县`, `全市`, `本区`): the one the form's title or
/// the sheet's name names.
fn this_jurisdiction(text: &str) -> bool {
    matches!(
        text,
        "本县" | "全县" | "本市" | "全市" | "本区" | "全区" | "本县（市、区）" | "本级"
    )
}

/// The column a header cell names (`key` lowercased): as typed, else reduced to its name
/// ([`header_key`]), else — a cell in two languages, `地区↵Region`, `数值/Value`, `年份 Year`, as
/// bilingual templates print them — the one column its parts agree on.
fn header_col(key: &str) -> Option<Col> {
    let known = |k: &str| HEADERS.iter().find(|(n, _)| *n == k).map(|(_, c)| *c);
    let key = pivot_field(key).unwrap_or(key);
    known(key)
        .or_else(|| known(&header_key(key)))
        .or_else(|| header_form(&header_key(key)))
        .or_else(|| {
            let mut parts = key
                .split(['\n', '/', '／', ' ', '\u{3000}'])
                .filter(|p| !p.trim().is_empty());
            let first = known(&header_key(parts.next()?))?;
            parts
                .all(|p| known(&header_key(p)) == Some(first))
                .then_some(first)
        })
}

/// Whether two header cells name the same column of those a row is read by (two value columns,
/// `数值` and `实际值`; two indicator columns): a sheet may hold one of each only.
pub(super) fn same_read_column(a: &str, b: &str) -> bool {
    let col = |t: &str| header_col(&trim_field(t).to_lowercase());
    match (col(a), col(b)) {
        (Some(x), Some(y)) => x == y && !matches!(x, Col::Ignored | Col::Target | Col::Note),
        _ => false,
    }
}

/// The field a pivot table's value column aggregates, where the aggregate of one row is that
/// row's value (`求和项:完成值`, `平均值项：数值`, `Sum of Actual`, `max of value`: Excel's and WPS's
/// names in a pivot exported or pasted as values). Not a count (`计数项:数值`, `Count of`): the
/// number of values is no value, and the column stays unknown.
fn pivot_field(key: &str) -> Option<&str> {
    const ZH: [&str; 4] = ["求和项", "平均值项", "最大值项", "最小值项"];
    const EN: [&str; 4] = ["sum of ", "average of ", "max of ", "min of "];
    ZH.iter()
        .find_map(|p| key.strip_prefix(p)?.strip_prefix([':', '：']))
        .or_else(|| EN.iter().find_map(|p| key.strip_prefix(p)))
        .map(str::trim)
        .filter(|f| !f.is_empty())
}

/// Whether a header cell names a column qyx knows (read or read past).
fn names_column(text: &str) -> bool {
    let key = trim_field(text);
    // A plain number (a row's year, `2024`) names no column: no header and no period column is
    // digits alone. Asked of every row (is it the header again?), so it is answered before the
    // header list is searched.
    if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let key = key.to_lowercase();
    header_col(&key).is_some() || period_column(&header_key(&key)).is_some()
}

/// A sheet named by a period without its year (`1月`, `一季度`, `1-6月`): that period.
fn sheet_period(sheet: &str) -> Option<&str> {
    let t = sheet.trim();
    let (p, rest) = period_prefix(t)?;
    (rest.is_empty() && !names_year(p) && crate::period::parse(p, Some(2000)).is_ok()).then_some(p)
}

/// Whether a period text names its year (`2025年1-10月`, `2025-10`): four digits first. `上半年`
/// and `下半年` hold 年 and name none.
fn names_year(p: &str) -> bool {
    p.get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
}

/// The year to date a ledger's period column ends, as a period text: a month (`3月`, `三月`)
/// from January to it (`1-3月`); a quarter, a half or a span from January as the year to its
/// end (`二季度累计`); a span from a later month (`4-6月`, one quarter's own)
/// none, as it is no ledger of running months.
fn year_to_date(p: &str) -> Option<String> {
    let t = p.trim();
    let (year, t) = match t.split_once('年') {
        Some((y, rest)) if y.len() == 4 && names_year(y) => (Some(y), rest),
        _ => (None, t),
    };
    let months = match t.strip_suffix("月份").or_else(|| t.strip_suffix('月')) {
        Some(m) if !m.contains(['-', '—', '~', '～', '至', '－']) => format!("1-{m}月"),
        _ => t.to_string(),
    };
    let with_year = |m: &str| match year {
        Some(y) => format!("{y}年{m}"),
        None => m.to_string(),
    };
    let read = crate::period::parse(&with_year(&months), year.is_none().then_some(2000)).ok()?;
    // `二季度` alone leaves open whether it is the quarter's own figure: 累计 says it.
    (read.first == 1).then(|| with_year(&format!("{months}累计")))
}

/// How many cells of a record name columns: a header names several, a form's title or its
/// 填报单位 line none.
pub(super) fn names_columns(rec: &Record) -> usize {
    let known = rec
        .cells
        .iter()
        .filter(|c| names_column(rec.text(c)))
        .count();
    // A ledger's periods (`指标 | 1月 | 2月 | 3月`) name columns beside a name qyx knows; alone
    // (`2024年 | 1-10月` under a title) they are no header.
    let periods = rec
        .cells
        .iter()
        .filter(|c| {
            let key = header_key(&trim_field(rec.text(c)).to_lowercase());
            period_prefix(&key).is_some_and(|(_, rest)| rest.is_empty())
        })
        .count();
    match known {
        0 => 0,
        k => k + periods,
    }
}

/// The unit a value column's header states in brackets (`数值（万人）`, `完成值(%)`,
/// `数值（单位：万人）`): the unit of every row whose unit cell is empty, as a unit column would
/// be. A bracketed word that is not a unit (`数值（填报）`) states none.
fn header_unit(text: &str) -> Option<String> {
    let t = text.trim();
    let open = t.find(['(', '（', '[', '【'])?;
    let inner = t[open..]
        .trim_start_matches(['(', '（', '[', '【'])
        .trim_end_matches([')', '）', ']', '】']);
    let inner = inner
        .strip_prefix("单位")
        .map_or(inner, |u| u.trim_start_matches([':', '：', ' ']))
        .trim();
    let is_unit =
        crate::unit::Unit::parse(inner).is_ok() || crate::unit::bare_magnitude(inner).is_some();
    (is_unit && !inner.is_empty()).then(|| inner.to_string())
}

/// A total row (合计, 小计, 全县总计 …) sums the rows above it: it reports no value of its own.
fn is_total(text: &str) -> bool {
    // A cell ending in a printable ASCII character other than `l` (an id, a number, a unit)
    // ends in neither 计/总 nor `total`: asked of every cell of every row, most end here.
    if text
        .as_bytes()
        .last()
        .is_some_and(|&b| b.is_ascii_graphic() && !matches!(b, b'l' | b'L'))
    {
        return false;
    }
    // Read from the end, without allocating: it is asked of every row's jurisdiction.
    let mut tail = text.chars().rev().filter(|c| !c.is_whitespace());
    let t = text.trim_end();
    matches!(
        (tail.next(), tail.next()),
        (Some('计'), Some('合' | '总' | '小' | '共')) | (Some('总'), Some('汇'))
    ) || t
        .len()
        .checked_sub(5)
        .and_then(|i| t.get(i..))
        // A pivot's `Total` / `Grand Total` (English Excel), `Subtotal`.
        .is_some_and(|end| end.eq_ignore_ascii_case("total"))
}

/// The header's meaning: which column holds what.
pub(super) struct Header<'a> {
    name: &'a str,
    sheet: Option<&'a str>,
    /// The column (character column or sheet column) of each header cell, for messages.
    width: u64,
    /// Where each kind of column is (the first, by position), found once for every row.
    at: [Option<usize>; COLS],
    /// The header's jurisdiction and indicator cells as typed: a row repeating them is the
    /// header printed again after a page break, and is passed over.
    repeated: [String; 2],
    /// The unit the value column's header states (`数值（万人）`).
    unit: Option<String>,
    /// The form's title and the sheet's name, where the header has no jurisdiction column (or a
    /// row types `本市`): the plan whose name it holds is the rows' jurisdiction.
    context: String,
    /// Whether the header has no jurisdiction column.
    no_jurisdiction: bool,
    /// The header's line (its lower row, for a header over two).
    line: u64,
    /// Whether the period column is headed as the date the figures run to (see
    /// [`as_of_header`]).
    period_as_of: bool,
    /// The period of every row, where the header has no year or period column: the value
    /// column's own (`1-10月完成值`, with the title's year) or the title's.
    period: Option<String>,
    /// Further value columns, each named by its period (`2025年1-10月` beside `2024年完成`).
    more: Vec<(usize, Over)>,
    /// The sheet is laid out across (no value column): each further column is a reading, and
    /// the row has none of its own.
    across: bool,
    /// A ledger's period columns beside its running total (`1月 | 2月 | 3月 | 累计`): each
    /// column and the year to date it ends (`2025年1-3月`, or `1-3月` beside a 年份 column).
    /// The total is read for the year to the last period a row has filled in; where a row
    /// leaves the total empty, that period's own cell is read, as its period (the column's own
    /// text, `2025年2月`: a level's reading, and a flow's is 存疑 where it matters, as any single
    /// month is).
    ledger: Vec<(usize, String, String)>,
    /// The value column a corrected one revises (`数值` beside `修正后数值`): read where the
    /// corrected cell is empty.
    fallback: Option<usize>,
    /// The `本年新增` column, and whether it is the only value the sheet gives.
    year_own: Option<usize>,
    only_year_own: bool,
    /// The jurisdiction and year cells above, for a row that leaves them blank.
    above: Above,
    /// The value column is the period's own figure (`本月完成` alone): the rows' basis is 当期
    /// where no 口径 column says otherwise.
    alone: bool,
    /// In a sheet without a jurisdiction column, the county a block of rows is under: its
    /// name alone on a row (`诸暨市`, `二、嵊泗县`), as a city's summary lays out its counties;
    /// and that row's line, which is no reading.
    heading: String,
    heading_line: u64,
}

/// The cells of the jurisdiction and year columns (in that order) a block of rows leaves
/// blank under the first: what a sheet with merged cells gives when saved as CSV (the text in
/// the top cell only), and how clerks lay out a sheet by hand. Each blank is the cell above's,
/// with a warning at the first of the run.
#[derive(Default)]
struct Above {
    /// The last filled cell's text, while the block lasts.
    text: [String; 2],
    /// Whether this record's cell is blank and takes the text above.
    down: [bool; 2],
    /// Whether the run that this record is in has been warned of.
    warned: [bool; 2],
    /// Whether the row above typed its cell (not taken from above).
    typed: [bool; 2],
    /// Whether the column was seen typed out row by row (the same text on two rows one under
    /// the other): its sheet has no merged cells there, so a blank in it is a cell left out,
    /// an error as ever, not a merge.
    per_row: [bool; 2],
}

// Not the period: a blank period is the whole year, as the README says, never the one above.
const FILLED_DOWN: [Col; 2] = [Col::Jurisdiction, Col::Year];

/// What a further value column stands for, beside the row's own cells: its period (`2024年完成`
/// beside `2025年1-10月`), or — a sheet laid out across — the indicator (`普惠托位占比（%）` over a
/// column, one row a county) or the jurisdiction (`诸暨市 | 嵊泗县` over columns, one row an
/// indicator) its header names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Over {
    Period(String),
    Indicator(String),
    Jurisdiction(String),
}

/// How many kinds of [`Col`] there are.
const COLS: usize = 15;

/// A column's header name in the language of the messages (both are accepted in a header).
fn col_name(c: Col) -> &'static str {
    use crate::i18n::pick;
    match c {
        Col::Jurisdiction => pick("地区", "jurisdiction"),
        Col::Indicator => pick("指标", "indicator"),
        Col::Year => pick("年份", "year"),
        Col::Period => pick("期间", "period"),
        Col::Basis => pick("口径", "basis"),
        Col::Value => pick("数值", "value"),
        Col::Unit => pick("单位", "unit"),
        Col::Note => pick("备注", "note"),
        Col::IndicatorName => pick("指标名称", "name"),
        Col::Target => pick("目标值", "target"),
        Col::YearOwn => pick("本年新增", "new this year"),
        Col::Total => pick("累计", "total"),
        Col::PeriodOwn => pick("本月", "this month alone"),
        Col::Claim => pick("是否达标", "met"),
        Col::Ignored => "",
    }
}

fn expected() -> &'static str {
    crate::i18n::pick(
        "应为 `地区,指标,年份,数值,单位,备注`（或 jurisdiction,indicator,year,value[,unit][,note]）",
        "expected `jurisdiction,indicator,year,value[,unit][,note]` (or 地区,指标,年份,数值,单位,备注)",
    )
}

impl<'a> Header<'a> {
    /// Maps the header; a missing or doubled column is fatal (no row could be read right), an
    /// unknown one a warning with "did you mean".
    pub(super) fn read(
        name: &'a str,
        sheet: Option<&'a str>,
        rec: &Record,
        problems: &mut Vec<Diagnostic>,
        title: &str,
    ) -> Result<Header<'a>, Diagnostic> {
        let at = |col: u64, m: String| Diagnostic::error(name, rec.line, col, m).in_sheet(sheet);
        let mut cols: Vec<Col> = Vec::new();
        // The period a value column is named after (`1-10月完成值`), and further columns of
        // values named by their periods (`2025年1-10月` beside `2024年完成`).
        let mut value_period: Option<String> = None;
        // Whether that column is a running total (`1-3月累计`): the period columns beside it
        // are each period's own figure, which it sums.
        let mut value_period_total = false;
        let mut periods: Vec<(usize, String)> = Vec::new();
        let mut unknown: Vec<(String, usize)> = Vec::new();
        let mut corrected: Option<usize> = None;
        // The first column a department works out from its value (`完成率`, `是否达标`).
        let mut derived_at: Option<(String, usize)> = None;
        for (i, cell) in rec.cells.iter().enumerate() {
            let key = rec
                .text(cell)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_lowercase();
            let short = header_key(&key);
            if corrects_value(&short) && corrected.is_none() {
                corrected = Some(i);
                cols.push(Col::Ignored);
                continue;
            }
            if header_col(&key).is_none() && derived(&short) {
                problems.push(
                    Diagnostic::warning(
                        name,
                        rec.line,
                        cell.column,
                        crate::tr!(
                            "`{}` 列不读取: 完成率、进度、排名和得分由 qyx 按数值和目标算出",
                            "the `{}` column is not read: qyx works out the rate, the progress, the rank and the score from the value and the target",
                            echo(rec.text(cell).trim())
                        ),
                    )
                    .in_sheet(sheet),
                );
                derived_at.get_or_insert((key.clone(), i + 1));
                cols.push(Col::Ignored);
                continue;
            }
            let dated = period_column(&short);
            let found = header_col(&key)
                .as_ref()
                .or(dated.as_ref().map(|(_, c)| c))
                .copied();
            let found = found.as_ref();
            // Periods side by side (`2024年完成 | 2025年1-10月`): each a value column of its own
            // period, read as a row each.
            let bare = period_prefix(&short).filter(|(_, rest)| rest.is_empty());
            if found.is_none()
                && let Some((p, _)) = bare
            {
                periods.push((i, p.to_string()));
                cols.push(Col::Ignored);
                continue;
            }
            if let Some((p, Col::Value)) = dated
                && found == Some(&Col::Value)
            {
                if value_period.is_some() && cols.contains(&Col::Value) {
                    periods.push((i, p.to_string()));
                    cols.push(Col::Ignored);
                    continue;
                }
                value_period = Some(p.to_string());
                value_period_total =
                    period_prefix(&short).is_some_and(|(_, rest)| RUNNING_TOTAL.contains(&rest));
            }
            match found.map(|c| ((), c)) {
                Some((_, c)) => {
                    // A second note column (`备注` twice, one for the checker's remarks) decides
                    // nothing: the first is the note, the second is said and left unread.
                    if *c == Col::Note
                        && let Some(first) = cols.iter().position(|x| x == c)
                    {
                        problems.push(
                            Diagnostic::warning(
                                name,
                                rec.line,
                                cell.column,
                                crate::tr!(
                                    "第二个 `{}` 列: 备注取第一个（第 {} 个字段），此列不读取",
                                    "a second `{}` column: the note is the first (field {}); this one is not read",
                                    echo(rec.text(cell).trim()),
                                    first + 1
                                ),
                            )
                            .in_sheet(sheet),
                        );
                        cols.push(Col::Ignored);
                        continue;
                    }
                    if !matches!(c, Col::Ignored | Col::Target)
                        && let Some(first) = cols.iter().position(|x| x == c)
                    {
                        return Err(at(
                            cell.column,
                            crate::tr!(
                                "第二个 `{}` 列（第一个是第 {2} 个字段 `{1}`）: 哪一列才是{3}？请改名或删去一列",
                                "a second `{}` column (the first is `{}`, field {}): which one holds the {}? rename or remove one",
                                echo(rec.text(cell).trim()),
                                echo(rec.text(&rec.cells[first]).trim()),
                                first + 1,
                                col_name(*c)
                            ),
                        ));
                    }
                    cols.push(*c)
                }
                None => {
                    if !key.is_empty() {
                        problems.push(
                            Diagnostic::warning(
                                name,
                                rec.line,
                                cell.column,
                                crate::tr!(
                                    "未知列 `{}`{}: 其中的值不会读取",
                                    "unknown column `{}`{}: its values are not read",
                                    echo(rec.text(cell).trim()),
                                    suggestion(&key, HEADERS.iter().map(|(n, _)| *n))
                                ),
                            )
                            .in_sheet(sheet),
                        );
                        unknown.push((key, i + 1));
                    }
                    cols.push(Col::Ignored);
                }
            }
        }
        // `本年新增 | 累计完成`: the total is the value, the year's own amount read beside it
        // (which a row's indicator takes is decided where the indicator is known); either alone
        // is the value. Beside a value column of its own, neither is read.
        let warn_at = |i: usize, m: String| {
            Diagnostic::warning(name, rec.line, rec.cells[i].column, m).in_sheet(sheet)
        };
        // A ledger's last column summing its periods (`1月 | 2月 | 3月 | 合计`) is its running
        // total; elsewhere `合计` is a column qyx does not know (a city's sum beside its
        // counties, `诸暨市 | 嵊泗县 | 合计`, is no county's reading).
        if periods.len() >= 2
            && !cols.contains(&Col::Value)
            && !cols.contains(&Col::Total)
            && let Some(&(_, field)) = unknown.iter().find(|(k, _)| is_total(k))
        {
            let column = rec.cells[field - 1].column;
            problems.retain(|d| !(d.line == rec.line && d.column == column));
            unknown.retain(|(_, f)| *f != field);
            cols[field - 1] = Col::Total;
        }
        let (mut year_own, mut only_year_own) = (None, false);
        let total = cols.iter().position(|c| *c == Col::Total);
        let own = cols.iter().position(|c| *c == Col::YearOwn);
        let value_is_total =
            !cols.contains(&Col::Value) && total.is_some() && own.is_none() && corrected.is_none();
        if cols.contains(&Col::Value) {
            for i in total.into_iter().chain(own) {
                cols[i] = Col::Ignored;
                problems.push(warn_at(
                    i,
                    crate::tr!(
                        "`{}` 列未读取: 数值取自 `{}` 列",
                        "the `{}` column is not read: the value is the `{}` column's",
                        echo(rec.text(&rec.cells[i]).trim()),
                        col_name(Col::Value)
                    ),
                ));
            }
        } else {
            if let Some(t) = total {
                cols[t] = Col::Value;
            }
            if let Some(o) = own {
                year_own = Some(o);
                only_year_own = total.is_none();
                cols[o] = if only_year_own {
                    Col::Value
                } else {
                    Col::Ignored
                };
            }
        }
        // `本月完成` beside `累计完成`: the month's own figure, read past; alone, the value, for
        // the period alone (当期).
        let mut alone = false;
        if let Some(i) = cols.iter().position(|c| *c == Col::PeriodOwn) {
            match cols.iter().position(|c| *c == Col::Value) {
                Some(v) => {
                    cols[i] = Col::Ignored;
                    problems.push(warn_at(
                        i,
                        crate::tr!(
                            "`{}` 列是本期当期数, 不读取: 数值取自 `{}` 列（年初至今的累计）",
                            "the `{}` column is the period's own figure and is not read: the value is the `{}` column's (the year to date)",
                            echo(rec.text(&rec.cells[i]).trim()),
                            echo(rec.text(&rec.cells[v]).trim())
                        ),
                    ));
                }
                None => {
                    cols[i] = Col::Value;
                    alone = true;
                }
            }
        }
        // The corrected column is the value; the one it revises is read only where no
        // correction is given, and the header says so.
        let mut fallback = None;
        if let Some(i) = corrected {
            if let Some(j) = cols.iter().position(|c| *c == Col::Value) {
                cols[j] = Col::Ignored;
                fallback = Some(j);
                let text = |k: usize| echo(rec.text(&rec.cells[k]).trim());
                problems.push(warn_at(
                    i,
                    crate::tr!(
                        "`{}` 是对 `{}` 的修正: 按修正后的值判定, 修正列为空的行按 `{1}` 判定",
                        "`{}` corrects `{}`: the corrected value is judged, and `{1}` where the corrected cell is empty",
                        text(i),
                        text(j)
                    ),
                ));
            }
            cols[i] = Col::Value;
        }
        if !cols.contains(&Col::Indicator)
            && let Some(i) = cols.iter().position(|c| *c == Col::IndicatorName)
        {
            cols[i] = Col::Indicator;
        }
        // What the title names stands for a column the header lacks: the county (a department's
        // 报表 for one county, or one sheet a county named after it) and the period (the value
        // column's own, `1-10月完成值`, with the title's year; else the title's).
        let title = title.trim();
        let no_jurisdiction = !cols.contains(&Col::Jurisdiction) && !title.is_empty();
        let dated = |p: String| match (names_year(&p), period_in(title)) {
            (true, _) => Some(p),
            (false, Some(t)) => t.split_once('年').map(|(y, _)| format!("{y}年{p}")),
            (false, None) => None,
        };
        let has_year = cols.contains(&Col::Year) || cols.contains(&Col::Period);
        // Further period columns are values only beside a value column named by its period
        // and with no year column; alone, a bare period is a group over `目标 | 完成`, and
        // beside a plain 数值 it is said, unread.
        let mut more = Vec::new();
        // A ledger a period a column (`指标 | 1月 | 2月 | 3月`, `1-3月 | 1-6月`, `一季度 | 二季度`)
        // with no value column: each column is a reading of its period, of the title's year or
        // the row's own (a 年份 column). Two or more, so that a lone period is still the group
        // over `目标 | 完成` it is in a header over two rows.
        let year_col = cols.contains(&Col::Year) && !cols.contains(&Col::Period);
        // A ledger a period a column with its running total (`1月 | 2月 | 3月 | 累计`): the
        // months hold each month's own figure, which the total sums; the total is the year to
        // the last month a row fills in, never the whole year the title names.
        let ledger: Vec<(usize, String, String)> =
            match value_is_total && value_period.is_none() && periods.len() >= 2 {
                true => periods
                    .iter()
                    .map(|(i, p)| {
                        let ytd = year_to_date(p)?;
                        match year_col && !names_year(p) {
                            true => Some((*i, ytd, p.clone())),
                            false => Some((*i, dated(ytd)?, dated(p.clone())?)),
                        }
                    })
                    .collect::<Option<Vec<_>>>()
                    .unwrap_or_default(),
                false => Vec::new(),
            };
        // The period columns beside a running total, named, and the total's header: what the
        // two warnings below say (the ledger's, and a total named by its period's).
        let period_names = || {
            let names: Vec<&str> = periods.iter().map(|(_, p)| p.as_str()).collect();
            names.join(crate::i18n::pick("、", ", "))
        };
        let total_at = cols.iter().position(|c| *c == Col::Value).unwrap_or(0);
        let total_header = || echo(rec.text(&rec.cells[total_at]).trim());
        if !ledger.is_empty() {
            problems.push(warn_at(
                total_at,
                crate::tr!(
                    "`{}` 列按截至每行最后一个有数的期间（{}）的累计数判定; 各期间列为当期数, 不单独判定",
                    "the `{}` column is judged as the year to date of the last period each row fills in ({}); the period columns are each period's own figure and are not judged alone",
                    total_header(),
                    period_names()
                ),
            ));
        }
        let by_period = !cols.contains(&Col::Value)
            && value_period.is_none()
            && periods.len() >= 2
            && periods
                .iter()
                .all(|(_, p)| (year_col && !names_year(p)) || dated(p.clone()).is_some());
        if by_period {
            let names: Vec<String> = periods.iter().map(|(_, p)| p.clone()).collect();
            problems.push(
                Diagnostic::warning(
                    name,
                    rec.line,
                    rec.cells.get(periods[0].0).map_or(1, |c| c.column),
                    crate::tr!(
                        "表头没有数值列: 每一列（{}）按期间读取, 单元格为该期间的数值",
                        "the header has no value column: each column ({}) is read as a period of its own, its cells that period's values",
                        names.join(crate::i18n::pick("、", ", "))
                    ),
                )
                .in_sheet(sheet),
            );
        }
        let summed = value_period_total && !periods.is_empty();
        if summed {
            problems.push(warn_at(
                periods[0].0,
                crate::tr!(
                    "期间列（{}）为各期当期数, 不单独判定: 数值取自累计列 `{}`",
                    "the period columns ({}) are each period's own figure and are not judged alone: the value is the running total's, `{}`",
                    period_names(),
                    total_header()
                ),
            ));
        }
        for (i, p) in periods {
            if !ledger.is_empty() || summed {
                continue;
            }
            if by_period {
                let p = match year_col && !names_year(&p) {
                    true => p,
                    false => dated(p.clone()).unwrap_or(p),
                };
                more.push((i, Over::Period(p)));
                continue;
            }
            match (value_period.is_some() && !has_year, dated(p.clone())) {
                (true, Some(p)) => more.push((i, Over::Period(p))),
                _ => problems.push(
                    Diagnostic::warning(
                        name,
                        rec.line,
                        rec.cells.get(i).map_or(1, |c| c.column),
                        crate::tr!(
                            "未知列 `{}`: 其中的值不会读取（按期间分列的数值, 请每列写明“完成值”, 如 `2024年完成值`）",
                            "unknown column `{}`: its values are not read (for values in a column a period, name each, e.g. `2024年完成值`)",
                            echo(&p)
                        ),
                    )
                    .in_sheet(sheet),
                ),
            }
        }
        let period = match value_period {
            _ if has_year || by_period => None,
            Some(p) => dated(p),
            // A workbook a sheet a month (`1月`, `2月` under a title of `2025年…`): the title's
            // year and the sheet's period.
            None => period_in(title).map(|p| match sheet.and_then(sheet_period) {
                Some(own) if p.len() == 7 && names_year(p) && p.ends_with('年') => {
                    format!("{p}{own}")
                }
                _ => p.to_string(),
            }),
        };
        // A sheet laid out across, with no value column: one row a county and a column an
        // indicator, or one row an indicator and a column a county. The columns qyx does not
        // know are the readings, named by their headers (the catalog and the plans decide
        // whether they name anything: an unknown name is an error at its cell). A header near a
        // column's name (`数直`) is a slip, not a reading: the header is refused as before.
        let lacks = |c: Col| !cols.contains(&c);
        let axis = match (lacks(Col::Indicator), lacks(Col::Jurisdiction)) {
            _ if !lacks(Col::Value) || !more.is_empty() => None,
            (true, false) => Some(Over::Indicator as fn(String) -> Over),
            (false, true) => Some(Over::Jurisdiction as fn(String) -> Over),
            _ => None,
        };
        let spellings = || HEADERS.iter().map(|(n, _)| *n);
        let slip = |k: &str| {
            // A sum's column (`诸暨市 | 嵊泗县 | 合计`) is one character from `累计` and no slip.
            !is_total(k)
                && (crate::diag::did_you_mean(k, spellings()).is_some()
                    || spellings().any(|s| one_char_off(k, s)))
        };
        let across = match axis {
            // Only where nothing else is missing: a sheet of definitions (`序号 | 指标 | 解释`)
            // lacks a year too, and is no report laid out across.
            Some(over)
                if (has_year || period.is_some())
                    && !unknown.is_empty()
                    && !unknown.iter().any(|(k, _)| slip(k)) =>
            {
                let mut fields: Vec<usize> = unknown.iter().map(|(_, f)| f - 1).collect();
                let columns: Vec<u64> = fields.iter().map(|i| rec.cells[*i].column).collect();
                problems.retain(|d| !(d.line == rec.line && columns.contains(&d.column)));
                // Counties across with their sum (`诸暨市 | 嵊泗县 | 合计`): the sum is no
                // county's figure, said once and not read.
                if lacks(Col::Jurisdiction) {
                    fields.retain(|i| {
                        let typed = rec.text(&rec.cells[*i]).trim();
                        let sum = is_total(typed);
                        if sum {
                            problems.push(warn_at(
                                *i,
                                crate::tr!(
                                    "`{}` 列是各地区之和, 不是任何一个地区的数值: 不读取",
                                    "the `{}` column sums the jurisdictions beside it and is no jurisdiction's figure: not read",
                                    echo(typed)
                                ),
                            ));
                        }
                        !sum
                    });
                }
                let names: Vec<String> = fields
                    .iter()
                    .map(|i| rec.text(&rec.cells[*i]).trim().to_string())
                    .collect();
                let columns: Vec<u64> = fields.iter().map(|i| rec.cells[*i].column).collect();
                problems.push(
                    Diagnostic::warning(
                        name,
                        rec.line,
                        columns[0],
                        crate::tr!(
                            "表头没有数值列: 每一列（{}）按{}读取, 单元格为该{1}的数值",
                            "the header has no value column: each column ({}) is read as a{} of its own, its cells that{1}'s values",
                            names.join(crate::i18n::pick("、", ", ")),
                            match lacks(Col::Indicator) {
                                true => crate::i18n::pick("指标", "n indicator"),
                                false => crate::i18n::pick("地区", " jurisdiction"),
                            }
                        ),
                    )
                    .in_sheet(sheet),
                );
                more.extend(fields.into_iter().zip(names.into_iter().map(over)));
                true
            }
            _ => by_period,
        };
        let mut missing = Vec::new();
        for c in [Col::Jurisdiction, Col::Indicator, Col::Year, Col::Value] {
            if across && lacks(c) && c != Col::Year {
                continue;
            }
            // A period column may carry the year itself (`2024年6月`).
            if cols.contains(&c)
                || (c == Col::Year && cols.contains(&Col::Period))
                || (c == Col::Jurisdiction && no_jurisdiction)
                || (c == Col::Year && (period.is_some() || by_period))
            {
                continue;
            }
            // A misspelt header is the likeliest reason a column is missing: name it.
            let spellings = HEADERS.iter().filter(|(_, x)| *x == c).map(|(n, _)| *n);
            let near = unknown
                .iter()
                .find_map(|(k, field)| {
                    crate::diag::did_you_mean(k, spellings.clone()).map(|s| (k, field, s))
                })
                .or_else(|| {
                    // Two Chinese characters with one mistyped (`指表`, `数直`: the same pinyin,
                    // the wrong candidate) are half wrong by edit distance, yet plainly meant.
                    unknown.iter().find_map(|(k, field)| {
                        spellings
                            .clone()
                            .find(|s| one_char_off(k, s))
                            .map(|s| (k, field, s))
                    })
                });
            let worked_out = derived_at.as_ref().filter(|_| c == Col::Value);
            missing.push(match (near, worked_out) {
                (_, Some((k, field))) => crate::tr!(
                    "{}（第 {field} 个字段 `{}` 是由数值算出的完成率或评价，不是数值本身: 请加一列实际完成的数值，如 `完成值`）",
                    "{} (field {field} `{}` is worked out from the value — a rate of completion or a verdict —, not the value: add a column of the value reached, e.g. `完成值`)",
                    col_name(c),
                    echo(k)
                ),
                (Some((k, field, s)), _) => crate::tr!(
                    "{}（第 {field} 个字段 `{}`: 是否想输入 `{s}`？）",
                    "{} (field {field} `{}`: did you mean `{s}`?)",
                    col_name(c),
                    echo(k)
                ),
                (None, None) => col_name(c).to_string(),
            });
        }
        if !missing.is_empty() {
            return Err(at(
                rec.cells.first().map_or(1, |c| c.column),
                crate::tr!(
                    "表头缺少 {}: {}",
                    "the header lacks {}: {}",
                    missing.join(", "),
                    expected()
                ),
            ));
        }
        let mut at = [None; COLS];
        for (i, c) in cols.iter().enumerate().rev() {
            at[*c as usize] = Some(i);
        }
        let typed = |c: Col| {
            at[c as usize]
                .and_then(|i| rec.cells.get(i))
                .map_or(String::new(), |x| rec.text(x).trim().to_string())
        };
        let repeated = [typed(Col::Jurisdiction), typed(Col::Indicator)];
        let unit = header_unit(&typed(Col::Value));
        let period_as_of = as_of_header(&header_key(&typed(Col::Period)));
        Ok(Header {
            name,
            sheet,
            width: cols.len() as u64,
            at,
            repeated,
            unit,
            context: title.to_string(),
            no_jurisdiction,
            line: rec.line,
            period_as_of,
            period,
            more,
            across,
            ledger,
            fallback,
            year_own,
            only_year_own,
            above: Above::default(),
            alone,
            heading: String::new(),
            heading_line: 0,
        })
    }

    /// Notes, before a record is read as rows, which of its jurisdiction and year cells
    /// are blank under a filled one in the same block (rows with an indicator, no total), and
    /// warns once a run: `地区为空: 沿用上方的 `诸暨市``. A row without an indicator (a blank
    /// line, a heading, a total) ends the block; a column typed out row by row (`诸暨市` on two
    /// rows one under the other) is never filled down: a blank there is a cell left out.
    pub(super) fn fill_down(&mut self, rec: &Record, problems: &mut Vec<Diagnostic>) {
        // A county's name alone on its row, in a sheet without a jurisdiction column: the rows
        // under it are that county's, until the next.
        if self.no_jurisdiction {
            let mut filled = rec
                .cells
                .iter()
                .map(|c| trim_field(rec.text(c)))
                .filter(|t| !t.is_empty());
            if let (Some(t), None) = (filled.next(), filled.next())
                && let Some(name) = county_heading(t)
            {
                self.heading.clear();
                self.heading.push_str(name);
                self.heading_line = rec.line;
                return;
            }
        }
        let at = self.at;
        let text = |c: Col| {
            at[c as usize]
                .and_then(|i| rec.cells.get(i))
                .map_or("", |x| trim_field(rec.text(x)))
        };
        let block =
            !text(Col::Indicator).is_empty() && !rec.cells.iter().any(|c| is_total(rec.text(c)));
        for (i, c) in FILLED_DOWN.into_iter().enumerate() {
            let Some(at) = at[c as usize] else { continue };
            let t = text(c);
            self.above.down[i] = false;
            if !block {
                self.above.text[i].clear();
                self.above.typed[i] = false;
            } else if !t.is_empty() {
                if self.above.text[i] != t {
                    self.above.text[i].clear();
                    self.above.text[i].push_str(t);
                } else if self.above.typed[i] {
                    self.above.per_row[i] = true;
                }
                self.above.warned[i] = false;
                self.above.typed[i] = true;
            } else if !self.above.text[i].is_empty()
                && !self.above.per_row[i]
                // A row that stops short lacks the cell, which is no blank: said as it was.
                && rec.cells.len() > at
                && self.find(Col::Value).is_none_or(|v| rec.cells.len() > v)
            {
                self.above.typed[i] = false;
                self.above.down[i] = true;
                if !self.above.warned[i] {
                    self.above.warned[i] = true;
                    let column = rec.cells.get(at).map_or(at as u64 + 1, |x| x.column);
                    problems.push(
                        Diagnostic::warning(
                            self.name,
                            rec.line,
                            column,
                            crate::tr!(
                                "{}为空: 此行及其下连续为空的行沿用上方的 `{}`（合并单元格另存为 CSV 时只有首行有字）；若不是，请填写",
                                "{} is blank: this row and the blank ones right under it take `{}` from above (a merged cell saved as CSV keeps its text in the top row only); if that is wrong, fill it in",
                                col_name(c),
                                crate::diag::echo(&self.above.text[i])
                            ),
                        )
                        .in_sheet(self.sheet),
                    );
                }
            } else {
                self.above.typed[i] = false;
            }
        }
    }

    fn find(&self, c: Col) -> Option<usize> {
        self.at[c as usize]
    }

    /// Whether the header has no jurisdiction column, the title naming the rows' county (not
    /// where the counties are the columns, `指标 | 诸暨市 | 嵊泗县`).
    pub(super) fn no_jurisdiction(&self) -> bool {
        self.no_jurisdiction
            && !(self.across && matches!(self.more.first(), Some((_, Over::Jurisdiction(_)))))
    }

    fn error(&self, line: u64, col: u64, m: String) -> Diagnostic {
        Diagnostic::error(self.name, line, col, m).in_sheet(self.sheet)
    }

    /// Turns a record into a row, or a problem that costs this row only.
    /// How many rows each record is: one, and one more a further period column.
    pub(super) fn readings(&self) -> usize {
        usize::from(!self.across) + self.more.len()
    }

    /// Turns a record into its `k`th row (the `k`th period column's value, where the sheet has
    /// periods side by side), or a problem that costs this row only.
    pub(super) fn row<'r>(
        &'r self,
        rec: &'r Record,
        problems: &mut Vec<Diagnostic>,
        k: usize,
    ) -> Option<ActualRow<'r>> {
        let more = match self.across {
            true => self.more.get(k),
            false => k.checked_sub(1).and_then(|k| self.more.get(k)),
        };
        let line = rec.line;
        if line == self.heading_line {
            return None;
        }
        if let Some((n, col)) = rec.last_filled
            && n > self.width
        {
            problems.push(self.error(
                line,
                col,
                crate::tr!(
                    "此行第 {n} 个字段有内容，但表头只有 {} 列: 是否某个值中的逗号没有加引号（写成 1234 或 \"1,234\"）？此行已跳过",
                    "this row has text in field {n}, but the header has {} columns: is a value's comma unquoted (write 1234 or \"1,234\")? the row is skipped",
                    self.width
                ),
            ));
            return None;
        }
        let cell = |c: Col| self.find(c).and_then(|i| rec.cells.get(i));
        let typed_field = |c: Col| match cell(c) {
            // A leading `'` is Excel's mark for "keep this as text", not part of the value.
            Some(x) => Field {
                text: excel_text(
                    trim_field(rec.text(x))
                        .trim_start_matches('\'')
                        .trim_start(),
                ),
                column: x.column,
            },
            // A short row: point past its last field.
            None => Field {
                text: "",
                column: rec.cells.last().map_or(1, |x| x.column + 1),
            },
        };
        // A blank under a block's filled cell takes its text (see [`Header::fill_down`]).
        let field = |c: Col| {
            let f = typed_field(c);
            match FILLED_DOWN.iter().position(|d| *d == c) {
                Some(i) if f.text.is_empty() && self.above.down[i] => Field {
                    text: &self.above.text[i],
                    column: f.column,
                },
                _ => f,
            }
        };
        // A quoted value that runs over lines and holds commas swallowed the rows after it (a
        // name typed with Alt+Enter has a line break, but never a comma and a line break).
        if let Some((q_line, q_col, last)) = rec.spans
            && [
                Col::Jurisdiction,
                Col::Indicator,
                Col::Year,
                Col::Value,
                Col::Unit,
            ]
            .into_iter()
            .any(|c| {
                cell(c).is_some_and(|x| rec.text(x).contains('\n') && rec.text(x).contains(','))
            })
        {
            problems.push(self.error(
                q_line,
                q_col,
                crate::tr!(
                    "此处开始的引号 `\"` 直到第 {last} 行才闭合: 第 {line}–{last} 行被读成一行并已跳过；请补上引号",
                    "the quote `\"` opened here closes only on line {last}: lines {line}–{last} were read as one row and are skipped; close the quote"
                ),
            ));
            return None;
        }
        for c in [Col::Year, Col::Value] {
            if let Some(x) = cell(c)
                && (x.kind == CellKind::Date || x.kind == CellKind::YearStart && c != Col::Year)
            {
                let shown = match x.kind {
                    CellKind::YearStart => format!("{}-01-01", rec.text(x)),
                    _ => rec.text(x).to_string(),
                };
                problems.push(self.error(
                    line,
                    x.column,
                    crate::tr!(
                        "{1}单元格中是日期（{0}）: 请把单元格设为数字或文本格式{2}",
                        "a date ({}) in the {} cell: format the cell as a number or text{}",
                        shown,
                        col_name(c),
                        if c == Col::Year {
                            crate::i18n::pick(
                                "，并填入年份，如 2024",
                                " and type the year, e.g. 2024",
                            )
                        } else {
                            ""
                        }
                    ),
                ));
                return None;
            }
        }
        // The title's county for a sheet without a jurisdiction column, or for `本市`/`全县`.
        let typed = field(Col::Jurisdiction);
        let typed_jurisdiction = typed.text;
        let implied = match (self.no_jurisdiction, this_jurisdiction(typed.text), more) {
            // A sheet laid out with a county a column names each value's county.
            (_, _, Some((_, Over::Jurisdiction(_)))) => Implied::No,
            // Under a county's heading: its name, as if typed in the row.
            (true, _, _) if !self.heading.is_empty() => Implied::No,
            _ if self.context.is_empty() => Implied::No,
            (true, _, _) => Implied::Sheet { header: self.line },
            (false, true, _) => Implied::ThisOne,
            (false, false, _) => Implied::No,
        };
        let jurisdiction = match (more, implied) {
            (Some((i, Over::Jurisdiction(j))), _) => Field {
                text: j,
                column: rec.cells.get(*i).map_or(1, |x| x.column),
            },
            (_, Implied::No) if self.no_jurisdiction && !self.heading.is_empty() => Field {
                text: &self.heading,
                column: 1,
            },
            (_, Implied::No) => typed,
            (_, Implied::ThisOne) => Field {
                text: &self.context,
                column: typed.column,
            },
            (_, Implied::Sheet { .. }) => Field {
                text: &self.context,
                column: 1,
            },
        };
        let value = match more.and_then(|(i, _)| rec.cells.get(*i)) {
            Some(x) => Field {
                text: trim_field(rec.text(x)),
                column: x.column,
            },
            None => match (
                field(Col::Value),
                self.fallback.and_then(|j| rec.cells.get(j)),
            ) {
                (v, Some(x)) if v.text.is_empty() => Field {
                    text: excel_text(
                        trim_field(rec.text(x))
                            .trim_start_matches('\'')
                            .trim_start(),
                    ),
                    column: x.column,
                },
                (v, _) => v,
            },
        };
        // A blank cell of a sheet laid out across is a reading not made (a county without
        // the indicator in its plan), not a row.
        if self.across && value.text.is_empty() {
            return None;
        }
        // A period column without its year (`1月` in a ledger with a 年份 column) is the row's
        // year's: the year from its cell, the period from the column.
        let own_year = match more {
            Some((_, Over::Period(p))) if !names_year(p) && self.find(Col::Year).is_some() => {
                Some(Field {
                    text: p.as_str(),
                    column: value.column,
                })
            }
            _ => None,
        };
        // A ledger's total: the year to the last period this row fills in; with the total
        // left empty, that period's own cell, as its own period — and for that period alone
        // (当期), as the ledger's columns are each period's own figure, which the total sums:
        // read as the year to date, a flow's October would be judged as its whole year so far.
        let mut value = value;
        let mut own_cell = false;
        let last_filled = match more {
            None => self.ledger.iter().rev().find_map(|(i, ytd, own)| {
                let cell = rec.cells.get(*i)?;
                let typed = trim_field(rec.text(cell));
                if typed.is_empty() || crate::actuals::value::is_no_data(typed) {
                    return None;
                }
                if !value.text.is_empty() {
                    return Some(ytd.as_str());
                }
                value = Field {
                    text: typed,
                    column: cell.column,
                };
                own_cell = true;
                Some(own.as_str())
            }),
            Some(_) => None,
        };
        let own_year = match last_filled {
            Some(p) if !names_year(p) && self.find(Col::Year).is_some() => Some(Field {
                text: p,
                column: value.column,
            }),
            _ => own_year,
        };
        let year = match (more, &self.period) {
            _ if own_year.is_some() => field(Col::Year),
            _ if last_filled.is_some() => Field {
                text: last_filled.unwrap_or_default(),
                column: value.column,
            },
            (Some((_, Over::Period(p))), _) | (_, Some(p)) => Field {
                text: p,
                column: value.column,
            },
            _ => field(Col::Year),
        };
        let indicator = match more {
            Some((_, Over::Indicator(n))) => Field {
                text: n,
                column: value.column,
            },
            _ => field(Col::Indicator),
        };
        let row = ActualRow {
            line,
            jurisdiction,
            indicator,
            year,
            period: own_year.or_else(|| {
                self.find(Col::Period)
                    .map(|_| field(Col::Period))
                    .filter(|f| !f.text.is_empty())
            }),
            basis: self
                .find(Col::Basis)
                .map(|_| field(Col::Basis))
                .filter(|f| !f.text.is_empty())
                .or_else(|| {
                    ((self.alone && more.is_none()) || own_cell).then_some(Field {
                        text: "当期",
                        column: value.column,
                    })
                }),
            value,
            unit: self
                .find(Col::Unit)
                .map(|_| field(Col::Unit))
                .filter(|f| !f.text.is_empty())
                .or_else(|| {
                    self.unit.as_deref().map(|text| Field {
                        text,
                        column: field(Col::Value).column,
                    })
                }),
            note: self
                .find(Col::Note)
                .map(|_| field(Col::Note).text)
                .filter(|t| !t.is_empty()),
            target: self
                .find(Col::Target)
                .map(|_| field(Col::Target))
                .filter(|f| !f.text.is_empty()),
            hidden: Default::default(),
            claim: self
                .find(Col::Claim)
                .filter(|_| more.is_none())
                .map(|_| field(Col::Claim))
                .filter(|f| !f.text.is_empty()),
            year_own: self
                .year_own
                .filter(|_| more.is_none())
                .and_then(|i| rec.cells.get(i))
                .map(|x| Field {
                    text: trim_field(rec.text(x)),
                    column: x.column,
                }),
            only_year_own: self.only_year_own,
            period_as_of: self.period_as_of,
            implied,
        };
        // `#N/A` where a name or a year belongs: a lookup formula that found nothing.
        if let Some(f) = [&row.jurisdiction, &row.indicator, &row.year]
            .into_iter()
            .find(|f| super::value::formula_error(f.text))
        {
            problems.push(self.error(
                line,
                f.column,
                crate::tr!(
                    "`{}` 是表格公式的错误值: 请修正公式（如查找不到的名称），此行已跳过",
                    "`{}` is a spreadsheet formula error: fix the formula (a lookup that found nothing?); the row is skipped",
                    crate::diag::echo(f.text)
                ),
            ));
            return None;
        }
        // The header again (after a page break, or where two sheets were pasted together), or
        // in the other language (`jurisdiction,indicator,year,value` under `地区,指标,年份,数值`).
        // Compared as typed: a sheet without a jurisdiction column names the title's county on
        // every row, its header's (absent) cell included.
        if typed_jurisdiction == self.repeated[0] && row.indicator.text == self.repeated[1]
            // The year first: a data row's is a number, answered at once.
            || [&row.year, &row.jurisdiction, &row.indicator]
                .iter()
                .all(|f| names_column(f.text))
        {
            return None;
        }
        // A form's footer (`制表人：张三`, `审核人：李四  填报日期：…`, `注：数据截至12月底`, a
        // cell or a few, each a label and its value): no row, and no reason to fail the file.
        // Counted, then read, without collecting them: every row asks.
        let filled = || {
            rec.cells
                .iter()
                .map(|c| rec.text(c))
                .filter(|t| !blank(t))
                .take(5)
        };
        let filled_cells = filled().count();
        if (1..=4).contains(&filled_cells) && filled().all(form_note) {
            return None;
        }
        // A section's heading between blocks of rows (`二、病有良医`, `（三）住有宜居`), alone on
        // its row: the blocks' titles of a sheet laid out by area, no indicator of its own.
        if filled_cells == 1 && filled().all(section_heading) {
            return None;
        }
        let when = row.period.as_ref().unwrap_or(&row.year);
        let empty = [&row.jurisdiction, &row.indicator, when]
            .into_iter()
            .find(|f| f.text.is_empty());
        // A total row, its word in the jurisdiction column or in a 序号 column before it.
        let total = (empty.is_some()
            || !row.jurisdiction.text.is_empty() && is_total(row.jurisdiction.text))
        .then(|| {
            rec.cells
                .iter()
                .take(self.find(Col::Jurisdiction).unwrap_or(0) + 1)
                .find(|c| is_total(rec.text(c)))
        })
        .flatten();
        if let Some(cell) = total {
            // A total with a value of its own is still said: a county's own figure is sometimes
            // typed as its towns' 合计, and a row passed over in silence is a row lost.
            if !row.value.text.is_empty() {
                problems.push(
                    Diagnostic::warning(
                        self.name,
                        line,
                        cell.column,
                        crate::tr!(
                            "合计行 `{}` 未判断: 合计行不是某一地区的上报值; 若它是本地区的数值, 请在地区列写上地区名",
                            "total row `{}` not judged: a total is no jurisdiction's report; if it is this jurisdiction's figure, write the jurisdiction's name",
                            rec.text(cell).trim()
                        ),
                    )
                    .in_sheet(self.sheet),
                );
            }
            return None;
        }
        // A row that stops short (a line cut off, a value on the next line) lacks fields, not
        // their text: name what it lacks.
        let absent: Vec<String> = [
            Col::Jurisdiction,
            Col::Indicator,
            Col::Year,
            Col::Period,
            Col::Value,
        ]
        .into_iter()
        .filter(|c| self.find(*c).is_some_and(|i| i >= rec.cells.len()))
        .map(|c| col_name(c).to_string())
        .collect();
        if empty.is_some() && !absent.is_empty() {
            let mut m = crate::tr!(
                "此行只有 {} 个字段，表头有 {} 列: 缺少 {}；此行已跳过",
                "this row has {} fields where the header has {}: it lacks {}; the row is skipped",
                rec.cells.len(),
                self.width,
                absent.join(crate::i18n::pick("、", ", "))
            );
            m.push_str(&other_delimiter(
                rec,
                usize::try_from(self.width).unwrap_or(usize::MAX),
            ));
            problems.push(self.error(line, rec.cells.last().map_or(1, |x| x.column), m));
            return None;
        }
        if let Some(f) = empty {
            problems.push(self.error(
                line,
                f.column,
                crate::tr!(
                    "字段为空: 每行都需要地区、指标和年份",
                    "empty field: every row needs a jurisdiction, an indicator and a year"
                ),
            ));
            return None;
        }
        Some(row)
    }
}

/// A county's name alone on a row, as a block's heading in a sheet without a jurisdiction
/// column (`诸暨市`, `二、嵊泗县`, `温州市龙湾区：`): the name. Short, ending in 市, 县 or 区, with no
/// figure — an indicator alone on a row with its value left empty (`建成老年友好城市`) is longer.
fn county_heading(text: &str) -> Option<&str> {
    let t = trim_field(text);
    let t = match t.split_once(['、', '．', '.']) {
        Some((n, rest))
            if !n.is_empty()
                && n.chars()
                    .all(|c| "一二三四五六七八九十".contains(c) || c.is_ascii_digit()) =>
        {
            rest
        }
        _ => t,
    };
    let t = t.trim().trim_end_matches([':', '：']).trim();
    let n = t.chars().count();
    ((2..=6).contains(&n)
        && t.ends_with(['市', '县', '区'])
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
        && !is_total(t)
        && !this_jurisdiction(t))
    .then_some(t)
}

/// Whether a lone cell is a section's heading: an area of the plans (`病有良医`, `二、病有良
/// 医`, `（二）病有良医领域`), or a short title numbered in Chinese (`三、民生实事`, `（一）托育`)
/// with no figure in it. An indicator numbered so (`一、每千人口拥有3岁以下婴幼儿托位数`) is
/// longer or holds a figure, and stays a row.
fn section_heading(text: &str) -> bool {
    let t = trim_field(text);
    let numbered = |t: &str| -> Option<usize> {
        let inner = t
            .strip_prefix(['（', '('])
            .and_then(|r| r.split_once(['）', ')']))
            .map(|(n, _)| n);
        let n = match inner {
            Some(n) => n,
            None => t.split_once(['、', '．'])?.0,
        };
        (!n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
            .then(|| t.find(n).map_or(0, |i| i + n.len()))
    };
    let rest = match numbered(t) {
        Some(at) => t[at..].trim_start_matches(['、', '．', '）', ')', ' ', '\u{3000}']),
        None => t,
    };
    // The plans' areas (七优享, and their 民生实事 / 重大项目 sections).
    let is_area = crate::plan::schema::Domain::ALL.iter().any(|a| {
        rest.strip_prefix(a.zh())
            .is_some_and(|r| matches!(r, "" | "领域" | "方面" | "类" | "篇"))
    });
    is_area
        || numbered(t).is_some()
            && (1..=10).contains(&rest.chars().count())
            && !rest.chars().any(|c| c.is_ascii_digit())
}

/// Whether a lone cell is a form's label and its value (`制表人：张三`, `填报日期: 2025-01-10`,
/// `注：…`): a short label of letters, then a colon.
fn form_note(text: &str) -> bool {
    let t = trim_field(text);
    t.split_once(['：', ':']).is_some_and(|(label, _)| {
        let n = label.trim().chars().count();
        (1..=8).contains(&n) && label.trim().chars().all(|c| c.is_alphabetic() || c == ' ')
    })
}

/// For a row read as one field that holds the header's columns split by another delimiter (a
/// tab-separated header over comma-separated rows, files pasted together): which one.
fn other_delimiter(rec: &Record, width: usize) -> String {
    let [only] = rec.cells.as_slice() else {
        return String::new();
    };
    let text = rec.text(only);
    let names = [
        (',', "逗号", "commas"),
        (';', "分号", "semicolons"),
        ('\t', "制表符", "tabs"),
        ('|', "竖线", "`|`"),
    ];
    names
        .iter()
        .find(|(d, ..)| width >= 2 && text.matches(*d).count() + 1 >= width)
        .map(|(_, zh, en)| {
            crate::tr!(
                "（此行以{zh}分隔，表头却不是: 请让每一行用同一种分隔符）",
                " (this row is separated by {en}, the header is not: separate every line alike)"
            )
        })
        .unwrap_or_default()
}

/// A field as Excel's keep-as-text formula writes it, `="2024"` (a script's or an export's way to
/// stop Excel reading 2024 as a number or a date): the text inside the quotes.
fn excel_text(text: &str) -> &str {
    text.strip_prefix("=\"")
        .and_then(|t| t.strip_suffix('"'))
        .filter(|t| !t.contains('"'))
        .unwrap_or(text)
}

/// Whether two names of the same length, two characters or more, differ in exactly one
/// character.
fn one_char_off(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars().count() >= 2
        && a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() == 1
}

/// A field without the white space around it and the invisible characters a copy from a web page
/// or a Word table brings along (zero-width spaces and joiners, a BOM in mid-file): `诸暨市\u{200b}`
/// is 诸暨市 to whoever typed it.
pub(super) fn trim_field(text: &str) -> &str {
    if plain_ends(text) {
        return text;
    }
    text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
    })
}

/// Whether a text starts and ends with a character no trim takes off, known from a byte or
/// three at each end: a printable ASCII character, or a CJK ideograph (U+4000–U+9FFF, three
/// bytes led by 0xE4–0xE9), which is most cells of a sheet — where decoding the end characters
/// and asking each whether it is white space was, a few cells a row, 4 % of `check`.
fn plain_ends(text: &str) -> bool {
    let b = text.as_bytes();
    let printable = |c: u8| (0x21..=0x7E).contains(&c);
    let ideograph_lead = |c: u8| (0xE4..=0xE9).contains(&c);
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    let starts = printable(first) || ideograph_lead(first);
    // A string's last byte is a character's last: a lead byte three back begins that character.
    let ends = printable(last) || (b.len() >= 3 && ideograph_lead(b[b.len() - 3]));
    starts && ends
}

/// Whether a cell holds nothing but white space ([`str::trim`]'s).
fn blank(text: &str) -> bool {
    !plain_ends(text) && text.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(line: u64, cells: &[&str]) -> Record {
        let mut r = Record {
            line,
            fields: cells.len() as u64,
            ..Record::default()
        };
        for (i, c) in cells.iter().enumerate() {
            r.push(c, i as u64 + 1, CellKind::Text);
            if !c.is_empty() {
                r.last_filled = Some((i as u64 + 1, i as u64 + 1));
            }
        }
        r
    }

    fn header(cells: &[&str]) -> Result<(Vec<Diagnostic>, usize), Diagnostic> {
        let mut p = Vec::new();
        Header::read("a.csv", None, &rec(1, cells), &mut p, "").map(|h| (p, h.width as usize))
    }

    /// The period headers that say their cells are the date the figures run to; a period
    /// header that says no such thing leaves a date the clerk's to explain.
    #[test]
    fn as_of_headers() {
        for (typed, as_of) in [
            ("统计截止时间", true),
            ("截至日期", true),
            ("数据截止日期（年月日）", true),
            ("统计时间", true),
            ("数据日期", true),
            ("截止月份", true),
            ("年份", false),
            ("期间", false),
            ("年月", false),
            ("时间", false),
            ("统计期间", false),
        ] {
            let key = header_key(&typed.to_lowercase());
            assert!(
                matches!(header_col(&key), Some(Col::Period | Col::Year)),
                "{typed}"
            );
            assert_eq!(as_of_header(&key), as_of, "{typed}");
        }
    }

    #[test]
    fn header_problems() {
        let err = header(&["地区", "指标", "年份"]).unwrap_err();
        assert!(err.message.contains("lacks value"), "{err}");
        let err = header(&["jurisdiction", "indicator", "year", "value", "数值"]).unwrap_err();
        assert_eq!(err.column, 5);
        assert!(err.message.contains("a second `数值` column"), "{err}");
        let err = header(&["jurisdction", "indicator", "year", "vaule"]).unwrap_err();
        assert!(
            err.message
                .contains("jurisdiction (field 1 `jurisdction`: did you mean `jurisdiction`?)")
                && err
                    .message
                    .contains("value (field 4 `vaule`: did you mean `value`?)"),
            "{err}"
        );
        let (p, _) = header(&["jurisdiction", "indicatr", "indicator", "year", "value"]).unwrap();
        assert_eq!(p.len(), 1);
        assert!(
            p[0].message.contains("did you mean `indicator`"),
            "{}",
            p[0]
        );
    }

    #[test]
    fn rows_and_their_problems() {
        let mut p = Vec::new();
        let h = Header::read(
            "a.csv",
            None,
            &rec(1, &["jurisdiction", "indicator", "year", "value"]),
            &mut p,
            "",
        )
        .unwrap();
        let two = rec(2, &["zhuji", "x", "2024", ""]);
        let r = h.row(&two, &mut p, 0).unwrap();
        assert_eq!(r.value.text, "");
        assert!(
            h.row(&rec(3, &["zhuji", "x", "2024", "1", "", "9"]), &mut p, 0)
                .is_none()
        );
        assert!(p[0].message.contains("field 6"), "{}", p[0]);
        assert!(
            h.row(&rec(4, &["zhuji", "", "2024", "1"]), &mut p, 0)
                .is_none()
        );
        assert_eq!((p[1].line, p[1].column), (4, 2));
    }

    #[test]
    fn a_form_around_the_table() {
        for (typed, unit) in [
            ("数值（万人）", Some("万人")),
            ("完成值(%)", Some("%")),
            ("数值（单位：万人）", Some("万人")),
            ("数值【万】", Some("万")),
            ("数值（填报）", None),
            ("数值", None),
            ("数值()", None),
        ] {
            assert_eq!(header_unit(typed).as_deref(), unit, "{typed}");
        }
        for (typed, total) in [
            ("合计", true),
            ("合 计", true),
            ("全县合计", true),
            ("小计", true),
            ("汇总", true),
            ("诸暨市 汇总", true),
            ("Grand Total", true),
            ("total ", true),
            ("Subtotal", true),
            ("Totalis", false),
            ("总计 ", true),
            ("诸暨市", false),
            ("计", false),
            ("", false),
            // Past the fast path's last byte: ids, numbers, a vertical tab after a total.
            ("TOTAL", true),
            ("合计\u{b}", true),
            ("合计\u{3000}", true),
            ("zhuji_004", false),
            ("12.5", false),
            ("合计.", false),
            ("Total)", false),
        ] {
            assert_eq!(is_total(typed), total, "{typed}");
        }
        for (typed, heading) in [
            ("二、病有良医", true),
            ("（三）住有宜居", true),
            ("(一)幼有善育领域", true),
            ("病有良医", true),
            ("老有康养方面", true),
            ("三、民生实事", true),
            ("十一、其他", true),
            // An indicator numbered in Chinese is long or holds a figure; other text is no heading.
            ("一、每千人口拥有3岁以下婴幼儿托位数", false),
            ("二、城镇新增就业人数（万人）", false),
            ("四、2025年目标", false),
            ("人均预期寿命", false),
            ("幼有善育、学有优教", false),
            ("病有良医指数", false),
            ("、", false),
            ("", false),
        ] {
            assert_eq!(section_heading(typed), heading, "{typed}");
        }
        for (typed, county) in [
            ("诸暨市", Some("诸暨市")),
            ("二、嵊泗县", Some("嵊泗县")),
            ("3.龙湾区", Some("龙湾区")),
            ("温州市龙湾区：", Some("温州市龙湾区")),
            (" 越城区 ", Some("越城区")),
            ("建成老年友好城市", None),
            ("全市", None),
            ("本县", None),
            ("合计", None),
            ("店口镇", None),
            ("病有良医", None),
            ("2025年诸暨市", None),
            ("市", None),
        ] {
            assert_eq!(county_heading(typed), county, "{typed}");
        }
        assert_eq!(names_columns(&rec(1, &["2024年七优享指标完成情况表"])), 0);
        assert_eq!(
            names_columns(&rec(1, &["填报单位：诸暨市", "", "填报日期：2025-01-10"])),
            0
        );
        assert_eq!(
            names_columns(&rec(1, &["序号", "地区", "指 标", "年份", "数值（万人）"])),
            5
        );
    }

    #[test]
    fn a_corrected_value_column_is_the_value() {
        for (typed, corrects) in [
            ("修正后数值", true),
            ("核实后完成值", true),
            ("调整后实际值", true),
            ("更正值", true),
            ("修正后", false),
            ("修正后备注", false),
            ("数值", false),
        ] {
            assert_eq!(corrects_value(typed), corrects, "{typed}");
        }
        let mut p = Vec::new();
        let header = rec(1, &["地区", "指标", "年份", "数值", "修正后数值"]);
        let h = Header::read("a.csv", None, &header, &mut p, "").unwrap();
        assert!(p[0].message.contains("corrects"), "{}", p[0]);
        let row = |cells: &[&str]| {
            let r = rec(2, cells);
            let mut p = Vec::new();
            h.row(&r, &mut p, 0).map(|r| r.value.text.to_string())
        };
        assert_eq!(
            row(&["zhuji", "x", "2024", "64", "66"]).as_deref(),
            Some("66")
        );
        assert_eq!(
            row(&["zhuji", "x", "2024", "84.1", ""]).as_deref(),
            Some("84.1")
        );
    }

    #[test]
    fn periods_in_headers_and_titles() {
        for (typed, want) in [
            ("1-10月完成值", Some(("1-10月", Col::Value))),
            ("2024年完成", Some(("2024年", Col::Value))),
            ("2025年1-10月实际值", Some(("2025年1-10月", Col::Value))),
            ("2025年目标值", Some(("2025年", Col::Target))),
            ("前三季度完成", Some(("前三季度", Col::Value))),
            ("四季度完成", Some(("四季度", Col::Value))),
            ("十月完成", Some(("十月", Col::Value))),
            ("十二月完成值", Some(("十二月", Col::Value))),
            ("十四五目标", None),
            ("2025年1-10月", None),
            ("完成值", None),
            ("2024年说明", None),
            ("12345", None),
        ] {
            assert_eq!(period_column(typed), want, "{typed}");
        }
        assert_eq!(period_prefix("2025年1-10月"), Some(("2025年1-10月", "")));
        // A ledger column's year to date: a month from January, a quarter or a span from
        // January as it is; a span from a later month is no running ledger.
        for (column, ytd) in [
            ("3月", Some("1-3月累计")),
            ("三月", Some("1-三月累计")),
            ("10月份", Some("1-10月累计")),
            ("1月", Some("1-1月累计")),
            ("2025年3月", Some("2025年1-3月累计")),
            ("二季度", Some("二季度累计")),
            ("1-6月", Some("1-6月累计")),
            ("上半年", Some("上半年累计")),
            ("4-6月", None),
            ("下半年", None),
            ("13月", None),
        ] {
            assert_eq!(year_to_date(column).as_deref(), ytd, "{column}");
        }
        for (title, want) in [
            (
                "诸暨市卫生健康局2025年1-10月公共服务“七优享”工程指标完成情况表",
                Some("2025年1-10月"),
            ),
            ("诸暨市2024年“七优享”指标完成情况", Some("2024年")),
            ("填报日期：2025年11月5日", None),
            ("填报日期：2025年11月5日 2025年1-10月", Some("2025年1-10月")),
            ("诸暨市 七优享 指标", None),
            ("编号120251年", None),
            // The programme's name after the year is no month.
            ("诸暨市2025年七优享指标月报", Some("2025年")),
            ("诸暨市2025年十月七优享指标月报", Some("2025年十月")),
        ] {
            assert_eq!(period_in(title), want, "{title}");
        }
        // A sheet named by a period without its year; one with its year is the title's kind.
        for (sheet, want) in [
            ("1月", Some("1月")),
            ("一季度", Some("一季度")),
            ("上半年", Some("上半年")),
            ("1-6月", Some("1-6月")),
            ("2025年1月", None),
            ("Sheet1", None),
            ("13月", None),
        ] {
            assert_eq!(sheet_period(sheet), want, "{sheet}");
        }
        for (typed, this) in [
            ("本市", true),
            ("全县", true),
            ("本区", true),
            ("诸暨市", false),
            ("", false),
        ] {
            assert_eq!(this_jurisdiction(typed), this, "{typed}");
        }
    }

    #[test]
    fn two_headers_of_one_column() {
        for (a, b, same) in [
            ("数值", "实际值", true),
            ("数值（%）", " 完成值 ", true),
            ("指标", "考核指标", true),
            ("数值", "备注", false),
            ("备注", "说明", false),
            ("目标", "目标值", false),
            ("数值", "未知", false),
        ] {
            assert_eq!(same_read_column(a, b), same, "{a} | {b}");
        }
    }

    #[test]
    fn a_cell_trimmed_at_a_glance_is_trimmed_as_the_slow_way_does() {
        fn slow(t: &str) -> &str {
            t.trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
            })
        }
        let ends = [
            "", "a", "7", " ", "\t", "\u{3000}", "\u{feff}", "\u{200b}", "\u{2060}", "\u{a0}",
            "\u{85}", "诸", "暨", "\u{4000}", "\u{9fff}", "\u{3fff}", "\u{a000}", "é", "％", "😀",
            "~", "!", "\u{7f}", "\u{1680}", "\u{202f}", "\u{205f}",
        ];
        for a in ends {
            for mid in ["", "x", "市 区", "\u{3000}"] {
                for z in ends {
                    let t = format!("{a}{mid}{z}");
                    assert_eq!(trim_field(&t), slow(&t), "{t:?}");
                    assert_eq!(blank(&t), t.trim().is_empty(), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn headers_as_clerks_type_them() {
        for (typed, name) in [
            (" 地区 ", "地区"),
            ("年 份", "年份"),
            ("年\u{3000}份", "年份"),
            ("数值（%）", "数值"),
            ("数值(万人)", "数值"),
            ("地区（县市区）", "地区"),
            ("数值*", "数值"),
            ("备注【选填】", "备注"),
        ] {
            assert_eq!(header_key(typed.trim()), name, "{typed}");
        }
        for (typed, col) in [
            ("县（市、区）", Some(Col::Jurisdiction)),
            ("地区\nregion", Some(Col::Jurisdiction)),
            ("数值/value", Some(Col::Value)),
            ("年份 year", Some(Col::Year)),
            ("actual", Some(Col::Value)),
            ("remarks", Some(Col::Note)),
            ("累计/当期", Some(Col::Basis)),
            // A pivot's aggregate of one row is the row's value; a count is no value.
            ("求和项:完成值", Some(Col::Value)),
            ("平均值项：数值", Some(Col::Value)),
            ("sum of actual", Some(Col::Value)),
            ("max of value", Some(Col::Value)),
            ("计数项:数值", None),
            ("count of actual", None),
            ("求和项:", None),
            // A form's own wording, by its form: a kind of indicator, a column's name, the
            // value up to now.
            ("考核指标", Some(Col::Indicator)),
            ("监测指标（单位）", Some(Col::Indicator)),
            ("县市区名称", Some(Col::Jurisdiction)),
            ("项目名称", Some(Col::IndicatorName)),
            ("截至目前完成", Some(Col::Value)),
            ("目前完成值", Some(Col::Value)),
            ("当前完成", Some(Col::Value)),
            // Near misses: a property of the indicator, the targets' figures, a year, a unit's
            // name, an organisation's name, a group heading over value and unit.
            ("约束性指标", None),
            ("计划指标", None),
            ("年度指标", None),
            ("单位名称", None),
            ("目前", None),
            ("完成情况", None),
            ("领域", Some(Col::Ignored)),
            // Parts that name two columns name neither.
            ("地区\n指标", None),
            ("地区 名称x", None),
            ("", None),
        ] {
            assert_eq!(header_col(typed), col, "{typed}");
        }
    }
}
