//! Completions and manual pages as a user installs them: the completion scripts offer the plan
//! ids, and `qyx man DIR` writes one page per subcommand with every option and the exit codes.

mod common;

use std::path::Path;

const PLAN_IDS: [&str; 5] = ["huangyan", "longwan", "ruian", "shengsi", "zhuji"];

#[test]
fn completions_offer_plan_ids() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = common::qyx(&["completions", shell], dir.path());
        assert!(out.status.success());
        let script = String::from_utf8(out.stdout).unwrap();
        for id in PLAN_IDS {
            assert!(script.contains(id), "{shell} completes {id}");
        }
        // Catalog ids for `rank INDICATOR`.
        assert!(
            script.contains("life-expectancy"),
            "{shell} completes indicators"
        );
    }
    // The bash script loads and registers itself.
    let out = common::qyx(&["completions", "bash"], dir.path());
    let file = dir.path().join("qyx.bash");
    std::fs::write(&file, &out.stdout).unwrap();
    let run = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p qyx", file.display()))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn man_writes_a_page_per_subcommand_with_every_option_and_the_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::qyx(&["man", "pages"], dir.path());
    assert!(out.status.success());
    let mut cmd = qyx::cli::command();
    cmd.build();
    let pages = dir.path().join("pages");
    let read = |name: &str| std::fs::read_to_string(Path::new(&pages).join(name)).unwrap();
    let root = read("qyx.1");
    assert!(root.contains("EXIT STATUS"));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let page = read(&format!("qyx-{}.1", sub.get_name()));
        assert!(page.contains("EXIT STATUS"), "{}", sub.get_name());
        for arg in sub.get_arguments() {
            if let Some(long) = arg.get_long() {
                // roff escapes each hyphen of an option.
                let shown = format!("\\-\\-{}", long.replace('-', "\\-"));
                assert!(
                    page.contains(&shown),
                    "qyx-{}.1 lacks --{long}",
                    sub.get_name()
                );
            }
        }
    }
}
