//! Renderers for the reporting cycle's results: the 催报 list (what is due and missing, by lead
//! department) and the 晾晒 of results (standings with their change in rank).

use crate::cli::Format;
use crate::cycle::results::{Missing, Standing, arrow};
use crate::judge::Actual;
use crate::period::Period;
use crate::report::{Table, num};
use serde_json::json;
use std::collections::BTreeSet;
use std::io::Write;

fn no_lead(en: bool) -> &'static str {
    if en {
        "(no lead)"
    } else {
        "(未列牵头单位)"
    }
}

fn value(a: Actual, en: bool) -> String {
    super::check::actual_text(Some(a), en)
}

/// The 催报 list in lead-department order (the order within a department kept).
pub(crate) fn by_lead<'m, 'a>(missing: &'m [Missing<'a>], en: bool) -> Vec<&'m Missing<'a>> {
    let mut rows: Vec<&Missing> = missing.iter().collect();
    rows.sort_by(|x, y| {
        x.row
            .lead
            .as_deref()
            .unwrap_or(no_lead(en))
            .cmp(y.row.lead.as_deref().unwrap_or(no_lead(en)))
    });
    rows
}

/// The 催报 list's column headers.
pub(crate) fn missing_headers(en: bool) -> [&'static str; 7] {
    if en {
        [
            "lead",
            "jurisdiction",
            "indicator",
            "unit",
            "period",
            "last value",
            "last period",
        ]
    } else {
        [
            "牵头单位",
            "地区",
            "指标",
            "单位",
            "期间",
            "上次报送值",
            "上次报送期间",
        ]
    }
}

/// One 催报 row as every format shows it: lead, jurisdiction, indicator, unit, period, last
/// value, last period.
pub(crate) fn missing_cells(m: &Missing, en: bool) -> [String; 7] {
    [
        m.row.lead.as_deref().unwrap_or(no_lead(en)).to_string(),
        m.plan.plan.jurisdiction.label(en),
        if en {
            m.entry.name_en.clone()
        } else {
            m.row.name.to_string()
        },
        m.entry.unit_text(),
        m.period.label(en),
        m.last.map(|(_, v)| value(v, en)).unwrap_or_default(),
        m.last.map(|(p, _)| p.label(en)).unwrap_or_default(),
    ]
}

/// The 催报 list as JSON Lines (`--missing --format jsonl`): each missing report one object a
/// line, in the order the list prints, as `--format jsonl` writes judged rows.
pub(crate) fn render_missing_lines(
    missing: &[Missing],
    en: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    for m in by_lead(missing, en) {
        serde_json::to_writer(&mut *out, &missing_json(m))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One missing report as JSON: its lead, jurisdiction, indicator, name and period, and the last
/// value reported for it.
fn missing_json(m: &Missing) -> serde_json::Value {
    json!({
        "lead": m.row.lead,
        "jurisdiction": m.plan.id(),
        "indicator": m.entry.id.value,
        "name": m.row.name,
        "period": m.period.label(false),
        "last": m.last.map(|(p, v)| json!({
            "period": p.label(false),
            "actual": match v {
                Actual::Number(n) => json!(num(n)),
                Actual::Done(d) => json!(d),
            },
        })),
    })
}

/// The 催报 list, ordered by lead department, then a line that counts it.
pub(crate) fn render_missing(
    missing: &[Missing],
    period: Period,
    format: Format,
    en: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let rows = by_lead(missing, en);
    if format == Format::Json {
        let v: Vec<_> = rows.iter().map(|m| missing_json(m)).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    let mut t = Table::new(missing_headers(en));
    let mut leads: BTreeSet<&str> = BTreeSet::new();
    for m in &rows {
        leads.insert(m.row.lead.as_deref().unwrap_or(no_lead(en)));
        t.push(missing_cells(m, en).to_vec());
    }
    if !rows.is_empty() || format == Format::Csv {
        t.write(format, out)?;
    }
    if matches!(format, Format::Table | Format::Markdown) {
        let p = period.label(en);
        let line = match (rows.is_empty(), en) {
            (true, true) => format!("{p}: every indicator due is reported"),
            (true, false) => format!("{p}: 应报指标均已报送"),
            (false, true) => format!(
                "{p}: {} indicators due and not reported, from {} departments",
                rows.len(),
                leads.len()
            ),
            (false, false) => format!(
                "{p}: {}项应报未报, 涉及{}个牵头单位",
                rows.len(),
                leads.len()
            ),
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Standings of jurisdictions (or departments, `departments`), then a line that says what ranks
/// them and since when the change is counted.
pub(crate) fn render_standings(
    now: &[Standing],
    period: Period,
    previous: Option<Period>,
    departments: bool,
    format: Format,
    en: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        let v: Vec<_> = now
            .iter()
            .map(|s| {
                json!({
                    "rank": s.rank,
                    "moved": s.moved,
                    "name": s.name,
                    "due": s.due(),
                    "green": s.green,
                    "yellow": s.yellow,
                    "red": s.red,
                    "doubtful": s.doubtful,
                    "missing": s.missing,
                    "share_green": num(s.share_green),
                    "completion": s.completion.map(num),
                    "period": period.label(false),
                    "previous_period": previous.map(|p| p.label(false)),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    let who = match (departments, en) {
        (true, true) => "department",
        (true, false) => "牵头单位",
        (false, true) => "jurisdiction",
        (false, false) => "地区",
    };
    let headers: Vec<&str> = if en {
        vec![
            "rank",
            "change",
            who,
            "due",
            "green",
            "yellow",
            "red",
            "doubtful",
            "missing",
            "green share",
            "mean completion",
        ]
    } else {
        vec![
            "名次",
            "变化",
            who,
            "应报",
            "绿灯",
            "黄灯",
            "红灯",
            "存疑",
            "未报",
            "绿灯占比",
            "平均完成率",
        ]
    };
    let mut t = Table::new(headers);
    for s in now {
        t.push(vec![
            s.rank.to_string(),
            arrow(s.moved),
            s.name.clone(),
            s.due().to_string(),
            s.green.to_string(),
            s.yellow.to_string(),
            s.red.to_string(),
            s.doubtful.to_string(),
            s.missing.to_string(),
            format!("{}%", num(s.share_green)),
            s.completion
                .map(|c| format!("{}%", num(c)))
                .unwrap_or_default(),
        ]);
    }
    t.write(format, out)?;
    if matches!(format, Format::Table | Format::Markdown) {
        let p = period.label(en);
        let since = match (previous, en) {
            (Some(b), true) => format!("; change since {}", b.label(en)),
            (Some(b), false) => format!("; 变化较{}", b.label(en)),
            (None, _) => String::new(),
        };
        if en {
            writeln!(
                out,
                "{p}: ranked by the share of due targets that are green (missing reports count as not green){since}"
            )?;
        } else {
            writeln!(out, "{p}: 按应报目标绿灯占比排名(未报视同非绿灯){since}")?;
        }
    }
    Ok(())
}
