//! Reading files as they were at a git revision (`git show REV:path`), for `tradeoff diff --git`.
//! git runs in the project root with paths relative to it, so the answer does not depend on the
//! directory the command was started from.

use std::path::{Component, Path, PathBuf};
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

/// Resolves `include` (as written in a spec at `spec_relative`) to a path from the project root,
/// without touching the file system: the file may exist only at the revision. Paths that leave
/// the project are refused, as for the working tree.
pub fn include_path(spec_relative: &str, include: &str) -> Result<String, String> {
    let written = Path::new(include);
    if written.is_absolute() {
        return Err(format!(
            "catalog include `{include}` is absolute; write it relative to the spec"
        ));
    }
    let mut parts: Vec<String> = Vec::new();
    let spec_dir = Path::new(spec_relative).parent().unwrap_or(Path::new(""));
    for component in spec_dir.components().chain(written.components()) {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Err(format!("catalog include `{include}` resolves outside the project root"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!("catalog include `{include}` is absolute"));
            }
        }
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn includes_resolve_lexically_inside_the_project() {
        assert_eq!(
            include_path("specs/x.tradeoff", "../catalog/a.toml").as_deref(),
            Ok("catalog/a.toml")
        );
        assert_eq!(include_path("x.tradeoff", "./a.toml").as_deref(), Ok("a.toml"));
        assert!(include_path("specs/x.tradeoff", "../../etc/passwd").is_err());
        assert!(include_path("specs/x.tradeoff", "/etc/passwd").is_err());
    }
}
