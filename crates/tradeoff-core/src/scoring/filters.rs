//! Hard constraints: every framework failing one is eliminated with all of its reasons, so a
//! record can say "ruled out for X and Y" instead of hiding the second reason behind the first.

use std::collections::BTreeSet;

use tradeoff_lang::plan::Constraints;
use tradeoff_lang::vocab::{Acceptance, Feature, Tier, UnknownFeatures};

use super::facts::Staleness;
use crate::catalog::model::{Catalog, Framework};
use crate::evaluation::{Eliminated, EliminationReason, RequirementCheck, Warning};

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
    let mut warnings = unknown_ids(constraints, catalog);
    warnings.extend(unverified(constraints, &survivors));
    warnings.extend(looser_tiers(constraints, catalog, &eliminated));
    Filtered {
        survivors,
        eliminated,
        warnings,
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
    for (feature, acceptance) in &constraints.required_features {
        if let Some(reason) = missing_feature(
            *feature,
            *acceptance,
            constraints.unknown_features,
            framework,
            staleness,
        ) {
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

/// A required feature eliminates when the catalog records a tier the spec does not accept
/// (including `none`). When the catalog does not record the feature, the framework stays and
/// the requirement is listed as unverified for it, unless the spec says `unknown-features
/// eliminate`: not knowing is not lacking, and eliminating on a gap in the catalog would decide
/// on missing evidence.
fn missing_feature(
    feature: Feature,
    acceptance: Acceptance,
    unknown: UnknownFeatures,
    framework: &Framework,
    staleness: &Staleness,
) -> Option<EliminationReason> {
    let constraint = match acceptance {
        Acceptance::Standard => format!("feature {feature}"),
        other => format!("feature {feature} {other}"),
    };
    match framework.features.get(&feature) {
        Some(fact) if acceptance.accepts(fact.tier) => None,
        Some(fact) => {
            let how = match (fact.tier, &fact.package) {
                (Tier::None, _) => "does not provide it".to_string(),
                (tier, Some(package)) => format!("provides it only as {tier} ({package})"),
                (tier, None) => format!("provides it only as {tier}"),
            };
            Some(EliminationReason {
                constraint,
                message: format!("requires {feature} ({}); {} {how}", acceptance.accepted(), framework.name),
                fact: Some(staleness.cite_feature(&framework.id, feature, fact)),
            })
        }
        None if unknown == UnknownFeatures::Eliminate => Some(EliminationReason {
            constraint,
            message: format!(
                "requires {feature}; whether {} provides it is unknown in the catalog, and the spec eliminates on unknown features",
                framework.name
            ),
            fact: None,
        }),
        None => None,
    }
}

/// How a survivor meets each `feature` requirement: the tier cited, or unverified.
pub(crate) fn requirement_checks(
    constraints: &Constraints,
    framework: &Framework,
    staleness: &Staleness,
) -> Vec<RequirementCheck> {
    constraints
        .required_features
        .iter()
        .map(|(feature, acceptance)| {
            let fact = framework.features.get(feature);
            RequirementCheck {
                feature: *feature,
                accepted: *acceptance,
                tier: fact.map(|f| f.tier),
                package: fact.and_then(|f| f.package.clone()),
                fact: fact.map(|f| staleness.cite_feature(&framework.id, *feature, f)),
            }
        })
        .collect()
}

/// For each requirement narrower than `any`: the frameworks it alone rules out although they
/// provide the feature at a tier a looser requirement accepts. A reviewer sees what the
/// requirement costs and the one word that would keep them.
fn looser_tiers(constraints: &Constraints, catalog: &Catalog, eliminated: &[Eliminated]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for (feature, acceptance) in &constraints.required_features {
        let looser = match acceptance {
            Acceptance::Builtin => Acceptance::Standard,
            Acceptance::Standard => Acceptance::Any,
            Acceptance::Any => continue,
        };
        let kept: Vec<String> = eliminated
            .iter()
            .filter(|gone| {
                gone.reasons.len() == 1 && gone.reasons[0].constraint.starts_with(&format!("feature {feature}"))
            })
            .filter_map(|gone| {
                let fact = catalog.frameworks.get(&gone.framework)?.features.get(feature)?;
                looser.accepts(fact.tier).then(|| match &fact.package {
                    Some(package) => format!("{} ({}, {package})", gone.name, fact.tier),
                    None => format!("{} ({})", gone.name, fact.tier),
                })
            })
            .collect();
        if kept.is_empty() {
            continue;
        }
        let written = match looser {
            Acceptance::Standard => format!("feature {feature}"),
            other => format!("feature {feature} {other}"),
        };
        warnings.push(Warning {
            code: "looser-tier-would-keep".into(),
            message: format!(
                "The `{feature}` requirement alone rules out {} framework(s) that provide it at a tier `{written}` accepts: {}.",
                kept.len(),
                kept.join("; ")
            ),
        });
    }
    warnings
}

/// Survivors kept although the catalog does not record a feature the spec requires.
fn unverified(constraints: &Constraints, survivors: &[&Framework]) -> Option<Warning> {
    let gaps: Vec<String> = survivors
        .iter()
        .filter_map(|framework| {
            let missing: Vec<&str> = constraints
                .required_features
                .keys()
                .filter(|feature| !framework.features.contains_key(feature))
                .map(|feature| feature.name())
                .collect();
            (!missing.is_empty()).then(|| format!("{} ({})", framework.name, missing.join(", ")))
        })
        .collect();
    (!gaps.is_empty()).then(|| Warning {
        code: "unverified-requirements".into(),
        message: format!(
            "The catalog does not record whether these frameworks provide a required feature: {}. They stay in the running with the requirement unverified; `unknown-features eliminate` in `require` removes them.",
            gaps.join("; ")
        ),
    })
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
    use std::collections::{BTreeMap, BTreeSet};

    use tradeoff_lang::plan::Exclusion;
    use tradeoff_lang::vocab::{Language, LicenseClass};

    use super::*;
    use crate::scoring::testing::{catalog, fact, feature, framework};
    use tradeoff_lang::vocab::Tier;

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
        flask.features.insert(Feature::Websockets, feature(Tier::None));
        let cat = catalog(vec![flask]);
        let constraints = Constraints {
            languages_allowed: Some(BTreeSet::from([Language::Go])),
            languages_forbidden: BTreeSet::from([Language::Python]),
            license_classes: Some(BTreeSet::from([LicenseClass::Permissive])),
            required_features: BTreeMap::from([
                (Feature::Websockets, Acceptance::Standard),
                (Feature::Openapi, Acceptance::Standard),
            ]),
            unknown_features: UnknownFeatures::Eliminate,
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
        assert!(messages[3].contains("does not provide it"), "{}", messages[3]);
        assert!(eliminated[0].reasons[3].fact.is_some());
        assert!(messages[4].contains("unknown in the catalog"), "{}", messages[4]);
        assert!(eliminated[0].reasons[4].fact.is_none());
        assert_eq!(messages[5], "excluded by the team: we tried it");
    }

    #[test]
    fn a_built_in_required_feature_passes() {
        let mut axum = framework("axum", Language::Rust);
        axum.features.insert(Feature::Websockets, feature(Tier::Builtin));
        let constraints = Constraints {
            required_features: BTreeMap::from([(Feature::Websockets, Acceptance::Builtin)]),
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

    fn tiered(id: &str, tier: Option<Tier>) -> Framework {
        let mut fw = framework(id, Language::Go);
        if let Some(tier) = tier {
            fw.features.insert(Feature::Openapi, feature(tier));
        }
        fw
    }

    #[test]
    fn each_acceptance_takes_its_tiers_and_unknowns_stay_unverified() {
        let cat = catalog(vec![
            tiered("a-builtin", Some(Tier::Builtin)),
            tiered("b-official", Some(Tier::Official)),
            tiered("c-companion", Some(Tier::Companion)),
            tiered("d-third", Some(Tier::ThirdParty)),
            tiered("e-paid", Some(Tier::Commercial)),
            tiered("f-none", Some(Tier::None)),
            tiered("g-unknown", None),
        ]);
        let survivors = |acceptance, unknown| {
            let constraints = Constraints {
                required_features: BTreeMap::from([(Feature::Openapi, acceptance)]),
                unknown_features: unknown,
                ..Constraints::default()
            };
            run(&constraints, &cat)
        };
        let (ids, _, warnings) = survivors(Acceptance::Builtin, UnknownFeatures::Keep);
        assert_eq!(ids, ["a-builtin", "g-unknown"]);
        assert_eq!(warnings[0].code, "unverified-requirements");
        assert!(
            warnings[0].message.contains("Fw-g-unknown (openapi)"),
            "{}",
            warnings[0].message
        );
        let (ids, _, _) = survivors(Acceptance::Standard, UnknownFeatures::Keep);
        assert_eq!(ids, ["a-builtin", "b-official", "c-companion", "g-unknown"]);
        let (ids, eliminated, warnings) = survivors(Acceptance::Any, UnknownFeatures::Eliminate);
        assert_eq!(ids, ["a-builtin", "b-official", "c-companion", "d-third", "e-paid"]);
        assert!(warnings.is_empty());
        let third: Vec<&str> = eliminated.iter().map(|e| e.framework.as_str()).collect();
        assert_eq!(third, ["f-none", "g-unknown"]);
        let (_, eliminated, _) = survivors(Acceptance::Standard, UnknownFeatures::Keep);
        let d = eliminated.iter().find(|e| e.framework == "d-third").unwrap();
        assert_eq!(d.reasons[0].constraint, "feature openapi");
        assert!(
            d.reasons[0].message.contains("only as third-party"),
            "{}",
            d.reasons[0].message
        );
    }

    #[test]
    fn a_requirement_that_alone_rules_out_a_library_says_which_word_keeps_it() {
        let mut spring = tiered("spring", Some(Tier::ThirdParty));
        spring.features.get_mut(&Feature::Openapi).unwrap().package = Some("springdoc-openapi".into());
        let cat = catalog(vec![
            spring,
            tiered("vertx", Some(Tier::None)),
            tiered("ktor", Some(Tier::Official)),
        ]);
        let constraints = Constraints {
            required_features: BTreeMap::from([(Feature::Openapi, Acceptance::Standard)]),
            ..Constraints::default()
        };
        let (ids, _, warnings) = run(&constraints, &cat);
        assert_eq!(ids, ["ktor"]);
        let hint = warnings.iter().find(|w| w.code == "looser-tier-would-keep").unwrap();
        assert!(hint.message.contains("`feature openapi any`"), "{}", hint.message);
        assert!(
            hint.message.contains("(third-party, springdoc-openapi)"),
            "{}",
            hint.message
        );
        // Vert.x records `none`: no looser requirement keeps it, so it is not offered.
        assert!(!hint.message.contains("vertx"), "{}", hint.message);
    }

    proptest::proptest! {
        /// Accepting more tiers for a requirement never removes a survivor.
        #[test]
        fn loosening_a_requirement_never_removes_a_survivor(
            tiers in proptest::collection::vec(proptest::option::of(0usize..6), 1..12),
            strict in 0usize..3,
            looser in 0usize..3,
            eliminate in proptest::bool::ANY,
        ) {
            let all = [Tier::Builtin, Tier::Official, Tier::Companion, Tier::ThirdParty, Tier::Commercial, Tier::None];
            let order = [Acceptance::Builtin, Acceptance::Standard, Acceptance::Any];
            let (from, to) = (strict.min(looser), strict.max(looser));
            let cat = catalog(
                tiers
                    .iter()
                    .enumerate()
                    .map(|(i, t)| tiered(&format!("fw{i:02}"), t.map(|t| all[t])))
                    .collect(),
            );
            let unknown = if eliminate { UnknownFeatures::Eliminate } else { UnknownFeatures::Keep };
            let with = |acceptance| {
                let constraints = Constraints {
                    required_features: BTreeMap::from([(Feature::Openapi, acceptance)]),
                    unknown_features: unknown,
                    ..Constraints::default()
                };
                run(&constraints, &cat).0
            };
            let (strict_ids, loose_ids) = (with(order[from]), with(order[to]));
            for id in &strict_ids {
                proptest::prop_assert!(loose_ids.contains(id), "{id} lost when loosening {:?} to {:?}", order[from], order[to]);
            }
        }
    }
}
