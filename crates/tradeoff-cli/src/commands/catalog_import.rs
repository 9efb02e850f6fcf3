//! `tradeoff catalog import`: read the files, let core build the overlay, check it loads like
//! any catalog file, then print or write it. Nothing is written unless everything passed.

use tradeoff_core::catalog::import::{self, Entries, Importer, Input, Options};

use crate::cli::{ImportArgs, ImportKind};
use crate::exit::{CommandResult, Failure, Outcome};
use crate::files;
use crate::pipeline::{self, display_path};
use crate::ui::Ui;

pub fn run(args: ImportArgs, ui: &Ui) -> CommandResult {
    let importer = match args.kind {
        ImportKind::Techempower => Importer::Techempower,
        ImportKind::WebFrameworks => Importer::WebFrameworks,
        ImportKind::GithubRanking => Importer::GithubRanking,
    };
    let mut inputs = Vec::new();
    for path in &args.files {
        inputs.push(Input {
            name: display_path(path),
            text: files::read_text(path)?,
        });
    }
    let options = Options {
        source: args.source,
        round: args.round,
    };
    let overlay = import::import(importer, &inputs, &options, &Entries::builtin()).map_err(Failure::bad_input)?;
    let text = import::render(&overlay).map_err(Failure::internal)?;
    let name = args
        .out
        .as_deref()
        .map_or_else(|| "overlay.toml".to_string(), display_path);
    // The overlay must load as a catalog file; if it does not, the importer is wrong.
    tradeoff_core::catalog::check_files(&[(name.clone(), text.clone())], pipeline::today())
        .map_err(Failure::internal)?;
    let figures: usize = overlay
        .frameworks
        .values()
        .map(|e| e.throughput.len() + e.load_test.len() + e.github.len())
        .sum();
    match &args.out {
        Some(path) => {
            tradeoff_report::write_atomic(path, &text).map_err(Failure::bad_input)?;
            ui.status(format!(
                "wrote {name}: {figures} figure(s) for {} framework(s)",
                overlay.frameworks.len()
            ));
        }
        None => print!("{text}"),
    }
    Ok(Outcome::Success)
}
