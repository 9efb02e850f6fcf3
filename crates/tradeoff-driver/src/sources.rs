//! Where the pipeline reads spec and catalog text from. Every stage asks a [`Sources`], never the
//! file system, so the same pipeline serves the working tree, a git revision, and (later) an
//! editor's unsaved buffers layered over either (compare typst's `World`).

use std::path::Path;

use crate::files::{self, display_path, root_relative};
use crate::git::Revision;
use crate::includes;
use crate::Failure;

/// One text the pipeline reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name diagnostics show. For a catalog file, also the name hashed into the catalog
    /// version, so it never depends on where the project is checked out.
    pub name: String,
    pub text: String,
}

/// Why a catalog include could not be read.
#[derive(Debug)]
pub enum IncludeError {
    /// The path as written is not allowed (absolute, or leaves the project): a diagnostic on
    /// the include in the spec.
    Refused(String),
    /// The path is allowed but the file cannot be read.
    Unreadable(Failure),
}

/// A view of a project's files.
pub trait Sources: Sync {
    /// The spec that `path` names (a working-tree path, as the user gave it).
    fn spec(&self, path: &Path) -> Result<Source, Failure>;

    /// The catalog file that the spec at `spec` includes as `written`.
    fn include(&self, spec: &Path, written: &str) -> Result<Source, IncludeError>;
}

/// The files as they are on disk now.
#[derive(Debug, Clone, Copy, Default)]
pub struct WorkingTree;

impl Sources for WorkingTree {
    fn spec(&self, path: &Path) -> Result<Source, Failure> {
        Ok(Source {
            name: display_path(path),
            text: files::read_text(path)?,
        })
    }

    fn include(&self, spec: &Path, written: &str) -> Result<Source, IncludeError> {
        let resolved = includes::resolve(spec, written).map_err(IncludeError::Refused)?;
        Ok(Source {
            name: root_relative(spec, &resolved),
            text: files::read_text(&resolved).map_err(IncludeError::Unreadable)?,
        })
    }
}

/// The files as committed at a git revision of the project each spec belongs to. Specs are
/// still named by their working-tree path, which must exist.
#[derive(Debug, Clone)]
pub struct GitRevision {
    pub rev: String,
}

impl GitRevision {
    fn revision(&self, spec: &Path) -> Revision {
        Revision {
            rev: self.rev.clone(),
            root: files::project_root(spec),
        }
    }
}

impl Sources for GitRevision {
    fn spec(&self, path: &Path) -> Result<Source, Failure> {
        if !path.is_file() {
            return Err(Failure::bad_input_msg(format!(
                "`{}` is not a file in the working tree",
                path.display()
            )));
        }
        let relative = root_relative(path, path);
        Ok(Source {
            name: format!("{}:{relative}", self.rev),
            text: self.revision(path).show(&relative)?,
        })
    }

    fn include(&self, spec: &Path, written: &str) -> Result<Source, IncludeError> {
        let relative =
            includes::relative_to_root(&root_relative(spec, spec), written).map_err(IncludeError::Refused)?;
        let text = self.revision(spec).show(&relative).map_err(IncludeError::Unreadable)?;
        Ok(Source { name: relative, text })
    }
}
