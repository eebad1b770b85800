//! Matching a candidate to the indicator catalog: exactly, by containment, or the nearest name by
//! character bigrams; a unit that cannot convert to an entry's unit rules the entry out.
//!
//! Why it exists: the draft takes an id without asking only when the phrase names it (exactly, or
//! contained with nothing but verbs and fillers beside it); anything weaker is a suggestion for a
//! person, so that a catalog id is never guessed silently.

use super::Candidate;
use super::phrase::{VERBS, trim_fillers};
use crate::plan::schema::Domain;
use crate::plan::{CatalogIndex, name_key};
use crate::threshold::{Better, Op};
use crate::unit::Unit;

/// How a candidate's phrase was matched to the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MatchHow {
    /// The phrase is a name or alias.
    Exact,
    /// A name or alias is contained in the phrase (or the phrase in it), the rest of the phrase
    /// being verbs and fillers (`建成`, `全市`).
    Contains,
    /// A name is contained in the phrase, but the phrase says more (`城区` + 平均急救反应时间):
    /// likely a narrower indicator the catalog lacks. A suggestion to check.
    Partial,
    /// Nearest by character bigrams (Sørensen–Dice): a suggestion to check.
    Nearest,
}

impl MatchHow {
    pub(crate) fn name(self) -> &'static str {
        match self {
            MatchHow::Exact => "exact",
            MatchHow::Contains => "contains",
            MatchHow::Partial => "partial",
            MatchHow::Nearest => "nearest",
        }
    }

    /// Exact or contained: the draft uses the id without asking.
    pub(crate) fn is_sure(self) -> bool {
        matches!(self, MatchHow::Exact | MatchHow::Contains)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CatalogMatch {
    pub id: String,
    pub name: String,
    pub how: MatchHow,
    /// 1 for exact and contained names; the similarity for the nearest.
    pub score: f64,
    pub better: Better,
    pub domain: Domain,
}

/// A string's character bigrams, sorted, so that two lists are compared in one merge.
fn bigrams(s: &str) -> Vec<(char, char)> {
    let c: Vec<char> = s.chars().collect();
    let mut g: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
    g.sort_unstable();
    g
}

/// Sørensen–Dice similarity of two sorted bigram lists (a bigram shared twice counts twice only
/// when both have it twice). strsim 0.11's `sorensen_dice` divides by byte lengths, which scores
/// Chinese (three bytes a character) at a third of its similarity. One merge, no allocation: it
/// runs for every catalog name against every candidate.
fn dice(x: &[(char, char)], y: &[(char, char)]) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f64 / (x.len() + y.len()) as f64
}

/// Below this similarity the nearest entry is not worth suggesting.
const NEAREST_FLOOR: f64 = 0.35;

/// Names too short to mean anything when found inside a longer phrase.
const MIN_CONTAINED: usize = 4;

/// One name or alias of the catalog, prepared once for every candidate.
struct Key {
    entry: usize,
    key: String,
    len: usize,
    bigrams: Vec<(char, char)>,
}

/// The catalog, ready to match many candidates: names keyed, bigrams and units parsed once.
pub(crate) struct Matcher<'a> {
    cat: &'a CatalogIndex,
    keys: Vec<Key>,
    units: Vec<Option<Unit>>,
}

impl<'a> Matcher<'a> {
    pub(crate) fn new(cat: &'a CatalogIndex) -> Matcher<'a> {
        let mut keys = Vec::new();
        for (i, e) in cat.entries.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                let key = name_key(n);
                keys.push(Key {
                    entry: i,
                    len: key.chars().count(),
                    bigrams: bigrams(&key),
                    key,
                });
            }
        }
        let units = cat
            .entries
            .iter()
            .map(|e| e.unit.as_ref().and_then(|u| Unit::parse(&u.value).ok()))
            .collect();
        Matcher { cat, keys, units }
    }

    /// A unit that cannot convert to the entry's rules the entry out, unless the entry names it
    /// among its `unit_synonyms` (名 for 个 in a count per thousand people).
    fn fits(&self, unit: Option<&Unit>, printed: Option<&str>, entry: usize) -> bool {
        if printed.is_some_and(|p| self.cat.entries[entry].is_unit_synonym(p)) {
            return true;
        }
        match (unit, &self.units[entry]) {
            (Some(a), Some(b)) => a.is_compatible(b),
            _ => true,
        }
    }

    /// The catalog entry a candidate's phrase names: exactly, by containment (longest name wins),
    /// else the nearest with its score.
    pub(crate) fn find(&self, c: &Candidate) -> Option<CatalogMatch> {
        let phrase = name_key(&c.indicator);
        if phrase.is_empty() {
            return None;
        }
        let unit = c.unit.as_deref().and_then(|u| Unit::parse(u).ok());
        let make = |i: usize, how, score| {
            let e = &self.cat.entries[i];
            CatalogMatch {
                id: e.id.value.clone(),
                name: e.name.clone(),
                how,
                score,
                better: e.better,
                domain: e.domain,
            }
        };
        let plen = phrase.chars().count();
        let pgrams = bigrams(&phrase);
        let mut contained: Option<(usize, bool, &Key)> = None;
        let mut nearest: Option<(f64, usize)> = None;
        let mut exact: Vec<(usize, bool)> = Vec::new();
        // A number is never a milestone (`better: done`) of the catalog, and a milestone
        // (`建成一批`) is never a number.
        let milestone = c.op == Op::Done;
        for k in &self.keys {
            if (self.cat.entries[k.entry].better == Better::Done) != milestone
                || !self.fits(unit.as_ref(), c.unit.as_deref(), k.entry)
            {
                continue;
            }
            let same_domain = c
                .domain
                .is_some_and(|d| d == self.cat.entries[k.entry].domain);
            if k.key == phrase {
                exact.push((k.entry, same_domain));
                continue;
            }
            // The phrase inside a name counts only when it is most of the name: `建设完成` is in
            // many names and means none of them.
            let hit = (k.len >= MIN_CONTAINED && phrase.contains(&k.key))
                || (plen >= MIN_CONTAINED
                    && (plen * 10 >= k.len * 7 || k.key.starts_with(&phrase))
                    && k.key.contains(&phrase));
            if hit
                && contained
                    .as_ref()
                    .is_none_or(|(l, d, _)| (k.len, same_domain) > (*l, *d))
            {
                contained = Some((k.len, same_domain, k));
            }
            let mut score = dice(&pgrams, &k.bigrams);
            if same_domain {
                score += 0.05;
            }
            if nearest.is_none_or(|(s, _)| score > s) {
                nearest = Some((score, k.entry));
            }
        }
        exact.dedup_by_key(|(e, _)| *e);
        if !exact.is_empty() {
            // Two entries printed the same way (`样板村(社区)`, old and new): the domain decides,
            // else a person does.
            let in_domain: Vec<usize> = exact.iter().filter(|x| x.1).map(|x| x.0).collect();
            return Some(match (exact.len(), in_domain.as_slice()) {
                (1, _) => make(exact[0].0, MatchHow::Exact, 1.0),
                (_, [one]) => make(*one, MatchHow::Exact, 1.0),
                _ => make(exact[0].0, MatchHow::Partial, 1.0),
            });
        }
        if let Some((_, _, k)) = contained {
            // What the phrase says beyond the name: nothing but verbs and fillers, or a qualifier.
            let rest = phrase.replacen(&k.key, "", 1);
            let mut rest = trim_fillers(&rest);
            loop {
                let before = rest.clone();
                // 新增/新建 change the quantity (new enrolments are not enrolment): not fillers.
                for v in VERBS.iter().filter(|v| !v.starts_with('新')) {
                    if let Some(r) = rest.strip_prefix(v) {
                        rest = trim_fillers(r);
                    }
                }
                if rest == before {
                    break;
                }
            }
            rest.retain(|c| !"“”\"()（）、的".contains(c));
            let how = if rest.is_empty() {
                MatchHow::Contains
            } else {
                MatchHow::Partial
            };
            return Some(make(k.entry, how, 1.0));
        }
        // A name whose every character the phrase spells in order, with words of its own in
        // between (`新增学位` in `新增公办中小学学位`), is a broader quantity: no suggestion rather
        // than a wrong one.
        let broader = |i: usize| {
            let name = name_key(&self.cat.entries[i].name);
            let mut rest = phrase.chars();
            let spelled = name.chars().all(|c| rest.any(|p| p == c));
            spelled && plen >= name.chars().count() + 2 && !phrase.contains(&name)
        };
        nearest
            .filter(|(s, i)| *s >= NEAREST_FLOOR && !broader(*i))
            .map(|(s, i)| make(i, MatchHow::Nearest, (s.min(1.0) * 100.0).round() / 100.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::builtin_catalog;

    #[test]
    fn catalog_matching() {
        let cat = builtin_catalog();
        let m = |name: &str, unit: Option<&str>| {
            let mut c = Candidate::blank(1);
            c.indicator = name.into();
            c.unit = unit.map(Into::into);
            Matcher::new(&cat).find(&c).map(|m| (m.id, m.how))
        };
        assert_eq!(
            m("每千人口拥有3岁以下婴幼儿托位数", Some("个")),
            Some(("childcare-places-per-1000".into(), MatchHow::Exact))
        );
        assert_eq!(
            m("全市普惠托位占比", Some("%")),
            Some(("childcare-inclusive-share".into(), MatchHow::Contains))
        );
        // A unit that cannot convert rules an entry out.
        assert_ne!(
            m("普惠托位占比", Some("人")).map(|x| x.0),
            Some("childcare-inclusive-share".into())
        );
        let near = m("每千人口婴幼儿托位", Some("个"));
        assert!(matches!(near, Some((_, MatchHow::Nearest))), "{near:?}");
        assert_eq!(m("与任何指标无关的词语", None), None);
        // A narrower name is never given a broader entry, not even as a suggestion.
        assert_eq!(m("新增公办中小学学位", Some("个")), None);
        // A unit the entry lists as a synonym fits it.
        assert_eq!(
            m("每千人口拥有3岁以下婴幼儿托位数", Some("名")),
            Some(("childcare-places-per-1000".into(), MatchHow::Exact))
        );
    }
}
