//! `qyx rank --actuals FILES…`: the 晾晒 of results. Jurisdictions (or, within one jurisdiction,
//! its departments) ranked by the share of their due targets that are green in a period, with the
//! change in rank since the previous period; with an indicator, ranked by its completion rate.

use super::check::{read_all, reported, resolve_bands};
use super::compare::RankArgs;
use crate::Outcome;
use crate::check::Query;
use crate::cli::{Format, Lang};
use crate::cycle::results::{Reported, Standing, arrow, behind, missing, moves, standings};
use crate::period::Period;
use crate::plan::load::PlanDir;
use crate::plan::{PlanFile, PlanSet, Row};
use crate::report::{Table, num};
use serde_json::json;
use std::collections::BTreeSet;
use std::io::Write;

/// How the round is grouped: jurisdictions, or the departments of one.
fn group_key(by_lead: bool, en: bool) -> impl Fn(&PlanFile, &Row) -> String {
    move |p: &PlanFile, r: &Row| {
        if by_lead {
            r.lead.as_deref().map(String::from).unwrap_or_else(|| {
                if en {
                    "(no lead)"
                } else {
                    "(未列牵头单位)"
                }
                .to_string()
            })
        } else {
            p.plan.jurisdiction.label(en)
        }
    }
}

fn round_standings<'a>(
    set: &'a PlanSet,
    plans: &[&'a PlanFile],
    rep: &[Reported<'a>],
    period: Period,
    key: &dyn Fn(&PlanFile, &Row) -> String,
) -> Vec<Standing> {
    let now: Vec<Reported> = rep.iter().filter(|r| r.period == period).cloned().collect();
    let miss = missing(set, plans, rep, period);
    standings(&now, &miss, key)
}

pub(crate) fn rank(
    a: &RankArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, mut outcome) = super::load_plans(dir, err)?;
    let en = a.lang == Lang::En;
    let bands = match resolve_bands(a.bands, &a.actuals) {
        Ok(b) => b,
        Err(m) => {
            writeln!(err, "{m}")?;
            return Ok(Outcome::BadInput);
        }
    };
    let jur = match &a.jurisdiction {
        Some(j) => match super::find_plan(&set, j, err)? {
            Some(p) => Some(p.id().to_string()),
            None => return Ok(Outcome::BadInput),
        },
        None => None,
    };
    let (read, unread) = read_all(&set, &a.actuals, crate::actuals::Encoding::Auto, None);
    let q = Query {
        jurisdiction: jur.clone(),
        bands,
        ..Query::default()
    };
    let mut checked = read.check(&q);
    checked.problems.splice(0..0, unread);
    for d in &checked.problems {
        writeln!(err, "{d}")?;
    }
    if checked.bad_rows() > 0 || read.is_empty() {
        outcome = Outcome::BadInput;
    }
    let judged = checked.rows;
    let mut rep = reported(&judged);
    if let Some(id) = &jur {
        rep.retain(|r| r.plan.id() == id);
    }
    let periods: BTreeSet<Period> = rep.iter().map(|r| r.period).collect();
    let Some(period) = a.period.or_else(|| periods.iter().next_back().copied()) else {
        writeln!(
            err,
            "{}: {}",
            crate::i18n::qyx_error(),
            crate::tr!("没有可排名的上报值", "no value reported to rank")
        )?;
        return Ok(Outcome::BadInput);
    };
    let previous = periods.range(..period).next_back().copied();
    // In the order first reported; a set, not a scan of the list, for a province's thousands.
    let mut seen = std::collections::HashSet::new();
    let plans: Vec<&PlanFile> = rep
        .iter()
        .filter(|r| seen.insert(r.plan.id()))
        .map(|r| r.plan)
        .collect();

    if let Some(k) = &a.indicator {
        let Some(entry) = super::find_indicator(&set, k, err)? else {
            return Ok(Outcome::BadInput);
        };
        return indicator_ranking(a, &rep, entry, period, previous, en, out)
            .map(|o| outcome.worst(o));
    }

    if a.period.is_none() && jur.is_none() {
        late_note(&plans, &rep, period, en, err)?;
    }
    let key = group_key(jur.is_some(), en);
    let mut now = round_standings(&set, &plans, &rep, period, &key);
    if let Some(p) = previous {
        let before = round_standings(&set, &plans, &rep, p, &key);
        moves(&mut now, &before);
    }
    crate::report::cycle::render_standings(
        &now,
        period,
        previous,
        jur.is_some(),
        a.format,
        en,
        out,
    )?;
    Ok(outcome)
}

/// Says which jurisdictions the default period ranks as unreported though they reported an
/// earlier period, and the latest period every one of them reported.
fn late_note(
    plans: &[&PlanFile],
    rep: &[Reported],
    period: Period,
    en: bool,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let late = behind(plans, rep, period);
    let Some(all) = late.iter().map(|(_, p)| *p).min() else {
        return Ok(());
    };
    const NAMED: usize = 5;
    let names: Vec<String> = late
        .iter()
        .take(NAMED)
        .map(|(p, at)| {
            let (name, at) = (p.plan.jurisdiction.label(en), at.label(false));
            crate::tr!("{name}（最近一期 {at}）", "{name} (latest {at})")
        })
        .collect();
    let more = if late.len() > NAMED {
        crate::tr!(" 等 {} 个", " and {} more", late.len() - NAMED)
    } else {
        String::new()
    };
    let (at, all) = (period.label(false), all.label(false));
    let names = names.join(crate::tr!("、", ", ").as_str());
    writeln!(
        err,
        "{}",
        crate::tr!(
            "qyx: 提示: {at} 未上报的地区: {names}{more}，本期按未报计；各地都已上报的最近一期为 {all}: --period {all}",
            "qyx: note: not reported for {at}: {names}{more}; counted as unreported. The latest period every jurisdiction reported is {all}: --period {all}"
        )
    )
}

/// Jurisdictions ranked by one indicator's completion rate in the period.
fn indicator_ranking(
    a: &RankArgs,
    rep: &[Reported],
    entry: &crate::plan::Entry,
    period: Period,
    previous: Option<Period>,
    en: bool,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let order = |p: Period| {
        let mut rows: Vec<&Reported> = rep
            .iter()
            .filter(|r| r.period == p && r.entry.id.value == entry.id.value)
            .filter(|r| r.completion.is_some())
            .collect();
        rows.sort_by(|x, y| {
            y.completion
                .cmp(&x.completion)
                .then(x.plan.id().cmp(y.plan.id()))
        });
        let mut ranks: Vec<(&str, usize)> = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let rank = if i > 0 && rows[i - 1].completion == r.completion {
                ranks[i - 1].1
            } else {
                i + 1
            };
            ranks.push((r.plan.id(), rank));
        }
        (rows, ranks)
    };
    let (rows, ranks) = order(period);
    // The previous round's ranks by plan, looked up for each row: a map, for a province's
    // thousands of jurisdictions.
    let mut before: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (id, rank) in previous.map(|p| order(p).1).unwrap_or_default() {
        before.entry(id).or_insert(rank);
    }
    let headers: Vec<&str> = if en {
        vec![
            "rank",
            "change",
            "jurisdiction",
            "actual",
            "completion",
            "light",
        ]
    } else {
        vec!["名次", "变化", "地区", "实际值", "完成率", "灯"]
    };
    let mut t = Table::new(headers);
    let mut json_rows = Vec::new();
    for (r, (id, rank)) in rows.iter().zip(&ranks) {
        let moved = before.get(id).map(|b| *b as i64 - *rank as i64);
        let actual = match r.actual {
            Some(crate::judge::Actual::Number(v)) => num(v),
            Some(crate::judge::Actual::Done(d)) => d.to_string(),
            None => String::new(),
        };
        t.push(vec![
            rank.to_string(),
            arrow(moved),
            r.plan.plan.jurisdiction.label(en),
            actual.clone(),
            r.completion
                .map(|c| format!("{}%", num(c)))
                .unwrap_or_default(),
            // A light on a doubtful verdict says so in its own cell: a 晾晒 that goes up
            // carries no warning printed beside it.
            match (r.light, r.doubtful) {
                (Some(l), true) if en => format!("{} (doubtful)", l.name(en)),
                (Some(l), true) => format!("{}(存疑)", l.name(en)),
                (Some(l), false) => l.name(en).to_string(),
                (None, _) => String::new(),
            },
        ]);
        json_rows.push(json!({
            "rank": rank,
            "moved": moved,
            "jurisdiction": id,
            "actual": actual,
            "completion": r.completion.map(num),
            "light": r.light,
            "doubtful": r.doubtful,
            "period": period.label(false),
        }));
    }
    let doubtful = rows.iter().filter(|r| r.doubtful).count();
    if a.format == Format::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(&json_rows)?)?;
        return Ok(Outcome::Clean);
    }
    t.write(a.format, out)?;
    if matches!(a.format, Format::Table | Format::Markdown) {
        writeln!(
            out,
            "{}",
            if en {
                format!(
                    "{} {}: ranked by completion",
                    entry.name_en,
                    period.label(en)
                )
            } else {
                format!("{} {}: 按完成率排名", entry.name, period.label(en))
            }
        )?;
        if doubtful > 0 {
            writeln!(
                out,
                "{}",
                if en {
                    format!(
                        "{doubtful} of them doubtful (check before reporting): the value may be wrong, and the rank with it"
                    )
                } else {
                    format!("其中{doubtful}项存疑(上报前请核实): 其数值可能有误, 名次随之可能有误")
                }
            )?;
        }
    }
    Ok(Outcome::Clean)
}
