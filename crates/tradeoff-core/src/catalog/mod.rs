//! The framework catalog: model, embedded data, loading and validation.

pub mod model;

pub use model::{Catalog, Fact, Framework};
