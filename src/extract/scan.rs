//! Reading a number where it stands: the character classes, the decimal with what belongs to it
//! (unit, range, operator word, suffix: a [`Span`]), and the rules that tell a number that may be
//! a target from a date, an ordinal, a code, a scheme name or a count inside a description.
//!
//! Why it exists: prose, tables, years and the document header all start from a number in a
//! `&[char]`; keeping the scanners in one place keeps one reading of a number, with the operator
//! and suffix words taken from the threshold parser's own lists.

use crate::unit::unit_prefix_len;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub(super) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

pub(super) fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

pub(super) fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

pub(super) fn ends_with_at(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && starts_with(chars, end - n, word)
}

/// The text with every kind of space removed (the pages put spaces inside names and numbers).
pub(super) fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// Operator words the threshold parser reads before a number (its own list, so that the two
/// never disagree); the longest match wins.
static OP_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::threshold::WORD_OPS.iter().map(|(w, _)| *w).collect());

/// Operator signs before a number, as the threshold parser reads them (full-width `＞` `＜`
/// too); not `~` (a range's or an approximation's, read with the range) nor a bare `=`.
const SIGN_OPS: &[&str] = &[
    ">=", "=>", "≥", "≧", "⩾", "≮", "<=", "=<", "≤", "≦", "⩽", "≯", ">", "﹥", "<", "﹤", "≈", "≒",
    "＞", "＜", "＞＝", "＜＝",
];

/// Whether what stands before an ASCII sign at `at` makes it markup, not an operator: a tag's end
/// (`<br />2.第4项`), an arrow (`->`), a word or a figure written against it (`a>2`).
fn markup_before(chars: &[char], at: usize) -> bool {
    chars[..at]
        .iter()
        .rev()
        .find(|c| **c != ' ')
        .is_some_and(|c| c.is_ascii_alphanumeric() || "/-=<>\"'".contains(*c))
}

/// Words after the number that set the operator (Civil Code art. 1259), as the parser reads them.
static SUFFIX_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::threshold::SUFFIXES.iter().map(|(w, _)| *w).collect());

/// Counting words qyx has no unit for; a number with one of them is still a target, and the
/// person settling the draft decides the unit.
const EXTRA_CLASSIFIERS: &[&str] = &[
    "片", "亩", "公顷", "吨", "株", "棵", "本", "幢", "栋", "艘", "份", "节", "课时", "学时", "门",
    "期", "轮", "届", "组", "队",
];

/// The ends of the names of quantities printed without a unit (`城乡居民收入倍差`, `基尼系数`).
const RATIO_NAMES: &[&str] = &["倍差", "系数", "指数", "比值"];

/// The share in words (`百分之`, `千分之`, `万分之`, `十万分之`) that starts at `i`, with the sign
/// its figure is in: the threshold parser's fraction words, the longest there.
pub(super) fn fraction_at(chars: &[char], i: usize) -> Option<(&'static str, &'static str)> {
    crate::unit::FRACTIONS
        .iter()
        .filter(|(w, _)| starts_with(chars, i, w))
        .max_by_key(|(w, _)| w.chars().count())
        .copied()
}

pub(super) const RANGE_SEPARATORS: &[char] = &['—', '–', '-', '－', '~', '～', '至'];

/// Whether a year (1900–2100, a whole number) follows the separator at `i` (one, or doubled:
/// `——`, `--`), spaces allowed after it.
fn year_after(chars: &[char], i: usize) -> bool {
    let mut k = i + 1;
    if chars.get(k) == chars.get(i) {
        k += 1;
    }
    scan_number(chars, skip_spaces(chars, k))
        .is_some_and(|(_, v)| v.scale() == 0 && (1900..=2100).contains(&v.mantissa()))
}

/// Reads a decimal at `i`: digits, an optional fraction (OCR may put spaces around the dot:
/// `94. 5`), thousands separators. Returns the end and the value.
pub(super) fn scan_number(chars: &[char], i: usize) -> Option<(usize, Decimal)> {
    // Chinese numerals (`两`, `十`, `三百`) are read by the shared reader, as every command reads
    // them; digits keep this reader's OCR and separator rules.
    if chars.get(i).is_some_and(|c| !is_digit(*c)) {
        return match crate::numeral::scan(chars, i) {
            Ok(Some(n)) if n.chinese => Some((n.end, n.value)),
            _ => None,
        };
    }
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

/// Whether a Chinese numeral starts at `i` (and not inside another one: `十四五` is read from 十).
pub(super) fn chinese_number_at(chars: &[char], i: usize) -> bool {
    chars
        .get(i)
        .is_some_and(|c| !is_digit(*c) && crate::numeral::starts_number(*c))
        && (i == 0 || !crate::numeral::starts_number(chars[i - 1]))
}

pub(super) fn skip_spaces(chars: &[char], mut i: usize) -> usize {
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
pub(super) struct Span {
    /// Where the operator word starts (or the number, without one).
    pub(super) start: usize,
    pub(super) num_start: usize,
    /// Just after the suffix (or unit, or number).
    pub(super) end: usize,
    pub(super) op_word: Option<&'static str>,
    pub(super) value: Decimal,
    pub(super) high: Option<Decimal>,
    pub(super) unit: Option<String>,
    /// The unit is one qyx does not know (`片`): the parser cannot read it.
    pub(super) unknown_unit: bool,
    pub(super) suffix: Option<&'static str>,
    /// The number is a ratio's figure (`医护比达到1:1.2`: 1.2), printed with its `1:`.
    pub(super) ratio: bool,
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

/// The words that call what follows a ratio (`医护比`, `床护比`, `医护比例`, `城乡居民收入倍差`).
const RATIO_WORDS: &[&str] = &["比", "比例", "比值", "倍差"];

/// A ratio at `num_start` (`1:1.2`, `1：1.15`, `1.9:1`): where it ends and its figure per one, as
/// the threshold parser reads it ([`crate::threshold::ratio_figure`]); the words before it (an
/// operator word aside) say whether it is called a ratio. A part followed by a unit (`任务1:1.2万
/// 个`) is a list's number and a figure, no ratio.
fn ratio_at(chars: &[char], num_start: usize) -> Option<(usize, Decimal)> {
    let (colon, a) = scan_number(chars, num_start)?;
    let colon = skip_spaces(chars, colon);
    if !matches!(chars.get(colon), Some(':' | '：')) {
        return None;
    }
    let (end, b) = scan_number(chars, skip_spaces(chars, colon + 1))?;
    let after = skip_spaces(chars, end);
    if scan_unit(chars, after).is_some() || chars.get(after).is_some_and(|c| is_digit(*c)) {
        return None;
    }
    let mut before = num_start;
    while before > 0 && is_space(chars[before - 1]) {
        before -= 1;
    }
    if let Some(w) = OP_WORDS
        .iter()
        .filter(|w| ends_with_at(chars, before, w))
        .max_by_key(|w| w.chars().count())
    {
        before -= w.chars().count();
    }
    let named = RATIO_WORDS.iter().any(|w| ends_with_at(chars, before, w));
    crate::threshold::ratio_figure(a, b, named).map(|v| (end, v))
}

pub(super) fn scan_span(chars: &[char], num_start: usize) -> Option<Span> {
    // `百分之六十五`, `百分之百`, `千分之三`, `千分之二点六`, `十万分之九`: a share in words, its
    // number after 之 (the 百, 千 or 十万 is no number of its own: read as one, `千分之三` was a
    // target of 1000 and `十万分之九` one of 10).
    let fraction = fraction_at(chars, num_start);
    let ratio = match fraction {
        Some(_) => None,
        None => ratio_at(chars, num_start),
    };
    let (mut end, value) = match (fraction, ratio) {
        (Some((w, _)), _) => scan_number(chars, num_start + w.chars().count())?,
        (None, Some(r)) => r,
        (None, None) => scan_number(chars, num_start)?,
    };
    let mut unit = None;
    let mut unknown_unit = false;
    let mut high = None;
    let mut k = skip_spaces(chars, end);
    // `1,200余个`, `300余家`: 余 between the number and its unit says "more than" (the parser
    // reads it so); without it the unit was not found and the figure was passed over.
    let mut more_than = None;
    if fraction.is_none()
        && chars.get(k) == Some(&'余')
        && scan_unit(chars, k + 1).is_some_and(|(_, _, unknown)| !unknown)
    {
        more_than = SUFFIX_WORDS.iter().find(|w| **w == "余").copied();
        k += 1;
    }
    if let Some((_, u)) = fraction {
        unit = Some(u.to_string());
    } else if let Some((e, u, unknown)) = scan_unit(chars, k) {
        end = e;
        unit = Some(u);
        unknown_unit = unknown;
    } else if let Some((len, u)) = crate::unit::bracketed(&chars[k..]) {
        // `2023年完成值：4.1（个）`: a unit in brackets after the figure, as the threshold
        // parser reads it.
        end = k + len;
        unit = Some(u);
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
    let suffix = word_at(chars, k, &SUFFIX_WORDS).or(more_than);
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
    } else if let Some(w) = SIGN_OPS
        .iter()
        .filter(|w| ends_with_at(chars, before, w))
        .max_by_key(|w| w.chars().count())
        .filter(|w| !w.is_ascii() || !markup_before(chars, before - w.chars().count()))
    {
        // A sign in prose (`普惠托位占比2025年≥65%`, `失业率＜5%`) is the figure's operator as a
        // word is: drafted without it, `≥65%` became a bare 65.
        start = before - w.chars().count();
        op_word = Some(*w);
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
        ratio: ratio.is_some(),
    })
}

/// How far back an open bracket is looked for: longer than any quoted name or title, and a
/// bound that keeps a whole document's scan linear.
const BRACKET_REACH: usize = 200;

/// Which bracket pairs enclose position `i` of a sentence: a number inside “…”, 《…》 or 〔…〕
/// is part of a name or a document number, not a target.
pub(super) fn enclosed(chars: &[char], i: usize) -> bool {
    let all = chars;
    let from = i.saturating_sub(BRACKET_REACH);
    let chars = &chars[from..i];
    let i = chars.len();
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
                (Some(o), Some(c)) if o > c => *open != '“' || !quoted_target(&all[from + o + 1..]),
                (Some(o), None) => *open != '“' || !quoted_target(&all[from + o + 1..]),
                _ => false,
            }
        }
    })
}

/// Words that set a level in a target's statement.
const QUOTED_VERBS: &[&str] = &[
    "达到",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "不低于",
    "不少于",
    "控制在",
    "保持在",
    "稳定在",
];

/// Whether a quotation (what follows its opening mark) quotes a target's statement, whose years
/// and figures are read: it opens with a year (`“2025年达到58%，2027年达到65%”`) and a verb
/// that sets a level stands in it. A revision quotes the targets it puts in force so; a name or
/// a slogan in quotation marks (`“15分钟公共服务圈”`, `“2023年度民生实事”`) is no statement.
fn quoted_target(after_open: &[char]) -> bool {
    let digits = after_open.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 || after_open.get(4) != Some(&'年') || after_open.get(5) == Some(&'度') {
        return false;
    }
    let quote: String = after_open
        .iter()
        .take(BRACKET_REACH)
        .take_while(|c| **c != '”')
        .collect();
    QUOTED_VERBS.iter().any(|v| quote.contains(v))
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
    // `共提取2个表格`: a tool's count of what it read.
    "表格",
];

/// Divisions of a place, after their count and its `个` (`14个街道`, `9个县（市、区）`).
const DIVISIONS: &[&str] = &[
    "街道",
    "社区",
    "镇街",
    "乡镇",
    "镇（街道）",
    "镇（街）",
    "县（市、区）",
    "县（市）",
    "区（县、市）",
    // A city's: `6个区、县（市）`, `9个区县（市）`.
    "区、县（市）",
    "区县（市）",
    "区县",
    // An island city's or a small one's: `4个县（区）`, `3个区（县）`.
    "县（区）",
    "区（县）",
    "县市区",
    "行政村",
    "村（社区）",
];

/// What follows a count of divisions that ends its noun (`14个街道、`, `12个镇街实现…`,
/// `9个县（市、区）中`); not a noun it qualifies (`2个社区“一老一小”融合服务…点位`).
const DIVISION_ENDS: &[&str] = &[
    "、", "（", "(", "和", "及", "中", "实现", "开展", "均", "全", "共", "的",
];

/// Verbs that make a count of divisions something the plan builds (`创建15个社区`).
const MAKING: &[&str] = &["建", "创", "打造", "培育", "改造", "达标", "新增", "提升"];

/// Verbs of what has been done already (`已新增托位420个`, `现有托育机构52家`): a report of
/// progress or of the state of things, no figure the plan sets.
const DONE: &[&str] = &[
    "已新增",
    "已完成",
    "已建成",
    "已新建",
    "已开工",
    "已安排",
    "已投入",
    "已有",
    "现有",
    "已累计",
];

/// Words that open an account of the year so far (`今年以来`, `1—4月`): a sentence with them and
/// with `已` reports progress.
const SO_FAR: &[&str] = &["今年以来", "年初以来", "目前", "截至目前"];

/// Whether a figure reports what has been done already (`2023年1—4月，全县已新增托位420个，
/// 已完成投资2.8亿元`; `今年以来，我们已新增托位560个，新建托育机构6家`; `全市现有托育机构52家`):
/// a verb of it in its clause, or an account of the year so far (`今年以来`) with `已` of a
/// thing done in its sentence. Not `已达到` (a level reached: a baseline of its year, or the
/// bulletin's rules decide). Whether
/// that is a baseline or no figure depends on the year it reports (the caller's to say).
pub(super) fn done_so_far(chars: &[char], span: &Span) -> bool {
    if span.op_word.is_some() {
        return false;
    }
    let sentence = collect(chars);
    let from = chars[..span.start]
        .iter()
        .rposition(|c| "，,；;。：:、（(\n•".contains(*c))
        .map_or(0, |p| p + 1);
    let clause_before = collect(&chars[from..span.start]);
    // `已` of a thing done, not of a level reached (`已达到58%`, `已超过`).
    let done = sentence
        .match_indices('已')
        .any(|(k, _)| !sentence[k + '已'.len_utf8()..].starts_with(['达', '超']));
    DONE.iter().any(|w| clause_before.contains(w))
        || SO_FAR.iter().any(|w| sentence.contains(w)) && done && !clause_before.contains("目标")
}

/// Whether a sentence tells of the year so far (`今年以来`, `目前`): its year is the one it was
/// written in.
pub(super) fn so_far(chars: &[char]) -> bool {
    let sentence = collect(chars);
    SO_FAR.iter().any(|w| sentence.contains(w))
}

/// The year a sentence's figures are of: its first year printed (`2023年1—4月`, `截至2023年10月`).
pub(super) fn first_year(chars: &[char]) -> Option<i32> {
    chars.windows(5).enumerate().find_map(|(k, w)| {
        (w[4] == '年'
            && w[..4].iter().all(char::is_ascii_digit)
            && (k == 0 || !chars[k - 1].is_ascii_digit()))
        .then(|| collect(&w[..4]).parse().ok())
        .flatten()
    })
}

/// Figures of the context around a plan, none of them a level the plan sets: a population, a
/// copy count, the figure a change replaced, item numbers listed after `第`, a completion rate,
/// a comparison stated as a past difference (`比“十三五”期间多了1800个`).
fn context_figure(chars: &[char], span: &Span, clause_before: &str) -> Option<&'static str> {
    let bare = span.op_word.is_none();
    // `常住人口68.4万人`, `老年人口21.3万人，占总人口的26.7%`: a population, the scale of the
    // place, not a figure of a per-capita indicator (`每千人口…`).
    let unit = span.unit.as_deref().unwrap_or("");
    let people = clause_before.contains("人口")
        && !["每千人口", "每万人口", "每百人口", "千人口", "万人口"]
            .iter()
            .any(|w| clause_before.contains(w));
    // A population the place has reached already (`常住人口已达134.5万人`) is its scale as well.
    let reached = clause_before.contains('已');
    if (bare || reached)
        && people
        && (unit.ends_with('人') || unit == "%" && clause_before.contains("占"))
    {
        return Some("a population (常住人口68.4万人)");
    }
    // `应出席常委会组成人员29人，实际出席25人`, `应到245名，实到231名`: who attended a meeting.
    if ["出席", "列席", "缺席", "请假", "应到", "实到"]
        .iter()
        .any(|w| clause_before.contains(w))
        && (unit.ends_with('人') || unit == "名")
    {
        return Some("a meeting's attendance (实际出席25人)");
    }
    // `（2022年已安排1.5亿元）`, `已下达资金3200万元`: money a budget has given already, in any
    // year (the base year's too): no level of an indicator. Not a level reached
    // (`已提高到每人每月290元`), nor money set aside ahead (`每年安排…不少于1亿元`).
    if unit.ends_with('元')
        && ["已安排", "已下达", "已拨付", "已落实资金"]
            .iter()
            .any(|w| clause_before.contains(w))
    {
        return Some("money arranged already (已安排1.5亿元)");
    }
    // `按每个托位1.2万元给予一次性建设补助`: the rate a subsidy is paid at, per thing, no level
    // of an indicator.
    let after = collect(&chars[span.end..chars.len().min(span.end + 16)]);
    if unit.ends_with('元')
        && clause_before.contains("按每")
        && ["补助", "补贴", "奖励", "奖补", "资助"]
            .iter()
            .any(|w| after.contains(w))
    {
        return Some("a subsidy's rate (按每个托位1.2万元给予补助)");
    }
    // `部分老旧小区托育点面积不足80平方米`: what some places fall short of, a problem told, not
    // a level the plan sets.
    if ["部分", "个别", "有的", "少数"]
        .iter()
        .any(|w| clause_before.contains(w))
        && ["不足", "低于", "未达到", "不到", "达不到"]
            .iter()
            .any(|w| clause_before.ends_with(w) || span.op_word == Some(*w))
    {
        return Some("a shortfall of some places (部分…不足80平方米)");
    }
    // `（共印40份）`: the copies a document was printed in.
    if unit == "份" && clause_before.contains('印') {
        return Some("copies printed (共印40份)");
    }
    // `由送审稿的95%调整为96%以上`: the figure a change replaced; the one it set follows.
    let rest = collect(&chars[span.end..chars.len().min(span.end + 4)]);
    if ["调整为", "调整到", "修改为", "改为"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return Some("the figure a change replaced (由95%调整为96%)");
    }
    // `第4、7、12项`: item numbers after `第`, the later ones after `、`.
    let mut k = span.num_start;
    while k > 0 && (is_digit(chars[k - 1]) || "、，,".contains(chars[k - 1])) {
        k -= 1;
    }
    if k < span.num_start && k > 0 && chars[k - 1] == '第' {
        return Some("item numbers (第4、7、12项)");
    }
    // `完成率68%`, `序时进度75%`: a share of a plan done.
    // The words right before the figure, a bracket opened after them too (`按序时进度（75%）`:
    // the clause is cut at the bracket).
    let before: String = chars[span.start.saturating_sub(8)..span.start]
        .iter()
        .collect();
    let said = before.trim_end_matches(['为', '达', ' ', '：', ':', '（', '(']);
    if bare && ["完成率", "序时进度"].iter().any(|w| said.ends_with(w)) {
        return Some("a completion rate (完成率68%)");
    }
    // `比“十三五”期间多了1800个`: a difference told as past, no level to reach.
    if bare
        && clause_before.contains('比')
        && ["多了", "少了", "多出"]
            .iter()
            .any(|w| clause_before.ends_with(w))
    {
        return Some("a past difference (比…多了1800个)");
    }
    None
}

/// Words of a plan's drafting: the research, consultation and review it went through.
const DRAFTING: &[&str] = &[
    "调研", "征求", "意见", "建议", "采纳", "座谈", "论证", "走访", "研讨", "修改",
];

/// Who a draft is sent to for comment, counted (`12个单位`, `15个部门`, `8位专家`).
const CONSULTED: &[&str] = &[
    "单位",
    "部门",
    "镇街",
    "镇（街道）",
    "乡镇",
    "街道",
    "专家",
    "代表",
    "委员",
];

/// The parts a plan counts of itself (`26项重点任务`, `58个重点项目`, `共36个项目`).
const PLAN_PARTS: &[&str] = &["任务", "项目", "工程", "行动", "举措", "领域", "事项"];

/// Verbs that set money aside for the work (`安排资金`, `投入经费`).
const FUNDING_VERBS: &[&str] = &["安排", "投入", "统筹", "拨付", "下达", "落实", "筹措"];

/// Nouns that name a goal rather than a thing to count: `建设八个高地`, `打造3个标杆` is a named
/// set of aims, not a quantity anyone reports.
pub(super) const GOAL_NOUNS: &[&str] = &[
    "高地",
    "标杆",
    "样板",
    "窗口",
    "排头兵",
    "金名片",
    "示范窗口",
    "先行地",
    "先行区",
    "目标",
];

/// Words that number a table, a figure, an annex or a box at the head of its line.
const CAPTIONS: &[&str] = &["附表", "附件", "附图", "附录", "专栏", "表", "图"];

/// Whether the number at `i` is a caption's (`表3 分乡镇托位建设任务表`, `附件1 分解任务`): its
/// word stands first on the line or in the sentence, so `3 分` is a label, not a score.
fn caption_number(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j > 0 && matches!(chars[j - 1], ' ' | '\u{3000}') {
        j -= 1;
    }
    CAPTIONS.iter().any(|w| {
        let n = w.chars().count();
        j >= n
            && chars[j - n..j].iter().copied().eq(w.chars())
            && chars[..j - n]
                .iter()
                .rev()
                .take_while(|c| !matches!(c, '\n' | '。' | '；' | ';'))
                .all(|c| c.is_whitespace())
    })
}

/// Why a number is not a target, or `None` when it may be one.
/// Words that may stand between a year and its bare figure in a list of an indicator's figures
/// by year: what the figure is (`2022年基数3.8`, `2022年基础值55`), its scope
/// (`2023—2027年累计6000`, `2025年、2027年均＜5`), an operator sign (`2025年≥65`).
const YEAR_FIGURE_WORDS: [&str; 6] = ["基数", "基础值", "基期值", "现状值", "累计", "均"];

/// Whether the number at `i` is a figure right after its year (`2025年4.6`), perhaps with an
/// operator sign (`2025年≥65`, `2027年＜5`) or a word saying what it is between
/// ([`YEAR_FIGURE_WORDS`]): an indicator's figures listed year by year.
fn after_its_year(chars: &[char], i: usize) -> bool {
    let mut k = i;
    while k > 0 && (is_space(chars[k - 1]) || "≥≤＞＜><≧≦＝=".contains(chars[k - 1])) {
        k -= 1;
    }
    if let Some(w) = YEAR_FIGURE_WORDS.iter().find(|w| ends_with_at(chars, k, w)) {
        k -= w.chars().count();
    }
    k >= 5
        && chars[k - 1] == '年'
        && chars[k - 5..k - 1].iter().all(|c| c.is_ascii_digit())
        && (k == 5 || !is_digit(chars[k - 6]))
}

pub(super) fn not_a_target(chars: &[char], span: &Span) -> Option<&'static str> {
    let i = span.num_start;
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(span.end).copied();
    let after_num = chars
        .get(skip_spaces(chars, scan_number(chars, i).map_or(i, |x| x.0)))
        .copied();
    if prev == Some('第') {
        return Some("ordinal");
    }
    if caption_number(chars, i) {
        return Some("caption number (表3, 附件1)");
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
    if !span.ratio && after_num.is_some_and(|c| c == ':' || c == '：')
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
            // `2023～2027年`, `2023~2027`, `2023至2027年`, `2023–2027`: a span of years with
            // any dash a keyboard or a converter writes; `2000~3000元` stays a range of figures.
            Some(c) if RANGE_SEPARATORS.contains(c) && year_after(chars, j) => {
                return Some("date");
            }
            _ => {}
        }
    }
    // `(20232027年)`: a period whose dash was lost (a flattened .docx), or any long integer
    // right before 年: a date, never a figure.
    if span.value.scale() == 0 && span.value.mantissa() >= 10_000 && after_num == Some('年') {
        return Some("date (a period without its dash)");
    }
    // `每季度末5日前`, `10日起`: a day of the month; `结束后5日内`: a reporting deadline.
    let num_end = skip_spaces(chars, scan_number(chars, i).map_or(i, |x| x.0));
    let day_words = [
        "日前",
        "日起",
        "日内",
        "日以内",
        "日之内",
        "日之前",
        "号前",
        "号起",
    ];
    if day_words.iter().any(|w| starts_with(chars, num_end, w)) {
        return Some("date");
    }
    // A unit of its own only when spaced off its number (`2023 年 9 月 14 日`, as a converter
    // that spaces digits from Chinese prints a date): the day or month it is, no unit.
    let date_unit = |u: &str| ["月", "日", "号"].contains(&u);
    if after_num.is_some_and(|c| "月日号时点期届批次".contains(c))
        && span.unit.as_deref().is_none_or(date_unit)
    {
        return Some("date or number");
    }
    // `每季度召开1次工作例会`, `每月通报2次`: how often a body sits or a task recurs, a rule of
    // the work, not a figure an indicator reports (`每年培训1万人次` counts people and is read).
    if span.unit.as_deref() == Some("次") && span.value <= rust_decimal::Decimal::from(12) {
        let from = chars[..span.start]
            .iter()
            .rposition(|c| "，,；;。：:\n".contains(*c))
            .map_or(0, |p| p + 1);
        let clause = collect(&chars[from..span.start]);
        let every = ["季度", "月", "年", "半年", "周", "旬", "天"]
            .iter()
            .any(|p| clause.contains(&format!("每{p}")) || clause.contains(&format!("每个{p}")));
        if every {
            return Some("how often a task recurs (每季度召开1次)");
        }
    }
    // `1—10月统计数`, `1-6月`: the months a figure covers, not a range of figures.
    if chars
        .get(num_end)
        .is_some_and(|c| RANGE_SEPARATORS.contains(c))
        && let Some((e, _)) = scan_number(chars, num_end + 1)
        && chars.get(e) == Some(&'月')
    {
        return Some("months (1—10月)");
    }
    // `完成年度目标的110%`, `占年度计划的108%`: how much of a target was done, not a figure of
    // the indicator.
    let lead = collect(&chars[span.start.saturating_sub(12)..span.start]);
    if lead.ends_with('的')
        && ["目标的", "计划的", "任务的"]
            .iter()
            .any(|w| lead.ends_with(w))
        && ["完成", "占"].iter().any(|w| lead.contains(w))
    {
        return Some("a share of a target done");
    }
    // `阅读 2.3万`, `浏览次数：1362`, `在看 318`: a page's count of its readers, not a figure.
    let said: String = collect(&chars[span.start.saturating_sub(6)..span.start]);
    let said = said.trim_end_matches([' ', '\u{3000}', ':', '：']);
    if [
        "阅读",
        "阅读量",
        "浏览",
        "浏览量",
        "浏览次数",
        "点击量",
        "在看",
        "点赞",
        "转发",
        "分享",
    ]
    .iter()
    .any(|w| said.ends_with(w))
    {
        return Some("a page's count of readers (阅读 2.3万)");
    }
    // `收费不高于当地城镇居民人均可支配收入的两成`: a price or amount held to a share of another
    // quantity (a rule of pricing, as a definition), no level of an indicator; where what is
    // compared is itself a share (`教师比例不低于应交流人数的15%`), the share is its level.
    let share = span.unit.as_deref().is_some_and(|u| {
        ["成", "%"].contains(&u) || crate::unit::FRACTIONS.iter().any(|(_, sign)| *sign == u)
    });
    if share && span.op_word.is_none() && span.start > 0 && chars[span.start - 1] == '的' {
        let from = chars[..span.start]
            .iter()
            .rposition(|c| "，,；;。：:".contains(*c))
            .map_or(0, |p| p + 1);
        let clause = collect(&chars[from..span.start - 1]);
        let compared = ["不高于", "不超过", "低于", "不低于", "高于", "超过"]
            .iter()
            .filter_map(|w| clause.rfind(w).map(|p| (p, p + w.len())))
            // The longest word ending there: `不低于`, not the `低于` in it.
            .max_by_key(|(at, end)| (*end, std::cmp::Reverse(*at)))
            .is_some_and(|(at, p)| {
                let subject = clause[..at].trim_end_matches(['应', '须', '要']);
                let object = &clause[p..];
                !["比例", "占比", "比重", "率"]
                    .iter()
                    .any(|w| subject.ends_with(w))
                    && object.chars().filter(|c| is_cjk(*c)).count() >= 2
                    && !object.chars().any(is_digit)
            });
        if compared {
            return Some("a share of another quantity (不高于…收入的两成)");
        }
    }
    // `对山区5个乡镇的…给予倾斜`: the places a measure favours, named by their count (the count,
    // the places' words, 的), not a count to reach.
    let qualified = chars[span.end..]
        .iter()
        .take(5)
        .position(|c| *c == '的')
        .is_some_and(|p| chars[span.end..span.end + p].iter().all(|c| is_cjk(*c)));
    if span.op_word.is_none()
        && qualified
        && (1..=4).any(|d| {
            span.start >= d
                && chars[span.start - d] == '对'
                && chars[span.start - d + 1..span.start]
                    .iter()
                    .all(|c| is_cjk(*c))
        })
    {
        return Some("whom a measure favours (对山区5个乡镇的…)");
    }
    // `以农村居民收入为1`, `以2020年为100`: an index's base, how a ratio is counted (a 注 under
    // the table says it), never a level to reach. Only 1 and 100, the bases an index has; `以`
    // opening the clause's phrase, not a word's (`以下`, `以上`, `可以`, `所以`).
    let value = chars[span.num_start..span.end]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .collect::<String>();
    if (value == "1" || value == "100")
        && !chars
            .get(span.num_start + value.len())
            .is_some_and(|c| c.is_ascii_digit() || *c == '.')
        && span.num_start >= 1
        && chars[span.num_start - 1] == '为'
    {
        let from = span.num_start.saturating_sub(24);
        let clause = &chars[from..span.num_start - 1];
        let opened = clause
            .iter()
            .rposition(|c| "，。；：,;:".contains(*c))
            .map_or(0, |p| p + 1);
        let based = (opened..clause.len()).any(|k| {
            clause[k] == '以'
                && !clause[k + 1..].contains(&'为')
                && clause
                    .get(k + 1)
                    .is_some_and(|c| !"下上内外前后来及便免".contains(*c))
                && (k == opened || !"可所加予得难足用".contains(clause[k - 1]))
        });
        if based {
            return Some("an index's base (以农村居民收入为1)");
        }
    }
    // `在全县23个养老服务中心全面推广`: where something is done, not a count to reach.
    if span.op_word.is_none() {
        let mut k = span.start;
        while k > 0 && "全本县市区乡镇".contains(chars[k - 1]) && span.start - k < 2 {
            k -= 1;
        }
        if k > 0 && k < span.start && chars[k - 1] == '在' {
            return Some("where it is done (在全县23个…)");
        }
    }
    // A bare number is a name's (`3.0行动`) or a list's, unless it closes its clause with its
    // figure: right after its year (`城乡居民收入倍差：2022年1.76，2027年…`, a list of an
    // indicator's figures by year), or as a decimal after the name of a quantity with no unit
    // (`城乡居民收入倍差1.68。`).
    let closes = chars
        .get(span.end)
        .is_none_or(|c| "，,；;。、".contains(*c));
    let after_year = closes && after_its_year(chars, i);
    let after_ratio =
        closes && span.value.scale() > 0 && RATIO_NAMES.iter().any(|w| ends_with_at(chars, i, w));
    if span.unit.is_none()
        && span.op_word.is_none()
        && span.suffix.is_none()
        && !after_year
        && !after_ratio
        && !span.ratio
    {
        return Some("bare number in prose");
    }
    // `仍差0.6年`, `相差2个百分点`: the distance to a target, not one.
    let before = collect(&chars[span.start.saturating_sub(2)..span.start]);
    if ["仍差", "还差", "相差", "尚差", "差距"].contains(&before.as_str()) {
        return Some("a gap to a target");
    }
    // `主要指标共20项,已完成6项`: a count of the plan's own indicators; `重点考核…32项重点任务`:
    // of the items an assessment covers.
    if span.unit.as_deref() == Some("项") {
        let sentence = collect(chars);
        if sentence.contains("指标") {
            return Some("a count of indicators");
        }
        if sentence.contains("考核") {
            return Some("a count of what is assessed");
        }
    }
    // An assessment's points (`指标完成情况（70分）`, `90分以上为优秀`, `每项加1分`): what a result
    // scores, no target. Not 分钟 (minutes), nor 分之 (`十万分之九`, read before its number).
    let j = skip_spaces(chars, scan_number(chars, i).map_or(i, |x| x.0));
    if chars.get(j) == Some(&'分') && chars.get(j + 1).is_none_or(|c| !"钟之".contains(*c)) {
        return Some("a score (70分)");
    }
    // Ages and durations inside names: 3岁以下婴幼儿, 0-3岁, 15分钟公共服务圈. A figure a
    // clause builds on (`以“十三五”平均值82.71岁为基数`, `在81.9岁的基础上`) is no name's.
    // Nor the figure a change starts from (`比2022年的82.8岁提高0.8岁`).
    let base = ["为基数", "的基础上", "提高", "增加", "延长"]
        .iter()
        .any(|w| starts_with(chars, span.end, w));
    if let Some(u) = &span.unit
        && (u == "岁" || u == "周岁" || u == "分钟" || u == "小时" || u == "年")
        && span.op_word.is_none()
        && !base
        && next.is_some_and(|c| is_cjk(c) || c == '“')
    {
        return Some("age or duration in a name");
    }
    if span.unit.as_deref() == Some("岁") && span.high.is_some() {
        return Some("age range");
    }
    // The clause before the number, from its last stop (a list's `、` too).
    let clause_before = {
        let from = chars[..span.start]
            .iter()
            .rposition(|c| "，,；;。：:、（(\n•".contains(*c))
            .map_or(0, |p| p + 1);
        collect(&chars[from..span.start])
    };
    // `开展专题调研18次`, `书面征求意见43条，采纳39条`, `召开座谈会5场`: how the plan was drafted
    // (a 汇报's or a 起草说明's account), no figure of an indicator.
    let count_unit = span
        .unit
        .as_deref()
        .is_some_and(|u| ["次", "条", "场", "轮", "份", "稿"].contains(&u));
    // The drafting may be named after the count (`经过3轮征求意见`).
    let clause_after = {
        let rest = &chars[span.end..];
        let to = rest
            .iter()
            .position(|c| "，,；;。：:、）)\n".contains(*c))
            .unwrap_or(rest.len());
        collect(&rest[..to])
    };
    if count_unit
        && span.op_word.is_none()
        && DRAFTING
            .iter()
            .any(|w| clause_before.contains(w) || clause_after.starts_with(w))
    {
        return Some("a count of the drafting (调研18次, 征求意见43条)");
    }
    // `根据…等12个单位反馈意见`, `征求了15个部门意见`, `8位专家参加论证`: the bodies consulted
    // counted, the drafting's words before the count or right after its noun.
    if span.op_word.is_none() && span.high.is_none() {
        let rest = collect(&chars[span.end..chars.len().min(span.end + 12)]);
        let rest = rest.trim_start_matches(['个', '家', '位', '名']);
        let clause_after: String = rest
            .chars()
            .take_while(|c| !"，,；;。：:（(".contains(*c))
            .collect();
        let body = CONSULTED.iter().find(|b| clause_after.starts_with(**b));
        // Asked before (`征求了15个部门意见`) or answering after (`12个单位反馈意见`); a visit
        // (`走访500家企业`) is work a plan sets.
        if let Some(b) = body
            && (["征求", "征询", "听取"]
                .iter()
                .any(|w| clause_before.contains(w))
                || DRAFTING.iter().any(|w| clause_after[b.len()..].contains(w)))
        {
            return Some("a count of the bodies consulted (12个单位反馈意见)");
        }
    }
    // `7大领域、26项重点任务、58个重点项目`, `（共36个项目）`: the plan's own parts counted, with
    // no verb to do them (`新建58个重点项目` is read).
    if span.op_word.is_none()
        && clause_before
            .trim()
            .trim_start_matches(['(', '（'])
            .trim_start_matches(['共', '计', '合', '总'])
            .trim_start_matches('计')
            .is_empty()
    {
        let rest = collect(&chars[span.end..chars.len().min(span.end + 8)]);
        let noun: String = rest
            .chars()
            .take_while(|c| !"，,；;。：:、)）".contains(*c))
            .collect();
        if PLAN_PARTS.iter().any(|n| noun.ends_with(n)) {
            return Some("a count of the plan's parts (26项重点任务)");
        }
    }
    // `2023年安排项目资金12.6亿元`: money a year's budget set aside for the work, no level of an
    // indicator. A floor the plan commits to (`每年安排专项资金不少于1亿元`) is read: earlier
    // rounds' answers count it.
    let money = span.unit.as_deref().is_some_and(|u| u.ends_with('元'));
    if money
        && span.op_word.is_none()
        && ["资金", "经费"].iter().any(|w| clause_before.contains(w))
        && FUNDING_VERBS.iter().any(|w| clause_before.contains(w))
    {
        return Some("funding set aside (安排资金12.6亿元)");
    }
    if let Some(why) = context_figure(chars, span, &clause_before) {
        return Some(why);
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
        // `辖区内共有14个街道、194个社区`, `对9个县（市、区）开展督查`, `12个镇街实现全覆盖`: how
        // many divisions a place has or a measure reaches, its scale, not a level to reach.
        // Not divisions the plan builds or makes (`创建15个社区…`, `打造10个未来社区`).
        // ASCII brackets (an English input mode's `县(市、区)`) are the full-width ones.
        let head_wide: String = head
            .chars()
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                c => c,
            })
            .collect();
        let division = DIVISIONS.iter().any(|n| {
            head_wide.strip_prefix(n).is_some_and(|after| {
                after.is_empty() || DIVISION_ENDS.iter().any(|e| after.starts_with(e))
            })
        }) && matches!(span.unit.as_deref(), None | Some("个"));
        if division && !MAKING.iter().any(|w| clause_before.contains(w)) {
            return Some("a count of divisions (共有14个街道)");
        }
        // `山区26县中我市占7个`, `全省90个县（市、区）中有12个`: how many of a set of places a
        // place holds or are so, its scale again; the set is named by its own count before `中`.
        // The clause back past a list's `、` and a bracket (`9个县（市、区）中有…`).
        let whole_before = {
            let from = chars[..span.start]
                .iter()
                .rposition(|c| "，,；;。：:\n•".contains(*c))
                .map_or(0, |p| p + 1);
            collect(&chars[from..span.start])
        };
        if matches!(span.unit.as_deref(), None | Some("个"))
            && let Some((set, member)) = whole_before.rsplit_once('中')
            && member.chars().count() <= 6
            && ["占", "有"].iter().any(|w| member.trim_end().ends_with(w))
            && set.chars().any(|c| c.is_ascii_digit())
            && ["县", "市", "区", "乡镇", "街道", "镇", "村"]
                .iter()
                .any(|n| set.trim_end_matches(['）', ')']).ends_with(n))
        {
            return Some("a count of divisions (26县中占7个)");
        }
        // `建设八个高地`, `打造“三个标杆”`: the count closes with the name of an aim.
        let head = head.trim_end_matches(['”', '"', '’', '」']);
        if GOAL_NOUNS.iter().any(|n| head.ends_with(n)) && head.chars().count() <= 8 {
            return Some("a named set of goals");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    /// The candidates of a plan's sentence.
    fn read(sentence: &str) -> Vec<super::super::Candidate> {
        let doc = format!(
            "某县公共服务“七优享”工程实施方案（2023—2027年）\n成文日期：2023-09-14\n{sentence}\n"
        );
        super::super::extract(&doc, None).candidates
    }

    /// Each figure of a plan's sentence as `kind year value`.
    fn figures(sentence: &str) -> Vec<String> {
        read(sentence)
            .iter()
            .map(|c| {
                format!(
                    "{} {} {}",
                    c.kind.name(),
                    c.year.unwrap_or_default(),
                    c.value.unwrap_or_default()
                )
            })
            .collect()
    }

    /// Each figure of a plan's sentence as `indicator value`.
    fn named(sentence: &str) -> Vec<String> {
        read(sentence)
            .iter()
            .map(|c| format!("{} {}", c.indicator, c.value.unwrap_or_default()))
            .collect()
    }

    /// The scale of a place and the terms of a measure (round 19): how many divisions it has or
    /// a measure reaches (`14个街道`, `9个县（市、区）`, `12个镇街实现…`), a subsidy's rate
    /// (`按每个托位1.2万元给予…补助`), what some places fall short of (`部分…不足80平方米`) are no
    /// figures. Near misses: divisions the plan builds, a count qualifying another noun, a
    /// division counted in 家, money a target sets, a shortfall the plan ends.
    #[test]
    fn a_place_s_scale_and_a_measure_s_terms_are_no_figures() {
        for s in [
            "辖区内共有14个街道、194个社区。",
            "对9个县（市、区）开展了专项督查。",
            "全区12个镇街实现医养结合服务全覆盖。",
            "2022年，6个区、县（市）实现婴幼儿照护服务指导中心全覆盖。",
            "山区26县中我市占7个。",
            "全市9个县(市、区)均建成指导中心，6个区、县(市)实现全覆盖。",
            "全市4个县（区）均建成婴幼儿照护服务指导中心。",
            "3个区（县）实现全覆盖。",
            "全市9个县（市）中有5个已创成示范县。",
            "全省90个县（市、区）中有12个已创成示范县。",
            "覆盖全县18个乡镇（街道）和210个行政村。",
            "对新建普惠托育机构按每个托位1.2万元给予一次性建设补助。",
            "按每张床位5000元给予运营补贴。",
            "部分老旧小区托育点面积不足80平方米，离标准仍有差距。",
            "个别乡镇普惠托位占比低于50%。",
        ] {
            assert!(figures(s).is_empty(), "{s}: {:?}", figures(s));
        }
        for (s, want) in [
            ("到2027年，创建15个社区嵌入式服务中心。", "target 2027 15"),
            (
                "到2027年，完成全区2个社区“一老一小”融合服务点位建设。",
                "target 2027 2",
            ),
            ("到2027年，完成3家乡镇卫生院能力提升。", "target 2027 3"),
            ("到2027年，创建4个县（区）级示范中心。", "target 2027 4"),
            (
                "到2027年，全市9个县（市、区）中创成示范县6个。",
                "target 2027 6",
            ),
            (
                "到2027年，托育机构建设补助资金达到1.2亿元。",
                "target 2027 1.2",
            ),
            ("到2027年，普惠托位占比不低于70%。", "target 2027 70"),
        ] {
            assert_eq!(figures(s), [want], "{s}");
        }
    }

    /// A year written against a figure (`2025年≥65%`, `2027年70%`) dates that figure alone; the
    /// clauses after it keep the sentence's year (`到2025年，…`). Near miss: a year, then a verb
    /// (`2025年达到4.8个，…达到65%`), dates the clauses after it.
    #[test]
    fn a_year_against_its_figure_is_that_figure_s_only() {
        for (s, want) in [
            (
                "到2025年，托位数达到4.6个，普惠托位占比2025年≥65%、2027年≥70%，义务教育优质均衡发展达标学校占比达到70%。",
                vec![
                    "target 2025 4.6",
                    "target 2025 65",
                    "target 2027 70",
                    "target 2025 70",
                ],
            ),
            (
                "到2025年，普惠托位占比2025年65%、2027年70%，人均预期寿命达到84岁。",
                vec!["target 2025 65", "target 2027 70", "target 2025 84"],
            ),
            (
                "2025年达到4.8个，普惠托位占比达到65%。",
                vec!["target 2025 4.8", "target 2025 65"],
            ),
        ] {
            assert_eq!(figures(s), want, "{s}");
        }
    }

    /// A sign before a figure in prose is its operator, as a word is (issue #14's leftover: the
    /// value was drafted, its sign lost): `2025年≥65%`, `＜5%`, `≤4.5%`, `>=90%`, after a name
    /// or a year. Near misses: a tag's end (`<br />2.`), an arrow (`->3`), a letter before the
    /// sign.
    #[test]
    fn a_sign_in_prose_is_the_figure_s_operator() {
        for (s, text) in [
            ("普惠托位占比2025年≥65%。", "≥65%"),
            ("城镇调查失业率＜5%。", "＜5%"),
            ("到2027年，城镇调查失业率≤4.5%。", "≤4.5%"),
            ("到2027年，适龄儿童免疫规划疫苗接种率>=90%。", ">=90%"),
            ("到2027年，人均预期寿命> 84岁。", "> 84岁"),
        ] {
            let got: Vec<String> = read(s).iter().filter_map(|c| c.text.clone()).collect();
            assert_eq!(got, [text], "{s}");
        }
        for s in [
            "注：1.目标值为区间下限。<br />2.第4项分列。",
            "步骤a->3个环节",
            "x<5的情形",
        ] {
            let got: Vec<String> = read(s).iter().filter_map(|c| c.text.clone()).collect();
            assert!(
                got.iter().all(|t| !t.starts_with(['<', '>'])),
                "{s}: {got:?}"
            );
        }
    }

    /// An indicator's figures listed year by year: a bare figure after its year with an operator
    /// sign (`2025年≥65`) or a word of what it is (`2022年基数55`, `2022年基础值`), of its scope
    /// (`累计6000`, `均＜5`) between; a share's name right before its year (`占比2025年`: no
    /// comparison `比2025年`); a list of years (`2025年、2027年`) the years of its own figures
    /// only. Near misses: another word between year and figure; a comparison; the list's own
    /// figure.
    #[test]
    fn figures_after_their_years() {
        let read: &[(&str, &[&str])] = &[
            (
                "①普惠托位占比（%）：2022年基数55，2025年≥65，2027年≥70",
                &["baseline 2022 55", "target 2025 65", "target 2027 70"],
            ),
            (
                "⑥居民人均可支配收入（元）：2022年基础值72860，2027年≥98000",
                &["baseline 2022 72860", "target 2027 98000"],
            ),
            (
                "⑤城镇调查失业率（%）：2025年、2027年均＜5",
                &["target 2025 5", "target 2027 5"],
            ),
            (
                "④新增中小学学位数（个）：2023—2027年累计6000",
                &["target 2027 6000"],
            ),
            (
                "普惠托位占比2025年达到65%以上，2027年达到70%以上。",
                &["target 2025 65", "target 2027 70"],
            ),
            (
                "普惠托位占比2025年、2027年分别达到62%、68%；城镇调查失业率控制在5%以内。",
                &["target 2025 62", "target 2027 68", "target 2027 5"],
            ),
            // A pause between a change's start and its verb (subtitles).
            (
                "普惠托位占比从2022年的56%，提高到2027年的70%以上。",
                &["baseline 2022 56", "target 2027 70"],
            ),
            // Near misses.
            ("2023年计划2.0，", &[]),
            ("人均预期寿命比2022年提高1岁。", &["target 2027 1"]),
            (
                "2025年、2027年均不低于97%。",
                &["target 2025 97", "target 2027 97"],
            ),
        ];
        for (s, want) in read {
            assert_eq!(figures(s), *want, "{s}");
        }
    }

    /// A clause that is a quantity's name only, then its figure's clause (a speech's pause):
    /// the name is the figure's. Near misses: a clause of other words, a definition.
    #[test]
    fn a_name_in_a_clause_of_its_own() {
        for (s, want) in [
            (
                "二级以上幼儿园在园幼儿占比，2027年稳定在95%以上。",
                "二级以上幼儿园在园幼儿占比 95",
            ),
            (
                "最低生活保障标准，每人每月不低于1300元。",
                "最低生活保障标准 1300",
            ),
            ("方案提出，2027年稳定在95%以上。", " 95"),
            (
                "（二）普惠托位占比（%）。指普惠性托位数占托位总数的比重，2027年目标值为75%。",
                "普惠托位占比 75",
            ),
        ] {
            assert_eq!(named(s), [want], "{s}");
        }
    }

    /// A meeting's business (who attended, how it voted), the places a measure favours, whom a
    /// shortfall sorts (`不达60%的乡镇`), a population reached already: no figures. Near misses:
    /// a share of places as a target, people a measure serves, a population to reach.
    #[test]
    fn a_meeting_s_business_is_no_figure() {
        for s in [
            "应出席常委会组成人员29人，实际出席25人。",
            "出席会议代表应到245名，实到231名。",
            "对山区5个乡镇的托育、养老设施建设给予倾斜。",
            "托育机构覆盖率不达60%的乡镇不得列为达标乡镇。",
            "余杭常住人口已达134.5万人。",
            // An index's base, said in a 注.
            "注：3.城乡居民收入倍差以农村居民收入为1。",
            "消费价格指数以2020年为100。",
        ] {
            assert!(figures(s).is_empty(), "{s}: {:?}", figures(s));
        }
        // Near misses: `以下` is no base, nor a figure other than an index's base, nor `可以`.
        for (s, want) in [
            ("到2027年，3岁以下婴幼儿托位数为1个以上。", "target 2027 1"),
            ("到2027年，以乡镇为单位的覆盖率为100%。", "target 2027 100"),
            ("到2027年，以村为单位，覆盖率为100%。", "target 2027 100"),
            (
                "到2027年，城乡居民收入倍差以农村居民收入为1.5。",
                "target 2027 1.5",
            ),
        ] {
            assert_eq!(figures(s), [want], "{s}");
        }
        for (s, want) in [
            ("到2027年，实现80%的乡镇设有托育机构。", "target 2027 80"),
            ("到2027年，为1.8万名老年人提供免费体检。", "target 2027 1.8"),
            ("对照标准，到2027年托位数达到5.5个。", "target 2027 5.5"),
            ("到2027年常住人口达到140万人。", "target 2027 140"),
        ] {
            assert_eq!(figures(s), [want], "{s}");
        }
    }

    /// The context around a plan (progress in the plan's period, a population, copies
    /// printed, a replaced figure, item numbers, a completion rate, a past difference) gives no
    /// figure; the near misses beside each are read as before.
    #[test]
    fn figures_of_the_context_are_no_figures() {
        let none: &[&str] = &[
            "2023年1—4月，全县已新增托位420个，已完成投资2.8亿元。",
            "今年以来，我们已新增托位560个，新建托育机构6家。",
            "全市现有托育机构52家（截至2023年10月），已有幼儿园89所。",
            "2022年，全市常住人口68.4万人。",
            "目前全区60周岁以上老年人口21.3万人，占总人口的26.7%。",
            "（共印40份）",
            "方案送审稿经过3轮征求意见。",
            "注：第4、7、12项为2023年起累计数。",
            "2023年1—9月全县已新增托位312个，完成率68%。",
            "截至2024年9月30日，进度评价按序时进度（75%）确定。",
            "这个数字比“十三五”期间多了1800个。",
            "不再安排新的专项债额度（2022年已安排1.5亿元）。",
            "省级已下达资金3200万元。",
        ];
        for s in none {
            assert!(figures(s).is_empty(), "{s}: {:?}", figures(s));
        }
        let read: &[(&str, &[&str])] = &[
            // A level reached in the base year is a baseline; a target set is a target.
            (
                "截至2022年底，全县已建成托育机构45家。",
                &["baseline 2022 45"],
            ),
            // Done in the year before the period: the baseline.
            ("2022年，全县已新增托位420个。", &["baseline 2022 420"]),
            (
                "到2027年，每千人口拥有3岁以下婴幼儿托位数达到5.5个。",
                &["target 2027 5.5"],
            ),
            ("到2027年，新增普惠托位1000个。", &["target 2027 1000"]),
            // The figure in force after a change is read, the replaced one not.
            (
                "学前教育普惠率的2027年目标由送审稿的95%调整为96%以上。",
                &["target 2027 96"],
            ),
            ("每年安排专项资金不少于1亿元。", &["target 2027 1"]),
            (
                "2022年城乡居民基础养老金已提高到每人每月290元。",
                &["baseline 2022 290"],
            ),
            // A period compared with after the figure's clause dates nothing; one before it does.
            (
                "到2027年，义务教育阶段累计新增学位5000个，这个数字比“十三五”期间多了1800个。",
                &["target 2027 5000"],
            ),
            (
                "以“十三五”平均值82.71岁为基数，到2027年人均预期寿命达到83.5岁。",
                &["baseline 2020 82.71", "target 2027 83.5"],
            ),
        ];
        for (s, want) in read {
            assert_eq!(figures(s), *want, "{s}");
        }
    }
}
