//! Mathpix Markdown (`.mmd`, what Mathpix and similar PDF-to-LaTeX converters give for a scanned or
//! printed plan) read as the text it marks up: a `tabular` becomes one `|` row a line, an inline
//! formula `\(…\)` that is only a number the number (`\(\geq 99.5 \%\)` is `≥99.5%`), a superscript
//! footnote mark Markdown's (`\(4.1^{1}\)` is `4.1` and the mark `[^1]`, and
//! `\footnotetext{ \({ }^{1}\) 该项…}` is the note `[^1]: 该项…`), and a heading command its
//! words (`\section*{二、主要目标}`).
//!
//! Why it exists: the table readers read rows by line and cells by position, and the prose reader
//! reads `56%`, not `\(56 \%\)`; a `tabular` prints a row as `\hline 1 & \multirow{2}{*}{幼有善育}
//! & … \\`, a long name as a nested `\begin{tabular}{l}` over several lines, and a header cell
//! spanning rows or columns as `\multirow`/`\multicolumn`, so no row is a line of cells until it is
//! laid out. The footnote marks become Markdown's so that a note dating a baseline
//! (`该项基础值为2021年数据`) dates it as a pandoc footnote does.
//!
//! Bounded: one pass over the text; a table's grid is limited as an HTML table's is, nesting at most
//! [`MAX_DEPTH`] deep, and a table or formula that does not close is left as printed.

use super::markup::{Cell, copy_lines, layout, number_formula};

/// How deep `tabular`s and braces nest before the table is left as printed.
const MAX_DEPTH: usize = 16;

/// The longest inline formula `\(…\)` read (in characters).
const MAX_FORMULA: usize = 80;

const BEGIN: &str = "\\begin{tabular}";
const END: &str = "\\end{tabular}";

/// Whether the text is Mathpix Markdown: a `tabular`, an inline formula `\(`…`\)` or a starred
/// section command.
pub(crate) fn is_mmd(text: &str) -> bool {
    (text.contains(BEGIN) && text.contains(END))
        || (text.contains("\\(") && text.contains("\\)"))
        || text.contains("\\section*{")
}

/// The text as it reads (see the module's doc), with the source line of each of its lines; None
/// when nothing changed.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    if !is_mmd(text) {
        return None;
    }
    let (tables, map) = tables(text);
    let (tables, map) = unbroken(&tables, map);
    let mut out = String::with_capacity(tables.len());
    let mut in_note = false;
    for (i, line) in tables.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let t = line.trim();
        // `\footnotetext{` opens a note over lines; its `}` closes it (each left an empty line).
        if let Some(rest) = t.strip_prefix("\\footnotetext{") {
            in_note = !rest.trim_end().ends_with('}');
            let rest = rest.trim_end();
            let rest = if in_note {
                rest
            } else {
                &rest[..rest.len() - 1]
            };
            out.push_str(&note_line(rest));
            continue;
        }
        if in_note && t == "}" {
            in_note = false;
            continue;
        }
        if in_note {
            out.push_str(&note_line(t));
            continue;
        }
        out.push_str(&heading(&inline(line)));
    }
    (out != text).then_some((out, map))
}

/// The most lines one heading is joined over.
const MAX_JOINED: usize = 4;

/// The lines with each inline formula `\(…\)` and each heading command (`\section*{…}`) broken
/// over lines made whole on its first line. In LaTeX (and Markdown) a line break inside a
/// paragraph is a space, so a source re-wrapped by an editor or printed at a narrower width
/// (`托位数 \(3.9` / `\) 个`, `\section*{…关于印发…公` / `共服务…}`) says what it said on one line;
/// read a line at a time, the formula would be left as printed and its figure lost. Of a
/// formula only its rest (to its `\)`) is moved up, so that each line keeps its width, which
/// says where a wrapped paragraph's lines join ([`super::outline::wrap_width`]); a heading is a
/// line of its own and takes its lines whole. Two Chinese characters join with nothing between
/// them, anything else with a space; a line left empty is gone, its text being on the line
/// above. A heading still open after [`MAX_JOINED`] lines, or a formula whose `\)` is not near
/// the next line's start, is left as printed.
fn unbroken(text: &str, map: Vec<usize>) -> (String, Vec<usize>) {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    if lines.len() != map.len() {
        return (text.to_string(), map);
    }
    let formula_open = |l: &str| l.matches("\\(").count() > l.matches("\\)").count();
    let heading_open = |l: &str| {
        let t = l.trim_start();
        ["\\section", "\\subsection", "\\subsubsection", "\\title"]
            .iter()
            .any(|c| t.starts_with(c))
            && t.matches('{').count() > t.matches('}').count()
    };
    let cjk = |c: Option<char>| c.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let glued = |a: &str, b: &str| {
        let b = b.trim_start();
        let glue = if cjk(a.trim_end().chars().next_back()) && cjk(b.chars().next()) {
            ""
        } else {
            " "
        };
        format!("{}{glue}{b}", a.trim_end())
    };
    let mut gone = vec![false; lines.len()];
    let mut i = 0;
    while i + 1 < lines.len() {
        if heading_open(&lines[i]) {
            let mut joined = lines[i].clone();
            let mut j = i + 1;
            while j < lines.len() && j - i < MAX_JOINED && heading_open(&joined) {
                if lines[j].trim().is_empty() {
                    break;
                }
                joined = glued(&joined, &lines[j]);
                j += 1;
            }
            if !heading_open(&joined) {
                lines[i] = joined;
                gone[i + 1..j].fill(true);
                i = j;
                continue;
            }
        } else if formula_open(&lines[i]) && !lines[i + 1].trim().is_empty() {
            let next = lines[i + 1].trim_start().to_string();
            let close = next
                .char_indices()
                .take(MAX_FORMULA)
                .map(|(p, _)| p)
                .find(|&p| next[p..].starts_with("\\)"));
            if let Some(p) = close {
                let joined = glued(&lines[i], &next[..p + 2]);
                if !formula_open(&joined) {
                    lines[i] = joined;
                    lines[i + 1] = next[p + 2..].to_string();
                    gone[i + 1] = lines[i + 1].trim().is_empty();
                }
            }
        }
        i += 1;
    }
    let (mut out, mut out_map) = (Vec::new(), Vec::new());
    for ((l, m), g) in lines.into_iter().zip(map).zip(gone) {
        if !g {
            out.push(l);
            out_map.push(m);
        }
    }
    (out.join("\n"), out_map)
}

/// A footnote's line: its mark first (`\({ }^{1}\) 该项…`) as Markdown's note (`[^1]: 该项…`).
fn note_line(line: &str) -> String {
    let t = inline(line.trim());
    match t.strip_prefix("[^").and_then(|r| r.split_once(']')) {
        Some((mark, rest)) if !rest.starts_with(':') => format!("[^{mark}]:{rest}"),
        _ => t,
    }
}

/// `\section*{…}`, `\subsection*{…}`, `\title{…}` (a line of its own) as its words.
fn heading(line: &str) -> String {
    let t = line.trim();
    for cmd in [
        "\\section*{",
        "\\subsection*{",
        "\\subsubsection*{",
        "\\section{",
        "\\subsection{",
        "\\title{",
    ] {
        if let Some(words) = t.strip_prefix(cmd).and_then(|r| r.strip_suffix('}')) {
            return words.trim().to_string();
        }
    }
    line.to_string()
}

/// Every inline formula `\(…\)` that is a number (or a sign, a unit: `\(\%\)`) as the number, a
/// superscript after it a footnote mark (`\(4.1^{1}\)` is `4.1[^1]`, `\({ }^{1}\)` is `[^1]`);
/// any other formula left as printed.
fn inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find("\\(") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .char_indices()
            .take(MAX_FORMULA)
            .map(|(p, _)| p)
            .find(|&p| after[p..].starts_with("\\)"));
        match close.and_then(|p| formula(&after[..p]).map(|n| (p, n))) {
            Some((p, n)) => {
                out.push_str(&n);
                rest = &after[p + 2..];
            }
            None => {
                out.push_str("\\(");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A formula's body as the figure it spells with its footnote mark, a unit or sign alone
/// (`\%`, `\geq`), or None.
fn formula(body: &str) -> Option<String> {
    let (number, mark) = match body.split_once('^') {
        Some((n, m)) => {
            let m: String = m
                .chars()
                .filter(|c| !matches!(c, '{' | '}' | '(' | ')' | ' '))
                .collect();
            if m.is_empty() || m.chars().count() > 3 || !m.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (n, Some(m))
        }
        None => (body, None),
    };
    let note = mark.as_ref().map(|m| format!("[^{m}]")).unwrap_or_default();
    if number.chars().all(|c| matches!(c, '{' | '}' | ' ')) {
        return mark.is_some().then_some(note);
    }
    let figure = number_formula(number).or_else(|| signs(number))?;
    Some(format!("{figure}{note}"))
}

/// A formula of signs and units only (`\%`, `\geq`, `<`) as them.
fn signs(body: &str) -> Option<String> {
    let t = body.trim();
    let s = match t {
        "\\%" => "%",
        "\\geq" | "\\geqslant" | "\\ge" => "≥",
        "\\leq" | "\\leqslant" | "\\le" => "≤",
        "<" | ">" => t,
        _ => return None,
    };
    Some(s.to_string())
}

/// The text with each outermost `tabular` laid out as `|` rows, one a line, on lines of their own,
/// and the source line of each output line.
fn tables(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut lines = Vec::new();
    let mut line = 1;
    let mut at = 0;
    while let Some(open) = text[at..].find(BEGIN).map(|p| p + at) {
        let Some(close) = closing(text, open) else {
            break;
        };
        line = copy_lines(&mut out, &mut lines, &text[at..open], line);
        let table = &text[open..close];
        match layout(rows(table)) {
            Some(grid) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                    lines.push(line);
                }
                for (offset, r) in grid {
                    out.push_str("| ");
                    out.push_str(&r.join(" | "));
                    out.push_str(" |\n");
                    lines.push(line + table[..offset].matches('\n').count());
                }
                line += table.matches('\n').count();
                at = close;
                // The table's own line break: its last row ends with one already.
                if text[at..].starts_with('\n') {
                    at += 1;
                    line += 1;
                }
            }
            None => {
                line = copy_lines(&mut out, &mut lines, table, line);
                at = close;
            }
        }
    }
    line = copy_lines(&mut out, &mut lines, &text[at..], line);
    lines.push(line);
    (out, lines)
}

/// Where the `tabular` opening at `open` ends (after its `\end{tabular}`), nested ones skipped.
fn closing(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut at = open;
    loop {
        let b = text[at..].find(BEGIN).map(|p| p + at);
        let e = text[at..].find(END).map(|p| p + at)?;
        match b {
            Some(b) if b < e => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return None;
                }
                at = b + BEGIN.len();
            }
            _ => {
                depth -= 1;
                at = e + END.len();
                if depth == 0 {
                    return Some(at);
                }
            }
        }
    }
}

/// The body of a `tabular` (`table` from its `\begin` to its `\end`): after the column spec.
fn body(table: &str) -> (usize, &str) {
    let inner = &table[BEGIN.len()..table.len() - END.len()];
    let spec = group(inner.trim_start()).map_or(0, |(_, len)| len);
    let start = BEGIN.len() + (inner.len() - inner.trim_start().len()) + spec;
    (start, &table[start..table.len() - END.len()])
}

/// The `{…}` group `s` opens with: its inside and its length with the braces; None when `s` does
/// not open one or it does not close.
fn group(s: &str) -> Option<(&str, usize)> {
    if !s.starts_with('{') {
        return None;
    }
    let mut depth = 0;
    for (p, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&s[1..p], p + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits `s` where `sep` stands outside braces and nested `tabular`s; each piece with its offset.
fn split_top<'a>(s: &'a str, sep: &str) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let (mut depth, mut nest, mut from, mut p) = (0i32, 0i32, 0, 0);
    while p < s.len() {
        let r = &s[p..];
        if r.starts_with(BEGIN) {
            nest += 1;
            p += BEGIN.len();
            continue;
        }
        if r.starts_with(END) {
            nest -= 1;
            p += END.len();
            continue;
        }
        if r.starts_with("\\{") || r.starts_with("\\}") || r.starts_with("\\&") {
            p += 2;
            continue;
        }
        if depth == 0 && nest == 0 && r.starts_with(sep) {
            out.push((from, &s[from..p]));
            p += sep.len();
            from = p;
            continue;
        }
        let c = r.chars().next().unwrap_or(' ');
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        p += c.len_utf8();
    }
    out.push((from, &s[from..]));
    out
}

/// A table's rows, each its cells with their spans and where the row starts in `table`; rules
/// (`\hline`, `\cline { 5 - 10 }`) dropped, a row of nothing but rules no row.
fn rows(table: &str) -> Vec<(usize, Vec<Cell>)> {
    let (start, body) = body(table);
    let mut out = Vec::new();
    for (offset, row) in split_top(body, "\\\\") {
        let row = without_rules(row);
        if row.trim().is_empty() {
            continue;
        }
        let cells = split_top(&row, "&")
            .into_iter()
            .map(|(_, c)| cell(c))
            .collect();
        // The row's offset: past the line break its text starts after.
        let lead = body[offset..].len() - body[offset..].trim_start().len();
        out.push((start + offset + lead, cells));
    }
    out
}

/// A row's text without its rules.
fn without_rules(row: &str) -> String {
    let mut out = String::with_capacity(row.len());
    let mut rest = row;
    while let Some(p) = rest
        .find("\\hline")
        .into_iter()
        .chain(rest.find("\\cline"))
        .min()
    {
        out.push_str(&rest[..p]);
        if rest[p..].starts_with("\\hline") {
            rest = &rest[p + "\\hline".len()..];
        } else {
            let after = rest[p + "\\cline".len()..].trim_start();
            rest = group(after).map_or(after, |(_, len)| &after[len..]);
        }
    }
    out.push_str(rest);
    out
}

/// A cell's text and spans: `\multirow{2}{*}{…}` spans rows, `\multicolumn{5}{|c|}{…}` columns,
/// a nested `tabular` is its lines joined (a name wrapped in its cell), formulas read.
fn cell(raw: &str) -> Cell {
    let mut t = raw.trim();
    let mut cols = 1;
    loop {
        let (cmd, n) = if let Some(r) = t.strip_prefix("\\multirow") {
            ("row", r)
        } else if let Some(r) = t.strip_prefix("\\multicolumn") {
            ("col", r)
        } else {
            break;
        };
        let Some((count, len)) = group(n.trim_start()) else {
            break;
        };
        let n = n.trim_start()[len..].trim_start();
        let Some((_, skip)) = group(n) else { break };
        let n = n[skip..].trim_start();
        let Some((inside, _)) = group(n) else { break };
        // A `\multirow`'s rows below print an empty cell in its place (unlike HTML's, which
        // leave it out): each row lays its own cells out.
        if cmd == "col" {
            cols = count.trim().parse().unwrap_or(1usize).clamp(1, 100);
        }
        t = inside.trim();
    }
    Cell {
        text: words(t),
        rows: 1,
        cols,
    }
}

/// A cell's words: a nested `tabular`'s lines joined (no space between two Chinese characters),
/// formulas read, braces and white space runs dropped.
fn words(t: &str) -> String {
    let mut s = t.to_string();
    if let Some(open) = s.find(BEGIN)
        && let Some(close) = closing(&s, open)
    {
        let inner = &s[open..close];
        let (_, body) = body(inner);
        let mut joined = String::new();
        for (_, piece) in split_top(body, "\\\\") {
            let piece = words(&without_rules(piece));
            let cjk = |c: Option<char>| c.is_some_and(|c| c > '\u{2e80}');
            let run_on = cjk(joined.chars().last()) && cjk(piece.chars().next());
            if !joined.is_empty() && !run_on {
                joined.push(' ');
            }
            joined.push_str(&piece);
        }
        s = format!("{}{}{}", &s[..open], joined, &s[close..]);
    }
    let s = inline(&s).replace(['{', '}'], "");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        plain_lines(text).map(|(t, _)| t)
    }

    #[test]
    fn inline_formulas_are_their_figures() {
        for (text, want) in [
            ("普惠托位占比 \\(56 \\%\\)；", Some("普惠托位占比 56%；")),
            ("毛入园率 \\(\\geq 99.5 \\%\\)，", Some("毛入园率 ≥99.5%，")),
            ("婴儿死亡率 \\(<3\\) ‰", Some("婴儿死亡率 <3 ‰")),
            ("达到 \\(4.6\\) 人", Some("达到 4.6 人")),
            ("单位 \\(\\%\\)", Some("单位 %")),
            ("\\(4.1^{1}\\)", Some("4.1[^1]")),
            ("医师数\\({ }^{1}\\)", Some("医师数[^1]")),
            // A formula that is no number stays as printed.
            ("\\(x+1\\) 与 \\(\\alpha\\)", None),
            ("无公式的文字", None),
        ] {
            assert_eq!(read(text).as_deref(), want, "{text}");
        }
    }

    /// A source re-wrapped at a narrower width: a formula's rest moved up to its line (the
    /// next line keeps the rest of its text and its place), a heading's lines joined; each line
    /// keeps its first source line. Near misses: a formula closed on its line, one whose close is
    /// not at the next line's start, a paragraph's blank line, a heading never closed.
    #[test]
    fn a_formula_or_heading_broken_over_lines_is_whole() {
        let text = "托位数 \\(3.9\n\\) 个，占比 \\(56 \\%\n\\)\n\\section*{关于印发公\n共服务方案}\n下一行";
        let (t, map) = plain_lines(text).expect("read");
        assert_eq!(t, "托位数 3.9\n 个，占比 56%\n关于印发公共服务方案\n下一行");
        assert_eq!(map, vec![1, 2, 4, 6]);
        let far = format!("托位数 \\(3.9\n个，{} \\)", "很长".repeat(50));
        for text in [
            "托位数 \\(3.9\\)\n个",
            far.as_str(),
            "托位数 \\(3.9\n\n\\) 个",
            "\\section*{关于\n印发\n公共\n服务\n方案",
        ] {
            let lines = |t: &str| t.split('\n').count();
            let (t, _) = plain_lines(text).unwrap_or((text.to_string(), Vec::new()));
            assert_eq!(lines(&t), lines(text), "{text}: {t}");
        }
    }

    #[test]
    fn headings_and_footnotes_read_as_markdown() {
        let text = "\\section*{二、主要目标}\n\n\\footnotetext{\n\\({ }^{1}\\) 该项基础值为 2021 年数据。\n}\n";
        assert_eq!(
            read(text).as_deref(),
            Some("二、主要目标\n\n\n[^1]: 该项基础值为 2021 年数据。\n\n")
        );
        let one = "\\footnotetext{\\({ }^{2}\\) 该项数据为2021年。}";
        assert_eq!(read(one).as_deref(), Some("[^2]: 该项数据为2021年。"));
    }

    #[test]
    fn a_tabular_is_its_rows() {
        let text = "表 1\n\\begin{tabular}{|c|c|c|c|c|}\n\\hline \\multirow{2}{*}{序号} & \\multirow{2}{*}{指标名称} & 基础值 & \\multicolumn{2}{|c|}{年度目标} \\\\\n\\cline { 3 - 5 } & & 2022 年 & 2023 年 & 2024 年 \\\\\n\\hline 1 & \\begin{tabular}{l} \n每千人口拥有 3 岁以下 \\\\\n婴幼儿托位数\n\\end{tabular} & \\(4.1^{1}\\) & \\(\\geq 4.2\\) & 4.5 \\\\\n\\hline 2 & 普惠托位占比 & 56 & & \\(<60 \\%\\) \\\\\n\\hline\n\\end{tabular}\n\n注\n";
        let (t, lines) = plain_lines(text).unwrap();
        assert_eq!(
            t,
            "表 1\n| 序号 | 指标名称 | 基础值 | 年度目标 | 年度目标 |\n|  |  | 2022 年 | 2023 年 | 2024 年 |\n| 1 | 每千人口拥有 3 岁以下婴幼儿托位数 | 4.1[^1] | ≥4.2 | 4.5 |\n| 2 | 普惠托位占比 | 56 |  | <60% |\n\n注\n"
        );
        // Each row is the line its text starts on; the lines after the table the source's.
        assert_eq!(lines.len(), t.split('\n').count());
        assert_eq!(&lines[..5], &[1, 3, 4, 5, 9]);
        assert_eq!(lines[6], 13);
        // A tabular that never closes stays as printed; text with no markup gives nothing.
        let open = "\\begin{tabular}{cc}\n1 & 2 \\\\\n";
        assert_eq!(read(open).as_deref(), None);
    }
}
