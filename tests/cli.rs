//! End-to-end: the `qyx` binary run on fixture folders, its stdout, stderr and exit code
//! compared with the files beside each case (`TRYCMD=overwrite cargo test` rewrites them).

#[test]
fn cli() {
    // Messages in English unless a case says `--lang zh`, whatever the machine's locale.
    trycmd::TestCases::new()
        .env("LC_ALL", "C")
        // Tables at full width, whatever the terminal the tests run in (empty = unset).
        .env("COLUMNS", "")
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md")
        .case("README.md");
}
