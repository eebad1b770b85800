//! Reads a target as a plan prints it — a table cell (`≥85`, `< 5`, `>63    `, `94. 5`, `/`,
//! `职工86`) or a prose phrase (`达到5.55个以上`, `控制在5%以内`, `2—3个`, `建成`) — into an operator, an
//! exact decimal and the unit as printed.
//!
//! The words follow the Civil Code of the PRC, art. 1259: 以上, 以下, 以内 include the number itself;
//! 不满, 超过 do not. A bare number (or 达到X) means "reach it" in the indicator's better direction,
//! which only the catalog knows, so it stays [`Op::Reach`] until [`Threshold::resolve`].

use crate::unit::unit_prefix_len;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

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
    ("大于等于", Op::Ge),
    ("大于或等于", Op::Ge),
    ("至少", Op::Ge),
    ("超过", Op::Gt),
    ("突破", Op::Gt),
    ("高于", Op::Gt),
    ("多于", Op::Gt),
    ("大于", Op::Gt),
    ("不超过", Op::Le),
    ("不高于", Op::Le),
    ("不多于", Op::Le),
    ("不大于", Op::Le),
    ("小于等于", Op::Le),
    ("小于或等于", Op::Le),
    ("控制在", Op::Le),
    ("最多", Op::Le),
    ("降低到", Op::Le),
    ("降低至", Op::Le),
    ("降至", Op::Le),
    ("缩小到", Op::Le),
    ("缩小至", Op::Le),
    ("降到", Op::Le),
    ("下降到", Op::Le),
    ("下降至", Op::Le),
    ("低于", Op::Lt),
    ("少于", Op::Lt),
    ("不满", Op::Lt),
    ("不足", Op::Lt),
    ("小于", Op::Lt),
    ("大约", Op::Approx),
    ("约", Op::Approx),
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
    ("稳定在", Op::Reach),
    ("保持在", Op::Reach),
    ("维持在", Op::Reach),
    ("保持", Op::Reach),
    ("为", Op::Reach),
];

const SYMBOL_OPS: &[(&str, Op)] = &[
    (">=", Op::Ge),
    ("=>", Op::Ge),
    ("≥", Op::Ge),
    ("≧", Op::Ge),
    ("⩾", Op::Ge),
    ("<=", Op::Le),
    ("=<", Op::Le),
    ("≤", Op::Le),
    ("≦", Op::Le),
    ("⩽", Op::Le),
    (">", Op::Gt),
    ("<", Op::Lt),
    ("≈", Op::Approx),
    ("~", Op::Approx),
    ("=", Op::Eq),
];

/// Words after the number that set the operator (Civil Code art. 1259).
pub(crate) const SUFFIXES: &[(&str, Op)] = &[
    ("(含)以上", Op::Ge),
    ("（含）以上", Op::Ge),
    ("(含)以下", Op::Le),
    ("（含）以下", Op::Le),
    ("及以上", Op::Ge),
    ("以上", Op::Ge),
    ("及以下", Op::Le),
    ("以下", Op::Le),
    ("以内", Op::Le),
    ("之内", Op::Le),
    ("左右", Op::Approx),
    // `100%覆盖`: the coverage verb after the number adds nothing to the level.
    ("覆盖", Op::Reach),
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

/// Words that are a milestone only as the whole target: `达到` alone (达到省级统筹), `是` in a
/// milestone's yes/no column; inside a longer phrase they mean something else.
const MILESTONE_ALONE: &[&str] = &["是", "已完成", "达到", "推进", "编制", "修订", "制定"];

const NO_TARGET: &[&str] = &["/", "—", "-", "－", "——", "无", "不设", "／"];

const RANGE_SEPARATORS: &[&str] = &["—", "–", "-", "－", "~", "至", "到"];

/// Folds full-width digits, letters and signs to ASCII, so that `＞７０` reads as `>70`.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' if c != '％' && c != '（' && c != '）' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    }
}

struct Cursor {
    chars: Vec<char>,
    pos: usize,
}

impl Cursor {
    fn rest(&self) -> String {
        self.chars[self.pos..].iter().collect()
    }
    fn skip_ws(&mut self) {
        while self.pos < self.chars.len() && self.chars[self.pos].is_whitespace() {
            self.pos += 1;
        }
    }
    fn eat_any<T: Copy>(&mut self, table: &[(&str, T)]) -> Option<T> {
        let mut best: Option<(&str, T)> = None;
        for (word, v) in table {
            let n = word.chars().count();
            if self.chars.len() >= self.pos + n
                && self.chars[self.pos..self.pos + n]
                    .iter()
                    .copied()
                    .eq(word.chars())
                && best.is_none_or(|(b, _)| b.chars().count() < n)
            {
                best = Some((word, *v));
            }
        }
        let (word, v) = best?;
        self.pos += word.chars().count();
        Some(v)
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }
    fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError {
            column: self.pos + 1,
            message: message.into(),
        }
    }
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Reads a decimal, tolerating the OCR spaces of `94. 5` and `95 . 5`, thousands separators
/// (`13,300`) and small Chinese numerals (`两`, `十二`).
fn number(c: &mut Cursor) -> Option<Decimal> {
    let start = c.pos;
    let mut text = String::new();
    let mut seen_dot = false;
    while let Some(ch) = c.peek() {
        if ch.is_ascii_digit() {
            text.push(ch);
            c.pos += 1;
        } else if ch == '.' && !seen_dot && !text.is_empty() {
            // A dot belongs to the number only when a digit follows, possibly after spaces.
            let mut look = c.pos + 1;
            while c.chars.get(look).is_some_and(|x| *x == ' ') {
                look += 1;
            }
            if c.chars.get(look).is_some_and(char::is_ascii_digit) {
                text.push('.');
                seen_dot = true;
                c.pos = look;
            } else {
                break;
            }
        } else if ch == ' ' && !text.is_empty() {
            // `95 . 5`: spaces before a dot that is followed by a digit.
            let mut look = c.pos;
            while c.chars.get(look).is_some_and(|x| *x == ' ') {
                look += 1;
            }
            if !seen_dot
                && c.chars.get(look) == Some(&'.')
                && c.chars[look + 1..]
                    .iter()
                    .find(|x| **x != ' ')
                    .is_some_and(char::is_ascii_digit)
            {
                c.pos = look;
            } else {
                break;
            }
        } else if ch == ',' && !seen_dot && !text.is_empty() {
            let next: Vec<char> = c.chars[c.pos + 1..].iter().take(4).copied().collect();
            if next.len() >= 3
                && next[..3].iter().all(char::is_ascii_digit)
                && next.get(3).is_none_or(|x| !x.is_ascii_digit())
            {
                c.pos += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if !text.is_empty() {
        return Decimal::from_str(&text).ok();
    }
    c.pos = start;
    // Small Chinese numerals: 两, 三, 十, 十二, 二十, 二十三.
    let mut value: u32 = 0;
    let mut any = false;
    if let Some(d) = c.peek().and_then(chinese_digit) {
        value = d;
        any = true;
        c.pos += 1;
    }
    // 百亿, 千万: a round number spelled as its magnitude.
    if !any
        && matches!(c.peek(), Some('百' | '千'))
        && matches!(c.chars.get(c.pos + 1), Some('万' | '亿'))
    {
        let v = if c.peek() == Some('百') { 100 } else { 1000 };
        c.pos += 1;
        return Some(Decimal::from(v));
    }
    if c.peek() == Some('十') {
        value = if any { value * 10 } else { 10 };
        any = true;
        c.pos += 1;
        if let Some(d) = c.peek().and_then(chinese_digit) {
            value += d;
            c.pos += 1;
        }
    }
    if any
        && c.peek()
            .is_some_and(|ch| unit_prefix_len(&ch.to_string()).is_some() || ch == '万')
    {
        Some(Decimal::from(value))
    } else {
        c.pos = start;
        None
    }
}

fn unit(c: &mut Cursor) -> Option<String> {
    let rest = c.rest();
    let Some(len) = unit_prefix_len(&rest) else {
        // `150亿`, `100万`: a magnitude whose base the indicator's unit supplies.
        let m = crate::unit::magnitude_prefix(&rest)?;
        c.pos += m.chars().count();
        return Some(m.to_string());
    };
    let u = &rest[..len];
    c.pos += u.chars().count();
    Some(u.to_string())
}

impl Threshold {
    /// Parses one target. See the module documentation for the forms it reads.
    pub fn parse(input: &str) -> Result<Threshold, ParseError> {
        let folded: String = input.chars().map(fold).collect();
        let mut c = Cursor {
            chars: folded.chars().collect(),
            pos: 0,
        };
        c.skip_ws();
        if c.at_end() {
            return Err(ParseError {
                column: 1,
                message: crate::tr!(
                    "目标为空: 应为数字、运算符、`/` 或里程碑",
                    "empty target: expected a number, an operator, `/` or a milestone"
                ),
            });
        }
        let trimmed = folded.trim();
        if NO_TARGET.contains(&trimmed) {
            return Ok(Threshold {
                op: Op::None,
                value: None,
                high: None,
                unit: None,
                label: None,
            });
        }
        if !trimmed.chars().any(|ch| ch.is_ascii_digit())
            && (MILESTONE_WORDS.iter().any(|w| trimmed.contains(w))
                || MILESTONE_ALONE.contains(&trimmed))
        {
            return Ok(Threshold {
                op: Op::Done,
                value: None,
                high: None,
                unit: None,
                label: None,
            });
        }

        let mut prefix = c.eat_any(SYMBOL_OPS).or_else(|| c.eat_any(WORD_OPS));
        let mut label = None;
        if prefix.is_none() {
            // A composite cell's part (`职工86`): words up to the number or an operator.
            let start = c.pos;
            while let Some(ch) = c.peek() {
                if ch.is_ascii_digit() || ch.is_whitespace() {
                    break;
                }
                let save = c.pos;
                if c.eat_any(SYMBOL_OPS).is_some() || c.eat_any(WORD_OPS).is_some() {
                    c.pos = save;
                    break;
                }
                if number(&mut c).is_some() {
                    c.pos = save;
                    break;
                }
                c.pos += 1;
            }
            if c.at_end() {
                return Err(ParseError {
                    column: start + 1,
                    message: crate::tr!(
                        "应为数字，却是 `{}`",
                        "expected a number, found `{}`",
                        trimmed
                    ),
                });
            }
            if c.chars[start..c.pos].iter().any(char::is_ascii_punctuation) {
                return Err(ParseError {
                    column: start + 1,
                    message: crate::tr!(
                        "应为数字，却是 `{}`",
                        "expected a number, found `{}`",
                        c.chars[start..].iter().collect::<String>().trim_end()
                    ),
                });
            }
            if c.pos > start {
                label = Some(c.chars[start..c.pos].iter().collect::<String>());
                c.skip_ws();
                prefix = c.eat_any(SYMBOL_OPS).or_else(|| c.eat_any(WORD_OPS));
            }
        }
        c.skip_ws();
        let value = number(&mut c).ok_or_else(|| {
            if c.at_end() && prefix.is_some() {
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
            }
        })?;
        c.skip_ws();
        // A ratio written `1.9:1` is the number before the colon.
        if c.eat_any(&[(":1", ()), ("：1", ())]).is_some() {
            c.skip_ws();
        }
        let mut unit_text = unit(&mut c);
        c.skip_ws();

        let mut high = None;
        let save = c.pos;
        if c.eat_any(
            &RANGE_SEPARATORS
                .iter()
                .map(|s| (*s, ()))
                .collect::<Vec<_>>(),
        )
        .is_some()
        {
            c.skip_ws();
            match number(&mut c) {
                Some(h) => {
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
                    c.skip_ws();
                    let second = unit(&mut c);
                    if unit_text.is_none() {
                        unit_text = second;
                    }
                }
                None => c.pos = save,
            }
        }
        c.skip_ws();
        let suffix = c.eat_any(SUFFIXES);
        c.skip_ws();
        // Trailing punctuation of a quoted clause is not part of the target.
        while c.peek().is_some_and(|ch| "。,，;；、".contains(ch)) {
            c.pos += 1;
        }
        if !c.at_end() {
            return Err(c.error(crate::tr!(
                "数字后有多余的 `{}`",
                "unexpected `{}` after the number",
                c.rest().trim_end()
            )));
        }

        let op = if high.is_some() {
            if prefix.is_some_and(|p| p != Op::Reach) || suffix.is_some_and(|s| s != Op::Approx) {
                return Err(ParseError {
                    column: 1,
                    message: crate::tr!("范围不能带运算符", "a range takes no operator"),
                });
            }
            Op::Range
        } else {
            match (prefix, suffix) {
                (None | Some(Op::Reach), Some(s)) => s,
                (Some(p), None) => p,
                (None, None) => Op::Reach,
                (Some(p), Some(s)) if p == s || p.direction() == s.direction() => p,
                (Some(p), Some(s)) => {
                    return Err(ParseError {
                        column: 1,
                        message: crate::tr!(
                            "运算符 `{}` 与后缀 `{}` 矛盾",
                            "operator `{}` contradicts suffix `{}`",
                            p.name(),
                            s.name()
                        ),
                    });
                }
            }
        };
        Ok(Threshold {
            op,
            value: Some(value),
            high,
            unit: unit_text,
            label,
        })
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

    fn p(
        s: &str,
    ) -> (
        Op,
        Option<Decimal>,
        Option<Decimal>,
        Option<String>,
        Option<String>,
    ) {
        let t = Threshold::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        (t.op, t.value, t.high, t.unit, t.label)
    }

    #[test]
    fn table_cells() {
        let u = |s: &str| Some(s.to_string());
        let cases: &[(&str, Op, Option<Decimal>, Option<String>)] = &[
            ("≥85", Op::Ge, Some(dec!(85)), None),
            (">70", Op::Gt, Some(dec!(70)), None),
            ("< 5", Op::Lt, Some(dec!(5)), None),
            (">63    ", Op::Gt, Some(dec!(63)), None),
            ("4.3", Op::Reach, Some(dec!(4.3)), None),
            ("94. 5", Op::Reach, Some(dec!(94.5)), None),
            ("95 . 5", Op::Reach, Some(dec!(95.5)), None),
            ("93.0", Op::Reach, Some(dec!(93.0)), None),
            (">0.867", Op::Gt, Some(dec!(0.867)), None),
            (">13300", Op::Gt, Some(dec!(13300)), None),
            (">17000", Op::Gt, Some(dec!(17000)), None),
            ("＞７０", Op::Gt, Some(dec!(70)), None),
            ("≧８５", Op::Ge, Some(dec!(85)), None),
            ("⩽5", Op::Le, Some(dec!(5)), None),
            (">=85", Op::Ge, Some(dec!(85)), None),
            ("<=5", Op::Le, Some(dec!(5)), None),
            ("＜ 5", Op::Lt, Some(dec!(5)), None),
            ("13,300", Op::Reach, Some(dec!(13300)), None),
            ("1.33万元", Op::Reach, Some(dec!(1.33)), u("万元")),
            ("86%", Op::Reach, Some(dec!(86)), u("%")),
            ("86％", Op::Reach, Some(dec!(86)), u("％")),
        ];
        for (input, op, value, unit) in cases {
            let (o, v, _, un, _) = p(input);
            assert_eq!((o, v, un), (*op, *value, unit.clone()), "{input:?}");
        }
    }

    #[test]
    fn no_target_and_milestones() {
        for s in ["/", " / ", "—", "／"] {
            assert_eq!(p(s).0, Op::None, "{s:?}");
        }
        for s in [
            "建成",
            "创成",
            "实现全覆盖",
            "全覆盖",
            "完成",
            "是",
            "已完成",
        ] {
            assert_eq!(p(s).0, Op::Done, "{s:?}");
        }
    }

    #[test]
    fn composite_cell_parts() {
        let (op, v, _, _, label) = p("职工86");
        assert_eq!(
            (op, v, label.as_deref()),
            (Op::Reach, Some(dec!(86)), Some("职工"))
        );
        let (op, v, _, _, label) = p("城乡居民70");
        assert_eq!(
            (op, v, label.as_deref()),
            (Op::Reach, Some(dec!(70)), Some("城乡居民"))
        );
        let (op, v, _, _, label) = p("职工≥86%");
        assert_eq!(
            (op, v, label.as_deref()),
            (Op::Ge, Some(dec!(86)), Some("职工"))
        );
        assert_eq!(p("新增两个").4.as_deref(), Some("新增"));
    }

    /// Civil Code art. 1259: 以上/以下/以内 include the number; 超过/不满 do not.
    #[test]
    fn legal_phrasing() {
        let cases: &[(&str, Op, Decimal, Option<&str>)] = &[
            ("达到5.55个以上", Op::Ge, dec!(5.55), Some("个")),
            ("5.55个以上", Op::Ge, dec!(5.55), Some("个")),
            ("70%以上", Op::Ge, dec!(70), Some("%")),
            ("187人次以上", Op::Ge, dec!(187), Some("人次")),
            ("不低于95%", Op::Ge, dec!(95), Some("%")),
            ("不少于3所", Op::Ge, dec!(3), Some("所")),
            ("保持在95%以上", Op::Ge, dec!(95), Some("%")),
            ("5%以下", Op::Le, dec!(5), Some("%")),
            ("控制在5%以内", Op::Le, dec!(5), Some("%")),
            ("控制在5.5%", Op::Le, dec!(5.5), Some("%")),
            ("不超过30分钟", Op::Le, dec!(30), Some("分钟")),
            ("不高于10%", Op::Le, dec!(10), Some("%")),
            ("超过90%", Op::Gt, dec!(90), Some("%")),
            ("低于5%", Op::Lt, dec!(5), Some("%")),
            ("少于10个", Op::Lt, dec!(10), Some("个")),
            ("不满60岁", Op::Lt, dec!(60), Some("岁")),
            ("约200人", Op::Approx, dec!(200), Some("人")),
            ("200人左右", Op::Approx, dec!(200), Some("人")),
            ("达到17000元", Op::Reach, dec!(17000), Some("元")),
            ("15000元", Op::Reach, dec!(15000), Some("元")),
            ("提高到83岁", Op::Reach, dec!(83), Some("岁")),
            ("降至8.5%", Op::Le, dec!(8.5), Some("%")),
            ("1.36万套", Op::Reach, dec!(1.36), Some("万套")),
            ("810元/月", Op::Reach, dec!(810), Some("元/月")),
            ("4.1平方米以上", Op::Ge, dec!(4.1), Some("平方米")),
            // 新增 is a verb, not an operator: it is kept as a label (see composite_cell_parts).
            ("新增两个", Op::Reach, dec!(2), Some("个")),
            ("达到 5.55 个以上", Op::Ge, dec!(5.55), Some("个")),
            ("１００％", Op::Reach, dec!(100), Some("％")),
            ("5‰以下", Op::Le, dec!(5), Some("‰")),
            ("达到80%(含)以上", Op::Ge, dec!(80), Some("%")),
            ("达到90 %以上", Op::Ge, dec!(90), Some("%")),
            ("至少1家", Op::Ge, dec!(1), Some("家")),
            ("增长至650个", Op::Reach, dec!(650), Some("个")),
            ("突破770亿元", Op::Gt, dec!(770), Some("亿元")),
            ("150亿以上", Op::Ge, dec!(150), Some("亿")),
            ("百亿以上", Op::Ge, dec!(100), Some("亿")),
            ("达到100万", Op::Reach, dec!(100), Some("万")),
            ("100%覆盖", Op::Reach, dec!(100), Some("%")),
            ("缩小到1.9:1", Op::Le, dec!(1.9), None),
        ];
        for (input, op, value, unit) in cases {
            let (o, v, _, un, _) = p(input);
            assert_eq!(
                (o, v, un.as_deref()),
                (*op, Some(*value), *unit),
                "{input:?}"
            );
        }
    }

    #[test]
    fn ranges() {
        for (s, lo, hi, unit) in [
            ("2—3个", dec!(2), dec!(3), Some("个")),
            ("2-3个", dec!(2), dec!(3), Some("个")),
            ("2个至3个", dec!(2), dec!(3), Some("个")),
            ("1～2所", dec!(1), dec!(2), Some("所")),
            ("80%—85%", dec!(80), dec!(85), Some("%")),
        ] {
            let (op, v, h, u, _) = p(s);
            assert_eq!(
                (op, v, h, u.as_deref()),
                (Op::Range, Some(lo), Some(hi), unit),
                "{s:?}"
            );
        }
        let err = Threshold::parse("3—2个").unwrap_err();
        assert!(err.message.contains("backwards"), "{err}");
    }

    #[test]
    fn errors_name_the_position() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 1, "empty target"),
            ("   ", 1, "empty target"),
            (">", 2, "expected a number after the operator"),
            ("≥abc", 2, "expected a number, found `abc`"),
            ("85分钟xyz", 5, "unexpected `xyz` after the number"),
            ("超过5以下", 1, "contradicts"),
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
        let inputs = [
            "",
            "   ",
            ">",
            "≥",
            "≥abc",
            "abc",
            "高于全省平均",
            "85分钟xyz",
            "超过5以下",
            "3—2个",
            "2—3个以上",
            "不低于",
            "达到约",
            "５５ｘ",
            "1.2.3",
            "%",
            "＞＞70",
            "94.",
            "--5",
        ];
        let table: String = inputs
            .iter()
            .map(|i| match Threshold::parse(i) {
                Ok(t) => format!("{i:?} => ok {} ({})\n", t.display(), t.op.name()),
                Err(e) => format!("{i:?} => {e}\n"),
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
    }
}
