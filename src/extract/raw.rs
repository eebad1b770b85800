//! A table as `pdftotext -raw` gives it (text in the order the PDF draws it, no layout), read as
//! the table it prints: one header line naming every figure column, one line a row, cells apart
//! by tabs.
//!
//! Why it exists: `-raw` keeps no position. A header of several rows comes out as its cells in
//! drawing order (`序号 领域 指标名称 单位 2022年` / `基础值` / `年度目标 责任单位` / `2023年 … 2027年`
//! / `目标值 挑战值 目标值 挑战值`), so no one line names the figure columns; a name too long for
//! its cell breaks its row over lines (`1 幼有善育 每千人口拥有3岁以下` / `婴幼儿托位数*` /
//! `个 3.7 4.1 …`); the header is drawn again on each page, after the page's footer. The table
//! readers read a row a line under a header a line, so such a table gave nothing. Here the
//! header's words are put back together into one title a figure column (`2022年基础值`,
//! `2025年目标值`, `2025年挑战值`), each row's lines into one line, a merged cell printed on a
//! group's first row only (领域) as an empty cell on the others, and the repeated header and the
//! footers between pages go.
//!
//! Years split into a floor and a stretch (目标值 / 挑战值) under one year title are printed by
//! position only, which `-raw` drops: with fewer pairs than years the split years are the ones
//! the document's own text gives a stretch figure for (`到2025年…达到4.7个、力争达到5个`), else
//! its milestones (`到2025年`, `到2027年`) where they are as many, else the period's end year and
//! the years two before it in turn (a plan stages its stretch at its end and its mid-term).
//!
//! Each line of the result is mapped to the line of the text it stands for (a row to its first
//! line). Bounded: one pass over the lines; a header is at most [`MAX_HEADER`] lines, a row at
//! most [`MAX_ROW`].

/// The most lines a header runs over.
const MAX_HEADER: usize = 6;

/// The most lines one row runs over (a long name wraps twice at most in a narrow cell).
const MAX_ROW: usize = 4;

/// Header words that title a past figure's column.
const BASE: &[&str] = &["基础值", "基期值", "现状值", "基准值", "基数"];

/// Header words that title a stretch target beside a year's target.
const STRETCH: &[&str] = &["挑战值", "力争值", "争取值"];

/// Header words that title a year's (floor) target.
const FLOOR: &[&str] = &["目标值", "预期值", "保底值"];

/// Header titles of the columns after the figures.
const AFTER: &[&str] = &[
    "责任单位",
    "牵头单位",
    "责任部门",
    "牵头部门",
    "配合单位",
    "备注",
];

/// The text with each `-raw` table read as its table (see the module's doc), and for each line
/// the line of `text` it stands for (1-based); None when it has none.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    if !text.contains("序号") {
        return None;
    }
    let source: Vec<&str> = text.split('\n').collect();
    super::markup::rewrite_runs(&source, |i| table(&source, i, text))
}

/// A line as the PDF printed it: no form feed, no line end, any white space one space, a full-width digit (`２０２５年`) ASCII, and a year's title whole where a tool spaced it
/// (`2025 年`): a page copied from a browser, typed in a full-width mode or spaced by a
/// pangu-style editor prints the same table.
fn bare(line: &str) -> String {
    let t: String = line
        .chars()
        .map(|c| {
            if ('０'..='９').contains(&c) {
                narrow(c)
            } else {
                c
            }
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    // Any white space parts cells: a form feed where a page ends, a CR, a no-break space.
    for token in t.split(char::is_whitespace).filter(|t| !t.is_empty()) {
        match out.last_mut() {
            Some(last)
                if token == "年" && last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit()) =>
            {
                last.push('年')
            }
            _ => out.push(token.to_string()),
        }
    }
    out.join(" ")
}

/// A full-width digit as its ASCII one.
fn narrow(c: char) -> char {
    char::from_digit(c as u32 - '０' as u32, 10).unwrap_or(c)
}

/// `2022年` (a year's column title) as its year.
fn year_title(token: &str) -> Option<i32> {
    let y = token.strip_suffix('年')?;
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .then(|| y.parse().ok())
        .flatten()
        .filter(|y| (1949..=2100).contains(y))
}

/// A page's footer or number between a table's pages (`— 4 —`, `- 4 -`, `第4页`, `4`).
fn footer(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['—', '-', '－', '–']);
    let t = t
        .strip_prefix('第')
        .and_then(|t| t.strip_suffix('页'))
        .unwrap_or(t);
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A cell that holds a figure or stands for one (`3.7`, `<5`, `≥75`, `5.0-5.5`, `80以上`, `/`,
/// `—`).
fn figure_token(token: &str) -> bool {
    if matches!(token, "/" | "／" | "—" | "-" | "--" | "——" | "－") {
        return true;
    }
    let t = token.trim_start_matches(['≥', '≤', '<', '>', '＜', '＞', '≧', '≦', '=', '约']);
    t.starts_with(|c: char| c.is_ascii_digit())
}

/// A row's first line: its 序号, then a cell of words (`1 幼有善育 每千人口拥有3岁以下`).
fn row_start(line: &str) -> bool {
    let mut t = line.split(' ');
    let (Some(n), Some(next)) = (t.next(), t.next()) else {
        return false;
    };
    !n.is_empty()
        && n.len() <= 3
        && n.bytes().all(|b| b.is_ascii_digit())
        && next.chars().any(super::scan::is_cjk)
}

/// A header line after the first: titles only, no figure but a year's (`基础值`, `年度目标 责任单位`,
/// `2023年 2024年`, `目标值 挑战值`).
fn header_more(line: &str) -> bool {
    !line.is_empty()
        && line.chars().count() <= 60
        && !line.contains(['\t', '|', '，', '。', '；'])
        && !row_start(line)
        && line.split(' ').all(|t| {
            !t.is_empty()
                && (year_title(t).is_some() || !t.chars().any(|c| c.is_ascii_digit()))
                && t.chars().count() <= 8
        })
}

/// The header at line `at`: its first line starts with `序号`, its cells one space apart, and it
/// runs over more lines (a header a line is the other readers'). The titles in drawing order and
/// the line after the header.
fn header_at(source: &[&str], at: usize) -> Option<(Vec<String>, usize)> {
    let first = bare(source[at]);
    // Cells a run of spaces apart are laid out (`-layout`): their places say their columns, which
    // the aligned readers read.
    let printed: Vec<char> = source[at].trim().chars().collect();
    let laid_out = printed
        .windows(2)
        .any(|w| w[0].is_whitespace() && w[1].is_whitespace());
    if !first.starts_with("序号 ") || source[at].contains(['\t', '|']) || laid_out {
        return None;
    }
    let mut titles: Vec<String> = first.split(' ').map(str::to_string).collect();
    let mut j = at + 1;
    while j < source.len() && j - at < MAX_HEADER && header_more(&bare(source[j])) {
        titles.extend(bare(source[j]).split(' ').map(str::to_string));
        j += 1;
    }
    (j > at + 1).then_some((titles, j))
}

/// What a table's header says of its columns: the word columns before the figures, each figure
/// column's title, and the word columns after.
#[derive(Debug, PartialEq)]
struct Columns {
    before: Vec<String>,
    figures: Vec<String>,
    after: Vec<String>,
}

/// The header's titles as columns (see the module's doc for the split years); None where they
/// name no two years or the stretch columns cannot be placed.
fn columns(titles: &[String], text: &str) -> Option<Columns> {
    let first_year = titles.iter().position(|t| year_title(t).is_some())?;
    let after: Vec<String> = titles
        .iter()
        .filter(|t| AFTER.contains(&t.as_str()))
        .cloned()
        .collect();
    let before: Vec<String> = titles[..first_year]
        .iter()
        .filter(|t| !AFTER.contains(&t.as_str()))
        .cloned()
        .collect();
    // Each year and whether its title's next word (the rest of its cell) calls it a baseline.
    let mut years: Vec<(i32, bool)> = Vec::new();
    for (k, t) in titles.iter().enumerate() {
        if let Some(y) = year_title(t) {
            let base = titles
                .get(k + 1)
                .is_some_and(|n| BASE.contains(&n.as_str()));
            if years.iter().any(|(x, _)| *x == y) {
                return None;
            }
            years.push((y, base));
        }
    }
    if years.len() < 2 {
        return None;
    }
    // A line of kinds under a line of years, one a year (`2022年 2025年 2027年` / `基础值 目标值
    // 目标值`): each year's kind is the one under it.
    let kinds: Vec<&str> = titles
        .iter()
        .map(String::as_str)
        .filter(|t| BASE.contains(t) || FLOOR.contains(t) || STRETCH.contains(t))
        .collect();
    if kinds.len() == years.len() && !kinds.iter().any(|k| STRETCH.contains(k)) {
        for ((_, base), k) in years.iter_mut().zip(&kinds) {
            *base = BASE.contains(k);
        }
    }
    let stretch = titles
        .iter()
        .filter(|t| STRETCH.contains(&t.as_str()))
        .count();
    let targets: Vec<i32> = years.iter().filter(|(_, b)| !b).map(|(y, _)| *y).collect();
    let split = split_years(&targets, stretch, text)?;
    let floor = titles
        .iter()
        .find(|t| FLOOR.contains(&t.as_str()))
        .map_or("目标值", String::as_str);
    let stretch_title = titles
        .iter()
        .find(|t| STRETCH.contains(&t.as_str()))
        .map_or("挑战值", String::as_str);
    let mut figures = Vec::new();
    for (y, base) in &years {
        if *base {
            let word = titles
                .iter()
                .find(|t| BASE.contains(&t.as_str()))
                .map_or("基础值", String::as_str);
            figures.push(format!("{y}年{word}"));
        } else if split.contains(y) {
            figures.push(format!("{y}年{floor}"));
            figures.push(format!("{y}年{stretch_title}"));
        } else {
            figures.push(format!("{y}年"));
        }
    }
    Some(Columns {
        before,
        figures,
        after,
    })
}

/// The target years split into a floor and a stretch column, `pairs` of them (see the module's
/// doc); None where there are more pairs than years.
fn split_years(targets: &[i32], pairs: usize, text: &str) -> Option<Vec<i32>> {
    if pairs == 0 {
        return Some(Vec::new());
    }
    if pairs > targets.len() {
        return None;
    }
    if pairs == targets.len() {
        return Some(targets.to_vec());
    }
    // The text's sentences as printed, whatever line or space breaks them (`达到4` / `.7个`).
    let squashed: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if ('０'..='９').contains(&c) {
                narrow(c)
            } else {
                c
            }
        })
        .collect();
    let sentences: Vec<&str> = squashed
        .split(['。', '；'])
        .filter(|s| !s.contains("序号"))
        .collect();
    // A year the text gives a stretch figure for: a sentence naming it and a 力争 figure.
    let stretched: Vec<i32> = targets
        .iter()
        .copied()
        .filter(|y| {
            let named = format!("{y}年");
            sentences.iter().any(|s| {
                s.find(&named).is_some_and(|at| {
                    let rest = &s[at..];
                    ["力争", "争取", "挑战"].iter().any(|w| {
                        rest.find(w)
                            .is_some_and(|k| rest[k..].chars().any(|c| c.is_ascii_digit()))
                    })
                })
            })
        })
        .collect();
    if stretched.len() == pairs {
        return Some(stretched);
    }
    // The milestones the text aims at (`到2025年`, `至2027年`).
    let milestones: Vec<i32> = targets
        .iter()
        .copied()
        .filter(|y| {
            ["到", "至"]
                .iter()
                .any(|w| squashed.contains(&format!("{w}{y}年")))
        })
        .collect();
    if milestones.len() == pairs {
        return Some(milestones);
    }
    let mut years: Vec<i32> = targets
        .iter()
        .rev()
        .step_by(2)
        .copied()
        .take(pairs)
        .collect();
    if years.len() < pairs {
        return None;
    }
    years.sort_unstable();
    Some(years)
}

/// The table whose header is at line `at`, as lines with the source line (0-based) each stands
/// for, and the line after the table.
fn table(source: &[&str], at: usize, text: &str) -> Option<(Vec<(String, usize)>, usize)> {
    let (titles, mut j) = header_at(source, at)?;
    let cols = columns(&titles, text)?;
    let first = bare(source[at]);
    let mut out = vec![(
        cols.before
            .iter()
            .chain(&cols.figures)
            .chain(&cols.after)
            .cloned()
            .collect::<Vec<_>>()
            .join("\t"),
        at,
    )];
    let mut rows = 0;
    while j < source.len() {
        let line = bare(source[j]);
        if line.is_empty() || footer(&line) {
            j += 1;
            continue;
        }
        // The header drawn again on the next page.
        if line == first {
            match header_at(source, j) {
                Some((_, next)) => {
                    j = next;
                    continue;
                }
                None => break,
            }
        }
        if !row_start(&line) {
            break;
        }
        let Some((row, next)) = row_at(source, j) else {
            break;
        };
        let cells = cells(&row, &cols)?;
        out.push((cells.join("\t"), j));
        rows += 1;
        j = next;
    }
    // The page's blank lines and footers after the last row are the text's again.
    while j > at && {
        let l = bare(source[j - 1]);
        l.is_empty() || footer(&l)
    } {
        j -= 1;
    }
    (rows > 0).then_some((out, j))
}

/// The row starting at line `at`, its lines joined: a line with no figure continues the cell the
/// line before ends in (a Chinese name wraps with no space), the line holding the figures starts
/// a cell. None where no line of it holds a figure within [`MAX_ROW`] lines.
fn row_at(source: &[&str], at: usize) -> Option<(String, usize)> {
    let mut row = bare(source[at]);
    let mut j = at + 1;
    let figures = |l: &str| l.split(' ').filter(|t| figure_token(t)).count();
    // The 序号 is no figure of the row's.
    let mut has = figures(&row) >= 3;
    while !has && j < source.len() && j - at < MAX_ROW {
        let line = bare(source[j]);
        if line.is_empty() || row_start(&line) || footer(&line) {
            return None;
        }
        has = figures(&line) >= 2;
        if has {
            row.push(' ');
        }
        row.push_str(&line);
        j += 1;
    }
    has.then_some((row, j))
}

/// A joined row's cells under the header's columns: the words before its figures padded after
/// 序号 (a merged 领域 printed on a group's first row only) or their surplus joined into the name,
/// the figures as printed, the words after to the header's count. None where the row prints
/// another number of figures than the header has figure columns: the header, as read, does not
/// explain the table (a year's title the OCR misread, `2O27年`), which is left as printed.
fn cells(row: &str, cols: &Columns) -> Option<Vec<String>> {
    let tokens: Vec<&str> = row.split(' ').filter(|t| !t.is_empty()).collect();
    // The figures: the last run of figure cells (a name may hold a digit: `3岁以下`).
    let end = tokens
        .iter()
        .rposition(|t| figure_token(t))
        .map_or(0, |k| k + 1);
    let start = tokens[..end]
        .iter()
        .rposition(|t| !figure_token(t))
        .map_or(0, |k| k + 1);
    if end - start != cols.figures.len() {
        return None;
    }
    let mut before: Vec<String> = tokens[..start].iter().map(|t| t.to_string()).collect();
    let want = cols.before.len();
    let name = cols
        .before
        .iter()
        .position(|t| t.contains("指标") || t.contains("名称"))
        .unwrap_or(want.saturating_sub(1).min(2));
    while before.len() < want && before.len() > 1 {
        before.insert(1, String::new());
    }
    while before.len() > want && name + 1 < before.len() && want > 0 {
        let next = before.remove(name + 1);
        before[name].push_str(&next);
    }
    let mut out = before;
    out.extend(tokens[start..end].iter().map(|t| t.to_string()));
    let after: Vec<&str> = tokens[end..].to_vec();
    out.push(after.join(""));
    if cols.after.is_empty() && out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        plain_lines(text).map(|(t, _)| t)
    }

    const HEAD: &str = "序号 领域 指标名称 单位 2022年\n基础值\n年度目标 责任单位\n2023年 2024年 2025年 2026年 2027年\n";

    #[test]
    fn a_raw_table_is_a_row_a_line() {
        let cases: &[(&str, String, Option<&str>)] = &[
            (
                "two stretch columns, named by the prose; a row broken where its name wraps; the header again after the page's footer",
                format!(
                    "到2025年，托位数达到4.7个、力争达到5个。到2027年，达到5.5个、力争达到5.8个。\n{HEAD}目标值 挑战值 目标值 挑战值\n1 幼有善育 每千人口拥有3岁以下\n婴幼儿托位数*\n个 3.7 4.1 4.4 4.7 5.0 5.0 5.5 5.8 区卫健局\n2 普惠托位占比 % 56 60 62 65 68 68 70 75 区卫健局\n— 4 —\n\u{c}{HEAD}目标值 挑战值 目标值 挑战值\n5 劳有所得 城镇调查失业率 % 3.8 <5 <5 <5 <4.5 <5 <5 <4.5 区人力社保局\n注：1.标*的为省定核心指标。\n"
                ),
                Some(
                    "到2025年，托位数达到4.7个、力争达到5个。到2027年，达到5.5个、力争达到5.8个。\n序号\t领域\t指标名称\t单位\t2022年基础值\t2023年\t2024年\t2025年目标值\t2025年挑战值\t2026年\t2027年目标值\t2027年挑战值\t责任单位\n1\t幼有善育\t每千人口拥有3岁以下婴幼儿托位数*\t个\t3.7\t4.1\t4.4\t4.7\t5.0\t5.0\t5.5\t5.8\t区卫健局\n2\t\t普惠托位占比\t%\t56\t60\t62\t65\t68\t68\t70\t75\t区卫健局\n5\t劳有所得\t城镇调查失业率\t%\t3.8\t<5\t<5\t<5\t<4.5\t<5\t<5\t<4.5\t区人力社保局\n注：1.标*的为省定核心指标。\n",
                ),
            ),
            (
                "one stretch column, no prose: the end year",
                format!(
                    "{HEAD}目标值 挑战值\n1 幼有善育 托位数 个 3.7 4.1 4.4 4.7 5.0 5.5 5.8 区卫健局\n2 学有优教 普及普惠率 % 96 96.5 97 97.5 98 98 99 区教育局\n"
                ),
                Some(
                    "序号\t领域\t指标名称\t单位\t2022年基础值\t2023年\t2024年\t2025年\t2026年\t2027年目标值\t2027年挑战值\t责任单位\n1\t幼有善育\t托位数\t个\t3.7\t4.1\t4.4\t4.7\t5.0\t5.5\t5.8\t区卫健局\n2\t学有优教\t普及普惠率\t%\t96\t96.5\t97\t97.5\t98\t98\t99\t区教育局\n",
                ),
            ),
            (
                "two stretch columns, milestones 到2024年 and 到2026年 in the text",
                format!(
                    "到2024年，基本建成。到2026年，全面建成。\n{HEAD}目标值 挑战值 目标值 挑战值\n1 幼有善育 托位数 个 3.7 4.1 4.4 4.5 4.7 5.0 5.2 5.5 区卫健局\n"
                ),
                Some(
                    "到2024年，基本建成。到2026年，全面建成。\n序号\t领域\t指标名称\t单位\t2022年基础值\t2023年\t2024年目标值\t2024年挑战值\t2025年\t2026年目标值\t2026年挑战值\t2027年\t责任单位\n1\t幼有善育\t托位数\t个\t3.7\t4.1\t4.4\t4.5\t4.7\t5.0\t5.2\t5.5\t区卫健局\n",
                ),
            ),
            (
                "no stretch: years over two lines, the baseline's title wrapped",
                "序号 指标名称 单位 2022年\n基础值\n2025年 2027年\n1 每千人口拥有3岁以下婴\n幼儿托位数\n个 3.7 4.5 5.5\n2 普惠托位占比 % 56 60 70\n".to_string(),
                Some(
                    "序号\t指标名称\t单位\t2022年基础值\t2025年\t2027年\n1\t每千人口拥有3岁以下婴幼儿托位数\t个\t3.7\t4.5\t5.5\n2\t普惠托位占比\t%\t56\t60\t70\n",
                ),
            ),
            (
                "kinds a line under the years, one a year",
                "序号 指标名称 单位 2022年 2025年 2027年 责任单位\n基础值 目标值 目标值\n1 普惠托位占比 % 56 60 70 县卫健局\n".to_string(),
                Some(
                    "序号\t指标名称\t单位\t2022年基础值\t2025年\t2027年\t责任单位\n1\t普惠托位占比\t%\t56\t60\t70\t县卫健局\n",
                ),
            ),
            (
                "a header whose years do not explain the rows (OCR read `2O27年`): left as printed",
                "序号 指标名称 单位 2022年 2025年 2O27年 责任单位\n基础值 目标值 目标值\n1 普惠托位占比 % 5O 6O 70 县卫健局\n".to_string(),
                None,
            ),
            (
                "a `-layout` table: cells a run of spaces apart",
                "序号    指标名称          单位     2022年     2025年\n                                 基础值     目标值\n1     普惠托位占比    %    56    60\n".to_string(),
                None,
            ),
            (
                "a header a line is the other readers'",
                "序号 指标名称 单位 2022年 2025年 2027年\n1 普惠托位占比 % 56 60 70\n".to_string(),
                None,
            ),
            (
                "more stretch columns than years: left as printed",
                "序号 指标名称 2025年\n2027年\n挑战值 挑战值 挑战值\n1 托位数 4 5 6\n".to_string(),
                None,
            ),
            (
                "a header with no row under it",
                format!("{HEAD}二、重点任务\n"),
                None,
            ),
            (
                "a row whose figures never come",
                format!("{HEAD}1 幼有善育 托位数\n说明\n再说明\n还说明\n个 3.7\n"),
                None,
            ),
            ("empty", String::new(), None),
            ("序号 alone", "序号 \n\n".to_string(), None),
        ];
        for (what, text, want) in cases {
            assert_eq!(read(text).as_deref(), *want, "{what}");
        }
    }

    /// The same table copied from a browser (no-break spaces), typed in a full-width mode or
    /// spaced where Chinese meets a figure (`2025 年`, `拥有 3 岁以下`) reads as printed plainly.
    #[test]
    fn a_raw_table_reads_alike_however_spaced_or_typed() {
        let plain = format!(
            "到2025年，达到4.7个、力争达到5个。\n{HEAD}目标值 挑战值\n1 幼有善育 每千人口拥有3岁以下\n婴幼儿托位数*\n个 3.7 4.1 4.4 4.7 5.0 5.0 5.5 区卫健局\n"
        );
        let want = read(&plain).expect("read");
        assert!(
            want.contains("2025年目标值\t2025年挑战值\t2026年\t2027年\t"),
            "{want}"
        );
        let spaced = plain.replace("年", " 年").replace("拥有3岁", "拥有 3 岁");
        let fullwidth: String = plain
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32('０' as u32 + d).unwrap_or(c),
                None => c,
            })
            .collect();
        for (what, text) in [
            ("no-break spaces", plain.replace(' ', "\u{a0}")),
            ("full-width digits", fullwidth),
            ("spaced", spaced),
            (
                "a form feed ending a row's line",
                plain.replace("托位数*\n", "托位数*\u{c}\n"),
            ),
        ] {
            let got = read(&text).expect(what);
            let table = |t: &str| t.lines().skip(1).collect::<Vec<_>>().join("\n");
            assert_eq!(table(&got), table(&want), "{what}");
        }
    }

    #[test]
    fn each_row_maps_to_its_first_line() {
        let text = format!(
            "标题\n{HEAD}1 幼有善育 托位\n数\n个 3.7 4.1 4.4 4.7 5.0 5.5 区卫健局\n2 普惠托位占比 % 56 60 62 65 68 70 区卫健局\n— 5 —\n"
        );
        let (t, lines) = plain_lines(&text).unwrap();
        assert_eq!(t.split('\n').count(), lines.len());
        assert_eq!(lines, vec![1, 2, 6, 9, 10, 11]);
    }
}
