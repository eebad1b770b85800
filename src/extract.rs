//! Drafts a plan from a document's prose: finds every sentence that fixes a number, reads the
//! number with the same threshold parser that checks encoded plans, and says which catalog
//! indicator it most likely is.
//!
//! Why it exists: an encoder reads 30 000 characters to find the eighty-odd clauses that set a
//! target, and the documents state more targets in their prose than in their tables. Finding them
//! mechanically turns that search into a list to settle. It is a draft, not an encoding: whatever
//! it is unsure of is marked for a person to decide, and it never guesses a catalog id silently.
//!
//! The document is plain text as copied from a government web page: one long paragraph, or one
//! table cell a line, with `|` debris. Nothing here depends on line structure except the tables.

use crate::plan::schema::{Domain, Scope};
use crate::plan::{CatalogIndex, name_key};
use crate::threshold::{Better, Op, Threshold};
use crate::unit::{Unit, unit_prefix_len};
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

/// Decodes a document: UTF-8 (with or without BOM) first, else GB18030, which is what GBK files
/// from Windows machines in China are.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// Removes the web pages' table debris (runs of five or more `|`), as the quote checker does,
/// so that a quote copied from the cleaned text is found in the source.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut bars = 0;
    for c in text.chars() {
        if c == '|' {
            bars += 1;
            continue;
        }
        if bars > 0 && bars < 5 {
            out.extend(std::iter::repeat_n('|', bars));
        }
        bars = 0;
        out.push(c);
    }
    if bars > 0 && bars < 5 {
        out.extend(std::iter::repeat_n('|', bars));
    }
    out
}

/// Whether a number is something to reach, or a figure the document reports as already reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Target,
    /// A past figure (十三五 results, 2023年 achievements, 已建成, 较…提高): offered as a baseline.
    Baseline,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Target => "target",
            Kind::Baseline => "baseline",
        }
    }
}

/// One number the document commits to (or reports), with everything needed to encode it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub kind: Kind,
    /// The indicator as the sentence names it (the words around the number).
    pub indicator: String,
    /// The year: stated in the sentence, or the plan's end year (then `year_stated` is false).
    pub year: Option<i32>,
    pub year_stated: bool,
    /// As read: [`Op::Reach`] for a bare number or 达到X, resolved only against the catalog.
    pub op: Op,
    pub value: Option<Decimal>,
    pub high: Option<Decimal>,
    pub unit: Option<String>,
    pub scope: Scope,
    /// The prose phrase, verbatim: `达到5.55个以上`.
    pub text: Option<String>,
    /// The verbatim clause holding `text`.
    pub quote: Option<String>,
    /// A table cell as printed, and the whole row (cells joined by single spaces).
    pub cell: Option<String>,
    pub table: Option<String>,
    pub row: Option<String>,
    pub lead: Option<String>,
    pub domain: Option<Domain>,
    /// The section heading as printed (or the domain it names).
    pub area: Option<String>,
    /// `二、(一)2`.
    pub section: Option<String>,
    /// 1-based line of the document.
    pub line: usize,
    /// What a person must settle about the number itself (catalog questions come later).
    pub doubts: Vec<String>,
}

impl Candidate {
    fn blank(line: usize) -> Candidate {
        Candidate {
            kind: Kind::Target,
            indicator: String::new(),
            year: None,
            year_stated: false,
            op: Op::Reach,
            value: None,
            high: None,
            unit: None,
            scope: Scope::Level,
            text: None,
            quote: None,
            cell: None,
            table: None,
            row: None,
            lead: None,
            domain: None,
            area: None,
            section: None,
            line,
            doubts: Vec::new(),
        }
    }

    pub(crate) fn source(&self) -> &'static str {
        if self.cell.is_some() {
            "table"
        } else {
            "prose"
        }
    }
}

/// What the document says about itself, for the draft's header.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DocInfo {
    pub title: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
    /// `implementation`, `work-points` or `five-year-plan`.
    pub kind: Option<&'static str>,
    pub jurisdiction: Option<String>,
    pub start: Option<i32>,
    pub end: Option<i32>,
}

/// The result of reading one document.
#[derive(Debug, Clone)]
pub(crate) struct Extraction {
    pub info: DocInfo,
    pub candidates: Vec<Candidate>,
}

// ---------------------------------------------------------------------------------------------
// Characters and small scanners
// ---------------------------------------------------------------------------------------------

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

fn ends_with_at(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && starts_with(chars, end - n, word)
}

const CN_NUMERALS: &str = "一二三四五六七八九十";

/// Operator words the threshold parser reads before a number (its own list, so that the two
/// never disagree); the longest match wins.
static OP_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::threshold::WORD_OPS.iter().map(|(w, _)| *w).collect());

/// Words after the number that set the operator (Civil Code art. 1259), as the parser reads them.
static SUFFIX_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::threshold::SUFFIXES.iter().map(|(w, _)| *w).collect());

/// Counting words qyx has no unit for; a number with one of them is still a target, and the
/// person settling the draft decides the unit.
const EXTRA_CLASSIFIERS: &[&str] = &[
    "片", "亩", "公顷", "吨", "株", "棵", "本", "幢", "栋", "艘", "份", "节", "课时", "学时", "门",
    "期", "轮", "届", "组", "队",
];

const RANGE_SEPARATORS: &[char] = &['—', '–', '-', '－', '~', '～', '至'];

/// The seven 七优享 domains, as section headings name them.
const DOMAIN_NAMES: [(&str, Domain); 7] = [
    ("幼有善育", Domain::幼有善育),
    ("学有优教", Domain::学有优教),
    ("劳有所得", Domain::劳有所得),
    ("病有良医", Domain::病有良医),
    ("老有康养", Domain::老有康养),
    ("住有宜居", Domain::住有宜居),
    ("弱有众扶", Domain::弱有众扶),
];

fn domain_in(s: &str) -> Option<Domain> {
    DOMAIN_NAMES
        .iter()
        .find(|(n, _)| s.contains(n))
        .map(|(_, d)| *d)
}

/// Reads a decimal at `i`: digits, an optional fraction (OCR may put spaces around the dot:
/// `94. 5`), thousands separators. Returns the end and the value.
fn scan_number(chars: &[char], i: usize) -> Option<(usize, Decimal)> {
    let mut j = i;
    let mut text = String::new();
    while j < chars.len() {
        let c = chars[j];
        if is_digit(c) {
            text.push(if c.is_ascii_digit() {
                c
            } else {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            });
            j += 1;
        } else if (c == '.' || c == '．') && !text.contains('.') && !text.is_empty() {
            let mut k = j + 1;
            while chars.get(k).is_some_and(|x| *x == ' ') {
                k += 1;
            }
            if chars.get(k).copied().is_some_and(is_digit) {
                text.push('.');
                j = k;
            } else {
                break;
            }
        } else if c == ','
            && !text.contains('.')
            && !text.is_empty()
            && chars.len() >= j + 4
            && chars[j + 1..j + 4].iter().all(|x| x.is_ascii_digit())
            && chars.get(j + 4).is_none_or(|x| !x.is_ascii_digit())
        {
            j += 1;
        } else {
            break;
        }
    }
    if text.is_empty() {
        return None;
    }
    Decimal::from_str(&text).ok().map(|d| (j, d))
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| *c == ' ' || *c == '\u{3000}') {
        i += 1;
    }
    i
}

/// The longest of `words` that starts at `i`.
fn word_at<'w>(chars: &[char], i: usize, words: &[&'w str]) -> Option<&'w str> {
    words
        .iter()
        .filter(|w| starts_with(chars, i, w))
        .max_by_key(|w| w.chars().count())
        .copied()
}

/// A number with what belongs to it: unit, range, suffix.
#[derive(Debug, Clone)]
struct Span {
    /// Where the operator word starts (or the number, without one).
    start: usize,
    num_start: usize,
    /// Just after the suffix (or unit, or number).
    end: usize,
    op_word: Option<&'static str>,
    value: Decimal,
    high: Option<Decimal>,
    unit: Option<String>,
    /// The unit is one qyx does not know (`片`): the parser cannot read it.
    unknown_unit: bool,
    suffix: Option<&'static str>,
}

fn scan_unit(chars: &[char], i: usize) -> Option<(usize, String, bool)> {
    let rest = collect(&chars[i..chars.len().min(i + 8)]);
    if let Some(len) = unit_prefix_len(&rest) {
        let u = &rest[..len];
        return Some((i + u.chars().count(), u.to_string(), false));
    }
    // A magnitude alone (`100万`) or a counting word qyx does not know (`10片`).
    let mut j = i;
    let mut u = String::new();
    if let Some(m) = word_at(chars, j, &["万", "亿", "千"]) {
        u.push_str(m);
        j += 1;
    }
    if let Some(w) = word_at(chars, j, EXTRA_CLASSIFIERS) {
        u.push_str(w);
        j += w.chars().count();
    }
    if u.is_empty() {
        None
    } else {
        Some((j, u, true))
    }
}

fn scan_span(chars: &[char], num_start: usize) -> Option<Span> {
    let (mut end, value) = scan_number(chars, num_start)?;
    let mut unit = None;
    let mut unknown_unit = false;
    let mut high = None;
    let k = skip_spaces(chars, end);
    if let Some((e, u, unknown)) = scan_unit(chars, k) {
        end = e;
        unit = Some(u);
        unknown_unit = unknown;
    }
    // A range: `2—3个`, `80%—85%`, `1-2所`.
    if chars.get(end).is_some_and(|c| RANGE_SEPARATORS.contains(c)) {
        let k = skip_spaces(chars, end + 1);
        if let Some((e, h)) = scan_number(chars, k)
            && h > value
        {
            high = Some(h);
            end = e;
            let k = skip_spaces(chars, end);
            if let Some((e, u, unknown)) = scan_unit(chars, k) {
                end = e;
                if unit.is_none() {
                    unit = Some(u);
                    unknown_unit = unknown;
                }
            }
        }
    }
    let k = skip_spaces(chars, end);
    let suffix = word_at(chars, k, &SUFFIX_WORDS);
    if let Some(s) = suffix {
        end = k + s.chars().count();
    }
    // The operator word just before the number.
    let mut start = num_start;
    let mut op_word = None;
    let before = {
        let mut b = num_start;
        while b > 0 && chars[b - 1] == ' ' {
            b -= 1;
        }
        b
    };
    if let Some(w) = OP_WORDS
        .iter()
        .filter(|w| ends_with_at(chars, before, w))
        .max_by_key(|w| w.chars().count())
    {
        let s = before - w.chars().count();
        // 为 only after the name of a quantity (率为, 数为), not in 成为/作为/认定为.
        let ok = *w != "为" || (s > 0 && !"成作认定改分视列称".chars().any(|x| x == chars[s - 1]));
        if ok {
            start = s;
            op_word = Some(*w);
        }
    }
    Some(Span {
        start,
        num_start,
        end,
        op_word,
        value,
        high,
        unit,
        unknown_unit,
        suffix,
    })
}

/// Which bracket pairs enclose position `i` of a sentence: a number inside “…”, 《…》 or 〔…〕
/// is part of a name or a document number, not a target.
fn enclosed(chars: &[char], i: usize) -> bool {
    let pairs = [
        ('“', '”'),
        ('《', '》'),
        ('〔', '〕'),
        ('"', '"'),
        ('【', '】'),
    ];
    pairs.iter().any(|(open, close)| {
        if open == close {
            chars[..i].iter().filter(|c| *c == open).count() % 2 == 1
        } else {
            let last_open = chars[..i].iter().rposition(|c| c == open);
            let last_close = chars[..i].iter().rposition(|c| c == close);
            match (last_open, last_close) {
                (Some(o), Some(c)) => o > c,
                (Some(_), None) => true,
                _ => false,
            }
        }
    })
}

/// Nouns that make a count a description (`5种模式为主`, `25条举措`) rather than a commitment.
const ABSTRACT_NOUNS: &[&str] = &[
    "模式",
    "举措",
    "措施",
    "方式",
    "原则",
    "机制",
    "要求",
    "方面",
    "环节",
    "步骤",
    "大类",
    "领域",
    "省级地方标准",
];

/// Why a number is not a target, or `None` when it may be one.
fn not_a_target(chars: &[char], span: &Span) -> Option<&'static str> {
    let i = span.num_start;
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(span.end).copied();
    let after_num = chars
        .get(skip_spaces(chars, scan_number(chars, i).map_or(i, |x| x.0)))
        .copied();
    if prev == Some('第') {
        return Some("ordinal");
    }
    if prev.is_some_and(|c| c == '月' || c == '年')
        && after_num.is_some_and(|c| "日号月".contains(c))
    {
        return Some("date");
    }
    if prev.is_some_and(|c| c.is_ascii_alphabetic())
        || next.is_some_and(|c| c.is_ascii_alphabetic())
    {
        return Some("part of a code (PM2.5, 5G)");
    }
    if prev.is_some_and(|c| c == '+' || c == '＋')
        || after_num.is_some_and(|c| c == '+' || c == '＋')
    {
        return Some("scheme name (5+X)");
    }
    if after_num.is_some_and(|c| c == ':' || c == '：')
        || prev.is_some_and(|c| c == ':' || c == '：') && i >= 2 && is_digit(chars[i - 2])
    {
        return Some("ratio or time");
    }
    if prev.is_some_and(|c| c == '(' || c == '（')
        && after_num.is_some_and(|c| c == ')' || c == '）')
    {
        return Some("list number");
    }
    if enclosed(chars, i) {
        return Some("inside a name, title or document number");
    }
    let year_like = span.value.scale() == 0 && (1900..=2100).contains(&span.value.mantissa());
    if year_like {
        let j = skip_spaces(chars, scan_number(chars, i).map_or(i, |x| x.0));
        match chars.get(j) {
            Some('年') | Some('-') | Some('—') | Some('－') | Some('/') | Some('.') => {
                return Some("date");
            }
            _ => {}
        }
    }
    if after_num.is_some_and(|c| "月日号时点期届批次".contains(c)) && span.unit.is_none() {
        return Some("date or number");
    }
    if span.unit.is_none() && span.op_word.is_none() && span.suffix.is_none() {
        return Some("bare number in prose");
    }
    // Ages and durations inside names: 3岁以下婴幼儿, 0-3岁, 15分钟公共服务圈.
    if let Some(u) = &span.unit
        && (u == "岁" || u == "分钟" || u == "小时" || u == "年")
        && span.op_word.is_none()
        && next.is_some_and(|c| is_cjk(c) || c == '“')
    {
        return Some("age or duration in a name");
    }
    if span.unit.as_deref() == Some("岁") && span.high.is_some() {
        return Some("age range");
    }
    // `5种模式`, `25条举措`, `3个省级地方标准`: a count inside a description, not a commitment.
    if span.op_word.is_none() {
        let rest = collect(&chars[span.end..chars.len().min(span.end + 12)]);
        let head: String = rest
            .chars()
            .take_while(|c| !"，,；;。：:".contains(*c))
            .collect();
        if ABSTRACT_NOUNS
            .iter()
            .any(|n| head.starts_with(n) || head.ends_with(n))
        {
            return Some("count in a description");
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Headings and sentences
// ---------------------------------------------------------------------------------------------

/// A heading marker at `i`: level 1 `二、`, level 2 `(一)`, level 3 `1.`; with its length.
fn heading_at(chars: &[char], i: usize) -> Option<(u8, usize, String)> {
    let c = *chars.get(i)?;
    if CN_NUMERALS.contains(c) {
        let mut j = i;
        while chars.get(j).is_some_and(|x| CN_NUMERALS.contains(*x)) {
            j += 1;
        }
        if chars.get(j) == Some(&'、') && j - i <= 2 {
            return Some((1, j + 1 - i, collect(&chars[i..=j])));
        }
        return None;
    }
    if c == '(' || c == '（' {
        let mut j = i + 1;
        while chars.get(j).is_some_and(|x| CN_NUMERALS.contains(*x)) {
            j += 1;
        }
        if j > i + 1 && j - i <= 3 && matches!(chars.get(j), Some(')') | Some('）')) {
            return Some((2, j + 1 - i, format!("({})", collect(&chars[i + 1..j]))));
        }
        return None;
    }
    if c.is_ascii_digit() {
        let mut j = i;
        while chars.get(j).is_some_and(char::is_ascii_digit) {
            j += 1;
        }
        if j - i <= 2
            && matches!(chars.get(j), Some('.') | Some('．') | Some('、'))
            && chars
                .get(j + 1)
                .is_some_and(|x| !x.is_ascii_digit() && !is_space(*x) && *x != '%')
        {
            return Some((3, j + 1 - i, collect(&chars[i..j])));
        }
    }
    None
}

/// The headings above the current sentence.
#[derive(Debug, Clone, Default)]
struct Outline {
    l1: Option<(String, String)>,
    l2: Option<(String, String)>,
    l3: Option<String>,
}

impl Outline {
    fn enter(&mut self, level: u8, marker: String, title: String) {
        match level {
            1 => {
                self.l1 = Some((marker, title));
                self.l2 = None;
                self.l3 = None;
            }
            2 => {
                self.l2 = Some((marker, title));
                self.l3 = None;
            }
            _ => self.l3 = Some(marker),
        }
    }

    fn section(&self) -> Option<String> {
        let mut s = String::new();
        if let Some((m, _)) = &self.l1 {
            s.push_str(m);
        }
        if let Some((m, _)) = &self.l2 {
            s.push_str(m);
        }
        if let Some(m) = &self.l3 {
            s.push_str(m);
        }
        (!s.is_empty()).then_some(s)
    }

    fn domain(&self) -> Option<Domain> {
        self.l2
            .as_ref()
            .and_then(|(_, t)| domain_in(t))
            .or_else(|| self.l1.as_ref().and_then(|(_, t)| domain_in(t)))
    }

    /// The area as the plan names it: the domain a heading names, else the words of a heading
    /// under the tasks (三、重点领域 (一)婴幼儿照护服务); 发展目标 and the like are not areas.
    fn area(&self) -> Option<String> {
        if let Some(d) = self.domain() {
            return Some(d.zh().to_string());
        }
        let tasks = self
            .l1
            .as_ref()
            .is_some_and(|(_, t)| ["任务", "领域", "重点"].iter().any(|w| t.contains(w)));
        self.l2.as_ref().filter(|_| tasks).map(|(_, t)| t.clone())
    }

    /// Under a heading about what was achieved (一、发展背景 (一)总体成效).
    fn past(&self) -> bool {
        const PAST: &[&str] = &["成效", "背景", "基础", "回顾", "现状", "进展", "成就"];
        // The innermost heading decides: 一、发展背景 holds both (一)总体成效 and (二)发展环境.
        self.l2
            .as_ref()
            .or(self.l1.as_ref())
            .is_some_and(|(_, t)| PAST.iter().any(|p| t.contains(p)))
    }
}

/// The title after a heading marker: up to the first stop, bracket or space.
fn heading_title(chars: &[char], from: usize) -> String {
    let end = chars[from..]
        .iter()
        .position(|c| "。(（ :：,，".contains(*c) || is_space(*c))
        .map_or(chars.len(), |p| from + p);
    collect(&chars[from..end]).trim().to_string()
}

struct Sentence {
    chars: Vec<char>,
    line: usize,
}

/// Longer than any real sentence: the plans' longest is a few hundred characters.
const MAX_SENTENCE: usize = 1000;

/// Splits a line into sentences at 。！？ and before a heading marker that follows a space. A
/// semicolon only ends a clause: 到2027年 at the head of a sentence governs what follows it.
fn sentences(line: &str, line_no: usize) -> Vec<Sentence> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<Sentence>| {
        let s: Vec<char> = chars[from..to].to_vec();
        let a = s.iter().position(|c| !is_space(*c));
        if let Some(a) = a {
            let b = s.iter().rposition(|c| !is_space(*c)).unwrap_or(a);
            out.push(Sentence {
                chars: s[a..=b].to_vec(),
                line: line_no,
            });
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if "。！？!?".contains(c) {
            push(start, i + 1, &mut out);
            start = i + 1;
        } else if i - start >= MAX_SENTENCE {
            // Text with no full stop (a dump, a broken page) is cut, so that reading stays linear.
            push(start, i, &mut out);
            start = i;
        } else if i > 0 && is_space(chars[i - 1]) && heading_at(&chars, i).is_some() {
            push(start, i, &mut out);
            start = i;
        }
        i += 1;
    }
    push(start, chars.len(), &mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Years, scope, past figures
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearHow {
    /// 到2027年, 至2025年, 力争于2024年, 2024年底前: a deadline.
    By,
    /// A bare 2024年: the year the sentence is about.
    Bare,
    /// 截至2023年: the year a past figure describes.
    Past,
    /// 较2022年, 比2020年: the year a change is measured from, not the figure's year.
    Compare,
}

/// Every year expression in `chars[..end]`: (position, year, how).
fn years_before(chars: &[char], end: usize) -> Vec<(usize, i32, YearHow)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < end {
        if is_digit(chars[i]) && (i == 0 || !is_digit(chars[i - 1]) && chars[i - 1] != '.') {
            let Some((j, v)) = scan_number(chars, i) else {
                i += 1;
                continue;
            };
            let k = skip_spaces(chars, j);
            let is_year = v.scale() == 0
                && (1990..=2100).contains(&v.mantissa())
                && chars.get(k) == Some(&'年')
                && chars.get(k + 1) != Some(&'度')
                && !enclosed(chars, i)
                && !(i >= 1 && RANGE_SEPARATORS.contains(&chars[i - 1]));
            if is_year && k < end {
                let y = v.mantissa() as i32;
                let how = if ["截至", "截止"].iter().any(|w| ends_with_at(chars, i, w)) {
                    YearHow::Past
                } else if ["较", "比", "相比"]
                    .iter()
                    .any(|w| ends_with_at(chars, i, w))
                {
                    YearHow::Compare
                } else if ["到", "至", "于", "在", "力争", "争取"]
                    .iter()
                    .any(|w| ends_with_at(chars, i, w))
                    || ["底前", "前", "年底前"]
                        .iter()
                        .any(|w| starts_with(chars, k + 1, w))
                {
                    YearHow::By
                } else {
                    YearHow::Bare
                };
                out.push((i, y, how));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn scope_of(words: &str) -> Scope {
    if words.contains("累计") || words.contains("期间") {
        Scope::Cumulative
    } else if words.contains("每年") || words.contains("年均") {
        Scope::Annual
    } else if ["保持", "持续", "巩固", "稳定在", "维持"]
        .iter()
        .any(|w| words.contains(w))
    {
        Scope::Maintained
    } else {
        Scope::Level
    }
}

/// Words that mark a figure as already reached.
fn past_words(words: &str) -> bool {
    const PAST: &[&str] = &[
        "已建成",
        "已达",
        "已实现",
        "已完成",
        "已有",
        "已经",
        "已累计",
        "目前",
        "现有",
        "截至",
        "截止",
        "十三五",
        "较上年",
        "比上年",
        "同比",
        "较去年",
    ];
    PAST.iter().any(|p| words.contains(p))
        || words
            .char_indices()
            .any(|(i, c)| c == '较' && words[i + c.len_utf8()..].starts_with(|x: char| is_digit(x)))
}

// ---------------------------------------------------------------------------------------------
// Indicator phrases
// ---------------------------------------------------------------------------------------------

/// Words around an indicator that are not part of its name.
const LEAD_FILLERS: &[&str] = &[
    "全市",
    "全区",
    "全县",
    "全省",
    "全年",
    "我市",
    "我区",
    "我县",
    "累计",
    "每年",
    "年均",
    "力争",
    "确保",
    "计划",
    "预计",
    "其中",
    "并",
    "且",
    "同时",
    "进一步",
    "持续",
    "稳步",
    "稳定",
    "逐步",
    "分别",
    "均",
    "要",
    "将",
    "共",
    "总计",
    "合计",
    "以及",
    "使",
    "让",
    "有",
    "、",
    "(",
    ")",
];
const TRAIL_FILLERS: &[&str] = &[
    "稳定",
    "稳步",
    "持续",
    "分别",
    "均",
    "要",
    "将",
    "进一步",
    "继续",
    "力争",
    "年",
    "都",
    "总数",
    "再",
    "、",
    "和",
    "(",
    "（",
    "全区",
    "全市",
    "全县",
    "已",
    "已经",
];

/// Verbs that open a clause whose object follows the number (`推进4所新建公办幼儿园`).
const VERBS: &[&str] = &[
    "建成",
    "新增",
    "完成",
    "开展",
    "建设",
    "培育",
    "创建",
    "推进",
    "支持",
    "实施",
    "落实",
    "打造",
    "帮助",
    "培养",
    "认定",
    "举办",
    "组织",
    "评选",
    "招收",
    "实现",
    "新建",
    "改造",
    "开工",
    "筹集",
    "提供",
    "配置",
    "设置",
    "培训",
    "发放",
    "引进",
    "创成",
    "覆盖",
    "服务",
    "增加",
    "建立",
    "选树",
    "力争",
    "计划",
    "预计",
    "启动",
    "投用",
    "安排",
    "送",
    "新改扩建",
];

fn strip_year_prefix(s: &str) -> &str {
    let mut t = s.trim_start();
    loop {
        let before = t;
        // 到/至/于 only before a year: `至少` is an operator, not a preposition.
        for w in ["截至", "到", "至", "于", "在"] {
            if let Some(r) = t.strip_prefix(w)
                && r.chars().take_while(|c| is_digit(*c)).count() == 4
            {
                t = r;
            }
        }
        let digits = t.chars().take_while(|c| is_digit(*c)).count();
        if digits == 4 {
            let rest = t[t.char_indices().nth(digits).map_or(t.len(), |x| x.0)..].trim_start();
            if let Some(r) = rest.strip_prefix('年') {
                t = r;
                for w in ["年底前", "底前", "年底", "底", "末", "前"] {
                    t = t.strip_prefix(w).unwrap_or(t);
                }
            }
        }
        t = t.trim_start_matches([',', '，', ' ', '、']);
        if t == before {
            return t;
        }
    }
}

fn trim_fillers(s: &str) -> String {
    let mut t = strip_year_prefix(s).trim();
    loop {
        let before = t;
        for w in LEAD_FILLERS.iter().chain(["保持", "继续", "巩固"].iter()) {
            if let Some(r) = t.strip_prefix(w) {
                t = r.trim_start();
            }
        }
        t = strip_year_prefix(t);
        for w in TRAIL_FILLERS {
            if let Some(r) = t.strip_suffix(w)
                && !r.is_empty()
            {
                t = r.trim_end();
            }
        }
        if t == before {
            break;
        }
    }
    // Unbalanced brackets at either end are left over from the clause split.
    let mut out = t
        .trim_end_matches(['。', '；', ';', '，', ',', '、', '：', ':'])
        .to_string();
    // A quote mark left alone by the clause split.
    let (lq, rq) = (out.matches('“').count(), out.matches('”').count());
    if lq > rq && out.ends_with('“') {
        out.pop();
    } else if (rq > lq && out.starts_with('”'))
        || (lq > rq && out.starts_with('“') && !out['“'.len_utf8()..].contains('“'))
    {
        out.remove(0);
    }
    let opens = out.matches(['(', '（']).count();
    let closes = out.matches([')', '）']).count();
    if closes > opens && (out.starts_with(')') || out.starts_with('）')) {
        out = out.chars().skip(1).collect();
    }
    if out.ends_with('的') {
        out.pop();
    }
    out.trim().to_string()
}

fn only_verb(s: &str) -> bool {
    s.is_empty() || VERBS.contains(&s) || s.chars().count() < 2
}

// ---------------------------------------------------------------------------------------------
// Prose
// ---------------------------------------------------------------------------------------------

/// Clause boundaries inside a sentence: commas and colons (not a thousands separator).
fn clauses(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        let boundary = match c {
            '，' | '：' | '；' | ';' => true,
            ',' => {
                !(i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit))
            }
            ':' => {
                !(i > 0
                    && is_digit(chars[i - 1])
                    && chars.get(i + 1).copied().is_some_and(is_digit))
            }
            _ => false,
        };
        if boundary {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

/// The verbatim quote for a clause: trimmed of spaces, a dangling bracket and the closing stop.
fn quote_of(chars: &[char], from: usize, to: usize) -> String {
    let mut a = from;
    let mut b = to;
    while a < b && (is_space(chars[a]) || chars[a] == '(' || chars[a] == '（') {
        a += 1;
    }
    while b > a && (is_space(chars[b - 1]) || "。；;，,".contains(chars[b - 1])) {
        b -= 1;
    }
    let s = collect(&chars[a..b]);
    let opens = s.matches(['(', '（']).count();
    let closes = s.matches([')', '）']).count();
    if closes > opens {
        s.trim_end_matches([')', '）']).to_string()
    } else {
        s
    }
}

/// Reads `text` as a threshold; where the phrase has something the parser cannot read (a unit it
/// does not know, a magnitude alone), reads the operator and number without it.
fn read(span: &Span, chars: &[char]) -> (Threshold, bool) {
    let text = collect(&chars[span.start..span.end]);
    if let Ok(t) = Threshold::parse(&text) {
        return (t, true);
    }
    let mut bare = String::new();
    if let Some(w) = span.op_word {
        bare.push_str(w);
    }
    bare.push_str(&span.value.to_string());
    if let Some(h) = span.high {
        bare.push('-');
        bare.push_str(&h.to_string());
    }
    if let Some(s) = span.suffix {
        bare.push_str(s);
    }
    let t = Threshold::parse(&bare).unwrap_or(Threshold {
        op: Op::Reach,
        value: Some(span.value),
        high: span.high,
        unit: None,
        label: None,
    });
    (
        Threshold {
            unit: span.unit.clone(),
            ..t
        },
        false,
    )
}

struct ProseContext<'a> {
    outline: &'a Outline,
    start: Option<i32>,
    end: Option<i32>,
}

fn prose_candidates(s: &Sentence, cx: &ProseContext) -> Vec<Candidate> {
    let chars = &s.chars;
    // Every number and what belongs to it, in order.
    let mut spans: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = is_digit(chars[i])
            && (i == 0 || !is_digit(chars[i - 1]) && chars[i - 1] != '.' && chars[i - 1] != '．');
        if starts_number && let Some(span) = scan_span(chars, i) {
            i = span.end.max(i + 1);
            spans.push(span);
        } else {
            i += 1;
        }
    }
    // A heading's own marker (`1.`) is not a number of the sentence.
    if let Some((_, len, _)) = heading_at(chars, 0) {
        spans.retain(|sp| sp.num_start >= len);
    }
    let mut kept: Vec<Span> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for sp in spans {
        // A number glued to the one before (`1家300床以上的`) describes it.
        let glued = prev_end == Some(sp.start);
        prev_end = Some(sp.end);
        if glued || not_a_target(chars, &sp).is_some() {
            continue;
        }
        kept.push(sp);
    }
    let clause_list = clauses(chars);
    let years = years_before(chars, chars.len());
    let sentence_text = collect(chars);
    let mut out: Vec<Candidate> = Vec::new();
    let mut k = 0;
    while k < kept.len() {
        // A list of values sharing an operator: 分别达到67%、84%、95%以上 or 19.21万人和42.4万人.
        let mut group = vec![k];
        while let Some(next) = kept.get(group[group.len() - 1] + 1) {
            let last = &kept[group[group.len() - 1]];
            let between = collect(&chars[last.end..next.start]);
            if next.op_word.is_none() && ["、", "和", "及", "与"].contains(&between.trim()) {
                group.push(group[group.len() - 1] + 1);
            } else {
                break;
            }
        }
        let first = &kept[group[0]];
        let last = &kept[group[group.len() - 1]];
        let (cl_start, cl_end) = clause_list
            .iter()
            .copied()
            .find(|(a, b)| *a <= first.start && first.start < *b.max(&(a + 1)))
            .unwrap_or((0, chars.len()));
        // The name sits between the previous number of the clause (or its start) and this one.
        let prev_in_clause = k
            .checked_sub(1)
            .map(|p| kept[p].end)
            .filter(|e| *e > cl_start && *e <= first.start)
            .unwrap_or(cl_start);
        let mut before_raw = collect(&chars[prev_in_clause..first.start]);
        if prev_in_clause > cl_start {
            // `建成1所A、培育1-2所B`: what precedes the last 、 belongs to the number before.
            if let Some(p) = before_raw.rfind('、') {
                before_raw = before_raw[p + '、'.len_utf8()..].to_string();
            }
        }
        let next_start = kept
            .get(group[group.len() - 1] + 1)
            .map_or(cl_end, |n| n.start.min(cl_end));
        let mut after_raw = collect(&chars[last.end.min(next_start)..next_start]);
        // `建成1所A、培育1-2所B`: after the 、 comes the next number's verb.
        if next_start < cl_end
            && let Some(p) = after_raw.rfind('、')
        {
            after_raw.truncate(p);
        }
        let before = trim_fillers(&before_raw);
        let after = trim_fillers(after_raw.trim_start_matches('的'));
        // A verb before the number and its object after it: `推进4所新建公办幼儿园建设`.
        let verb_first = only_verb(&before) || before.chars().count() <= 2;
        let mut subject = if verb_first && after.chars().count() >= 2 {
            format!("{before}{after}")
        } else if before.is_empty() {
            after.clone()
        } else {
            before.clone()
        };
        if subject.starts_with('占')
            && let Some(p) = out.last()
        {
            subject = format!("{}{subject}", p.indicator);
        }
        if subject.is_empty()
            && let Some(p) = out.last()
        {
            subject = p.indicator.clone();
        }
        // The year: the last one stated before the number in the sentence.
        let year = years
            .iter()
            .rev()
            .find(|(p, _, _)| *p < first.start)
            .copied();
        let clause_words = collect(&chars[cl_start..last.end.max(cl_start)]);
        let scope = if sentence_text.contains("十四五") && sentence_text.contains("期间") {
            Scope::Cumulative
        } else {
            scope_of(&clause_words)
        };
        let past = cx.outline.past()
            || past_words(&clause_words)
            || sentence_text.contains("十三五")
            || matches!(year, Some((_, _, YearHow::Past | YearHow::Compare)))
            || matches!((year, cx.start), (Some((_, y, YearHow::Bare)), Some(st)) if y < st);
        let (year_value, stated) = match year {
            // `以“十三五”平均值为基数`: a past figure beside a future year is the period before.
            Some((_, y, how))
                if past && (how == YearHow::Compare || cx.start.is_some_and(|s| y >= s)) =>
            {
                (cx.start.map(|s| s - 1), false)
            }
            Some((_, y, _)) => (Some(y), true),
            None if sentence_text.contains("十四五") => (Some(2025), true),
            None if sentence_text.contains("十三五") => (Some(2020), true),
            None if past => (cx.start.map(|s| s - 1), false),
            None => (cx.end, false),
        };
        // Quote: from the year's clause (when it is in this sentence, close by) to this clause.
        let mut q_start = cl_start;
        if let Some((p, _, _)) = year {
            let yc = clause_list
                .iter()
                .position(|(a, b)| *a <= p && p < *b)
                .unwrap_or(0);
            let tc = clause_list
                .iter()
                .position(|(a, _)| *a == cl_start)
                .unwrap_or(0);
            if tc >= yc && tc - yc <= 1 {
                q_start = clause_list[yc].0;
            }
        }
        let quote = quote_of(chars, q_start, cl_end);
        // Subjects of a list: 公办园、优质园、普惠园在园幼儿覆盖率 → three names.
        let names: Vec<String> = if group.len() > 1 {
            let parts: Vec<String> = subject
                .split(['、', '和', '及', '与'])
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.len() == group.len() {
                let first_len = parts[0].chars().count();
                let last: Vec<char> = parts[parts.len() - 1].chars().collect();
                let common = if last.len() > first_len {
                    collect(&last[first_len..])
                } else {
                    String::new()
                };
                parts
                    .iter()
                    .enumerate()
                    .map(|(n, p)| {
                        if n + 1 < parts.len() {
                            format!("{p}{common}")
                        } else {
                            p.clone()
                        }
                    })
                    .collect()
            } else {
                vec![subject.clone(); group.len()]
            }
        } else {
            vec![subject.clone()]
        };
        // One value for several quantities: 开课率、眼保健操普及率均达到100% gives two targets.
        let mut pairs: Vec<(usize, String)> = group.iter().copied().zip(names.clone()).collect();
        if group.len() == 1 {
            let parts: Vec<&str> = subject
                .split(['、', '和'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            const QUANTITY: &[&str] = &["率", "数", "比例", "占比", "比重", "量", "人次", "覆盖面"];
            if parts.len() > 1
                && parts
                    .iter()
                    .all(|p| QUANTITY.iter().any(|q| p.ends_with(q)))
            {
                // `危房改造率和救助率`: a short later part shares the first part's stem.
                let first: Vec<char> = parts[0].chars().collect();
                pairs = parts
                    .iter()
                    .enumerate()
                    .map(|(n, p)| {
                        let len = p.chars().count();
                        if n > 0 && len <= 3 && first.len() > len + 2 {
                            (
                                group[0],
                                format!("{}{p}", collect(&first[..first.len() - len])),
                            )
                        } else {
                            (group[0], p.to_string())
                        }
                    })
                    .collect();
            }
        }
        let shared_op = if group.len() > 1 {
            let mut probe = String::new();
            if let Some(w) = first.op_word {
                probe.push_str(w);
            }
            probe.push('1');
            if let Some(s) = last.suffix {
                probe.push_str(s);
            }
            Threshold::parse(&probe).ok().map(|t| t.op)
        } else {
            None
        };
        for (gi, name) in &pairs {
            let sp = &kept[*gi];
            let (t, parsed) = read(sp, chars);
            let mut c = Candidate::blank(s.line);
            c.kind = if past { Kind::Baseline } else { Kind::Target };
            c.indicator = name.clone();
            c.year = year_value;
            c.year_stated = stated;
            c.op = shared_op.filter(|o| *o != Op::Reach).unwrap_or(t.op);
            c.value = t.value;
            c.high = t.high;
            c.unit = t.unit.clone().or_else(|| {
                // In a list the unit may be printed once, on the last value.
                (group.len() > 1).then(|| last.unit.clone()).flatten()
            });
            c.scope = scope;
            // A count reported for a past period (`“十三五”时期 … 完成老旧小区改造47个`) is what
            // the period added up to; a level is stated with 达/为 or as a ratio.
            let ratio = c
                .unit
                .as_deref()
                .is_some_and(|u| u.contains(['%', '％', '‰']));
            if past
                && scope == Scope::Level
                && sp.op_word.is_none()
                && !ratio
                && (cx.outline.past() || sentence_text.contains("十三五"))
                && year.is_none()
                && !sentence_text.contains("平均")
            {
                c.scope = Scope::Cumulative;
            }
            c.text = Some(collect(&chars[sp.start..sp.end]).trim().to_string());
            c.quote = Some(quote.clone());
            c.domain = cx.outline.domain();
            c.area = cx.outline.area();
            c.section = cx.outline.section();
            if !parsed || sp.unknown_unit {
                c.doubts.push(format!(
                    "qyx cannot read the unit in `{}`: settle the unit",
                    c.text.as_deref().unwrap_or_default()
                ));
            }
            if group.len() > 1 && c.op != t.op {
                c.doubts.push(format!(
                    "ambiguous operator: the list reads {} for all its values, `{}` alone reads {}",
                    c.op.name(),
                    c.text.as_deref().unwrap_or_default(),
                    t.op.name()
                ));
            }
            if c.op == Op::Approx {
                c.doubts.push("ambiguous operator: 约/左右 (≈)".into());
            }
            if group.len() > 1 && names.iter().all(|x| *x == names[0]) {
                c.doubts
                    .push("a list of values under one name: split the indicator".into());
            }
            out.push(c);
        }
        k = group[group.len() - 1] + 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

fn squash(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

fn is_row_label(s: &str) -> bool {
    let t = squash(s);
    let digits = t.trim_start_matches(['*', '▲', '★', '△', '＊']);
    !digits.is_empty() && digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit())
}

/// What a table column holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Domain,
    Label,
    Name,
    /// A value column: its year (None: the plan's end year) and whether it is the baseline.
    Value(Option<i32>, bool),
    Lead,
    Other,
}

fn column_of(header: &str) -> Column {
    let h = squash(header);
    if h == "领域" || h == "类别" {
        return Column::Domain;
    }
    if h == "序号" {
        return Column::Label;
    }
    if h.contains("指标") {
        return Column::Name;
    }
    if h.contains("单位") || h.contains("部门") {
        return Column::Lead;
    }
    let chars: Vec<char> = h.chars().collect();
    let year = years_before(&chars, chars.len())
        .first()
        .map(|(_, y, _)| *y);
    let base = h.contains("基础") || h.contains("基期") || h.contains("现状");
    if year.is_some() || h.contains("值") || h.contains("目标") {
        return Column::Value(year, base);
    }
    Column::Other
}

struct RawTable {
    columns: Vec<Column>,
    /// (line, domain heading above it, cells)
    rows: Vec<(usize, Option<String>, Vec<String>)>,
}

/// A table printed one cell a line: a header (领域 序号 指标 … 单位), then rows that start with a
/// row label (`*1`, `▲7`, `14`), with domain names between the groups. A cell ending in `、`
/// continues on the next line (`职工86、` / `城乡居民70`). Values are numbers too, so a number is a
/// row label only when it is the next label and a name follows it.
fn cell_table(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    let first = squash(lines[at]);
    if first != "领域" && first != "序号" {
        return None;
    }
    let mut headers = Vec::new();
    let mut i = at;
    while i < lines.len() && headers.len() < 16 {
        let t = lines[i].trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        let col = column_of(t);
        if col == Column::Other || is_row_label(t) {
            break;
        }
        headers.push(col.clone());
        i += 1;
        if col == Column::Lead {
            break;
        }
    }
    let columns = headers;
    if !columns.contains(&Column::Name) || !columns.iter().any(|c| matches!(c, Column::Value(..))) {
        return None;
    }
    let width = columns.iter().filter(|c| **c != Column::Domain).count();
    let label_number = |t: &str| -> Option<u32> {
        squash(t)
            .trim_start_matches(['*', '▲', '★', '△', '＊'])
            .parse()
            .ok()
    };
    let next_text = |from: usize| -> Option<&str> {
        lines[from..]
            .iter()
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
    };
    let mut rows = Vec::new();
    let mut domain: Option<String> = None;
    let mut current: Option<(usize, Vec<String>)> = None;
    let mut last_label = 0;
    while i < lines.len() {
        let raw = lines[i];
        let t = raw.trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        let stop = t.starts_with("注")
            || heading_at(&t.chars().collect::<Vec<_>>(), 0).is_some_and(|h| h.0 <= 2)
            || t.chars().count() > 60;
        if stop {
            break;
        }
        let full = current
            .as_ref()
            .is_none_or(|(_, cells)| cells.len() >= width);
        let is_label = is_row_label(t)
            && label_number(t).is_some_and(|n| current.is_none() || n == last_label + 1)
            && next_text(i + 1).is_some_and(|n| n.chars().any(is_cjk));
        if is_label {
            if let Some((l, cells)) = current.take() {
                rows.push((l, domain.clone(), cells));
            }
            last_label = label_number(t).unwrap_or(last_label + 1);
            current = Some((i + 1, vec![t.to_string()]));
        } else if full && squash(t).chars().count() <= 6 && !t.chars().any(is_digit) {
            if let Some((l, cells)) = current.take() {
                rows.push((l, domain.clone(), cells));
            }
            domain = Some(squash(t));
        } else if let Some((_, cells)) = current.as_mut() {
            match cells.last_mut() {
                Some(last) if last.trim_end().ends_with('、') => {
                    last.push_str(raw.trim_start());
                }
                _ => cells.push(raw.trim_start().to_string()),
            }
        } else {
            break;
        }
        i += 1;
    }
    if let Some((l, cells)) = current.take() {
        rows.push((l, domain.clone(), cells));
    }
    (!rows.is_empty()).then_some((RawTable { columns, rows }, i))
}

/// A table with `|` between its cells, one row a line.
fn bar_table(lines: &[&str], at: usize) -> Option<(RawTable, usize)> {
    let split = |l: &str| -> Vec<String> {
        let t = l.trim().trim_matches('|');
        t.split('|').map(|c| c.trim().to_string()).collect()
    };
    if lines[at].matches('|').count() < 2 {
        return None;
    }
    let header = split(lines[at]);
    let columns: Vec<Column> = header.iter().map(|h| column_of(h)).collect();
    if !columns.contains(&Column::Name) || !columns.iter().any(|c| matches!(c, Column::Value(..))) {
        return None;
    }
    let mut rows = Vec::new();
    let mut i = at + 1;
    let mut domain = None;
    while i < lines.len() && lines[i].matches('|').count() >= 2 {
        let mut cells = split(lines[i]);
        if cells.iter().all(|c| c.chars().all(|x| "-:— ".contains(x))) {
            i += 1;
            continue;
        }
        if columns.first() == Some(&Column::Domain) && !cells.is_empty() {
            let d = cells.remove(0);
            if !d.is_empty() {
                domain = Some(d);
            }
        }
        rows.push((i + 1, domain.clone(), cells));
        i += 1;
    }
    Some((RawTable { columns, rows }, i))
}

fn table_candidates(t: &RawTable, end: Option<i32>) -> Vec<Candidate> {
    let cols: Vec<&Column> = t.columns.iter().filter(|c| **c != Column::Domain).collect();
    let mut out = Vec::new();
    for (line, domain, cells) in &t.rows {
        // Rows without a label (a table with no 序号 column) start at the name.
        let offset = usize::from(cols.first() == Some(&&Column::Label) && !is_row_label(&cells[0]));
        let cell_at =
            |n: usize| -> Option<&String> { n.checked_sub(offset).and_then(|m| cells.get(m)) };
        let col_index = |want: &dyn Fn(&Column) -> bool| cols.iter().position(|c| want(c));
        let Some(name_raw) = col_index(&|c| *c == Column::Name).and_then(cell_at) else {
            continue;
        };
        let label = col_index(&|c| *c == Column::Label)
            .and_then(cell_at)
            .cloned();
        let lead = col_index(&|c| *c == Column::Lead)
            .and_then(cell_at)
            .cloned();
        // `每千人口拥有 3岁以下婴幼儿托位数(个)`: the unit is in the last brackets.
        let name_sq = name_raw.trim();
        let (name, unit) = match name_sq.rfind(['(', '（']) {
            Some(p) if name_sq.ends_with([')', '）']) => {
                let inner = name_sq[p..]
                    .trim_start_matches(['(', '（'])
                    .trim_end_matches([')', '）'])
                    .trim();
                if Unit::parse(inner).is_ok() {
                    (name_sq[..p].trim().to_string(), Some(squash(inner)))
                } else {
                    (name_sq.to_string(), None)
                }
            }
            _ => {
                // `保障性租赁住房累计建设筹集套(间)数(万套)` has its unit last anyway.
                (name_sq.to_string(), None)
            }
        };
        let row_text = cells.iter().map(|c| c.trim()).collect::<Vec<_>>().join(" ");
        for (n, col) in cols.iter().enumerate() {
            let Column::Value(year, base) = col else {
                continue;
            };
            let Some(cell) = cell_at(n) else { continue };
            let parts: Vec<&str> = cell
                .split(['、', '；', ';'])
                .filter(|p| !p.trim().is_empty())
                .collect();
            for part in parts {
                let Ok(th) = Threshold::parse(part) else {
                    continue;
                };
                if matches!(th.op, Op::None | Op::Done) {
                    continue;
                }
                let mut c = Candidate::blank(*line);
                c.kind = if *base { Kind::Baseline } else { Kind::Target };
                c.indicator = match &th.label {
                    Some(l) => format!("{l}{name}"),
                    None => name.clone(),
                };
                c.year = year.or(end);
                c.year_stated = year.is_some();
                c.op = th.op;
                c.value = th.value;
                c.high = th.high;
                c.unit = th.unit.clone().or_else(|| unit.clone());
                c.scope = scope_of(&name);
                c.cell = Some(part.trim_start().trim_end_matches('、').to_string());
                c.table = Some(row_text.clone());
                c.row = label.as_ref().map(|l| l.trim().to_string());
                c.lead = lead.as_ref().map(|l| l.trim().to_string());
                c.domain = domain
                    .as_deref()
                    .and_then(|d| Domain::parse(d).or_else(|| domain_in(d)));
                c.area = domain.clone();
                c.section = Some("表".into());
                if name.contains("(%") || name.contains("（%") {
                    c.doubts.push("check the unit in the name".into());
                }
                out.push(c);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

fn between(s: &str, open: char, close: char) -> impl Iterator<Item = &str> {
    s.match_indices(open).filter_map(move |(i, _)| {
        let rest = &s[i + open.len_utf8()..];
        rest.find(close).map(|j| &rest[..j])
    })
}

/// Title, number, date, kind, jurisdiction and period, read from the document's opening.
pub(crate) fn doc_info(text: &str) -> DocInfo {
    let mut info = DocInfo::default();
    let is_plan = |t: &str| {
        (t.contains("方案") || t.contains("要点") || t.contains("规划"))
            && !t.contains("关于")
            && !t.contains("浙江省")
            && !t.contains("省")
    };
    info.title = between(text, '《', '》')
        .find(|t| is_plan(t) && t.contains("公共服务"))
        .or_else(|| between(text, '《', '》').find(|t| is_plan(t)))
        .map(|t| t.trim().to_string());
    if let Some(t) = &info.title {
        info.kind = Some(if t.contains("要点") {
            "work-points"
        } else if t.contains("规划") {
            "five-year-plan"
        } else {
            "implementation"
        });
        let chars: Vec<char> = t.chars().collect();
        let ys = years_before(&chars, chars.len());
        let all_years: Vec<i32> = {
            // `(2023—2027年)`: the first year has no 年 of its own.
            let mut v = Vec::new();
            let mut i = 0;
            while i < chars.len() {
                if chars[i].is_ascii_digit()
                    && (i == 0 || !chars[i - 1].is_ascii_digit())
                    && let Some((j, d)) = scan_number(&chars, i)
                    && d.scale() == 0
                    && (1990..=2100).contains(&d.mantissa())
                {
                    v.push(d.mantissa() as i32);
                    i = j;
                    continue;
                }
                i += 1;
            }
            v
        };
        if t.contains("十四五") {
            info.start = Some(2021);
            info.end = Some(2025);
        } else if all_years.len() >= 2 {
            info.start = all_years.first().copied();
            info.end = all_years.last().copied();
        } else if let Some((_, y, _)) = ys.first() {
            info.start = Some(*y);
            info.end = Some(*y);
        }
        let name_part = strip_year_prefix(t);
        if let Some(p) = name_part.find(['市', '区', '县']) {
            let end = p + '市'.len_utf8();
            if name_part[..end].chars().count() <= 8 {
                info.jurisdiction = Some(name_part[..end].to_string());
            }
        }
    }
    // 文号: only where the page labels it, so that a cited document's number is not taken.
    if let Some(p) = text.find("文号") {
        let rest: String = text[p + "文号".len()..]
            .chars()
            .take(60)
            .collect::<String>();
        let rest = rest.trim_start_matches([':', '：', ' ', '\n', '\t', '\r']);
        let rest = rest.trim_start();
        if let Some(q) = rest.find('号') {
            let cand = rest[..q + '号'.len_utf8()].trim();
            if cand.contains('〔') && !cand.contains(char::is_whitespace) {
                info.number = Some(cand.to_string());
            }
        }
    }
    // 成文日期, else the first full date in the text.
    let date_after = |from: usize| -> Option<String> {
        let chars: Vec<char> = text[from..].chars().take(80).collect();
        let mut nums = Vec::new();
        let mut i = 0;
        while i < chars.len() && nums.len() < 3 {
            if chars[i].is_ascii_digit() {
                let (j, d) = scan_number(&chars, i)?;
                nums.push(d.mantissa());
                i = j;
                let k = skip_spaces(&chars, i);
                if !chars.get(k).is_some_and(|c| "-年月日/.".contains(*c)) && nums.len() < 3 {
                    return None;
                }
            } else {
                i += 1;
            }
        }
        (nums.len() == 3 && (1990..=2100).contains(&nums[0]))
            .then(|| format!("{:04}-{:02}-{:02}", nums[0], nums[1], nums[2]))
    };
    if let Some(p) = text.find("成文日期") {
        info.date = date_after(p + "成文日期".len());
    }
    if info.date.is_none() {
        let chars: Vec<char> = text.chars().collect();
        for (pos, _, _) in years_before(&chars, chars.len()) {
            let byte = chars[..pos].iter().map(|c| c.len_utf8()).sum::<usize>();
            let window: String = chars[pos..chars.len().min(pos + 12)].iter().collect();
            if window.contains('月') && window.contains('日') {
                info.date = date_after(byte);
                if info.date.is_some() {
                    break;
                }
            }
        }
    }
    info
}

/// The largest 到20XX年 of the text.
fn largest_by_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    years_before(&chars, chars.len())
        .into_iter()
        .filter(|(_, _, h)| *h == YearHow::By)
        .map(|(_, y, _)| y)
        .max()
}

/// Reads a document (already decoded) into candidates. `end_year` overrides the plan's end year.
pub(crate) fn extract(text: &str, end_year: Option<i32>) -> Extraction {
    let text = clean(text);
    let mut info = doc_info(&text);
    if let Some(e) = end_year {
        info.end = Some(e);
        if info.start.is_none_or(|s| s > e) {
            info.start = Some(e);
        }
    }
    if info.end.is_none() {
        info.end = largest_by_year(&text);
    }
    if info.start.is_none() {
        info.start = info.end;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut outline = Outline::default();
    let mut out: Vec<Candidate> = Vec::new();
    let mut i = 0;
    'lines: while i < lines.len() {
        if let Some((t, next)) = cell_table(&lines, i).or_else(|| bar_table(&lines, i)) {
            out.extend(table_candidates(&t, info.end));
            i = next;
            continue;
        }
        for s in sentences(lines[i], i + 1) {
            let sq = squash(&collect(&s.chars));
            // The annex after the plan is a staff list: names, titles and telephone numbers. A
            // notice that names its attachments before the plan has found no target yet.
            if sq.starts_with("附件") && (sq.contains("名单") || !out.is_empty()) {
                break 'lines;
            }
            if let Some((level, len, marker)) = heading_at(&s.chars, 0) {
                outline.enter(level, marker, heading_title(&s.chars, len));
            }
            let cx = ProseContext {
                outline: &outline,
                start: info.start,
                end: info.end,
            };
            out.extend(prose_candidates(&s, &cx));
        }
        i += 1;
    }
    // Pages that print their text twice give every candidate twice.
    let mut seen = std::collections::HashSet::new();
    out.retain(|c| {
        seen.insert((
            c.year,
            c.quote.clone(),
            c.text.clone(),
            c.cell.clone(),
            c.table.clone(),
            c.indicator.clone(),
        ))
    });
    Extraction {
        info,
        candidates: out,
    }
}

// ---------------------------------------------------------------------------------------------
// Catalog matching
// ---------------------------------------------------------------------------------------------

/// How a candidate's phrase was matched to the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MatchHow {
    /// The phrase is a name or alias.
    Exact,
    /// A name or alias is contained in the phrase (or the phrase in it), the rest of the phrase
    /// being verbs and fillers (`建成`, `全市`).
    Contains,
    /// A name is contained in the phrase, but the phrase says more (`城区` + 平均急救反应时间):
    /// likely a narrower indicator the catalog lacks. A suggestion to check.
    Partial,
    /// Nearest by character bigrams (Sørensen–Dice): a suggestion to check.
    Nearest,
}

impl MatchHow {
    pub(crate) fn name(self) -> &'static str {
        match self {
            MatchHow::Exact => "exact",
            MatchHow::Contains => "contains",
            MatchHow::Partial => "partial",
            MatchHow::Nearest => "nearest",
        }
    }

    /// Exact or contained: the draft uses the id without asking.
    pub(crate) fn is_sure(self) -> bool {
        matches!(self, MatchHow::Exact | MatchHow::Contains)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CatalogMatch {
    pub id: String,
    pub name: String,
    pub how: MatchHow,
    /// 1 for exact and contained names; the similarity for the nearest.
    pub score: f64,
    pub better: Better,
    pub domain: Domain,
}

fn bigrams(s: &str) -> Vec<(char, char)> {
    let c: Vec<char> = s.chars().collect();
    c.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Sørensen–Dice similarity of two bigram lists. strsim 0.11's `sorensen_dice` divides by byte
/// lengths, which scores Chinese (three bytes a character) at a third of its similarity.
fn dice(x: &[(char, char)], y: &[(char, char)]) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let mut rest = y.to_vec();
    let mut common = 0;
    for g in x {
        if let Some(p) = rest.iter().position(|h| h == g) {
            rest.swap_remove(p);
            common += 1;
        }
    }
    (2 * common) as f64 / (x.len() + y.len()) as f64
}

/// Below this similarity the nearest entry is not worth suggesting.
const NEAREST_FLOOR: f64 = 0.35;

/// Names too short to mean anything when found inside a longer phrase.
const MIN_CONTAINED: usize = 4;

/// One name or alias of the catalog, prepared once for every candidate.
struct Key {
    entry: usize,
    key: String,
    len: usize,
    bigrams: Vec<(char, char)>,
}

/// The catalog, ready to match many candidates: names keyed, bigrams and units parsed once.
pub(crate) struct Matcher<'a> {
    cat: &'a CatalogIndex,
    keys: Vec<Key>,
    units: Vec<Option<Unit>>,
}

impl<'a> Matcher<'a> {
    pub(crate) fn new(cat: &'a CatalogIndex) -> Matcher<'a> {
        let mut keys = Vec::new();
        for (i, e) in cat.entries.iter().enumerate() {
            // A number is never a milestone (`better: done`) of the catalog.
            if e.better == Better::Done {
                continue;
            }
            for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let key = name_key(n);
                keys.push(Key {
                    entry: i,
                    len: key.chars().count(),
                    bigrams: bigrams(&key),
                    key,
                });
            }
        }
        let units = cat
            .entries
            .iter()
            .map(|e| e.unit.as_ref().and_then(|u| Unit::parse(&u.value).ok()))
            .collect();
        Matcher { cat, keys, units }
    }

    /// A unit that cannot convert to the entry's rules the entry out.
    fn fits(&self, unit: Option<&Unit>, entry: usize) -> bool {
        match (unit, &self.units[entry]) {
            (Some(a), Some(b)) => a.is_compatible(b),
            _ => true,
        }
    }

    /// The catalog entry a candidate's phrase names: exactly, by containment (longest name wins),
    /// else the nearest with its score.
    pub(crate) fn find(&self, c: &Candidate) -> Option<CatalogMatch> {
        let phrase = name_key(&c.indicator);
        if phrase.is_empty() {
            return None;
        }
        let unit = c.unit.as_deref().and_then(|u| Unit::parse(u).ok());
        let make = |i: usize, how, score| {
            let e = &self.cat.entries[i];
            CatalogMatch {
                id: e.id.value.clone(),
                name: e.name.clone(),
                how,
                score,
                better: e.better,
                domain: e.domain,
            }
        };
        let plen = phrase.chars().count();
        let pgrams = bigrams(&phrase);
        let mut contained: Option<(usize, bool, &Key)> = None;
        let mut nearest: Option<(f64, usize)> = None;
        let mut exact: Vec<(usize, bool)> = Vec::new();
        for k in &self.keys {
            if !self.fits(unit.as_ref(), k.entry) {
                continue;
            }
            let same_domain = c
                .domain
                .is_some_and(|d| d == self.cat.entries[k.entry].domain);
            if k.key == phrase {
                exact.push((k.entry, same_domain));
                continue;
            }
            // The phrase inside a name counts only when it is most of the name: `建设完成` is in
            // many names and means none of them.
            let hit = (k.len >= MIN_CONTAINED && phrase.contains(&k.key))
                || (plen >= MIN_CONTAINED
                    && (plen * 10 >= k.len * 7 || k.key.starts_with(&phrase))
                    && k.key.contains(&phrase));
            if hit
                && contained
                    .as_ref()
                    .is_none_or(|(l, d, _)| (k.len, same_domain) > (*l, *d))
            {
                contained = Some((k.len, same_domain, k));
            }
            let mut score = dice(&pgrams, &k.bigrams);
            if same_domain {
                score += 0.05;
            }
            if nearest.is_none_or(|(s, _)| score > s) {
                nearest = Some((score, k.entry));
            }
        }
        exact.dedup_by_key(|(e, _)| *e);
        if !exact.is_empty() {
            // Two entries printed the same way (`样板村(社区)`, old and new): the domain decides,
            // else a person does.
            let in_domain: Vec<usize> = exact.iter().filter(|x| x.1).map(|x| x.0).collect();
            return Some(match (exact.len(), in_domain.as_slice()) {
                (1, _) => make(exact[0].0, MatchHow::Exact, 1.0),
                (_, [one]) => make(*one, MatchHow::Exact, 1.0),
                _ => make(exact[0].0, MatchHow::Partial, 1.0),
            });
        }
        if let Some((_, _, k)) = contained {
            // What the phrase says beyond the name: nothing but verbs and fillers, or a qualifier.
            let rest = phrase.replacen(&k.key, "", 1);
            let mut rest = trim_fillers(&rest);
            loop {
                let before = rest.clone();
                // 新增/新建 change the quantity (new enrolments are not enrolment): not fillers.
                for v in VERBS.iter().filter(|v| !v.starts_with('新')) {
                    if let Some(r) = rest.strip_prefix(v) {
                        rest = trim_fillers(r);
                    }
                }
                if rest == before {
                    break;
                }
            }
            rest.retain(|c| !"“”\"()（）、的".contains(c));
            let how = if rest.is_empty() {
                MatchHow::Contains
            } else {
                MatchHow::Partial
            };
            return Some(make(k.entry, how, 1.0));
        }
        nearest
            .filter(|(s, _)| *s >= NEAREST_FLOOR)
            .map(|(s, i)| make(i, MatchHow::Nearest, (s.min(1.0) * 100.0).round() / 100.0))
    }
}

// ---------------------------------------------------------------------------------------------
// The draft plan
// ---------------------------------------------------------------------------------------------

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn level_of(name: &str) -> &'static str {
    if name.ends_with('区') {
        "district"
    } else if name.ends_with('县') {
        "county"
    } else {
        "county-city"
    }
}

/// A row of the draft: candidates for one indicator.
struct DraftRow<'a> {
    id: String,
    m: Option<&'a CatalogMatch>,
    members: Vec<&'a Candidate>,
}

/// The draft plan file: every candidate in the plan format, with a `# TODO` on everything a
/// person must settle. It deserialises with the plan schema; unknown ids are for `validate`.
pub(crate) fn draft_yaml(
    ex: &Extraction,
    matches: &[Option<CatalogMatch>],
    source_name: &str,
) -> String {
    use std::fmt::Write as _;
    let info = &ex.info;
    let mut y = String::new();
    let n_targets = ex
        .candidates
        .iter()
        .filter(|c| c.kind == Kind::Target)
        .count();
    let _ = writeln!(
        y,
        "# yaml-language-server: $schema=../schema/plan.schema.json"
    );
    let _ = writeln!(
        y,
        "# Draft by `qyx extract` from {source_name}: {} candidates ({n_targets} targets, {} baselines).",
        ex.candidates.len(),
        ex.candidates.len() - n_targets
    );
    let _ = writeln!(
        y,
        "# Settle every TODO, check every number against the document, then run `qyx validate`."
    );
    let todo = |y: &mut String, indent: &str, what: &str| {
        let _ = writeln!(y, "{indent}# TODO: {what}");
    };
    let name = info.jurisdiction.clone().unwrap_or_else(|| "TODO".into());
    let _ = writeln!(y, "jurisdiction:");
    let _ = writeln!(
        y,
        "  id: \"todo\"  # TODO: ASCII pinyin, the same as the file name"
    );
    let _ = writeln!(
        y,
        "  name: {}{}",
        q(&name),
        if info.jurisdiction.is_none() {
            "  # TODO: not found in the title"
        } else {
            ""
        }
    );
    let _ = writeln!(y, "  name_en: \"TODO\"  # TODO: English name");
    let _ = writeln!(
        y,
        "  level: {}  # TODO: check (guessed from the name)",
        level_of(&name)
    );
    let _ = writeln!(y, "document:");
    match &info.title {
        Some(t) => {
            let _ = writeln!(y, "  title: {}", q(t));
        }
        None => {
            let _ = writeln!(y, "  title: \"TODO\"  # TODO: the document's title");
        }
    }
    if let Some(n) = &info.number {
        let _ = writeln!(y, "  number: {}", q(n));
    }
    let _ = writeln!(y, "  issuer: \"TODO\"  # TODO: the issuing office");
    match &info.date {
        Some(d) => {
            let _ = writeln!(y, "  date: {}", q(d));
        }
        None => {
            let _ = writeln!(y, "  date: \"TODO\"  # TODO: 成文日期, YYYY-MM-DD");
        }
    }
    match info.kind {
        Some(k) => {
            let _ = writeln!(y, "  kind: {k}");
        }
        None => {
            let _ = writeln!(
                y,
                "  kind: implementation  # TODO: implementation | work-points | five-year-plan"
            );
        }
    }
    let _ = writeln!(y, "  source: {}", q(source_name));
    let (start, end) = (info.start.or(info.end).unwrap_or(0), info.end.unwrap_or(0));
    if info.end.is_none() {
        todo(&mut y, "", "no period found: pass --end-year");
    }
    let _ = writeln!(y, "period: {{ start: {start}, end: {end} }}");
    let _ = writeln!(y, "baseline_year: {}", start - 1);
    // The plan's own areas (黄岩's nine), each mapped onto the domain most of its rows' catalog
    // entries belong to.
    let mut areas: Vec<(String, Vec<Domain>)> = Vec::new();
    for (c, m) in ex.candidates.iter().zip(matches) {
        let Some(a) = &c.area else { continue };
        if Domain::parse(a).is_some() {
            continue;
        }
        let domain = m.as_ref().filter(|m| m.how.is_sure()).map(|m| m.domain);
        match areas.iter_mut().find(|(n, _)| n == a) {
            Some((_, ds)) => ds.extend(domain),
            None => areas.push((a.clone(), domain.into_iter().collect())),
        }
    }
    if !areas.is_empty() {
        let _ = writeln!(y, "areas:");
        for (name, ds) in &areas {
            let best = Domain::ALL
                .into_iter()
                .max_by_key(|d| ds.iter().filter(|x| *x == d).count())
                .filter(|d| ds.contains(d));
            match best {
                Some(d) => {
                    let _ = writeln!(
                        y,
                        "  - {{ name: {}, domain: {} }}  # TODO: check the domain (the most common of its rows' catalog entries)",
                        q(name),
                        d.zh()
                    );
                }
                None => {
                    let _ = writeln!(
                        y,
                        "  - {{ name: {}, domain: 综合集成 }}  # TODO: choose the domain",
                        q(name)
                    );
                }
            }
        }
    }
    let _ = writeln!(y, "indicators:");

    // Rows: one per catalog id found exactly or by containment; one per phrase otherwise.
    let mut rows: Vec<DraftRow> = Vec::new();
    let mut index: std::collections::HashMap<(bool, &str), usize> = Default::default();
    let mut unmatched = 0;
    for (c, m) in ex.candidates.iter().zip(matches) {
        let sure = m.as_ref().filter(|m| m.how.is_sure());
        let key = match sure {
            Some(m) => (true, m.id.as_str()),
            None => (false, c.indicator.as_str()),
        };
        match index.get(&key) {
            Some(i) => rows[*i].members.push(c),
            None => {
                let id = match sure {
                    Some(m) => m.id.clone(),
                    None => {
                        unmatched += 1;
                        format!("todo-{unmatched}")
                    }
                };
                index.insert(key, rows.len());
                rows.push(DraftRow {
                    id,
                    m: m.as_ref(),
                    members: vec![c],
                });
            }
        }
    }
    for r in &rows {
        let c0 = r.members[0];
        let _ = writeln!(y);
        match r.m {
            None => todo(
                &mut y,
                "  ",
                "no catalog match: add an entry or choose an id",
            ),
            Some(m) if m.how == MatchHow::Partial => todo(
                &mut y,
                "  ",
                &format!(
                    "the phrase names `{}` {} and says more: a narrower indicator? check the id",
                    m.id, m.name
                ),
            ),
            Some(m) if m.how == MatchHow::Nearest => todo(
                &mut y,
                "  ",
                &format!(
                    "no catalog name in the phrase; nearest: `{}` {} (similarity {:.2})",
                    m.id, m.name, m.score
                ),
            ),
            _ => {}
        }
        let _ = writeln!(y, "  - id: {}", q(&r.id));
        let _ = writeln!(
            y,
            "    name: {}",
            q(if c0.indicator.is_empty() {
                "TODO"
            } else {
                &c0.indicator
            })
        );
        if let Some(u) = r.members.iter().find_map(|c| c.unit.as_ref()) {
            if Unit::parse(u).is_ok() {
                let _ = writeln!(y, "    unit: {}", q(u));
            } else {
                todo(
                    &mut y,
                    "    ",
                    &format!("unit `{u}` as printed is not one qyx knows: settle `unit`"),
                );
            }
        }
        if let Some(l) = r.members.iter().find_map(|c| c.lead.as_ref()) {
            let _ = writeln!(y, "    lead: {}", q(l));
        }
        if let Some(a) = r.members.iter().find_map(|c| c.area.as_ref()) {
            let _ = writeln!(y, "    area: {}", q(a));
        }
        if let Some(row) = r.members.iter().find_map(|c| c.row.as_ref()) {
            let _ = writeln!(y, "    row: {}", q(row));
        }
        if let Some(t) = r.members.iter().find_map(|c| c.table.as_ref()) {
            let _ = writeln!(y, "    table: {}", q(t));
        }
        let mut baselines = r.members.iter().filter(|c| c.kind == Kind::Baseline);
        let extra_baselines: Vec<&&Candidate> = match baselines.next() {
            Some(b) => {
                let _ = writeln!(y, "    baseline:");
                figure(&mut y, "      ", b, r.m);
                baselines.collect()
            }
            None => Vec::new(),
        };
        let targets: Vec<&&Candidate> = r
            .members
            .iter()
            .filter(|c| c.kind == Kind::Target)
            .collect();
        if !targets.is_empty() {
            let _ = writeln!(y, "    targets:");
            // A table cell and a prose phrase for the same year and value are one target.
            let mut done = vec![false; targets.len()];
            for a in 0..targets.len() {
                if done[a] {
                    continue;
                }
                let twin = (a + 1..targets.len()).find(|b| {
                    !done[*b]
                        && targets[a].year == targets[*b].year
                        && targets[a].value == targets[*b].value
                        && targets[a].cell.is_some() != targets[*b].cell.is_some()
                });
                let same_year = (0..targets.len())
                    .filter(|b| *b != a && Some(*b) != twin && targets[*b].year == targets[a].year)
                    .count();
                match twin {
                    Some(b) => {
                        done[b] = true;
                        let (cell, prose) = if targets[a].cell.is_some() {
                            (targets[a], targets[b])
                        } else {
                            (targets[b], targets[a])
                        };
                        let merged = Candidate {
                            text: prose.text.clone(),
                            quote: prose.quote.clone(),
                            section: prose.section.clone(),
                            scope: if cell.scope == Scope::Level {
                                prose.scope
                            } else {
                                cell.scope
                            },
                            ..(*cell).clone()
                        };
                        list_figure(&mut y, &merged, r.m, same_year);
                    }
                    None => list_figure(&mut y, targets[a], r.m, same_year),
                }
            }
        }
        if !extra_baselines.is_empty() {
            let more: Vec<String> = extra_baselines
                .iter()
                .map(|b| {
                    format!(
                        "{} ({}): {}",
                        b.text.as_deref().or(b.cell.as_deref()).unwrap_or_default(),
                        b.year.map_or("?".into(), |y| y.to_string()),
                        b.quote.as_deref().unwrap_or_default()
                    )
                })
                .collect();
            let _ = writeln!(
                y,
                "    note: {}  # TODO: more than one baseline; keep one",
                q(&format!("other past figures: {}", more.join(" | ")))
            );
        }
    }
    y
}

/// The doubts about one figure, for its `# TODO`.
fn doubts_of(c: &Candidate, m: Option<&CatalogMatch>, same_year: usize) -> Vec<String> {
    let mut d = c.doubts.clone();
    if c.year.is_none() {
        d.push("no year: pass --end-year or set it".into());
    } else if !c.year_stated && c.kind == Kind::Target && c.cell.is_none() {
        d.push("no year in the sentence: the plan's end year is assumed".into());
    }
    if c.op == Op::Reach && m.is_none_or(|m| !m.how.is_sure()) {
        d.push("bare number: ≥ or ≤ depends on the indicator's better direction".into());
    }
    if same_year > 0 {
        d.push("another target for the same year in this row: keep one".into());
    }
    d
}

fn figure(y: &mut String, indent: &str, c: &Candidate, m: Option<&CatalogMatch>) {
    use std::fmt::Write as _;
    for d in doubts_of(c, m, 0) {
        let _ = writeln!(y, "{indent}# TODO: {d}");
    }
    let _ = writeln!(y, "{indent}year: {}", c.year.unwrap_or(0));
    figure_fields(y, indent, c);
}

fn list_figure(y: &mut String, c: &Candidate, m: Option<&CatalogMatch>, same_year: usize) {
    use std::fmt::Write as _;
    for d in doubts_of(c, m, same_year) {
        let _ = writeln!(y, "      # TODO: {d}");
    }
    let _ = writeln!(y, "      - year: {}", c.year.unwrap_or(0));
    figure_fields(y, "        ", c);
}

fn figure_fields(y: &mut String, indent: &str, c: &Candidate) {
    use std::fmt::Write as _;
    if let Some(cell) = &c.cell {
        let _ = writeln!(y, "{indent}cell: {}", q(cell));
    }
    if let Some(t) = &c.text {
        let _ = writeln!(y, "{indent}text: {}", q(t));
    }
    if let Some(qu) = &c.quote {
        let _ = writeln!(y, "{indent}quote: {}", q(qu));
    }
    if let Some(s) = &c.section
        && c.cell.is_none()
    {
        let _ = writeln!(y, "{indent}section: {}", q(s));
    }
    if c.scope != Scope::Level {
        let _ = writeln!(y, "{indent}scope: {}", c.scope.name());
    }
    if !c.year_stated {
        let _ = writeln!(y, "{indent}year_stated: false");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// Candidates of one sentence set under a task heading of a 2023–2027 plan.
    fn read(sentence: &str) -> Vec<Candidate> {
        let doc = format!(
            "《瑞安市公共服务“七优享”工程实施方案(2023—2027年)》\n二、重点任务 (一)加快实现“幼有善育”。{sentence}\n"
        );
        extract(&doc, None).candidates
    }

    /// (text, op, value, unit, year, year stated) of each candidate.
    type Expect<'a> = (&'a str, Op, Decimal, Option<&'a str>, i32, bool);

    fn check(sentence: &str, want: &[Expect]) {
        let got = read(sentence);
        let got: Vec<Expect> = got
            .iter()
            .map(|c| {
                (
                    c.text.as_deref().unwrap_or_default(),
                    c.op,
                    c.value.unwrap_or_default(),
                    c.unit.as_deref(),
                    c.year.unwrap_or_default(),
                    c.year_stated,
                )
            })
            .collect();
        assert_eq!(got, want, "{sentence}");
    }

    /// Real sentences from the seed documents and the targets they set.
    #[test]
    fn targets_in_prose() {
        use Op::*;
        let pct = Some("%");
        check(
            "到2027年,严重致残出生缺陷发生率控制在1‰以下,孕产妇死亡率和婴儿死亡率持续巩固在低位。",
            &[("控制在1‰以下", Le, dec!(1), Some("‰"), 2027, true)],
        );
        check(
            "到2027年,建成“医防护”儿童健康管理指导中心5家,婴幼儿照护服务机构从业人员持证率达到90%以上,每千人口拥有3岁以下婴幼儿托位数达到5.55个以上,普惠托位占比达到70%以上。",
            &[
                ("5家", Reach, dec!(5), Some("家"), 2027, true),
                ("达到90%以上", Ge, dec!(90), pct, 2027, true),
                ("达到5.55个以上", Ge, dec!(5.55), Some("个"), 2027, true),
                ("达到70%以上", Ge, dec!(70), pct, 2027, true),
            ],
        );
        check(
            "到2027年,累计城镇新增就业6万人以上,城镇调查失业率低于5%。",
            &[
                ("6万人以上", Ge, dec!(6), Some("万人"), 2027, true),
                ("低于5%", Lt, dec!(5), pct, 2027, true),
            ],
        );
        check(
            "到2027年,城区平均急救反应时间少于9分钟,乡村地区平均急救反应时间少于12分钟。",
            &[
                ("少于9分钟", Lt, dec!(9), Some("分钟"), 2027, true),
                ("少于12分钟", Lt, dec!(12), Some("分钟"), 2027, true),
            ],
        );
        // No year in the sentence: the plan's end year, not stated.
        check(
            "困难群众医疗费用综合保障率稳定在90%左右。",
            &[("稳定在90%左右", Approx, dec!(90), pct, 2027, false)],
        );
        check(
            "力争建设2—3个高标准、高质量的中医药特色专科。",
            &[("2—3个", Range, dec!(2), Some("个"), 2027, false)],
        );
        // OCR put a space before the unit.
        check(
            "到2027年,0-3岁儿童发育监测筛查率达到95%以上,婴幼儿家长科学育儿知识普及率达到90 %以上。",
            &[
                ("达到95%以上", Ge, dec!(95), pct, 2027, true),
                ("达到90 %以上", Ge, dec!(90), pct, 2027, true),
            ],
        );
        // 到2027年 at the head of the sentence governs the clauses after a semicolon too.
        check(
            "到2027年,累计新增学位21660个;市域内义务教育融合型共建型教共体比例不低于85%。",
            &[
                ("21660个", Reach, dec!(21660), Some("个"), 2027, true),
                ("不低于85%", Ge, dec!(85), pct, 2027, true),
            ],
        );
        check(
            "到2027年,累计筹集建设保障性租赁住房达到2.6万套(间)以上。",
            &[(
                "达到2.6万套(间)以上",
                Ge,
                dec!(2.6),
                Some("万套(间)"),
                2027,
                true,
            )],
        );
        check(
            "推动乡镇邮政服务全域覆盖,到2025年,邮政(快递)进村服务覆盖率达100%。",
            &[("达100%", Reach, dec!(100), pct, 2025, true)],
        );
        // A count after its verb, the thing counted after it.
        check(
            "推进4所新建公办幼儿园建设及投用,创新办园体制改革。",
            &[("4所", Reach, dec!(4), Some("所"), 2027, false)],
        );
    }

    #[test]
    fn indicator_names_scope_and_lists() {
        let c =
            read("到2027年,全市公办园、优质园、普惠园在园幼儿覆盖率分别达到67%、84%、95%以上。");
        let names: Vec<&str> = c.iter().map(|c| c.indicator.as_str()).collect();
        assert_eq!(
            names,
            [
                "公办园在园幼儿覆盖率",
                "优质园在园幼儿覆盖率",
                "普惠园在园幼儿覆盖率"
            ]
        );
        // 分别达到…以上 is ≥ for all three, though `达到67%` alone reads as a bare target.
        assert!(c.iter().all(|c| c.op == Op::Ge));
        assert!(c[0].doubts.iter().any(|d| d.contains("ambiguous operator")));
        assert_eq!(c[2].text.as_deref(), Some("95%以上"));

        // One value for two quantities gives two targets.
        let c = read(
            "中小学校的体育与健康课开课率、眼保健操普及率均达到100%,中小学每天开展不少于30分钟体育大课间活动。",
        );
        let names: Vec<&str> = c.iter().map(|c| c.indicator.as_str()).collect();
        assert_eq!(
            names[..2],
            ["中小学校的体育与健康课开课率", "眼保健操普及率"]
        );
        assert_eq!(c[2].text.as_deref(), Some("不少于30分钟"));

        let c = read(
            "持续推进农村困难家庭危房即时救助,保持动态新增农村困难家庭危房改造率和救助率100%。",
        );
        let names: Vec<&str> = c.iter().map(|c| c.indicator.as_str()).collect();
        assert_eq!(
            names,
            [
                "动态新增农村困难家庭危房改造率",
                "动态新增农村困难家庭危房救助率"
            ]
        );

        let scopes = |s: &str| read(s).iter().map(|c| c.scope).collect::<Vec<_>>();
        assert_eq!(
            scopes("到2027年,全市累计开展职业技能培训10万人次。"),
            [Scope::Cumulative]
        );
        assert_eq!(
            scopes("实施同质同标城乡居民免费健康体检,每年免费健康体检22万人以上。"),
            [Scope::Annual]
        );
        assert_eq!(
            scopes("到2027年,劳动争议仲裁结案率保持在92%以上。"),
            [Scope::Maintained]
        );
        let c = read("到2027年,技能人才总量达到30万人以上,占从业人员比重达到37%。");
        assert_eq!(c[1].indicator, "技能人才总量占从业人员比重");
        let c =
            read("全区按照每个街道至少建设1个站点要求,完成站点建设任务街道比例达到80%(含)以上。");
        assert_eq!(c.last().map(|c| c.op), Some(Op::Ge));
    }

    /// Numbers that are not targets: dates, document numbers, scheme names, ages and durations in
    /// names, codes, ordinals.
    #[test]
    fn not_targets() {
        for s in [
            "瑞安市人民政府办公室 2023年4月27日",
            "完善以家庭照护、社区统筹、社会兴办、单位自建、幼儿园办托班等5+X托育服务模式。",
            "加快构建“1+1+X”医育结合托育指导体系。",
            "按照1515总体布局,深化“服务惠老”五大友好行动。",
            "根据(浙政办发〔2023〕14号)和(温政办〔2023〕38号)精神。",
            "已经市政府第19次常务会议审议通过。",
            "推进0-3岁婴幼儿发育监测筛查和干预。",
            "提升托位使用率,打造15分钟托育服务圈。",
            "孕产妇死亡率、婴儿死亡率和5岁以下儿童死亡率持续巩固在历史低水平。",
            "加快推进5G网络建设,实现普通乡镇5G信号全覆盖。",
            "实施“0310”优享帮扶行动计划、“882”资源整合计划和“1619”接续奋斗计划。",
            "推进以家庭照护、社区统筹、社会兴办、单位自建、幼儿园办托班5种模式为主。",
            "落实“改善就医感受·提升患者体验”25条举措。",
            "高质量普及残疾儿童、少年15年基础教育。",
            "城乡居民收入差距缩小到1.9:1。",
            "发布时间: 2023- 04- 20 09: 21 浏览次数:",
            "迭代完善“医保纾困”3.0行动。",
        ] {
            let c = read(s);
            assert!(c.is_empty(), "{s}: {c:#?}");
        }
        let c = read("打好蓝天战,实施大气污染物协同治理,PM2.5浓度控制在22微克/立方米以下。");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].value, Some(dec!(22)));
        // The annex is a staff list.
        let c = read(
            "到2027年,普惠托位占比达到70%以上。\n附件:专班名单\n专班下设办公室和9个分领域专项组。",
        );
        assert_eq!(c.len(), 1);
    }

    /// Past figures are offered as baselines, with the year they describe.
    #[test]
    fn past_figures_are_baselines() {
        let doc = "《黄岩区公共服务“十四五”规划》\n一、发展背景 (一)总体成效 “十三五”时期,各项社会事业全面发展。学前教育普惠发展,公办园覆盖面达51.8%,省义务教育标准化学校覆盖率达95.2%。2020年城乡居民基本养老保险和医疗保险参保人数19.21万人和42.4万人。 (二)发展环境 “十四五”期间我区GDP将突破770亿元。\n三、重点领域 (二)现代教育服务 到2025年,普惠幼儿园比例达到90%以上;公办幼儿园覆盖面达到53%以上。\n";
        let ex = extract(doc, None);
        assert_eq!((ex.info.start, ex.info.end), (Some(2021), Some(2025)));
        let got: Vec<(Kind, &str, Option<i32>)> = ex
            .candidates
            .iter()
            .map(|c| (c.kind, c.text.as_deref().unwrap_or_default(), c.year))
            .collect();
        use Kind::*;
        assert_eq!(
            got,
            [
                (Baseline, "达51.8%", Some(2020)),
                (Baseline, "达95.2%", Some(2020)),
                (Baseline, "19.21万人", Some(2020)),
                (Baseline, "42.4万人", Some(2020)),
                (Target, "突破770亿元", Some(2025)),
                (Target, "达到90%以上", Some(2025)),
                (Target, "达到53%以上", Some(2025)),
            ]
        );
        assert_eq!(ex.candidates[5].area.as_deref(), Some("现代教育服务"));
        assert_eq!(ex.candidates[0].area, None);
        // In a 2024 work-points plan, 2023年 is last year's result; 较 compares with the past.
        let doc = "《2024年嵊泗县公共服务“七优享”工程工作要点》\n2023年,全县城镇新增就业3000人。较2022年提高2个百分点。2024年,计划实施重大项目3个。\n";
        let kinds: Vec<(Kind, Option<i32>)> = extract(doc, None)
            .candidates
            .iter()
            .map(|c| (c.kind, c.year))
            .collect();
        assert_eq!(
            kinds,
            [
                (Baseline, Some(2023)),
                (Baseline, Some(2023)),
                (Target, Some(2024))
            ]
        );
    }

    #[test]
    fn tables_one_cell_a_line() {
        let doc = "表  诸暨市公共服务“七优享”五年目标\n\n领  域\n\n序号\n\n指 标\n\n2022年基础值\n\n2023年\n\n2027年\n\n责任单位\n\n幼有善育\n\n*1\n\n每千人口拥有 3岁以下婴幼儿托位数(个)\n\n3.5\n\n4.0\n\n5.5\n\n卫生健康局\n\n2\n\n普惠托位占比(%)\n\n60\n\n63\n\n72\n\n卫生健康局\n\n劳有所得\n\n*3\n\n欠薪线索动态化解率(%)\n\n93.0\n\n94. 5\n\n/\n\n人力社保局\n\n注:带*号为省定核心指标\n";
        let ex = extract(doc, Some(2027));
        type Row<'a> = (Kind, &'a str, &'a str, i32, Option<&'a str>, Option<Domain>);
        let got: Vec<Row> = ex
            .candidates
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.indicator.as_str(),
                    c.cell.as_deref().unwrap_or_default(),
                    c.year.unwrap_or_default(),
                    c.unit.as_deref(),
                    c.domain,
                )
            })
            .collect();
        use Kind::*;
        let (n1, n2, n3) = (
            "每千人口拥有 3岁以下婴幼儿托位数",
            "普惠托位占比",
            "欠薪线索动态化解率",
        );
        let (d1, d3) = (Some(Domain::幼有善育), Some(Domain::劳有所得));
        assert_eq!(
            got,
            [
                (Baseline, n1, "3.5", 2022, Some("个"), d1),
                (Target, n1, "4.0", 2023, Some("个"), d1),
                (Target, n1, "5.5", 2027, Some("个"), d1),
                (Baseline, n2, "60", 2022, Some("%"), d1),
                (Target, n2, "63", 2023, Some("%"), d1),
                (Target, n2, "72", 2027, Some("%"), d1),
                (Baseline, n3, "93.0", 2022, Some("%"), d3),
                (Target, n3, "94. 5", 2023, Some("%"), d3),
            ]
        );
        assert_eq!(
            ex.candidates[0].table.as_deref(),
            Some("*1 每千人口拥有 3岁以下婴幼儿托位数(个) 3.5 4.0 5.5 卫生健康局")
        );
        assert_eq!(ex.candidates[0].row.as_deref(), Some("*1"));
    }

    #[test]
    fn composite_cells_and_bar_tables() {
        let doc = "领域\n\n序号\n\n指标\n\n完成值\n\n牵头单位\n\n病有良医\n\n14\n\n基本医疗保险政策范围内住院报销比例(含大病保险)(%)\n\n职工86、\n\n城乡居民70\n\n县医保局\n\n15\n\n急诊急救三大中心标准化达标率(%)\n\n100\n\n县卫健局\n";
        let ex = extract(doc, Some(2024));
        let cells: Vec<(&str, &str)> = ex
            .candidates
            .iter()
            .map(|c| (c.indicator.as_str(), c.cell.as_deref().unwrap_or_default()))
            .collect();
        assert_eq!(
            cells,
            [
                (
                    "职工基本医疗保险政策范围内住院报销比例(含大病保险)",
                    "职工86"
                ),
                (
                    "城乡居民基本医疗保险政策范围内住院报销比例(含大病保险)",
                    "城乡居民70"
                ),
                ("急诊急救三大中心标准化达标率", "100"),
            ]
        );
        assert!(
            ex.candidates
                .iter()
                .all(|c| !c.year_stated && c.year == Some(2024))
        );

        let doc = "| 序号 | 指标 | 2025年 | 责任单位 |\n|---|---|---|---|\n| 1 | 普惠托位占比(%) | >60 | 卫健局 |\n";
        let ex = extract(doc, None);
        assert_eq!(ex.candidates.len(), 1);
        let c = &ex.candidates[0];
        assert_eq!(
            (c.indicator.as_str(), c.op, c.year, c.cell.as_deref()),
            ("普惠托位占比", Op::Gt, Some(2025), Some(">60"))
        );
    }

    #[test]
    fn documents_decode_and_describe_themselves() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("到2027年,普惠托位占比达到70%以上。");
        assert_eq!(decode(&gbk), "到2027年,普惠托位占比达到70%以上。");
        assert_eq!(decode("\u{feff}达到".as_bytes()), "达到");
        assert_eq!(clean("a||||||b|c"), "ab|c");
        let info = doc_info(
            "文号: 诸政办发〔2023〕10号\n成文日期: 2023-04-17\n关于印发《诸暨市公共服务“七优享”工程实施方案(2023-2027年)》的通知\n",
        );
        assert_eq!(
            info,
            DocInfo {
                title: Some("诸暨市公共服务“七优享”工程实施方案(2023-2027年)".into()),
                number: Some("诸政办发〔2023〕10号".into()),
                date: Some("2023-04-17".into()),
                kind: Some("implementation"),
                jurisdiction: Some("诸暨市".into()),
                start: Some(2023),
                end: Some(2027),
            }
        );
        let info = doc_info("《2024年龙湾区公共服务“七优享”工程工作要点》 2024年6月7日");
        assert_eq!(
            (
                info.kind,
                info.jurisdiction.as_deref(),
                info.start,
                info.end,
                info.date.as_deref()
            ),
            (
                Some("work-points"),
                Some("龙湾区"),
                Some(2024),
                Some(2024),
                Some("2024-06-07")
            )
        );
    }

    fn builtin_catalog() -> CatalogIndex {
        let (set, _) = crate::plan::PlanSet::load(&crate::plan::load::PlanDir::Builtin);
        set.expect("the built-in plans load").catalog
    }

    #[test]
    fn catalog_matching() {
        let cat = builtin_catalog();
        let m = |name: &str, unit: Option<&str>| {
            let mut c = Candidate::blank(1);
            c.indicator = name.into();
            c.unit = unit.map(Into::into);
            Matcher::new(&cat).find(&c).map(|m| (m.id, m.how))
        };
        assert_eq!(
            m("每千人口拥有3岁以下婴幼儿托位数", Some("个")),
            Some(("childcare-places-per-1000".into(), MatchHow::Exact))
        );
        assert_eq!(
            m("全市普惠托位占比", Some("%")),
            Some(("childcare-inclusive-share".into(), MatchHow::Contains))
        );
        // A unit that cannot convert rules an entry out.
        assert_ne!(
            m("普惠托位占比", Some("人")).map(|x| x.0),
            Some("childcare-inclusive-share".into())
        );
        let near = m("每千人口婴幼儿托位", Some("个"));
        assert!(matches!(near, Some((_, MatchHow::Nearest))), "{near:?}");
        assert_eq!(m("与任何指标无关的词语", None), None);
    }

    /// The draft deserialises with the plan schema, whatever the catalog says.
    #[test]
    fn draft_is_a_plan_file() {
        let doc = "关于印发《瑞安市公共服务“七优享”工程实施方案(2023—2027年)》的通知 2023年4月27日\n二、重点任务 (一)加快实现“幼有善育”。到2027年,每千人口拥有3岁以下婴幼儿托位数达到5.55个以上,普惠托位占比达到70%以上。全市公办园、优质园、普惠园在园幼儿覆盖率分别达到67%、84%、95%以上。累计营收150亿以上。\n";
        let ex = extract(doc, None);
        let cat = builtin_catalog();
        let matches: Vec<_> = ex
            .candidates
            .iter()
            .map(|c| Matcher::new(&cat).find(c))
            .collect();
        let yaml = draft_yaml(&ex, &matches, "ruian.txt");
        let src = crate::plan::load::SourceText {
            name: "draft.yaml".into(),
            text: yaml.clone(),
        };
        let plan: crate::plan::Plan =
            crate::plan::load::parse_yaml(&src).unwrap_or_else(|d| panic!("{d}\n{yaml}"));
        assert_eq!(plan.jurisdiction.name, "瑞安市");
        assert_eq!(
            (plan.period.start.value, plan.period.end.value),
            (2023, 2027)
        );
        assert_eq!(plan.indicators[0].id.value, "childcare-places-per-1000");
        assert!(yaml.contains("# TODO: ambiguous operator"), "{yaml}");
        assert!(yaml.contains("# TODO: unit `亿` as printed"), "{yaml}");
        assert!(yaml.contains("id: \"todo-1\""), "{yaml}");
        // Unmatched, every row is `todo-N` and it still deserialises.
        let none = vec![None; ex.candidates.len()];
        let yaml = draft_yaml(&ex, &none, "ruian.txt");
        let src = crate::plan::load::SourceText {
            name: "draft.yaml".into(),
            text: yaml,
        };
        assert!(crate::plan::load::parse_yaml::<crate::plan::Plan>(&src).is_ok());
    }
}
