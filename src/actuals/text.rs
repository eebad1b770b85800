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

use super::{Cell, CellKind, Encoding, MAX_FIELD_BYTES, MAX_FIELDS, Record};
use crate::diag::Diagnostic;

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

    fn decode(self, bytes: &[u8]) -> Result<String, usize> {
        match self {
            Enc::Utf8 => std::str::from_utf8(bytes)
                .map(str::to_string)
                .map_err(|e| e.valid_up_to()),
            Enc::Gb18030 => encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|c| c.into_owned())
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
        Some([0xFF, 0xFE]) => Some(encoding_rs::UTF_16LE),
        Some([0xFE, 0xFF]) => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    if let Some(text) =
        utf16.and_then(|e| e.decode_without_bom_handling_and_without_replacement(&bytes[2..]))
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

/// Splits decoded bytes into records. An iterator of `Ok(record)` or `Err(problem)`, where a
/// problem costs the record it is in and reading goes on.
pub(super) struct Scanner<'a> {
    name: &'a str,
    bytes: &'a [u8],
    enc: Enc,
    delim: u8,
    pos: usize,
    line: u64,
    col: u64,
    /// Trailing bytes of the current multi-byte character still to pass (GB18030).
    trail: u8,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(name: &'a str, bytes: &'a [u8], enc: Enc) -> Scanner<'a> {
        // Tab-separated when the first line has tabs and no commas (Excel's "Unicode text").
        let first = bytes
            .split(|b| *b == b'\n' || *b == b'\r')
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        let delim = if first.contains(&b'\t') && !first.contains(&b',') {
            b'\t'
        } else {
            b','
        };
        Scanner {
            name,
            bytes,
            enc,
            delim,
            pos: 0,
            line: 1,
            col: 1,
            trail: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
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

    /// Moves past `n` bytes that hold no line ending, counting characters for the column.
    fn advance(&mut self, n: usize) {
        match self.enc {
            Enc::Utf8 => {
                let chunk = &self.bytes[self.pos..self.pos + n];
                self.col += chunk.iter().filter(|b| **b & 0xC0 != 0x80).count() as u64;
                self.pos += n;
            }
            Enc::Gb18030 => {
                let end = self.pos + n;
                while self.pos < end {
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

    /// Skips to the start of the line after the one `from` is on.
    fn skip_line_of(&mut self, from: usize, line: u64) {
        let rest = &self.bytes[from.min(self.bytes.len())..];
        match rest.iter().position(|b| *b == b'\n' || *b == b'\r') {
            Some(i) => {
                self.pos = from + i;
                self.line = line;
                self.newline();
            }
            None => self.pos = self.bytes.len(),
        }
    }

    fn error(&self, line: u64, col: u64, message: String) -> Diagnostic {
        Diagnostic::error(self.name, line, col, message)
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

impl Iterator for Scanner<'_> {
    type Item = Result<Record, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        // Blank lines (nothing but delimiters and spaces, as Excel pads them) are passed over
        // without building a record: 60 MB of `,,,` lines costs a scan, not millions of cells.
        loop {
            let rest = self.bytes.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            let delim = self.delim;
            let n = rest
                .iter()
                .position(|&b| !(b == delim || b == b' ' || b == b'\t'))
                .unwrap_or(rest.len());
            match rest.get(n) {
                None => {
                    self.pos = self.bytes.len();
                    return None;
                }
                Some(b'\r' | b'\n') => {
                    self.pos += n;
                    self.newline();
                }
                Some(_) => break,
            }
        }
        let line = self.line;
        let mut rec = Record {
            line,
            ..Record::default()
        };
        let mut trouble: Option<Diagnostic> = None;
        let mut buf = Vec::new();
        loop {
            let (f_line, f_col) = (self.line, self.col);
            rec.fields += 1;
            buf.clear();
            let mut too_long = false;
            if self.peek() == Some(b'"') {
                let (q_pos, q_line, q_col) = (self.pos, self.line, self.col);
                self.bump();
                loop {
                    match self.peek() {
                        None => {
                            // Never closed: this row is lost, not the rest of the file.
                            self.skip_line_of(q_pos, q_line);
                            return Some(Err(self.error(
                                q_line,
                                q_col,
                                crate::tr!(
                                    "这个引号 `\"` 没有闭合: 第 {line} 行已跳过，从第 {} 行继续读取",
                                    "this quote `\"` is never closed: the row at line {line} is skipped and reading goes on at line {}",
                                    q_line + 1
                                ),
                            )));
                        }
                        Some(b'"') if self.bytes.get(self.pos + 1) == Some(&b'"') => {
                            keep(&mut buf, b'"', &mut too_long);
                            self.pos += 2;
                            self.col += 2;
                        }
                        Some(b'"') => {
                            self.bump();
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
                        let delim = self.delim;
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
                        String::new()
                    }
                };
                rec.cells.push(Cell {
                    text,
                    column: f_col,
                    kind: CellKind::Text,
                });
            }
            if end {
                break;
            }
        }
        Some(match trouble {
            Some(d) => Err(d),
            None => Ok(rec),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Scanned = Result<(u64, Vec<(String, u64)>), (u64, u64, String)>;

    fn scan(text: &[u8]) -> Vec<Scanned> {
        let (bytes, enc) = prepare("t", text.to_vec(), Encoding::Auto).unwrap();
        Scanner::new("t", &bytes, enc)
            .map(|r| {
                r.map(|r| {
                    (
                        r.line,
                        r.cells.into_iter().map(|c| (c.text, c.column)).collect(),
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
    fn huge_rows_are_bounded() {
        let row = format!("{}x", ",".repeat(1_000_000));
        let mut recs = Scanner::new("t", row.as_bytes(), Enc::Utf8);
        let r = recs.next().unwrap().unwrap();
        assert_eq!(r.fields, 1_000_001);
        assert_eq!(r.cells.len(), MAX_FIELDS);
        assert_eq!(r.last_filled, Some((1_000_001, 1_000_001)));
        assert!(Scanner::new("t", b",,,\n,,\n", Enc::Utf8).next().is_none());
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let r = Scanner::new("t", long.as_bytes(), Enc::Utf8)
            .next()
            .unwrap()
            .unwrap_err();
        assert!(r.message.contains("longer than"), "{r}");
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
