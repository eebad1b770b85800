//! Units as the plans print them (`万人次`, `元/月`, `套(间)`, `%`), reduced to a base and a factor
//! so that `1.33万元` and `13300元`, or `810元/月` and `9720元`, compare as the same amount.
//!
//! A unit is an optional magnitude (万, 亿, 千, 百), a base and an optional period. Money with no
//! period is a yearly amount, which is how the plans state allowances and incomes; `/月` multiplies
//! by twelve. Two units are compatible only when their bases share a dimension: `%` against `人` is an
//! error, never a guess.

use rust_decimal::Decimal;
use std::fmt;

/// One base unit: its spellings and the dimension it measures, with the factor into that
/// dimension's canonical base (`‰` is 0.1 of a `%`).
struct Base {
    spellings: &'static [&'static str],
    canonical: &'static str,
    dimension: &'static str,
    factor: (i64, u32),
}

const fn base(
    spellings: &'static [&'static str],
    canonical: &'static str,
    dimension: &'static str,
) -> Base {
    Base {
        spellings,
        canonical,
        dimension,
        factor: (1, 0),
    }
}

/// Every base qyx knows. Longer spellings are matched first, so `人次` wins over `人` and
/// `百分点` is never read as 百 × `分点`.
const BASES: &[Base] = &[
    base(&["%", "％", "百分比"], "%", "ratio"),
    Base {
        spellings: &["‰"],
        canonical: "‰",
        dimension: "ratio",
        factor: (1, 1),
    },
    base(&["个百分点", "百分点"], "百分点", "percentage-point"),
    base(&["元"], "元", "money"),
    base(&["人次"], "人次", "person-time"),
    base(&["人", "名", "位"], "人", "person"),
    base(&["个"], "个", "count"),
    base(&["张"], "张", "bed-or-sheet"),
    base(&["床"], "床", "bed"),
    base(&["台"], "台", "machine"),
    base(&["套(间)", "套（间）", "套", "间"], "套(间)", "dwelling"),
    base(&["户"], "户", "household"),
    base(&["所"], "所", "institution"),
    base(&["家"], "家", "organisation"),
    base(&["岁"], "岁", "age"),
    base(&["年"], "年", "year"),
    base(&["天", "日"], "天", "day"),
    base(&["小时"], "小时", "hour"),
    base(&["分钟"], "分钟", "minute"),
    base(&["平方米", "㎡", "m²", "m2"], "平方米", "area"),
    base(&["公里", "千米", "km"], "公里", "length-km"),
    base(&["米"], "米", "length-m"),
    base(
        &["微克/立方米", "μg/m³", "µg/m3"],
        "微克/立方米",
        "concentration",
    ),
    base(&["项"], "项", "item"),
    base(&["次"], "次", "time"),
    base(&["件"], "件", "case"),
    base(&["分"], "分", "score"),
    base(&["座"], "座", "building"),
    base(&["处"], "处", "site"),
    base(&["条"], "条", "line"),
    base(&["支"], "支", "team"),
    base(&["场"], "场", "event"),
    base(&["批"], "批", "batch"),
    base(&["种"], "种", "kind"),
    base(&["册"], "册", "volume"),
    base(&["篇"], "篇", "article"),
    base(&["例"], "例", "case-medical"),
    base(&["辆"], "辆", "vehicle"),
    base(&["个点"], "个点", "point"),
    base(&["倍"], "倍", "multiple"),
    base(&["类"], "类", "category"),
    base(&["片"], "片", "pitch"),
];

const MAGNITUDES: &[(&str, i64)] = &[
    ("亿", 100_000_000),
    ("千万", 10_000_000),
    ("百万", 1_000_000),
    ("十万", 100_000),
    ("万", 10_000),
    ("千", 1_000),
    ("百", 100),
];

/// A parsed unit. `factor` turns a value in this unit into the base (and, for money, a year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    printed: String,
    canonical_base: &'static str,
    dimension: &'static str,
    factor: Decimal,
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
        let (magnitude, b, after) = split(s).ok_or_else(|| UnitError {
            message: crate::tr!("未知单位 `{text}`{}", "unknown unit `{text}`{}", suggest(s)),
        })?;
        let period = match after {
            "" | "/年" | "每年" | "/人·年" => Decimal::ONE,
            "/月" | "每月" | "/人·月" => Decimal::from(12),
            other => {
                return Err(UnitError {
                    message: crate::tr!(
                        "未知单位 `{text}`: 无法解读 `{b}` 之后的 `{other}`",
                        "unknown unit `{text}`: cannot read `{other}` after `{b}`",
                        b = b.canonical
                    ),
                });
            }
        };
        let scale = Decimal::new(b.factor.0, b.factor.1);
        Ok(Unit {
            printed: compact,
            canonical_base: b.canonical,
            dimension: b.dimension,
            factor: magnitude * period * scale,
        })
    }

    /// The unit as it was printed, white space removed.
    pub fn printed(&self) -> &str {
        &self.printed
    }

    /// The base a normalised value is expressed in (`元` for `万元/月`).
    pub fn base(&self) -> &'static str {
        self.canonical_base
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

    /// The value in the canonical base of this unit's dimension.
    pub fn to_base(&self, value: Decimal) -> Result<Decimal, UnitError> {
        value.checked_mul(self.factor).ok_or_else(overflow)
    }
}

fn overflow() -> UnitError {
    UnitError {
        message: crate::tr!("数字太大，无法换算", "number too large to convert"),
    }
}

fn find_base(s: &str) -> Option<(&'static Base, &str)> {
    BASES
        .iter()
        .flat_map(|b| b.spellings.iter().map(move |sp| (b, *sp)))
        .filter(|(_, sp)| s.starts_with(sp))
        .max_by_key(|(_, sp)| sp.len())
        .map(|(b, sp)| (b, &s[sp.len()..]))
}

/// True when `s` starts with a unit qyx knows; the threshold parser uses it to find where a unit
/// ends and the words after it begin.
pub(crate) fn unit_prefix_len(s: &str) -> Option<usize> {
    let (_, _, after) = split(s)?;
    let mut len = s.len() - after.len();
    for period in ["/年", "/月", "每月"] {
        if after.starts_with(period) {
            len += period.len();
            break;
        }
    }
    Some(len)
}

/// Splits a unit into magnitude, base and what follows, taking the reading that consumes the
/// most: `百分点` is one base, `百人` is 百 × 人.
fn split(s: &str) -> Option<(Decimal, &'static Base, &str)> {
    let plain = find_base(s).map(|(b, after)| (Decimal::ONE, b, after));
    let scaled = MAGNITUDES.iter().find_map(|(m, f)| {
        let rest = s.strip_prefix(m)?;
        find_base(rest).map(|(b, after)| (Decimal::from(*f), b, after))
    });
    match (plain, scaled) {
        (Some(p), Some(m)) => Some(if m.2.len() < p.2.len() { m } else { p }),
        (p, m) => p.or(m),
    }
}

/// The magnitude a text starts with when no base follows it (`亿` in `150亿以上`).
pub(crate) fn magnitude_prefix(s: &str) -> Option<&'static str> {
    MAGNITUDES
        .iter()
        .map(|(m, _)| *m)
        .filter(|m| s.starts_with(m))
        .max_by_key(|m| m.len())
}

/// `亿` + the base of `亿元` → `亿元`: a bare magnitude takes its base from the indicator's unit.
pub(crate) fn complete(printed: &str, context: &str) -> String {
    if magnitude_prefix(printed) == Some(printed)
        && let Ok(u) = Unit::parse(context)
    {
        return format!("{printed}{}", u.base());
    }
    printed.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn conv(v: Decimal, from: &str, to: &str) -> Result<Decimal, UnitError> {
        Unit::parse(from)
            .unwrap()
            .convert(v, &Unit::parse(to).unwrap())
    }

    #[test]
    fn magnitudes_and_periods_normalise() {
        let cases = [
            (dec!(1.33), "万元", "元", dec!(13300)),
            (dec!(1.36), "万套", "套(间)", dec!(13600)),
            (dec!(810), "元/月", "元", dec!(9720)),
            (dec!(0.867), "亿元", "万元", dec!(8670)),
            (dec!(4.3), "万人次", "人次", dec!(43000)),
            (dec!(5), "‰", "%", dec!(0.5)),
            (dec!(20), "名", "人", dec!(20)),
            (dec!(3), "间", "套(间)", dec!(3)),
            (dec!(2), "(万人)", "人", dec!(20000)),
            (dec!(1.36), "万套(间)", "套", dec!(13600)),
            (dec!(1), "（万人次）", "人次", dec!(10000)),
            (dec!(3), "个百分点", "百分点", dec!(3)),
        ];
        for (v, from, to, want) in cases {
            assert_eq!(
                conv(v, from, to).unwrap().normalize(),
                want,
                "{v}{from} -> {to}"
            );
        }
    }

    #[test]
    fn incompatible_units_are_errors() {
        for (from, to) in [("%", "人"), ("人次", "人"), ("元", "个"), ("%", "百分点")] {
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
        let err = Unit::parse("公斤").unwrap_err();
        assert!(err.message.contains("unknown unit `公斤`"), "{err}");
    }

    #[test]
    fn bare_magnitudes_take_the_indicator_base() {
        assert_eq!(complete("亿", "亿元"), "亿元");
        assert_eq!(complete("万", "万人次"), "万人次");
        assert_eq!(complete("万元", "元"), "万元");
        assert_eq!(
            conv(dec!(100), &complete("万", "万人次"), "万人次").unwrap(),
            dec!(100)
        );
    }

    #[test]
    fn unit_prefix_stops_before_words() {
        assert_eq!(unit_prefix_len("个以上"), Some("个".len()));
        assert_eq!(unit_prefix_len("万人次以上"), Some("万人次".len()));
        assert_eq!(unit_prefix_len("元/月"), Some("元/月".len()));
        assert_eq!(unit_prefix_len("以上"), None);
    }
}
