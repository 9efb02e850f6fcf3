//! Why a driver call failed: the user's input is wrong, or tradeoff itself is. Front ends map
//! the two to their own signals (exit codes 2 and 3 for the CLI).

use miette::{Diagnostic, Report};
use tradeoff_lang::SpecError;

#[derive(Debug)]
pub enum Failure {
    /// A spec has errors at known places. Kept typed, so every front end can place them.
    Spec(SpecError),
    /// Other input is wrong: arguments, catalog files, records, unreadable files.
    BadInput(Report),
    /// tradeoff itself failed.
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

    /// Whether the failure is tradeoff's own fault rather than the input's.
    pub fn is_internal(&self) -> bool {
        matches!(self, Failure::Internal(_))
    }

    /// The failure as a diagnostic, for rendering.
    pub fn diagnostic(&self) -> &(dyn Diagnostic + 'static) {
        match self {
            Failure::Spec(error) => error,
            Failure::BadInput(report) | Failure::Internal(report) => report.as_ref(),
        }
    }
}

impl From<SpecError> for Failure {
    fn from(error: SpecError) -> Self {
        Failure::Spec(error)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.diagnostic(), f)
    }
}
