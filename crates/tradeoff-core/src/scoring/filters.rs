//! Hard constraints: every framework failing one is eliminated with all of its reasons, so a
//! record can say "ruled out for X and Y" instead of hiding the second reason behind the first.

use std::collections::BTreeSet;

use tradeoff_lang::plan::Constraints;
use tradeoff_lang::vocab::Feature;

use super::facts::Staleness;
use crate::catalog::model::{Catalog, Framework};
use crate::evaluation::{Eliminated, EliminationReason, Warning};

pub(crate) struct Filtered<'a> {
    /// In framework-id order.
    pub survivors: Vec<&'a Framework>,
    /// In framework-id order.
    pub eliminated: Vec<Eliminated>,
    pub warnings: Vec<Warning>,
}

pub(crate) fn apply<'a>(constraints: &Constraints, catalog: &'a Catalog, staleness: &Staleness) -> Filtered<'a> {
    let candidates: Option<BTreeSet<&str>> = constraints
        .candidates
        .as_ref()
        .map(|ids| ids.iter().map(String::as_str).collect());
    let mut survivors = Vec::new();
    let mut eliminated = Vec::new();
    for framework in catalog.frameworks.values() {
        // `candidates` narrows what is considered at all; the rest are not "eliminated", they
        // were never in the running, so listing them would bury the real eliminations.
        if candidates
            .as_ref()
            .is_some_and(|ids| !ids.contains(framework.id.as_str()))
        {
            continue;
        }
        let reasons = reasons(constraints, framework, staleness);
        if reasons.is_empty() {
            survivors.push(framework);
        } else {
            eliminated.push(Eliminated {
                framework: framework.id.clone(),
                name: framework.name.clone(),
                reasons,
            });
        }
    }
    Filtered {
        survivors,
        eliminated,
        warnings: unknown_ids(constraints, catalog),
    }
}

fn reasons(constraints: &Constraints, framework: &Framework, staleness: &Staleness) -> Vec<EliminationReason> {
    let mut reasons = Vec::new();
    let id = framework.id.as_str();
    let name = framework.name.as_str();
    let language = framework.language.value;
    let language_fact = || Some(staleness.cite(id, "language", language.name().to_string(), &framework.language));

    if let Some(allowed) = &constraints.languages_allowed {
        if !allowed.contains(&language) {
            reasons.push(EliminationReason {
                constraint: format!("language in [{}]", join(allowed.iter().map(|l| l.name()))),
                message: format!("{name} is written in {language}, which is not an allowed language"),
                fact: language_fact(),
            });
        }
    }
    if constraints.languages_forbidden.contains(&language) {
        reasons.push(EliminationReason {
            constraint: format!(
                "language not in [{}]",
                join(constraints.languages_forbidden.iter().map(|l| l.name()))
            ),
            message: format!("{name} is written in {language}, which the spec forbids"),
            fact: language_fact(),
        });
    }
    if let Some(classes) = &constraints.license_classes {
        let class = framework.license_class.value;
        if !classes.contains(&class) {
            reasons.push(EliminationReason {
                constraint: format!("license in [{}]", join(classes.iter().map(|c| c.name()))),
                message: format!(
                    "{name} is licensed {} ({class}), which is not an allowed license class",
                    framework.license.value
                ),
                fact: Some(staleness.cite(id, "license_class", class.name().to_string(), &framework.license_class)),
            });
        }
    }
    for feature in &constraints.required_features {
        if let Some(reason) = missing_feature(*feature, framework, staleness) {
            reasons.push(reason);
        }
    }
    for exclusion in constraints.exclusions.iter().filter(|e| e.framework == framework.id) {
        reasons.push(EliminationReason {
            constraint: format!("exclude {}", exclusion.framework),
            message: format!("excluded by the team: {}", exclusion.reason),
            fact: None,
        });
    }
    reasons
}

/// A required feature eliminates when the catalog says it is absent *or* does not know: a
/// requirement is a promise the framework must be shown to keep. The message tells the two
/// apart, because "unknown" is fixed by a catalog entry and "absent" is not.
fn missing_feature(feature: Feature, framework: &Framework, staleness: &Staleness) -> Option<EliminationReason> {
    let constraint = format!("feature {feature}");
    match framework.features.get(&feature) {
        Some(fact) if fact.value => None,
        Some(fact) => Some(EliminationReason {
            constraint,
            message: format!("requires {feature}; it is not built in to {}", framework.name),
            fact: Some(staleness.cite(&framework.id, &format!("features.{feature}"), "false".into(), fact)),
        }),
        None => Some(EliminationReason {
            constraint,
            message: format!(
                "requires {feature}; whether {} has it built in is unknown in the catalog",
                framework.name
            ),
            fact: None,
        }),
    }
}

/// Ids named by the plan but absent from the catalog: the plan compiler resolves names, so
/// this only happens when a catalog changed underneath a plan; say so instead of ignoring it.
fn unknown_ids(constraints: &Constraints, catalog: &Catalog) -> Vec<Warning> {
    let named = constraints
        .candidates
        .iter()
        .flatten()
        .chain(constraints.exclusions.iter().map(|e| &e.framework));
    let unknown: BTreeSet<&str> = named
        .map(String::as_str)
        .filter(|id| !catalog.frameworks.contains_key(*id))
        .collect();
    if unknown.is_empty() {
        return Vec::new();
    }
    vec![Warning {
        code: "unknown-framework".into(),
        message: format!(
            "the plan names frameworks the catalog does not have: {}",
            join(unknown.into_iter())
        ),
    }]
}

fn join<'s>(items: impl Iterator<Item = &'s str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use tradeoff_lang::plan::Exclusion;
    use tradeoff_lang::vocab::{Language, LicenseClass};

    use super::*;
    use crate::scoring::testing::{catalog, fact, framework};

    fn run(constraints: &Constraints, catalog: &Catalog) -> (Vec<String>, Vec<Eliminated>, Vec<Warning>) {
        let filtered = apply(constraints, catalog, &Staleness::new(None, 18));
        let ids = filtered.survivors.iter().map(|f| f.id.clone()).collect();
        (ids, filtered.eliminated, filtered.warnings)
    }

    #[test]
    fn no_constraints_keep_everything() {
        let cat = catalog(vec![framework("a", Language::Rust), framework("b", Language::Go)]);
        let (ids, eliminated, warnings) = run(&Constraints::default(), &cat);
        assert_eq!(ids, ["a", "b"]);
        assert!(eliminated.is_empty());
        assert!(warnings.is_empty());
    }

    #[test]
    fn every_failed_constraint_is_listed() {
        let mut flask = framework("flask", Language::Python);
        flask.license_class = fact(LicenseClass::Copyleft);
        flask.features.insert(Feature::Websockets, fact(false));
        let cat = catalog(vec![flask]);
        let constraints = Constraints {
            languages_allowed: Some(BTreeSet::from([Language::Go])),
            languages_forbidden: BTreeSet::from([Language::Python]),
            license_classes: Some(BTreeSet::from([LicenseClass::Permissive])),
            required_features: BTreeSet::from([Feature::Websockets, Feature::Openapi]),
            exclusions: vec![Exclusion {
                framework: "flask".into(),
                reason: "we tried it".into(),
            }],
            candidates: None,
        };
        let (ids, eliminated, _) = run(&constraints, &cat);
        assert!(ids.is_empty());
        let constraints: Vec<&str> = eliminated[0].reasons.iter().map(|r| r.constraint.as_str()).collect();
        assert_eq!(
            constraints,
            [
                "language in [go]",
                "language not in [python]",
                "license in [permissive]",
                "feature websockets",
                "feature openapi",
                "exclude flask"
            ]
        );
        let messages: Vec<&str> = eliminated[0].reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(messages[3].contains("not built in"), "{}", messages[3]);
        assert!(eliminated[0].reasons[3].fact.is_some());
        assert!(messages[4].contains("unknown in the catalog"), "{}", messages[4]);
        assert!(eliminated[0].reasons[4].fact.is_none());
        assert_eq!(messages[5], "excluded by the team: we tried it");
    }

    #[test]
    fn a_built_in_required_feature_passes() {
        let mut axum = framework("axum", Language::Rust);
        axum.features.insert(Feature::Websockets, fact(true));
        let constraints = Constraints {
            required_features: BTreeSet::from([Feature::Websockets]),
            ..Constraints::default()
        };
        let (ids, _, _) = run(&constraints, &catalog(vec![axum]));
        assert_eq!(ids, ["axum"]);
    }

    #[test]
    fn candidates_narrow_without_eliminating_and_unknown_ids_warn() {
        let cat = catalog(vec![framework("a", Language::Rust), framework("b", Language::Go)]);
        let constraints = Constraints {
            candidates: Some(vec!["b".into(), "zz".into()]),
            exclusions: vec![Exclusion {
                framework: "yy".into(),
                reason: "r".into(),
            }],
            ..Constraints::default()
        };
        let (ids, eliminated, warnings) = run(&constraints, &cat);
        assert_eq!(ids, ["b"]);
        assert!(eliminated.is_empty());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "unknown-framework");
        assert!(warnings[0].message.ends_with("yy, zz"), "{}", warnings[0].message);
    }
}
