//! Drafts a plan from a document's prose: finds every sentence that fixes a number, reads the
//! number with the same threshold parser that checks encoded plans, and says which catalog
//! indicator it most likely is.
//!
//! Why it exists: an encoder reads 30 000 characters to find the eighty-odd clauses that set a
//! target, and the documents state more targets in their prose than in their tables. Finding them
//! mechanically turns that search into a list to settle. It is a draft, not an encoding: whatever
//! it is unsure of is marked for a person to decide, and it never guesses a catalog id silently.
//!
//! The document is plain text as copied from a government web page: one long paragraph, or one
//! table cell a line, with `|` debris. Nothing here depends on line structure except the tables.
//! A Word document (.docx) is first read as the text it shows ([`docx`], by [`read_document`]).
//!
//! How the reading is split: `scan` reads a number and what belongs to it and rules out what is
//! not a target; `outline` follows the headings, splits sentences and reads years; `phrase` trims
//! an indicator's name; `prose` and `table` turn sentences and surviving tables into
//! [`Candidate`]s (`blocks` a table printed one column after another, or a row a block); `info`
//! reads what the document says about itself. `matching` ties candidates to the catalog and
//! `draft` writes them as a plan file. This module holds the types they share and [`extract`],
//! which walks the document line by line.

mod arrows;
mod asciidoc;
mod blocks;
mod boxes;
mod columns;
mod correction;
mod dated;
mod divs;
pub(crate) mod doc;
pub(crate) mod docx;
mod doubling;
mod draft;
mod info;
pub(crate) mod json;
mod latex;
mod legend;
mod listing;
mod longform;
mod mail;
pub(crate) mod markup;
mod matching;
mod mime;
mod odf;
mod outline;
mod pandas;
mod pdfxml;
mod phrase;
mod prose;
mod raw;
mod revision;
mod rtf;
mod scan;
mod span;
mod split;
mod subtitles;
mod table;
mod tracked;
mod xlsx;
mod xmlsheet;

pub(crate) use draft::draft_yaml;
pub(crate) use matching::{CatalogMatch, Matcher};

use crate::plan::schema::{Domain, Scope};
use crate::threshold::Op;
use blocks::{column_blocks, row_blocks};
use info::{doc_info, largest_by_year};
use outline::{
    Outline, heading_at, heading_title, heading_until, paragraph, sentences, wrap_width,
};
use prose::{ProseContext, prose_candidates};
use rust_decimal::Decimal;
use scan::{collect, without_spaces};
use table::{
    aligned_table, bar_table, card_candidates, cell_table, graphic_candidates, table_candidates,
    transposed_candidates,
};

/// A document's text from its bytes, whatever it was saved as: a Word document (.docx, a zip
/// archive) as the text it shows ([`docx`]), anything else as text ([`decode`]). An error says
/// why a zip archive is no readable Word document (damaged, too large, a workbook); the caller
/// names the file.
pub(crate) fn read_document(bytes: &[u8]) -> Result<String, docx::Error> {
    if docx::is_zip(bytes) {
        return docx::text(bytes);
    }
    // A Word 97–2003 document (.doc, WPS's .wps) as the text it shows; another compound file
    // (an .xls) is no text, which the caller says.
    if doc::is_word(bytes)
        && let Some(text) = doc::text(bytes)?
    {
        return Ok(text);
    }
    Ok(decode(bytes))
}

/// Decodes a document: UTF-8 (with or without BOM) first, else GB18030, which is what GBK files
/// from Windows machines in China are; UTF-16 with its byte-order mark (Notepad's "Unicode", read
/// by encoding_rs's sniffing) or without one (what `iconv -t UTF-16LE` and some exports write).
pub(crate) fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(e) = crate::sniff::utf16_unmarked(bytes) {
        return e.decode_with_bom_removal(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// Removes the web pages' table debris (runs of five or more `|`) and reads a converter's markup
/// as the text it marks up (an HTML table as `|` rows, `$5 8 \%$` as `58%`: [`markup`]), as the
/// quote checker does, so that a quote copied from the cleaned text is found in the source. With
/// it, where the markup's tables were laid out a row a line, the source's line of each line.
fn clean(text: &str) -> (String, Option<Vec<usize>>) {
    let (plain, lines) = markup::plain_lines(text).unzip();
    (
        crate::plan::validate::strip_debris(plain.as_deref().unwrap_or(text)),
        lines,
    )
}

/// The text with each bare carriage return (one not before a line feed) as a line feed, one for
/// one; None when it has none. Classic Mac OS and some OCR and export tools end lines with CR
/// alone, which `str::lines` does not split at: the whole document was one line, its tables
/// and headings unread. A CR before LF (Windows), or before more CRs and a LF, is left as it was.
fn bare_cr_ends(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // A CR is a line's end unless a LF follows it, after any further CRs: `\r\r\n` is a
    // Windows line end converted twice (a CR LF cell of an Excel export saved again), one end.
    // Read from the end, so that a run of CRs costs its length once.
    let mut bare = vec![false; bytes.len()];
    let mut lf_next = false;
    for i in (0..bytes.len()).rev() {
        if bytes[i] == b'\r' {
            bare[i] = !lf_next;
        } else {
            lf_next = bytes[i] == b'\n';
        }
    }
    if !bare.contains(&true) {
        return None;
    }
    let out: Vec<u8> = bytes
        .iter()
        .zip(&bare)
        .map(|(&b, &cr)| if cr { b'\n' } else { b })
        .collect();
    String::from_utf8(out).ok()
}

/// The text with the single spaces between a Chinese character and a figure taken out
/// (`2025 年` → `2025年`, `达到 95%` → `达到95%`, `2023 年 8 月 25 日`), line by line; None when
/// no line has one. Rules that read a year, a heading (`一、2023 年工作回顾`) or an operator
/// right before its figure then hold for such text too. Only a line of prose, with a Chinese
/// clause's mark in it (`，。；：、`), indented or not; a line of cells is left as it is but for a
/// year's `年` (`2022 年基础值`): a header (`序号 指标 2022年 2025年`), a run of spaces or a tab
/// between cells, a `|`, or two figures a space apart (a table row a line,
/// `1 普惠托位占比 % 45 60 70`: the spaces part its cells). `validate` compares quotes
/// without white space, so a quote read here is found in the source.
fn digits_unspaced(text: &str) -> Option<String> {
    let cjk = |c: char| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}');
    let figure = |c: char| c.is_ascii_digit() || c == '%';
    let prose = |line: &str| {
        // An indent (lynx's three spaces, a paragraph's) is no gap between cells.
        line.contains(['，', '。', '；', '：', '、'])
            && !line.trim().contains("  ")
            && !line.contains(['\t', '|', '｜', '│'])
            && !outline::figures_apart(line)
    };
    // Where a Chinese character and a figure meet in prose, and whether a space parts them.
    let meets = |c: &[char], i: usize| -> Option<bool> {
        let (a, b) = (*c.get(i)?, *c.get(i + 1)?);
        if cjk(a) && b.is_ascii_digit() || figure(a) && cjk(b) {
            return Some(false);
        }
        let after = *c.get(i + 2)?;
        (b == ' ' && (cjk(a) && after.is_ascii_digit() || figure(a) && cjk(after))).then_some(true)
    };
    let lines: Vec<(&str, Vec<char>)> = text
        .split_inclusive('\n')
        .map(|l| (l, l.chars().collect()))
        .collect();
    // A wrapped paragraph's line with no clause mark of its own (`义务教育…占比较 2022 年提高 35
    // 个百`) is prose as the line it goes on from is: after a line of prose that stops
    // mid-sentence, a line of text with no gap, tab or bar between cells and no two figures
    // apart. A line after a sentence's end (a table's header under its lead-in) is not.
    let marked: Vec<bool> = lines.iter().map(|(l, _)| prose(l)).collect();
    let prose_at = |k: usize| {
        let (l, _) = lines[k];
        let t = l.trim();
        let goes_on = k > 0
            && marked[k - 1]
            && !lines[k - 1]
                .0
                .trim_end()
                .ends_with(['。', '！', '？', '!', '?', '；', ';', '：', ':']);
        marked[k]
            || (goes_on
                && !t.is_empty()
                && !t.contains("  ")
                && !l.contains(['\t', '|', '｜', '│'])
                && !outline::figures_apart(l))
    };
    let (mut spaced, mut all) = (0, 0);
    for (_, c) in (0..lines.len()).filter(|k| prose_at(*k)).map(|k| &lines[k]) {
        for i in 0..c.len() {
            if let Some(s) = meets(c, i) {
                all += 1;
                spaced += usize::from(s);
            }
        }
    }
    // The tools space every such meeting; an author's stray space (`2024 年,…4个`) is his.
    if spaced == 0 || spaced * 2 < all {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (k, (_, c)) in lines.iter().enumerate() {
        if !prose_at(k) {
            // In a line of cells of such a text only a year keeps its 年 (`2022 年基础值`,
            // `2023—2027 年`): no cell starts with 年 after a cell of a year.
            let mut i = 0;
            while i < c.len() {
                // An age inside a name (`拥有 3 岁以下`, `65 周岁以上`): one word.
                if c[i] == ' '
                    && i > 0
                    && cjk(c[i - 1])
                    && let Some(end) = spaced_age(c, i + 1)
                {
                    out.extend(c[i + 1..end].iter().filter(|&&x| x != ' '));
                    i = end;
                    continue;
                }
                out.push(c[i]);
                if c[i].is_ascii_digit() && spaced_year(c, i) {
                    i += 1;
                }
                i += 1;
            }
            continue;
        }
        let mut i = 0;
        while i < c.len() {
            out.push(c[i]);
            if meets(c, i) == Some(true) {
                i += 1;
            }
            i += 1;
        }
    }
    Some(out)
}

/// Where an age a tool spaced ends (`3 岁`, `0—3 岁`, `65 周岁`: one to three digits, a range's
/// dash, a space, `岁` or `周岁`), the age starting at `c[i]`; None for anything else.
fn spaced_age(c: &[char], i: usize) -> Option<usize> {
    let mut k = i;
    let digits = |k: &mut usize| {
        let from = *k;
        while c.get(*k).is_some_and(char::is_ascii_digit) {
            *k += 1;
        }
        (1..=3).contains(&(*k - from))
    };
    if !digits(&mut k) {
        return None;
    }
    if c.get(k)
        .is_some_and(|d| matches!(d, '—' | '-' | '～' | '~'))
    {
        k += 1;
        if !digits(&mut k) {
            return None;
        }
    }
    if c.get(k) != Some(&' ') {
        return None;
    }
    match (c.get(k + 1), c.get(k + 2)) {
        (Some('岁'), _) => Some(k + 2),
        (Some('周'), Some('岁')) => Some(k + 3),
        _ => None,
    }
}

/// Whether `c[i]` ends a year (four digits, 19xx or 20xx, no digit before) that a single space
/// parts from its `年`.
fn spaced_year(c: &[char], i: usize) -> bool {
    let Some(from) = i.checked_sub(3) else {
        return false;
    };
    let year = &c[from..=i];
    year.iter().all(char::is_ascii_digit)
        && matches!(year[..2], ['1', '9'] | ['2', '0'])
        && !from.checked_sub(1).is_some_and(|k| c[k].is_ascii_digit())
        && c.get(i + 1) == Some(&' ')
        && c.get(i + 2) == Some(&'年')
}

/// The text with its no-break and fixed-width spaces (U+00A0, U+2002–U+200A, U+202F, U+205F)
/// as plain spaces, one for one; None when it has none. One between two digits stays: it
/// groups a figure's thousands (`71 850`), which the figure readers take as one number.
/// `validate` compares quotes without white space, so a quote read here is found there.
fn plain_spaces(text: &str) -> Option<String> {
    let odd = |c: char| {
        matches!(
            c,
            '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}'
        )
    };
    if !text.contains(odd) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let digit = |k: Option<&char>| k.is_some_and(char::is_ascii_digit);
    Some(
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let grouping = i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1));
                if odd(c) && !grouping { ' ' } else { c }
            })
            .collect(),
    )
}

/// Whether a number is something to reach, or a figure the document reports as already reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Target,
    /// A past figure (十三五 results, 2023年 achievements, 已建成, 较…提高): offered as a baseline.
    Baseline,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Target => "target",
            Kind::Baseline => "baseline",
        }
    }
}

/// One number the document commits to (or reports), with everything needed to encode it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub kind: Kind,
    /// The indicator as the sentence names it (the words around the number).
    pub indicator: String,
    /// The year: stated in the sentence, or the plan's end year (then `year_stated` is false).
    pub year: Option<i32>,
    pub year_stated: bool,
    /// As read: [`Op::Reach`] for a bare number or 达到X, resolved only against the catalog.
    pub op: Op,
    pub value: Option<Decimal>,
    pub high: Option<Decimal>,
    pub unit: Option<String>,
    pub scope: Scope,
    /// The prose phrase, verbatim: `达到5.55个以上`.
    pub text: Option<String>,
    /// The verbatim clause holding `text`.
    pub quote: Option<String>,
    /// A table cell as printed, and the whole row (cells joined by single spaces).
    pub cell: Option<String>,
    pub table: Option<String>,
    pub row: Option<String>,
    pub lead: Option<String>,
    pub domain: Option<Domain>,
    /// The section heading as printed (or the domain it names).
    pub area: Option<String>,
    /// `二、(一)2`.
    pub section: Option<String>,
    /// 1-based line of the document.
    pub line: usize,
    /// What a person must settle about the number itself (catalog questions come later).
    pub doubts: Vec<String>,
    /// The sign printed on a table row's name or label (`*`, `▲`, `☆`).
    pub marker: Option<String>,
    /// The table row is cut off (fewer cells than the header has columns).
    pub truncated: bool,
    /// A table figure's column header as printed (`2018—2022年平均`, `2022年基础值`).
    pub heading: Option<String>,
    /// A baseline over a span of years (`“十三五”平均值`, `2018—2022年累计`): what it measures and
    /// the span's first year; its last is `year`. Read by the draft ([`span`]).
    pub span: Option<(crate::plan::schema::Measure, i32)>,
    /// A figure worked out, not printed (`翻一番` of a printed base: [`doubling`]): the draft
    /// keeps it in `note` with a question, never as a target's `cell` or `text`.
    pub computed: bool,
}

impl Candidate {
    fn blank(line: usize) -> Candidate {
        Candidate {
            kind: Kind::Target,
            indicator: String::new(),
            year: None,
            year_stated: false,
            op: Op::Reach,
            value: None,
            high: None,
            unit: None,
            scope: Scope::Level,
            text: None,
            quote: None,
            cell: None,
            table: None,
            row: None,
            lead: None,
            domain: None,
            area: None,
            section: None,
            line,
            doubts: Vec::new(),
            marker: None,
            truncated: false,
            heading: None,
            span: None,
            computed: false,
        }
    }

    pub(crate) fn source(&self) -> &'static str {
        if self.cell.is_some() {
            "table"
        } else {
            "prose"
        }
    }
}

/// What the document says about itself, for the draft's header.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DocInfo {
    pub title: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
    /// The issuing office, where the page labels it (发布机构) or the notice names it.
    pub issuer: Option<String>,
    /// `implementation`, `work-points` or `five-year-plan`.
    pub kind: Option<&'static str>,
    pub jurisdiction: Option<String>,
    pub start: Option<i32>,
    pub end: Option<i32>,
    /// The period is not the title's: inferred from the years the document aims at.
    pub period_assumed: bool,
    /// A 政府工作报告: what it sets without a year is for the year it is given in.
    pub report: bool,
    /// A bulletin on a year's progress (`…进展情况的通报`): its prose reports what the year has
    /// reached, and only the targets it quotes are figures.
    pub progress: bool,
}

/// The result of reading one document.
#[derive(Debug, Clone)]
pub(crate) struct Extraction {
    pub info: DocInfo,
    pub candidates: Vec<Candidate>,
    /// What the document says its printed signs mean (`注:带*号为省定核心指标`).
    pub legends: Vec<legend::Legend>,
    /// Tables that split figures among other jurisdictions (towns, counties).
    pub splits: Vec<split::Split>,
}

/// A candidate as the tests compare it: `kind year value` (`target 2027 5.5`).
/// The first `max` bytes of `text` or fewer, cut at a character's boundary: where a reader
/// looks for what kind of file a text is without scanning all of it.
pub(crate) fn head(text: &str, max: usize) -> &str {
    let cut = (0..=text.len().min(max))
        .rev()
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(0);
    &text[..cut]
}

#[cfg(test)]
pub(crate) fn kind_year_value(c: &Candidate) -> String {
    format!(
        "{} {} {}",
        c.kind.name(),
        c.year.unwrap_or_default(),
        c.value.unwrap_or_default()
    )
}

/// Whether line `at` is the rule a document draws over its footnotes: a line of at least five
/// `─━—_-=` alone, the next line opening with a note mark (`①`…`⑳`).
fn footnote_rule(lines: &[&str], at: usize) -> bool {
    let t = lines[at].trim();
    t.chars().count() >= 5
        && t.chars().all(|c| "─━—_-=".contains(c))
        && lines
            .get(at + 1)
            .and_then(|l| l.trim().chars().next())
            .is_some_and(crate::plan::validate::is_note_mark)
}

/// Headings a web page puts over its links to other pages.
const LINK_HEADINGS: [&str; 9] = [
    "相关链接",
    "延伸阅读",
    "相关阅读",
    "相关文章",
    "相关新闻",
    "推荐阅读",
    "相关推荐",
    "友情链接",
    "相关文件",
];

/// Whether line `at` heads a web page's links to other pages (`相关链接`, `【延伸阅读】`), and if
/// so the line after them: each a title, with or without its date (`奉化区2023年民生实事项目（10件）
/// 进展情况\t2023-08-30`), none a sentence (no `。` or `；`), up to a blank line or a sentence.
/// A title's numbers are the other page's, no statement of this one.
fn related_links(lines: &[&str], at: usize) -> Option<usize> {
    let t = lines[at]
        .trim()
        .trim_matches(['【', '】', '[', ']', '：', ':', ' ', '■', '▍', '|']);
    if !LINK_HEADINGS.contains(&t) {
        return None;
    }
    let link = |l: &str| {
        let t = l.trim();
        !t.is_empty() && !t.contains(['。', '；', ';']) && t.chars().count() <= 80
    };
    let mut k = at + 1;
    while k < lines.len() && link(lines[k]) {
        k += 1;
    }
    Some(k)
}

/// Headings of the instructions printed under a form (a ballot, a return to fill in).
const INSTRUCTION_HEADINGS: [&str; 5] =
    ["填表说明", "填报说明", "填写说明", "投票说明", "票决说明"];

/// Whether line `at` heads a form's instructions (`填表说明：`, a CSV row `填表说明：,,,,`), and if
/// so the line after them: the heading's line and the notes under it up to a blank line. They
/// tell whoever fills the form in how to (`请在…栏内划“○”`, `本次票决候选项目12个，…确定正式项目
/// 10个`, `每季度结束后10日内报送`): their numbers count the form's entries and set its rules, no
/// statement of the plan. A note that is not a form's (`说明：`, `注：`) is read as before.
fn form_instructions(lines: &[&str], at: usize) -> Option<usize> {
    let t = lines[at]
        .trim()
        .trim_start_matches(['"', '【', '[', ' '])
        .trim_end_matches([',', '\t', ' ']);
    if !INSTRUCTION_HEADINGS.iter().any(|h| t.starts_with(h)) {
        return None;
    }
    let mut k = at + 1;
    while k < lines.len() && !lines[k].trim().trim_matches(',').is_empty() {
        k += 1;
    }
    Some(k)
}

/// Reads a document (already decoded) into candidates. `end_year` overrides the plan's end year.
pub(crate) fn extract(text: &str, end_year: Option<i32>) -> Extraction {
    let lines_ended = bare_cr_ends(text);
    let text = lines_ended.as_deref().unwrap_or(text);
    let (source, source_lines) = clean(text);
    // A page copied from a browser or a word processor keeps its no-break spaces (an indent, a
    // table's alignment, a gap after a label): every reader below takes them for spaces.
    let source = plain_spaces(&source).unwrap_or(source);
    // Mathpix, some PDF tools and pangu-style editors put a space between Chinese and a figure
    // (`到 2025 年`, `达到 95%`): read as the text without it.
    let source = digits_unspaced(&source).unwrap_or(source);
    // A page tesseract read, a space between every two characters: read as the page prints it
    // (validate reads the source so too).
    let source = crate::ocr::spaced(&source).unwrap_or(source);
    // A scanned page's OCR puts letters for digits inside figures (`6O%`, `4.l%`): read as the
    // digits (validate reads the source so too), before the 繁體 fold.
    let read = crate::ocr::digits(&source);
    // What it read so is a guess a person must check against the scan (`5l` may be 51 or 5.1).
    let misread = read
        .as_deref()
        .map(|r| misreadings(&source, r))
        .unwrap_or_default();
    let source = read.unwrap_or(source);
    // A page shown through its 繁體 button is read as the Simplified text it was made from; what
    // is quoted is mapped back to the characters the source prints.
    let folded = crate::hant::fold(&source);
    // Figures typed in a full-width input mode (`２０２２年`, `３．２`, `５２％`) are read as ASCII,
    // and mapped back the same way.
    let folded = crate::numeral::narrow_figures(folded.as_deref().unwrap_or(&source)).or(folded);
    let text = folded.as_deref().unwrap_or(&source);
    let mut info = doc_info(text);
    if let Some(e) = end_year {
        info.end = Some(e);
        if info.start.is_some_and(|s| s > e) {
            info.start = Some(e);
        }
    }
    if info.end.is_none() {
        info.end = largest_by_year(text);
    }
    if info.start.is_none()
        && let Some(e) = info.end
    {
        // A title without its period: a year's work points cover that year; a five-year plan
        // or implementation plan the five years to its end (never a period of one year with a
        // baseline the year before its end).
        info.start = Some(if info.kind == Some("work-points") {
            e
        } else {
            e - 4
        });
        info.period_assumed = true;
    }
    let lines: Vec<&str> = text.lines().collect();
    let wrap = wrap_width(&lines);
    let written = info
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok());
    let mut outline = Outline::default();
    // The year a line of its own dates what is under it to ([`stage_line`]).
    let mut stage: Option<i32> = None;
    // Whether the stage is a lead sentence's ([`lead_year`]): it dates the `——` items right
    // after it only.
    let mut led = false;
    // A report's clauses with no year of their own (`一般性支出压减10%以上` under a heading
    // naming none) are for the year it is given in, not the end of the plans it cites.
    let reported = written.filter(|_| info.report);
    let mut out: Vec<Candidate> = Vec::new();
    let path_years = arrows::path_years(&lines, info.start, info.end);
    let mut i = 0;
    'lines: while i < lines.len() {
        if let Some((t, next)) = row_blocks(&lines, i)
            .or_else(|| cell_table(&lines, i))
            .or_else(|| aligned_table(&lines, i))
            .or_else(|| bar_table(&lines, i))
            .or_else(|| column_blocks(&lines, i))
        {
            out.extend(table_candidates(&t, &lines[next..], info.start, info.end));
            i = next;
            continue;
        }
        if let Some((figures, next)) = transposed_candidates(&lines, i, info.start, info.end) {
            out.extend(figures);
            i = next;
            continue;
        }
        if let Some((cards, next)) = card_candidates(&lines, i, info.start, info.end) {
            out.extend(cards);
            i = next;
            continue;
        }
        if let Some((figures, next)) = graphic_candidates(&lines, i, info.start, info.end) {
            out.extend(figures);
            i = next;
            continue;
        }
        // The footnotes under a rule (`① 按常住人口计算…2022年末常住人口为98.6万人。`): what a mark
        // explains, no statement of the plan, though they print numbers.
        if footnote_rule(&lines, i) {
            while i < lines.len() && !lines[i].trim().is_empty() {
                i += 1;
            }
            continue;
        }
        // A page's related links (`相关链接` over titles and dates): other pages' titles.
        if let Some(next) = related_links(&lines, i) {
            i = next;
            continue;
        }
        // A form's instructions (`填表说明：1.本次票决候选项目12个…`): how to fill it in.
        if let Some(next) = form_instructions(&lines, i) {
            i = next;
            continue;
        }
        // A path of figures under an indicator's name (`3.4个 → 4.5个（2025） → 5.0个（2027）`).
        if let Some(figures) = arrows::path_candidates(&lines, i, &path_years) {
            for mut c in figures {
                c.domain = outline.domain();
                c.area = outline.area();
                c.section = outline.section();
                out.push(c);
            }
            i += 1;
            continue;
        }
        // A paragraph a PDF broke at the page width is read whole.
        let (para, next) = paragraph(&lines, i, wrap);
        if let Some(y) = stage_line(&para) {
            stage = Some(y).filter(|y| info.start.is_none_or(|s| *y >= s));
            led = false;
        } else if let Some(y) = lead_year(&para).filter(|_| dash_item_at(&lines, next)) {
            stage = Some(y).filter(|y| info.start.is_none_or(|s| *y >= s));
            led = true;
        } else if section_line(&para)
            || led && !dash_item_at(&lines, i) && after_sentence(&lines, i)
        {
            stage = None;
            led = false;
        }
        for s in sentences(&para, i + 1) {
            let sq = without_spaces(&collect(&s.chars));
            // The annex after the plan is a staff list: names, titles and telephone numbers. A
            // notice that names its attachments before the plan has found no target yet.
            // An annex that is the plan's indicator table (`附件` / `…主要指标表`) is read.
            // `附件。` or `附件，…` is the end of a sentence a line break cut (`…年度目标见` /
            // `附件。`), no annex's heading.
            if sq.starts_with("附件")
                && !sq["附件".len()..].starts_with(['。', '，', '、', '；', '）', ')'])
                && (sq.contains("名单") || !out.is_empty() && !annex_of_indicators(&lines, i))
            {
                break 'lines;
            }
            if let Some((level, len, marker)) = heading_at(&s.chars, 0) {
                // A list item (`1.`) is one of the items a year standing alone dates.
                if level <= 2 {
                    stage = None;
                }
                outline.enter(
                    level,
                    marker,
                    heading_title(&s.chars, len),
                    heading_until(&s.chars, len),
                );
            }
            let cx = ProseContext {
                outline: &outline,
                start: info.start,
                // A stage's heading (`第一阶段（2023—2025年）`) is the end of what is under it, and
                // so is a year standing alone over items (`**到2025年**`).
                end: stage
                    .or(outline.until())
                    .filter(|u| info.start.is_none_or(|s| *u >= s))
                    .or(reported)
                    .or(info.end),
                written,
            };
            let mut read = prose_candidates(&s, &cx);
            // `2022年为每人每月290元，到2027年实现翻一番`: the level worked out from the base.
            let doubled = doubling::doubled_in(&s, &read, cx.end);
            read.extend(doubled);
            if info.progress {
                out.extend(read.into_iter().filter_map(|c| quoted_target(c, &info)));
            } else {
                out.extend(read);
            }
        }
        i = next;
    }
    // A row's `翻一番` worked out from its baseline; a correction supersedes the cell it corrects.
    doubling::doubled_cells(&mut out);
    correction::corrected(&mut out, &lines);
    for c in &mut out {
        table::change_doubt(c);
        ocr_doubt(c, &misread);
    }
    // Pages that print their text twice give every candidate twice (under the same headings: a
    // plan that restates a goal word for word in another section states it twice).
    let mut seen = std::collections::HashSet::new();
    out.retain(|c| {
        seen.insert((
            c.section.clone(),
            c.year,
            c.quote.clone(),
            c.text.clone(),
            c.cell.clone(),
            c.table.clone(),
            c.indicator.clone(),
        ))
    });
    if let Some(f) = &folded {
        let u = crate::hant::Unfold::new(&source, f);
        let back = |s: &mut Option<String>| {
            if let Some(t) = s.as_mut() {
                *t = u.unfold(t);
            }
        };
        // A cell is mapped back inside its row and a phrase inside its quote: a short figure
        // (`65`) is printed both ways in a document typed partly in full-width mode, and only
        // its own row or clause says which.
        let within =
            |whole: &Option<String>, folded: &Option<String>, part: &mut Option<String>| {
                if let (Some(w), Some(f), Some(p)) = (whole, folded, part.as_mut()) {
                    *p = crate::hant::Unfold::new(w, f).unfold(p);
                }
            };
        for c in &mut out {
            let (quote, row) = (c.quote.clone(), c.table.clone());
            back(&mut c.quote);
            back(&mut c.table);
            if quote.is_some() {
                within(&c.quote, &quote, &mut c.text);
            } else {
                back(&mut c.text);
            }
            if row.is_some() {
                within(&c.table, &row, &mut c.cell);
            } else {
                back(&mut c.cell);
            }
        }
    }
    let mut splits = split::splits(text);
    // Lines are counted in the text as read; the user's document has its HTML tables on the
    // lines they were printed on (MinerU puts a whole table on one).
    if let Some(map) = &source_lines {
        let at = |l: usize| {
            l.checked_sub(1)
                .and_then(|k| map.get(k))
                .copied()
                .unwrap_or(l)
        };
        for c in &mut out {
            c.line = at(c.line);
        }
        for s in &mut splits {
            s.lines = at(*s.lines.start())..=at(*s.lines.end());
        }
    }
    Extraction {
        info,
        candidates: out,
        legends: legend::legends(text),
        splits,
    }
}

/// Words that name the target a progress bulletin quotes (`年度目标（4.2个）`, `年度目标为65%以上`,
/// `年度计划5所`, `全年任务（4家）`, `年度任务1200套（间）`); `目标为` is 目标 once the `为` before
/// the figure is trimmed.
const QUOTED_TARGET: [&str; 4] = ["目标", "任务", "计划", "目标值"];

/// Words that set a level from the one before (`由每人每月1130元提高到1230元`).
const SET_TO: [&str; 6] = ["提高到", "提高至", "提升到", "提升至", "调整为", "调整到"];

/// A prose figure of a bulletin on a year's progress, as what it is: the bulletin reports what
/// the year has reached (`达到4.3个`, `为63%`, `完成…的77.3%`, `序时进度（75%）`, counts of
/// indicators and lights), none of which is a figure; the targets it quotes are the year's
/// (`已超过年度目标（4.2个）`, `年度计划5所`, `控制在1.65以内的年度目标`), and so is a level it
/// says was set (`由…1130元提高到1230元`); a past year's figure stays a baseline.
fn quoted_target(mut c: Candidate, info: &DocInfo) -> Option<Candidate> {
    let quote = c.quote.as_deref()?;
    let text = c.text.as_deref()?;
    let at = quote.find(text)?;
    let before = quote[..at].trim_end_matches(['（', '(', '：', ':', ' ', '是', '为']);
    let after = &quote[at + text.len()..];
    // `确保年底前…达到4.5个、…65%以上`: what a bulletin asks the year to end at.
    let ensured = ["确保年底", "确保全年", "确保年内"]
        .iter()
        .any(|w| quote[..at].contains(w));
    let named = ensured
        || QUOTED_TARGET.iter().any(|w| before.ends_with(w))
        || ["的年度目标", "的目标", "的全年目标"]
            .iter()
            .any(|w| after.starts_with(w));
    let set = SET_TO
        .iter()
        .any(|w| quote[..at].ends_with(w) || text.starts_with(w));
    if named || set {
        c.kind = Kind::Target;
        c.year = info.end;
        return Some(c);
    }
    (c.kind == Kind::Baseline && info.start.is_some_and(|s| c.year.is_some_and(|y| y < s)))
        .then_some(c)
}

/// A figure OCR printed with a letter for a digit: its line (0-based), as printed (`5l`) and as
/// read (`51`).
type Misreading = (usize, String, String);

/// Where [`crate::ocr::digits`] read a letter as a digit: each figure so read, printed and read.
/// The reading keeps every line's length, so the two texts are compared character by character.
fn misreadings(printed: &str, read: &str) -> Vec<Misreading> {
    let digitish = crate::ocr::digitish;
    let mut out = Vec::new();
    for (n, (p, r)) in printed.split('\n').zip(read.split('\n')).enumerate() {
        if p == r {
            continue;
        }
        let (p, r): (Vec<char>, Vec<char>) = (p.chars().collect(), r.chars().collect());
        let mut k = 0;
        while k < p.len().min(r.len()) {
            if p[k] == r[k] {
                k += 1;
                continue;
            }
            let mut a = k;
            while a > 0 && digitish(p[a - 1]) {
                a -= 1;
            }
            let mut b = k;
            while b < p.len().min(r.len()) && digitish(p[b]) {
                b += 1;
            }
            out.push((
                n,
                p[a..b].iter().collect(),
                r[a..b]
                    .iter()
                    .collect::<String>()
                    .trim_matches('.')
                    .to_string(),
            ));
            k = b.max(k + 1);
        }
    }
    out
}

/// The doubt on a figure read from a number OCR printed with a letter for a digit, on its line.
fn ocr_doubt(c: &mut Candidate, misread: &[Misreading]) {
    let Some(printed) = c.cell.as_deref().or(c.text.as_deref()) else {
        return;
    };
    let line = c.line.saturating_sub(1);
    for (_, was, read) in misread
        .iter()
        .filter(|(n, _, r)| *n == line && !r.is_empty() && printed.contains(r.as_str()))
    {
        c.doubts.push(crate::tr!(
            "原文印作 `{was}`，读作 `{read}`：可能是 OCR 把数字认成了字母，请对照扫描件核对",
            "the source prints `{was}`, read as `{read}`: a letter OCR put for a digit? check the figure against the scanned page"
        ));
    }
}

/// The year a line standing alone names as what the items under it reach by, whatever marks
/// it (`**到2025年**`, `【到2027年】`, `到2025年：`): an article dates its bullets so, as a plan's
/// stage heading does, up to the next such line or the next section.
fn stage_line(para: &str) -> Option<i32> {
    let t: String = para
        .chars()
        .filter(|c| c.is_ascii_digit() || scan::is_cjk(*c))
        .collect();
    let year = t.strip_prefix(['到', '至'])?.strip_suffix('年')?;
    (year.len() == 4)
        .then(|| year.parse().ok())
        .flatten()
        .filter(|y| (2000..=2100).contains(y))
}

/// The year a goal's lead sentence names with no figure of its own (`到2025年，公共服务“七优享”
/// 工程取得显著成效，…。`): the `——幼有善育。…` items under it, each a paragraph of its own, are
/// what it says will be reached by then, as a year standing alone dates what is under it.
fn lead_year(para: &str) -> Option<i32> {
    let t = para.trim();
    let rest = t.strip_prefix(['到', '至'])?;
    let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[year.len()..].strip_prefix('年')?;
    let clause = after.strip_prefix(['，', ','])?;
    (year.len() == 4
        && !clause
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)))
    .then(|| year.parse().ok())
    .flatten()
    .filter(|y| (2000..=2100).contains(y))
}

/// Whether the first line with text from `at` on is a `——` item (`——幼有善育。…`).
fn dash_item_at(lines: &[&str], at: usize) -> bool {
    lines[at.min(lines.len())..]
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with("——"))
}

/// Whether the last line with text before `at` ends a sentence: a line after it starts a
/// paragraph, not the rest of an item a page broke (`…达标学校占` / `比达到80%。`).
fn after_sentence(lines: &[&str], at: usize) -> bool {
    lines[..at.min(lines.len())]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .is_none_or(|l| l.ends_with(['。', '；', ';', '！', '!', '：', ':']))
}

/// A line naming a section and nothing more (`👶 **幼有善育**`, `📚 学有优教`): what a year
/// standing alone above dated ends there.
fn section_line(para: &str) -> bool {
    let words: String = para.chars().filter(|c| scan::is_cjk(*c)).collect();
    !para.chars().any(|c| c.is_ascii_digit())
        && words.chars().count() <= 8
        && outline::domain_in(&words).is_some()
}

/// Whether the annex starting at line `at` holds indicators or targets (its title, on its line or
/// the next few, names 指标 or 目标, or the header of its table a cell a line does, under a title
/// that names neither: `…考核评分细则` / `序号` / `考核指标`): a table to read, not a staff list.
fn annex_of_indicators(lines: &[&str], at: usize) -> bool {
    lines[at..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .any(|l| {
            let t = without_spaces(l);
            t.chars().count() <= 60 && (t.contains("指标") || t.contains("目标"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_cut_at_a_characters_boundary() {
        assert_eq!(head("诸暨市", 4), "诸");
        assert_eq!(head("诸暨市", 6), "诸暨");
        assert_eq!(head("abc", 4096), "abc");
        assert_eq!(head("诸", 2), "");
    }
    use crate::plan::CatalogIndex;

    /// A bulletin on a year's progress (round 16's qujiang): what the year has reached, shares
    /// done, the 序时进度 and counts are no figures; the targets it quotes are the year's, and
    /// a level set from the one before; a plan's prose is read as before.
    #[test]
    fn a_progress_bulletin_quotes_its_targets() {
        let doc = "某县公共服务“七优享”工程建设工作专班办公室\n关于2024年前三季度公共服务“七优享”工程\n主要指标进展情况的通报\n\
截至9月底，32项指标中达到序时进度（75%）的24项，占75%。\n\
每千人口拥有3岁以下婴幼儿托位数达到4.3个，已超过年度目标（4.2个）；普惠托位占比为63%，年度目标为65%以上。\n\
新改扩建中小学校2所，年度计划5所。城镇新增就业6180人，完成年度目标（8000人）的77.3%。\n\
城乡居民收入倍差缩小至1.62，已实现控制在1.65以内的年度目标。县域就诊率88.7%，距年度目标（90%）还差1.3个百分点。\n\
城乡低保标准由每人每月1130元提高到1230元。全县已谋划2025年重点项目36个。\n";
        let mut got: Vec<String> = extract(doc, None)
            .candidates
            .iter()
            .map(kind_year_value)
            .collect();
        got.sort();
        let mut want = vec![
            "target 2024 4.2",
            "target 2024 65",
            "target 2024 5",
            "target 2024 8000",
            "target 2024 1.65",
            "target 2024 90",
            "baseline 2023 1130",
            "target 2024 1230",
        ];
        want.sort();
        assert_eq!(got, want);
        // The same sentences in a plan: what it reaches is read.
        let plan = "某县公共服务“七优享”工程实施方案（2023—2027年）\n到2027年，每千人口拥有3岁以下婴幼儿托位数达到4.3个。\n";
        let got: Vec<String> = extract(plan, None)
            .candidates
            .iter()
            .map(kind_year_value)
            .collect();
        assert_eq!(got, ["target 2027 4.3"]);
    }

    /// A bulletin of an inspection (round 19's taizhou): what it asks the year to end at
    /// (`确保年底前…达到4.5个、…65%以上`) is the year's target, what was reached none; its table
    /// of places (`地区 | 每千人口托位数（个） | …`) gives its target row (`全市年度目标`) and its
    /// year's level (`全市2023年完成值`), and no place's or part-year's row, over a page break
    /// and the header printed again. Near misses: a target row with its year, a 注 under the table.
    #[test]
    fn an_inspection_bulletin_s_targets_and_table_of_places() {
        let head =
            "某市七优享专班办公室\n关于2024年1—9月公共服务“七优享”工程重点指标推进情况的督查通报\n";
        let doc = format!(
            "{head}全市托位数达到4.3个，普惠托位占比63.2%。确保年底前全市托位数达到4.5个、普惠托位占比达到65%以上。\n\n| 地区 | 托位数（个） | 普惠托位占比（%） | 进度评价 |\n|---|---|---|---|\n| 全市年度目标 | 4.5 | ≥65 | / |\n| 全市2023年完成值 | 4.1 | 61.5 | / |\n| 全市1—9月 | 4.3 | 63.2 | 符合 |\n| 甲县 | 4.6 | 66.1 | 较快 |\n\n- 3 -\n\n| 地区 | 托位数（个） | 普惠托位占比（%） | 进度评价 |\n|---|---|---|---|\n| 乙县 | 3.9 | 57.6 | 滞后 |\n| 2025年目标值 | 4.8 | 68 | / |\n\n注：进度评价按序时进度（75%）确定。\n"
        );
        let mut got: Vec<String> = extract(&doc, None)
            .candidates
            .iter()
            .map(kind_year_value)
            .collect();
        got.sort();
        let mut want = vec![
            "target 2024 4.5",
            "target 2024 65",
            "target 2024 4.5",
            "target 2024 65",
            "baseline 2023 4.1",
            "baseline 2023 61.5",
            "target 2025 4.8",
            "target 2025 68",
        ];
        want.sort();
        assert_eq!(got, want);
    }

    /// A `|` table goes on over a page break (issue #14's leftover): the rows after a page's
    /// number (`- 3 -`), footer (`第 4 页 共 9 页`), form feed or a converter's page line
    /// (`{3}----`) are its rows, and its header printed again is no row. Near miss: a page number
    /// after the table's last row, then prose.
    #[test]
    fn a_table_goes_on_over_a_page_break() {
        let row = |n: u32, v: &str| format!("| {n} | 指标{n}数 | 个 | 1.{n} | {v} |\n");
        let header = "| 序号 | 指标 | 单位 | 2022年基础值 | 2027年 |\n";
        for marker in [
            "- 3 -",
            "第 4 页 共 9 页",
            "\u{c}",
            "{3}------------------------------------------------",
            "第3页/共9页",
            "— 12 —",
        ] {
            let doc = format!(
                "某县公共服务“七优享”工程实施方案（2023—2027年）\n附件\n{header}|---|---|---|---|---|\n{}{}\n{marker}\n\n{header}{}{}",
                row(1, "5.1"),
                row(2, "5.2"),
                row(3, "5.3"),
                row(4, "5.4")
            );
            let got = figures(&doc);
            assert_eq!(
                got,
                "baseline 2022 1.1, target 2027 5.1, baseline 2022 1.2, target 2027 5.2, baseline 2022 1.3, target 2027 5.3, baseline 2022 1.4, target 2027 5.4",
                "{marker:?}"
            );
        }
        for l in [
            "- 3 -",
            "第 3 页 共 9 页",
            "共9页 第3页",
            "Page 3 of 9",
            "{12}----",
            "\u{c}",
            "=== 第 3 页 ===",
        ] {
            assert!(table::page_break_line(l), "{l:?}");
        }
        for l in ["第3页的表格", "{a}----", "| 3 |", "共有9个乡镇", "第三章"] {
            assert!(!table::page_break_line(l), "{l:?}");
        }
    }

    /// The values a document's candidates read, in order.
    fn values(doc: &str) -> Vec<String> {
        extract(doc, None)
            .candidates
            .iter()
            .filter_map(|c| c.value.map(|v| v.to_string()))
            .collect()
    }

    /// A page's related links (titles of other pages, with their dates) under their heading are
    /// no figures.
    #[test]
    fn related_links_are_no_figures() {
        let head = "某区公共服务“七优享”工程实施方案（2023—2027年）\n到2027年，每千人口托位数达到4.8个。\n";
        let links = "相关链接\n奉化区2023年民生实事项目（10件）进展情况\t2023-08-30\n关于公布2023年第二批示范点名单的通知\t2023-07-12\n网站地图 | 联系我们\n";
        assert_eq!(values(&format!("{head}{links}")), vec!["4.8"]);
        assert_eq!(
            values(&format!("{head}【延伸阅读】\n2025年新增普惠托位2000个\n")),
            vec!["4.8"]
        );
        // Near misses: a 解读 is the plan's own words; a sentence under the heading is read; a
        // title's figures with no heading over it are read as before.
        assert_eq!(
            values(&format!(
                "{head}【相关解读】\n答：到2025年，全区新增普惠托位2000个。\n"
            )),
            vec!["4.8", "2000"]
        );
        assert_eq!(
            values(&format!(
                "{head}相关链接\n到2027年，普惠托位占比达到70%。\n"
            )),
            vec!["4.8", "70"]
        );
    }

    /// A form's instructions (`填表说明：` over numbered notes, as text or as CSV rows) are no
    /// figures, up to a blank line. Near misses: a sentence after the blank line is read; a
    /// note under another heading (`说明：`) is read as before.
    #[test]
    fn a_form_s_instructions_are_no_figures() {
        let head = "某区2024年民生实事项目候选项目票决表\n到2024年，新增普惠托位600个。\n";
        for notes in [
            "填表说明：\n1.本次票决候选项目12个，按得票多少确定正式项目10个。\n2.每季度结束后10日内报送。\n",
            "填表说明：,,,,,,,\n1.本次票决候选项目12个，确定正式项目10个。,,,,,,,\n",
            "【填报说明】1.本表共12项。\n",
        ] {
            assert_eq!(values(&format!("{head}{notes}")), vec!["600"], "{notes}");
        }
        assert_eq!(
            values(&format!(
                "{head}填表说明：\n1.本次候选项目12个。\n\n到2024年，新增学位3600个。\n"
            )),
            vec!["600", "3600"]
        );
        assert_eq!(
            values(&format!("{head}说明：新建社区卫生服务站3个。\n")),
            vec!["600", "3"]
        );
    }

    /// Footnotes under a rule are no statements (`2022年末常住人口为98.6万人`, `共有幼儿园105所`);
    /// the figure a mark stands on is read. Near misses: a `①` item with no rule over it, and a
    /// rule over text that is no footnote, are read as before.
    #[test]
    fn footnotes_under_a_rule_are_no_figures() {
        let head = "某区公共服务“七优享”工程实施方案（2023—2027年）\n到2027年，每千人口托位数达到4.8个①。\n";
        let notes = "──────────\n① 按常住人口计算，2022年末常住人口为98.6万人。\n② 2022年全区共有幼儿园105所。\n\n—3—\n";
        assert_eq!(values(&format!("{head}{notes}")), vec!["4.8"]);
        assert_eq!(
            values(&format!("{head}\n①到2027年，普惠托位占比达到70%。\n")),
            vec!["4.8", "70"]
        );
        assert_eq!(
            values(&format!(
                "{head}──────────\n到2027年，普惠托位占比达到70%。\n"
            )),
            vec!["4.8", "70"]
        );
    }

    /// A year's 考核评价办法: its own title and year, not the plan it cites (2023—2027); its prose
    /// of scores, grades and weights (`70分`, `90分以上为优秀`, `完成率低于60%的不得分`, `每项加1分`,
    /// `32项重点任务`) no figures; its annex, titled `…评分细则` with 指标 only in its table's
    /// header a cell a line, read, the 分值 column and the 评分标准 text no figures, each row's
    /// 完成值 a baseline and 目标值 a target. Minutes (`15分钟`) and `十万分之九` stay what they are.
    #[test]
    fn an_assessments_scores_are_no_targets() {
        let doc = "关于印发某市公共服务“七优享”工程2024年度考核评价办法的通知\n某政办发〔2024〕15号\n\
考核实行百分制，由指标完成情况（70分）、重点任务推进（20分）和群众满意度（10分）三部分组成。\n\
对照《某市公共服务“七优享”工程实施方案（2023—2027年）》确定的2024年度目标计分，完成率低于60%的不得分。\n\
重点考核32项重点任务的推进情况。获评省级优秀案例的，每项加1分。\n\
考核得分90分以上为优秀，60分以下为不合格。\n\
到2024年，建成“15分钟公共服务圈”，婴儿死亡率控制在十万分之九以下。\n\
附件\n某市公共服务“七优享”工程2024年度考核评分细则\n序号\n考核指标\n单位\n分值\n2023年完成值\n2024年目标值\n评分标准\n\
1\n每千人口拥有3岁以下婴幼儿托位数\n个\n12\n4.3\n4.6\n达到目标值得12分；每低0.1个扣1.5分\n\
2\n城镇调查失业率\n%\n8\n4.1\n<5\n控制在目标以内得8分\n";
        let x = extract(doc, None);
        assert_eq!((x.info.start, x.info.end), (Some(2024), Some(2024)));
        let got: Vec<String> = x
            .candidates
            .iter()
            .map(crate::extract::kind_year_value)
            .collect();
        assert_eq!(
            got,
            [
                "target 2024 9",
                "baseline 2023 4.3",
                "target 2024 4.6",
                "baseline 2023 4.1",
                "target 2024 5"
            ],
            "{doc}"
        );
        assert_eq!(table::column_of("分值"), table::Column::Text);
        assert_eq!(table::column_of("评分标准"), table::Column::Text);
    }

    /// A sentence broken before its last word, `附件。` on a line of its own (`…各项指标年度目标见`
    /// / `附件。`), is no annex's heading: what follows it is still read. An annex of staff names
    /// after the plan still ends the reading.
    /// What `extract` reads from `doc`: each candidate's kind, year and value, and its doubts.
    fn read_back(doc: &str) -> Vec<(String, i32, String, usize)> {
        extract(doc, None)
            .candidates
            .iter()
            .map(|c| {
                (
                    c.kind.name().to_string(),
                    c.year.unwrap_or_default(),
                    c.value.unwrap_or_default().normalize().to_string(),
                    c.doubts.len(),
                )
            })
            .collect()
    }

    /// A figure OCR printed with a letter for a digit (`5l`, `6O%`, `4.l`) is read as the digits
    /// with a doubt naming what the source prints; a figure printed right has none, and a code
    /// (`PM2.5`, `O2O`) is no misreading.
    #[test]
    fn an_ocr_misread_figure_is_read_with_a_doubt() {
        let head = "某县公共服务“七优享”工程实施方案（2023—2027年）\n";
        for (line, want) in [
            ("到2027年，普惠托位占比达到6O%。", vec![("60", 1)]),
            ("到2027年，每千人口拥有托位数达到5.l个。", vec![("5.1", 1)]),
            (
                "到2027年，护理员达到5l人，养老床位达到1200张。",
                vec![("51", 1), ("1200", 0)],
            ),
            ("到2027年，普惠托位占比达到60%。", vec![("60", 0)]),
        ] {
            let got: Vec<(String, usize)> = extract(&format!("{head}{line}\n"), None)
                .candidates
                .iter()
                .map(|c| {
                    (
                        c.value.unwrap_or_default().normalize().to_string(),
                        c.doubts.len(),
                    )
                })
                .collect();
            let want: Vec<(String, usize)> =
                want.iter().map(|(v, n)| (v.to_string(), *n)).collect();
            assert_eq!(got, want, "{line}");
        }
        assert_eq!(
            misreadings("达到5l人，PM2.5下降\n6O%", "达到51人，PM2.5下降\n60%"),
            vec![
                (0, "5l".to_string(), "51".to_string()),
                (1, "6O".to_string(), "60".to_string())
            ]
        );
        assert!(misreadings("", "").is_empty());
    }

    /// A change committed to in a year's column (`较2022年提高10个百分点`, `较上年提高1个百分点`,
    /// `年均增长6%`) is that year's figure, with a doubt asking for the level; `不低于上年` (no
    /// number) and `—` are none.
    #[test]
    fn a_change_in_a_cell_is_a_figure_to_settle() {
        let head = "某县公共服务“七优享”工程实施方案（2023—2027年）\n主要指标\n序号\t指标\t单位\t2022年基础值\t2025年\t2027年\t责任单位\n";
        let t = |s: &str| s.to_string();
        for (row, want) in [
            (
                "1\t达标学校占比\t%\t57\t较2022年提高10个百分点\t较2022年提高20个百分点\t县教育局",
                vec![
                    (t("baseline"), 2022, t("57"), 0),
                    (t("target"), 2025, t("10"), 1),
                    (t("target"), 2027, t("20"), 1),
                ],
            ),
            (
                "2\t护理型床位占比\t%\t54\t较上年提高1个百分点\t65\t县民政局",
                vec![
                    (t("baseline"), 2022, t("54"), 0),
                    (t("target"), 2025, t("1"), 1),
                    (t("target"), 2027, t("65"), 0),
                ],
            ),
            (
                "3\t居民人均可支配收入\t万元\t7.21\t年均增长6%\t10左右\t县统计局",
                vec![
                    (t("baseline"), 2022, t("7.21"), 0),
                    (t("target"), 2025, t("6"), 1),
                    (t("target"), 2027, t("10"), 0),
                ],
            ),
            (
                "4\t公众满意度\t%\t90\t不低于上年\t—\t县统计局",
                vec![(t("baseline"), 2022, t("90"), 0)],
            ),
        ] {
            assert_eq!(read_back(&format!("{head}{row}\n")), want, "{row}");
        }
    }

    /// A quotation that states a target (`调整为“2025年达到58%，2027年达到65%”`) is read: its
    /// years and figures; the old one quoted after 原 is superseded, no figure; a name or slogan in
    /// quotation marks stays none.
    #[test]
    fn a_quoted_target_is_read() {
        let head = "某县关于调整公共服务“七优享”工程实施方案（2023—2027年）部分指标目标值的通知\n";
        let t = |s: &str| s.to_string();
        for (line, want) in [
            (
                "养老机构护理型床位占比：原“2025年达到60%”调整为“2025年达到58%，2027年达到65%”。",
                vec![
                    (t("target"), 2025, t("58"), 0),
                    (t("target"), 2027, t("65"), 0),
                ],
            ),
            ("全面落实“15分钟公共服务圈”建设。", vec![]),
            ("实施“2023年度10件民生实事”。", vec![]),
            ("推进“2025年民生实事10件”。", vec![]),
        ] {
            let got: Vec<_> = read_back(&format!("{head}{line}\n"))
                .into_iter()
                .map(|(k, y, v, _)| (k, y, v, 0))
                .collect();
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn a_sentence_ending_in_fujian_is_no_annex() {
        let head = "某县公共服务“七优享”工程实施方案（2023—2027年）\n到2027年，普惠托位占比达到70%，各项指标年度目标见\n";
        let tail = "\n一、重点任务\n到2027年，县域就诊率达到90%。\n";
        let values = |t: &str| -> Vec<String> {
            extract(t, None)
                .candidates
                .iter()
                .map(|c| c.value.unwrap_or_default().to_string())
                .collect()
        };
        for (line, want) in [
            ("附件。", vec!["70", "90"]),
            ("附件，请认真落实。", vec!["70", "90"]),
            ("附件：工作专班成员名单", vec!["70"]),
            ("附件1", vec!["70"]),
        ] {
            assert_eq!(values(&format!("{head}{line}{tail}")), want, "{line}");
        }
    }

    /// Text a tool spaced wherever Chinese meets a figure (Mathpix, pangu-style editors:
    /// `一、2023 年工作回顾`, `达到 95%`) is read without those spaces, so a year's heading, a
    /// deadline and an operator hold; an author's stray space among unspaced figures, a table's
    /// row or header (figures or years a space apart) and a line with no clause mark stay, but for
    /// a year's `年`.
    #[test]
    fn spaces_a_tool_put_between_chinese_and_figures() {
        for (text, want) in [
            (
                "一、2023 年工作回顾\n全年新增托位 480 个，覆盖率达到 95%。\n",
                Some("一、2023年工作回顾\n全年新增托位480个，覆盖率达到95%。\n"),
            ),
            (
                "到 2025 年，新增 500 个。\n序号 指标 2022年 2025年\n1 普惠托位占比 45 60\n",
                Some("到2025年，新增500个。\n序号 指标 2022年 2025年\n1 普惠托位占比 45 60\n"),
            ),
            (
                "2024 年,计划实施项目4个，年度投资2.35亿元，新建3所。\n",
                None,
            ),
            ("到2025年，新增500个。\n", None),
            ("2023 年 8 月 25 日\n", None),
            // A wrapped paragraph's line with no clause mark goes on from the line above; a
            // header after a sentence's end does not.
            (
                "占比达到 70%，普及普惠率达到 98%，\n达标学校占比较 2022 年提高 35 个百\n分点。\n序号 指标 2022 年 2025 年\n",
                Some(
                    "占比达到70%，普及普惠率达到98%，\n达标学校占比较2022年提高35个百\n分点。\n序号 指标 2022年 2025年\n",
                ),
            ),
            // lynx's indent is no gap between cells; in such a text a header's year keeps its
            // 年 (`2022 年基础值`, `2023—2027 年`), a row's figures and a code stay apart.
            (
                "   到 2025 年，新增 500 个。\n   方案（2023—2027 年）\n   序号 指标 2022 年基础值 2025 年目标值\n   1 普惠托位占比 45 60 12022 年\n   2 每千人口拥有 3 岁以下托位数 个 3.5 4.5\n   3 老人中 65 周岁以上占比 % 40 5 岁\n",
                Some(
                    "   到2025年，新增500个。\n   方案（2023—2027年）\n   序号 指标 2022年基础值 2025年目标值\n   1 普惠托位占比 45 60 12022 年\n   2 每千人口拥有3岁以下托位数 个 3.5 4.5\n   3 老人中65周岁以上占比 % 40 5 岁\n",
                ),
            ),
        ] {
            assert_eq!(digits_unspaced(text).as_deref(), want, "{text}");
        }
        let spaced = "某县公共服务“七优享”工程工作要点\n一、2023 年工作回顾\n2023 年，全县新增普惠托位 480 个。\n二、2024 年目标\n到 2024 年，普惠托位占比达到 65%。\n";
        let got: Vec<(&str, i32)> = extract(spaced, None)
            .candidates
            .iter()
            .map(|c| (c.kind.name(), c.year.unwrap_or_default()))
            .collect();
        assert_eq!(got, [("baseline", 2023), ("target", 2024)], "{spaced}");
    }

    /// Lines ended by a carriage return alone (Classic Mac OS, some OCR and export tools) are
    /// lines: the document reads as with line feeds, figure for figure and line for line. A CR
    /// before a LF is Windows' line end, left to `lines`; the text is unchanged without one.
    #[test]
    fn bare_carriage_returns_end_lines() {
        for (text, want) in [
            ("一\r二\r三", Some("一\n二\n三")),
            ("一\r\n二\r\r三\r", Some("一\r\n二\n\n三\n")),
            ("一\r\n二\n三", None),
            ("一\r\r\n二\r\n", None),
            ("一二三", None),
        ] {
            assert_eq!(bare_cr_ends(text).as_deref(), want, "{text:?}");
        }
        let doc = "某县公共服务“七优享”工程实施方案（2023—2027年）\n一、主要目标\n到2025年，普惠托位占比达到65%。\n\n序号\n指标名称\n2022年\n2027年\n1\n学前教育普及普惠率（%）\n96.5\n98\n";
        let read = |t: &str| -> Vec<(usize, String)> {
            extract(t, None)
                .candidates
                .iter()
                .map(|c| (c.line, c.value.unwrap_or_default().to_string()))
                .collect()
        };
        let want = read(doc);
        assert_eq!(want.len(), 3, "{want:?}");
        assert_eq!(read(&doc.replace('\n', "\r")), want);
    }

    /// A page copied from a browser or a word processor with no-break spaces (U+00A0) and
    /// other fixed-width spaces where its text has spaces: the indent before a pandoc table's
    /// rule, a gap after a label, the cells of a row apart; read as the same page with plain
    /// spaces. One between two digits groups a figure's thousands and stays.
    #[test]
    fn no_break_spaces_are_spaces() {
        for (text, want) in [
            ("\u{a0}\u{a0}------", Some("  ------")),
            ("序号\u{a0}\u{a0}指标\u{2003}单位", Some("序号  指标 单位")),
            ("达到\u{202f}85%", Some("达到 85%")),
            ("71\u{a0}850元", Some("71\u{a0}850元")),
            ("2025年\u{a0}85", Some("2025年 85")),
            ("达到85%", None),
        ] {
            assert_eq!(plain_spaces(text).as_deref(), want, "{text:?}");
        }
        let plain = "表1 主要指标\n\n  ------ ------------------------ ---------- ----------\n  序号   指标                     2022年     2027年\n  ------ ------------------------ ---------- ----------\n  1      普惠托位占比（%）        55         70\n  2      学前教育普及普惠率（%）  97         98\n  ------ ------------------------ ---------- ----------\n";
        let copied = plain
            .lines()
            .map(|l| {
                let body = l.trim_start_matches(' ');
                "\u{a0}".repeat(l.len() - body.len()) + body
            })
            .collect::<Vec<_>>()
            .join("\n");
        let figures = |t: &str| -> Vec<String> {
            extract(t, None)
                .candidates
                .iter()
                .map(|c| {
                    format!(
                        "{} {}",
                        c.year.unwrap_or_default(),
                        c.value.unwrap_or_default()
                    )
                })
                .collect()
        };
        assert!(!figures(plain).is_empty());
        assert_eq!(figures(&copied), figures(plain));
    }

    #[test]
    fn documents_decode_and_describe_themselves() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("到2027年,普惠托位占比达到70%以上。");
        assert_eq!(decode(&gbk), "到2027年,普惠托位占比达到70%以上。");
        assert_eq!(decode("\u{feff}达到".as_bytes()), "达到");
        // UTF-16 with and without its mark, a `一、` heading's zero byte on the other side.
        let text = "一、主要目标\r\n到2027年，普惠托位占比达到70%以上。\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let marked: Vec<u8> = [0xFF, 0xFE].into_iter().chain(le.iter().copied()).collect();
        for bytes in [&le, &be, &marked] {
            assert_eq!(decode(bytes), text);
        }
        assert_eq!(decode("一、主要目标".as_bytes()), "一、主要目标");
        assert_eq!(clean("a||||||b|c").0, "ab|c");
        let info = doc_info(
            "文号: 诸政办发〔2023〕10号\n成文日期: 2023-04-17\n诸暨市人民政府办公室关于印发《诸暨市公共服务“七优享”工程实施方案(2023-2027年)》的通知\n",
        );
        assert_eq!(
            info,
            DocInfo {
                title: Some("诸暨市公共服务“七优享”工程实施方案(2023-2027年)".into()),
                number: Some("诸政办发〔2023〕10号".into()),
                date: Some("2023-04-17".into()),
                issuer: Some("诸暨市人民政府办公室".into()),
                kind: Some("implementation"),
                jurisdiction: Some("诸暨市".into()),
                start: Some(2023),
                end: Some(2027),
                period_assumed: false,
                report: false,
                progress: false,
            }
        );
        let info = doc_info("《2024年龙湾区公共服务“七优享”工程工作要点》 2024年6月7日");
        assert_eq!(
            (
                info.kind,
                info.jurisdiction.as_deref(),
                info.start,
                info.end,
                info.date.as_deref()
            ),
            (
                Some("work-points"),
                Some("龙湾区"),
                Some(2024),
                Some(2024),
                Some("2024-06-07")
            )
        );
    }

    /// A figure's line is the source's: an HTML table is laid out a row a line to be read, but
    /// the lines after it (and its rows) are where the user's document prints them.
    #[test]
    fn lines_are_the_sources_after_an_html_table() {
        let row = "<tr><td>序号</td><td>指标</td><td>2022年</td><td>2027年</td></tr>";
        let data = "<tr><td>1</td><td>普惠托位占比(%)</td><td>58</td><td>70</td></tr>";
        let prose = "到2027年，婴儿死亡率控制在3‰以内。";
        for (doc, table_line, prose_line) in [
            (format!("前文\n<table>{row}{data}</table>\n{prose}\n"), 2, 3),
            (
                format!("前文\n<table>\n{row}\n{data}\n</table>\n\n{prose}\n"),
                4,
                7,
            ),
            (
                format!("<html><body><table>{row}{data}</table></body></html>{prose}"),
                1,
                1,
            ),
            (
                format!("前文<table>{row}\n{data}</table>后文\n{prose}"),
                2,
                3,
            ),
        ] {
            let ex = extract(&doc, Some(2027));
            let lines: Vec<(&str, usize)> =
                ex.candidates.iter().map(|c| (c.source(), c.line)).collect();
            assert_eq!(
                lines,
                [
                    ("table", table_line),
                    ("table", table_line),
                    ("prose", prose_line)
                ],
                "{doc}"
            );
        }
    }

    /// A year standing alone on its line (`**到2025年**` in an account's article) dates the items
    /// under it, as a stage's heading does, up to the next such line, a heading or a line naming
    /// a section; a year among words, a bare year and a year before the plan date nothing.
    #[test]
    fn a_year_standing_alone_dates_the_items_under_it() {
        let title = "某区公共服务“七优享”工程实施方案（2023—2027年）\n\n";
        let cases = [
            (
                "bold lines over bullets",
                "👶 **幼有善育**\n\n**到2025年**\n\n▲ 每千人口拥有3岁以下婴幼儿托位数达到**4.6个**\n\n▲ 普惠托位占比达到**65%**\n\n**到2027年**\n\n▲ 普惠托位占比达到**70%以上**\n",
                "target 2025 4.6, target 2025 65, target 2027 70",
            ),
            (
                "the later year first; a section's line ends it",
                "**到2027年**\n▲ 普惠托位占比达到70%\n**到2025年**\n▲ 普惠托位占比达到65%\n📚 **学有优教**\n学前教育普及普惠率达到98%以上；\n",
                "target 2027 70, target 2025 65, target 2027 98",
            ),
            (
                "brackets and a colon; a heading ends it",
                "【到2025年】\n1.普惠托位占比达到65%；\n到2025年：\n每千人口执业（助理）医师数达到4.2人\n二、重点任务\n养老机构护理型床位占比达到65%。\n",
                "target 2025 65, target 2025 4.2, target 2027 65",
            ),
            (
                "a year among words, a bare year, a year before the plan",
                "到2025年，普惠托位占比达到65%。\n人均预期寿命达到84岁。\n2025年\n县域就诊率达到90%以上。\n**到2020年**\n每万人拥有持证社会工作者数达到22人。\n",
                "target 2025 65, target 2027 84, target 2027 90, target 2027 22",
            ),
            (
                "a lead sentence with no figure over `——` items, one broken over two lines",
                "到2025年，公共服务“七优享”工程取得显著成效。\n\n——幼有善育。普惠托位占比达到65%。\n\n——学有优教。学前教育普及普惠率达到97.5%以上，义务教育优质均衡发展达标学校占\n比达到80%。\n\n——病有良医。居民健康素养水平达到40%。\n\n养老机构护理型床位占比达到60%。\n",
                "target 2025 65, target 2025 97.5, target 2025 80, target 2025 40, target 2027 60",
            ),
            (
                "a lead with a figure of its own, or no `——` item after it, dates nothing more",
                "到2025年，普惠托位占比达到65%。\n——学有优教。学前教育普及普惠率达到98%。\n到2025年，各项工作取得成效。\n\n城镇调查失业率控制在5%以内。\n",
                "target 2025 65, target 2027 98, target 2027 5",
            ),
        ];
        for (what, body, want) in cases {
            assert_eq!(figures(&format!("{title}{body}")), want, "{what}");
        }
    }

    /// A document's candidates as `kind year value`, in order.
    fn figures(doc: &str) -> String {
        let got: Vec<String> = extract(doc, None)
            .candidates
            .iter()
            .map(crate::extract::kind_year_value)
            .collect();
        got.join(", ")
    }

    /// A 政府工作报告 (its title line or its byline) sets what names no year for the year it is
    /// given in, under a heading naming no year too; a plan's own such clause is its end year's,
    /// and a notice citing a report is no report.
    #[test]
    fn a_report_sets_for_its_own_year() {
        let body = "一、2023年工作回顾\n新增普惠托位480个。\n二、2024年重点工作\n新增普惠托位300个，到2027年普惠托位占比达到70%。\n三、全面加强政府自身建设\n一般性支出压减10%以上。\n";
        let cases = [
            (
                "a report's title and byline",
                "政府工作报告\n\n——2024年1月10日在某县第十七届人民代表大会第四次会议上\n\n某县人民政府县长　某某\n\n",
                "baseline 2023 480, target 2024 300, target 2027 70, target 2024 10",
            ),
            (
                "a byline only",
                "——2024年1月12日在某市第十届人民代表大会第三次会议上\n",
                "baseline 2023 480, target 2024 300, target 2027 70, target 2024 10",
            ),
            (
                "the title with its place and year, the date under it",
                "2024年某县政府工作报告\n2024年1月9日\n",
                "baseline 2023 480, target 2024 300, target 2027 70, target 2024 10",
            ),
            (
                "a report with no date: the plans' end (what its review reports, read elsewhere)",
                "政府工作报告\n",
                "target 2024 300, target 2027 70, target 2027 10",
            ),
            (
                "a plan citing a report",
                "某县公共服务“七优享”工程实施方案（2023—2027年）\n根据《2024年政府工作报告》，制定本方案。\n2024年1月9日\n",
                "baseline 2023 480, target 2024 300, target 2027 70, target 2027 10",
            ),
        ];
        for (what, head, want) in cases {
            let got = figures(&format!("{head}{body}"));
            assert!(got.ends_with(want), "{what}: {got}");
        }
    }

    /// The catalog built into the binary, for the tests of matching and of the draft.
    pub(super) fn builtin_catalog() -> CatalogIndex {
        let (set, _) = crate::plan::PlanSet::load(&crate::plan::load::PlanDir::Builtin);
        set.expect("the built-in plans load").catalog
    }
}
