//! Changes to several files of one folder that must happen together (a record's Markdown and
//! HTML, a supersede that also marks the old record, the two files of the index): a redo
//! journal. The new contents of every file are first written to `.tradeoff-journal` (atomically,
//! so it is complete or absent), then each file is replaced, then the journal is removed. A run
//! killed in between leaves the journal; [`recover`] (run under the folder lock before anything
//! else) replays it, so the operation completes as a whole. Replaying is idempotent.

use std::path::{Path, PathBuf};

use crate::{fault, sync_dir, write, WriteError};

/// The journal's file name in the folder it guards.
pub const JOURNAL: &str = ".tradeoff-journal";

const HEADER: &str = "tradeoff-journal 1\n";
const TRAILER: &str = "end\n";

/// Upper bound on a journal read back: a hand-made or damaged journal must not exhaust memory.
const MAX_JOURNAL_BYTES: u64 = 256 * 1024 * 1024;

/// One file's new contents; `name` is a plain file name inside the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub name: String,
    pub contents: String,
}

/// A file of the folder removed by an operation (after its writes: a rename is a write of the
/// new name and a removal of the old one).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Removal(String);

/// Whether `name` is a plain file name, so a journal can never write outside its folder.
fn plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\n', '\0']) && name != JOURNAL
}

fn encode(changes: &[Change], removals: &[Removal]) -> String {
    let mut out = String::from(HEADER);
    for change in changes {
        out.push_str(&format!("write {} {}\n", change.contents.len(), change.name));
        out.push_str(&change.contents);
        out.push('\n');
    }
    for Removal(name) in removals {
        out.push_str(&format!("remove {name}\n"));
    }
    out.push_str(TRAILER);
    out
}

fn damaged(path: &Path, why: &str) -> WriteError {
    WriteError {
        action: "replay the interrupted operation in",
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("the journal is damaged ({why})"),
        ),
    }
}

type Operation = (Vec<Change>, Vec<Removal>);

fn decode(path: &Path, text: &str) -> Result<Operation, WriteError> {
    let mut rest = text
        .strip_prefix(HEADER)
        .ok_or_else(|| damaged(path, "unknown header"))?;
    let mut changes = Vec::new();
    let mut removals = Vec::new();
    while rest != TRAILER {
        let (line, after) = rest.split_once('\n').ok_or_else(|| damaged(path, "truncated"))?;
        if let Some(name) = line.strip_prefix("remove ") {
            if !plain_name(name) {
                return Err(damaged(path, "a file name that is not a plain name"));
            }
            removals.push(Removal(name.to_owned()));
            rest = after;
            continue;
        }
        let (len, name) = line
            .strip_prefix("write ")
            .and_then(|l| l.split_once(' '))
            .ok_or_else(|| damaged(path, "unknown entry"))?;
        let len: usize = len.parse().map_err(|_| damaged(path, "bad length"))?;
        if !plain_name(name) {
            return Err(damaged(path, "a file name that is not a plain name"));
        }
        let contents = after.get(..len).ok_or_else(|| damaged(path, "truncated"))?;
        rest = after[len..]
            .strip_prefix('\n')
            .ok_or_else(|| damaged(path, "truncated"))?;
        changes.push(Change {
            name: name.to_owned(),
            contents: contents.to_owned(),
        });
    }
    Ok((changes, removals))
}

/// Replaces the files `changes` name in `dir` as one operation (see the module header).
/// Unchanged files are skipped; a single changed file is simply replaced atomically.
pub fn commit(dir: &Path, changes: &[Change]) -> Result<(), WriteError> {
    commit_with_removals(dir, changes, &[])
}

/// [`commit`], also removing the files `removed` names (after the writes), all as one operation.
pub fn commit_with_removals(dir: &Path, changes: &[Change], removed: &[String]) -> Result<(), WriteError> {
    let changed: Vec<&Change> = changes
        .iter()
        .filter(|c| !crate::holds(&dir.join(&c.name), &c.contents))
        .collect();
    debug_assert!(changes.iter().all(|c| plain_name(&c.name)));
    let removals: Vec<Removal> = removed
        .iter()
        .filter(|name| plain_name(name))
        .map(|name| Removal(name.clone()))
        .collect();
    match (changed.as_slice(), removals.is_empty()) {
        ([], true) => return Ok(()),
        ([one], true) => return write(&dir.join(&one.name), &one.contents),
        _ => {}
    }
    let owned: Vec<Change> = changed.into_iter().cloned().collect();
    let journal = dir.join(JOURNAL);
    write(&journal, &encode(&owned, &removals))?;
    apply(dir, &owned, &removals)?;
    remove_journal(&journal)
}

fn apply(dir: &Path, changes: &[Change], removals: &[Removal]) -> Result<(), WriteError> {
    for change in changes {
        write(&dir.join(&change.name), &change.contents)?;
    }
    for Removal(name) in removals {
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Ok(()) => fault::step(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(WriteError {
                    action: "remove",
                    path,
                    source,
                })
            }
        }
    }
    if !removals.is_empty() {
        sync_dir(&dir.join(JOURNAL))?;
    }
    Ok(())
}

fn remove_journal(journal: &Path) -> Result<(), WriteError> {
    std::fs::remove_file(journal).map_err(|source| WriteError {
        action: "remove the finished journal",
        path: journal.to_path_buf(),
        source,
    })?;
    sync_dir(journal)?;
    fault::step();
    Ok(())
}

/// What [`recover`] found and did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Recovery {
    /// Files an interrupted operation had left to write, now written.
    pub completed: Vec<PathBuf>,
    /// Temporary files of interrupted writes, now removed.
    pub removed_temporaries: usize,
}

/// Completes an operation a killed run left unfinished and removes its temporary files. Call it
/// while holding the folder lock, before reading the folder. A folder that does not exist needs
/// nothing.
pub fn recover(dir: &Path) -> Result<Recovery, WriteError> {
    let mut recovery = Recovery::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(recovery),
        Err(source) => {
            return Err(WriteError {
                action: "list",
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let temporary = name.starts_with(".tradeoff-") && name.ends_with(".tmp");
        if temporary && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path()).map_err(|source| WriteError {
                action: "remove the leftover temporary file",
                path: entry.path(),
                source,
            })?;
            recovery.removed_temporaries += 1;
        }
    }
    let journal = dir.join(JOURNAL);
    if let Some((changes, removals)) = read_journal(&journal)? {
        apply(dir, &changes, &removals)?;
        recovery.completed = changes.iter().map(|c| dir.join(&c.name)).collect();
        remove_journal(&journal)?;
    }
    Ok(recovery)
}

/// The pending changes of an interrupted operation in `dir`, if any.
pub fn pending(dir: &Path) -> Result<Option<Vec<Change>>, WriteError> {
    Ok(read_journal(&dir.join(JOURNAL))?.map(|(changes, _)| changes))
}

fn read_journal(journal: &Path) -> Result<Option<Operation>, WriteError> {
    let failed = |source| WriteError {
        action: "read the journal",
        path: journal.to_path_buf(),
        source,
    };
    let metadata = match std::fs::symlink_metadata(journal) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(failed(e)),
    };
    if !metadata.is_file() {
        return Err(damaged(journal, "not a regular file"));
    }
    if metadata.len() > MAX_JOURNAL_BYTES {
        return Err(damaged(journal, "larger than any operation writes"));
    }
    let text = std::fs::read_to_string(journal).map_err(failed)?;
    decode(journal, &text).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(name: &str, contents: &str) -> Change {
        Change {
            name: name.to_owned(),
            contents: contents.to_owned(),
        }
    }

    #[test]
    fn a_journal_round_trips_and_refuses_names_that_leave_the_folder() {
        let changes = vec![change("a.md", "one\ntwo"), change("a.html", "")];
        let path = Path::new("j");
        let removals = vec![Removal("old.md".to_owned())];
        assert_eq!(
            decode(path, &encode(&changes, &removals)).unwrap(),
            (changes.clone(), removals)
        );
        let escaping = encode(&[change("x", "y")], &[]).replace("write 1 x", "write 1 ../x");
        assert!(decode(path, &escaping).is_err());
        let escaping = encode(&[], &[Removal("x".to_owned())]).replace("remove x", "remove ../x");
        assert!(decode(path, &escaping).is_err());
        let truncated = encode(&changes, &[]);
        assert!(decode(path, &truncated[..truncated.len() - 3]).is_err());
    }

    #[test]
    fn a_left_over_journal_is_replayed_and_temporaries_removed() {
        let dir = tempfile::tempdir().unwrap();
        let changes = vec![change("a.md", "new md"), change("a.html", "new html")];
        std::fs::write(dir.path().join("a.md"), "new md").unwrap();
        std::fs::write(dir.path().join("a.html"), "old html").unwrap();
        std::fs::write(
            dir.path().join(JOURNAL),
            encode(&changes, &[Removal("gone.md".to_owned())]),
        )
        .unwrap();
        std::fs::write(dir.path().join("gone.md"), "renamed away").unwrap();
        std::fs::write(dir.path().join(".tradeoff-abc.tmp"), "half").unwrap();
        let recovery = recover(dir.path()).unwrap();
        assert_eq!(recovery.removed_temporaries, 1);
        assert_eq!(recovery.completed.len(), 2);
        assert_eq!(std::fs::read_to_string(dir.path().join("a.html")).unwrap(), "new html");
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["a.html", "a.md"]);
        assert_eq!(recover(dir.path()).unwrap(), Recovery::default());
    }

    #[test]
    fn commit_writes_every_changed_file_and_leaves_no_journal() {
        let dir = tempfile::tempdir().unwrap();
        commit(dir.path(), &[change("a", "1"), change("b", "2"), change("c", "3")]).unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("b")).unwrap(), "2");
        assert!(!dir.path().join(JOURNAL).exists());
        assert_eq!(pending(dir.path()).unwrap(), None);
    }
}
