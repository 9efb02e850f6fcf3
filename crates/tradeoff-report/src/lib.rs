//! `tradeoff-report` owns decision records: the record model built from a plan and its
//! evaluation, minijinja templates (files under `templates/`, overridable per project),
//! Markdown to HTML through pulldown-cmark, record numbering, revisions, superseding, and the
//! decision log index.
//!
//! It must not score, filter or read catalog files: it renders what an `Evaluation` says. It
//! writes only inside the output folder it is given, never reads a clock (same inputs, same
//! bytes), and treats all spec and catalog text as untrusted when producing Markdown or HTML.

pub mod comparison;
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
pub use index::{IndexEntry, IndexModel};
pub use record::{RecordMeta, RecordModel};
pub use store::{
    check_record, check_record_in, first_revision, index_model, record_number, spec_sha256, write_index, write_record,
    write_record_in, RecordFolder, RecordInputs, RecordSource, Staleness, Versions, WriteOutcome,
};
pub use templates::{RenderedIndex, RenderedRecord, Templates};
