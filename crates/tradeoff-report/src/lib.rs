//! `tradeoff-report` owns decision records: the record model built from a plan and its
//! evaluation, minijinja templates (files under `templates/`, overridable per project),
//! Markdown to HTML through pulldown-cmark, record numbering (and renumbering after a merge),
//! revisions, superseding (accepted records are never rewritten), the user's `## Notes`
//! section, the decision log index, and the consistency check of a record folder.
//!
//! It must not score, filter or read catalog files: it renders what an `Evaluation` says. It
//! writes only inside the output folder it is given, never reads a clock (same inputs, same
//! bytes), and treats all spec and catalog text as untrusted when producing Markdown or HTML.

pub mod comparison;
mod decision_marks;
mod error;
mod escape;
mod format;
mod frontmatter;
pub mod html;
pub mod index;
pub mod record;
mod store;
pub mod svg;
pub mod templates;

pub use comparison::ComparisonModel;
pub use error::ReportError;
pub use index::{IndexEntry, IndexLink, IndexModel};
pub use record::{RecordMeta, RecordModel};
pub use store::{
    check_log, check_record, check_record_in, first_revision, index_model, lock_folder, record_number, renumber,
    sealed_record, spec_sha256, stage_record_in, write_index, write_record, write_record_in, Moved, RecordFolder,
    RecordInputs, RecordSource, Staleness, Untouched, Versions, WriteOutcome,
};
pub use templates::{RenderedIndex, RenderedRecord, Templates};
pub use tradeoff_fs::journal::Recovery;
pub use tradeoff_fs::FolderLock;
