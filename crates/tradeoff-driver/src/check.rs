//! `check`: is every spec's committed record current with its spec, the catalog and the tool?
//! Specs are checked in parallel; the verdicts come back in path order.

use std::path::Path;

use rayon::prelude::*;
use tradeoff_report::{check_log, check_record_in, RecordFolder, RecordInputs, Staleness, Templates};

use crate::files::display_path;
use crate::records::{evaluation_of, recorded_spec_path, versions_of, RecordsRequest};
use crate::sources::Sources;
use crate::spec::{Deciders, DecisionAt, LoadedSpec};
use crate::{spec, Failure};

/// The verdict on one spec.
#[derive(Debug)]
pub struct SpecCheck {
    /// The spec's path as shown to users.
    pub spec: String,
    pub verdict: Verdict,
}

#[derive(Debug)]
pub enum Verdict {
    /// The record matches what the spec produces now.
    Current,
    /// The record is missing or differs from what the spec now produces.
    Stale(Vec<Staleness>),
    /// The spec or its record could not be read or compiled.
    Failed(Failure),
}

/// Checks every spec of `request` against the records in its folder, then the folder as a whole
/// (an interrupted operation, duplicate numbers, the index): its problems, if any, come last as
/// the verdict on the folder itself. Only a failure to find the specs, templates or records is an
/// error; a broken spec is a verdict beside the others.
pub fn check(sources: &dyn Sources, request: &RecordsRequest) -> Result<Vec<SpecCheck>, Failure> {
    let (specs, templates) = request.specs_and_templates()?;
    let folder = RecordFolder::scan(&request.out).map_err(Failure::bad_input)?;
    let checked: Vec<(SpecCheck, Option<DecisionAt>)> = specs
        .par_iter()
        .map(|spec| {
            let (verdict, decision) = verdict(sources, spec, &folder, &templates, request.trust_seals);
            let check = SpecCheck {
                spec: display_path(spec),
                verdict,
            };
            (check, decision)
        })
        .collect();
    // A decision decided by two specs: the first (in path order) keeps its verdict, the others
    // fail, since `decide` would let them overwrite one record.
    let mut deciders = Deciders::default();
    let mut checks = Vec::with_capacity(checked.len());
    for (mut check, decision) in checked {
        if let Some(Err(duplicate)) = decision.map(|decision| deciders.claim(decision)) {
            check.verdict = Verdict::Failed(duplicate);
        }
        checks.push(check);
    }
    let log = check_log(&request.out, &templates).map_err(Failure::bad_input)?;
    if !log.is_empty() {
        checks.push(SpecCheck {
            spec: display_path(&request.out),
            verdict: Verdict::Stale(log),
        });
    }
    Ok(checks)
}

fn verdict(
    sources: &dyn Sources,
    path: &Path,
    folder: &RecordFolder,
    templates: &Templates,
    trust_seals: bool,
) -> (Verdict, Option<DecisionAt>) {
    match spec::load(sources, path) {
        Ok(loaded) => (
            loaded_verdict(&loaded, path, folder, templates, trust_seals),
            Some(loaded.decision_at()),
        ),
        Err(failure) => (Verdict::Failed(failure), None),
    }
}

fn loaded_verdict(
    loaded: &LoadedSpec,
    path: &Path,
    folder: &RecordFolder,
    templates: &Templates,
    trust_seals: bool,
) -> Verdict {
    let versions = versions_of(loaded);
    if trust_seals {
        match folder.untouched(&loaded.plan.id, &loaded.source, &versions, templates) {
            Ok(Some(_)) => return Verdict::Current,
            Ok(None) => {}
            Err(error) => return Verdict::Failed(Failure::bad_input(error)),
        }
    }
    let evaluation = evaluation_of(loaded);
    match check_record_in(
        folder,
        &RecordInputs {
            plan: &loaded.plan,
            evaluation: &evaluation,
            spec_path: &recorded_spec_path(path),
            spec_text: &loaded.source,
            versions: &versions,
        },
        templates,
    ) {
        Ok(stale) if stale.is_empty() => Verdict::Current,
        Ok(stale) => Verdict::Stale(stale),
        Err(error) => Verdict::Failed(Failure::bad_input(error)),
    }
}
