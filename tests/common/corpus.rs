//! The bad-input corpora (tests/bad-inputs-round3, -round4, -round5): a table of cases (`cases.tsv`), each
//! run on a copy of its folder with the locale it names, asserting the exit code, the rows still
//! judged and what qyx says; afterwards no input file may have changed and none may be added.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Case {
    pub name: String,
    pub folder: String,
    pub locale: String,
    pub code: i32,
    pub rows: Option<usize>,
    pub args: Vec<String>,
    pub says: Vec<String>,
}

pub fn cases(corpus: &Path) -> Vec<Case> {
    let table = std::fs::read_to_string(corpus.join("cases.tsv")).expect("cases.tsv");
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
                // `␠` stands for a space inside one argument (a path with spaces).
                args: f[5].split(' ').map(|a| a.replace('␠', " ")).collect(),
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
pub fn run(args: &[String], dir: &Path, locale: &str) -> Output {
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

pub fn copy_dir(from: &Path, to: &Path) {
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
pub fn snapshot(dir: &Path, into: &mut BTreeMap<PathBuf, Vec<u8>>) {
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
pub fn judge(c: &Case, out: &Output) -> Option<String> {
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

/// Runs every case of the corpus in `corpus` on a copy of it: the failures, one line each (with what
/// qyx said), and the inputs that were written or added.
pub fn run_corpus(corpus: &Path, at_least: usize) -> (Vec<String>, Vec<String>) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    copy_dir(corpus, &dir);
    let mut before = BTreeMap::new();
    snapshot(&dir, &mut before);
    let cases = cases(corpus);
    assert!(cases.len() >= at_least, "{} cases", cases.len());
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
    (failures, changed)
}
