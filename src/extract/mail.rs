//! An e-mail's quoted text read as the text it quotes: a reply quotes the message it answers a
//! line at a time behind `> ` (`>> ` a message that one quoted in turn), so a plan forwarded by
//! mail (a county's 主要指标 sent to its city, the city's reply to the province) prints every
//! line of the plan behind marks that belong to no sentence, and the client's wrapping breaks a
//! figure across two such lines (`8.2万元（2` / `> 027年）`).
//!
//! Why it exists: the readers find a sentence's figures, a wrapped paragraph's lines and a
//! title's place in text as it was written; with the marks in place a line's first word is `>`,
//! and a figure broken by a wrap is two. `validate` reads a source through the same pass
//! ([`super::markup::plain`]), so what a draft quotes from the unquoted text is found there.
//!
//! Bounded: one pass over the lines; the lines stay one for one.

/// The fewest lines quoted behind `>` for a text to be read as a mail's quote.
const MIN_QUOTED: usize = 3;

/// The marks quoting a line (`>`, `>>`, `> > `, and the one space after the last), when they are
/// a quote's: followed by a space, by the line's end, by another mark, or by Chinese (a client
/// that puts no space after them). `>98` (a table's cell a line) is a figure's sign, not a quote.
/// An indent before the marks (a quote pasted into a word processor) and a no-break space after
/// them (a web mail's page copied) belong to the marks; the count is of bytes, the marks' end.
fn marks(line: &str) -> Option<usize> {
    let lead = line.len()
        - line
            .trim_start_matches([' ', '\t', '\u{3000}', '\u{a0}'])
            .len();
    let rest = &line[lead..];
    if !rest.starts_with('>') {
        return None;
    }
    let gap = |s: &str| {
        [" ", "\u{a0}"]
            .into_iter()
            .find(|g| s.starts_with(g))
            .map(str::len)
    };
    let mut end = 0;
    while end < rest.len() {
        if rest[end..].starts_with('>') {
            end += 1;
        } else if let Some(g) = gap(&rest[end..]).filter(|g| rest[end + g..].starts_with('>')) {
            end += g;
        } else {
            break;
        }
    }
    let after = &rest[end..];
    let quote = if after.is_empty() || after.starts_with('\r') {
        Some(end)
    } else if let Some(g) = gap(after) {
        Some(end + g)
    } else {
        // `>市专班：`, `>>请于…`: Chinese after `>` is no figure's sign.
        after
            .chars()
            .next()
            .is_some_and(|c| super::scan::is_cjk(c) || "《“（【".contains(c))
            .then_some(end)
    };
    quote.map(|q| lead + q)
}

/// The text with its quote marks taken off every quoted line; None where fewer than
/// [`MIN_QUOTED`] lines are quoted or none of them holds Chinese text (no mail quoting a plan).
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let quoted: Vec<(&str, Option<usize>)> = text.split('\n').map(|l| (l, marks(l))).collect();
    let count = quoted.iter().filter(|(_, m)| m.is_some()).count();
    let chinese = quoted
        .iter()
        .any(|(l, m)| m.is_some_and(|m| l[m..].chars().next().is_some_and(super::scan::is_cjk)));
    if count < MIN_QUOTED || !chinese {
        return None;
    }
    // A line the client wrapped inside a quote with no space after its marks may go on with a
    // figure's rest (`>27次常务会议`, `>027年）`, `>/月`): right under a quoted line it is quoted as
    // deep, and as many `>` as that line's are marks; a sign after them (`>>98`) stays.
    let mut out: Vec<&str> = Vec::with_capacity(quoted.len());
    let mut depth = 0;
    for (l, m) in &quoted {
        let line = match m {
            Some(m) => {
                depth = l[..*m].matches('>').count();
                &l[*m..]
            }
            None if depth > 0
                && l.as_bytes()
                    .get(..depth)
                    .is_some_and(|b| b.iter().all(|&x| x == b'>')) =>
            {
                &l[depth..]
            }
            None => {
                depth = 0;
                l
            }
        };
        out.push(line);
    }
    let lines = (1..=out.len()).collect();
    Some((out.join("\n"), lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reply's quote, a quote inside it, a quoted empty line and a CRLF line lose their marks;
    /// a table a cell a line whose cells carry `>` (`>98`) and a text with two quoted lines keep
    /// theirs.
    #[test]
    fn a_mails_quote_marks() {
        let unquoted = |t: &str| plain_lines(t).map(|(t, _)| t);
        assert_eq!(
            unquoted("刘处：\n在 2023/10/12 15:26, 专班 写道:\n> 市专班：\n>\n> 1.托位数：4.5个（20\n> 25年）。\r\n>> 请于10月13日前报送。\n> > 另：\n"),
            Some("刘处：\n在 2023/10/12 15:26, 专班 写道:\n市专班：\n\n1.托位数：4.5个（20\n25年）。\r\n请于10月13日前报送。\n另：\n".into())
        );
        assert_eq!(
            unquoted("序号\n1\n高中段毛入学率\n%\n>98\n>98\n>98.5\n>99\n"),
            None
        );
        assert_eq!(unquoted("> 市专班：\n> 请审核。\n正文\n"), None);
        // No space after the marks: a line right under a quoted one loses as many `>`.
        assert_eq!(
            unquoted(">市专班：\n>已经区政府第\n>27次常务会议审议通过。\n>>请于\n>>10月13日前报送，\n>>>98\n正文\n>5\n"),
            Some("市专班：\n已经区政府第\n27次常务会议审议通过。\n请于\n10月13日前报送，\n>98\n正文\n>5\n".into())
        );
        assert_eq!(unquoted("> 2 3\n> 4 5\n> 6 7\n"), None);
        assert_eq!(marks(">"), Some(1));
        assert_eq!(marks("> > 文"), Some(4));
        assert_eq!(marks(">5"), None);
        assert_eq!(marks("　　> 6.居民人均可支配收入"), Some(8));
        assert_eq!(marks(">\u{a0}市专班"), Some(3));
        assert_eq!(marks(">\u{a0}>\u{a0}请于"), Some(6));
        assert_eq!(marks("  >98"), None);
        assert_eq!(marks(">>请于10月13日前报送"), Some(2));
        assert_eq!(marks(">《某县…方案》"), Some(1));
        assert_eq!(marks("≥5"), None);
    }

    /// The plan a county mailed, quoted in its city's reply, wrapped by the mail client: a
    /// figure's year broken onto the next quoted line (`8.2万元（2` / `> 027年）`) and a meeting's
    /// number (`第` / `> 27次常务会议`) are read as the unquoted text reads them: the year put
    /// back, the meeting no figure, the title the county's.
    #[test]
    fn a_quoted_plan_is_read() {
        let doc = "主题: 回复: 洞头区七优享实施方案主要指标报备\n\n刘处：\n\n洞头区报来的主要指标转给您，原文见下。\n\n在 2023/10/12 15:26, 洞头区七优享专班 写道:\n\
> 市专班：\n>\n\
> 《洞头区公共服务“七优享”工程实施方案（2023—2027年）》已经区政府第\n\
> 27次常务会议审议通过，于9月28日印发（洞政办发〔2023〕52号）。现将\n\
> 主要指标报备如下（括号内为年份）：\n>\n\
> 1.每千人口拥有3岁以下婴幼儿托位数：3.6个（2022年），4.5个（2025年），\n\
> 5.2个（2027年）。\n\
> 4.义务教育优质均衡发展达标学校占比：57%（2022年），70%（2025年），\n\
> 85%（2027年）。\n\
> 6.居民人均可支配收入：5.86万元（2022年），7万元（2025年），8.2万元（2\n\
> 027年）。\n\
> 7.每千人口执业（助理）医师数：3.05人（2022年），3.4人（2025年），3.8\n\
> 人（2027年）。\n";
        let x = crate::extract::extract(doc, None);
        let got: Vec<String> = x
            .candidates
            .iter()
            .map(crate::extract::kind_year_value)
            .collect();
        assert!(got.contains(&"target 2027 8.2".to_string()), "{got:?}");
        assert!(got.contains(&"target 2027 3.8".to_string()), "{got:?}");
        assert!(!got.iter().any(|g| g.ends_with(" 27")), "{got:?}");
        assert_eq!(x.info.jurisdiction.as_deref(), Some("洞头区"));
    }
}
