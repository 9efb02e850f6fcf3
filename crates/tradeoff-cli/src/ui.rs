//! Status output on stderr, honouring --quiet and --verbose. Requested output goes to stdout.

use crate::cli::GlobalArgs;

pub struct Ui {
    pub quiet: bool,
    pub verbose: bool,
}

impl Ui {
    pub fn new(global: &GlobalArgs) -> Self {
        Ui {
            quiet: global.quiet,
            verbose: global.verbose,
        }
    }

    /// A one-line status message ("wrote reports/0001-x.md"); silenced by --quiet.
    pub fn status(&self, message: impl AsRef<str>) {
        if !self.quiet {
            crate::out::message(&format!("{}\n", message.as_ref()));
        }
    }

    /// Step-by-step detail, only with --verbose.
    pub fn detail(&self, message: impl AsRef<str>) {
        if self.verbose {
            crate::out::message(&format!("  {}\n", message.as_ref()));
        }
    }
}
