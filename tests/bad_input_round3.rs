//! The round-3 corpus of bad input (tests/bad-inputs-round3, see its README): every case of its
//! `cases.tsv` run on a copy of the folder, asserting the exit code, the rows still judged, and
//! that what qyx says names the place (file:line:column or sheet!cell) and the expected thing, in
//! the case's locale. Afterwards no input file may have changed and none may have been added.
//! The 10 MB inputs are made here, in a folder of their own, and run under a memory cap.

mod common;

use common::corpus::{Case, judge, run, run_corpus};
use common::qyx_capped;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs-round3")
}

#[test]
fn round3_corpus_gets_what_bad_input_must() {
    let (failures, changed) = run_corpus(&corpus(), 40);
    assert!(changed.is_empty(), "inputs written or added: {changed:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A 10 MB field in the middle of a CSV costs its row only, and a 10 MB line with no delimiter
/// and no line end is one located error; memory stays bounded.
#[test]
fn ten_megabyte_fields_cost_their_row() {
    let tmp = tempfile::tempdir().unwrap();
    let head = "地区,指标,年份,数值,单位\n诸暨市,普惠托位占比,2024,66,%\n";
    let mut big = String::from(head);
    big.push_str("诸暨市,基本养老保险参保人数,2024,84.1,");
    big.push_str(&"万".repeat((10 << 20) / 3));
    big.push_str("\n诸暨市,人均预期寿命,2024,82.40,岁\n");
    std::fs::write(tmp.path().join("big-field.csv"), &big).unwrap();
    std::fs::write(tmp.path().join("one-line.csv"), "x".repeat(10 << 20)).unwrap();
    let c = |name: &str, code, rows, says: &str| Case {
        name: name.to_string(),
        folder: String::new(),
        locale: "C".to_string(),
        code,
        rows: Some(rows),
        args: Vec::new(),
        says: vec![says.to_string()],
    };
    let cases = [
        c(
            "big-field.csv",
            2,
            2,
            "big-field.csv:3:26: error: field 5 is longer than 4096 bytes: no value is this long; the row is skipped",
        ),
        c(
            "one-line.csv",
            2,
            0,
            "one-line.csv:1:1: error: field 1 is longer than 4096 bytes",
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|k| {
            let out = qyx_capped(&["check", &k.name, "--format", "jsonl"], tmp.path(), 1024);
            judge(k, &out)
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        std::fs::read(tmp.path().join("big-field.csv")).unwrap(),
        big.as_bytes(),
        "the input is unchanged"
    );
}

/// Runs qyx like `run` under the C locale, but a run that waits forever (the very regression the
/// test below guards against) is killed after two minutes instead of hanging the whole suite: `None`.
fn run_guarded(args: &[String], dir: &Path) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qyx"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("QYX_PLANS")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .env("LC_ALL", "C")
        .env("QYX_CACHE_DIR", "")
        .spawn()
        .expect("qyx runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("qyx waited on").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Some(child.wait_with_output().expect("qyx's output read"))
}

/// A named pipe waits for a writer when opened and a device like `/dev/zero` never ends: both are
/// refused by what they are, before they are opened, for actuals, plans and documents alike.
#[test]
fn devices_and_pipes_are_refused_not_waited_on() {
    let tmp = tempfile::tempdir().unwrap();
    let made = Command::new("mkfifo")
        .arg(tmp.path().join("pipe.csv"))
        .status()
        .is_ok_and(|s| s.success());
    let mut runs = vec![
        vec!["check", "/dev/zero"],
        vec!["validate", "/dev/zero"],
        vec!["extract", "/dev/zero"],
    ];
    if made {
        runs.extend([vec!["check", "pipe.csv"], vec!["extract", "pipe.csv"]]);
    }
    let mut failures = Vec::new();
    for args in runs {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let Some(out) = run_guarded(&args, tmp.path()) else {
            failures.push(format!("{args:?}: still running after two minutes, killed"));
            continue;
        };
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let path = &args[1];
        if out.status.code() != Some(2)
            || !said.contains(&format!("{path}: not a regular file"))
                && !said.contains(&format!("{path}: error: not a regular file"))
        {
            failures.push(format!(
                "{args:?}: exit {:?}, said {said:?}",
                out.status.code()
            ));
        }
    }
    // Only once /dev/zero is known to be refused is it safe to run unguarded.
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let zh = run(&["check".into(), "/dev/zero".into()], tmp.path(), "zh");
    assert!(
        String::from_utf8_lossy(&zh.stderr).contains("/dev/zero: 错误: 不是普通文件"),
        "{zh:?}"
    );
}
