//! `catalog import`: read benchmark and ranking files, let core build the overlay, check that it
//! loads like any catalog file, then hand it back or write it. Nothing is written unless every
//! step passed.

use std::path::{Path, PathBuf};

use tradeoff_core::catalog::import::{self, Entries, Importer, Input, Options};

use crate::files::{self, display_path};
use crate::{catalog, Failure};

/// An overlay built from imported files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The overlay's file name: the output path, or `overlay.toml` when it is not written.
    pub name: String,
    /// The overlay as a catalog file.
    pub text: String,
    /// How many figures it holds, for how many frameworks.
    pub figures: usize,
    pub frameworks: usize,
    /// Whether it was written to the output path.
    pub written: bool,
}

/// Imports `paths` with `importer` into an overlay, written to `out` when given.
pub fn import(
    importer: Importer,
    paths: &[PathBuf],
    options: &Options,
    out: Option<&Path>,
) -> Result<Imported, Failure> {
    let inputs = paths
        .iter()
        .map(|path| {
            Ok(Input {
                name: display_path(path),
                text: files::read_text(path)?,
            })
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let overlay = import::import(importer, &inputs, options, &Entries::builtin()).map_err(Failure::bad_input)?;
    let text = import::render(&overlay).map_err(Failure::internal)?;
    let name = out.map_or_else(|| "overlay.toml".to_string(), display_path);
    // The overlay must load as a catalog file; if it does not, the importer is wrong.
    tradeoff_core::catalog::check_files(&[(name.clone(), text.clone())], catalog::today())
        .map_err(Failure::internal)?;
    let figures = overlay
        .frameworks
        .values()
        .map(|e| e.throughput.len() + e.load_test.len() + e.github.len())
        .sum();
    if let Some(path) = out {
        tradeoff_fs::write(path, &text).map_err(|e| Failure::bad_input_msg(e.to_string()))?;
    }
    Ok(Imported {
        name,
        text,
        figures,
        frameworks: overlay.frameworks.len(),
        written: out.is_some(),
    })
}
