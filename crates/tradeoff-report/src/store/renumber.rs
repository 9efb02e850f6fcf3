//! `tradeoff renumber`: after two branches that each added a record are merged, two records
//! share a number. The record added later moves to the next free number, as git users expect a
//! merge to resolve: its files are renamed, the number inside them is updated, and so are the
//! links to it from the other records of its decision (they name files by number and decision,
//! so they are unambiguous). Everything is one journaled operation under the folder lock.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tradeoff_fs::journal::{self, Change};

use super::scan::{self, ExistingRecord, MAX_NUMBER};
use super::seal;
use super::{change, html_path, md_path, write_index};
use crate::error::ReportError;
use crate::format::record_number;
use crate::templates::Templates;

/// One record moved to a new number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub from: PathBuf,
    pub to: PathBuf,
}

/// Gives every record that shares its number with an earlier one the next free number.
/// `added_at(path)` is when the record file was added (a commit time; `None` when unknown or not
/// committed, which counts as latest); ties go by file name. The caller holds the folder lock.
pub fn renumber(
    out_dir: &Path,
    templates: &Templates,
    added_at: &dyn Fn(&Path) -> Option<i64>,
) -> Result<Vec<Moved>, ReportError> {
    let records = scan::records(out_dir)?;
    let mut by_number: BTreeMap<u32, Vec<&ExistingRecord>> = BTreeMap::new();
    for record in &records {
        by_number.entry(record.number).or_default().push(record);
    }
    let mut next = records.iter().map(|r| r.number).max().unwrap_or(0) + 1;
    let mut moved = Vec::new();
    for (_, mut sharing) in by_number.into_iter().filter(|(_, r)| r.len() > 1) {
        sharing.sort_by(|a, b| added_order(added_at(&a.path), added_at(&b.path)).then(a.file_name.cmp(&b.file_name)));
        for record in sharing.into_iter().skip(1) {
            if next > MAX_NUMBER {
                return Err(ReportError::NumbersExhausted {
                    dir: out_dir.to_path_buf(),
                });
            }
            move_record(out_dir, &records, record, next)?;
            let decision = record.decision().unwrap_or_default();
            moved.push(Moved {
                from: record.path.clone(),
                to: md_path(out_dir, next, decision),
            });
            next += 1;
        }
    }
    // Also when nothing moved now: a renumber completed from the journal of a killed run has
    // moved records, and the index must list them under their new numbers.
    write_index(out_dir, templates)?;
    Ok(moved)
}

/// Known times first, earliest first; unknown (uncommitted) last.
fn added_order(a: Option<i64>, b: Option<i64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Replaces `from` with `to` in the one line of `text` that starts with `from`.
fn replace_line_start(text: &str, from: &str, to: &str) -> String {
    match text.find(&format!("\n{from}")) {
        Some(at) => format!("{}\n{to}{}", &text[..at], &text[at + 1 + from.len()..]),
        None => text.to_owned(),
    }
}

fn move_record(
    out_dir: &Path,
    records: &[ExistingRecord],
    record: &ExistingRecord,
    to: u32,
) -> Result<(), ReportError> {
    let Some(decision) = record.decision() else {
        return Err(ReportError::BadRecord {
            path: record.path.clone(),
            message:
                "shares its number with another record but has no tradeoff metadata to renumber; rename it by hand"
                    .to_owned(),
        });
    };
    let (old, new) = (record_number(record.number), record_number(to));
    let (n, m) = (record.number, to);
    let mut changes: Vec<Change> = Vec::new();
    let mut removed: Vec<String> = Vec::new();

    let new_md = md_path(out_dir, to, decision);
    let text = record.full_text()?;
    let intact = seal::record_intact(record.front.as_ref(), &text);
    let markdown = replace_line_start(&text, &format!("  number: {n}\n"), &format!("  number: {m}\n"));
    // The top-level `number:` is the one ADR tools (adrs) read.
    let markdown = replace_line_start(&markdown, &format!("number: {n}\n"), &format!("number: {m}\n"));
    let markdown = replace_line_start(&markdown, &format!("Record {old}, "), &format!("Record {new}, "));
    removed.push(record.file_name.clone());
    let old_html = html_path(&record.path);
    let original_page = scan::read_bounded(&old_html).ok();
    let page_was = original_page
        .as_deref()
        .map_or(seal::Intact::Unsealed, seal::page_intact);
    let page = original_page.map(|page| {
        page.replacen(&format!("<title>{old} · "), &format!("<title>{new} · "), 1)
            .replacen(
                &format!("<dt>Record</dt><dd>{old}, "),
                &format!("<dt>Record</dt><dd>{new}, "),
                1,
            )
            .replacen(&format!("<p>Record {old}, "), &format!("<p>Record {new}, "), 1)
    });
    // Renumbering is tradeoff's own change: a record that was sealed stays sealed.
    let (markdown, page) = seal::renew(&markdown, intact, page.as_deref(), page_was);
    changes.push(change(&new_md, markdown));
    if let Some(page) = page {
        changes.push(change(&html_path(&new_md), page));
        removed.push(format!("{}.html", record.file_name.trim_end_matches(".md")));
    }

    // Links from the other records of the same decision: the supersedes link and key, and a
    // status that says "superseded by" the moved record.
    let (old_stem, new_stem) = (format!("{old}-{decision}"), format!("{new}-{decision}"));
    for other in records
        .iter()
        .filter(|r| r.decision() == Some(decision) && r.path != record.path)
    {
        // Links are labelled with the number ("This record supersedes [0003](…)") or the file
        // stem (the `- Supersedes:` and `- Status: superseded by` lines).
        let other_text = other.full_text()?;
        let other_intact = seal::record_intact(other.front.as_ref(), &other_text);
        let mut text = other_text
            .replace(&format!("[{old}]({old_stem}.md)"), &format!("[{new}]({new_stem}.md)"))
            .replace(
                &format!("[{old_stem}]({old_stem}.md)"),
                &format!("[{new_stem}]({new_stem}.md)"),
            );
        if other.supersedes() == Some(n) {
            text = replace_line_start(&text, &format!("  supersedes: {n}\n"), &format!("  supersedes: {m}\n"));
        }
        let superseded = other.status() == Some(format!("superseded by {old}").as_str());
        if superseded {
            text = crate::frontmatter::replace_status(&text, &format!("superseded by {new}")).unwrap_or(text);
        }
        let page_path = html_path(&other.path);
        let mut pages = None;
        if let Ok(page) = scan::read_bounded(&page_path) {
            let mut updated = page
                .replace(
                    &format!("href=\"{old_stem}.html\">{old}</a>"),
                    &format!("href=\"{new_stem}.html\">{new}</a>"),
                )
                .replace(
                    &format!("href=\"{old_stem}.html\">{old_stem}</a>"),
                    &format!("href=\"{new_stem}.html\">{new_stem}</a>"),
                );
            if superseded {
                updated = updated.replacen(&format!(">superseded by {old}<"), &format!(">superseded by {new}<"), 1);
            }
            pages = Some((seal::page_intact(&page), page, updated));
        }
        // Sealed again only where something changed: the Markdown's seal covers its own text,
        // the page's seal names the Markdown's hash.
        let (page_was, page, updated) = match pages {
            Some((was, page, updated)) => (was, Some(page), Some(updated)),
            None => (seal::Intact::Unsealed, None, None),
        };
        if text == other_text && updated == page {
            continue;
        }
        let (text, updated) = seal::renew(&text, other_intact, updated.as_deref(), page_was);
        if text != other_text {
            changes.push(change(&other.path, text));
        }
        if let (Some(updated), Some(page)) = (updated, page) {
            if updated != page {
                changes.push(change(&page_path, updated));
            }
        }
    }
    journal::commit_with_removals(out_dir, &changes, &removed)?;
    Ok(())
}
