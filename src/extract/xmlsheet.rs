//! A workbook saved as Excel 2003 XML (SpreadsheetML: WPS 表格's and Excel's "XML 表格"), read as
//! the sheets it holds: each `<Row>` a line of tab-separated cells, each `<Cell>` at the column
//! Excel shows it in, its text as Excel displays it.
//!
//! Why it exists: an office that keeps its indicator sheet in WPS and saves it "as XML" hands out
//! a file whose every cell is a line of markup (`<Cell ss:StyleID="s65"><Data ss:Type="Number">
//! 3.6</Data></Cell>`): read as text, no row is a row and no figure stands under its year. The
//! format leaves out what Excel does not store: the cells a merge covers are not written
//! (`ss:MergeAcross="2"` on `目标值`, `ss:MergeDown="1"` on a 领域), nor empty cells, and the
//! next written cell says its column (`ss:Index="5"`); a percent-formatted cell stores its
//! fraction (`0.55` under the style `0%` is the 55% printed). So each cell is placed at its
//! column (covered and missing cells empty, as a CSV of the sheet has them) and a number under a
//! percent format is written as the percent it shows, to the format's decimals. The rest of the
//! file (properties, styles, widths, page setup, a cell's comment) is no text of the sheet.
//! A sheet's name is a line of its own above its rows, as a workbook's printout heads it.
//!
//! Each line of the result is mapped to the source line its row opens on, so a draft's `line`
//! points at the document the user has; `validate` reads a source through the same pass.
//!
//! Bounded: one pass over the text; a merge or an index past [`MAX_COLUMNS`] is no sheet.

use std::collections::HashMap;

use rust_decimal::Decimal;

/// The widest sheet read; a cell placed further right is no sheet's.
const MAX_COLUMNS: usize = 256;

/// Whether `text` is a SpreadsheetML workbook: its namespace and a worksheet.
fn is_workbook(text: &str) -> bool {
    text.contains("urn:schemas-microsoft-com:office:spreadsheet") && text.contains("<Worksheet")
}

/// An attribute's value in a tag's text (`ss:Index="5"`, or without the `ss:` prefix).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    [format!(" ss:{name}=\""), format!(" {name}=\"")]
        .iter()
        .find_map(|key| {
            let at = tag.find(key.as_str())? + key.len();
            let end = tag[at..].find('"')?;
            Some(&tag[at..at + end])
        })
}

/// XML's entities and character references read (`&lt;5.5%` is `<5.5%`); a line break inside a
/// cell (`&#10;`) joins its parts, as a wrapped Chinese cell prints them.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let Some(semi) = tail.find(';').filter(|&k| k <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        // The names HTML has as well as XML's own five and character references.
        let c = super::markup::entity(&tail[1..semi]);
        match c {
            Some('\n' | '\r') => {}
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=semi]),
        }
        rest = &tail[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// A number format's display: whether it shows a percent and how many decimals it prints
/// (`0%` → (true, 0), `0.0%` → (true, 1), `Percent` → (true, 2), `0.00` → (false, 2)); None
/// for a format that prints the number as stored (`General`, a date, text).
pub(super) fn display(format: &str) -> Option<(bool, u32)> {
    match format {
        "Percent" => return Some((true, 2)),
        "Fixed" | "Standard" => return Some((false, 2)),
        _ => {}
    }
    // The format's first section (a `;` parts positive, negative and zero forms).
    let f = format.split(';').next().unwrap_or("");
    let percent = f.contains('%');
    let digits: String = f.chars().filter(|c| "0#,.%".contains(*c)).collect();
    if digits.is_empty() || digits.len() != f.chars().filter(|c| !"\"\\ ".contains(*c)).count() {
        return None;
    }
    let decimals = digits
        .split_once('.')
        .map_or(0, |(_, d)| d.chars().filter(|c| *c == '0').count() as u32);
    Some((percent, decimals))
}

/// A stored number as its style displays it: a percent format's fraction as its percent, rounded
/// half away from zero (四舍五入) to the format's decimals; a number under no format as stored.
pub(super) fn shown(stored: &str, format: Option<(bool, u32)>) -> String {
    let Some((percent, decimals)) = format else {
        return stored.to_string();
    };
    let Ok(mut v) = stored.trim().parse::<Decimal>() else {
        return stored.to_string();
    };
    if percent {
        v *= Decimal::ONE_HUNDRED;
    }
    let v = v.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    let mut s = format!("{v:.0$}", decimals as usize);
    if percent {
        s.push('%');
    }
    s
}

/// One row being read: its cells by column (0-based) and the line it opens on.
struct Row {
    line: usize,
    cells: Vec<String>,
    next: usize,
}

/// The workbook's sheets as lines of tab-separated cells, with the source line of each; None
/// where `text` is no SpreadsheetML workbook or holds no row.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    if !is_workbook(text) {
        return None;
    }
    // Every style's number format, by its id.
    let mut formats: HashMap<String, (bool, u32)> = HashMap::new();
    let mut style: Option<String> = None;
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut row: Option<Row> = None;
    // Columns a merge from a row above covers: (first, last, rows still covered).
    let mut below: Vec<(usize, usize, usize)> = Vec::new();
    // The open cell: its column, the number format of its style, whether its data is a number.
    let mut cell: Option<(usize, Option<(bool, u32)>)> = None;
    let mut in_comment = false;
    let mut line = 1;
    let mut at = 0;
    let bytes = text.as_bytes();
    while let Some(p) = text[at..].find('<') {
        let open = at + p;
        line += bytes[at..open].iter().filter(|b| **b == b'\n').count();
        // A document cut short inside a tag: what came before it is read.
        let Some(close) = text[open..].find('>').map(|c| open + c) else {
            break;
        };
        let tag = &text[open + 1..close];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split([' ', '\t', '\r', '\n', '/'])
            .next()
            .unwrap_or("")
            .trim_start_matches("ss:");
        let empty = tag.ends_with('/');
        let line_here = line;
        line += bytes[open..close].iter().filter(|b| **b == b'\n').count();
        at = close + 1;
        match (name, closing) {
            ("Style", false) => style = attr(tag, "ID").map(str::to_string),
            ("NumberFormat", false) => {
                if let (Some(id), Some(f)) = (&style, attr(tag, "Format")) {
                    formats.extend(display(f).map(|d| (id.clone(), d)));
                }
            }
            ("Worksheet", false) => {
                if !out.is_empty() {
                    out.push((String::new(), line_here));
                }
                if let Some(n) = attr(tag, "Name") {
                    out.push((unescape(n), line_here));
                }
                below.clear();
            }
            ("Row", false) => {
                row = Some(Row {
                    line: line_here,
                    cells: Vec::new(),
                    next: 0,
                });
                if empty {
                    row = None;
                }
            }
            ("Row", true) => {
                if let Some(r) = row.take() {
                    let cells: Vec<&str> = r.cells.iter().map(|c| c.trim()).collect();
                    let last = cells.iter().rposition(|c| !c.is_empty());
                    if let Some(last) = last {
                        out.push((cells[..=last].join("\t"), r.line));
                    }
                }
                for b in &mut below {
                    b.2 = b.2.saturating_sub(1);
                }
                below.retain(|b| b.2 > 0);
            }
            ("Cell", false) => {
                let Some(r) = row.as_mut() else { continue };
                let mut col = match attr(tag, "Index").and_then(|i| i.parse::<usize>().ok()) {
                    Some(i) if i >= 1 => i - 1,
                    _ => r.next,
                };
                // A cell written without its index after a merge from above: past what it covers.
                while let Some(b) = below.iter().find(|b| b.0 <= col && col <= b.1) {
                    col = b.1 + 1;
                }
                let across = attr(tag, "MergeAcross").and_then(|m| m.parse::<usize>().ok());
                let down = attr(tag, "MergeDown").and_then(|m| m.parse::<usize>().ok());
                let last = col + across.unwrap_or(0);
                if last >= MAX_COLUMNS {
                    return None;
                }
                if r.cells.len() <= last {
                    r.cells.resize(last + 1, String::new());
                }
                if let Some(d) = down.filter(|d| *d > 0) {
                    below.push((col, last, d + 1));
                }
                r.next = last + 1;
                let format = attr(tag, "StyleID").and_then(|s| formats.get(s)).copied();
                cell = (!empty).then_some((col, format));
            }
            ("Cell", true) => cell = None,
            ("Comment", false) => in_comment = !empty,
            ("Comment", true) => in_comment = false,
            ("Data", false) if !in_comment && !empty => {
                let numeric = attr(tag, "Type") == Some("Number");
                // The data's text up to its closing tag, any formatting markup inside
                // (`<Font>`, `<B>` of a rich-text cell) left out.
                let end = ["</Data>", "</ss:Data>"]
                    .iter()
                    .filter_map(|c| text[at..].find(c))
                    .min()?;
                let inner = &text[at..at + end];
                let mut plain = String::new();
                let mut rest = inner;
                while let Some(q) = rest.find('<') {
                    plain.push_str(&rest[..q]);
                    rest = rest[q..].find('>').map_or("", |e| &rest[q + e + 1..]);
                }
                plain.push_str(rest);
                let value = unescape(&plain);
                if let (Some((col, format)), Some(r)) = (cell, row.as_mut()) {
                    let value = if numeric {
                        shown(&value, format)
                    } else {
                        value
                    };
                    if let Some(c) = r.cells.get_mut(col) {
                        c.push_str(&value);
                    }
                }
                line += bytes[at..at + end].iter().filter(|b| **b == b'\n').count();
                at += end;
            }
            _ => {}
        }
    }
    if !out.iter().any(|(l, _)| l.contains('\t')) {
        return None;
    }
    let lines = out.iter().map(|(_, n)| *n).collect();
    let body = out
        .into_iter()
        .map(|(l, _)| l)
        .collect::<Vec<_>>()
        .join("\n");
    Some((body, lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A workbook of `rows` (each row's cells as written) under a percent style `p` and a
    /// one-decimal percent style `q`.
    fn book(rows: &[&str]) -> String {
        let mut t = String::from(
            "<?xml version=\"1.0\"?>\r\n<?mso-application progid=\"Excel.Sheet\"?>\r\n\
             <Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" \
             xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\r\n <Styles>\r\n\
             \x20 <Style ss:ID=\"p\">\r\n   <NumberFormat ss:Format=\"0%\"/>\r\n  </Style>\r\n\
             \x20 <Style ss:ID=\"q\">\r\n   <NumberFormat ss:Format=\"0.0%\"/>\r\n  </Style>\r\n\
             </Styles>\r\n <Worksheet ss:Name=\"指标\">\r\n  <Table>\r\n",
        );
        for r in rows {
            t.push_str("   <Row>\r\n");
            for c in r.split('|') {
                t.push_str("    ");
                t.push_str(c);
                t.push_str("\r\n");
            }
            t.push_str("   </Row>\r\n");
        }
        t.push_str("  </Table>\r\n </Worksheet>\r\n</Workbook>\r\n");
        t
    }

    fn s(v: &str) -> String {
        format!("<Cell><Data ss:Type=\"String\">{v}</Data></Cell>")
    }

    #[test]
    fn a_workbook_is_read_as_its_cells_at_their_columns() {
        let head = format!(
            "<Cell ss:MergeDown=\"1\"><Data ss:Type=\"String\">序号</Data></Cell>|{}|<Cell ss:MergeDown=\"1\"><Data ss:Type=\"String\">领域</Data></Cell>|{}|<Cell ss:MergeAcross=\"1\"><Data ss:Type=\"String\">目标值</Data></Cell>",
            s("指标"),
            s("基础值")
        );
        let years = "<Cell ss:Index=\"2\"><Data ss:Type=\"String\">名称</Data></Cell>|<Cell ss:Index=\"4\"><Data ss:Type=\"String\">2022年</Data></Cell>|<Cell><Data ss:Type=\"String\">2025年</Data></Cell>|<Cell><Data ss:Type=\"String\">2027年</Data></Cell>";
        let rows = [
            // (a row, what it reads as)
            (
                "<Cell><Data ss:Type=\"Number\">1</Data></Cell>|<Cell><Data ss:Type=\"String\">托位数</Data></Cell>|<Cell ss:MergeDown=\"1\"><Data ss:Type=\"String\">幼有善育</Data></Cell>|<Cell><Data ss:Type=\"Number\">3.6</Data></Cell>|<Cell><Data ss:Type=\"Number\">4.5</Data></Cell>|<Cell><Data ss:Type=\"Number\">5.2</Data></Cell>",
                "1\t托位数\t幼有善育\t3.6\t4.5\t5.2",
            ),
            // A merged 领域 above: the covered cell is empty; a percent cell shows its percent.
            (
                "<Cell><Data ss:Type=\"Number\">2</Data></Cell>|<Cell><Data ss:Type=\"String\">普惠托位占比</Data></Cell>|<Cell ss:Index=\"4\" ss:StyleID=\"p\"><Data ss:Type=\"Number\">0.55</Data></Cell>|<Cell ss:StyleID=\"p\"><Data ss:Type=\"Number\">0.7000000000000001</Data></Cell>|<Cell ss:StyleID=\"p\"><Data ss:Type=\"Number\">1</Data></Cell>",
                "2\t普惠托位占比\t\t55%\t70%\t100%",
            ),
        ];
        let mut all = vec![head.as_str(), years];
        all.extend(rows.iter().map(|(r, _)| *r));
        let (text, lines) = plain_lines(&book(&all)).unwrap();
        let got: Vec<&str> = text.lines().collect();
        assert_eq!(got[0], "指标");
        assert_eq!(got[1], "序号\t指标\t领域\t基础值\t目标值");
        assert_eq!(got[2], "\t名称\t\t2022年\t2025年\t2027年");
        for (k, (_, want)) in rows.iter().enumerate() {
            assert_eq!(got[3 + k], *want);
        }
        // Each row points at the line its `<Row>` opens on.
        let source = book(&all);
        let src: Vec<&str> = source.lines().collect();
        assert!(src[lines[3] - 1].contains("<Row>"));
        assert!(src[lines[3]].contains(">1<"));
        // Cut short inside a tag of the last row (a download that stopped): the rows before it
        // are read.
        let cut = &source[..source.rfind("<Cell ss:StyleID").unwrap() + 6];
        let (text, _) = plain_lines(cut).expect("the rows before the cut");
        assert!(text.lines().any(|l| l == rows[0].1), "{text}");
    }

    #[test]
    fn a_cell_shows_what_its_format_prints() {
        for (stored, format, want) in [
            ("0.55", "0%", "55%"),
            ("0.868", "0.0%", "86.8%"),
            ("0.8675", "0.0%", "86.8%"),
            ("0.86750", "0.00%", "86.75%"),
            ("0.125", "Percent", "12.50%"),
            ("3.41", "0.0", "3.4"),
            ("1135", "#,##0", "1135"),
            // Near misses: no format, a date's format, a text format: as stored.
            ("3.41", "General", "3.41"),
            ("45210", "yyyy-mm-dd", "45210"),
            ("0.55", "@", "0.55"),
        ] {
            assert_eq!(shown(stored, display(format)), want, "{stored} as {format}");
        }
    }

    #[test]
    fn entities_comments_and_other_text_are_no_cells() {
        let rows = [
            "<Cell><Data ss:Type=\"String\">失业率</Data></Cell>|<Cell><Data ss:Type=\"String\">&lt;5.5%</Data><Comment ss:Author=\"王\"><ss:Data><Font>以2021年为准</Font></ss:Data></Comment></Cell>|<Cell><ss:Data ss:Type=\"String\" xmlns=\"http://www.w3.org/TR/REC-html40\"><Font>≥</Font><B>90</B></ss:Data></Cell>",
        ];
        let (text, _) = plain_lines(&book(&rows)).unwrap();
        assert_eq!(text, "指标\n失业率\t<5.5%\t≥90");
        // Near misses: an HTML table, a JSON document, a workbook with no row of two cells.
        assert!(plain_lines("<table><tr><td>1</td><td>2</td></tr></table>").is_none());
        assert!(plain_lines("{\"rows\": [{\"a\": 1}]}").is_none());
        assert!(
            plain_lines(&book(&[
                "<Cell><Data ss:Type=\"String\">说明</Data></Cell>"
            ]))
            .is_none()
        );
    }
}
