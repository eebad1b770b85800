//! Candidates from prose: splits a sentence into clauses, keeps the numbers that may be targets,
//! and gives each its indicator name, operator, year, scope, verbatim quote and doubts.
//!
//! Why it exists: the documents state more targets in their prose than in their tables, in
//! sentences such as `到2027年,全市公办园、优质园、普惠园在园幼儿覆盖率分别达到67%、84%、95%以上`;
//! this is where such a sentence becomes one candidate per value (or per quantity).

use super::outline::{
    Outline, Sentence, YearHow, compared_words, heading_at, past_words, reached_words, scope_of,
    years_before, years_each,
};
use super::phrase::{only_verb, tidy_name, trim_fillers};
use super::scan::{
    Span, chinese_number_at, collect, fraction_at, is_cjk, is_digit, is_space, not_a_target,
    scan_span,
};
use super::{Candidate, Kind};
use crate::plan::schema::Scope;
use crate::threshold::{Op, Threshold};

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

/// Whether a number in Chinese numerals is a count the plan commits to: a count of places,
/// bodies or people (`两所`, `十个`, `三家`) that closes its clause (`新建婴幼儿成长驿站十个,`), or
/// comes after a verb that creates what it counts (`建成三个县域医疗卫生次中心`) or an operator
/// word (`达到两个`). Chinese numerals are everywhere in the words (`一体化`, `三级医院`,
/// `“十四五”`, `两项补贴`, `三十条`, `实现两个全覆盖`, `课间十分钟`), so a bare one, one of
/// items, rules or durations, and `一` (the article: `一次`, `一批`) are never figures.
fn chinese_count(chars: &[char], sp: &Span) -> bool {
    const COUNTED: &[&str] = &[
        "个", "所", "家", "座", "处", "支", "间", "套", "名", "人", "户", "台", "张", "辆", "万人",
        "万个",
    ];
    // A magnitude in words after an operator (`超百亿元`, `突破十万人次`, `达到两万人`): the
    // operator makes it a figure, whatever the unit, as long as qyx reads the unit.
    let op_ok = sp.op_word.is_some_and(|w| w != "为" && w != "实现");
    if op_ok && sp.unit.is_some() && !sp.unknown_unit && sp.value > rust_decimal::Decimal::ONE {
        return true;
    }
    // A whole figure spelled out (`每人每月一千一百三十九元`, `八千人以上`, `两千套（间）`): a digit
    // and a 百 or 千 after it, in a unit qyx reads, is no word of the text (`千家万户`, `百姓`, `每千
    // 人口` start at the 千; `一百多年` is a duration).
    let spelled = collect(&chars[sp.num_start..sp.end]);
    if chars
        .get(sp.num_start)
        .is_some_and(|c| crate::numeral::chinese_digit(*c).is_some_and(|d| d > 0))
        && spelled.contains(['百', '千'])
        && sp.value >= rust_decimal::Decimal::ONE_HUNDRED
        && sp
            .unit
            .as_deref()
            .is_some_and(|u| !["年", "天", "日", "月", "周", "小时", "分钟", "岁"].contains(&u))
        && !sp.unknown_unit
    {
        return true;
    }
    const CREATE: &[&str] = &[
        "建成",
        "新建",
        "新增",
        "创建",
        "创成",
        "培育",
        "改扩建",
        "建设",
        "增加",
        "打造",
        "组建",
    ];
    // A share in words (`八成`, `三个百分点`, `百分之九十`, `千分之三`, `十万分之九`) is a figure
    // wherever it stands.
    if sp.unit.as_deref().is_some_and(|u| {
        (["成", "百分点", "个百分点"].contains(&u)
            || crate::unit::FRACTIONS.iter().any(|(_, sign)| *sign == u))
            && !(u == "成" && sp.value >= rust_decimal::Decimal::TEN)
    }) {
        return true;
    }
    let unit_ok = sp.unit.as_deref().is_some_and(|u| COUNTED.contains(&u));
    if !unit_ok || sp.value <= rust_decimal::Decimal::ONE && !op_ok {
        return false;
    }
    let before = collect(&chars[sp.start.saturating_sub(4)..sp.start]);
    let verb = CREATE.iter().any(|v| before.ends_with(v));
    // The count itself closes the clause (`驿站十个,`), not a word after it (`两个全覆盖`).
    let closes = sp.suffix.is_none()
        && chars
            .get(sp.end)
            .is_none_or(|c| "，,；;。、)）".contains(*c));
    op_ok || verb || closes
}

/// The years printed in brackets right after a figure: `3.9个(2022年)`, and one figure of
/// several years, `100%（2025年、2027年）`, `（2025、2027年）`. Empty where the brackets hold anything
/// else (`（2023—2027年）`, a span, is the years a figure is kept through, not each its own).
fn bracketed_years(chars: &[char], end: usize) -> Vec<i32> {
    let Some(open) = chars.get(end).filter(|c| **c == '(' || **c == '（') else {
        return Vec::new();
    };
    let close = if *open == '(' { ')' } else { '）' };
    let Some(len) = chars[end + 1..].iter().take(24).position(|c| *c == close) else {
        return Vec::new();
    };
    let inner = collect(&chars[end + 1..end + 1 + len]);
    let Some(list) = inner.strip_suffix('年') else {
        return Vec::new();
    };
    let years: Vec<Option<i32>> = list
        .split(['、', '，', ',', '和'])
        .map(|y| {
            let y = y.trim().trim_end_matches('年');
            (y.len() == 4)
                .then(|| y.parse().ok())
                .flatten()
                .filter(|y| (1990..=2100).contains(y))
        })
        .collect();
    if years.iter().all(Option::is_some) {
        years.into_iter().flatten().collect()
    } else {
        Vec::new()
    }
}

/// Verbs of a change from one figure to another: 由3.9个提高到5.5个, 从50%提高到70%.
const CHANGE_VERBS: &[&str] = &[
    "提高", "提升", "增加", "增长", "上升", "扩大", "下降", "降低", "减少", "缩小", "降", "增",
    "升",
];

/// Whether the number of `sp` is the starting figure of a change (`由[2022年的]3.9个提高到…`,
/// `从50%提高到70%`): `由`/`从` before it, possibly with its year, and `[提高]到`/`至` after it.
/// Returns the year printed with it, if any. The figure after `到` is the target.
fn change_start(chars: &[char], sp: &Span, clause_start: usize) -> Option<Option<i32>> {
    let mut b = sp.start;
    while b > clause_start && is_space(chars[b - 1]) {
        b -= 1;
    }
    let before = collect(&chars[clause_start..b]);
    // `由每人每月1236元提高到1320元`: the rate's words stand between 由 and its figure.
    // `由2022年的每人每月1150元`: as many such words as there are.
    let mut before = before.as_str();
    loop {
        let t = [
            "的", " ", "每人", "每月", "每年", "年底", "末", "现在", "目前",
        ]
        .iter()
        .fold(before, |b, w| b.trim_end_matches(w));
        if t == before {
            break;
        }
        before = t;
    }
    // `由2022年`: the year right before; `由`: none.
    let (rest, year) = match before.strip_suffix('年') {
        Some(r) => {
            let digits: String = r.chars().rev().take_while(char::is_ascii_digit).collect();
            let y: Option<i32> = (digits.len() == 4)
                .then(|| digits.chars().rev().collect::<String>().parse().ok())
                .flatten();
            match y {
                Some(y) => (&r[..r.len() - 4], Some(y)),
                None => (before, None),
            }
        }
        None => (before, None),
    };
    // `比2022年的82.8岁提高0.8岁`: a comparison with the figure of its year, by an amount.
    let compared = year.is_some() && (rest.ends_with('比') || rest.ends_with('较'));
    if !(rest.ends_with('由') || rest.ends_with('从') || compared) {
        return None;
    }
    let after = collect(&chars[sp.end..chars.len().min(sp.end + 7)]);
    // A pause between the starting figure and its verb (`从2022年的56%，提高到2027年的70%`: a
    // speech's subtitles, a line's end read as a comma) parts no change.
    let after = after
        .trim_start()
        .trim_start_matches(['，', ','])
        .trim_start();
    // `由2022年的3.2个翻一番`: a doubling of the figure from its year.
    if after.starts_with('翻') && year.is_some() {
        return Some(year);
    }
    let verb = CHANGE_VERBS.iter().find(|v| after.starts_with(**v));
    let rest = verb.map_or(after, |v| &after[v.len()..]);
    // `由2022年的3.3人增加1.2人`: a change by an amount from the figure of its year.
    let by_amount = verb.is_some()
        && year.is_some()
        && rest.starts_with(|c: char| is_digit(c) || "一二两三四五六七八九十".contains(c));
    if compared {
        return by_amount.then_some(year);
    }
    (rest.starts_with('到') || rest.starts_with('至') || by_amount).then_some(year)
}

/// Verbs of a revision: a plan's target changed to another (`由4.5个调整为4.8个`).
const REVISE_VERBS: &[&str] = &[
    "调整为",
    "调整到",
    "调整至",
    "调整成",
    "修改为",
    "修订为",
    "调增为",
    "调增至",
    "调减为",
    "调减至",
    "上调至",
    "上调为",
    "下调至",
    "下调为",
];

/// Whether the figure of `sp` is a target a revision replaces, no figure of the plan in force:
/// the starting figure of a revision (`由4.5个调整为4.8个`, `由控制在5%以内调整为…`, and a
/// target's change, `目标由4.0人提高至4.2人`) or a target stated as the old one (`原2027年目标为
/// 3.5张`). A change from a past level (`由2022年的3.9个提高到5.5个`) is none of these: its
/// starting figure is the baseline ([`change_start`]).
fn superseded(chars: &[char], sp: &Span) -> bool {
    let clause_start = chars[..sp.start]
        .iter()
        .rposition(|c| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':' | '\n'))
        .map_or(0, |p| p + 1);
    let before = collect(&chars[clause_start..sp.start]);
    let before = before.trim_end();
    let after = collect(&chars[sp.end..chars.len().min(sp.end + 8)]);
    let after = after.trim_start();
    if let Some(rest) = before
        .strip_suffix('由')
        .or_else(|| before.strip_suffix('从'))
    {
        if REVISE_VERBS.iter().any(|v| after.starts_with(v)) {
            return true;
        }
        // A target's change: `目标由X提高至Y` (the target's old figure, not a level reached).
        let to = |a: &str| a.starts_with('到') || a.starts_with('至');
        let changes = CHANGE_VERBS
            .iter()
            .any(|v| after.strip_prefix(v).is_some_and(to));
        return changes && (rest.ends_with("目标") || rest.ends_with("目标值"));
    }
    // The old target quoted: `原“2025年达到60%”调整为“…”`.
    if let Some(o) = before.rfind("原“")
        && !before[o..].contains('”')
    {
        return true;
    }
    // The words up to the number itself (`为` may be read as the figure's operator word).
    let stated = collect(&chars[clause_start..sp.num_start.max(clause_start)]);
    ["目标为", "目标值为", "目标是"]
        .iter()
        .any(|w| stated.trim_end().ends_with(w))
        && stated.contains('原')
}

/// Operator words that state the level a figure reaches (`达到`, `提高到`).
const LEVEL_WORDS: &[&str] = &[
    "达到",
    "达",
    "提高到",
    "提升到",
    "提高至",
    "提升至",
    "增加到",
    "增至",
];

/// Whether a change verb stands right before the number (`提高2个百分点`, `较2022年缩小0.06`).
fn change_verb_before(chars: &[char], sp: &Span, clause_start: usize) -> bool {
    let before = collect(&chars[clause_start..sp.start]);
    let before = before.trim_end().trim_end_matches('了');
    sp.op_word.is_none() && CHANGE_VERBS.iter().any(|v| before.ends_with(v))
}

/// Words that measure a change from a base: a comparison (`比2022年`, `较上年`) or a figure built
/// on (`…的基础上`, `…为基数`).
fn measured_from(words: &str) -> bool {
    compared_words(words)
        || ["比上年", "基础上", "为基数", "为基础"]
            .iter()
            .any(|w| words.contains(w))
        || words
            .char_indices()
            .any(|(i, c)| c == '比' && words[i + c.len_utf8()..].starts_with(|x: char| is_digit(x)))
}

/// Whether the words of a clause before its number name nothing: only years, comparisons,
/// change and operator words (`达到`, `较2022年缩小`), so that its figure is about the subject of
/// the clause beside it.
fn subjectless(words: &str) -> bool {
    let mut t = trim_fillers(words);
    loop {
        let before = t.clone();
        for w in [
            "较上年",
            "比上年",
            "较",
            "比",
            "相比",
            "降至",
            "下降到",
            "缩小到",
            "缩小至",
            "为",
            "并",
            "再",
            "进一步",
            "年",
            "的",
        ]
        .iter()
        .chain(LEVEL_WORDS)
        .chain(CHANGE_VERBS)
        {
            if let Some(r) = t.strip_prefix(w).or_else(|| t.strip_suffix(w)) {
                t = r.to_string();
            }
        }
        t = t
            .trim_matches(|c: char| is_digit(c) || is_space(c))
            .to_string();
        if t == before {
            return t.is_empty();
        }
    }
}

/// Whether a committed change (`kept[first..=last]`) has the level it reaches stated beside it,
/// in the clause next to it and of the same subject: `提高1岁，达到82.9岁` (the next clause names
/// nothing) or `目标为1.68以下，较2022年缩小0.06` (the change's clause names nothing).
fn level_beside(
    chars: &[char],
    kept: &[Span],
    first: usize,
    last: usize,
    clauses: &[(usize, usize)],
) -> bool {
    let clause_at = |p: usize| clauses.iter().position(|(a, b)| *a <= p && p < *b);
    let here = clause_at(kept[first].start);
    let words = |sp: &Span| {
        let c = clause_at(sp.start).map_or((0, sp.start), |n| clauses[n]);
        collect(&chars[c.0..sp.start])
    };
    let next = kept.get(last + 1).filter(|n| {
        clause_at(n.start)
            .zip(here)
            .is_some_and(|(a, b)| a == b + 1)
            && n.op_word.is_some()
            && subjectless(&words(n))
    });
    // A change's starting figure in the change's own clause (`达到83.6岁，比2022年的82.8岁提高
    // 0.8岁`) stands between the change and the level before it: the words after it are the
    // change's.
    // Only a figure the comparison names (`比2022年的82.8岁`): an aside before the change
    // (`普惠托位占比（2022年为52%）较2022年提高15个百分点`) is none, and the level before it is
    // another indicator's.
    let compared_figure = |p: usize| {
        let from = here.map_or(0, |h| clauses[h].0);
        let before = collect(&chars[from..kept[p].start.max(from)]);
        before.trim_end().ends_with('的')
            && before.char_indices().any(|(i, c)| {
                (c == '比' || c == '较')
                    && before[i + c.len_utf8()..].starts_with(|d: char| is_digit(d))
            })
    };
    let start_figure = first
        .checked_sub(1)
        .filter(|&p| here.is_some() && clause_at(kept[p].start) == here && compared_figure(p));
    let change_words = start_figure.map_or_else(
        || words(&kept[first]),
        |p| collect(&chars[kept[p].end..kept[first].start]),
    );
    let prev = start_figure
        .map_or(first.checked_sub(1), |p| p.checked_sub(1))
        .map(|p| &kept[p])
        .filter(|p| {
            clause_at(p.start)
                .zip(here)
                .is_some_and(|(a, b)| a + 1 == b)
                && p.op_word.is_some()
                && subjectless(&change_words)
        });
    next.is_some() || prev.is_some()
}

/// The words (fillers trimmed) of the clause right before the one of figure `first`, where that
/// clause holds no figure.
fn bare_clause_before(
    chars: &[char],
    kept: &[Span],
    first: usize,
    clauses: &[(usize, usize)],
) -> Option<String> {
    let here = clauses
        .iter()
        .position(|(a, b)| *a <= kept[first].start && kept[first].start < *b)?;
    let (a, b) = *clauses.get(here.checked_sub(1)?)?;
    if kept.iter().any(|sp| (a..b).contains(&sp.start)) {
        return None;
    }
    Some(trim_fillers(&collect(&chars[a..b])))
}

/// The subject of a clause with no figure right before the figure's (`最低生活保障标准动态调整，
/// 到2027年不低于…`, `居民健康素养水平逐年提升，2023-2027年分别达到…`), less the words of how it
/// moves, for a figure whose own words name nothing.
fn lead_subject(
    chars: &[char],
    kept: &[Span],
    first: usize,
    clauses: &[(usize, usize)],
) -> Option<String> {
    const MOVES: &[&str] = &[
        "动态调整",
        "逐年提高",
        "逐年提升",
        "逐年增长",
        "逐年下降",
        "逐年缩小",
        "稳步提升",
        "稳步提高",
        "持续提升",
        "持续提高",
        "不断提高",
        "不断提升",
        "逐步提高",
        "逐步提升",
    ];
    let words = bare_clause_before(chars, kept, first, clauses)?;
    let name = MOVES.iter().find_map(|m| words.strip_suffix(m))?;
    let name = tidy_name(name);
    (!name.is_empty() && name.chars().count() <= 30).then_some(name)
}

/// The clause right before the figure's when it holds no figure and is a quantity's name only
/// (`二级以上幼儿园在园幼儿占比，2027年稳定在95%以上`, `最低生活保障标准，每人每月不低于1300元`):
/// the name of a figure whose own words name nothing. Not a clause of other words (`方案提出`,
/// `学有优教方面`), a definition (`指…的比重`), nor one with a figure of its own.
fn named_before(
    chars: &[char],
    kept: &[Span],
    first: usize,
    clauses: &[(usize, usize)],
) -> Option<String> {
    const QUANTITY_ENDS: &[&str] = &[
        "数", "率", "比", "比例", "比重", "标准", "寿命", "收入", "水平", "人次", "总量",
    ];
    let words = bare_clause_before(chars, kept, first, clauses)?;
    // A definition (`指普惠性托位数占托位总数的比重`) says what is counted, not the name.
    if words.starts_with('指') || words.starts_with("是指") {
        return None;
    }
    let name = tidy_name(&words);
    (QUANTITY_ENDS.iter().any(|w| name.ends_with(w)) && (2..=30).contains(&name.chars().count()))
        .then_some(name)
}

/// The name the next clause of the sentence gives its figure (its words before it), for a
/// figure whose own words name nothing (`以2020—2022年平均值81.5岁为基数，人均预期寿命提高0.5岁`).
fn next_subject(
    chars: &[char],
    kept: &[Span],
    last: usize,
    clauses: &[(usize, usize)],
) -> Option<String> {
    let next = kept.get(last + 1)?;
    let here = clauses
        .iter()
        .position(|(a, b)| *a <= kept[last].start && kept[last].start < *b)?;
    let (a, b) = *clauses.get(here + 1)?;
    if !(a..b).contains(&next.start) {
        return None;
    }
    let name = tidy_name(&trim_fillers(&collect(&chars[a..next.start])));
    (!name.is_empty()).then_some(name)
}

/// A tolerance of adjustment (`调整幅度原则上不超过10%`, `上下浮动不超过5%`): how far a yearly
/// target may be moved, never a target itself.
fn tolerance(chars: &[char], sp: &Span, clauses: &[(usize, usize)]) -> bool {
    let start = clauses
        .iter()
        .find(|(a, b)| *a <= sp.start && sp.start < *b)
        .map_or(0, |c| c.0);
    let words = collect(&chars[start..sp.start]);
    // `纳入年度综合考核，权重不低于百分之五`: how much a part counts in a score.
    ["幅度", "浮动", "偏差", "误差", "权重"]
        .iter()
        .any(|w| words.contains(w))
}

/// A step of a year's schedule (`一季度完成全年任务的25%以上，上半年完成50%以上`, `一季度达到20人、
/// 年底达到22人`): a figure its clause dates to a quarter or a half-year, from the clause's start
/// or the figure before it in the clause on. A plan's figures are of years; the year's own
/// (`年底达到22人`) stays.
fn progress_step(chars: &[char], sp: &Span, clauses: &[(usize, usize)], ends: &[usize]) -> bool {
    let clause = clauses
        .iter()
        .find(|(a, b)| *a <= sp.start && sp.start < *b)
        .map_or(0, |c| c.0);
    let from = ends
        .iter()
        .copied()
        .filter(|e| *e <= sp.start)
        .max()
        .map_or(clause, |e| e.max(clause));
    super::table::progress_point(&collect(&chars[from..sp.start]))
}

/// A figure that picks out who a rule applies to (`完成率低于90%的乡镇（街道）予以通报`): a
/// shortfall followed by 的 and the places, offices or people it sorts, not a target.
fn qualifies_who(chars: &[char], sp: &Span) -> bool {
    const WHO: &[&str] = &[
        "乡镇", "街道", "村", "社区", "单位", "部门", "地区", "县", "市", "区", "学校", "机构",
        "企业", "家庭", "人员", "对象",
    ];
    // A shortfall sorts; `实现80%的乡镇(街道)设有…文化站` sets a share of them as a target.
    const SHORT: &[&str] = &[
        "低于",
        "不足",
        "少于",
        "不到",
        "未达到",
        "未达",
        "未完成",
        "不达",
        "达不到",
    ];
    // `完成率低于60%的不得分`: what a shortfall costs in a score, a rule as much as whom it sorts.
    const COSTS: &[&str] = &["不得分", "不计分", "扣", "不予", "予以"];
    // A shortfall word the threshold parser has no operator for (`不达60%的乡镇`) is still one.
    let short = sp.op_word.is_some_and(|w| SHORT.contains(&w))
        || SHORT
            .iter()
            .any(|w| super::scan::ends_with_at(chars, sp.num_start, w));
    short
        && chars.get(sp.end) == Some(&'的')
        && WHO
            .iter()
            .chain(COSTS)
            .any(|w| super::scan::starts_with(chars, sp.end + 1, w))
}

pub(super) struct ProseContext<'a> {
    pub(super) outline: &'a Outline,
    pub(super) start: Option<i32>,
    pub(super) end: Option<i32>,
    /// The year the document was written, when it is known.
    pub(super) written: Option<i32>,
}

impl ProseContext<'_> {
    /// The year a past figure with no year of its own describes: the year before the plan, or,
    /// for a document written during its plan (a mid-term review), the year before it was
    /// written.
    fn reached(&self) -> Option<i32> {
        let before = self.start.map(|s| s - 1);
        match (self.written, before) {
            (Some(w), Some(b)) if w - 1 > b => Some(w - 1),
            _ => before,
        }
    }
}

/// Whether a figure reports what was done already in a year of the plan's period (`2023年1—4月，
/// 全县已新增托位420个` in a plan of 2023—2027): progress inside the period, no figure. Done by
/// the year before the period (`2023年，全县已建成康养联合体9个` in a plan for 2024) it is the
/// baseline, as before. The year is the sentence's first, else the year it is written in where
/// it tells of that year (`今年以来`); a sentence naming neither is read as before (round 9's
/// notice: `1—10月，…已完成投资2.1亿元` under its 工作基础, a baseline of the year).
fn progress_in_period(chars: &[char], sp: &Span, cx: &ProseContext) -> bool {
    if !super::scan::done_so_far(chars, sp) {
        return false;
    }
    let year = super::scan::first_year(chars)
        .or_else(|| super::scan::so_far(chars).then_some(cx.written).flatten());
    year.zip(cx.start).is_some_and(|(y, s)| y >= s)
}

/// Whether a sentence with no year reports the year it is written in: `今年`, `本年`, or a span of
/// months (`1—10月`, `1-6月`, `上半年`, `前三季度`) that has no year of its own.
fn this_year(sentence: &str) -> bool {
    let chars: Vec<char> = sentence.chars().collect();
    let months = chars.windows(2).enumerate().any(|(k, w)| {
        super::scan::RANGE_SEPARATORS.contains(&w[0])
            && k > 0
            && chars[k - 1].is_ascii_digit()
            && w[1].is_ascii_digit()
            && chars[k + 1..].iter().find(|c| !c.is_ascii_digit()) == Some(&'月')
    });
    months
        || ["今年", "本年", "上半年", "前三季度", "一季度"]
            .iter()
            .any(|w| sentence.contains(w))
}

/// Words that commit a sentence to what it states (a target, not a report).
const COMMIT_WORDS: &[&str] = &["确保", "力争", "争取", "计划", "预计", "目标"];

/// Whether the number of `sp` is a change made against a past figure (`较2020年提高1.8个`,
/// `比上年增加3所`): a change verb right before it and a comparison in its clause. A growth
/// rate (`同比增长12%`) is a figure of its own.
fn changed_by(chars: &[char], sp: &Span, clause_start: usize) -> bool {
    let before = collect(&chars[clause_start..sp.start]);
    let before = before.trim_end().trim_end_matches('了');
    let verb = CHANGE_VERBS.iter().any(|v| before.ends_with(v));
    let rate = sp
        .unit
        .as_deref()
        .is_some_and(|u| u.contains(['%', '％', '‰']))
        && before.ends_with("增长");
    verb && !rate && compared_words(before)
}

pub(super) fn prose_candidates(s: &Sentence, cx: &ProseContext) -> Vec<Candidate> {
    let chars = &s.chars;
    // Every number and what belongs to it, in order.
    let mut spans: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let digits = is_digit(chars[i])
            && (i == 0 || !is_digit(chars[i - 1]) && chars[i - 1] != '.' && chars[i - 1] != '．');
        // `万分之五`, `十万分之九`: a share in words starts at its word (万 starts no number).
        let chinese = !digits && (chinese_number_at(chars, i) || fraction_at(chars, i).is_some());
        if (digits || chinese)
            && let Some(span) = scan_span(chars, i)
        {
            i = span.end.max(i + 1);
            if !chinese || chinese_count(chars, &span) {
                spans.push(span);
            }
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
        // A number glued to the one before (`1家300床以上的`) describes it; one after an
        // operator word (`3.9个提高到5.5个`) is a figure of its own, and so is one after a year
        // (`托位数：2022年3.6个`: the figure of that year).
        let glued = prev_end == Some(sp.start) && sp.op_word.is_none();
        // `由2022年的1.78缩小至1.72以内`: a change's starting figure needs no unit of its own.
        let why_not = not_a_target(chars, &sp)
            .filter(|w| *w != "bare number in prose" || change_start(chars, &sp, 0).is_none())
            .or_else(|| superseded(chars, &sp).then_some("superseded target"))
            .or_else(|| progress_in_period(chars, &sp, cx).then_some("done so far in the period"));
        prev_end = (why_not != Some("date")).then_some(sp.end);
        if glued || why_not.is_some() {
            continue;
        }
        kept.push(sp);
    }
    let clause_list = clauses(chars);
    // `村级集体经济年经营性收入50万元以上的行政村占比达到80%`: a figure with no operator of its
    // own that qualifies a noun (…的) before a figure the clause sets is part of that figure's
    // name, not a target.
    let clause_of = |p: usize| clause_list.iter().position(|(a, b)| *a <= p && p < *b);
    let qualifiers: Vec<usize> = kept
        .iter()
        .enumerate()
        .filter(|(n, sp)| {
            sp.op_word.is_none()
                && chars.get(sp.end) == Some(&'的')
                && kept[n + 1..].iter().any(|later| {
                    later.op_word.is_some() && clause_of(later.start) == clause_of(sp.start)
                })
        })
        .map(|(n, _)| n)
        .collect();
    // A definition (`①普惠托位指收费价格不超过…2倍的托位`, `…是指…`) states what a word means.
    let body: String = collect(chars)
        .trim_start()
        .trim_start_matches("注：")
        .trim_start_matches("注:")
        .to_string();
    let marked = body
        .chars()
        .next()
        .is_some_and(|c| ('\u{2460}'..='\u{2473}').contains(&c));
    let defines = body.chars().take(16).collect::<String>().contains("是指")
        || marked && body.chars().take(16).any(|c| c == '指');
    if defines {
        kept.clear();
    }
    let ends: Vec<usize> = kept.iter().map(|sp| sp.end).collect();
    let kept: Vec<Span> = kept
        .into_iter()
        .enumerate()
        .filter(|(n, sp)| {
            !qualifiers.contains(n)
                && !tolerance(chars, sp, &clause_list)
                && !qualifies_who(chars, sp)
                && !progress_step(chars, sp, &clause_list, &ends)
        })
        .map(|(_, sp)| sp)
        .collect();
    // `在2020年81.9岁的基础上`, `以“十三五”平均值82.71岁为基数`: a figure the sentence builds on.
    let based = |sp: &Span| {
        ["的基础上", "为基数", "为基础"]
            .iter()
            .any(|w| super::scan::starts_with(chars, sp.end, w))
    };
    // The year printed with such a figure (`在2020年81.9岁`) is that figure's only.
    let base_years: Vec<usize> = kept
        .iter()
        .filter(|sp| based(sp))
        .filter_map(|sp| {
            years_before(chars, sp.start)
                .last()
                .filter(|(p, _, _)| {
                    // `2022年45%`, `2022年的45%`, `2020—2022年平均值81.5岁`.
                    let between = collect(&chars[*p..sp.start]);
                    between.chars().count() <= 10 && !between.contains(['，', ',', '；'])
                })
                .map(|(p, _, _)| *p)
        })
        .collect();
    let years = years_before(chars, chars.len());
    let sentence_text = collect(chars);
    let item_name: Option<(usize, String)> = {
        let from = heading_at(chars, 0).map_or(0, |h| h.1);
        chars
            .iter()
            .position(|c| *c == '：' || *c == ':')
            .filter(|p| {
                *p > from
                    && chars.get(p + 1).copied().is_some_and(is_digit)
                    && years.iter().any(|(y, _, _)| (p + 1..p + 12).contains(y))
            })
            .map(|p| {
                let name = collect(&chars[from..p]);
                let name = name.trim().trim_matches(crate::plan::schema::PRINTED_SIGNS);
                (p, name.trim().to_string())
            })
            .filter(|(_, n)| {
                (2..=40).contains(&n.chars().count()) && !n.contains(['，', '。', '；', ','])
            })
    };
    let mut out: Vec<Candidate> = Vec::new();
    let mut last_subject: Option<String> = None;
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
        // `13.每千人口执业（助理）医师数：2022年3.1人，2025年3.5人，2027年不少于3.8人`: an item
        // that names its indicator before a colon and then gives its figures year by year.
        if let Some((colon, name)) = &item_name
            && first.start > *colon
        {
            subject = name.clone();
        }
        // The name, trimmed to the indicator; where the words name nothing (`目标值`,
        // `提高到2027年`, `的基础上提高`), the name of the clause before in the sentence, else, in
        // an item explaining an indicator (`（二）普惠托位占比（%）。…2027年目标值为75%`), the item's.
        let tidy = tidy_name(&subject);
        let explains = ["目标", "指标"].iter().any(|w| subject.contains(w));
        // One character is no quantity's name (`是3.9个`: a copula left over).
        if tidy.chars().count() >= 2 {
            subject = tidy;
        } else if let Some(name) = named_before(chars, &kept, group[0], &clause_list) {
            // `人均预期寿命，到2027年提高到84岁以上`: a clause that is only a name, then its figure
            // (a speech's pause after the name, a subtitle line's end).
            subject = name;
        } else if let Some(prev) = &last_subject {
            subject = prev.clone();
        } else if let Some(prev) = lead_subject(chars, &kept, group[0], &clause_list) {
            // `最低生活保障标准动态调整，到2027年不低于每人每月1300元`.
            subject = prev;
        } else if let Some(next) = next_subject(chars, &kept, group[group.len() - 1], &clause_list)
        {
            // `以2020—2022年平均值81.5岁为基数，人均预期寿命提高0.5岁`: named after it.
            subject = next;
        } else if let Some(title) = cx.outline.item_title().filter(|_| explains) {
            let title = tidy_name(title);
            if !title.is_empty() {
                subject = title;
            }
        }
        if subject.starts_with('占')
            && let Some(p) = out.last()
        {
            // `技能人才总量达到6.5万人，占从业人员比重达到36%`: the share of the people, not of
            // their total.
            let whole = p
                .indicator
                .trim_end_matches("总量")
                .trim_end_matches("总数")
                .trim_end_matches("规模");
            subject = format!("{whole}{subject}");
        }
        if !subject.is_empty() && subject != "TODO" {
            last_subject = Some(subject.clone());
        }
        if subject.is_empty()
            && let Some(p) = out.last()
        {
            subject = p.indicator.clone();
        }
        // The year: the last one stated before the number in the sentence (not the year of a
        // starting figure, `由2022年的3.9个`, which is that figure's only).
        // A period named between that year and the number (`截至2022年底…；“十三五”期间累计…`)
        // is the number's, not the year before it.
        // A clause of its own that says 每年 (`2022年95.5%，每年保持在95%以上`) is about every
        // year of the plan, not the year of the clause before.
        let every_year = |p: usize| {
            p < cl_start
                && ["每年", "年均"]
                    .iter()
                    .any(|w| collect(&chars[cl_start..first.start]).contains(w))
        };
        // A year written right against another figure before this one's clause (`普惠托位占比
        // 2025年≥65%、2027年≥70%，义务教育…占比达到70%`: the year, then a sign or the digits) is
        // that figure's own: the clauses after it keep the sentence's year (`到2025年，…`).
        let dates_its_own = |p: usize| {
            kept.iter().any(|s| {
                s.end <= first.start
                    && s.num_start >= p + 5
                    && chars[p + 5..s.num_start]
                        .iter()
                        .all(|c| "≥≤＞＜><≧≦=＝ ".contains(*c))
            })
        };
        // A comparison's year (`比2022年提高2个百分点`) is its own clause's only, and the year of
        // a figure built on (`在2020年81.9岁的基础上`) that figure's.
        let year = years
            .iter()
            .rev()
            .find(|(p, _, how)| {
                *p < first.start
                    && *how != YearHow::From
                    && (!base_years.contains(p) || based(first))
                    && !(*how == YearHow::Compare && *p < cl_start)
                    && !(*p < cl_start && dates_its_own(*p))
            })
            .copied()
            .filter(|(p, _, _)| {
                let between = collect(&chars[*p..first.start]);
                !between.contains("十三五") && !between.contains("十四五") && !every_year(*p)
            });
        // Where a year was passed over for 每年 or a period's name, the period counts only if it
        // is named in the figure's own part of the sentence (up to the semicolon before it):
        // `“十四五”期间，累计…；2023—2027年，每年新增…` is every year of the plan, not 2025.
        let part_start = chars[..first.start]
            .iter()
            .rposition(|c| *c == '；' || *c == ';')
            .map_or(0, |p| p + 1);
        let part = collect(&chars[part_start..first.start]);
        // `较2022年翻一番，达到200个`: the comparison names the starting year of a change whose
        // end the sentence states as a level (达到…), which is the figure: it takes the year of the
        // sentence before the comparison, else none (the plan's end).
        let level_word = first.op_word.is_some_and(|w| LEVEL_WORDS.contains(&w));
        let year = match year {
            Some((p, _, YearHow::Compare)) if level_word => years
                .iter()
                .rev()
                .find(|(q, _, how)| *q < p && !matches!(how, YearHow::From | YearHow::Compare))
                .copied(),
            y => y,
        };
        // `2025年、2027年均不低于97%`: one figure for each of the years listed.
        // The list is the figures' right after it: a later figure of the sentence with no year
        // of its own (`…2025年、2027年分别达到62%、68%；城镇调查失业率控制在5%以内`) takes the
        // list's last year, as after any year, not each of them again.
        let mut also: Vec<i32> = Vec::new();
        let listed_for_it = |p: usize| !kept.iter().any(|s| s.start > p && s.end <= first.start);
        if let Some((p, _, _)) = year.filter(|(p, _, _)| listed_for_it(*p)) {
            let mut at = p;
            while at >= 2 && "、和及".contains(chars[at - 1]) && chars[at - 2] == '年' {
                let Some((q, y, _)) = years
                    .iter()
                    .rev()
                    .find(|(q, _, _)| *q < at - 2 && at - 2 - *q <= 5)
                    .copied()
                else {
                    break;
                };
                also.push(y);
                at = q;
            }
        }
        // `2023—2027年分别为55%、58%…`: a value for each year of the span, in order.
        let each =
            year.and_then(|(p, y, _)| years_each(chars, p, y, &also, first.start, group.len()));
        if each.is_some() {
            also.clear();
        }
        let from = change_start(chars, first, prev_in_clause);
        let clause_words = collect(&chars[cl_start..last.end.max(cl_start)]);
        let scope = if part.contains("十四五") && part.contains("期间") {
            Scope::Cumulative
        } else {
            scope_of(&clause_words)
        };
        // A comparison with last year (`较上年`, `同比`) reports a figure, unless the sentence
        // commits to it (`确保公共服务满意度较上年提高2个百分点` is this year's target).
        let commits = COMMIT_WORDS.iter().any(|w| sentence_text.contains(w));
        let compared_only = compared_words(&clause_words) && !reached_words(&clause_words);
        // `以“十三五”平均值82.71岁为基数，到2027年…达到83.5岁`: the earlier period names the
        // baseline's clause; a clause of its own with a year to come is that year's target.
        let own_future = matches!(year, Some((p, y, how))
            if (cl_start..cl_end).contains(&p)
                && cx.start.is_some_and(|s| y >= s)
                && !matches!(how, YearHow::Past | YearHow::Compare))
            && !collect(&chars[cl_start..cl_end]).contains("十三五");
        // A change the plan commits to (`到2027年…比2022年提高2个百分点`, `…为基数，提高0.8岁以上`):
        // a target of the sentence's year to come, unless the sentence states the level it
        // reaches beside it (`提高1岁，达到82.9岁`, `目标为1.68以下，较2022年缩小0.06`): then the
        // level is the figure and the change none.
        let before_all = collect(&chars[..first.start]);
        let deadline = years
            .iter()
            .rev()
            .find(|(p, y, how)| {
                *p < first.start
                    && matches!(how, YearHow::By | YearHow::Bare)
                    && !base_years.contains(p)
                    && cx.start.is_some_and(|s| *y >= s)
            })
            .copied();
        // `…占比较2023年提高5个百分点。` among a plan's tasks, no other year in the sentence: the
        // change is the plan's to make (a change already made is reported under its results'
        // heading, or with the year it was reached: `2022年…较2020年提高1.8个`).
        // The clause names what changes (`较2022年提高2个百分点。` alone continues a report).
        // A change from an earlier clause's starting figure (`由2022年的3.3人增加1.2人；人均预期寿命
        // 较2022年提高1岁`) names a past year too, and commits to nothing else.
        // A year in an aside closed before the figure (`普惠托位占比（2022年为52%）较2022年提高…`)
        // dates the aside's figure, not the change after it.
        let aside = |p: usize| {
            if p < cl_start || p >= first.start {
                return false;
            }
            let open = chars[cl_start..p]
                .iter()
                .rposition(|c| matches!(c, '（' | '('));
            open.is_some_and(|o| {
                chars[cl_start + o..p]
                    .iter()
                    .all(|c| !matches!(c, '）' | ')'))
                    && chars[p..first.start]
                        .iter()
                        .any(|c| matches!(c, '）' | ')'))
            })
        };
        let only_compared = years.iter().any(|(_, _, how)| *how == YearHow::Compare)
            && years
                .iter()
                .filter(|(p, _, _)| !aside(*p))
                .all(|(p, y, how)| {
                    cx.start.is_some_and(|s| *y < s)
                        && match how {
                            YearHow::Compare => {
                                (cl_start..*p).filter(|q| is_cjk(chars[*q])).count() >= 3
                            }
                            YearHow::From => *p < cl_start,
                            _ => false,
                        }
                });
        let committed_change = !cx.outline.past()
            && !based(first)
            && from.is_none()
            && change_verb_before(chars, first, cl_start)
            && measured_from(&before_all)
            && (deadline.is_some() || commits || only_compared);
        if committed_change
            && level_beside(chars, &kept, group[0], group[group.len() - 1], &clause_list)
        {
            k = group[group.len() - 1] + 1;
            continue;
        }
        let year = if committed_change { deadline } else { year };
        let past = !committed_change
            && (cx.outline.past()
            || based(first)
            || past_words(&clause_words) && !(commits && compared_only)
            // A period named up to the figure's clause (`以“十三五”平均值为基数`), not in a later
            // clause comparing with it (`…新增学位5000个，这个数字比“十三五”期间多了1800个`).
            || collect(&chars[..cl_end.max(cl_start)]).contains("十三五") && !own_future
            || matches!(year, Some((_, _, YearHow::Past | YearHow::Compare)))
            || matches!((year, cx.reached()), (Some((_, y, YearHow::Bare)), Some(r)) if y <= r)
            // `“十四五”以来,累计新增托位1200个`: what has been done since then.
            || year.is_none() && sentence_text.contains("以来"));
        // The figure's part of the sentence: up to the semicolon before it, to its clause's end.
        let own_part = format!(
            "{part}{}",
            collect(&chars[first.start..cl_end.max(first.start)])
        );
        let (year_value, stated) = match year {
            // `在2020年81.9岁的基础上`: the year printed with the figure built on.
            Some((p, y, _)) if based(first) && base_years.contains(&p) => (Some(y), true),
            // `以“十三五”平均值为基数`: a past figure beside a future year is the period before.
            Some((_, y, how))
                if past && (how == YearHow::Compare || cx.start.is_some_and(|s| y >= s)) =>
            {
                (cx.reached(), false)
            }
            Some((_, y, _)) => (Some(y), true),
            // `“十四五”以来`: a figure reached since then, so up to the year before the plan
            // (the year before a report's, for a report written during its plan).
            // `今年以来…`, `1—10月，全县新增城镇就业3860人`: what the year the document was
            // written in has reached so far.
            // `在去年新增普惠托位480个的基础上，今年再新增…`: the clause's own word first.
            None if past
                && collect(&chars[cl_start..cl_end.max(cl_start)]).contains("去年")
                && cx.written.is_some() =>
            {
                (cx.written.map(|w| w - 1), false)
            }
            None if past && this_year(&sentence_text) && cx.written.is_some() => {
                (cx.written, false)
            }
            None if past && sentence_text.contains("以来") => (cx.reached(), false),
            None if own_part.contains("十四五") => (Some(2025), true),
            None if own_part.contains("十三五") => (Some(2020), true),
            None if past => (cx.reached(), false),
            None => (cx.end, false),
        };
        // A change already made (`较2020年提高1.8个`) is no level to encode; a growth rate
        // reported (`同比增长12%`) is one.
        if past && changed_by(chars, first, cl_start) {
            k = group[group.len() - 1] + 1;
            continue;
        }
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
        } else if let Some(tc) = clause_list.iter().position(|(a, _)| *a == cl_start)
            && let Some(&(a, b)) = tc.checked_sub(1).map(|p| &clause_list[p])
        {
            // `“十三五”期间，全县累计新增城镇就业3.2万人`: the period the figure is over, in a
            // clause of its own right before, belongs in its quote (the draft reads the span
            // from it).
            let lead = collect(&chars[a..b]);
            let numbered = kept.iter().any(|sp| (a..b).contains(&sp.start));
            if !numbered
                && lead.chars().count() <= 12
                && ["十二五", "十三五", "十四五", "以来"]
                    .iter()
                    .any(|w| lead.contains(w))
            {
                q_start = a;
            }
        }
        // A quote stays on one page: a paragraph joined over a page break (a form feed where
        // the source prints its footer) is quoted from the figure's side of the break.
        let page_break = |a: usize, b: usize| chars[a..b].iter().rposition(|c| *c == '\u{c}');
        if let Some(p) = page_break(q_start, first.start) {
            q_start += p + 1;
        }
        let q_end = chars[last.end.min(cl_end)..cl_end]
            .iter()
            .position(|c| *c == '\u{c}')
            .map_or(cl_end, |p| last.end.min(cl_end) + p);
        let quote = quote_of(chars, q_start, q_end);
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
        let paired =
            !also.is_empty() && group.len() == also.len() + 1 && pairs.len() == group.len();
        for (gi, name) in &pairs {
            let sp = &kept[*gi];
            let (t, parsed) = read(sp, chars);
            let bracketed = bracketed_years(chars, sp.end);
            // The other years of `100%（2025年、2027年）`: the figure is each one's.
            let mut bracket_more: Vec<i32> = Vec::new();
            let mut c = Candidate::blank(s.line);
            c.kind = if past { Kind::Baseline } else { Kind::Target };
            c.indicator = name
                .trim_end_matches('的')
                .trim_end_matches(['由', '从'])
                .replace('\u{c}', "");
            c.year = year_value;
            c.year_stated = stated;
            if let Some(y) = from {
                // The starting figure of a change is the baseline: its year, else the year
                // before the span the sentence looks back on (`“十四五”以来…从2.9个`: 2020),
                // else the year before the plan.
                let since = if sentence_text.contains("以来") {
                    if sentence_text.contains("十四五") {
                        Some(2020)
                    } else if sentence_text.contains("十三五") {
                        Some(2015)
                    } else {
                        None
                    }
                } else {
                    None
                };
                c.kind = Kind::Baseline;
                c.year = y.or(since).or(cx.start.map(|s| s - 1));
                c.year_stated = y.is_some();
            } else if let Some((&y, more)) = bracketed.split_last() {
                // `提高到3.9个(2022年)`: the year printed with the figure is its own, and so is
                // its kind: in `3.6个（2022年），4.5个（2025年）` the 2022 before does not make
                // 4.5 a past figure.
                c.year = Some(y);
                c.year_stated = true;
                match cx.start {
                    Some(s) if y < s => c.kind = Kind::Baseline,
                    Some(_) => c.kind = Kind::Target,
                    None => {}
                }
                bracket_more = more.to_vec();
            }
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
                c.doubts.push(crate::tr!(
                    "qyx 读不懂 `{}` 中的单位：请确定单位",
                    "qyx cannot read the unit in `{}`: settle the unit",
                    c.text.as_deref().unwrap_or_default()
                ));
            }
            if group.len() > 1 && c.op != t.op {
                c.doubts.push(crate::tr!(
                    "运算符有歧义：整个列表的数值读作 {}，单独的 `{}` 读作 {}",
                    "ambiguous operator: the list reads {} for all its values, `{}` alone reads {}",
                    c.op.name(),
                    c.text.as_deref().unwrap_or_default(),
                    t.op.name()
                ));
            }
            // `比2022年提高2个百分点`: the plan format holds levels, not changes.
            // A growth rate (`年均增长10%`) is a figure of its own.
            let head = collect(&chars[cl_start..sp.start]);
            let growth = ["增长", "递增"]
                .iter()
                .any(|w| head.trim_end().ends_with(w))
                && c.unit.as_deref().is_some_and(|u| u.contains(['%', '％']));
            if c.kind == Kind::Target && !growth && change_verb_before(chars, sp, cl_start) {
                c.doubts.push(crate::tr!(
                    "`{}` 是变化量而非水平值：计划格式只记水平值，请把基础值加（减）这一变化量作为目标，基础值写入 baseline",
                    "`{}` is a change, not a level: the plan format holds the level it asks for — write the baseline's figure plus (or minus) the change as the target, and the baseline's figure as the baseline",
                    c.quote
                        .as_deref()
                        .and_then(|q| {
                            let t = c.text.as_deref()?;
                            let at = q.find(t)?;
                            let head = &q[..at];
                            let verb = CHANGE_VERBS.iter().find(|v| head.ends_with(**v))?;
                            Some(format!("{verb}{t}"))
                        })
                        .unwrap_or_else(|| c.text.clone().unwrap_or_default())
                ));
            }
            if c.op == Op::Approx {
                c.doubts.push(crate::tr!(
                    "运算符有歧义：约/左右（≈）",
                    "ambiguous operator: 约/左右 (≈)"
                ));
            }
            if let Some(ys) = &each
                && let Some(y) = group.iter().position(|g| g == gi).and_then(|n| ys.get(n))
            {
                c.year = Some(*y);
                c.year_stated = true;
                if cx.start.is_some_and(|s| *y < s) {
                    c.kind = Kind::Baseline;
                }
            } else if group.len() > 1 && names.iter().all(|x| *x == names[0]) {
                c.doubts.push(crate::tr!(
                    "一个名称下有多个数值：请拆分指标",
                    "a list of values under one name: split the indicator"
                ));
            }
            // `2025年、2027年分别达到80%、85%`: as many values as years, one each, in order.
            if paired {
                let n = group.iter().position(|g| g == gi).unwrap_or(0);
                let y = also.iter().rev().chain(year_value.iter()).nth(n).copied();
                c.year = y.or(c.year);
                if cx.start.is_some_and(|s| y.is_some_and(|y| y < s)) {
                    c.kind = Kind::Baseline;
                }
                out.push(c);
                continue;
            }
            for y in also.iter().chain(&bracket_more) {
                let mut earlier = c.clone();
                earlier.year = Some(*y);
                if cx.start.is_some_and(|s| *y < s) {
                    earlier.kind = Kind::Baseline;
                }
                out.push(earlier);
            }
            out.push(c);
        }
        k = group[group.len() - 1] + 1;
    }
    out.extend(batch_commitments(chars, &clause_list, &years, cx, s.line));
    out
}

/// Commitments to "一批" (`建成一批乡镇(街道)托育机构`, `组建一批城乡教共体`): no count, so a
/// milestone met once the batch is done (docs/plan-format.md, Milestones). Each is a candidate
/// with the verb and 一批 as its text and no value, for a person to tie to a milestone entry.
fn batch_commitments(
    chars: &[char],
    clause_list: &[(usize, usize)],
    years: &[(usize, i32, YearHow)],
    cx: &ProseContext,
    line: usize,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for &(a, b) in clause_list {
        let clause = collect(&chars[a..b]);
        let Some(byte) = clause.find("一批") else {
            continue;
        };
        let at = a + clause[..byte].chars().count();
        let Some(verb) = super::phrase::VERBS
            .iter()
            .filter(|v| super::scan::ends_with_at(chars, at, v))
            .max_by_key(|v| v.chars().count())
        else {
            continue;
        };
        if super::scan::enclosed(chars, at) {
            continue;
        }
        let year = years
            .iter()
            .rev()
            .find(|(p, _, how)| *p < at && *how == YearHow::By);
        let mut c = Candidate::blank(line);
        c.op = Op::Done;
        c.indicator = trim_fillers(&collect(&chars[at + 2..b]));
        c.year = year.map(|y| y.1).or(cx.end);
        c.year_stated = year.is_some();
        c.text = Some(format!("{verb}一批"));
        c.quote = Some(quote_of(chars, a, b));
        c.domain = cx.outline.domain();
        c.area = cx.outline.area();
        c.section = cx.outline.section();
        c.doubts.push(crate::tr!(
            "“一批”不是数字：这是一项里程碑，请选定指标目录中的里程碑条目（`better: done`）",
            "“一批” states no number: a milestone; choose a milestone entry of the catalog (`better: done`)"
        ));
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use rust_decimal::Decimal;
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

    /// (kind, value, year) of each candidate of a sentence in a 2023–2027 plan.
    type Figure = (Kind, Decimal, i32);

    fn figures(sentence: &str) -> Vec<Figure> {
        read(sentence)
            .iter()
            .filter(|c| c.value.is_some())
            .map(|c| {
                (
                    c.kind,
                    c.value.unwrap_or_default(),
                    c.year.unwrap_or_default(),
                )
            })
            .collect()
    }

    /// A numbered list whose figures each carry their year in brackets after them (a county's
    /// 主要指标 as it mails them): each figure is its bracket's year and kind, not the year of the
    /// bracket before it; a bracket of several years gives the figure to each; a span in brackets
    /// (`（2023—2027年）`) is no year of its own.
    #[test]
    fn a_figures_year_in_brackets_after_it() {
        use Kind::*;
        let cases: &[(&str, &[Figure])] = &[
            (
                "1.每千人口拥有3岁以下婴幼儿托位数：3.6个（2022年），4.5个（2025年），5.2个（2027年）。",
                &[
                    (Baseline, dec!(3.6), 2022),
                    (Target, dec!(4.5), 2025),
                    (Target, dec!(5.2), 2027),
                ],
            ),
            (
                "10.康养联合体乡镇（街道）覆盖率：100%（2025年、2027年）。",
                &[(Target, dec!(100), 2025), (Target, dec!(100), 2027)],
            ),
            (
                "8.人均预期寿命：81.9岁（2022年），82.5岁（2027年）。",
                &[(Baseline, dec!(81.9), 2022), (Target, dec!(82.5), 2027)],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(figures(sentence), *want, "{sentence}");
        }
        let chars: Vec<char> = "5%（2023—2027年）".chars().collect();
        assert!(bracketed_years(&chars, 2).is_empty());
        let chars: Vec<char> = "5%（2025、2027年）".chars().collect();
        assert_eq!(bracketed_years(&chars, 2), [2025, 2027]);
        let chars: Vec<char> = "5%（2025年".chars().collect();
        assert!(bracketed_years(&chars, 2).is_empty());
    }

    /// A year's schedule by quarter: a figure its clause dates to a quarter or a half-year is a
    /// step towards the year's target, no figure; the year's own beside it stays (`年底达到22人`,
    /// `全年`), and a quarter named in the words before another clause's figure does not reach
    /// it. A change's starting figure behind a rate's words (`由每人每月1236元提高到1320元`) is the
    /// baseline, as `由1236元` is.
    #[test]
    fn a_quarters_step_is_no_figure() {
        use Kind::*;
        let cases: &[(&str, &[Figure])] = &[
            (
                "一季度完成全年任务的25%以上，上半年完成50%以上，前三季度完成80%以上。",
                &[],
            ),
            (
                "每万老年人拥有持证养老护理员数一季度达到20人、年底达到22人。",
                &[(Target, dec!(22), 2027)],
            ),
            (
                "第一季度新增普惠托位150个，全年新增普惠托位600个。",
                &[(Target, dec!(600), 2027)],
            ),
            (
                "1—6月新增就业0.6万人，全年城镇新增就业1.3万人以上。",
                &[(Target, dec!(1.3), 2027)],
            ),
            (
                "每季度开展一次评估，县域就诊率达到92%以上。",
                &[(Target, dec!(92), 2027)],
            ),
            (
                "最低生活保障标准由每人每月1236元提高到1320元。",
                &[(Baseline, dec!(1236), 2022), (Target, dec!(1320), 2027)],
            ),
            (
                "最低生活保障标准由2022年的每人每月1150元提高到1450元。",
                &[(Baseline, dec!(1150), 2022), (Target, dec!(1450), 2027)],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(figures(sentence), *want, "{sentence}");
        }
    }

    /// A revision notice: the target in force is the revised one; the one it replaces, and a
    /// target stated as the old one, are no figures. A change from a past level keeps its
    /// starting figure as the baseline.
    #[test]
    fn a_revision_keeps_the_target_in_force() {
        use Kind::*;
        let cases: &[(&str, &[Figure])] = &[
            (
                "每千人口拥有3岁以下婴幼儿托位数：2025年目标由4.5个调整为4.8个，2027年目标由5.0个调整为5.5个。",
                &[(Target, dec!(4.8), 2025), (Target, dec!(5.5), 2027)],
            ),
            (
                "城镇调查失业率：2027年目标由控制在5%以内调整为控制在5.5%以内。",
                &[(Target, dec!(5.5), 2027)],
            ),
            (
                "每千人口执业（助理）医师数：2027年目标由4.0人提高至4.2人。",
                &[(Target, dec!(4.2), 2027)],
            ),
            (
                "“每百户家庭拥有养老床位数”（原2027年目标为3.5张）不再作为考核指标。",
                &[],
            ),
            // Not a revision: a level reached and one aimed at; a target stated as it is.
            (
                "到2027年，每千人口拥有3岁以下婴幼儿托位数由2022年的3.9个提高到5.5个。",
                &[(Baseline, dec!(3.9), 2022), (Target, dec!(5.5), 2027)],
            ),
            ("2027年普惠托位占比目标为70%。", &[(Target, dec!(70), 2027)]),
        ];
        for (sentence, want) in cases {
            assert_eq!(figures(sentence), *want, "{sentence}");
        }
    }

    /// Layouts of other counties' prose: a change from a figure to another, the year printed
    /// with a figure, counts in Chinese numerals (and the numerals that are words), 一批.
    #[test]
    fn changes_years_and_chinese_counts() {
        use Kind::*;
        let cases: &[(&str, &[Figure])] = &[
            (
                "到2027年,每千人口拥有3岁以下婴幼儿托位数由2022年的3.9个提高到5.5个,普惠托位占比从50%提高到70%;学前教育普及普惠率保持在99%以上。",
                &[
                    (Baseline, dec!(3.9), 2022),
                    (Target, dec!(5.5), 2027),
                    (Baseline, dec!(50), 2022),
                    (Target, dec!(70), 2027),
                    (Target, dec!(99), 2027),
                ],
            ),
            (
                "“十四五”以来,全县每千人口拥有3岁以下婴幼儿托位数从2.9个提高到3.9个(2022年)。",
                &[(Baseline, dec!(2.9), 2020), (Baseline, dec!(3.9), 2022)],
            ),
            (
                "新建婴幼儿成长驿站十个,新建、改扩建学校两所,建成三个县域医疗卫生次中心。",
                &[
                    (Target, dec!(10), 2027),
                    (Target, dec!(2), 2027),
                    (Target, dec!(3), 2027),
                ],
            ),
            (
                "推进两项补贴全覆盖,实现两个全覆盖,落实三十条举措,每季度开展一次督查,课间十分钟,建成一批示范点。",
                &[],
            ),
            (
                "以“十三五”平均值82.71岁为基数,到2027年人均预期寿命达到83.5岁。",
                // The 2027 figure is a target; the average named as 基数 a past figure (the
                // draft writes it `kind: average, from: 2016`).
                &[(Baseline, dec!(82.71), 2020), (Target, dec!(83.5), 2027)],
            ),
            ("各责任单位于每季度末5日前报送工作进展。", &[]),
            ("各责任单位于每季度结束后5日内报送工作进展。", &[]),
            // Magnitudes in words after an operator; counts of machines; a named set of aims.
            (
                "全县康养产业总产值突破百亿元,教育总投入累计超十亿元,加装电梯二十台。",
                &[
                    (Target, dec!(100), 2027),
                    (Target, dec!(10), 2027),
                    (Target, dec!(20), 2027),
                ],
            ),
            ("全力建设八个高地,打造“七个高地”,争创3个标杆。", &[]),
            // Whole figures spelled out (a 政策解读 in words): a digit and a 百 or 千 in a unit qyx
            // reads is a figure wherever it stands; a word that starts at 千 or 百, a duration
            // and a page's reading count are none.
            (
                "最低生活保障标准达到每人每月一千四百元,每年城镇新增就业八千人以上,新增保障性租赁住房两千套（间）。",
                &[
                    (Target, dec!(1400), 2027),
                    (Target, dec!(8000), 2027),
                    (Target, dec!(2000), 2027),
                ],
            ),
            (
                "千家万户受益,百姓满意,每千人口执业（助理）医师数达到3.5人,一所有一百多年历史的学校。",
                &[(Target, dec!(3.5), 2027)],
            ),
            ("阅读 2.3万　在看 318　赞 96", &[]),
            ("浏览次数：1.2万", &[]),
            // A price held to a share of another quantity, and an assessment's weight, are no
            // level; a share held to a share of another count is (`教师比例不低于…的15%`).
            (
                "普惠托育收费不高于当地城镇居民人均可支配收入的两成,纳入年度综合考核,权重不低于百分之五。",
                &[],
            ),
            (
                "每年交流轮岗教师比例不低于应交流人数的15%。",
                &[(Target, dec!(15), 2027)],
            ),
            // An indicator's figures year by year after its name and a colon (a bare one right
            // after its year), one figure for two years, a span's end, a clause of its own for
            // every year; shares in words; the level a comparison reaches; a figure inside a
            // name; definitions.
            (
                "城乡居民收入倍差：2022年1.76，2027年缩小到1.70以内。",
                &[(Baseline, dec!(1.76), 2022), (Target, dec!(1.70), 2027)],
            ),
            (
                "学前教育普及普惠率：2022年96.2%，2025年、2027年均不低于97%。",
                &[
                    (Baseline, dec!(96.2), 2022),
                    (Target, dec!(97), 2025),
                    (Target, dec!(97), 2027),
                ],
            ),
            (
                "城镇调查失业率：2022年4.2%，2023—2027年控制在5%以内。",
                &[(Baseline, dec!(4.2), 2022), (Target, dec!(5), 2027)],
            ),
            (
                "残疾人基本康复服务覆盖率：2022年95.5%，每年保持在95%以上。",
                &[(Baseline, dec!(95.5), 2022), (Target, dec!(95), 2027)],
            ),
            (
                "护理型床位占比达到百分之六十五，健康管理率达到八成以上，技能人才占比提高三个百分点。",
                &[
                    (Target, dec!(65), 2027),
                    (Target, dec!(8), 2027),
                    (Target, dec!(3), 2027),
                ],
            ),
            // 千分之 as 百分之 (not a target of 1000); a ratio's bare figure closing its clause.
            (
                "截至2022年底，婴儿死亡率为千分之二点六，城乡居民收入倍差1.68。到2027年，婴儿死亡率控制在千分之三以内。",
                &[
                    (Baseline, dec!(2.6), 2022),
                    (Baseline, dec!(1.68), 2022),
                    (Target, dec!(3), 2027),
                ],
            ),
            ("实施“3.0行动”，推进2.0版建设。", &[]),
            // Years in Chinese digits; 余 before the unit; a change against a year before the
            // plan among its tasks, no other year said.
            (
                "二〇二四年新增普惠托位1,200余个，二〇二五年再新增800个。",
                &[(Target, dec!(1200), 2024), (Target, dec!(800), 2025)],
            ),
            // The zero typed as a circle (○, U+25CB), as many documents print it, or as 零.
            (
                "二○二四年底，普惠托位占比达到六成；到二零二五年底，托位数达到4.6个。",
                &[(Target, dec!(6), 2024), (Target, dec!(4.6), 2025)],
            ),
            (
                "新增学位3,600个，优质均衡发展达标学校占比较2022年提高5个百分点。",
                &[(Target, dec!(3600), 2027), (Target, dec!(5), 2027)],
            ),
            (
                "城乡老年食堂数量较2022年翻一番，达到200个。",
                &[(Target, dec!(200), 2027)],
            ),
            (
                "到2027年，村级集体经济年经营性收入50万元以上的行政村占比达到80%。",
                &[(Target, dec!(80), 2027)],
            ),
            (
                "①普惠托位指收费价格不超过当地公办幼儿园保育教育费2倍的托位。",
                &[],
            ),
            ("普惠托位是指收费不超过公办幼儿园保育教育费2倍的托位。", &[]),
            // A report's words: counts of indicators, a gap, a change already made (a growth
            // rate reported is a figure), a comparison the sentence commits to.
            (
                "规划确定的主要指标共20项,已完成6项;劳动年龄人口平均受教育年限距目标仍差0.6年。",
                &[],
            ),
            (
                "2022年,全县托位数达到3.6个,较2020年提高1.8个;重大项目投资2.9亿元,同比增长12%。",
                &[
                    (Baseline, dec!(3.6), 2022),
                    (Baseline, dec!(2.9), 2022),
                    (Baseline, dec!(12), 2022),
                ],
            ),
            (
                "确保公共服务满意度较上年提高2个百分点,城乡居民收入倍差缩小至1.65。",
                &[(Target, dec!(2), 2027), (Target, dec!(1.65), 2027)],
            ),
            (
                "“十四五”以来,累计新增托位1200个。",
                &[(Baseline, dec!(1200), 2022)],
            ),
            // 截至 a year is that year's figure, not the end of a range; a period named after
            // the year is the figure's own.
            (
                "截至2022年底,全县共有托位1580个;“十三五”期间累计新增城镇就业2.3万人。",
                &[(Baseline, dec!(1580), 2022), (Baseline, dec!(2.3), 2020)],
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(figures(sentence), *want, "{sentence}");
        }
        let batch: Vec<(Op, Option<String>)> = read("到2025年,建成一批乡镇(街道)托育机构。")
            .into_iter()
            .map(|c| (c.op, c.text))
            .collect();
        assert_eq!(batch, [(Op::Done, Some("建成一批".to_string()))]);
    }

    /// Real sentences from the seed documents and the targets they set.
    /// A change the plan commits to, a figure the sentence builds on, years listed with their
    /// values, and the thresholds that are no targets (a tolerance, a shortfall that sorts).
    /// `sentence | figures` where a figure is `T|B value year` (target or baseline), `;` between.
    #[test]
    fn changes_committed_bases_and_tolerances() {
        const CASES: &str = "\
# A committed change with no level: the change, at the sentence's year to come.
到2027年技能人才占从业人员比例比2022年提高2个百分点。 | T 2 2027
力争公众满意度较上年提高1个百分点。 | T 1 2027
# The comparison's year governs its own clause only.
到2027年，基本养老保险参保率比2022年提高2个百分点，城乡居民基本医疗保险参保率稳定在99%以上。 | T 2 2027; T 99 2027
# The level beside the change is the figure; a figure built on is a past one.
到2027年，人均预期寿命在2020年81.9岁的基础上提高1岁，达到82.9岁。 | B 81.9 2020; T 82.9 2027
到2027年，全县公共服务满意度较2022年提高3个百分点，达到90%。 | T 90 2027
城乡居民收入倍差这项指标的2027年目标为1.68以下，较2022年缩小0.06。 | T 1.68 2027
到2027年，家庭医生签约服务覆盖率在2022年45%的基础上提高10个百分点以上。 | B 45 2022; T 10 2027
人均预期寿命这项指标的2027年目标以“十三五”平均值82.71岁为基数，提高0.8岁以上。 | B 82.71 2020; T 0.8 2027
# A change's bare starting figure; a change already made is still none.
城乡居民收入倍差由2022年的1.78缩小至1.72以内。 | B 1.78 2022; T 1.72 2027
2022年,全市托位数达到3.6个,较2020年提高1.8个。 | B 3.6 2022
# The starting figure of a doubling or of a change by an amount (round 16's fenghua); a change
# measured after it commits as it would alone.
每千人口拥有3岁以下婴幼儿托位数由2022年的3.2个翻一番，达到6.4个。 | B 3.2 2022; T 6.4 2027
每千人口执业（助理）医师数由2022年的3.3人增加1.2人；人均预期寿命较2022年提高1岁。 | B 3.3 2022; T 1.2 2027; T 1 2027
2022年,全市托位数由2.1个增加到3.6个。 | B 2.1 2022; B 3.6 2022
# As many values as years: one each, in order; one value for two years is a figure of each.
到2025年、2027年，义务教育优质均衡发展乡镇覆盖率分别达到80%、85%。 | T 80 2025; T 85 2027
居民人均可支配收入这项指标的2025年、2027年目标分别为6.2万元、7.1万元。 | T 6.2 2025; T 7.1 2027
2025年、2027年均不低于97%。 | T 97 2025; T 97 2027
# A period named in another part of the sentence is not this figure's.
“十四五”期间，累计培训技能人才3万人次；2023—2027年，每年新增高技能人才1000人以上。 | T 3 2025; T 1000 2027
# Tolerances and shortfalls that sort are no targets; a share of places reached is one.
各项指标年度目标由牵头单位结合实际分解，调整幅度原则上不超过10%。 |
年度目标可适当调整，但调整幅度原则上不超过上年目标的5%。 |
年度目标完成率低于90%的乡镇（街道）予以通报。 |
完善基层文化设施建设,实现80%的乡镇(街道)设有二级(含)以上文化站。 | T 80 2027
";
        for line in CASES.lines().filter(|l| !l.starts_with('#')) {
            let (sentence, want) = line.split_once(" |").expect("sentence | figures");
            let want: Vec<Figure> = want
                .split(';')
                .filter(|f| !f.trim().is_empty())
                .map(|f| {
                    let p: Vec<&str> = f.split_whitespace().collect();
                    let kind = if p[0] == "B" {
                        Kind::Baseline
                    } else {
                        Kind::Target
                    };
                    (
                        kind,
                        p[1].parse().expect("value"),
                        p[2].parse().expect("year"),
                    )
                })
                .collect();
            assert_eq!(figures(sentence), want, "{sentence}");
        }
    }

    /// Names drafted for the figures of sentences that restate or explain a target: the
    /// indicator only, borrowed from the clause before or after where a figure's words name
    /// nothing. `sentence | name; name …`, one name a figure.
    #[test]
    fn names_of_restated_and_explained_figures() {
        const CASES: &str = "\
每千人口执业（助理）医师数由2022年的3.2人提高到2027年的3.8人。 | 每千人口执业（助理）医师数; 每千人口执业（助理）医师数
到2027年，人均预期寿命在2020年81.9岁的基础上提高1岁，达到82.9岁。 | 人均预期寿命; 人均预期寿命
3)人均预期寿命（岁）这项指标的2027年目标以“十三五”平均值82.71岁为基数，提高0.8岁以上。 | 人均预期寿命; 人均预期寿命
以2020—2022年平均值81.5岁为基数，人均预期寿命提高0.5岁。 | 人均预期寿命; 人均预期寿命
16.城乡居民收入倍差由2022年的1.78缩小至1.72以内。 | 城乡居民收入倍差; 城乡居民收入倍差
到2025年，居民人均可支配收入突破6万元；到2027年，力争达到7万元。 | 居民人均可支配收入; 居民人均可支配收入
到2027年，技能人才总量达到6.5万人，占从业人员比重达到36%。 | 技能人才总量; 技能人才占从业人员比重
最低生活保障标准动态调整，到2027年不低于每人每月1300元。 | 最低生活保障标准
";
        for line in CASES.lines() {
            let (sentence, want) = line.split_once(" | ").expect("sentence | names");
            let got: Vec<String> = read(sentence).into_iter().map(|c| c.indicator).collect();
            let want: Vec<&str> = want.split("; ").collect();
            assert_eq!(got, want, "{sentence}");
        }
    }

    /// Shares in words: the number after 之 in the unit the word names, never the 百, 千, 万 or
    /// 十万 before it as a number (`十万分之九` was a target of 10, `万分之五` no figure).
    #[test]
    fn shares_in_words() {
        let (le, reach) = (Op::Le, Op::Reach);
        check(
            "到2027年，孕产妇死亡率控制在十万分之九以下。",
            &[(
                "控制在十万分之九以下",
                le,
                dec!(9),
                Some("十万分之"),
                2027,
                true,
            )],
        );
        check(
            "到2027年，婴儿死亡率控制在千分之二点五以内。",
            &[(
                "控制在千分之二点五以内",
                le,
                dec!(2.5),
                Some("千分之"),
                2027,
                true,
            )],
        );
        check(
            "到2027年，严重致残出生缺陷发生率控制在万分之五以下。",
            &[(
                "控制在万分之五以下",
                le,
                dec!(5),
                Some("万分之"),
                2027,
                true,
            )],
        );
        check(
            "到2027年，护理型床位占比达到百分之六十五。",
            &[(
                "达到百分之六十五",
                reach,
                dec!(65),
                Some("百分之"),
                2027,
                true,
            )],
        );
    }

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
        // The share of the people, not of their total.
        assert_eq!(c[1].indicator, "技能人才占从业人员比重");
        let c =
            read("全区按照每个街道至少建设1个站点要求,完成站点建设任务街道比例达到80%(含)以上。");
        assert_eq!(c.last().map(|c| c.op), Some(Op::Ge));
    }

    /// Numbers that are not targets: dates, document numbers, scheme names, ages and durations in
    /// names, codes, ordinals.
    /// A 汇报's account of the plan, no figures: the drafting's counts (`调研18次`, `征求意见43条，
    /// 采纳39条`), the plan's parts counted with no verb (`26项重点任务、58个重点项目`, `（共36个
    /// 项目）`) and a year's money set aside (`2023年安排项目资金12.6亿元`). Near misses read as
    /// before: parts with a verb (`新建58个重点项目`), a floor of funding committed to every year
    /// (`每年安排专项资金不少于1亿元`, round 8 and 10 count it, and so does round 15's luqiao now),
    /// drills counted (`应急演练20次`). The bodies consulted counted, asked (`征求了15个部门意见`)
    /// or answering (`等12个单位反馈意见`), are the drafting's too; near misses: visits a plan sets
    /// (`每年走访500家企业`), bodies with no word of comment (`新建12个单位食堂`).
    /// A year in an aside closed before a change (`普惠托位占比（2022年为52%）较2022年提高15个
    /// 百分点`) dates the aside's figure (a baseline), not the change, which is committed as it is
    /// without the aside, even after another indicator's level (`…达到6.4个；`). Near misses: the
    /// change alone; a change from the figure its comparison names, after its own level
    /// (`到2027年，…达到83.6岁，比2022年的82.8岁提高0.8岁`: the level once).
    #[test]
    fn a_year_in_an_aside_dates_the_aside() {
        let kyv = |s: &str| -> Vec<String> {
            read(s)
                .iter()
                .map(crate::extract::kind_year_value)
                .collect()
        };
        assert_eq!(
            kyv(
                "托位数由2022年的3.2个翻一番，达到6.4个；普惠托位占比（2022年为52%）较2022年提高15个百分点。"
            ),
            [
                "baseline 2022 3.2",
                "target 2027 6.4",
                "baseline 2022 52",
                "target 2027 15"
            ]
        );
        assert_eq!(
            kyv("普惠托位占比较2022年提高15个百分点。"),
            ["target 2027 15"]
        );
        assert_eq!(
            kyv("到2027年，人均预期寿命达到83.6岁，比2022年的82.8岁提高0.8岁。"),
            ["target 2027 83.6", "baseline 2022 82.8"]
        );
    }

    #[test]
    fn accounts_of_the_plan_are_no_figures() {
        for s in [
            "我市开展专题调研18次，书面征求意见43条，采纳39条。",
            "召开座谈会5场，修改完善12稿。",
            "7大领域、26项重点任务、58个重点项目。",
            "附件：重点项目清单（共36个项目）",
            "2023年安排项目资金12.6亿元。",
            "本稿根据区卫健局、区教育局等12个单位反馈意见修改。",
            "书面征求了15个部门意见。",
            "邀请8位专家参加论证。",
        ] {
            let c = read(s);
            assert!(c.is_empty(), "{s}: {c:#?}");
        }
        for (s, v) in [
            ("到2027年，新建58个重点项目。", dec!(58)),
            ("每年安排专项资金不少于1亿元。", dec!(1)),
            ("全年开展应急演练20次。", dec!(20)),
            ("到2027年，人均可支配收入达到6.5万元。", dec!(6.5)),
            ("每年走访500家企业。", dec!(500)),
            ("到2027年，新建12个单位食堂。", dec!(12)),
        ] {
            let c = read(s);
            assert_eq!(c.len(), 1, "{s}: {c:#?}");
            assert_eq!(c[0].value, Some(v), "{s}");
        }
    }

    #[test]
    fn not_targets() {
        for s in [
            "瑞安市人民政府办公室 2023年4月27日",
            // A converter that spaces digits from Chinese (Mathpix, 盘古之白) spaces the date too.
            "宁波市鄞州区人民政府办公室 2023 年 9 月 14 日",
            "2023 年 9 月 14 日印发",
            "每月 5 号前报送。",
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
            "表3 分乡镇托位建设任务表",
            "附件1 分解任务",
            "专栏2 十大民生工程",
            "图 4 各镇街目标",
            "注：2023年（现状）为1—10月统计数或全年预计数。",
            "全县新增城镇就业任务完成年度目标的110%。",
            "区专班每季度召开1次工作例会。",
            "建立每月通报2次、每个季度督查1次的工作机制。",
            "“浙里康养”应用在全县23个养老服务中心全面推广。",
        ] {
            let c = read(s);
            assert!(c.is_empty(), "{s}: {c:#?}");
        }
        let c = read("打好蓝天战,实施大气污染物协同治理,PM2.5浓度控制在22微克/立方米以下。");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].value, Some(dec!(22)));
        // A caption's word not at the head of its line numbers nothing: the 3 is a count.
        let c = read("到2027年,新建图书馆分馆3个以上。");
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(c[0].value, Some(dec!(3)));
        // A count of people trained every year (`人次`) and a count of times that is no rule's
        // frequency (twenty drills) are figures.
        for (s, v) in [
            ("每年开展职业技能培训1万人次。", dec!(1)),
            ("每季度召开例会，全年开展应急演练20次。", dec!(20)),
            // Spaced from its number, a count's unit is still its own (`14 天` no date).
            ("到2027年，审批时限压缩至 14 天。", dec!(14)),
        ] {
            let c = read(s);
            assert_eq!(c.len(), 1, "{s}: {c:#?}");
            assert_eq!(c[0].value, Some(v), "{s}");
        }
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
        // A notice of December 2023 reports this year's progress: `1—10月` with no year is 2023's.
        let doc = "某县公共服务“七优享”工程实施方案（2023—2027年）\n成文日期：2023-12-06\n一、工作基础\n2022年，全县每千人口拥有3岁以下婴幼儿托位数3.4个。今年以来，各项工作取得积极进展。1—10月，全县新增城镇就业3860人，普惠托位占比已达到58%。\n";
        let got: Vec<(Kind, Option<i32>)> = extract(doc, None)
            .candidates
            .iter()
            .map(|c| (c.kind, c.year))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Baseline, Some(2022)),
                (Kind::Baseline, Some(2023)),
                (Kind::Baseline, Some(2023))
            ]
        );
        // A 政府工作报告 of January 2024: its review (`一、2023年工作回顾`) is past under every part
        // (`（一）民生福祉持续增进` names no past), and in its work plan `在去年…的基础上` is 2023's
        // beside this year's (`今年`) target; the work plan's own figures stay targets.
        let doc = "政府工作报告
——2024年1月10日在某县第十七届人民代表大会第四次会议上
一、2023年工作回顾
全年实现地区生产总值735.6亿元。
（一）民生福祉持续增进。新增普惠托位480个，城镇调查失业率为3.2%。
二、2024年重点工作
（一）深入实施公共服务“七优享”工程。在去年新增普惠托位480个的基础上，今年再新增普惠托位300个，到2027年每千人口拥有3岁以下婴幼儿托位数达到5.5个。
";
        let got: Vec<(Kind, Option<i32>, String)> = extract(doc, None)
            .candidates
            .iter()
            .map(|c| (c.kind, c.year, c.value.unwrap_or_default().to_string()))
            .collect();
        let f = |k, y, v: &str| (k, Some(y), v.to_string());
        assert_eq!(
            got,
            [
                f(Baseline, 2023, "735.6"),
                f(Baseline, 2023, "480"),
                f(Baseline, 2023, "3.2"),
                f(Baseline, 2023, "480"),
                f(Target, 2024, "300"),
                f(Target, 2027, "5.5"),
            ]
        );
        // In a 2024 work-points plan, 2023年 is last year's result; 较 compares with the past,
        // and a change already made (`较2022年提高2个百分点`) is no level: no figure.
        let doc = "《2024年嵊泗县公共服务“七优享”工程工作要点》\n2023年,全县城镇新增就业3000人。较2022年提高2个百分点。2023年,普惠托位占比达到55%。2024年,计划实施重大项目3个。\n";
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

    /// A plan in stages: a stage's heading dates the targets under it that state no year, until
    /// the next heading of its level; a heading running on into a paragraph dates nothing.
    #[test]
    fn a_stage_heading_dates_the_targets_under_it() {
        let doc = "某县公共服务“七优享”工程实施方案（2023—2027年）\n二、总体要求\n（一）第一阶段（2023—2025年）：补齐短板、夯实基础。\n1.幼有善育。⑴每千人口拥有3岁以下婴幼儿托位数达到4.5个；⑵普惠托位占比较2022年提高10个百分点。\n2.学有优教。到2027年，学前教育普及普惠率达到98%。\n（二）第二阶段（2026—2027年）：全面提升。\n①普惠托位占比力争达到70%。\n三、重点任务\n（一）实施“托育护苗”行动，推进托育服务进社区，到2025年完成试点。新增托位800个。\n";
        let got: Vec<(String, Option<i32>)> = extract(doc, None)
            .candidates
            .iter()
            .map(|c| (c.text.clone().unwrap_or_default(), c.year))
            .collect();
        let want = [
            ("达到4.5个", 2025),
            ("10个百分点", 2025),
            ("达到98%", 2027),
            ("达到70%", 2027),
            ("800个", 2027),
        ];
        assert_eq!(got, want.map(|(t, y)| (t.to_string(), Some(y))).to_vec());
    }

    /// An item that names its indicator before a colon and gives its figures year by year: the
    /// name is each figure's.
    #[test]
    fn an_item_names_its_figures_before_a_colon() {
        let doc = "某县公共服务“七优享”工程实施方案(2023—2027年)\n（1）幼有善育\n1.每千人口拥有3岁以下婴幼儿托位数：2022年3.6个，2025年达到4.5个，2027年达到5个以上。\n";
        let found = extract(doc, None).candidates;
        assert_eq!(found.len(), 3);
        for c in found {
            assert_eq!(c.indicator, "每千人口拥有3岁以下婴幼儿托位数", "{c:?}");
        }
    }

    /// A work-points plan's annex as key-value lines, each figure with its unit in brackets after
    /// it (`4.1（个）`, `2150（套（间））`, `1250(元/月)`): read with that unit; brackets holding a
    /// note or a year are none.
    #[test]
    fn a_unit_in_brackets_after_a_figure() {
        let doc = "2024年某区公共服务“七优享”工程工作要点\n附件\n1.指标名称：每千人口拥有3岁以下婴幼儿托位数；2023年完成值：4.1（个）；2024年目标值：≥4.6（个）；责任单位：区卫健局。\n2.指标名称：城镇新增就业；2023年完成值：1.02（万人）；2024年目标值：1（万人）。\n3.指标名称：新增保障性租赁住房；2023年完成值：2150（套（间））；2024年目标值：1500(套(间))。\n4.指标名称：最低生活保障标准；2023年完成值：1250（元/月）；2024年目标值：≥1330(元/月)。\n5.指标名称：普惠托位占比；2024年目标值：≥65%（省定）。\n6.新建托育机构3所（省定）。浏览次数：862（次）\n";
        let got: Vec<(Kind, Decimal, Option<i32>, Option<String>)> = extract(doc, None)
            .candidates
            .iter()
            .map(|c| (c.kind, c.value.unwrap_or_default(), c.year, c.unit.clone()))
            .collect();
        let (b, t) = (Kind::Baseline, Kind::Target);
        let want = [
            (b, dec!(4.1), 2023, Some("个")),
            (t, dec!(4.6), 2024, Some("个")),
            (b, dec!(1.02), 2023, Some("万人")),
            (t, dec!(1), 2024, Some("万人")),
            (b, dec!(2150), 2023, Some("套（间）")),
            (t, dec!(1500), 2024, Some("套(间)")),
            (b, dec!(1250), 2023, Some("元/月")),
            (t, dec!(1330), 2024, Some("元/月")),
            (t, dec!(65), 2024, Some("%")),
            (t, dec!(3), 2024, Some("所")),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(k, v, y, u)| (*k, *v, Some(*y), u.map(String::from)))
            .collect();
        assert_eq!(got, want);
    }

    /// A ratio `1:X` is the figure X where the words call it a ratio or X is a decimal, as the
    /// threshold parser reads it; a time, a score, a map's scale and a list's number are none.
    #[test]
    fn a_ratio_is_its_figure_per_one() {
        use Kind::*;
        let cases: &[(&str, &[Figure])] = &[
            ("到2025年，医护比达到1:1.2。", &[(Target, dec!(1.2), 2025)]),
            (
                "医护比不低于1：1.15，床护比1:0.6。",
                &[(Target, dec!(1.15), 2027), (Target, dec!(0.6), 2027)],
            ),
            (
                "医护比例提高到1:2，城乡居民收入倍差缩小到1.9:1。",
                &[(Target, dec!(2), 2027), (Target, dec!(1.9), 2027)],
            ),
            ("2022年医护比为1:1.05。", &[(Baseline, dec!(1.05), 2022)]),
            // A time, a score, a scale, a list's number: none.
            ("每日10:12开放，1:30结束。", &[]),
            ("比赛以2:1获胜，绘制1:500000地图。", &[]),
            ("医护比达到1:500000。", &[]),
        ];
        for (sentence, want) in cases {
            assert_eq!(figures(sentence), want.to_vec(), "{sentence}");
        }
    }
}
