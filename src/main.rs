use clap::Parser;
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = qyx::cli::Cli::parse();
    let (mut out, mut err) = (io::stdout().lock(), io::stderr().lock());
    match qyx::run(cli, &mut out, &mut err) {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "qyx: error: {e:#}");
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
