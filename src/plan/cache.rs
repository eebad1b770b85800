//! Plans kept parsed between runs, so that a command reads compact binary data instead of
//! re-parsing YAML: parsing a 40 KB plan costs milliseconds, which at province scale (thousands
//! of plans) would be most of every `check`. `validate` never uses this: reading the YAML is
//! its job, and only the YAML has line and column numbers.
//!
//! One cache file per plan directory (the built-in plans count as one), in the user's cache
//! directory (`QYX_CACHE_DIR`, else the platform's: `~/.cache/qyx`, `%LOCALAPPDATA%\qyx`), never
//! beside the plans: an input is never written to. Each catalog and plan is stored under the
//! BLAKE3 hash of its file's bytes, and the whole file under a key hashing the sources that
//! decide parsing (see [`build_key`]), so a changed file is parsed again, a qyx that parses
//! differently starts afresh, a rebuilt but unchanged one keeps the cache, and nothing stale is
//! served.
//! A cache that cannot be read or written is ignored: the plans are parsed as if there were none.
//!
//! The format is MessagePack (rmp-serde) with named fields: the plan types carry
//! `serde_saphyr::Spanned` values and `skip_serializing_if`, which only a self-describing format
//! reads back (postcard and bincode cannot), and a binary one decodes several times faster than
//! JSON. Positions are not kept: values read back carry no line and column, which only
//! `validate` needs.

use super::load::{CATALOG_FILE, PlanDir, SourceText};
use super::{Catalog, Entry, Need, Plan};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The hash of a file's bytes.
pub(crate) type Hash = [u8; 32];

/// The version of the cache's layout: raised by hand when [`Stored`] changes shape in a way the
/// sources hashed below would not show (they do show every change to the plan types).
const FORMAT: u32 = 2;

/// The sources that decide what a plan file parses into, and so what the cache holds: the plan
/// types and their serde attributes, the loader, this module, the schema files and the locked
/// versions of the crates that parse (serde-saphyr) and encode (rmp-serde). Hashed into the
/// cache's key instead of the binary's modification time (as before), so that a rebuilt but
/// unchanged qyx reuses its cache and a changed parser never serves what the old one read.
const PARSING_SOURCES: &[&str] = &[
    include_str!("schema.rs"),
    include_str!("load.rs"),
    include_str!("cache.rs"),
    include_str!("mod.rs"),
    include_str!("../threshold.rs"),
    include_str!("../../schema/plan.schema.json"),
    include_str!("../../schema/catalog.schema.json"),
    include_str!("../../Cargo.lock"),
];

/// What a build of qyx writes and reads: a cache written by a build whose parsing differs (in
/// version, layout, sources or parsing crates) is never read. Computed once per run (the
/// sources are a few hundred KB: well under a millisecond).
fn build_key() -> String {
    let mut h = blake3::Hasher::new();
    for s in PARSING_SOURCES {
        // Each source's length first, so that text moved between two sources changes the key.
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    }
    format!(
        "qyx {} plan-cache {FORMAT} sources {}",
        env!("CARGO_PKG_VERSION"),
        h.finalize().to_hex()
    )
}

/// A catalog as stored: the same fields as [`Catalog`], borrowed from an index.
#[derive(Serialize)]
struct CatalogRef<'a> {
    indicators: &'a [Entry],
}

#[derive(Serialize, Deserialize)]
struct Stored<C, P> {
    build: String,
    catalogs: Vec<(Hash, C)>,
    plans: Vec<(Hash, P)>,
}

/// The cache directory, or none when `QYX_CACHE_DIR` is set empty (caching off).
pub(crate) fn dir() -> Option<PathBuf> {
    match std::env::var_os("QYX_CACHE_DIR") {
        Some(d) if d.is_empty() => None,
        Some(d) => Some(PathBuf::from(d)),
        None => dirs::cache_dir().map(|d| d.join("qyx")),
    }
}

/// The cache file of a plan directory in `cache_dir`: named by the hash of its canonical path.
fn file_for(plans: &PlanDir, cache_dir: &Path, need: Need) -> PathBuf {
    let name = match plans {
        PlanDir::Builtin => "builtin".to_string(),
        PlanDir::Path(p) => {
            let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            blake3::hash(abs.to_string_lossy().as_bytes()).to_hex()[..32].to_string()
        }
    };
    let part = match need {
        Need::Everything => "",
        Need::Targets => "-targets",
    };
    cache_dir.join(format!("plans-{name}{part}.msgpack"))
}

/// Parsed catalogs and plans by the hash of their file, as a plan directory's cache holds them.
#[derive(Default)]
pub(crate) struct Cache {
    path: Option<PathBuf>,
    build: String,
    catalogs: HashMap<Hash, Catalog>,
    plans: HashMap<Hash, Plan>,
    /// Whether the directory holds a file the cache did not have.
    pub missed: bool,
}

impl Cache {
    /// Reads the cache of a plan directory from `cache_dir` (none: no cache); an absent,
    /// unreadable or foreign one is empty.
    pub(crate) fn open(plans: &PlanDir, cache_dir: Option<&Path>, need: Need) -> Cache {
        let path = cache_dir.map(|d| file_for(plans, d, need));
        let build = build_key();
        let mut cache = Cache {
            path: path.clone(),
            build,
            ..Cache::default()
        };
        let Some(bytes) = path.and_then(|p| std::fs::read(p).ok()) else {
            return cache;
        };
        if let Ok(s) = rmp_serde::from_slice::<Stored<Catalog, Plan>>(&bytes)
            && s.build == cache.build
        {
            cache.catalogs = s.catalogs.into_iter().collect();
            cache.plans = s.plans.into_iter().collect();
        }
        cache
    }

    pub(crate) fn hash(src: &SourceText) -> Hash {
        *blake3::hash(src.text.as_bytes()).as_bytes()
    }

    pub(crate) fn take_catalog(&mut self, h: &Hash) -> Option<Catalog> {
        let c = self.catalogs.remove(h);
        self.missed |= c.is_none();
        c
    }

    pub(crate) fn take_plan(&mut self, h: &Hash) -> Option<Plan> {
        let p = self.plans.remove(h);
        self.missed |= p.is_none();
        p
    }

    /// Stores what a directory holds now, replacing the file whole (written aside, then
    /// renamed, so that a reader never sees half of it). Failure only costs the next run time.
    pub(crate) fn store(&self, catalog: Option<(&Hash, &[Entry])>, plans: Vec<(&Hash, &Plan)>) {
        let Some(path) = &self.path else { return };
        let stored = Stored {
            build: self.build.clone(),
            catalogs: catalog
                .into_iter()
                .map(|(h, indicators)| (*h, CatalogRef { indicators }))
                .collect(),
            plans: plans.into_iter().map(|(h, p)| (*h, p)).collect(),
        };
        let Ok(bytes) = rmp_serde::to_vec_named(&stored) else {
            return;
        };
        let Some(parent) = path.parent() else { return };
        if std::fs::create_dir_all(parent).is_err() {
            return;
        }
        // Unique per process and per call, so that two writers never share a half-written file.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = parent.join(format!(
            ".{}.{}.{call}.tmp",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("plans"),
            std::process::id()
        ));
        if std::fs::write(&tmp, bytes).is_err() || std::fs::rename(&tmp, path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// Whether a file of a plan directory is its catalog.
pub(crate) fn is_catalog(src: &SourceText) -> bool {
    src.name.ends_with(CATALOG_FILE)
}

#[cfg(test)]
mod tests {
    use super::super::{PlanFile, PlanSet};
    use super::*;

    /// A plan directory with the bundled catalog and Ruian's plan.
    fn plan_dir() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        for f in super::super::load::read_dir(&PlanDir::Builtin).unwrap().0 {
            if is_catalog(&f) || f.name.ends_with("ruian.yaml") {
                let name = Path::new(&f.name).file_name().unwrap();
                std::fs::write(d.path().join(name), &f.text).unwrap();
            }
        }
        d
    }

    fn listing(d: &Path) -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    }

    fn as_json(set: &PlanSet) -> Vec<serde_json::Value> {
        set.plans
            .iter()
            .map(|p: &PlanFile| serde_json::to_value(&p.plan).unwrap())
            .collect()
    }

    #[test]
    fn a_second_run_reads_the_cache_and_gets_the_same_plans() {
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        let before = listing(plans.path());
        let parsed = PlanSet::load_cached_in(&dir, None, Need::Everything)
            .0
            .unwrap();
        let first = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything)
            .0
            .unwrap();
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 1);
        let mut c = Cache::open(&dir, Some(cache.path()), Need::Everything);
        assert_eq!((c.catalogs.len(), c.plans.len()), (1, 1));
        let ruian = std::fs::read_to_string(plans.path().join("ruian.yaml")).unwrap();
        let h = Cache::hash(&SourceText {
            name: String::new(),
            text: ruian,
        });
        assert!(c.take_plan(&h).is_some() && !c.missed);
        let second = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything)
            .0
            .unwrap();
        assert_eq!(as_json(&first), as_json(&parsed));
        assert_eq!(as_json(&second), as_json(&parsed));
        assert_eq!(second.catalog.entries.len(), parsed.catalog.entries.len());
        assert_eq!(second.find("瑞安").map(PlanFile::id), Ok("ruian"));
        assert_eq!(
            listing(plans.path()),
            before,
            "the plan directory is never written"
        );
    }

    #[test]
    fn a_changed_file_is_read_again_never_served_stale() {
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        let set = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything)
            .0
            .unwrap();
        assert_eq!(set.plans[0].plan.jurisdiction.name_en, "Ruian");
        let path = plans.path().join("ruian.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        // Same length, same modification second: only the content tells.
        std::fs::write(&path, text.replacen("name_en: Ruian", "name_en: RUIAN", 1)).unwrap();
        let set = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything)
            .0
            .unwrap();
        assert_eq!(set.plans[0].plan.jurisdiction.name_en, "RUIAN");
        // A file that no longer parses is reported, whatever the cache once held for its name.
        std::fs::write(&path, "jurisdiction: [").unwrap();
        let (set, diags) = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything);
        assert!(set.unwrap().plans.is_empty());
        assert_eq!(diags.len(), 1, "{diags:?}");
    }

    #[test]
    fn the_key_names_the_parsing_sources_not_the_binary() {
        let key = build_key();
        assert_eq!(key, build_key(), "the same build, the same key");
        assert!(
            key.contains(&format!("plan-cache {FORMAT} sources ")),
            "{key}"
        );
        // Nothing of the executable (its size or modification time) is in it: a rebuilt qyx
        // whose parsing sources are unchanged reads the cache its predecessor wrote.
        let exe = std::env::current_exe().unwrap();
        let len = std::fs::metadata(exe).unwrap().len().to_string();
        assert!(!key.contains(&format!(" {len}:")), "{key}");
        assert!(
            PARSING_SOURCES
                .iter()
                .any(|s| s.contains("pub struct Figure"))
        );
    }

    #[test]
    fn a_damaged_cache_is_ignored_and_replaced() {
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything)
            .0
            .unwrap();
        let file = file_for(&dir, cache.path(), Need::Everything);
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
        let (set, diags) = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(set.unwrap().plans.len(), 1);
        assert_eq!(std::fs::read(&file).unwrap(), bytes);
    }

    #[test]
    fn judging_loads_leave_the_proof_reading_fields_out_and_cache_apart() {
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        let quotes = |set: &PlanSet| {
            set.plans[0]
                .plan
                .indicators
                .iter()
                .flat_map(|r| &r.targets)
                .filter(|f| f.quote.is_some())
                .count()
        };
        for _ in 0..2 {
            let full = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything);
            let lean = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Targets);
            let (full, lean) = (full.0.unwrap(), lean.0.unwrap());
            assert!(quotes(&full) > 0);
            assert_eq!(quotes(&lean), 0);
            let targets = |set: &PlanSet| {
                set.plans[0]
                    .plan
                    .indicators
                    .iter()
                    .map(|r| r.targets.len())
                    .sum::<usize>()
            };
            assert_eq!(targets(&lean), targets(&full));
        }
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 2);
    }
}
