//! The rules that decide whether a reported value meets a plan's target: which target applies
//! in a year, met or not, on track or behind on the path to a later target, the gap, the progress
//! since the baseline, and Open SDG's progress category over several years.
//!
//! Everything is exact decimal arithmetic in the catalog's unit; no float decides a status.

use crate::plan::schema::{Measure, Scope};
use crate::plan::{Entry, Figure, Resolved, Row, resolved};
use crate::threshold::{Better, Op};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotMet,
    Behind,
    NoData,
    OnTrack,
    Met,
    NoTarget,
}

impl Status {
    pub fn name(self, en: bool) -> &'static str {
        match (self, en) {
            (Status::Met, true) => "met",
            (Status::NotMet, true) => "not met",
            (Status::OnTrack, true) => "on track",
            (Status::Behind, true) => "behind",
            (Status::NoTarget, true) => "no target",
            (Status::NoData, true) => "no data",
            (Status::Met, false) => "达标",
            (Status::NotMet, false) => "未达标",
            (Status::OnTrack, false) => "进度正常",
            (Status::Behind, false) => "进度滞后",
            (Status::NoTarget, false) => "无目标",
            (Status::NoData, false) => "无数据",
        }
    }
}

/// Open SDG's progress categories (Statistics Canada's growth-rate ratio).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    TargetAchieved,
    SubstantialProgress,
    ModerateProgress,
    LimitedProgress,
    Deterioration,
}

impl Category {
    pub fn name(self, en: bool) -> &'static str {
        match (self, en) {
            (Category::TargetAchieved, true) => "target achieved",
            (Category::SubstantialProgress, true) => "substantial progress",
            (Category::ModerateProgress, true) => "moderate progress",
            (Category::LimitedProgress, true) => "limited progress",
            (Category::Deterioration, true) => "deterioration",
            (Category::TargetAchieved, false) => "已实现目标",
            (Category::SubstantialProgress, false) => "进展显著",
            (Category::ModerateProgress, false) => "进展一般",
            (Category::LimitedProgress, false) => "进展有限",
            (Category::Deterioration, false) => "退步",
        }
    }
}

/// A reported value in the catalog's unit, or a milestone's yes/no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actual {
    Number(Decimal),
    Done(bool),
}

/// The band an approximate target (≈, 左右, 约, 近) is met within when no one says otherwise:
/// 2 % of the target. See the README ("Judging rules") for why.
pub const DEFAULT_TOLERANCE: Decimal = Decimal::from_parts(2, 0, 0, false, 0);

/// Where a row is judged: its plan's first year (a running total with no baseline starts from
/// zero the year before) and the run's rules.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    pub period_start: i32,
    pub rules: Rules,
}

impl Ctx {
    pub fn new(plan: &crate::plan::Plan, rules: Rules) -> Ctx {
        Ctx {
            period_start: plan.period.start.value,
            rules,
        }
    }
}

/// What a run decides that the plan leaves open.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules {
    /// The ≈ band in percent of the target, from the command line: overrides the catalog's
    /// per-indicator band and the default.
    pub tolerance: Option<Decimal>,
}

impl Rules {
    /// The ≈ band for `entry`, in percent of the target.
    pub fn tolerance(&self, entry: &Entry) -> Decimal {
        self.tolerance
            .or(entry.tolerance)
            .unwrap_or(DEFAULT_TOLERANCE)
    }
}

/// The resolution a verdict is judged against: the figure's own, shared (a reference counted;
/// a copy cost each judged row an allocation for each printed unit's text, and another to free
/// it once the row was written: callgrind, 100 k rows, 3 % of `check`), or the verdict's own
/// where the figure keeps none that fits. Reads as the [`Resolved`] it holds.
#[derive(Clone)]
pub struct Target(TargetOf);

#[derive(Clone)]
enum TargetOf {
    /// A figure's kept resolution, which is `Ok`.
    Shared(crate::plan::CachedResolve),
    Own(Resolved),
}

impl Target {
    /// The target `r` of figure `f`: shared where it is the resolution `f` keeps.
    fn of(f: &Figure, r: std::borrow::Cow<'_, Resolved>) -> Target {
        use std::borrow::Cow;
        match r {
            Cow::Borrowed(b) => match f.resolved.get() {
                Some(kept) if matches!(&kept.1, Ok(k) if std::ptr::eq(k, b)) => {
                    Target(TargetOf::Shared(kept.clone()))
                }
                _ => Target(TargetOf::Own(b.clone())),
            },
            Cow::Owned(o) => Target(TargetOf::Own(o)),
        }
    }
}

/// Never read: a shared resolution is made only of one that is `Ok`.
static NO_TARGET: Resolved = Resolved {
    year: 0,
    threshold: crate::threshold::Threshold {
        op: Op::Ge,
        value: None,
        high: None,
        unit: None,
        label: None,
    },
    value: None,
    high: None,
    unit_printed: None,
};

impl std::ops::Deref for Target {
    type Target = Resolved;

    fn deref(&self) -> &Resolved {
        match &self.0 {
            TargetOf::Own(r) => r,
            TargetOf::Shared(kept) => kept.1.as_ref().unwrap_or(&NO_TARGET),
        }
    }
}

/// As the [`Resolved`] it holds: a verdict's debug form is the same either way.
impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// The target a year is judged against, and how it was chosen.
#[derive(Debug, Clone)]
pub struct Applied {
    pub target: Target,
    pub scope: Scope,
    /// Set when the year has no target of its own: the value the straight path from the
    /// previous point (baseline, earlier target, or zero at the period's start for a running
    /// total) to `target` reaches in the judged year.
    pub path: Option<Decimal>,
    /// For ≈ targets, the accepted band (low, high) around the target or path, catalog unit.
    pub band: Option<(Decimal, Decimal)>,
    /// The band's width in percent of the target, for ≈ targets.
    pub tolerance: Option<Decimal>,
    /// The other reading where the figure's table cell and prose disagree (the cell decided).
    /// Boxed: rare, and a verdict is moved and copied a few times a row judged.
    pub prose: Option<Box<Prose>>,
}

/// A figure's prose reading that differs from its table cell, which decided.
#[derive(Debug, Clone)]
pub struct Prose {
    pub reading: Resolved,
    /// The cell and the prose as printed.
    pub cell: String,
    pub text: String,
}

/// Why a verdict needs a second look, or what it rests on; renderers word them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Not met with a gap of 0: the target excludes its own number (>70, 实际恰为 70).
    ExactHit { op: Op, target: Decimal },
    /// The table cell and the prose read differently; the cell decided. `flips` when the prose
    /// reading would give the other verdict (then the row is doubtful).
    Disagreement {
        cell: String,
        text: String,
        flips: bool,
    },
    /// The value is far from both the baseline and the target: a likely unit slip.
    Implausible {
        factor: Decimal,
        meant: Decimal,
        unit: String,
        against: Against,
    },
    /// The value is ten times or more beyond (or, for a level, a tenth or less of) both the
    /// baseline and the target, and no unit slip explains it; `factor` 0 is a 0 where both are
    /// well above it (not reported yet?).
    Far { factor: Decimal, against: Against },
    /// A value far from its references that reads as a year and a month (`2024.6`): a date
    /// typed where the value belongs.
    DateLike { year: i32, month: u32 },
    /// A year's amount of money about a twelfth of the references, twelve times which lands on
    /// one: a month's amount typed where a year's belongs (`1183` for 1183元/月 in a 年标准 row
    /// of >14000). `meant` is the year's amount (14196).
    Monthly { meant: Decimal, against: Against },
    /// The value is above the largest the quantity can take (the catalog's `max`: `150` for a
    /// share of at most 100 %): judged as typed, but no such value exists.
    OverCap { max: Decimal },
    /// The year's target is a schedule's `0` before the work is due (`0 0 100`): not judged,
    /// 未到考核年份 (README, "Judging rules").
    NotDue,
    /// 进度滞后 before the target's year with no path to judge on (no level baseline, no earlier
    /// target): the whole final target was asked, which a county on its way may not owe yet.
    NoPath { target: Decimal, year: i32 },
    /// The value was read from words that leave room for doubt: what was typed and how it read.
    Typed { typed: String, reading: Reading },
    /// The value was typed in a unit whose symbol is ten times or more from the row's (`8.5‰`
    /// in a % row): converted and judged, but the number may be meant in the row's unit. `value`
    /// is what was judged and `meant` the number typed read in the row's unit, both in the
    /// catalog's unit; `factor` how many of the row's unit one typed unit is (0.1).
    Converted {
        typed: String,
        from: String,
        to: String,
        factor: Decimal,
        value: Decimal,
        meant: Decimal,
    },
    /// What the sheet around the value says that leaves its verdict in doubt.
    Sheet(SheetSays),
    /// Under a cumulative target (累计) the value is below the running total the year started
    /// with, `start`: reported at the last year-end when `reported`, else the plan's (its
    /// cumulative baseline or path). A running total does not fall, so the value is likely the
    /// year's own amount (本年新增, as departments report a flow), for which the running total
    /// would be `total` (start + value).
    BelowRunningTotal {
        start: Decimal,
        reported: bool,
        total: Decimal,
    },
}

/// What a sheet says beside a value that may undo its verdict (tests/clerk-sheets): the value
/// itself reads cleanly, so only the sheet can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetSays {
    /// The row's 备注 says the figure is not final or not comparable: an estimate, a flash or
    /// preliminary count, a changed definition (`预计数`, `快报数`, `口径调整`). `word` is the
    /// word that says so.
    Note { note: String, word: &'static str },
    /// The same indicator and period again further down the same file, with another value:
    /// which one is the jurisdiction's? (`line`, its sheet in a workbook, the value there as
    /// typed).
    Twice {
        line: u64,
        sheet: Option<String>,
        value: String,
    },
    /// The value is the number of the sheet's own target cell beside it (a 目标值 column), as
    /// in half or more of the sheet's rows with one: the target column copied into the value
    /// column? (`cell`, the target cell as typed).
    AsTarget { cell: String },
    /// A flow's period typed as one month or quarter (`10月`, `三季度`) without 累计 or 当月, read
    /// as the year to date and behind or not met: were it the month's own figure, the year to
    /// date would be more (`label`, the period as judged).
    PeriodUnsaid { label: String },
    /// The sheet's own verdict beside the value (a `是否达标` column) says the opposite of the
    /// one its value gets: the value, the target or the self-assessment is wrong (`cell`, the
    /// sheet's verdict as typed).
    Claims { cell: String },
    /// The row is hidden in the workbook, by hand rather than by a filter: taken out of what the
    /// clerk sees (an old figure kept under the new one, a row struck out of the count), and
    /// judged with nobody having seen its number.
    HiddenRow,
    /// The value is struck through in the workbook: crossed out, as a superseded figure is.
    Struck,
    /// Part of the value cell's text is struck through (rich text: an old figure crossed out
    /// beside the new one): judged by the text not struck.
    PartStruck,
}

/// What a far value was held against, so that a message names only what the row has: a row
/// with no baseline is compared with its target alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// The target (or the path's value) and the baseline.
    Both,
    Target,
    Baseline,
    /// The target and, where the row has no baseline, other plans' baselines of the indicator
    /// (how large it is elsewhere: a ceiling alone says only how large it may be).
    Peers,
}

/// How a value typed with words around it was read (see `actuals::value`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// `基本完成`, `基本建成`: partly done, read as not done.
    Partly,
    /// `85（预计）`: a remark after the number; the number is judged.
    Remarked,
    /// `约85`, `85左右`: an approximate value; the number is judged.
    Approximate,
    /// `9.3E+01`: Excel's scientific notation, whose dropped digits are lost; the number is
    /// judged.
    Scientific,
    /// `0` or `1` under a target that brings something to zero (动态清零): read as how many are
    /// left (0 met, 1 not), though a sheet also writes 否 and 是 so.
    CountLeft,
    /// `+5`, `-5` where the row's figures have no sign: a change (较上年增减) typed where the
    /// value belongs, or a sign slip; the number is judged as typed.
    Signed,
}

impl Note {
    /// Whether the note makes the verdict doubtful.
    pub fn doubtful(&self) -> bool {
        match self {
            Note::ExactHit { .. } | Note::NotDue | Note::NoPath { .. } => false,
            Note::Disagreement { flips, .. } => *flips,
            Note::Implausible { .. }
            | Note::Monthly { .. }
            | Note::DateLike { .. }
            | Note::Far { .. }
            | Note::OverCap { .. }
            | Note::Sheet(_)
            | Note::Typed { .. }
            | Note::Converted { .. }
            | Note::BelowRunningTotal { .. } => true,
        }
    }
}

/// The verdict on one (jurisdiction, indicator, year).
#[derive(Debug, Clone)]
pub struct Verdict {
    pub status: Status,
    pub applied: Option<Applied>,
    /// In the catalog's unit; positive = still to go.
    pub gap: Option<Decimal>,
    /// Share (%) of the baseline-to-target distance covered.
    pub progress: Option<Decimal>,
    /// The target asks no movement: the baseline already meets it (a floor at or below where the
    /// jurisdiction stands). Judged met or not, with no progress share.
    pub maintain: bool,
    pub notes: Vec<Note>,
}

impl Verdict {
    fn bare(status: Status, applied: Option<Applied>) -> Verdict {
        Verdict {
            status,
            applied,
            gap: None,
            progress: None,
            maintain: false,
            notes: Vec::new(),
        }
    }

    /// Whether something about the verdict needs a person to look before it goes up.
    pub fn doubtful(&self) -> bool {
        self.notes.iter().any(Note::doubtful)
    }
}

/// A numeric figure's year and value in the catalog's unit (its reading borrowed, not copied).
fn numeric(row: &Row, entry: &Entry, f: &Figure) -> Option<(i32, Decimal)> {
    match resolved(row, entry, f).as_ref() {
        Ok(r) if r.is_numeric() => r.value.map(|v| (r.year, v)),
        _ => None,
    }
}

fn resolves(row: &Row, entry: &Entry, f: &Figure) -> bool {
    resolved(row, entry, f).is_ok()
}

/// The figure of `row` for `year` and `scope` that resolves, if any.
fn figure_for<'a>(row: &'a Row, entry: &Entry, year: i32, scope: Scope) -> Option<&'a Figure> {
    row.targets
        .iter()
        .filter(|f| f.year.value == year && f.scope == scope)
        .find(|f| resolves(row, entry, f))
}

/// The target that applies to `year`: that year's own (level, then cumulative), else an
/// every-year or maintained target whose span (up to its year) covers the year.
pub fn target_for(row: &Row, entry: &Entry, year: i32) -> Option<(Resolved, Scope)> {
    applicable(row, entry, year).and_then(|f| {
        resolved(row, entry, f)
            .into_owned()
            .ok()
            .map(|r| (r, f.scope))
    })
}

fn applicable<'a>(row: &'a Row, entry: &Entry, year: i32) -> Option<&'a Figure> {
    figure_for(row, entry, year, Scope::Level)
        .or_else(|| figure_for(row, entry, year, Scope::Cumulative))
        .or_else(|| {
            row.targets
                .iter()
                .filter(|f| {
                    matches!(f.scope, Scope::Annual | Scope::Maintained) && f.year.value >= year
                })
                .filter(|f| resolves(row, entry, f))
                .min_by_key(|f| f.year.value)
        })
}

/// A baseline as the plan states it: a level in its year, or an average or total over a span.
#[derive(Debug, Clone, Copy)]
pub struct Baseline {
    pub value: Decimal,
    pub year: i32,
    pub kind: Measure,
    /// The span's first year, for an average or a total.
    pub from: Option<i32>,
}

impl Baseline {
    /// `72.66 (2022)`, `82.71 (十三五平均)`, `47 (2016–2020 total)`.
    pub fn display(&self, en: bool) -> String {
        let mut s = String::new();
        self.push_display(&mut s, en);
        s
    }

    /// Appends [`Baseline::display`]: the row writers reuse one buffer for it.
    pub(crate) fn push_display(&self, s: &mut String, en: bool) {
        use std::fmt::Write as _;
        crate::report::push_decimal(s, crate::report::round(self.value, 4).normalize());
        match self.kind {
            // The year's digits without the formatting machinery (a row in seven writes one).
            Measure::Level => {
                s.push_str(" (");
                crate::report::push_decimal(s, Decimal::from(self.year));
                s.push(')');
            }
            _ => {
                let _ = write!(s, " ({})", self.span(en));
            }
        }
    }

    /// What an average or a total covers, in words: `十三五平均`, `十三五累计`, `2016–2020
    /// average`; for a level, its year.
    pub fn span(&self, en: bool) -> String {
        let k = self.kind.label(en);
        match (self.kind, self.from, en) {
            (Measure::Level, _, _) => self.year.to_string(),
            (_, Some(f), false) => match five_year_plan(f, self.year) {
                Some(name) => format!("{name}{k}"),
                None => format!("{f}–{}{k}", self.year),
            },
            (_, Some(f), true) => format!("{f}–{} {k}", self.year),
            (_, None, false) => format!("{}{k}", self.year),
            (_, None, true) => format!("{} {k}", self.year),
        }
    }
}

/// The name of the five-year plan a span of years is (2016–2020: 十三五), if it is one: the
/// third plan began in 1966, and each one since has run five years.
pub fn five_year_plan(from: i32, to: i32) -> Option<String> {
    if to - from != 4 || from < 1966 || (from - 1966) % 5 != 0 {
        return None;
    }
    let n = 3 + (from - 1966) / 5;
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = ((n / 10) as usize, (n % 10) as usize);
    let number = match tens {
        0 => DIGITS[ones].to_string(),
        1 => format!("十{}", DIGITS[ones]),
        t if t < 10 => format!("{}十{}", DIGITS[t], DIGITS[ones]),
        _ => return None,
    };
    Some(format!("{number}五"))
}

/// The baseline of any kind, for display.
pub fn stated_baseline(row: &Row, entry: &Entry) -> Option<Baseline> {
    let b = row.baseline.as_ref()?;
    let (year, value) = numeric(row, entry, b)?;
    Some(Baseline {
        value,
        year,
        kind: b.kind,
        from: b.from.as_ref().map(|f| f.value),
    })
}

/// The baseline as a level in its year: `None` when the plan gives none, or gives an average or a
/// total over a span (which is no year's level, so no path starts from it).
pub fn baseline(row: &Row, entry: &Entry) -> Option<(i32, Decimal)> {
    let b = row.baseline.as_ref()?;
    if !b.kind.is_level() {
        return None;
    }
    numeric(row, entry, b)
}

/// The baseline as the start of a target of `scope`: a level for levels, maintained and
/// every-year targets; a running total that the target continues for cumulative ones.
fn baseline_for(row: &Row, entry: &Entry, scope: Scope, target: Decimal) -> Option<(i32, Decimal)> {
    let b = row.baseline.as_ref()?;
    let (y, v) = baseline(row, entry)?;
    match (b.scope, scope) {
        (Scope::Cumulative, Scope::Cumulative) => {
            // A running total never falls: one larger than the target is another count.
            let continues = match entry.better {
                Better::Lower => target <= v,
                _ => target >= v,
            };
            continues.then_some((y, v))
        }
        (Scope::Level, Scope::Level | Scope::Maintained | Scope::Annual) => Some((y, v)),
        (a, b) if a == b => Some((y, v)),
        _ => None,
    }
}

/// The path point before `year` for a target of `scope`: the latest earlier numeric target of the
/// same scope, else the baseline that scope starts from; a running total with neither starts from
/// zero the year before the period.
fn previous_point(
    row: &Row,
    entry: &Entry,
    scope: Scope,
    year: i32,
    target: Decimal,
    period_start: i32,
) -> Option<(i32, Decimal)> {
    row.targets
        .iter()
        .filter(|f| f.year.value < year && f.scope == scope)
        .filter_map(|f| numeric(row, entry, f))
        .max_by_key(|(y, _)| *y)
        .or_else(|| baseline_for(row, entry, scope, target))
        .or_else(|| (scope == Scope::Cumulative).then_some((period_start - 1, Decimal::ZERO)))
}

/// The straight path from (y0, v0) to (y1, v1), at `year`.
fn path_at(y0: i32, v0: Decimal, y1: i32, v1: Decimal, year: i32) -> Option<Decimal> {
    if y0 >= year || y1 <= y0 {
        return None;
    }
    v1.checked_sub(v0)?
        .checked_mul(Decimal::from(year - y0))?
        .checked_div(Decimal::from(y1 - y0))?
        .checked_add(v0)
}

/// The band around `centre` for a ≈ target: `pct` percent of the target value either side.
fn band(target: Decimal, centre: Decimal, pct: Decimal) -> Option<(Decimal, Decimal)> {
    let half = target
        .abs()
        .checked_mul(pct)?
        .checked_div(Decimal::ONE_HUNDRED)?;
    Some((centre.checked_sub(half)?, centre.checked_add(half)?))
}

/// The accepted zone of a target as (low, high), either open: `value` meets the target when it is
/// inside. Ranges and ≈ are met beyond their far end in the better direction.
fn zone(
    op: Op,
    better: Better,
    value: Decimal,
    high: Option<Decimal>,
    band: Option<(Decimal, Decimal)>,
) -> Option<(Bound, Bound)> {
    use Bound::*;
    let (lo, hi) = match op {
        Op::Ge | Op::Reach => (Closed(value), Open),
        Op::Gt => (Strict(value), Open),
        Op::Le => (Open, Closed(value)),
        Op::Lt => (Open, Strict(value)),
        Op::Eq => (Closed(value), Closed(value)),
        Op::Approx => {
            let (l, h) = band?;
            (Closed(l), Closed(h))
        }
        Op::Range => (Closed(value), Closed(high.unwrap_or(value))),
        Op::Done | Op::None => return None,
    };
    Some(match (op, better) {
        (Op::Approx | Op::Range, Better::Higher) => (lo, Open),
        (Op::Approx | Op::Range, Better::Lower) => (Open, hi),
        _ => (lo, hi),
    })
}

#[derive(Debug, Clone, Copy)]
enum Bound {
    Open,
    Closed(Decimal),
    Strict(Decimal),
}

fn inside((lo, hi): (Bound, Bound), v: Decimal) -> bool {
    let above = match lo {
        Bound::Open => true,
        Bound::Closed(l) => v >= l,
        Bound::Strict(l) => v > l,
    };
    let below = match hi {
        Bound::Open => true,
        Bound::Closed(h) => v <= h,
        Bound::Strict(h) => v < h,
    };
    above && below
}

/// Positive = still to go: the distance to the zone's near edge. Inside a range or a ≈ band it is
/// 0; past a one-sided target it is negative (the margin).
fn gap_to((lo, hi): (Bound, Bound), v: Decimal) -> Decimal {
    let edge = |b: Bound| match b {
        Bound::Open => None,
        Bound::Closed(x) | Bound::Strict(x) => Some(x),
    };
    match (edge(lo), edge(hi)) {
        (Some(l), None) => l - v,
        (None, Some(h)) => v - h,
        (Some(l), Some(h)) => {
            if v < l {
                l - v
            } else if v > h {
                v - h
            } else {
                Decimal::ZERO
            }
        }
        (None, None) => Decimal::ZERO,
    }
}

/// A share as a percentage to one place, half away from zero (`0.8254` → `82.5`).
pub(crate) fn pct(d: Decimal) -> Decimal {
    crate::report::round(d * Decimal::ONE_HUNDRED, 1)
}

/// The prose reading of a figure whose table cell decides, when the two read differently.
fn prose_reading(row: &Row, entry: &Entry, f: &Figure, cell: &Resolved) -> Option<Prose> {
    let printed = f.cell.as_ref()?;
    let p = crate::plan::resolve_prose(row, entry, f)?.ok()?;
    let same = p.threshold.op == cell.threshold.op && p.value == cell.value && p.high == cell.high;
    (!same).then(|| Prose {
        reading: p,
        cell: printed.value.trim().to_string(),
        text: f
            .text
            .as_ref()
            .map(|t| t.value.to_string())
            .unwrap_or_default(),
    })
}

/// The target a year is judged against, borrowed from the plan: the figure that applies (the
/// year's own, an every-year or maintained one covering it, else the next level or cumulative
/// target), its reading, and the value of the straight path to it in the year when it is not
/// the year's own. What a verdict's [`Applied`] is made from, and all that a plan's point in a
/// year needs (without copying a reading per call).
pub(crate) struct Due<'r> {
    pub figure: &'r Figure,
    pub target: std::borrow::Cow<'r, Resolved>,
    pub path: Option<Decimal>,
}

/// A figure's reading, borrowed where it is kept; none when it does not read.
fn reading<'r>(row: &Row, entry: &Entry, f: &'r Figure) -> Option<std::borrow::Cow<'r, Resolved>> {
    use std::borrow::Cow;
    match resolved(row, entry, f) {
        Cow::Borrowed(Ok(r)) => Some(Cow::Borrowed(r)),
        Cow::Owned(Ok(r)) => Some(Cow::Owned(r)),
        _ => None,
    }
}

impl<'r> Due<'r> {
    /// The position of the due figure in its row's targets, and the path: all a [`Due`] needs
    /// to be made again ([`Due::again`]) without looking through the row's figures — what the
    /// reader keeps of the unit-slip check's look, so that judging the row does not repeat it.
    pub(crate) fn parts(&self, row: &Row) -> Option<(u16, Option<Decimal>)> {
        let at = row
            .targets
            .iter()
            .position(|f| std::ptr::eq(f, self.figure))?;
        Some((u16::try_from(at).ok()?, self.path))
    }

    /// The [`Due`] whose [`Due::parts`] these are.
    pub(crate) fn again(
        row: &'r Row,
        entry: &Entry,
        (at, path): (u16, Option<Decimal>),
    ) -> Option<Due<'r>> {
        let figure = row.targets.get(usize::from(at))?;
        let target = reading(row, entry, figure)?;
        Some(Due {
            figure,
            target,
            path,
        })
    }
}

/// The [`Due`] target of `year`; none when the year has none (no target, or none that reads).
pub(crate) fn due<'r>(row: &'r Row, entry: &Entry, ctx: &Ctx, year: i32) -> Option<Due<'r>> {
    let reading = |f: &'r Figure| reading(row, entry, f);
    if let Some(f) = applicable(row, entry, year) {
        return reading(f).map(|target| Due {
            figure: f,
            target,
            path: None,
        });
    }
    // No target this year: the next level or cumulative target, reached along a straight path
    // (a running total from zero at the period's start).
    let (next, f) = row
        .targets
        .iter()
        .filter(|f| f.year.value > year && matches!(f.scope, Scope::Level | Scope::Cumulative))
        .filter_map(|f| reading(f).map(|r| (r, f)))
        .filter(|(r, _)| r.is_numeric() || r.threshold.op == Op::Done)
        .min_by_key(|(r, _)| r.year)?;
    let path = next.value.and_then(|v1| {
        let (y0, v0) = previous_point(row, entry, f.scope, year, v1, ctx.period_start)?;
        path_at(y0, v0, next.year, v1, year)
    });
    Some(Due {
        figure: f,
        target: next,
        path,
    })
}

/// [`judge_due`], finding the year's target itself.
#[cfg(test)]
pub fn judge(row: &Row, entry: &Entry, ctx: &Ctx, year: i32, actual: Option<Actual>) -> Verdict {
    judge_due(row, entry, ctx, year, actual, due(row, entry, ctx, year))
}

/// Judges one reported value (or its absence) for `year`, against the year's [`Due`] target
/// (from [`due`]; the caller finds it, so that the reader's unit-slip check and the verdict
/// share one look through the row's figures).
pub(crate) fn judge_due(
    row: &Row,
    entry: &Entry,
    ctx: &Ctx,
    year: i32,
    actual: Option<Actual>,
    due: Option<Due<'_>>,
) -> Verdict {
    let tolerance = ctx.rules.tolerance(entry);
    let Some(due) = due else {
        return Verdict::bare(Status::NoTarget, None);
    };
    let figure = due.figure;
    let target = Target::of(due.figure, due.target);
    let mut applied = Applied {
        prose: prose_reading(row, entry, due.figure, &target).map(Box::new),
        target,
        scope: due.figure.scope,
        path: due.path,
        band: None,
        tolerance: None,
    };
    let op = applied.target.threshold.op;
    if op == Op::None {
        let mut v = Verdict::bare(Status::NoTarget, Some(applied));
        if figure.not_due(row, entry.better) {
            v.notes.push(Note::NotDue);
        }
        return v;
    }
    if op == Op::Approx
        && let Some(t) = applied.target.value
    {
        applied.band = band(t, applied.path.unwrap_or(t), tolerance);
        applied.tolerance = Some(tolerance);
    }
    let Some(actual) = actual else {
        return Verdict::bare(Status::NoData, Some(applied));
    };
    // Every-year and maintained targets hold in each year of their span: due now, not later.
    let due_later =
        applied.target.year != year && !matches!(applied.scope, Scope::Annual | Scope::Maintained);
    match (actual, op) {
        (Actual::Done(done), _) => {
            let status = match (done, due_later) {
                (true, _) => Status::Met,
                (false, true) => Status::OnTrack,
                (false, false) => Status::NotMet,
            };
            Verdict::bare(status, Some(applied))
        }
        (Actual::Number(_), Op::Done) => Verdict::bare(Status::NotMet, Some(applied)),
        (Actual::Number(v), _) => judge_number(row, entry, applied, v, due_later),
    }
}

/// Where a numeric target stands against the row's baseline: the zone that meets it (≈ with its
/// whole band), the baseline it starts from, and whether that baseline already meets it.
struct Standing {
    final_zone: (Bound, Bound),
    full_band: Option<(Decimal, Decimal)>,
    start: Option<(i32, Decimal)>,
    /// A target the baseline already meets asks no movement: it is a floor (or ceiling) to hold,
    /// judged as it stands in every year up to its own, with no path and no share of progress.
    maintain: bool,
}

/// The [`Standing`] of a target with a value; none when it has no zone (done, no target).
fn standing(
    row: &Row,
    entry: &Entry,
    target: &Resolved,
    scope: Scope,
    tolerance: Decimal,
) -> Option<Standing> {
    let value = target.value?;
    let op = target.threshold.op;
    let full_band = (op == Op::Approx)
        .then(|| band(value, value, tolerance))
        .flatten();
    let final_zone = zone(op, entry.better, value, target.high, full_band)?;
    let start = baseline_for(row, entry, scope, value);
    let maintain = start.is_some_and(|(_, b)| inside(final_zone, b));
    Some(Standing {
        final_zone,
        full_band,
        start,
        maintain,
    })
}

/// The value [`judge_due`] holds a reported number against in `year` (the path's value where the year
/// is on a path, else the target's), found without judging: what [`plausibility`] compares a
/// value with, which the reader asks of every row before any is judged.
#[cfg(test)]
pub(crate) fn held_against(row: &Row, entry: &Entry, ctx: &Ctx, year: i32) -> Option<Decimal> {
    held_against_due(row, entry, ctx, &due(row, entry, ctx, year)?)
}

/// [`held_against`] of the year's [`Due`] target, found by the caller.
pub(crate) fn held_against_due(row: &Row, entry: &Entry, ctx: &Ctx, due: &Due) -> Option<Decimal> {
    let target = &*due.target;
    let keeps_path = match target.threshold.op {
        // Judged with no zone: the verdict keeps the path it was given.
        Op::None | Op::Done => true,
        op => {
            // As `judge` gives `judge_number` a ≈ target's tolerance (no other op uses one).
            let tolerance = if op == Op::Approx {
                ctx.rules.tolerance(entry)
            } else {
                DEFAULT_TOLERANCE
            };
            standing(row, entry, target, due.figure.scope, tolerance).is_none_or(|s| !s.maintain)
        }
    };
    match keeps_path {
        true => due.path.or(target.value),
        false => target.value,
    }
}

fn judge_number(
    row: &Row,
    entry: &Entry,
    mut applied: Applied,
    v: Decimal,
    due_later: bool,
) -> Verdict {
    let Some(target) = applied.target.value else {
        return Verdict::bare(Status::NoTarget, Some(applied));
    };
    let op = applied.target.threshold.op;
    let tolerance = applied.tolerance.unwrap_or(DEFAULT_TOLERANCE);
    let Some(Standing {
        final_zone,
        full_band,
        start,
        maintain,
    }) = standing(row, entry, &applied.target, applied.scope, tolerance)
    else {
        return Verdict::bare(Status::NoTarget, Some(applied));
    };
    if maintain {
        applied.path = None;
        applied.band = full_band;
    }
    let reference = applied.path.unwrap_or(target);
    let shift = reference - target;
    let z = if shift.is_zero() {
        final_zone
    } else {
        let high = applied.target.high.map(|h| h + shift);
        zone(op, entry.better, reference, high, applied.band).unwrap_or(final_zone)
    };
    let ok = inside(z, v);
    let later = due_later && !maintain;
    let status = match (later, ok) {
        (false, true) => Status::Met,
        (false, false) => Status::NotMet,
        (true, true) => Status::OnTrack,
        (true, false) => Status::Behind,
    };
    // Inside a range or a ≈ band, or past it in the better direction, nothing is left to go.
    let gap = if ok && matches!(op, Op::Approx | Op::Range) {
        Decimal::ZERO
    } else {
        gap_to(z, v)
    };
    let mut notes = Vec::new();
    if status == Status::Behind && applied.path.is_none() {
        notes.push(Note::NoPath {
            target,
            year: applied.target.year,
        });
    }
    if !ok && gap.is_zero() {
        notes.push(Note::ExactHit {
            op,
            target: reference,
        });
    }
    if let Some(p) = &applied.prose {
        let r = &p.reading;
        // Whether the prose reading would decide the other way (like for like: no path).
        let flips = applied.path.is_none()
            && r.value.is_some_and(|pv| {
                let b = (r.threshold.op == Op::Approx)
                    .then(|| band(pv, pv, applied.tolerance.unwrap_or(DEFAULT_TOLERANCE)))
                    .flatten();
                zone(r.threshold.op, entry.better, pv, r.high, b)
                    .is_some_and(|z2| inside(z2, v) != ok)
            });
        notes.push(Note::Disagreement {
            cell: p.cell.clone(),
            text: p.text.clone(),
            flips,
        });
    }
    let progress = if maintain {
        None
    } else {
        let from = match applied.scope {
            Scope::Cumulative => start.or(Some((0, Decimal::ZERO))),
            _ => start,
        };
        from.and_then(|(_, b)| {
            let whole = target - b;
            if whole.is_zero() {
                None
            } else {
                (v - b).checked_div(whole).map(pct)
            }
        })
    };
    Verdict {
        status,
        applied: Some(applied),
        gap: Some(gap),
        progress,
        maintain,
        notes,
    }
}

/// A value 100 or 10 000 times away from both the baseline and the target of its row (a percent
/// typed as a fraction, 人 typed where the row counts 万人): the factor and what the value would
/// be without the slip, in the catalog's unit. Else a value far from both with no slip to explain
/// it ([`Note::Far`]). A value near either one is taken as typed.
/// `peers` gives, when asked, the smallest and the largest baseline the plans state for the
/// indicator (`PlanSet::peer_baselines`).
pub fn plausibility(
    row: &Row,
    entry: &Entry,
    verdict: &Verdict,
    actual: Actual,
    peers: &dyn Fn() -> Option<(Decimal, Decimal)>,
) -> Option<Note> {
    let target = verdict
        .applied
        .as_ref()
        .and_then(|a| a.path.or(a.target.value));
    plausibility_against(row, entry, target, actual, peers)
}

/// A baseline as a magnitude of the indicator where the row stands: a year's level, or an
/// average over a span (黄岩 PM2.5 十三五平均 27); not a total, which is no level.
pub(crate) fn magnitude(row: &Row, entry: &Entry) -> Option<Decimal> {
    let b = row.baseline.as_ref()?;
    if b.kind == Measure::Total {
        return None;
    }
    numeric(row, entry, b).map(|(_, v)| v)
}

/// [`plausibility`] against the value the verdict holds a number against (see [`held_against_due`]).
pub(crate) fn plausibility_against(
    row: &Row,
    entry: &Entry,
    target: Option<Decimal>,
    actual: Actual,
    peers: &dyn Fn() -> Option<(Decimal, Decimal)>,
) -> Option<Note> {
    let Actual::Number(v) = actual else {
        return None;
    };
    // Above what the quantity can take: no slip of a reference explains it better than a slip
    // of the unit or the decimal point, which say what was meant.
    let over = over_cap(entry, v);
    let base = magnitude(row, entry);
    let mut refs: Vec<Decimal> = [target, base]
        .into_iter()
        .flatten()
        .filter(|r| *r > Decimal::ZERO)
        .collect();
    if refs.is_empty() || v < Decimal::ZERO {
        return over;
    }
    let mut against = match (
        target.is_some_and(|t| t > Decimal::ZERO),
        base.is_some_and(|b| b > Decimal::ZERO),
    ) {
        (true, true) => Against::Both,
        (true, false) => Against::Target,
        _ => Against::Baseline,
    };
    // A ceiling alone (控制在8%以下) says how large the value may be, not how large it is: a
    // tenth of it may be a county far below, or a slipped decimal point. Where the row has no
    // baseline, other plans' baselines of the indicator say how large it is elsewhere; asked
    // only for a value a fifth of the ceiling or less, so that most rows never ask.
    if against == Against::Target
        && entry.better == Better::Lower
        && refs
            .first()
            .and_then(|t| v.checked_mul(Decimal::from(5)).map(|v5| v5 <= *t))
            == Some(true)
        && let Some((lo, hi)) = peers()
    {
        refs.extend([lo, hi]);
        refs.dedup();
        against = Against::Peers;
    }
    // Far: more than 20 times away; near: within 5 times. Both checked in exact decimals.
    let ratio = |x: Decimal, r: Decimal| x.checked_div(r);
    let far = |x: Decimal| {
        refs.iter().all(|r| {
            ratio(x, *r)
                .is_some_and(|q| q > Decimal::from(20) || q * Decimal::from(20) < Decimal::ONE)
        })
    };
    let near = |x: Decimal| {
        refs.iter().any(|r| {
            ratio(x, *r)
                .is_some_and(|q| q <= Decimal::from(5) && q * Decimal::from(5) >= Decimal::ONE)
        })
    };
    let factors = [
        Decimal::from(100),
        Decimal::from(10_000),
        Decimal::new(1, 2),
        Decimal::new(1, 4),
    ];
    let slip = far(v)
        .then(|| {
            factors.into_iter().find_map(|f| {
                let meant = v.checked_div(f)?;
                near(meant).then(|| Note::Implausible {
                    factor: f,
                    meant,
                    unit: entry.unit_text(),
                    against,
                })
            })
        })
        .flatten();
    let from_baseline = against != Against::Target;
    let note = slip
        .or_else(|| monthly(entry, v, &refs, from_baseline, against))
        .or_else(|| decimal_slip(entry, v, &refs, from_baseline, against))
        .or(over)
        .or_else(|| unexplained(entry, v, &refs, from_baseline, against))?;
    // A far value that reads as a year and a month (`2024.6`: the report's date typed where the
    // value belongs) is no slip of a unit: "did you mean 20.246%?" would mislead.
    Some(match date_like(v) {
        Some((year, month)) if far(v) => Note::DateLike { year, month },
        _ => note,
    })
}

/// `2024.6`, `2024.06`, `2024.12` as (2024, 6), (2024, 6), (2024, 12): a year of this century or
/// the last decade of the one before, a point, and a month written with one or two digits.
fn date_like(v: Decimal) -> Option<(i32, u32)> {
    let year = v.trunc();
    let y = i32::try_from(year.mantissa() / 10i128.pow(year.scale())).ok()?;
    if !(1990..=2099).contains(&y) || !matches!(v.scale(), 1 | 2) {
        return None;
    }
    let frac = v.checked_sub(year)?;
    let month = u32::try_from(frac.mantissa()).ok()?;
    (1..=12).contains(&month).then_some((y, month))
}

/// A value above the largest its quantity can be (the catalog's `max`).
pub(crate) fn over_cap(entry: &Entry, v: Decimal) -> Option<Note> {
    entry
        .max
        .filter(|m| v > *m)
        .map(|max| Note::OverCap { max })
}

/// Whether the indicator is judged as a level (a stock or a rate): a flow's year-to-date count
/// is small early in the year, and a milestone has no size, so neither is doubted for being
/// small.
fn is_level(entry: &Entry) -> bool {
    !matches!(
        entry.accrual(),
        crate::plan::schema::Accrual::Flow | crate::plan::schema::Accrual::Milestone
    )
}

/// Whether a value far below the references says something: where higher is better always;
/// where lower is better only against the row's own baseline (a ceiling may stand far above
/// where a county is).
fn small_tells(entry: &Entry, from_baseline: bool) -> bool {
    entry.better == Better::Higher || from_baseline
}

/// Whether `meant` lies within `lo`–`hi` times one of the references (exact decimal products).
fn near_any(meant: Decimal, refs: &[Decimal], lo: Decimal, hi: Decimal) -> bool {
    refs.iter().any(|r| {
        r.checked_mul(lo).is_some_and(|l| meant >= l)
            && r.checked_mul(hi).is_some_and(|h| meant <= h)
    })
}

/// A month's amount typed where the row counts a year's ([`Note::Monthly`]): the catalog's unit
/// is money with no period (a year's amount, as the plans state incomes and allowances), the
/// value a fifth of every reference or less, and twelve times it within a tenth of one. Checked
/// before a slipped decimal point, which the same value may also fit less closely (1183 × 10 is
/// 11830, a fifth off 14000; 1183 × 12 is 14196). As for that slip, a level only, and where
/// lower is better only against a baseline.
fn monthly(
    entry: &Entry,
    v: Decimal,
    refs: &[Decimal],
    from_baseline: bool,
    against: Against,
) -> Option<Note> {
    let money = entry
        .unit
        .as_ref()
        .and_then(|u| crate::plan::memo::unit(&u.value).ok())
        .is_some_and(|u| u.is_money() && !u.printed().contains(['/', '每']));
    let level = is_level(entry);
    if !money || !level || !small_tells(entry, from_baseline) || v <= Decimal::ZERO {
        return None;
    }
    let v5 = v.checked_mul(Decimal::from(5))?;
    if !refs.iter().all(|r| v5 <= *r) {
        return None;
    }
    let meant = v.checked_mul(Decimal::from(12))?;
    // Within a tenth of one of them.
    near_any(meant, refs, Decimal::new(9, 1), Decimal::new(11, 1))
        .then_some(Note::Monthly { meant, against })
}

/// A value five times or more beyond every reference that a slipped decimal point explains: a
/// tenth of it within a fifth of one of them (`500` typed for 50 in a % row whose baseline is
/// 60, `30` for 3.0 in a row of 4.3), or, for a level, ten times it (`0.95` for 9.5 in a row of
/// ≤9.2, where it would read 达标). Not ten times a flow below: a year-to-date count is a tenth
/// of the year's early in the year; nor, where lower is better, below a ceiling alone (see
/// [`unexplained`]).
fn decimal_slip(
    entry: &Entry,
    v: Decimal,
    refs: &[Decimal],
    from_baseline: bool,
    against: Against,
) -> Option<Note> {
    let five = Decimal::from(5);
    let times = |a: Decimal, n: Decimal| a.checked_mul(n);
    let above = refs
        .iter()
        .all(|r| times(*r, five).is_some_and(|r5| v > r5));
    let level = is_level(entry);
    let below = level
        && small_tells(entry, from_baseline)
        && refs
            .iter()
            .all(|r| times(v, five).is_some_and(|v5| v5 < *r));
    let factor = match (above, below) {
        (true, _) => Decimal::TEN,
        (_, true) => Decimal::new(1, 1),
        _ => return None,
    };
    let meant = v.checked_div(factor)?;
    // Within a fifth of one of them: meant / r from 0.8 to 1.25.
    near_any(meant, refs, Decimal::new(8, 1), Decimal::new(125, 2)).then(|| Note::Implausible {
        factor,
        meant,
        unit: entry.unit_text(),
        against,
    })
}

/// A value ten times or more beyond both references, or (for a level) a tenth or less of both,
/// or a level's 0, with no unit slip to explain it. Not for a flow below: a year-to-date count
/// is small early in the year. Where lower is better, a small value is the aim, and a ceiling
/// (控制在1‰以内) may stand far above where a county is: a tenth of the references is doubtful
/// only when one of them is the row's baseline, since no level falls to a tenth of where it
/// stood in a few years, while `8.5` typed under a unit of ‰ into a % row (0.85 against 9.2)
/// reads exactly so.
fn unexplained(
    entry: &Entry,
    v: Decimal,
    refs: &[Decimal],
    from_baseline: bool,
    against: Against,
) -> Option<Note> {
    let ten = Decimal::TEN;
    let min_ratio = refs.iter().filter_map(|r| v.checked_div(*r)).min()?;
    let max_ratio = refs.iter().filter_map(|r| v.checked_div(*r)).max()?;
    if min_ratio >= ten {
        return Some(Note::Far {
            factor: min_ratio.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero),
            against,
        });
    }
    let level = is_level(entry);
    // A 0 where both are above it is a sheet not filled in as often as a real 0, whichever way
    // is better: worth a look before a 达标 goes up.
    if level && v.is_zero() {
        return Some(Note::Far {
            factor: Decimal::ZERO,
            against,
        });
    }
    if level && small_tells(entry, from_baseline) && max_ratio * ten <= Decimal::ONE {
        return Some(Note::Far {
            factor: max_ratio.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero),
            against,
        });
    }
    None
}

/// Whether `value` meets the resolved target as it stands (no path), ≈ within `tolerance` %.
pub fn meets(target: &Resolved, better: Better, tolerance: Decimal, value: Decimal) -> bool {
    let Some(t) = target.value else { return false };
    let op = target.threshold.op;
    let b = (op == Op::Approx).then(|| band(t, t, tolerance)).flatten();
    zone(op, better, t, target.high, b).is_some_and(|z| inside(z, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Catalog, Plan};
    use rust_decimal_macros::dec;

    /// A verdict's target shares the figure's kept resolution where it can, and reads as the
    /// resolution copied, as before: every due target of the bundled plans' rows, every year.
    #[test]
    fn a_shared_target_reads_as_the_resolution_copied() {
        let (set, _) = crate::plan::PlanSet::load(&crate::plan::load::PlanDir::Builtin);
        let set = set.expect("built-in plans");
        let (mut shared, mut checked) = (0, 0);
        for plan in set.plans() {
            let ctx = Ctx::new(&plan.plan, Rules::default());
            let (start, end) = (plan.plan.period.start.value, plan.plan.period.end.value);
            for (_, row) in plan.rows() {
                let Some(entry) = set.catalog.get(&row.id.value) else {
                    continue;
                };
                for year in start..=end {
                    let Some(d) = due(row, entry, &ctx, year) else {
                        continue;
                    };
                    let copied = format!("{:?}", d.target.clone().into_owned());
                    let t = Target::of(d.figure, d.target);
                    shared += usize::from(matches!(t.0, TargetOf::Shared(_)));
                    assert_eq!(format!("{t:?}"), copied, "{} {year}", row.id.value);
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 1000 && shared * 2 > checked,
            "{shared} of {checked}"
        );
    }

    fn setup(unit: &str, better: &str, targets: &str) -> (Row, Entry) {
        let cat: Catalog = serde_saphyr::from_str(&format!(
            "indicators:\n  - {{ id: x, name: 指标, name_en: X, domain: 病有良医, unit: \"{unit}\", better: {better} }}\n"
        ))
        .unwrap();
        let plan: Plan = serde_saphyr::from_str(&format!(
            "jurisdiction: {{ id: t, name: 测, name_en: T, level: county }}\ndocument: {{ title: t, issuer: i, date: d, kind: implementation, source: s }}\nperiod: {{ start: 2023, end: 2027 }}\nbaseline_year: 2022\nindicators:\n  - id: x\n    name: 指标\n    unit: \"{unit}\"\n{targets}"
        ))
        .unwrap();
        let entry = cat.indicators.into_iter().next().unwrap();
        (plan.indicators.into_iter().next().unwrap(), entry)
    }

    /// Judges with the default rules in a plan whose period starts in 2023.
    fn judge(row: &Row, e: &Entry, year: i32, actual: Option<Actual>) -> Verdict {
        let ctx = Ctx {
            period_start: 2023,
            rules: Rules::default(),
        };
        let v = super::judge(row, e, &ctx, year, actual);
        // Every case also holds the reader's shortcut to what the verdict is held against.
        if let Some(Actual::Number(_)) = actual {
            let held = v.applied.as_ref().and_then(|a| a.path.or(a.target.value));
            assert_eq!(held_against(row, e, &ctx, year), held, "{year} {actual:?}");
        }
        v
    }

    fn status(
        row: &Row,
        e: &Entry,
        year: i32,
        v: Decimal,
    ) -> (Status, Option<Decimal>, Option<Decimal>) {
        let j = judge(row, e, year, Some(Actual::Number(v)));
        (j.status, j.gap, j.progress)
    }

    const PATH: &str = "    table: \"1 x 60 70 80\"\n    baseline: { year: 2022, cell: \"60\" }\n    targets:\n      - { year: 2023, cell: \"70\" }\n      - { year: 2025, cell: \"80\" }\n      - { year: 2027, cell: \">90\" }\n";

    #[test]
    fn nearness_to_a_reference_is_inclusive_and_exact() {
        let (lo, hi) = (dec!(0.9), dec!(1.1));
        for (meant, refs, near) in [
            (dec!(90), vec![dec!(100)], true),
            (dec!(110), vec![dec!(100)], true),
            (dec!(89.99), vec![dec!(100)], false),
            (dec!(110.01), vec![dec!(100)], false),
            // One reference near is enough.
            (dec!(14196), vec![dec!(12600), dec!(14000)], true),
            (dec!(5), vec![], false),
        ] {
            assert_eq!(
                near_any(meant, &refs, lo, hi),
                near,
                "{meant} against {refs:?}"
            );
        }
    }

    #[test]
    fn exactly_on_the_threshold() {
        let (row, e) = setup("%", "higher", PATH);
        assert_eq!(
            status(&row, &e, 2023, dec!(70)),
            (Status::Met, Some(dec!(0)), Some(dec!(100.0)))
        );
        assert_eq!(status(&row, &e, 2023, dec!(69.9)).0, Status::NotMet);
        // `>90`: exactly 90 is not enough (超过 does not include the number).
        assert_eq!(status(&row, &e, 2027, dec!(90)).0, Status::NotMet);
        assert_eq!(status(&row, &e, 2027, dec!(90.01)).0, Status::Met);
    }

    #[test]
    fn on_track_against_the_path() {
        let (row, e) = setup("%", "higher", PATH);
        // 2024 lies halfway from 70 (2023) to 80 (2025): the path asks 75.
        let j = judge(&row, &e, 2024, Some(Actual::Number(dec!(75))));
        assert_eq!(
            (j.status, j.applied.as_ref().and_then(|a| a.path)),
            (Status::OnTrack, Some(dec!(75)))
        );
        assert_eq!(
            status(&row, &e, 2024, dec!(74)),
            (Status::Behind, Some(dec!(1)), Some(dec!(70.0)))
        );
    }

    #[test]
    fn lower_is_better() {
        let t = "    table: \"1 x 9.64 9.40 8.50\"\n    baseline: { year: 2022, cell: \"9.64\" }\n    targets:\n      - { year: 2023, cell: \"9.40\" }\n      - { year: 2027, cell: \"8.50\" }\n";
        let (row, e) = setup("%", "lower", t);
        assert_eq!(status(&row, &e, 2023, dec!(9.40)).0, Status::Met);
        assert_eq!(
            status(&row, &e, 2023, dec!(9.41)),
            (Status::NotMet, Some(dec!(0.01)), Some(dec!(95.8)))
        );
        assert_eq!(
            status(&row, &e, 2027, dec!(8)),
            (Status::Met, Some(dec!(-0.5)), Some(dec!(143.9)))
        );
    }

    #[test]
    fn cumulative_and_no_target() {
        let t = "    table: \"9 x 4.3 6.8 / 15\"\n    baseline: { year: 2022, cell: \"4.3\", scope: cumulative }\n    targets:\n      - { year: 2023, cell: \"6.8\", scope: cumulative }\n      - { year: 2024, cell: \"/\" }\n      - { year: 2027, cell: \"15\", scope: cumulative }\n";
        let (row, e) = setup("万人次", "higher", t);
        let j = judge(&row, &e, 2023, Some(Actual::Number(dec!(68000))));
        assert_eq!(
            (j.status, j.applied.unwrap().scope),
            (Status::Met, Scope::Cumulative)
        );
        assert_eq!(status(&row, &e, 2024, dec!(1)).0, Status::NoTarget);
        assert_eq!(judge(&row, &e, 2027, None).status, Status::NoData);
    }

    /// `0 0 100 100 100` (通过国家义务教育优质均衡发展县省级评估率): the 0s mean "not assessed
    /// yet", never a target any value meets.
    #[test]
    fn a_schedules_zero_is_not_due() {
        const SCHEDULE: &str = "    table: \"3 x 0 0 0 100 100 100\"\n    baseline: { year: 2022, cell: \"0\" }\n    targets:\n      - { year: 2023, cell: \"0\" }\n      - { year: 2024, cell: \"0\" }\n      - { year: 2025, cell: \"100\" }\n      - { year: 2027, cell: \"100\" }\n";
        let (row, e) = setup("%", "higher", SCHEDULE);
        for v in [dec!(0), dec!(50)] {
            let j = judge(&row, &e, 2023, Some(Actual::Number(v)));
            assert_eq!(
                (j.status, j.notes.as_slice()),
                (Status::NoTarget, &[Note::NotDue][..])
            );
        }
        assert_eq!(judge(&row, &e, 2024, None).notes, [Note::NotDue]);
        // The 100 is judged as usual, and the year after it goes by the next target.
        assert_eq!(status(&row, &e, 2025, dec!(100)).0, Status::Met);
        assert_eq!(status(&row, &e, 2025, dec!(0)).0, Status::NotMet);
        assert_eq!(status(&row, &e, 2026, dec!(100)).0, Status::OnTrack);
        // Said in the plan, the same; a 0 the plan means is a target; a printed `≥0` is one too.
        let explicit = SCHEDULE.replace(
            "cell: \"0\" }\n      - { year: 2024",
            "cell: \"0\", no_target: not-due }\n      - { year: 2024",
        );
        let (row, e) = setup("%", "higher", &explicit);
        assert_eq!(
            judge(&row, &e, 2023, Some(Actual::Number(dec!(7)))).notes,
            [Note::NotDue]
        );
        let meant = SCHEDULE.replace(
            "cell: \"0\" }\n      - { year: 2024",
            "cell: \"0\", zero_is_target: true }\n      - { year: 2024",
        );
        let (row, e) = setup("%", "higher", &meant);
        assert_eq!(status(&row, &e, 2023, dec!(0)).0, Status::Met);
        assert_eq!(status(&row, &e, 2024, dec!(0)).0, Status::NoTarget);
        let printed = SCHEDULE.replace("0 0 0 100", "0 ≥0 0 100").replace(
            "{ year: 2023, cell: \"0\" }",
            "{ year: 2023, cell: \"≥0\" }",
        );
        let (row, e) = setup("%", "higher", &printed);
        assert_eq!(status(&row, &e, 2023, dec!(0)).0, Status::Met);
        // Lower is better: a 0 is the hardest target there is (重大安全事故 0).
        let (row, e) = setup("%", "lower", SCHEDULE);
        assert_eq!(status(&row, &e, 2023, dec!(1)).0, Status::NotMet);
        assert!(
            judge(&row, &e, 2023, Some(Actual::Number(dec!(0))))
                .notes
                .is_empty()
        );
    }

    #[test]
    fn milestones_due_later_are_on_track_until_their_year() {
        let cat: Catalog = serde_saphyr::from_str(
            "indicators:\n  - { id: m, name: 建成, name_en: M, domain: 综合集成, better: done }\n",
        )
        .unwrap();
        let plan: Plan = serde_saphyr::from_str("jurisdiction: { id: t, name: 测, name_en: T, level: county }\ndocument: { title: t, issuer: i, date: d, kind: implementation, source: s }\nperiod: { start: 2023, end: 2027 }\nbaseline_year: 2022\nindicators:\n  - id: m\n    name: 建成\n    targets:\n      - { year: 2027, text: 建成, quote: 建成 }\n").unwrap();
        let (row, e) = (&plan.indicators[0], &cat.indicators[0]);
        assert_eq!(
            judge(row, e, 2025, Some(Actual::Done(false))).status,
            Status::OnTrack
        );
        assert_eq!(
            judge(row, e, 2027, Some(Actual::Done(false))).status,
            Status::NotMet
        );
        assert_eq!(
            judge(row, e, 2027, Some(Actual::Done(true))).status,
            Status::Met
        );
        assert_eq!(judge(row, e, 2027, None).status, Status::NoData);
    }

    /// One rule, one line: the targets as a plan encodes them, a reported value, the verdict.
    struct Case {
        rule: &'static str,
        better: &'static str,
        targets: &'static str,
        year: i32,
        value: Decimal,
        status: Status,
        gap: Option<Decimal>,
        progress: Option<Decimal>,
        maintain: bool,
    }

    const MAINTAINED_92: &str = "    targets:\n      - { year: 2027, scope: maintained, text: 保持在92%以上, quote: 保持在92%以上 }\n";
    const ANNUAL_22: &str = "    unit: 万人\n    targets:\n      - { year: 2027, scope: annual, text: 22万人以上, quote: 22万人以上 }\n";
    const ABOUT_90: &str = "    targets:\n      - { year: 2027, scope: maintained, text: 稳定在90%左右, quote: 稳定在90%左右 }\n";
    const RANGE_2_3: &str = "    targets:\n      - { year: 2027, text: 2—3个, quote: 2—3个 }\n";
    const TOTAL_5: &str = "    targets:\n      - { year: 2027, scope: cumulative, text: 达5万人以上, quote: 达5万人以上 }\n";
    const FLOOR_70: &str = "    table: \"x 72.66 >70\"\n    baseline: { year: 2022, cell: \"72.66\" }\n    targets:\n      - { year: 2023, cell: \">70\", scope: annual }\n      - { year: 2027, cell: \">70\", scope: annual }\n";
    const LEVEL_FLOOR: &str = "    table: \"x 72.66 >70\"\n    baseline: { year: 2022, cell: \"72.66\" }\n    targets:\n      - { year: 2027, cell: \">70\" }\n";
    const CEILING_ABOUT: &str =
        "    targets:\n      - { year: 2027, text: 5%左右, quote: 5%左右 }\n";
    const AVERAGE_BASE: &str = "    baseline: { year: 2022, kind: average, from: 2018, text: 82.71岁, quote: 82.71岁 }\n    targets:\n      - { year: 2027, text: 达到83岁, quote: 达到83岁 }\n";

    #[test]
    fn every_target_kind_by_what_its_words_mean() {
        let cases = [
            Case {
                rule: "maintained: below the floor before its year is not met",
                better: "higher",
                targets: MAINTAINED_92,
                year: 2024,
                value: dec!(91),
                status: Status::NotMet,
                gap: Some(dec!(1)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "maintained: at the floor is met",
                better: "higher",
                targets: MAINTAINED_92,
                year: 2024,
                value: dec!(92),
                status: Status::Met,
                gap: Some(dec!(0)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "every year: 23万 against 22万人以上 is met in 2024",
                better: "higher",
                targets: ANNUAL_22,
                year: 2024,
                value: dec!(23),
                status: Status::Met,
                gap: Some(dec!(-1)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "every year: short of it in any year is not met",
                better: "higher",
                targets: ANNUAL_22,
                year: 2025,
                value: dec!(21),
                status: Status::NotMet,
                gap: Some(dec!(1)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "≈: inside the band is met, gap 0",
                better: "higher",
                targets: ABOUT_90,
                year: 2024,
                value: dec!(90.5),
                status: Status::Met,
                gap: Some(dec!(0)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "≈: at the band's edge (90 − 2 %) is met",
                better: "higher",
                targets: ABOUT_90,
                year: 2024,
                value: dec!(88.2),
                status: Status::Met,
                gap: Some(dec!(0)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "≈: beyond the band in the better direction is met",
                better: "higher",
                targets: ABOUT_90,
                year: 2025,
                value: dec!(95),
                status: Status::Met,
                gap: Some(dec!(0)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "≈: below the band is not met, gap to the band",
                better: "higher",
                targets: ABOUT_90,
                year: 2026,
                value: dec!(88),
                status: Status::NotMet,
                gap: Some(dec!(0.2)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "≈ where lower is better: under the band is met",
                better: "lower",
                targets: CEILING_ABOUT,
                year: 2027,
                value: dec!(3),
                status: Status::Met,
                gap: Some(dec!(0)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "≈ where lower is better: over the band is not met",
                better: "lower",
                targets: CEILING_ABOUT,
                year: 2027,
                value: dec!(5.2),
                status: Status::NotMet,
                gap: Some(dec!(0.1)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "range: inside is met, gap 0",
                better: "higher",
                targets: RANGE_2_3,
                year: 2027,
                value: dec!(3),
                status: Status::Met,
                gap: Some(dec!(0)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "range: beyond in the better direction is met, gap 0",
                better: "higher",
                targets: RANGE_2_3,
                year: 2027,
                value: dec!(4),
                status: Status::Met,
                gap: Some(dec!(0)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "range: below is not met, gap to its low end",
                better: "higher",
                targets: RANGE_2_3,
                year: 2027,
                value: dec!(1),
                status: Status::NotMet,
                gap: Some(dec!(1)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "range where lower is better: above it is not met",
                better: "lower",
                targets: RANGE_2_3,
                year: 2027,
                value: dec!(4),
                status: Status::NotMet,
                gap: Some(dec!(1)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "cumulative: on the path from zero at the period's start (2 of 5 years → 2)",
                better: "higher",
                targets: TOTAL_5,
                year: 2024,
                value: dec!(2.1),
                status: Status::OnTrack,
                gap: Some(dec!(-0.1)),
                progress: Some(dec!(42.0)),
                maintain: false,
            },
            Case {
                rule: "cumulative: under the path is behind",
                better: "higher",
                targets: TOTAL_5,
                year: 2025,
                value: dec!(2.5),
                status: Status::Behind,
                gap: Some(dec!(0.5)),
                progress: Some(dec!(50.0)),
                maintain: false,
            },
            Case {
                rule: "cumulative: judged in full in its year",
                better: "higher",
                targets: TOTAL_5,
                year: 2027,
                value: dec!(5),
                status: Status::Met,
                gap: Some(dec!(0)),
                progress: Some(dec!(100.0)),
                maintain: false,
            },
            Case {
                rule: "no movement asked: above the floor is met, no progress share",
                better: "higher",
                targets: FLOOR_70,
                year: 2024,
                value: dec!(86),
                status: Status::Met,
                gap: Some(dec!(-16)),
                progress: None,
                maintain: true,
            },
            Case {
                rule: "no movement asked: under the floor is not met, no progress share",
                better: "higher",
                targets: FLOOR_70,
                year: 2024,
                value: dec!(69),
                status: Status::NotMet,
                gap: Some(dec!(1)),
                progress: None,
                maintain: true,
            },
            Case {
                rule: "no movement asked, a level target years away: judged against the floor now",
                better: "higher",
                targets: LEVEL_FLOOR,
                year: 2024,
                value: dec!(69),
                status: Status::NotMet,
                gap: Some(dec!(1)),
                progress: None,
                maintain: true,
            },
            Case {
                rule: "an average baseline starts no path and gives no progress",
                better: "higher",
                targets: AVERAGE_BASE,
                year: 2027,
                value: dec!(83.5),
                status: Status::Met,
                gap: Some(dec!(-0.5)),
                progress: None,
                maintain: false,
            },
            Case {
                rule: "an average baseline: a year before the target has no path to judge on",
                better: "higher",
                targets: AVERAGE_BASE,
                year: 2024,
                value: dec!(80),
                status: Status::Behind,
                gap: Some(dec!(3)),
                progress: None,
                maintain: false,
            },
        ];
        for c in cases {
            let unit = ["万人", "个", "岁"]
                .into_iter()
                .find(|u| c.targets.contains(u))
                .unwrap_or("%");
            let targets = c.targets.replace("    unit: 万人\n", "");
            let (row, e) = setup(unit, c.better, &targets);
            let j = judge(&row, &e, c.year, Some(Actual::Number(c.value)));
            assert_eq!(
                (j.status, j.gap, j.progress, j.maintain),
                (c.status, c.gap, c.progress, c.maintain),
                "{}",
                c.rule
            );
            // 进度滞后 with no path asked the whole final target, and says so.
            let no_path = j.status == Status::Behind && j.progress.is_none();
            assert_eq!(
                j.notes.iter().any(|n| matches!(n, Note::NoPath { .. })),
                no_path,
                "{}: {:?}",
                c.rule,
                j.notes
            );
        }
    }

    #[test]
    fn tolerance_from_the_command_line_then_the_catalog_then_the_default() {
        let (row, mut e) = setup("%", "higher", ABOUT_90);
        let at = |e: &Entry, rules: Rules| {
            let ctx = Ctx {
                period_start: 2023,
                rules,
            };
            super::judge(&row, e, &ctx, 2024, Some(Actual::Number(dec!(86)))).status
        };
        assert_eq!(at(&e, Rules::default()), Status::NotMet);
        e.tolerance = Some(dec!(5));
        assert_eq!(at(&e, Rules::default()), Status::Met);
        let strict = Rules {
            tolerance: Some(dec!(1)),
        };
        assert_eq!(at(&e, strict), Status::NotMet);
    }

    #[test]
    fn a_zero_gap_that_fails_says_why() {
        let (row, e) = setup("%", "higher", FLOOR_70);
        let j = judge(&row, &e, 2024, Some(Actual::Number(dec!(70))));
        assert_eq!((j.status, j.gap), (Status::NotMet, Some(dec!(0))));
        assert_eq!(
            j.notes,
            vec![Note::ExactHit {
                op: Op::Gt,
                target: dec!(70)
            }]
        );
        assert!(!j.doubtful());
    }

    #[test]
    fn table_and_prose_that_disagree_make_an_exact_hit_doubtful() {
        let t = "    table: \"x 12600 >17000\"\n    baseline: { year: 2022, cell: \"12600\" }\n    targets:\n      - { year: 2027, cell: \">17000\", text: 达到17000元, quote: 达到17000元 }\n";
        let (row, e) = setup("元", "higher", t);
        let exact = judge(&row, &e, 2027, Some(Actual::Number(dec!(17000))));
        assert_eq!(exact.status, Status::NotMet);
        assert!(exact.doubtful());
        assert!(exact.notes.iter().any(
            |n| matches!(n, Note::Disagreement { cell, flips: true, .. } if cell == ">17000")
        ));
        // Well above both readings: the disagreement is said, but nothing is in doubt.
        let clear = judge(&row, &e, 2027, Some(Actual::Number(dec!(18000))));
        assert_eq!(clear.status, Status::Met);
        assert!(!clear.doubtful());
        assert!(
            clear
                .notes
                .iter()
                .any(|n| matches!(n, Note::Disagreement { flips: false, .. }))
        );
    }

    #[test]
    fn values_a_unit_slip_away_are_doubtful() {
        let t = "    table: \"x 83 84.2\"\n    baseline: { year: 2022, cell: \"83\" }\n    targets:\n      - { year: 2024, cell: \"84.2\" }\n";
        let (row, e) = setup("万人", "higher", t);
        let check = |v: Decimal| {
            let j = judge(&row, &e, 2024, Some(Actual::Number(v)));
            plausibility(&row, &e, &j, Actual::Number(v), &|| None)
        };
        assert_eq!(
            check(dec!(842000)),
            Some(Note::Implausible {
                factor: dec!(10000),
                meant: dec!(84.2),
                unit: "万人".into(),
                against: Against::Both,
            })
        );
        // 86 人 read into a 万人 row.
        assert!(
            matches!(check(dec!(0.0086)), Some(Note::Implausible { meant, .. }) if meant == dec!(86))
        );
        assert!(
            matches!(check(dec!(8420)), Some(Note::Implausible { factor, .. }) if factor == dec!(100))
        );
        // Near the row, or within ten times of it: taken as typed.
        assert_eq!(check(dec!(84.1)), None);
        assert_eq!(check(dec!(250)), None);
        assert_eq!(check(dec!(-842000)), None);
        // Far, and no slip explains it: doubtful with the factor (1,234 typed into a 万人 row).
        assert_eq!(
            check(dec!(1234)),
            Some(Note::Far {
                factor: dec!(15),
                against: Against::Both
            })
        );
        assert_eq!(
            check(dec!(5)),
            Some(Note::Far {
                factor: dec!(0.06),
                against: Against::Both
            })
        );
        // A level's 0 where both are above it: not counted yet?
        assert_eq!(
            check(dec!(0)),
            Some(Note::Far {
                factor: dec!(0),
                against: Against::Both
            })
        );
    }

    #[test]
    fn spans_by_their_five_year_plan() {
        assert_eq!(five_year_plan(2016, 2020).as_deref(), Some("十三五"));
        assert_eq!(five_year_plan(2021, 2025).as_deref(), Some("十四五"));
        assert_eq!(five_year_plan(2001, 2005).as_deref(), Some("十五"));
        assert_eq!(five_year_plan(2006, 2010).as_deref(), Some("十一五"));
        assert_eq!(five_year_plan(2046, 2050).as_deref(), Some("十九五"));
        assert_eq!(five_year_plan(2051, 2055).as_deref(), Some("二十五"));
        assert_eq!(five_year_plan(2017, 2021), None);
        assert_eq!(five_year_plan(2016, 2019), None);
        let b = |kind, from: Option<i32>| Baseline {
            value: dec!(82.71),
            year: 2020,
            kind,
            from,
        };
        assert_eq!(
            b(Measure::Average, Some(2016)).display(false),
            "82.71 (十三五平均)"
        );
        assert_eq!(
            b(Measure::Total, Some(2016)).display(false),
            "82.71 (十三五累计)"
        );
        assert_eq!(
            b(Measure::Average, Some(2016)).display(true),
            "82.71 (2016–2020 average)"
        );
        assert_eq!(
            b(Measure::Total, Some(2018)).display(false),
            "82.71 (2018–2020累计)"
        );
        assert_eq!(b(Measure::Level, None).display(false), "82.71 (2020)");
    }

    #[test]
    fn far_values_by_direction_and_accrual() {
        // Lower is better: a smaller value is the aim, but not a tenth of where the county
        // stood (8.5 typed under ‰ into a % row is 0.85); a 0 is worth a look, ten times is a slip.
        let t = "    table: \"x 9.64 9.2\"\n    baseline: { year: 2022, cell: \"9.64\" }\n    targets:\n      - { year: 2024, cell: \"9.2\" }\n";
        let (row, e) = setup("%", "lower", t);
        let check = |v: Decimal| {
            let j = judge(&row, &e, 2024, Some(Actual::Number(v)));
            plausibility(&row, &e, &j, Actual::Number(v), &|| None)
        };
        // 8.5 % with its decimal point slipped, or 8.5‰ read as a %: did you mean 8.5?
        assert!(matches!(
            check(dec!(0.85)),
            Some(Note::Implausible { factor, meant, .. }) if factor == dec!(0.1) && meant == dec!(8.5)
        ));
        assert!(matches!(
            check(dec!(0.95)),
            Some(Note::Implausible { meant, .. }) if meant == dec!(9.5)
        ));
        // A tenth of both that no slipped decimal point explains.
        assert_eq!(
            check(dec!(0.5)),
            Some(Note::Far {
                factor: dec!(0.054),
                against: Against::Both,
            })
        );
        assert_eq!(check(dec!(1.9)), None);
        assert_eq!(check(dec!(8.9)), None);
        assert_eq!(
            check(dec!(0)),
            Some(Note::Far {
                factor: dec!(0),
                against: Against::Both
            })
        );
        assert!(matches!(
            check(dec!(97)),
            Some(Note::Implausible { factor, meant, .. }) if factor == dec!(10) && meant == dec!(9.7)
        ));
        assert_eq!(
            check(dec!(150)),
            Some(Note::Far {
                factor: dec!(16),
                against: Against::Both
            })
        );
        // A ceiling with no baseline (控制在1‰以内) may stand far above where a county is.
        let t = "    table: \"x / 1\"\n    targets:\n      - { year: 2024, cell: \"1\" }\n";
        let (row, e) = setup("‰", "lower", t);
        let check = |v: Decimal| {
            let j = judge(&row, &e, 2024, Some(Actual::Number(v)));
            plausibility(&row, &e, &j, Actual::Number(v), &|| None)
        };
        assert_eq!(check(dec!(0.08)), None);
        assert_eq!(check(dec!(0.1)), None);
        assert_eq!(
            check(dec!(20)),
            Some(Note::Far {
                factor: dec!(20),
                against: Against::Target,
            })
        );
        assert!(matches!(
            check(dec!(9)),
            Some(Note::Implausible { factor, meant, .. }) if factor == dec!(10) && meant == dec!(0.9)
        ));
        // Other plans' baselines say how large the indicator is where counties stand (黄岩
        // 重大慢病过早死亡率 ≤8, no baseline; 诸暨's 9.64): a slipped point under the ceiling.
        let t = "    table: \"x / 8\"\n    targets:\n      - { year: 2024, cell: \"8\" }\n";
        let (row, e) = setup("%", "lower", t);
        let with = |v: Decimal, peers: Option<(Decimal, Decimal)>| {
            let j = judge(&row, &e, 2024, Some(Actual::Number(v)));
            plausibility(&row, &e, &j, Actual::Number(v), &|| peers)
        };
        let zhuji = Some((dec!(9.64), dec!(9.64)));
        assert!(matches!(
            with(dec!(0.85), zhuji),
            Some(Note::Implausible { factor, meant, against: Against::Peers, .. })
                if factor == dec!(0.1) && meant == dec!(8.5)
        ));
        assert_eq!(with(dec!(0.85), None), None);
        // Near the ceiling, or peers as small as the value: nothing to ask.
        assert_eq!(with(dec!(7.5), zhuji), None);
        assert_eq!(with(dec!(0.85), Some((dec!(0.6), dec!(9.64)))), None);
    }
}
