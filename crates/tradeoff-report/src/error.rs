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

    /// The cause is stated once, in the message (it is deliberately not a `#[source]`, which
    /// reporters print a second time), and the help says what to do about it.
    #[error("cannot {action} `{}`: {cause}", path.display())]
    #[diagnostic(code(tradeoff::report::io))]
    Io {
        action: &'static str,
        path: PathBuf,
        cause: std::io::Error,
        #[help]
        help: Option<String>,
    },

    /// Another run holds the folder lock.
    #[error("another tradeoff run is writing to `{}`; waited {waited_secs:.1} s for it to finish", dir.display())]
    #[diagnostic(
        code(tradeoff::report::busy),
        help("wait for the other run (a second terminal, an editor, a CI job) to finish, then run this again")
    )]
    Busy { dir: PathBuf, waited_secs: f64 },

    /// The record was edited by hand outside its `## Notes` section; `decide` does not overwrite
    /// it unless forced.
    #[error("`{}` was edited by hand (or the templates changed) outside its `## Notes` section:\n{diff}", path.display())]
    #[diagnostic(
        code(tradeoff::report::hand_edited),
        help("keep your own text under a `## Notes` heading at the end of the record (tradeoff keeps it), or run `tradeoff decide --force` to overwrite the edit")
    )]
    HandEdited { path: PathBuf, diff: String },

    /// Every record number is in use.
    #[error("`{}` already holds record number 9999, the highest there is", dir.display())]
    #[diagnostic(
        code(tradeoff::report::numbers_exhausted),
        help("start a new folder for further records (`--out`), or archive old ones")
    )]
    NumbersExhausted { dir: PathBuf },

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

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, cause: std::io::Error) -> ReportError {
        ReportError::Io {
            action,
            path: path.into(),
            help: what_to_do(&cause),
            cause,
        }
    }
}

/// What the user can do about an I/O error, when the error says it.
fn what_to_do(cause: &std::io::Error) -> Option<String> {
    use std::io::ErrorKind;
    let help = match cause.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "free some space on that disk, then run this again: an interrupted operation is completed by the next run"
        }
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "make the folder and its files writable by you (or run where they are), then run this again"
        }
        ErrorKind::IsADirectory | ErrorKind::NotADirectory => {
            "move what is in the way of that file elsewhere, then run this again"
        }
        ErrorKind::InvalidData => "restore the file from version control, or delete it if it is not yours",
        _ => return None,
    };
    Some(help.to_owned())
}

impl From<tradeoff_fs::WriteError> for ReportError {
    fn from(error: tradeoff_fs::WriteError) -> ReportError {
        ReportError::io(error.action, error.path, error.source)
    }
}
