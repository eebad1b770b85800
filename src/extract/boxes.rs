//! An OCR engine's text boxes read as the page they were found on: PaddleOCR (its command line's
//! log, `[[[x1, y1], [x2, y2], [x3, y3], [x4, y4]], ('text', 0.99)]` a box a line, or the same
//! result dumped as JSON, `[[[…]], ["text", 0.99]]`) gives each piece of text with its corners in
//! pixels, in its own order: top to bottom, and left to right only within a few pixels. Laid out
//! again by their coordinates, the boxes make the lines a page shows, the cells of a table row on
//! one line and in their columns, as `pdftotext -layout` gives a PDF.
//!
//! Why it exists: a county's scanned plan goes through PaddleOCR, and what is kept is the log or
//! the JSON. As printed, every cell is a line of its own behind a timestamp and its corners; a
//! row whose name wraps prints the name's first line, the row's figures, then the name's second
//! line; the log's times and counts stand among the figures. Laid out, the table is one the
//! layout readers know (cells in columns, a wrapped name above and below its row's figures), and
//! the log's own lines are gone. `validate` reads a source through the same pass
//! ([`super::markup::plain`]), so what a draft quotes from the page is found there.
//!
//! Each line of the result is mapped to the line of its first box in the log.
//!
//! Bounded: one pass to read the boxes, a sort a page; at most [`MAX_BOXES`] boxes are read and a
//! line is at most [`MAX_COLUMN`] columns wide.

/// The most boxes read; a longer log is read no further.
const MAX_BOXES: usize = 50_000;

/// The widest line laid out, in columns; a box further right starts at this column.
const MAX_COLUMN: usize = 400;

/// The fewest boxes for a text to be read as an OCR engine's.
const MIN_BOXES: usize = 5;

/// A box: its text, its left, top, right and bottom edges, its page and its line in the source.
pub(super) struct Box {
    pub(super) text: String,
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) right: f64,
    pub(super) bottom: f64,
    pub(super) page: usize,
    pub(super) line: usize,
}

/// The page the boxes of `text` show, with each line's source line; None when `text` is no OCR
/// engine's boxes (fewer than [`MIN_BOXES`], or fewer than half of its lines that hold words).
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    if !text.contains("[[[") {
        return None;
    }
    let mut boxes = Vec::new();
    let mut page = 0;
    let mut worded = 0;
    for (i, l) in text.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        worded += 1;
        if let Some(mut b) = read_box(l) {
            // A box above the last one's top by more than a page's half is on the next page
            // (a JSON dump with its pages' lists side by side, a log without page marks).
            if boxes
                .last()
                .is_some_and(|p: &Box| p.page == page && b.top + 600.0 < p.top)
            {
                page += 1;
            }
            b.page = page;
            b.line = i + 1;
            if boxes.len() < MAX_BOXES {
                boxes.push(b);
            }
        } else if is_page_mark(l) && boxes.last().is_some_and(|b: &Box| b.page == page) {
            page += 1;
        }
    }
    if boxes.len() < MIN_BOXES || boxes.len() * 2 < worded {
        return None;
    }
    Some(pages(&mut boxes))
}

/// Boxes in page order laid out a page at a time ([`lay_out`]), a blank line between two pages,
/// with each line's source line.
pub(super) fn pages(boxes: &mut [Box]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut map = Vec::new();
    let mut start = 0;
    while start < boxes.len() {
        let end = boxes[start..]
            .iter()
            .position(|b| b.page != boxes[start].page)
            .map_or(boxes.len(), |n| start + n);
        if start > 0 {
            text.push('\n');
            map.push(boxes[start].line);
        }
        lay_out(&mut boxes[start..end], &mut text, &mut map);
        start = end;
    }
    (text, map)
}

/// A line of PaddleOCR's log (`[…] ppocr INFO: [[[x, y], …], ('text', 0.99)]`) or of its JSON
/// (`[[[x, y], …], ["text", 0.99]]`) as a box; None for any other line.
fn read_box(line: &str) -> Option<Box> {
    let at = line.find("[[[")?;
    let rest = &line[at + 2..];
    let close = rest.find("]]")?;
    let nums: Vec<f64> = rest[..close]
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<f64>())
        .collect::<Result<_, _>>()
        .ok()?;
    if nums.len() != 8 || nums.iter().any(|n| !n.is_finite()) {
        return None;
    }
    let xs = [nums[0], nums[2], nums[4], nums[6]];
    let ys = [nums[1], nums[3], nums[5], nums[7]];
    let after = rest[close + 2..].trim_start_matches([',', ' ']);
    let after = after.strip_prefix(['(', '['])?;
    let quote = after.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let mut text = String::new();
    let mut chars = after[1..].chars();
    loop {
        match chars.next()? {
            '\\' => match chars.next()? {
                'n' | 't' => text.push(' '),
                c => text.push(c),
            },
            c if c == quote => break,
            c => text.push(c),
        }
    }
    // The score after the text: the engine's, not the page's.
    let tail = chars.as_str().trim_start_matches([',', ' ']);
    if !tail.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let min = |v: &[f64; 4]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = |v: &[f64; 4]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some(Box {
        text: text.trim_end().to_string(),
        left: min(&xs),
        top: min(&ys),
        right: max(&xs),
        bottom: max(&ys),
        page: 0,
        line: 0,
    })
}

/// A log's page mark: `---------------------- page 1 ----------------------`.
fn is_page_mark(line: &str) -> bool {
    line.contains("-----")
        && line
            .split_whitespace()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0].eq_ignore_ascii_case("page") && w[1].parse::<u32>().is_ok())
}

/// Display columns of a text: a Chinese character two, anything else one.
fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// The median of some numbers (0 for none).
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// A page's boxes as lines: a box joins the line whose middle is within half a box's height of
/// its own, the boxes of a line in their columns, at least two spaces between two boxes.
fn lay_out(boxes: &mut [Box], text: &mut String, map: &mut Vec<usize>) {
    // A column the width of a half-width character, measured from the boxes themselves: a
    // Chinese character two, as a page shows it (the table readers measure such a table so).
    let unit = median(
        boxes
            .iter()
            .filter(|b| width(&b.text) > 0)
            .map(|b| (b.right - b.left) / width(&b.text) as f64)
            .collect(),
    )
    .max(1.0);
    let height = median(boxes.iter().map(|b| b.bottom - b.top).collect()).max(1.0);
    let left = boxes.iter().map(|b| b.left).fold(f64::INFINITY, f64::min);
    let middle = |b: &Box| (b.top + b.bottom) / 2.0;
    boxes.sort_by(|a, b| middle(a).total_cmp(&middle(b)));
    let mut start = 0;
    while start < boxes.len() {
        let first = middle(&boxes[start]);
        let end = boxes[start..]
            .iter()
            .position(|b| middle(b) - first > height / 2.0)
            .map_or(boxes.len(), |n| start + n);
        let row = &mut boxes[start..end];
        row.sort_by(|a, b| a.left.total_cmp(&b.left));
        let mut line = String::new();
        let mut used = 0;
        for b in row.iter() {
            let col = (((b.left - left) / unit).round().max(0.0) as usize).min(MAX_COLUMN);
            let col = if used == 0 { col } else { col.max(used + 2) };
            line.extend(std::iter::repeat_n(' ', col - used));
            line.push_str(&b.text);
            used = col + width(&b.text);
        }
        text.push_str(line.trim_end());
        text.push('\n');
        map.push(row.iter().map(|b| b.line).min().unwrap_or(1));
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A log line of a box at (x, y), `w` pixels wide, 28 high.
    fn log(x: u32, y: u32, w: u32, text: &str) -> String {
        format!(
            "[2023/11/20 09:14:04] ppocr INFO: [[[{x}.0, {y}.0], [{r}.0, {y}.0], [{r}.0, {b}.0], [{x}.0, {b}.0]], ('{text}', 0.9871)]",
            r = x + w,
            b = y + 28
        )
    }

    #[test]
    fn boxes_are_laid_out_as_the_page() {
        let head = "[2023/11/20 09:14:01] ppocr DEBUG: dt_boxes num : 7, elapsed : 0.412\n[2023/11/20 09:14:02] ppocr INFO: ---------------------- page 0 ----------------------\n";
        // A row whose name wraps: its first line, the row's figures, its second line.
        let rows = [
            log(280, 395, 260, "每千人口拥有3岁以下婴幼"),
            log(104, 414, 12, "1"),
            log(690, 414, 37, "3.5"),
            log(810, 414, 36, "4.5"),
            log(910, 414, 36, "5.5"),
            log(280, 434, 88, "儿托位数"),
            log(104, 494, 12, "2"),
            log(280, 494, 134, "普惠托位占比"),
            log(810, 494, 36, "≥65"),
        ];
        let text = format!("{head}{}\n", rows.join("\n"));
        let (page, map) = plain_lines(&text).expect("boxes");
        let lines: Vec<Vec<&str>> = page
            .lines()
            .map(|l| {
                l.split("  ")
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .collect()
            })
            .collect();
        assert_eq!(
            lines,
            vec![
                vec!["每千人口拥有3岁以下婴幼"],
                vec!["1", "3.5", "4.5", "5.5"],
                vec!["儿托位数"],
                vec!["2", "普惠托位占比", "≥65"],
            ]
        );
        assert_eq!(map, vec![3, 4, 8, 9]);
        // The figures keep their columns: 4.5 and ≥65 in one.
        let col = |l: &str, s: &str| l.find(s).map(|i| width(&l[..i]));
        let ls: Vec<&str> = page.lines().collect();
        assert_eq!(col(ls[1], "4.5"), col(ls[3], "≥65"));
    }

    #[test]
    fn json_boxes_and_pages() {
        let b = |y: u32, t: &str| {
            format!(
                "  [[[100.0, {y}.0], [300.0, {y}.0], [300.0, {}.0], [100.0, {}.0]], [\"{t}\", 0.99]],",
                y + 30,
                y + 30
            )
        };
        let text = format!(
            "[\n [\n{}\n{}\n{}\n ],\n [\n{}\n{}\n{}\n ]\n]\n",
            b(100, "一"),
            b(200, "二"),
            b(1800, "三"),
            b(100, "四"),
            b(200, "五"),
            b(300, "六")
        );
        let (page, _) = plain_lines(&text).expect("boxes");
        let words: Vec<&str> = page.lines().map(str::trim).collect();
        assert_eq!(words, vec!["一", "二", "三", "", "四", "五", "六"]);
    }

    #[test]
    fn near_misses_are_no_boxes() {
        for text in [
            // Prose quoting a box or two.
            "识别结果如下：\n[[[1.0, 2.0], [3.0, 2.0], [3.0, 4.0], [1.0, 4.0]], ('托位', 0.9)]\n到2027年达到5.5个。\n",
            // A nested list of numbers with no text.
            "[[[1, 2], [3, 4], [5, 6], [7, 8]]]\n[[[1, 2], [3, 4], [5, 6], [7, 8]]]\n[[[1, 2], [3, 4], [5, 6], [7, 8]]]\n[[[1, 2], [3, 4], [5, 6], [7, 8]]]\n[[[1, 2], [3, 4], [5, 6], [7, 8]]]\n",
            "幼有善育\n托位数 3.5 4.5\n",
        ] {
            assert!(plain_lines(text).is_none(), "{text}");
        }
    }
}
