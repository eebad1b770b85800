//! A document in AsciiDoc (`pandoc -t asciidoc` of a .docx, an editor's `.adoc`) read as the
//! text it marks up: `=` headings as their words, a hard line break (` +` at a line's end) as a
//! line's end, and a table (`|===` … `|===`) as one `|` row a line. An AsciiDoc table's rows are
//! not its lines: its cells run on, `|` before each, and a row is as many cells as the table has
//! columns (its `cols` attribute, else its first line's cells), so a cell broken over lines —
//! a name, a bilingual header `2025年目标值 +` / `Target 2025` — breaks no row.
//!
//! A bilingual edition (中英文对照) follows a cell's or a heading's Chinese with its English;
//! the English restates it, so a cell or heading that is Chinese and then words with no Chinese
//! is read as its Chinese (`个 +` / `places` is `个`).
//!
//! Why it exists: the table readers read a row a line and a title from its line; without this a
//! row of a bilingual table was seven lines of pieces, and the title, its English after it, too
//! long for one. `validate` reads a source through the same pass ([`super::markup::plain`]).
//!
//! Bounded: one pass over the lines; a table of more than [`MAX_CELLS`] cells is left as
//! printed; a span (`3+|`, `.2+|`) counts at most [`MAX_SPAN`].

use super::scan::is_cjk;

/// The most cells a table is laid out in; a larger one is left as printed.
const MAX_CELLS: usize = 20_000;

/// The most columns or rows one cell is taken to span.
const MAX_SPAN: usize = 50;

/// Whether the text is AsciiDoc: a table's delimiters (`|===` twice), or a document title (`= `)
/// on its first line with text and a section (`== `) under it.
fn is_asciidoc(lines: &[&str]) -> bool {
    let delimiters = lines.iter().filter(|l| l.trim_end() == "|===").count();
    let title = lines
        .iter()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.starts_with("= "));
    delimiters >= 2 || title && lines.iter().any(|l| l.starts_with("== "))
}

/// A line's words with a bilingual edition's English after its Chinese left out: Chinese, then
/// (after a break or a space) words with Latin letters and no Chinese. Other lines as they are.
fn chinese_of(parts: &[&str]) -> String {
    let chinese = |s: &str| s.chars().any(is_cjk);
    let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    let english = |p: &&str| !chinese(p) && latin(p);
    // The Chinese parts, then only English ones: the Chinese (a name wrapped over two parts
    // before its English stays whole).
    let chinese_end = parts.iter().rposition(|p| chinese(p)).map_or(0, |k| k + 1);
    let parts: &[&str] =
        if chinese_end > 0 && chinese_end < parts.len() && parts[chinese_end..].iter().all(english)
        {
            &parts[..chinese_end]
        } else {
            &parts
        };
    // A Chinese line and its English on one line (`== 二、主要目标 Main Targets`).
    if let [first] = parts {
        let c: Vec<char> = first.chars().collect();
        if let Some(last) = c.iter().rposition(|&x| is_cjk(x) || "）》”】".contains(x)) {
            let tail: String = c[last + 1..].iter().collect();
            if tail.starts_with(' ') && english(&tail.as_str()) {
                return c[..=last].iter().collect();
            }
        }
        return first.to_string();
    }
    // A name wrapped by a hard break: Chinese meets Chinese with no space.
    let mut out = String::new();
    for p in parts {
        let glue = out.chars().last().is_some_and(|c| !is_cjk(c))
            || p.chars().next().is_some_and(|c| !is_cjk(c));
        if !out.is_empty() && glue {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// A line without its hard break (` +` at its end).
fn unbroken(l: &str) -> &str {
    let t = l.trim_end();
    t.strip_suffix(" +").unwrap_or(t)
}

/// The number of columns a table's `cols` attribute gives (`cols="5%,10%,35%"` three,
/// `cols="3*"` three, `cols="1,2,2"` three); None without one.
fn cols_attribute(line: &str) -> Option<usize> {
    let at = line.find("cols=\"")? + "cols=\"".len();
    let spec = &line[at..at + line[at..].find('"')?];
    if let Some(n) = spec.strip_suffix('*') {
        return n.parse().ok().filter(|n| (1..=MAX_SPAN).contains(n));
    }
    Some(spec.split([',', ';']).count())
}

/// A cell's start at byte `at` of a line: its specifier (`a`, `2+`, `.2+^.^`) and the `|` after
/// it, at the line's start or after white space. The columns and rows it spans, and where its
/// text starts.
fn cell_start(line: &str, at: usize) -> Option<(usize, usize, usize)> {
    if at > 0 && !line[..at].ends_with([' ', '\t', '|']) {
        return None;
    }
    let rest = &line[at..];
    let spec_len = rest.find('|')?;
    let spec = &rest[..spec_len];
    if !spec
        .chars()
        .all(|c| c.is_ascii_digit() || ".+*^<>aehlmsdv".contains(c))
    {
        return None;
    }
    let (mut cols, mut rows) = (1, 1);
    if let Some(p) = spec.find('+') {
        let span = &spec[..p];
        let n = |s: &str| {
            s.parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_SPAN).contains(n))
        };
        match span.split_once('.') {
            Some((c, r)) => {
                cols = n(c).unwrap_or(1);
                rows = n(r).unwrap_or(1);
            }
            None => cols = n(span).unwrap_or(1),
        }
    }
    Some((cols, rows, at + spec_len + 1))
}

/// A table's body (the lines between its delimiters) as its cells: each cell's text pieces (its
/// lines, hard breaks taken off), the columns and rows it spans, and its first line.
type Cell = (Vec<String>, usize, usize, usize);

fn cells_of(body: &[(usize, &str)]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::new();
    for &(n, line) in body {
        let mut at = 0;
        let mut piece_from = 0;
        let mut starts = Vec::new();
        while let Some(p) = line[at..].find('|') {
            let bar = at + p;
            // A bar escaped (`\|`) is text of its cell.
            let escaped = line[..bar].ends_with('\\');
            // The spec (`2+`, `.3+`, `a`) stands between the last space and the bar, never
            // before the bar ahead of it: `||` is an empty cell, then another.
            let spec_from = line[at..bar].rfind([' ', '\t']).map_or(at, |s| at + s + 1);
            if !escaped && let Some(start) = cell_start(line, spec_from) {
                starts.push((spec_from, start));
            }
            at = bar + 1;
        }
        for (spec_from, (cols, rows, text_from)) in starts {
            if let Some(last) = cells.last_mut() {
                last.0.push(line[piece_from..spec_from].to_string());
            }
            cells.push((Vec::new(), cols, rows, n));
            piece_from = text_from;
        }
        if let Some(last) = cells.last_mut() {
            last.0.push(line[piece_from..].to_string());
        }
    }
    for c in &mut cells {
        for p in &mut c.0 {
            *p = unbroken(p).replace("\\|", "¦").trim().to_string();
        }
    }
    cells
}

/// The table's rows, each as `| c1 | c2 | … |` with the line it starts on; None when the cells
/// do not fill whole rows of `columns` (then the table is left as printed).
fn rows_of(cells: &[Cell], columns: usize) -> Option<Vec<(usize, String)>> {
    if columns == 0 || cells.len() > MAX_CELLS {
        return None;
    }
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    // For each column, how many more rows a cell above still spans.
    let mut held = vec![0usize; columns];
    let mut row: Vec<String> = Vec::new();
    let mut first_line = 0;
    let place_held = |row: &mut Vec<String>, held: &mut Vec<usize>| {
        while row.len() < columns && held[row.len()] > 0 {
            held[row.len()] -= 1;
            row.push(String::new());
        }
    };
    for (pieces, cols, rows_spanned, line) in cells {
        if row.is_empty() {
            first_line = *line;
        }
        place_held(&mut row, &mut held);
        let text = chinese_of(&pieces.iter().map(String::as_str).collect::<Vec<_>>());
        let at = row.len();
        row.push(text);
        for _ in 1..*cols {
            row.push(String::new());
        }
        if row.len() > columns {
            return None;
        }
        for h in held.iter_mut().skip(at).take(*cols) {
            *h = rows_spanned - 1;
        }
        place_held(&mut row, &mut held);
        if row.len() == columns {
            rows.push((first_line, std::mem::take(&mut row)));
        }
    }
    if !row.is_empty() {
        return None;
    }
    Some(
        rows.into_iter()
            .map(|(l, cells)| (l, format!("| {} |", cells.join(" | "))))
            .collect(),
    )
}

/// The text with its AsciiDoc read as what it marks up, and the source line of each line;
/// None when the text is not AsciiDoc.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let lines: Vec<&str> = text.split('\n').collect();
    if !is_asciidoc(&lines) {
        return None;
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim_end_matches('\r');
        if l.trim_end() == "|===" {
            let close = (i + 1..lines.len()).find(|k| lines[*k].trim_end() == "|===");
            let columns = out
                .iter()
                .rev()
                .take(2)
                .find_map(|(_, a)| cols_attribute(a))
                .or_else(|| {
                    let first = lines[i + 1..].iter().find(|l| !l.trim().is_empty())?;
                    Some(cells_of(&[(0, first)]).len())
                });
            let body: Vec<(usize, &str)> = (i + 1..close.unwrap_or(lines.len()))
                .map(|k| (k + 1, lines[k].trim_end_matches('\r')))
                .collect();
            let rows = columns.and_then(|c| rows_of(&cells_of(&body), c));
            if let (Some(close), Some(rows)) = (close, rows) {
                // The attribute line (`[width=…,cols=…]`) above is no text.
                if out.last().is_some_and(|(_, a)| a.starts_with('[')) {
                    out.pop();
                }
                out.extend(rows);
                i = close + 1;
                continue;
            }
        }
        let line = if let Some(h) = l.trim_start_matches('=').strip_prefix(' ')
            && l.starts_with('=')
        {
            chinese_of(&[h])
        } else if let Some(t) = l.strip_prefix('.').filter(|t| {
            t.starts_with(|c: char| !c.is_whitespace() && c != '.' && !c.is_ascii_digit())
        }) {
            // A block's title (`.…主要指标 Key Indicators`).
            chinese_of(&[t])
        } else if l.starts_with(':') && l.ends_with(':') && l.len() > 2 {
            // A document attribute (`:toc:`).
            String::new()
        } else {
            unbroken(l).to_string()
        };
        out.push((i + 1, line));
        i += 1;
    }
    let (map, text): (Vec<usize>, Vec<String>) = out.into_iter().unzip();
    Some((text.join("\n"), map))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(t: &str) -> Option<String> {
        plain_lines(t).map(|(t, _)| t)
    }

    /// pandoc's AsciiDoc of a bilingual edition: every header cell and name Chinese ` +` English,
    /// so a row runs over lines and a line holds one cell's end and the next cells; the rows as
    /// `|` rows with their Chinese, a wrapped Chinese name joined, an empty cell kept; headings
    /// and a block title as their Chinese; hard breaks and attributes gone.
    #[test]
    fn a_bilingual_asciidoc_table_as_rows() {
        let doc = "= 某县公共服务“七优享”工程实施方案（2023—2027年） Implementation Plan (2023–2027)\n:toc:\n\n某政办发〔2023〕29号 +\nDocument No. 29\n\n== 二、主要目标 Main Targets\n\n.主要指标 Key Indicators\n[width=\"100%\",cols=\"5%,30%,8%,10%,10%\",options=\"header\",]\n|===\n|序号 +\nNo. |指标名称 +\nIndicator |单位 +\nUnit |2022年基础值 +\nBaseline 2022 |2027年目标值 +\nTarget 2027\n|1 |每千人口拥有3岁以下 +\n婴幼儿托位数 +\nChildcare places per 1,000 residents |个 +\nplaces |3.2 |5.5\n|2 |普惠托位占比 +\nShare of affordable places |% | |≥70\n|===\n";
        let want = "某县公共服务“七优享”工程实施方案（2023—2027年）\n\n\n某政办发〔2023〕29号\nDocument No. 29\n\n二、主要目标\n\n主要指标\n| 序号 | 指标名称 | 单位 | 2022年基础值 | 2027年目标值 |\n| 1 | 每千人口拥有3岁以下婴幼儿托位数 | 个 | 3.2 | 5.5 |\n| 2 | 普惠托位占比 | % |  | ≥70 |\n";
        assert_eq!(plain(doc).as_deref(), Some(want));
        let (_, lines) = plain_lines(doc).unwrap_or_default();
        // Each row on the line it starts on in the source.
        assert_eq!(&lines[9..12], &[12, 18, 22]);
    }

    /// Spans: a cell spanning two columns (`2+|`) fills both, one spanning two rows (`.2+|`)
    /// leaves its column empty in the next row; a table without `cols` takes its first line's
    /// cells; cells that do not fill whole rows leave the table as printed; an escaped bar is
    /// text. Not AsciiDoc: a Markdown table, a `|` row, a title without sections.
    #[test]
    fn spans_and_what_is_no_asciidoc() {
        let doc = "|===\n|领域 |指标 |2025年 |2027年\n.2+|幼有善育 |托位数 |4.5 |5.5\n|普惠占比 2+|≥60\n|学有优教 |学位a\\|b |1 |2\n|===\n";
        assert_eq!(
            plain(doc).as_deref(),
            Some(
                "| 领域 | 指标 | 2025年 | 2027年 |\n| 幼有善育 | 托位数 | 4.5 | 5.5 |\n|  | 普惠占比 | ≥60 |  |\n| 学有优教 | 学位a¦b | 1 | 2 |\n"
            )
        );
        // `||` is an empty cell, then the next: never a cell starting before the bar ahead of
        // it (which cut a slice backwards: a panic on a damaged copy of round 14's shengsi).
        let empty = "|===\n|a |b |c\n|1 ||3\n|===\n";
        assert_eq!(
            plain(empty).as_deref(),
            Some("| a | b | c |\n| 1 |  | 3 |\n")
        );
        let damaged =
            "|===\n|单位 |2025年 |2027年 |牵头\nyuan/month ||1160 |1310 |1460 |县民政局 +\n|===\n";
        let _ = plain(damaged);
        let ragged = "|===\n|a |b |c\n|1 |2\n|===\n";
        assert_eq!(
            plain(ragged).as_deref(),
            Some("|===\n|a |b |c\n|1 |2\n|===\n")
        );
        assert_eq!(plain("| 序号 | 指标 |\n|---|---|\n| 1 | 托位数 |\n"), None);
        assert_eq!(plain("= 标题\n正文\n"), None);
        assert_eq!(plain(""), None);
        assert_eq!(cols_attribute("[cols=\"3*\",options=\"header\"]"), Some(3));
        assert_eq!(cols_attribute("[cols=\"1,2,2\"]"), Some(3));
        assert_eq!(cols_attribute("[options=\"header\"]"), None);
    }
}
