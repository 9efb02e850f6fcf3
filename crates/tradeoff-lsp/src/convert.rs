//! The driver's answers in LSP's types: findings as diagnostics, completions, the outline.

use lsp_types::{
    CompletionItem, CompletionItemKind, Diagnostic, DiagnosticSeverity, DocumentSymbol, NumberOrString, Position,
    Range, SymbolKind,
};
use tradeoff_driver::diagnostics::Finding;
use tradeoff_driver::editor::{Completion, CompletionKind, Symbol};

use crate::documents::Document;

/// Every finding of the document's analysis as a diagnostic.
pub fn diagnostics(document: &Document) -> Vec<Diagnostic> {
    document
        .analysis
        .findings
        .iter()
        .map(|finding| diagnostic(document, finding))
        .collect()
}

/// One finding as the CLI shows it: the code, message and help, at its place in the spec. A
/// problem in an included catalog file is shown on the include, naming the file's place.
pub fn diagnostic(document: &Document, finding: &Finding) -> Diagnostic {
    let range = match &finding.bytes {
        Some(bytes) => document.lines.range(&document.text, bytes.clone()),
        None => elsewhere(document, finding),
    };
    let mut message = match (&finding.file, &finding.region) {
        (Some(file), Some(region)) => format!(
            "{file}:{}:{}: {}",
            region.start_line, region.start_column, finding.message
        ),
        (Some(file), None) => format!("{file}: {}", finding.message),
        _ => finding.message.clone(),
    };
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(finding.code.name().to_owned())),
        source: Some("tradeoff".to_owned()),
        message,
        ..Default::default()
    }
}

/// Where a finding without a place in the spec is shown: the include of the catalog file it is
/// in, else the start of the spec.
fn elsewhere(document: &Document, finding: &Finding) -> Range {
    let include = finding.file.as_deref().and_then(|file| {
        let syntax = document.analysis.syntax.as_ref()?;
        let file_name = file.rsplit('/').next().unwrap_or(file);
        syntax
            .catalog_includes()
            .into_iter()
            .find(|include| include.value.ends_with(file_name))
    });
    match include {
        Some(include) => document
            .lines
            .range(&document.text, include.span.start..include.span.end),
        None => Range::new(Position::new(0, 0), Position::new(0, 0)),
    }
}

pub fn completions(items: Vec<Completion>) -> Vec<CompletionItem> {
    items
        .into_iter()
        .map(|item| {
            let (kind, insert) = match item.kind {
                CompletionKind::Key => (CompletionItemKind::PROPERTY, None),
                CompletionKind::Block => (CompletionItemKind::MODULE, Some(format!("{} {{", item.label))),
                CompletionKind::Criterion => (CompletionItemKind::FIELD, None),
                CompletionKind::Value => (CompletionItemKind::ENUM_MEMBER, None),
                CompletionKind::Framework => (CompletionItemKind::CLASS, None),
            };
            CompletionItem {
                label: item.label,
                kind: Some(kind),
                detail: Some(item.detail),
                insert_text: insert,
                ..Default::default()
            }
        })
        .collect()
}

pub fn symbols(document: &Document, symbols: Vec<Symbol>) -> Vec<DocumentSymbol> {
    symbols.into_iter().map(|s| symbol(document, s)).collect()
}

#[allow(deprecated)] // `deprecated` is a required field of the struct, deprecated in favour of tags
fn symbol(document: &Document, symbol: Symbol) -> DocumentSymbol {
    let kind = match symbol.kind {
        tradeoff_driver::editor::SymbolKind::Decision => SymbolKind::NAMESPACE,
        tradeoff_driver::editor::SymbolKind::Block => SymbolKind::OBJECT,
        tradeoff_driver::editor::SymbolKind::Statement => SymbolKind::PROPERTY,
    };
    let children: Vec<DocumentSymbol> = symbol.children.into_iter().map(|c| self::symbol(document, c)).collect();
    DocumentSymbol {
        name: symbol.name,
        detail: (!symbol.detail.is_empty()).then_some(symbol.detail),
        kind,
        tags: None,
        deprecated: None,
        range: document.lines.range(&document.text, symbol.span),
        selection_range: document.lines.range(&document.text, symbol.name_span),
        children: (!children.is_empty()).then_some(children),
    }
}
