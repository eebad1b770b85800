//! `-o FILE` for the commands that report (check, compare, rank): the file's extension chooses
//! the renderer (.xlsx workbook, .html page, .csv with a BOM, .json, .md, .txt), and the file is
//! checked by [`super::output::refuse`] before anything is written.

use crate::cli::Format;
use crate::plan::PlanSet;
use crate::plan::load::PlanDir;
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Args, Clone, Default)]
pub struct OutputArgs {
    #[arg(help = crate::tr!(
        "写入此文件而非标准输出，按扩展名选格式：.xlsx 工作簿、.html 可打印网页、.csv（带 BOM）、.json、.md、.txt",
        "Write to this file instead of standard output, in the format its extension names: .xlsx workbook, .html printable page, .csv (with a BOM), .json, .md, .txt."
    ))]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(help = crate::tr!(
        "允许 -o 覆盖已有文件（计划文件从不覆盖）",
        "Let -o replace an existing file (a plan file is never replaced)."
    ))]
    #[arg(long)]
    pub force: bool,
    #[arg(help = crate::tr!(
        "CSV 写到标准输出时也以 BOM 开头（Excel 据此按 UTF-8 打开；-o 写的 CSV 总带 BOM）",
        "Start CSV on standard output with a BOM too, so that Excel opens it as UTF-8 (a CSV written with -o always has one)."
    ))]
    #[arg(long)]
    pub bom: bool,
}

/// What a `-o` file is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dest {
    Xlsx,
    Html,
    Text(Format),
}

/// The extensions `-o` writes.
const KNOWN: [&str; 6] = ["xlsx", "html", "csv", "json", "md", "txt"];

/// The destination a file name asks for, or why it cannot be written.
pub(crate) fn dest(path: &Path) -> Result<Dest, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    Ok(match ext.as_str() {
        "xlsx" => Dest::Xlsx,
        "html" | "htm" => Dest::Html,
        "csv" => Dest::Text(Format::Csv),
        "json" => Dest::Text(Format::Json),
        "md" | "markdown" => Dest::Text(Format::Markdown),
        "txt" => Dest::Text(Format::Table),
        _ => {
            let shown = path.display();
            // `out.xlxs`, `out.cvs`: the extension meant.
            let near = crate::diag::did_you_mean(&ext, KNOWN)
                .map(|e| path.with_extension(e).display().to_string());
            return Err(crate::tr!(
                "不知道把 {shown} 写成什么格式{}：文件名应以 .xlsx、.html、.csv、.json、.md 或 .txt 结尾",
                "cannot tell what to write {shown} as{}: the name should end in .xlsx, .html, .csv, .json, .md or .txt",
                crate::diag::hint(near.as_deref())
            ));
        }
    })
}

/// Checks `-o` before any work: where it may be written and as what. `None` without `-o`.
pub(crate) fn check(
    o: &OutputArgs,
    set: &PlanSet,
    dir: &PlanDir,
    inputs: &[&Path],
    err: &mut dyn Write,
) -> anyhow::Result<Result<Option<(PathBuf, Dest)>, ()>> {
    let Some(path) = &o.output else {
        return Ok(Ok(None));
    };
    let why = match dest(path) {
        Ok(d) => match super::output::refuse(path, o.force, set, dir, inputs) {
            None => return Ok(Ok(Some((path.clone(), d)))),
            Some(why) => why,
        },
        Err(why) => why,
    };
    writeln!(err, "{}: {why}", crate::i18n::qyx_error())?;
    Ok(Err(()))
}

/// Writes a text rendering to `path`; a CSV starts with a BOM so that Excel reads it as UTF-8.
pub(crate) fn text_file(path: &Path, format: Format, body: &[u8]) -> anyhow::Result<()> {
    let mut buf = Vec::with_capacity(body.len() + 3);
    if format == Format::Csv {
        buf.extend_from_slice("\u{feff}".as_bytes());
    }
    buf.extend_from_slice(body);
    std::fs::write(path, buf).map_err(|e| cannot_write(path, crate::i18n::io_error(&e)))?;
    Ok(())
}

/// A file that could not be written, with its name: the system's own words (`No such file or
/// directory`) name no path, and by then the work is done and lost.
pub(crate) fn cannot_write(path: &Path, e: impl std::fmt::Display) -> anyhow::Error {
    let shown = path.display();
    anyhow::anyhow!(crate::tr!(
        "无法写入 {shown}: {e}",
        "cannot write {shown}: {e}"
    ))
}

/// Tells the user where the report went.
pub(crate) fn wrote(err: &mut dyn Write, path: &Path) -> anyhow::Result<()> {
    let shown = path.display();
    writeln!(err, "{}", crate::tr!("已写入 {shown}", "wrote {shown}"))?;
    Ok(())
}

/// `--bom`: a BOM before CSV on standard output.
pub(crate) fn stdout_bom(
    o: &OutputArgs,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if o.bom && format == Format::Csv {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(())
}
