//! A correction the document makes to a table it printed earlier, naming the row by its number
//! (`以印发稿为准，第7项2025年目标值为3.6`, `更正：序号7的2025年目标值应为3.6`): the corrected
//! figure stands, the printed cell of that row and year does not.
//!
//! Why it exists: a work group's chat pastes the table and corrects a cell a few messages later;
//! an errata notice (勘误) corrects a published table. Both figures were read, the superseded one
//! as a target beside its correction. Only a statement with a correction's words (`更正`, `应为`,
//! `为准`, `改为`, `勘误`, `订正`, `纠正`) corrects; a question about a cell (`第7项2025年是3.6吧？`)
//! or a row cited in passing does not.
//!
//! Bounded: one pass over the candidates for each correction.

use super::{Candidate, Kind};

/// The words that make a statement a correction.
const CORRECTING: &[&str] = &[
    "更正",
    "应为",
    "应是",
    "为准",
    "改为",
    "更改为",
    "修改为",
    "勘误",
    "订正",
    "纠正",
];

/// The row number a correction names (`第7项`, `第7行`, `序号7`, `序号为7`), in `words`.
fn named_row(words: &str) -> Option<String> {
    let digits = |s: &str| -> Option<String> {
        let d: String = s.chars().take_while(char::is_ascii_digit).collect();
        (!d.is_empty() && d.len() <= 3).then_some(d)
    };
    for (at, _) in words.match_indices('第') {
        let rest = &words[at + '第'.len_utf8()..];
        if let Some(d) = digits(rest)
            && rest[d.len()..].starts_with(['项', '行', '条'])
        {
            return Some(d);
        }
    }
    let at = words.find("序号")?;
    let rest = words[at + "序号".len()..].trim_start_matches(['为', '是', ' ']);
    digits(rest)
}

/// A table row's number as printed (`7`, `*7`, `▲7`, `7.`), without its signs.
fn row_number(row: &str) -> String {
    row.chars().filter(char::is_ascii_digit).collect()
}

/// Drops the table figures a correction in the text supersedes, and names each correction by
/// the row it corrects (so that the draft puts it in that row). `lines` are the lines the
/// candidates' `line` counts (1-based): a correction's words may stand in its clause or
/// sentence, before the figure's own clause.
pub(super) fn corrected(out: &mut Vec<Candidate>, lines: &[&str]) {
    let mut dropped: Vec<usize> = Vec::new();
    for k in 0..out.len() {
        let c = &out[k];
        if c.cell.is_some() || c.kind != Kind::Target || c.value.is_none() {
            continue;
        }
        let Some(quote) = c.quote.as_deref() else {
            continue;
        };
        let Some(row) = named_row(quote) else {
            continue;
        };
        // The correction's words: in its clause, or earlier in its sentence on its line.
        let line = c.line.checked_sub(1).and_then(|l| lines.get(l)).copied();
        let before = line
            .and_then(|l| l.find(quote).map(|p| &l[..p + quote.len()]))
            .unwrap_or(quote);
        let sentence = before
            .rsplit(['。', '！', '!', '？', '?'])
            .next()
            .unwrap_or(before);
        if !CORRECTING.iter().any(|w| sentence.contains(w)) || sentence.ends_with('吧') {
            continue;
        }
        let (year, value) = (c.year, c.value);
        let superseded: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.cell.is_some()
                    && t.kind == Kind::Target
                    && t.year == year
                    && t.row.as_deref().is_some_and(|r| row_number(r) == row)
                    && t.value != value
            })
            .map(|(j, _)| j)
            .collect();
        let Some(&first) = superseded.first() else {
            continue;
        };
        let name = out[first].indicator.clone();
        let old = out[first].cell.clone().unwrap_or_default();
        let year = year.unwrap_or_default();
        out[k].indicator = name;
        out[k].doubts.push(crate::tr!(
            "更正表中第 {row} 项 {year} 年的数字（原印为 {old}）：请核对",
            "corrects row {row}'s figure for {year} in the table (printed as {old}): check it"
        ));
        dropped.extend(superseded);
    }
    dropped.sort_unstable();
    dropped.dedup();
    for j in dropped.into_iter().rev() {
        out.remove(j);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{extract, kind_year_value};

    /// A correction naming a row by its number supersedes that row's printed cell of its year.
    /// Near misses: a question about the cell, a statement with no correction's words, a row
    /// number no row has, another year's cell.
    #[test]
    fn a_correction_supersedes_the_cell_it_names() {
        let table = "某县公共服务“七优享”工程实施方案（2023—2027年）\n\
                     序号\t指标名称\t单位\t2022年基础值\t2025年目标值\t2027年目标值\n\
                     1\t每千人口拥有3岁以下婴幼儿托位数\t个\t3.5\t4.5\t5.2\n\
                     7\t每千人口执业（助理）医师数\t人\t3.2\t3.5\t3.8\n";
        let targets = |chat: &str| -> String {
            extract(&format!("{table}{chat}\n"), None)
                .candidates
                .iter()
                .filter(|c| c.indicator.contains("医师"))
                .map(kind_year_value)
                .collect::<Vec<_>>()
                .join("; ")
        };
        for (chat, want) in [
            (
                "对的，刚才贴的是第3稿，以印发稿为准，第7项2025年目标值为3.6，其他不变",
                "baseline 2022 3.2; target 2027 3.8; target 2025 3.6",
            ),
            (
                "更正：序号7的2025年目标值应为3.6人。",
                "baseline 2022 3.2; target 2027 3.8; target 2025 3.6",
            ),
            (
                "@王建平 第7项2025年是3.6吧？",
                "baseline 2022 3.2; target 2025 3.5; target 2027 3.8",
            ),
            (
                "第7项2025年目标值为3.6。",
                "baseline 2022 3.2; target 2025 3.5; target 2027 3.8",
            ),
            (
                "更正：第9项2025年目标值应为3.6。",
                "baseline 2022 3.2; target 2025 3.5; target 2027 3.8",
            ),
        ] {
            assert_eq!(targets(chat), want, "{chat}");
        }
    }
}
