//! `tradeoff-driver` owns the pipeline that carries a spec from stage to stage, for every front
//! end (the CLI, the language server, the fuzz targets): reading specs and catalog files
//! through a [`Sources`] (working tree, git revision), include resolution inside the project,
//! the catalog files that make the catalog version, compile → evaluate → render → write or
//! compare, the settings and versions stored in every record, checking, formatting, project
//! scaffolding, renumbering records after a merge, catalog imports, and what an editor asks about a spec being written
//! (`editor`). These are the rules that make a record reproducible, so they live here once.
//!
//! It must not parse arguments, print, read environment variables or choose exit codes: it
//! returns data ([`Failure`], verdicts, outcomes) and front ends present it. Language, scoring
//! and record rules stay in `tradeoff-lang`, `tradeoff-core` and `tradeoff-report`.

mod buffers;
pub mod catalog;
pub mod check;
pub mod decide;
pub mod diagnostics;
pub mod diff;
pub mod editor;
mod failure;
mod files;
pub mod format;
mod git;
pub mod import;
mod includes;
pub mod init;
pub mod records;
mod recovered;
pub mod renumber;
pub mod score;
pub mod sources;
pub mod spec;

pub use buffers::{Buffers, NoFiles};
pub use failure::Failure;
pub use files::{collect_specs, discover_root, display_path, MAX_INPUT_BYTES};
pub use records::RecordsRequest;
pub use recovered::Recovered;
pub use sources::{GitRevision, Source, Sources, WorkingTree};
pub use spec::LoadedSpec;
