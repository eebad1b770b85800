//! What `qyx validate` checks beyond the schema: that every plan means what it says. Every
//! problem is collected with its line and column; nothing stops at the first.

use super::schema::Accrual;
use super::schema::{Spanned, Text};
use super::{CatalogIndex, PlanFile, name_key, op_against, resolve};
use crate::diag::{Diagnostic, suggestion};
use crate::threshold::{Better, Op};
use crate::unit::Unit;
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

/// A footnote mark on a cell or a name: `①`…`⑳`.
pub(crate) fn is_note_mark(c: char) -> bool {
    ('\u{2460}'..='\u{2473}').contains(&c)
}

/// A Markdown footnote reference (`[^1]`, pandoc's) at the start of `s`: the mark it is (`①` for
/// `[^1]` … `⑳`) and its length in bytes.
pub(crate) fn markdown_mark(s: &str) -> Option<(char, usize)> {
    let rest = s.strip_prefix("[^")?;
    let close = rest.find(']')?;
    let n: u32 = rest[..close]
        .parse()
        .ok()
        .filter(|n| (1..=20).contains(n))?;
    Some((char::from_u32(0x245F + n)?, close + 3))
}

/// The footnote marks of a cell or name (`①`, `[^1]`) and its text without them.
pub(crate) fn note_marks(s: &str) -> (Vec<char>, String) {
    let mut marks = Vec::new();
    let mut text = String::with_capacity(s.len());
    let mut at = 0;
    while let Some(c) = s[at..].chars().next() {
        if let Some((m, len)) = markdown_mark(&s[at..]) {
            marks.push(m);
            at += len;
        } else {
            if is_note_mark(c) {
                marks.push(c);
            } else {
                text.push(c);
            }
            at += c.len_utf8();
        }
    }
    (marks, text)
}

/// A record of a CSV file (a spreadsheet saved as CSV and pasted into the text: WPS, Excel) split
/// into its cells: commas outside double quotes separate them, a quoted cell keeps its commas and
/// line breaks (`"2022年` / `基础值"` is `2022年基础值`: the break taken out), `""` is a quote, and
/// Excel's text formula `="1"` is its text. Empty cells after the last are dropped. None for text
/// that is no record: fewer than three separating commas, or `|` or tabs between cells, or a row
/// whose cells are apart by spaces and whose every comma stands between digits (`8 居民人均可支配
/// 收入 元 68,520 72,600`: thousands separators, as a spreadsheet displays its figures).
pub(crate) fn csv_cells(record: &str) -> Option<Vec<String>> {
    if record.contains(['|', '｜', '\t']) || spaced_with_separators(record) {
        return None;
    }
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = record.trim().chars().peekable();
    while let Some(c) = chars.next() {
        let cell = cells.last_mut()?;
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            '\n' | '\r' if quoted => {}
            c => cell.push(c),
        }
    }
    if cells.len() < 4 {
        return None;
    }
    let mut cells: Vec<String> = cells
        .into_iter()
        .map(|c| {
            let c = c.trim();
            c.strip_prefix('=').unwrap_or(c).trim().to_string()
        })
        .collect();
    while cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    Some(cells)
}

/// Whether a row's cells stand apart by white space (outside quotes) and its commas (outside
/// quotes) all stand between two digits: figures' thousands separators, no CSV record's.
fn spaced_with_separators(record: &str) -> bool {
    let chars: Vec<char> = record.trim().chars().collect();
    let mut quoted = false;
    let (mut spaced, mut commas) = (false, 0);
    for (k, &c) in chars.iter().enumerate() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            ',' => {
                let digit = |j: Option<usize>| {
                    j.and_then(|j| chars.get(j))
                        .is_some_and(|d: &char| d.is_ascii_digit())
                };
                if !(digit(k.checked_sub(1)) && digit(Some(k + 1))) {
                    return false;
                }
                commas += 1;
            }
            c if c.is_whitespace() => spaced = true,
            _ => {}
        }
    }
    spaced && commas > 0
}

/// Text as the quote check compares it: no white space, no runs of web-page `|` debris, and a
/// Markdown escape (`\*`, `\<` in pandoc's output) read as the sign it escapes.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let stripped = strip_debris(s);
    // A page tesseract read is compared as extract reads it: its spaces, rules and slips.
    let stripped = crate::ocr::spaced(&stripped).unwrap_or(stripped);
    // A scanned page's OCR puts letters for digits inside figures (`6O%`): extract reads them as
    // digits, and so does the check, figure by figure as the text has them. Read after the
    // white space is gone, one line's last figure and the next line's row number in letters
    // would be one figure (`83.O` and `lO` as `83.010`), and no quote of the row found.
    let stripped = crate::ocr::digits(&stripped).unwrap_or(stripped);
    let mut chars = stripped.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Checks the catalog and every plan; with `sources` (one or more directories, searched in
/// order), every quote against its document.
#[cfg(test)]
pub fn validate(set: &super::PlanSet, sources: &[&Path]) -> Vec<Diagnostic> {
    let mut v = Validator::new(&set.catalog, sources);
    for p in set.plans() {
        v.plan(p);
    }
    v.diags
}

/// [`validate`] one plan at a time, so that a directory of thousands of plans is checked with
/// only one of them in memory: what the checks carry from plan to plan is each plan's id.
pub(crate) struct Validator<'c> {
    catalog: &'c CatalogIndex,
    sources: &'c [&'c Path],
    seen_ids: HashMap<String, String>,
    pub diags: Vec<Diagnostic>,
}

impl<'c> Validator<'c> {
    /// Starts with the catalog's own problems.
    pub(crate) fn new(catalog: &'c CatalogIndex, sources: &'c [&'c Path]) -> Validator<'c> {
        let mut diags = Vec::new();
        check_catalog(catalog, &mut diags);
        Validator {
            catalog,
            sources,
            seen_ids: HashMap::new(),
            diags,
        }
    }

    /// Checks one plan (in file order: a repeated id is reported on the later file).
    pub(crate) fn plan(&mut self, p: &PlanFile) {
        let diags = &mut self.diags;
        let earlier = self
            .seen_ids
            .insert(p.id().to_string(), p.source.name.clone());
        if let Some(first) = earlier {
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
        let sources = self.sources;
        let source_text = (!sources.is_empty()).then(|| read_source(sources, p, diags));
        check_plan(
            self.catalog,
            p,
            source_text.as_ref().and_then(|s| s.as_ref()),
            diags,
        );
    }
}

/// A source document as the checks compare with it: squashed, and squashed without any `|`
/// (a table printed with `|` between its cells, whose `table` text separates them by spaces).
pub(crate) struct Source {
    squashed: String,
    no_bars: String,
}

impl Source {
    pub(crate) fn new(text: &str) -> Source {
        // A converter's markup is read as extract reads it (an HTML table as `|` rows).
        let plain = crate::extract::markup::plain(text);
        let squashed = squash(plain.as_deref().unwrap_or(text));
        // Full-width bars (`｜`) and a drawn table's (`│`, w3m) separate cells as ASCII ones do.
        let no_bars = squashed.replace(CELL_BARS, "");
        Source { squashed, no_bars }
    }

    fn contains(&self, squashed: &str) -> bool {
        self.squashed.contains(squashed)
    }

    fn contains_row(&self, table: &str) -> bool {
        self.no_bars.contains(&squash(table).replace(CELL_BARS, ""))
    }
}

/// What separates a table's cells in a source: `|`, `｜`, and the bars of a drawn table.
const CELL_BARS: [char; 4] = ['|', '｜', '│', '┃'];

/// The plan's document from the first of `dirs` that has it.
fn read_source(dirs: &[&Path], p: &PlanFile, diags: &mut Vec<Diagnostic>) -> Option<Source> {
    match super::load::read_source_in(dirs, &p.plan.document.source) {
        // Read as extract reads it: a document saved by Notepad or WPS on a Chinese Windows is
        // GB18030 (GBK) or UTF-16, a .docx is the text it shows, and its draft's quotes are in
        // its own characters.
        Ok(bytes) => match crate::extract::read_document(&bytes) {
            Ok(text) => Some(Source::new(&text)),
            Err(e) => {
                let e = format!("{}: {e}", p.plan.document.source);
                source_error(p, e, diags)
            }
        },
        Err(e) => source_error(p, e, diags),
    }
}

/// An error at the plan's `source:` line: its source document cannot be read.
fn source_error(p: &PlanFile, e: String, diags: &mut Vec<Diagnostic>) -> Option<Source> {
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
        match &e.accrual {
            None => out.error(
                &e.id,
                crate::tr!(
                    "`{id}` 缺少 `accrual:`（flow、stock、rate 或 milestone: 一年之内如何累计）；从单位和名称看应为 `accrual: {}`",
                    "`{id}` lacks `accrual:` (flow, stock, rate or milestone: how it adds up within a year); its unit and name suggest `accrual: {}`",
                    e.proposed_accrual().name()
                ),
            ),
            Some(a) if (a.value == Accrual::Milestone) != (e.better == Better::Done) => out.error(
                a,
                crate::tr!(
                    "`{id}` 的 `accrual: {}` 与 `better: {}` 不符: 里程碑必须是 `accrual: milestone` 加 `better: done`，反之亦然",
                    "`{id}` has `accrual: {}` but `better: {}`: a milestone is `accrual: milestone` with `better: done`, and only then",
                    a.value.name(),
                    match e.better {
                        Better::Higher => "higher",
                        Better::Lower => "lower",
                        Better::Done => "done",
                    }
                ),
            ),
            Some(_) => {}
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
            && let Err(err) = super::memo::unit(&u.value)
        {
            out.error(u, err.to_string());
        }
        // `per` names a population the unit counts per (`千人口`): with the unit it must read as
        // a count per population, or a value typed per another size of it could not convert.
        if let Some(per) = &e.per {
            let per_unit = e.unit.as_ref().and_then(|u| {
                let base = crate::unit::Unit::parse(&u.value).ok()?;
                let p = crate::unit::Unit::parse(&format!("{}/{per}", u.value)).ok()?;
                (!p.is_compatible(&base)).then_some(p)
            });
            if per_unit.is_none() {
                out.error(
                    &e.id,
                    crate::tr!(
                        "`{id}` 的 `per: {per}` 须是人口的规模 (千人口、万老年人), 且指标须有 `unit`",
                        "`per: {per}` of `{id}` must be a size of a population (千人口, 万老年人), on an entry with a `unit`"
                    ),
                );
            }
        }
        if let Some(max) = e.max
            && (max <= rust_decimal::Decimal::ZERO || e.unit.is_none())
        {
            out.error(
                &e.id,
                crate::tr!(
                    "`{id}` 的 `max: {}` 须为正数, 且指标须有 `unit`",
                    "`max: {}` of `{id}` must be positive, on an entry with a `unit`",
                    max.normalize()
                ),
            );
        }
    }
}

fn check_plan(
    cat: &CatalogIndex,
    p: &PlanFile,
    source: Option<&Source>,
    diags: &mut Vec<Diagnostic>,
) {
    let plan = &p.plan;
    let mut out = Out {
        file: &p.source.name,
        diags,
    };
    let stem = Path::new(&p.source.name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    for t in &plan.todo {
        out.warning(t, crate::tr!("待定: {}", "TODO: {}", t.value));
    }
    if is_placeholder(&plan.jurisdiction.id.value) {
        out.warning(
            &plan.jurisdiction.id,
            crate::tr!(
                "待定: 选定计划 id（ASCII 拼音），并把文件命名为 `<id>.yaml`，而不是 `{stem}.yaml`",
                "TODO: choose the plan id (ASCII pinyin, then name the file `<id>.yaml`, not `{stem}.yaml`)"
            ),
        );
    } else if plan.jurisdiction.id.value != stem {
        out.error(
            &plan.jurisdiction.id,
            crate::tr!(
                "地区 id `{}` 与文件名 `{stem}` 不一致",
                "jurisdiction id `{}` differs from the file name `{stem}`",
                plan.jurisdiction.id.value
            ),
        );
    }
    check_document(plan, &mut out);
    let table_years = |rows: &mut dyn Iterator<Item = &crate::plan::Row>| -> Vec<i32> {
        rows.filter(|r| r.table.is_some())
            .flat_map(|r| r.baseline.as_deref().into_iter().chain(&r.targets))
            .filter(|f| f.cell.is_some())
            .map(|f| f.year.value)
            .collect()
    };
    check_columns(
        &plan.columns,
        &table_years(&mut plan.indicators.iter().filter(|r| r.columns.is_empty())),
        &mut out,
    );
    let (start, end) = (plan.period.start.value, plan.period.end.value);
    for y in [&plan.period.start, &plan.period.end, &plan.baseline_year]
        .into_iter()
        .chain(&plan.columns)
    {
        plausible_year(y, &mut out);
    }
    for c in &plan.columns {
        if c.value > end && YEARS.contains(&c.value) && start <= end {
            out.warning(
                c,
                crate::tr!(
                    "`columns` 中的 {} 年在计划期（{start}–{end}）结束之后: 是计划期写错了，还是这一列？",
                    "`columns` has {}, after the period ({start}–{end}) ends: is the period or the column wrong?",
                    c.value
                ),
            );
        }
    }
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
    let inferred = inferred_columns(plan);
    let mut seen: HashMap<&str, u64> = HashMap::new();

    for row in &plan.indicators {
        let id = &row.id.value;
        for t in row.todo.iter().chain(
            row.baseline
                .as_deref()
                .into_iter()
                .chain(&row.targets)
                .flat_map(|f| &f.todo),
        ) {
            out.warning(t, crate::tr!("待定: {}", "TODO: {}", t.value));
        }
        if is_placeholder(id) {
            out.warning(
                &row.id,
                crate::tr!(
                    "待定: 为 `{}` 选定指标目录 id（或在目录中新增条目）{}",
                    "TODO: choose a catalog id for `{}` (or add an entry to the catalog){}",
                    row.name,
                    cat.suggest(&row.name)
                ),
            );
            continue;
        }
        let Some(entry) = cat.get(id).filter(|e| &e.id.value == id) else {
            let folded = crate::diag::fold(id);
            let hint = match cat.get(&row.name) {
                // `Childcare-Inclusive-Share`, `ｃｈｉｌｄｃａｒｅ-…`: the id itself, typed in
                // capitals or full-width, whatever the row's name says.
                _ if folded != *id && cat.get(&folded).is_some_and(|e| e.id.value == folded) => {
                    crate::tr!(
                        "（是否想输入 `{folded}`？指标 id 用半角小写字母）",
                        " (did you mean `{folded}`? ids are in lower-case half-width letters)"
                    )
                }
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
        check_columns(
            &row.columns,
            &table_years(&mut std::iter::once(row)),
            &mut out,
        );
        check_marker(row, &mut out);
        let catalog_unit = entry
            .unit
            .as_ref()
            .and_then(|u| super::memo::unit(&u.value).ok());
        if let Some(u) = &row.unit {
            match (super::memo::unit(&u.value), &catalog_unit) {
                (Err(e), _) => out.error(u, e.to_string()),
                (Ok(_), Some(_)) if entry.is_unit_synonym(&u.value) => {}
                (Ok(pu), Some(cu)) if !pu.is_compatible(cu) => out.error(
                    u,
                    crate::tr!(
                        "单位 `{}` 无法换算成指标目录中 `{id}` 的单位 `{}`{}",
                        "unit `{}` cannot be converted to the catalog's unit `{}` for `{id}`{}",
                        u.value,
                        cu.printed(),
                        synonym_hint(&pu, cu, id)
                    ),
                ),
                _ => {}
            }
        }
        if let Some(table) = &row.table
            && let Some(src) = source
            && !src.contains_row(&table.value)
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
            .as_deref()
            .into_iter()
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
            plausible_year(&f.year, &mut out);
            check_measure(f, is_baseline, &mut out);
            // `op_reason` explains an operator written for a bare printed number: with no
            // operator in the cell (or no cell) it explains nothing.
            let cell_op = f
                .cell
                .as_ref()
                .and_then(|c| crate::threshold::Threshold::parse(&c.value).ok())
                .map(|t| t.op);
            if f.op_reason.is_some() && matches!(cell_op, None | Some(Op::Reach)) {
                out.warning(
                    &f.year,
                    crate::tr!(
                        "`op_reason: bare-number` 说明的是为不带符号的单元格添加的运算符，但 {year} 年的 `cell` 没有运算符：删去它",
                        "`op_reason: bare-number` explains an operator written for a bare printed cell, but the {year} `cell` has none: remove it"
                    ),
                );
            }
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
            if let (Some(cell), None) = (&f.cell, &row.table) {
                out.error(
                    cell,
                    crate::tr!(
                        "`cell` 需要它所在行的 `table`",
                        "`cell` needs the row's `table` it comes from"
                    ),
                );
            }
            // Parse both readings; report each one's own failure where it sits.
            let mut readings = Vec::new();
            for s in [&f.cell, &f.text].into_iter().flatten() {
                match super::memo::threshold(&s.value) {
                    Ok(t) => readings.push((s, t.resolve(entry.better))),
                    Err(e) => out.error(
                        s,
                        crate::tr!(
                            "无法解读 `{}`: {e}{}",
                            "cannot read `{}`: {e}{}",
                            s.value,
                            crate::diag::hint(ime_operator(&s.value).as_deref())
                        ),
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
                    .or(row.unit.as_ref().map(|u| u.value.to_string()));
                let unit_b = b
                    .unit
                    .clone()
                    .or(row.unit.as_ref().map(|u| u.value.to_string()));
                let norm = |t: &crate::threshold::Threshold, u: &Option<String>| {
                    let f = u
                        .as_deref()
                        .and_then(|u| super::memo::unit(u).ok())
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
            if !is_baseline {
                check_no_target(f, row, entry, &readings, &mut out);
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
            if let Some(tu) = &t.unit
                && !entry.is_unit_synonym(tu)
            {
                let context = entry.unit.as_ref().map_or("", |u| u.value.as_str());
                let tu = &crate::unit::complete(tu, context);
                match (super::memo::unit(tu), &catalog_unit) {
                    (Err(e), _) => out.error(*spot, e.to_string()),
                    (Ok(u), Some(cu)) if !u.is_compatible(cu) => out.error(
                        *spot,
                        crate::tr!(
                            "单位 `{tu}` 无法换算成指标目录中 `{id}` 的单位 `{}`{}",
                            "unit `{tu}` cannot be converted to the catalog's unit `{}` for `{id}`{}",
                            cu.printed(),
                            synonym_hint(&u, cu, id)
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
            // A share of a whole cannot pass its cap (catalog `max`): `150` for 普惠托位占比 is a
            // slip in the plan, and every value judged against it would be judged wrongly.
            if let Some(max) = entry.max
                && let Ok(r) = resolve(row, entry, f)
                && let Some(v) = r.value.filter(|v| *v > max)
            {
                let msg = crate::tr!(
                    "`{id}` 的{what} {} 超过其可能的最大值 {}（指标目录 `max`）",
                    "the {what} {} of `{id}` is above {}, the most it can be (catalog `max`)",
                    v.normalize(),
                    max.normalize()
                );
                match &f.cell {
                    Some(c) => out.error(c, msg),
                    None => out.error(&f.year, msg),
                }
            }
            // The baseline starts the path: a lower-is-better rate planned from 8.4 to 9.1 moves
            // the wrong way even when every target year agrees with the next.
            if f.scope == crate::plan::schema::Scope::Level
                && f.kind.is_level()
                && f.no_target.is_none()
                && !(is_baseline && row.targets.iter().any(|t| t.year.value <= year))
                && let Ok(r) = resolve(row, entry, f)
                && let (true, Some(v)) = (r.is_numeric(), r.value)
            {
                path.push((year, v));
            }
        }
        if let Some(table) = &row.table {
            check_cells(plan, &inferred, row, entry, table, &mut out);
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
            let from_baseline = row.baseline.as_ref().is_some_and(|b| b.year.value == y0);
            let target = row.targets.iter().find(|f| f.year.value == y1);
            // A floor the baseline already meets (惠民保 72.66 → `>70`) asks no movement: its
            // operator is printed, so it is what the plan says, not a slip.
            if from_baseline && target.is_some_and(|f| is_floor(f, entry.better)) {
                continue;
            }
            if wrong && let Some(f) = target {
                let from = if from_baseline {
                    crate::i18n::pick("（基期）", " (the baseline)")
                } else {
                    ""
                };
                out.warning(
                    &f.year,
                    crate::tr!(
                        "`{id}` 的走向反了: {y0} 年{from} {}，{y1} 年 {}",
                        "`{id}` moves the wrong way: {} in {y0}{from}, {} in {y1}",
                        v0.normalize(),
                        v1.normalize()
                    ),
                );
            }
        }
    }
}

/// A hint for a printed unit the catalog names differently: where both count things per the
/// same population (`名` and `个` for a per-thousand count), the entry may declare it.
fn synonym_hint(printed: &Unit, catalog: &Unit, id: &str) -> String {
    const MEASURES: &[&str] = &[
        "%",
        "百分点",
        "元",
        "岁",
        "年",
        "个月",
        "天",
        "个工作日",
        "分钟",
        "平方米",
        "亩",
        "米",
        "微克/立方米",
        "吨",
        "分",
        "倍",
    ];
    let split = |u: &Unit| {
        let b = u.base().to_string();
        match b.split_once('/') {
            Some((head, per)) if !MEASURES.contains(&b.as_str()) => {
                (head.to_string(), per.to_string())
            }
            _ => (b, String::new()),
        }
    };
    let ((ph, pp), (ch, cp)) = (split(printed), split(catalog));
    let counts = |h: &str| !MEASURES.contains(&h);
    if pp != cp || !counts(&ph) || !counts(&ch) || printed.factor() != catalog.factor() {
        return String::new();
    }
    crate::tr!(
        "；若 `{}` 与 `{}` 计的是同一个量，请在指标目录 `{id}` 条目的 `unit_synonyms` 中加上 `{}`",
        "; if `{}` counts the same thing as `{}` here, add `{}` to `unit_synonyms` of `{id}` in the catalog",
        printed.printed(),
        catalog.printed(),
        printed.printed()
    )
}

/// The sign printed on an indicator's name belongs in `printed_marker`, and `printed_marker`
/// holds a sign, not words.
fn check_marker(row: &crate::plan::Row, out: &mut Out) {
    const SIGNS: &[char] = &[
        '☆', '★', '*', '＊', '▲', '△', '※', '#', '＃', '●', '○', '◆', '◇', '■', '□', '√',
    ];
    let name = row.name.trim_start();
    if let Some(sign) = name.chars().next().filter(|c| SIGNS.contains(c)) {
        out.warning(
            &row.id,
            crate::tr!(
                "名称 `{}` 以符号 `{sign}` 开头：名称写不带符号的 `{}`，符号写在 `printed_marker: \"{sign}\"`",
                "name `{}` starts with the sign `{sign}`: write the name without it, `{}`, and the sign as `printed_marker: \"{sign}\"`",
                row.name,
                name.trim_start_matches(SIGNS).trim_start()
            ),
        );
    }
    if let Some(spot) = &row.printed_marker {
        let m = &spot.value;
        let ok = !m.trim().is_empty()
            && m.chars().count() <= 3
            && !m.chars().any(|c| c.is_alphanumeric());
        if !ok {
            out.error(
                spot,
                crate::tr!(
                    "`printed_marker: {m}` 应是印在名称或序号上的符号（`☆`、`*`、`▲`），不是文字：其含义写在 `note` 中",
                    "`printed_marker: {m}` is the sign printed on the name or label (`☆`, `*`, `▲`), not words: say what it means in `note`"
                ),
            );
        }
    }
}

/// Whether a figure prints its operator in the indicator's better direction (`>70`, `不低于95%`,
/// `控制在5%以内` for a lower-is-better rate): a floor or a ceiling, not a point to reach.
fn is_floor(f: &crate::plan::Figure, better: Better) -> bool {
    let written = f
        .cell
        .as_ref()
        .or(f.text.as_ref())
        .and_then(|s| super::memo::threshold(&s.value).ok());
    written.is_some_and(|t| {
        matches!(
            (better, t.op),
            (Better::Higher, Op::Ge | Op::Gt) | (Better::Lower, Op::Le | Op::Lt)
        )
    })
}

/// `kind` and `from` say what a baseline measures: an average or a total needs the first year of
/// its span; a level has no span; a target has neither (its `scope` says how it adds up).
fn check_measure(f: &crate::plan::Figure, is_baseline: bool, out: &mut Out) {
    use crate::plan::schema::Measure;
    let year = f.year.value;
    if !is_baseline {
        if !f.kind.is_level() {
            out.error(
                &f.year,
                crate::tr!(
                    "`kind: {}` 只用于基础值（它衡量的是什么）；目标用 `scope`（是否想写 `scope: {}`？）",
                    "`kind: {}` is for a baseline (what it measures); a target says `scope` (did you mean `scope: {}`?)",
                    f.kind.name(),
                    if f.kind == Measure::Total { "cumulative" } else { "level" }
                ),
            );
        }
        if let Some(from) = &f.from {
            out.error(
                from,
                crate::tr!(
                    "`from` 只用于平均值或累计值的基础值（其时段的起始年份），不用于目标",
                    "`from` belongs to an average or total baseline (the first year of its span), not to a target"
                ),
            );
        }
        return;
    }
    match (&f.from, f.kind) {
        (None, Measure::Average | Measure::Total) => out.error(
            &f.year,
            crate::tr!(
                "`kind: {}` 的基础值需要 `from`：其时段的起始年份（“十三五”为 `from: 2016`），时段止于 {year} 年",
                "a `kind: {}` baseline needs `from`: the first year of its span (`from: 2016` for 十三五), which ends in {year}",
                f.kind.name()
            ),
        ),
        (Some(from), Measure::Level) => out.error(
            from,
            crate::tr!(
                "`from` 只用于 `kind: average` 或 `kind: total`：某一年的水平值没有时段",
                "`from` goes with `kind: average` or `kind: total`: a year's level has no span"
            ),
        ),
        (Some(from), _) if from.value >= year => out.error(
            from,
            crate::tr!(
                "时段起于 {} 年，不早于止于的 {year} 年",
                "the span starts in {}, not before it ends in {year}",
                from.value
            ),
        ),
        _ => {}
    }
}

/// `todo`, `todo-3`: a draft's placeholder for an id a person must choose.
fn is_placeholder(id: &str) -> bool {
    let id = id.trim();
    id == "todo"
        || id
            .strip_prefix("todo-")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The optional document fields: absent is fine when `not_in_source` says so, a warning when
/// it does not (an omission, or a fact?); a date must be a date.
fn check_document(plan: &crate::plan::Plan, out: &mut Out) {
    use crate::plan::schema::DocField;
    let d = &plan.document;
    let said = |f: DocField| d.not_in_source.contains(&f);
    let at_id = &plan.jurisdiction.id;
    if d.issuer.is_none() && !said(DocField::Issuer) {
        out.warning(
            at_id,
            crate::tr!(
                "document 缺少 `issuer`：请填写，或在 `not_in_source` 中列出 `issuer`",
                "document has no `issuer`: give it, or list `issuer` under `not_in_source`"
            ),
        );
    }
    match &d.date {
        None if !said(DocField::Date) => out.warning(
            at_id,
            crate::tr!(
                "document 缺少 `date`：请填写，或在 `not_in_source` 中列出 `date`",
                "document has no `date`: give it, or list `date` under `not_in_source`"
            ),
        ),
        Some(date) if !is_date(&date.value) => out.error(
            date,
            crate::tr!(
                "日期 `{}` 不是 YYYY-MM-DD（或 YYYY-MM）{}",
                "date `{}` is not YYYY-MM-DD (or YYYY-MM){}",
                date.value,
                crate::diag::hint(iso_date(&date.value).as_deref())
            ),
        ),
        _ => {}
    }
    for f in &d.not_in_source {
        let given = match f {
            DocField::Issuer => d.issuer.is_some(),
            DocField::Date => d.date.is_some(),
            DocField::Number => d.number.is_some(),
            DocField::Url => d.url.is_some(),
        };
        if given {
            out.warning(
                at_id,
                crate::tr!(
                    "`{}` 已填写，却列在 `not_in_source` 中",
                    "`{}` is given but listed under `not_in_source`",
                    f.name()
                ),
            );
        }
    }
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y, m] => num(y, 4) && num(m, 2),
        [y, m, d] => num(y, 4) && num(m, 2) && num(d, 2),
        _ => false,
    }
}

/// `no_target` against what the figure says: only a `/` (or an empty reading) is not assessed or
/// observational; only a number of the schedule can be not yet due.
fn check_no_target(
    f: &crate::plan::Figure,
    row: &crate::plan::Row,
    entry: &crate::plan::Entry,
    readings: &[(&Spanned<Text>, crate::threshold::Threshold)],
    out: &mut Out,
) {
    use crate::plan::schema::{Marker, NoTarget};
    let Some((spot, t)) = readings.first() else {
        return;
    };
    if f.zero_is_target {
        if f.no_target.is_some() {
            out.error(
                *spot,
                crate::tr!(
                    "`zero_is_target: true` 说这个 0 是目标，`no_target` 却说它不是：请保留一个",
                    "`zero_is_target: true` says this 0 is a target and `no_target` says it is not: keep one"
                ),
            );
        } else if !f.schedule_zero(row, entry.better) {
            out.warning(
                *spot,
                crate::tr!(
                    "`zero_is_target: true` 只用于之后有更高目标的不带符号的 `0`（指标越高越好）；`{}` 不是这样的 0：删去它",
                    "`zero_is_target: true` is for a bare `0` before higher targets of a higher-is-better indicator; `{}` is no such 0: remove it",
                    spot.value
                ),
            );
        }
    }
    match f.no_target {
        // A `/` says no target, not why: not assessed that year, or an observational row (whose
        // `▲` marker already says it).
        None if t.op == Op::None && row.marker != Some(Marker::Observational) => {
            out.warning(
                *spot,
                crate::tr!(
                    "`{}` 没有目标，请写明原因：`no_target: not-assessed`（当年不考核）或 `no_target: observational`（观察性指标）",
                    "`{}` sets no target: say why, `no_target: not-assessed` (not assessed that year) or `no_target: observational` (an observational indicator)",
                    spot.value.trim()
                ),
            );
        }
        // A schedule's `0` (`0 0 100`) is judged as not yet due (`Figure::not_due`): say so, or
        // say that the 0 is meant.
        None if f.not_due(row, entry.better) => {
            out.warning(
                *spot,
                crate::tr!(
                    "`{}` 在之后更高的目标之前，按进度表中的 0 判为未到考核年份（当年无目标）：请写 `no_target: not-due` 确认；若这个 0 就是目标，请写 `zero_is_target: true`",
                    "`{}` before higher targets is judged as a schedule's 0, not yet due (no target that year): confirm it with `no_target: not-due`, or say `zero_is_target: true` if the 0 is meant",
                    spot.value
                ),
            );
        }
        None => {}
        Some(NoTarget::NotDue) if t.op != Op::None && t.value.is_some_and(|v| !v.is_zero()) => {
            out.error(
                *spot,
                crate::tr!(
                    "`no_target: not-due` 只用于进度表中的 `0`（当年尚无任务）；`{}` 是一个要达到的目标",
                    "`no_target: not-due` is for a schedule's `0` (nothing due yet); `{}` is a target to reach",
                    spot.value
                ),
            );
        }
        Some(NoTarget::NotDue) if t.op == Op::None => {
            out.error(
                *spot,
                crate::tr!(
                    "`no_target: not-due` 用于进度表中的数字（`0`）；`/` 应为 `not-assessed` 或 `observational`",
                    "`no_target: not-due` is for a schedule's number (`0`); a `/` is `not-assessed` or `observational`"
                ),
            );
        }
        Some(NoTarget::NotDue) => {}
        Some(NoTarget::Observational) if row.marker != Some(Marker::Observational) => {
            out.warning(
                *spot,
                crate::tr!(
                    "`no_target: observational` 所在的行没有标 `marker: observational`",
                    "`no_target: observational` on a row not marked `marker: observational`"
                ),
            );
        }
        Some(_) if t.op != Op::None => {
            out.error(
                *spot,
                crate::tr!(
                    "`no_target` 说此处没有目标，但 `{}` 是一个目标",
                    "`no_target` says this figure sets no target, but `{}` is one",
                    spot.value
                ),
            );
        }
        Some(_) => {}
    }
}

/// The ways a row's cells can be read: as printed, then (where the row has such a cell) with
/// each cell printing two years' figures as two (`4.2/4.6` under `2024年/2025年目标值`, as
/// extract reads it: `crate::extract::markup::figure_pair`; `8/10万` stays one). Only the plan's
/// cells tell which is meant — a `2025/12` date or `85/70` for two groups is one cell — so the
/// checks take the reading that explains them.
fn readings(cells: &[String]) -> impl Iterator<Item = Vec<String>> + '_ {
    let split = cells
        .iter()
        .any(|c| crate::extract::markup::figure_pair(c).is_some())
        .then(|| {
            let mut out = Vec::with_capacity(cells.len() + 1);
            for c in cells {
                match crate::extract::markup::figure_pair(c) {
                    Some((a, b)) => out.extend([squash(&a), squash(&b)]),
                    None => out.push(c.clone()),
                }
            }
            out
        });
    std::iter::once(cells.to_vec()).chain(split)
}

/// A row's printed cells, squashed: split at `|` where the row has them, else at white space,
/// and each at `、` (the parts of a composite cell).
fn row_cells(table: &str) -> Vec<String> {
    let stripped = note_marks(&strip_debris(table)).1;
    if let Some(cells) = csv_cells(&stripped) {
        return cells
            .iter()
            .flat_map(|c| c.split('、'))
            .map(squash)
            .filter(|c| !c.is_empty())
            .collect();
    }
    let raw: Vec<&str> = if stripped.contains(['|', '｜']) {
        stripped.split(['|', '｜']).collect()
    } else {
        stripped.split_whitespace().collect()
    };
    raw.iter()
        .flat_map(|c| c.split('、'))
        .map(squash)
        .filter(|c| !c.is_empty())
        .collect()
}

/// Where `cell` is printed as one whole cell (or, for OCR-split cells such as `94. 5`, a run of
/// up to three pieces) at or after `from`: the run's (start, end).
fn find_cell(cells: &[String], from: usize, cell: &str) -> Option<(usize, usize)> {
    (from..cells.len()).find_map(|s| {
        let mut joined = String::new();
        for (k, piece) in cells.iter().enumerate().skip(s).take(3) {
            joined.push_str(piece);
            if joined == cell {
                return Some((s, k + 1));
            }
            if !cell.starts_with(&joined) {
                return None;
            }
        }
        None
    })
}

/// A row's printed cells, squashed and whole, for reading it by its columns. A row printed with
/// `|` is split there, and an empty cell between two bars is kept (`""`: a column that prints
/// nothing, so the columns after it stay in place). A row separated by white space is split
/// there, with what OCR and typing split joined again — a lone sign with its number (`< 5`), a
/// number split at its point (`94. 5`, `95 . 5`). A composite cell (`职工86、城乡居民70`) stays one.
fn printed_cells(table: &str) -> Vec<String> {
    // A footnote mark on a cell (`4.6②`, `3.9[^1]`) points to a note: no part of the figure.
    let stripped = note_marks(&strip_debris(table)).1;
    // A row of a spreadsheet saved as CSV: its cells are between its commas.
    if let Some(cells) = csv_cells(&stripped) {
        return cells.iter().map(|c| squash(c)).collect();
    }
    // Full-width bars (`｜`) are bars too.
    if stripped.contains(['|', '｜']) {
        let t = stripped.trim();
        let t = t.strip_prefix(['|', '｜']).unwrap_or(t);
        let t = t.strip_suffix(['|', '｜']).unwrap_or(t);
        return t.split(['|', '｜']).map(squash).collect();
    }
    let is_sign = |c: &str| !c.is_empty() && c.chars().all(|ch| "<>≤≥＜＞=≈~～≦≧⩽⩾".contains(ch));
    let mut out: Vec<String> = Vec::new();
    for c in stripped.split_whitespace().map(squash) {
        if let Some(last) = out.last_mut() {
            let joins = is_sign(last)
                || (last.ends_with(|ch: char| ch.is_ascii_digit()) && c.starts_with('.'))
                || (last.ends_with('.') && c.starts_with(|ch: char| ch.is_ascii_digit()));
            if joins {
                last.push_str(&c);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// What OCR prints where it could not read a character: shades and the replacement character.
const ILLEGIBLE: &[char] = &['░', '▒', '▓', '█', '\u{FFFD}'];

/// A printed cell that holds a figure: a number the threshold parser reads (`≥85`, `4.0`,
/// `80以上`), each part of a composite cell (`职工86、城乡居民70`), a no-target sign (`/`, `—`),
/// or a short milestone word (`建成`, `创成`) — not a name, a label (`*1`) or a department
/// (`建设局` holds a milestone verb but names an office).
fn is_figure_cell(c: &str) -> bool {
    // An empty cell of a `|` row: a figure column that prints nothing.
    if c.is_empty() {
        return true;
    }
    // A figure OCR could not read whole (`l3▒0`: a shade where a digit was) is still the cell of
    // its column, one the plan gives no figure for.
    if c.contains(ILLEGIBLE)
        && c.chars()
            .all(|ch| ch.is_ascii_digit() || ch == '.' || ILLEGIBLE.contains(&ch))
    {
        return true;
    }
    // A multiple of the baseline in words (`翻一番`) is printed in its year's column too.
    if c.contains('番') && crate::threshold::Threshold::read(c).is_ok_and(|r| r.relative.is_some())
    {
        return true;
    }
    if c.chars()
        .any(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
    {
        // A change (`年均增长6%`, `较上年提高1个百分点`) is no level a plan can hold, but it is
        // printed in its year's column as any figure is: counted, so the row's other cells keep
        // their columns.
        return c.split('、').all(|p| {
            super::memo::threshold(p).is_ok()
                || crate::threshold::Threshold::read(p).is_ok_and(|r| r.relative.is_some())
        });
    }
    const OFFICE: &[char] = &[
        '局', '委', '办', '院', '部', '会', '厅', '处', '站', '所', '府', '社', '队', '团', '司',
        '心', '联',
    ];
    match super::memo::threshold(c) {
        Ok(t) if t.op == Op::None => true,
        Ok(t) if t.op == Op::Done => c.chars().count() <= 4 && !c.ends_with(OFFICE),
        _ => false,
    }
}

/// The figure cells of a row whose table has `n` figure columns: the last run of consecutive
/// figure cells, its last `n` (the columns end where the department begins). A cut-off row
/// (`truncated`) keeps the cells it has, from the left. `None` when the row prints fewer, or,
/// with `exact` (columns only inferred from the figures' years, which may be fewer than the
/// table prints: a plan encoding only 2022 and 2027 of six columns), other than `n`.
fn figure_cells(cells: &[String], n: usize, truncated: bool, exact: bool) -> Option<Vec<&str>> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        if is_figure_cell(&cells[i]) {
            let s = i;
            while i < cells.len() && is_figure_cell(&cells[i]) {
                i += 1;
            }
            // A review's 进度评价 column after the figures (`符合进度`, `已完成`) reads as a
            // milestone word but assesses the row: it ends the figures.
            let mut e = i;
            while e > s && is_assessment(&cells[e - 1]) {
                e -= 1;
            }
            if e > s {
                runs.push((s, e));
            }
        } else {
            i += 1;
        }
    }
    let pick = |(s, e): (usize, usize)| cells[s..e].iter().map(String::as_str).collect();
    if let Some(&(s, e)) = runs.iter().rev().find(|(s, e)| e - s >= n) {
        return (!exact || e - s == n).then(|| pick((e - n, e)));
    }
    if truncated {
        return runs.last().map(|&r| pick(r));
    }
    None
}

/// A cell that assesses a row's progress rather than states a figure: `符合进度`, `进度滞后`,
/// `已完成`, `超额完成`, `未达标`.
fn is_assessment(c: &str) -> bool {
    ["进度", "滞后", "已完成", "超额", "未完成", "达标"]
        .iter()
        .any(|w| c.contains(w))
}

/// Whether `want` is the printed cell, or one part of a composite one (`职工86`).
fn is_cell(printed: &str, want: &str) -> bool {
    printed == want || printed.split('、').any(|p| p == want)
}

/// A printed row as `validate` reads it, for `extract` to write a draft that `validate` reads the
/// same way: its figure cells (squashed, whole), all of the last run, or (with `columns`) the
/// cells `validate` places in those columns.
pub(crate) struct PrintedRow {
    cells: Vec<String>,
}

impl PrintedRow {
    /// The row's readings, as printed first (see [`readings`]): a draft takes the one whose
    /// cells hold its figures, as `validate` does.
    pub(crate) fn readings(table: &str) -> Vec<PrintedRow> {
        readings(&printed_cells(table))
            .map(|cells| PrintedRow { cells })
            .collect()
    }

    /// The row's last run of figure cells: as many figure columns as it prints.
    pub(crate) fn last_run(&self) -> Vec<&str> {
        figure_cells(&self.cells, usize::MAX, true, false).unwrap_or_default()
    }

    /// The cells `validate` reads in `n` stated columns (a `truncated` row: from the left).
    pub(crate) fn by_columns(&self, n: usize, truncated: bool) -> Option<Vec<&str>> {
        figure_cells(&self.cells, n, truncated, false)
    }

    /// Whether a figure's `cell` is the printed cell `printed` (or one part of it).
    pub(crate) fn holds(printed: &str, cell: &str) -> bool {
        is_cell(printed, &squash(cell))
    }
}

/// The figure columns a row is read by, and whether the plan states them: the row's `columns`,
/// else the plan's, else the years of the plan's table figures (a table's columns are its
/// figures' years, left to right).
fn row_columns(
    plan: &crate::plan::Plan,
    row: &crate::plan::Row,
    inferred: &[i32],
) -> (Vec<i32>, bool) {
    let stated = if row.columns.is_empty() {
        &plan.columns
    } else {
        &row.columns
    };
    if !stated.is_empty() {
        return (stated.iter().map(|c| c.value).collect(), true);
    }
    (inferred.to_vec(), false)
}

/// A table's columns when the plan does not state them: the years of its table figures.
fn inferred_columns(plan: &crate::plan::Plan) -> Vec<i32> {
    let mut years: Vec<i32> = plan
        .indicators
        .iter()
        .filter(|r| r.table.is_some())
        .flat_map(|r| r.baseline.as_deref().into_iter().chain(&r.targets))
        .filter(|f| f.cell.is_some())
        .map(|f| f.year.value)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The years a plan can speak of. A year outside them (`-2023`, `20225`) is a slip of the
/// keyboard; said as such, before the period checks it upsets are read as the problem.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn plausible_year(y: &Spanned<i32>, out: &mut Out) {
    if !YEARS.contains(&y.value) {
        out.error(
            y,
            crate::tr!(
                "`{}` 不是年份: 应为 {}–{} 之间的四位年份（如 2024）",
                "`{}` is not a year: expected a four-digit year from {} to {} (as 2024)",
                y.value,
                YEARS.start(),
                YEARS.end()
            ),
        );
    }
}

/// Stated columns are the header's years left to right, each once (a year split into 目标值 and
/// 挑战值 columns twice, side by side). Not necessarily in year order: a review's table prints
/// `2020年基期值 | 2025年目标值 | 2022年完成值`. `years`: the years of the figures read by them.
fn check_columns(columns: &[Spanned<i32>], years: &[i32], out: &mut Out) {
    // A year twice side by side is a split one (`2025年` over `目标值` / `挑战值`) unless a
    // figure's year is then missing: `[2022, 2025, 2025]` for a 2027 cell is a slip of the hand.
    let complete = years.iter().all(|y| columns.iter().any(|c| c.value == *y));
    for (k, c) in columns.iter().enumerate() {
        let beside = complete
            && k > 0
            && columns[k - 1].value == c.value
            && (k < 2 || columns[k - 2].value != c.value);
        if !beside && columns[..k].iter().any(|e| e.value == c.value) {
            out.error(
                c,
                crate::tr!(
                    "`columns` 按表头从左到右列出年份，每年一次：{} 出现了两次",
                    "`columns` lists the header's years left to right, each once: {} is there twice",
                    c.value
                ),
            );
        }
    }
}

/// Checks each figure's cell by its place in the row. Where the row's figure columns are known
/// (`columns`, or the plan's table years) each cell must be the cell printed in its own year's
/// column: not a piece of one (`5.55` where the column prints `>5.55`), not another year's, and
/// with no operator the column does not print (`≥32` for a bare `32`) unless the bare-number
/// rule is the stated reason. Where they are not (a row of another layout), the figures must
/// be whole cells in year order, consecutive years in adjacent cells.
fn check_cells(
    plan: &crate::plan::Plan,
    inferred: &[i32],
    row: &crate::plan::Row,
    entry: &crate::plan::Entry,
    table: &Spanned<String>,
    out: &mut Out,
) {
    let mut figures: Vec<&crate::plan::Figure> = row
        .baseline
        .as_deref()
        .into_iter()
        .chain(&row.targets)
        .filter(|f| f.cell.is_some())
        .collect();
    if figures.is_empty() {
        return;
    }
    figures.sort_by_key(|f| f.year.value);
    let (columns, stated) = row_columns(plan, row, inferred);
    // The row as printed, or with its cells of two years' figures split: the reading that
    // explains the plan's cells best (as printed where both do).
    let printed = printed_cells(&table.value);
    let best = readings(&printed)
        .filter_map(|cells| {
            let cells = figure_cells(&cells, columns.len(), row.truncated, !stated)?;
            Some(check_by_column(
                row, entry, &columns, &cells, &figures, stated,
            ))
        })
        .min_by_key(Vec::len);
    match best {
        Some(problems) => {
            for (spot, msg) in problems {
                out.error(spot, msg);
            }
        }
        None if stated => {
            let n = printed
                .split(|c| !is_figure_cell(c))
                .map(<[String]>::len)
                .max()
                .unwrap_or(0);
            out.error(
                table,
                crate::tr!(
                    "该行只印有 {n} 个数字单元格，而 `columns` 有 {} 列（{}）：若原文此行残缺，请写 `truncated: true`；若此行属于另一张表，请在该行写出它的 `columns`",
                    "the row prints {n} figure cells where `columns` has {} ({}): if the source row is cut off, say `truncated: true`; if it belongs to another table, give the row its own `columns`",
                    columns.len(),
                    years_list(&columns)
                ),
            );
        }
        None => check_by_order(row, entry, table, &figures, out),
    }
}

/// Years as a list to read: `2022, 2023, 2024`.
pub(crate) fn years_list(columns: &[i32]) -> String {
    columns
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The problems of `figures` against the row's figure `cells`, one per column of `columns`.
fn check_by_column<'a>(
    row: &crate::plan::Row,
    entry: &crate::plan::Entry,
    columns: &[i32],
    cells: &[&str],
    figures: &[&'a crate::plan::Figure],
    stated: bool,
) -> Vec<(&'a Spanned<Text>, String)> {
    let mut problems = Vec::new();
    for f in figures.iter().copied() {
        let Some(cell) = &f.cell else { continue };
        let want = squash(&cell.value);
        let year = f.year.value;
        let Some(k) = columns.iter().position(|y| *y == year) else {
            // Only stated columns can lack a figure's year: inferred ones are the figures' years.
            if stated {
                problems.push((
                    cell,
                    crate::tr!(
                        "{year} 年的单元格 `{}`：表格的 `columns`（{}）中没有 {year} 年这一列",
                        "cell `{}` for {year}: the table's `columns` ({}) have no {year} column",
                        cell.value,
                        years_list(columns)
                    ),
                ));
            }
            continue;
        };
        let Some(&there) = cells.get(k) else {
            problems.push((
                cell,
                crate::tr!(
                    "{year} 年的单元格 `{}`：原文此行在 {year} 年那一列之前就断了（`truncated`）",
                    "cell `{}` for {year}: the row is cut off before {year}'s column (`truncated`)",
                    cell.value
                ),
            ));
            continue;
        };
        if is_cell(there, &want) {
            continue;
        }
        // A year split into a target and a stretch column: its figure is either.
        let split = columns
            .iter()
            .zip(cells)
            .any(|(y, c)| *y == year && is_cell(c, &want));
        if split {
            continue;
        }
        if let Some(j) = cells.iter().position(|c| is_cell(c, &want)) {
            problems.push((
                cell,
                crate::tr!(
                    "{year} 年的单元格 `{}` 印在 {} 年那一列；{year} 年那一列印的是 `{there}`",
                    "cell `{}` for {year} is printed in {}'s column; {year}'s column prints `{there}`",
                    cell.value,
                    columns[j]
                ),
            ));
            continue;
        }
        if let Some(msg) = bare_number(f, entry, cell, there) {
            if let Some(msg) = msg {
                problems.push((cell, msg));
            }
            continue;
        }
        let msg = if there.contains(want.as_str()) {
            crate::tr!(
                "{year} 年的单元格 `{}` 只是印出的单元格 `{there}` 的一部分：请照印样抄写整个单元格",
                "cell `{}` for {year} is part of the printed cell `{there}`, not a whole cell: copy the cell as printed",
                cell.value
            )
        } else {
            crate::tr!(
                "{year} 年那一列印的是 `{there}`，不是 `{}`{}",
                "{year}'s column prints `{there}`, not `{}`{}",
                cell.value,
                if row.truncated {
                    crate::i18n::pick(
                        "（该行残缺：请核对 `columns`）",
                        " (the row is cut off: check `columns`)",
                    )
                } else {
                    ""
                }
            )
        };
        problems.push((cell, msg));
    }
    problems
}

/// `≥32` written for a printed bare `32`: `None` when the printed cell is not that bare number;
/// `Some(None)` when the bare-number rule is the stated reason and gives that operator;
/// `Some(Some(message))` otherwise.
fn bare_number(
    f: &crate::plan::Figure,
    entry: &crate::plan::Entry,
    cell: &Spanned<Text>,
    printed: &str,
) -> Option<Option<String>> {
    let written = super::memo::threshold(&cell.value)
        .ok()
        .filter(|t| t.op != Op::Reach)?;
    let bare = super::memo::threshold(printed)
        .ok()
        .filter(|t| t.op == Op::Reach && t.value.is_some() && t.value == written.value)?;
    let v = bare.value?.normalize();
    let rule_op = match entry.better {
        Better::Higher => Op::Ge,
        Better::Lower => Op::Le,
        Better::Done => return Some(None),
    };
    let stated = f.op_reason == Some(crate::plan::schema::OpReason::BareNumber);
    Some(match (stated, written.op == rule_op) {
        (true, true) => None,
        (true, false) => Some(crate::tr!(
            "单元格 `{}`：不带符号的 `{v}` 按规则读作 `{}{v}`（指标的较优方向），不是 `{}`",
            "cell `{}`: by the rule a bare `{v}` reads `{}{v}` (the indicator's better direction), not `{}`",
            cell.value,
            rule_op.symbol(),
            written.op.symbol()
        )),
        (false, _) => Some(crate::tr!(
            "单元格 `{}`：该行印的是不带符号的 `{v}`：请照印样抄写（不带符号的数字按指标的较优方向解读），或写明 `op_reason: bare-number`",
            "cell `{}`: the row prints a bare `{v}`: copy it as printed (a bare number reads in the indicator's better direction), or state `op_reason: bare-number`",
            cell.value
        )),
    })
}

/// Where the row's columns are not known: each figure a whole cell, in year order, consecutive
/// years in adjacent cells.
fn check_by_order(
    row: &crate::plan::Row,
    entry: &crate::plan::Entry,
    table: &Spanned<String>,
    figures: &[&crate::plan::Figure],
    out: &mut Out,
) {
    // The first figure's cell may also be printed earlier in the row (a row label `16` before
    // the value 16): of the places it could start, in either reading of the row, the one that
    // explains the row best counts.
    let first = figures
        .first()
        .and_then(|f| f.cell.as_ref())
        .map(|c| squash(&c.value))
        .unwrap_or_default();
    let best = readings(&row_cells(&table.value))
        .flat_map(|cells| {
            let mut starts: Vec<usize> = (0..cells.len())
                .filter(|s| find_cell(&cells, *s, &first).is_some_and(|(b, _)| b == *s))
                .collect();
            starts.push(0);
            starts
                .into_iter()
                .map(|s| place_cells(row, entry, table, &cells, figures, s))
                .collect::<Vec<_>>()
        })
        .min_by_key(Vec::len)
        .unwrap_or_default();
    for (spot, msg) in best {
        out.error(spot, msg);
    }
}

/// The problems of placing `figures` (in year order) in the row's `cells`, the first searched
/// from `start`.
fn place_cells<'a>(
    row: &crate::plan::Row,
    entry: &crate::plan::Entry,
    table: &Spanned<String>,
    cells: &[String],
    figures: &[&'a crate::plan::Figure],
    start: usize,
) -> Vec<(&'a Spanned<Text>, String)> {
    let mut problems = Vec::new();
    let cells = cells.to_vec();
    let mut prev: Option<(i32, usize)> = None;
    for f in figures.iter().copied() {
        let Some(cell) = &f.cell else { continue };
        let want = squash(&cell.value);
        let year = f.year.value;
        let from = prev.map_or(start, |(_, end)| end);
        if let Some((s, e)) = find_cell(&cells, from, &want) {
            if let Some((py, pend)) = prev
                && py + 1 == year
                && s != pend
            {
                problems.push((
                    cell,
                    crate::tr!(
                        "{year} 年的单元格 `{}` 不在 {year} 年那一列：{py} 年之后的单元格印的是 `{}`",
                        "cell `{}` for {year} is not in {year}'s column: the cell after {py}'s prints `{}`",
                        cell.value,
                        cells.get(pend).map_or("", String::as_str)
                    ),
                ));
            }
            prev = Some((year, e));
            continue;
        }
        if find_cell(&cells, 0, &want).is_some() {
            problems.push((
                cell,
                crate::tr!(
                    "{year} 年的单元格 `{}` 印在更早年份的单元格之前：是否填错了年份列？",
                    "cell `{}` for {year} is printed before the cell of an earlier year: is it in the wrong year's column?",
                    cell.value
                ),
            ));
            continue;
        }
        // `≥32` for a printed bare `32`: only with the bare-number rule as the stated reason.
        let bare = super::memo::threshold(&cell.value)
            .ok()
            .filter(|t| t.op != Op::Reach)
            .and_then(|t| t.value)
            .map(|v| v.normalize().to_string())
            .and_then(|v| find_cell(&cells, from, &v).map(|p| (v, p)));
        if let Some((v, (_, e))) = bare {
            if let Some(Some(msg)) = bare_number(f, entry, cell, &v) {
                problems.push((cell, msg));
            }
            prev = Some((year, e));
            continue;
        }
        let squashed_row = squash(&table.value);
        let hint = cells
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, c)| c.contains(&want))
            .filter(|_| squashed_row.contains(&want));
        // The figure's place is that printed cell: the next year's is the cell after it.
        if let Some((k, _)) = hint {
            prev = Some((year, k + 1));
        }
        let hint = hint.map(|(_, c)| c);
        match hint {
            Some(whole) => problems.push((
                cell,
                crate::tr!(
                    "{year} 年的单元格 `{}` 只是印出的单元格 `{whole}` 的一部分：请照印样抄写整个单元格",
                    "cell `{}` for {year} is part of the printed cell `{whole}`, not a whole cell: copy the cell as printed",
                    cell.value
                ),
            )),
            None if !row.truncated || squashed_row.contains(&want) => problems.push((
                cell,
                crate::tr!(
                    "单元格 `{}` 不在该行的表格文字中",
                    "cell `{}` is not in the row's table text",
                    cell.value
                ),
            )),
            None => {}
        }
    }
    problems
}

/// A date as Chinese documents and Excel write it (`2023年4月17日`, `2023/4/17`, `2023.4.17`,
/// `2023年4月`) in the form a plan file takes, `2023-04-17`; `None` for anything else.
fn iso_date(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches('日');
    let parts: Vec<&str> = t
        .split(['年', '月', '/', '.', '-'])
        .filter(|p| !p.is_empty())
        .collect();
    let num = |p: &str, n: usize| {
        (p.len() <= n && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let year = parts
        .first()
        .filter(|y| y.len() == 4)
        .and_then(|y| num(y, 4))?;
    let month = num(parts.get(1)?, 2).filter(|m| (1..=12).contains(m))?;
    match parts.get(2) {
        None => Some(format!("{year}-{month:02}")),
        Some(d) => {
            let day = num(d, 2).filter(|d| (1..=31).contains(d))?;
            (parts.len() == 3).then(|| format!("{year}-{month:02}-{day:02}"))
        }
    }
}

/// A target typed with a Chinese input method's angle quotes for `>` and `<` (`》68`, `《5`,
/// `》=68`), as the threshold reader would take it; `None` where there is none or it still
/// does not read.
fn ime_operator(text: &str) -> Option<String> {
    if !text.contains(['》', '《']) {
        return None;
    }
    let meant = text.replace('》', ">").replace('《', "<");
    crate::threshold::Threshold::parse(&meant)
        .ok()
        .map(|_| meant)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_cells_join_what_ocr_split() {
        let cells = |t: &str| printed_cells(t);
        assert_eq!(
            cells("*8 欠薪线索动态化解率(%) 93.0 94.0 94. 5 95.0 95 . 5 96.0 人力社保局"),
            [
                "*8",
                "欠薪线索动态化解率(%)",
                "93.0",
                "94.0",
                "94.5",
                "95.0",
                "95.5",
                "96.0",
                "人力社保局"
            ]
        );
        assert_eq!(
            cells("4 托位使用率(%) < 5 ≥ 85 县卫健局")[2..4],
            ["<5", "≥85"]
        );
        assert_eq!(
            cells("| 2 | 普惠托位占比(%) | 75 | >85 | 卫健局 |"),
            ["2", "普惠托位占比(%)", "75", ">85", "卫健局"]
        );
        // Full-width bars are bars.
        assert_eq!(
            cells("5｜每千人口拥有执业(助理)医师数(人)｜2.9｜3.0｜/"),
            ["5", "每千人口拥有执业(助理)医师数(人)", "2.9", "3.0", "/"]
        );
        // An empty cell between bars keeps its column.
        let row = cells("|2|普惠托位占比(%)||63|65|卫健局|");
        assert_eq!(row, ["2", "普惠托位占比(%)", "", "63", "65", "卫健局"]);
        assert_eq!(
            figure_cells(&row, 3, false, true),
            Some(vec!["", "63", "65"])
        );
        // A review's assessment column after the figures is not one of them.
        let row = cells("| 1 | 托位数 | 个 | 1.8 | 4.5 | 3.6 | 符合进度 |");
        assert_eq!(
            figure_cells(&row, 3, false, false),
            Some(vec!["1.8", "4.5", "3.6"])
        );
        assert_eq!(
            cells("14 报销比例(%) 职工86、城乡居民70 县医保局")[2],
            "职工86、城乡居民70"
        );
    }

    /// What the source check reads past: white space, web-page debris, Markdown escapes (pandoc
    /// prints `*` and `<` as `\\*`, `\\<`); and footnote marks on a printed cell, no part of its
    /// figure (`4.6②`, pandoc's `3.9[^1]`).
    #[test]
    fn squashed_text_and_marked_cells() {
        let cases = [
            ("普惠托位占比 \\* ||||||", "普惠托位占比*"),
            ("\\<4.5 以内", "<4.5以内"),
            ("a\\b", "a\\b"),
        ];
        for (text, want) in cases {
            assert_eq!(squash(text), want, "{text}");
        }
        // A scan's letters for digits are read figure by figure, each as the text has it:
        // a line's last figure and the next line's row number in letters stay two.
        let cases = [
            ("83.O\nlO 每千人口", "83.0lO每千人口"),
            ("6O%  3.l个", "60%3.1个"),
            ("2O22年 75OO", "2022年7500"),
            // Near misses: letters with no digit beside them, a word.
            ("lO 托位", "lO托位"),
            ("OLD 5", "OLD5"),
        ];
        for (text, want) in cases {
            assert_eq!(squash(text), want, "{text}");
        }
        assert!(squash("83.O\nlO 每千人口3.l个").contains(&squash("lO 每千人口3.l个")));
        // A spreadsheet's row saved as CSV: its cells between its commas.
        let cells = printed_cells(
            "=\"1\",幼有善育,\"每千人口拥有3岁以下 婴幼儿托位数\",个,\"50,180\",52.00%,\"县卫健局,县妇联\",",
        );
        assert_eq!(
            cells,
            [
                "1",
                "幼有善育",
                "每千人口拥有3岁以下婴幼儿托位数",
                "个",
                "50,180",
                "52.00%",
                "县卫健局,县妇联"
            ]
        );
        let cases: [(&str, Option<Vec<&str>>); 8] = [
            ("a,\"b,c\",\"d\"\"e\",,", Some(vec!["a", "b,c", "d\"e"])),
            (
                "\"2022年\n基础值\",x,y,z",
                Some(vec!["2022年基础值", "x", "y", "z"]),
            ),
            ("1,2,3", None),
            ("| a,b,c,d |", None),
            // A row apart by spaces whose commas are thousands separators is no record; a CSV
            // record of figures alone, or with a quoted `"50,180"`, is one.
            ("8 居民人均可支配收入 元 68,520 72,600 76,000 79,000", None),
            ("1,100,98,100", Some(vec!["1", "100", "98", "100"])),
            (
                "2,新增托位,个,\"3,500\",\"7,000\"",
                Some(vec!["2", "新增托位", "个", "3,500", "7,000"]),
            ),
            (
                "3, 普惠托位占比, %, 55, 70",
                Some(vec!["3", "普惠托位占比", "%", "55", "70"]),
            ),
        ];
        for (record, want) in cases {
            let want = want.map(|w| w.iter().map(|c| c.to_string()).collect::<Vec<_>>());
            assert_eq!(csv_cells(record), want, "{record}");
        }
        let cells = printed_cells("| 1 | 托位数 | 3.9[^1] | 4.6② | 5.2 |");
        assert_eq!(cells, ["1", "托位数", "3.9", "4.6", "5.2"]);
        assert_eq!(note_marks("3.9[^1]"), (vec!['①'], "3.9".to_string()));
        assert_eq!(note_marks("[^21]x"), (vec![], "[^21]x".to_string()));
    }

    #[test]
    fn figure_cells_are_the_last_run_before_the_department() {
        let cells = printed_cells(
            "14 基本医疗保险政策范围内住院报销比例(含大病保险)(%) 职工86、城乡居民70 县医保局",
        );
        assert_eq!(
            figure_cells(&cells, 1, false, false),
            Some(vec!["职工86、城乡居民70"])
        );
        let cells = printed_cells("16 城镇住房保障受益覆盖率(%) / 16 17 19 20 21 建设局");
        assert_eq!(
            figure_cells(&cells, 6, false, false),
            Some(vec!["/", "16", "17", "19", "20", "21"])
        );
        let cells = printed_cells("3 0-3 岁儿童发育监测筛查率(%) 93 95 95 95 95 95 卫生健康局");
        assert_eq!(figure_cells(&cells, 6, false, false).unwrap()[0], "93");
        // A change printed in its year's column keeps the columns after it where they are.
        for (row, cells_wanted) in [
            (
                "7 居民人均可支配收入 万元 7.21 年均增长6% 10左右 区统计局",
                vec!["7.21", "年均增长6%", "10左右"],
            ),
            (
                "11 养老机构护理型床位占比 % 54 较上年提高1个百分点 65 区民政局",
                vec!["54", "较上年提高1个百分点", "65"],
            ),
            (
                "4 达标学校占比 % 57 较2022年提高10个百分点 较2022年提高20个百分点 区教育局",
                vec!["57", "较2022年提高10个百分点", "较2022年提高20个百分点"],
            ),
        ] {
            let cells = printed_cells(row);
            assert_eq!(
                figure_cells(&cells, 3, false, false),
                Some(cells_wanted),
                "{row}"
            );
        }
        // Columns inferred from two encoded years of a six-column row: not read by column.
        assert_eq!(figure_cells(&cells, 2, false, true), None);
        assert_eq!(
            figure_cells(&cells, 2, false, false),
            Some(vec!["95", "95"])
        );
        let cells = printed_cells("5 托育机构数(个) 75 80");
        assert_eq!(figure_cells(&cells, 6, false, false), None);
        assert_eq!(figure_cells(&cells, 6, true, false), Some(vec!["75", "80"]));
        // A figure OCR could not read whole keeps its column; words with a shade are no figure.
        let cells =
            printed_cells("| 15 | 最低生活保障标准 | 元/月 | ll65 | l3▒0 | l450 | 区民政局 |");
        assert_eq!(
            figure_cells(&cells, 3, false, false),
            Some(vec!["1165", "13▒0", "1450"])
        );
        assert!(is_figure_cell("▒.5") && is_figure_cell("13\u{FFFD}0"));
        assert!(!is_figure_cell("区▒局") && !is_figure_cell("▒85%"));
    }

    #[test]
    fn slips_of_hand_get_the_form_meant() {
        type Meant = fn(&str) -> Option<String>;
        let cases: &[(Meant, &str, Option<&str>)] = &[
            (iso_date, "2023年4月17日", Some("2023-04-17")),
            (iso_date, "2023/4/17", Some("2023-04-17")),
            (iso_date, "2023.04.17", Some("2023-04-17")),
            (iso_date, "2023年4月", Some("2023-04")),
            (iso_date, "2023年13月1日", None),
            (iso_date, "四月", None),
            (ime_operator, "》68", Some(">68")),
            (ime_operator, "《5%", Some("<5%")),
            (ime_operator, "》》", None),
            (ime_operator, "≥68", None),
        ];
        for (meant_by, typed, meant) in cases {
            assert_eq!(meant_by(typed).as_deref(), *meant, "{typed}");
        }
    }
}
