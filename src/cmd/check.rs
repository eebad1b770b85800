//! `qyx check ACTUALS`: judges every reported value against its plan and prints the gap table.
//! Bad rows are reported with file, line and column and the rest are still judged; the exit code
//! says whether everything judged is met (0), something lags (1), or some input was bad (2).

use super::write::Dest;
use crate::Outcome;
use crate::actuals::Encoding;
use crate::check::{self, Order, Query, Summary};
use crate::cli::{Format, Lang};
use crate::cycle::{self, Bands, Light};
use crate::judge::Status;
use crate::period::Period;
use crate::plan::load::PlanDir;
use crate::plan::{Domain, PlanFile, row_domain};
use crate::report::{self, check::Style};
use clap::{Args, ValueEnum};
use rust_decimal::Decimal;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(help = crate::tr!(
        "实际值文件：CSV（UTF-8、带 BOM 的 UTF-8、GB18030/GBK）、.xlsx/.xls/.ods，或 `-` 表示标准输入。多个文件或一个文件夹合读为一段历史；同一期间数值不一致时取后读文件的值，并报出两处位置",
        "Actuals: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK), .xlsx/.xls/.ods, or `-` for stdin. Several files, or a folder of them, are read together as one history; where two give the same period different values, the later file's is used and both places are reported."
    ))]
    #[arg(required = true, num_args = 1..)]
    pub actuals: Vec<PathBuf>,
    #[arg(help = crate::tr!(
        "CSV 文件的编码",
        "How to decode a CSV file."
    ))]
    #[arg(long, value_enum, default_value_t = Encoding::Auto)]
    pub encoding: Encoding,
    #[arg(help = crate::tr!(
        "电子表格的工作表（默认：每个有表头的可见工作表）",
        "The spreadsheet's sheet (default: every visible sheet with a header)."
    ))]
    #[arg(long)]
    pub sheet: Option<String>,
    #[arg(help = crate::tr!(
        "输出格式。jsonl 为 JSON Lines：每个判定行一行 JSON 对象（结构见 `qyx schema check-row`）。csv、json 和 jsonl 边判定边逐行写出，内存不随行数增长；表格、markdown，以及 --sort、--by、--missing 和 -o .xlsx/.html 须先保存全部判定结果",
        "Output format. jsonl is JSON Lines: one JSON object per judged row, one a line (its schema: `qyx schema check-row`). csv, json and jsonl are written row by row as the rows are judged, in memory that does not grow with the rows; the table, markdown, --sort, --by, --missing and -o .xlsx/.html hold every judged row first."
    ))]
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,
    /// Filled from the global `--lang` ([`crate::cli::Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
    #[arg(help = crate::tr!(
        "按牵头单位分组",
        "Group the table by lead department."
    ))]
    #[arg(long, value_enum)]
    pub by: Option<GroupBy>,
    #[arg(help = crate::tr!(
        "只看这一年",
        "Only this year."
    ))]
    #[arg(long, value_parser = crate::actuals::value::parse_year)]
    pub year: Option<i32>,
    #[arg(help = crate::tr!(
        "只看这个期间（`2024Q2`、`2024-06`、`2024年6月`）；与 --missing 同用时为催报的期间（默认：最近上报的期间）",
        "Only this period (`2024Q2`, `2024-06`, `2024年6月`); with --missing, the period whose reports are chased (default: the latest reported)."
    ))]
    #[arg(long, value_parser = parse_period_arg)]
    pub period: Option<Period>,
    #[arg(help = crate::tr!(
        "灯的分界，单位为落后序时进度的百分点：从第一个数起黄灯，超过第二个数红灯（默认 10,30，或实际值旁 qyx.toml 的 [lights]）",
        "Light bands in percentage points behind schedule: yellow from the first, red beyond the second (default 10,30, or `[lights]` in a qyx.toml beside the actuals)."
    ))]
    #[arg(long, value_name = "YELLOW,RED", value_parser = Bands::parse_arg)]
    pub bands: Option<Bands>,
    #[arg(help = crate::tr!(
        "催报：按牵头单位列出该期间应报未报的指标及其上次报送值；有未报时退出 1",
        "催报: list, by lead department, every indicator due in the period with no value reported, with its last reported value; exit 1 when any is missing."
    ))]
    #[arg(long)]
    pub missing: bool,
    #[arg(help = crate::tr!(
        "只看这个地区（id 或中文名）",
        "Only this jurisdiction (id or Chinese name)."
    ))]
    #[arg(long)]
    pub jurisdiction: Option<String>,
    #[arg(help = crate::tr!(
        "只看这个领域（幼有善育……或其英文名）",
        "Only this domain (幼有善育 … or its English name)."
    ))]
    #[arg(long, value_parser = Domain::from_arg)]
    pub domain: Option<Domain>,
    #[arg(help = crate::tr!(
        "行的顺序：按读入顺序（默认）、差距率（差距占目标的百分比）最大的在前，或按状态",
        "Order of the rows: as read (default), the largest 差距率 (the gap as a percentage of the target) first, or by status."
    ))]
    #[arg(long, value_enum, default_value_t = SortBy::Input)]
    pub sort: SortBy,
    #[arg(help = crate::tr!(
        "同时列出已上报年份中没有上报值的目标（`no_data`）",
        "Also list targets of the reported years with no reported value (`no_data`)."
    ))]
    #[arg(long)]
    pub all: bool,
    #[arg(help = crate::tr!(
        "哪些行使退出码为 1，可用逗号列出几项（默认 behind,doubtful：进度滞后、未达标或存疑）",
        "Which rows make the exit code 1; several may be listed with commas (default behind,doubtful: behind, not met or doubtful)."
    ))]
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_values_t = [FailOn::Behind, FailOn::Doubtful]
    )]
    pub fail_on: Vec<FailOn>,
    #[arg(help = crate::tr!(
        "约数目标（≈、左右、约、近）的容差，占目标的百分比，对所有指标适用（默认：目录中该指标的值，否则为 2）",
        "The band around an approximate target (≈, 左右, 约, 近), in percent of the target, for every indicator (default: the catalog's for the indicator, else 2)."
    ))]
    #[arg(long, value_name = "PERCENT", value_parser = parse_tolerance)]
    pub tolerance: Option<Decimal>,
    #[arg(help = crate::tr!(
        "显示所有列：不按终端宽度省略列（默认在终端中依次省略牵头单位、基础值、趋势、较上期、领域、差距率、进度、单位，再缩短说明、指标名和目标）",
        "Show every column: drop none to fit the terminal (by default a terminal table drops lead, baseline, trend, change, domain, gap %, progress and unit, in that order, then shortens remarks, indicator and target texts)."
    ))]
    #[arg(long)]
    pub wide: bool,
    #[command(flatten)]
    pub output: super::write::OutputArgs,
}

/// `--tolerance`: a percentage from 0 to 100, with or without `%`.
fn parse_tolerance(s: &str) -> Result<Decimal, String> {
    let t = s.trim().trim_end_matches(['%', '％']);
    match t.parse::<Decimal>() {
        Ok(d) if d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED => Ok(d),
        _ => Err(crate::tr!(
            "应为占目标的百分比, 0 到 100 (`2`、`5%`), 实为 `{s}`",
            "expected a percentage of the target from 0 to 100 (`2`, `5%`), found `{s}`"
        )),
    }
}

/// `check --format`: the formats every report has, and JSON Lines, which suits a row stream
/// (a consumer reads a row at a time, and a cut-off output is still whole lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CheckFormat {
    #[default]
    Table,
    Csv,
    Json,
    Jsonl,
    Markdown,
}

impl CheckFormat {
    /// The report format this one is drawn as: JSON Lines holds the rows JSON holds.
    fn base(self) -> Format {
        match self {
            CheckFormat::Table => Format::Table,
            CheckFormat::Csv => Format::Csv,
            CheckFormat::Json | CheckFormat::Jsonl => Format::Json,
            CheckFormat::Markdown => Format::Markdown,
        }
    }
}

impl From<Format> for CheckFormat {
    fn from(f: Format) -> CheckFormat {
        match f {
            Format::Table => CheckFormat::Table,
            Format::Csv => CheckFormat::Csv,
            Format::Json => CheckFormat::Json,
            Format::Markdown => CheckFormat::Markdown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Lead,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    Input,
    Gap,
    Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    #[value(help = crate::tr!(
        "无论状态如何都退出 0（2 仍表示输入有误）",
        "Exit 0 whatever the statuses (2 still means bad input)."
    ))]
    Never,
    #[value(help = crate::tr!(
        "有进度滞后或未达标的行时退出 1",
        "Exit 1 when a row is behind or not met."
    ))]
    Behind,
    #[value(help = crate::tr!(
        "只在有未达标的行时退出 1",
        "Exit 1 only when a row is not met."
    ))]
    NotMet,
    #[value(help = crate::tr!(
        "有黄灯或红灯的行时退出 1",
        "Exit 1 when a row's light is yellow or red."
    ))]
    Yellow,
    #[value(help = crate::tr!(
        "有红灯的行时退出 1",
        "Exit 1 when a row's light is red."
    ))]
    Red,
    #[value(help = crate::tr!(
        "有存疑的行时退出 1（可能的单位笔误、表格与正文不一致而恰好命中等）",
        "Exit 1 when a row is doubtful (a likely unit slip, a table and prose that disagree on an exact hit, …)."
    ))]
    Doubtful,
}

fn parse_period_arg(s: &str) -> Result<Period, String> {
    crate::period::parse(s, None)
}

pub(crate) fn run(
    a: &CheckArgs,
    dir: &PlanDir,
    colour: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, mut outcome) = super::load_plans_for(dir, crate::plan::Need::Targets, err)?;
    // The plan set and the readings are the run's big structures: not freed at exit.
    let set = crate::Released::new(set);
    let jur_filter = match &a.jurisdiction {
        Some(j) => match super::find_plan(&set, j, err)? {
            Some(p) => Some(p.id().to_string()),
            None => return Ok(Outcome::BadInput),
        },
        None => None,
    };
    // `--year 2025 --period 2024`: which is meant cannot be guessed, and either alone would
    // judge something the other excludes.
    if let (Some(y), Some(p)) = (a.year, a.period)
        && p.year != y
    {
        let m = crate::tr!(
            "--period {p} 不在 --year {y} 之内: 二者只给一个（期间已含年份）",
            "--period {p} lies outside --year {y}: give one of them (a period names its year)"
        );
        writeln!(err, "{}: {m}", crate::i18n::qyx_error())?;
        return Ok(Outcome::BadInput);
    }
    let inputs: Vec<&std::path::Path> = a.actuals.iter().map(|p| p.as_path()).collect();
    let dest = match super::write::check(&a.output, &set, dir, &inputs, err)? {
        Ok(d) => d,
        Err(()) => return Ok(Outcome::BadInput),
    };
    let bands = match resolve_bands(a.bands, &a.actuals) {
        Ok(b) => b,
        Err(m) => {
            writeln!(err, "{m}")?;
            return Ok(Outcome::BadInput);
        }
    };
    let (read, unread) = read_all(&set, &a.actuals, a.encoding, a.sheet.as_deref());
    let read = crate::Released::new(read);
    if read.is_empty() {
        for d in &unread {
            writeln!(err, "{d}")?;
        }
        return Ok(Outcome::BadInput);
    }
    let q = Query {
        all: a.all,
        year: a.year,
        period: a.period,
        jurisdiction: jur_filter,
        domain: a.domain,
        rules: crate::judge::Rules {
            tolerance: a.tolerance,
        },
        order: match a.sort {
            SortBy::Input => Order::Input,
            SortBy::Gap => Order::Gap,
            SortBy::Status => Order::Status,
        },
        bands,
    };
    // CSV and JSON are written row by row as the rows are judged, unless they must be sorted or
    // grouped first; the other outputs hold the rows.
    let streams = !a.missing
        && matches!(
            a.format,
            CheckFormat::Csv | CheckFormat::Json | CheckFormat::Jsonl
        )
        && q.order == Order::Input
        && a.by.is_none()
        && matches!(dest, None | Some((_, Dest::Text(_))));
    if streams {
        let mut problems = unread;
        problems.extend(read.problems.iter().cloned());
        for d in &problems {
            writeln!(err, "{d}")?;
        }
        let bad = problems
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .count()
            + read.unlisted.errors;
        let (failing, judged) = stream(&read, &q, a, dest.as_ref(), out)?;
        if let Some((path, _)) = &dest {
            super::write::wrote(err, path)?;
        }
        if judged == 0
            && let Some(m) = nothing_left(&read, &q, &set)
        {
            writeln!(err, "{}: {m}", crate::i18n::qyx_error())?;
            return Ok(Outcome::BadInput);
        }
        if failing {
            outcome = outcome.worst(Outcome::Findings);
        }
        if bad > 0 {
            outcome = Outcome::BadInput;
        }
        return Ok(outcome);
    }
    let mut checked = crate::Released::new(read.check(&q));
    checked.problems.splice(0..0, unread);
    if a.missing {
        for d in &checked.problems {
            writeln!(err, "{d}")?;
        }
        let en = a.lang == Lang::En;
        let Some((period, missing)) = chase(&read, &q, a, &set) else {
            writeln!(
                out,
                "{}",
                if en {
                    "nothing reported"
                } else {
                    "未报送任何数据"
                }
            )?;
            return Ok(outcome.worst(checked_outcome(&checked)));
        };
        // `-o` writes the list where it is asked to go: a workbook of one 催报 sheet, or a file
        // in a text format.
        match &dest {
            // JSON Lines as judged rows are: one missing report a line, never an array.
            None if a.format == CheckFormat::Jsonl => {
                report::cycle::render_missing_lines(&missing, en, out)?
            }
            None => report::cycle::render_missing(&missing, period, a.format.base(), en, out)?,
            Some((path, Dest::Xlsx)) => {
                report::xlsx::missing_workbook(&missing, period, en, path)?;
                super::write::wrote(err, path)?;
            }
            Some((_, Dest::Html)) => {
                writeln!(
                    err,
                    "{}: {}",
                    crate::i18n::qyx_error(),
                    crate::tr!(
                        "催报清单（--missing）可写成 .xlsx、.csv、.md、.json 或 .txt，不能写成 .html",
                        "the 催报 list (--missing) is written as .xlsx, .csv, .md, .json or .txt, not .html"
                    )
                )?;
                return Ok(Outcome::BadInput);
            }
            Some((path, Dest::Text(format))) => {
                let mut buf = Vec::new();
                report::cycle::render_missing(&missing, period, *format, en, &mut buf)?;
                super::write::text_file(path, *format, &buf)?;
                super::write::wrote(err, path)?;
            }
        }
        if !missing.is_empty() && a.fail_on.iter().any(|f| *f != FailOn::Never) {
            outcome = outcome.worst(Outcome::Findings);
        }
        return Ok(outcome.worst(checked_outcome(&checked)));
    }
    // Grouping sorts by lead after the chosen order; the stable sort keeps it within a lead.
    if a.by == Some(GroupBy::Lead) {
        check::order(&mut checked.rows, Order::Lead);
    }
    for d in &checked.problems {
        writeln!(err, "{d}")?;
    }
    let en = a.lang == Lang::En;
    match &dest {
        None if a.format == CheckFormat::Jsonl => {
            for j in &checked.rows {
                serde_json::to_writer(&mut *out, &report::check::row_json(j))?;
                out.write_all(b"\n")?;
            }
        }
        None => {
            super::write::stdout_bom(&a.output, a.format.base(), out)?;
            write_text(&checked, a, a.format.base(), colour, true, out)?
        }
        Some((path, Dest::Xlsx)) => {
            // Without --all the rows hold no unreported target: the 催报 sheet lists what
            // --missing lists, so the report that goes up says what is still to chase.
            let chased = if a.all {
                None
            } else {
                chase(&read, &q, a, &set)
            };
            let reminders = chased.as_ref().map(|(p, m)| (*p, m.as_slice()));
            report::xlsx::check_workbook(&checked.rows, reminders, en, path)?;
            super::write::wrote(err, path)?;
        }
        Some((path, Dest::Html)) => {
            report::html::check_page(&checked.rows, en, path)?;
            super::write::wrote(err, path)?;
        }
        Some((path, Dest::Text(format))) => {
            let mut buf = Vec::new();
            write_text(&checked, a, *format, false, false, &mut buf)?;
            super::write::text_file(path, *format, &buf)?;
            super::write::wrote(err, path)?;
        }
    }

    if checked.rows.iter().any(|j| failing(&a.fail_on, j)) {
        outcome = outcome.worst(Outcome::Findings);
    }
    if checked.bad_rows() > 0 {
        outcome = Outcome::BadInput;
    }
    if checked.rows.is_empty()
        && let Some(m) = nothing_left(&read, &q, &set)
    {
        writeln!(err, "{}: {m}", crate::i18n::qyx_error())?;
        outcome = Outcome::BadInput;
    }
    Ok(outcome)
}

/// A `--year`, `--period` or `--jurisdiction` that leaves nothing to judge is said, with what the
/// actuals do report: an empty table and exit 0 would pass a CI job that asked for the wrong
/// year or county.
fn nothing_left(read: &check::Readings, q: &Query, set: &crate::plan::PlanSet) -> Option<String> {
    let period = match (q.year, &q.period) {
        (_, Some(p)) => Some((format!("--period {p}"), p.to_string())),
        (Some(y), None) => Some((format!("--year {y}"), y.to_string())),
        (None, None) => None,
    };
    let place = q.jurisdiction.as_deref().map(|id| {
        let name = set
            .by_id(id)
            .map_or(id, |p| p.plan.jurisdiction.name.as_str());
        (format!("--jurisdiction {id}"), name.to_string())
    });
    // The period is said where one was asked (and the county's rows hold others), else the
    // counties the actuals report.
    let mut by_period = place.is_none();
    if let (Some(_), Some(_)) = (&period, &place) {
        let mut of_place = false;
        let _ = read.each(
            &Query {
                year: None,
                period: None,
                all: false,
                ..q.clone()
            },
            &mut |_| {
                of_place = true;
                Ok(())
            },
        );
        by_period = of_place;
    }
    let (asked, what) = match (&period, &place) {
        (Some(p), _) if by_period => p.clone(),
        (_, Some(j)) => j.clone(),
        _ => return None,
    };
    let every = Query {
        year: None,
        period: None,
        jurisdiction: if by_period {
            q.jurisdiction.clone()
        } else {
            None
        },
        all: false,
        ..q.clone()
    };
    let mut reported = std::collections::BTreeSet::new();
    let _ = read.each(&every, &mut |j| {
        if reported.len() < 20 {
            reported.insert(match by_period {
                true => j.period.to_string(),
                false => j.plan.plan.jurisdiction.name.clone(),
            });
        }
        Ok(())
    });
    let list = reported.into_iter().collect::<Vec<_>>().join(", ");
    Some(crate::tr!(
        "{asked}: 没有 {what} 的行可判断；实际值报送的是: {list}",
        "{asked}: no row of {what} to judge; the actuals report {list}"
    ))
}

/// 催报: for the period asked (else the latest reported), every indicator of the reporting
/// jurisdictions that is due and has no value. `None` when nothing was reported.
fn chase<'a>(
    read: &check::Readings<'a>,
    q: &Query,
    a: &CheckArgs,
    set: &'a crate::plan::PlanSet,
) -> Option<(Period, Vec<cycle::results::Missing<'a>>)> {
    let rows = read
        .check(&Query {
            period: None,
            year: None,
            domain: None,
            all: false,
            ..q.clone()
        })
        .rows;
    let reported = reported(&rows);
    let period = a.period.or_else(|| rows.iter().map(|j| j.period).max())?;
    let mut plans: Vec<&PlanFile> = Vec::new();
    for j in &rows {
        if !plans.iter().any(|p| p.id() == j.plan.id()) {
            plans.push(j.plan);
        }
    }
    if let Some(id) = &q.jurisdiction {
        plans.retain(|p| p.id() == id);
        if plans.is_empty()
            && let Some(p) = set.by_id(id)
        {
            plans.push(p);
        }
    }
    let mut missing = cycle::results::missing(set, &plans, &reported, period);
    if let Some(d) = a.domain {
        missing.retain(|m| row_domain(m.plan, &set.catalog, m.row) == Some(d));
    }
    Some((period, missing))
}

/// Whether a row makes the exit code 1 under `--fail-on` (any of the listed levels).
fn failing(fail_on: &[FailOn], j: &check::Judged) -> bool {
    let s = j.verdict.status;
    fail_on.iter().any(|f| match f {
        FailOn::Never => false,
        FailOn::Behind => matches!(s, Status::NotMet | Status::Behind),
        FailOn::NotMet => s == Status::NotMet,
        FailOn::Yellow => matches!(j.cycle.light, Some(Light::Yellow | Light::Red)),
        FailOn::Red => j.cycle.light == Some(Light::Red),
        FailOn::Doubtful => j.verdict.doubtful(),
    })
}

/// A chunk of judged rows as another thread wrote them (see `check::Readings::each_chunk`).
#[derive(Default)]
struct Lines {
    bytes: Vec<u8>,
    scratch: String,
    json: Vec<u8>,
    failed: bool,
    judged: usize,
}

impl Lines {
    fn count(&mut self, fail_on: &[FailOn], j: &check::Judged) {
        self.failed |= failing(fail_on, j);
        self.judged += 1;
    }
}

/// Judges and writes the rows one by one, as CSV or JSON, to standard output or the `-o` file;
/// whether any row fails (`--fail-on`).
fn stream(
    read: &check::Readings,
    q: &Query,
    a: &CheckArgs,
    dest: Option<&(PathBuf, Dest)>,
    out: &mut dyn Write,
) -> anyhow::Result<(bool, usize)> {
    let mut file;
    let (out, format): (&mut dyn Write, CheckFormat) = match dest {
        Some((path, Dest::Text(format))) => {
            file = std::fs::File::create(path)
                .map_err(|e| super::write::cannot_write(path, crate::i18n::io_error(&e)))?;
            if *format == Format::Csv {
                file.write_all("\u{feff}".as_bytes())?;
            }
            (&mut file, (*format).into())
        }
        _ => {
            super::write::stdout_bom(&a.output, a.format.base(), out)?;
            (out, a.format)
        }
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut failed = false;
    let mut judged = 0usize;
    let en = a.lang == Lang::En;
    match format {
        CheckFormat::Jsonl => {
            read.each_chunk(
                q,
                &Lines::default,
                &|t, j| {
                    t.count(&a.fail_on, j);
                    serde_json::to_writer(&mut t.bytes, &report::check::row_json(j))?;
                    t.bytes.push(b'\n');
                    Ok(())
                },
                &mut |t| {
                    (failed, judged) = (failed | t.failed, judged + t.judged);
                    Ok(w.write_all(&t.bytes)?)
                },
            )?;
        }
        CheckFormat::Json => {
            // Each element comes with its comma; the first one's is dropped here.
            let mut first = true;
            read.each_chunk(
                q,
                &Lines::default,
                &|t, j| {
                    t.count(&a.fail_on, j);
                    report::check::json_element(&mut t.bytes, j, &mut t.json);
                    Ok(())
                },
                &mut |t| {
                    (failed, judged) = (failed | t.failed, judged + t.judged);
                    let bytes = match (first, t.bytes.split_first()) {
                        (true, Some((_, rest))) => {
                            first = false;
                            w.write_all(b"[")?;
                            rest
                        }
                        _ => &t.bytes[..],
                    };
                    Ok(w.write_all(bytes)?)
                },
            )?;
            w.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
        }
        _ => {
            let change = read.has_change(q);
            let mut header = Vec::new();
            report::check::csv_header(&mut header, en, change);
            w.write_all(&header)?;
            read.each_chunk(
                q,
                &Lines::default,
                &|t, j| {
                    t.count(&a.fail_on, j);
                    report::check::csv_line(&mut t.bytes, j, en, change, &mut t.scratch);
                    Ok(())
                },
                &mut |t| {
                    (failed, judged) = (failed | t.failed, judged + t.judged);
                    Ok(w.write_all(&t.bytes)?)
                },
            )?;
        }
    }
    w.flush()?;
    Ok((failed, judged))
}

/// The gap table in a text format, with its summary line where the format has room for one.
fn write_text(
    checked: &check::Checked,
    a: &CheckArgs,
    format: Format,
    colour: bool,
    fits_terminal: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let style = Style {
        format,
        en: a.lang == Lang::En,
        colour,
        by_lead: a.by == Some(GroupBy::Lead),
        width: match (format, a.wide) {
            (Format::Table, false) if fits_terminal => report::terminal_columns(),
            _ => None,
        },
    };
    report::check::render(&checked.rows, style, out)?;
    if matches!(format, Format::Table | Format::Markdown) {
        let summary = Summary::of(&checked.rows);
        let mut line = report::check::summary_line(&summary, checked.bad_rows(), style.en);
        let unfilled = checked.unfilled;
        if unfilled > 0 && !a.all {
            line.push_str(&if style.en {
                format!(
                    "; {unfilled} rows without a value (--missing lists what is due and not reported, --all every target)"
                )
            } else {
                format!("; {unfilled}行未填数值(--missing 列出应报未报的催报清单, --all 列出全部目标)")
            });
        }
        // A paragraph of its own in Markdown: right under a table it would read as a row.
        if format == Format::Markdown {
            writeln!(out)?;
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn checked_outcome(c: &check::Checked) -> Outcome {
    if c.bad_rows() > 0 {
        Outcome::BadInput
    } else {
        Outcome::Clean
    }
}

/// The bands: `--bands`, else `[lights]` in a qyx.toml beside the first actuals, else the
/// defaults.
pub(crate) fn resolve_bands(arg: Option<Bands>, actuals: &[PathBuf]) -> Result<Bands, String> {
    if let Some(b) = arg {
        return Ok(b);
    }
    match actuals.first().filter(|p| p.as_os_str() != "-") {
        Some(first) => Ok(Bands::from_project(first)?
            .map(|(_, b)| b)
            .unwrap_or_default()),
        None => Ok(Bands::default()),
    }
}

/// Reads every actuals file, folders expanded in name order, row by row; the files that could not
/// be read are problems.
pub(crate) fn read_all<'a>(
    set: &'a crate::plan::PlanSet,
    paths: &[PathBuf],
    encoding: Encoding,
    sheet: Option<&str>,
) -> (check::Readings<'a>, Vec<crate::diag::Diagnostic>) {
    let (paths, mut problems) = cycle::history::expand(paths);
    let mut read = check::Readings::new(set);
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        if decode_ahead(set, &paths) {
            scope.spawn(|| set.decode_ahead(&stop));
        }
        for path in &paths {
            if let Err(d) = read.read(path, encoding, sheet) {
                problems.push(d);
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    read.finish();
    (read, problems)
}

/// Whether the sheets are large enough for their rows to ask for most of the plans (eight rows a
/// plan, at some forty bytes a row), and the machine has a core to spare to decode them ahead.
fn decode_ahead(set: &crate::plan::PlanSet, paths: &[PathBuf]) -> bool {
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
        .sum();
    crate::par::workers(2) > 1 && bytes / 40 >= 8 * set.len() as u64
}

/// The judged rows as the round's results see them.
pub(crate) fn reported<'a>(rows: &[check::Judged<'a>]) -> Vec<cycle::results::Reported<'a>> {
    rows.iter()
        .map(|j| cycle::results::Reported {
            plan: j.plan,
            row: j.row,
            entry: j.entry,
            period: j.period,
            actual: j.actual,
            light: j.cycle.light,
            completion: j.cycle.completion,
            doubtful: j.verdict.doubtful(),
        })
        .collect()
}
