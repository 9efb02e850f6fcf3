//! The record folder: numbering, revisions, superseding, the decision log index, and the
//! staleness check, following issue 5.
//!
//! Every file written is inside `out_dir` (named from a record number and the decision id),
//! every write is atomic, and a rerun with an unchanged spec, catalog and tool writes nothing.

mod index;
mod scan;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tradeoff_core::Evaluation;
use tradeoff_fs as atomic;
use tradeoff_lang::vocab::Status;
use tradeoff_lang::Plan;

use crate::error::ReportError;
use crate::format;
use crate::frontmatter;
use crate::record::{file_stem, superseded_status, RecordMeta, RecordModel};
use crate::templates::{RenderedRecord, Templates};

pub use index::{index_model, write_index};
pub use scan::record_number;

/// What identifies the inputs of a record besides the spec: the catalog and the tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions {
    /// The catalog's version; the caller folds in user catalog files if any were loaded.
    pub catalog: String,
    /// The tradeoff version that renders the record.
    pub tool: String,
}

/// What a record is made from: the compiled spec, its evaluation, and what identifies them.
#[derive(Debug, Clone, Copy)]
pub struct RecordInputs<'a> {
    pub plan: &'a Plan,
    pub evaluation: &'a Evaluation,
    /// The spec's path from the project root, as the record states it (checking ignores it: a
    /// record is current wherever its spec is checked from).
    pub spec_path: &'a str,
    /// The spec's text: the record stores its SHA-256.
    pub spec_text: &'a str,
    pub versions: &'a Versions,
}

/// What `write_record` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome {
    /// Spec, catalog and tool are unchanged: nothing was written.
    Unchanged { path: PathBuf },
    /// A new record (no record existed for this decision).
    Created { path: PathBuf },
    /// The record was rewritten in place with a new revision.
    Revised { path: PathBuf, revision: u32 },
    /// The accepted record's winner changed: a new record replaces it, and the old one's status
    /// now says "superseded by NNNN".
    Superseded { old: PathBuf, new: PathBuf },
}

/// Why a record no longer matches its inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Staleness {
    /// No record exists for the decision.
    Missing { decision: String },
    SpecChanged {
        path: PathBuf,
        recorded: String,
        current: String,
    },
    CatalogChanged {
        path: PathBuf,
        recorded: String,
        current: String,
    },
    ToolChanged {
        path: PathBuf,
        recorded: String,
        current: String,
    },
    /// The file is absent or its bytes differ from what would be rendered now (hand edits,
    /// changed templates).
    ContentDiffers { path: PathBuf },
    /// Someone changed the record's status by hand; the status lives in the spec.
    StatusEdited {
        path: PathBuf,
        /// What the record's front matter says.
        recorded: String,
        /// What the spec says.
        spec_status: String,
        spec_path: String,
    },
}

impl fmt::Display for Staleness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Staleness::Missing { decision } => write!(f, "no record exists for decision `{decision}`"),
            Staleness::SpecChanged {
                path,
                recorded,
                current,
            } => write!(
                f,
                "{}: the spec changed (sha256 {} → {})",
                path.display(),
                short_sha(recorded),
                short_sha(current)
            ),
            Staleness::CatalogChanged {
                path,
                recorded,
                current,
            } => {
                write!(f, "{}: the catalog changed ({recorded} → {current})", path.display())
            }
            Staleness::ToolChanged {
                path,
                recorded,
                current,
            } => {
                write!(f, "{}: tradeoff changed ({recorded} → {current})", path.display())
            }
            Staleness::ContentDiffers { path } => {
                write!(f, "{}: differs from what tradeoff renders now", path.display())
            }
            Staleness::StatusEdited {
                path,
                recorded,
                spec_status,
                spec_path,
            } => write!(
                f,
                "{}: the status was edited in the record (`{recorded}`), but it is set in the spec \
                 (`{spec_status}`): add `status {recorded}` to {spec_path} and run `tradeoff decide`",
                path.display()
            ),
        }
    }
}

/// Lower-case hex SHA-256 of a spec's bytes.
pub fn spec_sha256(spec_text: &str) -> String {
    let digest = Sha256::digest(spec_text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Enough of a hash to tell versions apart in a change log.
fn short_sha(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

fn md_path(out_dir: &Path, number: u32, decision: &str) -> PathBuf {
    out_dir.join(format!("{}.md", file_stem(number, decision)))
}

fn html_path(md: &Path) -> PathBuf {
    md.with_extension("html")
}

fn render(
    templates: &Templates,
    plan: &Plan,
    evaluation: &Evaluation,
    meta: &RecordMeta,
) -> Result<RenderedRecord, ReportError> {
    templates.render_record(&RecordModel::build(plan, evaluation, meta))
}

/// The record's bookkeeping as it stands on disk, with the current inputs: what rendering the
/// record now must reproduce byte for byte if nothing changed.
fn as_recorded(existing: &scan::ExistingRecord, sha: &str, versions: &Versions) -> RecordMeta {
    RecordMeta {
        number: existing.number,
        spec_path: existing
            .front
            .as_ref()
            .and_then(|f| f.our_text("spec"))
            .unwrap_or(format::UNKNOWN)
            .to_owned(),
        spec_sha256: sha.to_owned(),
        catalog_version: versions.catalog.clone(),
        tool_version: versions.tool.clone(),
        revision: existing.revision().unwrap_or(1),
        changelog: existing.changelog(),
        supersedes: existing.supersedes(),
        superseded_by: None,
        status: None,
    }
}

/// Whether both files of a record hold exactly the rendered bytes.
fn matches_on_disk(md: &Path, rendered: &RenderedRecord) -> bool {
    let same = |path: &Path, text: &str| std::fs::read(path).is_ok_and(|bytes| bytes == text.as_bytes());
    same(md, &rendered.markdown) && same(&html_path(md), &rendered.html)
}

fn write_rendered(md: &Path, rendered: &RenderedRecord) -> Result<(), ReportError> {
    atomic::write(md, &rendered.markdown)?;
    atomic::write(&html_path(md), &rendered.html)?;
    Ok(())
}

/// What changed between the record on disk and the inputs now, as change-log prose.
fn describe_changes(existing: &scan::ExistingRecord, sha: &str, versions: &Versions) -> Vec<String> {
    let unknown = format::UNKNOWN;
    let mut changes = Vec::new();
    let recorded_sha = existing.spec_sha256().unwrap_or(unknown);
    if recorded_sha != sha {
        changes.push(format!(
            "spec changed (sha256 {} → {})",
            short_sha(recorded_sha),
            short_sha(sha)
        ));
    }
    let recorded_catalog = existing.catalog_version().unwrap_or(unknown);
    if recorded_catalog != versions.catalog {
        changes.push(format!("catalog {recorded_catalog} → {}", versions.catalog));
    }
    let recorded_tool = existing.tool_version().unwrap_or(unknown);
    if recorded_tool != versions.tool {
        changes.push(format!("tradeoff {recorded_tool} → {}", versions.tool));
    }
    changes
}

fn winner_id(evaluation: &Evaluation) -> String {
    evaluation
        .winner()
        .map_or_else(|| "none".to_owned(), |w| w.framework.clone())
}

fn winner_name(evaluation: &Evaluation) -> String {
    evaluation
        .winner()
        .map_or_else(|| "none".to_owned(), |w| w.name.clone())
}

/// The spec a record is made from, as its bookkeeping states it.
#[derive(Debug, Clone, Copy)]
pub struct RecordSource<'a> {
    /// The spec's path from the project root.
    pub spec_path: &'a str,
    pub spec_text: &'a str,
    /// The spec's decision date, which dates the change-log entry.
    pub date: Option<&'a str>,
}

/// The bookkeeping of a record's first revision: what `decide` writes for a new decision, and
/// with number 1, what a preview of the record in an empty folder shows.
pub fn first_revision(number: u32, source: &RecordSource<'_>, versions: &Versions) -> RecordMeta {
    let sha = spec_sha256(source.spec_text);
    let date = source.date.map_or_else(String::new, |d| format!(" ({d})"));
    let created_line = format!(
        "revision 1{date}: created from {} (sha256 {}), catalog {}, tradeoff {}",
        source.spec_path,
        short_sha(&sha),
        versions.catalog,
        versions.tool
    );
    RecordMeta {
        number,
        spec_path: source.spec_path.to_owned(),
        spec_sha256: sha,
        catalog_version: versions.catalog.clone(),
        tool_version: versions.tool.clone(),
        revision: 1,
        changelog: vec![created_line],
        supersedes: None,
        superseded_by: None,
        status: None,
    }
}

/// Writes (or leaves alone) the record for `plan` in `out_dir`, then refreshes the index.
///
/// - no record for the decision yet: a new number, revision 1;
/// - same spec SHA-256, catalog version and tool version: nothing is written;
/// - otherwise, if the record is `accepted` and the winner changed: a new record that supersedes
///   it, and the old record's status line (Markdown and HTML) becomes "superseded by NNNN";
/// - otherwise: the same number, revision + 1, and a change-log line saying what changed.
pub fn write_record(
    out_dir: &Path,
    inputs: &RecordInputs<'_>,
    templates: &Templates,
) -> Result<WriteOutcome, ReportError> {
    let mut folder = RecordFolder::scan(out_dir)?;
    let outcome = write_record_in(&mut folder, inputs, templates)?;
    write_index(out_dir, templates)?;
    Ok(outcome)
}

/// [`write_record`] into a folder scanned beforehand, which is kept up to date, without
/// refreshing the index: deciding many specs scans the folder and writes the index once.
pub fn write_record_in(
    folder: &mut RecordFolder,
    inputs: &RecordInputs<'_>,
    templates: &Templates,
) -> Result<WriteOutcome, ReportError> {
    let RecordInputs {
        plan,
        evaluation,
        spec_path,
        spec_text,
        versions,
    } = *inputs;
    let out_dir = folder.dir.clone();
    std::fs::create_dir_all(&out_dir).map_err(|e| ReportError::io("create", &out_dir, e))?;
    let out = Rendering {
        out_dir: &out_dir,
        plan,
        evaluation,
        templates,
    };
    let first = first_revision(
        scan::next_number(&folder.records),
        &RecordSource {
            spec_path,
            spec_text,
            date: plan.date.as_deref(),
        },
        versions,
    );
    let outcome = match folder.current(&plan.id) {
        None => WriteOutcome::Created {
            path: out.write(&first)?,
        },
        Some(existing) => update(&out, existing, first)?,
    };
    match &outcome {
        WriteOutcome::Unchanged { .. } => {}
        WriteOutcome::Created { path } | WriteOutcome::Revised { path, .. } => folder.refresh(&[path])?,
        WriteOutcome::Superseded { old, new } => folder.refresh(&[old, new])?,
    }
    Ok(outcome)
}

/// What renders and writes the files of one decision's records.
struct Rendering<'a> {
    out_dir: &'a Path,
    plan: &'a Plan,
    evaluation: &'a Evaluation,
    templates: &'a Templates,
}

impl Rendering<'_> {
    fn render(&self, meta: &RecordMeta) -> Result<RenderedRecord, ReportError> {
        render(self.templates, self.plan, self.evaluation, meta)
    }

    /// Writes the record `meta` describes (Markdown and HTML) and returns the Markdown path.
    fn write(&self, meta: &RecordMeta) -> Result<PathBuf, ReportError> {
        let path = md_path(self.out_dir, meta.number, &self.plan.id);
        write_rendered(&path, &self.render(meta)?)?;
        Ok(path)
    }
}

/// " (2026-11-24)": a change-log entry's date, from the spec's `date` (the tool never reads a
/// clock, so a revision is dated by the spec it was made from); empty when the spec has none.
fn dated(plan: &Plan) -> String {
    plan.date.as_ref().map_or_else(String::new, |date| format!(" ({date})"))
}

/// What changed since an existing record was written, as change-log prose.
struct Changes {
    /// Spec, catalog, tool or rendering changes.
    what: Vec<String>,
    winner_changed: bool,
    /// "winner changed from A to B" (meaningful only when `winner_changed`).
    winner_line: String,
}

/// The record of a decision that already has one: unchanged, revised in place, or superseded
/// by a new record when an accepted decision's winner changed. `first` is what a new record
/// would be (the next free number, revision 1).
fn update(
    out: &Rendering<'_>,
    existing: &scan::ExistingRecord,
    first: RecordMeta,
) -> Result<WriteOutcome, ReportError> {
    let sha = first.spec_sha256.clone();
    let versions = Versions {
        catalog: first.catalog_version.clone(),
        tool: first.tool_version.clone(),
    };
    let mut what = describe_changes(existing, &sha, &versions);
    // Same spec, catalog and tool version: the record is current only if it also renders to the
    // same bytes (templates, scoring rules or a hand edit may differ), otherwise `check` would
    // report a staleness that `decide` cannot repair.
    if what.is_empty() && matches_on_disk(&existing.path, &out.render(&as_recorded(existing, &sha, &versions))?) {
        return Ok(WriteOutcome::Unchanged {
            path: existing.path.clone(),
        });
    }
    if what.is_empty() {
        what.push("record regenerated: it differed from what tradeoff renders now".to_owned());
    }
    let old_winner = existing.winner().unwrap_or(format::UNKNOWN);
    let changes = Changes {
        what,
        winner_changed: old_winner != winner_id(out.evaluation),
        winner_line: format!(
            "winner changed from {} to {}",
            existing.winner_name().unwrap_or(old_winner),
            winner_name(out.evaluation)
        ),
    };
    if changes.winner_changed && existing.status() == Some(Status::Accepted.name()) {
        supersede(out, existing, first, &changes)
    } else {
        revise(out, existing, first, changes)
    }
}

/// Rewrites the record in place with the next revision and a change-log line.
fn revise(
    out: &Rendering<'_>,
    existing: &scan::ExistingRecord,
    first: RecordMeta,
    changes: Changes,
) -> Result<WriteOutcome, ReportError> {
    let revision = existing.revision().unwrap_or(1).saturating_add(1);
    let mut what = changes.what;
    if changes.winner_changed {
        what.push(changes.winner_line);
    }
    let mut changelog = existing.changelog();
    changelog.push(format!("revision {revision}{}: {}", dated(out.plan), what.join("; ")));
    let meta = RecordMeta {
        number: existing.number,
        revision,
        changelog,
        supersedes: existing.supersedes(),
        ..first
    };
    let path = out.write(&meta)?;
    Ok(WriteOutcome::Revised { path, revision })
}

/// Writes the new record first, then marks the old one superseded, so an interruption never
/// leaves an old record pointing at a number that does not exist.
fn supersede(
    out: &Rendering<'_>,
    old: &scan::ExistingRecord,
    first: RecordMeta,
    changes: &Changes,
) -> Result<WriteOutcome, ReportError> {
    let status = superseded_status(first.number);
    // The status list under the title links the successor: log4brains follows a link whose
    // text is the successor's file stem, and readers get a link either way.
    let successor = file_stem(first.number, &out.plan.id);
    // Check both old files can be updated before writing anything.
    let old_markdown = frontmatter::replace_status(&old.text, &status).ok_or_else(|| ReportError::BadRecord {
        path: old.path.clone(),
        message: "no `status:` line in its front matter".to_owned(),
    })?;
    let old_markdown =
        frontmatter::replace_body_status(&old_markdown, &format!("superseded by [{successor}]({successor}.md)"));
    let old_html_path = html_path(&old.path);
    let old_html = match std::fs::read_to_string(&old_html_path) {
        Ok(page) => Some(frontmatter::replace_html_body_status(
            &frontmatter::replace_html_status(&page, &status).ok_or_else(|| ReportError::BadRecord {
                path: old_html_path.clone(),
                message: "expected exactly one element with data-tradeoff=\"status\"".to_owned(),
            })?,
            &format!("superseded by <a href=\"{successor}.html\">{successor}</a>"),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(ReportError::io("read", &old_html_path, e)),
    };

    let line = format!(
        "revision 1{}: supersedes {} ({}; {})",
        dated(out.plan),
        format::record_number(old.number),
        changes.winner_line,
        changes.what.join("; ")
    );
    let meta = RecordMeta {
        changelog: vec![line],
        supersedes: Some(old.number),
        ..first
    };
    let new = out.write(&meta)?;
    atomic::write(&old.path, &old_markdown)?;
    if let Some(page) = old_html {
        atomic::write(&old_html_path, &page)?;
    }
    Ok(WriteOutcome::Superseded {
        old: old.path.clone(),
        new,
    })
}

/// Why the record for `plan` in `out_dir` is out of date; empty when it is current.
pub fn check_record(
    out_dir: &Path,
    inputs: &RecordInputs<'_>,
    templates: &Templates,
) -> Result<Vec<Staleness>, ReportError> {
    check_record_in(&RecordFolder::scan(out_dir)?, inputs, templates)
}

/// The records of one folder, read once: checking or deciding many specs against the same
/// folder must not re-read every record for every spec (1,000 specs would read the folder 1,000
/// times).
pub struct RecordFolder {
    dir: PathBuf,
    /// In folder order (by number, then file name).
    records: Vec<scan::ExistingRecord>,
    /// Where each decision's records are in `records`, in folder order.
    by_decision: HashMap<String, Vec<usize>>,
}

impl RecordFolder {
    pub fn scan(out_dir: &Path) -> Result<RecordFolder, ReportError> {
        Ok(RecordFolder::of(out_dir.to_path_buf(), scan::records(out_dir)?))
    }

    fn of(dir: PathBuf, records: Vec<scan::ExistingRecord>) -> RecordFolder {
        let mut by_decision: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, record) in records.iter().enumerate() {
            if let Some(decision) = record.decision() {
                by_decision.entry(decision.to_owned()).or_default().push(at);
            }
        }
        RecordFolder {
            dir,
            records,
            by_decision,
        }
    }

    fn current(&self, decision: &str) -> Option<&scan::ExistingRecord> {
        let mine: Vec<&scan::ExistingRecord> = self
            .by_decision
            .get(decision)?
            .iter()
            .map(|&at| &self.records[at])
            .collect();
        scan::current(&mine)
    }

    /// Re-reads the record files at `paths` after they were written.
    fn refresh(&mut self, paths: &[&PathBuf]) -> Result<(), ReportError> {
        let mut records = std::mem::take(&mut self.records);
        for path in paths {
            records.retain(|record| &record.path != *path);
            records.extend(scan::record_at(path)?);
        }
        scan::sort(&mut records);
        *self = RecordFolder::of(std::mem::take(&mut self.dir), records);
        Ok(())
    }
}

/// [`check_record`] against a folder scanned beforehand.
pub fn check_record_in(
    folder: &RecordFolder,
    inputs: &RecordInputs<'_>,
    templates: &Templates,
) -> Result<Vec<Staleness>, ReportError> {
    let RecordInputs {
        plan,
        evaluation,
        spec_text,
        versions,
        ..
    } = *inputs;
    let Some(existing) = folder.current(&plan.id) else {
        return Ok(vec![Staleness::Missing {
            decision: plan.id.clone(),
        }]);
    };
    let path = existing.path.clone();
    let sha = spec_sha256(spec_text);
    let unknown = format::UNKNOWN;
    let mut out = Vec::new();
    let recorded = existing.spec_sha256().unwrap_or(unknown);
    if recorded != sha {
        out.push(Staleness::SpecChanged {
            path: path.clone(),
            recorded: recorded.to_owned(),
            current: sha.clone(),
        });
    }
    let recorded = existing.catalog_version().unwrap_or(unknown);
    if recorded != versions.catalog {
        out.push(Staleness::CatalogChanged {
            path: path.clone(),
            recorded: recorded.to_owned(),
            current: versions.catalog.clone(),
        });
    }
    let recorded = existing.tool_version().unwrap_or(unknown);
    if recorded != versions.tool {
        out.push(Staleness::ToolChanged {
            path: path.clone(),
            recorded: recorded.to_owned(),
            current: versions.tool.clone(),
        });
    }
    if !out.is_empty() {
        // Changed inputs already mean the content would change; comparing bytes adds nothing.
        return Ok(out);
    }
    let meta = as_recorded(existing, &sha, versions);
    let rendered = render(templates, plan, evaluation, &meta)?;
    let spec_status = crate::record::status_text(plan, &meta);
    match existing.status() {
        // Accepting a decision is a spec change (MADR's lifecycle as this tool runs it): say so
        // rather than only that the bytes differ.
        Some(recorded) if recorded != spec_status => out.push(Staleness::StatusEdited {
            path: path.clone(),
            recorded: recorded.to_owned(),
            spec_status,
            spec_path: inputs.spec_path.to_owned(),
        }),
        _ if existing.text != rendered.markdown => out.push(Staleness::ContentDiffers { path: path.clone() }),
        _ => {}
    }
    let html = html_path(&path);
    match std::fs::read_to_string(&html) {
        Ok(page) if page == rendered.html => {}
        Ok(_) => out.push(Staleness::ContentDiffers { path: html }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.push(Staleness::ContentDiffers { path: html }),
        Err(e) => return Err(ReportError::io("read", html, e)),
    }
    Ok(out)
}
