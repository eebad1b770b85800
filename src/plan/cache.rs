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
//! differently starts afresh, a rebuilt but unchanged qyx keeps the cache, and nothing stale is
//! served. A cache that cannot be read or written is ignored: the plans are parsed as if there
//! were none.
//!
//! The file is a small header, then one encoded plan after another. The header holds the build
//! key, each plan's hash, id and names (what the plan index needs) and where its encoding
//! starts, and each file's stamp (size, modification and change times, inode) with its hash. So
//! a run reads the header, learns the hash of every file whose stamp is unchanged without
//! reading the file (as git's index does), and decodes a plan only when a command first asks
//! for it: 100 plans are ready in milliseconds, 5 000 in tens of them, and memory follows the
//! plans a sheet names. A stamp is recorded only for a file unchanged for [`QUIET`], so that a
//! file edited within the same clock tick as its stamp was taken is never taken for unchanged
//! (git's "racy" case); the change time, which no tool can set back, guards against an edit
//! that keeps size and modification time.
//!
//! Each plan is encoded as MessagePack (rmp-serde) with named fields: the plan types carry
//! `skip_serializing_if`, which only a self-describing format reads back (postcard and bincode
//! cannot), and a binary one decodes several times faster than JSON. Positions are not kept:
//! values read back carry no line and column, which only `validate` needs.

use super::load::{Listed, PlanDir, SourceText};
use super::{Catalog, Entry, Need, Plan};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// The hash of a file's bytes.
pub(crate) type Hash = [u8; 32];

/// The version of the cache's layout: raised by hand when [`Stored`] changes shape in a way the
/// sources hashed below would not show (they do show every change to the plan types).
const FORMAT: u32 = 3;

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

/// How long a file must have been left alone before its stamp stands for its content.
const QUIET: Duration = Duration::from_secs(2);

/// What the file system says of a plan file: when it is unchanged, so is the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
    device: u64,
}

impl Stamp {
    /// The stamp of a listed file (none for the built-in plans, and off Unix: always read).
    pub(crate) fn of(file: &Listed) -> Option<Stamp> {
        #[cfg(unix)]
        if let Listed::Path(p) = file {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(p).ok()?;
            return Some(Stamp {
                len: m.size(),
                modified: (m.mtime(), m.mtime_nsec()),
                changed: (m.ctime(), m.ctime_nsec()),
                inode: m.ino(),
                device: m.dev(),
            });
        }
        let _ = file;
        None
    }

    /// Whether the file was last touched at least [`QUIET`] before `now`.
    fn quiet(&self, now: SystemTime) -> bool {
        let Ok(now) = now.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let Some(limit) = now.checked_sub(quiet_for()) else {
            return false;
        };
        let at = |(s, ns): (i64, i64)| {
            let (Ok(s), Ok(ns)) = (u64::try_from(s), u32::try_from(ns)) else {
                return None;
            };
            Duration::new(s, 0).checked_add(Duration::from_nanos(u64::from(ns)))
        };
        [self.modified, self.changed]
            .into_iter()
            .all(|t| at(t).is_some_and(|t| t <= limit))
    }
}

fn quiet_for() -> Duration {
    #[cfg(test)]
    if tests::NO_QUIET.get() {
        return Duration::ZERO;
    }
    QUIET
}

/// Where an encoded catalog or plan sits after the header.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct Blob {
    at: u64,
    len: u32,
}

/// A cached plan as the header lists it: what the plan index needs without decoding it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Listing {
    pub hash: Hash,
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub blob: Blob,
}

#[derive(Serialize, Deserialize)]
struct Header {
    build: String,
    /// Each file's name, stamp and hash, for the files whose stamp stands for their content.
    stamps: Vec<(String, Stamp, Hash)>,
    catalog: Option<(Hash, Blob)>,
    plans: Vec<Listing>,
}

/// A catalog as stored: the same fields as [`Catalog`], borrowed from an index.
#[derive(Serialize)]
struct CatalogRef<'a> {
    indicators: &'a [Entry],
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
    cache_dir.join(format!("plans-{name}{part}.qyxcache"))
}

/// The encoded plans of an open cache file, read one at a time as they are asked for. The file
/// stays open, so that a newer cache renamed over it meanwhile changes nothing read here.
#[derive(Debug)]
pub(crate) struct Blobs {
    file: Mutex<std::fs::File>,
    /// Where the first encoding starts.
    base: u64,
}

impl Blobs {
    fn read(&self, b: Blob) -> Option<Vec<u8>> {
        let mut f = self.file.lock().ok()?;
        f.seek(SeekFrom::Start(self.base.checked_add(b.at)?)).ok()?;
        let mut buf = vec![0; b.len as usize];
        f.read_exact(&mut buf).ok()?;
        Some(buf)
    }

    /// A cached plan, decoded; none if its bytes are damaged (then it is parsed again).
    pub(crate) fn plan(&self, b: Blob) -> Option<Plan> {
        rmp_serde::from_slice(&self.read(b)?).ok()
    }
}

/// The largest header read: a directory of 5 000 plans has one of about 1.5 MB.
const MAX_HEADER: u64 = 256 << 20;

/// A plan directory's cache as read at the start of a run, and what the run learns for the next.
#[derive(Default)]
pub(crate) struct Cache {
    path: Option<PathBuf>,
    build: String,
    blobs: Option<std::sync::Arc<Blobs>>,
    stamps: HashMap<String, (Stamp, Hash)>,
    catalog: Option<(Hash, Blob)>,
    plans: HashMap<Hash, Listing>,
    /// Whether the next run would read something this cache did not have.
    pub missed: bool,
}

/// A plan as the cache will store it: listed from the old file (its bytes copied), or parsed now.
pub(crate) enum ToStore<'a> {
    Cached(&'a Listing),
    Parsed(Hash, &'a Plan),
}

impl Cache {
    /// Reads the header of a plan directory's cache from `cache_dir` (none: no cache); an
    /// absent, unreadable or foreign one is empty.
    pub(crate) fn open(plans: &PlanDir, cache_dir: Option<&Path>, need: Need) -> Cache {
        let path = cache_dir.map(|d| file_for(plans, d, need));
        let mut cache = Cache {
            path: path.clone(),
            build: build_key(),
            ..Cache::default()
        };
        let Some(mut file) = path.and_then(|p| std::fs::File::open(p).ok()) else {
            return cache;
        };
        let mut len = [0u8; 8];
        if file.read_exact(&mut len).is_err() {
            return cache;
        }
        let len = u64::from_le_bytes(len);
        let size = file.metadata().map_or(0, |m| m.len());
        if len > MAX_HEADER || len.saturating_add(8) > size {
            return cache;
        }
        let mut bytes = vec![0; len as usize];
        if file.read_exact(&mut bytes).is_err() {
            return cache;
        }
        let Ok(h) = rmp_serde::from_slice::<Header>(&bytes) else {
            return cache;
        };
        if h.build != cache.build {
            return cache;
        }
        // A file cut short (a full disk, a copy interrupted) is no cache at all, so that it is
        // written again; an encoding damaged in place is found when decoded, and parsed again.
        let base = 8 + len;
        let end = |b: &Blob| base.saturating_add(b.at).saturating_add(u64::from(b.len));
        let last = h.plans.iter().map(|l| end(&l.blob));
        if last
            .chain(h.catalog.iter().map(|(_, b)| end(b)))
            .any(|e| e > size)
        {
            return cache;
        }
        cache.stamps = h.stamps.into_iter().map(|(n, s, h)| (n, (s, h))).collect();
        cache.catalog = h.catalog;
        cache.plans = h.plans.into_iter().map(|l| (l.hash, l)).collect();
        cache.blobs = Some(std::sync::Arc::new(Blobs {
            file: Mutex::new(file),
            base,
        }));
        cache
    }

    pub(crate) fn hash(src: &SourceText) -> Hash {
        *blake3::hash(src.text.as_bytes()).as_bytes()
    }

    /// The hash of a file whose stamp is the one recorded with it, without reading it.
    pub(crate) fn known_hash(&self, name: &str, stamp: Option<Stamp>) -> Option<Hash> {
        let (s, h) = self.stamps.get(name)?;
        (Some(*s) == stamp).then_some(*h)
    }

    /// Records a file's stamp and hash for the next run (only once it has been left alone long
    /// enough for the stamp to stand for the content).
    pub(crate) fn stamp(&mut self, name: &str, stamp: Option<Stamp>, hash: Hash) {
        let Some(stamp) = stamp else { return };
        if self.stamps.get(name) == Some(&(stamp, hash)) {
            return;
        }
        if stamp.quiet(SystemTime::now()) {
            self.stamps.insert(name.to_string(), (stamp, hash));
            self.missed = true;
        }
    }

    /// The cached catalog of this hash, decoded.
    pub(crate) fn take_catalog(&mut self, h: &Hash) -> Option<Catalog> {
        let c = match (&self.catalog, &self.blobs) {
            (Some((ch, b)), Some(blobs)) if ch == h => blobs
                .read(*b)
                .and_then(|bytes| rmp_serde::from_slice(&bytes).ok()),
            _ => None,
        };
        self.missed |= c.is_none();
        c
    }

    /// The cached plan of this hash, listed (decoded later, through [`Cache::blobs`]).
    pub(crate) fn plan(&mut self, h: &Hash) -> Option<Listing> {
        let p = self.plans.get(h).cloned();
        self.missed |= p.is_none();
        p
    }

    /// The open cache file's encoded plans, for decoding them as they are asked for.
    pub(crate) fn blobs(&self) -> Option<std::sync::Arc<Blobs>> {
        self.blobs.clone()
    }

    /// Stores what a directory holds now, replacing the file whole (written aside, then
    /// renamed, so that a reader never sees half of it): the stamps of the files present, the
    /// catalog and the plans. Failure only costs the next run time.
    pub(crate) fn store(
        &self,
        names: &[String],
        catalog: Option<(&Hash, &[Entry])>,
        plans: Vec<ToStore>,
    ) {
        let Some(path) = &self.path else { return };
        let mut blobs: Vec<Vec<u8>> = Vec::with_capacity(plans.len() + 1);
        let mut at = 0u64;
        let mut place = |bytes: Vec<u8>, blobs: &mut Vec<Vec<u8>>| -> Option<Blob> {
            let b = Blob {
                at,
                len: u32::try_from(bytes.len()).ok()?,
            };
            at += bytes.len() as u64;
            blobs.push(bytes);
            Some(b)
        };
        let mut header = Header {
            build: self.build.clone(),
            stamps: names
                .iter()
                .filter_map(|n| self.stamps.get(n).map(|(s, h)| (n.clone(), *s, *h)))
                .collect(),
            catalog: None,
            plans: Vec::with_capacity(plans.len()),
        };
        if let Some((h, indicators)) = catalog {
            let Ok(bytes) = rmp_serde::to_vec_named(&CatalogRef { indicators }) else {
                return;
            };
            let Some(b) = place(bytes, &mut blobs) else {
                return;
            };
            header.catalog = Some((*h, b));
        }
        for p in plans {
            let (bytes, mut listing) = match p {
                ToStore::Cached(l) => {
                    let Some(bytes) = self.blobs.as_ref().and_then(|b| b.read(l.blob)) else {
                        return;
                    };
                    (bytes, l.clone())
                }
                ToStore::Parsed(hash, plan) => {
                    let Ok(bytes) = rmp_serde::to_vec_named(plan) else {
                        return;
                    };
                    let j = &plan.jurisdiction;
                    let listing = Listing {
                        hash,
                        id: j.id.value.clone(),
                        name: j.name.clone(),
                        name_en: j.name_en.clone(),
                        blob: Blob { at: 0, len: 0 },
                    };
                    (bytes, listing)
                }
            };
            let Some(b) = place(bytes, &mut blobs) else {
                return;
            };
            listing.blob = b;
            header.plans.push(listing);
        }
        let Ok(head) = rmp_serde::to_vec_named(&header) else {
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
        let written = (|| -> std::io::Result<()> {
            let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            w.write_all(&(head.len() as u64).to_le_bytes())?;
            w.write_all(&head)?;
            for b in &blobs {
                w.write_all(b)?;
            }
            w.into_inner()
                .map_err(std::io::IntoInnerError::into_error)?;
            std::fs::rename(&tmp, path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// Whether a file of a plan directory is its catalog.
#[cfg(test)]
pub(crate) fn is_catalog(src: &SourceText) -> bool {
    src.name.ends_with(super::load::CATALOG_FILE)
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::{PlanFile, PlanSet};
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Takes every file as left alone long enough (tests write their plans just before).
        pub(super) static NO_QUIET: Cell<bool> = const { Cell::new(false) };
    }

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
        set.plans()
            .map(|p: &PlanFile| serde_json::to_value(&p.plan).unwrap())
            .collect()
    }

    fn first(set: &PlanSet) -> &PlanFile {
        set.plans().next().unwrap()
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
        assert!(c.catalog.is_some());
        assert_eq!(c.plans.len(), 1);
        let ruian = std::fs::read_to_string(plans.path().join("ruian.yaml")).unwrap();
        let h = Cache::hash(&SourceText {
            name: String::new(),
            text: ruian,
        });
        assert!(c.plan(&h).is_some() && !c.missed);
        let second = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything)
            .0
            .unwrap();
        assert!(
            second.slots[0].plan.get().is_none(),
            "a cached plan is decoded when asked for"
        );
        assert_eq!(second.ids(), ["ruian"]);
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
    fn a_file_left_alone_is_not_read_again_and_a_touched_one_is() {
        NO_QUIET.set(true);
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Targets);
        let c = Cache::open(&dir, Some(cache.path()), Need::Targets);
        let ruian = plans.path().join("ruian.yaml");
        let name = ruian.display().to_string();
        let stamp = Stamp::of(&Listed::Path(ruian.clone()));
        assert!(stamp.is_some() && c.known_hash(&name, stamp).is_some());
        // Rewritten with the same bytes: a new change time, so read (and hashed) again.
        std::fs::write(&ruian, std::fs::read(&ruian).unwrap()).unwrap();
        let again = Stamp::of(&Listed::Path(ruian.clone()));
        if again != stamp {
            assert!(c.known_hash(&name, again).is_none());
        }
        NO_QUIET.set(false);
        // A stamp taken too soon after the file was written is not recorded.
        let fresh = tempfile::tempdir().unwrap();
        PlanSet::load_cached_in(&dir, Some(fresh.path()), Need::Targets);
        let c = Cache::open(&dir, Some(fresh.path()), Need::Targets);
        assert!(c.stamps.is_empty());
        assert_eq!(c.plans.len(), 1);
    }

    #[test]
    fn a_changed_file_is_read_again_never_served_stale() {
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        let set = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything)
            .0
            .unwrap();
        assert_eq!(first(&set).plan.jurisdiction.name_en, "Ruian");
        let path = plans.path().join("ruian.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        // Same length, same modification second: only the content tells.
        std::fs::write(&path, text.replacen("name_en: Ruian", "name_en: RUIAN", 1)).unwrap();
        let set = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything)
            .0
            .unwrap();
        assert_eq!(first(&set).plan.jurisdiction.name_en, "RUIAN");
        // A file that no longer parses is reported, whatever the cache once held for its name.
        std::fs::write(&path, "jurisdiction: [").unwrap();
        let (set, diags) = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything);
        assert!(set.unwrap().plans().next().is_none());
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
        assert_eq!(set.unwrap().plans().count(), 1);
        assert_eq!(std::fs::read(&file).unwrap(), bytes);
    }

    #[test]
    fn a_damaged_plan_encoding_is_parsed_again_from_its_file() {
        NO_QUIET.set(true);
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Targets);
        let file = file_for(&dir, cache.path(), Need::Targets);
        let mut bytes = std::fs::read(&file).unwrap();
        // The plan is the last encoding: garble its tail, the header intact.
        let n = bytes.len();
        bytes[n - 200..].fill(0xc1);
        std::fs::write(&file, &bytes).unwrap();
        let (set, diags) = PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Targets);
        NO_QUIET.set(false);
        assert!(diags.is_empty(), "{diags:?}");
        let set = set.unwrap();
        assert_eq!(set.find("ruian").map(PlanFile::id), Ok("ruian"));
        assert_eq!(first(&set).plan.jurisdiction.name_en, "Ruian");
    }

    #[test]
    fn judging_loads_leave_the_proof_reading_fields_out_and_cache_apart() {
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        let quotes = |set: &PlanSet| {
            first(set)
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
                first(set)
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
