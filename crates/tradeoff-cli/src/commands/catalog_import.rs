//! `tradeoff catalog import`: one driver call, then the overlay on stdout or a status line.

use tradeoff_core::catalog::import::{Importer, Options};
use tradeoff_driver::import::import;

use crate::cli::{ImportArgs, ImportKind};
use crate::exit::{CommandResult, Outcome};
use crate::ui::Ui;

pub fn run(args: ImportArgs, ui: &Ui) -> CommandResult {
    let importer = match args.kind {
        ImportKind::Techempower => Importer::Techempower,
        ImportKind::WebFrameworks => Importer::WebFrameworks,
        ImportKind::GithubRanking => Importer::GithubRanking,
    };
    let options = Options {
        source: args.source,
        round: args.round,
    };
    let imported = import(importer, &args.files, &options, args.out.as_deref())?;
    if imported.written {
        ui.status(format!(
            "wrote {}: {} figure(s) for {} framework(s)",
            imported.name, imported.figures, imported.frameworks
        ));
    } else {
        crate::out::raw(&imported.text)?;
    }
    Ok(Outcome::Success)
}
