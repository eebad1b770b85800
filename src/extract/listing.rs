//! A table printed by a script as one list a row — pdfplumber's `extract_tables()`, a
//! DataFrame's `values.tolist()`, camelot's rows, each `print(row)`ed — read as the `|` row it is:
//! `['1', '幼有\n善育', '每千人口拥有3岁以下婴\n幼儿托位数', '个', '3.9', None]` is
//! `| 1 | 幼有善育 | 每千人口拥有3岁以下婴幼儿托位数 | 个 | 3.9 |  |`.
//!
//! Why it exists: a data office gets a PDF's tables so and hands the listing on; read as text,
//! a row is one run of quoted words and the table readers find no cell. What a list prints:
//! a string in either quote with Python's escapes (`\n` the cell's line break: joined with
//! nothing between two Chinese characters, as a wrapped name in any cell; `\t`, `\xa0`,
//! `\u3000` spaces), `None` and `nan` a cell with nothing (a merged cell's covered place), a
//! number as printed. A pretty-printed list of rows (`[['序号', …],` / ` ['1', …]]`) is a row a
//! line as well.
//!
//! Lines stay one for one. Bounded: one pass over each line.

/// The fewest cells a printed row has: a list of one or two strings is no table's row.
const MIN_CELLS: usize = 3;

/// The text with each line that is a printed list of cells as a `|` row, and each line's source
/// line; None where no line is one.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    if !text.contains('[') || !text.contains(['\'', '"']) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut any = false;
    let mut count = 0;
    for line in text.split_inclusive('\n') {
        count += 1;
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b.strip_suffix('\r').unwrap_or(b), "\n"),
            None => (line, ""),
        };
        match row(body) {
            Some(cells) => {
                any = true;
                out.push_str("| ");
                out.push_str(&cells.join(" | "));
                out.push_str(" |");
                out.push_str(end);
            }
            None => out.push_str(line),
        }
    }
    any.then(|| (out, (1..=count + 1).collect()))
}

/// A line's cells where it is a printed list of them (with a list of rows' brackets and commas
/// around it); None for any other line.
fn row(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.trim_start_matches('[');
    // One bracket opens the row; more open a list of rows around it.
    if inner.len() == t.len() {
        return None;
    }
    let mut chars = inner.chars().peekable();
    let mut cells = Vec::new();
    let mut strings = 0;
    loop {
        while chars.peek().is_some_and(|c| *c == ' ') {
            chars.next();
        }
        match chars.peek().copied()? {
            q @ ('\'' | '"') => {
                chars.next();
                cells.push(string(&mut chars, q)?);
                strings += 1;
            }
            _ => {
                let word: String =
                    std::iter::from_fn(|| chars.next_if(|c| !matches!(c, ',' | ']'))).collect();
                let word = word.trim();
                let number = !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+'))
                    && word.chars().any(|c| c.is_ascii_digit());
                match word {
                    "None" | "nan" | "NaN" | "" => cells.push(String::new()),
                    _ if number => cells.push(word.to_string()),
                    _ => return None,
                }
            }
        }
        while chars.peek().is_some_and(|c| *c == ' ') {
            chars.next();
        }
        match chars.next()? {
            ',' => continue,
            ']' => break,
            _ => return None,
        }
    }
    // What may follow a row: the brackets and comma of the list of rows it stands in.
    if !chars.all(|c| matches!(c, ']' | ',' | ' ')) || cells.len() < MIN_CELLS || strings == 0 {
        return None;
    }
    Some(cells)
}

/// A string's text up to its closing quote, its escapes read; None where the line ends first.
fn string(chars: &mut std::iter::Peekable<std::str::Chars>, quote: char) -> Option<String> {
    let mut pieces = vec![String::new()];
    loop {
        match chars.next()? {
            c if c == quote => break,
            '\\' => match chars.next()? {
                'n' | 'r' => pieces.push(String::new()),
                't' => pieces.last_mut()?.push(' '),
                'x' => {
                    let code: String = (0..2).filter_map(|_| chars.next()).collect();
                    push_code(pieces.last_mut()?, &code);
                }
                'u' => {
                    let code: String = (0..4).filter_map(|_| chars.next()).collect();
                    push_code(pieces.last_mut()?, &code);
                }
                c => pieces.last_mut()?.push(c),
            },
            c => pieces.last_mut()?.push(c),
        }
    }
    // A cell's lines as one: nothing between two Chinese characters, a space otherwise.
    let mut out = String::new();
    for p in pieces
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
    {
        if p.is_empty() {
            continue;
        }
        let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
        if !(out.is_empty() || wide(out.chars().last()) && wide(p.chars().next())) {
            out.push(' ');
        }
        out.push_str(&p);
    }
    // A `|` inside a cell would part it in two.
    Some(out.replace('|', "/"))
}

/// The character of an escape's hex code (`\xa0`, `\u3000`); a space for a space of any kind.
fn push_code(out: &mut String, code: &str) {
    if let Some(c) = u32::from_str_radix(code, 16).ok().and_then(char::from_u32) {
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
}

#[cfg(test)]
mod tests {
    use super::plain_lines;

    /// Rows as scripts print them, pretty-printed or not, with every escape and empty cell; and
    /// lines that are no row: a list of one or two strings, a list of numbers only, text with a
    /// bracket, a string left open.
    #[test]
    fn a_printed_list_is_a_row() {
        let cases: &[(&str, &str)] = &[
            (
                "['1', '幼有\\n善育', '每千人口拥有3岁以下婴\\n幼儿托位数', '个', '3.9', None, '≥65']",
                "| 1 | 幼有善育 | 每千人口拥有3岁以下婴幼儿托位数 | 个 | 3.9 |  | ≥65 |",
            ),
            (
                "[['序号', '指标', \"2022年\\n基础值\", '2025年'],",
                "| 序号 | 指标 | 2022年基础值 | 2025年 |",
            ),
            (
                " [2, '普惠托位占比', 56.0, nan]]",
                "| 2 | 普惠托位占比 | 56.0 |  |",
            ),
            (
                "['3', 'Unit\\ttext', '4.6\\xa0', 'a\\\\b', 'it\\'s', '万套\\n（间）', '达到\\u3000 95%']",
                "| 3 | Unit text | 4.6 | a\\b | it's | 万套（间） | 达到 95% |",
            ),
            ("['附件', '表1']", "['附件', '表1']"),
            ("[1, 2, 3]", "[1, 2, 3]"),
            ("[表 1] 8 行 × 8 列", "[表 1] 8 行 × 8 列"),
            ("['1', '未闭合", "['1', '未闭合"),
            ("['1', '2', '3'] 之后的文字", "['1', '2', '3'] 之后的文字"),
        ];
        for (line, want) in cases {
            let got = plain_lines(line).map_or_else(|| line.to_string(), |(t, _)| t);
            assert_eq!(got, *want, "{line}");
        }
        // Lines one for one, CRLF kept to LF.
        let (t, lines) = plain_lines("前文\r\n['1', '名称', '3.9']\r\n后文").unwrap_or_default();
        assert_eq!(t, "前文\r\n| 1 | 名称 | 3.9 |\n后文");
        assert_eq!(lines[..3], [1, 2, 3]);
        assert_eq!(plain_lines("没有列表"), None);
    }
}
