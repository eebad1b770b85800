//! Several actuals files, or a folder of them, read as one history: which files a folder holds,
//! where a period stands in time, the change since the previous period, and Open SDG's progress
//! category over every period reported (not only whole years).

use crate::diag::Diagnostic;
use crate::judge::Category;
use crate::period::Period;
use crate::plan::Resolved;
use crate::threshold::Better;
use rust_decimal::{Decimal, MathematicalOps};
use std::path::{Path, PathBuf};

/// The files an actuals folder contributes: CSV and spreadsheets, in name order (so that
/// `2024-03.csv` comes before `2024-06.csv`, and a later file revises an earlier one).
pub(crate) fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p != Path::new("-") && p.is_dir() {
            let mut found: Vec<PathBuf> = match std::fs::read_dir(p) {
                Ok(rd) => rd
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|f| f.is_file() && is_actuals_file(f))
                    .collect(),
                Err(e) => {
                    problems.push(Diagnostic::error(
                        &p.display().to_string(),
                        0,
                        0,
                        crate::tr!(
                            "无法读取文件夹: {}",
                            "cannot read the folder: {}",
                            crate::i18n::io_error(&e)
                        ),
                    ));
                    continue;
                }
            };
            if found.is_empty() {
                problems.push(Diagnostic::error(
                    &p.display().to_string(),
                    0,
                    0,
                    crate::tr!(
                        "文件夹中没有实际值文件（.csv、.xlsx、.xls、.ods）",
                        "the folder holds no actuals (.csv, .xlsx, .xls, .ods)"
                    ),
                ));
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    (files, problems)
}

fn is_actuals_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    // Excel's lock files (~$报表.xlsx) and hidden files are not reports.
    if name.starts_with("~$") || name.starts_with('.') {
        return false;
    }
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("csv" | "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
    )
}

/// Where a period's end stands in time, in years: the end of 2024 is 2024, the end of June 2024
/// is 2023.5, so that a target "by 2027" is at 2027.
pub(crate) fn time(p: &Period) -> Decimal {
    Decimal::from(p.year - 1) + p.elapsed()
}

/// Open SDG's category (Statistics Canada's growth-rate ratio) for values at times in years,
/// against a target due at `target_time`: the observed compound growth rate over the required
/// one. `None` with fewer than two points or where growth rates are undefined (values ≤ 0).
pub(crate) fn category(
    series: &[(Decimal, Decimal)],
    target: &Resolved,
    target_time: Decimal,
    better: Better,
) -> Option<Category> {
    let mut s = series.to_vec();
    s.sort_by_key(|(t, _)| *t);
    let (&(t0, y0), &(ti, yi)) = (s.first()?, s.last()?);
    if ti <= t0 {
        return None;
    }
    if crate::judge::meets(target, better, crate::judge::DEFAULT_TOLERANCE, yi) {
        return Some(Category::TargetAchieved);
    }
    let yt = target.value?;
    if target_time <= t0 || y0 <= Decimal::ZERO || yi <= Decimal::ZERO || yt <= Decimal::ZERO {
        return None;
    }
    let cagr = |from: Decimal, to: Decimal, years: Decimal| -> Option<Decimal> {
        let exp = Decimal::ONE.checked_div(years)?;
        to.checked_div(from)?
            .checked_powd(exp)
            .map(|g| g - Decimal::ONE)
    };
    let observed = cagr(y0, yi, ti - t0)?;
    let required = cagr(y0, yt, target_time - t0)?;
    if required.is_zero() {
        return None;
    }
    let d = if better == Better::Lower {
        -Decimal::ONE
    } else {
        Decimal::ONE
    };
    let ratio = (d * observed).checked_div(required.abs())?;
    Some(if ratio >= Decimal::new(95, 2) {
        Category::SubstantialProgress
    } else if ratio >= Decimal::new(60, 2) {
        Category::ModerateProgress
    } else if ratio >= Decimal::ZERO {
        Category::LimitedProgress
    } else {
        Category::Deterioration
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn periods_in_time() {
        assert_eq!(time(&Period::year(2024)), dec!(2024));
        assert_eq!(time(&Period::quarter(2024, 2)), dec!(2023.5));
        assert_eq!(time(&Period::month(2024, 3)), dec!(2023.25));
    }

    #[test]
    fn folders_list_reports_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            "2024-06.csv",
            "2024-03.csv",
            "~$lock.xlsx",
            "notes.txt",
            "qyx.toml",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let (files, problems) = expand(&[dir.path().to_path_buf()]);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, ["2024-03.csv", "2024-06.csv"]);
        assert!(problems.is_empty());
        let empty = tempfile::tempdir().unwrap();
        let (_, problems) = expand(&[empty.path().to_path_buf()]);
        assert!(problems[0].message.contains("no actuals"));
    }
}
