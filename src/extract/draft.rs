//! The draft plan file (`qyx extract --format yaml`): candidates grouped into rows by catalog id
//! (or by phrase), a table cell and its restatement in the prose merged into one target, and a
//! `# TODO` on everything a person must settle.
//!
//! Why it exists: the plan format is what the rest of qyx reads. Writing the draft in it (as
//! text, to keep the `# TODO` comments beside what they are about) turns an extraction into a
//! file to edit rather than a list to retype.

use super::matching::{CatalogMatch, MatchHow};
use super::{Candidate, Extraction, Kind};
use crate::plan::schema::{Domain, Scope};
use crate::threshold::Op;
use crate::unit::Unit;

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn level_of(name: &str) -> &'static str {
    if name.ends_with('区') {
        "district"
    } else if name.ends_with('县') {
        "county"
    } else {
        "county-city"
    }
}

/// A row of the draft: candidates for one indicator.
struct DraftRow<'a> {
    id: String,
    m: Option<&'a CatalogMatch>,
    members: Vec<&'a Candidate>,
}

/// The draft plan file: every candidate in the plan format, with a `# TODO` on everything a
/// person must settle. It deserialises with the plan schema; unknown ids are for `validate`.
pub(crate) fn draft_yaml(
    ex: &Extraction,
    matches: &[Option<CatalogMatch>],
    source_name: &str,
) -> String {
    use std::fmt::Write as _;
    let info = &ex.info;
    let mut y = String::new();
    let n_targets = ex
        .candidates
        .iter()
        .filter(|c| c.kind == Kind::Target)
        .count();
    let _ = writeln!(
        y,
        "# yaml-language-server: $schema=../schema/plan.schema.json"
    );
    let _ = writeln!(
        y,
        "# Draft by `qyx extract` from {source_name}: {} candidates ({n_targets} targets, {} baselines).",
        ex.candidates.len(),
        ex.candidates.len() - n_targets
    );
    let _ = writeln!(
        y,
        "# Settle every TODO, check every number against the document, then run `qyx validate`."
    );
    let todo = |y: &mut String, indent: &str, what: &str| {
        let _ = writeln!(y, "{indent}# TODO: {what}");
    };
    let name = info.jurisdiction.clone().unwrap_or_else(|| "TODO".into());
    let _ = writeln!(y, "jurisdiction:");
    let _ = writeln!(
        y,
        "  id: \"todo\"  # TODO: ASCII pinyin, the same as the file name"
    );
    let _ = writeln!(
        y,
        "  name: {}{}",
        q(&name),
        if info.jurisdiction.is_none() {
            "  # TODO: not found in the title"
        } else {
            ""
        }
    );
    let _ = writeln!(y, "  name_en: \"TODO\"  # TODO: English name");
    let _ = writeln!(
        y,
        "  level: {}  # TODO: check (guessed from the name)",
        level_of(&name)
    );
    let _ = writeln!(y, "document:");
    match &info.title {
        Some(t) => {
            let _ = writeln!(y, "  title: {}", q(t));
        }
        None => {
            let _ = writeln!(y, "  title: \"TODO\"  # TODO: the document's title");
        }
    }
    if let Some(n) = &info.number {
        let _ = writeln!(y, "  number: {}", q(n));
    }
    let _ = writeln!(y, "  issuer: \"TODO\"  # TODO: the issuing office");
    match &info.date {
        Some(d) => {
            let _ = writeln!(y, "  date: {}", q(d));
        }
        None => {
            let _ = writeln!(y, "  date: \"TODO\"  # TODO: 成文日期, YYYY-MM-DD");
        }
    }
    match info.kind {
        Some(k) => {
            let _ = writeln!(y, "  kind: {k}");
        }
        None => {
            let _ = writeln!(
                y,
                "  kind: implementation  # TODO: implementation | work-points | five-year-plan"
            );
        }
    }
    let _ = writeln!(y, "  source: {}", q(source_name));
    let (start, end) = (info.start.or(info.end).unwrap_or(0), info.end.unwrap_or(0));
    if info.end.is_none() {
        todo(&mut y, "", "no period found: pass --end-year");
    }
    let _ = writeln!(y, "period: {{ start: {start}, end: {end} }}");
    let _ = writeln!(y, "baseline_year: {}", start - 1);
    // The plan's own areas (黄岩's nine), each mapped onto the domain most of its rows' catalog
    // entries belong to.
    let mut areas: Vec<(String, Vec<Domain>)> = Vec::new();
    for (c, m) in ex.candidates.iter().zip(matches) {
        let Some(a) = &c.area else { continue };
        if Domain::parse(a).is_some() {
            continue;
        }
        let domain = m.as_ref().filter(|m| m.how.is_sure()).map(|m| m.domain);
        match areas.iter_mut().find(|(n, _)| n == a) {
            Some((_, ds)) => ds.extend(domain),
            None => areas.push((a.clone(), domain.into_iter().collect())),
        }
    }
    if !areas.is_empty() {
        let _ = writeln!(y, "areas:");
        for (name, ds) in &areas {
            let best = Domain::ALL
                .into_iter()
                .max_by_key(|d| ds.iter().filter(|x| *x == d).count())
                .filter(|d| ds.contains(d));
            match best {
                Some(d) => {
                    let _ = writeln!(
                        y,
                        "  - {{ name: {}, domain: {} }}  # TODO: check the domain (the most common of its rows' catalog entries)",
                        q(name),
                        d.zh()
                    );
                }
                None => {
                    let _ = writeln!(
                        y,
                        "  - {{ name: {}, domain: 综合集成 }}  # TODO: choose the domain",
                        q(name)
                    );
                }
            }
        }
    }
    let _ = writeln!(y, "indicators:");

    // Rows: one per catalog id found exactly or by containment; one per phrase otherwise.
    let mut rows: Vec<DraftRow> = Vec::new();
    let mut index: std::collections::HashMap<(bool, &str), usize> = Default::default();
    let mut unmatched = 0;
    for (c, m) in ex.candidates.iter().zip(matches) {
        let sure = m.as_ref().filter(|m| m.how.is_sure());
        let key = match sure {
            Some(m) => (true, m.id.as_str()),
            None => (false, c.indicator.as_str()),
        };
        match index.get(&key) {
            Some(i) => rows[*i].members.push(c),
            None => {
                let id = match sure {
                    Some(m) => m.id.clone(),
                    None => {
                        unmatched += 1;
                        format!("todo-{unmatched}")
                    }
                };
                index.insert(key, rows.len());
                rows.push(DraftRow {
                    id,
                    m: m.as_ref(),
                    members: vec![c],
                });
            }
        }
    }
    for r in &rows {
        let c0 = r.members[0];
        let _ = writeln!(y);
        match r.m {
            None => todo(
                &mut y,
                "  ",
                "no catalog match: add an entry or choose an id",
            ),
            Some(m) if m.how == MatchHow::Partial => todo(
                &mut y,
                "  ",
                &format!(
                    "the phrase names `{}` {} and says more: a narrower indicator? check the id",
                    m.id, m.name
                ),
            ),
            Some(m) if m.how == MatchHow::Nearest => todo(
                &mut y,
                "  ",
                &format!(
                    "no catalog name in the phrase; nearest: `{}` {} (similarity {:.2})",
                    m.id, m.name, m.score
                ),
            ),
            _ => {}
        }
        let _ = writeln!(y, "  - id: {}", q(&r.id));
        let _ = writeln!(
            y,
            "    name: {}",
            q(if c0.indicator.is_empty() {
                "TODO"
            } else {
                &c0.indicator
            })
        );
        if let Some(u) = r.members.iter().find_map(|c| c.unit.as_ref()) {
            if Unit::parse(u).is_ok() {
                let _ = writeln!(y, "    unit: {}", q(u));
            } else {
                todo(
                    &mut y,
                    "    ",
                    &format!("unit `{u}` as printed is not one qyx knows: settle `unit`"),
                );
            }
        }
        if let Some(l) = r.members.iter().find_map(|c| c.lead.as_ref()) {
            let _ = writeln!(y, "    lead: {}", q(l));
        }
        if let Some(a) = r.members.iter().find_map(|c| c.area.as_ref()) {
            let _ = writeln!(y, "    area: {}", q(a));
        }
        if let Some(row) = r.members.iter().find_map(|c| c.row.as_ref()) {
            let _ = writeln!(y, "    row: {}", q(row));
        }
        if let Some(t) = r.members.iter().find_map(|c| c.table.as_ref()) {
            let _ = writeln!(y, "    table: {}", q(t));
        }
        let mut baselines = r.members.iter().filter(|c| c.kind == Kind::Baseline);
        let extra_baselines: Vec<&&Candidate> = match baselines.next() {
            Some(b) => {
                let _ = writeln!(y, "    baseline:");
                figure(&mut y, "      ", b, r.m);
                baselines.collect()
            }
            None => Vec::new(),
        };
        let targets: Vec<&&Candidate> = r
            .members
            .iter()
            .filter(|c| c.kind == Kind::Target)
            .collect();
        if !targets.is_empty() {
            let _ = writeln!(y, "    targets:");
            // A table cell and a prose phrase for the same year and value are one target.
            let mut done = vec![false; targets.len()];
            for a in 0..targets.len() {
                if done[a] {
                    continue;
                }
                let twin = (a + 1..targets.len()).find(|b| {
                    !done[*b]
                        && targets[a].year == targets[*b].year
                        && targets[a].value == targets[*b].value
                        && targets[a].cell.is_some() != targets[*b].cell.is_some()
                });
                let same_year = (0..targets.len())
                    .filter(|b| *b != a && Some(*b) != twin && targets[*b].year == targets[a].year)
                    .count();
                match twin {
                    Some(b) => {
                        done[b] = true;
                        let (cell, prose) = if targets[a].cell.is_some() {
                            (targets[a], targets[b])
                        } else {
                            (targets[b], targets[a])
                        };
                        let merged = Candidate {
                            text: prose.text.clone(),
                            quote: prose.quote.clone(),
                            section: prose.section.clone(),
                            scope: if cell.scope == Scope::Level {
                                prose.scope
                            } else {
                                cell.scope
                            },
                            ..(*cell).clone()
                        };
                        list_figure(&mut y, &merged, r.m, same_year);
                    }
                    None => list_figure(&mut y, targets[a], r.m, same_year),
                }
            }
        }
        if !extra_baselines.is_empty() {
            let more: Vec<String> = extra_baselines
                .iter()
                .map(|b| {
                    format!(
                        "{} ({}): {}",
                        b.text.as_deref().or(b.cell.as_deref()).unwrap_or_default(),
                        b.year.map_or("?".into(), |y| y.to_string()),
                        b.quote.as_deref().unwrap_or_default()
                    )
                })
                .collect();
            let _ = writeln!(
                y,
                "    note: {}  # TODO: more than one baseline; keep one",
                q(&format!("other past figures: {}", more.join(" | ")))
            );
        }
    }
    y
}

/// The doubts about one figure, for its `# TODO`.
fn doubts_of(c: &Candidate, m: Option<&CatalogMatch>, same_year: usize) -> Vec<String> {
    let mut d = c.doubts.clone();
    if c.year.is_none() {
        d.push("no year: pass --end-year or set it".into());
    } else if !c.year_stated && c.kind == Kind::Target && c.cell.is_none() {
        d.push("no year in the sentence: the plan's end year is assumed".into());
    }
    if c.op == Op::Reach && m.is_none_or(|m| !m.how.is_sure()) {
        d.push("bare number: ≥ or ≤ depends on the indicator's better direction".into());
    }
    if same_year > 0 {
        d.push("another target for the same year in this row: keep one".into());
    }
    d
}

fn figure(y: &mut String, indent: &str, c: &Candidate, m: Option<&CatalogMatch>) {
    use std::fmt::Write as _;
    for d in doubts_of(c, m, 0) {
        let _ = writeln!(y, "{indent}# TODO: {d}");
    }
    let _ = writeln!(y, "{indent}year: {}", c.year.unwrap_or(0));
    figure_fields(y, indent, c);
}

fn list_figure(y: &mut String, c: &Candidate, m: Option<&CatalogMatch>, same_year: usize) {
    use std::fmt::Write as _;
    for d in doubts_of(c, m, same_year) {
        let _ = writeln!(y, "      # TODO: {d}");
    }
    let _ = writeln!(y, "      - year: {}", c.year.unwrap_or(0));
    figure_fields(y, "        ", c);
}

fn figure_fields(y: &mut String, indent: &str, c: &Candidate) {
    use std::fmt::Write as _;
    if let Some(cell) = &c.cell {
        let _ = writeln!(y, "{indent}cell: {}", q(cell));
    }
    if let Some(t) = &c.text {
        let _ = writeln!(y, "{indent}text: {}", q(t));
    }
    if let Some(qu) = &c.quote {
        let _ = writeln!(y, "{indent}quote: {}", q(qu));
    }
    if let Some(s) = &c.section
        && c.cell.is_none()
    {
        let _ = writeln!(y, "{indent}section: {}", q(s));
    }
    if c.scope != Scope::Level {
        let _ = writeln!(y, "{indent}scope: {}", c.scope.name());
    }
    if !c.year_stated {
        let _ = writeln!(y, "{indent}year_stated: false");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::extract::matching::Matcher;
    use crate::extract::tests::builtin_catalog;

    /// The draft deserialises with the plan schema, whatever the catalog says.
    #[test]
    fn draft_is_a_plan_file() {
        let doc = "关于印发《瑞安市公共服务“七优享”工程实施方案(2023—2027年)》的通知 2023年4月27日\n二、重点任务 (一)加快实现“幼有善育”。到2027年,每千人口拥有3岁以下婴幼儿托位数达到5.55个以上,普惠托位占比达到70%以上。全市公办园、优质园、普惠园在园幼儿覆盖率分别达到67%、84%、95%以上。累计营收150亿以上。\n";
        let ex = extract(doc, None);
        let cat = builtin_catalog();
        let matches: Vec<_> = ex
            .candidates
            .iter()
            .map(|c| Matcher::new(&cat).find(c))
            .collect();
        let yaml = draft_yaml(&ex, &matches, "ruian.txt");
        let src = crate::plan::load::SourceText {
            name: "draft.yaml".into(),
            text: yaml.clone(),
        };
        let plan: crate::plan::Plan =
            crate::plan::load::parse_yaml(&src).unwrap_or_else(|d| panic!("{d}\n{yaml}"));
        assert_eq!(plan.jurisdiction.name, "瑞安市");
        assert_eq!(
            (plan.period.start.value, plan.period.end.value),
            (2023, 2027)
        );
        assert_eq!(plan.indicators[0].id.value, "childcare-places-per-1000");
        assert!(yaml.contains("# TODO: ambiguous operator"), "{yaml}");
        assert!(yaml.contains("# TODO: unit `亿` as printed"), "{yaml}");
        assert!(yaml.contains("id: \"todo-1\""), "{yaml}");
        // Unmatched, every row is `todo-N` and it still deserialises.
        let none = vec![None; ex.candidates.len()];
        let yaml = draft_yaml(&ex, &none, "ruian.txt");
        let src = crate::plan::load::SourceText {
            name: "draft.yaml".into(),
            text: yaml,
        };
        assert!(crate::plan::load::parse_yaml::<crate::plan::Plan>(&src).is_ok());
    }
}
