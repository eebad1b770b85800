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
mod hant;
pub mod i18n;
mod judge;
mod numeral;
mod ocr;
mod par;
mod period;
mod plan;
mod report;
mod sniff;
mod threshold;
mod unit;
mod xmlref;

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

/// Set by a binary that ends its process as soon as [`run`] returns: see [`will_exit`].
static EXITS_AFTER_RUN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Tells the library that the process exits right after [`run`], so that the large structures a
/// command builds (the plan set and its indexes, the readings of a province's sheet) need not be
/// freed one allocation at a time: the operating system takes the whole process back at once,
/// which saves a tenth of a large `check`. Output is flushed and errors are reported as ever; a
/// caller that runs commands in-process (the tests) does not call this and frees everything.
pub fn will_exit() {
    EXITS_AFTER_RUN.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Drops `x`, or, when the process exits right after this run ([`will_exit`]), leaves it for
/// the operating system to take back with the process.
pub(crate) fn release<T>(x: T) {
    if EXITS_AFTER_RUN.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(x);
    } else {
        drop(x);
    }
}

/// A value [`release`]d when it goes out of scope, on every way out of a function.
pub(crate) struct Released<T>(Option<T>);

impl<T> Released<T> {
    pub(crate) fn new(x: T) -> Released<T> {
        Released(Some(x))
    }
}

impl<T> std::ops::Deref for Released<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // Always `Some` until dropped.
        self.0.as_ref().unwrap_or_else(|| unreachable!())
    }
}

impl<T> std::ops::DerefMut for Released<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.as_mut().unwrap_or_else(|| unreachable!())
    }
}

impl<T> Drop for Released<T> {
    fn drop(&mut self) {
        if let Some(x) = self.0.take() {
            release(x);
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
