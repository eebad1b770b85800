//! Spreadsheet actuals (.xlsx/.xls/.ods), read with calamine. An .xlsx sheet is streamed cell by
//! cell (calamine's dense `Range` would allocate the sheet's whole bounding box: one cell at
//! XFD1048576 is 17 billion cells), its unpacked size checked in the zip directory first, and
//! each cell read as the clerk saw it: a percent-formatted 0.66 is `66%`, a date-formatted
//! cell is a date. Places are the sheet's own: row number and column (`数据!D7`).

use super::visibility::RowHidden;
use super::{
    Actuals, CellKind, EachRow, MAX_BYTES, MAX_CELLS, MAX_FIELD_BYTES, MAX_FIELDS, MAX_SHEET_BYTES,
    NoRows, Record, Records, collect,
};
use crate::diag::{Diagnostic, echo, suggestion};
use calamine::{Data, DataRef, Ods, Reader, SheetVisible, Sheets, Xls, Xlsb, Xlsx, open_workbook};
use rust_decimal::Decimal;
use std::path::Path;

/// Whether an Excel number format shows its number as a percentage (`0%`, `0.00%`), ignoring
/// `%` inside quoted literal text or escaped (`0.0\%` shows a literal `%`, unscaled).
fn is_percent(code: &str) -> bool {
    let mut quoted = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if !quoted => {
                chars.next();
            }
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// The unit an Excel number format writes after its number (`0.0"万人"`, `#,##0"元"`,
/// `0.00\万`, `0.0"%"`: a literal percent, unscaled): the clerk sees `84.6万人` where the cell
/// stores 84.6, and the number alone in a row counted in 人 would be read as 84.6 人. None for
/// a format with no literal after its number, a date or time, or a literal holding a digit.
fn unit_suffix(code: &str) -> Option<String> {
    // A scaling percent is read as one already (`66%`).
    if is_percent(code) {
        return None;
    }
    let section = code.split(';').next().unwrap_or("");
    let (mut suffix, mut number, mut quoted) = (String::new(), false, false);
    let mut chars = section.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => suffix.push(c),
            '\\' => suffix.extend(chars.next().map(|(_, c)| c)),
            // `[Red]`, `[$-804]`, `[DBNum1]`: a colour, a locale or a numeral style.
            '[' => {
                for (_, c) in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            // `_)` pads, `*-` fills: the next character is not shown as itself.
            '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                number = true;
                suffix.clear();
            }
            _ if section[i..].to_ascii_lowercase().starts_with("general") => {
                number = true;
                suffix.clear();
                for _ in 0.."general".len() - 1 {
                    chars.next();
                }
            }
            '.' | ',' | ' ' | '+' | '-' | '(' | ')' => {}
            // A date, a time, scientific notation or a literal letter outside quotes.
            c if c.is_ascii_alphabetic() => return None,
            // Excel shows other characters as themselves: `0.0万人` without quotes.
            c => suffix.push(c),
        }
    }
    let suffix = suffix.trim();
    (number && !suffix.is_empty() && !suffix.chars().any(|c| c.is_ascii_digit()))
        .then(|| suffix.to_string())
}

/// The number format an .ods number cell shows its value with, as an Excel format code, from its
/// value type, its value and the text it shows (calamine reads the value bare): `0%` for a
/// percentage (0.66 shown `66%`); for a number shown with a unit after it (`1.45万元`), the unit,
/// and as many places as the shown number is the value moved (842000 shown `84.2万`: four).
/// `None` where the cell shows its number bare.
fn ods_format(kind: &str, value: &str, text: &str) -> Option<String> {
    if kind == "percentage" {
        return text.ends_with('%').then(|| "0%".to_string());
    }
    let split = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ".,-+ ".contains(*c)))
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = (text[..split].replace([',', ' '], ""), text[split..].trim());
    if unit.is_empty() || unit.contains(|c: char| c.is_ascii_digit()) || unit.contains('"') {
        return None;
    }
    let shown = Decimal::from_str_exact(&number).ok()?;
    let value = Decimal::from_str_exact(value)
        .or_else(|_| Decimal::from_scientific(value))
        .ok()?;
    // The value moved k places, rounded as the text shows it, is the number shown.
    let shift = (0..=12u32).find(|&k| {
        let mut v = value;
        v.set_scale(v.scale() + k).is_ok()
            && v.round_dp_with_strategy(
                shown.scale(),
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            ) == shown
    })?;
    let places = "0".repeat(shift as usize);
    Some(match shift {
        0 => format!("0\"{unit}\""),
        _ => format!("0!.{places}\"{unit}\""),
    })
}

/// Whether a number format shows a number otherwise than bare: a percent, a unit written after
/// it, scaled (see [`format_shift`]).
pub(super) fn shows_otherwise(code: &str) -> bool {
    is_percent(code) || unit_suffix(code).is_some()
}

/// A number as an .xls cell's format shows it (`code`): a percent's hundredfold with `%`, a
/// unit after it moved as the format scales it; `None` where the format shows it bare.
fn as_formatted(f: f64, code: &str) -> Option<String> {
    if is_percent(code) {
        return Some(number_text(f, true));
    }
    let unit = unit_suffix(code)?;
    Some(shifted(&number_text(f, false), format_shift(code)) + &unit)
}

/// How many places an Excel number format moves the decimal point left in what it shows: three
/// for each thousands-scaling comma after its last digit (`0.0,` shows 842000 as 842.0) and one
/// for each digit after a literal point (`0!.0000` shows 842000 as 84.2000) — the formats Chinese
/// sheets show 万 with (`0!.0,"万"` and `0!.0000"万"` both show 842000 as 84.2万). A unit the
/// format writes after the number is the shown number's, not the stored one's.
fn format_shift(code: &str) -> u32 {
    let section = code.split(';').next().unwrap_or("");
    let (mut commas, mut after_point, mut digits, mut point) = (0u32, 0u32, false, false);
    let mut quoted: Option<String> = None;
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        if let Some(q) = &mut quoted {
            match c {
                // `"."` between digits is a point shown, not a decimal one.
                '"' => {
                    if q == "." && digits {
                        (point, after_point) = (true, 0);
                    }
                    quoted = None;
                }
                c => q.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = Some(String::new()),
            // `!.` and `\.`: a point shown as itself.
            '\\' | '!' => {
                let shown = chars.next();
                point |= shown == Some('.') && digits;
                if shown == Some('.') {
                    after_point = 0;
                }
            }
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                digits = true;
                commas = 0;
                if point {
                    after_point += 1;
                }
            }
            ',' if digits => commas += 1,
            _ => {}
        }
    }
    commas.saturating_mul(3).saturating_add(after_point)
}

/// `text` (a number as [`number_text`] writes it) with its decimal point moved `shift` places
/// left, exactly; as it was where the number cannot take so many places.
fn shifted(text: &str, shift: u32) -> String {
    let Ok(mut d) = Decimal::from_str_exact(text) else {
        return text.to_string();
    };
    match shift > 0 && d.set_scale(d.scale() + shift).is_ok() {
        true => d.normalize().to_string(),
        false => text.to_string(),
    }
}

/// Whether an Excel date format shows the year alone (`yyyy`, `yyyy"年"`, `e`): such a cell
/// reads as the year the clerk sees, not as the date 2024-01-01 it stores.
fn is_year_only(code: &str) -> bool {
    let mut quoted = false;
    let mut year = false;
    for c in code.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            'y' | 'Y' | 'e' => year = true,
            'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' => return false,
            _ => {}
        }
    }
    year
}

/// Whether an Excel date format shows a year and a month and nothing finer (`yyyy"年"m"月"`,
/// `yyyy-mm`, `yyyy年m月`): such a cell reads as the month the clerk sees, not as the date
/// 2025-09-30 it stores; `Some(true)` where it says the month in words (年, 月), which the period
/// rules read as a month named in words, `Some(false)` for a code (`2025-09`).
fn year_month(code: &str) -> Option<bool> {
    date_shape(code)
        .filter(|(year, month, _)| *year && *month)
        .map(|(.., words)| words)
}

/// Whether an Excel date format shows a month alone (`m"月"`, `mm`, `[DBNum1]m"月"`): such a
/// cell in a 月份 column reads as the month the clerk sees (`10月`), not as the date it stores.
fn month_only(code: &str) -> bool {
    date_shape(code).is_some_and(|(year, month, _)| month && !year)
}

/// What parts of a date an Excel number format shows — the year, the month, and whether it
/// says them in words (年, 月) — or `None` where it shows a day or a time too.
fn date_shape(code: &str) -> Option<(bool, bool, bool)> {
    let mut quoted = false;
    let (mut year, mut month, mut words) = (false, false, false);
    // The first section only: `;` parts are for negative numbers and text.
    let code = code.split(';').next().unwrap_or("");
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '年' | '月' => words = true,
            _ if quoted => {}
            // `[$-804]`, `[DBNum1]`: a locale or a numeral style, not a part of the date.
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '\\' => {
                chars.next();
            }
            'y' | 'Y' | 'e' => year = true,
            'm' | 'M' => month = true,
            'd' | 'D' | 'h' | 'H' | 's' | 'S' | 'a' | 'A' => return None,
            _ => {}
        }
    }
    Some((year, month, words))
}

/// How a cell's style shows it, as far as reading it goes.
#[derive(Clone, Copy, Default, PartialEq)]
enum Shown {
    #[default]
    Plain,
    Percent,
    Year,
    /// A year and a month: in words (`2025年9月`) or as a code (`2025-09`).
    Month {
        words: bool,
    },
    /// A month alone (`10月`).
    MonthAlone,
}

/// A number as a clerk typed it: the shortest text that reads back as the same float (94.5, not
/// 94.499999), times 100 with `%` when the cell shows a percentage.
/// Excel keeps and shows 15 significant digits: a formula's cached 94.49999999999999 is the
/// 94.5 the clerk sees, and a computed ratio is cut to [`super::value::MAX_DECIMALS`] places
/// rather than refused for its float tail.
fn number_text(f: f64, percent: bool) -> String {
    let plain = f.to_string();
    let Ok(d) = Decimal::from_scientific(&format!("{f:.14e}")) else {
        return plain;
    };
    let d = if percent {
        match d.checked_mul(Decimal::ONE_HUNDRED) {
            Some(d) => d,
            None => return plain,
        }
    } else {
        d
    };
    let d = d.round_dp_with_strategy(
        super::value::MAX_DECIMALS as u32,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    format!("{}{}", d.normalize(), if percent { "%" } else { "" })
}

fn date_text(d: &calamine::ExcelDateTime) -> String {
    if d.is_duration() {
        return format!("{}", d.as_f64());
    }
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{day:02}")
}

/// A date cell of an .xls, an .ods or an XML Spreadsheet (whose formats qyx does not see): 1
/// January at midnight is [`CellKind::YearStart`] with its year as the text, any other date a
/// [`CellKind::Date`].
pub(super) fn year_start(date: &str, midnight: bool) -> (String, CellKind) {
    let day = date.strip_suffix("T00:00:00").unwrap_or(date);
    match day.strip_suffix("-01-01") {
        Some(y) if midnight && y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            (y.to_string(), CellKind::YearStart)
        }
        _ => (date.to_string(), CellKind::Date),
    }
}

fn cell_text(v: &DataRef<'_>, shown: Shown) -> (String, CellKind) {
    let percent = shown == Shown::Percent;
    match v {
        DataRef::DateTime(d) if shown == Shown::Year && !d.is_duration() => {
            (d.to_ymd_hms_milli().0.to_string(), CellKind::Text)
        }
        DataRef::DateTime(d) if !d.is_duration() && matches!(shown, Shown::Month { .. }) => {
            let (y, m, ..) = d.to_ymd_hms_milli();
            let text = match shown {
                Shown::Month { words: true } => format!("{y}年{m}月"),
                _ => format!("{y:04}-{m:02}"),
            };
            (text, CellKind::Text)
        }
        DataRef::DateTime(d) if !d.is_duration() && shown == Shown::MonthAlone => {
            (format!("{}月", d.to_ymd_hms_milli().1), CellKind::Text)
        }
        DataRef::Empty => (String::new(), CellKind::Text),
        DataRef::String(s) => (s.clone(), CellKind::Text),
        DataRef::SharedString(s) => (s.to_string(), CellKind::Text),
        DataRef::Float(f) => (number_text(*f, percent), CellKind::Text),
        DataRef::Int(i) => (number_text(*i as f64, percent), CellKind::Text),
        DataRef::Bool(b) => ((if *b { "是" } else { "否" }).into(), CellKind::Text),
        DataRef::DateTime(d) => (date_text(d), CellKind::Date),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => (s.clone(), CellKind::Date),
        DataRef::Error(e) => (e.to_string(), CellKind::Text),
    }
}

/// Adds a cell at sheet column `col` (1-based) to a record, keeping the first [`MAX_FIELDS`].
pub(super) fn put(rec: &mut Record, col: u64, mut text: String, kind: CellKind) {
    // One long shared string referenced by many cells would otherwise be copied into every row,
    // so memory would grow with the input. No name or value is this long: keep a short, visibly
    // cut head, which no name or number matches, so the row is refused with its place.
    if text.len() > MAX_FIELD_BYTES {
        let head: String = text.chars().take(32).collect();
        text = format!("{head}…");
    }
    if !text.trim().is_empty() {
        rec.last_filled = Some((col, col));
    }
    rec.fields = rec.fields.max(col);
    if col as usize > MAX_FIELDS {
        return;
    }
    while (rec.cells.len() as u64) < col - 1 {
        let column = rec.cells.len() as u64 + 1;
        rec.push("", column, CellKind::Text);
    }
    if rec.cells.len() as u64 >= col {
        rec.set(col as usize - 1, &text, kind);
    } else {
        rec.push(&text, col, kind);
    }
}

/// Records made one by one (a sheet's rows), moved into the caller's record.
pub(super) struct Made<I>(pub(super) I);

impl<I: Iterator<Item = Result<Record, Diagnostic>>> Records for Made<I> {
    fn next_into(&mut self, rec: &mut Record) -> Option<Result<(), Diagnostic>> {
        Some(self.0.next()?.map(|r| *rec = r))
    }
}

/// Refuses a workbook whose sheets unpack to more than [`MAX_SHEET_BYTES`], before unpacking.
fn check_unpacked(path: &Path, name: &str) -> Result<(), Diagnostic> {
    let file = std::fs::File::open(path).map_err(|e| {
        let e = crate::i18n::io_error(&e);
        Diagnostic::error(name, 0, 0, crate::tr!("无法读取: {e}", "cannot read: {e}"))
    })?;
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        // Not a zip: calamine says what it is.
        return Ok(());
    };
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        if entry.size() > MAX_SHEET_BYTES {
            return Err(Diagnostic::error(
                name,
                0,
                0,
                crate::tr!(
                    "工作簿中的 `{}` 解压后有 {} MiB，超过 {} MiB: 不是实际值表",
                    "`{}` inside the workbook unpacks to {} MiB, more than {} MiB: not an actuals sheet",
                    echo(&entry.name().map(|n| n.into_owned()).unwrap_or_default()),
                    entry.size() >> 20,
                    MAX_SHEET_BYTES >> 20
                ),
            ));
        }
    }
    Ok(())
}

/// The sheets to try, in order. A sheet asked for by name is the only one; Excel's sheet names
/// ignore case and a clerk cannot see a trailing space, so `sheet1` is `Sheet1` and `数据` is
/// `数据 ` when no sheet is named exactly so. Otherwise the visible worksheets in order (a
/// workbook's first sheet is often its instructions, 填报说明, or a chart), then the hidden ones:
/// a hidden sheet holds lookup lists, never the report, unless no visible one has a header.
fn candidates(
    name: &str,
    sheets: &[calamine::Sheet],
    asked: Option<&str>,
) -> Result<Vec<String>, Diagnostic> {
    let err = |m: String| Diagnostic::error(name, 0, 0, m);
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    if let Some(s) = asked {
        let loose = |n: &str| crate::diag::fold(n.trim()) == crate::diag::fold(s.trim());
        let found = names
            .iter()
            .find(|n| **n == s)
            .or_else(|| names.iter().find(|n| loose(n)));
        return match found {
            Some(n) => Ok(vec![n.to_string()]),
            None => {
                // `--sheet 2`: the clerk counted the tabs.
                let near = s
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| Some((i, *names.get(i.checked_sub(1)?)?)));
                let hint = match near {
                    Some((i, n)) => crate::tr!(
                        "（是否想输入 `{n}`，第 {i} 个工作表？）",
                        " (did you mean `{n}`, sheet {i}?)"
                    ),
                    None => suggestion(s, names.iter().copied()),
                };
                Err(err(crate::tr!(
                    "没有工作表 `{}`{}；现有工作表: {}",
                    "no sheet `{}`{}; sheets: {}",
                    echo(s),
                    hint,
                    names.join(", ")
                )))
            }
        };
    }
    let work = |s: &&calamine::Sheet| s.typ == calamine::SheetType::WorkSheet;
    let mut order: Vec<String> = sheets
        .iter()
        .filter(work)
        .filter(|s| s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    order.extend(
        sheets
            .iter()
            .filter(work)
            .filter(|s| s.visible != SheetVisible::Visible)
            .map(|s| s.name.clone()),
    );
    if order.is_empty() {
        return Err(err(crate::tr!(
            "工作簿中没有工作表",
            "the workbook has no sheets"
        )));
    }
    Ok(order)
}

/// The message for a sheet with nothing in it: the other sheets, and how to pick one.
fn empty_sheet(name: &str, names: &[String], chosen: &str) -> Diagnostic {
    let others: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| *n != chosen)
        .collect();
    let m = if others.is_empty() {
        crate::tr!(
            "工作表 `{chosen}` 为空: 应有表头行 `地区,指标,年份,数值,单位,备注`",
            "sheet `{chosen}` is empty: expected a header row `地区,指标,年份,数值,单位,备注`"
        )
    } else {
        crate::tr!(
            "工作表 `{chosen}` 为空；工作簿中的其他工作表: {} —— 用 --sheet 名称 选择一个",
            "sheet `{chosen}` is empty; the workbook's other sheets: {} — choose one with --sheet NAME",
            others.join(", ")
        )
    };
    Diagnostic::error(name, 0, 0, m)
}

/// The kind of workbook a file is, by what it holds (not by its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Book {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Book {
    /// Which workbook a zip archive is, by the parts inside it.
    pub(super) fn of_zip(path: &Path, name: &str, ext: &str) -> Result<Book, Diagnostic> {
        let zip = std::fs::File::open(path)
            .map_err(|e| super::cannot_read(name, &e))
            .and_then(|f| zip::ZipArchive::new(f).map_err(|e| damaged(name, &e.to_string())));
        let zip = match zip {
            Ok(z) => z,
            // Cut short: what its parts say, read from their own headers.
            Err(e) => match salvage(path)
                .and_then(|s| zip::ZipArchive::new(std::io::Cursor::new(s.bytes)).ok())
            {
                Some(z) if z.index_for_name("xl/workbook.xml").is_some() => return Ok(Book::Xlsx),
                _ => return Err(e),
            },
        };
        let has = |part: &str| zip.index_for_name(part).is_some();
        if has("xl/workbook.xml") {
            Ok(Book::Xlsx)
        } else if has("xl/workbook.bin") {
            Ok(Book::Xlsb)
        } else if has("content.xml") {
            Ok(Book::Ods)
        } else if has("word/document.xml") || has("ppt/presentation.xml") {
            let (zh, en) = if has("word/document.xml") {
                (" Word 文档", "a Word document")
            } else {
                (" PowerPoint 演示文稿", "a PowerPoint presentation")
            };
            Err(super::foreign(name, zh, en))
        } else {
            Err(Diagnostic::error(
                name,
                0,
                0,
                crate::tr!(
                    "这是 zip 压缩包（扩展名 .{ext}），里面没有工作簿: 请解压后读取其中的 .xlsx 或 CSV 文件",
                    "this is a zip archive (named .{ext}) with no workbook in it: unpack it and read the .xlsx or CSV file inside"
                ),
            ))
        }
    }
}

/// Merged ranges of an .ods, by sheet name (calamine does not say where they are).
type OdsMerges = std::collections::HashMap<String, Vec<calamine::Dimensions>>;

/// The hidden rows of each sheet of an .ods, by its name (`table:visibility` of its rows:
/// `collapse` by hand, `filter` by the sheet's filter).
type OdsHidden = std::collections::HashMap<String, super::visibility::Hidden>;

/// Scans an .ods's XML tag by tag, in a few KB, before calamine opens it, for two things.
/// Its size: the reader allocates every sheet's whole bounding box when it opens the file, and
/// one repeated cell (`number-rows-repeated="1048576"` × `number-columns-repeated="16384"`) in
/// a 10 KB file is 17 billion cells, so a file spanning more than [`MAX_CELLS`] is refused.
/// Its merged cells (`number-rows-spanned`), which calamine reads as empty: a jurisdiction
/// merged down its rows holds for each of them, as in .xlsx and .xls.
fn scan_ods(path: &Path, name: &str) -> Result<(OdsMerges, OdsHidden), Diagnostic> {
    use std::io::{BufRead, BufReader};
    let file = std::fs::File::open(path).map_err(|e| super::cannot_read(name, &e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| damaged(name, &e.to_string()))?;
    let entry = zip
        .by_name("content.xml")
        .map_err(|e| damaged(name, &e.to_string()))?;
    let mut r = BufReader::new(entry);
    let attr = |tag: &[u8], key: &[u8]| -> Option<u64> {
        let at = tag.windows(key.len()).position(|w| w == key)? + key.len();
        let rest = tag.get(at..)?.strip_prefix(b"=\"")?;
        let end = rest.iter().position(|b| *b == b'"')?;
        std::str::from_utf8(&rest[..end]).ok()?.parse().ok()
    };
    let text_attr = |tag: &[u8], key: &[u8]| -> Option<String> {
        let at = tag.windows(key.len()).position(|w| w == key)? + key.len();
        let rest = tag.get(at..)?.strip_prefix(b"=\"")?;
        let end = rest.iter().position(|b| *b == b'"')?;
        Some(String::from_utf8_lossy(&rest[..end]).into_owned())
    };
    let mut merges = OdsMerges::new();
    let mut hidden = OdsHidden::new();
    let mut sheet = String::new();
    let mut kept = 0usize;
    let (mut row, mut col, mut rows, mut cols) = (0u64, 0u64, 0u64, 0u64);
    let (mut reps, mut filled) = (1u64, false);
    let mut tag = Vec::new();
    let too_big = |rows: u64, cols: u64| rows.saturating_mul(cols) > MAX_CELLS as u64;
    // The number cell being read whose value type may be shown otherwise than bare (a
    // percentage, a float with a unit): its row and column (1-based), its type and value, and
    // the text it shows so far.
    let mut shown: Option<(u64, u64, String, String, String)> = None;
    loop {
        // Skip text to the next tag, then read the tag (cut at 64 KiB: no real tag is longer).
        let mut skipped = Vec::new();
        if r.read_until(b'<', &mut skipped)
            .map_err(|e| super::cannot_read(name, &e))?
            == 0
        {
            break;
        }
        tag.clear();
        let mut byte = [0u8; 1];
        loop {
            match std::io::Read::read(&mut r, &mut byte) {
                Ok(1) if byte[0] == b'>' => break,
                Ok(1) => {
                    if tag.len() < 64 * 1024 {
                        tag.push(byte[0]);
                    }
                }
                Ok(_) => break,
                Err(e) => return Err(super::cannot_read(name, &e)),
            }
        }
        let closes = tag.ends_with(b"/");
        if let Some(cell) = &mut shown {
            let text = skipped.strip_suffix(b"<").unwrap_or(&skipped);
            if cell.4.len() < 256 {
                cell.4.push_str(&String::from_utf8_lossy(text));
            }
            if tag.starts_with(b"/table:table-cell") {
                let (line, col, kind, value, text) = shown.take().unwrap_or_default();
                if let Some(code) = ods_format(&kind, &value, text.trim()) {
                    hidden
                        .entry(sheet.clone())
                        .or_default()
                        .note_number_format(line, col, &code);
                }
            }
        }
        if tag.starts_with(b"table:table ") || tag.starts_with(b"table:table>") {
            (row, rows, cols) = (0, 0, 0);
            sheet = text_attr(&tag, b"table:name").unwrap_or_default();
        } else if tag.starts_with(b"table:table-row") {
            reps = attr(&tag, b"table:number-rows-repeated").unwrap_or(1);
            (col, filled) = (0, false);
            if let Some(how @ ("collapse" | "filter")) =
                text_attr(&tag, b"table:visibility").as_deref()
            {
                hidden.entry(sheet.clone()).or_default().hide_rows(
                    row.saturating_add(1),
                    reps,
                    how == "filter",
                );
            }
            if closes {
                row = row.saturating_add(reps);
            }
        } else if tag.starts_with(b"/table:table-row") {
            if filled {
                rows = rows.max(row.saturating_add(reps));
            }
            row = row.saturating_add(reps);
        } else if tag.starts_with(b"table:table-cell")
            || tag.starts_with(b"table:covered-table-cell")
        {
            let n = attr(&tag, b"table:number-columns-repeated").unwrap_or(1);
            let down = attr(&tag, b"table:number-rows-spanned").unwrap_or(1);
            let across = attr(&tag, b"table:number-columns-spanned").unwrap_or(1);
            if down > 1 && kept < Merged::MAX {
                let at = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
                let (r0, c0) = (at(row), at(col));
                let end = (
                    at(row.saturating_add(down - 1)),
                    at(col.saturating_add(across.max(1) - 1)),
                );
                merges
                    .entry(sheet.clone())
                    .or_default()
                    .push(calamine::Dimensions::new((r0, c0), end));
                kept += 1;
            }
            if tag.windows(17).any(|w| w == b"office:value-type") {
                filled = true;
                cols = cols.max(col.saturating_add(n));
            }
            shown = match (text_attr(&tag, b"office:value-type"), closes) {
                (Some(kind), false)
                    if n == 1 && ["percentage", "float", "currency"].contains(&kind.as_str()) =>
                {
                    // `office:value="…"`, not the `office:value-type` before it.
                    let value = tag
                        .windows(14)
                        .position(|w| w == b"office:value=\"")
                        .and_then(|at| text_attr(&tag[at..], b"office:value"))
                        .unwrap_or_default();
                    Some((
                        row.saturating_add(1),
                        col.saturating_add(1),
                        kind,
                        value,
                        String::new(),
                    ))
                }
                _ => None,
            };
            col = col.saturating_add(n);
        }
        if too_big(rows, cols) || filled && too_big(row.saturating_add(reps), cols) {
            return Err(Diagnostic::error(
                name,
                0,
                0,
                crate::tr!(
                    "工作表的单元格（重复展开后）超过 {MAX_CELLS} 个: 不是实际值表；请另存为 .xlsx 或 CSV",
                    "a sheet's cells, once its repeats are expanded, are more than {MAX_CELLS}: not an actuals sheet; save it as .xlsx or CSV"
                ),
            ));
        }
    }
    Ok((merges, hidden))
}

/// Where an .xlsx is read from: its file, or what [`salvage`] recovered of one cut short.
enum Src {
    File(std::fs::File),
    Mem(std::io::Cursor<Vec<u8>>),
}

impl std::io::Read for Src {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Src::File(f) => f.read(buf),
            Src::Mem(m) => m.read(buf),
        }
    }
}

impl std::io::Seek for Src {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        match self {
            Src::File(f) => f.seek(to),
            Src::Mem(m) => m.seek(to),
        }
    }
}

/// What a workbook cut short still holds, as a zip again.
struct Salvaged {
    bytes: Vec<u8>,
    /// The part the file ends inside (read up to there), else the last part read whole.
    cut: String,
}

impl Salvaged {
    fn said(&self, name: &str) -> Diagnostic {
        let part = &self.cut;
        Diagnostic::warning(
            name,
            0,
            0,
            crate::tr!(
                "文件不完整（cut short）: 末尾的 zip 目录缺失，文件在 {part} 处或其后中断（下载或复制未完成？）；已读取其中尚存的内容，请向报送单位索取完整文件",
                "the file is cut short: the zip directory written at its end is missing, and it stops inside or after {part} (a download or copy that did not finish?); what it holds was read; ask for the whole file"
            ),
        )
    }
}

/// A zip whose end — and with it the directory of its parts — is missing (a download or a copy
/// that stopped) is read part by part from the headers each part carries before its data, as far
/// as the bytes go: a workbook cut after its sheet loses nothing, one cut inside it loses only the
/// rows after the cut (the sheet's reader says where). Within [`MAX_BYTES`] unpacked; `None`
/// where nothing is recovered.
fn salvage(path: &Path) -> Option<Salvaged> {
    use std::io::{Read, Write};
    let mut f = std::io::BufReader::new(std::fs::File::open(path).ok()?);
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let (mut total, mut cut, mut parts) = (0u64, String::new(), 0);
    while let Ok(Some(mut part)) = zip::read::read_zipfile_from_stream(&mut f) {
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let mut body = Vec::new();
        let read = (&mut part)
            .take(MAX_BYTES + 1 - total)
            .read_to_end(&mut body);
        total += body.len() as u64;
        if total > MAX_BYTES {
            return None;
        }
        out.start_file(name.as_str(), stored).ok()?;
        out.write_all(&body).ok()?;
        parts += 1;
        cut = name;
        if read.is_err() {
            break;
        }
    }
    let bytes = out.finish().ok()?.into_inner();
    (parts > 0).then_some(Salvaged { bytes, cut })
}

/// A cell beyond Excel's grid: its row (0-based) and column (1-based).
type FarCell = (u32, u64);

/// An .xlsb sheet's cells as a range, read cell by cell, with the first cell left out for lying
/// beyond Excel's last column (row, 1-based column), if any.
///
/// Why: calamine's range of an .xlsb sheet is the rectangle from its first filled cell to its
/// last, allocated at once, and a cell record whose column is damaged (`4000000000`) makes that
/// thousands of millions of cells — the process aborts. Excel's grid ends at column 16 384, so
/// a cell beyond it is damage: left out and said, the rest of the sheet read. Bounded by
/// [`MAX_CELLS`] cells kept and a rectangle of as many.
fn xlsb_range(
    x: &mut calamine::Xlsb<std::io::BufReader<std::fs::File>>,
    chosen: &str,
) -> Result<(calamine::Range<Data>, Option<FarCell>), String> {
    const LAST_COLUMN: u32 = 16_383;
    let mut reader = x
        .worksheet_cells_reader(chosen)
        .map_err(|e| e.to_string())?;
    let mut cells = Vec::new();
    let mut far = None;
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0u32, 0u32);
    while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (r, c) = cell.get_position();
        if c > LAST_COLUMN {
            far.get_or_insert((r, u64::from(c) + 1));
            continue;
        }
        (top, left) = (top.min(r), left.min(c));
        (bottom, right) = (bottom.max(r), right.max(c));
        let area = (u64::from(bottom - top) + 1) * (u64::from(right - left) + 1);
        if cells.len() >= MAX_CELLS || area > MAX_CELLS as u64 {
            return Err(crate::tr!(
                "单元格分布范围（首个到最后一个有内容的单元格）超过 {MAX_CELLS} 格: 不是实际值报表，或文件已损坏；请另存为 .xlsx 或 CSV",
                "its cells span more than {MAX_CELLS} cells from the first filled one to the last: not an actuals sheet, or a damaged file; save it as .xlsx or CSV"
            ));
        }
        let value: Data = cell.get_value().clone().into();
        cells.push(calamine::Cell::new((r, c), value));
    }
    Ok((calamine::Range::from_sparse(cells), far))
}

/// A workbook whose table of texts claims more texts than its part can hold
/// (`<sst uniqueCount="4294967296">` in a part of a few kilobytes), written again in memory with
/// the claim taken out; `None` for every workbook whose claim is plausible (nearly all), or that
/// cannot be read so (then the reader says why).
///
/// Why: calamine reserves room for the claimed number of texts before it reads one, and a damaged
/// count asks for a hundred gigabytes — the process aborts. Excel reads the texts themselves and
/// never trusts the count, so neither does qyx: the claim is dropped, nothing else changes, and
/// the workbook reads as Excel shows it. Within [`MAX_BYTES`] unpacked.
fn mend_string_count(src: impl std::io::Read + std::io::Seek) -> Option<Vec<u8>> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(src).ok()?;
    let at = (0..zip.len()).find(|&i| {
        zip.name_for_index(i)
            .is_some_and(|n| n.is_ok_and(|n| n.ends_with("sharedStrings.xml")))
    })?;
    let (head, size) = {
        let part = zip.by_index(at).ok()?;
        let size = part.size();
        let mut head = Vec::new();
        part.take(4096).read_to_end(&mut head).ok()?;
        (head, size)
    };
    let (start, end, claimed) = unique_count(&head)?;
    // The shortest text entry, `<si/>`, takes 5 bytes; 40 a text is more than any sheet a
    // clerk fills needs, within the size limit.
    let most = (size / 5 + 16).min(MAX_BYTES / 40);
    if claimed <= most {
        return None;
    }
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).ok()?;
        let name = part.name().ok()?.to_string();
        let mut body = Vec::new();
        (&mut part)
            .take(MAX_BYTES + 1 - total)
            .read_to_end(&mut body)
            .ok()?;
        total += body.len() as u64;
        if total > MAX_BYTES {
            return None;
        }
        if i == at {
            body.splice(start..end, *b"0");
        }
        out.start_file(name.as_str(), stored).ok()?;
        out.write_all(&body).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

/// The number a part's `uniqueCount="…"` claims, and where its digits are (start, end), in the
/// part's first bytes; a number past `u64` reads as `u64::MAX`.
fn unique_count(head: &[u8]) -> Option<(usize, usize, u64)> {
    const KEY: &[u8] = b"uniqueCount=";
    let at = head.windows(KEY.len()).position(|w| w == KEY)? + KEY.len();
    let quote = *head.get(at)?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let start = at + 1;
    let len = head[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if len == 0 {
        return None;
    }
    let n = head[start..start + len].iter().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    Some((start, start + len, n))
}

/// Runs a call into calamine's readers of the older formats (.xls, .xlsb, .ods), which assume a
/// well-formed file and panic on some damaged ones (a cell record shorter than its count, a
/// sector table cut inside an entry: found by `scripts/mutate-inputs.py`). A panic there is
/// `None`, said as a damaged workbook ([`failed`]), and its message — a programmer's, about
/// calamine's source — is not printed; a panic anywhere else is printed as before.
fn contained<T>(f: impl FnOnce() -> T) -> Option<T> {
    use std::cell::Cell;
    thread_local!(static INSIDE: Cell<bool> = const { Cell::new(false) });
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !INSIDE.with(Cell::get) {
                before(info);
            }
        }));
    });
    INSIDE.with(|c| c.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    INSIDE.with(|c| c.set(false));
    r.ok()
}

/// A workbook the reader failed on ([`contained`]).
fn failed(name: &str) -> Diagnostic {
    damaged(
        name,
        crate::i18n::pick(
            "读取器无法解析其内容",
            "the reader could not make sense of its contents",
        ),
    )
}

/// A workbook that cannot be opened: say what the clerk can do, with the reader's words after.
fn damaged(name: &str, why: &str) -> Diagnostic {
    // calamine frames the zip reader's words; said once, as the zip reader says them.
    let why = why.strip_prefix("Zip error: ").unwrap_or(why);
    Diagnostic::error(
        name,
        0,
        0,
        crate::tr!(
            "无法打开工作簿，文件可能已损坏或未完整下载/复制（{why}）: 请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV",
            "cannot open the workbook: the file may be damaged or only partly downloaded or copied ({why}); open it in Excel or WPS and save it as .xlsx or CSV"
        ),
    )
}

/// Whether an OLE compound file is an encrypted Office package: Excel saves a workbook with a
/// password to open as `EncryptionInfo` and `EncryptedPackage` streams (MS-OFFCRYPTO), whatever
/// its name says, and calamine only finds no `Workbook` stream in it. Looked for in the
/// directory's UTF-16 names, within the size limit the file has passed already.
fn encrypted(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle)
}

fn protected(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        0,
        0,
        crate::tr!(
            "工作簿设有打开密码（已加密），无法读取: 请在 Excel 或 WPS 中打开，取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后保存，或另存为 CSV",
            "the workbook is password-protected (encrypted) and cannot be read: open it in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save, or save it as CSV"
        ),
    )
}

/// An open workbook: .xlsx is streamed, the others read a sheet whole.
enum Open {
    Xlsx(Xlsx<std::io::BufReader<Src>>),
    Other(Sheets<std::io::BufReader<std::fs::File>>),
}

pub(super) fn read_sheet(
    path: &Path,
    name: &str,
    book: Book,
    sheet: Option<&str>,
    each: &mut EachRow<'_>,
) -> Result<Actuals, Diagnostic> {
    if book != Book::Xls {
        check_unpacked(path, name)?;
    }
    if book != Book::Xlsx && std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        return Err(super::too_big(name));
    }
    let (ods_merges, mut ods_hidden) = match book {
        Book::Ods => scan_ods(path, name)?,
        _ => Default::default(),
    };
    let why = |e: &dyn std::fmt::Display| damaged(name, &e.to_string());
    let mut cut_short = None;
    let mut wb = match book {
        Book::Xlsx => {
            let mended = std::fs::File::open(path).ok().and_then(mend_string_count);
            let opened = match mended {
                Some(mended) => Xlsx::new(std::io::BufReader::new(Src::Mem(std::io::Cursor::new(
                    mended,
                ))))
                .map_err(|e| why(&e)),
                None => std::fs::File::open(path)
                    .map_err(|e| super::cannot_read(name, &e))
                    .and_then(|f| {
                        Xlsx::new(std::io::BufReader::new(Src::File(f))).map_err(|e| why(&e))
                    }),
            };
            // Salvaged only when it does not open: salvaging unpacks the whole file into memory.
            match opened {
                Ok(x) => Open::Xlsx(x),
                Err(e) => {
                    let s = salvage(path).ok_or_else(|| e.clone())?;
                    cut_short = Some(s.said(name));
                    // Salvaged from the file as it is: its count is mended again.
                    let bytes =
                        mend_string_count(std::io::Cursor::new(&s.bytes)).unwrap_or(s.bytes);
                    let mem = std::io::Cursor::new(bytes);
                    Open::Xlsx(Xlsx::new(std::io::BufReader::new(Src::Mem(mem))).map_err(|_| e)?)
                }
            }
        }
        Book::Xlsb => Open::Other(Sheets::Xlsb(
            contained(|| open_workbook::<Xlsb<_>, _>(path))
                .ok_or_else(|| failed(name))?
                .map_err(|e| why(&e))?,
        )),
        Book::Xls => {
            // Said before calamine is asked: it finds no `Workbook` stream in such a file.
            if encrypted(path) {
                return Err(protected(name));
            }
            let opened =
                contained(|| open_workbook::<Xls<_>, _>(path)).ok_or_else(|| failed(name))?;
            Open::Other(Sheets::Xls(opened.map_err(|e| {
                if matches!(e, calamine::XlsError::Password) {
                    protected(name)
                } else {
                    why(&e)
                }
            })?))
        }
        Book::Ods => Open::Other(Sheets::Ods(
            contained(|| open_workbook::<Ods<_>, _>(path))
                .ok_or_else(|| failed(name))?
                .map_err(|e| why(&e))?,
        )),
    };
    let sheets = match &wb {
        Open::Xlsx(x) => x.sheets_metadata().to_vec(),
        Open::Other(o) => o.sheets_metadata().to_vec(),
    };
    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    let tried = candidates(name, &sheets, sheet)?;
    let no_shared_strings = book == Book::Xlsx
        && std::fs::File::open(path)
            .ok()
            .and_then(|f| zip::ZipArchive::new(f).ok())
            .is_some_and(|z| z.index_for_name("xl/sharedStrings.xml").is_none());
    let mut first: Option<NoRows> = None;
    // Every visible sheet with a header is read, not only the first: a workbook of one sheet a
    // county (诸暨市, 嵊泗县 …) is one report, and a sheet left unread is rows lost in silence.
    let mut report: Option<Actuals> = None;
    for chosen in &tried {
        let hidden = sheets
            .iter()
            .any(|s| &s.name == chosen && s.visible != SheetVisible::Visible);
        if report.is_some() && hidden {
            break;
        }
        let read = match &mut wb {
            Open::Xlsx(x) => read_xlsx(x, path, name, chosen, no_shared_strings, each),
            Open::Other(o) => {
                let merges = ods_merges.get(chosen).cloned().unwrap_or_default();
                // An .xls's hidden rows and columns and its struck cells, from its own records,
                // and an .ods's hidden rows, from its scan (calamine reads only cells' values).
                let hidden = match o {
                    Sheets::Xls(_) => {
                        contained(|| super::visibility::of_xls_sheet(path, chosen, MAX_BYTES))
                            .unwrap_or_default()
                    }
                    Sheets::Ods(_) => ods_hidden.remove(chosen).unwrap_or_default(),
                    _ => Default::default(),
                };
                if hidden.is_empty() && !hidden.strikes() {
                    read_other(o, name, chosen, merges, Some(&hidden), each)
                } else {
                    let mut filtered = 0u64;
                    let mut watch = |p: super::Place<'_>, r: &super::ActualRow<'_>| {
                        let crossed = match !r.value.text.is_empty()
                            && hidden.struck(r.line, r.value.column)
                        {
                            true => RowHidden::Struck,
                            false => RowHidden::No,
                        };
                        each(p, &as_shown(&hidden, r, crossed, &mut filtered));
                    };
                    let mut read = read_other(o, name, chosen, merges, Some(&hidden), &mut watch);
                    if let Ok(a) = &mut read
                        && filtered > 0
                    {
                        a.problems.push(filtered_read(name, chosen, filtered));
                    }
                    read
                }
            }
        };
        match (read, &mut report) {
            (Ok(mut a), None) => {
                if chosen != &tried[0] {
                    let m = if hidden {
                        crate::tr!(
                            "可见的工作表中没有表头，已读取隐藏的工作表 `{chosen}`: 请确认它就是要报送的数据",
                            "no visible sheet has a header: read the hidden sheet `{chosen}`; make sure it holds the report"
                        )
                    } else {
                        crate::tr!(
                            "工作表 `{}` 中没有表头，已读取工作表 `{chosen}`（用 --sheet 名称 可指定）",
                            "sheet `{}` has no header: read sheet `{chosen}` (choose one with --sheet NAME)",
                            tried[0]
                        )
                    };
                    a.problems.insert(0, Diagnostic::warning(name, 0, 0, m));
                }
                a.encoding = "spreadsheet";
                report = Some(a);
            }
            (Ok(a), Some(r)) => {
                r.problems.extend(a.problems);
                r.unlisted.add(a.unlisted);
            }
            (Err(NoRows::Bad(d)), None) => return Err(d),
            // A later sheet whose header cannot be read (a 指标说明 sheet of 序号, 指标, 解释) is
            // said and passed over: the report already read stands.
            (Err(NoRows::Bad(mut d)), Some(r)) => {
                d.severity = crate::diag::Severity::Warning;
                d.message.push_str(crate::i18n::pick(
                    "；此工作表未读取",
                    "; this sheet is not read",
                ));
                r.problems.push(d);
            }
            (Err(e), None) => {
                first.get_or_insert(e);
            }
            // Instructions after the report, or the empty Sheet2 Excel adds: nothing to read.
            (Err(_), Some(_)) => {}
        }
    }
    if let Some(mut a) = report {
        a.problems.splice(0..0, cut_short);
        return Ok(a);
    }
    Err(first
        .unwrap_or(NoRows::Empty)
        .unwrap_or_else(|| empty_sheet(name, &names, &tried[0])))
}

/// Merged cells as the clerk sees them: Excel stores a merged range's value in its first cell
/// only, and shows it in every row the range spans (a jurisdiction or a department merged down
/// its rows). Only the first row's columns carry it down, never across: a header merged across
/// two columns must not name two columns.
struct Merged {
    /// Ranges spanning more than one row: (first row, last row, first column, last column).
    ranges: Vec<(u32, u32, u32, u32)>,
    /// The text of each range's first cell, once read (by range index).
    texts: Vec<Option<(String, CellKind)>>,
}

impl Merged {
    /// At most this many ranges are kept: a sheet has a few dozen; more cost nothing.
    const MAX: usize = 10_000;

    fn of(dims: Vec<calamine::Dimensions>) -> Merged {
        let ranges: Vec<(u32, u32, u32, u32)> = dims
            .iter()
            .filter(|d| d.end.0 > d.start.0 && d.end.1 >= d.start.1)
            .filter(|d| (d.end.1 - d.start.1) < MAX_FIELDS as u32)
            .take(Self::MAX)
            .map(|d| (d.start.0, d.end.0, d.start.1, d.end.1))
            .collect();
        Merged {
            texts: vec![None; ranges.len()],
            ranges,
        }
    }

    /// Notes a cell's text when it is a range's first cell.
    fn see(&mut self, row: u32, col: u32, text: &str, kind: CellKind) {
        for (i, (r0, _, c0, _)) in self.ranges.iter().enumerate() {
            if (*r0, *c0) == (row, col) {
                self.texts[i] = Some((text.to_string(), kind));
            }
        }
    }

    /// Puts each range's text into the record's empty cells it spans below its first row.
    fn fill(&self, rec: &mut Record) {
        let Ok(row) = u32::try_from(rec.line.saturating_sub(1)) else {
            return;
        };
        for ((r0, r1, c0, _), text) in self.ranges.iter().zip(&self.texts) {
            let Some((text, kind)) = text else { continue };
            if row <= *r0 || row > *r1 {
                continue;
            }
            let col = u64::from(*c0) + 1;
            let empty = rec
                .cells
                .get(col as usize - 1)
                .is_none_or(|c| rec.text(c).trim().is_empty());
            if empty {
                put(rec, col, text.clone(), *kind);
            }
        }
    }
}

/// Reads one sheet of an .xlsx, cell by cell, each row with whether Excel shows it.
fn read_xlsx(
    wb: &mut Xlsx<std::io::BufReader<Src>>,
    path: &Path,
    name: &str,
    chosen: &str,
    no_shared_strings: bool,
    each: &mut EachRow<'_>,
) -> Result<Actuals, NoRows> {
    let hidden = super::visibility::of_sheet(path, chosen, MAX_SHEET_BYTES);
    // The cells whose font strikes them through, or some of their text's runs, as they are
    // read (bounded by MAX_STRUCK).
    let struck = std::cell::RefCell::new(std::collections::HashMap::new());
    // The value cells found empty, to ask after the read whether a formula stood there.
    let mut empties: Vec<(u64, u64)> = Vec::new();
    // The rows a filter hides that hold a value: read, and said once.
    let mut filtered = 0u64;
    let mut watch = |p: super::Place<'_>, r: &super::ActualRow<'_>| {
        if r.value.text.is_empty() && empties.len() < MAX_EMPTIES {
            empties.push((r.line, r.value.column));
        }
        let crossed = match r.value.text.is_empty() {
            true => RowHidden::No,
            false => {
                (struck.borrow().get(&(r.line, r.value.column)).copied()).unwrap_or(RowHidden::No)
            }
        };
        // A comment (批注) on the row's cells is part of its note: where a clerk says in Excel
        // that a figure is an estimate or unchecked (`预计数`), the verdict is 存疑 as for a
        // 备注 column's.
        let noted;
        let r = match hidden.comments(r.line) {
            Some(c) => {
                noted = match r.note {
                    Some(n) => format!("{n}；批注: {c}"),
                    None => format!("批注: {c}"),
                };
                &super::ActualRow {
                    note: Some(noted.as_str()),
                    ..*r
                }
            }
            None => r,
        };
        if hidden.is_empty() && crossed == RowHidden::No {
            return each(p, r);
        }
        each(p, &as_shown(&hidden, r, crossed, &mut filtered));
    };
    let beyond = hidden.beyond.as_ref();
    let mut read = read_cells(
        wb,
        name,
        chosen,
        no_shared_strings,
        Some(&hidden),
        &struck,
        &mut watch,
    );
    if let Ok(a) = &mut read {
        if !empties.is_empty() {
            let cells = beyond.map(|b| b.cells_before);
            a.problems
                .extend(uncalculated(wb, name, chosen, &empties, cells));
        }
        if filtered > 0 {
            a.problems.push(filtered_read(name, chosen, filtered));
        }
    }
    read
}

/// A row as the workbook shows it: hidden (by hand or by the filter), its value struck through
/// (`crossed`), or plain; a filtered row with a value is counted in `filtered`, to be said once.
fn as_shown<'r>(
    hidden: &super::visibility::Hidden,
    r: &super::ActualRow<'r>,
    crossed: RowHidden,
    filtered: &mut u64,
) -> super::ActualRow<'r> {
    let row = super::ActualRow {
        hidden: match hidden.of(r.line) {
            RowHidden::No => crossed,
            h => h,
        },
        ..*r
    };
    if row.hidden == RowHidden::Filtered && !r.value.text.is_empty() {
        *filtered += 1;
    }
    row
}

/// The one warning for the rows a sheet's filter hides: read and judged all the same.
fn filtered_read(name: &str, chosen: &str, filtered: u64) -> Diagnostic {
    Diagnostic::warning(
        name,
        0,
        0,
        crate::tr!(
            "工作表 `{chosen}` 设了筛选，筛选隐藏的 {filtered} 行也已读取并判定（它们仍是报表的数据）",
            "sheet `{chosen}` is filtered: the {filtered} rows its filter hides were read and judged as well (they are still the report's)"
        ),
    )
    .in_sheet(Some(chosen))
}

/// A sheet's records with every column hidden in the workbook that heads the same column as a
/// shown one (last month's 数值 hidden beside this month's 实际值) blanked, each said in `said`:
/// the clerk sees one, so the shown one is read — read, the two made the header refused. A
/// hidden column alone is read.
fn hidden_twins<'a>(
    records: impl Iterator<Item = Result<Record, Diagnostic>> + 'a,
    hidden: Option<&'a super::visibility::Hidden>,
    name: &'a str,
    chosen: &'a str,
    said: &'a std::cell::RefCell<Vec<Diagnostic>>,
) -> impl Iterator<Item = Result<Record, Diagnostic>> + 'a {
    let is_hidden = move |c: &super::Cell| hidden.is_some_and(|h| h.column_hidden(c.column));
    let mut header_seen = hidden.is_none_or(|h| !h.hides_columns());
    let mut blanked: Vec<u64> = Vec::new();
    records.map(move |r| {
        r.map(|mut rec| {
            if !header_seen && super::rows::names_columns(&rec) >= 2 {
                header_seen = true;
                for c in rec.cells.iter().filter(|c| is_hidden(c)) {
                    let text = rec.text(c);
                    let Some(twin) = rec.cells.iter().find(|s| {
                        !is_hidden(s) && super::rows::same_read_column(text, rec.text(s))
                    }) else {
                        continue;
                    };
                    blanked.push(c.column);
                    said.borrow_mut().push(
                        Diagnostic::warning(
                            name,
                            rec.line,
                            c.column,
                            crate::tr!(
                                "`{}` 列在工作簿中被隐藏，未隐藏的 `{}` 列是同一列: 读取未隐藏的列，隐藏列不读取",
                                "the `{}` column is hidden in the workbook and the shown `{}` column heads the same: the shown column is read, the hidden one is not",
                                crate::diag::echo(text.trim()),
                                crate::diag::echo(rec.text(twin).trim())
                            ),
                        )
                        .in_sheet(Some(chosen)),
                    );
                }
            }
            for &col in &blanked {
                if let Ok(i) = usize::try_from(col - 1)
                    && i < rec.cells.len()
                {
                    rec.set(i, "", CellKind::Text);
                }
            }
            rec
        })
    })
}

/// Empty value cells looked into for a formula, at most.
const MAX_EMPTIES: usize = 10_000;

/// A formula whose result was never saved reads as an empty cell, and an empty value is "no
/// data": a sheet written by a program that does not calculate (a web export, a script) would
/// lose its values without a word. So the value cells found empty are looked up in a second,
/// streamed pass over the sheet — only when there are any — and each formula among them said.
fn uncalculated(
    wb: &mut Xlsx<std::io::BufReader<Src>>,
    name: &str,
    chosen: &str,
    empties: &[(u64, u64)],
    cells: Option<u64>,
) -> Vec<Diagnostic> {
    let mut said = Vec::new();
    let Some(Ok(mut reader)) = contained(|| wb.worksheet_cells_reader(chosen)) else {
        return said;
    };
    let wanted: std::collections::HashSet<(u64, u64)> = empties.iter().copied().collect();
    let mut taken = 0u64;
    while cells.is_none_or(|n| taken < n)
        && let Some(Ok(Some(c))) = contained(|| reader.next_cell_with_formula_metadata())
    {
        taken += 1;
        let (r, col) = (u64::from(c.pos.0) + 1, u64::from(c.pos.1) + 1);
        if c.formula.is_some() && matches!(c.value, DataRef::Empty) && wanted.contains(&(r, col)) {
            said.push(
                Diagnostic::error(
                    name,
                    r,
                    col,
                    crate::tr!(
                        "此单元格是公式，但文件里没有保存它的计算结果（生成文件的程序不计算公式），无法读出数值: 请用 Excel 或 WPS 打开并保存后再检查",
                        "this cell is a formula whose result was never saved (the program that wrote the file does not calculate), so it has no value to read: open and save the file in Excel or WPS, then check again"
                    ),
                )
                .in_sheet(Some(chosen)),
            );
        }
    }
    said
}

/// The most struck-through cells noted for one sheet; past it, the rest read as plain.
const MAX_STRUCK: usize = 10_000;

/// Reads one sheet's cells, streamed, handing each row to `each`; the cells struck through, whole
/// or in part, are noted in `struck` (row, column) before their row is handed out, and a cell
/// struck in part is read as its text not struck.
fn read_cells(
    wb: &mut Xlsx<std::io::BufReader<Src>>,
    name: &str,
    chosen: &str,
    no_shared_strings: bool,
    hidden: Option<&super::visibility::Hidden>,
    struck: &std::cell::RefCell<std::collections::HashMap<(u64, u64), RowHidden>>,
    each: &mut EachRow<'_>,
) -> Result<Actuals, NoRows> {
    let beyond = hidden.and_then(|h| h.beyond.as_ref());
    let err = |m: String| NoRows::Bad(Diagnostic::error(name, 0, 0, m));
    // calamine's reference arithmetic overflows (a panic in a checked build) on a reference
    // beyond Excel's grid; the cells are read up to the first such one (`beyond`), and its
    // calls are contained besides, for a reference the scan did not reach.
    let mut merged = Merged::of(
        contained(|| wb.merge_cells_by_sheet_name(chosen))
            .and_then(Result::ok)
            .unwrap_or_default(),
    );
    let mut reader = contained(|| wb.worksheet_cells_reader(chosen))
        .ok_or_else(|| NoRows::Bad(failed(name).in_sheet(Some(chosen))))?
        .map_err(|e| {
            err(crate::tr!(
                "无法读取工作表 `{chosen}`: {e}",
                "cannot read sheet `{chosen}`: {e}"
            ))
        })?;
    let shown: Vec<Shown> = reader
        .styles()
        .iter()
        .map(|s| match s.number_format.as_ref() {
            Some(f) if is_percent(&f.format_code) => Shown::Percent,
            Some(f) if is_year_only(&f.format_code) => Shown::Year,
            Some(f) => match year_month(&f.format_code) {
                Some(words) => Shown::Month { words },
                None if month_only(&f.format_code) => Shown::MonthAlone,
                None => Shown::Plain,
            },
            _ => Shown::Plain,
        })
        .collect();
    let strikes: Vec<bool> = reader
        .styles()
        .iter()
        .map(|s| s.font.as_ref().is_some_and(|f| f.has_strikethrough()))
        .collect();
    let suffixes: Vec<Option<(String, u32)>> = reader
        .styles()
        .iter()
        .map(|s| {
            s.number_format
                .as_ref()
                .and_then(|f| Some((unit_suffix(&f.format_code)?, format_shift(&f.format_code))))
        })
        .collect();
    let mut pending: Option<Record> = None;
    // The last column any row read whole reaches.
    let mut widest = 0u64;
    let mut filled = 0usize;
    // The cells taken from the reader, to stop before a reference beyond the grid.
    let mut taken = 0u64;
    let mut done = false;
    let records = std::iter::from_fn(|| {
        loop {
            if done {
                return pending.take().map(|mut p| {
                    merged.fill(&mut p);
                    Ok(p)
                });
            }
            // Where the reader must stop: a reference beyond the grid next, or the reader's own
            // error (or a panic it was kept from).
            let next = match beyond.filter(|b| b.cells_before == taken) {
                Some(b) => {
                    let reference = &b.reference;
                    Err(crate::tr!(
                        "工作表 `{chosen}` 从此行起已损坏: 引用 `{reference}` 超出 Excel 的表格范围（最多 1048576 行、XFD 列），其后各行无法读取；以上各行已判断；请用 Excel 或 WPS 打开修复后另存为 .xlsx 或 CSV",
                        "sheet `{chosen}` is damaged from this row: the reference `{reference}` is beyond Excel's grid (at most 1048576 rows and column XFD), so the rows from here cannot be read; the rows above were judged; open the file in Excel or WPS to repair it and save it as .xlsx or CSV"
                    ))
                }
                None => match contained(|| reader.next_cell_with_style_id()) {
                    Some(Ok(c)) => Ok(c),
                    Some(Err(e))
                        if no_shared_strings && e.to_string().contains("shared strings") =>
                    {
                        Err(crate::tr!(
                            "工作簿缺少文本表 xl/sharedStrings.xml，工作表 `{chosen}` 中此处起的文字单元格都无法读取: 文件已损坏或由不完整的程序生成；请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV",
                            "the workbook lacks its table of texts (xl/sharedStrings.xml), so the text cells of sheet `{chosen}` cannot be read from here on: the file is damaged or was written by an incomplete program; open it in Excel or WPS and save it as .xlsx or CSV"
                        ))
                    }
                    failed => {
                        let e = failed.map_or_else(
                            || {
                                crate::i18n::pick(
                                    "读取器无法解析此处的单元格",
                                    "the reader could not make sense of a cell here",
                                )
                                .to_string()
                            },
                            |r| r.err().map(|e| e.to_string()).unwrap_or_default(),
                        );
                        Err(crate::tr!(
                            "无法读取工作表 `{chosen}` 的其余部分，此处起文件已损坏（{e}）: 以上各行已判断；请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV",
                            "cannot read the rest of sheet `{chosen}`: the file is damaged from here on ({e}); the rows above were judged; open it in Excel or WPS and save it as .xlsx or CSV"
                        ))
                    }
                },
            };
            taken += 1;
            let (cell, style) = match next {
                Ok(Some(c)) => c,
                Ok(None) => {
                    done = true;
                    continue;
                }
                Err(m) => {
                    done = true;
                    // calamine does not say which cell it failed on, nor whether the row being
                    // read had ended: one that stops short of the rows before it (d04's row 13,
                    // cut inside D13 of A–E) lost its last cells — its value — and is not
                    // judged; the place is the first row not read whole (A1 when none was).
                    let short = pending
                        .as_ref()
                        .is_some_and(|p| p.last_filled.map_or(0, |(_, c)| c) < widest);
                    let line = match &pending {
                        Some(p) if short => p.line,
                        Some(p) => p.line + 1,
                        None => 1,
                    };
                    if short {
                        pending = None;
                    }
                    let col = 1;
                    return Some(Err(
                        Diagnostic::error(name, line, col, m).in_sheet(Some(chosen))
                    ));
                }
            };
            let (r, c) = cell.get_position();
            let (line, col) = (u64::from(r) + 1, u64::from(c) + 1);
            let (mut text, kind) = cell_text(
                cell.get_value(),
                shown.get(style).copied().unwrap_or_default(),
            );
            if matches!(cell.get_value(), DataRef::Float(_) | DataRef::Int(_))
                && let Some(Some((unit, shift))) = suffixes.get(style)
            {
                // 842000 shown as 84.2万 (`0!.0,"万"`): the unit is the shown number's.
                text = shifted(&text, *shift);
                text.push_str(unit);
            }
            // Rich text with runs struck through, which the cell's text runs together: the whole
            // cell crossed out, or the runs not struck (the new figure beside the old).
            let mut crossed = match strikes.get(style).copied().unwrap_or(false) {
                true => RowHidden::Struck,
                false => RowHidden::No,
            };
            if let Some(runs) = hidden.and_then(|h| h.struck_runs(line, col))
                && runs.whole == text
                && crossed == RowHidden::No
            {
                if runs.all {
                    crossed = RowHidden::Struck;
                } else {
                    text = runs.shown.trim().to_string();
                    crossed = RowHidden::PartStruck;
                }
            }
            if text.trim().is_empty() {
                continue;
            }
            merged.see(r, c, &text, kind);
            if crossed != RowHidden::No {
                let mut s = struck.borrow_mut();
                if s.len() < MAX_STRUCK {
                    s.insert((line, col), crossed);
                }
            }
            filled += 1;
            if filled > MAX_CELLS {
                done = true;
                pending = None;
                return Some(Err(Diagnostic::error(
                    name,
                    line,
                    col,
                    crate::tr!(
                        "工作表 `{chosen}` 中有内容的单元格超过 {MAX_CELLS} 个: 其余部分未读取；请拆分工作表",
                        "more than {MAX_CELLS} filled cells in sheet `{chosen}`: the rest is not read; split the sheet"
                    ),
                )));
            }
            let out = match &pending {
                Some(p) if p.line != line => pending.take(),
                _ => None,
            };
            let rec = pending.get_or_insert_with(|| Record {
                line,
                ..Record::default()
            });
            put(rec, col, text, kind);
            if let Some(mut o) = out {
                widest = widest.max(o.last_filled.map_or(0, |(_, c)| c));
                merged.fill(&mut o);
                return Some(Ok(o));
            }
        }
    });
    let said = std::cell::RefCell::new(Vec::new());
    let records = hidden_twins(records, hidden, name, chosen, &said);
    let mut read = collect(name, Some(chosen), &mut Made(records), each);
    if let Ok(a) = &mut read {
        a.problems.extend(said.into_inner());
    }
    read
}

/// One sheet of an .xls, .xlsb or .ods, through calamine's whole-sheet range (their readers do
/// not stream); the file-size limit bounds them. Merged cells are carried down as in .xlsx:
/// calamine says where they are in an .xls, [`scan_ods`] in an .ods.
fn read_other(
    wb: &mut Sheets<std::io::BufReader<std::fs::File>>,
    name: &str,
    chosen: &str,
    ods_merges: Vec<calamine::Dimensions>,
    hidden: Option<&super::visibility::Hidden>,
    each: &mut EachRow<'_>,
) -> Result<Actuals, NoRows> {
    let merges = match wb {
        Sheets::Xls(x) => contained(|| x.merge_cells_by_sheet_name(chosen))
            .and_then(Result::ok)
            .unwrap_or_default(),
        _ => ods_merges,
    };
    let mut merged = Merged::of(merges);
    // An .xlsb sheet's range is built here from its cells, those beyond Excel's grid left out
    // (see [`xlsb_range`]); the other formats' from calamine's.
    let mut far = None;
    let range = match wb {
        Sheets::Xlsb(x) => contained(|| xlsb_range(x, chosen)).map(|r| {
            r.map(|(range, beyond)| {
                far = beyond;
                range
            })
        }),
        _ => contained(|| wb.worksheet_range(chosen)).map(|r| r.map_err(|e| e.to_string())),
    }
    .ok_or_else(|| NoRows::Bad(failed(name)))?;
    let range = range.map_err(|e| {
        NoRows::Bad(Diagnostic::error(
            name,
            0,
            0,
            crate::tr!(
                "无法读取工作表 `{chosen}`: {e}",
                "cannot read sheet `{chosen}`: {e}"
            ),
        ))
    })?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let records = range.rows().enumerate().map(|(i, row)| {
        let r = r0.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        let mut rec = Record {
            line: u64::from(r) + 1,
            ..Record::default()
        };
        for (j, v) in row.iter().enumerate() {
            let (text, kind) = match v {
                Data::DateTime(d) => year_start(&date_text(d), d.as_f64().fract() == 0.0),
                Data::DateTimeIso(s) => year_start(s, true),
                Data::DurationIso(s) => (s.clone(), CellKind::Date),
                Data::Float(f) => {
                    // An .xls's number formats, which calamine does not apply (`0%`, `0.0"万人"`).
                    let c = c0.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
                    let shown = hidden
                        .and_then(|h| h.number_format(u64::from(r) + 1, u64::from(c) + 1))
                        .and_then(|code| as_formatted(*f, code));
                    (
                        shown.unwrap_or_else(|| number_text(*f, false)),
                        CellKind::Text,
                    )
                }
                Data::Bool(b) => ((if *b { "是" } else { "否" }).into(), CellKind::Text),
                Data::Empty => continue,
                other => (other.to_string(), CellKind::Text),
            };
            let c = c0.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
            merged.see(r, c, &text, kind);
            put(&mut rec, u64::from(c) + 1, text, kind);
        }
        merged.fill(&mut rec);
        Ok(rec)
    });
    let said = std::cell::RefCell::new(Vec::new());
    let records = hidden_twins(records, hidden, name, chosen, &said);
    let mut read = collect(name, Some(chosen), &mut Made(records), each);
    if let Ok(a) = &mut read {
        a.problems.extend(said.into_inner());
    }
    if let (Ok(a), Some((row, col))) = (&mut read, far) {
        let line = u64::from(row) + 1;
        a.problems.push(
            Diagnostic::error(
                name,
                line,
                1,
                crate::tr!(
                    "此行有单元格位于第 {col} 列，超出 Excel 的表格范围（最多 16384 列，XFD）: 文件已损坏，该单元格未读取，此行若缺数值则未判断；请用 Excel 或 WPS 打开修复后另存为 .xlsx 或 CSV",
                    "a cell of this row is in column {col}, beyond Excel's grid (at most 16384 columns, XFD): the file is damaged; that cell is not read, and the row is not judged if it lacks its value; open the file in Excel or WPS to repair it and save it as .xlsx or CSV"
                ),
            )
            .in_sheet(Some(chosen)),
        );
    }
    read
}

#[cfg(test)]
mod tests {
    #[test]
    fn date_formats_that_show_a_month() {
        use super::{is_year_only, year_month};
        let cases: &[(&str, Option<bool>)] = &[
            ("yyyy\"年\"m\"月\"", Some(true)),
            ("yyyy年m月", Some(true)),
            ("[$-804]yyyy\"年\"mm\"月\"", Some(true)),
            ("yyyy-mm", Some(false)),
            ("yyyy/m", Some(false)),
            ("mmm-yy", Some(false)),
            ("yyyy-mm-dd", None),
            ("m\"月\"d\"日\"", None),
            ("yyyy\"年\"", None),
            ("h:mm", None),
            ("yyyy-mm hh:mm", None),
            ("0.0%", None),
            ("General", None),
            ("\"m\"yyyy", None),
        ];
        for (code, want) in cases {
            assert_eq!(year_month(code), *want, "{code}");
        }
        assert!(is_year_only("yyyy\"年\"") && !is_year_only("yyyy-mm"));
        for (code, alone) in [
            ("m\"月\"", true),
            ("mm", true),
            ("[DBNum1]m\"月\"", true),
            ("m月", true),
            ("m\"月\"d\"日\"", false),
            ("yyyy\"年\"m\"月\"", false),
            ("h:mm", false),
            ("General", false),
        ] {
            assert_eq!(super::month_only(code), alone, "{code}");
        }
    }

    use super::*;

    #[test]
    fn the_count_a_table_of_texts_claims() {
        for (head, want) in [
            (r#"<sst count="8" uniqueCount="4">"#, Some(4)),
            (r#"<sst uniqueCount='12'>"#, Some(12)),
            (
                r#"<sst uniqueCount="99999999999999999999999">"#,
                Some(u64::MAX),
            ),
            (r#"<sst count="8">"#, None),
            (r#"<sst uniqueCount="">"#, None),
            (r#"<sst uniqueCount=4>"#, None),
        ] {
            let got = unique_count(head.as_bytes());
            assert_eq!(got.map(|(_, _, n)| n), want, "{head}");
            if let Some((a, b, _)) = got {
                assert!(head[a..b].bytes().all(|c| c.is_ascii_digit()), "{head}");
            }
        }
    }

    #[test]
    fn an_overlong_cell_is_cut_to_a_short_head_that_matches_nothing() {
        let mut rec = Record::default();
        put(&mut rec, 1, "8".repeat(MAX_FIELD_BYTES * 4), CellKind::Text);
        put(&mut rec, 2, "66".into(), CellKind::Text);
        assert_eq!(rec.text(&rec.cells[0]), format!("{}…", "8".repeat(32)));
        assert_eq!(rec.text(&rec.cells[1]), "66");
    }

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(number_text(94.49999999999999, false), "94.5");
        assert_eq!(number_text(0.66, true), "66%");
        assert_eq!(number_text(0.8523809523809524, true), "85.2380952381%");
        assert_eq!(number_text(0.1 + 0.2, false), "0.3");
        assert_eq!(number_text(842000.0, false), "842000");
        assert_eq!(number_text(2024.0, false), "2024");
        assert_eq!(number_text(-5.5, false), "-5.5");
        // Beyond any decimal: the float as Rust prints it, which the size check then refuses.
        assert!(number_text(1e300, false).starts_with("1000"));
    }

    #[test]
    fn units_written_by_a_number_format() {
        for (code, want) in [
            ("0.0\"万人\"", Some("万人")),
            ("#,##0\"元\"", Some("元")),
            ("0.00\\万", Some("万")),
            ("0.0\"%\"", Some("%")),
            ("0.0 \"岁\"", Some("岁")),
            ("0.0万人", Some("万人")),
            ("General\"个\"", Some("个")),
            ("[Red]0.0\"万元\";[Blue]-0.0\"万元\"", Some("万元")),
            ("0.0_);(0.0)", None),
            ("0.00", None),
            ("General", None),
            ("0%", None),
            ("yyyy\"年\"m\"月\"", None),
            ("0.00E+00", None),
            ("\"约\"0.0", None),
            ("0\"（2025）\"", None),
            ("@", None),
            ("", None),
        ] {
            assert_eq!(unit_suffix(code).as_deref(), want, "{code}");
        }
    }

    /// The formats that show a number scaled (`0!.0,"万"`, `0!.0000"万"`, `#,##0,"千元"`): the unit
    /// they write is the shown number's, which is the stored one moved so many places.
    #[test]
    fn scaled_number_formats() {
        for (code, shift, stored, read) in [
            ("0!.0,\"万\"", 4, "842000", "84.2"),
            ("0!.0000\"万\"", 4, "842000", "84.2"),
            ("0\\.0000\"万人\"", 4, "842345", "84.2345"),
            ("0\".\"0000\"万元\"", 4, "12345678", "1234.5678"),
            ("#,##0,\"千元\"", 3, "842000", "842"),
            ("0.0,,\"百万\"", 6, "8420000", "8.42"),
            ("#,##0.00\"万元\"", 0, "84.2", "84.2"),
            ("0.0\"万人\"", 0, "84.6", "84.6"),
            ("[Red]0!.0,\"万\";[Blue]-0!.0,\"万\"", 4, "-842000", "-84.2"),
            ("0.00_);(0.00)", 0, "5", "5"),
        ] {
            assert_eq!(format_shift(code), shift, "{code}");
            assert_eq!(shifted(stored, shift), read, "{code}");
        }
        assert_eq!(unit_suffix("0!.0,\"万\"").as_deref(), Some("万"));
        assert_eq!(
            shifted("1", 40),
            "1",
            "more places than a number has: as it was"
        );
    }

    /// An .ods number cell's format, from its value type, value and shown text.
    #[test]
    fn ods_formats_from_what_cells_show() {
        for (kind, value, text, want, read) in [
            ("percentage", "0.66", "66%", Some("0%"), Some("66%")),
            ("percentage", "0.9512", "95%", Some("0%"), Some("95.12%")),
            (
                "float",
                "1.45",
                "1.45万元",
                Some("0\"万元\""),
                Some("1.45万元"),
            ),
            (
                "float",
                "842000",
                "84.2万",
                Some("0!.0000\"万\""),
                Some("84.2万"),
            ),
            (
                "float",
                "842345",
                "84.2万",
                Some("0!.0000\"万\""),
                Some("84.2345万"),
            ),
            (
                "currency",
                "14500",
                "14,500元",
                Some("0\"元\""),
                Some("14500元"),
            ),
            ("float", "82.5", "82.50", None, None),
            ("float", "2024", "2024", None, None),
            ("float", "5", "5 (2024)", None, None),
            ("float", "7", "84.2万", None, None),
            ("float", "", "1.45万元", None, None),
        ] {
            let code = ods_format(kind, value, text);
            assert_eq!(code.as_deref(), want, "{text}");
            let f: f64 = value.parse().unwrap_or(0.0);
            assert_eq!(
                code.and_then(|c| as_formatted(f, &c)).as_deref(),
                read,
                "{text}"
            );
        }
    }

    /// An .xls number as its format shows it, which calamine does not apply.
    #[test]
    fn xls_numbers_as_formatted() {
        for (f, code, want) in [
            (0.66, "0%", Some("66%")),
            (0.9512, "0.00%", Some("95.12%")),
            (84.2, "0.0\"万人\"", Some("84.2万人")),
            (842000.0, "0!.0,\"万\"", Some("84.2万")),
            (82.5, "0.00", None),
            (82.5, "General", None),
        ] {
            assert_eq!(as_formatted(f, code).as_deref(), want, "{code}");
            assert_eq!(shows_otherwise(code), want.is_some(), "{code}");
        }
    }

    #[test]
    fn percent_formats() {
        assert!(is_percent("0%"));
        assert!(is_percent("0.00%"));
        assert!(!is_percent("0.0\\%"));
        assert!(!is_percent("0.00\"%\""));
        assert!(!is_percent("General"));
        assert_eq!(number_text(0.66, true), "66%");
        assert_eq!(number_text(0.925, true), "92.5%");
        assert_eq!(number_text(94.5, false), "94.5");
    }

    #[test]
    fn cells_land_in_their_columns() {
        let mut r = Record::default();
        put(&mut r, 3, "x".into(), CellKind::Text);
        put(&mut r, 16384, "far".into(), CellKind::Text);
        assert_eq!(r.cells.len(), 3);
        assert_eq!(r.cells[2].column, 3);
        assert_eq!(r.fields, 16384);
        assert_eq!(r.last_filled, Some((16384, 16384)));
    }
}
