//! Finding and reading plan files: from `--plans DIR`, `QYX_PLANS`, explicit paths, or the plans
//! built into the binary. The one place that knows the YAML crate, so that a change of crate
//! touches one file.

use crate::diag::Diagnostic;
use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/plans");

/// Where plans come from.
#[derive(Debug, Clone)]
pub enum PlanDir {
    /// The plans shipped in `plans/`, built into the binary.
    Builtin,
    Path(PathBuf),
}

impl PlanDir {
    /// `--plans DIR`, else `QYX_PLANS`, else the built-in plans.
    pub fn choose(flag: Option<PathBuf>) -> PlanDir {
        match flag.or_else(|| std::env::var_os("QYX_PLANS").map(PathBuf::from)) {
            Some(p) => PlanDir::Path(p),
            None => PlanDir::Builtin,
        }
    }
}

/// A file's name as shown in messages, and its text.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

pub const CATALOG_FILE: &str = "catalog.yaml";

fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// Every YAML file of a plan directory, sorted by name, the catalog first.
pub fn read_dir(dir: &PlanDir) -> Result<Vec<SourceText>, Diagnostic> {
    let mut files = match dir {
        PlanDir::Builtin => BUILTIN
            .files()
            .filter(|f| is_yaml(f.path()))
            .map(|f| SourceText {
                name: format!("plans/{}", f.path().display()),
                text: f.contents_utf8().unwrap_or_default().to_string(),
            })
            .collect::<Vec<_>>(),
        PlanDir::Path(p) => {
            let entries = std::fs::read_dir(p).map_err(|e| {
                Diagnostic::error(
                    &p.display().to_string(),
                    0,
                    0,
                    format!("cannot read plan directory: {e}"),
                )
            })?;
            let mut out = Vec::new();
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| is_yaml(p))
                .collect();
            paths.sort();
            for path in paths {
                out.push(read_file(&path)?);
            }
            out
        }
    };
    files.sort_by_key(|f| (!f.name.ends_with(CATALOG_FILE), f.name.clone()));
    Ok(files)
}

/// Reads one file as UTF-8 text.
pub fn read_file(path: &Path) -> Result<SourceText, Diagnostic> {
    let name = path.display().to_string();
    // A plan is a few hundred rows; anything this large is the wrong file, not a plan.
    const MAX_BYTES: u64 = 16 * 1024 * 1024;
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        return Err(Diagnostic::error(
            &name,
            0,
            0,
            format!("larger than {} MiB: not a plan file", MAX_BYTES >> 20),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(&name, 0, 0, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&String::from_utf8_lossy(
            &e.as_bytes()[..e.utf8_error().valid_up_to()],
        ));
        Diagnostic::error(&name, line, col, "not UTF-8 text: plan files are UTF-8")
    })?;
    Ok(SourceText { name, text })
}

/// The 1-based line and column just after `prefix`.
fn line_col(prefix: &str) -> (u64, u64) {
    let line = prefix.matches('\n').count() as u64 + 1;
    let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, col)
}

/// Deserialises a YAML file, rejecting duplicate keys and unknown fields, with the error's line
/// and column.
pub fn parse_yaml<T: DeserializeOwned>(src: &SourceText) -> Result<T, Diagnostic> {
    let text = src.text.strip_prefix('\u{feff}').unwrap_or(&src.text);
    serde_saphyr::from_str::<T>(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = e.without_snippet().to_string();
        // The crate appends its own position; ours is in front already.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .trim()
            .to_string();
        Diagnostic::error(&src.name, line, column, explain(&message))
    })
}

/// Rewords the YAML crate's messages for people who edit plans: a duplicate key loses data,
/// and an unknown field gets a "did you mean".
fn explain(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return format!("duplicate key `{key}`: the second value would silently replace the first");
    }
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once("`, expected one of ")
    {
        let options: Vec<&str> = expected.split(", ").map(|o| o.trim_matches('`')).collect();
        let hint = crate::diag::suggestion(field, options.iter().copied());
        return format!(
            "unknown field `{field}`{hint}; expected one of {}",
            options.join(", ")
        );
    }
    message.to_string()
}
