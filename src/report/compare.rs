//! `qyx compare` and `qyx rank` renderers: a [`Comparison`] or a list of [`Ranked`] plans as a
//! terminal table, CSV, Markdown or JSON.

use crate::cli::Format;
use crate::compare::{Cell, Comparison, Ranked, Shared, change};
use crate::plan::PlanFile;
use crate::report::json::{CompareOutput, RankOutput, RankRow};
use crate::report::{Table, num, round};
use rust_decimal::Decimal;
use std::io::Write;

pub(crate) fn show_value(c: &Cell, en: bool) -> String {
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

pub(crate) fn change_text(c: &Cell, en: bool) -> String {
    if c.maintain {
        return (if en { "maintain" } else { "保持" }).to_string();
    }
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

/// The indicator cell of a shared row: the name every plan prints (in English, the catalog's),
/// or, where the plans print it differently, each plan's own name after the plan's, one a line
/// in a terminal (`sep` "\n") and joined by "; " elsewhere, so that no plan's figure stands under
/// another plan's name.
pub(crate) fn indicator_cell(s: &Shared, plans: &[&PlanFile], en: bool, sep: &str) -> String {
    let first = s.printed.first().copied().unwrap_or_default();
    let same = s.printed.iter().all(|n| *n == first);
    if same {
        return if en {
            s.entry.label(en)
        } else {
            first.to_string()
        };
    }
    let mut lines: Vec<String> = Vec::new();
    if en {
        lines.push(s.entry.label(en));
    }
    for (p, n) in plans.iter().zip(&s.printed) {
        lines.push(format!("{}: {n}", p.plan.jurisdiction.label(en)));
    }
    lines.join(sep)
}

/// The side-by-side table of the indicators every plan shares; `sep` joins the plans' own names
/// where they differ (see [`indicator_cell`]).
pub(crate) fn compare_table(c: &Comparison, en: bool, sep: &str) -> Table {
    let (year, plans) = (c.year, &c.plans);
    let name = |p: &PlanFile| p.plan.jurisdiction.label(en);
    let mut headers = vec![
        (if en { "indicator" } else { "指标" }).to_string(),
        (if en { "unit" } else { "单位" }).to_string(),
    ];
    for p in plans {
        let n = name(p);
        headers.push(format!("{n} {}", if en { "baseline" } else { "基础值" }));
        headers.push(format!("{n} {year}"));
        headers.push(format!("{n} {}", if en { "change" } else { "变化" }));
    }
    let mut t = Table::new(headers);
    for s in &c.shared {
        let mut r = vec![indicator_cell(s, plans, en, sep), s.entry.unit_text()];
        for (col, b) in s.columns.iter().zip(&s.best) {
            r.push(col.stated.map(|b| b.display(en)).unwrap_or_default());
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
            r.push(change_text(c, en));
        }
        t.push(r);
    }
    t
}

/// Writes a comparison in `format`.
pub(crate) fn render_compare(
    c: &Comparison,
    format: Format,
    en: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (year, plans) = (c.year, &c.plans);
    if format == Format::Json {
        let v = CompareOutput::of(c);
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }

    let name = |p: &PlanFile| p.plan.jurisdiction.label(en);
    let sep = if format == Format::Table { "\n" } else { "; " };
    let t = compare_table(c, en, sep);
    if format == Format::Table {
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
    t.write(format, out)?;
    if matches!(format, Format::Table | Format::Markdown) {
        for (p, list) in plans.iter().zip(&c.only) {
            if list.is_empty() {
                continue;
            }
            // With two plans, what one lacks only the other has; with more, an indicator two
            // of three share is "not in all", and who has it is shown.
            let many = plans.len() > 2;
            let heading = match (many, en) {
                (false, true) => format!("Only in {}", name(p)),
                (false, false) => format!("仅 {}", name(p)),
                (true, true) => format!("In {}, not in all", name(p)),
                (true, false) => format!("{} 有、并非所有方案都有", name(p)),
            };
            writeln!(out, "\n{heading} ({}):", list.len())?;
            let mut header = if en {
                vec!["indicator", "unit", "target"]
            } else {
                vec!["指标", "单位", "目标"]
            };
            if many {
                header.push(if en {
                    "held by"
                } else {
                    "有此指标的方案"
                });
            }
            let mut t = Table::new(header);
            for o in list {
                let what = match (&o.cell, o.milestone_year) {
                    (Some(c), _) => format!("{} ({})", show_value(c, en), c.year),
                    (None, Some(y)) => format!("{} ({y})", if en { "done" } else { "完成" }),
                    (None, None) => (if en { "no target" } else { "无目标" }).into(),
                };
                let label = if en {
                    o.entry.label(en)
                } else {
                    o.printed.to_string()
                };
                let mut cells = vec![label, o.entry.unit_text(), what];
                if many {
                    let who: Vec<String> = o.holders.iter().map(|&j| name(plans[j])).collect();
                    cells.push(who.join(if en { ", " } else { "、" }));
                }
                t.push(cells);
            }
            t.write(format, out)?;
        }
        writeln!(out, "\n{}", summary_text(c, en))?;
    }
    Ok(())
}

/// The comparison's last line: how many indicators are shared, and how often each plan asks most.
pub(crate) fn summary_text(c: &Comparison, en: bool) -> String {
    let lead: Vec<String> = c
        .plans
        .iter()
        .zip(&c.leads)
        .map(|(p, n)| format!("{} {n}", p.plan.jurisdiction.label(en)))
        .collect();
    if en {
        format!(
            "{} shared indicators; most ambitious: {}",
            c.shared.len(),
            lead.join(", ")
        )
    } else {
        format!(
            "共有指标{}项; 目标更高: {}",
            c.shared.len(),
            lead.join(", ")
        )
    }
}

/// Writes a ranking in `format`.
pub(crate) fn render_rank(
    rows: &[Ranked],
    format: Format,
    en: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        let v: RankOutput = rows.iter().map(RankRow::of).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    rank_table(rows, en).write(format, out)?;
    Ok(())
}

/// The ranking as a table.
pub(crate) fn rank_table(rows: &[Ranked], en: bool) -> Table {
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
    for r in rows {
        let c = &r.cell;
        let mut v = show_value(c, en);
        if c.interpolated {
            v = format!(
                "{v} ({} {})",
                if en { "path to" } else { "路径至" },
                c.target.year
            );
        }
        t.push(vec![
            // Each plan's row under the name it prints (in English, the catalog's).
            if en {
                r.entry.label(en)
            } else {
                r.printed.to_string()
            },
            r.entry.unit_text(),
            r.place.to_string(),
            r.plan.plan.jurisdiction.label(en),
            v,
            c.year.to_string(),
            c.stated.map(|b| b.display(en)).unwrap_or_default(),
            change_text(c, en),
        ]);
    }
    t
}
