//! The plan and catalog files as serde types: the one description of the format, from which the
//! JSON Schema in `schema/` is generated. Unknown keys are rejected. Values that `validate` may
//! have to point at later are `Spanned`, so a semantic problem gets its own line and column.

use crate::threshold::Better;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value and the line and column it was written at. The YAML crate's own `Spanned` keeps two
/// full locations (where a value is referenced and where an anchor defined it, each with a
/// character span and a source id: 56 bytes) on every spanned value; plans have thousands of
/// them and only the line and column of the first are ever shown, so this keeps those (8 bytes).
/// Read through the crate's type, so that it still learns the position; written as the bare
/// value, like the crate's. A value read from elsewhere (the plan cache) has position 0:0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub referenced: Pos,
}

/// A 1-based line and column (0 where unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    line: u32,
    column: u32,
}

impl Pos {
    pub fn line(&self) -> u64 {
        u64::from(self.line)
    }

    pub fn column(&self) -> u64 {
        u64::from(self.column)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let at = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(Spanned {
            value: s.value,
            referenced: Pos {
                line: at(s.referenced.line()),
                column: at(s.referenced.column()),
            },
        })
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// A text of a plan's row or figure (a catalog id, a name, a unit, a lead department, an area, a
/// cell or a phrase), shared by every row and plan that prints it: province plans repeat the
/// same ids, units, departments, areas and cells thousands of times, and a decoded plan held one
/// heap string of each (at 1 M rows / 5 000 plans about three million of them). Read through
/// a run-wide pool ([`intern`]); read and written as a plain string, so the files, the schema
/// and the cache's encoding are as before. Reads as a `str`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(std::sync::Arc<str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the text is kept: two texts at one address are one text (the same pooled copy),
    /// so that a lookup by a pooled text needs no comparison of characters.
    pub(crate) fn address(&self) -> usize {
        std::sync::Arc::as_ptr(&self.0).cast::<u8>() as usize
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, o: &str) -> bool {
        *self.0 == *o
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, o: &&str) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, o: &String) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, o: &Text) -> bool {
        *self == *o.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, o: &Text) -> bool {
        **self == *o.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, o: &Text) -> bool {
        **self == *o.0
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        intern(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        intern(&s)
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0.to_string()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(intern(v))
            }
        }
        d.deserialize_string(V)
    }
}

/// The one [`Text`] of a string: from the run's pool, which keeps at most [`INTERNED`] texts
/// (a run's distinct texts are bounded by the plans it loads, never by the rows; past the
/// bound a text is its own). Shared by every thread (plans are decoded on two).
pub fn intern(s: &str) -> Text {
    use std::collections::HashSet;
    use std::sync::{Arc, Mutex, OnceLock};
    // Plan texts, hashed as the plan indexes hash theirs (see `plan::fasthash`): SipHash was a
    // good part of decoding a plan.
    type Pool = HashSet<Arc<str>, std::hash::BuildHasherDefault<super::fasthash::FastHasher>>;
    static POOL: OnceLock<Mutex<Pool>> = OnceLock::new();
    let pool = POOL.get_or_init(Mutex::default);
    let Ok(mut pool) = pool.lock() else {
        return Text(Arc::from(s));
    };
    if let Some(t) = pool.get(s) {
        return Text(Arc::clone(t));
    }
    let t: Arc<str> = Arc::from(s);
    if pool.len() < INTERNED {
        pool.insert(Arc::clone(&t));
    }
    Text(t)
}

/// How many texts [`intern`] keeps.
const INTERNED: usize = 1 << 20;

/// One plan document, encoded.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub jurisdiction: Jurisdiction,
    pub document: Document,
    pub period: Period,
    /// The year the baseline values describe (usually the year before the period starts).
    #[schemars(with = "i32")]
    pub baseline_year: Spanned<i32>,
    /// The plan's own areas, where they differ from the seven domains, each mapped onto one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
    #[serde(default)]
    pub indicators: Vec<Row>,
    /// What this file encodes when it is not the whole document (`表1 only: the prose is not
    /// encoded`, `pages 1–3 of 5 survive`). Absent: the whole document is encoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// The indicator table's figure columns, left to right, by year (`[2022, 2023, …, 2027]`:
    /// the 2022基础值 column, then one column a year). With it `validate` checks each figure's
    /// `cell` against the cell printed in its own year's column. Absent: the columns are
    /// inferred from the years of the plan's table figures. A row of another table says its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<i32>")]
    pub columns: Vec<Spanned<i32>>,
    /// What a person must still decide (a draft's open questions); `validate` warns with each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub todo: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// ASCII pinyin, the same as the file name: `zhuji`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Chinese name: 诸暨市.
    pub name: String,
    pub name_en: String,
    pub level: Level,
    /// The Chinese name of the level above: 绍兴市.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Province,
    City,
    County,
    CountyCity,
    District,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub title: String,
    /// 文号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The issuing office. Optional: a source that does not name it lists `issuer` under
    /// `not_in_source` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// 成文日期, YYYY-MM-DD (or the publication date). Optional like `issuer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub date: Option<Spanned<String>>,
    pub kind: PlanKind,
    /// The document's file name in the sources directory.
    pub source: String,
    /// Where the document was published (the web page it was copied from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Anything a reader should know about the document or its copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Document fields the source does not state (`[issuer, date]`): said, so that their absence
    /// is a known fact and not an omission.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_in_source: Vec<DocField>,
}

/// The optional document fields a source may lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DocField {
    Issuer,
    Date,
    Number,
    Url,
}

impl DocField {
    pub fn name(self) -> &'static str {
        match self {
            DocField::Issuer => "issuer",
            DocField::Date => "date",
            DocField::Number => "number",
            DocField::Url => "url",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PlanKind {
    /// 实施方案: a five-year implementation plan.
    Implementation,
    /// 工作要点: one year's work points.
    WorkPoints,
    /// 规划: a five-year plan.
    FiveYearPlan,
}

impl PlanKind {
    pub fn zh(self) -> &'static str {
        match self {
            PlanKind::Implementation => "实施方案",
            PlanKind::WorkPoints => "工作要点",
            PlanKind::FiveYearPlan => "规划",
        }
    }
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[schemars(with = "i32")]
    pub start: Spanned<i32>,
    #[schemars(with = "i32")]
    pub end: Spanned<i32>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// The area as the plan prints it.
    pub name: String,
    /// The domain it is compared under.
    #[schemars(with = "Domain")]
    pub domain: Spanned<Domain>,
}

/// The seven 七优享 domains and the plan-level areas plans add.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
pub enum Domain {
    幼有善育,
    学有优教,
    劳有所得,
    病有良医,
    老有康养,
    住有宜居,
    弱有众扶,
    民生实事,
    重大项目,
    综合集成,
}

impl Domain {
    pub const ALL: [Domain; 10] = [
        Domain::幼有善育,
        Domain::学有优教,
        Domain::劳有所得,
        Domain::病有良医,
        Domain::老有康养,
        Domain::住有宜居,
        Domain::弱有众扶,
        Domain::民生实事,
        Domain::重大项目,
        Domain::综合集成,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Domain::幼有善育 => "幼有善育",
            Domain::学有优教 => "学有优教",
            Domain::劳有所得 => "劳有所得",
            Domain::病有良医 => "病有良医",
            Domain::老有康养 => "老有康养",
            Domain::住有宜居 => "住有宜居",
            Domain::弱有众扶 => "弱有众扶",
            Domain::民生实事 => "民生实事",
            Domain::重大项目 => "重大项目",
            Domain::综合集成 => "综合集成",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Domain::幼有善育 => "childcare",
            Domain::学有优教 => "education",
            Domain::劳有所得 => "employment",
            Domain::病有良医 => "health",
            Domain::老有康养 => "elderly care",
            Domain::住有宜居 => "housing",
            Domain::弱有众扶 => "social assistance",
            Domain::民生实事 => "livelihood projects",
            Domain::重大项目 => "major projects",
            Domain::综合集成 => "integration",
        }
    }

    /// The name in the language asked for.
    pub fn label(self, en: bool) -> &'static str {
        if en { self.en() } else { self.zh() }
    }

    /// `--domain`'s parser: a domain by Chinese or English name, else an error with a "did you
    /// mean" (clap prints it and exits 2, like any bad argument).
    pub fn from_arg(s: &str) -> Result<Domain, String> {
        Domain::parse(s).ok_or_else(|| {
            let names = Domain::ALL.iter().flat_map(|d| [d.zh(), d.en()]);
            let hint = crate::diag::suggestion(s, names);
            crate::tr!("未知领域 `{s}`{hint}", "unknown domain `{s}`{hint}")
        })
    }

    /// Accepts the Chinese name or the English one (`health`, `elderly-care`).
    /// Letter-spaced headings (`幼 有 善 育`) read as the words without the spaces.
    /// Compared in place, without a copy of `s` or of any name: a plan's rows are put in
    /// their domains by this, once per series judged (at 100 k rows it allocated eleven strings
    /// a series, 3 % of `check`'s instructions).
    pub fn parse(s: &str) -> Option<Domain> {
        let s = s.trim();
        // A name as it is spelt, the usual case, by comparing bytes: names differ from each
        // other, so it is the one the looser comparisons below would find first.
        if let Some(d) = Domain::ALL.into_iter().find(|d| d.zh() == s || d.en() == s) {
            return Some(d);
        }
        let zh = |d: Domain| d.zh().chars().eq(s.chars().filter(|c| !c.is_whitespace()));
        // The English name as written, or with each space a hyphen (`elderly-care`).
        let en = |d: Domain| {
            let name = d.en().as_bytes();
            name == s.as_bytes()
                || name.len() == s.len()
                    && (name.iter().zip(s.as_bytes()))
                        .all(|(&n, &c)| if n == b' ' { c == b'-' } else { n == c })
        };
        Domain::ALL.into_iter().find(|&d| zh(d) || en(d))
    }
}

/// One indicator as the plan states it.
// What only proof-reading shows is boxed, `Box<String>` included: absent (as it is in every
// plan a judging command loads), such a field costs a pointer instead of a string's 24 bytes.
#[allow(clippy::box_collection)]
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Catalog id.
    #[schemars(with = "String")]
    pub id: Spanned<Text>,
    /// The name as printed.
    #[schemars(with = "String")]
    pub name: Text,
    /// The unit as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub unit: Option<Spanned<Text>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
    /// The sign printed on the row's name or label as it is (`☆`, `*`, `▲`, `#`), whatever it
    /// means in this plan (its note says); `marker` keeps the two meanings qyx acts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub printed_marker: Option<Box<Spanned<String>>>,
    /// Lead department (牵头/责任单位) as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub lead: Option<Text>,
    /// The plan's area (section heading) the row belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub area: Option<Spanned<Text>>,
    /// The table's row label as printed: `*1`, `▲7`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub row: Option<Box<String>>,
    /// The whole table row, verbatim, cells separated by spaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub table: Option<Box<Spanned<String>>>,
    /// The figure columns of this row's table, by year, where they differ from the plan's
    /// `columns` (a plan with a second table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<i32>")]
    pub columns: Vec<Spanned<i32>>,
    // Boxed (a plain comment: the schema's text stays the format's): a figure is 224 bytes and
    // most rows have no baseline, so a row is 344 bytes instead of 560 in every plan held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Figure>")]
    pub baseline: Option<Box<Figure>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Figure>,
    /// The printed row is cut off in the source (a page break, a lost cell): the cells it lacks
    /// are not the encoder's omission, and `validate` does not expect them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<String>>,
    /// What a person must still decide about this row; `validate` warns with each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub todo: Vec<Spanned<String>>,
}

/// The signs plans print on indicator names and row labels (`*普惠托位占比`, `▲4`,
/// `基层就诊率★`): what a document's legend explains, what extract keeps as `printed_marker`,
/// and what `check` drops from a name copied as printed. One list, so that a sign one of them
/// knows the others do too.
pub(crate) const PRINTED_SIGNS: [char; 11] =
    ['*', '＊', '☆', '★', '▲', '△', '#', '＃', '※', '◆', '●'];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Marker {
    /// `*` 省定核心指标.
    Core,
    /// `▲` 探索和观察性指标: no target.
    Observational,
}

impl Marker {
    pub fn symbol(self) -> &'static str {
        match self {
            Marker::Core => "*",
            Marker::Observational => "▲",
        }
    }
}

/// A target or a baseline: a year, and the number with where it was printed.
// Boxed fields: as in [`Row`].
#[allow(clippy::box_collection)]
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    #[schemars(with = "i32")]
    pub year: Spanned<i32>,
    /// The table cell as printed, character for character.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub cell: Option<Spanned<Text>>,
    /// The prose phrase that states it, verbatim: `达到5.5个以上`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub text: Option<Spanned<Text>>,
    /// The verbatim sentence containing `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub quote: Option<Box<Spanned<String>>>,
    /// Where the quote sits: `二、(一)3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Box<String>>,
    #[serde(default, skip_serializing_if = "Scope::is_level")]
    pub scope: Scope,
    /// For a baseline: what the figure measures — a year's level (the default), or an average
    /// or a total over the years `from`–`year` (十三五平均值, “十三五”期间累计). Only a level starts
    /// a path or a change; an average or a total is shown for what it is.
    #[serde(default, skip_serializing_if = "Measure::is_level")]
    pub kind: Measure,
    /// The first year of the span an average or a total covers; the span ends in `year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<i32>")]
    pub from: Option<Spanned<i32>>,
    /// False when the document gives no year and the plan's end year is assumed.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub year_stated: bool,
    /// Why a figure sets no target: a `/` cell (`not-assessed` that year, or `observational`, a
    /// ▲ row), or a schedule's `0` before the work is due (`not-due`: `0 0 100`). Such a figure is
    /// never judged, so a 0 is not a target any value meets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_target: Option<NoTarget>,
    /// The stated reason a cell is written with an operator the table does not print: only
    /// `bare-number` (the encoding guide's rule: a bare number means "reach it" in the
    /// indicator's better direction), and only for the operator that direction gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op_reason: Option<OpReason>,
    /// `true` where a `0` before later positive targets is meant as a target after all (the plan
    /// says so): without it such a `0` is a schedule's, not yet due (see [`Figure::not_due`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub zero_is_target: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<String>>,
    /// What a person must still decide about this figure; `validate` warns with each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub todo: Vec<Spanned<String>>,
    /// `plan::resolve`'s answer, kept so that a figure's text is parsed once per run however
    /// many rows are judged against it. Never read from or written to a file.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) resolved: std::sync::OnceLock<super::CachedResolve>,
}

impl Figure {
    /// Whether this target is a schedule's `0` before the work is due, judged as no target
    /// (未到考核年份): `no_target: not-due`, or — unless `zero_is_target` says the 0 is meant — a
    /// bare `0` of a higher-is-better indicator that a later target of the row raises above 0
    /// (通过国家义务教育优质均衡发展县省级评估率 `0 0 100 100 100`: no county is assessed before 2025,
    /// so the 0s are not targets any value meets). A printed operator (`≥0`) states a target.
    pub fn not_due(&self, row: &Row, better: Better) -> bool {
        self.no_target == Some(NoTarget::NotDue)
            || !self.zero_is_target && self.no_target.is_none() && self.schedule_zero(row, better)
    }

    /// Whether this target reads as a schedule's `0`: a bare 0 of a higher-is-better indicator
    /// that a later target of the row raises above 0 (whatever the figure says about it).
    pub fn schedule_zero(&self, row: &Row, better: Better) -> bool {
        // A baseline's 0 is a level the county stands at, never a schedule's.
        let is_target = row.targets.iter().any(|t| std::ptr::eq(t, self));
        if !is_target || better != Better::Higher {
            return false;
        }
        let reading = |f: &Figure| {
            f.cell
                .as_ref()
                .or(f.text.as_ref())
                .and_then(|s| super::memo::op_value(&s.value))
        };
        let Some((op, value)) = reading(self) else {
            return false;
        };
        if op != crate::threshold::Op::Reach || value.is_none_or(|v| !v.is_zero()) {
            return false;
        }
        row.targets.iter().any(|o| {
            o.year.value > self.year.value
                && o.no_target.is_none()
                && reading(o)
                    .and_then(|(_, v)| v)
                    .is_some_and(|v| v.is_sign_positive() && !v.is_zero())
        })
    }
}

/// Why a figure sets no target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NoTarget {
    /// `/` in a year the indicator is not assessed.
    NotAssessed,
    /// `/` on an observational (▲) row: observed, never a target.
    Observational,
    /// A schedule's `0` (`0 0 100`): nothing is due yet that year.
    NotDue,
}

impl NoTarget {
    /// As written in a plan file.
    pub fn name(self) -> &'static str {
        match self {
            NoTarget::NotAssessed => "not-assessed",
            NoTarget::Observational => "observational",
            NoTarget::NotDue => "not-due",
        }
    }
}

/// The only stated reason for writing an operator the source does not print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OpReason {
    /// A bare number means "reach it" in the indicator's better direction (encoding guide).
    BareNumber,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// What a baseline figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// The level in the baseline year.
    #[default]
    Level,
    /// The average over a span of years (十三五平均值).
    Average,
    /// The total over a span of years (“十三五”期间累计).
    Total,
}

impl Measure {
    pub fn is_level(&self) -> bool {
        *self == Measure::Level
    }

    pub fn name(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Average => "average",
            Measure::Total => "total",
        }
    }

    /// How a table marks the figure after its span: nothing for a level.
    pub fn label(self, en: bool) -> &'static str {
        match (self, en) {
            (Measure::Level, _) => "",
            (Measure::Average, false) => "平均",
            (Measure::Total, false) => "累计",
            (Measure::Average, true) => "average",
            (Measure::Total, true) => "total",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The level in that year.
    #[default]
    Level,
    /// 累计: the total over the period up to that year.
    Cumulative,
    /// 每年: every year of the period.
    Annual,
    /// 保持: held through the period.
    Maintained,
}

impl Scope {
    fn is_level(&self) -> bool {
        *self == Scope::Level
    }

    /// How a table marks the scope next to a figure; nothing for the level in that year.
    pub fn label(self, en: bool) -> &'static str {
        match (self, en) {
            (Scope::Level, _) => "",
            (Scope::Cumulative, false) => "累计",
            (Scope::Annual, false) => "每年",
            (Scope::Maintained, false) => "保持",
            (Scope::Cumulative, true) => "cumulative",
            (Scope::Annual, true) => "every year",
            (Scope::Maintained, true) => "maintained",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scope::Level => "level",
            Scope::Cumulative => "cumulative",
            Scope::Annual => "annual",
            Scope::Maintained => "maintained",
        }
    }
}

/// How an indicator adds up over a year, which decides what a month's or a quarter's value is
/// compared with (see `cycle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Accrual {
    /// A count that accumulates within a year (新增, 培训人次, 完成投资): a year-to-date value is a
    /// sum, compared with the elapsed share of the year's required increment.
    Flow,
    /// A level at a moment (床位数, 托位数, 参保人数): compared with the path from the last
    /// year-end value to this year's target.
    Stock,
    /// A share, ratio or average (%, ‰, per thousand, per capita): judged like a stock.
    Rate,
    /// Done or not (建成, 创成): not due until its year.
    Milestone,
}

impl Accrual {
    pub fn name(self) -> &'static str {
        match self {
            Accrual::Flow => "flow",
            Accrual::Stock => "stock",
            Accrual::Rate => "rate",
            Accrual::Milestone => "milestone",
        }
    }
}

/// The shared indicator catalog.
#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub indicators: Vec<Entry>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub name: String,
    pub name_en: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub domain: Domain,
    /// How the indicator adds up within a year, for judging months and quarters: required for
    /// every entry (`qyx validate` says so), optional here so that one missing entry does not
    /// stop the rest of the catalog from loading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Accrual")]
    pub accrual: Option<Spanned<Accrual>>,
    /// The canonical unit values are compared in; none for milestones and unitless indices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub unit: Option<Spanned<String>>,
    pub better: Better,
    /// Other units plans print for the same quantity, read as `unit` itself: `[名, 人]` for a
    /// count per thousand people whose catalog unit is `个`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unit_synonyms: Vec<String>,
    /// The population `unit` counts per, for a count per population (`千人口` for 每千人口…托位数
    /// in 个, `万老年人` for 每万老年人口…床位数 in 张): a value typed per another size of it
    /// (`4.5个/万人`) is converted to it (0.45 个/千人口), and doubtful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The band, in percent of the target, within which an approximate target (≈, 左右, 约, 近)
    /// of this indicator is met; overrides the default (2). `--tolerance` overrides this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<rust_decimal::Decimal>,
    /// The largest value the quantity can take, in `unit`: `100` for a share of a whole (占比,
    /// 覆盖率, 参保率 in %), none for a rate that may pass 100 (毛入学率, 增长率). A reported value
    /// above it is judged doubtful; a plan's target or baseline above it is an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<rust_decimal::Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
