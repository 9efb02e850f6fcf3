//! `tradeoff lsp`: the language server, for editors. It speaks on stdin and stdout until the
//! editor says `exit`; a broken connection is an internal error (exit 3).

use crate::exit::{CommandResult, Failure, Outcome};

pub fn run() -> CommandResult {
    tradeoff_lsp::serve_stdio().map_err(|e| Failure::internal(format!("the language server stopped: {e}")))?;
    Ok(Outcome::Success)
}
