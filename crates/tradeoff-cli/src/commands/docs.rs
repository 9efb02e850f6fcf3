//! `tradeoff completions SHELL` and `tradeoff man`: generated from the clap definitions, so they
//! cannot drift from the real interface.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit::{CommandResult, Failure, Outcome};

pub fn completions(args: &CompletionsArgs) -> CommandResult {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "tradeoff", &mut out);
    write_stdout(&out)
}

/// The man page of `tradeoff`, then one page per subcommand (`tradeoff-decide(1)`, and
/// `tradeoff-catalog-import(1)` for nested ones), all in one roff stream: `man -l` shows them
/// in turn, and each page documents its own options.
pub fn man() -> CommandResult {
    let mut out = Vec::new();
    let mut command = Cli::command();
    command.build();
    render_pages(&command, "tradeoff", &mut out)?;
    write_stdout(&out)
}

fn render_pages(command: &clap::Command, name: &str, out: &mut Vec<u8>) -> Result<(), Failure> {
    let page = command.clone().name(name.to_owned());
    clap_mangen::Man::new(page).render(out).map_err(Failure::internal)?;
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        render_pages(sub, &format!("{name}-{}", sub.get_name()), out)?;
    }
    Ok(())
}

fn write_stdout(bytes: &[u8]) -> CommandResult {
    // Generated text is ASCII roff and shell script.
    crate::out::raw(&String::from_utf8_lossy(bytes))?;
    Ok(Outcome::Success)
}
