//! The settings, versions, templates and spec path a record is made with: the rules that make a
//! record reproducible. The records themselves are `tradeoff-report`'s.

use std::path::{Path, PathBuf};

use tradeoff_core::scoring::{evaluate, Settings};
use tradeoff_core::Evaluation;
use tradeoff_report::{first_revision, sealed_record, RecordSource, RenderedRecord, Templates, Versions};

use crate::files;
use crate::spec::LoadedSpec;
use crate::Failure;

/// Scores a spec the way records do: default settings, dates only from the spec.
pub fn evaluation_of(loaded: &LoadedSpec) -> Evaluation {
    evaluate(&loaded.plan, &loaded.catalog, &Settings::default())
}

/// The versions a record of `loaded` is stamped with; user catalog files change the catalog
/// version. Known before scoring, so a record found current by its seal is never scored.
pub fn versions_of(loaded: &LoadedSpec) -> Versions {
    Versions {
        catalog: loaded.catalog.version.clone(),
        tool: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// Project templates: `explicit`, else `templates/` at the project root if present.
fn templates(explicit: Option<&Path>, first_spec: Option<&Path>) -> Result<Templates, Failure> {
    let dir = match explicit {
        Some(dir) => Some(dir.to_path_buf()),
        None => first_spec
            .map(|spec| files::project_root(spec).join("templates"))
            .filter(|d| d.is_dir()),
    };
    match dir {
        Some(dir) => Templates::with_overrides(&dir).map_err(Failure::bad_input),
        None => Ok(Templates::builtin()),
    }
}

/// The templates of the project `spec` belongs to: its `templates/` folder over the built-in
/// ones, as `decide` and `check` use them by default.
pub fn project_templates(spec: &Path) -> Result<Templates, Failure> {
    templates(None, Some(spec))
}

/// The spec's path relative to the project root, so records do not depend on where the
/// command was run from.
pub fn recorded_spec_path(spec: &Path) -> String {
    files::root_relative(spec, spec)
}

/// What a records command (`decide`, `check`) works on.
#[derive(Debug, Clone)]
pub struct RecordsRequest {
    /// Spec files or folders of specs; empty means `specs/`.
    pub specs: Vec<PathBuf>,
    /// The folder holding the records.
    pub out: PathBuf,
    /// A folder of template overrides; `None` means `templates/` at the project root if present.
    pub templates: Option<PathBuf>,
    /// `decide --force`: overwrite records edited by hand outside their `## Notes` section.
    pub overwrite_hand_edits: bool,
    /// A record sealed from the same spec, catalog, tool and templates, whose files still hash
    /// to its seal, is current without being scored and rendered again. `check --full` turns
    /// this off, for checks of tradeoff itself (its version stays while its code changes).
    pub trust_seals: bool,
}

impl RecordsRequest {
    /// The specs to work on, in path order, and the templates to render with.
    pub(crate) fn specs_and_templates(&self) -> Result<(Vec<PathBuf>, Templates), Failure> {
        let specs = files::collect_specs(&self.specs)?;
        if specs.is_empty() {
            let named: Vec<String> = self
                .specs
                .iter()
                .map(|p| format!("`{}`", files::display_path(p)))
                .collect();
            let named = if named.is_empty() {
                "`specs/`".to_owned()
            } else {
                named.join(", ")
            };
            return Err(Failure::bad_input_msg(format!(
                "no spec files (`*.tradeoff`) in {named}, so there is no decision to record\nhelp: write a spec there (`tradeoff init` writes an example one)"
            )));
        }
        let templates = templates(self.templates.as_deref(), specs.first().map(PathBuf::as_path))?;
        Ok((specs, templates))
    }
}

/// The record a first `decide` of `loaded` would write into an empty folder, rendered in memory
/// with everything a real record uses (evaluation settings, versions); `spec_path` is the path
/// it records for the spec.
pub fn preview(loaded: &LoadedSpec, spec_path: &str, templates: &Templates) -> Result<RenderedRecord, Failure> {
    let evaluation = evaluation_of(loaded);
    let source = RecordSource {
        spec_path,
        spec_text: &loaded.source,
        date: loaded.plan.date.as_deref(),
    };
    let meta = first_revision(1, &source, &versions_of(loaded));
    sealed_record(templates, &loaded.plan, &evaluation, &meta).map_err(Failure::bad_input)
}
