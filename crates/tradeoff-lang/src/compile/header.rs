//! The decision's own settings: id, status, date, people, context, method, options, includes.

use crate::ast::{Spanned, Statement, ValueKind};
use crate::diagnostic::{Code, Problem};
use crate::vocab::{Method, Status, Style};

use super::values::Problems;

/// Most options a record can discuss in detail; more would not be read.
const MAX_OPTIONS: u64 = 50;

#[derive(Default)]
pub struct Header {
    pub status: Option<Status>,
    pub date: Option<String>,
    pub deciders: Vec<String>,
    pub consulted: Vec<String>,
    pub informed: Vec<String>,
    pub context: Option<String>,
    pub prefer: Option<Style>,
    pub method: Option<Method>,
    pub options: Option<usize>,
    pub catalog: Vec<Spanned<String>>,
}

impl Header {
    /// Decision ids become file names, so they are restricted to a portable alphabet.
    pub fn id(&mut self, problems: &mut Problems, id: &Spanned<String>) {
        let valid = id
            .value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && id.value.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && id.value.len() <= 64;
        if !valid {
            let suggestion = id.value.to_ascii_lowercase().replace('_', "-");
            problems.push(
                Problem::new(
                    Code::BadId,
                    id.span,
                    format!("`{}` is not a valid decision id", id.value),
                    "used in record file names",
                )
                .with_help(format!(
                    "use lower-case letters, digits and `-`, starting with a letter (at most 64), e.g. `{suggestion}`"
                )),
            );
        }
    }

    pub fn statement(&mut self, problems: &mut Problems, statement: &Statement) {
        match statement.key.value.as_str() {
            "status" => {
                if let Some(v) = problems.single(statement, "a status") {
                    self.status = problems.vocab(v, "status", Status::parse, &Status::names().collect::<Vec<_>>());
                }
            }
            "date" => {
                if let Some(v) = problems.single(statement, "a date") {
                    self.date = date(problems, v);
                }
            }
            "deciders" | "consulted" | "informed" => {
                let people: Vec<String> = problems
                    .one_per_group(statement, "quoted name")
                    .into_iter()
                    .filter_map(|v| problems.text(v, "a quoted name"))
                    .collect();
                match statement.key.value.as_str() {
                    "deciders" => self.deciders = people,
                    "consulted" => self.consulted = people,
                    _ => self.informed = people,
                }
            }
            "context" => {
                if let Some(v) = problems.single(statement, "a string or \"\"\" text block") {
                    self.context = problems.text(v, "a string or \"\"\" text block");
                }
            }
            "prefer" => {
                if let Some(v) = problems.single(statement, "a style") {
                    self.prefer = problems.vocab(v, "style", Style::parse, &Style::names().collect::<Vec<_>>());
                }
            }
            "method" => {
                if let Some(v) = problems.single(statement, "a scoring method") {
                    self.method =
                        problems.vocab(v, "scoring method", Method::parse, &Method::names().collect::<Vec<_>>());
                }
            }
            "options" => {
                if let Some(v) = problems.single(statement, "a number") {
                    if let Some(n) = problems.whole(v, "a whole number") {
                        if (1..=MAX_OPTIONS).contains(&n) {
                            self.options = Some(n as usize);
                        } else {
                            problems.push(Problem::new(
                                Code::OutOfRange,
                                v.span,
                                format!("`options` must be between 1 and {MAX_OPTIONS}"),
                                "out of range",
                            ));
                        }
                    }
                }
            }
            _ => {
                for v in problems.one_per_group(statement, "quoted file name") {
                    if let Some(path) = problems.text(v, "a quoted file name") {
                        if path.trim().is_empty() {
                            problems.push(Problem::new(
                                Code::BadInclude,
                                v.span,
                                "empty catalog file name",
                                "empty",
                            ));
                        } else {
                            self.catalog.push(Spanned {
                                value: path,
                                span: v.span,
                            });
                        }
                    }
                }
            }
        }
    }
}

fn date(problems: &mut Problems, value: &crate::ast::Value) -> Option<String> {
    match &value.kind {
        ValueKind::Date(text) => match text.parse::<jiff::civil::Date>() {
            Ok(_) => Some(text.to_string()),
            Err(_) => {
                problems.push(
                    Problem::new(
                        Code::BadDate,
                        value.span,
                        format!("`{text}` is not a calendar date"),
                        "no such day",
                    )
                    .with_help("dates are written YYYY-MM-DD"),
                );
                None
            }
        },
        other => {
            problems.push(super::type_mismatch(value.span, "a date (YYYY-MM-DD)", other));
            None
        }
    }
}
