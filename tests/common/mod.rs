//! What the integration tests share: running the built binary as a user would, in a folder of
//! the test's own, with the built-in plans.

use std::path::Path;
use std::process::{Command, Output};

pub fn qyx(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qyx"))
        .args(args)
        .current_dir(dir)
        .env_remove("QYX_PLANS")
        .env("LC_ALL", "C")
        .output()
        .expect("qyx runs")
}
