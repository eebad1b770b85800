//! Plans and the indicator catalog: the schema, how they are loaded, how they are checked, and
//! the lookups every command shares (an indicator by id or alias, a plan by id or name).

pub(crate) mod cache;
pub(crate) mod codec;
pub(crate) mod fasthash;
pub(crate) mod lazy;
pub mod load;
pub mod schema;
pub mod validate;

use crate::diag::{Diagnostic, NameIndex};
use crate::threshold::{Better, Op, ParseError, Threshold};
use fasthash::FastMap;
use load::{CATALOG_FILE, PlanDir, SourceText};
use rust_decimal::Decimal;
pub use schema::{Catalog, Domain, Entry, Figure, Plan, Row};
use std::sync::OnceLock;

/// A plan file, read and deserialised, with its rows indexed by catalog entry.
///
/// Read its rows through [`PlanFile::rows`], [`PlanFile::row_at`] and [`PlanFile::lend_row`],
/// never `plan.indicators`: a plan parsed from its file holds them there, but one decoded from
/// the cache holds them apart, each decoded on first use (see [`lazy`]), and its
/// `plan.indicators` is empty.
#[derive(Debug)]
pub struct PlanFile {
    pub source: SourceText,
    pub plan: Plan,
    /// The plan's row of each catalog entry, built once per plan for the set's catalog (see
    /// [`EntryRows`]).
    by_entry: OnceLock<EntryRows>,
    /// A plan from the cache: its rows, decoded one by one as they are asked for.
    lazy: Option<lazy::LazyRows>,
}

/// A plan's first row of each catalog id, by the position in the catalog of the first entry of
/// that id ([`NO_ROW`]: none), and the catalog it was built for (the address of its entries).
/// A row is then found by an array load: a province sheet names its plans' rows at random, and
/// the hashed, sorted index this replaces cost a binary search through cold memory and a
/// comparison of the row's id for every row of the sheet. Two bytes a catalog entry, which is
/// what the sorted index cost a row (a plan has about as many rows as a quarter of the catalog).
#[derive(Debug)]
struct EntryRows {
    catalog: usize,
    rows: Box<[u16]>,
}

/// No row of the entry in the plan ([`EntryRows::rows`]).
const NO_ROW: u16 = u16::MAX;

impl PlanFile {
    pub fn new(source: SourceText, plan: Plan) -> PlanFile {
        PlanFile {
            source,
            plan,
            by_entry: OnceLock::new(),
            lazy: None,
        }
    }

    /// How many rows the plan has.
    pub fn rows_len(&self) -> usize {
        match &self.lazy {
            Some(l) => l.len(),
            None => self.plan.indicators.len(),
        }
    }

    /// The plan's row at position `i` (decoded now if it is a cached plan's first ask for it).
    pub fn row_at(&self, i: usize) -> Option<&Row> {
        match &self.lazy {
            Some(l) => l.get(i),
            None => self.plan.indicators.get(i),
        }
    }

    /// The plan's rows with their positions, in order.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &Row)> {
        (0..self.rows_len()).filter_map(|i| Some((i, self.row_at(i)?)))
    }

    /// Calls `f` with every row, in order, without keeping a cached plan's rows that were not
    /// decoded yet.
    fn visit_rows(&self, f: &mut dyn FnMut(&Row)) {
        match &self.lazy {
            Some(l) => l.visit(f),
            None => self.plan.indicators.iter().for_each(f),
        }
    }

    /// The catalog id of the row at `i`, without decoding a cached plan's row.
    fn row_id(&self, i: usize) -> Option<schema::Text> {
        match &self.lazy {
            Some(l) => l.id(i),
            None => Some(self.plan.indicators.get(i)?.id.value.clone()),
        }
    }

    pub fn id(&self) -> &str {
        &self.plan.jurisdiction.id.value
    }

    /// The plan's row of a catalog id (the first row of an id), by a scan.
    #[cfg(test)]
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.scan(id).map(|(_, r)| r)
    }

    /// The first row whose id is `id`, with its position, by looking at every row.
    #[cfg(test)]
    fn scan(&self, id: &str) -> Option<(u32, &Row)> {
        let at = self.scan_id(id)?;
        Some((at, self.row_at(at as usize)?))
    }

    /// The position of the first row whose id is `id`, by looking at every row's id.
    fn scan_id(&self, id: &str) -> Option<u32> {
        let at = (0..self.rows_len()).find(|&i| self.row_id(i).is_some_and(|r| r == id))?;
        u32::try_from(at).ok()
    }

    /// The plan's row of `entry` of `catalog` (the first row of the entry's id, as a scan finds
    /// it), with its position in the plan, in constant time once the plan's table is built.
    #[cfg(test)]
    pub(crate) fn row_of(&self, catalog: &CatalogIndex, entry: &Entry) -> Option<(u32, &Row)> {
        let at = self.position_of(catalog, entry)?;
        Some((at, self.row_at(at as usize)?))
    }

    /// The position of the plan's row of `entry` of `catalog` (the first row of the entry's id,
    /// as a scan finds it), in constant time once the plan's table is built, without decoding
    /// any row.
    pub(crate) fn position_of(&self, catalog: &CatalogIndex, entry: &Entry) -> Option<u32> {
        let table = self.index_rows(catalog);
        // Another catalog's table (in-process callers only), an entry that is no entry of this
        // catalog, or a plan too long for the table: the rows' ids are looked through.
        let at = match catalog.first_of_id(entry) {
            Some(first)
                if table.catalog == catalog.address()
                    && table.rows.len() == catalog.entries.len() =>
            {
                first
            }
            _ => return self.scan_id(&entry.id.value),
        };
        match table.rows.get(at).copied() {
            Some(NO_ROW) if self.rows_len() >= usize::from(NO_ROW) => self.scan_id(&entry.id.value),
            Some(NO_ROW) | None => None,
            Some(i) => Some(u32::from(i)),
        }
    }

    /// The row at position `i` for a caller that holds it only for a while: a cached plan's row
    /// kept, else decoded for the caller alone once the load keeps all the rows it may (see
    /// [`lazy`]), so that judging a province sheet does not hold every row it names.
    pub(crate) fn lend_row(&self, i: usize) -> Option<lazy::Lent<'_>> {
        match &self.lazy {
            Some(l) => l.lend(i),
            None => self.plan.indicators.get(i).map(lazy::Lent::Kept),
        }
    }

    /// Builds the plan's row table for `catalog` if it has none yet (the set does it as it
    /// decodes a plan, so that a second core decoding ahead builds it too).
    fn index_rows(&self, catalog: &CatalogIndex) -> &EntryRows {
        self.by_entry.get_or_init(|| {
            let mut rows = vec![NO_ROW; catalog.entries.len()].into_boxed_slice();
            for at in 0..self.rows_len() {
                let Ok(i) = u16::try_from(at) else { break };
                if i == NO_ROW {
                    break;
                }
                let Some(id) = self.row_id(at) else { continue };
                if let Some(slot) = catalog.text_position(&id).and_then(|at| rows.get_mut(at))
                    && *slot == NO_ROW
                {
                    *slot = i;
                }
            }
            EntryRows {
                catalog: catalog.address(),
                rows,
            }
        })
    }
}

/// The catalog with lookups by id, name and alias.
#[derive(Debug)]
pub struct CatalogIndex {
    pub source: SourceText,
    pub entries: Vec<Entry>,
    by_key: FastMap<String, usize>,
    /// For each entry, the position of the first entry of its id (itself, unless the catalog
    /// repeats an id): the slot of a plan's row table that holds the id's row.
    first: Box<[u32]>,
    /// The first entry of each id by the address of the id's pooled text ([`schema::intern`]):
    /// decoded rows hold their ids as pooled texts, so a plan's row table is built by the
    /// address alone, where looking each id up by its characters cost more than the rest of
    /// the table at 5 000 plans (perf, 10 k rows: 7.6 % of the CPU). The texts are kept, so
    /// that no other text takes one of their addresses.
    by_text: FastMap<usize, u32>,
    texts: Box<[schema::Text]>,
    /// Built on the first unknown name, so that runs without one never pay for it.
    near: OnceLock<NameIndex>,
}

/// Names compare without white space, with ASCII brackets, quotes, digits and letters, and
/// without case, so that `每千人口拥有 3岁以下婴幼儿托位数` and `每千人口拥有3岁以下婴幼儿托位数`
/// are one name, and so are `LIFE-EXPECTANCY`, `ｌｉｆｅ-expectancy` and `life-expectancy`.
pub fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '“' | '”' | '"' => '"',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| *c != '"')
        .collect()
}

impl CatalogIndex {
    pub fn new(source: SourceText, catalog: Catalog) -> CatalogIndex {
        let mut by_key = fasthash::with_capacity(catalog.indicators.len() * 3);
        for (i, e) in catalog.indicators.iter().enumerate() {
            by_key.entry(e.id.value.clone()).or_insert(i);
            by_key.entry(name_key(&e.name)).or_insert(i);
            for a in &e.aliases {
                by_key.entry(name_key(a)).or_insert(i);
            }
        }
        let mut index = CatalogIndex {
            source,
            entries: catalog.indicators,
            by_key,
            first: Box::default(),
            by_text: FastMap::default(),
            texts: Box::default(),
            near: OnceLock::new(),
        };
        index.first = (index.entries.iter())
            .map(|e| {
                index
                    .id_position(&e.id.value)
                    .map_or(u32::MAX, |i| i as u32)
            })
            .collect();
        index.texts = (index.entries.iter())
            .map(|e| schema::intern(&e.id.value))
            .collect();
        for (t, &first) in index.texts.iter().zip(&index.first) {
            if first != u32::MAX {
                index.by_text.entry(t.address()).or_insert(first);
            }
        }
        index
    }

    /// [`CatalogIndex::id_position`] of a row's id: by its pooled text's address where the
    /// catalog's id is that text, else by its characters.
    fn text_position(&self, id: &schema::Text) -> Option<usize> {
        match self.by_text.get(&id.address()) {
            Some(&i) => Some(i as usize),
            None => self.id_position(id),
        }
    }

    /// The position of the first entry whose id is `id`. The key map holds names and aliases
    /// too, and the first entry to give a key keeps it: an id that an earlier entry's name or
    /// alias shadows is looked for entry by entry.
    fn id_position(&self, id: &str) -> Option<usize> {
        match self.by_key.get(id) {
            Some(&i) if self.entries.get(i).is_some_and(|e| e.id.value == id) => Some(i),
            _ => self.entries.iter().position(|e| e.id.value == id),
        }
    }

    /// The position of the first entry of `entry`'s id, if `entry` is one of this catalog's.
    fn first_of_id(&self, entry: &Entry) -> Option<usize> {
        let size = std::mem::size_of::<Entry>().max(1);
        let offset = (std::ptr::from_ref(entry) as usize).checked_sub(self.address())?;
        let at = offset / size;
        let mine = self.entries.get(at).is_some_and(|e| std::ptr::eq(e, entry));
        let first = *self.first.get(at).filter(|_| mine)?;
        (first != u32::MAX).then_some(first as usize)
    }

    /// What tells this catalog's row tables from another's: the address of its entries.
    fn address(&self) -> usize {
        self.entries.as_ptr() as usize
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
        let index = self.near.get_or_init(|| {
            // Sorted, so that a tie between two spellings resolves the same way every run.
            let mut keys: Vec<String> = self.by_key.keys().cloned().collect();
            keys.sort();
            NameIndex::new(keys)
        });
        let Some(near) = index.nearest(&key) else {
            return self.abbreviation(&key);
        };
        // Name the id, whatever spelling was nearest.
        let e = &self.entries[self.by_key[near]];
        let (id, name) = (&e.id.value, &e.name);
        if near == *id {
            crate::diag::hint(Some(id))
        } else {
            crate::tr!(
                "（是否想输入 `{id}` {name}？）",
                " (did you mean `{id}` {name}?)"
            )
        }
    }
}

impl CatalogIndex {
    /// ` (did you mean …?)` for a name cut short the way offices shorten names, keeping some
    /// of its characters in order (`低保标准` for 最低生活保障标准, `慢病死亡率` for
    /// 重大慢病过早死亡率), which edit distance finds too far. Only a Chinese word of two or more
    /// characters, and only when at most [`ABBREVIATED`] indicators keep it: a word that fits many
    /// (`人数`) says nothing. Each is named; the user chooses, qyx never does.
    fn abbreviation(&self, key: &str) -> String {
        let chars: Vec<char> = key.chars().collect();
        let han = |c: &&char| matches!(c, '\u{4e00}'..='\u{9fff}');
        if chars.iter().filter(han).count() < 2
            || chars.len() > crate::diag::MAX_SUGGEST_CHARS
            || !chars.iter().all(|c| han(&c) || c.is_ascii_digit())
        {
            return String::new();
        }
        let keeps = |name: &str| {
            let mut want = chars.iter().peekable();
            for c in name.chars() {
                if want.peek() == Some(&&c) {
                    want.next();
                }
            }
            want.peek().is_none()
        };
        // The shortest name first: the fewer characters an office dropped, the likelier the
        // name it meant (`最低生活保障标准` before `低保边缘家庭…(低保标准的倍数)`).
        let mut found: Vec<(usize, usize)> = self
            .by_key
            .iter()
            .filter(|(k, _)| keeps(k))
            .map(|(k, i)| (*i, k.chars().count()))
            .collect();
        found.sort_unstable();
        found.dedup_by_key(|(i, _)| *i);
        found.sort_unstable_by_key(|&(i, n)| (n, i));
        let found: Vec<usize> = found.into_iter().map(|(i, _)| i).collect();
        if found.is_empty() || found.len() > ABBREVIATED {
            return String::new();
        }
        let names: Vec<String> = found
            .iter()
            .map(|&i| format!("`{}` {}", self.entries[i].id.value, self.entries[i].name))
            .collect();
        crate::tr!(
            "（是否想输入 {}？）",
            " (did you mean {}?)",
            names.join(crate::tr!(" 或 ", " or ").as_str())
        )
    }
}

/// How many indicators a shortened name may fit and still be suggested.
const ABBREVIATED: usize = 3;

/// What a command needs of the plans it loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Everything in the files (`show`, `template`).
    Everything,
    /// The targets and what judging, comparing and ranking print; no quotes, table rows,
    /// sections or notes.
    Targets,
}

impl Plan {
    /// Leaves out what only proof-reading shows: quotes, table rows, sections and notes.
    fn drop_sources(&mut self) {
        self.document.note = None;
        for r in &mut self.indicators {
            r.table = None;
            r.note = None;
            for f in r
                .baseline
                .as_deref_mut()
                .into_iter()
                .chain(r.targets.iter_mut())
            {
                f.quote = None;
                f.section = None;
                f.note = None;
            }
        }
    }
}

/// A plan of a set: the names the index needs, and the plan, decoded from the cache on first use.
#[derive(Debug)]
struct Slot {
    id: String,
    name: String,
    name_en: String,
    /// The file's name as messages show it.
    file: String,
    plan: OnceLock<Option<PlanFile>>,
    /// Where its encoding is in the cache, for a plan not decoded yet.
    stored: Option<cache::Blob>,
    /// The file, to parse again if its encoding turns out damaged.
    listed: Option<load::Listed>,
}

impl Slot {
    fn parsed(p: PlanFile) -> Slot {
        let j = &p.plan.jurisdiction;
        Slot {
            id: j.id.value.clone(),
            name: j.name.clone(),
            name_en: j.name_en.clone(),
            file: p.source.name.clone(),
            plan: OnceLock::from(Some(p)),
            stored: None,
            listed: None,
        }
    }
}

/// The catalog and every plan of a plan directory, with the plans indexed by every name a
/// user may give them, so that judging a row costs the same with 5 or 5 000 plans. A plan read
/// from the cache is decoded when a command first asks for it, so that a sheet naming a few
/// jurisdictions of thousands loads those few.
#[derive(Debug)]
pub struct PlanSet {
    pub catalog: CatalogIndex,
    slots: Vec<Slot>,
    /// Where the plans not decoded yet are.
    blobs: Option<std::sync::Arc<cache::Blobs>>,
    need: Need,
    /// Plan position by id, Chinese name and Chinese name without its level suffix.
    by_key: FastMap<String, usize>,
    /// Plan position by English name in ASCII lower case (matched ignoring case).
    by_en: FastMap<String, usize>,
    /// Built on the first unknown plan name.
    near: OnceLock<NameIndex>,
    /// Each indicator's smallest and largest baseline over the plans, built on the first ask
    /// ([`PlanSet::peer_baselines`]).
    peers: OnceLock<FastMap<String, (Decimal, Decimal)>>,
    /// Plan files that could not be read or parsed (reported when loading): a row naming an
    /// unknown jurisdiction may belong to one of them.
    pub unreadable: Vec<String>,
}

/// A plan parsed from its file, with what only proof-reading shows left out where the run needs
/// only the targets.
fn parse_again(listed: &load::Listed, need: Need) -> Option<Plan> {
    let src = listed.read().ok()?;
    let mut p = load::parse_yaml::<Plan>(&src).ok()?;
    if need == Need::Targets {
        p.drop_sources();
    }
    Some(p)
}

/// How many plan ids an error message lists before it only counts them.
const LISTED_PLANS: usize = 10;

impl PlanSet {
    /// Loads a plan directory. Files that cannot be read or deserialised are reported and left
    /// out; the rest load.
    #[cfg(test)]
    pub fn load(dir: &PlanDir) -> (Option<PlanSet>, Vec<Diagnostic>) {
        let (files, unread) = match load::read_dir(dir) {
            Ok(f) => f,
            Err(d) => return (None, vec![d]),
        };
        let (mut set, mut diags) = Self::from_sources(files, dir);
        if let Some(set) = &mut set {
            set.unreadable.extend(unread.iter().map(|d| d.file.clone()));
        }
        diags.splice(0..0, unread);
        (set, diags)
    }

    /// Loads a plan directory for a command that judges, shows or compares (not `validate`):
    /// through the cache, so that only files changed since the last run are read and parsed,
    /// and a cached plan is decoded only when asked for. Plans loaded so keep their file name
    /// but not their text or positions (see [`cache`]). With [`Need::Targets`], what only
    /// `show` prints (quotes, table rows, sections, notes) is left out, which at province scale
    /// is a good part of the memory.
    pub fn load_cached(dir: &PlanDir, need: Need) -> (Option<PlanSet>, Vec<Diagnostic>) {
        Self::load_cached_in(dir, cache::dir().as_deref(), need)
    }

    /// [`PlanSet::load_cached`] with the cache in `cache_dir` (none: parse everything).
    pub(crate) fn load_cached_in(
        dir: &PlanDir,
        cache_dir: Option<&std::path::Path>,
        need: Need,
    ) -> (Option<PlanSet>, Vec<Diagnostic>) {
        let listed = match load::list_dir(dir) {
            Ok(f) => f,
            Err(d) => return (None, vec![d]),
        };
        let mut cache = cache::Cache::open(dir, cache_dir, need);
        let mut unreadable = Vec::new();
        let mut diags = Vec::new();
        let mut catalog = None;
        let mut slots = Vec::new();
        let mut names = Vec::with_capacity(listed.len());
        // What the next run's cache holds: each plan's hash and where it comes from.
        let mut stored: Vec<(cache::Hash, Option<cache::Listing>)> = Vec::new();
        // One file read at a time, and only when its stamp says it may have changed.
        for file in listed {
            let name = file.name();
            let stamp = cache::Stamp::of(&file);
            let mut text = None;
            let hash = match cache.known_hash(&name, stamp) {
                Some(h) => h,
                None => match file.read() {
                    Ok(src) => {
                        let h = cache::Cache::hash(&src);
                        cache.stamp(&name, stamp, h);
                        text = Some(src);
                        h
                    }
                    Err(d) => {
                        if !file.is_catalog() {
                            unreadable.push(d.file.clone());
                        }
                        diags.push(d);
                        continue;
                    }
                },
            };
            names.push(name.clone());
            let source = |text: Option<SourceText>| match text {
                Some(t) => Ok(t),
                None => file.read(),
            };
            if file.is_catalog() {
                let parsed = match cache.take_catalog(&hash) {
                    Some(c) => Ok(c),
                    None => source(text.take()).and_then(|s| load::parse_yaml::<Catalog>(&s)),
                };
                match parsed {
                    Ok(c) => {
                        let src = SourceText {
                            name,
                            text: String::new(),
                        };
                        catalog = Some((hash, CatalogIndex::new(src, c)));
                    }
                    Err(d) => diags.push(d),
                }
                continue;
            }
            if let Some(l) = cache.plan(&hash) {
                slots.push(Slot {
                    id: l.id.clone(),
                    name: l.name.clone(),
                    name_en: l.name_en.clone(),
                    file: name,
                    plan: OnceLock::new(),
                    stored: Some(l.blob),
                    listed: Some(file),
                });
                stored.push((hash, Some(l)));
                continue;
            }
            let parsed = source(text.take()).and_then(|s| {
                let mut p = load::parse_yaml::<Plan>(&s)?;
                if need == Need::Targets {
                    p.drop_sources();
                }
                Ok(p)
            });
            match parsed {
                Ok(plan) => {
                    // The text is only kept for validate's quote checks; here it would be memory.
                    let src = SourceText {
                        name,
                        text: String::new(),
                    };
                    stored.push((hash, None));
                    slots.push(Slot::parsed(PlanFile::new(src, plan)));
                }
                Err(d) => {
                    unreadable.push(name);
                    diags.push(d)
                }
            }
        }
        if cache.missed {
            let plans = stored
                .iter()
                .zip(&slots)
                .filter_map(|((h, l), slot)| match l {
                    Some(l) => Some(cache::ToStore::Cached(l)),
                    None => slot
                        .plan
                        .get()
                        .and_then(Option::as_ref)
                        .map(|p| cache::ToStore::Parsed(*h, &p.plan)),
                })
                .collect();
            cache.store(
                &names,
                catalog.as_ref().map(|(h, c)| (h, c.entries.as_slice())),
                plans,
            );
        }
        let Some((_, catalog)) = catalog else {
            return Self::no_catalog(dir, diags);
        };
        let mut set = PlanSet::with_slots(catalog, slots, need);
        set.blobs = cache.blobs();
        set.unreadable = unreadable;
        (Some(set), diags)
    }

    #[cfg(test)]
    pub fn from_sources(
        files: Vec<SourceText>,
        dir: &PlanDir,
    ) -> (Option<PlanSet>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut catalog = None;
        let mut plans = Vec::new();
        let mut unreadable = Vec::new();
        for src in files {
            if src.name.ends_with(CATALOG_FILE) {
                match load::parse_yaml::<Catalog>(&src) {
                    Ok(c) => catalog = Some(CatalogIndex::new(src, c)),
                    Err(d) => diags.push(d),
                }
            } else {
                match load::parse_yaml::<Plan>(&src) {
                    Ok(plan) => plans.push(PlanFile::new(src, plan)),
                    Err(d) => {
                        unreadable.push(src.name.clone());
                        diags.push(d)
                    }
                }
            }
        }
        let Some(catalog) = catalog else {
            return Self::no_catalog(dir, diags);
        };
        let mut set = PlanSet::new(catalog, plans);
        set.unreadable = unreadable;
        (Some(set), diags)
    }

    /// A plan directory without a (readable) catalog: nothing can be loaded.
    pub(crate) fn no_catalog(
        dir: &PlanDir,
        mut diags: Vec<Diagnostic>,
    ) -> (Option<PlanSet>, Vec<Diagnostic>) {
        if diags.is_empty() {
            let where_ = match dir {
                PlanDir::Builtin => "plans/".to_string(),
                PlanDir::Path(p) => p.display().to_string(),
            };
            diags.push(Diagnostic::error(
                &where_,
                0,
                0,
                crate::tr!(
                    "计划目录中没有 {CATALOG_FILE}",
                    "no {CATALOG_FILE} in the plan directory"
                ),
            ));
        }
        (None, diags)
    }

    /// Indexes parsed plans (see [`PlanSet::with_slots`]).
    #[cfg(test)]
    pub fn new(catalog: CatalogIndex, plans: Vec<PlanFile>) -> PlanSet {
        let slots = plans.into_iter().map(Slot::parsed).collect();
        PlanSet::with_slots(catalog, slots, Need::Everything)
    }

    /// Indexes the plans; the first plan a name fits wins, as a scan in file order would find.
    fn with_slots(catalog: CatalogIndex, slots: Vec<Slot>, need: Need) -> PlanSet {
        let mut by_key = fasthash::with_capacity(slots.len() * 3);
        let mut by_en = fasthash::with_capacity(slots.len());
        for (i, p) in slots.iter().enumerate() {
            by_key.entry(p.id.clone()).or_insert(i);
            by_key.entry(p.name.clone()).or_insert(i);
            by_key
                .entry(p.name.trim_end_matches(['市', '区', '县']).to_string())
                .or_insert(i);
            by_en.entry(p.name_en.to_ascii_lowercase()).or_insert(i);
        }
        PlanSet {
            catalog,
            slots,
            blobs: None,
            need,
            by_key,
            by_en,
            near: OnceLock::new(),
            peers: OnceLock::new(),
            unreadable: Vec::new(),
        }
    }

    /// The plan in slot `i`, decoded on first use: from the cache, else (a damaged encoding)
    /// parsed again from its file; none if neither works.
    fn get(&self, i: usize) -> Option<&PlanFile> {
        let slot = self.slots.get(i)?;
        slot.plan
            .get_or_init(|| {
                let source = SourceText {
                    name: slot.file.clone(),
                    text: String::new(),
                };
                let plan = match self.outline(slot) {
                    Some((plan, rows)) => PlanFile {
                        lazy: Some(rows),
                        ..PlanFile::new(source, plan)
                    },
                    None => PlanFile::new(source, self.parse_again(slot)?),
                };
                plan.index_rows(&self.catalog);
                Some(plan)
            })
            .as_ref()
    }

    /// A slot's plan from the cache, else (a damaged encoding) parsed again from its file.
    fn decode(&self, slot: &Slot) -> Option<Plan> {
        let cached = slot
            .stored
            .zip(self.blobs.as_ref())
            .and_then(|(b, blobs)| blobs.plan(b));
        cached.or_else(|| self.parse_again(slot))
    }

    /// A slot's plan from the cache without its rows, and its rows to be decoded as asked for.
    fn outline(&self, slot: &Slot) -> Option<(Plan, lazy::LazyRows)> {
        let (b, blobs) = slot.stored.zip(self.blobs.as_ref())?;
        blobs.outline(b, slot.listed.clone(), self.need)
    }

    /// A slot's plan parsed from its file.
    fn parse_again(&self, slot: &Slot) -> Option<Plan> {
        parse_again(slot.listed.as_ref()?, self.need)
    }

    /// The smallest and the largest baseline the plans state for an indicator (a level, or an
    /// average over a span), in the catalog's unit: how large it is where counties stand, for
    /// judging a value against a row that has a ceiling and no baseline of its own. Found on the
    /// first ask for every indicator at once; a plan not decoded yet is decoded for it and let
    /// go, so that the memory stays that of one plan.
    pub(crate) fn peer_baselines(&self, indicator: &str) -> Option<(Decimal, Decimal)> {
        let all = self.peers.get_or_init(|| {
            let mut all: FastMap<String, (Decimal, Decimal)> = FastMap::default();
            let mut add = |row: &Row| {
                if row.baseline.is_none() {
                    return;
                }
                let Some(entry) = self.catalog.get(&row.id.value) else {
                    return;
                };
                let Some(v) = crate::judge::magnitude(row, entry).filter(|v| *v > Decimal::ZERO)
                else {
                    return;
                };
                let e = all.entry(entry.id.value.clone()).or_insert((v, v));
                *e = (e.0.min(v), e.1.max(v));
            };
            for slot in &self.slots {
                match slot.plan.get() {
                    Some(Some(p)) => p.visit_rows(&mut add),
                    Some(None) => {}
                    None => {
                        if let Some(p) = self.decode(slot) {
                            p.indicators.iter().for_each(&mut add);
                        }
                    }
                }
            }
            all
        });
        all.get(indicator).copied()
    }

    /// Decodes the plans not decoded yet, in file order, until `stop` is set: run on another
    /// core beside the reading of a sheet large enough to ask for most of them, so that their
    /// decoding is off the reader's path (a plan the reader asks for first it decodes itself).
    pub(crate) fn decode_ahead(&self, stop: &std::sync::atomic::AtomicBool) {
        for i in 0..self.slots.len() {
            if stop.load(std::sync::atomic::Ordering::Relaxed) {
                return;
            }
            let _ = self.get(i);
        }
    }

    /// How many plans the set has.
    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }

    /// Every plan, in file order (decoding those not decoded yet).
    pub fn plans(&self) -> impl Iterator<Item = &PlanFile> {
        (0..self.slots.len()).filter_map(|i| self.get(i))
    }

    /// The names of the plan files, as messages show them, without decoding any plan.
    pub fn file_names(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|s| s.file.as_str())
    }

    /// The plan ids for a message: all of them when few, else the first few and how many.
    fn listed_ids(&self) -> String {
        let ids = self.ids();
        if ids.len() <= LISTED_PLANS {
            return ids.join(", ");
        }
        let (first, n) = (ids[..LISTED_PLANS / 2].join(", "), ids.len());
        crate::tr!(
            "{first}, …（共 {n} 个计划）",
            "{first}, … ({n} plans in all)"
        )
    }

    pub fn ids(&self) -> Vec<&str> {
        self.slots.iter().map(|s| s.id.as_str()).collect()
    }

    /// A plan by its id exactly, in constant time.
    pub fn by_id(&self, id: &str) -> Option<&PlanFile> {
        let &i = self.by_key.get(id)?;
        if self.slots[i].id != id {
            return None;
        }
        self.get(i)
    }

    /// A plan by id, Chinese or English name. The error names the plans there are.
    pub fn find(&self, key: &str) -> Result<&PlanFile, String> {
        let k = key.trim();
        // `..` is looked for only past a `.`: a two-byte pattern sets up a substring searcher,
        // and this is asked of every row a sheet names.
        if k.contains(['/', '\\']) || k.contains('.') && k.contains("..") {
            let k = crate::diag::echo(k);
            let ids = self.listed_ids();
            return Err(crate::tr!(
                "`{k}` 是路径: 请用 id 指明计划（{ids}）",
                "`{k}` is a path: name a plan by its id ({ids})"
            ));
        }
        let found = self
            .by_key
            .get(k)
            .or_else(|| self.by_en.get(&k.to_ascii_lowercase()))
            // `ZHUJI`, `ｚｈｕｊｉ` (the input method in full-width mode): the id or English name.
            .or_else(|| {
                let folded = crate::diag::fold(k);
                self.by_key.get(&folded).or_else(|| self.by_en.get(&folded))
            });
        // `诸暨市（县级市）`, `嵊泗县(县)`: a name with its level in brackets after it, as a
        // form's 地区（县市区） column invites; the bracket says only what kind of place it is.
        if found.is_none()
            && let Some(name) = without_level_note(k).or_else(|| without_parents(k))
        {
            return self.find(name);
        }
        // `诸 暨 市`, `嵊　泗　县`: a Chinese name spaced out to align a column, as forms and
        // plans' tables print short names; the spaces are no part of it.
        if found.is_none()
            && k.chars().any(char::is_whitespace)
            && k.chars().any(crate::diag::is_han)
        {
            let joined: String = k.chars().filter(|c| !c.is_whitespace()).collect();
            return self.find(&joined);
        }
        // `Shengsi County`, `Zhuji City`, `Longwan District`: the English name with its level,
        // as a bilingual form writes it.
        if found.is_none() {
            let lower = k.to_ascii_lowercase();
            let level = [" county-level city", " county", " city", " district"]
                .iter()
                .find_map(|w| lower.strip_suffix(w));
            if let Some(name) = level.map(str::trim_end).filter(|n| !n.is_empty()) {
                return self.find(&k[..name.len()]);
            }
        }
        if let Some(&i) = found {
            return self.get(i).ok_or_else(|| {
                let file = &self.slots[i].file;
                crate::tr!(
                    "无法读取计划文件 {file}（运行 `qyx validate` 查看问题）",
                    "cannot read the plan file {file} (run `qyx validate` for its problems)"
                )
            });
        }
        let index = self.near.get_or_init(|| {
            let ids = self.slots.iter().map(|p| p.id.clone());
            let names = self.slots.iter().map(|p| p.name.clone());
            NameIndex::new(ids.chain(names))
        });
        // `浙江省诸暨市`, `诸暨市（县级市）`: a name written inside more words is too long to be
        // near by edit distance; the one plan whose name it holds is meant.
        let within = || {
            let mut holds = self
                .slots
                .iter()
                .filter(|p| p.name.chars().count() >= 2 && k.contains(p.name.as_str()));
            let first = holds.next()?;
            holds.next().is_none().then_some(first.name.as_str())
        };
        let hint = crate::diag::hint(index.nearest(k).or_else(within));
        let (shown, ids) = (crate::diag::echo(k), self.listed_ids());
        let mut m = crate::tr!(
            "没有计划 `{shown}`{hint}；现有计划: {ids}",
            "no plan `{shown}`{hint}; plans: {ids}"
        );
        if !self.unreadable.is_empty() {
            m.push_str(&crate::tr!(
                "；无法读取的计划文件（见上）：{}",
                "; plan files that could not be read (see above): {}",
                self.unreadable.join(", ")
            ));
        }
        Err(m)
    }

    /// The one plan whose Chinese name a sheet's title or name holds (`诸暨市卫生健康局2025年…`,
    /// a sheet named `嵊泗县`), or why none is: no name, or two.
    pub(crate) fn find_within(&self, text: &str) -> Result<&PlanFile, String> {
        let mut holds = self
            .slots
            .iter()
            .filter(|p| p.name.chars().count() >= 2 && text.contains(p.name.as_str()));
        let shown = crate::diag::echo(text.trim());
        match (holds.next(), holds.next()) {
            (Some(p), None) => {
                let name = p.name.clone();
                self.find(&name)
            }
            (Some(a), Some(b)) => Err(crate::tr!(
                "表中没有地区列, 标题、工作表名或文件名 `{shown}` 含有两个地区（{}、{}）: 请加一列“地区”",
                "no jurisdiction column, and the title, sheet or file name `{shown}` names two ({}, {}): add a 地区 column",
                a.name,
                b.name
            )),
            (None, _) => Err(crate::tr!(
                "表中没有地区列, 标题、工作表名或文件名 `{shown}` 也没有写明地区: 请加一列“地区”, 或在标题中写明（如 诸暨市）",
                "no jurisdiction column, and the title, sheet or file name `{shown}` names none: add a 地区 column, or name it in the title (e.g. 诸暨市)"
            )),
        }
    }
}

/// A jurisdiction's name with a bracket after it that says only its administrative level
/// (`诸暨市（县级市）`, `龙湾区(市辖区)`, `嵊泗县【县】`): the name. `None` for any other bracket —
/// `诸暨市（城区）` names a part of the county, which is never its figure.
fn without_level_note(text: &str) -> Option<&str> {
    const LEVELS: &[&str] = &[
        "县",
        "市",
        "区",
        "县级市",
        "市辖区",
        "地级市",
        "设区市",
        "自治县",
        "县市区",
        "县、市、区",
        "省辖市",
        "代管",
        "省直管",
    ];
    let inside = text.trim().strip_suffix(['）', ')', '】'])?;
    let at = inside.find(['（', '(', '【'])?;
    let (name, note) = inside.split_at(at);
    let note = note.trim_start_matches(['（', '(', '【']).trim();
    let name = name.trim();
    (LEVELS.contains(&note) && name.chars().count() >= 2).then_some(name)
}

/// A jurisdiction written as an address writes it, with the province and the city above it
/// (`绍兴市诸暨市`, `浙江省温州市鹿城区`), or as its government (`诸暨市人民政府`, `诸暨市政府`): the
/// name. A city is taken off only where what follows is a county's, a city's or a district's
/// name (`诸暨市店口镇` stays: a town is a part, never the county's figure); `诸暨市本级` and a
/// department (`诸暨市卫健局`) are not the jurisdiction's name and stay too. None where nothing
/// was taken off.
fn without_parents(text: &str) -> Option<&str> {
    let start = text.trim();
    let mut t = start.strip_prefix("浙江省").unwrap_or(start);
    t = t
        .strip_suffix("人民政府")
        .or_else(|| t.strip_suffix("政府"))
        .unwrap_or(t);
    if let Some(i) = t.find('市') {
        let (city, rest) = (&t[..i], &t[i + '市'.len_utf8()..]);
        if (2..=4).contains(&city.chars().count())
            && rest.chars().count() >= 2
            && rest.ends_with(['市', '县', '区'])
        {
            t = rest;
        }
    }
    (t != start && t.chars().count() >= 2).then_some(t)
}

/// A figure's threshold, read from its table cell (which wins when both are given) or its prose.
fn figure_threshold(f: &Figure) -> Option<Result<Threshold, ParseError>> {
    f.cell
        .as_ref()
        .or(f.text.as_ref())
        .map(|s| memo::threshold(&s.value))
}

/// Threshold and unit texts read once per run. Plans repeat the same cells (`≥95`, `100`, `%`,
/// `万人`) across rows and, at province scale, across thousands of plans; each distinct text is
/// parsed once and its reading copied after. Only texts from plans and catalogs come here (a
/// run's set is bounded by the plans loaded), and at most [`memo::LIMIT`] of each are kept, so
/// memory never grows with the rows. A text that does not parse is parsed again each time: its
/// message is in the language of the moment, and errors are rare.
pub(crate) mod memo {
    use crate::plan::fasthash::FastMap as HashMap;
    use crate::threshold::{ParseError, Threshold};
    use crate::unit::{Unit, UnitError};
    use std::cell::RefCell;

    /// How many distinct texts of each kind are kept.
    pub(crate) const LIMIT: usize = 1 << 16;

    thread_local! {
        static THRESHOLDS: RefCell<HashMap<Box<str>, Threshold>> = RefCell::default();
        static UNITS: RefCell<HashMap<Box<str>, Unit>> = RefCell::default();
    }

    fn through<T: Clone, E>(
        cache: &'static std::thread::LocalKey<RefCell<HashMap<Box<str>, T>>>,
        text: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, E> {
        if let Some(v) = cache.with_borrow(|m| m.get(text).cloned()) {
            return Ok(v);
        }
        let v = parse(text)?;
        cache.with_borrow_mut(|m| {
            if m.len() < LIMIT {
                m.insert(text.into(), v.clone());
            }
        });
        Ok(v)
    }

    /// [`Threshold::parse`], once per distinct text.
    pub(crate) fn threshold(text: &str) -> Result<Threshold, ParseError> {
        through(&THRESHOLDS, text, Threshold::parse)
    }

    /// A text's operator and value as [`threshold`] reads them, `None` where it does not
    /// parse: what a figure's first resolution asks of every figure (is it a schedule's `0`?),
    /// without a copy of the whole reading.
    pub(crate) fn op_value(
        text: &str,
    ) -> Option<(crate::threshold::Op, Option<rust_decimal::Decimal>)> {
        let kept = THRESHOLDS.with_borrow(|m| m.get(text).map(|t| (t.op, t.value)));
        kept.or_else(|| threshold(text).ok().map(|t| (t.op, t.value)))
    }

    /// [`Unit::parse`], once per distinct text.
    pub(crate) fn unit(text: &str) -> Result<Unit, UnitError> {
        through(&UNITS, text, Unit::parse)
    }
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

/// A figure's resolution and the catalog entry it was made for (by address: a figure is always
/// resolved against its row's entry, so the check only guards against a second catalog).
/// Shared: figures that read alike (the same entry, row unit, text, year and no-target reading)
/// hold one resolution between them ([`pool`]), so that a plan set costs a pointer a figure,
/// not a resolution (about 170 bytes) a figure judged; at province scale most figures of one
/// indicator repeat a handful of texts (`≥95`, `100`) in the same few years.
pub(crate) type CachedResolve = std::sync::Arc<(usize, Result<Resolved, String>)>;

/// Resolves a figure of `row` against its catalog `entry`. Errors are messages for the user.
/// The first resolution is kept in the figure, so a target's text is parsed once per run.
pub fn resolve(row: &Row, entry: &Entry, f: &Figure) -> Result<Resolved, String> {
    resolved(row, entry, f).into_owned()
}

/// [`resolve`] without the copy: the resolution kept in the figure, borrowed. Judging asks for
/// several figures of a row per value and keeps one; only that one is copied.
pub(crate) fn resolved<'f>(
    row: &Row,
    entry: &Entry,
    f: &'f Figure,
) -> std::borrow::Cow<'f, Result<Resolved, String>> {
    let key = std::ptr::from_ref(entry) as usize;
    let cached = f
        .resolved
        .get_or_init(|| pool::resolution(row, entry, f, key));
    if cached.0 == key {
        std::borrow::Cow::Borrowed(&cached.1)
    } else {
        // A figure resolved against another entry first keeps that answer; this one is returned.
        std::borrow::Cow::Owned(resolve_reading(row, entry, f, figure_threshold(f)))
    }
}

/// Resolutions shared between figures that read alike. A resolution depends on the entry (its
/// address, unit, direction and unit synonyms), the row's unit, the figure's year, its text
/// and whether it sets no target; the pool is keyed by all of them, content included, so that a
/// catalog freed and another allocated at the same address (tests build many) never meets a
/// stale answer. Per thread, as [`memo`] is, and bounded as it is: a run's distinct readings
/// are bounded by the plans loaded, never by the rows. Only readings that succeed are shared:
/// an error's message is in the language of the moment.
mod pool {
    use super::{Better, CachedResolve, Entry, Figure, Row, figure_threshold, resolve_reading};
    use crate::plan::fasthash::FastMap as HashMap;
    use std::cell::RefCell;
    use std::sync::Arc;

    /// At most this many shared resolutions a thread; beyond it, a figure keeps its own.
    const LIMIT: usize = 1 << 16;

    /// Shared resolutions by their key's bytes.
    type Shared = HashMap<Box<[u8]>, CachedResolve>;

    thread_local! {
        /// The key being built (reused, so that a lookup allocates nothing) and the pool.
        static POOL: RefCell<(Vec<u8>, Shared)> = RefCell::default();
    }

    /// Length-prefixed (a text is `1`, its length in eight bytes and its bytes; none is `0`),
    /// so that no two different sets of texts write the same key.
    fn text(buf: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => {
                buf.push(1);
                number(buf, s.len() as u64);
                buf.extend_from_slice(s.as_bytes());
            }
            None => buf.push(0),
        }
    }

    /// A number as its eight bytes: the key is made for every figure a run resolves (a figure
    /// of a row lent for a while, every time), and its decimal digits cost more than the
    /// lookup they keyed.
    fn number(buf: &mut Vec<u8>, n: u64) {
        buf.extend_from_slice(&n.to_le_bytes());
    }

    /// The figure's resolution: a shared one where one reads alike, else made (and shared).
    pub(super) fn resolution(row: &Row, entry: &Entry, f: &Figure, key: usize) -> CachedResolve {
        let no_target = f.no_target.is_some() || f.not_due(row, entry.better);
        POOL.with_borrow_mut(|(buf, map)| {
            buf.clear();
            number(buf, key as u64);
            buf.push(match entry.better {
                Better::Higher => b'H',
                Better::Lower => b'L',
                Better::Done => b'D',
            });
            buf.extend_from_slice(&f.year.value.to_le_bytes());
            buf.push(u8::from(no_target));
            text(buf, entry.unit.as_ref().map(|u| u.value.as_str()));
            number(buf, entry.unit_synonyms.len() as u64);
            for s in &entry.unit_synonyms {
                text(buf, Some(s));
            }
            text(buf, row.unit.as_ref().map(|u| u.value.as_str()));
            let reading = f.cell.as_ref().or(f.text.as_ref());
            text(buf, reading.map(|s| s.value.as_str()));
            if let Some(r) = map.get(buf.as_slice()) {
                return Arc::clone(r);
            }
            let r = Arc::new((key, resolve_reading(row, entry, f, figure_threshold(f))));
            if r.1.is_ok() && map.len() < LIMIT {
                map.insert(buf.as_slice().into(), Arc::clone(&r));
            }
            r
        })
    }
}

/// The figure's prose reading alone, where it has prose: what the words say when a table cell
/// decides (validate warns where the two disagree; check says which reading decided). Not
/// cached: only a figure with both a cell and prose asks.
pub fn resolve_prose(row: &Row, entry: &Entry, f: &Figure) -> Option<Result<Resolved, String>> {
    let text = f.text.as_ref()?;
    Some(resolve_reading(
        row,
        entry,
        f,
        Some(memo::threshold(&text.value)),
    ))
}

fn resolve_reading(
    row: &Row,
    entry: &Entry,
    f: &Figure,
    reading: Option<Result<Threshold, ParseError>>,
) -> Result<Resolved, String> {
    // A figure that says it sets no target (`/` not assessed, a schedule's `0` not yet due) is
    // judged as none, so that a 0 is never a target any value meets.
    let t = match reading {
        Some(Ok(_)) if f.no_target.is_some() || f.not_due(row, entry.better) => {
            Threshold::parse("/").map_err(|e| e.to_string())?
        }
        Some(Ok(t)) => t.resolve(entry.better),
        Some(Err(e)) => return Err(e.to_string()),
        None => return Err(crate::tr!("没有 `cell` 或 `text`", "no cell or text")),
    };
    let context = entry
        .unit
        .as_ref()
        .map(|u| u.value.as_str())
        .or(row.unit.as_ref().map(|u| u.value.as_str()))
        .unwrap_or_default();
    let printed = t
        .unit
        .as_deref()
        .map(|u| crate::unit::complete(u, context))
        .or_else(|| row.unit.as_ref().map(|u| u.value.to_string()))
        // A unit the entry names as a synonym (名 for 个) is the entry's own unit.
        .map(|u| match &entry.unit {
            Some(c) if entry.is_unit_synonym(&u) => c.value.clone(),
            _ => u,
        });
    let convert = |v: Option<Decimal>| -> Result<Option<Decimal>, String> {
        let Some(v) = v else { return Ok(None) };
        match (&printed, entry.unit.as_ref()) {
            (Some(p), Some(c)) => {
                let from = memo::unit(p).map_err(|e| e.to_string())?;
                let to = memo::unit(&c.value).map_err(|e| e.to_string())?;
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
    /// Whether a printed unit is one of the entry's `unit_synonyms`: read as its own unit.
    pub fn is_unit_synonym(&self, printed: &str) -> bool {
        let p = printed.trim();
        self.unit_synonyms.iter().any(|u| u.trim() == p)
    }

    /// The name in the language asked for.
    pub fn label(&self, en: bool) -> String {
        if en {
            self.name_en.clone()
        } else {
            self.name.clone()
        }
    }

    /// How the indicator adds up within a year: as the catalog states it, else as its unit and
    /// name suggest (the catalog is required to state it; `validate` reports a missing one).
    pub fn accrual(&self) -> schema::Accrual {
        self.accrual
            .as_ref()
            .map_or_else(|| self.proposed_accrual(), |a| a.value)
    }

    /// The accrual a unit and a name suggest: a milestone for `better: done`; a rate for %, ‰,
    /// multiples, unitless indices and per-head or average figures; a flow for counts of what is
    /// done within a year (新增, 培训, 人次, 投资 …); else a stock. A proposal for whoever writes
    /// the catalog, never a substitute for reviewing it.
    pub fn proposed_accrual(&self) -> schema::Accrual {
        use schema::Accrual;
        const RATE_UNITS: &[&str] = &["%", "‰", "倍"];
        const RATE_WORDS: &[&str] = &["每千", "每万", "人均", "平均", "率", "比例", "占比", "指数"];
        const FLOW_WORDS: &[&str] = &[
            "新增", "新建", "增加", "培训", "培养", "人次", "投资", "发放", "每年", "累计", "改造",
            "筛查", "帮扶", "救助",
        ];
        let unit = self.unit_text();
        if self.better == Better::Done {
            Accrual::Milestone
        } else if unit.is_empty()
            || RATE_UNITS.contains(&unit.as_str())
            || RATE_WORDS.iter().any(|w| self.name.contains(w))
        {
            Accrual::Rate
        } else if FLOW_WORDS.iter().any(|w| self.name.contains(w)) {
            Accrual::Flow
        } else {
            Accrual::Stock
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_its_level_in_brackets() {
        for (typed, name) in [
            ("诸暨市（县级市）", Some("诸暨市")),
            ("诸暨市(县级市)", Some("诸暨市")),
            ("龙湾区（市辖区）", Some("龙湾区")),
            ("嵊泗县【县】", Some("嵊泗县")),
            ("诸暨市（城区）", None),
            ("普惠托位占比（城镇）", None),
            ("（县级市）", None),
            ("诸暨市", None),
        ] {
            assert_eq!(without_level_note(typed), name, "{typed}");
        }
    }

    #[test]
    fn a_jurisdiction_spaced_out_or_with_its_english_level() {
        let (set, _) = PlanSet::load(&load::PlanDir::Builtin);
        let set = set.expect("the bundled plans load");
        for (typed, id) in [
            ("诸 暨 市", Some("zhuji")),
            ("嵊\u{3000}泗\u{3000}县", Some("shengsi")),
            (" 瑞  安 市 ", Some("ruian")),
            ("Shengsi County", Some("shengsi")),
            ("ZHUJI CITY", Some("zhuji")),
            ("Longwan District", Some("longwan")),
            ("Ruian county-level city", Some("ruian")),
            // Near misses: another place spaced out, a level alone, a level that is no suffix.
            ("诸 暨 县", None),
            ("County", None),
            ("County Zhuji", None),
            ("Zhuji Town", None),
        ] {
            assert_eq!(set.find(typed).ok().map(PlanFile::id), id, "{typed}");
        }
    }

    #[test]
    fn a_name_with_its_province_city_or_government() {
        for (typed, name) in [
            ("绍兴市诸暨市", Some("诸暨市")),
            ("浙江省绍兴市诸暨市", Some("诸暨市")),
            ("浙江省诸暨市", Some("诸暨市")),
            ("温州市鹿城区", Some("鹿城区")),
            ("舟山市嵊泗县", Some("嵊泗县")),
            ("诸暨市人民政府", Some("诸暨市")),
            ("绍兴市诸暨市人民政府", Some("诸暨市")),
            ("诸暨市政府", Some("诸暨市")),
            ("诸暨市店口镇", None),
            ("诸暨市本级", None),
            ("诸暨市卫健局", None),
            ("诸暨市", None),
            ("绍兴市", None),
            ("浙江省", None),
            ("人民政府", None),
        ] {
            assert_eq!(without_parents(typed), name, "{typed}");
        }
    }

    #[test]
    fn a_plan_finds_each_row_by_id_and_the_first_of_a_repeated_id() {
        let (files, _) = load::read_dir(&PlanDir::Builtin).unwrap();
        let zhuji = files
            .iter()
            .find(|f| f.name.ends_with("zhuji.yaml"))
            .unwrap();
        let mut plan: Plan = load::parse_yaml(zhuji).unwrap();
        let ids: Vec<schema::Text> = plan.indicators.iter().map(|r| r.id.value.clone()).collect();
        // A second row of the first id, as a plan with the indicator in two tables has.
        let mut again: Plan = load::parse_yaml(zhuji).unwrap();
        let mut twin = again.indicators.swap_remove(0);
        twin.name = "again".into();
        plan.indicators.push(twin);
        let p = PlanFile::new(zhuji.clone(), plan);
        for id in &ids {
            assert_eq!(&p.row(id).unwrap().id.value, id);
        }
        assert_ne!(p.row(&ids[0]).unwrap().name, "again");
        assert!(p.row("no-such-indicator").is_none());
        assert!(p.row("").is_none());
    }

    /// A plan's row of a catalog entry, through the plan's table, is the row a scan of the
    /// plan for the entry's id finds: the first of a repeated id, one row for every entry of an
    /// id the catalog repeats, an id an earlier entry's alias shadows, none for an entry the
    /// plan lacks; an entry of another catalog, or a table built for another catalog, is
    /// looked for by a scan.
    #[test]
    fn a_plan_finds_the_row_of_a_catalog_entry_as_a_scan_would() {
        let catalog = |text: &str| {
            let c: Catalog = serde_saphyr::from_str(text).unwrap();
            let src = SourceText {
                name: CATALOG_FILE.into(),
                text: String::new(),
            };
            CatalogIndex::new(src, c)
        };
        let text = "indicators:\n\
            \x20 - { id: a, name: 甲, name_en: A, aliases: [b], domain: 病有良医, unit: \"%\", better: higher }\n\
            \x20 - { id: c, name: 丙, name_en: C, domain: 病有良医, unit: \"%\", better: higher }\n\
            \x20 - { id: b, name: 乙, name_en: B, domain: 病有良医, unit: \"%\", better: higher }\n\
            \x20 - { id: c, name: 丙二, name_en: C2, domain: 病有良医, unit: \"%\", better: higher }\n\
            \x20 - { id: e, name: 戊, name_en: E, domain: 病有良医, unit: \"%\", better: higher }\n";
        let (cat, other) = (catalog(text), catalog(text));
        let row = |id: &str, name: &str| {
            format!(
                "  - id: {id}\n    name: {name}\n    unit: \"%\"\n    targets:\n      - {{ year: 2025, cell: \"80\" }}\n"
            )
        };
        let plan_text = format!(
            "jurisdiction: {{ id: t, name: 测市, name_en: T, level: county }}\ndocument: {{ title: t, issuer: i, date: d, kind: implementation, source: s }}\nperiod: {{ start: 2023, end: 2027 }}\nbaseline_year: 2022\nindicators:\n{}{}{}{}{}",
            row("a", "first a"),
            row("b", "b"),
            row("c", "c"),
            row("a", "second a"),
            row("z", "not in the catalog"),
        );
        let plan = || {
            let p: Plan = serde_saphyr::from_str(&plan_text).unwrap();
            let src = SourceText {
                name: "t.yaml".into(),
                text: String::new(),
            };
            PlanFile::new(src, p)
        };
        let (p, q) = (plan(), plan());
        // Built for `other` first: asked with `cat`, q's table is another catalog's.
        let _ = q.row_of(&other, &other.entries[0]);
        // (entry position, the row position found and its name)
        for (entry, want) in [
            (0, Some((0, "first a"))),
            (1, Some((2, "c"))),
            (2, Some((1, "b"))),
            (3, Some((2, "c"))),
            (4, None),
        ] {
            let e = &cat.entries[entry];
            for (file, catalog, e) in [
                (&p, &cat, e),
                (&p, &cat, &other.entries[entry]),
                (&q, &cat, e),
                (&q, &other, &other.entries[entry]),
            ] {
                let got = file.row_of(catalog, e).map(|(at, r)| (at, r.name.as_str()));
                assert_eq!(got, want, "entry {entry} ({})", e.id.value);
                let scanned = file.scan(&e.id.value).map(|(at, r)| (at, r.name.as_str()));
                assert_eq!(got, scanned, "entry {entry}");
            }
        }
        assert!(
            p.row("z").is_some(),
            "a row the catalog lacks is still the plan's"
        );
        // A row's id finds its entry by its pooled text's address, as by its characters.
        for (id, want) in [("a", Some(0)), ("b", Some(2)), ("c", Some(1)), ("z", None)] {
            assert_eq!(cat.text_position(&schema::intern(id)), want, "{id}");
            assert_eq!(cat.id_position(id), want, "{id}");
        }
        assert_eq!(cat.text_position(&schema::Text::default()), None);
    }

    /// Every bundled plan finds, for every catalog entry, the row a scan finds.
    #[test]
    fn every_bundled_plan_finds_its_rows_through_its_table() {
        let (files, _) = load::read_dir(&PlanDir::Builtin).unwrap();
        let (set, diags) = PlanSet::from_sources(files, &PlanDir::Builtin);
        assert!(diags.is_empty(), "{diags:?}");
        let set = set.unwrap();
        let mut found = 0;
        for id in set.ids() {
            let plan = set.by_id(id).unwrap();
            for e in &set.catalog.entries {
                let got = plan.row_of(&set.catalog, e).map(|(at, _)| at);
                assert_eq!(
                    got,
                    plan.scan(&e.id.value).map(|(at, _)| at),
                    "{id} {}",
                    e.id.value
                );
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 100, "{found}");
    }

    /// The bundled catalog and `n` clones of Ruian's plan, `ruian_0` … (瑞安0市 …).
    /// A plan's rows, as commands read them.
    fn row_list(p: &PlanFile) -> Vec<&Row> {
        p.rows().map(|(_, r)| r).collect()
    }

    fn clones(n: usize) -> PlanSet {
        let (files, _) = load::read_dir(&PlanDir::Builtin).unwrap();
        let catalog = files
            .iter()
            .find(|f| f.name.ends_with(CATALOG_FILE))
            .unwrap();
        let ruian = files
            .iter()
            .find(|f| f.name.ends_with("ruian.yaml"))
            .unwrap();
        let mut sources = vec![catalog.clone()];
        for i in 0..n {
            let text = ruian
                .text
                .replacen("  id: ruian\n", &format!("  id: ruian_{i}\n"), 1)
                .replacen("  name: 瑞安市\n", &format!("  name: 瑞安{i}市\n"), 1)
                .replacen("  name_en: Ruian\n", &format!("  name_en: Ruian{i}\n"), 1);
            sources.push(SourceText {
                name: format!("ruian_{i}.yaml"),
                text,
            });
        }
        let (set, diags) = PlanSet::from_sources(sources, &PlanDir::Builtin);
        assert!(diags.is_empty(), "{diags:?}");
        set.unwrap()
    }

    #[test]
    fn plans_are_found_by_every_name_through_the_index() {
        let set = clones(40);
        for key in [
            "ruian_17",
            "瑞安17市",
            "瑞安17",
            "ruian17",
            "RUIAN17",
            " ruian_17 ",
        ] {
            assert_eq!(set.find(key).map(PlanFile::id), Ok("ruian_17"), "{key}");
        }
        assert_eq!(set.by_id("ruian_17").map(PlanFile::id), Some("ruian_17"));
        assert!(set.by_id("瑞安17市").is_none(), "by_id takes ids only");
        let p = set.find("ruian_3").unwrap();
        assert!(p.row("life-expectancy").is_some());
        assert!(p.row("no-such-indicator").is_none());
    }

    #[test]
    fn an_unknown_plan_among_many_names_one_suggestion_and_a_few_ids() {
        let set = clones(40);
        let e = set.find("ruian_170").unwrap_err();
        assert!(
            e.starts_with("no plan `ruian_170` (did you mean `ruian_1"),
            "{e}"
        );
        assert!(e.ends_with("… (40 plans in all)"), "{e}");
        assert!(e.matches("ruian_").count() <= 2 + LISTED_PLANS / 2, "{e}");
        let e = set.find("../ruian_1").unwrap_err();
        assert!(
            e.contains("is a path") && e.contains("40 plans in all"),
            "{e}"
        );
    }

    /// A name cut short, as offices shorten names, gets the indicators that keep its characters
    /// in order, when few do; a word that fits many, or none, gets nothing.
    #[test]
    fn shortened_names_suggest_the_few_indicators_that_keep_them() {
        crate::i18n::set(crate::cli::Lang::En);
        let set = clones(1);
        let cases: &[(&str, &[&str])] = &[
            ("低保标准", &["minimum-living-allowance"]),
            ("慢病死亡率", &["premature-mortality-major-chronic"]),
            ("托育持证率", &["childcare-staff-certification-rate"]),
            ("人数", &[]),
            ("低", &[]),
            ("低保标准abc", &[]),
            ("准标保低", &[]),
        ];
        for (word, want) in cases {
            let hint = set.catalog.suggest(word);
            for id in *want {
                assert!(hint.contains(&format!("`{id}`")), "{word}: {hint}");
            }
            if want.is_empty() {
                assert_eq!(hint, "", "{word}");
            }
        }
        // The shortest name first.
        let hint = set.catalog.suggest("低保标准");
        assert!(
            hint.starts_with(" (did you mean `minimum-living-allowance`"),
            "{hint}"
        );
        // Edit distance still answers first where it finds a name.
        assert!(
            set.catalog
                .suggest("人均预期寿")
                .contains("life-expectancy")
        );
    }

    #[test]
    fn a_figure_is_resolved_once_and_the_same_way_again() {
        let set = clones(1);
        let p = set.plans().next().unwrap();
        let row = p
            .rows()
            .map(|(_, r)| r)
            .find(|r| !r.targets.is_empty())
            .unwrap();
        let entry = set.catalog.get(&row.id.value).unwrap();
        let f = &row.targets[0];
        assert!(f.resolved.get().is_none());
        let first = resolve(row, entry, f).map(|r| r.normalized());
        assert!(f.resolved.get().is_some());
        assert_eq!(resolve(row, entry, f).map(|r| r.normalized()), first);
        assert_eq!(
            resolve_reading(row, entry, f, figure_threshold(f)).map(|r| r.normalized()),
            first
        );
    }

    /// Two plans that print the same ids, names, units, departments and cells hold one copy of
    /// each text between them, and a text reads and writes as the string it is.
    #[test]
    fn plans_share_the_texts_they_print_alike() {
        let set = clones(2);
        let plans: Vec<&PlanFile> = set.plans().collect();
        let same = |a: &schema::Text, b: &schema::Text| std::ptr::eq(a.as_ptr(), b.as_ptr());
        let (a, b) = (row_list(plans[0]), row_list(plans[1]));
        assert!(!a.is_empty());
        for (ra, rb) in a.iter().zip(b) {
            assert!(same(&ra.id.value, &rb.id.value) && same(&ra.name, &rb.name));
            for (fa, fb) in ra.targets.iter().zip(&rb.targets) {
                if let (Some(x), Some(y)) = (&fa.cell, &fb.cell) {
                    assert!(same(&x.value, &y.value), "{}", x.value);
                }
            }
        }
        let t = schema::intern("≥95%");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"≥95%\"");
        let back: schema::Text = serde_json::from_str("\"≥95%\"").unwrap();
        assert!(same(&back, &t) && back == "≥95%" && back.as_str() == "≥95%");
    }

    /// Figures that read alike (two plans' copies of a row) share one resolution; every figure
    /// still gets the answer it would get alone.
    #[test]
    fn figures_that_read_alike_share_one_resolution() {
        let set = clones(2);
        let plans: Vec<&PlanFile> = set.plans().collect();
        let (a, b) = (row_list(plans[0]), row_list(plans[1]));
        let mut shared = 0;
        for (ra, rb) in a.iter().zip(b) {
            let Some(entry) = set.catalog.get(&ra.id.value) else {
                continue;
            };
            for (fa, fb) in ra.targets.iter().zip(&rb.targets) {
                let (x, y) = (resolved(ra, entry, fa), resolved(rb, entry, fb));
                let alone = resolve_reading(rb, entry, fb, figure_threshold(fb));
                assert_eq!(
                    y.as_ref().as_ref().map(Resolved::normalized),
                    alone.as_ref().map(Resolved::normalized)
                );
                assert_eq!(
                    x.as_ref().as_ref().map(Resolved::normalized),
                    alone.as_ref().map(Resolved::normalized)
                );
                let (pa, pb) = (fa.resolved.get().unwrap(), fb.resolved.get().unwrap());
                if pa.1.is_ok() {
                    assert!(std::sync::Arc::ptr_eq(pa, pb), "{}", ra.id.value);
                    shared += 1;
                }
            }
        }
        assert!(shared > 50, "{shared}");
    }
}
