//! Candidates from the tables that survive in the text: printed one cell a line (`领域` `序号`
//! `指标` … `责任单位`), or with `|` between the cells, one row a line.
//!
//! Why it exists: a table row gives name, unit, year and value by column, not by phrasing, so it
//! is read by its header and not by the prose rules; and the tables are the only part of a
//! document whose reading depends on line structure.

use super::outline::{domain_in, heading_at, scope_of};
use super::scan::{is_cjk, is_digit, is_space, without_spaces};
use super::{Candidate, Kind};
use crate::plan::schema::Domain;
use crate::plan::validate::{is_note_mark, markdown_mark, note_marks};
use crate::threshold::{Op, Threshold};
use crate::unit::Unit;

pub(super) fn is_row_label(s: &str) -> bool {
    let t = without_spaces(s);
    let digits = t.trim_start_matches(['*', '▲', '★', '△', '＊']);
    !digits.is_empty() && digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit())
}

/// What a table column holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Column {
    Domain,
    Label,
    Name,
    /// A value column: its year (None: the plan's end year) and whether it is the baseline.
    Value(Option<i32>, bool),
    Lead,
    /// Words, not figures: `指标属性` (约束性/预期性), `备注`.
    Text,
    /// The unit, in a column of its own (`单位`, `计量单位`).
    Unit,
    Other,
}

/// The first year (1990–2100) printed in a header, with or without 年.
pub(super) fn header_year(h: &str) -> Option<i32> {
    let chars: Vec<char> = h.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let j = (i..chars.len())
                .find(|k| !chars[*k].is_ascii_digit())
                .unwrap_or(chars.len());
            if j - i == 4 {
                let y: i32 = chars[i..j].iter().collect::<String>().parse().unwrap_or(0);
                if (1990..=2100).contains(&y) {
                    return Some(y);
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    None
}

pub(super) fn column_of(header: &str) -> Column {
    let h = without_spaces(header);
    if h == "领域" || h == "类别" {
        return Column::Domain;
    }
    if h == "序号" {
        return Column::Label;
    }
    // Text columns after the figures: `指标属性` (约束性/预期性), `备注`, `类型`.
    if h.ends_with("属性") || h.ends_with("性质") || h == "备注" || h == "说明" || h == "类型"
    {
        return Column::Text;
    }
    // An assessment's scores (`分值`, `权重`, `得分`, `评分标准`): what a target is worth, none.
    if ["分值", "权重", "得分", "评分", "扣分", "加分"]
        .iter()
        .any(|w| h.contains(w))
    {
        return Column::Text;
    }
    if h.contains("指标") {
        return Column::Name;
    }
    if h == "单位" || h == "计量单位" {
        return Column::Unit;
    }
    if h.contains("单位") || h.contains("部门") {
        return Column::Lead;
    }
    // A quarter's or half-year's column (`一季度`, `上半年`, `2024年二季度目标`) is a progress
    // point inside a year, no year's figure.
    if progress_point(&h) {
        return Column::Other;
    }
    // A year anywhere in the header: `2023年`, `2022基础值`, `基期值(2022年)`, `2025目标`.
    let year = header_year(&h);
    let base = h.contains("基础")
        || h.contains("基期")
        || h.contains("基数")
        || h.contains("现状")
        || h.contains("基准");
    // `基数` alone heads a baseline column whose year the row above prints (`2022年` over it).
    if year.is_some() || base || h.contains("值") || h.contains("目标") {
        return Column::Value(year, base);
    }
    Column::Other
}

/// Whether words name a point inside a year that a schedule reports progress at: a quarter
/// (`一季度`, `第二季度`, `前三季度`, `Q3`), a half-year (`上半年`, `下半年`), or a span of months
/// (`1—6月`, `1-9月`). A plan's figure is of a year; these are the steps towards it.
pub(super) fn progress_point(words: &str) -> bool {
    if words.contains("季度") || words.contains("半年") {
        return true;
    }
    let c: Vec<char> = words.chars().collect();
    let quarter = c.windows(2).enumerate().any(|(k, w)| {
        matches!(w[0], 'Q' | 'q')
            && matches!(w[1], '1'..='4')
            && (k == 0 || !c[k - 1].is_ascii_alphanumeric())
            && c.get(k + 2).is_none_or(|n| !n.is_ascii_digit())
    });
    // `1—6月`: a month, a dash, a month and 月, no 年 right before (`2023—2027年`, a period).
    let months = c.iter().enumerate().any(|(k, &m)| {
        if m != '月' {
            return false;
        }
        let digits = |end: usize| {
            c[..end]
                .iter()
                .rev()
                .take_while(|d| d.is_ascii_digit())
                .count()
        };
        let b = digits(k);
        let dash = k.checked_sub(b + 1).map(|d| c[d]);
        (1..=2).contains(&b)
            && dash.is_some_and(|d| matches!(d, '—' | '-' | '－' | '–' | '~' | '～' | '至'))
            && (1..=2).contains(&digits(k - b - 1))
    });
    quarter || months
}

/// A row being read one cell a line: its line, its cells, and the cells in the order printed
/// when a wrapped name was put back together.
type Building = (usize, Vec<String>, Option<Vec<String>>);

/// A row: its line, the domain above it, its cells, and the row as printed when it is one line.
type RawRow = (usize, Option<String>, Vec<String>, Option<String>);

pub(super) struct RawTable {
    pub(super) columns: Vec<Column>,
    /// The header's words over each column (`2022年完成值`).
    pub(super) titles: Vec<String>,
    /// (line, domain heading above it, cells, the row as printed when it is one line)
    pub(super) rows: Vec<RawRow>,
    /// For each row, the cells printed apart from the row (a line of their own, or a line of a
    /// continuation page): the line and its text, to quote the cell by. Empty where every cell
    /// stands in its row as printed.
    pub(super) quoted: Vec<Vec<Option<(usize, String)>>>,
}

/// A table printed one cell a line: a header (领域 序号 指标 … 单位), then rows that start with a
/// row label (`*1`, `▲7`, `14`), with domain names between the groups. A cell ending in `、`
/// continues on the next line (`职工86、` / `城乡居民70`). Values are numbers too, so a number is a
/// row label only when it is the next label and a name follows it.
pub(super) fn cell_table(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    let first = without_spaces(lines[at]);
    if first != "领域" && first != "序号" && first != "类别" {
        return None;
    }
    let mut headers = Vec::new();
    let mut i = at;
    while i < lines.len() && headers.len() < 16 {
        let t = lines[i].trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        let col = column_of(t);
        if col == Column::Other || is_row_label(t) {
            break;
        }
        headers.push(col.clone());
        i += 1;
        if col == Column::Lead {
            break;
        }
    }
    let columns = headers;
    if !columns.contains(&Column::Name) || !columns.iter().any(|c| matches!(c, Column::Value(..))) {
        return None;
    }
    // The header as printed, to know it when a table split over pages prints it again.
    let header_text: Vec<String> = lines[at..i]
        .iter()
        .map(|l| without_spaces(l))
        .filter(|l| !l.is_empty())
        .collect();
    // Where the name stands among a row's cells (the label first, when there is one).
    let name_at = columns
        .iter()
        .filter(|c| **c != Column::Domain)
        .position(|c| *c == Column::Name)
        .unwrap_or(0);
    // A name's second half may only come after the figures when nothing but figures ends a row.
    let values_last = matches!(columns.last(), Some(Column::Value(..)));
    let width = columns.iter().filter(|c| **c != Column::Domain).count();
    // Without a 序号 column a row starts at its name: after a full row, a line with letters.
    let labelled = columns.contains(&Column::Label);
    let label_number = |t: &str| -> Option<u32> {
        without_spaces(t)
            .trim_start_matches(['*', '▲', '★', '△', '＊'])
            .parse()
            .ok()
    };
    let next_text = |from: usize| -> Option<&str> {
        lines[from..]
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
    };
    let mut rows = Vec::new();
    let mut domain: Option<String> = None;
    let mut current: Option<Building> = None;
    let mut last_label = 0;
    let take = |cur: &mut Option<Building>| {
        cur.take()
            .map(|(l, cells, printed)| (l, cells, printed.map(|p| p.join(" "))))
    };
    while i < lines.len() {
        let raw = lines[i];
        let t = raw.trim();
        if t.is_empty() || furniture(t) {
            i += 1;
            continue;
        }
        // The header again, on the next page: skipped whole.
        if without_spaces(t) == header_text[0] {
            let mut k = i;
            let mut matched = 0;
            while k < lines.len() && matched < header_text.len() {
                let h = without_spaces(lines[k]);
                if h.is_empty() {
                    k += 1;
                } else if h == header_text[matched] {
                    matched += 1;
                    k += 1;
                } else {
                    break;
                }
            }
            if matched == header_text.len() {
                i = k;
                continue;
            }
        }
        let stop = t.starts_with("注")
            || heading_at(&t.chars().collect::<Vec<_>>(), 0).is_some_and(|h| h.0 <= 2)
            || t.chars().count() > 60;
        if stop {
            break;
        }
        let full = current
            .as_ref()
            .is_none_or(|(_, cells, _)| cells.len() >= width);
        let is_label = is_row_label(t)
            && label_number(t).is_some_and(|n| current.is_none() || n == last_label + 1)
            && next_text(i + 1).is_some_and(|n| n.chars().any(is_cjk));
        let known_domain = Domain::parse(&without_spaces(t)).is_some();
        let unit_bracket = bracketed_unit(t);
        if is_label {
            if let Some((l, cells, printed)) = take(&mut current) {
                rows.push((l, domain.clone(), cells, printed));
            }
            last_label = label_number(t).unwrap_or(last_label + 1);
            current = Some((i + 1, vec![t.to_string()], None));
        } else if let Some((_, cells, printed)) = current.as_mut()
            && cells.len() == name_at + 1
            && unit_bracket
        {
            // A unit wrapped onto a line of its own: `基本养老保险参保人数` / `(万人)`.
            if let Some(p) = printed.as_mut() {
                p.push(t.to_string());
            }
            cells[name_at].push_str(t);
        } else if let Some((_, cells, printed)) = current.as_mut()
            && full
            && values_last
            && !known_domain
            && t.chars().any(is_cjk)
            && (unit_bracket || name_tail(t))
            && cells.len() > name_at
        {
            // A PDF read in text order puts a wrapped name's second line after the row's
            // figures (it lies lower on the page): `每千人口拥有3岁以下婴幼儿` 3.3 … `托位数(个)`.
            let mut order = printed.take().unwrap_or_else(|| cells.clone());
            order.push(t.to_string());
            *printed = Some(order);
            cells[name_at].push_str(t);
        } else if !labelled && full && !known_domain && t.chars().any(is_cjk) {
            if let Some((l, cells, printed)) = take(&mut current) {
                rows.push((l, domain.clone(), cells, printed));
            }
            current = Some((i + 1, vec![t.to_string()], None));
        } else if full
            && (known_domain
                || labelled && without_spaces(t).chars().count() <= 6 && !t.chars().any(is_digit))
        {
            if let Some((l, cells, printed)) = take(&mut current) {
                rows.push((l, domain.clone(), cells, printed));
            }
            domain = Some(without_spaces(t));
        } else if let Some((_, cells, printed)) = current.as_mut() {
            if let Some(p) = printed.as_mut() {
                p.push(raw.trim_start().to_string());
            }
            match cells.last_mut() {
                Some(last) if last.trim_end().ends_with('、') => {
                    last.push_str(raw.trim_start());
                }
                _ => cells.push(raw.trim_start().to_string()),
            }
        } else {
            break;
        }
        i += 1;
    }
    if let Some((l, cells, printed)) = take(&mut current) {
        rows.push((l, domain.clone(), cells, printed));
    }
    let titles = header_text;
    (!rows.is_empty()).then_some((
        RawTable {
            columns,
            titles,
            rows,
            quoted: Vec::new(),
        },
        i,
    ))
}

/// A cell that is only a unit in brackets: `(万人)`, `（%）`.
fn bracketed_unit(t: &str) -> bool {
    let t = without_spaces(t);
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']));
    inner.is_some_and(|u| !u.is_empty() && Unit::parse(u).is_ok())
}

/// The end of a wrapped name: words that end in a unit in brackets (`托位数(个)`, `员数(人)`).
fn name_tail(t: &str) -> bool {
    let t = without_spaces(t);
    t.chars().count() <= 20
        && t.ends_with([')', '）'])
        && t.rfind(['(', '（'])
            .is_some_and(|p| bracketed_unit(&t[p..]))
}

/// Whether a line may be a table's header: it names the indicator column (`指标`, `指 标`), and
/// is no paragraph. Most lines are not, and cutting a long paragraph into cells would read each
/// of its words as a figure (a megabyte of prose took a second that way).
fn could_be_header(l: &str) -> bool {
    l.len() <= 1000 && without_spaces(l).contains("指标")
}

/// Whether a line is a page number left by a flattened .docx: `1、`, `- 2 -`, `3`.
fn page_marker(l: &str) -> bool {
    let t = without_spaces(l);
    let d = t.trim_matches(['、', '-', '—', '.', '．']);
    !d.is_empty() && d.len() <= 3 && d.chars().all(|c| c.is_ascii_digit())
}

/// Whether a line marks a page break: a page number as a flattened .docx or a PDF prints it
/// (`- 3 -`, `— 3 —`, `3`), a page's footer (`第 3 页 共 9 页`, `第3页/共9页`, `共9页 第3页`,
/// `Page 3 of 9`), a form feed, a converter's page line (Marker's `{3}` and dashes, a script's
/// `===== 第 3 页 =====`, `--- page 3 ---`).
pub(super) fn page_break_line(l: &str) -> bool {
    let t: String = without_spaces(l)
        .chars()
        .filter(|c| *c != '\u{c}')
        .collect();
    if t.is_empty() {
        return l.contains('\u{c}');
    }
    if page_marker(&t) {
        return true;
    }
    let bare = t.trim_matches(['-', '=', '—', '*', '#']);
    let lower = bare.to_ascii_lowercase();
    // `{3}------`: Marker's page line.
    if let Some(rest) = bare.strip_prefix('{')
        && let Some((n, _)) = rest.split_once('}')
    {
        return !n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit());
    }
    let digits_and = |s: &str, words: &[&str]| {
        let rest = words
            .iter()
            .fold(s.to_string(), |acc, w| acc.replace(w, ""));
        !rest.is_empty()
            && rest.chars().any(|c| c.is_ascii_digit())
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || "/／,，、".contains(c))
    };
    (bare.contains('页') && digits_and(bare, &["第", "页", "共"]))
        || (lower.starts_with("page") && digits_and(&lower, &["page", "of"]))
}

/// A cell of a flattened .docx may hold its neighbours, the spaces between them lost:
/// `占比()85` is a name and a figure, `≥90县医保局` a figure and a department. Splits where a
/// figure the threshold parser reads starts after a closing bracket, or ends before words that
/// are no part of it.
fn run_together(token: &str) -> Vec<String> {
    let reads =
        |t: &str| Threshold::parse(t).is_ok_and(|th| th.value.is_some() && th.label.is_none());
    if reads(token) {
        return vec![token.to_string()];
    }
    let mut out = Vec::new();
    let mut rest = token;
    if let Some(p) = rest.rfind([')', '）']) {
        let close = p + rest[p..].chars().next().map_or(1, char::len_utf8);
        let tail = &rest[close..];
        if tail
            .chars()
            .next()
            .is_some_and(|c| is_digit(c) || "≥≤<>＞＜".contains(c))
        {
            out.push(rest[..close].to_string());
            rest = tail;
        }
    }
    if !reads(rest)
        && rest
            .chars()
            .next()
            .is_some_and(|c| is_digit(c) || "≥≤<>＞＜".contains(c))
    {
        // The longest head that reads as a figure, followed by words only.
        let cut = rest
            .char_indices()
            .map(|(b, _)| b)
            .skip(1)
            .filter(|b| {
                let tail = &rest[*b..];
                // A year heading its column (`2022年基础值`, a header's cell) is no figure.
                tail.chars().count() >= 2
                    && tail.chars().all(is_cjk)
                    && reads(&rest[..*b])
                    && header_year(&rest[..*b]).is_none()
            })
            .last();
        if let Some(b) = cut {
            out.push(rest[..b].to_string());
            rest = &rest[b..];
        }
    }
    out.push(rest.to_string());
    out
}

/// The two header rows of a tab-separated table whose second row gives the years: each year
/// joined to the first row's cell it stands under, so that `基础值` over `2022年` is
/// `基础值2022年` and the years under a spanning `年度目标` each head their own column. Where the
/// second row starts with a tab (the cells merged down from the first print nothing there), a
/// year stands under the cell at its tab; where a copy dropped those tabs (`2022年\t2025年\t2027年`
/// alone), the years fill the first row's figure columns in order — each titled one and the
/// empty cells a title spans — when there are as many. None when the second row is not such a
/// row of years.
fn two_row_tab_header(first: &str, second: &str) -> Option<Vec<String>> {
    if !second.contains('\t') {
        return None;
    }
    let up: Vec<&str> = first.trim_end().split('\t').map(str::trim).collect();
    // A script reading a .docx cell by cell (python-docx) prints a cell merged down from the
    // first row again in the second (`序号\t领域\t…\t2022年\t2025年\t…\t牵头单位`): a title
    // repeated in its place stands over nothing, as the empty cell a copy leaves would.
    let mut repeated = false;
    let down: Vec<&str> = second
        .trim_end()
        .split('\t')
        .map(str::trim)
        .enumerate()
        .map(|(k, c)| {
            let again = !c.is_empty() && up.get(k) == Some(&c) && header_year(c).is_none();
            repeated |= again;
            if again { "" } else { c }
        })
        .collect();
    let titles = |c: &&str| {
        c.is_empty()
            || header_year(c).is_some()
            || column_of(c) != Column::Other
            || progress_point(c)
    };
    // The years may stand in the first row and what each column holds under them
    // (`2023年\t2024年\t进度安排` over `\t\t\t完成值\t目标值\t一季度\t二季度`): the second row,
    // starting with the tabs of the cells merged down, still stands cell under cell.
    let years_above = second.starts_with('\t')
        && up.iter().filter(|c| header_year(c).is_some()).count() >= 2
        && down.iter().any(|c| !c.is_empty());
    if down.len() > up.len()
        || down.iter().filter(|c| header_year(c).is_some()).count() < 2 && !years_above
        || !down.iter().all(titles)
    {
        return None;
    }
    let under: Vec<&str> = if second.starts_with('\t') || repeated {
        down
    } else {
        if !down.iter().all(|c| header_year(c).is_some()) {
            return None;
        }
        // The figure columns: a titled one, and the empty cells right after it that it spans.
        let mut slots = Vec::new();
        let mut spanning = false;
        for (k, u) in up.iter().enumerate() {
            spanning = matches!(column_of(u), Column::Value(..)) || spanning && u.is_empty();
            if spanning {
                slots.push(k);
            }
        }
        if slots.len() != down.len() {
            return None;
        }
        let mut under = vec![""; up.len()];
        for (k, y) in slots.into_iter().zip(down) {
            under[k] = y;
        }
        under
    };
    Some(
        up.iter()
            .enumerate()
            .map(|(k, u)| format!("{u}{}", under.get(k).copied().unwrap_or("")))
            .collect(),
    )
}

/// A table one row a line: cells between `|`, or (a .docx flattened to text) separated by tabs
/// or runs of spaces. Page numbers between rows are skipped.
pub(super) fn bar_table(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    if !could_be_header(lines[at]) {
        return None;
    }
    if let Some(records) = csv_records(lines, at) {
        // Each record as a `|` row on its first line (its other lines left empty), read as a
        // `|` table; each row is then quoted as the source prints it, commas and quotes.
        let mut view: Vec<String> = lines[..at].iter().map(|l| l.to_string()).collect();
        // A record's empty cells at its end are cells still (a header's second row with the
        // years, `,,,,2022年,2024年,2025年,2027年,,`): each row as wide as the widest.
        let width = records.iter().map(|(_, c, _)| c.len()).max().unwrap_or(0);
        for (_, cells, n) in &records {
            let pad = width - cells.len();
            let cells: Vec<&str> = cells
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat_n("", pad))
                .collect();
            view.push(format!("| {} |", cells.join(" | ")));
            view.extend(std::iter::repeat_n(String::new(), n - 1));
        }
        let end = view.len();
        let view: Vec<&str> = view.iter().map(String::as_str).collect();
        let (mut t, _) = bar_table_as_printed(&view, at)?;
        let mut first = at;
        let mut printed = Vec::new();
        for (text, _, n) in &records {
            printed.push((first + 1, text.clone()));
            first += n;
        }
        for row in &mut t.rows {
            if let Some((_, text)) = printed.iter().find(|(l, _)| *l == row.0) {
                row.3 = Some(text.clone());
            }
        }
        t.rows.retain(|r| printed.iter().any(|(l, _)| *l == r.0));
        return Some((t, end));
    }
    bar_table_as_printed(lines, at)
}

/// The records of a CSV block starting at its header line `at` (a spreadsheet saved as CSV: a
/// header naming 指标 with three or more commas, quoted cells that may hold line breaks), up to a
/// blank line, a line that is no record, or the `注` under the table: each record's text (its
/// lines joined by a space), cells and number of lines.
fn csv_records(lines: &[&str], at: usize) -> Option<Vec<(String, Vec<String>, usize)>> {
    use crate::plan::validate::csv_cells;
    let mut out = Vec::new();
    let mut i = at;
    while i < lines.len() && !lines[i].trim().is_empty() {
        // A quoted cell with a line break runs on over the next lines: to the line that closes it.
        let mut text = lines[i].trim().to_string();
        let mut n = 1;
        while text.matches('"').count() % 2 == 1 && i + n < lines.len() && n < 8 {
            text.push('\n');
            text.push_str(lines[i + n].trim());
            n += 1;
        }
        let Some(cells) = csv_cells(&text) else {
            break;
        };
        if cells.first().is_some_and(|c| c.starts_with('注')) {
            break;
        }
        out.push((text.replace('\n', " "), cells, n));
        i += n;
    }
    (out.len() >= 2 && out[0].1.len() >= 3).then_some(out)
}

/// A Markdown table's rule under its header: `|---|:---:|`, every cell dashes and colons.
fn md_rule(l: &str) -> bool {
    let cells = bar_cells(l);
    l.contains('-')
        && cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'))
}

/// The cells of a row between `|`, a Markdown escape read as the sign it escapes: pandoc
/// prints a cell's `<`, `>`, `*` as `\<`, `\>`, `\*` (`每年\<5`, `托位数\*`), and a `\|` is a bar
/// inside a cell, no cell's end. `validate` reads an escape so too.
fn bar_cells(l: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = l.trim().trim_matches(['|', '｜']).chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => chars.next(),
            '|' | '｜' => {
                cells.push(String::new());
                None
            }
            c => Some(c),
        };
        if let (Some(c), Some(cell)) = (c, cells.last_mut()) {
            cell.push(c);
        }
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// A header's second row printed short, as markdownify prints it: a cell spanning columns
/// (`目标值` over two years) is written with an empty cell after it for each further column it
/// spans, and the cells merged down from the first row are left out of the second, so the
/// second row (`| 2025年 | 2027年 |`) holds only the cells under the spans. Those are put under
/// them, the rest of the row empty. A row whose cells (its empty ones at the end aside: the
/// same row carried into a Word table is padded so) are not as many as the spans' columns is as
/// it is.
fn under_spans(header: &[String], second: Vec<String>) -> Vec<String> {
    let printed = without_empty_end(&second);
    if printed.len() >= header.len() || printed.len() < 2 {
        return second;
    }
    // A spanning cell and the empty cells after it.
    let spanned: Vec<usize> = (0..header.len())
        .filter(|&i| {
            (header[i].is_empty() && header[..i].iter().any(|h| !h.is_empty()))
                || (header.get(i + 1).is_some_and(String::is_empty) && !header[i].is_empty())
        })
        .collect();
    if spanned.len() != printed.len() {
        return second;
    }
    let mut row = vec![String::new(); header.len()];
    for (&i, c) in spanned.iter().zip(printed) {
        row[i] = c.clone();
    }
    row
}

/// A row's cells without the empty ones at its end.
fn without_empty_end(cells: &[String]) -> &[String] {
    let end = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |e| e + 1);
    &cells[..end]
}

/// A `|` row printed short under a cell merged down from the row above (markdownify leaves out
/// what a rowspan covers: `| 2 | 普惠性托位占比 | % | 53 | 63 | 68 |` under `| 1 | 幼有善育 | … |`),
/// with the row above's cells in the place they leave: the first place where the filled row has
/// the row above's kinds of cell, column by column (a figure or `—` under a figure, words under
/// words), the cells taken all words. None where no place does, or the row is short by more
/// than a third of its columns or has fewer than three cells (a caption, a group's title, a
/// note).
fn merged_down(above: &[String], cells: &[String]) -> Option<Vec<String>> {
    // The row carried into a Word table is padded with empty cells at its end: short all
    // the same.
    let cells = without_empty_end(cells);
    let short = above.len().checked_sub(cells.len()).filter(|&k| k > 0)?;
    if cells.len() < 3 || short * 3 > above.len() {
        return None;
    }
    #[derive(PartialEq)]
    enum Kind {
        Empty,
        Figure,
        Words,
    }
    let kind = |c: &str| {
        let cjk = c.chars().filter(|x| is_cjk(*x)).count();
        if c.trim().is_empty() {
            Kind::Empty
        } else if c.chars().all(|x| "—-–/／ ".contains(x))
            || c.chars().any(|x| x.is_ascii_digit()) && cjk <= 2 && c.chars().count() <= 12
        {
            Kind::Figure
        } else {
            Kind::Words
        }
    };
    // What a converter merges down is a group's words (领域, a shared unit or department),
    // never a figure: a row cut short at its end must not borrow the figures above.
    (0..=cells.len()).find_map(|j| {
        if !above[j..j + short].iter().all(|a| kind(a) == Kind::Words) {
            return None;
        }
        let filled: Vec<String> = cells[..j]
            .iter()
            .chain(&above[j..j + short])
            .chain(&cells[j..])
            .cloned()
            .collect();
        filled
            .iter()
            .zip(above)
            .all(|(c, a)| kind(a) == Kind::Empty || kind(c) == kind(a))
            .then_some(filled)
    })
}

/// [`bar_table`] on lines as printed (`|`, tabs or runs of spaces between cells).
fn bar_table_as_printed(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    let bar_count = |l: &str| l.matches(['|', '｜']).count();
    let bars = bar_count(lines[at]) >= 2;
    let split = |l: &str| -> Vec<String> {
        if bars {
            bar_cells(l)
        } else if l.contains('\t') {
            l.trim()
                .split('\t')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect()
        } else {
            l.split_whitespace().flat_map(run_together).collect()
        }
    };
    let mut header = split(lines[at]);
    // A line of one cell is no header, though it names 指标: a sheet's title saved with the tabs
    // of the empty cells after it (`…主要指标年度目标表\t\t\t`); the header is under it (its rows
    // are not the title's second line).
    if !bars && header.len() < 2 {
        return None;
    }
    let mut first_row = at + 1;
    // A header of two rows copied with tabs, a merged cell spanning columns above the years
    // (`基础值 | 年度目标 (spanning five)` over `2022年 | 2023年 … 2027年`): the second row starts
    // with the tabs of the cells merged down from the first, so each of its cells stands under
    // the first row's cell at the same tab.
    let spanned = (!bars && lines[at].contains('\t'))
        .then(|| two_row_tab_header(lines[at], lines.get(at + 1).copied()?))
        .flatten();
    if let Some(h) = spanned {
        header = h;
        first_row = at + 2;
    } else if !bars && lines[at].contains('\t') {
        // A browser copies a header cell with a line break inside (`2022年<br>基础值`) as two
        // lines: the next line's first piece ends the cell the line above ended with.
        while let Some(next) = lines.get(first_row).filter(|l| l.contains('\t')) {
            let more: Vec<String> = next.split('\t').map(|c| c.trim().to_string()).collect();
            let headerish = |c: &String| {
                c.is_empty() || column_of(c) != Column::Other || header_year(c).is_some()
            };
            if more.is_empty() || is_row_label(&more[0]) || !more.iter().all(headerish) {
                break;
            }
            if let Some(last) = header.last_mut() {
                last.push_str(&more[0]);
            }
            header.extend(more[1..].iter().filter(|c| !c.is_empty()).cloned());
            first_row += 1;
        }
    }
    if !bars && header.len() < 3 {
        return None;
    }
    let mut columns: Vec<Column> = header.iter().map(|h| column_of(h)).collect();
    // A header of two rows (`基期值 | 目标值 | 目标值` over `| | 2022年 | 2025年 | 2027年 |`):
    // the second gives the years, the first says which is the baseline.
    // Markdown's rule under the header may stand between the two (docling writes a merged cell
    // again in every cell it spans, so the second row is the table's first body row).
    let sub = at + 1 + usize::from(lines.get(at + 1).is_some_and(|l| md_rule(l)));
    if bars
        && let Some(second) = lines.get(sub).map(|l| under_spans(&header, split(l)))
        && second.len() == columns.len()
        && second.iter().any(|c| header_year(c).is_some())
        && second.iter().zip(&header).all(|(c, h)| {
            c.is_empty() || c == h || header_year(c).is_some() || column_of(c) != Column::Other
        })
    {
        for (col, sub) in columns.iter_mut().zip(&second) {
            if let (Some(y), Column::Value(..) | Column::Other) = (header_year(sub), &*col) {
                let base = matches!(col, Column::Value(_, true))
                    || matches!(column_of(sub), Column::Value(_, true));
                *col = Column::Value(Some(y), base);
            }
        }
        first_row = sub + 1;
    }
    let values = columns
        .iter()
        .filter(|c| matches!(c, Column::Value(..)))
        .count();
    if !columns.contains(&Column::Name) || values == 0 || !bars && values < 2 {
        return None;
    }
    let is_row = |l: &str| {
        if bars {
            bar_count(l) >= 2
        } else {
            let cells = split(l);
            cells.len() >= 2
                && cells.iter().any(|c| c.chars().any(is_digit))
                && l.chars().count() <= 200
        }
    };
    let mut rows: Vec<RawRow> = Vec::new();
    let mut i = first_row;
    let mut domain = None;
    // The last `|` row with a cell for every column, as printed or filled.
    let mut full: Option<Vec<String>> = None;
    while i < lines.len() {
        let l = lines[i];
        if l.trim().is_empty() || !bars && page_marker(l) {
            i += 1;
            continue;
        }
        // A `|` table goes on over a page break: the page's number or footer (`- 3 -`, `第 3 页
        // 共 9 页`, a form feed, a converter's `{3}------`) between two of its rows is none of it.
        if bars && page_break_line(l) {
            let next = (i + 1..lines.len())
                .find(|&k| !(lines[k].trim().is_empty() || page_break_line(lines[k])));
            if next.is_some_and(|k| bar_count(lines[k]) >= 2) {
                i += 1;
                continue;
            }
        }
        if !bars && !is_row(l) {
            let pieces = split(l);
            // A header's second row on a line of its own (`基础值 目标值 目标值` under the years,
            // as OCR reads a scanned table a line at a time).
            let sub_header = rows.is_empty()
                && !pieces.is_empty()
                && pieces
                    .iter()
                    .all(|c| column_of(c) != Column::Other || header_year(c).is_some());
            // A name's end wrapped onto a line of its own right under its row (`托位数`); not
            // the heading after the table (`（一）加强组织领导`), nor one after a blank line.
            let name_end = match pieces.as_slice() {
                [one] => {
                    one.chars().count() <= 12
                        && one.chars().all(|c| is_cjk(c) || "()（）".contains(c))
                        && !one.starts_with('注')
                        && heading_at(&one.chars().collect::<Vec<_>>(), 0).is_none()
                        && i > 0
                        && !lines[i - 1].trim().is_empty()
                }
                _ => false,
            };
            if sub_header {
                i += 1;
                continue;
            }
            if name_end
                && let Some((_, _, cells, _)) = rows.last_mut()
                && let Some(name) = cells
                    .iter_mut()
                    .max_by_key(|c: &&mut String| c.chars().filter(|x| is_cjk(*x)).count())
            {
                name.push_str(pieces[0].trim());
                i += 1;
                continue;
            }
        }
        if !is_row(l)
            || heading_at(&l.trim().chars().collect::<Vec<_>>(), 0).is_some_and(|h| h.0 <= 2)
        {
            break;
        }
        // The header printed again on the next page (a table's 标题行重复) is no row.
        if bars
            && lines[at..first_row]
                .iter()
                .any(|h| without_spaces(h) == without_spaces(l))
        {
            i += 1;
            continue;
        }
        let mut cells = split(l);
        // A converter that drops the cells a merged one covers (markdownify's rowspan) prints
        // the rows under it short: the row above's cells fill the place they leave.
        if bars
            && let Some(above) = full.as_ref()
            && let Some(filled) = merged_down(above, &cells)
        {
            cells = filled;
        }
        if bars && cells.len() == columns.len() {
            full = Some(cells.clone());
        }
        // A tab-separated row keeps its empty cells when that gives it the header's columns
        // (an empty first cell: the domain of a merged group).
        if !bars && l.contains('\t') {
            let kept: Vec<String> = l
                .trim_end()
                .split('\t')
                .map(|c| c.trim().to_string())
                .collect();
            if kept.len() == columns.len() {
                cells = kept;
            }
        }
        let mut printed = l.trim().to_string();
        // A name too long for its cell wraps onto the next line of a flattened .docx:
        // `6 每万老年人拥有持证养老护理员` / `数(人) 16 22 25 县民政局`.
        if !bars
            && cells.len() < columns.len()
            && let Some(next) = lines.get(i + 1)
            && let Some(more) = Some(split(next)).filter(|m| {
                m.len() >= 2
                    && m[0].chars().next().is_some_and(|c| !is_digit(c))
                    && m[0].chars().any(is_cjk)
                    && cells.len() + m.len() - 1 <= columns.len()
            })
            && let Some(last) = cells.last_mut()
        {
            last.push_str(&more[0]);
            cells.extend(more[1..].iter().cloned());
            i += 1;
        }
        if !bars {
            // Cells a flattened .docx ran together are printed apart: `validate` finds the row
            // without its spaces, and each figure as a whole cell of it.
            printed = cells.join(" ");
        }
        if cells.iter().all(|c| c.chars().all(|x| "-:— ".contains(x))) {
            i += 1;
            continue;
        }
        // The domain column, wherever it stands; a merged cell is printed on its group's first
        // row only, so an empty one keeps the domain above.
        if let Some(dc) = columns.iter().position(|c| *c == Column::Domain)
            && dc < cells.len()
            && (bars || cells.len() == columns.len() || Domain::parse(&cells[dc]).is_some())
        {
            let d = cells.remove(dc);
            if !d.is_empty() {
                domain = Some(d);
            }
        }
        rows.push((i + 1, domain.clone(), cells, Some(printed)));
        i += 1;
    }
    (!rows.is_empty() || bars).then_some((
        RawTable {
            columns,
            titles: header,
            rows,
            quoted: Vec::new(),
        },
        i,
    ))
}

/// A piece of a line printed in fixed-width columns: where it stands (display columns, a Chinese
/// character taking two, as pandoc and w3m lay text out; or characters, each one column, as
/// `pdftotext -layout` places them on its grid), which box it is in when the line is drawn with
/// `│`, and its text.
#[derive(Debug, Clone)]
struct Segment {
    start: usize,
    end: usize,
    boxed: Option<usize>,
    /// The header's column this piece was cut to, in a sheet of fixed-width fields
    /// ([`field_pieces`]): its place there says its column, whatever its centre.
    field: Option<usize>,
    text: String,
}

impl Segment {
    fn centre(&self) -> usize {
        (self.start + self.end) / 2
    }
}

/// The bars a drawn table (w3m, a terminal dump) puts between its cells.
const BOX_BARS: [char; 2] = ['│', '┃'];

/// A line cut into its pieces: at the bars of a drawn table, else at runs of two or more spaces
/// (a tab or a full-width space counts as a run). One space stays inside a piece
/// (`每千名 3 岁以下`). `wide`: a Chinese
/// character takes two columns (else one).
fn segments(line: &str, wide: bool) -> Vec<Segment> {
    use unicode_width::UnicodeWidthChar;
    let drawn = line.contains(BOX_BARS);
    let mut out = Vec::new();
    let mut piece = String::new();
    let (mut col, mut start, mut end, mut gap, mut bars) = (0, 0, 0, 0, 0usize);
    let flush = |piece: &mut String, start, end, bars: usize, out: &mut Vec<Segment>| {
        if !piece.is_empty() {
            out.push(Segment {
                start,
                end,
                boxed: drawn.then(|| bars.saturating_sub(1)),
                field: None,
                text: std::mem::take(piece),
            });
        }
    };
    for c in line.chars() {
        let w = if c == '\t' {
            2
        } else if wide {
            c.width().unwrap_or(0)
        } else {
            usize::from(c.width().unwrap_or(0) > 0)
        };
        if drawn && BOX_BARS.contains(&c) {
            flush(&mut piece, start, end, bars, &mut out);
            bars += 1;
            gap = 0;
        } else if is_space(c) {
            // A full-width space parts cells under either measure: a scan's text or a form
            // typed in Word sets its columns apart by them, one where a run of spaces would be.
            gap += if c == '\u{3000}' { 2 } else { w.max(1) };
            if gap >= 2 {
                flush(&mut piece, start, end, bars, &mut out);
            }
        } else {
            if piece.is_empty() {
                start = col;
            } else if gap > 0 {
                piece.push(' ');
            }
            piece.push(c);
            end = col + w;
            gap = 0;
        }
        col += w;
    }
    flush(&mut piece, start, end, bars, &mut out);
    out
}

/// A line's pieces cut at the starts of the header's fields, for a sheet saved as fixed-width
/// text (Excel's 带格式文本文件 `.prn`, a mainframe or statistics system's report): every column
/// has a fixed width, text is left-aligned at its field's start and cut at its end, a number is
/// right-aligned to its field's end. So a number runs straight into the text of the next field
/// (`5.00区卫健局`, a 序号 `1幼有善育`), and a name cut at its width into its unit (`…课后服务%`,
/// `…医师人`): the field a piece stands in, not the gap around it, says its column. Each piece
/// gets the field it starts in. None where a piece does not keep to the fields (neither starts
/// nor ends at a field's start, or a wide character straddles one): then the line is no such
/// sheet's row. `starts`: the fields' starts, in order; `wide` as for [`segments`].
fn field_pieces(segs: &[Segment], starts: &[usize], wide: bool) -> Option<Vec<Segment>> {
    use unicode_width::UnicodeWidthChar;
    let last = *starts.last()?;
    let mut out = Vec::with_capacity(segs.len());
    for s in segs {
        // The piece's characters with their columns (one space stands for the single space
        // [`segments`] keeps inside a piece).
        let mut col = s.start;
        let mut part = String::new();
        let mut from = col;
        let mut push = |part: &mut String, from: usize, to: usize| -> Option<()> {
            let text = part.trim();
            if !text.is_empty() {
                let lead = part.len() - part.trim_start().len();
                let start = from + lead;
                let end = to - (part.len() - part.trim_end().len());
                // Left-aligned text starts at its field, a right-aligned figure ends at the next.
                let fits = starts.contains(&start) || starts.contains(&end) || start >= last;
                if !fits {
                    return None;
                }
                let field = starts.iter().rposition(|b| *b <= start).unwrap_or(0);
                out.push(Segment {
                    start,
                    end,
                    boxed: None,
                    field: Some(field),
                    text: text.to_string(),
                });
            }
            part.clear();
            Some(())
        };
        for c in s.text.chars() {
            let w = if wide {
                c.width().unwrap_or(0)
            } else {
                usize::from(c.width().unwrap_or(0) > 0)
            };
            if col > from && starts.contains(&col) {
                push(&mut part, from, col)?;
                from = col;
            } else if starts.iter().any(|b| col < *b && *b < col + w) {
                return None;
            }
            part.push(c);
            col += w;
        }
        push(&mut part, from, col)?;
    }
    Some(out)
}

/// Whether the rows under a header keep to fixed-width fields ([`field_pieces`]) and some piece
/// runs over a field's start (else the gaps already part the cells, and the layout is read as
/// it is): the first rows up to a blank line or the `注` under the table, at least two.
fn fielded(head: &[Segment], rows: &[&str], wide: bool) -> Option<Vec<usize>> {
    let starts: Vec<usize> = head.iter().map(|h| h.start).collect();
    if starts.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let lines: Vec<&str> = rows
        .iter()
        .copied()
        .take_while(|l| !l.trim().is_empty() && !l.trim().starts_with('注'))
        .take(12)
        .collect();
    let mut cut = false;
    for l in &lines {
        let segs = segments(l, wide);
        let parts = field_pieces(&segs, &starts, wide)?;
        cut |= parts.len() > segs.len();
    }
    (lines.len() >= 2 && cut).then_some(starts)
}

/// A rule of a drawn or plain-text table: `├────┼──┤`, `------ ----`, `+---+`, `====`.
fn rule_line(l: &str) -> bool {
    let t = l.trim();
    t.chars().filter(|c| "─━-=═".contains(*c)).count() >= 3
        && t.chars()
            .all(|c| "─━┌┐└┘├┤┬┴┼═╔╗╚╝╠╣╦╩╬╞╡╪-=+|│┃: ".contains(c))
}

/// Page furniture a table runs through when it is split over pages: a footer (`— 4 —`,
/// `第 2 页 共 6 页`), `(续表)`, a form feed.
pub(super) fn furniture(l: &str) -> bool {
    let t = without_spaces(l);
    let t = t.trim_matches(['(', ')', '（', '）', '\u{c}']);
    if t.is_empty() || t == "续表" || t == "续上表" {
        return true;
    }
    let page = t.starts_with('第')
        && t.contains('页')
        && t.chars()
            .all(|c| c.is_ascii_digit() || "第页共,，".contains(c));
    let dashed = t.starts_with(['—', '-', '－']) && page_marker(t);
    page || dashed
}

/// Whether a row of pieces reads as a header: the indicator's name and a figure column, or a
/// second header row under one (`基础值 目标值`), every piece a column title or a year.
fn header_like(segs: &[Segment]) -> bool {
    let title = |t: &str| column_of(t) != Column::Other || header_year(t).is_some();
    // Narrow titles the layout put one space apart (`序号 领域`) are titles each, as
    // [`split_titles`] reads them in the first header.
    segs.iter()
        .all(|s| title(&s.text) || (s.text.contains(' ') && s.text.split(' ').all(title)))
        && segs.iter().all(|s| !is_row_label(&s.text))
}

/// A table laid out in fixed-width columns: `pdftotext -layout` (a two-row header such as
/// `2022年` over `基础值`, names wrapped inside their column, the table running over pages with
/// `(续表)` and its header repeated), pandoc's plain-text tables (dashed rules, rows separated
/// by blank lines) and tables drawn with box characters (w3m: `│` between cells, `├──┼` between
/// rows, a cell's text wrapped inside its box). A piece belongs to the column whose header it
/// stands under; a line with no row label (or, drawn, no rule above it) continues the row above.
pub(super) fn aligned_table(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    if let Some(grid) = grid_lines(lines, at) {
        let mut view: Vec<&str> = lines[..at].to_vec();
        view.extend(grid.iter().map(String::as_str));
        view.extend_from_slice(&lines[at + grid.len()..]);
        return fixed_width_table(&view, at);
    }
    fixed_width_table(lines, at)
}

/// A pandoc grid table (`+----+----+` rules, `+====+` under the header, `|` between cells, each
/// cell wrapped inside its column) starting at its header line `at`: its lines from there, drawn
/// as a box table is (`│` for each bar, a Markdown escape `\*` read as `*`), for the box reader.
fn grid_lines(lines: &[&str], at: usize) -> Option<Vec<String>> {
    let grid_rule = |l: &str| l.trim_start().starts_with('+') && rule_line(l);
    let barred = |l: &str| {
        let t = l.trim();
        t.len() > 2 && t.starts_with('|') && t.ends_with('|')
    };
    if at == 0 || !grid_rule(lines[at - 1]) || !barred(lines[at]) {
        return None;
    }
    let block = lines[at..]
        .iter()
        .take_while(|l| barred(l) || grid_rule(l))
        .map(|l| {
            if grid_rule(l) {
                return l.to_string();
            }
            let mut out = String::with_capacity(l.len());
            let mut chars = l.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                        // The escaped sign keeps the escape's place, so columns stay aligned.
                        out.push(' ');
                        out.extend(chars.next());
                    }
                    '|' => out.push('│'),
                    c => out.push(c),
                }
            }
            out
        })
        .collect();
    Some(block)
}

/// The header's pieces with two titles a single space apart taken as two (`领域 序号`: narrow
/// columns the layout put one space between).
fn split_titles(head: Vec<Segment>, wide: bool) -> Vec<Segment> {
    let mut out = Vec::with_capacity(head.len());
    for s in head {
        let parts: Vec<&str> = s.text.split(' ').collect();
        if parts.len() < 2 || parts.iter().any(|p| column_of(p) == Column::Other) {
            out.push(s);
            continue;
        }
        let mut start = s.start;
        for p in parts {
            let w: usize = p
                .chars()
                .map(|c| {
                    use unicode_width::UnicodeWidthChar;
                    if wide { c.width().unwrap_or(0) } else { 1 }
                })
                .sum();
            out.push(Segment {
                start,
                end: start + w,
                boxed: s.boxed,
                field: None,
                text: p.to_string(),
            });
            start += w + 1;
        }
    }
    out
}

/// The column a piece stands under: the same box, else the nearest header centre.
fn column_under(head: &[Segment], s: &Segment) -> usize {
    if let Some(k) = s.field.filter(|k| *k < head.len()) {
        return k;
    }
    if let Some(b) = s.boxed
        && let Some(k) = head.iter().position(|h| h.boxed == Some(b))
    {
        return k;
    }
    (0..head.len())
        .min_by_key(|k| head[*k].centre().abs_diff(s.centre()))
        .unwrap_or(0)
}

/// The columns a row's pieces stand under, kept in the order printed: each piece in its own
/// column, left to right, as near the header's pieces as they can be. Narrow columns printed
/// close together (`领域 序号` over `幼  1`) put a piece as near one column as the next, and only
/// the order tells that the `1` after the `幼` is the label. A drawn table's boxes, and a line
/// of more pieces than columns (a cell broken by a run of spaces), are placed piece by piece.
fn columns_in_order(head: &[Segment], columns: &[Column], segs: &[Segment]) -> Vec<usize> {
    let (n, m) = (segs.len(), head.len());
    if n > m || n * m > 4096 || segs.iter().any(|s| s.boxed.is_some() || s.field.is_some()) {
        return segs.iter().map(|s| column_under(head, s)).collect();
    }
    // A domain prints no digit, and a label is all digits: far from any column of the other kind.
    // Nor does a unit or a lead department (`%`, `元/月`, `县民政局`): a figure is never theirs,
    // where a row's empty cells left no trace but a wider gap (a scan's text, its columns apart
    // by full-width spaces, an empty 单位 and 领域 in one row).
    const MISFIT: usize = 1000;
    let dist = |i: usize, j: usize| {
        let label = is_row_label(&segs[i].text);
        let misfit = match columns[j] {
            Column::Domain | Column::Unit | Column::Lead => segs[i].text.chars().any(is_digit),
            Column::Label => !label,
            _ => false,
        };
        head[j].centre().abs_diff(segs[i].centre()) + if misfit { MISFIT } else { 0 }
    };
    // best[i][j]: the least distance placing the first i pieces in the first j columns.
    let mut best = vec![vec![usize::MAX; m + 1]; n + 1];
    best[0].fill(0);
    for i in 1..=n {
        for j in i..=m {
            let skip = best[i][j - 1];
            let take = best[i - 1][j - 1].saturating_add(dist(i - 1, j - 1));
            best[i][j] = skip.min(take);
        }
    }
    let mut out = vec![0; n];
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if best[i][j] == best[i][j - 1] && j > i {
            j -= 1;
        } else {
            out[i - 1] = j - 1;
            i -= 1;
            j -= 1;
        }
    }
    out
}

/// Whether the table's columns line up counting a Chinese character as two columns (as pandoc
/// and w3m print, and a PDF whose text was placed by its width) rather than one (as
/// `pdftotext -layout` puts each character in one cell of its grid, so that a row's figures
/// stand as far right as its name is long in characters): the measure under which the pieces
/// of the lines below the header stand nearer the header's.
fn measured_wide(lines: &[&str], at: usize) -> bool {
    let misfit = |wide: bool| -> usize {
        let head = split_titles(segments(lines[at], wide), wide);
        let head = stacked_titles(&head, lines, at, |l| segments(l, wide)).unwrap_or(head);
        lines[at + 1..]
            .iter()
            .filter(|l| !l.trim().is_empty())
            .take(12)
            .flat_map(|l| segments(l, wide))
            .map(|s| {
                head.iter()
                    .map(|h| h.centre().abs_diff(s.centre()))
                    .min()
                    .unwrap_or(0)
            })
            .sum()
    };
    misfit(true) <= misfit(false)
}

/// A header row of years under a header that spans them (`基础值 … 年度目标` over `2022年 2023年
/// … 2027年`, the years printed under the row naming 指标): the years are the value columns. A
/// year under a baseline title (its piece overlapping the title's) is the baseline's.
fn spanned_years(head: &[Segment], all: &[Segment]) -> Option<Vec<Segment>> {
    let values: Vec<usize> = (0..head.len())
        .filter(|k| matches!(column_of(&head[*k].text), Column::Value(..)))
        .collect();
    // The row may also end a title of its own column (`2022年` over `基础值`, beside the years
    // `年度目标` spans): such a piece joins the title it stands under.
    let (segs, titles): (Vec<Segment>, Vec<Segment>) = all
        .iter()
        .cloned()
        .partition(|s| header_year(&s.text).is_some());
    let under = |t: &Segment| {
        head.iter()
            .position(|h| h.start < t.end && t.start < h.end && header_year(&h.text).is_some())
    };
    let titled = titles
        .iter()
        .all(|t| matches!(column_of(&t.text), Column::Value(..)) && under(t).is_some());
    if !titled || segs.len() < 2 || segs.len() <= values.len() {
        return None;
    }
    let mut head = head.to_vec();
    for t in &titles {
        if let Some(k) = under(t) {
            head[k].text.push_str(&t.text);
        }
    }
    let head = head.as_slice();
    let segs = segs.as_slice();
    let first = segs.first()?.start;
    let last = segs.last()?.end;
    let mut out: Vec<Segment> = Vec::with_capacity(head.len() + segs.len());
    let mut placed = false;
    for (k, h) in head.iter().enumerate() {
        let spanned = values.contains(&k) && h.end > first && h.start < last;
        if !spanned {
            out.push(h.clone());
            continue;
        }
        if !placed {
            for y in segs {
                let base = head.iter().any(|t| {
                    matches!(column_of(&t.text), Column::Value(_, true))
                        && t.start < y.end
                        && y.start < t.end
                });
                let mut text = y.text.clone();
                if base {
                    text.push_str("基础值");
                }
                out.push(Segment { text, ..y.clone() });
            }
            placed = true;
        }
    }
    out.sort_by_key(|s| s.start);
    Some(out)
}

/// A header whose line naming 指标 leaves gaps where titles of two lines stand, one line above
/// it and one below (`2022年` over `基期值` beside `序号 领域 指标名称 单位 … 责任单位`, which a
/// converter or an OCR's boxes print on the middle line, as a table's one-line titles are centred
/// beside its two-line ones): the head with each such title a column of its own, the line above's
/// piece and the line below's under it read as one (`2022年基期值`). Only where both lines are
/// titles all of whose pieces stand in the head's gaps, at least two of them years: a line of
/// titles under the head's own columns (`基础值 目标值`) is [`merge_header_row`]'s.
fn stacked_titles(
    head: &[Segment],
    lines: &[&str],
    at: usize,
    segments: impl Fn(&str) -> Vec<Segment>,
) -> Option<Vec<Segment>> {
    let above = segments(lines[at.checked_sub(1)?]);
    let below = segments(lines.get(at + 1)?);
    let overlaps = |a: &Segment, b: &Segment| a.start < b.end && b.start < a.end;
    let in_gap = |s: &Segment| !head.iter().any(|h| overlaps(h, s));
    let titles =
        |segs: &[Segment]| !segs.is_empty() && header_like(segs) && segs.iter().all(in_gap);
    if !titles(&above)
        || !titles(&below)
        || above
            .iter()
            .filter(|s| header_year(&s.text).is_some())
            .count()
            < 2
    {
        return None;
    }
    let mut out = head.to_vec();
    for a in &above {
        let mut s = a.clone();
        if let Some(b) = below.iter().find(|b| overlaps(a, b)) {
            s.text.push_str(&b.text);
            s.start = s.start.min(b.start);
            s.end = s.end.max(b.end);
        }
        out.push(s);
    }
    for b in below
        .iter()
        .filter(|b| !above.iter().any(|a| overlaps(a, b)))
    {
        out.push(b.clone());
    }
    out.sort_by_key(|s| s.start);
    Some(out)
}

/// A header row under (or over) the one naming the columns, its words added to the titles of the
/// columns they stand under: a year (`2022年` over `基础值`) or a baseline's or target's word
/// makes that column a figure column of the year.
fn merge_header_row(
    head: &[Segment],
    segs: &[Segment],
    columns: &mut [Column],
    titles: &mut [String],
) {
    for s in segs {
        let k = column_under(head, s);
        titles[k].push_str(&s.text);
        let sub = column_of(&s.text);
        let year = header_year(&s.text);
        columns[k] = match (&columns[k], year, sub) {
            (Column::Value(y, base), _, Column::Value(sy, sb)) => {
                Column::Value(y.or(sy).or(year), *base || sb)
            }
            (Column::Other, Some(y), Column::Value(_, sb)) => Column::Value(Some(y), sb),
            (c, _, _) => c.clone(),
        };
    }
}

/// Words that open the notes under a table (`注：`, `说明：`, `填报说明：1.…`, `数据来源：`).
const NOTE_WORDS: [&str; 9] = [
    "注",
    "说明",
    "备注",
    "附注",
    "填报说明",
    "编制说明",
    "资料来源",
    "数据来源",
    "注释",
];

/// Whether a line opens the notes under a table: a note word alone, or before a colon, a
/// number or a note mark (`说明：1.分年度目标为…`, `注1`, `备注①`). A row whose name starts so
/// (`说明书…`, `注册…`) goes on with words.
pub(super) fn note_block(t: &str) -> bool {
    let t = t.trim();
    NOTE_WORDS.iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(['：', ':', '．', '.', '、', ' ', '\u{3000}', '\t'])
                || rest.starts_with(|c: char| c.is_ascii_digit())
                || rest.starts_with(crate::plan::validate::is_note_mark)
        })
    })
}

/// [`aligned_table`] on lines as printed (or a grid table's lines drawn with `│`).
fn fixed_width_table(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    let first = lines[at];
    if first.contains(['|', '｜', '\t']) || !could_be_header(first) {
        return None;
    }
    // A sheet of fixed-width fields measures its widths as GBK bytes do, a Chinese character
    // two, though its right-aligned figures stand nearer other titles' centres.
    let wide = measured_wide(lines, at) || {
        let head = split_titles(segments(first, true), true);
        fielded(&head, &lines[at + 1..], true).is_some()
    };
    let segments = |l: &str| segments(l, wide);
    let mut head = split_titles(segments(first), wide);
    if head.len() < 3 || !header_like(&head) {
        return None;
    }
    // Years under titles that span them: the years are the columns.
    if let Some(next) = lines.get(at + 1)
        && !next.contains(['|', '｜', '\t'])
        && let Some(h) = spanned_years(&head, &segments(next))
    {
        head = h;
    }
    // Titles set above and below the line naming 指标, in its gaps (a single-line title centred
    // beside two-line ones): each pair one column, both lines read.
    let stacked = stacked_titles(&head, lines, at, segments);
    if let Some(h) = &stacked {
        head = h.clone();
    }
    let head = head;
    let mut columns: Vec<Column> = head.iter().map(|s| column_of(&s.text)).collect();
    let mut titles: Vec<String> = head.iter().map(|s| s.text.clone()).collect();
    if !columns.contains(&Column::Name) {
        return None;
    }
    let drawn = head.iter().all(|s| s.boxed.is_some());
    // Header rows under the first (`基础值 目标值 目标值`, or the years under `基期值 目标值`), and
    // one above it: a two-level header prints `2022年` over `基数` and a spanning `年度目标` over
    // the years on the line before the one naming 指标.
    let merge = |segs: &[Segment], columns: &mut Vec<Column>, titles: &mut Vec<String>| {
        merge_header_row(&head, segs, columns, titles);
    };
    if let Some(above) = at.checked_sub(1).map(|k| lines[k])
        && !above.contains(['|', '｜', '\t'])
        && stacked.is_none()
    {
        let segs = segments(above);
        if !segs.is_empty()
            && header_like(&segs)
            && segs.iter().any(|s| header_year(&s.text).is_some())
        {
            merge(&segs, &mut columns, &mut titles);
        }
    }
    let mut i = at + 1 + usize::from(stacked.is_some());
    while i < lines.len() {
        let l = lines[i];
        if rule_line(l) {
            i += 1;
            continue;
        }
        let segs = segments(l);
        if segs.is_empty() || !header_like(&segs) {
            break;
        }
        merge(&segs, &mut columns, &mut titles);
        i += 1;
    }
    if !columns.iter().any(|c| matches!(c, Column::Value(..))) {
        return None;
    }
    // A sheet of fixed-width fields: each line's pieces cut at the fields' starts.
    let fields = fielded(&head, &lines[i..], wide);
    let row_pieces = |l: &str| {
        let segs = segments(l);
        fields
            .as_deref()
            .and_then(|f| field_pieces(&segs, f, wide))
            .unwrap_or(segs)
    };
    let label_col = columns.iter().position(|c| *c == Column::Label);
    let value_cols: Vec<usize> = (0..columns.len())
        .filter(|k| matches!(columns[*k], Column::Value(..)))
        .collect();
    // A row: its first line, its printed lines' pieces by column, and how many of them stand
    // above the line with its label.
    type Pieces = Vec<(usize, String)>;
    type Aligned = (usize, Vec<Pieces>, usize);
    let name_col = columns.iter().position(|c| *c == Column::Name).unwrap_or(0);
    // What the 领域 column prints, with the line it is on (a merged cell printed one character
    // a line stands beside its rows, not on them: [`stacked_domains`]).
    let domain_col = columns.iter().position(|c| *c == Column::Domain);
    let mut domain_pieces: Vec<(usize, String)> = Vec::new();
    // The first lines of the rows that divide the row above (their names are completed below).
    let mut sub_rows: Vec<usize> = Vec::new();
    let mut rows: Vec<Aligned> = Vec::new();
    let mut current: Option<Aligned> = None;
    // Lines of words only (no label, no figure) not yet given to a row: a PDF centres a cell in
    // its row, so a name broken over two lines prints half above the line holding the row's
    // label and figures and half below it; a name that is only wrapped prints below.
    let mut held: Vec<Pieces> = Vec::new();
    let mut after_rule = true;
    // The pages of the sheet's further columns (their headers, one for each set of columns),
    // the one being read, and what its rows print: the row of the first page they continue,
    // the page, the line and its text, the pieces by the page's columns.
    let mut sides: Vec<Further> = Vec::new();
    let mut further: Option<usize> = None;
    let mut joined: Vec<(usize, usize, usize, String, Pieces)> = Vec::new();
    let mut joining: Option<usize> = None;
    let finish = |cur: &mut Option<Aligned>, held: &mut Vec<Pieces>, rows: &mut Vec<Aligned>| {
        if let Some(mut r) = cur.take() {
            r.1.append(held);
            rows.push(r);
        }
        held.clear();
    };
    while i < lines.len() {
        let l = lines[i];
        if rule_line(l) {
            if drawn {
                finish(&mut current, &mut held, &mut rows);
            }
            after_rule = true;
            i += 1;
            continue;
        }
        if l.trim().is_empty() || furniture(l) {
            i += 1;
            continue;
        }
        let t = l.trim();
        let chars: Vec<char> = t.chars().collect();
        if note_block(t) || heading_at(&chars, 0).is_some_and(|h| h.0 <= 2) {
            break;
        }
        let segs = row_pieces(l);
        // The header again, on the next page: the row above ends with its page, so the words
        // over the next page's first row are its own. A header naming the rows' labels but no
        // 指标 heads a page of the sheet's further columns, its rows those with its labels.
        if segs.len() >= 2 && header_like(&segs) {
            finish(&mut current, &mut held, &mut rows);
            further = None;
            if label_col.is_some()
                && let Some((head, next)) = further_columns(lines, i, wide)
            {
                let k = match sides.iter().position(|f| f.titles == head.titles) {
                    Some(k) => k,
                    None => {
                        sides.push(head);
                        sides.len() - 1
                    }
                };
                further = Some(k);
                i = next;
                continue;
            }
            i += 1;
            continue;
        }
        // Prose after the table: a sentence, not a cell.
        if let [only] = segs.as_slice()
            && (only.text.contains(['。', '，', '；']) || only.text.chars().count() > 30)
        {
            break;
        }
        if let Some(k) = further {
            let side = &sides[k];
            let placed: Pieces = columns_in_order(&side.head, &side.columns, &segs)
                .into_iter()
                .zip(&segs)
                .map(|(k, s)| (k, s.text.clone()))
                .collect();
            let label = placed
                .iter()
                .find(|(c, t)| side.columns[*c] == Column::Label && is_row_label(t))
                .map(|(_, t)| without_spaces(t));
            let quote = segs
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            match label {
                // The row of the first page printing the same label; a label none printed (or
                // a second line for it) is no cell of the table.
                Some(label) => {
                    let row = rows.iter().position(|(_, printed, _)| {
                        printed.iter().flatten().any(|(c, t)| {
                            Some(*c) == label_col && is_row_label(t) && without_spaces(t) == label
                        })
                    });
                    let free = row.filter(|r| !joined.iter().any(|j| j.0 == *r && j.1 == k));
                    joining = free.map(|_| joined.len());
                    if let Some(r) = free {
                        joined.push((r, k, i + 1, quote, placed));
                    }
                }
                // A cell wrapped onto the next line (`县卫健局、` / `县医保局`) is the row's.
                None => {
                    if let Some(j) = joining {
                        joined[j].4.extend(placed);
                    }
                }
            }
            i += 1;
            continue;
        }
        let placed: Pieces = columns_in_order(&head, &columns, &segs)
            .into_iter()
            .zip(&segs)
            .map(|(k, s)| (k, s.text.clone()))
            .collect();
        if let Some(dc) = domain_col {
            domain_pieces.extend(
                placed
                    .iter()
                    .filter(|(k, _)| *k == dc)
                    .map(|(_, t)| (i + 1, without_spaces(t))),
            );
        }
        let figures = placed
            .iter()
            .filter(|(k, txt)| value_cols.contains(k) && txt.chars().any(is_digit))
            .count();
        // A sub-row (`（1）小学`, `其中：城镇居民` / `农村居民` under a row naming what they
        // divide): no label of its own, its figures in columns the row above has filled, or its
        // name opening with a sub-item's mark.
        let labelled =
            label_col.is_some_and(|lc| placed.iter().any(|(k, txt)| *k == lc && is_row_label(txt)));
        let sub_row = !drawn
            && label_col.is_some()
            && !labelled
            && figures > 0
            && current.as_ref().is_some_and(|(_, printed, _)| {
                placed
                    .iter()
                    .any(|(k, txt)| *k == name_col && sub_item(txt).is_some())
                    || placed.iter().any(|(k, txt)| {
                        value_cols.contains(k)
                            && txt.chars().any(is_digit)
                            && printed
                                .iter()
                                .flatten()
                                .any(|(pk, pt)| pk == k && pt.chars().any(is_digit))
                    })
            });
        let starts = if drawn {
            after_rule
        } else if label_col.is_some() {
            labelled || sub_row
        } else {
            figures > 0
        };
        if sub_row {
            sub_rows.push(i + 1);
        }
        after_rule = false;
        if starts {
            // The held lines a row centred over them still owes below its label line go to it;
            // the rest (from the first that fits the new row's empty cells) to the new row. Once
            // a row has shown the table centres its cells, the rest go to the new row even where
            // its line prints words in their column too (a name of three lines: its middle one
            // beside the label).
            let owed = current
                .as_ref()
                .map_or(0, |(_, p, above)| above.saturating_sub(p.len() - above - 1));
            let centred = current.iter().chain(&rows).any(|(_, _, above)| *above > 0);
            let fits = |h: &Pieces| h.iter().all(|(k, _)| placed.iter().all(|(pk, _)| pk != k));
            let split = if current.is_none() && label_col.is_some() && !drawn {
                // The table's (or its page's) first row: no row above to owe a line to, so the
                // words over its line are the top of its name (`每千人口拥有` over `1 … 3岁以下
                // 婴幼儿 个 3.1 …` over `托位数`).
                0
            } else if centred {
                // A wrapped cell fills its column on every line but its last: the row above
                // goes on over the held lines while its name's last piece fills the column
                // (`城镇调查失业` / `率`, `均可支配收入` / `增速`); a short piece ended it, and the
                // rest are the top of the new row's name (`每千人口执业` over its `（助理）医师`).
                let name_of = |p: &Pieces| -> String {
                    p.iter()
                        .filter(|(k, _)| *k == name_col)
                        .map(|(_, t)| t.as_str())
                        .collect()
                };
                let width = |t: &str| -> usize {
                    t.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
                };
                let above_names: Vec<String> = current
                    .iter()
                    .flat_map(|(_, p, _)| p.iter().map(name_of))
                    .filter(|t| !t.is_empty())
                    .collect();
                let widest = above_names
                    .iter()
                    .cloned()
                    .chain(held.iter().map(name_of))
                    .chain(std::iter::once(name_of(&placed)))
                    .map(|t| width(&t))
                    .max()
                    .unwrap_or(0);
                let full = |t: &str| width(t) + 2 > widest;
                let mut last = above_names.last().cloned();
                let mut going_on = 0;
                while going_on < held.len()
                    && last.as_deref().is_some_and(full)
                    && held[going_on].iter().all(|(k, _)| *k == name_col)
                {
                    last = Some(name_of(&held[going_on]));
                    going_on += 1;
                }
                going_on.max(owed).min(held.len())
            } else {
                held.iter()
                    .rposition(|h| !fits(h))
                    .map_or(0, |p| p + 1)
                    .max(owed.min(held.len()))
            };
            let mine: Vec<Pieces> = held.drain(split..).collect();
            finish(&mut current, &mut held, &mut rows);
            let above = mine.len();
            let mut printed = mine;
            printed.push(placed);
            current = Some((i + 1, printed, above));
            i += 1;
            continue;
        }
        let Some((_, printed, _)) = current.as_mut() else {
            if label_col.is_some() && !drawn && figures == 0 {
                held.push(placed);
                i += 1;
                continue;
            }
            break;
        };
        if label_col.is_some() && !drawn && figures == 0 {
            held.push(placed);
        } else {
            printed.append(&mut held);
            printed.push(placed);
        }
        i += 1;
    }
    finish(&mut current, &mut held, &mut rows);
    if rows.is_empty() {
        return None;
    }
    // A row's cells by column. A figure cell broken over lines (`累计新增` / `300`) keeps the
    // pieces with the figure, which is what the row's line prints as its cell.
    let rows: Vec<(usize, Vec<String>, Vec<Pieces>)> = rows
        .into_iter()
        .map(|(line, printed, _)| {
            let mut cells = vec![String::new(); columns.len()];
            for (k, cell) in cells.iter_mut().enumerate() {
                let pieces: Vec<&str> = printed
                    .iter()
                    .flatten()
                    .filter(|(pk, _)| *pk == k)
                    .map(|(_, t)| t.as_str())
                    .collect();
                let with_figure: Vec<&str> = pieces
                    .iter()
                    .copied()
                    .filter(|t| t.chars().any(is_digit))
                    .collect();
                let keep = if value_cols.contains(&k) && !with_figure.is_empty() {
                    with_figure
                } else {
                    pieces
                };
                *cell = join_pieces(keep);
            }
            (line, cells, printed)
        })
        .collect();
    // A sub-row is named with the row it divides: `城镇职工` under `基本养老保险参保率` is
    // `城镇职工基本养老保险参保率`, `城镇居民` under `居民人均可支配收入` `城镇居民人均可支配收入`.
    let mut parent: Option<String> = None;
    let rows: Vec<(usize, Vec<String>, Vec<Pieces>)> = rows
        .into_iter()
        .map(|(line, mut cells, printed)| {
            let name = cells.get(name_col).cloned().unwrap_or_default();
            if !sub_rows.contains(&line) {
                parent = Some(name);
            } else if let Some(p) = &parent
                && let Some(cell) = cells.get_mut(name_col)
            {
                *cell = divided_name(sub_item(&name).unwrap_or(&name), p);
            }
            (line, cells, printed)
        })
        .collect();
    // Rows by column, the domain taken out (a merged cell keeps the domain above).
    let dc = domain_col;
    let row_lines: Vec<usize> = rows.iter().map(|(line, _, _)| *line).collect();
    let stacked = stacked_domains(&row_lines, &domain_pieces);
    let mut domain: Option<String> = None;
    let mut raw = Vec::new();
    // The further pages' columns (not their labels), after the first page's.
    let extra: Vec<(usize, usize)> = sides
        .iter()
        .enumerate()
        .flat_map(|(f, side)| {
            side.columns
                .iter()
                .enumerate()
                .filter(|(_, c)| !matches!(c, Column::Label | Column::Domain | Column::Name))
                .map(move |(k, _)| (f, k))
        })
        .collect();
    let mut quoted = Vec::new();
    let mut labels = std::collections::HashSet::new();
    let mut bare_page = false;
    for (r, (line, mut cells, printed)) in rows.into_iter().enumerate() {
        // A label printed again with no name beside it is a row of a page printing the sheet's
        // further columns under no header of its own, and so is every row with no name after
        // it: which year each figure is for, nothing on the page says.
        let nameless = !cells[name_col].chars().any(is_cjk);
        let again = label_col
            .map(|lc| without_spaces(&cells[lc]))
            .is_some_and(|l| is_row_label(&l) && !labels.insert(l));
        bare_page |= again && nameless;
        if bare_page && nameless {
            continue;
        }
        if let Some(dc) = dc {
            let d = cells.remove(dc);
            match stacked.as_ref().and_then(|s| s.get(r)) {
                Some(Some(name)) => domain = Some(name.clone()),
                _ if !d.is_empty() => domain = Some(without_spaces(&d)),
                _ => {}
            }
        }
        // Its cells on the further pages, each quoted by the line printing it there.
        let mut apart: Vec<Option<(usize, String)>> = vec![None; cells.len()];
        for (f, k) in &extra {
            let on_page = joined.iter().find(|j| j.0 == r && j.1 == *f);
            let cell = on_page.map_or_else(String::new, |j| {
                join_pieces(j.4.iter().filter(|(c, _)| c == k).map(|(_, t)| t.as_str()))
            });
            apart.push(
                on_page
                    .filter(|_| !cell.is_empty())
                    .map(|j| (j.2, j.3.clone())),
            );
            cells.push(cell);
        }
        if !joined.is_empty() {
            quoted.push(apart);
        }
        // The row as `validate` finds it in the source: its line with the most figures.
        let best = printed
            .iter()
            .max_by_key(|p| {
                p.iter()
                    .filter(|(k, t)| value_cols.contains(k) && t.chars().any(is_digit))
                    .count()
            })
            .cloned()
            .unwrap_or_default();
        let text = if drawn {
            let mut by_col = vec![String::new(); columns.len()];
            for (k, t) in best {
                by_col[k] = t;
            }
            format!("| {} |", by_col.join(" | "))
        } else {
            best.into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join(" ")
        };
        raw.push((line, domain.clone(), cells, Some(text)));
    }
    for (f, k) in extra {
        columns.push(sides[f].columns[k].clone());
        titles.push(sides[f].titles[k].clone());
    }
    Some((
        RawTable {
            columns,
            titles,
            rows: raw,
            quoted,
        },
        i,
    ))
}

/// A cell's pieces printed on lines of their own, as one: a space between two pieces unless
/// the first ends in a Chinese character, a bracket or a `、` (a name or a list of offices
/// wrapped inside its cell).
fn join_pieces<'a>(pieces: impl IntoIterator<Item = &'a str>) -> String {
    let mut cell = String::new();
    for txt in pieces {
        if !cell.is_empty() && !cell.ends_with(|c: char| is_cjk(c) || "()（）、".contains(c)) {
            cell.push(' ');
        }
        cell.push_str(txt);
    }
    cell
}

/// The header of a page printing a sheet's further columns: Excel prints a sheet too wide for
/// its page a block of columns after another, and repeats only the columns set as 打印标题
/// (`序号`, the label) on the later pages, so such a page's header names the label and figure
/// or lead columns and no 指标 (`序号 年度目标 牵头单位` over `2025年 2026年 2027年`). Its columns,
/// with the header rows under it, and the line after them.
fn further_columns(lines: &[&str], at: usize, wide: bool) -> Option<(Further, usize)> {
    let mut head = split_titles(segments(lines[at], wide), wide);
    let named: Vec<Column> = head.iter().map(|s| column_of(&s.text)).collect();
    if !named.contains(&Column::Label) || named.contains(&Column::Name) {
        return None;
    }
    let mut i = at + 1;
    if let Some(next) = lines.get(i)
        && let Some(h) = spanned_years(&head, &segments(next, wide))
    {
        head = h;
        i += 1;
    }
    let mut columns: Vec<Column> = head.iter().map(|s| column_of(&s.text)).collect();
    let mut titles: Vec<String> = head.iter().map(|s| s.text.clone()).collect();
    while let Some(l) = lines.get(i) {
        let segs = segments(l, wide);
        if segs.is_empty() || !header_like(&segs) {
            break;
        }
        merge_header_row(&head, &segs, &mut columns, &mut titles);
        i += 1;
    }
    columns
        .iter()
        .any(|c| matches!(c, Column::Value(..)))
        .then_some((
            Further {
                head,
                columns,
                titles,
            },
            i,
        ))
}

/// A page's header of a sheet's further columns ([`further_columns`]).
struct Further {
    head: Vec<Segment>,
    columns: Vec<Column>,
    titles: Vec<String>,
}

/// A merged 领域 cell a PDF printed one character a line over its group (`幼` / `有` / `善` /
/// `育` beside the group's rows): for each row (by the line its label is on), the domain its
/// group's characters spell. The characters are centred beside the group, so a group's first
/// and last rows may stand above or below them (`3 婴幼儿家庭照护…` under `育`, `4 学前教育…` over
/// `学`): a row goes to the group whose characters stand nearest to it, the one above where
/// both are as near. `None` where the column prints something else than such pieces (a whole
/// name on a row's line is that row's), or they spell no domain.
fn stacked_domains(rows: &[usize], pieces: &[(usize, String)]) -> Option<Vec<Option<String>>> {
    let short = |t: &String| t.chars().count() < 4 && !t.chars().any(is_digit);
    if pieces.is_empty() || !pieces.iter().all(|(_, t)| short(t)) {
        return None;
    }
    // The groups: consecutive pieces until they spell a domain's name, with their first and
    // last lines.
    let mut groups: Vec<(usize, usize, String)> = Vec::new();
    let mut spelled = String::new();
    let mut first = None;
    for (line, t) in pieces {
        let from = *first.get_or_insert(*line);
        spelled.push_str(t);
        if Domain::parse(&spelled).is_some() {
            groups.push((from, *line, std::mem::take(&mut spelled)));
            first = None;
        } else if spelled.chars().count() >= 8 {
            return None;
        }
    }
    if groups.is_empty() || !spelled.is_empty() {
        return None;
    }
    let distance = |row: usize, (a, b, _): &(usize, usize, String)| {
        if row < *a {
            a - row
        } else {
            row.saturating_sub(*b)
        }
    };
    Some(
        rows.iter()
            .map(|row| {
                // min_by_key keeps the first of equals: the group above.
                groups
                    .iter()
                    .min_by_key(|g| distance(*row, g))
                    .map(|g| g.2.clone())
            })
            .collect(),
    )
}

/// The words of a sub-item after its mark: `（1）小学` → `小学`, `其中：城镇居民` → `城镇居民`,
/// `②初中` → `初中`; `None` without a mark.
fn sub_item(name: &str) -> Option<&str> {
    let t = name.trim();
    if let Some(r) = t.strip_prefix("其中") {
        return Some(r.trim_start_matches([':', '：', ' ']).trim());
    }
    let circled = t.chars().next().is_some_and(|c| ('①'..='⑳').contains(&c));
    if circled {
        return t.char_indices().nth(1).map(|(i, _)| t[i..].trim());
    }
    let open = t.strip_prefix(['(', '（'])?;
    let close = open.find([')', '）'])?;
    let digits = &open[..close];
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| open[close..].trim_start_matches([')', '）']).trim())
}

/// A sub-row's name completed by the row it divides: the sub-item's words before the parent's
/// name, a word both print once (`城镇居民` + `居民人均可支配收入` → `城镇居民人均可支配收入`).
/// A sub-item that is a name already (longer than the parent's first words) stays itself.
fn divided_name(sub: &str, parent: &str) -> String {
    let parent = parent.trim();
    if sub.is_empty() || parent.is_empty() || sub.chars().count() > 8 || parent.contains(sub) {
        return sub.to_string();
    }
    let sc: Vec<char> = sub.chars().collect();
    let pc: Vec<char> = parent.chars().collect();
    let overlap = (1..=sc.len().min(pc.len()))
        .rev()
        .find(|k| sc[sc.len() - k..] == pc[..*k])
        .unwrap_or(0);
    let mut out = sub.to_string();
    out.extend(&pc[overlap..]);
    out
}

// The signs printed on a row's label or name (`*1`, `▲4`, `☆每千人口…`, `普惠托位占比*`).
use crate::plan::schema::PRINTED_SIGNS as SIGNS;

/// The sign on a row's label, else at either end of its name.
fn printed_sign(label: Option<&str>, name: &str) -> Option<String> {
    label
        .map(str::trim)
        .and_then(|l| l.chars().next().filter(|c| SIGNS.contains(c)))
        .or_else(|| {
            let n = name.trim();
            n.chars()
                .next()
                .filter(|c| SIGNS.contains(c))
                .or_else(|| n.chars().last().filter(|c| SIGNS.contains(c)))
        })
        .map(String::from)
}

/// A cell's values for the stages or groups its row covers, parted by `/` (`0.34/0.29` for 小学
/// and 初中, `<0.32/<0.27`): each a figure of the cell's year. Only where every part reads as a
/// figure in the same unit: `810元/月` and `/10万` are units, a lone `/` no target, and `1/10万`
/// no pair.
fn stage_values(part: &str) -> Vec<&str> {
    let pieces: Vec<&str> = part.split('/').collect();
    if pieces.len() < 2 || pieces.len() > 4 {
        return vec![part];
    }
    let read: Vec<Option<Threshold>> = pieces
        .iter()
        .map(|p| {
            Threshold::parse(p.trim())
                .ok()
                .filter(|t| t.value.is_some() && t.label.is_none())
        })
        .collect();
    let same_unit = read
        .iter()
        .flatten()
        .all(|t| t.unit == read[0].as_ref().and_then(|f| f.unit.clone()));
    if read.iter().all(Option::is_some) && same_unit {
        pieces
    } else {
        vec![part]
    }
}

/// A cell's figure and whether it is a baseline (a `基础值` column, or a year before the plan's
/// `start`); None for a cell that sets nothing (`/`, a milestone word, words).
fn cell_reading(
    cell: &str,
    year: Option<i32>,
    base: bool,
    start: Option<i32>,
) -> Option<(Threshold, Kind)> {
    // A change committed to in a year's column (`较2022年提高10个百分点`, `年均增长6%`) is that
    // year's figure, as in prose; what level it asks for is the draft's question.
    let th = match Threshold::parse(cell.trim()) {
        Ok(th) => th,
        Err(_) => {
            Threshold::read(cell.trim())
                .ok()
                .filter(|r| r.relative.is_some())?
                .threshold
        }
    };
    if matches!(th.op, Op::None | Op::Done) || th.value.is_none() {
        return None;
    }
    let past = matches!((year, start), (Some(y), Some(s)) if y < s);
    let kind = if base || past {
        Kind::Baseline
    } else {
        Kind::Target
    };
    Some((th, kind))
}

/// The question a figure read from a change printed in a table's cell (`较2022年提高10个百分点`,
/// `较上年提高1个百分点`, `年均增长6%`) puts to a person, on the candidate: the plan format holds
/// the level a year asks for, and a change read as a level would be judged wrongly.
pub(super) fn change_doubt(c: &mut Candidate) {
    let Some(cell) = c.cell.as_deref().map(str::trim) else {
        return;
    };
    // A level worked out from the change (`翻一番` of the row's baseline) says so itself.
    if c.computed || Threshold::parse(cell).is_ok() {
        return;
    }
    let Some(change) = Threshold::read(cell).ok().and_then(|r| r.relative) else {
        return;
    };
    let base = change
        .base
        .unwrap_or_else(|| crate::i18n::pick("基期", "the baseline").to_string());
    c.doubts.push(crate::tr!(
        "`{cell}` 是相对 {base} 的变化量而非水平值：计划格式只记水平值，请按 {base} 的数值算出该年要求的水平值作为目标",
        "`{cell}` is a change from {base}, not a level: the plan format holds the level it asks for — work out that year's level from {base}'s figure and write it as the target"
    ));
}

/// A figure a table prints in a cell of its own: read from the cell, named by the row (the
/// cell's own words first: `累计新增400`), of the column's year (the plan's end when the column
/// names none).
fn cell_figure(
    line: usize,
    kind: Kind,
    name: &str,
    th: &Threshold,
    year: Option<i32>,
    end: Option<i32>,
) -> Candidate {
    let mut c = Candidate::blank(line);
    c.kind = kind;
    c.indicator = match &th.label {
        Some(l) => format!("{l}{name}"),
        None => name.to_string(),
    };
    c.year = year.or(end);
    c.year_stated = year.is_some();
    c.op = th.op;
    c.value = th.value;
    c.high = th.high;
    c
}

/// A footnote mark on a cell or a name: `①`…`⑳`.
/// A cell's figure read without its note marks, and its year: a baseline a note under the table
/// dates otherwise (`4.6③` with `③该项基础值为2021年数据`, the mark on the figure or on the name)
/// takes the note's year.
fn marked_reading(
    cell: &str,
    year: Option<i32>,
    base: bool,
    start: Option<i32>,
    name_marks: &[char],
    dated: &[(char, i32)],
) -> Option<(String, Threshold, Kind, Option<i32>)> {
    let (marks, figure) = note_marks(cell);
    let (th, kind) = cell_reading(&figure, year, base, start)?;
    let year = match kind {
        Kind::Baseline => noted_year(&marks, name_marks, dated).or(year),
        Kind::Target => year,
    };
    Some((figure, th, kind, year))
}

/// The notes under a table that date a marked baseline (`③该项基础值为2021年数据`, also after
/// `注：` or another note on the same line): each mark with its year.
fn dated_notes(after: &[&str]) -> Vec<(char, i32)> {
    let mut dated = Vec::new();
    // Markdown prints its footnotes at the end of the document: `[^1]: 该项基础值为2021年数据。`
    for l in after {
        let t = without_spaces(l);
        if let Some((mark, len)) = markdown_mark(&t)
            && t[len..].starts_with([':', '：'])
            && (t.contains("基础值") || t.contains("基期") || t.contains("基数"))
            && let Some(y) = header_year(&t[len..])
        {
            dated.push((mark, y));
        }
    }
    for l in after.iter().take(12) {
        let t = without_spaces(l);
        // A line may hold several notes: `注：①…。②该项基础值为2021年数据。`
        let starts: Vec<usize> = t
            .char_indices()
            .filter(|(_, c)| is_note_mark(*c))
            .map(|(b, _)| b)
            .collect();
        for (n, b) in starts.iter().enumerate() {
            let note = &t[*b..starts.get(n + 1).copied().unwrap_or(t.len())];
            if let Some(mark) = note.chars().next()
                && (note.contains("基础值") || note.contains("基期") || note.contains("基数"))
                && let Some(y) = header_year(note)
            {
                dated.push((mark, y));
            }
        }
    }
    dated
}

/// The notes under a table that date the baselines of rows they name by number (`注：1.第3项、
/// 第9项基础值为2021年数据。`, `序号5的基期值为2021年`): each row number with its year.
///
/// Why: a note dates a baseline by the row's 序号 as often as by a mark on it; the row's label is
/// that number.
fn numbered_notes(after: &[&str]) -> Vec<(u32, i32)> {
    let mut dated = Vec::new();
    for l in after.iter().take(12) {
        let t = without_spaces(l);
        for note in t.split(['。', '；', ';']) {
            if !(note.contains("基础值") || note.contains("基期") || note.contains("基数")) {
                continue;
            }
            let chars: Vec<char> = note.chars().collect();
            let mut rows = Vec::new();
            let mut after_rows = 0;
            let mut i = 0;
            while i < chars.len() {
                let lead = if chars[i] == '第' {
                    1
                } else if chars[i..].starts_with(&['序', '号']) {
                    2
                } else {
                    i += 1;
                    continue;
                };
                // `第3项、第9项`, `第3、9项`, `序号3、9`: numbers of at most three digits.
                let mut j = i + lead;
                let mut found = Vec::new();
                loop {
                    let from = j;
                    while chars.get(j).is_some_and(char::is_ascii_digit) {
                        j += 1;
                    }
                    if j == from || j - from > 3 {
                        break;
                    }
                    found.extend(collect_digits(&chars[from..j]));
                    if chars.get(j) == Some(&'、')
                        && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let closes = lead == 2 || chars.get(j) == Some(&'项');
                if closes && !found.is_empty() {
                    rows.extend(found);
                    after_rows = j;
                }
                i = j.max(i + 1);
            }
            // The year said of the rows, after them: `“2022年基础值”中，第3项为2021年数据` names
            // the column's year first.
            let said: String = chars[after_rows..].iter().collect();
            let year = header_year(&said).or_else(|| header_year(note));
            if let Some(y) = year.filter(|_| !rows.is_empty()) {
                dated.extend(rows.into_iter().map(|r| (r, y)));
            }
        }
    }
    dated
}

/// The year a note under the table says the whole table's baseline is (`注：2022年为基础值，2023年
/// 至2027年为年度目标`, `2022年数据为基期值`, `基期年为2022年`): a sheet whose header prints the
/// years alone (`2022年 2023年 … 2027年`) says only there which column is the baseline. A note
/// that dates one row's baseline (`第3项基础值为2021年数据`, `③该项…`) is [`numbered_notes`]'
/// and [`dated_notes`]', no table's.
fn base_year_note(after: &[&str]) -> Option<i32> {
    const BASE: [&str; 7] = [
        "基础值",
        "基期值",
        "基期年",
        "基准年",
        "基准值",
        "基数",
        "基期",
    ];
    for l in after.iter().take(12) {
        let t = without_spaces(l);
        for clause in t.split(['。', '；', ';', '，', ',']) {
            if clause.contains('项') || clause.contains("序号") || clause.contains("该") {
                continue;
            }
            if clause.chars().any(is_note_mark) || markdown_mark(clause).is_some() {
                continue;
            }
            let c = clause.trim_start_matches(['注', '说', '明', '备', '：', ':']);
            // A note's list number (`1.`, `2、`), not the year after it.
            let digits = c.len() - c.trim_start_matches(|d: char| d.is_ascii_digit()).len();
            let c = match c[digits..].chars().next() {
                Some(m) if digits <= 2 && "、.．)）".contains(m) => &c[digits + m.len_utf8()..],
                _ => c,
            };
            let Some(y) = header_year(c) else { continue };
            let year = y.to_string();
            // `2022年为基础值`, `2022年数据为基期值`: the year first, then the word.
            let year_first = c.starts_with(&year)
                && ["年为", "年是", "年数据为", "年数值为"]
                    .iter()
                    .any(|w| c[year.len()..].starts_with(w))
                && BASE
                    .iter()
                    .any(|b| c.ends_with(b) || c.ends_with(&format!("{b}年")));
            // `基期年为2022年`: the word first.
            let word_first = ["基期年", "基准年", "基期", "基础年"].iter().any(|b| {
                c.strip_prefix(b)
                    .and_then(|r| r.strip_prefix(['为', '是']))
                    .is_some_and(|r| r == format!("{year}年") || r == year)
            });
            if year_first || word_first {
                return Some(y);
            }
        }
    }
    None
}

/// The number a run of ASCII digits spells.
fn collect_digits(d: &[char]) -> Option<u32> {
    d.iter().collect::<String>().parse().ok()
}

/// A baseline's year as a note dates it, by the mark on its cell or on its row's name.
fn noted_year(marks: &[char], name_marks: &[char], dated: &[(char, i32)]) -> Option<i32> {
    marks
        .iter()
        .chain(name_marks)
        .find_map(|m| dated.iter().find(|(d, _)| d == m).map(|(_, y)| *y))
}

/// A table printed the other way round (a year's targets a row, an indicator a column): a header
/// whose first cell names the years (`年度`, `年份`, a diagonal cell `指标 年度`) over the indicators'
/// names with their units in brackets, then a row a year (`2022年（基期值）`, `2023年` …),
/// separated by tabs or `|`. No row prints an indicator, so each figure is drafted with its
/// year's row as the quote and its cell as the text; a row of a year before the plan, or
/// labelled 基期/基础/现状, gives baselines.
pub(super) fn transposed_candidates(
    lines: &[&str],
    at: usize,
    start: Option<i32>,
    end: Option<i32>,
) -> Option<(Vec<Candidate>, usize)> {
    let split = |l: &str| -> Vec<String> {
        let t = l.trim();
        if t.contains(['|', '｜']) {
            let t = t.trim_matches(['|', '｜']);
            t.split(['|', '｜']).map(|c| c.trim().to_string()).collect()
        } else {
            t.split('\t').map(|c| c.trim().to_string()).collect()
        }
    };
    let head = lines[at];
    if !head.contains(['\t', '|', '｜']) {
        return None;
    }
    let header = split(head);
    let first = without_spaces(header.first()?);
    let names_years = (first.contains("年度") || first.contains("年份"))
        && first.chars().count() <= 8
        && header_year(&first).is_none();
    // A table of places (a bulletin's `地区 | 每千人口托位数（个） | …`, a row a county): only
    // its rows that name a target or a year's level are figures (`全市年度目标`, `全市2023年
    // 完成值`); a place's row is what it reached.
    let names_places = PLACE_HEADS.contains(&first.as_str());
    if !(names_years || names_places)
        || header.len() < 3
        || header[1..]
            .iter()
            .any(|h| h.is_empty() || header_year(h).is_some())
    {
        return None;
    }
    // Each column's indicator and the unit in its last brackets.
    let names: Vec<(String, Option<String>)> = header[1..]
        .iter()
        .map(|h| {
            let h = h.trim();
            match h.rfind(['(', '（']) {
                Some(p) if h.ends_with([')', '）']) => {
                    let inner = h[p..]
                        .trim_start_matches(['(', '（'])
                        .trim_end_matches([')', '）']);
                    // `（个，累计）`: the unit before a comma.
                    let unit = inner.split(['，', ',']).next().unwrap_or("").trim();
                    if Unit::parse(unit).is_ok() {
                        (h[..p].trim().to_string(), Some(without_spaces(unit)))
                    } else {
                        (h.to_string(), None)
                    }
                }
                _ => (h.to_string(), None),
            }
        })
        .collect();
    let mut out = Vec::new();
    let mut i = at + 1;
    while i < lines.len() {
        let l = lines[i];
        if l.trim().is_empty() {
            break;
        }
        let cells = split(l);
        let label = without_spaces(cells.first().map_or("", |c| c.as_str()));
        let (year, base) = if names_places {
            // A Markdown table's rule, a header repeated after a page break: no row of figures.
            let rule = label.chars().all(|c| matches!(c, '-' | ':' | '—'));
            match place_row(&label, end) {
                Some(read) if !rule => read,
                _ => {
                    i += 1;
                    continue;
                }
            }
        } else {
            let Some(year) = header_year(&label).filter(|_| label.chars().take(4).all(is_digit))
            else {
                break;
            };
            let base = ["基期", "基础", "基数", "现状", "基准"]
                .iter()
                .any(|w| label.contains(w));
            (year, base)
        };
        for (k, cell) in cells.iter().enumerate().skip(1) {
            let Some((name, unit)) = names.get(k - 1) else {
                break;
            };
            let Some((figure, th, kind, year)) =
                marked_reading(cell, Some(year), base, start, &[], &[])
            else {
                continue;
            };
            let mut c = cell_figure(i + 1, kind, name, &th, year, end);
            c.unit = th.unit.clone().or_else(|| unit.clone());
            c.scope = scope_of(&format!("{name}{figure}"));
            c.text = Some(figure.trim().to_string());
            c.quote = Some(l.trim().to_string());
            c.heading = Some(label.clone());
            out.push(c);
        }
        i += 1;
    }
    (!out.is_empty()).then_some((out, i))
}

/// The first header cells of a table whose rows are places (`地区`, `县（市、区）`).
const PLACE_HEADS: &[&str] = &[
    "地区",
    "区域",
    "地方",
    "县（市、区）",
    "县(市、区)",
    "县市区",
    "区（县、市）",
    "乡镇（街道）",
    "乡镇(街道)",
    "镇街",
    "镇（街道）",
];

/// The year and kind of a row of a table of places that is a figure: a target's row
/// (`全市年度目标`, `2024年目标值`: its year, else the plan's end) or a year's level (`全市2023年
/// 完成值`, `2023年基数`: a baseline); None for a place's row, or a part of a year
/// (`全市1—9月`, `2024年上半年完成值`).
fn place_row(label: &str, end: Option<i32>) -> Option<(i32, bool)> {
    let year = header_year(label);
    if label.contains("目标") {
        return year.or(end).map(|y| (y, false));
    }
    let level = ["完成值", "完成数", "基期", "基础", "基数", "现状", "实际值"]
        .iter()
        .any(|w| label.contains(w));
    let part = label.contains('月') || label.contains("季度") || label.contains("半年");
    year.filter(|_| level && !part).map(|y| (y, true))
}

/// A line of a table shown as cards (a web page's mobile view, a table pasted from a form):
/// `key：value`, the key a column title (`指标名称`, `单位`, `2022年基础值`, `2025年目标值`,
/// `牵头单位`, `领域`). Returns the key's column and the value as printed.
fn card_line(t: &str) -> Option<(Column, &str, &str)> {
    let (key, value) = t.split_once(['：', ':'])?;
    let key_sq = without_spaces(key);
    if key_sq.is_empty() || key_sq.chars().count() > 12 || key_sq.contains(['，', '。', '；']) {
        return None;
    }
    let col = match column_of(&key_sq) {
        Column::Other if key_sq == "名称" => Column::Name,
        // `指标1`: a card's title, not its name.
        Column::Name if key_sq.chars().any(|c| c.is_ascii_digit()) => return None,
        c => c,
    };
    (col != Column::Other).then_some((col, key.trim(), value.trim()))
}

/// A card's title line: `指标1`, `指标 12`, `1.`, `（3）`.
fn card_title(t: &str) -> bool {
    let t = without_spaces(t);
    let rest = t.strip_prefix("指标").unwrap_or(&t);
    let rest = rest.trim_matches([
        '.', '．', '、', '(', ')', '（', '）', '【', '】', '第', '项',
    ]);
    !rest.is_empty() && rest.len() <= 3 && rest.chars().all(|c| c.is_ascii_digit())
}

/// A table shown as cards, one `key：value` line a cell and a card a row (a county page's mobile
/// view prints its indicator table so): `指标1` / `指标名称：…` / `单位：个` / `2022年基础值：3.4` /
/// `2025年目标值：4.5` / `2027年目标值：≥5` / `牵头单位：…`. Each figure is read as its own
/// line says it, and quoted by that line (the card is no row `validate` could find printed in
/// one piece). A mark after a figure or a name (`4.6③`) points to a note below the cards; a note
/// that dates the baseline (`③该项基础值为2021年数据`) gives that figure its year.
pub(super) fn card_candidates(
    lines: &[&str],
    at: usize,
    start: Option<i32>,
    end: Option<i32>,
) -> Option<(Vec<Candidate>, usize)> {
    // (line, column, key, value) of each card.
    type Card<'a> = Vec<(usize, Column, &'a str, &'a str)>;
    let mut cards: Vec<Card> = Vec::new();
    let mut card: Card = Vec::new();
    let mut i = at;
    let is_card = |c: &Card| {
        c.iter().any(|(_, col, _, _)| *col == Column::Name)
            && c.iter()
                .any(|(_, col, _, _)| matches!(col, Column::Value(..)))
    };
    while i < lines.len() {
        let t = lines[i].trim();
        if t.is_empty() || card_title(t) {
            if !card.is_empty() {
                if !is_card(&card) {
                    break;
                }
                cards.push(std::mem::take(&mut card));
            }
            i += 1;
            continue;
        }
        let Some((col, key, value)) = card_line(t) else {
            break;
        };
        if col == Column::Name && card.iter().any(|(_, c, _, _)| *c == Column::Name) {
            // The next card, with no title or blank line between.
            if !is_card(&card) {
                break;
            }
            cards.push(std::mem::take(&mut card));
        }
        card.push((i + 1, col, key, value));
        i += 1;
    }
    if !card.is_empty() && is_card(&card) {
        cards.push(card);
    }
    // Two cards at least: a single `名称：… 目标：…` pair is a sentence's business.
    if cards.len() < 2 {
        return None;
    }
    let dated = dated_notes(&lines[i..]);
    let mut out = Vec::new();
    for card in &cards {
        let get = |want: &dyn Fn(&Column) -> bool| {
            card.iter()
                .find(|(_, c, _, _)| want(c))
                .map(|(_, _, _, v)| *v)
        };
        let Some(name_printed) = get(&|c| *c == Column::Name) else {
            continue;
        };
        let (name_marks, name) = note_marks(name_printed);
        let marker = printed_sign(None, name_printed);
        let name: String = name.trim_matches(&SIGNS[..]).trim().to_string();
        let unit = get(&|c| *c == Column::Unit)
            .map(without_spaces)
            .filter(|u| Unit::parse(u).is_ok());
        let lead = get(&|c| *c == Column::Lead).map(String::from);
        let domain = get(&|c| *c == Column::Domain).map(without_spaces);
        for (line, col, key, value) in card {
            let Column::Value(year, base) = col else {
                continue;
            };
            let Some((figure, th, kind, year)) =
                marked_reading(value, *year, *base, start, &name_marks, &dated)
            else {
                continue;
            };
            let mut c = cell_figure(*line, kind, &name, &th, year, end);
            c.unit = th.unit.clone().or_else(|| unit.clone());
            c.scope = scope_of(&c.indicator);
            // The figure as printed, from its first sign or digit: `累计新增2400` says 2400.
            let from = figure
                .char_indices()
                .find(|(_, ch)| is_digit(*ch) || "≥≤<>＜＞≧≦".contains(*ch))
                .map_or(0, |(b, _)| b);
            c.text = Some(figure[from..].trim().to_string());
            c.quote = Some(format!("{key}：{value}"))
                .filter(|q| lines[*line - 1].contains(q.as_str()))
                .or_else(|| Some(lines[*line - 1].trim().to_string()));
            c.marker = marker.clone();
            c.lead = lead.clone();
            c.domain = domain
                .as_deref()
                .and_then(|d| Domain::parse(d).or_else(|| domain_in(d)));
            c.area = domain.clone();
            out.push(c);
        }
    }
    Some((out, i))
}

/// The signs a graphic page draws between a figure reached and the figure aimed at.
const ARROWS: [&str; 4] = ["→", "->", "⟶", "➝"];

/// What a line of a graphic page (一图读懂) is.
#[derive(Debug, Clone, PartialEq)]
enum GraphicLine {
    /// Words naming something: an indicator, a heading, a note under a figure (`五年累计`).
    Words(String),
    /// `2022年` alone: the year of the figure below it.
    Year(i32),
    /// One figure, or two with an arrow between them (`58%→72%`: reached, aimed at).
    Figures(Vec<String>),
    /// Anything else: a sentence, a number alone (`01`).
    Other,
}

fn graphic_line(t: &str) -> GraphicLine {
    let t = t.trim();
    if t.is_empty() || t.chars().count() > 30 || t.contains(['，', '。', '；', ',', ';', '：', ':'])
    {
        return GraphicLine::Other;
    }
    if let Some(y) = t.strip_suffix('年').and_then(|d| d.parse::<i32>().ok())
        && (1990..=2100).contains(&y)
    {
        return GraphicLine::Year(y);
    }
    let figure = |f: &str| {
        let f = f.trim();
        let th = Threshold::parse(f).ok()?;
        // A figure says what it counts (`3.8个`, `72%`) or how it is bounded (`≥72%`).
        let said = th.unit.is_some() || !matches!(th.op, Op::Reach);
        (th.value.is_some() && th.label.is_none() && said).then(|| f.to_string())
    };
    if let Some(arrow) = ARROWS.iter().find(|a| t.contains(*a))
        && let Some((a, b)) = t.split_once(arrow)
        && let (Some(a), Some(b)) = (figure(a), figure(b))
    {
        return GraphicLine::Figures(vec![a, b]);
    }
    if let Some(f) = figure(t) {
        return GraphicLine::Figures(vec![f]);
    }
    let words = t.chars().filter(|c| is_cjk(*c)).count();
    if words >= 2 {
        return GraphicLine::Words(t.to_string());
    }
    GraphicLine::Other
}

/// A graphic page's figures (一图读懂: a plan drawn as panels, copied as text): each figure on a
/// line of its own under its name (`普惠托位占比` / `58%→72%`; `每千人口…托位数` / `2022年` /
/// `3.8个` / `2025年` / `4.6个`), or, where the line above is a figure already named, above its
/// words (`1.3万人` / `每年城镇新增就业`). A year on a line of its own dates the figure under it;
/// an arrow's two figures are a figure reached and one aimed at, of the years a legend above
/// says (`主要指标（2022年→2027年）`), else the year before the plan and its end. A run of at
/// least three such figures is read; each figure is quoted by its line.
pub(super) fn graphic_candidates(
    lines: &[&str],
    at: usize,
    start: Option<i32>,
    end: Option<i32>,
) -> Option<(Vec<Candidate>, usize)> {
    let kinds: Vec<GraphicLine> = lines[at..]
        .iter()
        .take(2)
        .map(|l| graphic_line(l))
        .collect();
    let opens = matches!(
        kinds.as_slice(),
        [
            GraphicLine::Words(_),
            GraphicLine::Figures(_) | GraphicLine::Year(_)
        ]
    );
    if !opens {
        return None;
    }
    // The legend of an arrow's years, the last one above.
    let legend = lines[..at].iter().rev().take(60).find_map(|l| {
        let arrow = ARROWS.iter().find(|a| l.contains(*a))?;
        let (a, b) = l.split_once(arrow)?;
        let year = |s: &str, last: bool| {
            let years: Vec<i32> = s
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|d| d.parse().ok())
                .filter(|y| (1990..=2100).contains(y))
                .collect();
            if last {
                years.last().copied()
            } else {
                years.first().copied()
            }
        };
        Some((year(a, true)?, year(b, false)?))
    });
    let from = legend.map(|l| l.0).or(start.map(|s| s - 1));
    let to = legend.map(|l| l.1).or(end);
    let mut out = Vec::new();
    let mut i = at;
    // The name the next figure takes, whether a figure took it already, the year above.
    let mut name: Option<(String, bool)> = None;
    let mut year: Option<i32> = None;
    // The panel's heading just above (`01` / `幼有善育` / the first name).
    let mut domain: Option<Domain> = lines[at.saturating_sub(3)..at]
        .iter()
        .rev()
        .find_map(|l| Domain::parse(&without_spaces(l)));
    let mut misses = 0;
    let mut read_to = at;
    while i < lines.len() && misses < 3 {
        let line = graphic_line(lines[i]);
        match line {
            GraphicLine::Words(w) => {
                // A panel's heading (`幼有善育`) is its domain, no figure's name: `1.3万人` under
                // `劳有所得` is named by the words under it.
                match Domain::parse(&without_spaces(&w)) {
                    Some(d) => {
                        domain = Some(d);
                        name = None;
                    }
                    None => name = Some((w, false)),
                }
                year = None;
                misses = 0;
            }
            GraphicLine::Year(y) => {
                // Years on consecutive lines are a table's header (`2022年` / `2025年` /
                // `2027年`, a cell a line), not a panel's year over its figure.
                if matches!(
                    lines.get(i + 1).map(|l| graphic_line(l)),
                    Some(GraphicLine::Year(_))
                ) {
                    break;
                }
                year = Some(y);
                misses = 0;
            }
            GraphicLine::Figures(figs) => {
                misses = 0;
                let at_line = i;
                // Named by the words above, else (a figure above its words) by the line below.
                let named = match &name {
                    Some((n, used)) if !used || year.is_some() => Some(n.clone()),
                    _ => match lines.get(i + 1).map(|l| graphic_line(l)) {
                        Some(GraphicLine::Words(w)) => {
                            name = Some((w.clone(), true));
                            i += 1;
                            Some(w)
                        }
                        _ => None,
                    },
                };
                // A figure nothing names is no panel's: the lines are something else (a table a
                // cell a line, `58%` / `72%` under one name), and are read as such.
                let n = named?;
                if let Some((_, used)) = name.as_mut() {
                    *used = true;
                }
                let quote = lines[at_line].trim().to_string();
                let years: Vec<Option<i32>> = if figs.len() == 2 {
                    vec![from, to]
                } else {
                    vec![year]
                };
                for (f, y) in figs.iter().zip(years) {
                    let Some((th, kind)) = cell_reading(f, y, false, start) else {
                        continue;
                    };
                    let mut c = cell_figure(at_line + 1, kind, &n, &th, y, end);
                    c.unit = th.unit.clone();
                    c.scope = scope_of(&n);
                    c.text = Some(f.clone());
                    c.quote = Some(quote.clone());
                    c.domain = domain;
                    out.push(c);
                }
                year = None;
                read_to = i + 1;
            }
            GraphicLine::Other => {
                if lines[i].trim().is_empty() {
                    // A panel ends; its number (`02`) and heading come next.
                } else if lines[i].trim().chars().all(|c| c.is_ascii_digit()) {
                    name = None;
                } else {
                    misses += 1;
                }
                if !lines[i].trim().is_empty() {
                    name = None;
                }
            }
        }
        i += 1;
    }
    (out.len() >= 3).then_some((out, read_to))
}

/// A table with a column for two years (`2024年/2025年目标值`) whose cells print both years'
/// figures (`4.2/4.6`, `<5/<5`, `≈90/≈90`): the column as two, one a year. None where no column
/// names two years or some cell of it is no pair (a lone `/` sets no target in either year).
fn year_pairs(t: &RawTable) -> Option<RawTable> {
    let titled: Vec<(usize, &Column, Option<&String>)> = t
        .columns
        .iter()
        .zip(t.titles.iter().map(Some).chain(std::iter::repeat(None)))
        .filter(|(c, _)| **c != Column::Domain)
        .enumerate()
        .map(|(k, (c, title))| (k, c, title))
        .collect();
    let (k, base, years) = titled.iter().find_map(|(k, c, title)| {
        let Column::Value(_, base) = c else {
            return None;
        };
        let title = (*title)?;
        let (a, b) = title.split_once(['/', '／'])?;
        Some((*k, *base, (header_year(a)?, header_year(b)?)))
    })?;
    let pair = |cell: &str| -> Option<(String, String)> {
        let c = cell.trim();
        if c == "/" || c == "／" {
            return Some((c.to_string(), c.to_string()));
        }
        crate::extract::markup::figure_pair(c)
    };
    let rows_pair = t.rows.iter().all(|(_, _, cells, _)| {
        cells
            .get(k)
            .is_none_or(|c| c.trim().is_empty() || pair(c).is_some())
    });
    if !rows_pair {
        return None;
    }
    // The column in the table's own columns (the domain counted).
    let at = t
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| **c != Column::Domain)
        .nth(k)?
        .0;
    let mut columns = t.columns.clone();
    columns[at] = Column::Value(Some(years.0), base);
    columns.insert(at + 1, Column::Value(Some(years.1), base));
    let mut titles = t.titles.clone();
    if at < titles.len() {
        let title = titles[at].clone();
        titles.insert(at + 1, title);
    }
    let rows = t
        .rows
        .iter()
        .map(|(line, domain, cells, text)| {
            let mut cells = cells.clone();
            if let Some(c) = cells.get(k).cloned() {
                let (a, b) = pair(&c).unwrap_or_default();
                cells[k] = a;
                cells.insert(k + 1, b);
            }
            (*line, domain.clone(), cells, text.clone())
        })
        .collect();
    // A cell quoted apart from its row is quoted so for both years.
    let quoted = t
        .quoted
        .iter()
        .map(|q| {
            let mut q = q.clone();
            if let Some(c) = q.get(k).cloned() {
                q.insert(k + 1, c);
            }
            q
        })
        .collect();
    Some(RawTable {
        columns,
        titles,
        rows,
        quoted,
    })
}

/// Candidates of a table. A value column's year before the plan's `start` (a plain `2022年`
/// column in a 2023–2027 plan) is a baseline, as a `基础值` column is: never a target year.
pub(super) fn table_candidates(
    t: &RawTable,
    after: &[&str],
    start: Option<i32>,
    end: Option<i32>,
) -> Vec<Candidate> {
    let paired = year_pairs(t);
    let t = paired.as_ref().unwrap_or(t);
    let dated = dated_notes(after);
    let numbered = numbered_notes(after);
    // A note naming the baseline's year makes the first year's column, printed with no word of
    // its own, the baseline where later columns set targets.
    let noted_base = base_year_note(after);
    let first_value = t.columns.iter().find_map(|c| match c {
        Column::Value(y, _) => Some(*y),
        _ => None,
    });
    let later_targets = t
        .columns
        .iter()
        .any(|c| matches!(c, Column::Value(Some(y), false) if noted_base.is_some_and(|b| *y > b)));
    let noted_column = noted_base.filter(|b| first_value == Some(Some(*b)) && later_targets);
    let cols: Vec<Column> = t
        .columns
        .iter()
        .filter(|c| **c != Column::Domain)
        .map(|c| match c {
            Column::Value(Some(y), false) if noted_column == Some(*y) => {
                Column::Value(Some(*y), true)
            }
            c => c.clone(),
        })
        .collect();
    let cols: Vec<&Column> = cols.iter().collect();
    // A year's 完成值 in a table that also sets targets for a later year (a mid-term review:
    // `2025年目标值 | 2022年完成值`) is a figure reached, not a target.
    let last_target = cols
        .iter()
        .filter_map(|c| match c {
            Column::Value(Some(y), false) => Some(*y),
            _ => None,
        })
        .max();
    // Each column's header as printed, for the draft (a span: `2018—2022年平均`).
    let headings: Vec<Option<&String>> = t
        .columns
        .iter()
        .zip(t.titles.iter().map(Some).chain(std::iter::repeat(None)))
        .filter(|(c, _)| **c != Column::Domain)
        .map(|(_, title)| title)
        .collect();
    let reached: Vec<bool> = t
        .columns
        .iter()
        .zip(t.titles.iter().map(Some).chain(std::iter::repeat(None)))
        .filter(|(c, _)| **c != Column::Domain)
        .map(|(_, title)| {
            title.is_some_and(|h| {
                ["完成", "实际", "实绩", "达成"]
                    .iter()
                    .any(|w| h.contains(w))
            })
        })
        .collect();
    let cols: Vec<Column> = cols
        .into_iter()
        .zip(&reached)
        .map(|(c, reached)| match c {
            Column::Value(Some(y), false) if *reached && last_target.is_some_and(|l| l > *y) => {
                Column::Value(Some(*y), true)
            }
            c => c.clone(),
        })
        .collect();
    let cols: Vec<&Column> = cols.iter().collect();
    let mut out = Vec::new();
    for (r, (line, domain, cells, printed)) in t.rows.iter().enumerate() {
        // Rows without a label (a table with no 序号 column) start at the name.
        let offset = usize::from(
            cols.first() == Some(&&Column::Label)
                && cells.len() < cols.len()
                && cells.first().is_some_and(|c| !is_row_label(c)),
        );
        let cell_at =
            |n: usize| -> Option<&String> { n.checked_sub(offset).and_then(|m| cells.get(m)) };
        let col_index = |want: &dyn Fn(&Column) -> bool| cols.iter().position(|c| want(c));
        let Some(name_raw) = col_index(&|c| *c == Column::Name).and_then(cell_at) else {
            continue;
        };
        let label = col_index(&|c| *c == Column::Label)
            .and_then(cell_at)
            .cloned();
        let lead = col_index(&|c| *c == Column::Lead)
            .and_then(cell_at)
            .cloned();
        let unit_cell = col_index(&|c| *c == Column::Unit)
            .and_then(cell_at)
            .map(|u| without_spaces(u))
            .filter(|u| !u.is_empty());
        let marker = printed_sign(label.as_deref(), name_raw);
        let row_noted = label
            .as_deref()
            .and_then(|l| {
                without_spaces(l)
                    .trim_start_matches(&SIGNS[..])
                    .parse::<u32>()
                    .ok()
            })
            .and_then(|n| numbered.iter().find(|(r, _)| *r == n).map(|(_, y)| *y));
        // A footnote mark on the name (`普惠托位占比①`) points to a note, and is no part of it.
        let (name_marks, name_raw) = note_marks(name_raw);
        let name_raw = &name_raw.trim().trim_matches(&SIGNS[..]).trim().to_string();
        let truncated = cells.len() + offset < cols.len();
        // `每千人口拥有 3岁以下婴幼儿托位数(个)`: the unit is in the last brackets.
        let name_sq = name_raw.trim();
        let mut lost_unit = false;
        let (name, unit) = match name_sq.rfind(['(', '（']) {
            // `普惠托位占比()`: the % was lost when the document was flattened.
            Some(p) if name_sq[p..].chars().filter(|c| !c.is_whitespace()).count() == 2 => {
                lost_unit = true;
                (name_sq[..p].trim().to_string(), None)
            }
            Some(p) if name_sq.ends_with([')', '）']) => {
                let inner = name_sq[p..]
                    .trim_start_matches(['(', '（'])
                    .trim_end_matches([')', '）'])
                    .trim();
                if Unit::parse(inner).is_ok() {
                    (name_sq[..p].trim().to_string(), Some(without_spaces(inner)))
                } else {
                    (name_sq.to_string(), None)
                }
            }
            _ => {
                // `保障性租赁住房累计建设筹集套(间)数(万套)` has its unit last anyway.
                (name_sq.to_string(), None)
            }
        };
        // The row as printed (a row a line keeps its bars and its domain cell, so that
        // `validate --sources` finds it), else its cells joined by spaces.
        let row_text = printed
            .clone()
            .unwrap_or_else(|| cells.iter().map(|c| c.trim()).collect::<Vec<_>>().join(" "));
        // A schedule (`0 0 100 100`): a 0 before the work is due is no target; the last
        // column holding a figure above 0 tells how far the schedule runs.
        let read_at = |n: usize| {
            cell_at(n)
                .and_then(|c| Threshold::parse(c).ok())
                .and_then(|t| t.value)
        };
        let last_positive = (0..cols.len())
            .filter(|n| matches!(cols[*n], Column::Value(..)))
            .rfind(|n| read_at(*n).is_some_and(|v| v > rust_decimal::Decimal::ZERO));
        for (n, col) in cols.iter().enumerate() {
            let Column::Value(year, base) = col else {
                continue;
            };
            let Some(cell) = cell_at(n) else { continue };
            let is_past = *base || matches!((year, start), (Some(y), Some(s)) if *y < s);
            if !is_past && without_spaces(cell) == "0" && last_positive.is_some_and(|l| l > n) {
                continue;
            }
            // A cell that dates its figures (`2025年：4.5；2027年：5.5`, `3.8（2021年）`) gives each
            // year its own; any other is one figure, or several of one year (`职工86、城乡居民70`).
            let readings: Vec<(String, Threshold, Kind, Option<i32>, bool)> =
                match super::dated::dated_parts(cell) {
                    Some(dated) => dated
                        .into_iter()
                        .filter_map(|(y, words)| {
                            let (th, kind) = cell_reading(&words, Some(y), *base, start)?;
                            Some((words, th, kind, Some(y), true))
                        })
                        .collect(),
                    None => cell
                        .split(['、', '；', ';'])
                        .flat_map(stage_values)
                        .filter(|p| !p.trim().is_empty())
                        .filter_map(|part| {
                            let (figure, th, kind, year) =
                                marked_reading(part, *year, *base, start, &name_marks, &dated)?;
                            // A note that dates this row's baseline by its number (`第3项…为2021年数据`).
                            let year = match (kind, row_noted) {
                                (Kind::Baseline, Some(y)) => Some(y),
                                _ => year,
                            };
                            Some((figure, th, kind, year, false))
                        })
                        .collect(),
                };
            for (figure, th, kind, year, own_year) in readings {
                let mut c = cell_figure(*line, kind, &name, &th, year, end);
                c.unit = th
                    .unit
                    .clone()
                    .or_else(|| unit.clone())
                    .or_else(|| unit_cell.clone());
                c.marker = marker.clone();
                c.truncated = truncated;
                c.heading = headings.get(n).copied().flatten().cloned();
                if lost_unit && c.unit.is_none() {
                    c.doubts.push(crate::tr!(
                        "名称括号 `()` 中的单位丢失了：请确定单位",
                        "the unit was lost from the name's brackets `()`: settle it"
                    ));
                }
                c.scope = scope_of(&name);
                let figure = figure.trim_start().trim_end_matches('、').to_string();
                // A cell printed apart from its row (no line prints the row) is quoted by the
                // line that prints it, as prose is.
                let apart = n
                    .checked_sub(offset)
                    .and_then(|m| t.quoted.get(r)?.get(m)?.as_ref());
                if let Some((at, quote)) = apart {
                    c.line = *at;
                    c.text = Some(figure);
                    c.quote = Some(quote.clone());
                } else if own_year {
                    // Not a cell of its column's year: quoted by its row (or its cell), as
                    // prose is, with the words that give its year's figure.
                    c.text = Some(figure);
                    c.quote = Some(printed.clone().unwrap_or_else(|| cell.trim().to_string()));
                } else {
                    c.cell = Some(figure);
                    c.table = Some(row_text.clone());
                }
                c.row = label.as_ref().map(|l| l.trim().to_string());
                c.lead = lead.as_ref().map(|l| l.trim().to_string());
                c.domain = domain
                    .as_deref()
                    .and_then(|d| Domain::parse(d).or_else(|| domain_in(d)));
                c.area = domain.clone();
                c.section = Some("表".into());
                if name.contains("(%") || name.contains("（%") {
                    c.doubts.push(crate::tr!(
                        "请核对名称中的单位",
                        "check the unit in the name"
                    ));
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::extract::extract;

    /// A quarter's, a half-year's or a span of months' column or words: progress points inside
    /// a year. A period (`2023—2027年`), a date, a year and a word that merely holds 季 do not.
    #[test]
    fn points_inside_a_year() {
        for (words, want) in [
            ("一季度", true),
            ("第二季度", true),
            ("前三季度", true),
            ("上半年", true),
            ("2024年下半年目标", true),
            ("Q3", true),
            ("1—6月", true),
            ("1-9月累计", true),
            ("2023—2027年", false),
            ("2024年目标值", false),
            ("12月底前", false),
            ("季节性", false),
            ("QA1", false),
            ("Q12", false),
            ("", false),
        ] {
            assert_eq!(progress_point(words), want, "{words}");
        }
        assert_eq!(column_of("一季度"), Column::Other);
        assert_eq!(column_of("2024年二季度目标"), Column::Other);
    }

    /// A word processor's text export (Word's 纯文本) of a 2024 schedule: a table's title as long
    /// as the page's wrapped lines, then a tab header of two rows, the years in the first
    /// (`2023年`, `2024年`) and what each holds under them in the second (`完成值`, `目标值`, and
    /// the quarters `进度安排（累计）` spans). The title takes no row into its paragraph, each
    /// year's column keeps its figure, and no quarter's figure is read.
    #[test]
    fn a_schedule_by_quarter_under_its_years() {
        let para = "　　各牵头单位按下表分季度推进，季度进度为累计完成数，每\n季度结束后10日内报区专班办公室。\n";
        let doc = format!(
            "黄岩区公共服务“七优享”工程2024年工作要点\n{}\n附件\n黄岩区公共服务“七优享”工程2024年主要指标进度安排表\n\
序号\t指标名称\t单位\t2023年\t2024年\t进度安排（累计）\t\t\t牵头单位\n\
\t\t\t完成值\t目标值\t一季度\t二季度\t三季度\t\n\
1\t新增普惠托位\t个\t420\t500\t120\t260\t400\t区卫健局\n\
2\t城镇调查失业率\t%\t4.2\t<5\t<5\t<5\t<5\t区人力社保局\n",
            para.repeat(6)
        );
        let got: Vec<String> = extract(&doc, None)
            .candidates
            .iter()
            .filter(|c| c.cell.is_some())
            .map(crate::extract::kind_year_value)
            .collect();
        assert_eq!(
            got,
            [
                "baseline 2023 420",
                "target 2024 500",
                "baseline 2023 4.2",
                "target 2024 5"
            ],
            "{doc}"
        );
        let header = two_row_tab_header(
            "序号\t指标名称\t2023年\t2024年\t进度安排\t\t牵头单位",
            "\t\t完成值\t目标值\t一季度\t二季度\t",
        );
        assert_eq!(
            header.as_deref(),
            Some(
                &[
                    "序号",
                    "指标名称",
                    "2023年完成值",
                    "2024年目标值",
                    "进度安排一季度",
                    "二季度",
                    "牵头单位"
                ]
                .map(String::from)[..]
            )
        );
        // A group's row under the header (its merged 领域 empty) is no header's second row.
        assert!(
            two_row_tab_header("领域\t指标名称\t2022年\t2025年", "\t普惠托位占比\t45\t60")
                .is_none()
        );
    }

    /// `pdftotext -layout` of an annex whose names wrap over three lines in a narrow column: a
    /// row's one-line cells print on the name's middle line, a two-line name's on its first, and
    /// `基础值` under `2022年` beside the years `年度目标` spans. Each name whole, each figure its
    /// year's, across the page break (the header again, the first row's top over its line).
    /// pandoc's pipe table escapes a cell's `<`, `>` and `*` (`每年\<5`, `托位数\*`): read as the
    /// signs, so `每年\<5` is a target below 5 and the `*` is the row's sign, not part of its
    /// name; an escaped bar is a bar inside its cell. A cell of words stays no figure.
    #[test]
    fn a_pipe_tables_escaped_signs() {
        let doc = "| 序号 | 指标名称 | 单位 | 2022年 | 2027年 |\n|---|---|---|---|---|\n\
| 1 | 城镇调查失业率 | % | 3.9 | 每年\\<5 |\n\
| 2 | 每千人口拥有3岁以下婴幼儿托位数\\* | 个 | 3.6 | \\>5.5 |\n\
| 3 | 普惠托位占比 | % | 55 | 稳步提高\\|持续 |\n";
        let got: Vec<String> = extract(doc, Some(2027))
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{} {} {:?} {} {} {}",
                    c.kind.name(),
                    c.year.unwrap_or_default(),
                    c.op,
                    c.value.unwrap_or_default(),
                    c.indicator,
                    c.marker.as_deref().unwrap_or("-")
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "baseline 2022 Reach 3.9 城镇调查失业率 -",
                "target 2027 Lt 5 城镇调查失业率 -",
                "baseline 2022 Reach 3.6 每千人口拥有3岁以下婴幼儿托位数 *",
                "target 2027 Gt 5.5 每千人口拥有3岁以下婴幼儿托位数 *",
                "baseline 2022 Reach 55 普惠托位占比 -",
            ]
        );
        assert_eq!(bar_cells("| a\\|b | \\* | c |"), ["a|b", "*", "c"]);
    }

    /// Each candidate as `kind year value`.
    fn figures_of(doc: &str) -> Vec<String> {
        extract(doc, Some(2027))
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{} {} {}",
                    c.kind.name(),
                    c.year.unwrap_or_default(),
                    c.value.unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn titles_stacked_above_and_below_the_line_naming_the_indicator() {
        // An OCR's boxes or a PDF laid out: the one-line titles centred beside two-line ones.
        let stacked = [
            "                                                    2022年    2025年   2027年",
            "序号  领域           指标名称                单位                               责任单位",
            "                                                    基期值    目标值   目标值",
            " 1    幼有善育       普惠托位占比            %      55        ≥65      ≥70      市卫健局",
            " 2                   学前教育普惠率          %      92.6      95       ≥96      市教育局",
        ]
        .join("\n");
        assert_eq!(
            figures_of(&stacked),
            [
                "baseline 2022 55",
                "target 2025 65",
                "target 2027 70",
                "baseline 2022 92.6",
                "target 2025 95",
                "target 2027 96",
            ]
        );
        // Near miss: the titles under the head's own columns (`基础值 目标值 目标值` under
        // `2022年 2025年 2027年`) are a second header row, read as before.
        let under = [
            "序号  领域      指标名称                单位   2022年    2025年   2027年   责任单位",
            "                                              基础值    目标值   目标值",
            " 1    幼有善育  普惠托位占比            %      55        ≥65      ≥70      市卫健局",
        ]
        .join("\n");
        assert_eq!(
            figures_of(&under),
            ["baseline 2022 55", "target 2025 65", "target 2027 70"]
        );
        // Near miss: a line above with one year only (a title's date) makes no columns: the
        // head has no figure column, so no table.
        let one = [
            "                                                    2022年",
            "序号  领域           指标名称                单位                               责任单位",
            "                                                    基期值",
            " 1    幼有善育       普惠托位占比            %      55        ≥65      ≥70      市卫健局",
        ]
        .join("\n");
        assert!(
            !figures_of(&one).contains(&"target 2025 65".to_string()),
            "{:?}",
            figures_of(&one)
        );
    }

    #[test]
    fn a_header_row_repeated_under_the_markdown_rule() {
        // docling: a merged cell's text in every cell it spans, the header's second row the
        // first body row after the rule.
        let doc = "| 编号 | 领域 | 指标名称 | 单位 | 基期值 | 目标值 | 目标值 | 牵头单位 |\n\
|------|------|----------|------|--------|--------|--------|----------|\n\
| 编号 | 领域 | 指标名称 | 单位 | 2022年 | 2025年 | 2027年 | 牵头单位 |\n\
| 1-1 | 幼有善育 | 普惠托位占比 | % | 58 | 66 | 70 | 市卫健局 |\n\
| 1-2-1 | 幼有善育 | 其中：公办托位占比 | % | 21 | 28 | 32 | 市卫健局 |\n";
        assert_eq!(
            figures_of(doc),
            [
                "baseline 2022 58",
                "target 2025 66",
                "target 2027 70",
                "baseline 2022 21",
                "target 2025 28",
                "target 2027 32",
            ]
        );
        // Near miss: the first body row is a row of figures, not titles: read as a row.
        let plain = "| 序号 | 指标名称 | 单位 | 2022年 | 2027年 |\n|---|---|---|---|---|\n\
| 1 | 普惠托位占比 | % | 58 | 70 |\n";
        assert_eq!(figures_of(plain), ["baseline 2022 58", "target 2027 70"]);
        assert!(md_rule("|---|:---:|"));
        assert!(!md_rule("| 1 | - |"));
    }

    /// MarkItDown (markdownify) loses a table's merged cells: a title spanning two columns is
    /// followed by an empty cell, the second header row holds only the cells under it, and a
    /// row under a merged 领域 is one cell short.
    #[test]
    fn a_markdown_table_with_its_merged_cells_lost() {
        let doc = "| 序号 | 领域 | 指标名称 | 单位 | 2022年基础值 | 目标值 |  |\n\
| --- | --- | --- | --- | --- | --- | --- |\n\
| 2025年 | 2027年 |\n\
| 1 | 幼有善育 | 托位数\\* | 个 | 3.5 | 4.4 | 5.0 |\n\
| 2 | 普惠性托位占比 | % | 53 | 63 | 68 |\n\
| 3 | 新增中小学学位 | 个 | — | — | 累计9000 |\n\
| 4 | 学有优教 | 在园幼儿占比 | % | 93.1 | 94 | 95 |\n";
        assert_eq!(
            figures_of(doc),
            [
                "baseline 2022 3.5",
                "target 2025 4.4",
                "target 2027 5.0",
                "baseline 2022 53",
                "target 2025 63",
                "target 2027 68",
                "target 2027 9000",
                "baseline 2022 93.1",
                "target 2025 94",
                "target 2027 95",
            ]
        );
        let row = |r: &[&str]| r.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let above = row(&["1", "幼有善育", "托位数", "个", "3.5", "4.4", "5.0"]);
        assert_eq!(
            merged_down(
                &above,
                &row(&["2", "普惠性托位占比", "%", "53", "63", "68"])
            ),
            Some(row(&[
                "2",
                "幼有善育",
                "普惠性托位占比",
                "%",
                "53",
                "63",
                "68"
            ]))
        );
        // Near misses: rows cut short at their end (no place gives the row above's kinds
        // with words taken: tests/extract-heldout's jiangshan), a note of one cell, a row short
        // by more than a third.
        for short in [
            row(&["5", "城镇新增就业", "万人", "—", "每年2.5"]),
            row(&["5", "人均预期寿命", "岁", "81.9", "82.4"]),
            row(&["注：带*的为省定核心指标。"]),
            row(&["6", "城镇调查失业率", "<5", "<5"]),
        ] {
            assert_eq!(merged_down(&above, &short), None, "{short:?}");
        }
        // The same rows carried into a Word table, padded with empty cells at their end.
        let padded = row(&["2", "普惠性托位占比", "%", "53", "63", "68", ""]);
        assert_eq!(
            merged_down(&above, &padded),
            Some(row(&[
                "2",
                "幼有善育",
                "普惠性托位占比",
                "%",
                "53",
                "63",
                "68"
            ]))
        );
        let header = row(&["序号", "指标名称", "目标值", "", "备注"]);
        let placed = row(&["", "", "2025年", "2027年", ""]);
        assert_eq!(under_spans(&header, row(&["2025年", "2027年"])), placed);
        assert_eq!(
            under_spans(&header, row(&["2025年", "2027年", "", "", ""])),
            placed
        );
        // Near misses: cells not as many as the spans' columns, a row as wide as the header.
        assert_eq!(under_spans(&header, row(&["2025年"])), row(&["2025年"]));
        let full = row(&["", "", "2025年", "2027年", "单位"]);
        assert_eq!(under_spans(&header, full.clone()), full);
    }

    #[test]
    fn names_over_three_lines_with_cells_on_the_middle_one() {
        let doc = [
            "序号  领域      指标名称        单位    2022年              年度目标            牵头单位",
            "                                        基础值    2025年    2026年    2027年",
            "",
            "                每千人口拥有",
            "1     幼有善育  3岁以下婴幼儿   个      3.1       4.2       4.6       5         县卫健局",
            "                托位数",
            "2               普惠托位占比    %       50        62        66        ≥ 70      县卫健局",
            "3               城镇调查失业    %       3.6       < 5       < 5       < 5       县人社局",
            "                率",
            "                居民人均可支",
            "4     劳有所得  配收入          万元    3.96      4.6       4.85      5.1       县统计局",
            "5               低收入农户人    %       12.1      ≥ 10      ≥ 10      ≥ 10      县农业局",
            "                均可支配收入",
            "                增速",
            "                每千人口执业",
            "6     病有良医  （助理）医师    人      2.8       3.1       3.2       3.3       县卫健局",
            "                数",
            "7               人均预期寿命    岁      81.6      82        —         82.5      县卫健局",
            "",
            "                                                  — 4 —",
            "序号  领域      指标名称        单位    2022年              年度目标            牵头单位",
            "                                        基础值    2025年    2026年    2027年",
            "",
            "                每万老年人拥",
            "8     老有康养  有持证养老护    人      12        18        20        22        县民政局",
            "                理员数",
        ]
        .join("\n");
        let ex = extract(&doc, Some(2027));
        let got: Vec<(&str, Kind, i32, String)> = ex
            .candidates
            .iter()
            .filter(|c| c.year == Some(2022) || c.year == Some(2027))
            .map(|c| {
                let v = c.value.unwrap_or_default().to_string();
                (c.indicator.as_str(), c.kind, c.year.unwrap_or(0), v)
            })
            .collect();
        use Kind::*;
        let row = |n, b: &str, t: &str| {
            [
                (n, Baseline, 2022, b.to_string()),
                (n, Target, 2027, t.to_string()),
            ]
        };
        let want: Vec<_> = [
            row("每千人口拥有3岁以下婴幼儿托位数", "3.1", "5"),
            row("普惠托位占比", "50", "70"),
            row("城镇调查失业率", "3.6", "5"),
            row("居民人均可支配收入", "3.96", "5.1"),
            row("低收入农户人均可支配收入增速", "12.1", "10"),
            row("每千人口执业（助理）医师数", "2.8", "3.3"),
            row("人均预期寿命", "81.6", "82.5"),
            row("每万老年人拥有持证养老护理员数", "12", "22"),
        ]
        .concat();
        assert_eq!(got, want);
    }

    /// `pdftotext -layout` of a landscape annex: columns counted in characters, `领域 序号` one
    /// space apart, the years under `基础值 … 年度目标`, the 领域 one character a line, sub-rows.
    #[test]
    fn a_landscape_table_with_stacked_domains_and_sub_rows() {
        let doc = [
            " 领域 序号      指标名称                单位    基础值                     年度目标                    牵头单位",
            "                                      2022年   2023年   2024年   2025年   2026年   2027年",
            "",
            "幼  1        普惠托位占比              %     55      58      61      64      67      70      市卫健局",
            "有",
            "善  2        婴幼儿照护服务覆盖率          %     80      85      88      90      92      95      市卫健局",
            "育",
            "",
            "劳  3        居民人均可支配收入           元                                                     市统计局",
            "有           其中：城镇居民             元     81200   86000   89500   92500   94500   96000",
            "所                 农村居民          元     45800   48500   51000   53500   56000   58000",
            "得",
        ]
        .join("\n");
        let ex = extract(&doc, Some(2027));
        let got: Vec<(Kind, &str, i32, String, Option<Domain>)> = ex
            .candidates
            .iter()
            .filter(|c| c.year == Some(2022) || c.year == Some(2027))
            .map(|c| {
                let v = c.value.unwrap_or_default().to_string();
                (
                    c.kind,
                    c.indicator.as_str(),
                    c.year.unwrap_or(0),
                    v,
                    c.domain,
                )
            })
            .collect();
        use Kind::*;
        let (d1, d3) = (Some(Domain::幼有善育), Some(Domain::劳有所得));
        let (n1, n2, n3, n4) = (
            "普惠托位占比",
            "婴幼儿照护服务覆盖率",
            "城镇居民人均可支配收入",
            "农村居民人均可支配收入",
        );
        assert_eq!(
            got,
            [
                (Baseline, n1, 2022, "55".into(), d1),
                (Target, n1, 2027, "70".into(), d1),
                (Baseline, n2, 2022, "80".into(), d1),
                (Target, n2, 2027, "95".into(), d1),
                (Baseline, n3, 2022, "81200".into(), d3),
                (Target, n3, 2027, "96000".into(), d3),
                (Baseline, n4, 2022, "45800".into(), d3),
                (Target, n4, 2027, "58000".into(), d3),
            ]
        );
        assert_eq!(ex.candidates.len(), 4 * 6);
    }

    /// A 一图读懂 page: a figure under its name, years on lines of their own, an arrow's pair
    /// dated by the legend above, a figure above its words.
    #[test]
    fn a_graphic_page_names_each_figure_by_its_line() {
        let doc = "《长兴县公共服务“七优享”工程实施方案（2023—2027年）》\n主要指标（2022年→2027年）\n\n01\n幼有善育\n每千人口拥有3岁以下婴幼儿托位数\n2022年\n3.8个\n2025年\n4.6个\n普惠托位占比\n58%→72%\n城镇调查失业率\n控制在5%以内\n1.3万人\n每年城镇新增就业\n";
        let ex = extract(doc, None);
        let got: Vec<(Kind, &str, i32, String, &str)> = ex
            .candidates
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.indicator.as_str(),
                    c.year.unwrap_or(0),
                    c.value.unwrap_or_default().to_string(),
                    c.quote.as_deref().unwrap_or_default(),
                )
            })
            .collect();
        use Kind::*;
        let n1 = "每千人口拥有3岁以下婴幼儿托位数";
        assert_eq!(
            got,
            [
                (Baseline, n1, 2022, "3.8".into(), "3.8个"),
                (Target, n1, 2025, "4.6".into(), "4.6个"),
                (Baseline, "普惠托位占比", 2022, "58".into(), "58%→72%"),
                (Target, "普惠托位占比", 2027, "72".into(), "58%→72%"),
                (Target, "城镇调查失业率", 2027, "5".into(), "控制在5%以内"),
                (Target, "每年城镇新增就业", 2027, "1.3".into(), "1.3万人"),
            ]
        );
        assert_eq!(ex.candidates[0].domain, Some(Domain::幼有善育));
    }

    /// What a graphic page is not: a table a cell a line (its years a header row: `72%` over
    /// `每千人口托位数` is no figure of that name, `58%` under its name no 2027 target), and a
    /// panel's heading is no figure's name.
    #[test]
    fn a_graphic_page_is_not_a_table_a_cell_a_line() {
        let table = "指标\n2022年\n2027年\n普惠托位占比\n58%\n72%\n每千人口托位数\n3.8个\n5.5个\n城镇调查失业率\n4.2%\n<5%\n";
        let lines: Vec<&str> = table.lines().collect();
        for at in 0..lines.len() {
            assert!(
                graphic_candidates(&lines, at, Some(2023), Some(2027)).is_none(),
                "read as a graphic page from line {}",
                at + 1
            );
        }
        let page = "主要指标（2022年→2027年）\n\n02\n劳有所得\n1.3万人\n每年城镇新增就业\n城镇调查失业率\n控制在5%以内\n居民人均可支配收入\n6.5万元→9万元\n";
        let lines: Vec<&str> = page.lines().collect();
        let (got, _) = (0..lines.len())
            .find_map(|at| graphic_candidates(&lines, at, Some(2023), Some(2027)))
            .expect("a graphic page");
        let got: Vec<(&str, i32, String)> = got
            .iter()
            .map(|c| {
                let v = c.value.unwrap_or_default().to_string();
                (c.indicator.as_str(), c.year.unwrap_or(0), v)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("每年城镇新增就业", 2027, "1.3".to_string()),
                ("城镇调查失业率", 2027, "5".to_string()),
                ("居民人均可支配收入", 2022, "6.5".to_string()),
                ("居民人均可支配收入", 2027, "9".to_string()),
            ]
        );
    }

    /// The 领域 printed one character a line beside its rows: each row takes the group whose
    /// characters stand nearest (the group above where both are as near), so a group's first
    /// row printed above its characters has its domain (it had none, or the group above's).
    #[test]
    fn stacked_domains_go_to_the_nearest_rows() {
        let p = |v: &[(usize, &str)]| -> Vec<(usize, String)> {
            v.iter().map(|(l, t)| (*l, t.to_string())).collect()
        };
        let (d1, d2, d3) = ("幼有善育", "学有优教", "劳有所得");
        // (what, the rows' lines, the pieces and their lines, each row's domain)
        type Case<'a> = (
            &'a str,
            Vec<usize>,
            Vec<(usize, String)>,
            Option<Vec<&'a str>>,
        );
        let cases: Vec<Case> = vec![
            (
                "dongyang: rows under and over their group's characters, ties to the group above",
                vec![73, 75, 77, 79, 81, 83, 85, 87, 89, 91, 93],
                p(&[
                    (73, "幼"),
                    (74, "有"),
                    (75, "善"),
                    (76, "育"),
                    (80, "学"),
                    (81, "有"),
                    (82, "优"),
                    (83, "教"),
                    (88, "劳"),
                    (89, "有"),
                    (90, "所"),
                    (91, "得"),
                ]),
                Some(vec![d1, d1, d1, d2, d2, d2, d2, d3, d3, d3, d3]),
            ),
            (
                "the table's first row above its group's characters",
                vec![10, 12, 14, 16],
                p(&[(11, "幼"), (12, "有"), (13, "善"), (14, "育")]),
                Some(vec![d1, d1, d1, d1]),
            ),
            (
                "two characters a line",
                vec![10, 11, 13],
                p(&[(10, "幼有"), (11, "善育"), (13, "学有"), (14, "优教")]),
                Some(vec![d1, d1, d2]),
            ),
            (
                "a whole name on its row's line is no stacked cell",
                vec![10, 11],
                p(&[(10, "幼有善育")]),
                None,
            ),
            (
                "pieces that spell no domain",
                vec![10, 11, 12],
                p(&[(10, "托"), (11, "育"), (12, "服务")]),
                None,
            ),
            ("no pieces", vec![10], Vec::new(), None),
        ];
        for (what, rows, pieces, want) in cases {
            let want: Option<Vec<Option<String>>> =
                want.map(|w| w.iter().map(|d| Some(d.to_string())).collect());
            assert_eq!(stacked_domains(&rows, &pieces), want, "{what}");
        }
    }

    /// A scanned table read a row a line: a name's end on the line under its row joins it, but
    /// not the heading after the table, nor a line after a blank one.
    #[test]
    fn a_heading_after_an_ocr_table_is_no_names_end() {
        let table = "序号 领域 指标名称 单位 2022年 2025年 2027年 责任单位\n基础值 目标值 目标值\n1 幼有善育 每千人口拥有3岁以下婴幼儿 个 3.4 4.5 5.1 县卫健局\n托位数\n2 普惠托位占比 % 50 60 70 县卫健局\n";
        for after in ["（一）加强组织领导\n成立工作专班。\n", "\n保障措施\n"] {
            let ex = extract(&format!("{table}{after}"), Some(2027));
            let mut names: Vec<&str> = ex.candidates.iter().map(|c| c.indicator.as_str()).collect();
            names.dedup();
            assert_eq!(
                names,
                ["每千人口拥有3岁以下婴幼儿托位数", "普惠托位占比"],
                "{after}"
            );
        }
    }

    #[test]
    fn sub_items_are_named_with_the_row_they_divide() {
        for (sub, parent, want) in [
            (
                "其中：城镇居民",
                "居民人均可支配收入",
                "城镇居民人均可支配收入",
            ),
            (
                "（1）城镇职工",
                "基本养老保险参保率",
                "城镇职工基本养老保险参保率",
            ),
            ("②初中", "优质均衡达标学校占比", "初中优质均衡达标学校占比"),
            (
                "(2)城乡居民基本养老保险参保率",
                "基本养老保险参保率",
                "城乡居民基本养老保险参保率",
            ),
            ("农村居民", "", "农村居民"),
        ] {
            let words = sub_item(sub).unwrap_or(sub);
            assert_eq!(divided_name(words, parent), want, "{sub} under {parent}");
        }
        assert_eq!(sub_item("（一）托育"), None);
        assert_eq!(sub_item("普惠托位占比"), None);
    }

    #[test]
    fn tables_one_cell_a_line() {
        let doc = "表  诸暨市公共服务“七优享”五年目标\n\n领  域\n\n序号\n\n指 标\n\n2022年基础值\n\n2023年\n\n2027年\n\n责任单位\n\n幼有善育\n\n*1\n\n每千人口拥有 3岁以下婴幼儿托位数(个)\n\n3.5\n\n4.0\n\n5.5\n\n卫生健康局\n\n2\n\n普惠托位占比(%)\n\n60\n\n63\n\n72\n\n卫生健康局\n\n劳有所得\n\n*3\n\n欠薪线索动态化解率(%)\n\n93.0\n\n94. 5\n\n/\n\n人力社保局\n\n注:带*号为省定核心指标\n";
        let ex = extract(doc, Some(2027));
        type Row<'a> = (Kind, &'a str, &'a str, i32, Option<&'a str>, Option<Domain>);
        let got: Vec<Row> = ex
            .candidates
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.indicator.as_str(),
                    c.cell.as_deref().unwrap_or_default(),
                    c.year.unwrap_or_default(),
                    c.unit.as_deref(),
                    c.domain,
                )
            })
            .collect();
        use Kind::*;
        let (n1, n2, n3) = (
            "每千人口拥有 3岁以下婴幼儿托位数",
            "普惠托位占比",
            "欠薪线索动态化解率",
        );
        let (d1, d3) = (Some(Domain::幼有善育), Some(Domain::劳有所得));
        assert_eq!(
            got,
            [
                (Baseline, n1, "3.5", 2022, Some("个"), d1),
                (Target, n1, "4.0", 2023, Some("个"), d1),
                (Target, n1, "5.5", 2027, Some("个"), d1),
                (Baseline, n2, "60", 2022, Some("%"), d1),
                (Target, n2, "63", 2023, Some("%"), d1),
                (Target, n2, "72", 2027, Some("%"), d1),
                (Baseline, n3, "93.0", 2022, Some("%"), d3),
                (Target, n3, "94. 5", 2023, Some("%"), d3),
            ]
        );
        assert_eq!(
            ex.candidates[0].table.as_deref(),
            Some("*1 每千人口拥有 3岁以下婴幼儿托位数(个) 3.5 4.0 5.5 卫生健康局")
        );
        assert_eq!(ex.candidates[0].row.as_deref(), Some("*1"));
    }

    type Cell = (Kind, i32, String);

    /// (kind, year, cell) of each candidate.
    fn cells(doc: &str) -> Vec<Cell> {
        extract(doc, None)
            .candidates
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.year.unwrap_or_default(),
                    c.cell.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    /// A sheet saved as fixed-width text (Excel's `.prn`): fields measured in GBK bytes, text
    /// left-aligned and cut at its field's end, figures right-aligned to the next field's start.
    /// A figure running into the next field's text (`5.00区卫健局`, the 序号 `1幼有善育`), a name cut
    /// into its unit (`…课后服务%`, `…标准元/月`) and an empty unit cell keep every figure in its
    /// own year's column; the 注 under it (even cut) says the first year is the baseline. Near
    /// misses: with no such 注, or a 注 dating one row, the 2022 column stays as it was; a table
    /// whose pieces keep to no fields (figures centred under their titles) is read by its
    /// centres as before.
    #[test]
    fn a_sheet_of_fixed_width_fields() {
        use Kind::*;
        let t = |y, c: &str| (Target, y, c.to_string());
        let b = |y, c: &str| (Baseline, y, c.to_string());
        // Each line as saved: a `\` line continuation would eat the fields' leading spaces.
        let sheet = [
            "某区公共服务“七优享”",
            "",
            "序号 领域      指标名称                单位    2022年   2023年   2027年   责任单位",
            "    1幼有善育  每千人口拥有3岁以下婴幼 个           3.60     3.90     5.00区卫健局",
            "    2          义务教育阶段学校课后服务%           86.0%    88.0%    95.0%区教育局",
            "    3          城乡居民收入倍差                     1.68     1.67     1.62区统计局",
            "    4          困难群众基本生活救助标准元/月       1,120    1,180    1,420区民政局",
            "",
        ]
        .join("\n");
        let rows = |first: fn(i32, &str) -> Cell| -> Vec<Cell> {
            [
                ["3.60", "3.90", "5.00"],
                ["86.0%", "88.0%", "95.0%"],
                ["1.68", "1.67", "1.62"],
                ["1,120", "1,180", "1,420"],
            ]
            .iter()
            .flat_map(|[a, m, z]| [first(2022, a), t(2023, m), t(2027, z)])
            .collect()
        };
        let with = |note: &str| format!("{sheet}{note}\n");
        assert_eq!(
            cells(&with("               注：2022年为基础值，2023")),
            rows(|y, c| (Baseline, y, c.to_string()))
        );
        assert_eq!(
            cells(&with("注：1.2022年数据为基期值。")),
            rows(|y, c| (Baseline, y, c.to_string()))
        );
        assert_eq!(
            cells(&with("注：基期年为2022年")),
            rows(|y, c| (Baseline, y, c.to_string()))
        );
        assert_eq!(cells(&with("")), rows(|y, c| (Target, y, c.to_string())));
        assert_eq!(
            cells(&with("注：第2项基础值为2021年数据。")).first(),
            Some(&t(2022, "3.60"))
        );
        assert_eq!(
            cells(&with("注：2021年为基础值。")).first(),
            Some(&t(2022, "3.60"))
        );
        // Centred under their titles, the figures keep to no fields: read by their centres.
        let centred = [
            "某区公共服务“七优享”",
            "",
            "序号   指标名称              2022年基础值   2025年   2027年",
            " 1     普惠托位占比             48.0          60       70",
            " 2     人均预期寿命             81.2         81.5     81.8",
            "",
        ]
        .join("\n");
        assert_eq!(
            cells(&centred),
            vec![
                b(2022, "48.0"),
                t(2025, "60"),
                t(2027, "70"),
                b(2022, "81.2"),
                t(2025, "81.5"),
                t(2027, "81.8")
            ]
        );
    }

    /// The notes under a sheet of fixed-width fields end it (`说明：`, `填报说明：1.…` and its
    /// `2.…`, `备注①`, `注 …`), as `注：` did: their lines are no rows, their figures no cells
    /// (`2023—202` / `7年` read as a baseline of 7 in a row's column). Near misses: a name that
    /// starts with a note's word (`注册护士数`, `说明书`) goes on.
    #[test]
    fn the_notes_under_a_sheet_end_it() {
        let sheet = [
            "某区公共服务“七优享”",
            "",
            "序号 领域      指标名称                单位    2022年   2023年   2027年   责任单位",
            "    1幼有善育  每千人口拥有3岁以下婴幼 个           3.60     3.90     5.00区卫健局",
            "    2          困难群众基本生活救助标准元/月       1,120    1,180    1,420区民政局",
            "               填报说明：1.分年度目标为2023—2027年",
            "               2.项目计划投资以年度计划为准，共10个",
            "",
        ]
        .join("\n");
        let table: Vec<Cell> = cells(&sheet)
            .into_iter()
            .filter(|c| !c.2.is_empty())
            .collect();
        // `分年度目标为2023—2027年`: the year before them is the baseline's.
        let t = |y, c: &str| (Kind::Target, y, c.to_string());
        let b = |y, c: &str| (Kind::Baseline, y, c.to_string());
        assert_eq!(
            table,
            vec![
                b(2022, "3.60"),
                t(2023, "3.90"),
                t(2027, "5.00"),
                b(2022, "1,120"),
                t(2023, "1,180"),
                t(2027, "1,420")
            ]
        );
        for (line, note) in [
            ("说明：1.第14项为当年新开工数", true),
            ("填报说明：1.分年度目标为", true),
            ("备注①按常住人口计算", true),
            ("注 2022年为基础值", true),
            ("注1：单位为1/10万", true),
            ("数据来源：区统计局", true),
            ("注册护士数", false),
            ("说明书发放率", false),
        ] {
            assert_eq!(note_block(line), note, "{line}");
        }
    }

    /// A cell of two values for two stages or groups (`0.34/0.29` for 小学/初中): two figures of
    /// its year. Near misses, read as before: a unit with `/` (`810元/月`), a lone `/`, `1/10万`
    /// (no pair: the parts' units differ).
    #[test]
    fn stage_values_in_one_cell() {
        use Kind::*;
        let doc = "某区公共服务“七优享”工程实施方案(2023—2027年)\n\
| 序号 | 指标 | 2022年基础值 | 2025年 | 2027年 |\n\
| 1 | 校际差异系数 | 0.34/0.29 | <0.32/<0.27 | 0.30/0.25 |\n\
| 2 | 救助标准（元/月） | 810元/月 | / | 1/10万 |\n";
        assert_eq!(
            cells(doc),
            vec![
                (Baseline, 2022, "0.34".into()),
                (Baseline, 2022, "0.29".into()),
                (Target, 2025, "<0.32".into()),
                (Target, 2025, "<0.27".into()),
                (Target, 2027, "0.30".into()),
                (Target, 2027, "0.25".into()),
                (Baseline, 2022, "810元/月".into()),
                // One figure as before: the parts are in different units.
                (Target, 2027, "1/10万".into()),
            ]
        );
        assert_eq!(stage_values("0.34/0.29"), vec!["0.34", "0.29"]);
        assert_eq!(stage_values("810元/月"), vec!["810元/月"]);
        assert_eq!(stage_values("1/10万"), vec!["1/10万"]);
        assert_eq!(stage_values("/"), vec!["/"]);
    }

    /// Tables printed the other way round: a year a row, an indicator a column (tabs or `|`,
    /// a diagonal header cell `指标 年度`, a baseline row `2022年（基期值）`), each figure quoted
    /// by its year's row, with the unit from its column's brackets.
    #[test]
    fn transposed_tables() {
        use Kind::*;
        type Figure = (Kind, i32, String, String, Option<String>);
        let f = |k, y, v: &str, name: &str, unit: Option<&str>| -> Figure {
            (
                k,
                y,
                v.to_string(),
                name.to_string(),
                unit.map(String::from),
            )
        };
        let head = "某县公共服务“七优享”工程实施方案(2023—2027年)\n";
        let cases: Vec<(&str, Vec<Figure>)> = vec![
            (
                "年度\t普惠托位占比（%）\t新增中小学学位（个）\n2022年（基期值）\t50\t/\n2023年\t54\t累计1800\n2027年\t≥65\t累计9000\n",
                vec![
                    f(Baseline, 2022, "50", "普惠托位占比", Some("%")),
                    f(Target, 2023, "54", "普惠托位占比", Some("%")),
                    f(Target, 2023, "累计1800", "新增中小学学位", Some("个")),
                    f(Target, 2027, "≥65", "普惠托位占比", Some("%")),
                    f(Target, 2027, "累计9000", "新增中小学学位", Some("个")),
                ],
            ),
            (
                "| 指标 年度 | 城镇调查失业率（%） | 人均预期寿命（岁） |\n| 2022年基期值 | 4.2 | 82.9 |\n| 2025年 | <5 | 83.3 |\n",
                vec![
                    f(Baseline, 2022, "4.2", "城镇调查失业率", Some("%")),
                    f(Baseline, 2022, "82.9", "人均预期寿命", Some("岁")),
                    f(Target, 2025, "<5", "城镇调查失业率", Some("%")),
                    f(Target, 2025, "83.3", "人均预期寿命", Some("岁")),
                ],
            ),
            // A header whose cells are years is an ordinary table, not this.
            ("年度\t2023年\t2024年\n托位数\t4.1\t4.4\n", vec![]),
        ];
        for (table, want) in cases {
            let doc = format!("{head}{table}");
            let got: Vec<Figure> = extract(&doc, None)
                .candidates
                .iter()
                .map(|c| {
                    (
                        c.kind,
                        c.year.unwrap_or_default(),
                        c.text.clone().unwrap_or_default(),
                        c.indicator.clone(),
                        c.unit.clone(),
                    )
                })
                .collect();
            assert_eq!(got, want, "{table}");
            for c in extract(&doc, None).candidates {
                let quote = c.quote.unwrap_or_default();
                assert!(table.contains(&quote), "{quote}");
            }
        }
    }

    /// Layouts of other counties' tables, each read by column.
    #[test]
    fn tables_of_other_layouts() {
        use Kind::*;
        let t = |y, c: &str| (Target, y, c.to_string());
        let b = |y, c: &str| (Baseline, y, c.to_string());
        let head = "某县公共服务“七优享”工程实施方案(2023—2027年)\n";
        let cases: Vec<(&str, Vec<Cell>)> = vec![
            // A 领域 column second, filled on its group's first row only; full-width bars.
            (
                "序号｜领域｜指标名称｜单位｜2022年基础值｜2025年｜2027年｜牵头单位\n1｜幼有善育｜普惠托位占比｜%｜48｜>60｜≥65｜县卫健局\n2｜｜托育机构覆盖率｜%｜80｜90｜100｜县卫健局\n",
                vec![
                    b(2022, "48"),
                    t(2025, ">60"),
                    t(2027, "≥65"),
                    b(2022, "80"),
                    t(2025, "90"),
                    t(2027, "100"),
                ],
            ),
            // A table typed in a full-width input mode, its cells aligned by full-width spaces,
            // and a note dating row 2's baseline by its 序号 (row 1 keeps the header's year).
            (
                "序号　　指标名称　　　　单位　　２０２２年基础值　　２０２５年目标\n１　　　普惠托位占比　　％　　　５２　　　　　　　　６０\n２　　　人均预期寿命　　岁　　　８１．２　　　　　　８１．８\n注：１.第２项、第５项基础值为２０２１年数据。\n",
                vec![
                    b(2022, "５２"),
                    t(2025, "６０"),
                    b(2021, "８１．２"),
                    t(2025, "８１．８"),
                ],
            ),
            // A header of two rows.
            (
                "| 序号 | 指标 | 基期值 | 目标值 | 目标值 |\n|  |  | 2022年 | 2025年 | 2027年 |\n| 1 | 学前教育普及普惠率(%) | 97.5 | 98 | 98.5 |\n",
                vec![b(2022, "97.5"), t(2025, "98"), t(2027, "98.5")],
            ),
            // A flattened .docx: cells run together, a name wrapped, a page footer between rows.
            (
                "序号 指标 2022年 2025年 2027年 责任单位\n1 困难群众医疗费用综合保障率()85 ≥88 ≥90县医保局\n— 3 —\n2 每万老年人拥有持证养老护理员\n数(人) 16 22 25 县民政局\n",
                vec![
                    b(2022, "85"),
                    t(2025, "≥88"),
                    t(2027, "≥90"),
                    b(2022, "16"),
                    t(2025, "22"),
                    t(2027, "25"),
                ],
            ),
            // Tabs, a header of two rows: `基础值` over `2022年`, `年度目标` spanning the years,
            // the second row starting with the tabs of the cells merged down; `累计新增` cells.
            (
                "序号\t领域\t指标名称\t单位\t基础值\t年度目标\t\t\t牵头单位\n\t\t\t\t2022年\t2023年\t2024年\t2025年\t\n1\t幼有善育\t普惠托位占比\t%\t52\t55\t58\t≥60\t市卫健局\n2\t\t新增普惠托位数\t个\t/\t累计新增400\t累计新增800\t累计新增1200\t市卫健局\n",
                vec![
                    b(2022, "52"),
                    t(2023, "55"),
                    t(2024, "58"),
                    t(2025, "≥60"),
                    t(2023, "累计新增400"),
                    t(2024, "累计新增800"),
                    t(2025, "累计新增1200"),
                ],
            ),
            // Footnote marks on a name and on a baseline, the note dating the baseline.
            (
                "| 序号 | 指标 | 单位 | 2022年基础值 | 2025年 | 2027年 |\n| 1 | 普惠托位占比① | % | 50 | ≥60 | ≥70 |\n| 2 | 每千人口医疗机构床位数 | 张 | 4.6② | 5.0 | 5.4 |\n注：①普惠托位指收费不超过公办园2倍的托位。②该项基础值为2021年数据。\n",
                vec![
                    b(2022, "50"),
                    t(2025, "≥60"),
                    t(2027, "≥70"),
                    b(2021, "4.6"),
                    t(2025, "5.0"),
                    t(2027, "5.4"),
                ],
            ),
            // The same header with the second row's leading tabs dropped by the copy: the years
            // fill the figure columns (a titled one and the empty cells it spans) in order.
            (
                "序号\t指标名称\t单位\t基础值\t目标值\t\t牵头单位\n2022年\t2025年\t2027年\n1\t普惠托位占比\t%\t52\t≥60\t≥70\t县卫健局\n",
                vec![b(2022, "52"), t(2025, "≥60"), t(2027, "≥70")],
            ),
            // python-docx's rows: a merged cell repeated in each grid cell it covers, the header's
            // first row's titles again in the second over the years, 领域 on every row, a cell of
            // two paragraphs running its row over two lines.
            (
                "序号\t领域\t指标名称\t单位\t基础值\t目标值\t目标值\t指标属性\t牵头单位\n序号\t领域\t指标名称\t单位\t2022年\t2025年\t2027年\t指标属性\t牵头单位\n1\t幼有善育\t普惠托位占比\t%\t52\t60\t67\t预期性\t区卫健局\n2\t学有优教\t义务教育优质均衡发展\n达标学校占比\t%\t61\t81\t85\t约束性\t区教育局\n",
                vec![
                    b(2022, "52"),
                    t(2025, "60"),
                    t(2027, "67"),
                    b(2022, "61"),
                    t(2025, "81"),
                    t(2027, "85"),
                ],
            ),
            // CSV whose header's second row ends in empty cells (`,,,,2022年,2027年,,`): the
            // record is as wide as the header still, the years under their titles.
            (
                "序号,指标名称,单位,基础值,目标值,,指标属性,牵头单位\n,,,2022年,2025年,2027年,,\n1,普惠托位占比,%,57,62,70,预期性,县卫健局\n",
                vec![b(2022, "57"), t(2025, "62"), t(2027, "70")],
            ),
            // A page's table printed a row a line with one space between cells (lynx): a header
            // cell `2022年基础值` is one title, not a figure and a word.
            (
                "序号 领域 指标名称 单位 2022年基础值 2025年目标值 2027年目标值 牵头单位\n1 幼有善育 普惠托位占比 % 54 65 70 市卫健局\n2 每千人口执业（助理）医师数 人 3.12 3.5 3.8 市卫健局\n",
                vec![
                    b(2022, "54"),
                    t(2025, "65"),
                    t(2027, "70"),
                    b(2022, "3.12"),
                    t(2025, "3.5"),
                    t(2027, "3.8"),
                ],
            ),
            // A second row repeating the first's words with no year under them is no header row.
            (
                "序号\t指标名称\t单位\t2022年基础值\t2027年目标值\n序号\t指标名称\t单位\t2022年基础值\t2027年目标值\n1\t普惠托位占比\t%\t52\t≥70\n",
                vec![b(2022, "52"), t(2027, "≥70")],
            ),
            // A sheet saved by Excel as tab-separated text: its title with the tabs of the empty
            // cells after it (no header, though it names 指标), a header cell and a name holding
            // a line break quoted over two lines, `年度目标` spanning the years, CRLF rows, the
            // cells as Excel displays them (`55.00%`, `68,520`), `≥ 70` with a space, `85-90`.
            (
                "某县主要指标年度目标表\t\t\t\t\t\t\r\n序号\t指标名称\t\"2022年\r\n基础值\"\t年度目标\t\t\t牵头单位\r\n\t\t\t2023年\t2025年\t2027年\t\r\n1\t\"每千人口拥有3岁以下\n婴幼儿托位数*\"\t3.9\t4.2\t4.5\t5.5\t市卫健局\r\n2\t普惠托位占比\t55.00%\t58.00%\t64.00%\t≥ 70\t市卫健局\r\n3\t\"居民人均\n可支配收入（元）\"\t68,520\t72,600\t79,000\t87,000\t市统计局\r\n4\t\"困难群众医疗费用\n综合保障率\"\t85\t85-90\t\"≥ 90\"\t/\t市医保局\r\n\"注：1.带*的为核心指标；\n2.“/”表示当年不设目标。\"\t\t\t\t\t\t\r\n",
                vec![
                    b(2022, "3.9"),
                    t(2023, "4.2"),
                    t(2025, "4.5"),
                    t(2027, "5.5"),
                    b(2022, "55.00%"),
                    t(2023, "58.00%"),
                    t(2025, "64.00%"),
                    t(2027, "≥ 70"),
                    b(2022, "68,520"),
                    t(2023, "72,600"),
                    t(2025, "79,000"),
                    t(2027, "87,000"),
                    b(2022, "85"),
                    t(2023, "85-90"),
                    t(2025, "≥ 90"),
                ],
            ),
            // Tabs with an empty domain cell, and an 属性 column after the years.
            (
                "类别\t指标\t2022年\t2027年\t属性\n幼有所育\t普惠托位占比(%)\t55\t70\t预期性\n\t学前教育毛入园率(%)\t98\t>98\t约束性\n",
                vec![b(2022, "55"), t(2027, "70"), b(2022, "98"), t(2027, ">98")],
            ),
        ];
        for (table, want) in cases {
            assert_eq!(cells(&format!("{head}{table}")), want, "{table}");
        }
    }

    /// Tables as text extraction lays them out: fixed-width columns (pdftotext -layout, pandoc),
    /// drawn boxes (w3m), one cell a line with page furniture, and a schedule's zeros.
    #[test]
    fn tables_as_extracted_from_pdf_docx_and_web_pages() {
        use Kind::*;
        let t = |y, c: &str| (Target, y, c.to_string());
        let b = |y, c: &str| (Baseline, y, c.to_string());
        let head = "某县公共服务“七优享”工程实施方案(2023—2027年)\n";
        let cases: Vec<(&str, Vec<Cell>)> = vec![
            // pdftotext -layout: `2022年` over `基础值`, a name wrapped in its column, the table
            // over two pages with a footer, (续表) and its header again.
            (
                "  序号   领域      指标名称               单位   2022年   2027年   指标属性\n                                                基础值   目标值\n   1    幼有善育  每千人口拥有3岁以下婴     个     3.6      5.5      预期性\n                  幼儿托位数\n\n                          — 4 —\n\u{c}                                                              (续表)\n  序号   领域      指标名称               单位   2022年   2027年   指标属性\n                                                基础值   目标值\n   2    病有良医  人均预期寿命             岁     82.3     ≧83      预期性\n  注:1.带*的为省定核心指标。\n",
                vec![
                    b(2022, "3.6"),
                    t(2027, "5.5"),
                    b(2022, "82.3"),
                    t(2027, "≧83"),
                ],
            ),
            // pandoc's multiline table: dashed rules, rows separated by blank lines.
            (
                "  ------ ---------- ------------------ -------- --------\n  序号   领域       指标               2022年   2025年\n  ------ ---------- ------------------ -------- --------\n  1      幼有善育   普惠托位占比（%）  55       65\n\n  2                 每千人口医疗机构   4.3      4.9\n                    床位数（张）\n  ------------------------------------------------------\n",
                vec![b(2022, "55"), t(2025, "65"), b(2022, "4.3"), t(2025, "4.9")],
            ),
            // pandoc's grid table (`+---+` rules, `+===+` under a header of two lines, `|` bars,
            // cells wrapped inside their column, Markdown escapes, a footnote `[^1]` whose note at
            // the end of the document dates the baseline).
            (
                "+------+------------------+----------+--------+--------+\n| 序号 | 指标名称         | 2022年   | 2025年 | 2027年 |\n|      |                  | 基础值   |        |        |\n+======+==================+==========+========+========+\n| 1    | 每千人口拥有3岁  | 3.9[^1]  | 4.6    | 5.2    |\n|      | 以下婴幼儿托位数 |          |        |        |\n|      | \\*               |          |        |        |\n+------+------------------+----------+--------+--------+\n| 2    | 城镇调查失业率   | 4.1      | \\<4.5  | 累计   |\n|      |                  |          |        | 12000  |\n+------+------------------+----------+--------+--------+\n\n[^1]: 该项基础值为2021年数据。\n",
                vec![
                    b(2021, "3.9"),
                    t(2025, "4.6"),
                    t(2027, "5.2"),
                    b(2022, "4.1"),
                    t(2025, "<4.5"),
                    t(2027, "12000"),
                ],
            ),
            // An annex workbook saved as CSV (WPS): a title row of commas, header cells with a
            // line break inside quotes, `="1"` labels, a name broken inside its quoted cell,
            // `"50,180"`, `52.00%`, two departments in one quoted cell, a trailing empty column,
            // the note as one quoted cell.
            (
                "某县主要指标表,,,,,,\n序号,领域,指标名称,单位,\"2022年\n基础值\",\"2025年\n目标值\",\"2027年\n目标值\",牵头单位,\n=\"1\",幼有善育,\"每千人口拥有3岁以下\n婴幼儿托位数\",个,3.1,4.5,5.0,\"县卫健局,县妇联\",\n=\"2\",,普惠托位占比,%,52.00%,60.00%,≥70,县卫健局,\n=\"3\",劳有所得,居民人均可支配收入,元,\"50,180\",\"61,480\",\"70,390\",县统计局,\n\"注：1.“/”表示当年不作考核。\",,,,,,\n",
                vec![
                    b(2022, "3.1"),
                    t(2025, "4.5"),
                    t(2027, "5.0"),
                    b(2022, "52.00%"),
                    t(2025, "60.00%"),
                    t(2027, "≥70"),
                    b(2022, "50,180"),
                    t(2025, "61,480"),
                    t(2027, "70,390"),
                ],
            ),
            // A scanned table's OCR layer: a row a line, cells split by single spaces, the
            // header's second row on a line of its own, a name's end on the next line, `O`/`l`
            // for digits, a merged domain cell printed on its group's first row only.
            (
                "序号 领域 指标名称 单位 2022年 2025年 2O27年 责任单位\n基础值 目标值 目标值\n1 幼有善育 每千人口拥有3岁以下婴幼儿 个 3.4 4.5 5.l 市卫健局\n托位数\n2 普惠托位占比 % 5O 6O 70 市卫健局\n注:累计为2023年起累计数。\n",
                vec![
                    b(2022, "3.4"),
                    t(2025, "4.5"),
                    t(2027, "5.1"),
                    b(2022, "50"),
                    t(2025, "60"),
                    t(2027, "70"),
                ],
            ),
            // w3m's drawn table: a cell's text wrapped inside its box.
            (
                "┌────┬──────────┬──────┬──────┐\n│序号│指标      │2022年│2027年│\n├────┼──────────┼──────┼──────┤\n│1   │普惠托位占│52    │≥65   │\n│    │比(%)     │      │      │\n├────┼──────────┼──────┼──────┤\n│2   │低保标准(元│1140  │1400  │\n│    │/月)       │      │      │\n└────┴──────────┴──────┴──────┘\n",
                vec![
                    b(2022, "52"),
                    t(2027, "≥65"),
                    b(2022, "1140"),
                    t(2027, "1400"),
                ],
            ),
            // One cell a line: a unit on its own line, a schedule's 0 before the work is due,
            // a page footer and the header again, a name's end after the figures.
            (
                "领域\n序号\n指标\n2022年\n2023年\n2024年\n幼有善育\n1\n基本养老保险参保人数\n(万人)\n42.1\n42.5\n43\n2\n督导评估率(%)\n0\n0\n100\n第 2 页 共 6 页\n(续表)\n领域\n序号\n指标\n2022年\n2023年\n2024年\n病有良医\n3\n每万老年人口拥有持证养老护理\n22\n24\n26\n员数(人)\n",
                vec![
                    b(2022, "42.1"),
                    t(2023, "42.5"),
                    t(2024, "43"),
                    b(2022, "0"),
                    t(2024, "100"),
                    b(2022, "22"),
                    t(2023, "24"),
                    t(2024, "26"),
                ],
            ),
            // A centred table with a name of three lines: its middle line beside the row's label.
            (
                "                                  2022年              年度目标\n序号  指标名称              单位  基数      2025年    2027年    责任单位\n      每千人口拥有3岁以下\n1                           个    3.5       4.5       5.1       市卫健局\n      婴幼儿托位数\n2     普惠托位占比          %     55        63        70        市卫健局\n      困难群众医疗费用\n3     综合保障率（扣除      %     85        88        90        市医保局\n      商业保险）\n4     人均预期寿命          岁    82.1      82.5      83        市卫健局\n",
                vec![
                    b(2022, "3.5"),
                    t(2025, "4.5"),
                    t(2027, "5.1"),
                    b(2022, "55"),
                    t(2025, "63"),
                    t(2027, "70"),
                    b(2022, "85"),
                    t(2025, "88"),
                    t(2027, "90"),
                    b(2022, "82.1"),
                    t(2025, "82.5"),
                    t(2027, "83"),
                ],
            ),
            // pdftotext -layout of a PDF that centres a cell in its row: a name broken over two
            // lines prints half above the line with the row's label and figures and half below;
            // `累计新增` stands a line above its number; `2022年` over `基数` and `年度目标` over
            // the years on the line above the one naming 指标; a name only wrapped prints below.
            (
                "                                  2022年              年度目标\n序号  指标名称              单位  基数      2025年    2027年    责任单位\n      每千人口拥有3岁以下\n1                           个    3.5       4.5       5.1       市卫健局\n      婴幼儿托位数\n                                            累计新增  累计新增\n2     新增普惠托位数        个    —                             市卫健局\n                                            1000      1600\n3     每万老年人拥有持证    人    19        25        28        市民政局\n      养老护理员数\n",
                vec![
                    b(2022, "3.5"),
                    t(2025, "4.5"),
                    t(2027, "5.1"),
                    t(2025, "1000"),
                    t(2027, "1600"),
                    b(2022, "19"),
                    t(2025, "25"),
                    t(2027, "28"),
                ],
            ),
        ];
        for (table, want) in cases {
            assert_eq!(cells(&format!("{head}{table}")), want, "{table}");
        }
        // A header cell a browser copied with its line break (`2022年` / `基础值`); a mid-term
        // review's `2022年完成值` after its 2025 targets is a figure reached.
        let cases: Vec<(&str, Vec<Cell>)> = vec![
            (
                "某市公共服务“七优享”工程实施方案（2023—2027年）\n序号\t指标\t2022年\n基础值\t2027年\n目标值\t责任单位\n1\t普惠托位占比（%）\t52\t≥70\t市卫生健康委\n",
                vec![b(2022, "52"), t(2027, "≥70")],
            ),
            (
                "某县公共服务“十四五”规划\n| 序号 | 指标 | 2020年基期值 | 2025年目标值 | 2022年完成值 | 进度评价 |\n| 1 | 学前教育毛入园率(%) | 98.5 | >99 | 99.2 | 已完成 |\n",
                vec![b(2020, "98.5"), t(2025, ">99"), b(2022, "99.2")],
            ),
        ];
        for (doc, want) in cases {
            assert_eq!(cells(doc), want, "{doc}");
        }
        // The names put back together, and the row as `validate` finds it in the source.
        let ex = extract(
            &format!(
                "{head}{}",
                "领域\n序号\n指标\n2022年\n2023年\n幼有善育\n1\n每万老年人口拥有持证养老护理\n22\n24\n员数(人)\n"
            ),
            None,
        );
        let c = &ex.candidates[0];
        assert_eq!(
            (c.indicator.as_str(), c.unit.as_deref(), c.table.as_deref()),
            (
                "每万老年人口拥有持证养老护理员数",
                Some("人"),
                Some("1 每万老年人口拥有持证养老护理 22 24 员数(人)")
            )
        );
        let ex = extract(
            &format!(
                "{head}{}",
                "┌────┬──────────┬──────┐\n│序号│指标      │2022年│\n├────┼──────────┼──────┤\n│1   │普惠托位占│52    │\n│    │比(%)     │      │\n└────┴──────────┴──────┘\n"
            ),
            None,
        );
        let c = &ex.candidates[0];
        assert_eq!(
            (c.indicator.as_str(), c.table.as_deref()),
            ("普惠托位占比", Some("| 1 | 普惠托位占 | 52 |"))
        );
    }

    #[test]
    fn composite_cells_and_bar_tables() {
        let doc = "领域\n\n序号\n\n指标\n\n完成值\n\n牵头单位\n\n病有良医\n\n14\n\n基本医疗保险政策范围内住院报销比例(含大病保险)(%)\n\n职工86、\n\n城乡居民70\n\n县医保局\n\n15\n\n急诊急救三大中心标准化达标率(%)\n\n100\n\n县卫健局\n";
        let ex = extract(doc, Some(2024));
        let cells: Vec<(&str, &str)> = ex
            .candidates
            .iter()
            .map(|c| (c.indicator.as_str(), c.cell.as_deref().unwrap_or_default()))
            .collect();
        assert_eq!(
            cells,
            [
                (
                    "职工基本医疗保险政策范围内住院报销比例(含大病保险)",
                    "职工86"
                ),
                (
                    "城乡居民基本医疗保险政策范围内住院报销比例(含大病保险)",
                    "城乡居民70"
                ),
                ("急诊急救三大中心标准化达标率", "100"),
            ]
        );
        assert!(
            ex.candidates
                .iter()
                .all(|c| !c.year_stated && c.year == Some(2024))
        );

        let doc = "| 序号 | 指标 | 2025年 | 责任单位 |\n|---|---|---|---|\n| 1 | 普惠托位占比(%) | >60 | 卫健局 |\n";
        let ex = extract(doc, None);
        assert_eq!(ex.candidates.len(), 1);
        let c = &ex.candidates[0];
        assert_eq!(
            (c.indicator.as_str(), c.op, c.year, c.cell.as_deref()),
            ("普惠托位占比", Op::Gt, Some(2025), Some(">60"))
        );
    }

    /// A table shown as cards (`键：值` lines, a card a row): each figure quoted by its own line,
    /// a footnote mark on a figure dating its baseline by the note, the names of a centred
    /// `-layout` table put back together from above and below the row's line.
    #[test]
    fn cards_and_centred_names() {
        let head = "某县公共服务“七优享”工程实施方案(2023—2027年)\n二、主要指标\n";
        let cards = "指标1\n领域：幼有善育\n指标名称：普惠托位占比①\n单位：%\n2022年基础值：５０\n2025年目标值：≥60\n2027年目标值：≥70\n牵头单位：县卫健局\n\n指标2\n领域：病有良医\n指标名称：每千人口医疗机构床位数\n单位：张\n2022年基础值：4.6③\n2025年目标值：累计新增5.0\n2027年目标值：5.4\n牵头单位：县卫健局\n\n注：①普惠托位指收费价格不超过当地公办幼儿园保育教育费2倍的托位。\n③该项基础值为2021年数据。\n";
        let mut got = Vec::new();
        for c in extract(&format!("{head}{cards}"), None).candidates {
            got.push(format!(
                "{} {} {} {} | {}",
                c.kind.name(),
                c.year.unwrap_or_default(),
                c.value.unwrap_or_default(),
                c.indicator,
                c.quote.unwrap_or_default()
            ));
        }
        assert_eq!(
            got,
            [
                "baseline 2022 50 普惠托位占比 | 2022年基础值：５０",
                "target 2025 60 普惠托位占比 | 2025年目标值：≥60",
                "target 2027 70 普惠托位占比 | 2027年目标值：≥70",
                "baseline 2021 4.6 每千人口医疗机构床位数 | 2022年基础值：4.6③",
                "target 2025 5.0 累计新增每千人口医疗机构床位数 | 2025年目标值：累计新增5.0",
                "target 2027 5.4 每千人口医疗机构床位数 | 2027年目标值：5.4",
            ]
        );
        let centred = "某县公共服务“七优享”工程实施方案(2023—2027年)\n                                  2022年              年度目标\n序号  指标名称              单位  基数      2025年    2027年    责任单位\n      每千人口拥有3岁以下\n1                           个    3.5       4.5       5.1       市卫健局\n      婴幼儿托位数\n2     普惠托位占比          %     55        63        70        市卫健局\n";
        let found = extract(centred, None).candidates;
        assert_eq!(found.len(), 6);
        for (n, c) in found.iter().enumerate() {
            let want = if n < 3 {
                "每千人口拥有3岁以下婴幼儿托位数"
            } else {
                "普惠托位占比"
            };
            assert_eq!(c.indicator, want, "{c:?}");
        }
    }

    /// A `-layout` annex run over pages. Excel prints a sheet too wide for its page a block of
    /// columns at a time, repeating only 序号 (the 打印标题) on the later pages: their rows are
    /// the first page's with those labels, their figures of the years their own header names,
    /// each quoted by its line there. Without such a header nothing says a page's years; a
    /// page of further rows, with the header again, part of it or none, keeps the first page's
    /// columns.
    #[test]
    fn a_sheet_printed_a_block_of_columns_a_page() {
        let first = [
            "领域   序号       指标名称              单位      基础值          年度目标",
            "                                       2022年    2023年    2024年",
            "",
            "幼有善育  1    每千人口拥有3岁以下婴幼儿托位数     个       3.0      3.5      4.0",
            "",
            "      2    普惠托位占比               %       48       52       56",
            "",
            "劳有所得  3    城镇调查失业率              %       4.3      <5       <5",
            "",
            "                          — 4 —",
            "\u{c}",
        ];
        let side = [
            "序号            年度目标                 牵头单位",
            "       2025年    2026年    2027年",
            "",
            "1       4.5      4.8      5.0      县卫健局、",
            "                                   县医保局",
            "2       60       65       70       县卫健局",
            "",
            "3       <5       <5       <5       县人力社保局",
            "9       1        2        3        县民政局",
        ];
        let rows_3_4 = [
            "劳有所得  3    城镇调查失业率              %       4.3      <5       <5",
            "",
            "      4    低收入农户人均可支配收入         元       18900    20600    22400",
        ];
        let head = "某县公共服务“七优享”工程实施方案（2023—2027年）\n附件\n";
        let page = |parts: &[&[&str]]| {
            format!(
                "{head}{}\n注：第2项为2023年起累计数。\n",
                parts.concat().join("\n")
            )
        };
        let (one, two) = (&first[..7], &first[9..]);
        let footer = ["", "                          — 5 —", "\u{c}"];
        let years_again = [
            "                                       2022年    2023年    2024年",
            "",
        ];
        let full_again = &first[..2];
        let side_header_on_one_line = [
            "序号    2025年   2026年   2027年   牵头单位",
            "1       4.5      4.8      5.0      县卫健局、",
            "                                   县医保局",
            "2       60       65       70       县卫健局",
        ];
        let bare_side = &side[3..];
        // (what, the document, each row's label and its figures in order)
        type Case<'a> = (&'a str, String, &'a [(&'a str, &'a str)]);
        let cases: [Case; 7] = [
            (
                "further columns under 序号 and 年度目标 over the years",
                page(&[&first, &side]),
                &[
                    ("1", "3.0 3.5 4.0 4.5 4.8 5.0"),
                    ("2", "48 52 56 60 65 70"),
                    ("3", "4.3 5 5 5 5 5"),
                ],
            ),
            (
                "the further page's years on its header's line",
                page(&[&first[..7], &footer, &side_header_on_one_line]),
                &[("1", "3.0 3.5 4.0 4.5 4.8 5.0"), ("2", "48 52 56 60 65 70")],
            ),
            (
                "labels and figures under no header: the page's years unknown",
                page(&[&first, bare_side]),
                &[("1", "3.0 3.5 4.0"), ("2", "48 52 56"), ("3", "4.3 5 5")],
            ),
            (
                "further rows under no header",
                page(&[one, two, &rows_3_4]),
                &[
                    ("1", "3.0 3.5 4.0"),
                    ("2", "48 52 56"),
                    ("3", "4.3 5 5"),
                    ("4", "18900 20600 22400"),
                ],
            ),
            (
                "further rows under the header's years only",
                page(&[one, two, &years_again, &rows_3_4]),
                &[
                    ("1", "3.0 3.5 4.0"),
                    ("2", "48 52 56"),
                    ("3", "4.3 5 5"),
                    ("4", "18900 20600 22400"),
                ],
            ),
            (
                "further rows under the header again",
                page(&[one, two, full_again, &rows_3_4]),
                &[
                    ("1", "3.0 3.5 4.0"),
                    ("2", "48 52 56"),
                    ("3", "4.3 5 5"),
                    ("4", "18900 20600 22400"),
                ],
            ),
            // Printed down, then over: rows 1–2, rows 3–4 under the header again, then each
            // block's further columns under the same short header.
            (
                "down, then over",
                page(&[
                    one,
                    two,
                    full_again,
                    &rows_3_4,
                    &footer,
                    &side[..6],
                    &footer,
                    &side[..3],
                    &[
                        "3       <5       <5       <5       县人力社保局",
                        "4       24300    26300    28400    县农业农村局",
                    ],
                ]),
                &[
                    ("1", "3.0 3.5 4.0 4.5 4.8 5.0"),
                    ("2", "48 52 56 60 65 70"),
                    ("3", "4.3 5 5 5 5 5"),
                    ("4", "18900 20600 22400 24300 26300 28400"),
                ],
            ),
        ];
        for (what, doc, want) in cases {
            let ex = extract(&doc, Some(2027));
            let table: Vec<&Candidate> = ex
                .candidates
                .iter()
                .filter(|c| c.section.as_deref() == Some("表"))
                .collect();
            let mut got: Vec<(String, String)> = Vec::new();
            for c in &table {
                let row = c.row.clone().unwrap_or_default();
                let figure = c.cell.clone().or(c.text.clone()).unwrap_or_default();
                let figure = figure.trim_start_matches('<').to_string();
                match got.last_mut() {
                    Some((r, figures)) if *r == row => {
                        figures.push(' ');
                        figures.push_str(&figure);
                    }
                    _ => got.push((row, figure)),
                }
            }
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(r, f)| (r.to_string(), f.to_string()))
                .collect();
            assert_eq!(got, want, "{what}\n{doc}");
            // Every year once, the first page's in order.
            for c in &table {
                let years: Vec<i32> = table
                    .iter()
                    .filter(|d| d.row == c.row)
                    .filter_map(|d| d.year)
                    .collect();
                assert!(years.windows(2).all(|w| w[0] < w[1]), "{what}: {years:?}");
            }
        }
        // A figure of a further page is quoted by its line there, and the row's lead is that
        // page's, wrapped over two lines.
        let ex = extract(&page(&[&first, &side]), Some(2027));
        let at = |year: i32, row: &str| {
            ex.candidates
                .iter()
                .find(|c| c.year == Some(year) && c.row.as_deref() == Some(row))
                .unwrap_or_else(|| panic!("{year} of row {row}"))
        };
        let c = at(2026, "1");
        assert_eq!(
            (
                c.indicator.as_str(),
                c.kind,
                c.text.as_deref(),
                c.quote.as_deref(),
                c.lead.as_deref(),
                c.line
            ),
            (
                "每千人口拥有3岁以下婴幼儿托位数",
                Kind::Target,
                Some("4.8"),
                Some("1 4.5 4.8 5.0 县卫健局、"),
                Some("县卫健局、县医保局"),
                17
            )
        );
        let base = at(2022, "3");
        assert_eq!(
            (base.kind, base.lead.as_deref()),
            (Kind::Baseline, Some("县人力社保局"))
        );
    }

    /// A note dates the rows it names by their numbers with the year said of them, after them:
    /// `“2022年基础值”中，第3项为2021年数据` names the column's year first (round 19's binjiang).
    #[test]
    fn a_note_dates_the_rows_it_numbers() {
        assert_eq!(
            numbered_notes(&[
                "注：1.第5项为累计数；3.“2022年基础值”中，第3项为2021年数据；4.本表数据截至2023年6月。"
            ]),
            [(3, 2021)]
        );
        assert_eq!(
            numbered_notes(&["注：1.第3项、第9项基础值为2021年数据。"]),
            [(3, 2021), (9, 2021)]
        );
        assert_eq!(
            numbered_notes(&["注：序号5的基期值为2021年。"]),
            [(5, 2021)]
        );
        assert!(numbered_notes(&["注：第3项为累计数。"]).is_empty());
    }
}
