//! Reading the values departments report: CSV in UTF-8 (with or without BOM) or GB18030/GBK, as
//! Excel writes it on a Chinese Windows machine, or a spreadsheet (.xlsx/.xls/.ods), from a file
//! or standard input. Rows come out as text with their line and column, so that every problem
//! downstream can say where it is; reading never stops at a bad row.

use crate::diag::Diagnostic;

mod rows;
mod sheet;
mod text;
pub(crate) mod value;
use std::io::Read;
use std::path::Path;

/// One reported value, as text, with where each field sits.
#[derive(Debug, Clone)]
pub struct ActualRow {
    pub line: u64,
    pub jurisdiction: Field,
    pub indicator: Field,
    pub year: Field,
    /// The period within the year (`1-6月`, `二季度`, `2024-06`), when the sheet has a period column.
    pub period: Option<Field>,
    /// Whether the value is year-to-date (累计) or for the period alone (当期), when the sheet says.
    pub basis: Option<Field>,
    pub value: Field,
    pub unit: Option<Field>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub text: String,
    /// 1-based column: a character column in a text file, the column number in a sheet.
    pub column: u64,
}

/// How a CSV file's bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    #[value(help = crate::tr!(
        "字节是合法的 UTF-8 时按 UTF-8，否则按 GB18030（涵盖 GBK 和 GB2312）",
        "UTF-8 if the bytes are valid UTF-8, else GB18030 (which covers GBK and GB2312)."
    ))]
    Auto,
    Utf8,
    Gb18030,
}

/// Everything read from one actuals file: the rows, and a diagnostic for each problem.
#[derive(Debug, Default)]
pub struct Actuals {
    pub name: String,
    pub rows: Vec<ActualRow>,
    pub problems: Vec<Diagnostic>,
    /// The encoding the file was read in, for the user to see when it was guessed.
    pub encoding: &'static str,
    /// The sheet read, for a workbook: places are then `sheet!D7`.
    pub sheet: Option<String>,
}

impl Actuals {
    /// An error at a row and column of this file, placed as the file's kind names places.
    pub(crate) fn error(&self, line: u64, column: u64, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.name, line, column, message).in_sheet(self.sheet.as_deref())
    }
}

// The limits, each documented in the README ("Limits"). Every one is a located error when it is
// reached, and together they bound memory by themselves, whatever the input.

/// An actuals file (CSV or workbook). A county's year is a few thousand rows, far below this.
pub(crate) const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Fields kept per row; the rest are counted, not stored.
pub(crate) const MAX_FIELDS: usize = 256;
/// Bytes kept per field: no jurisdiction, indicator, value or note is this long.
pub(crate) const MAX_FIELD_BYTES: usize = 4096;
/// Rows read (blank rows are not counted).
pub(crate) const MAX_ROWS: usize = 200_000;
/// Filled cells read from one sheet.
pub(crate) const MAX_CELLS: usize = 2_000_000;
/// A sheet's XML inside the workbook, uncompressed: a small .xlsx can unpack to gigabytes.
pub(crate) const MAX_SHEET_BYTES: u64 = 256 * 1024 * 1024;

/// What a spreadsheet said a cell was, where it matters for reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum CellKind {
    #[default]
    Text,
    /// A date-formatted cell: never a year or a value, whatever its serial number.
    Date,
}

/// One field of a record, with its 1-based column (a character column in a text file, the
/// column number in a sheet).
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub text: String,
    pub column: u64,
    pub kind: CellKind,
}

/// One record (a CSV row or a sheet row), as read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Record {
    pub line: u64,
    /// The first [`MAX_FIELDS`] fields.
    pub cells: Vec<Cell>,
    /// How many fields the record had, kept or not.
    pub fields: u64,
    /// The last field with text in it: (field number, column).
    pub last_filled: Option<(u64, u64)>,
    /// A quoted value running over lines: (line, column of its quote, last line).
    pub spans: Option<(u64, u64, u64)>,
}

impl Record {
    fn is_blank(&self) -> bool {
        self.last_filled.is_none()
    }
}

fn too_big(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        0,
        0,
        crate::tr!(
            "大于 {} MiB: 实际值文件每个上报值占一行；请拆分文件，或检查是否选错了文件",
            "larger than {} MiB: an actuals file holds one row per reported value; split it or check that it is the right file",
            MAX_BYTES >> 20
        ),
    )
}

fn is_spreadsheet(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
    )
}

/// Reads `path` (`-` for standard input). Problems with the file as a whole are in `Err`.
pub fn read(path: &Path, encoding: Encoding, sheet: Option<&str>) -> Result<Actuals, Diagnostic> {
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    if path != Path::new("-") && is_spreadsheet(path) {
        if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
            return Err(too_big(&name));
        }
        return sheet::read_sheet(path, &name, sheet);
    }
    let mut bytes = Vec::new();
    // Read one byte past the limit, so that an enormous input is refused without reading it all.
    let res = if path == Path::new("-") {
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
            .map(|_| ())
    };
    res.map_err(|e| {
        let e = crate::i18n::io_error(&e);
        Diagnostic::error(&name, 0, 0, crate::tr!("无法读取: {e}", "cannot read: {e}"))
    })?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big(&name));
    }
    read_text(&name, bytes, encoding)
}

/// Reads CSV bytes already in memory (at most [`MAX_BYTES`], checked by the caller).
pub(crate) fn read_text(
    name: &str,
    bytes: Vec<u8>,
    encoding: Encoding,
) -> Result<Actuals, Diagnostic> {
    let (bytes, enc) = text::prepare(name, bytes, encoding)?;
    let records = text::Scanner::new(name, &bytes, enc);
    let mut a = collect(name, None, records).map_err(|e| e.unwrap_or_else(|| empty(name)))?;
    a.encoding = enc.name();
    Ok(a)
}

fn empty(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        0,
        0,
        crate::tr!(
            "文件为空: 应有表头 `地区,指标,年份,数值,单位,备注`（或 jurisdiction,indicator,year,value[,unit][,note]）",
            "empty file: expected a header `jurisdiction,indicator,year,value[,unit][,note]` (or 地区,指标,年份,数值,单位,备注)"
        ),
    )
}

/// Reads the header and the rows under it from a stream of records, keeping only the rows.
/// `Err(None)` when there is no header at all (the caller says what is empty).
fn collect(
    name: &str,
    sheet: Option<&str>,
    records: impl Iterator<Item = Result<Record, Diagnostic>>,
) -> Result<Actuals, Option<Diagnostic>> {
    let mut problems = Vec::new();
    let mut records = records.filter(|r| !matches!(r, Ok(r) if r.is_blank()));
    let header = match records.next() {
        None => return Err(None),
        Some(Err(d)) => return Err(Some(d.in_sheet(sheet))),
        Some(Ok(h)) => h,
    };
    let map = rows::Header::read(name, sheet, &header, &mut problems).map_err(Some)?;
    let mut rows = Vec::new();
    for rec in records {
        match rec {
            Err(d) => problems.push(d.in_sheet(sheet)),
            Ok(rec) => {
                if rows.len() >= MAX_ROWS {
                    problems.push(
                        Diagnostic::error(
                            name,
                            rec.line,
                            1,
                            crate::tr!(
                                "超过 {MAX_ROWS} 行: 本行及其后各行未读取；请拆分文件",
                                "more than {MAX_ROWS} rows: this row and those after it are not read; split the file"
                            ),
                        )
                        .in_sheet(sheet),
                    );
                    break;
                }
                if let Some(row) = map.row(rec, &mut problems) {
                    rows.push(row);
                }
            }
        }
    }
    Ok(Actuals {
        name: name.to_string(),
        rows,
        problems,
        encoding: "",
        sheet: sheet.map(str::to_string),
    })
}
