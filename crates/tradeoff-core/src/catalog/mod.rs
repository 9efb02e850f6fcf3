//! The framework catalog: model, embedded data, loading and validation.

pub mod diagnostic;
mod facts;
pub mod import;
mod load;
pub mod model;
mod validate;

pub use diagnostic::{CatalogError, CatalogProblem};
pub use facts::{facts_of, FactLine};
pub use load::{check_files, CatalogFile};
pub use model::{Catalog, Fact, Framework, Origin};
