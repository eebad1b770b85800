//! Judging a sheet of reported values (actuals) against the plans: every row matched to its plan,
//! indicator and year, read in the catalog's unit and judged, plus the targets nobody reported
//! (`--all`). The result is typed ([`Judged`] rows, [`Summary`] counts) and never printed here:
//! `cmd::check` picks a renderer in `report::check` for it, so the terminal table, CSV, Markdown,
//! JSON and the workbook and HTML reports all show the same rows.

use crate::actuals::value::{parse_year, read_value};
use crate::actuals::visibility::RowHidden;
use crate::actuals::{self, ActualRow, Field, Implied, Place};
use crate::cycle::{self, Bands, PeriodVerdict};
use crate::diag::echo;
use crate::diag::{Diagnostic, Severity};
use crate::judge::{self, Actual, Category, Status, Verdict};
use crate::period::{Grain, Period};
use crate::plan::schema::{Accrual, Scope};
use crate::plan::{Domain, Entry, PlanFile, PlanSet, Row, row_domain};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// One judged (jurisdiction, indicator, period): the plan's row and catalog entry it belongs to,
/// the value reported, and the verdict. New facts about a row (a light, doubt, a finer period)
/// are new fields here, set in [`Judged::new`] or by a later pass over the rows, and shown by
/// the renderers in `report::check`.
#[derive(Debug, Clone)]
pub(crate) struct Judged<'a> {
    pub plan: &'a PlanFile,
    pub row: &'a Row,
    pub entry: &'a Entry,
    /// The domain the row is reported under (its area's, else the catalog's).
    pub domain: Option<Domain>,
    /// The year judged.
    pub year: i32,
    /// The period judged: the whole year, or a month's or a quarter's share of it.
    pub period: Period,
    /// The plan's baseline in the catalog's unit: a level, or an average or total over a span.
    pub baseline: Option<judge::Baseline>,
    /// The value reported, in the catalog's unit; `None` for a target nobody reported.
    pub actual: Option<Actual>,
    /// Status, the target applied, gap and progress.
    pub verdict: Verdict,
    /// Open SDG's category, where two or more years are reported.
    pub category: Option<Category>,
    /// The line of the actuals sheet the value came from.
    pub line: Option<u64>,
    /// The sheet's note column.
    pub note: Option<String>,
    /// What the period asks (序时进度), the points behind it and the light.
    pub cycle: PeriodVerdict,
    /// The change since the previous period reported for the same indicator.
    pub change: Option<Decimal>,
    /// The file the value came from (several files make a history).
    pub file: Option<Arc<str>>,
}

/// What judging a reading needs of its series, with the series' row as the caller holds it: kept
/// with the plan, or decoded for the while (see [`crate::plan::lazy`]).
#[derive(Clone, Copy)]
struct Of<'r> {
    plan: &'r PlanFile,
    row: &'r Row,
    entry: &'r Entry,
    domain: Option<Domain>,
    due: DueSeen,
}

impl<'a> Judged<'a> {
    fn new(
        s: Of<'a>,
        period: Period,
        actual: Option<Actual>,
        year_end: Option<Decimal>,
        bands: &Bands,
        rules: &judge::Rules,
    ) -> Judged<'a> {
        let (plan, row, entry) = (s.plan, s.row, s.entry);
        let ctx = judge::Ctx::new(&plan.plan, *rules);
        let due = match s.due.get(row, entry, period.year) {
            Some(due) => due,
            None => judge::due(row, entry, &ctx, period.year),
        };
        let mut cycle =
            cycle::judge_period_due(row, entry, &ctx, due, period, actual, year_end, bands);
        // The verdict is moved here, not copied: `cycle.verdict` is left bare.
        let bare = Verdict {
            status: cycle.verdict.status,
            applied: None,
            gap: None,
            progress: None,
            maintain: false,
            notes: Vec::new(),
        };
        let verdict = std::mem::replace(&mut cycle.verdict, bare);
        Judged {
            plan,
            row,
            entry,
            domain: s.domain,
            year: period.year,
            period,
            baseline: judge::stated_baseline(row, entry),
            verdict,
            actual,
            category: None,
            line: None,
            note: None,
            cycle,
            change: None,
            file: None,
        }
    }

    /// The gap in percent of the target (or of the path value the year is judged against): the
    /// 差距率 column, which orders gaps in different units.
    pub fn gap_share(&self) -> Option<Decimal> {
        let v = &self.verdict;
        let target = v.applied.as_ref().and_then(|a| a.path.or(a.target.value))?;
        let g = v.gap?;
        if target.is_zero() {
            return None;
        }
        share_in_tenths(g, target).or_else(|| share_by_division(g, target))
    }

    /// [`Judged::gap_share`] for sorting: rows without one last.
    pub fn relative_gap(&self) -> Decimal {
        self.gap_share().unwrap_or(Decimal::MIN)
    }
}

/// `g` as a percentage of `|t|` to one place, half away from zero: [`Judged::gap_share`] by the
/// library's division, rounded (the reference).
fn share_by_division(g: Decimal, t: Decimal) -> Option<Decimal> {
    g.checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(t.abs())
        .map(|d| crate::report::round(d, 1))
}

/// [`share_by_division`] in integers: the tenths of a percent `|g| · 1000 / |t|` as one `u128`
/// division of the two mantissas brought to one scale, rounded half away from zero. The
/// library's division works out 28 digits to keep one, about 700 instructions a row; the
/// writers ask this of every row. The two differ only where the 28-digit quotient rounds onto
/// a half (…x4999…9 and more nines than a decimal holds), which no reported value reaches.
/// `None` (the division decides) for a zero gap or share, whose sign the library keeps its own
/// way, and where the integers would overflow.
fn share_in_tenths(g: Decimal, t: Decimal) -> Option<Decimal> {
    if g.is_zero() {
        return None;
    }
    let num = g
        .mantissa()
        .unsigned_abs()
        .checked_mul(10u128.checked_pow(t.scale().checked_add(3)?)?)?;
    let den = t
        .mantissa()
        .unsigned_abs()
        .checked_mul(10u128.checked_pow(g.scale())?)?;
    if den == 0 {
        return None;
    }
    let (q, r) = (num / den, num % den);
    let tenths = if r >= den - r { q.checked_add(1)? } else { q };
    if tenths == 0 || tenths >= 1 << 96 {
        return None;
    }
    let tenths = i128::try_from(tenths).ok()?;
    let signed = if g.is_sign_negative() {
        -tenths
    } else {
        tenths
    };
    Some(Decimal::from_i128_with_scale(signed, 1))
}

/// Which rows to judge and show, and in what order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Query {
    /// Also list targets of the reported years with no reported value.
    pub all: bool,
    pub year: Option<i32>,
    /// Only this period.
    pub period: Option<Period>,
    /// A plan id.
    pub jurisdiction: Option<String>,
    pub domain: Option<Domain>,
    pub order: Order,
    /// The light bands.
    pub bands: Bands,
    /// How approximate targets are judged (`--tolerance`).
    pub rules: judge::Rules,
}

/// The order of the judged rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Order {
    /// As read (targets nobody reported last).
    #[default]
    Input,
    /// The largest gap, as a share of the target (差距率), first.
    Gap,
    /// Worst status first.
    Status,
    /// By lead department, the order within a department kept.
    Lead,
}

/// A judged sheet: the rows the query selects, and the sheet's problems in line order.
#[derive(Debug)]
pub(crate) struct Checked<'a> {
    pub rows: Vec<Judged<'a>>,
    pub problems: Vec<Diagnostic>,
    /// The problems beyond those listed, counted.
    pub unlisted: crate::diag::Unlisted,
    /// Rows of the sheet with no value typed (no data, not an error).
    pub unfilled: usize,
}

impl Checked<'_> {
    /// Rows that could not be judged (bad input), listed or not.
    pub fn bad_rows(&self) -> usize {
        self.problems
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
            + self.unlisted.errors
    }
}

impl<'a> Readings<'a> {
    /// Judges the readings and selects and orders the rows as `q` asks, holding them all (the
    /// terminal table, sorting, grouping and the reports need them together).
    pub(crate) fn check(&self, q: &Query) -> Checked<'a> {
        let mut rows = Vec::new();
        let _ = self.each(q, &mut |j| {
            rows.push(j);
            Ok(())
        });
        order(&mut rows, q.order);
        Checked {
            rows,
            problems: self.problems.clone(),
            unlisted: self.unlisted,
            unfilled: self.unfilled_rows,
        }
    }
}

/// Puts rows in `order`; every sort is stable.
pub(crate) fn order(rows: &mut [Judged], order: Order) {
    match order {
        Order::Input => {}
        Order::Status => rows.sort_by_key(|j| j.verdict.status),
        Order::Gap => rows.sort_by_key(|j| std::cmp::Reverse(j.relative_gap())),
        Order::Lead => rows.sort_by(|x, y| x.row.lead.cmp(&y.row.lead)),
    }
}

/// How many rows have each status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Summary {
    pub total: usize,
    pub counts: BTreeMap<Status, usize>,
    /// Rows whose verdict is doubtful (达标(存疑) …): counted within their status too.
    pub doubtful: usize,
}

impl Summary {
    pub fn of<'r, 'a: 'r>(rows: impl IntoIterator<Item = &'r Judged<'a>>) -> Summary {
        let mut s = Summary::default();
        for j in rows {
            s.add(j);
        }
        s
    }

    pub fn add(&mut self, j: &Judged) {
        self.total += 1;
        *self.counts.entry(j.verdict.status).or_insert(0) += 1;
        self.doubtful += usize::from(j.verdict.doubtful());
    }
}

/// The period of a row: the period column read with the year column's year, else the year
/// column read as a period (`2024`, `2024Q2`, `2024年6月`); then the basis column (累计/当期).
fn read_period(r: &ActualRow<'_>) -> Result<Period, (u64, String)> {
    // Most rows: a year of four ASCII digits and nothing else, read without the general parser
    // (`period_fast_path_agrees` holds it to the parser's reading).
    if r.period.is_none()
        && r.basis.is_none()
        && let Some(y) = plain_year(r.year.text)
    {
        return Ok(Period::year(y));
    }
    // A date under `统计截止时间` is "as of" it: see `period::parse_as_of`.
    let period_of = match r.period_as_of {
        true => crate::period::parse_as_of,
        false => crate::period::parse,
    };
    let p = match &r.period {
        Some(pf) => {
            let year = if r.year.text.trim().is_empty() {
                None
            } else {
                Some(parse_year(r.year.text).map_err(|m| (r.year.column, m))?)
            };
            period_of(pf.text, year).map_err(|m| (pf.column, m))?
        }
        None => period_of(r.year.text, None).map_err(|m| {
            // A bare number that is no year (a date's serial number, a typo) is a year problem,
            // and the year reader says what it likely is.
            let digits = r.year.text.trim().chars().all(|c| c.is_numeric());
            match parse_year(r.year.text) {
                Err(y) if digits => (r.year.column, y),
                _ => (r.year.column, m),
            }
        })?,
    };
    match &r.basis {
        Some(b) => match crate::period::parse_basis(b.text).map_err(|m| (b.column, m))? {
            Some(basis) => Ok(p.with_basis(basis)),
            None => Ok(p),
        },
        None => Ok(p),
    }
}

/// A year typed as four ASCII digits, from 1900 to 2100.
fn plain_year(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y = b.iter().fold(0i32, |y, d| y * 10 + i32::from(*d - b'0'));
    (1900..=2100).contains(&y).then_some(y)
}

/// One (plan, indicator) that has readings: what every reading of it shares, found once.
#[derive(Debug)]
pub(crate) struct Series<'a> {
    plan: &'a PlanFile,
    /// The row's position in the plan: the row itself is asked of the plan when it is needed,
    /// as a province sheet's rows are too many to hold (see [`crate::plan::lazy`]).
    at: u32,
    entry: &'a Entry,
    domain: Option<Domain>,
    /// The series' latest reading, which links to the one before (see [`Reading::prev`]).
    last: u32,
    /// The target due in a year, as the unit-slip check found it while the row was read (see
    /// [`DueSeen`]): judging a reading of that year takes it from here instead of looking
    /// through the row's figures again, cold by then.
    due: DueSeen,
}

/// The [`judge::Due`] target of one year of a series, kept as its parts: the year (`i32::MIN`:
/// none kept), the due figure's position in the row ([`NONE_DUE`]: the year has no target)
/// and the path. Most series have one reading, so one year a series is enough.
#[derive(Debug, Clone, Copy)]
struct DueSeen {
    year: i32,
    at: u16,
    path: Option<Decimal>,
}

/// No figure is due in the year ([`DueSeen::at`]).
const NONE_DUE: u16 = u16::MAX;

impl DueSeen {
    const UNSEEN: DueSeen = DueSeen {
        year: i32::MIN,
        at: NONE_DUE,
        path: None,
    };

    /// What to keep of `due`, found for `year`; unseen when it cannot be made again.
    fn of(row: &Row, year: i32, due: Option<&judge::Due>) -> DueSeen {
        let parts = match due {
            None => Some((NONE_DUE, None)),
            Some(d) => d.parts(row).filter(|(at, _)| *at != NONE_DUE),
        };
        match parts {
            Some((at, path)) => DueSeen { year, at, path },
            None => DueSeen::UNSEEN,
        }
    }

    /// The due target of `year`, if kept: `Some(None)` when the year has none.
    fn get<'r>(&self, row: &'r Row, entry: &Entry, year: i32) -> Option<Option<judge::Due<'r>>> {
        if self.year != year || year == i32::MIN {
            return None;
        }
        if self.at == NONE_DUE {
            return Some(None);
        }
        judge::Due::again(row, entry, (self.at, self.path)).map(Some)
    }
}

/// Readings judged as one piece of work by [`Readings::each_chunk`]: enough that handing a
/// chunk between threads costs nothing beside judging it, few enough that the chunks in flight
/// (two a thread) hold a few hundred kilobytes of output.
const CHUNK: usize = 2048;

/// No reading: the end of a series' chain.
const NONE: u32 = u32::MAX;

/// One reported value that read cleanly, kept compact until it is judged: a province's sheet
/// costs these 24 bytes a row, not its text (a million rows, 24 MB). Its plan, row and entry
/// are its series'. The value is kept as its decimal's parts (a magnitude of 32 bits, sign and
/// scale: exact, negative zero and trailing zeros kept), and a reading whose magnitude needs
/// more bits, whose line is past `u32::MAX`, whose file is past the 255th or whose period's
/// months do not fit four bits each is kept whole in the readings' [`Wide`] list instead, so
/// that nothing is ever rounded or cut.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// The magnitude; for a wide reading, its place in the [`Wide`] list.
    low: u32,
    series: u32,
    /// The series' reading read before this one ([`NONE`]: this is the first).
    prev: u32,
    year: i32,
    /// The line read at (for a wide reading, in the [`Wide`] list).
    line: u32,
    /// The period's first month (the low four bits) and last (the high four) (for a wide
    /// reading, in the [`Wide`] list).
    months: u8,
    /// The file read from (for a wide reading, in the [`Wide`] list).
    file: u8,
    /// The grain (3 bits), then 2 bits of kind (0: the value is the number; 1: done; 2: not
    /// done), then [`SLIP`] (the value was taken for a unit slip: then it says nothing about a
    /// trend), [`UNSAID`] (a flow's period typed as one month or quarter, `10月`, `三季度`,
    /// without saying whether the value is the year to date or the period's own: read as the
    /// year to date) and [`NEGATIVE`].
    flags: u8,
    /// The value's scale (5 bits), and [`WIDE`].
    scale: u8,
}

/// A reading too large for a [`Reading`]: its value, line, file and months, kept whole.
#[derive(Debug, Clone, Copy)]
struct WideReading {
    value: Decimal,
    line: u64,
    file: u32,
    first: u8,
    last: u8,
}

/// The readings too large for a [`Reading`].
type Wide = Vec<WideReading>;

const SLIP: u8 = 1 << 5;
const UNSAID: u8 = 1 << 6;
const NEGATIVE: u8 = 1 << 7;
const WIDE: u8 = 1 << 7;

impl Reading {
    #[allow(clippy::too_many_arguments)]
    fn new(
        series: u32,
        period: Period,
        actual: Actual,
        unsaid: bool,
        file: u32,
        line: u64,
        wide: &mut Wide,
    ) -> Reading {
        let (value, kind) = match actual {
            Actual::Number(v) => (v, 0),
            Actual::Done(true) => (Decimal::ZERO, 1),
            Actual::Done(false) => (Decimal::ZERO, 2),
        };
        let magnitude = u32::try_from(value.mantissa().unsigned_abs()).ok();
        let short_line = u32::try_from(line).ok().filter(|l| *l != u32::MAX);
        let months =
            (period.first < 16 && period.last < 16).then_some(period.first | period.last << 4);
        let narrow = match (magnitude, short_line, u8::try_from(file).ok(), months) {
            (Some(low), Some(line), Some(file), Some(months)) => Some((low, line, file, months)),
            _ => None,
        };
        let ((low, line, file, months), scale) = match narrow {
            Some(n) => (n, value.scale() as u8),
            None => {
                wide.push(WideReading {
                    value,
                    line,
                    file,
                    first: period.first,
                    last: period.last,
                });
                (((wide.len() - 1) as u32, u32::MAX, 0, 0), WIDE)
            }
        };
        let grain = match period.grain {
            Grain::Year => 0,
            Grain::Half => 1,
            Grain::Quarter => 2,
            Grain::Month => 3,
            Grain::Span => 4,
        };
        let mut flags = grain | (kind << 3);
        if unsaid {
            flags |= UNSAID;
        }
        if value.is_sign_negative() {
            flags |= NEGATIVE;
        }
        Reading {
            low,
            series,
            prev: NONE,
            year: period.year,
            line,
            months,
            file,
            flags,
            scale,
        }
    }

    /// The reading kept whole, for a wide one.
    fn wide<'w>(&self, wide: &'w Wide) -> Option<&'w WideReading> {
        match self.is_wide() {
            true => wide.get(self.low as usize),
            false => None,
        }
    }

    fn period(&self, wide: &Wide) -> Period {
        let grain = match self.flags & 7 {
            0 => Grain::Year,
            1 => Grain::Half,
            2 => Grain::Quarter,
            3 => Grain::Month,
            _ => Grain::Span,
        };
        let (first, last) = match self.is_wide() {
            true => self.wide(wide).map_or((1, 12), |w| (w.first, w.last)),
            false => (self.months & 15, self.months >> 4),
        };
        Period {
            year: self.year,
            first,
            last,
            grain,
        }
    }

    /// 0: the value is the number; 1: done; 2: not done.
    fn kind(&self) -> u8 {
        (self.flags >> 3) & 3
    }

    fn slip(&self) -> bool {
        self.flags & SLIP != 0
    }

    fn set_slip(&mut self, slip: bool) {
        if slip {
            self.flags |= SLIP;
        } else {
            self.flags &= !SLIP;
        }
    }

    fn unsaid(&self) -> bool {
        self.flags & UNSAID != 0
    }

    fn is_wide(&self) -> bool {
        self.scale & WIDE != 0
    }

    /// The number (zero for done or not done), exactly as read.
    fn value(&self, wide: &Wide) -> Decimal {
        if self.is_wide() {
            return self.wide(wide).map_or(Decimal::ZERO, |w| w.value);
        }
        Decimal::from_parts(
            self.low,
            0,
            0,
            self.flags & NEGATIVE != 0,
            u32::from(self.scale),
        )
    }

    fn line(&self, wide: &Wide) -> u64 {
        match self.is_wide() {
            true => self.wide(wide).map_or(0, |w| w.line),
            false => u64::from(self.line),
        }
    }

    /// The file read from, by its place in [`Readings::files`].
    fn file(&self, wide: &Wide) -> u32 {
        match self.is_wide() {
            true => self.wide(wide).map_or(0, |w| w.file),
            false => u32::from(self.file),
        }
    }

    fn actual(&self, wide: &Wide) -> Actual {
        match self.kind() {
            1 => Actual::Done(true),
            2 => Actual::Done(false),
            _ => Actual::Number(self.value(wide)),
        }
    }
}

/// A sheet's rows with a target cell beside the value (see [`Readings::copied_targets`]).
#[derive(Debug, Default)]
struct BesideTarget {
    compared: usize,
    /// The readings whose value equals the target, each with its note and warning.
    equal: Vec<(u32, judge::Note, Diagnostic)>,
}

/// Each plan's series by row position ([`NONE`]: none yet), by the plan's address: a few
/// thousand plans in a map that stays in cache, and four bytes a row of a plan a sheet names,
/// where a map by row held an entry of every series (at a million rows, tens of megabytes).
type SeriesIndex = crate::plan::fasthash::FastMap<usize, Box<[u32]>>;

/// Everything read from the actuals files, in the order read, ready to be judged row by row.
/// Memory grows with the distinct values reported (a few dozen bytes each, for the history
/// of each series and the duplicate check), never with the text of the rows.
#[derive(Debug)]
pub(crate) struct Readings<'a> {
    set: &'a PlanSet,
    /// The names of the files read, for the `file` of their rows.
    files: Vec<Arc<str>>,
    /// The sheets each workbook read was read from, in the order read: a problem naming an
    /// earlier row names it by sheet and row, as the clerk finds it, where a line alone would
    /// not say which sheet.
    file_sheets: Vec<Vec<Box<str>>>,
    /// The sheets of the file being read so far.
    sheets: Vec<Box<str>>,
    /// The sheet (its place in [`Readings::file_sheets`]) of each reading read from a
    /// workbook's second sheet or later: the first sheet's are not kept, so that a one-sheet
    /// workbook, the usual case, costs nothing.
    later_sheet: HashMap<u32, u16>,
    series: Vec<Series<'a>>,
    /// A series by its plan and row position.
    index: SeriesIndex,
    readings: Vec<Reading>,
    /// The readings' values and lines too large for a [`Reading`].
    wide: Wide,
    /// The note column, for the readings that have one.
    notes: HashMap<u32, Box<str>>,
    /// The sheet's own verdict (`是否达标`: whether it says met, and the cell as typed), for the
    /// readings that have one: held against qyx's when the reading is judged.
    claims: HashMap<u32, (bool, Box<str>)>,
    /// The last sheet title a jurisdiction was taken from, and the plan it named.
    implied: Option<(Box<str>, Result<&'a PlanFile, String>)>,
    /// The rows of a plan printed with a name (by the plan's address and the name's key), for a
    /// name the catalog does not give to one of the plan's rows: see [`Readings::printed_rows`].
    printed: HashMap<(usize, String), Box<[u32]>>,
    /// The sheets (file, sheet, header line) whose title names no plan, said once each.
    unnamed_sheets: std::collections::HashSet<(u32, Option<Box<str>>, u64)>,
    /// Periods reported with an empty value, by plan: no data, listed by --all.
    unfilled: BTreeSet<(&'a str, Period)>,
    /// Rows of the sheets with no value typed.
    unfilled_rows: usize,
    /// What the readers found, then what the rows had, then the unit-slip warnings by reading.
    read_problems: Vec<Diagnostic>,
    row_problems: Vec<Diagnostic>,
    slips: BTreeMap<u32, Diagnostic>,
    /// The doubts a value's words or units leave (`基本完成`, `85（预计）`, `8.5‰` in a % row),
    /// by reading, each with its warning.
    doubts: BTreeMap<u32, Vec<(judge::Note, Diagnostic)>>,
    /// The rows of each sheet of the file being read that have a 目标值 cell beside the value:
    /// how many, and those whose value equals it (doubtful once the file is read, where they
    /// are half the sheet's or more: see [`Readings::copied_targets`]).
    beside_target: HashMap<(u32, Option<Box<str>>), BesideTarget>,
    /// Every problem in file order, then line order (after [`Readings::finish`]), the first
    /// [`crate::diag::MAX_LISTED`] of them.
    pub problems: Vec<Diagnostic>,
    /// The problems not listed, counted.
    pub unlisted: crate::diag::Unlisted,
}

impl<'a> Readings<'a> {
    pub(crate) fn new(set: &'a PlanSet) -> Readings<'a> {
        Readings {
            set,
            files: Vec::new(),
            file_sheets: Vec::new(),
            sheets: Vec::new(),
            later_sheet: HashMap::new(),
            series: Vec::new(),
            index: SeriesIndex::default(),
            readings: Vec::new(),
            wide: Wide::new(),
            notes: HashMap::new(),
            claims: HashMap::new(),
            implied: None,
            printed: HashMap::new(),
            unnamed_sheets: Default::default(),
            unfilled: BTreeSet::new(),
            unfilled_rows: 0,
            read_problems: Vec::new(),
            row_problems: Vec::new(),
            slips: BTreeMap::new(),
            doubts: BTreeMap::new(),
            beside_target: HashMap::new(),
            problems: Vec::new(),
            unlisted: crate::diag::Unlisted::default(),
        }
    }

    /// Whether no file could be read.
    pub(crate) fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Reads one actuals file (`-`: standard input), row by row. A file that cannot be read at
    /// all is `Err`.
    pub(crate) fn read(
        &mut self,
        path: &std::path::Path,
        encoding: actuals::Encoding,
        sheet: Option<&str>,
    ) -> Result<(), Diagnostic> {
        let fi = self.files.len() as u32;
        let a = actuals::read(path, encoding, sheet, &mut |place, r| {
            self.row(fi, place, r);
            self.cap_problems();
        });
        self.copied_targets();
        self.add_file(a?);
        Ok(())
    }

    /// Reads CSV bytes already in memory, as [`Readings::read`] reads a file.
    #[cfg(test)]
    pub(crate) fn read_text(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        encoding: actuals::Encoding,
    ) -> Result<(), Diagnostic> {
        let fi = self.files.len() as u32;
        let a = actuals::read_text(name, bytes, encoding, &mut |place, r| {
            self.row(fi, place, r);
            self.cap_problems();
        });
        self.copied_targets();
        self.add_file(a?);
        Ok(())
    }

    fn add_file(&mut self, a: actuals::Actuals) {
        self.read_problems.extend(a.problems);
        self.unlisted.add(a.unlisted);
        self.files.push(a.name.into());
        self.file_sheets.push(std::mem::take(&mut self.sheets));
    }

    /// The sheet of the file being read that a row is on, by its place among the file's
    /// sheets (0 for the first, and for a file with none).
    fn sheet_at(&mut self, sheet: Option<&str>) -> u16 {
        let Some(sheet) = sheet else { return 0 };
        // Rows come a sheet at a time: the last sheet seen is nearly always the row's.
        if let Some(last) = self.sheets.last()
            && **last == *sheet
        {
            return (self.sheets.len() - 1) as u16;
        }
        let at = match self.sheets.iter().position(|s| **s == *sheet) {
            Some(at) => at,
            None => {
                self.sheets.push(sheet.into());
                self.sheets.len() - 1
            }
        };
        u16::try_from(at).unwrap_or(u16::MAX)
    }

    /// Where an earlier reading was read, as the user finds it: `file:line` for a text file,
    /// the file, the sheet and the row for a workbook.
    fn place_of(&self, at: u32, file: u32, line: u64) -> String {
        let sheets = self.file_sheets.get(file as usize).map_or(
            // The file being read: not yet in the list.
            &self.sheets[..],
            Vec::as_slice,
        );
        let name = self.files.get(file as usize).map_or("", |f| &**f);
        let sheet = self.later_sheet.get(&at).copied().unwrap_or(0);
        match sheets.get(sheet as usize) {
            Some(sheet) => crate::tr!(
                "{} 工作表 {} 第 {} 行",
                "{}, sheet {}, row {}",
                name,
                sheet,
                line
            ),
            None => format!("{name}:{line}"),
        }
    }

    /// After each file, read whole or not: the values equal to the sheet's own 目标值 cell beside
    /// them are doubtful where they are half or more of the sheet's rows with one — the target
    /// column copied into the value column (tests/clerk-sheets 11: five of seven). A county on its target in one
    /// row of many (`85` beside 85, `3` beside 3个) is a verdict like any other, not a doubt:
    /// doubting every exact hit made each sheet that carries its targets noisy.
    fn copied_targets(&mut self) {
        for (_, tally) in self.beside_target.drain() {
            if tally.equal.len() * 2 < tally.compared {
                continue;
            }
            for (at, note, warning) in tally.equal {
                self.doubts.entry(at).or_default().push((note, warning));
            }
        }
    }

    /// Keeps the first [`crate::diag::MAX_LISTED`] row problems and unit-slip warnings, counting
    /// the rest: memory stays bounded however many rows are bad.
    fn cap_problems(&mut self) {
        self.unlisted.cap(&mut self.row_problems);
        if self.slips.len() > crate::diag::MAX_LISTED && self.slips.pop_last().is_some() {
            self.unlisted.count(Severity::Warning);
        }
    }

    /// The series of a plan's row (at position `at` of the plan), made on its first reading.
    fn series_of(&mut self, plan: &'a PlanFile, at: u32, row: &Row, entry: &'a Entry) -> u32 {
        let i = self.series.len() as u32;
        let rows = self
            .index
            .entry(std::ptr::from_ref(plan) as usize)
            .or_insert_with(|| vec![NONE; plan.rows_len()].into_boxed_slice());
        if let Some(slot) = rows.get_mut(at as usize) {
            if *slot != NONE {
                return *slot;
            }
            *slot = i;
        }
        self.series.push(Series {
            plan,
            at,
            entry,
            domain: row_domain(plan, &self.set.catalog, row),
            last: NONE,
            due: DueSeen::UNSEEN,
        });
        i
    }

    /// The series of the row at position `at` of a plan, if it has one.
    fn series_at(&self, plan: &PlanFile, at: usize) -> Option<u32> {
        let rows = self.index.get(&(std::ptr::from_ref(plan) as usize))?;
        rows.get(at).copied().filter(|&i| i != NONE)
    }

    /// The readings of a series, latest read first.
    fn chain(&self, series: u32) -> impl Iterator<Item = (u32, &Reading)> {
        let mut at = self.series.get(series as usize).map_or(NONE, |s| s.last);
        std::iter::from_fn(move || {
            let r = self.readings.get(at as usize)?;
            let i = at;
            at = r.prev;
            Some((i, r))
        })
    }

    /// The reading of a series for a period.
    fn find(&self, series: u32, period: Period) -> Option<(u32, &Reading)> {
        self.chain(series)
            .find(|(_, r)| r.period(&self.wide) == period)
    }

    /// The rows of `plan` printed as `name` (spaces, full-width forms and quotes aside), the
    /// first few of them; remembered by plan and name, for a sheet repeats its names. Asked only
    /// of a name the catalog does not give to one of the plan's rows, so a province sheet of
    /// known names never scans a plan.
    fn printed_rows(
        memo: &mut HashMap<(usize, String), Box<[u32]>>,
        plan: &PlanFile,
        name: &str,
    ) -> Box<[u32]> {
        // Enough for every name of a province's sheets; past it a name is looked for each time.
        const REMEMBERED: usize = 1 << 14;
        // Enough to name the choice in a message.
        const NAMED: usize = 4;
        let key = (
            std::ptr::from_ref(plan) as usize,
            crate::plan::name_key(name),
        );
        if let Some(found) = memo.get(&key) {
            return found.clone();
        }
        let found: Box<[u32]> = (0..plan.rows_len())
            .filter(|&at| {
                plan.lend_row(at)
                    .is_some_and(|row| crate::plan::name_key(&row.name) == key.1)
            })
            .filter_map(|at| u32::try_from(at).ok())
            .take(NAMED)
            .collect();
        if memo.len() < REMEMBERED {
            memo.insert(key, found.clone());
        }
        found
    }

    /// Reads one row: matched to its plan, indicator and period and its value read, or a located
    /// problem that costs this row.
    fn row(&mut self, fi: u32, place: Place<'_>, r: &ActualRow<'_>) {
        let set = self.set;
        // A name copied with the plan's marker or its unit (`*普惠托位占比`, `人均预期寿命（岁）`):
        // the name, and the unit for the row where no unit column gives one. Asked only of a
        // name the catalog does not know.
        // The entry found here is the row's: looked up once, not again below.
        let copied;
        let (r, entry) = match set.catalog.get(r.indicator.text) {
            None => match as_printed(r) {
                Some(c) => match set.catalog.get(c.indicator.text) {
                    Some(e) => {
                        copied = c;
                        (&copied, Some(e))
                    }
                    None => (r, None),
                },
                None => (r, None),
            },
            found => (r, found),
        };
        if crate::actuals::value::is_no_data(r.value.text) {
            self.unfilled_rows += 1;
        }
        // A jurisdiction the sheet's title or name gives: the plan whose name it holds, found
        // once for the sheet.
        let found = match r.implied {
            Implied::ThisOne | Implied::Sheet { .. } => match &self.implied {
                Some((text, found)) if **text == *r.jurisdiction.text => found.clone(),
                _ => {
                    let found = set.find_within(r.jurisdiction.text);
                    self.implied = Some((r.jurisdiction.text.into(), found.clone()));
                    found
                }
            },
            Implied::No => match whole_of(r.jurisdiction.text) {
                Ok(name) => set.find(name),
                Err(part) => Err(part),
            },
        };
        // A sheet with no jurisdiction column whose title and name (`Sheet1`) name no plan: one
        // problem, its header's, said once — not the same error at each of its rows.
        if let (Implied::Sheet { header }, Err(e)) = (r.implied, &found) {
            let key = (fi, place.sheet.map(Box::from), header);
            if self.unnamed_sheets.insert(key) {
                self.row_problems.push(place.error(
                    header,
                    1,
                    crate::tr!(
                        "{e}; 本表各行均未判定",
                        "{e}; no row of this sheet is judged"
                    ),
                ));
            }
            return;
        }
        let mut bad = |col: u64, msg: String| self.row_problems.push(place.error(r.line, col, msg));
        let plan = match found {
            Ok(p) => p,
            Err(e) => {
                bad(
                    r.jurisdiction.column,
                    // The plan index's message, said of a jurisdiction column.
                    e.replace("no plan", "unknown jurisdiction")
                        .replace("没有计划", "未知地区"),
                );
                return;
            }
        };
        // A name as the county's own plan prints it — what `qyx show` and check's own output
        // print — that the catalog knows by another name (`县域医共体建设任务` for
        // 完成县域医共体建设任务) or gives to another entry (Longwan prints 老年友好村(社区) for its
        // new ones, the catalog's name of Ruian's total): the plan's own row wins, for a county's
        // sheet follows its plan, and one plan prints a name on one row.
        let held = entry.and_then(|e| Some((e, plan.position_of(&set.catalog, e)?)));
        let printed: Box<[u32]> = match held {
            Some(_) => Box::default(),
            None => {
                let memo = &mut self.printed;
                let found = Self::printed_rows(memo, plan, r.indicator.text);
                match (found.is_empty(), as_printed(r)) {
                    (true, Some(c)) => Self::printed_rows(memo, plan, c.indicator.text),
                    _ => found,
                }
            }
        };
        let entry_of = |at: u32| set.catalog.get(&plan.lend_row(at as usize)?.id.value);
        let held = match (held, &*printed) {
            (Some(found), _) => Some(found),
            (None, &[at]) => entry_of(at).map(|e| (e, at)),
            (None, []) => None,
            // One plan printing a name on two rows (Shengsi's 职工 and 城乡居民 reimbursement
            // rates): the name says neither; the ids do.
            (None, several) => {
                let ids: Vec<String> = several
                    .iter()
                    .filter_map(|&at| entry_of(at))
                    .map(|e| format!("`{}`（{}）", e.id.value, e.name))
                    .collect();
                let (jurisdiction, rows) = (&plan.plan.jurisdiction.name, several.len());
                let (name, ids) = (echo(r.indicator.text), ids.join(" / "));
                bad(
                    r.indicator.column,
                    crate::tr!(
                        "{jurisdiction}的计划有 {rows} 行都印作 `{name}`: 请改填所指那一行的编号: {ids}",
                        "{jurisdiction}'s plan prints `{name}` on {rows} rows: type the id of the one meant: {ids}"
                    ),
                );
                return;
            }
        };
        let lent = held.and_then(|(e, at)| Some((e, at, plan.lend_row(at as usize)?)));
        let Some((entry, at, lent)) = lent else {
            bad(
                r.indicator.column,
                match held.map(|(e, _)| e).or(entry) {
                    None => crate::tr!(
                        "未知指标 `{}`{}",
                        "unknown indicator `{}`{}",
                        echo(r.indicator.text),
                        set.catalog.suggest(r.indicator.text)
                    ),
                    Some(entry) => crate::tr!(
                        "{}的计划没有指标 `{}`（{}）",
                        "the plan of {} has no indicator `{}` ({})",
                        plan.plan.jurisdiction.name,
                        entry.id.value,
                        entry.name
                    ),
                },
            );
            return;
        };
        let row: &Row = &lent;
        let period = match read_period(r) {
            Ok(p) => p,
            Err((col, msg)) => {
                bad(col, msg);
                return;
            }
        };
        let year = period.year;
        let (start, end) = (plan.plan.period.start.value, plan.plan.period.end.value);
        if year < start || year > end {
            let at = r.period.as_ref().unwrap_or(&r.year).column;
            // The baseline year's figure, sent beside the year's (last year's sheet kept, a 基数
            // row): where the plan starts from, not a target — said, not refused.
            let base = plan.plan.baseline_year.value;
            if year == base && period.is_full_year() {
                let printed = judge::baseline(row, entry)
                    .filter(|(y, _)| *y == base)
                    .map(|(_, v)| v.normalize().to_string());
                self.row_problems.push(place.warning(
                    r.line,
                    at,
                    match printed {
                        Some(v) => crate::tr!(
                            "{year} 年是{}计划的基期年（计划基础值 {v}）: 基期值不判定",
                            "year {year} is the baseline year of {}'s plan (its baseline: {v}): a baseline is not judged",
                            plan.plan.jurisdiction.name
                        ),
                        None => crate::tr!(
                            "{year} 年是{}计划的基期年: 基期值不判定",
                            "year {year} is the baseline year of {}'s plan: a baseline is not judged",
                            plan.plan.jurisdiction.name
                        ),
                    },
                ));
                return;
            }
            bad(
                at,
                crate::tr!(
                    "{year} 年不在{}计划的期限（{start}–{end}）内",
                    "year {year} is outside the plan of {} ({start}–{end})",
                    plan.plan.jurisdiction.name
                ),
            );
            return;
        }
        // A sheet with the year's new amount beside the running total (`本年新增 | 累计完成`):
        // an indicator counted within each year is judged on the year's own amount, a level or
        // a running total on the total — no one column is every row's value.
        let own;
        let r = match r.year_own {
            Some(o) if entry.accrual() == Accrual::Flow && !is_cumulative(row) => {
                own = ActualRow { value: o, ..*r };
                &own
            }
            Some(o) if r.only_year_own => {
                bad(
                    o.column,
                    match is_cumulative(row) {
                        true => crate::tr!(
                            "此列是当年新增数, 而 `{}` 的目标是累计数: 请另填一列“累计完成”（自计划起始年的累计）",
                            "this column holds the year's new amount, but the target of `{}` is a running total: add a 累计完成 column with the total since the plan began",
                            entry.id.value
                        ),
                        false => crate::tr!(
                            "此列是当年新增数, 而 `{}` 按年末水平判定: 请另填一列“累计”（现有总量）",
                            "this column holds the year's new amount, but `{}` is judged on its level: add a 累计 column with the total there is",
                            entry.id.value
                        ),
                    },
                );
                return;
            }
            _ => r,
        };
        let (actual, mut doubts) = match read_value(r, row, entry) {
            Ok(Some(v)) => (v.actual, v.doubts),
            // An empty value is no data: listed by --all, never an error.
            Ok(None) => {
                self.unfilled.insert((plan.id(), period));
                return;
            }
            Err((col, msg)) => {
                bad(col, msg);
                return;
            }
        };
        // A 备注 saying the figure is an estimate or of a changed definition: the verdict may
        // not hold for the final figure.
        if let Some(note) = r.note
            && let Some(word) = crate::actuals::value::note_not_final(note)
        {
            doubts.push(judge::Note::Sheet(judge::SheetSays::Note {
                note: note.to_string(),
                word,
            }));
        }
        match r.hidden {
            RowHidden::Hidden => doubts.push(judge::Note::Sheet(judge::SheetSays::HiddenRow)),
            RowHidden::Struck => doubts.push(judge::Note::Sheet(judge::SheetSays::Struck)),
            RowHidden::PartStruck => {
                doubts.push(judge::Note::Sheet(judge::SheetSays::PartStruck));
            }
            RowHidden::No | RowHidden::Filtered => {}
        }
        // The value beside the sheet's own target cell: equal to it, the target copied into the
        // value column — or a county exactly on a target (`85` of 85, `3` of 建成3个). One row
        // cannot tell them apart; the sheet can (see `Readings::copied_targets`). Not at 100 %
        // or the most the indicator can be: that is what a target done reads (民生实事 100 %).
        let beside_target = match (r.target, actual) {
            (Some(t), Actual::Number(v))
                if entry.max.is_none_or(|max| v < max)
                    && !(v == Decimal::ONE_HUNDRED
                        && entry.unit.as_ref().is_some_and(|u| u.value == "%")) =>
            {
                sheet_target(r, t, row, entry).map(|target| (t, target == actual))
            }
            _ => None,
        };
        let series = self.series_of(plan, at, row, entry);
        let when = r.period.as_ref().unwrap_or(&r.year).text;
        // A plain year (`2025`) is the whole year, never a part whose basis goes unsaid: known
        // without the period parser's reading of the text, which a flow's every row asked.
        let unsaid = r.basis.is_none()
            && entry.accrual() == Accrual::Flow
            && !is_cumulative(row)
            && plain_year(when).is_none()
            && crate::period::basis_unsaid(when);
        let mut reading = Reading::new(series, period, actual, unsaid, fi, r.line, &mut self.wide);
        // A unit converted across a different symbol says what the plausibility check would.
        let converted = doubts
            .iter()
            .any(|n| matches!(n, judge::Note::Converted { .. }));
        let mut seen = None;
        let slip = slip(set, row, entry, plan, period, actual, &mut seen).filter(|_| !converted);
        if let Some(seen) = seen {
            self.series[series as usize].due = seen;
        }
        reading.set_slip(slip.is_some() || converted);
        let sheet = self.sheet_at(place.sheet);
        let at = match self.find(series, period) {
            Some((at, earlier)) => {
                let earlier = *earlier;
                let earlier_sheet = self.later_sheet.get(&at).copied().unwrap_or(0);
                let (earlier_actual, earlier_line) =
                    (earlier.actual(&self.wide), earlier.line(&self.wide));
                // A row hidden by hand, or its value struck through, beside a shown one for the
                // same indicator and period: the shown one is the report (a revision typed
                // under the old figure, which was hidden or crossed out rather than deleted);
                // the other is passed over, with a word.
                // How the earlier reading was set aside, if it was.
                let earlier_aside = self.doubts.get(&at).and_then(|d| {
                    d.iter().find_map(|(n, _)| match n {
                        judge::Note::Sheet(judge::SheetSays::HiddenRow) => Some(RowHidden::Hidden),
                        judge::Note::Sheet(judge::SheetSays::Struck) => Some(RowHidden::Struck),
                        _ => None,
                    })
                });
                let earlier_hidden = earlier_aside.is_some();
                let now_hidden = matches!(r.hidden, RowHidden::Hidden | RowHidden::Struck);
                let shown_over_hidden =
                    earlier.file(&self.wide) == fi && earlier_hidden && !now_hidden;
                if earlier.file(&self.wide) == fi && now_hidden && !earlier_hidden {
                    self.row_problems.push(place.warning(
                        r.line,
                        r.value.column,
                        hidden_passed_over(r.line, earlier_line, earlier_actual, r.hidden),
                    ));
                    return;
                }
                if shown_over_hidden {
                    self.row_problems.push(
                        Diagnostic::warning(
                            place.name,
                            earlier_line,
                            1,
                            hidden_passed_over(
                                earlier_line,
                                r.line,
                                actual,
                                earlier_aside.unwrap_or(RowHidden::Hidden),
                            ),
                        )
                        .in_sheet(
                            place
                                .sheet
                                .and(self.sheets.get(earlier_sheet as usize).map(|s| &**s)),
                        ),
                    );
                } else if earlier.file(&self.wide) == fi {
                    // Another value for the same indicator and period in the same file (a
                    // town's row under the county's name, a 城镇 part, a revision pasted below):
                    // the first is no surer than the second.
                    if earlier_actual != actual {
                        let note = judge::Note::Sheet(judge::SheetSays::Twice {
                            line: r.line,
                            sheet: place.sheet.map(str::to_string),
                            value: r.value.text.to_string(),
                        });
                        // The warning is the earlier row's, on its own sheet.
                        let warning = Diagnostic::warning(
                            place.name,
                            earlier_line,
                            1,
                            implausible_warning(&value_text(earlier_actual), &note, entry),
                        )
                        .in_sheet(
                            place
                                .sheet
                                .and(self.sheets.get(earlier_sheet as usize).map(|s| &**s)),
                        );
                        self.doubts.entry(at).or_default().push((note, warning));
                    }
                    self.row_problems.push(place.error(
                        r.line,
                        1,
                        crate::tr!(
                            "重复的行: {} {} {} 已在{}上报",
                            "duplicate row: {} {} {} was already reported at {}",
                            plan.id(),
                            entry.id.value,
                            period.label(false),
                            // A sheet's rows are rows, a text file's lines lines; a row of
                            // another sheet of the workbook is named with its sheet.
                            match (place.sheet, self.sheets.get(earlier_sheet as usize)) {
                                (Some(now), Some(then)) if **then != *now => crate::tr!(
                                    "工作表 {} 第 {} 行",
                                    "sheet {}, row {}",
                                    then,
                                    earlier_line
                                ),
                                (Some(_), _) => crate::tr!("第 {} 行", "row {}", earlier_line),
                                (None, _) => crate::tr!("第 {} 行", "line {}", earlier_line),
                            }
                        ),
                    ));
                    return;
                } else if earlier_actual != actual {
                    // A later file revises an earlier one; a different value is worth a word.
                    self.row_problems.push(place.warning(
                        r.line,
                        r.value.column,
                        crate::tr!(
                            "{0} {1} {2} 的数值不一致: 此处为 {3}，{5} 处为 {4}；采用后读文件的值",
                            "conflicting values for {0} {1} {2}: {3} here, {4} at {5}; this later file's value is used",
                            plan.id(),
                            entry.id.value,
                            period.label(false),
                            value_text(actual),
                            value_text(earlier_actual),
                            self.place_of(at, earlier.file(&self.wide), earlier_line)
                        ),
                    ));
                }
                // The later reading takes the earlier one's place in the output and the chain.
                reading.prev = earlier.prev;
                self.readings[at as usize] = reading;
                self.later_sheet.remove(&at);
                self.slips.remove(&at);
                self.doubts.remove(&at);
                self.notes.remove(&at);
                self.claims.remove(&at);
                at
            }
            None => {
                let at = self.readings.len() as u32;
                reading.prev = self.series[series as usize].last;
                self.series[series as usize].last = at;
                self.readings.push(reading);
                at
            }
        };
        if sheet > 0 {
            self.later_sheet.insert(at, sheet);
        }
        if let Some(note) = r.note {
            self.notes.insert(at, note.into());
        }
        if let Some(says) = r
            .claim
            .and_then(|c| claimed(c.text).map(|m| (m, c.text.into())))
        {
            self.claims.insert(at, says);
        }
        if let Some((t, equal)) = beside_target {
            let tally = self
                .beside_target
                .entry((fi, place.sheet.map(Box::from)))
                .or_default();
            tally.compared += 1;
            if equal {
                let note = judge::Note::Sheet(judge::SheetSays::AsTarget {
                    cell: t.text.to_string(),
                });
                let warning = place.warning(
                    r.line,
                    r.value.column,
                    implausible_warning(&typed(r), &note, entry),
                );
                tally.equal.push((at, note, warning));
            }
        }
        if !doubts.is_empty() {
            let warned = doubts
                .into_iter()
                .map(|note| {
                    let warning = place.warning(
                        r.line,
                        r.value.column,
                        implausible_warning(&typed(r), &note, entry),
                    );
                    (note, warning)
                })
                .collect();
            self.doubts.insert(at, warned);
        }
        if let Some(note) = slip {
            self.slips.insert(
                at,
                place.warning(
                    r.line,
                    r.value.column,
                    implausible_warning(&typed(r), &note, entry),
                ),
            );
        }
    }

    /// After the last file: the problems in file and line order.
    pub(crate) fn finish(&mut self) {
        let file_order: HashMap<&str, usize> = self
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (&**f, i))
            .collect();
        let mut problems: Vec<Diagnostic> = std::mem::take(&mut self.read_problems);
        problems.append(&mut self.row_problems);
        problems.extend(std::mem::take(&mut self.slips).into_values());
        problems.extend(self.doubts.values().flatten().map(|(_, d)| d.clone()));
        problems.sort_by_key(|d| {
            (
                file_order.get(d.file.as_str()).copied().unwrap_or(0),
                d.line,
                d.column,
            )
        });
        // The first ones in file and line order are listed, then how many more there are.
        self.unlisted.cap(&mut problems);
        if let Some(last) = self.files.last()
            && let Some(note) = self.unlisted.note(last)
        {
            problems.push(note);
        }
        self.problems = problems;
    }

    /// Open SDG's category where an indicator has two or more reported periods, for the reading
    /// of period `at` of the series, whose row is `row`. It describes the series as of its
    /// latest report, so only the reading of the period it ends on carries it (an earlier year
    /// that was behind must not read "target achieved" for a later year's value). Found as that
    /// reading is judged, with the row judging it holds: a province sheet's rows are lent for
    /// the while (see [`crate::plan::lazy`]), and a pass over every series once the input was
    /// read decoded each row once more. A flow counted within the year is compared on whole
    /// years only: its year-to-date values restart in January.
    fn category(&self, series: u32, row: &Row, at: Period) -> Option<Category> {
        let s = self.series.get(series as usize)?;
        // Most series of a large sheet have one reading: no trend, known without gathering it.
        if self
            .readings
            .get(s.last as usize)
            .is_none_or(|r| r.prev == NONE)
        {
            return None;
        }
        let within_year = s.entry.accrual() == Accrual::Flow && !is_cumulative(row);
        let points = || {
            self.chain(series)
                .map(|(_, r)| r)
                .filter(|r| {
                    r.period(&self.wide).is_year_to_date()
                        && (!within_year || r.period(&self.wide).is_full_year())
                })
                // A value taken for a unit slip says nothing about the trend.
                .filter(|r| !r.slip() && r.kind() == 0)
        };
        // Only the series' latest period has a trend: the others end here, counted without
        // gathering their points (each of a series' readings asks this).
        let (n, latest) = points().fold((0usize, None), |(n, m), r| {
            (
                n + 1,
                Some(m.map_or(r.period(&self.wide), |m: Period| {
                    m.max(r.period(&self.wide))
                })),
            )
        });
        if n < 2 || latest != Some(at) {
            return None;
        }
        let mut points: Vec<(Period, Decimal)> = points()
            .map(|r| (r.period(&self.wide), r.value(&self.wide)))
            .collect();
        points.sort_by_key(|(p, _)| *p);
        let (end, _) = *points.last()?;
        if end != at {
            return None;
        }
        let series_points: Vec<(Decimal, Decimal)> = points
            .iter()
            .map(|(p, v)| (cycle::history::time(p), *v))
            .collect();
        let last = self
            .chain(series)
            .map(|(_, r)| r.period(&self.wide).year)
            .max()?;
        let final_target = row
            .targets
            .iter()
            .filter(|f| f.year.value >= last)
            .filter_map(|f| {
                crate::plan::resolve(row, s.entry, f)
                    .ok()
                    .filter(crate::plan::Resolved::is_numeric)
            })
            .max_by_key(|r| r.year)?;
        cycle::history::category(
            &series_points,
            &final_target,
            Decimal::from(final_target.year),
            s.entry.better,
        )
    }

    /// Whether a reading is among the rows `q` selects.
    fn selected(&self, q: &Query, s: &Series, period: Period) -> bool {
        q.jurisdiction.as_deref().is_none_or(|id| s.plan.id() == id)
            && q.year.is_none_or(|y| period.year == y)
            && q.period.is_none_or(|p| period == p)
            && q.domain.is_none_or(|d| s.domain == Some(d))
    }

    /// The change since the previous period of a reading.
    fn change(&self, r: &Reading) -> Option<Decimal> {
        let Actual::Number(v) = r.actual(&self.wide) else {
            return None;
        };
        let s = &self.series[r.series as usize];
        let flow = s.entry.accrual() == Accrual::Flow;
        let ytd = r.period(&self.wide).is_year_to_date();
        // The latest earlier period with a number, of the same basis.
        let prev = self
            .chain(r.series)
            .map(|(_, p)| p)
            .filter(|p| {
                p.period(&self.wide) < r.period(&self.wide)
                    && p.kind() == 0
                    && p.period(&self.wide).is_year_to_date() == ytd
            })
            .max_by_key(|p| p.period(&self.wide))?;
        // A flow counted within the year is compared only within the same year: its
        // year-to-date sum restarts in January.
        if flow && prev.period(&self.wide).year != r.period(&self.wide).year {
            return None;
        }
        v.checked_sub(prev.value(&self.wide))
    }

    /// Whether any row `q` selects has a change since a previous period (the gap table then
    /// has a column for it), known before the first row is written.
    pub(crate) fn has_change(&self, q: &Query) -> bool {
        self.readings.iter().any(|r| {
            self.selected(q, &self.series[r.series as usize], r.period(&self.wide))
                && self.change(r).is_some()
        })
    }

    /// Judges every reading `q` selects, in the order read, and hands each to `emit`; then,
    /// with `--all`, the targets of the reported periods nobody reported.
    pub(crate) fn each(
        &self,
        q: &Query,
        emit: &mut dyn FnMut(Judged<'a>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        for i in 0..self.readings.len() {
            if let Some(j) = self.judged(q, i) {
                emit(j)?;
            }
        }
        if q.all {
            self.each_unreported(q, emit)?;
        }
        Ok(())
    }

    /// [`Readings::each`] on every core: the readings are judged [`CHUNK`] at a time, each
    /// chunk's rows handed by `work` to a `T` of its own (say, the chunk's CSV lines), and the
    /// `T`s are handed to `sink` in the order read, so that what `sink` writes is byte for byte
    /// what one thread writes; then, with `--all`, the targets nobody reported, as one more `T`.
    /// At most two chunks a thread are held at once.
    pub(crate) fn each_chunk<T: Send>(
        &self,
        q: &Query,
        new: &(dyn Fn() -> T + Sync),
        work: &(dyn Fn(&mut T, &Judged<'_>) -> anyhow::Result<()> + Sync),
        sink: &mut dyn FnMut(T) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let chunks = self.readings.len().div_ceil(CHUNK);
        self.each_chunk_of(CHUNK, crate::par::workers(chunks), q, new, work, sink)
    }

    /// [`Readings::each_chunk`] with chunks of `chunk` readings judged on `workers` threads.
    fn each_chunk_of<T: Send>(
        &self,
        chunk: usize,
        workers: usize,
        q: &Query,
        new: &(dyn Fn() -> T + Sync),
        work: &(dyn Fn(&mut T, &Judged<'_>) -> anyhow::Result<()> + Sync),
        sink: &mut dyn FnMut(T) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let chunk = chunk.max(1);
        let chunks = self.readings.len().div_ceil(chunk);
        let judge_chunk = |c: usize| -> anyhow::Result<T> {
            let mut t = new();
            for i in c * chunk..((c + 1) * chunk).min(self.readings.len()) {
                self.judged_for_now(q, i, &mut |j| work(&mut t, j))?;
            }
            Ok(t)
        };
        let mut failed = Ok(());
        crate::par::in_order(chunks, workers, &judge_chunk, &mut |t| {
            failed = t.and_then(&mut *sink);
            failed.is_ok()
        });
        failed?;
        if q.all {
            let mut t = new();
            self.each_unreported(q, &mut |j| work(&mut t, &j))?;
            sink(t)?;
        }
        Ok(())
    }

    /// The verdict on reading `i`, if `q` selects it, with its row kept by the plan: for a
    /// caller that holds the rows.
    fn judged(&self, q: &Query, i: usize) -> Option<Judged<'a>> {
        let s = self.selected_series(q, i)?;
        self.judge_with(q, i, s.plan.row_at(s.at as usize)?)
    }

    /// [`Readings::judged`] for a caller that is done with the verdict once `work` returns: its
    /// row may be decoded for the while (see [`crate::plan::lazy`]).
    fn judged_for_now(
        &self,
        q: &Query,
        i: usize,
        work: &mut dyn FnMut(&Judged<'_>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let Some(s) = self.selected_series(q, i) else {
            return Ok(());
        };
        let Some(row) = s.plan.lend_row(s.at as usize) else {
            return Ok(());
        };
        match self.judge_with(q, i, &row) {
            Some(j) => work(&j),
            None => Ok(()),
        }
    }

    /// The series of reading `i`, if `q` selects the reading.
    fn selected_series(&self, q: &Query, i: usize) -> Option<&Series<'a>> {
        let r = self.readings.get(i)?;
        let s = self.series.get(r.series as usize)?;
        self.selected(q, s, r.period(&self.wide)).then_some(s)
    }

    /// The verdict on reading `i`, whose series' row is `row`.
    fn judge_with<'r>(&self, q: &Query, i: usize, row: &'r Row) -> Option<Judged<'r>>
    where
        'a: 'r,
    {
        let r = self.readings.get(i)?;
        let s = &self.series[r.series as usize];
        let actual = r.actual(&self.wide);
        // A series read once has no other period: no value at the end of the year before and
        // no change since a previous period, known without walking its chain, through cold
        // memory, for most rows of a province sheet (which reports most indicators once).
        let alone = r.prev == NONE && s.last == i as u32;
        let year_end = match alone {
            true => None,
            false => self
                .find(r.series, Period::year(r.period(&self.wide).year - 1))
                .and_then(|(_, e)| (e.kind() == 0).then_some(e.value(&self.wide))),
        };
        let of = Of {
            plan: s.plan,
            row,
            entry: s.entry,
            domain: s.domain,
            due: s.due,
        };
        let mut j = Judged::new(
            of,
            r.period(&self.wide),
            Some(actual),
            year_end,
            &q.bands,
            &q.rules,
        );
        let doubts = self.doubts.get(&(i as u32));
        // A unit converted across a different symbol is noted by itself (see `row`).
        let converted = doubts.is_some_and(|d| {
            d.iter()
                .any(|(n, _)| matches!(n, judge::Note::Converted { .. }))
        });
        if r.slip()
            && !converted
            && let Some(note) = judge::plausibility(row, s.entry, &j.verdict, actual, &|| {
                self.set.peer_baselines(&s.entry.id.value)
            })
        {
            j.verdict.notes.push(note);
        }
        if let Some(doubts) = doubts {
            j.verdict
                .notes
                .extend(doubts.iter().map(|(note, _)| note.clone()));
        }
        // Read as the year to date, a flow's value can only understate the county: a 进度正常 or
        // a 达标 holds either way, a 进度滞后 or a 未达标 (`12月` against the year's target) may
        // be the month's own figure.
        if r.unsaid() && matches!(j.verdict.status, Status::Behind | Status::NotMet) {
            j.verdict
                .notes
                .push(judge::Note::Sheet(judge::SheetSays::PeriodUnsaid {
                    label: r.period(&self.wide).label(false),
                }));
        }
        // The sheet's own verdict against qyx's: met (or on track) against not met (or behind),
        // either way, leaves the value in doubt — the value, the target or the self-assessment
        // is wrong, and only the department can say which.
        if let Some((met, cell)) = self.claims.get(&(i as u32)) {
            let judged_met = match j.verdict.status {
                Status::Met | Status::OnTrack => Some(true),
                Status::NotMet | Status::Behind => Some(false),
                _ => None,
            };
            if judged_met.is_some_and(|j| j != *met) {
                j.verdict
                    .notes
                    .push(judge::Note::Sheet(judge::SheetSays::Claims {
                        cell: cell.to_string(),
                    }));
            }
        }
        j.change = if alone { None } else { self.change(r) };
        j.category = match alone {
            true => None,
            false => self.category(r.series, row, r.period(&self.wide)),
        };
        j.line = Some(r.line(&self.wide));
        j.note = self.notes.get(&(i as u32)).map(|n| n.to_string());
        j.file = Some(self.files[r.file(&self.wide) as usize].clone());
        Some(j)
    }

    /// `--all`: the targets of the reported periods (or of the period or year asked for)
    /// with no reported value, plan by plan.
    fn each_unreported(
        &self,
        q: &Query,
        emit: &mut dyn FnMut(Judged<'a>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let set = self.set;
        let mut periods: BTreeMap<&str, BTreeSet<Period>> = BTreeMap::new();
        for r in &self.readings {
            let s = &self.series[r.series as usize];
            periods
                .entry(s.plan.id())
                .or_default()
                .insert(r.period(&self.wide));
        }
        for (id, p) in &self.unfilled {
            periods.entry(id).or_default().insert(*p);
        }
        // A jurisdiction asked for but not reported still has its targets listed.
        if let Some(p) = q.jurisdiction.as_deref().and_then(|id| set.by_id(id)) {
            periods.entry(p.id()).or_default();
        }
        for (id, ps) in periods {
            let Some(plan) = set.by_id(id) else {
                continue;
            };
            let ps: BTreeSet<Period> = match (q.period, q.year) {
                (Some(p), _) => [p].into(),
                (None, Some(y)) => [Period::year(y)].into(),
                (None, None) if ps.is_empty() => [Period::year(plan.plan.period.end.value)].into(),
                (None, None) => ps,
            };
            for p in ps {
                for (k, row) in plan.rows() {
                    let Some(entry) = set.catalog.get(&row.id.value) else {
                        continue;
                    };
                    if let Some(si) = self.series_at(plan, k)
                        && self.find(si, p).is_some()
                    {
                        continue;
                    }
                    let s = Series {
                        plan,
                        at: k as u32,
                        entry,
                        domain: row_domain(plan, &set.catalog, row),
                        last: NONE,
                        due: DueSeen::UNSEEN,
                    };
                    if !self.selected(q, &s, p) {
                        continue;
                    }
                    let of = Of {
                        plan,
                        row,
                        entry,
                        domain: s.domain,
                        due: s.due,
                    };
                    let j = Judged::new(of, p, None, None, &q.bands, &q.rules);
                    if j.verdict.status == Status::NoData {
                        emit(j)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// A value far from both the baseline and the target of its row (a likely unit slip): the note
/// saying so. Judged here, as the row is read, so that its warning is known before any row is
/// written; the judging of the row later finds the same note.
fn slip(
    set: &PlanSet,
    row: &Row,
    entry: &Entry,
    plan: &PlanFile,
    period: Period,
    actual: Actual,
    seen: &mut Option<DueSeen>,
) -> Option<judge::Note> {
    let Actual::Number(v) = actual else {
        return None;
    };
    // A value within five times of a positive baseline is never doubted (a unit slip is 20
    // times away from both, a decimal slip 5, a far value 10): most rows end here unjudged.
    if v < Decimal::ZERO {
        return None;
    }
    let over_cap = entry.max.is_some_and(|m| v > m);
    if !over_cap
        && let Some((_, b)) = judge::baseline(row, entry)
        && b > Decimal::ZERO
        && within_five(v, b)
    {
        return None;
    }
    // What judging would hold the value against, without judging it: the reader asks this of
    // every row, and the row is judged later anyway.
    let ctx = judge::Ctx::new(&plan.plan, judge::Rules::default());
    let due = judge::due(row, entry, &ctx, period.year);
    // Kept for judging the row, which needs the same target.
    *seen = Some(DueSeen::of(row, period.year, due.as_ref()));
    let target = due
        .as_ref()
        .and_then(|d| judge::held_against_due(row, entry, &ctx, d));
    // Within five times of the positive target it is held against, as of the baseline above:
    // no slip, decimal point, month or far value fits then (each asks that every reference be
    // beyond five times, or ten), and neither do the other plans' baselines (asked only of a
    // value a fifth of a ceiling or less). Most rows end here, before the references and the
    // unit are looked at.
    if !over_cap
        && let Some(t) = target
        && t > Decimal::ZERO
        && within_five(v, t)
    {
        return None;
    }
    judge::plausibility_against(row, entry, target, actual, &|| {
        set.peer_baselines(&entry.id.value)
    })
}

/// Whether `v` is within five times of a positive reference `r` either way (`r/5 < v < 5r`),
/// decided by two multiplications: the quotient `v / r` costs a 96-bit division, and the reader
/// asks this of nearly every row. Exact, where the quotient is rounded to 28 digits; a product
/// that overflows falls back to the quotient.
fn within_five(v: Decimal, r: Decimal) -> bool {
    let five = Decimal::from(5);
    match (r.checked_mul(five), v.checked_mul(five)) {
        (Some(r5), Some(v5)) => v < r5 && v5 > r,
        _ => v
            .checked_div(r)
            .is_some_and(|q| q < five && q * five > Decimal::ONE),
    }
}

fn is_cumulative(row: &Row) -> bool {
    row.targets.iter().any(|f| f.scope == Scope::Cumulative)
}

/// The value as the clerk typed it, with the unit column when there is one.
fn typed(r: &ActualRow<'_>) -> String {
    match &r.unit {
        Some(u) if !u.text.trim().is_empty() => {
            format!("{} {}", r.value.text.trim(), u.text.trim())
        }
        _ => r.value.text.trim().to_string(),
    }
}

/// The warning for a value that needs a second look: far from its row (the likely slip and what
/// was meant), or read from words that leave room for doubt.
fn implausible_warning(typed: &str, note: &judge::Note, entry: &Entry) -> String {
    let en = crate::i18n::current() == crate::cli::Lang::En;
    let judge::Note::Implausible {
        factor,
        meant,
        unit,
        against,
    } = note
    else {
        let text = crate::report::check::note_text(note, &entry.unit_text(), en);
        return crate::tr!(
            "`{typed}`（`{}`）: {text}",
            "`{typed}` (`{}`): {text}",
            entry.id.value
        );
    };
    let meant = crate::report::num(crate::report::round(*meant, 4));
    let factor = crate::report::check::factor_words(*factor, en);
    let id = &entry.id.value;
    let of = crate::report::check::against_words(*against, en);
    crate::tr!(
        "`{typed}` 约为 `{id}` {of}的{factor}({unit}): 是否应为 {meant}{unit}? (按所填数值判定, 已标为存疑)",
        "`{typed}` is about {factor} {of} of `{id}` ({unit}): did you mean {meant}{unit}? (judged as typed, marked doubtful)"
    )
}

/// A row whose indicator was copied as a plan or a list prints it: a marker before the name (`*`
/// 省定核心指标, `▲` 观察性指标, `☆`), its number in the list (`1.`, `3、`, `（二）`, `(2)`, `①`)
/// and a unit in brackets after it (`人均预期寿命（岁）`, `基本养老保险参保人数(人)`), the unit
/// then the row's unit unless a unit column gives one. None where the name has none of them
/// (`普惠托位占比（城镇）` keeps its bracket: no unit; `3岁以下…` its 3: no list number).
/// Marks clerks copy with an indicator's name: the signs plans print on names
/// ([`crate::plan::schema::PRINTED_SIGNS`]), a footnote's number, a space between.
fn is_marker(c: char) -> bool {
    crate::plan::schema::PRINTED_SIGNS.contains(&c) || c == ' ' || ('①'..='⑩').contains(&c)
}

fn as_printed<'r>(r: &ActualRow<'r>) -> Option<ActualRow<'r>> {
    let typed = r.indicator.text.trim();
    let name = typed.trim_start_matches(is_marker);
    let name = without_list_number(name).trim_start_matches(is_marker);
    // A mark after the name too (`基层就诊率★`, `…普及率*`, a footnote's `①`), before or after
    // a unit in brackets.
    let name = name.trim_end_matches(is_marker);
    let (name, unit) = match name.strip_suffix([')', '）']).and_then(|n| {
        let open = n.rfind(['(', '（'])?;
        let inner = n[open..].trim_start_matches(['(', '（']).trim();
        let is_unit = !inner.is_empty()
            && (crate::unit::Unit::parse(inner).is_ok()
                || crate::unit::bare_magnitude(inner).is_some());
        is_unit.then(|| (n[..open].trim_end(), inner))
    }) {
        Some((n, u)) => (n.trim_end_matches(is_marker), Some(u)),
        None => (name, None),
    };
    if name == typed || name.is_empty() {
        return None;
    }
    Some(ActualRow {
        indicator: Field {
            text: name,
            column: r.indicator.column,
        },
        unit: r.unit.or(unit.map(|text| Field {
            text,
            column: r.indicator.column,
        })),
        ..*r
    })
}

/// A name without the number a list gives it: `1.` `12、` `3）` (digits and a mark, then no
/// digit: `1.5万人` and `3岁以下` keep theirs), `一、` `十二．` (Chinese numerals and a mark),
/// `（二）` `(2)` `【3】` (in brackets), `①` `⑵` `⒊` (one character). The name as it is where it
/// has none, or nothing follows the number.
fn without_list_number(name: &str) -> &str {
    const CHINESE: &str = "一二三四五六七八九十";
    let numeral = |c: char| c.is_ascii_digit() || CHINESE.contains(c);
    let rest = name.trim_start_matches(numeral);
    let number = &name[..name.len() - rest.len()];
    let digits = !number.is_empty() && number.chars().count() <= 3;
    let after = if digits
        && (number.bytes().all(|b| b.is_ascii_digit())
            || !number.bytes().any(|b| b.is_ascii_digit()))
    {
        rest.strip_prefix(['.', '．', '、', ')', '）'])
            .filter(|r| !r.starts_with(|c: char| c.is_ascii_digit() || c == '%'))
    } else if let Some(inner) = name.strip_prefix(['(', '（', '【', '[']) {
        let r = inner.trim_start_matches(numeral);
        let n = inner.len() - r.len();
        (1..=9)
            .contains(&n)
            .then(|| r.strip_prefix([')', '）', '】', ']']))
            .flatten()
    } else {
        let mut chars = name.chars();
        chars
            .next()
            .filter(|c| ('①'..='⒛').contains(c))
            .map(|_| chars.as_str())
    };
    match after.map(str::trim_start) {
        Some(r) if !r.is_empty() => r,
        _ => name,
    }
}

/// The number of a sheet's target cell (`4.3`, `≥9.2`, `84.2万人`, `65%以上`, `不低于85%`), read by
/// the threshold reader plans are read with and then as the row's value would be (its unit
/// converted), or None where it holds no single number (`/`, `职工86、城乡居民70`, `2—3个`).
fn sheet_target(r: &ActualRow<'_>, t: Field<'_>, row: &Row, entry: &Entry) -> Option<Actual> {
    let th = crate::threshold::Threshold::parse(t.text).ok()?;
    if th.high.is_some() || th.label.is_some() {
        return None;
    }
    let text = format!(
        "{}{}",
        th.value?.normalize(),
        th.unit.as_deref().unwrap_or("")
    );
    let as_value = ActualRow {
        value: Field {
            text: &text,
            column: t.column,
        },
        ..*r
    };
    match read_value(&as_value, row, entry) {
        Ok(Some(v)) if v.doubts.is_empty() => Some(v.actual),
        _ => None,
    }
}

/// What a sheet's own verdict cell says: met (`是`, `达标`, `已完成`, `√`), not met (`否`,
/// `未达标`, `未完成`, `×`), or nothing qyx reads (`基本达标`, `/`, a remark): None.
fn claimed(text: &str) -> Option<bool> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "是" | "达标" | "已达标" | "完成" | "已完成" | "达到" | "已达到" | "√" | "✓" | "✔"
        | "y" | "yes" | "met" | "正常" | "进度正常" | "超前" | "符合" => Some(true),
        "否" | "未达标" | "不达标" | "未完成" | "没有完成" | "未达到" | "×" | "✗" | "✘" | "x"
        | "n" | "no" | "滞后" | "进度滞后" | "落后" | "不符合" => Some(false),
        _ => None,
    }
}

/// What is said of a row set aside — hidden, or its value struck through (`how`) — passed over
/// for a shown one reporting the same indicator and period (`aside`, `shown`: their rows;
/// `value`: the shown one's).
fn hidden_passed_over(aside: u64, shown: u64, value: Actual, how: RowHidden) -> String {
    let value = value_text(value);
    match how {
        RowHidden::Struck => crate::tr!(
            "第 {aside} 行的数值加了删除线，第 {shown} 行报了同一指标同一期间的 {value}: 采用第 {shown} 行，有删除线的数不判定",
            "row {aside}'s value is struck through and row {shown} reports the same indicator and period as {value}: row {shown} is used, the struck value is not judged"
        ),
        _ => crate::tr!(
            "第 {aside} 行在工作簿中被隐藏，第 {shown} 行（未隐藏）报了同一指标同一期间的 {value}: 采用未隐藏的行，隐藏行不判定",
            "row {aside} is hidden in the workbook and row {shown} (shown) reports the same indicator and period as {value}: the shown row is used, the hidden one is not judged"
        ),
    }
}

/// A jurisdiction typed with what its figure covers: `诸暨市（含开发区）`, `诸暨市(包括经开区)`
/// is the whole county, its name before the brackets; `诸暨市（不含开发区）` is a part of it, and
/// a part's figure is not the county's — refused, with why. Any other name as typed.
fn whole_of(name: &str) -> Result<&str, String> {
    let t = name.trim();
    let Some((head, inner)) = ['（', '(']
        .iter()
        .find_map(|open| t.strip_suffix(['）', ')'])?.split_once(*open))
    else {
        return Ok(name);
    };
    let (head, inner) = (head.trim(), inner.trim());
    if head.is_empty() {
        return Ok(name);
    }
    if ["不含", "不包括", "未含", "除", "扣除"]
        .iter()
        .any(|w| inner.starts_with(w))
    {
        return Err(crate::tr!(
            "地区 `{}` 不含其一部分: 部分地区的数不是 {head} 的数，无法对照其规划目标判定；请填全域的数",
            "jurisdiction `{}` leaves part of it out: a part's figure is not {head}'s, so it cannot be judged against its plan; report the whole jurisdiction's figure",
            crate::diag::echo(t)
        ));
    }
    if ["含", "包括", "包含", "全域", "全市", "全县", "全区"]
        .iter()
        .any(|w| inner.starts_with(w))
    {
        return Ok(head);
    }
    Ok(name)
}

/// A value as a message quotes it.
fn value_text(a: Actual) -> String {
    match a {
        Actual::Number(v) => v.normalize().to_string(),
        Actual::Done(true) => "是".into(),
        Actual::Done(false) => "否".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jurisdiction_typed_with_what_it_covers() {
        for (typed, want) in [
            ("诸暨市（含开发区）", Ok("诸暨市")),
            ("诸暨市(包括经开区)", Ok("诸暨市")),
            (" 诸暨市（全域） ", Ok("诸暨市")),
            ("诸暨市（不含开发区）", Err("leaves part of it out")),
            ("诸暨市(除店口镇)", Err("leaves part of it out")),
            ("诸暨市（2025）", Ok("诸暨市（2025）")),
            ("（含开发区）", Ok("（含开发区）")),
            ("诸暨市", Ok("诸暨市")),
            ("诸暨市（含", Ok("诸暨市（含")),
        ] {
            let got = whole_of(typed);
            match (got, want) {
                (Ok(g), Ok(w)) => assert_eq!(g, w, "{typed}"),
                (Err(g), Err(w)) => assert!(g.contains(w), "{typed}: {g}"),
                (g, w) => panic!("{typed}: got {g:?}, want {w:?}"),
            }
        }
    }

    #[test]
    fn a_sheets_own_verdict() {
        for (typed, want) in [
            ("是", Some(true)),
            ("达标", Some(true)),
            (" 已完成 ", Some(true)),
            ("正常", Some(true)),
            ("超前", Some(true)),
            ("YES", Some(true)),
            ("否", Some(false)),
            ("未达标", Some(false)),
            ("滞后", Some(false)),
            ("落后", Some(false)),
            ("×", Some(false)),
            ("基本达标", None),
            ("基本正常", None),
            ("待评估", None),
            ("", None),
        ] {
            assert_eq!(claimed(typed), want, "{typed}");
        }
    }

    #[test]
    fn names_copied_as_a_plan_prints_them() {
        let f = |text| Field { text, column: 2 };
        for (typed, unit, want) in [
            (
                "人均预期寿命（岁）",
                None,
                Some(("人均预期寿命", Some("岁"))),
            ),
            (
                "基本养老保险参保人数(人)",
                None,
                Some(("基本养老保险参保人数", Some("人"))),
            ),
            (
                "基本养老保险参保人数(人)",
                Some("万人"),
                Some(("基本养老保险参保人数", Some("万人"))),
            ),
            ("*普惠托位占比", None, Some(("普惠托位占比", None))),
            ("▲城镇调查失业率", None, Some(("城镇调查失业率", None))),
            ("普惠托位占比（城镇）", None, None),
            ("基本医疗保险政策范围内住院报销比例(含大病保险)", None, None),
            ("普惠托位占比", None, None),
            ("（%）", None, None),
            (
                "1.每千人口拥有3岁以下婴幼儿托位数",
                None,
                Some(("每千人口拥有3岁以下婴幼儿托位数", None)),
            ),
            (
                "3、重大慢病过早死亡率",
                None,
                Some(("重大慢病过早死亡率", None)),
            ),
            (
                "（二）普惠托位占比（%）",
                None,
                Some(("普惠托位占比", Some("%"))),
            ),
            ("(12) 人均预期寿命", None, Some(("人均预期寿命", None))),
            ("十二、人均预期寿命", None, Some(("人均预期寿命", None))),
            ("①人均预期寿命", None, Some(("人均预期寿命", None))),
            ("2.*普惠托位占比", None, Some(("普惠托位占比", None))),
            ("基层就诊率★", None, Some(("基层就诊率", None))),
            ("基层就诊率 ☆", None, Some(("基层就诊率", None))),
            ("基层就诊率①", None, Some(("基层就诊率", None))),
            (
                "普惠托位占比*（%）",
                None,
                Some(("普惠托位占比", Some("%"))),
            ),
            (
                "普惠托位占比（%）※",
                None,
                Some(("普惠托位占比", Some("%"))),
            ),
            ("★", None, None),
            // Any sign a plan's legend can explain, the same list extract reads names with.
            ("◆普惠托位占比", None, Some(("普惠托位占比", None))),
            ("普惠托位占比●", None, Some(("普惠托位占比", None))),
            ("3岁以下婴幼儿托位数", None, None),
            ("0-3岁儿童发育监测筛查率", None, None),
            ("1.5万人", None, None),
            ("1.", None, None),
            ("（一）", None, None),
            ("1234.人均预期寿命", None, None),
            ("一1人均预期寿命", None, None),
        ] {
            let r = ActualRow {
                line: 2,
                jurisdiction: f("诸暨市"),
                indicator: f(typed),
                year: f("2024"),
                period: None,
                basis: None,
                value: f("1"),
                unit: unit.map(f),
                note: None,
                target: None,
                claim: None,
                year_own: None,
                only_year_own: false,
                period_as_of: false,
                implied: Implied::No,
                hidden: Default::default(),
            };
            let got = as_printed(&r).map(|c| (c.indicator.text, c.unit.map(|u| u.text)));
            assert_eq!(got, want, "{typed}");
        }
    }

    #[test]
    fn a_reading_stays_compact() {
        // What a row costs once read: memory at a million rows is this times a million.
        assert!(std::mem::size_of::<Reading>() <= 24);
    }

    /// A reading gives back exactly what was read: every value (negative zero, trailing zeros,
    /// 28 decimals, the largest decimals), kind, period, flag and line, wide ones included.
    #[test]
    fn a_reading_gives_back_exactly_what_was_read() {
        use std::str::FromStr;
        let mut wide = Wide::new();
        let values = [
            "0",
            "-0",
            "0.000",
            "85",
            "85.0",
            "-3.25",
            "1234567.8900",
            "0.0000000000000000000000000001",
            "4294967295",
            "-4294967296",
            "42949672.96",
            "18446744073709551615",
            "18446744073709551616",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
        ];
        let periods = [
            crate::period::parse("2024", None).unwrap(),
            crate::period::parse("2024年1-6月", None).unwrap(),
            crate::period::parse("2024Q3", None).unwrap(),
            crate::period::parse("2024年10月", None).unwrap(),
            crate::period::parse("2024年4-8月", None).unwrap(),
            crate::period::parse("2024年下半年", None).unwrap(),
            // Months past four bits, which no parsed period has: kept whole all the same.
            Period {
                year: 2024,
                first: 3,
                last: 200,
                grain: Grain::Span,
            },
        ];
        let actuals = values
            .iter()
            .map(|v| Actual::Number(Decimal::from_str(v).unwrap()))
            .chain([Actual::Done(true), Actual::Done(false)]);
        let lines = [
            0,
            1,
            2,
            u64::from(u32::MAX) - 1,
            u64::from(u32::MAX),
            u64::MAX,
        ];
        let files = [0, 3, 254, 255, 256, 70_000];
        for (n, actual) in actuals.enumerate() {
            for (k, period) in periods.iter().enumerate() {
                let line = lines[(n + k) % lines.len()];
                let (unsaid, slip) = ((n + k) % 2 == 0, (n + k) % 3 == 0);
                let file = files[(n + 2 * k) % files.len()];
                let mut r = Reading::new(7, *period, actual, unsaid, file, line, &mut wide);
                r.set_slip(slip);
                let back = r.actual(&wide);
                match (back, actual) {
                    (Actual::Number(b), Actual::Number(a)) => {
                        assert_eq!(b.serialize(), a.serialize(), "{a}")
                    }
                    _ => assert_eq!(back, actual),
                }
                let p = r.period(&wide);
                assert_eq!(
                    (p.year, p.first, p.last, p.grain, p.label(false)),
                    (
                        period.year,
                        period.first,
                        period.last,
                        period.grain,
                        period.label(false)
                    )
                );
                assert_eq!((r.line(&wide), r.unsaid(), r.slip()), (line, unsaid, slip));
                assert_eq!((r.series, r.file(&wide), r.prev), (7, file, NONE));
            }
        }
    }

    /// Every row of every bundled plan, each year of its period, a value a little off its
    /// target (so that statuses vary), a year-to-date month for some, and rows that are errors.
    fn province_sheet(set: &PlanSet) -> String {
        let mut csv = String::from("jurisdiction,indicator,year,value\n");
        for (n, p) in set.plans().enumerate() {
            let (start, end) = (p.plan.period.start.value, p.plan.period.end.value);
            for (k, row) in p.rows() {
                for year in start..=end {
                    let v = 10 + (n * 7 + k * 3 + year as usize) % 90;
                    let period = if (k + year as usize).is_multiple_of(5) {
                        format!("{year}年1-6月")
                    } else {
                        year.to_string()
                    };
                    csv.push_str(&format!("{},{},{period},{v}\n", p.id(), row.id.value));
                }
                if k.is_multiple_of(17) {
                    csv.push_str(&format!("{},no-such-indicator,{start},1\n", p.id()));
                }
            }
        }
        csv
    }

    fn builtin() -> PlanSet {
        let (set, _) = PlanSet::load(&crate::plan::load::PlanDir::Builtin);
        set.expect("built-in plans")
    }

    /// [`province_sheet`] read and finished.
    fn province_readings(set: &PlanSet) -> Readings<'_> {
        let mut read = Readings::new(set);
        read.read_text(
            "p.csv",
            province_sheet(set).into_bytes(),
            actuals::Encoding::Auto,
        )
        .expect("read");
        read.finish();
        read
    }

    #[test]
    fn judging_in_chunks_on_several_threads_writes_what_one_thread_writes() {
        let set = builtin();
        let read = province_readings(&set);
        assert!(read.readings.len() > 1000, "{}", read.readings.len());
        for all in [false, true] {
            let q = Query {
                all,
                ..Query::default()
            };
            let line = |buf: &mut Vec<u8>, j: &Judged| {
                crate::report::check::csv_line(buf, j, false, true, &mut String::new());
                serde_json::to_writer(&mut *buf, &crate::report::check::row_json(j)).expect("json");
            };
            let mut one = Vec::new();
            read.each(&q, &mut |j| {
                line(&mut one, &j);
                Ok(())
            })
            .expect("judged");
            let lines = one.iter().filter(|&&b| b == b'\n').count();
            assert!(lines > 1000, "{lines}");
            for (chunk, workers) in [(1, 2), (7, 3), (500, 1), (500, 2), (100_000, 2)] {
                let mut many = Vec::new();
                read.each_chunk_of(
                    chunk,
                    workers,
                    &q,
                    &Vec::new,
                    &|t, j| {
                        line(t, j);
                        Ok(())
                    },
                    &mut |t| {
                        many.extend(t);
                        Ok(())
                    },
                )
                .expect("judged");
                assert!(
                    one == many,
                    "chunks of {chunk} on {workers} threads, --all {all}"
                );
            }
        }
    }

    #[test]
    fn json_elements_written_apart_are_the_pretty_array() {
        let set = builtin();
        let read = province_readings(&set);
        let q = Query {
            all: true,
            ..Query::default()
        };
        let mut rows = Vec::new();
        let mut apart = Vec::new();
        read.each(&q, &mut |j| {
            rows.push(crate::report::check::row_json(&j));
            crate::report::check::json_element(&mut apart, &j, &mut Vec::new());
            Ok(())
        })
        .expect("judged");
        assert!(rows.len() > 1000, "{}", rows.len());
        let mut joined = b"[".to_vec();
        joined.extend_from_slice(&apart[1..]);
        joined.extend_from_slice(b"\n]");
        let whole = serde_json::to_string_pretty(&rows).expect("json");
        assert!(whole.contains("\n    \""), "nested keys are indented");
        assert_eq!(String::from_utf8(joined).expect("utf-8"), whole);
    }

    #[test]
    fn a_sink_that_fails_stops_the_judging_with_its_error() {
        let set = builtin();
        let read = province_readings(&set);
        let mut taken = 0;
        let r = read.each_chunk_of(
            10,
            3,
            &Query::default(),
            &|| 0usize,
            &|n, _| {
                *n += 1;
                Ok(())
            },
            &mut |_| {
                taken += 1;
                if taken == 3 {
                    anyhow::bail!("pipe closed")
                }
                Ok(())
            },
        );
        assert_eq!(r.map_err(|e| e.to_string()), Err("pipe closed".into()));
        assert_eq!(taken, 3);
    }

    /// [`within_five`] by products against the quotient it replaced: the same answer on every
    /// pair but those whose quotient the division rounds onto a bound (here none).
    /// The gap's share in integers against the library's division and rounding, over gaps and
    /// targets of the scales reports and plans have (and some beyond), both signs: the same
    /// value (compared normalized, as every writer shows it), or `None` where the division decides.
    #[test]
    fn gap_share_in_tenths_agrees_with_the_division() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            x >> 16
        };
        let mut checked = 0;
        for i in 0..40_000u32 {
            let gm = i64::try_from(next() % 10_000_000).unwrap() - 5_000_000;
            let tm = i64::try_from(next() % 1_000_000).unwrap() + if i % 7 == 0 { 0 } else { 1 };
            let g = Decimal::new(gm, (next() % 7) as u32);
            let t = Decimal::new(if i % 5 == 0 { -tm } else { tm }, (next() % 6) as u32);
            if t.is_zero() {
                continue;
            }
            let slow = share_by_division(g, t);
            if let Some(fast) = share_in_tenths(g, t) {
                let slow = slow.expect("the division has a share where the integers do");
                assert_eq!(
                    fast.normalize().serialize(),
                    slow.normalize().serialize(),
                    "{g} of {t}"
                );
                checked += 1;
            }
        }
        assert!(checked > 30_000, "{checked}");
        // Halves exactly, both ways, and a gap over a huge target.
        for (g, t) in [
            ("1", "8"),
            ("-1", "8"),
            ("0.5", "1000"),
            ("-0.5", "1000"),
            ("3", "-7"),
        ] {
            let (g, t) = (g.parse().unwrap(), t.parse().unwrap());
            assert_eq!(
                share_in_tenths(g, t).map(|d| d.normalize()),
                share_by_division(g, t).map(|d| d.normalize()),
                "{g} of {t}"
            );
        }
    }

    #[test]
    fn within_five_agrees_with_the_quotient() {
        use std::str::FromStr;
        let by_quotient = |v: Decimal, r: Decimal| {
            let five = Decimal::from(5);
            v.checked_div(r)
                .is_some_and(|q| q < five && q * five > Decimal::ONE)
        };
        let values = [
            "0",
            "0.2",
            "0.2000001",
            "0.1999999",
            "1",
            "4.99",
            "5",
            "5.01",
            "25",
            "100",
            "95.5",
            "0.0001",
            "1000000",
            "123456789.123",
            "79228162514264337593543950335",
            "15845632502852867518708790067",
            "0.0000000000000000000000000001",
            "1.5",
            "7.5",
        ];
        for v in values {
            for r in values {
                let (v, r) = (Decimal::from_str(v).unwrap(), Decimal::from_str(r).unwrap());
                if r <= Decimal::ZERO {
                    continue;
                }
                assert_eq!(within_five(v, r), by_quotient(v, r), "{v} against {r}");
            }
        }
    }

    #[test]
    fn period_fast_path_agrees() {
        for y in 1800..2300 {
            let t = y.to_string();
            let slow = crate::period::parse(&t, None).ok();
            let fast = plain_year(&t).map(Period::year);
            if let Some(f) = fast {
                let s = slow.expect("the parser reads what the fast path reads");
                assert_eq!(
                    (s.year, s.first, s.last, s.grain),
                    (f.year, f.first, f.last, f.grain)
                );
                assert_eq!(s.label(false), f.label(false));
            }
        }
        // A plain year's basis is never unsaid, as the fast path in `row` takes it.
        for y in 1900..=2100 {
            assert!(!crate::period::basis_unsaid(&y.to_string()), "{y}");
        }
        assert_eq!(plain_year("２０２４"), None);
        assert_eq!(plain_year("2024年"), None);
        assert_eq!(plain_year("45292"), None);
    }
}
