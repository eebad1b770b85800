//! Bad input as a user would meet it: each gets one clear message and exit code 2, nothing
//! panics, and no input file is ever written to.

mod common;

use common::qyx;
use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_enormous_file_is_streamed_and_its_enormous_field_refused_with_its_place() {
    // No size cap on a CSV file (it is read a chunk at a time): 65 MiB in one field is a field
    // too long, at its place.
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("big.csv")).unwrap();
    f.set_len(65 * 1024 * 1024).unwrap();
    let out = qyx(&["check", "big.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "big.csv:1:1: error: field 1 is longer than 4096 bytes: no value is this long; the row is skipped\n"
    );
}

#[test]
fn binary_garbage_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    // Invalid in UTF-8 and in GB18030 alike (0xFF is never a lead byte).
    std::fs::write(
        dir.path().join("junk.csv"),
        [0xFFu8, 0xFE, 0x00, 0xFF, 0x81],
    )
    .unwrap();
    let out = qyx(&["check", "junk.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    // Neither encoding reads it: no advice to switch (it would go round in a circle).
    assert_eq!(
        stderr(&out),
        "junk.csv:1:1: error: byte 0xFF is not UTF-8 text: this row is skipped, the others are read\n"
    );
    let out = qyx(&["check", "junk.csv", "--encoding", "gb18030"], dir.path());
    assert!(
        stderr(&out).contains("byte 0xFF is not GB18030 text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_files_and_broken_spreadsheets() {
    let dir = tempfile::tempdir().unwrap();
    let out = qyx(&["check", "nowhere.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("nowhere.csv: error: cannot read:"),
        "{}",
        stderr(&out)
    );
    // A workbook is known by its bytes, not its name: text named .xlsx is read as text (here
    // without a header), a zip cut short is a damaged workbook, whatever its name.
    std::fs::write(dir.path().join("fake.xlsx"), "not a zip").unwrap();
    let out = qyx(&["check", "fake.xlsx"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("fake.xlsx:1:1: error: the header lacks")
            && stderr(&out).ends_with(
                "(the name ends in .xlsx, but the file is text (CSV), read as text (CSV))\n"
            ),
        "{}",
        stderr(&out)
    );
    std::fs::write(dir.path().join("cut.csv"), b"PK\x03\x04\x14\x00\x06\x00").unwrap();
    let out = qyx(&["check", "cut.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "cut.csv: error: cannot open the workbook: the file may be damaged or only partly downloaded"
        ),
        "{}",
        stderr(&out)
    );
    let out = qyx(&["show", "zhuji", "--plans", "no-such-dir"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no-such-dir: error: cannot read plan directory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn inputs_are_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "地区,指标,年份,数值\n诸暨市,人均预期寿命,2024,82.5\n诸暨市,不存在的指标,2024,1\n";
    let path = dir.path().join("a.csv");
    std::fs::write(&path, csv).unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    for args in [
        &["check", "a.csv"][..],
        &["check", "a.csv", "--format", "json"],
        &["check", "a.csv", "--all"],
    ] {
        qyx(args, dir.path());
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), csv);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn a_header_too_far_down_is_not_searched_for_ever() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv: String = (1..=25).map(|i| format!("标题行{i}\n")).collect();
    csv.push_str("地区,指标,年份,数值\n诸暨市,人均预期寿命,2024,82.5\n");
    std::fs::write(dir.path().join("t.csv"), csv).unwrap();
    let out = qyx(&["check", "t.csv"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("t.csv:1:1: error: the header lacks")
            && stderr(&out).ends_with(" (no header in the first 20 rows)\n"),
        "{}",
        stderr(&out)
    );
}
