//! The language of a run as a user meets it: `--lang` wins; without it the locale decides, with
//! LC_ALL before LC_MESSAGES before LANG, Chinese for zh*, English otherwise, and Chinese when
//! no locale variable is set. Generated pages (man, completions) follow it too.

use std::process::Command;

/// Runs qyx with exactly these locale variables (the others removed) and returns stdout+stderr.
fn qyx(args: &[&str], locale: &[(&str, &str)]) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_qyx"));
    c.args(args).env_remove("QYX_PLANS");
    for v in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    c.envs(locale.iter().copied());
    let out = c.output().expect("qyx runs");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

const ZH: &str = "用法: qyx";
const EN: &str = "Usage: qyx";

#[test]
fn help_follows_the_flag_then_the_locale() {
    type Locale<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(&[&str], Locale, &str)] = &[
        (&["--help"], &[("LANG", "zh_CN.UTF-8")], ZH),
        (&["--help"], &[("LANG", "en_US.UTF-8")], EN),
        (&["--help"], &[("LANG", "C")], EN),
        (&["--help"], &[], ZH),
        (&["--help"], &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "C")], ZH),
        (&["--help"], &[("LC_MESSAGES", "zh_TW"), ("LANG", "C")], ZH),
        (&["--help"], &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], EN),
        (&["--lang", "en", "--help"], &[("LANG", "zh_CN.UTF-8")], EN),
        (&["--lang", "zh", "--help"], &[("LANG", "C")], ZH),
        (&["check", "--help", "--lang=zh"], &[("LANG", "C")], ZH),
        (&["help", "check"], &[("LANG", "zh_CN.GB18030")], ZH),
    ];
    for (args, locale, want) in cases {
        let out = qyx(args, locale);
        assert!(out.contains(want), "{args:?} {locale:?}:\n{out}");
    }
}

#[test]
fn messages_follow_the_locale_but_tables_stay_chinese() {
    let zh = [("LANG", "zh_CN.UTF-8")];
    let en = [("LANG", "en_US.UTF-8")];
    assert!(qyx(&["show", "nowhere"], &zh).starts_with("qyx: 错误: "));
    assert!(qyx(&["show", "nowhere"], &en).starts_with("qyx: error: "));
    // The locale changes the messages, never the table: English headers need `--lang en`.
    let table = qyx(&["template", "zhuji", "--year", "2024"], &en);
    assert!(table.starts_with("地区,"), "{table}");
    let table = qyx(
        &["template", "zhuji", "--year", "2024", "--lang", "en"],
        &zh,
    );
    assert!(table.starts_with("jurisdiction,"), "{table}");
}

#[test]
fn manual_and_completions_generate_in_chinese() {
    let zh = [("LANG", "zh_CN.UTF-8")];
    let man = qyx(&["man"], &zh);
    assert!(
        man.contains(".TH qyx") && man.contains("对照计划评判上报的实际值"),
        "{man}"
    );
    let bash = qyx(&["completions", "bash"], &zh);
    assert!(bash.contains("check") && bash.contains("--lang"), "{bash}");
}
