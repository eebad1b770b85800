//! Which rows of an .xlsx sheet Excel does not show (and, beside them, a value crossed out).
//!
//! Why it exists: calamine reads every row, shown or not, and says nothing of a row's `hidden`
//! flag. A clerk hides a row to take it out of the report — last month's figure kept under the
//! new one, a value struck out of the count — and a verdict on it goes up with nobody having
//! seen the number. A row hidden by the sheet's filter is different: the sheet was filtered to
//! show one county or one department, and the rows filtered out are still the report's. So the
//! sheet's XML is scanned once, tag by tag, before its cells are read: the hidden rows, and
//! whether a filter is set and over which rows.
//!
//! The same pass finds the first cell or row reference beyond Excel's grid (`A4294967296`,
//! `AAAAAAAAA1`): Excel refuses such a file as damaged, and calamine's reference arithmetic
//! overflows on it, so the cells are read up to it and the sheet said damaged from there.
//!
//! Bounded: the workbook's index parts are read to at most [`MAX_INDEX_BYTES`], the sheet's XML is
//! streamed (never held), at most [`MAX_HIDDEN`] rows are kept, and a part that cannot be read
//! gives nothing hidden — the cells are then read as before.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

/// Whether Excel shows a row, and why not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RowHidden {
    /// Shown (or not known: every row of a CSV, an .xls, an .ods).
    #[default]
    No,
    /// Hidden by the sheet's filter: the sheet was filtered to show some rows; this one is
    /// still the report's.
    Filtered,
    /// Hidden by hand (or by an outline's collapsed group): taken out of what the clerk sees.
    Hidden,
    /// Shown, but its value is struck through (a font's strikethrough): crossed out.
    Struck,
    /// Shown, with part of its value's text struck through (rich text: `~~83.9~~ 84.5`, an old
    /// figure crossed out beside the new one): the value is the text not struck.
    PartStruck,
}

/// The hidden rows of one sheet.
#[derive(Debug, Default)]
pub(crate) struct Hidden {
    /// 1-based row numbers.
    rows: HashSet<u64>,
    /// The rows a set filter spans (first, last; 1-based), when one is set.
    filter: Option<(u64, u64)>,
    /// Rows known hidden by a filter, one by one (an .ods's `table:visibility="filter"`).
    by_filter: HashSet<u64>,
    /// The first reference in the sheet's data beyond Excel's grid, if any.
    pub(crate) beyond: Option<Beyond>,
    /// The hidden columns, as ranges (first, last; 1-based) from the sheet's `<col>` entries.
    columns: Vec<(u64, u64)>,
    /// The cells (row, column; 1-based) whose font strikes them through, where the scan reads
    /// fonts (an .xls; an .xlsx's are read with its cells).
    struck: HashSet<(u64, u64)>,
    /// The .xlsx cells (row, column; 1-based) whose text has runs struck through (rich text,
    /// inline or shared), which a cell's font does not say and calamine reads run together.
    struck_runs: HashMap<(u64, u64), StruckRuns>,
    /// The number format of an .xls's number cells (row, column; 1-based) where it shows the
    /// number otherwise than as stored — a percent, a unit after it, scaled — by its code's index
    /// in `format_codes`: calamine reads an .xls's numbers bare.
    number_formats: HashMap<(u64, u64), u16>,
    format_codes: Vec<String>,
    /// The comments (批注) on each row's cells, by row (1-based), run together: what a clerk
    /// notes on a figure in Excel rather than in a 备注 column (`预计数`, `待核实`).
    comments: HashMap<u64, String>,
}

/// A cell's rich text with some of its runs struck through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StruckRuns {
    /// Every run, struck or not, run together: the text the cell reader gives.
    pub(crate) whole: String,
    /// The runs not struck, run together: the cell's value as shown not crossed out.
    pub(crate) shown: String,
    /// Whether every run with text is struck: the cell is crossed out.
    pub(crate) all: bool,
}

/// A row or cell reference beyond Excel's last row (1 048 576) or column (XFD, 16 384).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Beyond {
    /// The reference as written (cut to a few dozen characters).
    pub(crate) reference: String,
    /// How many cells (`<c>` elements with content) the sheet's data holds before it: the cells
    /// a reader may take before reaching it.
    pub(crate) cells_before: u64,
}

/// Excel's last row and last column.
const LAST_ROW: u64 = 1_048_576;
const LAST_COLUMN: u64 = 16_384;

/// Whether a reference (`B12`, `12`, `XFD1048576`) reaches beyond Excel's grid, read as calamine
/// reads one: letters, then digits, up to the first other character.
fn beyond_grid(r: &[u8]) -> bool {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let col = r[..letters].iter().fold(0u64, |c, b| {
        c.saturating_mul(26)
            .saturating_add(u64::from(b.to_ascii_uppercase() - b'A') + 1)
    });
    let row = r[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, b| {
            n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        });
    col > LAST_COLUMN || row > LAST_ROW
}

impl Hidden {
    /// How row `line` is hidden, if it is.
    pub(crate) fn of(&self, line: u64) -> RowHidden {
        if !self.rows.contains(&line) {
            RowHidden::No
        } else if self.by_filter.contains(&line)
            || self.filter.is_some_and(|(a, b)| (a..=b).contains(&line))
        {
            RowHidden::Filtered
        } else {
            RowHidden::Hidden
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Marks `count` rows from row `first` (1-based) hidden, by hand or by the sheet's filter (an
    /// .ods says which of the two hid each row), within [`MAX_HIDDEN`] rows.
    pub(crate) fn hide_rows(&mut self, first: u64, count: u64, by_filter: bool) {
        let room = (MAX_HIDDEN - self.rows.len().min(MAX_HIDDEN)) as u64;
        for line in (first..).take(count.min(room) as usize) {
            self.rows.insert(line);
            if by_filter {
                self.by_filter.insert(line);
            }
        }
    }

    /// Whether column `col` (1-based) is hidden.
    pub(crate) fn column_hidden(&self, col: u64) -> bool {
        self.columns.iter().any(|&(a, b)| (a..=b).contains(&col))
    }

    /// Whether the cell at row `line`, column `col` is struck through (an .xls's).
    pub(crate) fn struck(&self, line: u64, col: u64) -> bool {
        self.struck.contains(&(line, col))
    }

    /// Whether any cell is known struck through.
    pub(crate) fn strikes(&self) -> bool {
        !self.struck.is_empty()
    }

    /// The number format code of the .xls number cell at row `line`, column `col`, where it shows
    /// the number otherwise than bare (`0%`, `0.0"万人"`).
    pub(crate) fn number_format(&self, line: u64, col: u64) -> Option<&str> {
        let i = *self.number_formats.get(&(line, col))?;
        self.format_codes.get(usize::from(i)).map(String::as_str)
    }

    /// Notes the number format `code` of the number cell at row `line`, column `col` (an .ods's,
    /// made from what the cell shows: see `sheet::ods_format`), within the bounds an .xls's keep.
    pub(crate) fn note_number_format(&mut self, line: u64, col: u64, code: &str) {
        if self.number_formats.len() >= MAX_NUMBER_FORMATS {
            return;
        }
        let at = match self.format_codes.iter().position(|c| c == code) {
            Some(at) => at,
            None if self.format_codes.len() < MAX_FORMATS => {
                self.format_codes.push(code.to_string());
                self.format_codes.len() - 1
            }
            None => return,
        };
        if let Ok(at) = u16::try_from(at) {
            self.number_formats.insert((line, col), at);
        }
    }

    /// The comments on the cells of row `line`, run together, if it has any.
    pub(crate) fn comments(&self, line: u64) -> Option<&str> {
        self.comments.get(&line).map(String::as_str)
    }

    /// The struck runs of the cell at row `line`, column `col`, if its text has any.
    pub(crate) fn struck_runs(&self, line: u64, col: u64) -> Option<&StruckRuns> {
        self.struck_runs.get(&(line, col))
    }

    /// Whether any column is hidden.
    pub(crate) fn hides_columns(&self) -> bool {
        !self.columns.is_empty()
    }
}

/// The most bytes of the workbook's index parts read to find a sheet's part.
const MAX_INDEX_BYTES: u64 = 4 << 20;

/// The most fonts and cell formats read from an .xls (Excel allows 4 050 formats).
const MAX_FORMATS: usize = 65_536;

/// The most .xls number cells whose format is kept (a sheet's value column, with room).
const MAX_NUMBER_FORMATS: usize = 200_000;

/// The most struck-through cells kept for one .xls sheet.
const MAX_STRUCK: usize = 10_000;

/// The most hidden column ranges kept for one sheet (a sheet has at most 16 384 columns).
const MAX_COLUMN_RANGES: usize = 1_000;

/// The most hidden rows kept for one sheet; past it, the rest read as shown.
const MAX_HIDDEN: usize = 100_000;

/// The hidden rows of the sheet named `sheet` in the .xlsx at `path`; empty when there are none
/// or the parts cannot be read.
pub(crate) fn of_sheet(path: &Path, sheet: &str, max_bytes: u64) -> Hidden {
    scan(path, sheet, max_bytes).unwrap_or_default()
}

fn scan(path: &Path, sheet: &str, max_bytes: u64) -> Option<Hidden> {
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(file).ok()?;
    let mut part = |name: &str| -> Option<String> {
        let mut xml = Vec::new();
        zip.by_name(name)
            .ok()?
            .take(MAX_INDEX_BYTES)
            .read_to_end(&mut xml)
            .ok()?;
        String::from_utf8(xml).ok()
    };
    let workbook = part("xl/workbook.xml")?;
    let rels = part("xl/_rels/workbook.xml.rels")?;
    let id = starts(&workbook, "sheet")
        .into_iter()
        .find(|e| attr(e, "name").as_deref() == Some(sheet))
        .and_then(|e| attr(&e, "r:id"))?;
    let target = starts(&rels, "Relationship")
        .into_iter()
        .find(|e| attr(e, "Id").as_deref() == Some(id.as_str()))
        .and_then(|e| attr(&e, "Target"))?;
    let name = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    // The sheet's comments part, named in the sheet's own relationships.
    let (dir, file) = name.rsplit_once('/').unwrap_or(("", name.as_str()));
    let comments_part = part(&format!("{dir}/_rels/{file}.rels")).and_then(|rels| {
        let target = starts(&rels, "Relationship").into_iter().find_map(|e| {
            let kind = attr(&e, "Type")?;
            kind.ends_with("/comments")
                .then(|| attr(&e, "Target"))
                .flatten()
        })?;
        Some(resolve(dir, &target))
    });
    // The shared strings with runs struck through, by index (most have none: nothing is kept).
    let shared = match zip.by_name("xl/sharedStrings.xml") {
        Ok(part) => struck_shared(BufReader::new(part.take(max_bytes))),
        Err(_) => HashMap::new(),
    };
    let entry = zip.by_name(&name).ok()?;
    let mut out = rows_with(BufReader::new(entry.take(max_bytes)), &shared);
    if let Some(c) = comments_part.and_then(|n| zip.by_name(&n).ok()) {
        out.comments = comments(BufReader::new(c.take(max_bytes)));
    }
    Some(out)
}

/// A relationship's target (`../comments1.xml`) from the folder of the part it is of
/// (`xl/worksheets`): `xl/comments1.xml`; an absolute one (`/xl/comments1.xml`) as it names.
fn resolve(dir: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in target.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The most rows with comments kept for one sheet, and the most text kept of a row's.
const MAX_COMMENTS: usize = 10_000;

/// A sheet's comments (`<comment ref="D2"><text>…</text></comment>`), by row, each row's run
/// together with `；` between cells; a phonetic guide's text is left out.
fn comments(src: impl std::io::BufRead) -> HashMap<u64, String> {
    let mut out: HashMap<u64, String> = HashMap::new();
    let row_of =
        |e: &BytesStart<'_>, _| get(e, "ref").and_then(|r| cell_at(&r)).map(|(row, _)| row);
    each_item(src, "comment", row_of, |row, runs| {
        // Excel's puts its author on a line of its own (`张三:\n此为预计数`).
        let text = runs.whole.split_whitespace().collect::<Vec<_>>().join(" ");
        let room = out.len() < MAX_COMMENTS || out.contains_key(&row);
        if text.is_empty() || !room {
            return;
        }
        let kept = out.entry(row).or_default();
        if kept.len() < super::MAX_FIELD_BYTES {
            if !kept.is_empty() {
                kept.push('；');
            }
            kept.push_str(&text);
        }
    });
    out
}

/// A run of rich text as it is read: whether it is struck, and the text of the runs so far.
#[derive(Default)]
struct Runs {
    whole: String,
    shown: String,
    struck_text: bool,
    shown_text: bool,
    in_run: bool,
    in_props: bool,
    struck: bool,
    in_text: bool,
    in_phonetic: bool,
}

impl Runs {
    /// A start (or empty) tag inside a string item (`<si>`) or an inline string (`<is>`).
    fn tag(&mut self, local: &str, e: &BytesStart<'_>, empty: bool) {
        match local {
            "r" if !empty => (self.in_run, self.struck) = (true, false),
            "rPr" if !empty => self.in_props = true,
            // `<strike/>` or `<strike val="1"/>`; `val="0"` turns it off.
            "strike" if self.in_props => {
                self.struck = get(e, "val").is_none_or(|v| v != "0" && v != "false");
            }
            // A phonetic guide's text (`<rPh>`) is no part of the cell's value.
            "rPh" if !empty => self.in_phonetic = true,
            "t" if !empty && !self.in_phonetic => self.in_text = true,
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        match local {
            "r" => (self.in_run, self.struck) = (false, false),
            "rPr" => self.in_props = false,
            "rPh" => self.in_phonetic = false,
            "t" => self.in_text = false,
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if !self.in_text || self.whole.len() > super::MAX_FIELD_BYTES {
            return;
        }
        self.whole.push_str(t);
        let filled = !t.trim().is_empty();
        if self.in_run && self.struck {
            self.struck_text |= filled;
        } else {
            self.shown_text |= filled;
            self.shown.push_str(t);
        }
    }

    /// The runs read, where any with text is struck.
    fn finish(self) -> Option<StruckRuns> {
        self.struck_text.then_some(StruckRuns {
            all: !self.shown_text,
            whole: self.whole,
            shown: self.shown,
        })
    }
}

/// The text of a text event or an entity reference (`&amp;`, `&#37;`), as the cell reader reads it.
fn event_text(e: &Event<'_>) -> Option<String> {
    match e {
        Event::Text(t) => Some(t.xml10_content().into_owned()),
        Event::CData(t) => Some(t.to_string()),
        Event::GeneralRef(r) => crate::xmlref::text(r).ok().flatten(),
        _ => None,
    }
}

/// The shared strings (by index) with runs struck through, at most [`MAX_STRUCK`] of them.
fn struck_shared(src: impl std::io::BufRead) -> HashMap<u64, StruckRuns> {
    let mut out = HashMap::new();
    // Every `si`, empty or not, takes the next index.
    let mut next = 0u64;
    let index = |_: &BytesStart<'_>, _| {
        next += 1;
        Some(next - 1)
    };
    each_item(src, "si", index, |i, runs| {
        if let Some(runs) = runs.finish()
            && out.len() < MAX_STRUCK
        {
            out.insert(i, runs);
        }
    });
    out
}

/// Reads each `item` element of a part (a shared string's `si`, a comment's `comment`) as the
/// runs of its rich text: `open` keys an item by its start tag (and whether it is empty; `None`
/// passes it over), `close` takes each item read, with its key.
fn each_item<K>(
    src: impl std::io::BufRead,
    item: &str,
    mut open: impl FnMut(&BytesStart<'_>, bool) -> Option<K>,
    mut close: impl FnMut(K, Runs),
) {
    let mut xml = quick_xml::Reader::from_reader(src);
    let mut buf = Vec::new();
    let mut current: Option<(K, Runs)> = None;
    loop {
        let event = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let local = e.local_name();
                if local.as_ref() == item {
                    let key = open(e, empty);
                    current = key.filter(|_| !empty).map(|k| (k, Runs::default()));
                } else if let Some((_, runs)) = &mut current {
                    runs.tag(local.as_ref(), e, empty);
                }
            }
            Event::End(e) => {
                let local = e.local_name();
                if local.as_ref() == item {
                    if let Some((k, runs)) = current.take() {
                        close(k, runs);
                    }
                } else if let Some((_, runs)) = &mut current {
                    runs.end(local.as_ref());
                }
            }
            e => {
                if let (Some((_, runs)), Some(t)) = (&mut current, event_text(e)) {
                    runs.text(&t);
                }
            }
        }
        buf.clear();
    }
}

/// Notes a cell's struck runs, within [`MAX_STRUCK`] cells.
fn note_runs(out: &mut Hidden, at: (u64, u64), runs: StruckRuns) {
    if out.struck_runs.len() < MAX_STRUCK {
        out.struck_runs.insert(at, runs);
    }
}

/// A cell reference's row and column (`D12` → 12, 4), 1-based.
fn cell_at(r: &str) -> Option<(u64, u64)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r.as_bytes()[..letters].iter().fold(0u64, |c, b| {
        c * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = r[letters..].parse::<u64>().ok()?;
    Some((row, col))
}

/// Scans a sheet's XML for hidden rows and a set filter.
#[cfg(test)]
fn rows(src: impl std::io::BufRead) -> Hidden {
    rows_with(src, &HashMap::new())
}

/// Scans a sheet's XML for hidden rows, a set filter and the cells whose rich text has runs
/// struck through — inline, or one of `shared` (the shared strings with struck runs, by index).
fn rows_with(src: impl std::io::BufRead, shared: &HashMap<u64, StruckRuns>) -> Hidden {
    let mut out = Hidden::default();
    // The cell being read (row, column), its type (`s`, `inlineStr`), its inline string's runs
    // and whether its `<v>` is being read.
    let mut cell: Option<((u64, u64), String)> = None;
    let mut inline: Option<Runs> = None;
    let mut in_value = false;
    let mut last_col = 0u64;
    let mut xml = quick_xml::Reader::from_reader(src);
    let mut buf = Vec::new();
    // A filter's range, kept until a condition inside it says the filter is set.
    let mut range = None;
    let mut in_filter = false;
    // The row number after the last one seen: a <row> without `r` is the next.
    let mut next = 1u64;
    // Cells with content (start tags) in the sheet's data so far, as a cell reader counts them.
    let mut cells = 0u64;
    let mut in_data = false;
    loop {
        let (e, empty) = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                match e.local_name().as_ref() {
                    "autoFilter" => in_filter = false,
                    "sheetData" => in_data = false,
                    "v" => in_value = false,
                    "c" => {
                        if let (Some((at, _)), Some(runs)) =
                            (cell.take(), inline.take().and_then(Runs::finish))
                        {
                            note_runs(&mut out, at, runs);
                        }
                    }
                    l => {
                        if let Some(runs) = &mut inline {
                            runs.end(l);
                        }
                    }
                }
                buf.clear();
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => {
                if let Some(t) = event_text(&event) {
                    match (&cell, &mut inline) {
                        (_, Some(runs)) => runs.text(&t),
                        // A shared string's index, where any string has struck runs.
                        (Some((at, kind)), None) if in_value && kind == "s" => {
                            if let Some(runs) =
                                t.trim().parse::<u64>().ok().and_then(|i| shared.get(&i))
                            {
                                note_runs(&mut out, *at, runs.clone());
                            }
                        }
                        _ => {}
                    }
                }
                buf.clear();
                continue;
            }
        };
        if in_data {
            match (e.local_name().as_ref(), &mut inline) {
                ("c", _) => {
                    let at = get(&e, "r")
                        .and_then(|r| cell_at(&r))
                        .unwrap_or((next.saturating_sub(1), last_col + 1));
                    last_col = at.1;
                    let kind = get(&e, "t").unwrap_or_default();
                    cell = (!empty).then_some((at, kind));
                    inline = None;
                }
                ("is", _) if !empty && cell.is_some() => inline = Some(Runs::default()),
                ("v", _) if !empty => in_value = true,
                (l, Some(runs)) => runs.tag(l, &e, empty),
                _ => {}
            }
        }
        // A cell reader parses the reference of each row and cell start tag in the data (an
        // empty tag it passes over).
        let local = e.local_name();
        if in_data && !empty && out.beyond.is_none() && matches!(local.as_ref(), "row" | "c") {
            let raw = e
                .attributes()
                .with_checks(false)
                .flatten()
                .find(|a| a.key.as_ref() == "r")
                .map(|a| a.value.into_owned());
            if let Some(r) = raw.filter(|r| beyond_grid(r.as_bytes())) {
                out.beyond = Some(Beyond {
                    reference: r.chars().take(40).collect(),
                    cells_before: cells,
                });
            } else if local.as_ref() == "c" {
                cells += 1;
            }
        }
        match local.as_ref() {
            "sheetData" if !empty => in_data = true,
            "row" => {
                let r = get(&e, "r")
                    .and_then(|r| r.parse::<u64>().ok())
                    .unwrap_or(next);
                next = r.saturating_add(1);
                last_col = 0;
                let hidden = get(&e, "hidden").is_some_and(|h| h == "1" || h == "true");
                if hidden && out.rows.len() < MAX_HIDDEN {
                    out.rows.insert(r);
                }
            }
            // A column's width entry, hidden: `<col min="4" max="4" hidden="1"/>`.
            "col" if out.columns.len() < MAX_COLUMN_RANGES => {
                let hidden = get(&e, "hidden").is_some_and(|h| h == "1" || h == "true");
                let min = get(&e, "min").and_then(|m| m.parse::<u64>().ok());
                let max = get(&e, "max").and_then(|m| m.parse::<u64>().ok());
                if let (true, Some(min), Some(max)) = (hidden, min, max) {
                    out.columns.push((min, max.max(min)));
                }
            }
            "autoFilter" => {
                range = get(&e, "ref").and_then(|r| span(&r));
                in_filter = !empty;
            }
            // A condition on a column: the filter hides rows, where a bare autoFilter only
            // shows its buttons.
            "filterColumn" if in_filter => out.filter = range,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// The hidden rows of the sheet named `sheet` in the Excel 97–2003 workbook (.xls, BIFF8) at
/// `path`; empty when there are none or the workbook cannot be read so (a BIFF5 workbook, a
/// damaged one: its cells are then read as before).
///
/// calamine reads an .xls's cells but not its rows' flags; the workbook stream is walked record
/// by record instead (MS-XLS): the sheet's offset from its BoundSheet8 record, then its Row
/// records' fDyZero (hidden) and its ColInfo records' fHidden. A FilterMode record says a filter hides rows; an .xls keeps the
/// filter's range in a defined name, so every hidden row of a filtered sheet is read as the
/// filter's — read and judged, as an .xlsx's filtered rows are. Bounded: the stream is read to at
/// most `max_bytes`, and at most [`MAX_HIDDEN`] rows are kept.
pub(crate) fn of_xls_sheet(path: &Path, sheet: &str, max_bytes: u64) -> Hidden {
    xls_stream(path, max_bytes)
        .and_then(|b| biff_hidden(&b, sheet))
        .unwrap_or_default()
}

fn xls_stream(path: &Path, max_bytes: u64) -> Option<Vec<u8>> {
    let mut file = cfb::open(path).ok()?;
    let stream = file.open_stream("/Workbook").ok()?;
    let mut bytes = Vec::new();
    stream.take(max_bytes).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The records of a BIFF stream from `at`: (type, data), up to the end of the substream (EOF) or
/// of the bytes.
fn records(b: &[u8], at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = at;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let head = b.get(at..at + 4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = b.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        done = typ == 0x000A;
        Some((typ, data))
    })
}

/// The hidden rows of sheet `sheet` in a BIFF8 workbook stream.
fn biff_hidden(b: &[u8], sheet: &str) -> Option<Hidden> {
    // BoundSheet8: lbPlyPos, hsState, dt, then the name (cch, fHighByte, characters).
    let at = records(b, 0)
        .filter(|(t, _)| *t == 0x0085)
        .find_map(|(_, d)| {
            let pos = u32::from_le_bytes(d.get(..4)?.try_into().ok()?);
            let cch = usize::from(*d.get(6)?);
            let wide = d.get(7)? & 1 == 1;
            let name: String = if wide {
                let units: Vec<u16> = d
                    .get(8..8 + 2 * cch)?
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16(&units).ok()?
            } else {
                d.get(8..8 + cch)?.iter().map(|&c| char::from(c)).collect()
            };
            (name == sheet).then_some(pos as usize)
        })?;
    // The workbook's fonts (whether each strikes out) and its formats' fonts, by index: a cell
    // names its format (ixfe), the format its font (ifnt; index 4 is never written, so a font
    // past it is one further on).
    let mut fonts: Vec<bool> = Vec::new();
    let mut formats: Vec<u16> = Vec::new();
    // Each cell format's number format (ifmt), and the workbook's number format codes by ifmt.
    let mut number_of: Vec<u16> = Vec::new();
    let mut codes: HashMap<u16, String> = HashMap::new();
    for (typ, d) in records(b, 0) {
        match (typ, d.get(..4)) {
            (0x0031, Some(f)) if fonts.len() < MAX_FORMATS => fonts.push(f[2] & 0x08 != 0),
            (0x00E0, Some(f)) if formats.len() < MAX_FORMATS => {
                formats.push(u16::from_le_bytes([f[0], f[1]]));
                number_of.push(u16::from_le_bytes([f[2], f[3]]));
            }
            // Format: ifmt, then the code (cch, fHighByte, characters).
            (0x041E, Some(f)) if codes.len() < MAX_FORMATS => {
                if let Some(code) = biff_string(d, 2) {
                    codes.insert(u16::from_le_bytes([f[0], f[1]]), code);
                }
            }
            _ => {}
        }
    }
    // The codes that show a number otherwise than bare, by cell format; Excel's built-in
    // percents (9, 10) are in no Format record.
    let mut shown_codes: Vec<String> = Vec::new();
    let shows: Vec<Option<u16>> = number_of
        .iter()
        .map(|ifmt| {
            let code = match ifmt {
                9 => "0%",
                10 => "0.00%",
                i => codes.get(i)?.as_str(),
            };
            if !super::sheet::shows_otherwise(code) {
                return None;
            }
            let at = match shown_codes.iter().position(|c| c == code) {
                Some(at) => at,
                None => {
                    shown_codes.push(code.to_string());
                    shown_codes.len() - 1
                }
            };
            u16::try_from(at).ok()
        })
        .collect();
    let struck_format = |ixfe: u16| {
        let ifnt = usize::from(*formats.get(usize::from(ixfe)).unwrap_or(&0));
        let at = if ifnt > 4 { ifnt - 1 } else { ifnt };
        fonts.get(at).copied().unwrap_or(false)
    };
    let mut out = Hidden {
        format_codes: shown_codes,
        ..Hidden::default()
    };
    let mut filtered = false;
    let strike = |out: &mut Hidden, rw: &[u8], col: u64, ixfe: u16| {
        let line = u64::from(u16::from_le_bytes([rw[0], rw[1]])) + 1;
        if struck_format(ixfe) && out.struck.len() < MAX_STRUCK {
            out.struck.insert((line, col));
        }
        if let Some(Some(code)) = shows.get(usize::from(ixfe))
            && out.number_formats.len() < MAX_NUMBER_FORMATS
        {
            out.number_formats.insert((line, col), *code);
        }
    };
    let word = |d: &[u8], at: usize| d.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    for (typ, d) in records(b, at) {
        match typ {
            // A cell: rw, col, ixfe (LabelSst, Number, Rk, Label, Formula, BoolErr).
            0x00FD | 0x0203 | 0x027E | 0x0204 | 0x0006 | 0x0205 => {
                if let (Some(rw), Some(col), Some(ixfe)) = (d.get(..2), word(d, 2), word(d, 4)) {
                    strike(&mut out, rw, u64::from(col) + 1, ixfe);
                }
            }
            // MulRk: rw, colFirst, then (ixfe, rk) for each column.
            0x00BD => {
                if let (Some(rw), Some(first)) = (d.get(..2), word(d, 2)) {
                    for (i, cell) in d.get(4..).unwrap_or(&[]).chunks_exact(6).enumerate() {
                        let col = u64::from(first) + i as u64 + 1;
                        strike(&mut out, rw, col, u16::from_le_bytes([cell[0], cell[1]]));
                    }
                }
            }
            // Row: rw, then at offset 12 its flags; fDyZero (0x20) hides it.
            0x0208 => {
                let (Some(rw), Some(flags)) = (d.get(..2), d.get(12)) else {
                    continue;
                };
                if flags & 0x20 != 0 && out.rows.len() < MAX_HIDDEN {
                    out.rows
                        .insert(u64::from(u16::from_le_bytes([rw[0], rw[1]])) + 1);
                }
            }
            // FilterMode: a filter hides rows.
            0x009B => filtered = true,
            // ColInfo: colFirst, colLast (0-based), then at offset 8 its flags; fHidden (1).
            0x007D if out.columns.len() < MAX_COLUMN_RANGES => {
                let (Some(first), Some(last), Some(flags)) = (d.get(..2), d.get(2..4), d.get(8))
                else {
                    continue;
                };
                if flags & 1 != 0 {
                    let col = |b: &[u8]| u64::from(u16::from_le_bytes([b[0], b[1]])) + 1;
                    out.columns.push((col(first), col(last).max(col(first))));
                }
            }
            _ => {}
        }
    }
    if filtered {
        out.filter = Some((1, u64::MAX));
    }
    Some(out)
}

/// An .xls XLUnicodeString at `at` of a record's data: cch (two bytes), fHighByte, then the
/// characters, one byte each or UTF-16.
fn biff_string(d: &[u8], at: usize) -> Option<String> {
    let cch = usize::from(u16::from_le_bytes([*d.get(at)?, *d.get(at + 1)?]));
    let wide = d.get(at + 2)? & 1 == 1;
    let body = d.get(at + 3..)?;
    if wide {
        let units: Vec<u16> = body
            .get(..2 * cch)?
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).ok()
    } else {
        Some(body.get(..cch)?.iter().map(|&c| char::from(c)).collect())
    }
}

/// The rows of a range (`A3:H40`, `A3`): (first, last).
fn span(r: &str) -> Option<(u64, u64)> {
    let row = |c: &str| {
        c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic() || ch == '$')
            .trim_start_matches('$')
            .parse::<u64>()
            .ok()
    };
    match r.split_once(':') {
        Some((a, b)) => Some((row(a)?, row(b)?)),
        None => row(r).map(|a| (a, a)),
    }
}

fn value(a: &quick_xml::events::attributes::Attribute<'_>) -> Option<String> {
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

fn get(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| value(&a))
}

/// The start tags named `name` (by local name) of a small XML part.
fn starts(xml: &str, name: &str) -> Vec<BytesStart<'static>> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == name => {
                out.push(e.into_owned());
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// An attribute by its qualified name (`r:id`) or, failing that, its local name.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    get(e, key).or_else(|| {
        let local = key.rsplit(':').next()?;
        e.attributes()
            .with_checks(false)
            .flatten()
            .find(|a| a.key.local_name().as_ref() == local)
            .and_then(|a| value(&a))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_str(xml: &str) -> Hidden {
        rows(xml.as_bytes())
    }

    fn run(text: &str, strike: &str) -> String {
        format!("<r><rPr>{strike}<sz val=\"11\"/></rPr><t xml:space=\"preserve\">{text}</t></r>")
    }

    /// An .xls string (a Format record's code): one byte a character or UTF-16, cut short or
    /// not.
    #[test]
    fn biff_strings() {
        assert_eq!(
            biff_string(&[0, 0, 2, 0, 0, b'0', b'%'], 2).as_deref(),
            Some("0%")
        );
        let wide: Vec<u8> = [0u8, 0, 3, 0, 1]
            .into_iter()
            .chain("0万人".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(biff_string(&wide, 2).as_deref(), Some("0万人"));
        assert_eq!(biff_string(&[0, 0, 9, 0, 0, b'0'], 2), None);
        assert_eq!(biff_string(&[0, 0], 2), None);
    }

    /// A sheet's comments by row, Excel's author line and a phonetic guide's text aside; the
    /// comments part named from the sheet's relationships.
    #[test]
    fn comments_by_row() {
        let xml = "<comments><authors><author>张三</author></authors><commentList>\
            <comment ref=\"D2\" authorId=\"0\"><text><r><rPr><b/></rPr><t>张三:</t></r><r><t xml:space=\"preserve\">\n此为预计数</t></r></text></comment>\
            <comment ref=\"B2\" authorId=\"0\"><text><t>口径调整</t></text></comment>\
            <comment ref=\"D3\" authorId=\"0\"><text><t>数据来源</t><rPh><t>x</t></rPh></text></comment>\
            <comment ref=\"E4\" authorId=\"0\"><text><t>  </t></text></comment>\
            <comment ref=\"bad\"><text><t>lost</t></text></comment></commentList></comments>";
        let c = comments(xml.as_bytes());
        assert_eq!(
            c.get(&2).map(String::as_str),
            Some("张三: 此为预计数；口径调整")
        );
        assert_eq!(c.get(&3).map(String::as_str), Some("数据来源"));
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(
            resolve("xl/worksheets", "../comments1.xml"),
            "xl/comments1.xml"
        );
        assert_eq!(
            resolve("xl/worksheets", "/xl/comments2.xml"),
            "xl/comments2.xml"
        );
        assert_eq!(resolve("xl/worksheets", "./c.xml"), "xl/worksheets/c.xml");
    }

    /// Rich text with struck runs, shared or inline: the cell crossed out where every run with
    /// text is struck, else read as the runs not struck; a strike turned off, a phonetic guide
    /// and plain text are none.
    #[test]
    fn struck_runs() {
        let items = [
            format!("{}{}", run("83.9", "<strike/>"), run("84.5", "")),
            format!("{}{}", run(" ", ""), run("72", "<strike val=\"1\"/>")),
            run("95.5", "<strike val=\"0\"/>"),
            "<t>9.1</t><rPh><t>jiu</t></rPh>".to_string(),
            "<t>A&amp;B</t>".to_string(),
            format!(
                "{}{}",
                run("64 &amp;", ""),
                run("66", "<strike val=\"true\"/>")
            ),
        ];
        let sst: String = items.iter().map(|i| format!("<si>{i}</si>")).collect();
        let shared = struck_shared(format!("<sst><si/>{sst}</sst>").as_bytes());
        let want = |whole: &str, shown: &str, all: bool| StruckRuns {
            whole: whole.into(),
            shown: shown.into(),
            all,
        };
        assert_eq!(shared.get(&1), Some(&want("83.984.5", "84.5", false)));
        assert_eq!(shared.get(&2), Some(&want(" 72", " ", true)));
        assert_eq!(shared.get(&6), Some(&want("64 &66", "64 &", false)));
        assert_eq!(shared.len(), 3, "{shared:?}");
        let inline = run("82.3", "<strike/>") + &run("82.5", "");
        let sheet = format!(
            "<worksheet><sheetData><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c t=\"s\"><v>3</v></c><c r=\"D2\" t=\"inlineStr\"><is>{inline}</is></c></row><row r=\"3\"><c r=\"B3\" t=\"s\"><v>2</v></c><c r=\"C3\"><v>1</v></c></row></sheetData></worksheet>"
        );
        let h = rows_with(sheet.as_bytes(), &shared);
        assert_eq!(h.struck_runs(2, 1), Some(&want("83.984.5", "84.5", false)));
        // A cell without a reference is the one after the last.
        assert_eq!(h.struck_runs(2, 2), None);
        assert_eq!(h.struck_runs(2, 4), Some(&want("82.382.5", "82.5", false)));
        assert_eq!(h.struck_runs(3, 2).map(|r| r.all), Some(true));
        // A number cell's value is no shared string's index.
        assert_eq!(h.struck_runs(3, 3), None);
    }

    #[test]
    fn rows_hidden_by_hand_and_by_a_filter() {
        for (xml, want) in [
            // Hidden by hand, no filter.
            (
                r#"<worksheet><sheetData><row r="1"/><row r="2" hidden="1"/><row r="3"/></sheetData></worksheet>"#,
                vec![
                    (1, RowHidden::No),
                    (2, RowHidden::Hidden),
                    (3, RowHidden::No),
                ],
            ),
            // A filter with a condition: rows inside its range are filtered, one outside it
            // hidden by hand.
            (
                r#"<worksheet><sheetData><row r="3" hidden="1"/><row r="9" hidden="true"/></sheetData><autoFilter ref="A2:F8"><filterColumn colId="0"><filters><filter val="诸暨市"/></filters></filterColumn></autoFilter></worksheet>"#,
                vec![(3, RowHidden::Filtered), (9, RowHidden::Hidden)],
            ),
            // Filter buttons only (no condition): a hidden row is hidden by hand.
            (
                r#"<worksheet><sheetData><row r="3" hidden="1"/></sheetData><autoFilter ref="A2:F8"/></worksheet>"#,
                vec![(3, RowHidden::Hidden)],
            ),
            // Rows without `r` count on from the last; hidden="0" is shown.
            (
                r#"<worksheet><sheetData><row r="4"/><row hidden="1"/><row hidden="0"/></sheetData></worksheet>"#,
                vec![(5, RowHidden::Hidden), (6, RowHidden::No)],
            ),
            // Not XML at all: nothing hidden.
            ("\u{0}\u{1}garbage<<<", vec![(1, RowHidden::No)]),
        ] {
            let h = scan_str(xml);
            for (line, hidden) in want {
                assert_eq!(h.of(line), hidden, "{xml} row {line}");
            }
        }
    }

    /// A BIFF8 workbook stream of one sheet named `name`: the globals' records (`globals`), the
    /// sheet's BoundSheet8, then the sheet's records (`sheet`), each substream framed by BOF and EOF.
    fn biff_book(name: &str, globals: &[(u16, Vec<u8>)], sheet: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let rec = |t: u16, d: &[u8]| {
            let mut r = t.to_le_bytes().to_vec();
            r.extend((d.len() as u16).to_le_bytes());
            r.extend(d);
            r
        };
        let units: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let sheet_record = |pos: u32| {
            let mut d = pos.to_le_bytes().to_vec();
            d.extend([0, 0, name.encode_utf16().count() as u8, 1]);
            d.extend(&units);
            rec(0x0085, &d)
        };
        let mut b = rec(0x0809, &[0; 16]);
        for (t, d) in globals {
            b.extend(rec(*t, d));
        }
        let pos = b.len() + sheet_record(0).len() + 4;
        b.extend(sheet_record(pos as u32));
        b.extend(rec(0x000A, &[]));
        b.extend(rec(0x0809, &[0; 16]));
        for (t, d) in sheet {
            b.extend(rec(*t, d));
        }
        b.extend(rec(0x000A, &[]));
        b
    }

    /// A sheet of rows (0-based, hidden), a FilterMode record when `filter`, and ColInfo records
    /// (first, last column, 0-based; hidden).
    fn biff_with_columns(
        name: &str,
        rows: &[(u16, bool)],
        filter: bool,
        cols: &[(u16, u16, bool)],
    ) -> Vec<u8> {
        let mut sheet = Vec::new();
        if filter {
            sheet.push((0x009B, vec![]));
        }
        for &(first, last, hidden) in cols {
            let mut d = vec![0u8; 12];
            d[..2].copy_from_slice(&first.to_le_bytes());
            d[2..4].copy_from_slice(&last.to_le_bytes());
            d[8] = u8::from(hidden);
            sheet.push((0x007D, d));
        }
        for &(rw, hidden) in rows {
            let mut d = vec![0u8; 16];
            d[..2].copy_from_slice(&rw.to_le_bytes());
            d[12] = if hidden { 0x20 } else { 0 };
            sheet.push((0x0208, d));
        }
        biff_book(name, &[], &sheet)
    }

    fn biff(name: &str, rows: &[(u16, bool)], filter: bool) -> Vec<u8> {
        biff_with_columns(name, rows, filter, &[])
    }

    #[test]
    fn an_xls_sheets_struck_cells_from_its_fonts_and_formats() {
        // Fonts 0–3 plain, then (index 4 never being written) the fifth font, index 5, struck.
        let font = |struck: bool| (0x0031, vec![0, 0, if struck { 0x08 } else { 0 }, 0]);
        let xf = |ifnt: u16| (0x00E0, [ifnt.to_le_bytes().to_vec(), vec![0; 18]].concat());
        let globals = [
            font(false),
            font(false),
            font(false),
            font(false),
            font(true),
            xf(0),
            xf(5),
        ];
        let cell = |typ: u16, rw: u16, col: u16, ixfe: u16| {
            let d = [rw.to_le_bytes(), col.to_le_bytes(), ixfe.to_le_bytes()].concat();
            (typ, [d, vec![0; 8]].concat())
        };
        // MulRk over columns 2–3 of row 5: the first plain, the second struck.
        let mulrk = (
            0x00BD,
            [
                &4u16.to_le_bytes()[..],
                &1u16.to_le_bytes(),
                &[0, 0, 0, 0, 0, 0],
                &[1, 0, 0, 0, 0, 0],
                &2u16.to_le_bytes(),
            ]
            .concat(),
        );
        let sheet = [
            cell(0x0203, 1, 3, 1),
            cell(0x00FD, 2, 3, 0),
            cell(0x027E, 3, 0, 1),
            mulrk,
        ];
        let h = biff_hidden(&biff_book("报表", &globals, &sheet), "报表").unwrap();
        let mut struck: Vec<(u64, u64)> = h.struck.iter().copied().collect();
        struck.sort();
        assert_eq!(struck, [(2, 4), (4, 1), (5, 3)]);
        assert!(h.strikes() && h.struck(2, 4) && !h.struck(3, 4));
    }

    #[test]
    fn rows_hidden_one_by_one() {
        let mut h = Hidden::default();
        h.hide_rows(2, 1, false);
        h.hide_rows(5, 2, true);
        let got: Vec<RowHidden> = (1..=7).map(|l| h.of(l)).collect();
        use RowHidden::{Filtered as F, Hidden as H, No as N};
        assert_eq!(got, [N, H, N, N, F, F, N]);
        // A million rows repeated hidden keep at most MAX_HIDDEN.
        h.hide_rows(10, 1 << 40, false);
        assert_eq!(h.rows.len(), MAX_HIDDEN);
    }

    #[test]
    fn hidden_columns() {
        let h = scan_str(
            r#"<worksheet><cols><col min="1" max="2" width="9"/><col min="4" max="5" hidden="1"/><col min="7" max="3" hidden="true"/></cols><sheetData/></worksheet>"#,
        );
        let hidden: Vec<u64> = (1..=8).filter(|&c| h.column_hidden(c)).collect();
        assert_eq!(hidden, [4, 5, 7]);
        assert!(!scan_str("<worksheet><sheetData/></worksheet>").hides_columns());
    }

    #[test]
    fn an_xls_sheets_hidden_rows_from_its_records() {
        let b = biff(
            "报表",
            &[(0, false), (1, true), (2, false), (3, true)],
            false,
        );
        let h = biff_hidden(&b, "报表").unwrap();
        assert_eq!(h.of(1), RowHidden::No);
        assert_eq!(h.of(2), RowHidden::Hidden);
        assert_eq!(h.of(4), RowHidden::Hidden);
        // Another sheet's name finds nothing; a filter makes its hidden rows the filter's.
        assert!(biff_hidden(&b, "Sheet1").is_none());
        let f = biff_hidden(&biff("报表", &[(1, true)], true), "报表").unwrap();
        assert_eq!(f.of(2), RowHidden::Filtered);
        // Hidden columns from ColInfo records (1-based as a sheet's columns are).
        let c = biff_with_columns(
            "报表",
            &[],
            false,
            &[(0, 1, false), (3, 3, true), (5, 6, true)],
        );
        let c = biff_hidden(&c, "报表").unwrap();
        let hidden: Vec<u64> = (1..=8).filter(|&n| c.column_hidden(n)).collect();
        assert_eq!(hidden, [4, 6, 7]);
        // Cut anywhere, the stream gives what it holds up to the cut, never a panic.
        for cut in 0..b.len() {
            let _ = biff_hidden(&b[..cut], "报表");
        }
    }

    #[test]
    fn references_beyond_the_grid() {
        for (r, beyond) in [
            ("A1", false),
            ("XFD1048576", false),
            ("xfd1048576", false),
            ("1048576", false),
            ("", false),
            ("A0", false),
            // Past the last row or column, and past what 32 bits hold.
            ("A1048577", true),
            ("XFE1", true),
            ("A4294967296", true),
            ("AAAAAAAAAA1", true),
            ("99999999999", true),
            // Read as a reader reads it: letters, digits, then anything stops the reading.
            ("A99999999999Z", true),
            ("A1$99999999999", false),
        ] {
            assert_eq!(beyond_grid(r.as_bytes()), beyond, "{r}");
        }
    }

    #[test]
    fn the_first_reference_beyond_the_grid_and_the_cells_before_it() {
        for (xml, want) in [
            (
                r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row><row r="2"><c r="A2"><v>2</v></c><c r="B4294967296"><v>3</v></c></row><row r="3"><c r="A99999999999"/></row></sheetData></worksheet>"#,
                Some(("B4294967296", 2)),
            ),
            // A row's own reference, before any of its cells.
            (
                r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="99999999999"><c><v>2</v></c></row></sheetData></worksheet>"#,
                Some(("99999999999", 1)),
            ),
            // An empty tag is not read for its reference; outside the data, nothing is.
            (
                r#"<worksheet><dimension ref="A1:A99999999999"/><sheetData><row r="99999999999"/><row r="2"><c r="A4294967296"/></row></sheetData><mergeCells><mergeCell ref="A1:A99999999999"/></mergeCells></worksheet>"#,
                None,
            ),
        ] {
            let got = scan_str(xml).beyond.map(|b| (b.reference, b.cells_before));
            assert_eq!(
                got,
                want.map(|(r, n): (&str, u64)| (r.to_string(), n)),
                "{xml}"
            );
        }
    }

    #[test]
    fn ranges() {
        assert_eq!(span("A2:F8"), Some((2, 8)));
        assert_eq!(span("$A$2:$F$80"), Some((2, 80)));
        assert_eq!(span("B5"), Some((5, 5)));
        assert_eq!(span("A:F"), None);
    }
}
