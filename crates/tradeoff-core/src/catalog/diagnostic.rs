//! Catalog file problems as miette diagnostics: file, line, column, label, help.
//!
//! Catalog files are user-editable (in-house frameworks, corrected figures), so a bad file is
//! bad input reported like a bad spec, never an assertion.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

/// One problem in one catalog file.
#[derive(Debug, Clone)]
pub struct CatalogProblem {
    pub file: Arc<NamedSource<String>>,
    pub span: Range<usize>,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.name(), self.message)
    }
}

impl std::error::Error for CatalogProblem {}

impl Diagnostic for CatalogProblem {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("tradeoff::catalog"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.file)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = LabeledSpan::new_primary_with_span(Some(self.label.clone()), self.span.clone());
        Some(Box::new(std::iter::once(span)))
    }
}

/// Every problem found while loading or checking catalog files.
#[derive(Debug, Clone)]
pub struct CatalogError {
    pub problems: Vec<CatalogProblem>,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files: std::collections::BTreeSet<&str> = self.problems.iter().map(|p| p.file.name()).collect();
        let count = self.problems.len();
        write!(
            f,
            "{count} {} in catalog file{} {}",
            if count == 1 { "problem" } else { "problems" },
            if files.len() == 1 { "" } else { "s" },
            files.into_iter().collect::<Vec<_>>().join(", ")
        )
    }
}

impl std::error::Error for CatalogError {}

impl Diagnostic for CatalogError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("tradeoff::catalog"))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.problems.iter().map(|p| p as &dyn Diagnostic)))
    }
}
