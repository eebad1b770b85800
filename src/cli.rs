//! The command line: every subcommand, flag and its help text, in one place.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "qyx",
    version,
    about = "Analyse Zhejiang's 公共服务“七优享” plans: validate encodings, check reported values against targets, compare jurisdictions."
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
    <Cli as clap::CommandFactory>::command()
}

#[derive(Debug, Args)]
pub struct Global {
    /// Plan directory (default: $QYX_PLANS, else the plans built into qyx).
    #[arg(long, global = true, value_name = "DIR")]
    pub plans: Option<PathBuf>,
    /// Colour statuses in tables: `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Language of messages and help (default: the locale, Chinese under zh*) and of tables
    /// (default: Chinese, as the plans print them).
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
    /// Check plan files: schema, meaning, and (with --sources) every quote against its document.
    Validate(ValidateArgs),
    /// Print a plan's indicator table as the document would print it.
    Show(ShowArgs),
    /// Read targets as plans print them and say what qyx understood.
    Parse(ParseArgs),
    /// Judge reported values (actuals) against the plans and print the gap table.
    Check(crate::cmd::check::CheckArgs),
    /// Write the actuals sheet for a plan and year (CSV, or .xlsx with -o), for departments to fill in.
    Template(crate::cmd::template::TemplateArgs),
    /// Draft a plan from a document's prose: every target found, matched to the catalog.
    Extract(crate::cmd::extract::ExtractArgs),
    /// Compare jurisdictions' plans side by side on the indicators they share, in one unit.
    Compare(crate::cmd::compare::CompareArgs),
    /// Rank the plans on an indicator (or on every shared one), most ambitious first.
    Rank(crate::cmd::compare::RankArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man -l` or a man directory.
    Man,
    /// Print the JSON Schema of the plan or catalog format.
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Plan files or directories (default: the plan directory).
    pub paths: Vec<PathBuf>,
    /// Directory of source documents: every quote must appear in its document there.
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Treat warnings as problems (exit 1).
    #[arg(long)]
    pub strict: bool,
    /// `text` (file:line:col: message) or `json`.
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
    /// Plan id or name (`zhuji`, `诸暨市`).
    pub plan: String,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Counts of indicators, targets, milestones and baselines instead of the table.
    #[arg(long)]
    pub summary: bool,
    /// With --summary: count the figures whose words are found in the source document here.
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Only the rows printed in the document's table (no prose targets).
    #[arg(long)]
    pub table_only: bool,
    /// Filled from the global `--lang` ([`Global::table_lang`]).
    #[arg(skip)]
    pub lang: Lang,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Targets as printed: `≥85`, `达到5.55个以上`, `2—3个`, `/`.
    #[arg(required = true)]
    pub text: Vec<String>,
    /// `text` or `json`.
    #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
    pub format: DiagFormat,
    /// Which direction is better, for a bare number.
    #[arg(long, value_enum, default_value_t = BetterArg::Higher)]
    pub better: BetterArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BetterArg {
    Higher,
    Lower,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[arg(value_enum, default_value_t = SchemaKind::Plan)]
    pub kind: SchemaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Plan,
    Catalog,
}

#[cfg(test)]
mod tests {
    /// clap's own consistency checks: argument names that clash, bad defaults.
    #[test]
    fn command_line_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
