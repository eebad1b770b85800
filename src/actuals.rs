//! Reading the values departments report: CSV in UTF-8 (with or without BOM) or GB18030/GBK, as
//! Excel writes it on a Chinese Windows machine, or a spreadsheet (.xlsx/.xls/.ods), from a file
//! or standard input. Rows come out as text with their line and column, so that every problem
//! downstream can say where it is; reading never stops at a bad row.

use crate::diag::{Diagnostic, suggestion};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Jurisdiction,
    Indicator,
    Year,
    Value,
    Unit,
    Note,
    /// The indicator's printed name: read only when there is no indicator column.
    IndicatorName,
    /// Columns a template carries for the reader's benefit (name, target, lead): read past.
    Ignored,
}

const HEADERS: &[(&str, Col)] = &[
    ("jurisdiction", Col::Jurisdiction),
    ("地区", Col::Jurisdiction),
    ("县市区", Col::Jurisdiction),
    ("地区名称", Col::Jurisdiction),
    ("indicator", Col::Indicator),
    ("指标", Col::Indicator),
    ("指标名称", Col::IndicatorName),
    ("year", Col::Year),
    ("年份", Col::Year),
    ("年度", Col::Year),
    ("value", Col::Value),
    ("数值", Col::Value),
    ("实际值", Col::Value),
    ("完成值", Col::Value),
    ("unit", Col::Unit),
    ("单位", Col::Unit),
    ("note", Col::Note),
    ("备注", Col::Note),
    ("name", Col::IndicatorName),
    ("target", Col::Ignored),
    ("目标", Col::Ignored),
    ("目标值", Col::Ignored),
    ("lead", Col::Ignored),
    ("牵头单位", Col::Ignored),
    ("责任单位", Col::Ignored),
    ("indicator_name", Col::IndicatorName),
];

/// How a CSV file's bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    /// UTF-8 if the bytes are valid UTF-8, else GB18030 (which covers GBK and GB2312).
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
        return read_sheet(path, &name, sheet);
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
    let (text, used) = decode(&bytes, encoding).map_err(|m| Diagnostic::error(&name, 0, 0, m))?;
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for rec in reader.records() {
        match rec {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line());
                records.push((line, r.iter().map(str::to_string).collect::<Vec<_>>()));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(Diagnostic::error(
                    &name,
                    line,
                    1,
                    format!("malformed CSV: {e}"),
                ));
            }
        }
    }
    let mut a = rows_from(&name, records)?;
    a.problems.splice(0..0, problems);
    a.encoding = used;
    Ok(a)
}

/// UTF-8 first (a BOM is dropped); GB18030 when the bytes are not UTF-8 or when asked.
fn decode(bytes: &[u8], encoding: Encoding) -> Result<(String, &'static str), String> {
    let utf8 = |b: &[u8]| {
        let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
        std::str::from_utf8(b).map(str::to_string)
    };
    let gb = |b: &[u8]| {
        let (text, _, had_errors) = encoding_rs::GB18030.decode(b);
        if had_errors {
            Err("not valid GB18030 text".to_string())
        } else {
            Ok((text.into_owned(), "GB18030"))
        }
    };
    match encoding {
        Encoding::Utf8 => utf8(bytes)
            .map(|t| (t, "UTF-8"))
            .map_err(|e| format!("not valid UTF-8 ({e}); try --encoding gb18030")),
        Encoding::Gb18030 => gb(bytes),
        Encoding::Auto => match utf8(bytes) {
            Ok(t) => Ok((t, "UTF-8")),
            Err(_) => gb(bytes).map_err(|_| {
                "neither UTF-8 nor GB18030 text; name the encoding with --encoding".to_string()
            }),
        },
    }
}

fn read_sheet(path: &Path, name: &str, sheet: Option<&str>) -> Result<Actuals, Diagnostic> {
    use calamine::{Data, Reader, open_workbook_auto};
    let err = |m: String| Diagnostic::error(name, 0, 0, m);
    let mut wb =
        open_workbook_auto(path).map_err(|e| err(format!("cannot open spreadsheet: {e}")))?;
    let names = wb.sheet_names();
    let chosen = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                err(format!(
                    "no sheet `{s}`{}; sheets: {}",
                    suggestion(s, names.iter().map(String::as_str)),
                    names.join(", ")
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| err("the workbook has no sheets".into()))?,
    };
    let range = wb
        .worksheet_range(&chosen)
        .map_err(|e| err(format!("cannot read sheet `{chosen}`: {e}")))?;
    let first_row = range.start().map_or(0, |(r, _)| r as u64);
    let records = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let cells = row
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    // The shortest text that reads back as the same float: 94.5, not 94.499999.
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Bool(b) => {
                        if *b {
                            "是".into()
                        } else {
                            "否".into()
                        }
                    }
                    other => other.to_string(),
                })
                .collect();
            (first_row + i as u64 + 1, cells)
        })
        .collect();
    let mut a = rows_from(name, records)?;
    a.encoding = "spreadsheet";
    Ok(a)
}

/// Maps the header and turns records into rows; a missing required column is fatal, a bad row is
/// a problem and the rest go on.
fn rows_from(name: &str, records: Vec<(u64, Vec<String>)>) -> Result<Actuals, Diagnostic> {
    let mut it = records
        .into_iter()
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    let Some((hline, header)) = it.next() else {
        return Err(Diagnostic::error(
            name,
            1,
            1,
            "empty file: expected a header `jurisdiction,indicator,year,value[,unit][,note]` (or 地区,指标,年份,数值,单位,备注)",
        ));
    };
    let mut problems = Vec::new();
    let mut cols: Vec<Col> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let key = h.trim().trim_start_matches('\u{feff}').to_lowercase();
        match HEADERS.iter().find(|(n, _)| *n == key) {
            Some((_, c)) => cols.push(*c),
            None => {
                problems.push(Diagnostic::warning(
                    name,
                    hline,
                    i as u64 + 1,
                    format!(
                        "unknown column `{}`{}: its values are not read",
                        h.trim(),
                        suggestion(&key, HEADERS.iter().map(|(n, _)| *n))
                    ),
                ));
                cols.push(Col::Ignored);
            }
        }
    }
    if !cols.contains(&Col::Indicator)
        && let Some(i) = cols.iter().position(|c| *c == Col::IndicatorName)
    {
        cols[i] = Col::Indicator;
    }
    let find = |c: Col| cols.iter().position(|x| *x == c);
    let mut missing = Vec::new();
    for (c, n) in [
        (Col::Jurisdiction, "jurisdiction"),
        (Col::Indicator, "indicator"),
        (Col::Year, "year"),
        (Col::Value, "value"),
    ] {
        if find(c).is_none() {
            missing.push(n);
        }
    }
    if !missing.is_empty() {
        return Err(Diagnostic::error(
            name,
            hline,
            1,
            format!(
                "the header lacks {}: expected `jurisdiction,indicator,year,value[,unit][,note]` (or 地区,指标,年份,数值,单位,备注)",
                missing.join(", ")
            ),
        ));
    }
    let idx = |c| find(c).unwrap_or(0);
    let mut rows = Vec::new();
    for (line, rec) in it {
        let get = |c: Col| {
            find(c).map(|i| Field {
                text: rec.get(i).map(|s| s.trim().to_string()).unwrap_or_default(),
                column: i as u64 + 1,
            })
        };
        let field = |c: Col| {
            get(c).unwrap_or(Field {
                text: String::new(),
                column: idx(c) as u64 + 1,
            })
        };
        let row = ActualRow {
            line,
            jurisdiction: field(Col::Jurisdiction),
            indicator: field(Col::Indicator),
            year: field(Col::Year),
            value: field(Col::Value),
            unit: get(Col::Unit).filter(|f| !f.text.is_empty()),
            note: get(Col::Note).map(|f| f.text).filter(|t| !t.is_empty()),
        };
        let empty = [&row.jurisdiction, &row.indicator, &row.year]
            .into_iter()
            .find(|f| f.text.is_empty());
        if let Some(f) = empty {
            problems.push(Diagnostic::error(
                name,
                line,
                f.column,
                "empty field: every row needs a jurisdiction, an indicator and a year",
            ));
            continue;
        }
        rows.push(row);
    }
    Ok(Actuals {
        name: name.to_string(),
        rows,
        problems,
        encoding: "",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_and_gbk() {
        let gbk = encoding_rs::GBK.encode("地区,指标").0.into_owned();
        assert_eq!(
            decode(&gbk, Encoding::Auto).unwrap(),
            ("地区,指标".to_string(), "GB18030")
        );
        assert_eq!(
            decode("\u{feff}地区".as_bytes(), Encoding::Auto).unwrap(),
            ("地区".to_string(), "UTF-8")
        );
        assert!(
            decode(&gbk, Encoding::Utf8)
                .unwrap_err()
                .contains("--encoding gb18030")
        );
    }

    #[test]
    fn header_problems() {
        let recs = |rows: &[&[&str]]| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| (i as u64 + 1, r.iter().map(|s| s.to_string()).collect()))
                .collect::<Vec<_>>()
        };
        let err = rows_from("a.csv", recs(&[&["地区", "指标", "年份"]])).unwrap_err();
        assert!(err.message.contains("lacks value"), "{err}");
        let err = rows_from("a.csv", vec![]).unwrap_err();
        assert!(err.message.starts_with("empty file"), "{err}");
        let a = rows_from(
            "a.csv",
            recs(&[
                &["jurisdiction", "indicatr", "indicator", "year", "value"],
                &["zhuji", "x", "y", "2024", "1"],
            ]),
        )
        .unwrap();
        assert_eq!(a.problems.len(), 1);
        assert!(
            a.problems[0].message.contains("did you mean `indicator`"),
            "{}",
            a.problems[0]
        );
        assert_eq!(a.rows[0].indicator.text, "y");
        assert_eq!(a.rows[0].indicator.column, 3);
    }
}
