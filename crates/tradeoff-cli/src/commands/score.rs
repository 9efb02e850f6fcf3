//! `tradeoff score SPEC`: evaluate a spec against the catalog and show the ranking.

use crate::cli::{ScoreArgs, TextOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::pipeline;
use crate::ui::Ui;
use crate::views;

pub fn run(args: &ScoreArgs, ui: &Ui) -> CommandResult {
    let (loaded, evaluation) = pipeline::load_and_evaluate(&args.spec, args.stale_after, ui)?;
    if evaluation.options.is_empty() {
        return Err(no_survivors(&loaded.display, &evaluation));
    }
    match args.format {
        TextOrJson::Json => print_json(&evaluation)?,
        TextOrJson::Text => print!("{}", views::evaluation::render(&loaded.plan, &evaluation)),
    }
    Ok(Outcome::Success)
}

/// Nothing to decide between is a problem with the spec's constraints: bad input, exit 2.
pub fn no_survivors(display: &str, evaluation: &tradeoff_core::Evaluation) -> Failure {
    let message = evaluation
        .warnings
        .iter()
        .find(|w| w.code == "no-survivors")
        .map_or("no framework meets every hard constraint", |w| w.message.as_str());
    Failure::bad_input_msg(format!(
        "{display}: {message}\nhelp: relax one of these requirements in the spec's `require` block"
    ))
}
