//! `tradeoff decide [SPECS]`: write each spec's decision record and the decision log.

use std::path::PathBuf;

use tradeoff_report::{write_index, write_record_in, RecordFolder, Templates, WriteOutcome};

use crate::cli::DecideArgs;
use crate::commands::score::no_survivors;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::pipeline::{self, display_path};
use crate::records;
use crate::ui::Ui;

pub fn run(args: &DecideArgs, ui: &Ui) -> CommandResult {
    let (specs, templates) = records::specs_and_templates(&args.specs, args.templates.as_deref())?;
    // Scanned once and kept current as records are written: per spec, a scan of every record
    // (and a rewrite of the index) made deciding 1,000 specs take over a minute.
    let mut folder = RecordFolder::scan(&args.out).map_err(Failure::bad_input)?;
    let decided = decide_each(&specs, &mut folder, &templates, ui);
    // Also after a failure, so records written before it are in the index; but a run that
    // failed before writing anything must not create the folder.
    if decided.is_ok() || args.out.is_dir() {
        let indexed = write_index(&args.out, &templates).map_err(Failure::bad_input);
        decided.and(indexed)?;
    } else {
        decided?;
    }
    Ok(Outcome::Success)
}

/// Writes each spec's record, stopping at the first spec that cannot be decided.
fn decide_each(specs: &[PathBuf], folder: &mut RecordFolder, templates: &Templates, ui: &Ui) -> Result<(), Failure> {
    for spec in specs {
        let loaded = pipeline::load_spec(spec)?;
        let evaluation = records::evaluation_of(&loaded);
        if evaluation.options.is_empty() {
            return Err(no_survivors(&loaded.display, &evaluation));
        }
        let outcome = write_record_in(
            folder,
            &loaded.plan,
            &evaluation,
            &records::recorded_spec_path(spec),
            &loaded.source,
            &records::versions_of(&evaluation),
            templates,
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
    Ok(())
}
