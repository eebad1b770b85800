//! A table cell that dates its own figures: `2025年：4.5；2027年：5.5` under a `目标值` column
//! with no year, `2025年、2027年均≥98` (one figure, two years), `2025年达到4.0，2027年达到4.3`,
//! `2027年：≥35` (one year), and a baseline dated in brackets after it (`3.8（2021年）` under
//! `现状值（2022年）`).
//!
//! Why it exists: a cell is otherwise one figure of its column's year, so `2025年：4.5；…` was
//! read as the figure 2025 of the plan's end year; a year written in the cell is the figure's.
//!
//! Bounded: one pass over the cell's characters.

/// The years a cell names and the words of the figure each year takes; None where the cell does
/// not date its figures (no year at its head or after its figure, or a year that is a reference:
/// `较2022年提高5个百分点`, `2023年起累计`).
pub(crate) fn dated_parts(cell: &str) -> Option<Vec<(i32, String)>> {
    let t: Vec<char> = cell.trim().chars().collect();
    if let Some(dated) = bracketed_year(&t) {
        return Some(dated);
    }
    // Each year mention: where it starts, its year, and where its words end.
    let mut mentions: Vec<(usize, i32, usize)> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if let Some((y, len)) = year_at(&t, i)
            && (i == 0 || at_head(&t, i) || mentions.is_empty() && opening(&t[..i]))
        {
            mentions.push((i, y, i + len));
            i += len;
            continue;
        }
        i += 1;
    }
    let first = mentions.first()?;
    if !opening(&t[..first.0]) {
        return None;
    }
    let mut out = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    for (k, &(_, y, end)) in mentions.iter().enumerate() {
        years.push(y);
        let until = mentions.get(k + 1).map_or(t.len(), |m| m.0);
        let words: String = t[end..until].iter().collect();
        let words = words
            .trim_matches(|c: char| {
                c.is_whitespace() || SEPARATORS.contains(&c) || c == '：' || c == ':'
            })
            .trim_end_matches(['到', '至'])
            .trim_end();
        // `2025年、2027年均≥98`: the years before a shared figure are listed with nothing between.
        if words.is_empty() || ["和", "及", "与"].contains(&words) {
            continue;
        }
        let shared = words.trim_start_matches(['均', '都']);
        let shared = shared.strip_prefix('为').unwrap_or(shared);
        if let Some(rest) = shared.strip_prefix("分别")
            && years.len() > 1
        {
            let figures: Vec<&str> = rest
                .trim_start_matches(['为', '是'])
                .split(['、', '和', '，'])
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .collect();
            if figures.len() != years.len() {
                return None;
            }
            out.extend(years.drain(..).zip(figures.iter().map(|f| f.to_string())));
            continue;
        }
        // A word after the year that is no figure (`2023年起累计`, `2025年前完成`) dates nothing.
        if shared.starts_with(['起', '前', '以', '后']) {
            return None;
        }
        out.extend(years.drain(..).map(|y| (y, shared.to_string())));
    }
    (!out.is_empty() && years.is_empty()).then_some(out)
}

/// What stands between one year's figure and the next year.
const SEPARATORS: [char; 8] = ['；', ';', '，', ',', '。', '、', '/', '／'];

/// A year at `i` (`2025年`, `2025年底`, `2025年末`): the year and its length. Four digits of
/// 1990–2099 not inside a longer number.
fn year_at(t: &[char], i: usize) -> Option<(i32, usize)> {
    if i > 0 && (t[i - 1].is_ascii_digit() || t[i - 1] == '.') {
        return None;
    }
    let digits: String = t.get(i..i + 4)?.iter().collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || t.get(i + 4) != Some(&'年') {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    if !(1990..=2099).contains(&y) {
        return None;
    }
    let len = if matches!(t.get(i + 5), Some('底' | '末')) {
        6
    } else {
        5
    };
    Some((y, len))
}

/// Whether the year at `i` starts a part of the cell: after a separator or white space (with 到
/// or 至 before it, if any), or joined to the year before it by 和, 及 or 与.
fn at_head(t: &[char], i: usize) -> bool {
    // `2025年和2027年`: years joined by a word.
    if matches!(t[i - 1], '和' | '及' | '与') && i >= 2 && t[i - 2] == '年' {
        return true;
    }
    let i = if matches!(t[i - 1], '到' | '至') {
        i - 1
    } else {
        i
    };
    let before = t[..i].iter().rev().find(|c| !c.is_whitespace());
    i == 0 || before.is_none_or(|c| SEPARATORS.contains(c)) || t[i - 1].is_whitespace()
}

/// Words that may open a cell before its first year (`到2025年4.5`): none, or 到 / 至.
fn opening(before: &[char]) -> bool {
    let w: String = before.iter().filter(|c| !c.is_whitespace()).collect();
    w.is_empty() || w == "到" || w == "至"
}

/// `3.8（2021年）`, `3.8(2021年)`: a figure and the year in brackets after it.
fn bracketed_year(t: &[char]) -> Option<Vec<(i32, String)>> {
    let open = t.iter().rposition(|c| *c == '（' || *c == '(')?;
    if !matches!(t.last(), Some('）' | ')')) || open == 0 {
        return None;
    }
    let inner = &t[open + 1..t.len() - 1];
    let (y, len) = year_at(inner, 0)?;
    if len != inner.len() {
        return None;
    }
    let figure: String = t[..open].iter().collect();
    let figure = figure.trim();
    figure
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_digit() || c == '%')
        .then(|| vec![(y, figure.to_string())])
}

#[cfg(test)]
mod tests {
    use super::dated_parts;

    #[test]
    fn cells_that_date_their_figures() {
        let d = |years: &[(i32, &str)]| {
            Some(
                years
                    .iter()
                    .map(|(y, f)| (*y, f.to_string()))
                    .collect::<Vec<_>>(),
            )
        };
        type Dated = Option<Vec<(i32, String)>>;
        let table: &[(&str, Dated)] = &[
            (
                "2024年：4.2；2025年：4.5；2027年：5.5",
                d(&[(2024, "4.2"), (2025, "4.5"), (2027, "5.5")]),
            ),
            (
                "2025年：≥65；2027年：≥70",
                d(&[(2025, "≥65"), (2027, "≥70")]),
            ),
            ("2025年3.6，2027年6", d(&[(2025, "3.6"), (2027, "6")])),
            (
                "2025年达到4.0，2027年达到4.3",
                d(&[(2025, "达到4.0"), (2027, "达到4.3")]),
            ),
            ("2025年、2027年均≥98", d(&[(2025, "≥98"), (2027, "≥98")])),
            ("2025年和2027年均为85%", d(&[(2025, "85%"), (2027, "85%")])),
            (
                "2025年、2027年分别为60、75",
                d(&[(2025, "60"), (2027, "75")]),
            ),
            (
                "2025年:85,000;2027年:95,000",
                d(&[(2025, "85,000"), (2027, "95,000")]),
            ),
            ("2027年：≥35", d(&[(2027, "≥35")])),
            (
                "到2025年4.5 到2027年5.5",
                d(&[(2025, "4.5"), (2027, "5.5")]),
            ),
            ("2025年底≥90", d(&[(2025, "≥90")])),
            ("3.8（2021年）", d(&[(2021, "3.8")])),
            ("58%(2021年)", d(&[(2021, "58%")])),
            // Not dated: a reference year, a year that starts a span, a figure alone, words.
            ("较2022年提高5个百分点", None),
            ("2023年起累计", None),
            ("2025年前完成", None),
            ("4.5", None),
            ("≥98", None),
            ("/", None),
            ("12025年", None),
            ("2025年、2027年分别为60", None),
            ("建成（2025年）", None),
            ("2025年", None),
        ];
        for (cell, want) in table {
            assert_eq!(&dated_parts(cell), want, "{cell}");
        }
    }

    /// A pipe table whose 目标值 column has no year: each figure of a dated cell is its year's,
    /// quoted by its row; a cell of one figure stays the plan's end year's; a reference year
    /// (`较2022年提高5个百分点`) dates nothing: the change is the end year's.
    #[test]
    fn a_table_whose_cells_date_their_figures() {
        use crate::extract::{Kind, extract};
        let doc = "| 序号 | 指标名称 | 单位 | 现状值（2022年） | 目标值 | 牵头单位 |\n|---|---|---|---|---|---|\n\
| 1 | 每千人口拥有3岁以下婴幼儿托位数 | 个 | 3.6 | 2024年：4.2；2025年：4.5；2027年：5.5 | 区卫健局 |\n\
| 2 | 学前教育普及普惠率 | % | 97.2 | 2025年、2027年均≥98 | 区教育局 |\n\
| 3 | 每千人口执业（助理）医师数 | 人 | 3.8（2021年） | 2025年达到4.0，2027年达到4.3 | 区卫健局 |\n\
| 4 | 居民人均可支配收入 | 元 | 72,300 | 2025年:85,000;2027年:95,000 | 区统计局 |\n\
| 5 | 高中段毛入学率 | % | 98.9 | 98.5 | 区教育局 |\n\
| 6 | 普惠托位占比 | % | 55 | 较2022年提高5个百分点 | 区卫健局 |\n";
        let ex = extract(doc, Some(2027));
        let got: Vec<(Kind, i32, String, bool)> = ex
            .candidates
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.year.unwrap_or_default(),
                    c.value
                        .map(|v| v.normalize().to_string())
                        .unwrap_or_default(),
                    c.quote.is_some(),
                )
            })
            .collect();
        use Kind::*;
        let want = [
            (Baseline, 2022, "3.6", false),
            (Target, 2024, "4.2", true),
            (Target, 2025, "4.5", true),
            (Target, 2027, "5.5", true),
            (Baseline, 2022, "97.2", false),
            (Target, 2025, "98", true),
            (Target, 2027, "98", true),
            (Baseline, 2021, "3.8", true),
            (Target, 2025, "4", true),
            (Target, 2027, "4.3", true),
            (Baseline, 2022, "72300", false),
            (Target, 2025, "85000", true),
            (Target, 2027, "95000", true),
            (Baseline, 2022, "98.9", false),
            (Target, 2027, "98.5", false),
            (Baseline, 2022, "55", false),
            // A change committed to is the end year's figure (the draft asks for its level).
            (Target, 2027, "5", false),
        ];
        let want: Vec<(Kind, i32, String, bool)> = want
            .iter()
            .map(|(k, y, v, q)| (*k, *y, v.to_string(), *q))
            .collect();
        assert_eq!(got, want);
        let quoted = &ex.candidates[1];
        assert_eq!(quoted.text.as_deref(), Some("4.2"));
        assert!(
            quoted
                .quote
                .as_deref()
                .is_some_and(|q| q.contains("2024年：4.2；"))
        );
    }
}
