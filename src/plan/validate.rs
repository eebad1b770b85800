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
                crate::tr!(
                    "计划 id `{}` 已被 {first} 使用",
                    "plan id `{}` is also used by {first}",
                    p.id()
                ),
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
                crate::tr!("原文件 {e}", "source document {e}"),
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
            out.error(
                &e.id,
                crate::tr!(
                    "指标目录 id `{id}` 出现了两次",
                    "catalog id `{id}` appears twice"
                ),
            );
        }
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            out.error(
                &e.id,
                crate::tr!(
                    "指标目录 id `{id}` 必须是用 `-` 连接的小写 ASCII 单词",
                    "catalog id `{id}` must be lower-case ASCII words joined by `-`"
                ),
            );
        }
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if let Some(other) = names.insert(name_key(n), id)
                && other != id
            {
                out.error(
                    &e.id,
                    crate::tr!(
                        "`{id}` 的名称 `{n}` 也是 `{other}` 的名称",
                        "name `{n}` of `{id}` is also a name of `{other}`"
                    ),
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
            crate::tr!(
                "地区 id `{}` 与文件名 `{stem}` 不一致",
                "jurisdiction id `{}` differs from the file name `{stem}`",
                plan.jurisdiction.id.value
            ),
        );
    }
    let (start, end) = (plan.period.start.value, plan.period.end.value);
    if start > end {
        out.error(
            &plan.period.start,
            crate::tr!(
                "计划期起于 {start} 年，晚于止于的 {end} 年",
                "period starts in {start}, after it ends in {end}"
            ),
        );
    }
    if plan.baseline_year.value >= start {
        out.error(
            &plan.baseline_year,
            crate::tr!(
                "基期年份 {} 不在计划期（{start}–{end}）之前",
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
                Some(e) => crate::tr!(
                    "（是否想输入 `{}`？指标目录把 `{}` 列在它下面）",
                    " (did you mean `{}`? the catalog lists `{}` under it)",
                    e.id.value,
                    row.name
                ),
                None => cat.suggest(id),
            };
            out.error(
                &row.id,
                crate::tr!("未知指标 `{id}`{hint}", "unknown indicator `{id}`{hint}"),
            );
            continue;
        };
        // One row per indicator: the parts of a composite cell are different indicators.
        if let Some(line) = seen.insert(id.as_str(), at(&row.id).0) {
            out.error(
                &row.id,
                crate::tr!(
                    "指标 `{id}` 出现了两次（第一次在第 {line} 行）",
                    "indicator `{id}` appears twice (first at line {line})"
                ),
            );
        }
        if let Some(area) = &row.area {
            let known = area_names.contains(&area.value.as_str())
                || crate::plan::Domain::parse(&area.value).is_some();
            if !known {
                out.error(
                    area,
                    crate::tr!(
                        "区域 `{}` 既不是领域，也没有列在 `areas` 下{}",
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
                    crate::tr!(
                        "单位 `{}` 无法换算成指标目录中 `{id}` 的单位 `{}`",
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
                crate::tr!(
                    "在 {} 中找不到表格行: `{}`",
                    "table row not found in {}: `{}`",
                    plan.document.source,
                    table.value
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
            let what = if is_baseline {
                crate::i18n::pick("基础值", "baseline")
            } else {
                crate::i18n::pick("目标", "target")
            };
            let year = f.year.value;
            if is_baseline {
                if year > start {
                    out.error(
                        &f.year,
                        crate::tr!(
                            "基期年份 {year} 不在计划期（{start}–{end}）之前",
                            "baseline year {year} is not before the period ({start}–{end})"
                        ),
                    );
                }
            } else {
                if year < start || year > end {
                    out.error(
                        &f.year,
                        crate::tr!(
                            "目标年份 {year} 超出计划期 {start}–{end}",
                            "target year {year} is outside the period {start}–{end}"
                        ),
                    );
                }
                if !f.year_stated && year != end {
                    out.warning(
                        &f.year,
                        crate::tr!(
                            "未写年份的目标取计划的截止年份 {end}，而不是 {year}",
                            "a target with no stated year takes the plan's end year {end}, not {year}"
                        ),
                    );
                }
                if let Some(b) = &row.baseline
                    && b.year.value >= year
                {
                    out.error(
                        &f.year,
                        crate::tr!(
                            "目标年份 {year} 不在基期年份 {} 之后",
                            "target year {year} is not after the baseline year {}",
                            b.year.value
                        ),
                    );
                }
                if let Some(l) = years_seen.insert((year, f.scope.name()), at(&f.year).0) {
                    out.error(
                        &f.year,
                        crate::tr!(
                            "`{id}` 在 {year} 年有两个 `{}` 目标（第一个在第 {l} 行）",
                            "`{id}` has two {} targets for {year} (first at line {l})",
                            f.scope.name()
                        ),
                    );
                }
            }
            if f.cell.is_none() && f.text.is_none() {
                out.error(
                    &f.year,
                    crate::tr!(
                        "{year} 年的{what}既没有 `cell` 也没有 `text`",
                        "{what} for {year} has neither `cell` nor `text`"
                    ),
                );
                continue;
            }
            if let (Some(text), None) = (&f.text, &f.quote) {
                out.error(
                    text,
                    crate::tr!(
                        "`text` 需要它出自的 `quote`",
                        "`text` needs the `quote` it comes from"
                    ),
                );
            }
            if let Some(cell) = &f.cell {
                match &row.table {
                    None => out.error(
                        cell,
                        crate::tr!(
                            "`cell` 需要它所在行的 `table`",
                            "`cell` needs the row's `table` it comes from"
                        ),
                    ),
                    Some(t) if !squash(&t.value).contains(&squash(&cell.value)) => {
                        out.error(
                            cell,
                            crate::tr!(
                                "单元格 `{}` 不在该行的表格文字中",
                                "cell `{}` is not in the row's table text",
                                cell.value
                            ),
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
                    Err(e) => out.error(
                        s,
                        crate::tr!("无法解读 `{}`: {e}", "cannot read `{}`: {e}", s.value),
                    ),
                }
            }
            if let Some(quote) = &f.quote {
                let q = squash(&quote.value);
                match &f.text {
                    Some(text) if !q.contains(&squash(&text.value)) => out.error(
                        quote,
                        crate::tr!(
                            "引文不含此{what}的原话 `{}`",
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
                                    crate::tr!(
                                        "引文不含它所佐证的数字 {n}",
                                        "quote does not contain the number {n} it supports"
                                    ),
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
                        crate::tr!(
                            "在 {} 中找不到引文",
                            "quote not found in {}",
                            plan.document.source
                        ),
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
                        crate::tr!(
                            "`{id}` {year} 年的表格与正文不一致: 单元格 `{}` 读作 {}，正文 `{}` 读作 {}",
                            "table and prose disagree for `{id}` in {year}: cell `{}` reads {}, text `{}` reads {}",
                            f.cell.as_ref().map_or("", |c| c.value.trim()),
                            a.display(),
                            f.text.as_ref().map_or("", |c| c.value.as_str()),
                            b.display()
                        ),
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
                    crate::tr!(
                        "`{id}` 在指标目录中是里程碑，但 `{}` 是数字",
                        "`{id}` is a milestone in the catalog, but `{}` is a number",
                        spot.value
                    ),
                );
            }
            if entry.better != Better::Done && t.op == Op::Done {
                out.error(
                    *spot,
                    crate::tr!(
                        "`{}` 是里程碑，但 `{id}` 在指标目录中是计量指标",
                        "`{}` is a milestone, but `{id}` is measured in the catalog",
                        spot.value
                    ),
                );
            }
            if op_against(entry.better, t.op) && !is_baseline {
                let dir = if entry.better == Better::Higher {
                    crate::i18n::pick("越高越好", "higher")
                } else {
                    crate::i18n::pick("越低越好", "lower")
                };
                out.error(
                    *spot,
                    crate::tr!(
                        "运算符 `{}` 与 `{id}` 的方向相反（{dir}）",
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
                        crate::tr!(
                            "单位 `{tu}` 无法换算成指标目录中 `{id}` 的单位 `{}`",
                            "unit `{tu}` cannot be converted to the catalog's unit `{}` for `{id}`",
                            cu.printed()
                        ),
                    ),
                    (Ok(_), None) if entry.better != Better::Done => out.error(
                        *spot,
                        crate::tr!(
                            "`{id}` 在指标目录中没有单位，但 `{}` 带有 `{tu}`",
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
                    crate::tr!(
                        "`{id}` 的走向反了: {y0} 年 {}，{y1} 年 {}",
                        "`{id}` moves the wrong way: {} in {y0}, {} in {y1}",
                        v0.normalize(),
                        v1.normalize()
                    ),
                );
            }
        }
    }
}
