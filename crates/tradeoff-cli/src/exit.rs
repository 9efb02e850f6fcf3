//! The one place where failures become exit codes and diagnostics reach the terminal.
//!
//! Exit codes: 0 success, 1 a check found problems, 2 bad input (a diagnostic was printed),
//! 3 internal error (a bug in tradeoff; the message asks for a report).

use std::process::ExitCode;

use miette::Diagnostic;
pub use tradeoff_driver::Failure;

use crate::cli::ColorChoice;

/// How a successful run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// A check ran to completion and found problems (fmt --check, check).
    ProblemsFound,
}

pub type CommandResult = Result<Outcome, Failure>;

/// Whether diagnostics should be colored, given the flag, NO_COLOR and the terminal.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stderr())
        }
    }
}

/// Renders a diagnostic for this terminal, through the one renderer of `tradeoff-lang`.
pub fn render(diagnostic: &dyn Diagnostic, color: bool) -> String {
    tradeoff_lang::render(diagnostic, color, terminal_width())
}

/// The terminal's width from `COLUMNS` (at least 40), else 100.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

/// A panic is a bug in tradeoff: it ends the run with a short message and exit code 3, like
/// any other internal error, instead of Rust's backtrace and exit code 101.
pub fn report_panics_as_internal_errors() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_owned());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what: String = tradeoff_lang::visible::visible(&what).chars().take(500).collect();
        crate::out::message(&format!(
            "internal error: {what}{place}\n  help: this is a bug in tradeoff; please report it with the command you ran\n"
        ));
        std::process::exit(3);
    }));
}

/// Prints the failure and maps it to its exit code.
pub fn finish(result: CommandResult, color: bool) -> ExitCode {
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(failure) => {
            crate::out::message(&render(failure.diagnostic(), color));
            ExitCode::from(if failure.is_internal() { 3 } else { 2 })
        }
    }
}
