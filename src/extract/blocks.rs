//! A table printed one column after another: `序号` and its labels, then `指标名称` and the names,
//! `单位` and the units, `2022年` / `基础值` and the baselines, … each column a block of lines.
//!
//! Why it exists: a PDF read in its text order (pdftotext without `-layout`, a viewer's copy)
//! takes each column of a table that stands apart from the next for a column of text, so the
//! table's rows are nowhere printed. Row `i` is the `i`-th line of each block, which holds only
//! when the blocks are as long as each other: a table whose blocks do not line up is left to the
//! other readers rather than read with its figures under the wrong names.
//!
//! The other way round, a table printed a row a block ([`row_blocks`]): a county page's mobile
//! view copied from the phone puts each cell on its own line and a blank line between rows, the
//! header's titles a line each (its row of years, under a `基础值` and a `目标值` spanning them,
//! after the titles). No line prints a row either, and a merged 领域 prints on its group's first
//! row only, so rows are as long as the header or shorter by the merged cells: each cell is laid
//! out under its column by what it holds (a row number, a name, a unit, a figure), and a block
//! that cannot be ends the table.

use super::outline::{domain_in, heading_at};
use super::scan::{is_cjk, is_digit, without_spaces};
use super::table::{Column, RawTable, column_of, furniture, header_year, is_row_label};
use crate::plan::schema::Domain;
use unicode_width::UnicodeWidthStr;

/// More columns than any plan's table has: reading stops there.
const MAX_BLOCKS: usize = 16;
/// More rows than any plan's table has, so that reading a block is bounded on any input.
const MAX_ROWS: usize = 200;
/// Lines a page break may take inside a block: blank lines, the footer (`— 4 —`), a form feed.
const MAX_GAP: usize = 6;

/// One column as printed: its title (the header's lines joined), what it holds, and its cells,
/// each with its 1-based line.
struct Block {
    title: String,
    column: Column,
    cells: Vec<(usize, String)>,
}

/// What a line heads, when it is a column's title: short words naming a column (`序号`,
/// `指标名称`, `单位`, `2022年`, `基础值`, `牵头单位`), no sentence and no figure of a row.
fn title_of(line: &str) -> Option<Column> {
    let t = without_spaces(line);
    let n = t.chars().count();
    if n == 0 || n > 10 || !t.chars().any(is_cjk) || t.contains(['，', '。', '；', '：', ':']) {
        return None;
    }
    if is_row_label(&t) {
        return None;
    }
    Some(column_of(&t)).filter(|c| *c != Column::Other)
}

/// A word that completes a title broken over lines (`指标` / `名称`, `责任` / `单位`): only these,
/// for a cell right under its title may be as short.
fn title_piece(line: &str) -> bool {
    ["名称", "内容", "单位", "部门"].contains(&without_spaces(line).as_str())
}

/// Whether a line ends the table: a note under it, a heading, a sentence.
fn ends_table(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    t.starts_with('注')
        || t.starts_with("附件")
        || heading_at(&chars, 0).is_some_and(|h| h.0 <= 2)
        || t.contains(['。', '，', '；'])
        || chars.len() > 40
}

/// The next line from `at` that is no page furniture nor blank, within a page break's reach.
fn past_gap(lines: &[&str], at: usize) -> Option<usize> {
    (at..lines.len().min(at + MAX_GAP)).find(|k| {
        let t = lines[*k].trim();
        !t.is_empty() && !furniture(t)
    })
}

/// A block's title from line `at`: its first line and the lines that complete it (`2022年` over
/// `基础值`, `指标` over `名称`), blank lines allowed between. A title names one year at most, so
/// `2025年目标值` over `2027年目标值` are two titles. Returns the title, its column and the line
/// after it.
fn block_title(lines: &[&str], at: usize) -> Option<(String, Column, usize)> {
    let mut column = title_of(lines[at])?;
    let mut title = without_spaces(lines[at]);
    let mut next = at + 1;
    for _ in 0..2 {
        let Some(k) = (next..lines.len().min(next + 3)).find(|k| !lines[*k].trim().is_empty())
        else {
            break;
        };
        let piece = without_spaces(lines[k]);
        let joined = format!("{title}{piece}");
        let years =
            usize::from(header_year(&title).is_some()) + usize::from(header_year(&piece).is_some());
        let fits = match (&column, title_of(&piece)) {
            (Column::Value(..), Some(Column::Value(..))) => years == 1,
            (_, Some(_)) => false,
            (c, None) => {
                title_piece(&piece)
                    && std::mem::discriminant(&column_of(&joined)) == std::mem::discriminant(c)
            }
        };
        if !fits {
            break;
        }
        column = column_of(&joined);
        title = joined;
        next = k + 1;
    }
    Some((title, column, next))
}

/// The cells of a block from line `at` (after its title), and where reading goes on: the line
/// of the next block's title, or `None` with the line after the table. A blank line or a page's
/// footer inside the block is passed over unless what follows is a title, ends the table, or
/// comes after as many cells as a block has (`rows`, once known).
fn block_cells(
    lines: &[&str],
    at: usize,
    rows: Option<usize>,
) -> (Vec<(usize, String)>, Option<usize>, usize) {
    let mut cells: Vec<(usize, String)> = Vec::new();
    let mut k = at;
    while k < lines.len() && cells.len() < 2 * MAX_ROWS {
        let t = lines[k].trim();
        if t.is_empty() || furniture(t) {
            let Some(j) = past_gap(lines, k) else {
                return (cells, None, k);
            };
            let after = lines[j].trim();
            if title_of(after).is_some() {
                return (cells, Some(j), j);
            }
            if ends_table(after) || rows.is_some_and(|n| cells.len() >= n) {
                return (cells, None, k);
            }
            k = j;
            continue;
        }
        if ends_table(t) {
            return (cells, None, k);
        }
        cells.push((k + 1, t.to_string()));
        k += 1;
    }
    (cells, None, k)
}

/// A block of words with more lines than the table has rows: the cells a column too narrow for
/// them broke over lines, put back together. A broken cell's first line fills the column (as
/// wide as its widest line, near enough) and the line after it is shorter; of such pairs, those
/// whose second line is shortest are joined, as many as the block has lines too many. `None`
/// where there are not as many such pairs.
fn rejoined(cells: &[(usize, String)], rows: usize) -> Option<Vec<(usize, String)>> {
    let extra = cells.len().checked_sub(rows)?;
    if extra == 0 {
        return Some(cells.to_vec());
    }
    let widths: Vec<usize> = cells.iter().map(|(_, t)| t.width()).collect();
    let widest = widths.iter().copied().max()?;
    let mut pairs: Vec<usize> = (0..cells.len() - 1)
        .filter(|j| widths[*j] + 2 >= widest && widths[j + 1] < widths[*j])
        .collect();
    pairs.sort_by_key(|j| (widths[j + 1], *j));
    let mut chosen: Vec<usize> = Vec::new();
    for j in pairs {
        if chosen.len() == extra {
            break;
        }
        if chosen.iter().all(|c| c.abs_diff(j) > 1) {
            chosen.push(j);
        }
    }
    if chosen.len() < extra {
        return None;
    }
    let mut out: Vec<(usize, String)> = Vec::with_capacity(rows);
    let mut j = 0;
    while j < cells.len() {
        let (line, text) = &cells[j];
        if chosen.contains(&j) {
            out.push((*line, format!("{text}{}", cells[j + 1].1)));
            j += 2;
        } else {
            out.push((*line, text.clone()));
            j += 1;
        }
    }
    Some(out)
}

/// Whether a value column's cell may be one: a figure, a mark for none (`/`, `—`) or a word or
/// two (`全覆盖`), never a sentence.
fn value_cell(t: &str) -> bool {
    without_spaces(t).chars().count() <= 16
}

/// A table printed one column after another, starting at the title of its first column (line
/// `at`): each block a title and its cells, the `i`-th cell of each block the `i`-th row's. Read
/// only when it has names and figures and its blocks line up: the figure columns and the labels
/// as many cells as each other, the columns of words as many once their broken cells are put
/// back together. A 领域 column printed a merged cell a group is no row's and is passed over.
pub(super) fn column_blocks(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    title_of(lines[at])?;
    let mut blocks: Vec<Block> = Vec::new();
    let mut k = at;
    let end = loop {
        let (title, column, from) = block_title(lines, k)?;
        // A title the table has printed already starts another table (its next page).
        if blocks.iter().any(|b| b.title == title) {
            break k;
        }
        let known = blocks
            .iter()
            .find(|b| matches!(b.column, Column::Label | Column::Value(..)))
            .map(|b| b.cells.len());
        let (cells, next, after) = block_cells(lines, from, known);
        if cells.is_empty() {
            return None;
        }
        blocks.push(Block {
            title,
            column,
            cells,
        });
        match next {
            Some(n) if blocks.len() < MAX_BLOCKS => k = n,
            _ => break after,
        }
    };
    let values: Vec<&Block> = blocks
        .iter()
        .filter(|b| matches!(b.column, Column::Value(..)))
        .collect();
    let rows = values.first()?.cells.len();
    if !(2..=MAX_ROWS).contains(&rows)
        || values.iter().any(|b| b.cells.len() != rows)
        || blocks.iter().filter(|b| b.column == Column::Name).count() != 1
    {
        return None;
    }
    let cells: Vec<&(usize, String)> = values.iter().flat_map(|b| &b.cells).collect();
    let figures = cells
        .iter()
        .filter(|(_, t)| t.chars().any(is_digit))
        .count();
    if !cells.iter().all(|(_, t)| value_cell(t)) || figures * 2 < cells.len() {
        return None;
    }
    let mut columns = Vec::new();
    let mut titles = Vec::new();
    let mut by_column: Vec<Vec<(usize, String)>> = Vec::new();
    let mut domains: Option<Vec<String>> = None;
    for b in &blocks {
        match &b.column {
            Column::Label
                if b.cells.len() != rows || !b.cells.iter().all(|(_, t)| is_row_label(t)) =>
            {
                return None;
            }
            Column::Domain => {
                let named = |t: &str| {
                    let t = without_spaces(t);
                    Domain::parse(&t).is_some() || domain_in(&t).is_some()
                };
                if b.cells.len() == rows {
                    domains = Some(b.cells.iter().map(|(_, t)| without_spaces(t)).collect());
                } else if b.cells.len() > rows || !b.cells.iter().all(|(_, t)| named(t)) {
                    return None;
                }
                continue;
            }
            _ => {}
        }
        let cells = match (&b.column, rejoined(&b.cells, rows)) {
            (Column::Label | Column::Value(..), _) => b.cells.clone(),
            (_, Some(cells)) => cells,
            // A column of words that holds no figure (牵头单位, 备注) and does not line up (an
            // empty cell prints no line) is passed over; names and units must line up.
            (Column::Lead | Column::Text | Column::Other, None) => continue,
            (_, None) => return None,
        };
        columns.push(b.column.clone());
        titles.push(b.title.clone());
        by_column.push(cells);
    }
    let name_col = columns.iter().position(|c| *c == Column::Name)?;
    if !by_column[name_col]
        .iter()
        .all(|(_, t)| t.chars().any(is_cjk))
    {
        return None;
    }
    let mut raw = Vec::with_capacity(rows);
    let mut quoted = Vec::with_capacity(rows);
    for r in 0..rows {
        let cells: Vec<String> = by_column.iter().map(|c| c[r].1.clone()).collect();
        let line = by_column[name_col][r].0;
        let domain = domains.as_ref().map(|d| d[r].clone());
        raw.push((line, domain, cells, None));
        quoted.push(
            by_column
                .iter()
                .map(|c| Some((c[r].0, c[r].1.clone())))
                .collect(),
        );
    }
    Some((
        RawTable {
            columns,
            titles,
            rows: raw,
            quoted,
        },
        end,
    ))
}

/// The blocks of lines from line `at` on: each run of non-blank lines (page furniture passed
/// over) with the 0-based line of each, up to a gap longer than a page break's; at most
/// `MAX_ROWS + 2` blocks.
fn line_blocks(lines: &[&str], at: usize) -> Vec<Vec<(usize, String)>> {
    let mut blocks: Vec<Vec<(usize, String)>> = Vec::new();
    let mut current: Vec<(usize, String)> = Vec::new();
    let mut k = at;
    while k < lines.len() && blocks.len() < MAX_ROWS + 2 {
        let t = lines[k].trim();
        if t.is_empty() || furniture(t) {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            match past_gap(lines, k) {
                Some(j) => k = j,
                None => break,
            }
            continue;
        }
        if current.len() > 2 * MAX_BLOCKS {
            break;
        }
        current.push((k, t.to_string()));
        k += 1;
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// The leaf columns of a header printed a title a line, its second row (the years under a
/// spanning `基础值` / `目标值`) after its first: each column and its title. The second row is
/// the trailing run of titles naming a year, when the first names figure columns with no year;
/// the years go to those columns in order, one each, or (more years than columns) one to each
/// baseline column and the rest to the one target column. None where they do not go so.
fn two_level_header(titles: &[String]) -> Option<Vec<(Column, String)>> {
    let dated = |t: &String| matches!(column_of(t), Column::Value(Some(_), _));
    let years = titles.iter().rev().take_while(|t| dated(t)).count();
    let (first, second) = titles.split_at(titles.len() - years);
    let yearless: Vec<usize> = (0..first.len())
        .filter(|k| matches!(column_of(&first[*k]), Column::Value(None, _)))
        .collect();
    if second.is_empty() || yearless.is_empty() {
        return Some(titles.iter().map(|t| (column_of(t), t.clone())).collect());
    }
    let base = |k: &usize| matches!(column_of(&first[*k]), Column::Value(None, true));
    // How many years each yearless column spans.
    let spans: Vec<usize> = if second.len() == yearless.len() {
        vec![1; yearless.len()]
    } else {
        let targets = yearless.iter().filter(|k| !base(k)).count();
        let rest = second.len().checked_sub(yearless.len() - targets)?;
        if targets != 1 || rest == 0 {
            return None;
        }
        yearless
            .iter()
            .map(|k| if base(k) { 1 } else { rest })
            .collect()
    };
    if spans.iter().sum::<usize>() != second.len() {
        return None;
    }
    let mut out = Vec::new();
    let mut years = second.iter();
    for (k, title) in first.iter().enumerate() {
        match yearless.iter().position(|y| *y == k) {
            Some(p) => {
                for year in years.by_ref().take(spans[p]) {
                    let t = format!("{title}{year}");
                    out.push((column_of(&t), t));
                }
            }
            None => out.push((column_of(title), title.clone())),
        }
    }
    Some(out)
}

/// Whether a cell may stand in a column of a row printed a cell a line: a label is a row
/// number, a 领域 names one, a name is words that are no row number, a unit short, a figure's
/// cell no sentence.
fn fits(column: &Column, t: &str) -> bool {
    let t = without_spaces(t);
    let n = t.chars().count();
    match column {
        Column::Label => is_row_label(&t),
        Column::Domain => Domain::parse(&t).is_some() || domain_in(&t).is_some(),
        Column::Name => n >= 2 && t.chars().any(is_cjk) && !is_row_label(&t),
        Column::Unit => n <= 8 && !t.chars().all(|c| is_digit(c) || c == '.'),
        Column::Value(..) => value_cell(&t),
        Column::Lead => t.chars().any(is_cjk) && !t.contains('。'),
        Column::Text | Column::Other => true,
    }
}

/// The lines a name wrapped inside its cell (`<br>`) may take beyond its first.
const MAX_WRAPS: usize = 2;

/// A row's cells, one for each column: `None` where the row prints none.
type LaidOut = Vec<Option<(usize, String)>>;

/// A row's block laid out over the table's columns: all of them, or all but the cells a merged
/// cell prints on its group's first row only (the 领域, the lead), the 领域 first. The cells of
/// each column (`None` where the block has none) when every one fits its column. A name broken
/// over lines in its cell (`每千人口拥有3岁以下` / `婴幼儿托位数`) is put back together where
/// the row is laid out so and not as printed: up to `wraps` joins.
fn laid_out(columns: &[Column], block: &[(usize, String)], wraps: usize) -> Option<LaidOut> {
    if let Some(out) = laid_out_as_printed(columns, block) {
        return Some(out);
    }
    let name = columns.iter().position(|c| *c == Column::Name)?;
    if wraps == 0 || block.len() > columns.len() + wraps {
        return None;
    }
    (0..block.len().saturating_sub(1)).find_map(|k| {
        let (line, first) = &block[k];
        let second = &block[k + 1].1;
        if !first.chars().any(is_cjk) || !second.chars().any(is_cjk) {
            return None;
        }
        let mut joined = block.to_vec();
        joined[k] = (*line, format!("{first}{second}"));
        joined.remove(k + 1);
        let out = laid_out(columns, &joined, wraps - 1)?;
        (out[name].as_ref() == Some(&joined[k])).then_some(out)
    })
}

/// [`laid_out`] with each line a cell.
fn laid_out_as_printed(columns: &[Column], block: &[(usize, String)]) -> Option<LaidOut> {
    let missing = columns.len().checked_sub(block.len())?;
    let mergeable: Vec<usize> = [Column::Domain, Column::Lead]
        .iter()
        .filter_map(|m| columns.iter().position(|c| c == m))
        .collect();
    let choices: Vec<Vec<usize>> = match missing {
        0 => vec![Vec::new()],
        1 => mergeable.iter().map(|m| vec![*m]).collect(),
        2 if mergeable.len() == 2 => vec![mergeable.clone()],
        _ => Vec::new(),
    };
    choices.into_iter().find_map(|absent| {
        let mut cells = block.iter();
        let out: LaidOut = (0..columns.len())
            .map(|k| {
                (!absent.contains(&k))
                    .then(|| cells.next().cloned())
                    .flatten()
            })
            .collect();
        let ok = columns
            .iter()
            .zip(&out)
            .all(|(c, cell)| cell.as_ref().is_none_or(|(_, t)| fits(c, t)));
        ok.then_some(out)
    })
}

/// The column titles a block of header lines starts with, a line each, and how many lines they
/// take: a title broken over two lines is one (`指标` / `名称`, `责任` / `单位`): a line that is no
/// title with the next, or a title with a word that completes it and is none itself.
fn header_titles(block: &[(usize, String)]) -> (Vec<String>, usize) {
    let mut titles = Vec::new();
    let mut k = 0;
    while k < block.len() {
        let t = without_spaces(&block[k].1);
        let next = block.get(k + 1).map(|(_, n)| without_spaces(n));
        let joined = next.as_ref().map(|n| format!("{t}{n}"));
        let same = |a: &str, b: &str| {
            std::mem::discriminant(&column_of(a)) == std::mem::discriminant(&column_of(b))
        };
        let completes = |n: &str, j: &str| {
            title_of(n).is_none() && title_piece(n) && same(&t, j)
                || title_of(&t).is_none() && title_of(j).is_some() && !same(n, j)
        };
        match (title_of(&t), next.as_deref(), joined.as_deref()) {
            (_, Some(n), Some(j)) if completes(n, j) => {
                titles.push(j.to_string());
                k += 2;
            }
            (Some(_), _, _) => {
                titles.push(t);
                k += 1;
            }
            (None, _, _) => break,
        }
    }
    (titles, k)
}

/// A table printed a row a block (a county page's mobile view copied from the browser): the
/// header's titles a line each (its second row of years under `基础值` and `目标值`, as a block
/// of its own or not), then each row its cells a line, a blank line between rows. A merged cell
/// prints on its group's first row only, so a row may lack its 领域 (or its lead): a block of 8
/// lines, then blocks of 7. Read from the header (line `at`) to the first block that is no row
/// and is not followed by one (a block between rows that is none is passed over).
pub(super) fn row_blocks(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    title_of(lines[at])?;
    let mut blocks = line_blocks(lines, at);
    // The header: the titles a block starts with, and a second block of titles after it. A
    // first row printed right under the titles (no blank line) is a block of its own.
    let (mut titles, used) = header_titles(blocks.first()?);
    if titles.len() < 3 {
        return None;
    }
    let mut b = 1;
    if used < blocks[0].len() {
        let row = blocks[0].split_off(used);
        blocks.insert(1, row);
    } else if let Some(more) = blocks.get(1) {
        // The second block of titles, or the years under the titles with the first row right
        // under them.
        let (second, n) = header_titles(more);
        let years = second
            .iter()
            .all(|t| matches!(column_of(t), Column::Value(Some(_), _)));
        if n == more.len() || n > 0 && years {
            titles.extend(second);
            b = 2;
            if n < more.len() {
                let row = blocks[1].split_off(n);
                blocks.insert(2, row);
            }
        }
    }
    let header = two_level_header(&titles)?;
    let columns: Vec<Column> = header.iter().map(|(c, _)| c.clone()).collect();
    let names = columns.iter().filter(|c| **c == Column::Name).count();
    if names != 1 || !columns.iter().any(|c| matches!(c, Column::Value(..))) {
        return None;
    }
    let domain_col = columns.iter().position(|c| *c == Column::Domain);
    let mut rows: Vec<Vec<Option<(usize, String)>>> = Vec::new();
    let mut end = blocks[b - 1].last()?.0 + 1;
    let row_at = |j: usize| {
        blocks
            .get(j)
            .filter(|block| !ends_table(&block[0].1))
            .and_then(|block| laid_out(&columns, block, MAX_WRAPS))
    };
    for (j, block) in blocks.iter().enumerate().skip(b) {
        if rows.len() >= MAX_ROWS {
            break;
        }
        match row_at(j) {
            Some(row) => {
                end = block.last()?.0 + 1;
                rows.push(row);
            }
            // A block that is no row between rows (an empty cell printed no line, a cell broke
            // over more lines than a name does) is passed over; two end the table.
            None if !rows.is_empty() && !ends_table(&block[0].1) && row_at(j + 1).is_some() => {}
            None => break,
        }
    }
    let value_cells: Vec<&String> = rows
        .iter()
        .flat_map(|r| r.iter().zip(&columns))
        .filter(|(_, c)| matches!(c, Column::Value(..)))
        .filter_map(|(cell, _)| cell.as_ref().map(|(_, t)| t))
        .collect();
    let figures = value_cells
        .iter()
        .filter(|t| t.chars().any(is_digit))
        .count();
    if rows.len() < 2 || figures * 2 < value_cells.len() {
        return None;
    }
    let kept: Vec<usize> = (0..columns.len())
        .filter(|k| Some(*k) != domain_col)
        .collect();
    let name_col = columns.iter().position(|c| *c == Column::Name)?;
    let mut domain: Option<String> = None;
    let mut raw = Vec::with_capacity(rows.len());
    let mut quoted = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(d) = domain_col.and_then(|k| row[k].as_ref()) {
            domain = Some(without_spaces(&d.1));
        }
        let line = row[name_col].as_ref().map_or(end, |(l, _)| l + 1);
        let cells: Vec<String> = kept
            .iter()
            .map(|k| row[*k].as_ref().map_or(String::new(), |(_, t)| t.clone()))
            .collect();
        raw.push((line, domain.clone(), cells, None));
        quoted.push(
            kept.iter()
                .map(|k| row[*k].as_ref().map(|(l, t)| (l + 1, t.clone())))
                .collect(),
        );
    }
    Some((
        RawTable {
            columns: kept.iter().map(|k| columns[*k].clone()).collect(),
            titles: kept.iter().map(|k| header[*k].1.clone()).collect(),
            rows: raw,
            quoted,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use crate::extract::{Kind, extract};

    /// The table's figures as (kind, name, year, value, unit, quote).
    fn figures(doc: &str) -> Vec<(Kind, String, i32, String, Option<String>, String)> {
        extract(doc, Some(2027))
            .candidates
            .iter()
            .filter(|c| c.section.as_deref() == Some("表"))
            .map(|c| {
                (
                    c.kind,
                    c.indicator.clone(),
                    c.year.unwrap_or(0),
                    c.value.unwrap_or_default().to_string(),
                    c.unit.clone(),
                    c.quote.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    const HEAD: &str = "岱山县公共服务“七优享”工程实施方案（2023—2027年）\n附件\n\n主要指标\n\n";

    /// The rows most cases print: each row's name, 2022 baseline and 2027 target.
    const THREE: &str = "普惠托位占比 50 70; 人均预期寿命 81.9 82.5; 最低生活保障标准 1160 1460";

    /// Layouts a PDF read in text order gives a table: each case's blocks, and the figures
    /// (name, baseline 2022, target 2027; …) it must read, none where the blocks do not line up.
    #[test]
    fn tables_printed_a_column_at_a_time() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str)] = &[
            ("a block a column, a blank line between", "序号\n\n1\n2\n3\n\n指标名称\n\n普惠托位占比\n人均预期寿命\n最低生活保障标准\n\n单位\n\n%\n岁\n元/月\n\n2022年\n基础值\n\n50\n81.9\n1160\n\n2027年\n目标值\n\n70\n82.5\n1460\n\n牵头单位\n\n县卫健局\n县卫健局\n县民政局\n\n注：基础值为统计快报数。\n", THREE),
            ("a name broken over two lines, the title too (`指标` / `名称`)", "序号\n\n1\n2\n3\n\n指标\n名称\n\n每千人口拥有3岁以下婴幼\n儿托位数\n普惠托位占比\n人均预期寿命\n\n2022年基础值\n\n3.1\n50\n81.9\n\n2027年目标值\n\n5\n70\n82.5\n", "每千人口拥有3岁以下婴幼儿托位数 3.1 5; 普惠托位占比 50 70; 人均预期寿命 81.9 82.5"),
            ("a page's footer and form feed inside blocks", "序号\n\n1\n2\n\n— 4 —\n\u{c}3\n\n指标名称\n\n普惠托位占比\n人均预期寿命\n最低生活保障标准\n\n2022年\n基础值\n\n50\n81.9\n\n— 5 —\n\n\u{c}1160\n\n2027年\n目标值\n\n70\n82.5\n1460\n", THREE),
            ("a merged 领域 block (a cell a group) and a 牵头单位 with an empty cell: passed over", "领域\n\n幼有善育\n病有良医\n\n序号\n\n1\n2\n3\n\n指标名称\n\n普惠托位占比\n托育机构数\n人均预期寿命\n\n2022年\n基础值\n\n50\n12\n81.9\n\n2027年\n目标值\n\n70\n20\n82.5\n\n牵头单位\n\n县卫健局\n县卫健局\n", "普惠托位占比 50 70; 托育机构数 12 20; 人均预期寿命 81.9 82.5"),
            ("a figure block shorter than the labels: not read", "序号\n\n1\n2\n3\n\n指标名称\n\n普惠托位占比\n人均预期寿命\n最低生活保障标准\n\n2022年\n基础值\n\n50\n81.9\n\n2027年\n目标值\n\n70\n82.5\n1460\n", ""),
            ("a name block one line too long with no broken cell: not read", "序号\n\n1\n2\n\n指标名称\n\n普惠托位占比\n人均预期寿命\n最低生活保障标准\n\n2022年\n基础值\n\n50\n81.9\n\n2027年\n目标值\n\n70\n82.5\n", ""),
            ("labels that are no row numbers: the table read from its names on", "序号\n\n一\n二\n\n指标名称\n\n普惠托位占比\n人均预期寿命\n\n2022年\n基础值\n\n50\n81.9\n\n2027年\n目标值\n\n70\n82.5\n", "普惠托位占比 50 70; 人均预期寿命 81.9 82.5"),
            ("figures in words and a sentence after the labels: not read", "序号\n\n1\n2\n\n指标名称\n\n普惠托位占比\n人均预期寿命\n\n2027年\n目标值\n\n稳步提高\n持续提升\n", ""),
        ];
        for (what, blocks, want) in cases {
            let got = figures(&format!("{HEAD}{blocks}"));
            let expected: Vec<(Kind, String, i32, String)> = want
                .split("; ")
                .filter(|r| !r.is_empty())
                .flat_map(|r| {
                    let [name, base, target] = r.split(' ').collect::<Vec<_>>()[..] else {
                        panic!("a row of {what}: {r}");
                    };
                    [
                        (Kind::Baseline, name.to_string(), 2022, base.to_string()),
                        (Kind::Target, name.to_string(), 2027, target.to_string()),
                    ]
                })
                .collect();
            let got_short: Vec<(Kind, String, i32, String)> = got
                .iter()
                .map(|(k, n, y, v, _, _)| (*k, n.clone(), *y, v.clone()))
                .collect();
            assert_eq!(got_short, expected, "{what}");
            // Each figure is quoted by its own line.
            for (_, _, _, v, _, quote) in &got {
                assert_eq!(quote, v, "{what}");
            }
        }
    }

    /// Units come from their block, and the next page's blocks (the titles printed again) are
    /// another table, not more columns of this one.
    #[test]
    fn units_and_a_second_page_of_blocks() {
        let doc = format!(
            "{HEAD}序号\n\n1\n2\n\n指标名称\n\n普惠托位占比\n人均预期寿命\n\n单位\n\n%\n岁\n\n2027年\n目标值\n\n70\n82.5\n\n— 4 —\n\u{c}序号\n\n3\n4\n\n指标名称\n\n托育机构数\n最低生活保障标准\n\n单位\n\n家\n元/月\n\n2027年\n目标值\n\n20\n1460\n"
        );
        let got: Vec<(String, String, Option<String>)> = figures(&doc)
            .into_iter()
            .map(|(_, n, _, v, u, _)| (n, v, u))
            .collect();
        let s = |a: &str, b: &str, u: &str| (a.to_string(), b.to_string(), Some(u.to_string()));
        assert_eq!(
            got,
            [
                s("普惠托位占比", "70", "%"),
                s("人均预期寿命", "82.5", "岁"),
                s("托育机构数", "20", "家"),
                s("最低生活保障标准", "1460", "元/月"),
            ]
        );
    }
    /// A table a row a block (a mobile page's copy: each cell its line, a blank line between
    /// rows), its header a title a line with or without its years' row under `基础值` and
    /// `目标值`, the merged 领域 on a group's first row only: each figure by its row and the year
    /// of its column, quoted by its own line, the 领域 carried to the group's later rows. Rows of
    /// sentences or of words, and years that do not go under the titles, give no row.
    #[test]
    fn tables_printed_a_row_a_block() {
        let rows3 = "1\n幼有善育\n普惠托位占比\n%\n50\n65\n70\n区卫健局\n\n2\n托育机构数\n家\n12\n16\n20\n区卫健局\n\n3\n病有良医\n人均预期寿命\n岁\n81.9\n82.2\n≥82.5\n区卫健局\n\n注：1.基础值为统计快报数。\n";
        let three_years = "baseline 2022 50 普惠托位占比 幼有善育, target 2025 65 普惠托位占比 幼有善育, target 2027 70 普惠托位占比 幼有善育, baseline 2022 12 托育机构数 幼有善育, target 2025 16 托育机构数 幼有善育, target 2027 20 托育机构数 幼有善育, baseline 2022 81.9 人均预期寿命 病有良医, target 2025 82.2 人均预期寿命 病有良医, target 2027 82.5 人均预期寿命 病有良医";
        #[rustfmt::skip]
        let cases: Vec<(&str, String, &str)> = vec![
            ("two header blocks, the years under 基础值 and 目标值", format!("序号\n领域\n指标名称\n单位\n基础值\n目标值\n责任单位\n\n2022年\n2025年\n2027年\n\n{rows3}"), three_years),
            ("the years in the header's block", format!("序号\n领域\n指标名称\n单位\n基础值\n目标值\n责任单位\n2022年\n2025年\n2027年\n\n{rows3}"), three_years),
            ("a dated baseline title, 目标值 over two years", format!("序号\n领域\n指标名称\n单位\n2022年基础值\n目标值\n责任单位\n\n2025年\n2027年\n\n{rows3}"), three_years),
            ("one header block of dated titles, two blank lines between rows", "序号\n领域\n指标名称\n单位\n2022年基础值\n2025年目标值\n2027年目标值\n牵头单位\n\n1\n幼有善育\n普惠托位占比\n%\n50\n65\n70\n区卫健局\n\n\n2\n托育机构数\n家\n12\n16\n20\n区卫健局\n\n\n3\n病有良医\n人均预期寿命\n岁\n81.9\n82.2\n≥82.5\n区卫健局\n".to_string(), three_years),
            ("no 序号, the 领域 first, the unit after the figures, no lead", "领域\n指标名称\n2022年\n2027年\n单位\n\n幼有善育\n普惠托位占比\n50\n70\n%\n\n托育机构数\n12\n20\n家\n".to_string(), "baseline 2022 50 普惠托位占比 幼有善育, target 2027 70 普惠托位占比 幼有善育, baseline 2022 12 托育机构数 幼有善育, target 2027 20 托育机构数 幼有善育"),
            ("a lead merged down too: a row of 5 lines after one of 7", "序号\n领域\n指标名称\n单位\n2022年\n2027年\n牵头单位\n\n1\n幼有善育\n普惠托位占比\n%\n50\n70\n县卫健局\n\n2\n托育机构数\n家\n12\n20\n".to_string(), "baseline 2022 50 普惠托位占比 幼有善育, target 2027 70 普惠托位占比 幼有善育, baseline 2022 12 托育机构数 幼有善育, target 2027 20 托育机构数 幼有善育"),
            ("a name broken over two lines in its cell, with and without the 领域", "序号\n领域\n指标名称\n单位\n2022年\n2027年\n牵头单位\n\n1\n学有优教\n义务教育优质均衡发展\n达标学校占比\n%\n40\n75\n县教育局\n\n2\n每千人口拥有3岁以下\n婴幼儿托位数\n个\n3.1\n5\n县卫健局\n".to_string(), "baseline 2022 40 义务教育优质均衡发展达标学校占比 学有优教, target 2027 75 义务教育优质均衡发展达标学校占比 学有优教, baseline 2022 3.1 每千人口拥有3岁以下婴幼儿托位数 学有优教, target 2027 5 每千人口拥有3岁以下婴幼儿托位数 学有优教"),
            ("titles broken over two lines (`指标` / `名称`, `责任` / `单位`), the first row right under the header", "序号\n领域\n指标\n名称\n单位\n2022年\n2027年\n责任\n单位\n1\n幼有善育\n普惠托位占比\n%\n50\n70\n县卫健局\n\n2\n托育机构数\n家\n12\n20\n县卫健局\n".to_string(), "baseline 2022 50 普惠托位占比 幼有善育, target 2027 70 普惠托位占比 幼有善育, baseline 2022 12 托育机构数 幼有善育, target 2027 20 托育机构数 幼有善育"),
            ("the years' block with the first row right under it", format!("序号\n领域\n指标名称\n单位\n基础值\n目标值\n责任单位\n\n2022年\n2025年\n2027年\n{rows3}"), three_years),
            ("a block that is no row between rows: passed over", "序号\n领域\n指标名称\n单位\n2022年\n2027年\n责任单位\n\n1\n幼有善育\n普惠托位占比\n%\n50\n70\n县卫健局\n\n2\n托育机构数\n家\n12\n20\n县卫健局\n备注一\n备注二\n\n3\n病有良医\n人均预期寿命\n岁\n81.9\n82.5\n县卫健局\n".to_string(), "baseline 2022 50 普惠托位占比 幼有善育, target 2027 70 普惠托位占比 幼有善育, baseline 2022 81.9 人均预期寿命 病有良医, target 2027 82.5 人均预期寿命 病有良医"),
            ("rows of words: nothing", "序号\n指标名称\n单位\n2027年目标值\n\n1\n普惠托位占比\n%\n稳步提高\n\n2\n托育机构数\n家\n持续增加\n".to_string(), ""),
            ("a header over sentences: nothing", "序号\n指标名称\n单位\n2027年目标值\n\n到2027年，普惠托位占比达到70%。\n".to_string(), "target 2027 70 普惠托位占比 -"),
        ];
        for (what, blocks, want) in cases {
            let doc = format!("{HEAD}{blocks}");
            let ex = extract(&doc, Some(2027));
            let got: Vec<String> = ex
                .candidates
                .iter()
                .map(|c| {
                    format!(
                        "{} {} {} {} {}",
                        c.kind.name(),
                        c.year.unwrap_or(0),
                        c.value.unwrap_or_default(),
                        c.indicator,
                        c.area.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            assert_eq!(got.join(", "), want, "{what}");
            // Each table figure is quoted by its own line, which prints it.
            for c in ex
                .candidates
                .iter()
                .filter(|c| c.section.as_deref() == Some("表"))
            {
                let line = doc.lines().nth(c.line - 1).unwrap_or_default();
                assert_eq!(c.quote.as_deref(), Some(line), "{what}");
                assert!(line.contains(c.text.as_deref().unwrap_or("?")), "{what}");
            }
        }
    }
}
