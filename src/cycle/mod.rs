//! The reporting cycle: a month's or a quarter's value judged against 序时进度 (the share of the
//! year elapsed) and the year's target, with a light (绿灯 / 黄灯 / 红灯) by how many percentage
//! points of the required progress the value is behind its schedule.
//!
//! Whether a target is met in a year is `judge`'s business; this module only decides what a part
//! of the year asks, from how the indicator adds up (`Accrual`): a flow's year-to-date sum is
//! compared with the elapsed share of the year's required increment, a stock's or a rate's level
//! with the path from the last year-end value to this year's target. Exact decimals throughout.

pub(crate) mod bands;
pub(crate) mod history;
pub(crate) mod results;

use crate::judge::{self, Actual, Ctx, Status, Verdict, pct};
use crate::period::Period;
use crate::plan::schema::{Accrual, Scope};
use crate::plan::{Entry, Row};
use crate::threshold::{Better, Op};
pub(crate) use bands::{Bands, Light};
use rust_decimal::Decimal;

/// What a part of the year asks of a value.
#[derive(Debug, Clone)]
pub(crate) struct Schedule {
    /// 序时进度: the share of the year the period covers (year-to-date: elapsed), 0–1.
    pub share: Decimal,
    /// Where the year starts: the last year-end value (or the plan's point then), 0 for a flow
    /// counted within the year.
    pub start: Decimal,
    /// What the year asks by its end.
    pub end: Decimal,
    /// What is due by the period's end: `start + share × (end − start)`, or `end` in full.
    pub due: Decimal,
    /// The whole target is due at every moment (maintained targets, every-year rates, targets
    /// that ask no movement).
    pub in_full: bool,
}

/// The verdict on one period.
#[derive(Debug, Clone)]
pub(crate) struct PeriodVerdict {
    pub verdict: Verdict,
    /// Set for a month, a quarter or any part of the year.
    pub schedule: Option<Schedule>,
    /// Percentage points of the required progress the value is behind its schedule (0 when on
    /// or ahead of it).
    pub behind: Option<Decimal>,
    /// Completion (完成率, %): the share of what the year asks (from its start) that is done.
    pub completion: Option<Decimal>,
    pub light: Option<Light>,
}

/// The value the plan asks for at the end of `year` (its target or the path through it), or the
/// baseline in the baseline year.
pub(crate) fn plan_point(row: &Row, entry: &Entry, ctx: &Ctx, year: i32) -> Option<Decimal> {
    if let Some((by, v)) = judge::baseline(row, entry)
        && by == year
    {
        return Some(v);
    }
    // The target judging would apply, borrowed (a verdict with no value would copy it).
    let a = judge::due(row, entry, ctx, year)?;
    if !a.target.is_numeric() {
        return None;
    }
    // A later target without a path through this year says nothing about this year.
    a.path.or(a.target.value.filter(|_| a.target.year == year))
}

/// The part of a verdict's target a period's schedule is worked out from.
struct Target {
    op: Op,
    value: Option<Decimal>,
    path: Option<Decimal>,
    scope: Scope,
}

/// Judges one period's value. `year_end` is the value reported for the end of the previous year,
/// when the input has it (history): the start of this year's path for a stock, a rate or a
/// cumulative flow.
pub(crate) fn judge_period(
    row: &Row,
    entry: &Entry,
    ctx: &Ctx,
    period: Period,
    actual: Option<Actual>,
    year_end: Option<Decimal>,
    bands: &Bands,
) -> PeriodVerdict {
    let due = judge::due(row, entry, ctx, period.year);
    judge_period_due(row, entry, ctx, due, period, actual, year_end, bands)
}

/// [`judge_period`] with the year's [`judge::Due`] target already found.
#[allow(clippy::too_many_arguments)]
pub(crate) fn judge_period_due(
    row: &Row,
    entry: &Entry,
    ctx: &Ctx,
    due: Option<judge::Due<'_>>,
    period: Period,
    actual: Option<Actual>,
    year_end: Option<Decimal>,
    bands: &Bands,
) -> PeriodVerdict {
    let verdict = judge::judge_due(row, entry, ctx, period.year, actual, due);
    let accrual = entry.accrual();
    let mut out = PeriodVerdict {
        verdict,
        schedule: None,
        behind: None,
        completion: None,
        light: None,
    };
    let status = out.verdict.status;
    if matches!(status, Status::NoTarget) {
        return out;
    }
    // What the schedule needs of the target, copied: the verdict keeps the target itself.
    let Some(applied) = out.verdict.applied.as_ref().map(|a| Target {
        op: a.target.threshold.op,
        value: a.target.value,
        path: a.path,
        scope: a.scope,
    }) else {
        return out;
    };
    // A milestone is not due until the end of its year: done is met, not done before then is on
    // schedule, not done at the end is red.
    if accrual == Accrual::Milestone || applied.op == Op::Done {
        if !period.is_full_year() && status != Status::NoData {
            out.verdict.status = match actual {
                Some(Actual::Done(true)) => Status::Met,
                Some(Actual::Done(false)) => Status::OnTrack,
                _ => status,
            };
        }
        out.light = match out.verdict.status {
            Status::Met | Status::OnTrack => Some(Light::Green),
            Status::NotMet | Status::Behind => Some(Light::Red),
            _ => None,
        };
        return out;
    }
    let Some(target) = applied.value else {
        return out;
    };
    let end = applied.path.unwrap_or(target);
    let better = entry.better;
    let cumulative = applied.scope == Scope::Cumulative;
    let start = match accrual {
        Accrual::Flow if !cumulative => Some(Decimal::ZERO),
        Accrual::Flow => year_end.or_else(|| cumulative_point(row, entry, ctx, period.year - 1)),
        _ => year_end.or_else(|| plan_point(row, entry, ctx, period.year - 1)),
    };
    // Due in full: maintained or every-year stocks and rates, targets that ask no movement from
    // where the year starts, and any target whose year has no known start.
    let asks_nothing = |s: Decimal| match better {
        Better::Lower => end >= s,
        _ => end <= s,
    };
    let in_full = match (accrual, start) {
        (_, None) => true,
        (Accrual::Flow, Some(_)) => false,
        (_, Some(s)) => {
            matches!(applied.scope, Scope::Annual | Scope::Maintained) || asks_nothing(s)
        }
    };
    // A running total cannot fall below the total the year started with: a value below it is
    // most likely the year's own amount, as departments report a flow (本年新增). Judged as the
    // running total it would be far behind (a wrong 红灯), so the verdict is doubtful.
    if accrual == Accrual::Flow
        && cumulative
        && better != Better::Lower
        && period.is_year_to_date()
        && let (Some(s), Some(Actual::Number(v))) = (start, actual)
        && v < s
        && let Some(total) = s.checked_add(v)
    {
        out.verdict.notes.push(judge::Note::BelowRunningTotal {
            start: s,
            reported: year_end.is_some(),
            total,
        });
    }
    let start = start.unwrap_or(end);
    // A flow reported for the period alone is the increment within it.
    let (share, start, value) = match actual {
        Some(Actual::Number(v)) if accrual == Accrual::Flow && !period.is_year_to_date() => {
            (period.length(), Decimal::ZERO, Some(v))
        }
        Some(Actual::Number(v)) => (period.elapsed(), start, Some(v)),
        _ => (period.elapsed(), start, None),
    };
    // A cumulative flow reported for the period alone: the year's increment is what is due.
    let end = if accrual == Accrual::Flow && !period.is_year_to_date() && cumulative {
        end - year_start_total(row, entry, ctx, period, year_end)
    } else {
        end
    };
    let due = if in_full {
        end
    } else {
        (end - start).checked_mul(share).map_or(end, |d| start + d)
    };
    out.schedule = Some(Schedule {
        share: if in_full { Decimal::ONE } else { share },
        start,
        end,
        due,
        in_full,
    });
    let Some(v) = value else {
        return out;
    };
    let ahead = |x: Decimal, of: Decimal| match better {
        Better::Lower => x <= of,
        _ => x >= of,
    };
    let shortfall = match better {
        Better::Lower => v - due,
        _ => due - v,
    };
    // Points behind: for a path, the share of the year's distance done against the share due;
    // in full, the shortfall as a share of the target.
    let span = end - start;
    let completion = if in_full || span.is_zero() {
        if ahead(v, end) {
            Some(Decimal::ONE)
        } else {
            let base = end.abs();
            shortfall.checked_div(base).map(|s| Decimal::ONE - s)
        }
    } else {
        (v - start).checked_div(span)
    };
    let required = if in_full { Decimal::ONE } else { share };
    let behind = completion.map(|c| {
        let b = (required - c) * Decimal::ONE_HUNDRED;
        if b.is_sign_negative() || ahead(v, due) {
            Decimal::ZERO
        } else {
            b
        }
    });
    out.completion = completion.map(pct);
    out.behind = behind;
    if !period.is_full_year() {
        // The year's target already met counts as met; otherwise on or behind the schedule.
        out.verdict.status = if status == Status::Met {
            Status::Met
        } else if in_full {
            // What is due is the year's own target, so the year's verdict holds, its operator
            // included: 70 against `>70` is short, not on schedule (`ahead` reads every
            // target as `≥`).
            if status == Status::OnTrack {
                Status::OnTrack
            } else {
                Status::Behind
            }
        } else if ahead(v, due) {
            Status::OnTrack
        } else {
            Status::Behind
        };
        out.verdict.gap = Some(shortfall);
        out.verdict.progress = out.completion;
    }
    out.light = light_for(out.verdict.status, behind, period, bands);
    out
}

/// The running total a cumulative flow starts the year with, for a value reported for part of
/// the year alone.
fn year_start_total(
    row: &Row,
    entry: &Entry,
    ctx: &Ctx,
    period: Period,
    year_end: Option<Decimal>,
) -> Decimal {
    year_end
        .or_else(|| cumulative_point(row, entry, ctx, period.year - 1))
        .unwrap_or_default()
}

/// A cumulative target's running total at the end of `year`: a cumulative baseline that year,
/// else the cumulative path through it, else zero (the count starts with the plan).
fn cumulative_point(row: &Row, entry: &Entry, ctx: &Ctx, year: i32) -> Option<Decimal> {
    if let Some(b) = &row.baseline
        && b.scope == Scope::Cumulative
        && b.year.value == year
    {
        return judge::baseline(row, entry).map(|(_, v)| v);
    }
    match judge::due(row, entry, ctx, year) {
        Some(a) if a.figure.scope == Scope::Cumulative && a.target.year == year => a.target.value,
        Some(a) if a.path.is_some() => a.path,
        _ => Some(Decimal::ZERO),
    }
}

/// The light: green when met or on schedule; otherwise by the points behind and the bands. Once
/// the year is over, a target not met is at least yellow: there is no schedule left to catch up.
fn light_for(
    status: Status,
    behind: Option<Decimal>,
    period: Period,
    bands: &Bands,
) -> Option<Light> {
    match status {
        Status::Met | Status::OnTrack => Some(Light::Green),
        Status::NotMet | Status::Behind => {
            let l = bands.light(behind.unwrap_or(Decimal::ONE_HUNDRED));
            Some(if period.is_full_year() && l == Light::Green {
                Light::Yellow
            } else {
                l
            })
        }
        Status::NoData | Status::NoTarget => None,
    }
}

#[cfg(test)]
mod tests;
