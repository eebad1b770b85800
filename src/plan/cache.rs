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
//! Each plan is encoded by [`super::codec`]: its fields by position, without names (the header
//! and the catalog, read once a run, are MessagePack through rmp-serde). Positions are not
//! kept: values read back carry no line and column, which only `validate` needs.
//!
//! A plan's texts (its rows' ids, names, units, departments, areas, cells and phrases) are
//! pooled in memory ([`Text`]), and pooling one means hashing it: done at every text of every
//! decode, that was a quarter of `check`'s time at 5 000 plans. So each text is written once,
//! in the file's table of texts, and a plan holds its place there; a decode takes a text by its
//! place, pooled on first use and shared from then on. The table is read and checked when the
//! file is opened; every encoding carries a checksum, checked before it is decoded, so that a
//! damaged place (which would still decode, to another text) is never taken for a plan.

use super::fasthash::FastMap;
use super::lazy::LazyRows;
use super::load::{Listed, PlanDir, SourceText};
use super::schema::{Text, intern};
use super::{Catalog, Entry, Need, Plan};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

/// The hash of a file's bytes.
pub(crate) type Hash = [u8; 32];

/// The version of the cache's layout: raised by hand when [`Stored`] changes shape in a way the
/// sources hashed below would not show (they do show every change to the plan types).
/// 4: texts by their place in the file's table; a checksum on every encoding.
/// 5: plans in [`super::codec`]'s encoding, fields by position, instead of named MessagePack.
/// 6: a 64-bit checksum of the encodings' words ([`checksum`]) instead of BLAKE3's first 8 bytes.
const FORMAT: u32 = 6;

/// The sources that decide what a plan file parses into, and so what the cache holds: the plan
/// types and their serde attributes, the loader, this module and the plans' encoding
/// ([`super::codec`]), the schema files and the locked versions of the crates that parse
/// (serde-saphyr) and encode the header (rmp-serde). Hashed into the
/// cache's key instead of the binary's modification time (as before), so that a rebuilt but
/// unchanged qyx reuses its cache and a changed parser never serves what the old one read.
const PARSING_SOURCES: &[&str] = &[
    include_str!("schema.rs"),
    include_str!("load.rs"),
    include_str!("cache.rs"),
    include_str!("codec.rs"),
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

/// Where an encoded catalog, plan or table of texts sits after the header, and the checksum of
/// its bytes.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct Blob {
    at: u64,
    len: u32,
    sum: u64,
}

/// The checksum of an encoding, which only has to tell damage (a cut, a flipped bit, a stray
/// write) from the bytes written: the cache file is found by a content hash of the plan file,
/// so nothing here has to resist a forger. BLAKE3 did that job at about a tenth of decoding a
/// plan (callgrind, 10 k rows / 5 000 plans: 8 % of the run); this reads four 8-byte words a
/// step in four independent lanes. Each step is a bijection of its lane's state and of its
/// word, and so is the merge of the lanes and the length, so a change within any one word
/// always changes the sum, and other damage goes unseen once in 2^64.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let step = |lane: u64, word: u64| (lane ^ word).wrapping_mul(K).rotate_left(29);
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(w)
    };
    let mut lanes = [1u64, 2, 3, 4];
    let mut blocks = bytes.chunks_exact(32);
    for b in &mut blocks {
        for (lane, w) in lanes.iter_mut().zip(b.chunks_exact(8)) {
            *lane = step(*lane, word(w));
        }
    }
    // The last words (zero-filled), each into its own lane as a whole block would put it.
    for (lane, w) in lanes.iter_mut().zip(blocks.remainder().chunks(8)) {
        *lane = step(*lane, word(w));
    }
    let merged = (lanes.iter()).fold(bytes.len() as u64, |h, &l| step(h, l));
    // A final mix (MurmurHash3's), so that every bit of the sum depends on every lane.
    let mut h = merged;
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// A cache file's texts, each pooled ([`intern`]) the first time a decode takes it.
#[derive(Debug)]
pub(crate) struct Table {
    /// Every text, one after another.
    text: String,
    /// Where each text ends in `text` (each starts where the one before it ends).
    ends: Vec<u32>,
    pooled: Box<[OnceLock<Text>]>,
}

impl Table {
    /// The table stored as `bytes`; none if they are not one (damaged: then the file is no
    /// cache). Every bound is checked against the text read, so nothing read is trusted.
    pub(super) fn parse(bytes: &[u8]) -> Option<Table> {
        // rmp-serde takes a length as a hint only, and reads no string past its input.
        let (ends, text): (Vec<u32>, String) = rmp_serde::from_slice(bytes).ok()?;
        let mut start = 0usize;
        for &e in &ends {
            let e = e as usize;
            if e < start || e > text.len() || !text.is_char_boundary(e) {
                return None;
            }
            start = e;
        }
        let pooled = ends.iter().map(|_| OnceLock::new()).collect();
        Some(Table { text, ends, pooled })
    }

    fn str(&self, i: usize) -> Option<&str> {
        let start = match i.checked_sub(1) {
            Some(p) => *self.ends.get(p)? as usize,
            None => 0,
        };
        self.text.get(start..*self.ends.get(i)? as usize)
    }

    /// The pooled text at place `i`.
    pub(super) fn get(&self, i: u64) -> Option<Text> {
        let i = usize::try_from(i).ok()?;
        let slot = self.pooled.get(i)?;
        // A text pooled already is taken without looking at its characters again: their
        // bounds and bytes are cold memory of a table of a megabyte or more (perf, 10 k rows /
        // 5 000 plans: this function was 8 % of the cycles).
        if let Some(t) = slot.get() {
            return Some(t.clone());
        }
        let s = self.str(i)?;
        Some(slot.get_or_init(|| intern(s)).clone())
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether `i` is the place of a text.
    pub(super) fn has(&self, i: u64) -> bool {
        usize::try_from(i).is_ok_and(|i| i < self.len())
    }
}

/// The texts of a cache file being written: those of the file it replaces first, in their
/// places (so that the encodings copied from it still read right), then the new ones.
#[derive(Default)]
pub(super) struct TableWriter {
    places: FastMap<String, u32>,
    text: String,
    ends: Vec<u32>,
}

impl TableWriter {
    fn seeded(old: Option<&Table>) -> TableWriter {
        let mut w = TableWriter::default();
        if let Some(t) = old {
            // Copied place for place, a repeated text included (it keeps its first place for
            // the new encodings): a copied encoding may hold either.
            w.text.clone_from(&t.text);
            w.ends.clone_from(&t.ends);
            w.places = super::fasthash::with_capacity(t.len());
            for i in 0..t.len() {
                if let (Some(s), Ok(p)) = (t.str(i), u32::try_from(i)) {
                    w.places.entry(s.to_string()).or_insert(p);
                }
            }
        }
        w
    }

    /// A text's place, given it now if it has none; none past 4 G texts or bytes of them (then
    /// the text is written whole, which a decode reads as well).
    pub(super) fn place(&mut self, s: &str) -> Option<u32> {
        if let Some(&i) = self.places.get(s) {
            return Some(i);
        }
        let i = u32::try_from(self.ends.len()).ok()?;
        let end = u32::try_from(self.text.len() + s.len()).ok()?;
        self.text.push_str(s);
        self.ends.push(end);
        self.places.insert(s.to_string(), i);
        Some(i)
    }

    pub(super) fn encode(&self) -> Option<Vec<u8>> {
        rmp_serde::to_vec(&(&self.ends, &self.text)).ok()
    }
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
    /// The table of the plans' texts.
    texts: Blob,
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
    /// The file's table of texts.
    table: Arc<Table>,
    /// The rows the plans read from the file may keep decoded (see [`super::lazy`]).
    budget: Arc<super::lazy::Budget>,
}

impl Blobs {
    /// An encoding's bytes, if they are the ones written (the checksum agrees). Its length was
    /// checked against the file's when the file was opened.
    fn read(&self, b: Blob) -> Option<Vec<u8>> {
        let buf = read_at(&mut *self.file.lock().ok()?, self.base, b)?;
        (checksum(&buf) == b.sum).then_some(buf)
    }

    /// A cached plan, decoded; none if its bytes are damaged (then it is parsed again).
    pub(crate) fn plan(&self, b: Blob) -> Option<Plan> {
        super::codec::decode(&self.read(b)?, &self.table)
    }

    /// A cached plan without its rows, and its rows to be decoded as they are asked for (see
    /// [`super::lazy`]); none if its bytes are damaged (then it is parsed again). `listed` is the
    /// plan's file, for a row whose bytes turn out damaged after all.
    pub(crate) fn outline(
        &self,
        b: Blob,
        listed: Option<Listed>,
        need: Need,
    ) -> Option<(Plan, LazyRows)> {
        let bytes = self.read(b)?;
        let (plan, spans) = super::codec::decode_outline(&bytes, &self.table)?;
        let rows = LazyRows::new(
            bytes.into_boxed_slice(),
            Arc::clone(&self.table),
            spans,
            listed,
            need,
            Arc::clone(&self.budget),
        );
        Some((plan, rows))
    }
}

/// The bytes of `b`, all of them or none. Read into a buffer of their length without zeroing it
/// first (at 10 k rows / 5 000 plans the zeroing was 3 % of the instructions); the length was
/// checked against the file's when it was opened, so the buffer is never larger than the file.
fn read_at(f: &mut std::fs::File, base: u64, b: Blob) -> Option<Vec<u8>> {
    f.seek(SeekFrom::Start(base.checked_add(b.at)?)).ok()?;
    let len = b.len as usize;
    let mut buf = Vec::with_capacity(len);
    f.take(u64::from(b.len)).read_to_end(&mut buf).ok()?;
    (buf.len() == len).then_some(buf)
}

/// The largest header read: a directory of 5 000 plans has one of about 1.5 MB.
const MAX_HEADER: u64 = 256 << 20;

/// A plan directory's cache as read at the start of a run, and what the run learns for the next.
#[derive(Default)]
pub(crate) struct Cache {
    path: Option<PathBuf>,
    build: String,
    blobs: Option<Arc<Blobs>>,
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
            .chain([end(&h.texts)])
            .any(|e| e > size)
        {
            return cache;
        }
        // The table is read whole, and a damaged one makes the file no cache (rewritten then):
        // every plan's texts are in it.
        let table = read_at(&mut file, base, h.texts)
            .filter(|b| checksum(b) == h.texts.sum)
            .and_then(|b| Table::parse(&b));
        let Some(table) = table else {
            return cache;
        };
        cache.stamps = h.stamps.into_iter().map(|(n, s, h)| (n, (s, h))).collect();
        cache.catalog = h.catalog;
        cache.plans = h.plans.into_iter().map(|l| (l.hash, l)).collect();
        cache.blobs = Some(Arc::new(Blobs {
            file: Mutex::new(file),
            base,
            table: Arc::new(table),
            budget: super::lazy::Budget::new(super::lazy::KEPT_ROWS),
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
    pub(crate) fn blobs(&self) -> Option<Arc<Blobs>> {
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
                sum: checksum(&bytes),
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
            texts: Blob {
                at: 0,
                len: 0,
                sum: 0,
            },
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
        // The old file's texts keep their places: its encodings are copied as they are.
        let old = self.blobs.as_ref().map(|b| &*b.table);
        let mut texts = TableWriter::seeded(old);
        for p in plans {
            let (bytes, mut listing) = match p {
                ToStore::Cached(l) => {
                    // A damaged encoding is left out, so that the next run parses its plan
                    // and writes it afresh.
                    let Some(bytes) = self.blobs.as_ref().and_then(|b| b.read(l.blob)) else {
                        continue;
                    };
                    (bytes, l.clone())
                }
                ToStore::Parsed(hash, plan) => {
                    let Some(bytes) = super::codec::encode(plan, &mut |s| texts.place(s)) else {
                        return;
                    };
                    let j = &plan.jurisdiction;
                    let listing = Listing {
                        hash,
                        id: j.id.value.clone(),
                        name: j.name.clone(),
                        name_en: j.name_en.clone(),
                        blob: Blob {
                            at: 0,
                            len: 0,
                            sum: 0,
                        },
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
        let table = texts.encode();
        let Some(texts) = table.and_then(|t| place(t, &mut blobs)) else {
            return;
        };
        header.texts = texts;
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
    use super::super::{PlanFile, PlanSet, Row};
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

    /// Every plan as JSON, its rows read as commands read them (a cached plan's apart).
    fn as_json(set: &PlanSet) -> Vec<serde_json::Value> {
        set.plans()
            .map(|p: &PlanFile| {
                let mut v = serde_json::to_value(&p.plan).unwrap();
                let rows: Vec<&Row> = p.rows().map(|(_, r)| r).collect();
                v["indicators"] = serde_json::to_value(rows).unwrap();
                v
            })
            .collect()
    }

    fn first(set: &PlanSet) -> &PlanFile {
        set.plans().next().unwrap()
    }

    #[test]
    fn the_checksum_tells_every_flipped_bit_every_cut_and_every_changed_word() {
        // Lengths around the four-lane block (32 bytes) and its last, partial words.
        for n in [0usize, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 257] {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let sum = checksum(&bytes);
            for bit in 0..n * 8 {
                let mut b = bytes.clone();
                b[bit / 8] ^= 1 << (bit % 8);
                assert_ne!(checksum(&b), sum, "{n} bytes, bit {bit}");
            }
            for cut in 0..n {
                assert_ne!(checksum(&bytes[..cut]), sum, "{n} bytes cut at {cut}");
            }
            // A trailing zero byte, which the zero-filled last word alone would not show.
            let mut longer = bytes.clone();
            longer.push(0);
            assert_ne!(checksum(&longer), sum, "{n} bytes and a zero");
            // A whole word replaced, and two words swapped.
            if n >= 16 {
                let mut b = bytes.clone();
                b[..8].copy_from_slice(&[0xAA; 8]);
                assert_ne!(checksum(&b), sum, "{n} bytes, first word");
                let mut b = bytes.clone();
                let (x, y) = b.split_at_mut(8);
                x.swap_with_slice(&mut y[..8]);
                assert_ne!(checksum(&b), sum, "{n} bytes, words swapped");
            }
        }
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
        // A stamp taken too soon after the file was written is not recorded. The file is
        // dated ahead, so that a stalled machine cannot make it quiet before the load.
        let ahead = SystemTime::now() + Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&ruian)
            .and_then(|f| f.set_modified(ahead))
            .unwrap();
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
        // Stamps taken at once: whether the plans were written 2 s ago must not change the
        // bytes compared below (a loaded machine takes that long).
        NO_QUIET.set(true);
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
        // Garble the plan's encoding's tail, the header and the table of texts intact.
        let (h, base) = header_of(&file);
        let end = (base + h.plans[0].blob.at) as usize + h.plans[0].blob.len as usize;
        bytes[end - 200..end].fill(0xc1);
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
                .rows()
                .map(|(_, r)| r)
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
                    .rows()
                    .map(|(_, r)| r)
                    .map(|r| r.targets.len())
                    .sum::<usize>()
            };
            assert_eq!(targets(&lean), targets(&full));
        }
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 2);
    }

    /// Ruian's plan directory, its plans as parsed, and its cache as first written.
    struct Cached {
        _plans: tempfile::TempDir,
        cache: tempfile::TempDir,
        dir: PlanDir,
        parsed: PlanSet,
        file: PathBuf,
        bytes: Vec<u8>,
    }

    impl Cached {
        fn new() -> Cached {
            // Stamps taken at once, so that a rewritten file's bytes never depend on how long
            // the test took.
            NO_QUIET.set(true);
            let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
            let dir = PlanDir::Path(plans.path().to_path_buf());
            let parsed = PlanSet::load_cached_in(&dir, None, Need::Everything)
                .0
                .unwrap();
            PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything);
            let file = file_for(&dir, cache.path(), Need::Everything);
            let bytes = std::fs::read(&file).unwrap();
            Cached {
                _plans: plans,
                cache,
                dir,
                parsed,
                file,
                bytes,
            }
        }
    }

    /// A cache file's header and where its encodings start.
    fn header_of(file: &Path) -> (Header, u64) {
        let bytes = std::fs::read(file).unwrap();
        let len = u64::from_le_bytes(bytes[..8].try_into().unwrap());
        let h = rmp_serde::from_slice(&bytes[8..8 + len as usize]).unwrap();
        (h, 8 + len)
    }

    #[test]
    fn every_bundled_plan_reads_back_from_the_cache_as_parsed_with_pooled_texts() {
        for need in [Need::Everything, Need::Targets] {
            let cache = tempfile::tempdir().unwrap();
            let dir = PlanDir::Builtin;
            let parsed = PlanSet::load_cached_in(&dir, None, need).0.unwrap();
            let first = PlanSet::load_cached_in(&dir, Some(cache.path()), need)
                .0
                .unwrap();
            let second = PlanSet::load_cached_in(&dir, Some(cache.path()), need)
                .0
                .unwrap();
            assert!(second.slots.iter().all(|s| s.plan.get().is_none()));
            assert!(parsed.plans().count() > 1);
            assert_eq!(as_json(&first), as_json(&parsed), "{need:?}");
            assert_eq!(as_json(&second), as_json(&parsed), "{need:?}");
            // The texts came from the table, and a table's text is the run's pooled one.
            let (h, _) = header_of(&file_for(&dir, cache.path(), need));
            assert!(h.texts.len > 0 && h.plans.len() == parsed.plans().count());
            for p in second.plans() {
                for (_, r) in p.rows() {
                    let pooled = intern(&r.id.value);
                    assert_eq!(r.id.value.address(), pooled.address(), "{}", r.id.value);
                }
            }
        }
    }

    #[test]
    fn a_cut_cache_file_is_never_opened_whatever_the_length() {
        // Stamps taken at once: the cuts below take seconds on a loaded machine, and a stamp
        // first recorded by the last load would make its file differ from the first one.
        NO_QUIET.set(true);
        let (plans, cache) = (plan_dir(), tempfile::tempdir().unwrap());
        let dir = PlanDir::Path(plans.path().to_path_buf());
        PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything);
        let file = file_for(&dir, cache.path(), Need::Everything);
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            Cache::open(&dir, Some(cache.path()), Need::Everything)
                .blobs
                .is_some()
        );
        let n = bytes.len();
        let cuts = (0..n).step_by(61).chain(n.saturating_sub(64)..n);
        for cut in cuts {
            std::fs::write(&file, &bytes[..cut]).unwrap();
            let c = Cache::open(&dir, Some(cache.path()), Need::Everything);
            assert!(
                c.blobs.is_none() && c.plans.is_empty(),
                "cut at {cut} of {n}"
            );
        }
        // And the next load writes it whole again.
        PlanSet::load_cached_in(&dir, Some(cache.path()), Need::Everything);
        assert_eq!(std::fs::read(&file).unwrap(), bytes);
    }

    #[test]
    fn a_damaged_table_of_texts_makes_the_file_no_cache_and_it_is_rewritten() {
        let k = Cached::new();
        let (h, base) = header_of(&k.file);
        let t = (base + h.texts.at) as usize;
        for at in [
            t,
            t + h.texts.len as usize / 2,
            t + h.texts.len as usize - 1,
        ] {
            let mut damaged = k.bytes.clone();
            // One character of one text changed: still a table, but not the one written.
            damaged[at] ^= 0x01;
            std::fs::write(&k.file, &damaged).unwrap();
            let c = Cache::open(&k.dir, Some(k.cache.path()), Need::Everything);
            assert!(c.blobs.is_none() && c.plans.is_empty(), "byte {at}");
            let set = PlanSet::load_cached_in(&k.dir, Some(k.cache.path()), Need::Everything)
                .0
                .unwrap();
            assert_eq!(as_json(&set), as_json(&k.parsed));
            assert_eq!(std::fs::read(&k.file).unwrap(), k.bytes, "rewritten whole");
        }
    }

    #[test]
    fn a_damaged_plan_encoding_is_never_decoded() {
        let k = Cached::new();
        let (h, base) = header_of(&k.file);
        let b = h.plans[0].blob;
        let p = (base + b.at) as usize;
        // Every byte of the encoding in turn: a place in the table changed by one still
        // decodes (to another text), so only the checksum tells.
        for at in (p..p + b.len as usize).step_by(37) {
            let mut damaged = k.bytes.clone();
            damaged[at] ^= 0x01;
            std::fs::write(&k.file, &damaged).unwrap();
            let c = Cache::open(&k.dir, Some(k.cache.path()), Need::Everything);
            assert!(c.blobs.as_ref().unwrap().plan(b).is_none(), "byte {at}");
        }
        let set = PlanSet::load_cached_in(&k.dir, Some(k.cache.path()), Need::Everything)
            .0
            .unwrap();
        assert_eq!(as_json(&set), as_json(&k.parsed));
    }

    #[test]
    fn a_table_read_from_bad_bytes_is_none_never_a_panic() {
        let mut w = TableWriter::default();
        for s in ["≥95%", "", "万人", "≥95%", "户"] {
            w.place(s).unwrap();
        }
        assert_eq!(w.ends.len(), 4, "a text has one place");
        let bytes = w.encode().unwrap();
        let t = Arc::new(Table::parse(&bytes).unwrap());
        assert_eq!(
            (t.str(0), t.str(1), t.str(3), t.str(4)),
            (Some("≥95%"), Some(""), Some("户"), None)
        );
        assert_eq!(t.get(2).as_deref(), Some("万人"));
        assert!(t.get(4).is_none() && t.get(u64::MAX).is_none());
        for cut in 0..bytes.len() {
            assert!(Table::parse(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[at] ^= 1 << bit;
                let _ = Table::parse(&b);
            }
        }
        // Ends that go back, that pass the text or that cut a character; a length of 4 G
        // entries with nothing behind it.
        let bad = |ends: Vec<u32>, text: &str| rmp_serde::to_vec(&(ends, text)).unwrap();
        assert!(Table::parse(&bad(vec![3, 2], "abc")).is_none());
        assert!(Table::parse(&bad(vec![4], "abc")).is_none());
        assert!(Table::parse(&bad(vec![1], "≥")).is_none());
        assert!(Table::parse(&[0x92, 0xdd, 0xff, 0xff, 0xff, 0xff]).is_none());
        // A text is a string in every serde format: a number is refused.
        assert!(serde_json::from_str::<Text>("3").is_err());
    }
}
