//! Text actuals: CSV (or tab-separated) bytes in UTF-8, GB18030/GBK or UTF-16, split into records
//! by a scanner of our own rather than the csv crate, for three reasons the clerks' files force:
//!
//! - **Places**: the line of a record counts every line ending as Excel writes them (LF, CRLF and
//!   a lone CR) and blank lines, and the column is a real character column in the line (the csv
//!   crate reports CRLF files one line early and knows only byte offsets).
//! - **Recovery**: bytes are decoded field by field, so one invalid byte costs its row, not the
//!   file; a quote that is never closed costs the row it opens, and reading goes on at the next
//!   line instead of swallowing the rest of the file.
//! - **Bounded memory**: at most [`MAX_FIELDS`] fields of at most [`MAX_FIELD_BYTES`] bytes are
//!   kept per record, so a 30-million-field row or a 60 MB field costs a counter, not gigabytes.
//!
//! The structural bytes (`,` `"` CR LF TAB) are ASCII and are never the trailing byte of a
//! GB18030 character, so the bytes can be split before they are decoded.

use super::{CellKind, Encoding, MAX_FIELD_BYTES, MAX_FIELDS, Record, Records};
use crate::diag::Diagnostic;
use std::io::{BufRead, Read};

/// The encoding the scanner decodes fields with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Enc {
    Utf8,
    Gb18030,
}

impl Enc {
    pub(super) fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "UTF-8",
            Enc::Gb18030 => "GB18030",
        }
    }

    /// The text of `bytes`, or how many of them are valid.
    fn decode(self, bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, usize> {
        match self {
            Enc::Utf8 => std::str::from_utf8(bytes)
                .map(std::borrow::Cow::Borrowed)
                .map_err(|e| e.valid_up_to()),
            Enc::Gb18030 => encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .ok_or(0),
        }
    }

    fn valid(self, bytes: &[u8]) -> bool {
        match self {
            Enc::Utf8 => std::str::from_utf8(bytes).is_ok(),
            Enc::Gb18030 => encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .is_some(),
        }
    }
}

/// Lines of `bytes` that do not decode in `enc`.
fn bad_lines(bytes: &[u8], enc: Enc) -> usize {
    bytes
        .split(|b| *b == b'\n' || *b == b'\r')
        .filter(|l| !enc.valid(l))
        .count()
}

use crate::sniff::{HEAD, utf16_unmarked};

/// Chooses the encoding and strips a byte-order mark. UTF-16 (Excel's "Unicode text") is
/// converted to UTF-8 first. A whole-file error only where the other encoding reads every
/// byte — so the advice never sends the user round in a circle.
pub(super) fn prepare(
    name: &str,
    bytes: Vec<u8>,
    asked: Encoding,
) -> Result<(Vec<u8>, Enc), Diagnostic> {
    let whole = |m: String| Diagnostic::error(name, 0, 0, m);
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some((encoding_rs::UTF_16LE, 2)),
        Some([0xFE, 0xFF]) => Some((encoding_rs::UTF_16BE, 2)),
        _ => utf16_unmarked(&bytes[..bytes.len().min(HEAD)]).map(|e| (e, 0)),
    };
    if let Some(text) = utf16
        .and_then(|(e, bom)| e.decode_without_bom_handling_and_without_replacement(&bytes[bom..]))
    {
        return Ok((text.into_owned().into_bytes(), Enc::Utf8));
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let utf8 = Enc::Utf8.valid(&bytes);
    match asked {
        Encoding::Utf8 if !utf8 && Enc::Gb18030.valid(&bytes) => Err(whole(crate::tr!(
            "不是 UTF-8 文本，但每个字节都能按 GB18030（GBK）读取: 请用 --encoding gb18030",
            "not UTF-8 text, but every byte reads as GB18030 (GBK): try --encoding gb18030"
        ))),
        Encoding::Utf8 => Ok((bytes, Enc::Utf8)),
        Encoding::Gb18030 if utf8 && !Enc::Gb18030.valid(&bytes) => Err(whole(crate::tr!(
            "不是 GB18030 文本，但每个字节都能按 UTF-8 读取: 请用 --encoding utf8",
            "not GB18030 text, but every byte reads as UTF-8: try --encoding utf8"
        ))),
        Encoding::Gb18030 => Ok((bytes, Enc::Gb18030)),
        Encoding::Auto if utf8 => Ok((bytes, Enc::Utf8)),
        Encoding::Auto => {
            // Mixed or damaged: read it in the encoding most of its lines are in; the lines
            // that are not cost their own rows.
            let enc = if bad_lines(&bytes, Enc::Gb18030) < bad_lines(&bytes, Enc::Utf8) {
                Enc::Gb18030
            } else {
                Enc::Utf8
            };
            Ok((bytes, enc))
        }
    }
}

/// Bytes read from a file at a time.
const CHUNK: usize = 64 * 1024;
/// How far a quoted value may run before its quote is taken for one never closed: the
/// scanner keeps a quoted value's bytes (to go back to the line after the quote), and no value
/// is a thousandth of this long.
pub(crate) const MAX_QUOTED_BYTES: usize = 1024 * 1024;
/// How far ahead the scanner looks for the end of a line of nothing but delimiters.
const BLANK_LOOKAHEAD: usize = 4096;

/// Splits decoded bytes into records, from memory or streamed from a file a chunk at a time
/// (what it has passed is dropped, so memory stays bounded whatever the file's size). Each
/// record is `Ok` or a problem that costs the record it is in; reading goes on.
pub(super) struct Scanner<'a> {
    name: &'a str,
    /// The window of the input being scanned.
    bytes: Vec<u8>,
    /// Where more bytes come from; `None` once read to the end (or from memory).
    src: Option<Box<dyn Read + 'a>>,
    /// A read that failed: said once, as the last record.
    failed: Option<std::io::Error>,
    enc: Enc,
    delim: u8,
    pos: usize,
    /// Bytes from here on are kept when the window moves: the quote of a quoted value being
    /// read, to go back to.
    anchor: Option<usize>,
    line: u64,
    col: u64,
    /// Trailing bytes of the current multi-byte character still to pass (GB18030).
    trail: u8,
    /// The field being read, as bytes (reused from field to field).
    field: Vec<u8>,
    /// Where the first NUL byte before a line's text was passed over: said once, at the end.
    nul: Option<(u64, u64)>,
    /// Whether a record has been read: NUL bytes before any are no padding but no text at all.
    read_one: bool,
}

impl<'a> Scanner<'a> {
    /// A scanner over bytes in memory.
    pub(super) fn new(name: &'a str, bytes: Vec<u8>, enc: Enc) -> Scanner<'a> {
        Scanner::make(name, bytes, None, enc)
    }

    /// A scanner that reads `src` as it goes.
    pub(super) fn streaming(name: &'a str, src: Box<dyn Read + 'a>, enc: Enc) -> Scanner<'a> {
        Scanner::make(name, Vec::with_capacity(2 * CHUNK), Some(src), enc)
    }

    fn make(
        name: &'a str,
        bytes: Vec<u8>,
        src: Option<Box<dyn Read + 'a>>,
        enc: Enc,
    ) -> Scanner<'a> {
        let mut s = Scanner {
            name,
            bytes,
            src,
            failed: None,
            enc,
            delim: b',',
            pos: 0,
            anchor: Some(0),
            line: 1,
            col: 1,
            trail: 0,
            field: Vec::new(),
            nul: None,
            read_one: false,
        };
        // The delimiter is the one most used on the first line that has any: a comma, a tab
        // (Excel's "Unicode text") or a semicolon (Excel where the decimal mark is a comma). A
        // title line above the header often has none. (GBK's trail bytes are never these.)
        let eol = |b: &u8| *b == b'\n' || *b == b'\r';
        let delims =
            |l: &[u8]| [b',', b'\t', b';', b'|'].map(|d| l.iter().filter(|b| **b == d).count());
        let delimited = |l: &[u8]| delims(l).iter().any(|n| *n > 0);
        // A whole line with a delimiter is in the buffer.
        let has_line = |b: &[u8]| {
            b.iter()
                .rposition(eol)
                .is_some_and(|end| b[..end].split(eol).any(delimited))
        };
        while s.bytes.len() < MAX_QUOTED_BYTES && !has_line(&s.bytes) && s.more() {}
        let counts = s
            .bytes
            .split(eol)
            .find(|l| delimited(l))
            .map(delims)
            .unwrap_or_default();
        // A database's or a script's export may use `|`. Ties go to the earlier: a comma, then a
        // tab.
        let most = (0..4).fold(0, |m, i| if counts[i] > counts[m] { i } else { m });
        s.delim = [b',', b'\t', b';', b'|'][most];
        s.anchor = None;
        s
    }

    /// Reads the next chunk, first dropping what the scanner has passed and will not go back
    /// to. False at the end of the input.
    fn more(&mut self) -> bool {
        let Some(src) = self.src.as_mut() else {
            return false;
        };
        let keep = self.anchor.unwrap_or(self.pos).min(self.pos);
        if keep > 0 {
            self.bytes.drain(..keep);
            self.pos -= keep;
            if let Some(a) = &mut self.anchor {
                *a -= keep;
            }
        }
        let old = self.bytes.len();
        self.bytes.resize(old + CHUNK, 0);
        loop {
            match src.read(&mut self.bytes[old..]) {
                Ok(0) => {
                    self.bytes.truncate(old);
                    self.src = None;
                    return false;
                }
                Ok(n) => {
                    self.bytes.truncate(old + n);
                    return true;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.bytes.truncate(old);
                    self.src = None;
                    self.failed = Some(e);
                    return false;
                }
            }
        }
    }

    /// Whether `n` bytes from the current position are there (reading them if need be).
    fn have(&mut self, n: usize) -> bool {
        while self.bytes.len() < self.pos + n {
            if !self.more() {
                return false;
            }
        }
        true
    }

    fn peek(&mut self) -> Option<u8> {
        if self.have(1) {
            Some(self.bytes[self.pos])
        } else {
            None
        }
    }

    /// Moves past one byte, counting characters for the column.
    fn bump(&mut self) {
        let Some(b) = self.peek() else { return };
        self.pos += 1;
        if self.trail > 0 {
            self.trail -= 1;
            return;
        }
        match self.enc {
            Enc::Utf8 => {
                if b & 0xC0 != 0x80 {
                    self.col += 1;
                }
            }
            Enc::Gb18030 => {
                self.col += 1;
                if b >= 0x81 {
                    self.trail = match self.peek() {
                        Some(0x30..=0x39) => 3,
                        _ => 1,
                    };
                }
            }
        }
    }

    /// Moves past `n` bytes (in the window) that hold no line ending, counting characters for
    /// the column.
    fn advance(&mut self, n: usize) {
        match self.enc {
            Enc::Utf8 => {
                let chunk = &self.bytes[self.pos..self.pos + n];
                self.col += chunk.iter().filter(|b| **b & 0xC0 != 0x80).count() as u64;
                self.pos += n;
            }
            Enc::Gb18030 => {
                // Counted, not run to a position: a lead byte's look at the byte after it may
                // read the next chunk, which drops the bytes passed and moves every position
                // (and at the end of the input, a position past the end was never reached).
                for _ in 0..n {
                    self.bump();
                }
            }
        }
    }

    /// Moves past a line ending (CR, LF or CRLF) at the current position.
    fn newline(&mut self) {
        if self.peek() == Some(b'\r') {
            self.pos += 1;
            if self.peek() == Some(b'\n') {
                self.pos += 1;
            }
        } else {
            self.pos += 1;
        }
        self.line += 1;
        self.col = 1;
        self.trail = 0;
    }

    /// Goes back to `from` (on `line`) and on to the start of the next line.
    fn skip_line_of(&mut self, from: usize, line: u64) {
        self.pos = from.min(self.bytes.len());
        self.line = line;
        loop {
            let rest = &self.bytes[self.pos..];
            if let Some(i) = rest.iter().position(|b| *b == b'\n' || *b == b'\r') {
                self.pos += i;
                self.newline();
                return;
            }
            self.pos = self.bytes.len();
            if !self.more() {
                return;
            }
        }
    }

    fn error(&self, line: u64, col: u64, message: String) -> Diagnostic {
        Diagnostic::error(self.name, line, col, message)
    }

    /// A failed read, as the problem that ends the file.
    fn read_failure(&mut self) -> Option<Result<(), Diagnostic>> {
        let e = self.failed.take()?;
        let e = crate::i18n::io_error(&e);
        Some(Err(self.error(
            self.line,
            1,
            crate::tr!(
                "无法读取此处及其后的内容: {e}",
                "cannot read from here on: {e}"
            ),
        )))
    }
}

/// Keeps up to [`MAX_FIELD_BYTES`] of a field; says whether it had to drop any.
fn keep(buf: &mut Vec<u8>, b: u8, too_long: &mut bool) {
    if buf.len() < MAX_FIELD_BYTES {
        buf.push(b);
    } else {
        *too_long = true;
    }
}

impl Records for Scanner<'_> {
    fn next_into(&mut self, rec: &mut Record) -> Option<Result<(), Diagnostic>> {
        // Blank lines (nothing but delimiters and spaces, as Excel pads them) are passed over
        // without building a record: 60 MB of `,,,` lines costs a scan, not millions of cells.
        // (A longer run is read as a record, which comes out blank.)
        let delim = self.delim;
        'lines: loop {
            let mut n = 0;
            loop {
                if !self.have(n + 1) {
                    self.pos = self.bytes.len();
                    if let Some((line, col)) = self.nul.take() {
                        return Some(Err(Diagnostic::warning(
                            self.name,
                            line,
                            col,
                            crate::tr!(
                                "此处起有空字节（NUL，\\0），不是文本，已跳过: 文件可能复制不完整或已损坏，请核对最后几行是否齐全",
                                "NUL bytes (\\0) from here on, which are no text, were passed over: a copy cut short or a damaged file? check that the last rows are all there"
                            ),
                        )));
                    }
                    return self.read_failure();
                }
                match self.bytes[self.pos + n] {
                    // NUL padding (a copy cut short, a file preallocated) and the DOS end-of-file
                    // mark Ctrl-Z (0x1A) that old Windows programs append: no text, passed over
                    // one by one so that a run of any length costs no look-ahead.
                    b @ (0 | 0x1A) if n == 0 && (b == 0x1A || self.read_one) => {
                        if b == 0 {
                            self.nul.get_or_insert((self.line, self.col));
                        }
                        self.bump();
                        continue;
                    }
                    b if b == delim || b == b' ' || b == b'\t' => {
                        n += 1;
                        if n > BLANK_LOOKAHEAD {
                            break 'lines;
                        }
                    }
                    b'\r' | b'\n' => {
                        self.pos += n;
                        self.newline();
                        continue 'lines;
                    }
                    _ => break 'lines,
                }
            }
        }
        let line = self.line;
        rec.clear(line);
        let mut trouble: Option<Diagnostic> = None;
        let mut buf = std::mem::take(&mut self.field);
        loop {
            let (f_line, f_col) = (self.line, self.col);
            rec.fields += 1;
            buf.clear();
            let mut too_long = false;
            if self.peek() == Some(b'"') {
                let (q_line, q_col) = (self.line, self.col);
                self.anchor = Some(self.pos);
                self.bump();
                loop {
                    let run = self.pos - self.anchor.unwrap_or(self.pos);
                    let next = if run > MAX_QUOTED_BYTES {
                        None
                    } else {
                        self.peek()
                    };
                    match next {
                        None => {
                            // Never closed: this row is lost, not the rest of the file.
                            let q_pos = self.anchor.take().unwrap_or(self.pos);
                            self.skip_line_of(q_pos, q_line);
                            self.field = buf;
                            let message = if run > MAX_QUOTED_BYTES {
                                crate::tr!(
                                    "这个引号 `\"` 在 {} MiB 内没有闭合: 第 {line} 行已跳过，从第 {} 行继续读取",
                                    "this quote `\"` is not closed within {} MiB: the row at line {line} is skipped and reading goes on at line {}",
                                    MAX_QUOTED_BYTES >> 20,
                                    q_line + 1
                                )
                            } else {
                                crate::tr!(
                                    "这个引号 `\"` 没有闭合: 第 {line} 行已跳过，从第 {} 行继续读取",
                                    "this quote `\"` is never closed: the row at line {line} is skipped and reading goes on at line {}",
                                    q_line + 1
                                )
                            };
                            return Some(Err(self.error(q_line, q_col, message)));
                        }
                        Some(b'"') if self.have(2) && self.bytes[self.pos + 1] == b'"' => {
                            keep(&mut buf, b'"', &mut too_long);
                            self.pos += 2;
                            self.col += 2;
                        }
                        Some(b'"') => {
                            self.bump();
                            self.anchor = None;
                            break;
                        }
                        Some(b'\r' | b'\n') => {
                            keep(&mut buf, b'\n', &mut too_long);
                            self.newline();
                            rec.spans = Some((q_line, q_col, self.line));
                        }
                        Some(b) => {
                            keep(&mut buf, b, &mut too_long);
                            self.bump();
                        }
                    }
                }
            }
            // Unquoted text, or what follows a closing quote, up to the delimiter or line end.
            let mut end = false;
            loop {
                match self.peek() {
                    None => {
                        end = true;
                        break;
                    }
                    Some(b) if b == self.delim => {
                        self.bump();
                        break;
                    }
                    Some(b'\r' | b'\n') => {
                        self.newline();
                        end = true;
                        break;
                    }
                    Some(_) => {
                        // The rest of the field at once, not byte by byte.
                        let rest = &self.bytes[self.pos..];
                        let n = rest
                            .iter()
                            .position(|&b| b == delim || b == b'\r' || b == b'\n')
                            .unwrap_or(rest.len());
                        let room = MAX_FIELD_BYTES.saturating_sub(buf.len());
                        if n > room {
                            too_long = true;
                        }
                        buf.extend_from_slice(&rest[..n.min(room)]);
                        self.advance(n);
                    }
                }
            }
            let n = rec.fields;
            if too_long && trouble.is_none() {
                trouble = Some(self.error(
                    f_line,
                    f_col,
                    crate::tr!(
                        "第 {n} 个字段超过 {MAX_FIELD_BYTES} 字节: 没有这么长的值；此行已跳过",
                        "field {n} is longer than {MAX_FIELD_BYTES} bytes: no value is this long; the row is skipped"
                    ),
                ));
            }
            if buf.iter().any(|b| !b.is_ascii_whitespace()) {
                rec.last_filled = Some((n, f_col));
            }
            if n as usize <= MAX_FIELDS {
                let text = match self.enc.decode(&buf) {
                    Ok(t) => t,
                    Err(valid) => {
                        if trouble.is_none() {
                            let prefix = String::from_utf8_lossy(&buf[..valid]).chars().count();
                            let byte = buf.get(valid).copied().unwrap_or(0);
                            trouble = Some(self.error(
                                f_line,
                                f_col + prefix as u64,
                                crate::tr!(
                                    "字节 0x{byte:02X} 不是 {} 文本: 此行已跳过，其他行照常读取",
                                    "byte 0x{byte:02X} is not {} text: this row is skipped, the others are read",
                                    self.enc.name()
                                ),
                            ));
                        }
                        std::borrow::Cow::Borrowed("")
                    }
                };
                rec.push(&text, f_col, CellKind::Text);
            }
            if end {
                break;
            }
        }
        self.field = buf;
        self.read_one = true;
        Some(match trouble {
            Some(d) => Err(d),
            None => Ok(()),
        })
    }
}

/// NUL bytes in a row that, where the file also ends in NUL bytes, are taken as its padding.
const NUL_RUN: u64 = 1 << 20;

/// A file's bytes up to its NUL padding: a file made long by `truncate -s 5G` or preallocated by
/// a copy that stopped (a sparse file: the rest reads as NUL bytes but is no data) would
/// otherwise be read whole, twice. Where the file's last 64 KiB are NUL bytes, the reading ends
/// after the first run of [`NUL_RUN`] of them, which the scanner then says it passed over; a file
/// whose end holds text is read whole, as before.
struct NulTail<R> {
    inner: R,
    /// NUL bytes in a row so far, where the file ends in them; `None` where it does not.
    run: Option<u64>,
}

impl<R: Read> Read for NulTail<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let Some(run) = self.run.as_mut() else {
            return self.inner.read(buf);
        };
        if *run >= NUL_RUN {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        for (i, b) in buf[..n].iter().enumerate() {
            *run = if *b == 0 { *run + 1 } else { 0 };
            if *run >= NUL_RUN {
                return Ok(i + 1);
            }
        }
        Ok(n)
    }
}

/// Opens a text file as [`NulTail`] reads it.
fn open_text(path: &std::path::Path) -> std::io::Result<NulTail<std::fs::File>> {
    use std::io::{Seek, SeekFrom};
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    let mut run = None;
    if len > 2 * NUL_RUN {
        let mut tail = vec![0u8; 64 * 1024];
        f.seek(SeekFrom::Start(len - tail.len() as u64))?;
        f.read_exact(&mut tail)?;
        f.seek(SeekFrom::Start(0))?;
        run = tail.iter().all(|b| *b == 0).then_some(0);
    }
    Ok(NulTail { inner: f, run })
}

/// Lines of a file (after `skip` bytes) that do not decode in `enc`, read a chunk at a time.
fn bad_lines_in(path: &std::path::Path, skip: u64, enc: Enc) -> std::io::Result<usize> {
    let mut f = std::io::BufReader::with_capacity(CHUNK, open_text(path)?);
    std::io::copy(&mut (&mut f).take(skip), &mut std::io::sink())?;
    let mut bad = 0;
    // The current line: whether it is already bad, and its bytes not yet checked (an
    // incomplete character at a chunk's end; a GB18030 decoder keeps its own).
    let mut line_bad = false;
    let mut carry: Vec<u8> = Vec::new();
    let mut gb = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = vec![0u8; 4 * CHUNK + 16];
    let mut check = |seg: &[u8], last: bool, line_bad: &mut bool, carry: &mut Vec<u8>| {
        if *line_bad {
            return;
        }
        match enc {
            Enc::Utf8 => {
                carry.extend_from_slice(seg);
                match std::str::from_utf8(carry) {
                    Ok(_) => carry.clear(),
                    Err(e) if e.error_len().is_none() && !last => {
                        carry.drain(..e.valid_up_to());
                    }
                    Err(_) => {
                        *line_bad = true;
                        carry.clear();
                    }
                }
            }
            Enc::Gb18030 => {
                let mut src = seg;
                loop {
                    let (r, read, _) = gb.decode_to_utf8_without_replacement(src, &mut out, last);
                    src = &src[read..];
                    match r {
                        encoding_rs::DecoderResult::InputEmpty => break,
                        encoding_rs::DecoderResult::OutputFull => {}
                        encoding_rs::DecoderResult::Malformed(..) => {
                            *line_bad = true;
                            break;
                        }
                    }
                }
                if last {
                    gb = encoding_rs::GB18030.new_decoder_without_bom_handling();
                }
            }
        }
    };
    loop {
        let chunk = f.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        let n = chunk.len();
        let mut rest = chunk;
        // UTF-8 lines checked a chunk at a time: where the line so far is good and whole
        // characters (nothing carried), the chunk's complete lines are all good exactly when
        // their bytes together are UTF-8 (a line break, ASCII, is never inside a character),
        // which one pass over them says without copying each line.
        if let (Enc::Utf8, false, true) = (enc, line_bad, carry.is_empty())
            && let Some(end) = rest.iter().rposition(|b| *b == b'\n' || *b == b'\r')
            && std::str::from_utf8(&rest[..end]).is_ok()
        {
            rest = &rest[end + 1..];
        }
        while let Some(i) = rest.iter().position(|b| *b == b'\n' || *b == b'\r') {
            check(&rest[..i], true, &mut line_bad, &mut carry);
            bad += usize::from(line_bad);
            line_bad = false;
            carry.clear();
            rest = &rest[i + 1..];
        }
        check(rest, false, &mut line_bad, &mut carry);
        f.consume(n);
    }
    check(&[], true, &mut line_bad, &mut carry);
    Ok(bad + usize::from(line_bad))
}

/// Reads a CSV file, handing each row to `each`. The file is streamed: its encoding is chosen in
/// a first pass over its lines (as [`prepare`] chooses it for bytes in memory), then its records
/// are read a chunk at a time. A UTF-16 file is converted in memory, within [`super::MAX_BYTES`].
pub(super) fn read_file(
    path: &std::path::Path,
    name: &str,
    encoding: Encoding,
    each: &mut super::EachRow<'_>,
) -> Result<super::Actuals, Diagnostic> {
    let cannot = |e: std::io::Error| super::cannot_read(name, &e);
    let mut head = Vec::with_capacity(HEAD);
    std::fs::File::open(path)
        .and_then(|f| f.take(HEAD as u64).read_to_end(&mut head))
        .map_err(cannot)?;
    if matches!(head.get(..2), Some([0xFF, 0xFE] | [0xFE, 0xFF])) || utf16_unmarked(&head).is_some()
    {
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(super::MAX_BYTES + 1).read_to_end(&mut bytes))
            .map_err(cannot)?;
        if bytes.len() as u64 > super::MAX_BYTES {
            return Err(super::too_big(name));
        }
        return super::read_text(name, bytes, encoding, each);
    }
    let skip = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let whole = |m: String| Diagnostic::error(name, 0, 0, m);
    let bad = |enc| bad_lines_in(path, skip, enc).map_err(cannot);
    let utf8_bad = bad(Enc::Utf8)?;
    let enc = match encoding {
        Encoding::Utf8 if utf8_bad > 0 && bad(Enc::Gb18030)? == 0 => {
            return Err(whole(crate::tr!(
                "不是 UTF-8 文本，但每个字节都能按 GB18030（GBK）读取: 请用 --encoding gb18030",
                "not UTF-8 text, but every byte reads as GB18030 (GBK): try --encoding gb18030"
            )));
        }
        Encoding::Utf8 => Enc::Utf8,
        Encoding::Gb18030 if utf8_bad == 0 && bad(Enc::Gb18030)? > 0 => {
            return Err(whole(crate::tr!(
                "不是 GB18030 文本，但每个字节都能按 UTF-8 读取: 请用 --encoding utf8",
                "not GB18030 text, but every byte reads as UTF-8: try --encoding utf8"
            )));
        }
        Encoding::Gb18030 => Enc::Gb18030,
        Encoding::Auto if utf8_bad == 0 => Enc::Utf8,
        // Mixed or damaged: read it in the encoding most of its lines are in; the lines that
        // are not cost their own rows.
        Encoding::Auto if bad(Enc::Gb18030)? < utf8_bad => Enc::Gb18030,
        Encoding::Auto => Enc::Utf8,
    };
    let mut f = open_text(path).map_err(cannot)?;
    std::io::copy(&mut (&mut f).take(skip), &mut std::io::sink()).map_err(cannot)?;
    let mut records = Scanner::streaming(name, Box::new(f), enc);
    let mut a = super::collect(name, None, &mut records, each).map_err(|e| {
        let mut d = e.unwrap_or_else(|| super::empty(name));
        d.message
            .push_str(&big5_hint(head.get(skip as usize..).unwrap_or_default()));
        d
    })?;
    a.encoding = enc.name();
    Ok(a)
}

/// For a file whose header was not found: whether its first bytes read as a header in Big5
/// (traditional Chinese Windows, a Taiwan or Hong Kong system's export), which qyx does not
/// read and which also decodes, as garbage, in GB18030.
fn big5_hint(head: &[u8]) -> String {
    let line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let (text, _, bad) = encoding_rs::BIG5.decode(line);
    let header = ["地區", "指標", "年份", "數值", "地区", "指标", "数值"];
    if bad || header.iter().filter(|w| text.contains(*w)).count() < 2 {
        return String::new();
    }
    crate::tr!(
        "（文件似乎是 Big5 编码（繁体中文）: 请另存为 UTF-8 或 GB18030（Excel: CSV UTF-8）后再检查）",
        " (the file seems to be in Big5, traditional Chinese: save it as UTF-8 or GB18030 (Excel: CSV UTF-8), then check it again)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    type Scanned = Result<(u64, Vec<(String, u64)>), (u64, u64, String)>;

    /// Every record of a scanner, each a copy.
    fn records(mut s: Scanner) -> Vec<Result<Record, Diagnostic>> {
        let mut rec = Record::default();
        let mut out = Vec::new();
        while let Some(r) = s.next_into(&mut rec) {
            out.push(r.map(|()| rec.clone()));
        }
        out
    }

    fn scan(text: &[u8]) -> Vec<Scanned> {
        let (bytes, enc) = prepare("t", text.to_vec(), Encoding::Auto).unwrap();
        records(Scanner::new("t", bytes, enc))
            .into_iter()
            .map(|r| {
                r.map(|r| {
                    (
                        r.line,
                        r.cells
                            .iter()
                            .map(|c| (r.text(c).to_string(), c.column))
                            .collect(),
                    )
                })
                .map_err(|d| (d.line, d.column, d.message))
            })
            .collect()
    }

    fn lines(text: &[u8]) -> Vec<u64> {
        scan(text)
            .into_iter()
            .map(|r| r.map_or_else(|e| e.0, |r| r.0))
            .collect()
    }

    /// The count of lines that are no UTF-8, with the chunk-at-a-time pass, against each line
    /// checked alone: bad bytes and characters cut by a chunk's end placed all around the
    /// reader's 64 KiB chunks, in files of several chunks.
    #[test]
    fn bad_utf8_lines_counted_as_line_by_line() {
        let naive = |b: &[u8]| {
            b.split(|c| *c == b'\n' || *c == b'\r')
                .filter(|l| std::str::from_utf8(l).is_err())
                .count()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        let line = "诸暨市,普惠托位占比,2025,90.36\n".as_bytes();
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for case in 0..40 {
            let mut bytes: Vec<u8> = line.iter().copied().cycle().take(3 * CHUNK + 77).collect();
            // A few damages near chunk ends and anywhere: a stray byte, a lead byte alone, a
            // character cut, CR line ends.
            for _ in 0..case % 5 {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let near = [CHUNK - 1, CHUNK, 2 * CHUNK - 2, 2 * CHUNK + 1][(x >> 40) as usize % 4];
                let at = if case % 2 == 0 {
                    near
                } else {
                    (x >> 20) as usize % bytes.len()
                };
                let at = at.min(bytes.len() - 1);
                bytes[at] = [0xFF, 0xE4, b'\r', 0x80][(x >> 50) as usize % 4];
            }
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(
                bad_lines_in(&path, 0, Enc::Utf8).unwrap(),
                naive(&bytes),
                "case {case}"
            );
        }
    }

    #[test]
    fn lines_in_every_ending() {
        // Blank lines make no record, but are counted.
        assert_eq!(lines(b"a,b\nc,d\n\ne,f\n"), [1, 2, 4]);
        assert_eq!(lines(b"a,b\r\nc,d\r\n,, \r\ne,f\r\n"), [1, 2, 4]);
        assert_eq!(lines(b"a,b\rc,d\r\re,f"), [1, 2, 4]);
        // A quoted newline belongs to its row; the next row is on the line after.
        assert_eq!(lines(b"a,\"x\r\ny\"\r\nc,d\r\n"), [1, 3]);
    }

    #[test]
    fn character_columns() {
        let r = scan("诸暨市,\"人均, 寿命\",2024\n".as_bytes());
        let (_, cells) = r[0].clone().unwrap();
        assert_eq!(
            cells,
            [
                ("诸暨市".to_string(), 1),
                ("人均, 寿命".to_string(), 5),
                ("2024".to_string(), 14)
            ]
        );
        let gbk = encoding_rs::GBK.encode("诸暨市,人均,2024\n").0.into_owned();
        let (_, cells) = scan(&gbk)[0].clone().unwrap();
        assert_eq!(cells[2], ("2024".to_string(), 8));
    }

    #[test]
    fn one_bad_byte_costs_its_row() {
        let mut bytes = "a,b\n诸暨,".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xFFx\nc,d\n");
        let r = scan(&bytes);
        assert!(r[0].is_ok() && r[2].is_ok());
        let (line, col, msg) = r[1].clone().unwrap_err();
        assert_eq!((line, col), (2, 4));
        assert!(msg.contains("0xFF"), "{msg}");
    }

    #[test]
    fn unclosed_quote_costs_its_row() {
        let r = scan(b"a,b\nc,\"d\ne,f\ng,h\n");
        assert_eq!(r.len(), 4);
        let (line, col, msg) = r[1].clone().unwrap_err();
        assert_eq!((line, col), (2, 3));
        assert!(msg.contains("never closed"), "{msg}");
        assert_eq!(r[2], Ok((3, vec![("e".into(), 1), ("f".into(), 3)])));
        assert_eq!(r[3].clone().unwrap().0, 4);
    }

    #[test]
    fn a_gb18030_lead_byte_at_the_end_of_a_stream_ends_it() {
        // A row cut after a lead byte (0x90), read as a file is, in chunks: the look at its
        // trail byte found the end of the input, and the scanner went round for ever (found by
        // mutating tests/bad-inputs-round2/a08c-header-unit-pct.csv).
        let bytes = b"\xe5\x9c\xb0\xe5\x8c\xba,\xe6\x8c\x87\xe6\xa0\x87,\xe5\xb9\xb4\xe4\xbb\xbd,\xe5\xe6\x95\xb0,2024,-84.1\n-\xae\x8c\xe6\x88\x90".to_vec();
        let (bytes, enc) = prepare("t", bytes, Encoding::Auto).unwrap();
        assert!(matches!(enc, Enc::Gb18030));
        let recs = records(Scanner::streaming(
            "t",
            Box::new(std::io::Cursor::new(bytes)),
            enc,
        ));
        assert_eq!(recs.len(), 2);
        // The last field ending in each way a GB18030 sequence can be cut: a lone lead byte, a
        // lead byte and a four-byte sequence's second byte, a whole two-byte character, a lead
        // byte after a full character. Each ends, with the rows before it kept.
        for tail in [&b"\xB0"[..], b"\x81\x30", b"\xB0\xA1", b"\xB0\xA1\xB0"] {
            let mut bytes = b"a,b\nc,".to_vec();
            bytes.extend_from_slice(tail);
            let recs = records(Scanner::streaming(
                "t",
                Box::new(std::io::Cursor::new(bytes)),
                Enc::Gb18030,
            ));
            assert_eq!(recs.len(), 2, "{tail:?}");
            assert!(recs[0].is_ok(), "{tail:?}");
        }
    }

    #[test]
    fn huge_rows_are_bounded() {
        let row = format!("{}x", ",".repeat(1_000_000));
        let recs = records(Scanner::new("t", row.into_bytes(), Enc::Utf8));
        let r = recs[0].as_ref().unwrap();
        assert_eq!(r.fields, 1_000_001);
        assert_eq!(r.cells.len(), MAX_FIELDS);
        assert_eq!(r.last_filled, Some((1_000_001, 1_000_001)));
        assert!(records(Scanner::new("t", b",,,\n,,\n".to_vec(), Enc::Utf8)).is_empty());
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let r = records(Scanner::new("t", long.into_bytes(), Enc::Utf8))
            .remove(0)
            .unwrap_err();
        assert!(r.message.contains("longer than"), "{r}");
    }

    #[test]
    fn utf16_without_a_mark_is_known_by_its_zero_bytes() {
        let csv = "地区,指标,年份,数值\n诸暨市,普惠托位占比,2024,66\n";
        let le: Vec<u8> = csv.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = csv.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_unmarked(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(utf16_unmarked(&be), Some(encoding_rs::UTF_16BE));
        let (gbk, _, _) = encoding_rs::GBK.encode(csv);
        for text in [csv.as_bytes(), &gbk, b"a,b\n1,\x002\n"] {
            assert_eq!(utf16_unmarked(text), None);
        }
        let read = prepare("t", le, Encoding::Auto).unwrap();
        assert_eq!(read.0, csv.as_bytes());
    }

    #[test]
    fn encodings_without_circles() {
        let gbk = encoding_rs::GBK.encode("地区,指标\n").0.into_owned();
        let e = prepare("t", gbk.clone(), Encoding::Utf8).unwrap_err();
        assert!(e.message.contains("--encoding gb18030"), "{e}");
        assert_eq!(prepare("t", gbk, Encoding::Auto).unwrap().1, Enc::Gb18030);
        // Broken in every encoding: read per row, no advice to switch.
        let mut bad = "地区,指标\n诸暨,x\n".as_bytes().to_vec();
        bad.extend_from_slice(b"\xFF\xFF,y\n");
        let (_, enc) = prepare("t", bad.clone(), Encoding::Utf8).unwrap();
        assert_eq!(enc, Enc::Utf8);
        assert_eq!(prepare("t", bad, Encoding::Auto).unwrap().1, Enc::Utf8);
        let bom = "\u{feff}a,b\n".as_bytes().to_vec();
        assert_eq!(prepare("t", bom, Encoding::Auto).unwrap().0, b"a,b\n");
    }
}
