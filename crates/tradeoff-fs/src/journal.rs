//! Changes to several files of one folder that must happen together (a record's Markdown and
//! HTML, a supersede that also marks the old record, the two files of the index): a redo
//! journal.
//!
//! 1. Every new content is written to a temporary file beside its target as soon as it is
//!    staged ([`Batch::stage`], its write-back started), and all of them are flushed to disk when
//!    the operation commits. Each byte is written once (the journal holds names and hashes, not
//!    contents): on a slow disk the flush of a record's 150 KB costs more than all the rest of
//!    `decide`.
//! 2. `.tradeoff-journal` is written (atomically, so it is complete or absent): for each file,
//!    the temporary file to rename and the SHA-256 of what it holds, then the files to remove.
//!    Its presence is the commit point.
//! 3. The temporary files are renamed over their targets, removed files are removed, and the
//!    folder is flushed once.
//! 4. The journal is removed.
//!
//! A run killed before step 2 leaves only temporary files, which [`recover`] (run under the
//! folder lock before anything else) removes: nothing happened. Killed later, it leaves the
//! journal, which `recover` replays: renames whose temporary file is still there, checks that
//! the others already hold their content, removes what is to be removed. Replaying is
//! idempotent. A journal of the first format (which held the new contents themselves, written
//! by tradeoff before this one) is still replayed.

use std::path::{Path, PathBuf};

use crate::hash::sha256_hex;
use crate::{fault, is_temporary, sync_dir, write, Staged, WriteError};

/// The journal's file name in the folder it guards.
pub const JOURNAL: &str = ".tradeoff-journal";

/// The journal this tradeoff writes: temporary files to rename into place.
const HEADER: &str = "tradeoff-journal 2\n";
/// The journal earlier versions wrote: the new contents themselves.
const HEADER_WITH_CONTENTS: &str = "tradeoff-journal 1\n";
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

/// One file put in place by renaming a temporary file that holds its new contents.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rename {
    temporary: String,
    target: String,
    /// Lower-case hex SHA-256 of the new contents.
    sha256: String,
}

/// What a journal says to do.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Operation {
    Renames(Vec<Rename>, Vec<Removal>),
    /// A journal of the first format.
    Writes(Vec<Change>, Vec<Removal>),
}

impl Operation {
    fn targets(&self) -> Vec<&str> {
        match self {
            Operation::Renames(renames, _) => renames.iter().map(|r| r.target.as_str()).collect(),
            Operation::Writes(changes, _) => changes.iter().map(|c| c.name.as_str()).collect(),
        }
    }
}

/// Whether `name` is a plain file name, so a journal can never write outside its folder.
fn plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\n', '\0']) && name != JOURNAL
}

fn encode(renames: &[Rename], removals: &[Removal]) -> String {
    let mut out = String::from(HEADER);
    for rename in renames {
        out.push_str(&format!(
            "rename {} {} {}\n",
            rename.sha256, rename.temporary, rename.target
        ));
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

fn decode(path: &Path, text: &str) -> Result<Operation, WriteError> {
    if let Some(rest) = text.strip_prefix(HEADER_WITH_CONTENTS) {
        return decode_writes(path, rest);
    }
    let mut rest = text
        .strip_prefix(HEADER)
        .ok_or_else(|| damaged(path, "unknown header"))?;
    let mut renames = Vec::new();
    let mut removals = Vec::new();
    while rest != TRAILER {
        let (line, after) = rest.split_once('\n').ok_or_else(|| damaged(path, "truncated"))?;
        rest = after;
        if let Some(name) = line.strip_prefix("remove ") {
            removals.push(Removal(checked_name(path, name)?.to_owned()));
            continue;
        }
        let mut words = line
            .strip_prefix("rename ")
            .ok_or_else(|| damaged(path, "unknown entry"))?
            .splitn(3, ' ');
        let (Some(sha256), Some(temporary), Some(target)) = (words.next(), words.next(), words.next()) else {
            return Err(damaged(path, "a rename without its hash, temporary file and target"));
        };
        let is_hash = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !is_hash {
            return Err(damaged(path, "a bad hash"));
        }
        if !is_temporary(checked_name(path, temporary)?) {
            return Err(damaged(path, "a rename from a file that is not a temporary file"));
        }
        renames.push(Rename {
            temporary: temporary.to_owned(),
            target: checked_name(path, target)?.to_owned(),
            sha256: sha256.to_owned(),
        });
    }
    Ok(Operation::Renames(renames, removals))
}

fn checked_name<'a>(path: &Path, name: &'a str) -> Result<&'a str, WriteError> {
    if plain_name(name) {
        Ok(name)
    } else {
        Err(damaged(path, "a file name that is not a plain name"))
    }
}

/// The first format: `write LEN NAME`, the contents, a newline; `remove NAME`; `end`.
fn decode_writes(path: &Path, mut rest: &str) -> Result<Operation, WriteError> {
    let mut changes = Vec::new();
    let mut removals = Vec::new();
    while rest != TRAILER {
        let (line, after) = rest.split_once('\n').ok_or_else(|| damaged(path, "truncated"))?;
        if let Some(name) = line.strip_prefix("remove ") {
            removals.push(Removal(checked_name(path, name)?.to_owned()));
            rest = after;
            continue;
        }
        let (len, name) = line
            .strip_prefix("write ")
            .and_then(|l| l.split_once(' '))
            .ok_or_else(|| damaged(path, "unknown entry"))?;
        let len: usize = len.parse().map_err(|_| damaged(path, "bad length"))?;
        let name = checked_name(path, name)?;
        let contents = after.get(..len).ok_or_else(|| damaged(path, "truncated"))?;
        rest = after[len..]
            .strip_prefix('\n')
            .ok_or_else(|| damaged(path, "truncated"))?;
        changes.push(Change {
            name: name.to_owned(),
            contents: contents.to_owned(),
        });
    }
    Ok(Operation::Writes(changes, removals))
}

/// Replaces the files `changes` name in `dir` as one operation (see the module header).
/// Unchanged files are skipped; a single changed file is simply replaced atomically.
pub fn commit(dir: &Path, changes: &[Change]) -> Result<(), WriteError> {
    commit_with_removals(dir, changes, &[])
}

/// [`commit`], also removing the files `removed` names (after the writes), all as one operation.
pub fn commit_with_removals(dir: &Path, changes: &[Change], removed: &[String]) -> Result<(), WriteError> {
    let mut batch = Batch::new(dir);
    for change in changes {
        batch.stage(change)?;
    }
    for name in removed {
        batch.remove(name);
    }
    batch.commit()
}

/// One operation being put together: each change is staged (written to its temporary file) as
/// soon as it is known, so the disk writes while the caller prepares the next one; [`Batch::
/// commit`] then flushes them all and makes them one operation. Dropped uncommitted, a batch
/// removes its temporary files and nothing happened.
pub struct Batch {
    dir: PathBuf,
    staged: Vec<(Staged, Rename)>,
    removals: Vec<Removal>,
}

impl Batch {
    /// An empty operation on the folder `dir`.
    pub fn new(dir: &Path) -> Batch {
        Batch {
            dir: dir.to_path_buf(),
            staged: Vec::new(),
            removals: Vec::new(),
        }
    }

    /// Adds `change`. A later change of the same file replaces an earlier one; a file that
    /// already holds the contents is left alone.
    pub fn stage(&mut self, change: &Change) -> Result<(), WriteError> {
        debug_assert!(plain_name(&change.name));
        // Dropping the earlier staged file removes its temporary file.
        self.staged.retain(|(_, rename)| rename.target != change.name);
        let target = self.dir.join(&change.name);
        if crate::holds(&target, &change.contents) {
            return Ok(());
        }
        let file = crate::stage_unflushed(&target, &change.contents)?;
        let rename = Rename {
            temporary: file.temporary_name(),
            target: change.name.clone(),
            sha256: sha256_hex(change.contents.as_bytes()),
        };
        self.staged.push((file, rename));
        Ok(())
    }

    /// Removes the file `name` (after every write of the operation).
    pub fn remove(&mut self, name: &str) {
        if plain_name(name) {
            self.removals.push(Removal(name.to_owned()));
        }
    }

    /// Adds everything `other` stages and removes, after what this batch already holds (a
    /// caller that must add several changes all or none stages them in a batch of their own,
    /// then appends it). `other` compared its files with the folder as it is on disk, so it
    /// must not change a file this batch writes: its change would replace this batch's, but a
    /// change it skipped (the file already held that) would not.
    pub fn append(&mut self, other: Batch) {
        debug_assert_eq!(self.dir, other.dir);
        debug_assert!(other.staged.iter().all(|(_, rename)| !self.writes(&rename.target)));
        self.staged.extend(other.staged);
        self.removals.extend(other.removals);
    }

    /// Whether the operation will write the file `name`.
    pub fn writes(&self, name: &str) -> bool {
        self.staged.iter().any(|(_, rename)| rename.target == name)
    }

    /// Carries out the operation: flushes the staged files, then writes the journal (the commit
    /// point), renames, removes, and removes the journal. A single write without removals needs
    /// no journal: its rename is atomic.
    pub fn commit(self) -> Result<(), WriteError> {
        let Batch { dir, staged, removals } = self;
        if staged.is_empty() && removals.is_empty() {
            return Ok(());
        }
        let journal = dir.join(JOURNAL);
        // An operation that failed earlier in this run left its journal (the next run completes
        // it): writing another journal over it would lose what it has left to do.
        if std::fs::symlink_metadata(&journal).is_ok() {
            return Err(WriteError {
                action: "start another operation in",
                path: dir.to_path_buf(),
                source: std::io::Error::other(
                    "an interrupted operation is still pending there; run `tradeoff decide` again to complete it first",
                ),
            });
        }
        for (file, _) in &staged {
            file.flush()?;
        }
        if staged.len() == 1 && removals.is_empty() {
            let (file, _) = staged.into_iter().next().expect("one staged file");
            return file.put_in_place();
        }
        let (files, renames): (Vec<Staged>, Vec<Rename>) = staged.into_iter().unzip();
        // Until the journal exists, dropping the staged files (on an error) removes them.
        write(&journal, &encode(&renames, &removals))?;
        for file in files {
            file.keep()?;
        }
        apply(&dir, &Operation::Renames(renames, removals))?;
        remove_journal(&journal)
    }
}

/// Carries out a journal's operation (again, when replaying), then flushes the folder once.
fn apply(dir: &Path, operation: &Operation) -> Result<(), WriteError> {
    let journal = dir.join(JOURNAL);
    let removals = match operation {
        Operation::Renames(renames, removals) => {
            for rename in renames {
                put_in_place(dir, &journal, rename)?;
            }
            removals
        }
        Operation::Writes(changes, removals) => {
            for change in changes {
                write(&dir.join(&change.name), &change.contents)?;
            }
            removals
        }
    };
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
    sync_dir(&journal)
}

/// Renames `rename`'s temporary file over its target. A temporary file that is gone was
/// renamed before (a replay after a kill): then the target must hold the journaled content.
fn put_in_place(dir: &Path, journal: &Path, rename: &Rename) -> Result<(), WriteError> {
    let target = dir.join(&rename.target);
    match std::fs::rename(dir.join(&rename.temporary), &target) {
        Ok(()) => {
            fault::step();
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if holds_hash(&target, &rename.sha256) {
                Ok(())
            } else {
                Err(damaged(
                    journal,
                    &format!(
                        "the new contents of `{}` are gone: its temporary file `{}` is missing",
                        rename.target, rename.temporary
                    ),
                ))
            }
        }
        Err(source) => Err(WriteError {
            action: "replace",
            path: target,
            source,
        }),
    }
}

/// Whether `path` is a regular file whose contents hash to `sha256`.
fn holds_hash(path: &Path, sha256: &str) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() && metadata.len() <= MAX_JOURNAL_BYTES => {
            std::fs::read(path).is_ok_and(|bytes| sha256_hex(&bytes) == sha256)
        }
        _ => false,
    }
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
    let journal = dir.join(JOURNAL);
    // Read first: the temporary files a journal names hold the new contents.
    let operation = read_journal(&journal)?;
    let named: Vec<&str> = match &operation {
        Some(Operation::Renames(renames, _)) => renames.iter().map(|r| r.temporary.as_str()).collect(),
        _ => Vec::new(),
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let leftover = is_temporary(&name) && !named.contains(&name.as_ref());
        if leftover && entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::remove_file(entry.path()).map_err(|source| WriteError {
                action: "remove the leftover temporary file",
                path: entry.path(),
                source,
            })?;
            recovery.removed_temporaries += 1;
        }
    }
    if let Some(operation) = operation {
        apply(dir, &operation)?;
        recovery.completed = operation.targets().iter().map(|name| dir.join(name)).collect();
        remove_journal(&journal)?;
    }
    Ok(recovery)
}

/// The files an interrupted operation in `dir` has left to complete, if there is one.
pub fn pending(dir: &Path) -> Result<Option<Vec<PathBuf>>, WriteError> {
    Ok(read_journal(&dir.join(JOURNAL))?
        .map(|operation| operation.targets().iter().map(|name| dir.join(name)).collect()))
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

    fn rename(temporary: &str, target: &str, contents: &str) -> Rename {
        Rename {
            temporary: temporary.to_owned(),
            target: target.to_owned(),
            sha256: sha256_hex(contents.as_bytes()),
        }
    }

    /// A journal of the first format, as tradeoff wrote it before the current one.
    fn first_format(changes: &[Change], removals: &[&str]) -> String {
        let mut out = String::from(HEADER_WITH_CONTENTS);
        for change in changes {
            out.push_str(&format!(
                "write {} {}\n{}\n",
                change.contents.len(),
                change.name,
                change.contents
            ));
        }
        for name in removals {
            out.push_str(&format!("remove {name}\n"));
        }
        out + TRAILER
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_journal_round_trips_and_refuses_names_that_leave_the_folder() {
        let path = Path::new("j");
        let renames = vec![
            rename(".tradeoff-a1.tmp", "a record.md", "one\ntwo"),
            rename(".tradeoff-b2.tmp", "a.html", ""),
        ];
        let removals = vec![Removal("old.md".to_owned())];
        let text = encode(&renames, &removals);
        assert_eq!(decode(path, &text).unwrap(), Operation::Renames(renames, removals));
        assert!(decode(path, &text.replace("a record.md", "../x")).is_err());
        assert!(
            decode(path, &text.replace(".tradeoff-a1.tmp", "README.md")).is_err(),
            "only temporary files are renamed"
        );
        assert!(decode(path, &text.replace("remove old.md", "remove ../old.md")).is_err());
        assert!(decode(path, &text[..text.len() - 3]).is_err());
        let bad_hash = text.replacen(&sha256_hex(b"one\ntwo"), "not-a-hash", 1);
        assert!(decode(path, &bad_hash).is_err());
    }

    #[test]
    fn a_journal_of_the_first_format_is_still_read() {
        let changes = vec![change("a.md", "one\ntwo"), change("a.html", "")];
        let text = first_format(&changes, &["old.md"]);
        assert_eq!(
            decode(Path::new("j"), &text).unwrap(),
            Operation::Writes(changes, vec![Removal("old.md".to_owned())])
        );
        let escaping = first_format(&[change("x", "y")], &[]).replace("write 1 x", "write 1 ../x");
        assert!(decode(Path::new("j"), &escaping).is_err());
    }

    #[test]
    fn a_left_over_journal_of_the_first_format_is_replayed_and_temporaries_removed() {
        let dir = tempfile::tempdir().unwrap();
        let changes = vec![change("a.md", "new md"), change("a.html", "new html")];
        std::fs::write(dir.path().join("a.md"), "new md").unwrap();
        std::fs::write(dir.path().join("a.html"), "old html").unwrap();
        std::fs::write(dir.path().join(JOURNAL), first_format(&changes, &["gone.md"])).unwrap();
        std::fs::write(dir.path().join("gone.md"), "renamed away").unwrap();
        std::fs::write(dir.path().join(".tradeoff-abc.tmp"), "half").unwrap();
        let recovery = recover(dir.path()).unwrap();
        assert_eq!(recovery.removed_temporaries, 1);
        assert_eq!(recovery.completed.len(), 2);
        assert_eq!(std::fs::read_to_string(dir.path().join("a.html")).unwrap(), "new html");
        assert_eq!(names_in(dir.path()), ["a.html", "a.md"]);
        assert_eq!(recover(dir.path()).unwrap(), Recovery::default());
    }

    #[test]
    fn a_left_over_journal_renames_what_is_left_and_keeps_the_files_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let renames = vec![
            rename(".tradeoff-md.tmp", "a.md", "new md"),
            rename(".tradeoff-html.tmp", "a.html", "new html"),
        ];
        // Killed after the Markdown's rename: its temporary file is gone, the page's is there.
        std::fs::write(dir.path().join("a.md"), "new md").unwrap();
        std::fs::write(dir.path().join("a.html"), "old html").unwrap();
        std::fs::write(dir.path().join(".tradeoff-html.tmp"), "new html").unwrap();
        std::fs::write(dir.path().join(".tradeoff-other.tmp"), "half").unwrap();
        std::fs::write(dir.path().join("gone.md"), "renamed away").unwrap();
        std::fs::write(
            dir.path().join(JOURNAL),
            encode(&renames, &[Removal("gone.md".to_owned())]),
        )
        .unwrap();
        assert_eq!(
            pending(dir.path()).unwrap(),
            Some(vec![dir.path().join("a.md"), dir.path().join("a.html")])
        );
        let recovery = recover(dir.path()).unwrap();
        assert_eq!(recovery.removed_temporaries, 1, "only the file no journal names");
        assert_eq!(std::fs::read_to_string(dir.path().join("a.html")).unwrap(), "new html");
        assert_eq!(names_in(dir.path()), ["a.html", "a.md"]);
        assert_eq!(recover(dir.path()).unwrap(), Recovery::default());
    }

    #[test]
    fn a_journal_whose_new_contents_are_lost_is_reported_not_half_replayed() {
        let dir = tempfile::tempdir().unwrap();
        let renames = vec![rename(".tradeoff-md.tmp", "a.md", "new md")];
        std::fs::write(dir.path().join("a.md"), "old md").unwrap();
        std::fs::write(dir.path().join(JOURNAL), encode(&renames, &[])).unwrap();
        let error = recover(dir.path()).unwrap_err().to_string();
        assert!(error.contains("the new contents of `a.md` are gone"), "{error}");
        assert!(
            dir.path().join(JOURNAL).exists(),
            "the journal stays for a person to look at"
        );
        assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), "old md");
    }

    #[test]
    fn commit_writes_every_changed_file_and_leaves_no_journal() {
        let dir = tempfile::tempdir().unwrap();
        commit(dir.path(), &[change("a", "1"), change("b", "2"), change("c", "3")]).unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("b")).unwrap(), "2");
        assert_eq!(names_in(dir.path()), ["a", "b", "c"]);
        assert_eq!(pending(dir.path()).unwrap(), None);
        commit_with_removals(dir.path(), &[change("a", "1"), change("d", "4")], &["b".to_owned()]).unwrap();
        assert_eq!(names_in(dir.path()), ["a", "c", "d"]);
    }

    #[test]
    fn a_batch_stages_as_it_goes_and_writes_nothing_until_committed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("same"), "kept").unwrap();
        let mut batch = Batch::new(dir.path());
        batch.stage(&change("a", "first")).unwrap();
        batch.stage(&change("same", "kept")).unwrap();
        batch.stage(&change("a", "second")).unwrap();
        let mut later = Batch::new(dir.path());
        later.stage(&change("b", "2")).unwrap();
        batch.append(later);
        assert!(batch.writes("a") && batch.writes("b") && !batch.writes("same"));
        // Staged, not written: only temporary files (one per file, the replaced one removed).
        let names = names_in(dir.path());
        assert_eq!(names.iter().filter(|n| is_temporary(n)).count(), 2, "{names:?}");
        assert!(!dir.path().join("a").exists());
        batch.commit().unwrap();
        assert_eq!(names_in(dir.path()), ["a", "b", "same"]);
        assert_eq!(std::fs::read_to_string(dir.path().join("a")).unwrap(), "second");

        // Dropped uncommitted: nothing happened, nothing is left.
        let mut dropped = Batch::new(dir.path());
        dropped.stage(&change("c", "3")).unwrap();
        dropped.remove("b");
        drop(dropped);
        assert_eq!(names_in(dir.path()), ["a", "b", "same"]);
    }

    #[test]
    fn no_operation_starts_over_a_pending_journal() {
        let dir = tempfile::tempdir().unwrap();
        let pending_text = encode(&[rename(".tradeoff-md.tmp", "a.md", "new md")], &[]);
        std::fs::write(dir.path().join(JOURNAL), &pending_text).unwrap();
        std::fs::write(dir.path().join(".tradeoff-md.tmp"), "new md").unwrap();
        let error = commit(dir.path(), &[change("README.md", "1"), change("index.html", "2")]).unwrap_err();
        assert!(
            error.to_string().contains("an interrupted operation is still pending"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(dir.path().join(JOURNAL)).unwrap(), pending_text);
        assert_eq!(names_in(dir.path()), [".tradeoff-journal", ".tradeoff-md.tmp"]);
        recover(dir.path()).unwrap();
        assert_eq!(names_in(dir.path()), ["a.md"]);
    }

    #[test]
    fn a_commit_failing_after_its_commit_point_keeps_the_journal_and_the_files_it_names() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where a file should be: the rename into place fails after the commit point,
        // so the journal stays (the next run reports or completes it) and names the kept file.
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("b").join("inside"), "x").unwrap();
        let error = commit(dir.path(), &[change("a", "1"), change("b", "2")]);
        assert!(error.is_err());
        let pending = pending(dir.path()).unwrap().expect("the journal stays");
        assert_eq!(pending.len(), 2);
        let temporaries = names_in(dir.path()).into_iter().filter(|n| is_temporary(n)).count();
        assert_eq!(temporaries, 1, "the file still to rename is kept");
    }
}
