//! Problems found by a check as data, to the end: code, message, region, label and help. Front
//! ends render them (terminal text, JSON, GitHub annotations, SARIF); nothing here formats for
//! one of them.

use serde::Serialize;
use tradeoff_core::catalog::CatalogError;
use tradeoff_lang::{Position, SpecError};
use tradeoff_report::Staleness;

use crate::check::Verdict;
use crate::Failure;

/// What kind of problem a check found: one list for every front end (SARIF rules included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// The committed record is missing or differs from what the spec produces now.
    StaleRecord,
    /// The spec, its catalog files or its record cannot be read, with no place in the spec to
    /// point at.
    SpecError,
    /// A catalog file the spec includes has a problem at a known place in that file.
    CatalogError,
    /// A problem at a known place in the spec.
    Spec(tradeoff_lang::Code),
}

impl Code {
    /// Every code: the check's own first, then every spec problem.
    pub fn all() -> impl Iterator<Item = Code> {
        [Code::StaleRecord, Code::SpecError, Code::CatalogError]
            .into_iter()
            .chain(tradeoff_lang::Code::ALL.iter().copied().map(Code::Spec))
    }

    /// The stable kebab-case name, e.g. `stale-record` or `unknown-criterion`.
    pub fn name(self) -> &'static str {
        match self {
            Code::StaleRecord => "stale-record",
            Code::SpecError => "spec-error",
            Code::CatalogError => "catalog-error",
            Code::Spec(code) => code.name(),
        }
    }

    /// What this kind of problem means, in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            Code::StaleRecord => "The committed decision record is missing or out of date.",
            Code::SpecError => "The spec, its catalog files or its record could not be read.",
            Code::CatalogError => "A catalog file the spec includes has an invalid or unsourced fact.",
            Code::Spec(code) => code.description(),
        }
    }

    /// What to do about this kind of problem.
    pub fn remedy(self) -> &'static str {
        match self {
            Code::StaleRecord => "Run `tradeoff decide` and commit the files it writes in reports/.",
            Code::SpecError => "Run `tradeoff plan SPEC` to see the diagnostic in full.",
            Code::CatalogError => {
                "Fix the catalog file at the marked place; `tradeoff catalog check FILE` shows every problem."
            }
            Code::Spec(_) => "Edit the spec at the marked place; `tradeoff plan SPEC` shows every diagnostic.",
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// Where in the spec a finding is: 1-based lines, columns in Unicode scalar values; the end is
/// exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Region {
    fn of(text: &str, start: usize, end: usize) -> Region {
        let (from, to) = (Position::of(text, start), Position::of(text, end));
        Region {
            start_line: from.line,
            start_column: from.column,
            end_line: to.line,
            end_column: to.column,
        }
    }
}

/// One problem found in a spec or its record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    /// The file the finding is in when it is not the spec: a catalog file the spec includes,
    /// named from the project root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub message: String,
    /// Absent when the problem is about the whole file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// What the region is, in a few words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The text that fixes the problem when it replaces the region (a "did you mean" name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
    /// The region as byte offsets into the spec text, for editors; None when the finding is
    /// about the whole spec or in another file.
    #[serde(skip)]
    pub bytes: Option<std::ops::Range<usize>>,
}

/// The findings behind a verdict: none for a current record.
pub fn findings(verdict: &Verdict) -> Vec<Finding> {
    match verdict {
        Verdict::Current => Vec::new(),
        Verdict::Stale(stale) => stale.iter().map(stale_finding).collect(),
        Verdict::Failed(failure) => failure_findings(failure),
    }
}

fn stale_finding(staleness: &Staleness) -> Finding {
    Finding {
        code: Code::StaleRecord,
        file: None,
        message: staleness.to_string(),
        region: None,
        label: None,
        help: None,
        replacement: None,
        bytes: None,
    }
}

/// A spec's errors and its catalog files' problems, each at its place; any other failure as one
/// finding about the whole spec.
pub fn failure_findings(failure: &Failure) -> Vec<Finding> {
    match failure {
        Failure::Spec(error) => spec_findings(error),
        Failure::BadInput(report) => match report.downcast_ref::<CatalogError>() {
            Some(error) => catalog_findings(error),
            None => vec![about_the_spec(failure)],
        },
        Failure::Internal(_) => vec![about_the_spec(failure)],
    }
}

fn about_the_spec(failure: &Failure) -> Finding {
    let diagnostic = failure.diagnostic();
    Finding {
        code: Code::SpecError,
        file: None,
        message: diagnostic.to_string(),
        region: None,
        label: None,
        help: diagnostic.help().map(|help| help.to_string()),
        replacement: None,
        bytes: None,
    }
}

fn spec_findings(error: &SpecError) -> Vec<Finding> {
    let text = error.source_text();
    error
        .problems()
        .map(|problem| Finding {
            code: Code::Spec(problem.code),
            file: None,
            message: problem.message.clone(),
            region: Some(Region::of(text, problem.span.start, problem.span.end)),
            label: Some(problem.label.clone()),
            help: problem.help.clone(),
            replacement: problem.replacement.clone(),
            bytes: Some(problem.span.start..problem.span.end),
        })
        .collect()
}

fn catalog_findings(error: &CatalogError) -> Vec<Finding> {
    error
        .problems
        .iter()
        .map(|problem| Finding {
            code: Code::CatalogError,
            file: Some(problem.file.name().to_owned()),
            message: problem.message.clone(),
            region: Some(Region::of(problem.file.inner(), problem.span.start, problem.span.end)),
            label: Some(problem.label.clone()),
            help: problem.help.clone(),
            replacement: None,
            bytes: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_unique_name_and_a_description() {
        let mut names: Vec<&str> = Code::all().map(Code::name).collect();
        assert!(Code::all().all(|c| !c.description().is_empty()));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::all().count());
    }

    #[test]
    fn spec_errors_keep_their_place() {
        let text = "decision broken \"x\" {\n  wegh { }\n}\n";
        let error = tradeoff_lang::parse("broken.tradeoff", text)
            .and_then(|ast| tradeoff_lang::compile(&ast, &*crate::catalog::builtin().unwrap()))
            .unwrap_err();
        let found = failure_findings(&Failure::Spec(error));
        let unknown = found.iter().find(|f| f.code.name() == "unknown-key").unwrap();
        assert_eq!(
            unknown.region,
            Some(Region {
                start_line: 2,
                start_column: 3,
                end_line: 2,
                end_column: 7
            })
        );
        assert_eq!(unknown.help.as_deref(), Some("did you mean `weigh`?"));
    }
}
