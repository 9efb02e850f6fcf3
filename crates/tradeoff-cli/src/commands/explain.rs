//! `tradeoff explain SPEC FRAMEWORK`: why one framework got its scores, or why it was eliminated.

use tradeoff_core::explain::{explain as explanation_of, known_ids};
use tradeoff_driver::catalog::unknown_framework;
use tradeoff_driver::score::score;
use tradeoff_driver::WorkingTree;

use crate::cli::{ExplainArgs, TextOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Outcome};
use crate::ui::Ui;
use crate::views::explain;

pub fn run(args: &ExplainArgs, ui: &Ui) -> CommandResult {
    let (loaded, evaluation) = score(&WorkingTree, &args.spec, args.stale_after)?;
    ui.detail(format!(
        "scored {} against catalog {}",
        loaded.display, evaluation.catalog_version
    ));
    let explanation = explanation_of(&evaluation, &args.framework)
        .ok_or_else(|| unknown_framework(&args.framework, &known_ids(&evaluation)))?;
    match args.format {
        TextOrJson::Json => print_json(&explanation)?,
        TextOrJson::Text => crate::out::view(&explain::render(&explanation, &loaded.plan.id))?,
    }
    Ok(Outcome::Success)
}
