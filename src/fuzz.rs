//! Property-based fuzzing (proptest, stable Rust) of the parsers every input goes through: the
//! threshold parser, the unit parser, the actuals reader (CSV bytes and .xlsx workbooks) with
//! the whole check behind it, and the plan loader with validation behind it. The property is
//! the promise of issue #10: whatever the input, no panic — every outcome is a value or a
//! located diagnostic — and the reader's rows keep their places.
//!
//! `cargo test` runs each target for a few hundred cases (seconds). A long run sets the number
//! of cases per target and runs optimised:
//!
//! ```text
//! QYX_FUZZ_CASES=5000000 nice -n 19 cargo test --release --lib fuzz -- --test-threads=2
//! ```
//!
//! The threshold and unit targets run `QYX_FUZZ_CASES` cases each; the CSV targets, which judge
//! every case against the plans, a tenth; the xlsx, plan and extract targets, which build a
//! workbook, parse and validate a whole plan or read a whole document per case, a thousandth
//! (5 000 000 → 11 million cases).

use crate::actuals::{self, Encoding};
use crate::check::{self, Query};
use crate::plan::PlanSet;
use crate::plan::load::{self, PlanDir, SourceText};
use crate::threshold::{Better, Threshold};
use crate::unit::Unit;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// Cases per target: `QYX_FUZZ_CASES`, else a bound that keeps `cargo test` within seconds.
fn cases(default: u32, divisor: u32) -> ProptestConfig {
    let n = std::env::var("QYX_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .map_or(default, |n| (n / divisor).max(1));
    ProptestConfig {
        cases: n,
        // Failures print their minimal input; nothing is written into the source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn plans() -> &'static PlanSet {
    static SET: OnceLock<PlanSet> = OnceLock::new();
    SET.get_or_init(|| {
        PlanSet::load(&PlanDir::Builtin)
            .0
            .expect("built-in plans load")
    })
}

/// Text made of what thresholds, values and units are written with, plus anything at all.
fn threshold_text() -> impl Strategy<Value = String> {
    let atoms = prop_oneof![
        Just("≥".to_string()),
        Just(">".to_string()),
        Just("≤".to_string()),
        Just("<".to_string()),
        Just("以上".to_string()),
        Just("以下".to_string()),
        Just("左右".to_string()),
        Just("达到".to_string()),
        Just("超".to_string()),
        Just("近".to_string()),
        Just("约".to_string()),
        Just("不低于".to_string()),
        Just("保持在".to_string()),
        Just("—".to_string()),
        Just("-".to_string()),
        Just("−".to_string()),
        Just("负".to_string()),
        Just("%".to_string()),
        Just("‰".to_string()),
        Just("万".to_string()),
        Just("亿".to_string()),
        Just("千".to_string()),
        Just("元".to_string()),
        Just("人".to_string()),
        Just("万人".to_string()),
        Just("岁".to_string()),
        Just("个".to_string()),
        Just("/".to_string()),
        Just(".".to_string()),
        Just("e".to_string()),
        Just("１２".to_string()),
        Just("十".to_string()),
        Just("百".to_string()),
        Just("万元".to_string()),
        "[0-9]{1,30}",
        "[0-9]{1,3}\\.[0-9]{1,40}",
        any::<String>(),
    ];
    proptest::collection::vec(atoms, 0..8).prop_map(|v| v.concat())
}

/// A CSV cell: a value as clerks type it, a name from the plans, or anything.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        threshold_text(),
        Just("zhuji".to_string()),
        Just("诸暨市".to_string()),
        Just("life-expectancy".to_string()),
        Just("人均预期寿命".to_string()),
        Just("basic-pension-insured".to_string()),
        Just("fifteen-minute-public-service-circle".to_string()),
        Just("2024".to_string()),
        Just("2025Q2".to_string()),
        Just("已建成".to_string()),
        Just("不建成".to_string()),
        Just("\"".to_string()),
        Just("\"a,b\"".to_string()),
        Just("\r\n".to_string()),
        "[0-9]{1,30}",
        any::<String>(),
    ]
}

fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
    let header = prop_oneof![
        Just("jurisdiction,indicator,year,value,unit,note".to_string()),
        Just("地区,指标,年份,数值,单位,备注".to_string()),
        Just("地区,指标,期间,数值".to_string()),
        cell(),
    ];
    let row = proptest::collection::vec(cell(), 0..9).prop_map(|c| c.join(","));
    let ending = prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("")];
    (
        header,
        proptest::collection::vec((row, ending), 0..12),
        proptest::collection::vec(any::<(usize, u8)>(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(h, rows, flips, gbk)| {
            let mut text = h + "\n";
            for (r, e) in rows {
                text.push_str(&r);
                text.push_str(e);
            }
            let mut bytes = if gbk {
                encoding_rs::GB18030.encode(&text).0.into_owned()
            } else {
                text.into_bytes()
            };
            // A few stray bytes: invalid UTF-8, half a GBK character, a NUL.
            for (at, b) in flips {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] = b;
                }
            }
            bytes
        })
}

/// The CSV reader and the whole check behind it: no panic, every row and problem placed
/// inside the file.
fn csv_case(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let lines = bytes.split(|b| *b == b'\n' || *b == b'\r').count() as u64 + 1;
    for enc in [Encoding::Auto, Encoding::Utf8, Encoding::Gb18030] {
        let mut row_lines = Vec::new();
        let Ok(a) = actuals::read_text("f.csv", bytes.clone(), enc, &mut |_, r| {
            row_lines.push(r.line)
        }) else {
            continue;
        };
        for line in row_lines {
            prop_assert!(line >= 1 && line <= lines, "row line {line} of {lines}");
        }
        for d in &a.problems {
            prop_assert!(d.line <= lines, "{d}");
        }
        let mut read = check::Readings::new(plans());
        if read.read_text("f.csv", bytes.clone(), enc).is_err() {
            continue;
        }
        read.finish();
        let checked = read.check(&Query::default());
        for d in &checked.problems {
            prop_assert!(d.line <= lines, "{d}");
        }
        let all = Query {
            all: true,
            ..Query::default()
        };
        let _ = read.check(&all);
    }
    Ok(())
}

fn xlsx_case(cells: Vec<(u32, u16, String, u8)>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let path = dir.path().join("f.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["地区", "指标", "年份", "数值", "单位"].iter().enumerate() {
        let _ = ws.write_string(0, c as u16, *h);
    }
    let pct = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, c, text, kind) in cells {
        let (r, c) = (1 + r % 40, c % 8);
        let n = text.trim().parse::<f64>().unwrap_or(f64::from(kind) * 7.31);
        let _ = match kind % 5 {
            0 => ws.write_string(r, c, &text).map(|_| ()),
            1 => ws.write_number(r, c, n).map(|_| ()),
            2 => ws.write_number_with_format(r, c, n, &pct).map(|_| ()),
            3 => ws.write_number_with_format(r, c, n, &date).map(|_| ()),
            _ => ws.write_boolean(r, c, kind > 128).map(|_| ()),
        };
    }
    if wb.save(&path).is_err() {
        return Ok(());
    }
    let mut read = check::Readings::new(plans());
    if read.read(&path, Encoding::Auto, None).is_ok() {
        read.finish();
        let _ = read.check(&Query::default());
    }
    // The same workbook with a few bytes damaged: calamine's error, never a panic.
    let mut bytes = std::fs::read(&path).unwrap_or_default();
    if !bytes.is_empty() {
        let i = bytes.len() / 2;
        bytes[i] ^= 0x5A;
        let _ = std::fs::write(&path, &bytes);
        let _ = actuals::read(&path, Encoding::Auto, None, &mut |_, _| {});
    }
    Ok(())
}

/// A real plan's text with pieces cut, repeated or replaced: the loader and validation answer
/// with diagnostics, never a panic.
fn plan_case(which: usize, edits: Vec<(usize, usize, String)>) -> Result<(), TestCaseError> {
    let (files, _) =
        load::read_dir(&PlanDir::Builtin).map_err(|d| TestCaseError::fail(d.to_string()))?;
    let plans: Vec<&SourceText> = files
        .iter()
        .filter(|f| !f.name.ends_with(load::CATALOG_FILE))
        .collect();
    let src = plans[which % plans.len()];
    let mut text = src.text.clone();
    for (at, len, insert) in edits {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len % 64).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.replace_range(at..end, &insert);
    }
    let catalog = files
        .iter()
        .find(|f| f.name.ends_with(load::CATALOG_FILE))
        .cloned()
        .ok_or_else(|| TestCaseError::fail("no catalog"))?;
    let edited = SourceText {
        name: src.name.clone(),
        text,
    };
    let (set, _) = PlanSet::from_sources(vec![catalog, edited], &PlanDir::Builtin);
    if let Some(set) = set {
        let _ = crate::plan::validate::validate(&set, &[]);
    }
    Ok(())
}

/// The documents of the extract corpora (`tests/extract-*/*.txt`), read once: the layouts
/// extract's rules were written for, to be damaged.
fn documents() -> &'static [(String, String)] {
    static DOCS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut docs = Vec::new();
        for dir in std::fs::read_dir(&tests).into_iter().flatten().flatten() {
            let name = dir.file_name().to_string_lossy().into_owned();
            if !name.starts_with("extract-") {
                continue;
            }
            for f in std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = f.path();
                if path.extension().is_some_and(|e| e == "txt")
                    && let Ok(bytes) = std::fs::read(&path)
                {
                    docs.push((path.display().to_string(), crate::extract::decode(&bytes)));
                }
            }
        }
        docs.sort();
        docs
    })
}

/// A document of the corpora with pieces cut, repeated or replaced (a page lost, a line
/// pasted twice, a cell's sign in the wrong place): extract reads it, matches its candidates
/// and writes its draft, and never panics.
fn extract_case(which: usize, edits: Vec<(usize, usize, String)>) -> Result<(), TestCaseError> {
    let docs = documents();
    if docs.is_empty() {
        return Ok(());
    }
    let (name, text) = &docs[which % docs.len()];
    let mut text = text.clone();
    for (at, len, insert) in edits {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len % 400).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // Half the edits cut or replace; the rest paste a piece of the text again elsewhere.
        let piece = match insert.as_str() {
            "" => text[at..end].repeat(2),
            _ => insert,
        };
        text.replace_range(at..end, &piece);
    }
    let ex = crate::extract::extract(&text, None);
    let matcher = crate::extract::Matcher::new(&plans().catalog);
    let matches: Vec<_> = ex.candidates.iter().map(|c| matcher.find(c)).collect();
    let _ = crate::extract::draft_yaml(&ex, &matches, name);
    Ok(())
}

/// What a damaged document may hold where its text was: the marks its layouts are read by.
fn document_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{c}".to_string()),
        Just("|".to_string()),
        Just("||".to_string()),
        Just("\t".to_string()),
        Just("　　".to_string()),
        Just("&nbsp;".to_string()),
        Just("<td>".to_string()),
        Just("</tr>".to_string()),
        Just("\\cell ".to_string()),
        Just("{\\rtf1 ".to_string()),
        Just("|===".to_string()),
        Just("> ".to_string()),
        Just("（2023—2027年）".to_string()),
        Just("2025年".to_string()),
        Just("≥".to_string()),
        Just("%".to_string()),
        Just("“".to_string()),
        Just("一、".to_string()),
        threshold_text(),
        any::<String>(),
    ]
}

fn yaml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_string()),
        Just(": ".to_string()),
        Just("- ".to_string()),
        Just("  ".to_string()),
        Just("!!binary ".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("{".to_string()),
        Just("[".to_string()),
        Just("\"".to_string()),
        Just("year: 99999999999".to_string()),
        Just("cell: \"1e40\"".to_string()),
        threshold_text(),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(cases(512, 1))]

    #[test]
    fn threshold_parser_never_panics(s in threshold_text()) {
        if let Ok(t) = Threshold::parse(&s) {
            let _ = t.display();
            for b in [Better::Higher, Better::Lower, Better::Done] {
                let r = t.clone().resolve(b);
                let _ = r.display();
                for v in [Decimal::ZERO, Decimal::MAX, Decimal::MIN, Decimal::new(1, 28)] {
                    let _ = r.is_met(v);
                }
            }
        }
    }

    #[test]
    fn unit_parser_never_panics(a in threshold_text(), b in threshold_text(), v in any::<i128>(), scale in 0u32..29) {
        let value = Decimal::try_from_i128_with_scale(v % 10i128.pow(28), scale).unwrap_or_default();
        if let (Ok(x), Ok(y)) = (Unit::parse(&a), Unit::parse(&b)) {
            let _ = x.convert(value, &y);
            let _ = x.to_base(value);
            let _ = crate::unit::complete(&a, &b);
        }
    }

}

proptest! {
    #![proptest_config(cases(256, 10))]

    #[test]
    fn csv_reader_and_check_never_panic(bytes in csv_bytes()) {
        csv_case(bytes)?;
    }

    #[test]
    fn raw_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        csv_case(bytes)?;
    }
}

proptest! {
    #![proptest_config(cases(24, 1000))]

    #[test]
    fn xlsx_reader_never_panics(cells in proptest::collection::vec((any::<u32>(), any::<u16>(), cell(), any::<u8>()), 0..30)) {
        xlsx_case(cells)?;
    }

    #[test]
    fn extract_never_panics(which in any::<usize>(), edits in proptest::collection::vec((any::<usize>(), any::<usize>(), document_piece()), 1..6)) {
        extract_case(which, edits)?;
    }

    #[test]
    fn plan_loader_never_panics(which in any::<usize>(), edits in proptest::collection::vec((any::<usize>(), any::<usize>(), yaml_piece()), 1..4)) {
        plan_case(which, edits)?;
    }
}
