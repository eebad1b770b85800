//! A path of figures drawn with arrows under an indicator's name, as a 汇报 deck or a briefing
//! prints a target: `3.4个 → 4.5个（2025） → 5.0个（2027）`, or with no years at all
//! `42% → 60% → 70%` and `1.78 → 1.74 → 1.70`. The first figure is where the indicator stands
//! (the baseline of the base year the document names: `基期年为2022年`, else the year before its
//! period), each later one a target: of the year in brackets after it, else of the plan's
//! milestones in turn (the years the document names as its target years or prints on its other
//! paths, else its end year and the years two before it).
//!
//! Why it exists: read as prose the line is one clause with no year but its last, so every figure
//! of it took the last year (`3.4个`, a baseline, a 2027 target), and a path of bare numbers no
//! year at all.
//!
//! Bounded: one pass over a line; a path holds at most [`MAX_STEPS`] figures.

use super::scan::{is_cjk, without_spaces};
use super::table::header_year;
use super::{Candidate, Kind};
use crate::threshold::{Op, Threshold};

/// The most figures one path holds (a baseline and a target for each year of a long plan).
const MAX_STEPS: usize = 12;

/// The arrows a path is drawn with (the fonts' and input methods' many forms).
const ARROWS: [&str; 13] = [
    "→", "->", "⟶", "➝", "➔", "⇒", "=>", "➜", "➡", "⇨", "⟹", "➞", "➠",
];

/// Words a year in brackets after a step may carry (`（2025年目标）`, `（2027年底）`).
const YEAR_WORDS: [&str; 6] = ["目标值", "目标", "底", "末", "前", "年"];

/// A year at the start of a step (`2025年不低于4.5个`, `到2027年：5.0个`): the year and the rest.
fn year_first(part: &str) -> Option<(i32, &str)> {
    let t = part.trim_start_matches(['到', '至']);
    let digits = t
        .get(..4)
        .filter(|d| d.chars().all(|c| c.is_ascii_digit()))?;
    let rest = t[4..].strip_prefix('年')?;
    let rest = rest
        .trim_start_matches(['底', '末'])
        .trim_start_matches(['：', ':']);
    let year = header_year(digits)?;
    Some((year, rest.trim()))
}

/// What a bullet or list sign before a line's words may be.
const BULLETS: [char; 10] = ['•', '·', '▪', '◦', '●', '○', '■', '□', '-', '*'];

/// A line without its bullet and the spaces around it.
fn unbulleted(line: &str) -> &str {
    line.trim().trim_start_matches(BULLETS).trim()
}

/// A step of a path: its figure as printed, read, and the year in brackets after it.
type Step = (String, Threshold, Option<i32>);

/// A step of a path ([`Step`]).
fn step(part: &str) -> Option<Step> {
    let part = part.trim();
    // `4.5个（2025）`, `(2025年)`: the year the figure is for.
    let (figure, year) = match part.strip_suffix(['）', ')']) {
        Some(open) => {
            let at = open.rfind(['（', '('])?;
            let inside = open[at..].trim_start_matches(['（', '(']);
            let mut words = inside.get(4..).unwrap_or("x");
            while let Some(w) = YEAR_WORDS.iter().find(|w| words.starts_with(**w)) {
                words = &words[w.len()..];
            }
            let year = header_year(inside.get(..4)?).filter(|_| words.is_empty())?;
            (open[..at].trim(), Some(year))
        }
        None => match year_first(part) {
            Some((y, rest)) => (rest, Some(y)),
            None => (part, None),
        },
    };
    let th = Threshold::parse(figure).ok()?;
    if th.value.is_none() || th.label.is_some() || matches!(th.op, Op::None | Op::Done) {
        return None;
    }
    Some((figure.to_string(), th, year))
}

/// The steps of a line that is a path (two figures or more between arrows, nothing else on it);
/// the words before the first figure, if the line names its indicator itself (`普惠托位占比：42%
/// → 60%`).
fn path(line: &str) -> Option<(Option<String>, Vec<Step>)> {
    let t = unbulleted(line);
    if !ARROWS.iter().any(|a| t.contains(a)) || t.chars().count() > 200 {
        return None;
    }
    let mut parts: Vec<&str> = vec![t];
    for a in ARROWS {
        parts = parts.iter().flat_map(|p| p.split(a)).collect();
    }
    if parts.len() < 2 || parts.len() > MAX_STEPS {
        return None;
    }
    let mut name = None;
    let mut steps = Vec::with_capacity(parts.len());
    for (k, part) in parts.iter().enumerate() {
        let read = step(part).or_else(|| {
            // The first figure after its name and a colon.
            let (words, figure) = part.rsplit_once(['：', ':']).filter(|_| k == 0)?;
            let words = words.trim();
            if words.is_empty() || !words.chars().any(is_cjk) {
                return None;
            }
            name = Some(words.to_string());
            step(figure)
        })?;
        steps.push(read);
    }
    Some((name, steps))
}

/// Whether a line names an indicator a path under it is of: words, no figure of a sentence.
fn name_line(line: &str) -> Option<String> {
    let t = unbulleted(line);
    let ok = !t.is_empty()
        && t.chars().count() <= 40
        && t.chars().any(is_cjk)
        && !t.contains(['。', '，', '；', '：', ':'])
        && path(line).is_none();
    ok.then(|| t.to_string())
}

/// The years a document's paths are read with: the base year (`基期年为2022年`, `以2022年为基期`,
/// else the year before its period) and its milestones (`目标年为2025年、2027年`, the years
/// printed on its paths).
pub(super) struct PathYears {
    base: Option<i32>,
    milestones: Vec<i32>,
    end: Option<i32>,
}

/// The years a document's paths are read with ([`PathYears`]).
pub(super) fn path_years(lines: &[&str], start: Option<i32>, end: Option<i32>) -> PathYears {
    let mut base = None;
    let mut milestones: Vec<i32> = Vec::new();
    let within = |y: i32| start.is_none_or(|s| y >= s) && end.is_none_or(|e| y <= e);
    for l in lines {
        if let Some((_, steps)) = path(l) {
            milestones.extend(steps.iter().filter_map(|s| s.2).filter(|y| within(*y)));
            continue;
        }
        let t = without_spaces(l);
        for clause in t.split(['，', '。', '；', ',', ';']) {
            let clause = clause.trim_start_matches(BULLETS);
            let named = |word: &str| -> Option<&str> {
                let at = clause.find(word)?;
                clause[at + word.len()..].strip_prefix(['为', '是'])
            };
            if base.is_none() {
                base = named("基期年")
                    .or_else(|| named("基准年"))
                    .and_then(header_year)
                    .or_else(|| {
                        let at = clause.find("为基期")?;
                        clause[..at].strip_prefix('以').and_then(header_year)
                    });
            }
            if let Some(rest) = named("目标年") {
                let mut k = 0;
                while let Some(y) = rest.get(k..).and_then(header_year) {
                    if within(y) {
                        milestones.push(y);
                    }
                    k += rest[k..].find(&y.to_string()).unwrap_or(0) + 4;
                }
            }
        }
    }
    milestones.sort_unstable();
    milestones.dedup();
    PathYears {
        base: base.or(start.map(|s| s - 1)),
        milestones,
        end,
    }
}

/// The candidates of a path on line `at` (0-based) of `lines`, named by the line above it (or
/// its own words before the first figure); None where the line is no path.
pub(super) fn path_candidates(
    lines: &[&str],
    at: usize,
    years: &PathYears,
) -> Option<Vec<Candidate>> {
    let (own, steps) = path(lines[at])?;
    let name = own.or_else(|| {
        let above = lines[..at].iter().rev().find(|l| !l.trim().is_empty())?;
        name_line(above)
    })?;
    let quote = lines[at].trim().to_string();
    // The targets with no year of their own take the milestones in turn, the last the end year.
    let unstated = steps.iter().skip(1).filter(|s| s.2.is_none()).count();
    let mut defaults: Vec<i32> = if years.milestones.len() >= unstated {
        years.milestones[years.milestones.len() - unstated..].to_vec()
    } else {
        let end = years.end?;
        (0..unstated).rev().map(|k| end - 2 * k as i32).collect()
    };
    defaults.reverse();
    let mut out = Vec::with_capacity(steps.len());
    for (k, (figure, th, year)) in steps.into_iter().enumerate() {
        let (kind, year, stated) = match (k, year) {
            // A first figure of a year in the period (`2025年4.5个 → 2027年5.0个`) is a target.
            (0, Some(y)) if years.base.is_some_and(|b| y > b) => (Kind::Target, y, true),
            (0, Some(y)) => (Kind::Baseline, y, true),
            (0, None) => (Kind::Baseline, years.base?, false),
            (_, Some(y)) => (Kind::Target, y, true),
            (_, None) => (Kind::Target, defaults.pop()?, false),
        };
        let mut c = Candidate::blank(at + 1);
        c.kind = kind;
        c.indicator = name.clone();
        c.year = Some(year);
        c.year_stated = stated;
        c.op = th.op;
        c.value = th.value;
        c.high = th.high;
        c.unit = th.unit;
        c.text = Some(figure);
        c.quote = Some(quote.clone());
        out.push(c);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `lines (\n between) | candidates as kind year value; …` (empty: no path). The deck's
    /// base year is 2022 and its period 2023–2027 unless a line says otherwise.
    const CASES: &str = "
每千人口托位数\\n• 3.4个 → 4.5个（2025） → 5.0个（2027） | baseline 2022 3.4; target 2025 4.5; target 2027 5.0
普惠托位占比\\n    • 42% → 60% → 70% | baseline 2022 42; target 2025 60; target 2027 70
城乡居民收入倍差\\n1.78 → 1.74 → 1.70 | baseline 2022 1.78; target 2025 1.74; target 2027 1.70
人均预期寿命\\n81.2岁 -> 82岁 | baseline 2022 81.2; target 2027 82
普惠托位占比：42% → 70%（2027年） | baseline 2022 42; target 2027 70
基期年为2021年\\n普惠托位占比\\n42% → 60% → 70% | baseline 2021 42; target 2025 60; target 2027 70
目标年为2024年、2027年\\n普惠托位占比\\n42% → 60% → 70% | baseline 2022 42; target 2024 60; target 2027 70
起草背景\\n2023年4月 → 8月 | 
每千人口托位数\\n2025年4.5个 → 2027年5.0个 | target 2025 4.5; target 2027 5.0
每千人口托位数\\n3.4个 → 不低于4.5个（2025）→ 5.0个以上（2027） | baseline 2022 3.4; target 2025 4.5; target 2027 5.0
每千人口托位数\\n3.4个→2025年不低于4.5个→到2027年：5.0个以上 | baseline 2022 3.4; target 2025 4.5; target 2027 5.0
每千人口托位数\\n2022年3.4个 ➜ 力争4.5个以上（2025年目标） ➜ ≥5.0个（2027年底） | baseline 2022 3.4; target 2025 4.5; target 2027 5.0
每千人口托位数\\n3.4个 → 4.5个（2025年左右） | 
每千人口托位数\\n3.4个 → 2025年4.5个以上的目标 | 
• 我市开展专题调研18次，书面征求意见43条\\n42% → 60% | 
调研 → 起草 → 审议 | 
";

    #[test]
    fn paths_under_their_names() {
        for case in CASES.lines().filter(|l| !l.trim().is_empty()) {
            let (doc, want) = case.split_once(" |").expect("doc | want");
            let doc = doc.replace("\\n", "\n");
            let lines: Vec<&str> = doc.lines().collect();
            let years = path_years(&lines, Some(2023), Some(2027));
            let got: Vec<String> = (0..lines.len())
                .filter_map(|i| path_candidates(&lines, i, &years))
                .flatten()
                .map(|c| {
                    format!(
                        "{} {} {}",
                        c.kind.name(),
                        c.year.unwrap_or_default(),
                        c.text.as_deref().map_or(String::new(), |t| {
                            Threshold::parse(t)
                                .ok()
                                .and_then(|t| t.value)
                                .map(|v| v.to_string())
                                .unwrap_or_default()
                        })
                    )
                })
                .collect();
            assert_eq!(got.join("; "), want.trim(), "{doc}");
        }
    }
}
