//! `decide`: write each spec's decision record, then the decision log.

use std::path::PathBuf;

use tradeoff_report::{lock_folder, stage_record_in, RecordFolder, RecordInputs, Templates, WriteOutcome};

use crate::records::{evaluation_of, recorded_spec_path, versions_of, RecordsRequest};
use crate::score::no_survivors;
use crate::sources::Sources;
use crate::spec::Deciders;
use crate::{spec, Failure, Recovered};

/// One record written (or found up to date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub outcome: WriteOutcome,
    /// The winner's display name.
    pub winner: String,
}

/// What `decide` tells its caller as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Before anything else: an operation a killed or failed earlier run left unfinished was
    /// completed, or its temporary files removed.
    Recovered(Recovered),
    /// A record written (or found up to date).
    Decided(Decided),
}

/// Writes the record of every spec of `request`, in path order, stopping at the first spec that
/// cannot be decided; `on_progress` hears of what an earlier run left and was repaired, then of
/// each record once it is written. The decision log is rewritten afterwards, also after a
/// failure so records written before it are listed, in one operation with the last record (a
/// kill never leaves a record the log does not list).
///
/// The whole run holds the folder lock, and starts by completing whatever operation a killed
/// run left unfinished.
pub fn decide(
    sources: &dyn Sources,
    request: &RecordsRequest,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<(), Failure> {
    let (specs, templates) = request.specs_and_templates()?;
    let existed = request.out.is_dir();
    let (_lock, recovery) = lock_folder(&request.out).map_err(Failure::bad_input)?;
    if let Some(recovered) = Recovered::of(recovery) {
        on_progress(&Progress::Recovered(recovered));
    }
    // Scanned once and kept current as records are written: per spec, a scan of every record
    // (and a rewrite of the index) made deciding 1,000 specs take over a minute.
    let mut folder = RecordFolder::scan(&request.out).map_err(Failure::bad_input)?;
    folder.overwrite_hand_edits(request.overwrite_hand_edits);
    // `--force` makes every record what this tradeoff renders now, so it trusts no seal.
    let trust_seals = request.trust_seals && !request.overwrite_hand_edits;
    let mut announcer = Announcer {
        staged: None,
        on_progress,
    };
    let decided = decide_each(sources, &specs, &mut folder, &templates, trust_seals, &mut announcer);
    // A run that failed before writing anything must not leave a folder behind (removing an
    // empty folder cannot lose anything; one another run wrote into meanwhile is not empty).
    if decided.is_err() && !existed && folder.is_empty() {
        let _ = std::fs::remove_dir(&request.out);
        return decided;
    }
    // If the log cannot be rendered, the last record is still written, alone.
    let indexed = folder.stage_index(&templates).map_err(Failure::bad_input);
    let committed = folder.commit().map_err(Failure::bad_input);
    if committed.is_ok() {
        announcer.written();
    }
    decided.and(indexed).and(committed)
}

/// Tells the caller of each record once it is on disk: a record staged with the files after it
/// is written when they are.
struct Announcer<'a> {
    staged: Option<Decided>,
    on_progress: &'a mut dyn FnMut(&Progress),
}

impl Announcer<'_> {
    /// The folder's pending files were written.
    fn written(&mut self) {
        if let Some(decided) = self.staged.take() {
            self.now(decided);
        }
    }

    fn now(&mut self, decided: Decided) {
        (self.on_progress)(&Progress::Decided(decided));
    }
}

fn decide_each(
    sources: &dyn Sources,
    specs: &[PathBuf],
    folder: &mut RecordFolder,
    templates: &Templates,
    trust_seals: bool,
    announcer: &mut Announcer<'_>,
) -> Result<(), Failure> {
    let mut deciders = Deciders::default();
    for spec in specs {
        // The previous record is written before this spec reads the folder.
        folder.commit().map_err(Failure::bad_input)?;
        announcer.written();
        let loaded = spec::load(sources, spec)?;
        deciders.claim(loaded.decision_at())?;
        let versions = versions_of(&loaded);
        let untouched = if trust_seals {
            folder
                .untouched(&loaded.plan.id, &loaded.source, &versions, templates)
                .map_err(Failure::bad_input)?
        } else {
            None
        };
        if let Some(record) = untouched {
            announcer.now(Decided {
                outcome: WriteOutcome::Unchanged { path: record.path },
                winner: record.winner_name,
            });
            continue;
        }
        let evaluation = evaluation_of(&loaded);
        if evaluation.options.is_empty() {
            return Err(no_survivors(&loaded.display, &evaluation));
        }
        let outcome = stage_record_in(
            folder,
            &RecordInputs {
                plan: &loaded.plan,
                evaluation: &evaluation,
                spec_path: &recorded_spec_path(spec),
                spec_text: &loaded.source,
                versions: &versions,
            },
            templates,
        )
        .map_err(Failure::bad_input)?;
        let winner = evaluation.winner().map_or("nothing", |w| w.name.as_str()).to_owned();
        announcer.staged = Some(Decided { outcome, winner });
    }
    Ok(())
}
