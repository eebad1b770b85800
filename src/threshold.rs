//! Reads a target as a plan prints it — a table cell (`≥85`, `< 5`, `>63    `, `94. 5`, `/`,
//! `职工86`, `职工86、城乡居民70`) or a prose phrase (`达到5.55个以上`, `控制在5%以内`, `2—3个`,
//! `不满18周岁`, `百分之九十`, `建成`) — into an operator, an exact decimal and the unit as printed,
//! and says where each part came from ([`Reading`]), for `qyx parse`.
//!
//! The words follow the Civil Code of the PRC, art. 1259: 以上, 以下, 以内, 届满 include the number
//! itself; 不满, 超过, 以外 do not (nor does 超: 超百亿以上 is > 100亿). A bare number (or 达到X)
//! means "reach it" in the indicator's better direction, which only the catalog knows, so it
//! stays [`Op::Reach`] until [`Threshold::resolve`].
//!
//! The rules are by class of phrasing, never by plan: words before the number (qualifiers such
//! as 力争/累计/每年, then operator words), a sign, the number (digits or Chinese numerals, read by
//! [`crate::numeral`]), a unit ([`crate::unit`]), a range's second number, a suffix word. Words
//! before all that are the part's label (`职工`, `每千人口拥有…托位数`); the parser tries each
//! place the label may end and takes the first that reads to the end of the text.

use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Op {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "~")]
    Approx,
    #[serde(rename = "range")]
    Range,
    /// A milestone: 建成, 创成 … met or not.
    #[serde(rename = "done")]
    Done,
    /// `/`: the plan sets no target.
    #[serde(rename = "none")]
    None,
    /// A bare number or 达到X: ≥ or ≤ depending on which direction is better.
    #[serde(rename = "reach")]
    Reach,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
            Op::Eq => "=",
            Op::Approx => "≈",
            Op::Range => "",
            Op::Done => "",
            Op::None => "/",
            Op::Reach => "",
        }
    }

    /// The operator's name in `qyx parse --format json`.
    pub fn name(self) -> &'static str {
        match self {
            Op::Ge => ">=",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Lt => "<",
            Op::Eq => "=",
            Op::Approx => "~",
            Op::Range => "range",
            Op::Done => "done",
            Op::None => "none",
            Op::Reach => "reach",
        }
    }

    /// +1 when the operator asks for more, -1 when for less, 0 otherwise.
    pub fn direction(self) -> i8 {
        match self {
            Op::Ge | Op::Gt => 1,
            Op::Le | Op::Lt => -1,
            _ => 0,
        }
    }
}

/// Which way an indicator improves.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Higher,
    Lower,
    /// A milestone: done or not.
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    pub op: Op,
    /// The number; the low end of a range.
    pub value: Option<Decimal>,
    /// The high end of a range.
    pub high: Option<Decimal>,
    /// The unit as printed, if the text carries one.
    pub unit: Option<String>,
    /// The part's label in a composite cell (`职工` in `职工86`).
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based character column in the input.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let column = self.column;
        let message = &self.message;
        f.write_str(&crate::tr!(
            "第 {column} 列: {message}",
            "column {column}: {message}"
        ))
    }
}

impl std::error::Error for ParseError {}

/// Operator words read before a number; `extract` finds targets by the same list.
pub(crate) const WORD_OPS: &[(&str, Op)] = &[
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("不小于", Op::Ge),
    ("不得低于", Op::Ge),
    ("不得少于", Op::Ge),
    ("不应低于", Op::Ge),
    ("大于等于", Op::Ge),
    ("大于或等于", Op::Ge),
    ("至少", Op::Ge),
    ("至少有", Op::Ge),
    ("最少", Op::Ge),
    ("最低", Op::Ge),
    // 满 is inclusive (Civil Code art. 1259: 届满); 不满 and 未满 are not.
    ("满", Op::Ge),
    ("年满", Op::Ge),
    ("已满", Op::Ge),
    ("超过", Op::Gt),
    ("超出", Op::Gt),
    // 超 excludes the number: 超百亿以上 is more than 100亿.
    ("超", Op::Gt),
    ("逾", Op::Gt),
    ("突破", Op::Gt),
    ("高于", Op::Gt),
    ("多于", Op::Gt),
    ("大于", Op::Gt),
    ("不超过", Op::Le),
    ("不超出", Op::Le),
    ("不得超过", Op::Le),
    ("不应超过", Op::Le),
    ("不高于", Op::Le),
    ("不多于", Op::Le),
    ("不大于", Op::Le),
    ("小于等于", Op::Le),
    ("小于或等于", Op::Le),
    ("控制在", Op::Le),
    ("控制到", Op::Le),
    ("稳控在", Op::Le),
    ("最多", Op::Le),
    ("至多", Op::Le),
    ("最高", Op::Le),
    ("降低到", Op::Le),
    ("降低至", Op::Le),
    ("降至", Op::Le),
    ("降到", Op::Le),
    ("下降到", Op::Le),
    ("下降至", Op::Le),
    ("缩小到", Op::Le),
    ("缩小至", Op::Le),
    ("缩短到", Op::Le),
    ("缩短至", Op::Le),
    ("压缩到", Op::Le),
    ("压缩至", Op::Le),
    ("压减到", Op::Le),
    ("压减至", Op::Le),
    ("减少到", Op::Le),
    ("减少至", Op::Le),
    ("减至", Op::Le),
    ("低于", Op::Lt),
    ("少于", Op::Lt),
    ("不满", Op::Lt),
    ("未满", Op::Lt),
    ("不足", Op::Lt),
    ("不到", Op::Lt),
    ("小于", Op::Lt),
    ("大约", Op::Approx),
    ("约为", Op::Approx),
    ("约", Op::Approx),
    // 近1000万元 is about 1000万元, not exactly it.
    ("近", Op::Approx),
    ("将近", Op::Approx),
    ("接近", Op::Approx),
    ("达到了", Op::Reach),
    ("达到", Op::Reach),
    ("达", Op::Reach),
    ("提高到", Op::Reach),
    ("提高至", Op::Reach),
    ("提升到", Op::Reach),
    ("提升至", Op::Reach),
    ("增加到", Op::Reach),
    ("增加至", Op::Reach),
    ("增长到", Op::Reach),
    ("增长至", Op::Reach),
    ("增至", Op::Reach),
    ("升至", Op::Reach),
    ("上升到", Op::Reach),
    ("上升至", Op::Reach),
    ("扩大到", Op::Reach),
    ("扩大至", Op::Reach),
    ("稳定在", Op::Reach),
    ("保持在", Op::Reach),
    ("维持在", Op::Reach),
    ("巩固在", Op::Reach),
    ("保持", Op::Reach),
    ("实现", Op::Reach),
    ("为", Op::Reach),
];

const SYMBOL_OPS: &[(&str, Op)] = &[
    (">=", Op::Ge),
    ("=>", Op::Ge),
    ("≥", Op::Ge),
    ("≧", Op::Ge),
    ("⩾", Op::Ge),
    ("≮", Op::Ge),
    ("<=", Op::Le),
    ("=<", Op::Le),
    ("≤", Op::Le),
    ("≦", Op::Le),
    ("⩽", Op::Le),
    ("≯", Op::Le),
    (">", Op::Gt),
    ("﹥", Op::Gt),
    ("<", Op::Lt),
    ("﹤", Op::Lt),
    ("≈", Op::Approx),
    ("≒", Op::Approx),
    ("~", Op::Approx),
    ("=", Op::Eq),
];

/// Words after the number that set the operator (Civil Code art. 1259: 以上, 以下, 以内, 届满
/// include the number; 以外 does not).
pub(crate) const SUFFIXES: &[(&str, Op)] = &[
    ("(含)以上", Op::Ge),
    ("（含）以上", Op::Ge),
    ("以上(含)", Op::Ge),
    ("以上（含）", Op::Ge),
    ("(含)以下", Op::Le),
    ("（含）以下", Op::Le),
    ("以下(含)", Op::Le),
    ("以下（含）", Op::Le),
    ("及以上", Op::Ge),
    ("或以上", Op::Ge),
    ("以上", Op::Ge),
    ("届满", Op::Ge),
    ("及以下", Op::Le),
    ("或以下", Op::Le),
    ("以下", Op::Le),
    ("以内", Op::Le),
    ("之内", Op::Le),
    ("内", Op::Le),
    ("以外", Op::Gt),
    ("左右", Op::Approx),
    ("上下", Op::Approx),
    // `100%覆盖`: the coverage verb after the number adds nothing to the level.
    ("覆盖", Op::Reach),
    ("全覆盖", Op::Reach),
];

/// Words that qualify a target without changing its numbers: resolve (力争, 确保), scope (每年,
/// 累计, 保持) or the frame of a range (在…之间). `qyx parse` shows them; the plan's `scope` key
/// records the scope.
const QUALIFIERS: &[&str] = &[
    "力争",
    "争取",
    "确保",
    "努力",
    "基本",
    "持续",
    "稳步",
    "逐步",
    "进一步",
    "全面",
    "累计",
    "合计",
    "总计",
    "共计",
    "共",
    "每年",
    "年均",
    "全年",
    "年度",
    "预计",
    "在",
];

/// Verbs that make a phrase a milestone wherever they stand in it (`创成…示范县`, `实现全覆盖`).
const MILESTONE_WORDS: &[&str] = &[
    "建成",
    "创成",
    "实现",
    "完成",
    "全覆盖",
    "通过",
    "达标",
    "创建",
    "成功",
    "获评",
    "入选",
    "建立",
    "投入使用",
    "提供",
    "评审",
    "覆盖",
    "完工",
    "开工",
    "清零",
    "启动",
    "建设",
    "落地",
    "运行",
    "设立",
    "出台",
    "上线",
    "挂牌",
    "投用",
    "开通",
    "形成",
    "争创",
    "应享尽享",
    "纳入",
    "提升",
    "省标",
    "标准",
    "实施",
    "百分百",
    "设置",
    // 全面落实“15分钟公共服务圈”: carrying a policy out is done or not.
    "落实",
];

/// Words that are a milestone only as the whole target: `是` in a milestone's yes/no column,
/// `已完成`; inside a longer phrase they mean something else. `达到` alone is not one: it asks
/// for a number.
const MILESTONE_ALONE: &[&str] = &["是", "已完成", "推进", "编制", "修订", "制定"];

/// Words that deny what follows: `不建成`, `未完成` state no target.
const NEGATIONS: &[&str] = &["不", "未", "没有", "没", "无法", "尚未", "不能", "不再"];

const NO_TARGET: &[&str] = &["/", "—", "-", "——", "无", "不设", "／", "\\", "--", "—/—"];

const RANGE_SEPARATORS: &[&str] = &["——", "—", "–", "-", "~", "至", "到"];

/// Signs before a number: `−5` (U+2212), `-5`, `负5`.
const SIGNS: &[(&str, bool)] = &[("-", true), ("−", true), ("负", true), ("+", false)];

/// Chinese fraction words that carry their own unit, the word itself: `百分之九十五` is 95 %,
/// `十万分之九` 9 per 100 000 (not 10 ‱: `十万` is no number before `万分之`).
const FRACTION_WORDS: &[(&str, &str)] = crate::unit::FRACTIONS;

/// List separators between the parts of a composite cell (`职工86、城乡居民70`).
const PART_SEPARATORS: &[char] = &['、', '；', ';', '，', ','];

/// The longest target text read: a phrase, not a paragraph.
pub(crate) const MAX_TARGET_CHARS: usize = 200;

/// Folds full-width digits, letters and signs to ASCII, so that `＞７０` reads as `>70`, and
/// Traditional characters to the Simplified ones they were made from (`達到4.5個`: a page shown
/// through its 繁體 button, quoted as printed).
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' if c != '％' && c != '（' && c != '）' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => crate::hant::fold_char(c),
    }
}

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= at + n && chars[at..at + n].iter().copied().eq(word.chars())
}

/// The longest entry of `table` that starts at `at`, with its length in chars.
fn word_at<T: Copy>(
    chars: &[char],
    at: usize,
    table: &[(&'static str, T)],
) -> Option<(&'static str, T)> {
    table
        .iter()
        .filter(|(w, _)| starts_with_at(chars, at, w))
        .max_by_key(|(w, _)| w.chars().count())
        .copied()
}

fn qualifier_at(chars: &[char], at: usize) -> Option<&'static str> {
    QUALIFIERS
        .iter()
        .filter(|w| starts_with_at(chars, at, w))
        .max_by_key(|w| w.chars().count())
        .copied()
}

fn op_at(chars: &[char], at: usize) -> Option<(&'static str, Op)> {
    word_at(chars, at, SYMBOL_OPS).or_else(|| word_at(chars, at, WORD_OPS))
}

/// A verb that sets a level (`控制在`, `降至`, `提高到`) rather than compares with one (`不低于`):
/// `控制在5%左右` is about 5 %, while `不低于5%左右` says two things.
fn is_setting_verb(word: &str) -> bool {
    word.ends_with('在') || word.ends_with('到') || word.ends_with('至')
}

/// Where one part of a reading came from, for `qyx parse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// Printed in the text: these words.
    Text(String),
    /// Decided by a rule, not the text.
    Rule,
    /// Nothing in the text says; qyx assumes.
    Default,
}

/// A target as read, with the words each part of it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reading {
    pub(crate) threshold: Threshold,
    /// The words that set the operator, as printed (`不低于`, `达到` + `以上`, `≥`); empty for
    /// a bare number.
    pub(crate) op_words: Vec<String>,
    /// The number(s) as printed (`94. 5`, `二十五`, `−5`).
    pub(crate) value_text: Option<String>,
    pub(crate) high_text: Option<String>,
    /// The word between a range's two numbers (`—`, `至`).
    pub(crate) separator: Option<String>,
    /// Words that qualify the target without changing its numbers (力争, 累计, 每年, 保持), from
    /// the text or the label.
    pub(crate) qualifiers: Vec<String>,
    /// How the reading settled two words that both set the operator.
    pub(crate) note: Option<String>,
    /// A change from a base rather than a level (`比2022年提高5个百分点`, `翻一番`).
    pub(crate) relative: Option<Relative>,
    /// What is counted, when the text names it after the unit (`社区嵌入式托育机构` in
    /// `建设2家社区嵌入式托育机构`).
    pub(crate) object: Option<String>,
}

/// Which way a relative target moves from its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// 提高, 增长, 增加, 上升: the value is added (in 个百分点) or a growth rate (in %).
    Up,
    /// 下降, 降低, 减少: the value is taken away, or a rate of decline.
    Down,
    /// 翻一番 (×2), 翻两番 (×4): the base multiplied.
    Times,
}

impl Change {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Change::Up => "up",
            Change::Down => "down",
            Change::Times => "times",
        }
    }
}

/// A target stated as a change from a base: the threshold's value is the change, not the level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Relative {
    pub(crate) change: Change,
    /// The base as printed (`2022年`, `基期`, `上年`); `None`: not printed (the plan's baseline).
    pub(crate) base: Option<String>,
    /// The words that say it is a change (`比2022年` + `提高`, `翻一番`).
    pub(crate) words: String,
}

impl Reading {
    fn bare(op: Op, words: &str) -> Reading {
        Reading {
            threshold: Threshold {
                op,
                value: None,
                high: None,
                unit: None,
                label: None,
            },
            op_words: vec![words.to_string()],
            value_text: None,
            high_text: None,
            separator: None,
            qualifiers: Vec::new(),
            note: None,
            relative: None,
            object: None,
        }
    }

    /// Where the operator came from: the words, or the bare-number rule (with the words, such as
    /// 达到, that ask for the rule).
    pub(crate) fn op_source(&self) -> Source {
        match self.threshold.op {
            Op::Reach => Source::Rule,
            Op::Range => Source::Text(self.separator.clone().unwrap_or_default()),
            _ => Source::Text(self.op_words.join("…")),
        }
    }

    /// Where the unit came from: the text, or nothing printed.
    pub(crate) fn unit_source(&self) -> Source {
        match &self.threshold.unit {
            Some(u) => Source::Text(u.clone()),
            None => Source::Default,
        }
    }
}

struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> String {
        self.chars[self.pos.min(self.chars.len())..]
            .iter()
            .collect()
    }
    fn skip_ws(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }
    fn eat<T: Copy>(&mut self, table: &[(&'static str, T)]) -> Option<(&'static str, T)> {
        let hit = word_at(self.chars, self.pos, table)?;
        self.pos += hit.0.chars().count();
        Some(hit)
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }
    fn text(&self, from: usize) -> String {
        self.chars[from..self.pos]
            .iter()
            .collect::<String>()
            .trim()
            .to_string()
    }
    fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError {
            column: self.pos + 1,
            message: message.into(),
        }
    }
}

/// A sign and a number at the cursor: `-5`, `−5`, `负5`, `二十五`, `94. 5`.
fn signed_number(c: &mut Cursor) -> Result<Option<(Decimal, String, bool)>, ParseError> {
    let start = c.pos;
    let mut negative = false;
    if let Some((w, neg)) = word_at(c.chars, c.pos, SIGNS) {
        let after = c.pos + w.chars().count();
        if c.chars
            .get(after)
            .copied()
            .is_some_and(crate::numeral::starts_number)
        {
            negative = neg;
            c.pos = after;
        }
    }
    match crate::numeral::scan(c.chars, c.pos) {
        Err(e) => Err(ParseError {
            column: e.start + 1,
            message: e.message,
        }),
        Ok(None) => {
            c.pos = start;
            Ok(None)
        }
        Ok(Some(n)) => {
            c.pos = n.end;
            let v = if negative { -n.value } else { n.value };
            Ok(Some((v, c.text(start), n.chinese)))
        }
    }
}

fn unit(c: &mut Cursor) -> Option<String> {
    let rest = c.rest();
    let len = crate::unit::unit_prefix_len(&rest)
        // `150亿`, `100万`: a magnitude whose base the indicator's unit supplies.
        .or_else(|| crate::unit::magnitude_prefix(&rest).map(str::len))?;
    let u = &rest[..len];
    c.pos += u.chars().count();
    Some(u.to_string())
}

/// The figure a ratio `a:b` states, per one: `1:1.2` (医护比, nurses per doctor) is 1.2, `1.9:1`
/// (城乡居民收入比) 1.9. `named` says the words call it a ratio (`医护比`, `…比例`, `倍差`: a
/// target that is the ratio alone, a table's cell, is one); without them only `1:X` with a
/// decimal X is one, as no time (`10:12`, `1:30`) or score (`2:1`) prints a decimal. Either part
/// is below 100: `1:500000` is a map's scale, no figure.
pub(crate) fn ratio_figure(a: Decimal, b: Decimal, named: bool) -> Option<Decimal> {
    let small = |x: Decimal| x > Decimal::ZERO && x < Decimal::ONE_HUNDRED;
    if a == Decimal::ONE && small(b) && (named || b.scale() > 0) {
        Some(b)
    } else if b == Decimal::ONE && small(a) && named {
        Some(a)
    } else {
        None
    }
}

/// Reads a target that starts at `start` (no label before it), to the end of the text.
fn core(chars: &[char], start: usize) -> Result<Reading, ParseError> {
    let mut c = Cursor { chars, pos: start };
    let mut op_words = Vec::new();
    let mut qualifiers = Vec::new();
    let mut prefix: Option<(&'static str, Op)> = None;
    // Qualifiers and operator words, in any order: `力争达到`, `确保不低于`, `累计达`, `达到约`.
    loop {
        c.skip_ws();
        if let Some(q) = qualifier_at(chars, c.pos) {
            // A qualifier that is also the start of an operator word (`在` of nothing) loses to it.
            if op_at(chars, c.pos).is_none_or(|(w, _)| w.chars().count() < q.chars().count()) {
                c.pos += q.chars().count();
                qualifiers.push(q.to_string());
                continue;
            }
        }
        match op_at(chars, c.pos) {
            Some((w, op)) if prefix.is_none_or(|(_, p)| p == Op::Reach) => {
                c.pos += w.chars().count();
                op_words.push(w.to_string());
                if w == "保持"
                    || w.starts_with("稳定")
                    || w.starts_with("维持")
                    || w.starts_with("巩固")
                {
                    qualifiers.push(w.to_string());
                }
                prefix = Some((w, op));
            }
            _ => break,
        }
    }
    c.skip_ws();
    let mut unit_text = None;
    if let Some((w, _)) = c.eat(FRACTION_WORDS) {
        unit_text = Some(w.to_string());
    }
    let number_at = c.pos;
    let Some((mut value, mut value_text, chinese)) = signed_number(&mut c)? else {
        return Err(if c.at_end() && prefix.is_some() {
            c.error(crate::tr!(
                "运算符后应为数字",
                "expected a number after the operator"
            ))
        } else if c.at_end() {
            c.error(crate::tr!("应为数字", "expected a number"))
        } else {
            c.error(crate::tr!(
                "应为数字，却是 `{}`",
                "expected a number, found `{}`",
                c.rest().trim_end()
            ))
        });
    };
    // 两三个, 三五家, 七八成, 两三百人: two Chinese digits side by side are an estimate, a range.
    let estimate = if chinese {
        estimate_range(chars, number_at, c.pos)
    } else {
        None
    };
    if let Some((_, _, end)) = estimate {
        c.pos = end;
    }
    c.skip_ws();
    // A ratio: `1.9:1` is the number before the colon; `1:1.2` (医护比) the one after it, per one.
    // A target that is a ratio and nothing else names what it is by its place ([`ratio_figure`]).
    let colon_at = c.pos;
    if c.peek() == Some(':') {
        c.pos += 1;
        c.skip_ws();
        match signed_number(&mut c)? {
            Some((after, text, _)) => match ratio_figure(value, after, true) {
                Some(v) if v != value => {
                    value = v;
                    value_text = format!("1:{text}");
                }
                Some(_) => {}
                None => c.pos = colon_at,
            },
            None => c.pos = colon_at,
        }
        c.skip_ws();
    }
    // `100余人`, `二十多所`, `1万多人`: more than the number (余 and 多 do not include it).
    let mut more = None;
    if unit_text.is_none() && estimate.is_none() {
        let magnitude = crate::unit::magnitude_prefix(&c.rest()).unwrap_or_default();
        let at = c.pos + magnitude.chars().count();
        if let Some(&w @ ('余' | '多')) = chars.get(at)
            && !starts_with_at(chars, at, "多于")
        {
            more = Some(w);
            c.pos = at + 1;
            unit_text = match unit(&mut c) {
                Some(base) => Some(format!("{magnitude}{base}")),
                None => (!magnitude.is_empty()).then(|| magnitude.to_string()),
            };
        }
    }
    if unit_text.is_none() {
        unit_text = unit(&mut c);
    }
    // `4.1（个）`, `2150（套（间））`, `1250(元/月)`: a unit in brackets after the figure is its
    // unit (a key-value line's, a cell's), not a note on it.
    if unit_text.is_none()
        && let Some((len, u)) = crate::unit::bracketed(&chars[c.pos..])
    {
        c.pos += len;
        unit_text = Some(u);
    }
    if chinese && value == Decimal::ONE && unit_text.as_deref() == Some("批") {
        // 一批 is "a batch of", not a count of one.
        return Err(ParseError {
            column: number_at + 1,
            message: crate::tr!(
                "`一批` 不是数字（一批 = 若干）",
                "`一批` (a batch) states no number"
            ),
        });
    }
    c.skip_ws();

    let mut high = None;
    let mut high_text = None;
    let mut separator = None;
    if let Some((low, h, end)) = estimate {
        value = low;
        high = Some(h);
        value_text = chars[number_at..end].iter().collect();
        separator = Some(value_text.clone());
    }
    let save = c.pos;
    if high.is_some() {
        // The estimate is the range; no second number follows it.
    } else if let Some((sep, _)) = c.eat(
        &RANGE_SEPARATORS
            .iter()
            .map(|s| (*s, ()))
            .collect::<Vec<_>>(),
    ) {
        c.skip_ws();
        if let Some(fw) = c.eat(FRACTION_WORDS) {
            unit_text.get_or_insert_with(|| fw.0.to_string());
        }
        let high_at = c.pos;
        match signed_number(&mut c)? {
            Some((h, text, _)) => {
                if h < value {
                    return Err(ParseError {
                        column: save + 1,
                        message: crate::tr!(
                            "范围反了: {value} 到 {h}",
                            "range runs backwards: {value} to {h}"
                        ),
                    });
                }
                high = Some(h);
                high_text = Some(text);
                separator = Some(sep.to_string());
                c.skip_ws();
                let second = unit(&mut c);
                let magnitude_only = unit_text
                    .as_deref()
                    .is_some_and(|a| crate::unit::magnitude_prefix(a) == Some(a));
                if unit_text.is_none() || magnitude_only && second.is_some() {
                    // `1.5万—2万人`: the first number's magnitude is the second's unit.
                    unit_text = second;
                } else if let (Some(a), Some(b)) = (&unit_text, &second)
                    && a != b
                    && !(a.starts_with("百分之") && (b == "%" || b == "％"))
                {
                    return Err(ParseError {
                        column: high_at + 1,
                        message: crate::tr!(
                            "范围两端单位不同: `{a}` 与 `{b}`",
                            "a range in two units: `{a}` and `{b}`"
                        ),
                    });
                }
            }
            None => c.pos = save,
        }
    }
    c.skip_ws();
    let suffix_at = c.pos;
    let suffix = c.eat(SUFFIXES);
    if let Some((w, _)) = suffix {
        op_words.push(w.to_string());
    }
    c.skip_ws();
    if high.is_some() && c.eat(&[("之间", ())]).is_some() {
        c.skip_ws();
    }
    // `≥85%（省定）`, `100%（动态）`: a note in brackets after the target qualifies it.
    if let Some(remark) = bracketed_remark(chars, c.pos) {
        qualifiers.push(remark);
        c.pos = chars.len();
    }
    // Trailing punctuation of a quoted clause is not part of the target.
    while c.peek().is_some_and(|ch| "。,，;；、".contains(ch)) {
        c.pos += 1;
    }
    c.skip_ws();
    // `建设2家社区嵌入式托育机构`: what is counted, named after its measure word — a count, not a
    // date (`2024年底前建成`) or a share.
    let counted = unit_text.as_deref().is_some_and(|u| {
        crate::unit::magnitude_prefix(u) != Some(u)
            && crate::unit::Unit::parse(u).is_ok_and(|unit| {
                !matches!(
                    unit.base(),
                    "年" | "个月" | "天" | "个工作日" | "分钟" | "岁" | "%" | "百分点"
                )
            })
    });
    let object = if counted && !c.at_end() && suffix.is_none() {
        object_at(chars, c.pos)
    } else {
        None
    };
    if object.is_some() {
        c.pos = chars.len();
    }
    if !c.at_end() {
        return Err(c.error(crate::tr!(
            "数字后有多余的 `{}`",
            "unexpected `{}` after the number",
            crate::diag::echo(c.rest().trim_end())
        )));
    }

    let mut note = None;
    let op = if high.is_some() {
        let prefix_ok = prefix.is_none_or(|(_, p)| p == Op::Reach);
        let suffix_ok = suffix.is_none_or(|(_, s)| s == Op::Approx);
        if !prefix_ok || !suffix_ok {
            return Err(ParseError {
                column: if prefix_ok { suffix_at + 1 } else { start + 1 },
                message: crate::tr!("范围不能带运算符", "a range takes no operator"),
            });
        }
        Op::Range
    } else {
        let contradiction = |p: Op, s: Op| ParseError {
            column: suffix_at + 1,
            message: crate::tr!(
                "运算符 `{}` 与后缀 `{}` 矛盾",
                "operator `{}` contradicts suffix `{}`",
                p.name(),
                s.name()
            ),
        };
        match (prefix, suffix.map(|(_, s)| s)) {
            (None, None) => Op::Reach,
            (None, Some(s)) => s,
            (Some((_, Op::Reach)), Some(s)) => s,
            (Some((_, p)), None) => p,
            (Some((_, p)), Some(s)) if p == s => p,
            (Some((_, Op::Approx)), Some(Op::Reach)) => Op::Approx,
            (Some((w, p)), Some(Op::Approx)) if is_setting_verb(w) && p.direction() != 0 => {
                note = Some(crate::tr!(
                    "设定在某数左右（控制在…左右）即 ≈",
                    "a level set at about a number (控制在…左右) is ≈"
                ));
                Op::Approx
            }
            (Some((_, p)), Some(Op::Reach)) => p,
            (Some((w, p)), Some(s)) if p.direction() != 0 && p.direction() == s.direction() => {
                // 超…以上, 高于…以上: the exclusive word decides (超 excludes the number).
                let strict = if matches!(p, Op::Gt | Op::Lt) { p } else { s };
                if strict != s || strict != p {
                    note = Some(if w == "超" {
                        crate::tr!(
                            "超 不含本数（超…以上 即 >）: 以不含本数的词为准",
                            "超 excludes the number (超…以上 is >): the exclusive word wins"
                        )
                    } else {
                        crate::tr!(
                            "两个词都规定了运算符: 以不含本数的一个为准",
                            "both words set the operator: the exclusive one wins"
                        )
                    });
                }
                strict
            }
            (Some((_, p)), Some(s)) => return Err(contradiction(p, s)),
        }
    };
    let op = match (more, op) {
        (Some(w), Op::Reach | Op::Ge | Op::Gt) => {
            op_words.push(w.to_string());
            note = Some(crate::tr!(
                "{w} 即多于此数（不含本数）",
                "{w} means more than the number (not including it)"
            ));
            Op::Gt
        }
        _ => op,
    };
    Ok(Reading {
        threshold: Threshold {
            op,
            value: Some(value),
            high,
            unit: unit_text,
            label: None,
        },
        op_words,
        value_text: Some(value_text),
        high_text,
        separator,
        qualifiers,
        note,
        relative: None,
        object,
    })
}

/// The name of what is counted after a number and its measure word (`全科医师` in `800名全科医师`):
/// words only, to the end of the text — no number, no operator, no second target.
fn object_at(chars: &[char], at: usize) -> Option<String> {
    let mut end = chars.len();
    while end > at && "。,，;；、 ".contains(chars[end - 1]) {
        end -= 1;
    }
    let words = &chars[at..end];
    let plain = |c: &char| is_cjk(*c) || "()（）“”‘’\"《》·".contains(*c);
    let text: String = words.iter().collect();
    // `12天/周年`: a unit's stray tail is not a name.
    if words.len() < 2
        || crate::unit::unit_prefix_len(&text).is_some()
        || !words.iter().all(plain)
        || words.iter().any(|c| is_numeral_char(*c))
        || !is_cjk(words[0])
    {
        return None;
    }
    let opens_another = |k: usize| {
        op_at(words, k).is_some_and(|(w, _)| w.chars().count() > 1)
            || word_at(words, k, SUFFIXES).is_some_and(|(w, _)| w.chars().count() > 1)
            || NEGATIONS
                .iter()
                .any(|n| k == 0 && starts_with_at(words, k, n))
    };
    if (0..words.len()).any(opens_another) || word_at(words, 0, SUFFIXES).is_some() {
        return None;
    }
    Some(text)
}

/// A bracketed note that ends the text (`（省定）`, `(动态)`): words, no number.
fn bracketed_remark(chars: &[char], at: usize) -> Option<String> {
    let open = *chars.get(at)?;
    let close = match open {
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    let end = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    if end < at + 3 || chars[end - 1] != close {
        return None;
    }
    let inner = &chars[at + 1..end - 1];
    inner
        .iter()
        .all(|c| is_cjk(*c) && !is_numeral_char(*c))
        .then(|| inner.iter().collect())
}

/// `两三` (2–3), `三五` (3–5), `七八十` (70–80) at `start`, where the reader stopped after the
/// first digit (`end`): the low and high ends and where the estimate ends. Only rising pairs of
/// neighbours (and 三五, "a few") are estimates; `十四五` is a name, not one.
fn estimate_range(chars: &[char], start: usize, end: usize) -> Option<(Decimal, Decimal, usize)> {
    use crate::numeral::chinese_digit;
    if end != start + 1 {
        return None;
    }
    let low = chinese_digit(*chars.get(start)?)?;
    let high = chinese_digit(*chars.get(end)?)?;
    if low == 0 || !(high == low + 1 || (low, high) == (3, 5)) {
        return None;
    }
    let (scale, end) = match chars.get(end + 1) {
        Some('十') => (10, end + 2),
        Some('百') => (100, end + 2),
        Some('千') => (1000, end + 2),
        _ => (1, end + 1),
    };
    Some((Decimal::from(low * scale), Decimal::from(high * scale), end))
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_numeral_char(c: char) -> bool {
    crate::numeral::starts_number(c) || matches!(c, '万' | '亿' | '.' | '点')
}

/// Positions where a target may start after a label: an operator, a qualifier, a sign or a
/// number that does not continue one before it.
fn target_starts(chars: &[char]) -> impl Iterator<Item = usize> + '_ {
    (1..chars.len()).filter(move |&k| {
        let ch = chars[k];
        let prev = chars[k - 1];
        if crate::numeral::starts_number(ch) {
            // 服务点235个: a 点 continues a number only as the point of a Chinese one (三点五).
            let point_of_number =
                prev == '点' && k >= 2 && crate::numeral::chinese_digit(chars[k - 2]).is_some();
            let continues = is_numeral_char(prev) && (prev != '点' || point_of_number);
            // 每千人口: a population, not a number; 数十, 几百, 上千: an estimate, not one.
            let estimate = "数几上".contains(prev) && matches!(ch, '十' | '百' | '千' | '万');
            return !continues && prev != '每' && !estimate;
        }
        op_at(chars, k).is_some_and(|(w, _)| w.chars().count() > 1 || !in_word(chars, k))
            || qualifier_at(chars, k).is_some_and(|q| q.chars().count() > 1)
            || word_at(chars, k, SIGNS).is_some()
            || word_at(chars, k, FRACTION_WORDS).is_some()
    })
}

/// Words that end in a one-character operator without being one (`签约` is not 签 + 约).
const NOT_OPS: &[&str] = &[
    "签约", "节约", "制约", "预约", "公约", "履约", "集约", "特约", "契约", "附近", "最近", "邻近",
    "就近", "靠近", "贴近", "亲近", "赶超", "到达", "发达", "表达", "传达", "下达", "通达", "送达",
    "抵达", "直达", "圆满", "饱满", "美满", "充满", "成为", "作为", "认为", "视为", "列为", "称为",
    "改为", "分为", "定为", "评为", "行为", "因为", "以为",
];

/// True when the one-character operator at `k` ends a word of [`NOT_OPS`].
fn in_word(chars: &[char], k: usize) -> bool {
    NOT_OPS.iter().any(|w| {
        let n = w.chars().count();
        k + 1 >= n && starts_with_at(chars, k + 1 - n, w)
    })
}

/// A label is the name of a part (`职工`, `城乡居民`, `每千人口拥有托位数`): words, not numbers,
/// punctuation or a dangling operator.
fn label_ok(label: &[char]) -> bool {
    let text: String = label.iter().collect();
    let text = text.trim();
    if !text.chars().any(|c| is_cjk(c) && !is_numeral_char(c)) {
        return false;
    }
    // A list inside a name (`新增中小学、幼儿园公办学位`) is part of it; after a number
    // (`职工86、城乡居民`) it separates the parts of a composite cell.
    let has_number = text.chars().any(|c| c.is_ascii_digit());
    let chars: Vec<char> = text.chars().collect();
    let digit_at = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_some_and(|c| c.is_ascii_digit() || crate::numeral::chinese_digit(*c).is_some())
    };
    // `0—3岁儿童…`: a range of ages inside a name; `筛查率(%)`: the unit a table prints there.
    let inside_name = |k: usize, c: char| {
        ("-—–~～".contains(c) && digit_at(k.checked_sub(1)) && digit_at(Some(k + 1)))
            || (c == '%' && k > 0 && "(（".contains(chars[k - 1]))
    };
    if chars.iter().enumerate().any(|(k, &c)| {
        ((c.is_ascii_punctuation() && !"().".contains(c))
            || "；。：—–～≥≤≧≦⩾⩽﹥﹤≈".contains(c)
            || (has_number && "、，".contains(c)))
            && !inside_name(k, c)
    }) {
        return false;
    }
    let ends_with = |w: &str| {
        let n = w.chars().count();
        chars.len() >= n && starts_with_at(&chars, chars.len() - n, w)
    };
    let last = chars.len().saturating_sub(1);
    let dangling = WORD_OPS
        .iter()
        .any(|(w, _)| ends_with(w) && !(w.chars().count() == 1 && in_word(&chars, last)))
        || NEGATIONS.iter().any(|w| ends_with(w))
        || RANGE_SEPARATORS.iter().any(|w| ends_with(w))
        || SIGNS.iter().any(|(w, _)| ends_with(w));
    !dangling
}

/// Reads a target, trying each place a label may end; the reading that gets furthest decides
/// the error when none reads.
fn numeric(chars: &[char]) -> Result<Reading, ParseError> {
    let first = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
    let mut best: Option<ParseError> = None;
    let candidates = std::iter::once(first).chain(target_starts(chars).filter(|k| *k > first));
    // The label is checked only where it matters (a reading, or a further error): it costs
    // more than most failed readings.
    let labelled = |k: usize| k == first || label_ok(&chars[first..k]);
    for k in candidates {
        match core(chars, k) {
            // A Chinese numeral after words is a number only with a unit (`新增两个`), not in a
            // word (`动态清零`, `三个百分百`).
            Ok(r)
                if k > first
                    && r.threshold.unit.is_none()
                    && !chars[k].is_ascii_digit()
                    && crate::numeral::starts_number(chars[k])
                    && !matches!(chars[k - 1], '前' | '第') => {}
            Ok(_) if !labelled(k) => {}
            Ok(mut r) => {
                if k > first {
                    let label: String = chars[first..k]
                        .iter()
                        .collect::<String>()
                        .trim()
                        .to_string();
                    let lc: Vec<char> = label.chars().collect();
                    let mut found: Vec<String> = (0..lc.len())
                        .filter_map(|i| qualifier_at(&lc, i))
                        .filter(|q| q.chars().count() > 1)
                        .map(str::to_string)
                        .collect();
                    found.append(&mut r.qualifiers);
                    r.qualifiers = found;
                    // Without a base, a change verb makes a change only of a rate (`增长5%`,
                    // `提高2个百分点`); `规范化提升74家` counts what is improved.
                    let rate = r.threshold.unit.as_deref().is_none_or(is_rate_unit);
                    match change_in_label(&label).filter(|(x, _)| x.base.is_some() || rate) {
                        Some((relative, rest)) => {
                            r.relative = Some(relative);
                            r.threshold.label = rest;
                        }
                        None => r.threshold.label = Some(label),
                    }
                }
                standing(&mut r);
                return Ok(r);
            }
            Err(e) => {
                if best.as_ref().is_none_or(|b| e.column > b.column) && labelled(k) {
                    best = Some(e);
                }
            }
        }
    }
    Err(best.unwrap_or(ParseError {
        column: first + 1,
        message: crate::tr!("应为数字", "expected a number"),
    }))
}

/// Verbs that make the number after them a change rather than a level (`提高5个百分点`, `下降3%`);
/// with 到/至 (`提高到`) they set a level and are operator words instead.
const CHANGE_VERBS: &[(&str, Change)] = &[
    ("提高", Change::Up),
    ("提升", Change::Up),
    ("增长", Change::Up),
    ("增加", Change::Up),
    ("上升", Change::Up),
    ("上涨", Change::Up),
    ("扩大", Change::Up),
    ("下降", Change::Down),
    ("降低", Change::Down),
    ("减少", Change::Down),
    ("缩小", Change::Down),
    ("缩短", Change::Down),
    ("压减", Change::Down),
    ("压缩", Change::Down),
    ("回落", Change::Down),
];

/// One-character comparisons, a change only after a stated base (`比全省平均高5个百分点`).
const CHANGE_AFTER_BASE: &[(&str, Change)] = &[
    ("高", Change::Up),
    ("多", Change::Up),
    ("快", Change::Up),
    ("增", Change::Up),
    ("低", Change::Down),
    ("少", Change::Down),
    ("慢", Change::Down),
    ("降", Change::Down),
    ("减", Change::Down),
];

/// Words that compare with a base before it (`高于全省平均5个百分点`).
const ABOVE_BASE: &[(&str, Change)] = &[
    ("高于", Change::Up),
    ("超过", Change::Up),
    ("超出", Change::Up),
    ("快于", Change::Up),
    ("低于", Change::Down),
    ("慢于", Change::Down),
];

/// A unit a change is stated in: a share (`%`, `‰`, `成`), percentage points or a multiple.
fn is_rate_unit(unit: &str) -> bool {
    crate::unit::Unit::parse(unit)
        .is_ok_and(|u| matches!(u.base(), "%" | "百分点" | "倍") && !u.base().contains('/'))
}

/// Reads a change out of the words before the number: the verb at their end (`…提高`), the base
/// after 比/较 (`比2022年`, `较基期`), or a comparison at their start (`高于全省平均`). Returns
/// the change and the label that remains (none when only qualifiers remain).
fn change_in_label(label: &str) -> Option<(Relative, Option<String>)> {
    let chars: Vec<char> = label.trim().trim_end_matches('了').chars().collect();
    let n = chars.len();
    let ends = |w: &str| {
        let k = w.chars().count();
        n >= k && starts_with_at(&chars, n - k, w)
    };
    // 比/较 and the base after it, in `words`: the last one that names a base (not 比例, 比重).
    let base_in = |words: &[char]| -> Option<(usize, String)> {
        (0..words.len()).rev().find_map(|i| {
            if !matches!(words[i], '比' | '较') || (i > 0 && words[i - 1] == '占') {
                return None;
            }
            let base: String = words[i + 1..].iter().collect();
            let base = base.trim().to_string();
            let first = base.chars().next()?;
            (!"例重率值较大高低好差为".contains(first)).then_some((i, base))
        })
    };
    let verb = CHANGE_VERBS.iter().find(|(w, _)| ends(w)).copied();
    let (change, body, words, base) = match verb {
        Some((w, change)) => {
            let body = &chars[..n - w.chars().count()];
            match base_in(body) {
                Some((i, base)) => (change, &body[..i], chars[i..].iter().collect(), Some(base)),
                None => (change, body, w.to_string(), None),
            }
        }
        None => {
            let single = CHANGE_AFTER_BASE.iter().find(|(w, _)| ends(w)).copied();
            let above = word_at(&chars, 0, ABOVE_BASE);
            match (single, above) {
                (Some((_, change)), _) => {
                    let body = &chars[..n - 1];
                    let (i, base) = base_in(body)?;
                    (change, &body[..i], chars[i..].iter().collect(), Some(base))
                }
                (None, Some((w, change))) => {
                    let base: String = chars[w.chars().count()..].iter().collect();
                    if base.trim().is_empty() {
                        return None;
                    }
                    (
                        change,
                        &chars[..0],
                        chars.iter().collect(),
                        Some(base.trim().to_string()),
                    )
                }
                (None, None) => return None,
            }
        }
    };
    let rest: String = body.iter().collect();
    let mut rest = rest.trim();
    // `收入年均增长`: the qualifier before the verb belongs to the change, not the label.
    while let Some(q) = QUALIFIERS
        .iter()
        .filter(|q| q.chars().count() > 1)
        .find(|q| rest.ends_with(*q))
    {
        rest = rest[..rest.len() - q.len()].trim_end();
    }
    // What remains is the label, unless it is only qualifiers (`年均`).
    let mut k = 0;
    let rc: Vec<char> = rest.chars().collect();
    while let Some(q) = qualifier_at(&rc, k) {
        k += q.chars().count();
    }
    let mut label = (k < rc.len()).then(|| rest.to_string());
    let mut base = base;
    // 同比 is against the same period a year before, 环比 against the period before.
    for (word, implied) in [("同比", "上年同期"), ("环比", "上期")] {
        if base.is_none()
            && let Some(l) = label.as_deref().and_then(|l| l.strip_suffix(word))
        {
            base = Some(implied.to_string());
            let l = l.trim();
            label = (!l.is_empty()).then(|| l.to_string());
        }
    }
    Some((
        Relative {
            change,
            base,
            words,
        },
        label,
    ))
}

/// Why a change from a base is not a target a plan can hold, and what to write instead.
fn relative_refused(input: &str, r: &Reading, x: &Relative) -> ParseError {
    let column = input
        .find(x.words.as_str())
        .map_or(1, |b| input[..b].chars().count() + 1);
    let amount = r.threshold.display();
    let unit = r.threshold.unit.clone().unwrap_or_default();
    let base = x
        .base
        .clone()
        .unwrap_or_else(|| crate::tr!("基期", "the baseline"));
    let words = &x.words;
    ParseError {
        column,
        message: match x.change {
            Change::Up => crate::tr!(
                "`{words}` 是相对 {base} 的增加（{amount}{unit}），不是要达到的水平: 目标请写 {base} 的数值加上这一增加，{base} 的数值写作 baseline，原句留在 quote 中",
                "`{words}` is an increase on {base} ({amount}{unit}), not a level: write {base}'s figure plus the increase as the target, {base}'s figure as the baseline, and keep the sentence in `quote`"
            ),
            Change::Down => crate::tr!(
                "`{words}` 是相对 {base} 的减少（{amount}{unit}），不是要达到的水平: 目标请写 {base} 的数值减去这一减少，{base} 的数值写作 baseline，原句留在 quote 中",
                "`{words}` is a decrease from {base} ({amount}{unit}), not a level: write {base}'s figure minus the decrease as the target, {base}'s figure as the baseline, and keep the sentence in `quote`"
            ),
            Change::Times => crate::tr!(
                "`{words}` 是 {base} 的倍数（{amount}{unit}），不是要达到的水平: 目标请写 {base} 的数值乘以倍数，{base} 的数值写作 baseline，原句留在 quote 中",
                "`{words}` is a multiple of {base} ({amount}{unit}), not a level: write {base}'s figure times the multiple as the target, {base}'s figure as the baseline, and keep the sentence in `quote`"
            ),
        },
    }
}

/// A place in a ranking (`全省前三`, `排名前5位`, `进入前10名`, `前10强`, `保持全省第一`,
/// `前10%`) is a place or better: the number is a rank, the lower the better, never a count of
/// people (`名`, `位` after a number are otherwise 人). Read as `≤ N` with no unit (`≤ N%` for
/// a share of the ranking), the label without its 前/第, and a note saying so. Other units after
/// 前 (`前3年`) are no place and stay as read.
fn standing(r: &mut Reading) {
    let Some(label) = r.threshold.label.as_deref() else {
        return;
    };
    let Some(mark) = ['前', '第'].into_iter().find(|m| label.ends_with(*m)) else {
        return;
    };
    let unit = r.threshold.unit.clone();
    let unit = unit.as_deref();
    let percent = unit == Some("%") && mark == '前';
    if !(matches!(unit, None | Some("名" | "位" | "强")) || percent) {
        return;
    }
    if !matches!(r.threshold.op, Op::Reach | Op::Ge | Op::Le) || r.relative.is_some() {
        return;
    }
    let Some(n) = r.threshold.value else {
        return;
    };
    let rest = label[..label.len() - mark.len_utf8()].trim();
    r.threshold.op = Op::Le;
    r.threshold.label = (!rest.is_empty()).then(|| rest.to_string());
    if !percent {
        r.threshold.unit = None;
    }
    r.op_words = vec![format!("{mark}…{}", unit.unwrap_or(""))];
    r.note = Some(if percent {
        crate::tr!(
            "名次目标: 排在前 {n}%（越靠前越好）",
            "a place in a ranking: within the top {n}% (the higher placed the better)"
        )
    } else {
        crate::tr!(
            "名次目标: 第 {n} 名或更靠前（名次数越小越好）",
            "a place in a ranking: place {n} or better (the lower the number the better)"
        )
    });
}

/// `翻一番` (×2), `翻两番` (×4), `翻了一番`, with the label and base before it.
fn doubling(chars: &[char]) -> Option<Reading> {
    let text: String = chars.iter().collect();
    let text = text.trim().trim_end_matches(['。', '，', '；']);
    let at = text.rfind('翻')?;
    let (before, after) = text.split_at(at);
    let after = after['翻'.len_utf8()..].trim_start_matches('了');
    let mut tail = after.chars();
    let times = crate::numeral::chinese_digit(tail.next()?)?;
    if tail.as_str() != "番" || times == 0 || times > 10 {
        return None;
    }
    let value = Decimal::from(2u64.pow(times));
    let mut reading = Reading::bare(Op::Reach, "");
    reading.op_words.clear();
    reading.threshold.value = Some(value);
    reading.threshold.unit = Some("倍".into());
    reading.value_text = Some(text[at..].to_string());
    let before = before.trim();
    let (base, label) = match before.rfind(['比', '较']) {
        Some(i)
            if !before[i..]
                .chars()
                .nth(1)
                .is_some_and(|c| "例重率".contains(c)) =>
        {
            (
                Some(before[i..].chars().skip(1).collect::<String>()).filter(|b| !b.is_empty()),
                before[..i].trim(),
            )
        }
        _ => (None, before),
    };
    reading.threshold.label = (!label.is_empty()).then(|| label.to_string());
    reading.relative = Some(Relative {
        change: Change::Times,
        base,
        words: text[at..].to_string(),
    });
    Some(reading)
}

/// The negated milestone in `text` (`不建成`, `未完成`), if any.
fn negated_milestone(text: &str) -> Option<String> {
    NEGATIONS.iter().find_map(|n| {
        MILESTONE_WORDS
            .iter()
            .map(|m| format!("{n}{m}"))
            .find(|nm| text.contains(nm.as_str()))
    })
}

impl Threshold {
    /// Parses one target. See the module documentation for the forms it reads.
    ///
    /// A change from a base (`比2022年提高5个百分点`, `增长5%`, `翻一番`) is refused here: a plan
    /// stores levels, and a value read as a level would be judged wrongly. [`Threshold::read`]
    /// (for `qyx parse`) reads it, with the base.
    pub fn parse(input: &str) -> Result<Threshold, ParseError> {
        let r = Threshold::read(input)?;
        match &r.relative {
            None => Ok(r.threshold),
            Some(x) => Err(relative_refused(input, &r, x)),
        }
    }

    /// Parses one target and says where each part of the reading came from.
    pub(crate) fn read(input: &str) -> Result<Reading, ParseError> {
        let count = input.chars().count();
        if count > MAX_TARGET_CHARS {
            return Err(ParseError {
                column: MAX_TARGET_CHARS + 1,
                message: crate::tr!(
                    "目标应是不超过 {MAX_TARGET_CHARS} 个字的短语，此处有 {count} 个字",
                    "a target is a phrase of at most {MAX_TARGET_CHARS} characters; this text has {count}"
                ),
            });
        }
        let chars: Vec<char> = input.chars().map(fold).collect();
        let folded: String = chars.iter().collect();
        let trimmed = folded.trim();
        if trimmed.is_empty() {
            return Err(ParseError {
                column: 1,
                message: crate::tr!(
                    "目标为空: 应为数字、运算符、`/` 或里程碑",
                    "empty target: expected a number, an operator, `/` or a milestone"
                ),
            });
        }
        if NO_TARGET.contains(&trimmed) {
            return Ok(Reading::bare(Op::None, trimmed));
        }
        // `[25]`: the plans' tables print a total over the plan's span in square brackets.
        let inner = [('[', ']'), ('〔', '〕'), ('【', '】')]
            .iter()
            .find_map(|(open, close)| trimmed.strip_prefix(*open)?.strip_suffix(*close));
        if let Some(inner) = inner.filter(|i| !i.trim().is_empty()) {
            let lead = folded
                .find(inner)
                .map_or(1, |b| folded[..b].chars().count());
            let inner_chars: Vec<char> = inner.chars().collect();
            return match numeric(&inner_chars) {
                Ok(mut r) => {
                    r.qualifiers.insert(0, "累计".to_string());
                    r.note = Some(crate::tr!(
                        "方括号内为规划期累计数",
                        "a figure in square brackets is a total over the plan's span"
                    ));
                    Ok(r)
                }
                Err(mut e) => {
                    e.column += lead;
                    Err(e)
                }
            };
        }
        // `前10强`: 强 names the places, as 名 does; no unit reads it.
        let places = match chars.split_last() {
            Some(('强', head)) if head.contains(&'前') => head,
            _ => &chars[..],
        };
        let err = match numeric(places) {
            Ok(r) => return Ok(r),
            Err(e) => e,
        };
        if let Some(r) = doubling(&chars) {
            return Ok(r);
        }
        if let Some(at) = (1..chars.len()).find(|&k| {
            "数几上".contains(chars[k - 1]) && matches!(chars[k], '十' | '百' | '千' | '万')
        }) {
            let words: String = chars[at - 1..=at].iter().collect();
            return Err(ParseError {
                column: at,
                message: crate::tr!(
                    "`{words}` 是约数，没有给出数字: 请写方案写明的数字",
                    "`{words}` is an estimate that states no number: write the number the plan states"
                ),
            });
        }
        if let Some(nm) = negated_milestone(trimmed) {
            return Err(ParseError {
                column: folded
                    .find(nm.as_str())
                    .map_or(1, |b| folded[..b].chars().count() + 1),
                message: crate::tr!(
                    "`{nm}` 否定了里程碑: 目标应写要做成的事（填报结果时写“否”）",
                    "`{nm}` denies a milestone: a target states what is to be done (a reported answer is 否)"
                ),
            });
        }
        // 达到 with a state rather than a number (`达到省级统筹`) is a milestone; 达到 alone is not.
        let reach_state = ["达到", "实现"].iter().any(|w| {
            trimmed.strip_prefix(w).is_some_and(|rest| {
                let rc: Vec<char> = rest.chars().collect();
                rc.len() >= 2 && rc.iter().all(|c| is_cjk(*c)) && op_at(&rc, 0).is_none()
            })
        });
        if !trimmed.chars().any(|ch| ch.is_ascii_digit())
            && (MILESTONE_WORDS.iter().any(|w| trimmed.contains(w))
                || MILESTONE_ALONE.contains(&trimmed)
                || reach_state)
        {
            return Ok(Reading::bare(Op::Done, trimmed));
        }
        Err(err)
    }

    /// Parses a table cell that may hold several labelled targets (`职工86、城乡居民70`), each
    /// with its offset in characters; a cell of one target gives one part.
    pub(crate) fn read_cell(input: &str) -> Result<Vec<(usize, Reading)>, ParseError> {
        let whole = match Threshold::read(input) {
            Ok(r) => return Ok(vec![(0, r)]),
            Err(e) => e,
        };
        let mut parts = Vec::new();
        let mut offset = 0;
        for piece in input.split(PART_SEPARATORS) {
            let lead = piece.chars().take_while(|c| c.is_whitespace()).count();
            if !piece.trim().is_empty() {
                match Threshold::read(piece.trim()) {
                    Ok(r) if r.threshold.label.is_some() => parts.push((offset + lead, r)),
                    _ => return Err(whole),
                }
            }
            offset += piece.chars().count() + 1;
        }
        if parts.len() < 2 {
            return Err(whole);
        }
        Ok(parts)
    }

    /// Replaces [`Op::Reach`] with ≥ or ≤ for the indicator's better direction.
    pub fn resolve(mut self, better: Better) -> Threshold {
        if self.op == Op::Reach {
            self.op = match better {
                Better::Lower => Op::Le,
                _ => Op::Ge,
            };
        }
        self
    }

    /// True when `actual` satisfies the threshold as written. `Reach` must be resolved first;
    /// `Done` and `None` are not numeric and never satisfied here. Verdicts (≈ bands, ranges
    /// exceeded in the better direction) are `judge`'s; this stays for the parser's tests.
    #[cfg(test)]
    pub fn is_met(&self, actual: Decimal) -> bool {
        let Some(v) = self.value else { return false };
        match self.op {
            Op::Ge => actual >= v,
            Op::Gt => actual > v,
            Op::Le => actual <= v,
            Op::Lt => actual < v,
            Op::Eq | Op::Approx => actual == v,
            Op::Range => self.high.is_some_and(|h| actual >= v && actual <= h),
            Op::Reach => actual >= v,
            Op::Done | Op::None => false,
        }
    }

    /// How the target reads in a table: `≥85`, `2–3`, `/`, `done`.
    pub fn display(&self) -> String {
        let num = |d: Decimal| d.normalize().to_string();
        match (self.op, self.value, self.high) {
            (Op::None, ..) => "/".into(),
            (Op::Done, ..) => "done".into(),
            (Op::Range, Some(l), Some(h)) => format!("{}–{}", num(l), num(h)),
            (op, Some(v), _) => format!("{}{}", op.symbol(), num(v)),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    type Row<'a> = (&'a str, Op, Decimal, Option<&'a str>);

    fn check(cases: &[Row]) {
        for (input, op, value, unit) in cases {
            let t = Threshold::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(
                (t.op, t.value, t.unit.as_deref()),
                (*op, Some(*value), *unit),
                "{input:?}"
            );
        }
    }

    /// Table cells: ASCII, full-width and mathematical operator forms, OCR spaces, signs.
    #[test]
    fn table_cells() {
        check(&[
            ("≥85", Op::Ge, dec!(85), None),
            ("≥ 85", Op::Ge, dec!(85), None),
            (">70", Op::Gt, dec!(70), None),
            ("< 5", Op::Lt, dec!(5), None),
            (">63    ", Op::Gt, dec!(63), None),
            ("4.3", Op::Reach, dec!(4.3), None),
            ("94. 5", Op::Reach, dec!(94.5), None),
            ("95 . 5", Op::Reach, dec!(95.5), None),
            ("93.0", Op::Reach, dec!(93.0), None),
            (">0.867", Op::Gt, dec!(0.867), None),
            (">13300", Op::Gt, dec!(13300), None),
            ("＞７０", Op::Gt, dec!(70), None),
            ("＜５", Op::Lt, dec!(5), None),
            ("≧８５", Op::Ge, dec!(85), None),
            ("⩾85", Op::Ge, dec!(85), None),
            ("≮90", Op::Ge, dec!(90), None),
            ("≤5", Op::Le, dec!(5), None),
            ("≦5", Op::Le, dec!(5), None),
            ("⩽5", Op::Le, dec!(5), None),
            ("≯5", Op::Le, dec!(5), None),
            ("﹥60", Op::Gt, dec!(60), None),
            ("﹤60", Op::Lt, dec!(60), None),
            (">=85", Op::Ge, dec!(85), None),
            ("=>85", Op::Ge, dec!(85), None),
            ("<=5", Op::Le, dec!(5), None),
            ("≈80", Op::Approx, dec!(80), None),
            ("~80", Op::Approx, dec!(80), None),
            ("=100", Op::Eq, dec!(100), None),
            ("＜ 5", Op::Lt, dec!(5), None),
            ("13,300", Op::Reach, dec!(13300), None),
            ("1.33万元", Op::Reach, dec!(1.33), Some("万元")),
            ("86%", Op::Reach, dec!(86), Some("%")),
            ("86％", Op::Reach, dec!(86), Some("％")),
            ("≥86%", Op::Ge, dec!(86), Some("%")),
            ("-5", Op::Reach, dec!(-5), None),
            ("−5", Op::Reach, dec!(-5), None),
            ("－5", Op::Reach, dec!(-5), None),
            ("负5", Op::Reach, dec!(-5), None),
            ("≥-0.5%", Op::Ge, dec!(-0.5), Some("%")),
            ("1.2‰", Op::Reach, dec!(1.2), Some("‰")),
            ("80以上", Op::Ge, dec!(80), None),
        ]);
    }

    /// A place in a ranking is that place or better — never a count of people, never ≥.
    #[test]
    fn places_in_a_ranking() {
        for (input, value, unit, label) in [
            ("前三名", dec!(3), None, None),
            ("全省前三", dec!(3), None, Some("全省")),
            ("排名前5位", dec!(5), None, Some("排名")),
            ("进入全省前10名", dec!(10), None, Some("进入全省")),
            ("前10强", dec!(10), None, None),
            ("保持全省第一", dec!(1), None, Some("保持全省")),
            ("第1名", dec!(1), None, None),
            ("全省第二位", dec!(2), None, Some("全省")),
            ("前三名以内", dec!(3), None, None),
            ("前10%", dec!(10), Some("%"), None),
        ] {
            let r = Threshold::read(input).unwrap();
            let t = &r.threshold;
            assert_eq!(
                (t.op, t.value, t.unit.as_deref(), t.label.as_deref()),
                (Op::Le, Some(value), unit, label),
                "{input}"
            );
            assert!(r.note.is_some(), "{input}: says it is a place");
        }
        // Near misses: 前 or 第 not before a place, 名 a count of people.
        for (input, op, unit) in [
            ("前3年", Op::Reach, Some("年")),
            ("新增10名", Op::Reach, Some("名")),
            ("第三方评价满意度90%", Op::Reach, Some("%")),
            ("≥85", Op::Ge, None),
        ] {
            let t = Threshold::parse(input).unwrap();
            assert_eq!((t.op, t.unit.as_deref()), (op, unit), "{input}");
        }
    }

    #[test]
    fn no_target_and_milestones() {
        for s in ["/", " / ", "—", "／", "-", "——", "无"] {
            assert_eq!(Threshold::parse(s).unwrap().op, Op::None, "{s:?}");
        }
        for s in [
            "建成",
            "创成",
            "实现全覆盖",
            "全覆盖",
            "完成",
            "是",
            "已完成",
            "动态清零",
            "三个百分百",
            "达到省级统筹",
            "建成一批",
            "全面落实",
            "通过三级乙等复评",
        ] {
            assert_eq!(Threshold::parse(s).unwrap().op, Op::Done, "{s:?}");
        }
    }

    #[test]
    fn composite_cell_parts() {
        let t = Threshold::parse("职工86").unwrap();
        assert_eq!(
            (t.op, t.value, t.label.as_deref()),
            (Op::Reach, Some(dec!(86)), Some("职工"))
        );
        let t = Threshold::parse("职工≥86%").unwrap();
        assert_eq!(
            (t.op, t.value, t.label.as_deref()),
            (Op::Ge, Some(dec!(86)), Some("职工"))
        );
        assert_eq!(
            Threshold::parse("新增两个").unwrap().label.as_deref(),
            Some("新增")
        );
        type Part<'a> = (&'a str, Op, Decimal);
        let cells: &[(&str, &[Part])] = &[
            (
                "职工86、城乡居民70",
                &[
                    ("职工", Op::Reach, dec!(86)),
                    ("城乡居民", Op::Reach, dec!(70)),
                ],
            ),
            (
                "职工≥86%；城乡居民≥70%",
                &[("职工", Op::Ge, dec!(86)), ("城乡居民", Op::Ge, dec!(70))],
            ),
            (
                "城镇 5.5, 农村 3",
                &[("城镇", Op::Reach, dec!(5.5)), ("农村", Op::Reach, dec!(3))],
            ),
            (
                "男性不低于80岁，女性不低于85岁",
                &[("男性", Op::Ge, dec!(80)), ("女性", Op::Ge, dec!(85))],
            ),
        ];
        for (cell, want) in cells {
            let parts = Threshold::read_cell(cell).unwrap_or_else(|e| panic!("{cell}: {e}"));
            let got: Vec<_> = parts
                .iter()
                .map(|(_, r)| {
                    let t = &r.threshold;
                    (
                        t.label.clone().unwrap_or_default(),
                        t.op,
                        t.value.unwrap_or_default(),
                    )
                })
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(l, o, v)| (l.to_string(), *o, *v))
                .collect();
            assert_eq!(got, want, "{cell}");
        }
        // A single target is one part; a cell whose parts have no labels is not composite.
        assert_eq!(Threshold::read_cell("≥85").unwrap().len(), 1);
        assert!(Threshold::read_cell("86、70").is_err());
    }

    /// Civil Code art. 1259 and every operator word of DESIGN.md, in the phrasing of county
    /// plans across the province (not only the five in the repository).
    #[test]
    fn legal_phrasing() {
        check(&[
            // ≥: 以上 and 届满 include the number; 不低于, 不少于, 至少.
            ("达到5.55个以上", Op::Ge, dec!(5.55), Some("个")),
            ("5.55个以上", Op::Ge, dec!(5.55), Some("个")),
            ("70%以上", Op::Ge, dec!(70), Some("%")),
            ("187人次以上", Op::Ge, dec!(187), Some("人次")),
            ("不低于95%", Op::Ge, dec!(95), Some("%")),
            ("不少于3所", Op::Ge, dec!(3), Some("所")),
            ("不小于10平方米", Op::Ge, dec!(10), Some("平方米")),
            ("不得低于80%", Op::Ge, dec!(80), Some("%")),
            ("保持在95%以上", Op::Ge, dec!(95), Some("%")),
            ("稳定在98%以上", Op::Ge, dec!(98), Some("%")),
            ("持续保持在90%以上", Op::Ge, dec!(90), Some("%")),
            ("力争达到90%以上", Op::Ge, dec!(90), Some("%")),
            ("确保不低于85%", Op::Ge, dec!(85), Some("%")),
            ("累计达到5万人以上", Op::Ge, dec!(5), Some("万人")),
            ("达到80%(含)以上", Op::Ge, dec!(80), Some("%")),
            ("达到80%（含）以上", Op::Ge, dec!(80), Some("%")),
            ("90%及以上", Op::Ge, dec!(90), Some("%")),
            ("95%或以上", Op::Ge, dec!(95), Some("%")),
            ("达到90 %以上", Op::Ge, dec!(90), Some("%")),
            ("达到 5.55 个以上", Op::Ge, dec!(5.55), Some("个")),
            ("4.1平方米以上", Op::Ge, dec!(4.1), Some("平方米")),
            ("至少1家", Op::Ge, dec!(1), Some("家")),
            ("年满60周岁", Op::Ge, dec!(60), Some("周岁")),
            ("满18周岁", Op::Ge, dec!(18), Some("周岁")),
            ("60周岁及以上", Op::Ge, dec!(60), Some("周岁")),
            ("150亿以上", Op::Ge, dec!(150), Some("亿")),
            ("百亿以上", Op::Ge, dec!(100), Some("亿")),
            // >: 超过, 超, 高于, 多于, 突破, 逾, 以外 exclude the number.
            ("超过90%", Op::Gt, dec!(90), Some("%")),
            ("高于85%", Op::Gt, dec!(85), Some("%")),
            ("多于3个", Op::Gt, dec!(3), Some("个")),
            ("大于10", Op::Gt, dec!(10), None),
            ("突破770亿元", Op::Gt, dec!(770), Some("亿元")),
            ("超百亿以上", Op::Gt, dec!(100), Some("亿")),
            ("超1000万元", Op::Gt, dec!(1000), Some("万元")),
            ("超过1万人次以上", Op::Gt, dec!(1), Some("万人次")),
            ("逾5万人", Op::Gt, dec!(5), Some("万人")),
            ("超出3个百分点", Op::Gt, dec!(3), Some("个百分点")),
            ("5公里以外", Op::Gt, dec!(5), Some("公里")),
            // ≤: 以下 and 以内 include the number; 不超过, 不高于, 控制在, 降至, 压缩至.
            ("5%以下", Op::Le, dec!(5), Some("%")),
            ("1‰以下", Op::Le, dec!(1), Some("‰")),
            ("控制在5%以内", Op::Le, dec!(5), Some("%")),
            ("控制在8%以下", Op::Le, dec!(8), Some("%")),
            ("控制在5.5%", Op::Le, dec!(5.5), Some("%")),
            ("控制在1‰以内", Op::Le, dec!(1), Some("‰")),
            ("不超过30分钟", Op::Le, dec!(30), Some("分钟")),
            ("不高于10%", Op::Le, dec!(10), Some("%")),
            ("不多于40人", Op::Le, dec!(40), Some("人")),
            ("最多2次", Op::Le, dec!(2), Some("次")),
            ("降至8.5%", Op::Le, dec!(8.5), Some("%")),
            ("下降到6‰以下", Op::Le, dec!(6), Some("‰")),
            ("压缩至3个工作日", Op::Le, dec!(3), Some("个工作日")),
            ("缩短至15分钟以内", Op::Le, dec!(15), Some("分钟")),
            ("15分钟内", Op::Le, dec!(15), Some("分钟")),
            ("3岁以下", Op::Le, dec!(3), Some("岁")),
            ("缩小到1.9:1", Op::Le, dec!(1.9), None),
            // <: 不满, 低于, 少于, 不足, 未满 exclude the number.
            ("低于5%", Op::Lt, dec!(5), Some("%")),
            ("低于0.5‰", Op::Lt, dec!(0.5), Some("‰")),
            ("少于10个", Op::Lt, dec!(10), Some("个")),
            ("少于9分钟", Op::Lt, dec!(9), Some("分钟")),
            ("不满60岁", Op::Lt, dec!(60), Some("岁")),
            ("不满18周岁", Op::Lt, dec!(18), Some("周岁")),
            ("未满6周岁", Op::Lt, dec!(6), Some("周岁")),
            ("不足1%", Op::Lt, dec!(1), Some("%")),
            ("小于0.5‰", Op::Lt, dec!(0.5), Some("‰")),
            // ≈: 左右, 约, 近, 上下.
            ("约200人", Op::Approx, dec!(200), Some("人")),
            ("200人左右", Op::Approx, dec!(200), Some("人")),
            ("稳定在90%左右", Op::Approx, dec!(90), Some("%")),
            ("控制在5%左右", Op::Approx, dec!(5), Some("%")),
            ("近1000万元", Op::Approx, dec!(1000), Some("万元")),
            ("将近50%", Op::Approx, dec!(50), Some("%")),
            ("大约3万人次", Op::Approx, dec!(3), Some("万人次")),
            ("80%上下", Op::Approx, dec!(80), Some("%")),
            ("达到约90%", Op::Approx, dec!(90), Some("%")),
            // Reach: a bare number or a verb of reaching; the catalog's direction decides.
            ("达到17000元", Op::Reach, dec!(17000), Some("元")),
            ("15000元", Op::Reach, dec!(15000), Some("元")),
            ("提高到83岁", Op::Reach, dec!(83), Some("岁")),
            ("提高到810元/月", Op::Reach, dec!(810), Some("元/月")),
            ("增至650个", Op::Reach, dec!(650), Some("个")),
            ("增长至650个", Op::Reach, dec!(650), Some("个")),
            ("提升至92%", Op::Reach, dec!(92), Some("%")),
            ("力争达到86", Op::Reach, dec!(86), None),
            ("1.36万套", Op::Reach, dec!(1.36), Some("万套")),
            ("810元/月", Op::Reach, dec!(810), Some("元/月")),
            ("新增两个", Op::Reach, dec!(2), Some("个")),
            ("１００％", Op::Reach, dec!(100), Some("％")),
            ("达到100万", Op::Reach, dec!(100), Some("万")),
            ("100%覆盖", Op::Reach, dec!(100), Some("%")),
            ("实现100%覆盖", Op::Reach, dec!(100), Some("%")),
            ("率达100%", Op::Reach, dec!(100), Some("%")),
        ]);
    }

    /// The phrase corpus (tests/parser/phrases.tsv): targets and table cells from other
    /// counties' and the state's plans, each with the reading qyx must give. Every row that
    /// fails is listed, with the pass count, so that a change of rules shows what it costs.
    #[test]
    fn phrase_corpus() {
        let corpus = include_str!("../tests/parser/phrases.tsv");
        let mut failures = Vec::new();
        let mut total = 0;
        for (n, line) in corpus.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            total += 1;
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 7, "line {}: {line:?}", n + 1);
            let [phrase, op, value, unit, label, relative, _source] = cols[..] else {
                unreachable!()
            };
            if let Some(problem) = corpus_row(phrase, op, value, unit, label, relative) {
                failures.push(format!("line {}: {phrase:?}: {problem}", n + 1));
            }
        }
        assert!(total >= 200, "the corpus has {total} phrases");
        assert!(
            failures.is_empty(),
            "{} of {total} phrases read right; wrong:\n{}",
            total - failures.len(),
            failures.join("\n")
        );
    }

    /// What is wrong with the reading of one corpus row, if anything.
    fn corpus_row(
        phrase: &str,
        op: &str,
        value: &str,
        unit: &str,
        label: &str,
        relative: &str,
    ) -> Option<String> {
        let read = Threshold::read(phrase);
        if op == "refuse" {
            return match read {
                Err(e) if e.message.contains(value) => None,
                Err(e) => Some(format!("refused, but with `{e}`")),
                Ok(r) => Some(format!(
                    "read as {} (expected a refusal)",
                    r.threshold.display()
                )),
            };
        }
        let r = match read {
            Ok(r) => r,
            Err(e) => return Some(format!("refused: {e}")),
        };
        let t = &r.threshold;
        let got_value = match (t.value, t.high) {
            (Some(l), Some(h)) => format!("{l}..{h}"),
            (Some(v), None) => v.to_string(),
            _ => "-".into(),
        };
        let got_rel = r.relative.as_ref().map_or("-".to_string(), |x| {
            format!(
                "{}{}",
                x.change.name(),
                x.base.as_ref().map(|b| format!("@{b}")).unwrap_or_default()
            )
        });
        let got = (
            t.op.name(),
            got_value,
            t.unit.clone().unwrap_or("-".into()),
            got_rel,
        );
        let want = (
            match op {
                "~" | "≈" => "~",
                o => o,
            },
            value.to_string(),
            unit.to_string(),
            relative.to_string(),
        );
        let label_ok = label == "*" || t.label.as_deref().unwrap_or("-") == label;
        if got.0 != want.0 || got.1 != want.1 || got.2 != want.2 || got.3 != want.3 || !label_ok {
            return Some(format!(
                "got {got:?} label {:?}, want {want:?} label {label:?}",
                t.label
            ));
        }
        None
    }

    /// Words before the target are its label; the parser finds where the label ends.
    #[test]
    fn labels_before_the_target() {
        let cases: &[(&str, &str, Op, Decimal, Option<&str>)] = &[
            (
                "每千人口拥有3岁以下婴幼儿托位数达到4.5个",
                "每千人口拥有3岁以下婴幼儿托位数",
                Op::Reach,
                dec!(4.5),
                Some("个"),
            ),
            (
                "人均预期寿命达到83岁以上",
                "人均预期寿命",
                Op::Ge,
                dec!(83),
                Some("岁"),
            ),
            ("三级医院5家", "三级医院", Op::Reach, dec!(5), Some("家")),
            ("覆盖率为95%", "覆盖率", Op::Reach, dec!(95), Some("%")),
            (
                "重点人群签约90%",
                "重点人群签约",
                Op::Reach,
                dec!(90),
                Some("%"),
            ),
            ("每年新增5所", "每年新增", Op::Reach, dec!(5), Some("所")),
            ("城乡居民不低于70%", "城乡居民", Op::Ge, dec!(70), Some("%")),
            (
                "到2025年达到90%",
                "到2025年",
                Op::Reach,
                dec!(90),
                Some("%"),
            ),
            (
                "每千人口4.5张",
                "每千人口",
                Op::Reach,
                dec!(4.5),
                Some("张"),
            ),
        ];
        for (input, label, op, value, unit) in cases {
            let t = Threshold::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(
                (t.label.as_deref(), t.op, t.value, t.unit.as_deref()),
                (Some(*label), *op, Some(*value), *unit),
                "{input:?}"
            );
        }
        let r = Threshold::read("每年新增5所").unwrap();
        assert_eq!(r.qualifiers, ["每年"]);
        let r = Threshold::read("累计达到5万人以上").unwrap();
        assert_eq!(r.qualifiers, ["累计"]);
        assert_eq!(r.op_words, ["达到", "以上"]);
    }

    /// Chinese numerals wherever a number can stand, read exactly.
    #[test]
    fn chinese_numerals() {
        check(&[
            ("五", Op::Reach, dec!(5), None),
            ("十二个", Op::Reach, dec!(12), Some("个")),
            ("二十五家", Op::Reach, dec!(25), Some("家")),
            ("三百六十人", Op::Reach, dec!(360), Some("人")),
            ("一百零五", Op::Reach, dec!(105), None),
            ("十万人次", Op::Reach, dec!(10), Some("万人次")),
            ("1.5万人", Op::Reach, dec!(1.5), Some("万人")),
            ("二〇二七", Op::Reach, dec!(2027), None),
            ("百分之九十五", Op::Reach, dec!(95), Some("百分之")),
            ("百分之百", Op::Reach, dec!(100), Some("百分之")),
            ("千分之五以下", Op::Le, dec!(5), Some("千分之")),
            ("千分之二点六", Op::Reach, dec!(2.6), Some("千分之")),
            ("万分之五", Op::Reach, dec!(5), Some("万分之")),
            // Not 10 ‱ (`十万` read as a number before `万分之`).
            ("控制在十万分之九以下", Op::Le, dec!(9), Some("十万分之")),
            ("十万分之十二", Op::Reach, dec!(12), Some("十万分之")),
            ("不少于二十个", Op::Ge, dec!(20), Some("个")),
            ("达到三千万元", Op::Reach, dec!(3000), Some("万元")),
            ("两千人以上", Op::Ge, dec!(2000), Some("人")),
            ("年满六十周岁", Op::Ge, dec!(60), Some("周岁")),
            ("新增一所", Op::Reach, dec!(1), Some("所")),
            ("三点五个百分点", Op::Reach, dec!(3.5), Some("个百分点")),
        ]);
    }

    /// Every unit family, with magnitude and period.
    #[test]
    fn units_with_magnitude_and_period() {
        check(&[
            ("不满18周岁", Op::Lt, dec!(18), Some("周岁")),
            ("6个月", Op::Reach, dec!(6), Some("个月")),
            ("3个工作日以内", Op::Le, dec!(3), Some("个工作日")),
            ("7天", Op::Reach, dec!(7), Some("天")),
            ("24小时", Op::Reach, dec!(24), Some("小时")),
            ("12次/年", Op::Reach, dec!(12), Some("次/年")),
            ("3万人次/年", Op::Reach, dec!(3), Some("万人次/年")),
            ("4.5张/千人口", Op::Reach, dec!(4.5), Some("张/千人口")),
            (
                "不少于35人/万名老年人",
                Op::Ge,
                dec!(35),
                Some("人/万名老年人"),
            ),
            ("5.2人/万人", Op::Reach, dec!(5.2), Some("人/万人")),
            ("30例/十万人以下", Op::Le, dec!(30), Some("例/十万人")),
            ("2.49万元/人", Op::Reach, dec!(2.49), Some("万元/人")),
            ("1200元/人·年", Op::Reach, dec!(1200), Some("元/人·年")),
            ("50万平方米", Op::Reach, dec!(50), Some("万平方米")),
            ("35微克/立方米以下", Op::Le, dec!(35), Some("微克/立方米")),
            // A unit in brackets after the figure (a key-value line's `2023年完成值：4.1（个）`).
            ("4.1（个）", Op::Reach, dec!(4.1), Some("个")),
            ("≥4.6（个）", Op::Ge, dec!(4.6), Some("个")),
            ("1.02（万人）", Op::Reach, dec!(1.02), Some("万人")),
            ("2150（套（间））", Op::Reach, dec!(2150), Some("套（间）")),
            ("≥1330(元/月)", Op::Ge, dec!(1330), Some("元/月")),
            ("≥83.2（岁）", Op::Ge, dec!(83.2), Some("岁")),
            // Brackets holding a note stay a note.
            ("≥85%（省定）", Op::Ge, dec!(85), Some("%")),
            ("100（动态）", Op::Reach, dec!(100), None),
        ]);
        assert_eq!(Threshold::parse("4.1（个以上）").unwrap().unit, None);
    }

    /// A ratio is the figure per one; a time, a score without the words of a ratio, and a map's
    /// scale are none.
    #[test]
    fn ratios() {
        let cases = [
            (dec!(1), dec!(1.2), false, Some(dec!(1.2))),
            (dec!(1), dec!(1.15), true, Some(dec!(1.15))),
            (dec!(1), dec!(2), true, Some(dec!(2))),
            (dec!(1.9), dec!(1), true, Some(dec!(1.9))),
            (dec!(1), dec!(1), true, Some(dec!(1))),
            // A time, a score, a scale.
            (dec!(10), dec!(12), true, None),
            (dec!(1), dec!(30), false, None),
            (dec!(2), dec!(1), false, None),
            (dec!(1), dec!(500000), true, None),
            (dec!(1), dec!(0), true, None),
        ];
        for (a, b, named, want) in cases {
            assert_eq!(ratio_figure(a, b, named), want, "{a}:{b} {named}");
        }
        check(&[
            ("1:1.05", Op::Reach, dec!(1.05), None),
            ("达到1:1.2", Op::Reach, dec!(1.2), None),
            ("不低于1：1.15", Op::Ge, dec!(1.15), None),
            ("1:2", Op::Reach, dec!(2), None),
            ("缩小到2.0:1以内", Op::Le, dec!(2.0), None),
        ]);
        for scale in ["1:500000", "10:12", "1:0"] {
            assert!(Threshold::parse(scale).is_err(), "{scale}");
        }
    }

    #[test]
    fn ranges() {
        for (s, lo, hi, unit) in [
            ("2—3个", dec!(2), dec!(3), Some("个")),
            ("2-3个", dec!(2), dec!(3), Some("个")),
            ("2~3个", dec!(2), dec!(3), Some("个")),
            ("2～3个", dec!(2), dec!(3), Some("个")),
            ("2至3个", dec!(2), dec!(3), Some("个")),
            ("2到3个", dec!(2), dec!(3), Some("个")),
            ("2个至3个", dec!(2), dec!(3), Some("个")),
            ("1～2所", dec!(1), dec!(2), Some("所")),
            ("80%—85%", dec!(80), dec!(85), Some("%")),
            ("在80%—90%之间", dec!(80), dec!(90), Some("%")),
            ("1.5万—2万人", dec!(1.5), dec!(2), Some("万人")),
            ("两至三个", dec!(2), dec!(3), Some("个")),
            ("百分之八十至九十", dec!(80), dec!(90), Some("百分之")),
            ("达到2—3个", dec!(2), dec!(3), Some("个")),
        ] {
            let t = Threshold::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
            assert_eq!(
                (t.op, t.value, t.high, t.unit.as_deref()),
                (Op::Range, Some(lo), Some(hi), unit),
                "{s:?}"
            );
        }
    }

    /// Where the operator came from: the words, or the bare-number rule.
    #[test]
    fn sources_of_a_reading() {
        let r = Threshold::read("94. 5").unwrap();
        assert_eq!(r.op_source(), Source::Rule);
        assert_eq!(r.value_text.as_deref(), Some("94. 5"));
        assert_eq!(r.unit_source(), Source::Default);
        let r = Threshold::read("1‰以下").unwrap();
        assert_eq!(r.op_source(), Source::Text("以下".into()));
        assert_eq!(r.unit_source(), Source::Text("‰".into()));
        let r = Threshold::read("超百亿以上").unwrap();
        assert_eq!(r.op_source(), Source::Text("超…以上".into()));
        assert!(r.note.is_some_and(|n| n.contains("超")));
        let r = Threshold::read("2至3个").unwrap();
        assert_eq!(r.op_source(), Source::Text("至".into()));
    }

    #[test]
    fn errors_name_the_position() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 1, "empty target"),
            ("   ", 1, "empty target"),
            (">", 2, "expected a number after the operator"),
            ("≥abc", 2, "expected a number, found `abc`"),
            ("85分钟xyz", 5, "unexpected `xyz` after the number"),
            ("超过5以下", 4, "contradicts"),
            ("达到", 3, "expected a number after the operator"),
            ("不建成", 1, "denies a milestone"),
        ];
        for (input, col, msg) in cases {
            let err = Threshold::parse(input).unwrap_err();
            assert_eq!(err.column, *col, "{input:?}: {err}");
            assert!(err.message.contains(msg), "{input:?}: {err}");
        }
    }

    /// Every way a target can fail to read, with the message a user sees, pinned in one place.
    #[test]
    fn error_table() {
        let long = "1".repeat(MAX_TARGET_CHARS + 1);
        let digits = format!("0.{}1", "0".repeat(32));
        let inputs = [
            "",
            "   ",
            ">",
            "≥",
            "≥abc",
            "abc",
            "高于全省平均",
            "不低于全省平均水平",
            "85分钟xyz",
            "超过5以下",
            "不低于5%左右",
            "3—2个",
            "2—3个以上",
            "2个—3所",
            "不低于",
            "达到",
            "达到约",
            "不建成",
            "未完成",
            "５５ｘ",
            "1.2.3",
            "%",
            "＞＞70",
            "94.",
            "--5",
            "- 5",
            "1000000000000000000000000000000",
            digits.as_str(),
            "九千九百九十九亿亿亿亿",
            "86、70",
            "每千人口",
            "5盎司",
            "比2022年提高5个百分点",
            "增长5%左右",
            "翻一番",
            "12天/周年",
            long.as_str(),
        ];
        let table: String = inputs
            .iter()
            .map(|i| {
                let shown: String = i.chars().take(40).collect();
                match Threshold::parse(i) {
                    Ok(t) => format!("{shown:?} => ok {} ({})\n", t.display(), t.op.name()),
                    Err(e) => format!("{shown:?} => {e}\n"),
                }
            })
            .collect();
        insta::assert_snapshot!(table);
    }

    #[test]
    fn resolve_and_judge_at_the_edges() {
        let t = |s: &str, b| Threshold::parse(s).unwrap().resolve(b);
        assert!(t("≥85", Better::Higher).is_met(dec!(85)));
        assert!(!t(">85", Better::Higher).is_met(dec!(85)));
        assert!(t(">85", Better::Higher).is_met(dec!(85.0001)));
        assert!(t("85", Better::Higher).is_met(dec!(85)));
        assert!(!t("85", Better::Higher).is_met(dec!(84.99)));
        assert!(t("5", Better::Lower).is_met(dec!(5)));
        assert!(!t("5", Better::Lower).is_met(dec!(5.01)));
        assert!(!t("< 5", Better::Lower).is_met(dec!(5)));
        assert!(t("2—3个", Better::Higher).is_met(dec!(3)));
        assert!(!t("2—3个", Better::Higher).is_met(dec!(4)));
        assert_eq!(t("4.3", Better::Lower).op, Op::Le);
        assert!(!t("负5", Better::Higher).is_met(dec!(-6)));
        assert!(t("−5", Better::Higher).is_met(dec!(5)));
    }

    mod properties {
        use super::*;
        use crate::unit::Unit;
        use proptest::prelude::*;

        /// Words and signs the parser knows, so that random phrases reach its deeper paths.
        const TOKENS: &[&str] = &[
            "达到",
            "以上",
            "以下",
            "不低于",
            "超",
            "超过",
            "近",
            "约",
            "左右",
            "控制在",
            "以内",
            "不满",
            "≥",
            "＞",
            "≤",
            "<",
            "~",
            "—",
            "-",
            "−",
            "负",
            "至",
            "到",
            "之间",
            "在",
            "5",
            "86",
            "94. 5",
            "0.5",
            "13,300",
            "１２",
            "二十五",
            "两",
            "十万",
            "百",
            "〇",
            "点",
            "亿",
            "万",
            "%",
            "‰",
            "个",
            "人次",
            "元/月",
            "/千人口",
            "/10万",
            "周岁",
            "个月",
            "职工",
            "城乡居民",
            "、",
            "；",
            "建成",
            "不",
            "一批",
            "百分之",
            "每",
            "(含)",
            "（",
            "）",
            ":1",
            " ",
            "累计",
            "每年",
            "力争",
            "签约",
        ];

        fn phrase() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(TOKENS), 0..14).prop_map(|t| t.concat())
        }

        /// Operator words before and after the number that agree with each other.
        const FRAMES: &[(&str, &str)] = &[
            ("", ""),
            ("≥", ""),
            ("达到", "以上"),
            ("不低于", ""),
            ("控制在", "以内"),
            ("", "以下"),
            ("低于", ""),
            ("超过", ""),
            ("约", ""),
            ("", "左右"),
            ("力争达到", ""),
        ];

        proptest! {
            // Random Unicode is slow to generate; the parser's own words (below) go deeper.
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn never_panics_on_any_text(s in "\\PC{0,240}") {
                let _ = Threshold::read_cell(&s);
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1000))]

            #[test]
            fn never_panics_on_its_own_words(s in phrase()) {
                let _ = Threshold::read_cell(&s);
            }

            #[test]
            fn numerals_never_panic(s in "[0-9一二两三四五六七八九十百千万亿零〇点., ]{0,40}") {
                let chars: Vec<char> = s.chars().collect();
                for i in 0..chars.len() {
                    let _ = crate::numeral::scan(&chars, i);
                }
                let _ = crate::numeral::parse_number(&s);
            }

            /// The value and unit read are the ones printed, and the normalised value in the
            /// unit's base describes the same amount.
            #[test]
            fn normalised_value_and_unit_describe_the_printed_amount(
                mantissa in 0i64..1_000_000_000,
                scale in 0u32..5,
                unit in prop::sample::select(crate::unit::doc_rows()),
                frame in prop::sample::select(FRAMES),
            ) {
                let (printed_unit, base, _) = unit;
                let value = Decimal::new(mantissa, scale);
                let text = format!("{}{value}{printed_unit}{}", frame.0, frame.1);
                let t = Threshold::parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
                prop_assert_eq!(t.value, Some(value), "{}", text);
                prop_assert_eq!(t.unit.as_deref(), Some(printed_unit.as_str()), "{}", text);
                let u = Unit::parse(&printed_unit).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(u.base(), base.as_str());
                let normalised = u.to_base(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let b = Unit::parse(u.base()).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(b.factor(), Decimal::ONE);
                prop_assert!(b.is_compatible(&u));
                let back = b.convert(normalised, &u).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(back.normalize(), value.normalize(), "{} = {}{}", text, normalised, u.base());
            }
        }
    }
}
