//! A draft with its tracked changes shown, read as the draft now stands: every insertion kept,
//! every deletion and every comment gone.
//!
//! Why it exists: a 征求意见稿 goes round with Word's 修订 (track changes) and 批注 (comments) on,
//! and a converter shows them in the text: pandoc (`--track-changes=all`) as spans,
//! `[4.5]{.deletion author="…" date="…"}[4.8]{.insertion author="…" date="…"}`, a comment as
//! `[初稿为1万个]{.comment-start id="0" author="…"}` before the text it is on and
//! `[]{.comment-end id="0"}` after; CriticMarkup (pandoc filters, pandiff, editors) as
//! `{--4.5--}{++4.8++}`, `{~~4.5~>4.8~~}`, `{>>comment<<}`. Read as printed, a deleted figure
//! stands beside the one that replaced it (the table reader takes the first), a deleted sentence
//! still states its target, and a reviewer's comment (`建议提高至5个`) reads as the plan's words.
//! What the draft says is what accepting every change leaves: the text a person reads once the
//! changes are accepted.
//!
//! Lines are kept: what is removed keeps its line breaks, so a line of the result is the line of
//! the source (a draft's `line` points at the document the user has). A table row every cell of
//! which was deleted (`| [6]{.deletion …} | [病有良医]{.deletion …} |`) is no row any more: an empty
//! line. `validate` reads a source through the same pass ([`super::markup::plain`]).
//!
//! Bounded: one pass over the text; a span's attributes are read to the end of their `}` on the
//! same line, and a span whose end is not found is left as printed.

/// The classes of a pandoc span whose text the accepted draft keeps (`true`) or drops (`false`).
const SPAN_CLASSES: [(&str, bool); 6] = [
    ("insertion", true),
    ("deletion", false),
    ("comment-start", false),
    ("comment-end", false),
    ("paragraph-insertion", true),
    ("paragraph-deletion", false),
];

/// CriticMarkup's marks: opening, closing, and whether the text between them is kept. A
/// substitution `{~~old~>new~~}` keeps what follows `~>`.
const CRITIC: [(&str, &str, bool); 4] = [
    ("{++", "++}", true),
    ("{--", "--}", false),
    ("{>>", "<<}", false),
    ("{==", "==}", true),
];

/// The text with its tracked changes accepted and its comments gone (see the module's doc) and
/// its lines one for one; None when it shows none.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let pandoc = text.contains("]{.");
    let critic = CRITIC.iter().any(|(o, _, _)| text.contains(o)) || text.contains("{~~");
    if !pandoc && !critic {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '['
            && pandoc
            && let Some((end, keep, inner)) = span_at(&chars, i)
        {
            push_kept(&mut out, &chars[inner.0..inner.1], keep);
            i = end;
            changed = true;
            continue;
        }
        if chars[i] == '{'
            && critic
            && let Some((end, kept)) = critic_at(&chars, i)
        {
            out.push_str(&kept);
            i = end;
            changed = true;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    if !changed {
        return None;
    }
    let body: String = out
        .split('\n')
        .map(|l| if emptied_row(l) { "" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    let lines = (1..=body.split('\n').count()).collect();
    Some((body, lines))
}

/// Pushes a span's text (`keep`) or only its line breaks.
fn push_kept(out: &mut String, inner: &[char], keep: bool) {
    if keep {
        out.extend(inner);
    } else {
        out.extend(inner.iter().filter(|c| **c == '\n'));
    }
}

/// A pandoc span of a tracked change or comment at `i` (`[`): its end, whether its text is kept,
/// and where its text stands. Brackets nest inside the text; the attributes close on the line.
fn span_at(chars: &[char], i: usize) -> Option<(usize, bool, (usize, usize))> {
    let mut depth = 0usize;
    let mut k = i;
    let close = loop {
        match chars.get(k)? {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break k;
                }
            }
            _ => {}
        }
        k += 1;
    };
    if chars.get(close + 1) != Some(&'{') || chars.get(close + 2) != Some(&'.') {
        return None;
    }
    let class_start = close + 3;
    let mut e = class_start;
    while chars
        .get(e)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '-')
    {
        e += 1;
    }
    let class: String = chars[class_start..e].iter().collect();
    let keep = SPAN_CLASSES.iter().find(|(c, _)| *c == class)?.1;
    // The attributes: up to the `}` outside quotes, on this line.
    let mut quoted = false;
    let end = loop {
        match chars.get(e)? {
            '"' => quoted = !quoted,
            '}' if !quoted => break e + 1,
            '\n' => return None,
            _ => {}
        }
        e += 1;
    };
    Some((end, keep, (i + 1, close)))
}

/// A CriticMarkup mark at `i`: its end and the text the accepted draft keeps of it.
fn critic_at(chars: &[char], i: usize) -> Option<(usize, String)> {
    let find = |from: usize, word: &str| {
        let w: Vec<char> = word.chars().collect();
        (from..chars.len().saturating_sub(w.len() - 1)).find(|&k| chars[k..].starts_with(&w))
    };
    let starts = |word: &str| chars[i..].starts_with(&word.chars().collect::<Vec<_>>());
    if starts("{~~") {
        let end = find(i + 3, "~~}")?;
        let arrow = find(i + 3, "~>").filter(|&a| a < end)?;
        let old: String = chars[i + 3..arrow].iter().filter(|c| **c == '\n').collect();
        let new: String = chars[arrow + 2..end].iter().collect();
        return Some((end + 3, old + &new));
    }
    let (open, close, keep) = CRITIC.iter().find(|(o, _, _)| starts(o))?;
    let from = i + open.chars().count();
    let end = find(from, close)?;
    let mut kept = String::new();
    push_kept(&mut kept, &chars[from..end], *keep);
    Some((end + close.chars().count(), kept))
}

/// Whether a line is a table row every cell of which was deleted: bars and spaces alone, at least
/// two bars.
fn emptied_row(line: &str) -> bool {
    let t = line.trim();
    t.matches('|').count() >= 2 && t.chars().all(|c| c == '|' || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        plain_lines(text).map(|(t, _)| t)
    }

    #[test]
    fn changes_accepted_comments_gone() {
        let a = r#"author="陈晓东" date="2023-08-14T09:12:00Z""#;
        let cases = [
            (
                format!("达到[4.5]{{.deletion {a}}}[4.8]{{.insertion {a}}}个"),
                Some("达到4.8个".to_string()),
            ),
            (
                format!(
                    "[到2025年，达到95%以上；]{{.deletion {a}}}到2027年，[达到97%]{{.insertion {a}}}"
                ),
                Some("到2027年，达到97%".to_string()),
            ),
            (
                format!(
                    "[建议核实，初稿为1万个]{{.comment-start id=\"0\" {a}}}新增学位9000个[]{{.comment-end id=\"0\"}}"
                ),
                Some("新增学位9000个".to_string()),
            ),
            // A row every cell of which was deleted is an empty line; a deleted cell is empty.
            (
                format!(
                    "| 1 | [3.5]{{.deletion {a}}} | 4 |\n| [6]{{.deletion {a}}} | [人]{{.deletion {a}}} |"
                ),
                Some("| 1 |  | 4 |\n".to_string()),
            ),
            // Brackets inside a span's text, a `}` inside its quoted attributes.
            (
                "[见[附件]]{.insertion author=\"a}b\"}".to_string(),
                Some("见[附件]".to_string()),
            ),
            // CriticMarkup.
            (
                "达到{--4.5--}{++4.8++}个，{~~70%~>75%~~}以上{>>建议5个<<}".to_string(),
                Some("达到4.8个，75%以上".to_string()),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(read(&text), want, "{text}");
        }
    }

    #[test]
    fn other_spans_and_braces_left_as_printed() {
        for text in [
            // Markdown's own spans and links, a formula's braces, an unclosed change.
            "[重点]{.underline}达到4.5个",
            "[附件](https://example.gov.cn/a.pdf){target=\"_blank\"}",
            "$\\frac{1}{2}$ 达到{5}个",
            "达到[4.5]{.deletion author=\"a\"\n date=\"b\"}个",
            "{++未闭合",
            "{~~4.5 没有箭头~~}",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn lines_kept_one_for_one() {
        let text = "一\n{--二\n三--}四\n五";
        let (body, lines) = plain_lines(text).expect("a change");
        assert_eq!(body, "一\n\n四\n五");
        assert_eq!(lines, vec![1, 2, 3, 4]);
    }
}
