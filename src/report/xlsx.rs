//! The workbook an office sends up (`qyx check -o 报告.xlsx`): a 汇总 sheet of counts and shares by
//! domain, department and jurisdiction, a 明细 sheet with every judged row (numbers as numbers,
//! statuses as fills, frozen header, filters), and a 催报 sheet of the targets nobody reported.
//! `compare` and `rank` write their table as one sheet the same way.
//!
//! Numbers reach the cells as numbers: a spreadsheet stores IEEE doubles, so this is the one place
//! a decimal becomes a float, after every verdict has been decided in exact decimals.

use crate::check::{Judged, Summary};
use crate::cycle::results::Missing;
use crate::judge::{Actual, Status};
use crate::period::Period;
use crate::report::check::{actual_text, remarks, status_text, target_text};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::collections::BTreeMap;
use std::path::Path;

/// What a share is of: rows with a verdict (met, not met, on track, behind). Rows without a
/// target or without data are counted but are no part of a share.
pub(crate) fn decided(s: &Summary) -> usize {
    [Status::Met, Status::NotMet, Status::OnTrack, Status::Behind]
        .iter()
        .map(|st| s.counts.get(st).copied().unwrap_or(0))
        .sum()
}

/// `part` of `whole` as a percentage with one decimal (四舍五入), exact.
pub(crate) fn share(part: usize, whole: usize) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    Decimal::from(part as u64)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(whole as u64))
        .map(|d| crate::report::round(d, 1))
}

/// "达标44项、占比80.0%" / "44 met (80.0%)".
pub(crate) fn met_sentence(s: &Summary, en: bool) -> String {
    let met = s.counts.get(&Status::Met).copied().unwrap_or(0);
    let on = met + s.counts.get(&Status::OnTrack).copied().unwrap_or(0);
    let d = decided(s);
    let pct = |p: Option<Decimal>| p.map_or("—".to_string(), |p| format!("{p:.1}%"));
    // The counts hold doubtful rows (达标(存疑)): the headline says how many need a look.
    let doubtful = match (s.doubtful, en) {
        (0, _) => String::new(),
        (n, true) => format!("; {n} doubtful, to check"),
        (n, false) => format!("；其中存疑{n}项、须核实"),
    };
    if en {
        format!(
            "{met} met ({}); {on} on schedule ({}); of {d} judged{doubtful}",
            pct(share(met, d)),
            pct(share(on, d))
        )
    } else {
        format!(
            "达标{met}项、占比{}；按期{on}项、占比{}（共判定{d}项）{doubtful}",
            pct(share(met, d)),
            pct(share(on, d))
        )
    }
}

/// Display width in a spreadsheet column: CJK characters take two.
fn width(s: &str) -> usize {
    s.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// Column widths fitted to the widest cell (header included), within reason.
struct Widths(Vec<usize>);

impl Widths {
    fn see(&mut self, col: usize, s: &str) {
        if self.0.len() <= col {
            self.0.resize(col + 1, 0);
        }
        self.0[col] = self.0[col].max(width(s));
    }

    /// Writes a header row in the header format, its texts counted in the widths.
    fn header<S: AsRef<str>>(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        headers: &[S],
    ) -> Result<(), XlsxError> {
        let head = header_format();
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, h.as_ref(), &head)?;
            self.see(c, h.as_ref());
        }
        Ok(())
    }

    fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for (c, w) in self.0.iter().enumerate() {
            ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(6.0, 60.0))?;
        }
        Ok(())
    }
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE4EE))
        .set_border_bottom(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
}

/// The fill a status is shown with (the colours Excel's own conditional formats use).
fn status_fill(s: Status) -> Option<Color> {
    match s {
        Status::Met | Status::OnTrack => Some(Color::RGB(0xC6EFCE)),
        Status::Behind => Some(Color::RGB(0xFFEB9C)),
        Status::NotMet => Some(Color::RGB(0xFFC7CE)),
        Status::NoData => Some(Color::RGB(0xE7E6E6)),
        Status::NoTarget => None,
    }
}

/// The fill of a light: the same colours as the statuses.
fn light_fill(l: crate::cycle::Light) -> Color {
    match l {
        crate::cycle::Light::Green => Color::RGB(0xC6EFCE),
        crate::cycle::Light::Yellow => Color::RGB(0xFFEB9C),
        crate::cycle::Light::Red => Color::RGB(0xFFC7CE),
    }
}

/// The number format for `dp` decimals.
fn num_format(dp: u32) -> Format {
    let f = if dp == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(dp as usize))
    };
    Format::new().set_num_format(f)
}

/// The decimals an indicator is written with in its plan: the most any of its target or
/// baseline figures has (in the catalog's unit), at most 4.
fn decimals(j: &Judged) -> u32 {
    let target = j
        .row
        .targets
        .iter()
        .filter_map(|f| crate::plan::resolve(j.row, j.entry, f).ok())
        .flat_map(|r| [r.value, r.high])
        .flatten();
    target
        .chain(j.baseline.map(|b| b.value))
        .map(|d| d.normalize().scale())
        .max()
        .unwrap_or(0)
        .min(4)
}

fn f64_of(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// Sheet names and headers in the language asked for.
fn t(en: bool, zh: &'static str, english: &'static str) -> &'static str {
    if en { english } else { zh }
}

/// Writes the `check` workbook.
/// `reminders`: the 催报 list (what `--missing` lists), for a check without `--all`, whose rows
/// hold no unreported target; with `--all` the sheet lists the rows without data.
pub(crate) fn check_workbook(
    rows: &[Judged],
    reminders: Option<(Period, &[Missing])>,
    en: bool,
    path: &Path,
) -> anyhow::Result<()> {
    let mut wb = Workbook::new();
    summary_sheet(wb.add_worksheet(), rows, en)?;
    details_sheet(wb.add_worksheet(), rows, en)?;
    let missing: Vec<&Judged> = rows
        .iter()
        .filter(|j| j.verdict.status == Status::NoData)
        .collect();
    if !missing.is_empty() {
        reminder_sheet(wb.add_worksheet(), &missing, en)?;
    } else if let Some((period, m)) = reminders
        && !m.is_empty()
    {
        chase_sheet(wb.add_worksheet(), m, period, en)?;
    }
    wb.save(path)
        .map_err(|e| crate::cmd::write::cannot_write(path, e))?;
    Ok(())
}

/// `check --missing -o FILE.xlsx`: the 催报 list as a workbook of one sheet.
pub(crate) fn missing_workbook(
    missing: &[Missing],
    period: Period,
    en: bool,
    path: &Path,
) -> anyhow::Result<()> {
    let mut wb = Workbook::new();
    chase_sheet(wb.add_worksheet(), missing, period, en)?;
    wb.save(path)
        .map_err(|e| crate::cmd::write::cannot_write(path, e))?;
    Ok(())
}

/// 催报 as `--missing` lists it: every indicator due in the period with no value, by lead
/// department, with its last reported value and period.
fn chase_sheet(
    ws: &mut Worksheet,
    missing: &[Missing],
    period: Period,
    en: bool,
) -> Result<(), XlsxError> {
    ws.set_name(t(en, "催报", "Reminders"))?;
    let headers = super::cycle::missing_headers(en);
    let mut w = Widths(Vec::new());
    w.header(ws, 0, &headers)?;
    let sorted = super::cycle::by_lead(missing, en);
    for (i, m) in sorted.iter().enumerate() {
        let r = i as u32 + 1;
        let cells = super::cycle::missing_cells(m, en);
        for (c, s) in cells.iter().enumerate() {
            w.see(c, s);
            ws.write_string(r, c as u16, s)?;
        }
    }
    let last = sorted.len() as u32 + 2;
    let line = if en {
        format!(
            "{}: {} indicators due and not reported",
            period.label(en),
            sorted.len()
        )
    } else {
        format!("{}: {}项应报未报", period.label(en), sorted.len())
    };
    ws.write_string(last, 0, &line)?;
    w.apply(ws)?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, sorted.len() as u32, headers.len() as u16 - 1)?;
    Ok(())
}

/// What the summary groups rows by.
type KeyFn = Box<dyn Fn(&Judged) -> String>;

fn summary_sheet(ws: &mut Worksheet, rows: &[Judged], en: bool) -> Result<(), XlsxError> {
    ws.set_name(t(en, "汇总", "Summary"))?;
    let bold = Format::new().set_bold();
    let pct = Format::new().set_num_format("0.0%");
    let all = Summary::of(rows);
    let mut w = Widths(Vec::new());
    let title = format!(
        "{}{}",
        t(en, "共", ""),
        if en {
            format!("{} rows: {}", all.total, met_sentence(&all, true))
        } else {
            format!("{}项：{}", all.total, met_sentence(&all, false))
        }
    );
    ws.write_string_with_format(0, 0, &title, &bold)?;
    let headers = [
        t(en, "分组", "group"),
        t(en, "项数", "rows"),
        t(en, "达标", "met"),
        t(en, "达标占比", "share met"),
        t(en, "进度正常", "on track"),
        t(en, "按期占比", "share on schedule"),
        t(en, "进度滞后", "behind"),
        t(en, "未达标", "not met"),
        t(en, "无数据", "no data"),
        t(en, "无目标", "no target"),
        t(en, "说明", "in words"),
        t(en, "绿灯", "green"),
        t(en, "黄灯", "yellow"),
        t(en, "红灯", "red"),
    ];
    let mut r: u32 = 2;
    let groups: [(&str, KeyFn); 3] = [
        (
            t(en, "按领域", "By domain"),
            Box::new(move |j: &Judged| j.domain.map_or("—".into(), |d| d.label(en).to_string())),
        ),
        (
            t(en, "按牵头单位", "By lead department"),
            Box::new(move |j: &Judged| {
                j.row.lead.as_deref().map_or_else(
                    || t(en, "（未列牵头单位）", "(no lead)").into(),
                    String::from,
                )
            }),
        ),
        (
            t(en, "按地区", "By jurisdiction"),
            Box::new(move |j: &Judged| j.plan.plan.jurisdiction.label(en)),
        ),
    ];
    for (title, key) in groups {
        ws.write_string_with_format(r, 0, title, &bold)?;
        r += 1;
        w.header(ws, r, &headers)?;
        r += 1;
        let mut by: BTreeMap<String, Summary> = BTreeMap::new();
        let mut lights: BTreeMap<String, [usize; 3]> = BTreeMap::new();
        for j in rows {
            by.entry(key(j)).or_default().add(j);
            let l = lights.entry(key(j)).or_default();
            match j.cycle.light {
                Some(crate::cycle::Light::Green) => l[0] += 1,
                Some(crate::cycle::Light::Yellow) => l[1] += 1,
                Some(crate::cycle::Light::Red) => l[2] += 1,
                None => {}
            }
        }
        for (name, s) in &by {
            let l = lights.get(name).copied().unwrap_or_default();
            for (k, count) in l.iter().enumerate() {
                ws.write_number(r, 11 + k as u16, *count as f64)?;
            }
            let n = |st: Status| s.counts.get(&st).copied().unwrap_or(0) as f64;
            let d = decided(s);
            ws.write_string(r, 0, name)?;
            w.see(0, name);
            ws.write_number(r, 1, s.total as f64)?;
            ws.write_number(r, 2, n(Status::Met))?;
            let met = s.counts.get(&Status::Met).copied().unwrap_or(0);
            let on = met + s.counts.get(&Status::OnTrack).copied().unwrap_or(0);
            for (c, part) in [(3u16, met), (5, on)] {
                match share(part, d) {
                    Some(p) => ws.write_number_with_format(r, c, f64_of(p) / 100.0, &pct)?,
                    None => ws.write_string(r, c, "—")?,
                };
            }
            ws.write_number(r, 4, n(Status::OnTrack))?;
            ws.write_number(r, 6, n(Status::Behind))?;
            ws.write_number(r, 7, n(Status::NotMet))?;
            ws.write_number(r, 8, n(Status::NoData))?;
            ws.write_number(r, 9, n(Status::NoTarget))?;
            let words = met_sentence(s, en);
            ws.write_string(r, 10, &words)?;
            w.see(10, &words);
            r += 1;
        }
        r += 1;
    }
    w.apply(ws)?;
    Ok(())
}

fn details_sheet(ws: &mut Worksheet, rows: &[Judged], en: bool) -> Result<(), XlsxError> {
    ws.set_name(t(en, "明细", "Details"))?;
    let headers = [
        t(en, "地区", "jurisdiction"),
        t(en, "领域", "domain"),
        t(en, "指标", "indicator"),
        t(en, "单位", "unit"),
        t(en, "年份", "year"),
        t(en, "基础值", "baseline"),
        t(en, "基础值年份", "baseline year"),
        t(en, "目标", "target"),
        t(en, "目标值", "target value"),
        t(en, "路径值", "path value"),
        t(en, "实际值", "actual"),
        t(en, "差距", "gap"),
        t(en, "进度(%)", "progress (%)"),
        t(en, "状态", "status"),
        t(en, "趋势", "trend"),
        t(en, "牵头单位", "lead"),
        t(en, "行号", "line"),
        t(en, "备注", "note"),
        // The reporting cycle's columns: the period (a month or a quarter) and its light.
        t(en, "期间", "period"),
        t(en, "灯", "light"),
        // Why a verdict needs a look (存疑) or what it rests on: the report that goes up says it.
        t(en, "说明", "remarks"),
    ];
    let mut w = Widths(Vec::new());
    w.header(ws, 0, &headers)?;
    let pct1 = num_format(1);
    for (i, j) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let dp = decimals(j);
        let nf = num_format(dp);
        let text = |c: u16, s: String, ws: &mut Worksheet, w: &mut Widths| {
            if !s.is_empty() {
                w.see(c as usize, &s);
                ws.write_string(r, c, &s)?;
            }
            Ok::<(), XlsxError>(())
        };
        text(0, j.plan.plan.jurisdiction.label(en), ws, &mut w)?;
        text(
            1,
            j.domain.map_or(String::new(), |d| d.label(en).to_string()),
            ws,
            &mut w,
        )?;
        text(
            2,
            if en {
                j.entry.name_en.clone()
            } else {
                j.row.name.to_string()
            },
            ws,
            &mut w,
        )?;
        text(3, j.entry.unit_text(), ws, &mut w)?;
        ws.write_number(r, 4, j.year as f64)?;
        if let Some(b) = j.baseline {
            ws.write_number_with_format(r, 5, f64_of(b.value), &nf)?;
            ws.write_number(r, 6, b.year as f64)?;
        }
        text(7, target_text(j, en), ws, &mut w)?;
        if let Some(a) = &j.verdict.applied {
            if let Some(v) = a.target.value {
                ws.write_number_with_format(r, 8, f64_of(v), &nf)?;
            }
            if let Some(p) = a.path {
                ws.write_number_with_format(r, 9, f64_of(p), &nf)?;
            }
        }
        match j.actual {
            Some(Actual::Number(v)) => {
                ws.write_number_with_format(r, 10, f64_of(v), &nf)?;
            }
            Some(Actual::Done(_)) => text(10, actual_text(j.actual, en), ws, &mut w)?,
            None => {}
        }
        if let Some(g) = j.verdict.gap {
            ws.write_number_with_format(r, 11, f64_of(g), &nf)?;
        }
        if let Some(p) = j.verdict.progress {
            ws.write_number_with_format(r, 12, f64_of(p), &pct1)?;
        }
        // 达标(存疑) where a note makes the verdict doubtful, as every format says it.
        let status = status_text(&j.verdict, en);
        w.see(13, &status);
        match status_fill(j.verdict.status) {
            Some(fill) => ws.write_string_with_format(
                r,
                13,
                &status,
                &Format::new().set_background_color(fill),
            )?,
            None => ws.write_string(r, 13, &status)?,
        };
        text(
            14,
            j.category.map_or(String::new(), |c| c.name(en).into()),
            ws,
            &mut w,
        )?;
        text(
            15,
            j.row.lead.as_deref().map(String::from).unwrap_or_default(),
            ws,
            &mut w,
        )?;
        if let Some(l) = j.line {
            ws.write_number(r, 16, l as f64)?;
        }
        text(17, j.note.clone().unwrap_or_default(), ws, &mut w)?;
        text(18, j.period.label(en), ws, &mut w)?;
        if let Some(l) = j.cycle.light {
            let name = l.name(en);
            w.see(19, name);
            ws.write_string_with_format(
                r,
                19,
                name,
                &Format::new().set_background_color(light_fill(l)),
            )?;
        }
        text(20, remarks(j, en), ws, &mut w)?;
    }
    // Numbers are right-aligned and short; a header never makes its column narrower than 8.
    for c in [4usize, 5, 6, 8, 9, 10, 11, 12, 16] {
        w.see(c, "00000000");
    }
    w.apply(ws)?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, headers.len() as u16 - 1)?;
    Ok(())
}

/// 催报: every target due with no value, by lead department.
fn reminder_sheet(ws: &mut Worksheet, missing: &[&Judged], en: bool) -> Result<(), XlsxError> {
    ws.set_name(t(en, "催报", "Reminders"))?;
    let headers = [
        t(en, "牵头单位", "lead"),
        t(en, "地区", "jurisdiction"),
        t(en, "指标", "indicator"),
        t(en, "单位", "unit"),
        t(en, "年份", "year"),
        t(en, "目标", "target"),
    ];
    let mut w = Widths(Vec::new());
    w.header(ws, 0, &headers)?;
    let mut sorted: Vec<&&Judged> = missing.iter().collect();
    sorted.sort_by(|a, b| a.row.lead.cmp(&b.row.lead));
    for (i, j) in sorted.into_iter().enumerate() {
        let r = i as u32 + 1;
        let cells = [
            j.row.lead.as_deref().map_or_else(
                || t(en, "（未列牵头单位）", "(no lead)").into(),
                String::from,
            ),
            j.plan.plan.jurisdiction.label(en),
            if en {
                j.entry.name_en.clone()
            } else {
                j.row.name.to_string()
            },
            j.entry.unit_text(),
        ];
        for (c, s) in cells.iter().enumerate() {
            w.see(c, s);
            ws.write_string(r, c as u16, s)?;
        }
        ws.write_number(r, 4, j.year as f64)?;
        let target = target_text(j, en);
        w.see(5, &target);
        ws.write_string(r, 5, &target)?;
    }
    w.apply(ws)?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, missing.len() as u32, headers.len() as u16 - 1)?;
    Ok(())
}

/// The `compare` workbook, with what the other formats show: a **对比** sheet — per shared
/// indicator and plan, the name that plan prints, the baseline (a number, and what it is: its
/// year, or 十三五平均), the target as printed (`≥95 累计`), the figure for the year as a number,
/// a mark (★ asks most, ~ on the path, or the plan's own year when it has none for the compared
/// year), the change it asks (a number, or 保持 when it asks none) and its yearly rate — then
/// the summary; and a **部分方案有** sheet: the indicators not every plan has, each under the name
/// its plan prints, with its target and who has it.
pub(crate) fn compare_workbook(
    c: &crate::compare::Comparison,
    en: bool,
    path: &Path,
) -> anyhow::Result<()> {
    use crate::report::compare::{change_text, indicator_cell, show_value};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(t(en, "对比", "Compare"))?;
    let mut w = Widths(Vec::new());
    let mut headers: Vec<String> = vec![
        t(en, "领域", "domain").into(),
        t(en, "指标", "indicator").into(),
        t(en, "单位", "unit").into(),
    ];
    const PER_PLAN: u16 = 8;
    for p in &c.plans {
        let n = p.plan.jurisdiction.label(en);
        for h in [
            t(en, "原文名称", "name as printed"),
            t(en, "基础值", "baseline"),
            t(en, "基础值为", "baseline is"),
            t(en, "目标", "target"),
        ] {
            headers.push(format!("{n} {h}"));
        }
        headers.push(format!("{n} {}", c.year));
        for h in [
            t(en, "标记", "mark"),
            t(en, "变化", "change"),
            t(en, "年均变化%", "yearly %"),
        ] {
            headers.push(format!("{n} {h}"));
        }
    }
    w.header(ws, 0, &headers)?;
    let mut text = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, k: u16, v: &str| {
        w.see(k as usize, v);
        ws.write_string(r, k, v).map(|_| ())
    };
    for (i, s) in c.shared.iter().enumerate() {
        let r = i as u32 + 1;
        text(ws, r, 0, s.entry.domain.label(en))?;
        text(ws, r, 1, &indicator_cell(s, &c.plans, en, "; "))?;
        text(ws, r, 2, &s.entry.unit_text())?;
        for (k, ((col, best), printed)) in s.columns.iter().zip(&s.best).zip(&s.printed).enumerate()
        {
            let base = 3 + PER_PLAN * k as u16;
            let values = col
                .stated
                .iter()
                .map(|b| b.value)
                .chain(col.cell.iter().map(|c| c.value));
            let dp = values
                .map(|d| d.normalize().scale())
                .max()
                .unwrap_or(0)
                .min(4);
            let nf = num_format(dp);
            text(ws, r, base, printed)?;
            if let Some(b) = col.stated {
                ws.write_number_with_format(r, base + 1, f64_of(b.value), &nf)?;
                text(ws, r, base + 2, &b.span(en))?;
            }
            let Some(cell) = &col.cell else { continue };
            text(ws, r, base + 3, &show_value(cell, en))?;
            ws.write_number_with_format(r, base + 4, f64_of(cell.value), &nf)?;
            let mark = if cell.year != c.year {
                format!("({})", cell.year)
            } else if *best {
                "★".into()
            } else if cell.interpolated {
                "~".into()
            } else {
                String::new()
            };
            if !mark.is_empty() {
                text(ws, r, base + 5, &mark)?;
            }
            match crate::compare::change(cell) {
                (Some(ch), rate) => {
                    ws.write_number_with_format(r, base + 6, f64_of(ch), &nf)?;
                    if let Some(rate) = rate {
                        ws.write_number_with_format(r, base + 7, f64_of(rate), &num_format(1))?;
                    }
                }
                _ if cell.maintain => text(ws, r, base + 6, &change_text(cell, en))?,
                _ => {}
            }
        }
    }
    let last = c.shared.len() as u32;
    let summary = crate::report::compare::summary_text(c, en);
    ws.write_string(last + 2, 0, &summary)?;
    for k in 3..headers.len() {
        w.see(k, "00000000");
    }
    w.apply(ws)?;
    ws.set_freeze_panes(1, 3)?;
    ws.autofilter(0, 0, last, headers.len() as u16 - 1)?;

    // The indicators not every plan has, under the name their plan prints.
    let ws = wb.add_worksheet();
    ws.set_name(t(en, "部分方案有", "Not in all"))?;
    let mut w = Widths(Vec::new());
    let headers = [
        t(en, "地区", "jurisdiction"),
        t(en, "指标", "indicator"),
        t(en, "单位", "unit"),
        t(en, "目标", "target"),
        t(en, "年份", "year"),
        t(en, "有此指标的方案", "held by"),
    ];
    w.header(ws, 0, &headers)?;
    let mut r = 0u32;
    for (p, list) in c.plans.iter().zip(&c.only) {
        for o in list {
            r += 1;
            let (what, year) = match (&o.cell, o.milestone_year) {
                (Some(cell), _) => (show_value(cell, en), Some(cell.year)),
                (None, Some(y)) => (t(en, "完成", "done").to_string(), Some(y)),
                (None, None) => (t(en, "无目标", "no target").to_string(), None),
            };
            let who: Vec<String> = o
                .holders
                .iter()
                .map(|&j| c.plans[j].plan.jurisdiction.label(en))
                .collect();
            let name = if en {
                o.entry.label(en)
            } else {
                o.printed.to_string()
            };
            let cells = [
                p.plan.jurisdiction.label(en),
                name,
                o.entry.unit_text(),
                what,
            ];
            for (k, v) in cells.iter().enumerate() {
                w.see(k, v);
                ws.write_string(r, k as u16, v)?;
            }
            if let Some(y) = year {
                ws.write_number(r, 4, y as f64)?;
            }
            let who = who.join(if en { ", " } else { "、" });
            w.see(5, &who);
            ws.write_string(r, 5, &who)?;
        }
    }
    w.see(4, "00000");
    w.apply(ws)?;
    ws.set_freeze_panes(1, 0)?;
    if r > 0 {
        ws.autofilter(0, 0, r, headers.len() as u16 - 1)?;
    }
    wb.save(path)
        .map_err(|e| crate::cmd::write::cannot_write(path, e))?;
    Ok(())
}

/// The `rank` workbook: one row per plan and indicator, numbers as numbers.
pub(crate) fn rank_workbook(
    rows: &[crate::compare::Ranked],
    en: bool,
    path: &Path,
) -> anyhow::Result<()> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(t(en, "排名", "Rank"))?;
    let mut w = Widths(Vec::new());
    let headers = [
        t(en, "指标", "indicator"),
        t(en, "单位", "unit"),
        t(en, "名次", "rank"),
        t(en, "地区", "jurisdiction"),
        t(en, "目标值", "target value"),
        t(en, "年份", "year"),
        t(en, "插值", "interpolated"),
        t(en, "基础值", "baseline"),
        t(en, "基础值年份", "baseline year"),
        t(en, "变化", "change"),
        t(en, "基础值为", "baseline is"),
    ];
    w.header(ws, 0, &headers)?;
    for (i, x) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let c = &x.cell;
        let dp = c
            .baseline
            .iter()
            .map(|b| b.1)
            .chain([c.value])
            .map(|d| d.normalize().scale())
            .max()
            .unwrap_or(0)
            .min(4);
        let nf = num_format(dp);
        // Each plan's row under the name it prints (in English, the catalog's).
        let name = if en {
            x.entry.label(en)
        } else {
            x.printed.to_string()
        };
        for (k, v) in [
            (0usize, name),
            (1, x.entry.unit_text()),
            (3, x.plan.plan.jurisdiction.label(en)),
        ] {
            w.see(k, &v);
            ws.write_string(r, k as u16, &v)?;
        }
        ws.write_number(r, 2, x.place as f64)?;
        ws.write_number_with_format(r, 4, f64_of(c.value), &nf)?;
        ws.write_number(r, 5, c.year as f64)?;
        if c.interpolated {
            ws.write_string(r, 6, "~")?;
        }
        // An average or a total over a span is shown with what it is, never as a year's level.
        if let Some(b) = c.stated {
            ws.write_number_with_format(r, 7, f64_of(b.value), &nf)?;
            if b.kind.is_level() {
                ws.write_number(r, 8, b.year as f64)?;
            }
            let span = b.span(en);
            w.see(10, &span);
            ws.write_string(r, 10, &span)?;
        }
        if let (Some(ch), _) = crate::compare::change(c) {
            ws.write_number_with_format(r, 9, f64_of(ch), &nf)?;
        }
    }
    for k in [2usize, 4, 5, 7, 8, 9] {
        w.see(k, "00000000");
    }
    w.apply(ws)?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, headers.len() as u16 - 1)?;
    wb.save(path)
        .map_err(|e| crate::cmd::write::cannot_write(path, e))?;
    Ok(())
}
