//! The evidence list: every fact a record cites, with its source and date, grouped by
//! framework; plus the facts that were wanted but missing, and those that are stale.

use serde::Serialize;
use tradeoff_core::evaluation::{Evaluation, FactRef, ScoredOption};

use super::options::SourceRef;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EvidenceFact {
    pub key: String,
    pub value: String,
    pub source: SourceRef,
    /// The catalog's qualification of the value, shown next to it.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceGroup {
    pub framework: String,
    pub name: String,
    pub facts: Vec<EvidenceFact>,
}

fn evidence(fact: &FactRef) -> EvidenceFact {
    EvidenceFact {
        key: fact.key.clone(),
        value: fact.value.clone(),
        source: SourceRef {
            source: fact.source.clone(),
            as_of: fact.as_of.clone(),
            stale: fact.stale,
        },
        note: fact.note.as_ref().map(|n| n.trim().to_owned()),
    }
}

/// The facts one survivor's scores cite, sorted by key and deduplicated.
pub fn facts_of(option: &ScoredOption) -> Vec<EvidenceFact> {
    let mut facts: Vec<EvidenceFact> = option
        .cells
        .values()
        .flat_map(|c| c.facts.iter())
        .map(evidence)
        .collect();
    facts.sort();
    facts.dedup();
    facts
}

/// [`groups`] without the frameworks in `shown` (their facts are listed with them), by name:
/// a rank swap after a weight change must not move whole blocks of facts.
pub fn groups_except(evaluation: &Evaluation, shown: &[String]) -> Vec<EvidenceGroup> {
    let mut out: Vec<EvidenceGroup> = groups(evaluation)
        .into_iter()
        .filter(|g| !shown.contains(&g.framework))
        .collect();
    out.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.name.cmp(&b.name))
    });
    out
}

/// Facts per framework: survivors in rank order, then eliminated frameworks; within a group
/// sorted by key and deduplicated (several criteria cite the same fact).
pub fn groups(evaluation: &Evaluation) -> Vec<EvidenceGroup> {
    let survivors = evaluation.options.iter().map(|o| {
        let facts: Vec<&FactRef> = o.cells.values().flat_map(|c| c.facts.iter()).collect();
        (o.framework.clone(), o.name.clone(), facts)
    });
    let eliminated = evaluation.eliminated.iter().map(|e| {
        let facts: Vec<&FactRef> = e.reasons.iter().filter_map(|r| r.fact.as_ref()).collect();
        (e.framework.clone(), e.name.clone(), facts)
    });
    survivors
        .chain(eliminated)
        .filter_map(|(framework, name, facts)| {
            let mut facts: Vec<EvidenceFact> = facts.into_iter().map(evidence).collect();
            facts.sort();
            facts.dedup();
            (!facts.is_empty()).then_some(EvidenceGroup { framework, name, facts })
        })
        .collect()
}

/// "FastAPI: throughput.fortune" for each fact a criterion wanted but the catalog lacks, by
/// framework name (not rank, so a weight change does not reorder the list).
pub fn missing(evaluation: &Evaluation) -> Vec<String> {
    let mut options: Vec<&tradeoff_core::evaluation::ScoredOption> = evaluation.options.iter().collect();
    options.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.name.cmp(&b.name))
    });
    let mut out = Vec::new();
    for option in options {
        let mut keys: Vec<&String> = option.cells.values().flat_map(|c| c.missing.iter()).collect();
        keys.sort();
        keys.dedup();
        out.extend(keys.into_iter().map(|k| format!("{}: {k}", option.name)));
    }
    out
}

/// "Quarkus: github_stars = 14,000 (as of 2024-01-10)" for each stale fact cited.
pub fn stale_facts(evaluation: &Evaluation) -> Vec<String> {
    groups(evaluation)
        .into_iter()
        .flat_map(|group| {
            group
                .facts
                .into_iter()
                .filter(|f| f.source.stale)
                .map(move |f| format!("{}: {} = {} (as of {})", group.name, f.key, f.value, f.source.as_of))
        })
        .collect()
}
