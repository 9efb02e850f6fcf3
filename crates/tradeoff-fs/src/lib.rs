//! `tradeoff-fs` owns the one way tradeoff replaces a file: atomically (readers and a crash see
//! the old file or the new one, never half of either) and keeping the permissions the file had.
//! Records, the decision log and formatted specs are all written through it. It also owns the
//! two things that make several writes one operation: the folder lock ([`FolderLock`]) and the
//! redo journal ([`journal`]), and the crash-test hook ([`fault`]); and the content hash the
//! journal names files by ([`hash`]), which records are sealed with too.
//!
//! It must not know what it writes: no formats parsed, nothing printed; the only names it
//! chooses are its own (`.tradeoff-*.tmp`, `.tradeoff-journal`, `.tradeoff.lock`).

pub mod fault;
pub mod hash;
pub mod journal;
mod lock;
mod writeback;

pub use lock::{configured_wait, FolderLock, LockError, DEFAULT_WAIT, LOCK_FILE};

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Temporary files tradeoff writes are named `.tradeoff-*.tmp`, beside the file they replace.
const TEMPORARY_PREFIX: &str = ".tradeoff-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Whether the file name `name` is one of tradeoff's temporary files: what a killed write
/// leaves behind, or (named by a pending journal) the new contents of an interrupted operation.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)
}

/// A write that failed: what was being done, to which path, and why.
#[derive(Debug)]
pub struct WriteError {
    /// What was being done, as a verb phrase: "create a temporary file in", "replace".
    pub action: &'static str,
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot {} `{}`: {}", self.action, self.path.display(), self.source)
    }
}

// No `source()`: the message already states the cause, and reporters that print the chain
// would state it twice.
impl std::error::Error for WriteError {}

fn failed<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> WriteError + 'a {
    move |source| WriteError {
        action,
        path: path.to_owned(),
        source,
    }
}

/// Replaces `path` with `contents` through a temporary file in the same directory (so the final
/// rename stays on one file system). An existing file keeps its permissions; a new one is
/// readable by everyone (0644 before the umask), as a document meant to be read.
pub fn write(path: &Path, contents: &str) -> Result<(), WriteError> {
    stage(path, contents)?.put_in_place()
}

/// A file's new contents in a temporary file beside it (durable once flushed), not yet in its
/// place. Dropped unplaced, the temporary file is removed.
pub(crate) struct Staged {
    path: PathBuf,
    file: tempfile::NamedTempFile,
}

impl Staged {
    /// Renames the temporary file over the file it replaces. The rename is durable only once
    /// the folder is flushed ([`sync_dir`]).
    pub(crate) fn replace(self) -> Result<(), WriteError> {
        let Staged { path, file } = self;
        file.persist(&path).map_err(|e| failed("replace", &path)(e.error))?;
        Ok(())
    }

    /// The temporary file's name (in the folder of the file it replaces).
    pub(crate) fn temporary_name(&self) -> String {
        self.file
            .path()
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Renames the temporary file over the file it replaces and flushes the folder: the
    /// replacement of one file, complete and durable.
    pub(crate) fn put_in_place(self) -> Result<(), WriteError> {
        let path = self.path.clone();
        self.replace()?;
        sync_dir(&path)?;
        fault::step();
        Ok(())
    }

    /// Waits until the new contents are on disk.
    pub(crate) fn flush(&self) -> Result<(), WriteError> {
        self.file.as_file().sync_all().map_err(failed("write", &self.path))?;
        fault::step();
        Ok(())
    }

    /// Keeps the temporary file when this is dropped: once a journal names it, it is the only
    /// copy of the new contents until it is renamed into place.
    pub(crate) fn keep(self) -> Result<(), WriteError> {
        let Staged { path, file } = self;
        file.into_temp_path()
            .keep()
            .map(|_| ())
            .map_err(|e| failed("write", &path)(e.error))
    }
}

/// Writes `contents` to a temporary file beside `path` and flushes it to disk, keeping the
/// permissions `path` has (see [`write`]).
pub(crate) fn stage(path: &Path, contents: &str) -> Result<Staged, WriteError> {
    let staged = stage_unflushed(path, contents)?;
    staged.flush()?;
    Ok(staged)
}

/// [`stage`] without waiting for the disk: the contents are written and their write-back is
/// started, and [`Staged::flush`] later waits for it. An operation that stages several files
/// (and renders between them) lets the disk work meanwhile instead of waiting once per file.
pub(crate) fn stage_unflushed(path: &Path, contents: &str) -> Result<Staged, WriteError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let kept = match std::fs::metadata(path) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(failed("read the permissions of", path)(e)),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMPORARY_PREFIX).suffix(TEMPORARY_SUFFIX);
    // Temporary files are private by default; what tradeoff writes is meant to be read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    // Errors name the file being replaced, never the temporary file the user has not heard of.
    let mut file = builder.tempfile_in(dir).map_err(failed("write", path))?;
    if let Some(permissions) = kept {
        // Set on the open file, so the umask does not apply: the file keeps exactly its mode.
        file.as_file()
            .set_permissions(permissions)
            .map_err(failed("set the permissions of", path))?;
    }
    file.write_all(contents.as_bytes()).map_err(failed("write", path))?;
    writeback::start(file.as_file());
    Ok(Staged {
        path: path.to_owned(),
        file,
    })
}

/// Flushes the folder holding `path`, so a rename or removal in it survives a power loss.
#[cfg(unix)]
pub(crate) fn sync_dir(path: &Path) -> Result<(), WriteError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(failed("flush the folder of", path))
}

/// Folders cannot be opened as files here; renames are flushed by the file system.
#[cfg(not(unix))]
pub(crate) fn sync_dir(_path: &Path) -> Result<(), WriteError> {
    Ok(())
}

/// Whether `path` is a regular file (not a link, device or FIFO) holding exactly `contents`. Only
/// a file of the right length is read, so comparing never reads more than `contents.len()` bytes.
pub(crate) fn holds(path: &Path, contents: &str) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() && metadata.len() == contents.len() as u64 => {
            std::fs::read(path).is_ok_and(|existing| existing == contents.as_bytes())
        }
        _ => false,
    }
}

/// Writes only when the bytes differ, so an unchanged file keeps its timestamp. Returns whether
/// it wrote.
pub fn write_if_changed(path: &Path, contents: &str) -> Result<bool, WriteError> {
    if holds(path, contents) {
        return Ok(false);
    }
    write(path, contents).map(|()| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        write(&path, "one").unwrap();
        write(&path, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.md")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_an_endless_device_is_replaced_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        assert!(write_if_changed(&path, "page").unwrap());
        assert!(!std::fs::symlink_metadata(&path).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "page");
    }

    #[test]
    fn unchanged_content_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        assert!(write_if_changed(&path, "x").unwrap());
        assert!(!write_if_changed(&path, "x").unwrap());
        assert!(write_if_changed(&path, "y").unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_mode_and_a_new_one_is_readable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let shared = dir.path().join("shared.tradeoff");
        std::fs::write(&shared, "old").unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).unwrap();
        write(&shared, "new").unwrap();
        assert_eq!(mode(&shared), 0o664);
        let private = dir.path().join("private.tradeoff");
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        write(&private, "new").unwrap();
        assert_eq!(mode(&private), 0o600);
        let fresh = dir.path().join("fresh.md");
        write(&fresh, "x").unwrap();
        assert_eq!(mode(&fresh) & 0o444, 0o444, "{:o}", mode(&fresh));
    }
}
