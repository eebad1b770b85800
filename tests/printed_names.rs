//! Every name a bundled plan prints — what `qyx show` lists and check's own 指标 column writes —
//! is read back by `qyx check` as that plan's row, so that a county's sheet typed from its plan,
//! or last month's check output filled in again, is never "unknown indicator". A name one plan
//! prints on two rows is the one exception, refused naming both rows' ids.

mod common;

use common::qyx;
use std::collections::{BTreeMap, BTreeSet};

const PLAN_IDS: [&str; 5] = ["huangyan", "longwan", "ruian", "shengsi", "zhuji"];

/// A plan's jurisdiction, and each name it prints with the ids of the rows printing it and a year
/// of the plan.
fn printed(
    plan: &str,
    dir: &std::path::Path,
) -> (String, BTreeMap<String, (BTreeSet<String>, i64)>) {
    let out = qyx(&["show", plan, "--format", "json"], dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let year = v["period"]["end"].as_i64().unwrap();
    let mut names: BTreeMap<String, (BTreeSet<String>, i64)> = BTreeMap::new();
    for i in v["indicators"].as_array().unwrap() {
        let name = i["name"].as_str().unwrap().to_string();
        let id = i["id"].as_str().unwrap().to_string();
        names
            .entry(name)
            .or_insert((BTreeSet::new(), year))
            .0
            .insert(id);
    }
    let jurisdiction = v["jurisdiction"]["name"].as_str().unwrap().to_string();
    (jurisdiction, names)
}

#[test]
fn every_printed_name_reads_back_as_its_plans_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("地区,指标,年份,数值\n");
    let mut shared = Vec::new();
    let mut count = 0;
    for plan in PLAN_IDS {
        let (jurisdiction, names) = printed(plan, dir.path());
        for (name, (ids, year)) in &names {
            // Quoted, as a spreadsheet saves a name with a comma in it.
            csv.push_str(&format!(
                "{jurisdiction},\"{}\",{year},\n",
                name.replace('"', "\"\"")
            ));
            count += 1;
            if ids.len() > 1 {
                shared.push((csv.lines().count(), ids.clone()));
            }
        }
    }
    assert!(count > 400, "{count} names");
    std::fs::write(dir.path().join("names.csv"), csv).unwrap();
    let out = qyx(
        &[
            "check",
            "names.csv",
            "--all",
            "--fail-on",
            "never",
            "--lang",
            "en",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(errors.len(), shared.len(), "{stderr}");
    for line in errors {
        // Each error is a name one plan prints on several rows, at that name's line, naming
        // every row's id; nothing else.
        let at: usize = line
            .split(':')
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let Some((_, ids)) = shared.iter().find(|(l, _)| *l == at) else {
            panic!("a printed name is not read back: {line}");
        };
        assert!(
            line.contains("rows: type the id of the one meant"),
            "{line}"
        );
        for id in ids {
            assert!(line.contains(&format!("`{id}`")), "{id} not named: {line}");
        }
    }
    assert!(!shared.is_empty(), "Shengsi prints one name on two rows");
}
