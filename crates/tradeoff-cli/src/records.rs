//! Glue from a loaded spec to its decision record: evaluation settings, versions, templates and
//! the spec path a record stores. The rules for records live in `tradeoff-report`.

use std::path::{Path, PathBuf};

use tradeoff_core::scoring::{evaluate, Settings};
use tradeoff_core::Evaluation;
use tradeoff_report::{Templates, Versions};

use crate::exit::Failure;
use crate::files;
use crate::pipeline::{display_path, LoadedSpec};

/// Scores a spec the way records do: default settings, dates only from the spec.
pub fn evaluation_of(loaded: &LoadedSpec) -> Evaluation {
    evaluate(&loaded.plan, &loaded.catalog, &Settings::default())
}

/// The versions a record is stamped with; user catalog files change the catalog version.
pub fn versions_of(evaluation: &Evaluation) -> Versions {
    Versions {
        catalog: evaluation.catalog_version.clone(),
        tool: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// Project templates: `--templates DIR`, else `templates/` at the project root if present.
pub fn templates(explicit: Option<&Path>, first_spec: Option<&Path>) -> Result<Templates, Failure> {
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

/// The spec's path relative to the project root, so records do not depend on where the
/// command was run from.
pub fn recorded_spec_path(spec: &Path) -> String {
    let root = files::project_root(spec);
    let absolute = std::fs::canonicalize(spec).unwrap_or_else(|_| spec.to_path_buf());
    let relative: PathBuf = absolute.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(absolute);
    display_path(&relative)
}

/// The specs a records command works on (default: `specs/`) and the templates to render with.
pub fn specs_and_templates(
    specs: &[PathBuf],
    templates_dir: Option<&Path>,
) -> Result<(Vec<PathBuf>, Templates), Failure> {
    let paths = if specs.is_empty() {
        vec![PathBuf::from("specs")]
    } else {
        specs.to_vec()
    };
    let specs = files::collect_specs(&paths)?;
    let templates = templates(templates_dir, specs.first().map(PathBuf::as_path))?;
    Ok((specs, templates))
}
