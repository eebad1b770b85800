//! An OpenDocument file (what LibreOffice, WPS and Yozo Office save as .odt, .fodt, .ods and
//! .fods), read as the text it shows: its paragraphs a line each, its tables `|` rows.
//!
//! Why it exists: an office on LibreOffice saves its plan as "平面 XML ODF 文本文档" (.fodt, the
//! whole document as one XML file) or as .odt (a zip whose `content.xml` is the same XML), and
//! read as text neither holds a word a reader knows where it should be: a figure's digits are
//! split by `<text:span>` (`<text:span>3</text:span>.6个`), a table's cells are markup, and the
//! markup is full of numbers that are no figures (widths, style names, page counts). Read as a
//! .docx is ([`super::docx`]), through the same table layout, a plan saved both ways reads the
//! same.
//!
//! What the text is:
//! - only `office:body`: the meta (page and word counts), the styles and the master pages (the
//!   header repeating the 文号, the footer's page number) are no text of the document;
//! - a paragraph or heading (`text:p`, `text:h`) is a line; white space inside it is one space,
//!   as a reader sees it, and `text:s` (with its count), `text:tab` and `text:line-break` are
//!   the spaces, tab and break it stands for;
//! - what a reader does not see is no text: the tracked changes kept in the file
//!   (`text:tracked-changes` holds the deleted text; the inserted text is in the body), notes
//!   (`text:note`: a footnote's population is no figure of its sentence, as the rules for plain
//!   text read a `注`), comments (`office:annotation`), a list's cached label (`text:number`);
//! - a table is `| a | b |` rows laid out by [`super::markup::layout`]:
//!   `table:number-rows-spanned` and `number-columns-spanned` as `rowspan` and `colspan`, a
//!   covered cell (`table:covered-table-cell`) the spanning cell's place; a cell's paragraphs
//!   join as a .docx cell's do; a cell shows its text (`55%`, not its `office:value` 0.55);
//!   a spreadsheet's repeated cells and rows (`number-columns-repeated`, `number-rows-repeated`)
//!   are repeated at most [`MAX_REPEAT`] times, an empty row once and empty cells at a row's end
//!   not at all (a sheet's last row repeats a million times).
//!
//! Each line of the result is mapped to the source line its paragraph or row starts on.
//!
//! Bounded: the XML is read event by event with stacks as deep as its tables nest; repeats and
//! spans are capped (and make no row wider than [`MAX_CELLS`] nor a table longer than
//! [`MAX_ROWS`]), and the laid-out text is at most [`super::docx::MAX_XML_BYTES`].

use super::docx::attr;
use quick_xml::events::{BytesStart, Event};

/// The most times a repeated cell or row is repeated, as markup bounds `colspan`.
const MAX_REPEAT: usize = 100;

/// The widest row and the longest table repeats make (a repeat past them counts once).
const MAX_CELLS: usize = 200;
const MAX_ROWS: usize = 2_000;

/// The most spaces one `text:s` stands for.
const MAX_SPACES: usize = 200;

/// The OpenDocument office namespace: every flat file and `content.xml` declares it.
const OFFICE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/// A flat OpenDocument file (`<office:document>`, or a zip's `content.xml` saved alone:
/// `<office:document-content>`) as the text it shows, each line with its source line; None for
/// any other text, or one whose XML cannot be read.
pub(crate) fn flat_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let head = super::head(text, 4096);
    if !(head.contains("<office:document") && text.contains(OFFICE_NS)) {
        return None;
    }
    body_lines(text, super::docx::MAX_XML_BYTES).ok()
}

/// The text of an OpenDocument's XML (a zip's `content.xml`), as [`flat_lines`] reads it.
pub(crate) fn body_text(xml: &str, limit: u64) -> Result<String, super::docx::Error> {
    body_lines(xml, limit).map(|(t, _)| t)
}

/// A cell while it is read.
struct Cell {
    paras: Vec<String>,
    rows: usize,
    cols: usize,
    repeat: usize,
}

/// A row while it is read: its cells, its source line, how often it repeats.
struct Row {
    cells: Vec<super::markup::Cell>,
    line: usize,
    repeat: usize,
}

/// What an element being read belongs to, innermost last.
enum Frame {
    Table(Vec<Row>),
    Row(Row),
    Cell(Cell),
}

/// Elements whose text no reader sees (see the module doc).
const HIDDEN: [&str; 8] = [
    "tracked-changes",
    "note",
    "annotation",
    "number",
    "sequence-decls",
    "variable-decls",
    "covered-table-cell",
    "desc",
];

/// The reader's state over the body's events.
struct Body {
    out: String,
    lines: Vec<usize>,
    frames: Vec<Frame>,
    /// Paragraphs open (a frame's paragraph inside the one it is anchored in), with their lines.
    paras: Vec<(String, usize)>,
    /// How deep inside `office:body`, and inside elements not shown.
    body: usize,
    hidden: usize,
    limit: u64,
}

/// An attribute's value by its local name (`table:number-rows-spanned` is
/// `number-rows-spanned`).
/// A count attribute (`text:c`, a span, a repeat): at least 1, at most `max`.
fn count(e: &BytesStart, name: &str, max: usize) -> usize {
    attr(e, name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, max)
}

fn body_lines(xml: &str, limit: u64) -> Result<(String, Vec<usize>), super::docx::Error> {
    use super::docx::Error;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut b = Body {
        out: String::new(),
        lines: Vec::new(),
        frames: Vec::new(),
        paras: Vec::new(),
        body: 0,
        hidden: 0,
        limit,
    };
    // The source line an event starts on, counted as the reader goes.
    let (mut seen, mut line) = (0usize, 1usize);
    loop {
        let at = usize::try_from(reader.buffer_position())
            .unwrap_or(usize::MAX)
            .min(xml.len());
        if at > seen {
            line += xml.as_bytes()[seen..at]
                .iter()
                .filter(|&&c| c == b'\n')
                .count();
            seen = at;
        }
        let event = reader.read_event().map_err(|e| {
            let at = reader.error_position();
            Error::Xml(crate::tr!("第 {at} 字节: {e}", "at byte {at}: {e}"))
        })?;
        match event {
            Event::Start(e) => b.open(&e, line),
            Event::Empty(e) => {
                b.open(&e, line);
                b.close(e.local_name().as_ref())?;
            }
            Event::End(e) => b.close(e.local_name().as_ref())?,
            Event::Text(t) => b.push_text(&t.xml10_content(), true),
            Event::CData(t) => b.push_text(&t, true),
            Event::GeneralRef(r) => {
                if let Some(c) = crate::xmlref::text(&r).map_err(Error::Xml)? {
                    b.push_text(&c, false);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while let Some((p, at)) = b.paras.pop() {
        b.emit(p, at);
    }
    Ok((b.out, b.lines))
}

impl Body {
    fn open(&mut self, e: &BytesStart, line: usize) {
        let name = e.local_name();
        let name = name.as_ref();
        if name == "body" {
            self.body += 1;
            return;
        }
        if self.body == 0 {
            return;
        }
        let hidden = HIDDEN.contains(&name);
        if hidden || self.hidden > 0 {
            self.hidden += usize::from(hidden);
            return;
        }
        match name {
            "p" | "h" => self.paras.push((String::new(), line)),
            "s" => self.push_shown(&" ".repeat(count(e, "c", MAX_SPACES))),
            "tab" => self.push_shown("\t"),
            "line-break" => self.push_shown("\n"),
            "table" => self.frames.push(Frame::Table(Vec::new())),
            "table-row" => self.frames.push(Frame::Row(Row {
                cells: Vec::new(),
                line,
                repeat: count(e, "number-rows-repeated", usize::MAX),
            })),
            "table-cell" => self.frames.push(Frame::Cell(Cell {
                paras: Vec::new(),
                rows: count(e, "number-rows-spanned", MAX_REPEAT),
                cols: count(e, "number-columns-spanned", MAX_REPEAT),
                repeat: count(e, "number-columns-repeated", usize::MAX),
            })),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) -> Result<(), super::docx::Error> {
        if name == "body" {
            self.body = self.body.saturating_sub(1);
            return Ok(());
        }
        if self.body == 0 {
            return Ok(());
        }
        if self.hidden > 0 {
            let hidden = HIDDEN.contains(&name);
            self.hidden -= usize::from(hidden);
            return Ok(());
        }
        match name {
            "p" | "h" => {
                if let Some((p, at)) = self.paras.pop() {
                    self.emit(p, at);
                }
            }
            "table-cell" => {
                if matches!(self.frames.last(), Some(Frame::Cell(_)))
                    && let Some(Frame::Cell(c)) = self.frames.pop()
                    && let Some(Frame::Row(r)) = self.frames.last_mut()
                {
                    let text = super::docx::cell_text(&c.paras);
                    // Repeated empty cells are one wide empty cell (a sheet's row runs on to
                    // its last column); a repeated value is that value again, capped.
                    // A row already wider than any table is not widened further by repeats.
                    let n = if text.is_empty() || r.cells.len() >= MAX_CELLS {
                        1
                    } else {
                        c.repeat.min(MAX_REPEAT)
                    };
                    let cols = if text.is_empty() {
                        c.cols.saturating_mul(c.repeat.min(MAX_REPEAT))
                    } else {
                        c.cols
                    };
                    for _ in 0..n {
                        r.cells.push(super::markup::Cell {
                            text: text.clone(),
                            rows: c.rows,
                            cols,
                        });
                    }
                }
            }
            "table-row" => {
                if matches!(self.frames.last(), Some(Frame::Row(_)))
                    && let Some(Frame::Row(mut r)) = self.frames.pop()
                    && let Some(Frame::Table(t)) = self.frames.last_mut()
                {
                    // Empty cells at a row's end print nothing; a row of none is no row.
                    while r
                        .cells
                        .last()
                        .is_some_and(|c| c.text.is_empty() && c.rows == 1)
                    {
                        r.cells.pop();
                    }
                    if r.cells.is_empty() {
                        return Ok(());
                    }
                    // Nor a table already longer than any plan's by a row's repeats.
                    let n = if t.len() >= MAX_ROWS {
                        1
                    } else {
                        r.repeat.min(MAX_REPEAT)
                    };
                    for _ in 1..n {
                        t.push(Row {
                            cells: r.cells.clone(),
                            line: r.line,
                            repeat: 1,
                        });
                    }
                    t.push(r);
                }
            }
            "table" => {
                if matches!(self.frames.last(), Some(Frame::Table(_)))
                    && let Some(Frame::Table(rows)) = self.frames.pop()
                {
                    self.table(rows)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Text inside a paragraph: white space from the source (`collapse`) is one space, and none
    /// at a paragraph's start, as OpenDocument shows it; an entity's character is itself.
    fn push_text(&mut self, s: &str, collapse: bool) {
        if self.body == 0 || self.hidden > 0 {
            return;
        }
        let Some((p, _)) = self.paras.last_mut() else {
            return;
        };
        if !collapse {
            p.push_str(s);
            return;
        }
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\r' | '\n') {
                if !(p.is_empty() || p.ends_with(' ')) {
                    p.push(' ');
                }
            } else {
                p.push(c);
            }
        }
    }

    /// Spaces, a tab or a break an element stands for, in the innermost paragraph.
    fn push_shown(&mut self, s: &str) {
        if let Some((p, _)) = self.paras.last_mut() {
            p.push_str(s);
        }
    }

    /// A finished paragraph: lines of the body (a `text:line-break` breaks it), or a paragraph
    /// of the cell it stands in.
    fn emit(&mut self, p: String, at: usize) {
        match self.frames.last_mut() {
            Some(Frame::Cell(c)) => c.paras.push(p),
            _ => {
                for l in p.split('\n') {
                    self.out.push_str(l.trim_end_matches(' '));
                    self.out.push('\n');
                    self.lines.push(at);
                }
            }
        }
    }

    /// A finished table: `|` rows of the body, or the text of the cell it is nested in.
    fn table(&mut self, rows: Vec<Row>) -> Result<(), super::docx::Error> {
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        let cells: Vec<Vec<super::markup::Cell>> = rows.into_iter().map(|r| r.cells).collect();
        if let Some(Frame::Cell(c)) = self.frames.last_mut() {
            c.paras.push(super::markup::nested_words(cells));
            return Ok(());
        }
        let printed = super::markup::table_lines(cells, self.out.len(), self.limit)
            .ok_or(super::docx::Error::TooLarge(self.limit >> 20))?;
        for (i, l) in printed {
            self.out.push_str(&l);
            self.out.push('\n');
            self.lines.push(lines.get(i).copied().unwrap_or(1));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document xmlns:office=\"{OFFICE_NS}\" xmlns:text=\"t\" xmlns:table=\"b\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n<office:meta><meta:document-statistic meta:page-count=\"7\"/></office:meta>\n<office:master-styles><style:header><text:p>某政办发〔2023〕1号</text:p></style:header></office:master-styles>\n<office:body><office:text>\n{body}\n</office:text></office:body></office:document>\n"
        )
    }

    fn read(body: &str) -> String {
        flat_lines(&doc(body)).expect("an OpenDocument").0
    }

    /// A paragraph is the text Writer shows: spans joined, spaces and breaks as the elements
    /// say, source white space one space; what no reader sees is none.
    #[test]
    fn paragraphs_read_as_shown() {
        let cases = [
            (
                "a figure split by spans",
                "<text:p>托位数<text:span text:style-name=\"T2\">3</text:span>.6个</text:p>",
                "托位数3.6个\n",
            ),
            (
                "counted spaces, a tab, a break",
                "<text:p>甲<text:s text:c=\"3\"/>乙<text:tab/>丙<text:line-break/>丁<text:s/></text:p>",
                "甲   乙\t丙\n丁\n",
            ),
            (
                "source white space",
                "<text:p>\n   达到\n   85%\n</text:p>",
                "达到 85%\n",
            ),
            (
                "a footnote in its sentence",
                "<text:p>托位数3.6个<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>按常住人口93.6万人计算。</text:p></text:note-body></text:note>，占比55%</text:p>",
                "托位数3.6个，占比55%\n",
            ),
            (
                "a deletion kept in the file, the insertion in the body",
                "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><office:change-info><dc:date>2023-10-10T16:24:03</dc:date></office:change-info><text:p>4.3个</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>达到<text:change-start text:change-id=\"c2\"/>4.5个<text:change-end text:change-id=\"c2\"/></text:p>",
                "达到4.5个\n",
            ),
            (
                "a comment and a list's label",
                "<text:p>达到70%<office:annotation><dc:creator>周</dc:creator><text:p>建议75%</text:p></office:annotation></text:p><text:list><text:list-item><text:number>2.</text:number><text:p>新增托位</text:p></text:list-item></text:list>",
                "达到70%\n新增托位\n",
            ),
            ("an entity", "<text:p>&lt;5.5%</text:p>", "<5.5%\n"),
        ];
        for (what, body, want) in cases {
            assert_eq!(read(body), want, "{what}");
        }
    }

    /// A table: spans as `rowspan`/`colspan`, covered cells the spanning cell's place, a cell
    /// shows its text, not its value; the same rows as the table's HTML twin.
    #[test]
    fn a_table_reads_as_its_html_twin() {
        let c = |t: &str| {
            format!(
                "<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>"
            )
        };
        let body = format!(
            "<table:table table:name=\"表格1\"><table:table-column table:number-columns-repeated=\"3\"/><table:table-header-rows><table:table-row><table:table-cell table:number-rows-spanned=\"2\"><text:p>指标</text:p></table:table-cell><table:table-cell table:number-columns-spanned=\"2\"><text:p>目标值</text:p></table:table-cell><table:covered-table-cell/></table:table-row><table:table-row><table:covered-table-cell/>{}{}</table:table-row></table:table-header-rows><table:table-row>{}<table:table-cell office:value-type=\"percentage\" office:value=\"0.65\"><text:p>65%</text:p></table:table-cell>{}</table:table-row></table:table>",
            c("2025年"),
            c("2027年"),
            c("普惠托位<text:line-break/>占比（%）"),
            c("&gt;75")
        );
        let html = "<table><tr><td rowspan=\"2\">指标</td><td colspan=\"2\">目标值</td></tr>\
            <tr><td>2025年</td><td>2027年</td></tr>\
            <tr><td>普惠托位占比（%）</td><td>65%</td><td>&gt;75</td></tr></table>";
        let from_html = crate::extract::markup::plain(html).unwrap();
        assert_eq!(read(&body).trim_end(), from_html.trim_end());
    }

    /// A spreadsheet saved flat (.fods): a row's empty cells repeated to the sheet's last column
    /// print nothing, a repeated value repeats (capped), a million empty rows are none.
    #[test]
    fn a_sheets_repeats_are_bounded() {
        let body = "<office:spreadsheet><table:table table:name=\"Sheet1\"><table:table-row><table:table-cell><text:p>托位数</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"float\" office:value=\"4.5\"><text:p>4.5</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"16381\"/></table:table-row><table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row></table:table><table:table><table:table-row><table:table-cell table:number-columns-repeated=\"4000000000\"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>";
        let got = read(body);
        let mut lines = got.lines();
        assert_eq!(lines.next(), Some("| 托位数 | 4.5 | 4.5 |"));
        let last = lines.next().expect("the capped row");
        assert_eq!(last.matches('x').count(), MAX_REPEAT);
        assert_eq!(lines.next(), None);
        // Many repeated rows of many repeated cells: no more than the caps make.
        let cell = "<table:table-cell table:number-columns-repeated=\"100\"><text:p>1</text:p></table:table-cell>".repeat(3);
        let row =
            format!("<table:table-row table:number-rows-repeated=\"100\">{cell}</table:table-row>");
        let got = read(&format!("<table:table>{}</table:table>", row.repeat(25)));
        assert!(got.lines().count() <= MAX_ROWS + MAX_REPEAT);
        assert!(
            got.lines()
                .all(|l| l.matches('1').count() <= MAX_CELLS + MAX_REPEAT)
        );
    }

    /// Lines point at the source line of their paragraph or row; the header, footer and meta are
    /// no text.
    #[test]
    fn lines_point_at_their_paragraphs() {
        let text = doc(
            "<text:p>一</text:p>\n<text:p>二<text:line-break/>三</text:p>\n<table:table><table:table-row><table:table-cell><text:p>四</text:p></table:table-cell></table:table-row></table:table>",
        );
        let (t, lines) = flat_lines(&text).unwrap();
        assert_eq!(t, "一\n二\n三\n| 四 |\n");
        assert_eq!(lines, vec![6, 7, 7, 8]);
    }

    /// Near misses: an XML file of another kind, a page that names the namespace in its text,
    /// broken XML.
    #[test]
    fn what_is_no_opendocument_is_left_alone() {
        assert_eq!(flat_lines("<w:document><w:body/></w:document>"), None);
        assert_eq!(
            flat_lines(&format!("<p>ODF 的命名空间是 {OFFICE_NS}</p>")),
            None
        );
        let broken = doc("<text:p>达到</text:q>");
        assert_eq!(flat_lines(&broken), None);
    }
}
