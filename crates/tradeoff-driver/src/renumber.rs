//! `renumber`: resolve record numbers shared after a merge. The record added later (by git
//! history when the folder is in a repository, else by file name) moves to the next free number.

use std::path::{Path, PathBuf};
use std::process::Command;

use tradeoff_report::{lock_folder, renumber as renumber_records, Moved, Templates};

use crate::{Failure, Recovered};

/// What `renumber` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renumbered {
    /// What an interrupted earlier run left, repaired first.
    pub recovered: Option<Recovered>,
    /// The records moved to new numbers.
    pub moved: Vec<Moved>,
}

/// When git says `path` was first added (a commit timestamp), if it was committed.
fn added_at(path: &Path) -> Option<i64> {
    let dir = path.parent()?;
    let name = path.file_name()?;
    let output = Command::new("git")
        .arg("log")
        .arg("--diff-filter=A")
        .arg("--format=%ct")
        .arg("--")
        .arg(name)
        .current_dir(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    // Newest first: the last line is the first time the file was added.
    String::from_utf8(output.stdout)
        .ok()?
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

/// Renumbers the records in `out` that share a number, holding the folder lock; returns what
/// moved. `templates` render the rewritten index.
pub fn renumber(out: &Path, templates: &Templates) -> Result<Renumbered, Failure> {
    if !out.is_dir() {
        return Err(Failure::bad_input_msg(format!(
            "`{}` does not exist; there are no records to renumber",
            out.display()
        )));
    }
    let (_lock, recovery) = lock_folder(out).map_err(Failure::bad_input)?;
    let recovered = Recovered::of(recovery);
    let moved = renumber_records(out, templates, &added_at).map_err(Failure::bad_input)?;
    Ok(Renumbered { recovered, moved })
}

/// The templates for a records folder: `explicit`, else `templates/` beside it if present.
pub fn templates_for(out: &Path, explicit: Option<&Path>) -> Result<Templates, Failure> {
    let beside: Option<PathBuf> = out.parent().map(|p| p.join("templates")).filter(|d| d.is_dir());
    match explicit.map(Path::to_path_buf).or(beside) {
        Some(dir) => Templates::with_overrides(&dir).map_err(Failure::bad_input),
        None => Ok(Templates::builtin()),
    }
}
