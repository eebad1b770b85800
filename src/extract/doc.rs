//! A Word 97–2003 document (.doc, and WPS's .wps, which keeps the same streams), read as the
//! text it shows: its paragraphs a line each, each table row one `| a | b |` line.
//!
//! Why it exists: a county's plan is still often published as the .doc its office has kept since
//! Word 2003 (a portal's 附件下载 link), and a user gives that file to `extract` as they have it.
//! Its text is in a compound file's `WordDocument` stream, in pieces the table stream's piece
//! table places (each in UTF-16 or in one byte a character), with control characters for what
//! the page shows: `\r` a paragraph's end, `\x07` a table cell's end (and a row's), `\x0b` a line
//! break, `\x13 … \x14 … \x15` a field (its code, then the result the page shows).
//!
//! What the text is:
//! - the main document only (`ccpText` characters): headers, footers, notes and comments follow
//!   it in the stream and are no text of the plan, as for a .docx;
//! - a field shows its result, never its code (`PAGE`, `HYPERLINK "…"`);
//! - a table row is the cells before the paragraph Word marks as the row's end (`sprmPFTtp` in
//!   the paragraph's properties, read from the PAPX pages): `| 1 | 托位数 | 4.5 |`; a cell's
//!   paragraphs joined by a space. A merged cell's covered places are empty cells, as a .docx's
//!   `vMerge` rows are read. Where the paragraph properties cannot be read, a cell mark right
//!   after another ends the row.
//!
//! Bounded: the streams are read to at most [`super::docx::MAX_XML_BYTES`], the text to
//! `ccpText` characters of pieces inside the stream; every offset is checked before it is read.

use super::docx::{Error, MAX_XML_BYTES};
use std::io::Read;

/// The signature every compound file (.doc, .xls, .wps) starts with.
const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// `sprmPFTtp` and `sprmPFInnerTtp`: the paragraph is a table row's end mark.
const TTP: [u16; 2] = [0x2417, 0x244C];

/// `sprmPFInTable`: the paragraph is in a table's cell.
const IN_TABLE: u16 = 0x2416;

/// `sprmPHugePapx`: the paragraph's properties are too long for their page and stand in the
/// `Data` stream (a row's end mark, which carries the row's cell definitions, usually is).
const HUGE: u16 = 0x6646;

/// The byte ranges of the document stream whose paragraphs are in a table's cells, and those
/// that end a row.
#[derive(Default)]
struct Marks {
    in_table: Vec<(u32, u32)>,
    row_end: Vec<(u32, u32)>,
}

/// Whether `bytes` are a compound file with a Word document stream.
pub(crate) fn is_word(bytes: &[u8]) -> bool {
    bytes.starts_with(&OLE)
        && cfb::CompoundFile::open(std::io::Cursor::new(bytes))
            .is_ok_and(|f| f.is_stream("/WordDocument"))
}

/// What the document says of itself as an error: a Word 97 document that cannot be read.
fn broken(why: &str) -> Error {
    Error::OldWord(why.to_string())
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// A stream of the compound file, read to at most [`MAX_XML_BYTES`].
fn stream(
    file: &mut cfb::CompoundFile<std::io::Cursor<&[u8]>>,
    path: &str,
) -> Result<Vec<u8>, Error> {
    let mut s = file.open_stream(path).map_err(|e| broken(&e.to_string()))?;
    let mut out = Vec::new();
    s.by_ref()
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| broken(&e.to_string()))?;
    if out.len() as u64 > MAX_XML_BYTES {
        return Err(Error::TooLarge(MAX_XML_BYTES >> 20));
    }
    Ok(out)
}

/// The fields of the FIB this reader needs.
struct Fib {
    /// Whether the table stream is `1Table` (else `0Table`).
    one_table: bool,
    /// The main document's length in characters.
    ccp_text: usize,
    /// The piece table (`Clx`) in the table stream.
    clx: (usize, usize),
    /// The paragraph properties' page table (`PlcBtePapx`) in the table stream.
    papx: (usize, usize),
}

fn fib(doc: &[u8]) -> Result<Fib, Error> {
    let bad = || broken("the file information block is damaged");
    if u16_at(doc, 0) != Some(0xA5EC) {
        return Err(broken("no Word 97–2003 document stream"));
    }
    let flags = u16_at(doc, 0x0A).ok_or_else(bad)?;
    if flags & 0x0100 != 0 {
        return Err(broken("it is encrypted (protected by a password)"));
    }
    let csw = usize::from(u16_at(doc, 32).ok_or_else(bad)?);
    let lw_count_at = 34 + 2 * csw;
    let cslw = usize::from(u16_at(doc, lw_count_at).ok_or_else(bad)?);
    let lw = lw_count_at + 2;
    let ccp_text = u32_at(doc, lw + 12).ok_or_else(bad)? as usize;
    let fc_count_at = lw + 4 * cslw;
    let pairs = usize::from(u16_at(doc, fc_count_at).ok_or_else(bad)?);
    let fc = fc_count_at + 2;
    let pair = |i: usize| -> Result<(usize, usize), Error> {
        if i >= pairs {
            return Err(bad());
        }
        let at = fc + 8 * i;
        Ok((
            u32_at(doc, at).ok_or_else(bad)? as usize,
            u32_at(doc, at + 4).ok_or_else(bad)? as usize,
        ))
    };
    Ok(Fib {
        one_table: flags & 0x0200 != 0,
        ccp_text,
        clx: pair(33)?,
        papx: pair(13)?,
    })
}

/// A piece of the text: its byte offset in the document stream, and whether it is one byte a
/// character (else UTF-16).
type Piece = (usize, bool);

/// The piece table: each piece's first character position, its byte offset in the document
/// stream, and whether it is one byte a character; the last position closes the last piece.
fn pieces(table: &[u8], (at, len): (usize, usize)) -> Result<(Vec<u32>, Vec<Piece>), Error> {
    let bad = || broken("the piece table is damaged");
    let clx = table
        .get(at..at.checked_add(len).ok_or_else(bad)?)
        .ok_or_else(bad)?;
    let mut p = 0;
    // Property runs (`Prc`) come first; then the piece table (`Pcdt`).
    while clx.get(p) == Some(&1) {
        let cb = usize::from(u16_at(clx, p + 1).ok_or_else(bad)?);
        p += 3 + cb;
    }
    if clx.get(p) != Some(&2) {
        return Err(bad());
    }
    let lcb = u32_at(clx, p + 1).ok_or_else(bad)? as usize;
    let plc = clx.get(p + 5..p + 5 + lcb).ok_or_else(bad)?;
    if lcb < 16 || !(lcb - 4).is_multiple_of(12) {
        return Err(bad());
    }
    let n = (lcb - 4) / 12;
    let cps = (0..=n)
        .map(|i| u32_at(plc, 4 * i).ok_or_else(bad))
        .collect::<Result<Vec<_>, _>>()?;
    let pcds = (0..n)
        .map(|i| {
            let raw = u32_at(plc, 4 * (n + 1) + 8 * i + 2).ok_or_else(bad)?;
            let compressed = raw & 0x4000_0000 != 0;
            let fc = (raw & 0x3FFF_FFFF) as usize;
            Ok((if compressed { fc / 2 } else { fc }, compressed))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok((cps, pcds))
}

/// Which paragraphs are in a table and which end a row, from the PAPX pages; None where they
/// cannot be read.
fn marks(doc: &[u8], table: &[u8], data: &[u8], (at, len): (usize, usize)) -> Option<Marks> {
    let plc = table.get(at..at.checked_add(len)?)?;
    if len < 12 || !(len - 4).is_multiple_of(8) {
        return None;
    }
    let n = (len - 4) / 8;
    let mut out = Marks::default();
    for i in 0..n {
        let pn = u32_at(plc, 4 * (n + 1) + 4 * i)? as usize;
        let page = doc.get(pn.checked_mul(512)?..pn.checked_mul(512)?.checked_add(512)?)?;
        let crun = usize::from(page[511]);
        for r in 0..crun {
            let (from, to) = (u32_at(page, 4 * r)?, u32_at(page, 4 * (r + 1))?);
            let bx = 4 * (crun + 1) + 13 * r;
            let off = 2 * usize::from(*page.get(bx)?);
            if off == 0 {
                continue;
            }
            let cb = usize::from(*page.get(off)?);
            let (start, size) = if cb != 0 {
                (off + 1, (2 * cb).saturating_sub(1))
            } else {
                (off + 2, 2 * usize::from(*page.get(off + 1)?))
            };
            let grpprl = page.get(start..(start + size).min(511))?;
            // The paragraph's style (two bytes), then its properties.
            let (in_table, ends) = grpprl.get(2..).map_or((false, false), |g| flags(g, data));
            if in_table || ends {
                out.in_table.push((from, to));
            }
            if ends {
                out.row_end.push((from, to));
            }
        }
    }
    Some(out)
}

/// Whether a paragraph's properties put it in a table, and whether they mark it a row's end;
/// properties kept in the `Data` stream ([`HUGE`]) are read there.
fn flags(sprms: &[u8], data: &[u8]) -> (bool, bool) {
    let (mut in_table, mut ends) = own_flags(sprms);
    if let Some(at) = find_operand(sprms, HUGE).and_then(|o| u32_at(o, 0)) {
        let at = at as usize;
        let huge = u16_at(data, at)
            .and_then(|cb| data.get(at + 2..at + 2 + usize::from(cb)))
            .map_or((false, false), own_flags);
        in_table |= huge.0;
        ends |= huge.1;
    }
    (in_table, ends)
}

/// Each property of a list as (sprm, its operand), walked by the sizes the sprm's kind gives.
fn each_sprm<'a>(mut sprms: &'a [u8], mut on: impl FnMut(u16, &'a [u8])) {
    while sprms.len() >= 2 {
        let sprm = u16::from_le_bytes([sprms[0], sprms[1]]);
        let rest = &sprms[2..];
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            // A variable operand: its length first.
            _ => 1 + usize::from(rest.first().copied().unwrap_or(0)),
        };
        on(sprm, &rest[..size.min(rest.len())]);
        let Some(next) = rest.get(size..) else {
            break;
        };
        sprms = next;
    }
}

/// The operand of the first property `sprm` in a list.
fn find_operand(sprms: &[u8], sprm: u16) -> Option<&[u8]> {
    let mut found = None;
    each_sprm(sprms, |s, op| {
        if s == sprm && found.is_none() {
            found = Some(op);
        }
    });
    found
}

/// [`flags`] of the properties themselves.
fn own_flags(sprms: &[u8]) -> (bool, bool) {
    let (mut in_table, mut ends) = (false, false);
    each_sprm(sprms, |sprm, op| {
        let on = op.first().is_some_and(|v| *v != 0);
        in_table |= sprm == IN_TABLE && on;
        ends |= TTP.contains(&sprm) && on;
    });
    (in_table, ends)
}

/// The document's text (see the module's doc); None where the compound file holds no Word
/// document stream (an .xls, an .msg).
pub(crate) fn text(bytes: &[u8]) -> Result<Option<String>, Error> {
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes))
        .map_err(|e| Error::Damaged(e.to_string()))?;
    if !file.is_stream("/WordDocument") {
        return Ok(None);
    }
    let doc = stream(&mut file, "/WordDocument")?;
    let fib = fib(&doc)?;
    let table = stream(&mut file, if fib.one_table { "/1Table" } else { "/0Table" })?;
    let (cps, pcds) = pieces(&table, fib.clx)?;
    // A document with no paragraph properties kept apart has no `Data` stream.
    let data = if file.is_stream("/Data") {
        stream(&mut file, "/Data")?
    } else {
        Vec::new()
    };
    let marks = marks(&doc, &table, &data, fib.papx);
    // The characters of the main document, each with its byte offset in the stream.
    let mut chars: Vec<(char, u32)> = Vec::new();
    let limit = fib.ccp_text.min(MAX_XML_BYTES as usize);
    for (i, &(fc, one_byte)) in pcds.iter().enumerate() {
        let (from, to) = (cps[i] as usize, cps[i + 1] as usize);
        if from >= limit {
            break;
        }
        // Pieces placed over one another in a damaged table still make at most `limit`.
        let n = to
            .min(limit)
            .saturating_sub(from)
            .min(limit.saturating_sub(chars.len()));
        if one_byte {
            let raw = doc
                .get(fc..fc.saturating_add(n))
                .ok_or_else(|| broken("a piece lies outside the document"))?;
            for (k, b) in raw.iter().enumerate() {
                let one = [*b];
                let (c, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&one);
                let c = c.chars().next().unwrap_or('\u{fffd}');
                chars.push((c, (fc + k) as u32));
            }
        } else {
            let raw = doc
                .get(fc..fc.saturating_add(2 * n))
                .ok_or_else(|| broken("a piece lies outside the document"))?;
            let units = raw
                .chunks_exact(2)
                .map(|u| u16::from_le_bytes([u[0], u[1]]));
            let mut k = 0u32;
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or('\u{fffd}');
                chars.push((c, fc as u32 + 2 * k));
                k += c.len_utf16() as u32;
            }
        }
    }
    Ok(Some(lay_out(&chars, marks.as_ref())))
}

/// The characters as lines: paragraphs, fields' results, and table rows as `|` lines. Without
/// the paragraphs' marks, a cell mark right after another ends a row and a paragraph whose next
/// mark is a cell's is in a cell.
fn lay_out(chars: &[(char, u32)], marks: Option<&Marks>) -> String {
    let within = |r: &[(u32, u32)], fc: u32| r.iter().any(|(a, b)| *a <= fc && fc < *b);
    let mut out = String::new();
    let mut line = String::new();
    let mut cells: Vec<String> = Vec::new();
    // Field nesting: for each open field, whether its result (after `\x14`) is being read.
    let mut fields: Vec<bool> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, &(c, fc)) in chars.iter().enumerate() {
        match c {
            '\u{13}' => fields.push(false),
            '\u{14}' => {
                if let Some(f) = fields.last_mut() {
                    *f = true;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.last().is_some_and(|shown| !shown) => {}
            '\u{7}' => {
                let row_end = match marks {
                    Some(m) => within(&m.row_end, fc),
                    None => prev == Some('\u{7}'),
                };
                if row_end {
                    if !cells.is_empty() {
                        let row: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
                        out.push_str(&format!("| {} |\n", row.join(" | ")));
                    }
                    cells.clear();
                    line.clear();
                } else {
                    cells.push(std::mem::take(&mut line));
                }
            }
            '\r' | '\u{b}' | '\u{c}' => {
                let in_cell = match marks {
                    Some(m) => within(&m.in_table, fc),
                    None => chars[i + 1..]
                        .iter()
                        .map(|(c, _)| *c)
                        .find(|c| *c == '\u{7}' || *c == '\r')
                        .is_some_and(|c| c == '\u{7}'),
                };
                // A paragraph inside a cell joins the cell's next one, as a .docx cell's do.
                if in_cell {
                    line.push(' ');
                } else {
                    out.push_str(line.trim_end());
                    out.push('\n');
                    line.clear();
                }
            }
            '\t' => line.push('\t'),
            '\u{a0}' => line.push(' '),
            '\u{1e}' => line.push('-'),
            c if (c as u32) < 0x20 || c == '\u{1f}' => {}
            c => line.push(c),
        }
        prev = Some(c);
    }
    if !line.trim().is_empty() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Vec<(char, u32)> {
        s.chars().zip((0u32..).map(|i| 2 * i)).collect()
    }

    #[test]
    fn paragraphs_fields_and_rows() {
        // Two paragraphs, a field (its code hidden, its result shown), a row of three cells
        // whose end mark the properties name (the bytes at 2 × its place), an empty cell.
        let text = "标题\r到2027年达到\u{13} PAGE \u{14}5\u{15}个。\r1\u{7}托位数\u{7}\u{7}\u{7}\r";
        let chars = doc(text);
        let end = chars
            .iter()
            .rev()
            .find(|(c, _)| *c == '\u{7}')
            .map(|(_, f)| *f)
            .unwrap();
        let marks = Marks {
            in_table: vec![(end - 14, end + 2)],
            row_end: vec![(end, end + 2)],
        };
        assert_eq!(
            lay_out(&chars, Some(&marks)),
            "标题\n到2027年达到5个。\n| 1 | 托位数 |  |\n\n"
        );
        // Without the properties, a cell mark after another ends the row.
        assert_eq!(
            lay_out(&doc("1\u{7}托位数\u{7}\u{7}后文\r"), None),
            "| 1 | 托位数 |\n后文\n"
        );
        // A cell of two paragraphs joins them.
        assert_eq!(
            lay_out(&doc("每千人口\r托位数\u{7}4.5\u{7}\u{7}"), None),
            "| 每千人口 托位数 | 4.5 |\n"
        );
    }

    #[test]
    fn sprms_are_walked_to_the_row_end_mark() {
        // sprmPJc (1 byte), sprmPDxaLeft (2 bytes), then sprmPFTtp on.
        assert_eq!(
            flags(
                &[
                    0x03, 0x24, 1, 0x0F, 0x84, 0, 0, 0x16, 0x24, 1, 0x17, 0x24, 1
                ],
                &[]
            ),
            (true, true)
        );
        assert_eq!(flags(&[0x16, 0x24, 1, 0x17, 0x24, 0], &[]), (true, false));
        assert_eq!(flags(&[0x03, 0x24, 1], &[]), (false, false));
        assert_eq!(flags(&[0x0F, 0x84], &[]), (false, false));
        // Kept in the Data stream: sprmPHugePapx names where (4 bytes in, 3 bytes long).
        let data = [0, 0, 0, 0, 3, 0, 0x17, 0x24, 1];
        assert_eq!(flags(&[0x46, 0x66, 4, 0, 0, 0], &data), (false, true));
        // Pointing past the stream: nothing.
        assert_eq!(flags(&[0x46, 0x66, 40, 0, 0, 0], &data), (false, false));
    }

    #[test]
    fn what_is_no_word_document_says_so() {
        assert!(!is_word(b"plain text"));
        assert!(!is_word(&OLE));
        assert!(matches!(text(&OLE), Err(Error::Damaged(_))));
        assert!(matches!(fib(&[0; 64]), Err(Error::OldWord(_))));
        let mut short = vec![0u8; 40];
        short[0] = 0xEC;
        short[1] = 0xA5;
        assert!(matches!(fib(&short), Err(Error::OldWord(_))));
    }
}
