//! A PDF's text as poppler's `pdftohtml -xml` gives it (pdf2xml), or `pdftotext -bbox` (a
//! `<word xMin= yMin= xMax= yMax=>` a word), read as the page it was set on: each
//! `<text top= left= width= height=>` element is a run of text at its place, and laid
//! out again by those coordinates the runs make the lines a page shows, a table's cells on their
//! row's line and in their columns, as `pdftotext -layout` gives the PDF.
//!
//! Why it exists: a county's 红头 PDF converted to XML (by a portal's indexer, or by whoever
//! wanted the coordinates) holds its words as elements a line apart in the source, and poppler
//! starts a new element wherever the font changes: a 公文 sets its words in 仿宋 and its digits in
//! Times New Roman, so every figure is an element apart from the words it belongs to (`托位数`,
//! `4.5`, `个`), and a table's every cell is a line of its own with no row. Runs that touch on one
//! line are one piece of text again; pieces apart are laid out in their columns (the boxes of an
//! OCR engine's result are laid out the same way, [`super::boxes`]), so the prose and layout
//! readers see the page. `validate` reads a source through the same pass
//! ([`super::markup::plain`]), so what a draft quotes from the page is found there.
//!
//! Each line of the result is mapped to the source line of its first run.
//!
//! Bounded: one pass over the tags; at most [`MAX_RUNS`] runs are read.

use super::boxes::{Box, pages};

/// The most runs read; a longer document is read no further.
const MAX_RUNS: usize = 50_000;

/// The widest gap between two runs of one line, as a share of their height, that is no space:
/// what poppler leaves between runs of two fonts set one after the other. A word's space is
/// inside a run; a gap wider than this is a column's.
const TOUCHING: f64 = 0.5;

/// The page a pdf2xml document shows, with each line's source line; None when `text` is no
/// pdf2xml document or holds no run of text.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    // `pdftotext -bbox` (and `-bbox-layout`) writes the same runs as `<word xMin= yMin= xMax=
    // yMax=>` inside `<doc>`: a word a run, its corners for its place.
    let bbox = text.contains("<doc>") && text.contains("<word xMin=");
    if !text.contains("<pdf2xml") && !bbox {
        return None;
    }
    let mut runs: Vec<Box> = Vec::new();
    let mut page = 0;
    let mut line = 1;
    let mut at = 0;
    let bytes = text.as_bytes();
    while let Some(p) = text[at..].find('<') {
        let open = at + p;
        line += bytes[at..open].iter().filter(|b| **b == b'\n').count();
        // A document cut short inside a tag: what came before it is read.
        let Some(close) = text[open..].find('>').map(|c| open + c) else {
            break;
        };
        let tag = &text[open + 1..close];
        let here = line;
        line += bytes[open..close].iter().filter(|b| **b == b'\n').count();
        at = close + 1;
        let name = tag.split([' ', '\t', '\r', '\n', '/']).next().unwrap_or("");
        if name == "page" {
            page += 1;
        } else if (name == "text" || name == "word") && !tag.ends_with('/') && runs.len() < MAX_RUNS
        {
            let close = if name == "text" { "</text>" } else { "</word>" };
            let end = text[at..].find(close).map_or(text.len(), |e| at + e);
            let content = words(&text[at..end]);
            line += bytes[at..end].iter().filter(|b| **b == b'\n').count();
            at = end;
            let Some((left, top, right, bottom)) = corners(name, tag) else {
                continue;
            };
            if content.trim().is_empty()
                || ![left, top, right, bottom].iter().all(|v| v.is_finite())
            {
                continue;
            }
            runs.push(Box {
                text: content,
                left,
                top,
                right,
                bottom,
                page,
                line: here,
            });
        }
    }
    if runs.is_empty() {
        return None;
    }
    let mut pieces = touching(runs);
    Some(pages(&mut pieces))
}

/// How many pieces back a run looks for the one it continues: poppler writes a line's runs in
/// turn, but a table's cells or a line set in several fonts may come a few runs apart.
const LOOK_BACK: usize = 8;

/// Runs that touch on one line joined into one piece (a figure set in another font than its
/// words), the document's order kept otherwise.
fn touching(runs: Vec<Box>) -> Vec<Box> {
    let mut out: Vec<Box> = Vec::with_capacity(runs.len());
    for r in runs {
        let middle = |b: &Box| (b.top + b.bottom) / 2.0;
        let continued = out.iter_mut().rev().take(LOOK_BACK).find(|p| {
            let height = (p.bottom - p.top).min(r.bottom - r.top).max(1.0);
            let gap = r.left - p.right;
            p.page == r.page
                && (middle(p) - middle(&r)).abs() <= height / 2.0
                && gap > -height / 2.0
                && gap <= height * TOUCHING
        });
        match continued {
            Some(p) => {
                // Two words of Latin letters or digits a space apart (`-bbox` gives each word
                // its own box) keep their space; Chinese runs touch.
                let height = (p.bottom - p.top).min(r.bottom - r.top).max(1.0);
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if r.left - p.right > height * 0.15
                    && latin(p.text.chars().next_back())
                    && latin(r.text.chars().next())
                {
                    p.text.push(' ');
                }
                p.text.push_str(&r.text);
                p.right = r.right;
                p.top = p.top.min(r.top);
                p.bottom = p.bottom.max(r.bottom);
            }
            None => out.push(r),
        }
    }
    out
}

/// A run's left, top, right and bottom edges: pdf2xml's `<text>` gives its left, top, width
/// and height, `-bbox`'s `<word>` its corners.
fn corners(name: &str, tag: &str) -> Option<(f64, f64, f64, f64)> {
    let num = |k: &str| attr(tag, k).and_then(|v| v.parse::<f64>().ok());
    if name == "text" {
        let (l, t, w, h) = (num("left")?, num("top")?, num("width")?, num("height")?);
        Some((l, t, l + w.max(0.0), t + h.max(0.0)))
    } else {
        let (l, t, r, b) = (num("xMin")?, num("yMin")?, num("xMax")?, num("yMax")?);
        Some((l, t, r.max(l), b.max(t)))
    }
}

/// An attribute's value in a tag's text (`top="120"`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + name.len()..].trim_start();
        if before.is_some_and(char::is_whitespace)
            && let Some(v) = after.strip_prefix('=')
        {
            let v = v.trim_start();
            let q = v.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let v = &v[1..];
            return v.find(q).map(|e| &v[..e]);
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// A run's text: inner markup (`<b>`, `<i>`, `<a href=…>`) dropped, entities as their
/// characters, a line break a space.
fn words(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        if c == '&'
            && let Some(e) = rest[1..].find(';').filter(|e| *e <= 10)
            && let Some(ch) = super::markup::entity(&rest[1..=e])
        {
            out.push(ch);
            rest = &rest[e + 2..];
            continue;
        }
        out.push(if matches!(c, '\r' | '\n') { ' ' } else { c });
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run at (left, top), `width` wide, `height` high.
    fn run(top: u32, left: u32, width: u32, height: u32, text: &str) -> String {
        format!(
            "<text top=\"{top}\" left=\"{left}\" width=\"{width}\" height=\"{height}\" font=\"1\">{text}</text>"
        )
    }

    fn doc(runs: &[String]) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE pdf2xml SYSTEM \"pdf2xml.dtd\">\n<pdf2xml producer=\"poppler\" version=\"22.02.0\">\n<page number=\"1\" position=\"absolute\" top=\"0\" left=\"0\" height=\"892\" width=\"1263\">\n\t<fontspec id=\"1\" size=\"14\" family=\"FangSong\" color=\"#000000\"/>\n{}\n</page>\n</pdf2xml>\n",
            runs.join("\n")
        )
    }

    #[test]
    fn runs_are_laid_out_as_the_page() {
        let text = doc(&[
            // A sentence whose figure is set in another font: three runs that touch.
            run(100, 80, 84, 14, "托位数达到"),
            run(100, 164, 21, 14, "4.5"),
            run(100, 185, 28, 14, "个；"),
            // A row of cells far apart, a wrapped name's second line below, `&lt;`.
            run(150, 80, 8, 14, "1"),
            run(150, 150, 112, 14, "城镇调查失业率"),
            run(150, 400, 14, 14, "%"),
            run(150, 500, 21, 14, "3.8"),
            run(150, 600, 14, 14, "&lt;5"),
            run(169, 150, 28, 14, "<b>指标</b>"),
        ]);
        let (t, map) = plain_lines(&text).expect("a pdf2xml document");
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "托位数达到4.5个；");
        let row = lines[1];
        assert!(
            row.starts_with("1") && row.contains("城镇调查失业率"),
            "{t}"
        );
        let cells: Vec<&str> = row.split("  ").filter(|c| !c.trim().is_empty()).collect();
        assert_eq!(
            cells.iter().map(|c| c.trim()).collect::<Vec<_>>(),
            ["1", "城镇调查失业率", "%", "3.8", "<5"]
        );
        // The wrapped name's line starts under the name's column.
        let col =
            |l: &str, w: &str| unicode_width::UnicodeWidthStr::width(&l[..l.find(w).expect(w)]);
        assert_eq!(col(lines[2], "指标"), col(row, "城镇"));
        assert_eq!(map, vec![6, 9, 14]);
        // Cut short inside a tag (a download that stopped): the runs before the cut are read.
        let cut = &text[..text.find("<text top=\"150\" left=\"500\"").unwrap() + 12];
        let (t, _) = plain_lines(cut).expect("the runs before the cut");
        assert_eq!(t.lines().next(), Some("托位数达到4.5个；"));
        assert!(t.contains("城镇调查失业率") && !t.contains("3.8"), "{t}");
    }

    /// `pdftotext -bbox-layout`: a word a box, inside flows, blocks and lines.
    #[test]
    fn words_with_their_corners_are_laid_out_as_the_page() {
        let word = |x: f64, y: f64, w: f64, t: &str| {
            format!(
                "<word xMin=\"{x:.6}\" yMin=\"{y:.6}\" xMax=\"{:.6}\" yMax=\"{:.6}\">{t}</word>",
                x + w,
                y + 14.0
            )
        };
        let text = format!(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title></title>\n</head>\n<body>\n<doc>\n  <page width=\"841.890000\" height=\"595.276000\">\n    <flow>\n      <block xMin=\"80\" yMin=\"100\" xMax=\"400\" yMax=\"114\">\n        <line xMin=\"80\" yMin=\"100\" xMax=\"400\" yMax=\"114\">\n{}\n{}\n{}\n{}\n{}\n{}\n        </line>\n      </block>\n    </flow>\n  </page>\n</doc>\n</body>\n</html>\n",
            word(80.0, 100.0, 70.0, "托位数达到"),
            word(150.0, 100.0, 21.0, "4.5"),
            word(171.0, 100.0, 14.0, "个"),
            word(200.0, 120.0, 28.0, "PM2.5"),
            word(231.0, 120.0, 28.0, "35"),
            word(259.0, 120.0, 28.0, "&lt;5"),
        );
        let (t, _) = plain_lines(&text).expect("a -bbox document");
        let lines: Vec<&str> = t.lines().map(str::trim).collect();
        assert_eq!(lines, ["托位数达到4.5个", "PM2.5 35<5"], "{t}");
    }

    #[test]
    fn near_misses_are_no_pdf2xml() {
        for text in [
            // Another XML with `<text top=…>` elements, no pdf2xml root.
            "<svg><text top=\"1\" left=\"2\" width=\"3\" height=\"4\">托位4.5</text></svg>",
            // A pdf2xml root with no run of text (a scan's pages as images).
            "<pdf2xml producer=\"poppler\"><page number=\"1\"><image top=\"0\" left=\"0\" width=\"892\" height=\"1263\" src=\"x-1_1.png\"/></page></pdf2xml>",
            // A text that mentions the tool.
            "用 pdftohtml 转成 <pdf2xml 格式后托位4.5个",
            // A `<word>` element outside a `<doc>`.
            "<p><word xMin=\"1\" yMin=\"2\" xMax=\"3\" yMax=\"4\">托位4.5</word></p>",
        ] {
            assert_eq!(plain_lines(text), None, "{text}");
        }
    }

    #[test]
    fn runs_apart_stay_apart_and_a_damaged_run_is_skipped() {
        let text = doc(&[
            run(100, 80, 56, 14, "普惠托位"),
            // A gap of a column: two pieces, two spaces at least between them.
            run(100, 300, 14, 14, "65"),
            "<text top=\"x\" left=\"1\" width=\"2\" height=\"3\">9</text>".to_string(),
            "<text top=\"120\" left=\"80\" width=\"8\" height=\"14\">7".to_string(),
        ]);
        let (t, _) = plain_lines(&text).expect("a pdf2xml document");
        assert!(t.starts_with("普惠托位  ") && t.contains("65"), "{t}");
        assert!(!t.contains('9'), "{t}");
        // A line's runs written apart, the next line's between them: joined all the same.
        let text = doc(&[
            run(100, 80, 84, 14, "托位数达到"),
            run(120, 80, 56, 14, "普惠托位"),
            run(100, 164, 21, 14, "4.5"),
            run(100, 185, 14, 14, "个"),
        ]);
        let (t, _) = plain_lines(&text).expect("a pdf2xml document");
        assert_eq!(
            t.lines().collect::<Vec<_>>(),
            ["托位数达到4.5个", "普惠托位"],
            "{t}"
        );
    }
}
