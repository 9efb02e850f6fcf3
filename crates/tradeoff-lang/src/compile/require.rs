//! The `require { ... }` block: knock-out constraints. A framework failing one is eliminated.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::ast::{Block, Span, Statement, Value, ValueKind};
use crate::diagnostic::{Code, Problem};
use crate::plan::{Constraints, Exclusion, FrameworkNames};
use crate::vocab::{Feature, Language, LicenseClass};

use super::known_statements;
use super::team::framework;
use super::values::{Problems, SeenKeys};

pub(super) const REQUIRE_KEYS: &[&str] = &["language", "license", "feature", "exclude", "candidates"];

pub fn require(problems: &mut Problems, block: &Block, frameworks: &dyn FrameworkNames) -> Constraints {
    let mut constraints = Constraints::default();
    let mut seen = SeenKeys::default();
    let mut allowed_at: BTreeMap<Language, Span> = BTreeMap::new();
    let mut forbidden_at: BTreeMap<Language, Span> = BTreeMap::new();
    let mut features_at: BTreeMap<Feature, Span> = BTreeMap::new();
    // Keyed by names borrowed from the spec, with a fast hash: a spec may list thousands of
    // frameworks. Only looked up, never iterated, so their order cannot leak into the plan.
    let exclusions = block.statements.iter().filter(|s| s.key.value == "exclude").count();
    let mut excluded_at: HashMap<&str, Span> = HashMap::with_capacity(exclusions);
    let mut candidates_at: Vec<(&str, Span)> = Vec::new();
    let mut candidate_ids: HashSet<&str> = HashSet::new();
    let language_names: Vec<&str> = Language::names().collect();

    for statement in known_statements(problems, block, REQUIRE_KEYS, "requirement") {
        match statement.key.value.as_str() {
            "language" => {
                let Some((negated, list)) = membership(problems, statement, "language") else {
                    continue;
                };
                let scope_key = if negated { "language not in" } else { "language in" };
                if !seen.first_time(problems, scope_key, statement.key.span, "the `require` block") {
                    continue;
                }
                let target = if negated { &mut forbidden_at } else { &mut allowed_at };
                for item in problems.list(list) {
                    if let Some(language) = problems.vocab(item, "language", Language::parse, &language_names) {
                        if target.insert(language, item.span).is_some() {
                            problems.push(Problem::new(
                                Code::Duplicate,
                                item.span,
                                format!("`{language}` is listed twice"),
                                "again",
                            ));
                        }
                    }
                }
            }
            "license" => {
                let Some((negated, list)) = membership(problems, statement, "license class") else {
                    continue;
                };
                if negated {
                    problems.push(
                        Problem::new(
                            Code::Unsupported,
                            statement.span,
                            "`license not in` is not supported",
                            "list the allowed classes instead",
                        )
                        .with_help("license in [permissive, weak-copyleft]"),
                    );
                    continue;
                }
                if !seen.first_time(problems, "license", statement.key.span, "the `require` block") {
                    continue;
                }
                let names: Vec<&str> = LicenseClass::names().collect();
                let mut classes = BTreeSet::new();
                for item in problems.list(list) {
                    if let Some(class) = problems.vocab(item, "license class", LicenseClass::parse, &names) {
                        classes.insert(class);
                    }
                }
                constraints.license_classes = Some(classes);
            }
            "feature" => {
                let names: Vec<&str> = Feature::names().collect();
                for item in problems.one_per_group(statement, "feature") {
                    for value in problems.list(item) {
                        if let Some(feature) = problems.vocab(value, "feature", Feature::parse, &names) {
                            if let Some(first) = features_at.insert(feature, value.span) {
                                problems.push(
                                    Problem::new(
                                        Code::Duplicate,
                                        value.span,
                                        format!("feature `{feature}` is required twice"),
                                        "again",
                                    )
                                    .with_note(first, "first required here"),
                                );
                            }
                        }
                    }
                }
            }
            "exclude" => {
                if let Some(exclusion) = exclusion(problems, statement, frameworks) {
                    if let Some(first) = excluded_at.insert(exclusion.2, exclusion.1) {
                        problems.push(
                            Problem::new(
                                Code::Duplicate,
                                exclusion.1,
                                format!("`{}` is excluded twice", exclusion.0.framework),
                                "again",
                            )
                            .with_note(first, "first excluded here"),
                        );
                        continue;
                    }
                    constraints.exclusions.push(exclusion.0);
                }
            }
            _ => {
                if !seen.first_time(problems, "candidates", statement.key.span, "the `require` block") {
                    continue;
                }
                let Some(list) = problems.single(statement, "a list of framework ids") else {
                    continue;
                };
                let items = problems.list(list);
                candidate_ids.reserve(items.len());
                candidates_at.reserve(items.len());
                for item in items {
                    if let Some(id) = framework(problems, item, frameworks) {
                        if !candidate_ids.insert(id) {
                            problems.push(Problem::new(
                                Code::Duplicate,
                                item.span,
                                format!("`{id}` is listed twice"),
                                "again",
                            ));
                        } else {
                            candidates_at.push((id, item.span));
                        }
                    }
                }
                if candidates_at.is_empty() && matches!(&list.kind, ValueKind::List(items) if items.is_empty()) {
                    problems.push(Problem::new(
                        Code::EmptyCandidates,
                        list.span,
                        "the candidate list is empty",
                        "nothing could be chosen",
                    ));
                }
            }
        }
    }

    for (language, span) in &forbidden_at {
        if let Some(allowed) = allowed_at.get(language) {
            problems.push(
                Problem::new(
                    Code::Contradiction,
                    *span,
                    format!("`{language}` is both allowed and forbidden"),
                    "forbidden here",
                )
                .with_note(*allowed, "allowed here")
                .with_help("remove it from one of the two lists"),
            );
        }
    }
    for (id, span) in &candidates_at {
        if let Some(excluded) = excluded_at.get(id) {
            problems.push(
                Problem::new(
                    Code::Contradiction,
                    *span,
                    format!("`{id}` is both a candidate and excluded"),
                    "listed as a candidate",
                )
                .with_note(*excluded, "excluded here"),
            );
        }
    }

    if !allowed_at.is_empty() {
        constraints.languages_allowed = Some(allowed_at.into_keys().collect());
    }
    constraints.languages_forbidden = forbidden_at.into_keys().collect();
    constraints.required_features = features_at.into_keys().collect();
    if !candidates_at.is_empty() {
        constraints.candidates = Some(candidates_at.into_iter().map(|(id, _)| id.to_string()).collect());
    }
    constraints
}

/// `in [..]` or `not in [..]`: returns whether it is negated and the list value.
fn membership<'s>(problems: &mut Problems, statement: &'s Statement, what: &str) -> Option<(bool, &'s Value)> {
    let values: Vec<&Value> = statement.values().collect();
    let word = |v: &Value| match &v.kind {
        ValueKind::Word(w) => Some(w.clone()),
        _ => None,
    };
    let key = &statement.key.value;
    match values.as_slice() {
        [op, list] if word(op).as_deref() == Some("in") => Some((false, list)),
        [not, op, list] if word(not).as_deref() == Some("not") && word(op).as_deref() == Some("in") => {
            Some((true, list))
        }
        _ => {
            problems.push(
                Problem::new(
                    Code::BadRequirement,
                    statement.span,
                    format!("cannot read this `{key}` requirement"),
                    format!("expected `{key} in [...]` or `{key} not in [...]`"),
                )
                .with_help(format!(
                    "e.g. `{key} in [{}]`",
                    if what == "language" { "python, go" } else { "permissive" }
                )),
            );
            None
        }
    }
}

/// `exclude <framework> because "<reason>"`
/// An exclusion, where its framework is named, and that name as written.
fn exclusion<'s>(
    problems: &mut Problems,
    statement: &'s Statement,
    frameworks: &dyn FrameworkNames,
) -> Option<(Exclusion, Span, &'s str)> {
    let because = |v: &Value| matches!(&v.kind, ValueKind::Word(w) if w == "because");
    // The well-formed case is matched without collecting the values: specs may hold thousands.
    if let [group] = statement.groups.as_slice() {
        if let [name, keyword, reason_value] = group.as_slice() {
            if because(keyword) {
                let id = framework(problems, name, frameworks);
                let reason = problems.text(reason_value, "a quoted reason");
                if reason.as_deref().is_some_and(|r| r.trim().is_empty()) {
                    problems.push(Problem::new(
                        Code::MissingReason,
                        reason_value.span,
                        "the reason for an exclusion is empty",
                        "empty",
                    ));
                    return None;
                }
                let id = id?;
                return Some((
                    Exclusion {
                        framework: id.to_string(),
                        reason: reason?,
                    },
                    name.span,
                    id,
                ));
            }
        }
    }
    let values: Vec<&Value> = statement.values().collect();
    match values.as_slice() {
        [name] => {
            problems.push(
                Problem::new(
                    Code::MissingReason,
                    name.span,
                    "an exclusion needs a reason",
                    "excluded without a reason",
                )
                .with_help(format!(
                    "exclude {} because \"why it is ruled out\"",
                    values[0].kind.describe().trim_matches('`')
                )),
            );
            None
        }
        _ => {
            problems.push(
                Problem::new(
                    Code::BadRequirement,
                    statement.span,
                    "cannot read this exclusion",
                    "expected `exclude <framework> because \"<reason>\"`",
                )
                .with_help("one framework per `exclude` line"),
            );
            None
        }
    }
}
