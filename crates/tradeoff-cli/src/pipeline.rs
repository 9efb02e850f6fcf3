//! Glue from a spec path to a plan and the catalog it is scored against:
//! read → parse → load catalog includes → compile. No decisions are made here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tradeoff_core::catalog::Catalog;
use tradeoff_lang::Plan;

use crate::exit::Failure;
use crate::files;
use crate::git::{self, Revision};

/// A spec compiled against its catalog.
pub struct LoadedSpec {
    /// The path as shown to users and stored in records (forward slashes).
    pub display: String,
    /// The spec text as read: records store its SHA-256.
    pub source: String,
    pub plan: Plan,
    /// Shared with every other spec that includes no catalog files of its own.
    pub catalog: Arc<Catalog>,
}

/// Today's date, used only to validate catalog files (no `as_of` in the future); never
/// written into any output.
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// The built-in catalog, loaded once per process and shared: `check` over many specs would
/// otherwise clone it for each.
pub fn builtin_catalog() -> Result<Arc<Catalog>, Failure> {
    static BUILTIN: std::sync::OnceLock<Result<Arc<Catalog>, String>> = std::sync::OnceLock::new();
    BUILTIN
        .get_or_init(|| Catalog::builtin().map(Arc::new).map_err(|e| format!("{e:?}")))
        .clone()
        .map_err(|e| Failure::internal(format!("the built-in catalog is invalid: {e}")))
}

/// The built-in catalog with `extra` catalog files added, or the shared built-in one if none.
fn extended(extra: &[(String, String)]) -> Result<Arc<Catalog>, Failure> {
    let builtin = builtin_catalog()?;
    if extra.is_empty() {
        return Ok(builtin);
    }
    let catalog = Catalog::clone(&builtin)
        .with_extra_files(extra, today())
        .map_err(Failure::bad_input)?;
    Ok(Arc::new(catalog))
}

/// Loads the built-in catalog plus user catalog files given on the command line.
pub fn catalog_with(includes: &[PathBuf]) -> Result<Arc<Catalog>, Failure> {
    let mut extra = Vec::new();
    for path in includes {
        extra.push((display_path(path), files::read_text(path)?));
    }
    extended(&extra)
}

/// A catalog file's name from the project root. The name is hashed into the catalog version,
/// so it must not depend on where the project is checked out or on the revision it came from.
fn root_relative(spec: &Path, resolved: &Path) -> String {
    let root = files::project_root(spec);
    display_path(resolved.strip_prefix(&root).unwrap_or(resolved))
}

pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Where a spec's catalog includes are read from.
pub enum Includes<'a> {
    /// The files next to the spec, as they are now.
    WorkingTree,
    /// The files at a git revision; `spec_relative` is the spec's path from the project root.
    Git {
        revision: &'a Revision,
        spec_relative: &'a str,
    },
}

/// Reads and compiles one spec, loading the catalog files it includes.
pub fn load_spec(path: &Path) -> Result<LoadedSpec, Failure> {
    let source = files::read_text(path)?;
    compile_source(path, display_path(path), source, &Includes::WorkingTree)
}

/// Compiles spec text that claims to live at `path` (includes are resolved against it).
pub fn compile_source(
    path: &Path,
    display: String,
    source: String,
    includes: &Includes<'_>,
) -> Result<LoadedSpec, Failure> {
    let ast = tradeoff_lang::parse(&display, &source).map_err(Failure::bad_input)?;
    let mut extra = Vec::new();
    for include in ast.catalog_includes() {
        let bad_include = |message: String| {
            let problem = tradeoff_lang::Problem::new("bad-include", include.span, message, "this catalog file");
            Failure::bad_input(tradeoff_lang::SpecError::new(
                &display,
                ast.source.clone(),
                vec![problem],
            ))
        };
        match includes {
            Includes::WorkingTree => {
                let resolved = files::resolve_include(path, &include.value).map_err(bad_include)?;
                let text = files::read_text(&resolved)?;
                extra.push((root_relative(path, &resolved), text));
            }
            Includes::Git {
                revision,
                spec_relative,
            } => {
                let relative = git::include_path(spec_relative, &include.value).map_err(bad_include)?;
                let text = revision.show(&relative)?;
                extra.push((relative, text));
            }
        }
    }
    let catalog = extended(&extra)?;
    let plan = tradeoff_lang::compile(&ast, &*catalog).map_err(Failure::bad_input)?;
    Ok(LoadedSpec {
        display,
        source,
        plan,
        catalog,
    })
}

/// Loads a spec and scores it with the given staleness limit, as `score` and `explain` do.
pub fn load_and_evaluate(
    path: &Path,
    stale_after_months: u32,
    ui: &crate::ui::Ui,
) -> Result<(LoadedSpec, tradeoff_core::Evaluation), Failure> {
    let loaded = load_spec(path)?;
    let settings = tradeoff_core::scoring::Settings {
        stale_after_months,
        ..Default::default()
    };
    let evaluation = tradeoff_core::scoring::evaluate(&loaded.plan, &loaded.catalog, &settings);
    ui.detail(format!(
        "scored {} against catalog {}",
        loaded.display, evaluation.catalog_version
    ));
    Ok((loaded, evaluation))
}
