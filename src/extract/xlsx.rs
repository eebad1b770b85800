//! An Excel workbook (.xlsx, what Excel, WPS 表格 and openpyxl save) given to `extract`, read as
//! the sheets it shows: each row a line of tab-separated cells, each cell at the column Excel
//! shows it in, its text as Excel displays it.
//!
//! Why it exists: a county's indicator table is as often sent as the workbook it was typed in
//! (the plan's 附件 `主要指标表.xlsx`, or attached to the mail that carries the plan) as printed
//! in a document. Its cells are in markup no reader of text knows: numbers in
//! `xl/worksheets/sheet1.xml`, words in a shared table of strings, formats in `xl/styles.xml`.
//! Read as a sheet saved as tab-separated text (round 10's layout), it reads as any table does.
//!
//! What the text is, as Excel shows the workbook:
//! - the sheets in the workbook's order, a sheet's name a line above its rows, a blank line
//!   between sheets; a hidden sheet (`state="hidden"`) or row (`hidden="1"`) is no text;
//! - a cell's text: a shared or inline string (its runs joined, the phonetic guide `rPh` left
//!   out), a formula's cached value, a number as its format shows it (`0%` shows 0.55 as `55%`,
//!   `0.0` shows 4 as `4.0`; [`super::xmlsheet`]'s reading of a format), a `General` number to 15
//!   significant digits (Excel's display: `0.30000000000000004` is `0.3`);
//! - a merge keeps its text in its first cell; the cells it covers are empty, as a CSV of the
//!   sheet has them, and the table readers fill them as they do a SpreadsheetML sheet's.
//!
//! Bounded: every part is unpacked to at most [`super::docx::MAX_XML_BYTES`] and the whole text
//! is no longer; a cell right of [`MAX_COLUMNS`] is no sheet's; the shared strings are as many as
//! the part holds (its `count` is never trusted for room).

use super::docx::{Error, attr};
use quick_xml::events::Event;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The widest sheet read; a cell placed further right is left out.
const MAX_COLUMNS: usize = 256;

/// The most sheets read: a workbook of a plan's tables has a few.
const MAX_SHEETS: usize = 64;

type Zip<'a> = zip::ZipArchive<std::io::Cursor<&'a [u8]>>;

/// Whether a zip archive is a spreadsheet workbook: it has `xl/workbook.xml`.
pub(super) fn is_workbook(zip: &Zip) -> bool {
    zip.index_for_name("xl/workbook.xml").is_some()
}

/// The workbook's shown sheets as lines of tab-separated cells; an error says, as a workbook's,
/// which part could not be read or that the text is too long.
pub(super) fn text(zip: &mut Zip, limit: u64) -> Result<String, Error> {
    sheets_text(zip, limit).map_err(|e| match e {
        Error::Xml(why) => Error::Workbook(crate::tr!(
            "其中的 XML 不完整（{why}），文件可能已损坏",
            "a part is no well-formed XML ({why}): the file may be damaged"
        )),
        Error::TooLarge(mib) => Error::Workbook(crate::tr!(
            "表格的文字多于 {mib} MiB，不是计划的指标表",
            "its sheets hold more than {mib} MiB of text: no plan's indicator table"
        )),
        e => e,
    })
}

/// [`text`] before its errors are said as a workbook's.
fn sheets_text(zip: &mut Zip, limit: u64) -> Result<String, Error> {
    let part = |zip: &mut Zip, name: &str| -> Result<Option<String>, Error> {
        match zip.index_for_name(name) {
            Some(at) => super::docx::entry(zip, at, limit).map(Some),
            None => Ok(None),
        }
    };
    let book = part(zip, "xl/workbook.xml")?.unwrap_or_default();
    let rels = part(zip, "xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let strings = match part(zip, "xl/sharedStrings.xml")? {
        Some(x) => shared_strings(&x)?,
        None => Vec::new(),
    };
    let formats = match part(zip, "xl/styles.xml")? {
        Some(x) => cell_formats(&x)?,
        None => Vec::new(),
    };
    let targets = relationships(&rels)?;
    let mut out = String::new();
    for (name, id) in sheets(&book)?.into_iter().take(MAX_SHEETS) {
        let Some(target) = targets.get(&id) else {
            continue;
        };
        // A target is relative to `xl/`, or absolute from the package's root.
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = part(zip, &path)? else {
            continue;
        };
        let room = limit.saturating_sub(out.len() as u64);
        let rows = sheet_rows(&xml, &strings, &formats, room)?;
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&name);
        out.push('\n');
        for r in rows {
            out.push_str(&r);
            out.push('\n');
        }
        if out.len() as u64 > limit {
            return Err(Error::TooLarge(limit >> 20));
        }
    }
    Ok(out)
}

/// What the XML reader says of a part it cannot read.
fn xml_error(reader: &quick_xml::Reader<&[u8]>, e: &dyn std::fmt::Display) -> Error {
    let at = reader.error_position();
    Error::Xml(crate::tr!("第 {at} 字节: {e}", "at byte {at}: {e}"))
}

/// Runs `on` on every event of a part's XML, its text with entities read.
fn each_event(xml: &str, mut on: impl FnMut(Ev<'_>)) -> Result<(), Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event().map_err(|e| xml_error(&reader, &e))? {
            Event::Start(e) => on(Ev::Open(&e, false)),
            Event::Empty(e) => on(Ev::Open(&e, true)),
            Event::End(e) => on(Ev::Close(e.local_name().as_ref())),
            Event::Text(t) => on(Ev::Text(&t.xml10_content())),
            Event::CData(t) => on(Ev::Text(&t)),
            Event::GeneralRef(r) => {
                if let Some(c) = crate::xmlref::text(&r).map_err(Error::Xml)? {
                    on(Ev::Text(&c));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// One event of a part: a tag opened (and whether it closes itself), closed, or text.
enum Ev<'a> {
    Open(&'a quick_xml::events::BytesStart<'a>, bool),
    Close(&'a str),
    Text(&'a str),
}

/// The workbook's sheets in order, each (name, relationship id), hidden ones left out.
fn sheets(xml: &str) -> Result<Vec<(String, String)>, Error> {
    let mut out = Vec::new();
    each_event(xml, |ev| {
        if let Ev::Open(e, _) = ev
            && e.local_name().as_ref() == "sheet"
        {
            let hidden = attr(e, "state").is_some_and(|s| s != "visible");
            if let (false, Some(name), Some(id)) = (hidden, attr(e, "name"), attr(e, "id")) {
                out.push((name, id));
            }
        }
    })?;
    Ok(out)
}

/// The workbook's relationships: id → target.
fn relationships(xml: &str) -> Result<HashMap<String, String>, Error> {
    let mut out = HashMap::new();
    each_event(xml, |ev| {
        if let Ev::Open(e, _) = ev
            && e.local_name().as_ref() == "Relationship"
            && let (Some(id), Some(t)) = (attr(e, "Id"), attr(e, "Target"))
        {
            out.insert(id, t);
        }
    })?;
    Ok(out)
}

/// The shared strings in order: each `<si>`'s text runs joined, the phonetic guide left out.
fn shared_strings(xml: &str) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    let (mut in_si, mut in_t, mut phonetic) = (false, false, 0usize);
    let mut cur = String::new();
    each_event(xml, |ev| match ev {
        Ev::Open(e, empty) => match e.local_name().as_ref() {
            "si" if empty => out.push(String::new()),
            "si" => {
                in_si = true;
                cur.clear();
            }
            "t" => in_t = !empty,
            "rPh" if !empty => phonetic += 1,
            _ => {}
        },
        Ev::Close(name) => match name {
            "si" => {
                in_si = false;
                out.push(std::mem::take(&mut cur));
            }
            "t" => in_t = false,
            "rPh" => phonetic = phonetic.saturating_sub(1),
            _ => {}
        },
        Ev::Text(t) if in_si && in_t && phonetic == 0 => cur.push_str(t),
        Ev::Text(_) => {}
    })?;
    Ok(out)
}

/// Each cell style's number display (by its index in `cellXfs`): whether a percent and to how
/// many decimals; None where a number shows as stored.
fn cell_formats(xml: &str) -> Result<Vec<Option<(bool, u32)>>, Error> {
    // Excel's built-in formats that fix a number's display (ECMA-376 18.8.30).
    let mut codes: HashMap<u32, String> = [
        (1, "0"),
        (2, "0.00"),
        (3, "#,##0"),
        (4, "#,##0.00"),
        (9, "0%"),
        (10, "0.00%"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect();
    let mut ids: Vec<u32> = Vec::new();
    let mut in_xfs = false;
    each_event(xml, |ev| match ev {
        Ev::Open(e, empty) => match e.local_name().as_ref() {
            "numFmt" => {
                if let (Some(id), Some(code)) = (
                    attr(e, "numFmtId").and_then(|i| i.parse().ok()),
                    attr(e, "formatCode"),
                ) {
                    codes.insert(id, code);
                }
            }
            "cellXfs" => in_xfs = !empty,
            "xf" if in_xfs => ids.push(
                attr(e, "numFmtId")
                    .and_then(|i| i.parse().ok())
                    .unwrap_or(0),
            ),
            _ => {}
        },
        Ev::Close("cellXfs") => in_xfs = false,
        _ => {}
    })?;
    Ok(ids
        .iter()
        .map(|id| codes.get(id).and_then(|c| super::xmlsheet::display(c)))
        .collect())
}

/// A cell reference's column, 0-based (`B4` → 1); None past [`MAX_COLUMNS`] or no reference.
fn column(r: &str) -> Option<usize> {
    let letters: Vec<u8> = r.bytes().take_while(u8::is_ascii_alphabetic).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let n = letters.iter().fold(0usize, |n, b| {
        n * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    (n <= MAX_COLUMNS).then(|| n - 1)
}

/// A number as Excel's `General` format shows it: at most 15 significant digits, no trailing
/// zeros (`0.30000000000000004` → `0.3`, `1E-3` → `0.001`); what is no number as stored.
fn general(stored: &str) -> String {
    let s = stored.trim();
    let Ok(v) = s
        .parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(s))
    else {
        return s.to_string();
    };
    let v = v
        .round_sf_with_strategy(15, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .unwrap_or(v);
    v.normalize().to_string()
}

/// A sheet's shown rows, each its cells joined by tabs up to its last non-empty cell; an error
/// once their text passes `room` bytes (a cell a few bytes long may show a long shared string,
/// and a million such cells would be gigabytes).
fn sheet_rows(
    xml: &str,
    strings: &[String],
    formats: &[Option<(bool, u32)>],
    room: u64,
) -> Result<Vec<String>, Error> {
    let mut used = 0u64;
    let mut over = false;
    #[derive(Default)]
    struct Cell {
        kind: String,
        style: Option<usize>,
        col: usize,
        value: String,
        // Inside `<v>`, or an inline string's `<t>` (not its phonetic guide).
        reading: bool,
        phonetic: usize,
    }
    let mut rows = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<Cell> = None;
    let mut next = 0usize;
    let shown = |c: &Cell| -> String {
        match c.kind.as_str() {
            "s" => c
                .value
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|i| strings.get(i))
                .cloned()
                .unwrap_or_default(),
            "inlineStr" | "str" | "e" => c.value.clone(),
            "b" => if c.value.trim() == "1" {
                "TRUE"
            } else {
                "FALSE"
            }
            .to_string(),
            _ => match c.style.and_then(|s| formats.get(s).copied().flatten()) {
                Some(f) => super::xmlsheet::shown(&c.value, Some(f)),
                None => general(&c.value),
            },
        }
    };
    each_event(xml, |ev| match ev {
        Ev::Open(e, empty) => match e.local_name().as_ref() {
            "row" => {
                let hidden = attr(e, "hidden").is_some_and(|h| h == "1" || h == "true");
                row = (!empty && !hidden).then(Vec::new);
                next = 0;
            }
            "c" if row.is_some() => {
                let col = match attr(e, "r") {
                    Some(r) => column(&r),
                    None => Some(next),
                };
                let Some(col) = col.filter(|c| *c < MAX_COLUMNS) else {
                    cell = None;
                    return;
                };
                next = col + 1;
                cell = (!empty).then(|| Cell {
                    kind: attr(e, "t").unwrap_or_default(),
                    style: attr(e, "s").and_then(|s| s.parse().ok()),
                    col,
                    ..Cell::default()
                });
            }
            "v" | "t" if !empty => {
                if let Some(c) = cell.as_mut() {
                    c.reading = true;
                }
            }
            "rPh" if !empty => {
                if let Some(c) = cell.as_mut() {
                    c.phonetic += 1;
                }
            }
            _ => {}
        },
        Ev::Close(name) => match name {
            "v" | "t" => {
                if let Some(c) = cell.as_mut() {
                    c.reading = false;
                }
            }
            "rPh" => {
                if let Some(c) = cell.as_mut() {
                    c.phonetic = c.phonetic.saturating_sub(1);
                }
            }
            "c" => {
                if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                    if over {
                        return;
                    }
                    let text = shown(&c);
                    used += text.len() as u64 + 1;
                    if used > room {
                        over = true;
                        return;
                    }
                    if r.len() <= c.col {
                        r.resize(c.col + 1, String::new());
                    }
                    r[c.col] = text.replace(['\t', '\r', '\n'], " ").trim().to_string();
                }
            }
            "row" => {
                if let Some(r) = row.take()
                    && let Some(last) = r.iter().rposition(|c| !c.is_empty())
                {
                    rows.push(r[..=last].join("\t"));
                }
            }
            _ => {}
        },
        Ev::Text(t) => {
            if let Some(c) = cell.as_mut()
                && c.reading
                && c.phonetic == 0
            {
                c.value.push_str(t);
            }
        }
    })?;
    if over {
        return Err(Error::TooLarge(room >> 20));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, body) in parts {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("entry");
            w.write_all(body.as_bytes()).expect("written");
        }
        w.finish().expect("zip").into_inner()
    }

    const BOOK: &str = r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="主要指标" sheetId="1" r:id="rId1"/><sheet name="旧表" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>"#;
    const RELS: &str = r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#;

    fn book(sheet: &str, strings: &str, styles: &str) -> String {
        let bytes = zip_of(&[
            ("xl/workbook.xml", BOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/sharedStrings.xml", strings),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", sheet),
            (
                "xl/worksheets/sheet2.xml",
                r#"<worksheet><sheetData><row r="1"><c r="A1"><v>99</v></c></row></sheetData></worksheet>"#,
            ),
        ]);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).expect("zip");
        assert!(is_workbook(&zip));
        text(&mut zip, 1 << 20).expect("read")
    }

    #[test]
    fn cells_are_placed_at_their_columns_as_excel_shows_them() {
        let strings = r#"<sst count="999999999" uniqueCount="999999999"><si><t>托位数</t></si><si><r><t>≥</t></r><r><t>85</t></r></si><si><t>领域</t><rPh><t>りょういき</t></rPh></si></sst>"#;
        let styles = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>"#;
        let sheet = r#"<worksheet><sheetData>
            <row r="1"><c r="A1" t="s"><v>2</v></c><c r="C1" t="inlineStr"><is><t>2025年</t></is></c></row>
            <row r="2" hidden="1"><c r="A2"><v>1</v></c></row>
            <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" s="2"><v>4</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" s="1"><v>0.55</v></c><c r="E3" s="3"><v>0.0125</v></c><c r="F3"><v>0.30000000000000004</v></c><c r="G3" t="str"><f>A1</f><v>x</v></c></row>
            <row r="4"><c r="A4"/><c r="B4"><v>1E-3</v></c><c r="ZZZZ4"><v>5</v></c></row>
            <row r="5"/>
        </sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#;
        assert_eq!(
            book(sheet, strings, styles),
            "主要指标\n领域\t\t2025年\n托位数\t4.0\t≥85\t55%\t1.25%\t0.3\tx\n\t0.001\n"
        );
    }

    #[test]
    fn a_sheet_with_no_shown_row_or_no_part_adds_nothing() {
        assert_eq!(
            book(
                "<worksheet><sheetData/></worksheet>",
                "<sst/>",
                "<styleSheet/>"
            ),
            ""
        );
        let bytes = zip_of(&[("xl/workbook.xml", BOOK)]);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).expect("zip");
        assert_eq!(text(&mut zip, 1 << 20).as_deref(), Ok(""));
        // Cells that show more text than the limit: refused, not held.
        let long = format!("<sst><si><t>{}</t></si></sst>", "托".repeat(400));
        let cells = (1..=8)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#))
            .collect::<String>();
        let sheet = format!("<worksheet><sheetData>{cells}</sheetData></worksheet>");
        let bytes = zip_of(&[
            ("xl/workbook.xml", BOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/sharedStrings.xml", &long),
            ("xl/worksheets/sheet1.xml", &sheet),
        ]);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).expect("zip");
        assert!(matches!(text(&mut zip, 4096), Err(Error::Workbook(w)) if w.contains("MiB")));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).expect("zip");
        assert!(text(&mut zip, 1 << 20).is_ok_and(|t| t.lines().count() == 9));
        // Broken XML is said, not read as text.
        let bytes = zip_of(&[("xl/workbook.xml", "<workbook><sheets></workbook>")]);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).expect("zip");
        assert!(matches!(text(&mut zip, 1 << 20), Err(Error::Workbook(_))));
    }

    #[test]
    fn columns_and_general_numbers() {
        for (r, want) in [
            ("A1", Some(0)),
            ("Z9", Some(25)),
            ("AA3", Some(26)),
            ("IV1", Some(255)),
            ("IW1", None),
            ("ZZZZ1", None),
            ("12", None),
        ] {
            assert_eq!(column(r), want, "{r}");
        }
        for (s, want) in [
            ("3.05", "3.05"),
            ("4", "4"),
            ("1180", "1180"),
            ("0.1234567890123456789", "0.123456789012346"),
            ("2.5E+3", "2500"),
            ("n/a", "n/a"),
        ] {
            assert_eq!(general(s), want, "{s}");
        }
    }
}
