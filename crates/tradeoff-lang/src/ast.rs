//! The syntax tree of a spec: one decision made of statements and blocks of statements.
//!
//! The tree is generic on purpose (keys are words, values are typed tokens) so that every
//! key and value can be checked by the compiler with a precise span and a suggestion. Every
//! node carries the byte span it was read from; comments are kept beside the tree so the
//! formatter can put them back.

use std::sync::Arc;

/// A byte range into the spec source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Bytes covered; a reversed span (never built by the parser) covers none.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.start.into(), span.len())
    }
}

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// One parsed spec file.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// The file name used in diagnostics.
    pub name: String,
    pub source: Arc<str>,
    pub decision: Decision,
    /// Every `#` comment, in source order.
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// The comment text including the leading `#`, without the line break.
    pub text: String,
    pub span: Span,
}

/// `decision <id> "<title>" { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: Spanned<String>,
    pub title: Option<Spanned<String>>,
    pub items: Vec<Item>,
    /// The whole decision, keyword to closing brace.
    pub span: Span,
    /// Where the closing brace is, for "missing ..." diagnostics.
    pub close: Span,
}

/// A top-level entry of a decision.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Statement(Statement),
    Block(Block),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Statement(s) => s.span,
            Item::Block(b) => b.span,
        }
    }

    pub fn key(&self) -> &Spanned<Name> {
        match self {
            Item::Statement(s) => &s.key,
            Item::Block(b) => &b.key,
        }
    }
}

/// `<key> { <statement>* }`
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub key: Spanned<Name>,
    pub statements: Vec<Statement>,
    pub span: Span,
}

/// `<key> <value>* (, <value>*)*`: a key and its comma-separated groups of values.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub key: Spanned<Name>,
    /// Values split at commas; `knows python expert, go beginner` has two groups.
    /// A statement with no values has no groups.
    pub groups: Vec<Vec<Value>>,
    pub span: Span,
}

impl Statement {
    /// All values, ignoring grouping.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.groups.iter().flatten()
    }
}

/// A name or other short token as written. Most are shorter than 24 bytes and are stored
/// inline, which saves an allocation per token: specs can list thousands of names.
pub type Name = compact_str::CompactString;

#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// A bare name: `api`, `python`, `high`, `because`.
    Word(Name),
    /// A decimal number as written (`50_000`, `2.5`); the compiler converts it.
    Number(Name),
    /// `1/3`: numerator and denominator as written.
    Fraction(Name, Name),
    /// `2026-11-24`, not yet checked to be a real calendar date.
    Date(Name),
    /// A one-line string with escapes resolved.
    Str(String),
    /// A `"""` block with its common indentation and framing blank lines removed.
    Text(String),
    /// `[a, b, c]`: lists do not nest.
    List(Vec<Value>),
}

impl ValueKind {
    /// How the value is described in "expected X, found Y" messages.
    pub fn describe(&self) -> String {
        match self {
            ValueKind::Word(w) => format!("`{w}`"),
            ValueKind::Number(n) => format!("the number `{n}`"),
            ValueKind::Fraction(a, b) => format!("the fraction `{a}/{b}`"),
            ValueKind::Date(d) => format!("the date `{d}`"),
            ValueKind::Str(_) => "a string".to_string(),
            ValueKind::Text(_) => "a text block".to_string(),
            ValueKind::List(_) => "a list".to_string(),
        }
    }
}

impl SpecFile {
    /// The catalog files the spec asks to load (`catalog "in-house.toml"`), as written, with
    /// their spans; needed before compilation because framework names resolve against them.
    pub fn catalog_includes(&self) -> Vec<Spanned<String>> {
        self.decision
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Statement(s) if s.key.value == "catalog" => Some(s),
                _ => None,
            })
            .flat_map(|s| s.values())
            .filter_map(|v| match &v.kind {
                ValueKind::Str(path) => Some(Spanned {
                    value: path.clone(),
                    span: v.span,
                }),
                _ => None,
            })
            .collect()
    }
}
