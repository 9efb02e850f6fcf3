//! `tradeoff decide [SPECS]`: write each spec's decision record and the decision log.

use tradeoff_driver::decide::{decide, Decided, Progress};
use tradeoff_driver::{display_path, WorkingTree};
use tradeoff_report::WriteOutcome;

use crate::cli::DecideArgs;
use crate::exit::{CommandResult, Outcome};
use crate::ui::Ui;

pub fn run(args: &DecideArgs, ui: &Ui) -> CommandResult {
    let mut request = super::records_request(&args.specs, args.out.as_deref(), args.templates.as_deref(), ui);
    request.overwrite_hand_edits = args.force;
    decide(&WorkingTree, &request, &mut |progress| match progress {
        Progress::Recovered(recovered) => ui.status(super::recovered_status(recovered)),
        Progress::Decided(decided) => ui.status(status(decided)),
    })?;
    Ok(Outcome::Success)
}

/// Said even when nothing was written, so a run never looks like it did nothing.
fn status(Decided { outcome, winner }: &Decided) -> String {
    match outcome {
        WriteOutcome::Unchanged { path } => format!("{} is up to date (winner: {winner})", display_path(path)),
        WriteOutcome::Created { path } => format!("wrote {} (winner: {winner})", display_path(path)),
        WriteOutcome::Revised { path, revision } => format!(
            "revised {} to revision {revision} (winner: {winner})",
            display_path(path)
        ),
        WriteOutcome::Restored { path } => format!(
            "restored the page of {} (winner: {winner}); the record itself was current",
            display_path(path)
        ),
        WriteOutcome::Superseded { old, new } => format!(
            "wrote {} (winner: {winner}); it supersedes the accepted {}",
            display_path(new),
            display_path(old)
        ),
    }
}
