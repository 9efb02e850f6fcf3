//! `decide`: write each spec's decision record, then the decision log.

use std::path::PathBuf;

use tradeoff_report::{write_index, write_record_in, RecordFolder, RecordInputs, Templates, WriteOutcome};

use crate::records::{evaluation_of, recorded_spec_path, versions_of, RecordsRequest};
use crate::score::no_survivors;
use crate::sources::Sources;
use crate::{spec, Failure};

/// One record written (or found up to date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub outcome: WriteOutcome,
    /// The winner's display name.
    pub winner: String,
}

/// Writes the record of every spec of `request`, in path order, stopping at the first spec that
/// cannot be decided; `on_decided` hears of each record as it is written. The decision log is
/// rewritten afterwards, also after a failure so records written before it are listed.
pub fn decide(
    sources: &dyn Sources,
    request: &RecordsRequest,
    on_decided: &mut dyn FnMut(&Decided),
) -> Result<(), Failure> {
    let (specs, templates) = request.specs_and_templates()?;
    // Scanned once and kept current as records are written: per spec, a scan of every record
    // (and a rewrite of the index) made deciding 1,000 specs take over a minute.
    let mut folder = RecordFolder::scan(&request.out).map_err(Failure::bad_input)?;
    let decided = decide_each(sources, &specs, &mut folder, &templates, on_decided);
    // A run that failed before writing anything must not create the folder.
    if decided.is_ok() || request.out.is_dir() {
        let indexed = write_index(&request.out, &templates).map_err(Failure::bad_input);
        decided.and(indexed)
    } else {
        decided
    }
}

fn decide_each(
    sources: &dyn Sources,
    specs: &[PathBuf],
    folder: &mut RecordFolder,
    templates: &Templates,
    on_decided: &mut dyn FnMut(&Decided),
) -> Result<(), Failure> {
    for spec in specs {
        let loaded = spec::load(sources, spec)?;
        let evaluation = evaluation_of(&loaded);
        if evaluation.options.is_empty() {
            return Err(no_survivors(&loaded.display, &evaluation));
        }
        let outcome = write_record_in(
            folder,
            &RecordInputs {
                plan: &loaded.plan,
                evaluation: &evaluation,
                spec_path: &recorded_spec_path(spec),
                spec_text: &loaded.source,
                versions: &versions_of(&evaluation),
            },
            templates,
        )
        .map_err(Failure::bad_input)?;
        let winner = evaluation.winner().map_or("nothing", |w| w.name.as_str()).to_owned();
        on_decided(&Decided { outcome, winner });
    }
    Ok(())
}
