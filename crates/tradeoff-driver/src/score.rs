//! `score` and `explain`: a spec evaluated with the user's staleness limit (records always use
//! the defaults; see `records`).

use std::path::Path;

use tradeoff_core::scoring::{evaluate, Settings};
use tradeoff_core::Evaluation;

use crate::sources::Sources;
use crate::spec::{self, LoadedSpec};
use crate::Failure;

/// Loads a spec and scores it, flagging facts older than `stale_after_months`.
pub fn score(sources: &dyn Sources, path: &Path, stale_after_months: u32) -> Result<(LoadedSpec, Evaluation), Failure> {
    let loaded = spec::load(sources, path)?;
    let settings = Settings {
        stale_after_months,
        ..Default::default()
    };
    let evaluation = evaluate(&loaded.plan, &loaded.catalog, &settings);
    Ok((loaded, evaluation))
}

/// Nothing to decide between is a problem with the spec's constraints: bad input.
pub fn no_survivors(display: &str, evaluation: &Evaluation) -> Failure {
    let message = evaluation
        .warnings
        .iter()
        .find(|w| w.code == "no-survivors")
        .map_or("no framework meets every hard constraint", |w| w.message.as_str());
    Failure::bad_input_msg(format!(
        "{display}: {message}\nhelp: relax one of these requirements in the spec's `require` block"
    ))
}
