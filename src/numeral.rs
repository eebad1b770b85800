//! Numbers as Chinese documents and clerks write them: Arabic digits (ASCII or full-width, with
//! OCR spaces around the point, `94. 5`, and thousands separators, `13,300`) and Chinese numerals
//! (`五`, `两`, `十二`, `二十五`, `三百六十`, `一百零五`, `一万二千`, `二〇二四`, `三点五`, financial
//! forms `贰拾`), read into exact decimals.
//!
//! Why it exists: the threshold parser, `extract` and the actuals reader all meet numbers in text;
//! one reader keeps them agreeing on what a number is. The rule shared by all of them: a trailing
//! magnitude (`万`, `亿`) is *not* part of the number that [`scan`] reads, because the plans treat
//! it as part of the unit (`1.5万人`, `十万人次` are 1.5 and 10 of `万人` / `万人次`); [`parse_number`]
//! reads a whole cell and applies such a magnitude (`1.5万` → 15000).
//!
//! Inner positions are always part of the number (`一万二千` is 12000, `三百` is 300), and a
//! number never silently loses digits: more than 28 significant digits is an error, not a
//! rounded value.

use rust_decimal::Decimal;
use std::fmt;

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral {
    /// Index (in chars) just past the number.
    pub(crate) end: usize,
    pub(crate) value: Decimal,
    /// Written in Chinese numerals (`二十五`) rather than digits.
    pub(crate) chinese: bool,
}

/// A number that is there but cannot be held exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumeralError {
    /// Index (in chars) where the number starts.
    pub(crate) start: usize,
    pub(crate) message: String,
}

impl fmt::Display for NumeralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The most significant digits a value may have: what rust_decimal holds exactly.
pub(crate) const MAX_DIGITS: usize = 28;

fn too_long(start: usize, text: &str) -> NumeralError {
    let shown: String = text.chars().take(40).collect();
    let more = if text.chars().count() > 40 { "…" } else { "" };
    NumeralError {
        start,
        message: crate::tr!(
            "`{shown}{more}` 位数太多，qyx 无法精确保存（最多 {MAX_DIGITS} 位有效数字）",
            "`{shown}{more}` has more digits than qyx can hold exactly (at most {MAX_DIGITS} significant digits)"
        ),
    }
}

/// An ASCII or full-width digit's value.
pub(crate) fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The text with what a full-width input mode types for a figure read as ASCII: digits
/// (`２０２５年`), a point between digits (`３．２`) and the percent sign (`５２％`); None when it
/// has none. Brackets, commas and colons stay full-width: they are the Chinese text's own.
///
/// Why: a clerk who types a whole plan in full-width mode prints its 文号 (`〔２０２３〕３３号`), its
/// table's header years (`２０２２年基础值`) and every figure so; each reader would otherwise need
/// its own full-width case. Each character becomes one, so a text keeps its length and a quote
/// read from the folded text maps back to the source character by character.
pub(crate) fn narrow_figures(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |k: Option<&char>| k.is_some_and(|c| ascii_digit(*c).is_some());
    let mut changed = false;
    let out: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let n = match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' if i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)) => '.',
                '％' => '%',
                _ => c,
            };
            changed |= n != c;
            n
        })
        .collect();
    changed.then_some(out)
}

/// A Chinese digit's value (`〇`/`零` 0 … `九` 9, `两` 2, and the financial forms).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A Chinese position inside a section (`十` 10, `百` 100, `千` 1000).
fn chinese_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// A Chinese magnitude between sections (`万` 10⁴, `亿` 10⁸).
fn chinese_big_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

/// True when a number (Arabic or Chinese) can start with `c`.
pub(crate) fn starts_number(c: char) -> bool {
    ascii_digit(c).is_some() || chinese_digit(c).is_some() || chinese_small_unit(c).is_some()
}

/// Reads the number that starts at `chars[i]`, in digits or Chinese numerals; `Ok(None)` when no
/// number starts there. A sign is the caller's business (a `-` may be a dash or a range).
///
/// Shared by the threshold parser, `extract` and the actuals reader: call it wherever text may
/// hold a number, so that `两个`, `五大`, `二〇二四年` and `94. 5` read the same everywhere. The
/// magnitude after the number (`万` in `1.5万`, `十万人次`) is left for the unit; use
/// [`parse_number`] for a cell that is a number and nothing else.
pub(crate) fn scan(chars: &[char], i: usize) -> Result<Option<Numeral>, NumeralError> {
    match chars.get(i) {
        Some(c) if ascii_digit(*c).is_some() => scan_arabic(chars, i).map(Some),
        Some(c) if starts_number(*c) => scan_chinese(chars, i),
        _ => Ok(None),
    }
}

fn is_point(c: char) -> bool {
    c == '.' || c == '．'
}

fn scan_arabic(chars: &[char], i: usize) -> Result<Numeral, NumeralError> {
    let mut j = i;
    let mut text = String::new();
    let mut seen_point = false;
    let digit_at = |k: usize| chars.get(k).copied().and_then(ascii_digit);
    let skip_spaces = |mut k: usize| {
        while chars.get(k).is_some_and(|c| *c == ' ' || *c == '\u{3000}') {
            k += 1;
        }
        k
    };
    while let Some(&c) = chars.get(j) {
        if let Some(d) = ascii_digit(c) {
            text.push(char::from_digit(d, 10).unwrap_or('0'));
            j += 1;
        } else if is_point(c) && !seen_point {
            // A point belongs to the number only when a digit follows, possibly after OCR spaces.
            let k = skip_spaces(j + 1);
            if digit_at(k).is_none() {
                break;
            }
            text.push('.');
            seen_point = true;
            j = k;
        } else if (c == ' ' || c == '\u{3000}') && !seen_point {
            // `95 . 5`: spaces before a point that a digit follows.
            let k = skip_spaces(j);
            if chars.get(k).copied().is_some_and(is_point) && digit_at(skip_spaces(k + 1)).is_some()
            {
                j = k;
            } else {
                break;
            }
        } else if c == ',' && !seen_point {
            // `13,300`: a separator before exactly three digits.
            let three = (1..=3).all(|k| digit_at(j + k).is_some());
            if three && digit_at(j + 4).is_none() {
                j += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let value = exact(&text).ok_or_else(|| too_long(i, &text))?;
    Ok(Numeral {
        end: j,
        value,
        chinese: false,
    })
}

/// The decimal of `text` with no digit lost: trailing zeros after the point may go, nothing else.
fn exact(text: &str) -> Option<Decimal> {
    if let Ok(d) = Decimal::from_str_exact(text) {
        return Some(d);
    }
    let trimmed = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    };
    Decimal::from_str_exact(trimmed).ok()
}

fn scan_chinese(chars: &[char], i: usize) -> Result<Option<Numeral>, NumeralError> {
    let mut j = i;
    // `二〇二四`: digits only, read digit by digit.
    while chars.get(j).copied().and_then(chinese_digit).is_some() {
        j += 1;
    }
    let after_digits = chars.get(j).copied();
    let positional = after_digits.is_some_and(|c| {
        chinese_small_unit(c).is_some() || (chinese_big_unit(c).is_some() && j - i == 1)
    });
    // Two digits side by side are an estimate (`两三个`, `三五年`), not a number: only a run of
    // three or more (a year, a code) reads digit by digit.
    if j - i >= 3 && !positional {
        let mut text: String = chars[i..j]
            .iter()
            .filter_map(|c| chinese_digit(*c))
            .filter_map(|d| char::from_digit(d, 10))
            .collect();
        let mut end = j;
        read_fraction(chars, &mut end, &mut text);
        let value = exact(&text).ok_or_else(|| too_long(i, &text))?;
        return Ok(Some(Numeral {
            end,
            value,
            chinese: true,
        }));
    }

    // Positional: sections of 千百十 joined by 万 and 亿.
    let big = |n: u32| Decimal::from(10u64.pow(n));
    let overflow = || too_long(i, &chars[i..].iter().take(40).collect::<String>());
    let mut total = Decimal::ZERO; // what the finished 亿/万 groups add up to
    let mut section = Decimal::ZERO; // the group being read, below 万
    let mut digit: Option<u32> = None;
    let mut last_big: Option<u32> = None; // the smallest 万/亿 seen, for 一亿五千万
    let mut j = i;
    let mut last_was_big_at: Option<usize> = None;
    let mut any = false;
    let mut prev_was_digit = false;
    while let Some(&c) = chars.get(j) {
        if let Some(d) = chinese_digit(c) {
            if prev_was_digit && d != 0 && digit != Some(0) {
                // `十四五`: a digit after a digit ends the number.
                break;
            }
            if d != 0 || digit.is_none() {
                digit = Some(d);
            }
            prev_was_digit = true;
        } else if let Some(u) = chinese_small_unit(c) {
            let d = match digit {
                Some(0) | None if any && u != 10 => break,
                Some(d) => d,
                None => 1,
            };
            let add = Decimal::from(d * u);
            section = section.checked_add(add).ok_or_else(overflow)?;
            digit = None;
            prev_was_digit = false;
        } else if let Some(n) = chinese_big_unit(c) {
            if !any || last_big.is_some_and(|b| b <= n && n != 8) {
                break;
            }
            let group = section
                .checked_add(Decimal::from(digit.unwrap_or(0)))
                .ok_or_else(overflow)?;
            if n == 8 {
                // 亿 scales everything before it (一万亿 is 10¹²).
                total = total
                    .checked_add(group)
                    .and_then(|t| t.checked_mul(big(8)))
                    .ok_or_else(overflow)?;
            } else {
                total = total
                    .checked_add(group.checked_mul(big(n)).ok_or_else(overflow)?)
                    .ok_or_else(overflow)?;
            }
            section = Decimal::ZERO;
            digit = None;
            last_big = Some(n);
            last_was_big_at = Some(j);
            prev_was_digit = false;
        } else {
            break;
        }
        any = true;
        j += 1;
        last_was_big_at = last_was_big_at.filter(|at| *at + 1 == j);
    }
    if !any {
        return Ok(None);
    }
    // `二十五` ends on a digit; `一百零五` on one after a 零; `三千五` would be 3500 in speech, but
    // documents do not write it, so a trailing digit simply adds.
    let mut value = total
        .checked_add(section)
        .and_then(|v| v.checked_add(Decimal::from(digit.unwrap_or(0))))
        .ok_or_else(overflow)?;
    let mut end = j;
    if let (Some(at), Some(n)) = (last_was_big_at, last_big) {
        // The number ends on 万 or 亿: that magnitude belongs to the unit (`十万人次`).
        end = at;
        value = value.checked_div(big(n)).ok_or_else(overflow)?;
    }
    if end == i {
        return Ok(None);
    }
    // `三点五`: a fraction after a whole number that does not end on a magnitude.
    if end == j {
        let mut text = value.to_string();
        let before = end;
        read_fraction(chars, &mut end, &mut text);
        if end != before {
            value = exact(&text).ok_or_else(|| too_long(i, &text))?;
        }
    }
    Ok(Some(Numeral {
        end,
        value,
        chinese: true,
    }))
}

/// `点五`: the Chinese decimal point and the digits after it, appended to `text`.
fn read_fraction(chars: &[char], end: &mut usize, text: &mut String) {
    if chars.get(*end) != Some(&'点') {
        return;
    }
    let mut k = *end + 1;
    let mut frac = String::new();
    while let Some(d) = chars.get(k).copied().and_then(chinese_digit) {
        frac.extend(char::from_digit(d, 10));
        k += 1;
    }
    if !frac.is_empty() {
        text.push('.');
        text.push_str(&frac);
        *end = k;
    }
}

/// Reads a whole cell as one number, magnitude applied: `86`, `-1.5`, `−5`, `负5`, `1.5万`
/// (15000), `二〇二四` (2024), `十二`, `三百六十`, `１２`. White space around it is ignored.
///
/// For the actuals reader and `extract` wherever a cell or a word must be a number and nothing
/// else; an error says what was found instead.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn parse_number(text: &str) -> Result<Decimal, NumeralError> {
    let chars: Vec<char> = text.trim().chars().collect();
    let (negative, start) = match chars.first() {
        Some('-' | '−' | '－' | '负' | '負') => (true, 1),
        Some('+' | '＋') => (false, 1),
        _ => (false, 0),
    };
    let not_a_number = || NumeralError {
        start: 0,
        message: crate::tr!(
            "应为数字，却是 `{}`",
            "expected a number, found `{}`",
            text.trim()
        ),
    };
    let n = scan(&chars, start)?.ok_or_else(not_a_number)?;
    let rest: String = chars[n.end..].iter().collect();
    let mut value = n.value;
    if !rest.is_empty() {
        let (_, power) = crate::unit::MAGNITUDES
            .iter()
            .find(|(m, _)| *m == rest)
            .ok_or_else(not_a_number)?;
        value = value
            .checked_mul(Decimal::from(10u64.pow(*power)))
            .ok_or_else(|| too_long(0, text.trim()))?;
    }
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    #[test]
    fn full_width_figures_read_as_ascii() {
        assert_eq!(
            narrow_figures("磐政办发〔２０２３〕３３号，占比５２％，托位数３．２个").as_deref(),
            Some("磐政办发〔2023〕33号，占比52%，托位数3.2个")
        );
        // Not a point between digits, not a figure: the text stays as it is.
        assert_eq!(
            narrow_figures("注：１．第３项").as_deref(),
            Some("注：1．第3项")
        );
        assert_eq!(narrow_figures("（一）幼有善育，达到4.5个"), None);
    }

    use super::*;
    use rust_decimal_macros::dec;

    fn read(s: &str) -> Option<(Decimal, String)> {
        let chars: Vec<char> = s.chars().collect();
        scan(&chars, 0)
            .unwrap()
            .map(|n| (n.value, chars[n.end..].iter().collect()))
    }

    #[test]
    fn chinese_numerals_read_exactly() {
        let cases: &[(&str, Decimal, &str)] = &[
            ("一", dec!(1), ""),
            ("五", dec!(5), ""),
            ("两个", dec!(2), "个"),
            ("十", dec!(10), ""),
            ("十二", dec!(12), ""),
            ("二十", dec!(20), ""),
            ("二十五", dec!(25), ""),
            ("一百", dec!(100), ""),
            ("三百六十", dec!(360), ""),
            ("一百零五", dec!(105), ""),
            ("一百〇五", dec!(105), ""),
            ("一千零一", dec!(1001), ""),
            ("两千", dec!(2000), ""),
            ("一万二千", dec!(12000), ""),
            ("一万零五百", dec!(10500), ""),
            ("十万人次", dec!(10), "万人次"),
            ("五万", dec!(5), "万"),
            ("三千万", dec!(3000), "万"),
            ("一亿五千万", dec!(15000), "万"),
            ("百亿以上", dec!(100), "亿以上"),
            ("百万", dec!(100), "万"),
            ("二〇二四年", dec!(2024), "年"),
            ("二〇二七", dec!(2027), ""),
            ("三点五", dec!(3.5), ""),
            ("零点五", dec!(0.5), ""),
            ("十四五", dec!(14), "五"),
            ("五大资源", dec!(5), "大资源"),
            ("贰拾", dec!(20), ""),
            ("十万零三", dec!(100003), ""),
            ("两三个", dec!(2), "三个"),
        ];
        for (s, v, rest) in cases {
            assert_eq!(read(s), Some((*v, rest.to_string())), "{s:?}");
        }
        for s in ["万", "亿元", "个", "点五", ""] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }

    #[test]
    fn arabic_numbers_read_as_printed() {
        let cases: &[(&str, Decimal, &str)] = &[
            ("86", dec!(86), ""),
            ("94. 5", dec!(94.5), ""),
            ("95 . 5%", dec!(95.5), "%"),
            ("13,300元", dec!(13300), "元"),
            ("1,2345", dec!(1), ",2345"),
            ("１２．５", dec!(12.5), ""),
            ("94.", dec!(94), "."),
            ("1.5万", dec!(1.5), "万"),
            ("93.0", dec!(93.0), ""),
        ];
        for (s, v, rest) in cases {
            assert_eq!(read(s), Some((*v, rest.to_string())), "{s:?}");
        }
    }

    #[test]
    fn no_digit_is_lost() {
        let chars: Vec<char> = "0.000000000000000000000000000000001".chars().collect();
        let err = scan(&chars, 0).unwrap_err();
        assert!(err.message.contains("at most 28"), "{err}");
        let chars: Vec<char> = "1000000000000000000000000000000".chars().collect();
        assert!(scan(&chars, 0).is_err());
        // Trailing zeros carry no digit of the value.
        let chars: Vec<char> = "1.00000000000000000000000000000000".chars().collect();
        assert_eq!(scan(&chars, 0).unwrap().unwrap().value, dec!(1));
        // Overflow is an error, never a panic.
        let chars: Vec<char> = "九千九百九十九亿亿亿亿亿亿".chars().collect();
        assert!(scan(&chars, 0).is_err());
        let chars: Vec<char> = "一万亿".chars().collect();
        assert_eq!(scan(&chars, 0).unwrap().unwrap().value, dec!(10000));
    }

    #[test]
    fn whole_cells() {
        let cases: &[(&str, Decimal)] = &[
            ("86", dec!(86)),
            (" 1.5万 ", dec!(15000)),
            ("1.42万", dec!(14200)),
            ("84.3万", dec!(843000)),
            ("3千", dec!(3000)),
            ("十万", dec!(100000)),
            ("二〇二四", dec!(2024)),
            ("-5", dec!(-5)),
            ("−5", dec!(-5)),
            ("负5", dec!(-5)),
            ("+3", dec!(3)),
            ("2亿", dec!(200000000)),
        ];
        for (s, v) in cases {
            assert_eq!(parse_number(s), Ok(*v), "{s:?}");
        }
        for s in ["", "abc", "5个", "--5", "万"] {
            assert!(parse_number(s).is_err(), "{s:?}");
        }
    }
}
