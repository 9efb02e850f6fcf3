//! The names that fit at the cursor: the language's own, and framework ids from the catalog.

use tradeoff_lang::complete::{self, CandidateKind};

use super::Analysis;

/// What a completion inserts and how it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Key,
    Block,
    Criterion,
    Value,
    Framework,
}

/// The names that fit at byte `offset` of `text`.
pub fn complete(analysis: &Analysis, text: &str, offset: usize) -> Vec<Completion> {
    let found = complete::completions(&complete::place_at(text, offset));
    let mut out: Vec<Completion> = found
        .candidates
        .iter()
        .map(|c| Completion {
            label: c.label.to_owned(),
            kind: match c.kind {
                CandidateKind::Key => CompletionKind::Key,
                CandidateKind::Block => CompletionKind::Block,
                CandidateKind::Criterion => CompletionKind::Criterion,
                CandidateKind::Value => CompletionKind::Value,
            },
            detail: c.detail.to_owned(),
        })
        .collect();
    if found.frameworks {
        if let Some(catalog) = analysis.catalog() {
            out.extend(catalog.frameworks.values().map(|f| Completion {
                label: f.id.clone(),
                kind: CompletionKind::Framework,
                detail: format!("{} ({})", f.name, f.language.value),
            }));
        }
    }
    out
}
