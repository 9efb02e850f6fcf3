//! `tradeoff-core` owns the facts and the arithmetic: the framework catalog (embedded data files
//! with a source and date on every fact, and the importers that turn published benchmark results
//! and rankings into catalog overlays), hard filters, criterion functions, aggregation (weighted
//! sum, TOPSIS, AHP weights), sensitivity analysis, how sure the decision is (unknown facts as
//! score intervals and a seeded SMAA-2 acceptability analysis), catalog coverage, and the
//! [`Evaluation`] they produce.
//!
//! It consumes a [`tradeoff_lang::Plan`] and never looks at spec text or spans; it never renders
//! records, prints, or reads files (importers take the files' text from their caller). Every
//! number it outputs can be traced to a catalog fact or to the plan.

pub mod assurance;
pub mod catalog;
pub mod compare;
pub mod coverage;
pub mod evaluation;
pub mod explain;
pub mod numbers;
pub mod scoring;

pub use evaluation::Evaluation;
