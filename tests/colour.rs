//! Colour is qyx's decision: never in a pipe (what every other test sees), on request with
//! `--color always`, and never with `--color never`.

use std::process::Command;

fn check(extra: &[&str], no_color: bool) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_qyx"));
    c.args(extra)
        .args(["check", "tests/cmd/check-statuses.in/actuals.csv"])
        .env_remove("QYX_PLANS")
        .env("LC_ALL", "C");
    if no_color {
        c.env("NO_COLOR", "1");
    } else {
        c.env_remove("NO_COLOR");
    }
    String::from_utf8(c.output().expect("qyx runs").stdout).unwrap()
}

#[test]
fn statuses_are_coloured_only_when_asked() {
    let plain = check(&[], false);
    assert!(!plain.contains('\u{1b}'), "a pipe gets no escape codes");
    let coloured = check(&["--color", "always"], false);
    // Red for 未达标, green for 达标, yellow for 进度滞后; the text itself is unchanged.
    for (code, word) in [
        ("\u{1b}[38;5;9m", "未达标"),
        ("\u{1b}[38;5;10m", "达标"),
        ("\u{1b}[38;5;11m", "进度滞后"),
    ] {
        assert!(
            coloured.contains(&format!("{code} {word}")),
            "{word} in {code:?}:\n{coloured}"
        );
    }
    assert!(!check(&["--color", "never"], false).contains('\u{1b}'));
    assert_eq!(check(&[], true), plain);
}
