use clap::FromArgMatches;
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The language first: help text and clap's errors are made while parsing.
    let lang = qyx::i18n::resolve(qyx::i18n::flag_in_args(std::env::args_os()), |k| {
        std::env::var(k).ok()
    });
    qyx::i18n::set(lang);
    let cli = match qyx::cli::command()
        .try_get_matches()
        .and_then(|m| qyx::cli::Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => {
            let tip = qyx::cli::error_tip(&e);
            match (qyx::cli::error_text(&e), tip) {
                (None, None) => e.exit(),
                (text, tip) => {
                    let text = text.unwrap_or_else(|| e.render().to_string());
                    let _ = write!(io::stderr(), "{text}{}", tip.unwrap_or_default());
                    return ExitCode::from(qyx::Outcome::BadInput as u8);
                }
            }
        }
    };
    let (mut out, mut err) = (io::stdout().lock(), io::stderr().lock());
    // The process ends when `run` returns: what a command built is not freed piece by piece.
    qyx::will_exit();
    match qyx::run(cli, &mut out, &mut err) {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let word = match lang {
                qyx::cli::Lang::Zh => "错误",
                qyx::cli::Lang::En => "error",
            };
            let _ = writeln!(err, "qyx: {word}: {}", qyx::i18n::error_chain(&e));
            ExitCode::from(qyx::Outcome::BadInput as u8)
        }
    }
}

/// `qyx show zhuji | head` closes the pipe early; that is not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
