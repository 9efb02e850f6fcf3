//! The specs open in the editor: their text, version and latest analysis. Unsaved texts are
//! held in the driver's [`Buffers`] over the working tree, so a spec's includes and catalog
//! resolve as they would on disk.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_types::Url;
use tradeoff_driver::editor::{self, Analysis};
use tradeoff_driver::{Buffers, WorkingTree};

use crate::position::LineIndex;

/// One open spec.
pub struct Document {
    pub path: PathBuf,
    pub text: String,
    pub version: i32,
    pub lines: LineIndex,
    pub analysis: Analysis,
}

#[derive(Default)]
pub struct Documents {
    open: HashMap<Url, Document>,
    buffers: Buffers<WorkingTree>,
}

impl Documents {
    /// Holds `text` as the content of `uri` and analyzes it.
    pub fn set(&mut self, uri: Url, text: String, version: i32) -> &Document {
        let path = path_of(&uri);
        self.buffers.set(&path, text.clone());
        let analysis = editor::analyze(&self.buffers, &path);
        let document = Document {
            path,
            lines: LineIndex::new(&text),
            text,
            version,
            analysis,
        };
        self.open.insert(uri.clone(), document);
        &self.open[&uri]
    }

    /// Analyzes every open spec again (a file on disk they may include has changed).
    pub fn refresh(&mut self) -> Vec<Url> {
        for document in self.open.values_mut() {
            document.analysis = editor::analyze(&self.buffers, &document.path);
        }
        self.open.keys().cloned().collect()
    }

    pub fn close(&mut self, uri: &Url) {
        if let Some(document) = self.open.remove(uri) {
            self.buffers.remove(&document.path);
        }
    }

    pub fn get(&self, uri: &Url) -> Option<&Document> {
        self.open.get(uri)
    }
}

/// The path a document stands for. A document that is not a file (an unsaved, untitled
/// buffer) is placed in the current directory under its last path segment, so relative
/// includes still resolve somewhere sensible.
fn path_of(uri: &Url) -> PathBuf {
    if let Ok(path) = uri.to_file_path() {
        return path;
    }
    let name = uri
        .path_segments()
        .and_then(|mut segments| segments.next_back().map(str::to_owned))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "untitled.tradeoff".to_owned());
    std::env::current_dir().unwrap_or_default().join(name)
}
