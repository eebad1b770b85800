//! What `qyx validate` checks beyond the schema: that every plan means what it says. Every
//! problem is collected with its line and column; nothing stops at the first.

use super::{CatalogIndex, PlanFile, PlanSet, name_key, op_against, resolve};
use crate::diag::{Diagnostic, suggestion};
use crate::threshold::{Better, Op};
use crate::unit::Unit;
use serde_saphyr::Spanned;
use std::collections::{HashMap, HashSet};
use std::path::Path;

fn at<T>(s: &Spanned<T>) -> (u64, u64) {
    (s.referenced.line(), s.referenced.column())
}

struct Out<'a> {
    file: &'a str,
    diags: &'a mut Vec<Diagnostic>,
}

impl Out<'_> {
    fn error<T>(&mut self, s: &Spanned<T>, msg: impl Into<String>) {
        let (l, c) = at(s);
        self.diags.push(Diagnostic::error(self.file, l, c, msg));
    }
    fn warning<T>(&mut self, s: &Spanned<T>, msg: impl Into<String>) {
        let (l, c) = at(s);
        self.diags.push(Diagnostic::warning(self.file, l, c, msg));
    }
}

/// Removes the web pages' table debris (runs of five or more `|`) and keeps everything else.
pub(crate) fn strip_debris(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut bars = 0;
    for c in text.chars() {
        if c == '|' {
            bars += 1;
            continue;
        }
        if bars > 0 && bars < 5 {
            out.extend(std::iter::repeat_n('|', bars));
        }
        bars = 0;
        out.push(c);
    }
    if bars > 0 && bars < 5 {
        out.extend(std::iter::repeat_n('|', bars));
    }
    out
}

/// Text as the quote check compares it: no white space, no runs of web-page `|` debris.
pub fn squash(s: &str) -> String {
    strip_debris(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Checks the catalog and every plan; with `sources`, every quote against its document.
pub fn validate(set: &PlanSet, sources: Option<&Path>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    check_catalog(&set.catalog, &mut diags);
    let mut seen_ids: HashMap<&str, &str> = HashMap::new();
    for p in &set.plans {
        if let Some(first) = seen_ids.insert(p.id(), &p.source.name) {
            let (l, c) = at(&p.plan.jurisdiction.id);
            diags.push(Diagnostic::error(
                &p.source.name,
                l,
                c,
                format!("plan id `{}` is also used by {first}", p.id()),
            ));
        }
        let source_text = sources.map(|dir| read_source(dir, p, &mut diags));
        check_plan(
            &set.catalog,
            p,
            source_text.as_ref().and_then(|s| s.as_deref()),
            &mut diags,
        );
    }
    diags
}

fn read_source(dir: &Path, p: &PlanFile, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match super::load::read_source(dir, &p.plan.document.source) {
        Ok(bytes) => Some(squash(&String::from_utf8_lossy(&bytes))),
        Err(e) => {
            let line = p
                .source
                .text
                .lines()
                .position(|l| l.trim_start().starts_with("source:"))
                .map_or(1, |i| i as u64 + 1);
            diags.push(Diagnostic::error(
                &p.source.name,
                line,
                3,
                format!("source document {e}"),
            ));
            None
        }
    }
}

fn check_catalog(cat: &CatalogIndex, diags: &mut Vec<Diagnostic>) {
    let mut out = Out {
        file: &cat.source.name,
        diags,
    };
    let mut ids = HashSet::new();
    let mut names: HashMap<String, &str> = HashMap::new();
    for e in &cat.entries {
        let id = &e.id.value;
        if !ids.insert(id.as_str()) {
            out.error(&e.id, format!("catalog id `{id}` appears twice"));
        }
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            out.error(
                &e.id,
                format!("catalog id `{id}` must be lower-case ASCII words joined by `-`"),
            );
        }
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if let Some(other) = names.insert(name_key(n), id)
                && other != id
            {
                out.error(
                    &e.id,
                    format!("name `{n}` of `{id}` is also a name of `{other}`"),
                );
            }
        }
        if let Some(u) = &e.unit
            && let Err(err) = Unit::parse(&u.value)
        {
            out.error(u, err.to_string());
        }
    }
}

fn check_plan(cat: &CatalogIndex, p: &PlanFile, source: Option<&str>, diags: &mut Vec<Diagnostic>) {
    let plan = &p.plan;
    let mut out = Out {
        file: &p.source.name,
        diags,
    };
    let stem = Path::new(&p.source.name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if plan.jurisdiction.id.value != stem {
        out.error(
            &plan.jurisdiction.id,
            format!(
                "jurisdiction id `{}` differs from the file name `{stem}`",
                plan.jurisdiction.id.value
            ),
        );
    }
    let (start, end) = (plan.period.start.value, plan.period.end.value);
    if start > end {
        out.error(
            &plan.period.start,
            format!("period starts in {start}, after it ends in {end}"),
        );
    }
    if plan.baseline_year.value >= start {
        out.error(
            &plan.baseline_year,
            format!(
                "baseline year {} is not before the period ({start}–{end})",
                plan.baseline_year.value
            ),
        );
    }
    let area_names: Vec<&str> = plan.areas.iter().map(|a| a.name.as_str()).collect();
    let mut seen: HashMap<&str, u64> = HashMap::new();

    for row in &plan.indicators {
        let id = &row.id.value;
        let Some(entry) = cat.get(id).filter(|e| &e.id.value == id) else {
            let hint = match cat.get(&row.name) {
                Some(e) => format!(
                    " (did you mean `{}`? the catalog lists `{}` under it)",
                    e.id.value, row.name
                ),
                None => cat.suggest(id),
            };
            out.error(&row.id, format!("unknown indicator `{id}`{hint}"));
            continue;
        };
        // One row per indicator: the parts of a composite cell are different indicators.
        if let Some(line) = seen.insert(id.as_str(), at(&row.id).0) {
            out.error(
                &row.id,
                format!("indicator `{id}` appears twice (first at line {line})"),
            );
        }
        if let Some(area) = &row.area {
            let known = area_names.contains(&area.value.as_str())
                || crate::plan::Domain::parse(&area.value).is_some();
            if !known {
                out.error(
                    area,
                    format!(
                        "area `{}` is neither a domain nor listed under `areas`{}",
                        area.value,
                        suggestion(
                            &area.value,
                            area_names
                                .iter()
                                .copied()
                                .chain(crate::plan::Domain::ALL.iter().map(|d| d.zh()))
                        )
                    ),
                );
            }
        }
        let catalog_unit = entry.unit.as_ref().and_then(|u| Unit::parse(&u.value).ok());
        if let Some(u) = &row.unit {
            match (Unit::parse(&u.value), &catalog_unit) {
                (Err(e), _) => out.error(u, e.to_string()),
                (Ok(pu), Some(cu)) if !pu.is_compatible(cu) => out.error(
                    u,
                    format!(
                        "unit `{}` cannot be converted to the catalog's unit `{}` for `{id}`",
                        u.value,
                        cu.printed()
                    ),
                ),
                _ => {}
            }
        }
        if let Some(table) = &row.table
            && let Some(src) = source
            && !src.contains(&squash(&table.value))
        {
            out.error(
                table,
                format!(
                    "table row not found in {}: `{}`",
                    plan.document.source, table.value
                ),
            );
        }

        let figures = row
            .baseline
            .iter()
            .map(|b| (true, b))
            .chain(row.targets.iter().map(|t| (false, t)));
        let mut path: Vec<(i32, rust_decimal::Decimal)> = Vec::new();
        let mut years_seen: HashMap<(i32, &str), u64> = HashMap::new();
        for (is_baseline, f) in figures {
            let what = if is_baseline { "baseline" } else { "target" };
            let year = f.year.value;
            if is_baseline {
                if year > start {
                    out.error(
                        &f.year,
                        format!("baseline year {year} is not before the period ({start}–{end})"),
                    );
                }
            } else {
                if year < start || year > end {
                    out.error(
                        &f.year,
                        format!("target year {year} is outside the period {start}–{end}"),
                    );
                }
                if !f.year_stated && year != end {
                    out.warning(&f.year, format!("a target with no stated year takes the plan's end year {end}, not {year}"));
                }
                if let Some(b) = &row.baseline
                    && b.year.value >= year
                {
                    out.error(
                        &f.year,
                        format!(
                            "target year {year} is not after the baseline year {}",
                            b.year.value
                        ),
                    );
                }
                if let Some(l) = years_seen.insert((year, f.scope.name()), at(&f.year).0) {
                    out.error(
                        &f.year,
                        format!(
                            "`{id}` has two {} targets for {year} (first at line {l})",
                            f.scope.name()
                        ),
                    );
                }
            }
            if f.cell.is_none() && f.text.is_none() {
                out.error(
                    &f.year,
                    format!("{what} for {year} has neither `cell` nor `text`"),
                );
                continue;
            }
            if let (Some(text), None) = (&f.text, &f.quote) {
                out.error(text, "`text` needs the `quote` it comes from");
            }
            if let Some(cell) = &f.cell {
                match &row.table {
                    None => out.error(cell, "`cell` needs the row's `table` it comes from"),
                    Some(t) if !squash(&t.value).contains(&squash(&cell.value)) => {
                        out.error(
                            cell,
                            format!("cell `{}` is not in the row's table text", cell.value),
                        );
                    }
                    _ => {}
                }
            }
            // Parse both readings; report each one's own failure where it sits.
            let mut readings = Vec::new();
            for s in [&f.cell, &f.text].into_iter().flatten() {
                match crate::threshold::Threshold::parse(&s.value) {
                    Ok(t) => readings.push((s, t.resolve(entry.better))),
                    Err(e) => out.error(s, format!("cannot read `{}`: {e}", s.value)),
                }
            }
            if let Some(quote) = &f.quote {
                let q = squash(&quote.value);
                match &f.text {
                    Some(text) if !q.contains(&squash(&text.value)) => out.error(
                        quote,
                        format!(
                            "quote does not contain `{}`, the words of this {what}",
                            text.value
                        ),
                    ),
                    Some(_) => {}
                    // A table figure quoted from the prose too: the prose must state its number.
                    None => {
                        if let Some(v) = readings.first().and_then(|(_, t)| t.value) {
                            let n = v.normalize().to_string();
                            if !q.contains(&n) {
                                out.error(
                                    quote,
                                    format!("quote does not contain the number {n} it supports"),
                                );
                            }
                        }
                    }
                }
                if let Some(src) = source
                    && !src.contains(&q)
                {
                    out.error(
                        quote,
                        format!("quote not found in {}", plan.document.source),
                    );
                }
            }
            if readings.len() == 2 {
                let (a, b) = (&readings[0].1, &readings[1].1);
                let unit_a = a
                    .unit
                    .clone()
                    .or(row.unit.as_ref().map(|u| u.value.clone()));
                let unit_b = b
                    .unit
                    .clone()
                    .or(row.unit.as_ref().map(|u| u.value.clone()));
                let norm = |t: &crate::threshold::Threshold, u: &Option<String>| {
                    let f = u
                        .as_deref()
                        .and_then(|u| Unit::parse(u).ok())
                        .map(|u| u.to_base(rust_decimal::Decimal::ONE));
                    let k = match f {
                        Some(Ok(k)) => k,
                        _ => rust_decimal::Decimal::ONE,
                    };
                    (
                        t.op,
                        t.value.map(|v| (v * k).normalize()),
                        t.high.map(|v| (v * k).normalize()),
                    )
                };
                if norm(a, &unit_a) != norm(b, &unit_b) {
                    out.warning(
                        &f.year,
                        format!("table and prose disagree for `{id}` in {year}: cell `{}` reads {}, text `{}` reads {}",
                            f.cell.as_ref().map_or("", |c| c.value.trim()), a.display(),
                            f.text.as_ref().map_or("", |c| c.value.as_str()), b.display()),
                    );
                }
            }
            let Some((spot, t)) = readings.first() else {
                continue;
            };
            if entry.better == Better::Done
                && !matches!(t.op, Op::Done | Op::None)
                && entry.unit.is_none()
            {
                out.error(
                    *spot,
                    format!(
                        "`{id}` is a milestone in the catalog, but `{}` is a number",
                        spot.value
                    ),
                );
            }
            if entry.better != Better::Done && t.op == Op::Done {
                out.error(
                    *spot,
                    format!(
                        "`{}` is a milestone, but `{id}` is measured in the catalog",
                        spot.value
                    ),
                );
            }
            if op_against(entry.better, t.op) && !is_baseline {
                let dir = if entry.better == Better::Higher {
                    "higher"
                } else {
                    "lower"
                };
                out.error(
                    *spot,
                    format!(
                        "operator `{}` runs against `{id}`, where {dir} is better",
                        t.op.name()
                    ),
                );
            }
            if let Some(tu) = &t.unit {
                let context = entry.unit.as_ref().map_or("", |u| u.value.as_str());
                let tu = &crate::unit::complete(tu, context);
                match (Unit::parse(tu), &catalog_unit) {
                    (Err(e), _) => out.error(*spot, e.to_string()),
                    (Ok(u), Some(cu)) if !u.is_compatible(cu) => out.error(
                        *spot,
                        format!(
                            "unit `{tu}` cannot be converted to the catalog's unit `{}` for `{id}`",
                            cu.printed()
                        ),
                    ),
                    (Ok(_), None) if entry.better != Better::Done => out.error(
                        *spot,
                        format!(
                            "`{id}` has no unit in the catalog, but `{}` carries `{tu}`",
                            spot.value
                        ),
                    ),
                    _ => {}
                }
            }
            if !is_baseline
                && f.scope == crate::plan::schema::Scope::Level
                && let Ok(r) = resolve(row, entry, f)
                && let (true, Some(v)) = (r.is_numeric(), r.value)
            {
                path.push((year, v));
            }
        }
        path.sort_by_key(|(y, _)| *y);
        path.dedup_by_key(|(y, _)| *y);
        for w in path.windows(2) {
            let ((y0, v0), (y1, v1)) = (w[0], w[1]);
            let wrong = match entry.better {
                Better::Higher => v1 < v0,
                Better::Lower => v1 > v0,
                Better::Done => false,
            };
            if wrong && let Some(f) = row.targets.iter().find(|f| f.year.value == y1) {
                out.warning(
                    &f.year,
                    format!(
                        "`{id}` moves the wrong way: {} in {y0}, {} in {y1}",
                        v0.normalize(),
                        v1.normalize()
                    ),
                );
            }
        }
    }
}
