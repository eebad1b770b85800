//! A dataset a web system answers in JSON, read as the table it was made from: each array of
//! objects (`"rows": [{"指标名称": …, "2025年目标值": "4.6", …}, …]`) becomes a tab-separated
//! table whose header is the objects' keys and whose rows are their values, and the dataset's
//! words around it (`"资源名称"`, `"依据文件": "…的通知（舟定政办发〔2023〕44号）"`) become lines of
//! their own, so the readers find the plan's title, 文号 and indicator table where they look.
//!
//! Why it exists: the province's public-data platform, a county's 七优享 application and a
//! statistics system hand their indicator table out as JSON (an API's answer saved from the
//! browser, a download). As it stands it is no table: a figure's column is the key on its line,
//! and an envelope's numbers (`"code": 200`, `"total": 8`, `"pageSize": 20`, a timestamp) stand
//! beside them. Read as the table a person would make of it, each figure sits under its header.
//! Numbers are kept as printed (`3.82` stays `3.82`: no float in between), keys in their order.
//! The envelope's numbers and ASCII words (codes, ids, times) are left out: none of them is a
//! statement of the plan; `null` is an empty cell. `validate` reads a source through the same
//! pass ([`super::markup::plain`]), so what a draft quotes from the table is found there.
//!
//! Each line of the result is mapped to the line of the text it stands for (a row to the line its
//! object opens on), so a draft's `line` points at the document the user has.
//!
//! Bounded: one pass over the text; nesting deeper than [`MAX_DEPTH`] is no dataset (left as
//! printed).

/// The deepest nesting read; a deeper document is left as printed.
const MAX_DEPTH: usize = 32;

/// A JSON value as printed: a number keeps its text, an object its keys' order.
enum Value {
    Null,
    Bool,
    Number(String),
    Text(String),
    List(Vec<(usize, Value)>),
    Object(Vec<(String, Value)>),
}

/// A reader over the characters, counting lines (1-based) for the map back to the source.
struct Reader<'a> {
    chars: &'a [char],
    at: usize,
    line: usize,
}

impl Reader<'_> {
    fn space(&mut self) {
        while let Some(&c) = self.chars.get(self.at) {
            match c {
                '\n' => self.line += 1,
                // Any white space between tokens: a viewer's copy indents with no-break or
                // full-width spaces, a printed page ends with a form feed.
                c if c.is_whitespace() || c == '\u{feff}' => {}
                _ => return,
            }
            self.at += 1;
        }
    }

    /// Whether `c` (or its full-width twin: `，` `：` typed in a Chinese input mode) is next, and
    /// if so steps over it.
    fn eat(&mut self, c: char) -> bool {
        self.space();
        let here = self
            .chars
            .get(self.at)
            .is_some_and(|&h| h == c || h as u32 == c as u32 + 0xFEE0);
        if here {
            self.at += 1;
        }
        here
    }

    fn word(&mut self, w: &str) -> bool {
        let n = w.chars().count();
        let here = self
            .chars
            .get(self.at..self.at + n)
            .is_some_and(|s| s.iter().copied().eq(w.chars()));
        if here {
            self.at += n;
        }
        here
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match *self.chars.get(self.at)? {
            '{' => {
                self.at += 1;
                let mut fields = Vec::new();
                if self.eat('}') {
                    return Some(Value::Object(fields));
                }
                loop {
                    self.space();
                    let key = self.text()?;
                    if !self.eat(':') {
                        return None;
                    }
                    fields.push((key, self.value(depth + 1)?));
                    if self.eat('}') {
                        return Some(Value::Object(fields));
                    }
                    if !self.eat(',') {
                        return None;
                    }
                }
            }
            '[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(']') {
                    return Some(Value::List(items));
                }
                loop {
                    self.space();
                    let line = self.line;
                    items.push((line, self.value(depth + 1)?));
                    if self.eat(']') {
                        return Some(Value::List(items));
                    }
                    if !self.eat(',') {
                        return None;
                    }
                }
            }
            '"' => self.text().map(Value::Text),
            't' => self.word("true").then_some(Value::Bool),
            'f' => self.word("false").then_some(Value::Bool),
            'n' => self.word("null").then_some(Value::Null),
            c if c == '-' || c.is_ascii_digit() => {
                let start = self.at;
                while self
                    .chars
                    .get(self.at)
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
                {
                    self.at += 1;
                }
                Some(Value::Number(self.chars[start..self.at].iter().collect()))
            }
            _ => None,
        }
    }

    /// A string at the reader (its opening quote next), escapes read.
    fn text(&mut self) -> Option<String> {
        if self.chars.get(self.at) != Some(&'"') {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let c = *self.chars.get(self.at)?;
            self.at += 1;
            match c {
                '"' => return Some(out),
                '\n' => return None,
                '\\' => {
                    let e = *self.chars.get(self.at)?;
                    self.at += 1;
                    match e {
                        'n' | 'r' | 't' => out.push(' '),
                        'b' | 'f' => {}
                        'u' => {
                            let hex: String =
                                self.chars.get(self.at..self.at + 4)?.iter().collect();
                            self.at += 4;
                            let unit = u32::from_str_radix(&hex, 16).ok()?;
                            // A surrogate pair's halves: the character they make, or nothing.
                            if (0xD800..0xDC00).contains(&unit) && self.word("\\u") {
                                let low: String =
                                    self.chars.get(self.at..self.at + 4)?.iter().collect();
                                self.at += 4;
                                let low = u32::from_str_radix(&low, 16).ok()?;
                                let c = 0x10000
                                    + ((unit - 0xD800) << 10)
                                    + (low.wrapping_sub(0xDC00) & 0x3FF);
                                out.extend(char::from_u32(c));
                            } else {
                                out.extend(char::from_u32(unit));
                            }
                        }
                        e => out.push(e),
                    }
                }
                c => out.push(c),
            }
        }
    }
}

/// Whether a text holds a CJK ideograph (the words of a plan, not a code, id or time).
fn has_words(s: &str) -> bool {
    s.chars().any(super::scan::is_cjk)
}

/// A value as a table's cell prints it: a string's text (its tabs and breaks as spaces), a
/// number as printed; nothing for `null`, `true`, `false` and anything nested.
fn cell(v: &Value) -> String {
    match v {
        Value::Text(s) => s.replace(['\t', '\n', '\r'], " ").trim().to_string(),
        Value::Number(n) => n.clone(),
        _ => String::new(),
    }
}

/// Whether a list is a table's rows: two or more objects, their values strings, numbers or null,
/// at least one of them words (a list of ids or coordinates is no table).
fn is_rows(items: &[(usize, Value)]) -> bool {
    items.len() >= 2
        && items.iter().all(|(_, v)| {
            matches!(v, Value::Object(f) if f.iter().all(|(_, v)| !matches!(v, Value::List(_) | Value::Object(_))))
        })
        && items.iter().any(|(_, v)| {
            matches!(v, Value::Object(f) if f.iter().any(|(_, v)| matches!(v, Value::Text(s) if has_words(s))))
        })
}

/// Lays out `v` (met on `line`) as lines with their source lines: a list of rows a table, a
/// string with words a line of its own, everything else by what it holds.
fn lay_out(v: &Value, line: usize, out: &mut Vec<(String, usize)>) {
    match v {
        Value::Text(s) if has_words(s) => out.push((cell(v), line)),
        Value::List(items) if is_rows(items) => {
            let mut keys: Vec<&str> = Vec::new();
            for (_, item) in items {
                if let Value::Object(fields) = item {
                    for (k, _) in fields {
                        if !keys.contains(&k.as_str()) {
                            keys.push(k);
                        }
                    }
                }
            }
            out.push((keys.join("\t"), items[0].0));
            for (l, item) in items {
                if let Value::Object(fields) = item {
                    let row: Vec<String> = keys
                        .iter()
                        .map(|k| {
                            fields
                                .iter()
                                .find(|(f, _)| f == k)
                                .map_or_else(String::new, |(_, v)| cell(v))
                        })
                        .collect();
                    out.push((row.join("\t"), *l));
                }
            }
        }
        Value::List(items) => {
            for (l, item) in items {
                lay_out(item, *l, out);
            }
        }
        Value::Object(fields) => {
            for (_, v) in fields {
                lay_out(v, line, out);
            }
        }
        _ => {}
    }
}

/// The text read as its dataset (see the module's doc) and, for each of its lines, the line of
/// `text` it stands for (1-based); None when the text is no JSON or holds no table of rows.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !start.starts_with(['{', '[']) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut r = Reader {
        chars: &chars,
        at: 0,
        line: 1,
    };
    let v = r.value(0)?;
    r.space();
    if r.at < chars.len() {
        return None;
    }
    let mut out = Vec::new();
    // The lines a string's value is met on: a field's own line (found by its text after the
    // last line laid out), so a title or a 文号 points where the user sees it.
    lay_out(&v, 1, &mut out);
    if !out.iter().any(|(l, _)| l.contains('\t')) {
        return None;
    }
    let source: Vec<&str> = text.split('\n').collect();
    let mut from = 0;
    let mut lines = Vec::with_capacity(out.len());
    let mut body = String::new();
    for (l, at) in &out {
        let found = if l.contains('\t') {
            *at
        } else {
            source
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, s)| s.contains(l.as_str()))
                .map_or(*at, |(k, _)| k + 1)
        };
        from = found.saturating_sub(1);
        lines.push(found);
        body.push_str(l);
        body.push('\n');
    }
    Some((body, lines))
}

/// Whether a document is a JSON dataset this reader lays out as a table (`extract` reads it
/// rather than refusing JSON).
pub(crate) fn is_dataset(text: &str) -> bool {
    // Read as `markup::plain_lines` reads it: full-width digits, no-break spaces.
    let folded = super::markup::folded(text);
    plain_lines(folded.as_deref().unwrap_or(text)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dataset_read_as_its_table() {
        let text = "{\n  \"code\": 200,\n  \"data\": {\n    \"依据文件\": \"关于印发某区方案的通知（某政办发〔2023〕4号）\",\n    \"total\": 2,\n    \"rows\": [\n      {\n        \"指标名称\": \"托位数\",\n        \"基期值（2022年）\": \"3.5\",\n        \"2027年目标值\": 5.50\n      },\n      {\n        \"指标名称\": \"普惠\\u6258位占比\",\n        \"基期值（2022年）\": null,\n        \"2027年目标值\": \"≥70\"\n      }\n    ]\n  },\n  \"timestamp\": 1700447565123\n}\n";
        let (body, lines) = plain_lines(text).expect("a dataset");
        assert_eq!(
            body,
            "关于印发某区方案的通知（某政办发〔2023〕4号）\n指标名称\t基期值（2022年）\t2027年目标值\n托位数\t3.5\t5.50\n普惠托位占比\t\t≥70\n"
        );
        assert_eq!(lines, vec![4, 7, 7, 12]);
        assert!(is_dataset(text));
    }

    #[test]
    fn no_dataset_left_as_it_is() {
        for text in [
            // Not JSON, broken JSON, JSON with no rows of words, one row, too deep.
            "到2025年，托位数达到4.5个。",
            "{\"rows\": [{\"指标\": \"托位\"}, {\"指标\": \"普惠\"}",
            "[{\"id\": 1, \"v\": 2}, {\"id\": 2, \"v\": 3}]",
            "{\"rows\": [{\"指标名称\": \"托位数\", \"目标\": 5}]}",
            "{\"a\": [{\"指标\": \"托位\"}, {\"指标\": \"普惠\"}]} trailing",
            &format!("{}{}", "[".repeat(100), "]".repeat(100)),
            "[\"\\ud800\\u",
            "{\"x\": \"\\u12\"}",
        ] {
            assert!(plain_lines(text).is_none(), "{text}");
        }
    }
}
