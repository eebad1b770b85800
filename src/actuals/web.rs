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

/// Reads the first table of the markup file at `path`.
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
    let rows = rows(&text, spreadsheet);
    if rows.is_empty() {
        return Err(super::markup(name));
    }
    let records = rows.into_iter().enumerate().map(|(i, cells)| {
        let mut rec = Record {
            line: i as u64 + 1,
            ..Record::default()
        };
        for (col, cell) in cells {
            super::sheet::put(&mut rec, col, cell, CellKind::Text);
        }
        Ok(rec)
    });
    let mut a =
        super::collect(name, None, &mut super::sheet::Made(records), each).map_err(|e| {
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
            "这是网页（HTML）表格，不是 Excel 工作簿（许多系统导出的 .xls 即是如此）: 已读取其第一个表格（位置为表格的行和列）；最好另存为 .xlsx 或 CSV",
            "this is a web page's (HTML) table, not an Excel workbook (what many systems export as .xls): its first table was read (places are its rows and columns); better save it as .xlsx or CSV",
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

/// The rows of the first table: each a list of (1-based column, text). HTML's `<tr>` / `<td>`,
/// `<th>` with `colspan`; the XML Spreadsheet's `<Row>` / `<Cell ss:Index=…>`.
fn rows(text: &str, spreadsheet: bool) -> Vec<Vec<(u64, String)>> {
    let (row_tag, cell_tags): (&str, &[&str]) = if spreadsheet {
        ("row", &["cell"])
    } else {
        ("tr", &["td", "th"])
    };
    let mut out: Vec<Vec<(u64, String)>> = Vec::new();
    let mut cell: Option<(u64, String)> = None;
    let mut col = 0u64;
    let mut at = 0;
    let mut in_row = false;
    while let Some(open) = text[at..].find('<').map(|i| at + i) {
        if let Some(c) = cell.as_mut() {
            c.1.push_str(&text[at..open]);
        }
        let Some(close) = text[open..].find('>').map(|i| open + i) else {
            break;
        };
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
        // A row, a cell or the table's end closes the cell before it (HTML may omit `</td>`).
        if (tname == row_tag || is_cell || tname == "table")
            && let (Some((c, t)), Some(row)) = (cell.take(), out.last_mut())
        {
            row.push((c, entities(&t)));
        }
        match (tname, end) {
            ("table", true) if !out.is_empty() => break,
            (t, false) if t == row_tag => {
                out.push(Vec::new());
                in_row = true;
                col = 0;
            }
            (t, true) if t == row_tag => in_row = false,
            (_, false) if is_cell && in_row => {
                col = attr(tag, "index").unwrap_or(col + 1);
                cell = Some((col, String::new()));
                col += attr(tag, "colspan").unwrap_or(1).saturating_sub(1);
            }
            _ => {}
        }
        if out.len() > super::MAX_CELLS {
            break;
        }
    }
    out
}

/// A number attribute of a tag (`colspan="2"`, `ss:Index="3"`), by its name without prefix.
fn attr(tag: &str, key: &str) -> Option<u64> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{key}="))? + key.len() + 1;
    let v: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    v.parse().ok().filter(|n| (1..=16_384).contains(n))
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

    #[test]
    fn rows_and_cells_of_a_page_and_an_xml_spreadsheet() {
        let page = "<table><tr><th>地区</th><td colspan=\"2\">a &amp; b</td><td>&nbsp;66&#37;</td></tr>\
                    <tr><td>x</td></tr></table><table><tr><td>second</td></tr></table>";
        assert_eq!(
            rows(page, false),
            vec![
                vec![(1, "地区".into()), (2, "a & b".into()), (4, "66%".into())],
                vec![(1, "x".into())]
            ]
        );
        let xml = "<Workbook><Worksheet><Table><Row><Cell><Data ss:Type=\"String\">地区</Data></Cell>\
                   <Cell ss:Index=\"3\"><Data ss:Type=\"Number\">2024</Data></Cell></Row></Table></Worksheet></Workbook>";
        assert_eq!(
            rows(xml, true),
            vec![vec![(1, "地区".into()), (3, "2024".into())]]
        );
    }
}
