//! Whether a record folder is consistent as a whole, beyond each record being current: no
//! interrupted operation, no leftover temporary file, every record with its page and the same
//! status in both, one standing record per decision, unique numbers, and an index that lists
//! the records as they are. `check` passes only on a consistent log.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tradeoff_fs::journal;

use super::index::{index_model, INDEX_HTML, INDEX_MARKDOWN};
use super::scan::{self, ExistingRecord};
use super::{html_path, Staleness};
use crate::error::ReportError;
use crate::format;
use crate::frontmatter;
use crate::templates::Templates;

fn problem(path: PathBuf, problem: impl Into<String>) -> Staleness {
    Staleness::Log {
        path,
        problem: problem.into(),
    }
}

/// Every inconsistency of the folder `out_dir`; empty for a consistent one (or none at all).
pub fn check_log(out_dir: &Path, templates: &Templates) -> Result<Vec<Staleness>, ReportError> {
    if !out_dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    match journal::pending(out_dir) {
        Ok(None) => {}
        Ok(Some(_)) => out.push(problem(
            out_dir.join(journal::JOURNAL),
            "an operation was interrupted (a killed or failed run); run `tradeoff decide` to complete it",
        )),
        Err(e) => out.push(problem(out_dir.join(journal::JOURNAL), e.to_string())),
    }
    let mut temporaries: Vec<PathBuf> = std::fs::read_dir(out_dir)
        .map_err(|e| ReportError::io("list", out_dir, e))?
        .flatten()
        .filter(|e| tradeoff_fs::is_temporary(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    temporaries.sort();
    out.extend(temporaries.into_iter().map(|path| {
        problem(
            path,
            "a temporary file of an interrupted write; `tradeoff decide` removes it",
        )
    }));
    let records = scan::records(out_dir)?;
    for record in &records {
        out.extend(page_problem(record));
    }
    out.extend(duplicate_numbers(&records));
    out.extend(two_standing(&records));
    out.extend(index_problems(out_dir, templates)?);
    Ok(out)
}

/// A record whose HTML page is missing or states another status than its Markdown.
fn page_problem(record: &ExistingRecord) -> Option<Staleness> {
    let html = html_path(&record.path);
    let page = match scan::read_bounded(&html) {
        Ok(page) => page,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some(problem(
                html,
                "missing: every record has its HTML page; run `tradeoff decide`",
            ));
        }
        Err(e) => return Some(problem(html, format!("cannot be read: {e}"))),
    };
    let status = record.status()?;
    let same = frontmatter::replace_html_status(&page, status).is_none_or(|p| p == page);
    (!same).then(|| {
        problem(
            html,
            format!("its status differs from the Markdown record's (`{status}`); run `tradeoff decide`"),
        )
    })
}

/// Records sharing a number (two branches that each added one, merged): all but the first.
fn duplicate_numbers(records: &[ExistingRecord]) -> Vec<Staleness> {
    let mut by_number: BTreeMap<u32, Vec<&ExistingRecord>> = BTreeMap::new();
    for record in records {
        by_number.entry(record.number).or_default().push(record);
    }
    let mut out = Vec::new();
    for (number, mine) in by_number {
        let Some((first, others)) = mine.split_first() else {
            continue;
        };
        for other in others {
            out.push(problem(
                other.path.clone(),
                format!(
                    "record number {} is also used by {} (two branches each added a record?); run `tradeoff renumber`",
                    format::record_number(number),
                    first.file_name
                ),
            ));
        }
    }
    out
}

/// Decisions with more than one record not superseded.
fn two_standing(records: &[ExistingRecord]) -> Vec<Staleness> {
    let mut standing: BTreeMap<&str, Vec<&ExistingRecord>> = BTreeMap::new();
    for record in records.iter().filter(|r| !r.is_superseded()) {
        if let Some(decision) = record.decision() {
            standing.entry(decision).or_default().push(record);
        }
    }
    standing
        .into_iter()
        .filter(|(_, mine)| mine.len() > 1)
        .map(|(decision, mine)| {
            let names: Vec<&str> = mine.iter().map(|r| r.file_name.as_str()).collect();
            problem(
                mine[mine.len() - 1].path.clone(),
                format!(
                    "decision `{decision}` has {} records that are not superseded ({}); only the newest may stand",
                    mine.len(),
                    names.join(", ")
                ),
            )
        })
        .collect()
}

/// The index files, if they do not list the records as they are.
fn index_problems(out_dir: &Path, templates: &Templates) -> Result<Vec<Staleness>, ReportError> {
    let rendered = templates.render_index(&index_model(out_dir)?)?;
    let mut out = Vec::new();
    for (name, expected) in [(INDEX_MARKDOWN, rendered.markdown), (INDEX_HTML, rendered.html)] {
        let path = out_dir.join(name);
        if scan::read_bounded(&path).ok().as_deref() != Some(expected.as_str()) {
            out.push(problem(
                path,
                "the decision log index does not list the records as they are; run `tradeoff decide`",
            ));
        }
    }
    Ok(out)
}
