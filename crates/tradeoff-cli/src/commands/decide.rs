//! `tradeoff decide [SPECS]`: write each spec's decision record and the decision log.

use tradeoff_report::{write_index, write_record, WriteOutcome};

use crate::cli::DecideArgs;
use crate::commands::score::no_survivors;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::pipeline::{self, display_path};
use crate::records;
use crate::ui::Ui;

pub fn run(args: &DecideArgs, ui: &Ui) -> CommandResult {
    let (specs, templates) = records::specs_and_templates(&args.specs, args.templates.as_deref())?;
    for spec in &specs {
        let loaded = pipeline::load_spec(spec)?;
        let evaluation = records::evaluation_of(&loaded);
        if evaluation.options.is_empty() {
            return Err(no_survivors(&loaded.display, &evaluation));
        }
        let outcome = write_record(
            &args.out,
            &loaded.plan,
            &evaluation,
            &records::recorded_spec_path(spec),
            &loaded.source,
            &records::versions_of(&evaluation),
            &templates,
        )
        .map_err(Failure::bad_input)?;
        let winner = evaluation.winner().map_or("nothing", |w| w.name.as_str());
        match outcome {
            // Said even when nothing was written, so a run never looks like it did nothing.
            WriteOutcome::Unchanged { path } => {
                ui.status(format!("{} is up to date (winner: {winner})", display_path(&path)))
            }
            WriteOutcome::Created { path } => ui.status(format!("wrote {} (winner: {winner})", display_path(&path))),
            WriteOutcome::Revised { path, revision } => ui.status(format!(
                "revised {} to revision {revision} (winner: {winner})",
                display_path(&path)
            )),
            WriteOutcome::Superseded { old, new } => ui.status(format!(
                "wrote {} (winner: {winner}); it supersedes the accepted {}",
                display_path(&new),
                display_path(&old)
            )),
        }
    }
    write_index(&args.out, &templates).map_err(Failure::bad_input)?;
    Ok(Outcome::Success)
}
