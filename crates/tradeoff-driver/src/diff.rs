//! `diff`: two versions of a decision, each scored exactly as its record would be, and what
//! changed between them.

use std::path::Path;

use serde::Serialize;
use tradeoff_core::compare::{compare, Comparison};
use tradeoff_report::ComparisonModel;

use crate::records::{evaluation_of, project_templates};
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

/// The pull-request comment for `report`, rendered with the templates of the project the new
/// spec belongs to (its `templates/comparison.md.j2` if it overrides the built-in one).
pub fn comment(report: &DiffReport, new_spec: &Path) -> Result<String, Failure> {
    let model = ComparisonModel::build(&report.old, &report.new, &report.comparison);
    project_templates(new_spec)?
        .render_comparison(&model)
        .map_err(Failure::bad_input)
}
