//! Finding the records already in an output folder: `NNNN-*.md` files, with what their front
//! matter says. Front matter is the only mapping from a decision id to its record number.

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
    pub text: String,
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
            .text
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .map(unescape_markdown);
        heading.unwrap_or_else(|| self.file_name.clone())
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

/// The record number of a file name like `0007-sensor-ingest.md`. The name must be portable
/// (it is linked from the index without further escaping).
pub fn record_number(file_name: &str) -> Option<u32> {
    let stem = file_name.strip_suffix(".md")?;
    let (digits, rest) = stem.split_once('-')?;
    let portable = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if digits.len() < 4 || !digits.chars().all(|c| c.is_ascii_digit()) || !portable {
        return None;
    }
    digits.parse().ok()
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
    if !path.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(path).map_err(|e| ReportError::io("read", path, e))?;
    let front = frontmatter::parse(&text);
    Ok(Some(ExistingRecord {
        number,
        path: path.to_path_buf(),
        file_name,
        text,
        front,
    }))
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

/// The number a new record gets: one past the highest number in use, by any file.
pub fn next_number(records: &[ExistingRecord]) -> u32 {
    records
        .iter()
        .map(|r| r.number)
        .max()
        .map_or(1, |n| n.saturating_add(1))
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
        assert_eq!(record_number("0001-x.html"), None);
        assert_eq!(record_number("0001-a b.md"), None);
        assert_eq!(record_number("0001-.md"), None);
    }

    #[test]
    fn headings_lose_their_escapes() {
        assert_eq!(unescape_markdown("A \\<b\\> \\| c\\_d "), "A <b> | c_d");
    }
}
