//! `qyx compare A B [C…]` and `qyx rank [INDICATOR]`: arguments in, [`crate::compare`] for the
//! comparison, [`crate::report::compare`] for its rendering.

use super::write::Dest;
use crate::Outcome;
use crate::cli::{Format, Lang};
use crate::compare;
use crate::plan::load::PlanDir;
use crate::plan::{Domain, Entry, PlanFile, PlanSet};
use crate::report;
use clap::Args;
use std::collections::BTreeSet;
use std::io::Write;

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[arg(help = crate::tr!(
        "两个或更多计划，用 id 或名称（`ruian zhuji`、`瑞安市 诸暨市`）",
        "Two or more plans, by id or name (`ruian zhuji`, `瑞安市 诸暨市`)."
    ))]
    #[arg(required = true, num_args = 2.., value_name = "PLAN")]
    pub jurisdictions: Vec<String>,
    #[arg(help = crate::tr!(
        "比较的年份（默认：每个计划都有目标的最晚年份）",
        "The year to compare (default: the latest year every plan has a target for)."
    ))]
    #[arg(long, value_parser = crate::actuals::value::parse_year)]
    pub year: Option<i32>,
    #[arg(help = crate::tr!(
        "只看这个领域",
        "Only this domain."
    ))]
    #[arg(long)]
    #[arg(long, value_parser = Domain::from_arg)]
    pub domain: Option<Domain>,
    #[arg(help = crate::tr!("输出格式", "Output format."))]
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Filled from the global `--lang` ([`crate::cli::Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
    #[command(flatten)]
    pub output: super::write::OutputArgs,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    #[arg(help = crate::tr!(
        "指标目录 id 或任一印出的名称；不给出时，排名两个以上计划共有的每个指标（加 --actuals 时：计全部应报目标的灯）",
        "Catalog id or any printed name; without it, every indicator two or more plans share (with --actuals: every due target, counted by light)."
    ))]
    pub indicator: Option<String>,
    #[arg(help = crate::tr!(
        "排名的年份（默认：各计划的最后一个目标，并标出其年份）",
        "The year to rank (default: each plan's last target, with its year shown)."
    ))]
    #[arg(long, conflicts_with = "actuals", value_parser = crate::actuals::value::parse_year)]
    pub year: Option<i32>,
    #[arg(help = crate::tr!(
        "为实绩而非计划排名（晾晒）：上报的实际值（文件或文件夹；多个文件各加一个 --actuals，合读为一段历史），各地区按应报目标绿灯占比排名",
        "Rank results instead of plans (晾晒 of results): reported values (a file or a folder; repeat --actuals for several, read as one history), jurisdictions by the share of their due targets that are green."
    ))]
    // One path a flag, so that `rank --actuals a.csv INDICATOR` leaves the indicator alone.
    #[arg(long, value_name = "FILE")]
    pub actuals: Vec<std::path::PathBuf>,
    #[arg(help = crate::tr!(
        "与 --actuals 同用：排名的期间（默认：最近上报的期间）",
        "With --actuals: the period ranked (default: the latest reported)."
    ))]
    #[arg(long, requires = "actuals", value_parser = |s: &str| crate::period::parse(s, None))]
    pub period: Option<crate::period::Period>,
    #[arg(help = crate::tr!(
        "与 --actuals 同用：为该地区的各牵头单位排名",
        "With --actuals: rank the departments of this jurisdiction."
    ))]
    #[arg(long, requires = "actuals")]
    pub jurisdiction: Option<String>,
    #[arg(help = crate::tr!(
        "与 --actuals 同用：灯的分界（落后序时进度的百分点，默认 10,30 或 qyx.toml）",
        "With --actuals: light bands, points behind schedule (default 10,30 or qyx.toml)."
    ))]
    #[arg(long, requires = "actuals", value_name = "YELLOW,RED", value_parser = crate::cycle::Bands::parse_arg)]
    pub bands: Option<crate::cycle::Bands>,
    #[arg(help = crate::tr!("输出格式", "Output format."))]
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Filled from the global `--lang` ([`crate::cli::Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
    #[command(flatten)]
    pub output: super::write::OutputArgs,
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

pub(crate) fn compare(
    a: &CompareArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, outcome) = super::load_plans_for(dir, crate::plan::Need::Targets, err)?;
    let Some(plans) = resolve_plans(&set, &a.jurisdictions, err)? else {
        return Ok(Outcome::BadInput);
    };
    let ids: Vec<&str> = plans.iter().map(|p| p.id()).collect();
    if ids.iter().collect::<BTreeSet<_>>().len() < ids.len() {
        writeln!(
            err,
            "{}",
            crate::tr!(
                "qyx: 提示: 有计划被指定了两次；与自身比较不会得出新的信息",
                "qyx: note: a plan is named twice; comparing it with itself shows nothing new"
            )
        )?;
    }
    let dest = match super::write::check(&a.output, &set, dir, &[], err)? {
        Ok(d) => d,
        Err(()) => return Ok(Outcome::BadInput),
    };
    // A year no plan runs through compares nothing: said, with each plan's period.
    if let Some(year) = a.year {
        let spans: Vec<(String, i32, i32)> = plans
            .iter()
            .map(|p| {
                let (start, end) = (p.plan.period.start.value, p.plan.period.end.value);
                (p.plan.jurisdiction.name.clone(), start, end)
            })
            .collect();
        if !spans
            .iter()
            .any(|(_, start, end)| (*start..=*end).contains(&year))
        {
            let spans: Vec<String> = spans
                .iter()
                .map(|(n, s, e)| format!("{n} {s}–{e}"))
                .collect();
            writeln!(
                err,
                "{}: {}",
                crate::i18n::qyx_error(),
                crate::tr!(
                    "{year} 年不在任何一个所比较计划的期限内（{}）",
                    "year {year} is outside every plan compared ({})",
                    spans.join(crate::i18n::pick("；", "; "))
                )
            )?;
            return Ok(Outcome::BadInput);
        }
    }
    let en = a.lang == Lang::En;
    let c = compare::compare(&set, plans, a.year, a.domain);
    match &dest {
        None => {
            super::write::stdout_bom(&a.output, a.format, out)?;
            report::compare::render_compare(&c, a.format, en, out)?
        }
        Some((path, Dest::Xlsx)) => {
            report::xlsx::compare_workbook(&c, en, path)?;
            super::write::wrote(err, path)?;
        }
        Some((path, Dest::Html)) => {
            report::html::compare_page(&c, en, path)?;
            super::write::wrote(err, path)?;
        }
        Some((path, Dest::Text(format))) => {
            let mut buf = Vec::new();
            report::compare::render_compare(&c, *format, en, &mut buf)?;
            super::write::text_file(path, *format, &buf)?;
            super::write::wrote(err, path)?;
        }
    }
    Ok(outcome)
}

pub(crate) fn rank(
    a: &RankArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    if !a.actuals.is_empty() {
        // `--actuals a.csv b.csv` once took both files; now `b.csv` would be the indicator. A
        // file or folder there is a second actuals path, not an indicator: say how to give it.
        if let Some(k) = &a.indicator
            && std::path::Path::new(k).exists()
        {
            writeln!(
                err,
                "{}: {}",
                crate::i18n::qyx_error(),
                crate::tr!(
                    "`{k}` 是文件或文件夹，不是指标: 多个实际值文件请各加一个 --actuals（--actuals {first} --actuals {k}），或给出它们所在的文件夹",
                    "`{k}` is a file or folder, not an indicator: give each actuals file its own --actuals (--actuals {first} --actuals {k}), or the folder they are in",
                    first = a.actuals[0].display()
                )
            )?;
            return Ok(Outcome::BadInput);
        }
        return super::results::rank(a, dir, out, err);
    }
    let (set, outcome) = super::load_plans_for(dir, crate::plan::Need::Targets, err)?;
    let en = a.lang == Lang::En;
    let dest = match super::write::check(&a.output, &set, dir, &[], err)? {
        Ok(d) => d,
        Err(()) => return Ok(Outcome::BadInput),
    };
    let entries: Vec<&Entry> = match &a.indicator {
        Some(k) => match super::find_indicator(&set, k, err)? {
            Some(e) => vec![e],
            None => return Ok(Outcome::BadInput),
        },
        None => set.catalog.entries.iter().collect(),
    };
    let ranked = compare::rank(&set, &entries, a.year, a.indicator.is_none());
    if ranked.is_empty() {
        let message = match a.year {
            Some(y) => crate::tr!(
                "没有计划在 {y} 年为该指标定目标",
                "no plan has a target for that indicator in {y}"
            ),
            None => crate::tr!(
                "没有计划为该指标定目标",
                "no plan has a target for that indicator"
            ),
        };
        writeln!(err, "qyx: {message}")?;
        return Ok(Outcome::Findings.worst(outcome));
    }
    match &dest {
        None => {
            super::write::stdout_bom(&a.output, a.format, out)?;
            report::compare::render_rank(&ranked, a.format, en, out)?
        }
        Some((path, Dest::Xlsx)) => {
            report::xlsx::rank_workbook(&ranked, en, path)?;
            super::write::wrote(err, path)?;
        }
        Some((path, Dest::Html)) => {
            report::html::rank_page(&ranked, en, path)?;
            super::write::wrote(err, path)?;
        }
        Some((path, Dest::Text(format))) => {
            let mut buf = Vec::new();
            report::compare::render_rank(&ranked, *format, en, &mut buf)?;
            super::write::text_file(path, *format, &buf)?;
            super::write::wrote(err, path)?;
        }
    }
    Ok(outcome)
}
