//! One module per subcommand; each returns an `Outcome` or a `Failure`.

mod catalog;
mod catalog_import;
mod check;
mod decide;
mod diff;
mod docs;
mod explain;
mod fmt;
mod init;
mod lsp;
mod plan;
pub mod score;

use crate::cli::Command;
use crate::exit::{CommandResult, Failure};
use crate::ui::Ui;

pub fn run(command: Command, ui: &Ui) -> CommandResult {
    match command {
        Command::Plan(args) => plan::run(&args, ui),
        Command::Score(args) => score::run(&args, ui),
        Command::Decide(args) => decide::run(&args, ui),
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args, ui),
        Command::Catalog(command) => catalog::run(command, ui),
        Command::Explain(args) => explain::run(&args, ui),
        Command::Diff(args) => diff::run(&args, ui),
        Command::Init(args) => init::run(&args, ui),
        Command::Completions(args) => docs::completions(&args),
        Command::Man => docs::man(),
        Command::Lsp => lsp::run(),
    }
}

/// Serializes a value as pretty JSON with a trailing newline.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let json = serde_json::to_string_pretty(value).map_err(Failure::internal)?;
    println!("{json}");
    Ok(())
}
