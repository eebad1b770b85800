//! Where a command may write: never over a plan file or the plan directory's files, never over
//! an existing file unless `--force` says so. Checked before anything is written, so that
//! `qyx template zhuji -o plans/zhuji.yaml` cannot destroy the plan it reads.

use crate::plan::PlanSet;
use crate::plan::load::PlanDir;
use std::path::{Path, PathBuf};

/// The absolute form of `p` without following the last component (which may not exist yet).
fn absolute(p: &Path) -> PathBuf {
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let dir = parent
        .canonicalize()
        .unwrap_or_else(|_| parent.to_path_buf());
    match p.file_name() {
        Some(n) => dir.join(n),
        None => dir,
    }
}

/// Why `path` may not be written, if it may not. `inputs` are the files the command reads
/// (the actuals sheet): never written, whatever `--force` says.
pub(crate) fn refuse(
    path: &Path,
    force: bool,
    set: &PlanSet,
    dir: &PlanDir,
    inputs: &[&Path],
) -> Option<String> {
    let shown = path.display();
    if path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
    {
        return Some(crate::tr!(
            "不写入 {shown}：.yaml 是计划文件；输出写成 .csv 或 .xlsx",
            "not writing {shown}: .yaml is a plan file; write the output as .csv or .xlsx"
        ));
    }
    let target = absolute(path);
    let real = target.canonicalize().unwrap_or_else(|_| target.clone());
    if let PlanDir::Path(d) = dir
        && let Ok(d) = d.canonicalize()
        && real.starts_with(&d)
    {
        return Some(crate::tr!(
            "不写入 {shown}：它在计划目录 {} 中",
            "not writing {shown}: it is inside the plan directory {}",
            d.display()
        ));
    }
    // The same file by identity, not by name: a hard link, another case of the name on a
    // case-insensitive disk (Windows, macOS), a path through a mapped drive.
    let same = |other: &Path| {
        same_file::is_same_file(other, path).unwrap_or(false)
            || other.canonicalize().is_ok_and(|o| o == real)
    };
    if inputs.iter().any(|i| same(i)) {
        return Some(crate::tr!(
            "不写入 {shown}：它是本次读取的输入文件",
            "not writing {shown}: it is an input of this command"
        ));
    }
    let is_plan = set
        .file_names()
        .chain(std::iter::once(set.catalog.source.name.as_str()))
        .any(|n| same(Path::new(n)));
    if is_plan {
        return Some(crate::tr!(
            "不写入 {shown}：它是计划文件",
            "not writing {shown}: it is a plan file"
        ));
    }
    // A folder that is not there would be found only after judging, as a bare "No such file
    // or directory" that names no path.
    if let Some(parent) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !parent.is_dir()
    {
        let folder = parent.display();
        if parent.exists() {
            return Some(crate::tr!(
                "无法写入 {shown}：{folder} 是文件，不是文件夹；请换一个位置",
                "cannot write {shown}: {folder} is a file, not a folder; choose another place"
            ));
        }
        return Some(crate::tr!(
            "无法写入 {shown}：文件夹 {folder} 不存在；请先建立它，或换一个位置",
            "cannot write {shown}: the folder {folder} does not exist; create it first, or choose another place"
        ));
    }
    if path.is_dir() {
        return Some(crate::tr!(
            "无法写入 {shown}：这是一个文件夹；请给出文件名（如 {shown}/报告.xlsx）",
            "cannot write {shown}: it is a folder; give a file name (as {shown}/report.xlsx)"
        ));
    }
    if !force && (path.exists() || path.is_symlink()) {
        return Some(crate::tr!(
            "不覆盖已有文件 {shown}：换一个文件名，或加 --force 覆盖",
            "not overwriting the existing file {shown}: choose another name, or add --force"
        ));
    }
    None
}
