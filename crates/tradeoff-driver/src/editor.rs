//! What an editor asks about a spec being written: its findings, the live evaluation, the names
//! that fit at the cursor, what a name means, where an include points, the outline and the
//! weights. Positions are byte offsets into the spec text; a front end converts them to its
//! protocol's units. The spec text comes through [`Sources`] (an editor's unsaved buffers over
//! the working tree), so includes and the catalog resolve as they do on disk.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tradeoff_core::catalog::{facts_of, Catalog};
use tradeoff_core::scoring::criterion_summary;
use tradeoff_core::Evaluation;
use tradeoff_lang::ast::{Item, Span, Statement, ValueKind};
use tradeoff_lang::complete::{self, CandidateKind};
use tradeoff_lang::vocab::Criterion;
use tradeoff_lang::SpecFile;

use crate::diagnostics::{failure_findings, Finding};
use crate::sources::Sources;
use crate::spec::{self, LoadedSpec};
use crate::Failure;
use crate::{catalog, includes, records};

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

/// What the name at byte `offset` means, as Markdown, with the span it covers.
pub fn hover(analysis: &Analysis, text: &str, offset: usize) -> Option<(String, Range<usize>)> {
    let span = word_at(text, offset)?;
    let word = &text[span.clone()];
    let markdown = if word == "decision" {
        decision_hover(analysis)
    } else if let Some(criterion) = Criterion::parse(word) {
        criterion_hover(analysis, criterion)
    } else {
        let catalog = analysis.catalog()?;
        let framework = catalog.frameworks.get(word)?;
        let mut out = format!(
            "**{}** (`{}`), {}\n\n",
            framework.name, framework.id, framework.language.value
        );
        out.push_str("| fact | value | as of | source |\n|---|---|---|---|\n");
        for fact in facts_of(framework) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&fact.key),
                cell(&fact.value),
                cell(&fact.as_of),
                cell(&fact.source)
            );
        }
        out
    };
    Some((markdown, span))
}

fn decision_hover(analysis: &Analysis) -> String {
    let Some((_, evaluation)) = &analysis.outcome else {
        return format!(
            "**No decision yet**: the spec has {} problem(s) to fix first.",
            analysis.findings.len()
        );
    };
    let Some(winner) = evaluation.winner() else {
        return "**No framework meets every hard constraint.** Relax the `require` block.".to_owned();
    };
    let method = evaluation.methods.first().map_or("", |m| m.label());
    let total = |o: &tradeoff_core::evaluation::ScoredOption| {
        evaluation
            .methods
            .first()
            .and_then(|m| o.totals.get(m))
            .copied()
            .unwrap_or(0.0)
    };
    let mut out = format!(
        "**Winner: {}** ({}), {method} {:.3}, confidence {:.0}%\n\n",
        winner.name,
        winner.language,
        total(winner),
        winner.confidence * 100.0
    );
    if let Some(runner_up) = evaluation.options.get(1) {
        let _ = writeln!(
            out,
            "Runner-up: {} ({}), {:.3}\n",
            runner_up.name,
            runner_up.language,
            total(runner_up)
        );
    }
    match &evaluation.sensitivity {
        Some(sensitivity) => {
            let verdict = match sensitivity.stability {
                tradeoff_core::evaluation::Stability::Robust => {
                    "robust: no single weight change below 0.15 flips the winner"
                }
                tradeoff_core::evaluation::Stability::Moderate => {
                    "moderate: a weight change between 0.05 and 0.15 flips the winner"
                }
                tradeoff_core::evaluation::Stability::Fragile => "fragile: a weight change under 0.05 flips the winner",
            };
            let _ = writeln!(out, "Robustness: {verdict}.");
            if let Some(critical) = &sensitivity.most_critical {
                if let Some(flip) = critical.flip_at {
                    let _ = writeln!(
                        out,
                        "\nMost critical: `{}` at weight {:.3}; at {flip:.3} the winner changes.",
                        critical.criterion, critical.current_weight
                    );
                }
            }
        }
        None => out.push_str("Robustness: not computed (fewer than two options, or nothing weighted).\n"),
    }
    let _ = write!(
        out,
        "\n{} option(s) survive the constraints, {} eliminated.",
        evaluation.options.len(),
        evaluation.eliminated.len()
    );
    out
}

fn criterion_hover(analysis: &Analysis, criterion: Criterion) -> String {
    let mut out = format!("**{criterion}**: {}", criterion_summary(criterion));
    if let Some((_, evaluation)) = &analysis.outcome {
        match evaluation.weights.values.get(&criterion) {
            Some(weight) => {
                let _ = write!(
                    out,
                    "\n\nWeight in this spec: **{weight:.3}** ({}).",
                    evaluation.weights.source
                );
            }
            None => out.push_str("\n\nNot weighted in this spec."),
        }
    }
    out
}

/// A Markdown table cell: pipes and line breaks would end it.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The name (letters, digits, `-`, `_`) around byte `offset`.
fn word_at(text: &str, offset: usize) -> Option<Range<usize>> {
    let is_name = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_name(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    (start < end).then_some(start..end)
}

/// The catalog file a `catalog "…"` include at byte `offset` names, resolved in the working
/// tree, with the span of the include.
pub fn definition(analysis: &Analysis, spec_path: &Path, offset: usize) -> Option<(PathBuf, Range<usize>)> {
    let syntax = analysis.syntax.as_ref()?;
    let include = syntax
        .catalog_includes()
        .into_iter()
        .find(|include| include.span.start <= offset && offset <= include.span.end)?;
    let path = includes::resolve(spec_path, &include.value).ok()?;
    Some((path, include.span.start..include.span.end))
}

/// One entry of the outline: the decision, its blocks and statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: String,
    pub kind: SymbolKind,
    pub span: Range<usize>,
    /// Where the name is written.
    pub name_span: Range<usize>,
    pub children: Vec<Symbol>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Decision,
    Block,
    Statement,
}

/// The outline of the spec, when its text parses.
pub fn symbols(analysis: &Analysis) -> Vec<Symbol> {
    let Some(syntax) = &analysis.syntax else {
        return Vec::new();
    };
    let decision = &syntax.decision;
    let children = decision
        .items
        .iter()
        .map(|item| match item {
            Item::Statement(statement) => statement_symbol(statement),
            Item::Block(block) => Symbol {
                name: block.key.value.to_string(),
                detail: String::new(),
                kind: SymbolKind::Block,
                span: range(block.span),
                name_span: range(block.key.span),
                children: block.statements.iter().map(statement_symbol).collect(),
            },
        })
        .collect();
    vec![Symbol {
        name: decision.id.value.clone(),
        detail: decision.title.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
        kind: SymbolKind::Decision,
        span: range(decision.span),
        name_span: range(decision.id.span),
        children,
    }]
}

fn statement_symbol(statement: &Statement) -> Symbol {
    let detail: Vec<String> = statement
        .values()
        .map(|v| match &v.kind {
            ValueKind::Word(w) | ValueKind::Number(w) | ValueKind::Date(w) => w.to_string(),
            ValueKind::Fraction(a, b) => format!("{a}/{b}"),
            ValueKind::Str(s) => format!("{s:?}"),
            ValueKind::Text(_) => "\"\"\"…\"\"\"".to_owned(),
            ValueKind::List(items) => format!("[{} items]", items.len()),
        })
        .take(6)
        .collect();
    Symbol {
        name: statement.key.value.to_string(),
        detail: detail.join(" "),
        kind: SymbolKind::Statement,
        span: range(statement.span),
        name_span: range(statement.key.span),
        children: Vec::new(),
    }
}

fn range(span: Span) -> Range<usize> {
    span.start..span.end
}

/// Each weighted criterion's normalised weight, placed after its first mention in `weigh` or
/// `compare`.
pub fn weight_hints(analysis: &Analysis) -> Vec<(usize, String)> {
    let (Some(syntax), Some((_, evaluation))) = (&analysis.syntax, &analysis.outcome) else {
        return Vec::new();
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut hints = Vec::new();
    for item in &syntax.decision.items {
        let Item::Block(block) = item else { continue };
        if block.key.value != "weigh" && block.key.value != "compare" {
            continue;
        }
        for statement in &block.statements {
            let names = std::iter::once((statement.key.value.as_str(), statement.key.span)).chain(
                statement.values().filter_map(|v| match &v.kind {
                    ValueKind::Word(w) => Some((w.as_str(), v.span)),
                    _ => None,
                }),
            );
            for (name, span) in names {
                let Some(criterion) = Criterion::parse(name) else {
                    continue;
                };
                let Some(weight) = evaluation.weights.values.get(&criterion) else {
                    continue;
                };
                if seen.insert(criterion) {
                    hints.push((span.end, format!("= {weight:.2}")));
                }
            }
        }
    }
    hints
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn word_boundaries() {
        assert_eq!(word_at("a learning-curve b", 5), Some(2..16));
        assert_eq!(word_at("a  b", 2), None);
        assert_eq!(word_at("é", 1), Some(0..2));
    }
}
