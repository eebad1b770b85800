//! `qyx compare A B [C…]` and `qyx rank [INDICATOR]`: what jurisdictions promise, side by side, in
//! the catalog's units. A plan with no target in the chosen year shows the value its straight path
//! reaches (marked interpolated) or, failing that, its nearest target with that target's year.

use crate::Outcome;
use crate::cli::{Format, Lang};
use crate::plan::load::PlanDir;
use crate::plan::schema::Scope;
use crate::plan::{Domain, Entry, PlanFile, PlanSet, Resolved, Row, resolve};
use crate::report::{Table, num, round};
use crate::threshold::{Better, Op};
use clap::Args;
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more plans, by id or name (`ruian zhuji`, `瑞安市 诸暨市`).
    #[arg(required = true, num_args = 2.., value_name = "PLAN")]
    pub jurisdictions: Vec<String>,
    /// The year to compare (default: the latest year every plan has a target for).
    #[arg(long)]
    pub year: Option<i32>,
    /// Only this domain.
    #[arg(long)]
    #[arg(long, value_parser = Domain::from_arg)]
    pub domain: Option<Domain>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Filled from the global `--lang` ([`crate::cli::Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    /// Catalog id or any printed name; without it, every indicator two or more plans share.
    pub indicator: Option<String>,
    /// The year to rank (default: each plan's last target, with its year shown).
    #[arg(long)]
    pub year: Option<i32>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Filled from the global `--lang` ([`crate::cli::Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
}

/// One plan's column in a compare row: its baseline and its figure for the year, if any.
#[derive(Debug, Clone)]
struct Column {
    baseline: Option<(i32, Decimal)>,
    cell: Option<Cell>,
}

/// One plan's figure for an indicator, in the catalog's unit.
#[derive(Debug, Clone)]
struct Cell {
    target: Resolved,
    /// The year the value is for: the chosen year, or the plan's own target year.
    year: i32,
    /// The normalised value (the path value when interpolated).
    value: Decimal,
    interpolated: bool,
    scope: Scope,
    baseline: Option<(i32, Decimal)>,
}

fn numeric(row: &Row, entry: &Entry) -> Vec<(Resolved, Scope)> {
    row.targets
        .iter()
        .filter_map(|f| {
            resolve(row, entry, f)
                .ok()
                .filter(Resolved::is_numeric)
                .map(|r| (r, f.scope))
        })
        .collect()
}

/// The plan's figure for `year` (None: its last target).
fn cell_for(row: &Row, entry: &Entry, year: Option<i32>) -> Option<Cell> {
    let targets = numeric(row, entry);
    let baseline = crate::judge::baseline(row, entry);
    let cell =
        |(r, scope): (Resolved, Scope), year: i32, value: Decimal, interpolated: bool| Cell {
            target: r,
            year,
            value,
            interpolated,
            scope,
            baseline,
        };
    let Some(year) = year else {
        let last = targets.into_iter().max_by_key(|(r, _)| r.year)?;
        let (y, v) = (last.0.year, last.0.value?);
        return Some(cell(last, y, v, false));
    };
    if let Some(t) = targets.iter().find(|(r, _)| r.year == year).cloned() {
        let v = t.0.value?;
        return Some(cell(t, year, v, false));
    }
    let level: Vec<&(Resolved, Scope)> =
        targets.iter().filter(|(_, s)| *s == Scope::Level).collect();
    let next = level
        .iter()
        .filter(|(r, _)| r.year > year)
        .min_by_key(|(r, _)| r.year);
    let prev = level
        .iter()
        .filter(|(r, _)| r.year < year)
        .max_by_key(|(r, _)| r.year)
        .and_then(|(r, _)| r.value.map(|v| (r.year, v)))
        .or(baseline.filter(|(y, _)| *y < year));
    if let (Some(next), Some((y0, v0))) = (next, prev) {
        let v1 = next.0.value?;
        let path = v0 + (v1 - v0) * Decimal::from(year - y0) / Decimal::from(next.0.year - y0);
        return Some(cell((*next).clone(), year, path, true));
    }
    // No path through the year: the nearest target, its own year shown.
    let nearest = targets
        .into_iter()
        .min_by_key(|(r, _)| ((r.year - year).abs(), -r.year))?;
    let (y, v) = (nearest.0.year, nearest.0.value?);
    Some(cell(nearest, y, v, false))
}

/// An indicator only some plans have: its entry, the plan's last figure, or its milestone year.
type OnlyIn<'a> = (&'a Entry, Option<Cell>, Option<i32>);

/// The year a milestone is due, for indicators that are met or not.
fn milestone_year(row: &Row, entry: &Entry) -> Option<i32> {
    row.targets
        .iter()
        .filter_map(|f| resolve(row, entry, f).ok())
        .filter(|r| r.threshold.op == Op::Done)
        .map(|r| r.year)
        .max()
}

/// Whether `a` asks for more than `b`, in the indicator's better direction; ties broken by a
/// strict operator (`>` asks more than `≥`).
fn more_ambitious(better: Better, a: &Cell, b: &Cell) -> std::cmp::Ordering {
    let strict = |c: &Cell| matches!(c.target.threshold.op, Op::Gt | Op::Lt) as u8;
    let by_value = match better {
        Better::Lower => b.value.cmp(&a.value),
        _ => a.value.cmp(&b.value),
    };
    by_value.then(strict(a).cmp(&strict(b)))
}

fn show_value(c: &Cell, en: bool) -> String {
    let mut t = c.target.normalized();
    t.value = Some(round(c.value, 4));
    let mut s = t.display();
    if c.interpolated {
        s = format!("~{}", num(round(c.value, 2)));
    }
    match c.scope.label(en) {
        "" => s,
        scope => format!("{s} {scope}"),
    }
}

/// The change a target asks from the baseline: absolute, and yearly where both years are known.
fn change(c: &Cell) -> (Option<Decimal>, Option<Decimal>) {
    let Some((by, bv)) = c.baseline else {
        return (None, None);
    };
    let abs = c.value - bv;
    let years = c.year - by;
    let rate = if years > 0 && bv > Decimal::ZERO && c.value > Decimal::ZERO {
        c.value
            .checked_div(bv)
            .and_then(|r| r.checked_powd(Decimal::ONE / Decimal::from(years)))
            .map(|g| {
                ((g - Decimal::ONE) * Decimal::ONE_HUNDRED)
                    .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            })
    } else {
        None
    };
    (Some(abs), rate)
}

fn change_text(c: &Cell) -> String {
    match change(c) {
        (Some(a), Some(r)) => format!(
            "{}{} ({}{}%/yr)",
            if a >= Decimal::ZERO { "+" } else { "" },
            num(round(a, 4)),
            if r >= Decimal::ZERO { "+" } else { "" },
            num(r)
        ),
        (Some(a), None) => format!(
            "{}{}",
            if a >= Decimal::ZERO { "+" } else { "" },
            num(round(a, 4))
        ),
        _ => String::new(),
    }
}

fn cell_json(c: &Cell) -> Value {
    let (abs, rate) = change(c);
    json!({
        "year": c.year,
        "target_year": c.target.year,
        "interpolated": c.interpolated,
        "op": c.target.threshold.op.name(),
        "value": num(round(c.value, 4)),
        "printed": { "value": c.target.threshold.value.map(num), "unit": c.target.unit_printed },
        "scope": c.scope.name(),
        "baseline": c.baseline.map(|(y, v)| json!({ "year": y, "value": num(v) })),
        "change": abs.map(|a| num(round(a, 4))),
        "yearly_rate_percent": rate.map(num),
    })
}

fn resolve_plans<'a>(
    set: &'a PlanSet,
    keys: &[String],
    err: &mut dyn Write,
) -> anyhow::Result<Option<Vec<&'a PlanFile>>> {
    let mut plans = Vec::new();
    let mut bad = false;
    for k in keys {
        match super::find_plan(set, k, err)? {
            Some(p) => plans.push(p),
            None => bad = true,
        }
    }
    Ok((!bad).then_some(plans))
}

/// The latest year every plan has a numeric target for; else the earliest end year among them.
fn default_year(plans: &[&PlanFile], set: &PlanSet) -> i32 {
    let years = |p: &PlanFile| -> BTreeSet<i32> {
        p.plan
            .indicators
            .iter()
            .filter_map(|row| set.catalog.get(&row.id.value).map(|e| (row, e)))
            .flat_map(|(row, e)| numeric(row, e).into_iter().map(|(r, _)| r.year))
            .collect()
    };
    let mut common: Option<BTreeSet<i32>> = None;
    for p in plans {
        let y = years(p);
        common = Some(match common {
            None => y,
            Some(c) => c.intersection(&y).copied().collect(),
        });
    }
    common.and_then(|c| c.last().copied()).unwrap_or_else(|| {
        plans
            .iter()
            .map(|p| p.plan.period.end.value)
            .min()
            .unwrap_or(0)
    })
}

fn rows_by_id(p: &PlanFile) -> BTreeMap<&str, &Row> {
    let mut m = BTreeMap::new();
    for r in &p.plan.indicators {
        m.entry(r.id.value.as_str()).or_insert(r);
    }
    m
}

pub(crate) fn compare(
    a: &CompareArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, outcome) = super::load_plans(dir, err)?;
    let Some(plans) = resolve_plans(&set, &a.jurisdictions, err)? else {
        return Ok(Outcome::BadInput);
    };
    let ids: Vec<&str> = plans.iter().map(|p| p.id()).collect();
    if ids.iter().collect::<BTreeSet<_>>().len() < ids.len() {
        writeln!(
            err,
            "qyx: note: a plan is named twice; comparing it with itself shows nothing new"
        )?;
    }
    let domain = a.domain;
    let en = a.lang == Lang::En;
    let year = a.year.unwrap_or_else(|| default_year(&plans, &set));
    let maps: Vec<BTreeMap<&str, &Row>> = plans.iter().map(|p| rows_by_id(p)).collect();
    let in_domain =
        |id: &str| domain.is_none_or(|d| set.catalog.get(id).is_some_and(|e| e.domain == d));

    // Indicators every plan states a number for (a target, or at least a baseline).
    let mut shared: Vec<(&Entry, Vec<Column>)> = Vec::new();
    // Per plan: the indicators only it (or only some plans) has, with its figure or milestone year.
    let mut only: Vec<Vec<OnlyIn>> = vec![Vec::new(); plans.len()];
    let all_ids: BTreeSet<&str> = maps.iter().flat_map(|m| m.keys().copied()).collect();
    for id in all_ids.into_iter().filter(|id| in_domain(id)) {
        let Some(entry) = set.catalog.get(id) else {
            continue;
        };
        let cols: Vec<Option<Column>> = maps
            .iter()
            .map(|m| {
                let row = m.get(id)?;
                let col = Column {
                    baseline: crate::judge::baseline(row, entry),
                    cell: cell_for(row, entry, Some(year)),
                };
                (col.baseline.is_some() || col.cell.is_some()).then_some(col)
            })
            .collect();
        if cols.iter().all(Option::is_some) && cols.iter().flatten().any(|c| c.cell.is_some()) {
            shared.push((entry, cols.into_iter().flatten().collect()));
        } else {
            for (i, m) in maps.iter().enumerate() {
                if m.contains_key(id)
                    && plans
                        .iter()
                        .enumerate()
                        .any(|(j, _)| j != i && !maps[j].contains_key(id))
                {
                    let row = m.get(id);
                    only[i].push((
                        entry,
                        row.and_then(|row| cell_for(row, entry, None)),
                        row.and_then(|row| milestone_year(row, entry)),
                    ));
                }
            }
        }
    }
    shared.sort_by_key(|(e, _)| (e.domain, e.id.value.clone()));

    let mut leads = vec![0usize; plans.len()];
    let mut best_of: Vec<Vec<bool>> = Vec::new();
    for (entry, cols) in &shared {
        // Only figures for the chosen year (stated or on the path) compete.
        let cells: Vec<Option<&Cell>> = cols
            .iter()
            .map(|c| c.cell.as_ref().filter(|c| c.year == year))
            .collect();
        let best = cells
            .iter()
            .flatten()
            .max_by(|x, y| more_ambitious(entry.better, x, y))
            .copied();
        let flags: Vec<bool> = cells
            .iter()
            .map(|c| {
                c.zip(best).is_some_and(|(c, b)| {
                    more_ambitious(entry.better, c, b) == std::cmp::Ordering::Equal
                })
            })
            .collect();
        // A mark only where two or more targets of one scope differ: a five-year total
        // against one year's level says nothing about ambition.
        let scopes: BTreeSet<&str> = cells.iter().flatten().map(|c| c.scope.name()).collect();
        let compared = cells.iter().flatten().count() >= 2 && scopes.len() == 1;
        let differ = flags.iter().zip(&cells).any(|(f, c)| c.is_some() && !f);
        let flags: Vec<bool> = flags.into_iter().map(|f| f && differ && compared).collect();
        for (i, f) in flags.iter().enumerate() {
            leads[i] += *f as usize;
        }
        best_of.push(flags);
    }

    if a.format == Format::Json {
        let v = json!({
            "year": year,
            "plans": plans.iter().map(|p| json!({ "id": p.id(), "name": p.plan.jurisdiction.name, "name_en": p.plan.jurisdiction.name_en, "period": [p.plan.period.start.value, p.plan.period.end.value] })).collect::<Vec<_>>(),
            "shared": shared.iter().zip(&best_of).map(|((e, cols), best)| json!({
                "indicator": e.id.value,
                "name": e.name,
                "name_en": e.name_en,
                "domain": e.domain.zh(),
                "unit": e.unit.as_ref().map(|u| &u.value),
                "better": e.better,
                "plans": cols.iter().zip(&plans).zip(best).map(|((c, p), b)| json!({
                    "plan": p.id(),
                    "baseline": c.baseline.map(|(y, v)| json!({ "year": y, "value": num(v) })),
                    "target": c.cell.as_ref().map(cell_json),
                    "most_ambitious": b,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "only": plans.iter().zip(&only).map(|(p, list)| json!({
                "plan": p.id(),
                "indicators": list.iter().map(|(e, c, done)| json!({ "indicator": e.id.value, "name": e.name, "target": c.as_ref().map(cell_json), "milestone_year": done })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "summary": { "shared": shared.len(), "leads": plans.iter().zip(&leads).map(|(p, n)| json!({ "plan": p.id(), "most_ambitious": n })).collect::<Vec<_>>() },
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(outcome);
    }

    let name = |p: &PlanFile| p.plan.jurisdiction.label(en);
    let mut headers = vec![
        (if en { "indicator" } else { "指标" }).to_string(),
        (if en { "unit" } else { "单位" }).to_string(),
    ];
    for p in &plans {
        let n = name(p);
        headers.push(format!("{n} {}", if en { "baseline" } else { "基础值" }));
        headers.push(format!("{n} {year}"));
        headers.push(format!("{n} {}", if en { "change" } else { "变化" }));
    }
    let mut t = Table::new(headers);
    for ((entry, cols), best) in shared.iter().zip(&best_of) {
        let mut r = vec![entry.label(en), entry.unit_text()];
        for (col, b) in cols.iter().zip(best) {
            r.push(
                col.baseline
                    .map(|(y, v)| format!("{} ({y})", num(round(v, 4))))
                    .unwrap_or_default(),
            );
            let Some(c) = &col.cell else {
                r.push(String::new());
                r.push(String::new());
                continue;
            };
            let mut v = show_value(c, en);
            if c.year != year {
                v = format!("{v} ({})", c.year);
            } else if c.interpolated {
                v = format!(
                    "{v} ({} {})",
                    if en { "path to" } else { "路径至" },
                    c.target.year
                );
            }
            if *b {
                v.push_str(" ★");
            }
            r.push(v);
            r.push(change_text(c));
        }
        t.push(r);
    }
    if a.format == Format::Table {
        let names: Vec<String> = plans.iter().map(|p| name(p)).collect();
        writeln!(
            out,
            "{} · {year} · {}",
            names.join(" / "),
            if en {
                "★ most ambitious for the year; ~ interpolated on the path to a later target; (year) a plan's own target year, not compared"
            } else {
                "★ 该年目标更高; ~ 按路径插值; (年份) 该方案自身的目标年份, 不参与比较"
            }
        )?;
    }
    t.write(a.format, out)?;
    if matches!(a.format, Format::Table | Format::Markdown) {
        for (p, list) in plans.iter().zip(&only) {
            if list.is_empty() {
                continue;
            }
            writeln!(
                out,
                "\n{} {} ({}):",
                if en { "Only in" } else { "仅" },
                name(p),
                list.len()
            )?;
            let mut t = Table::new(if en {
                ["indicator", "unit", "target"]
            } else {
                ["指标", "单位", "目标"]
            });
            for (e, c, done) in list {
                let what = match (c, done) {
                    (Some(c), _) => format!("{} ({})", show_value(c, en), c.year),
                    (None, Some(y)) => format!("{} ({y})", if en { "done" } else { "完成" }),
                    (None, None) => (if en { "no target" } else { "无目标" }).into(),
                };
                t.push(vec![e.label(en), e.unit_text(), what]);
            }
            t.write(a.format, out)?;
        }
        let lead: Vec<String> = plans
            .iter()
            .zip(&leads)
            .map(|(p, n)| format!("{} {n}", name(p)))
            .collect();
        writeln!(
            out,
            "\n{}",
            if en {
                format!(
                    "{} shared indicators; most ambitious: {}",
                    shared.len(),
                    lead.join(", ")
                )
            } else {
                format!("共有指标{}项; 目标更高: {}", shared.len(), lead.join(", "))
            }
        )?;
    }
    Ok(outcome)
}

pub(crate) fn rank(
    a: &RankArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, outcome) = super::load_plans(dir, err)?;
    let en = a.lang == Lang::En;
    let entries: Vec<&Entry> = match &a.indicator {
        Some(k) => match set.catalog.get(k) {
            Some(e) => vec![e],
            None => {
                writeln!(
                    err,
                    "qyx: error: unknown indicator `{k}`{}",
                    set.catalog.suggest(k)
                )?;
                return Ok(Outcome::BadInput);
            }
        },
        None => set.catalog.entries.iter().collect(),
    };
    let mut t = Table::new(if en {
        [
            "indicator",
            "unit",
            "rank",
            "jurisdiction",
            "target",
            "year",
            "baseline",
            "change",
        ]
    } else {
        [
            "指标",
            "单位",
            "名次",
            "地区",
            "目标",
            "年份",
            "基础值",
            "变化",
        ]
    });
    let mut json_rows = Vec::new();
    for entry in entries {
        let mut cells: Vec<(&PlanFile, Cell)> = set
            .plans
            .iter()
            .filter_map(|p| {
                let row = p
                    .plan
                    .indicators
                    .iter()
                    .find(|r| r.id.value == entry.id.value)?;
                cell_for(row, entry, a.year).map(|c| (p, c))
            })
            .collect();
        if cells.is_empty() || (a.indicator.is_none() && cells.len() < 2) {
            continue;
        }
        // Targets of one scope rank together: a five-year total is no rival to a yearly level.
        cells.sort_by(|(_, x), (_, y)| {
            x.scope
                .name()
                .cmp(y.scope.name())
                .then(more_ambitious(entry.better, y, x))
        });
        let (mut place, mut first_of_scope) = (0, 0);
        for i in 0..cells.len() {
            if i == 0 || cells[i - 1].1.scope != cells[i].1.scope {
                first_of_scope = i;
                place = 1;
            } else if more_ambitious(entry.better, &cells[i - 1].1, &cells[i].1)
                != std::cmp::Ordering::Equal
            {
                place = i - first_of_scope + 1;
            }
            let (p, c) = &cells[i];
            let mut v = show_value(c, en);
            if c.interpolated {
                v = format!(
                    "{v} ({} {})",
                    if en { "path to" } else { "路径至" },
                    c.target.year
                );
            }
            t.push(vec![
                entry.label(en),
                entry.unit_text(),
                place.to_string(),
                p.plan.jurisdiction.label(en),
                v,
                c.year.to_string(),
                c.baseline
                    .map(|(y, v)| format!("{} ({y})", num(v)))
                    .unwrap_or_default(),
                change_text(c),
            ]);
            let mut j = cell_json(c);
            j["indicator"] = json!(entry.id.value);
            j["rank"] = json!(place);
            j["plan"] = json!(p.id());
            j["unit"] = json!(entry.unit.as_ref().map(|u| &u.value));
            json_rows.push(j);
        }
    }
    if t.rows.is_empty() {
        writeln!(
            err,
            "qyx: no plan has a target for that indicator{}",
            a.year.map(|y| format!(" in {y}")).unwrap_or_default()
        )?;
        return Ok(Outcome::Findings.worst(outcome));
    }
    if a.format == Format::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(&json_rows)?)?;
    } else {
        t.write(a.format, out)?;
    }
    Ok(outcome)
}
