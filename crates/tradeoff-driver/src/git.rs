//! Reading files as they were at a git revision (`git show REV:path`), for `tradeoff diff --git`.
//! git runs in the project root with paths relative to it, so the answer does not depend on the
//! directory the command was started from.

use std::path::PathBuf;
use std::process::Command;

use crate::Failure;

/// A git revision of the project a spec belongs to.
pub struct Revision {
    pub rev: String,
    pub root: PathBuf,
}

impl Revision {
    /// The text of `relative` (a path from the project root, `/`-separated) at this revision.
    pub fn show(&self, relative: &str) -> Result<String, Failure> {
        if self.rev.starts_with('-') {
            // git would read it as an option.
            return Err(Failure::bad_input_msg(format!("`{}` is not a git revision", self.rev)));
        }
        let output = Command::new("git")
            .arg("show")
            .arg(format!("{}:{relative}", self.rev))
            .current_dir(&self.root)
            .output()
            .map_err(|e| Failure::bad_input_msg(format!("cannot run git in `{}`: {e}", self.root.display())))?;
        if !output.status.success() {
            return Err(Failure::bad_input_msg(format!(
                "`git show {}:{relative}` failed: {}",
                self.rev,
                String::from_utf8_lossy(&output.stderr).trim()
            )));
        }
        String::from_utf8(output.stdout)
            .map_err(|_| Failure::bad_input_msg(format!("`{relative}` at {} is not valid UTF-8", self.rev)))
    }
}
