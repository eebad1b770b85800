//! Judging a sheet of reported values (actuals) against the plans: every row matched to its plan,
//! indicator and year, read in the catalog's unit and judged, plus the targets nobody reported
//! (`--all`). The result is typed ([`Judged`] rows, [`Summary`] counts) and never printed here:
//! `cmd::check` picks a renderer in `report::check` for it, so the terminal table, CSV, Markdown,
//! JSON and the workbook and HTML reports all show the same rows.

use crate::actuals::value::{parse_year, read_value};
use crate::actuals::{self};
use crate::diag::echo;
use crate::diag::{Diagnostic, Severity};
use crate::judge::{self, Actual, Category, Status, Verdict};
use crate::plan::{Domain, Entry, PlanFile, PlanSet, Row, row_domain};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One judged (jurisdiction, indicator, period): the plan's row and catalog entry it belongs to,
/// the value reported, and the verdict. New facts about a row (a light, doubt, a finer period)
/// are new fields here, set in [`Judged::new`] or by a later pass over the rows, and shown by
/// the renderers in `report::check`.
#[derive(Debug, Clone)]
pub(crate) struct Judged<'a> {
    pub plan: &'a PlanFile,
    pub row: &'a Row,
    pub entry: &'a Entry,
    /// The domain the row is reported under (its area's, else the catalog's).
    pub domain: Option<Domain>,
    /// The year judged.
    pub year: i32,
    /// The plan's baseline (year, value) in the catalog's unit.
    pub baseline: Option<(i32, Decimal)>,
    /// The value reported, in the catalog's unit; `None` for a target nobody reported.
    pub actual: Option<Actual>,
    /// Status, the target applied, gap and progress.
    pub verdict: Verdict,
    /// Open SDG's category, where two or more years are reported.
    pub category: Option<Category>,
    /// The line of the actuals sheet the value came from.
    pub line: Option<u64>,
    /// The sheet's note column.
    pub note: Option<String>,
}

impl<'a> Judged<'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        set: &'a PlanSet,
        plan: &'a PlanFile,
        row: &'a Row,
        entry: &'a Entry,
        year: i32,
        actual: Option<Actual>,
        line: Option<u64>,
        note: Option<String>,
    ) -> Judged<'a> {
        Judged {
            plan,
            row,
            entry,
            domain: row_domain(plan, &set.catalog, row),
            year,
            baseline: judge::baseline(row, entry),
            verdict: judge::judge(row, entry, year, actual),
            actual,
            category: None,
            line,
            note,
        }
    }

    /// The gap as a share of the target, so that gaps in different units can be ordered.
    pub fn relative_gap(&self) -> Decimal {
        let j = self;
        let target = j
            .verdict
            .applied
            .as_ref()
            .and_then(|a| a.path.or(a.target.value));
        match (j.verdict.gap, target) {
            (Some(g), Some(t)) if !t.is_zero() => g.checked_div(t.abs()).unwrap_or(g),
            (Some(g), _) => g,
            _ => Decimal::MIN,
        }
    }
}

/// Which rows to judge and show, and in what order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Query {
    /// Also list targets of the reported years with no reported value.
    pub all: bool,
    pub year: Option<i32>,
    /// A plan id.
    pub jurisdiction: Option<String>,
    pub domain: Option<Domain>,
    pub order: Order,
}

/// The order of the judged rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Order {
    /// As read (targets nobody reported last).
    #[default]
    Input,
    /// The largest gap, as a share of the target, first.
    Gap,
    /// Worst status first.
    Status,
    /// By lead department, the order within a department kept.
    Lead,
}

/// A judged sheet: the rows the query selects, and the sheet's problems in line order.
#[derive(Debug)]
pub(crate) struct Checked<'a> {
    pub rows: Vec<Judged<'a>>,
    pub problems: Vec<Diagnostic>,
    /// Rows of the sheet with no value typed (no data, not an error).
    pub unfilled: usize,
}

impl Checked<'_> {
    /// Rows that could not be judged (bad input).
    pub fn bad_rows(&self) -> usize {
        self.problems
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

/// Judges `actuals` against `set` and selects and orders the rows as `q` asks.
pub(crate) fn check<'a>(set: &'a PlanSet, actuals: &actuals::Actuals, q: &Query) -> Checked<'a> {
    let mut problems = actuals.problems.clone();
    let judged = judge_rows(
        set,
        actuals,
        &mut problems,
        q.all,
        q.year,
        q.jurisdiction.as_deref(),
    );
    let mut rows: Vec<Judged> = judged
        .into_iter()
        .filter(|j| q.jurisdiction.as_deref().is_none_or(|id| j.plan.id() == id))
        .filter(|j| q.year.is_none_or(|y| j.year == y))
        .filter(|j| q.domain.is_none_or(|d| j.domain == Some(d)))
        .collect();
    order(&mut rows, q.order);
    problems.sort_by_key(|d| (d.line, d.column));
    let unfilled = actuals
        .rows
        .iter()
        .filter(|r| crate::actuals::value::is_no_data(&r.value.text))
        .count();
    Checked {
        rows,
        problems,
        unfilled,
    }
}

/// Puts rows in `order`; every sort is stable.
pub(crate) fn order(rows: &mut [Judged], order: Order) {
    match order {
        Order::Input => {}
        Order::Status => rows.sort_by_key(|j| j.verdict.status),
        Order::Gap => rows.sort_by_key(|j| std::cmp::Reverse(j.relative_gap())),
        Order::Lead => rows.sort_by(|x, y| x.row.lead.cmp(&y.row.lead)),
    }
}

/// How many rows have each status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Summary {
    pub total: usize,
    pub counts: BTreeMap<Status, usize>,
}

impl Summary {
    pub fn of<'r, 'a: 'r>(rows: impl IntoIterator<Item = &'r Judged<'a>>) -> Summary {
        let mut s = Summary::default();
        for j in rows {
            s.add(j);
        }
        s
    }

    pub fn add(&mut self, j: &Judged) {
        self.total += 1;
        *self.counts.entry(j.verdict.status).or_insert(0) += 1;
    }
}

fn judge_rows<'a>(
    set: &'a PlanSet,
    actuals: &actuals::Actuals,
    problems: &mut Vec<Diagnostic>,
    all: bool,
    year_filter: Option<i32>,
    jur_filter: Option<&str>,
) -> Vec<Judged<'a>> {
    let mut out: Vec<Judged> = Vec::new();
    let mut seen: HashMap<(String, String, i32), u64> = HashMap::new();
    // Years reported with an empty value: no data, listed by --all.
    let mut unfilled: Vec<(&str, i32)> = Vec::new();
    for r in &actuals.rows {
        let mut bad = |col: u64, msg: String| problems.push(actuals.error(r.line, col, msg));
        let plan = match set.find(&r.jurisdiction.text) {
            Ok(p) => p,
            Err(e) => {
                bad(
                    r.jurisdiction.column,
                    // The plan index's message, said of a jurisdiction column.
                    e.replace("no plan", "unknown jurisdiction")
                        .replace("没有计划", "未知地区"),
                );
                continue;
            }
        };
        let Some(entry) = set.catalog.get(&r.indicator.text) else {
            bad(
                r.indicator.column,
                crate::tr!(
                    "未知指标 `{}`{}",
                    "unknown indicator `{}`{}",
                    echo(&r.indicator.text),
                    set.catalog.suggest(&r.indicator.text)
                ),
            );
            continue;
        };
        let Some(row) = plan.row(&entry.id.value) else {
            bad(
                r.indicator.column,
                crate::tr!(
                    "{}的计划没有指标 `{}`（{}）",
                    "the plan of {} has no indicator `{}` ({})",
                    plan.plan.jurisdiction.name,
                    entry.id.value,
                    entry.name
                ),
            );
            continue;
        };
        let year = match parse_year(&r.year.text) {
            Ok(y) => y,
            Err(m) => {
                bad(r.year.column, m);
                continue;
            }
        };
        let (start, end) = (plan.plan.period.start.value, plan.plan.period.end.value);
        if year < start || year > end {
            bad(
                r.year.column,
                crate::tr!(
                    "{year} 年不在{}计划的期限（{start}–{end}）内",
                    "year {year} is outside the plan of {} ({start}–{end})",
                    plan.plan.jurisdiction.name
                ),
            );
            continue;
        }
        let key = (plan.id().to_string(), entry.id.value.clone(), year);
        if let Some(first) = seen.get(&key) {
            bad(
                1,
                crate::tr!(
                    "重复的行: {} {} {year} 已在第 {first} 行上报",
                    "duplicate row: {} {} {year} was already reported at line {first}",
                    plan.id(),
                    entry.id.value
                ),
            );
            continue;
        }
        let actual = match read_value(r, row, entry) {
            Ok(Some(v)) => v,
            Ok(None) => {
                unfilled.push((plan.id(), year));
                continue;
            }
            Err((col, msg)) => {
                bad(col, msg);
                continue;
            }
        };
        // Only a row that was read claims its key: a corrected row after a rejected one is
        // not a duplicate.
        seen.insert(key, r.line);
        out.push(Judged::new(
            set,
            plan,
            row,
            entry,
            year,
            Some(actual),
            Some(r.line),
            r.note.clone(),
        ));
    }

    // Open SDG's category where an indicator has two or more reported years.
    let mut series: BTreeMap<(String, String), Vec<(i32, Decimal)>> = BTreeMap::new();
    for j in &out {
        if let Some(Actual::Number(v)) = j.actual {
            series
                .entry((j.plan.id().to_string(), j.entry.id.value.clone()))
                .or_default()
                .push((j.year, v));
        }
    }
    // Once per series, not once per row of it.
    let mut categories: HashMap<(String, String), Option<Category>> = HashMap::new();
    for j in &mut out {
        let key = (j.plan.id().to_string(), j.entry.id.value.clone());
        if let Some(c) = categories.get(&key) {
            j.category = *c;
            continue;
        }
        let Some(s) = series.get(&key) else {
            continue;
        };
        let mut category = None;
        if s.len() >= 2 {
            let last = s.iter().map(|(y, _)| *y).max().unwrap_or(j.year);
            let final_target = j
                .row
                .targets
                .iter()
                .filter(|f| f.year.value >= last)
                .filter_map(|f| {
                    crate::plan::resolve(j.row, j.entry, f)
                        .ok()
                        .filter(crate::plan::Resolved::is_numeric)
                })
                .max_by_key(|r| r.year);
            if let Some(t) = final_target {
                category = judge::category(s, &t, t.year, j.entry.better);
            }
        }
        j.category = category;
        categories.insert(key, category);
    }

    if all {
        let mut years: BTreeMap<&str, BTreeSet<i32>> = BTreeMap::new();
        for j in &out {
            years.entry(j.plan.id()).or_default().insert(j.year);
        }
        for (id, y) in &unfilled {
            years.entry(id).or_default().insert(*y);
        }
        // A jurisdiction asked for but not reported still has its targets listed.
        if let Some(p) = jur_filter.and_then(|id| set.by_id(id)) {
            years.entry(p.id()).or_default();
        }
        for (id, ys) in years {
            let Some(plan) = set.by_id(id) else {
                continue;
            };
            let ys: BTreeSet<i32> = match year_filter {
                Some(y) => [y].into(),
                None if ys.is_empty() => [plan.plan.period.end.value].into(),
                None => ys,
            };
            for y in ys {
                for row in &plan.plan.indicators {
                    let Some(entry) = set.catalog.get(&row.id.value) else {
                        continue;
                    };
                    if seen.contains_key(&(id.to_string(), entry.id.value.clone(), y)) {
                        continue;
                    }
                    let j = Judged::new(set, plan, row, entry, y, None, None, None);
                    if j.verdict.status == Status::NoData {
                        out.push(j);
                    }
                }
            }
        }
    }
    out
}
