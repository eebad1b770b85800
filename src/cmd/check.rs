//! `qyx check ACTUALS`: judges every reported value against its plan and prints the gap table.
//! Bad rows are reported with file, line and column and the rest are still judged; the exit code
//! says whether everything judged is met (0), something lags (1), or some input was bad (2).

use crate::Outcome;
use crate::actuals::{self, ActualRow, Encoding};
use crate::cli::{Format, Lang};
use crate::diag::Diagnostic;
use crate::judge::{self, Actual, Category, Status, Verdict};
use crate::plan::load::PlanDir;
use crate::plan::{Domain, Entry, PlanFile, PlanSet, Row};
use crate::report::{Table, Tone, num, round};
use crate::threshold::{Better, Op, Threshold};
use crate::unit::Unit;
use clap::{Args, ValueEnum};
use rust_decimal::Decimal;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Actuals: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK), .xlsx/.xls/.ods, or `-` for stdin.
    pub actuals: PathBuf,
    /// How to decode a CSV file.
    #[arg(long, value_enum, default_value_t = Encoding::Auto)]
    pub encoding: Encoding,
    /// The spreadsheet's sheet (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Filled from the global `--lang` ([`crate::cli::Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
    /// Group the table by lead department.
    #[arg(long, value_enum)]
    pub by: Option<GroupBy>,
    /// Only this year.
    #[arg(long)]
    pub year: Option<i32>,
    /// Only this jurisdiction (id or Chinese name).
    #[arg(long)]
    pub jurisdiction: Option<String>,
    /// Only this domain (幼有善育 … or its English name).
    #[arg(long, value_parser = Domain::from_arg)]
    pub domain: Option<Domain>,
    /// Order of the rows: as read (default), worst gap first, or by status.
    #[arg(long, value_enum, default_value_t = SortBy::Input)]
    pub sort: SortBy,
    /// Also list targets of the reported years with no reported value (`no_data`).
    #[arg(long)]
    pub all: bool,
    /// Which statuses make the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Behind)]
    pub fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Lead,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    Input,
    Gap,
    Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 0 whatever the statuses (2 still means bad input).
    Never,
    /// Exit 1 when a row is behind or not met.
    Behind,
    /// Exit 1 only when a row is not met.
    NotMet,
}

/// One judged row, ready to print.
struct Judged<'a> {
    note: Option<String>,
    plan: &'a PlanFile,
    row: &'a Row,
    entry: &'a Entry,
    year: i32,
    actual: Option<Actual>,
    verdict: Verdict,
    category: Option<Category>,
    line: Option<u64>,
}

/// Reads a reported value: 是/否 for a milestone, else a number with or without its unit,
/// converted to the catalog's unit.
fn read_value(r: &ActualRow, row: &Row, entry: &Entry) -> Result<Actual, (u64, String)> {
    let text = r.value.text.trim();
    let col = r.value.column;
    if text.is_empty() {
        return Err((col, "empty value".into()));
    }
    if entry.better == Better::Done {
        return match text.to_lowercase().as_str() {
            "是" | "已完成" | "完成" | "已建成" | "建成" | "yes" | "y" | "true" | "1" | "done" => {
                Ok(Actual::Done(true))
            }
            "否" | "未完成" | "未建成" | "no" | "n" | "false" | "0" => {
                Ok(Actual::Done(false))
            }
            _ => Err((
                col,
                format!(
                    "`{}` is a milestone: expected 是 or 否 (yes/no), found `{text}`",
                    entry.id.value
                ),
            )),
        };
    }
    let t = Threshold::parse(text).map_err(|e| {
        (
            col,
            format!(
                "expected a number like 86, 4.4 or 1.33万元, found `{text}` ({})",
                e.message
            ),
        )
    })?;
    if !matches!(t.op, Op::Reach | Op::Eq) || t.label.is_some() || t.high.is_some() {
        return Err((
            col,
            format!("expected a number like 86, 4.4 or 1.33万元, found `{text}`"),
        ));
    }
    let value = t
        .value
        .ok_or((col, format!("expected a number, found `{text}`")))?;
    let (unit_text, unit_col) = match (&t.unit, &r.unit) {
        (Some(u), _) => (Some(u.clone()), col),
        (None, Some(u)) => (Some(u.text.clone()), u.column),
        (None, None) => (row.unit.as_ref().map(|u| u.value.clone()), col),
    };
    let Some(catalog_unit) = &entry.unit else {
        return match unit_text {
            Some(u) if t.unit.is_some() || r.unit.is_some() => Err((
                unit_col,
                format!(
                    "`{}` has no unit, but the value carries `{u}`",
                    entry.id.value
                ),
            )),
            _ => Ok(Actual::Number(value)),
        };
    };
    let to = Unit::parse(&catalog_unit.value).map_err(|e| (col, e.to_string()))?;
    let from = match unit_text {
        Some(u) => Unit::parse(&u).map_err(|e| (unit_col, e.to_string()))?,
        None => to.clone(),
    };
    from.convert(value, &to).map(Actual::Number).map_err(|e| {
        (
            unit_col,
            format!(
                "{e} (the target of `{}` is in {})",
                entry.id.value, catalog_unit.value
            ),
        )
    })
}

fn parse_year(text: &str) -> Option<i32> {
    text.trim().trim_end_matches('年').parse().ok()
}

pub(crate) fn run(
    a: &CheckArgs,
    dir: &PlanDir,
    colour: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, mut outcome) = super::load_plans(dir, err)?;
    let domain_filter = a.domain;
    let jur_filter = match &a.jurisdiction {
        Some(j) => match super::find_plan(&set, j, err)? {
            Some(p) => Some(p.id().to_string()),
            None => return Ok(Outcome::BadInput),
        },
        None => None,
    };
    let actuals = match actuals::read(&a.actuals, a.encoding, a.sheet.as_deref()) {
        Ok(x) => x,
        Err(d) => {
            writeln!(err, "{d}")?;
            return Ok(Outcome::BadInput);
        }
    };
    let mut problems = actuals.problems.clone();
    let judged = judge_rows(
        &set,
        &actuals,
        &mut problems,
        a.all,
        a.year,
        jur_filter.as_deref(),
    );
    let en = a.lang == Lang::En;
    let mut shown: Vec<&Judged> = judged
        .iter()
        .filter(|j| jur_filter.as_deref().is_none_or(|id| j.plan.id() == id))
        .filter(|j| a.year.is_none_or(|y| j.year == y))
        .filter(|j| {
            domain_filter
                .is_none_or(|d| super::show::row_domain(j.plan, &set.catalog, j.row) == Some(d))
        })
        .collect();
    match a.sort {
        SortBy::Input => {}
        SortBy::Status => shown.sort_by_key(|j| j.verdict.status),
        SortBy::Gap => shown.sort_by_key(|j| std::cmp::Reverse(relative_gap(j))),
    }
    if a.by == Some(GroupBy::Lead) {
        shown.sort_by(|x, y| x.row.lead.cmp(&y.row.lead));
    }

    problems.sort_by_key(|d| (d.line, d.column));
    for d in &problems {
        writeln!(err, "{d}")?;
    }
    render(a, &set, &shown, en, colour, out)?;
    let counts = count(&shown);
    if matches!(a.format, Format::Table | Format::Markdown) {
        let bad = problems
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .count();
        writeln!(out, "{}", summary_line(&counts, shown.len(), bad, en))?;
    }

    let failing = |s: &Status| match a.fail_on {
        FailOn::Never => false,
        FailOn::Behind => matches!(s, Status::NotMet | Status::Behind),
        FailOn::NotMet => *s == Status::NotMet,
    };
    if shown.iter().any(|j| failing(&j.verdict.status)) {
        outcome = outcome.worst(Outcome::Findings);
    }
    if problems
        .iter()
        .any(|d| d.severity == crate::diag::Severity::Error)
    {
        outcome = Outcome::BadInput;
    }
    Ok(outcome)
}

/// The gap as a share of the target, so that gaps in different units can be ordered.
fn relative_gap(j: &Judged) -> Decimal {
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

fn judge_rows<'a>(
    set: &'a PlanSet,
    actuals: &actuals::Actuals,
    problems: &mut Vec<Diagnostic>,
    all: bool,
    year_filter: Option<i32>,
    jur_filter: Option<&str>,
) -> Vec<Judged<'a>> {
    let name = &actuals.name;
    let mut out: Vec<Judged> = Vec::new();
    let mut seen: HashMap<(String, String, i32), u64> = HashMap::new();
    for r in &actuals.rows {
        let mut bad =
            |col: u64, msg: String| problems.push(Diagnostic::error(name, r.line, col, msg));
        let plan = match set.find(&r.jurisdiction.text) {
            Ok(p) => p,
            Err(e) => {
                bad(
                    r.jurisdiction.column,
                    e.replace("no plan", "unknown jurisdiction"),
                );
                continue;
            }
        };
        let Some(entry) = set.catalog.get(&r.indicator.text) else {
            bad(
                r.indicator.column,
                format!(
                    "unknown indicator `{}`{}",
                    r.indicator.text,
                    set.catalog.suggest(&r.indicator.text)
                ),
            );
            continue;
        };
        let Some(row) = plan
            .plan
            .indicators
            .iter()
            .find(|x| x.id.value == entry.id.value)
        else {
            bad(
                r.indicator.column,
                format!(
                    "the plan of {} has no indicator `{}` ({})",
                    plan.plan.jurisdiction.name, entry.id.value, entry.name
                ),
            );
            continue;
        };
        let Some(year) = parse_year(&r.year.text) else {
            bad(
                r.year.column,
                format!("expected a year like 2024, found `{}`", r.year.text),
            );
            continue;
        };
        let (start, end) = (plan.plan.period.start.value, plan.plan.period.end.value);
        if year < start || year > end {
            bad(
                r.year.column,
                format!(
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
                format!(
                    "duplicate row: {} {} {year} was already reported at line {first}",
                    plan.id(),
                    entry.id.value
                ),
            );
            continue;
        }
        seen.insert(key, r.line);
        let actual = match read_value(r, row, entry) {
            Ok(v) => v,
            Err((col, msg)) => {
                bad(col, msg);
                continue;
            }
        };
        let verdict = judge::judge(row, entry, year, Some(actual));
        out.push(Judged {
            plan,
            row,
            entry,
            year,
            actual: Some(actual),
            verdict,
            category: None,
            line: Some(r.line),
            note: r.note.clone(),
        });
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
    for j in &mut out {
        let Some(s) = series.get(&(j.plan.id().to_string(), j.entry.id.value.clone())) else {
            continue;
        };
        if s.len() < 2 {
            continue;
        }
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
            j.category = judge::category(s, &t, t.year, j.entry.better);
        }
    }

    if all {
        let mut years: BTreeMap<&str, BTreeSet<i32>> = BTreeMap::new();
        for j in &out {
            years.entry(j.plan.id()).or_default().insert(j.year);
        }
        // A jurisdiction asked for but not reported still has its targets listed.
        if let Some(p) = jur_filter.and_then(|id| set.plans.iter().find(|p| p.id() == id)) {
            years.entry(p.id()).or_default();
        }
        for (id, ys) in years {
            let Some(plan) = set.plans.iter().find(|p| p.id() == id) else {
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
                    let v = judge::judge(row, entry, y, None);
                    if v.status == Status::NoData {
                        out.push(Judged {
                            plan,
                            row,
                            entry,
                            year: y,
                            actual: None,
                            verdict: v,
                            category: None,
                            line: None,
                            note: None,
                        });
                    }
                }
            }
        }
    }
    out
}

fn fmt(d: Decimal) -> String {
    num(round(d, 4))
}

fn target_text(j: &Judged, en: bool) -> String {
    let Some(a) = &j.verdict.applied else {
        return "/".into();
    };
    let t = &a.target;
    let th = t.normalized();
    let mut s = match th.op {
        Op::Done => (if en { "done" } else { "完成" }).to_string(),
        _ => th.display(),
    };
    if t.year != j.year || a.scope != crate::plan::schema::Scope::Level {
        let scope = a.scope.label(en);
        s = format!(
            "{s} ({}{}{scope})",
            t.year,
            if scope.is_empty() { "" } else { " " }
        );
    }
    if let Some(p) = a.path {
        s = format!("{s}, {} {}", if en { "path" } else { "路径" }, fmt(p));
    }
    s
}

fn actual_text(a: Option<Actual>, en: bool) -> String {
    match (a, en) {
        (None, _) => String::new(),
        (Some(Actual::Number(v)), _) => fmt(v),
        (Some(Actual::Done(true)), false) => "是".into(),
        (Some(Actual::Done(false)), false) => "否".into(),
        (Some(Actual::Done(true)), true) => "yes".into(),
        (Some(Actual::Done(false)), true) => "no".into(),
    }
}

fn render(
    a: &CheckArgs,
    set: &PlanSet,
    rows: &[&Judged],
    en: bool,
    colour: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if a.format == Format::Json {
        let v: Vec<_> = rows.iter().map(|j| row_json(set, j)).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    let headers: [&str; 13] = if en {
        [
            "jurisdiction",
            "domain",
            "indicator",
            "unit",
            "year",
            "baseline",
            "target",
            "actual",
            "gap",
            "progress",
            "status",
            "trend",
            "lead",
        ]
    } else {
        [
            "地区",
            "领域",
            "指标",
            "单位",
            "年份",
            "基础值",
            "目标",
            "实际值",
            "差距",
            "进度",
            "状态",
            "趋势",
            "牵头单位",
        ]
    };
    let make_row = |j: &Judged| -> Vec<String> {
        let domain = super::show::row_domain(j.plan, &set.catalog, j.row);
        vec![
            j.plan.plan.jurisdiction.label(en),
            domain.map_or(String::new(), |d| d.label(en).to_string()),
            if en {
                j.entry.name_en.clone()
            } else {
                j.row.name.clone()
            },
            j.entry.unit_text(),
            j.year.to_string(),
            judge::baseline(j.row, j.entry)
                .map(|(y, v)| format!("{} ({y})", fmt(v)))
                .unwrap_or_default(),
            target_text(j, en),
            actual_text(j.actual, en),
            j.verdict.gap.map(fmt).unwrap_or_default(),
            j.verdict
                .progress
                .map(|p| format!("{}%", num(p)))
                .unwrap_or_default(),
            j.verdict.status.name(en).to_string(),
            j.category
                .map(|c| c.name(en).to_string())
                .unwrap_or_default(),
            j.row.lead.clone().unwrap_or_default(),
        ]
    };
    if a.by == Some(GroupBy::Lead) && a.format != Format::Csv {
        let mut groups: BTreeMap<String, Vec<&Judged>> = BTreeMap::new();
        for j in rows {
            groups
                .entry(j.row.lead.clone().unwrap_or_else(|| {
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
            let c = count(&js);
            let head = format!("{lead}: {}", summary_line(&c, js.len(), 0, en));
            if a.format == Format::Markdown {
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
                let mut r = make_row(j);
                r.pop();
                t.push_toned(r, tone(j));
            }
            t.write(a.format, out)?;
        }
        return Ok(());
    }
    let mut t = Table::new(headers);
    t.colour = colour;
    for j in rows {
        t.push_toned(make_row(j), tone(j));
    }
    t.write(a.format, out)?;
    Ok(())
}

/// The status cell's colour.
fn tone(j: &Judged) -> Vec<(usize, Tone)> {
    let tone = match j.verdict.status {
        Status::Met | Status::OnTrack => Tone::Good,
        Status::NotMet => Tone::Bad,
        Status::Behind => Tone::Warn,
        Status::NoTarget | Status::NoData => return Vec::new(),
    };
    vec![(STATUS_COLUMN, tone)]
}

/// Where the status sits in the gap table's columns.
const STATUS_COLUMN: usize = 10;

fn row_json(set: &PlanSet, j: &Judged) -> serde_json::Value {
    let applied = j.verdict.applied.as_ref();
    json!({
        "jurisdiction": j.plan.id(),
        "jurisdiction_name": j.plan.plan.jurisdiction.name,
        "domain": super::show::row_domain(j.plan, &set.catalog, j.row).map(Domain::zh),
        "indicator": j.entry.id.value,
        "name": j.row.name,
        "name_en": j.entry.name_en,
        "year": j.year,
        "unit": j.entry.unit.as_ref().map(|u| &u.value),
        "baseline": judge::baseline(j.row, j.entry).map(|(y, v)| json!({ "year": y, "value": num(v) })),
        "target": applied.map(|a| json!({
            "year": a.target.year,
            "op": a.target.threshold.op.name(),
            "value": a.target.value.map(num),
            "high": a.target.high.map(num),
            "scope": a.scope.name(),
            "path": a.path.map(|p| num(round(p, 4))),
        })),
        "actual": match j.actual {
            Some(Actual::Number(v)) => json!(num(v)),
            Some(Actual::Done(d)) => json!(d),
            None => serde_json::Value::Null,
        },
        "gap": j.verdict.gap.map(|g| num(round(g, 4))),
        "progress": j.verdict.progress.map(num),
        "status": j.verdict.status,
        "progress_category": j.category,
        "lead": j.row.lead,
        "line": j.line,
        "note": j.note,
        "note": j.note,
    })
}

fn count(rows: &[&Judged]) -> BTreeMap<Status, usize> {
    let mut m = BTreeMap::new();
    for j in rows {
        *m.entry(j.verdict.status).or_insert(0) += 1;
    }
    m
}

fn summary_line(counts: &BTreeMap<Status, usize>, total: usize, bad: usize, en: bool) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(s, n)| format!("{n} {}", s.name(en)))
        .collect();
    let mut s = if en {
        format!("{total} judged: {}", parts.join(", "))
    } else {
        format!("共{total}项: {}", parts.join(", "))
    };
    if bad > 0 {
        s.push_str(&if en {
            format!("; {bad} bad rows (see above)")
        } else {
            format!("; {bad}行有误(见上)")
        });
    }
    s
}
