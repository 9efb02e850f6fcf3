//! Finding the records already in an output folder: `NNNN-*.md` files, with what their front
//! matter says. Front matter is the only mapping from a decision id to its record number.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::ReportError;
use crate::format::UNKNOWN;
use crate::frontmatter::{self, FmValue, FrontMatter};

/// A record file found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct ExistingRecord {
    pub number: u32,
    pub path: PathBuf,
    pub file_name: String,
    /// The start of the file, through its front matter and title (the whole file when it is
    /// short): what listing, numbering and the fast staleness check need. [`Self::full_text`]
    /// reads the rest when a record is rewritten or compared.
    pub head: String,
    /// Whether `head` is the whole file.
    complete: bool,
    /// `None` when the file has no front matter (e.g. a hand-written record).
    pub front: Option<FrontMatter>,
}

impl ExistingRecord {
    fn ours(&self, key: &str) -> Option<&FmValue> {
        self.front.as_ref().and_then(|f| f.ours(key))
    }

    fn our_text(&self, key: &str) -> Option<&str> {
        self.ours(key).and_then(FmValue::as_text)
    }

    pub fn decision(&self) -> Option<&str> {
        self.our_text("decision")
    }

    pub fn status(&self) -> Option<&str> {
        self.front.as_ref().and_then(|f| f.text("status"))
    }

    pub fn is_superseded(&self) -> bool {
        self.status().is_some_and(|s| s.starts_with("superseded"))
    }

    pub fn spec_sha256(&self) -> Option<&str> {
        self.our_text("spec_sha256")
    }

    pub fn catalog_version(&self) -> Option<&str> {
        self.our_text("catalog_version")
    }

    pub fn tool_version(&self) -> Option<&str> {
        self.our_text("tool_version")
    }

    pub fn winner(&self) -> Option<&str> {
        self.our_text("winner")
    }

    pub fn winner_name(&self) -> Option<&str> {
        self.our_text("winner_name")
    }

    pub fn revision(&self) -> Option<u32> {
        self.ours("revision")
            .and_then(FmValue::as_number)
            .and_then(|n| u32::try_from(n).ok())
    }

    pub fn supersedes(&self) -> Option<u32> {
        self.ours("supersedes")
            .and_then(FmValue::as_number)
            .and_then(|n| u32::try_from(n).ok())
    }

    pub fn changelog(&self) -> Vec<String> {
        self.ours("changelog")
            .and_then(FmValue::as_list)
            .map(<[String]>::to_vec)
            .unwrap_or_default()
    }

    /// The title from our metadata, else the first `# ` heading, else the file name.
    pub fn title(&self) -> String {
        if let Some(title) = self.our_text("title") {
            return title.to_owned();
        }
        let heading = self
            .head
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .map(unescape_markdown);
        heading.unwrap_or_else(|| self.file_name.clone())
    }

    /// The whole record file, read again when only its head was read by the scan. The caller
    /// holds the folder lock, so the file is the one scanned.
    pub fn full_text(&self) -> Result<String, ReportError> {
        if self.complete {
            return Ok(self.head.clone());
        }
        read_bounded(&self.path).map_err(|e| ReportError::io("read the record", &self.path, e))
    }

    pub fn date(&self) -> String {
        self.front
            .as_ref()
            .and_then(|f| f.text("date"))
            .unwrap_or(UNKNOWN)
            .to_owned()
    }
}

/// Drops Markdown backslash escapes so a heading reads as text.
fn unescape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out.trim().to_owned()
}

/// The highest record number: numbers are four digits, so a folder can never run past them into
/// a number that wraps around and overwrites a record.
pub const MAX_NUMBER: u32 = 9999;

/// The record number of a file name like `0007-sensor-ingest.md`: exactly four digits, from
/// 0001 to [`MAX_NUMBER`]. The name must be portable (it is linked from the index without
/// further escaping).
pub fn record_number(file_name: &str) -> Option<u32> {
    let stem = file_name.strip_suffix(".md")?;
    let (digits, rest) = stem.split_once('-')?;
    let portable = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) || !portable {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=MAX_NUMBER).contains(n))
}

/// Larger record, page or index files are refused: tradeoff writes nothing near this size, and a
/// file that large (or endless, like `/dev/zero`) must not be read into memory.
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

fn refused(why: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, why)
}

/// Reads a file of the record folder as text, only if it is a regular file (a symbolic link is
/// followed only to a regular file in the same folder: never to a device, a FIFO, or out of the
/// folder) of at most [`MAX_RECORD_BYTES`].
pub fn read_bounded(path: &Path) -> std::io::Result<String> {
    let (mut file, size) = open_bounded(path)?;
    // Sized from the metadata: growing by doubling would copy a 150 KB page five times over.
    let mut text = String::with_capacity(size.min(MAX_RECORD_BYTES) as usize + 1);
    file.read_to_string(&mut text)?;
    if text.len() as u64 > MAX_RECORD_BYTES {
        return Err(too_large());
    }
    Ok(text)
}

fn too_large() -> std::io::Error {
    refused(format!(
        "it is larger than {} MiB, more than any record",
        MAX_RECORD_BYTES / 1024 / 1024
    ))
}

/// Opens a file of the record folder for reading under the rules of [`read_bounded`]: a
/// reader that ends one byte past [`MAX_RECORD_BYTES`], so a caller can tell a file too large,
/// and the file's size as its metadata says.
fn open_bounded(path: &Path) -> std::io::Result<(std::io::Take<std::fs::File>, u64)> {
    let metadata = std::fs::symlink_metadata(path)?;
    if metadata.file_type().is_symlink() {
        let target = std::fs::canonicalize(path)?;
        let folder = std::fs::canonicalize(
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new(".")),
        )?;
        if target.parent() != Some(folder.as_path()) {
            return Err(refused("it is a symbolic link out of the record folder".to_owned()));
        }
    }
    // Checked before opening: opening a FIFO would wait for a writer forever.
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(refused("it is not a regular file".to_owned()));
    }
    Ok((std::fs::File::open(path)?.take(MAX_RECORD_BYTES + 1), metadata.len()))
}

/// Bytes read at a time from a record's start: a record's front matter and title fit in the
/// first or second piece, while the whole record is about 100 KB.
const HEAD_PIECE: usize = 8 * 1024;

/// The start of a record file through its front matter and its first `# ` heading (or the
/// whole file, if shorter or without them), and whether that is the whole file. Scanning a
/// folder of a thousand records reads a few KB of each, not all of it.
fn read_head(path: &Path) -> std::io::Result<(String, bool)> {
    let (mut file, _) = open_bounded(path)?;
    let mut bytes = Vec::with_capacity(HEAD_PIECE);
    let mut lines = HeadLines::default();
    loop {
        let read = (&mut file).take(HEAD_PIECE as u64).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_RECORD_BYTES {
            return Err(too_large());
        }
        let end = if read == 0 { None } else { lines.head_end(&bytes) };
        if read == 0 || end.is_some() {
            // Cut at the heading, the file may go on: only an end of file makes it complete.
            let complete = end.is_none();
            if let Some(end) = end {
                bytes.truncate(end);
                // The head is kept for the whole run, the piece it was read into need not be:
                // a head is 1–2 KB, and with 8 KB pieces a thousand records would pin 8 MB of
                // fresh memory (and page faults) instead of reusing one freed piece.
                bytes.shrink_to_fit();
            }
            let text = String::from_utf8(bytes).map_err(|_| refused("it is not UTF-8 text".to_owned()))?;
            return Ok((text, complete));
        }
    }
}

/// Finds where a record's head ends (just after the first `# ` heading line past the front
/// matter) in bytes that arrive piece by piece, looking at each whole line once.
#[derive(Default)]
struct HeadLines {
    /// Where the first line not yet looked at starts.
    next_line: usize,
    lines_seen: usize,
    in_front_matter: bool,
}

impl HeadLines {
    fn head_end(&mut self, bytes: &[u8]) -> Option<usize> {
        // A piece may end inside a line (or a character): only whole lines are looked at.
        while let Some(len) = bytes[self.next_line..].iter().position(|&b| b == b'\n') {
            let line = &bytes[self.next_line..=self.next_line + len];
            self.next_line += len + 1;
            self.lines_seen += 1;
            if self.lines_seen == 1 {
                self.in_front_matter = line == b"---\n";
            } else if self.in_front_matter {
                self.in_front_matter = line != b"---\n";
            } else if line.starts_with(b"# ") {
                return Some(self.next_line);
            }
        }
        None
    }
}

/// All record files in `dir`, by number then file name. A missing folder holds no records.
pub fn records(dir: &Path) -> Result<Vec<ExistingRecord>, ReportError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ReportError::io("list", dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| ReportError::io("list", dir, e))?;
        if let Some(record) = record_at(&entry.path())? {
            out.push(record);
        }
    }
    sort(&mut out);
    Ok(out)
}

/// The record file at `path`, or `None` if `path` is not a record file (or no longer exists).
pub fn record_at(path: &Path) -> Result<Option<ExistingRecord>, ReportError> {
    let Some(file_name) = path.file_name().and_then(|name| name.to_str()).map(str::to_owned) else {
        return Ok(None);
    };
    let Some(number) = record_number(&file_name) else {
        return Ok(None);
    };
    let (head, complete) = match read_head(path) {
        Ok(head) => head,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ReportError::io("read the record", path, e)),
    };
    Ok(Some(existing(number, path, file_name, head, complete)))
}

/// The record file `path` as it will be once `text` is written there (a record staged in an
/// operation not yet committed), or `None` if `path` is not a record file. Its head is what a
/// scan of the written file would read.
pub fn record_from_text(path: &Path, text: &str) -> Option<ExistingRecord> {
    let file_name = path.file_name()?.to_str()?.to_owned();
    let number = record_number(&file_name)?;
    let (head, complete) = match HeadLines::default().head_end(text.as_bytes()) {
        Some(end) => (text[..end].to_owned(), false),
        None => (text.to_owned(), true),
    };
    Some(existing(number, path, file_name, head, complete))
}

fn existing(number: u32, path: &Path, file_name: String, head: String, complete: bool) -> ExistingRecord {
    let front = frontmatter::parse(&head);
    ExistingRecord {
        number,
        path: path.to_path_buf(),
        file_name,
        head,
        complete,
        front,
    }
}

/// Records in folder order: by number, then file name.
pub fn sort(records: &mut [ExistingRecord]) {
    records.sort_by(|a, b| a.number.cmp(&b.number).then_with(|| a.file_name.cmp(&b.file_name)));
}

/// The record currently standing for a decision, given its records in folder order: the newest
/// one not superseded, else the newest.
pub fn current<'a>(mine: &[&'a ExistingRecord]) -> Option<&'a ExistingRecord> {
    mine.iter().rev().find(|r| !r.is_superseded()).or(mine.last()).copied()
}

/// The number a new record gets: one past the highest number in use, by any file; `None` once
/// [`MAX_NUMBER`] is in use.
pub fn next_number(records: &[ExistingRecord]) -> Option<u32> {
    let next = records.iter().map(|r| r.number).max().map_or(1, |n| n + 1);
    (next <= MAX_NUMBER).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_numbers_come_from_portable_file_names() {
        assert_eq!(record_number("0001-sensor-ingest.md"), Some(1));
        assert_eq!(record_number("0120-a_b.md"), Some(120));
        assert_eq!(record_number("README.md"), None);
        assert_eq!(record_number("001-short.md"), None);
        assert_eq!(record_number("9999-last.md"), Some(9999));
        assert_eq!(record_number("0000-zero.md"), None);
        assert_eq!(record_number("10000-past.md"), None);
        assert_eq!(record_number("4294967296-wraps.md"), None);
        assert_eq!(record_number("0001-x.html"), None);
        assert_eq!(record_number("0001-a b.md"), None);
        assert_eq!(record_number("0001-.md"), None);
    }

    #[test]
    fn a_scan_reads_a_record_through_its_title_and_the_rest_on_demand() {
        let dir = tempfile::tempdir().unwrap();
        // Front matter longer than several pieces, with a character cut by a piece boundary.
        let front: String = (0..2000).map(|n| format!("  k{n}: \"é{n}\"\n")).collect();
        let body = "x\n".repeat(50_000);
        let text = format!("---\nstatus: \"proposed\"\ntradeoff:\n{front}\n---\n\n# Title é\n\n{body}");
        let path = dir.path().join("0001-a.md");
        std::fs::write(&path, &text).unwrap();
        let record = record_at(&path).unwrap().unwrap();
        assert!(
            record.head.ends_with("# Title é\n"),
            "{}",
            &record.head[record.head.len() - 40..]
        );
        assert!(record.head.len() < text.len() / 2);
        assert_eq!(record.title(), "Title é");
        assert_eq!(record.status(), Some("proposed"));
        assert_eq!(record.full_text().unwrap(), text);

        // Without front matter or heading, the head is the whole (short) file.
        let plain = dir.path().join("0002-b.md");
        std::fs::write(&plain, "just text, no heading\n").unwrap();
        let record = record_at(&plain).unwrap().unwrap();
        assert_eq!(record.head, "just text, no heading\n");
        assert_eq!(record.title(), "0002-b.md");
        assert_eq!(record.full_text().unwrap(), "just text, no heading\n");

        // Not UTF-8: refused with a reason, not misread.
        let binary = dir.path().join("0003-c.md");
        std::fs::write(&binary, b"---\n\xff\xfe\n---\n# T\n").unwrap();
        assert!(record_at(&binary).is_err());
    }

    #[test]
    fn a_record_staged_in_memory_reads_as_the_written_file_will() {
        let dir = tempfile::tempdir().unwrap();
        let long_front: String = (0..2000).map(|n| format!("  k{n}: \"é{n}\"\n")).collect();
        let texts = [
            format!(
                "---\nstatus: \"proposed\"\ntradeoff:\n{long_front}\n---\n\n# Title é\n\n{}",
                "x\n".repeat(9000)
            ),
            "---\nstatus: \"accepted\"\n---\n\n# Last line heading\n".to_owned(),
            "just text, no heading\n".to_owned(),
        ];
        for (at, text) in texts.iter().enumerate() {
            let path = dir.path().join(format!("000{}-a.md", at + 1));
            std::fs::write(&path, text).unwrap();
            let staged = record_from_text(&path, text).unwrap();
            assert_eq!(Some(staged), record_at(&path).unwrap(), "{text:.80}");
        }
        assert_eq!(
            record_from_text(&dir.path().join("README.md"), "# Decision Log\n"),
            None
        );
    }

    #[test]
    fn headings_lose_their_escapes() {
        assert_eq!(unescape_markdown("A \\<b\\> \\| c\\_d "), "A <b> | c_d");
    }
}
