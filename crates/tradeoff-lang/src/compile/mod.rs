//! Syntax tree → [`Plan`]: checks every key and value, resolves names, normalises weights.
//!
//! All problems in a file are collected and returned together. The module is split by the
//! part of the spec it reads; each part reports into the shared [`values::Problems`].

mod app;
mod header;
mod priorities;
mod require;
mod team;
mod values;

use crate::ast::{Block, Decision, Item, SpecFile, Statement};
use crate::diagnostic::{Code, Problem, SpecError};
use crate::plan::{AppProfile, Constraints, FrameworkNames, Load, Plan, Team, Weighting, PLAN_FORMAT_VERSION};
use crate::vocab::{AppKind, Method, Status};
pub(crate) use app::APP_KEYS;
pub(crate) use require::REQUIRE_KEYS;
pub(crate) use team::TEAM_KEYS;
use values::{Problems, SeenKeys};

pub(crate) use values::type_mismatch;

/// Top-level settings that are single statements.
pub(crate) const TOP_STATEMENTS: &[&str] = &[
    "status",
    "date",
    "deciders",
    "consulted",
    "informed",
    "context",
    "prefer",
    "method",
    "options",
    "catalog",
];
/// Top-level settings that are blocks.
pub(crate) const TOP_BLOCKS: &[&str] = &["app", "team", "require", "weigh", "compare"];

/// Compiles a parsed spec, resolving framework names against `frameworks`.
pub fn compile(spec: &SpecFile, frameworks: &dyn FrameworkNames) -> Result<Plan, SpecError> {
    let mut problems = Problems::default();
    let decision = &spec.decision;
    let mut sections = Sections::default();
    sections.header.id(&mut problems, &decision.id);
    require_title(&mut problems, decision);
    let mut seen = SeenKeys::default();
    for item in &decision.items {
        sections.read(&mut problems, &mut seen, item, frameworks);
    }
    let weighting = priorities::weighting(
        &mut problems,
        sections.weigh,
        sections.compare,
        decision.close,
        sections.header.prefer.is_some(),
    );
    require_app(&mut problems, decision, sections.app.as_ref());
    if !problems.list.is_empty() {
        return Err(SpecError::new(&spec.name, spec.source.clone(), problems.list));
    }
    Ok(sections.into_plan(decision, weighting))
}

fn require_title(problems: &mut Problems, decision: &Decision) {
    if decision.title.is_none() {
        problems.push(
            Problem::new(
                Code::MissingTitle,
                decision.id.span,
                "the decision has no title",
                "expected a quoted title after the id",
            )
            .with_help(format!(
                "decision {} \"What we are deciding\" {{ ... }}",
                decision.id.value
            )),
        );
    }
}

/// An `app` block must be given, and say what kind of application it is.
fn require_app(problems: &mut Problems, decision: &Decision, app: Option<&AppDraft>) {
    let Some(app) = app else {
        problems.push(
            Problem::new(
                Code::MissingApp,
                decision.close,
                "the decision does not describe the application",
                "add an `app` block before this",
            )
            .with_help("app { kind api  load 5_000 rps peak }"),
        );
        return;
    };
    if app.kind.is_none() {
        problems.push(
            Problem::new(
                Code::MissingKind,
                app.span,
                "the `app` block does not say what kind of application this is",
                "no `kind` here",
            )
            .with_help(format!(
                "add `kind <kind>`, one of {}",
                AppKind::names().collect::<Vec<_>>().join(", ")
            )),
        );
    }
}

/// The decision's top-level settings and blocks as read so far. `weigh` and `compare` are kept
/// as written: they are read together, once both are known.
#[derive(Default)]
struct Sections<'s> {
    header: header::Header,
    app: Option<AppDraft>,
    team: Team,
    constraints: Constraints,
    weigh: Option<&'s Block>,
    compare: Option<&'s Block>,
}

impl<'s> Sections<'s> {
    /// Reads one top-level item, reporting unknown, repeated or misshapen ones.
    fn read(&mut self, problems: &mut Problems, seen: &mut SeenKeys, item: &'s Item, frameworks: &dyn FrameworkNames) {
        let key = item.key();
        match item {
            Item::Statement(statement) if TOP_STATEMENTS.contains(&key.value.as_str()) => {
                let repeatable = key.value == "catalog";
                if repeatable || seen.first_time(problems, &key.value, key.span, "the decision") {
                    self.header.statement(problems, statement);
                }
            }
            Item::Block(block) if TOP_BLOCKS.contains(&key.value.as_str()) => {
                if !seen.first_time(problems, &key.value, key.span, "the decision") {
                    return;
                }
                match key.value.as_str() {
                    "app" => self.app = Some(app::app(problems, block)),
                    "team" => self.team = team::team(problems, block, frameworks),
                    "require" => self.constraints = require::require(problems, block, frameworks),
                    "weigh" => self.weigh = Some(block),
                    _ => self.compare = Some(block),
                }
            }
            Item::Statement(statement) if TOP_BLOCKS.contains(&key.value.as_str()) => {
                problems.push(block_written_as_statement(statement));
            }
            Item::Block(block) if TOP_STATEMENTS.contains(&key.value.as_str()) => problems.push(
                Problem::new(
                    Code::NotABlock,
                    block.key.span,
                    format!("`{}` is a setting, not a block", block.key.value),
                    "followed by `{`",
                )
                .with_help(format!("write `{} <value>` without braces", block.key.value)),
            ),
            _ => problems.push(unknown_key(
                key.value.as_str(),
                key.span,
                "decision setting",
                &[TOP_STATEMENTS, TOP_BLOCKS],
            )),
        }
    }

    /// The plan, once every required part was found without problems.
    fn into_plan(self, decision: &Decision, weighting: Option<Weighting>) -> Plan {
        let header = self.header;
        let app = self.app.expect("checked by require_app");
        Plan {
            format_version: PLAN_FORMAT_VERSION,
            id: decision.id.value.clone(),
            title: decision.title.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
            status: header.status.unwrap_or(Status::Proposed),
            date: header.date,
            deciders: header.deciders,
            consulted: header.consulted,
            informed: header.informed,
            context: header.context.unwrap_or_default(),
            app: AppProfile {
                kind: app.kind.expect("checked by require_app"),
                load: app.load,
                workload: app.workload,
                realtime: app.realtime,
                architecture: app.architecture,
                horizon: app.horizon,
            },
            team: self.team,
            constraints: self.constraints,
            weighting: weighting.unwrap_or(Weighting::Direct {
                weights: Default::default(),
            }),
            prefer: header.prefer,
            method: header.method.unwrap_or(Method::All),
            options: header.options.unwrap_or(DEFAULT_OPTIONS),
            catalog_includes: header.catalog.into_iter().map(|c| c.value).collect(),
        }
    }
}

/// How many surviving options a record discusses when the spec does not say.
pub const DEFAULT_OPTIONS: usize = 3;

/// The application block as read, before the required parts are checked.
pub(crate) struct AppDraft {
    pub span: crate::ast::Span,
    pub kind: Option<AppKind>,
    pub load: Load,
    pub workload: Vec<crate::vocab::Workload>,
    pub realtime: bool,
    pub architecture: Option<crate::vocab::Architecture>,
    pub horizon: Option<crate::vocab::Horizon>,
}

pub(crate) fn unknown_key(key: &str, span: crate::ast::Span, what: &str, known: &[&[&str]]) -> Problem {
    let all: Vec<&str> = known.iter().flat_map(|k| k.iter().copied()).collect();
    Problem::new(
        Code::UnknownKey,
        span,
        format!("unknown {what} `{key}`"),
        format!("not {}", with_article(what)),
    )
    .with_name_help(key, &all)
}

fn block_written_as_statement(statement: &Statement) -> Problem {
    Problem::new(
        Code::NotAStatement,
        statement.key.span,
        format!("`{}` is a block", statement.key.value),
        "expected `{` after this",
    )
    .with_help(format!("write `{} {{ ... }}`", statement.key.value))
}

/// Within a block, reports statements that are not among `known` and returns the rest.
pub(crate) fn known_statements<'b>(
    problems: &mut Problems,
    block: &'b Block,
    known: &[&str],
    what: &str,
) -> Vec<&'b Statement> {
    let mut out = Vec::new();
    for statement in &block.statements {
        if known.contains(&statement.key.value.as_str()) {
            out.push(statement);
        } else {
            problems.push(unknown_key(&statement.key.value, statement.key.span, what, &[known]));
        }
    }
    out
}

/// "a criterion", "an application kind".
pub(crate) fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Criterion;

    /// The parser's `STATEMENT_KEYS` decide where statements on one line end; they must include
    /// every key the compiler accepts, or `app { kind api  <key> ... }` would swallow the key as
    /// a value.
    #[test]
    fn the_grammar_knows_every_key_the_compiler_accepts() {
        let keys = [
            TOP_STATEMENTS,
            TOP_BLOCKS,
            app::APP_KEYS,
            team::TEAM_KEYS,
            require::REQUIRE_KEYS,
        ]
        .concat()
        .into_iter()
        .map(str::to_string)
        .chain(Criterion::names().map(str::to_string));
        let keys: std::collections::BTreeSet<String> = keys.collect();
        let split_at: std::collections::BTreeSet<String> =
            crate::syntax::STATEMENT_KEYS.iter().map(|k| k.to_string()).collect();
        assert_eq!(
            keys, split_at,
            "the parser splits at exactly the keys the compiler accepts"
        );
        for key in keys {
            let source = format!("decision d \"T\" {{\n  status proposed other {key} value\n}}\n");
            let spec = crate::parse("t", &source).unwrap();
            assert_eq!(
                spec.decision.items.len(),
                2,
                "`{key}` does not end the previous statement"
            );
        }
    }
}
