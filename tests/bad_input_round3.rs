//! The round-3 corpus of bad input (tests/bad-inputs-round3, see its README): every case of its
//! `cases.tsv` run on a copy of the folder, asserting the exit code, the rows still judged, and
//! that what qyx says names the place (file:line:column or sheet!cell) and the expected thing, in
//! the case's locale. Afterwards no input file may have changed and none may have been added.
//! The 10 MB inputs are made here, in a folder of their own, and run under a memory cap.

mod common;

use common::qyx_capped;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs-round3")
}

struct Case {
    name: String,
    folder: String,
    locale: String,
    code: i32,
    rows: Option<usize>,
    args: Vec<String>,
    says: Vec<String>,
}

fn cases() -> Vec<Case> {
    let table = std::fs::read_to_string(corpus().join("cases.tsv")).expect("cases.tsv");
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 8, "cases.tsv: {l}");
            Case {
                name: f[0].to_string(),
                folder: f[1].to_string(),
                locale: f[2].to_string(),
                code: f[3].parse().expect("exit code"),
                rows: (f[4] != "-").then(|| f[4].parse().expect("rows")),
                args: f[5].split(' ').map(str::to_string).collect(),
                says: if f[6] == "-" {
                    Vec::new()
                } else {
                    f[6].split('|').map(str::to_string).collect()
                },
            }
        })
        .collect()
}

/// Runs qyx in `dir` with the locale a case names, nothing on standard input and no plan cache.
fn run(args: &[String], dir: &Path, locale: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qyx"));
    cmd.args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .env_remove("QYX_PLANS")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("QYX_CACHE_DIR", "");
    match locale {
        "zh" => cmd.env("LANG", "zh_CN.UTF-8"),
        "en" => cmd.env("LANG", "en_US.UTF-8"),
        _ => cmd.env("LC_ALL", "C"),
    };
    cmd.output().expect("qyx runs")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path, into: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            snapshot(&e.path(), into);
        } else {
            into.insert(e.path(), std::fs::read(e.path()).unwrap());
        }
    }
}

/// What one run broke of its case, if anything.
fn judge(c: &Case, out: &Output) -> Option<String> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    // `validate` writes its findings to standard output; every other command to standard error.
    let said = if c.args.first().map(String::as_str) == Some("validate") {
        format!("{stdout}{stderr}")
    } else {
        stderr.to_string()
    };
    let mut wrong = Vec::new();
    if out.status.code() != Some(c.code) {
        wrong.push(format!("exit {:?}, want {}", out.status.code(), c.code));
    }
    if let Some(rows) = c.rows {
        let judged = stdout.lines().filter(|l| l.starts_with('{')).count();
        if judged != rows {
            wrong.push(format!("{judged} rows judged, want {rows}"));
        }
    }
    if c.says.is_empty() && !stderr.is_empty() {
        wrong.push("want nothing on standard error".to_string());
    }
    for s in &c.says {
        if !said.contains(s.as_str()) {
            wrong.push(format!("want `{s}`"));
        }
    }
    if said.contains("panicked") || said.contains("RUST_BACKTRACE") {
        wrong.push("a panic".to_string());
    }
    (!wrong.is_empty()).then(|| format!("{}: {}\n  said: {said:?}", c.name, wrong.join("; ")))
}

#[test]
fn round3_corpus_gets_what_bad_input_must() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    copy_dir(&corpus(), &dir);
    let mut before = BTreeMap::new();
    snapshot(&dir, &mut before);
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| judge(c, &run(&c.args, &dir.join(&c.folder), &c.locale)))
        .collect();
    let mut after = BTreeMap::new();
    snapshot(&dir, &mut after);
    let changed: Vec<_> = after
        .iter()
        .filter(|(p, bytes)| before.get(*p) != Some(*bytes))
        .map(|(p, _)| p.display().to_string())
        .chain(
            before
                .keys()
                .filter(|p| !after.contains_key(*p))
                .map(|p| p.display().to_string()),
        )
        .collect();
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
