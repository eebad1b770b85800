//! The language qyx speaks: every diagnostic, error and help text exists in Chinese and English,
//! and this module decides which one a run prints.
//!
//! # Which language
//! Resolved once, before the command line is parsed (help text needs it):
//! 1. `--lang zh|en` (a global flag, before or after the subcommand);
//! 2. otherwise the locale: the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX order).
//!    A value starting with `zh` (`zh_CN.UTF-8`, `zh_TW`, `zh`) means Chinese, any other value
//!    (`C`, `POSIX`, `en_US.UTF-8`, `de_DE`) means English;
//! 3. no locale variable at all means Chinese: qyx's users are Chinese-speaking clerks, and
//!    Windows, where most of them work, sets none of these variables.
//!
//! Tables quote the plans, which are Chinese; they switch to English only with an explicit
//! `--lang en`, never because of the locale (see [`crate::cli::Global::table_lang`]).
//!
//! # Adding a message
//! Write both texts at the place the message is made, Chinese first, with [`tr!`](crate::tr):
//! ```ignore
//! Diagnostic::error(file, line, col, tr!("未知指标 `{id}`{hint}", "unknown indicator `{id}`{hint}"));
//! anyhow::bail!(tr!("无法读取 {}", "cannot read {}", path.display()));
//! ```
//! `tr!` is `format!` twice: each text is checked against the arguments at compile time, and a
//! message with only one text does not compile. Values (file:line:col, numbers, names, `did you
//! mean` hints from [`crate::diag::suggestion`]) go in as arguments, so each language can put them
//! where its grammar wants them. Keep identifiers users type (flags, column names, `zh`, YAML
//! keys) untranslated inside backticks in both texts. For a text without arguments that must be
//! `&'static str`, use [`pick`]. Tests that assert English run with [`Lang::En`] (the default of
//! every thread until [`set`] is called, so in-process unit tests see English); end-to-end cases
//! run under `LC_ALL=C` (set in `tests/cli.rs` and `tests/common`) and say `--lang zh` to see
//! Chinese.

pub(crate) use crate::cli::Lang;
use std::cell::Cell;

thread_local! {
    /// Per thread, so that parallel in-process tests cannot change each other's language.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language messages are printed in on this thread.
pub(crate) fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language of messages on this thread (the binary calls it once, before parsing).
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// An error and its causes as `{:#}` prints them (`outer: inner`), I/O causes said by [`io_error`].
pub fn error_chain(e: &anyhow::Error) -> String {
    e.chain()
        .map(|c| match c.downcast_ref::<std::io::Error>() {
            Some(io) => io_error(io),
            None => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// `qyx: error` / `qyx: 错误`, the start of a message about the run rather than a place in a file.
pub(crate) fn qyx_error() -> &'static str {
    pick("qyx: 错误", "qyx: error")
}

/// One of two static texts, by the current language.
pub(crate) fn pick(zh: &'static str, en: &'static str) -> &'static str {
    match current() {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// An I/O error as the user should read it: the operating system's text is English, so under
/// Chinese the common kinds are said in Chinese (the OS text kept in brackets for anyone who
/// searches for it); other kinds keep the OS text.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    if current() == Lang::En {
        return e.to_string();
    }
    let zh = match e.kind() {
        NotFound => "文件或目录不存在",
        PermissionDenied => "没有权限",
        AlreadyExists => "文件已存在",
        IsADirectory => "这是一个目录，不是文件",
        NotADirectory => "不是目录",
        InvalidData => "数据无效",
        UnexpectedEof => "文件意外结束",
        OutOfMemory => "内存不足",
        StorageFull => "磁盘已满",
        ReadOnlyFilesystem => "文件系统只读",
        _ => return e.to_string(),
    };
    format!("{zh}（{e}）")
}

/// The language of a run: the `--lang` flag if given, else the locale read through `var`
/// (`std::env::var` in the binary; a table in tests).
pub fn resolve(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|v| !v.is_empty());
    match locale {
        None => Lang::Zh,
        Some(v) if v.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh")) => Lang::Zh,
        Some(_) => Lang::En,
    }
}

/// `--lang` as written on a command line, read before clap parses it so that help and clap's
/// own errors can be in that language. `None` when absent or not `zh`/`en` (clap then reports
/// the bad value itself). Arguments after `--` are operands, not flags.
pub fn flag_in_args<I, S>(args: I) -> Option<Lang>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut found = None;
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        let a = a.as_ref().to_str().unwrap_or("");
        let value = if a == "--" {
            break;
        } else if a == "--lang" {
            args.next()
                .map(|v| v.as_ref().to_str().unwrap_or("").to_string())
        } else if let Some(v) = a.strip_prefix("--lang=") {
            Some(v.to_string())
        } else {
            continue;
        };
        // The last one wins, as clap would take it.
        found = match value.as_deref() {
            Some("zh") => Some(Lang::Zh),
            Some("en") => Some(Lang::En),
            _ => None,
        };
    }
    found
}

/// A message in both languages: `tr!("中文 {x}", "English {x}", args…)` is `format!` of the
/// text for the current language. See the module documentation.
#[macro_export]
#[doc(hidden)]
macro_rules! tr {
    ($zh:literal, $en:literal $(,)?) => {
        match $crate::i18n::current() {
            $crate::cli::Lang::Zh => ::std::format!($zh),
            $crate::cli::Lang::En => ::std::format!($en),
        }
    };
    // Arguments as `format!` takes them, named ones (`b = x.y`) included.
    ($zh:literal, $en:literal, $($args:tt)+) => {
        match $crate::i18n::current() {
            $crate::cli::Lang::Zh => ::std::format!($zh, $($args)+),
            $crate::cli::Lang::En => ::std::format!($en, $($args)+),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_the_locale_in_posix_order() {
        use Lang::*;
        type Vars<'a> = &'a [(&'a str, &'a str)];
        let cases: &[(Option<Lang>, Vars, Lang)] = &[
            (Some(En), &[("LANG", "zh_CN.UTF-8")], En),
            (Some(Zh), &[("LC_ALL", "C")], Zh),
            (None, &[("LANG", "zh_CN.UTF-8")], Zh),
            (None, &[("LANG", "zh_TW.Big5")], Zh),
            (None, &[("LANG", "ZH_cn")], Zh),
            (None, &[("LANG", "en_US.UTF-8")], En),
            (None, &[("LANG", "C.UTF-8")], En),
            (None, &[("LANG", "POSIX")], En),
            (None, &[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "C")], En),
            (None, &[("LC_MESSAGES", "zh_CN"), ("LANG", "C")], Zh),
            (None, &[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN")], En),
            (None, &[("LC_ALL", ""), ("LANG", "en_GB")], En),
            (None, &[("LANG", "z")], En),
            (None, &[], Zh),
            (None, &[("LANG", "")], Zh),
        ];
        for (flag, vars, want) in cases {
            assert_eq!(resolve(*flag, env(vars)), *want, "{flag:?} {vars:?}");
        }
    }

    #[test]
    fn the_flag_is_found_anywhere_before_a_double_dash() {
        use Lang::*;
        let cases: &[(&[&str], Option<Lang>)] = &[
            (&["qyx", "--lang", "zh", "check"], Some(Zh)),
            (&["qyx", "check", "a.csv", "--lang=en"], Some(En)),
            (
                &["qyx", "--lang", "en", "show", "x", "--lang", "zh"],
                Some(Zh),
            ),
            (&["qyx", "--lang", "fr"], None),
            (&["qyx", "--lang"], None),
            (&["qyx", "--", "--lang", "en"], None),
            (&["qyx", "show", "zhuji"], None),
        ];
        for (args, want) in cases {
            assert_eq!(flag_in_args(*args), *want, "{args:?}");
        }
    }

    #[test]
    fn a_message_follows_the_language_of_its_thread() {
        let n = 3;
        set(Lang::Zh);
        assert_eq!(tr!("第{n}行", "line {n}"), "第3行");
        assert_eq!(pick("错误", "error"), "错误");
        set(Lang::En);
        assert_eq!(tr!("第{}行", "line {}", n), "line 3");
        assert_eq!(pick("错误", "error"), "error");
    }
}
