//! A target stated as a multiple of its base with no level printed (`翻一番`, `翻两番`): the level
//! worked out from the base the same table row or sentence prints (`2022年为每人每月290元，到2027
//! 年实现翻一番` is 580元; a row `… 个 3.2 4.8 翻一番` 6.4 in the `翻一番` column's year).
//!
//! Why it exists: read alone the words are the multiple (`2`, unit 倍), which no plan holds and
//! `check` would judge as a level of 2. The plan format holds levels, and the document prints what
//! the multiple is of: twice that is what the plan asks. It is a figure worked out, not printed, so
//! the candidate says so (`computed`): the draft keeps it in the row's `note` with a `todo` to
//! confirm (a level the row prints for the year, `翻一番，达到6.4个`, stands as its target, and a
//! worked-out figure agreeing with it needs no question). With no base printed
//! (`城镇老旧小区改造比2022年翻两番`) nothing can be worked out: no figure, as before.
//!
//! Bounded: a sentence is read once; a multiple is at most 2¹⁰.

use super::outline::Sentence;
use super::scan::collect;
use super::{Candidate, Kind};
use crate::threshold::{Change, Op, Threshold};
use rust_decimal::Decimal;

/// The multiple `翻N番` names and where its words stand in `chars` (`翻了一番` too): 2ᴺ, from,
/// to (exclusive).
fn multiple_at(chars: &[char], from: usize) -> Option<(Decimal, usize, usize)> {
    let at = (from..chars.len()).find(|&i| chars[i] == '翻')?;
    let mut k = at + 1;
    if chars.get(k) == Some(&'了') {
        k += 1;
    }
    let n = crate::numeral::chinese_digit(*chars.get(k)?)?;
    if chars.get(k + 1) != Some(&'番') || n == 0 || n > 10 {
        return multiple_at(chars, at + 1);
    }
    Some((Decimal::from(2u64.pow(n)), at, k + 2))
}

/// The year a clause's words name as the one it aims at (`到2027年`, `2027年`), not one it
/// compares with (`较2022年`, `比2022年`).
fn aimed_year(words: &str) -> Option<i32> {
    let chars: Vec<char> = words.chars().collect();
    let mut found = None;
    for i in 0..chars.len().saturating_sub(4) {
        let digits: String = chars[i..i + 4].iter().collect();
        let before = i.checked_sub(1).map(|p| chars[p]);
        if chars.get(i + 4) == Some(&'年')
            && digits.chars().all(|c| c.is_ascii_digit())
            && !before.is_some_and(|b| b.is_ascii_digit() || b == '比' || b == '较')
        {
            found = digits.parse().ok();
        }
    }
    found
}

/// The base year a clause compares with (`较2022年`, `比2022年`).
fn compared_year(words: &str) -> Option<i32> {
    ["较", "比"].iter().find_map(|w| {
        let at = words.find(w)?;
        let rest = &words[at + w.len()..];
        let digits: String = rest.chars().take(4).collect();
        (digits.len() == 4
            && rest[4..].starts_with('年')
            && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
    })
}

/// Whether a clause's words before `翻` name an indicator of their own: more than a year, a
/// comparison and the verbs of getting there.
fn names_its_own(words: &str) -> bool {
    let mut t: String = words.chars().filter(|c| !c.is_whitespace()).collect();
    for w in ["力争", "争取", "确保", "基本", "实现", "再", "要", "将"] {
        t = t.replace(w, "");
    }
    let mut out = String::new();
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // `到2027年`, `较2022年`, `2027年`: a year and the word before it.
        if chars[i].is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '年') {
                i += 1;
            }
            for w in ["到", "至", "较", "比", "于", "在"] {
                if out.ends_with(w) {
                    out.truncate(out.len() - w.len());
                }
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    let out = out.trim_end_matches("底").trim_end_matches(['前', '末']);
    !out.trim_matches(|c: char| "，,；;：:".contains(c))
        .is_empty()
}

/// What the draft and a person are told of a figure worked out from its base.
fn worked_out(words: &str, base: &Candidate, value: Decimal) -> String {
    let unit = base.unit.as_deref().unwrap_or_default();
    let year = base.year.map(|y| y.to_string()).unwrap_or_default();
    let b = base.value.unwrap_or_default().normalize();
    let v = value.normalize();
    crate::tr!(
        "`{words}` 是 {year} 年数值 {b}{unit} 的倍数，文件未印出水平值：按倍数算出 {v}{unit}，请核对后作为目标",
        "`{words}` is a multiple of {year}'s figure {b}{unit}, and the document prints no level: worked out as {v}{unit} — check it and write it as the target"
    )
}

/// A candidate worked out as `base` times `times`, for the year `year`.
fn computed(base: &Candidate, times: Decimal, year: i32, words: &str) -> Option<Candidate> {
    let value = base.value?.checked_mul(times)?;
    let mut c = base.clone();
    c.kind = Kind::Target;
    c.year = Some(year);
    c.op = Op::Reach;
    c.value = Some(value);
    c.high = None;
    c.span = None;
    c.heading = None;
    c.computed = true;
    c.doubts = vec![worked_out(words, base, value)];
    Some(c)
}

/// The target `翻N番` sets in a sentence with no level printed after it, worked out from the
/// figure of a past year the sentence reads before it (`read`: the sentence's candidates).
pub(super) fn doubled_in(s: &Sentence, read: &[Candidate], end: Option<i32>) -> Vec<Candidate> {
    let chars = &s.chars;
    let sentence = collect(chars);
    // Where (in characters) a candidate's quote stands in the sentence.
    let placed = |c: &Candidate| -> Option<usize> {
        let p = sentence.find(c.quote.as_deref()?)?;
        Some(sentence[..p].chars().count())
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((times, at, after)) = multiple_at(chars, from) {
        from = after;
        // The clause the multiple stands in, and what follows it up to the next `；` or `。`.
        let start = chars[..at]
            .iter()
            .rposition(|c| "，,；;。：:".contains(*c))
            .map_or(0, |p| p + 1);
        let rest_end = (after..chars.len())
            .find(|&i| "；;。".contains(chars[i]))
            .unwrap_or(chars.len());
        // `翻一番，达到6.4个`: the level printed is the target.
        if chars[after..rest_end].iter().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let words = collect(&chars[start..at]);
        let quote = collect(&chars[start..after]);
        // The base: the last past figure the sentence reads before the multiple's clause, or
        // in it (`由2022年的3.2个翻一番`), of the year the clause compares with, if it names one.
        let wanted = compared_year(&words);
        let Some(base) = read.iter().rfind(|c| {
            c.kind == Kind::Baseline
                && c.value.is_some()
                && wanted.is_none_or(|y| c.year == Some(y))
                && placed(c).is_some_and(|p| p < at)
        }) else {
            continue;
        };
        // A clause naming another indicator (`城镇老旧小区改造比2022年翻两番`) is not the
        // base's; `由2022年的3.2个翻一番` has the base in it.
        let own_base = placed(base).is_some_and(|p| p >= start);
        if !own_base && names_its_own(&words) {
            continue;
        }
        let Some(year) = aimed_year(&words).or(end) else {
            continue;
        };
        let text = collect(&chars[at..after]);
        if let Some(mut c) = computed(base, times, year, &text) {
            c.text = Some(text);
            c.quote = Some(quote.trim().to_string());
            c.year_stated = aimed_year(&words).is_some();
            out.push(c);
        }
    }
    out
}

/// A table cell `翻一番` (read as the multiple, unit 倍) worked out from its row's baseline:
/// the cell's candidate becomes the level, marked as computed. A row with no baseline printed
/// keeps the multiple and its doubt.
pub(super) fn doubled_cells(out: &mut [Candidate]) {
    for k in 0..out.len() {
        let c = &out[k];
        let Some(cell) = c.cell.as_deref().map(str::trim) else {
            continue;
        };
        if c.kind != Kind::Target || !cell.contains('翻') || Threshold::parse(cell).is_ok() {
            continue;
        }
        let Some(r) = Threshold::read(cell).ok() else {
            continue;
        };
        let Some(rel) = r.relative.filter(|x| x.change == Change::Times) else {
            continue;
        };
        let Some(times) = r.threshold.value else {
            continue;
        };
        let wanted = rel
            .base
            .as_deref()
            .and_then(|b| compared_year(&format!("较{b}")));
        let base = out.iter().find(|b| {
            b.kind == Kind::Baseline
                && b.cell.is_some()
                && b.table.is_some()
                && b.table == c.table
                && b.value.is_some()
                && wanted.is_none_or(|y| b.year == Some(y))
        });
        let (Some(base), Some(year)) = (base, c.year) else {
            continue;
        };
        let Some(mut d) = computed(base, times, year, cell) else {
            continue;
        };
        d.cell = c.cell.clone();
        d.line = c.line;
        d.year_stated = c.year_stated;
        d.heading = c.heading.clone();
        out[k] = d;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{extract, kind_year_value};

    /// `doc` (after a title giving the period 2023–2027) → its figures as `kind year value`,
    /// the worked-out ones marked `*`.
    fn figures(doc: &str) -> Vec<String> {
        let doc = format!("某区公共服务“七优享”工程实施方案（2023—2027年）\n{doc}");
        extract(&doc, None)
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{}{}",
                    kind_year_value(c),
                    if c.computed { "*" } else { "" }
                )
            })
            .collect()
    }

    /// `翻一番` / `翻两番` with no level printed: twice (four times) the base the sentence or the
    /// row prints, marked as worked out. Near misses: a level printed after it (that is the
    /// target, once), no base printed, a clause naming another indicator, a base of another
    /// year than the one compared with, a row with no baseline (the multiple stays, with its
    /// doubt).
    #[test]
    fn a_multiple_of_a_printed_base_is_worked_out() {
        for (doc, want) in [
            (
                "基础养老金最低标准2022年为每人每月290元，到2027年实现翻一番。",
                "baseline 2022 290; target 2027 580*",
            ),
            (
                "托位数2022年为3.2个，到2025年翻两番。",
                "baseline 2022 3.2; target 2025 12.8*",
            ),
            (
                "托位数由2022年的3.2个翻一番，达到6.4个。",
                "baseline 2022 3.2; target 2027 6.4",
            ),
            ("城镇老旧小区改造比2022年翻两番。", ""),
            (
                "托位数2022年为3.2个，城镇老旧小区改造数到2027年翻两番。",
                "baseline 2022 3.2",
            ),
            (
                "托位数2021年为3.0个，到2027年比2022年翻一番。",
                "baseline 2021 3.0",
            ),
            (
                "序号\t指标名称\t单位\t2022年\t2025年\t2027年\n1\t托位数\t个\t3.2\t4.8\t翻一番\n",
                "baseline 2022 3.2; target 2025 4.8; target 2027 6.4*",
            ),
            (
                "序号\t指标名称\t单位\t2022年\t2025年\t2027年\n1\t托位数\t个\t/\t4.8\t翻一番\n",
                "target 2025 4.8; target 2027 2",
            ),
        ] {
            assert_eq!(figures(doc).join("; "), want, "{doc}");
        }
    }
}
