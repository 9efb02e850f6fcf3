//! `fmt`: specs in canonical layout, rewritten in place (atomically, keeping permissions) or
//! only checked.

use std::path::{Path, PathBuf};

use crate::files::{self, collect_specs, display_path};
use crate::Failure;

/// What formatting did to one spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormattedSpec {
    /// The spec's path as shown to users.
    pub spec: String,
    pub state: FormatState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatState {
    /// Already in canonical layout: untouched.
    Unchanged,
    /// Rewritten in canonical layout.
    Rewritten,
    /// Not in canonical layout, and left as it is (check only).
    NotFormatted,
}

/// Formats the specs in `paths` (files or folders; empty means `specs/`), rewriting them unless
/// `check_only`. Stops at the first spec that does not parse, leaving it untouched;
/// `on_spec` hears of each spec as it is done.
pub fn format_specs(
    paths: &[PathBuf],
    check_only: bool,
    on_spec: &mut dyn FnMut(&FormattedSpec),
) -> Result<(), Failure> {
    for path in collect_specs(paths)? {
        let spec = display_path(&path);
        let source = files::read_text(&path)?;
        let formatted = tradeoff_lang::format_source(&spec, &source)?;
        let state = if formatted == source {
            FormatState::Unchanged
        } else if check_only {
            FormatState::NotFormatted
        } else {
            tradeoff_fs::write(&path, &formatted).map_err(|e| Failure::bad_input_msg(e.to_string()))?;
            FormatState::Rewritten
        };
        on_spec(&FormattedSpec { spec, state });
    }
    Ok(())
}

/// The canonical layout of the spec at `path`, without writing it.
pub fn formatted(path: &Path) -> Result<String, Failure> {
    let source = files::read_text(path)?;
    Ok(tradeoff_lang::format_source(&display_path(path), &source)?)
}
