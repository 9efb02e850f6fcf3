//! The main loop: initialize, then one message at a time until `shutdown` and `exit`. Each
//! request is answered even when its handler fails: bad parameters get `InvalidParams`, a
//! panic gets `InternalError`, and the server keeps serving.

use std::panic::{catch_unwind, AssertUnwindSafe};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::{
    CodeActionKind, CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, OneOf,
    PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};
use serde_json::Value;

use crate::documents::Documents;
use crate::{convert, requests};

/// What the server can do, as announced in `initialize`.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(false),
            })),
            ..Default::default()
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".to_owned(), ",".to_owned(), "[".to_owned()]),
            ..Default::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(lsp_types::CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        ..Default::default()
    }
}

/// Serves one client on `connection` until it asks the server to exit.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let initialize = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo { name: "tradeoff".to_owned(), version: Some(env!("CARGO_PKG_VERSION").to_owned()) },
    });
    let (id, _params) = connection.initialize_start().map_err(|e| e.to_string())?;
    connection
        .initialize_finish(id, initialize)
        .map_err(|e| e.to_string())?;
    let mut documents = Documents::default();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request).map_err(|e| e.to_string())? {
                    return Ok(());
                }
                let response = answer(&mut documents, request, requests::handle);
                send(connection, Message::Response(response));
            }
            Message::Notification(notification) => {
                let method = notification.method.clone();
                let outcome = catch_unwind(AssertUnwindSafe(|| notify(&mut documents, notification)));
                match outcome {
                    Ok(Ok(changed)) => publish(connection, &documents, &changed),
                    Ok(Err(problem)) => log(connection, &format!("{method}: {problem}")),
                    Err(panic) => log(connection, &format!("{method} failed: {}", panic_message(&*panic))),
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

type Handler = fn(&mut Documents, &str, Value) -> Result<Value, requests::Failed>;

/// The response to `request`, whatever `handler` does, panics included.
fn answer(documents: &mut Documents, request: Request, handler: Handler) -> Response {
    let id = request.id.clone();
    let method = request.method.clone();
    match catch_unwind(AssertUnwindSafe(|| handler(documents, &request.method, request.params))) {
        Ok(Ok(result)) => Response::new_ok(id, result),
        Ok(Err(requests::Failed::Unknown)) => Response::new_err(
            id,
            ErrorCode::MethodNotFound as i32,
            format!("tradeoff lsp does not answer `{method}`"),
        ),
        Ok(Err(requests::Failed::BadParams(error))) => {
            Response::new_err(id, ErrorCode::InvalidParams as i32, format!("{method}: {error}"))
        }
        Ok(Err(requests::Failed::Refused(message))) => Response::new_err(id, ErrorCode::RequestFailed as i32, message),
        Err(panic) => Response::new_err(
            id,
            ErrorCode::InternalError as i32,
            format!(
                "internal error in tradeoff lsp while answering `{method}`: {}",
                panic_message(&*panic)
            ),
        ),
    }
}

/// Applies a notification; returns the documents whose diagnostics changed.
fn notify(documents: &mut Documents, notification: Notification) -> Result<Vec<Url>, serde_json::Error> {
    let params = notification.params;
    Ok(match notification.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(params)?;
            let uri = p.text_document.uri;
            documents.set(uri.clone(), p.text_document.text, p.text_document.version);
            vec![uri]
        }
        DidChangeTextDocument::METHOD => {
            let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(params)?;
            // Full sync: the last change holds the whole text.
            let Some(change) = p.content_changes.into_iter().next_back() else {
                return Ok(Vec::new());
            };
            let uri = p.text_document.uri;
            documents.set(uri.clone(), change.text, p.text_document.version);
            vec![uri]
        }
        // A saved spec or a changed catalog file can change what every open spec includes.
        DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD => documents.refresh(),
        DidCloseTextDocument::METHOD => {
            let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(params)?;
            documents.close(&p.text_document.uri);
            vec![p.text_document.uri]
        }
        _ => Vec::new(),
    })
}

fn publish(connection: &Connection, documents: &Documents, uris: &[Url]) {
    for uri in uris {
        let (diagnostics, version) = match documents.get(uri) {
            Some(document) => (convert::diagnostics(document), Some(document.version)),
            None => (Vec::new(), None),
        };
        let params = PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        };
        send(
            connection,
            Message::Notification(Notification::new(PublishDiagnostics::METHOD.to_owned(), params)),
        );
    }
}

fn log(connection: &Connection, message: &str) {
    eprintln!("tradeoff lsp: {message}");
    let params = serde_json::json!({ "type": 1, "message": format!("tradeoff lsp: {message}") });
    send(
        connection,
        Message::Notification(Notification::new("window/logMessage".to_owned(), params)),
    );
}

fn send(connection: &Connection, message: Message) {
    // The client has gone when the channel is closed; the loop ends with its next read.
    let _ = connection.sender.send(message);
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_handler_is_answered_with_an_internal_error_and_the_next_request_is_served() {
        let mut documents = Documents::default();
        let request = |id: i32| Request::new(id.into(), "textDocument/hover".to_owned(), Value::Null);
        let panicked = answer(&mut documents, request(1), |_, _, _| panic!("boom"));
        let error = panicked.error.expect("an error");
        assert_eq!(error.code, ErrorCode::InternalError as i32);
        assert!(error.message.contains("boom"), "{}", error.message);
        let next = answer(&mut documents, request(2), |_, _, _| Ok(Value::Bool(true)));
        assert_eq!(next.result, Some(Value::Bool(true)));
    }
}
