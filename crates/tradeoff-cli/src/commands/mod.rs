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
mod renumber;
pub mod score;

use crate::cli::Command;
use crate::exit::{CommandResult, Failure};
use crate::ui::Ui;

pub fn run(command: Command, ui: &Ui) -> CommandResult {
    match command {
        Command::Plan(args) => plan::run(&args, ui),
        Command::Score(args) => score::run(&args, ui),
        Command::Decide(args) => decide::run(&args, ui),
        Command::Check(args) => check::run(&args, ui),
        Command::Renumber(args) => renumber::run(&args, ui),
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
    crate::out::raw(&format!("{json}\n"))
}

/// What `decide` and `check` work on: the specs named, or the project's `specs/`; records in
/// `--out`, or the project's `reports/`. The project is found from the current folder upwards
/// (the nearest holding `specs/` or `.git`); `--verbose` says which.
fn records_request(
    specs: &[std::path::PathBuf],
    out: Option<&std::path::Path>,
    templates: Option<&std::path::Path>,
    ui: &Ui,
) -> tradeoff_driver::RecordsRequest {
    let root = tradeoff_driver::discover_root(std::path::Path::new(".")).unwrap_or_default();
    if specs.is_empty() || out.is_none() {
        let shown = if root.as_os_str().is_empty() {
            ".".into()
        } else {
            tradeoff_driver::display_path(&root)
        };
        ui.detail(format!("project root: {shown}"));
    }
    tradeoff_driver::RecordsRequest {
        specs: specs.to_vec(),
        out: out.map_or_else(|| root.join("reports"), std::path::Path::to_path_buf),
        templates: templates.map(std::path::Path::to_path_buf),
        overwrite_hand_edits: false,
        trust_seals: true,
    }
}

/// What a run that writes records says of the repairs it made first, so a record reported "up
/// to date" afterwards is not mistaken for one this run found untouched.
fn recovered_status(recovered: &tradeoff_driver::Recovered) -> String {
    let mut said = Vec::new();
    if !recovered.completed.is_empty() {
        let files: Vec<String> = recovered
            .completed
            .iter()
            .map(|p| tradeoff_driver::display_path(p))
            .collect();
        said.push(format!(
            "completed the write an earlier run left unfinished: {}",
            files.join(", ")
        ));
    }
    match recovered.removed_temporaries {
        0 => {}
        1 => said.push("removed a temporary file of a write an earlier run never committed".to_owned()),
        n => said.push(format!(
            "removed {n} temporary files of writes an earlier run never committed"
        )),
    }
    said.join("; ")
}
