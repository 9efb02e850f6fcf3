//! The `require { ... }` block: knock-out constraints. A framework failing one is eliminated.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::ast::{Block, Span, Statement, Value, ValueKind};
use crate::diagnostic::{Code, Problem};
use crate::plan::{Constraints, Exclusion, FrameworkNames};
use crate::vocab::{Acceptance, Feature, Language, LicenseClass, Tier, UnknownFeatures};

use super::known_statements;
use super::team::framework;
use super::values::{Problems, SeenKeys};

pub(crate) const REQUIRE_KEYS: &[&str] = &[
    "language",
    "license",
    "feature",
    "unknown-features",
    "exclude",
    "candidates",
];

pub fn require(problems: &mut Problems, block: &Block, frameworks: &dyn FrameworkNames) -> Constraints {
    let mut found = Requirements::new(block);
    for statement in known_statements(problems, block, REQUIRE_KEYS, "requirement") {
        match statement.key.value.as_str() {
            "language" => found.language(problems, statement),
            "license" => found.license(problems, statement),
            "feature" => found.feature(problems, statement),
            "unknown-features" => found.unknown_features(problems, statement),
            "exclude" => found.exclude(problems, statement, frameworks),
            _ => found.candidates(problems, statement, frameworks),
        }
    }
    found.finish(problems)
}

/// The requirements read so far, each with where it was written, so that duplicates and
/// contradictions can point at both places.
struct Requirements<'s> {
    constraints: Constraints,
    seen: SeenKeys,
    allowed_at: BTreeMap<Language, Span>,
    forbidden_at: BTreeMap<Language, Span>,
    features_at: BTreeMap<Feature, (Span, Acceptance)>,
    // Keyed by names borrowed from the spec, with a fast hash: a spec may list thousands of
    // frameworks. Only looked up, never iterated, so their order cannot leak into the plan.
    excluded_at: HashMap<&'s str, Span>,
    candidates_at: Vec<(&'s str, Span)>,
    candidate_ids: HashSet<&'s str>,
}

impl<'s> Requirements<'s> {
    fn new(block: &Block) -> Self {
        let exclusions = block.statements.iter().filter(|s| s.key.value == "exclude").count();
        Requirements {
            constraints: Constraints::default(),
            seen: SeenKeys::default(),
            allowed_at: BTreeMap::new(),
            forbidden_at: BTreeMap::new(),
            features_at: BTreeMap::new(),
            excluded_at: HashMap::with_capacity(exclusions),
            candidates_at: Vec::new(),
            candidate_ids: HashSet::new(),
        }
    }

    /// `language in [..]` or `language not in [..]`.
    fn language(&mut self, problems: &mut Problems, statement: &Statement) {
        let Some((negated, list)) = membership(problems, statement, "language") else {
            return;
        };
        let scope_key = if negated { "language not in" } else { "language in" };
        if !self
            .seen
            .first_time(problems, scope_key, statement.key.span, "the `require` block")
        {
            return;
        }
        let language_names: Vec<&str> = Language::names().collect();
        let target = if negated {
            &mut self.forbidden_at
        } else {
            &mut self.allowed_at
        };
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

    /// `license in [..]` (`not in` is refused).
    fn license(&mut self, problems: &mut Problems, statement: &Statement) {
        let Some((negated, list)) = membership(problems, statement, "license class") else {
            return;
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
            return;
        }
        if !self
            .seen
            .first_time(problems, "license", statement.key.span, "the `require` block")
        {
            return;
        }
        let names: Vec<&str> = LicenseClass::names().collect();
        let mut classes = BTreeSet::new();
        for item in problems.list(list) {
            if let Some(class) = problems.vocab(item, "license class", LicenseClass::parse, &names) {
                classes.insert(class);
            }
        }
        self.constraints.license_classes = Some(classes);
    }

    /// `feature a, b builtin, c any`: each entry a feature (or a list of them) and optionally
    /// the tiers that satisfy it. May be given more than once, but each feature only once.
    fn feature(&mut self, problems: &mut Problems, statement: &Statement) {
        let names: Vec<&str> = Feature::names().collect();
        let acceptances: Vec<&str> = Acceptance::names().collect();
        if statement.groups.is_empty() {
            problems.push(Problem::new(
                Code::MissingValue,
                statement.key.span,
                "`feature` needs at least one value",
                "expected a feature after this",
            ));
        }
        for group in &statement.groups {
            let (item, acceptance) = match group.as_slice() {
                [] => {
                    problems.push(Problem::new(
                        Code::MissingValue,
                        statement.span,
                        "empty entry between commas",
                        "remove the extra comma",
                    ));
                    continue;
                }
                [item] => (item, Some(Acceptance::Standard)),
                [item, tier] => (item, acceptance_of(problems, tier, &acceptances)),
                [_, _, extra, ..] => {
                    problems.push(
                        Problem::new(
                            Code::UnexpectedValue,
                            extra.span.to(group[group.len() - 1].span),
                            "expected one feature and at most one tier per entry",
                            "unexpected here",
                        )
                        .with_help("separate features with commas: `feature orm builtin, openapi any`"),
                    );
                    continue;
                }
            };
            for value in problems.list(item) {
                if let Some(feature) = problems.vocab(value, "feature", Feature::parse, &names) {
                    let Some(acceptance) = acceptance else { continue };
                    if let Some((first, _)) = self.features_at.insert(feature, (value.span, acceptance)) {
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

    /// `unknown-features keep|eliminate`.
    fn unknown_features(&mut self, problems: &mut Problems, statement: &Statement) {
        if !self
            .seen
            .first_time(problems, "unknown-features", statement.key.span, "the `require` block")
        {
            return;
        }
        let names: Vec<&str> = UnknownFeatures::names().collect();
        if let Some(value) = problems.single(statement, "`keep` or `eliminate`") {
            if let Some(choice) = problems.vocab(value, "unknown-features choice", UnknownFeatures::parse, &names) {
                self.constraints.unknown_features = choice;
            }
        }
    }

    /// `exclude <framework> because "<reason>"`.
    fn exclude(&mut self, problems: &mut Problems, statement: &'s Statement, frameworks: &dyn FrameworkNames) {
        let Some((exclusion, span, name)) = exclusion(problems, statement, frameworks) else {
            return;
        };
        if let Some(first) = self.excluded_at.insert(name, span) {
            problems.push(
                Problem::new(
                    Code::Duplicate,
                    span,
                    format!("`{}` is excluded twice", exclusion.framework),
                    "again",
                )
                .with_note(first, "first excluded here"),
            );
            return;
        }
        self.constraints.exclusions.push(exclusion);
    }

    /// `candidates [a, b]`: the only frameworks considered.
    fn candidates(&mut self, problems: &mut Problems, statement: &'s Statement, frameworks: &dyn FrameworkNames) {
        if !self
            .seen
            .first_time(problems, "candidates", statement.key.span, "the `require` block")
        {
            return;
        }
        let Some(list) = problems.single(statement, "a list of framework ids") else {
            return;
        };
        let items = problems.list(list);
        self.candidate_ids.reserve(items.len());
        self.candidates_at.reserve(items.len());
        for item in items {
            if let Some(id) = framework(problems, item, frameworks) {
                if !self.candidate_ids.insert(id) {
                    problems.push(Problem::new(
                        Code::Duplicate,
                        item.span,
                        format!("`{id}` is listed twice"),
                        "again",
                    ));
                } else {
                    self.candidates_at.push((id, item.span));
                }
            }
        }
        if self.candidates_at.is_empty() && matches!(&list.kind, ValueKind::List(items) if items.is_empty()) {
            problems.push(Problem::new(
                Code::EmptyCandidates,
                list.span,
                "the candidate list is empty",
                "nothing could be chosen",
            ));
        }
    }

    /// Reports contradictions between requirements and assembles the constraints.
    fn finish(mut self, problems: &mut Problems) -> Constraints {
        for (language, span) in &self.forbidden_at {
            if let Some(allowed) = self.allowed_at.get(language) {
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
        for (id, span) in &self.candidates_at {
            if let Some(excluded) = self.excluded_at.get(id) {
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
        let constraints = &mut self.constraints;
        if !self.allowed_at.is_empty() {
            constraints.languages_allowed = Some(self.allowed_at.into_keys().collect());
        }
        constraints.languages_forbidden = self.forbidden_at.into_keys().collect();
        constraints.required_features = self
            .features_at
            .into_iter()
            .map(|(feature, (_, acceptance))| (feature, acceptance))
            .collect();
        if !self.candidates_at.is_empty() {
            constraints.candidates = Some(self.candidates_at.into_iter().map(|(id, _)| id.to_string()).collect());
        }
        self.constraints
    }
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

/// The tiers a requirement accepts. A catalog tier written here (`official`) gets help that
/// says which acceptance includes it.
fn acceptance_of(problems: &mut Problems, value: &Value, acceptances: &[&str]) -> Option<Acceptance> {
    if let ValueKind::Word(word) = &value.kind {
        if let (None, Some(tier)) = (Acceptance::parse(word), Tier::parse(word)) {
            let fits = if tier == Tier::None {
                "no requirement accepts `none`".to_owned()
            } else {
                let least = [Acceptance::Builtin, Acceptance::Standard, Acceptance::Any]
                    .into_iter()
                    .find(|a| a.accepts(tier))
                    .unwrap_or(Acceptance::Any);
                match least {
                    Acceptance::Standard => format!("`{tier}` is accepted by the default: write the feature alone"),
                    other => format!("write `{other}` to accept `{tier}` ({})", other.accepted()),
                }
            };
            problems.push(
                Problem::new(
                    Code::UnknownTier,
                    value.span,
                    format!("`{word}` is a catalog tier, not a requirement level"),
                    "expected `builtin`, `standard` or `any`",
                )
                .with_help(fits),
            );
            return None;
        }
    }
    problems.vocab(value, "feature tier", Acceptance::parse, acceptances)
}
