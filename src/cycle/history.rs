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
/// `2024-03.csv` comes before `2024-06.csv`, and a later file revises an earlier one) as
/// [`history_key`] orders names.
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
            found.sort_by_cached_key(|f| history_key(f));
            files.extend(found);
        } else {
            files.push(p.clone());
        }
    }
    // The same file named twice (`ok.csv ./ok.csv`, a folder and a file in it) is read once:
    // read twice, each of its rows would be its own duplicate.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| {
        let key = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        let first = f == Path::new("-") || seen.insert(key);
        if !first {
            problems.push(Diagnostic::warning(
                &f.display().to_string(),
                0,
                0,
                crate::tr!(
                    "此文件已给出过（同一文件给了两次）: 只读取一次",
                    "given twice (the same file as before): read once"
                ),
            ));
        }
        first
    });
    (files, problems)
}

/// Words that name a file as the revision of another (`10月(修订).xlsx`, `10月_更正.csv`,
/// `10月最终版.xlsx`).
const REVISED: &[&str] = &[
    "修订",
    "更正",
    "修正",
    "修改",
    "更新",
    "调整后",
    "最终",
    "终稿",
    "定稿",
    "正式",
    "补报",
    "重报",
    "final",
];

/// Words that name a file as a first count, which a later one replaces (`10月快报.xlsx`).
const PRELIMINARY: &[&str] = &["快报", "预计", "预估", "初步", "初报", "草稿"];

/// Where a file of a folder stands in its history: by name, numbers by their value (`2月`
/// before `10月`, as plain name order put `10月` first); of files for the same name, a first
/// count (`10月快报`) first and a file whose name says it revises another (`10月(修订)`,
/// `10月正式数`) last — by name alone the revision came before the file it revises (`(` sorts
/// before `.`), and the unrevised value was the one kept.
fn history_key(p: &Path) -> (Vec<(u8, u64, String)>, u8, String) {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let stem = p.file_stem().and_then(|n| n.to_str()).unwrap_or(name);
    let lower = stem.to_lowercase();
    let rank = if REVISED.iter().any(|w| lower.contains(w)) {
        2
    } else if PRELIMINARY.iter().any(|w| lower.contains(w)) {
        0
    } else {
        1
    };
    let mut base = lower;
    for w in REVISED.iter().chain(PRELIMINARY) {
        base = base.replace(w, "");
    }
    let base: String = base
        .chars()
        .filter(|c| !"()（）[]【】_- 　版数".contains(*c))
        .collect();
    // Runs of digits by value, the rest as text.
    let mut parts = Vec::new();
    let mut chars = base.chars().peekable();
    while let Some(&c) = chars.peek() {
        let digit = c.is_ascii_digit();
        let mut run = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_digit() != digit {
                break;
            }
            run.push(c);
            chars.next();
        }
        parts.push(match digit {
            true => (0, run.parse().unwrap_or(u64::MAX), run),
            false => (1, 0, run),
        });
    }
    (parts, rank, name.to_string())
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
        Some("csv" | "tsv" | "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "et")
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
        let growth = to.checked_div(from)?;
        let root = match whole_years(years) {
            Some(n) => nth_root(growth, n),
            None => growth.checked_powd(Decimal::ONE.checked_div(years)?),
        };
        root.map(|g| g - Decimal::ONE)
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

/// A span of whole years (1 to 100), the usual case: reports of full years.
fn whole_years(years: Decimal) -> Option<u32> {
    use rust_decimal::prelude::ToPrimitive;
    if !years.fract().is_zero() {
        return None;
    }
    years.to_u32().filter(|n| (1..=100).contains(n))
}

/// The positive `n`th root of `x > 0` by Newton's method in decimal arithmetic: exact where the
/// root is a decimal (`1.331`'s cube root is `1.1`), and several times cheaper than the general
/// power through a logarithm (`checked_powd`), which every series with two or more years pays
/// at province scale. `None` where a step overflows.
fn nth_root(x: Decimal, n: u32) -> Option<Decimal> {
    if x <= Decimal::ZERO {
        return None;
    }
    if n == 1 {
        return Some(x);
    }
    let nd = Decimal::from(n);
    // Bernoulli's inequality puts 1 + (x - 1)/n at or above the root, and from above Newton's
    // steps only fall towards it, so the first step that does not fall ends the search.
    let mut r = Decimal::ONE.checked_add(x.checked_sub(Decimal::ONE)?.checked_div(nd)?)?;
    for _ in 0..200 {
        let mut p = Decimal::ONE;
        for _ in 1..n {
            p = p.checked_mul(r)?;
        }
        if p.is_zero() {
            return None;
        }
        // r' = ((n - 1) r + x / r^(n-1)) / n
        let next = r
            .checked_mul(Decimal::from(n - 1))?
            .checked_add(x.checked_div(p)?)?
            .checked_div(nd)?;
        if next >= r {
            break;
        }
        r = next;
    }
    Some(r.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn whole_year_roots_are_exact_and_agree_with_the_general_power() {
        assert_eq!(nth_root(dec!(1.331), 3), Some(dec!(1.1)));
        assert_eq!(nth_root(dec!(1.21), 2), Some(dec!(1.1)));
        assert_eq!(nth_root(dec!(0.81), 2), Some(dec!(0.9)));
        assert_eq!(nth_root(dec!(7), 1), Some(dec!(7)));
        assert_eq!(nth_root(dec!(1), 5), Some(dec!(1)));
        assert_eq!(nth_root(dec!(0), 2), None);
        assert_eq!(nth_root(dec!(-4), 2), None);
        assert_eq!(whole_years(dec!(3.0)), Some(3));
        assert_eq!(whole_years(dec!(2.5)), None);
        assert_eq!(whole_years(dec!(0)), None);
        // Growth ratios from a hundredth to a hundred over 2–10 years: within 1e-12 of the
        // power through a logarithm, which categories were computed with before.
        let mut x = dec!(0.01);
        while x < dec!(100) {
            for n in 2..=10u32 {
                let fast = nth_root(x, n).unwrap();
                let slow = x.checked_powd(Decimal::ONE / Decimal::from(n)).unwrap();
                assert!(
                    (fast - slow).abs() < dec!(0.000000000001),
                    "{x}^(1/{n}): {fast} vs {slow}"
                );
            }
            x = x * dec!(1.37) + dec!(0.003);
        }
    }

    #[test]
    fn categories_at_the_thresholds_are_exact() {
        // 100 → 106 in a year against 110 due in a year: observed 6 %, required 10 %, a ratio
        // of exactly 0.6 (moderate, not limited); and 100 → 133.1 over three years against
        // 133.1 due in three: target achieved.
        let target = |v: Decimal, year: i32| Resolved {
            year,
            threshold: crate::threshold::Threshold::parse(&format!("≥{v}")).unwrap(),
            value: Some(v),
            high: None,
            unit_printed: None,
        };
        let s = [(dec!(2023), dec!(100)), (dec!(2024), dec!(106))];
        assert_eq!(
            category(&s, &target(dec!(110), 2025), dec!(2024), Better::Higher),
            Some(Category::ModerateProgress)
        );
        // Required (1.331)^(1/3) - 1 = 10 % a year exactly, observed 6 %: exactly 0.6 again,
        // which a root through a logarithm misses by a few units in the last digit.
        let s = [(dec!(2022), dec!(100)), (dec!(2023), dec!(106))];
        assert_eq!(
            category(&s, &target(dec!(133.1), 2025), dec!(2025), Better::Higher),
            Some(Category::ModerateProgress)
        );
    }

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

    #[test]
    fn a_folder_in_the_order_of_its_history() {
        for (names, want) in [
            // Months by their number.
            (
                vec!["10月.csv", "2月.csv", "1月.csv"],
                vec!["1月.csv", "2月.csv", "10月.csv"],
            ),
            // A revision after the file it revises, whatever its brackets.
            (
                vec!["10月(修订).csv", "10月.csv", "11月.csv"],
                vec!["10月.csv", "10月(修订).csv", "11月.csv"],
            ),
            (
                vec!["诸暨10月_更正.xlsx", "诸暨10月.xlsx"],
                vec!["诸暨10月.xlsx", "诸暨10月_更正.xlsx"],
            ),
            (
                vec!["2025-10 final.csv", "2025-10.csv", "2025-09.csv"],
                vec!["2025-09.csv", "2025-10.csv", "2025-10 final.csv"],
            ),
            // A first count before the figure that replaces it.
            (
                vec!["10月正式数.xlsx", "10月快报.xlsx", "10月.xlsx"],
                vec!["10月快报.xlsx", "10月.xlsx", "10月正式数.xlsx"],
            ),
            // Codes as before.
            (
                vec!["2024-06.csv", "2024-03.csv", "2023-12.csv"],
                vec!["2023-12.csv", "2024-03.csv", "2024-06.csv"],
            ),
        ] {
            let mut paths: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
            paths.sort_by_cached_key(|f| history_key(f));
            let got: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
            assert_eq!(got, want, "{names:?}");
        }
    }
}
