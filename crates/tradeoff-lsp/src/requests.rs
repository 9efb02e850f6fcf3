//! One function per request the server answers. Each reads the open document, asks the driver,
//! and converts the answer with [`crate::convert`].

use std::collections::HashMap;

use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest, InlayHintRequest,
    Request as _,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CompletionParams, DocumentFormattingParams,
    DocumentSymbolParams, GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams, InlayHint,
    InlayHintLabel, InlayHintParams, Location, MarkupContent, MarkupKind, TextEdit, Url, WorkspaceEdit,
};
use serde_json::Value;
use tradeoff_driver::editor;

use crate::convert;
use crate::documents::{Document, Documents};

/// Why a request has no result.
#[derive(Debug)]
pub enum Failed {
    /// Not a method this server answers.
    Unknown,
    /// The params do not match the method.
    BadParams(String),
    /// Understood, but cannot be done (formatting a spec that does not parse).
    Refused(String),
}

pub fn handle(documents: &mut Documents, method: &str, raw: Value) -> Result<Value, Failed> {
    let result = match method {
        Completion::METHOD => {
            let p: CompletionParams = params(raw)?;
            let position = p.text_document_position;
            let document = open(documents, &position.text_document.uri)?;
            let offset = document.lines.offset(&document.text, position.position);
            let items = editor::complete(&document.analysis, &document.text, offset);
            to_value(convert::completions(items))
        }
        HoverRequest::METHOD => {
            let p: HoverParams = params(raw)?;
            let position = p.text_document_position_params;
            let document = open(documents, &position.text_document.uri)?;
            let offset = document.lines.offset(&document.text, position.position);
            let hover = editor::hover(&document.analysis, &document.text, offset).map(|(markdown, span)| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: markdown,
                }),
                range: Some(document.lines.range(&document.text, span)),
            });
            to_value(hover)
        }
        Formatting::METHOD => {
            let p: DocumentFormattingParams = params(raw)?;
            let document = open(documents, &p.text_document.uri)?;
            let name = document.path.to_string_lossy();
            let formatted = tradeoff_lang::format_source(&name, &document.text).map_err(|_| {
                Failed::Refused("the spec does not parse; fix the errors shown before formatting".to_owned())
            })?;
            let edits = (formatted != document.text).then(|| {
                vec![TextEdit {
                    range: document.lines.everything(&document.text),
                    new_text: formatted,
                }]
            });
            to_value(edits.unwrap_or_default())
        }
        DocumentSymbolRequest::METHOD => {
            let p: DocumentSymbolParams = params(raw)?;
            let document = open(documents, &p.text_document.uri)?;
            to_value(convert::symbols(document, editor::symbols(&document.analysis)))
        }
        GotoDefinition::METHOD => {
            let p: GotoDefinitionParams = params(raw)?;
            let position = p.text_document_position_params;
            let document = open(documents, &position.text_document.uri)?;
            let offset = document.lines.offset(&document.text, position.position);
            let target = editor::definition(&document.analysis, &document.path, offset)
                .and_then(|(path, _)| Url::from_file_path(path).ok())
                .map(|uri| GotoDefinitionResponse::Scalar(Location::new(uri, Default::default())));
            to_value(target)
        }
        InlayHintRequest::METHOD => {
            let p: InlayHintParams = params(raw)?;
            let document = open(documents, &p.text_document.uri)?;
            let hints: Vec<InlayHint> = editor::weight_hints(&document.analysis)
                .into_iter()
                .map(|(offset, label)| InlayHint {
                    position: document.lines.position(&document.text, offset),
                    label: InlayHintLabel::String(label),
                    kind: None,
                    text_edits: None,
                    tooltip: Some(lsp_types::InlayHintTooltip::String(
                        "normalised weight of this criterion".to_owned(),
                    )),
                    padding_left: Some(true),
                    padding_right: None,
                    data: None,
                })
                .collect();
            to_value(hints)
        }
        CodeActionRequest::METHOD => {
            let p: CodeActionParams = params(raw)?;
            let document = open(documents, &p.text_document.uri)?;
            to_value(quick_fixes(document, &p))
        }
        _ => return Err(Failed::Unknown),
    };
    Ok(result)
}

/// "Did you mean" fixes for the findings the requested range touches.
fn quick_fixes(document: &Document, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
    let from = document.lines.offset(&document.text, p.range.start);
    let to = document.lines.offset(&document.text, p.range.end);
    document
        .analysis
        .findings
        .iter()
        .filter_map(|finding| {
            let bytes = finding.bytes.clone()?;
            let replacement = finding.replacement.clone()?;
            (bytes.start <= to && from <= bytes.end).then_some((finding, bytes, replacement))
        })
        .map(|(finding, bytes, replacement)| {
            let range = document.lines.range(&document.text, bytes.clone());
            let edit = TextEdit {
                range,
                new_text: replacement.clone(),
            };
            let title = if replacement.is_empty() {
                format!("Remove `{}`", &document.text[bytes.clone()])
            } else {
                format!("Replace with `{replacement}`")
            };
            CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![convert::diagnostic(document, finding)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(p.text_document.uri.clone(), vec![edit])])),
                    ..Default::default()
                }),
                is_preferred: Some(true),
                ..Default::default()
            })
        })
        .collect()
}

/// The params of a request, or the error that answers it.
fn params<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, Failed> {
    serde_json::from_value(params).map_err(|e| Failed::BadParams(e.to_string()))
}

fn open<'d>(documents: &'d Documents, uri: &Url) -> Result<&'d Document, Failed> {
    documents
        .get(uri)
        .ok_or_else(|| Failed::Refused(format!("`{uri}` is not open: send textDocument/didOpen first")))
}

fn to_value(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
