//! `tradeoff score SPEC`: evaluate a spec against the catalog and show the ranking.

use tradeoff_core::scoring::{evaluate, Settings};

use crate::cli::{ScoreArgs, TextOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Outcome};
use crate::pipeline;
use crate::ui::Ui;
use crate::views;

pub fn run(args: &ScoreArgs, ui: &Ui) -> CommandResult {
    let loaded = pipeline::load_spec(&args.spec)?;
    let settings = Settings {
        stale_after_months: args.stale_after,
        ..Settings::default()
    };
    let evaluation = evaluate(&loaded.plan, &loaded.catalog, &settings);
    ui.detail(format!(
        "scored {} against catalog {}",
        loaded.display, evaluation.catalog_version
    ));
    match args.format {
        TextOrJson::Json => print_json(&evaluation)?,
        TextOrJson::Text => print!("{}", views::evaluation::render(&loaded.plan, &evaluation)),
    }
    Ok(Outcome::Success)
}
