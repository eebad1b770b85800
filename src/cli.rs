//! The command line: every subcommand, flag and its help text, in one place.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "qyx",
    version,
    about = crate::tr!(
        "分析浙江省公共服务“七优享”工程实施方案：校验计划编码，对照目标评判上报值，比较各地区计划。",
        "Analyse Zhejiang's 公共服务“七优享” plans: validate encodings, check reported values against targets, compare jurisdictions."
    )
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// The command line in the language of [`crate::i18n::current`]: what the binary parses with and
/// what `qyx completions` and `qyx man` describe.
pub fn command() -> clap::Command {
    let cmd = <Cli as clap::CommandFactory>::command();
    match crate::i18n::current() {
        Lang::En => cmd,
        Lang::Zh => {
            let mut cmd = cmd;
            // clap adds -h, -V and the `help` subcommand (in English) while building; build first
            // so there is something to translate.
            cmd.build();
            crate::clap_zh::command(cmd)
        }
    }
}

/// A parse error in the language of the run, for the binary to print before exiting with 2;
/// `None` when clap's own rendering is right (English, and help or version output).
pub fn error_text(e: &clap::Error) -> Option<String> {
    match crate::i18n::current() {
        Lang::En => None,
        Lang::Zh => crate::clap_zh::error(e),
    }
}

/// A line to add to clap's error where what was typed says what was meant: `--format xlsx` asks
/// for a workbook, which `-o report.xlsx` writes (`--format` chooses how a table is printed).
pub fn error_tip(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    let text = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    // A subcommand or a value typed in Chinese (`检查`, `--fail-on 未达标`): clap compares
    // letters and finds nothing near; the word's meaning names it.
    let valid: Vec<String> = match (e.kind(), e.get(ContextKind::ValidValue)) {
        (clap::error::ErrorKind::InvalidValue, Some(ContextValue::Strings(v))) => v.clone(),
        (clap::error::ErrorKind::InvalidSubcommand, _) => command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect(),
        _ => Vec::new(),
    };
    let typed = text(ContextKind::InvalidSubcommand).or_else(|| text(ContextKind::InvalidValue));
    if let Some(meant) = typed.and_then(|t| crate::diag::meant(t, valid.iter().map(String::as_str)))
    {
        return Some(crate::tr!(
            "提示: 是否想输入 '{meant}'？（命令和选项的取值用英文）\n",
            "tip: did you mean '{meant}'? (commands and option values are written in English)\n"
        ));
    }
    if e.kind() != clap::error::ErrorKind::InvalidValue {
        return None;
    }
    let arg = text(ContextKind::InvalidArg)?;
    let value = text(ContextKind::InvalidValue)?.trim().to_ascii_lowercase();
    let value = value.trim_start_matches('.');
    let file = match value {
        "xlsx" | "xls" | "excel" => "report.xlsx",
        "html" | "htm" | "pdf" => "report.html",
        _ => return None,
    };
    arg.starts_with("--format").then(|| {
        crate::tr!(
            "提示: --format 选择表格的打印方式；工作簿或网页请用 -o 写入文件，如 -o {file}\n",
            "tip: --format chooses how a table is printed; a workbook or a page is written to a file with -o, as -o {file}\n"
        )
    })
}

#[derive(Debug, Args)]
pub struct Global {
    #[arg(help = crate::tr!(
        "计划目录（默认：$QYX_PLANS，否则用 qyx 内置的计划）",
        "Plan directory (default: $QYX_PLANS, else the plans built into qyx)."
    ))]
    #[arg(long, global = true, value_name = "DIR")]
    pub plans: Option<PathBuf>,
    #[arg(help = crate::tr!(
        "表格中状态的颜色：`auto` 在终端上着色，设置了 NO_COLOR 时不着色",
        "Colour statuses in tables: `auto` colours a terminal unless NO_COLOR is set."
    ))]
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[arg(help = crate::tr!(
        "消息和帮助的语言（默认按区域设置 LC_ALL/LC_MESSAGES/LANG：zh* 或未设置为中文），以及表格的语言（默认中文，与计划原文一致）",
        "Language of messages and help (default: the locale LC_ALL/LC_MESSAGES/LANG; Chinese for zh* or none) and of tables (default: Chinese, as the plans print them)."
    ))]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

impl Global {
    /// Tables quote the plans, which are Chinese: English only when `--lang en` is given,
    /// whatever the locale (messages follow the locale; see [`crate::i18n`]).
    pub fn table_lang(&self) -> Lang {
        self.lang.unwrap_or(Lang::Zh)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour: `auto` means standard output is a terminal and NO_COLOR is unset or
    /// empty (no-color.org).
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = crate::tr!(
        "检查计划文件：格式、含义，以及（加 --sources 时）每条引文是否出自原文件",
        "Check plan files: schema, meaning, and (with --sources) every quote against its document."
    ))]
    Validate(ValidateArgs),
    #[command(about = crate::tr!(
        "按原文件的样式打印计划的指标表",
        "Print a plan's indicator table as the document would print it."
    ))]
    Show(ShowArgs),
    #[command(about = crate::tr!(
        "读取计划原文写法的目标，说明 qyx 如何理解",
        "Read targets as plans print them and say what qyx understood."
    ))]
    Parse(ParseArgs),
    #[command(about = crate::tr!(
        "对照计划评判上报的实际值，打印差距表",
        "Judge reported values (actuals) against the plans and print the gap table."
    ))]
    Check(crate::cmd::check::CheckArgs),
    #[command(about = crate::tr!(
        "生成某计划某年度的实际值填报表（CSV，或用 -o 写 .xlsx），供各部门填写",
        "Write the actuals sheet for a plan and year (CSV, or .xlsx with -o), for departments to fill in."
    ))]
    Template(crate::cmd::template::TemplateArgs),
    #[command(about = crate::tr!(
        "从文件正文起草计划：找出每个目标，并与指标目录匹配",
        "Draft a plan from a document's prose: every target found, matched to the catalog."
    ))]
    Extract(crate::cmd::extract::ExtractArgs),
    #[command(about = crate::tr!(
        "在共有指标上并列比较各地区的计划，统一单位",
        "Compare jurisdictions' plans side by side on the indicators they share, in one unit."
    ))]
    Compare(crate::cmd::compare::CompareArgs),
    #[command(about = crate::tr!(
        "为各计划排名（按目标）；加 --actuals 时为实绩排名（晾晒）：各地区或某地各牵头单位按应报目标绿灯占比排名",
        "Rank plans on an indicator (or every shared one), most ambitious first; with --actuals, rank results (晾晒): jurisdictions, or one's departments, by the share of due targets green."
    ))]
    Rank(crate::cmd::compare::RankArgs),
    #[command(about = crate::tr!(
        "打印 shell 补全脚本（bash、zsh、fish、elvish、powershell）",
        "Print a shell completion script (bash, zsh, fish, elvish, powershell)."
    ))]
    Completions(CompletionsArgs),
    #[command(about = crate::tr!(
        "打印手册页（roff 格式），供 `man -l` 使用或放入 man 目录",
        "Print the manual page (roff), for `man -l` or a man directory; with DIR, one page per subcommand."
    ))]
    Man(ManArgs),
    #[command(about = crate::tr!(
        "打印计划或指标目录格式的 JSON Schema",
        "Print the JSON Schema of the plan or catalog format."
    ))]
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[arg(help = crate::tr!(
        "计划文件或目录（默认：计划目录）",
        "Plan files or directories (default: the plan directory)."
    ))]
    pub paths: Vec<PathBuf>,
    #[arg(help = crate::tr!(
        "原文件目录：每条引文都必须出现在该目录下它所出自的文件中；可重复（或用 `,` 分隔）以依次查找多个目录",
        "Directory of source documents: every quote must appear in its document there. Repeat it (or separate directories with `,`) to search several, in order."
    ))]
    #[arg(long, value_name = "DIR", value_delimiter = ',')]
    pub sources: Vec<PathBuf>,
    #[arg(help = crate::tr!(
        "把警告也算作问题（退出码 1）",
        "Treat warnings as problems (exit 1)."
    ))]
    #[arg(long)]
    pub strict: bool,
    #[arg(help = crate::tr!(
        "`text`（文件:行:列: 消息）或 `json`",
        "`text` (file:line:col: message) or `json`."
    ))]
    #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
    pub format: DiagFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[arg(help = crate::tr!(
        "计划的 id 或名称（`zhuji`、`诸暨市`）",
        "Plan id or name (`zhuji`, `诸暨市`)."
    ))]
    pub plan: String,
    #[arg(help = crate::tr!("输出格式", "Output format."))]
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[arg(help = crate::tr!(
        "不打印表格，只统计指标、目标、里程碑和基础值的个数",
        "Counts of indicators, targets, milestones and baselines instead of the table."
    ))]
    #[arg(long)]
    pub summary: bool,
    #[arg(help = crate::tr!(
        "与 --summary 同用：统计原话能在此目录的原文件中找到的数字；可重复（或用 `,` 分隔）以依次查找多个目录",
        "With --summary: count the figures whose words are found in the source document here. Repeat it (or separate directories with `,`) to search several, in order."
    ))]
    #[arg(long, value_name = "DIR", value_delimiter = ',')]
    pub sources: Vec<PathBuf>,
    #[arg(help = crate::tr!(
        "只打印原文件表格中的行（不含正文中的目标）",
        "Only the rows printed in the document's table (no prose targets)."
    ))]
    #[arg(long)]
    pub table_only: bool,
    /// Filled from the global `--lang` ([`Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    #[arg(help = crate::tr!(
        "原文写法的目标：`≥85`、`达到5.55个以上`、`2—3个`、`/`",
        "Targets as printed: `≥85`, `达到5.55个以上`, `2—3个`, `/`."
    ))]
    #[arg(required = true)]
    pub text: Vec<String>,
    #[arg(help = crate::tr!(
        "`text` 或 `json`",
        "`text` or `json`."
    ))]
    #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
    pub format: DiagFormat,
    #[arg(help = crate::tr!(
        "只有数字时，哪个方向更好（默认：越高越好）",
        "Which direction is better, for a bare number (default: higher)."
    ))]
    #[arg(long, value_enum)]
    pub better: Option<BetterArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BetterArg {
    Higher,
    Lower,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(help = crate::tr!(
        "把每个子命令的手册页（qyx.1、qyx-check.1……）写入此目录，而非把 qyx.1 打印到标准输出",
        "Write one page per subcommand (qyx.1, qyx-check.1, …) into this directory instead of printing qyx.1."
    ))]
    #[arg(value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(help = crate::tr!("为哪种 shell 生成", "The shell to complete for."))]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[arg(help = crate::tr!(
        "哪种格式：plan（计划文件）或 catalog（指标目录）",
        "Which format: plan files or the catalog."
    ))]
    #[arg(value_enum, default_value_t = SchemaKind::Plan)]
    pub kind: SchemaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Plan,
    Catalog,
    /// `qyx check --format json`.
    Check,
    /// One line of `qyx check --format jsonl`: one judged row.
    CheckRow,
    /// `qyx compare --format json`.
    Compare,
    /// `qyx rank --format json`.
    Rank,
}

#[cfg(test)]
mod tests {
    /// clap's own consistency checks: argument names that clash, bad defaults.
    #[test]
    fn command_line_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }

    /// Under `--lang zh` every subcommand's about and every argument's help is Chinese: an
    /// argument added with only an English doc comment fails here.
    #[test]
    fn every_help_text_has_its_chinese() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let path = format!("{path} {}", cmd.get_name());
            if !cmd.get_about().is_some_and(|a| cjk(&a.to_string())) {
                missing.push(format!("{path}: about"));
            }
            for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                if !a.get_help().is_some_and(|h| cjk(&h.to_string())) {
                    missing.push(format!("{path} {}: help", a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, &path, missing);
            }
        }
        crate::i18n::set(super::Lang::Zh);
        let cmd = super::command();
        crate::i18n::set(super::Lang::En);
        let mut missing = Vec::new();
        walk(&cmd, "", &mut missing);
        assert!(
            missing.is_empty(),
            "no Chinese text (write it with tr!): {missing:#?}"
        );
    }
}
