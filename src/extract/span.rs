//! The span of years a past figure is over, read from the words printed before it: `“十三五”平均值`,
//! `2018—2022年平均`, `“十三五”期间累计`, `2018年以来累计`.
//!
//! Why it exists: a baseline that is an average or a total over several years is not the level of
//! its last year, and `check` must never start a path from it (README, "a baseline over a span").
//! The plan format says so with `kind: average | total` and `from`; the draft can only write them
//! if extract reads what the document says, and the document says it in a handful of forms.

use crate::plan::schema::Measure;

/// A span of years and what a figure over it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub measure: Measure,
    pub from: i32,
    /// The span's last year; `None` where the words only say where it starts (`2018年以来`):
    /// it ends in the figure's own year.
    pub to: Option<i32>,
}

/// The five-year periods by name.
const PERIODS: [(&str, i32); 6] = [
    ("十一五", 2006),
    ("十二五", 2011),
    ("十三五", 2016),
    ("十四五", 2021),
    ("十五五", 2026),
    ("十六五", 2031),
];

const AVERAGE: [&str; 4] = ["平均", "均值", "年均", "均数"];
const TOTAL: [&str; 6] = ["累计", "合计", "共计", "总计", "累积", "总量"];
const DASHES: [char; 9] = ['—', '–', '-', '－', '~', '～', '至', '到', '―'];

/// A span named in `words`: the last one, with the words after it up to the figure. `indicator`
/// is the figure's name, whose own 平均 (`平均浓度`, `平均受教育年限`) says nothing of a span.
/// `counted`: extract read the figure as a count that adds up (`scope: cumulative`), so a
/// period with no measure word (`“十三五”期间新增托位1200个`) is its total.
/// `None` where no span is named, or where the words name one but not an average or a total
/// (`“十三五”末`, `“十三五”时期…达51.8%`: a level in the span's last year).
pub(crate) fn span_before(words: &str, indicator: &str, counted: bool) -> Option<Span> {
    let w: String = words
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\''))
        .collect();
    let (at, len, from, to) = last_span(&w)?;
    let after = &w[at + len..];
    let since = after.starts_with("以来");
    // The name as the words print it, unless it runs over the span itself (a phrase extract
    // could not trim: `…以“十三五”平均值`), whose words after the span are the span's.
    let name: String = indicator
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\''))
        .collect();
    let after = if name.is_empty() || name.contains(&w[at..at + len]) {
        after.to_string()
    } else {
        after.replace(&name, "")
    };
    // The measure is stated close after the span (`十三五平均值`, `十三五期间全区累计实现…`), in the
    // clause that holds the figure.
    // A period in a clause of its own (`“十三五”时期，全县人均预期寿命年均值为81.3岁`) is measured in
    // the clause after it.
    let mut parts = after.split(['，', ',', '；', ';', '。']);
    let first = parts.next().unwrap_or("");
    let lead = ["期间", "时期", "以来"].contains(&first);
    let close: String = first
        .chars()
        .chain(parts.next().filter(|_| lead).unwrap_or("").chars())
        .take(24)
        .collect();
    let period = close.starts_with("期间") || close.starts_with("时期") || since;
    let measure = if AVERAGE.iter().any(|m| close.contains(m)) {
        Measure::Average
    } else if TOTAL.iter().any(|m| close.contains(m)) || counted && period {
        Measure::Total
    } else {
        return None;
    };
    if close.starts_with('末') || close.starts_with("期末") || close.starts_with("年底") {
        return None;
    }
    Some(Span {
        measure,
        from,
        to: if since { None } else { to },
    })
}

/// The five-year period that starts in `year` (2021: 十四五), by its first year.
pub(crate) fn period_starting(year: i32) -> bool {
    PERIODS.iter().any(|(_, from)| *from == year)
}

/// The last span named in `w` (no spaces): its byte position and length, first and last year.
fn last_span(w: &str) -> Option<(usize, usize, i32, Option<i32>)> {
    let mut best: Option<(usize, usize, i32, Option<i32>)> = None;
    for (name, from) in PERIODS {
        if let Some(p) = w.rfind(name)
            && best.is_none_or(|b| p > b.0)
        {
            best = Some((p, name.len(), from, Some(from + 4)));
        }
    }
    // `2018—2022年`, `2018年至2022年`, `2018-2022`, `2018年以来`.
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let Some((a, from, next)) = year_at(&chars, k) else {
            k += 1;
            continue;
        };
        let mut j = next;
        if chars.get(j).is_some_and(|(_, c)| *c == '年') {
            j += 1;
        }
        let found = if chars.get(j).is_some_and(|(_, c)| DASHES.contains(c)) {
            year_at(&chars, j + 1)
                .filter(|(_, to, _)| *to > from && *to - from <= 20)
                .map(|(_, to, end)| {
                    let end = if chars.get(end).is_some_and(|(_, c)| *c == '年') {
                        end + 1
                    } else {
                        end
                    };
                    (end, Some(to))
                })
        } else if w[chars.get(j).map_or(w.len(), |c| c.0)..].starts_with("以来") {
            Some((j, None))
        } else {
            None
        };
        if let Some((end, to)) = found {
            let end_byte = chars.get(end).map_or(w.len(), |c| c.0);
            if best.is_none_or(|b| a > b.0) {
                best = Some((a, end_byte - a, from, to));
            }
            k = end;
        } else {
            k = next;
        }
    }
    best
}

/// A year (four ASCII digits, 1990–2100, not part of a longer number) at `k`: its byte
/// position, the year and the index after it.
fn year_at(chars: &[(usize, char)], k: usize) -> Option<(usize, i32, usize)> {
    if k > 0 && chars[k - 1].1.is_ascii_digit() {
        return None;
    }
    let digits: String = chars
        .get(k..)?
        .iter()
        .take_while(|(_, c)| c.is_ascii_digit())
        .map(|(_, c)| *c)
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1990..=2100).contains(&y).then_some((chars[k].0, y, k + 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words | indicator | counted | what is read` (`average 2016 2020`; `-` for no last year;
    /// empty for no span).
    const CASES: &str = "
人均预期寿命(岁)这项指标的2025年目标设置以“十三五”平均值( | 人均预期寿命 | n | average 2016 2020
细颗粒物(PM2.5)平均浓度这项指标的2025年目标设置以“十三五”平均值( | 细颗粒物(PM2.5)平均浓度 | n | average 2016 2020
以十三五平均值( | 3)人均预期寿命(岁)这项指标的2025年目标设置以“十三五”平均值 | n | average 2016 2020
“十三五”期间全区累计实现城镇新增就业 | 城镇新增就业 | y | total 2016 2020
2018—2022年平均 |  | n | average 2018 2022
2018-2022年年均 |  | n | average 2018 2022
2018年至2022年累计 |  | n | total 2018 2022
“十三五”期间新增托位 | 新增托位 | y | total 2016 2020
2018年以来累计新增托位 | 新增托位 | y | total 2018 -
“十三五”时期,公办园覆盖面达 | 公办园覆盖面 | n |
“十三五”期间新增托位 | 新增托位 | n |
“十三五”末,平均受教育年限 | 平均受教育年限 | n |
截至2022年底,全县共有托位 | 托位 | n |
城区平均急救反应时间少于 | 城区平均急救反应时间 | n |
2022年基础值 |  | n |
电话88812018-2022年平均 |  | n |
";

    /// The indicator's own 平均 is not the span's; a name extract could not trim keeps the
    /// span's words; a level in the span's last year, a year, a phone number are no span.
    #[test]
    fn spans_as_documents_print_them() {
        for line in CASES.lines().filter(|l| !l.is_empty()) {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            let got = span_before(f[0], f[1], f[2] == "y").map(|s| {
                let to = s.to.map_or("-".to_string(), |t| t.to_string());
                format!("{} {} {to}", s.measure.name(), s.from)
            });
            assert_eq!(got.as_deref().unwrap_or(""), f[3], "{line}");
        }
    }
}
