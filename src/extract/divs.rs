//! A web page whose table is built of `<div>`s (a content system's "responsive" table: a row a
//! `<div class="tr">`, a cell a `<div class="td">` inside it, a group of rows under a title
//! `<div>`), read as the `<table>` it stands for, so that markup lays it out in `|` rows.
//!
//! Why it exists: a county or city site's newer templates draw the indicator table with CSS
//! (`display:flex`, `grid`) and no `<table>`. Read as a page, each cell is a line of its own and
//! the readers after this see a column of words and figures, no row.
//!
//! What is a table is decided by the page's shape, not by class names (every site names them
//! its own way): a **row** is a `<div>` whose content is two or more `<div>`s and nothing else,
//! each of them a **cell** (a `<div>` holding only text and inline markup: `<span>`, `<br>`,
//! `<sup>`, `<a>`); a **table** is the outermost `<div>` holding, through `<div>`s that hold
//! nothing but `<div>`s, at least [`MIN_ROWS`] rows of one width of at least [`MIN_CELLS`] cells,
//! and no other content: no paragraph, heading or text of its own. A cell standing alone among
//! the rows (a caption, a group's title `（一）幼有善育`, a 注) is a row of one cell across the
//! table, as a spanning cell is in a `<table>`. A list of label and value pairs (`索引号：` /
//! its value) is no table: its rows' cells alternate a label ending in a colon and its value.
//!
//! The rewrite puts `<table>`, `<tr>` and `<td>` where the `<div>` tags stood and drops the
//! wrappers' tags, keeping every line break of the source, so the page's lines stay its own.
//!
//! Bounded: one pass over the tags to build the tree of at most [`MAX_DIVS`] `<div>`s (a page
//! with more is left as it is), then walks over it of at most [`MAX_STEPS`] steps in all.

/// The fewest rows of one width for a table.
const MIN_ROWS: usize = 3;
/// The fewest cells a row of the table's width has.
const MIN_CELLS: usize = 3;
/// The most `<div>`s of a page read.
const MAX_DIVS: usize = 20_000;
/// The most steps all the tries at a table take together (a `<div>` visited is a step).
const MAX_STEPS: usize = 400_000;

/// Tags inside a `<div>` that make it more than a cell: blocks of text of their own.
const BLOCKS: [&str; 14] = [
    "p", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "form",
];

/// A `<div>` of the page: where its start and end tags stand, its `<div>` children, and whether
/// it holds anything but `<div>`s and white space (text, inline or block markup) and a block.
struct Div {
    open: (usize, usize),
    close: Option<(usize, usize)>,
    children: Vec<usize>,
    other: bool,
    block: bool,
}

/// The page with each `<div>` table rewritten as a `<table>`; None when it has none.
pub(crate) fn as_tables(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if lower.matches("<div").count() < MIN_ROWS * (MIN_CELLS + 1) {
        return None;
    }
    let (divs, roots) = tree(text, &lower)?;
    let mut edits: Vec<((usize, usize), String)> = Vec::new();
    let mut stack: Vec<usize> = roots;
    stack.reverse();
    let mut budget = MAX_STEPS;
    while let Some(d) = stack.pop() {
        match table(text, &divs, d, &mut budget) {
            Some(width) => rewrite(&divs, d, width, &mut edits),
            None => stack.extend(divs[d].children.iter().rev()),
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| e.0.0);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for ((from, to), with) in edits {
        if from < at {
            continue;
        }
        out.push_str(&text[at..from]);
        out.push_str(&with);
        // The tag's line breaks stay, so the page's lines stay its own.
        for _ in text[from..to].matches('\n') {
            out.push('\n');
        }
        at = to;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The tree of the page's `<div>`s and its roots; None for a page with more than [`MAX_DIVS`].
/// A `<div>` left open (a broken page) has no end and is never a table or a row.
fn tree(text: &str, lower: &str) -> Option<(Vec<Div>, Vec<usize>)> {
    let mut divs: Vec<Div> = Vec::new();
    let mut roots = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    let bytes = lower.as_bytes();
    while let Some(p) = lower[i..].find('<').map(|p| p + i) {
        let rest = &lower[p..];
        // What holds no tags of the page: comments, scripts, styles.
        let skip_to = if rest.starts_with("<!--") {
            Some("-->")
        } else if rest.starts_with("<script") {
            Some("</script")
        } else if rest.starts_with("<style") {
            Some("</style")
        } else {
            None
        };
        if let Some(end) = skip_to {
            i = rest.find(end).map_or(lower.len(), |e| p + e + end.len());
            continue;
        }
        let Some(gt) = rest.find('>').map(|g| p + g + 1) else {
            break;
        };
        let closing = rest.starts_with("</");
        let name: String = rest[1 + usize::from(closing)..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        // Text between tags, or a tag other than a `<div>`, is content of the innermost open one.
        let before = &text[i..p];
        if let Some(&d) = open.last() {
            if !before.trim().is_empty() || (name != "div" && !name.is_empty()) {
                divs[d].other = true;
            }
            if BLOCKS.contains(&name.as_str()) {
                divs[d].block = true;
            }
        }
        if name == "div" {
            if closing {
                if let Some(d) = open.pop() {
                    divs[d].close = Some((p, gt));
                }
            } else {
                if divs.len() >= MAX_DIVS {
                    return None;
                }
                let d = divs.len();
                divs.push(Div {
                    open: (p, gt),
                    close: None,
                    children: Vec::new(),
                    other: false,
                    block: false,
                });
                match open.last() {
                    Some(&parent) => divs[parent].children.push(d),
                    None => roots.push(d),
                }
                // `<div/>` holds nothing.
                if bytes.get(gt.saturating_sub(2)) == Some(&b'/') {
                    divs[d].close = Some((gt, gt));
                } else {
                    open.push(d);
                }
            }
        }
        i = gt;
    }
    Some((divs, roots))
}

/// Whether a `<div>` is a cell: closed, no `<div>` in it, no block.
fn is_cell(divs: &[Div], d: usize) -> bool {
    let v = &divs[d];
    v.close.is_some() && v.children.is_empty() && !v.block
}

/// Whether a `<div>` is a row: closed, holding only cells, two or more.
fn is_row(divs: &[Div], d: usize) -> bool {
    let v = &divs[d];
    v.close.is_some()
        && !v.other
        && v.children.len() >= 2
        && v.children.iter().all(|&c| is_cell(divs, c))
}

/// The rows and lone cells under a table's `<div>`, in order; None where something under it is
/// neither (a `<div>` holding text of its own beside `<div>`s, or one left open).
fn parts(divs: &[Div], d: usize, out: &mut Vec<usize>, budget: &mut usize) -> Option<()> {
    let mut stack = vec![d];
    let mut order = Vec::new();
    while let Some(x) = stack.pop() {
        // Each table tried walks its `<div>`s: a page of nested wrappers would be walked again
        // for each of them, so all the walks share one bound.
        *budget = budget.checked_sub(1)?;
        let v = &divs[x];
        if x != d && (is_row(divs, x) || is_cell(divs, x)) {
            order.push(x);
            continue;
        }
        if v.close.is_none() || v.other || v.children.is_empty() {
            return None;
        }
        stack.extend(v.children.iter().rev());
    }
    out.extend(order);
    Some(())
}

/// A cell's text without its markup, trimmed.
fn words(text: &str, v: &Div) -> String {
    let inner = v
        .close
        .map_or("", |c| text.get(v.open.1..c.0).unwrap_or(""));
    let mut out = String::new();
    let mut tag = false;
    for c in inner.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Whether every row of a width is label and value pairs: its first, third … cells end in a
/// colon (`索引号：`, `文号:`).
fn pairs(text: &str, divs: &[Div], rows: &[usize]) -> bool {
    rows.iter().all(|&r| {
        divs[r]
            .children
            .iter()
            .step_by(2)
            .all(|&c| words(text, &divs[c]).ends_with(['：', ':']))
    })
}

/// The table's width where `d` is a table of `<div>`s (see the module doc), else None.
fn table(text: &str, divs: &[Div], d: usize, budget: &mut usize) -> Option<usize> {
    if is_row(divs, d) || is_cell(divs, d) {
        return None;
    }
    let mut found = Vec::new();
    parts(divs, d, &mut found, budget)?;
    let widths: Vec<usize> = found
        .iter()
        .filter(|&&r| is_row(divs, r))
        .map(|&r| divs[r].children.len())
        .collect();
    let width = widths
        .iter()
        .copied()
        .filter(|&w| w >= MIN_CELLS)
        .max_by_key(|&w| (widths.iter().filter(|&&x| x == w).count(), w))?;
    let rows: Vec<usize> = found
        .iter()
        .copied()
        .filter(|&r| is_row(divs, r) && divs[r].children.len() == width)
        .collect();
    (rows.len() >= MIN_ROWS && !pairs(text, divs, &rows)).then_some(width)
}

/// The edits that make the table `d` a `<table>`: its tags, its rows' and cells' tags, a lone
/// cell a row of one cell across the table, the wrappers' tags dropped.
fn rewrite(divs: &[Div], d: usize, width: usize, edits: &mut Vec<((usize, usize), String)>) {
    let mut found = Vec::new();
    // The table was just walked within the bound: walking it again takes as many steps.
    let mut unbounded = usize::MAX;
    if parts(divs, d, &mut found, &mut unbounded).is_none() {
        return;
    }
    let Some(close) = divs[d].close else {
        return;
    };
    edits.push((divs[d].open, "<table>".into()));
    edits.push((close, "</table>".into()));
    let mut kept = vec![false; divs.len()];
    kept[d] = true;
    for &r in &found {
        kept[r] = true;
        let Some(rc) = divs[r].close else {
            continue;
        };
        if is_row(divs, r) {
            edits.push((divs[r].open, "<tr>".into()));
            edits.push((rc, "</tr>".into()));
            for &c in &divs[r].children {
                kept[c] = true;
                if let Some(cc) = divs[c].close {
                    edits.push((divs[c].open, "<td>".into()));
                    edits.push((cc, "</td>".into()));
                }
            }
        } else {
            edits.push((divs[r].open, format!("<tr><td colspan=\"{width}\">")));
            edits.push((rc, "</td></tr>".into()));
        }
    }
    // The wrappers between the table and its rows: their tags are no markup of the table.
    let mut stack = vec![d];
    while let Some(x) = stack.pop() {
        for &c in &divs[x].children {
            if !kept[c] {
                if let Some(cc) = divs[c].close {
                    edits.push((divs[c].open, String::new()));
                    edits.push((cc, String::new()));
                }
                stack.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> String {
        let mut s = String::from("<div class=\"tr\">");
        for c in cells {
            s.push_str(&format!("\n  <div class=\"td\">{c}</div>"));
        }
        s.push_str("\n</div>\n");
        s
    }

    /// The layout markup gives a `<div>` table is its `<table>` twin's.
    #[test]
    fn a_table_of_divs_reads_as_its_table_twin() {
        let divs = format!(
            "<div class=\"article\"><p>主要指标如下。</p>\n<div class=\"zb\">\n<div class=\"cap\">主要指标</div>\n<div class=\"head\">{}</div>\n<div class=\"body\"><div class=\"group\"><div class=\"title\"><span>（一）幼有善育</span></div>\n{}{}</div></div>\n<div class=\"note\">注：2022年为基础值。</div>\n</div></div>",
            row(&["序号", "指标名称", "2022年<br>基础值", "2027年"]),
            row(&["1", "每千人口托位数<sup>*</sup>", "4.0", "5.5"]),
            row(&[
                "2",
                "普惠托位占比",
                "&nbsp;",
                "<span class=\"fh\">≥</span>70"
            ]),
        );
        let out = as_tables(&divs).expect("a table");
        assert_eq!(out.matches('\n').count(), divs.matches('\n').count());
        let table = "<div class=\"article\"><p>主要指标如下。</p><table>\
            <tr><td colspan=\"4\">主要指标</td></tr>\
            <tr><td>序号</td><td>指标名称</td><td>2022年<br>基础值</td><td>2027年</td></tr>\
            <tr><td colspan=\"4\">（一）幼有善育</td></tr>\
            <tr><td>1</td><td>每千人口托位数<sup>*</sup></td><td>4.0</td><td>5.5</td></tr>\
            <tr><td>2</td><td>普惠托位占比</td><td>&nbsp;</td><td><span class=\"fh\">≥</span>70</td></tr>\
            <tr><td colspan=\"4\">注：2022年为基础值。</td></tr></table></div>";
        let plain = |t: &str| {
            crate::extract::markup::plain(t)
                .unwrap()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(plain(&out), plain(table));
    }

    /// Near misses: a page's layout of `<div>`s (columns of paragraphs), a list of label and
    /// value pairs, too few rows, a broken page, rows of two cells.
    #[test]
    fn what_is_no_table_is_left_alone() {
        let cases = [
            (
                "columns of paragraphs",
                "<div class=\"row\"><div class=\"col\"><p>甲</p></div><div class=\"col\"><p>乙</p></div><div class=\"col\"><p>丙</p></div></div>".repeat(4),
            ),
            (
                "text beside the rows",
                format!(
                    "<div>说明文字{}{}{}</div>",
                    row(&["a", "b", "c"]),
                    row(&["1", "2", "3"]),
                    row(&["4", "5", "6"])
                ),
            ),
            (
                "two rows",
                format!(
                    "<div>{}{}</div><div></div><div></div><div></div><div></div>",
                    row(&["a", "b", "c"]),
                    row(&["1", "2", "3"])
                ),
            ),
            (
                "left open",
                format!(
                    "<div>{}{}{}",
                    row(&["a", "b", "c"]),
                    row(&["1", "2", "3"]),
                    row(&["4", "5", "6"])
                ),
            ),
            (
                "label and value pairs",
                format!(
                    "<div class=\"xxgk\">{}{}{}</div>",
                    row(&["索引号：", "002696143/2023-112385", "发布机构：", "市政府办公室"]),
                    row(&["文号：", "嘉政办发〔2023〕41号", "统一编号:", "ZJFC01-2023-0187"]),
                    row(&["<b>成文日期：</b>", "2023-11-06", "有效性：", "有效"])
                ),
            ),
            (
                "two cells a row",
                format!(
                    "<div>{}{}{}{}</div>",
                    row(&["a", "b"]),
                    row(&["1", "2"]),
                    row(&["3", "4"]),
                    row(&["5", "6"])
                ),
            ),
        ];
        for (what, page) in cases {
            assert_eq!(as_tables(&page), None, "{what}");
        }
        // Unclosed and stray tags, a `<div` in a script: no panic, the rest read.
        let odd = format!(
            "</div><script>var s='<div>';</script><div>{}{}{}</div></div></div><div",
            row(&["a", "b", "c"]),
            row(&["1", "2", "3"]),
            row(&["4", "5", "6"])
        );
        assert!(as_tables(&odd).is_some_and(|t| t.contains("<tr>")));
        // Deeply nested wrappers and a page of many `<div>`s: bounded, no panic.
        let deep = format!("{}{}", "<div>".repeat(19_000), "</div>".repeat(19_000));
        assert_eq!(as_tables(&deep), None);
        let wide = "<div>".repeat(30_000);
        assert_eq!(as_tables(&wide), None);
    }
}
