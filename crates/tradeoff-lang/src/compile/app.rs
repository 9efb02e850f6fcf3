//! The `app { ... }` block: what is built, under which load and workload.

use crate::ast::{Block, Statement, ValueKind};
use crate::diagnostic::{Code, Problem};
use crate::plan::Load;
use crate::vocab::{AppKind, Architecture, Horizon, Workload};

use super::values::{Problems, SeenKeys};
use super::{known_statements, AppDraft};

pub(crate) const APP_KEYS: &[&str] = &["kind", "load", "workload", "realtime", "architecture", "horizon"];

pub fn app(problems: &mut Problems, block: &Block) -> AppDraft {
    let mut draft = AppDraft {
        span: block.key.span,
        kind: None,
        load: Load::default(),
        workload: Vec::new(),
        realtime: false,
        architecture: None,
        horizon: None,
    };
    let mut seen = SeenKeys::default();
    for statement in known_statements(problems, block, APP_KEYS, "app setting") {
        if !seen.first_time(problems, &statement.key.value, statement.key.span, "the `app` block") {
            continue;
        }
        match statement.key.value.as_str() {
            "kind" => {
                if let Some(v) = problems.single(statement, "an application kind") {
                    draft.kind = problems.vocab(
                        v,
                        "application kind",
                        AppKind::parse,
                        &AppKind::names().collect::<Vec<_>>(),
                    );
                }
            }
            "load" => draft.load = load(problems, statement),
            "workload" => {
                let names: Vec<&str> = Workload::names().collect();
                for v in problems.one_per_group(statement, "workload") {
                    if let Some(w) = problems.vocab(v, "workload", Workload::parse, &names) {
                        if draft.workload.contains(&w) {
                            problems.push(Problem::new(
                                Code::Duplicate,
                                v.span,
                                format!("workload `{w}` is listed twice"),
                                "again",
                            ));
                        } else {
                            draft.workload.push(w);
                        }
                    }
                }
            }
            "realtime" => {
                if let Some(v) = problems.single(statement, "yes or no") {
                    draft.realtime = problems
                        .vocab(v, "yes/no answer", yes_no, &["yes", "no"])
                        .unwrap_or(false);
                }
            }
            "architecture" => {
                if let Some(v) = problems.single(statement, "an architecture") {
                    let names: Vec<&str> = Architecture::names().collect();
                    draft.architecture = problems.vocab(v, "architecture", Architecture::parse, &names);
                }
            }
            _ => {
                if let Some(v) = problems.single(statement, "mvp or long-lived") {
                    draft.horizon = problems.vocab(v, "horizon", Horizon::parse, &Horizon::names().collect::<Vec<_>>());
                }
            }
        }
    }
    draft
}

fn yes_no(text: &str) -> Option<bool> {
    match text {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    }
}

/// `load 50_000 rps peak, 20_000 connections`
fn load(problems: &mut Problems, statement: &Statement) -> Load {
    let mut load = Load::default();
    if statement.groups.is_empty() {
        problems.push(
            Problem::new(
                Code::MissingValue,
                statement.key.span,
                "`load` needs a figure",
                "expected e.g. `5_000 rps peak`",
            )
            .with_help("load 5_000 rps peak, 2_000 connections"),
        );
    }
    for group in &statement.groups {
        let Some(first) = group.first() else { continue };
        let Some(amount) = problems.whole(first, "a whole number of requests or connections") else {
            continue;
        };
        let words: Vec<Option<&str>> = group[1..]
            .iter()
            .map(|v| match &v.kind {
                ValueKind::Word(w) => Some(w.as_str()),
                _ => None,
            })
            .collect();
        let whole = first.span.to(group.last().expect("group has a first value").span);
        let slot = match words.as_slice() {
            [Some("rps")] | [Some("rps"), Some("peak")] => &mut load.peak_rps,
            [Some("connections")] | [Some("connections"), Some("peak")] => &mut load.concurrent_connections,
            _ => {
                problems.push(
                    Problem::new(
                        Code::BadLoad,
                        whole,
                        "cannot read this load figure",
                        "expected `<n> rps [peak]` or `<n> connections`",
                    )
                    .with_help("load 50_000 rps peak, 20_000 connections"),
                );
                continue;
            }
        };
        if slot.is_some() {
            problems.push(Problem::new(
                Code::Duplicate,
                whole,
                "this load figure is given twice",
                "again",
            ));
        }
        *slot = Some(amount);
    }
    load
}
