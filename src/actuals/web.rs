//! A table saved as markup under a workbook's name: many 政务 systems export a web page's
//! `<table>` (HTML) as `.xls`, and some Excel 2003's XML Spreadsheet (`<Workbook>` … `<Row>`,
//! `<Cell>`). Excel opens both; refusing them lost the whole report. Their rows are read here
//! as a sheet's are — a place is the table's row and the cell's column — within the size limit
//! of a file held in memory, by a scan of the tags (no markup library: the two forms need rows,
//! cells, spans and entities only).

use super::{Actuals, CellKind, EachRow, MAX_BYTES, Record};
use crate::diag::Diagnostic;
use std::io::Read;
use std::path::Path;

/// Reads the table of the markup file at `path` that holds the data (see [`rows`]).
pub(super) fn read(path: &Path, name: &str, each: &mut EachRow<'_>) -> Result<Actuals, Diagnostic> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| super::cannot_read(name, &e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(super::too_big(name));
    }
    let text = decode(&bytes);
    let spreadsheet = text.contains("urn:schemas-microsoft-com:office:spreadsheet");
    let (rows, hidden) = tables(&text, spreadsheet);
    if rows.is_empty() {
        return Err(super::markup(name));
    }
    let hidden: std::collections::HashSet<u64> = hidden.into_iter().collect();
    // A hidden row is read as an .xlsx's is: 存疑, or passed over for a shown one.
    let mut watch = |p: super::Place<'_>, r: &super::ActualRow<'_>| match hidden.contains(&r.line) {
        true => each(
            p,
            &super::ActualRow {
                hidden: super::visibility::RowHidden::Hidden,
                ..*r
            },
        ),
        false => each(p, r),
    };
    let records = rows.into_iter().enumerate().map(|(i, cells)| {
        let mut rec = Record {
            line: i as u64 + 1,
            ..Record::default()
        };
        for (col, cell, kind) in cells {
            super::sheet::put(&mut rec, col, cell, kind);
        }
        Ok(rec)
    });
    let mut a =
        super::collect(name, None, &mut super::sheet::Made(records), &mut watch).map_err(|e| {
            let mut d = e.unwrap_or_else(|| super::empty(name));
            d.message.push_str(&match spreadsheet {
                true => crate::tr!(
                    "（这是 Excel 2003 的 XML 表格，已按表格读取）",
                    " (this is an Excel 2003 XML Spreadsheet, read as a table)"
                ),
                false => crate::tr!(
                    "（这是网页（HTML）表格，已按表格读取）",
                    " (this is a web page's (HTML) table, read as a table)"
                ),
            });
            d
        })?;
    let (zh, en) = match spreadsheet {
        true => (
            "这是 Excel 2003 的 XML 表格（XML Spreadsheet 2003），不是 .xls 工作簿: 已按表格读取（位置为表格的行和列）；最好另存为 .xlsx 或 CSV",
            "this is an Excel 2003 XML Spreadsheet (XML Spreadsheet 2003), not an .xls workbook: read as a table (places are its rows and columns); better save it as .xlsx or CSV",
        ),
        false => (
            "这是网页（HTML）表格，不是 Excel 工作簿（许多系统导出的 .xls 即是如此）: 已读取其中数据最多的表格（位置为该表格的行和列）；最好另存为 .xlsx 或 CSV",
            "this is a web page's (HTML) table, not an Excel workbook (what many systems export as .xls): its fullest table was read (places are that table's rows and columns); better save it as .xlsx or CSV",
        ),
    };
    let said = crate::i18n::pick(zh, en);
    a.problems.insert(0, Diagnostic::warning(name, 0, 0, said));
    a.encoding = "spreadsheet";
    Ok(a)
}

/// The text of markup: UTF-8, else GB18030 where the page says gb2312/gbk/gb18030 or is no UTF-8.
fn decode(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let gb = ["gb2312", "gbk", "gb18030"]
        .iter()
        .any(|c| head.contains(c));
    match std::str::from_utf8(bytes) {
        Ok(t) if !gb => t.to_string(),
        _ => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// Cells spanning down from rows above: column → (rows left, text, kind).
type Spans = std::collections::BTreeMap<u64, (u64, String, CellKind)>;

/// A table's rows: each a list of (1-based column, text, kind).
type Rows = Vec<Vec<(u64, String, CellKind)>>;

/// One table being read: its rows so far, the cell being read (its column, its text, the
/// columns it spans, the rows below it spans, and whether it holds a date — an XML
/// Spreadsheet's `<Data ss:Type="DateTime">`), the cells spanning down into the next rows, the
/// last column taken, and whether a row is open.
#[derive(Default)]
struct Table {
    out: Rows,
    /// The rows the markup hides (`<Row ss:Hidden="1">`, `<tr style="display:none">`, as Excel
    /// writes a hidden row), by their 1-based place in `out`.
    hidden: Vec<u64>,
    cell: Option<(u64, String, u64, u64, bool)>,
    spans: Spans,
    col: u64,
    in_row: bool,
}

impl Table {
    /// Ends the last row: the cells spanning down into it take their columns.
    fn end_row(&mut self) {
        let Some(row) = self.out.last_mut() else {
            return;
        };
        for (c, (left, text, kind)) in self.spans.iter_mut() {
            if !row.iter().any(|(x, _, _)| x == c) {
                row.push((*c, text.clone(), *kind));
            }
            *left -= 1;
        }
        self.spans.retain(|_, (left, _, _)| *left > 0);
        row.sort_by_key(|(c, _, _)| *c);
    }

    /// Puts the cell being read, if any, into the last row (and the rows it spans).
    fn end_cell(&mut self) {
        let (Some((c, t, wide, below, date)), Some(row)) = (self.cell.take(), self.out.last_mut())
        else {
            return;
        };
        let t = entities(&t);
        // A date as the XML Spreadsheet writes it (`2024-01-01T00:00:00.000`): a year cell
        // formatted `yyyy` holds 1 January at midnight, read as that year as in an .xls.
        let (t, kind) = match date {
            true => {
                let t = t.split('.').next().unwrap_or_default();
                let midnight = t.split_once('T').is_none_or(|(_, h)| h == "00:00:00");
                let day = t.split('T').next().unwrap_or_default();
                super::sheet::year_start(day, midnight)
            }
            false => (t, CellKind::Text),
        };
        if below > 0 {
            // Its own row counts: the end of this row takes one.
            for k in 0..wide {
                let shown = match k {
                    0 => (t.clone(), kind),
                    _ => (String::new(), CellKind::Text),
                };
                self.spans.insert(c + k, (below + 1, shown.0, shown.1));
            }
        }
        row.push((c, t, kind));
    }

    /// The table as read, its open cell and row ended, and its hidden rows.
    fn finish(mut self) -> (Rows, Vec<u64>) {
        self.end_cell();
        if self.in_row {
            self.end_row();
        }
        (self.out, self.hidden)
    }

    /// How much of a page's data the table holds: its filled cells in rows of two or more (a
    /// layout table's rows hold a title, a menu item, a date, one a row).
    fn filled(rows: &Rows) -> usize {
        rows.iter()
            .map(|r| r.iter().filter(|(_, t, _)| !t.is_empty()).count())
            .filter(|n| *n >= 2)
            .sum()
    }
}

/// The rows of the table that holds the data: each a list of (1-based column, text, kind).
/// HTML's `<tr>` / `<td>`, `<th>` with `colspan` and `rowspan`; the XML Spreadsheet's `<Row>` /
/// `<Cell ss:Index=…>` with `ss:MergeAcross` and `ss:MergeDown`. A cell spanning rows holds for
/// every row it spans, as a workbook's merged cell does (the 地区 or 领域 of a block): a
/// `rowspan` leaves the rows below without that cell, so reading them as they stand would shift
/// every cell after it one column left, under the wrong header.
///
/// An XML Spreadsheet's first table is its first sheet, what Excel opens. A web page may hold
/// several tables, and 政务 systems lay their pages out with tables: a title in a table of its
/// own above the data, or the data table nested in a cell of a layout table. Each table is read
/// as its own (a nested one does not end the table around it, nor spill its rows into it), and
/// the one with the most filled cells is the data.
fn tables(text: &str, spreadsheet: bool) -> (Rows, Vec<u64>) {
    let (row_tag, cell_tags): (&str, &[&str]) = if spreadsheet {
        ("row", &["cell"])
    } else {
        ("tr", &["td", "th"])
    };
    let (across, down) = if spreadsheet {
        ("mergeacross", "mergedown")
    } else {
        ("colspan", "rowspan")
    };
    // The tables open, innermost last; a page's markup outside any `<table>` (or an XML
    // Spreadsheet's rows, whose `<Table>` is implied) is read as one, as before.
    let mut open_tables: Vec<Table> = vec![Table::default()];
    let mut done: Vec<(Rows, Vec<u64>)> = Vec::new();
    // Cells read in all: the limit holds however the cells are spread over tables.
    let mut cells = 0usize;
    let mut at = 0;
    while let Some(open) = text[at..].find('<').map(|i| at + i) {
        let Some(close) = text[open..].find('>').map(|i| open + i) else {
            break;
        };
        let depth = open_tables.len();
        let table = open_tables.last_mut().expect("the outermost table stays");
        if let Some(c) = table.cell.as_mut() {
            c.1.push_str(&text[at..open]);
        }
        let tag = &text[open + 1..close];
        at = close + 1;
        let end = tag.starts_with('/');
        let tname: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        let tname = tname.rsplit(':').next().unwrap_or_default();
        let is_cell = cell_tags.contains(&tname);
        match (tname, end) {
            // The cell the table sits in stays open: its text goes on after the table. Nesting
            // deeper than any page lays out is read flat, within the limit.
            ("table", false) if !spreadsheet && depth < 64 => {
                open_tables.push(Table::default());
            }
            ("table", true) => {
                if spreadsheet {
                    let table = open_tables.pop().expect("the outermost table stays");
                    let read = table.finish();
                    if !read.0.is_empty() {
                        return read;
                    }
                    open_tables.push(Table::default());
                } else if open_tables.len() > 1 {
                    let table = open_tables.pop().expect("an inner table");
                    done.push(table.finish());
                }
            }
            (t, false) if t == row_tag => {
                // A row closes the cell before it (HTML may omit `</td>`).
                table.end_cell();
                if table.in_row {
                    table.end_row();
                }
                table.out.push(Vec::new());
                if hides(tag, spreadsheet) {
                    table.hidden.push(table.out.len() as u64);
                }
                table.in_row = true;
                table.col = 0;
            }
            (t, true) if t == row_tag => {
                table.end_cell();
                table.end_row();
                table.in_row = false;
            }
            (_, false) if is_cell && table.in_row => {
                table.end_cell();
                cells += 1;
                // `ss:Index` places an XML Spreadsheet's cell (HTML has no such attribute, and
                // `tabindex=` would read as one).
                table.col = match attr(tag, "index").filter(|_| spreadsheet) {
                    Some(i) => i,
                    None => {
                        // Past the columns a cell above still spans.
                        let mut c = table.col + 1;
                        while table.spans.contains_key(&c) {
                            c += 1;
                        }
                        c
                    }
                };
                let (extra, wide) = if spreadsheet {
                    (0, attr(tag, across).unwrap_or(0) + 1)
                } else {
                    (1, attr(tag, across).unwrap_or(1))
                };
                let below = attr(tag, down)
                    .map_or(0, |n| n.saturating_sub(extra))
                    .min(10_000);
                table.cell = Some((table.col, String::new(), wide.min(256), below, false));
                table.col += wide.saturating_sub(1);
            }
            (t, true) if cell_tags.contains(&t) => table.end_cell(),
            ("data", false) if spreadsheet => {
                if let Some(c) = table.cell.as_mut() {
                    c.4 =
                        attr_text(tag, "type").is_some_and(|t| t.eq_ignore_ascii_case("datetime"));
                }
            }
            _ => {}
        }
        if cells > super::MAX_CELLS {
            break;
        }
    }
    done.extend(open_tables.into_iter().rev().map(Table::finish));
    if spreadsheet {
        return done
            .into_iter()
            .find(|(r, _)| !r.is_empty())
            .unwrap_or_default();
    }
    // The first of the fullest: a page's tables in the order they end, so an outer table after
    // its inner ones; ties go to the one that ended first.
    let mut best: Option<(Rows, Vec<u64>)> = None;
    for read in done {
        if best
            .as_ref()
            .is_none_or(|b| Table::filled(&read.0) > Table::filled(&b.0))
        {
            best = Some(read);
        }
    }
    best.unwrap_or_default()
}

/// The rows of the table that holds the data (see [`tables`]), without which are hidden.
#[cfg(test)]
fn rows(text: &str, spreadsheet: bool) -> Rows {
    tables(text, spreadsheet).0
}

/// Whether a row's tag hides it: `ss:Hidden="1"` in an XML Spreadsheet, `display:none` in a
/// page's style (Excel's 发布为网页 writes a hidden row so).
fn hides(tag: &str, spreadsheet: bool) -> bool {
    match spreadsheet {
        true => {
            attr_text(tag, "hidden").is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
        }
        false => attr_text(tag, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        }),
    }
}

/// A number attribute of a tag (`colspan="2"`, `ss:Index="3"`), by its name without prefix.
fn attr(tag: &str, key: &str) -> Option<u64> {
    let v: String = attr_text(tag, key)?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    v.parse().ok().filter(|n| (1..=16_384).contains(n))
}

/// An attribute's value by its name without prefix (`ss:Type` is `type`), however the writer
/// quoted it: `"…"`, `'…'` or not at all, with or without spaces around `=` (XML allows both
/// quotes, HTML all three; a hand-edited or converted workbook has any of them). The name must
/// be whole: `data-colspan=` is no `colspan`.
fn attr_text<'t>(tag: &'t str, key: &str) -> Option<&'t str> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(i) = tag[from..]
        .char_indices()
        .find(|&(j, _)| {
            tag[from + j..]
                .get(..key.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(key))
        })
        .map(|(j, _)| from + j)
    {
        from = i + key.len();
        let whole_start = i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b':');
        let rest = tag[from..].trim_start();
        let Some(value) = rest.strip_prefix('=').filter(|_| whole_start) else {
            continue;
        };
        let value = value.trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &value[1..];
                &inner[..inner.find(q).unwrap_or(inner.len())]
            }
            _ => {
                let end = value
                    .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
                    .unwrap_or(value.len());
                &value[..end]
            }
        });
    }
    None
}

/// A cell's text: entities decoded, white space (and `&nbsp;`) collapsed and trimmed.
fn entities(t: &str) -> String {
    let mut out = String::new();
    let mut rest = t;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.find(';').filter(|s| *s <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let code = &rest[1..semi];
        let c = match code {
            "nbsp" => Some(' '),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => code
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| code.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Attributes however their writer quoted and spaced them; a name inside another is none.
    #[test]
    fn attributes_as_written() {
        for (tag, key, want) in [
            (r#"Data ss:Type="DateTime""#, "type", Some("DateTime")),
            ("Data ss:Type='DateTime'", "type", Some("DateTime")),
            ("Data ss:Type=DateTime", "type", Some("DateTime")),
            (r#"Data ss:Type = "DateTime" "#, "type", Some("DateTime")),
            ("td colspan=2>", "colspan", Some("2")),
            ("td COLSPAN = '3'", "colspan", Some("3")),
            (r#"td data-colspan="2""#, "colspan", None),
            (r#"td tabindex="2""#, "index", None),
            (r#"td rowspan="2" colspan="4""#, "colspan", Some("4")),
            (r#"td colspan"#, "colspan", None),
            (r#"td colspan=""#, "colspan", Some("")),
            ("td 列=2", "列", Some("2")),
        ] {
            assert_eq!(attr_text(tag, key), want, "{tag}");
        }
        assert_eq!(attr("td colspan = '3'", "colspan"), Some(3));
        assert_eq!(attr("td colspan=0", "colspan"), None);
    }

    /// The rows' columns and texts.
    fn placed(rows: Vec<Vec<(u64, String, CellKind)>>) -> Vec<Vec<(u64, String)>> {
        rows.into_iter()
            .map(|r| r.into_iter().map(|(c, t, _)| (c, t)).collect())
            .collect()
    }

    #[test]
    fn hidden_rows_of_a_page_and_an_xml_spreadsheet() {
        let page = "<table><tr><td>地区</td><td>数值</td></tr>\
                    <tr style='display: none'><td>诸暨市</td><td>64</td></tr>\
                    <tr style=\"height:14pt\"><td>诸暨市</td><td>68.5</td></tr>\
                    <tr style=\"DISPLAY:NONE;height:0\"><td>瑞安市</td><td>1</td></tr></table>";
        assert_eq!(tables(page, false).1, vec![2, 4]);
        let xml = "<Workbook><Table><Row><Cell><Data ss:Type=\"String\">地区</Data></Cell></Row>\
                   <Row ss:Hidden=\"1\"><Cell><Data ss:Type=\"String\">x</Data></Cell></Row>\
                   <Row ss:Hidden=\"0\"><Cell><Data ss:Type=\"String\">y</Data></Cell></Row></Table></Workbook>";
        assert_eq!(tables(xml, true).1, vec![2]);
    }

    #[test]
    fn rows_and_cells_of_a_page_and_an_xml_spreadsheet() {
        let page = "<table><tr><th>地区</th><td colspan=\"2\">a &amp; b</td><td>&nbsp;66&#37;</td></tr>\
                    <tr><td>x</td></tr></table><table><tr><td>second</td></tr></table>";
        assert_eq!(
            placed(rows(page, false)),
            vec![
                vec![(1, "地区".into()), (2, "a & b".into()), (4, "66%".into())],
                vec![(1, "x".into())]
            ]
        );
        // 地区 spanning three rows, 领域 two: the rows below lack those cells.
        let spanned = "<table><tr><td>地区</td><td>领域</td><td>指标</td><td>数值</td></tr>\
                       <tr><td rowspan=\"3\">诸暨市</td><td rowspan=\"2\">幼有善育</td><td>a</td><td>1</td></tr>\
                       <tr><td>b</td><td>2</td></tr>\
                       <tr><td>学有优教</td><td>c</td><td>3</td></tr>\
                       <tr><td>嵊泗县</td><td>x</td><td>d</td><td>4</td></tr></table>";
        let got = placed(rows(spanned, false));
        let texts: Vec<Vec<&str>> = got
            .iter()
            .map(|r| r.iter().map(|(_, t)| t.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec!["地区", "领域", "指标", "数值"],
                vec!["诸暨市", "幼有善育", "a", "1"],
                vec!["诸暨市", "幼有善育", "b", "2"],
                vec!["诸暨市", "学有优教", "c", "3"],
                vec!["嵊泗县", "x", "d", "4"],
            ]
        );
        assert_eq!(
            got[2].iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        let merged = "<Workbook><Table><Row><Cell ss:MergeDown=\"1\"><Data>诸暨市</Data></Cell>\
                      <Cell><Data>a</Data></Cell></Row><Row><Cell ss:Index=\"2\"><Data>b</Data></Cell></Row></Table></Workbook>";
        assert_eq!(
            placed(rows(merged, true)),
            vec![
                vec![(1, "诸暨市".into()), (2, "a".into())],
                vec![(1, "诸暨市".into()), (2, "b".into())]
            ]
        );
        // A title in a table of its own above the data, and the data nested in a layout
        // table's cell with a menu beside it: the data table is read, whole, in both.
        let data = "<table><tr><td>地区</td><td>数值</td></tr><tr><td>诸暨市</td><td>1</td></tr>\
                    <tr><td>嵊泗县</td><td>2</td></tr></table>";
        let expect = vec![
            vec![(1, "地区".to_string()), (2, "数值".into())],
            vec![(1, "诸暨市".into()), (2, "1".into())],
            vec![(1, "嵊泗县".into()), (2, "2".into())],
        ];
        let titled = format!("<table><tr><td>2024年10月七优享指标月报</td></tr></table>{data}");
        assert_eq!(placed(rows(&titled, false)), expect);
        let nested = format!(
            "<table><tr><td>首页</td><td>通知公告</td></tr><tr><td>月报</td><td>{data}填报说明</td></tr>\
             <tr><td>联系电话</td></tr></table>"
        );
        assert_eq!(placed(rows(&nested, false)), expect);
        // The layout around it keeps its own cells: the one holding the table, its text.
        let outer = nested.replace(data, "");
        assert_eq!(
            placed(rows(&outer, false))[1],
            vec![(1, "月报".to_string()), (2, "填报说明".into())]
        );
        // A year cell formatted `yyyy` (1 January at midnight) is the year; any other date a date
        // (its type in single quotes, as a converter may write XML, as much as in double).
        let dated = "<Workbook><Table><Row><Cell><Data ss:Type=\"DateTime\">2024-01-01T00:00:00.000</Data></Cell>\
                     <Cell><Data ss:Type='DateTime'>2024-12-31T00:00:00.000</Data></Cell>\
                     <Cell><Data ss:Type=\"String\">2024-01-01</Data></Cell></Row></Table></Workbook>";
        assert_eq!(
            rows(dated, true),
            vec![vec![
                (1, "2024".into(), CellKind::YearStart),
                (2, "2024-12-31".into(), CellKind::Date),
                (3, "2024-01-01".into(), CellKind::Text)
            ]]
        );
        // A date merged down is a date in the rows it spans too.
        let merged_date = "<Workbook><Table><Row><Cell ss:MergeDown=\"1\"><Data ss:Type=\"DateTime\">2024-12-31T00:00:00.000</Data></Cell>\
                           </Row><Row></Row></Table></Workbook>";
        assert_eq!(
            rows(merged_date, true)[1],
            vec![(1, "2024-12-31".into(), CellKind::Date)]
        );
        let xml = "<Workbook><Worksheet><Table><Row><Cell><Data ss:Type=\"String\">地区</Data></Cell>\
                   <Cell ss:Index=\"3\"><Data ss:Type=\"Number\">2024</Data></Cell></Row></Table></Worksheet></Workbook>";
        assert_eq!(
            placed(rows(xml, true)),
            vec![vec![(1, "地区".into()), (3, "2024".into())]]
        );
    }
}
