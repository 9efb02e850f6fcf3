//! A test hook for crash tests: `TRADEOFF_FAULT_AFTER_WRITES=N` makes the process abort (no
//! destructors, no clean-up: what `kill -9` leaves) at the N-th step of a write, counted from 1.
//! The steps are: a temporary file written but not yet renamed, a rename done, a journal removed.
//! Unset (the normal case), it costs one environment lookup per process.
//!
//! It is read in every build, not only in tests, so the crash harness (`tests/kill.rs`) runs the
//! binary users run.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// The environment variable that arms the hook.
pub const FAULT_ENV: &str = "TRADEOFF_FAULT_AFTER_WRITES";

static STEPS: AtomicU64 = AtomicU64::new(0);

fn armed_at() -> Option<u64> {
    static AT: OnceLock<Option<u64>> = OnceLock::new();
    *AT.get_or_init(|| std::env::var(FAULT_ENV).ok().and_then(|n| n.parse().ok()))
}

/// One step of a write is done: abort here if the hook says so.
pub(crate) fn step() {
    if let Some(at) = armed_at() {
        if STEPS.fetch_add(1, Ordering::SeqCst) + 1 == at {
            std::process::abort();
        }
    }
}
