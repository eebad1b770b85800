//! Reading the values departments report: CSV in UTF-8 (with or without BOM) or GB18030/GBK, as
//! Excel writes it on a Chinese Windows machine, or a spreadsheet (.xlsx/.xls/.ods), from a file
//! or standard input. Rows come out as text with their line and column, so that every problem
//! downstream can say where it is; reading never stops at a bad row.

use crate::diag::Diagnostic;

mod rows;
mod sheet;
mod text;
use std::io::Read;
use std::path::Path;

/// One reported value, as text, with where each field sits.
#[derive(Debug, Clone)]
pub struct ActualRow {
    pub line: u64,
    pub jurisdiction: Field,
    pub indicator: Field,
    pub year: Field,
    pub value: Field,
    pub unit: Option<Field>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub text: String,
    /// 1-based column (field number in the row).
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
}

/// Actuals are one row per reported value: a county's year is a few thousand rows, far below this.
pub(crate) const MAX_BYTES: u64 = 64 * 1024 * 1024;

fn too_big(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        0,
        0,
        format!(
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
    res.map_err(|e| Diagnostic::error(&name, 0, 0, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big(&name));
    }
    let (text, used) =
        text::decode(&bytes, encoding).map_err(|m| Diagnostic::error(&name, 0, 0, m))?;
    let (records, problems) = text::records(&name, &text);
    let mut a = rows::rows_from(&name, records)?;
    a.problems.splice(0..0, problems);
    a.encoding = used;
    Ok(a)
}
