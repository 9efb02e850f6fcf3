//! Reading user files (size limit, UTF-8, BOM), spec discovery, the project root and paths
//! relative to it. Every failure is a bad-input diagnostic naming the path.

use std::path::{Path, PathBuf};

use crate::Failure;

/// Larger inputs are refused before reading: no spec or catalog file is legitimately this big,
/// and reading a huge file into memory first would defeat the language's own size limit, which
/// this is.
pub const MAX_INPUT_BYTES: u64 = tradeoff_lang::MAX_SPEC_BYTES as u64;

/// Reads a user file as UTF-8 text (a leading BOM is dropped), refusing oversized input and
/// anything but a regular file (a FIFO would block forever, `/dev/zero` never end).
pub fn read_text(path: &Path) -> Result<String, Failure> {
    use std::io::Read;
    let shown = path.display();
    let metadata =
        std::fs::metadata(path).map_err(|e| Failure::bad_input_msg(format!("cannot read `{shown}`: {e}")))?;
    if metadata.is_dir() {
        return Err(Failure::bad_input_msg(format!(
            "`{shown}` is a directory, expected a file"
        )));
    }
    if !metadata.is_file() {
        return Err(Failure::bad_input_msg(format!(
            "`{shown}` is not a regular file (a device, FIFO or socket); name the file itself"
        )));
    }
    let too_big = |len: u64| {
        Failure::bad_input_msg(format!(
            "`{shown}` is {len} bytes; input files are limited to {MAX_INPUT_BYTES} bytes"
        ))
    };
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(too_big(metadata.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Failure::bad_input_msg(format!("cannot read `{shown}`: {e}")))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        // The file grew after its size was read.
        return Err(too_big(bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::bad_input_msg(format!(
            "`{shown}` is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The specs `paths` name (files, or folders searched for `*.tradeoff`; the project's `specs/`
/// when none is given), sorted, so every command processes specs in the same order.
pub fn collect_specs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    if !paths.is_empty() {
        return expand(paths);
    }
    match discover_root(Path::new(".")) {
        Some(root) if root.join("specs").is_dir() => expand(&[root.join("specs")]),
        _ => Err(Failure::bad_input_msg(
            "no `specs/` folder here or in any folder above\nhelp: name the spec files, or run `tradeoff init` to start a project",
        )),
    }
}

/// The project a command runs in when it is not told: the nearest folder from `start` upwards
/// that holds `specs/` or `.git`, as cargo and git find theirs. Returned relative to `start`
/// (empty for `start` itself, `..` for its parent), so paths shown stay short.
pub fn discover_root(start: &Path) -> Option<PathBuf> {
    let absolute = std::fs::canonicalize(start).ok()?;
    absolute
        .ancestors()
        .position(|dir| dir.join("specs").is_dir() || dir.join(".git").exists())
        .map(|levels| {
            let mut relative = start.to_path_buf();
            if relative == Path::new(".") {
                relative = PathBuf::new();
            }
            for _ in 0..levels {
                relative.push("..");
            }
            relative
        })
}

/// Expands directories into the `*.tradeoff` files below them, sorted and without duplicates.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found)
                .map_err(|e| Failure::bad_input_msg(format!("cannot list `{}`: {e}", path.display())))?;
        } else if path.exists() {
            found.push(path.clone());
        } else {
            return Err(Failure::bad_input_msg(format!("`{}` does not exist", path.display())));
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|ext| ext == "tradeoff") {
            found.push(path);
        }
    }
    Ok(())
}

/// The project root a spec belongs to: the nearest ancestor of its directory holding `.git`,
/// else the spec's own directory. Catalog includes may not leave it.
pub fn project_root(spec: &Path) -> PathBuf {
    let dir = spec_dir(spec);
    let absolute = std::fs::canonicalize(&dir).unwrap_or(dir);
    absolute
        .ancestors()
        .find(|a| a.join(".git").exists())
        .map(Path::to_path_buf)
        .unwrap_or(absolute)
}

fn spec_dir(spec: &Path) -> PathBuf {
    match spec.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A path as shown to users and stored in records: forward slashes on every platform.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A path from the project root `spec` belongs to, so records and catalog versions do not depend
/// on where the project is checked out or where the command was run from.
pub fn root_relative(spec: &Path, path: &Path) -> String {
    let root = project_root(spec);
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    display_path(absolute.strip_prefix(&root).unwrap_or(&absolute))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_a_diagnostic_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.tradeoff");
        std::fs::write(&path, [b'a', 0xff, 0xfe]).unwrap();
        assert!(matches!(read_text(&path), Err(Failure::BadInput(_))));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_reading() {
        let err = read_text(Path::new("/dev/zero")).unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
    }

    #[test]
    fn bom_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.tradeoff");
        std::fs::write(&path, "\u{feff}decision").unwrap();
        assert_eq!(read_text(&path).ok().as_deref(), Some("decision"));
    }
}
