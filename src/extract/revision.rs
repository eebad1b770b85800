//! A revision notice's table (关于调整…目标值的通知: `原目标值` beside `调整后` under each year), read
//! as the targets in force.
//!
//! Why it exists: a county that revises its plan publishes a 对照表 whose year titles each span
//! two columns, the original target and the revised one (`2025年目标值` over `原目标值` /
//! `调整后`), and a revised cell may say only `不变` (the original stands). Read as it prints, the
//! second header row names no year and the table is read with no year columns, or each year's
//! two cells as two targets, the superseded one among them. The plan in force has one target a
//! year: the revised figure, or the original where the revision leaves it unchanged. Here such a
//! table becomes that table (one column a year, titled as the span was), and its second header
//! row goes; a cell that is neither (`—`) stays as printed.
//!
//! Each line of the result is mapped to the line of the text it stands for. Bounded: one pass
//! over the lines; a table ends at the first line without its separator.

/// Titles of a column holding the superseded target.
const OLD: &[&str] = &[
    "原目标值",
    "原目标",
    "原值",
    "调整前",
    "调整前目标值",
    "修订前",
    "原定目标",
];

/// Titles of a column holding the target in force.
const NEW: &[&str] = &[
    "调整后",
    "调整后目标值",
    "调整后目标",
    "修订后",
    "修改后",
    "新目标值",
    "调整值",
];

/// A revised cell that keeps the original.
const UNCHANGED: &[&str] = &[
    "不变",
    "保持不变",
    "未调整",
    "不调整",
    "同原目标",
    "维持不变",
    "沿用",
];

/// The text with each revision table read as its targets in force, and for each line the line of
/// `text` it stands for (1-based); None when it has none.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    if !NEW.iter().any(|n| text.contains(n)) {
        return None;
    }
    let source: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(source.len());
    let mut lines: Vec<usize> = Vec::with_capacity(source.len());
    let mut changed = false;
    let mut i = 0;
    while i < source.len() {
        if let Some(pairs) = source.get(i + 1).and_then(|s| pairs(source[i], s)) {
            let mut j = i + 2;
            out.push(merged(source[i], &pairs, |old, _| old.to_string()));
            lines.push(i + 1);
            while j < source.len() && source[j].contains('\t') {
                out.push(merged(source[j], &pairs, in_force));
                lines.push(j + 1);
                j += 1;
            }
            changed = true;
            i = j;
            continue;
        }
        out.push(source[i].to_string());
        lines.push(i + 1);
        i += 1;
    }
    changed.then(|| (out.join("\n"), lines))
}

fn cells(line: &str) -> Vec<&str> {
    line.trim_end_matches('\r')
        .split('\t')
        .map(str::trim)
        .collect()
}

/// The (original, revised) column pairs a header's second row (`原目标值\t调整后\t…`) gives under
/// its first; None when the second row is no such row.
fn pairs(first: &str, second: &str) -> Option<Vec<(usize, usize)>> {
    if !first.contains('\t') {
        return None;
    }
    let up = cells(first);
    let down = cells(second);
    let labels: Vec<(usize, &str)> = down
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(k, c)| (k, *c))
        .collect();
    if labels.len() < 2 || !labels.len().is_multiple_of(2) {
        return None;
    }
    // Where a copy kept the tabs of the cells merged down from the first row, each label stands
    // under its column; where it dropped them, the labels fill the columns a title spans (a
    // titled cell and the empty ones after it), in order.
    let at: Vec<usize> = if down.len() == up.len() && down.first().is_some_and(|c| c.is_empty()) {
        labels.iter().map(|(k, _)| *k).collect()
    } else {
        let mut slots = Vec::new();
        let mut k = 0;
        while k < up.len() {
            let mut end = k + 1;
            while end < up.len() && up[end].is_empty() {
                end += 1;
            }
            if !up[k].is_empty() && end - k >= 2 {
                slots.extend(k..end);
            }
            k = end;
        }
        slots
    };
    if at.len() != labels.len() {
        return None;
    }
    let mut out = Vec::new();
    for (pair, cols) in labels.chunks(2).zip(at.chunks(2)) {
        if !(OLD.contains(&pair[0].1) && NEW.contains(&pair[1].1)) {
            return None;
        }
        out.push((cols[0], cols[1]));
    }
    Some(out)
}

/// A revised cell, or the original where the revision keeps it (`不变`, or nothing).
fn in_force(old: &str, new: &str) -> String {
    if new.is_empty() || UNCHANGED.contains(&new) {
        old.to_string()
    } else {
        new.to_string()
    }
}

/// A row with each pair of cells as one, the first's place keeping `pick(first, second)`.
fn merged(line: &str, pairs: &[(usize, usize)], pick: fn(&str, &str) -> String) -> String {
    let c = cells(line);
    let get = |k: usize| c.get(k).copied().unwrap_or("");
    let mut out: Vec<String> = Vec::with_capacity(c.len());
    for (k, cell) in c.iter().enumerate() {
        if pairs.iter().any(|&(_, new)| new == k) {
            continue;
        }
        match pairs.iter().find(|&&(old, _)| old == k) {
            Some(&(old, new)) => out.push(pick(get(old), get(new))),
            None => out.push(cell.to_string()),
        }
    }
    out.join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        plain_lines(text).map(|(t, _)| t)
    }

    #[test]
    fn a_revision_table_is_its_targets_in_force() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "a copy that dropped the tabs under merged cells; 不变 keeps the original, — stays",
                "序号\t指标名称\t单位\t2022年基础值\t2025年目标值\t\t2027年目标值\t\t调整说明\n原目标值\t调整后\t原目标值\t调整后\n1\t托位数\t个\t3.9\t4.5\t4.8\t5.0\t不变\t提高\n2\t全科医生数\t人\t3.9\t—\t4.5\t—\t5\t新增\n注：完",
                Some(
                    "序号\t指标名称\t单位\t2022年基础值\t2025年目标值\t2027年目标值\t调整说明\n1\t托位数\t个\t3.9\t4.8\t5.0\t提高\n2\t全科医生数\t人\t3.9\t4.5\t5\t新增\n注：完",
                ),
            ),
            (
                "a copy that kept them: each label under its column",
                "指标名称\t2027年目标\t\n\t调整前\t调整后\n托位数\t5.0\t5.5\n",
                Some("指标名称\t2027年目标\n托位数\t5.5\n"),
            ),
            (
                "a second row of years is no revision",
                "指标名称\t目标值\t\n2025年\t2027年\n托位数\t4.5\t5.5\n调整后",
                None,
            ),
            (
                "labels in the wrong order",
                "指标名称\t2027年目标值\t\n调整后\t原目标值\n托位数\t5.5\t5.0\n",
                None,
            ),
            ("prose only", "2025年目标由4.5个调整后为4.8个。", None),
        ];
        for (what, text, want) in cases {
            assert_eq!(read(text).as_deref(), *want, "{what}");
        }
        let (_, lines) = plain_lines(cases[0].1).unwrap();
        assert_eq!(lines, vec![1, 3, 4, 5]);
    }
}
