//! The rules that decide whether a reported value meets a plan's target: which target applies
//! in a year, met or not, on track or behind on the path to a later target, the gap, the progress
//! since the baseline, and Open SDG's progress category over several years.
//!
//! Everything is exact decimal arithmetic in the catalog's unit; no float decides a status.

use crate::plan::schema::Scope;
use crate::plan::{Entry, Figure, Resolved, Row, resolve};
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

/// The target a year is judged against, and how it was chosen.
#[derive(Debug, Clone)]
pub struct Applied {
    pub target: Resolved,
    pub scope: Scope,
    /// Set when the year has no target of its own: the value the straight path from the
    /// previous point (baseline or earlier target) to `target` reaches in the judged year.
    pub path: Option<Decimal>,
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
}

fn numeric(row: &Row, entry: &Entry, f: &Figure) -> Option<Resolved> {
    resolve(row, entry, f).ok().filter(Resolved::is_numeric)
}

/// The target that applies to `year`: that year's own (level, then cumulative), else an
/// every-year or maintained target whose span covers the year.
pub fn target_for(row: &Row, entry: &Entry, year: i32) -> Option<(Resolved, Scope)> {
    let own = |scope| {
        row.targets
            .iter()
            .filter(|f| f.year.value == year && f.scope == scope)
            .find_map(|f| resolve(row, entry, f).ok())
            .map(|r| (r, scope))
    };
    own(Scope::Level)
        .or_else(|| own(Scope::Cumulative))
        .or_else(|| {
            row.targets
                .iter()
                .filter(|f| {
                    matches!(f.scope, Scope::Annual | Scope::Maintained) && f.year.value >= year
                })
                .find_map(|f| resolve(row, entry, f).ok().map(|r| (r, f.scope)))
        })
}

/// The path point before `year`: the latest earlier numeric level target, else the baseline.
fn previous_point(row: &Row, entry: &Entry, year: i32) -> Option<(i32, Decimal)> {
    row.targets
        .iter()
        .filter(|f| f.year.value < year && f.scope == Scope::Level)
        .filter_map(|f| numeric(row, entry, f))
        .max_by_key(|r| r.year)
        .and_then(|r| r.value.map(|v| (r.year, v)))
        .or_else(|| baseline(row, entry))
}

pub fn baseline(row: &Row, entry: &Entry) -> Option<(i32, Decimal)> {
    let b = row.baseline.as_ref()?;
    let r = numeric(row, entry, b)?;
    r.value.map(|v| (r.year, v))
}

/// The baseline when progress from it means something: the same scope as the target, and for a
/// running total one that the target continues (Huangyan's 十三五 totals start a new count).
fn comparable_baseline(row: &Row, entry: &Entry, applied: &Applied) -> Option<Decimal> {
    let b = row.baseline.as_ref()?;
    if b.scope != applied.scope {
        return None;
    }
    let (_, v) = baseline(row, entry)?;
    let target = applied.target.value?;
    let continues = match entry.better {
        Better::Lower => target <= v,
        _ => target >= v,
    };
    (applied.scope != Scope::Cumulative || continues).then_some(v)
}

/// Whether `value` (in the catalog's unit) meets the resolved target.
fn met(r: &Resolved, value: Decimal) -> bool {
    r.normalized().is_met(value)
}

/// Positive = still to go, in the catalog's unit.
fn gap(op: Op, better: Better, target: Decimal, high: Option<Decimal>, actual: Decimal) -> Decimal {
    match op {
        Op::Ge | Op::Gt => target - actual,
        Op::Le | Op::Lt => actual - target,
        Op::Range => {
            let hi = high.unwrap_or(target);
            if actual < target {
                target - actual
            } else if actual > hi {
                actual - hi
            } else {
                Decimal::ZERO
            }
        }
        _ => match better {
            Better::Lower => actual - target,
            _ => target - actual,
        },
    }
}

fn pct(d: Decimal) -> Decimal {
    (d * Decimal::ONE_HUNDRED).round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// Judges one reported value (or its absence) for `year`.
pub fn judge(row: &Row, entry: &Entry, year: i32, actual: Option<Actual>) -> Verdict {
    let no_target = Verdict {
        status: Status::NoTarget,
        applied: None,
        gap: None,
        progress: None,
    };
    let applied = match target_for(row, entry, year) {
        Some((r, scope)) => Applied {
            target: r,
            scope,
            path: None,
        },
        None => {
            // No target this year: the next numeric level target, reached along a straight path.
            let next = row
                .targets
                .iter()
                .filter(|f| f.year.value > year && f.scope == Scope::Level)
                .filter_map(|f| resolve(row, entry, f).ok())
                .filter(|r| r.is_numeric() || r.threshold.op == Op::Done)
                .min_by_key(|r| r.year);
            let Some(next) = next else { return no_target };
            let path = match (previous_point(row, entry, year), next.value) {
                (Some((y0, v0)), Some(v1)) if y0 < year => {
                    let span = Decimal::from(next.year - y0);
                    (v1 - v0)
                        .checked_mul(Decimal::from(year - y0))
                        .and_then(|d| d.checked_div(span))
                        .map(|d| v0 + d)
                }
                _ => None,
            };
            Applied {
                target: next,
                scope: Scope::Level,
                path,
            }
        }
    };
    let op = applied.target.threshold.op;
    if op == Op::None {
        return Verdict {
            applied: Some(applied),
            ..no_target
        };
    }
    let Some(actual) = actual else {
        return Verdict {
            status: Status::NoData,
            applied: Some(applied),
            gap: None,
            progress: None,
        };
    };
    let future = applied.target.year != year;
    match (actual, op) {
        (Actual::Done(done), _) => {
            let status = match (done, future) {
                (true, _) => Status::Met,
                (false, true) => Status::OnTrack,
                (false, false) => Status::NotMet,
            };
            Verdict {
                status,
                applied: Some(applied),
                gap: None,
                progress: None,
            }
        }
        (Actual::Number(_), Op::Done) => Verdict {
            status: Status::NotMet,
            applied: Some(applied),
            gap: None,
            progress: None,
        },
        (Actual::Number(v), _) => {
            let Some(target) = applied.target.value else {
                return no_target;
            };
            let reference = applied.path.unwrap_or(target);
            let ok = if future {
                // Against the path (or, with no start point, the later target itself).
                let mut r = applied.target.clone();
                if let Some(p) = applied.path {
                    r.value = Some(p);
                    r.high = r.high.map(|h| h - target + p);
                }
                met(&r, v)
            } else {
                met(&applied.target, v)
            };
            let status = match (future, ok) {
                (false, true) => Status::Met,
                (false, false) => Status::NotMet,
                (true, true) => Status::OnTrack,
                (true, false) => Status::Behind,
            };
            let g = gap(op, entry.better, reference, applied.target.high, v);
            let progress = comparable_baseline(row, entry, &applied).and_then(|b| {
                let whole = target - b;
                if whole.is_zero() {
                    None
                } else {
                    (v - b).checked_div(whole).map(pct)
                }
            });
            Verdict {
                status,
                applied: Some(applied),
                gap: Some(g),
                progress,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Catalog, Plan};
    use rust_decimal_macros::dec;

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
}
