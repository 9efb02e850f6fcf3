//! What a run that writes records found left by an interrupted one, and repaired before it began.

use std::path::PathBuf;

use tradeoff_report::Recovery;

/// An interrupted operation completed, or its leftovers removed, by the run that took the
/// folder lock after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// Files the interrupted operation had committed to and left to write, now written.
    pub completed: Vec<PathBuf>,
    /// Temporary files of writes that never reached their commit point (nothing of them had
    /// been written), now removed.
    pub removed_temporaries: usize,
}

impl Recovered {
    /// `None` when there was nothing to repair.
    pub(crate) fn of(recovery: Recovery) -> Option<Recovered> {
        (!recovery.completed.is_empty() || recovery.removed_temporaries > 0).then_some(Recovered {
            completed: recovery.completed,
            removed_temporaries: recovery.removed_temporaries,
        })
    }
}
