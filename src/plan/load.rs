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

/// A plan file by its name: `.yaml` or `.yml`, but not the lock file Office and WPS keep beside a
/// file they have open (`~$zhuji.yaml`) nor an editor's hidden file (`.zhuji.yaml`).
fn is_yaml(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    !name.starts_with("~$")
        && !name.starts_with('.')
        && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// A plan directory's file, listed but not read yet: a directory of thousands of plans is read
/// one file at a time, so that its texts never all sit in memory at once.
#[derive(Debug, Clone)]
pub enum Listed {
    Builtin(&'static include_dir::File<'static>),
    Path(PathBuf),
}

impl Listed {
    /// The file's name as messages show it.
    pub fn name(&self) -> String {
        match self {
            Listed::Builtin(f) => format!("plans/{}", f.path().display()),
            Listed::Path(p) => p.display().to_string(),
        }
    }

    pub fn is_catalog(&self) -> bool {
        self.name().ends_with(CATALOG_FILE)
    }

    pub fn read(&self) -> Result<SourceText, Diagnostic> {
        match self {
            Listed::Builtin(f) => Ok(SourceText {
                name: self.name(),
                text: f.contents_utf8().unwrap_or_default().to_string(),
            }),
            Listed::Path(p) => read_file(p),
        }
    }
}

/// A plan directory that cannot be listed: a file given where the folder belongs (`--plans
/// plans/zhuji.yaml`) says which folder is meant; a folder not there gets a near name.
fn unreadable_dir(p: &Path, e: &std::io::Error) -> Diagnostic {
    let mut m = if p.is_file() {
        let folder = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        crate::tr!(
            "这是文件，不是计划目录: --plans 指的是放 catalog.yaml 和各计划文件的文件夹，如 --plans {}",
            "a file, not a plan directory: --plans names the folder holding catalog.yaml and the plan files, as --plans {}",
            folder.display()
        )
    } else {
        crate::tr!(
            "无法读取计划目录: {}",
            "cannot read plan directory: {}",
            crate::i18n::io_error(e)
        )
    };
    if e.kind() == std::io::ErrorKind::NotFound {
        m.push_str(&crate::diag::near_file(p));
    }
    Diagnostic::error(&p.display().to_string(), 0, 0, m)
}

/// Every YAML file of a plan directory, sorted by name, the catalog first. `Err` only when the
/// directory itself cannot be read.
pub fn list_dir(dir: &PlanDir) -> Result<Vec<Listed>, Diagnostic> {
    let mut files: Vec<Listed> = match dir {
        PlanDir::Builtin => BUILTIN
            .files()
            .filter(|f| is_yaml(f.path()))
            .map(Listed::Builtin)
            .collect(),
        PlanDir::Path(p) => {
            let entries = std::fs::read_dir(p).map_err(|e| unreadable_dir(p, &e))?;
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| is_yaml(p))
                .map(Listed::Path)
                .collect()
        }
    };
    files.sort_by_cached_key(|f| (!f.is_catalog(), f.name()));
    Ok(files)
}

/// Every YAML file of a plan directory, sorted by name, the catalog first, and a problem for
/// each file that could not be read (it costs that file only). `Err` only when the directory
/// itself cannot be read.
#[cfg(test)]
pub fn read_dir(dir: &PlanDir) -> Result<(Vec<SourceText>, Vec<Diagnostic>), Diagnostic> {
    let mut problems = Vec::new();
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
            let entries = std::fs::read_dir(p).map_err(|e| unreadable_dir(p, &e))?;
            let mut out = Vec::new();
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| is_yaml(p))
                .collect();
            paths.sort();
            for path in paths {
                match read_file(&path) {
                    Ok(f) => out.push(f),
                    Err(d) => problems.push(d),
                }
            }
            out
        }
    };
    files.sort_by_key(|f| (!f.name.ends_with(CATALOG_FILE), f.name.clone()));
    Ok((files, problems))
}

/// The largest source document read with `--sources`: the five plans are under 200 KB.
pub const MAX_SOURCE_BYTES: u64 = 16 * 1024 * 1024;

/// The path of a plan's `document.source` inside `dir`, which it may not leave: no absolute
/// path, no `..`, and no link that resolves outside. A plan file is not trusted to name files.
pub fn source_path(dir: &Path, source: &str) -> Result<PathBuf, String> {
    use std::path::Component;
    let rel = Path::new(source);
    if rel
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(crate::tr!(
            "`{}` 不在 --sources 目录内：document.source 应是该目录中的文件名",
            "`{}` is outside the --sources directory: document.source names a file in it",
            crate::diag::echo(source)
        ));
    }
    let path = dir.join(rel);
    if let (Ok(real), Ok(root)) = (path.canonicalize(), dir.canonicalize())
        && !real.starts_with(&root)
    {
        return Err(crate::tr!(
            "`{}` 链接到 --sources 目录之外",
            "`{}` links outside the --sources directory",
            crate::diag::echo(source)
        ));
    }
    Ok(path)
}

/// The source document from the first of `dirs` that has it (`--sources` repeated: searched in
/// order); the first directory's error when none does.
pub(crate) fn read_source_in(dirs: &[&Path], source: &str) -> Result<Vec<u8>, String> {
    let first = dirs.first().map(|d| read_source(d, source));
    match first {
        Some(Ok(b)) => Ok(b),
        Some(Err(e)) => dirs[1..]
            .iter()
            .find_map(|d| read_source(d, source).ok())
            .ok_or(e),
        None => Err(crate::tr!("没有原文件目录", "no source directory")),
    }
}

/// Reads a source document found by [`source_path`], at most [`MAX_SOURCE_BYTES`].
pub fn read_source(dir: &Path, source: &str) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let path = source_path(dir, source)?;
    if let Some(m) = crate::diag::not_a_file(&path) {
        return Err(format!("{}: {m}", path.display()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{}: {}", path.display(), crate::i18n::io_error(&e)))?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(crate::tr!(
            "{}：超过 {} MiB，不是规划文件",
            "{}: larger than {} MiB, not a plan document",
            path.display(),
            MAX_SOURCE_BYTES >> 20
        ));
    }
    Ok(bytes)
}

/// Reads one file as UTF-8 text.
pub fn read_file(path: &Path) -> Result<SourceText, Diagnostic> {
    let name = path.display().to_string();
    if let Some(m) = crate::diag::not_a_file(path) {
        return Err(Diagnostic::error(&name, 0, 0, m));
    }
    // A plan is a few hundred rows; anything this large is the wrong file, not a plan.
    const MAX_BYTES: u64 = 16 * 1024 * 1024;
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        return Err(Diagnostic::error(
            &name,
            0,
            0,
            crate::tr!(
                "大于 {} MiB，不是计划文件",
                "larger than {} MiB: not a plan file",
                MAX_BYTES >> 20
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|err| {
        let e = crate::i18n::io_error(&err);
        let near = match err.kind() {
            std::io::ErrorKind::NotFound => crate::diag::near_file(path),
            _ => String::new(),
        };
        Diagnostic::error(
            &name,
            0,
            0,
            crate::tr!("无法读取: {e}{near}", "cannot read: {e}{near}"),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&String::from_utf8_lossy(
            &e.as_bytes()[..e.utf8_error().valid_up_to()],
        ));
        Diagnostic::error(
            &name,
            line,
            col,
            // A plan saved by Notepad or WPS on a Chinese Windows machine is GBK: say so.
            if encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(e.as_bytes())
                .is_some()
            {
                crate::tr!(
                    "不是 UTF-8 文本，看来是 GBK/GB18030 编码: 计划文件须为 UTF-8，请在编辑器中另存为 UTF-8",
                    "not UTF-8 text; it reads as GBK/GB18030: plan files are UTF-8, save it as UTF-8 in your editor"
                )
            } else {
                crate::tr!(
                    "不是 UTF-8 文本: 计划文件须为 UTF-8",
                    "not UTF-8 text: plan files are UTF-8"
                )
            },
        )
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
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::error(
            &src.name,
            1,
            1,
            crate::tr!(
                "空文件（或只有注释）: 计划文件以 `jurisdiction:` 开头，指标目录以 `indicators:` 开头",
                "empty file (or only comments): a plan starts with `jurisdiction:`, the catalog with `indicators:`"
            ),
        ));
    }
    if let Some((line, column, tag)) = find_tag(text) {
        return Err(Diagnostic::error(
            &src.name,
            line,
            column,
            crate::tr!(
                "不支持 YAML 标签 `{}`：计划文件只含文字、数字和列表，去掉该标签",
                "YAML tag `{}` is not allowed: a plan holds plain text, numbers and lists; remove the tag",
                crate::diag::echo(tag)
            ),
        ));
    }
    // Backstop for the scanner: the crate refuses tags it does not know, on values and keys.
    let options = serde_saphyr::options! {
        reject_unsupported_tags: true,
        reject_tagged_field_names: true,
    };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = e.without_snippet().to_string();
        // The crate appends its own position; ours is in front already.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .trim()
            .to_string();
        let (column, said) = match ime_slip(text, line) {
            Some((at, said)) => (at, said),
            None => (column, explain(&message)),
        };
        let mut d = Diagnostic::error(&src.name, line, column, said);
        if message.trim().starts_with("expected mapping")
            && let Some(shape) = shape_of(text, line)
        {
            d.message.push_str(&shape);
        }
        if line <= 1 && looks_like_csv(text) {
            d.message.push_str(&crate::tr!(
                "（这像是 CSV 表格（实际值？），不是计划文件: 实际值请用 qyx check 检查）",
                " (this looks like a CSV table (actuals?), not a plan: check actuals with `qyx check`)"
            ));
        }
        d
    })
}

/// Whether a file that does not parse as a plan reads as a table: its first line holds two or
/// more commas (or tabs) and no `key:`.
fn looks_like_csv(text: &str) -> bool {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .unwrap_or_default();
    !first.contains(": ")
        && !first.trim_end().ends_with(':')
        && (first.matches(',').count() >= 2 || first.matches('\t').count() >= 2)
}

/// The first YAML tag (`!!binary`, `!custom`) in `text`: (line, column, tag). A plain YAML
/// scalar never starts with `!`, so a `!` where a node starts is a tag; quoted strings,
/// comments and block scalars (`|`, `>`) are skipped.
pub(crate) fn find_tag(text: &str) -> Option<(u64, u64, &str)> {
    let mut block: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        if let Some(b) = block {
            if line.trim().is_empty() || indent > b {
                continue;
            }
            block = None;
        }
        let mut start = true;
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        let mut last_significant = ' ';
        for (j, c) in line.char_indices() {
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                prev = c;
                continue;
            }
            match c {
                '#' if prev == ' ' || j == 0 => break,
                '!' if start => {
                    let tag = line[j..].split([' ', ',', ']', '}']).next().unwrap_or("!");
                    let column = line[..j].chars().count() as u64 + 1;
                    return Some((i as u64 + 1, column, tag));
                }
                ' ' | '\t' => {
                    if prev == ':' || prev == '-' || prev == '?' {
                        start = true;
                    }
                }
                '[' | '{' | ',' => start = true,
                '"' | '\'' if start => {
                    quote = Some(c);
                    start = false;
                }
                _ => start = false,
            }
            if c != ' ' && c != '\t' {
                last_significant = c;
            }
            prev = c;
        }
        let body = line.split(" #").next().unwrap_or(line).trim_end();
        let indicator = body.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
        if matches!(last_significant, '|' | '>' | '-' | '+' | '0'..='9')
            && (indicator.ends_with(": |")
                || indicator.ends_with(": >")
                || indicator.ends_with("- |")
                || indicator.ends_with("- >")
                || indicator == "|"
                || indicator == ">")
        {
            block = Some(indent);
        }
    }
    None
}

/// The first value a fixed list allows, from the message [`explain`] gives an unknown one
/// ("unknown value `县`…; expected one of province, city, …"), in either language.
pub(crate) fn allowed_value(message: &str) -> Option<&str> {
    let (_, options) = message
        .split_once("; expected one of ")
        .filter(|_| message.starts_with("unknown value `"))
        .or_else(|| {
            message
                .split_once("；应为以下之一: ")
                .filter(|_| message.starts_with("未知取值 `"))
        })?;
    options.split(", ").next().filter(|o| !o.is_empty())
}

/// Rewords the YAML crate's messages for people who edit plans: a duplicate key loses data,
/// and an unknown field gets a "did you mean". serde's other messages keep their wording in
/// English; in Chinese their frame is translated and the names they quote kept.
fn explain(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return crate::tr!(
            "重复的键 `{key}`: 第二个值会悄悄覆盖第一个",
            "duplicate key `{key}`: the second value would silently replace the first"
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once("`, expected one of ")
    {
        let options: Vec<&str> = expected.split(", ").map(|o| o.trim_matches('`')).collect();
        let hint = crate::diag::suggestion(field, options.iter().copied());
        let options = options.join(", ");
        return crate::tr!(
            "未知字段 `{field}`{hint}；应为以下之一: {options}",
            "unknown field `{field}`{hint}; expected one of {options}"
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((value, expected)) = rest.split_once("`, expected ")
    {
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        let options: Vec<&str> = expected.split(", ").map(|o| o.trim_matches('`')).collect();
        let hint = match crate::diag::meant(value, options.iter().copied()) {
            Some(en) => crate::diag::hint(Some(en)),
            None => crate::diag::suggestion(value, options.iter().copied()),
        };
        let options = options.join(", ");
        let value = crate::diag::echo(value);
        return crate::tr!(
            "未知取值 `{value}`{hint}；应为以下之一: {options}",
            "unknown value `{value}`{hint}; expected one of {options}"
        );
    }
    if let Some(said) = structure(message).or_else(|| syntax(message)) {
        return said;
    }
    // The scanner's and the number readers' words, said as what to do.
    if message.contains("tabs disallowed") {
        return crate::tr!(
            "缩进里有制表符（Tab）: YAML 只能用空格缩进；把 Tab 换成空格",
            "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces"
        );
    }
    if let Some(kind) = message.strip_prefix("invalid ")
        && matches!(
            kind.trim(),
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64"
        )
    {
        return crate::tr!(
            "应为整数（年份写成 2024 这样）",
            "expected a whole number (a year as 2024)"
        );
    }
    if crate::i18n::current() == crate::i18n::Lang::Zh {
        return serde_in_chinese(message);
    }
    message.to_string()
}

/// A Chinese input method's punctuation where YAML's syntax needs ASCII, on the line the parser
/// stopped at: a full-width colon after a key (`name：测试县`), a full-width comma inside
/// `{ … }` or `[ … ]`. The parser's own words (`simple key expected ':'`, "expected a whole
/// number") name neither; the character's column and what to type instead do.
fn ime_slip(text: &str, line: u64) -> Option<(u64, String)> {
    let l = text
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let code = l.split(" #").next().unwrap_or(l);
    let column = |at: usize| code[..at].chars().count() as u64 + 1;
    // A key ends at its first colon: a full-width one before any ASCII `: `.
    if let Some(at) = code.find('：')
        && code.find(':').is_none_or(|ascii| at < ascii)
        && !code.trim_start().starts_with(['"', '\''])
    {
        return Some((
            column(at),
            crate::tr!(
                "键后是中文输入法的全角冒号 `：`: YAML 的键后要用半角冒号加空格 `: `，请改为半角",
                "a full-width colon `：` (a Chinese input method's) after the key: YAML needs `: ` (ASCII colon and a space); retype it"
            ),
        ));
    }
    if code.contains(['{', '['])
        && let Some(at) = code.find('，')
    {
        return Some((
            column(at),
            crate::tr!(
                "`{{ … }}` 或 `[ … ]` 中是中文输入法的全角逗号 `，`: 各项之间要用半角逗号 `,`，请改为半角",
                "a full-width comma `，` (a Chinese input method's) inside `{{ … }}` or `[ … ]`: items are separated by `,` (ASCII); retype it"
            ),
        ));
    }
    None
}

/// For a single value where a key's `{ … }` belongs (`period: 2023-2027`), the form the key
/// takes, with the years the value names: " (write it as `period: { start: 2023, end: 2027 }`)".
fn shape_of(text: &str, line: u64) -> Option<String> {
    let l = text
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let (key, value) = l.trim().trim_start_matches("- ").split_once(':')?;
    let years: Vec<&str> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|y| y.len() == 4)
        .collect();
    let year = |i: usize, or: &'static str| years.get(i).copied().unwrap_or(or);
    let form = match key.trim() {
        "period" => format!("{{ start: {}, end: {} }}", year(0, "2023"), year(1, "2027")),
        "baseline" => format!("{{ year: {}, cell: \"…\" }}", year(0, "2022")),
        "target" | "targets" => format!("- {{ year: {}, cell: \"…\" }}", year(0, "2025")),
        _ => return None,
    };
    let key = key.trim();
    Some(crate::tr!(
        "（应写成 `{key}: {form}`）",
        " (write it as `{key}: {form}`)"
    ))
}

/// The YAML scanner's own messages said as what to do, in the user's language: a piece of its
/// message, and what to say instead (Chinese, English).
const SYNTAX: &[(&str, &str, &str)] = &[
    (
        "BOM must not appear",
        "文件中间有不可见的字节顺序标记 BOM（U+FEFF，多半是从另一个文件粘贴来的）: 编辑器里看不见，请删除该位置的字符或重打这一行",
        "an invisible byte-order mark (U+FEFF, pasted in from another file?) inside the file: editors show nothing there; delete the character or retype the line",
    ),
    (
        "mapping values are not allowed",
        "值中又出现 `: `（YAML 把 `键: 值: 更多` 读成嵌套）: 把整个值放进引号，如 `issuer: \"…: …\"`",
        "a second `: ` inside a value (YAML reads `key: value: more` as nesting): put the whole value in quotes, as `issuer: \"…: …\"`",
    ),
    (
        "unclosed quote",
        "此处开始的引号没有闭合: 在值的末尾补上同样的引号（`\"` 或 `'`）",
        "the quote opened here is never closed: end the value with the same quote (`\"` or `'`)",
    ),
    (
        "trailing content after",
        "引号闭合后同一行还有文字: 把整个值放进一对引号里（上文是否有未闭合的引号？）",
        "text after the closing quote on the same line: put the whole value inside one pair of quotes (is a quote above left open?)",
    ),
    (
        "did not find expected '-' indicator",
        "此处应为列表项: 每项以 `- `（短横线加空格）开头，且与上一项对齐",
        "expected a list item here: each item starts with `- ` (a dash and a space), aligned with the item above",
    ),
    (
        "did not find expected key",
        "此处应为 `键: 值`（键后是半角冒号加空格）: 检查冒号和缩进",
        "expected `key: value` here (the key followed by `: `, an ASCII colon and a space): check the colon and the indentation",
    ),
    (
        "simple key expected",
        "此处应为 `键: 值`（键后是半角冒号加空格）: 检查冒号和缩进",
        "expected `key: value` here (the key followed by `: `, an ASCII colon and a space): check the colon and the indentation",
    ),
];

fn syntax(m: &str) -> Option<String> {
    SYNTAX
        .iter()
        .find(|(piece, ..)| m.contains(piece))
        .map(|(_, zh, en)| crate::i18n::pick(zh, en).to_string())
}

/// The parser's words for a file whose shape is wrong (a list where keys belong, nesting or
/// aliases past the budget, a second document, a control character), said as what the file
/// should hold: its own words name its API (`use from_str_multiple`) or its internals
/// (`budget breached: ScalarBytes { … }`), which tell an editor of plans nothing.
fn structure(message: &str) -> Option<String> {
    let m = message.trim();
    if m == "unexpected end of input" {
        return Some(crate::tr!(
            "文件在此处结束，缺少应有的内容: 文件是否被截断？",
            "the file ends here, before what should follow: is it cut off?"
        ));
    }
    if m.starts_with("multiple YAML documents") {
        return Some(crate::tr!(
            "此处 `---` 开始了第二个 YAML 文档: 一个计划文件只写一个计划；删去 `---` 或把它拆成两个文件",
            "a second YAML document starts here (`---`): a plan file holds one plan; remove the `---` or split the file"
        ));
    }
    if let Some(what) = m.strip_prefix("expected ") {
        let what = what.trim();
        if what.starts_with("mapping") {
            return Some(crate::tr!(
                "此处应为 `键: 值` 的映射（如 `jurisdiction:` 下的各行），却是列表或单个值",
                "expected `key: value` lines here (as under `jurisdiction:`), found a list or a single value"
            ));
        }
        if what.starts_with("sequence") {
            return Some(crate::tr!(
                "此处应为列表（每项以 `- ` 开头），却是空值或单个值",
                "expected a list here (each item starting with `- `), found nothing or a single value"
            ));
        }
        if what.contains("scalar") {
            return Some(crate::tr!(
                "此处应为单个值（文字或数字），却是列表或映射",
                "expected a single value (text or a number) here, found a list or a mapping"
            ));
        }
    }
    if m.contains("recursion limit") || m.contains("Depth") {
        return Some(crate::tr!(
            "列表或映射嵌套过深（`[[[…`）: 计划只有几层嵌套，请检查括号",
            "lists or mappings nested too deep (`[[[…`): a plan nests a few levels only; check the brackets"
        ));
    }
    if m.starts_with("budget breached") || m.starts_with("alias ") {
        if m.contains("unknown anchor") {
            return Some(crate::tr!(
                "别名 `*…` 指向的锚点 `&…` 在上文中没有定义",
                "the alias `*…` refers to no anchor `&…` defined above it"
            ));
        }
        return Some(crate::tr!(
            "YAML 别名（`*名称`）在此处展开后远超一个计划应有的大小: 请直接写出取值，不要反复引用别名",
            "the YAML aliases (`*name`) here expand far beyond what a plan holds: write the values out instead of repeating an alias"
        ));
    }
    if m.starts_with("unexpected character") {
        let c = m
            .split(['`', '\''])
            .nth(1)
            .unwrap_or_default()
            .trim_start_matches("\\u{")
            .trim_end_matches('}');
        if let Some(code) = u32::from_str_radix(c, 16)
            .ok()
            .filter(|&c| c < 0x20 || c == 0x7f)
        {
            return Some(crate::tr!(
                "文本中有控制字符 U+{code:04X}: 文件已损坏或不是文本文件；删除该字符",
                "a control character U+{code:04X} in the text: the file is damaged or not a text file; delete the character"
            ));
        }
    }
    None
}

/// serde's standard messages with their frame in Chinese; the YAML scanner's others framed as
/// what they are.
fn serde_in_chinese(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("缺少字段 {rest}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ")
        && let Some((v, expected)) = rest.split_once(", expected ")
    {
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        return format!("未知取值 {v}，应为: {expected}");
    }
    for (prefix, zh) in [
        ("invalid type: ", "类型不对: "),
        ("invalid value: ", "值无效: "),
        ("invalid length ", "长度不对: "),
    ] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((got, expected)) = rest.split_once(", expected ")
        {
            return format!("{zh}{got}，应为 {expected}");
        }
    }
    if message.starts_with(char::is_lowercase) && !message.contains('`') {
        return format!("YAML 语法错误（{message}）: 检查此处的冒号、缩进和引号");
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::{find_tag, ime_slip, shape_of};

    #[test]
    fn a_single_value_where_a_form_belongs_gets_the_form() {
        let said = shape_of("a: 1\nperiod: 2023—2027年\n", 2).unwrap();
        assert!(
            said.contains("`period: { start: 2023, end: 2027 }`"),
            "{said}"
        );
        assert!(shape_of("title: x\n", 1).is_none());
    }

    #[test]
    fn input_method_punctuation_is_found_where_syntax_needs_ascii() {
        let cases: &[(&str, Option<(u64, &str)>)] = &[
            ("a: 1\n  name：测试县\n", Some((7, "full-width colon"))),
            (
                "period: { start: 2023， end: 2027 }\n",
                Some((22, "full-width comma")),
            ),
            ("columns: [2022，2025]\n", Some((15, "full-width comma"))),
            // In a value, or quoted, they are text.
            ("title: 附件：指标表\n", None),
            ("note: 一，二\n", None),
            ("\"a：b\": 1\n", None),
        ];
        for (text, want) in cases {
            let line = if text.starts_with("a: 1") { 2 } else { 1 };
            let got = ime_slip(text, line);
            match want {
                Some((col, says)) => {
                    let (c, m) = got.unwrap_or_else(|| panic!("{text}: nothing found"));
                    assert_eq!(c, *col, "{text}");
                    assert!(m.contains(says), "{text}: {m}");
                }
                None => assert!(got.is_none(), "{text}: {got:?}"),
            }
        }
    }

    #[test]
    fn finds_tags_where_nodes_start() {
        assert_eq!(find_tag("a: !!binary 5Y+z\n"), Some((1, 4, "!!binary")));
        assert_eq!(find_tag("x:\n  - !custom v\n"), Some((2, 5, "!custom")));
        assert_eq!(find_tag("k: [1, !t 2]\n"), Some((1, 8, "!t")));
        assert_eq!(find_tag("!!map\na: 1\n"), Some((1, 1, "!!map")));
        for clean in [
            "a: \"!quoted\"\n",
            "a: '!x'\n",
            "a: b!c\n",
            "a: 1 # !comment\n",
            "text: |\n  !not a tag\n  more\nb: 1\n",
            "text: >-\n  !prose\n",
            "达到: 70%以上!\n",
        ] {
            assert_eq!(find_tag(clean), None, "{clean}");
        }
    }
}
