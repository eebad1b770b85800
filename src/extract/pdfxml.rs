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
//! poppler's other HTML, `pdftohtml -c` (the "complex" page a PDF page a `<div>`), holds the same
//! runs as `<p style="position:absolute;top:…px;left:…px" class="ftNN">`, with no width: a run's
//! end is estimated from its characters and its class's `font-size` (a Chinese character an em,
//! a digit or Latin letter 0.6 of one), and runs are taken as touching across a gap of up to an
//! em, the estimate's error (a table's columns stand further apart). A curly quote set in another
//! font is a run of its own over a `&#160;` poppler left in the line's run: it takes that space's
//! place, or the line would read `公共服务 七优享 工程` with the quotes elsewhere.
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

/// [`TOUCHING`] where a run's width is estimated (`pdftohtml -c`): an em, the estimate's error.
const TOUCHING_ESTIMATED: f64 = 1.0;

/// The page a pdf2xml document shows, with each line's source line; None when `text` is no
/// pdf2xml document or holds no run of text.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    if let Some(runs) = positioned_runs(text) {
        let (quotes, runs): (Vec<Box>, Vec<Box>) = runs.into_iter().partition(is_quote);
        let mut pieces = quotes_in_place(touching(runs, TOUCHING_ESTIMATED), quotes);
        return Some(pages(&mut pieces));
    }
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
    let mut pieces = touching(runs, TOUCHING);
    Some(pages(&mut pieces))
}

/// The runs of `pdftohtml -c`'s page (`<p style="position:absolute;top:…px;left:…px"
/// class="ftNN">`), each as wide as its characters at its class's font size, the quotes set
/// apart put back in their lines; None for any other text, or one with no such run.
fn positioned_runs(text: &str) -> Option<Vec<Box>> {
    let head = super::head(text, 4096);
    if !(head.contains("content=\"pdftohtml") && text.contains("position:absolute")) {
        return None;
    }
    let sizes = font_sizes(text);
    let mut runs: Vec<Box> = Vec::new();
    let (mut page, mut line, mut at) = (0, 1, 0);
    let bytes = text.as_bytes();
    while let Some(p) = text[at..].find('<') {
        let open = at + p;
        line += bytes[at..open].iter().filter(|b| **b == b'\n').count();
        let Some(close) = text[open..].find('>').map(|c| open + c) else {
            break;
        };
        let tag = &text[open + 1..close];
        let here = line;
        line += bytes[open..close].iter().filter(|b| **b == b'\n').count();
        at = close + 1;
        let name = tag.split([' ', '\t', '\r', '\n', '/']).next().unwrap_or("");
        if name == "div" && attr(tag, "id").is_some_and(|i| i.starts_with("page")) {
            page += 1;
        } else if name == "p" && runs.len() < MAX_RUNS {
            let Some(style) = attr(tag, "style").filter(|s| s.contains("position:absolute")) else {
                continue;
            };
            let end = text[at..].find("</p>").map_or(text.len(), |e| at + e);
            let content = words(&text[at..end]);
            line += bytes[at..end].iter().filter(|b| **b == b'\n').count();
            at = end;
            let px = |k: &str| style_px(style, k);
            let size = attr(tag, "class")
                .and_then(|c| sizes.get(c).copied())
                .unwrap_or(16.0);
            let (Some(left), Some(top)) = (px("left"), px("top")) else {
                continue;
            };
            if content.trim().is_empty() {
                continue;
            }
            let right = left + ems(&content) * size;
            runs.push(Box {
                text: content,
                left,
                top,
                right,
                bottom: top + size,
                page,
                line: here,
            });
        }
    }
    (!runs.is_empty()).then_some(runs)
}

/// The font size of each `.ftNN{font-size:33px;…}` class of the page's style sheets.
fn font_sizes(text: &str) -> std::collections::HashMap<&str, f64> {
    let mut out = std::collections::HashMap::new();
    let mut rest = text;
    while let Some(i) = rest.find("{font-size:") {
        let before = &rest[..i];
        let class = before
            .rfind('.')
            .map(|d| &before[d + 1..])
            .filter(|c| !c.is_empty() && c.chars().all(|c| c.is_ascii_alphanumeric()));
        let after = &rest[i + "{font-size:".len()..];
        let size = after
            .split("px")
            .next()
            .and_then(|n| n.trim().parse::<f64>().ok())
            .filter(|n| n.is_finite() && *n > 0.0);
        if let (Some(c), Some(s)) = (class, size) {
            out.insert(c, s);
        }
        rest = after;
    }
    out
}

/// A length in pixels from an inline style (`top:108px`).
fn style_px(style: &str, key: &str) -> Option<f64> {
    style.split(';').find_map(|d| {
        let (k, v) = d.split_once(':')?;
        (k.trim() == key)
            .then(|| v.trim().trim_end_matches("px").parse::<f64>().ok())
            .flatten()
            .filter(|v| v.is_finite())
    })
}

/// How wide a run's text is set, in ems: a Chinese character or full-width sign one, a digit or
/// Latin letter 0.6, a point, comma or space 0.3.
fn ems(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            '.' | ',' | ':' | ';' | ' ' | '\u{a0}' | '\'' | 'i' | 'l' | '|' => 0.3,
            c if c.is_ascii() => 0.6,
            _ => 1.0,
        })
        .sum()
}

/// Whether a run is only a curly quote (set in another font than its line, so a run of its own).
fn is_quote(b: &Box) -> bool {
    matches!(b.text.trim(), "“" | "”" | "‘" | "’" | "\"")
}

/// The quotes set apart (see [`is_quote`]) put back in the pieces they stand over: poppler leaves
/// a `&#160;` in the line for each quote inside it and none for one that opens the line. A piece's
/// quotes take its no-break spaces in order where they are as many, else each the space nearest
/// its place; a quote within an em before a piece's start opens it. A quote over no piece stays a
/// piece of its own.
fn quotes_in_place(pieces: Vec<Box>, quotes: Vec<Box>) -> Vec<Box> {
    let mut pieces = pieces;
    let mut lone = Vec::new();
    // Each piece's quotes: (piece, quotes by their left).
    let mut over: Vec<(usize, Vec<Box>)> = Vec::new();
    for q in quotes {
        let size = (q.bottom - q.top).max(1.0);
        let host = pieces.iter().position(|h| {
            h.page == q.page
                && (h.top - q.top).abs() < size / 2.0
                && h.left - size <= q.left
                && q.left < h.right
        });
        match host {
            Some(h) => match over.iter_mut().find(|o| o.0 == h) {
                Some(o) => o.1.push(q),
                None => over.push((h, vec![q])),
            },
            None => lone.push(q),
        }
    }
    for (h, mut qs) in over {
        qs.sort_by(|a, b| a.left.total_cmp(&b.left));
        let piece = &mut pieces[h];
        let size = (piece.bottom - piece.top).max(1.0);
        let (opening, inside): (Vec<Box>, Vec<Box>) =
            qs.into_iter().partition(|q| q.left < piece.left);
        // Where each no-break space is: its byte offset and its place along the line, in ems.
        let mut x = 0.0;
        let mut spaces = Vec::new();
        for (at, c) in piece.text.char_indices() {
            if c == '\u{a0}' {
                spaces.push((at, x));
            }
            x += ems(c.encode_utf8(&mut [0; 4]));
        }
        // Spaces a quote takes, and places between characters a quote goes in.
        let mut put: Vec<(usize, String)> = Vec::new();
        let mut inserts: Vec<(usize, String)> = Vec::new();
        if spaces.len() == inside.len() {
            put.extend(
                spaces
                    .iter()
                    .zip(&inside)
                    .map(|(s, q)| (s.0, q.text.trim().to_string())),
            );
        } else {
            // Each quote the free space within an em of its place, else the place between two
            // characters nearest it (poppler leaves no space where the next run starts).
            let mut bounds = Vec::new();
            let mut x = 0.0;
            for (at, c) in piece.text.char_indices() {
                bounds.push((at, x));
                x += ems(c.encode_utf8(&mut [0; 4]));
            }
            bounds.push((piece.text.len(), x));
            for q in inside {
                let want = (q.left - piece.left) / size;
                let near = |a: &&(usize, f64), b: &&(usize, f64)| {
                    (a.1 - want).abs().total_cmp(&(b.1 - want).abs())
                };
                let free = spaces
                    .iter()
                    .filter(|s| !put.iter().any(|p| p.0 == s.0) && (s.1 - want).abs() <= 1.0)
                    .min_by(near);
                match free {
                    Some(s) => put.push((s.0, q.text.trim().to_string())),
                    None => {
                        if let Some(b) = bounds.iter().min_by(near) {
                            inserts.push((b.0, q.text.trim().to_string()));
                        }
                    }
                }
            }
        }
        // From the end, so that each offset still points at its place.
        let mut edits: Vec<(usize, String, bool)> =
            put.into_iter().map(|(a, g)| (a, g, true)).collect();
        edits.extend(inserts.into_iter().map(|(a, g)| (a, g, false)));
        edits.sort_by_key(|e| std::cmp::Reverse(e.0));
        for (at, glyph, space) in edits {
            let end = if space { at + '\u{a0}'.len_utf8() } else { at };
            piece.text.replace_range(at..end, &glyph);
        }
        for q in opening.iter().rev() {
            piece.text.insert_str(0, q.text.trim());
            piece.left = piece.left.min(q.left);
        }
    }
    pieces.extend(lone);
    pieces
}

/// How many pieces back a run looks for the one it continues: poppler writes a line's runs in
/// turn, but a table's cells or a line set in several fonts may come a few runs apart.
const LOOK_BACK: usize = 8;

/// Runs that touch on one line joined into one piece (a figure set in another font than its
/// words), the document's order kept otherwise.
fn touching(runs: Vec<Box>, touch: f64) -> Vec<Box> {
    let mut out: Vec<Box> = Vec::with_capacity(runs.len());
    for r in runs {
        let middle = |b: &Box| (b.top + b.bottom) / 2.0;
        let continued = out.iter_mut().rev().take(LOOK_BACK).find(|p| {
            let height = (p.bottom - p.top).min(r.bottom - r.top).max(1.0);
            let gap = r.left - p.right;
            p.page == r.page
                && (middle(p) - middle(&r)).abs() <= height / 2.0
                && gap > -height / 2.0
                && gap <= height * touch
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

    /// `pdftohtml -c`: a `<p>` a run, placed by its style, no width; fonts by class.
    fn complex(runs: &[(u32, u32, &str, &str)]) -> String {
        let ps: Vec<String> = runs
            .iter()
            .map(|(top, left, class, text)| {
                format!("<p style=\"position:absolute;top:{top}px;left:{left}px;white-space:nowrap\" class=\"{class}\">{text}</p>")
            })
            .collect();
        format!(
            "<!DOCTYPE html>\n<html>\n<head>\n<meta name=\"generator\" content=\"pdftohtml 0.36\"/>\n</head>\n<body>\n<!-- Page 1 -->\n<style type=\"text/css\">\n<!--\n\tp {{margin: 0; padding: 0;}}\t.ft10{{font-size:18px;font-family:CAAAAA+NotoSansCJKjp;color:#000000;}}\n\t.ft11{{font-size:18px;font-family:DAAAAA+DejaVuSerif;color:#000000;}}\n-->\n</style>\n<div id=\"page1-div\" style=\"position:relative;width:918px;height:1188px;\">\n{}\n</div>\n</body>\n</html>\n",
            ps.join("\n")
        )
    }

    #[test]
    fn pdftohtml_complex_runs_are_laid_out_by_their_place_and_size() {
        let text = complex(&[
            // Quotes set apart over the no-break spaces poppler left, one opening the line.
            (100, 80, "ft11", "“"),
            (100, 150, "ft11", "”"),
            (100, 89, "ft10", "十四五&#160;以来，"),
            (130, 206, "ft11", "“"),
            (130, 265, "ft11", "”"),
            (130, 80, "ft10", "檀溪市公共服务&#160;七优享&#160;工程"),
            // A sentence whose figure is in another font: runs touching by their estimated width.
            (160, 80, "ft11", "2022"),
            (160, 126, "ft10", "年末托位数"),
            (160, 216, "ft11", "3.0"),
            (160, 250, "ft10", "个"),
            // A table row: cells a column apart.
            (200, 80, "ft11", "1"),
            (200, 180, "ft10", "托位数"),
            (200, 400, "ft11", "3.0"),
            (200, 500, "ft11", "&gt;4.5"),
        ]);
        let (t, map) = plain_lines(&text).expect("a pdftohtml -c page");
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "“十四五”以来，", "{t}");
        assert_eq!(lines[1], "檀溪市公共服务“七优享”工程", "{t}");
        assert_eq!(lines[2], "2022年末托位数3.0个", "{t}");
        let cells: Vec<&str> = lines[3]
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(cells, ["1", "托位数", "3.0", ">4.5"], "{t}");
        assert_eq!(map.len(), lines.len());
        // A quote over no run stays a piece of its own; a quote with no space left in its run
        // goes between the characters nearest its place.
        let text = complex(&[
            (100, 80, "ft10", "均建成"),
            (100, 134, "ft11", "“"),
            (100, 134, "ft11", "15"),
            (100, 156, "ft10", "分钟圈&#160;。"),
            (100, 210, "ft11", "”"),
            (140, 600, "ft11", "”"),
        ]);
        let (t, _) = plain_lines(&text).expect("a pdftohtml -c page");
        assert_eq!(t.lines().next(), Some("均建成“15分钟圈”。"), "{t}");
        assert!(t.lines().nth(1).is_some_and(|l| l.trim() == "”"), "{t}");
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
            // A page placed by CSS that no pdftohtml wrote; pdftohtml's page with no run placed.
            "<html><p style=\"position:absolute;top:1px;left:2px\">托位4.5</p></html>",
            "<meta name=\"generator\" content=\"pdftohtml 0.36\"/><p>托位4.5</p>",
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
