//! Reporting periods as offices write them: a year (`2024`), a quarter (`2024Q2`, `2024年二季度`,
//! `2024年第二季度`), a month (`2024-06`, `2024年6月`), a span of months (`1-6月`, `1—6月`,
//! `1~6月`, with the year from its own column), and the words 上半年, 前三季度, 全年.
//!
//! A period is a run of months within one year. A value reported for it is year-to-date (from
//! January) unless the sheet says it is for the period alone: a span that starts after January
//! (`4-6月`, 下半年), a suffix (当月, 当季, 单月, 本期 …) or a basis column (口径: 当期). How far
//! into the year a period reaches — 序时进度, the share of the year elapsed — is what the
//! reporting cycle judges against. This module only reads and names periods; it never prints.

use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::fmt;

/// How a period was written, which decides how it is named back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grain {
    Year,
    Half,
    Quarter,
    Month,
    /// Any other run of months (`4-8月`).
    Span,
}

/// A run of months `first..=last` of `year`.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub year: i32,
    pub first: u8,
    pub last: u8,
    pub grain: Grain,
}

/// Two periods are the same when they cover the same months: `2024Q2`, `2024-06` and
/// `2024年1-6月` are one year-to-date period, whatever the grain they were written in.
impl PartialEq for Period {
    fn eq(&self, o: &Period) -> bool {
        self.key() == o.key()
    }
}
impl Eq for Period {}
impl std::hash::Hash for Period {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.key().hash(h)
    }
}
impl PartialOrd for Period {
    fn partial_cmp(&self, o: &Period) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
/// Periods order by the month they end in, then the longer (year-to-date) first.
impl Ord for Period {
    fn cmp(&self, o: &Period) -> Ordering {
        (self.year, self.last, self.first).cmp(&(o.year, o.last, o.first))
    }
}

/// Whether the sheet says a value is year-to-date or for the period alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    YearToDate,
    Alone,
}

impl Period {
    pub fn year(year: i32) -> Period {
        Period {
            year,
            first: 1,
            last: 12,
            grain: Grain::Year,
        }
    }

    /// Year-to-date through month `m` (1–12).
    pub fn month(year: i32, m: u8) -> Period {
        Period {
            year,
            first: 1,
            last: m.clamp(1, 12),
            grain: Grain::Month,
        }
    }

    /// Year-to-date through quarter `q` (1–4).
    pub fn quarter(year: i32, q: u8) -> Period {
        Period {
            year,
            first: 1,
            last: q.clamp(1, 4) * 3,
            grain: Grain::Quarter,
        }
    }

    fn key(&self) -> (i32, u8, u8) {
        (self.year, self.first, self.last)
    }

    /// The whole year (January to December).
    pub fn is_full_year(&self) -> bool {
        self.first == 1 && self.last == 12
    }

    pub fn is_year_to_date(&self) -> bool {
        self.first == 1
    }

    /// 序时进度: the share of the year elapsed at the period's end, exact (11 months → 11/12).
    pub fn elapsed(&self) -> Decimal {
        Decimal::from(self.last) / Decimal::from(12)
    }

    /// The share of the year the period itself covers (a quarter alone: 1/4).
    pub fn length(&self) -> Decimal {
        Decimal::from(self.last - self.first + 1) / Decimal::from(12)
    }

    /// The same months, read as the period alone (when the sheet says so).
    fn alone(mut self, q_from: Option<u8>) -> Period {
        self.first = match self.grain {
            Grain::Month => self.last,
            Grain::Quarter => self.last - 2,
            Grain::Half => self.last - 5,
            Grain::Year => 1,
            Grain::Span => q_from.unwrap_or(self.first),
        };
        self
    }

    /// Applies the basis a sheet states for the value.
    pub fn with_basis(self, basis: Basis) -> Period {
        match basis {
            Basis::Alone => self.alone(None),
            Basis::YearToDate => Period { first: 1, ..self },
        }
    }

    /// The label qyx prints: `2024`, `2024Q2`, `2024-06`, `2024H1`, with 当期 / "alone" when the
    /// value is for the period alone, and `2024年4-8月` for other spans.
    pub fn label(&self, en: bool) -> String {
        let alone = if self.is_year_to_date() || self.grain == Grain::Span {
            ""
        } else if en {
            " alone"
        } else {
            "当期"
        };
        let y = self.year;
        match self.grain {
            Grain::Year if self.is_full_year() => format!("{y}"),
            Grain::Quarter if self.last.is_multiple_of(3) => {
                format!("{y}Q{}{alone}", self.last / 3)
            }
            Grain::Half if self.last.is_multiple_of(6) => format!("{y}H{}{alone}", self.last / 6),
            Grain::Month => format!("{y}-{:02}{alone}", self.last),
            _ if en => format!("{y} months {}-{}", self.first, self.last),
            _ => format!("{y}年{}-{}月", self.first, self.last),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(false))
    }
}

/// Words a sheet uses to say a value is for the period alone, or year-to-date.
const ALONE_WORDS: &[&str] = &[
    "当期",
    "当月",
    "当季",
    "当季度",
    "单月",
    "单季",
    "单季度",
    "本月",
    "本季",
    "本季度",
    "本期",
    "alone",
];
const YTD_WORDS: &[&str] = &["累计", "年累计", "累计值", "累计数", "ytd", "year-to-date"];

/// Reads a basis cell (口径): 累计 / 当期 and their synonyms. `None` for an empty cell.
pub(crate) fn parse_basis(text: &str) -> Result<Option<Basis>, String> {
    let t = strip(text);
    if t.is_empty() {
        return Ok(None);
    }
    let lower = t.to_lowercase();
    if ALONE_WORDS.contains(&lower.as_str()) || lower == "period" {
        Ok(Some(Basis::Alone))
    } else if YTD_WORDS.contains(&lower.as_str()) || lower.ends_with("累计") {
        Ok(Some(Basis::YearToDate))
    } else {
        Err(crate::tr!(
            "应为 累计 或 当期，实为 `{}`",
            "expected 累计 (year-to-date) or 当期 (the period alone), found `{}`",
            text.trim()
        ))
    }
}

/// Drops white space and brackets, and folds full-width letters and digits to ASCII.
fn strip(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !"()（）[]【】".contains(*c))
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A Chinese or Arabic number from 1 to 12: 二, 十一, 12.
fn small_number(s: &str) -> Option<u8> {
    if let Ok(n) = s.parse::<u8>() {
        return Some(n);
    }
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| (i / 3 + 1) as u8);
    let cs: Vec<char> = s
        .chars()
        .map(|c| if c == '两' { '二' } else { c })
        .collect();
    match cs.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', c] => digit(*c).map(|d| 10 + d),
        _ => None,
    }
}

/// Reads a period as written in a year or period cell; `year` is the year column's value, used
/// when the period names no year of its own (`1-6月`, 上半年). The error says what was expected.
pub(crate) fn parse(text: &str, year: Option<i32>) -> Result<Period, String> {
    parse_period(text, year).map_err(|e| remark_in_period(text, year).unwrap_or(e))
}

/// [`parse`] of a cell in a column headed as the date the figures run to (`统计截止时间`,
/// `截至日期`): a date there (`2024-10-31`, `2024/10/31`, `10月31日`) is read as `截至` it — the
/// year to the end of its month, or a refusal for a date inside a month —, where under `年份`
/// or `期间` a date is refused as the year's or the month's; anything else as [`parse`] reads it.
pub(crate) fn parse_as_of(text: &str, year: Option<i32>) -> Result<Period, String> {
    let dated = format!("截至{}", strip(text));
    match as_of_date(&dated, year) {
        // The message quotes the cell as typed, not the words put before it.
        Some(_) => parse(&dated, year)
            .map_err(|m| m.replace(&format!("`{dated}`"), &format!("`{}`", text.trim()))),
        None => parse(text, year),
    }
}

/// Why a period cell that names a period and says its figure is not final (`2025年（预计）`,
/// `1-10月快报`) is refused: the period is read, but the doubt it carries belongs in the note
/// column, where qyx marks the verdict 存疑 — read here, the 预计 would be lost and the verdict
/// shown clean.
fn remark_in_period(text: &str, year: Option<i32>) -> Option<String> {
    let word = crate::actuals::value::note_not_final(text)?;
    let t = text.trim();
    // The remark in brackets, or the word itself, taken out.
    let bare = match t.find(['(', '（', '[', '【']) {
        Some(i) if t.ends_with([')', '）', ']', '】']) => t[..i].to_string(),
        _ => t.replacen(word, "", 1),
    };
    let bare = bare.trim().trim_end_matches(['数', '值']).trim();
    parse_period(bare, year).ok()?;
    Some(crate::tr!(
        "期间 `{}` 里写了 `{word}`: 期间列只写期间（{bare}），`{word}` 请写在备注列，qyx 会把该行标为存疑",
        "the period `{}` says `{word}`: the period column holds the period alone ({bare}); write `{word}` in the note column, where qyx marks the row doubtful",
        crate::diag::echo(t)
    ))
}

fn parse_period(text: &str, year: Option<i32>) -> Result<Period, String> {
    let expected = || {
        crate::tr!(
            "应为 2024、2024Q2、2024-06、2024年6月、2024年二季度或 1-6月 这样的期间，实为 `{}`",
            "expected a period like 2024, 2024Q2, 2024-06, 2024年6月, 2024年二季度 or 1-6月, found `{}`",
            crate::diag::echo(text.trim())
        )
    };
    let mut t = chinese_year(&strip(text));
    // `2,024`: a year cell formatted with a thousands separator (`#,##0`), saved as shown.
    if t.len() >= 5
        && t.as_bytes()[1] == b','
        && t.as_bytes()[..5]
            .iter()
            .enumerate()
            .all(|(i, b)| i == 1 || b.is_ascii_digit())
    {
        t.remove(1);
    }
    // A school year is counted under the year it starts, as education statistics count it
    // (the 2024 高等教育毛入学率 is the 2024–2025 school year's).
    match school_year(&t) {
        Some(Ok(y)) => t = y.to_string(),
        Some(Err(())) => {
            return Err(crate::tr!(
                "{}（学年跨相连的两年，如 2024-2025学年，计入 2024 年）",
                "{} (a school year spans two years in a row, as 2024-2025学年, counted as 2024)",
                expected()
            ));
        }
        None => {
            if let Some(first) = years_in_a_row(&t) {
                return Err(crate::tr!(
                    "{}（两个相连的年份：若是学年，请写 {}学年（计入 {first} 年），否则只写一个年份）",
                    "{} (two years in a row: for a school year write {}学年 (counted as {first}), else one year)",
                    expected(),
                    text.trim()
                ));
            }
        }
    }
    // Only where no year column stands beside it: there, `06` is a month.
    if let Some(y) = two_digit_year(&t).filter(|_| year.is_none()) {
        return Err(crate::tr!(
            "{}（两位数的年份？是否应为 {y}）",
            "{} (a two-digit year? did you mean {y}?)",
            expected()
        ));
    }
    // 2024.0: a year cell formatted as a number with decimals, as Excel saves it in a CSV.
    if t.len() > 5
        && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && t[4..].starts_with('.')
        && t[5..].bytes().all(|b| b == b'0')
    {
        t.truncate(4);
    }
    // As of a date: the year to the end of its month where the date ends one.
    let mut as_of_day = false;
    if let Some(said) = as_of_date(&t, year) {
        t = said?;
        as_of_day = true;
    }
    if let Some(span) = dated_span(&t) {
        t = span;
    }
    if let Some(d) = date(&t) {
        return Err(d);
    }
    if let Some((m, d)) = excel_span(&t) {
        return Err(crate::tr!(
            "`{}` 是日期：Excel 会把输入的 {m}-{d} 变成 {m}月{d}日；若指 {m}-{d}月，请写成 {m}-{d}月（或先把单元格设为文本）",
            "`{}` is a date: Excel turns {m}-{d} typed into a cell into a date; if {m}-{d}月 (months {m} to {d}) is meant, type {m}-{d}月 (or format the cell as text first)",
            crate::diag::echo(text.trim())
        ));
    }
    // A basis word written into the period itself: `2024年6月(当月)`, `1-6月累计`.
    let mut basis = None;
    for w in ALONE_WORDS {
        if let Some(rest) = t.strip_suffix(w) {
            t = rest.to_string();
            basis = Some(Basis::Alone);
            break;
        }
    }
    // As of a date: `截至10月底`, `截至2025年10月末`, `第三季度末`, `1-10月止` — the year to
    // the end of that month or quarter, whatever the clerk counted before it.
    if as_of_day {
        basis = Some(Basis::YearToDate);
    } else if basis.is_none()
        && let Some(rest) = as_of(&t)
    {
        t = rest;
        basis = Some(Basis::YearToDate);
    }
    if basis.is_none() {
        for w in ["累计", "ytd"] {
            if let Some(rest) = t.strip_suffix(w) {
                t = rest.to_string();
                basis = Some(Basis::YearToDate);
                break;
            }
        }
    }
    // The year: four leading digits, then 年/年度, or a separator before a quarter or month.
    let (own_year, rest) = split_year(&t);
    let y = match (own_year, year) {
        (Some(a), Some(b)) if a != b => {
            return Err(crate::tr!(
                "期间 `{}` 写的是 {a} 年，年份列却是 {b}",
                "the period `{}` names year {a}, but the year column says {b}",
                text.trim()
            ));
        }
        (Some(a), _) | (None, Some(a)) => a,
        // `FY2024`, `-2024`: no period this reader knows, with or without a year before it.
        (None, None) if months(rest, 2000).is_none() => return Err(expected()),
        (None, None) => {
            return Err(crate::tr!(
                "`{0}` 没有年份：加一列年份，或写成 2024年{0}",
                "`{0}` names no year: add a year column or write it as 2024年{0}",
                text.trim()
            ));
        }
    };
    if !(1900..=2200).contains(&y) {
        return Err(expected());
    }
    let p = months(rest, y).ok_or_else(|| match no_such_part(rest) {
        Some(why) => crate::tr!("{}（{why}）", "{} ({why})", expected()),
        None => expected(),
    })?;
    Ok(match basis {
        Some(b) => p.with_basis(b),
        None => p,
    })
}

/// A school year (`2024-2025学年`, `2024/25学年`, `2024学年度`): `Ok` of the year it starts,
/// `Err` where its two years are not in a row, `None` where the text is no school year.
fn school_year(t: &str) -> Option<Result<i32, ()>> {
    let rest = t
        .strip_suffix("学年度")
        .or_else(|| t.strip_suffix("学年"))?;
    let rest = rest.strip_suffix('年').unwrap_or(rest);
    let (first, after) = leading_year(rest)?;
    Some(match after {
        "" => Ok(first),
        _ => years_in_a_row(rest).ok_or(()),
    })
}

/// Four digits at the start of `t`, as a year, and what follows them.
fn leading_year(t: &str) -> Option<(i32, &str)> {
    let year = t
        .get(..4)
        .filter(|y| y.bytes().all(|c| c.is_ascii_digit()))?;
    Some((year.parse().ok()?, &t[4..]))
}

/// Two years in a row apart by a dash or a slash (`2024-2025`, `2024/25`, `2024—2025年`): the
/// first.
fn years_in_a_row(t: &str) -> Option<i32> {
    let (first, after) = leading_year(t.strip_suffix('年').unwrap_or(t))?;
    let second = after.strip_prefix(['-', '/', '—', '–', '~', '～', '－', '至'])?;
    if second.is_empty() || !second.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let next = second.parse::<i32>().ok()?;
    let follows = match second.len() {
        4 => next == first + 1,
        2 => next == (first + 1) % 100,
        _ => false,
    };
    follows.then_some(first)
}

/// The words before a period said as of its end or a date (`截至10月底`, `截止2025-09-30`).
const AS_OF: [&str; 5] = ["截至到", "截止到", "截至", "截止", "至"];

/// A period said as of its end (`截至10月底`, `第三季度末`, `1-10月止`): the period without the
/// words, or None where it says no such thing. `2024年末` is the year, and keeps its words.
fn as_of(t: &str) -> Option<String> {
    let mut r = t;
    for w in AS_OF {
        if let Some(x) = r.strip_prefix(w) {
            r = x;
            break;
        }
    }
    let stripped = r.len() != t.len();
    let end = [
        ("月底", "月"),
        ("月末", "月"),
        ("月止", "月"),
        ("季度末", "季度"),
        ("季度底", "季度"),
        ("季度止", "季度"),
        ("季末", "季"),
    ]
    .into_iter()
    .find_map(|(w, keep)| r.strip_suffix(w).map(|x| format!("{x}{keep}")));
    match end {
        Some(e) => Some(e),
        None => stripped.then(|| r.to_string()),
    }
}

/// Whether a period cell, as typed, leaves open whether its value is the year to date or the
/// period's own: one month or one quarter after the first, named in words — `10月`, `10月份`,
/// `十月`, `2025年10月`, `三季度`, `第3季`, or a bare `10` in a month column — with no basis
/// word (`累计`, `当月`). Not a span (`1-10月`, `前三季度`, `上半年`), January or the first
/// quarter (its year to date is its own), nor a code (`2025-10`, `202510`, `2025Q3`: the form
/// the template writes, which means the year to date).
pub(crate) fn basis_unsaid(text: &str) -> bool {
    let t = chinese_year(&strip(text)).to_lowercase();
    if ALONE_WORDS.iter().chain(YTD_WORDS).any(|w| t.contains(w)) {
        return false;
    }
    let (year, rest) = split_year(&t);
    // A code: the year joined to its month by a separator or nothing, or a quarter as Q3.
    let worded = year.is_none() || t[4..].starts_with('年');
    if !worded || rest.starts_with('q') {
        return false;
    }
    let r = rest.trim_start_matches('第');
    let quarter = r.strip_suffix("季度").or_else(|| r.strip_suffix('季'));
    if let Some(q) = quarter {
        return small_number(q).is_some_and(|n| (2..=4).contains(&n));
    }
    let month = r
        .strip_suffix("月份")
        .or_else(|| r.strip_suffix('月'))
        .unwrap_or(r);
    small_number(month).is_some_and(|n| (2..=12).contains(&n))
}

/// `24`, `24年`, `24年度`: a year typed with two digits, and the year of this century meant.
pub(crate) fn two_digit_year(t: &str) -> Option<i32> {
    let digits = t.trim_end_matches(['年', '度']);
    (digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| 2000 + digits.parse::<i32>().unwrap_or(0))
}

/// What is wrong with a month or quarter that does not exist (`13月`, `Q5`, `第0季度`), said
/// with what it may be; `None` for what is no month or quarter at all.
fn no_such_part(rest: &str) -> Option<String> {
    let r = rest.trim_start_matches('第');
    let quarter = r
        .strip_prefix(['Q', 'q'])
        .or_else(|| r.strip_suffix("季度"))
        .or_else(|| r.strip_suffix('季'));
    if let Some(n) = quarter.and_then(small_number) {
        return Some(crate::tr!(
            "没有第 {n} 季度: 季度为 1–4",
            "there is no quarter {n}: a quarter is 1–4"
        ));
    }
    let month = r.strip_suffix("月份").or_else(|| r.strip_suffix('月'))?;
    let n = small_number(month)?;
    Some(crate::tr!(
        "没有 {n} 月: 月份为 1–12",
        "there is no month {n}: a month is 1–12"
    ))
}

/// A year written in Chinese digits (`二〇二四年`, `二零二四`) in ASCII digits; anything else as it is.
pub(crate) fn chinese_year(t: &str) -> String {
    const DIGITS: &str = "〇一二三四五六七八九";
    let digit = |c: char| match c {
        '零' | 'О' | 'O' | '○' => Some(0),
        _ => DIGITS.chars().position(|d| d == c),
    };
    let head: Vec<usize> = t.chars().take(5).map_while(digit).collect();
    if head.len() != 4 {
        return t.to_string();
    }
    let rest: String = t.chars().skip(4).collect();
    let year: String = head.iter().map(|d| d.to_string()).collect();
    format!("{year}{rest}")
}

/// A span of months as Excel shows it after reading it as a date (`1-10` typed into a cell
/// becomes 1月10日, or `10-Jan` under an English locale): the months `(from, to)`, where the day
/// can be a month after the first. No year: a date with its year is [`date`]'s.
fn excel_span(t: &str) -> Option<(u8, u8)> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    // Asked of every period read: no copy made.
    let month_word = |w: &str| {
        MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(w))
            .map(|i| i as u8 + 1)
    };
    let (m, d) = if let Some(rest) = t.strip_suffix('日') {
        let (m, d) = rest.split_once('月')?;
        (m.parse().ok()?, d.parse().ok()?)
    } else {
        let (a, b) = t.split_once('-')?;
        match (a.parse::<u8>(), b.parse::<u8>()) {
            (Ok(d), Err(_)) => (month_word(b)?, d),
            (Err(_), Ok(d)) => (month_word(a)?, d),
            _ => return None,
        }
    };
    ((1..=12).contains(&m) && m < d && d <= 12).then_some((m, d))
}

/// A full date (`2024-12-31`, `2024/6/30`, `2024.6.30`, `2024年6月30日`, `20241231`): its year,
/// month and day, where the month and the day can be.
fn ymd(t: &str) -> Option<(i32, u8, u8)> {
    fn num(s: &str) -> Option<(u8, &str)> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        ((1..=2).contains(&n)).then(|| Some((s[..n].parse().ok()?, &s[n..])))?
    }
    let y = t
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = &t[4..];
    let (m, d) = if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
        (rest[..2].parse().ok()?, rest[2..].parse().ok()?)
    } else {
        let sep = rest.chars().next()?;
        let after = match sep {
            '年' => '月',
            '-' | '/' | '.' => sep,
            _ => return None,
        };
        let (m, r) = num(&rest[sep.len_utf8()..])?;
        let (d, r) = num(r.strip_prefix(after)?)?;
        if !(r.is_empty() || sep == '年' && (r == "日" || r == "号")) {
            return None;
        }
        (m, d)
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y.parse().ok()?, m, d))
}

/// The last day of a month (February's by the year, where it is known; 29 where it is not, which
/// only widens what [`as_of_date`] reads as a month's end by one day in three years of four).
fn last_day(year: Option<i32>, month: u8) -> u8 {
    match month {
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A period said as of a date (`截至2025年10月31日`, `截止10月31日`, `至2025-09-30止`): the year to
/// the end of that month where the date is the month's last day (the text of that month, to be
/// read on), a refusal where it falls inside a month (reports run in whole months), `None` where
/// the text says no such thing.
fn as_of_date(t: &str, year: Option<i32>) -> Option<Result<String, String>> {
    let r = AS_OF.iter().find_map(|w| t.strip_prefix(w))?;
    let r = r
        .strip_suffix("为止")
        .or_else(|| r.strip_suffix('止'))
        .unwrap_or(r);
    let (y, m, d) = match ymd(r) {
        Some((y, m, d)) => (Some(y), m, d),
        None => {
            // `10月31日` in a row whose year is in its own column.
            let (m, d) = r.strip_suffix(['日', '号'])?.split_once('月')?;
            let (m, d) = (m.parse::<u8>().ok()?, d.parse::<u8>().ok()?);
            if !((1..=12).contains(&m) && (1..=31).contains(&d)) {
                return None;
            }
            (None, m, d)
        }
    };
    let y_known = y.or(year);
    if d == last_day(y_known, m) || (m == 2 && y_known.is_none() && d == 28) {
        // To the year's end is the year, as `2024年末` is.
        return Some(Ok(match y {
            Some(y) if m == 12 => format!("{y}年"),
            Some(y) => format!("{y}年{m}月"),
            None => format!("{m}月"),
        }));
    }
    let y = y_known.map_or(String::new(), |y| format!("{y}年"));
    let before = m - 1;
    Some(Err(if before == 0 {
        crate::tr!(
            "`{t}` 截至月中，报告期按整月计: 截至 1 月底的值请填 {y}1月",
            "`{t}` ends inside a month, and periods run in whole months: for the value to the end of January write {y}1月"
        )
    } else {
        crate::tr!(
            "`{t}` 截至月中，报告期按整月计: 截至 {m} 月底的值请填 {y}1-{m}月，截至 {before} 月底的值请填 {y}1-{before}月",
            "`{t}` ends inside a month, and periods run in whole months: for the value to the end of month {m} write {y}1-{m}月, to the end of month {before} {y}1-{before}月"
        )
    }))
}

/// A full date (`2024-12-31`, `2024/6/30`, `2024年6月30日`, `20241231`) where a period belongs:
/// which period is meant — the year, or the month the date ends — is the clerk's to say.
fn date(t: &str) -> Option<String> {
    let (y, m, d) = ymd(t)?;
    let mut said = crate::tr!(
        "`{t}` 是日期，不是期间: 全年的值请填 {y}，截至 {m} 月底的值请填 {y}-{m:02}",
        "`{t}` is a date, not a period: write {y} for the year's value, or {y}-{m:02} for the value to the end of month {m}"
    );
    // A day that can end a span of months: the date Excel made of `1-10` typed into a cell.
    if m < d && d <= 12 {
        said.push_str(&crate::tr!(
            "；若指 {m}-{d}月：Excel 会把输入的 {m}-{d} 变成日期，请写成 {m}-{d}月（或先把单元格设为文本）",
            "; if {m}-{d}月 is meant: Excel turns {m}-{d} typed into a cell into a date, type {m}-{d}月 (or format the cell as text first)"
        ));
    }
    Some(said)
}

/// Splits a leading year (`2024`, `2024年`, `2024年度`, `2024-`, `2024/`, `2024.`) from the rest.
fn split_year(t: &str) -> (Option<i32>, &str) {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 6 && t.len() == 6 {
        // 202406: a statistics system's month code.
        return (t[..4].parse().ok(), &t[4..]);
    }
    if digits != 4 {
        return (None, t);
    }
    let y = t[..4].parse().ok();
    let mut rest = &t[4..];
    for sep in ["年度", "年", "-", "/", ".", "_"] {
        if let Some(r) = rest.strip_prefix(sep) {
            rest = r;
            break;
        }
    }
    (y, rest)
}

/// A span of months with the year written at both ends, as a statistics system or a careful
/// clerk writes it (`2025.01-2025.10`, `2025年1月—2025年10月`, `202501至202510`): the span in
/// the form the rules read, `2025年1-10月` (the year to October) or `2025年4-6月` (those months
/// alone). None where the ends are not two months of one year in order.
fn dated_span(t: &str) -> Option<String> {
    const DASHES: [char; 8] = ['-', '—', '–', '~', '～', '－', '至', '到'];
    t.char_indices()
        .filter(|(_, c)| DASHES.contains(c))
        .find_map(|(i, c)| {
            let (a, b) = (&t[..i], &t[i + c.len_utf8()..]);
            let one_month = |side: &str| {
                let (y, rest) = split_year(side.trim());
                let p = months(rest, y?)?;
                // A month is read as the year to its end: its month is the last.
                (p.grain == Grain::Month).then_some((y?, p.last))
            };
            let ((ya, first), (yb, last)) = (one_month(a)?, one_month(b)?);
            (ya == yb && first <= last).then(|| format!("{ya}年{first}-{last}月"))
        })
}

/// The months of what follows the year: nothing (the year), a quarter, a half, a month or a span.
fn months(rest: &str, y: i32) -> Option<Period> {
    let r = rest.trim_start_matches('第');
    match r {
        "" | "全年" | "年" | "年度" | "年末" | "年底" | "底" | "末" | "全年累计" => {
            return Some(Period::year(y));
        }
        "上半年" | "h1" | "H1" => return Some(half(y, 6, 1)),
        "下半年" | "h2" | "H2" => return Some(half(y, 12, 7)),
        "前三季度" | "前3季度" => {
            return Some(Period {
                grain: Grain::Quarter,
                ..Period::quarter(y, 3)
            });
        }
        _ => {}
    }
    // Q2, q2, 二季度, 2季度, 二季
    let q = r.strip_prefix(['Q', 'q']).map(str::to_string).or_else(|| {
        r.strip_suffix("季度")
            .or_else(|| r.strip_suffix("季"))
            .map(str::to_string)
    });
    if let Some(q) = q {
        return small_number(&q)
            .filter(|n| (1..=4).contains(n))
            .map(|n| Period::quarter(y, n));
    }
    // 6月, 06, 六月; 1-6月, 1—6月, 1~6月, 1至6月
    let m = r
        .strip_suffix("月份")
        .or_else(|| r.strip_suffix('月'))
        .unwrap_or(r);
    if let Some((a, b)) = m.split_once(['-', '—', '–', '－', '~', '～', '至', '到']) {
        let (a, b) = (
            small_number(a.trim_end_matches('月'))?,
            small_number(b.trim_end_matches('月'))?,
        );
        if !(1..=12).contains(&a) || !(a..=12).contains(&b) {
            return None;
        }
        let grain = if a == 1 { Grain::Month } else { Grain::Span };
        return Some(Period {
            year: y,
            first: a,
            last: b,
            grain,
        });
    }
    small_number(m)
        .filter(|n| (1..=12).contains(n))
        .map(|n| Period::month(y, n))
}

fn half(y: i32, last: u8, first: u8) -> Period {
    Period {
        year: y,
        first,
        last,
        grain: Grain::Half,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// (text, year column, (year, first month, last month), label)
    type Case = (&'static str, Option<i32>, (i32, u8, u8), &'static str);

    #[test]
    fn forms_offices_write() {
        let table: &[Case] = &[
            ("2024", None, (2024, 1, 12), "2024"),
            ("2024年", None, (2024, 1, 12), "2024"),
            ("2024年度", None, (2024, 1, 12), "2024"),
            ("2024年底", None, (2024, 1, 12), "2024"),
            ("2024年末", None, (2024, 1, 12), "2024"),
            ("2024.0", None, (2024, 1, 12), "2024"),
            ("2024.00", None, (2024, 1, 12), "2024"),
            ("二〇二四", None, (2024, 1, 12), "2024"),
            ("2,024", None, (2024, 1, 12), "2024"),
            ("2,024年6月", None, (2024, 1, 6), "2024-06"),
            ("二零二四年", None, (2024, 1, 12), "2024"),
            ("二〇二四年三季度", None, (2024, 1, 9), "2024Q3"),
            ("全年", Some(2024), (2024, 1, 12), "2024"),
            ("2024Q2", None, (2024, 1, 6), "2024Q2"),
            ("2024 q3", None, (2024, 1, 9), "2024Q3"),
            ("2024-Q1", None, (2024, 1, 3), "2024Q1"),
            ("２０２４Ｑ４", None, (2024, 1, 12), "2024Q4"),
            ("2024年二季度", None, (2024, 1, 6), "2024Q2"),
            ("2024年第二季度", None, (2024, 1, 6), "2024Q2"),
            ("2024年第2季度", None, (2024, 1, 6), "2024Q2"),
            ("三季度", Some(2024), (2024, 1, 9), "2024Q3"),
            ("2024-06", None, (2024, 1, 6), "2024-06"),
            ("2024-6", None, (2024, 1, 6), "2024-06"),
            ("2024/11", None, (2024, 1, 11), "2024-11"),
            ("202406", None, (2024, 1, 6), "2024-06"),
            ("2024年6月", None, (2024, 1, 6), "2024-06"),
            ("2024年06月", None, (2024, 1, 6), "2024-06"),
            ("2024年十一月", None, (2024, 1, 11), "2024-11"),
            ("6月", Some(2024), (2024, 1, 6), "2024-06"),
            ("1-6月", Some(2024), (2024, 1, 6), "2024-06"),
            ("1—6月", Some(2024), (2024, 1, 6), "2024-06"),
            ("1~6月", Some(2024), (2024, 1, 6), "2024-06"),
            ("1～11月", Some(2024), (2024, 1, 11), "2024-11"),
            ("2024年1-9月", None, (2024, 1, 9), "2024-09"),
            ("1月-6月", Some(2024), (2024, 1, 6), "2024-06"),
            ("上半年", Some(2024), (2024, 1, 6), "2024H1"),
            ("2024年上半年", None, (2024, 1, 6), "2024H1"),
            ("前三季度", Some(2024), (2024, 1, 9), "2024Q3"),
            ("截至10月底", Some(2025), (2025, 1, 10), "2025-10"),
            ("截至2025年10月末", None, (2025, 1, 10), "2025-10"),
            ("截止6月", Some(2025), (2025, 1, 6), "2025-06"),
            ("第三季度末", Some(2025), (2025, 1, 9), "2025Q3"),
            ("1-10月止", Some(2025), (2025, 1, 10), "2025-10"),
            // As of a date that ends a month: the year to that month's end.
            ("截至2025年10月31日", None, (2025, 1, 10), "2025-10"),
            ("截止2025-09-30", None, (2025, 1, 9), "2025-09"),
            ("截至2025/6/30止", None, (2025, 1, 6), "2025-06"),
            ("截至10月31日", Some(2025), (2025, 1, 10), "2025-10"),
            ("截至2024年2月29日", None, (2024, 1, 2), "2024-02"),
            ("截至2025年2月28日", None, (2025, 1, 2), "2025-02"),
            ("截至2025年12月31日", None, (2025, 1, 12), "2025"),
            ("2024年末", None, (2024, 1, 12), "2024"),
            // A span with the year at both ends.
            ("2025.01-2025.10", None, (2025, 1, 10), "2025-10"),
            ("2025年1月—2025年10月", None, (2025, 1, 10), "2025-10"),
            ("202501至202510", None, (2025, 1, 10), "2025-10"),
            ("2025-01~2025-10", None, (2025, 1, 10), "2025-10"),
            ("2025.04-2025.06", None, (2025, 4, 6), "2025年4-6月"),
            // For the period alone: a span from after January, a suffix, 下半年.
            ("4-6月", Some(2024), (2024, 4, 6), "2024年4-6月"),
            ("下半年", Some(2024), (2024, 7, 12), "2024H2当期"),
            ("2024年6月(当月)", None, (2024, 6, 6), "2024-06当期"),
            ("2024年二季度当季", None, (2024, 4, 6), "2024Q2当期"),
            ("1-6月累计", Some(2024), (2024, 1, 6), "2024-06"),
            // A school year is the year it starts.
            ("2024-2025学年", None, (2024, 1, 12), "2024"),
            ("2023/2024学年", None, (2023, 1, 12), "2023"),
            ("2024—2025学年", None, (2024, 1, 12), "2024"),
            ("2024-25学年", None, (2024, 1, 12), "2024"),
            ("2024学年", None, (2024, 1, 12), "2024"),
            ("2024学年度", None, (2024, 1, 12), "2024"),
            ("2024-2025学年", Some(2024), (2024, 1, 12), "2024"),
        ];
        for (text, year, (y, a, b), label) in table {
            let p = parse(text, *year).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!((p.year, p.first, p.last), (*y, *a, *b), "{text}");
            assert_eq!(p.label(false), *label, "{text}");
        }
    }

    /// Under a column headed as the date the figures run to, a month's last day is the year to
    /// that month, a day inside a month is refused quoting the cell as typed, and the forms
    /// [`parse`] reads are read alike; under any other header a date is refused.
    #[test]
    fn dates_under_an_as_of_header() {
        let read: &[(&str, Option<i32>, &str)] = &[
            ("2024-10-31", None, "2024-10"),
            ("2024/10/31", None, "2024-10"),
            ("2024.9.30", None, "2024-09"),
            ("2024年10月31日", None, "2024-10"),
            ("20241031", None, "2024-10"),
            ("2024-12-31", None, "2024"),
            ("2024-02-29", None, "2024-02"),
            ("10月31日", Some(2024), "2024-10"),
            ("２０２４－１０－３１", None, "2024-10"),
            ("2024-10", None, "2024-10"),
            ("2024年1-10月", None, "2024-10"),
            ("2024", None, "2024"),
        ];
        for (text, year, label) in read {
            let p = parse_as_of(text, *year).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(p.label(false), *label, "{text}");
        }
        for (text, says) in [
            ("2024-10-15", "`2024-10-15` ends inside a month"),
            ("2023-02-29", "`2023-02-29`"),
            ("abc", "`abc`"),
        ] {
            let e = parse_as_of(text, None).unwrap_err();
            assert!(e.contains(says), "{text}: {e}");
            assert!(
                !e.contains("截至"),
                "{text}: quotes the words put before it: {e}"
            );
        }
        assert!(parse("2024-10-31", None).unwrap_err().contains("a date"));
    }

    #[test]
    fn what_is_refused() {
        let table: &[(&str, Option<i32>, &str)] = &[
            ("2024年13月", None, "there is no month 13: a month is 1–12"),
            ("2024Q5", None, "there is no quarter 5: a quarter is 1–4"),
            ("2024年第0季度", None, "there is no quarter 0"),
            ("24年", None, "(a two-digit year? did you mean 2024?)"),
            (
                "截至2025年10月15日",
                None,
                "ends inside a month, and periods run in whole months: for the value to the end of month 10 write 2025年1-10月, to the end of month 9 2025年1-9月",
            ),
            ("截至2025年2月29日", None, "ends inside a month"),
            (
                "截至1月20日",
                Some(2025),
                "to the end of January write 2025年1月",
            ),
            (
                "截至2025年10月31日",
                Some(2024),
                "names year 2025, but the year column says 2024",
            ),
            // A period that says its figure is not final: the word belongs in the note column.
            (
                "2025年（预计）",
                None,
                "holds the period alone (2025年); write `预计` in the note",
            ),
            (
                "1-10月快报",
                Some(2025),
                "holds the period alone (1-10月); write `快报`",
            ),
            (
                "2025年1-10月(初步统计)",
                None,
                "(2025年1-10月); write `初步`",
            ),
            ("2025年（测试）", None, "expected a period"),
            // Without 截至 a date is still one of two readings.
            ("2025年10月31日", None, "is a date, not a period"),
            (
                "2023-2025学年",
                None,
                "a school year spans two years in a row",
            ),
            ("2024-2025学年", Some(2025), "the year column says 2025"),
            ("学年", None, "expected a period"),
            (
                "2023-2024",
                None,
                "two years in a row: for a school year write 2023-2024学年 (counted as 2023)",
            ),
            ("2023/24", None, "counted as 2023"),
            ("24", None, "did you mean 2024?"),
            ("6-4月", Some(2024), "expected a period"),
            ("2025.10-2025.01", None, "expected a period"),
            ("2025.01-2024.10", None, "expected a period"),
            ("上半年", None, "names no year"),
            ("2023Q2", Some(2024), "the year column says 2024"),
            ("明年", Some(2024), "expected a period"),
            ("0024", None, "expected a period"),
            (
                "2024-12-31",
                None,
                "is a date, not a period: write 2024 for the year's value, or 2024-12",
            ),
            (
                "2024/6/30",
                None,
                "or 2024-06 for the value to the end of month 6",
            ),
            ("2024年6月30日", None, "is a date"),
            ("20240630", None, "is a date"),
            (
                "2025/1/10",
                None,
                "or 2025-01 for the value to the end of month 1; if 1-10月 is meant",
            ),
            (
                "2025-01-10",
                None,
                "if 1-10月 is meant: Excel turns 1-10 typed into a cell",
            ),
            // Excel's dates of a span typed `1-10`: the span offered, never read as one.
            (
                "1月10日",
                Some(2025),
                "if 1-10月 (months 1 to 10) is meant, type 1-10月",
            ),
            ("10-Jan", Some(2025), "if 1-10月 (months 1 to 10) is meant"),
            ("Jan-10", Some(2025), "if 1-10月"),
            ("6-Apr", None, "if 4-6月"),
            // A day no span can end on, a day before its month: no span offered.
            ("1月15日", Some(2025), "expected a period"),
            ("10月1日", Some(2025), "expected a period"),
            ("15-Jan", Some(2025), "expected a period"),
            ("", Some(2024), ""),
        ];
        for (text, year, msg) in table {
            match parse(text, *year) {
                Ok(p) if text.is_empty() => assert_eq!(p, Period::year(2024)),
                Ok(p) => panic!("{text} read as {p}"),
                Err(e) => assert!(e.contains(msg), "{text}: {e}"),
            }
        }
    }

    #[test]
    fn share_of_the_year_elapsed() {
        assert_eq!(
            parse("2024年1-11月", None).unwrap().elapsed().round_dp(3),
            dec!(0.917)
        );
        assert_eq!(parse("2024Q2", None).unwrap().elapsed(), dec!(0.5));
        assert_eq!(parse("2024Q3", None).unwrap().elapsed(), dec!(0.75));
        assert_eq!(parse("2024", None).unwrap().elapsed(), dec!(1));
        assert_eq!(parse("4-6月", Some(2024)).unwrap().length(), dec!(0.25));
    }

    #[test]
    fn one_period_however_written() {
        let a = parse("2024Q2", None).unwrap();
        assert_eq!(a, parse("1-6月", Some(2024)).unwrap());
        assert_eq!(a, parse("2024年6月", None).unwrap());
        assert_ne!(a, parse("2024年6月当月", None).unwrap());
        let mut ps = [
            parse("2024", None).unwrap(),
            parse("2024Q2", None).unwrap(),
            parse("4-6月", Some(2024)).unwrap(),
            parse("2023", None).unwrap(),
        ];
        ps.sort();
        let labels: Vec<_> = ps.iter().map(|p| p.label(false)).collect();
        assert_eq!(labels, ["2023", "2024Q2", "2024年4-6月", "2024"]);
    }

    #[test]
    fn periods_that_do_not_say_their_basis() {
        for (typed, unsaid) in [
            ("10月", true),
            ("10月份", true),
            ("十月", true),
            ("2025年10月", true),
            ("二〇二五年十月", true),
            ("12月", true),
            ("三季度", true),
            ("第三季度", true),
            ("第3季", true),
            ("2026年三季度", true),
            ("10", true),
            ("1月", false),
            ("一季度", false),
            ("1-10月", false),
            ("前三季度", false),
            ("上半年", false),
            ("10月（当月）", false),
            ("三季度当季", false),
            ("10月累计", false),
            ("2025-10", false),
            ("2025.10", false),
            ("202510", false),
            ("2025Q3", false),
            ("Q3", false),
            ("2025", false),
            ("2025年", false),
            ("全年", false),
        ] {
            assert_eq!(basis_unsaid(typed), unsaid, "{typed}");
        }
    }

    #[test]
    fn basis_cells() {
        assert_eq!(parse_basis("累计").unwrap(), Some(Basis::YearToDate));
        assert_eq!(parse_basis("1-6月累计").unwrap(), Some(Basis::YearToDate));
        assert_eq!(parse_basis("当月").unwrap(), Some(Basis::Alone));
        assert_eq!(parse_basis(" ").unwrap(), None);
        assert!(parse_basis("月度").unwrap_err().contains("累计"));
        let q = parse("2024Q2", None).unwrap().with_basis(Basis::Alone);
        assert_eq!((q.first, q.last), (4, 6));
    }
}
