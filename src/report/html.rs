//! The printable page an office sends up (`-o 报告.html`): one self-contained file — styles and
//! charts inline, no script, no font or image fetched — that opens offline, from an e-mail
//! attachment, and prints on A4.
//!
//! `check`: the headline counts, then a section per domain and, for each indicator, an SVG chart of
//! the plan's target path from its baseline year by year, with the reported values on it, and the
//! same numbers in a table under the chart. `compare`: one chart per shared indicator with every
//! plan's path. Each number in a table carries `data-*` attributes naming what it is, so a test
//! (and any script an office writes) can read the page back and compare it with the JSON output.
//!
//! Coordinates are floats; they place dots on a drawing and decide nothing.

use crate::check::{Judged, Summary};
use crate::compare::{Comparison, Ranked};
use crate::judge::{Actual, Status};
use crate::plan::schema::Scope;
use crate::plan::{Domain, Entry, PlanFile, Row, resolve};
use crate::report::check::{actual_text, remarks, status_text, target_text};
use crate::report::xlsx::met_sentence;
use crate::report::{num, round};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

fn t(en: bool, zh: &'static str, english: &'static str) -> &'static str {
    if en { english } else { zh }
}

const STYLE: &str = r#"
:root { --met: #1a7f37; --behind: #b58100; --notmet: #c62828; --nodata: #777; --path: #1f5fa8; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
       margin: 24px auto; max-width: 960px; padding: 0 16px; color: #222; line-height: 1.5; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 18px; border-bottom: 2px solid #1f5fa8; padding-bottom: 2px; margin-top: 28px; }
h3 { font-size: 15px; margin: 18px 0 4px; }
.meta { color: #555; font-size: 13px; }
.headline { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.count { border: 1px solid #ccc; border-radius: 6px; padding: 6px 12px; min-width: 92px; text-align: center; }
.count b { display: block; font-size: 22px; }
.count.met b { color: var(--met); } .count.behind b { color: var(--behind); }
.count.not_met b { color: var(--notmet); } .count.no_data b { color: var(--nodata); }
.indicator { break-inside: avoid; page-break-inside: avoid; margin-bottom: 16px; }
svg.chart { width: 100%; max-width: 640px; height: auto; display: block; }
table { border-collapse: collapse; font-size: 13px; margin: 4px 0 8px; }
th, td { border: 1px solid #ccc; padding: 2px 8px; }
th { background: #eef2f7; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.status-met, .status-on_track { color: var(--met); font-weight: bold; }
.status-behind { color: var(--behind); font-weight: bold; }
.status-not_met { color: var(--notmet); font-weight: bold; }
.status-no_data, .status-no_target { color: var(--nodata); }
tr.remark td { font-size: 12px; color: #555; padding-top: 0; }
tr.remark.doubtful td { color: var(--behind); }
.legend { font-size: 12px; color: #555; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .indicator { break-inside: avoid; }
}
"#;

fn page(title: &str, body: &str, en: bool) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        if en { "en" } else { "zh-CN" },
        esc(title)
    )
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn n4(d: Decimal) -> String {
    num(round(d, 4))
}

/// One line on a chart: its points (year, value), a colour and whether it is dashed.
struct Series {
    label: String,
    points: Vec<(i32, Decimal)>,
    colour: &'static str,
    dashed: bool,
}

/// A dot on a chart: a reported value, coloured by its status.
struct Dot {
    /// Where on the year axis: a year's end is the year itself, the end of June 2024 is 2023.5.
    at: f64,
    value: Decimal,
    colour: &'static str,
    label: String,
    /// A hollow mark (what the schedule asks) rather than a filled one (what was reported).
    hollow: bool,
}

/// Where a period's end sits on the year axis.
fn period_at(p: &crate::period::Period) -> f64 {
    f64::from(p.year - 1) + f64::from(p.last) / 12.0
}

const PALETTE: [&str; 6] = [
    "#1f5fa8", "#c2185b", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f",
];

fn status_colour(s: Status) -> &'static str {
    match s {
        Status::Met | Status::OnTrack => "#1a7f37",
        Status::Behind => "#b58100",
        Status::NotMet => "#c62828",
        Status::NoData | Status::NoTarget => "#777777",
    }
}

/// An inline SVG chart: years across, values up, each series a polyline with a dot per point.
fn chart(series: &[Series], dots: &[Dot], unit: &str, title: &str) -> String {
    let (w, h) = (640.0_f64, 220.0_f64);
    let (left, right, top, bottom) = (64.0, 16.0, 16.0, 28.0);
    let years = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .chain(
            dots.iter()
                .flat_map(|d| [d.at.floor() as i32, d.at.ceil() as i32]),
        );
    let values = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .chain(dots.iter().map(|d| d.value));
    let (Some(y0), Some(y1)) = (years.clone().min(), years.max()) else {
        return String::new();
    };
    let (Some(v0), Some(v1)) = (values.clone().min(), values.max()) else {
        return String::new();
    };
    let (v0, v1) = (f(v0), f(v1));
    let pad = if v1 > v0 {
        (v1 - v0) * 0.12
    } else {
        v0.abs().max(1.0) * 0.1
    };
    let (lo, hi) = (v0 - pad, v1 + pad);
    let span_y = (y1 - y0).max(1) as f64;
    let x = |y: f64| left + (y - f64::from(y0)) / span_y * (w - left - right);
    let y = |v: f64| top + (hi - v) / (hi - lo) * (h - top - bottom);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\">",
        esc(title)
    );
    // Axes, year ticks and the value range.
    let _ = write!(
        s,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999\"/>",
        h - bottom,
        w - right,
        h - bottom
    );
    let _ = write!(
        s,
        "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{}\" stroke=\"#999\"/>",
        h - bottom
    );
    for yr in y0..=y1 {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">{yr}</text>",
            x(f64::from(yr)),
            h - 10.0
        );
    }
    for v in [v0, v1] {
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{}</text>",
            left - 6.0,
            y(v) + 4.0,
            esc(&trim_float(v))
        );
        let _ = write!(
            s,
            "<line x1=\"{left}\" y1=\"{0:.1}\" x2=\"{1}\" y2=\"{0:.1}\" stroke=\"#eee\"/>",
            y(v),
            w - right
        );
    }
    if !unit.is_empty() {
        let _ = write!(
            s,
            "<text x=\"4\" y=\"{top}\" font-size=\"11\" fill=\"#555\">{}</text>",
            esc(unit)
        );
    }
    for se in series {
        let pts: Vec<String> = se
            .points
            .iter()
            .map(|(yr, v)| format!("{:.1},{:.1}", x(f64::from(*yr)), y(f(*v))))
            .collect();
        let _ = write!(
            s,
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{} points=\"{}\"><title>{}</title></polyline>",
            se.colour,
            if se.dashed {
                " stroke-dasharray=\"6 4\""
            } else {
                ""
            },
            pts.join(" "),
            esc(&se.label)
        );
        for (yr, v) in &se.points {
            let _ = write!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#fff\" stroke=\"{}\" stroke-width=\"1.5\"><title>{} {yr}: {}</title></circle>",
                x(f64::from(*yr)),
                y(f(*v)),
                se.colour,
                esc(&se.label),
                n4(*v)
            );
        }
    }
    for d in dots {
        let (cx, cy) = (x(d.at), y(f(d.value)));
        if d.hollow {
            let _ = write!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" transform=\"rotate(45 {cx:.1} {cy:.1})\" fill=\"#fff\" stroke=\"{}\" stroke-width=\"2\"><title>{}</title></rect>",
                cx - 4.0,
                cy - 4.0,
                d.colour,
                esc(&d.label)
            );
        } else {
            let _ = write!(
                s,
                "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"5\" fill=\"{}\"><title>{}</title></circle>",
                d.colour,
                esc(&d.label)
            );
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{}\">{}</text>",
            cx + 7.0,
            cy + if d.hollow { 14.0 } else { -6.0 },
            d.colour,
            n4(d.value)
        );
    }
    s.push_str("</svg>");
    s
}

/// A float label without needless digits.
fn trim_float(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The plan's target path, year by year from its baseline: every level or cumulative numeric
/// target joined by straight lines, and, where the plan has no point for a year in between, the
/// value the line reaches (the same straight path `check` judges against).
fn target_path(row: &Row, entry: &Entry) -> Vec<(i32, Decimal)> {
    let mut pts: BTreeMap<i32, Decimal> = BTreeMap::new();
    if let Some((y, v)) = crate::judge::baseline(row, entry) {
        pts.insert(y, v);
    }
    for fig in &row.targets {
        if !matches!(fig.scope, Scope::Level | Scope::Cumulative) {
            continue;
        }
        if let Ok(r) = resolve(row, entry, fig)
            && r.is_numeric()
            && let Some(v) = r.value
        {
            pts.entry(r.year).or_insert(v);
        }
    }
    let known: Vec<(i32, Decimal)> = pts.into_iter().collect();
    let mut out = Vec::new();
    for w in known.windows(2) {
        let ((ya, va), (yb, vb)) = (w[0], w[1]);
        for yr in ya..yb {
            let v = va + (vb - va) * Decimal::from(yr - ya) / Decimal::from((yb - ya).max(1));
            out.push((yr, v));
        }
    }
    if let Some(last) = known.last() {
        out.push(*last);
    }
    out
}

/// Every-year and maintained targets: a flat line at their value over their span.
fn floors(row: &Row, entry: &Entry, plan: &PlanFile) -> Vec<(i32, i32, Decimal)> {
    row.targets
        .iter()
        .filter(|fig| matches!(fig.scope, Scope::Annual | Scope::Maintained))
        .filter_map(|fig| {
            let r = resolve(row, entry, fig).ok().filter(|r| r.is_numeric())?;
            Some((plan.plan.period.start.value, r.year, r.value?))
        })
        .collect()
}

/// Whether a row is for a whole year (not a month or a quarter).
fn whole_year(j: &Judged) -> bool {
    j.period.first == 1 && j.period.last == 12
}

/// Writes the `check` page.
pub(crate) fn check_page(rows: &[Judged], en: bool, path: &Path) -> anyhow::Result<()> {
    std::fs::write(path, check_html(rows, en))
        .map_err(|e| crate::cmd::write::cannot_write(path, crate::i18n::io_error(&e)))?;
    Ok(())
}

pub(crate) fn check_html(rows: &[Judged], en: bool) -> String {
    let all = Summary::of(rows);
    let mut b = String::new();
    let title = t(
        en,
        "七优享指标监测报告",
        "Public-service targets: monitoring report",
    );
    let mut jurs: Vec<String> = rows
        .iter()
        .map(|j| j.plan.plan.jurisdiction.label(en))
        .collect();
    jurs.dedup();
    jurs.sort();
    jurs.dedup();
    let mut years: Vec<i32> = rows.iter().map(|j| j.year).collect();
    years.sort();
    years.dedup();
    let _ = write!(
        b,
        "<header><h1>{}</h1><p class=\"meta\">{} · {}</p>",
        esc(title),
        esc(&jurs.join("、")),
        years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join("、")
    );
    let _ = write!(
        b,
        "<div class=\"headline\"><div class=\"count total\"><b data-count=\"total\">{}</b>{}</div>",
        all.total,
        t(en, "项", "rows")
    );
    for st in [
        Status::Met,
        Status::OnTrack,
        Status::Behind,
        Status::NotMet,
        Status::NoData,
        Status::NoTarget,
    ] {
        let k = all.counts.get(&st).copied().unwrap_or(0);
        if k == 0 {
            continue;
        }
        let key = serde_json::to_value(st)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = write!(
            b,
            "<div class=\"count {key}\"><b data-count=\"{key}\">{k}</b>{}</div>",
            esc(st.name(en))
        );
    }
    let _ = write!(
        b,
        "</div><p class=\"summary\">{}</p>",
        esc(&met_sentence(&all, en))
    );
    let _ = writeln!(
        b,
        "<p class=\"legend\">{}</p></header>",
        t(
            en,
            "图例：蓝色实线为计划目标路径（自基础值起逐年），虚线为每年/保持类目标，实心圆点为上报值（绿=达标或进度正常，黄=进度滞后，红=未达标），橙色空心菱形为月度/季度的序时进度要求。",
            "Legend: the solid blue line is the plan's target path year by year from its baseline, a dashed line an every-year or maintained target, filled dots the reported values (green met or on track, yellow behind, red not met), an orange hollow diamond what a month or quarter is due to reach (序时进度)."
        )
    );

    // Sections by domain, in the plans' order of domains; indicators by jurisdiction and order read.
    let mut by_domain: BTreeMap<Option<Domain>, Vec<&Judged>> = BTreeMap::new();
    for j in rows {
        by_domain.entry(j.domain).or_default().push(j);
    }
    for (domain, js) in by_domain {
        let s = Summary::of(js.iter().copied());
        let name = domain.map_or(t(en, "其他", "Other"), |d| d.label(en));
        let _ = writeln!(
            b,
            "<section class=\"domain\"><h2>{}</h2><p class=\"summary\">{}</p>",
            esc(name),
            esc(&met_sentence(&s, en))
        );
        let mut groups: Vec<(String, Vec<&Judged>)> = Vec::new();
        for j in js {
            let key = format!("{}/{}", j.plan.id(), j.entry.id.value);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => v.push(j),
                None => groups.push((key, vec![j])),
            }
        }
        for (key, mut js) in groups {
            js.sort_by_key(|j| j.year);
            indicator_block(&mut b, &key, &js, en);
        }
        b.push_str("</section>\n");
    }
    page(title, &b, en)
}

fn indicator_block(b: &mut String, key: &str, js: &[&Judged], en: bool) {
    let first = js[0];
    let name = if en {
        first.entry.name_en.clone()
    } else {
        first.row.name.to_string()
    };
    let unit = first.entry.unit_text();
    let _ = write!(
        b,
        "<div class=\"indicator\" data-key=\"{}\"><h3>{}</h3><p class=\"meta\">{}{}{}</p>",
        esc(key),
        esc(&name),
        esc(&first.plan.plan.jurisdiction.label(en)),
        if unit.is_empty() {
            String::new()
        } else {
            format!(" · {}", esc(&unit))
        },
        first
            .row
            .lead
            .as_ref()
            .map(|l| format!(" · {}{}", t(en, "牵头：", "lead: "), esc(l)))
            .unwrap_or_default()
    );
    let path = target_path(first.row, first.entry);
    let mut series = Vec::new();
    if path.len() >= 2 || (!path.is_empty() && js.iter().any(|j| j.actual.is_some())) {
        series.push(Series {
            label: t(en, "目标路径", "target path").into(),
            points: path.clone(),
            colour: PALETTE[0],
            dashed: false,
        });
    }
    for (from, to, v) in floors(first.row, first.entry, first.plan) {
        series.push(Series {
            label: t(en, "每年/保持目标", "every-year / maintained target").into(),
            points: vec![(from, v), (to, v)],
            colour: "#7a8fa6",
            dashed: true,
        });
    }
    let mut dots: Vec<Dot> = js
        .iter()
        .filter_map(|j| match j.actual {
            Some(Actual::Number(v)) => Some(Dot {
                at: period_at(&j.period),
                value: v,
                colour: status_colour(j.verdict.status),
                label: format!(
                    "{} {}: {} ({})",
                    t(en, "上报", "reported"),
                    j.period.label(en),
                    n4(v),
                    status_text(&j.verdict, en)
                ),
                hollow: false,
            }),
            _ => None,
        })
        .collect();
    // 序时进度: what a month or a quarter asks by its end.
    for j in js.iter().filter(|j| !whole_year(j)) {
        if let Some(s) = &j.cycle.schedule {
            dots.push(Dot {
                at: period_at(&j.period),
                value: s.due,
                colour: "#ef6c00",
                label: format!(
                    "{} {}: {}",
                    t(en, "序时进度", "due by"),
                    j.period.label(en),
                    n4(s.due)
                ),
                hollow: true,
            });
        }
    }
    if !series.is_empty() || !dots.is_empty() {
        b.push_str(&chart(&series, &dots, &unit, &name));
    }
    // The same numbers as a table: the path year by year, and each judged period.
    let _ = write!(
        b,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        t(en, "期间", "period"),
        t(en, "目标路径", "target path"),
        t(en, "目标", "target"),
        t(en, "序时进度", "due by then"),
        t(en, "实际值", "actual"),
        t(en, "差距", "gap"),
        t(en, "进度", "progress"),
        t(en, "状态", "status"),
    );
    // Rows in time order: a year's path value shares its row with the year's own verdict.
    let mut lines: Vec<((i32, u8), Option<&Judged>)> = js
        .iter()
        .map(|j| ((j.period.year, j.period.last), Some(*j)))
        .collect();
    for (yr, _) in &path {
        if !js.iter().any(|j| j.year == *yr && whole_year(j)) {
            lines.push(((*yr, 12), None));
        }
    }
    lines.sort_by_key(|(k, _)| *k);
    for ((yr, last), j) in lines {
        let p = (last == 12)
            .then(|| path.iter().find(|p| p.0 == yr).map(|p| n4(p.1)))
            .flatten();
        let label = j.map_or(yr.to_string(), |j| j.period.label(en));
        let period = j.map_or(String::new(), |j| j.period.label(false));
        let _ = write!(
            b,
            "<tr data-year=\"{yr}\" data-period=\"{}\"><td class=\"n\">{}</td><td class=\"n\" data-field=\"path\">{}</td>",
            esc(&period),
            esc(&label),
            p.unwrap_or_default()
        );
        match j {
            Some(j) => {
                let status = serde_json::to_value(j.verdict.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let actual = match j.actual {
                    Some(Actual::Number(v)) => num(v),
                    Some(Actual::Done(d)) => d.to_string(),
                    None => String::new(),
                };
                let due = j
                    .cycle
                    .schedule
                    .as_ref()
                    .filter(|_| !whole_year(j))
                    .map(|s| n4(s.due))
                    .unwrap_or_default();
                let _ = write!(
                    b,
                    "<td>{}</td><td class=\"n\" data-field=\"due\">{due}</td><td class=\"n\" data-field=\"actual\" data-value=\"{}\">{}</td><td class=\"n\" data-field=\"gap\" data-value=\"{}\">{}</td><td class=\"n\" data-field=\"progress\" data-value=\"{}\">{}</td><td class=\"status-{status}\" data-field=\"status\" data-value=\"{status}\">{}</td></tr>",
                    esc(&target_text(j, en)),
                    esc(&actual),
                    esc(&actual_text(j.actual, en)),
                    j.verdict.gap.map(n4).unwrap_or_default(),
                    j.verdict.gap.map(n4).unwrap_or_default(),
                    j.verdict.progress.map(num).unwrap_or_default(),
                    j.verdict
                        .progress
                        .map(|p| format!("{}%", num(p)))
                        .unwrap_or_default(),
                    // The light beside the status (达标(存疑) where doubtful): every format
                    // shows both.
                    esc(&match j.cycle.light {
                        Some(l) => format!("{} · {}", status_text(&j.verdict, en), l.name(en)),
                        None => status_text(&j.verdict, en),
                    }),
                );
                // 说明 under its row, across the table: why the verdict needs a look, or what
                // it rests on, as the other formats' 说明 column says it.
                let said = remarks(j, en);
                if !said.is_empty() {
                    let _ = write!(
                        b,
                        "<tr class=\"remark{}\" data-field=\"remarks\"><td></td><td colspan=\"7\">{}</td></tr>",
                        if j.verdict.doubtful() {
                            " doubtful"
                        } else {
                            ""
                        },
                        esc(&said)
                    );
                }
            }
            None => b.push_str("<td></td><td></td><td></td><td></td><td></td><td></td></tr>"),
        }
    }
    b.push_str("</tbody></table></div>\n");
}

/// Writes the `compare` page: each shared indicator's plans on one chart.
pub(crate) fn compare_page(c: &Comparison, en: bool, path: &Path) -> anyhow::Result<()> {
    std::fs::write(path, compare_html(c, en))
        .map_err(|e| crate::cmd::write::cannot_write(path, crate::i18n::io_error(&e)))?;
    Ok(())
}

pub(crate) fn compare_html(c: &Comparison, en: bool) -> String {
    let names: Vec<String> = c
        .plans
        .iter()
        .map(|p| p.plan.jurisdiction.label(en))
        .collect();
    let title = format!(
        "{} · {}",
        t(en, "规划目标对比", "Plans compared"),
        names.join(" / ")
    );
    let mut b = String::new();
    let _ = write!(
        b,
        "<header><h1>{}</h1><p class=\"meta\">{} {} · {} {}</p><p class=\"legend\">",
        esc(&title),
        t(en, "比较年份", "year compared:"),
        c.year,
        t(en, "共有指标", "shared indicators:"),
        c.shared.len()
    );
    for (i, n) in names.iter().enumerate() {
        let _ = write!(
            b,
            "<span style=\"color:{}\">━ {}</span> ",
            PALETTE[i % PALETTE.len()],
            esc(n)
        );
    }
    b.push_str("</p></header>\n");
    let mut current: Option<Domain> = None;
    for s in &c.shared {
        if current != Some(s.entry.domain) {
            if current.is_some() {
                b.push_str("</section>\n");
            }
            current = Some(s.entry.domain);
            let _ = write!(
                b,
                "<section class=\"domain\"><h2>{}</h2>",
                esc(s.entry.domain.label(en))
            );
        }
        let mut series = Vec::new();
        for (i, p) in c.plans.iter().enumerate() {
            let Some(row) = p
                .rows()
                .map(|(_, r)| r)
                .find(|r| r.id.value == s.entry.id.value)
            else {
                continue;
            };
            let colour = PALETTE[i % PALETTE.len()];
            let pts = target_path(row, s.entry);
            if !pts.is_empty() {
                series.push(Series {
                    label: names[i].clone(),
                    points: pts,
                    colour,
                    dashed: false,
                });
            }
            for (from, to, v) in floors(row, s.entry, p) {
                series.push(Series {
                    label: names[i].clone(),
                    points: vec![(from, v), (to, v)],
                    colour,
                    dashed: true,
                });
            }
        }
        let unit = s.entry.unit_text();
        let _ = write!(
            b,
            "<div class=\"indicator\" data-key=\"{}\"><h3>{}</h3><p class=\"meta\">{}</p>",
            esc(&s.entry.id.value),
            esc(&s.entry.label(en)),
            esc(&unit)
        );
        b.push_str(&chart(&series, &[], &unit, &s.entry.label(en)));
        let _ = write!(
            b,
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            t(en, "地区", "jurisdiction"),
            t(en, "原文名称", "name as printed"),
            t(en, "基础值", "baseline"),
            c.year,
            t(en, "最高目标", "most ambitious")
        );
        for (((p, col), best), printed) in
            c.plans.iter().zip(&s.columns).zip(&s.best).zip(&s.printed)
        {
            let _ = write!(
                b,
                "<tr data-plan=\"{}\"><td>{}</td><td data-field=\"name\">{}</td><td class=\"n\">{}</td><td class=\"n\" data-field=\"value\">{}</td><td>{}</td></tr>",
                esc(p.id()),
                esc(&p.plan.jurisdiction.label(en)),
                esc(printed),
                col.stated.map(|b| b.display(en)).unwrap_or_default(),
                col.cell
                    .as_ref()
                    .map(|c| {
                        let v = n4(c.value);
                        if c.interpolated { format!("~{v}") } else { v }
                    })
                    .unwrap_or_default(),
                if *best { "★" } else { "" }
            );
        }
        b.push_str("</tbody></table></div>\n");
    }
    if current.is_some() {
        b.push_str("</section>\n");
    }
    page(&title, &b, en)
}

/// Writes the `rank` page: one table per indicator.
pub(crate) fn rank_page(rows: &[Ranked], en: bool, path: &Path) -> anyhow::Result<()> {
    let title = t(en, "规划目标排名", "Plans ranked");
    let mut b = format!("<header><h1>{}</h1></header>\n", esc(title));
    let mut current = String::new();
    for r in rows {
        if r.entry.id.value != current {
            if !current.is_empty() {
                b.push_str("</tbody></table></div>\n");
            }
            current = r.entry.id.value.clone();
            let _ = write!(
                b,
                "<div class=\"indicator\" data-key=\"{}\"><h3>{}</h3><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                esc(&current),
                esc(&r.entry.label(en)),
                t(en, "名次", "rank"),
                t(en, "地区", "jurisdiction"),
                t(en, "原文名称", "name as printed"),
                t(en, "目标", "target"),
                t(en, "年份", "year"),
                t(en, "基础值", "baseline")
            );
        }
        let _ = write!(
            b,
            "<tr><td class=\"n\">{}</td><td>{}</td><td data-field=\"name\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            r.place,
            esc(&r.plan.plan.jurisdiction.label(en)),
            esc(r.printed),
            n4(r.cell.value),
            r.cell.year,
            r.cell.stated.map(|b| b.display(en)).unwrap_or_default()
        );
    }
    if !current.is_empty() {
        b.push_str("</tbody></table></div>\n");
    }
    std::fs::write(path, page(title, &b, en))
        .map_err(|e| crate::cmd::write::cannot_write(path, crate::i18n::io_error(&e)))?;
    Ok(())
}
