//! A table exported one row per indicator and year (long format), read as the table it stands
//! for: a row per indicator, a column per year.
//!
//! Why it exists: a county's 七优享 digital application, a statistics system or a database
//! query exports its indicator library as `序号,指标名称,单位,年度,值类型,比较符,指标值,责任单位`,
//! one figure a record, the year a cell of its own and the figure's kind (`基期值`, `目标值`) in
//! another. The table readers find a figure's year in the header above it, so such a record read
//! as it stands has none (its `2022` is no header, its `3.80` a figure of no year). Here a block
//! of such records becomes the table a person would make of it: the header names each year and
//! kind (`2022年基期值`, `2025年目标值`), each indicator is one row with its figures under them,
//! an operator column is put before its figure (`≥4.20`). A transposed table (years as rows,
//! indicators as columns) has no name column whose names repeat, so it is left as it is.
//!
//! Each line of the result is mapped to the line of the text it stands for (an indicator's row to
//! its first record), so a draft's `line` points at the document the user has.
//!
//! Bounded: one pass over the lines; a block ends at the first line that is not its next record.

use std::collections::HashMap;

/// The fewest records a block must have to be read as one (a single record is no table).
const MIN_RECORDS: usize = 3;

/// The text with each long-format block read as a table (see the module's doc) and, for each of
/// its lines, the line of `text` it stands for (1-based); None when it has none.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    if !text.contains("年度") && !text.contains("年份") {
        return None;
    }
    let source: Vec<&str> = text.split('\n').collect();
    super::markup::rewrite_runs(&source, |i| block(&source, i))
}

/// The columns of a long-format header.
struct Header {
    sep: char,
    width: usize,
    year: usize,
    value: usize,
    name: usize,
    kind: Option<usize>,
    op: Option<usize>,
    /// Columns kept before the figures (领域, the name, the unit) and after them (责任单位).
    before: Vec<usize>,
    after: Vec<usize>,
}

fn cells(line: &str, sep: char) -> Vec<String> {
    line.trim_end_matches('\r')
        .split(sep)
        .map(|c| c.trim().to_string())
        .collect()
}

fn header(line: &str) -> Option<Header> {
    let sep = if line.contains('\t') { '\t' } else { ',' };
    let c = cells(line, sep);
    let at = |names: &[&str]| c.iter().position(|x| names.contains(&x.as_str()));
    let year = at(&["年度", "年份"])?;
    let value = at(&["指标值", "数值", "值", "数据", "指标数值", "目标值"])?;
    let name = at(&["指标名称", "指标", "指标项"])?;
    let kind = at(&["值类型", "类型", "数据类型", "指标值类型", "数值类型"]);
    let op = at(&["比较符", "运算符", "比较方式"]);
    let unit = at(&["单位", "计量单位"]);
    let domain = at(&["领域", "所属领域"]);
    let lead = c
        .iter()
        .position(|x| ["牵头单位", "责任单位", "牵头部门", "责任部门"].contains(&x.as_str()));
    Some(Header {
        sep,
        width: c.len(),
        year,
        value,
        name,
        kind,
        op,
        before: [domain, Some(name), unit].into_iter().flatten().collect(),
        after: lead.into_iter().collect(),
    })
}

/// One indicator of a long-format block: the cells that name it (before the figures), those
/// after them (责任单位), its first record's line (0-based) and its figures by (year, kind).
struct Indicator {
    key: Vec<String>,
    after: Vec<String>,
    line: usize,
    figures: HashMap<(i32, &'static str), String>,
}

/// A record's year (`2025`, `2025年`).
fn year_of(cell: &str) -> Option<i32> {
    let y = cell.strip_suffix('年').unwrap_or(cell);
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .then(|| y.parse().ok())
        .flatten()
        .filter(|y| (1949..=2100).contains(y))
}

/// The title a record's kind takes in the table's header: a past figure's `基期值`, a target's
/// `目标值` (a 挑战值 its own); None for a kind this reader does not know.
fn kind_title(cell: &str) -> Option<&'static str> {
    if ["基期", "基础", "基准", "现状", "实际", "完成"]
        .iter()
        .any(|k| cell.contains(k))
    {
        Some("基期值")
    } else if cell.contains("挑战") {
        Some("挑战值")
    } else if ["目标", "预期", "计划"].iter().any(|k| cell.contains(k)) {
        Some("目标值")
    } else {
        None
    }
}

/// The long-format block whose header is line `at`, as table lines with the source line (0-based)
/// each stands for, and the line after the block.
fn block(source: &[&str], at: usize) -> Option<(Vec<(String, usize)>, usize)> {
    let h = header(source[at])?;
    let mut rows: Vec<Indicator> = Vec::new();
    let mut columns: Vec<(i32, &'static str)> = Vec::new();
    let mut j = at + 1;
    while j < source.len() {
        let l = source[j];
        if l.contains('"') {
            break;
        }
        let c = cells(l, h.sep);
        if c.len() != h.width {
            break;
        }
        let Some(year) = year_of(&c[h.year]) else {
            break;
        };
        let value = &c[h.value];
        if !value.bytes().any(|b| b.is_ascii_digit()) || c[h.name].is_empty() {
            break;
        }
        let kind = match h.kind {
            Some(k) => match kind_title(&c[k]) {
                Some(t) => t,
                None => break,
            },
            None => "",
        };
        let op =
            h.op.map(|o| c[o].as_str())
                .filter(|o| !matches!(*o, "=" | "＝" | "等于"))
                .unwrap_or("");
        let key: Vec<String> = h.before.iter().map(|&k| c[k].clone()).collect();
        let row = match rows.iter().position(|r| r.key == key) {
            Some(r) => r,
            None => {
                rows.push(Indicator {
                    after: h.after.iter().map(|&k| c[k].clone()).collect(),
                    key,
                    line: j,
                    figures: HashMap::new(),
                });
                rows.len() - 1
            }
        };
        if !columns.contains(&(year, kind)) {
            columns.push((year, kind));
        }
        rows[row]
            .figures
            .insert((year, kind), format!("{op}{value}"));
        j += 1;
    }
    let records = j - at - 1;
    // Long format: enough records, and fewer indicators than records (some name repeats).
    if records < MIN_RECORDS || rows.len() == records {
        return None;
    }
    // Years in order, a year's baseline before its target.
    let rank = |k: &str| match k {
        "基期值" => 0,
        "目标值" | "" => 1,
        _ => 2,
    };
    columns.sort_by_key(|&(y, k)| (y, rank(k)));
    let title = |k: usize| cells(source[at], h.sep).swap_remove(k);
    let sep = h.sep.to_string();
    let mut head = vec!["序号".to_string()];
    head.extend(h.before.iter().map(|&k| title(k)));
    head.extend(columns.iter().map(|(y, k)| format!("{y}年{k}")));
    head.extend(h.after.iter().map(|&k| title(k)));
    let mut table = vec![(head.join(&sep), at)];
    for (n, r) in rows.iter().enumerate() {
        let mut row = vec![(n + 1).to_string()];
        row.extend(r.key.iter().cloned());
        row.extend(
            columns
                .iter()
                .map(|c| r.figures.get(c).cloned().unwrap_or_default()),
        );
        row.extend(r.after.iter().cloned());
        table.push((row.join(&sep), r.line));
    }
    Some((table, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        plain_lines(text).map(|(t, _)| t)
    }

    #[test]
    fn long_format_records_are_a_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "an export with kind and operator columns, CRLF",
                "附件\r\n序号,指标编码,所属领域,指标名称,计量单位,年度,值类型,比较符,指标值,责任单位,更新时间\r\n1,Q01,幼有善育,托位数,个,2022,基期值,=,3.80,区卫健局,2023-09-12 10:21:33\r\n2,Q01,幼有善育,托位数,个,2025,目标值,≥,4.80,区卫健局,2023-09-12 10:21:33\r\n3,Q02,劳有所得,城镇调查失业率,%,2022,基期值,=,3.90,区人社局,2023-09-12\r\n4,Q02,劳有所得,城镇调查失业率,%,2027,目标值,<,5.00,区人社局,2023-09-12\r\n注：完",
                Some(
                    "附件\r\n序号,所属领域,指标名称,计量单位,2022年基期值,2025年目标值,2027年目标值,责任单位\n1,幼有善育,托位数,个,3.80,≥4.80,,区卫健局\n2,劳有所得,城镇调查失业率,%,3.90,,<5.00,区人社局\n注：完",
                ),
            ),
            (
                "tab-separated, no kind column: years only",
                "指标名称\t单位\t年份\t数值\n托位数\t个\t2025年\t4.5\n托位数\t个\t2027年\t5.5\n普惠托位占比\t%\t2027年\t70\n",
                Some(
                    "序号\t指标名称\t单位\t2025年\t2027年\n1\t托位数\t个\t4.5\t5.5\n2\t普惠托位占比\t%\t\t70\n",
                ),
            ),
            (
                "a transposed table (no name repeats): left alone",
                "指标名称,年度,指标值\n托位数,2025,4.5\n占比,2026,60\n床位,2027,3\n",
                None,
            ),
            (
                "too few records",
                "指标名称,年度,指标值\n托位数,2025,4.5\n托位数,2027,5.5\n",
                None,
            ),
            (
                "a record without a year ends the block",
                "指标名称,年度,指标值\n托位数,合计,4.5\n托位数,2027,5.5\n托位数,2026,5.0\n",
                None,
            ),
            (
                "no year column",
                "指标名称,单位,2025年,2027年\n托位数,个,4.5,5.5\n托位数,个,4.6,5.6\n托位数,个,4.7,5.7\n年度考核\n",
                None,
            ),
        ];
        for (what, text, want) in cases {
            assert_eq!(read(text).as_deref(), *want, "{what}");
        }
    }

    #[test]
    fn each_row_maps_to_its_first_record() {
        let text = "标题\n指标名称,年度,值类型,指标值\n甲,2022,基础值,1\n甲,2027,目标值,2\n乙,2022,现状值,3\n乙,2027,目标值,4\n完";
        let (t, lines) = plain_lines(text).unwrap();
        assert_eq!(t.lines().count(), lines.len());
        assert_eq!(lines, vec![1, 2, 3, 5, 7]);
        assert!(t.contains("序号,指标名称,2022年基期值,2027年目标值\n1,甲,1,2\n2,乙,3,4"));
    }
}
