//! A spreadsheet a script read with pandas and wrote back as CSV (`pd.read_excel(…).to_csv(…)`),
//! read as the sheet it was: pandas makes the sheet's first row (a title) its header
//! (`,北仑区…主要指标,Unnamed: 1,…,Unnamed: 9`) and starts every record with its row index
//! (`0,序号,领域,…`, `2,1,幼有善育,…`), and writes each cell's *stored* value, not what Excel
//! showed: a percent-formatted cell is a fraction (`0.57` showed 57%, `1` 100%) and a formula's
//! result carries binary noise (`0.7000000000000001`).
//!
//! Why it exists: the CSV reader finds a table by its header naming 指标 and its columns by the
//! header's cells; pandas' header names none and the index shifts every cell one column right of
//! the titles it stands under, and a fraction under `%` is no figure the plan printed. Here the
//! title row becomes the title, the index goes, a number's noise is rounded off, and where every
//! figure of every `%` row of the table is at most 1 (percent cells, stored as fractions), each is
//! the percent it showed. A line of the source stays a line, so quotes and line numbers hold.
//!
//! Bounded: one pass over the lines; a block ends at the first line that is not its next record.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Decimals kept of a stored number (Excel keeps 15 significant digits; the noise is beyond).
const DECIMALS: u32 = 9;

/// The text with each pandas CSV block read as its sheet (see the module's doc); None when it has
/// none. Lines are kept one for one.
pub(crate) fn plain(text: &str) -> Option<String> {
    if !text.contains("Unnamed: ") {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        let Some(title) = header_title(lines[i]) else {
            i += 1;
            continue;
        };
        // The records: each line opening with the next index (a quoted cell's further lines
        // between them belong to the record above).
        let mut block = Vec::new();
        let mut next = 0usize;
        let mut open = false;
        let mut j = i + 1;
        while j < lines.len() {
            let l = lines[j];
            if open {
                open = l.matches('"').count().is_multiple_of(2);
                j += 1;
                continue;
            }
            let Some(rest) = l.strip_prefix(&format!("{next},")) else {
                break;
            };
            block.push((j, rest));
            open = rest.matches('"').count() % 2 == 1;
            next += 1;
            j += 1;
        }
        if block.len() < 2 {
            i += 1;
            continue;
        }
        out[i] = title;
        let cells: Vec<Vec<String>> = block
            .iter()
            .map(|(_, r)| r.split(',').map(denoised).collect())
            .collect();
        let percent = fractions(&cells);
        for ((k, rest), row) in block.iter().zip(&cells) {
            out[*k] = if rest.contains('"') {
                (*rest).to_string()
            } else {
                let unit = unit_column(&cells).and_then(|u| row.get(u));
                let as_percent = percent && unit.is_some_and(|u| is_percent(u));
                let u = unit_column(&cells).unwrap_or(usize::MAX);
                row.iter()
                    .enumerate()
                    .map(|(n, c)| match (as_percent && n > u, number(c)) {
                        (true, Some(v)) => show(v * Decimal::from(100)),
                        _ => c.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            };
        }
        changed = true;
        i = j;
    }
    changed.then(|| out.join("\n"))
}

/// pandas' header line of a sheet whose first row was a title: an empty index cell, the title,
/// then `Unnamed: N` for each other column (at least two). The title, or None.
fn header_title(line: &str) -> Option<String> {
    let rest = line.trim_end_matches('\r').strip_prefix(',')?;
    let cells: Vec<&str> = rest.split(',').collect();
    let unnamed = cells.iter().filter(|c| c.starts_with("Unnamed: ")).count();
    (unnamed >= 2 && unnamed + 1 == cells.len() && !cells[0].starts_with("Unnamed: "))
        .then(|| cells[0].trim_matches('"').to_string())
}

/// The column of the records' header that names the unit (`单位`).
fn unit_column(rows: &[Vec<String>]) -> Option<usize> {
    rows.iter()
        .take(3)
        .find_map(|r| r.iter().position(|c| c.trim() == "单位"))
}

fn is_percent(unit: &str) -> bool {
    matches!(unit.trim(), "%" | "％")
}

/// Whether the table's percent cells are stored fractions: every figure (after the unit) of
/// every `%` row is at most 1, and at least one is a fraction.
fn fractions(rows: &[Vec<String>]) -> bool {
    let Some(u) = unit_column(rows) else {
        return false;
    };
    let values: Vec<Decimal> = rows
        .iter()
        .filter(|r| r.get(u).is_some_and(|c| is_percent(c)))
        // The figures stand after the unit (the 序号 before it is no figure).
        .flat_map(|r| r.iter().skip(u + 1).filter_map(|c| number(c)))
        .collect();
    !values.is_empty()
        && values.iter().all(|v| *v <= Decimal::ONE)
        && values
            .iter()
            .any(|v| *v < Decimal::ONE && *v > Decimal::ZERO)
}

/// A cell that is a plain stored number (`0.57`, `1160`, `3.7`), nothing else.
fn number(cell: &str) -> Option<Decimal> {
    let t = cell.trim();
    (!t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .then(|| Decimal::from_str(t).ok())
        .flatten()
}

/// A stored number with its binary noise rounded off (`0.7000000000000001` is `0.7`); any other
/// cell as it is.
fn denoised(cell: &str) -> String {
    match number(cell) {
        Some(v) if v.scale() > DECIMALS => show(v),
        _ => cell.to_string(),
    }
}

fn show(v: Decimal) -> String {
    v.round_dp(DECIMALS).normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pandas_csv_is_its_sheet() {
        let text = "附件：主要指标\n\n,某县主要指标（2023—2027年）,Unnamed: 1,Unnamed: 2,Unnamed: 3,Unnamed: 4,Unnamed: 5\n0,序号,指标名称,单位,基础值,目标值,\n1,,,,2022年,2027年,\n2,1,托位数,个,3.7,5.3,县卫健局\n3,2,普惠托位占比,%,0.57,0.7000000000000001,县卫健局\n4,3,救助帮扶覆盖率,%,1,1,县民政局\n5,4,城镇调查失业率,%,0.041,<5%,县人社局\n6,5,居民人均可支配收入,万元,7.86,10.600000000000001,县统计局\n\n下一段 12,3\n";
        assert_eq!(
            plain(text).as_deref(),
            Some(
                "附件：主要指标\n\n某县主要指标（2023—2027年）\n序号,指标名称,单位,基础值,目标值,\n,,,2022年,2027年,\n1,托位数,个,3.7,5.3,县卫健局\n2,普惠托位占比,%,57,70,县卫健局\n3,救助帮扶覆盖率,%,100,100,县民政局\n4,城镇调查失业率,%,4.1,<5%,县人社局\n5,居民人均可支配收入,万元,7.86,10.6,县统计局\n\n下一段 12,3\n"
            )
        );
    }

    #[test]
    fn percents_stay_as_stored_when_not_fractions() {
        // A sheet whose `%` cells hold the percent itself (57, not 0.57): no scaling; a row
        // index that breaks off ends the block; no pandas header, nothing.
        let text = ",某县主要指标,Unnamed: 1,Unnamed: 2,Unnamed: 3\n0,指标名称,单位,基础值,目标值\n1,普惠托位占比,%,57,70\n2,救助帮扶覆盖率,%,1,100\n5,不是记录,%,0.5,0.6\n";
        assert_eq!(
            plain(text).as_deref(),
            Some(
                "某县主要指标\n指标名称,单位,基础值,目标值\n普惠托位占比,%,57,70\n救助帮扶覆盖率,%,1,100\n5,不是记录,%,0.5,0.6\n"
            )
        );
        assert_eq!(plain("序号,指标名称,单位,2022年\n1,托位数,个,3.7\n"), None);
        assert_eq!(plain(",标题,Unnamed: 1\n0,a,b\n"), None);
    }
}
