//! A video's subtitles (SubRip `.srt`, WebVTT `.vtt`), read as the speech they carry: each cue's
//! number and time span left out, its lines run on as one spoken text, a pause a comma.
//!
//! Why it exists: a county's 融媒体 explains a plan in a short video, and its subtitles, exported
//! from the editor, are the text that reaches us (`1` / `00:00:04,852 --> 00:00:08,910` / a line
//! or two / a blank line). Read as printed, every cue number and time code is a number of its
//! own, and subtitle style drops the punctuation a sentence needs: no mark at a line's or a
//! cue's end, a space where a comma would be (`近日 区政府办公室印发了这份方案`), a sentence
//! running over lines and cues (a name on one line, `是3.9个` on the next; `从2022年的56%` in one
//! cue, `提高到2027年的70%以上` in the next). Each line's end and each space between words is a
//! pause, so each is read as the comma it stands for, and the cues as one paragraph, so a clause
//! keeps the year and the name of the clauses before it as a speech does; the last cue closes it.
//!
//! Each line of the result is a paragraph, mapped to the source line of its first cue's text, so
//! a draft's `line` points where the speech begins in the document the user has; `validate` reads
//! a source through the same pass.
//!
//! Bounded: one pass over the lines; a text with fewer than [`MIN_CUES`] cues is no subtitle file.

/// The fewest cues read as subtitles: one number over a time span may be anything's.
const MIN_CUES: usize = 3;

/// Whether a line is a cue's time span: `00:00:04,852 --> 00:00:08,910` (SubRip), `00:04.852 -->
/// 00:08.910 align:start` (WebVTT, hours optional, settings after it).
fn time_span(line: &str) -> bool {
    let Some((from, to)) = line.trim().split_once("-->") else {
        return false;
    };
    // What follows the end is a WebVTT cue's settings (`align:start line:90%`), ASCII.
    if !to.is_ascii() {
        return false;
    }
    let stamp = |s: &str| {
        let s = s.trim().split(' ').next().unwrap_or("");
        let Some((clock, ms)) = s.split_once([',', '.']) else {
            return false;
        };
        let parts: Vec<&str> = clock.split(':').collect();
        (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
            && !ms.is_empty()
            && ms.len() <= 3
            && ms.bytes().all(|b| b.is_ascii_digit())
    };
    stamp(from) && stamp(to)
}

/// A subtitle line as spoken text: spaces between words read as the commas they stand for (not
/// one between two ASCII words or figures: `PM 2.5`); tags (`<i>`, `{\an8}`) left out.
fn spoken(line: &str) -> String {
    let mut t = String::with_capacity(line.len());
    let mut skip = None;
    for c in line.trim().chars() {
        match (skip, c) {
            (None, '<') => skip = Some('>'),
            (None, '{') => skip = Some('}'),
            (Some(end), c) if c == end => skip = None,
            (Some(_), _) => {}
            (None, c) => t.push(c),
        }
    }
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c.is_whitespace() || c == '\u{3000}' {
            let mut e = k;
            while e < chars.len() && (chars[e].is_whitespace() || chars[e] == '\u{3000}') {
                e += 1;
            }
            let before = out.chars().last();
            let after = chars.get(e).copied();
            // A space between a figure (or a Latin word) and a Chinese character is typesetting
            // (`2022 年`, `达到 4.6 个`, as pangu-style spacing prints them), not a pause.
            let typeset = |x: char, y: char| {
                (x.is_ascii_alphanumeric() || matches!(x, '%' | '‰')) && super::scan::is_cjk(y)
            };
            match (before, after) {
                (Some(b), Some(a)) if typeset(b, a) || typeset(a, b) => {}
                (Some(b), Some(a)) if b.is_ascii() && a.is_ascii() => out.push(' '),
                (Some(b), Some(_)) if !ends_pause(b) => out.push('，'),
                _ => {}
            }
            k = e;
            continue;
        }
        out.push(c);
        k += 1;
    }
    out
}

/// Whether a character already ends a clause or a sentence (no comma is added after it).
fn ends_pause(c: char) -> bool {
    "，,。！？!?；;：:、…".contains(c)
}

/// The cues' text as paragraphs, a paragraph a line, with the source line of each (its first
/// cue's); None where the text is no subtitle file.
pub(crate) fn plain_lines(text: &str) -> Option<(String, Vec<usize>)> {
    let lines: Vec<&str> = text.lines().collect();
    // A cue: its (optional) number, its time span, its text lines up to a blank line.
    let mut cues: Vec<(usize, String)> = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        if !time_span(lines[n]) {
            n += 1;
            continue;
        }
        let mut k = n + 1;
        let mut words = String::new();
        let mut first = None;
        while k < lines.len() && !lines[k].trim().is_empty() && !time_span(lines[k]) {
            let s = spoken(lines[k]);
            if !s.is_empty() {
                if let Some(last) = words.chars().last()
                    && !ends_pause(last)
                {
                    words.push('，');
                }
                words.push_str(&s);
                first.get_or_insert(k + 1);
            }
            k += 1;
        }
        if let Some(at) = first {
            cues.push((at, words));
        }
        n = k;
    }
    if cues.len() < MIN_CUES {
        return None;
    }
    // A paragraph runs over cues up to one that ends a sentence (`！`, `？`, `。`, which subtitle
    // style keeps only where it is heard), else to the last cue; its line is its first cue's.
    let mut body: Vec<String> = Vec::new();
    let mut map = Vec::new();
    let mut open = false;
    for (at, mut words) in cues {
        if !words.chars().last().is_some_and(ends_pause) {
            words.push('，');
        }
        if open && let Some(p) = body.last_mut() {
            p.push_str(&words);
        } else {
            body.push(words);
            map.push(at);
        }
        open = !body
            .last()
            .is_some_and(|p| p.ends_with(['。', '！', '？', '!', '?']));
    }
    for p in &mut body {
        if p.ends_with(['，', ',']) {
            p.pop();
            p.push('。');
        }
    }
    Some((body.join("\n"), map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtitles_are_read_as_the_speech_they_carry() {
        let srt = "1\n00:00:00,500 --> 00:00:04,852\n近日 区政府办公室印发了这份方案\n文号是余政办发〔2023〕58号\n\n\
                   2\n00:00:04,852 --> 00:00:08,910\n2022年 全区每千人口拥有3岁以下婴幼儿托位数\n是3.9个\n\n\
                   3\n00:00:09,030 --> 00:00:12,441\n到2025年要达到4.6个 到2027年达到5.5个以上\n\n\
                   4\n00:00:12,441 --> 00:00:15,662\n<i>PM 2.5</i>浓度下降！\n";
        let (text, lines) = plain_lines(srt).unwrap();
        assert_eq!(
            text,
            "近日，区政府办公室印发了这份方案，文号是余政办发〔2023〕58号，\
             2022年，全区每千人口拥有3岁以下婴幼儿托位数，是3.9个，\
             到2025年要达到4.6个，到2027年达到5.5个以上，\
             PM 2.5浓度下降！"
        );
        assert_eq!(lines, vec![3]);
        // The same cues typeset with spaces between figures and characters: the same speech;
        // a space between two characters is still a pause.
        let spaced = "1\n00:00:00,500 --> 00:00:04,852\n2022 年 全区托位数是 3.9 个\n\n\
                      2\n00:00:04,852 --> 00:00:08,910\n到 2025 年要达到 4.6 个 到 2027 年\n\n\
                      3\n00:00:09,030 --> 00:00:12,441\n普惠托位占比达到 70% 以上\n";
        let (text, _) = plain_lines(spaced).unwrap();
        assert_eq!(
            text,
            "2022年，全区托位数是3.9个，到2025年要达到4.6个，到2027年，普惠托位占比达到70%以上。"
        );
        // WebVTT: a header, no cue numbers, hours left out, settings after the span.
        let vtt = "WEBVTT\n\n00:00.500 --> 00:04.852 align:start\n方案提出\n\n00:04.852 --> 00:08.910\n到2027年\n\n00:09.030 --> 00:12.441\n普惠托位占比达到70%\n";
        let (text, _) = plain_lines(vtt).unwrap();
        assert_eq!(text, "方案提出，到2027年，普惠托位占比达到70%。");
    }

    #[test]
    fn a_time_or_two_is_no_subtitle_file() {
        for text in [
            // Two cues only.
            "1\n00:00:00,500 --> 00:00:04,852\n方案提出\n\n2\n00:00:04,852 --> 00:00:08,910\n到2027年\n",
            // A schedule's times with an arrow, not a cue's stamps.
            "09:00 --> 10:30 开幕式\n10:30 --> 11:00 发布会\n11:00 --> 12:00 参观\n14:00 --> 15:00 座谈\n",
            // A path of figures with an ASCII arrow.
            "普惠托位占比 52% --> 60% --> 70%\n",
        ] {
            assert!(plain_lines(text).is_none(), "{text}");
        }
    }
}
