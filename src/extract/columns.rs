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
//! A table printed in two halves side by side ([`halves_lines`]) is the same page read the
//! same way: its left half's lines, then its right half's, each half under its own header,
//! whether its columns are aligned by spaces or its rows are `|` or tab-separated cells.
//!
//! Bounded: one pass over the lines; a block needs [`MIN_LINES`] two-piece lines, and a table in
//! halves is at most [`MAX_HALF_LINES`] lines.

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

/// The most lines a table printed in halves runs over (a page's, many times over): the walk
/// from each doubled header stops there.
const MAX_HALF_LINES: usize = 1000;

/// How far (in display columns) a row's right half may start from its header's.
const HALF_SLACK: usize = 3;

/// The words that say a line is a table's header.
const HEADER_WORDS: [&str; 6] = ["序号", "指标", "单位", "领域", "项目", "目标"];

/// A character's columns: two for a wide one where the text is laid out in display columns
/// (`display`), else one (`pdftotext -layout` gives every character one cell of its grid).
fn cols(c: char, display: bool) -> usize {
    if display && wide(c) { 2 } else { 1 }
}

/// Whether a character takes two columns (CJK ideographs, full-width forms and punctuation).
fn wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6)
}

/// Where a table's header printed twice on one line starts its second copy (its byte index):
/// the line's words are one sequence twice, of three or more words, naming a header's words or
/// a year, the copies two or more spaces apart. None for any other line.
fn halves_header(line: &str) -> Option<usize> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (k, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(k),
            (true, Some(s)) => {
                words.push((s, &line[s..k]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &line[s..]));
    }
    let n = words.len();
    if n < 6 || n % 2 == 1 {
        return None;
    }
    let (a, b) = words.split_at(n / 2);
    let same = a.iter().zip(b).all(|(x, y)| x.1 == y.1);
    let header = a.iter().any(|(_, w)| {
        HEADER_WORDS.iter().any(|h| w.contains(h))
            || (w.ends_with('年') && w.chars().filter(char::is_ascii_digit).count() == 4)
    });
    let at = b[0].0;
    (same && header && line[..at].ends_with("  ")).then_some(at)
}

/// A line of a table printed in halves cut where its right half starts (`cut`, a display
/// column): its left piece and its right piece (indented by how far past `cut` it starts); the
/// right piece empty for a line that stops before the cut. None where something printed runs
/// across the cut (the table has ended: a note across the page).
fn halve(line: &str, cut: usize, display: bool) -> Option<(String, String)> {
    let t = line.trim_end();
    let w: usize = t.chars().map(|c| cols(c, display)).sum();
    if w < cut.saturating_sub(HALF_SLACK) {
        return Some((t.to_string(), String::new()));
    }
    // The runs of two or more spaces (or one at the slack's edge), as display columns.
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut col = 0;
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1 == ' ' {
            let (from, from_col) = (k, col);
            while k < chars.len() && chars[k].1 == ' ' {
                col += 1;
                k += 1;
            }
            let to_col = col;
            let near = from_col <= cut + HALF_SLACK && to_col + HALF_SLACK >= cut;
            if near && (k - from >= 2 || to_col.abs_diff(cut) <= 1) && k < chars.len() {
                let left = t[..chars[from].0].trim_end().to_string();
                let pad = " ".repeat(to_col.saturating_sub(cut));
                return Some((left, format!("{pad}{}", &t[chars[k].0..])));
            }
            continue;
        }
        col += cols(chars[k].1, display);
        k += 1;
    }
    None
}

/// A line's cells where it is a row of cells: a `|` row (`| a | b |`, its outer bars dropped)
/// or a tab-separated one; with the kind, to write its halves back as it was written.
fn cells_of(line: &str) -> Option<(bool, Vec<&str>)> {
    let t = line.trim_end_matches('\r').trim();
    if t.len() > 2 && t.starts_with('|') && t.ends_with('|') {
        return Some((true, t[1..t.len() - 1].split('|').collect()));
    }
    t.contains('\t')
        .then(|| (false, line.trim_end_matches('\r').split('\t').collect()))
}

/// Cells written back as a row of their kind.
fn row_of(bars: bool, cells: &[&str]) -> String {
    if bars {
        format!("|{}|", cells.join("|"))
    } else {
        cells.join("\t")
    }
}

/// A table of `|` or tab-separated rows printed in two halves side by side (a converter's table
/// of a landscape page, docling's or a sheet's): the header's cells are one sequence of titles
/// twice, each row after it as many cells. Its halves, each with its rows' source lines, and the
/// line after it; None where line `i` heads no such table.
type Halves = ([Vec<(usize, String)>; 2], usize);
fn cell_halves(lines: &[&str], i: usize) -> Option<Halves> {
    let (bars, head) = cells_of(lines[i])?;
    let n = head.len();
    if n < 6 || n % 2 == 1 {
        return None;
    }
    let k = n / 2;
    let titles: Vec<&str> = head.iter().map(|c| c.trim()).collect();
    let header = titles[..k].iter().any(|w| {
        HEADER_WORDS.iter().any(|h| w.contains(h))
            || (w.ends_with('年') && w.chars().filter(char::is_ascii_digit).count() == 4)
    });
    if titles[..k] != titles[k..] || !header || titles[..k].iter().all(|t| t.is_empty()) {
        return None;
    }
    let mut halves: [Vec<(usize, String)>; 2] = [Vec::new(), Vec::new()];
    let mut j = i;
    while j < lines.len() && j - i < MAX_HALF_LINES {
        match cells_of(lines[j]) {
            Some((b, cells)) if b == bars && cells.len() == n => {
                halves[0].push((j + 1, row_of(bars, &cells[..k])));
                halves[1].push((j + 1, row_of(bars, &cells[k..])));
            }
            _ => break,
        }
        j += 1;
    }
    // The header and two rows at least; the halves parted by a blank line, as two tables are.
    (j - i >= 3).then(|| {
        halves[0].push((i + 1, String::new()));
        (halves, j)
    })
}

/// The lines of a table in halves from its doubled header at line `i` (its second copy at byte
/// `at`), each parted at the cut as measured (`display` columns or characters), with the line
/// after the table.
type Pieces = Vec<(usize, (String, String))>;
fn halved(lines: &[&str], i: usize, at: usize, display: bool) -> (Pieces, usize) {
    let head = lines[i];
    let cut: usize = head[..at.min(head.len())]
        .chars()
        .map(|c| cols(c, display))
        .sum();
    let mut pieces = Vec::new();
    let mut j = i;
    let mut blanks = 0;
    while j < lines.len() && j - i < MAX_HALF_LINES {
        let l = lines[j].trim_end_matches('\r');
        let t = l.trim();
        if j > i && (t.starts_with(['注', '备']) || t.starts_with("说明") || l.contains('\u{c}'))
        {
            break;
        }
        blanks = if t.is_empty() { blanks + 1 } else { 0 };
        if blanks >= 2 {
            break;
        }
        let Some(p) = halve(l, cut, display) else {
            break;
        };
        pieces.push((j + 1, p));
        j += 1;
    }
    (pieces, j)
}

/// A table printed in two halves side by side (`pdftotext -layout` of a landscape annex whose
/// rows 1–7 stand on the left and 8–14 on the right, each half under its own copy of the header)
/// read a half at a time: the lines of the left half, then the right half's under its header, so
/// each half is a table of its own; each line with its source line. None when there is no such
/// table.
///
/// Why: read as printed, a line holds two rows, and the readers take the right row's cells for
/// columns of the left one (or drop them). The table goes on from its doubled header while each
/// line parts at the right half's column (within [`HALF_SLACK`]); it ends at a note (`注`), a
/// form feed, two blank lines, or a line printed across the cut.
pub(crate) fn halves_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut map: Vec<usize> = Vec::with_capacity(lines.len());
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        if let Some((halves, next)) = cell_halves(&lines, i) {
            for half in halves {
                for (at, l) in half {
                    out.push(l);
                    map.push(at);
                }
            }
            changed = true;
            i = next;
            continue;
        }
        let Some(at) = halves_header(lines[i]) else {
            out.push(lines[i].to_string());
            map.push(i + 1);
            i += 1;
            continue;
        };
        // Measured both ways (a converter's display columns, `-layout`'s characters): the way
        // more rows part, then more rows start right at the cut.
        let (pieces, j) = [true, false]
            .into_iter()
            .map(|display| halved(&lines, i, at, display))
            .max_by_key(|(p, _)| {
                let rows = p.iter().filter(|(_, (_, r))| !r.trim().is_empty()).count();
                let exact = p.iter().filter(|(_, (_, r))| !r.starts_with("  ")).count();
                (rows, exact)
            })
            .unwrap_or_default();
        let rows = pieces
            .iter()
            .filter(|(_, (_, r))| !r.trim().is_empty())
            .count();
        if rows < 3 {
            out.push(lines[i].to_string());
            map.push(i + 1);
            i += 1;
            continue;
        }
        let mut right = Vec::with_capacity(pieces.len());
        for (at, (l, r)) in pieces {
            out.push(l);
            map.push(at);
            right.push((at, r));
        }
        // Two blank lines part the halves: the right half's header is no line of the left's
        // last row (a name wrapped onto its next line reads on).
        for _ in 0..2 {
            out.push(String::new());
            map.push(i + 1);
        }
        for (at, r) in right {
            out.push(r);
            map.push(at);
        }
        changed = true;
        i = j;
    }
    changed.then(|| (out.join("\n"), map))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table in two halves: each half read under its own header, the lines kept.
    #[test]
    fn a_table_in_two_halves_reads_a_half_at_a_time() {
        let text = [
            "附件",
            "  序号 指标名称            2022年  2027年        序号 指标名称            2022年  2027年",
            "",
            "  1    每千人口托位数      3.7     5.5           8    人均预期寿命        83.0    83.6",
            "  2    普惠性托位占比      56      70",
            "                                                 9    每万老年人拥有持证  23      30",
            "  3    普惠性幼儿园在园幼  92.8    95                 养老护理员数",
            "       儿占比",
            "",
            "",
            "  注：2022年为基础值。",
            "",
        ]
        .join("\n");
        let text = text.as_str();
        let (t, map) = halves_lines(text).expect("two halves");
        let want = [
            "附件",
            "  序号 指标名称            2022年  2027年",
            "",
            "  1    每千人口托位数      3.7     5.5",
            "  2    普惠性托位占比      56      70",
            "",
            "  3    普惠性幼儿园在园幼  92.8    95",
            "       儿占比",
            "",
            "",
            "",
            "序号 指标名称            2022年  2027年",
            "",
            "8    人均预期寿命        83.0    83.6",
            "",
            "9    每万老年人拥有持证  23      30",
            "     养老护理员数",
            "",
            "",
            "",
            "  注：2022年为基础值。",
            "",
        ]
        .join("\n");
        assert_eq!(t, want);
        assert_eq!(map.len(), t.split('\n').count());
        assert_eq!(map[11], 2);
        assert_eq!(map[16], 7);
        // A right half a column off its header still parts; a half alone, a header printed once
        // and a doubled line of no header are no halves.
        let off = text.replace("           8    人均", "          8    人均");
        assert!(halves_lines(&off).is_some());
        // Laid out in characters, as `-layout` lays out a PDF's grid (each Chinese character one
        // cell): the halves part at the same place.
        let row = |l: &str, r: &str| format!("{l:<33}{r}");
        let chars = [
            row(
                "  序号 指标名称    2022年  2027年",
                "序号 指标名称    2022年  2027年",
            ),
            row(
                "  1    每千人口托位数 3.7     5.5",
                "8    人均预期寿命  83.0    83.6",
            ),
            row(
                "  2    普惠性托位占比 56      70",
                "9    每万老年人护理员 23      30",
            ),
            "  3    普惠幼儿园占比 92.8    95".to_string(),
        ]
        .join("\n");
        let (t, _) = halves_lines(&chars).expect("halves in characters");
        assert!(
            t.ends_with("序号 指标名称    2022年  2027年\n8    人均预期寿命  83.0    83.6\n9    每万老年人护理员 23      30\n"),
            "{t}"
        );
        // The same table as `|` rows (a converter's) and tab-separated: each half its own table.
        let bars = "| 序号 | 指标 | 2027年 | 序号 | 指标 | 2027年 |\n|---|---|---|---|---|---|\n| 1 | 托位数 | 5.5 | 3 | 寿命 | 83.6 |\n| 2 | 占比 | 70 |  |  |  |\n注\n";
        let (t, map) = halves_lines(bars).expect("halves of bars");
        assert_eq!(
            t,
            "| 序号 | 指标 | 2027年 |\n|---|---|---|\n| 1 | 托位数 | 5.5 |\n| 2 | 占比 | 70 |\n\n| 序号 | 指标 | 2027年 |\n|---|---|---|\n| 3 | 寿命 | 83.6 |\n|  |  |  |\n注\n"
        );
        assert_eq!(map, vec![1, 2, 3, 4, 1, 1, 2, 3, 4, 5, 6]);
        let tabs = "序号\t指标\t2027年\t序号\t指标\t2027年\n1\t托位数\t5.5\t3\t寿命\t83.6\n2\t占比\t70\t\t\t\n";
        let (t, _) = halves_lines(tabs).expect("halves of tabs");
        assert!(
            t.starts_with(
                "序号\t指标\t2027年\n1\t托位数\t5.5\n2\t占比\t70\n\n序号\t指标\t2027年\n"
            ),
            "{t}"
        );
        // A row of two different halves, a doubled row of no header, too few rows: no halves.
        for near in [
            "| 序号 | 指标 | 2027年 | 序号 | 名称 | 2027年 |\n| 1 | a | 5 | 2 | b | 6 |\n| 1 | a | 5 | 2 | b | 6 |\n",
            "| a | b | c | a | b | c |\n| 1 | 2 | 3 | 4 | 5 | 6 |\n| 1 | 2 | 3 | 4 | 5 | 6 |\n",
            "| 序号 | 指标 | 2027年 | 序号 | 指标 | 2027年 |\n| 1 | a | 5 | 2 | b | 6 |\n",
            "  序号 指标名称 2022年\n  1 托位数 3.7\n  2 占比 56\n  3 率 92\n",
            "  甲 乙 丙        甲 乙 丙\n  1 2 3           4 5 6\n  1 2 3           4 5 6\n  1 2 3           4 5 6\n",
            "  序号 指标名称 2022年  序号 指标名称 2022年\n",
        ] {
            assert_eq!(halves_lines(near), None, "{near}");
        }
    }

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
