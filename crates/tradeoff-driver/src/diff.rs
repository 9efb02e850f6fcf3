//! `diff`: two versions of a decision, each scored exactly as its record would be, and what
//! changed between them.

use std::path::Path;

use serde::Serialize;
use tradeoff_core::compare::{compare, Comparison};

use crate::records::evaluation_of;
use crate::sources::Sources;
use crate::{spec, Failure};

/// What changed between two versions of a decision.
#[derive(Debug, Serialize)]
pub struct DiffReport {
    /// The old version's name (`REV:path` when read from git).
    pub old: String,
    pub new: String,
    #[serde(flatten)]
    pub comparison: Comparison,
}

/// One side of a comparison: a spec path and where its text is read from.
pub struct Side<'a> {
    pub sources: &'a dyn Sources,
    pub path: &'a Path,
}

/// Loads both sides (the old one first) and compares their evaluations.
pub fn diff(old: Side<'_>, new: Side<'_>) -> Result<DiffReport, Failure> {
    let old = spec::load(old.sources, old.path)?;
    let new = spec::load(new.sources, new.path)?;
    let comparison = compare(&evaluation_of(&old), &evaluation_of(&new));
    Ok(DiffReport {
        old: old.display,
        new: new.display,
        comparison,
    })
}
