//! The `team { ... }` block: size and skills per language and framework.

use std::collections::BTreeMap;

use crate::ast::{Block, Statement, Value, ValueKind};
use crate::diagnostic::{Code, Problem};
use crate::plan::{FrameworkNames, Team};
use crate::suggest;
use crate::vocab::{Language, SkillLevel};

use super::known_statements;
use super::values::{Problems, SeenKeys};

pub(crate) const TEAM_KEYS: &[&str] = &["size", "knows", "uses"];

pub fn team(problems: &mut Problems, block: &Block, frameworks: &dyn FrameworkNames) -> Team {
    let mut team = Team::default();
    let mut seen = SeenKeys::default();
    for statement in known_statements(problems, block, TEAM_KEYS, "team setting") {
        match statement.key.value.as_str() {
            "size" => {
                if !seen.first_time(problems, "size", statement.key.span, "the `team` block") {
                    continue;
                }
                if let Some(v) = problems.single(statement, "a number of people") {
                    match problems.whole(v, "a number of people") {
                        Some(n) if (1..=100_000).contains(&n) => team.size = Some(n as u32),
                        Some(_) => problems.push(Problem::new(
                            Code::OutOfRange,
                            v.span,
                            "team size must be between 1 and 100000",
                            "out of range",
                        )),
                        None => {}
                    }
                }
            }
            "knows" => {
                let names: Vec<&str> = Language::names().collect();
                for (name, level) in skills(problems, statement) {
                    let Some(language) = problems.vocab(name, "language", Language::parse, &names) else {
                        continue;
                    };
                    if team.languages.insert(language, level).is_some() {
                        problems.push(Problem::new(
                            Code::Duplicate,
                            name.span,
                            format!("skill in `{language}` is given twice"),
                            "again",
                        ));
                    }
                }
            }
            _ => {
                let mut skills_by_framework = BTreeMap::new();
                for (name, level) in skills(problems, statement) {
                    let Some(id) = framework(problems, name, frameworks).map(str::to_string) else {
                        continue;
                    };
                    if team.frameworks.contains_key(&id) || skills_by_framework.contains_key(&id) {
                        problems.push(Problem::new(
                            Code::Duplicate,
                            name.span,
                            format!("skill in `{id}` is given twice"),
                            "again",
                        ));
                    }
                    skills_by_framework.insert(id, level);
                }
                team.frameworks.extend(skills_by_framework);
            }
        }
    }
    team
}

/// Reads `name level, name level, ...`; returns each name value with its parsed level.
fn skills<'s>(problems: &mut Problems, statement: &'s Statement) -> Vec<(&'s Value, SkillLevel)> {
    let levels: Vec<&str> = SkillLevel::names().collect();
    if statement.groups.is_empty() {
        problems.push(
            Problem::new(
                Code::MissingValue,
                statement.key.span,
                format!("`{}` needs at least one entry", statement.key.value),
                "expected `<name> <level>`",
            )
            .with_help("knows python expert, go intermediate"),
        );
    }
    let mut out = Vec::new();
    for group in &statement.groups {
        match group.as_slice() {
            [name, level] => {
                if let Some(level) = problems.vocab(level, "skill level", SkillLevel::parse, &levels) {
                    out.push((name, level));
                }
            }
            [name] => problems.push(
                Problem::new(
                    Code::MissingValue,
                    name.span,
                    "skill level missing",
                    "expected a level after this",
                )
                .with_help(format!("levels: {}", levels.join(", "))),
            ),
            [] => {}
            [_, _, extra @ ..] => problems.push(
                Problem::new(
                    Code::UnexpectedValue,
                    extra[0].span.to(extra[extra.len() - 1].span),
                    "expected `<name> <level>`",
                    "unexpected",
                )
                .with_help("separate entries with commas: `python expert, go beginner`"),
            ),
        }
    }
    out
}

/// Resolves a framework name against the catalog, suggesting a near id.
pub fn framework<'v>(problems: &mut Problems, value: &'v Value, frameworks: &dyn FrameworkNames) -> Option<&'v str> {
    let written = match &value.kind {
        ValueKind::Word(word) => Some(word.as_str()),
        ValueKind::Str(word) => Some(word.as_str()),
        _ => None,
    };
    match (written, &value.kind) {
        (Some(word), _) => {
            if frameworks.contains(word) {
                return Some(word);
            }
            let ids = frameworks.ids();
            let best = suggest::closest(word, ids.iter().map(String::as_str));
            let mut problem = Problem::new(
                Code::UnknownFramework,
                value.span,
                format!("unknown framework `{word}`"),
                "not in the catalog",
            );
            problem.help = Some(best.map_or_else(
                || "`tradeoff catalog list` shows every framework id".to_string(),
                |best| format!("did you mean `{best}`?"),
            ));
            // The fix replaces the value as written: a quoted id stays quoted.
            problem.replacement = best.map(|best| match &value.kind {
                ValueKind::Str(_) => format!("{best:?}"),
                _ => best.to_owned(),
            });
            problems.push(problem);
            None
        }
        (None, other) => {
            problems.push(super::type_mismatch(value.span, "a framework id", other));
            None
        }
    }
}
