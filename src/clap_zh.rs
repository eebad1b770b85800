//! clap's own words in Chinese: the headings and `-h`/`-V`/`help` texts it adds to every command,
//! `[default: …]` and `[possible values: …]`, and its parse errors. Our help texts are already
//! bilingual (`tr!` in the `#[arg]`/`#[command]` attributes); clap itself speaks only English, so
//! under `--lang zh` this module rewrites what it would print.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

/// `cmd` and every subcommand with clap's words in Chinese. `cmd` must be built, so that the
/// `-h`, `-V` and `help` clap adds are there to translate.
pub(crate) fn command(cmd: Command) -> Command {
    let has = |cmd: &Command, id: &str| cmd.get_arguments().any(|a| a.get_id() == id);
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .mut_args(arg);
    if has(&cmd, "help") {
        cmd = cmd.mut_arg("help", |a| a.help("显示帮助").long_help(None::<&str>));
    }
    if has(&cmd, "version") {
        cmd = cmd.mut_arg("version", |a| a.help("显示版本"));
    }
    if cmd.get_name() == "help" {
        cmd = cmd.about("显示本帮助或所给子命令的帮助");
        if has(&cmd, "subcommand") {
            cmd = cmd.mut_arg("subcommand", |a| a.help("显示这些子命令的帮助"));
        }
    }
    cmd.mut_subcommands(command)
}

/// One argument: its heading, and its default and possible values said in Chinese (clap's own
/// `[default: …]` and `[possible values: …]` hidden).
fn arg(a: Arg) -> Arg {
    let heading = if a.is_positional() {
        "参数"
    } else {
        "选项"
    };
    let a = a.help_heading(heading);
    if !a.get_action().takes_values() || a.is_hide_set() {
        return a;
    }
    let text = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let defaults: Vec<String> = if a.is_hide_default_value_set() {
        Vec::new()
    } else {
        a.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    };
    let values: Vec<_> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    if defaults.is_empty() && values.is_empty() {
        return a;
    }
    let default = (!defaults.is_empty()).then(|| format!("[默认: {}]", defaults.join(", ")));
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let short = [
        Some(text.clone()).filter(|t| !t.is_empty()),
        default.clone(),
        (!names.is_empty()).then(|| format!("[可选: {}]", names.join(", "))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    // As clap does: values that have their own help are listed one a line in `--help`.
    let long = values.iter().any(|v| v.get_help().is_some()).then(|| {
        let mut s = format!("{text}\n\n可选值:");
        for v in &values {
            match v.get_help() {
                Some(h) => s.push_str(&format!("\n- {}: {h}", v.get_name())),
                None => s.push_str(&format!("\n- {}", v.get_name())),
            }
        }
        if let Some(d) = &default {
            s.push_str(&format!("\n\n{d}"));
        }
        s
    });
    let a = match long {
        Some(l) => a.long_help(l),
        None => a,
    };
    a.help(short)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// A parse error as clap would print it, in Chinese; `None` for help and version output (already
/// Chinese) and for the rare kinds not translated, which clap then prints itself.
pub(crate) fn error(e: &clap::Error) -> Option<String> {
    let s = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let list = |k| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let n = |k| match e.get(k) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let quoted = |v: &[String]| {
        v.iter()
            .map(|x| format!("'{x}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let arg = s(ContextKind::InvalidArg);
    let value = s(ContextKind::InvalidValue);
    let mut msg = match e.kind() {
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let mut m = if value.is_empty() {
                format!("'{arg}' 需要一个值，但没有给出")
            } else {
                format!("'{arg}' 的值 '{value}' 无效")
            };
            let valid = list(ContextKind::ValidValue);
            if !valid.is_empty() {
                m.push_str(&format!("\n  [可选值: {}]", valid.join(", ")));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let (arg, value) = (arg?, value?);
            let mut m = format!("'{arg}' 的值 '{value}' 无效");
            if let Some(source) = std::error::Error::source(e) {
                let why = source.to_string();
                // The number parsers' reasons come from std, in English.
                let why = match why.as_str() {
                    "invalid digit found in string" => "应为整数".to_string(),
                    "number too large to fit in target type" => "数字太大".to_string(),
                    "number too small to fit in target type" => "数字太小".to_string(),
                    "cannot parse integer from empty string" => "不能为空".to_string(),
                    _ => why,
                };
                m.push_str(&format!(": {why}"));
            }
            m
        }
        ErrorKind::InvalidSubcommand => {
            format!("无法识别的子命令 '{}'", s(ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::UnknownArgument => format!("意外的参数 '{}'", arg?),
        ErrorKind::MissingRequiredArgument => {
            let mut m = "缺少以下必需的参数:".to_string();
            for a in list(ContextKind::InvalidArg) {
                m.push_str(&format!("\n  {a}"));
            }
            m
        }
        ErrorKind::MissingSubcommand => {
            let mut m = format!(
                "'{}' 需要一个子命令，但没有给出",
                s(ContextKind::InvalidSubcommand)?
            );
            let valid = list(ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                m.push_str(&format!("\n  [子命令: {}]", valid.join(", ")));
            }
            m
        }
        ErrorKind::TooManyValues => format!("'{}' 的值 '{}' 是多余的", arg?, value?),
        ErrorKind::TooFewValues => format!(
            "'{}' 至少需要 {} 个值，只给了 {} 个",
            arg?,
            n(ContextKind::MinValues)?,
            n(ContextKind::ActualNumValues)?
        ),
        ErrorKind::WrongNumberOfValues => format!(
            "'{}' 需要 {} 个值，给了 {} 个",
            arg?,
            n(ContextKind::ExpectedNumValues)?,
            n(ContextKind::ActualNumValues)?
        ),
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            let prior = list(ContextKind::PriorArg);
            if prior == [arg.clone()] {
                format!("参数 '{arg}' 不能重复使用")
            } else if prior.is_empty() {
                format!("参数 '{arg}' 不能与其他参数同时使用")
            } else {
                format!("参数 '{arg}' 不能与 {} 同时使用", quoted(&prior))
            }
        }
        ErrorKind::NoEquals => format!("给 '{}' 赋值时需要等号", arg?),
        _ => return None,
    };
    msg.insert_str(0, "错误: ");
    let mut tips = Vec::new();
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "子命令"),
        (ContextKind::SuggestedArg, "参数"),
        (ContextKind::SuggestedValue, "值"),
    ] {
        match list(kind).as_slice() {
            [] => {}
            [one] => tips.push(format!("是否想输入 '{one}'？")),
            many => tips.push(format!("相近的{what}: {}", quoted(many))),
        }
    }
    if let Some(ContextValue::StyledStrs(more)) = e.get(ContextKind::Suggested) {
        tips.extend(more.iter().map(|t| tip(&t.to_string())));
    }
    if !tips.is_empty() {
        msg.push('\n');
        for t in tips {
            msg.push_str(&format!("\n  提示: {t}"));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage);
        msg.push_str(&format!("\n\n用法:{usage}"));
    }
    msg.push_str("\n\n更多信息请运行 '--help'。\n");
    Some(msg)
}

/// clap's tips that are worth translating; others pass through as clap wrote them.
fn tip(t: &str) -> String {
    // "to pass '-x' as a value, use '-- -x'"
    if let Some(rest) = t.strip_prefix("to pass '")
        && let Some((arg, fix)) = rest.split_once("' as a value, use '")
    {
        return format!("要把 '{arg}' 作为值传入，请写 '{}", fix);
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_error(args: &[&str]) -> String {
        let cmd = {
            let mut c = <crate::cli::Cli as clap::CommandFactory>::command();
            c.build();
            command(c)
        };
        let e = cmd.try_get_matches_from(args).unwrap_err();
        error(&e).unwrap_or_else(|| panic!("{:?} not translated", e.kind()))
    }

    #[test]
    fn parse_errors_are_chinese() {
        let cases: &[(&[&str], &str)] = &[
            (&["qyx", "chekc"], "错误: 无法识别的子命令 'chekc'"),
            (
                &["qyx", "check", "a.csv", "--format", "x"],
                "错误: '--format <FORMAT>' 的值 'x' 无效\n  [可选值: table, csv, json, jsonl, markdown]",
            ),
            (
                &["qyx", "check", "a.csv", "--year", "x"],
                "错误: '--year <YEAR>' 的值 'x' 无效: ",
            ),
            (
                &["qyx", "check", "a.csv", "--bogus"],
                "错误: 意外的参数 '--bogus'",
            ),
            (&["qyx", "check"], "错误: 缺少以下必需的参数:\n  <ACTUALS>"),
            (
                &["qyx", "compare", "zhuji"],
                "错误: '<PLAN> <PLAN>...' 至少需要 2 个值，只给了 1 个",
            ),
            (
                &["qyx", "check", "a.csv", "--year", "2024", "--year", "2025"],
                "错误: 参数 '--year <YEAR>' 不能重复使用",
            ),
        ];
        for (args, want) in cases {
            let got = parse_error(args);
            assert!(got.starts_with(want), "{args:?}:\n{got}");
            assert!(got.ends_with("更多信息请运行 '--help'。\n"), "{got}");
            assert!(!got.contains("Usage"), "{got}");
        }
        assert!(parse_error(&["qyx", "chekc"]).contains("提示: 相近的子命令: 'schema', 'check'"));
    }
}
