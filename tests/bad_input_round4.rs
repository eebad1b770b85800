//! The round-4 corpus of bad input (tests/bad-inputs-round4, see its README): .xls, .et and .ods
//! workbooks, chart and hidden sheets, `--sheet` typos, damaged parts, what scripts on Windows
//! write (`sep=` lines, `=\"2024\"`, CR CR LF, Ctrl-Z, NUL padding), the same file twice, output
//! paths that cannot be written, `extract` on what is no document, and plan folders with editors'
//! leftovers. Every case of its `cases.tsv` is run on a copy of the folder, asserting the exit
//! code, the rows still judged and that what qyx says names the place and the expected thing in
//! the case's locale; afterwards no input file may have changed and none may have been added.
//! The million-row workbook is made here, in a folder of its own, and run under a memory cap.

mod common;

use common::corpus::run_corpus;
use common::qyx_capped;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs-round4")
}

#[test]
fn round4_corpus_gets_what_bad_input_must() {
    let (failures, changed) = run_corpus(&corpus(), 60);
    assert!(changed.is_empty(), "inputs written or added: {changed:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A sheet formatted down to Excel's last row (1 048 576 rows with a style and no value, as a
/// clerk who formats whole columns leaves it): the three rows above are judged, nothing is said,
/// and memory stays bounded.
#[test]
fn a_million_formatted_empty_rows_cost_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let good = corpus().join("cli/withlock/报表.xlsx");
    let mut zin = zip::ZipArchive::new(std::fs::File::open(good).unwrap()).unwrap();
    let path = tmp.path().join("formatted.xlsx");
    let mut zout = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let mut rows = String::new();
            for r in 5..=1_048_576u32 {
                rows.push_str(&format!(
                    r#"<row r="{r}" spans="1:5" s="1" customFormat="1"/>"#
                ));
            }
            text = text.replace("</sheetData>", &format!("{rows}</sheetData>"));
        }
        zout.start_file(name, opts).unwrap();
        zout.write_all(text.as_bytes()).unwrap();
    }
    zout.finish().unwrap();
    let out = qyx_capped(
        &["check", "formatted.xlsx", "--format", "jsonl"],
        tmp.path(),
        1024,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(stdout.lines().filter(|l| l.starts_with('{')).count(), 3);
    assert!(out.stderr.is_empty(), "{out:?}");
}
