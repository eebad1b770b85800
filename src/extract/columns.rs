//! A page set in two columns (a county paper printing a plan in full, a leaflet) as
//! `pdftotext -layout` gives it, read a column at a time: each line of the page holds a line of
//! the left column, a run of spaces, and a line of the right column, so read as printed the left
//! column's sentence runs on into the right's and a year dating one dates the other.
//!
//! Why it exists: the prose reader reads a paragraph as its lines joined; here a paragraph's lines
//! are every other piece of the page's lines. A block of lines whose right pieces all start at one
//! column (within [`SLACK`] characters) after a gap of at least [`GAP`] spaces, with Chinese text
//! on both sides and no other gap on the line (a table's rows have several), is printed again as
//! its left pieces, then its right pieces; each line keeps its source line for the draft.
//!
//! Bounded: one pass over the lines; a block needs [`MIN_LINES`] two-piece lines.

/// The fewest spaces between the two columns.
const GAP: usize = 4;
/// How far (in characters) the right column's lines may start from one another.
const SLACK: usize = 2;
/// How far a right column's line may be indented past the column (a paragraph's first line, a
/// centred heading).
const INDENT: usize = 12;
/// The fewest lines with both columns for a block.
const MIN_LINES: usize = 8;

/// A line's two pieces with the right one's start (in characters); None for a line of one piece
/// or of more than two (a table row).
fn pieces(line: &str) -> Option<(&str, &str, usize)> {
    let t = line.trim_end();
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let lead = chars.iter().take_while(|(_, c)| *c == ' ').count();
    let mut gaps = Vec::new();
    let mut k = lead;
    while k < chars.len() {
        if chars[k].1 == ' ' {
            let from = k;
            while k < chars.len() && chars[k].1 == ' ' {
                k += 1;
            }
            if k - from >= 3 {
                gaps.push((from, k));
            }
        } else {
            k += 1;
        }
    }
    let [(from, to)] = gaps[..] else {
        return None;
    };
    if to - from < GAP {
        return None;
    }
    let (left, right) = (&t[..chars[from].0], &t[chars[to].0..]);
    // Chinese on both sides (a column's last line may be `到100%。`, its first `，新增…`).
    let wide = |s: &str| !s.is_ascii();
    (wide(left) && wide(right)).then_some((left, right, to))
}

/// The text with each two-column block read a column at a time, and each line's source line;
/// None when there is no such block.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut map: Vec<usize> = Vec::with_capacity(lines.len());
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        // A block: lines of two pieces whose right pieces start at one column, and lines of
        // the left column alone (shorter than that column) among them.
        let Some((_, _, col)) = pieces(lines[i]) else {
            out.push(lines[i].to_string());
            map.push(i + 1);
            i += 1;
            continue;
        };
        let mut j = i;
        let mut both = 0;
        while j < lines.len() {
            match pieces(lines[j]) {
                // A right line may be indented (a paragraph's first line, a centred heading).
                Some((_, _, c)) if c.abs_diff(col) <= SLACK + INDENT => both += 1,
                _ if lines[j].trim().is_empty() => break,
                _ if lines[j].trim_end().chars().count() < col.saturating_sub(GAP) => {}
                _ => break,
            }
            j += 1;
        }
        if both < MIN_LINES {
            out.push(lines[i].to_string());
            map.push(i + 1);
            i += 1;
            continue;
        }
        // The column: where its unindented lines start; an indented line keeps its indent.
        let col = lines[i..j]
            .iter()
            .filter_map(|l| pieces(l))
            .map(|(_, _, c)| c)
            .min()
            .unwrap_or(col);
        let mut right = Vec::new();
        for (k, l) in lines.iter().enumerate().take(j).skip(i) {
            match pieces(l) {
                Some((left, r, c)) => {
                    out.push(left.trim_end().to_string());
                    right.push((k + 1, format!("{}{r}", " ".repeat(c - col))));
                }
                None => out.push(l.trim_end().to_string()),
            }
            map.push(k + 1);
        }
        for (k, r) in right {
            out.push(r);
            map.push(k);
        }
        changed = true;
        i = j;
    }
    changed.then(|| (out.join("\n"), map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_columns_read_one_after_the_other() {
        let left = [
            "    2022年，全市每千人口拥有3岁以下婴幼",
            "儿托位数3.8个，普惠托位占比53%，学前教育",
            "普及普惠率95.6%。",
            "              二、主要目标",
            "    到2025年，全市每千人口拥有3岁以下婴",
            "幼儿托位数达到4.6个，普惠托位占比达到63%",
            "。",
            "    到2027年，每千人口拥有3岁以下婴幼儿",
            "托位数达到5.4个。",
        ];
        let right = [
            "（一）幼有善育。新增普惠托位2400个，",
            "每个镇乡（街道）至少建成1家公办托育园；",
            "到2025年，婴幼儿照护服务指导中心覆盖率达",
            "到100%。",
            "（二）学有优教。新建、改扩建学校18所",
            "，新增学位9000个；到2027年，义务教育优质",
            "均衡发展达标学校占比达到85%。",
            "（三）病有良医。县域就诊率稳定在90%",
            "",
        ];
        let mut text = String::from("某市实施方案\n");
        for (l, r) in left.iter().zip(&right) {
            if r.is_empty() {
                text.push_str(&format!("{l}\n"));
            } else {
                let pad = 30usize.saturating_sub(l.chars().count());
                text.push_str(&format!("{l}{}{r}\n", " ".repeat(pad)));
            }
        }
        text.push_str("\n附件\n");
        let (t, map) = plain_lines(&text).unwrap();
        let want = format!(
            "某市实施方案\n{}\n{}\n\n附件\n",
            left.join("\n"),
            right[..8].join("\n")
        );
        assert_eq!(t, want);
        assert_eq!(map.len(), t.split('\n').count());
        // Left pieces keep their lines; the right ones point at the lines they stand on.
        assert_eq!(&map[..3], &[1, 2, 3]);
        assert_eq!(map[10], 2);
        // A table's rows (several gaps) and a single column are no columns.
        let table = "序号   指标名称        2022年    2025年\n".repeat(10);
        assert_eq!(plain_lines(&table), None);
        assert_eq!(plain_lines("一段文字\n又一段文字\n"), None);
    }
}
