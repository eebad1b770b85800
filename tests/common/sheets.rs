//! The clerk corpora of whole sheets (tests/clerk-sheets, tests/clerk-sheets-round4): every data
//! row has the verdict it must get in the corpus's `expected.tsv`; `run_sheets` runs `qyx check`
//! on each sheet and sorts every reading into right, an unearned 达标 (a clean met nobody
//! promised), a wrong verdict, silently dropped (no verdict, no message at its row), lost with its
//! whole file, or some other outcome, and holds the corpus to its ratchet of cases still wrong.

use super::qyx;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One reading a row must come to.
struct Case {
    file: String,
    sheet: String,
    line: u64,
    period: String,
    jurisdiction: String,
    indicator: String,
    want: Vec<String>,
    why: String,
}

fn cases(dir: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Case {
                file: f[0].into(),
                sheet: f[1].into(),
                line: f[2].parse().unwrap(),
                period: f[3].into(),
                jurisdiction: f[4].into(),
                indicator: f[5].into(),
                want: f[6].split('|').map(String::from).collect(),
                why: f.get(7).unwrap_or(&"").to_string(),
            }
        })
        .collect()
}

/// What `check` made of one file.
struct Run {
    rows: Vec<serde_json::Value>,
    stderr: String,
}

/// Whether a message of `severity` sits at the case's row.
fn said_at(run: &Run, c: &Case, severity: &str) -> bool {
    let csv = format!("{}:{}:", c.file, c.line);
    run.stderr.lines().any(|l| {
        let at = if c.file.ends_with(".csv") {
            l.starts_with(&csv)
        } else {
            // `book.xlsx:Sheet!B7: …`: the sheet (where the case names one) and the row.
            l.strip_prefix(&format!("{}:", c.file))
                .and_then(|rest| rest.split_once('!'))
                .is_some_and(|(sheet, rest)| {
                    (c.sheet.is_empty() || sheet == c.sheet)
                        && rest
                            .trim_start_matches(|ch: char| ch.is_ascii_uppercase())
                            .strip_prefix(&c.line.to_string())
                            .is_some_and(|r| r.starts_with(':'))
                })
        };
        at && l.contains(&format!(": {severity}:"))
    })
}

/// What one case came to: a status (`?` when doubtful), `error`, `warn`, `refused` (the whole
/// file lost), `nothing`, or `matched X` (judged as another indicator or jurisdiction).
fn outcome(run: &Run, c: &Case) -> String {
    let at_line: Vec<&serde_json::Value> = run
        .rows
        .iter()
        .filter(|r| r["line"].as_u64() == Some(c.line))
        .filter(|r| c.period.is_empty() || r["period"]["label"] == c.period.as_str())
        .collect();
    if let Some(r) = at_line.iter().find(|r| {
        (c.indicator.is_empty() || r["indicator"] == c.indicator.as_str())
            && (c.jurisdiction.is_empty() || r["jurisdiction"] == c.jurisdiction.as_str())
    }) {
        let status = r["status"].as_str().unwrap_or("?");
        let doubtful = r["doubtful"].as_bool().unwrap_or(false);
        return format!("{status}{}", if doubtful { "?" } else { "" });
    }
    if let Some(r) = at_line.first() {
        return format!(
            "matched {} {} {}",
            r["jurisdiction"], r["indicator"], r["period"]["label"]
        );
    }
    if said_at(run, c, "error") {
        return "error".into();
    }
    if said_at(run, c, "warning") {
        return "warn".into();
    }
    if run.rows.is_empty() && run.stderr.contains(": error:") {
        return "refused".into();
    }
    "nothing".into()
}

/// How a case's outcome counts in the record.
fn kind(c: &Case, got: &str) -> &'static str {
    let verdict = |s: &str| {
        ["met", "not_met", "on_track", "behind", "no_target"].contains(&s.trim_end_matches('?'))
    };
    // A row without a value is listed only by `--all`, with no line: where no data is what the
    // reading must come to, nothing at its row is that.
    if c.want.iter().any(|w| w == got) || (got == "nothing" && c.want.iter().any(|w| w == "nodata"))
    {
        match got == "error" && c.want.iter().any(|w| verdict(w)) {
            // Refused at its row where a verdict could be given: right, not yet the best.
            true => "right (a located error)",
            false => "right",
        }
    } else if got == "met" {
        "unearned 达标"
    } else if verdict(got) || got.starts_with("matched") {
        "wrong verdict"
    } else if got == "nothing" && !c.want.iter().any(|w| w == "nodata") {
        "silently dropped"
    } else if got == "refused" {
        "lost with its file"
    } else {
        "other"
    }
}

/// Runs `qyx check` on every sheet of the corpus in `dir` (its `expected.tsv`), prints the
/// record (`--nocapture`) and asserts the ratchet: each case in `still_wrong` (`file:line@period`)
/// is still wrong, every other case right, and there are at least `at_least` cases.
pub fn run_sheets(dir: &Path, at_least: usize, still_wrong: &[&str]) {
    let cases = cases(dir);
    assert!(cases.len() >= at_least, "{} cases", cases.len());
    let files: BTreeSet<&str> = cases.iter().map(|c| c.file.as_str()).collect();
    let runs: BTreeMap<&str, Run> = files
        .iter()
        .map(|f| {
            let out = qyx(&["check", f, "--format", "json", "--fail-on", "never"], dir);
            let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            let run = Run {
                rows: rows.as_array().cloned().unwrap_or_default(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            };
            (*f, run)
        })
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut report = Vec::new();
    let mut failures = Vec::new();
    let mut still: BTreeSet<&str> = still_wrong.iter().copied().collect();
    // A row holding several readings (one column an indicator) names each by its indicator.
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    for c in &cases {
        *at.entry(format!("{}:{}@{}", c.file, c.line, c.period))
            .or_default() += 1;
    }
    for c in &cases {
        let got = outcome(&runs[c.file.as_str()], c);
        let k = kind(c, &got);
        *counts.entry(k).or_default() += 1;
        let mut id = format!("{}:{}@{}", c.file, c.line, c.period);
        if at[&id] > 1 {
            id = format!("{id}/{}", c.indicator);
        }
        let right = k.starts_with("right");
        if !right {
            report.push(format!(
                "{id}: want {}, got {got} — {k} ({})",
                c.want.join("|"),
                c.why
            ));
        }
        let listed = still.remove(id.as_str());
        if right == listed {
            failures.push(match listed {
                true => format!("{id}: now right, take it off STILL_WRONG"),
                false => format!("{id}: want {}, got {got} ({k})", c.want.join("|")),
            });
        }
    }
    failures.extend(still.iter().map(|id| format!("{id}: no such case")));
    eprintln!(
        "{} readings in {} sheets: {counts:?}\n{}",
        cases.len(),
        files.len(),
        report.join("\n")
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
