//! An e-mail saved as it travels (an `.eml` file from Foxmail, Outlook or a web mail's "download
//! original"), read as the letter it carries: its header fields with their encoded words decoded
//! (`Subject: =?utf-8?b?…?=`), its body's transfer encoding undone (quoted-printable `=E5=B9=BC`
//! with soft breaks at 76 columns, base64), and of a `multipart/alternative` body only the plain
//! text part (the HTML part is the same letter again: reading both would count every figure twice).
//!
//! Why it exists: a county's office sends its plan's indicator table to the city by mail, pasted
//! from Excel into the letter, and the city keeps the message as it came. As saved, every Chinese
//! character is `=XX=XX=XX` or base64, so no reader finds a word, and a soft break cuts a cell
//! or a figure (`=E2=89=A5` / `70`). `validate` reads a source through the same pass
//! ([`super::markup::plain`]), so what a draft quotes from the letter is found there.
//!
//! An office forwarding its plan mails the Word document itself: a `multipart/mixed` message whose
//! letter is a cover note and whose attachment (base64) is the .docx. The attachment is the plan,
//! read as the text it shows ([`super::docx::text`], which reads an .odt too) after the letter.
//! An office that writes the plan into the letter attaches its indicator table as the workbook it
//! was typed in (.xlsx or .ods): that is read too, as its sheets show ([`super::xlsx`]); and an
//! office still on Word 2003 attaches a .doc ([`super::doc`]).
//!
//! A page saved as one file is the same container: Word's 单个文件网页 (`.mht`) and a browser's
//! `.mhtml` are a `multipart/related` message with no sender, the page as quoted-printable in its
//! own charset (Word writes GB2312: `=CD=D0=CE=BB`, `=3D` for every `=` of its markup) and its
//! pictures, style sheet and file list as further parts. Only the page (the root part) is read;
//! the readers after this take its HTML as they take a page saved from the browser.
//!
//! Each line of the result is mapped to the line of the message it comes from (a quoted-printable
//! line to the line it starts on, a base64 part's line to the encoded line holding its first byte).
//!
//! Bounded: one pass over the message; parts nest at most [`MAX_DEPTH`] deep, at most
//! [`MAX_PARTS`] are read.

/// The deepest nesting of multipart bodies read.
const MAX_DEPTH: usize = 4;

/// The most parts of one message read; the rest are left out.
const MAX_PARTS: usize = 64;

/// The header fields kept as lines of the letter: who wrote it, to whom, when and on what.
const KEPT: &[&str] = &["subject", "from", "to", "cc", "date"];

/// A message's lines with their 1-based line numbers in the source.
type Lines<'a> = [(usize, &'a str)];

/// The letter a saved e-mail carries, with each line's source line; None when `text` is no
/// MIME message (its first lines are not header fields naming a MIME body).
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        // A CRLF file saved with CRLF again ends its lines `\r\r\n`: every CR is the line end.
        .map(|l| l.trim_end_matches('\r'))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .collect();
    let (fields, body) = header(&lines)?;
    let named = |n: &str| fields.iter().any(|(k, _, _)| k.eq_ignore_ascii_case(n));
    // A message, not a text that opens with `标题: …`: a MIME body and someone it is from or to,
    // or a web archive (a page saved as one file: `MIME-Version` and a `multipart/related` body
    // with its boundary, no sender).
    let archive = named("mime-version") && field(&fields, "content-type").is_some_and(is_related);
    if !archive
        && (!(named("mime-version") || named("content-type"))
            || !(named("from") || named("to") || named("subject")))
    {
        return None;
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    for (k, v, at) in &fields {
        if KEPT.iter().any(|w| k.eq_ignore_ascii_case(w)) {
            out.push((*at, format!("{k}: {}", words(v))));
        }
    }
    out.push((body.first().map_or(lines.len(), |l| l.0), String::new()));
    let mut parts = 0;
    part(&fields, body, 0, &mut parts, &mut out);
    let mut text = String::new();
    let mut map = Vec::with_capacity(out.len());
    for (at, l) in out {
        text.push_str(&l);
        text.push('\n');
        map.push(at);
    }
    Some((text, map))
}

/// A header field: its name, its value unfolded, the line it starts on.
type Field = (String, String, usize);

/// The header fields at the start of `lines` (continuation lines unfolded) and the lines after
/// the blank line ending them; None when the first line is no field.
fn header<'a, 'b>(lines: &'b Lines<'a>) -> Option<(Vec<Field>, &'b Lines<'a>)> {
    let mut fields: Vec<Field> = Vec::new();
    for (i, &(at, l)) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            return (!fields.is_empty()).then(|| (fields, &lines[i + 1..]));
        }
        if l.starts_with([' ', '\t']) {
            let f = fields.last_mut()?;
            f.1.push(' ');
            f.1.push_str(l.trim());
            continue;
        }
        // A word processor's indent before a field, its full-width colon after the name (a
        // message pasted into a document, its punctuation made full-width) are no part of it.
        let l = l.trim_start_matches('\u{3000}');
        let (k, v) = l.split_once([':', '：'])?;
        if k.is_empty() || !k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return None;
        }
        fields.push((k.to_string(), v.trim().to_string(), at));
    }
    None
}

/// The value of a field's parameter (`boundary="…"`, `charset=utf-8`), case-insensitive.
fn param(value: &str, name: &str) -> Option<String> {
    value.split([';', '；']).skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// A field's value by name.
fn field<'a>(fields: &'a [Field], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v, _)| v.as_str())
}

/// One part (the message's body or a part of it) read into `out`: a multipart body's parts in
/// turn (of an alternative only the plain text, else the first text), a text part decoded.
fn part(
    fields: &[Field],
    body: &Lines,
    depth: usize,
    parts: &mut usize,
    out: &mut Vec<(usize, String)>,
) {
    *parts += 1;
    if *parts > MAX_PARTS {
        return;
    }
    let ctype = field(fields, "content-type").unwrap_or("text/plain");
    let kind = ctype
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if let Some(rest) = kind.strip_prefix("multipart/") {
        let Some(boundary) = param(ctype, "boundary").filter(|_| depth < MAX_DEPTH) else {
            return;
        };
        let subs = split(body, &boundary);
        if rest == "related" {
            // A web archive's page and what it shows (pictures, a style sheet, Word's
            // `filelist.xml`): only the page, its root (RFC 2387: the part `start` names, else
            // the first), is the document; its parts are no text of it.
            let start = param(ctype, "start");
            let id = |f: &[Field]| {
                field(f, "content-id").map(|v| v.trim().trim_matches(['<', '>']).to_string())
            };
            let root = start
                .as_deref()
                .map(|s| s.trim().trim_matches(['<', '>']))
                .and_then(|s| subs.iter().find(|(f, _)| id(f).as_deref() == Some(s)))
                .or(subs.first());
            if let Some((f, b)) = root {
                part(f, b, depth + 1, parts, out);
            }
        } else if rest == "alternative" {
            let is = |f: &[Field], t: &str| {
                field(f, "content-type")
                    .unwrap_or("text/plain")
                    .to_ascii_lowercase()
                    .starts_with(t)
            };
            let pick = subs
                .iter()
                .find(|(f, _)| is(f, "text/plain"))
                .or_else(|| subs.iter().find(|(f, _)| is(f, "text/")))
                .or(subs.first());
            if let Some((f, b)) = pick {
                part(f, b, depth + 1, parts, out);
            }
        } else {
            for (f, b) in &subs {
                part(f, b, depth + 1, parts, out);
            }
        }
        return;
    }
    // A Word or OpenDocument file attached (an office forwarding the plan as its .docx) is
    // the plan itself, and a workbook attached (.xlsx, .ods) its indicator table: read as the
    // text they show, as such a file given to extract is. Any other attachment that is no text
    // (a picture, an .xls) is bytes, not words.
    if !kind.starts_with("text/") {
        if is_document(fields, &kind) {
            attached(fields, body, out);
        }
        return;
    }
    let charset = param(ctype, "charset").unwrap_or_else(|| "utf-8".into());
    let cte = field(fields, "content-transfer-encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match cte.as_str() {
        "quoted-printable" => quoted(body, &charset, out),
        "base64" => {
            let (bytes, per_line) = base64_lines(body);
            let at = body.first().map_or(0, |l| l.0);
            let mut offset: usize = 0;
            for l in decode(&bytes, &charset).split('\n') {
                let line = at + offset.checked_div(per_line).unwrap_or(0);
                out.push((line, l.trim_end_matches('\r').to_string()));
                offset += l.len() + 1;
            }
        }
        _ => out.extend(body.iter().map(|&(at, l)| (at, l.to_string()))),
    }
}

/// Whether a part is a document read as text: a word processor's (a zip package, or Word
/// 97–2003's compound file) or a workbook in a zip package, as its type says, or (a mailer that
/// sends every attachment as `application/octet-stream`) its file name ends `.docx`, `.odt`,
/// `.doc`, `.wps`, `.xlsx` or `.ods`.
fn is_document(fields: &[Field], kind: &str) -> bool {
    const TYPES: [&str; 6] = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "application/msword",
        "application/kswps",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.spreadsheet",
    ];
    if TYPES.contains(&kind) {
        return true;
    }
    let named = |f: &str, p: &str| field(fields, f).and_then(|v| param(v, p));
    named("content-disposition", "filename")
        .or_else(|| named("content-type", "name"))
        .map(|n| words(&n).to_ascii_lowercase())
        .is_some_and(|n| {
            [".docx", ".odt", ".doc", ".wps", ".xlsx", ".ods"]
                .iter()
                .any(|e| n.ends_with(e))
        })
}

/// An attached document's text, each of its lines at the line its part's body starts on (a
/// line of the document has no line of the message: the attachment is one encoded block). An
/// attachment that is no base64, or no readable document, adds nothing.
fn attached(fields: &[Field], body: &Lines, out: &mut Vec<(usize, String)>) {
    let base64 = field(fields, "content-transfer-encoding")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("base64"));
    if !base64 {
        return;
    }
    let (bytes, _) = base64_lines(body);
    let text = if super::docx::is_zip(&bytes) {
        super::docx::text(&bytes).ok()
    } else if super::doc::is_word(&bytes) {
        super::doc::text(&bytes).ok().flatten()
    } else {
        None
    };
    let Some(text) = text else {
        return;
    };
    let at = body.first().map_or(0, |l| l.0);
    out.extend(
        text.split('\n')
            .map(|l| (at, l.trim_end_matches('\r').to_string())),
    );
}

/// Whether a Content-Type is a web archive's: `multipart/related` with its boundary.
fn is_related(ctype: &str) -> bool {
    ctype
        .split(';')
        .next()
        .is_some_and(|k| k.trim().eq_ignore_ascii_case("multipart/related"))
        && param(ctype, "boundary").is_some()
}

/// A multipart body's parts (header fields, lines) between its `--boundary` lines.
fn split<'a, 'b>(body: &'b Lines<'a>, boundary: &str) -> Vec<(Vec<Field>, &'b Lines<'a>)> {
    let open = format!("--{boundary}");
    let marks: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, (_, l))| l.trim_start_matches('\u{3000}').starts_with(&open))
        .map(|(i, _)| i)
        .collect();
    marks
        .windows(2)
        .filter_map(|w| {
            let chunk = &body[w[0] + 1..w[1]];
            // A part with no header fields opens with its blank line: its type is text/plain.
            if chunk.first().is_some_and(|l| l.1.trim().is_empty()) {
                return Some((Vec::new(), &chunk[1..]));
            }
            header(chunk)
        })
        .take(MAX_PARTS)
        .collect()
}

/// A quoted-printable part decoded, each line of the letter at the source line it starts on: a
/// line ending in `=` goes on with the next, `=XX` is a byte.
fn quoted(body: &Lines, charset: &str, out: &mut Vec<(usize, String)>) {
    let mut bytes = Vec::new();
    let mut start = None;
    for &(at, l) in body {
        let start_at = *start.get_or_insert(at);
        // Quoted-printable is ASCII: an indent a word processor put before the line is not it.
        let l = l
            .trim_start_matches('\u{3000}')
            .trim_end_matches([' ', '\t']);
        let (l, soft) = match l.strip_suffix('=') {
            Some(s) => (s, true),
            None => (l, false),
        };
        hex_bytes(l, &mut bytes);
        if !soft {
            out.push((start_at, decode(&bytes, charset)));
            bytes.clear();
            start = None;
        }
    }
    if let Some(at) = start {
        out.push((at, decode(&bytes, charset)));
    }
}

/// Quoted-printable text's bytes: `=XX` a byte, anything else itself.
fn hex_bytes(l: &str, bytes: &mut Vec<u8>) {
    let b = l.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'=', Some(h), Some(lo)) => {
                bytes.push((h * 16 + lo) as u8);
                i += 3;
            }
            (c, _, _) => {
                bytes.push(c);
                i += 1;
            }
        }
    }
}

/// A base64 part's bytes, and how many bytes one of its encoded lines holds (to map a decoded
/// line back to its encoded line).
fn base64_lines(body: &Lines) -> (Vec<u8>, usize) {
    let mut bytes = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    let mut per_line = 0;
    for &(_, l) in body {
        for c in l.bytes() {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => continue,
            };
            acc = (acc << 6) | u32::from(v);
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                bytes.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        if per_line == 0 {
            per_line = bytes.len();
        }
    }
    (bytes, per_line)
}

/// Bytes in the part's charset as text (UTF-8 unless a charset encoding_rs knows is named: GBK,
/// GB2312 and GB18030 through GB18030, as a Chinese mail client writes them).
fn decode(bytes: &[u8], charset: &str) -> String {
    let enc = encoding_rs::Encoding::for_label(charset.trim().as_bytes())
        .map(|e| {
            if e == encoding_rs::GBK {
                encoding_rs::GB18030
            } else {
                e
            }
        })
        .unwrap_or(encoding_rs::UTF_8);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// A header value with its RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?gb2312?q?…?=`) decoded;
/// the space between two encoded words is no text.
fn words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut last_encoded = false;
    while let Some(i) = rest.find("=?") {
        let (before, from) = rest.split_at(i);
        let word = from[2..].splitn(3, '?').collect::<Vec<_>>();
        let decoded = match word.as_slice() {
            [charset, enc, tail] => tail.find("?=").map(|end| {
                let data = &tail[..end];
                let bytes = if enc.eq_ignore_ascii_case("b") {
                    base64_lines(&[(1, data)]).0
                } else {
                    let mut o = Vec::new();
                    hex_bytes(&data.replace('_', " "), &mut o);
                    o
                };
                let used = 2 + charset.len() + 1 + enc.len() + 1 + end + 2;
                (decode(&bytes, charset), used)
            }),
            _ => None,
        };
        match decoded {
            Some((text, used)) => {
                if !(last_encoded && before.trim().is_empty()) {
                    out.push_str(before);
                }
                out.push_str(&text);
                rest = &from[used..];
                last_encoded = true;
            }
            None => {
                out.push_str(before);
                out.push_str("=?");
                rest = &from[2..];
                last_encoded = false;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message's letter as read, and the source line of each of its lines.
    fn read(text: &str) -> Option<(String, Vec<usize>)> {
        plain_lines(text)
    }

    #[test]
    fn a_saved_mail_is_read_as_its_letter() {
        let table: &[(&str, Option<&str>)] = &[
            // Quoted-printable with a soft break inside a figure (`=E2=89=A5` / `70`): one line.
            (
                "From: a@b.cn\nSubject: =?utf-8?b?5oyH5qCH?=\nMIME-Version: 1.0\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n=E6=99=AE=E6=83=A0\t57\t=\n=E2=89=A570\n",
                Some("From: a@b.cn\nSubject: 指标\n\n普惠\t57\t≥70\n\n"),
            ),
            // An alternative: the plain part only, the HTML (base64) left out.
            (
                "To: x@y.cn\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"B\"\n\n--B\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n5omY5L2NNC41\n--B\nContent-Type: text/html; charset=utf-8\n\n<p>托位4.5</p>\n--B--\n",
                Some("To: x@y.cn\n\n托位4.5\n"),
            ),
            // GB2312 in quoted-printable, as an older client writes it.
            (
                "From: a@b.cn\nMIME-Version: 1.0\nContent-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: quoted-printable\n\n=CD=D0=CE=BB4.5\n",
                Some("From: a@b.cn\n\n托位4.5\n\n"),
            ),
            // Pasted into a document: an indent before long lines, full-width `：` and `；`.
            (
                "From: a@b.cn\n\u{3000}\u{3000}MIME-Version：1.0\n\u{3000}\u{3000}Content-Type：multipart/alternative；boundary=B\n\n\u{3000}\u{3000}--B\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding：quoted-printable\n\n\u{3000}\u{3000}=E6=89=98=E4=BD=8D4.5\n--B--\n",
                Some("From: a@b.cn\n\n托位4.5\n"),
            ),
            // Near misses: a text opening with `标题: …` lines, a header with no MIME body.
            ("Subject: 通知\n\n托位4.5\n", None),
            ("主题: 通知\nMIME-Version: 1.0\n\n托位4.5\n", None),
            ("幼有善育\n托位4.5\n", None),
        ];
        for (text, want) in table {
            let got = read(text).map(|(t, _)| t);
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }

    /// A page saved as one file (Word's 单个文件网页, a browser's .mhtml): a `multipart/related`
    /// message with no sender, read as its root page in the page's own charset, once; the
    /// pictures, style sheet and file list are no text of it.
    #[test]
    fn a_web_archive_is_read_as_its_page() {
        let word = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n此文档为“单个文件网页”\r\n\r\n------=_NextPart_01\r\nContent-Location: file:///C:/x/file1.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n<p class=3DMsoNormal>=CD=D0=CE=BB<span lang=3DEN-US>4</span><span lang=3DEN-U=\r\nS>.5</span></p>\r\n\r\n------=_NextPart_01\r\nContent-Location: file:///C:/x/file1.files/filelist.xml\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n\r\n<o:File HRef=3D\"image001.png\"/>\r\n\r\n------=_NextPart_01--\r\n";
        let (t, _) = read(word).expect("a web archive");
        // Saved with CRLF again (`\r\r\n`), it reads the same.
        let again = word.replace("\r\n", "\r\r\n");
        assert_eq!(read(&again).map(|(a, _)| a), Some(t.clone()));
        assert_eq!(
            t,
            "\n<p class=MsoNormal>托位<span lang=EN-US>4</span><span lang=EN-US>.5</span></p>\n\n"
        );
        // A browser's archive names its root by `start`; a style sheet before it is no page.
        let chrome = "From: <Saved by Blink>\nSnapshot-Content-Location: https://x.gov.cn/a.html\nSubject: =?utf-8?Q?=E6=96=B9=E6=A1=88?=\nMIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype=\"text/html\"; start=\"<page@mhtml.blink>\";\n\tboundary=\"----MultipartBoundary--a--\"\n\n------MultipartBoundary--a--\nContent-Type: text/css\nContent-ID: <css@mhtml.blink>\n\n.w{width:25%}\n------MultipartBoundary--a--\nContent-Type: text/html\nContent-ID: <page@mhtml.blink>\nContent-Transfer-Encoding: quoted-printable\n\n<p>=E6=89=98=E4=BD=8D4.5</p>\n------MultipartBoundary--a----\n";
        let (t, _) = read(chrome).expect("a browser's archive");
        assert!(t.contains("<p>托位4.5</p>") && !t.contains("25%"), "{t}");
        // Near misses: `related` with no boundary, or no MIME-Version, is no archive.
        for text in [
            "MIME-Version: 1.0\nContent-Type: multipart/related\n\n托位4.5\n",
            "Content-Type: multipart/related; boundary=B\n\n--B\n\n托位4.5\n--B--\n",
            "MIME-Version: 1.0\nContent-Type: text/html\n\n<p>托位4.5</p>\n",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    /// A message forwarding the plan as an attached Word document is read as its letter and
    /// the document's text; an attachment that is no document adds nothing.
    #[test]
    fn an_attached_document_is_read_as_its_text() {
        use std::io::Write;
        let mut docx = Vec::new();
        {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut docx));
            let opts = zip::write::SimpleFileOptions::default();
            z.start_file("word/document.xml", opts).expect("entry");
            z.write_all(
                br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&#25176;&#20301;4.</w:t></w:r><w:r><w:t>5</w:t></w:r></w:p></w:body></w:document>"#,
            )
            .expect("written");
            z.finish().expect("zip");
        }
        let b64 = |b: &[u8]| {
            const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut s = String::new();
            for c in b.chunks(3) {
                let n = c
                    .iter()
                    .enumerate()
                    .fold(0u32, |n, (i, x)| n | u32::from(*x) << (16 - 8 * i));
                for i in 0..4 {
                    s.push(if i <= c.len() {
                        A[(n >> (18 - 6 * i) & 63) as usize] as char
                    } else {
                        '='
                    });
                }
                if s.len() % 77 == 76 {
                    s.push('\n');
                }
            }
            s
        };
        let mail = |ctype: &str, body: &str| {
            format!(
                "From: a@b.cn\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"M\"\n\n--M\nContent-Type: text/plain; charset=utf-8\n\n转发方案，请查收。\n--M\nContent-Type: {ctype}\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"=?utf-8?b?5pa55qGI?=.docx\"\n\n{body}\n--M--\n"
            )
        };
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        for ctype in [word, "application/octet-stream; name=\"x.docx\""] {
            let (t, map) = read(&mail(ctype, &b64(&docx))).expect("a message");
            assert!(
                t.contains("转发方案") && t.contains("托位4.5"),
                "{ctype}: {t}"
            );
            // The document's lines point at the attachment's first line.
            let at = t.lines().position(|l| l.contains("托位4.5")).expect("line");
            assert_eq!(map[at], 14, "{t}");
        }
        // A workbook attached (by its type, or by its name) is read as its sheets.
        let mut xlsx = Vec::new();
        {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut xlsx));
            let opts = zip::write::SimpleFileOptions::default();
            for (name, body) in [
                (
                    "xl/workbook.xml",
                    r#"<workbook><sheets><sheet name="指标" r:id="rId1"/></sheets></workbook>"#,
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
                ),
                (
                    "xl/worksheets/sheet1.xml",
                    r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>托位</t></is></c><c r="B1"><v>4.5</v></c></row></sheetData></worksheet>"#,
                ),
            ] {
                z.start_file(name, opts).expect("entry");
                z.write_all(body.as_bytes()).expect("written");
            }
            z.finish().expect("zip");
        }
        let excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        for ctype in [excel, "application/octet-stream; name=\"x.xlsx\""] {
            let text = mail(ctype, &b64(&xlsx)).replace(".docx", ".xlsx");
            let (t, _) = read(&text).expect("a message");
            assert!(
                t.contains("转发方案") && t.contains("托位\t4.5"),
                "{ctype}: {t}"
            );
        }
        // A Word 97–2003 document attached (by its type, or by its name) is read as its text.
        let doc = include_bytes!("../../tests/word97/tanxi.doc");
        for ctype in [
            "application/msword",
            "application/octet-stream; name=\"x.doc\"",
        ] {
            let text = mail(ctype, &b64(doc)).replace(".docx", ".doc");
            let (t, _) = read(&text).expect("a message");
            assert!(
                t.contains("转发方案") && t.contains("檀政办发"),
                "{ctype}: {t}"
            );
        }
        // Near misses: an .xls attached (no zip package, no Word stream), a document not in
        // base64, bytes that are no zip.
        let sheet = mail("application/vnd.ms-excel", &b64(&docx)).replace(".docx", ".xls");
        let plain = mail(word, "UEsDBBQ").replace("Content-Transfer-Encoding: base64\n", "");
        let junk = mail(word, &b64(b"not a zip at all"));
        for text in [sheet, plain, junk] {
            let (t, _) = read(&text).expect("a message");
            assert!(t.contains("转发方案") && !t.contains("托位"), "{t}");
        }
    }

    #[test]
    fn each_line_points_at_the_line_it_comes_from() {
        let text = "From: a@b.cn\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n=E4=B8=80=\n=E4=BA=8C\n=E4=B8=89\n";
        let (t, map) = read(text).expect("a message");
        assert_eq!(t, "From: a@b.cn\n\n一二\n三\n\n");
        assert_eq!(map, vec![1, 6, 6, 8, 9]);
    }

    #[test]
    fn encoded_words_in_a_header() {
        assert_eq!(
            words("=?utf-8?b?5oyH?= =?utf-8?b?5qCH?= <a@b.cn>"),
            "指标 <a@b.cn>"
        );
        assert_eq!(words("=?gb2312?q?=CD=D0=CE=BB?="), "托位");
        assert_eq!(words("plain =? text"), "plain =? text");
    }
}
