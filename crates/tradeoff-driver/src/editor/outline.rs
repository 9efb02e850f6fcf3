//! The spec's structure for an editor: the outline, the weight hints, and where a catalog
//! include points.

use std::ops::Range;
use std::path::{Path, PathBuf};

use tradeoff_lang::ast::{Item, Span, Statement, ValueKind};
use tradeoff_lang::vocab::Criterion;

use super::Analysis;
use crate::includes;

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
