//! Spreadsheet actuals (.xlsx/.xls/.ods), read with calamine: the chosen sheet's cells as text,
//! each record with its sheet row number.

use super::Actuals;
use super::rows::rows_from;
use crate::diag::{Diagnostic, suggestion};
use std::path::Path;

pub(super) fn read_sheet(
    path: &Path,
    name: &str,
    sheet: Option<&str>,
) -> Result<Actuals, Diagnostic> {
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
