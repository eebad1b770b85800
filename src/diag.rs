//! Problems found in input files, each tied to a file, line and column, collected rather than
//! thrown so that one run reports every problem it can find.

use serde::Serialize;
use std::fmt;

/// Problems listed one by one per run and per actuals file; the rest are counted, not kept. A
/// sheet of a million bad rows (the wrong file, a shifted column) would otherwise hold a million
/// messages in memory and print them all; the first thousand say what is wrong.
pub(crate) const MAX_LISTED: usize = 1000;

/// The problems found beyond [`MAX_LISTED`]: counted by kind, so that the exit code and the
/// count of bad rows stay exact.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unlisted {
    pub errors: usize,
    pub warnings: usize,
}

impl Unlisted {
    /// Keeps the first [`MAX_LISTED`] of `list` and counts the rest (cheap while under it).
    pub(crate) fn cap(&mut self, list: &mut Vec<Diagnostic>) {
        if list.len() > MAX_LISTED {
            for d in list.drain(MAX_LISTED..) {
                self.count(d.severity);
            }
        }
    }

    /// Counts one problem that is not kept.
    pub(crate) fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }

    pub(crate) fn add(&mut self, o: Unlisted) {
        self.errors += o.errors;
        self.warnings += o.warnings;
    }

    /// The line that says how many more there are, placed at `file`: a warning, so that it adds
    /// nothing to the count of bad rows (the unlisted errors are counted there themselves).
    pub(crate) fn note(&self, file: &str) -> Option<Diagnostic> {
        if self.errors + self.warnings == 0 {
            return None;
        }
        Some(Diagnostic::warning(
            file,
            0,
            0,
            crate::tr!(
                "另有 {} 个错误和 {} 个警告未逐条列出（每次最多列出 {MAX_LISTED} 条）: 请先改正以上问题再检查",
                "{} more errors and {} more warnings are not listed (at most {MAX_LISTED} are): fix the problems above and check again",
                self.errors,
                self.warnings
            ),
        ))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: u64,
    pub column: u64,
    /// The spreadsheet's sheet, when the file is a workbook: the place is then shown as
    /// `sheet!D7` (column letters, row number), as Excel names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column,
            sheet: None,
            message: message.into(),
        }
    }

    /// The same problem, placed in a spreadsheet's sheet.
    pub fn in_sheet(mut self, sheet: Option<&str>) -> Self {
        self.sheet = sheet.map(str::to_string);
        self
    }

    pub fn warning(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, message)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only the words are translated: `file:line:col: kind: message` stays the shape editors
        // and scripts read.
        let kind = match self.severity {
            Severity::Error => crate::i18n::pick("错误", "error"),
            Severity::Warning => crate::i18n::pick("警告", "warning"),
        };
        // A problem with the file as a whole has no line to point at.
        if self.line == 0 {
            return write!(f, "{}: {kind}: {}", self.file, self.message);
        }
        if let Some(sheet) = &self.sheet {
            return write!(
                f,
                "{}:{sheet}!{}{}: {kind}: {}",
                self.file,
                column_letters(self.column),
                self.line,
                self.message
            );
        }
        write!(
            f,
            "{}:{}:{}: {kind}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// A spreadsheet column's letters: 1 → A, 27 → AA, 16384 → XFD.
pub fn column_letters(mut column: u64) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = ((column - 1) % 26) as u8;
        letters.push(b'A' + rem);
        column = (column - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// How much of a user's text a message repeats: enough to recognise it, never a whole
/// pasted paragraph (a 700 000-character name must not come back as a 700 KB message).
pub const ECHO_CHARS: usize = 40;

/// `text` as a message quotes it: cut to [`ECHO_CHARS`] characters, saying how long it was.
pub fn echo(text: &str) -> String {
    let n = text.chars().count();
    if n <= ECHO_CHARS && !text.chars().any(unseen) {
        return text.to_string();
    }
    let head: String = text.chars().take(ECHO_CHARS).flat_map(shown).collect();
    if n <= ECHO_CHARS {
        return head;
    }
    crate::tr!("{head}…（共 {n} 个字符）", "{head}…({n} chars)")
}

/// A character that prints as nothing or moves the cursor: a NUL in a damaged file, a
/// zero-width space pasted from a web page. Echoed as it is, `诸暨市\u{200b}` would read as the
/// `诸暨市` it is said not to be.
fn unseen(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

/// A character of an echo, an unseen one as its code (`\u{0}`).
fn shown(c: char) -> impl Iterator<Item = char> {
    let escaped = unseen(c).then(|| c.escape_unicode());
    let plain = (!unseen(c)).then_some(c);
    escaped.into_iter().flatten().chain(plain)
}

/// Words longer than this get no "did you mean": no name is this long, and comparing a
/// pasted paragraph with every name would take minutes.
pub const MAX_SUGGEST_CHARS: usize = 100;

/// The nearest of `candidates` to `word`, if it is near enough to be what was meant.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if word.chars().nth(MAX_SUGGEST_CHARS).is_some() {
        return None;
    }
    let word = fold(word);
    let chinese = word.chars().any(is_han);
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let folded = fold(c);
        let score = strsim::normalized_damerau_levenshtein(&word, &folded);
        // A Chinese character carries a word's worth: one wrong character of two (`数剧`, typed
        // by its pinyin, for `数据`) or a name cut short (`幼有` for `幼有善育`) is near.
        let near = score >= 0.6
            || chinese
                && (strsim::damerau_levenshtein(&word, &folded) == 1
                    || word.chars().count() >= 2 && folded.starts_with(&word));
        if near && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// A CJK ideograph (the unified block and its first extension).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// A name as compared for "did you mean": full-width letters and digits (`ｃｈｉｌｄ`, typed with a
/// Chinese input method left in full-width mode) as ASCII, and case folded, so that
/// `Childcare-Inclusive-Share` finds `childcare-inclusive-share` and not whichever name happens to
/// share the most letters with its capitals.
pub(crate) fn fold(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many names an index scores fully; the rest are never compared character by character.
const CANDIDATES: usize = 16;
/// Longer words are cut to this many characters before looking them up, which bounds the work.
const MAX_QUERY_CHARS: usize = 64;

/// A did-you-mean over many names (a catalog's ids, names and aliases; thousands of plan ids):
/// names are indexed by their character bigrams once, a query counts shared bigrams to pick a
/// bounded list of [`CANDIDATES`], and only those are scored by edit distance. Scoring every
/// name would cost milliseconds per unknown word at province scale, on every bad row.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    names: Vec<String>,
    /// Each name's length in characters, counted once.
    lens: Vec<u32>,
    grams: std::collections::HashMap<(char, char), Vec<u32>>,
}

/// The character bigrams of a word, with its ends marked so that one-character words and first
/// and last characters count too.
fn bigrams(word: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let chars = std::iter::once('\u{2}')
        .chain(word.chars().take(MAX_QUERY_CHARS))
        .chain(std::iter::once('\u{3}'));
    chars.clone().zip(chars.skip(1))
}

impl NameIndex {
    pub(crate) fn new(names: impl IntoIterator<Item = String>) -> NameIndex {
        let mut index = NameIndex::default();
        for name in names {
            let i = index.names.len() as u32;
            let mut seen = std::collections::HashSet::new();
            for g in bigrams(&fold(&name)) {
                if seen.insert(g) {
                    index.grams.entry(g).or_default().push(i);
                }
            }
            index
                .lens
                .push(u32::try_from(name.chars().count()).unwrap_or(u32::MAX));
            index.names.push(name);
        }
        index
    }

    /// The nearest name, by the same measure and threshold as [`did_you_mean`], among the
    /// names sharing the most bigrams with `word`.
    pub(crate) fn nearest(&self, word: &str) -> Option<&str> {
        // Shared-bigram counts in a dense array, with the names touched listed: a common bigram
        // (`ru` of five thousand `ruian_…` ids) touches many names, and hashing each would cost
        // more than counting.
        let mut shared = vec![0u32; self.names.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let folded = fold(word);
        for g in bigrams(&folded) {
            if !seen.insert(g) {
                continue;
            }
            for &i in self.grams.get(&g).map_or(&[][..], Vec::as_slice) {
                if shared[i as usize] == 0 {
                    touched.push(i);
                }
                shared[i as usize] += 1;
            }
        }
        let len = u32::try_from(word.chars().count()).unwrap_or(u32::MAX);
        // Most shared bigrams first; among equals the closest length, then the earliest name,
        // so that the answer does not depend on hashing order. Only the best few are ordered.
        let key = |&i: &u32| {
            let n = shared[i as usize];
            (std::cmp::Reverse(n), len.abs_diff(self.lens[i as usize]), i)
        };
        if touched.len() > CANDIDATES {
            touched.select_nth_unstable_by_key(CANDIDATES, key);
            touched.truncate(CANDIDATES);
        }
        touched.sort_unstable();
        let word: String = word.chars().take(MAX_QUERY_CHARS).collect();
        did_you_mean(
            &word,
            touched.iter().map(|&i| self.names[i as usize].as_str()),
        )
    }
}

/// ` (did you mean `x`?)` / `（是否想输入 `x`？）`, or nothing.
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    hint(did_you_mean(word, candidates))
}

/// Words users type for a name qyx takes in English, in Chinese or as a near name edit distance
/// misses (it finds nothing near a Chinese word), and the name meant: subcommands and option
/// values (`检查` is `check`, `--fail-on 未达标` `not-met`, `--lang cn` `zh`), and the values of a
/// plan's fixed lists as documents print them (`level: 县` is `county`, `scope: 累计`
/// `cumulative`). One table for both, asked with the names valid where the word was typed
/// (see [`meant`]).
const MEANT: &[(&str, &[&str])] = &[
    // Subcommands.
    ("check", &["检查", "核查", "评判", "判断", "对照"]),
    ("validate", &["校验", "验证", "检验", "核验"]),
    ("compare", &["比较", "对比", "比对"]),
    ("rank", &["排名", "排行", "排序", "晾晒"]),
    ("template", &["模板", "模版", "填报模板"]),
    ("extract", &["提取", "抽取", "摘录"]),
    ("show", &["显示", "查看", "展示"]),
    ("parse", &["解析"]),
    // Option values: --fail-on, --format, --lang, --by, --sort.
    ("not-met", &["未达标", "不达标", "未完成"]),
    ("behind", &["滞后", "进度滞后", "落后"]),
    ("yellow", &["黄灯", "黄"]),
    ("red", &["红灯", "红"]),
    ("doubtful", &["存疑", "可疑"]),
    ("never", &["从不", "不失败"]),
    ("table", &["表格", "表"]),
    ("markdown", &["md"]),
    (
        "zh",
        &["cn", "chinese", "中文", "汉语", "简体", "zh-hans", "zh_cn"],
    ),
    (
        "en",
        &["english", "英文", "英语", "en-us", "en_us", "en-gb"],
    ),
    ("lead", &["牵头单位", "责任单位", "部门", "department"]),
    ("gap", &["差距"]),
    ("status", &["状态"]),
    // A plan's fixed lists.
    ("province", &["省"]),
    ("city", &["市", "地级市", "设区市"]),
    ("county", &["县"]),
    ("county-city", &["县级市"]),
    ("district", &["区", "市辖区"]),
    ("implementation", &["实施方案"]),
    ("work-points", &["工作要点"]),
    ("five-year-plan", &["规划", "五年规划"]),
    ("core", &["核心指标", "省定核心指标"]),
    ("observational", &["观察性指标", "探索和观察性指标"]),
    ("cumulative", &["累计"]),
    ("annual", &["每年"]),
    ("maintained", &["保持"]),
    ("average", &["平均", "平均值"]),
    ("total", &["合计", "总计"]),
    ("higher", &["越高越好"]),
    ("lower", &["越低越好"]),
    ("flow", &["增量"]),
    ("stock", &["存量"]),
    ("rate", &["比率"]),
    ("milestone", &["里程碑"]),
];

/// The name among `valid` that `typed` means by [`MEANT`] (letters compared without case), or
/// None: a word is offered only where its name is allowed.
pub(crate) fn meant<'v>(typed: &str, valid: impl IntoIterator<Item = &'v str>) -> Option<&'v str> {
    let t = typed.trim().to_lowercase();
    let named: Vec<&str> = MEANT
        .iter()
        .filter(|(_, words)| words.contains(&t.as_str()))
        .map(|(name, _)| *name)
        .collect();
    valid.into_iter().find(|v| named.contains(v))
}

/// ` (did you mean `x`?)` for a name found, e.g. by [`NameIndex::nearest`], or nothing.
pub(crate) fn hint(near: Option<&str>) -> String {
    near.map(|c| crate::tr!("（是否想输入 `{c}`？）", " (did you mean `{c}`?)"))
        .unwrap_or_default()
}

/// Why `path` cannot be read as a file, when it is neither a file nor a folder: a named pipe
/// (opening it waits for a writer, for ever), a device (`/dev/zero` never ends), a socket. Asked
/// of the path's metadata, which never blocks, before the file is opened.
pub(crate) fn not_a_file(path: &std::path::Path) -> Option<String> {
    let m = std::fs::metadata(path).ok()?;
    (!m.is_file() && !m.is_dir()).then(|| {
        crate::tr!(
            "不是普通文件（是设备、管道或套接字），不读取: 请给出已保存的文件；从标准输入读取请用 `-`",
            "not a regular file (a device, a pipe or a socket), not read: give a saved file; for standard input, use `-`"
        )
    })
}

/// For a file that is not there: ` (did you mean `dir/zhuji.yaml`?)` when its folder holds a
/// near name (a typo, `.xls` for `.xlsx`), looked for among the folder's first 1 000 entries.
pub(crate) fn near_file(path: &std::path::Path) -> String {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return String::new();
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return String::new();
    };
    let names: Vec<String> = entries
        .take(1000)
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    did_you_mean(name, names.iter().map(String::as_str))
        .map(|n| hint(Some(&path.with_file_name(n).display().to_string())))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_typed_for_a_name_where_it_is_valid() {
        let cli = ["check", "validate", "compare"];
        let levels = ["province", "city", "county", "county-city", "district"];
        let fail_on = ["behind", "not-met", "doubtful", "never"];
        for (typed, valid, want) in [
            ("检查", &cli[..], Some("check")),
            ("累计", &cli[..], None),
            ("县", &levels[..], Some("county")),
            ("县级市", &levels[..], Some("county-city")),
            ("县", &cli[..], None),
            (" 未达标 ", &fail_on[..], Some("not-met")),
            ("CN", &["zh", "en"][..], Some("zh")),
            ("check", &cli[..], None),
        ] {
            assert_eq!(meant(typed, valid.iter().copied()), want, "{typed}");
        }
    }

    #[test]
    fn names_in_capitals_or_full_width_find_their_own_id() {
        let ids = [
            "child-development-screening-rate",
            "childcare-inclusive-share",
        ];
        for typed in [
            "Childcare-Inclusive-Share",
            "ｃｈｉｌｄｃａｒｅ-inclusive-share",
        ] {
            assert_eq!(
                did_you_mean(typed, ids),
                Some("childcare-inclusive-share"),
                "{typed}"
            );
        }
        let index = NameIndex::new(ids.iter().map(|s| s.to_string()));
        assert_eq!(
            index.nearest("CHILDCARE-INCLUSIVE-SHARE"),
            Some("childcare-inclusive-share")
        );
    }

    #[test]
    fn echoes_show_what_prints_as_nothing() {
        assert_eq!(echo("84\u{0}.1"), "84\\u{0}.1");
        assert_eq!(echo("诸暨市\u{200b}"), "诸暨市\\u{200b}");
        assert_eq!(echo("诸暨市"), "诸暨市");
    }

    #[test]
    fn suggests_near_names_only() {
        let ids = ["unemployment-rate-urban-surveyed", "life-expectancy"];
        assert_eq!(
            did_you_mean("life-expectency", ids),
            Some("life-expectancy")
        );
        assert_eq!(did_you_mean("zzz", ids), None);
        assert_eq!(did_you_mean("诸暨", ["诸暨市", "瑞安市"]), Some("诸暨市"));
        assert_eq!(did_you_mean("数剧", ["填报说明", "数据"]), Some("数据"));
        assert_eq!(
            did_you_mean("幼有", ["学有优教", "幼有善育"]),
            Some("幼有善育")
        );
        assert_eq!(did_you_mean("数剧", ["指标", "地区"]), None);
        assert_eq!(did_you_mean(&"x".repeat(700_000), ["xx"]), None);
    }

    #[test]
    fn places_and_echoes() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(4), "D");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(16384), "XFD");
        let d = Diagnostic::error("a.xlsx", 7, 4, "x").in_sheet(Some("数据"));
        assert_eq!(d.to_string(), "a.xlsx:数据!D7: error: x");
        assert_eq!(echo("短"), "短");
        let long = "名".repeat(700_000);
        assert!(echo(&long).ends_with("…(700000 chars)"));
        assert!(echo(&long).chars().count() < 60);
    }

    #[test]
    fn an_index_finds_what_a_full_scan_finds_among_thousands() {
        let mut names: Vec<String> = (0..5000).map(|i| format!("ruian_{i:04}")).collect();
        names.push("life-expectancy".into());
        names.push("诸暨市".into());
        names.push("瑞安市".into());
        let index = NameIndex::new(names.clone());
        for word in [
            "ruian_0417",
            "ruian_417",
            "ruain_0417",
            "life-expectency",
            "诸暨",
            "瑞安",
        ] {
            assert_eq!(
                index.nearest(word),
                did_you_mean(word, names.iter().map(String::as_str)),
                "{word}"
            );
        }
        assert_eq!(index.nearest("zzz"), None);
        assert_eq!(index.nearest(""), None);
        // A very long word is cut, not scored in full.
        assert_eq!(index.nearest(&"市".repeat(100_000)), None);
    }
}
