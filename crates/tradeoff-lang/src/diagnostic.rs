//! Diagnostics as values: every problem found in a spec, with its span, label and suggestion.
//!
//! A [`SpecError`] carries all problems of one file (capped, so a garbage file cannot produce
//! megabytes of output) and renders through miette, which prints file, line, column, the
//! source line and the label. Rendering to text happens in [`render`], the one place that
//! turns diagnostics into terminal output.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use crate::ast::Span;
pub use crate::code::Code;

/// At most this many problems are reported per file; the rest are counted.
pub const MAX_REPORTED: usize = 50;

/// One mistake in a spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// What kind of mistake it is; its name is stable, e.g. `unknown-criterion`.
    pub code: Code,
    pub message: String,
    pub span: Span,
    pub label: String,
    pub help: Option<String>,
    /// Text that would fix the problem if it replaced the span (the "did you mean" name), for
    /// editors' quick fixes and machine-readable output.
    pub replacement: Option<String>,
    /// Other places that explain the problem ("first given here").
    pub notes: Vec<(Span, String)>,
}

impl Problem {
    pub fn new(code: Code, span: Span, message: impl Into<String>, label: impl Into<String>) -> Self {
        Problem {
            code,
            message: message.into(),
            span,
            label: label.into(),
            help: None,
            replacement: None,
            notes: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_optional_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Help for a misspelled name: "did you mean" with the fix when a candidate is close, else
    /// the list of candidates when it is short.
    pub fn with_name_help(mut self, written: &str, candidates: &[&str]) -> Self {
        match crate::suggest::closest(written, candidates.iter().copied()) {
            Some(best) => {
                self.help = Some(format!("did you mean `{best}`?"));
                self.replacement = Some(best.to_owned());
            }
            None => self.help = crate::suggest::help_for(written, candidates),
        }
        self
    }

    pub fn with_note(mut self, span: Span, note: impl Into<String>) -> Self {
        self.notes.push((span, note.into()));
        self
    }
}

/// All problems found in one spec file.
#[derive(Debug, Clone)]
pub struct SpecError {
    source: Arc<NamedSource<Arc<str>>>,
    problems: Vec<ProblemReport>,
    omitted: usize,
}

impl SpecError {
    /// Builds the error; problems are sorted by position so output follows the file.
    pub fn new(name: &str, source: Arc<str>, mut problems: Vec<Problem>) -> Self {
        problems.sort_by_key(|p| (p.span.start, p.span.end));
        for problem in &mut problems {
            problem.message = shortened(&problem.message);
            problem.label = shortened(&problem.label);
        }
        problems.dedup();
        let omitted = problems.len().saturating_sub(MAX_REPORTED);
        problems.truncate(MAX_REPORTED);
        let source = Arc::new(NamedSource::new(name, source));
        let problems = problems
            .into_iter()
            .map(|problem| ProblemReport {
                problem,
                source: source.clone(),
            })
            .collect();
        SpecError {
            source,
            problems,
            omitted,
        }
    }

    /// A problem that is about the whole file (too large, not a spec at all).
    pub fn whole_file(name: &str, source: Arc<str>, problem: Problem) -> Self {
        Self::new(name, source, vec![problem])
    }

    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().map(|p| &p.problem)
    }

    /// Number of problems found, including those not reported individually.
    pub fn count(&self) -> usize {
        self.problems.len() + self.omitted
    }

    pub fn file_name(&self) -> &str {
        self.source.name()
    }

    /// The text the problems' spans point into.
    pub fn source_text(&self) -> &str {
        self.source.inner()
    }
}

/// A place in a text as people count it: 1-based line and column, the column in Unicode scalar
/// values (what SARIF calls `unicodeCodePoints`, and what editors and GitHub show).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`; an offset past the end, or inside a character,
    /// counts as the end of that text or the start of that character.
    pub fn of(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.count();
        let noun = if count == 1 { "error" } else { "errors" };
        write!(f, "{} has {count} {noun}", self.source.name())?;
        if self.omitted > 0 {
            write!(
                f,
                " (the first {} are shown; {} more not shown)",
                self.problems.len(),
                self.omitted
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for SpecError {}

impl Diagnostic for SpecError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("tradeoff::spec"))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.problems.iter().map(|p| p as &dyn Diagnostic)))
    }
}

/// One problem bound to its source, so miette can show the line it is on.
#[derive(Debug, Clone)]
struct ProblemReport {
    problem: Problem,
    source: Arc<NamedSource<Arc<str>>>,
}

impl fmt::Display for ProblemReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problem.message)
    }
}

impl std::error::Error for ProblemReport {}

impl Diagnostic for ProblemReport {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("tradeoff::{}", self.problem.code)))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.problem.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(Some(self.problem.label.clone()), self.problem.span);
        let notes = self
            .problem
            .notes
            .iter()
            .map(|(span, text)| LabeledSpan::new_with_span(Some(text.clone()), *span));
        Some(Box::new(std::iter::once(primary).chain(notes)))
    }
}

/// Messages quote the user's names; a 100,000-character name must not become a 100 KB message.
const MAX_MESSAGE_CHARS: usize = 160;

fn shortened(text: &str) -> String {
    if text.chars().count() <= MAX_MESSAGE_CHARS {
        return text.to_string();
    }
    let mut out: String = text.chars().take(MAX_MESSAGE_CHARS).collect();
    out.push('…');
    out
}

/// Renders any diagnostic as text: the single rendering path for the CLI and snapshot tests.
/// The output is bounded whatever the input: see [`crate::bounded`].
pub fn render(diagnostic: &dyn Diagnostic, color: bool, width: usize) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(width);
    let bounded = crate::bounded::Bounded::new(diagnostic);
    let mut out = String::new();
    if handler.render_report(&mut out, &bounded).is_err() {
        out = format!("{bounded}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "ab\nçd\n";
        assert_eq!(Position::of(text, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of(text, 3), Position { line: 2, column: 1 });
        // `d` is the fifth byte of line 2's text but its second character.
        assert_eq!(Position::of(text, 5), Position { line: 2, column: 2 });
        assert_eq!(Position::of(text, 4), Position { line: 2, column: 1 }, "inside `ç`");
        assert_eq!(Position::of(text, 99), Position { line: 3, column: 1 });
    }
}
