//! `qyx validate [PATH…]`: every problem in every plan, as `file:line:col: message`, then a
//! summary. Exit 0 clean (warnings allowed unless --strict), 1 problems found, 2 could not run.

use crate::Outcome;
use crate::cli::{DiagFormat, ValidateArgs};
use crate::diag::{Diagnostic, Severity};
use crate::plan::PlanSet;
use crate::plan::load::{self, CATALOG_FILE, PlanDir, SourceText};
use crate::plan::validate::validate;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The files to check: the plan directory, or the named files and directories. A catalog is
/// taken from beside the named files, else from the plan directory. A file that cannot be read
/// is a problem of its own and the others are still checked; `Err` only when there is nothing
/// to check at all (an unreadable plan directory).
fn gather(
    a: &ValidateArgs,
    dir: &PlanDir,
) -> Result<(Vec<SourceText>, Vec<Diagnostic>), Diagnostic> {
    if a.paths.is_empty() {
        return load::read_dir(dir);
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in &a.paths {
        if p.is_dir() {
            match load::read_dir(&PlanDir::Path(p.clone())) {
                Ok((f, d)) => {
                    files.extend(f);
                    problems.extend(d);
                }
                Err(d) => problems.push(d),
            }
        } else {
            match load::read_file(p) {
                Ok(f) => files.push(f),
                Err(d) => problems.push(d),
            }
        }
    }
    let has_catalog = |files: &[SourceText], problems: &[Diagnostic]| {
        files.iter().any(|f| f.name.ends_with(CATALOG_FILE))
            || problems.iter().any(|d| d.file.ends_with(CATALOG_FILE))
    };
    if !has_catalog(&files, &problems) {
        let beside = a.paths[0]
            .parent()
            .map(|d| d.join(CATALOG_FILE))
            .filter(|c| c.is_file());
        match beside {
            Some(c) => match load::read_file(&c) {
                Ok(f) => files.insert(0, f),
                Err(d) => problems.push(d),
            },
            None => {
                if let Ok((f, _)) = load::read_dir(dir)
                    && let Some(c) = f.into_iter().find(|f| f.name.ends_with(CATALOG_FILE))
                {
                    files.insert(0, c);
                }
            }
        }
    }
    files.dedup_by(|a, b| a.name == b.name);
    Ok((files, problems))
}

pub(crate) fn run(
    a: &ValidateArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (files, unread) = match gather(a, dir) {
        Ok(f) => f,
        Err(d) => {
            writeln!(err, "{d}")?;
            return Ok(Outcome::BadInput);
        }
    };
    for s in &a.sources {
        if !Path::new(s).is_dir() {
            writeln!(
                err,
                "{}: --sources {}: {}",
                crate::i18n::qyx_error(),
                s.display(),
                crate::tr!("不是目录", "not a directory")
            )?;
            return Ok(Outcome::BadInput);
        }
    }
    let sources: Vec<&Path> = a.sources.iter().map(PathBuf::as_path).collect();
    let n_files = files.len() + unread.len();
    let (set, mut diags) = PlanSet::from_sources(files, dir);
    // Without a catalog nothing could be checked: bad input (2), not findings, but every
    // problem and the summary are still printed.
    let no_catalog = set.is_none();
    if no_catalog
        && !diags
            .iter()
            .any(|d| d.file.ends_with(CATALOG_FILE) || d.message.contains(CATALOG_FILE))
    {
        diags.push(Diagnostic::error(
            &match dir {
                PlanDir::Builtin => "plans/".to_string(),
                PlanDir::Path(p) => p.display().to_string(),
            },
            0,
            0,
            crate::tr!(
                "找不到 {CATALOG_FILE}：没有指标目录无法检查计划",
                "no {CATALOG_FILE} found: plans cannot be checked without the catalog"
            ),
        ));
    }
    diags.extend(unread);
    let (n_plans, n_entries) = match &set {
        Some(set) => {
            diags.extend(validate(set, &sources));
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
            // Chinese has no plural: the English suffixes are captured by name, unused in Chinese.
            let (es, ws, fs, ps) = (
                plural(errors),
                plural(warnings),
                plural(n_files),
                plural(n_plans),
            );
            let summary = crate::tr!(
                "{errors} 个错误，{warnings} 个警告，共 {n_files} 个文件（{n_plans} 个计划，{n_entries} 个指标目录条目）",
                "{errors} error{es}, {warnings} warning{ws} in {n_files} file{fs} ({n_plans} plan{ps}, {n_entries} catalog entries)"
            );
            writeln!(out, "{summary}")?;
        }
        DiagFormat::Json => {
            let v = serde_json::json!({
                "diagnostics": diags,
                "summary": { "errors": errors, "warnings": warnings, "files": n_files, "plans": n_plans, "catalog_entries": n_entries },
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
    }
    Ok(if no_catalog {
        Outcome::BadInput
    } else if errors > 0 || (a.strict && warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
