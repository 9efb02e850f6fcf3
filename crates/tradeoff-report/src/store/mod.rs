//! The record folder: numbering, revisions, superseding, the decision log index, and the
//! staleness check, following issue 5.
//!
//! Every file written is inside `out_dir` (named from a record number and the decision id),
//! and a rerun with an unchanged spec, catalog and tool writes nothing. Every change of several
//! files (a record's pair, a supersede, the index) is one journaled operation (`tradeoff_fs::
//! journal`), made while the writer holds the folder lock ([`lock_folder`]).

mod consistency;
mod index;
mod notes;
mod renumber;
mod scan;
mod seal;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use tradeoff_core::Evaluation;
use tradeoff_fs::journal::{self, Batch, Change};
use tradeoff_fs::{FolderLock, LockError};
use tradeoff_lang::vocab::Status;
use tradeoff_lang::Plan;

use crate::error::ReportError;
use crate::format;
use crate::frontmatter;
use crate::record::{file_stem, superseded_status, RecordMeta, RecordModel};
use crate::templates::{RenderedRecord, Templates};

pub use consistency::check_log;
pub use index::{index_model, write_index};
pub use renumber::{renumber, Moved};
pub use scan::record_number;
pub use seal::sha256_hex;

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
    /// The Markdown was current but its HTML page was missing or differed: the page was written
    /// again from the same record, which keeps its revision.
    Restored { path: PathBuf },
    /// The record was accepted and something changed: a new record replaces it (accepted records
    /// are never rewritten), and the old one's status now says "superseded by NNNN".
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
    /// The record templates changed (a project's own, or tradeoff's): fingerprints as in the
    /// record's seal.
    TemplatesChanged {
        path: PathBuf,
        recorded: String,
        current: String,
    },
    /// The file is absent or its bytes differ from what would be rendered now (hand edits,
    /// changed templates).
    ContentDiffers { path: PathBuf },
    /// The Markdown record differs, outside its `## Notes` section, from what its unchanged
    /// inputs render: a hand edit (or changed templates). `diff` shows the lines.
    HandEdited { path: PathBuf, diff: String },
    /// The folder as a whole is inconsistent: an interrupted operation, a leftover temporary
    /// file, a record without its page, an index that does not list the records as they are.
    Log { path: PathBuf, problem: String },
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
            Staleness::TemplatesChanged {
                path,
                recorded,
                current,
            } => write!(
                f,
                "{}: the record templates changed ({} → {})",
                path.display(),
                short_sha(recorded),
                short_sha(current)
            ),
            Staleness::ContentDiffers { path } => {
                write!(f, "{}: differs from what tradeoff renders now", path.display())
            }
            Staleness::Log { path, problem } => write!(f, "{}: {problem}", path.display()),
            Staleness::HandEdited { path, diff } => write!(
                f,
                "{}: edited by hand (or the templates changed) outside its `## Notes` section; \
                 move your text under `## Notes` at its end, or run `tradeoff decide --force`:\n{diff}",
                path.display()
            ),
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
    sha256_hex(spec_text.as_bytes())
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

/// A record rendered and sealed, exactly as `decide` writes it (the Markdown without notes).
pub fn sealed_record(
    templates: &Templates,
    plan: &Plan,
    evaluation: &Evaluation,
    meta: &RecordMeta,
) -> Result<RenderedRecord, ReportError> {
    let rendered = templates.render_record(&RecordModel::build(plan, evaluation, meta))?;
    let (markdown, html) = seal::seal(rendered.markdown, rendered.html, templates.record_fingerprint());
    Ok(RenderedRecord { markdown, html })
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

/// The rendered record as the record on disk (Markdown `text`) should hold it now: without the
/// seal if the record was written before seals existed, so that the missing seal alone is not
/// a difference (nor a hand edit).
fn comparable(existing: &scan::ExistingRecord, text: &str, rendered: RenderedRecord) -> RenderedRecord {
    if seal::record_intact(existing.front.as_ref(), text) != seal::Intact::Unsealed {
        return rendered;
    }
    let (markdown, html) = seal::as_unsealed(&rendered.markdown, &rendered.html);
    RenderedRecord { markdown, html }
}

/// Whether both files of a record hold exactly the rendered bytes (the Markdown's notes aside),
/// `text` being the Markdown as on disk.
fn matches_on_disk(text: &str, md: &Path, rendered: &RenderedRecord) -> bool {
    notes::same_record(text, &rendered.markdown)
        && scan::read_bounded(&html_path(md)).is_ok_and(|page| page == rendered.html)
}

/// A file of the folder with its new contents, as one part of an operation.
fn change(path: &Path, contents: String) -> Change {
    Change {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        contents,
    }
}

fn rendered_changes(md: &Path, rendered: RenderedRecord, notes: Option<&str>) -> [Change; 2] {
    [
        change(md, notes::keep(rendered.markdown, notes)),
        change(&html_path(md), rendered.html),
    ]
}

/// Takes the exclusive lock on the record folder `out_dir` (creating it), then completes any
/// operation a killed run left unfinished and removes its temporary files. Every run that writes
/// records holds it from before its scan to after its index.
pub fn lock_folder(out_dir: &Path) -> Result<(FolderLock, journal::Recovery), ReportError> {
    std::fs::create_dir_all(out_dir).map_err(|e| ReportError::io("create", out_dir, e))?;
    let lock = FolderLock::acquire(out_dir, tradeoff_fs::configured_wait()).map_err(|e| match e {
        LockError::Busy { dir, waited } => ReportError::Busy {
            dir,
            waited_secs: waited.as_secs_f64(),
        },
        LockError::Io { dir, source } => ReportError::io("lock", dir, source),
    })?;
    let recovery = journal::recover(out_dir)?;
    Ok((lock, recovery))
}

/// What changed between the record on disk and the inputs now, as change-log prose;
/// `templates` is the current templates' fingerprint.
fn describe_changes(existing: &scan::ExistingRecord, sha: &str, versions: &Versions, templates: &str) -> Vec<String> {
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
    // Only a sealed record names its templates; an older one is compared by rendering it.
    if let Some(recorded) = seal::templates_of(existing.front.as_ref()) {
        if recorded != templates {
            changes.push(format!(
                "templates changed ({} → {})",
                short_sha(recorded),
                short_sha(templates)
            ));
        }
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
/// - otherwise, if the record is `accepted` (whether or not the winner changed): a new record that
///   supersedes it, and the old record's status line (Markdown and HTML) becomes "superseded by
///   NNNN" — an accepted record's content is never rewritten;
/// - otherwise: the same number, revision + 1, and a change-log line saying what changed.
pub fn write_record(
    out_dir: &Path,
    inputs: &RecordInputs<'_>,
    templates: &Templates,
) -> Result<WriteOutcome, ReportError> {
    let _lock = lock_folder(out_dir)?;
    let mut folder = RecordFolder::scan(out_dir)?;
    let outcome = stage_record_in(&mut folder, inputs, templates)?;
    folder.write_index(templates)?;
    Ok(outcome)
}

/// [`write_record`] into a folder scanned beforehand, which is kept up to date, without
/// refreshing the index: deciding many specs scans the folder and writes the index once. The
/// caller holds the folder lock ([`lock_folder`]).
pub fn write_record_in(
    folder: &mut RecordFolder,
    inputs: &RecordInputs<'_>,
    templates: &Templates,
) -> Result<WriteOutcome, ReportError> {
    let outcome = stage_record_in(folder, inputs, templates)?;
    folder.commit()?;
    Ok(outcome)
}

/// [`write_record_in`], its files staged in the folder's pending operation rather than written:
/// [`RecordFolder::commit`] writes them, with whatever is staged after them (the index, so a
/// record and the decision log listing it are one operation). The folder already counts them
/// as written. An operation left pending from before (an earlier record) is committed first,
/// since this one reads the folder's files.
pub fn stage_record_in(
    folder: &mut RecordFolder,
    inputs: &RecordInputs<'_>,
    templates: &Templates,
) -> Result<WriteOutcome, ReportError> {
    folder.commit()?;
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
    let number =
        scan::next_number(&folder.records).ok_or_else(|| ReportError::NumbersExhausted { dir: out_dir.clone() })?;
    let first = first_revision(
        number,
        &RecordSource {
            spec_path,
            spec_text,
            date: plan.date.as_deref(),
        },
        versions,
    );
    let (outcome, changes) = match folder.current(&plan.id) {
        None => {
            let (path, changes) = out.render_to(&first, None)?;
            (WriteOutcome::Created { path }, changes.to_vec())
        }
        Some(existing) => update(&out, existing, first, folder.force)?,
    };
    // One operation: all of these files change, or (after a kill) the next run completes them.
    folder.stage(&changes)?;
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
        sealed_record(self.templates, self.plan, self.evaluation, meta)
    }

    /// The files of the record `meta` describes (Markdown, ending with `notes` if given, and
    /// HTML) and the Markdown path.
    fn render_to(&self, meta: &RecordMeta, notes: Option<&str>) -> Result<(PathBuf, [Change; 2]), ReportError> {
        let path = md_path(self.out_dir, meta.number, &self.plan.id);
        let changes = rendered_changes(&path, self.render(meta)?, notes);
        Ok((path, changes))
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
    /// "winner changed from A to B", or "winner unchanged: A".
    winner_line: String,
}

/// What an update does: its outcome and the files it changes.
type Update = (WriteOutcome, Vec<Change>);

/// The record of a decision that already has one: unchanged, its page restored, revised in
/// place, or superseded by a new record when an accepted decision's winner changed. `first` is
/// what a new record would be (the next free number, revision 1).
fn update(
    out: &Rendering<'_>,
    existing: &scan::ExistingRecord,
    first: RecordMeta,
    force: bool,
) -> Result<Update, ReportError> {
    let sha = first.spec_sha256.clone();
    let versions = Versions {
        catalog: first.catalog_version.clone(),
        tool: first.tool_version.clone(),
    };
    let mut what = describe_changes(existing, &sha, &versions, out.templates.record_fingerprint());
    let text = existing.full_text()?;
    // Same spec, catalog, tool and templates: the record is current only if it also renders to
    // the same bytes (scoring rules or a hand edit may differ), otherwise `check` would report a
    // staleness that `decide` cannot repair.
    if what.is_empty() {
        let rendered = comparable(existing, &text, out.render(&as_recorded(existing, &sha, &versions))?);
        if matches_on_disk(&text, &existing.path, &rendered) {
            let path = existing.path.clone();
            return Ok((WriteOutcome::Unchanged { path }, Vec::new()));
        }
        if notes::same_record(&text, &rendered.markdown) {
            // Only the page is missing or differs (deleted, or a killed run of an older version):
            // the record itself is current, so its page is written again and nothing is revised.
            let path = existing.path.clone();
            let page = change(&html_path(&path), rendered.html);
            return Ok((WriteOutcome::Restored { path }, vec![page]));
        }
        if !force {
            // Unchanged inputs render the record as it was written, so the difference is an edit
            // someone made: it is not overwritten silently.
            return Err(ReportError::HandEdited {
                path: existing.path.clone(),
                diff: notes::hand_edit_diff(&text, &rendered.markdown),
            });
        }
    } else if !force
        && existing.status() != Some(Status::Accepted.name())
        && seal::record_intact(existing.front.as_ref(), &text) == seal::Intact::No
    {
        // The inputs changed, so the record would be revised in place; but it no longer hashes
        // to its seal, so someone edited it since it was written, and a revision would drop the
        // edit. (An accepted record is superseded instead and keeps its text.)
        return Err(ReportError::HandEdited {
            path: existing.path.clone(),
            diff: edited_since_sealed(&what),
        });
    }
    if what.is_empty() {
        what.push("record regenerated: it differed from what tradeoff renders now".to_owned());
    }
    let old_winner = existing.winner().unwrap_or(format::UNKNOWN);
    let winner_changed = old_winner != winner_id(out.evaluation);
    let old_name = existing.winner_name().unwrap_or(old_winner);
    let changes = Changes {
        what,
        winner_changed,
        winner_line: if winner_changed {
            format!("winner changed from {old_name} to {}", winner_name(out.evaluation))
        } else {
            format!("winner unchanged: {old_name}")
        },
    };
    // Accepted means immutable: a decision once accepted is never rewritten, whatever changed
    // (the spec, the catalog, the tool, the rendering). A new record supersedes it, as MADR
    // does; only the old record's status line changes.
    if existing.status() == Some(Status::Accepted.name()) {
        supersede(out, existing, &text, first, &changes)
    } else {
        revise(out, existing, &text, first, changes)
    }
}

/// What `check` and `decide` say of a sealed record edited by hand whose inputs changed too:
/// the edit cannot be shown as a diff (the old inputs are gone), but it can be named.
fn edited_since_sealed(what: &[String]) -> String {
    format!(
        "the record no longer matches the `{}` tradeoff sealed it with, so it was edited after it was \
         written; its inputs changed too ({}), so a new revision would drop the edit",
        seal::RECORD_KEY,
        what.join("; ")
    )
}

/// Rewrites the record in place with the next revision and a change-log line.
fn revise(
    out: &Rendering<'_>,
    existing: &scan::ExistingRecord,
    text: &str,
    first: RecordMeta,
    changes: Changes,
) -> Result<Update, ReportError> {
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
    // The user's notes move to the new revision verbatim.
    let (path, files) = out.render_to(&meta, notes::of(text))?;
    Ok((WriteOutcome::Revised { path, revision }, files.to_vec()))
}

/// The new record, and the old one's status marked superseded in both its files: one operation,
/// so a kill never leaves two accepted records for one decision.
fn supersede(
    out: &Rendering<'_>,
    old: &scan::ExistingRecord,
    old_text: &str,
    first: RecordMeta,
    changes: &Changes,
) -> Result<Update, ReportError> {
    let status = superseded_status(first.number);
    // The status list under the title links the successor: log4brains follows a link whose
    // text is the successor's file stem, and readers get a link either way.
    let successor = file_stem(first.number, &out.plan.id);
    // Check both old files can be updated before writing anything.
    let old_markdown = frontmatter::replace_status(old_text, &status).ok_or_else(|| ReportError::BadRecord {
        path: old.path.clone(),
        message: "no `status:` line in its front matter".to_owned(),
    })?;
    let old_markdown =
        frontmatter::replace_body_status(&old_markdown, &format!("superseded by [{successor}]({successor}.md)"));
    let old_html_path = html_path(&old.path);
    let (old_html, old_page_was) = match scan::read_bounded(&old_html_path) {
        Ok(page) => (
            Some(frontmatter::replace_html_body_status(
                &frontmatter::replace_html_status(&page, &status).ok_or_else(|| ReportError::BadRecord {
                    path: old_html_path.clone(),
                    message: "expected exactly one element with data-tradeoff=\"status\"".to_owned(),
                })?,
                &format!("superseded by <a href=\"{successor}.html\">{successor}</a>"),
            )),
            seal::page_intact(&page),
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, seal::Intact::Unsealed),
        Err(e) => return Err(ReportError::io("read the page", &old_html_path, e)),
    };

    // The old record stays sealed if tradeoff's status change was the only change to it.
    let (old_markdown, old_html) = seal::renew(
        &old_markdown,
        seal::record_intact(old.front.as_ref(), old_text),
        old_html.as_deref(),
        old_page_was,
    );

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
    // The notes stay with the record they were written on, which is kept as it is.
    let (new, files) = out.render_to(&meta, None)?;
    let mut files = files.to_vec();
    files.push(change(&old.path, old_markdown));
    if let Some(page) = old_html {
        files.push(change(&old_html_path, page));
    }
    let outcome = WriteOutcome::Superseded {
        old: old.path.clone(),
        new,
    };
    Ok((outcome, files))
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
    /// Whether records edited by hand are overwritten (`decide --force`).
    force: bool,
    /// Files staged and not yet written ([`RecordFolder::commit`]); `records` already counts
    /// them. Dropped uncommitted, nothing of it is written.
    pending: Batch,
}

impl RecordFolder {
    pub fn scan(out_dir: &Path) -> Result<RecordFolder, ReportError> {
        Ok(RecordFolder::of(out_dir.to_path_buf(), scan::records(out_dir)?))
    }

    fn of(dir: PathBuf, records: Vec<scan::ExistingRecord>) -> RecordFolder {
        let mut folder = RecordFolder {
            pending: Batch::new(&dir),
            dir,
            records: Vec::new(),
            by_decision: HashMap::new(),
            force: false,
        };
        folder.set_records(records);
        folder
    }

    fn set_records(&mut self, records: Vec<scan::ExistingRecord>) {
        let mut by_decision: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, record) in records.iter().enumerate() {
            if let Some(decision) = record.decision() {
                by_decision.entry(decision.to_owned()).or_default().push(at);
            }
        }
        self.records = records;
        self.by_decision = by_decision;
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

    /// The current record of `decision` when it is exactly as tradeoff wrote it from the same
    /// inputs: the same spec, catalog, tool and templates, and both files still hashing to its
    /// seal. Such a record is current without scoring or rendering anything, since a record is a
    /// pure function of those inputs. `None` means "not known to be current": the caller scores
    /// and renders, which finds out what changed (an unsealed record always takes that way).
    pub fn untouched(
        &self,
        decision: &str,
        spec_text: &str,
        versions: &Versions,
        templates: &Templates,
    ) -> Result<Option<Untouched>, ReportError> {
        let Some(existing) = self.current(decision) else {
            return Ok(None);
        };
        let front = existing.front.as_ref();
        let same_inputs = !existing.is_superseded()
            && existing.spec_sha256() == Some(spec_sha256(spec_text).as_str())
            && existing.catalog_version() == Some(versions.catalog.as_str())
            && existing.tool_version() == Some(versions.tool.as_str())
            && seal::templates_of(front) == Some(templates.record_fingerprint());
        if !same_inputs || seal::record_intact(front, &existing.full_text()?) != seal::Intact::Yes {
            return Ok(None);
        }
        let page = match scan::read_bounded(&html_path(&existing.path)) {
            Ok(page) => page,
            // Missing or unreadable: the slow way restores it or names the problem.
            Err(_) => return Ok(None),
        };
        Ok(seal::page_belongs(front, &page).then(|| Untouched {
            path: existing.path.clone(),
            winner_name: existing.winner_name().unwrap_or(format::UNKNOWN).to_owned(),
        }))
    }

    /// Overwrite records edited by hand (outside their notes) instead of refusing to.
    pub fn overwrite_hand_edits(&mut self, force: bool) {
        self.force = force;
    }

    /// Whether the folder holds no record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Rewrites the decision log (`README.md`, `index.html`) from the records as this folder
    /// has kept them since its scan, when its content changes: [`write_index`] without reading
    /// every record again (in a folder of 1,000 records that second scan was a third of a
    /// `decide`). The caller holds the folder lock, so no other run changed them meanwhile.
    ///
    /// It is one operation with the files still pending (the record just staged): a kill never
    /// leaves a record its index does not list. If the index cannot be rendered, what is
    /// pending is written alone and the error reported.
    pub fn write_index(&mut self, templates: &Templates) -> Result<(), ReportError> {
        let staged = self.stage_index(templates);
        let committed = self.commit();
        staged.and(committed)
    }

    /// The decision log's two files, staged in the pending operation ([`Self::commit`] writes
    /// them); nothing is staged if they cannot be rendered.
    pub fn stage_index(&mut self, templates: &Templates) -> Result<(), ReportError> {
        let pending = &self.pending;
        let model = index::index_model_of(&self.dir, &self.records, |name| pending.writes(name));
        let changes = index::index_changes(&model, templates)?;
        self.stage(&changes)
    }

    /// Writes the files staged so far, as one operation.
    pub fn commit(&mut self) -> Result<(), ReportError> {
        let pending = std::mem::replace(&mut self.pending, Batch::new(&self.dir));
        pending.commit()?;
        Ok(())
    }

    /// Adds `changes` to the pending operation, all or none of them, and counts the records
    /// among them with their new contents.
    fn stage(&mut self, changes: &[Change]) -> Result<(), ReportError> {
        // A second change of a pending file: the first is written first, so the batch below
        // compares the second with what the file will really hold.
        if changes.iter().any(|change| self.pending.writes(&change.name)) {
            self.commit()?;
        }
        let mut batch = Batch::new(&self.dir);
        for change in changes {
            batch.stage(change)?;
        }
        self.pending.append(batch);
        let mut records = std::mem::take(&mut self.records);
        for change in changes {
            let path = self.dir.join(&change.name);
            if let Some(record) = scan::record_from_text(&path, &change.contents) {
                records.retain(|existing| existing.path != path);
                records.push(record);
            }
        }
        scan::sort(&mut records);
        self.set_records(records);
        Ok(())
    }
}

/// A record found current by its seal ([`RecordFolder::untouched`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untouched {
    pub path: PathBuf,
    /// The winner's display name, as the record states it.
    pub winner_name: String,
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
    if let Some(recorded) = seal::templates_of(existing.front.as_ref()) {
        if recorded != templates.record_fingerprint() {
            out.push(Staleness::TemplatesChanged {
                path: path.clone(),
                recorded: recorded.to_owned(),
                current: templates.record_fingerprint().to_owned(),
            });
        }
    }
    let text = existing.full_text()?;
    if !out.is_empty() {
        // Changed inputs already mean the content would change; comparing bytes adds nothing.
        // But an edit made since the record was written would be lost by the next `decide`,
        // so it is named (its seal says so) before anyone runs it.
        if existing.status() != Some(Status::Accepted.name())
            && seal::record_intact(existing.front.as_ref(), &text) == seal::Intact::No
        {
            let what: Vec<String> = out.iter().map(ToString::to_string).collect();
            out.push(Staleness::HandEdited {
                path: path.clone(),
                diff: edited_since_sealed(&what),
            });
        }
        return Ok(out);
    }
    let meta = as_recorded(existing, &sha, versions);
    let rendered = comparable(existing, &text, sealed_record(templates, plan, evaluation, &meta)?);
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
        _ if !notes::same_record(&text, &rendered.markdown) => out.push(Staleness::HandEdited {
            path: path.clone(),
            diff: notes::hand_edit_diff(&text, &rendered.markdown),
        }),
        _ => {}
    }
    let html = html_path(&path);
    match scan::read_bounded(&html) {
        Ok(page) if page == rendered.html => {}
        Ok(_) => out.push(Staleness::ContentDiffers { path: html }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.push(Staleness::ContentDiffers { path: html }),
        Err(e) => return Err(ReportError::io("read the page", html, e)),
    }
    Ok(out)
}
