//! The workbooks users open: `compare`, `rank` and `check` written with `-o FILE.xlsx`, read back
//! with calamine as Excel would show them — the cells people read (printed names, baselines,
//! targets, the 催报 list), not only that a file was written.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::qyx;
use std::path::Path;

/// A sheet as the text of its cells, row by row (numbers as Rust prints them: 60, 83.05).
fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("a workbook");
    let range = wb.worksheet_range(name).expect("the sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) => f.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn sheet_names(path: &Path) -> Vec<String> {
    let wb: Xlsx<_> = open_workbook(path).expect("a workbook");
    wb.sheet_names()
}

/// The row whose cell under `header` is `value`, as (header → cell) lookups.
fn row<'s>(rows: &'s [Vec<String>], header: &str, value: &str) -> impl Fn(&str) -> &'s str {
    let head: &'s [String] = &rows[0];
    let col = move |h: &str| {
        head.iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("no column {h} in {head:?}"))
    };
    let r = rows
        .iter()
        .find(|r| r.get(col(header)).is_some_and(|c| c == value))
        .unwrap_or_else(|| panic!("no row with {header} = {value}"));
    move |h: &str| r[col(h)].as_str()
}

#[test]
fn the_compare_workbook_holds_each_plans_printed_name_baseline_and_target() {
    let dir = tempfile::tempdir().unwrap();
    let out = qyx(&["compare", "zhuji", "ruian", "-o", "c.xlsx"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let path = dir.path().join("c.xlsx");
    assert_eq!(sheet_names(&path), ["对比", "部分方案有"]);
    let rows = sheet(&path, "对比");
    let r = row(&rows, "诸暨市 原文名称", "普惠托位占比");
    assert_eq!(r("领域"), "幼有善育");
    assert_eq!(r("单位"), "%");
    assert_eq!(r("诸暨市 基础值"), "60");
    assert_eq!(r("诸暨市 目标"), "≥72");
    assert_eq!(r("诸暨市 2027"), "72");
    assert_eq!(r("诸暨市 标记"), "★");
    assert_eq!(r("瑞安市 原文名称"), "普惠托位占比");
    assert_eq!(r("瑞安市 目标"), "≥70");
    assert_eq!(r("瑞安市 2027"), "70");
    // Each plan's own printed name, where they differ.
    let r = row(&rows, "诸暨市 原文名称", "每千儿童儿科执业(助理)医生数");
    assert_eq!(r("瑞安市 原文名称"), "每千名儿童儿科执业(助理)医生数");
    assert_eq!(r("诸暨市 目标"), "≥1.17");
    assert_eq!(r("瑞安市 目标"), "≥1.15");
}

#[test]
fn the_rank_workbook_holds_places_targets_and_baselines() {
    let dir = tempfile::tempdir().unwrap();
    let out = qyx(&["rank", "人均预期寿命", "-o", "r.xlsx"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let rows = sheet(&dir.path().join("r.xlsx"), "排名");
    let first = row(&rows, "名次", "1");
    assert_eq!(first("指标"), "人均预期寿命");
    assert_eq!(first("单位"), "岁");
    assert_eq!(first("地区"), "诸暨市");
    assert_eq!(first("目标值"), "83.05");
    assert_eq!(first("年份"), "2027");
    assert_eq!(first("基础值"), "82.12");
    assert_eq!(first("基础值年份"), "2022");
    let second = row(&rows, "名次", "2");
    assert_eq!(second("地区"), "瑞安市");
    assert_eq!(second("目标值"), "81.95");
    assert_eq!(second("基础值"), "");
}

#[test]
fn the_check_workbook_lists_what_a_clerk_must_chase_without_all() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.csv"),
        "地区,指标,年份,数值\n嵊泗县,托位使用率,2024,暂无\n嵊泗县,城镇调查失业率,2024,4.8\n嵊泗县,最低生活保障标准金额,2024,\n",
    )
    .unwrap();
    let out = qyx(&["check", "a.csv", "-o", "r.xlsx"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let path = dir.path().join("r.xlsx");
    assert_eq!(sheet_names(&path), ["汇总", "明细", "催报"]);
    let rows = sheet(&path, "催报");
    // The rows the sheet left empty are on the list, with their department…
    assert_eq!(row(&rows, "指标", "托位使用率")("牵头单位"), "县卫健局");
    assert_eq!(
        row(&rows, "指标", "最低生活保障标准金额")("牵头单位"),
        "县民政局"
    );
    // …and so is every other indicator due and not reported; the reported one is not.
    assert!(rows.iter().all(|r| r[2] != "城镇调查失业率"));
    assert!(rows.iter().any(|r| r[2] == "儿童友好医院"));
    let last = rows.iter().rev().find(|r| !r[0].is_empty()).unwrap();
    assert!(
        last[0].starts_with("2024: ") && last[0].ends_with("项应报未报"),
        "{last:?}"
    );

    // `--missing -o` writes the same list, alone.
    let out = qyx(&["check", "a.csv", "--missing", "-o", "m.xlsx"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let path = dir.path().join("m.xlsx");
    assert_eq!(sheet_names(&path), ["催报"]);
    assert_eq!(sheet(&path, "催报"), rows);
}
