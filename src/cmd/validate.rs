//! `qyx validate [PATH…]`: every problem in every plan, as `file:line:col: message`, then a
//! summary. Exit 0 clean (warnings allowed unless --strict), 1 problems found, 2 could not run.

use crate::Outcome;
use crate::cli::{DiagFormat, ValidateArgs};
use crate::diag::{Diagnostic, Severity};
use crate::plan::load::{self, CATALOG_FILE, Listed, PlanDir, SourceText};
use crate::plan::validate::Validator;
use crate::plan::{Catalog, CatalogIndex, Plan, PlanFile, PlanSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file to check: read already (a file named on the command line), or listed in a directory
/// and read when its turn comes, so that a directory's texts never all sit in memory at once.
enum Input {
    Text(SourceText),
    Listed(Listed),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Text(t) => t.name.clone(),
            Input::Listed(l) => l.name(),
        }
    }

    fn is_catalog(&self) -> bool {
        self.name().ends_with(CATALOG_FILE)
    }

    fn read(&self) -> Result<SourceText, Diagnostic> {
        match self {
            Input::Text(t) => Ok(t.clone()),
            Input::Listed(l) => l.read(),
        }
    }
}

/// A directory's files, listed, catalog first.
fn list(dir: &PlanDir) -> Result<Vec<Input>, Diagnostic> {
    Ok(load::list_dir(dir)?
        .into_iter()
        .map(Input::Listed)
        .collect())
}

/// The files to check: the plan directory, or the named files and directories. A catalog is
/// taken from beside the named files, else from the plan directory. A file that cannot be read
/// is a problem of its own and the others are still checked; `Err` only when there is nothing
/// to check at all (an unreadable plan directory).
fn gather(a: &ValidateArgs, dir: &PlanDir) -> Result<(Vec<Input>, Vec<Diagnostic>), Diagnostic> {
    if a.paths.is_empty() {
        return Ok((list(dir)?, Vec::new()));
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in &a.paths {
        if p.is_dir() {
            match list(&PlanDir::Path(p.clone())) {
                Ok(f) if f.is_empty() => problems.push(no_plans(p)),
                Ok(f) => files.extend(f),
                Err(d) => problems.push(d),
            }
        } else {
            match load::read_file(p) {
                Ok(f) => files.push(Input::Text(f)),
                Err(d) => problems.push(d),
            }
        }
    }
    let has_catalog = |files: &[Input], problems: &[Diagnostic]| {
        files.iter().any(Input::is_catalog)
            || problems.iter().any(|d| d.file.ends_with(CATALOG_FILE))
    };
    if !has_catalog(&files, &problems) {
        let beside = a.paths[0]
            .parent()
            .map(|d| d.join(CATALOG_FILE))
            .filter(|c| c.is_file());
        match beside {
            Some(c) => match load::read_file(&c) {
                Ok(f) => files.insert(0, Input::Text(f)),
                Err(d) => problems.push(d),
            },
            None => {
                let found = list(dir).ok().and_then(|l| {
                    l.into_iter()
                        .find(Input::is_catalog)
                        .and_then(|c| c.read().ok())
                });
                if let Some(c) = found {
                    files.insert(0, Input::Text(c));
                }
            }
        }
    }
    files.dedup_by(|a, b| a.name() == b.name());
    Ok((files, problems))
}

/// A folder given to `validate` with no plan file in it: nothing was checked, which is no pass.
fn no_plans(dir: &Path) -> Diagnostic {
    Diagnostic::error(
        &dir.display().to_string(),
        0,
        0,
        crate::tr!(
            "文件夹中没有计划文件（.yaml 或 .yml）: 没有可检查的内容",
            "no plan files (.yaml or .yml) in this folder: nothing was checked"
        ),
    )
}

/// Reads, parses and checks the files one plan at a time: the catalogs first (the last that
/// parses is the one plans are checked against, as when loading), then each plan in file order,
/// dropped once checked; rows that do not fit the schema are set aside first (see
/// [`set_aside_bad_items`]), their problems added to `set_aside`. Returns the problems, how many plans parsed and how many catalog
/// entries there are; `None` for the counts when no catalog parsed. Files that cannot be read
/// are problems of their own, added to `unread`.
fn check_files(
    files: &[Input],
    dir: &PlanDir,
    sources: &[&Path],
    unread: &mut Vec<Diagnostic>,
    set_aside: &mut Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Option<(usize, usize)>) {
    let mut diags = Vec::new();
    let mut catalog = None;
    let mut read = |f: &Input| f.read().map_err(|d| unread.push(d)).ok();
    for src in files
        .iter()
        .filter(|f| f.is_catalog())
        .filter_map(&mut read)
    {
        let mut src = src;
        set_aside_bad_items::<Catalog>(&mut src, set_aside);
        match load::parse_yaml::<Catalog>(&src) {
            Ok(c) => catalog = Some(CatalogIndex::new(src, c)),
            Err(d) => diags.push(d),
        }
    }
    let mut validator = catalog.as_ref().map(|c| Validator::new(c, sources));
    let mut plans = 0;
    let listed: Vec<&Input> = files.iter().filter(|f| !f.is_catalog()).collect();
    parse_in_order(&listed, &mut |parsed| {
        let Parsed {
            plan,
            set_aside: aside,
        } = parsed;
        set_aside.extend(aside);
        match plan {
            Err(Unparsed::Unread(d)) => unread.push(d),
            Err(Unparsed::Invalid(d)) => diags.push(d),
            Ok(p) => {
                plans += 1;
                if let Some(v) = &mut validator {
                    v.plan(&p);
                }
            }
        }
    });
    match (validator, &catalog) {
        (Some(v), Some(c)) => {
            diags.extend(v.diags);
            (diags, Some((plans, c.entries.len())))
        }
        _ => (PlanSet::no_catalog(dir, diags).1, None),
    }
}

/// One plan file read and parsed, with the rows set aside before parsing.
struct Parsed {
    plan: Result<PlanFile, Unparsed>,
    set_aside: Vec<Diagnostic>,
}

enum Unparsed {
    /// The file could not be read.
    Unread(Diagnostic),
    /// It is no plan (the YAML or its shape).
    Invalid(Diagnostic),
}

fn parse_one(f: &Input) -> Parsed {
    let mut set_aside = Vec::new();
    let plan = match f.read() {
        Err(d) => Err(Unparsed::Unread(d)),
        Ok(mut src) => {
            set_aside_bad_items::<Plan>(&mut src, &mut set_aside);
            match load::parse_yaml::<Plan>(&src) {
                Ok(plan) => Ok(PlanFile::new(src, plan)),
                Err(d) => Err(Unparsed::Invalid(d)),
            }
        }
    };
    Parsed { plan, set_aside }
}

/// Reads and parses the plan files on every core and hands each to `each` in file order, so
/// that the problems come out as a single thread would list them. Parsing the YAML is most of
/// validate's work; the checks that follow compare plans with each other (a plan id given
/// twice) and stay on this thread. Each worker parses every n-th file and waits until its last
/// one is taken, so at most two plans a worker are in memory at once.
fn parse_in_order(files: &[&Input], each: &mut dyn FnMut(Parsed)) {
    let workers = crate::par::workers(files.len());
    crate::par::in_order(files.len(), workers, &|i| parse_one(files[i]), &mut |p| {
        each(p);
        true
    });
}

pub(crate) fn run(
    a: &ValidateArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (files, mut unread) = match gather(a, dir) {
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
    let mut set_aside = Vec::new();
    let (mut diags, counts) = check_files(&files, dir, &sources, &mut unread, &mut set_aside);
    drop(files);
    // Without a catalog nothing could be checked: bad input (2), not findings, but every
    // problem and the summary are still printed.
    let no_catalog = counts.is_none();
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
    diags.extend(set_aside);
    let (n_plans, n_entries) = counts.unwrap_or((0, 0));
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
    // A path given that is not there (or is neither a file nor a folder) could not be
    // validated at all: bad input, as the README's exit codes say, not a finding in a plan.
    let missing = a.paths.iter().any(|p| {
        !p.is_file() && !p.is_dir()
            || p.is_dir() && list(&PlanDir::Path(p.clone())).is_ok_and(|l| l.is_empty())
    });
    Ok(if no_catalog || missing {
        Outcome::BadInput
    } else if errors > 0 || (a.strict && warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// How many rows of one file may be set aside before the rest is left to fail as a whole.
const MAX_SET_ASIDE: usize = 200;

/// Every row's schema problem, not only the first: a file whose `indicators` item does not fit
/// the schema (an unknown key, a wrong type) has that problem reported and the item set aside —
/// its lines blanked, so every other line keeps its number — and is read again, until it reads
/// or the problem lies outside the items (then it is left for the loader to report; an unknown
/// value of a fixed list there is replaced by an allowed one for the next read, so that the
/// problems after it are found, and put back after). The rows that fit are then checked for
/// their meaning as usual.
fn set_aside_bad_items<T: serde::de::DeserializeOwned>(
    file: &mut SourceText,
    diags: &mut Vec<Diagnostic>,
) {
    // Values outside the items replaced for the next read, each line as written kept to be put
    // back: `level: 县` and `kind: 实施方案` in one plan were said one a run (fix, run again).
    let mut replaced: Vec<(usize, String)> = Vec::new();
    for _ in 0..MAX_SET_ASIDE {
        let Err(d) = load::parse_yaml::<T>(file) else {
            break;
        };
        let Some((from, to)) = item_lines(&file.text, d.line) else {
            if let Some((k, with)) = replace_value(&file.text, &d) {
                // The first is said by the loader when the file is read as written.
                if !replaced.is_empty() {
                    diags.push(d);
                }
                let mut lines: Vec<String> = file.text.lines().map(str::to_string).collect();
                if let Some(l) = lines.get_mut(k) {
                    replaced.push((k, std::mem::replace(l, with)));
                }
                file.text = lines.join("\n");
                continue;
            }
            break;
        };
        let mut lines: Vec<String> = file.text.lines().map(str::to_string).collect();
        more_in_item::<T>(file, &lines, (from, to), d, diags);
        for l in &mut lines[from..to] {
            l.clear();
        }
        // A list whose every item was set aside is an empty list, not a missing one.
        let left = lines.iter().any(|l| l.trim_start().starts_with("- "));
        if !left && let Some(k) = lines.iter().position(|l| l.trim_end() == "indicators:") {
            lines[k] = "indicators: []".to_string();
        }
        file.text = lines.join("\n");
    }
    if !replaced.is_empty() {
        let mut lines: Vec<String> = file.text.lines().map(str::to_string).collect();
        for (k, line) in replaced {
            if let Some(l) = lines.get_mut(k) {
                *l = line;
            }
        }
        file.text = lines.join("\n");
    }
}

/// For an unknown value of a fixed list outside the items (`level: 县`, `kind: 实施方案`): the
/// 0-based line and the line with the value replaced by one the list allows, so that
/// the file reads on to its next problem.
fn replace_value(text: &str, d: &Diagnostic) -> Option<(usize, String)> {
    let allowed = load::allowed_value(&d.message)?;
    let k = usize::try_from(d.line).ok()?.checked_sub(1)?;
    let line = text.lines().nth(k)?;
    let at = line
        .char_indices()
        .nth(usize::try_from(d.column).ok()?.checked_sub(1)?)?
        .0;
    let rest = &line[at..];
    let len = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].find(q)? + 2,
        _ => rest.find([',', '}', ']', '#']).unwrap_or(rest.len()),
    };
    let value = rest[..len].trim_end();
    if value.is_empty() {
        return None;
    }
    let with = format!("{}{allowed}{}", &line[..at], &rest[value.len()..]);
    Some((k, with))
}

/// The problem `d` of the item at lines `from..to`, then every other one the same item has
/// (`uint:` and `traget:` in one row): while the problem is a key on a line of its own, that
/// key's block is blanked in a copy and the file read again, at most a few times an item.
fn more_in_item<T: serde::de::DeserializeOwned>(
    file: &SourceText,
    lines: &[String],
    (from, to): (usize, usize),
    mut d: Diagnostic,
    diags: &mut Vec<Diagnostic>,
) {
    let mut probe = lines.to_vec();
    for _ in 0..16 {
        let Some(k) = usize::try_from(d.line).ok().and_then(|l| l.checked_sub(1)) else {
            break;
        };
        let indent = |l: &str| l.len() - l.trim_start().len();
        // Only a key that starts its line (not the item's `- ` line, not one inside `{ … }`).
        let key_line = probe.get(k).filter(|l| {
            !l.trim_start().starts_with('-')
                && l[..indent(l)].chars().count() as u64 + 1 == d.column
        });
        let Some(key_line) = key_line else { break };
        let own = indent(key_line);
        let end = (k + 1..to)
            .find(|&i| {
                let l = &probe[i];
                !l.trim().is_empty() && indent(l) <= own
            })
            .unwrap_or(to);
        diags.push(d);
        for l in &mut probe[k..end] {
            l.clear();
        }
        let again = SourceText {
            name: file.name.clone(),
            text: probe.join("\n"),
        };
        match load::parse_yaml::<T>(&again) {
            // A field now missing is the blanked key's doing (`beter:` blanked leaves no
            // `better:`), not another problem of the row: it would blank the row line by line.
            Err(next)
                if (from as u64..to as u64).contains(&(next.line.saturating_sub(1)))
                    && !next.message.contains("missing field")
                    && !next.message.contains("缺少字段") =>
            {
                d = next;
            }
            _ => return,
        }
    }
    diags.push(d);
}

/// The lines (0-based, end exclusive) of the top-level `indicators:` item that holds `line`
/// (1-based), if it is inside one.
fn item_lines(text: &str, line: u64) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let target = usize::try_from(line).ok()?.checked_sub(1)?;
    let start = lines
        .iter()
        .position(|l| l.trim_end() == "indicators:" || l.starts_with("indicators: "))?;
    if target <= start {
        return None;
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    // The items' own indentation: that of the first `- ` after the key.
    let item_indent = lines[start + 1..]
        .iter()
        .find(|l| l.trim_start().starts_with("- "))
        .map(|l| indent(l))?;
    let is_item = |l: &str| indent(l) == item_indent && l.trim_start().starts_with("- ");
    // A line with content left of the items, or level with them but not an item, ends the list.
    let ends_list = |l: &str| {
        let t = l.trim_start();
        !t.is_empty()
            && !t.starts_with('#')
            && (indent(l) < item_indent || (indent(l) == item_indent && !t.starts_with('-')))
    };
    let mut item_start = None;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if ends_list(l) {
            if i <= target {
                return None;
            }
            break;
        }
        if is_item(l) {
            if i > target {
                return item_start.map(|s| (s, i));
            }
            item_start = Some(i);
        }
    }
    let end = lines[start + 1..]
        .iter()
        .position(|l| ends_list(l))
        .map_or(lines.len(), |k| start + 1 + k);
    item_start.filter(|_| target < end).map(|s| (s, end))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::item_lines;

    #[test]
    fn plans_parsed_on_several_threads_come_out_in_file_order_and_in_the_runs_language() {
        use super::{Input, Parsed, Unparsed, parse_in_order};
        use crate::plan::load::SourceText;
        let inputs: Vec<Input> = (0..23)
            .map(|i| {
                Input::Text(SourceText {
                    name: format!("p{i:02}.yaml"),
                    // Every other file no plan at all, the rest a plan missing its fields.
                    text: if i % 2 == 0 {
                        "[".into()
                    } else {
                        "jurisdiction: {}\n".into()
                    },
                })
            })
            .collect();
        let refs: Vec<&Input> = inputs.iter().collect();
        crate::i18n::set(crate::cli::Lang::Zh);
        let mut seen = Vec::new();
        parse_in_order(&refs, &mut |p: Parsed| match p.plan {
            Err(Unparsed::Invalid(d)) => seen.push((d.file.clone(), d.message.clone())),
            _ => panic!("every file here is invalid"),
        });
        crate::i18n::set(crate::cli::Lang::En);
        let files: Vec<&str> = seen.iter().map(|(f, _)| f.as_str()).collect();
        let expected: Vec<String> = (0..23).map(|i| format!("p{i:02}.yaml")).collect();
        assert_eq!(files, expected);
        // Messages made on the workers speak Chinese, as the run does (`缺少字段 `id``).
        for (f, m) in seen.iter().skip(1).step_by(2) {
            assert!(m.contains("缺少字段"), "{f}: {m}");
        }
    }

    #[test]
    fn the_item_around_a_line() {
        let text = "baseline_year: 2022\nindicators:\n  - id: a\n    unti: x\n\n  # b\n  - id: b\n    targets:\n      - { year: 2027, cel: \"1\" }\ntodo: [x]\n";
        assert_eq!(item_lines(text, 1), None);
        assert_eq!(item_lines(text, 2), None);
        assert_eq!(item_lines(text, 4), Some((2, 6)));
        assert_eq!(item_lines(text, 9), Some((6, 9)));
        assert_eq!(item_lines(text, 10), None);
        assert_eq!(item_lines(text, 0), None);
        assert_eq!(item_lines("indicators: []\n", 1), None);
    }
}
