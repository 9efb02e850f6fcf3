//! `tradeoff-lsp` owns the Language Server Protocol front end: the stdio transport, the
//! documents an editor has open, and the conversion of the driver's answers (findings,
//! completions, hover, outline, weights, fixes) into LSP messages. Positions cross here from
//! byte offsets to UTF-16 lines and columns.
//!
//! It must not hold language, scoring or pipeline rules: every question about a spec goes to
//! `tradeoff-driver` (`editor`), exactly as the CLI's commands do, so the editor and the CLI
//! never disagree. It does not print except to stderr for logs; stdout is the protocol.

mod convert;
mod documents;
mod position;
mod requests;
mod server;
pub mod transport;

pub use server::{capabilities, serve};

/// Serves one editor over stdin and stdout until it says `exit`.
pub fn serve_stdio() -> Result<(), String> {
    let (connection, threads) = transport::stdio();
    serve(&connection)?;
    // The writer ends once every sender is gone: this one, and the reader's after `exit`.
    drop(connection);
    threads.join().map_err(|e| format!("cannot write to stdout: {e}"))
}
