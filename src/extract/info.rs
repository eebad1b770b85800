//! What a document says about itself: title, 文号, date, kind, jurisdiction and period, read from
//! its opening; and, for a document whose title gives no period, its most likely end year.
//!
//! Why it exists: the period decides which stated years are targets and which are past figures,
//! and the draft's header needs the rest. None of it comes from the sentences that set targets.

use super::DocInfo;
use super::outline::{YearHow, years_before};
use super::phrase::strip_year_prefix;
use super::scan::{scan_number, skip_spaces};

fn between(s: &str, open: char, close: char) -> impl Iterator<Item = &str> {
    s.match_indices(open).filter_map(move |(i, _)| {
        let rest = &s[i + open.len_utf8()..];
        rest.find(close).map(|j| &rest[..j])
    })
}

/// Title, number, date, kind, jurisdiction and period, read from the document's opening.
pub(super) fn doc_info(text: &str) -> DocInfo {
    let mut info = DocInfo::default();
    let is_plan = |t: &str| {
        (t.contains("方案") || t.contains("要点") || t.contains("规划"))
            && !t.contains("关于")
            && !t.contains("浙江省")
            && !t.contains("省")
    };
    info.title = between(text, '《', '》')
        .find(|t| is_plan(t) && t.contains("公共服务"))
        .or_else(|| between(text, '《', '》').find(|t| is_plan(t)))
        .map(|t| t.trim().to_string());
    if let Some(t) = &info.title {
        info.kind = Some(if t.contains("要点") {
            "work-points"
        } else if t.contains("规划") {
            "five-year-plan"
        } else {
            "implementation"
        });
        let chars: Vec<char> = t.chars().collect();
        let ys = years_before(&chars, chars.len());
        let all_years: Vec<i32> = {
            // `(2023—2027年)`: the first year has no 年 of its own.
            let mut v = Vec::new();
            let mut i = 0;
            while i < chars.len() {
                if chars[i].is_ascii_digit()
                    && (i == 0 || !chars[i - 1].is_ascii_digit())
                    && let Some((j, d)) = scan_number(&chars, i)
                    && d.scale() == 0
                    && (1990..=2100).contains(&d.mantissa())
                {
                    v.push(d.mantissa() as i32);
                    i = j;
                    continue;
                }
                i += 1;
            }
            v
        };
        if t.contains("十四五") {
            info.start = Some(2021);
            info.end = Some(2025);
        } else if all_years.len() >= 2 {
            info.start = all_years.first().copied();
            info.end = all_years.last().copied();
        } else if let Some((_, y, _)) = ys.first() {
            info.start = Some(*y);
            info.end = Some(*y);
        }
        let name_part = strip_year_prefix(t);
        if let Some(p) = name_part.find(['市', '区', '县']) {
            let end = p + '市'.len_utf8();
            if name_part[..end].chars().count() <= 8 {
                info.jurisdiction = Some(name_part[..end].to_string());
            }
        }
    }
    // 文号: only where the page labels it, so that a cited document's number is not taken.
    if let Some(p) = text.find("文号") {
        let rest: String = text[p + "文号".len()..]
            .chars()
            .take(60)
            .collect::<String>();
        let rest = rest.trim_start_matches([':', '：', ' ', '\n', '\t', '\r']);
        let rest = rest.trim_start();
        if let Some(q) = rest.find('号') {
            let cand = rest[..q + '号'.len_utf8()].trim();
            if cand.contains('〔') && !cand.contains(char::is_whitespace) {
                info.number = Some(cand.to_string());
            }
        }
    }
    // 成文日期, else the first full date in the text.
    let date_after = |from: usize| -> Option<String> {
        let chars: Vec<char> = text[from..].chars().take(80).collect();
        let mut nums = Vec::new();
        let mut i = 0;
        while i < chars.len() && nums.len() < 3 {
            if chars[i].is_ascii_digit() {
                let (j, d) = scan_number(&chars, i)?;
                nums.push(d.mantissa());
                i = j;
                let k = skip_spaces(&chars, i);
                if !chars.get(k).is_some_and(|c| "-年月日/.".contains(*c)) && nums.len() < 3 {
                    return None;
                }
            } else {
                i += 1;
            }
        }
        (nums.len() == 3 && (1990..=2100).contains(&nums[0]))
            .then(|| format!("{:04}-{:02}-{:02}", nums[0], nums[1], nums[2]))
    };
    if let Some(p) = text.find("成文日期") {
        info.date = date_after(p + "成文日期".len());
    }
    if info.date.is_none() {
        let chars: Vec<char> = text.chars().collect();
        for (pos, _, _) in years_before(&chars, chars.len()) {
            let byte = chars[..pos].iter().map(|c| c.len_utf8()).sum::<usize>();
            let window: String = chars[pos..chars.len().min(pos + 12)].iter().collect();
            if window.contains('月') && window.contains('日') {
                info.date = date_after(byte);
                if info.date.is_some() {
                    break;
                }
            }
        }
    }
    info
}

/// The largest 到20XX年 of the text.
pub(super) fn largest_by_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    years_before(&chars, chars.len())
        .into_iter()
        .filter(|(_, _, h)| *h == YearHow::By)
        .map(|(_, y, _)| y)
        .max()
}
