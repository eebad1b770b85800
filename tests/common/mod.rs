//! What the integration tests share: running the built binary as a user would, in a folder of
//! the test's own, with the built-in plans.

// Each test crate compiles this module and uses only some of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

pub fn qyx(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qyx"))
        .args(args)
        .current_dir(dir)
        .env_remove("QYX_PLANS")
        .env("LC_ALL", "C")
        .output()
        .expect("qyx runs")
}

/// Runs qyx like [`qyx`] with at most `mib` MiB of address space (an allocation past it aborts the
/// run), nothing on standard input and no plan cache.
pub fn qyx_capped(args: &[&str], dir: &Path, mib: u64) -> Output {
    let mut cmd = format!("ulimit -v {}; exec \"$0\"", mib * 1024);
    for i in 1..=args.len() {
        cmd.push_str(&format!(" \"${i}\""));
    }
    Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .arg(env!("CARGO_BIN_EXE_qyx"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .env_remove("QYX_PLANS")
        .env("QYX_CACHE_DIR", "")
        .env("LC_ALL", "C")
        .output()
        .expect("qyx runs")
}
pub mod corpus;
pub mod sheets;
