//! Reading typed values out of statements, reporting every mismatch with its span.

use std::collections::HashMap;

use crate::ast::{Span, Statement, Value, ValueKind};
use crate::diagnostic::{Code, Problem};

/// Collects problems while a spec is compiled; compilation never stops at the first one.
#[derive(Default)]
pub struct Problems {
    pub list: Vec<Problem>,
}

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.list.push(problem);
    }

    /// The one value of a single-valued statement, reporting missing or extra values.
    pub fn single<'s>(&mut self, statement: &'s Statement, expected: &str) -> Option<&'s Value> {
        let mut values = statement.values();
        let Some(first) = values.next() else {
            self.push(Problem::new(
                Code::MissingValue,
                statement.key.span,
                format!("`{}` needs a value", statement.key.value),
                format!("expected {expected} after this"),
            ));
            return None;
        };
        let extra: Vec<&Value> = values.collect();
        if let (Some(a), Some(b)) = (extra.first(), extra.last()) {
            self.push(unexpected_values(statement, a.span.to(b.span)));
        }
        if statement.groups.len() > 1 {
            self.push(unexpected_values(statement, statement.span));
            return None;
        }
        Some(first)
    }

    /// A name from a closed vocabulary, with a suggestion when it is misspelled.
    pub fn vocab<T>(&mut self, value: &Value, what: &str, parse: fn(&str) -> Option<T>, names: &[&str]) -> Option<T> {
        match &value.kind {
            ValueKind::Word(word) => match parse(word) {
                Some(parsed) => Some(parsed),
                None => {
                    self.push(
                        Problem::new(
                            unknown_code(what),
                            value.span,
                            format!("unknown {what} `{word}`"),
                            format!("not {}", super::with_article(what)),
                        )
                        .with_name_help(word, names),
                    );
                    None
                }
            },
            other => {
                self.push(type_mismatch(value.span, &super::with_article(what), other));
                None
            }
        }
    }

    /// A non-negative decimal number (`50_000`, `2.5`).
    pub fn number(&mut self, value: &Value, what: &str) -> Option<f64> {
        match &value.kind {
            ValueKind::Number(text) => match text.replace('_', "").parse::<f64>() {
                Ok(n) if n.is_finite() => Some(n),
                _ => {
                    self.push(Problem::new(
                        Code::BadNumber,
                        value.span,
                        format!("`{text}` is not a usable number"),
                        "out of range",
                    ));
                    None
                }
            },
            other => {
                self.push(type_mismatch(value.span, what, other));
                None
            }
        }
    }

    /// A whole number that fits in `u64`.
    pub fn whole(&mut self, value: &Value, what: &str) -> Option<u64> {
        match &value.kind {
            ValueKind::Number(text) if !text.contains('.') => match text.replace('_', "").parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    self.push(Problem::new(
                        Code::BadNumber,
                        value.span,
                        format!("`{text}` is too large"),
                        "out of range",
                    ));
                    None
                }
            },
            other => {
                self.push(type_mismatch(value.span, what, other));
                None
            }
        }
    }

    /// A one-line string or a text block.
    pub fn text(&mut self, value: &Value, what: &str) -> Option<String> {
        match &value.kind {
            ValueKind::Str(s) | ValueKind::Text(s) => Some(s.clone()),
            other => {
                let mut problem = type_mismatch(value.span, what, other);
                if let ValueKind::Word(word) = other {
                    problem = problem.with_help(format!("put text in double quotes: \"{word}\""));
                }
                self.push(problem);
                None
            }
        }
    }

    /// The items of `[a, b]`; a bare single value is accepted as a one-item list.
    pub fn list<'v>(&mut self, value: &'v Value) -> Vec<&'v Value> {
        match &value.kind {
            ValueKind::List(items) => items.iter().collect(),
            _ => vec![value],
        }
    }

    /// Each comma-separated group must hold exactly one value; returns those values.
    pub fn one_per_group<'s>(&mut self, statement: &'s Statement, expected: &str) -> Vec<&'s Value> {
        if statement.groups.is_empty() {
            self.push(Problem::new(
                Code::MissingValue,
                statement.key.span,
                format!("`{}` needs at least one value", statement.key.value),
                format!("expected {expected} after this"),
            ));
        }
        let mut out = Vec::new();
        for group in &statement.groups {
            match group.as_slice() {
                [] => self.push(Problem::new(
                    Code::MissingValue,
                    statement.span,
                    "empty entry between commas".to_string(),
                    "remove the extra comma",
                )),
                [one] => out.push(one),
                [first, .., last] => self.push(
                    Problem::new(
                        Code::UnexpectedValue,
                        first.span.to(last.span),
                        format!("expected one {expected} per entry"),
                        "several values without a comma",
                    )
                    .with_help("separate entries with commas: `a, b`"),
                ),
            }
        }
        out
    }
}

fn unknown_code(what: &str) -> Code {
    match what {
        "criterion" => Code::UnknownCriterion,
        "feature" => Code::UnknownFeature,
        "feature tier" => Code::UnknownTier,
        "language" => Code::UnknownLanguage,
        "license class" => Code::UnknownLicenseClass,
        "skill level" | "priority level" => Code::UnknownLevel,
        _ => Code::UnknownName,
    }
}

pub fn type_mismatch(span: Span, expected: &str, found: &ValueKind) -> Problem {
    Problem::new(
        Code::WrongType,
        span,
        format!("expected {expected}, found {}", found.describe()),
        format!("expected {expected}"),
    )
}

pub fn unexpected_values(statement: &Statement, span: Span) -> Problem {
    Problem::new(
        Code::UnexpectedValue,
        span,
        format!("too many values for `{}`", statement.key.value),
        "unexpected",
    )
    .with_help(format!("`{}` takes a single value", statement.key.value))
}

/// Remembers where single-use keys were first given, reporting repeats.
#[derive(Default)]
pub struct SeenKeys {
    first: HashMap<String, Span>,
}

impl SeenKeys {
    /// True the first time `key` is seen in this scope; a repeat is reported.
    pub fn first_time(&mut self, problems: &mut Problems, key: &str, span: Span, scope: &str) -> bool {
        if let Some(first) = self.first.get(key) {
            problems.push(
                Problem::new(
                    Code::Duplicate,
                    span,
                    format!("`{key}` is given twice in {scope}"),
                    "given again here",
                )
                .with_note(*first, "first given here")
                .with_help("remove one of them"),
            );
            return false;
        }
        self.first.insert(key.to_string(), span);
        true
    }
}
