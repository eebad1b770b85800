//! What a reporting round adds up to: 催报 (every indicator due in a period with no value, with
//! its last reported value) and 晾晒 (jurisdictions, or departments within one, ranked by the
//! share of their due targets that are green, with the change in rank since the previous period).

use super::{Light, judge_period};
use crate::judge::{Actual, Status};
use crate::period::Period;
use crate::plan::schema::{Accrual, Marker};
use crate::plan::{Entry, PlanFile, PlanSet, Row};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One judged value, as the results of a round see it.
#[derive(Debug, Clone)]
pub(crate) struct Reported<'a> {
    pub plan: &'a PlanFile,
    pub row: &'a Row,
    pub entry: &'a Entry,
    pub period: Period,
    pub actual: Option<Actual>,
    pub light: Option<Light>,
    pub completion: Option<Decimal>,
    /// The verdict needs a look (达标(存疑) …): its light counts, and the standing says how many
    /// of its lights are so.
    pub doubtful: bool,
}

/// An indicator due in a period with no value.
#[derive(Debug, Clone)]
pub(crate) struct Missing<'a> {
    pub plan: &'a PlanFile,
    pub row: &'a Row,
    pub entry: &'a Entry,
    pub period: Period,
    /// The latest earlier value reported, and its period.
    pub last: Option<(Period, Actual)>,
}

/// Whether an indicator is due in `period`: it has a target that applies then (its own, a path to
/// a later one, every year, maintained), and a milestone only at the end of its own year.
pub(crate) fn due(row: &Row, entry: &Entry, ctx: &crate::judge::Ctx, period: Period) -> bool {
    if row.marker == Some(Marker::Observational) {
        return false;
    }
    let pv = judge_period(
        row,
        entry,
        ctx,
        period,
        None,
        None,
        &super::Bands::default(),
    );
    if pv.verdict.status != Status::NoData {
        return false;
    }
    if entry.accrual() == Accrual::Milestone {
        return period.is_full_year()
            && pv
                .verdict
                .applied
                .as_ref()
                .is_some_and(|a| a.target.year == period.year);
    }
    true
}

/// The plans that reported nothing in `period` but did earlier, each with its latest period: a
/// county whose month is not in yet counts every target as unreported in a round ranked at the
/// latest period anyone reported, and the analyst should know that is why it stands low.
pub(crate) fn behind<'a>(
    plans: &[&'a PlanFile],
    reported: &[Reported<'a>],
    period: Period,
) -> Vec<(&'a PlanFile, Period)> {
    // One pass over the reports: a province's sheets hold a row per target of every plan.
    let mut latest: std::collections::HashMap<&str, Period> = std::collections::HashMap::new();
    for r in reported.iter().filter(|r| r.actual.is_some()) {
        let at = latest.entry(r.plan.id()).or_insert(r.period);
        *at = (*at).max(r.period);
    }
    plans
        .iter()
        .filter_map(|p| {
            let at = *latest.get(p.id())?;
            (at < period).then_some((*p, at))
        })
        .collect()
}

/// Every indicator of `plans` due in `period` that `reported` has no value for, in plan order.
pub(crate) fn missing<'a>(
    set: &'a PlanSet,
    plans: &[&'a PlanFile],
    reported: &[Reported<'a>],
    period: Period,
) -> Vec<Missing<'a>> {
    let have: BTreeSet<(&str, &str)> = reported
        .iter()
        .filter(|r| r.period == period && r.actual.is_some())
        .map(|r| (r.plan.id(), r.entry.id.value.as_str()))
        .collect();
    // Each indicator's latest earlier value, found in one pass: a scan of every report for each
    // missing target was thousands of targets times a province's rows.
    let mut latest: HashMap<(&str, &str), (Period, Actual)> = HashMap::new();
    for r in reported.iter().filter(|r| r.period < period) {
        let Some(a) = r.actual else { continue };
        let key = (r.plan.id(), r.entry.id.value.as_str());
        match latest.get_mut(&key) {
            // Of equal periods the one listed last, as a `max_by_key` over the list gave.
            Some(at) if at.0 > r.period => {}
            Some(at) => *at = (r.period, a),
            None => {
                latest.insert(key, (r.period, a));
            }
        }
    }
    let mut out = Vec::new();
    for plan in plans {
        // Whether a target is due does not depend on the ≈ band: the default rules do.
        let ctx = crate::judge::Ctx::new(&plan.plan, crate::judge::Rules::default());
        for (_, row) in plan.rows() {
            let Some(entry) = set.catalog.get(&row.id.value) else {
                continue;
            };
            if have.contains(&(plan.id(), entry.id.value.as_str()))
                || !due(row, entry, &ctx, period)
            {
                continue;
            }
            let last = latest.get(&(plan.id(), entry.id.value.as_str())).copied();
            out.push(Missing {
                plan,
                row,
                entry,
                period,
                last,
            });
        }
    }
    out
}

/// One jurisdiction's or department's standing in a round.
#[derive(Debug, Clone)]
pub(crate) struct Standing {
    pub name: String,
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
    /// Of the lights, those whose verdict is doubtful (a likely slip, a far value …): a ranking
    /// that goes up says how much of it rests on values still to check.
    pub doubtful: usize,
    /// Due but not reported: counted as due, never as green.
    pub missing: usize,
    /// Green as a share (%) of everything due (judged with a light, or missing).
    pub share_green: Decimal,
    /// The mean completion (%) of the reported values that have one.
    pub completion: Option<Decimal>,
    pub rank: usize,
    /// Places moved up (positive) or down since the previous period; `None` when not ranked then.
    pub moved: Option<i64>,
}

impl Standing {
    pub fn due(&self) -> usize {
        self.green + self.yellow + self.red + self.missing
    }
}

fn pct(part: usize, whole: usize) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    (Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole))
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// Standings of the groups `key` puts values in, for one period: ordered by the share green,
/// then fewer red, then the mean completion; equal standings share a rank (1, 1, 3).
pub(crate) fn standings<'a>(
    reported: &[Reported<'a>],
    missing: &[Missing<'a>],
    key: &dyn Fn(&PlanFile, &Row) -> String,
) -> Vec<Standing> {
    #[derive(Default)]
    struct Acc {
        lights: [usize; 3],
        doubtful: usize,
        missing: usize,
        completions: Vec<Decimal>,
    }
    let mut groups: BTreeMap<String, Acc> = BTreeMap::new();
    for r in reported {
        let Some(light) = r.light else { continue };
        let acc = groups.entry(key(r.plan, r.row)).or_default();
        acc.lights[light as usize] += 1;
        acc.doubtful += usize::from(r.doubtful);
        if let Some(c) = r.completion {
            acc.completions.push(c.min(Decimal::ONE_HUNDRED));
        }
    }
    for m in missing {
        groups.entry(key(m.plan, m.row)).or_default().missing += 1;
    }
    let mut out: Vec<Standing> = groups
        .into_iter()
        .map(|(name, a)| {
            let [red, yellow, green] = a.lights;
            let due = red + yellow + green + a.missing;
            let completion = (!a.completions.is_empty()).then(|| {
                let sum: Decimal = a.completions.iter().copied().sum();
                (sum / Decimal::from(a.completions.len()))
                    .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            });
            Standing {
                name,
                green,
                yellow,
                red,
                doubtful: a.doubtful,
                missing: a.missing,
                share_green: pct(green, due),
                completion,
                rank: 0,
                moved: None,
            }
        })
        .collect();
    let order_key = |s: &Standing| {
        (
            std::cmp::Reverse(s.share_green),
            pct(s.red, s.due()),
            std::cmp::Reverse(s.completion.unwrap_or(Decimal::MIN)),
        )
    };
    out.sort_by(|a, b| order_key(a).cmp(&order_key(b)).then(a.name.cmp(&b.name)));
    for i in 0..out.len() {
        out[i].rank = if i > 0 && order_key(&out[i]) == order_key(&out[i - 1]) {
            out[i - 1].rank
        } else {
            i + 1
        };
    }
    out
}

/// Sets each standing's move since `previous` (positive = up).
pub(crate) fn moves(now: &mut [Standing], previous: &[Standing]) {
    // By name through a map: a province's round ranks thousands of jurisdictions.
    let mut before: HashMap<&str, usize> = HashMap::with_capacity(previous.len());
    for p in previous {
        before.entry(p.name.as_str()).or_insert(p.rank);
    }
    for s in now {
        s.moved = before
            .get(s.name.as_str())
            .map(|&rank| rank as i64 - s.rank as i64);
    }
}

/// `↑2`, `↓1`, `–` (no move), empty when not ranked before.
pub(crate) fn arrow(moved: Option<i64>) -> String {
    match moved {
        None => String::new(),
        Some(0) => "–".into(),
        Some(n) if n > 0 => format!("↑{n}"),
        Some(n) => format!("↓{}", -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(name: &str, green: usize, red: usize) -> Standing {
        Standing {
            name: name.into(),
            green,
            yellow: 0,
            doubtful: 0,
            red,
            missing: 0,
            share_green: pct(green, green + red),
            completion: None,
            rank: 0,
            moved: None,
        }
    }

    #[test]
    fn arrows_and_moves() {
        let mut now = vec![standing("a", 1, 0), standing("b", 1, 1)];
        now[0].rank = 1;
        now[1].rank = 2;
        let mut before = vec![standing("b", 1, 0), standing("a", 0, 1)];
        before[0].rank = 1;
        before[1].rank = 3;
        moves(&mut now, &before);
        assert_eq!(arrow(now[0].moved), "↑2");
        assert_eq!(arrow(now[1].moved), "↓1");
        assert_eq!(arrow(Some(0)), "–");
        assert_eq!(arrow(None), "");
        assert_eq!(pct(2, 3), Decimal::new(667, 1));
        assert_eq!(pct(0, 0), Decimal::ZERO);
    }
}
