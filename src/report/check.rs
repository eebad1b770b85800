//! `qyx check`'s renderers: the judged rows of [`crate::check`] as a terminal table, CSV,
//! Markdown or JSON. Each row is rendered on its own ([`cells`], [`row_json`]), so a caller
//! that judges row by row can write row by row.

use crate::check::{Judged, Summary};
use crate::cli::Format;
use crate::cycle::Light;
use crate::judge::{Actual, Against, Note, Reading, SheetSays, Status, Verdict};
use crate::report::{Table, Tone, num, round};
use crate::threshold::Op;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Write;

/// How the gap table is shown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub format: Format,
    pub en: bool,
    pub colour: bool,
    /// One table per lead department, each under its summary.
    pub by_lead: bool,
    /// The terminal table fits this many columns ([`fit`]); `None` shows every column.
    pub width: Option<usize>,
}

/// The order columns are dropped in when the terminal table is too wide, by header (Chinese,
/// English): lead department, baseline, trend, change since the previous period, domain, gap as
/// a share of the target, progress, unit. What is left — jurisdiction, indicator, period, target,
/// actual, gap, status, light, remarks — is what a verdict needs; the remarks, indicator, target
/// and jurisdiction texts are then shortened with `…` (widest first).
pub(crate) const DROP_ORDER: [(&str, &str); 8] = [
    ("牵头单位", "lead"),
    ("基础值", "baseline"),
    ("趋势", "trend"),
    ("较上期", "change"),
    ("领域", "domain"),
    ("差距率", "gap %"),
    ("进度", "progress"),
    ("单位", "unit"),
];
const SHORTEN: [(&str, &str); 4] = [
    ("说明", "remarks"),
    ("指标", "indicator"),
    ("目标", "target"),
    ("地区", "jurisdiction"),
];

/// Makes a gap table fit the terminal (see [`DROP_ORDER`]).
fn fit(t: &mut Table, style: Style) {
    if style.format != Format::Table {
        return;
    }
    if let Some(w) = style.width {
        let pick = |(zh, en): &(&'static str, &'static str)| if style.en { *en } else { *zh };
        let drop: Vec<&str> = DROP_ORDER.iter().map(pick).collect();
        let shorten: Vec<&str> = SHORTEN.iter().map(pick).collect();
        t.fit(w, &drop, &shorten);
    }
}

/// The gap table's column headers (the lead department last); with `change`, the change since
/// the previous period after the actual value.
pub(crate) fn headers(en: bool, change: bool) -> Vec<&'static str> {
    let mut h = if en {
        vec![
            "jurisdiction",
            "domain",
            "indicator",
            "unit",
            "period",
            "baseline",
            "target",
            "actual",
            "gap",
            "gap %",
            "progress",
            "status",
            "light",
            "trend",
            "remarks",
            "lead",
        ]
    } else {
        vec![
            "地区",
            "领域",
            "指标",
            "单位",
            "期间",
            "基础值",
            "目标",
            "实际值",
            "差距",
            "差距率",
            "进度",
            "状态",
            "灯",
            "趋势",
            "说明",
            "牵头单位",
        ]
    };
    if change {
        h.insert(CHANGE_COLUMN, if en { "change" } else { "较上期" });
    }
    h
}

/// Whether any row has a change since a previous period (several periods were read).
pub(crate) fn has_change(rows: &[Judged]) -> bool {
    rows.iter().any(|j| j.change.is_some())
}

/// One row of the gap table, as text, in the order of [`headers`].
pub(crate) fn cells(j: &Judged, en: bool, change: bool) -> Vec<String> {
    let mut r = Vec::with_capacity(17);
    let mut scratch = String::new();
    let _ = each_cell(j, en, change, &mut scratch, &mut |c| {
        r.push(c.to_string());
        Ok(())
    });
    r
}

/// A computed number (gap, change) as the table shows it: rounded to 4 places, unless that
/// would show 0 for a difference that is not 0 — `70.00001` against `>70` is met by 0.00001,
/// and a gap of 0 beside 达标 would read as the exact hit that fails.
fn shown(d: Decimal) -> Decimal {
    let r = round(d, 4);
    if r.is_zero() && !d.is_zero() { d } else { r }
}

/// Appends a computed number as the table shows it ([`shown`], no trailing zeros).
fn put_num(s: &mut String, d: Decimal) {
    crate::report::push_decimal(s, shown(d).normalize());
}

/// Appends a percentage: the number without trailing zeros, then `%`.
fn put_percent(s: &mut String, d: Decimal) {
    crate::report::push_decimal(s, d.normalize());
    s.push('%');
}

/// One row of the gap table, cell by cell in the order of [`headers`], each handed to `put` as it
/// is made — borrowed from the plan where it can be, else written into `scratch` — so that a
/// writer going row by row allocates next to nothing per row.
pub(crate) fn each_cell(
    j: &Judged,
    en: bool,
    change: bool,
    scratch: &mut String,
    put: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let jur = &j.plan.plan.jurisdiction;
    put(if en { &jur.name_en } else { &jur.name })?;
    put(j.domain.map_or("", |d| d.label(en)))?;
    put(if en { &j.entry.name_en } else { &j.row.name })?;
    put(j.entry.unit.as_ref().map_or("", |u| u.value.as_str()))?;
    scratch.clear();
    if j.period.is_full_year() && j.period.grain == crate::period::Grain::Year {
        // The year's digits without the formatting machinery (every row writes one).
        crate::report::push_decimal(scratch, Decimal::from(j.period.year));
    } else {
        scratch.push_str(&j.period.label(en));
    }
    put(scratch)?;
    scratch.clear();
    if let Some(b) = j.baseline {
        b.push_display(scratch, en);
    }
    put(scratch)?;
    scratch.clear();
    push_target(scratch, j, en);
    put(scratch)?;
    scratch.clear();
    match j.actual {
        None => {}
        // What was reported, digit for digit: a rounded 70.00001 would show 70 beside 达标.
        Some(Actual::Number(v)) => crate::report::push_decimal(scratch, v.normalize()),
        Some(a) => scratch.push_str(&actual_text(Some(a), en)),
    }
    put(scratch)?;
    if change {
        scratch.clear();
        if let Some(c) = j.change {
            push_signed(scratch, shown(c));
        }
        put(scratch)?;
    }
    scratch.clear();
    if let Some(g) = j.verdict.gap {
        put_num(scratch, g);
    }
    put(scratch)?;
    scratch.clear();
    if let Some(p) = j.gap_share() {
        put_percent(scratch, p);
    }
    put(scratch)?;
    scratch.clear();
    match (j.verdict.maintain, j.verdict.progress) {
        (true, _) => scratch.push_str(if en { "maintain" } else { "保持" }),
        (false, Some(p)) => put_percent(scratch, p),
        (false, None) => {}
    }
    put(scratch)?;
    if j.verdict.doubtful() {
        put(&status_text(&j.verdict, en))?;
    } else {
        put(j.verdict.status.name(en))?;
    }
    put(j.cycle.light.map_or("", |l| l.name(en)))?;
    put(j.category.map_or("", |c| c.name(en)))?;
    if j.verdict.notes.is_empty() && j.verdict.applied.as_ref().is_none_or(|a| a.band.is_none()) {
        put("")?;
    } else {
        put(&remarks(j, en))?;
    }
    put(j.row.lead.as_deref().unwrap_or(""))
}

/// The status as printed: with (存疑) / (doubtful) when a note makes it so.
pub(crate) fn status_text(v: &Verdict, en: bool) -> String {
    let s = v.status.name(en);
    match (v.doubtful(), en) {
        (false, _) => s.to_string(),
        (true, false) => format!("{s}(存疑)"),
        (true, true) => format!("{s} (doubtful)"),
    }
}

/// `10000 times` / `10000倍`, or `1/100 of` / `1/100`.
pub(crate) fn factor_words(f: Decimal, en: bool) -> String {
    let whole = |d: Decimal| num(round(d, 0));
    match (f >= Decimal::ONE, en) {
        (true, true) => format!("{} times", whole(f)),
        (true, false) => format!("{}倍", whole(f)),
        (false, _) => {
            let inv = Decimal::ONE.checked_div(f).unwrap_or(Decimal::ONE);
            format!("1/{}{}", whole(inv), if en { " of" } else { "" })
        }
    }
}

/// What a far value was compared with, in words: `目标和基础值` / `the target and the baseline`,
/// or the one of them the row has.
pub(crate) fn against_words(a: Against, en: bool) -> &'static str {
    match (a, en) {
        (Against::Both, false) => "目标和基础值",
        (Against::Target, false) => "目标",
        (Against::Baseline, false) => "基础值",
        (Against::Both, true) => "the target and the baseline",
        (Against::Target, true) => "the target",
        (Against::Baseline, true) => "the baseline",
        (Against::Peers, false) => "目标及其他地区计划基础值",
        (Against::Peers, true) => "the target and other plans' baselines",
    }
}

/// A note in words, for the 说明 column and the JSON `remarks`.
pub(crate) fn note_text(n: &Note, unit: &str, en: bool) -> String {
    match (n, en) {
        (Note::ExactHit { op, target }, false) => format!(
            "目标 {}{}, 实际恰为 {}, 不含本数",
            op.symbol(),
            fmt(*target),
            fmt(*target)
        ),
        (Note::ExactHit { op, target }, true) => format!(
            "target {}{}, actual exactly {}: the number itself does not count",
            op.symbol(),
            fmt(*target),
            fmt(*target)
        ),
        (Note::Disagreement { cell, text, flips }, false) => format!(
            "按表格 `{cell}` 判定, 正文为 `{text}`{}",
            if *flips {
                ", 按正文结论相反(存疑)"
            } else {
                ""
            }
        ),
        (Note::Disagreement { cell, text, flips }, true) => format!(
            "decided by the table `{cell}`; the prose says `{text}`{}",
            if *flips {
                ", which would decide the other way (doubtful)"
            } else {
                ""
            }
        ),
        (
            Note::Implausible {
                factor,
                meant,
                against,
                ..
            },
            false,
        ) => format!(
            "存疑: 数值约为{}的{}, 是否应为 {}{unit}?",
            against_words(*against, false),
            factor_words(*factor, false),
            fmt(*meant)
        ),
        (
            Note::Implausible {
                factor,
                meant,
                against,
                ..
            },
            true,
        ) => format!(
            "doubtful: about {} {}; did you mean {}{unit}?",
            factor_words(*factor, true),
            against_words(*against, true),
            fmt(*meant)
        ),
        (Note::DateLike { year, month }, false) => {
            format!("存疑: 数值像是日期 ({year}年{month}月), 不像本指标的值: 请核实数值")
        }
        (Note::DateLike { year, month }, true) => {
            format!(
                "doubtful: the value reads as a date ({year}-{month:02}), not a value of this indicator: check it"
            )
        }
        (Note::Monthly { meant, against }, false) => format!(
            "存疑: 数值约为{}的1/12, 是月度金额吗? 按年应为 {}{unit}",
            against_words(*against, false),
            fmt(*meant)
        ),
        (Note::Monthly { meant, against }, true) => format!(
            "doubtful: about 1/12 of {}; a month's amount? a year's would be {}{unit}",
            against_words(*against, true),
            fmt(*meant)
        ),
        (Note::Far { factor, against }, false) if factor.is_zero() => format!(
            "存疑: 数值为 0, 而{}都远大于 0: 是尚未统计吗?",
            against_words(*against, false)
        ),
        (Note::Far { factor, against }, true) if factor.is_zero() => format!(
            "doubtful: 0 where {} {} well above it: not counted yet?",
            against_words(*against, true),
            if matches!(against, Against::Both | Against::Peers) {
                "are"
            } else {
                "is"
            }
        ),
        (Note::Far { factor, against }, false) => format!(
            "存疑: 数值约为{}的{}, 请核实数值和单位",
            against_words(*against, false),
            factor_words(*factor, false)
        ),
        (Note::Far { factor, against }, true) => format!(
            "doubtful: about {} {}; check the value and its unit",
            factor_words(*factor, true),
            against_words(*against, true)
        ),
        (Note::OverCap { max }, false) => format!(
            "存疑: 数值超过本指标可能的最大值 {}{unit}, 请核实数值",
            fmt(*max)
        ),
        (Note::OverCap { max }, true) => format!(
            "doubtful: above {}{unit}, the most this indicator can be; check the value",
            fmt(*max)
        ),
        (Note::NoPath { target, year }, false) => {
            format!("无可算序时进度的基础值, 按{year}年全额目标 {target} 判断")
        }
        (Note::NoPath { target, year }, true) => format!(
            "no level baseline to pace a path: judged against the full {year} target {target}"
        ),
        (Note::NotDue, false) => "未到考核年份: 计划此年为进度表中的 0, 不作考核".into(),
        (Note::NotDue, true) => {
            "not yet due: the plan's 0 for this year is a schedule's, not assessed".into()
        }
        (
            Note::BelowRunningTotal {
                start,
                reported,
                total,
            },
            false,
        ) => format!(
            "存疑: 累计目标按累计数判定, 此数低于{} {}{unit}: 是本年新增吗? 若是, 累计为 {}{unit}, 请填累计数",
            if *reported {
                "上年末已报累计数"
            } else {
                "计划上年末累计"
            },
            fmt(*start),
            fmt(*total)
        ),
        (
            Note::BelowRunningTotal {
                start,
                reported,
                total,
            },
            true,
        ) => format!(
            "doubtful: a cumulative target is judged on the running total, and this is below the {}{unit} {}: the year's own amount? then the total is {}{unit}: report the total",
            fmt(*start),
            if *reported {
                "reported at last year-end"
            } else {
                "the plan asks by last year-end"
            },
            fmt(*total)
        ),
        (Note::Typed { typed, reading }, en) => reading_text(typed, *reading, en),
        (Note::Sheet(says), en) => sheet_text(says, en),
        (
            Note::Converted {
                typed,
                from,
                to,
                factor,
                value,
                meant,
            },
            en,
        ) => {
            let (factor, value, meant) = (factor_words(*factor, en), fmt(*value), fmt(*meant));
            if en {
                format!(
                    "doubtful: `{typed}` is in {from}, {factor} the row's unit {to}; judged as {value}{unit} converted, {meant}{unit} if meant in the row's unit: check the unit"
                )
            } else {
                format!(
                    "存疑: `{typed}` 的单位 {from} 是本行单位 {to} 的{factor}, 换算为 {value}{unit} 判定; 若按本行单位应为 {meant}{unit}, 请核实单位"
                )
            }
        }
    }
}

/// What the sheet says beside a value that leaves its verdict in doubt, in words.
fn sheet_text(says: &SheetSays, en: bool) -> String {
    match (says, en) {
        (SheetSays::Note { note, word }, _) => {
            use crate::actuals::value::{NoteSays, note_says};
            let note = crate::diag::echo(note);
            match (note_says(word), en) {
                (NoteSays::Definition, false) => format!(
                    "存疑: 备注 `{note}` 说明统计口径有变, 与目标未必可比, 按所填数值判定; 请核实"
                ),
                (NoteSays::Definition, true) => format!(
                    "doubtful: the note `{note}` says the figure's definition changed, so it may not compare with the target; judged as typed, check it"
                ),
                (NoteSays::Approximate, false) => format!(
                    "存疑: 备注 `{note}` 说明此数是约数, 按所填数值判定; 达标与否可能取决于未写出的尾数, 请报准确数"
                ),
                (NoteSays::Approximate, true) => format!(
                    "doubtful: the note `{note}` says the figure is approximate; judged as typed, but the verdict may turn on digits not given: report the exact figure"
                ),
                (NoteSays::Incomplete, false) => format!(
                    "存疑: 备注 `{note}` 说明统计不完全(有单位未报), 按所填数值判定; 请以全部汇总后的数核实"
                ),
                (NoteSays::Incomplete, true) => format!(
                    "doubtful: the note `{note}` says the count is incomplete (some units not reported); judged as typed, check it against the full count"
                ),
                (NoteSays::NotFinal, false) => format!(
                    "存疑: 备注 `{note}` 说明此数不是最终数(预计、快报或初步数), 按所填数值判定; 请以正式数核实"
                ),
                (NoteSays::NotFinal, true) => format!(
                    "doubtful: the note `{note}` says the figure is not final (an estimate, a flash or preliminary count); judged as typed, check it against the final figure"
                ),
            }
        }
        (SheetSays::AsTarget { cell }, false) => format!(
            "存疑: 实际值与本表目标值 `{}` 相同: 是否把目标值填进了实际值? 请核实",
            crate::diag::echo(cell)
        ),
        (SheetSays::AsTarget { cell }, true) => format!(
            "doubtful: the value is the sheet's own target `{}`: the target typed into the value column? check it",
            crate::diag::echo(cell)
        ),
        (SheetSays::PeriodUnsaid { label }, false) => format!(
            "存疑: 期间只写了一个月或一个季度, 按年初至 {label} 的累计数判定; 若此数只是当月或当季的, 累计数更高, 结论可能不同: 请在期间写明“当月”“当季”(如 10月当月)"
        ),
        (SheetSays::PeriodUnsaid { label }, true) => format!(
            "doubtful: the period names one month or quarter; judged as the year to {label}; if the value is that month's or quarter's own, the year to date is more and the verdict may differ: say so in the period (10月当月)"
        ),
        (SheetSays::Struck, false) => {
            "存疑: 此数值在工作簿中加了删除线: 是作废的数吗? 若是, 请删除或填写新数; 若是要报的数, 请去掉删除线".to_string()
        }
        (SheetSays::Struck, true) => "doubtful: the value is struck through in the workbook: a figure withdrawn? delete it or type the new one if so; remove the strikethrough if it is to be reported".to_string(),
        (SheetSays::PartStruck, false) => {
            "存疑: 此单元格的部分文字加了删除线, 已按未划去的部分判定: 请核实, 并删去划掉的数".to_string()
        }
        (SheetSays::PartStruck, true) => "doubtful: part of the value cell's text is struck through; judged by the part not struck: check it, and delete what is crossed out".to_string(),
        (SheetSays::HiddenRow, false) => {
            "存疑: 此行在工作簿中被隐藏: 是作废或旧的数吗? 若是, 请删除该行; 若是要报的数, 请取消隐藏".to_string()
        }
        (SheetSays::HiddenRow, true) => "doubtful: this row is hidden in the workbook: a figure withdrawn or superseded? delete the row if so; unhide it if it is to be reported".to_string(),
        (SheetSays::Claims { cell }, false) => format!(
            "存疑: 本表自评 `{}` 与按数值和目标判定的结论相反: 数值、目标或自评有误, 请核实",
            crate::diag::echo(cell)
        ),
        (SheetSays::Claims { cell }, true) => format!(
            "doubtful: the sheet's own verdict `{}` says the opposite: the value, the target or the self-assessment is wrong; check it",
            crate::diag::echo(cell)
        ),
        (SheetSays::Twice { line, sheet, value }, false) => format!(
            "存疑: 同一文件{}第 {line} 行又报了此指标此期间的另一个值 `{}`: 哪一个是本地区的数值?",
            sheet.as_ref().map_or(String::new(), |s| format!(
                "工作表 {} ",
                crate::diag::echo(s)
            )),
            crate::diag::echo(value)
        ),
        (SheetSays::Twice { line, sheet, value }, true) => format!(
            "doubtful: {} of the same file reports this indicator and period again as `{}`: which is the jurisdiction's?",
            match sheet {
                Some(s) => format!("row {line} of sheet {}", crate::diag::echo(s)),
                None => format!("line {line}"),
            },
            crate::diag::echo(value)
        ),
    }
}

/// How a value typed with words around it was read, in words.
fn reading_text(typed: &str, reading: Reading, en: bool) -> String {
    match (reading, en) {
        (Reading::Partly, false) => format!("存疑: `{typed}` 按未完成判定"),
        (Reading::Partly, true) => format!("doubtful: `{typed}` is judged as not done"),
        (Reading::Remarked, false) => format!("存疑: `{typed}` 按括号前的内容判定, 括号内为说明"),
        (Reading::Remarked, true) => {
            format!(
                "doubtful: `{typed}` is judged by what precedes the brackets; they hold a remark"
            )
        }
        (Reading::Approximate, false) => format!("存疑: `{typed}` 是约数, 按其数值判定"),
        (Reading::Approximate, true) => {
            format!("doubtful: `{typed}` is approximate; judged by its number")
        }
        (Reading::Scientific, false) => format!(
            "存疑: `{typed}` 是 Excel 的科学计数法(列宽不足或超过 11 位时的显示), 舍去的位数已无从得知; 按其数值判定, 请核实原值"
        ),
        (Reading::Scientific, true) => format!(
            "doubtful: `{typed}` is Excel's scientific notation (a column too narrow, or over 11 digits), and the digits it dropped are lost; judged by its number: check the value"
        ),
        (Reading::CountLeft, false) => format!(
            "存疑: 目标为清零, `{typed}` 按尚余数量判定(0 为已清零); 若填的是 是/否, 请改填 是 或 否"
        ),
        (Reading::CountLeft, true) => format!(
            "doubtful: the target is to bring it to zero; `{typed}` is read as how many are left (0: cleared); if it meant yes or no, type 是 or 否"
        ),
        (Reading::Signed, false) => {
            format!("存疑: `{typed}` 带正负号, 是较上期的增减吗? 按所填数值判定")
        }
        (Reading::Signed, true) => {
            format!(
                "doubtful: `{typed}` carries a sign: a change since the last period? judged as typed"
            )
        }
    }
}

/// The 说明 cell: the band of a ≈ target, then every note.
pub(crate) fn remarks(j: &Judged, en: bool) -> String {
    let unit = j.entry.unit_text();
    let mut parts = Vec::new();
    if let Some(a) = &j.verdict.applied
        && let (Some((lo, hi)), Some(t)) = (a.band, a.tolerance)
    {
        parts.push(if en {
            format!("about: ±{}% = {}–{}", num(t), fmt(lo), fmt(hi))
        } else {
            format!("左右: ±{}% 即 {}–{}", num(t), fmt(lo), fmt(hi))
        });
    }
    parts.extend(j.verdict.notes.iter().map(|n| note_text(n, &unit, en)));
    parts.join("; ")
}

/// A change with its sign: `+0.3`, `-1`.
/// Appends a change as the table shows it: `+` before a rise.
fn push_signed(s: &mut String, d: Decimal) {
    if d.is_sign_positive() && !d.is_zero() {
        s.push('+');
    }
    crate::report::push_decimal(s, d.normalize());
}

fn fmt(d: Decimal) -> String {
    num(round(d, 4))
}

pub(crate) fn target_text(j: &Judged, en: bool) -> String {
    let mut s = String::new();
    push_target(&mut s, j, en);
    s
}

/// Appends the target cell ([`target_text`]): the row writers reuse one buffer for it.
fn push_target(s: &mut String, j: &Judged, en: bool) {
    use std::fmt::Write as _;
    let Some(a) = &j.verdict.applied else {
        s.push('/');
        return;
    };
    let t = &a.target;
    // What `t.normalized().display()` writes, appended in place: that made a copy of the
    // threshold and three strings a row.
    match (t.threshold.op, t.value, t.high) {
        (Op::Done, ..) => s.push_str(if en { "done" } else { "完成" }),
        (Op::None, ..) => s.push('/'),
        (Op::Range, Some(l), Some(h)) => {
            crate::report::push_decimal(s, l.normalize());
            s.push('–');
            crate::report::push_decimal(s, h.normalize());
        }
        (op, Some(v), _) => {
            s.push_str(op.symbol());
            crate::report::push_decimal(s, v.normalize());
        }
        _ => {}
    }
    if t.year != j.year || a.scope != crate::plan::schema::Scope::Level {
        // ` (2027 每年)`, ` (2027)`: pushed piece by piece, as `write!` costs a formatting
        // pass a row.
        let scope = a.scope.label(en);
        s.push_str(" (");
        crate::report::push_decimal(s, Decimal::from(t.year));
        if !scope.is_empty() {
            s.push(' ');
            s.push_str(scope);
        }
        s.push(')');
    }
    if let Some(p) = a.path {
        let _ = write!(s, ", {} {}", if en { "path" } else { "路径" }, fmt(p));
    }
    // A month or a quarter: what the schedule asks by the period's end.
    if let Some(sch) = j.cycle.schedule.as_ref()
        && !j.period.is_full_year()
    {
        let _ = if sch.in_full {
            write!(
                s,
                "; {} {}",
                if en { "due in full" } else { "全额" },
                fmt(sch.due)
            )
        } else {
            write!(
                s,
                "; {} {}% {}",
                if en { "schedule" } else { "序时" },
                num(round(sch.share * Decimal::ONE_HUNDRED, 1)),
                fmt(sch.due)
            )
        };
    }
}

pub(crate) fn actual_text(a: Option<Actual>, en: bool) -> String {
    match (a, en) {
        (None, _) => String::new(),
        (Some(Actual::Number(v)), _) => num(v),
        (Some(Actual::Done(true)), false) => "是".into(),
        (Some(Actual::Done(false)), false) => "否".into(),
        (Some(Actual::Done(true)), true) => "yes".into(),
        (Some(Actual::Done(false)), true) => "no".into(),
    }
}

/// Writes the rows in `style`.
pub(crate) fn render(rows: &[Judged], style: Style, out: &mut dyn Write) -> anyhow::Result<()> {
    let (en, colour) = (style.en, style.colour);
    if style.format == Format::Json {
        let v: Vec<_> = rows.iter().map(row_json).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    let change = has_change(rows);
    let headers = headers(en, change);
    if style.by_lead && style.format != Format::Csv {
        let mut groups: BTreeMap<String, Vec<&Judged>> = BTreeMap::new();
        for j in rows {
            groups
                .entry(j.row.lead.as_deref().map(String::from).unwrap_or_else(|| {
                    if en {
                        "(no lead)".into()
                    } else {
                        "(未列牵头单位)".into()
                    }
                }))
                .or_default()
                .push(j);
        }
        for (lead, js) in groups {
            let head = format!(
                "{lead}: {}",
                summary_line(&Summary::of(js.iter().copied()), 0, en)
            );
            if style.format == Format::Markdown {
                writeln!(out, "\n### {head}\n")?
            } else {
                writeln!(out, "{head}")?
            }
            let mut t = Table::new(
                headers
                    .iter()
                    .filter(|h| !matches!(**h, "lead" | "牵头单位"))
                    .copied(),
            );
            t.colour = colour;
            for j in js {
                let mut r = cells(j, en, change);
                r.pop();
                t.push_toned(r, tone(j, change));
            }
            fit(&mut t, style);
            t.write(style.format, out)?;
        }
        return Ok(());
    }
    let mut t = Table::new(headers);
    t.colour = colour;
    for j in rows {
        t.push_toned(cells(j, en, change), tone(j, change));
    }
    fit(&mut t, style);
    t.write(style.format, out)?;
    Ok(())
}

/// The gap table as CSV, written a row at a time as the rows are judged ([`csv_header`], then
/// [`csv_line`] for each row): what `Table` (the csv crate's writer) writes for the same rows,
/// byte for byte, without holding them. A line is formatted into a buffer the caller reuses:
/// writing a row allocates nothing.
/// Appends a CSV field after the one before it, quoted as the csv crate quotes by default: only
/// a field holding a comma, a quote or a line break, its quotes doubled.
/// Whether a CSV field holds a comma, a quote or a line break. Eight bytes a step (a field is a
/// name or a number of a few dozen bytes, a million rows a run): a byte of `x ^ c·0x01…01` is
/// zero where `x` has `c`, and `(y - 0x01…01) & !y & 0x80…80` is nonzero exactly where `y` has
/// a zero byte. All four bytes sort below `-` (0x2D), and `(x - 0x2D·0x01…01) & !x & 0x80…80`
/// is nonzero exactly where `x` has a byte below 0x2D: one test that clears a word of Chinese
/// text or digits before the four. The last few bytes are the last eight, read again.
fn needs_quotes(b: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let has = |x: u64, c: u8| {
        let y = x ^ (ONES * u64::from(c));
        y.wrapping_sub(ONES) & !y & HIGHS != 0
    };
    let low = |x: u64| x.wrapping_sub(ONES * 0x2D) & !x & HIGHS != 0;
    let any = |x: u64| low(x) && (has(x, b',') | has(x, b'"') | has(x, b'\r') | has(x, b'\n'));
    let word = |c: &[u8]| {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        u64::from_ne_bytes(word)
    };
    if b.len() < 8 {
        return b
            .iter()
            .any(|&c| c < 0x2D && matches!(c, b',' | b'"' | b'\r' | b'\n'));
    }
    let mut chunks = b.chunks_exact(8);
    if chunks.any(|c| any(word(c))) {
        return true;
    }
    !chunks.remainder().is_empty() && any(word(&b[b.len() - 8..]))
}

fn csv_field(buf: &mut Vec<u8>, first: bool, text: &str) {
    if !first {
        buf.push(b',');
    }
    let b = text.as_bytes();
    if !needs_quotes(b) {
        buf.extend_from_slice(b);
        return;
    }
    buf.push(b'"');
    for &c in b {
        if c == b'"' {
            buf.push(b'"');
        }
        buf.push(c);
    }
    buf.push(b'"');
}

/// Appends the gap table's CSV header line; `change` when any row has a change since a previous
/// period.
pub(crate) fn csv_header(buf: &mut Vec<u8>, en: bool, change: bool) {
    for (i, h) in headers(en, change).into_iter().enumerate() {
        csv_field(buf, i == 0, h);
    }
    buf.push(b'\n');
}

/// Appends one row of the gap table as a CSV line under [`csv_header`]'s header of the same
/// `change`; `scratch` is reused from row to row.
pub(crate) fn csv_line(
    buf: &mut Vec<u8>,
    j: &Judged,
    en: bool,
    change: bool,
    scratch: &mut String,
) {
    let mut first = true;
    // Writing into a buffer cannot fail.
    let _ = each_cell(j, en, change, scratch, &mut |c| {
        csv_field(buf, first, c);
        first = false;
        Ok(())
    });
    buf.push(b'\n');
}

/// The status cell's and the light cell's colours.
fn tone(j: &Judged, change: bool) -> Vec<(usize, Tone)> {
    let status = STATUS_COLUMN + usize::from(change);
    let mut tones = Vec::new();
    match j.verdict.status {
        Status::Met | Status::OnTrack => tones.push((status, Tone::Good)),
        Status::NotMet => tones.push((status, Tone::Bad)),
        Status::Behind => tones.push((status, Tone::Warn)),
        Status::NoTarget | Status::NoData => {}
    }
    if let Some(l) = j.cycle.light {
        let t = match l {
            Light::Green => Tone::Good,
            Light::Yellow => Tone::Warn,
            Light::Red => Tone::Bad,
        };
        tones.push((status + 1, t));
    }
    tones
}

/// Where the status sits in the gap table's columns (the light follows it).
const STATUS_COLUMN: usize = 11;
/// Where the change since the previous period goes, when shown (after the actual value).
const CHANGE_COLUMN: usize = 8;

/// One row as JSON (its schema: `qyx schema check`).
pub(crate) fn row_json(j: &Judged) -> crate::report::json::CheckRow {
    crate::report::json::CheckRow::of(j)
}

/// Appends one row as an element of the pretty-printed JSON array `--format json` writes:
/// `,` and a line break, then the row indented one level, exactly as serde_json's pretty
/// printer writes an element after the first (the array's writer drops the first element's
/// comma). Written by itself so that chunks of rows can be formatted on several threads;
/// indenting after each line break is exact because JSON text holds no raw line break inside
/// a string. `scratch` is reused from row to row.
pub(crate) fn json_element(buf: &mut Vec<u8>, j: &Judged, scratch: &mut Vec<u8>) {
    scratch.clear();
    let mut ser = serde_json::Serializer::pretty(&mut *scratch);
    // A row is plain data (strings, numbers, lists): writing it into memory cannot fail.
    let _ = serde::Serialize::serialize(&row_json(j), &mut ser);
    buf.extend_from_slice(b",\n  ");
    for &b in scratch.iter() {
        buf.push(b);
        if b == b'\n' {
            buf.extend_from_slice(b"  ");
        }
    }
}

/// "共N项: …" with the count of each status and of bad rows.
pub(crate) fn summary_line(sum: &Summary, bad: usize, en: bool) -> String {
    let (total, s) = (sum.total, sum);
    let parts: Vec<String> = s
        .counts
        .iter()
        .map(|(s, n)| format!("{n} {}", s.name(en)))
        .collect();
    let mut s = match (en, parts.is_empty()) {
        (true, false) => format!("{total} judged: {}", parts.join(", ")),
        (true, true) => format!("{total} judged"),
        (false, false) => format!("共{total}项: {}", parts.join(", ")),
        (false, true) => format!("共{total}项"),
    };
    // A count of 达标 that holds doubtful ones says so, so that a summary that goes up is no
    // surer than its rows.
    if sum.doubtful > 0 {
        s.push_str(&if en {
            format!("; {} doubtful (check before it goes up)", sum.doubtful)
        } else {
            format!("; 其中{}项存疑(上报前请核实)", sum.doubtful)
        });
    }
    if bad > 0 {
        s.push_str(&if en {
            format!("; {bad} bad rows (see above)")
        } else {
            format!("; {bad}行有误(见上)")
        });
    }
    s
}

#[cfg(test)]
mod tests {
    /// The change cell and a level baseline's year, appended in place, against the formatting
    /// they replace (`format!("+{}", num(d))`, `write!(" ({})", year)`).
    #[test]
    fn changes_and_baseline_years_write_what_formatting_wrote() {
        use crate::judge::Baseline;
        use crate::plan::schema::Measure;
        for t in [
            "0",
            "-0",
            "0.0001",
            "-0.5",
            "12.50",
            "-1234.5678",
            "7",
            "100.000",
        ] {
            let d: Decimal = t.parse().unwrap();
            let was = if d.is_sign_positive() && !d.is_zero() {
                format!("+{}", num(d))
            } else {
                num(d)
            };
            let mut s = String::from("x");
            super::push_signed(&mut s, d);
            assert_eq!(s, format!("x{was}"), "{t}");
        }
        for year in [2022, 0, -5, 1999, i32::MAX, i32::MIN] {
            let b = Baseline {
                value: Decimal::new(7266, 2),
                year,
                kind: Measure::Level,
                from: None,
            };
            let value = crate::report::round(b.value, 4).normalize();
            assert_eq!(b.display(false), format!("{} ({year})", num(value)));
        }
    }

    use super::*;

    #[test]
    fn a_field_needs_quotes_exactly_where_it_has_a_comma_a_quote_or_a_line_break() {
        let naive = |b: &[u8]| b.iter().any(|c| b",\"\r\n".contains(c));
        // Every byte at every place of fields up to three words long, among fillers that sit
        // next to the special bytes (a borrow across bytes is where such a scan goes wrong).
        for len in 0..=24 {
            for filler in [0u8, b'+', b'-', b'a', 0x0B, 0x0E, 0x21, 0xE4, 0xFF] {
                for at in 0..len {
                    for byte in 0..=255u8 {
                        let mut b = vec![filler; len];
                        b[at] = byte;
                        assert_eq!(needs_quotes(&b), naive(&b), "{b:?}");
                    }
                }
            }
        }
        let mut buf = Vec::new();
        csv_field(&mut buf, true, "诸暨市, \"城区\"");
        csv_field(&mut buf, false, "达标");
        assert_eq!(buf, "\"诸暨市, \"\"城区\"\"\",达标".as_bytes());
    }
}
