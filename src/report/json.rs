//! The JSON every command writes, as types: serialised from the report model, never built by
//! hand, and published as JSON Schemas (`qyx schema check|compare|rank`, `schema/*.schema.json`).
//!
//! Numbers are JSON **strings** holding exact decimals ("4.3", "-0.5", "100"): a JSON number is
//! read as a binary float by most consumers (JavaScript, Excel's Power Query, pandas by default),
//! and 0.1 + 0.2 style drift is exactly what a verdict must never depend on. Years, lines, counts
//! and ranks are integers and stay JSON numbers. Keys are written in alphabetical order.

use crate::check::Judged;
use crate::compare::{Cell, Comparison, Ranked, change};
use crate::judge::{Actual, Category, Note, Status};
use crate::plan::Domain;
use crate::report::round;
use crate::threshold::Better;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// An exact decimal, written as a JSON string without trailing zeros ("4.3", "-0.5", "100").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dec(pub Decimal);

impl Serialize for Dec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal as a string: an optional minus, digits, an optional fraction, no exponent.",
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$"
        })
    }
}

/// `d` without trailing zeros.
fn n(d: Decimal) -> Dec {
    Dec(d.normalize())
}

/// A value in a year.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Point {
    pub value: Dec,
    pub year: i32,
}

/// A row's baseline as the plan states it.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct BaselineJson {
    /// The first year of the span an average or a total covers.
    pub from: Option<i32>,
    /// `level` (the year's level), `average` or `total` over `from`–`year`: only a level starts
    /// a path or a progress share.
    pub kind: &'static str,
    pub value: Dec,
    pub year: i32,
}

impl BaselineJson {
    pub fn of(b: &crate::judge::Baseline) -> BaselineJson {
        BaselineJson {
            from: b.from,
            kind: b.kind.name(),
            value: n(b.value),
            year: b.year,
        }
    }
}

/// The prose reading of a target whose table cell decided.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ProseJson {
    /// The table cell as printed (the reading that decided).
    pub cell: String,
    pub op: &'static str,
    /// The prose as printed.
    pub text: String,
    pub value: Option<Dec>,
}

/// Why a verdict needs a second look, or what it rests on.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Remark {
    /// For `table_prose_disagree`: the table cell that decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// For `table_prose_disagree`: which reading decided (`table`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<&'static str>,
    /// For `implausible`: the value without the slip, in the catalog's unit; for
    /// `unit_converted`: the number typed, read in the row's unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub did_you_mean: Option<Dec>,
    /// Whether this remark makes the row doubtful.
    pub doubtful: bool,
    /// For `implausible`: how many times the value is the target and the baseline; for
    /// `unit_converted`: how many of the row's unit one of the typed unit is (‰ in a % row: 0.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factor: Option<Dec>,
    /// `exact_hit` (a 0 gap that fails: the target excludes its number), `not_due` (the year's
    /// target is a schedule's 0 before the work is due: not judged), `no_path` (进度滞后 against the
    /// full final target: no baseline or earlier target to pace a path), `table_prose_disagree`
    /// (the table decided; the prose reads otherwise), `implausible` (a likely unit slip), `far`
    /// (ten times or more from the target and the baseline, or 0 below both, no slip explaining
    /// it), `partly_done` (基本完成, judged not done), `remarked_value` (`85（预计）`, `是（预计）`),
    /// `approximate_value` (`约85`), `scientific_notation` (`9.3E+01`: Excel's notation, the
    /// digits it dropped lost) and `signed_value` (`+5`, `-5` where the row has no sign),
    /// judged by their number, `unit_converted` (`8.5‰` in a % row: a unit whose symbol is ten
    /// times or more from the row's, converted and judged), `over_max` (above the most the
    /// indicator can be: `150` in a share of at most 100 %), `monthly_amount` (a twelfth of a
    /// year's amount: a month's typed, `did_you_mean` the year's), `date_like` (far from the
    /// references and reading as a year and a month: `2024.6`), `note_not_final` (the row's 备注
    /// says the figure is an estimate, a flash or preliminary count or of a changed definition:
    /// `预计数`, `口径调整`), `note_approximate` (… that it is approximate: `约`, `85%左右`),
    /// `note_incomplete` (… that the count is incomplete: `据不完全统计`), `reported_twice` (the same indicator and period again in the same
    /// file with another value, `text`), `equals_sheet_target` (the value is the number of the
    /// sheet's own 目标值 cell beside it, `text`, as in half or more of the sheet's rows with
    /// one: the target column copied into the value column?),
    /// `period_basis_unsaid` (a flow's period typed as one month or quarter, `10月`, judged as
    /// the year to date and behind or not met: the period's own figure?), `hidden_row` (the row is
    /// hidden by hand in the workbook: a figure withdrawn?), `struck_value` (the value is struck
    /// through: crossed out?), `part_struck_value` (part of the value cell's text is struck
    /// through: judged by the rest), `sheet_verdict_differs`
    /// (the sheet's own verdict beside the value, `是否达标` …, `text`, says the opposite).
    pub kind: &'static str,
    /// For `over_max`: the most the indicator can be (the catalog's `max`), in its unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Dec>,
    pub message: String,
    pub message_zh: String,
    /// For `unit_converted`: the unit the value's row expects (`%`: the unit column's, else the
    /// plan's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_unit: Option<String>,
    /// For `table_prose_disagree`: the prose as printed; for a value read from words, the value
    /// as typed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// For `unit_converted`: the unit the value was typed in (`‰`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typed_unit: Option<String>,
}

impl Remark {
    fn of(note: &Note, unit: &str) -> Remark {
        let text = |en| crate::report::check::note_text(note, unit, en);
        let mut r = Remark {
            cell: None,
            decided_by: None,
            did_you_mean: None,
            doubtful: note.doubtful(),
            factor: None,
            kind: "",
            max: None,
            message: text(true),
            message_zh: text(false),
            row_unit: None,
            text: None,
            typed_unit: None,
        };
        match note {
            Note::ExactHit { .. } => r.kind = "exact_hit",
            Note::NotDue => r.kind = "not_due",
            Note::NoPath { .. } => r.kind = "no_path",
            Note::Disagreement { cell, text, .. } => {
                r.kind = "table_prose_disagree";
                r.decided_by = Some("table");
                r.cell = Some(cell.clone());
                r.text = Some(text.clone());
            }
            Note::Implausible { factor, meant, .. } => {
                r.kind = "implausible";
                r.factor = Some(n(*factor));
                r.did_you_mean = Some(n(round(*meant, 4)));
            }
            Note::DateLike { .. } => r.kind = "date_like",
            Note::Monthly { meant, .. } => {
                r.kind = "monthly_amount";
                r.did_you_mean = Some(n(round(*meant, 4)));
            }
            Note::Far { factor, .. } => {
                r.kind = "far";
                r.factor = Some(n(*factor));
            }
            Note::BelowRunningTotal { total, .. } => {
                r.kind = "below_running_total";
                r.did_you_mean = Some(n(round(*total, 4)));
            }
            Note::OverCap { max } => {
                r.kind = "over_max";
                r.max = Some(n(*max));
            }
            Note::Typed { typed, reading } => {
                r.kind = match reading {
                    crate::judge::Reading::Partly => "partly_done",
                    crate::judge::Reading::Remarked => "remarked_value",
                    crate::judge::Reading::Approximate => "approximate_value",
                    crate::judge::Reading::Scientific => "scientific_notation",
                    crate::judge::Reading::Signed => "signed_value",
                    crate::judge::Reading::CountLeft => "count_left",
                };
                r.text = Some(typed.clone());
            }
            Note::Sheet(crate::judge::SheetSays::Note { note, word }) => {
                use crate::actuals::value::{NoteSays, note_says};
                r.kind = match note_says(word) {
                    NoteSays::Approximate => "note_approximate",
                    NoteSays::Incomplete => "note_incomplete",
                    NoteSays::NotFinal | NoteSays::Definition => "note_not_final",
                };
                r.text = Some(note.clone());
            }
            Note::Sheet(crate::judge::SheetSays::PeriodUnsaid { label }) => {
                r.kind = "period_basis_unsaid";
                r.text = Some(label.clone());
            }
            Note::Sheet(crate::judge::SheetSays::AsTarget { cell }) => {
                r.kind = "equals_sheet_target";
                r.text = Some(cell.clone());
            }
            Note::Sheet(crate::judge::SheetSays::HiddenRow) => r.kind = "hidden_row",
            Note::Sheet(crate::judge::SheetSays::Struck) => r.kind = "struck_value",
            Note::Sheet(crate::judge::SheetSays::PartStruck) => r.kind = "part_struck_value",
            Note::Sheet(crate::judge::SheetSays::Claims { cell }) => {
                r.kind = "sheet_verdict_differs";
                r.text = Some(cell.clone());
            }
            Note::Sheet(crate::judge::SheetSays::Twice { value, .. }) => {
                r.kind = "reported_twice";
                r.text = Some(value.clone());
            }
            Note::Converted {
                typed,
                from,
                to,
                factor,
                meant,
                ..
            } => {
                r.kind = "unit_converted";
                r.typed_unit = Some(from.clone());
                r.row_unit = Some(to.clone());
                r.factor = Some(n(*factor));
                r.did_you_mean = Some(n(round(*meant, 4)));
                r.text = Some(typed.clone());
            }
        }
        r
    }
}

/// The target a row was judged against.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Target {
    /// For an approximate target: the band it is met within (low, high), catalog unit.
    pub band: Option<[Dec; 2]>,
    /// The upper end of a range target.
    pub high: Option<Dec>,
    /// `>=`, `>`, `<=`, `<`, `=`, `~`, `range`, `done`, `none`, `reach`.
    pub op: &'static str,
    /// Where the straight path to a later target stands in the judged year.
    pub path: Option<Dec>,
    /// Where the table cell and the prose disagree: the prose reading (the cell decided).
    pub prose: Option<ProseJson>,
    /// `level`, `cumulative`, `annual` or `maintained`.
    pub scope: &'static str,
    /// For an approximate target: the band's half-width in percent of the target.
    pub tolerance_percent: Option<Dec>,
    pub value: Option<Dec>,
    /// The year the target is for.
    pub year: i32,
}

/// A reported value: a decimal, or a milestone's done / not done.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum ActualJson {
    Number(Dec),
    Done(bool),
}

/// The period a row is for: a whole year, or the months of a year reported year-to-date or for
/// the period alone.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct PeriodJson {
    /// As the table shows it: `2024`, `2024Q2`, `2024-06`, `2024Q2当期`.
    pub label: String,
    /// The first and last month (1–12).
    pub months: [u8; 2],
    pub year: i32,
    /// True when the value runs from January (year-to-date).
    pub year_to_date: bool,
}

/// What the period asks of the value (序时进度).
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ScheduleJson {
    /// What is due by the period's end.
    pub due: Dec,
    /// What the year asks by its end.
    pub end: Dec,
    /// The whole target is due at every moment (maintained, every-year rates, no movement asked).
    pub in_full: bool,
    /// 序时进度: the share of the year (0–1).
    pub share: Dec,
    /// Where the year starts (last year-end value, or 0 for a flow counted within the year).
    pub start: Dec,
}

/// One judged row of `qyx check --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CheckRow {
    /// The reported value in the catalog's unit; null for a target nobody reported.
    pub actual: Option<ActualJson>,
    pub baseline: Option<BaselineJson>,
    /// Percentage points of the required progress the value is behind its schedule.
    pub behind_points: Option<Dec>,
    /// The change since the previous period reported for the indicator.
    pub change: Option<Dec>,
    /// Completion (完成率, %) of what the year asks from its start.
    pub completion: Option<Dec>,
    /// 幼有善育 … 弱有众扶.
    pub domain: Option<&'static str>,
    /// Whether a remark makes the verdict doubtful (a likely unit slip, or a table and prose that
    /// would decide differently): look before it goes up.
    pub doubtful: bool,
    /// The file the value came from.
    pub file: Option<String>,
    /// Still to go, in the catalog's unit (positive = short of the target).
    pub gap: Option<Dec>,
    /// The gap in percent of the target (or path value): what `--sort gap` orders by.
    pub gap_percent: Option<Dec>,
    /// The catalog id.
    pub indicator: String,
    /// The plan id.
    pub jurisdiction: String,
    pub jurisdiction_name: String,
    /// The lead department (牵头单位).
    pub lead: Option<String>,
    /// 绿灯 / 黄灯 / 红灯 by the points behind schedule and the bands.
    pub light: Option<crate::cycle::Light>,
    /// The actuals sheet's line.
    pub line: Option<u64>,
    /// The target asks no movement (the baseline already meets it): judged met or not, with no
    /// progress share (shown 保持 / maintain).
    pub maintain: bool,
    /// The name the plan prints.
    pub name: String,
    pub name_en: String,
    pub note: Option<String>,
    pub period: PeriodJson,
    /// Share (%) of the baseline-to-target distance covered.
    pub progress: Option<Dec>,
    /// Open SDG's category, where two or more years are reported.
    pub progress_category: Option<Category>,
    /// Why the verdict is what it is, or why it is doubtful.
    pub remarks: Vec<Remark>,
    /// For a month or a quarter (and the year's own light): what the schedule asks.
    pub schedule: Option<ScheduleJson>,
    pub status: Status,
    pub target: Option<Target>,
    /// The catalog's unit.
    pub unit: Option<String>,
    pub year: i32,
}

impl CheckRow {
    pub fn of(j: &Judged) -> CheckRow {
        CheckRow {
            actual: j.actual.map(|a| match a {
                Actual::Number(v) => ActualJson::Number(n(v)),
                Actual::Done(d) => ActualJson::Done(d),
            }),
            baseline: j.baseline.map(|b| BaselineJson::of(&b)),
            behind_points: j.cycle.behind.map(|b| n(round(b, 1))),
            change: j.change.map(|c| n(round(c, 4))),
            completion: j.cycle.completion.map(n),
            domain: j.domain.map(Domain::zh),
            doubtful: j.verdict.doubtful(),
            gap: j.verdict.gap.map(|g| n(round(g, 4))),
            gap_percent: j.gap_share().map(n),
            indicator: j.entry.id.value.clone(),
            jurisdiction: j.plan.id().to_string(),
            jurisdiction_name: j.plan.plan.jurisdiction.name.clone(),
            lead: j.row.lead.as_deref().map(String::from),
            file: j.file.as_deref().map(str::to_string),
            light: j.cycle.light,
            line: j.line,
            maintain: j.verdict.maintain,
            name: j.row.name.to_string(),
            name_en: j.entry.name_en.clone(),
            note: j.note.clone(),
            period: PeriodJson {
                label: j.period.label(false),
                months: [j.period.first, j.period.last],
                year: j.period.year,
                year_to_date: j.period.is_year_to_date(),
            },
            progress: j.verdict.progress.map(n),
            progress_category: j.category,
            remarks: j
                .verdict
                .notes
                .iter()
                .map(|note| Remark::of(note, &j.entry.unit_text()))
                .collect(),
            schedule: j.cycle.schedule.as_ref().map(|s| ScheduleJson {
                due: n(round(s.due, 4)),
                end: n(round(s.end, 4)),
                in_full: s.in_full,
                share: n(round(s.share, 4)),
                start: n(round(s.start, 4)),
            }),
            status: j.verdict.status,
            target: j.verdict.applied.as_ref().map(|a| Target {
                band: a.band.map(|(lo, hi)| [n(round(lo, 4)), n(round(hi, 4))]),
                high: a.target.high.map(n),
                op: a.target.threshold.op.name(),
                path: a.path.map(|p| n(round(p, 4))),
                prose: a.prose.as_ref().map(|p| ProseJson {
                    cell: p.cell.clone(),
                    op: p.reading.threshold.op.name(),
                    text: p.text.clone(),
                    value: p.reading.value.map(n),
                }),
                scope: a.scope.name(),
                tolerance_percent: a.tolerance.map(n),
                value: a.target.value.map(n),
                year: a.target.year,
            }),
            unit: j.entry.unit.as_ref().map(|u| u.value.clone()),
            year: j.year,
        }
    }
}

/// `qyx check --format json`: every judged row.
pub(crate) type CheckOutput = Vec<CheckRow>;

/// The figure as the plan prints it.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Printed {
    pub unit: Option<String>,
    pub value: Option<Dec>,
}

/// One plan's figure for an indicator, in the catalog's unit.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CellJson {
    pub baseline: Option<Point>,
    /// The value minus the baseline.
    pub change: Option<Dec>,
    /// On the straight path to a later target, not a stated target.
    pub interpolated: bool,
    pub op: &'static str,
    pub printed: Printed,
    pub scope: &'static str,
    /// The target's own year.
    pub target_year: i32,
    pub value: Dec,
    /// The year the value is for.
    pub year: i32,
    /// The yearly growth rate (%) the change asks.
    pub yearly_rate_percent: Option<Dec>,
}

impl CellJson {
    pub fn of(c: &Cell) -> CellJson {
        let (abs, rate) = change(c);
        CellJson {
            baseline: c.baseline.map(|(year, v)| Point { value: n(v), year }),
            change: abs.map(|a| n(round(a, 4))),
            interpolated: c.interpolated,
            op: c.target.threshold.op.name(),
            printed: Printed {
                unit: c.target.unit_printed.clone(),
                value: c.target.threshold.value.map(n),
            },
            scope: c.scope.name(),
            target_year: c.target.year,
            value: n(round(c.value, 4)),
            year: c.year,
            yearly_rate_percent: rate.map(n),
        }
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct PlanRef {
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// First and last year.
    pub period: [i32; 2],
}

#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct SharedPlan {
    /// The baseline as a level in its year (the start of a change); none for an average or a
    /// total over a span, which `stated_baseline` gives.
    pub baseline: Option<Point>,
    /// Asks most for the year among plans whose targets share a scope.
    pub most_ambitious: bool,
    /// The indicator's name as this plan prints it.
    pub name: String,
    pub plan: String,
    /// The baseline as the plan states it: a level, or an average or total over a span.
    pub stated_baseline: Option<BaselineJson>,
    pub target: Option<CellJson>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct SharedJson {
    pub better: Better,
    pub domain: &'static str,
    pub indicator: String,
    pub name: String,
    pub name_en: String,
    pub plans: Vec<SharedPlan>,
    pub unit: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct OnlyIndicator {
    /// The catalog's name.
    pub catalog_name: String,
    pub indicator: String,
    pub milestone_year: Option<i32>,
    /// The name as this plan prints it.
    pub name: String,
    pub target: Option<CellJson>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct OnlyJson {
    pub indicators: Vec<OnlyIndicator>,
    pub plan: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Lead {
    pub most_ambitious: usize,
    pub plan: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CompareSummary {
    pub leads: Vec<Lead>,
    pub shared: usize,
}

/// `qyx compare --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CompareOutput {
    /// Per plan, the indicators not every compared plan has.
    pub only: Vec<OnlyJson>,
    pub plans: Vec<PlanRef>,
    /// Indicators every plan states a number for.
    pub shared: Vec<SharedJson>,
    pub summary: CompareSummary,
    pub year: i32,
}

impl CompareOutput {
    pub fn of(c: &Comparison) -> CompareOutput {
        CompareOutput {
            only: c
                .plans
                .iter()
                .zip(&c.only)
                .map(|(p, list)| OnlyJson {
                    indicators: list
                        .iter()
                        .map(|o| OnlyIndicator {
                            catalog_name: o.entry.name.clone(),
                            indicator: o.entry.id.value.clone(),
                            milestone_year: o.milestone_year,
                            name: o.printed.to_string(),
                            target: o.cell.as_ref().map(CellJson::of),
                        })
                        .collect(),
                    plan: p.id().to_string(),
                })
                .collect(),
            plans: c
                .plans
                .iter()
                .map(|p| PlanRef {
                    id: p.id().to_string(),
                    name: p.plan.jurisdiction.name.clone(),
                    name_en: p.plan.jurisdiction.name_en.clone(),
                    period: [p.plan.period.start.value, p.plan.period.end.value],
                })
                .collect(),
            shared: c
                .shared
                .iter()
                .map(|s| SharedJson {
                    better: s.entry.better,
                    domain: s.entry.domain.zh(),
                    indicator: s.entry.id.value.clone(),
                    name: s.entry.name.clone(),
                    name_en: s.entry.name_en.clone(),
                    plans: s
                        .columns
                        .iter()
                        .zip(&c.plans)
                        .zip(&s.best)
                        .zip(&s.printed)
                        .map(|(((col, p), b), name)| SharedPlan {
                            baseline: col.baseline.map(|(year, v)| Point { value: n(v), year }),
                            most_ambitious: *b,
                            name: name.to_string(),
                            plan: p.id().to_string(),
                            stated_baseline: col.stated.as_ref().map(BaselineJson::of),
                            target: col.cell.as_ref().map(CellJson::of),
                        })
                        .collect(),
                    unit: s.entry.unit.as_ref().map(|u| u.value.clone()),
                })
                .collect(),
            summary: CompareSummary {
                leads: c
                    .plans
                    .iter()
                    .zip(&c.leads)
                    .map(|(p, k)| Lead {
                        most_ambitious: *k,
                        plan: p.id().to_string(),
                    })
                    .collect(),
                shared: c.shared.len(),
            },
            year: c.year,
        }
    }
}

/// One plan's place on one indicator in `qyx rank --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct RankRow {
    pub baseline: Option<Point>,
    pub change: Option<Dec>,
    pub indicator: String,
    pub interpolated: bool,
    /// The indicator's name as this plan prints it.
    pub name: String,
    pub op: &'static str,
    pub plan: String,
    pub printed: Printed,
    /// 1 = asks most; equal targets share a place; places count within one scope.
    pub rank: usize,
    pub scope: &'static str,
    /// The baseline as the plan states it: a level, or an average or total over a span.
    pub stated_baseline: Option<BaselineJson>,
    pub target_year: i32,
    pub unit: Option<String>,
    pub value: Dec,
    pub year: i32,
    pub yearly_rate_percent: Option<Dec>,
}

impl RankRow {
    pub fn of(r: &Ranked) -> RankRow {
        let c = CellJson::of(&r.cell);
        RankRow {
            baseline: c.baseline,
            change: c.change,
            indicator: r.entry.id.value.clone(),
            interpolated: c.interpolated,
            name: r.printed.to_string(),
            op: c.op,
            plan: r.plan.id().to_string(),
            printed: c.printed,
            rank: r.place,
            scope: c.scope,
            stated_baseline: r.cell.stated.as_ref().map(BaselineJson::of),
            target_year: c.target_year,
            unit: r.entry.unit.as_ref().map(|u| u.value.clone()),
            value: c.value,
            year: c.year,
            yearly_rate_percent: c.yearly_rate_percent,
        }
    }
}

/// `qyx rank --format json`.
pub(crate) type RankOutput = Vec<RankRow>;
