//! The decision log: `README.md` and `index.html` listing every record in the folder.

use std::path::Path;

use tradeoff_fs::journal::{self, Change};

use crate::error::ReportError;
use crate::format::{self, UNKNOWN};
use crate::index::{IndexEntry, IndexLink, IndexModel};
use crate::templates::Templates;

use super::scan::{self, ExistingRecord};

/// The index model for the records currently in `out_dir`.
pub fn index_model(out_dir: &Path) -> Result<IndexModel, ReportError> {
    Ok(index_model_of(out_dir, &scan::records(out_dir)?, |_| false))
}

/// The index model for `records`, the records of `out_dir` as they are on disk (read by a
/// scan the caller has kept current) or about to be: `staged` says which files an operation
/// not yet committed writes.
pub(crate) fn index_model_of(out_dir: &Path, records: &[ExistingRecord], staged: impl Fn(&str) -> bool) -> IndexModel {
    let html_of = |record: &ExistingRecord| {
        let html_name = record.file_name.strip_suffix(".md").map(|stem| format!("{stem}.html"));
        html_name.filter(|name| staged(name) || out_dir.join(name).is_file())
    };
    let link_to = |number: u32| {
        let target = records.iter().find(|r| r.number == number);
        IndexLink {
            number: format::record_number(number),
            markdown: target.map(|r| r.file_name.clone()),
            html: target.and_then(html_of),
        }
    };
    let entries = records
        .iter()
        .map(|record| {
            let status = record.status().unwrap_or(UNKNOWN).to_owned();
            IndexEntry {
                number_value: record.number,
                number: format::record_number(record.number),
                title: record.title(),
                status_kind: status.split(' ').next().unwrap_or(UNKNOWN).to_owned(),
                superseded_by: superseded_by(&status).map(link_to),
                status,
                winner: record.winner_name().or(record.winner()).unwrap_or(UNKNOWN).to_owned(),
                date: record.date(),
                markdown: record.file_name.clone(),
                html: html_of(record),
                supersedes: record.supersedes().map(link_to),
            }
        })
        .collect();
    IndexModel::new(entries)
}

/// The successor's number in a status like "superseded by 0007".
fn superseded_by(status: &str) -> Option<u32> {
    let number = status.strip_prefix("superseded by ")?.trim();
    let is_number = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    is_number.then(|| number.parse().ok()).flatten()
}
/// The index's Markdown file in a record folder.
pub const INDEX_MARKDOWN: &str = "README.md";
/// The index's HTML page in a record folder.
pub const INDEX_HTML: &str = "index.html";

/// Rewrites `README.md` and `index.html` in `out_dir` when their content changes, both as one
/// operation. The caller holds the folder lock.
pub fn write_index(out_dir: &Path, templates: &Templates) -> Result<(), ReportError> {
    journal::commit(out_dir, &index_changes(&index_model(out_dir)?, templates)?)?;
    Ok(())
}

/// The two index files for the index model `index`.
pub(crate) fn index_changes(index: &IndexModel, templates: &Templates) -> Result<[Change; 2], ReportError> {
    let rendered = templates.render_index(index)?;
    Ok([
        Change {
            name: INDEX_MARKDOWN.to_owned(),
            contents: rendered.markdown,
        },
        Change {
            name: INDEX_HTML.to_owned(),
            contents: rendered.html,
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::superseded_by;

    #[test]
    fn reads_the_successor_number_from_a_status() {
        assert_eq!(superseded_by("superseded by 0007"), Some(7));
        assert_eq!(superseded_by("superseded by ADR-7"), None);
        assert_eq!(superseded_by("superseded by "), None);
        assert_eq!(superseded_by("accepted"), None);
    }
}
