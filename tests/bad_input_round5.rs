//! The round-5 corpus of bad input (tests/bad-inputs-round5, see its README): values and years as
//! typed in words and foreign notations, a web page or an Excel 2003 XML file saved as .xls,
//! date-formatted years in .xls and .ods, workbooks cut short by a download, subcommands and
//! values typed in Chinese, flags that disagree, and plans typed with a Chinese input method.
//! Every case of its `cases.tsv` is run on a copy of the folder (tests/common/corpus.rs); what
//! cannot be committed — a 5 GB sparse file, a FIFO, a closed standard output — is made here.

mod common;

use common::corpus::run_corpus;
use common::qyx_capped;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs-round5")
}

#[test]
fn round5_corpus_gets_what_bad_input_must() {
    let (failures, changed) = run_corpus(&corpus(), 38);
    assert!(changed.is_empty(), "inputs written or added: {changed:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const CSV: &str = "地区,指标,年份,数值,单位\n诸暨市,普惠托位占比,2024,66,%\n\
                   诸暨市,基本养老保险参保人数,2024,84.1,万人\n诸暨市,人均预期寿命,2024,82.40,岁\n";

/// Runs qyx in `dir` under a memory cap: its exit code, the rows it judged and what it said.
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, usize, String) {
    let out = qyx_capped(args, dir, 1024);
    let rows = String::from_utf8_lossy(&out.stdout).lines().count();
    (
        out.status.code(),
        rows,
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// A file made 5 GB long by `truncate -s` after its three rows (a preallocated or half-copied
/// file: the rest reads as NUL bytes, but takes no disk): the rows are judged, the rest is
/// passed over with a warning at its line, and the 5 GB are never read.
#[test]
fn a_sparse_five_gigabyte_tail_is_not_read() {
    let tmp = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(tmp.path().join("sparse.csv")).unwrap();
    std::io::Write::write_all(&mut &f, CSV.as_bytes()).unwrap();
    f.set_len(5 << 30).unwrap();
    let said = run(tmp.path(), &["check", "sparse.csv", "--format", "jsonl"]);
    assert_eq!((said.0, said.1), (Some(1), 3), "{said:?}");
    assert!(said.2.contains("sparse.csv:5:1: warning:"), "{said:?}");
    // A file of nothing but the hole is no text, said at once.
    let f = std::fs::File::create(tmp.path().join("hole.csv")).unwrap();
    f.set_len(5 << 30).unwrap();
    let said = run(tmp.path(), &["check", "hole.csv"]);
    assert_eq!(said.0, Some(2), "{said:?}");
    assert!(said.2.contains("hole.csv"), "{said:?}");
}

/// A named pipe given as the actuals is refused by what it is, never waited on.
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let tmp = tempfile::tempdir().unwrap();
    let made = Command::new("mkfifo")
        .arg(tmp.path().join("pipe.csv"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system
    }
    let said = run(tmp.path(), &["check", "pipe.csv"]);
    assert_eq!(said.0, Some(2), "{said:?}");
    assert!(
        said.2.contains("pipe.csv: error: not a regular file"),
        "{said:?}"
    );
}

/// `qyx check … | head -1`: the reader closes the pipe before qyx writes; qyx ends quietly, with
/// no panic and no "Broken pipe" on standard error.
#[test]
fn a_closed_standard_output_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let rows: String = (1..=2000)
        .map(|i| format!("诸暨市,普惠托位占比,{},66,%\n", 2000 + i % 30))
        .collect();
    std::fs::write(
        tmp.path().join("many.csv"),
        format!("地区,指标,年份,数值,单位\n{rows}"),
    )
    .unwrap();
    for format in ["table", "csv", "jsonl"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_qyx"))
            .args(["check", "many.csv", "--format", format])
            .current_dir(tmp.path())
            .env("LC_ALL", "C")
            .env("QYX_CACHE_DIR", "")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_lowercase();
        assert!(
            !stderr.contains("panicked") && !stderr.contains("broken pipe"),
            "{format}: {stderr}"
        );
    }
}
