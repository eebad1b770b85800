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
    /// The year a level-1 and a level-2 heading date what is under them to (`（一）第一阶段
    /// （2023—2025年）`, `二、到2025年主要目标`).
    until: [Option<i32>; 2],
}

impl Outline {
    /// Enters a heading; `until`: the year its own words date its part to ([`heading_until`]).
    pub(super) fn enter(&mut self, level: u8, marker: String, title: String, until: Option<i32>) {
        match level {
            1 => {
                self.l1 = Some((marker, title));
                self.l2 = None;
                self.l3 = None;
                self.until = [until, None];
            }
            2 => {
                self.l2 = Some((marker, title));
                self.l3 = None;
                self.until[1] = until;
            }
            _ => self.l3 = Some(marker),
        }
    }

    /// The year the headings above date a figure with no year of its own to: a plan in stages
    /// (`（一）第一阶段（2023—2025年）` over `⑴…达到4.5个；`) sets the first stage's targets for its
    /// last year, not the plan's.
    pub(super) fn until(&self) -> Option<i32> {
        self.until[1].or(self.until[0])
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

    /// The title of the item heading the text is under (`（二）普惠托位占比（%）。` → `普惠托位占比`):
    /// an annex's 指标说明 names each indicator there and explains it in the sentences after.
    pub(super) fn item_title(&self) -> Option<&str> {
        self.l2.as_ref().map(|(_, t)| t.as_str())
    }

    /// Under a heading about what was achieved (一、发展背景 (一)总体成效).
    pub(super) fn past(&self) -> bool {
        const PAST: &[&str] = &["成效", "背景", "基础", "回顾", "现状", "进展", "成就"];
        // A review (`一、2023年工作回顾`, as a 政府工作报告 opens) is past all through: its parts
        // are titled by what went well (`（一）经济运行稳中向好`), not by what is past.
        if self.l1.as_ref().is_some_and(|(_, t)| t.contains("回顾")) {
            return true;
        }
        // The innermost heading decides: 一、发展背景 holds both (一)总体成效 and (二)发展环境.
        self.l2
            .as_ref()
            .or(self.l1.as_ref())
            .is_some_and(|(_, t)| PAST.iter().any(|p| t.contains(p)))
    }
}

/// The year a heading's own words date its part to: the last year its title names as a deadline
/// or the end of a span, or the brackets right after its title (`（一）第一阶段（2023—2025年）`,
/// `二、到2025年主要目标`, `（二）2024年重点任务`). A year later in the heading's sentence
/// (`（一）实施…行动，到2025年完成试点。`) is that sentence's own.
pub(super) fn heading_until(chars: &[char], marker_len: usize) -> Option<i32> {
    let title_end = chars[marker_len..]
        .iter()
        .position(|c| "。 :：,，".contains(*c) || is_space(*c))
        .map_or(chars.len(), |p| marker_len + p);
    years_before(chars, title_end)
        .iter()
        .rev()
        .find(|(_, _, how)| matches!(how, YearHow::By | YearHow::Bare))
        .map(|(_, y, _)| *y)
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
/// The width a document printed from a PDF wraps its paragraphs at (`pdftotext` keeps the
/// page's lines): in characters and in display columns, whichever the lines agree on.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Wrap {
    chars: Option<usize>,
    width: Option<usize>,
}

/// Whether a line reads as prose: long enough to wrap, not a table row (no gap of two spaces
/// or a tab between its words) and not a table's rule (`+------+----+`, `=====`: no word at all,
/// and as wide as its table, which is no page's width).
fn prose_line(t: &str) -> bool {
    t.chars().count() >= 15
        && !t.contains("  ")
        && !t.contains(['\t', '\u{3000}', '|', '│'])
        && t.chars().any(char::is_alphabetic)
}

/// The most common length of a document's long prose lines, when most of them have it and
/// hardly any is longer: the page width of a document whose paragraphs were broken into lines.
/// A web page's paragraphs (one a line, of every length) have none.
fn common_length(lengths: &[usize]) -> Option<usize> {
    if lengths.len() < 5 {
        return None;
    }
    let max = *lengths.iter().max()?;
    let mut counts = vec![0usize; max + 1];
    for l in lengths {
        counts[*l] += 1;
    }
    // From the longest length down, with the count of lines longer than `c + 2` kept as it goes
    // (summing it afresh for each length was quadratic in the longest line).
    let mut longer = 0;
    for c in (15..=max).rev() {
        longer += counts.get(c + 3).copied().unwrap_or(0);
        let near: usize = counts[c.saturating_sub(2)..=c].iter().sum();
        if near >= 5 && near * 5 >= lengths.len() * 2 && longer * 10 <= lengths.len() {
            return Some(c);
        }
        if longer * 10 > lengths.len() {
            return None;
        }
    }
    None
}

/// A line as it fills the page: its text and the indent before it. A paragraph's first line
/// is indented two characters (`　　`, or spaces in `pdftotext -layout`), so it ends where the
/// page ends only when the indent is counted.
fn on_page(l: &str) -> (&str, usize, usize) {
    use unicode_width::UnicodeWidthStr;
    let t = l.trim();
    // A form feed (a new page) takes no room on the page.
    let lead = l[..l.len() - l.trim_start().len()].replace('\u{c}', "");
    // The two characters' indent `pdftotext -layout` prints as four spaces (each as wide as a
    // half-width digit) take the room of two characters, not four.
    let (chars, width) = if lead.contains('\t') || lead.width() > 8 {
        (0, 0)
    } else if lead.chars().all(|c| c == ' ') {
        (lead.len().div_ceil(2), lead.width())
    } else {
        (lead.chars().count(), lead.width())
    };
    (t, t.chars().count() + chars, t.width() + width)
}

pub(super) fn wrap_width(lines: &[&str]) -> Wrap {
    let prose: Vec<(&str, usize, usize)> = lines
        .iter()
        .map(|l| on_page(l))
        .filter(|(t, _, _)| prose_line(t))
        .collect();
    let chars: Vec<usize> = prose.iter().map(|p| p.1).collect();
    let widths: Vec<usize> = prose.iter().map(|p| p.2).collect();
    let wrap = Wrap {
        chars: common_length(&chars),
        width: common_length(&widths),
    };
    if wrap.chars.is_some() || wrap.width.is_some() {
        return wrap;
    }
    // Too few lines of one length, or paragraphs left whole among the broken ones: the lines
    // that stop mid-sentence say it.
    let runs: Vec<(usize, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let (t, chars, width) = on_page(l);
            (prose_line(t) && runs_on(t, lines.get(i + 1).copied())).then_some((chars, width))
        })
        .collect();
    Wrap {
        chars: run_on_length(runs.iter().map(|r| r.0).collect(), &chars, 2),
        width: run_on_length(runs.iter().map(|r| r.1).collect(), &widths, 4),
    }
}

/// Whether a prose line stops mid-sentence and the next line goes on with it: no mark that ends
/// a sentence or a clause's list, a clause's comma in it (a page's full line of prose has one;
/// a title or a table's header wrapped over two lines has none), no table row (two figures a
/// space apart: `45 60 70 县卫健局`, a flattened .docx), and a next line that is text, no heading
/// and no row of cells.
fn runs_on(t: &str, next: Option<&str>) -> bool {
    let next = next.map(str::trim).unwrap_or_default();
    let chars: Vec<char> = next.chars().collect();
    !t.ends_with(['。', '！', '？', '!', '?', '；', ';', '：', ':'])
        && t.contains(['，', ',', '、'])
        && !figures_apart(t)
        && !next.is_empty()
        && !next.contains("  ")
        && heading_at(&chars, 0).is_none()
}

/// Two figures with only spaces between them (`3.2 4.5`, `92 ≥93`), or a comma that groups no
/// thousands (`3.7,4.3`, `20,22`; `1,200` is one figure): cells of a table row or of a CSV
/// record, which prose never prints (`达到 4.8 个` puts words between).
pub(super) fn figures_apart(t: &str) -> bool {
    let c: Vec<char> = t.chars().collect();
    let digit = |k: usize| c.get(k).is_some_and(char::is_ascii_digit);
    (1..c.len()).any(|i| {
        if !(digit(i - 1) || matches!(c[i - 1], '%' | '‰')) {
            return false;
        }
        let mut k = i;
        if c[i] == ',' {
            let run = (i + 1..c.len()).take_while(|&j| digit(j)).count();
            return run > 0 && run != 3;
        }
        while c.get(k) == Some(&' ') {
            k += 1;
        }
        if k == i {
            return false;
        }
        if c.get(k)
            .is_some_and(|&o| matches!(o, '≥' | '≤' | '<' | '>' | '＜' | '＞'))
        {
            k += 1;
        }
        digit(k)
    })
}

/// The page width from the lines that run on to the next (`runs`): the longest length that at
/// least two of them, and half of them, come within `window` of, with hardly any of them longer
/// (a paragraph the PDF did not break stops at its full stop, and is no such line); and hardly
/// any prose line a little longer than it (up to half as long again: no page prints one, while
/// a paragraph left whole is as long as it is). A short document's two or three broken lines,
/// or a document whose paragraphs are broken in part (a converter joined some), give their
/// width; a page of cards (`指标名称：…` over `单位：个`), a paragraph a line, none.
fn run_on_length(mut runs: Vec<usize>, all: &[usize], window: usize) -> Option<usize> {
    runs.sort_unstable();
    let n = runs.len();
    let mut tops = runs.clone();
    tops.dedup();
    for &c in tops.iter().rev() {
        let longer = n - runs.partition_point(|l| *l <= c + window);
        if longer * 10 > n {
            return None;
        }
        let near = runs.partition_point(|l| *l <= c) - runs.partition_point(|l| *l + window < c);
        if near >= 2 && near * 2 >= n {
            let over = all
                .iter()
                .filter(|l| **l > c + window && **l <= c * 3 / 2)
                .count();
            return (over * 10 <= all.len()).then_some(c);
        }
    }
    None
}

/// The paragraph that starts at line `at`: the line itself, or, in a document whose paragraphs
/// were broken at the page width, the lines it runs on to (a full line that ends mid-sentence,
/// followed by one that is no heading). Returns the paragraph and the line after it.
pub(super) fn paragraph(lines: &[&str], at: usize, wrap: Wrap) -> (String, usize) {
    let full = |l: &str| {
        let (t, chars, width) = on_page(l);
        prose_line(t)
            && !t.ends_with(['。', '！', '？', '!', '?', '；', ';', '：', ':'])
            // Within four characters of the width: a typesetter moves a figure (`98.5%`) or a
            // mark that may not start a line (`、`, `）`) whole to the next line, leaving its
            // line that much short; a paragraph's last line is shorter still.
            && (wrap.chars.is_some_and(|c| chars + 4 >= c)
                || wrap.width.is_some_and(|w| width + 8 >= w))
    };
    let mut text = lines[at].to_string();
    let mut i = at + 1;
    let mut last = lines[at];
    while full(last) {
        // A page break inside the paragraph: blank lines, the page's footer (`— 3 —`) and a form
        // feed, then the paragraph goes on.
        // The break is kept as a form feed (white space to `validate`): a quote must not span
        // the footer, which the source prints there.
        let mut broke = false;
        if let Some(k) = past_page_break(lines, i) {
            i = k;
            broke = true;
        }
        let Some(next) = lines.get(i) else { break };
        let t = next.trim();
        let chars: Vec<char> = t.chars().collect();
        // A line of cells (a tab between them, as a word processor's text export parts them; a
        // CSV record; a table's first header cell a cell a line) is a table's row, not the rest of the line above: a table's title as long as the page's
        // lines (`…主要指标进度安排表`) took its header row into the prose.
        if t.is_empty()
            || t.contains("  ")
            || t.contains('\t')
            // A table's row printed with bars (`| 序号 | 指标 |…`), under a title as long as
            // the page's lines (`表1 …主要指标中期完成情况`).
            || t.starts_with(['|', '｜', '│', '┃'])
            || csv_record(t)
            || header_cell(t)
            || heading_at(&chars, 0).is_some()
        {
            break;
        }
        text.truncate(text.trim_end().len());
        if broke {
            text.push('\u{c}');
        }
        text.push_str(t);
        last = next;
        i += 1;
    }
    (text, i)
}

/// Whether a line reads as a CSV record (a sheet saved or converted to CSV under a table's
/// title): three or more ASCII commas and no sentence's end, with an empty cell (`,,`) or
/// only short cells. Prose typed with half-width commas (`到2025年,新增普惠托位500个,托育机构
/// 乡镇(街道)覆盖率达到100%,`) has long clauses between them.
fn csv_record(t: &str) -> bool {
    t.matches(',').count() >= 3
        && !t.contains(['。', '；'])
        && (t.contains(",,") || t.split(',').all(|f| f.chars().count() <= 12))
}

/// Whether a line is a table's header cell of its own (`序号`, `领域`, `考核指标`: a table a cell a
/// line), which no wrapped sentence's rest is.
fn header_cell(t: &str) -> bool {
    use super::table::{Column, column_of};
    t.chars().count() <= 8 && matches!(column_of(t), Column::Label | Column::Domain | Column::Name)
}

/// The line after a page break that starts at line `at` (blank lines, a page-number footer such
/// as `— 3 —` or `- 3 -`, a form feed), when there is one.
fn past_page_break(lines: &[&str], at: usize) -> Option<usize> {
    let mut k = at;
    let mut page = false;
    while let Some(l) = lines.get(k).filter(|_| k < at + 5) {
        let t = l.trim();
        let digits = t.trim_matches(['—', '-', '－', ' ']);
        let footer = t != digits
            && !digits.is_empty()
            && digits.len() <= 3
            && digits.chars().all(|c| c.is_ascii_digit());
        if !t.is_empty() && !footer {
            page |= l.contains('\u{c}');
            break;
        }
        page |= footer || l.contains('\u{c}');
        k += 1;
    }
    (page && k > at && k < lines.len()).then_some(k)
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

/// Whether the number at `i` ends a range (`2023—2027年`, `2023年至2027年`): a separator right
/// before it, itself after a digit or 年. `截至2022年` is a year, not the end of a range.
fn range_end(chars: &[char], i: usize) -> bool {
    range_start(chars, i).is_some()
}

/// Where the range a number at `i` ends starts: the index just past its first figure (and its
/// 年), when a separator stands right before `i` — one, or doubled as keyboards and typesetters
/// write a dash (`2023——2027年`, `2023--2027年`) — itself after a digit, 年 or a space.
fn range_start(chars: &[char], i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0
        && i - k < 2
        && RANGE_SEPARATORS.contains(&chars[k - 1])
        && (k == i || chars[k - 1] == chars[i - 1])
    {
        k -= 1;
    }
    (k < i && k >= 1 && (is_digit(chars[k - 1]) || chars[k - 1] == '年' || is_space(chars[k - 1])))
        .then_some(k)
}

/// The years a list of `n` values takes one each, in order: `2023—2027年分别为55%、58%、61%、64%、67%`
/// (a span of `n` years), `2025年、2027年分别达到62%、66%` (`n` years listed, `listed` those before
/// the last). Only where 分别 (or 依次) stands between the year at `year_at` and the first value at
/// `first`: without it a list under one span is several figures of its end year.
pub(super) fn years_each(
    chars: &[char],
    year_at: usize,
    year: i32,
    listed: &[i32],
    first: usize,
    n: usize,
) -> Option<Vec<i32>> {
    let between = collect(&chars[year_at.min(first)..first]);
    if n < 2 || !["分别", "依次"].iter().any(|w| between.contains(w)) {
        return None;
    }
    if listed.len() + 1 == n {
        let mut ys: Vec<i32> = listed.iter().rev().copied().collect();
        ys.push(year);
        return Some(ys);
    }
    // The span's first year: `2023—2027年`, `2023年—2027年`, `2023年至2027年`.
    let mut k = range_start(chars, year_at)?;
    if k > 0 && chars[k - 1] == '年' {
        k -= 1;
    }
    let digits: String = chars[k.saturating_sub(4)..k].iter().collect();
    let start: i32 = digits
        .parse()
        .ok()
        .filter(|_| digits.chars().all(is_digit))?;
    let count = usize::try_from(year.checked_sub(start)?).ok()? + 1;
    (count == n).then(|| (start..=year).collect())
}

/// A year spelled in Chinese digits at `i` (`二〇二五年`, `二零二四年`, `二○二四年` with a circle
/// for the zero, as formal documents date their targets): its end and value, read by the shared
/// number reader (four Chinese digits are read digit by digit: [`crate::numeral::scan`]).
fn chinese_year(chars: &[char], i: usize) -> Option<(usize, rust_decimal::Decimal)> {
    let digit = |k: usize| {
        chars
            .get(k)
            .copied()
            .and_then(crate::numeral::chinese_digit)
    };
    if digit(i).is_none() || i > 0 && digit(i - 1).is_some() {
        return None;
    }
    let n = crate::numeral::scan(chars, i).ok()??;
    let year = n.value.scale() == 0
        && (rust_decimal::Decimal::from(1900)..=rust_decimal::Decimal::from(2100))
            .contains(&n.value);
    (n.chinese && n.end == i + 4 && year && chars.get(n.end) == Some(&'年'))
        .then_some((n.end, n.value))
}

/// Whether the 比 just before `i` ends the name of a share or a ratio (`普惠托位占比2025年达到
/// 65%`, `医护比2027年达到1:1.2`, `生师比`), not a comparison with the year after it
/// (`比2022年提高`): the year after such a name dates its figure.
fn names_a_ratio(chars: &[char], i: usize) -> bool {
    i >= 2 && chars[i - 1] == '比' && "占护师".contains(chars[i - 2])
}

/// Every year expression in `chars[..end]`: (position, year, how).
pub(super) fn years_before(chars: &[char], end: usize) -> Vec<(usize, i32, YearHow)> {
    let mut out = Vec::new();
    // A list number's dot (`9.2023年`) does not glue the year to it.
    let marker_end = heading_at(chars, 0).map(|h| h.1);
    let mut i = marker_end.unwrap_or(0).min(end);
    while i < end {
        let after_dot = i > 0 && chars[i - 1] == '.' && marker_end != Some(i);
        let spelled = chinese_year(chars, i);
        if spelled.is_some()
            || is_digit(chars[i]) && (i == 0 || !is_digit(chars[i - 1]) && !after_dot)
        {
            let Some((j, v)) = spelled.or_else(|| scan_number(chars, i)) else {
                i += 1;
                continue;
            };
            let k = skip_spaces(chars, j);
            let is_year = v.scale() == 0
                && (1990..=2100).contains(&v.mantissa())
                && chars.get(k) == Some(&'年')
                && chars.get(k + 1) != Some(&'度')
                && !enclosed(chars, i);
            if is_year && k < end {
                let y = v.mantissa() as i32;
                // The end of a span (`2022年4.2%，2023—2027年控制在5%以内`) is the year a figure
                // after it is due by, and no year before the span is the figure's.
                let how = if range_end(chars, i) {
                    YearHow::By
                } else if ["截至", "截止"].iter().any(|w| ends_with_at(chars, i, w)) {
                    YearHow::Past
                } else if ["由", "从"].iter().any(|w| ends_with_at(chars, i, w)) {
                    YearHow::From
                } else if ["较", "比", "相比"]
                    .iter()
                    .any(|w| ends_with_at(chars, i, w))
                    && !names_a_ratio(chars, i)
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

/// Words that mark a figure as already reached, or reported against a past year's.
pub(super) fn past_words(words: &str) -> bool {
    reached_words(words) || compared_words(words)
}

/// Words that mark a figure as already reached (`已建成`, `截至`, `十三五`).
pub(super) fn reached_words(words: &str) -> bool {
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
    ];
    PAST.iter().any(|p| words.contains(p))
}

/// Words that compare with a past year (`较上年`, `同比`, `较2022年`): a figure reported
/// against last year's, unless the sentence commits to it (`确保…较上年提高2个百分点`).
pub(super) fn compared_words(words: &str) -> bool {
    const COMPARED: &[&str] = &["较上年", "比上年", "同比", "较去年"];
    COMPARED.iter().any(|p| words.contains(p))
        || words
            .char_indices()
            .any(|(i, c)| c == '较' && words[i + c.len_utf8()..].starts_with(|x: char| is_digit(x)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    /// A PDF's paragraphs broken at the page width (pdftotext keeps its lines): read whole, so
    /// that a year split over two lines is no figure and a deadline on the line above still
    /// governs. A web page's lines (a paragraph each) are left as they are.
    #[test]
    fn a_bar_row_is_no_rest_of_a_line() {
        // A table's title as long as the page's lines, then its header row printed with bars:
        // the row is the table's, not the rest of the title. Near miss: words go on.
        let wrap = Wrap {
            chars: Some(25),
            width: None,
        };
        let title = "表1 建德市公共服务“十四五”规划主要指标中期完成情况";
        let lines = [
            title,
            "| 序号 | 指标 | 单位 | 2020年基期值 |",
            "| 1 | 托位数 | 个 | 1.8 |",
        ];
        assert_eq!(paragraph(&lines, 0, wrap).1, 1);
        let lines = [title, "表（单位：个、%）"];
        assert_eq!(paragraph(&lines, 0, wrap).1, 2);
    }

    #[test]
    fn paragraphs_broken_at_the_page_width() {
        let pdf = "某县公共服务“七优享”工程实施方案(2023—2027年)\n    《某县公共服务“七优享”工程实施方案(2023—2\n027年)》已经县政府同意,现印发给你们,请认真执行。\n    (一)幼有善育。到２０２５年,新增普惠托位５００个,\n托育机构乡镇(街道)覆盖率达到１００％。\n    (二)学有优教。推进城乡教育共同体建设,到2027年,\n新(改扩)建学校8所,新增学位3600个以上。\n    (三)劳有所得。全县城镇登记失业率控制在3.5％以内,\n每年开展补贴性职业技能培训1万人次以上。\n";
        let got: Vec<(i32, String)> = extract(pdf, None)
            .candidates
            .iter()
            .map(|c| {
                (
                    c.year.unwrap_or_default(),
                    c.value.unwrap_or_default().to_string(),
                )
            })
            .collect();
        let want = [
            (2025, "500"),
            (2025, "100"),
            (2027, "8"),
            (2027, "3600"),
            (2027, "3.5"),
            (2027, "1"),
        ];
        assert_eq!(got, want.map(|(y, v)| (y, v.to_string())), "{pdf}");
        let lines: Vec<&str> = pdf.lines().collect();
        assert_eq!(paragraph(&lines, 1, wrap_width(&lines)).1, 3);
        // One paragraph a line, of every length: no page width, nothing joined.
        let web = [
            "到2025年,新增普惠托位500个,托育机构覆盖率达到100%",
            "到2027年,新建学校8所",
        ];
        assert!(wrap_width(&web).chars.is_none());
        assert_eq!(paragraph(&web, 0, wrap_width(&web)).1, 1);
        // A PDF read in text order: 28 characters a line, a paragraph's first line indented by
        // two ideographic spaces, and a page break (footer, form feed) inside a paragraph.
        let text = "某县公共服务“七优享”工程实施方案（2023—2027年）\n　　（一）幼有善育。推进托育服务扩容提质，到2025年，新增\n普惠托位600个，到2027年，全县托育机构总数达到60家以上，\n乡镇（街道）托育服务实现全覆盖，普惠托位占比不低于70%\n。\n　　（二）学有优教。实施学前教育提质工程，到2027年，新建、\n\n— 2 —\n\u{c}改扩建幼儿园10所，新增学位1800个，二级幼儿园占比达到\n90%，教育共同体覆盖率保持100%，教师交流轮岗比例15%。\n　　（三）劳有所得。每年城镇新增就业3000人以上，帮扶困难人\n员就业不少于500人，零就业家庭动态清零，技能人才占比提高。\n";
        let got: Vec<(i32, String, String)> = extract(text, None)
            .candidates
            .iter()
            .map(|c| {
                (
                    c.year.unwrap_or_default(),
                    c.value.unwrap_or_default().to_string(),
                    c.quote.clone().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            got[0],
            (2025, "600".into(), "到2025年，新增普惠托位600个".into())
        );
        // The quote of a figure after the break starts on its own page.
        assert_eq!(got[3], (2027, "10".into(), "改扩建幼儿园10所".into()));
    }

    /// A table's title as wide as the page's wrapped lines, then its rows: a tab-separated row
    /// or a CSV record under it is no rest of the title's line. Prose typed with half-width
    /// commas (long clauses between them) still runs on.
    #[test]
    fn a_row_under_a_titles_line_is_no_prose() {
        for (line, record) in [
            (
                "序号,指标名称,单位,2023年,2024年,进度安排（累计）,,,牵头单位",
                true,
            ),
            ("1,新增普惠托位,个,420,500,120,260,400,区卫健局", true),
            (
                "到2025年,新增普惠托位500个,托育机构乡镇(街道)覆盖率达到100%,",
                false,
            ),
            ("新增普惠托位500个，托育机构覆盖率达到100%。", false),
            ("a,b,c", false),
        ] {
            assert_eq!(csv_record(line), record, "{line}");
        }
        // As many characters a line as the title has: the title's line may run on.
        let para = "各牵头单位按下表分季度推进季度进度为累计完成数每季度结束\n";
        let mut lines: Vec<&str> = vec![para.trim_end(); 6];
        lines.push("黄岩区公共服务“七优享”工程2024年主要指标进度安排表");
        lines.push("序号,指标名称,单位,2023年,2024年,进度安排（累计）,,,牵头单位");
        lines.push("序号\t指标名称\t单位\t2023年\t2024年");
        let wrap = wrap_width(&lines);
        assert_eq!(paragraph(&lines, 6, wrap).1, 7);
        lines[7] = lines[8];
        assert_eq!(paragraph(&lines, 6, wrap).1, 7);
        // A table a cell a line: its first header cell on a line of its own.
        for cell in ["序号", "领域", "考核指标"] {
            lines[7] = cell;
            assert_eq!(paragraph(&lines, 6, wrap).1, 7, "{cell}");
        }
        lines[7] = "婴幼儿托位数达到5个。";
        assert_eq!(paragraph(&lines, 6, wrap).1, 8);
    }

    /// Prose broken at the page width beside a grid table (pandoc's Markdown wraps its prose, a
    /// PDF its lines): the table's rules (`+------+`, as wide as the table, no word on them)
    /// are no prose line and leave the page's width as the prose gives it; a line that ends a
    /// figure or a mark short of the width (the figure `98.5%` or a `、` moved whole to the next
    /// line, as a typesetter moves them) still runs on. Each wrapped list keeps its years.
    #[test]
    fn paragraphs_wrapped_beside_a_grid_table() {
        let rule =
            "+------+------------------+----------+--------+--------+--------+--------+--------+";
        let row =
            "| 1    | 每千人口拥有3岁  | 3.9      | 4.2    | 4.4    | 4.6    | 4.9    | 5.2    |";
        let mut page = vec!["某县公共服务“七优享”工程实施方案（2023—2027年）", ""];
        for _ in 0..6 {
            page.extend([rule, row]);
        }
        page.extend([
            rule,
            "",
            "到2025年，公共服务优质共享取得阶段性成效，每千人口拥有3岁以下婴幼",
            "儿托位数达到4.6个，学前教育普及普惠率达到98.5%，每千人口执业（助",
            "理）医师数达到4.1人，基本建成“15分钟公共服务圈”。",
            "",
            "——幼有善育。每千人口拥有3岁以下婴幼儿托位数达到5.2个，普惠托",
            "位占比2023—2027年分别为55%、58%、61%、64%、67%，婴幼儿家长科学育",
            "儿指导服务率保持在95%以上。",
            "",
            "——老有康养。建成乡镇（街道）康养联合体10家，推进医养结合，养老机",
            "构护理型床位占比2023—2027年分别为58%、60%、62%、64%和66%，每",
            "万老年人拥有持证养老护理员数达到26人以上，居家养老服务持续完善。",
            "",
            "坚持以人民为中心的发展思想，聚焦“一老一小”等重点群体，推动公共服务",
            "从“有没有”向“好不好”转变，加快打造公共服务品牌，为高水平建设共同",
            "富裕示范区提供有力支撑，让人民群众的获得感、幸福感、安全感更加充实",
            "、更有保障、更可持续。",
            "",
            "到2026年，新增普惠托位500个，托育机构乡镇（街道）覆盖率达到",
            "98.5%，社区嵌入式托育点达到120个，婴幼儿照护服务水平明显提升。",
            "",
            "——病有良医。县域就诊率达到90%，每千人口医疗机构床位数达到5.6张，",
            "人均预期寿命达到83.5岁，孕产妇死亡率控制在8/10万以下。",
        ]);
        let text = page.join("\n");
        let got: Vec<String> = extract(&text, None)
            .candidates
            .iter()
            .filter(|c| c.table.is_none())
            .map(|c| {
                format!(
                    "{} {}",
                    c.year.unwrap_or_default(),
                    c.value.unwrap_or_default()
                )
            })
            .collect();
        for want in [
            "2025 4.6",
            "2025 98.5",
            "2025 4.1",
            "2023 55",
            "2025 61",
            "2027 67",
            "2027 95",
            "2023 58",
            "2025 62",
            "2026 64",
            "2027 66",
            "2027 26",
            "2026 98.5",
            "2026 120",
        ] {
            assert!(got.contains(&want.to_string()), "{want} not in {got:?}");
        }
        let lines: Vec<&str> = text.lines().collect();
        assert!(wrap_width(&lines).width.is_some());
        assert!(!prose_line(rule) && !prose_line("=================="));
        assert!(prose_line(
            "到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.6个"
        ));
    }

    /// A span of years with whatever dash the keyboard or converter wrote (`——` and `--`
    /// doubled, `–`, `－`, `～`, `~`, `至`) is a span: no figure in a title, and `分别` gives each of
    /// its years a value. A range of figures with such a dash (`2000~3000张`) is still a figure.
    #[test]
    fn year_spans_with_any_dash() {
        for sep in ["—", "——", "-", "--", "－", "–", "～", "~", "至"] {
            let text = format!(
                "某县公共服务“七优享”工程实施方案（2023{sep}2027年）\n普惠托位占比2023{sep}2027年分别为55%、58%、61%、64%、67%。\n"
            );
            let got: Vec<(i32, String)> = extract(&text, None)
                .candidates
                .iter()
                .map(|c| {
                    let v = c.value.unwrap_or_default().to_string();
                    (c.year.unwrap_or_default(), v)
                })
                .collect();
            let want: Vec<(i32, String)> = [55, 58, 61, 64, 67]
                .iter()
                .zip(2023..)
                .map(|(v, y)| (y, v.to_string()))
                .collect();
            assert_eq!(got, want, "{sep}");
        }
        let beds = extract("到2027年，新增养老床位2000~3000张。\n", None);
        let beds: Vec<String> = beds
            .candidates
            .iter()
            .map(|c| format!("{:?} {:?}", c.value, c.high))
            .collect();
        assert_eq!(beds, ["Some(2000) Some(3000)"]);
    }

    /// A page width the lines stopping mid-sentence show, where too few lines share one length
    /// (a short work-points notice) or paragraphs left whole stand among the broken ones (a
    /// converter that joined some): the broken ones are read whole, so that `2023年` on the line
    /// above still dates `520个` and `4.5` / `个` is one figure. Not where nothing was broken: a
    /// page of cards (`指标名称：…` over `单位：个`), a paragraph a line, a table flattened a row a
    /// line (`1 每千人口… 3.2 4.5 5.0 县卫健局`, its rows stop with no full stop).
    #[test]
    fn paragraphs_broken_on_a_short_or_partly_broken_page() {
        let year_of = |text: &str, value: &str| {
            extract(text, None)
                .candidates
                .iter()
                .filter(|c| c.value.is_some_and(|v| v.to_string() == value))
                .map(|c| (c.kind.name(), c.year.unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        let short = [
            "2024年某县公共服务“七优享”工程工作要点",
            "2024年是实施公共服务“七优享”工程的关键之年。2023年,全县新增托位",
            "520个,建成城乡社区嵌入式托育点12个。",
            "一、幼有善育",
            "全年新增普惠性托位350个,每千人口拥有3岁以下婴幼儿托位数提升至4.5",
            "个。",
            "二、学有优教",
            "新改扩建幼儿园4所,新增学前教育学位900个;义务教育阶段学生近视率下降",
            "1个百分点。",
        ]
        .join("\n");
        assert_eq!(year_of(&short, "520"), [("baseline", 2023)], "{short}");
        assert_eq!(year_of(&short, "4.5"), [("target", 2024)], "{short}");
        let lines: Vec<&str> = short.lines().collect();
        assert!(common_length(&[70, 70, 70]).is_none());
        assert!(wrap_width(&lines).width.is_some());
        // Broken in part: one paragraph left whole (longer than the page, up to its full stop)
        // and a table flattened a row a line among the broken ones.
        let part = [
            "某县公共服务“七优享”工程实施方案（2023—2027年）",
            "为贯彻落实《某市公共服务“七优享”工程实施方案（2023—2027年）》，推动公共服务从“有没有”向“好不好”转变，加快打造公共服务品牌，结合我县实际，制定本方案。",
            "序号 指标 2022年 2025年 2027年 责任单位",
            "1 每千人口拥有3岁以下婴幼儿托位数(个) 3.2 4.5 5.0 县卫健局",
            "2 普惠托位占比(%) 45 60 70 县卫健局",
            "（一）幼有善育。到2025年，全县乡镇（街道）托育机构覆盖率达到100%，新增托",
            "位300个。",
            "（二）学有优教。推进城乡教育共同体建设，到2025年，新建公办幼儿园3所、中",
            "小学2所。",
            "（三）病有良医。到2027年，县域就诊率达到90%以上，基层就诊率65%以上。",
        ]
        .join("\n");
        assert_eq!(year_of(&part, "300"), [("target", 2025)], "{part}");
        assert_eq!(year_of(&part, "2"), [("target", 2025)], "{part}");
        // Cards and one paragraph a line: nothing broken, no width.
        let mut cards = vec!["某县“七优享”工程主要指标解读"];
        for _ in 0..4 {
            cards.extend([
                "指标名称：每千人口拥有3岁以下婴幼儿托位数",
                "单位：个",
                "2025年目标值：累计新增2400",
                "2027年目标值：累计新增4000",
                "牵头单位：县卫健局",
                "指标说明：指每千名常住人口拥有的3岁以下婴幼儿托位数量，反映托育服务供给能力。",
            ]);
        }
        assert!(wrap_width(&cards).chars.is_none() && wrap_width(&cards).width.is_none());
        let web = [
            "某县公共服务“七优享”工程实施方案（2023—2027年）",
            "某县人民政府办公室关于印发实施方案的通知",
            "到2025年，新增普惠托位500个，托育机构乡镇（街道）覆盖率达到100%，婴幼儿照护服务水平明显提升。",
            "到2027年，新建学校8所，新增学位3600个以上，城镇登记失业率控制在3.5%以内。",
            "每年开展补贴性职业技能培训1万人次以上，帮扶困难人员就业不少于500人，零就业家庭动态清零，技能人才占比提高。",
        ];
        assert!(wrap_width(&web).width.is_none(), "{web:?}");
        assert!(figures_apart("2 普惠托位占比(%) 45 60 70 县卫健局"));
        assert!(figures_apart("3 普惠性幼儿园在园幼儿占比 92 ≥93 ≥95"));
        assert!(!figures_apart(
            "每千人口拥有 3 岁以下婴幼儿托位数达到 4.8 个"
        ));
        assert!(!figures_apart("到 2025 年，新增 500 个"));
        assert!(figures_apart(
            "2,1,幼有善育,每千人口拥有3岁以下婴幼儿托位数*,个,3.7,4.3"
        ));
        assert!(!figures_apart(
            "新增普惠托位1,200个,托育机构覆盖率达到100%,新增学位3,600个"
        ));
    }

    /// `pdftotext -layout` of a page whose half-width digits let a line hold more characters
    /// than one of Chinese only, each paragraph's first line indented by four spaces (the two
    /// characters' indent): the page's width is found with the indent as two characters, and a
    /// paragraph broken inside a word (`每千人` / `口`) or a figure (`达到4` / `.5个`) is read
    /// whole. With `　　` for the indent, the same.
    #[test]
    fn paragraphs_indented_by_four_spaces() {
        let page = [
            "    一、发展基础",
            "    2022年，全县每千人口拥有3岁以下婴幼儿托位数3个，",
            "普惠托位占比48%，学前教育普及普惠率95.5%，每千人",
            "口执业（助理）医师数2.8人，人均预期寿命81.5岁，最",
            "低生活保障标准每人每月1100元，较2021年增长9.8%。",
            "    二、主要目标",
            "    到2025年，每千人口拥有3岁以下婴幼儿托位数达到4",
            ".5个，普惠托位占比达到60%，低收入农户人均可支配收入",
            "达到2.43万元，每万老年人拥有持证养老护理员数达到19",
            "人。",
            "    到2027年，每千人口拥有3岁以下婴幼儿托位数达到5",
            "个，普惠托位占比达到70%，学前教育普及普惠率达到98%，",
            "义务教育优质均衡发展达标学校占比较2022年提高35个百",
            "分点，低收入农户人均可支配收入较2022年增长50%，人",
            "均预期寿命达到82.4岁，城镇住房保障受益覆盖率不低于全",
            "省平均水平，最低生活保障标准达到每人每月1460元。",
            "    三、重点任务",
            "    （一）托育服务提质。实施托育机构“扩容提质”计划，每",
            "年新增托位不少于150个，2027年底前实现每个乡镇（街",
            "道）建有1个以上婴幼儿成长驿站。",
            "\u{c}    （二）教育优质均衡。推进“县中崛起”，2025年普通",
            "高中优质特色发展学校达到3所，到2027年，新改扩建中小",
            "学和幼儿园7所。",
            "    （三）就业增收共富。每年城镇新增就业2500人以上，",
            "低收入农户人均可支配收入增速高于全县农村居民2个百分点。",
            "    （四）医疗卫生提升。到2027年，县域就诊率达到90%",
            "以上，每千人口医疗机构床位数达到5.2张。",
            "    （五）养老服务提升。养老机构护理型床位占比达到65%，",
            "建成乡镇（街道）康养联合体10家。",
            "    （六）住房保障扩面。2023—2027年，累计新增保",
            "障性租赁住房1000套（间）。",
            "    （七）社会救助兜底。每万人拥有持证社会工作者数达到1",
            "8人。",
        ];
        let want = [
            "baseline 2022 2.8 每千人口执业（助理）医师数",
            "target 2025 2.43 低收入农户人均可支配收入",
            "target 2025 19 每万老年人拥有持证养老护理员数",
        ];
        let title = "某县公共服务“七优享”工程实施方案（2023—2027年）\n";
        for indent in ["    ", "　　"] {
            let doc: Vec<String> = page
                .iter()
                .map(|l| match l.strip_prefix("    ") {
                    Some(rest) => format!("{indent}{rest}"),
                    None => l.to_string(),
                })
                .collect();
            let doc = format!("{title}{}\n", doc.join("\n"));
            let got: Vec<String> = extract(&doc, None)
                .candidates
                .iter()
                .map(|c| {
                    let v = c.value.unwrap_or_default();
                    let (kind, year) = (c.kind.name(), c.year.unwrap_or_default());
                    format!("{kind} {year} {v} {}", c.indicator)
                })
                .collect();
            for w in want {
                assert!(got.iter().any(|g| g.starts_with(w)), "{w}: {got:#?}");
            }
            // `每千人` at a line's end is the start of `每千人口`, no thousand.
            assert!(
                !got.iter().any(|g| g.starts_with("baseline 2022 1000")),
                "{got:#?}"
            );
            assert!(
                got.iter().any(|g| g.starts_with("target 2027 18 ")),
                "{got:#?}"
            );
        }
    }
}

#[cfg(test)]
mod years_each_tests {
    use crate::extract::{Kind, extract};

    /// (kind, year, value) of a candidate.
    type Figure = (Kind, i32, String);

    /// Every candidate of a sentence in a 2023–2027 plan.
    fn figures(sentence: &str) -> Vec<Figure> {
        let doc =
            format!("某县公共服务“七优享”工程实施方案(2023—2027年)\n二、主要目标\n{sentence}\n");
        extract(&doc, None)
            .candidates
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.year.unwrap_or_default(),
                    c.value.unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// A list of values that 分别 gives one year each: a span of as many years, or as many years
    /// listed; without 分别, or with a count that differs, every value stays the end year's.
    #[test]
    fn a_list_of_values_one_for_each_year() {
        use Kind::*;
        let t = |y: i32, v: &str| (Target, y, v.to_string());
        let cases: Vec<(&str, Vec<Figure>)> = vec![
            (
                "普惠托位占比2023—2027年分别为55%、58%、61%、64%、67%。",
                vec![
                    t(2023, "55"),
                    t(2024, "58"),
                    t(2025, "61"),
                    t(2026, "64"),
                    t(2027, "67"),
                ],
            ),
            (
                "居民健康素养水平2023-2027年分别达到36%、38%、40%、41%、42%。",
                vec![
                    t(2023, "36"),
                    t(2024, "38"),
                    t(2025, "40"),
                    t(2026, "41"),
                    t(2027, "42"),
                ],
            ),
            (
                "托位数2023年至2027年依次达到3.6个、4.0个、4.5个、4.8个和5.0个。",
                vec![
                    t(2023, "3.6"),
                    t(2024, "4.0"),
                    t(2025, "4.5"),
                    t(2026, "4.8"),
                    t(2027, "5.0"),
                ],
            ),
            (
                "护理型床位占比2025年、2027年分别达到62%、66%。",
                vec![t(2025, "62"), t(2027, "66")],
            ),
            // Years and values that do not pair up: every value the last year's, as before.
            (
                "护理型床位占比2025—2027年分别达到62%、66%。",
                vec![t(2027, "62"), t(2027, "66")],
            ),
            // One value for two years (均): a figure for each year.
            (
                "学前教育普及普惠率2025年、2027年均不低于97%。",
                vec![t(2025, "97"), t(2027, "97")],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(figures(sentence), want, "{sentence}");
        }
    }
}
