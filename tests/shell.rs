//! Completions and the manual page are generated from the same command definition as the
//! parser, so they list every subcommand.

use std::process::Command;

fn qyx(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_qyx"))
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .expect("qyx runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

const SUBCOMMANDS: [&str; 8] = [
    "validate", "show", "parse", "check", "template", "compare", "rank", "extract",
];

#[test]
fn completions_know_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = qyx(&["completions", shell]);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
    }
}

#[test]
fn manual_page_lists_every_subcommand() {
    let page = qyx(&["man"]);
    assert!(page.contains(".TH qyx 1"), "{page}");
    let listed = page.split(".SH SUBCOMMANDS").nth(1).unwrap_or_default();
    for sub in SUBCOMMANDS {
        assert!(
            listed.contains(&format!("qyx\\-{sub}(1)")),
            "man page lacks {sub}:\n{listed}"
        );
    }
}
