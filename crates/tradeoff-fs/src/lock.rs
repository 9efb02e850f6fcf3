//! An exclusive lock on a folder, so two runs never write the same folder at once (two `decide`
//! runs used to give two records the same number).
//!
//! On Unix the folder itself is locked (`flock` on its descriptor): no lock file is left behind
//! to commit or clean up, and the lock dies with the process, so a killed run never leaves a
//! stale lock. Elsewhere the lock is taken on `.tradeoff.lock` in the folder.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fs4::{FileExt, TryLockError};

/// The lock file on systems that cannot lock a folder (it is empty; it may be gitignored).
pub const LOCK_FILE: &str = ".tradeoff.lock";

/// How long a run waits for another one to finish before giving up, unless
/// `TRADEOFF_LOCK_WAIT_MS` (a test hook) says otherwise.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it and did not release it within `waited`.
    Busy { dir: PathBuf, waited: Duration },
    /// The folder or lock file could not be opened or locked.
    Io { dir: PathBuf, source: std::io::Error },
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Busy { dir, waited } => write!(
                f,
                "another tradeoff run is writing to `{}` (waited {:.1} s for it to finish)",
                dir.display(),
                waited.as_secs_f64()
            ),
            LockError::Io { dir, source } => write!(f, "cannot lock `{}`: {source}", dir.display()),
        }
    }
}

impl std::error::Error for LockError {}

/// Held while a run writes a folder; dropping it releases the lock.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

#[cfg(unix)]
fn lock_target(dir: &Path) -> std::io::Result<File> {
    File::open(dir)
}

#[cfg(not(unix))]
fn lock_target(dir: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
}

/// The wait `TRADEOFF_LOCK_WAIT_MS` sets, else [`DEFAULT_WAIT`].
pub fn configured_wait() -> Duration {
    std::env::var("TRADEOFF_LOCK_WAIT_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(DEFAULT_WAIT, Duration::from_millis)
}

impl FolderLock {
    /// Takes the exclusive lock on `dir` (which must exist), polling until `wait` has passed.
    pub fn acquire(dir: &Path, wait: Duration) -> Result<FolderLock, LockError> {
        let io = |source| LockError::Io {
            dir: dir.to_path_buf(),
            source,
        };
        let file = lock_target(dir).map_err(io)?;
        let start = Instant::now();
        loop {
            match FileExt::try_lock(&file) {
                Ok(()) => return Ok(FolderLock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::Busy {
                        dir: dir.to_path_buf(),
                        waited: start.elapsed(),
                    })
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_then_fails_and_is_free_once_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = FolderLock::acquire(dir.path(), Duration::ZERO).unwrap();
        let busy = FolderLock::acquire(dir.path(), Duration::from_millis(60)).unwrap_err();
        assert!(matches!(busy, LockError::Busy { waited, .. } if waited >= Duration::from_millis(60)));
        assert!(busy.to_string().contains(&dir.path().display().to_string()), "{busy}");
        drop(first);
        FolderLock::acquire(dir.path(), Duration::ZERO).unwrap();
    }
}
