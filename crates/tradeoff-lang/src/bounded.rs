//! Diagnostics cut to size before miette draws them.
//!
//! miette prints every source line a label touches in full and pads with `format!` widths,
//! which panic past 65,535 columns; an 8 MB one-line spec would also be printed once per
//! problem. [`Bounded`] wraps any diagnostic so that miette sees only a small excerpt: the
//! lines around each label, each cut to a window around the label (marked with `…`), with
//! control and hidden characters made visible. Line numbers and columns in the header stay
//! those of the original text (columns in characters, as [`crate::Position`] counts them).

use std::collections::BTreeSet;
use std::fmt;

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, Severity, SourceCode, SourceSpan, SpanContents,
};

use crate::visible::stand_in;

/// Characters of one source line shown at most.
pub const MAX_LINE_CHARS: usize = 120;
/// Characters shown before a label that starts far into a long line.
const CHARS_BEFORE_LABEL: usize = 40;
/// A label spanning more lines than this is shown on its first line only.
const MAX_SPAN_LINES: usize = 12;
/// Related diagnostics shown at most; the rest are counted in the message.
pub const MAX_RELATED: usize = 50;
/// Characters of a message, help or cause shown at most.
const MAX_MESSAGE_CHARS: usize = 2_000;

/// A diagnostic with its text made visible, its causes and related diagnostics capped, and its
/// source replaced by a bounded excerpt.
pub struct Bounded<'a> {
    inner: &'a dyn Diagnostic,
    message: String,
    help: Option<String>,
    excerpt: Option<Excerpt>,
    labels: Vec<LabeledSpan>,
    related: Vec<Bounded<'a>>,
    nested: Option<Box<Bounded<'a>>>,
    cause: Option<Box<Cause>>,
}

impl<'a> Bounded<'a> {
    pub fn new(inner: &'a dyn Diagnostic) -> Self {
        Self::within(inner, None, &mut Vec::new())
    }

    fn within(inner: &'a dyn Diagnostic, parent_source: Option<&'a dyn SourceCode>, read: &mut Vec<Read<'a>>) -> Self {
        let source = inner.source_code().or(parent_source);
        let labels: Vec<LabeledSpan> = inner.labels().map(|l| l.collect()).unwrap_or_default();
        let (excerpt, labels) = match source {
            Some(source) if !labels.is_empty() => match Read::of(source, read).and_then(|r| Excerpt::of(r, &labels)) {
                Some((excerpt, labels)) => (Some(excerpt), labels),
                None => (None, Vec::new()),
            },
            _ => (None, Vec::new()),
        };
        let mut all_related = inner.related().into_iter().flatten();
        let related: Vec<Bounded<'a>> = all_related
            .by_ref()
            .take(MAX_RELATED)
            .map(|r| Bounded::within(r, source, read))
            .collect();
        let omitted = all_related.count();
        let mut message = shown(&inner.to_string());
        if omitted > 0 {
            message.push_str(&format!(
                " (the first {MAX_RELATED} are shown; {omitted} more not shown)"
            ));
        }
        let nested = inner
            .diagnostic_source()
            .map(|d| Box::new(Bounded::within(d, source, read)));
        let cause = match nested {
            Some(_) => None,
            None => inner.source().map(Cause::chain),
        };
        Bounded {
            inner,
            message,
            help: inner.help().map(|h| shown(&h.to_string())),
            excerpt,
            labels,
            related,
            nested,
            cause,
        }
    }
}

impl fmt::Debug for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Bounded<'_> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.as_deref().map(|c| c as &(dyn std::error::Error + 'static))
    }
}

impl Diagnostic for Bounded<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.inner
            .code()
            .map(|c| Box::new(shown(&c.to_string())) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<Severity> {
        self.inner.severity()
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.excerpt.as_ref().map(|e| e as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }

    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {
        self.nested.as_deref().map(|d| d as &dyn Diagnostic)
    }
}

/// One link of an error's cause chain, as visible text (owned, as `Error::source` requires).
#[derive(Debug)]
struct Cause {
    message: String,
    next: Option<Box<Cause>>,
}

impl Cause {
    fn chain(error: &dyn std::error::Error) -> Box<Cause> {
        let mut messages = vec![shown(&error.to_string())];
        let mut next = error.source();
        while let Some(error) = next {
            if messages.len() == 16 {
                break;
            }
            messages.push(shown(&error.to_string()));
            next = error.source();
        }
        let mut chain = None;
        for message in messages.into_iter().rev() {
            chain = Some(Box::new(Cause { message, next: chain }));
        }
        chain.expect("at least one message")
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.next.as_deref().map(|c| c as &(dyn std::error::Error + 'static))
    }
}

/// A message as shown: hidden characters visible, length capped.
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MAX_MESSAGE_CHARS)
        .map(|c| stand_in(c).unwrap_or(c))
        .collect();
    if text.chars().nth(MAX_MESSAGE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// A source read once per rendering, with its line index: the 50 problems of one file share it,
/// so an 8 MB file is scanned once, not once per problem.
struct Read<'a> {
    address: *const (),
    name: Option<String>,
    text: std::borrow::Cow<'a, str>,
    index: LineIndex,
}

impl<'a> Read<'a> {
    /// The read of `source`, from `read` when it was read before; None when it cannot be read.
    fn of<'r>(source: &'a dyn SourceCode, read: &'r mut Vec<Read<'a>>) -> Option<&'r Read<'a>> {
        let address = source as *const dyn SourceCode as *const ();
        if let Some(at) = read.iter().position(|r| r.address == address) {
            return read.get(at);
        }
        let whole = source.read_span(&SourceSpan::from((0, 0)), 0, usize::MAX).ok()?;
        let text = String::from_utf8_lossy(whole.data());
        read.push(Read {
            address,
            name: whole.name().map(shown),
            index: LineIndex::new(&text),
            text,
        });
        read.last()
    }
}

/// The lines around a diagnostic's labels, each cut to a window, with where they came from.
struct Excerpt {
    name: Option<String>,
    text: String,
    lines: Vec<ExcerptLine>,
}

struct ExcerptLine {
    /// Where the line starts in the excerpt's text.
    start: usize,
    /// Its 0-based line number in the original text.
    original: usize,
    /// The original 0-based column (in characters) of its first shown character.
    first_column: usize,
    /// Bytes of the `…` that marks a cut start (0 when the line starts at column 0).
    prefix: usize,
    /// For each shown character, its byte offset after the prefix; one more for the end.
    offsets: Vec<usize>,
}

/// A label's place in the original text: 0-based line and character column of both ends.
#[derive(Clone, Copy)]
struct Place {
    line: usize,
    column: usize,
}

impl Excerpt {
    /// The excerpt for `labels` in `source`, and the labels moved into it; None when the source
    /// cannot be read.
    fn of(read: &Read<'_>, labels: &[LabeledSpan]) -> Option<(Excerpt, Vec<LabeledSpan>)> {
        let (name, text, index) = (read.name.clone(), &read.text, &read.index);

        let spans: Vec<(Place, Place)> = labels
            .iter()
            .map(|label| {
                let start = index.place(text, label.offset());
                let mut end = index.place(text, label.offset().saturating_add(label.len()));
                if end.line > start.line + MAX_SPAN_LINES {
                    end = Place {
                        line: start.line,
                        column: index.line_chars(text, start.line),
                    };
                }
                (start, end)
            })
            .collect();

        let mut wanted = BTreeSet::new();
        for (start, end) in &spans {
            let first = start.line.saturating_sub(1);
            let last = (end.line + 1).min(index.count() - 1);
            wanted.extend(first..=last);
        }

        let mut excerpt = Excerpt {
            name,
            text: String::new(),
            lines: Vec::new(),
        };
        for line in wanted {
            let anchor = labels
                .iter()
                .zip(&spans)
                .filter(|(_, (start, _))| start.line == line)
                .min_by_key(|(label, (start, _))| (!label.primary(), start.column))
                .map(|(_, (start, _))| start.column)
                .or_else(|| {
                    spans
                        .iter()
                        .find(|(_, end)| end.line == line)
                        .map(|(_, end)| end.column)
                })
                .unwrap_or(0);
            excerpt.push_line(index.line_text(text, line), line, anchor);
        }

        let moved = labels
            .iter()
            .zip(&spans)
            .map(|(label, (start, end))| {
                let from = excerpt.offset_of(*start);
                let to = excerpt.offset_of(*end).max(from);
                let span = SourceSpan::from((from, to - from));
                match label.primary() {
                    true => LabeledSpan::new_primary_with_span(label.label().map(shown), span),
                    false => LabeledSpan::new_with_span(label.label().map(shown), span),
                }
            })
            .collect();
        Some((excerpt, moved))
    }

    fn push_line(&mut self, line: &str, original: usize, anchor: usize) {
        if !self.lines.is_empty() {
            self.text.push('\n');
        }
        let total = line.chars().count();
        let (first, last) = if total <= MAX_LINE_CHARS {
            (0, total)
        } else {
            let first = anchor.min(total).saturating_sub(CHARS_BEFORE_LABEL);
            let first = first.min(total - MAX_LINE_CHARS);
            (first, first + MAX_LINE_CHARS)
        };
        let start = self.text.len();
        if first > 0 {
            self.text.push('…');
        }
        let prefix = self.text.len() - start;
        let mut offsets = Vec::with_capacity(last - first + 1);
        for c in line.chars().skip(first).take(last - first) {
            offsets.push(self.text.len() - start - prefix);
            self.text.push(stand_in(c).unwrap_or(c));
        }
        offsets.push(self.text.len() - start - prefix);
        if last < total {
            self.text.push('…');
        }
        self.lines.push(ExcerptLine {
            start,
            original,
            first_column: first,
            prefix,
            offsets,
        });
    }

    /// Where an original place is in the excerpt (clamped into the shown window).
    fn offset_of(&self, place: Place) -> usize {
        let Some(line) = self.lines.iter().find(|l| l.original == place.line) else {
            return self.text.len();
        };
        let shown = place
            .column
            .saturating_sub(line.first_column)
            .min(line.offsets.len() - 1);
        line.start + line.prefix + line.offsets[shown]
    }

    /// The excerpt line holding excerpt offset `offset`.
    fn line_at(&self, offset: usize) -> usize {
        self.lines.partition_point(|l| l.start <= offset).saturating_sub(1)
    }

    /// The original character column of excerpt offset `offset`.
    fn column_at(&self, offset: usize) -> usize {
        let Some(line) = self.lines.get(self.line_at(offset)) else {
            return 0;
        };
        let within = offset.saturating_sub(line.start + line.prefix);
        line.first_column + line.offsets.partition_point(|o| *o < within)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .text
            .as_str()
            .read_span(span, context_lines_before, context_lines_after)?;
        let data: &'a [u8] = contents.data();
        let data_span = *contents.span();
        let first = self.lines.get(self.line_at(data_span.offset()));
        let last = self
            .lines
            .get(self.line_at(data_span.offset() + data_span.len().saturating_sub(1)));
        let (line, line_count) = match (first, last) {
            (Some(first), Some(last)) => (first.original, last.original + 1 - first.original),
            _ => (0, 0),
        };
        // miette reads a label's column from a read without context lines; with context the
        // data starts at a line start, as the `str` source reports it.
        let column = match context_lines_before {
            0 => self.column_at(span.offset()),
            _ => 0,
        };
        Ok(Box::new(match &self.name {
            Some(name) => MietteSpanContents::new_named(name.clone(), data, data_span, line, column, line_count),
            None => MietteSpanContents::new(data, data_span, line, column, line_count),
        }))
    }
}

/// Where each line of a text starts.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        LineIndex { starts }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line and character column of byte `offset` (clamped to the text and moved
    /// back to a character boundary).
    fn place(&self, text: &str, offset: usize) -> Place {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|s| *s <= offset) - 1;
        let line_start = self.starts[line];
        Place {
            line,
            column: chars_in(&text.as_bytes()[line_start..offset]),
        }
    }

    /// Line `line` without its line ending.
    fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.starts[line];
        let end = self.starts.get(line + 1).map_or(text.len(), |next| next - 1);
        let line = &text[start..end];
        line.strip_suffix('\r').unwrap_or(line)
    }

    fn line_chars(&self, text: &str, line: usize) -> usize {
        chars_in(self.line_text(text, line).as_bytes())
    }
}

/// Characters in UTF-8 bytes: every byte that does not continue a character starts one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use crate::ast::Span;
    use crate::diagnostic::{render, Code, Problem, SpecError};
    use std::sync::Arc;

    fn error_at(text: &str, start: usize, end: usize) -> SpecError {
        let problem = Problem::new(Code::UnknownKey, Span { start, end }, "unknown key", "here");
        SpecError::new("long.tradeoff", Arc::from(text), vec![problem])
    }

    #[test]
    fn an_error_far_into_a_long_line_is_cut_around_with_its_true_column() {
        let text = format!("first\n{}bogus tail\nlast\n", "x".repeat(70_000));
        let start = 6 + 70_000;
        let out = render(&error_at(&text, start, start + 5), false, 100);
        assert!(out.contains("[long.tradeoff:2:70001]"), "{out}");
        assert!(out.contains("…xxxx"), "{out}");
        assert!(out.contains("bogus tail"), "{out}");
        assert!(out.len() < 2_000, "{} bytes", out.len());
    }

    #[test]
    fn a_label_spanning_a_huge_line_is_drawn_within_the_window() {
        let text = format!("a {}\n", "y".repeat(8_000_000));
        let out = render(&error_at(&text, 2, text.len() - 1), false, 100);
        assert!(out.contains("[long.tradeoff:1:3]"), "{out}");
        assert!(out.len() < 2_000, "{} bytes", out.len());
    }

    #[test]
    fn columns_count_characters_and_escapes_are_shown_not_sent() {
        let text = "decision \u{1b}[2Jé bogus\n";
        let start = text.find("bogus").unwrap();
        let out = render(&error_at(text, start, start + 5), false, 100);
        assert!(out.contains("[long.tradeoff:1:16]"), "{out}");
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(out.contains("\u{241b}[2J"), "{out}");
    }

    #[test]
    fn a_span_past_the_end_or_inside_a_character_does_not_panic() {
        for (start, end) in [(0, 0), (3, 2), (1, 99), (99, 120), (2, 3)] {
            let out = render(&error_at("é\r\n\u{202e}", start, end), false, 40);
            assert!(out.contains("unknown key"), "{out}");
        }
    }

    #[test]
    fn distant_labels_are_shown_without_the_lines_between() {
        let mut text = "line\n".repeat(5_000);
        text.push_str("bad\n");
        let start = text.find("bad").unwrap();
        let problem = Problem::new(Code::UnknownKey, Span { start, end: start + 3 }, "duplicate", "again")
            .with_note(Span { start: 0, end: 4 }, "first here");
        let error = SpecError::new("far.tradeoff", Arc::from(text.as_str()), vec![problem]);
        let out = render(&error, false, 100);
        assert!(out.lines().count() < 30, "{out}");
        assert!(out.contains("5001 │ bad"), "{out}");
    }
}
