//! `tradeoff-report` owns decision records: the record model built from a plan and its
//! evaluation, minijinja templates (files under `templates/`, overridable per project),
//! Markdown to HTML through pulldown-cmark, record numbering, revisions, superseding, and the
//! decision log index.
//!
//! It must not score, filter or read catalog files: it renders what an `Evaluation` says.
