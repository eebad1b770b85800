//! Reading the values departments report: CSV in UTF-8 (with or without BOM) or GB18030/GBK, as
//! Excel writes it on a Chinese Windows machine, or a spreadsheet (.xlsx/.xls/.ods), from a file
//! or standard input. Rows come out as text with their line and column, so that every problem
//! downstream can say where it is; reading never stops at a bad row.

use crate::diag::Diagnostic;

mod rows;
mod sheet;
mod text;
pub(crate) mod value;
pub(crate) mod visibility;
mod web;
use std::io::Read;
use std::path::Path;

/// One reported value, as text, with where each field sits. It borrows the record it was read
/// from: rows are handed out one at a time, never kept, so that memory does not grow with them.
#[derive(Debug, Clone, Copy)]
pub struct ActualRow<'r> {
    pub line: u64,
    pub jurisdiction: Field<'r>,
    pub indicator: Field<'r>,
    pub year: Field<'r>,
    /// The period within the year (`1-6月`, `二季度`, `2024-06`), when the sheet has a period column.
    pub period: Option<Field<'r>>,
    /// Whether the value is year-to-date (累计) or for the period alone (当期), when the sheet says.
    pub basis: Option<Field<'r>>,
    pub value: Field<'r>,
    pub unit: Option<Field<'r>>,
    pub note: Option<&'r str>,
    /// The target the sheet copies beside the value (a 目标值 column), as typed.
    pub target: Option<Field<'r>>,
    /// The sheet's own verdict beside the value (a `是否达标` column), as typed.
    pub claim: Option<Field<'r>>,
    /// The year's own new amount (a `本年新增` column), where the sheet gives one: the value of
    /// an indicator counted within each year (a flow whose target is no running total); the
    /// total (`累计完成`, in `value`) is every other indicator's.
    pub year_own: Option<Field<'r>>,
    /// The sheet gives only the year's own new amount: no total to judge a level or a running
    /// total by.
    pub only_year_own: bool,
    /// The period column is headed as the date the figures run to (`统计截止时间`, `截至日期`):
    /// a full date in it is "as of" that date.
    pub period_as_of: bool,
    /// Whether the jurisdiction is the sheet's title or name (no jurisdiction column, or
    /// `本市`/`全县` typed in it): the plan whose name it holds is meant.
    pub implied: Implied,
    /// Whether Excel shows the row (an .xlsx's hidden or filtered rows; every other row is
    /// shown).
    pub hidden: visibility::RowHidden,
}

/// Where a row's jurisdiction is named, when not in a cell of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implied {
    /// In its own cell.
    No,
    /// `本市`, `全县` typed in the jurisdiction column: the one the title, sheet or file name names.
    ThisOne,
    /// The header (at line `header`) has no jurisdiction column: the title or the sheet's name
    /// names it for every row, so a title that names none is one problem, the header's.
    Sheet { header: u64 },
}

#[derive(Debug, Clone, Copy)]
pub struct Field<'r> {
    /// The text, trimmed.
    pub text: &'r str,
    /// 1-based column: a character column in a text file, the column number in a sheet.
    pub column: u64,
}

/// How a CSV file's bytes are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    #[value(help = crate::tr!(
        "字节是合法的 UTF-8 时按 UTF-8，否则按 GB18030（涵盖 GBK 和 GB2312）",
        "UTF-8 if the bytes are valid UTF-8, else GB18030 (which covers GBK and GB2312)."
    ))]
    Auto,
    // The names clerks type: the code page Windows shows (GBK, GB2312, 936) and UTF-8 with
    // its hyphen, for what these read.
    #[value(alias = "utf-8")]
    Utf8,
    #[value(alias = "gbk", alias = "gb2312", alias = "cp936", alias = "gb-18030")]
    Gb18030,
}

/// One actuals file, read: where it was, how, and a diagnostic for each problem the reader
/// found. Its rows went, one at a time, to the caller of [`read`].
#[derive(Debug, Default)]
pub struct Actuals {
    pub name: String,
    pub problems: Vec<Diagnostic>,
    /// The problems beyond the first [`crate::diag::MAX_LISTED`], counted.
    pub unlisted: crate::diag::Unlisted,
    /// The encoding the file was read in, for the user to see when it was guessed.
    pub encoding: &'static str,
}

/// Where a row was read: the file and, for a workbook, the sheet.
#[derive(Debug, Clone, Copy)]
pub struct Place<'p> {
    pub name: &'p str,
    pub sheet: Option<&'p str>,
}

impl Place<'_> {
    /// An error at a row and column of this file, placed as the file's kind names places.
    pub(crate) fn error(&self, line: u64, column: u64, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.name, line, column, message).in_sheet(self.sheet)
    }

    /// A warning, placed the same way.
    pub(crate) fn warning(&self, line: u64, column: u64, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.name, line, column, message).in_sheet(self.sheet)
    }
}

/// What the reader hands each row to.
pub type EachRow<'f> = dyn FnMut(Place<'_>, &ActualRow<'_>) + 'f;

// The limits, each documented in the README ("Limits"). Every one is a located error when it is
// reached, and together they bound memory by themselves, whatever the input. Rows are not
// limited: they are read and judged one at a time.

/// Standard input, and a workbook other than .xlsx (whose readers load a whole sheet), are held
/// in memory: this bounds them. A CSV or .xlsx file is streamed, whatever its size.
pub(crate) const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Fields kept per row; the rest are counted, not stored.
pub(crate) const MAX_FIELDS: usize = 256;
/// Bytes kept per field: no jurisdiction, indicator, value or note is this long.
pub(crate) const MAX_FIELD_BYTES: usize = 4096;
/// Filled cells read from one sheet.
pub(crate) const MAX_CELLS: usize = 2_000_000;
/// A sheet's XML inside the workbook, uncompressed: a small .xlsx can unpack to gigabytes.
pub(crate) const MAX_SHEET_BYTES: u64 = 256 * 1024 * 1024;

/// What a spreadsheet said a cell was, where it matters for reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum CellKind {
    #[default]
    Text,
    /// A date-formatted cell: never a year or a value, whatever its serial number.
    Date,
    /// A date on 1 January at midnight in a workbook that does not say its cells' formats (.xls,
    /// .ods): what a year cell formatted `yyyy` holds (an .xlsx says so, and is read by it), so
    /// its text is the year, and only the year column takes it.
    YearStart,
}

/// One field of a record: where its text sits in the record's buffer, and its 1-based column (a
/// character column in a text file, the column number in a sheet).
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    start: usize,
    end: usize,
    pub column: u64,
    pub kind: CellKind,
}

/// One record (a CSV row or a sheet row), as read. Its fields' text is kept in one buffer that
/// is reused from record to record: reading a row allocates nothing once the buffers have grown.
#[derive(Debug, Clone, Default)]
pub(crate) struct Record {
    pub line: u64,
    /// The first [`MAX_FIELDS`] fields.
    pub cells: Vec<Cell>,
    /// The text of every kept field, one after the other.
    text: String,
    /// How many fields the record had, kept or not.
    pub fields: u64,
    /// The last field with text in it: (field number, column).
    pub last_filled: Option<(u64, u64)>,
    /// A quoted value running over lines: (line, column of its quote, last line).
    pub spans: Option<(u64, u64, u64)>,
}

impl Record {
    fn is_blank(&self) -> bool {
        self.last_filled.is_none()
    }

    /// Empties the record for the one at `line`, keeping its buffers.
    pub(crate) fn clear(&mut self, line: u64) {
        self.line = line;
        self.cells.clear();
        self.text.clear();
        self.fields = 0;
        self.last_filled = None;
        self.spans = None;
    }

    /// A field's text.
    pub(crate) fn text(&self, cell: &Cell) -> &str {
        self.text.get(cell.start..cell.end).unwrap_or_default()
    }

    /// Adds a field's text at the end.
    pub(crate) fn push(&mut self, text: &str, column: u64, kind: CellKind) {
        let start = self.text.len();
        self.text.push_str(text);
        self.cells.push(Cell {
            start,
            end: self.text.len(),
            column,
            kind,
        });
    }

    /// A whole line held in one field (`"地区,指标,年份,数值"`: CSV text pasted into one Excel
    /// column and saved again, so that each line is quoted whole): split at the delimiter it
    /// holds into the fields it is. False when the record is no such field.
    fn split_whole_line(&mut self) -> bool {
        let [only] = self.cells.as_slice() else {
            return false;
        };
        let text = self.text(only).to_string();
        let Some(delim) = [',', '\t', ';']
            .into_iter()
            .find(|d| text.matches(*d).count() >= 2)
        else {
            return false;
        };
        if text.contains(['"', '\n', '\r']) {
            return false;
        }
        // The first character inside the quote.
        let (line, mut column) = (self.line, only.column + 1);
        self.clear(line);
        for (i, part) in text.split(delim).take(MAX_FIELDS).enumerate() {
            let t = part.trim();
            self.push(t, column, CellKind::Text);
            self.fields += 1;
            if !t.is_empty() {
                self.last_filled = Some((i as u64 + 1, column));
            }
            column += part.chars().count() as u64 + 1;
        }
        true
    }

    /// Sets the text of the field at `index` (which exists).
    fn set(&mut self, index: usize, text: &str, kind: CellKind) {
        let start = self.text.len();
        self.text.push_str(text);
        if let Some(c) = self.cells.get_mut(index) {
            (c.start, c.end, c.kind) = (start, start + text.len(), kind);
        }
    }
}

/// A source of records, read into one reused [`Record`].
pub(crate) trait Records {
    /// The next record into `rec`: `None` at the end, `Some(Err)` for a problem that costs this
    /// record only.
    fn next_into(&mut self, rec: &mut Record) -> Option<Result<(), Diagnostic>>;
}

fn too_big(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        0,
        0,
        crate::tr!(
            "大于 {} MiB: 标准输入和 .xls/.xlsb/.ods 工作簿须整体读入内存；请另存为 CSV 或 .xlsx 文件再读，或拆分文件",
            "larger than {} MiB: standard input and .xls/.xlsb/.ods workbooks are read whole into memory; save it as a CSV or .xlsx file, or split it",
            MAX_BYTES >> 20
        ),
    )
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// What a file holds, by its first bytes. Its name says what the clerk chose in "Save as", or
/// what a web system called its export: a workbook renamed `.csv`, a CSV renamed `.xlsx` and a
/// web page saved as `.xls` are all common, and are read (or refused) by what they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Text,
    /// A zip archive: .xlsx, .xlsb or .ods (or something else zipped).
    Zip,
    /// An OLE compound file: a binary .xls (or .et, WPS's own).
    Ole,
    /// An HTML or XML page: what many systems export as `.xls`.
    Markup,
    /// A kind of file that holds no table qyx can read, named by what it is (a PDF, an image,
    /// an archive): read as CSV it would be a "header lacks…" of its first bytes.
    Foreign(&'static str, &'static str),
}

fn sniff(path: &Path) -> std::io::Result<Content> {
    let mut head = Vec::with_capacity(1024);
    std::fs::File::open(path)?
        .take(1024)
        .read_to_end(&mut head)?;
    Ok(content_of(&head))
}

fn content_of(head: &[u8]) -> Content {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Content::Zip;
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Content::Ole;
    }
    for (magic, zh, en) in [
        (&b"%PDF-"[..], "PDF 文档", "a PDF document"),
        (&b"\x89PNG"[..], "图片", "an image"),
        (&b"\xFF\xD8\xFF"[..], "图片", "an image"),
        (&b"GIF8"[..], "图片", "an image"),
        (&b"Rar!"[..], "压缩包", "a compressed archive"),
        (&b"7z\xBC\xAF"[..], "压缩包", "a compressed archive"),
        (&b"\x1F\x8B"[..], "压缩包", "a compressed archive"),
        (&b"{\\rtf"[..], "RTF 文档", "an RTF document"),
    ] {
        if head.starts_with(magic) {
            return Content::Foreign(zh, en);
        }
    }
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    // JSON from a web system's API (`[{"地区": …`), saved as .csv: no header line to find.
    let mut json = start.chars().filter(|c| !c.is_whitespace());
    if matches!(
        (json.next(), json.next()),
        (Some('['), Some('{' | '[' | '"')) | (Some('{'), Some('"'))
    ) {
        return Content::Foreign(" JSON 数据", "JSON data");
    }
    if start.starts_with('<')
        && ["<html", "<table", "<?xml", "<!doctype"]
            .iter()
            .any(|t| start.contains(t))
    {
        return Content::Markup;
    }
    Content::Text
}

/// What a document given to `extract` is when it is no text: `(zh, en)` of a PDF, an image, a
/// Word document, a workbook, an archive, an older Office file — by its first bytes (a zip's
/// first entry names its kind: `word/`, `xl/`).
pub(crate) fn not_text(head: &[u8]) -> Option<(&'static str, &'static str)> {
    let head = &head[..head.len().min(1024)];
    match content_of(head) {
        Content::Foreign(zh, en) => Some((zh, en)),
        Content::Zip => Some(zip_kind(head)),
        Content::Ole => Some((
            " Office 文件（.doc 或 .xls）",
            "an Office file (.doc or .xls)",
        )),
        Content::Text | Content::Markup => None,
    }
}

/// What a zip archive holds, by the names of the parts in its first bytes.
fn zip_kind(head: &[u8]) -> (&'static str, &'static str) {
    let has = |part: &[u8]| head.windows(part.len()).any(|w| w == part);
    if has(b"word/") {
        (" Word 文档", "a Word document")
    } else if has(b"ppt/") {
        (" PowerPoint 演示文稿", "a PowerPoint presentation")
    } else if has(b"xl/") {
        (" Excel 工作簿", "an Excel workbook")
    } else {
        ("压缩包", "a compressed archive")
    }
}

fn foreign(name: &str, zh: &str, en: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        0,
        0,
        crate::tr!(
            "这是{zh}，不是表格: 上报数据请存为 CSV 或 Excel 工作簿（.xlsx）",
            "this is {en}, not a table: save the reported values as CSV or an Excel workbook (.xlsx)"
        ),
    )
}

fn markup(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        0,
        0,
        crate::tr!(
            "这是网页（HTML/XML）格式的表格，不是 Excel 工作簿或 CSV（许多系统导出的 .xls 即是如此）: 请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV",
            "this is a web page (HTML/XML) table, not an Excel workbook or a CSV (what many systems export as .xls): open it in Excel or WPS and save it as .xlsx or CSV"
        ),
    )
}

/// The note that a file was read as what it holds, not as its name says.
fn read_as(name: &str, ext: &str, what: &str) -> Diagnostic {
    Diagnostic::warning(
        name,
        0,
        0,
        crate::tr!(
            "扩展名是 .{ext}，但内容是{what}: 已按{what}读取；请改正扩展名",
            "the name ends in .{ext}, but the file is {what}: read as {what}; rename it",
            what = what
        ),
    )
}

/// `~$报表.xlsx`: the lock file Excel and WPS keep beside `报表.xlsx` while it is open (the
/// owner's name in a few bytes). It is no workbook; the one it names is.
pub(crate) fn lock_file(path: &Path) -> Option<String> {
    let file = path.file_name()?.to_str()?;
    let of = file.strip_prefix("~$")?;
    Some(crate::tr!(
        "这是 Excel 或 WPS 在打开 `{of}` 期间建立的锁定文件（lock file），不是工作簿: 请检查 `{of}` 本身",
        "this is the lock file Excel or WPS keeps while `{of}` is open, not a workbook: check `{of}` itself"
    ))
}

fn cannot_read(name: &str, e: &std::io::Error) -> Diagnostic {
    let e = crate::i18n::io_error(e);
    Diagnostic::error(name, 0, 0, crate::tr!("无法读取: {e}", "cannot read: {e}"))
}

/// Reads `path` (`-` for standard input), handing each row to `each` as it is read. Problems
/// with the file as a whole are in `Err`; problems with rows are in the result's `problems`.
pub fn read(
    path: &Path,
    encoding: Encoding,
    sheet: Option<&str>,
    each: &mut EachRow<'_>,
) -> Result<Actuals, Diagnostic> {
    let mut a = read_any(path, encoding, sheet, each)?;
    // A text file has no sheets: `--sheet` asked for something that is not there.
    if let Some(s) = sheet
        && !a.encoding.is_empty()
        && a.encoding != "spreadsheet"
    {
        a.problems.insert(
            0,
            Diagnostic::warning(
                &a.name,
                0,
                0,
                crate::tr!(
                    "--sheet {} 只用于工作簿，此文件是文本（CSV），已整个读取",
                    "--sheet {} applies to workbooks; this file is text (CSV) and was read whole",
                    crate::diag::echo(s)
                ),
            ),
        );
    }
    Ok(a)
}

fn read_any(
    path: &Path,
    encoding: Encoding,
    sheet: Option<&str>,
    each: &mut EachRow<'_>,
) -> Result<Actuals, Diagnostic> {
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    if path != Path::new("-") {
        let ext = extension(path);
        let named_book = matches!(
            ext.as_str(),
            "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "et"
        );
        if let Some(m) = crate::diag::not_a_file(path) {
            return Err(Diagnostic::error(&name, 0, 0, m));
        }
        if let Some(m) = lock_file(path) {
            return Err(Diagnostic::error(&name, 0, 0, m));
        }
        let content = sniff(path).map_err(|e| {
            let mut d = cannot_read(&name, &e);
            if e.kind() == std::io::ErrorKind::NotFound {
                d.message.push_str(&crate::diag::near_file(path));
            }
            d
        })?;
        let book = match content {
            Content::Markup => return web::read(path, &name, each),
            Content::Foreign(zh, en) => return Err(foreign(&name, zh, en)),
            Content::Zip => Some(sheet::Book::of_zip(path, &name, &ext)?),
            Content::Ole => Some(sheet::Book::Xls),
            Content::Text => None,
        };
        match book {
            Some(book) => {
                let mut a = sheet::read_sheet(path, &name, book, sheet, each)?;
                // The kind the name says, where it is another workbook's: an .xlsx saved as
                // `.xls` is read as what it is, and said, as Excel says it on opening.
                let named = match ext.as_str() {
                    "xlsx" | "xlsm" => Some(sheet::Book::Xlsx),
                    "xls" | "et" => Some(sheet::Book::Xls),
                    "xlsb" => Some(sheet::Book::Xlsb),
                    "ods" => Some(sheet::Book::Ods),
                    _ => None,
                };
                if !named_book {
                    let what = crate::i18n::pick("Excel 工作簿", "an Excel workbook");
                    a.problems.insert(0, read_as(&name, &ext, what));
                } else if named.is_some_and(|n| n != book) {
                    let what = match book {
                        sheet::Book::Xlsx => ".xlsx",
                        sheet::Book::Xls => ".xls",
                        sheet::Book::Xlsb => ".xlsb",
                        sheet::Book::Ods => ".ods",
                    };
                    let what = crate::tr!("{what} 工作簿", "an {what} workbook");
                    a.problems.insert(0, read_as(&name, &ext, &what));
                }
                return Ok(a);
            }
            None if named_book && std::fs::metadata(path).is_ok_and(|m| m.len() > 0) => {
                let what = crate::i18n::pick("文本（CSV）", "text (CSV)");
                let mut a = text::read_file(path, &name, encoding, each).map_err(|mut d| {
                    d.message.push_str(&crate::tr!(
                        "（扩展名是 .{ext}，但内容是{what}，已按{what}读取）",
                        " (the name ends in .{ext}, but the file is {what}, read as {what})",
                        what = what
                    ));
                    d
                })?;
                a.problems.insert(0, read_as(&name, &ext, what));
                return Ok(a);
            }
            None => {}
        }
    }
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        // Read one byte past the limit, so that an enormous input is refused without reading it all.
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| cannot_read(&name, &e))?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(too_big(&name));
        }
        match content_of(&bytes[..bytes.len().min(1024)]) {
            Content::Text => {}
            Content::Markup => return Err(markup(&name)),
            Content::Foreign(zh, en) => return Err(foreign(&name, zh, en)),
            Content::Zip | Content::Ole => {
                return Err(Diagnostic::error(
                    &name,
                    0,
                    0,
                    crate::tr!(
                        "标准输入是 Excel 工作簿: 工作簿请以文件名给出（qyx check 报表.xlsx）",
                        "standard input is an Excel workbook: give a workbook by its file name (qyx check report.xlsx)"
                    ),
                ));
            }
        }
        return read_text(&name, bytes, encoding, each);
    }
    text::read_file(path, &name, encoding, each)
}

/// Reads CSV bytes already in memory, handing each row to `each`.
pub(crate) fn read_text(
    name: &str,
    bytes: Vec<u8>,
    encoding: Encoding,
    each: &mut EachRow<'_>,
) -> Result<Actuals, Diagnostic> {
    let (bytes, enc) = text::prepare(name, bytes, encoding)?;
    let mut records = text::Scanner::new(name, bytes, enc);
    let mut a =
        collect(name, None, &mut records, each).map_err(|e| e.unwrap_or_else(|| empty(name)))?;
    a.encoding = enc.name();
    Ok(a)
}

fn empty(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        0,
        0,
        crate::tr!(
            "文件为空: 应有表头 `地区,指标,年份,数值,单位,备注`（或 jurisdiction,indicator,year,value[,unit][,note]）",
            "empty file: expected a header `jurisdiction,indicator,year,value[,unit][,note]` (or 地区,指标,年份,数值,单位,备注)"
        ),
    )
}

/// How many non-blank rows may stand above the header (a title, 填报单位, 填报日期, 单位 lines).
const HEADER_SEARCH: usize = 20;

/// Why a file or a sheet gave no rows at all.
#[derive(Debug)]
pub(crate) enum NoRows {
    /// Nothing in it (the caller says what is empty).
    Empty,
    /// No row near the top is a header: a workbook's instructions or lookup sheet, say.
    NoHeader(Diagnostic),
    /// A header that cannot be read (a column missing or doubled), or a first row that cannot.
    Bad(Diagnostic),
}

impl NoRows {
    /// The problem to report, `empty` saying what an empty input is.
    pub(crate) fn unwrap_or_else(self, empty: impl FnOnce() -> Diagnostic) -> Diagnostic {
        match self {
            NoRows::Empty => empty(),
            NoRows::NoHeader(d) | NoRows::Bad(d) => d,
        }
    }
}

/// Reads the header and the rows under it from a stream of records, handing each row to `each`.
/// Rows are handed out only once a header is found: on `Err`, none was.
/// A header printed over two rows, read as one: each column named by its lower cell where it
/// has one (`数值` under a merged `完成情况`), else by its upper cell (`地区` merged down).
fn two_row_header(upper: &Record, lower: &Record) -> Record {
    let mut both = Record::default();
    both.clear(lower.line);
    // A period over a group of columns (`2025年1-10月` merged over `目标 | 完成`, its text in
    // the first cell of the range) names the period of each lower cell under it.
    let mut group = String::new();
    for i in 0..upper.cells.len().max(lower.cells.len()) {
        let (u, l) = (upper.cells.get(i), lower.cells.get(i));
        if let Some(u) = u.map(|u| upper.text(u).trim()).filter(|t| !t.is_empty()) {
            group.clear();
            if rows::period_prefix(u).is_some_and(|(_, rest)| rest.is_empty()) {
                group.push_str(u);
            }
        }
        let pick = match (u, l) {
            (_, Some(l)) if !group.is_empty() && !lower.text(l).trim().is_empty() => {
                let text = format!("{group}{}", lower.text(l).trim());
                both.push(&text, l.column, l.kind);
                both.last_filled = Some((i as u64 + 1, l.column));
                continue;
            }
            (_, Some(l)) if !lower.text(l).trim().is_empty() => Some((lower.text(l), l)),
            (Some(u), _) => Some((upper.text(u), u)),
            (None, Some(l)) => Some((lower.text(l), l)),
            (None, None) => None,
        };
        if let Some((text, cell)) = pick {
            both.push(text, cell.column, cell.kind);
            if !text.trim().is_empty() {
                both.last_filled = Some((i as u64 + 1, cell.column));
            }
        }
    }
    both.fields = both.cells.len() as u64;
    both
}

/// The title and sheet name, and after them the file's name where it names a place (`诸暨市卫健局
/// 2024年报送.csv`: 市, 县 or 区 in it): a department's report sent as a file named for its
/// county, with no 地区 column and no title, names its county there only. Last, so that a
/// title's county and period come first; a file named for another county than its title makes
/// two, which is said.
/// Whether the file's name was added is the second.
fn with_file(title: &str, name: &str) -> (String, bool) {
    let stem = Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| name != "-" && s.contains(['市', '县', '区']) && !title.contains(*s));
    match stem {
        Some(s) if title.trim().is_empty() => (s.to_string(), true),
        Some(s) => (format!("{title} {s}"), true),
        None => (title.to_string(), false),
    }
}

fn collect(
    name: &str,
    sheet: Option<&str>,
    records: &mut dyn Records,
    each: &mut EachRow<'_>,
) -> Result<Actuals, NoRows> {
    let mut problems = Vec::new();
    let mut rec = Record::default();
    let mut next = |rec: &mut Record| loop {
        match records.next_into(rec)? {
            Ok(()) if rec.is_blank() => continue,
            r => return Some(r),
        }
    };
    // The header is the first row that names columns: a form's title and its 填报单位/填报日期
    // lines above it (as offices print their sheets) are passed over. A row naming two or more
    // columns is the header however damaged, so its own problem is the one reported; when no
    // row in the first [`HEADER_SEARCH`] is a header, the first row's problem is.
    let mut first_problem = None;
    let mut looked = 0;
    let mut whole_lines = false;
    // The form's title and 填报单位 lines above the header, and the sheet's name: where the header
    // has no jurisdiction or year column, they name them (`诸暨市卫生健康局2025年1-10月…`).
    let mut title = String::new();
    if let Some(s) = sheet {
        title.push_str(s);
    }
    let mut map = loop {
        match next(&mut rec) {
            None => return Err(first_problem.map_or(NoRows::Empty, NoRows::NoHeader)),
            Some(Err(d)) if first_problem.is_none() => return Err(NoRows::Bad(d.in_sheet(sheet))),
            Some(Err(d)) => problems.push(d.in_sheet(sheet)),
            Some(Ok(())) => {
                let mut found = Vec::new();
                let whole = rec.split_whole_line();
                let (context, by_file) = with_file(&title, name);
                match rows::Header::read(name, sheet, &rec, &mut found, &context) {
                    Ok(h) => {
                        problems.extend(found);
                        if by_file && h.no_jurisdiction() {
                            problems.push(
                                Diagnostic::warning(
                                    name,
                                    rec.line,
                                    1,
                                    crate::tr!(
                                        "表中没有地区列: 各行的地区按标题和文件名（`{}`）认定；若文件名写的不是本表的地区（如拿别的县的表改的），请加一列“地区”",
                                        "no jurisdiction column: the rows' jurisdiction is the one the title and file name (`{}`) name; if the file is named for another (a form copied from another county's), add a 地区 column",
                                        crate::diag::echo(context.trim())
                                    ),
                                )
                                .in_sheet(sheet),
                            );
                        }
                        whole_lines = whole;
                        break h;
                    }
                    Err(d) if rows::names_columns(&rec) >= 2 => {
                        // A header over two rows (`完成情况` merged over `数值 | 单位`, as forms
                        // group columns): the row below names what this one lacks.
                        let upper = rec.clone();
                        if let Some(Ok(())) = next(&mut rec)
                            && rows::names_columns(&rec) >= 1
                        {
                            let both = two_row_header(&upper, &rec);
                            let mut found = Vec::new();
                            if let Ok(h) =
                                rows::Header::read(name, sheet, &both, &mut found, &title)
                            {
                                problems.extend(found);
                                break h;
                            }
                        }
                        return Err(NoRows::Bad(d));
                    }
                    Err(d) => {
                        first_problem.get_or_insert(d);
                        for c in &rec.cells {
                            if title.len() < 512 {
                                title.push(' ');
                                title.push_str(rec.text(c).trim());
                            }
                        }
                    }
                }
            }
        }
        looked += 1;
        if looked >= HEADER_SEARCH {
            return Err(first_problem.map_or(NoRows::Empty, |mut d| {
                d.message.push_str(&crate::tr!(
                    "（前 {HEADER_SEARCH} 行中都没有表头）",
                    " (no header in the first {HEADER_SEARCH} rows)"
                ));
                NoRows::NoHeader(d)
            }));
        }
    };
    let place = Place { name, sheet };
    let mut unlisted = crate::diag::Unlisted::default();
    let header_line = rec.line;
    let mut under = 0usize;
    while let Some(r) = next(&mut rec) {
        under += 1;
        match r {
            Err(d) => problems.push(d.in_sheet(sheet)),
            Ok(()) => {
                if whole_lines {
                    rec.split_whole_line();
                }
                map.fill_down(&rec, &mut problems);
                if let Some(row) = map.row(&rec, &mut problems, 0) {
                    each(place, &row);
                }
                // A further period column's value: the record's own problems were said above.
                for k in 1..map.readings() {
                    if let Some(row) = map.row(&rec, &mut Vec::new(), k) {
                        each(place, &row);
                    }
                }
            }
        }
        unlisted.cap(&mut problems);
    }
    // A header and nothing under it judges nothing: said, so that a CI job fed an export that
    // lost its rows does not pass as if every target were met.
    if under == 0 {
        problems.push(
            Diagnostic::error(
                name,
                header_line,
                1,
                crate::tr!(
                    "表头下没有数据行: 没有可判断的数值；请在表头下每行填写一个地区、指标、年份和数值",
                    "no rows under the header: nothing to judge; put one jurisdiction, indicator, year and value on each row below it"
                ),
            )
            .in_sheet(sheet),
        );
    }
    Ok(Actuals {
        name: name.to_string(),
        problems,
        unlisted,
        encoding: "",
    })
}
