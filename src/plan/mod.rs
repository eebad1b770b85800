//! Plans and the indicator catalog: the schema, how they are loaded, how they are checked, and
//! the lookups every command shares (an indicator by id or alias, a plan by id or name).

pub mod load;
pub mod schema;
pub mod validate;

use crate::diag::{Diagnostic, suggestion};
use crate::threshold::{Better, Op, ParseError, Threshold};
use crate::unit::Unit;
use load::{CATALOG_FILE, PlanDir, SourceText};
use rust_decimal::Decimal;
pub use schema::{Catalog, Domain, Entry, Figure, Plan, Row};
use std::collections::HashMap;

/// A plan file, read and deserialised.
#[derive(Debug)]
pub struct PlanFile {
    pub source: SourceText,
    pub plan: Plan,
}

impl PlanFile {
    pub fn id(&self) -> &str {
        &self.plan.jurisdiction.id.value
    }
}

/// The catalog with lookups by id, name and alias.
#[derive(Debug)]
pub struct CatalogIndex {
    pub source: SourceText,
    pub entries: Vec<Entry>,
    by_key: HashMap<String, usize>,
}

/// Names compare without white space and with ASCII brackets, quotes and digits, so that
/// `每千人口拥有 3岁以下婴幼儿托位数` and `每千人口拥有3岁以下婴幼儿托位数` are one name.
pub fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '“' | '”' | '"' => '"',
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| *c != '"')
        .collect()
}

impl CatalogIndex {
    pub fn new(source: SourceText, catalog: Catalog) -> CatalogIndex {
        let mut by_key = HashMap::new();
        for (i, e) in catalog.indicators.iter().enumerate() {
            by_key.entry(e.id.value.clone()).or_insert(i);
            by_key.entry(name_key(&e.name)).or_insert(i);
            for a in &e.aliases {
                by_key.entry(name_key(a)).or_insert(i);
            }
        }
        CatalogIndex {
            source,
            entries: catalog.indicators,
            by_key,
        }
    }

    pub fn get(&self, id_or_name: &str) -> Option<&Entry> {
        self.by_key
            .get(id_or_name.trim())
            .or_else(|| self.by_key.get(&name_key(id_or_name)))
            .map(|i| &self.entries[*i])
    }

    /// ` (did you mean `x`?)` over ids, names and aliases.
    pub fn suggest(&self, word: &str) -> String {
        let key = name_key(word);
        let Some(near) = crate::diag::did_you_mean(&key, self.by_key.keys().map(String::as_str))
        else {
            return String::new();
        };
        // Name the id, whatever spelling was nearest.
        let e = &self.entries[self.by_key[near]];
        if near == e.id.value {
            format!(" (did you mean `{}`?)", e.id.value)
        } else {
            format!(" (did you mean `{}` {}?)", e.id.value, e.name)
        }
    }
}

/// The catalog and every plan of a plan directory.
#[derive(Debug)]
pub struct PlanSet {
    pub catalog: CatalogIndex,
    pub plans: Vec<PlanFile>,
}

impl PlanSet {
    /// Loads a plan directory. Files that cannot be read or deserialised are reported and left
    /// out; the rest load.
    pub fn load(dir: &PlanDir) -> (Option<PlanSet>, Vec<Diagnostic>) {
        let files = match load::read_dir(dir) {
            Ok(f) => f,
            Err(d) => return (None, vec![d]),
        };
        Self::from_sources(files, dir)
    }

    pub fn from_sources(
        files: Vec<SourceText>,
        dir: &PlanDir,
    ) -> (Option<PlanSet>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut catalog = None;
        let mut plans = Vec::new();
        for src in files {
            if src.name.ends_with(CATALOG_FILE) {
                match load::parse_yaml::<Catalog>(&src) {
                    Ok(c) => catalog = Some(CatalogIndex::new(src, c)),
                    Err(d) => diags.push(d),
                }
            } else {
                match load::parse_yaml::<Plan>(&src) {
                    Ok(plan) => plans.push(PlanFile { source: src, plan }),
                    Err(d) => diags.push(d),
                }
            }
        }
        let Some(catalog) = catalog else {
            if diags.is_empty() {
                let where_ = match dir {
                    PlanDir::Builtin => "plans/".to_string(),
                    PlanDir::Path(p) => p.display().to_string(),
                };
                diags.push(Diagnostic::error(
                    &where_,
                    0,
                    0,
                    format!("no {CATALOG_FILE} in the plan directory"),
                ));
            }
            return (None, diags);
        };
        (Some(PlanSet { catalog, plans }), diags)
    }

    pub fn ids(&self) -> Vec<&str> {
        self.plans.iter().map(PlanFile::id).collect()
    }

    /// A plan by id, Chinese or English name. The error names the plans there are.
    pub fn find(&self, key: &str) -> Result<&PlanFile, String> {
        let k = key.trim();
        if k.contains('/') || k.contains('\\') || k.contains("..") {
            return Err(format!(
                "`{k}` is a path: name a plan by its id ({})",
                self.ids().join(", ")
            ));
        }
        self.plans
            .iter()
            .find(|p| {
                p.id() == k
                    || p.plan.jurisdiction.name == k
                    || p.plan.jurisdiction.name_en.eq_ignore_ascii_case(k)
                    || p.plan
                        .jurisdiction
                        .name
                        .trim_end_matches(['市', '区', '县'])
                        == k
            })
            .ok_or_else(|| {
                let mut names: Vec<&str> = self.ids();
                names.extend(self.plans.iter().map(|p| p.plan.jurisdiction.name.as_str()));
                format!(
                    "no plan `{k}`{}; plans: {}",
                    suggestion(k, names),
                    self.ids().join(", ")
                )
            })
    }
}

/// A figure's threshold, read from its table cell (which wins when both are given) or its prose.
fn figure_threshold(f: &Figure) -> Option<Result<Threshold, ParseError>> {
    f.cell
        .as_ref()
        .or(f.text.as_ref())
        .map(|s| Threshold::parse(&s.value))
}

/// A figure resolved for use: operator in the indicator's direction, value in the catalog's unit.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub year: i32,
    pub threshold: Threshold,
    /// Value (low end of a range) in the catalog's unit.
    pub value: Option<Decimal>,
    pub high: Option<Decimal>,
    /// The unit the value is printed in, as printed (cell, text or row).
    pub unit_printed: Option<String>,
}

/// Resolves a figure of `row` against its catalog `entry`. Errors are messages for the user.
pub fn resolve(row: &Row, entry: &Entry, f: &Figure) -> Result<Resolved, String> {
    let t = match figure_threshold(f) {
        Some(Ok(t)) => t.resolve(entry.better),
        Some(Err(e)) => return Err(e.to_string()),
        None => return Err("no cell or text".into()),
    };
    let context = entry
        .unit
        .as_ref()
        .or(row.unit.as_ref())
        .map(|u| u.value.as_str())
        .unwrap_or_default();
    let printed = t
        .unit
        .as_deref()
        .map(|u| crate::unit::complete(u, context))
        .or_else(|| row.unit.as_ref().map(|u| u.value.clone()));
    let convert = |v: Option<Decimal>| -> Result<Option<Decimal>, String> {
        let Some(v) = v else { return Ok(None) };
        match (&printed, entry.unit.as_ref()) {
            (Some(p), Some(c)) => {
                let from = Unit::parse(p).map_err(|e| e.to_string())?;
                let to = Unit::parse(&c.value).map_err(|e| e.to_string())?;
                from.convert(v, &to).map(Some).map_err(|e| e.to_string())
            }
            _ => Ok(Some(v)),
        }
    };
    let value = convert(t.value)?;
    let high = convert(t.high)?;
    Ok(Resolved {
        year: f.year.value,
        threshold: t,
        value,
        high,
        unit_printed: printed,
    })
}

impl Resolved {
    /// The threshold with its numbers in the catalog's unit, for judging and display.
    pub fn normalized(&self) -> Threshold {
        let mut t = self.threshold.clone();
        t.value = self.value;
        t.high = self.high;
        t
    }

    pub fn is_numeric(&self) -> bool {
        !matches!(self.threshold.op, Op::None | Op::Done) && self.value.is_some()
    }
}

impl Entry {
    /// The name in the language asked for.
    pub fn label(&self, en: bool) -> String {
        if en {
            self.name_en.clone()
        } else {
            self.name.clone()
        }
    }

    /// The catalog unit as text, empty for milestones and indices.
    pub fn unit_text(&self) -> String {
        self.unit
            .as_ref()
            .map(|u| u.value.clone())
            .unwrap_or_default()
    }
}

impl schema::Jurisdiction {
    pub fn label(&self, en: bool) -> String {
        if en {
            self.name_en.clone()
        } else {
            self.name.clone()
        }
    }
}

/// Whether `better` and an operator point the same way.
pub fn op_against(better: Better, op: Op) -> bool {
    matches!(
        (better, op.direction()),
        (Better::Higher, -1) | (Better::Lower, 1)
    )
}

/// The domain a row is compared under: its area's mapping, else the catalog's domain.
pub(crate) fn row_domain(p: &PlanFile, cat: &CatalogIndex, row: &Row) -> Option<Domain> {
    if let Some(area) = &row.area {
        if let Some(a) = p.plan.areas.iter().find(|a| a.name == area.value) {
            return Some(a.domain.value);
        }
        if let Some(d) = Domain::parse(&area.value) {
            return Some(d);
        }
    }
    cat.get(&row.id.value).map(|e| e.domain)
}
