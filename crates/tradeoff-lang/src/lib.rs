//! `tradeoff-lang` owns the spec language: the pest grammar, the AST (every node with its source
//! span), diagnostics, the canonical formatter, and compilation of an AST into a [`Plan`].
//!
//! It must not know about framework facts, scoring or reports: framework names are resolved
//! through the small [`FrameworkNames`] trait that the caller supplies, and the plan it produces
//! is plain data. Nothing here prints; diagnostics are values that the CLI renders.

pub mod ast;
mod bounded;
mod code;
mod compile;
pub mod complete;
pub mod diagnostic;
pub mod format;
// pest without `std` generates code that names `alloc` directly.
extern crate alloc;

mod grammar;
pub mod plan;
pub mod suggest;
pub mod syntax;
pub mod visible;
pub mod vocab;

pub use ast::SpecFile;
pub use compile::{compile, DEFAULT_OPTIONS};
pub use diagnostic::{render, Code, Position, Problem, SpecError};
pub use format::{format, format_source};
pub use plan::{FrameworkNames, Plan};
pub use syntax::{parse, MAX_SPEC_BYTES};
