//! The draft plan file (`qyx extract --format yaml`): candidates grouped into rows by catalog id
//! (or by phrase), a table cell and its restatement in the prose merged into one target, and a
//! `# TODO` on everything a person must settle.
//!
//! Why it exists: the plan format is what the rest of qyx reads. Writing the draft in it (as
//! text, to keep the `# TODO` comments beside what they are about) turns an extraction into a
//! file to edit rather than a list to retype.

use super::legend::{Legend, half_width};
use super::matching::{CatalogMatch, MatchHow};
use super::{Candidate, Extraction, Kind};
use crate::plan::schema::{Domain, Marker, NoTarget, Scope};
use crate::plan::validate::{PrintedRow, years_list};
use crate::threshold::{Better, Op};
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

/// The 七优享 programme's period (浙江省公共服务“七优享”工程, 2023–2027): the draft's period when a
/// document states none, marked as assumed.
const PROGRAMME: (i32, i32) = (2023, 2027);

/// The level a jurisdiction's name states: 省, a 地级市 of Zhejiang (衢州市), 区, 县 (自治县), or
/// another 市 (a county-level city, 诸暨市). `None` for a name that states none.
fn level_of(name: &str) -> Option<&'static str> {
    if name.ends_with('省') {
        Some("province")
    } else if super::info::PARENTS.contains(&name) {
        Some("city")
    } else if name.ends_with('区') {
        Some("district")
    } else if name.ends_with('县') {
        Some("county")
    } else if name.ends_with('市') {
        Some("county-city")
    } else {
        None
    }
}

/// Words an area's name uses for a domain: the 七有 names (幼有所育, 病有所医 …), a programme's
/// names for its actions (托育先行, 健康衢州, 嵊优学) and the services they cover.
const AREA_WORDS: [(Domain, &str); 10] = [
    (Domain::幼有善育, "幼有 托育 育儿 婴幼儿 优育"),
    (Domain::学有优教, "学有 教育 优学 优教"),
    (Domain::劳有所得, "劳有 就业 增收 收入 优业"),
    (Domain::病有良医, "病有 健康 医疗 卫生 优医"),
    (Domain::老有康养, "老有 养老 颐养 康养 优养"),
    (Domain::住有宜居, "住有 宜居 安居 住房 优居"),
    (Domain::弱有众扶, "弱有 帮扶 救助 兜底 优扶"),
    (Domain::综合集成, "综合集成"),
    (Domain::重大项目, "重大项目 项目建设"),
    (Domain::民生实事, "民生实事"),
];

/// The one domain an area's name names (`实施“健康衢州”行动`: 病有良医; `病有所医`: 病有良医);
/// `None` where it names none, or two.
fn named_domain(area: &str) -> Option<Domain> {
    let mut found = AREA_WORDS
        .iter()
        .filter(|(_, words)| words.split(' ').any(|w| area.contains(w)))
        .map(|(d, _)| *d);
    let first = found.next()?;
    found.all(|d| d == first).then_some(first)
}

/// `key: value` as the document states it, else `key: default` and the question `ask` gives.
fn stated_or(
    y: &mut String,
    key: &str,
    value: Option<&str>,
    default: &str,
    todo: &mut Vec<String>,
    ask: impl FnOnce() -> String,
) {
    use std::fmt::Write as _;
    let _ = writeln!(y, "{key}: {}", value.unwrap_or(default));
    if value.is_none() {
        todo.push(ask());
    }
}

/// The question a split table leaves: its units' figures are not this plan's targets, and the
/// plan format holds one jurisdiction's. Named by its title (or line), its units and what it
/// splits, so that a person can encode each unit's row in the unit's own plan or leave it out.
fn split_question(sp: &super::split::Split) -> String {
    let list = |v: &[String]| {
        let shown = v.iter().take(6).cloned().collect::<Vec<_>>().join("、");
        if v.len() > 6 {
            format!("{shown}…")
        } else {
            shown
        }
    };
    let table = match &sp.title {
        Some(t) => format!("`{t}`"),
        None => crate::tr!("表", "the table"),
    };
    let (units, n) = (list(&sp.units), sp.units.len());
    let figures = list(&sp.figures);
    let total = sp.total.as_deref().map_or(String::new(), |t| {
        crate::tr!(
            "；其 `{t}` 行是本计划自己的数字，若表中别处没有，可作为本计划的目标编码",
            "; its `{t}` row is this plan's own figure: encode it as this plan's if no other table gives it"
        )
    });
    crate::tr!(
        "{table}（第 {} 行）把数字分解到 {n} 个地区（{units}）：{figures}。计划文件只记一个辖区的目标，所以这些行没有写入草稿：请在各地区自己的计划中编码其各行，或有意不编码（在 `excerpt` 中说明）{total}",
        "{table} (line {}) splits figures among {n} units ({units}): {figures}. A plan file holds one jurisdiction's targets, so these rows are not in the draft: encode each unit's row in that unit's own plan, or leave them out on purpose (say so in `excerpt`){total}",
        sp.lines.start()
    )
}

/// A row of the draft: candidates for one indicator.
struct DraftRow<'a> {
    id: String,
    m: Option<&'a CatalogMatch>,
    /// Whether `id` is the catalog's (else a `todo-N` placeholder).
    sure: bool,
    members: Vec<&'a Candidate>,
    /// What the document's legend says the row's printed sign means.
    legend: Option<&'a Legend>,
}

impl DraftRow<'_> {
    /// The sign printed on the row's name or label.
    fn sign(&self) -> Option<&str> {
        self.members.iter().find_map(|c| c.marker.as_deref())
    }

    /// Whether the row sets no targets (`marker: observational`): its legend says so, or its sign
    /// is `▲` and the document explains no sign.
    fn observational(&self, explained: bool) -> bool {
        match self.legend {
            Some(l) => l.marker() == Some(Marker::Observational),
            None => !explained && self.sign() == Some("▲"),
        }
    }
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
    let (start, end) = (
        info.start.unwrap_or(PROGRAMME.0),
        info.end.unwrap_or(PROGRAMME.1),
    );
    let (start, end) = if start <= end {
        (start, end)
    } else {
        (end, end)
    };
    // A split table's figures are its units' (other jurisdictions'), never this plan's: they are
    // left out, and the plan asks what to do with them (below).
    let in_split = |c: &Candidate| ex.splits.iter().any(|s| s.lines.contains(&c.line));
    let candidates: Vec<Candidate> = ex
        .candidates
        .iter()
        .filter(|c| !in_split(c))
        .map(|c| over_span(c, start))
        .collect();
    let n_targets = candidates.iter().filter(|c| c.kind == Kind::Target).count();
    let _ = writeln!(
        y,
        "# yaml-language-server: $schema=../schema/plan.schema.json"
    );
    let _ = writeln!(
        y,
        "{}",
        crate::tr!(
            "# 由 `qyx extract` 从 {source_name} 起草：{} 个候选（{n_targets} 个目标，{} 个基期值）。",
            "# Draft by `qyx extract` from {source_name}: {} candidates ({n_targets} targets, {} baselines).",
            candidates.len(),
            candidates.len() - n_targets
        )
    );
    let _ = writeln!(
        y,
        "{}",
        crate::tr!(
            "# 逐条处理每个 TODO，对照原文核对每个数字，然后运行 `qyx validate`。",
            "# Settle every TODO, check every number against the document, then run `qyx validate`."
        )
    );
    // Every open question is a `todo` entry, which `validate` reports as a warning naming it.
    let mut plan_todo: Vec<String> = Vec::new();
    let name = info.jurisdiction.clone().unwrap_or_else(|| "TODO".into());
    let _ = writeln!(y, "jurisdiction:");
    // The placeholder id is one question, which `validate` asks itself (`choose the plan id`).
    let _ = writeln!(y, "  id: \"todo\"");
    let _ = writeln!(y, "  name: {}", q(&name));
    if info.jurisdiction.is_none() {
        plan_todo.push(crate::tr!(
            "辖区中文名：标题中未找到",
            "the jurisdiction's Chinese name: not found in the title"
        ));
    }
    let _ = writeln!(y, "  name_en: \"TODO\"");
    plan_todo.push(crate::tr!(
        "辖区英文名（`name_en`）",
        "the jurisdiction's English name (`name_en`)"
    ));
    stated_or(
        &mut y,
        "  level",
        level_of(&name),
        "county",
        &mut plan_todo,
        || {
            crate::tr!(
                "层级：名称 `{name}` 没有说明（province、city、county、county-city 或 district）",
                "the level: the name `{name}` does not state it (province, city, county, county-city or district)"
            )
        },
    );
    let _ = writeln!(y, "document:");
    match &info.title {
        Some(t) => {
            let _ = writeln!(y, "  title: {}", q(t));
        }
        None => {
            let _ = writeln!(y, "  title: \"TODO\"");
            plan_todo.push(crate::tr!(
                "文件标题：未找到",
                "the document's title: none found"
            ));
        }
    }
    // A field extract did not find is listed as not in the source, the format's way of saying
    // so, with a TODO to give it where the source does state it after all.
    let mut absent: Vec<&str> = Vec::new();
    for (field, value) in [
        ("number", &info.number),
        ("issuer", &info.issuer),
        ("date", &info.date),
    ] {
        match value {
            Some(v) => {
                let _ = writeln!(y, "  {field}: {}", q(v));
            }
            None => absent.push(field),
        }
    }
    // One question for the fields not found: whether the source states any of them after all.
    if !absent.is_empty() {
        let _ = writeln!(y, "  not_in_source: [{}]", absent.join(", "));
        let fields = absent
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ");
        plan_todo.push(crate::tr!(
            "原文中未找到 {fields}（文号 `number`、发文机关 `issuer`、成文日期 `date` YYYY-MM-DD），已列入 `not_in_source`：原文若写有其中某项，请填写并从 `not_in_source` 中删去",
            "{fields} not found in the source (文号 `number`, issuing office `issuer`, 成文日期 `date` YYYY-MM-DD), so listed under `not_in_source`: give any the source does state, and remove it there"
        ));
    }
    stated_or(
        &mut y,
        "  kind",
        info.kind,
        "implementation",
        &mut plan_todo,
        || {
            crate::tr!(
                "文件类型：implementation、work-points 或 five-year-plan（标题中没有）",
                "the kind: implementation, work-points or five-year-plan (none in the title)"
            )
        },
    );
    let _ = writeln!(y, "  source: {}", q(source_name));
    if info.period_assumed {
        plan_todo.push(crate::tr!("规划期：标题未写明；{start}–{end} 是按文件所指向的年份推断的", "the period: the title states none; {start}–{end} is inferred from the years the document aims at"
        ));
    }
    if info.end.is_none() {
        plan_todo.push(crate::tr!("规划期：文件中未找到；假定为 {start}–{end}（“七优享”工程的规划期）——请用 --end-year 指定或手工设定", "the period: none found in the document; {start}–{end} (the 七优享 programme's) assumed — pass --end-year or set it"
        ));
    }
    // Rows: one per catalog id found exactly or by containment; one per phrase otherwise. An id
    // is used only when nothing in the figures contradicts it: an operator against the entry's
    // better direction, or a second table row claiming the same id, makes it a suggestion.
    let mut rows: Vec<DraftRow> = Vec::new();
    let mut index: std::collections::HashMap<(bool, String), usize> = Default::default();
    let mut unmatched = 0;
    for (c, m) in candidates.iter().zip(matches) {
        let mut sure = m
            .as_ref()
            .filter(|m| m.how.is_sure() && !crate::plan::op_against(m.better, c.op));
        if let Some(m) = sure
            && let Some(i) = index.get(&(true, m.id.clone()))
            && c.table.is_some()
            && rows[*i]
                .members
                .iter()
                .any(|o| o.table.is_some() && o.table != c.table)
        {
            sure = None;
        }
        let key = match sure {
            Some(m) => (true, m.id.clone()),
            None => (
                false,
                format!("{}\u{0}{}", c.indicator, c.table.as_deref().unwrap_or("")),
            ),
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
                    sure: sure.is_some(),
                    members: vec![c],
                    legend: None,
                });
            }
        }
    }
    // Each sign by the document's legend; a sign it does not explain is one question for the
    // whole plan, naming the rows that print it.
    let mut unexplained: Vec<(String, Vec<String>)> = Vec::new();
    for r in &mut rows {
        let Some(sign) = r.sign().map(str::to_string) else {
            continue;
        };
        let first = sign.chars().next().map(half_width);
        r.legend = ex.legends.iter().find(|l| Some(l.sign) == first);
        if r.legend.is_none() {
            let c = r.members[0];
            let name = match &c.row {
                Some(label) => format!("{label} {}", c.indicator),
                None => c.indicator.clone(),
            };
            match unexplained.iter_mut().find(|(s, _)| *s == sign) {
                Some((_, names)) => names.push(name),
                None => unexplained.push((sign, vec![name])),
            }
        }
    }
    for sp in &ex.splits {
        plan_todo.push(split_question(sp));
    }
    let explained = !ex.legends.is_empty();
    for (sign, names) in &unexplained {
        let shown = names.iter().take(3).cloned().collect::<Vec<_>>().join("、");
        let more = if names.len() > 3 { "…" } else { "" };
        plan_todo.push(if explained {
            crate::tr!(
                "`{sign}` 印在 {} 行上（{shown}{more}），但文件的表注只说明了 {}：请说明 `{sign}` 的含义——省定核心指标写 `marker: core`，探索和观察性指标（不作目标要求）写 `marker: observational`，其他含义（约束性、新增……）写在各行的 `note` 中",
                "`{sign}` is printed on {} row(s) ({shown}{more}), but the document's legend explains only {}: say what `{sign}` means — `marker: core` for 省定核心指标, `marker: observational` for 探索和观察性指标 (no target), any other meaning (约束性, 新增 …) in each row's `note`",
                names.len(),
                ex.legends.iter().map(|l| format!("`{}`", l.sign)).collect::<Vec<_>>().join(" ")
            )
        } else {
            crate::tr!(
                "`{sign}` 印在 {} 行上（{shown}{more}），但文件没有说明其含义的表注：请说明 `{sign}` 的含义——省定核心指标写 `marker: core`，探索和观察性指标（不作目标要求）写 `marker: observational`，其他含义（约束性、新增……）写在各行的 `note` 中",
                "`{sign}` is printed on {} row(s) ({shown}{more}), but the document has no legend saying what it means: say what `{sign}` means — `marker: core` for 省定核心指标, `marker: observational` for 探索和观察性指标 (no target), any other meaning (约束性, 新增 …) in each row's `note`",
                names.len()
            )
        });
    }
    let layout = Layout::of(&rows);
    let _ = writeln!(y, "period: {{ start: {start}, end: {end} }}");
    let _ = writeln!(y, "baseline_year: {}", start - 1);
    if !layout.plan.is_empty() {
        let _ = writeln!(y, "columns: [{}]", years_list(&layout.plan));
    }
    if candidates.is_empty() {
        plan_todo.push(crate::tr!(
            "未找到目标：请手工编码，或确认这是一份规划文件",
            "no targets found: encode them by hand, or check that this is a plan document"
        ));
    }
    // The plan's own areas (黄岩's nine), each mapped onto the domain most of its rows' catalog
    // entries belong to.
    let mut areas: Vec<(String, Vec<Domain>)> = Vec::new();
    for (c, m) in candidates.iter().zip(matches) {
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
            let named = named_domain(name);
            let domain = named.or(best).unwrap_or(Domain::综合集成);
            let _ = writeln!(y, "  - {{ name: {}, domain: {} }}", q(name), domain.zh());
            match (named, best) {
                (Some(n), Some(b)) if b != n => plan_todo.push(crate::tr!(
                    "区域 `{name}` 的领域：名称指向 {}，但其各行所配指标目录条目多属 {}",
                    "the domain of area `{name}`: its name says {}, but most of its rows' catalog entries are {}",
                    n.zh(),
                    b.zh()
                )),
                // The area's own words name the domain, and no row's entry says otherwise.
                (Some(_), _) => {}
                (None, Some(b)) => plan_todo.push(crate::tr!(
                    "区域 `{name}` 的领域：{} 是其各行所配指标目录条目中最常见的",
                    "the domain of area `{name}`: {} is the most common of its rows' catalog entries",
                    b.zh()
                )),
                (None, None) => plan_todo.push(crate::tr!(
                    "区域 `{name}` 的领域",
                    "the domain of area `{name}`"
                )),
            }
        }
    }
    if !plan_todo.is_empty() {
        let _ = writeln!(y, "todo:");
        for t in &plan_todo {
            let _ = writeln!(y, "  - {}", q(t));
        }
    }
    if candidates.is_empty() {
        let _ = writeln!(y, "indicators: []");
        return y;
    }
    let _ = writeln!(y, "indicators:");

    for (i, (r, cols)) in rows.iter().zip(&layout.rows).enumerate() {
        let reread = match cols {
            Some(cols) if layout.reread.contains(&i) => by_columns(r, cols, start),
            _ => Vec::new(),
        };
        let moved;
        let r = if reread.is_empty() {
            r
        } else {
            moved = DraftRow {
                id: r.id.clone(),
                m: r.m,
                sure: r.sure,
                members: reread.iter().collect(),
                legend: r.legend,
            };
            &moved
        };
        let cols = cols.as_deref().map(|c| (c, c != layout.plan));
        let odd = layout.odd.contains(&i);
        write_row(&mut y, r, (start, end), cols, odd, explained);
    }
    y
}

/// The figure columns of the draft's table rows by year, read from where extract placed each
/// row's figures: the plan's `columns` (its most common layout) and, per row, the columns it is
/// read by (a row of another table: its own). With them `validate` checks every cell in its own
/// year's column, as in a plan encoded by hand, and the draft can write the cells that set no
/// target (`/`, a schedule's `0`). Where some row cannot be placed the draft states no columns
/// (`plan` empty, every row `None`): `validate` then infers them, as for a plan without.
struct Layout {
    plan: Vec<i32>,
    rows: Vec<Option<Vec<i32>>>,
    /// Rows whose figures extract placed otherwise than the other rows of their table (a year
    /// off): a person must check their years.
    odd: Vec<usize>,
    /// Of those, the rows the draft reads by the table's columns instead: each figure takes the
    /// year of the column it is printed in.
    reread: Vec<usize>,
}

/// A table row's figures placed in its printed figure cells: the year of each cell, where a
/// figure of the row was read from it.
struct Placed {
    truncated: bool,
    years: Vec<Option<i32>>,
}

impl Layout {
    fn none(n: usize, odd: Vec<usize>) -> Layout {
        Layout {
            plan: Vec::new(),
            rows: vec![None; n],
            odd,
            reread: Vec::new(),
        }
    }

    fn of(rows: &[DraftRow]) -> Layout {
        let placed: Vec<Option<Placed>> = rows.iter().map(place).collect();
        // A table's layout: for each printed figure column, the year most full rows that print
        // that many columns read in it (one header, whatever row a figure came from).
        let mut votes: Vec<(usize, Vec<Vec<i32>>, usize)> = Vec::new();
        for p in placed.iter().flatten().filter(|p| !p.truncated) {
            let n = p.years.len();
            let k = match votes.iter().position(|(m, _, _)| *m == n) {
                Some(k) => k,
                None => {
                    votes.push((n, vec![Vec::new(); n], 0));
                    votes.len() - 1
                }
            };
            votes[k].2 += 1;
            for (column, y) in votes[k].1.iter_mut().zip(&p.years) {
                column.extend(*y);
            }
        }
        let known: Vec<(usize, Vec<i32>, usize)> = votes
            .into_iter()
            .filter_map(|(n, columns, count)| {
                let years = columns.iter().map(|ys| most_common(ys)).collect();
                Some((n, complete(years)?, count))
            })
            .collect();
        let plan = known
            .iter()
            .max_by_key(|(n, _, count)| (*count, *n))
            .map(|(_, years, _)| years.clone());
        let mut out = Vec::with_capacity(rows.len());
        let mut odd = Vec::new();
        let mut reread = Vec::new();
        let mut undecided = false;
        for (i, (r, p)) in rows.iter().zip(&placed).enumerate() {
            let Some(plan) = &plan else {
                out.push(None);
                continue;
            };
            let Some(p) = p else {
                // A row with no figure read from its table: read by the plan's columns when
                // it prints that many, else left to itself.
                let run = printed_row(r).map(|p| p.last_run().len());
                out.push(run.filter(|n| *n == plan.len()).map(|_| plan.clone()));
                continue;
            };
            // `validate` reads a row by its last as many figure cells as there are columns (a
            // cut-off row shorter than that: from the left); a cell before them that reads as a
            // figure (a unit `1/10万`) is not one of them.
            let tail = |n: usize| -> Option<&[Option<i32>]> {
                match p.years.len().checked_sub(n) {
                    Some(extra) => p.years[..extra]
                        .iter()
                        .all(Option::is_none)
                        .then(|| &p.years[extra..]),
                    None => p.truncated.then_some(&p.years[..]),
                }
            };
            let table = tail(plan.len()).map(|t| (plan.clone(), t)).or_else(|| {
                known
                    .iter()
                    .find_map(|(n, years, _)| Some((years.clone(), tail(*n)?)))
            });
            // A row read a year off its table's header keeps its own reading where that is
            // complete (and is marked for a person); else no columns are stated at all.
            let agrees = |cols: &[i32], t: &[Option<i32>]| {
                t.iter().zip(cols).all(|(y, c)| y.is_none_or(|y| y == *c))
            };
            let cols = match table {
                Some((cols, t)) if agrees(&cols, t) => Some(cols),
                // Printed as the table's other rows are: read by their columns.
                Some((cols, t)) if t.len() == cols.len() => {
                    odd.push(i);
                    reread.push(i);
                    out.push(Some(cols));
                    continue;
                }
                _ => {
                    odd.push(i);
                    complete(p.years.clone()).filter(|_| !p.truncated)
                }
            };
            // What `validate` will read in those columns must be where extract read each figure.
            match cols.filter(|c| reads_back(r, c)) {
                Some(c) => out.push(Some(c)),
                None => {
                    undecided = true;
                    out.push(None);
                }
            }
        }
        match plan {
            Some(plan) if !undecided => Layout {
                plan,
                rows: out,
                odd,
                reread,
            },
            _ => Layout::none(rows.len(), odd),
        }
    }
}

/// The row's candidates with each table figure given the year of the column it is printed in
/// (a baseline before the period), where extract read the row a year off its table's header.
fn by_columns(r: &DraftRow, cols: &[i32], start: i32) -> Vec<Candidate> {
    let Some(printed) = printed_row(r) else {
        return Vec::new();
    };
    let run = printed.last_run();
    let Some(placed) = positions(&run, &cell_figures(r)) else {
        return Vec::new();
    };
    // The row's last as many cells as there are columns are read by them.
    let extra = run.len().saturating_sub(cols.len());
    let at: Vec<(i32, i32)> = placed
        .into_iter()
        .filter_map(|(year, k)| Some((year, *cols.get(k.checked_sub(extra)?)?)))
        .collect();
    r.members
        .iter()
        .map(|c| {
            let mut c = (*c).clone();
            if c.cell.is_some()
                && let Some((_, y)) = at.iter().find(|(was, _)| Some(*was) == c.year)
            {
                c.year = Some(*y);
                c.kind = if *y < start {
                    Kind::Baseline
                } else {
                    Kind::Target
                };
            }
            c
        })
        .collect()
}

/// The year most rows read in a column (the earliest of a tie); `None` where none did.
fn most_common(years: &[i32]) -> Option<i32> {
    let mut best: Option<(usize, i32)> = None;
    for y in years {
        let n = years.iter().filter(|x| *x == y).count();
        if best.is_none_or(|(bn, by)| n > bn || n == bn && *y < by) {
            best = Some((n, *y));
        }
    }
    best.map(|(_, y)| y)
}

/// Every position's year, a lone unknown between two years one apart from it filled in (a
/// column of `/` in every row: `2023 ? 2025`); `None` unless all are known, each once.
fn complete(mut years: Vec<Option<i32>>) -> Option<Vec<i32>> {
    for k in 1..years.len().saturating_sub(1) {
        if years[k].is_none()
            && let (Some(a), Some(b)) = (years[k - 1], years[k + 1])
            && b - a == 2
        {
            years[k] = Some(a + 1);
        }
    }
    // Each year once, in the header's order (a review prints 2020, 2025, then 2022's result),
    // or twice side by side where the header splits it (目标值 / 挑战值).
    let years: Vec<i32> = years.into_iter().collect::<Option<_>>()?;
    let distinct = (1..years.len()).all(|k| {
        let beside = years[k - 1] == years[k] && (k < 2 || years[k - 2] != years[k]);
        beside || !years[..k].contains(&years[k])
    });
    distinct.then_some(years)
}

fn table_of<'a>(r: &DraftRow<'a>) -> Option<&'a str> {
    r.members.iter().find_map(|c| c.table.as_deref())
}

/// The row's printed cells as `validate` reads them: the reading (as printed, or with a cell
/// of two years' figures as two) whose cells hold the row's table figures, as printed where
/// both do.
fn printed_row(r: &DraftRow) -> Option<PrintedRow> {
    let figures = cell_figures(r);
    let readings = PrintedRow::readings(table_of(r)?);
    let k = readings
        .iter()
        .position(|p| positions(&p.last_run(), &figures).is_some())
        .unwrap_or(0);
    readings.into_iter().nth(k)
}

/// The row's figures read from its table, in year order, one a cell: a year split into a
/// target and a stretch column (目标值 / 挑战值) has two, left to right.
fn cell_figures<'a>(r: &DraftRow<'a>) -> Vec<(i32, &'a str)> {
    let mut figures: Vec<(i32, &str)> = Vec::new();
    for c in &r.members {
        let (Some(year), Some(cell)) = (c.year, c.cell.as_deref()) else {
            continue;
        };
        // Two figures of one cell (`职工86、城乡居民70`) are one cell to place.
        if !figures.contains(&(year, cell)) {
            figures.push((year, cell));
        }
    }
    figures.sort_by_key(|f| f.0);
    figures
}

/// Where the row's figures sit in its printed figure cells, left to right in year order.
fn place(r: &DraftRow) -> Option<Placed> {
    let figures = cell_figures(r);
    if figures.is_empty() {
        return None;
    }
    let printed = printed_row(r)?;
    let run = printed.last_run();
    let mut years = vec![None; run.len()];
    for (year, k) in positions(&run, &figures)? {
        years[k] = Some(year);
    }
    Some(Placed {
        truncated: r.members.iter().any(|c| c.truncated),
        years,
    })
}

/// Where each figure (in year order) is printed in the row's figure cells: the first cell
/// holding it that no earlier year took, so that equal cells (`<5 <5 <5`) go left to right and a
/// header out of year order (2020, 2025, 2022) is followed. `None` when one is not there.
fn positions(run: &[&str], figures: &[(i32, &str)]) -> Option<Vec<(i32, usize)>> {
    let mut taken = vec![false; run.len()];
    let mut out = Vec::with_capacity(figures.len());
    for (year, cell) in figures {
        let k = (0..run.len()).find(|k| !taken[*k] && PrintedRow::holds(run[*k], cell))?;
        taken[k] = true;
        out.push((*year, k));
    }
    Some(out)
}

/// Whether `validate`, reading the row by `cols`, finds each figure's cell in its year's column.
fn reads_back(r: &DraftRow, cols: &[i32]) -> bool {
    let Some(printed) = printed_row(r) else {
        return true;
    };
    let truncated = r.members.iter().any(|c| c.truncated);
    let Some(cells) = printed.by_columns(cols.len(), truncated) else {
        return cell_figures(r).is_empty();
    };
    // A year split into two columns: its figure in either (as `validate` reads it).
    cell_figures(r).iter().all(|(year, cell)| {
        cols.iter()
            .zip(&cells)
            .any(|(y, printed)| y == year && PrintedRow::holds(printed, cell))
    })
}

/// A dropped figure, for the row's note: what it said and where.
fn described(c: &Candidate) -> String {
    let when = match (c.span, c.year) {
        (Some((m, from)), Some(y)) => format!("{} {from}–{y}", m.name()),
        (_, y) => y.map_or("?".into(), |y| y.to_string()),
    };
    format!(
        "{} ({when}): {}",
        c.text.as_deref().or(c.cell.as_deref()).unwrap_or_default(),
        c.quote
            .as_deref()
            .or(c.table.as_deref())
            .unwrap_or_default()
    )
}

/// A figure's amount in its unit's base (`7万元` is 70000 元), or as printed where its unit is
/// not one qyx reads.
fn in_base(c: &Candidate) -> Option<(rust_decimal::Decimal, Option<String>)> {
    let v = c.value?;
    match c.unit.as_deref().and_then(|u| Unit::parse(u).ok()) {
        Some(u) => Some((u.to_base(v).ok()?, Some(u.base().to_string()))),
        None => Some((v, None)),
    }
}

/// Whether two figures state one amount: the same in their units' base (a table's `70000` under
/// `（元）` and the prose's `7万元`), or the same number where either prints no unit (a card's
/// `≥98` and the prose's `达到98%`).
fn same_amount(a: &Candidate, b: &Candidate) -> bool {
    match (in_base(a), in_base(b)) {
        (Some((x, Some(ux))), Some((y, Some(uy)))) => x == y && ux == uy,
        _ => a.value.is_some() && a.value == b.value,
    }
}

/// Whether `b` restates target `a`: one amount, and operators that agree (the same, or one of
/// them a bare `达到` that the other states).
fn restates(a: &Candidate, b: &Candidate) -> bool {
    same_amount(a, b)
        && (a.op == b.op || a.op == Op::Reach || b.op == Op::Reach)
        && a.high == b.high
}

/// One row of the draft. Whatever would make `validate` fail — a target outside the period, a
/// baseline not before the targets, two targets for one year — is kept in the row's `note` with a
/// `todo` instead, so that the draft validates with warnings only.
/// `cols`: the figure columns the row is read by, and whether they are its own (else the plan's).
/// `odd`: extract placed the row's figures otherwise than its table's other rows.
fn write_row(
    y: &mut String,
    r: &DraftRow,
    (start, end): (i32, i32),
    cols: Option<(&[i32], bool)>,
    odd: bool,
    explained: bool,
) {
    use std::fmt::Write as _;
    let c0 = r.members[0];
    let mut row_todo: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    // No match at all: `validate` asks for the placeholder id itself (`choose a catalog id`).
    match r.m {
        None => {}
        Some(m) if !r.sure && m.how.is_sure() => row_todo.push(crate::tr!("短语指向 `{}` {}，但某个数字的运算符或另一表格行与之不符：请核对 id", "the phrase names `{}` {}, but a figure's operator or a second table row disagrees: check the id",
            m.id, m.name
        )),
        Some(m) if m.how == MatchHow::Partial => row_todo.push(crate::tr!("短语指向 `{}` {}，但说得更多：是更窄的指标吗？请核对 id", "the phrase names `{}` {} and says more: a narrower indicator? check the id",
            m.id, m.name
        )),
        _ => {}
    }
    let _ = writeln!(y);
    let _ = writeln!(y, "  - id: {}", q(&r.id));
    // The nearest entry is a hint beside the id, not a second question: `validate` asks for
    // the placeholder id already.
    if let Some(m) = r.m.filter(|m| m.how == MatchHow::Nearest && !r.sure) {
        let _ = writeln!(
            y,
            "    # {}",
            crate::tr!(
                "短语中没有指标目录名称；最接近的是 `{}` {}（相似度 {:.2}）",
                "no catalog name in the phrase; nearest: `{}` {} (similarity {:.2})",
                m.id,
                m.name,
                m.score
            )
        );
    }
    let _ = writeln!(
        y,
        "    name: {}",
        q(if c0.indicator.is_empty() {
            "TODO"
        } else {
            &c0.indicator
        })
    );
    if c0.indicator.is_empty() {
        row_todo.push(crate::tr!("指标名称", "the indicator's name"));
    }
    // The unit the table prints (its cells are in it), else the prose's.
    let unit = r
        .members
        .iter()
        .filter(|c| c.cell.is_some())
        .chain(r.members.iter())
        .find_map(|c| c.unit.as_ref());
    if let Some(u) = unit {
        if Unit::parse(u).is_ok() {
            let _ = writeln!(y, "    unit: {}", q(u));
        } else {
            row_todo.push(crate::tr!(
                "印刷的单位 `{u}` 不是 qyx 认识的单位：请确定 `unit`",
                "unit `{u}` as printed is not one qyx knows: settle `unit`"
            ));
        }
    }
    // The sign as printed, and the marker qyx acts on only where the document's legend names
    // it (`注:带*号为省定核心指标`); a sign the document does not explain is a plan `todo`.
    if let Some(mk) = r.sign() {
        if let Some(l) = r.legend {
            match l.marker() {
                Some(Marker::Core) => {
                    let _ = writeln!(y, "    marker: core");
                }
                Some(Marker::Observational) => {
                    let _ = writeln!(y, "    marker: observational");
                }
                None => {}
            }
            notes.push(crate::tr!(
                "`{mk}`：{}（表注：{}）",
                "`{mk}`: {} (the legend: {})",
                l.meaning,
                l.quote
            ));
        }
        let _ = writeln!(y, "    printed_marker: {}", q(mk));
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
    let table = r.members.iter().find_map(|c| c.table.as_ref());
    if let Some(t) = table {
        let _ = writeln!(y, "    table: {}", q(t));
    }
    if let Some((cols, true)) = cols {
        let _ = writeln!(y, "    columns: [{}]", years_list(cols));
    }
    if odd {
        row_todo.push(crate::tr!(
            "此行数字所在的年份列与同表其他行不一致（差了一年？）：请对照表头核对每个数字的年份",
            "this row's figures were placed in other years' columns than the other rows of its table (a year off?): check each figure's year against the header"
        ));
    }
    if r.members.iter().any(|c| c.truncated) {
        let _ = writeln!(y, "    truncated: true");
        row_todo.push(crate::tr!(
            "印刷的行不完整：请在其他版本中核对缺少的单元格",
            "the printed row is cut off: check the cells it lacks in another copy"
        ));
    }
    // Targets in the period, a table cell and its prose restatement merged, one a year and scope.
    let mut targets: Vec<Candidate> = Vec::new();
    let all: Vec<&Candidate> = r
        .members
        .iter()
        .copied()
        .filter(|c| c.kind == Kind::Target && !c.computed)
        .collect();
    let mut done = vec![false; all.len()];
    for a in 0..all.len() {
        if done[a] {
            continue;
        }
        done[a] = true;
        let twin = (a + 1..all.len()).find(|b| {
            !done[*b]
                && all[a].year == all[*b].year
                && same_amount(all[a], all[*b])
                && all[a].cell.is_some() != all[*b].cell.is_some()
        });
        let c = match twin {
            Some(b) => {
                done[b] = true;
                let (cell, prose) = if all[a].cell.is_some() {
                    (all[a], all[b])
                } else {
                    (all[b], all[a])
                };
                Candidate {
                    text: prose.text.clone(),
                    quote: prose.quote.clone(),
                    section: prose.section.clone(),
                    scope: if cell.scope == Scope::Level {
                        prose.scope
                    } else {
                        cell.scope
                    },
                    doubts: [cell.doubts.clone(), prose.doubts.clone()].concat(),
                    ..cell.clone()
                }
            }
            None => all[a].clone(),
        };
        let Some(year) = c.year else {
            notes.push(described(&c));
            row_todo.push(crate::tr!(
                "一个没有年份的数字已放在 `note` 中：请给出年份",
                "a figure with no year is in `note`: give it a year"
            ));
            continue;
        };
        if year < start || year > end {
            row_todo.push(crate::tr!("{year} 年的目标在规划期 {start}–{end} 之外，已放在 `note` 中：请删去，或扩大规划期", "a target for {year}, outside the period {start}–{end}, is in `note`: keep it out, or widen the period"
            ));
            notes.push(described(&c));
            continue;
        }
        // The same target restated (`控制在1.70以内` and `缩小到1.70以内`, `≥98` and `达到98%`) is
        // one; another figure for the year is a question.
        if let Some(t) = targets
            .iter()
            .find(|t| t.year == c.year && t.scope == c.scope)
        {
            if !restates(t, &c) {
                row_todo.push(crate::tr!(
                    "{year} 年另有一个 {} 目标，已放在 `note` 中：请保留一个",
                    "another {} target for {year} is in `note`: keep one",
                    c.scope.name()
                ));
            }
            notes.push(described(&c));
            continue;
        }
        targets.push(c);
    }
    // A level worked out from a multiple (`翻一番` of the base): no printed cell or words hold it,
    // so it stays in `note`; a question unless the row prints that level for the year.
    for c in r
        .members
        .iter()
        .filter(|c| c.kind == Kind::Target && c.computed)
    {
        notes.push(format!(
            "{}: {}",
            described(c),
            c.doubts.first().map_or("", String::as_str)
        ));
        let stated = targets.iter().any(|t| t.year == c.year && restates(t, c));
        if !stated {
            row_todo.push(crate::tr!(
                "{} 年的目标是由倍数算出的 {}（见 `note`）：请核对后写作目标",
                "the {} target is worked out from a multiple as {} (in `note`): check it and write it as a target",
                c.year.unwrap_or(end),
                c.value.map(|v| v.normalize().to_string()).unwrap_or_default()
            ));
        }
    }
    // The baseline: the first past figure before every target and not after the period starts.
    let first_target = targets.iter().filter_map(|t| t.year).min();
    // A level before an average or a total over a span: only a level starts a path (the
    // plan holds one baseline; the span's figure stays in `note`, for what it is).
    let mut past: Vec<&Candidate> = r
        .members
        .iter()
        .copied()
        .filter(|c| c.kind == Kind::Baseline)
        .collect();
    past.sort_by_key(|c| c.span.is_some());
    let mut baseline: Option<Candidate> = None;
    for b in past {
        let fits = b
            .year
            .is_some_and(|by| by <= start && first_target.is_none_or(|t| by < t));
        if baseline.is_none() && fits {
            baseline = Some(b.clone());
            continue;
        }
        // The baseline stated twice (the table's `80.6` and the prose's `达到80.6岁`) is one: a
        // cell and its words merged, a second wording kept in `note` with nothing to decide.
        if let Some(base) = baseline.as_mut()
            && base.year == b.year
            && same_amount(base, b)
        {
            if base.cell.is_some() != b.cell.is_some() && base.text.is_none() != b.text.is_none() {
                let (cell, prose) = if b.cell.is_some() {
                    (b, &*base)
                } else {
                    (&*base, b)
                };
                *base = Candidate {
                    text: prose.text.clone(),
                    quote: prose.quote.clone(),
                    section: prose.section.clone(),
                    span: cell.span.or(prose.span),
                    doubts: [cell.doubts.clone(), prose.doubts.clone()].concat(),
                    ..cell.clone()
                };
            } else {
                notes.push(crate::tr!("过去的数字 {}", "past figure {}", described(b)));
            }
            continue;
        }
        notes.push(crate::tr!("过去的数字 {}", "past figure {}", described(b)));
        if fits && b.span.is_some() && baseline.as_ref().is_some_and(|l| l.span.is_none()) {
            continue;
        }
        row_todo.push(if fits {
            crate::tr!(
                "不止一个过去的数字：其余已放在 `note` 中；请保留一个作为基期值",
                "more than one past figure: the others are in `note`; keep one as the baseline"
            )
        } else {
            crate::tr!(
                "一个不早于目标年份的过去数字已放在 `note` 中：它是基期值吗？",
                "a past figure not before the targets is in `note`: is it a baseline?"
            )
        });
    }
    let mut baseline: Option<(Candidate, Option<NoTarget>)> = baseline.map(|b| (b, None));
    let mut targets: Vec<(Candidate, Option<NoTarget>)> =
        targets.into_iter().map(|t| (t, None)).collect();
    if let Some((cols, _)) = cols {
        unread_cells(
            r,
            cols,
            (start, end),
            &mut baseline,
            &mut targets,
            &mut row_todo,
            r.observational(explained),
        );
    }
    schedule_zeros(r, &mut targets, &mut row_todo);
    targets.sort_by_key(|(t, _)| t.year);
    // A question several figures of the row share (a unit the row lost) is asked once, of the row.
    let one_year = start == end;
    let doubts: Vec<Vec<String>> = baseline
        .iter()
        .chain(&targets)
        .map(|(c, _)| doubts_of(c, one_year))
        .collect();
    let shared: Vec<String> = doubts
        .iter()
        .flatten()
        .filter(|d| doubts.iter().filter(|ds| ds.contains(d)).count() > 1)
        .cloned()
        .collect();
    for d in &shared {
        if !row_todo.contains(d) {
            row_todo.push(d.clone());
        }
    }
    let mut doubts = doubts.into_iter().map(|mut ds| {
        ds.retain(|d| !shared.contains(d));
        ds
    });
    if let Some((b, why)) = &baseline {
        let _ = writeln!(y, "    baseline:");
        let ds = doubts.next().unwrap_or_default();
        figure(y, "      ", b, &ds, *why);
    }
    if !targets.is_empty() {
        let _ = writeln!(y, "    targets:");
        for (t, why) in &targets {
            let _ = writeln!(y, "      - year: {}", t.year.unwrap_or(end));
            let ds = doubts.next().unwrap_or_default();
            figure_fields(y, "        ", t, &ds, *why);
        }
    }
    row_todo.dedup();
    if !notes.is_empty() {
        let _ = writeln!(y, "    note: {}", q(&notes.join(" | ")));
    }
    if !row_todo.is_empty() {
        let _ = writeln!(y, "    todo:");
        for t in &row_todo {
            let _ = writeln!(y, "      - {}", q(t));
        }
    }
}

/// The row's printed cells extract read no figure from, by their columns: a `/` (no target
/// that year: `no_target: not-assessed`, or `observational` on a `▲` row; a `/` baseline, the
/// table's "no figure"), a schedule's `0` (left to [`schedule_zeros`]), or a figure extract
/// missed, named in a `todo`.
fn unread_cells(
    r: &DraftRow,
    cols: &[i32],
    (start, end): (i32, i32),
    baseline: &mut Option<(Candidate, Option<NoTarget>)>,
    targets: &mut Vec<(Candidate, Option<NoTarget>)>,
    row_todo: &mut Vec<String>,
    observational: bool,
) {
    let Some(printed) = printed_row(r) else {
        return;
    };
    let truncated = r.members.iter().any(|c| c.truncated);
    let Some(cells) = printed.by_columns(cols.len(), truncated) else {
        return;
    };
    let milestone = r.m.is_some_and(|m| r.sure && m.better == Better::Done);
    let template = r
        .members
        .iter()
        .find(|c| c.table.is_some())
        .copied()
        .unwrap_or(r.members[0]);
    for (&year, &cell) in cols.iter().zip(&cells) {
        let taken = baseline
            .iter()
            .chain(targets.iter())
            .any(|(c, _)| c.year == Some(year) && c.cell.is_some())
            || r.members
                .iter()
                .any(|c| c.year == Some(year) && c.cell.is_some());
        if taken || cell.is_empty() {
            continue;
        }
        let reading = crate::threshold::Threshold::parse(cell).ok();
        let filler = |op: Op, value: Option<rust_decimal::Decimal>, kind: Kind| Candidate {
            kind,
            year: Some(year),
            year_stated: true,
            op,
            value,
            high: None,
            cell: Some(cell.to_string()),
            text: None,
            quote: None,
            section: None,
            scope: Scope::Level,
            doubts: Vec::new(),
            computed: false,
            ..template.clone()
        };
        match reading {
            Some(t) if t.op == Op::None => {
                if year < start {
                    if baseline.is_none() {
                        *baseline = Some((filler(Op::None, None, Kind::Baseline), None));
                    }
                } else if year <= end {
                    let why = if observational {
                        NoTarget::Observational
                    } else {
                        NoTarget::NotAssessed
                    };
                    targets.push((filler(Op::None, None, Kind::Target), Some(why)));
                }
            }
            Some(t) if t.op == Op::Reach && t.value.is_some_and(|v| v.is_zero()) => {
                if (start..=end).contains(&year) {
                    targets.push((filler(Op::Reach, t.value, Kind::Target), None));
                }
            }
            // A figure extract did not read: taken from its column, for a person to check.
            Some(t)
                if t.value.is_some()
                    && !milestone
                    && (year <= end && year >= start || year < start && baseline.is_none()) =>
            {
                let kind = if year < start {
                    Kind::Baseline
                } else {
                    Kind::Target
                };
                let mut c = filler(t.op, t.value, kind);
                c.doubts.push(crate::tr!(
                    "extract 未读出这个数字：草稿按表头从 {year} 年那一列取来，请核对",
                    "extract did not read this figure: the draft takes it from {year}'s column of the table; check it"
                ));
                if kind == Kind::Baseline {
                    *baseline = Some((c, None));
                } else {
                    targets.push((c, None));
                }
            }
            _ => row_todo.push(crate::tr!(
                "{year} 年那一列印的 `{cell}` 未写入草稿：若它是目标或基期值，请补上",
                "`{cell}`, printed in {year}'s column, is not in the draft: add it if it is a target or a baseline"
            )),
        }
    }
}

/// A schedule's `0` (`0 0 100`: nothing due yet) on an indicator that is not lower-is-better:
/// `no_target: not-due`, as `check` judges it (README, "a `0` before the work is due"). Where the
/// catalog id is not settled, a `todo` asks to confirm it.
fn schedule_zeros(
    r: &DraftRow,
    targets: &mut [(Candidate, Option<NoTarget>)],
    row_todo: &mut Vec<String>,
) {
    let better = r.m.filter(|_| r.sure).map(|m| m.better);
    if matches!(better, Some(Better::Lower | Better::Done)) {
        return;
    }
    let positive: Vec<i32> = targets
        .iter()
        .filter(|(t, why)| {
            why.is_none() && t.value.is_some_and(|v| v > rust_decimal::Decimal::ZERO)
        })
        .filter_map(|(t, _)| t.year)
        .collect();
    let mut any = false;
    for (t, why) in targets.iter_mut() {
        let zero = why.is_none()
            && t.op == Op::Reach
            && t.value.is_some_and(|v| v.is_zero())
            && t.year.is_some_and(|y| positive.iter().any(|p| *p > y));
        if zero {
            *why = Some(NoTarget::NotDue);
            any = true;
        }
    }
    if any && better.is_none() {
        row_todo.push(crate::tr!(
            "进度表中的 `0` 已写为 `no_target: not-due`（当年尚无任务）：若该指标越低越好，或这个 0 就是目标，请删去",
            "a schedule's `0` is written `no_target: not-due` (nothing due that year): if the indicator is lower-is-better, or the 0 is meant as a target, remove it"
        ));
    }
}

/// A figure read again for the span of years its words name (the prose before it in its quote,
/// or its table column's header): an average or a total over years before the plan is a baseline
/// of that kind, its year the span's last (`“十三五”平均值(82.71岁)`: average 2016–2020;
/// a `2018—2022年平均` column: average 2018–2022, not a 2018 figure); a table column totalling
/// years of the plan (`2023—2027年累计`) is a cumulative target for the span's last year.
fn over_span(c: &Candidate, start: i32) -> Candidate {
    let mut c = c.clone();
    let words = match (&c.cell, &c.heading, &c.quote, &c.text) {
        (Some(_), Some(h), _, _) => h.as_str(),
        (None, _, Some(q), Some(t)) => q.find(t.as_str()).map_or(q.as_str(), |p| &q[..p]),
        _ => return c,
    };
    let counted = c.scope == Scope::Cumulative;
    let Some(sp) = super::span::span_before(words, &c.indicator, counted) else {
        let past_count = c.kind == Kind::Baseline && counted && !c.year_stated && c.cell.is_none();
        // A five-year plan's review of the period before it (“十三五”时期 in a 十四五 plan): a
        // count it reports with no year of its own is what that period added up to.
        if past_count && super::span::period_starting(start) && c.year == Some(start - 1) {
            c.scope = Scope::Level;
            c.span = Some((crate::plan::schema::Measure::Total, start - 5));
        } else if past_count {
            c.doubts.push(crate::tr!(
                "“累计”的时段句中未写明：若是截至 {} 年的累计数（规划目标接着累计），保留 `scope: cumulative`；若是某一时段的合计（如“十三五”期间），改为 `kind: total` 并写 `from`（时段起始年份）",
                "累计 with no span in its clause: a running total up to {} (the plan's targets continue it) keeps `scope: cumulative`; a total over a span (十三五 and the like) is `kind: total` with `from`, the span's first year",
                c.year.map_or("?".into(), |y| y.to_string())
            ));
        }
        return c;
    };
    let Some(to) = sp.to.or(c.year) else { return c };
    if to <= sp.from {
        return c;
    }
    // A prose target stays one: its sentence named the span for a figure before it
    // (`以“十三五”平均值82.71岁为基数，提高0.8岁以上`: 0.8 is the change to come).
    if to < start && (c.kind == Kind::Baseline || c.cell.is_some()) {
        c.kind = Kind::Baseline;
        c.year = Some(to);
        c.year_stated = true;
        c.scope = Scope::Level;
        c.span = Some((sp.measure, sp.from));
    } else if c.kind == Kind::Target
        && c.cell.is_some()
        && sp.measure == crate::plan::schema::Measure::Total
        && sp.from >= start
    {
        c.year = Some(to);
        c.scope = Scope::Cumulative;
    }
    c
}

/// The doubts about one figure, for its `todo`.
/// Not asked: the year of a figure in a plan of one year (a year's work points have no other), or
/// of an every-year or maintained target (`每年`, `保持`: it holds in every year of the period);
/// the direction of a bare number, which the chosen catalog entry gives (the draft copies it bare,
/// as the encoding guide says, and the id is asked already).
fn doubts_of(c: &Candidate, one_year: bool) -> Vec<String> {
    let mut d = c.doubts.clone();
    let any_year = one_year || matches!(c.scope, Scope::Annual | Scope::Maintained);
    if !c.year_stated && c.kind == Kind::Target && c.cell.is_none() && !any_year {
        d.push(crate::tr!(
            "句中没有年份：假定为规划期末年",
            "no year in the sentence: the plan's end year is assumed"
        ));
    }
    d.dedup();
    d
}

fn figure(y: &mut String, indent: &str, c: &Candidate, doubts: &[String], why: Option<NoTarget>) {
    use std::fmt::Write as _;
    let _ = writeln!(y, "{indent}year: {}", c.year.unwrap_or(0));
    if let Some((measure, from)) = c.span {
        let _ = writeln!(y, "{indent}kind: {}", measure.name());
        let _ = writeln!(y, "{indent}from: {from}");
    }
    figure_fields(y, indent, c, doubts, why);
}

fn figure_fields(
    y: &mut String,
    indent: &str,
    c: &Candidate,
    doubts: &[String],
    why: Option<NoTarget>,
) {
    use std::fmt::Write as _;
    if let Some(cell) = &c.cell {
        let _ = writeln!(y, "{indent}cell: {}", q(cell));
    }
    if let Some(why) = why {
        let _ = writeln!(y, "{indent}no_target: {}", why.name());
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
    if !doubts.is_empty() {
        let _ = writeln!(y, "{indent}todo:");
        for d in doubts {
            let _ = writeln!(y, "{indent}  - {}", q(d));
        }
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
    fn a_worked_out_figure_is_drafted_in_note() {
        // The row's `翻一番` is twice its 2022 cell: kept in `note` with a question, never as a
        // `cell` that `validate` would read as the multiple; the draft still loads.
        let doc = "某区公共服务“七优享”工程实施方案（2023—2027年）\n\
                   序号\t指标名称\t单位\t2022年\t2025年\t2027年\n1\t每千人口拥有3岁以下婴幼儿托位数\t个\t3.2\t4.8\t翻一番\n";
        let (yaml, _) = drafted(doc, "d.txt");
        assert!(!yaml.contains("cell: \"翻一番\""), "{yaml}");
        assert!(yaml.contains("worked out from a multiple as 6.4"), "{yaml}");
    }

    /// A document's draft (matched to the built-in catalog) and the plan it loads as.
    fn drafted(doc: &str, name: &str) -> (String, crate::plan::Plan) {
        let ex = extract(doc, None);
        let cat = builtin_catalog();
        let matches: Vec<_> = ex
            .candidates
            .iter()
            .map(|c| Matcher::new(&cat).find(c))
            .collect();
        let yaml = draft_yaml(&ex, &matches, name);
        let src = crate::plan::load::SourceText {
            name: "draft.yaml".into(),
            text: yaml.clone(),
        };
        let plan = crate::plan::load::parse_yaml(&src).unwrap_or_else(|d| panic!("{d}\n{yaml}"));
        (yaml, plan)
    }

    #[test]
    fn draft_is_a_plan_file() {
        let doc = "关于印发《瑞安市公共服务“七优享”工程实施方案(2023—2027年)》的通知 2023年4月27日\n二、重点任务 (一)加快实现“幼有善育”。到2027年,每千人口拥有3岁以下婴幼儿托位数达到5.55个以上,普惠托位占比达到70%以上。全市公办园、优质园、普惠园在园幼儿覆盖率分别达到67%、84%、95%以上。累计营收150亿以上。\n";
        let (yaml, plan) = drafted(doc, "ruian.txt");
        assert_eq!(plan.jurisdiction.name, "瑞安市");
        assert_eq!(
            (plan.period.start.value, plan.period.end.value),
            (2023, 2027)
        );
        assert_eq!(plan.indicators[0].id.value, "childcare-places-per-1000");
        assert!(
            yaml.contains("todo:\n          - \"ambiguous operator"),
            "{yaml}"
        );
        assert!(yaml.contains("- \"unit `亿` as printed"), "{yaml}");
        assert!(yaml.contains("id: \"todo-1\""), "{yaml}");
        // Unmatched, every row is `todo-N` and it still deserialises.
        let ex = extract(doc, None);
        let none = vec![None; ex.candidates.len()];
        let yaml = draft_yaml(&ex, &none, "ruian.txt");
        let src = crate::plan::load::SourceText {
            name: "draft.yaml".into(),
            text: yaml,
        };
        assert!(crate::plan::load::parse_yaml::<crate::plan::Plan>(&src).is_ok());
    }
}
