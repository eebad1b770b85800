//! One module per subcommand; this one dispatches and shares the plan loading they all need.

pub(crate) mod check;
pub(crate) mod compare;
mod docs;
pub(crate) mod extract;
mod output;
mod parse;
mod results;
mod schema;
mod show;
pub(crate) mod template;
mod validate;
pub(crate) mod write;

use crate::Outcome;
use crate::cli::{Cli, Command};
use crate::plan::PlanSet;
use crate::plan::load::PlanDir;
use std::io::Write;

pub(crate) fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Outcome> {
    let dir = PlanDir::choose(cli.global.plans.clone());
    let table_lang = cli.global.table_lang();
    match cli.command {
        Command::Validate(a) => validate::run(&a, &dir, out, err),
        Command::Show(mut a) => {
            a.lang = table_lang;
            show::run(&a, &dir, out, err)
        }
        Command::Parse(a) => parse::run(&a, out, err),
        Command::Schema(a) => schema::run(&a, out),
        Command::Completions(a) => docs::completions(&a, &dir, out),
        Command::Man(a) => docs::man(&a, out, err),
        Command::Check(mut a) => {
            a.lang = table_lang;
            check::run(&a, &dir, cli.global.color.enabled(), out, err)
        }
        Command::Compare(mut a) => {
            a.lang = table_lang;
            compare::compare(&a, &dir, out, err)
        }
        Command::Rank(mut a) => {
            a.lang = table_lang;
            compare::rank(&a, &dir, out, err)
        }
        Command::Extract(a) => extract::run(&a, &dir, out, err),
        Command::Template(mut a) => {
            a.lang = table_lang;
            template::run(&a, &dir, out, err)
        }
    }
}

/// A plan by id or name; an unknown one is reported on `err` (with "did you mean" and the list).
pub(crate) fn find_plan<'a>(
    set: &'a PlanSet,
    key: &str,
    err: &mut dyn Write,
) -> anyhow::Result<Option<&'a crate::plan::PlanFile>> {
    match set.find(key) {
        Ok(p) => Ok(Some(p)),
        Err(e) => {
            writeln!(err, "{}: {e}", crate::i18n::qyx_error())?;
            Ok(None)
        }
    }
}

/// A catalog entry by id or any printed name; an unknown one is reported on `err` with
/// "did you mean", as every command that takes an indicator says it.
pub(crate) fn find_indicator<'a>(
    set: &'a PlanSet,
    key: &str,
    err: &mut dyn Write,
) -> anyhow::Result<Option<&'a crate::plan::Entry>> {
    if let Some(e) = set.catalog.get(key) {
        return Ok(Some(e));
    }
    let hint = set.catalog.suggest(key);
    writeln!(
        err,
        "{}: {}",
        crate::i18n::qyx_error(),
        crate::tr!("未知指标 `{key}`{hint}", "unknown indicator `{key}`{hint}")
    )?;
    Ok(None)
}

/// Loads the plan directory for a command that reads plans. Problems in plan files are reported
/// on `err` and the readable plans are used; the outcome says whether any were found.
pub(crate) fn load_plans(dir: &PlanDir, err: &mut dyn Write) -> anyhow::Result<(PlanSet, Outcome)> {
    load_plans_for(dir, crate::plan::Need::Everything, err)
}

/// [`load_plans`] for a command that needs only `need` of the plans.
pub(crate) fn load_plans_for(
    dir: &PlanDir,
    need: crate::plan::Need,
    err: &mut dyn Write,
) -> anyhow::Result<(PlanSet, Outcome)> {
    let (set, diags) = PlanSet::load_cached(dir, need);
    for d in &diags {
        writeln!(err, "{d}")?;
    }
    let outcome = if diags.is_empty() {
        Outcome::Clean
    } else {
        Outcome::BadInput
    };
    match set {
        Some(s) => Ok((s, outcome)),
        None => anyhow::bail!(crate::tr!(
            "无法载入计划（运行 `qyx validate` 查看全部问题）",
            "cannot load the plans (run `qyx validate` for every problem)"
        )),
    }
}
