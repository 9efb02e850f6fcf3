//! Text → syntax tree: runs the pest parser and converts its pairs into [`crate::ast`] nodes.
//!
//! Syntax errors from pest are turned into [`Problem`]s with readable token names here, so no
//! pest type escapes this module.

use std::sync::Arc;

use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;
use pest::Parser;

use crate::ast::{Block, Comment, Decision, Item, Name, Span, Spanned, SpecFile, Statement, Value, ValueKind};
use crate::diagnostic::{Code, Problem, SpecError};
use crate::grammar::{Rule, SpecParser};

/// Specs larger than this are refused before parsing (a spec is a page of text, not data).
pub const MAX_SPEC_BYTES: usize = 8 * 1024 * 1024;

/// Parses a spec. `name` is how the file is called in diagnostics.
pub fn parse(name: &str, source: &str) -> Result<SpecFile, SpecError> {
    let shared: Arc<str> = Arc::from(source);
    if source.len() > MAX_SPEC_BYTES {
        let problem = Problem::new(
            Code::TooLarge,
            Span::new(0, 0),
            format!(
                "the spec is {:.1} MiB; specs are limited to {} MiB",
                source.len() as f64 / (1024.0 * 1024.0),
                MAX_SPEC_BYTES / (1024 * 1024)
            ),
            "this file",
        )
        .with_help("a spec describes one decision; move long context into a linked document");
        return Err(SpecError::whole_file(name, shared, problem));
    }
    let mut pairs = match SpecParser::parse(Rule::file, source) {
        Ok(pairs) => pairs,
        Err(error) => return Err(SpecError::new(name, shared, vec![syntax_problem(source, &error)])),
    };
    let file = pairs.next().expect("the file rule always yields one pair");
    let mut builder = Builder::default();
    let decision_pair = builder
        .children(file)
        .into_iter()
        .find(|p| p.as_rule() == Rule::decision);
    let decision = builder.decision(decision_pair.expect("a parsed file always holds a decision"));
    if !builder.problems.is_empty() {
        return Err(SpecError::new(name, shared, builder.problems));
    }
    builder.comments.sort_by_key(|c| c.span.start);
    Ok(SpecFile {
        name: name.to_string(),
        source: shared,
        decision,
        comments: builder.comments,
    })
}

#[derive(Default)]
struct Builder {
    comments: Vec<Comment>,
    problems: Vec<Problem>,
}

/// Every key that may start a statement, sorted. A name equal to one of these, after a
/// statement's first value, starts a new statement; so does any name after a complete pairwise
/// judgment (`performance over productivity 5`), whose second name is a criterion, not a key.
pub(crate) const STATEMENT_KEYS: &[&str] = &[
    "app",
    "architecture",
    "candidates",
    "catalog",
    "community",
    "compare",
    "concurrency",
    "consulted",
    "context",
    "convention-fit",
    "date",
    "deciders",
    "exclude",
    "feature",
    "flexibility",
    "hiring",
    "horizon",
    "informed",
    "kind",
    "knows",
    "language",
    "learning-curve",
    "license",
    "load",
    "maturity",
    "method",
    "options",
    "performance",
    "prefer",
    "productivity",
    "realtime",
    "require",
    "scalability",
    "security",
    "size",
    "status",
    "team",
    "team-fit",
    "unknown-features",
    "uses",
    "weigh",
    "workload",
];

/// A statement being collected from a grammar `statement`.
struct StatementSoFar {
    key: Spanned<Name>,
    groups: Vec<Vec<Value>>,
    group: Vec<Value>,
    /// How many values (not commas) it holds.
    values: usize,
    /// Whether it is a judgment: its first value is the word `over`.
    judgment: bool,
    end: usize,
}

impl StatementSoFar {
    fn new(key: &Pair<'_, Rule>) -> Self {
        Self {
            key: Spanned {
                value: Name::from(key.as_str()),
                span: span_of(key),
            },
            groups: Vec::new(),
            group: Vec::new(),
            values: 0,
            judgment: false,
            end: key.as_span().end(),
        }
    }

    /// Whether the name `word`, met as the next value, starts a new statement instead.
    fn ends_before(&mut self, word: &str) -> bool {
        match self.values {
            0 => {
                self.judgment = word == "over";
                false
            }
            1 if self.judgment => false,
            _ if self.judgment => true,
            _ => STATEMENT_KEYS.binary_search(&word).is_ok(),
        }
    }

    fn finish(mut self) -> Statement {
        if !self.group.is_empty() || !self.groups.is_empty() {
            self.groups.push(self.group);
        }
        Statement {
            span: Span::new(self.key.span.start, self.end),
            key: self.key,
            groups: self.groups,
        }
    }
}

fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

impl Builder {
    /// The children of a pair, with comments taken out and remembered.
    fn children<'i>(&mut self, pair: Pair<'i, Rule>) -> Vec<Pair<'i, Rule>> {
        let mut out = Vec::new();
        for child in pair.into_inner() {
            if child.as_rule() == Rule::comment {
                self.comment(&child);
            } else {
                out.push(child);
            }
        }
        out
    }

    fn comment(&mut self, pair: &Pair<'_, Rule>) {
        self.comments.push(Comment {
            text: pair.as_str().trim_end().to_string(),
            span: span_of(pair),
        });
    }

    fn decision(&mut self, pair: Pair<'_, Rule>) -> Decision {
        let span = span_of(&pair);
        let mut id = None;
        let mut title = None;
        let mut items = Vec::new();
        let mut close = Span::new(span.end.saturating_sub(1), span.end);
        for child in self.children(pair) {
            match child.as_rule() {
                Rule::word if id.is_none() => {
                    id = Some(Spanned {
                        value: child.as_str().to_string(),
                        span: span_of(&child),
                    })
                }
                Rule::string => {
                    let span = span_of(&child);
                    title = Some(Spanned {
                        value: self.string_value(child),
                        span,
                    });
                }
                Rule::block => items.push(Item::Block(self.block(child))),
                Rule::statement => {
                    let mut statements = Vec::new();
                    self.statements(child, &mut statements);
                    items.extend(statements.into_iter().map(Item::Statement));
                }
                Rule::close => close = span_of(&child),
                _ => {}
            }
        }
        Decision {
            id: id.expect("grammar requires a decision id"),
            title,
            items,
            span,
            close,
        }
    }

    fn block(&mut self, pair: Pair<'_, Rule>) -> Block {
        let span = span_of(&pair);
        let mut key = None;
        let mut statements = Vec::new();
        // Iterated directly, not through `children`: a block may hold thousands of statements.
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::word => {
                    key = Some(Spanned {
                        value: Name::from(child.as_str()),
                        span: span_of(&child),
                    })
                }
                Rule::statement => self.statements(child, &mut statements),
                Rule::comment => self.comment(&child),
                _ => {}
            }
        }
        Block {
            key: key.expect("grammar requires a block key"),
            statements,
            span,
        }
    }

    /// A statement starting at `key_pair`. `kind: api`, as in YAML, is reported once, here, and
    /// the key is read without the colon, so that nothing else is reported for the same slip
    /// and the formatter never writes a key with a colon.
    fn start_statement(&mut self, key_pair: &Pair<'_, Rule>, value: Option<Pair<'_, Rule>>) -> StatementSoFar {
        let mut current = StatementSoFar::new(key_pair);
        if let Some(bare) = current.key.value.strip_suffix(':').filter(|k| !k.is_empty()) {
            let colon = current.key.span.end - 1;
            let bare = Name::from(bare);
            let mut problem = Problem::new(
                Code::Syntax,
                Span::new(colon, colon + 1),
                format!("a colon after `{bare}`"),
                "no colon here",
            )
            .with_help(match value.filter(|v| v.as_rule() != Rule::comma) {
                Some(value) => format!(
                    "write `{bare} {}`: a key and its value are separated by a space",
                    value.as_str()
                ),
                None => format!("write `{bare}` and its value separated by a space"),
            });
            problem.replacement = Some(String::new());
            self.problems.push(problem);
            current.key.value = bare;
        }
        current
    }

    /// The statements on one grammar `statement` (a line, or several joined by commas): a
    /// known key after the first value starts the next statement, as in `kind api  load 5 rps`.
    fn statements(&mut self, pair: Pair<'_, Rule>, out: &mut Vec<Statement>) {
        let mut children = pair.into_inner();
        let key_pair = children.next().expect("grammar requires a statement key");
        let mut current = self.start_statement(&key_pair, children.clone().next());
        for child in children {
            match child.as_rule() {
                Rule::comma => {
                    if current.values == 0 {
                        // Only reachable after a key found mid-line: `load 5 rps uses, x`. The
                        // grammar rejects a comma straight after a key at the start of a line.
                        self.problems.push(Problem::new(
                            Code::Syntax,
                            Span::new(child.as_span().start(), child.as_span().start() + 1),
                            "unexpected `,`",
                            format!("expected a value for `{}`", current.key.value),
                        ));
                    }
                    current.end = child.as_span().end();
                    self.take_comments(child);
                    current.groups.push(std::mem::take(&mut current.group));
                }
                Rule::word if current.ends_before(child.as_str()) => {
                    // The key's value is not known here; the colon help says so without it.
                    let next = self.start_statement(&child, None);
                    out.push(std::mem::replace(&mut current, next).finish());
                }
                _ => {
                    if current.values == 1 && child.as_rule() != Rule::word {
                        // `performance over 5` is not a judgment; the compiler says why.
                        current.judgment = false;
                    }
                    current.end = child.as_span().end();
                    current.values += 1;
                    let value = self.value(child);
                    current.group.push(value);
                }
            }
        }
        out.push(current.finish());
    }

    /// Remembers the comments inside a pair whose other children carry no meaning (a comma).
    fn take_comments(&mut self, pair: Pair<'_, Rule>) {
        for child in pair.into_inner() {
            if child.as_rule() == Rule::comment {
                self.comment(&child);
            }
        }
    }

    fn value(&mut self, pair: Pair<'_, Rule>) -> Value {
        let span = span_of(&pair);
        let kind = match pair.as_rule() {
            Rule::word => ValueKind::Word(Name::from(pair.as_str())),
            Rule::number => ValueKind::Number(Name::from(pair.as_str())),
            Rule::fraction => {
                let (a, b) = pair
                    .as_str()
                    .split_once('/')
                    .expect("grammar puts a slash in a fraction");
                ValueKind::Fraction(Name::from(a), Name::from(b))
            }
            Rule::date => ValueKind::Date(Name::from(pair.as_str())),
            Rule::string => ValueKind::Str(self.string_value(pair)),
            Rule::text_block => {
                let quoted = pair.as_str();
                ValueKind::Text(dedent(&quoted[3..quoted.len() - 3]))
            }
            Rule::list => {
                let children = pair.into_inner();
                let mut items = Vec::with_capacity(children.len());
                for child in children {
                    if child.as_rule() == Rule::comment {
                        self.comment(&child);
                    } else {
                        items.push(self.value(child));
                    }
                }
                ValueKind::List(items)
            }
            other => unreachable!("the grammar yields no value of rule {other:?}"),
        };
        Value { kind, span }
    }

    /// Resolves escapes in a one-line string; unknown escapes are reported.
    fn string_value(&mut self, pair: Pair<'_, Rule>) -> String {
        let quoted = pair.as_str();
        let base = pair.as_span().start() + 1;
        let raw = &quoted[1..quoted.len() - 1];
        if !raw.contains('\\') {
            return raw.to_string();
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices();
        while let Some((_, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((at, other)) => {
                    let span = Span::new(base + at - 1, base + at + other.len_utf8());
                    self.problems.push(
                        Problem::new(
                            Code::BadEscape,
                            span,
                            format!("unknown escape `\\{other}` in a string"),
                            "not an escape",
                        )
                        .with_help("escapes are \\\" \\\\ \\n \\t; for long text use a \"\"\" block"),
                    );
                }
                None => {}
            }
        }
        out
    }
}

/// Removes the common indentation of a `"""` block and the blank lines at its start (the text
/// after the opening quotes) and end (the indentation before the closing quotes).
pub fn dedent(raw: &str) -> String {
    let mut lines: Vec<&str> = raw.lines().map(|l| l.trim_end()).collect();
    if raw.ends_with('\n') {
        lines.push("");
    }
    // Blank lines at either end are framing, not content; keeping some of them would make
    // the formatter's output differ from its input's meaning (found by fuzzing).
    let leading = lines.iter().take_while(|l| l.is_empty()).count();
    lines.drain(..leading);
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let body: Vec<&str> = lines
        .iter()
        .map(|l| if l.len() >= indent { &l[indent..] } else { "" })
        .collect();
    body.join("\n")
}

/// The readable name of a grammar rule in "expected ..." messages.
fn rule_name(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "end of file",
        Rule::decision | Rule::kw_decision => "`decision`",
        Rule::word => "a name",
        Rule::string => "a string",
        Rule::text_block => "a \"\"\" text block",
        Rule::number => "a number",
        Rule::fraction => "a fraction like 1/3",
        Rule::date => "a date",
        Rule::list => "a list",
        Rule::comma => "`,`",
        Rule::open => "`{`",
        Rule::close => "`}`",
        Rule::block | Rule::statement => "a setting",
        _ => return None,
    })
}

fn syntax_problem(source: &str, error: &pest::error::Error<Rule>) -> Problem {
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = describe_at(source, at);
    let span = found.1;
    let mut expected: Vec<&str> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.iter().filter_map(|r| rule_name(*r)).collect(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    expected.sort_unstable();
    expected.dedup();
    const VALUE_KINDS: &[&str] = &[
        "a \"\"\" text block",
        "a date",
        "a fraction like 1/3",
        "a list",
        "a name",
        "a number",
        "a string",
    ];
    if expected.iter().filter(|e| VALUE_KINDS.contains(e)).count() >= 4 {
        expected.retain(|e| !VALUE_KINDS.contains(e));
        expected.push("a value");
    }
    // Any name could open a block, so `{` is "expected" after every key; it is worth saying
    // only where nothing else fits (after `decision id "title"`), not beside a value or `}`.
    if expected.len() > 1 && expected.iter().any(|e| *e == "a value" || *e == "`}`") {
        expected.retain(|e| *e != "`{`");
    }
    let expected_text = match expected.as_slice() {
        [] => "something else".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    let mut problem = Problem::new(
        Code::Syntax,
        span,
        format!("unexpected {}", found.0),
        format!("expected {expected_text}"),
    );
    if let Some(specific) = common_slip(source, at, span) {
        return specific;
    }
    if found.0 == "end of file" {
        problem = problem.with_help("a `{` is not closed, or a string is not terminated");
    } else if expected == ["end of file"] {
        // The decision closed before this: usually a block whose `{` is missing, so its `}`
        // closed the decision instead.
        problem = problem.with_help(
            "the decision's `}` came before this: check that each block above (`app`, `team`, `require`, `weigh`, `compare`) opens with `{` after its name",
        );
    } else if source[at..].starts_with('{') {
        problem =
            problem.with_help("blocks do not nest: `app`, `team`, `require`, `weigh` and `compare` hold settings only; if the block above is not closed, add its `}`");
    } else if source[at..].starts_with('"') && !source[at..].starts_with("\"\"\"") {
        let line_end = source[at..].find('\n').map_or(source.len(), |i| at + i);
        if !source[at + 1..line_end].contains('"') {
            problem =
                problem.with_help("this string is not closed on its line; use \"\"\" for text over several lines");
        }
    }
    problem
}

/// Mistakes people make when they write a spec from habit (YAML, spreadsheets, other date
/// formats), each with the exact text to write instead.
fn common_slip(source: &str, at: usize, span: Span) -> Option<Problem> {
    if source
        .lines()
        .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'))
    {
        return Some(
            Problem::new(Code::Syntax, Span::new(0, 0), "the spec is empty", "nothing here")
                .with_help("a spec is one decision: `decision <id> \"<title>\" { app { kind api } weigh { performance high } }`; `tradeoff init` writes a starter spec"),
        );
    }
    let token_start = source[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '/' | '-')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token_end = source[at..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '/' | '-' | '%')))
        .map_or(source.len(), |i| at + i);
    let token = &source[token_start..token_end];
    let whole = Span::new(token_start, token_end);
    if let Some(written) = number_with_suffix(token) {
        return Some(
            Problem::new(
                Code::Syntax,
                whole,
                format!("`{token}` is not a number the spec reads"),
                "a number with a unit suffix",
            )
            .with_help(format!(
                "write the number in full: `{written}` (`_` separates thousands)"
            )),
        );
    }
    if let Some(number) = token.strip_suffix('%').filter(|n| n.parse::<f64>().is_ok()) {
        return Some(
            Problem::new(Code::Syntax, whole, format!("`{token}`: percent signs are not part of the language"), "a percentage")
                .with_help(format!("write `{number}`: weights are relative, so `performance 50` and `security 25` weigh 2:1; or use a level such as `high`")),
        );
    }
    if let Some(iso) = other_date_format(token) {
        return Some(
            Problem::new(
                Code::Syntax,
                whole,
                format!("`{token}` is not a date the spec reads"),
                "a date in another format",
            )
            .with_help(format!("write dates as YYYY-MM-DD{iso}")),
        );
    }
    if source[at..].starts_with('[') {
        let rest = &source[at..];
        let closed = rest.find(']');
        let ends = rest.find(['}', '{']).unwrap_or(rest.len());
        if closed.is_none_or(|c| c > ends) {
            return Some(
                Problem::new(
                    Code::Syntax,
                    Span::new(at, at + 1),
                    "this `[` is not closed",
                    "the list opens here",
                )
                .with_help("close the list with `]` after its last item: `[go, rust]`"),
            );
        }
    }
    let _ = span;
    None
}

/// `50k` → `50_000`, `1.5M` → `1_500_000`: a number written with a thousands suffix.
fn number_with_suffix(token: &str) -> Option<String> {
    let (digits, factor) = match token.char_indices().last()? {
        (i, 'k' | 'K') => (&token[..i], 1_000.0),
        (i, 'm' | 'M') => (&token[..i], 1_000_000.0),
        _ => return None,
    };
    let value: f64 = digits.replace('_', "").parse().ok()?;
    let whole = value * factor;
    if !(whole.is_finite() && whole.fract() == 0.0 && whole < 1e15) {
        return None;
    }
    let plain = format!("{whole:.0}");
    let mut grouped = String::new();
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (plain.len() - i) % 3 == 0 {
            grouped.push('_');
        }
        grouped.push(c);
    }
    Some(grouped)
}

/// For `30/11/2026`, `2026/11/30` or `30.11.2026`: the same day as YYYY-MM-DD when it is clear
/// which part is the day (", e.g. `2026-11-30`"), else nothing to add.
fn other_date_format(token: &str) -> Option<String> {
    let parts: Vec<&str> = token.split(['/', '.', '-']).collect();
    let numbers: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    if parts.len() != 3 || token.contains('-') && parts[0].len() == 4 {
        return None;
    }
    let (year, a, b) = match (parts[0].len(), parts[2].len()) {
        (4, 1..=2) => (numbers[0], numbers[1], numbers[2]),
        (1..=2, 4) => (numbers[2], numbers[0], numbers[1]),
        _ => return None,
    };
    let iso = |month: u32, day: u32| format!(", e.g. `{year:04}-{month:02}-{day:02}`");
    Some(match (parts[0].len() == 4, a, b) {
        // year first: year/month/day
        (true, month, day) if month <= 12 && day <= 31 => iso(month, day),
        // day first when the first part cannot be a month, month first when the second cannot
        (false, day, month) if day > 12 && month <= 12 => iso(month, day),
        (false, month, day) if day > 12 && month <= 12 => iso(month, day),
        _ => String::new(),
    })
}

/// Describes the token at a byte offset, with a span covering it.
fn describe_at(source: &str, at: usize) -> (String, Span) {
    let rest = &source[at..];
    match rest.chars().next() {
        None => ("end of file".to_string(), Span::new(at, at)),
        Some('\n') | Some('\r') => ("end of line".to_string(), Span::new(at, at + 1)),
        Some(c) if c.is_alphanumeric() || c == '_' => {
            let len = rest
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '-' || ch == '_'))
                .unwrap_or(rest.len());
            (format!("`{}`", &rest[..len]), Span::new(at, at + len))
        }
        Some(c) => (format!("`{c}`"), Span::new(at, at + c.len_utf8())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_suffixes_are_written_in_full() {
        assert_eq!(number_with_suffix("50k").as_deref(), Some("50_000"));
        assert_eq!(number_with_suffix("1.5M").as_deref(), Some("1_500_000"));
        assert_eq!(number_with_suffix("10K").as_deref(), Some("10_000"));
        assert_eq!(number_with_suffix("0.0001k"), None);
        assert_eq!(number_with_suffix("k"), None);
        assert_eq!(number_with_suffix("50"), None);
    }

    #[test]
    fn dates_in_other_formats_are_rewritten_when_unambiguous() {
        assert_eq!(other_date_format("30/11/2026").as_deref(), Some(", e.g. `2026-11-30`"));
        assert_eq!(other_date_format("11/30/2026").as_deref(), Some(", e.g. `2026-11-30`"));
        assert_eq!(other_date_format("2026/11/30").as_deref(), Some(", e.g. `2026-11-30`"));
        assert_eq!(other_date_format("30.11.2026").as_deref(), Some(", e.g. `2026-11-30`"));
        assert_eq!(other_date_format("05/06/2026").as_deref(), Some(""));
        assert_eq!(other_date_format("1/3"), None);
    }

    #[test]
    fn slips_next_to_any_text_are_safe() {
        for text in ["é50k", "décision 30/11/2026", "ü[", "%", "50k", "x: ü"] {
            let _ = parse("s", text);
            let _ = parse("s", &format!("decision x \"t\" {{\n  {text}\n}}\n"));
        }
    }

    #[test]
    fn dedent_removes_common_indentation_and_framing_lines() {
        assert_eq!(dedent("\n    a\n      b\n\n    c\n  "), "a\n  b\n\nc");
        assert_eq!(dedent("one line"), "one line");
        // Regression (fuzz crash-3a58af71): trailing whitespace-only lines are all framing.
        assert_eq!(dedent("\n    text\n  \n\n "), "text");
    }

    #[test]
    fn statements_split_at_known_keys_and_commas() {
        let spec = parse(
            "t",
            "decision d \"T\" {\n  app { kind api  load 5 rps peak, 10 connections }\n}\n",
        )
        .unwrap();
        let Item::Block(app) = &spec.decision.items[0] else {
            panic!("expected a block")
        };
        assert_eq!(app.statements.len(), 2);
        assert_eq!(app.statements[1].groups.len(), 2);
    }

    #[test]
    fn comments_are_kept_in_order() {
        let spec = parse("t", "# a\ndecision d \"T\" { # b\n  status proposed # c\n}\n# d\n").unwrap();
        let texts: Vec<&str> = spec.comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["# a", "# b", "# c", "# d"]);
    }

    #[test]
    fn comments_after_a_continuing_comma_are_kept() {
        // Regression: a comment inside a comma continuation used to be dropped, and `fmt` lost it.
        let spec = parse(
            "t",
            "decision d \"T\" {\n  team { knows python expert, # core\n    go beginner }\n  require { language in [go, # why\n rust] }\n}\n",
        )
        .unwrap();
        let texts: Vec<&str> = spec.comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["# core", "# why"]);
    }

    #[test]
    fn deep_nesting_is_a_diagnostic_not_a_crash() {
        let source = format!("decision d \"T\" {{ app {}", "{".repeat(100_000));
        let error = parse("t", &source).unwrap_err();
        assert_eq!(error.count(), 1);
    }
}

#[cfg(test)]
mod key_boundaries {
    use super::*;

    #[test]
    fn a_comma_straight_after_a_key_found_mid_line_is_an_error() {
        // Regression (fuzz crash-cc9e1936): `fmt` turned this into `uses, 200` on its own line,
        // which the grammar rejects.
        let error = parse(
            "t",
            "decision d \"T\" {\n  app { load 5 rps uses, 200 connections }\n}\n",
        )
        .unwrap_err();
        assert_eq!(error.count(), 1);
    }

    #[test]
    fn statement_keys_are_sorted_for_binary_search() {
        assert!(STATEMENT_KEYS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    /// The first block of a decision whose body is `body`.
    fn first_block(body: &str) -> Block {
        let spec = parse("t", &format!("decision d \"T\" {{\n  {body}\n}}\n")).unwrap();
        match spec.decision.items.into_iter().next() {
            Some(Item::Block(block)) => block,
            other => panic!("expected a block, got {other:?}"),
        }
    }

    fn keys(block: &Block) -> Vec<&str> {
        block.statements.iter().map(|s| s.key.value.as_str()).collect()
    }

    #[test]
    fn a_judgment_names_a_criterion_then_ends() {
        let compare = first_block("compare { performance over productivity 5 security over hiring 1/3 }");
        assert_eq!(keys(&compare), ["performance", "security"]);
        assert_eq!(compare.statements[0].values().count(), 3);
    }

    #[test]
    fn a_key_that_extends_another_key_still_ends_a_statement() {
        let weigh = first_block("weigh { security high  team-fit high  learning-curve low }");
        assert_eq!(keys(&weigh), ["security", "team-fit", "learning-curve"]);
    }
}
