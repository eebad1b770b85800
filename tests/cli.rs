//! End-to-end: the `qyx` binary run on fixture folders, its stdout, stderr and exit code
//! compared with the files beside each case (`TRYCMD=overwrite cargo test` rewrites them).

#[test]
fn cli() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md")
        .case("README.md");
}
