//! Judging a sheet of reported values (actuals) against the plans: every row matched to its plan,
//! indicator and year, read in the catalog's unit and judged, plus the targets nobody reported
//! (`--all`). The result is typed ([`Judged`] rows, [`Summary`] counts) and never printed here:
//! `cmd::check` picks a renderer in `report::check` for it, so the terminal table, CSV, Markdown,
//! JSON and the workbook and HTML reports all show the same rows.

use crate::actuals::value::{parse_year, read_value};
use crate::actuals::{self, ActualRow};
use crate::cycle::{self, Bands, PeriodVerdict};
use crate::diag::echo;
use crate::diag::{Diagnostic, Severity};
use crate::judge::{self, Actual, Category, Status, Verdict};
use crate::period::Period;
use crate::plan::schema::{Accrual, Scope};
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
    /// The period judged: the whole year, or a month's or a quarter's share of it.
    pub period: Period,
    /// The plan's baseline in the catalog's unit: a level, or an average or total over a span.
    pub baseline: Option<judge::Baseline>,
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
    /// What the period asks (序时进度), the points behind it and the light.
    pub cycle: PeriodVerdict,
    /// The change since the previous period reported for the same indicator.
    pub change: Option<Decimal>,
    /// The file the value came from (several files make a history).
    pub file: Option<String>,
}

impl<'a> Judged<'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        set: &'a PlanSet,
        plan: &'a PlanFile,
        row: &'a Row,
        entry: &'a Entry,
        period: Period,
        actual: Option<Actual>,
        year_end: Option<Decimal>,
        bands: &Bands,
        rules: &judge::Rules,
    ) -> Judged<'a> {
        let ctx = judge::Ctx::new(&plan.plan, *rules);
        let cycle = cycle::judge_period(row, entry, &ctx, period, actual, year_end, bands);
        Judged {
            plan,
            row,
            entry,
            domain: row_domain(plan, &set.catalog, row),
            year: period.year,
            period,
            baseline: judge::stated_baseline(row, entry),
            verdict: cycle.verdict.clone(),
            actual,
            category: None,
            line: None,
            note: None,
            cycle,
            change: None,
            file: None,
        }
    }

    /// The gap in percent of the target (or of the path value the year is judged against): the
    /// 差距率 column, which orders gaps in different units.
    pub fn gap_share(&self) -> Option<Decimal> {
        let v = &self.verdict;
        let target = v.applied.as_ref().and_then(|a| a.path.or(a.target.value))?;
        let g = v.gap?;
        if target.is_zero() {
            return None;
        }
        g.checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(target.abs())
            .map(|d| crate::report::round(d, 1))
    }

    /// [`Judged::gap_share`] for sorting: rows without one last.
    pub fn relative_gap(&self) -> Decimal {
        self.gap_share().unwrap_or(Decimal::MIN)
    }

    /// Whether the value was taken for a unit slip (then it says nothing about a trend).
    pub fn implausible(&self) -> bool {
        self.verdict
            .notes
            .iter()
            .any(|n| matches!(n, judge::Note::Implausible { .. }))
    }
}

/// Which rows to judge and show, and in what order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Query {
    /// Also list targets of the reported years with no reported value.
    pub all: bool,
    pub year: Option<i32>,
    /// Only this period.
    pub period: Option<Period>,
    /// A plan id.
    pub jurisdiction: Option<String>,
    pub domain: Option<Domain>,
    pub order: Order,
    /// The light bands.
    pub bands: Bands,
    /// How approximate targets are judged (`--tolerance`).
    pub rules: judge::Rules,
}

/// The order of the judged rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Order {
    /// As read (targets nobody reported last).
    #[default]
    Input,
    /// The largest gap, as a share of the target (差距率), first.
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

/// Judges `files` (several make one history) against `set` and selects and orders the rows as
/// `q` asks. The problems come in file order, then line order.
pub(crate) fn check<'a>(set: &'a PlanSet, files: &[actuals::Actuals], q: &Query) -> Checked<'a> {
    let mut problems: Vec<Diagnostic> = files
        .iter()
        .flat_map(|f| f.problems.iter().cloned())
        .collect();
    let judged = judge_rows(set, files, &mut problems, q);
    let mut rows: Vec<Judged> = judged
        .into_iter()
        .filter(|j| q.jurisdiction.as_deref().is_none_or(|id| j.plan.id() == id))
        .filter(|j| q.year.is_none_or(|y| j.year == y))
        .filter(|j| q.period.is_none_or(|p| j.period == p))
        .filter(|j| q.domain.is_none_or(|d| j.domain == Some(d)))
        .collect();
    order(&mut rows, q.order);
    let file_order: HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.as_str(), i))
        .collect();
    problems.sort_by_key(|d| {
        (
            file_order.get(d.file.as_str()).copied().unwrap_or(0),
            d.line,
            d.column,
        )
    });
    let unfilled = files
        .iter()
        .flat_map(|f| f.rows.iter())
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

/// The period of a row: the period column read with the year column's year, else the year
/// column read as a period (`2024`, `2024Q2`, `2024年6月`); then the basis column (累计/当期).
fn read_period(r: &ActualRow) -> Result<Period, (u64, String)> {
    let p = match &r.period {
        Some(pf) => {
            let year = if r.year.text.trim().is_empty() {
                None
            } else {
                Some(parse_year(&r.year.text).map_err(|m| (r.year.column, m))?)
            };
            crate::period::parse(&pf.text, year).map_err(|m| (pf.column, m))?
        }
        None => crate::period::parse(&r.year.text, None).map_err(|m| {
            // A bare number that is no year (a date's serial number, a typo) is a year problem,
            // and the year reader says what it likely is.
            let digits = r.year.text.trim().chars().all(|c| c.is_numeric());
            match parse_year(&r.year.text) {
                Err(y) if digits => (r.year.column, y),
                _ => (r.year.column, m),
            }
        })?,
    };
    match &r.basis {
        Some(b) => match crate::period::parse_basis(&b.text).map_err(|m| (b.column, m))? {
            Some(basis) => Ok(p.with_basis(basis)),
            None => Ok(p),
        },
        None => Ok(p),
    }
}

/// One reported value that read cleanly, before judging.
struct Reading<'a> {
    plan: &'a PlanFile,
    row: &'a Row,
    entry: &'a Entry,
    period: Period,
    actual: Actual,
    file: usize,
    line: u64,
    note: Option<String>,
    /// The value as typed (with its unit column) and its column, for a plausibility warning.
    typed: String,
    column: u64,
}

fn judge_rows<'a>(
    set: &'a PlanSet,
    files: &[actuals::Actuals],
    problems: &mut Vec<Diagnostic>,
    q: &Query,
) -> Vec<Judged<'a>> {
    let bands = &q.bands;
    let mut readings: Vec<Reading> = Vec::new();
    let mut seen: HashMap<(String, String, Period), usize> = HashMap::new();
    // Periods reported with an empty value: no data, listed by --all.
    let mut unfilled: Vec<(&str, Period)> = Vec::new();
    for (fi, actuals) in files.iter().enumerate() {
        let name = &actuals.name;
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
            let period = match read_period(r) {
                Ok(p) => p,
                Err((col, msg)) => {
                    bad(col, msg);
                    continue;
                }
            };
            let year = period.year;
            let (start, end) = (plan.plan.period.start.value, plan.plan.period.end.value);
            if year < start || year > end {
                bad(
                    r.period.as_ref().unwrap_or(&r.year).column,
                    crate::tr!(
                        "{year} 年不在{}计划的期限（{start}–{end}）内",
                        "year {year} is outside the plan of {} ({start}–{end})",
                        plan.plan.jurisdiction.name
                    ),
                );
                continue;
            }
            let actual = match read_value(r, row, entry) {
                Ok(Some(v)) => v,
                // An empty value is no data: listed by --all, never an error.
                Ok(None) => {
                    unfilled.push((plan.id(), period));
                    continue;
                }
                Err((col, msg)) => {
                    bad(col, msg);
                    continue;
                }
            };
            let key = (plan.id().to_string(), entry.id.value.clone(), period);
            let reading = Reading {
                plan,
                row,
                entry,
                period,
                actual,
                file: fi,
                line: r.line,
                note: r.note.clone(),
                typed: typed(r),
                column: r.value.column,
            };
            if let Some(&first) = seen.get(&key) {
                let earlier = &readings[first];
                if earlier.file == fi {
                    bad(
                        1,
                        crate::tr!(
                            "重复的行: {} {} {} 已在第 {} 行上报",
                            "duplicate row: {} {} {} was already reported at line {}",
                            plan.id(),
                            entry.id.value,
                            period.label(false),
                            earlier.line
                        ),
                    );
                    continue;
                }
                // A later file revises an earlier one; a different value is worth a word.
                if earlier.actual != actual {
                    problems.push(
                        Diagnostic::warning(
                        name,
                        r.line,
                        r.value.column,
                        crate::tr!(
                            "{0} {1} {2} 的数值不一致: 此处为 {3}，{5}:{6} 处为 {4}；采用后读文件的值",
                            "conflicting values for {0} {1} {2}: {3} here, {4} at {5}:{6}; this later file's value is used",
                            plan.id(),
                            entry.id.value,
                            period.label(false),
                            value_text(actual),
                            value_text(earlier.actual),
                            files[earlier.file].name,
                            earlier.line
                        ),
                    )
                        .in_sheet(actuals.sheet.as_deref()),
                    );
                }
                readings[first] = reading;
                continue;
            }
            seen.insert(key, readings.len());
            readings.push(reading);
        }
    }

    // Each indicator's history: its values by period, for the year-end starts of a year's path,
    // the change since the previous period and the trend.
    let mut history: BTreeMap<(&str, &str), BTreeMap<Period, Actual>> = BTreeMap::new();
    for r in &readings {
        history
            .entry((r.plan.id(), r.entry.id.value.as_str()))
            .or_default()
            .insert(r.period, r.actual);
    }
    let year_end = |r: &Reading, year: i32| -> Option<Decimal> {
        match history
            .get(&(r.plan.id(), r.entry.id.value.as_str()))?
            .get(&Period::year(year))?
        {
            Actual::Number(v) => Some(*v),
            Actual::Done(_) => None,
        }
    };
    let mut out: Vec<Judged> = Vec::new();
    for r in &readings {
        let mut j = Judged::new(
            set,
            r.plan,
            r.row,
            r.entry,
            r.period,
            Some(r.actual),
            year_end(r, r.period.year - 1),
            bands,
            &q.rules,
        );
        if let Some(note) = judge::plausibility(r.row, r.entry, &j.verdict, r.actual) {
            let f = &files[r.file];
            problems.push(
                Diagnostic::warning(
                    &f.name,
                    r.line,
                    r.column,
                    implausible_warning(&r.typed, &note, r.entry),
                )
                .in_sheet(f.sheet.as_deref()),
            );
            j.verdict.notes.push(note);
            j.cycle.verdict.notes = j.verdict.notes.clone();
        }
        j.change = history
            .get(&(r.plan.id(), r.entry.id.value.as_str()))
            .and_then(|h| previous_change(h, r.period, r.actual, r.entry));
        j.line = Some(r.line);
        j.note = r.note.clone();
        j.file = Some(files[r.file].name.clone());
        out.push(j);
    }

    // Open SDG's category where an indicator has two or more reported periods, once per series.
    // A flow counted within the year is compared on whole years only: its year-to-date values
    // restart in January.
    let slips: BTreeSet<(String, String, Period)> = out
        .iter()
        .filter(|j| j.implausible())
        .map(|j| (j.plan.id().to_string(), j.entry.id.value.clone(), j.period))
        .collect();
    let mut categories: HashMap<(&str, &str), Option<Category>> = HashMap::new();
    for j in &mut out {
        let key = (j.plan.id(), j.entry.id.value.as_str());
        if let Some(c) = categories.get(&key) {
            j.category = *c;
            continue;
        }
        let Some(h) = history.get(&key) else {
            continue;
        };
        let within_year = j.entry.accrual() == Accrual::Flow && !is_cumulative(j.row);
        let series: Vec<(Decimal, Decimal)> = h
            .iter()
            .filter(|(p, _)| p.is_year_to_date() && (!within_year || p.is_full_year()))
            // A value taken for a unit slip says nothing about the trend.
            .filter(|(p, _)| !slips.contains(&(key.0.to_string(), key.1.to_string(), **p)))
            .filter_map(|(p, a)| match a {
                Actual::Number(v) => Some((cycle::history::time(p), *v)),
                Actual::Done(_) => None,
            })
            .collect();
        let mut category = None;
        if series.len() >= 2 {
            let last = h.keys().map(|p| p.year).max().unwrap_or(j.year);
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
                category =
                    cycle::history::category(&series, &t, Decimal::from(t.year), j.entry.better);
            }
        }
        j.category = category;
        categories.insert(key, category);
    }

    if q.all {
        let mut periods: BTreeMap<&str, BTreeSet<Period>> = BTreeMap::new();
        for j in &out {
            periods.entry(j.plan.id()).or_default().insert(j.period);
        }
        for (id, p) in &unfilled {
            periods.entry(id).or_default().insert(*p);
        }
        // A jurisdiction asked for but not reported still has its targets listed.
        if let Some(p) = q.jurisdiction.as_deref().and_then(|id| set.by_id(id)) {
            periods.entry(p.id()).or_default();
        }
        for (id, ps) in periods {
            let Some(plan) = set.by_id(id) else {
                continue;
            };
            let ps: BTreeSet<Period> = match (q.period, q.year) {
                (Some(p), _) => [p].into(),
                (None, Some(y)) => [Period::year(y)].into(),
                (None, None) if ps.is_empty() => [Period::year(plan.plan.period.end.value)].into(),
                (None, None) => ps,
            };
            for p in ps {
                for row in &plan.plan.indicators {
                    let Some(entry) = set.catalog.get(&row.id.value) else {
                        continue;
                    };
                    if seen.contains_key(&(id.to_string(), entry.id.value.clone(), p)) {
                        continue;
                    }
                    let j = Judged::new(set, plan, row, entry, p, None, None, bands, &q.rules);
                    if j.verdict.status == Status::NoData {
                        out.push(j);
                    }
                }
            }
        }
    }
    out
}

fn is_cumulative(row: &Row) -> bool {
    row.targets.iter().any(|f| f.scope == Scope::Cumulative)
}

/// The change from the latest earlier period with a number. A flow counted within the year is
/// compared only within the same year and basis: its year-to-date sum restarts in January.
fn previous_change(
    h: &BTreeMap<Period, Actual>,
    period: Period,
    actual: Actual,
    entry: &Entry,
) -> Option<Decimal> {
    let Actual::Number(v) = actual else {
        return None;
    };
    let flow = entry.accrual() == Accrual::Flow;
    let (prev, pv) = h.range(..period).rev().find(|(p, a)| {
        matches!(a, Actual::Number(_)) && p.is_year_to_date() == period.is_year_to_date()
    })?;
    if flow && prev.year != period.year {
        return None;
    }
    match pv {
        Actual::Number(p) => v.checked_sub(*p),
        Actual::Done(_) => None,
    }
}

/// The value as the clerk typed it, with the unit column when there is one.
fn typed(r: &ActualRow) -> String {
    match &r.unit {
        Some(u) if !u.text.trim().is_empty() => {
            format!("{} {}", r.value.text.trim(), u.text.trim())
        }
        _ => r.value.text.trim().to_string(),
    }
}

/// The warning for a value far from its row: what it is, the likely slip, what was meant.
fn implausible_warning(typed: &str, note: &judge::Note, entry: &Entry) -> String {
    let judge::Note::Implausible {
        factor,
        meant,
        unit,
    } = note
    else {
        return String::new();
    };
    let meant = crate::report::num(crate::report::round(*meant, 4));
    let en = crate::i18n::current() == crate::cli::Lang::En;
    let factor = crate::report::check::factor_words(*factor, en);
    let id = &entry.id.value;
    crate::tr!(
        "`{typed}` 约为 `{id}` 目标和基础值的{factor}({unit}): 是否应为 {meant}{unit}? (按所填数值判定, 已标为存疑)",
        "`{typed}` is about {factor} the target and the baseline of `{id}` ({unit}): did you mean {meant}{unit}? (judged as typed, marked doubtful)"
    )
}

/// A value as a message quotes it.
fn value_text(a: Actual) -> String {
    match a {
        Actual::Number(v) => v.normalize().to_string(),
        Actual::Done(true) => "是".into(),
        Actual::Done(false) => "否".into(),
    }
}
