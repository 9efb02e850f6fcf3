//! From a spec path to a plan and the catalog it is scored against: read → parse → load the
//! catalog files it includes → compile. Every text comes from a [`Sources`].

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use tradeoff_core::catalog::Catalog;
use tradeoff_lang::ast::Span;
use tradeoff_lang::{Code, Plan, Problem, SpecError, SpecFile};

use crate::catalog;
use crate::sources::{IncludeError, Source, Sources};
use crate::Failure;

/// A spec compiled against its catalog.
#[derive(Debug)]
pub struct LoadedSpec {
    /// The name shown to users (forward slashes; `REV:path` for a git revision).
    pub display: String,
    /// The spec text as read: records store its SHA-256.
    pub source: String,
    pub plan: Plan,
    /// Shared with every other spec that includes no catalog files of its own.
    pub catalog: Arc<Catalog>,
    /// Where the decision id is written in the spec (byte offsets), for diagnostics about it.
    pub id_span: Span,
}

/// Reads and compiles the spec at `path`, with its catalog includes, from `sources`.
pub fn load(sources: &dyn Sources, path: &Path) -> Result<LoadedSpec, Failure> {
    let Source { name, text } = sources.spec(path)?;
    let ast = tradeoff_lang::parse(&name, &text)?;
    compile(sources, path, Source { name, text }, &ast)
}

/// The rest of [`load`] for a spec already read and parsed (an editor keeps the syntax tree).
pub fn compile(sources: &dyn Sources, path: &Path, source: Source, ast: &SpecFile) -> Result<LoadedSpec, Failure> {
    let Source { name, text } = source;
    let catalog = catalog::extended(&includes(sources, path, &name, ast)?)?;
    let plan = tradeoff_lang::compile(ast, &*catalog)?;
    Ok(LoadedSpec {
        display: name,
        source: text,
        plan,
        catalog,
        id_span: ast.decision.id.span,
    })
}

/// A spec's decision id, where it is written, and the spec's text: what a diagnostic about a
/// decision decided twice needs, kept without the rest of the compiled spec.
#[derive(Debug, Clone)]
pub struct DecisionAt {
    id: String,
    display: String,
    source: Arc<str>,
    span: Span,
}

impl LoadedSpec {
    pub fn decision_at(&self) -> DecisionAt {
        DecisionAt {
            id: self.plan.id.clone(),
            display: self.display.clone(),
            source: Arc::from(self.source.as_str()),
            span: self.id_span,
        }
    }
}

/// Which spec decides each decision id, as specs are taken in path order: a second spec with
/// the same id would write the first one's record, each run revising it from the other.
#[derive(Debug, Default)]
pub struct Deciders(HashMap<String, String>);

impl Deciders {
    /// Records that `decision`'s spec decides its id; a `duplicate-decision` diagnostic at the
    /// id if a spec taken before already does.
    pub fn claim(&mut self, decision: DecisionAt) -> Result<(), Failure> {
        if let Some(first) = self.0.get(&decision.id) {
            return Err(decision.duplicate_of(first));
        }
        self.0.insert(decision.id, decision.display);
        Ok(())
    }
}

impl DecisionAt {
    /// The diagnostic for this spec when the spec `first` (as shown to users) already decides
    /// the same decision id.
    fn duplicate_of(&self, first: &str) -> Failure {
        let problem = Problem::new(
            Code::DuplicateDecision,
            self.span,
            format!("decision `{}` is also decided by {first}", self.id),
            "this decision id",
        )
        .with_help(
            "a decision has one spec and one record: give this spec its own `decision` id, or remove one of the two specs",
        );
        Failure::Spec(SpecError::new(&self.display, self.source.clone(), vec![problem]))
    }
}

/// At most this many distinct catalog files per spec: includes are a handful of project files.
pub const MAX_INCLUDES: usize = 64;
/// At most this many bytes of catalog files per spec, all includes together.
pub const MAX_INCLUDE_BYTES: usize = 16 * 1024 * 1024;

/// The catalog files the spec includes, in the order written, each once (a file included twice,
/// however spelled, is read and merged once). A path that is not allowed, a file that cannot be
/// read, or includes past [`MAX_INCLUDES`] files or [`MAX_INCLUDE_BYTES`] bytes are a diagnostic
/// on the include itself.
fn includes(sources: &dyn Sources, path: &Path, name: &str, ast: &SpecFile) -> Result<Vec<Source>, Failure> {
    let mut found: Vec<Source> = Vec::new();
    let mut written_before = std::collections::HashSet::new();
    let mut total = 0usize;
    for include in ast.catalog_includes() {
        if !written_before.insert(include.value.clone()) {
            continue;
        }
        let message = if found.len() >= MAX_INCLUDES {
            format!("a spec includes at most {MAX_INCLUDES} catalog files; merge some of them")
        } else {
            match sources.include(path, &include.value) {
                Ok(source) if found.iter().any(|f| f.name == source.name) => continue,
                Ok(source) if total + source.text.len() > MAX_INCLUDE_BYTES => format!(
                    "the catalog files this spec includes exceed {} MiB together; include fewer or smaller files",
                    MAX_INCLUDE_BYTES / 1024 / 1024
                ),
                Ok(source) => {
                    total += source.text.len();
                    found.push(source);
                    continue;
                }
                Err(IncludeError::Unreadable(failure)) if failure.is_internal() => return Err(failure),
                Err(IncludeError::Unreadable(failure)) => failure.to_string(),
                Err(IncludeError::Refused(message)) => message,
            }
        };
        let problem = Problem::new(Code::BadInclude, include.span, message, "this catalog file");
        return Err(SpecError::new(name, ast.source.clone(), vec![problem]).into());
    }
    Ok(found)
}
