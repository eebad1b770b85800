//! Units as the plans print them (`万人次`, `元/月`, `套(间)`, `%`, `‰`, `周岁`, `张/千人口`),
//! reduced to a base and an exact factor so that `1.33万元` and `13300元`, `810元/月` and
//! `9720元/年`, or `5‰` and `0.5%` compare as the same amount.
//!
//! A unit is an optional magnitude (万, 亿, 千, 百, 十万 …), a base, and optionally a period
//! (`/月`, `/年`, `每季度`) or a population it is counted per (`/千人口`, `/万名老年人`). Each family
//! has one base, and every unit's factor turns a value into that base exactly; the table of every
//! spelling, base and factor is `doc_table` (tests), printed in docs/plan-format.md (a test keeps the two
//! the same). Two units are compatible only when they measure the same dimension: `%` against
//! `人` is an error, never a guess; so are conversions that are not exact (days into months).
//!
//! Money and flows with no period are a year's amount (how the plans state incomes, allowances
//! and service counts); a per-capita `/人` changes nothing (the indicator's own 人均 says so).

use rust_decimal::Decimal;
use std::fmt;

/// One spelling of a base: the family's dimension, the family's base and the factor into it.
struct Base {
    spellings: &'static [&'static str],
    /// The family's base: what a normalised value is expressed in.
    base: &'static str,
    dimension: &'static str,
    /// The factor into `base` as (mantissa, scale): `‰` is (1, 1) = 0.1 of a `%`.
    factor: (i64, u32),
}

const fn b(
    spellings: &'static [&'static str],
    base: &'static str,
    dimension: &'static str,
    factor: (i64, u32),
) -> Base {
    Base {
        spellings,
        base,
        dimension,
        factor,
    }
}

/// A count of things: its own dimension, its own base, factor 1.
const fn count(spellings: &'static [&'static str], dimension: &'static str) -> Base {
    b(spellings, spellings[0], dimension, (1, 0))
}

/// Every base qyx knows, by family. Longer spellings are matched first, so `人次` wins over `人`,
/// `个月` over `个`, `分钟` over `分`, and `百分点` is never read as 百 × `分点`.
const BASES: &[Base] = &[
    b(&["%", "％", "百分比", "百分之"], "%", "ratio", (1, 0)),
    b(&["‰", "千分之"], "%", "ratio", (1, 1)),
    b(&["‱", "万分之"], "%", "ratio", (1, 2)),
    // 孕产妇死亡率 `十万分之九`: 9 per 100 000, as `9/10万` (a rate per population) is.
    b(&["十万分之"], "%", "ratio", (1, 3)),
    // 八成 is 80 %: a tenth, as the documents count shares in speech.
    b(&["成"], "%", "ratio", (10, 0)),
    b(
        &["百分点", "个百分点"],
        "百分点",
        "percentage-point",
        (1, 0),
    ),
    b(&["元"], "元", "money", (1, 0)),
    b(&["人次"], "人次", "person-time", (1, 0)),
    b(&["人", "名", "位"], "人", "person", (1, 0)),
    b(&["岁", "周岁"], "岁", "age", (1, 0)),
    b(&["年"], "年", "years", (1, 0)),
    b(&["个月"], "个月", "months", (1, 0)),
    b(&["天", "日"], "天", "days", (1, 0)),
    b(&["个工作日", "工作日"], "个工作日", "working-days", (1, 0)),
    b(&["分钟"], "分钟", "minutes", (1, 0)),
    b(&["小时"], "分钟", "minutes", (60, 0)),
    b(&["平方米", "㎡", "m²", "m2"], "平方米", "area", (1, 0)),
    b(
        &["平方公里", "km²", "km2"],
        "平方米",
        "area",
        (1_000_000, 0),
    ),
    b(&["公顷"], "平方米", "area", (10_000, 0)),
    b(&["亩"], "亩", "area-mu", (1, 0)),
    b(&["米"], "米", "length", (1, 0)),
    b(&["公里", "千米", "km"], "米", "length", (1_000, 0)),
    b(
        &[
            "微克/立方米",
            "μg/m³",
            "µg/m³",
            "μg/m3",
            "µg/m3",
            "ug/m³",
            "ug/m3",
        ],
        "微克/立方米",
        "concentration",
        (1, 0),
    ),
    b(&["吨"], "吨", "mass", (1, 0)),
    b(&["公斤", "千克", "kg"], "吨", "mass", (1, 3)),
    // 1.3万亿斤 of grain: a 斤 is half a kilogram.
    b(&["斤"], "吨", "mass", (5, 4)),
    count(&["个"], "count"),
    count(&["张"], "bed-or-sheet"),
    count(&["床"], "bed"),
    count(&["台"], "machine"),
    b(
        &["套(间)", "套（间）", "套", "间"],
        "套(间)",
        "dwelling",
        (1, 0),
    ),
    count(&["户"], "household"),
    count(&["户次"], "household-time"),
    count(&["所"], "institution"),
    count(&["家"], "organisation"),
    count(&["项"], "item"),
    count(&["次"], "time"),
    count(&["场次"], "event-time"),
    count(&["件"], "case"),
    count(&["件次"], "case-time"),
    count(&["分"], "score"),
    count(&["座"], "building"),
    count(&["幢", "栋"], "building-block"),
    count(&["处"], "site"),
    count(&["条"], "line"),
    count(&["支"], "team"),
    count(&["场"], "event"),
    count(&["批"], "batch"),
    count(&["种"], "kind"),
    count(&["册"], "volume"),
    count(&["本"], "book"),
    count(&["篇"], "article"),
    count(&["例"], "case-medical"),
    count(&["辆"], "vehicle"),
    count(&["个点"], "point"),
    count(&["倍"], "multiple"),
    count(&["类"], "category"),
    count(&["片"], "pitch"),
    count(&["株", "棵"], "plant"),
    count(&["份"], "copy"),
    count(&["门"], "course"),
    count(&["节"], "lesson"),
    count(&["课时", "学时"], "class-hour"),
    count(&["期"], "session"),
    count(&["届"], "edition"),
    count(&["组"], "group"),
    count(&["队"], "squad"),
    count(&["只"], "animal"),
    count(&["单"], "order"),
    count(&["块"], "piece"),
];

/// Shares in words, each with the sign a table prints for it: the number after the word is the
/// figure (`百分之九十` is 90 %, `千分之三` 3 ‰, `十万分之九` 9 per 100 000). The threshold parser
/// keeps the word as the unit, `extract` gives the sign; every word is a unit of [`BASES`].
pub(crate) const FRACTIONS: &[(&str, &str)] = &[
    ("百分之", "%"),
    ("千分之", "‰"),
    ("万分之", "‱"),
    ("十万分之", "/10万"),
];

/// Magnitudes before a base, longest first.
pub(crate) const MAGNITUDES: &[(&str, u32)] = &[
    ("万亿", 12),
    ("千万", 7),
    ("百万", 6),
    ("十万", 5),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
    ("百", 2),
];

/// Periods after a base, with how many of them make a year; `None`: not a fraction of a year
/// (`/天`), which stays a dimension of its own.
const PERIODS: &[(&str, Option<u32>, &str)] = &[
    ("/年", Some(1), "年"),
    ("每年", Some(1), "年"),
    ("/人·年", Some(1), "年"),
    ("/人/年", Some(1), "年"),
    ("/人年", Some(1), "年"),
    ("/半年", Some(2), "年"),
    ("/季度", Some(4), "年"),
    ("/季", Some(4), "年"),
    ("每季度", Some(4), "年"),
    ("/月", Some(12), "年"),
    ("每月", Some(12), "年"),
    ("/人·月", Some(12), "年"),
    ("/人/月", Some(12), "年"),
    ("/人月", Some(12), "年"),
    ("/周", None, "周"),
    ("每周", None, "周"),
    ("/天", None, "天"),
    ("/日", None, "天"),
    ("每天", None, "天"),
    ("每日", None, "天"),
];

/// Populations a count is stated per (`每千人口`, `/万名老年人`), with the one they are shown as.
/// The general population, however printed, is `人口`.
const POPULATIONS: &[(&str, &str)] = &[
    ("常住人口", "人口"),
    ("户籍人口", "人口"),
    ("人口", "人口"),
    ("居民", "人口"),
    ("人", "人口"),
    ("老年人口", "老年人"),
    ("老年人", "老年人"),
    ("老人", "老年人"),
    ("儿童", "儿童"),
    ("婴幼儿", "婴幼儿"),
    ("学生", "学生"),
    ("在校生", "学生"),
    ("职工", "职工"),
    ("活产", "活产"),
    ("户", "户"),
];

/// The population magnitude a per-population unit is normalised to: per thousand.
const PER_BASE: (&str, u32) = ("千", 3);

/// A parsed unit. `factor` turns a value in this unit into [`Unit::base`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    printed: String,
    base: String,
    dimension: String,
    factor: Decimal,
    /// The part of `factor` that a magnitude (万, 亿) and a period (/月) make.
    said: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitError {
    pub(crate) message: String,
}

impl fmt::Display for UnitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UnitError {}

/// What [`read`] found at the start of a text.
struct Reading {
    /// Bytes consumed.
    len: usize,
    base: String,
    dimension: String,
    factor: Decimal,
    /// The part of `factor` a magnitude before the base and a period after it make (see
    /// [`Unit::symbol_ratio`]).
    said: Decimal,
}

fn pow10(n: u32) -> Decimal {
    Decimal::from(10u64.pow(n))
}

fn longest<'a, T>(s: &str, items: impl Iterator<Item = (&'a str, T)>) -> Option<(&'a str, T)> {
    items
        .filter(|(sp, _)| s.starts_with(sp))
        .max_by_key(|(sp, _)| sp.len())
}

fn find_base(s: &str) -> Option<(&'static Base, usize)> {
    longest(
        s,
        BASES
            .iter()
            .flat_map(|b| b.spellings.iter().map(move |sp| (*sp, b))),
    )
    .map(|(sp, b)| (b, sp.len()))
}

fn magnitude(s: &str) -> Option<(&'static str, u32)> {
    longest(s, MAGNITUDES.iter().copied())
}

/// A population after `/` or `每`: `千人口`, `万名老年人`, `十万人`, `百户`, `人`. Returns the bytes
/// read, the magnitude's power and the population as shown.
fn population(s: &str) -> Option<(usize, u32, &'static str)> {
    let mut len = 0;
    let mut power = 0;
    // `10万`: a power of ten in digits before the magnitude.
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if let Some(zeros) = digits.strip_prefix('1')
        && zeros.chars().all(|c| c == '0')
        && zeros.len() <= 8
    {
        len += digits.len();
        power += zeros.len() as u32;
    } else if !digits.is_empty() {
        return None;
    }
    if let Some((m, p)) = magnitude(&s[len..]) {
        len += m.len();
        power += p;
    }
    for measure in ["名", "位"] {
        if s[len..].starts_with(measure) {
            len += measure.len();
            break;
        }
    }
    if power > 12 {
        return None;
    }
    match longest(&s[len..], POPULATIONS.iter().copied()) {
        Some((noun, shown)) => Some((len + noun.len(), power, shown)),
        // `/10万`, `人/万`: a magnitude alone counts the general population.
        None if power > 0 => Some((len, power, "人口")),
        None => None,
    }
}

/// A rate per population with nothing before the `/` (`1/10万`, `/千`): a ratio, in `%`.
fn rate(s: &str) -> Option<Reading> {
    let after = s.strip_prefix('/')?;
    let after_every = after.strip_prefix('每').unwrap_or(after);
    let (n, power, pop) = population(after_every)?;
    if power == 0 || pop != "人口" {
        return None;
    }
    Some(Reading {
        len: s.len() - after_every.len() + n,
        base: "%".into(),
        dimension: "ratio".into(),
        // One per 10ⁿ is 100/10ⁿ percent, exactly.
        factor: Decimal::ONE_HUNDRED / pow10(power),
        said: Decimal::ONE,
    })
}

/// Reads a unit at the start of `s`: magnitude, base, then a period or a population, taking the
/// reading that consumes the most (`百分点` is one base, `百人` is 百 × 人).
fn read(s: &str) -> Option<Reading> {
    if s.starts_with('/') {
        return rate(s);
    }
    let plain = find_base(s).map(|(b, n)| (0, n, b));
    let scaled =
        magnitude(s).and_then(|(m, p)| find_base(&s[m.len()..]).map(|(b, n)| (p, m.len() + n, b)));
    let (power, mut len, base) = match (plain, scaled) {
        (Some(p), Some(m)) => {
            if m.1 > p.1 {
                m
            } else {
                p
            }
        }
        (p, m) => p.or(m)?,
    };
    let mut factor = Decimal::new(base.factor.0, base.factor.1) * pow10(power);
    let mut said = pow10(power);
    let mut shown = base.base.to_string();
    let mut dimension = base.dimension.to_string();
    let rest = &s[len..];
    if let Some((p, (every, name))) = longest(rest, PERIODS.iter().map(|(p, e, n)| (*p, (*e, *n))))
    {
        len += p.len();
        match every {
            Some(n) => {
                factor *= Decimal::from(n);
                said *= Decimal::from(n);
            }
            None => dimension = format!("{dimension}/{name}"),
        }
        shown = format!("{shown}/{name}");
    } else if let Some(after) = rest.strip_prefix('/').or_else(|| rest.strip_prefix('每')) {
        let after_every = after.strip_prefix('每').unwrap_or(after);
        let sep = rest.len() - after_every.len();
        let pop = population(after_every);
        // `元/人次`: per one of another base (only a base of factor 1, so the value stays exact).
        let den =
            find_base(after_every).filter(|(d, _)| d.factor == (1, 0) && d.dimension != "person");
        match (pop, den) {
            (Some((n, p, pop)), d) if d.is_none_or(|(_, dn)| n >= dn) => {
                len += sep + n;
                if p == 0 {
                    // `元/人`, `元/户`: per one, what the indicator's 人均 or 户均 already says.
                } else {
                    // Per thousand of the population: 5 per 万 is 0.5 per 千, exactly.
                    factor = if p >= PER_BASE.1 {
                        factor / pow10(p - PER_BASE.1)
                    } else {
                        factor * pow10(PER_BASE.1 - p)
                    };
                    let measure = if pop == "人口" || pop == "户" {
                        ""
                    } else {
                        "名"
                    };
                    shown = format!("{shown}/{}{measure}{pop}", PER_BASE.0);
                    dimension = format!("{dimension}/per-{pop}");
                }
            }
            (_, Some((d, dn))) => {
                len += sep + dn;
                shown = format!("{shown}/{}", d.base);
                dimension = format!("{dimension}/per-{}", d.dimension);
            }
            _ => {}
        }
    }
    Some(Reading {
        len,
        base: shown,
        dimension,
        factor,
        said,
    })
}

impl Unit {
    /// Parses a unit as printed. Surrounding brackets (`(个)`) and white space are ignored.
    pub fn parse(text: &str) -> Result<Unit, UnitError> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        // `(个)` as a table prints it; `套(间)` keeps its brackets.
        let s = match compact.strip_prefix(['(', '（']) {
            Some(inner) => inner.strip_suffix([')', '）']).unwrap_or(inner),
            None => compact.as_str(),
        };
        if s.is_empty() {
            return Err(UnitError {
                message: crate::tr!("单位为空", "empty unit"),
            });
        }
        if magnitude(s).is_some_and(|(m, _)| m == s) {
            return Err(UnitError {
                message: crate::tr!(
                    "`{text}` 只是数量级: 请写明计量的单位（`{s}元`、`{s}人` …），或由指标的单位决定",
                    "`{text}` is a magnitude alone: say what it counts (`{s}元`, `{s}人` …), or let the indicator's unit say it"
                ),
            });
        }
        let r = read(s).ok_or_else(|| UnitError {
            message: crate::tr!(
                "未知单位 `{}`{}",
                "unknown unit `{}`{}",
                crate::diag::echo(text),
                unquoted(s)
                    .map(|u| crate::diag::hint(Some(u)))
                    .unwrap_or_else(|| suggest(s))
            ),
        })?;
        if r.len != s.len() {
            return Err(UnitError {
                message: crate::tr!(
                    "未知单位 `{}`: 无法解读 `{}` 之后的 `{}`",
                    "unknown unit `{}`: cannot read `{}` after `{}`",
                    crate::diag::echo(text),
                    crate::diag::echo(&s[r.len..]),
                    &s[..r.len]
                ),
            });
        }
        Ok(Unit {
            printed: compact,
            base: r.base,
            dimension: r.dimension,
            factor: r.factor,
            said: r.said,
        })
    }

    /// The unit as it was printed, white space removed.
    pub fn printed(&self) -> &str {
        &self.printed
    }

    /// The base a normalised value is expressed in (`元/年` for `万元/月`, `%` for `‰`).
    pub fn base(&self) -> &str {
        &self.base
    }

    /// How many of [`Unit::base`] one of this unit is (`‰`: 0.1, `万元/月`: 120000).
    pub(crate) fn factor(&self) -> Decimal {
        self.factor
    }

    /// How many of `other`'s symbol one of this unit's symbol is, leaving out what a magnitude
    /// and a period say: 1 for `人` against `万人`, `万元/月` against `元`, `名` against `人`; 0.1
    /// for `‰` against `%`, 60 for `小时` against `分钟`, 0.1 for `张/万人口` against `张/千人口`.
    /// A magnitude or a period is a word the clerk wrote for the number's size, and the number
    /// was written to go with it (`841000人`, `1183元/月`); a different symbol (`‰` for `%`) is
    /// the slip of a key or a template, and the number typed may be meant in the row's unit.
    /// `None` for incompatible units (or a ratio too large to state).
    pub(crate) fn symbol_ratio(&self, other: &Unit) -> Option<Decimal> {
        if !self.is_compatible(other) {
            return None;
        }
        let mine = self.factor.checked_div(self.said)?;
        let theirs = other.factor.checked_div(other.said)?;
        mine.checked_div(theirs)
    }

    /// Whether the unit counts money (元, 万元, 元/月): a year's amount unless a period says
    /// otherwise.
    pub(crate) fn is_money(&self) -> bool {
        self.dimension == "money"
    }

    pub fn is_compatible(&self, other: &Unit) -> bool {
        self.dimension == other.dimension
    }

    /// Converts `value` in this unit into `to`. Incompatible units are an error.
    pub fn convert(&self, value: Decimal, to: &Unit) -> Result<Decimal, UnitError> {
        if !self.is_compatible(to) {
            return Err(UnitError {
                message: crate::tr!(
                    "单位 `{}` 无法换算成 `{}`",
                    "unit `{}` cannot be converted to `{}`",
                    self.printed,
                    to.printed
                ),
            });
        }
        let base = value.checked_mul(self.factor).ok_or_else(overflow)?;
        base.checked_div(to.factor).ok_or_else(overflow)
    }

    /// The value in [`Unit::base`].
    pub fn to_base(&self, value: Decimal) -> Result<Decimal, UnitError> {
        value.checked_mul(self.factor).ok_or_else(overflow)
    }
}

fn overflow() -> UnitError {
    UnitError {
        message: crate::tr!("数字太大，无法换算", "number too large to convert"),
    }
}

/// The length in bytes of the unit `s` starts with, if any; the threshold parser and `extract`
/// use it to find where a unit ends and the words after it begin (`个以上` → `个`).
pub(crate) fn unit_prefix_len(s: &str) -> Option<usize> {
    read(s).map(|r| r.len)
}

/// A unit printed in brackets after its figure (`4.1（个）`, `1.02（万人）`, `2150（套（间））`,
/// `1250(元/月)`), as a key-value line or a cell prints it: the brackets' length in characters and
/// the unit inside. None where the brackets hold anything but a whole unit: a note (`（省定）`),
/// a year (`（2021年）`), a unit with words after it (`（个以上）`).
pub(crate) fn bracketed(chars: &[char]) -> Option<(usize, String)> {
    if !matches!(chars.first(), Some('(' | '（')) {
        return None;
    }
    // The bracket that closes the first, over a unit's own (`套（间）`), within a unit's length.
    let mut depth = 0;
    let close = chars.iter().take(12).position(|c| {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        depth == 0
    })?;
    let inner: String = chars[1..close].iter().collect();
    let inner = inner.trim();
    (!inner.is_empty() && unit_prefix_len(inner) == Some(inner.len()))
        .then(|| (close + 1, inner.to_string()))
}

/// The factor of a magnitude printed alone (`万` in `100万`: 10000), which is not a unit.
pub(crate) fn bare_magnitude(text: &str) -> Option<Decimal> {
    let t = text.trim();
    magnitude(t).filter(|(m, _)| *m == t).map(|(_, p)| pow10(p))
}

/// The magnitude a text starts with when no base follows it (`亿` in `150亿以上`).
pub(crate) fn magnitude_prefix(s: &str) -> Option<&'static str> {
    magnitude(s).map(|(m, _)| m)
}

/// `亿` + the base of `亿元` → `亿元`: a bare magnitude takes its base from the indicator's unit.
pub(crate) fn complete(printed: &str, context: &str) -> String {
    if magnitude_prefix(printed) == Some(printed) && Unit::parse(context).is_ok() {
        // The context's base without its period: `万` of `元/月` is 万元/月.
        let stripped: String = context
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>();
        let tail = MAGNITUDES
            .iter()
            .filter_map(|(m, _)| stripped.strip_prefix(m))
            .next()
            .unwrap_or(&stripped);
        return format!("{printed}{tail}");
    }
    printed.to_string()
}

/// A unit inside quotation marks (`“%”`, `‘个’`, `「人」`: a Chinese input method's quotes,
/// which YAML takes as text) that reads as a unit without them.
fn unquoted(s: &str) -> Option<&str> {
    let inner = s
        .strip_prefix(['“', '‘', '「', '"', '\''])?
        .strip_suffix(['”', '’', '」', '"', '\''])?;
    read(inner).filter(|r| r.len == inner.len()).map(|_| inner)
}

fn suggest(s: &str) -> String {
    let best = BASES
        .iter()
        .flat_map(|b| b.spellings.iter())
        .map(|sp| (strsim::levenshtein(sp, s), *sp))
        .min();
    match best {
        Some((d, sp)) if d <= 1 && !s.is_empty() => {
            crate::tr!("（是否想输入 `{sp}`？）", " (did you mean `{sp}`?)")
        }
        _ => String::new(),
    }
}

/// The table of every unit, base and factor that docs/plan-format.md prints (between its
/// `units:start` and `units:end` markers); a test keeps the two the same and checks every row
/// against [`Unit::parse`]. `X` stands for any unit of the first part.
#[cfg(test)]
pub(crate) fn doc_table() -> String {
    let f = |d: Decimal| d.normalize().to_string();
    let mut rows = vec![
        "| unit as printed | base | factor | family |".to_string(),
        "|---|---|---|---|".to_string(),
    ];
    for b in BASES {
        for sp in b.spellings {
            let factor = Decimal::new(b.factor.0, b.factor.1);
            rows.push(format!(
                "| `{sp}` | `{}` | {} | {} |",
                b.base,
                f(factor),
                b.dimension
            ));
        }
    }
    for (m, p) in MAGNITUDES.iter().rev() {
        rows.push(format!(
            "| `{m}X` | base of `X` | {} × factor of `X` | of `X` |",
            f(pow10(*p))
        ));
    }
    for (p, every, name) in PERIODS {
        match every {
            Some(n) => rows.push(format!(
                "| `X{p}` | base of `X` + `/{name}` | {n} × factor of `X` | of `X` |"
            )),
            None => rows.push(format!(
                "| `X{p}` | base of `X` + `/{name}` | factor of `X` | of `X`, per {name} (not converted to a year) |"
            )),
        }
    }
    for (m, p) in [("百", 2u32), ("千", 3), ("万", 4), ("十万", 5), ("10万", 5)] {
        let factor = if p >= PER_BASE.1 {
            Decimal::ONE / pow10(p - PER_BASE.1)
        } else {
            pow10(PER_BASE.1 - p)
        };
        rows.push(format!(
            "| `X/{m}人口`, `X每{m}人口`, `X/{m}人` | base of `X` + `/千人口` | {} × factor of `X` | of `X`, per population |",
            f(factor)
        ));
    }
    let mut shown: Vec<&str> = POPULATIONS.iter().map(|(_, s)| *s).collect();
    shown.dedup();
    for pop in shown.into_iter().filter(|p| *p != "人口") {
        let measure = if pop == "户" { "" } else { "名" };
        rows.push(format!(
            "| `X/万{measure}{pop}` | base of `X` + `/千{measure}{pop}` | 0.1 × factor of `X` | of `X`, per {pop} |"
        ));
    }
    for (spelled, p) in [("千", 3u32), ("万", 4), ("10万", 5)] {
        rows.push(format!(
            "| `/{spelled}` (`1/{spelled}`) | `%` | {} | ratio |",
            f(Decimal::ONE_HUNDRED / pow10(p))
        ));
    }
    rows.push("| `X/人`, `X/户` (per capita) | base of `X` | factor of `X` | of `X` |".into());
    rows.join("\n") + "\n"
}

#[cfg(test)]
/// The rows of the documented table, made concrete (`X` = `万元`, whose base is `元` and
/// factor 10000).
pub(crate) fn doc_rows() -> Vec<(String, String, Decimal)> {
    doc_table()
        .lines()
        .skip(2)
        .flat_map(|row| {
            let cells: Vec<&str> = row.split(" | ").collect();
            // `X` after a magnitude (`万X`) is a plain `元`, so that 万万元 is never made.
            let (x, scale) = if cells[0].contains("`X") {
                ("万元", Decimal::from(10_000))
            } else {
                ("元", Decimal::ONE)
            };
            let units: Vec<String> = cells[0]
                .trim_start_matches("| ")
                .split(", ")
                .filter_map(|u| u.split('`').nth(1))
                .map(|u| u.replace('X', x))
                .collect();
            let base = cells[1]
                .replace("base of `X`", "`元`")
                .replace("` + `", "")
                .trim_matches('`')
                .replace('`', "");
            let factor: Decimal = cells[2]
                .replace(" × factor of `X`", "")
                .replace("factor of `X`", "1")
                .parse()
                .unwrap();
            let scale = if cells[2].contains('X') {
                scale
            } else {
                Decimal::ONE
            };
            units
                .into_iter()
                .map(move |u| (u, base.clone(), factor * scale))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_unit_in_quotation_marks_is_named_without_them() {
        assert_eq!(unquoted("“%”"), Some("%"));
        assert_eq!(unquoted("「万人」"), Some("万人"));
        assert_eq!(unquoted("“盎司”"), None);
        assert_eq!(unquoted("%"), None);
    }
    use super::*;
    use rust_decimal_macros::dec;

    fn conv(v: Decimal, from: &str, to: &str) -> Result<Decimal, UnitError> {
        Unit::parse(from)
            .unwrap()
            .convert(v, &Unit::parse(to).unwrap())
    }

    #[test]
    fn a_unit_in_brackets_after_its_figure() {
        let cases = [
            ("（个）；2024年", Some((3, "个"))),
            ("（万人）；", Some((4, "万人"))),
            ("（套（间））；", Some((6, "套（间）"))),
            ("(元/月)", Some((5, "元/月"))),
            ("（%）", Some((3, "%"))),
            ("（ 岁 ）", Some((5, "岁"))),
            // A note, a year, a unit with words after it, an open bracket: no unit.
            ("（省定）", None),
            ("（2021年）", None),
            ("（个以上）", None),
            ("（个", None),
            ("（）", None),
            ("个", None),
        ];
        for (text, want) in cases {
            let chars: Vec<char> = text.chars().collect();
            let got = super::bracketed(&chars);
            assert_eq!(got, want.map(|(n, u)| (n, u.to_string())), "{text}");
        }
    }

    #[test]
    fn magnitudes_and_periods_normalise() {
        let cases = [
            (dec!(1.33), "万元", "元", dec!(13300)),
            (dec!(1.36), "万套", "套(间)", dec!(13600)),
            (dec!(810), "元/月", "元", dec!(9720)),
            (dec!(810), "元/月", "元/年", dec!(9720)),
            (dec!(0.867), "亿元", "万元", dec!(8670)),
            (dec!(4.3), "万人次", "人次", dec!(43000)),
            (dec!(5), "‰", "%", dec!(0.5)),
            (dec!(1), "‰", "‰", dec!(1)),
            (dec!(20), "名", "人", dec!(20)),
            (dec!(3), "间", "套(间)", dec!(3)),
            (dec!(2), "(万人)", "人", dec!(20000)),
            (dec!(1.36), "万套(间)", "套", dec!(13600)),
            (dec!(1), "（万人次）", "人次", dec!(10000)),
            (dec!(3), "个百分点", "百分点", dec!(3)),
            (dec!(18), "周岁", "岁", dec!(18)),
            (dec!(2), "小时", "分钟", dec!(120)),
            (dec!(5), "公里", "米", dec!(5000)),
            (dec!(12), "次/年", "次", dec!(12)),
            (dec!(1), "次/月", "次", dec!(12)),
            (dec!(3), "万人次/年", "人次", dec!(30000)),
            (dec!(90), "百分之", "%", dec!(90)),
            (dec!(5), "人/万人", "人/千人口", dec!(0.5)),
            (dec!(5), "名/每万人", "人/千人", dec!(0.5)),
            (dec!(4.5), "张/千人口", "张/每千人", dec!(4.5)),
            (dec!(30), "人/十万人", "人/千人口", dec!(0.3)),
            (dec!(55), "张/千名老年人", "张/千老年人", dec!(55)),
            (dec!(2), "个/百户", "个/千户", dec!(20)),
            (dec!(3000), "元/人", "元", dec!(3000)),
            (dec!(9), "/10万", "%", dec!(0.009)),
            (dec!(9), "/10万", "‰", dec!(0.09)),
            (dec!(1), "/千", "‰", dec!(1)),
            (dec!(5), "人/万", "人/千人口", dec!(0.5)),
        ];
        for (v, from, to, want) in cases {
            assert_eq!(
                conv(v, from, to).unwrap().normalize(),
                want,
                "{v}{from} -> {to}"
            );
        }
    }

    /// The table in docs/plan-format.md is the code's, and every row of it is what the parser does.
    #[test]
    fn documented_table_is_the_code() {
        let doc = include_str!("../docs/plan-format.md");
        let start = doc
            .find("<!-- units:start -->\n")
            .expect("units:start marker")
            + 21;
        let end = doc.find("<!-- units:end -->").expect("units:end marker");
        assert_eq!(
            &doc[start..end],
            doc_table(),
            "docs/plan-format.md's unit table is stale; put this between its markers:\n{}",
            doc_table()
        );
        for (unit, base, factor) in doc_rows() {
            let u = Unit::parse(&unit).unwrap_or_else(|e| panic!("{unit}: {e}"));
            assert_eq!((u.base(), u.factor()), (base.as_str(), factor), "{unit}");
        }
    }

    /// Every unit's base is itself a unit with factor 1 in the same dimension, so a normalised
    /// value and its unit always describe the amount that was printed.
    #[test]
    fn bases_are_units_of_factor_one() {
        for (u, _, _) in doc_rows() {
            let u = u.as_str();
            let unit = Unit::parse(u).unwrap_or_else(|e| panic!("{u}: {e}"));
            let base = Unit::parse(unit.base()).unwrap_or_else(|e| panic!("{u}: {e}"));
            assert_eq!(base.factor(), Decimal::ONE, "{u} -> {}", unit.base());
            assert!(unit.is_compatible(&base), "{u} -> {}", unit.base());
            assert_eq!(base.base(), unit.base(), "{u}");
        }
    }

    /// A share in words is the unit its sign is: `十万分之九` and `9/10万` are the same rate.
    #[test]
    fn fraction_words_are_their_signs() {
        for (word, sign) in FRACTIONS {
            let (w, s) = (Unit::parse(word), Unit::parse(sign));
            let (w, s) = (
                w.unwrap_or_else(|e| panic!("{word}: {e}")),
                s.unwrap_or_else(|e| panic!("{sign}: {e}")),
            );
            assert_eq!((w.base(), w.factor()), (s.base(), s.factor()), "{word}");
        }
        let per_100k = Unit::parse("十万分之").unwrap();
        assert_eq!((per_100k.base(), per_100k.factor()), ("%", dec!(0.001)));
    }

    /// A magnitude or a period written with a number goes with it; a different symbol is ten
    /// times or more away and may be a slip (`8.5‰` meant as 8.5 %).
    #[test]
    fn symbols_apart_from_magnitudes_and_periods() {
        let ratio = |a: &str, b: &str| {
            Unit::parse(a)
                .unwrap()
                .symbol_ratio(&Unit::parse(b).unwrap())
                .map(|d| d.normalize())
        };
        for (a, b, want) in [
            ("人", "万人", Some(dec!(1))),
            ("万人", "人", Some(dec!(1))),
            ("十万人", "万人", Some(dec!(1))),
            ("万元", "元", Some(dec!(1))),
            ("亿元", "万元", Some(dec!(1))),
            ("元/月", "元", Some(dec!(1))),
            ("万元/月", "元/年", Some(dec!(1))),
            ("名", "人", Some(dec!(1))),
            ("间", "套(间)", Some(dec!(1))),
            ("万套", "套(间)", Some(dec!(1))),
            ("周岁", "岁", Some(dec!(1))),
            ("％", "%", Some(dec!(1))),
            ("百分之", "%", Some(dec!(1))),
            ("‰", "%", Some(dec!(0.1))),
            ("千分之", "%", Some(dec!(0.1))),
            ("%", "‰", Some(dec!(10))),
            ("‱", "%", Some(dec!(0.01))),
            ("成", "%", Some(dec!(10))),
            ("/1000", "%", Some(dec!(0.1))),
            ("/10万", "‰", Some(dec!(0.01))),
            ("小时", "分钟", Some(dec!(60))),
            ("公里", "米", Some(dec!(1000))),
            ("平方公里", "平方米", Some(dec!(1000000))),
            ("公斤", "吨", Some(dec!(0.001))),
            ("张/万人口", "张/千人口", Some(dec!(0.1))),
            ("个/百户", "个/千户", Some(dec!(10))),
            ("%", "人", None),
            ("岁", "个月", None),
        ] {
            assert_eq!(ratio(a, b), want, "{a} against {b}");
        }
    }

    #[test]
    fn incompatible_units_are_errors() {
        for (from, to) in [
            ("%", "人"),
            ("人次", "人"),
            ("元", "个"),
            ("%", "百分点"),
            ("天", "个月"),
            ("元/天", "元"),
            ("张/千人口", "张"),
            ("张/千人口", "张/千名老年人"),
            ("岁", "年"),
        ] {
            let err = conv(Decimal::ONE, from, to).unwrap_err();
            assert!(err.message.contains("cannot be converted"), "{from}->{to}");
        }
    }

    #[test]
    fn unknown_units_are_named() {
        let err = Unit::parse("人吃").unwrap_err();
        assert!(err.message.contains("人吃"), "{err}");
        let err = Unit::parse("").unwrap_err();
        assert_eq!(err.message, "empty unit");
        let err = Unit::parse("盎司").unwrap_err();
        assert!(err.message.contains("unknown unit `盎司`"), "{err}");
        let err = Unit::parse("亿").unwrap_err();
        assert!(err.message.contains("magnitude alone"), "{err}");
        assert_eq!(bare_magnitude("万"), Some(dec!(10000)));
        assert_eq!(bare_magnitude("万元"), None);
    }

    #[test]
    fn bare_magnitudes_take_the_indicator_base() {
        assert_eq!(complete("亿", "亿元"), "亿元");
        assert_eq!(complete("万", "万人次"), "万人次");
        assert_eq!(complete("万元", "元"), "万元");
        assert_eq!(complete("万", "元/月"), "万元/月");
        assert_eq!(
            conv(dec!(100), &complete("万", "万人次"), "万人次").unwrap(),
            dec!(100)
        );
    }

    #[test]
    fn unit_prefix_stops_before_words() {
        let cases = [
            ("个以上", Some("个")),
            ("万人次以上", Some("万人次")),
            ("元/月", Some("元/月")),
            ("周岁以下", Some("周岁")),
            ("个月内", Some("个月")),
            ("分钟内", Some("分钟")),
            ("张/千人口以上", Some("张/千人口")),
            ("人次/年", Some("人次/年")),
            ("/10万以下", Some("/10万")),
            ("/3", None),
            ("以上", None),
        ];
        for (s, want) in cases {
            assert_eq!(unit_prefix_len(s).map(|n| &s[..n]), want, "{s}");
        }
    }
}
