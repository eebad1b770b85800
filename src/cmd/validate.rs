//! `qyx validate [PATH…]`: every problem in every plan, as `file:line:col: message`, then a
//! summary. Exit 0 clean (warnings allowed unless --strict), 1 problems found, 2 could not run.

use crate::Outcome;
use crate::cli::{DiagFormat, ValidateArgs};
use crate::diag::{Diagnostic, Severity};
use crate::plan::PlanSet;
use crate::plan::load::{self, CATALOG_FILE, PlanDir, SourceText};
use crate::plan::validate::validate;
use std::io::Write;
use std::path::Path;

/// The files to check: the plan directory, or the named files and directories. A catalog is
/// taken from beside the named files, else from the plan directory.
fn gather(a: &ValidateArgs, dir: &PlanDir) -> Result<Vec<SourceText>, Diagnostic> {
    if a.paths.is_empty() {
        return load::read_dir(dir);
    }
    let mut files = Vec::new();
    for p in &a.paths {
        if p.is_dir() {
            files.extend(load::read_dir(&PlanDir::Path(p.clone()))?);
        } else {
            files.push(load::read_file(p)?);
        }
    }
    if !files.iter().any(|f| f.name.ends_with(CATALOG_FILE)) {
        let beside = a.paths[0]
            .parent()
            .map(|d| d.join(CATALOG_FILE))
            .filter(|c| c.is_file());
        let catalog = match beside {
            Some(c) => load::read_file(&c)?,
            None => load::read_dir(dir)?
                .into_iter()
                .find(|f| f.name.ends_with(CATALOG_FILE))
                .ok_or_else(|| Diagnostic::error("plans/", 0, 0, "no catalog.yaml found"))?,
        };
        files.insert(0, catalog);
    }
    files.dedup_by(|a, b| a.name == b.name);
    Ok(files)
}

pub(crate) fn run(
    a: &ValidateArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let files = match gather(a, dir) {
        Ok(f) => f,
        Err(d) => {
            writeln!(err, "{d}")?;
            return Ok(Outcome::BadInput);
        }
    };
    if let Some(s) = &a.sources
        && !Path::new(s).is_dir()
    {
        writeln!(
            err,
            "qyx: error: --sources {}: not a directory",
            s.display()
        )?;
        return Ok(Outcome::BadInput);
    }
    let n_files = files.len();
    let (set, mut diags) = PlanSet::from_sources(files, dir);
    let (n_plans, n_entries) = match &set {
        Some(set) => {
            diags.extend(validate(set, a.sources.as_deref()));
            (set.plans.len(), set.catalog.entries.len())
        }
        None => (0, 0),
    };
    diags.sort_by(|x, y| (&x.file, x.line, x.column).cmp(&(&y.file, y.line, y.column)));
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    match a.format {
        DiagFormat::Text => {
            for d in &diags {
                writeln!(out, "{d}")?;
            }
            writeln!(
                out,
                "{errors} error{}, {warnings} warning{} in {n_files} file{} ({n_plans} plan{}, {n_entries} catalog entries)",
                plural(errors),
                plural(warnings),
                plural(n_files),
                plural(n_plans)
            )?;
        }
        DiagFormat::Json => {
            let v = serde_json::json!({
                "diagnostics": diags,
                "summary": { "errors": errors, "warnings": warnings, "files": n_files, "plans": n_plans, "catalog_entries": n_entries },
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
    }
    Ok(if errors > 0 || (a.strict && warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
