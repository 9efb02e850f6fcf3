//! Texts held in memory in front of other sources: an editor's unsaved buffers over the working
//! tree, or a fuzzer's input over no files at all.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::files::display_path;
use crate::sources::{IncludeError, Source, Sources};
use crate::Failure;

/// Specs read from memory when a buffer holds them, else from `fallback`. Catalog includes are
/// always read from `fallback`: a catalog file's name and bytes make the catalog version, and
/// only files a record can point to may count.
#[derive(Debug, Clone, Default)]
pub struct Buffers<S> {
    texts: HashMap<PathBuf, String>,
    fallback: S,
}

impl<S: Sources> Buffers<S> {
    pub fn new(fallback: S) -> Self {
        Buffers {
            texts: HashMap::new(),
            fallback,
        }
    }

    /// Holds `text` as the content of the spec at `path`, replacing any earlier buffer.
    pub fn set(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        self.texts.insert(path.into(), text.into());
    }

    /// Forgets the buffer of `path`: the spec is read from `fallback` again.
    pub fn remove(&mut self, path: &Path) {
        self.texts.remove(path);
    }
}

impl<S: Sources> Sources for Buffers<S> {
    fn spec(&self, path: &Path) -> Result<Source, Failure> {
        match self.texts.get(path) {
            Some(text) => Ok(Source {
                name: display_path(path),
                text: text.clone(),
            }),
            None => self.fallback.spec(path),
        }
    }

    fn include(&self, spec: &Path, written: &str) -> Result<Source, IncludeError> {
        self.fallback.include(spec, written)
    }
}

/// No files at all: every spec is missing and every catalog include refused.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFiles;

impl Sources for NoFiles {
    fn spec(&self, path: &Path) -> Result<Source, Failure> {
        Err(Failure::bad_input_msg(format!("`{}` does not exist", path.display())))
    }

    fn include(&self, _spec: &Path, written: &str) -> Result<Source, IncludeError> {
        Err(IncludeError::Refused(format!(
            "catalog include `{written}` cannot be read: no files are available here"
        )))
    }
}
