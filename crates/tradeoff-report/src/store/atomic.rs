//! Atomic file replacement: readers (and a crash) see either the old file or the new one,
//! never half a record.

use std::io::Write;
use std::path::Path;

use crate::error::ReportError;

/// Writes `contents` to `path` through a temporary file in the same directory (so the final
/// rename stays on one file system) and renames it into place.
pub fn write(path: &Path, contents: &str) -> Result<(), ReportError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tradeoff-").suffix(".tmp");
    // Temporary files are private by default; a record is a document meant to be read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut file = builder
        .tempfile_in(dir)
        .map_err(|e| ReportError::io("create a temporary file in", dir, e))?;
    file.write_all(contents.as_bytes())
        .map_err(|e| ReportError::io("write", file.path().to_owned(), e))?;
    file.as_file()
        .sync_all()
        .map_err(|e| ReportError::io("flush", file.path().to_owned(), e))?;
    file.persist(path)
        .map_err(|e| ReportError::io("replace", path, e.error))?;
    Ok(())
}

/// Writes only when the bytes differ, so an unchanged file keeps its timestamp. Returns whether
/// it wrote.
pub fn write_if_changed(path: &Path, contents: &str) -> Result<bool, ReportError> {
    match std::fs::read(path) {
        Ok(existing) if existing == contents.as_bytes() => Ok(false),
        Ok(_) => write(path, contents).map(|()| true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => write(path, contents).map(|()| true),
        Err(e) => Err(ReportError::io("read", path, e)),
    }
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

    #[test]
    fn unchanged_content_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        assert!(write_if_changed(&path, "x").unwrap());
        assert!(!write_if_changed(&path, "x").unwrap());
        assert!(write_if_changed(&path, "y").unwrap());
    }
}
