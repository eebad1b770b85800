//! qyx: turns Zhejiang's 公共服务“七优享” plans into data and answers the questions their users ask.
//!
//! The library never prints on its own: every command writes to the writers it is given and
//! returns an [`Outcome`], which the binary maps to the exit code.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod actuals;
mod check;
mod clap_zh;
pub mod cli;
mod cmd;
mod compare;
mod cycle;
mod diag;
mod extract;
#[cfg(test)]
mod fuzz;
pub mod i18n;
mod judge;
mod numeral;
mod period;
mod plan;
mod report;
mod threshold;
mod unit;

use std::io::Write;

/// How a run ended; the binary's exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: everything checked is fine.
    Clean = 0,
    /// 1: the run worked and found problems (a target not met, a plan error).
    Findings = 1,
    /// 2: bad input or a run that could not complete; what was readable was still processed.
    BadInput = 2,
}

impl Outcome {
    pub(crate) fn worst(self, other: Outcome) -> Outcome {
        if (other as u8) > (self as u8) {
            other
        } else {
            self
        }
    }
}

/// Runs one command line. `out` gets the results, `err` the diagnostics.
/// Messages are in the language of [`i18n::set`] (the binary resolves it from `--lang` and the
/// locale before parsing); a `--lang` in `cli` sets it here too, for callers that parse themselves.
pub fn run(cli: cli::Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Outcome> {
    if let Some(lang) = cli.global.lang {
        i18n::set(lang);
    }
    cmd::run(cli, out, err)
}
