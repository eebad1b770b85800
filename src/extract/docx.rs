//! A Word document (.docx, what Word, WPS and LibreOffice save), read as the text it shows.
//!
//! Why it exists: a county office has its plan as a .docx, and flattening one to text first
//! loses what the readers need — a table's cells run together, a `%` inside `（）` or a dash of
//! `（2023—2027年）` goes missing, page numbers land among the rows (issue #14). A .docx is a zip
//! whose `word/document.xml` holds the body; reading that XML directly keeps every cell a cell.
//!
//! What the text is:
//! - a paragraph is a line; `w:tab` is a tab, `w:br`/`w:cr` a line break (inside a table's cell
//!   they join as the cell's paragraphs do, below);
//! - a table is one `| a | b |` row a line, laid out by [`super::markup::layout`] exactly as an
//!   HTML table is (`gridSpan` as `colspan`, a `vMerge` run as `rowspan`: the merged cell prints
//!   on its first row, the rows below keep an empty cell in its place), so a plan saved as .docx
//!   and as a web page reads the same; a cell's paragraphs join with a space, or with nothing
//!   between two Chinese characters (a name wrapped in its cell is one name); a table inside a
//!   cell is that cell's text, its cells a space apart;
//! - what a reader of the document does not see is no text: deleted text of tracked changes
//!   (`w:delText`, a move's old place `w:moveFrom`), field codes (`w:instrText`: `PAGE`,
//!   `HYPERLINK "…"`; a field's result is text), and `mc:Fallback`, the copy of a text box that
//!   older Word versions show instead of the `mc:Choice` read here (read both and the text box's
//!   figures count twice). Inserted text (`w:ins`) is the document's text;
//! - a no-break space between a figure's digits and its next three (`71 850`) is a thousands
//!   space and dropped, as markup drops `71&nbsp;850`; any other stays for the readers to fold;
//! - automatic numbering (`1.` `（一）` drawn from `numbering.xml`) is not read: the readers find
//!   headings by their words as well, and a list's number is no figure;
//! - only the body: headers and footers repeat the title and carry page numbers, and footnotes
//!   and endnotes are notes (`注：`, `数据来源：`), which set no figure under the rules for the
//!   text either; comments are reviewers'.
//!
//! Bounded: the archive is the file read (at most [`crate::plan::load::MAX_SOURCE_BYTES`]), and
//! `word/document.xml` is unpacked to at most [`MAX_XML_BYTES`], counted while it is read, never
//! trusting the size the archive states (a zip bomb states a small one): beyond it the document
//! is refused. The XML is read event by event with stacks as deep as its tables nest, and a
//! table's grid is bounded as markup's is.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

/// The most bytes `word/document.xml` may unpack to. A plan's body is a few MiB of XML at most
/// (Word's markup is about ten times its text); four times the largest source document.
pub(crate) const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// The widest span a cell may claim, as markup bounds `colspan`.
const MAX_SPAN: usize = 100;

/// Why a .docx could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Error {
    /// The zip archive, or the entry in it, cannot be read (what the zip reader says).
    Damaged(String),
    /// A zip archive with no `word/document.xml`: what it is instead (zh, en).
    NotWord(&'static str, &'static str),
    /// `word/document.xml` unpacks to more than the limit (MiB).
    TooLarge(u64),
    /// `word/document.xml` is no well-formed XML (what the XML reader says).
    Xml(String),
    /// A Word 97–2003 document (.doc, .wps) that cannot be read: why, in English (the format's
    /// own terms).
    OldWord(String),
    /// An Excel workbook (.xlsx) whose parts cannot be read, or whose sheets show more text than
    /// a plan has: why, in the reader's language.
    Workbook(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let m = match self {
            Error::Damaged(why) => crate::tr!(
                "无法打开 Word 文档（.docx），文件可能已损坏或未完整下载/复制（{why}）: 请用 WPS 或 Word 打开后重新另存为 .docx 或纯文本（.txt）",
                "cannot open the Word document (.docx): the file may be damaged or only partly downloaded or copied ({why}); open it in WPS or Word and save it again as .docx or as plain text (.txt)"
            ),
            Error::NotWord(zh, en) => crate::tr!(
                "这是{zh}，不是 Word 文档（压缩包中没有 word/document.xml）: 请另存为 Word 文档（.docx）或纯文本（.txt）后再读",
                "this is {en}, not a Word document (the zip archive has no word/document.xml): save the plan as a Word document (.docx) or as plain text (.txt), then read that"
            ),
            Error::TooLarge(mib) => crate::tr!(
                "Word 文档的正文（word/document.xml）解压后大于 {mib} MiB，不是计划文件（可能是压缩炸弹）",
                "the Word document's body (word/document.xml) unpacks to more than {mib} MiB: not a plan document (perhaps a zip bomb)"
            ),
            Error::Xml(why) => crate::tr!(
                "Word 文档的正文（word/document.xml）不是完整的 XML（{why}），文件可能已损坏: 请用 WPS 或 Word 打开后重新另存为 .docx 或纯文本（.txt）",
                "the Word document's body (word/document.xml) is no well-formed XML ({why}): the file may be damaged; open it in WPS or Word and save it again as .docx or as plain text (.txt)"
            ),
            Error::OldWord(why) => crate::tr!(
                "无法读取 Word 97–2003 文档（.doc/.wps）: {why}: 请用 WPS 或 Word 打开后另存为 .docx 或纯文本（.txt）",
                "cannot read the Word 97–2003 document (.doc/.wps): {why}; open it in WPS or Word and save it as .docx or as plain text (.txt)"
            ),
            Error::Workbook(why) => crate::tr!(
                "无法读取 Excel 工作簿（.xlsx）: {why}: 请用 Excel 或 WPS 打开后重新另存为 .xlsx，或把指标表另存为纯文本（.txt）",
                "cannot read the Excel workbook (.xlsx): {why}; open it in Excel or WPS and save it again as .xlsx, or save the indicator table as plain text (.txt)"
            ),
        };
        f.write_str(&m)
    }
}

/// Whether the bytes are a zip archive (a .docx, .xlsx, .odt …): its local header's signature.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The text a .docx shows, as the module doc says; an error for an archive that is no readable
/// Word document.
pub(crate) fn text(bytes: &[u8]) -> Result<String, Error> {
    text_within(bytes, MAX_XML_BYTES)
}

/// [`text`] with the body's limit as an argument (the tests' oversized entry is small).
fn text_within(bytes: &[u8], limit: u64) -> Result<String, Error> {
    let damaged = |e: &dyn std::fmt::Display| Error::Damaged(e.to_string());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        // A workbook cut short (a download that stopped) still names its parts in the local
        // headers it has: said as a workbook, not as a Word document.
        let named = |n: &[u8]| bytes.windows(n.len()).any(|w| w == n);
        if named(b"xl/workbook.xml") || named(b"xl/worksheets/") {
            Error::Workbook(crate::tr!(
                "文件可能已损坏或未完整下载/复制（{e}）",
                "the file may be damaged or only partly downloaded or copied ({e})"
            ))
        } else {
            damaged(&e)
        }
    })?;
    // An Excel workbook (a plan's indicator table as it was sent): its sheets as it shows them.
    if super::xlsx::is_workbook(&zip) {
        return super::xlsx::text(&mut zip, limit);
    }
    // The main part is the one the package's relationships name (Word's is `word/document.xml`,
    // but a generator may call it `word/document2.xml` or `word/main.xml`).
    let main = main_part(&mut zip);
    let Some(at) = main
        .as_deref()
        .and_then(|m| zip.index_for_name(m))
        .or_else(|| zip.index_for_name("word/document.xml"))
    else {
        // An OpenDocument text (.odt): its body is `content.xml`, read as a flat one is.
        if let Some(at) = zip.index_for_name("content.xml") {
            let xml = entry(&mut zip, at, limit)?;
            return super::odf::body_text(&xml, limit);
        }
        let (zh, en) = what_zip(zip.file_names().filter_map(Result::ok));
        return Err(Error::NotWord(zh, en));
    };
    let xml = entry(&mut zip, at, limit)?;
    body_text(&xml, limit)
}

/// An archive's entry as text, read to at most `limit` bytes whatever size the archive states
/// (UTF-8, or UTF-16 with its byte-order mark as the standards allow).
pub(super) fn entry(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    at: usize,
    limit: u64,
) -> Result<String, Error> {
    let damaged = |e: &dyn std::fmt::Display| Error::Damaged(e.to_string());
    let mut xml = Vec::new();
    // The entry's stated size is the archive's word: read one byte past the limit.
    zip.by_index(at)
        .map_err(|e| damaged(&e))?
        .take(limit + 1)
        .read_to_end(&mut xml)
        .map_err(|e| damaged(&e))?;
    if xml.len() as u64 > limit {
        return Err(Error::TooLarge(limit >> 20));
    }
    let xml = match std::str::from_utf8(&xml) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        // The standard allows UTF-16 for the part (with its byte-order mark); no other encoding.
        Err(e) => match encoding_rs::Encoding::for_bom(&xml) {
            Some((enc, bom)) => enc.decode_without_bom_handling(&xml[bom..]).0,
            None => return Err(Error::Xml(e.to_string())),
        },
    };
    Ok(xml.into_owned())
}

/// The most bytes of a package's relationships or content types read to find its main part.
const MAX_INDEX_BYTES: u64 = 1 << 20;

/// The name of a package's main part: the target of `_rels/.rels`' `officeDocument`
/// relationship, else the part `[Content_Types].xml` gives a Word body's content type; None
/// where neither says (the caller tries `word/document.xml`).
fn main_part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>) -> Option<String> {
    let mut part = |name: &str| -> Option<String> {
        let at = zip.index_for_name(name)?;
        let mut xml = Vec::new();
        zip.by_index(at)
            .ok()?
            .take(MAX_INDEX_BYTES)
            .read_to_end(&mut xml)
            .ok()?;
        String::from_utf8(xml).ok()
    };
    part("_rels/.rels")
        .and_then(|x| office_document(&x))
        .or_else(|| part("[Content_Types].xml").and_then(|x| typed_main(&x)))
}

/// The target of a relationships part's `officeDocument` relationship, without its leading `/`.
fn office_document(rels: &str) -> Option<String> {
    elements(rels, "Relationship")
        .into_iter()
        .find(|e| {
            attr(e, "Type").is_some_and(|t| t.ends_with("/officeDocument"))
                && attr(e, "TargetMode").is_none_or(|m| m != "External")
        })
        .and_then(|e| attr(&e, "Target"))
        .map(|t| t.trim_start_matches('/').to_string())
}

/// The part a content-types index gives a Word body's type (a document, a macro-enabled one or
/// a template), without its leading `/`.
fn typed_main(types: &str) -> Option<String> {
    elements(types, "Override")
        .into_iter()
        .find(|e| attr(e, "ContentType").is_some_and(|t| is_main_type(&t)))
        .and_then(|e| attr(&e, "PartName"))
        .map(|t| t.trim_start_matches('/').to_string())
}

/// Whether a content type is a Word body's.
fn is_main_type(t: &str) -> bool {
    t.starts_with("application/vnd.openxmlformats-officedocument.wordprocessingml.")
        && t.ends_with(".main+xml")
        || t.starts_with("application/vnd.ms-word.") && t.ends_with(".main+xml")
}

/// Every element of a local name in an XML text, as its start tag (a damaged text: those
/// before the damage).
fn elements(xml: &str, local: &str) -> Vec<BytesStart<'static>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == local => {
                out.push(e.into_owned())
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// A Word document saved as one XML file, read as [`text`] reads a .docx, each line of the text
/// standing for the source line its main part starts on: Word's "Word XML 文档" (Flat OPC,
/// `<pkg:package>` with each part of the package inline, the main part named by the inline
/// `/_rels/.rels` or by its content type) and Word 2003's XML (`<w:wordDocument>`, one body).
/// None for any other text, or one whose body is no readable XML.
///
/// Why: a county office's "另存为 XML" gives this file, and read as text its runs are no words
/// (a figure split over two runs, a table's cells as markup).
pub(crate) fn flat_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let head = super::head(text, 4096);
    let (body, at) = if head.contains("<pkg:package") && text.contains("/2006/xmlPackage") {
        flat_main(text)?
    } else if head.contains("<w:wordDocument") && text.contains("/office/word/2003/wordml") {
        (text, 0)
    } else {
        return None;
    };
    let out = body_text(body, MAX_XML_BYTES).ok()?;
    let line = 1 + text[..at].matches('\n').count();
    let lines = vec![line; out.lines().count() + 1];
    Some((out, lines))
}

/// A Flat OPC package's main part: its XML and where it starts in the package.
fn flat_main(text: &str) -> Option<(&str, usize)> {
    let mut parts = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find("<pkg:part ").map(|p| p + at) {
        // A package cut short inside a part's tag: the parts before it are read.
        let Some(gt) = text[open..].find('>').map(|g| open + g) else {
            break;
        };
        let end = text[gt..]
            .find("</pkg:part>")
            .map_or(text.len(), |p| p + gt);
        let tag = &text[open..=gt];
        let value = |name: &str| {
            let k = tag.find(&format!("{name}=\""))? + name.len() + 2;
            tag[k..].find('"').map(|e| tag[k..k + e].to_string())
        };
        let inner = &text[gt + 1..end];
        let data = inner
            .find("<pkg:xmlData>")
            .map(|p| p + "<pkg:xmlData>".len())
            .and_then(|p| {
                inner
                    .rfind("</pkg:xmlData>")
                    .filter(|&e| e >= p)
                    .map(|e| (p, e))
            });
        if let (Some(name), Some((p, e))) = (value("pkg:name"), data) {
            parts.push((
                name,
                value("pkg:contentType").unwrap_or_default(),
                gt + 1 + p,
                gt + 1 + e,
            ));
        }
        at = end.max(gt + 1);
    }
    let named = parts
        .iter()
        .find(|p| p.0 == "/_rels/.rels")
        .and_then(|p| office_document(&text[p.2..p.3]))
        .map(|t| format!("/{t}"));
    let main = parts
        .iter()
        .find(|p| named.as_ref() == Some(&p.0))
        .or_else(|| parts.iter().find(|p| is_main_type(&p.1)))?;
    Some((&text[main.2..main.3], main.2))
}

/// What a zip archive with no Word body is, by the names of its parts.
fn what_zip<'a>(
    names: impl Iterator<Item = std::borrow::Cow<'a, str>>,
) -> (&'static str, &'static str) {
    let mut kind = ("压缩包", "a zip archive");
    for n in names {
        if n.starts_with("xl/") {
            return (" Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)");
        } else if n.starts_with("ppt/") {
            return (" PowerPoint 演示文稿", "a PowerPoint presentation");
        } else if n == "content.xml" {
            kind = (
                " OpenDocument 文件（.odt 或 .ods）",
                "an OpenDocument file (.odt or .ods)",
            );
        }
    }
    kind
}

/// A table's cell while it is read: its paragraphs, and how it spans.
#[derive(Default)]
struct TableCell {
    paras: Vec<String>,
    span: usize,
    merge: Merge,
    /// Its part in a horizontal merge (`w:hMerge`, what Word kept from a .doc's merged cells
    /// before `w:gridSpan`): a continued cell widens the one before it.
    hmerge: Merge,
}

/// A cell's part in a vertical merge (`w:vMerge`).
#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Merge {
    #[default]
    None,
    /// The merge's first cell (`w:val="restart"`): it prints.
    Restart,
    /// A cell the merge above covers (no `w:val`, or `continue`).
    Continue,
}

/// A table's row while it is read: the grid columns it skips first (`w:gridBefore`), its cells.
#[derive(Default)]
struct TableRow {
    before: usize,
    cells: Vec<TableCell>,
}

/// What an element being read belongs to, innermost last.
enum Frame {
    Table(Vec<TableRow>),
    Row(TableRow),
    Cell(TableCell),
}

/// The reader's state over the body's events.
struct Body {
    /// The lines finished so far.
    out: String,
    frames: Vec<Frame>,
    /// Paragraphs open (a text box's paragraph inside the one it is anchored in).
    paras: Vec<String>,
    /// How deep inside `w:t` (or `m:t`, a formula's text), `w:r`, and elements whose text is
    /// not shown.
    text: usize,
    run: usize,
    hidden: usize,
    /// The run depth whose properties hide it (`w:vanish`: hidden text Word does not show).
    vanished: Option<usize>,
    limit: u64,
}

/// Elements whose text no reader sees (see the module doc).
/// Word 2003's XML keeps headers, footers and notes inline (`w:hdr`, `w:ftr`, `w:footnote`): no
/// body text either, as the module doc says of their parts.
const HIDDEN: [&str; 8] = [
    "delText",
    "instrText",
    "Fallback",
    "moveFrom",
    "hdr",
    "ftr",
    "footnote",
    "endnote",
];

/// The text of `word/document.xml`'s body.
fn body_text(xml: &str, limit: u64) -> Result<String, Error> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut b = Body {
        out: String::new(),
        frames: Vec::new(),
        paras: Vec::new(),
        text: 0,
        run: 0,
        hidden: 0,
        vanished: None,
        limit,
    };
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = reader.error_position();
            Error::Xml(crate::tr!("第 {at} 字节: {e}", "at byte {at}: {e}"))
        })?;
        match event {
            Event::Start(e) => b.open(&e)?,
            Event::Empty(e) => {
                b.open(&e)?;
                b.close(e.local_name().as_ref())?;
            }
            Event::End(e) => b.close(e.local_name().as_ref())?,
            Event::Text(t) => b.push_text(&t.xml10_content()),
            Event::CData(t) => b.push_text(&t),
            Event::GeneralRef(r) => {
                if let Some(c) = crate::xmlref::text(&r).map_err(Error::Xml)? {
                    b.push_text(&c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A document cut off inside a paragraph (an unclosed `w:p` quick-xml lets pass at the end)
    // still shows the text it has.
    while let Some(p) = b.paras.pop() {
        b.emit(p);
    }
    Ok(b.out)
}

/// The value of an attribute by its local name (`w:val` is `val`).
pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

impl Body {
    fn open(&mut self, e: &BytesStart) -> Result<(), Error> {
        let name = e.local_name();
        let name = name.as_ref();
        // Inside what is not shown nothing is read: a hidden text box's paragraphs are no lines.
        if HIDDEN.contains(&name) || self.hidden > 0 {
            self.hidden += usize::from(HIDDEN.contains(&name));
            return Ok(());
        }
        match name {
            "p" => self.paras.push(String::new()),
            "t" => self.text += 1,
            "r" => self.run += 1,
            "tab" if self.run > 0 => self.push_shown("\t"),
            "br" | "cr" if self.run > 0 => self.push_shown("\n"),
            "noBreakHyphen" if self.run > 0 => self.push_shown("-"),
            "sym" if self.run > 0 => {
                if let Some(c) = symbol(attr(e, "font").as_deref(), attr(e, "char").as_deref()) {
                    self.push_shown(&c.to_string());
                }
            }
            "tbl" => self.frames.push(Frame::Table(Vec::new())),
            "tr" => self.frames.push(Frame::Row(TableRow::default())),
            "tc" => self.frames.push(Frame::Cell(TableCell {
                span: 1,
                ..TableCell::default()
            })),
            "gridSpan" => {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    c.span = count(attr(e, "val").as_deref()).clamp(1, MAX_SPAN);
                }
            }
            // Word 2003's XML spells them in lower case.
            "vMerge" | "vmerge" | "hMerge" | "hmerge" => {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    let merge = match attr(e, "val").as_deref() {
                        Some("restart") => Merge::Restart,
                        _ => Merge::Continue,
                    };
                    match name {
                        "vMerge" | "vmerge" => c.merge = merge,
                        _ => c.hmerge = merge,
                    }
                }
            }
            // A run's hidden property (not one switched off: `w:val="0"`, `false`, `off`); the
            // paragraph mark's, outside any run, hides no text.
            "vanish" | "specVanish"
                if self.run > 0
                    && !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off")) =>
            {
                self.vanished.get_or_insert(self.run);
            }
            "gridBefore" => {
                if let Some(Frame::Row(r)) = self.frames.last_mut() {
                    r.before = count(attr(e, "val").as_deref()).min(MAX_SPAN);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &str) -> Result<(), Error> {
        if HIDDEN.contains(&name) || self.hidden > 0 {
            self.hidden -= usize::from(HIDDEN.contains(&name) && self.hidden > 0);
            return Ok(());
        }
        match name {
            "p" => {
                if let Some(p) = self.paras.pop() {
                    self.emit(p);
                }
            }
            "t" => self.text = self.text.saturating_sub(1),
            "r" => {
                if self.vanished == Some(self.run) {
                    self.vanished = None;
                }
                self.run = self.run.saturating_sub(1);
            }
            // Each closes the frame it opened; a stray end tag (a malformed part) closes none.
            "tc" => {
                if matches!(self.frames.last(), Some(Frame::Cell(_)))
                    && let Some(Frame::Cell(c)) = self.frames.pop()
                    && let Some(Frame::Row(r)) = self.frames.last_mut()
                {
                    r.cells.push(c);
                }
            }
            "tr" => {
                if matches!(self.frames.last(), Some(Frame::Row(_)))
                    && let Some(Frame::Row(r)) = self.frames.pop()
                    && let Some(Frame::Table(t)) = self.frames.last_mut()
                {
                    t.push(r);
                }
            }
            "tbl" => {
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

    /// Text of a `w:t` (or a character reference inside one), where it is shown.
    fn push_text(&mut self, s: &str) {
        if self.text > 0 {
            self.push_shown(s);
        }
    }

    /// Text added to the innermost open paragraph, unless an element hides it.
    fn push_shown(&mut self, s: &str) {
        if self.hidden == 0
            && self.vanished.is_none()
            && let Some(p) = self.paras.last_mut()
        {
            p.push_str(s);
        }
    }

    /// A finished paragraph: a line of the body, or a paragraph of the cell it stands in.
    fn emit(&mut self, p: String) {
        let p = match p.contains(NO_BREAK) {
            true => without_thousands_spaces(&p),
            false => p,
        };
        match self.frames.last_mut() {
            Some(Frame::Cell(c)) => c.paras.push(p),
            _ => {
                self.out.push_str(&p);
                self.out.push('\n');
            }
        }
    }

    /// A finished table: `|` rows of the body, or the text of the cell it is nested in.
    fn table(&mut self, rows: Vec<TableRow>) -> Result<(), Error> {
        let rows = merged(rows);
        if let Some(Frame::Cell(c)) = self.frames.last_mut() {
            c.paras.push(super::markup::nested_words(rows));
            return Ok(());
        }
        let lines = super::markup::table_lines(rows, self.out.len(), self.limit)
            .ok_or(Error::TooLarge(self.limit >> 20))?;
        for (_, l) in lines {
            self.out.push_str(&l);
            self.out.push('\n');
        }
        Ok(())
    }
}

/// The rows as markup's cells: each cell's text, `gridSpan` as its columns, and a vertical
/// merge as the rows its first cell spans, the cells it covers left out (as the rows under an
/// HTML `rowspan` have no cell there). A covered cell with no merge above it is an empty cell.
fn merged(rows: Vec<TableRow>) -> Vec<Vec<super::markup::Cell>> {
    use super::markup::Cell;
    // For each grid column a merge starts at: the row and the index of its first cell.
    let mut open: std::collections::HashMap<usize, (usize, usize)> = Default::default();
    let mut out: Vec<Vec<Cell>> = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let mut cells = Vec::with_capacity(row.cells.len() + 1);
        let mut col = row.before;
        if row.before > 0 {
            cells.push(Cell {
                text: String::new(),
                rows: 1,
                cols: row.before,
            });
        }
        for c in row.cells {
            let span = c.span.max(1);
            // A cell a horizontal merge continues: the merge's first cell spans it too.
            if c.hmerge == Merge::Continue
                && let Some(first) = cells.last_mut()
            {
                first.cols += span;
                col += span;
                continue;
            }
            if c.merge == Merge::Continue
                && let Some(&(r, k)) = open.get(&col)
            {
                out[r][k].rows += 1;
                col += span;
                continue;
            }
            if c.merge == Merge::Restart {
                open.insert(col, (i, cells.len()));
            } else {
                open.remove(&col);
            }
            cells.push(Cell {
                text: cell_text(&c.paras),
                rows: 1,
                cols: span,
            });
            col += span;
        }
        out.push(cells);
    }
    out
}

/// A cell's paragraphs (and the lines a `w:br` breaks them into) as one line: joined with a
/// space, or with nothing between two Chinese characters (a name wrapped in its cell), white
/// space runs one space, as markup's HTML cells are.
pub(super) fn cell_text(paras: &[String]) -> String {
    let mut out = String::new();
    for piece in paras.iter().flat_map(|p| p.split('\n')) {
        let piece = piece.split_whitespace().collect::<Vec<_>>().join(" ");
        if piece.is_empty() {
            continue;
        }
        let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
        let joined = wide(out.chars().last()) && wide(piece.chars().next());
        if !(out.is_empty() || joined) {
            out.push(' ');
        }
        out.push_str(&piece);
    }
    out
}

/// No-break spaces: Word's (and a web page's) way of keeping `71 850` on one line.
const NO_BREAK: [char; 2] = ['\u{a0}', '\u{202f}'];

/// The paragraph with each no-break space between a figure's digits and its next three (a
/// thousands space: `71 850`) dropped, as markup drops an `&nbsp;` there, so that a plan saved
/// as .docx reads as saved as a web page; any other no-break space stays for the readers to
/// fold.
fn without_thousands_spaces(p: &str) -> String {
    let chars: Vec<char> = p.chars().collect();
    let digits = |r: std::ops::Range<usize>| {
        chars
            .get(r)
            .is_some_and(|d| d.iter().all(char::is_ascii_digit))
    };
    let mut out = String::with_capacity(p.len());
    for (i, &c) in chars.iter().enumerate() {
        let thousands = NO_BREAK.contains(&c)
            && i > 0
            && digits(i - 1..i)
            && digits(i + 1..i + 4)
            && !digits(i + 4..i + 5);
        if !thousands {
            out.push(c);
        }
    }
    out
}

/// An attribute's count (`w:val="2"`); 1 when missing or unreadable.
fn count(v: Option<&str>) -> usize {
    v.and_then(|v| v.trim().parse().ok()).unwrap_or(1)
}

/// The character a `w:sym` draws, where it is one a figure uses: Word inserts `≥` and `≤` from
/// the Symbol font as `w:sym w:font="Symbol" w:char="F0B3"` (the font's own code, offset into
/// the private use area), with no text.
fn symbol(font: Option<&str>, code: Option<&str>) -> Option<char> {
    let code = u32::from_str_radix(code?, 16).ok()?;
    let code = if code >= 0xF000 { code - 0xF000 } else { code };
    if !font?.eq_ignore_ascii_case("symbol") {
        return None;
    }
    Some(match code {
        0x3C => '<',
        0x3D => '=',
        0x3E => '>',
        0xA3 => '≤',
        0xB3 => '≥',
        0xB1 => '±',
        0xBB => '≈',
        0xB4 => '×',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A .docx holding `parts` (name, content), deflated as Word writes them.
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            z.start_file(*name, opts).unwrap();
            z.write_all(bytes).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    /// A .docx whose body is `body` (WordprocessingML inside `w:body`).
    fn docx(body: &str) -> Vec<u8> {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", xml.as_bytes()),
        ])
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    /// A cell: its properties (`<w:gridSpan w:val="2"/>`) and paragraphs.
    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
    }

    fn tr(cells: &[String]) -> String {
        format!("<w:tr>{}</w:tr>", cells.concat())
    }

    #[test]
    fn a_docx_is_the_text_it_shows() {
        let restart = r#"<w:vMerge w:val="restart"/>"#;
        let cont = "<w:vMerge/>";
        let span2 = r#"<w:gridSpan w:val="2"/>"#;
        let table = format!(
            "<w:tbl><w:tblGrid/>{}{}{}{}</w:tbl>",
            tr(&[
                tc(restart, "序号"),
                tc(restart, "指标"),
                tc("", "基期值"),
                tc(span2, "目标值"),
            ]),
            tr(&[
                tc(cont, ""),
                tc(cont, ""),
                tc("", "2022年"),
                tc("", "2025年"),
                tc("", "2027年"),
            ]),
            tr(&[
                tc("", "1"),
                tc(restart, "普惠托位占比（%）"),
                tc("", "58"),
                tc("", "&gt;65"),
                tc("", "≥70"),
            ]),
            tr(&[
                tc("", "2"),
                tc(cont, ""),
                tc("", "3.6"),
                tc("", "4.5"),
                tc("", "5.3")
            ]),
        );
        let cases: Vec<(String, &str)> = vec![
            // Paragraphs are lines; a run split inside a figure is one figure.
            (
                format!(
                    "{}<w:p><w:r><w:t>到2027年，达到</w:t></w:r><w:r><w:t>8</w:t></w:r><w:r><w:t>5%以上。</w:t></w:r></w:p>",
                    p("一、主要目标")
                ),
                "一、主要目标\n到2027年，达到85%以上。\n",
            ),
            // A table as markup lays out an HTML table: spans, merges, entities.
            (
                table,
                "| 序号 | 指标 | 基期值 | 目标值 | 目标值 |\n\
                 |  |  | 2022年 | 2025年 | 2027年 |\n\
                 | 1 | 普惠托位占比（%） | 58 | >65 | ≥70 |\n\
                 | 2 |  | 3.6 | 4.5 | 5.3 |\n",
            ),
            // Tracked changes: the deletion is no text, the insertion is.
            (
                "<w:p><w:r><w:t>达到</w:t></w:r><w:del><w:r><w:delText>80</w:delText></w:r></w:del><w:ins><w:r><w:t>85</w:t></w:r></w:ins><w:r><w:t>%</w:t></w:r></w:p>".into(),
                "达到85%\n",
            ),
            // A field's code is no text, its result is.
            (
                r#"<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE 2025 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>"#.into(),
                "第3页\n",
            ),
            // A text box once, from mc:Choice; mc:Fallback is its copy.
            (
                format!(
                    "<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>{}</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>{}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>",
                    p("框内2025年达到60%"),
                    p("框内2025年达到60%")
                ),
                "框内2025年达到60%\n正文\n",
            ),
            // A nested table is its cell's text; a cell's paragraphs join.
            (
                format!(
                    "<w:tbl>{}</w:tbl>",
                    tr(&[
                        tc("", "1"),
                        format!(
                            "<w:tc>{}{}<w:tbl>{}</w:tbl></w:tc>",
                            p("每千人口拥有3岁以下"),
                            p("婴幼儿托位数"),
                            tr(&[tc("", "2025年"), tc("", "4.5")])
                        ),
                    ])
                ),
                "| 1 | 每千人口拥有3岁以下婴幼儿托位数 2025年 4.5 |\n",
            ),
            // Tabs and breaks; a tab stop in the paragraph's properties is none.
            (
                r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>指标</w:t><w:tab/><w:t>2025年</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>"#.into(),
                "指标\t2025年\n下一行\n",
            ),
            // Full-width text as it is (the readers fold it); ≥ from the Symbol font.
            (
                r#"<w:p><w:r><w:t>２０２５年达到８５％，</w:t><w:sym w:font="Symbol" w:char="F0B3"/><w:t>90</w:t></w:r></w:p>"#.into(),
                "２０２５年达到８５％，≥90\n",
            ),
            // A moved paragraph counts once, at its new place.
            (
                "<w:p><w:moveFrom><w:r><w:t>旧处</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>新处</w:t></w:r></w:moveTo></w:p>".into(),
                "新处\n",
            ),
            // A thousands space (no-break) is none, as markup reads `71&nbsp;850`; another
            // no-break space stays.
            (
                p("居民人均可支配收入达到71\u{a0}850元，2025年\u{a0}达到 84\u{a0}0000"),
                "居民人均可支配收入达到71850元，2025年\u{a0}达到 84\u{a0}0000\n",
            ),
            // An empty document and an empty paragraph.
            (String::new(), ""),
            ("<w:p/>".into(), "\n"),
        ];
        for (body, want) in cases {
            assert_eq!(text(&docx(&body)).as_deref(), Ok(want), "{body}");
        }
    }

    /// A table saved as a web page and as a .docx gives the same rows: markup reads the one,
    /// this module the other, through the same layout.
    #[test]
    fn a_docx_table_reads_as_its_html_twin() {
        let html = "<table><tr><td rowspan=\"2\">指标</td><td colspan=\"2\">目标值</td></tr>\
            <tr><td>2025年</td><td>2027年</td></tr>\
            <tr><td>普惠托位占比（%）</td><td>65</td><td>&gt;75</td></tr></table>";
        let restart = r#"<w:vMerge w:val="restart"/>"#;
        let body = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            tr(&[
                tc(restart, "指标"),
                tc(r#"<w:gridSpan w:val="2"/>"#, "目标值")
            ]),
            tr(&[tc("<w:vMerge/>", ""), tc("", "2025年"), tc("", "2027年")]),
            tr(&[tc("", "普惠托位占比（%）"), tc("", "65"), tc("", "&gt;75")]),
        );
        let from_html = crate::extract::markup::plain(html).unwrap();
        assert_eq!(text(&docx(&body)).unwrap().trim_end(), from_html.trim_end());
    }

    /// A body saved as UTF-16 (the standard allows it, with its byte-order mark) reads as its
    /// UTF-8 twin; a row starting a column in (`w:gridBefore`) keeps its cells in their columns.
    #[test]
    fn a_utf16_body_and_a_row_starting_a_column_in() {
        let body = format!(
            "<w:tbl>{}<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}</w:tr></w:tbl>",
            tr(&[tc("", "序号"), tc("", "指标"), tc("", "2025年")]),
            [tc("", "普惠托位占比"), tc("", "65")].concat()
        );
        let utf8 = docx(&body);
        let want = "| 序号 | 指标 | 2025年 |\n|  | 普惠托位占比 | 65 |\n";
        assert_eq!(text(&utf8).as_deref(), Ok(want));
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
        let doc = zip_of(&[("word/document.xml", &utf16)]);
        assert_eq!(text(&doc).as_deref(), Ok(want));
    }

    /// An OpenDocument text (.odt) is read from its `content.xml` as a flat one is; an .ods
    /// whose content is no XML says so.
    #[test]
    fn an_odt_reads_its_content() {
        let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="t"><office:body><office:text><text:p>托位数<text:span>4</text:span>.5个</text:p></office:text></office:body></office:document-content>"#;
        let odt = zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", content.as_bytes()),
        ]);
        assert_eq!(text(&odt).as_deref(), Ok("托位数4.5个\n"));
        let broken = zip_of(&[("content.xml", b"<office:document-content><a></b>")]);
        assert!(matches!(text(&broken), Err(Error::Xml(_))));
    }

    #[test]
    fn what_is_no_readable_docx_says_so() {
        let good = docx(&p("达到85%"));
        // Cut short, as a download stopped half-way.
        assert!(matches!(
            text(&good[..good.len() / 2]),
            Err(Error::Damaged(_))
        ));
        assert!(matches!(text(b"PK\x03\x04garbage"), Err(Error::Damaged(_))));
        // A zip with no Word body: what it is.
        // A workbook cut short is said as a workbook.
        let sheet = zip_of(&[("xl/worksheets/sheet1.xml", b"<worksheet/>")]);
        assert!(matches!(
            text(&sheet[..sheet.len() - 30]),
            Err(Error::Workbook(_))
        ));
        // A workbook is read as its sheets (super::xlsx); one with none is empty.
        let xlsx = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
        assert_eq!(text(&xlsx).as_deref(), Ok(""));
        let pptx = zip_of(&[("ppt/presentation.xml", b"<p/>")]);
        assert!(matches!(text(&pptx), Err(Error::NotWord(_, en)) if en.contains("PowerPoint")));
        let other = zip_of(&[("a.txt", b"abc")]);
        assert_eq!(text(&other), Err(Error::NotWord("压缩包", "a zip archive")));
        // Broken XML.
        let broken = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
        assert!(matches!(text(&broken), Err(Error::Xml(_))));
        // A body unpacking past the limit, whatever the archive states: refused, not read.
        let big = docx(&p(&"达到85%。".repeat(2000)));
        assert_eq!(text_within(&big, 1024), Err(Error::TooLarge(0)));
        assert!(text_within(&big, 1 << 20).is_ok());
        // The messages name what is wrong and what to do.
        let m = Error::TooLarge(64).to_string();
        assert!(
            m.contains("word/document.xml") && m.contains("64 MiB"),
            "{m}"
        );
        let m = Error::NotWord("压缩包", "a zip archive").to_string();
        assert!(m.contains(".docx") && m.contains("plain text"), "{m}");
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    /// Hidden text (`w:vanish` on a run) is none of the text, whatever it holds: a note, an old
    /// value in a cell beside the new one, a whole paragraph's runs; a vanish switched off
    /// (`w:val="0"`, `false`) and one on a paragraph's mark (outside any run) hide nothing.
    #[test]
    fn hidden_text_is_no_text() {
        let r = |t: &str| format!("<w:r><w:t>{t}</w:t></w:r>");
        let hid =
            |t: &str, v: &str| format!("<w:r><w:rPr><w:vanish{v}/></w:rPr><w:t>{t}</w:t></w:r>");
        let cases: Vec<(&str, String, &str)> = vec![
            (
                "a hidden note in a paragraph",
                format!(
                    "<w:p>{}{}{}</w:p>",
                    r("达到4."),
                    r("8个"),
                    hid("（内部掌握：5.0个）", "")
                ),
                "达到4.8个\n",
            ),
            (
                "a vanish switched off",
                format!("<w:p>{}{}</w:p>", r("托位"), hid("5.5个", " w:val=\"0\"")),
                "托位5.5个\n",
            ),
            (
                "false",
                format!("<w:p>{}</w:p>", hid("70%", " w:val=\"false\"")),
                "70%\n",
            ),
            (
                "the paragraph mark's vanish",
                format!(
                    "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>{}</w:p>",
                    r("可见")
                ),
                "可见\n",
            ),
            (
                "the run after a hidden one",
                format!("<w:p>{}{}</w:p>", hid("旧", ""), r("新")),
                "新\n",
            ),
            (
                "an old value hidden in a cell",
                format!(
                    "<w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc><w:tc><w:p>{}{}</w:p></w:tc></w:tr></w:tbl>",
                    r("托位数"),
                    r("4.8"),
                    hid("4.6", "")
                ),
                "| 托位数 | 4.8 |\n",
            ),
        ];
        for (what, body, want) in cases {
            let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
            assert_eq!(body_text(&xml, MAX_XML_BYTES).unwrap(), want, "{what}");
        }
    }

    /// `w:hMerge` (a .doc's merged cells as Word keeps them) widens the merge's first cell over
    /// the cells it continues, as `w:gridSpan` does: `目标值` over two years, a 注 over the row;
    /// Word 2003's lower-case `w:hmerge` / `w:vmerge` too.
    #[test]
    fn old_horizontal_merges_span_columns() {
        let tc = |t: &str, pr: &str| {
            format!("<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>")
        };
        let body = format!(
            "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc("指标", "<w:vMerge w:val=\"restart\"/>"),
            tc("目标值", "<w:hMerge w:val=\"restart\"/>"),
            tc("", "<w:hMerge/>"),
            tc("", "<w:vMerge/>"),
            tc("2025年", ""),
            tc("2027年", ""),
            tc("托位数", ""),
            tc("4.8", ""),
            tc("5.5", ""),
            tc("注：第1项为累计数。", "<w:hmerge w:val=\"restart\"/>"),
            tc("", "<w:hmerge/>"),
            tc("", "<w:hmerge w:val=\"continue\"/>"),
        );
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        assert_eq!(
            body_text(&xml, MAX_XML_BYTES).unwrap(),
            "| 指标 | 目标值 | 目标值 |\n|  | 2025年 | 2027年 |\n| 托位数 | 4.8 | 5.5 |\n| 注：第1项为累计数。 |  |  |\n"
        );
    }

    /// The main part is the one `_rels/.rels` names, else the one `[Content_Types].xml` types as
    /// a Word body, else `word/document.xml`; a relationship to an external target or of another
    /// type names none.
    #[test]
    fn the_main_part_is_the_one_the_package_names() {
        let body = |t: &str| {
            format!(
                "<w:document {W}><w:body><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:body></w:document>"
            )
        };
        let rels = |target: &str| {
            format!(
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/></Relationships>"#
            )
        };
        let types = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/word/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
        let b = body("正文");
        let old = body("旧正文");
        for (what, parts, want) in [
            (
                "named by the relationships",
                vec![
                    ("_rels/.rels", rels("word/document2.xml")),
                    ("word/document.xml", old.clone()),
                    ("word/document2.xml", b.clone()),
                ],
                "正文\n",
            ),
            (
                "a leading slash",
                vec![
                    ("_rels/.rels", rels("/word/document2.xml")),
                    ("word/document2.xml", b.clone()),
                ],
                "正文\n",
            ),
            (
                "typed, no relationships",
                vec![
                    ("[Content_Types].xml", types.to_string()),
                    ("word/main.xml", b.clone()),
                ],
                "正文\n",
            ),
            (
                "named but missing: Word's name",
                vec![
                    ("_rels/.rels", rels("word/gone.xml")),
                    ("word/document.xml", b.clone()),
                ],
                "正文\n",
            ),
        ] {
            let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
            assert_eq!(text(&zip_of(&parts)).unwrap(), want, "{what}");
        }
        assert_eq!(
            office_document(&rels("word/document.xml")).as_deref(),
            Some("word/document.xml")
        );
        assert_eq!(
            office_document(
                r#"<Relationships><Relationship Type="x/officeDocument" Target="http://a" TargetMode="External"/></Relationships>"#
            ),
            None
        );
        assert_eq!(typed_main(types).as_deref(), Some("word/main.xml"));
        assert_eq!(typed_main("<Types/>"), None);
        assert_eq!(office_document("<<<"), None);
    }

    /// A document saved as one XML file: Word's Flat OPC (`<pkg:package>`, the main part found
    /// by the inline relationships or its content type, headers and properties not read) and
    /// Word 2003's `<w:wordDocument>` (its inline header none of the body). Near misses: a package
    /// with no Word body, a workbook's XML, plain text, a package cut short.
    #[test]
    fn a_document_saved_as_xml_is_its_body() {
        let part = |name: &str, ct: &str, xml: &str| {
            format!(
                r#"<pkg:part pkg:name="{name}" pkg:contentType="{ct}"><pkg:xmlData>{xml}</pkg:xmlData></pkg:part>"#
            )
        };
        let main_ct =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
        let doc = format!(
            "<w:document {W}><w:body>\n<w:p><w:r><w:t>上政办发〔</w:t></w:r><w:r><w:t>2023</w:t></w:r><w:r><w:t>〕41号</w:t></w:r></w:p>\n<w:p><w:r><w:t>到2025年达到4.</w:t></w:r><w:r><w:t>8个</w:t></w:r></w:p></w:body></w:document>"
        );
        let hdr = format!("<w:hdr {W}><w:p><w:r><w:t>页眉99个</w:t></w:r></w:p></w:hdr>");
        let pkg = |parts: String| {
            format!(
                "<?xml version=\"1.0\" standalone=\"yes\"?>\r\n<?mso-application progid=\"Word.Document\"?>\r\n<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">{parts}</pkg:package>"
            )
        };
        let want = "上政办发〔2023〕41号\n到2025年达到4.8个\n";
        let flat = pkg(part(
            "/_rels/.rels",
            "application/vnd.openxmlformats-package.relationships+xml",
            rels,
        ) + &part(
            "/word/header1.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
            &hdr,
        ) + &part("/word/document.xml", main_ct, &doc));
        let (t, lines) = flat_lines(&flat).unwrap();
        assert_eq!(t, want);
        assert!(
            lines.len() > t.lines().count() && lines[0] == 3,
            "{lines:?}"
        );
        // No relationships part: the part typed as the main one.
        let typed = pkg(part("/word/document.xml", main_ct, &doc));
        assert_eq!(flat_lines(&typed).map(|x| x.0).as_deref(), Some(want));
        // Word 2003: one body, its header inline.
        let w2003 = "<?xml version=\"1.0\"?>\n<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"><w:body><wx:sect><w:p><w:r><w:t>托位数5.5个</w:t></w:r></w:p><w:sectPr><w:hdr w:type=\"odd\"><w:p><w:r><w:t>第1页</w:t></w:r></w:p></w:hdr></w:sectPr></wx:sect></w:body></w:wordDocument>";
        assert_eq!(
            flat_lines(w2003).map(|x| x.0).as_deref(),
            Some("托位数5.5个\n")
        );
        for other in [
            pkg(part("/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml", &hdr)),
            "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet/></Workbook>".to_string(),
            "托位数达到5.5个。".to_string(),
            pkg(part("/word/document.xml", main_ct, &doc))[..200].to_string(),
            "<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\"><pkg:part pkg:name=\"/word/document.xml\"".to_string(),
        ] {
            assert_eq!(flat_lines(&other), None, "{other}");
        }
    }
}
