//! `cargo bench`: how long `qyx check` and `qyx validate` take on the bundled plans, measured
//! through the library as the binary runs it. Prints the median of repeated runs; rerun after a
//! change and compare. (Memory: `scripts/bench-memory.sh`.)

use clap::Parser;
use std::io::Write;
use std::time::{Duration, Instant};

fn median(mut d: Vec<Duration>) -> Duration {
    d.sort();
    d[d.len() / 2]
}

fn time(label: &str, runs: usize, args: &[&str]) {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let cli = qyx::cli::Cli::parse_from(args);
        let (mut out, mut err) = (std::io::sink(), std::io::sink());
        let start = Instant::now();
        let _ = qyx::run(cli, &mut out, &mut err);
        times.push(start.elapsed());
    }
    let _ = writeln!(
        std::io::stdout(),
        "{label:<48} median {:>9.2?} over {runs} runs",
        median(times)
    );
}

/// Every (plan, indicator, year) the bundled plans set a target for, with a plausible value:
/// the shape of a province-wide collection, repeated to reach `rows` (repeats are duplicate rows,
/// which check reports and skips).
fn actuals(rows: usize) -> String {
    let mut unique = Vec::new();
    for plan in ["ruian", "longwan", "shengsi", "huangyan", "zhuji"] {
        let mut buf = Vec::new();
        let cli = qyx::cli::Cli::parse_from([
            "qyx",
            "template",
            plan,
            "--year",
            if matches!(plan, "longwan" | "shengsi") {
                "2024"
            } else {
                "2025"
            },
        ]);
        let _ = qyx::run(cli, &mut buf, &mut std::io::sink());
        for line in String::from_utf8_lossy(&buf).lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() >= 6 {
                let value = if f[5].is_empty() { "是" } else { "1" };
                unique.push(format!("{},{},{},{value},{}", f[0], f[1], f[3], f[5]));
            }
        }
    }
    let mut s = String::from("地区,指标,年份,数值,单位\n");
    for i in 0..rows {
        s.push_str(&unique[i % unique.len()]);
        s.push('\n');
    }
    s
}

fn main() {
    let dir = std::env::temp_dir().join("qyx-bench");
    let _ = std::fs::create_dir_all(&dir);
    time(
        "validate (5 plans, catalog)",
        20,
        &["qyx", "--plans", "plans", "validate"],
    );
    if std::path::Path::new("../shared/seeds").is_dir() {
        time(
            "validate --sources (every quote checked)",
            10,
            &[
                "qyx",
                "--plans",
                "plans",
                "validate",
                "--sources",
                "../shared/seeds",
            ],
        );
    }
    for rows in [500, 5_000, 50_000] {
        let path = dir.join(format!("actuals-{rows}.csv"));
        let _ = std::fs::write(&path, actuals(rows));
        let p = path.to_string_lossy().into_owned();
        time(
            &format!("check {rows} rows"),
            if rows > 10_000 { 3 } else { 10 },
            &["qyx", "check", &p, "--format", "csv"],
        );
    }
    time(
        "compare ruian zhuji",
        20,
        &["qyx", "compare", "ruian", "zhuji"],
    );
    time("rank (every shared indicator)", 20, &["qyx", "rank"]);
}
