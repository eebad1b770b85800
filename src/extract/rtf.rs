//! An RTF document (what WPS and Word write as 另存为 → RTF), read as the text it shows.
//!
//! Why it exists: an office that saves its plan as RTF hands over a file of ASCII in which every
//! Chinese character is a code-page escape (`\'c3\'bf` is 每 under `\ansicpg936`), every
//! paragraph ends `\par` and a table's cells end `\cell` and its rows `\row`; read as plain text
//! it holds no word a reader knows, and its control words are full of numbers that are no figures
//! (`\fs32`, `\cellx1900`, `\yr2023`). Here the groups no one sees (the font, colour and style
//! tables, `\info`, headers and footers, `\*` destinations, field instructions, pictures) are
//! dropped, escapes are decoded in the document's code page (`\ansicpg`; `\uN` as Unicode), a
//! paragraph is a line and a table row a line with a tab after each cell, so the readers after
//! this see what WPS shows: prose, and a tab-separated table.
//!
//! Each line of the result is mapped to the line of the source where it starts, so a draft's
//! `line` points at the document the user has. Bounded: one pass over the characters, the group
//! stack as deep as the document nests; a malformed escape or an unbalanced brace is skipped.

/// The document as text and, for each of its lines, the source line it starts on (1-based);
/// None when the text is no RTF document.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let body = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !body.starts_with("{\\rtf") {
        return None;
    }
    let mut r = Reader {
        out: String::with_capacity(text.len() / 4),
        lines: Vec::new(),
        line_start: None,
        bytes: Vec::new(),
        encoding: encoding_rs::GB18030,
    };
    // Each group: whether its text is hidden, and how many characters follow a `\uN` in place
    // of it (`\ucN`).
    let mut stack: Vec<(bool, usize)> = Vec::new();
    let (mut hidden, mut uc) = (false, 1usize);
    // Characters still to skip after a `\uN` (its stand-ins for readers without Unicode).
    let mut skip = 0usize;
    let chars: Vec<char> = text.chars().collect();
    let mut line = 1usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' => {
                r.flush();
                stack.push((hidden, uc));
                skip = 0;
                i += 1;
            }
            '}' => {
                r.flush();
                if let Some((h, u)) = stack.pop() {
                    hidden = h;
                    uc = u;
                }
                skip = 0;
                i += 1;
            }
            '\n' => {
                line += 1;
                i += 1;
            }
            '\r' => i += 1,
            '\\' => {
                let next = chars.get(i + 1).copied();
                match next {
                    Some('\'') => {
                        let hex: String = chars.iter().skip(i + 2).take(2).collect();
                        i += 2 + hex.chars().count();
                        if skip > 0 {
                            skip -= 1;
                        } else if let (false, Ok(b)) = (hidden, u8::from_str_radix(&hex, 16)) {
                            r.start(line);
                            r.bytes.push(b);
                        }
                    }
                    Some('*') => {
                        hidden = true;
                        i += 2;
                    }
                    Some(ch @ ('\\' | '{' | '}')) => {
                        if skip > 0 {
                            skip -= 1;
                        } else if !hidden {
                            r.push(ch, line);
                        }
                        i += 2;
                    }
                    Some('~') => {
                        if !hidden {
                            r.push(' ', line);
                        }
                        i += 2;
                    }
                    Some('\n' | '\r') => {
                        // A backslash ending a line is a paragraph mark.
                        if !hidden {
                            r.newline(line);
                        }
                        i += 1;
                    }
                    Some(ch) if ch.is_ascii_alphabetic() => {
                        let start = i + 1;
                        let mut k = start;
                        while k < chars.len() && chars[k].is_ascii_alphabetic() {
                            k += 1;
                        }
                        let word: String = chars[start..k].iter().collect();
                        let n0 = k;
                        if k < chars.len() && chars[k] == '-' {
                            k += 1;
                        }
                        while k < chars.len() && chars[k].is_ascii_digit() {
                            k += 1;
                        }
                        let param: Option<i64> = (k > n0)
                            .then(|| chars[n0..k].iter().collect::<String>().parse().ok())
                            .flatten();
                        // One space after a control word is its delimiter, no text.
                        if k < chars.len() && chars[k] == ' ' {
                            k += 1;
                        }
                        i = k;
                        match word.as_str() {
                            "u" => {
                                if let Some(n) = param {
                                    let code = if n < 0 { n + 65536 } else { n };
                                    if !hidden
                                        && let Some(ch) =
                                            u32::try_from(code).ok().and_then(char::from_u32)
                                    {
                                        r.push(ch, line);
                                    }
                                    skip = uc;
                                }
                                continue;
                            }
                            "uc" => uc = param.and_then(|n| usize::try_from(n).ok()).unwrap_or(1),
                            "ansicpg" => {
                                if let Some(e) = param.and_then(code_page) {
                                    r.encoding = e;
                                }
                            }
                            w if HIDDEN.contains(&w) => hidden = true,
                            _ if hidden => {}
                            "par" | "line" | "sect" | "page" | "row" | "nestrow" => r.newline(line),
                            "cell" | "nestcell" | "tab" => r.push('\t', line),
                            w => {
                                if let Some(&(_, ch)) = SYMBOLS.iter().find(|(n, _)| *n == w) {
                                    r.push(ch, line);
                                }
                            }
                        }
                        skip = 0;
                    }
                    _ => i += 1,
                }
            }
            _ => {
                if skip > 0 {
                    skip -= 1;
                } else if !hidden {
                    r.push(c, line);
                }
                i += 1;
            }
        }
    }
    r.flush();
    // The last line (empty after a final `\par`) stands for where the document ends.
    let at = r.line_start.unwrap_or(line);
    r.lines.push(at);
    Some((r.out, r.lines))
}

/// Destinations whose text no reader sees.
const HIDDEN: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "object",
    "filetbl",
    "revtbl",
    "pgdsctbl",
    "bkmkstart",
    "bkmkend",
];

/// Control words that stand for a character.
const SYMBOLS: &[(&str, char)] = &[
    ("emdash", '—'),
    ("endash", '–'),
    ("lquote", '‘'),
    ("rquote", '’'),
    ("ldblquote", '“'),
    ("rdblquote", '”'),
    ("bullet", '•'),
    ("emspace", ' '),
    ("enspace", ' '),
    ("qmspace", ' '),
];

/// The encoding of a Windows code page an RTF document declares (`\ansicpg936`).
fn code_page(n: i64) -> Option<&'static encoding_rs::Encoding> {
    Some(match n {
        936 | 54936 => encoding_rs::GB18030,
        950 => encoding_rs::BIG5,
        65001 => encoding_rs::UTF_8,
        1252 => encoding_rs::WINDOWS_1252,
        _ => return None,
    })
}

struct Reader {
    out: String,
    /// For each finished line, the source line it starts on.
    lines: Vec<usize>,
    /// The source line the line being written starts on, once it has any text.
    line_start: Option<usize>,
    /// Code-page bytes (`\'xx`) waiting to be decoded together: a double-byte character is two.
    bytes: Vec<u8>,
    encoding: &'static encoding_rs::Encoding,
}

impl Reader {
    fn start(&mut self, line: usize) {
        self.line_start.get_or_insert(line);
    }

    fn flush(&mut self) {
        if !self.bytes.is_empty() {
            let (text, _, _) = self.encoding.decode(&self.bytes);
            self.out.push_str(&text);
            self.bytes.clear();
        }
    }

    fn push(&mut self, c: char, line: usize) {
        self.flush();
        self.start(line);
        self.out.push(c);
    }

    fn newline(&mut self, line: usize) {
        self.flush();
        // A row's last cell leaves a tab before the row's end.
        if self.out.ends_with('\t') {
            self.out.pop();
        }
        self.out.push('\n');
        let at = self.line_start.take().unwrap_or(line);
        self.lines.push(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        plain_lines(text).map(|(t, _)| t)
    }

    #[test]
    fn an_rtf_document_is_the_text_it_shows() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "GBK escapes, hidden tables and info, a paragraph a line",
                "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}\r\n{\\colortbl;\\red0\\green0\\blue0;}\r\n{\\info{\\creatim\\yr2023\\mo9\\dy26}{\\nofpages6}}\r\n\\paperw11906\\margl1587\r\n\\pard\\plain\\qj\\fi640{\\f3\\fs32 2022\\'c4\\'ea\\'a3\\'ac3.5\\'b8\\'f6}\\par\r\n}",
                Some("2022年，3.5个\n"),
            ),
            (
                "a table row: a tab after each cell, the row a line; an empty merged cell",
                "{\\rtf1\\ansicpg936\n\\trowd\\cellx700\\clvmrg\\cellx1900\n\\pard\\intbl{1}\\cell\\pard\\intbl{}\\cell\\pard\\intbl{3.5}\\cell\\row\n}",
                Some("1\t\t3.5\n"),
            ),
            (
                "\\u with its stand-in skipped, \\* destinations, a footer, escaped braces",
                "{\\rtf1\\ansi\\uc1 {\\*\\generator WPS Office;}\\u8805?90\\'25 \\{x\\}{\\footer\\pard PAGE 1\\par}\\par}",
                Some("≥90% {x}\n"),
            ),
            (
                "plain text is no RTF",
                "一、发展基础\n2022年，3.5个。",
                None,
            ),
            ("nor a mention of one", "附件 {\\rtf1} 见下", None),
        ];
        for (what, text, want) in cases {
            assert_eq!(read(text).as_deref(), *want, "{what}");
        }
    }

    #[test]
    fn lines_map_to_where_they_start_and_broken_input_does_not_panic() {
        let (t, lines) = plain_lines(
            "{\\rtf1\\ansicpg936\n{\\fonttbl{\\f0 x;}}\n\\pard a\\par\n\\pard b\\par\n}",
        )
        .unwrap();
        assert_eq!(t, "a\nb\n");
        assert_eq!(lines, vec![3, 4, 5]);
        for broken in [
            "{\\rtf1 }}}\\'zz\\'",
            "{\\rtf1 \\u-3913?\\u99999999999999999999 x",
            "{\\rtf",
            "{\\rtf1\\uc9999999999 \\u20320 abc",
        ] {
            let _ = plain_lines(broken);
        }
    }
}
