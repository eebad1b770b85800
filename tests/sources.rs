//! The bundled plans against their source documents, where those are at hand (`../shared/seeds`
//! beside the checkout, as in CI): every quote and table row is found, and every figure counted.

use std::path::Path;
use std::process::Command;

const SEEDS: &str = "../shared/seeds";
const PLANS: [&str; 5] = ["zhuji", "shengsi", "ruian", "longwan", "huangyan"];

fn qyx(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_qyx"))
        .args(args)
        .env_remove("QYX_PLANS")
        .env("LC_ALL", "C")
        .output()
        .expect("qyx runs")
}

#[test]
fn every_figure_of_every_plan_is_verified_in_its_source() {
    if !Path::new(SEEDS).is_dir() {
        eprintln!("{SEEDS} is not here; nothing to verify against");
        return;
    }
    let out = qyx(&["--plans", "plans", "validate", "--sources", SEEDS, "plans/"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.starts_with("0 errors")),
        "{text}"
    );
    for plan in PLANS {
        let out = qyx(&[
            "show",
            plan,
            "--summary",
            "--sources",
            SEEDS,
            "--format",
            "csv",
        ]);
        let text = String::from_utf8_lossy(&out.stdout);
        let total = text
            .lines()
            .last()
            .unwrap_or_default()
            .split(',')
            .collect::<Vec<_>>();
        assert_eq!(total[0], "total", "{text}");
        let (with_words, verified) = (total[7], total[8]);
        assert_eq!(
            with_words, verified,
            "{plan}: every figure's words are in its document\n{text}"
        );
        assert!(
            total[1].parse::<usize>().unwrap() >= 80,
            "{plan} holds its indicators: {text}"
        );
    }
}
