//! Where a sentence stands and what it says about time: the heading markers (`二、`, `(一)`,
//! `1.`) and the outline they build (section, domain, area, whether the section reports past
//! results), the split of a line into sentences, the year expressions before a number, and the
//! words that set a figure's scope or mark it as already reached.
//!
//! Why it exists: a number alone says neither its year, its domain nor whether it is a target or
//! last year's result. Prose, tables and the document header read that context the same way, so
//! it is read here once.

use super::scan::{
    RANGE_SEPARATORS, collect, enclosed, ends_with_at, is_digit, is_space, scan_number,
    skip_spaces, starts_with,
};
use crate::plan::schema::{Domain, Scope};

const CN_NUMERALS: &str = "一二三四五六七八九十";

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

pub(super) fn domain_in(s: &str) -> Option<Domain> {
    DOMAIN_NAMES
        .iter()
        .find(|(n, _)| s.contains(n))
        .map(|(_, d)| *d)
}

/// A heading marker at `i`: level 1 `二、`, level 2 `(一)`, level 3 `1.`; with its length.
pub(super) fn heading_at(chars: &[char], i: usize) -> Option<(u8, usize, String)> {
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
        // `9.2023年全县…`: a list number before a year, never the decimal 9.2023 of a year.
        let year_follows = (1..=4).all(|k| chars.get(j + k).is_some_and(char::is_ascii_digit))
            && chars.get(j + 5) == Some(&'年');
        if j - i <= 2
            && matches!(chars.get(j), Some('.') | Some('．') | Some('、'))
            && chars
                .get(j + 1)
                .is_some_and(|x| !x.is_ascii_digit() && !is_space(*x) && *x != '%' || year_follows)
        {
            return Some((3, j + 1 - i, collect(&chars[i..j])));
        }
    }
    None
}

/// The headings above the current sentence.
#[derive(Debug, Clone, Default)]
pub(super) struct Outline {
    l1: Option<(String, String)>,
    l2: Option<(String, String)>,
    l3: Option<String>,
}

impl Outline {
    pub(super) fn enter(&mut self, level: u8, marker: String, title: String) {
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

    pub(super) fn section(&self) -> Option<String> {
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

    pub(super) fn domain(&self) -> Option<Domain> {
        self.l2
            .as_ref()
            .and_then(|(_, t)| domain_in(t))
            .or_else(|| self.l1.as_ref().and_then(|(_, t)| domain_in(t)))
    }

    /// The area as the plan names it: the domain a heading names, else the words of a heading
    /// under the tasks (三、重点领域 (一)婴幼儿照护服务); 发展目标 and the like are not areas.
    pub(super) fn area(&self) -> Option<String> {
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
    pub(super) fn past(&self) -> bool {
        const PAST: &[&str] = &["成效", "背景", "基础", "回顾", "现状", "进展", "成就"];
        // The innermost heading decides: 一、发展背景 holds both (一)总体成效 and (二)发展环境.
        self.l2
            .as_ref()
            .or(self.l1.as_ref())
            .is_some_and(|(_, t)| PAST.iter().any(|p| t.contains(p)))
    }
}

/// The title after a heading marker: up to the first stop, bracket or space.
pub(super) fn heading_title(chars: &[char], from: usize) -> String {
    let end = chars[from..]
        .iter()
        .position(|c| "。(（ :：,，".contains(*c) || is_space(*c))
        .map_or(chars.len(), |p| from + p);
    collect(&chars[from..end]).trim().to_string()
}

pub(super) struct Sentence {
    pub(super) chars: Vec<char>,
    pub(super) line: usize,
}

/// Longer than any real sentence: the plans' longest is a few hundred characters.
const MAX_SENTENCE: usize = 1000;

/// Splits a line into sentences at 。！？ and before a heading marker that follows a space. A
/// semicolon only ends a clause: 到2027年 at the head of a sentence governs what follows it.
pub(super) fn sentences(line: &str, line_no: usize) -> Vec<Sentence> {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearHow {
    /// 到2027年, 至2025年, 力争于2024年, 2024年底前: a deadline.
    By,
    /// A bare 2024年: the year the sentence is about.
    Bare,
    /// 截至2023年: the year a past figure describes.
    Past,
    /// 较2022年, 比2020年: the year a change is measured from, not the figure's year.
    Compare,
    /// 由2022年的3.9个提高到5.5个: the year of the starting figure right after it only.
    From,
}

/// Every year expression in `chars[..end]`: (position, year, how).
pub(super) fn years_before(chars: &[char], end: usize) -> Vec<(usize, i32, YearHow)> {
    let mut out = Vec::new();
    // A list number's dot (`9.2023年`) does not glue the year to it.
    let marker_end = heading_at(chars, 0).map(|h| h.1);
    let mut i = marker_end.unwrap_or(0).min(end);
    while i < end {
        let after_dot = i > 0 && chars[i - 1] == '.' && marker_end != Some(i);
        if is_digit(chars[i]) && (i == 0 || !is_digit(chars[i - 1]) && !after_dot) {
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
                } else if ["由", "从"].iter().any(|w| ends_with_at(chars, i, w)) {
                    YearHow::From
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

pub(super) fn scope_of(words: &str) -> Scope {
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
pub(super) fn past_words(words: &str) -> bool {
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
