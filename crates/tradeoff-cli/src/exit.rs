//! The one place where failures become exit codes and diagnostics reach the terminal.
//!
//! Exit codes: 0 success, 1 a check found problems, 2 bad input (a diagnostic was printed),
//! 3 internal error (a bug in tradeoff; the message asks for a report).

use std::process::ExitCode;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, Report};

use crate::cli::ColorChoice;

/// How a successful run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// A check ran to completion and found problems (fmt --check, check).
    ProblemsFound,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Failure {
    /// The user's input (arguments, spec, catalog file) is wrong: exit 2.
    BadInput(Report),
    /// tradeoff itself failed: exit 3.
    Internal(Report),
}

impl Failure {
    pub fn bad_input(diagnostic: impl Diagnostic + Send + Sync + 'static) -> Self {
        Failure::BadInput(Report::new(diagnostic))
    }

    pub fn bad_input_msg(message: impl Into<String>) -> Self {
        Failure::BadInput(miette::miette!("{}", message.into()))
    }

    pub fn internal(message: impl std::fmt::Display) -> Self {
        Failure::Internal(miette::miette!(
            help = "this is a bug in tradeoff; please report it with the command you ran",
            "internal error: {message}"
        ))
    }
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

/// Renders a diagnostic to a string with the chosen color setting.
pub fn render(diagnostic: &dyn Diagnostic, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let width = terminal_width();
    let mut out = String::new();
    let handler = GraphicalReportHandler::new_themed(theme).with_width(width);
    if handler.render_report(&mut out, diagnostic).is_err() {
        out = format!("{diagnostic}");
    }
    out
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

/// Prints the failure and maps it to its exit code.
pub fn finish(result: CommandResult, color: bool) -> ExitCode {
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(Failure::BadInput(report)) => {
            eprint!("{}", render(report.as_ref(), color));
            ExitCode::from(2)
        }
        Err(Failure::Internal(report)) => {
            eprint!("{}", render(report.as_ref(), color));
            ExitCode::from(3)
        }
    }
}
