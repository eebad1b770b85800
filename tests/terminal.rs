//! Text outputs as their readers see them: terminal tables that fit the terminal (COLUMNS), a
//! pipe that gets every column, Markdown that a Markdown parser reads as one table and a summary
//! paragraph, and CSV with a BOM where Excel needs one.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::path::Path;
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn qyx(args: &[&str], columns: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_qyx"));
    c.args(args)
        .current_dir(root())
        .env_remove("QYX_PLANS")
        .env_remove("COLUMNS")
        .env("LC_ALL", "C");
    if let Some(w) = columns {
        c.env("COLUMNS", w);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Every actuals file the tests and examples have: the example, clerk fixtures, English names.
const INPUTS: [&str; 3] = [
    "examples/actuals-2024.csv",
    "tests/cmd/check-statuses.in/actuals.csv",
    "tests/cmd/check-all.in/actuals.csv",
];

#[test]
fn at_100_columns_no_check_row_wraps() {
    for input in INPUTS {
        for lang in ["zh", "en"] {
            for extra in [&[][..], &["--all"], &["--by", "lead"]] {
                let mut args = vec!["--lang", lang, "check", input];
                args.extend_from_slice(extra);
                let out = qyx(&args, Some("100"));
                let text = String::from_utf8(out.stdout).unwrap();
                let table_lines: Vec<&str> = text
                    .lines()
                    .filter(|l| l.starts_with(['│', '┌', '├', '╞', '└']))
                    .collect();
                assert!(!table_lines.is_empty(), "{args:?} printed a table");
                for l in table_lines {
                    assert!(width(l) <= 100, "{args:?}: {} columns: {l}", width(l));
                }
            }
        }
    }
}

#[test]
fn narrow_terminals_drop_columns_in_the_stated_order() {
    let wide = String::from_utf8(qyx(&["--lang", "en", "check", INPUTS[0]], None).stdout).unwrap();
    let header = |t: &str| t.lines().nth(1).unwrap_or("").to_string();
    assert!(header(&wide).contains("lead") && header(&wide).contains("baseline"));
    // Wide enough for all but the lead department: only it goes.
    let full = width(wide.lines().next().unwrap());
    let out = String::from_utf8(
        qyx(
            &["--lang", "en", "check", INPUTS[0]],
            Some(&(full - 1).to_string()),
        )
        .stdout,
    )
    .unwrap();
    let h = header(&out);
    assert!(!h.contains("lead") && h.contains("baseline"), "{h}");
    // At 100: the verdict columns stay.
    let out =
        String::from_utf8(qyx(&["--lang", "en", "check", INPUTS[0]], Some("100")).stdout).unwrap();
    let h = header(&out);
    for kept in [
        "jurisdiction",
        "indicator",
        "period",
        "target",
        "actual",
        "gap",
        "status",
        "light",
    ] {
        assert!(h.contains(kept), "{kept} kept: {h}");
    }
    for dropped in ["lead", "baseline", "trend"] {
        assert!(!h.contains(dropped), "{dropped} dropped: {h}");
    }
    // --wide shows everything, whatever the width.
    let out = qyx(&["--lang", "en", "check", INPUTS[0], "--wide"], Some("100")).stdout;
    assert_eq!(String::from_utf8(out).unwrap(), wide);
}

#[test]
fn a_pipe_gets_every_column() {
    // No COLUMNS and not a terminal: the output is the full table, as before.
    let piped = qyx(&["check", INPUTS[0]], None).stdout;
    let wide = qyx(&["check", INPUTS[0], "--wide"], None).stdout;
    assert_eq!(piped, wide);
    assert!(String::from_utf8(piped).unwrap().contains("牵头单位"));
}

#[test]
fn markdown_is_one_table_and_a_summary_paragraph() {
    let out = qyx(&["check", INPUTS[1], "--format", "markdown"], None);
    let md = String::from_utf8(out.stdout).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&qyx(&["check", INPUTS[1], "--format", "json"], None).stdout)
            .unwrap();
    let (mut tables, mut rows, mut paragraphs) = (0, 0, Vec::new());
    let mut in_para = false;
    let mut text = String::new();
    for e in Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES) {
        match e {
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableRow) => rows += 1,
            Event::Start(Tag::Paragraph) => {
                in_para = true;
                text.clear();
            }
            Event::Text(t) if in_para => text.push_str(&t),
            Event::End(TagEnd::Paragraph) => {
                in_para = false;
                paragraphs.push(text.clone());
            }
            _ => {}
        }
    }
    assert_eq!(tables, 1, "{md}");
    assert_eq!(
        rows,
        json.as_array().unwrap().len(),
        "one row per judged row"
    );
    assert_eq!(paragraphs.len(), 1, "{paragraphs:?}");
    let n = json.as_array().unwrap().len();
    assert!(
        paragraphs[0].starts_with(&format!("共{n}项")),
        "the summary counts the rows: {}",
        paragraphs[0]
    );
}

#[test]
fn csv_gets_a_bom_with_o_and_with_bom() {
    let plain = qyx(&["check", INPUTS[0], "--format", "csv"], None).stdout;
    assert!(
        !plain.starts_with("\u{feff}".as_bytes()),
        "no BOM by default"
    );
    let bom = qyx(&["check", INPUTS[0], "--format", "csv", "--bom"], None).stdout;
    assert_eq!(&bom[..3], "\u{feff}".as_bytes());
    assert_eq!(&bom[3..], &plain[..]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    qyx(&["check", INPUTS[0], "-o", path.to_str().unwrap()], None);
    let file = std::fs::read(&path).unwrap();
    assert_eq!(&file[..3], "\u{feff}".as_bytes());
    assert_eq!(&file[3..], &plain[..]);
    // compare and rank take --bom too.
    let rank = qyx(&["rank", "--format", "csv", "--bom"], None).stdout;
    assert!(rank.starts_with("\u{feff}".as_bytes()));
}
