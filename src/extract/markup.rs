//! Markup a document converter leaves in plain text, read as the text it marks up: an HTML table
//! (MinerU, docling and a page's source put a table as `<table><tr><td rowspan="2">…`, often on
//! one line) becomes one `|` row a line, and a number a PDF-to-Markdown converter took for a
//! formula (`$5 8 \%$`, `$\geq 9 8 . 5 \%$`) becomes the number (`58%`, `≥98.5%`), and a
//! spreadsheet saved as tab-separated text (Excel's 文本文件(制表符分隔)) has each row on one line:
//! a cell holding a line break is quoted there and runs over lines (`1\t幼有善育\t"每千人口拥有3岁以下`
//! / `婴幼儿托位数*"\t个\t3.9…`), read as the cell it is (`每千人口拥有3岁以下婴幼儿托位数*`).
//!
//! Why it exists: the table readers read rows by line and cells by position, and the prose
//! reader reads `58%`, not `$5 8 \%$`. `validate` reads a source through the same function
//! ([`plain`]), so the rows and figures a draft quotes from the plain text are found there.
//!
//! Bounded: one pass over the text; a table's grid is at most [`MAX_CELLS`] cells, a formula at
//! most [`MAX_FORMULA`] characters, and anything beyond is left as printed.

/// The most cells a table is laid out in; a larger one is left as printed.
const MAX_CELLS: usize = 20_000;

/// The longest inline formula read as a number.
const MAX_FORMULA: usize = 60;

/// The most lines a spreadsheet's quoted cell runs over; a quote left open longer is a stray `"`.
const MAX_CELL_LINES: usize = 8;

/// The text with its HTML tables as `|` rows and its numbers-as-formulas as numbers; None when
/// it has neither.
pub(crate) fn plain(text: &str) -> Option<String> {
    plain_lines(text).map(|(t, _)| t)
}

/// [`plain`], and for each of its lines the line of `text` it stands for (1-based): a table's
/// rows are laid out a line each, so the lines after a one-line table would otherwise be counted
/// off from the source's (the draft's `line` must point at the document the user has).
///
/// The passes read the text as the readers after them do: its no-break spaces as spaces and its
/// full-width figures (`５８％`, `３．２`) as ASCII, one character for one (extract folds them so
/// after this pass; a formula `$５ ８ \%$`, a JSON number or an HTML cell typed in a full-width
/// input mode, or indented with no-break spaces, is then read as its ASCII twin is). Where no pass
/// reads anything the text is left to the caller, folded or not, as it was.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let folded = folded(text);
    let text = folded.as_deref().unwrap_or(text);
    then(super::mime::plain_lines(text), text, boxes_lines)
}

/// [`plain_lines`] after a saved e-mail's letter: an OCR engine's boxes laid out, then the rest.
fn boxes_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::boxes::plain_lines(text), text, json_lines)
}

/// [`plain_lines`] after OCR's boxes: a JSON dataset's table, then the rest.
fn json_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::json::plain_lines(text), text, workbook_lines)
}

/// [`plain_lines`] after a JSON dataset: a workbook saved as XML (SpreadsheetML), then the rest.
fn workbook_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::xmlsheet::plain_lines(text), text, word_xml_lines)
}

/// [`plain_lines`] after a workbook: a Word or OpenDocument file saved as XML, or a PDF's
/// runs of text as poppler's pdf2xml places them, then the rest.
fn word_xml_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let flat = super::docx::flat_lines(text)
        .or_else(|| super::odf::flat_lines(text))
        .or_else(|| super::pdfxml::plain_lines(text));
    then(flat, text, listing_lines)
}

/// [`plain_lines`] after a Word XML document: a script's printed rows, then the rest.
fn listing_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::listing::plain_lines(text), text, subtitle_lines)
}

/// [`plain_lines`] after a workbook: a video's subtitles as the speech they carry, then the rest.
fn subtitle_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::subtitles::plain_lines(text), text, tracked_lines)
}

/// The text as the passes of [`plain_lines`] read it, one character for one (the lines stay
/// the source's): no-break spaces as spaces (not one between two digits, a thousands space),
/// full-width digits, `．` between them and `％` as ASCII, and a TeX escape typed with a
/// full-width bracket (`\（56 \%\）`, what a converter normalising punctuation to full width
/// makes of `\(56 \%\)`) as the escape; None when it has none of them.
pub(crate) fn folded(text: &str) -> Option<String> {
    let spaced = super::plain_spaces(text);
    let narrow = crate::numeral::narrow_figures(spaced.as_deref().unwrap_or(text)).or(spaced);
    let t = narrow.as_deref().unwrap_or(text);
    if !t.contains(['（', '）', '［', '］', '｛', '｝']) {
        return narrow;
    }
    let mut out = String::with_capacity(t.len());
    let mut escaped = false;
    let mut changed = false;
    for c in t.chars() {
        let ascii = match c {
            '（' => '(',
            '）' => ')',
            '［' => '[',
            '］' => ']',
            '｛' => '{',
            '｝' => '}',
            _ => c,
        };
        if escaped && ascii != c {
            out.push(ascii);
            changed = true;
        } else {
            out.push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    if changed { Some(out) } else { narrow }
}

/// [`plain_lines`] after a JSON dataset's table: a draft's tracked changes accepted, then the rest.
fn tracked_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::tracked::plain_lines(text), text, mail_lines)
}

/// [`plain_lines`] after a JSON dataset's table: a mail's quote marks, then the rest.
fn mail_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::mail::plain_lines(text), text, asciidoc_lines)
}

/// [`plain_lines`] after a mail's quote marks: AsciiDoc's tables and headings, then the rest.
fn asciidoc_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::asciidoc::plain_lines(text), text, document_lines)
}

/// [`plain_lines`] after a mail's quote marks: an RTF document's text, then the rest.
fn document_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::rtf::plain_lines(text), text, record_lines)
}

/// [`plain_lines`] after an RTF document's text: a spreadsheet's records, then the rest.
fn record_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(tab_records(text), text, long_lines)
}

/// [`plain_lines`] after the spreadsheet's records: a long-format export (one record per
/// indicator and year) as the table it stands for, then the markup.
fn long_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::longform::plain_lines(text), text, revised_lines)
}

/// [`plain_lines`] after a long-format export: a revision's 对照表 as its targets in force, then
/// the markup.
fn revised_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::revision::plain_lines(text), text, raw_lines)
}

/// [`plain_lines`] after a revision's 对照表: a `pdftotext -raw` table as a row a line, then the
/// markup.
fn raw_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::raw::plain_lines(text), text, markup_lines)
}

/// A pass's reading: its text and, for each of its lines, the line it stands for (1-based).
type Read = Option<(String, Vec<usize>)>;

/// One pass's reading (`first`, of `text`), then `next`'s of what it read, each line of the
/// result mapped back to the line of `text` it stands for: each later pass counts lines off the
/// earlier one's text, and the draft's `line` must point at the document the user has.
fn then(first: Read, text: &str, next: fn(&str) -> Read) -> Read {
    match first {
        Some((t, map)) => Some(match next(&t) {
            Some((p, lines)) => {
                let back = lines
                    .iter()
                    .map(|&l| map.get(l.saturating_sub(1)).copied().unwrap_or(l))
                    .collect();
                (p, back)
            }
            None => (t, map),
        }),
        None => next(text),
    }
}

/// [`plain_lines`] but for the spreadsheet's records: Mathpix's LaTeX, HTML tables and formulas.
fn markup_lines(text: &str) -> Option<(String, Vec<usize>)> {
    // A pandas CSV keeps its lines one for one: the later passes' lines are the source's.
    if let Some(sheet) = super::pandas::plain(text) {
        return Some(latex_lines(&sheet).unwrap_or_else(|| {
            let lines = (1..=sheet.split('\n').count()).collect();
            (sheet, lines)
        }));
    }
    // A table printed in two halves, read a half at a time; then a page set in two columns.
    then(super::columns::halves_lines(text), text, page_columns_lines)
}

/// A page set in two columns, read a column at a time, then Mathpix's LaTeX and HTML.
fn page_columns_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::columns::plain_lines(text), text, latex_lines)
}

/// Mathpix's LaTeX, then HTML tables and formulas.
fn latex_lines(text: &str) -> Option<(String, Vec<usize>)> {
    then(super::latex::plain_lines(text), text, html_lines)
}

/// HTML tables and formulas.
fn html_lines(text: &str) -> Option<(String, Vec<usize>)> {
    // A table drawn with `<div>`s is read as the `<table>` it stands for; the lines stay.
    let divs = super::divs::as_tables(text);
    let text = divs.as_deref().unwrap_or(text);
    let tables = (has_table(text) || is_page(text)).then(|| html_tables(text));
    let t = tables.as_ref().map_or(text, |(t, _)| t.as_str());
    // A formula never spans a line: the lines stay the table pass's.
    let formulas = t.contains('$').then(|| inline_numbers(t)).flatten();
    match (formulas, tables) {
        (Some(f), Some((_, lines))) => Some((f, lines)),
        (Some(f), None) => {
            let lines = (1..=f.lines().count().max(1)).collect();
            Some((f, lines))
        }
        (None, tables) => tables,
    }
}

/// A spreadsheet saved as tab-separated text, each of its records on one line: a record whose
/// quoted cell holds line breaks (`"2022年` / `基础值"`) joined to the line that closes the quote,
/// the breaks inside the cell dropped (a Chinese name or title wraps with no space), and every
/// quoted cell of a tab-separated line unquoted (`""` is a `"`). With the text, the source line
/// of each of its lines (a record's is its first). None when no tab-separated line has a quoted
/// cell. A quote left open for more than [`MAX_CELL_LINES`] lines is no cell: left as printed.
fn tab_records(text: &str) -> Option<(String, Vec<usize>)> {
    // A cell that opens a quote: at the start of a line or right after a tab (a record's first
    // cell may be the quoted one, its tabs on its last line: the 注 under a table).
    let quoted_cell = |l: &str| l.starts_with('"') || l.contains("\t\"");
    if !text.contains('\t') || !text.lines().any(quoted_cell) {
        return None;
    }
    let source: Vec<&str> = text.split('\n').collect();
    let mut out = String::with_capacity(text.len());
    let mut lines = Vec::with_capacity(source.len());
    let mut changed = false;
    let mut i = 0;
    while i < source.len() {
        let l = source[i];
        let mut n = 1;
        if quoted_cell(l) {
            let mut record = l.trim_end_matches('\r').to_string();
            while record.matches('"').count() % 2 == 1 && n < MAX_CELL_LINES && i + n < source.len()
            {
                record.push('\n');
                record.push_str(source[i + n].trim_end_matches('\r'));
                n += 1;
            }
            if record.matches('"').count().is_multiple_of(2) && record.contains('\t') {
                out.push_str(&unquoted(&record));
                changed = true;
            } else {
                out.push_str(l);
                n = 1;
            }
        } else {
            out.push_str(l);
        }
        lines.push(i + 1);
        i += n;
        if i < source.len() {
            out.push('\n');
        }
    }
    changed.then_some((out, lines))
}

/// A tab-separated record's cells with their spreadsheet quoting undone: a cell wrapped in `"`
/// loses the wrapping, its `""` become `"` and its line breaks go; other cells stay as printed.
fn unquoted(record: &str) -> String {
    let cells: Vec<String> = record
        .split('\t')
        .map(|c| {
            let t = c.trim_end_matches('\r');
            match t.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
                Some(inner) if t.len() >= 2 => {
                    inner.replace("\"\"", "\"").replace(['\n', '\r'], "")
                }
                _ => c.to_string(),
            }
        })
        .collect();
    cells.join("\t")
}

fn has_table(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("<table") && lower.contains("</table")
}

/// Whether the text is a web page's source (a page saved from the browser): paragraphs and
/// runs in tags, not only a converter's table wrapped in `<html><body>`.
fn is_page(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["</p>", "</div>", "</span>", "</head>"]
        .iter()
        .any(|t| lower.contains(t))
}

/// Tags that end a line of the page's text where the next text follows on the same source line.
const BLOCK_TAGS: [&str; 20] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "title",
    "section",
    "article",
    "blockquote",
    "hr",
    "dd",
];

/// Appends a web page's `piece` (no table in it) as the text it shows, counting its lines off
/// from `line` as [`copy_lines`] does: a tag is no text, so the runs Word leaves inside a
/// paragraph join as printed (`城镇新增就业<span lang="EN-US">6120</span>人` is `城镇新增就业6120人`,
/// `<span>3.</span><span>7</span>` is `3.7`); what `<style>`, `<script>` and comments hold is no
/// text either (`width:25%`, `_pageId = 8654321`); entities are read (`&ge;98%` is `≥98%`, an
/// `&nbsp;` between thousands no break: `71&nbsp;850` is `71850`). Every line break of the source
/// stays one, and a paragraph's end (`</p>`, `<br>`) with more text after it on its line is one
/// more, standing for the same source line.
fn copy_page(out: &mut String, lines: &mut Vec<usize>, piece: &str, mut line: usize) -> usize {
    let lower = piece.to_ascii_lowercase();
    let mut pending = false;
    let mut i = 0;
    let newlines = |out: &mut String, lines: &mut Vec<usize>, skipped: &str, line: &mut usize| {
        for _ in skipped.matches('\n') {
            out.push('\n');
            lines.push(*line);
            *line += 1;
        }
    };
    while let Some(c) = piece[i..].chars().next() {
        let rest = &lower[i..];
        let tag = c == '<'
            && rest[1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!');
        if tag {
            let name: String = rest[1..]
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            // A comment, or an element whose content is no text, runs to its end.
            let until = if rest.starts_with("<!--") {
                Some("-->")
            } else if name == "style" || name == "script" {
                Some(if name == "style" {
                    "</style"
                } else {
                    "</script"
                })
            } else {
                None
            };
            let end = match until {
                Some("-->") => rest.find("-->").map(|p| p + 3),
                // The closing tag runs to its `>`.
                Some(u) => rest.find(u).map(|p| {
                    let after = p + u.len();
                    rest[after..].find('>').map_or(after, |q| after + q + 1)
                }),
                None => rest.find('>').map(|p| p + 1),
            };
            let end = end.unwrap_or(rest.len());
            newlines(out, lines, &rest[..end], &mut line);
            if BLOCK_TAGS.contains(&name.as_str()) && !out.ends_with('\n') && !out.is_empty() {
                pending = true;
            }
            if piece[i..i + end].contains('\n') {
                pending = false;
            }
            i += end;
            continue;
        }
        if c == '\n' {
            out.push('\n');
            lines.push(line);
            line += 1;
            pending = false;
            i += 1;
            continue;
        }
        let (text, len) = match c {
            '&' => match entity_at(&piece[i..], out.chars().last()) {
                Some((t, len)) => (t, len),
                None => (Some('&'), 1),
            },
            c => (Some(c), c.len_utf8()),
        };
        if let Some(t) = text {
            if pending && !t.is_whitespace() {
                out.push('\n');
                lines.push(line);
                pending = false;
            }
            out.push(t);
        }
        i += len;
    }
    line
}

/// The entity at the start of `s` (`&lt;`, `&#8805;`): the character it stands for, none for an
/// `&nbsp;` between the digits of a figure and its next three (a thousands space: `71&nbsp;850`),
/// and its length. `before` is the character printed before it.
fn entity_at(s: &str, before: Option<char>) -> Option<(Option<char>, usize)> {
    let rest = s.strip_prefix('&')?;
    let p = rest.find(';').filter(|p| *p <= 8)?;
    let c = entity(&rest[..p])?;
    let len = p + 2;
    let after = &s[len..];
    let thousands = c == ' '
        && before.is_some_and(|b| b.is_ascii_digit())
        // Bytes, not a slice of the text: a character of three bytes there is no char boundary.
        && after
            .as_bytes()
            .get(..3)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && !after[3..].starts_with(|d: char| d.is_ascii_digit());
    Some(((!thousands).then_some(c), len))
}

/// The source's lines with each run that `run` reads (from a line: the lines it stands for,
/// each with the 0-based source line it comes from, and the line after the run) put in the
/// run's place and every other line copied, and for each line of the result the 1-based line
/// of the source it stands for; None when no run was read. The frame of the passes that turn a
/// layout into `|` rows (a long-format export, a `pdftotext -raw` table).
pub(super) fn rewrite_runs(
    source: &[&str],
    mut run: impl FnMut(usize) -> Option<(Vec<(String, usize)>, usize)>,
) -> Option<(String, Vec<usize>)> {
    let mut out: Vec<String> = Vec::with_capacity(source.len());
    let mut lines: Vec<usize> = Vec::with_capacity(source.len());
    let mut changed = false;
    let mut i = 0;
    while i < source.len() {
        if let Some((table, next)) = run(i) {
            for (line, at) in table {
                out.push(line);
                lines.push(at + 1);
            }
            changed = true;
            // A run ends after the line it starts on, so the loop always moves on.
            i = next.max(i + 1);
            continue;
        }
        out.push(source[i].to_string());
        lines.push(i + 1);
        i += 1;
    }
    changed.then(|| (out.join("\n"), lines))
}

/// Appends `piece` (text of the source with no table in it) to `out`, counting its lines off
/// from `line`, the source's line where it starts; returns the line where it ends.
pub(super) fn copy_lines(
    out: &mut String,
    lines: &mut Vec<usize>,
    piece: &str,
    mut line: usize,
) -> usize {
    for c in piece.chars() {
        out.push(c);
        if c == '\n' {
            lines.push(line);
            line += 1;
        }
    }
    line
}

/// Every `<table>…</table>` as its rows, one a line (`| 1 | 幼有善育 | … |`), on lines of their
/// own; the `<html>`/`<body>` a converter wraps a table in is dropped. With the text, the source
/// line of each of its lines: a row's is the line its `<tr>` stands on.
fn html_tables(text: &str) -> (String, Vec<usize>) {
    let lower = text.to_ascii_lowercase();
    let page = is_page(text);
    let mut out = String::with_capacity(text.len());
    let mut lines = Vec::new();
    let mut line = 1;
    let mut at = 0;
    while let Some(open) = lower[at..].find("<table").map(|p| p + at) {
        let Some(close) = lower[open..]
            .find("</table>")
            .map(|p| p + open + "</table>".len())
        else {
            break;
        };
        line = if page {
            copy_page(&mut out, &mut lines, &text[at..open], line)
        } else {
            copy_lines(
                &mut out,
                &mut lines,
                &without_wrappers(&text[at..open]),
                line,
            )
        };
        let table = &text[open..close];
        match grid(table) {
            Some(rows) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                    lines.push(line);
                }
                let body = body_rows(rows.iter().map(|(_, r)| r.as_slice()));
                for (i, (offset, r)) in rows.into_iter().enumerate() {
                    match body
                        .as_ref()
                        .filter(|b| !b.contains(&i))
                        .map(|_| caption(&r))
                    {
                        // A row of the table's edge with nothing in it: the hidden row of
                        // widths Excel's web page ends with.
                        Some(None) => continue,
                        Some(Some(text)) => {
                            out.push_str(text);
                            out.push('\n');
                        }
                        None => {
                            out.push_str("| ");
                            out.push_str(&r.join(" | "));
                            out.push_str(" |\n");
                        }
                    }
                    lines.push(line + table[..offset].matches('\n').count());
                }
                line += table.matches('\n').count();
            }
            None => line = copy_lines(&mut out, &mut lines, table, line),
        }
        at = close;
    }
    if page {
        line = copy_page(&mut out, &mut lines, &text[at..], line);
        lines.push(line);
        return (out, lines);
    }
    let rest = without_wrappers(&text[at..]);
    let rest = match rest.strip_prefix('\n') {
        // The line break that ends the table's last line: its rows end with theirs.
        Some(r) if out.ends_with('\n') => {
            line += 1;
            r
        }
        _ => rest.as_str(),
    };
    line = copy_lines(&mut out, &mut lines, rest, line);
    lines.push(line);
    (out, lines)
}

/// The rows of a laid-out table between its captions: from the first row to the last with two
/// different texts in it. A workbook's title (`滨江区…主要指标表（2023—2027年）`), an `附件1`
/// above it and a 注 under the table are rows of one cell across the table in a spreadsheet saved
/// as a web page or a document; read as rows, a title stood where the readers look for the
/// header. None for a table with no such row (a one-column table is all body).
pub(super) fn body_rows<'a>(
    rows: impl Iterator<Item = &'a [String]>,
) -> Option<std::ops::RangeInclusive<usize>> {
    let mut first = None;
    let mut last = 0;
    for (i, r) in rows.enumerate() {
        let mut texts = r.iter().filter(|t| !t.trim().is_empty());
        let one = texts.next();
        if one.is_some() && texts.any(|t| Some(t) != one) {
            first.get_or_insert(i);
            last = i;
        }
    }
    first.map(|f| f..=last)
}

/// A row's text outside a table's body (where a row holds one text at most: a cell spanning the
/// row prints its words in each); None for a row with no text.
pub(super) fn caption(row: &[String]) -> Option<&str> {
    row.iter().map(|t| t.trim()).find(|t| !t.is_empty())
}

/// The text without the `<html>`, `<body>` tags around a table.
fn without_wrappers(s: &str) -> String {
    let mut t = s.to_string();
    for tag in [
        "<html>", "</html>", "<body>", "</body>", "<HTML>", "</HTML>", "<BODY>", "</BODY>",
    ] {
        t = t.replace(tag, "");
    }
    t
}

/// A cell as the table markup gives it: its text, and how many rows and columns it spans.
#[derive(Clone)]
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) rows: usize,
    pub(super) cols: usize,
}

/// A table of a document read from its XML (a .docx's, an OpenDocument's) as the `|` lines the
/// readers take, each with the index of the row it prints: laid out as an HTML table is, or, a
/// grid too large to lay out, each row's cells as they stand. None where the lines would take
/// the text past `limit` bytes from the `used` it holds — laid out, a cell spanning columns
/// prints its words in each, so a few bytes of XML can ask for many.
pub(super) fn table_lines(
    rows: Vec<Vec<Cell>>,
    used: usize,
    limit: u64,
) -> Option<Vec<(usize, String)>> {
    let size: usize = rows
        .iter()
        .flatten()
        .map(|c| (c.text.len() + 3).saturating_mul(c.cols))
        .fold(0, usize::saturating_add);
    if used.saturating_add(size) as u64 > limit {
        return None;
    }
    let indexed: Vec<(usize, Vec<Cell>)> = rows.into_iter().enumerate().collect();
    let grid = match layout(indexed.clone()) {
        Some(g) => g,
        None => indexed
            .into_iter()
            .map(|(i, r)| (i, r.into_iter().map(|c| c.text).collect()))
            .collect(),
    };
    Some(
        grid.into_iter()
            .map(|(i, r)| (i, format!("| {} |", r.join(" | "))))
            .collect(),
    )
}

/// A table nested in a cell of another, as that cell's text: its words a space apart.
pub(super) fn nested_words(rows: Vec<Vec<Cell>>) -> String {
    let words: Vec<String> = rows
        .into_iter()
        .flatten()
        .map(|c| c.text)
        .filter(|t| !t.is_empty())
        .collect();
    words.join(" ")
}

/// The table laid out in a grid: a cell spanning rows prints on its first row only (as a merged
/// cell does in every other layout: the rows below keep an empty cell in its place), a cell
/// spanning columns prints its words in each (a title over two years' columns: `目标值`) and a
/// figure in its first. Each row with where its `<tr` stands in `table`. None for markup with no
/// row.
fn grid(table: &str) -> Option<Vec<(usize, Vec<String>)>> {
    layout(rows(table))
}

/// Rows of cells (each with where it stands in its table) laid out in a grid as [`grid`] says.
pub(super) fn layout(rows: Vec<(usize, Vec<Cell>)>) -> Option<Vec<(usize, Vec<String>)>> {
    if rows.is_empty() {
        return None;
    }
    let width = rows
        .iter()
        .map(|(_, r)| r.iter().map(|c| c.cols).sum::<usize>())
        .max()
        .unwrap_or(0);
    if width == 0 || width.saturating_mul(rows.len()) > MAX_CELLS {
        return None;
    }
    // For each column, how many more rows a cell above still covers.
    let mut covered = vec![0usize; width];
    let mut out = Vec::with_capacity(rows.len());
    for (offset, row) in rows {
        let mut line = vec![String::new(); width];
        let mut col = 0;
        for cell in row {
            while col < width && covered[col] > 0 {
                col += 1;
            }
            if col >= width {
                break;
            }
            let words = !cell.text.chars().any(|c| c.is_ascii_digit());
            for k in col..(col + cell.cols).min(width) {
                if k == col || words {
                    line[k] = cell.text.clone();
                }
                covered[k] = cell.rows;
            }
            col += cell.cols;
        }
        for c in covered.iter_mut() {
            *c = c.saturating_sub(1);
        }
        out.push((offset, line));
    }
    Some(out)
}

/// The rows of a table's markup, each its cells (`<td>` or `<th>`), with where its `<tr` stands.
fn rows(table: &str) -> Vec<(usize, Vec<Cell>)> {
    let lower = table.to_ascii_lowercase();
    let mut rows = Vec::new();
    let mut at = 0;
    while let Some(tr) = lower[at..].find("<tr").map(|p| p + at) {
        let end = lower[tr..]
            .find("</tr")
            .map_or(table.len(), |p| p + tr)
            .min(
                lower[tr + 3..]
                    .find("<tr")
                    .map_or(table.len(), |p| p + tr + 3),
            );
        let mut cells = Vec::new();
        let mut c = tr;
        while let Some(open) = find_cell(&lower[c..end]).map(|p| p + c) {
            let Some(gt) = lower[open..end].find('>').map(|p| p + open) else {
                break;
            };
            let attrs = &lower[open..gt];
            let close = lower[gt..end]
                .find("</t")
                .map_or(end, |p| p + gt)
                .min(find_cell(&lower[gt..end]).map_or(end, |p| p + gt));
            cells.push(Cell {
                text: cell_text(&table[gt + 1..close]),
                rows: span(attrs, "rowspan"),
                cols: span(attrs, "colspan"),
            });
            c = close.max(gt + 1);
        }
        rows.push((tr, cells));
        at = end.max(tr + 3);
    }
    rows
}

/// Where the next `<td` or `<th` opens.
fn find_cell(lower: &str) -> Option<usize> {
    match (lower.find("<td"), lower.find("<th")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A `rowspan="2"` or `colspan=3` attribute's count (1 without one; at most 100).
fn span(attrs: &str, name: &str) -> usize {
    let Some(p) = attrs.find(name) else {
        return 1;
    };
    let digits: String = attrs[p + name.len()..]
        .chars()
        .skip_while(|c| matches!(c, '=' | '"' | '\'' | ' '))
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(1).clamp(1, 100)
}

/// A cell's text: a `<br>` joins the lines it breaks (a name wrapped in its cell), other tags
/// are dropped, entities read (`&lt;5` is `<5`), white space runs are one space.
fn cell_text(inner: &str) -> String {
    let mut text = String::with_capacity(inner.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '<' => {
                for (_, t) in chars.by_ref() {
                    if t == '>' {
                        break;
                    }
                }
            }
            '&' => match entity_at(&inner[i..], text.chars().last()) {
                Some((c, len)) => {
                    text.extend(c);
                    while chars.peek().is_some_and(|(k, _)| *k < i + len) {
                        chars.next();
                    }
                }
                None => text.push('&'),
            },
            c => text.push(c),
        }
    }
    joined_words(&text)
}

/// White space runs as one space, and none where a run holding a line break stands between two
/// Chinese characters: a cell's name broken over the source's lines (Excel's web page breaks its
/// lines anywhere: `…婴幼儿<br …/>` / `  托位数`) is one name, as a wrapped name in a Word cell is.
pub(super) fn joined_words(text: &str) -> String {
    let han = |c: Option<char>| {
        c.is_some_and(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
        })
    };
    let mut out = String::with_capacity(text.len());
    let mut gap: Option<bool> = None;
    for c in text.chars() {
        if c.is_whitespace() {
            let broken = c == '\n' || c == '\r';
            gap = Some(gap.unwrap_or(false) || broken);
            continue;
        }
        if let Some(broken) = gap.take()
            && !out.is_empty()
            && !(broken && han(out.chars().last()) && han(Some(c)))
        {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The character an HTML entity names (`lt`, `#8805`, `#x2265`).
pub(super) fn entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ge" => '≥',
        "le" => '≤',
        "times" => '×',
        "middot" => '·',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "permil" => '‰',
        "plusmn" => '±',
        "divide" => '÷',
        "deg" => '°',
        "bull" => '•',
        "yen" => '¥',
        "ensp" | "emsp" | "thinsp" => ' ',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            return char::from_u32(code);
        }
    })
}

/// Inline formulas that are only a number (`$5 8 \%$`, `$\geq 9 8 . 5 \%$`, `$8 / 1 0$`) as the
/// number; None when there is none. A formula with anything else (a letter, a command qyx does
/// not know) is left as printed.
fn inline_numbers(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(open) = rest.find('$') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .char_indices()
            .take(MAX_FORMULA)
            .find(|(_, c)| *c == '$' || *c == '\n')
            .filter(|(_, c)| *c == '$')
            .map(|(p, _)| p);
        match close.and_then(|p| number_formula(&after[..p]).map(|n| (p, n))) {
            Some((p, n)) => {
                out.push_str(&n);
                changed = true;
                rest = &after[p + 1..];
            }
            None => {
                out.push('$');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// A formula's body as the number it spells, or None.
pub(super) fn number_formula(body: &str) -> Option<String> {
    const COMMANDS: &[(&str, &str)] = &[
        ("\\geqslant", "≥"),
        ("\\leqslant", "≤"),
        ("\\geq", "≥"),
        ("\\leq", "≤"),
        ("\\ge", "≥"),
        ("\\le", "≤"),
        ("\\%", "%"),
        ("\\sim", "～"),
        ("\\approx", "≈"),
        ("\\cdot", "."),
    ];
    let mut out = String::new();
    let mut rest = body.trim();
    let mut digits = false;
    while let Some(c) = rest.chars().next() {
        if let Some((cmd, sign)) = COMMANDS.iter().find(|(cmd, _)| {
            rest.starts_with(cmd)
                && !rest[cmd.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        }) {
            out.push_str(sign);
            rest = &rest[cmd.len()..];
            continue;
        }
        match c {
            '0'..='9' => {
                digits = true;
                out.push(c);
            }
            '.' | '%' | '/' | '<' | '>' | '=' | '+' | '-' | '~' => out.push(c),
            // A full-width point spaced from its digits (`９ ８ ． ５`): no fold reaches it.
            '．' => out.push('.'),
            // Any space: a page copied from the browser puts no-break ones between the digits.
            '{' | '}' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
        rest = &rest[c.len_utf8()..];
    }
    digits.then_some(out)
}

/// A cell printing two years' figures with a slash between them (`4.2/4.6`, `<5/<5`, `≈90/≈90`,
/// `60%/65%`, under a header `2024年/2025年目标值`): the two. Not a rate per population
/// (`8/10万`, `1/千`): its two sides are figures of one kind, in one unit or none.
pub(crate) fn figure_pair(cell: &str) -> Option<(String, String)> {
    let (a, b) = cell.trim().split_once(['/', '／'])?;
    let (a, b) = (a.trim(), b.trim());
    let digit = |s: &str| {
        s.chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    if !digit(a) || !digit(b) {
        return None;
    }
    let read = |s: &str| {
        crate::threshold::Threshold::parse(s)
            .ok()
            .filter(|t| t.value.is_some())
    };
    let (ta, tb) = (read(a)?, read(b)?);
    let same_unit = ta.unit == tb.unit;
    (same_unit && ta.label.is_none() && tb.label.is_none()).then(|| (a.to_string(), b.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_years_figures_in_one_cell() {
        use super::figure_pair;
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(figure_pair("4.2/4.6"), pair("4.2", "4.6"));
        assert_eq!(figure_pair("<5/<5"), pair("<5", "<5"));
        assert_eq!(figure_pair("≈90/≈90"), pair("≈90", "≈90"));
        assert_eq!(figure_pair("60%/65%"), pair("60%", "65%"));
        assert_eq!(figure_pair("8/10万"), None);
        assert_eq!(figure_pair("1/千"), None);
        assert_eq!(figure_pair("72"), None);
    }

    use super::*;

    /// `&nbsp;` between a figure's digits and its next three is a thousands space, however
    /// many bytes the characters after it take (a character of three bytes at the third byte
    /// panicked, on a damaged copy of round 11's putuo).
    #[test]
    fn a_thousands_space_by_bytes() {
        assert_eq!(entity_at("&nbsp;850元", Some('1')), Some((None, 6)));
        assert_eq!(entity_at("&nbsp;8500", Some('1')), Some((Some(' '), 6)));
        assert_eq!(entity_at("&nbsp;00箼等", Some('1')), Some((Some(' '), 6)));
        assert_eq!(entity_at("&nbsp;箼", Some('1')), Some((Some(' '), 6)));
        assert_eq!(entity_at("&nbsp;85", Some('1')), Some((Some(' '), 6)));
    }

    #[test]
    fn an_html_table_is_its_rows() {
        let doc = "前文\n<html><body><table><tr><td rowspan=\"2\">序号</td><td rowspan=\"2\">领域</td><td rowspan=\"2\">指标</td><td>基期值</td><td colspan=\"2\">目标值</td></tr><tr><td>2022年</td><td>2025年</td><td>2027年</td></tr><tr><td>1</td><td rowspan=\"2\">幼有善育</td><td>每千人口拥有3岁以下<br>婴幼儿托位数</td><td>3.6</td><td>4.5</td><td>5.3</td></tr><tr><td>2</td><td>普惠托位占比</td><td>58</td><td>&lt;65</td><td>&gt;70</td></tr></table></body></html>\n注：后文";
        let want = "前文\n\
            | 序号 | 领域 | 指标 | 基期值 | 目标值 | 目标值 |\n\
            |  |  |  | 2022年 | 2025年 | 2027年 |\n\
            | 1 | 幼有善育 | 每千人口拥有3岁以下婴幼儿托位数 | 3.6 | 4.5 | 5.3 |\n\
            | 2 |  | 普惠托位占比 | 58 | <65 | >70 |\n\
            注：后文";
        assert_eq!(plain(doc).as_deref(), Some(want));
        // Each line's line in the source: the table's four rows are its line 2's.
        assert_eq!(plain_lines(doc).map(|p| p.1), Some(vec![1, 2, 2, 2, 2, 3]));
        // Not a table: left alone.
        assert_eq!(
            plain("<table> 没有行 </table>").as_deref(),
            Some("<table> 没有行 </table>")
        );
        assert_eq!(plain("普通的文字"), None);
    }

    /// A spreadsheet saved as a web page (Excel's 发布为网页, round 19's binjiang): rows of one
    /// text across the table before its header and after its last row (`附件1`, the title, a
    /// 注) are lines of text, not rows, and an empty row at its edge (the hidden row of widths) is
    /// none; a name broken over the source's lines inside a cell is one name (`婴幼儿<br />` /
    /// `  托位数`), words broken so keep their space. Near misses: a one-column table, a domain's
    /// row inside the body, a row of two texts.
    #[test]
    fn a_table_s_captions_are_text_and_its_cells_whole() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "title, header, rows, a note, the widths",
                "<table>\n <tr><td colspan=3>附件1</td></tr>\n <tr><td colspan=3 class=xl66>滨江区…主要指标表（2023—2027年）</td></tr>\n <tr><td>指标</td><td>2022年<br style='mso-data-placement:same-cell' />\n  基础值</td><td>2027年</td></tr>\n <tr><td>每千人口拥有3岁以下婴幼儿<br />\n  托位数</td><td x:num=\"4\">4.0</td><td>5.5</td></tr>\n <tr><td colspan=3>注：第1项为2021年数据。</td></tr>\n <tr height=0><td width=43></td><td></td><td></td></tr>\n</table>",
                "附件1\n滨江区…主要指标表（2023—2027年）\n| 指标 | 2022年基础值 | 2027年 |\n| 每千人口拥有3岁以下婴幼儿托位数 | 4.0 | 5.5 |\n注：第1项为2021年数据。\n",
            ),
            (
                "a domain's row inside the body stays a row",
                "<table><tr><td>指标</td><td>2027年</td></tr><tr><td colspan=2>幼有善育</td></tr><tr><td>托位数</td><td>5.5</td></tr></table>",
                "| 指标 | 2027年 |\n| 幼有善育 | 幼有善育 |\n| 托位数 | 5.5 |\n",
            ),
            (
                "a one-column table is all body",
                "<table><tr><td>第一行</td></tr><tr><td>第二行</td></tr></table>",
                "| 第一行 |\n| 第二行 |\n",
            ),
            (
                "English words broken over lines keep a space",
                "<table><tr><td>Childcare\n places</td><td>5.5</td></tr></table>",
                "| Childcare places | 5.5 |\n",
            ),
        ];
        for (what, doc, want) in cases {
            assert_eq!(plain(doc).as_deref(), Some(*want), "{what}");
        }
        assert_eq!(joined_words("婴幼儿 托位数"), "婴幼儿 托位数");
        assert_eq!(
            joined_words("婴幼儿\n  托位数 3.9 \r\n 个"),
            "婴幼儿托位数 3.9 个"
        );
    }

    /// A page saved from the browser is the text it shows: its `<style>`, `<script>` and
    /// comments are none, Word's runs inside a paragraph join (a figure split over two runs is one
    /// figure), entities are read and an `&nbsp;` between thousands is no break, in prose and in
    /// a table's cells; paragraphs on one source line are lines of their own, each standing for
    /// that source line. A converter's table wrapped in `<html><body>` is no page.
    #[test]
    fn a_saved_page_is_the_text_it_shows() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "a paragraph of runs, a figure split over two",
                "<p style=\"text-indent:2em;\">托位数<span lang=\"EN-US\">3.</span><span lang=\"EN-US\">7</span>个，就业<span lang=\"EN-US\">6120</span>人</p>",
                "托位数3.7个，就业6120人",
            ),
            (
                "a style, a script and a comment over lines: no text, their lines kept",
                "<style type=\"text/css\">\n.xxgk td{width:25%;}\n</style><!-- 注释 -->\n<p>正文</p>\n<script>var _pageId = 8654321;</script>",
                "\n\n\n正文\n",
            ),
            (
                "entities; an nbsp between thousands and one that is a space",
                "<p>达到&ge;98%，&lt;5%，&ldquo;七优享&rdquo;（2023&mdash;2027年），71&nbsp;850元，共&nbsp;850个，12&nbsp;3456</p>",
                "达到≥98%，<5%，“七优享”（2023—2027年），71850元，共 850个，12 3456",
            ),
            (
                "two paragraphs on one line",
                "<div><p>第一段。</p><p>第二段。</p></div>",
                "第一段。\n第二段。",
            ),
            (
                "a table's cells",
                "<div>表</div>\n<table>\n<tr><td>文号：</td><td>舟普政办发〔2023〕38号</td></tr>\n<tr><td><p>6</p></td><td><p>71&nbsp;850</p></td></tr>\n</table>\n<p>注</p>",
                "表\n| 文号： | 舟普政办发〔2023〕38号 |\n| 6 | 71850 |\n\n注",
            ),
        ];
        for (what, doc, want) in cases {
            let (text, lines) = plain_lines(doc).unwrap_or_default();
            assert_eq!(text, *want, "{what}");
            assert!(lines.len() >= text.lines().count(), "{what}");
        }
        // Each line's source line: `第二段。` stands on the source's first line too.
        let (_, lines) =
            plain_lines("<div><p>第一段。</p><p>第二段。</p></div>\n<p>三</p>").unwrap_or_default();
        assert_eq!(lines[..3], [1, 1, 2]);
        // A converter's table in `<html><body>` and text with no tag are no page.
        assert!(!is_page(
            "<html><body><table><tr><td>1</td></tr></table></body></html>"
        ));
        assert_eq!(plain("达到5 < 6 的水平"), None);
    }

    #[test]
    fn a_spreadsheet_saved_as_tab_separated_text_has_a_record_a_line() {
        for (text, want, lines) in [
            // Excel's quoting: a header cell and a name with a line break, rows ending in CRLF.
            (
                "附件\n序号\t指标名称\t\"2022年\n基础值\"\t2027年\r\n1\t\"每千人口拥有3岁以下\n婴幼儿托位数*\"\t3.9\t5.5\r\n2\t普惠托位占比\t55.00%\t≥ 70\r\n后文",
                Some(
                    "附件\n序号\t指标名称\t2022年基础值\t2027年\n1\t每千人口拥有3岁以下婴幼儿托位数*\t3.9\t5.5\n2\t普惠托位占比\t55.00%\t≥ 70\r\n后文",
                ),
                vec![1, 2, 4, 6, 7],
            ),
            // A quote inside a quoted cell, doubled; a one-line quoted cell.
            (
                "3\t\"“浙里康养”\"\"智慧\"\"平台\"\t80",
                Some("3\t“浙里康养”\"智慧\"平台\t80"),
                vec![1],
            ),
            // The 注 as one quoted cell of three lines, then the tail.
            (
                "\"注：1.带*的为核心指标；\n2.“—”表示暂无数据；\n3.累计数。\"\t\t\n完",
                Some("注：1.带*的为核心指标；2.“—”表示暂无数据；3.累计数。\t\t\n完"),
                vec![1, 4],
            ),
            // A stray quote never closed within its lines: left as printed.
            (
                "1\t\"半个引号\t5\n二\n三\n四\n五\n六\n七\n八\n九\n十",
                None,
                vec![],
            ),
            // No tab: a comma CSV is read by the table reader itself; prose is left alone.
            ("1,\"每千人口\n托位数\",3.9", None, vec![]),
            ("他说\"好\"。", None, vec![]),
        ] {
            let got = plain_lines(text);
            assert_eq!(got.as_ref().map(|g| g.0.as_str()), want, "{text:?}");
            if let Some((_, l)) = got {
                assert_eq!(l, lines, "{text:?}");
            }
        }
    }

    #[test]
    fn numbers_taken_for_formulas_are_numbers() {
        for (text, want) in [
            ("普惠托位占比 $5 8 \\%$ ，", Some("普惠托位占比 58% ，")),
            ("达到 $\\geq 9 8 . 5 \\%$ 。", Some("达到 ≥98.5% 。")),
            ("控制在 $8 / 1 0$ 万以下", Some("控制在 8/10 万以下")),
            ("$1 . 8$ 万个", Some("1.8 万个")),
            ("价格 $5 元，另付 $3", None),
            ("$x + 1$", None),
        ] {
            assert_eq!(plain(text).as_deref(), want, "{text}");
        }
    }

    /// The passes read a document as the readers after them do: no-break spaces, full-width
    /// figures and a TeX escape typed with a full-width bracket folded, one character for one
    /// (a page copied from the browser, an input method's full-width mode, a converter that
    /// normalises punctuation): the formula, the JSON dataset, the LaTeX of the same document
    /// with ASCII in it are read the same. Near misses: a full-width bracket with no escape
    /// before it stays as printed, a thousands space between digits stays, and a document no
    /// pass reads is left to the caller (None), folded or not.
    #[test]
    fn markup_is_read_as_its_folded_twin() {
        for (what, text, want) in [
            (
                "no-break spaces in a formula",
                "占比达到\u{a0}$6\u{a0}5\u{a0}\\%$\u{a0}，",
                Some("占比达到 65% ，"),
            ),
            (
                "full-width digits and percent in a formula",
                "占比 $５ ８ \\％$ ，达到 $\\geq ９ ８ ． ５ \\%$。",
                Some("占比 58% ，达到 ≥98.5%。"),
            ),
            (
                "a TeX escape with full-width brackets; a bracket with none stays",
                "实施方案（2023—2027年）占比 \\（56 \\％\\）；",
                Some("实施方案（2023—2027年）占比 56%；"),
            ),
            (
                "a JSON dataset indented with no-break spaces, full-width digits and commas",
                "{\n\u{a0}\"rows\": [\n\u{3000}{\"指标名称\": \"托位数\", \"2027年目标值\": ５.５}，\n  {\"指标名称\": \"普惠\"， \"2027年目标值\"： \"≥70\"}\u{c}\n]\n}\n",
                Some("指标名称\t2027年目标值\n托位数\t5.5\n普惠\t≥70\n"),
            ),
            (
                "no markup: left to the caller",
                "达到\u{a0}６５％，71\u{a0}850元",
                None,
            ),
        ] {
            assert_eq!(plain(text).as_deref(), want, "{what}");
        }
        assert_eq!(
            folded("71\u{a0}850元\u{a0}共（3）项\\（").as_deref(),
            Some("71\u{a0}850元 共（3）项\\(")
        );
        assert_eq!(folded("（2023—2027年）"), None);
        assert!(super::super::json::is_dataset(
            "[{\"指标\": \"托位\", \"值\": ５}，{\"指标\": \"普惠\", \"值\": ６}]"
        ));
    }
}
