//! `qyx extract DOCUMENT`: a draft plan from a document's prose, for whoever encodes a plan. The
//! reading is in [`crate::extract`]; this module reads the file, matches the catalog and writes
//! the draft (YAML) or the candidate list (CSV, JSON).

use crate::Outcome;
use crate::extract::{self, Candidate, CatalogMatch, Kind, Matcher, draft_yaml};
use crate::plan::load::PlanDir;
use crate::report::{Table, num};
use crate::threshold::Op;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[arg(help = crate::tr!(
        "计划文件：Word 文档（.docx）或纯文本（UTF-8 或 GB18030/GBK）；`-` 读标准输入",
        "The plan document: a Word document (.docx) or plain text (UTF-8 or GB18030/GBK); `-` reads standard input."
    ))]
    pub document: PathBuf,
    #[arg(help = crate::tr!(
        "计划的截止年份，用于文件未写年份的目标（默认：标题中的期限，否则取文件中最大的“到20XX年”）",
        "The plan's end year, assumed for targets the document gives no year (default: the period in the title, else the largest 到20XX年 of the document)."
    ))]
    #[arg(long, value_name = "YEAR")]
    pub end_year: Option<i32>,
    #[arg(help = crate::tr!(
        "`yaml`：计划草稿，每个待定的行都带 `# TODO`；`csv`/`json`：每个候选目标及其全部字段",
        "`yaml`: a draft plan file with a `# TODO` on every row to settle; `csv`/`json`: every candidate with all its fields."
    ))]
    #[arg(long, value_enum, default_value_t = ExtractFormat::Yaml)]
    pub format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Yaml,
    Csv,
    Json,
}

/// Plan documents are tens of kilobytes; anything this large is not one. The same limit as
/// `validate --sources` reads a source document with, so that a document one command reads is
/// never refused by the other.
const MAX_BYTES: u64 = crate::plan::load::MAX_SOURCE_BYTES;

/// Reads the document, one byte past the limit so that an enormous input is refused without
/// reading it all.
fn read_document(path: &PathBuf) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().take(MAX_BYTES + 1).read_to_end(&mut buf)?;
    } else {
        if let Some(m) = crate::diag::not_a_file(path) {
            return Err(std::io::Error::other(m));
        }
        std::fs::File::open(path)?
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)?;
    }
    Ok(buf)
}

/// The operator as a reader should take it: resolved by the catalog's better direction when the
/// catalog entry is certain, else as read (`reach` for a bare number).
fn op_name(c: &Candidate, m: Option<&CatalogMatch>) -> &'static str {
    match (c.op, m) {
        (Op::Reach, Some(m)) if m.how.is_sure() => match m.better {
            crate::threshold::Better::Lower => Op::Le.name(),
            _ => Op::Ge.name(),
        },
        (op, _) => op.name(),
    }
}

const HEADERS: [&str; 23] = [
    "kind",
    "source",
    "line",
    "section",
    "domain",
    "area",
    "indicator",
    "catalog_id",
    "catalog_name",
    "match",
    "score",
    "year",
    "year_stated",
    "op",
    "value",
    "high",
    "unit",
    "scope",
    "text",
    "cell",
    "quote",
    "table",
    "doubts",
];

fn candidate_json(c: &Candidate, m: Option<&CatalogMatch>) -> Value {
    json!({
        "kind": c.kind.name(),
        "source": c.source(),
        "line": c.line,
        "section": c.section,
        "domain": c.domain.map(|d| d.zh()),
        "area": c.area,
        "indicator": c.indicator,
        "catalog_id": m.map(|m| &m.id),
        "catalog_name": m.map(|m| &m.name),
        "match": m.map_or("none", |m| m.how.name()),
        "score": m.map(|m| m.score),
        "year": c.year,
        "year_stated": c.year_stated,
        "op": op_name(c, m),
        "value": c.value.map(num),
        "high": c.high.map(num),
        "unit": c.unit,
        "scope": c.scope.name(),
        "text": c.text,
        "cell": c.cell,
        "quote": c.quote,
        "table": c.table,
        "doubts": c.doubts,
    })
}

fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(csv_cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

pub(crate) fn run(
    a: &ExtractArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let refuse = |err: &mut dyn Write, m: String| -> anyhow::Result<Outcome> {
        writeln!(
            err,
            "{}: {}: {m}",
            crate::i18n::qyx_error(),
            a.document.display()
        )?;
        Ok(Outcome::BadInput)
    };
    if a.document.is_dir() {
        return refuse(
            err,
            crate::tr!(
                "是文件夹，不是文件: 请给出一份文件（.docx 或纯文本 .txt）",
                "is a folder, not a document: give one document (.docx or plain text .txt)"
            ),
        );
    }
    let bytes = match read_document(&a.document) {
        Ok(b) => b,
        Err(e) => {
            let mut m = crate::i18n::io_error(&e);
            if e.kind() == std::io::ErrorKind::NotFound {
                m.push_str(&crate::diag::near_file(&a.document));
            }
            return refuse(err, m);
        }
    };
    // An RTF document is text WPS or Word wrote: extract reads the text it shows (a CSV of
    // actuals in RTF is still no table, so the shared check keeps naming it there).
    let rtf = bytes.starts_with(b"{\\rtf");
    // A JSON dataset (a web system's answer) whose rows are a table is read as that table; other
    // JSON is still no document.
    let dataset = || extract::json::is_dataset(&extract::decode(&bytes));
    // A zip archive is read as a Word document (.docx); what else it may be (a workbook, a
    // damaged download) the reader says better than the sniffing here.
    let zip = extract::docx::is_zip(&bytes);
    // A Word 97–2003 document (.doc, .wps) is read as the text it shows; another compound file
    // (an .xls) is still refused below.
    let word97 = extract::doc::is_word(&bytes);
    if let Some((zh, en)) =
        crate::actuals::not_text(&bytes).filter(|_| !rtf && !zip && !word97 && !dataset())
    {
        return refuse(
            err,
            crate::tr!(
                "这是{zh}，不是 Word 文档（.docx）或纯文本: 请在 WPS 或 Word 中另存为 .docx 或纯文本（.txt），或用 pdftotext 转出文字后再提取",
                "this is {en}, neither a Word document (.docx) nor plain text: save it as .docx or plain text (.txt) in WPS or Word, or turn a PDF into text with pdftotext, then extract from that"
            ),
        );
    }
    // NUL bytes outside UTF-16 (which `decode` reads by its byte-order mark, or by where its
    // ASCII characters' zero bytes fall) are no text at all.
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || crate::sniff::utf16_unmarked(&bytes).is_some();
    if !utf16 && !zip && !word97 && bytes.contains(&0) {
        return refuse(
            err,
            crate::tr!(
                "不是文本文件（含有二进制字节）: 请给出 Word 文档（.docx）或计划文件的纯文本（.txt）",
                "not a text document (it holds binary bytes): give the plan document as a Word document (.docx) or as plain text (.txt)"
            ),
        );
    }
    if bytes.len() as u64 > MAX_BYTES {
        let mib = MAX_BYTES / 1024 / 1024;
        writeln!(
            err,
            "{}: {}: {}",
            crate::i18n::qyx_error(),
            a.document.display(),
            crate::tr!(
                "大于 {mib} MiB，不是计划文件",
                "larger than {mib} MiB: not a plan document"
            )
        )?;
        return Ok(Outcome::BadInput);
    }
    let text = match extract::read_document(&bytes) {
        Ok(t) => t,
        Err(e) => return refuse(err, e.to_string()),
    };
    // An empty document still gets a draft (no indicators, its open questions as `todo`), so
    // that a batch of drafts validates whatever came in; the warning says why it is empty.
    if text.trim().is_empty() {
        writeln!(
            err,
            "{}: {}: {}",
            crate::i18n::pick("qyx: 警告", "qyx: warning"),
            a.document.display(),
            crate::tr!(
                "文件为空：草稿没有指标",
                "empty document: the draft has no indicators"
            )
        )?;
    }
    let (set, outcome) = crate::cmd::load_plans(dir, err)?;
    let ex = extract::extract(&text, a.end_year);
    let matcher = Matcher::new(&set.catalog);
    let matches: Vec<Option<CatalogMatch>> =
        ex.candidates.iter().map(|c| matcher.find(c)).collect();
    let source_name = if a.document.as_os_str() == "-" {
        "-".to_string()
    } else {
        a.document
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned())
    };
    match a.format {
        ExtractFormat::Yaml => write!(out, "{}", draft_yaml(&ex, &matches, &source_name))?,
        ExtractFormat::Json => {
            let all: Vec<Value> = ex
                .candidates
                .iter()
                .zip(&matches)
                .map(|(c, m)| candidate_json(c, m.as_ref()))
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?;
        }
        ExtractFormat::Csv => {
            let mut t = Table::new(HEADERS);
            for (c, m) in ex.candidates.iter().zip(&matches) {
                let v = candidate_json(c, m.as_ref());
                t.push(HEADERS.iter().map(|h| csv_cell(&v[*h])).collect());
            }
            t.write(crate::cli::Format::Csv, out)?;
        }
    }
    let targets = ex
        .candidates
        .iter()
        .filter(|c| c.kind == Kind::Target)
        .count();
    let matched = matches
        .iter()
        .filter(|m| m.as_ref().is_some_and(|m| m.how.is_sure()))
        .count();
    let (all, baselines) = (ex.candidates.len(), ex.candidates.len() - targets);
    writeln!(
        err,
        "qyx: {source_name}: {}",
        crate::tr!(
            "{all} 个候选（{targets} 个目标，{baselines} 个基础值），{matched} 个与指标目录匹配",
            "{all} candidates ({targets} targets, {baselines} baselines), {matched} matched to the catalog"
        )
    )?;
    Ok(outcome)
}
