//! The decision log: `README.md` and `index.html` listing every record in the folder.

use std::path::Path;

use tradeoff_fs::journal::{self, Change};

use crate::error::ReportError;
use crate::format::{self, UNKNOWN};
use crate::index::{IndexEntry, IndexModel};
use crate::templates::Templates;

use super::scan;

/// The index model for the records currently in `out_dir`.
pub fn index_model(out_dir: &Path) -> Result<IndexModel, ReportError> {
    let records = scan::records(out_dir)?;
    let entries = records
        .iter()
        .map(|record| {
            let html_name = record.file_name.strip_suffix(".md").map(|stem| format!("{stem}.html"));
            let html = html_name.filter(|name| out_dir.join(name).is_file());
            IndexEntry {
                number_value: record.number,
                number: format::record_number(record.number),
                title: record.title(),
                status: record.status().unwrap_or(UNKNOWN).to_owned(),
                winner: record.winner_name().or(record.winner()).unwrap_or(UNKNOWN).to_owned(),
                date: record.date(),
                markdown: record.file_name.clone(),
                html,
            }
        })
        .collect();
    Ok(IndexModel { entries })
}

/// The index's Markdown file in a record folder.
pub const INDEX_MARKDOWN: &str = "README.md";
/// The index's HTML page in a record folder.
pub const INDEX_HTML: &str = "index.html";

/// Rewrites `README.md` and `index.html` in `out_dir` when their content changes, both as one
/// operation. The caller holds the folder lock.
pub fn write_index(out_dir: &Path, templates: &Templates) -> Result<(), ReportError> {
    let rendered = templates.render_index(&index_model(out_dir)?)?;
    let changes = [
        Change {
            name: INDEX_MARKDOWN.to_owned(),
            contents: rendered.markdown,
        },
        Change {
            name: INDEX_HTML.to_owned(),
            contents: rendered.html,
        },
    ];
    journal::commit(out_dir, &changes)?;
    Ok(())
}
