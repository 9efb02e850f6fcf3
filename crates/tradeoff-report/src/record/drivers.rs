//! The "why" half of a record: the situation, the weighted criteria and the hard constraints,
//! in the words a reviewer would use rather than the spec's keywords.

use serde::Serialize;
use tradeoff_core::Evaluation;
use tradeoff_lang::plan::Weighting;
use tradeoff_lang::vocab::{Acceptance, Criterion, SkillLevel, Style, UnknownFeatures};
use tradeoff_lang::Plan;

use crate::format::{self, UNKNOWN};

/// One weighted criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    pub criterion: String,
    /// "20%"
    pub weight_percent: String,
    /// "0.20"
    pub weight: String,
    /// What the criterion measures, in plain words.
    pub description: String,
}

/// What each criterion rewards; mirrors the scoring rules in tradeoff-core so the record can
/// say why a weight matters without the reader knowing the engine.
pub fn describe(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Performance => "request throughput on the benchmark closest to the workload",
        Criterion::Concurrency => "how the framework handles many simultaneous requests and connections",
        Criterion::Productivity => "how much the framework ships built in (ORM, migrations, auth, validation, …)",
        Criterion::Community => "size and activity of the community around the framework",
        Criterion::Security => "built-in protections (CSRF, XSS escaping, auth), a security policy and LTS releases",
        Criterion::Scalability => "headroom to grow load on the same code base",
        Criterion::LearningCurve => "how quickly this team becomes effective with it",
        Criterion::TeamFit => "what the team already knows (the framework itself or its language)",
        Criterion::Hiring => "how easy it is to hire people who know the language",
        Criterion::Maturity => "age of the project and long-term support",
        Criterion::Flexibility => "freedom to choose and swap the parts of the stack",
        Criterion::ConventionFit => {
            "match between the framework's style and the preferred convention/configuration balance"
        }
    }
}

/// Weighted criteria, heaviest first (ties in canonical criterion order).
pub fn drivers(evaluation: &Evaluation) -> Vec<Driver> {
    let mut weighted: Vec<(Criterion, f64)> = evaluation
        .weights
        .values
        .iter()
        .filter(|(_, w)| **w > 0.0)
        .map(|(c, w)| (*c, *w))
        .collect();
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    weighted
        .into_iter()
        .map(|(criterion, weight)| Driver {
            criterion: criterion.name().to_owned(),
            weight_percent: format::percent(weight),
            weight: format::weight(weight),
            description: describe(criterion).to_owned(),
        })
        .collect()
}

/// Sentences about what is being built, under which load, by whom.
pub fn situation(plan: &Plan) -> Vec<String> {
    let app = &plan.app;
    let mut shape = vec![app.kind.name().to_owned()];
    if let Some(architecture) = app.architecture {
        shape.push(architecture.name().to_owned());
    }
    if let Some(horizon) = app.horizon {
        shape.push(horizon.name().to_owned());
    }
    let workload = if app.workload.is_empty() {
        "unspecified (treated as mixed)".to_owned()
    } else {
        format::and_list(&app.workload.iter().map(|w| w.name().to_owned()).collect::<Vec<_>>())
    };
    let mut out = vec![
        format!("Application: {}.", shape.join(", ")),
        format!(
            "Expected load: {} at peak; concurrent connections: {}.",
            format::rps(app.load.peak_rps),
            app.load
                .concurrent_connections
                .map_or_else(|| UNKNOWN.to_owned(), format::thousands)
        ),
        format!("Workload: {workload}."),
        format!(
            "Server push (realtime): {}.",
            if app.realtime { "needed" } else { "not needed" }
        ),
    ];
    let size = plan.team.size.map_or_else(|| UNKNOWN.to_owned(), |n| n.to_string());
    out.push(format!("Team size: {size}."));
    let skills = |entries: Vec<(String, SkillLevel)>| -> String {
        let listed: Vec<String> = entries
            .into_iter()
            .map(|(name, level)| format!("{name} ({level})"))
            .collect();
        format::and_list(&listed)
    };
    if !plan.team.languages.is_empty() {
        let langs = plan
            .team
            .languages
            .iter()
            .map(|(l, s)| (l.name().to_owned(), *s))
            .collect();
        out.push(format!("Languages the team knows: {}.", skills(langs)));
    }
    if !plan.team.frameworks.is_empty() {
        let fws = plan.team.frameworks.iter().map(|(f, s)| (f.clone(), *s)).collect();
        out.push(format!("Frameworks the team has used: {}.", skills(fws)));
    }
    out
}

/// Hard constraints, one sentence each, in a fixed order.
pub fn constraints(plan: &Plan) -> Vec<String> {
    let c = &plan.constraints;
    let mut out = Vec::new();
    if let Some(allowed) = &c.languages_allowed {
        let names: Vec<String> = allowed.iter().map(|l| l.name().to_owned()).collect();
        out.push(format!("Must be written in {}.", format::or_list(&names)));
    }
    if !c.languages_forbidden.is_empty() {
        let names: Vec<String> = c.languages_forbidden.iter().map(|l| l.name().to_owned()).collect();
        out.push(format!("Must not be written in {}.", format::or_list(&names)));
    }
    if let Some(classes) = &c.license_classes {
        let names: Vec<String> = classes.iter().map(|l| l.name().to_owned()).collect();
        out.push(format!("License must be {}.", format::or_list(&names)));
    }
    for &acceptance in Acceptance::ALL {
        let names: Vec<String> = c
            .required_features
            .iter()
            .filter(|(_, a)| **a == acceptance)
            .map(|(f, _)| f.name().to_owned())
            .collect();
        if !names.is_empty() {
            out.push(format!(
                "Must provide {}: {}.",
                format::and_list(&names),
                acceptance.accepted()
            ));
        }
    }
    if !c.required_features.is_empty() {
        out.push(match c.unknown_features {
            UnknownFeatures::Keep => {
                "A framework whose catalog entry does not record a required feature stays in, with the requirement unverified.".to_owned()
            }
            UnknownFeatures::Eliminate => {
                "A framework whose catalog entry does not record a required feature is eliminated.".to_owned()
            }
        });
    }
    for exclusion in &c.exclusions {
        out.push(format!(
            "Excluded by the team: {} ({}).",
            exclusion.framework, exclusion.reason
        ));
    }
    if let Some(candidates) = &c.candidates {
        out.push(format!(
            "Only these candidates are considered: {}.",
            format::and_list(candidates)
        ));
    }
    out
}

/// Soft preferences and how the weights were set: they shape the ranking but eliminate nothing.
pub fn preferences(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(style) = plan.prefer {
        let words = match style {
            Style::Convention => "convention over configuration",
            Style::Configuration => "configuration over convention",
            Style::Balanced => "a balance of convention and configuration",
        };
        out.push(format!("Preference: {words}."));
    }
    if let Weighting::Pairwise { judgments } = &plan.weighting {
        out.push(format!(
            "Weights derived from {} pairwise judgments (AHP).",
            judgments.len()
        ));
    }
    out
}
