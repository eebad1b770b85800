//! `qyx template PLAN --year Y`: the actuals sheet a 专班办公室 sends to departments — every
//! indicator with a target that year, its unit and lead — which `qyx check` reads back as it is.

use crate::Outcome;
use crate::cli::Lang;
use crate::plan::load::PlanDir;
use crate::plan::{PlanFile, PlanSet, schema::Marker, schema::Scope};
use crate::report::Table;
use crate::threshold::Op;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct TemplateArgs {
    #[arg(help = crate::tr!(
        "计划的 id 或名称",
        "Plan id or name."
    ))]
    pub plan: String,
    #[arg(help = crate::tr!(
        "填报的年份（默认：今年，限于计划期内）",
        "The year to report (default: this year, kept within the plan's period)."
    ))]
    #[arg(long, conflicts_with = "period", value_parser = crate::actuals::value::parse_year)]
    pub year: Option<i32>,
    #[arg(help = crate::tr!(
        "填报的月份或季度（`2024-06`、`2024Q2`、`2024年6月`）：表中加一列期间和一列序时目标（到期末应完成的值）",
        "The month or quarter to report (`2024-06`, `2024Q2`, `2024年6月`): the sheet gets a period column and the value due by the period's end (序时目标)."
    ))]
    #[arg(long, value_parser = |s: &str| crate::period::parse(s, None))]
    pub period: Option<crate::period::Period>,
    #[arg(help = crate::tr!(
        "写入此文件而非标准输出；以 .xlsx 结尾的文件名写成工作簿",
        "Write to this file instead of standard output; a name ending in .xlsx writes a workbook."
    ))]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(help = crate::tr!(
        "允许 -o 覆盖已有文件（计划文件从不覆盖）",
        "Let -o replace an existing file (a plan file is never replaced)."
    ))]
    #[arg(long)]
    pub force: bool,
    /// Header language: filled from the global `--lang` ([`crate::cli::Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
}

fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Good to the day for the years plans cover; no date crate needed for a default.
    1970 + (secs / 31_556_952) as i32
}

/// The sheet for `year`; with `period` (a month or a quarter of that year), also a period column
/// that `qyx check` reads back and the value due by the period's end under the reporting cycle's
/// rules.
pub(crate) fn sheet(
    set: &PlanSet,
    p: &PlanFile,
    year: i32,
    period: Option<crate::period::Period>,
    lang: Lang,
) -> Table {
    let headers: [&str; 9] = match lang {
        Lang::Zh => [
            "地区",
            "指标",
            "指标名称",
            "年份",
            "目标",
            "单位",
            "牵头单位",
            "数值",
            "备注",
        ],
        Lang::En => [
            "jurisdiction",
            "indicator",
            "name",
            "year",
            "target",
            "unit",
            "lead",
            "value",
            "note",
        ],
    };
    let partial = period.filter(|p| !p.is_full_year());
    let mut headers: Vec<&str> = headers.to_vec();
    if partial.is_some() {
        let (pc, due) = match lang {
            Lang::Zh => ("期间", "序时目标"),
            Lang::En => ("period", "due"),
        };
        headers.insert(4, pc);
        headers.insert(6, due);
    }
    let mut t = Table::new(headers);
    for (_, row) in p.rows() {
        if row.marker == Some(Marker::Observational) {
            continue;
        }
        let Some(entry) = set.catalog.get(&row.id.value) else {
            continue;
        };
        let Some((r, scope)) = crate::judge::target_for(row, entry, year) else {
            continue;
        };
        if r.threshold.op == Op::None {
            continue;
        }
        // A figure as `check` shows it (`≥94.5`), not the cell as printed: a department filling
        // the sheet in reads a bare `65` as "exactly 65" and an OCR-damaged `94. 5` as two
        // numbers, and the sheet and the report that judges it should say the same. A milestone
        // keeps its printed words (`创成`, `全覆盖`): they say what "done" is.
        let printed = match r.threshold.op {
            Op::Done => row
                .targets
                .iter()
                .find(|f| f.year.value == r.year && f.scope == scope)
                .and_then(|f| f.cell.as_ref().or(f.text.as_ref()))
                .map(|s| s.value.trim().to_string())
                .unwrap_or_else(|| r.threshold.display()),
            _ => r.threshold.display(),
        };
        let target = match scope {
            Scope::Level if r.year == year => printed,
            _ => format!("{printed} ({} {})", r.year, scope.label(lang == Lang::En)),
        };
        let unit = row
            .unit
            .as_ref()
            .map(|u| u.value.as_str())
            .or(entry.unit.as_ref().map(|u| u.value.as_str()))
            .map(String::from)
            .unwrap_or_default();
        let mut cells = vec![
            p.plan.jurisdiction.name.clone(),
            entry.id.value.clone(),
            row.name.to_string(),
            year.to_string(),
            target,
            unit.clone(),
            row.lead.as_deref().map(String::from).unwrap_or_default(),
            String::new(),
            String::new(),
        ];
        if let Some(pd) = partial {
            // What the schedule asks by the period's end; a milestone is not due before its year.
            let ctx = crate::judge::Ctx::new(&p.plan, crate::judge::Rules::default());
            let due = crate::cycle::judge_period(
                row,
                entry,
                &ctx,
                pd,
                None,
                None,
                &crate::cycle::Bands::default(),
            )
            .schedule
            .and_then(|s| in_sheet_unit(s.due, entry, &unit))
            .map(|due| crate::report::num(crate::report::round(due, 4)))
            .unwrap_or_default();
            cells.insert(4, pd.label(lang == Lang::En));
            cells.insert(6, due);
        }
        t.push(cells);
    }
    t
}

/// The schedule's due value, which judging gives in the catalog's unit, in the unit the sheet's
/// 单位 column names: a clerk reads 目标 `≥1.36`, 单位 `万套` and 序时目标 side by side, and a
/// 序时目标 of `13200` (套) beside them reads as 13 200 万套. `None` when the two units cannot be
/// converted, so that no figure in the wrong unit is printed.
fn in_sheet_unit(
    due: rust_decimal::Decimal,
    entry: &crate::plan::schema::Entry,
    sheet_unit: &str,
) -> Option<rust_decimal::Decimal> {
    let Some(catalog) = entry.unit.as_ref() else {
        return Some(due);
    };
    if sheet_unit.is_empty() || sheet_unit == catalog.value {
        return Some(due);
    }
    let from = crate::unit::Unit::parse(&catalog.value).ok()?;
    let to = crate::unit::Unit::parse(sheet_unit).ok()?;
    from.convert(due, &to).ok()
}

fn write_xlsx(t: &Table, path: &std::path::Path) -> anyhow::Result<()> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string(0, c as u16, h)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, v)?;
        }
    }
    for (c, w) in [(1u16, 36.0), (2, 40.0), (4, 18.0), (6, 14.0)] {
        ws.set_column_width(c, w)?;
    }
    wb.save(path)?;
    Ok(())
}

pub(crate) fn run(
    a: &TemplateArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, outcome) = super::load_plans(dir, err)?;
    let Some(p) = super::find_plan(&set, &a.plan, err)? else {
        return Ok(Outcome::BadInput);
    };
    let (start, end) = (p.plan.period.start.value, p.plan.period.end.value);
    let year = a
        .period
        .map(|p| p.year)
        .or(a.year)
        .unwrap_or_else(|| this_year().clamp(start, end));
    if year < start || year > end {
        let name = &p.plan.jurisdiction.name;
        writeln!(
            err,
            "{}: {}",
            crate::i18n::qyx_error(),
            crate::tr!(
                "{year} 年不在{name}计划的期限（{start}–{end}）内",
                "year {year} is outside the plan of {name} ({start}–{end})"
            )
        )?;
        return Ok(Outcome::BadInput);
    }
    if let Some(path) = &a.output
        && let Some(why) = super::output::refuse(path, a.force, &set, dir, &[])
    {
        writeln!(err, "{}: {why}", crate::i18n::qyx_error())?;
        return Ok(Outcome::BadInput);
    }
    // A template is a workbook or a CSV to fill in; `t.docx` would be a CSV under a Word name.
    if let Some(path) = &a.output {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if ext != "xlsx" && ext != "csv" {
            let near = crate::diag::did_you_mean(&ext, ["xlsx", "csv"])
                .map(|e| path.with_extension(e).display().to_string());
            let shown = path.display();
            writeln!(
                err,
                "{}: {}",
                crate::i18n::qyx_error(),
                crate::tr!(
                    "不知道把 {shown} 写成什么格式{}：填报模板的文件名应以 .xlsx 或 .csv 结尾",
                    "cannot tell what to write {shown} as{}: a template's name should end in .xlsx or .csv",
                    crate::diag::hint(near.as_deref())
                )
            )?;
            return Ok(Outcome::BadInput);
        }
    }
    let t = sheet(&set, p, year, a.period, a.lang);
    // A file that cannot be written is named, with why (a missing folder, no permission).
    let cannot = super::write::cannot_write;
    match &a.output {
        Some(path)
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) =>
        {
            write_xlsx(&t, path).map_err(|e| {
                let e = match e.downcast_ref::<std::io::Error>() {
                    Some(io) => crate::i18n::io_error(io),
                    None => e.to_string(),
                };
                cannot(path, e)
            })?
        }
        Some(path) => {
            let mut buf = Vec::from("\u{feff}".as_bytes());
            t.write(crate::cli::Format::Csv, &mut buf)?;
            std::fs::write(path, buf).map_err(|e| cannot(path, crate::i18n::io_error(&e)))?;
        }
        None => t.write(crate::cli::Format::Csv, out)?,
    }
    if let Some(path) = &a.output {
        let (n, name, path) = (t.rows.len(), &p.plan.jurisdiction.name, path.display());
        writeln!(
            err,
            "{}",
            crate::tr!(
                "已将{name} {year} 年的 {n} 行写入 {path}",
                "wrote {n} rows for {name} {year} to {path}"
            )
        )?;
    }
    Ok(outcome)
}
