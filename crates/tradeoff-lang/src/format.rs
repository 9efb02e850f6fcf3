//! The canonical layout of a spec: one setting per line, two-space indentation, blocks
//! expanded, comments and single blank lines kept where they were.
//!
//! Formatting prints the syntax tree, not the source, so the result is the same however the
//! input was laid out, and formatting formatted text changes nothing.

use crate::ast::{Block, Comment, Item, Span, SpecFile, Statement, Value, ValueKind};
use crate::diagnostic::SpecError;

const INDENT: &str = "  ";

/// Parses and formats `source`; a spec that does not parse is not formatted.
pub fn format_source(name: &str, source: &str) -> Result<String, SpecError> {
    Ok(format(&crate::parse(name, source)?))
}

/// Prints a parsed spec in canonical layout.
pub fn format(spec: &SpecFile) -> String {
    let mut printer = Printer {
        source: &spec.source,
        comments: &spec.comments,
        next_comment: 0,
        out: String::new(),
        last_end: None,
    };
    let decision = &spec.decision;
    printer.leading_comments(decision.span.start, 0);
    printer.blank_line_if_gap(decision.span.start);
    printer.out.push_str("decision ");
    printer.out.push_str(&decision.id.value);
    let mut header_end = decision.id.span.end;
    if let Some(title) = &decision.title {
        printer.out.push(' ');
        printer.out.push_str(&quote(&title.value));
        header_end = title.span.end;
    }
    printer.out.push_str(" {");
    let open = header_end + spec.source[header_end..].find('{').unwrap_or(0) + 1;
    let first = decision
        .items
        .first()
        .map_or(decision.close.start, |item| item.span().start);
    printer.trailing_comment_before(open, first);
    printer.last_end = None;
    for (index, item) in decision.items.iter().enumerate() {
        let next = decision
            .items
            .get(index + 1)
            .map_or(decision.close.start, |n| n.span().start);
        printer.leading_comments(item.span().start, 1);
        printer.blank_line_if_gap(item.span().start);
        match item {
            Item::Statement(statement) => printer.statement(statement, 1, next),
            Item::Block(block) => printer.block(block, 1, next),
        }
    }
    printer.leading_comments(decision.close.start, 1);
    printer.out.push('}');
    printer.trailing_comment(decision.close.end);
    printer.last_end = Some(decision.close.end);
    printer.leading_comments(spec.source.len() + 1, 0);
    printer.out
}

struct Printer<'a> {
    source: &'a str,
    comments: &'a [Comment],
    next_comment: usize,
    out: String,
    /// End of the last thing printed at the current level; `None` at the start of a block,
    /// where a blank line is never kept.
    last_end: Option<usize>,
}

impl Printer<'_> {
    /// Prints every not-yet-printed comment that starts before `before`, one per line.
    fn leading_comments(&mut self, before: usize, depth: usize) {
        while let Some(comment) = self.comments.get(self.next_comment) {
            if comment.span.start >= before {
                break;
            }
            self.blank_line_if_gap(comment.span.start);
            self.indent(depth);
            self.out.push_str(&comment.text);
            self.out.push('\n');
            self.next_comment += 1;
            self.last_end = Some(comment.span.end);
        }
    }

    /// Appends a comment that sits on the same source line after `after`, then ends the line.
    fn trailing_comment(&mut self, after: usize) {
        self.trailing_comment_before(after, usize::MAX);
    }

    /// Like `trailing_comment`, for a line that opens a block: a comment after the next
    /// statement on the same source line belongs to that statement instead.
    fn trailing_comment_before(&mut self, after: usize, limit: usize) {
        if let Some(comment) = self.comments.get(self.next_comment) {
            let gap = self.source.get(after..comment.span.start).unwrap_or("\n");
            if comment.span.start >= after && comment.span.start < limit && line_breaks(gap) == 0 {
                self.out.push(' ');
                self.out.push_str(&comment.text);
                self.next_comment += 1;
            }
        }
        self.out.push('\n');
    }

    fn blank_line_if_gap(&mut self, start: usize) {
        if let Some(end) = self.last_end {
            let gap = self.source.get(end..start).unwrap_or("");
            if line_breaks(gap) >= 2 {
                self.out.push('\n');
            }
        }
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    fn block(&mut self, block: &Block, depth: usize, next: usize) {
        self.indent(depth);
        self.out.push_str(&block.key.value);
        let close = Span::new(block.span.end.saturating_sub(1), block.span.end);
        let has_inner_comment = self
            .comments
            .get(self.next_comment)
            .is_some_and(|c| c.span.start < close.start);
        if block.statements.is_empty() && !has_inner_comment {
            self.out.push_str(" {}");
            self.trailing_comment_before(block.span.end, next);
            self.last_end = Some(block.span.end);
            return;
        }
        self.out.push_str(" {");
        let open = block.key.span.end + self.source[block.key.span.end..].find('{').unwrap_or(0) + 1;
        let first = block.statements.first().map_or(close.start, |s| s.span.start);
        self.trailing_comment_before(open, first);
        self.last_end = None;
        for (index, statement) in block.statements.iter().enumerate() {
            let following = block.statements.get(index + 1).map_or(close.start, |n| n.span.start);
            self.leading_comments(statement.span.start, depth + 1);
            self.blank_line_if_gap(statement.span.start);
            self.statement(statement, depth + 1, following);
        }
        self.leading_comments(close.start, depth + 1);
        self.indent(depth);
        self.out.push('}');
        self.trailing_comment_before(block.span.end, next);
        self.last_end = Some(block.span.end);
    }

    fn statement(&mut self, statement: &Statement, depth: usize, next: usize) {
        self.indent(depth);
        self.out.push_str(&statement.key.value);
        for (index, group) in statement.groups.iter().enumerate() {
            if index > 0 {
                self.out.push(',');
            }
            for value in group {
                self.out.push(' ');
                self.value(value, depth);
            }
        }
        self.trailing_comment_before(statement.span.end, next);
        self.last_end = Some(statement.span.end);
    }

    fn value(&mut self, value: &Value, depth: usize) {
        match &value.kind {
            ValueKind::Word(text) | ValueKind::Number(text) | ValueKind::Date(text) => self.out.push_str(text),
            ValueKind::Fraction(a, b) => {
                self.out.push_str(a);
                self.out.push('/');
                self.out.push_str(b);
            }
            ValueKind::Str(text) => self.out.push_str(&quote(text)),
            ValueKind::Text(text) if text.is_empty() => self.out.push_str("\"\""),
            ValueKind::Text(text) => {
                self.out.push_str("\"\"\"\n");
                for line in text.lines() {
                    if !line.is_empty() {
                        self.indent(depth + 1);
                        self.out.push_str(line);
                    }
                    self.out.push('\n');
                }
                self.indent(depth);
                self.out.push_str("\"\"\"");
            }
            ValueKind::List(items) => {
                self.out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.out.push_str(", ");
                    }
                    self.value(item, depth);
                }
                self.out.push(']');
            }
        }
    }
}

/// Line breaks as the grammar counts them: `\n`, `\r\n` and a lone `\r` (found by fuzzing).
fn line_breaks(text: &str) -> usize {
    text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count()
}

/// A one-line string literal with the escapes the grammar understands.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSY: &str = "# leading\ndecision  demo \"A \\\"quoted\\\" title\"{ # after brace\nstatus proposed   date 2026-01-02\n\n\n  app { kind api load 5_000 rps peak,200 connections # trailing\n # inside\n}\n  context \"\"\"\n      first\n        indented\n\n      last\n  \"\"\"\nweigh{performance high security 2.5}\n  compare {}\n}\n# end\n";

    const CANONICAL: &str = "# leading\ndecision demo \"A \\\"quoted\\\" title\" { # after brace\n  status proposed\n  date 2026-01-02\n\n  app {\n    kind api\n    load 5_000 rps peak, 200 connections # trailing\n    # inside\n  }\n  context \"\"\"\n    first\n      indented\n\n    last\n  \"\"\"\n  weigh {\n    performance high\n    security 2.5\n  }\n  compare {}\n}\n# end\n";

    #[test]
    fn formats_to_the_canonical_layout() {
        assert_eq!(format_source("t", MESSY).unwrap(), CANONICAL);
    }

    #[test]
    fn formatting_is_idempotent() {
        let once = format_source("t", MESSY).unwrap();
        assert_eq!(format_source("t", &once).unwrap(), once);
    }

    #[test]
    fn keeps_every_comment() {
        let formatted = format_source("t", MESSY).unwrap();
        for comment in ["# leading", "# after brace", "# trailing", "# inside", "# end"] {
            assert!(formatted.contains(comment), "lost {comment}");
        }
    }
}
