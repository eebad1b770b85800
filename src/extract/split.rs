//! Tables that split figures among other jurisdictions: one row per 乡镇/街道 (a county's plan) or
//! per county (`各县（市、区）主要指标分解表` under a city's plan), or one column per unit.
//!
//! Why it exists: a plan file holds one jurisdiction's targets. A split table's figures are its
//! units' — 柯城区's 4.8, 衢江区's 4.4 — and drafting them as this plan's rows would give the plan
//! six 2025 targets for one indicator, or one with the others lost. The draft leaves them out and
//! says so, naming the table, its units and what it splits, for a person to encode in the units'
//! own plans (or to leave out on purpose).

use super::scan::{is_cjk, without_spaces};

/// A table whose rows (or columns) are other jurisdictions: its title as printed (the line above
/// its header), the 1-based lines it spans (its header's too, where a column is a unit), its units as
/// printed (`柯城区`, `城关镇`), what it splits (the header's other cells, the names in an `指标`
/// column, or the rows' names where a column is a unit), and a row totalling the units (`合计`,
/// `全县`: the plan's own figure).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Split {
    pub title: Option<String>,
    pub lines: std::ops::RangeInclusive<usize>,
    pub units: Vec<String>,
    pub figures: Vec<String>,
    pub total: Option<String>,
}

/// Names ending as a place does that are not one: kinds of area (`未来社区`, `示范区`), and the
/// whole-word ones (`城区` is the urban area, but 柯城区 and 鹿城区 are districts).
const NOT_PLACES: [&str; 25] = [
    "社区",
    "园区",
    "小区",
    "景区",
    "片区",
    "校区",
    "辖区",
    "服务区",
    "示范区",
    "先行区",
    "试验区",
    "保护区",
    "功能区",
    "集聚区",
    "合作区",
    "城市",
    "都市",
    "超市",
    "城乡",
    "全市",
    "全县",
    "全区",
    "县域",
    "市域",
    "区域",
];
const NOT_PLACE_WORDS: [&str; 7] = [
    "城区",
    "主城区",
    "老城区",
    "中心城区",
    "市区",
    "本级",
    "市本级",
];

/// A row that adds up the units.
const TOTALS: [&str; 9] = [
    "合计",
    "总计",
    "小计",
    "全市",
    "全县",
    "全区",
    "全市合计",
    "全县合计",
    "全区合计",
];

/// Whether a cell names a town, a street office or a county: a short name ending in 乡, 镇, 街道,
/// 区, 县, 市 or 旗 that is not a kind of area (`社区`, `示范区`, `城市`).
fn place(cell: &str) -> bool {
    let t = without_spaces(cell);
    let n = t.chars().count();
    (2..=12).contains(&n)
        && t.chars().all(|c| is_cjk(c) || "（）()·".contains(c))
        && !NOT_PLACES.iter().any(|s| t.ends_with(s))
        && !NOT_PLACE_WORDS.contains(&t.as_str())
        && ["乡", "镇", "街道", "区", "县", "市", "旗"]
            .iter()
            .any(|s| t.ends_with(s))
}

fn total(cell: &str) -> bool {
    TOTALS.contains(&without_spaces(cell).as_str())
}

fn figure(cell: &str) -> bool {
    let t = without_spaces(cell);
    t.chars().count() <= 12 && t.chars().any(|c| c.is_ascii_digit())
}

/// A line's cells: between `|` (or `｜`), else between tabs, else between runs of two or more
/// spaces. Empty cells and rule rows (`|---|`) give none.
fn cells(line: &str) -> Vec<String> {
    let parts: Vec<&str> = if line.contains(['|', '｜']) {
        line.split(['|', '｜']).collect()
    } else if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split("  ").collect()
    };
    parts
        .into_iter()
        .map(|c| c.trim_matches(|c: char| c.is_whitespace()).to_string())
        .filter(|c| !c.is_empty() && !c.chars().all(|c| matches!(c, '-' | ':' | '—' | '=')))
        .collect()
}

/// The unit a row is about: its first cell that is not a 序号.
fn row_unit(cells: &[String]) -> Option<&String> {
    cells
        .iter()
        .find(|c| !c.chars().all(|c| c.is_ascii_digit()))
}

/// Every split table of the document (already cleaned of web-page debris).
pub(crate) fn splits(text: &str) -> Vec<Split> {
    let lines: Vec<Vec<String>> = text.lines().map(cells).collect();
    let raw: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some((split, next)) =
            by_rows(&lines, &raw, i).or_else(|| by_columns(&lines, &raw, i))
        {
            out.push(split);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// The title above a header at `h`: the nearest non-empty line before it, when it is one short
/// cell (`各县（市、区）主要指标分解表`).
fn title_above(lines: &[Vec<String>], h: usize) -> Option<String> {
    let t = (0..h).rev().find(|k| !lines[*k].is_empty())?;
    (lines[t].len() == 1 && lines[t][0].chars().count() <= 40).then(|| lines[t][0].clone())
}

/// Rows by unit from `at`: two or more rows whose unit is a place and which print figures.
fn by_rows(lines: &[Vec<String>], raw: &[&str], at: usize) -> Option<(Split, usize)> {
    let is_row = |k: usize| {
        let c = &lines[k];
        c.len() >= 2
            && row_unit(c).is_some_and(|u| place(u) || total(u))
            && c.iter().skip(1).any(|x| figure(x))
    };
    if !is_row(at) {
        return None;
    }
    let mut rows = Vec::new();
    let mut k = at;
    while k < lines.len() {
        if raw[k].trim().is_empty() {
            k += 1;
            continue;
        }
        if !is_row(k) {
            break;
        }
        rows.push(k);
        k += 1;
    }
    let units: Vec<String> = rows
        .iter()
        .filter_map(|r| row_unit(&lines[*r]))
        .filter(|u| place(u))
        .cloned()
        .collect();
    if units.len() < 2 {
        return None;
    }
    // The header: the nearest line above with cells (a rule row `|---|` has none).
    let header = (0..at).rev().find(|h| !lines[*h].is_empty());
    // What is split: the header's cells after the unit's, a column of indicator names (`指标`)
    // given by the names its rows print.
    let mut figures: Vec<String> = Vec::new();
    if let Some(h) = header.filter(|h| lines[*h].len() >= 2) {
        let head = &lines[h];
        let from = head
            .iter()
            .position(|c| c.contains(['县', '乡', '镇', '街', '区', '市', '单', '地']))
            .map_or(0, |p| p + 1);
        for (k, cell) in head.iter().enumerate().skip(from) {
            if !cell.contains("指标") && !cell.contains("名称") {
                figures.push(cell.clone());
                continue;
            }
            for r in &rows {
                let name = lines[*r].get(k).filter(|_| lines[*r].len() == head.len());
                if let Some(n) = name.filter(|n| !figures.contains(n)) {
                    figures.push(n.clone());
                }
            }
        }
    }
    let total = rows
        .iter()
        .filter_map(|r| row_unit(&lines[*r]))
        .find(|u| total(u))
        .cloned();
    let split = Split {
        title: header.and_then(|h| title_above(lines, h)),
        units,
        figures,
        total,
        lines: at + 1..=k,
    };
    Some((split, k))
}

/// A column per unit: a header at `at` with two or more places after its first cell, and the
/// rows under it that print figures.
fn by_columns(lines: &[Vec<String>], raw: &[&str], at: usize) -> Option<(Split, usize)> {
    let head = &lines[at];
    let units: Vec<String> = head.iter().skip(1).filter(|c| place(c)).cloned().collect();
    if units.len() < 2 {
        return None;
    }
    let mut rows = Vec::new();
    let mut k = at + 1;
    while k < lines.len() {
        let c = &lines[k];
        if raw[k].trim().is_empty() {
            k += 1;
            continue;
        }
        if c.len() < 2 || !c.iter().skip(1).any(|x| figure(x)) {
            break;
        }
        rows.push(k);
        k += 1;
    }
    if rows.is_empty() {
        return None;
    }
    let figures = rows
        .iter()
        .filter_map(|r| row_unit(&lines[*r]))
        .cloned()
        .collect();
    let total = head.iter().skip(1).find(|c| total(c)).cloned();
    let split = Split {
        title: title_above(lines, at),
        units,
        figures,
        total,
        lines: at + 1..=k,
    };
    Some((split, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_by_unit_in_rows_or_columns() {
        // A city's annex, rows by county with a bar table's rule row.
        let doc = "附件2\n各县（市、区）主要指标分解表\n| 县（市、区） | 托位数2025年（个） | 普惠托位占比2027年（%） |\n|---|---|---|\n| 柯城区 | 4.8 | 72 |\n| 衢江区 | 4.4 | 70 |\n| 龙游县 | 4.5 | 70 |\n| 合计 | 4.6 | 70 |\n三、保障措施\n";
        let s = splits(doc);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(
            s[0].title.as_deref(),
            Some("各县（市、区）主要指标分解表"),
            "{s:?}"
        );
        assert_eq!(s[0].units, ["柯城区", "衢江区", "龙游县"]);
        assert_eq!(
            s[0].figures,
            ["托位数2025年（个）", "普惠托位占比2027年（%）"]
        );
        assert_eq!(s[0].total.as_deref(), Some("合计"));
        assert_eq!(s[0].lines, 5..=8);
        // A county's towns, tab-separated with a 序号; and a column per town.
        let doc = "序号\t乡镇（街道）\t新增托位（个）\n1\t城关镇\t120\n2\t东城街道\t80\n";
        assert_eq!(splits(doc)[0].units, ["城关镇", "东城街道"]);
        let doc = "| 指标 | 城关镇 | 东城街道 | 全县 |\n| 新增托位（个） | 120 | 80 | 200 |\n";
        let s = splits(doc);
        assert_eq!(
            (s[0].units.clone(), s[0].figures.clone(), s[0].total.clone()),
            (
                vec!["城关镇".to_string(), "东城街道".to_string()],
                vec!["新增托位（个）".to_string()],
                Some("全县".to_string())
            )
        );
        // Not a split: an indicator table, areas that are no places, one place alone.
        for doc in [
            "| 序号 | 指标 | 2022年 | 2027年 |\n| 1 | 普惠托位占比(%) | 55 | 70 |\n| 2 | 城乡社区 | 3 | 5 |\n",
            "| 未来社区 | 12 |\n| 示范区 | 3 |\n| 城市 | 5 |\n| 主城区 | 5 |\n",
            "| 柯城区 | 4.8 |\n全市托位数达到5个。\n",
        ] {
            assert_eq!(splits(doc), [], "{doc}");
        }
    }
}
