//! Errors as values: every failure names the file or template involved so the CLI can print
//! it without guessing.

use std::path::PathBuf;

/// Why rendering or writing a record failed.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ReportError {
    /// A template failed to parse or render (syntax error, undefined variable, bad filter).
    #[error("template `{name}`: {message}")]
    #[diagnostic(code(tradeoff::report::template))]
    Template { name: String, message: String },

    #[error("cannot {action} {}: {source}", path.display())]
    #[diagnostic(code(tradeoff::report::io))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// An existing record the store must update does not have the shape this tool writes.
    #[error("{}: {message}", path.display())]
    #[diagnostic(
        code(tradeoff::report::bad_record),
        help("records are updated in place; restore the file from version control or delete it to start over")
    )]
    BadRecord { path: PathBuf, message: String },
}

impl ReportError {
    pub(crate) fn template(name: &str, error: &minijinja::Error) -> ReportError {
        // The alternate form includes the template line and the failing expression.
        ReportError::Template {
            name: name.to_owned(),
            message: format!("{error:#}"),
        }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> ReportError {
        ReportError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

impl From<tradeoff_fs::WriteError> for ReportError {
    fn from(error: tradeoff_fs::WriteError) -> ReportError {
        ReportError::io(error.action, error.path, error.source)
    }
}
