//! `tradeoff score SPEC`: evaluate a spec against the catalog and show the ranking.

use tradeoff_driver::score::{no_survivors, score};
use tradeoff_driver::WorkingTree;

use crate::cli::{ScoreArgs, TextOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Outcome};
use crate::ui::Ui;
use crate::views;

pub fn run(args: &ScoreArgs, ui: &Ui) -> CommandResult {
    let (loaded, evaluation) = score(&WorkingTree, &args.spec, args.stale_after)?;
    ui.detail(format!(
        "scored {} against catalog {}",
        loaded.display, evaluation.catalog_version
    ));
    if evaluation.options.is_empty() {
        return Err(no_survivors(&loaded.display, &evaluation));
    }
    match args.format {
        TextOrJson::Json => print_json(&evaluation)?,
        TextOrJson::Text => crate::out::view(&views::evaluation::render(&loaded.plan, &evaluation))?,
    }
    Ok(Outcome::Success)
}
