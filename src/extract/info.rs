//! What a document says about itself: title, 文号, date, kind, jurisdiction and period, read from
//! its opening; and, for a document whose title gives no period, its most likely end year.
//!
//! Why it exists: the period decides which stated years are targets and which are past figures,
//! and the draft's header needs the rest. None of it comes from the sentences that set targets.

use super::DocInfo;
use super::outline::{YearHow, years_before};
use super::phrase::strip_year_prefix;
use super::scan::{is_digit, skip_spaces};

/// How much of a document's opening is read for what it says about itself.
const HEAD_CHARS: usize = 20_000;

/// The eleven 地级市 of Zhejiang and the province: a title naming one of them is a parent plan
/// when the document also names a county-level one.
pub(super) const PARENTS: [&str; 12] = [
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
    // A year's 考核办法 (考核评价办法, 评分细则) sets the year's targets in its table as a plan does.
    let assessment = t.contains("考核") && (t.contains("办法") || t.contains("细则"));
    // A plan's indicator sheet handed out alone (`…公共服务“七优享”工程主要指标表（2023—2027年）`)
    // names the plan's place and period as its title does; a year's list of livelihood projects
    // (`2024年民生实事项目候选项目票决表`) sets that year's quotas as a year's work points do. Not
    // a report on them (`…完成情况`, `…进展`): that is no plan's title.
    let sheet = (t.contains("主要指标") || t.contains("民生实事项目"))
        && !t.contains("情况")
        && !t.contains("进展");
    (t.contains("方案")
        || t.contains("要点")
        || t.contains("规划")
        || t.contains("计划")
        || assessment
        || sheet)
        && (t.contains("公共服务") || t.contains("七优享") || t.contains("民生"))
        && !t.contains("关于")
        && !t.contains("通知")
        && t.chars().count() <= 80
}

/// Whether a title is a plan's only as its indicator sheet or a year's 民生实事 list is
/// ([`plan_words`]), naming no 方案, 要点, 规划, 计划 or 考核办法 of its own.
fn sheet_title(t: &str) -> bool {
    plan_words(t)
        && !["方案", "要点", "规划", "计划", "考核"]
            .iter()
            .any(|w| t.contains(w))
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
    // A name is Chinese characters: what stands before them is the line's markup or a tag (a
    // Markdown heading's `#`, AsciiDoc's `=`, a chat's `[文件]`, `【转发】`), not the name's.
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let from = first
        .char_indices()
        .rev()
        .take_while(|(_, c)| han(*c))
        .last()
        .map_or(first.len(), |(i, _)| i);
    let first = &first[from..];
    if first.chars().count() < 2 {
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

/// A title without the spaces a web page left inside it (`“七优享” 工程`): white space is kept
/// only between two ASCII characters.
fn without_gaps(t: &str) -> String {
    let chars: Vec<char> = t.trim().chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            !c.is_whitespace()
                || chars[..*i]
                    .iter()
                    .rev()
                    .find(|x| !x.is_whitespace())
                    .is_some_and(char::is_ascii)
                    && chars[i + 1..]
                        .iter()
                        .find(|x| !x.is_whitespace())
                        .is_some_and(char::is_ascii)
        })
        .map(|(_, c)| *c)
        .collect()
}

/// The opening's lines, with a title a PDF or a narrow page wrapped joined again (each with the
/// number of its first line): a `《` whose `》` comes on a later line, a `关于印发` whose `的通知`
/// does, a title line whose period is the next line (`(2023—2027年)` under the title).
fn logical_lines(lines: &[&str]) -> Vec<(usize, String)> {
    let squashed = |l: &str| l.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let is_period = |l: &str| {
        let t = squashed(l);
        t.starts_with(['(', '（'])
            && t.ends_with([')', '）'])
            && t.chars().count() <= 16
            && period_in(&t).is_some()
    };
    let open = |l: &str| {
        l.rfind('《').is_some_and(|p| !l[p..].contains('》'))
            || l.find("关于印发")
                .is_some_and(|p| !l[p..].contains("的通知"))
    };
    let mut out = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        let mut line = lines[n].trim_end().to_string();
        let mut next = n + 1;
        // Up to three more lines for an unclosed title (blank lines between count too).
        while open(&line) && next < lines.len() && next <= n + 3 {
            line.push_str(lines[next].trim());
            next += 1;
        }
        if plan_words(&squashed(&line))
            && let Some(k) =
                (next..lines.len().min(next + 2)).find(|k| !lines[*k].trim().is_empty())
            && is_period(lines[k])
        {
            line.push_str(lines[k].trim());
            next = k + 1;
        }
        out.push((n, line));
        n = next;
    }
    out
}

/// Whether a line is a document number alone (after a label: `文件编号:`): `鹿政办发〔2023〕45号`,
/// `海政办〔2024〕3号`.
fn number_line(l: &str) -> Option<String> {
    // A report up or a letter prints its signer on the number's line (`西卫健建〔2024〕37号
    // 签发人：章建华`, GB/T 9704's 上行文): the number is what stands before.
    let l = ["签发人", "签 发 人"]
        .iter()
        .find_map(|w| l.find(w).map(|p| &l[..p]))
        .unwrap_or(l);
    let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    let t = match t.rfind([':', '：']) {
        Some(p) if t[..p].ends_with("号") || t[..p].ends_with("编号") => {
            t[p..].trim_start_matches([':', '：']).to_string()
        }
        _ => t,
    };
    let t = t
        .trim_start_matches(['•', '·', '●', '-', '*'])
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    // An annex printed under its notice's number (`柯政办发〔2023〕28号附件`, `…号附件1`): the
    // number is the notice's, which the annex's plan was issued under.
    let t = t
        .trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        .strip_suffix("附件")
        .unwrap_or(t);
    // An OCR'd or typed `婺政办发（2023）61号`: the year in round brackets right after the
    // issuer's words and before the serial number stands for 〔2023〕.
    let rounded = round_bracketed_year(t);
    let t = rounded.as_deref().unwrap_or(t);
    let ok = t.ends_with('号')
        && t.chars().count() <= 24
        && t.contains(['〔', '[', '［'])
        && t.chars().any(|c| c.is_ascii_digit());
    // The year is bracketed in 〔〕 (GB/T 9704); typed or OCR'd `[2023]`, `［2023］` stand for them.
    ok.then(|| {
        t.replacen(['[', '［'], "〔", 1)
            .replacen([']', '］'], "〕", 1)
    })
}

/// A 文号 whose year is in round brackets (`婺政办发（2023）61号`, `婺政办发(2023)61号`) with
/// its year in 〔〕; None for anything else: the issuer's words are Chinese (two to twelve
/// characters), the year four digits from 1990 on, the serial digits before `号`.
fn round_bracketed_year(t: &str) -> Option<String> {
    let open = t.find(['（', '('])?;
    let issuer = &t[..open];
    let rest = &t[open..];
    let rest = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('))?;
    let close = rest.find(['）', ')'])?;
    let year = &rest[..close];
    let serial = rest[close..]
        .strip_prefix('）')
        .or_else(|| rest[close..].strip_prefix(')'))?
        .strip_suffix('号')?;
    let issuer_ok =
        (2..=12).contains(&issuer.chars().count()) && issuer.chars().all(super::scan::is_cjk);
    let year_ok = year.len() == 4
        && year
            .parse::<u32>()
            .is_ok_and(|y| (1990..=2100).contains(&y));
    let serial_ok = (1..=4).contains(&serial.len()) && serial.chars().all(|c| c.is_ascii_digit());
    (issuer_ok && year_ok && serial_ok).then(|| format!("{issuer}〔{year}〕{serial}号"))
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
    // A title and the 文号 in brackets right after it (`《…》（萧政办发〔2023〕36号）`,
    // `（龙政办发〔2023〕67号，以下简称《实施方案》）`), where it is not cited.
    let mut numbered: Vec<(String, String)> = Vec::new();
    for (n, line) in logical_lines(&lines) {
        let line = line.as_str();
        // A mail's header (`主题: 回复: 洞头区七优享实施方案主要指标报备`) is the message's, not
        // the title of the document it carries.
        if mail_header(line) {
            continue;
        }
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
            // The sentence may run on over the lines a page or a mail client wrapped.
            let sentence = lines
                .iter()
                .skip(n + 1)
                .take(2)
                .fold(after['》'.len_utf8()..].to_string(), |s, l| s + l.trim());
            let number =
                bracketed_number(&after['》'.len_utf8()..]).or_else(|| issued_number(&sentence));
            let cited = CITING.iter().any(|w| before.contains(w));
            // An office issued it (`…办公室印发了《…》`): the notice's own, where the notice
            // follows or its 文号 does.
            let issued = before.trim_end_matches('了').ends_with("印发")
                && (after.contains("通知") || number.is_some());
            if before.ends_with("关于印发") || issued {
                titles.push((t.to_string(), 0, n));
            } else if !cited {
                titles.push((t.to_string(), 2, n));
            }
            if let Some(number) = number.filter(|_| !cited) {
                numbered.push((t.to_string(), number));
            }
        }
        // `…关于印发X的通知` with no brackets round the title.
        if let Some(p) = line.find("关于印发") {
            let rest = &line[p + "关于印发".len()..];
            if !rest.trim_start().starts_with('《')
                && let Some(q) = rest.find("的通知")
                && plan_words(&rest[..q])
            {
                titles.push((rest[..q].trim().to_string(), 0, n));
                // `…关于印发X的通知（舟定政办发〔2023〕44号）`: the notice's own number after it
                // (a dataset's `依据文件`, a list of documents).
                if let Some(number) = bracketed_number(&rest[q + "的通知".len()..]) {
                    numbered.push((rest[..q].trim().to_string(), number));
                }
            }
        }
        let t = line.trim();
        // A spreadsheet's title row saved as CSV: the title, then a comma for each empty cell
        // of the row (`…票决表,,,,,,,`); one comma ending a line is a sentence's.
        let t = if t.ends_with(",,") {
            t.trim_end_matches(',').trim_end()
        } else {
            t
        };
        let bare = t.trim_start_matches('《').trim_end_matches('》');
        // `表1 建德市公共服务“十四五”规划主要指标…` is a table's caption, not a title.
        let caption = t.starts_with("附表")
            || t.strip_prefix('表').is_some_and(|r| {
                r.trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || c == ' ')
            });
        if !caption
            && !CITING.iter().any(|w| t.starts_with(w))
            && !t.ends_with(['。', ',', '，', '；'])
            && plan_words(bare)
            && !t.contains('《')
        {
            // A sheet's or a list's own title gives way to a plan it names (`本表为《…实施方案
            // （2023—2027年）》（…号）附件1` under `…主要指标表`): the plan's title, period and 文号.
            let rank = if sheet_title(bare) { 3 } else { 1 };
            titles.push((bare.to_string(), rank, n));
        }
    }
    let parent = |t: &str| jurisdiction_in(t).is_some_and(|j| PARENTS.contains(&j.as_str()));
    let any_local = titles.iter().any(|(t, _, _)| !parent(t));
    let own = titles
        .iter()
        .filter(|(t, _, _)| !(any_local && parent(t)))
        .min_by_key(|(_, rank, n)| (*rank, *n));
    // The notice may name the plan without its period (`关于印发江山市…实施方案的通知`) where the
    // plan's own title line states it: the same title with its period is the better copy.
    let own = own.map(|o| {
        titles
            .iter()
            .find(|(t, _, _)| {
                period_in(&o.0).is_none()
                    && period_in(t).is_some()
                    && without_gaps(t).starts_with(&without_gaps(&o.0))
            })
            .unwrap_or(o)
    });
    info.title = own.map(|(t, _, _)| without_gaps(t));
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
    if let Some((p, label)) = ["文号", "文件编号", "发文字号"]
        .iter()
        .filter_map(|w| head.find(w).map(|p| (p, *w)))
        .min()
    {
        let rest: String = head[p + label.len()..].chars().take(60).collect::<String>();
        // The label's cell and the number's may stand apart (`| 文号： | 舟普政办发〔2023〕38号 |`, a
        // page's 信息公开 table read as its rows).
        let rest = rest.trim_start_matches([':', '：', ' ', '\n', '\t', '\r', '|', '｜']);
        // Said rather than labelled (`文号是余政办发〔2023〕58号`, `文号为…`: a video's subtitles,
        // a transcript).
        let rest = rest.trim_start().trim_start_matches(['是', '为']);
        if let Some(q) = rest.find('号') {
            let cand = rest[..q + '号'.len_utf8()].trim();
            if cand.contains('〔') && !cand.contains(char::is_whitespace) {
                info.number = Some(cand.to_string());
            }
        }
    }
    if info.number.is_none() {
        // A page reporting or explaining the plan gives its 文号 in brackets after its title.
        info.number = own.and_then(|(t, _, _)| {
            numbered
                .iter()
                .find(|(n, _)| n == t)
                .map(|(_, number)| number.clone())
        });
    }
    if info.number.is_none() {
        // A page explaining a plan (政策解读, 一图读懂) names the plan it explains, its 文号 in
        // brackets after it: `政策原文：…的通知（长政办发〔2023〕33号）` is this plan's number.
        info.number = lines
            .iter()
            .filter(|l| {
                let t = l.trim_start();
                ["政策原文", "原文链接", "解读文件", "解读对象"]
                    .iter()
                    .any(|w| t.starts_with(w))
            })
            .find_map(|l| {
                let open = l.rfind(['（', '('])?;
                number_line(&l[open..])
            });
    }
    if info.number.is_none() && own.is_some() {
        // A text approving or reporting the plan says it was issued and gives its number in
        // brackets (`决定批准该实施方案，由区人民政府办公室印发实施（临政办发〔2023〕71号）`): the
        // plan's. Not a cited plan's (`根据《…》（…号）`: a title or a citing word in the
        // sentence), nor a sentence that names no plan.
        info.number = head.split(['。', '\n']).find_map(|sentence| {
            // The sentence names the plan (`该实施方案`, `本方案`); a bare `印发（…号）` none.
            let plan = ["方案", "规划", "要点", "计划"]
                .iter()
                .any(|w| sentence.contains(w));
            if !plan || sentence.contains('《') || CITING.iter().any(|w| sentence.contains(w)) {
                return None;
            }
            sentence.match_indices("印发").find_map(|(p, w)| {
                let after = sentence[p + w.len()..].trim_start_matches(['实', '施', '执', '行']);
                after
                    .starts_with(['（', '('])
                    .then(|| bracketed_number(after))
                    .flatten()
            })
        });
    }
    if info.number.is_none() {
        // Above the title (a 红头 document prints it under the office's name), or just after.
        let near = |n: usize| title_line.is_none_or(|t| n <= t + 8);
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
    // An office that `印发《…》` (a page reporting the plan: `杭州市萧山区人民政府办公室印发《…》`).
    if info.issuer.is_none() {
        info.issuer = head.match_indices("印发").find_map(|(p, _)| {
            let next = head[p + "印发".len()..].trim_start_matches('了');
            if !next.starts_with('《') {
                return None;
            }
            let before: Vec<char> = head[..p]
                .chars()
                .rev()
                .take_while(|c| !c.is_whitespace() && !"。:：,，;；》、".contains(*c))
                .collect();
            office(&before.into_iter().rev().collect::<String>())
                .filter(|o| o.ends_with("办公室") || o.ends_with("人民政府"))
        });
    }
    if info.issuer.is_none()
        && let Some(p) = head.find("发布机构")
    {
        let rest = head[p + "发布机构".len()..].trim_start_matches(LABEL_GAP);
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace())
            .take(30)
            .collect();
        if name.chars().count() >= 2 {
            info.issuer = Some(name);
        }
    }
    let (date, signer) = document_date(&lines);
    info.date = date;
    if info.issuer.is_none() {
        info.issuer = signer;
    }
    // A title that names no place (`公共服务“七优享”工程实施方案`): the issuing office's.
    if info.jurisdiction.is_none() {
        info.jurisdiction = info.issuer.as_deref().and_then(jurisdiction_in);
    }
    // A report to a people's congress names its place only as the congress it is given to and
    // the government whose head gives it.
    if info.jurisdiction.is_none() {
        info.jurisdiction = lines
            .iter()
            .take(HEAD_LINES)
            .find_map(|l| reported_place(l));
    }
    // A bulletin on a year's progress (`关于2024年前三季度…主要指标进展情况的通报`), where no
    // plan's title was found: its title and year are its own, its place the red head's.
    if info.title.is_none()
        && let Some((title, year)) = progress_title(&lines)
    {
        info.title = Some(title);
        info.kind = Some("work-points");
        info.start = Some(year);
        info.end = Some(year);
        info.progress = true;
        if info.jurisdiction.is_none() {
            info.jurisdiction = lines
                .iter()
                .find(|l| !l.trim().is_empty())
                .and_then(|l| jurisdiction_in(l));
        }
    }
    // A report to a congress: its title line (`政府工作报告`, `2024年海盐县政府工作报告`) or its
    // byline, where no plan's title was found.
    info.report = info.title.is_none()
        && lines.iter().take(HEAD_LINES).any(|l| {
            let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            t.ends_with("政府工作报告") && t.chars().count() <= 24
                || t.contains("届人民代表大会") && t.ends_with("会议上")
        });
    info
}

/// How many of the opening's lines a report's byline is looked for in.
const HEAD_LINES: usize = 12;

/// How many of the opening's lines a bulletin's title is looked for in: its red head, 期 and
/// 文号 lines and the blank lines between them come first.
const BULLETIN_HEAD_LINES: usize = 24;

/// What kind of bulletin a title's `通报` may say (`督查通报`, `督导通报`, `专项督查通报`).
const BULLETIN_KINDS: &[char] = &['督', '查', '导', '巡', '专', '项', '进', '度'];

/// Words a bulletin's title ends with that report a year's progress (`…进展情况的通报`).
const PROGRESS_WORDS: [&str; 5] = ["进展情况", "进度情况", "推进情况", "完成情况", "实施情况"];

/// The title of a bulletin on a year's progress among the opening's lines, a title a page wraps
/// joined again (`关于2024年前三季度公共服务“七优享”工程` / `主要指标进展情况的通报`), and the
/// year it reports: `关于` at a line's start, `…情况的通报` within three lines, the first year in
/// it, the words of a public-service programme. A bulletin the title of which names no year, or
/// a notice of anything else, is none.
fn progress_title(lines: &[&str]) -> Option<(String, i32)> {
    let squashed = |l: &str| l.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    lines
        .iter()
        .take(BULLETIN_HEAD_LINES)
        .enumerate()
        .find_map(|(n, l)| {
            // A Markdown heading's marks (`## 关于…`, a PDF-to-Markdown converter's) are none of
            // the title.
            let first = squashed(l);
            let rest = first.trim_start_matches('#').strip_prefix("关于")?;
            let mut t = rest.to_string();
            for next in lines.iter().skip(n + 1).take(3) {
                if t.contains("通报") {
                    break;
                }
                t.push_str(&squashed(next));
            }
            // `…情况的通报`, and a bulletin of an inspection (`…情况的督查通报`, `督导通报`).
            let t = t[..t.find("通报")?]
                .trim_end_matches(BULLETIN_KINDS)
                .strip_suffix('的')?;
            let reports = PROGRESS_WORDS.iter().any(|w| t.ends_with(w));
            let programme = t.contains("七优享") || t.contains("公共服务") || t.contains("民生");
            let year = period_in(t).map(|(a, _)| a)?;
            (reports && programme && t.chars().count() <= 60).then(|| (t.to_string(), year))
        })
}

/// The 文号 in brackets at the start of `t` (what follows a title's `》`): `（萧政办发〔2023〕36号）`,
/// `（龙政办发〔2023〕67号，以下简称《实施方案》）`.
fn bracketed_number(t: &str) -> Option<String> {
    let t = t.trim_start();
    let inner = t.strip_prefix(['（', '('])?;
    let end = inner.find(['）', ')', '，', ',', '；', ';'])?;
    number_line(&inner[..end])
}

/// Whether a line is one of a mail's headers: a label a mail client prints (`主题:`,
/// `Subject:`, `发件人：`, `From:`) and its colon at the line's start.
fn mail_header(line: &str) -> bool {
    const LABELS: [&str; 14] = [
        "主题",
        "Subject",
        "发件人",
        "From",
        "收件人",
        "To",
        "抄送",
        "Cc",
        "日期",
        "Date",
        "发送时间",
        "时间",
        "Sent",
        "答复",
    ];
    let t = line.trim_start();
    LABELS.iter().any(|l| {
        t.strip_prefix(l)
            .is_some_and(|r| r.trim_start().starts_with([':', '：']))
    })
}

/// The 文号 a sentence about a title gives where it says the title was issued, after the title
/// and before the sentence ends: `《…》已经区政府第27次常务会议审议通过，于9月28日印发（洞政办发
/// 〔2023〕52号）`. Not a later sentence's, nor a number the sentence does not say was issued.
fn issued_number(after: &str) -> Option<String> {
    let sentence = &after[..after.find(['。', '》', '《']).unwrap_or(after.len())];
    sentence
        .match_indices("印发")
        .find_map(|(p, w)| bracketed_number(&sentence[p + w.len()..]))
}

/// The place a report's byline names: the congress it is given to (`在海盐县第十七届人民代表大会
/// 第四次会议上`) or the head of the government giving it (`海盐县人民政府县长　沈建明`). Not
/// inside a cited title (`《…人民政府关于…》`).
fn reported_place(line: &str) -> Option<String> {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let congress = t.find("届人民代表大会").and_then(|p| t[..p].rfind('第'));
    let head = ["县长", "市长", "区长", "代县长", "代市长", "代区长"]
        .iter()
        .find_map(|w| t.find(&format!("人民政府{w}")));
    let at = congress.or(head)?;
    if t[..at].contains('《') && !t[..at].contains('》') {
        return None;
    }
    // The place is the run of Chinese characters before it, after the words that lead to it
    // (`——2024年1月10日在`).
    let run: String = t[..at]
        .chars()
        .rev()
        .take_while(|c| super::scan::is_cjk(*c))
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let place = run.rsplit(['在', '于']).next()?;
    let place = jurisdiction_in(place)?;
    (place.chars().count() >= 2 && place.ends_with(['县', '市', '区'])).then_some(place)
}

/// What separates a page's label from its value: `成文日期: | 2021-10-19 |`.
const LABEL_GAP: &[char] = &[':', '：', ' ', '\t', '\u{3000}', '|', '｜'];

/// Labels a page puts before the date the document was signed (成文), and before the date it
/// was published: the first is the document's date, the second only when it is all there is.
const SIGNED: [&str; 3] = ["成文日期", "成文时间", "签发日期"];
const PUBLISHED: [&str; 6] = [
    "发布日期",
    "发布时间",
    "发文日期",
    "印发日期",
    "公布日期",
    "公开日期",
];

/// The document's date and the office that signed it. In order: the page's 成文日期; the date
/// that closes the notice on a line of its own (`2023年7月25日` under the office's name, which is
/// then the signer); the page's 发布日期 (`2023-07-25 16:44`); a date on the title's line or just
/// after it, or the first date of the opening. A date inside a sentence (`2025年12月31日前完成`) is a deadline, never the date.
fn document_date(lines: &[&str]) -> (Option<String>, Option<String>) {
    let labelled = |labels: &[&str]| {
        lines.iter().enumerate().find_map(|(n, l)| {
            let (p, label) = labels
                .iter()
                .filter_map(|w| l.find(w).map(|p| (p, *w)))
                .min()?;
            let rest = l[p + label.len()..].trim_start_matches(LABEL_GAP);
            // The value may sit on a line of its own (`成文日期` in one cell, the date in the next).
            let rest = if rest.trim().is_empty() {
                lines[n + 1..]
                    .iter()
                    .find(|l| !l.trim().is_empty())
                    .copied()
                    .unwrap_or_default()
            } else {
                rest
            };
            let chars: Vec<char> = rest.trim_start_matches(LABEL_GAP).chars().collect();
            date_at(&chars, 0).map(|(_, d)| d)
        })
    };
    if let Some(d) = labelled(&SIGNED) {
        return (Some(d), None);
    }
    // The notice's closing: a line that is nothing but a date, under the office that signs it
    // (else the first such line: a page's own date).
    let mut bare: Option<String> = None;
    for (n, l) in lines.iter().enumerate() {
        let chars: Vec<char> = l
            .trim()
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）'])
            .trim()
            .chars()
            .collect();
        // The date ends the line; before it, nothing or the office (`瑞安市人民政府办公室 2023年4月27日`
        // where a page ran the two lines together).
        let Some((at, d)) = (0..chars.len())
            .filter(|&i| i == 0 || !is_digit(chars[i - 1]) && date_digit(chars[i - 1]).is_none())
            .find_map(|i| {
                date_at(&chars, i)
                    .filter(|(end, _)| *end == chars.len())
                    .map(|(_, d)| (i, d))
            })
        else {
            continue;
        };
        let before: String = chars[..at].iter().collect();
        let signer = if before.trim().is_empty() {
            // Above it the office, perhaps with a seal's line between (`(…人民政府办公室代章)`).
            lines[..n]
                .iter()
                .rev()
                .filter(|l| !l.trim().is_empty())
                .find(|l| !l.trim_end().trim_end_matches([')', '）']).ends_with("代章"))
                .and_then(|l| office(l))
        } else {
            match office(&before) {
                Some(o) => Some(o),
                None => continue,
            }
        };
        // A date in words closes a notice whoever signs it; a bare `2023-07-25` is as likely
        // the page's own stamp, the publication date.
        if signer.is_some() || chars[at..].contains(&'年') {
            return (Some(d), signer);
        }
        bare.get_or_insert(d);
    }
    if let Some(d) = labelled(&PUBLISHED).or(bare) {
        return (Some(d), None);
    }
    // The first date of the opening that is not a deadline: printed with the title
    // (`《…工作要点》 2024年6月7日`), or closing a notice run into one line with the plan.
    for l in lines {
        let chars: Vec<char> = l.chars().collect();
        for i in 0..chars.len() {
            if i > 0 && is_digit(chars[i - 1]) {
                continue;
            }
            let Some((end, d)) = date_at(&chars, i) else {
                continue;
            };
            let before: String = chars[i.saturating_sub(2)..i].iter().collect();
            let after: String = chars[end..chars.len().min(end + 2)].iter().collect();
            let deadline = ["到", "于", "至", "截至", "截止", "在"]
                .iter()
                .any(|w| before.ends_with(w))
                || ["前", "起", "后", "以", "之"]
                    .iter()
                    .any(|w| after.starts_with(w));
            if !deadline {
                return (Some(d), None);
            }
        }
    }
    (None, None)
}

/// An office's name on a line of its own (a notice's signature): `宁波市海曙区人民政府办公室`,
/// `XX县公共服务“七优享”工程工作专班`.
fn office(line: &str) -> Option<String> {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    const OFFICES: [&str; 9] = [
        "办公室",
        "人民政府",
        "委员会",
        "领导小组",
        "专班",
        "局",
        "办",
        "委",
        "厅",
    ];
    let n = t.chars().count();
    ((4..=30).contains(&n)
        && OFFICES.iter().any(|w| t.ends_with(w))
        && !t.contains(|c: char| "。，,：:；;《》".contains(c)))
    .then_some(t)
}

/// A digit of a date: ASCII, full-width, or a Chinese numeral as official documents print the
/// year (`二〇二三年`).
fn date_digit(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    if ('０'..='９').contains(&c) {
        return Some(c as u32 - '０' as u32);
    }
    "〇一二三四五六七八九"
        .chars()
        .position(|x| x == c)
        .or_else(|| (c == '○' || c == '零' || c == 'О').then_some(0))
        .and_then(|p| u32::try_from(p).ok())
}

/// A month or a day: one or two digits, or a Chinese numeral up to 三十一 (`十二`, `二十五`).
fn small_number(chars: &[char], i: usize) -> Option<(usize, u32)> {
    let c = *chars.get(i)?;
    if c.is_ascii_digit() || ('０'..='９').contains(&c) {
        let mut v = date_digit(c)?;
        let mut j = i + 1;
        if let Some(d) = chars
            .get(j)
            .filter(|x| is_digit(**x))
            .and_then(|x| date_digit(*x))
        {
            v = v * 10 + d;
            j += 1;
        }
        return (!chars.get(j).copied().is_some_and(is_digit)).then_some((j, v));
    }
    // Chinese: [一二三]十[一…九] or 一…九.
    let digit = |k: usize| {
        chars
            .get(k)
            .filter(|x| **x != '〇' && **x != '○')
            .and_then(|x| date_digit(*x))
            .filter(|d| *d > 0)
    };
    let (mut v, mut j) = match (digit(i), chars.get(i)) {
        (Some(d), _) if chars.get(i + 1) == Some(&'十') => (d * 10, i + 2),
        (Some(d), _) => return Some((i + 1, d)),
        (None, Some('十')) => (10, i + 1),
        _ => return None,
    };
    if let Some(d) = digit(j) {
        v += d;
        j += 1;
    }
    Some((j, v))
}

/// A full date starting at `i`: `2023年7月25日`, `2023-07-25` (a time after it is left),
/// `2023/7/25`, `2023.07.25`, `二〇二三年七月二十五日`; spaces inside are allowed. Its end and
/// `YYYY-MM-DD`.
pub(super) fn date_at(chars: &[char], i: usize) -> Option<(usize, String)> {
    let mut year = 0;
    for k in 0..4 {
        year = year * 10 + date_digit(*chars.get(i + k)?)?;
    }
    let mut j = skip_spaces(chars, i + 4);
    let sep = *chars.get(j)?;
    let worded = sep == '年';
    if !worded && !"-/.－—／．".contains(sep) {
        return None;
    }
    j = skip_spaces(chars, j + 1);
    let (k, month) = small_number(chars, j)?;
    j = skip_spaces(chars, k);
    if worded {
        (chars.get(j) == Some(&'月')).then_some(())?;
    } else {
        (chars.get(j) == Some(&sep)).then_some(())?;
    }
    j = skip_spaces(chars, j + 1);
    let (k, day) = small_number(chars, j)?;
    j = k;
    if worded {
        let k = skip_spaces(chars, j);
        matches!(chars.get(k), Some('日' | '号')).then_some(())?;
        j = k + 1;
    }
    ((1990..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| (j, format!("{year:04}-{month:02}-{day:02}")))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What the draft's header takes from a document: (jurisdiction, start, end, kind, number,
    /// issuer, date).
    type Header = (
        Option<String>,
        Option<i32>,
        Option<i32>,
        Option<&'static str>,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn header(doc: &str) -> Header {
        let i = doc_info(doc);
        (
            i.jurisdiction,
            i.start,
            i.end,
            i.kind,
            i.number,
            i.issuer,
            i.date,
        )
    }

    fn want(
        j: Option<&str>,
        period: Option<(i32, i32)>,
        kind: Option<&'static str>,
        number: Option<&str>,
        issuer: Option<&str>,
        date: Option<&str>,
    ) -> Header {
        (
            j.map(String::from),
            period.map(|p| p.0),
            period.map(|p| p.1),
            kind,
            number.map(String::from),
            issuer.map(String::from),
            date.map(String::from),
        )
    }

    /// A 文号 line as printed: alone, after a label, in brackets, or over an annex it heads
    /// (`…号附件`, `…号附件1`: the notice's number); a number of another kind is none.
    #[test]
    fn a_number_line() {
        for (line, want) in [
            ("柯政办发〔2023〕28号", Some("柯政办发〔2023〕28号")),
            (
                "               柯政办发〔2023〕28号附件",
                Some("柯政办发〔2023〕28号"),
            ),
            ("柯政办发〔2023〕28号附件2", Some("柯政办发〔2023〕28号")),
            ("文号：路政办发[2023]47号", Some("路政办发〔2023〕47号")),
            ("附件", None),
            ("柯政办发〔2023〕28号附件表", None),
            ("第2号", None),
            // An OCR'd or typed year in round brackets (round 16's wucheng).
            ("婺政办发（2023）61号", Some("婺政办发〔2023〕61号")),
            ("婺政办发(2023)61号", Some("婺政办发〔2023〕61号")),
            ("婺政办发（2O23）61号", None),
            ("婺政办发（2023年）61号", None),
            ("第（2023）61号", None),
            ("婺政办发（2023）123456号", None),
            ("（2023）61号", None),
            (
                "西卫健建〔2024〕37号　　　　　　签发人：章建华",
                Some("西卫健建〔2024〕37号"),
            ),
            (
                "西卫健建〔2024〕37号 签 发 人：章建华",
                Some("西卫健建〔2024〕37号"),
            ),
            ("签发人：章建华", None),
        ] {
            assert_eq!(number_line(line).as_deref(), want, "{line}");
        }
    }

    /// A bulletin on a year's progress (round 16's qujiang): its title over two lines, its year,
    /// its place from the red head; a bulletin of anything else or with no year is none.
    #[test]
    fn a_progress_bulletin_s_header() {
        let doc = "衢州市衢江区公共服务“七优享”工程建设工作专班办公室\n\n衢江七优享办〔2024〕9号\n\n关于2024年前三季度公共服务“七优享”工程\n主要指标进展情况的通报\n\n各乡镇（街道），区级有关单位：\n";
        let i = doc_info(doc);
        assert_eq!(i.jurisdiction.as_deref(), Some("衢江区"));
        assert_eq!((i.start, i.end), (Some(2024), Some(2024)));
        assert!(i.progress);
        // An inspection's bulletin through a PDF-to-Markdown converter (round 19's taizhou): its
        // title a heading, `督查通报`, after a red head, 期 and 文号 over ten lines.
        for (doc, place) in [
            (
                "台州市公共服务“七优享”工程工作专班办公室\n\n# 督 查 通 报\n\n（第3期）\n\n台七优享办〔2024〕11号\n\n台州市公共服务“七优享”工程工作专班办公室 2024年10月25日\n\n## 关于2024年1—9月公共服务“七优享”工程重点指标推进情况的督查通报\n\n各县（市、区）七优享专班办公室：\n",
                "台州市",
            ),
            (
                "某县七优享专班办公室\n关于2024年上半年公共服务“七优享”工程\n推进情况的专项督导通报\n",
                "某县",
            ),
            (
                "某县七优享专班办公室\n关于2024年公共服务“七优享”工程实施情况的进度通报\n",
                "某县",
            ),
        ] {
            let i = doc_info(doc);
            assert!(i.progress, "{doc}");
            assert_eq!((i.start, i.end), (Some(2024), Some(2024)), "{doc}");
            assert!(
                i.jurisdiction
                    .as_deref()
                    .is_some_and(|j| j.starts_with(place))
                    || place == "某县",
                "{doc}"
            );
        }
        for other in [
            "某县人民政府办公室\n关于2024年安全生产工作情况的通报\n",
            "某县人民政府办公室\n关于公共服务“七优享”工程主要指标进展情况的通报\n",
            "某县人民政府办公室\n关于表扬2024年公共服务“七优享”工程先进集体的通报\n",
            "某县人民政府办公室\n关于2024年公共服务“七优享”工程督查情况的通报\n",
            "## 关于2024年公共服务“七优享”工程先进集体的督查通报\n",
        ] {
            assert!(!doc_info(other).progress, "{other}");
        }
    }

    /// A notice's title with its number in brackets after `的通知` (a dataset's `依据文件`, a
    /// list of documents): the number is the notice's; a cited plan's is not.
    #[test]
    fn a_notice_s_number_after_its_title() {
        let doc = "定海区公共服务“七优享”工程主要指标\n舟山市定海区人民政府办公室关于印发定海区公共服务“七优享”工程实施方案（2023—2027年）的通知（舟定政办发〔2023〕44号）\n";
        assert_eq!(
            doc_info(doc).number.as_deref(),
            Some("舟定政办发〔2023〕44号")
        );
        let cited = "某区公共服务“七优享”工程实施方案（2023—2027年）\n根据《某市人民政府办公室关于印发某市公共服务“七优享”工程实施方案的通知》（某政办发〔2023〕4号），制定本方案。\n";
        assert_eq!(doc_info(cited).number, None);
    }

    /// A title's jurisdiction without the line's markup or a tag before it: a Markdown
    /// heading's `#`, AsciiDoc's `=`, a chat's `[文件]` and `【转发】` (round 15's luqiao and
    /// pingyang took `#路桥区` and `[文件]平阳县`); a year before it as before.
    #[test]
    fn a_title_s_jurisdiction_without_markup() {
        for (title, want) in [
            ("# 路桥区公共服务“七优享”工程实施方案", Some("路桥区")),
            ("#路桥区公共服务", Some("路桥区")),
            ("= 嵊泗县公共服务", Some("嵊泗县")),
            (
                "[文件] 平阳县公共服务七优享工程实施方案（印发稿）.pdf",
                Some("平阳县"),
            ),
            ("【转发】平阳县公共服务", Some("平阳县")),
            ("2024玉环市公共服务", Some("玉环市")),
            ("温州市鹿城区公共服务", Some("鹿城区")),
            ("## 市", None),
        ] {
            assert_eq!(jurisdiction_in(title).as_deref(), want, "{title}");
        }
    }

    /// The 文号 a sentence gives where it says the plan was issued, after the title and other
    /// words (a county's mail reporting its plan); a number the sentence does not say was
    /// issued, one in the next sentence, and a cited plan's stay no number of this one.
    #[test]
    fn the_number_a_sentence_says_the_plan_was_issued_under() {
        let number = |doc: &str| doc_info(doc).number;
        let title = "《洞头区公共服务“七优享”工程实施方案（2023—2027年）》";
        for (sentence, want) in [
            (
                "已经区政府第27次常务会议审议通过，于9月28日印发（洞政办发〔2023〕52号）。",
                Some("洞政办发〔2023〕52号"),
            ),
            (
                "已于9月28日印发(洞政办发〔2023〕52号)。",
                Some("洞政办发〔2023〕52号"),
            ),
            ("已审议通过（洞政办发〔2023〕52号）。", None),
            // A resolution approving the plan: `该实施方案…印发实施（…号）` in a later sentence.
            (
                "\n会议经过表决，决定批准该实施方案，由区人民政府办公室印发实施（洞政办发〔2023〕52号）。",
                Some("洞政办发〔2023〕52号"),
            ),
            ("已审议通过。印发（洞政办发〔2023〕52号）。", None),
            (
                "已经区政府第\n27次常务会议审议通过，于9月28日印发（洞政办发〔2023〕52号）。",
                Some("洞政办发〔2023〕52号"),
            ),
        ] {
            assert_eq!(
                number(&format!("{title}{sentence}\n")).as_deref(),
                want,
                "{sentence}"
            );
        }
        assert_eq!(
            number(&format!(
                "根据{title}于9月28日印发（洞政办发〔2023〕52号）的要求\n"
            )),
            None
        );
    }

    /// Titles that are no `…方案` but name the plan's place and period: an indicator sheet handed
    /// out alone, a year's 民生实事 list (a one-year document), a CSV title row (`…,,,,`); a 文号
    /// said (`文号是…`). Near misses: a report on the projects; one comma ending a sentence.
    #[test]
    fn a_sheet_s_or_a_list_s_title() {
        for (doc, j, period, number) in [
            (
                "金华市金东区公共服务“七优享”工程主要指标表（2023—2027年）\n金东政办发〔2023〕39号附件\n",
                Some("金东区"),
                Some((2023, 2027)),
                Some("金东政办发〔2023〕39号"),
            ),
            (
                "嘉兴市南湖区2024年民生实事项目候选项目票决表,,,,,,,\n序号,类别,项目名称,,,,,\n",
                Some("南湖区"),
                Some((2024, 2024)),
                None,
            ),
            (
                "一起来看《余杭区公共服务“七优享”工程实施方案（2023—2027年）》，文号是余政办发〔2023〕58号，\n",
                Some("余杭区"),
                Some((2023, 2027)),
                Some("余政办发〔2023〕58号"),
            ),
            // A plan the sheet names is the document's.
            (
                "吴兴区公共服务“七优享”工程主要指标表,,,\n本表为《吴兴区公共服务“七优享”工程实施方案（2023—2027年）》（吴政办发〔2023〕41号）附件1,,,\n",
                Some("吴兴区"),
                Some((2023, 2027)),
                Some("吴政办发〔2023〕41号"),
            ),
            ("南湖区2024年民生实事项目进展情况\n", None, None, None),
            (
                "南湖区2024年民生实事项目候选项目票决表,\n",
                None,
                None,
                None,
            ),
        ] {
            let i = doc_info(doc);
            assert_eq!(
                (
                    i.jurisdiction.as_deref(),
                    i.start.zip(i.end),
                    i.number.as_deref()
                ),
                (j, period, number),
                "{doc}"
            );
        }
    }

    #[test]
    fn header_rules() {
        let cases: &[(&str, &str, Header)] = &[
            (
                "a government page: labelled office, number and publication date with a time",
                "首页 > 政策文件\n发布机构：文成县人民政府办公室\n文号：文政办发〔2023〕46号\n发布日期：2023-07-25 16:44\n文成县人民政府办公室关于印发文成县公共服务“七优享”工程实施方案（2023—2027年）的通知\n",
                want(
                    Some("文成县"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    Some("文政办发〔2023〕46号"),
                    Some("文成县人民政府办公室"),
                    Some("2023-07-25"),
                ),
            ),
            (
                "a saved page's 信息公开 table as its rows: the label's cell beside the number's",
                "| 索引号： | 002960310/2023-88415 | 文号： | 舟普政办发〔2023〕38号 |\n| 发布机构： | 区政府办公室 | 成文日期： | 2023-09-08 |\n舟山市普陀区人民政府办公室关于印发普陀区公共服务“七优享”工程实施方案（2023—2027年）的通知\n",
                want(
                    Some("普陀区"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    Some("舟普政办发〔2023〕38号"),
                    Some("舟山市普陀区人民政府办公室"),
                    Some("2023-09-08"),
                ),
            ),
            (
                "成文日期 before 发布日期, whatever their order on the page",
                "发布日期: 2023-08-01\n成文日期: 2023-07-25\n《安吉县公共服务“七优享”工程实施方案(2023—2027年)》\n",
                want(
                    Some("安吉县"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    None,
                    Some("2023-07-25"),
                ),
            ),
            (
                "the date closing the notice under its office, not a deadline before it",
                "各街道办事处：\n现将《海曙区公共服务“七优享”工程实施方案（2023—2027年）》印发给你们，请于2023年12月31日前报送。\n宁波市海曙区人民政府办公室\n2023年7月25日\n（此件公开发布）\n",
                want(
                    Some("海曙区"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    Some("宁波市海曙区人民政府办公室"),
                    Some("2023-07-25"),
                ),
            ),
            (
                "a date in Chinese numerals, in brackets, under the office",
                "《庆元县公共服务“七优享”工程实施方案(2023—2027年)》\n庆元县人民政府办公室\n（二〇二三年七月二十五日）\n",
                want(
                    Some("庆元县"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    Some("庆元县人民政府办公室"),
                    Some("2023-07-25"),
                ),
            ),
            (
                "the title with no brackets in 关于印发…的通知; a parent plan cited in the preamble",
                "宁波市海曙区人民政府办公室关于印发海曙区公共服务“七优享”工程实施方案（2023—2027年）的通知\n为贯彻落实《宁波市公共服务“七优享”工程实施方案（2023—2027年）》，制定本方案。\n",
                want(
                    Some("海曙区"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    Some("宁波市海曙区人民政府办公室"),
                    None,
                ),
            ),
            (
                "a scanned notice whose OCR read the number's 〔〕 as []",
                "临海市人民政府办公室文件\n临政办发[2023]29号\n临海市人民政府办公室关于印发临海市公共服务“七优享”工程实施方案(2023一2027年)的通知\n",
                want(
                    Some("临海市"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    Some("临政办发〔2023〕29号"),
                    Some("临海市人民政府办公室"),
                    None,
                ),
            ),
            (
                "a district's plan citing its city's first",
                "根据《温州市公共服务“七优享”工程实施方案(2023—2027年)》(温政办〔2023〕38号)\n瓯海区公共服务“七优享”工程实施方案(2023—2027年)\n瓯政办发〔2023〕52号\n",
                want(
                    Some("瓯海区"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    Some("瓯政办发〔2023〕52号"),
                    None,
                    None,
                ),
            ),
            (
                "the city's name before the district's in the title",
                "《温州市鹿城区公共服务“七优享”工程实施方案(2023-2027年)》\n",
                want(
                    Some("鹿城区"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    None,
                    None,
                ),
            ),
            (
                "a year glued to the place; a year's work points",
                "2024玉环市公共服务“七优享”工程工作要点\n",
                want(
                    Some("玉环市"),
                    Some((2024, 2024)),
                    Some("work-points"),
                    None,
                    None,
                    None,
                ),
            ),
            (
                "a flattened range (20232027年)",
                "松阳县公共服务“七优享”工程实施方案(20232027年)\n",
                want(
                    Some("松阳县"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    None,
                    None,
                ),
            ),
            (
                "a range with no brackets",
                "平湖市公共服务“七优享”工程实施方案 2023-2027\n",
                want(
                    Some("平湖市"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    None,
                    None,
                ),
            ),
            (
                "十四五 is 2021–2025",
                "黄岩区“十四五”公共服务发展规划\n",
                want(
                    Some("黄岩区"),
                    Some((2021, 2025)),
                    Some("five-year-plan"),
                    None,
                    None,
                    None,
                ),
            ),
            (
                "a title naming no place: the signing office's",
                "公共服务“七优享”工程实施方案(2023—2027年)\n……\n龙泉市人民政府办公室\n2023年6月1日\n",
                want(
                    Some("龙泉市"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    Some("龙泉市人民政府办公室"),
                    Some("2023-06-01"),
                ),
            ),
            (
                "deadlines only: no date",
                "《开化县公共服务“七优享”工程实施方案(2023—2027年)》\n到2025年12月31日前完成,2026年1月1日起施行。\n",
                want(
                    Some("开化县"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    None,
                    None,
                    None,
                ),
            ),
            (
                "the notice names the plan without its period; its own title line states it",
                "江山市人民政府办公室关于印发江山市公共服务“七优享”工程实施方案的通知\n江政办发〔2023〕22号\n江山市公共服务“七优享”工程实施方案(2023—2027年)\n",
                want(
                    Some("江山市"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    Some("江政办发〔2023〕22号"),
                    Some("江山市人民政府办公室"),
                    None,
                ),
            ),
            (
                "成文日期 in one cell, its value two lines down; the office labelled across a bar",
                "发布机构: | 区发改局 |\n成文日期:\n\n    2021-10-19\n黄岩区公共服务“十四五”规划\n",
                want(
                    Some("黄岩区"),
                    Some((2021, 2025)),
                    Some("five-year-plan"),
                    None,
                    Some("区发改局"),
                    Some("2021-10-19"),
                ),
            ),
            (
                "a 红头 PDF: the 文号 above a notice title wrapped over two lines, the plan's title over its period",
                "\n        新昌县人民政府办公室文件\n\n           新政办发〔2023〕44号\n\n\n  新昌县人民政府办公室关于印发新昌县公共服务\n “七优享”工程实施方案(2023—2027年)的通知\n\n《新昌县公共服务“七优享”工程实施方案(2023—2\n027年)》已经县政府同意。\n        新昌县人民政府办公室\n           2023年8月3日\n — 1 —\n\n   新昌县公共服务“七优享”工程实施方案\n        (2023—2027年)\n",
                want(
                    Some("新昌县"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    Some("新政办发〔2023〕44号"),
                    Some("新昌县人民政府办公室"),
                    Some("2023-08-03"),
                ),
            ),
            (
                "a labelled 文件编号 bullet; a seal's line between the office and the date; the publication time after",
                "  • 索 引 号:113302250026390155/2023-00847\n  • 文件编号:象政办发〔2023〕31号\n《2024年象山县公共服务“七优享”工程工作要点》\n象山县公共服务七优享工程专班办公室\n(象山县人民政府办公室代章)\n2024年3月26日\n发布时间:2024-03-29 09:12\n",
                want(
                    Some("象山县"),
                    Some((2024, 2024)),
                    Some("work-points"),
                    Some("象政办发〔2023〕31号"),
                    Some("象山县公共服务七优享工程专班办公室"),
                    Some("2024-03-26"),
                ),
            ),
            (
                "a 一图读懂 page: the plan it explains, its 文号 in brackets after it",
                "一图读懂｜《长兴县公共服务“七优享”工程实施方案（2023—2027年）》\n来源：长兴县发展和改革局　　发布时间：2023-09-06 16:20\n政策原文：长兴县人民政府办公室关于印发长兴县公共服务“七优享”工程实施方案（2023—2027年）的通知（长政办发〔2023〕33号）\n",
                want(
                    Some("长兴县"),
                    Some((2023, 2027)),
                    Some("implementation"),
                    Some("长政办发〔2023〕33号"),
                    Some("长兴县人民政府办公室"),
                    Some("2023-09-06"),
                ),
            ),
            (
                "nothing at all",
                "",
                want(None, None, None, None, None, None),
            ),
        ];
        for (what, doc, expected) in cases {
            assert_eq!(&header(doc), expected, "{what}");
        }
    }

    /// Pages about a plan (an account's article, a 政策解读) name it as issued by its office, its
    /// 文号 in brackets after it; a report to a people's congress names its place only in its
    /// byline. A parent plan cited, even with its 文号, gives neither place nor number.
    #[test]
    fn a_plan_named_by_a_page_about_it_or_a_report() {
        let imp = Some("implementation");
        let period = Some((2023, 2027));
        let cases: &[(&str, &str, Header)] = &[
            (
                "an account's article: a headline naming the plan, then the office that issued it and its 文号",
                "萧山发布\n2023-09-18 18:30 发表于浙江\n重磅！萧山公共服务“七优享”方案出炉，这些变化和你有关👇\n近日，杭州市萧山区人民政府办公室印发《萧山区公共服务“七优享”工程实施方案（2023—2027年）》（萧政办发〔2023〕36号）。\n",
                want(
                    Some("萧山区"),
                    period,
                    imp,
                    Some("萧政办发〔2023〕36号"),
                    Some("杭州市萧山区人民政府办公室"),
                    Some("2023-09-18"),
                ),
            ),
            (
                "a 政策解读: `印发了《…》（文号，以下简称《…》）`, then the province's plan issued",
                "《龙港市公共服务“七优享”工程实施方案（2023—2027年）》政策解读\n近日，龙港市人民政府办公室印发了《龙港市公共服务“七优享”工程实施方案（2023—2027年）》（龙政办发〔2023〕67号，以下简称《实施方案》）。\n答：省委、省政府印发《浙江省公共服务“七优享”工程实施方案（2023—2027年）》（浙政发〔2023〕9号），温州市随后出台了实施方案。\n",
                want(
                    Some("龙港市"),
                    period,
                    imp,
                    Some("龙政办发〔2023〕67号"),
                    Some("龙港市人民政府办公室"),
                    None,
                ),
            ),
            (
                "half-width brackets and a space before them",
                "日前，宁波市鄞州区人民政府办公室印发《鄞州区公共服务“七优享”工程实施方案(2023—2027年)》 (鄞政办发〔2023〕71号)。\n",
                want(
                    Some("鄞州区"),
                    period,
                    imp,
                    Some("鄞政办发〔2023〕71号"),
                    Some("宁波市鄞州区人民政府办公室"),
                    None,
                ),
            ),
            (
                "the city's plan cited with its 文号: neither place nor number from it",
                "为贯彻落实《丽水市公共服务“七优享”工程实施方案（2023—2027年）》（丽政办发〔2023〕5号），结合我县实际，制定本方案。\n缙云县公共服务“七优享”工程实施方案（2023—2027年）\n",
                want(Some("缙云县"), period, imp, None, None, None),
            ),
        ];
        for (what, doc, expected) in cases {
            assert_eq!(&header(doc), expected, "{what}");
        }
        // A report's opening (its byline, a line a case), then a plan of its city cited: the
        // place and date read (`-` none).
        let bylines = "\
            ——2024年1月10日在海盐县第十七届人民代表大会第四次会议上\\n海盐县人民政府县长　沈建明 | 海盐县 | 2024-01-10
            慈溪市人民政府代市长　王某某 | 慈溪市 | -
            ——2024年1月8日在宁波市鄞州区第十九届人民代表大会第四次会议上 | 鄞州区 | 2024-01-08
            根据《海盐县第十七届人民代表大会第四次会议关于政府工作报告的决议》，…… | - | -
            主持人：海盐县人民政府副县长　张某某\\n浙江省人民政府办公厅 | - | -";
        for case in bylines.lines() {
            let cells: Vec<&str> = case.split(" | ").map(str::trim).collect();
            let [byline, place, date] = cells[..] else {
                panic!("{case}");
            };
            let doc = format!(
                "政府工作报告\n{}\n各位代表：\n贯彻《嘉兴市公共服务“七优享”工程实施方案》，……\n",
                byline.replace("\\n", "\n")
            );
            let info = doc_info(&doc);
            let read = |v: Option<String>| v.unwrap_or_else(|| "-".into());
            assert_eq!(
                (read(info.jurisdiction), read(info.date)),
                (place.to_string(), date.to_string()),
                "{doc}"
            );
        }
    }

    #[test]
    fn dates_in_every_printed_form() {
        let read = |s: &str| date_at(&s.chars().collect::<Vec<_>>(), 0).map(|(_, d)| d);
        for (printed, want) in [
            ("2023年7月25日", Some("2023-07-25")),
            ("2023 年 7 月 25 日", Some("2023-07-25")),
            ("2023-07-25 16:44", Some("2023-07-25")),
            ("2023/7/5", Some("2023-07-05")),
            ("2023.07.25", Some("2023-07-25")),
            ("２０２３年７月２５日", Some("2023-07-25")),
            ("二〇二三年十二月三十一日", Some("2023-12-31")),
            ("二○二四年六月七日", Some("2024-06-07")),
            ("2023年7月", None),
            ("2023年13月1日", None),
            ("2023-07", None),
            ("20231-07-25", None),
            ("1800年1月1日", None),
        ] {
            assert_eq!(read(printed).as_deref(), want, "{printed}");
        }
    }
}
