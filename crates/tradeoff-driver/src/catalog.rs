//! The catalog a spec is scored against: the built-in one, shared by the whole process, plus
//! the user's catalog files. Those files' names and bytes make the catalog version.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use tradeoff_core::catalog::{self, Catalog};

use crate::files::{self, display_path};
use crate::sources::Source;
use crate::Failure;

/// Today's date, used only to validate catalog files (no `as_of` in the future); never
/// written into any output.
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// The built-in catalog, loaded once per process and shared: `check` over many specs would
/// otherwise clone it for each.
pub fn builtin() -> Result<Arc<Catalog>, Failure> {
    static BUILTIN: OnceLock<Result<Arc<Catalog>, String>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| Catalog::builtin().map(Arc::new).map_err(|e| format!("{e:?}")))
        .clone()
        .map_err(|e| Failure::internal(format!("the built-in catalog is invalid: {e}")))
}

/// The built-in catalog with `extra` catalog files added, or the shared built-in one if none.
pub fn extended(extra: &[Source]) -> Result<Arc<Catalog>, Failure> {
    let builtin = builtin()?;
    if extra.is_empty() {
        return Ok(builtin);
    }
    let files: Vec<(String, String)> = extra.iter().map(|s| (s.name.clone(), s.text.clone())).collect();
    let catalog = Catalog::clone(&builtin)
        .with_extra_files(&files, today())
        .map_err(Failure::bad_input)?;
    Ok(Arc::new(catalog))
}

/// Reads catalog files named on the command line, as they are in the working tree.
fn read_all(paths: &[PathBuf]) -> Result<Vec<Source>, Failure> {
    paths
        .iter()
        .map(|path| {
            Ok(Source {
                name: display_path(path),
                text: files::read_text(path)?,
            })
        })
        .collect()
}

/// The built-in catalog plus the catalog files `paths` (`catalog list|show --include`).
pub fn with_files(paths: &[PathBuf]) -> Result<Arc<Catalog>, Failure> {
    extended(&read_all(paths)?)
}

/// What `catalog check` validated.
#[derive(Debug)]
pub enum Checked {
    /// The built-in catalog: every file and fact is valid.
    Builtin(Arc<Catalog>),
    /// This many user catalog files are valid.
    Files(usize),
}

/// Validates catalog files, or the built-in catalog when none are given. An invalid built-in
/// catalog is tradeoff's fault; an invalid user file is bad input.
pub fn check(paths: &[PathBuf]) -> Result<Checked, Failure> {
    if paths.is_empty() {
        catalog::check_files(&Catalog::builtin_files(), today()).map_err(Failure::internal)?;
        return builtin().map(Checked::Builtin);
    }
    let files: Vec<(String, String)> = read_all(paths)?.into_iter().map(|s| (s.name, s.text)).collect();
    catalog::check_files(&files, today()).map_err(Failure::bad_input)?;
    Ok(Checked::Files(files.len()))
}

/// The framework `wanted` names (its id or display name, any case), or a diagnostic that
/// suggests the nearest id.
pub fn find<'a>(catalog: &'a Catalog, wanted: &str) -> Result<&'a catalog::Framework, Failure> {
    let lower = wanted.to_lowercase();
    catalog
        .frameworks
        .values()
        .find(|f| f.id == lower || f.name.to_lowercase() == lower)
        .ok_or_else(|| {
            let ids: Vec<&str> = catalog.frameworks.keys().map(String::as_str).collect();
            unknown_framework(wanted, &ids)
        })
}

/// "no framework `x` in the catalog", with a "did you mean" among `known` ids when one is close.
pub fn unknown_framework(wanted: &str, known: &[&str]) -> Failure {
    let hint = tradeoff_lang::suggest::closest(&wanted.to_lowercase(), known.iter().copied())
        .map(|s| format!(" — did you mean `{s}`?"))
        .unwrap_or_else(|| " (see `tradeoff catalog list`)".to_owned());
    Failure::bad_input_msg(format!("no framework `{wanted}` in the catalog{hint}"))
}
