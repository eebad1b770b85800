//! `qyx check`'s renderers: the judged rows of [`crate::check`] as a terminal table, CSV,
//! Markdown or JSON. Each row is rendered on its own ([`cells`], [`row_json`]), so a caller
//! that judges row by row can write row by row.

use crate::check::{Judged, Summary};
use crate::cli::Format;
use crate::judge::{Actual, Status};
use crate::report::{Table, Tone, num, round};
use crate::threshold::Op;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Write;

/// How the gap table is shown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub format: Format,
    pub en: bool,
    pub colour: bool,
    /// One table per lead department, each under its summary.
    pub by_lead: bool,
}

/// The gap table's column headers (the lead department last).
pub(crate) fn headers(en: bool) -> [&'static str; 13] {
    if en {
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
    }
}

/// One row of the gap table, as text, in the order of [`headers`].
pub(crate) fn cells(j: &Judged, en: bool) -> Vec<String> {
    let domain = j.domain;
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
        j.baseline
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
}

fn fmt(d: Decimal) -> String {
    num(round(d, 4))
}

pub(crate) fn target_text(j: &Judged, en: bool) -> String {
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

pub(crate) fn actual_text(a: Option<Actual>, en: bool) -> String {
    match (a, en) {
        (None, _) => String::new(),
        (Some(Actual::Number(v)), _) => fmt(v),
        (Some(Actual::Done(true)), false) => "是".into(),
        (Some(Actual::Done(false)), false) => "否".into(),
        (Some(Actual::Done(true)), true) => "yes".into(),
        (Some(Actual::Done(false)), true) => "no".into(),
    }
}

/// Writes the rows in `style`.
pub(crate) fn render(rows: &[Judged], style: Style, out: &mut dyn Write) -> anyhow::Result<()> {
    let (en, colour) = (style.en, style.colour);
    if style.format == Format::Json {
        let v: Vec<_> = rows.iter().map(row_json).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    let headers = headers(en);
    if style.by_lead && style.format != Format::Csv {
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
            let head = format!(
                "{lead}: {}",
                summary_line(&Summary::of(js.iter().copied()), 0, en)
            );
            if style.format == Format::Markdown {
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
                let mut r = cells(j, en);
                r.pop();
                t.push_toned(r, tone(j));
            }
            t.write(style.format, out)?;
        }
        return Ok(());
    }
    let mut t = Table::new(headers);
    t.colour = colour;
    for j in rows {
        t.push_toned(cells(j, en), tone(j));
    }
    t.write(style.format, out)?;
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

/// One row as JSON (its schema: `qyx schema check`).
pub(crate) fn row_json(j: &Judged) -> crate::report::json::CheckRow {
    crate::report::json::CheckRow::of(j)
}

/// "共N项: …" with the count of each status and of bad rows.
pub(crate) fn summary_line(s: &Summary, bad: usize, en: bool) -> String {
    let total = s.total;
    let parts: Vec<String> = s
        .counts
        .iter()
        .map(|(s, n)| format!("{n} {}", s.name(en)))
        .collect();
    let mut s = match (en, parts.is_empty()) {
        (true, false) => format!("{total} judged: {}", parts.join(", ")),
        (true, true) => format!("{total} judged"),
        (false, false) => format!("共{total}项: {}", parts.join(", ")),
        (false, true) => format!("共{total}项"),
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
