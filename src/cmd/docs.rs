//! `qyx completions SHELL` and `qyx man [DIR]`: generated from the command definition itself, so
//! they never drift from the parser. Completions also offer the plan ids of the plan directory
//! (`--plans`, `QYX_PLANS` or the built-in plans, read when the script is generated) wherever a
//! plan is asked for, and catalog ids where an indicator is; the parser still takes names too.

use crate::Outcome;
use crate::cli::{CompletionsArgs, ManArgs};
use crate::plan::load::PlanDir;
use std::io::Write;

/// The command line, with the plan and indicator ids as the values to complete.
fn with_ids(cmd: clap::Command, plans: &[String], indicators: &[String]) -> clap::Command {
    let values = |ids: &[String]| -> clap::builder::PossibleValuesParser {
        clap::builder::PossibleValuesParser::new(
            ids.iter()
                .map(|s| clap::builder::PossibleValue::new(s.clone())),
        )
    };
    let (p, i) = (values(plans), values(indicators));
    cmd.mut_subcommand("check", |s| {
        s.mut_arg("jurisdiction", |a| a.value_parser(p.clone()))
    })
    .mut_subcommand("show", |s| s.mut_arg("plan", |a| a.value_parser(p.clone())))
    .mut_subcommand("template", |s| {
        s.mut_arg("plan", |a| a.value_parser(p.clone()))
    })
    .mut_subcommand("compare", |s| {
        s.mut_arg("jurisdictions", |a| a.value_parser(p.clone()))
    })
    .mut_subcommand("rank", |s| {
        s.mut_arg("indicator", |a| a.value_parser(i.clone()))
    })
}

pub(crate) fn completions(
    a: &CompletionsArgs,
    dir: &PlanDir,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let (set, _) = crate::plan::PlanSet::load_cached(dir, crate::plan::Need::Targets);
    let (plans, indicators): (Vec<String>, Vec<String>) = match &set {
        Some(s) => (
            s.ids().into_iter().map(str::to_string).collect(),
            s.catalog
                .entries
                .iter()
                .map(|e| e.id.value.clone())
                .collect(),
        ),
        // Without readable plans the script still completes every subcommand and option.
        None => (Vec::new(), Vec::new()),
    };
    let mut cmd = crate::cli::command();
    if !plans.is_empty() {
        cmd = with_ids(cmd, &plans, &indicators);
    }
    clap_complete::generate(a.shell, &mut cmd, "qyx", out);
    // clap_complete's fish script completes options' values but not positional ones: add them.
    if a.shell == clap_complete::Shell::Fish {
        for (sub, ids) in [
            ("show", &plans),
            ("template", &plans),
            ("compare", &plans),
            ("rank", &indicators),
        ] {
            if !ids.is_empty() {
                writeln!(
                    out,
                    "complete -c qyx -n \"__fish_qyx_using_subcommand {sub}\" -f -a \"{}\"",
                    ids.join(" ")
                )?;
            }
        }
    }
    Ok(Outcome::Clean)
}

/// The exit codes, the same for every command.
const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Clean: everything checked is fine (every judged target met or on track and none doubtful, every plan valid).
.TP
\fB1\fR
Findings: the run worked and found problems (a target not met or behind, or a doubtful row, as \fB\-\-fail\-on\fR chooses (default behind,doubtful), a red light, a plan error, a missing report).
.TP
\fB2\fR
Bad input, or a run that could not complete; what was readable was still processed and reported.
"#;

/// One page: the command's own sections, its exit codes, then version and authors.
fn page(cmd: clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.version(env!("CARGO_PKG_VERSION")));
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    man.render_subcommands_section(&mut buf)?;
    man.render_extra_section(&mut buf)?;
    buf.extend_from_slice(EXIT_STATUS.as_bytes());
    man.render_version_section(&mut buf)?;
    out.write_all(&buf)
}

pub(crate) fn man(
    a: &ManArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let mut root = crate::cli::command();
    root.build();
    let Some(dir) = &a.dir else {
        page(root, out)?;
        return Ok(Outcome::Clean);
    };
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    let mut write = |name: String, cmd: clap::Command| -> anyhow::Result<()> {
        let path = dir.join(format!("{name}.1"));
        let mut f = std::fs::File::create(&path)?;
        page(cmd, &mut f)?;
        written.push(path);
        Ok(())
    };
    for sub in root.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let name = format!("qyx-{}", sub.get_name());
        write(
            name.clone(),
            sub.clone()
                .name(name)
                .bin_name(format!("qyx {}", sub.get_name())),
        )?;
    }
    write("qyx".into(), root.clone())?;
    for p in &written {
        writeln!(err, "{}", p.display())?;
    }
    Ok(Outcome::Clean)
}
