//! `qyx show PLAN`: the plan's indicator table as the document would print it, for
//! proof-reading an encoding against its source; `--summary` counts what the plan holds.

use crate::Outcome;
use crate::cli::{Format, Lang, ShowArgs};
use crate::plan::load::PlanDir;
use crate::plan::validate::squash;
use crate::plan::{CatalogIndex, Domain, Figure, PlanFile, Row, resolve, row_domain};
use crate::report::{Table, num};
use crate::threshold::Better;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Write;

/// The figure as the document prints it: the cell, else the prose phrase.
fn printed(f: &Figure) -> String {
    f.cell
        .as_ref()
        .map(|c| c.value.trim().to_string())
        .or_else(|| f.text.as_ref().map(|t| t.value.to_string()))
        .unwrap_or_default()
}

fn figure_json(row: &Row, cat: &CatalogIndex, f: &Figure) -> Value {
    let mut v = json!({
        "year": f.year.value,
        "scope": f.scope.name(),
        "year_stated": f.year_stated,
        "cell": f.cell.as_ref().map(|c| &c.value),
        "text": f.text.as_ref().map(|c| &c.value),
        "quote": f.quote.as_ref().map(|c| &c.value),
        "section": f.section,
        "source": if f.cell.is_some() { "table" } else { "prose" },
    });
    // A baseline says what it measures: a year's level, or an average or total over a span.
    if row.baseline.as_deref().is_some_and(|b| std::ptr::eq(b, f)) {
        v["kind"] = json!(f.kind.name());
        v["from"] = json!(f.from.as_ref().map(|y| y.value));
    }
    if let Some(entry) = cat.get(&row.id.value) {
        match resolve(row, entry, f) {
            Ok(r) => {
                v["op"] = json!(r.threshold.op.name());
                v["value"] = json!(r.threshold.value.map(num));
                if let Some(h) = r.threshold.high {
                    v["high"] = json!(num(h));
                }
                v["unit"] = json!(r.unit_printed);
                v["normalized"] = json!({
                    "value": r.value.map(num),
                    "high": r.high.map(num),
                    "unit": entry.unit.as_ref().map(|u| &u.value),
                });
            }
            Err(e) => v["error"] = json!(e),
        }
    }
    v
}

pub(crate) fn plan_json(p: &PlanFile, cat: &CatalogIndex) -> Value {
    let plan = &p.plan;
    let rows: Vec<Value> = p
        .rows()
        .map(|(_, r)| r)
        .map(|row| {
            let entry = cat.get(&row.id.value);
            json!({
                "id": row.id.value,
                "name": row.name,
                "name_en": entry.map(|e| &e.name_en),
                "domain": row_domain(p, cat, row).map(Domain::zh),
                "area": row.area.as_ref().map(|a| &a.value),
                "unit": row.unit.as_ref().map(|u| &u.value),
                "marker": row.marker,
                "lead": row.lead,
                "row": row.row,
                "table": row.table.as_ref().map(|t| &t.value),
                "baseline": row.baseline.as_ref().map(|b| figure_json(row, cat, b)),
                "targets": row.targets.iter().map(|t| figure_json(row, cat, t)).collect::<Vec<_>>(),
                "note": row.note,
            })
        })
        .collect();
    json!({
        "jurisdiction": plan.jurisdiction,
        "document": plan.document,
        "period": { "start": plan.period.start.value, "end": plan.period.end.value },
        "baseline_year": plan.baseline_year.value,
        "areas": plan.areas,
        "indicators": rows,
    })
}

fn table(p: &PlanFile, cat: &CatalogIndex, lang: Lang, table_only: bool) -> Table {
    let plan = &p.plan;
    let years: Vec<i32> = (plan.period.start.value..=plan.period.end.value).collect();
    let en = lang == Lang::En;
    let mut headers: Vec<String> = if en {
        vec![
            "domain".into(),
            "no.".into(),
            "indicator".into(),
            "unit".into(),
            format!("baseline {}", plan.baseline_year.value),
        ]
    } else {
        vec![
            "领域".into(),
            "序号".into(),
            "指标".into(),
            "单位".into(),
            format!("{}年基础值", plan.baseline_year.value),
        ]
    };
    headers.extend(
        years
            .iter()
            .map(|y| if en { y.to_string() } else { format!("{y}年") }),
    );
    headers.push(if en {
        "lead".into()
    } else {
        "牵头单位".into()
    });
    let mut t = Table::new(headers);
    for (_, row) in p.rows() {
        if table_only && row.table.is_none() {
            continue;
        }
        let entry = cat.get(&row.id.value);
        let area = row
            .area
            .as_ref()
            .map(|a| a.value.to_string())
            .or_else(|| row_domain(p, cat, row).map(|d| d.zh().to_string()))
            .unwrap_or_default();
        let label = row.row.as_deref().cloned().unwrap_or_else(|| {
            row.marker
                .map(|m| m.symbol().to_string())
                .unwrap_or_default()
        });
        let name = if en {
            entry.map_or(row.name.to_string(), |e| e.name_en.clone())
        } else {
            row.name.to_string()
        };
        let unit = row
            .unit
            .as_ref()
            .map(|u| u.value.to_string())
            .unwrap_or_default();
        let baseline = row.baseline.as_ref().map(|b| {
            let s = printed(b);
            if !b.kind.is_level() {
                // `十三五平均 82.71岁`, `十三五累计 47个`: never shown as the year's level.
                let stated = crate::judge::Baseline {
                    value: rust_decimal::Decimal::ZERO,
                    year: b.year.value,
                    kind: b.kind,
                    from: b.from.as_ref().map(|y| y.value),
                };
                format!("{} {s}", stated.span(en))
            } else if b.year.value != plan.baseline_year.value {
                format!("{s} ({})", b.year.value)
            } else {
                s
            }
        });
        let mut cells = vec![
            if en {
                row_domain(p, cat, row).map_or(area.clone(), |d| d.label(true).to_string())
            } else {
                area
            },
            label,
            name,
            unit,
            baseline.unwrap_or_default(),
        ];
        for y in &years {
            let here: Vec<String> = row
                .targets
                .iter()
                .filter(|f| f.year.value == *y)
                .map(|f| {
                    let mut s = printed(f);
                    match f.scope.label(en) {
                        "" => {}
                        scope => s = format!("{s} ({scope})"),
                    }
                    s
                })
                .collect();
            cells.push(here.join("; "));
        }
        cells.push(row.lead.as_deref().map(String::from).unwrap_or_default());
        t.push(cells);
    }
    t
}

/// Counts per domain: indicators, targets (numeric), milestones, baselines, table/prose sources,
/// and with the source document at hand, how many figures' words are found in it.
pub(crate) fn summary(p: &PlanFile, cat: &CatalogIndex, source: Option<&str>) -> Table {
    #[derive(Default)]
    struct C {
        rows: usize,
        targets: usize,
        milestones: usize,
        baselines: usize,
        table: usize,
        prose: usize,
        quoted: usize,
        verified: usize,
    }
    impl C {
        fn cells(&self, name: &str, verified: bool) -> Vec<String> {
            let mut r = vec![name.to_string()];
            r.extend(
                [
                    self.rows,
                    self.targets,
                    self.milestones,
                    self.baselines,
                    self.table,
                    self.prose,
                    self.quoted,
                ]
                .map(|n| n.to_string()),
            );
            if verified {
                r.push(self.verified.to_string());
            }
            r
        }
        fn add(&mut self, o: &C) {
            self.rows += o.rows;
            self.targets += o.targets;
            self.milestones += o.milestones;
            self.baselines += o.baselines;
            self.table += o.table;
            self.prose += o.prose;
            self.quoted += o.quoted;
            self.verified += o.verified;
        }
    }
    // A figure's words are verified when its quote (prose) and its row (table) are in the source.
    let found = |s: &str| source.is_some_and(|src| src.contains(&squash(s)));
    let mut by: BTreeMap<Option<Domain>, C> = BTreeMap::new();
    for (_, row) in p.rows() {
        let c = by.entry(row_domain(p, cat, row)).or_default();
        c.rows += 1;
        let milestone = cat
            .get(&row.id.value)
            .is_some_and(|e| e.better == Better::Done);
        for f in row.targets.iter().chain(row.baseline.as_deref()) {
            let is_baseline = row.baseline.as_deref().is_some_and(|b| std::ptr::eq(b, f));
            match (is_baseline, milestone) {
                (true, _) => c.baselines += 1,
                (false, true) => c.milestones += 1,
                (false, false) => c.targets += 1,
            }
            c.table += f.cell.is_some() as usize;
            c.prose += f.text.is_some() as usize;
            let has_words = f.quote.is_some() || f.cell.is_some();
            c.quoted += has_words as usize;
            let quote_ok = f.quote.as_ref().is_none_or(|q| found(&q.value));
            let table_ok = f.cell.is_none() || row.table.as_ref().is_some_and(|t| found(&t.value));
            c.verified += (has_words && quote_ok && table_ok) as usize;
        }
    }
    let mut headers = vec![
        "domain",
        "indicators",
        "targets",
        "milestones",
        "baselines",
        "from table",
        "from prose",
        "with source words",
    ];
    if source.is_some() {
        headers.push("verified in source");
    }
    let mut t = Table::new(headers);
    let mut total = C::default();
    for (d, c) in &by {
        t.push(c.cells(d.map_or("?", Domain::zh), source.is_some()));
        total.add(c);
    }
    t.push(total.cells("total", source.is_some()));
    t
}

pub(crate) fn run(
    a: &ShowArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, outcome) = super::load_plans(dir, err)?;
    let Some(p) = super::find_plan(&set, &a.plan, err)? else {
        return Ok(Outcome::BadInput);
    };
    let plan = &p.plan;
    if a.summary {
        let dirs: Vec<&std::path::Path> = a.sources.iter().map(|d| d.as_path()).collect();
        let source = match dirs.is_empty() {
            false => match crate::plan::load::read_source_in(&dirs, &plan.document.source) {
                Ok(b) => Some(squash(&String::from_utf8_lossy(&b))),
                Err(e) => {
                    writeln!(err, "{}: {e}", crate::i18n::qyx_error())?;
                    return Ok(Outcome::BadInput);
                }
            },
            true => None,
        };
        let t = summary(p, &set.catalog, source.as_deref());
        if a.format == Format::Table {
            writeln!(
                out,
                "{} {} ({}–{})",
                plan.jurisdiction.name,
                plan.document.title,
                plan.period.start.value,
                plan.period.end.value
            )?;
        }
        t.write(a.format, out)?;
        return Ok(outcome);
    }
    match a.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&plan_json(p, &set.catalog))?
        )?,
        Format::Table => {
            writeln!(out, "{}", plan.document.title)?;
            writeln!(
                out,
                "{} · {} · {} · {}",
                plan.document.issuer.as_deref().unwrap_or("—"),
                plan.document.number.as_deref().unwrap_or("—"),
                plan.document
                    .date
                    .as_ref()
                    .map_or("—", |d| d.value.as_str()),
                plan.document.kind.zh()
            )?;
            table(p, &set.catalog, a.lang, a.table_only).write(a.format, out)?;
        }
        f => table(p, &set.catalog, a.lang, a.table_only).write(f, out)?,
    }
    Ok(outcome)
}
