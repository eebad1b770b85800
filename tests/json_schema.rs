//! Every command's JSON matches the schema published for it in `schema/` (which a unit test keeps
//! equal to `qyx schema KIND`): real outputs, with every status, milestones, `--all` rows with no
//! value, interpolated and only-in cells.

mod common;

use std::path::Path;

fn validate(schema_file: &str, args: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join(schema_file)).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let out = common::qyx(args, root);
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert!(
        v.as_array().is_none_or(|a| !a.is_empty()) && !v.is_null(),
        "{args:?} wrote nothing to check"
    );
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{args:?} does not match {schema_file}:\n{}",
        errors.join("\n")
    );
}

#[test]
fn check_json_matches_its_schema() {
    for args in [
        &[
            "check",
            "examples/actuals-2024.csv",
            "--format",
            "json",
            "--all",
        ][..],
        &[
            "check",
            "tests/cmd/check-statuses.in/actuals.csv",
            "--format",
            "json",
        ],
    ] {
        validate("schema/check.schema.json", args);
    }
}

#[test]
fn compare_json_matches_its_schema() {
    for args in [
        &["compare", "ruian", "zhuji", "--format", "json"][..],
        &[
            "compare", "longwan", "shengsi", "huangyan", "--format", "json",
        ],
    ] {
        validate("schema/compare.schema.json", args);
    }
}

#[test]
fn rank_json_matches_its_schema() {
    validate("schema/rank.schema.json", &["rank", "--format", "json"]);
}

/// `--format jsonl` writes the objects `--format json` writes, one a line, each matching the
/// published schema of one row — streamed or held (`--sort`).
#[test]
fn check_jsonl_lines_are_the_json_rows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schema/check-row.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for extra in [&[][..], &["--sort", "gap"]] {
        let base = ["check", "examples/actuals-2024.csv", "--all"];
        let json = common::qyx(&[&base[..], &["--format", "json"], extra].concat(), root);
        let lines = common::qyx(&[&base[..], &["--format", "jsonl"], extra].concat(), root);
        assert_eq!(json.status.code(), lines.status.code());
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
        let text = String::from_utf8(lines.stdout).unwrap();
        assert!(text.ends_with('\n') && !rows.is_empty());
        let read: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is one JSON value"))
            .collect();
        assert_eq!(read, rows, "{extra:?}");
        for v in &read {
            assert!(validator.is_valid(v), "{v}");
        }
    }
}
