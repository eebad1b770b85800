//! What a document says about itself: title, 文号, date, kind, jurisdiction and period, read from
//! its opening; and, for a document whose title gives no period, its most likely end year.
//!
//! Why it exists: the period decides which stated years are targets and which are past figures,
//! and the draft's header needs the rest. None of it comes from the sentences that set targets.

use super::DocInfo;
use super::outline::{YearHow, years_before};
use super::phrase::strip_year_prefix;
use super::scan::{scan_number, skip_spaces};

/// How much of a document's opening is read for what it says about itself.
const HEAD_CHARS: usize = 20_000;

/// The eleven 地级市 of Zhejiang and the province: a title naming one of them is a parent plan
/// when the document also names a county-level one.
const PARENTS: [&str; 12] = [
    "浙江省",
    "杭州市",
    "宁波市",
    "温州市",
    "嘉兴市",
    "湖州市",
    "绍兴市",
    "金华市",
    "衢州市",
    "舟山市",
    "台州市",
    "丽水市",
];

/// Words before a 《title》 that cite another document rather than name this one.
const CITING: [&str; 10] = [
    "根据", "按照", "贯彻", "落实", "依据", "对照", "参照", "结合", "对标", "衔接",
];

/// Whether a string reads as a plan's title.
fn plan_words(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    (t.contains("方案") || t.contains("要点") || t.contains("规划") || t.contains("计划"))
        && (t.contains("公共服务") || t.contains("七优享") || t.contains("民生"))
        && !t.contains("关于")
        && !t.contains("通知")
        && t.chars().count() <= 80
}

/// The period a title states: `(2023—2027年)`, `(2023-2027年)`, the flattened `(20232027年)`, a
/// single `2024年`, or `十四五`.
pub(super) fn period_in(t: &str) -> Option<(i32, i32)> {
    if t.contains("十四五") {
        return Some((2021, 2025));
    }
    if t.contains("十五五") {
        return Some((2026, 2030));
    }
    let chars: Vec<char> = t.chars().collect();
    let mut years = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let digits: String = chars[i..j].iter().collect();
            let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y));
            match digits.len() {
                4 => years.extend(year(&digits)),
                // A range whose dash was lost when a .docx was flattened: 20232027.
                8 => {
                    if let (Some(a), Some(b)) = (year(&digits[..4]), year(&digits[4..])) {
                        years.push(a);
                        years.push(b);
                    }
                }
                _ => {}
            }
            i = j;
            continue;
        }
        i += 1;
    }
    match years.as_slice() {
        [] => None,
        [y] => Some((*y, *y)),
        [a, .., b] if a < b && b - a <= 10 => Some((*a, *b)),
        [.., b] => Some((*b, *b)),
    }
}

/// The jurisdiction a title names: `2024玉环市…` → 玉环市, `温州市鹿城区…` → 鹿城区.
fn jurisdiction_in(t: &str) -> Option<String> {
    let t: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '《')
        .collect();
    let t = strip_year_prefix(&t);
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches('年');
    let p = t.find(['市', '区', '县'])?;
    let end = p + '市'.len_utf8();
    let first = &t[..end];
    if first.chars().count() > 8 {
        return None;
    }
    // A city's name before its district's: the district is the document's.
    if PARENTS.contains(&first) {
        let rest = &t[end..];
        if let Some(q) = rest.find(['区', '县', '市']) {
            let e = q + '区'.len_utf8();
            if (2..=6).contains(&rest[..e].chars().count()) && !rest[..e].contains("公共") {
                return Some(rest[..e].to_string());
            }
        }
    }
    Some(first.to_string())
}

/// Whether a line is a document number alone: `鹿政办发〔2023〕45号`, `海政办〔2024〕3号`.
fn number_line(l: &str) -> Option<String> {
    let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let ok = t.ends_with('号')
        && t.chars().count() <= 24
        && t.contains(['〔', '[', '［'])
        && t.chars().any(|c| c.is_ascii_digit());
    ok.then(|| t.to_string())
}

/// Title, number, date, kind, jurisdiction and period, read from the document's opening: the
/// document's own title (`关于印发《…》的通知`, or a title line of its own), never a plan it cites
/// (`根据《温州市…》`), and of two titles the county-level one rather than its city's.
pub(super) fn doc_info(text: &str) -> DocInfo {
    let mut info = DocInfo::default();
    // What a document says about itself is at its head: the opening is enough, and reading no
    // more keeps this linear whatever the document's size.
    let head: String = text.chars().take(HEAD_CHARS).collect();
    let lines: Vec<&str> = head.lines().collect();
    // (title, rank, line): 0 the notice's own, 1 a title line, 2 an uncited 《…》.
    let mut titles: Vec<(String, u8, usize)> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        for (at, _) in line.match_indices('《') {
            let rest = &line[at + '《'.len_utf8()..];
            let Some(close) = rest.find('》') else {
                continue;
            };
            let t = rest[..close].trim();
            if !plan_words(t) {
                continue;
            }
            let before: String = line[..at]
                .chars()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let after = &rest[close..];
            if before.ends_with("关于印发") || before.ends_with("印发") && after.contains("通知")
            {
                titles.push((t.to_string(), 0, n));
            } else if !CITING.iter().any(|w| before.contains(w)) {
                titles.push((t.to_string(), 2, n));
            }
        }
        let t = line.trim();
        let bare = t.trim_start_matches('《').trim_end_matches('》');
        if !CITING.iter().any(|w| t.starts_with(w))
            && !t.ends_with(['。', ',', '，', '；'])
            && plan_words(bare)
            && !t.contains('《')
        {
            titles.push((bare.to_string(), 1, n));
        }
    }
    let parent = |t: &str| jurisdiction_in(t).is_some_and(|j| PARENTS.contains(&j.as_str()));
    let any_local = titles.iter().any(|(t, _, _)| !parent(t));
    let own = titles
        .iter()
        .filter(|(t, _, _)| !(any_local && parent(t)))
        .min_by_key(|(_, rank, n)| (*rank, *n));
    info.title = own.map(|(t, _, _)| t.clone());
    let title_line = own.map(|(_, _, n)| *n);
    if let Some(t) = &info.title {
        let sq: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        info.kind = Some(
            if sq.contains("要点") || sq.contains("计划") && !sq.contains("规划") {
                "work-points"
            } else if sq.contains("规划") {
                "five-year-plan"
            } else {
                "implementation"
            },
        );
        if let Some((a, b)) = period_in(t) {
            info.start = Some(a);
            info.end = Some(b);
        }
        info.jurisdiction = jurisdiction_in(t);
    }
    // 文号: where the page labels it, else a line of its own near the title (not one in
    // brackets after a cited plan).
    if let Some(p) = head.find("文号") {
        let rest: String = head[p + "文号".len()..]
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
    if info.number.is_none() {
        let near = |n: usize| title_line.is_none_or(|t| n.abs_diff(t) <= 8);
        info.number = lines
            .iter()
            .enumerate()
            .filter(|(n, _)| near(*n))
            .find_map(|(_, l)| number_line(l));
    }
    // The issuer: the office that sends the notice (`…人民政府办公室关于印发`), else 发布机构.
    if let Some(p) = head.find("关于印发") {
        let before: Vec<char> = head[..p]
            .chars()
            .rev()
            .take_while(|c| !c.is_whitespace() && !"。:：,，》".contains(*c))
            .collect();
        let issuer: String = before.into_iter().rev().collect();
        if (4..=30).contains(&issuer.chars().count()) {
            info.issuer = Some(issuer);
        }
    }
    if info.issuer.is_none()
        && let Some(p) = head.find("发布机构")
    {
        let rest = head[p + "发布机构".len()..].trim_start_matches([':', '：', ' ', '\t']);
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace())
            .take(30)
            .collect();
        if name.chars().count() >= 2 {
            info.issuer = Some(name);
        }
    }
    let text = head.as_str();
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
