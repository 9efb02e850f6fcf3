//! What an editor asks about a spec being written: its findings, the live evaluation, the names
//! that fit at the cursor, what a name means, where an include points, the outline and the
//! weights. Positions are byte offsets into the spec text; a front end converts them to its
//! protocol's units. The spec text comes through [`Sources`] (an editor's unsaved buffers over
//! the working tree), so includes and the catalog resolve as they do on disk.

mod complete;
mod hover;
mod outline;

use std::path::Path;
use std::sync::Arc;

use tradeoff_core::catalog::Catalog;
use tradeoff_core::Evaluation;
use tradeoff_lang::SpecFile;

use crate::diagnostics::{failure_findings, Finding};
use crate::sources::Sources;
use crate::spec::{self, LoadedSpec};
use crate::{catalog, records, Failure};

pub use complete::{complete, Completion, CompletionKind};
pub use hover::hover;
pub use outline::{definition, symbols, weight_hints, Symbol, SymbolKind};

/// Everything known about a spec after one change: what is wrong with it, or how it scores.
#[derive(Debug)]
pub struct Analysis {
    /// The spec's problems; empty when it compiles.
    pub findings: Vec<Finding>,
    /// The spec and its evaluation (as records make it), when the spec compiles.
    pub outcome: Option<(LoadedSpec, Evaluation)>,
    /// The syntax tree when the text parses, for the outline and hints (even if it does not
    /// compile).
    pub syntax: Option<SpecFile>,
}

/// Reads the spec at `path` from `sources`, compiles and scores it.
pub fn analyze(sources: &dyn Sources, path: &Path) -> Analysis {
    let failed = |failure: Failure, syntax: Option<SpecFile>| Analysis {
        findings: failure_findings(&failure),
        outcome: None,
        syntax,
    };
    let source = match sources.spec(path) {
        Ok(source) => source,
        Err(failure) => return failed(failure, None),
    };
    let syntax = match tradeoff_lang::parse(&source.name, &source.text) {
        Ok(syntax) => syntax,
        Err(error) => return failed(error.into(), None),
    };
    match spec::compile(sources, path, source, &syntax) {
        Ok(loaded) => {
            let evaluation = records::evaluation_of(&loaded);
            Analysis {
                findings: Vec::new(),
                outcome: Some((loaded, evaluation)),
                syntax: Some(syntax),
            }
        }
        Err(failure) => failed(failure, Some(syntax)),
    }
}

impl Analysis {
    /// The catalog names resolve against: the spec's own when it compiled, else the built-in.
    pub fn catalog(&self) -> Option<Arc<Catalog>> {
        match &self.outcome {
            Some((loaded, _)) => Some(loaded.catalog.clone()),
            None => catalog::builtin().ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::{Buffers, WorkingTree};

    const SPEC: &str = "decision api-choice \"API\" {\n  app {\n    kind api\n  }\n  team {\n    knows go expert\n  }\n  weigh {\n    performance critical\n    community medium\n  }\n}\n";

    fn analysis_of(text: &str) -> (Analysis, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spec.tradeoff");
        let mut buffers = Buffers::new(WorkingTree);
        buffers.set(&path, text);
        (analyze(&buffers, &path), path)
    }

    #[test]
    fn a_spec_that_compiles_has_a_winner_and_weights() {
        let (analysis, _) = analysis_of(SPEC);
        assert!(analysis.findings.is_empty());
        let (markdown, span) = hover(&analysis, SPEC, 2).unwrap();
        assert_eq!(&SPEC[span], "decision");
        assert!(markdown.starts_with("**Winner: "), "{markdown}");
        assert!(markdown.contains("Robustness:"), "{markdown}");
        let hints = weight_hints(&analysis);
        assert_eq!(hints.len(), 2);
        assert!(hints[0].1.starts_with("= 0."));
        let offset = SPEC.find("community").unwrap();
        let (markdown, _) = hover(&analysis, SPEC, offset + 3).unwrap();
        assert!(markdown.contains("Weight in this spec"), "{markdown}");
    }

    #[test]
    fn a_misspelling_has_a_finding_with_its_fix_at_its_bytes() {
        let text = SPEC.replace("kind api", "kind api\n    wrkload db-heavy");
        let (analysis, _) = analysis_of(&text);
        let finding = analysis
            .findings
            .iter()
            .find(|f| f.code.name() == "unknown-key")
            .unwrap();
        assert_eq!(finding.replacement.as_deref(), Some("workload"));
        assert_eq!(&text[finding.bytes.clone().unwrap()], "wrkload");
        // A spec that parses but does not compile still has its outline.
        assert_eq!(symbols(&analysis)[0].children.len(), 3);
    }

    #[test]
    fn framework_hover_cites_sources_and_completion_offers_ids() {
        let text = SPEC.replace("knows go expert", "knows go expert\n    uses gin expert");
        let (analysis, _) = analysis_of(&text);
        let offset = text.find("gin").unwrap() + 1;
        let (markdown, _) = hover(&analysis, &text, offset).unwrap();
        assert!(
            markdown.contains("**Gin**") && markdown.contains("https://"),
            "{markdown}"
        );
        let at = text.find("uses ").unwrap() + 5;
        let offered = complete(&analysis, &text[..at], at);
        assert!(offered
            .iter()
            .any(|c| c.label == "fasthttp" && c.kind == CompletionKind::Framework));
    }
}
