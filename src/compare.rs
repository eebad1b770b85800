//! What jurisdictions promise, side by side, in the catalog's units: the figure each plan states
//! (or its straight path reaches) for a year, the change it asks from its baseline, which plan asks
//! most, and the ranking of plans on an indicator. Typed results only; `report::compare` renders
//! them and `cmd::compare` chooses how.
//!
//! A plan with no target in the chosen year shows the value its straight path reaches (marked
//! interpolated) or, failing that, its nearest target with that target's year.

use crate::plan::schema::Scope;
use crate::plan::{Domain, Entry, PlanFile, PlanSet, Resolved, Row, resolve};
use crate::threshold::{Better, Op};
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// One plan's column in a compare row: its baseline and its figure for the year, if any.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// The baseline as a level (the start of a change); `None` for an average or a total.
    pub baseline: Option<(i32, Decimal)>,
    /// The baseline as the plan states it, whatever its kind, for display.
    pub stated: Option<crate::judge::Baseline>,
    pub cell: Option<Cell>,
}

/// One plan's figure for an indicator, in the catalog's unit.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub target: Resolved,
    /// The year the value is for: the chosen year, or the plan's own target year.
    pub year: i32,
    /// The normalised value (the path value when interpolated).
    pub value: Decimal,
    pub interpolated: bool,
    pub scope: Scope,
    pub baseline: Option<(i32, Decimal)>,
    /// The baseline as the plan states it (a level, or an average or total over a span), shown
    /// for what it is; only a level is `baseline`.
    pub stated: Option<crate::judge::Baseline>,
    /// The baseline already meets the target: it asks no movement (保持), so it shows no change
    /// and takes no part in who is most ambitious.
    pub maintain: bool,
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
pub(crate) fn cell_for(row: &Row, entry: &Entry, year: Option<i32>) -> Option<Cell> {
    let targets = numeric(row, entry);
    let baseline = crate::judge::baseline(row, entry);
    let stated = crate::judge::stated_baseline(row, entry);
    let cell =
        |(r, scope): (Resolved, Scope), year: i32, value: Decimal, interpolated: bool| Cell {
            maintain: scope != Scope::Cumulative
                && baseline.is_some_and(|(_, b)| {
                    crate::judge::meets(&r, entry.better, crate::judge::DEFAULT_TOLERANCE, b)
                }),
            target: r,
            year,
            value,
            interpolated,
            scope,
            baseline,
            stated,
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
#[derive(Debug, Clone)]
pub(crate) struct OnlyIn<'a> {
    pub entry: &'a Entry,
    pub cell: Option<Cell>,
    pub milestone_year: Option<i32>,
    /// Every plan (by position) that has the indicator: with three or more plans, "only in X"
    /// would be false for an indicator two of them share.
    pub holders: Vec<usize>,
    /// The name as this plan prints it, which may differ from the catalog's.
    pub printed: &'a str,
}

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
pub(crate) fn more_ambitious(better: Better, a: &Cell, b: &Cell) -> Ordering {
    let strict = |c: &Cell| matches!(c.target.threshold.op, Op::Gt | Op::Lt) as u8;
    let by_value = match better {
        Better::Lower => b.value.cmp(&a.value),
        _ => a.value.cmp(&b.value),
    };
    by_value.then(strict(a).cmp(&strict(b)))
}

/// The change a target asks from the baseline: absolute, and yearly (%) where both years are known.
pub(crate) fn change(c: &Cell) -> (Option<Decimal>, Option<Decimal>) {
    let Some((by, bv)) = c.baseline.filter(|_| !c.maintain) else {
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

/// The latest year every plan has a numeric target for; else the earliest end year among them.
fn default_year(plans: &[&PlanFile], set: &PlanSet) -> i32 {
    let years = |p: &PlanFile| -> BTreeSet<i32> {
        p.rows()
            .map(|(_, r)| r)
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
    for (_, r) in p.rows() {
        m.entry(r.id.value.as_str()).or_insert(r);
    }
    m
}

/// An indicator every compared plan states a number for, one column per plan.
#[derive(Debug, Clone)]
pub(crate) struct Shared<'a> {
    pub entry: &'a Entry,
    pub columns: Vec<Column>,
    /// Per plan, the indicator's name as that plan prints it (`“温州益康保”投保率` in one,
    /// `“浙里惠民保”投保率` in another).
    pub printed: Vec<&'a str>,
    /// Per plan: asks most for the year (only where two or more targets of one scope differ).
    pub best: Vec<bool>,
}

/// Plans side by side for one year.
#[derive(Debug, Clone)]
pub(crate) struct Comparison<'a> {
    pub year: i32,
    pub plans: Vec<&'a PlanFile>,
    /// Indicators every plan states a number for (a target, or at least a baseline).
    pub shared: Vec<Shared<'a>>,
    /// Per plan: the indicators only it (or only some plans) has.
    pub only: Vec<Vec<OnlyIn<'a>>>,
    /// Per plan: how many shared indicators it asks most on.
    pub leads: Vec<usize>,
}

/// Compares `plans` in `year` (default: the latest year all have a target for), in `domain`.
pub(crate) fn compare<'a>(
    set: &'a PlanSet,
    plans: Vec<&'a PlanFile>,
    year: Option<i32>,
    domain: Option<Domain>,
) -> Comparison<'a> {
    let year = year.unwrap_or_else(|| default_year(&plans, set));
    let maps: Vec<BTreeMap<&str, &Row>> = plans.iter().map(|p| rows_by_id(p)).collect();
    let in_domain =
        |id: &str| domain.is_none_or(|d| set.catalog.get(id).is_some_and(|e| e.domain == d));

    let mut shared: Vec<(&Entry, Vec<Column>, Vec<&str>)> = Vec::new();
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
                    stated: crate::judge::stated_baseline(row, entry),
                    cell: cell_for(row, entry, Some(year)),
                };
                (col.stated.is_some() || col.cell.is_some()).then_some(col)
            })
            .collect();
        if cols.iter().all(Option::is_some) && cols.iter().flatten().any(|c| c.cell.is_some()) {
            let printed = maps
                .iter()
                .map(|m| m.get(id).map_or(entry.name.as_str(), |r| r.name.as_str()))
                .collect();
            shared.push((entry, cols.into_iter().flatten().collect(), printed));
        } else {
            for (i, m) in maps.iter().enumerate() {
                if m.contains_key(id)
                    && plans
                        .iter()
                        .enumerate()
                        .any(|(j, _)| j != i && !maps[j].contains_key(id))
                {
                    let row = m.get(id);
                    only[i].push(OnlyIn {
                        entry,
                        cell: row.and_then(|row| cell_for(row, entry, None)),
                        milestone_year: row.and_then(|row| milestone_year(row, entry)),
                        holders: (0..maps.len())
                            .filter(|&j| maps[j].contains_key(id))
                            .collect(),
                        printed: row.map_or(entry.name.as_str(), |row| row.name.as_str()),
                    });
                }
            }
        }
    }
    shared.sort_by_key(|(e, _, _)| (e.domain, e.id.value.clone()));

    let mut leads = vec![0usize; plans.len()];
    let mut out = Vec::with_capacity(shared.len());
    for (entry, cols, printed) in shared {
        // Only figures for the chosen year (stated or on the path) compete.
        let cells: Vec<Option<&Cell>> = cols
            .iter()
            .map(|c| c.cell.as_ref().filter(|c| c.year == year && !c.maintain))
            .collect();
        let best = cells
            .iter()
            .flatten()
            .max_by(|x, y| more_ambitious(entry.better, x, y))
            .copied();
        let flags: Vec<bool> = cells
            .iter()
            .map(|c| {
                c.zip(best)
                    .is_some_and(|(c, b)| more_ambitious(entry.better, c, b) == Ordering::Equal)
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
        out.push(Shared {
            entry,
            columns: cols,
            printed,
            best: flags,
        });
    }
    Comparison {
        year,
        plans,
        shared: out,
        only,
        leads,
    }
}

/// One plan's place on one indicator.
#[derive(Debug, Clone)]
pub(crate) struct Ranked<'a> {
    pub entry: &'a Entry,
    /// 1 = asks most; equal targets share a place; places count within one scope.
    pub place: usize,
    pub plan: &'a PlanFile,
    pub cell: Cell,
    /// The indicator's name as this plan prints it.
    pub printed: &'a str,
}

/// Ranks the plans on each of `entries` for `year` (None: each plan's last target). With
/// `shared_only`, an indicator only one plan has is left out.
pub(crate) fn rank<'a>(
    set: &'a PlanSet,
    entries: &[&'a Entry],
    year: Option<i32>,
    shared_only: bool,
) -> Vec<Ranked<'a>> {
    let mut out = Vec::new();
    for &entry in entries {
        let mut cells: Vec<(&PlanFile, Cell, &str)> = set
            .plans()
            .filter_map(|p| {
                let row = p
                    .rows()
                    .map(|(_, r)| r)
                    .find(|r| r.id.value == entry.id.value)?;
                cell_for(row, entry, year).map(|c| (p, c, row.name.as_str()))
            })
            .collect();
        if cells.is_empty() || (shared_only && cells.len() < 2) {
            continue;
        }
        // Targets of one scope rank together: a five-year total is no rival to a yearly level.
        cells.sort_by(|(_, x, _), (_, y, _)| {
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
            } else if more_ambitious(entry.better, &cells[i - 1].1, &cells[i].1) != Ordering::Equal
            {
                place = i - first_of_scope + 1;
            }
            let (plan, cell, printed) = &cells[i];
            out.push(Ranked {
                entry,
                place,
                plan,
                cell: cell.clone(),
                printed,
            });
        }
    }
    out
}
