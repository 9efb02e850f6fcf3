//! The options half of a record: which survivors are discussed, their pros and cons derived
//! from score cells, what was eliminated and why, the outcome and its consequences.

use std::collections::BTreeMap;

use serde::Serialize;
use tradeoff_core::evaluation::{Aggregation, Evaluation, FactRef, ScoreCell, ScoredOption};
use tradeoff_lang::vocab::Criterion;
use tradeoff_lang::Plan;

use crate::format;

/// A cell scoring at least this is a reason for the option.
pub const PRO_AT: f64 = 0.7;
/// A cell scoring at most this is a reason against it.
pub const CON_AT: f64 = 0.35;

/// Where a claim comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SourceRef {
    pub source: String,
    pub as_of: String,
    pub stale: bool,
}

/// One "Good, because …" or "Bad, because …" line with its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Argument {
    pub text: String,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsideredOption {
    /// 1-based rank under the primary method.
    pub rank: usize,
    pub framework: String,
    pub name: String,
    pub language: String,
    /// Primary-method total, "0.742" or "unknown".
    pub total: String,
    /// "weighted sum 0.742 (#1)" per method run.
    pub totals: Vec<String>,
    /// "83%"
    pub confidence: String,
    pub good: Vec<Argument>,
    pub bad: Vec<Argument>,
    /// How it meets each `feature` requirement: the tier and package, with the page; or
    /// unverified.
    pub requirements: Vec<Argument>,
    /// Every fact its scores cite, sorted by key.
    pub facts: Vec<super::EvidenceFact>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EliminatedOption {
    pub framework: String,
    pub name: String,
    /// Full sentences, one per failed constraint.
    pub reasons: Vec<String>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub winner: String,
    pub winner_name: String,
    /// Completes "Chosen option: X, because …".
    pub because: String,
    /// The strongest contributions, from the evaluation.
    pub reasons: Vec<String>,
    /// Set when the methods disagree on the winner or the top order.
    pub disagreement: Option<String>,
}

fn primary(evaluation: &Evaluation) -> Option<Aggregation> {
    evaluation.methods.first().copied()
}

fn source_of(fact: &FactRef) -> SourceRef {
    SourceRef {
        source: fact.source.clone(),
        as_of: fact.as_of.clone(),
        stale: fact.stale,
    }
}

/// Distinct sources of some facts, sorted so the output does not depend on fact order.
fn sources(facts: &[FactRef]) -> Vec<SourceRef> {
    let mut out: Vec<SourceRef> = facts.iter().map(source_of).collect();
    out.sort();
    out.dedup();
    out
}

/// Criteria by descending weight, so the weightiest arguments come first.
fn criteria_by_weight(evaluation: &Evaluation) -> Vec<Criterion> {
    let mut criteria = evaluation.criteria.clone();
    let weight = |c: &Criterion| evaluation.weights.values.get(c).copied().unwrap_or(0.0);
    criteria.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then(a.cmp(b)));
    criteria
}

fn score_text(criterion: Criterion, cell: &ScoreCell) -> String {
    format!(
        "{criterion} scores {}: {}",
        format::score(Some(cell.score)),
        cell.explanation.trim()
    )
}

fn missing_text(cell: &ScoreCell) -> String {
    format!(
        "the catalog has no {} (unknown, confidence {})",
        format::and_list(&cell.missing),
        format::percent(cell.confidence)
    )
}

/// Pros: cells scoring ≥ 0.7. Cons: cells scoring ≤ 0.35, or resting on missing facts.
pub fn pros_and_cons(evaluation: &Evaluation, option: &ScoredOption) -> (Vec<Argument>, Vec<Argument>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for criterion in criteria_by_weight(evaluation) {
        let Some(cell) = option.cells.get(&criterion) else {
            continue;
        };
        let cited = sources(&cell.facts);
        if cell.score >= PRO_AT {
            good.push(Argument {
                text: score_text(criterion, cell),
                sources: cited.clone(),
            });
        }
        let incomplete = !cell.missing.is_empty();
        if cell.score <= CON_AT {
            let mut text = score_text(criterion, cell);
            if incomplete {
                text = format!("{}; {}", text.trim_end_matches('.'), missing_text(cell));
            }
            bad.push(Argument { text, sources: cited });
        } else if incomplete {
            // A fair or good score that rests on unknown facts is a risk, not a weakness: say
            // what is unknown without calling the score itself bad.
            let text = format!(
                "{criterion} rests partly on unknown facts ({}); {}",
                missing_text(cell),
                score_text(criterion, cell)
            );
            bad.push(Argument { text, sources: cited });
        }
    }
    (good, bad)
}

fn totals(evaluation: &Evaluation, option: &ScoredOption) -> Vec<String> {
    evaluation
        .methods
        .iter()
        .map(|m| {
            let total = format::score(option.totals.get(m).copied());
            match option.ranks.get(m) {
                Some(rank) => format!("{} {total} (#{rank})", m.label()),
                None => format!("{} {total}", m.label()),
            }
        })
        .collect()
}

pub fn considered(plan: &Plan, evaluation: &Evaluation) -> Vec<ConsideredOption> {
    let primary = primary(evaluation);
    evaluation
        .options
        .iter()
        .take(plan.options)
        .enumerate()
        .map(|(i, option)| {
            let (good, bad) = pros_and_cons(evaluation, option);
            ConsideredOption {
                rank: i + 1,
                framework: option.framework.clone(),
                name: option.name.clone(),
                language: option.language.clone(),
                total: format::score(primary.and_then(|m| option.totals.get(&m).copied())),
                totals: totals(evaluation, option),
                confidence: format::percent(option.confidence),
                good,
                bad,
                requirements: requirements(option),
                facts: super::evidence::facts_of(option),
            }
        })
        .collect()
}

/// One line per `feature` requirement: "csrf: official (spring-boot-starter-security)", or
/// "csrf: unverified" when the catalog does not record it.
fn requirements(option: &ScoredOption) -> Vec<Argument> {
    option
        .requirements
        .iter()
        .map(|check| {
            let mut text = match (check.tier, &check.package) {
                (Some(tier), Some(package)) => format!("{}: {tier} ({package})", check.feature),
                (Some(tier), None) => format!("{}: {tier}", check.feature),
                (None, _) => format!(
                    "{}: unverified, the catalog does not record whether {} provides it",
                    check.feature, option.name
                ),
            };
            // The catalog's note is where the requirement's caveats live ("Nova is paid").
            if let Some(note) = check.fact.as_ref().and_then(|f| f.note.as_deref()) {
                text.push_str(" — ");
                text.push_str(note.trim());
            }
            let sources = check
                .fact
                .iter()
                .map(|fact| SourceRef {
                    source: fact.source.clone(),
                    as_of: fact.as_of.clone(),
                    stale: fact.stale,
                })
                .collect();
            Argument { text, sources }
        })
        .collect()
}

/// "Name (total)" in rank order: the whole ranking on one line, so a weight change that moves
/// every total rewrites one line here.
pub fn others(plan: &Plan, evaluation: &Evaluation) -> Vec<String> {
    let primary = primary(evaluation);
    evaluation
        .options
        .iter()
        .skip(plan.options)
        .map(|o| {
            format!(
                "{} ({})",
                o.name,
                format::score(primary.and_then(|m| o.totals.get(&m).copied()))
            )
        })
        .collect()
}

pub fn eliminated(evaluation: &Evaluation) -> Vec<EliminatedOption> {
    evaluation
        .eliminated
        .iter()
        .map(|e| {
            let facts: Vec<FactRef> = e.reasons.iter().filter_map(|r| r.fact.clone()).collect();
            EliminatedOption {
                framework: e.framework.clone(),
                name: e.name.clone(),
                reasons: e.reasons.iter().map(|r| r.message.clone()).collect(),
                sources: sources(&facts),
            }
        })
        .collect()
}

/// One line grouping eliminated frameworks by the constraint that removed them.
pub fn eliminated_summary(evaluation: &Evaluation) -> Option<String> {
    if evaluation.eliminated.is_empty() {
        return None;
    }
    let mut by_constraint: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for eliminated in &evaluation.eliminated {
        for reason in &eliminated.reasons {
            let names = by_constraint.entry(reason.constraint.as_str()).or_default();
            if !names.contains(&eliminated.name) {
                names.push(eliminated.name.clone());
            }
        }
    }
    let groups: Vec<String> = by_constraint
        .into_iter()
        .map(|(constraint, mut names)| {
            names.sort();
            format!("{constraint}: {}", format::and_list(&names))
        })
        .collect();
    let count = evaluation.eliminated.len();
    let noun = if count == 1 { "framework was" } else { "frameworks were" };
    Some(format!(
        "{count} {noun} eliminated by hard constraints ({}).",
        groups.join("; ")
    ))
}

/// The outcome; `because` completes "Chosen option: X, because …" (the summary's reason).
pub fn outcome(evaluation: &Evaluation, because: String) -> Option<Outcome> {
    let winner = evaluation.winner()?;
    Some(Outcome {
        winner: winner.framework.clone(),
        winner_name: winner.name.clone(),
        because,
        reasons: winner.top_reasons.clone(),
        disagreement: disagreement(evaluation),
    })
}

fn name_of(evaluation: &Evaluation, framework: &str) -> String {
    evaluation
        .options
        .iter()
        .find(|o| o.framework == framework)
        .map_or_else(|| framework.to_owned(), |o| o.name.clone())
}

fn disagreement(evaluation: &Evaluation) -> Option<String> {
    if !evaluation.rank_disagreement {
        return None;
    }
    let firsts: Vec<String> = evaluation
        .methods
        .iter()
        .filter_map(|m| {
            let top: Vec<String> = evaluation
                .rankings
                .get(m)?
                .iter()
                .take(3)
                .map(|id| name_of(evaluation, id))
                .collect();
            Some(format!("{} ranks {}", m.label(), top.join(" > ")))
        })
        .collect();
    Some(format!(
        "The methods disagree on the top of the ranking ({}); the primary method decides.",
        firsts.join("; ")
    ))
}

/// One consequence of choosing the winner: one line per weighted criterion, never two.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consequence {
    /// "Good", "Neutral" or "Bad", as MADR spells them.
    pub kind: String,
    /// Completes "Good, because …".
    pub text: String,
}

/// What follows from choosing the winner, criterion by criterion (in the spec language's criterion
/// order, so a weight change moves no line): good when it scores at least [`PRO_AT`], bad at most
/// [`CON_AT`], neutral between, and saying when the score rests on unknown facts. The comparison
/// with the runner-up is the summary's; repeating it here would rewrite every line whenever the
/// runner-up changes.
pub fn consequences(evaluation: &Evaluation) -> Vec<Consequence> {
    let Some(winner) = evaluation.winner() else {
        return Vec::new();
    };
    evaluation
        .criteria
        .iter()
        .copied()
        .filter(|c| evaluation.weights.values.get(c).is_some_and(|w| *w > 0.0))
        .filter_map(|criterion| {
            let cell = winner.cells.get(&criterion)?;
            let (kind, quality) = if cell.score >= PRO_AT {
                ("Good", "strong")
            } else if cell.score <= CON_AT {
                ("Bad", "weak")
            } else {
                ("Neutral", "middling")
            };
            let unknown = if cell.missing.is_empty() {
                String::new()
            } else {
                format!(
                    " and partly unknown ({} of its inputs known)",
                    format::percent(cell.confidence)
                )
            };
            Some(Consequence {
                kind: kind.to_owned(),
                text: format!(
                    "{criterion} is {quality}{unknown} with {} ({})",
                    winner.name,
                    format::weight(cell.score)
                ),
            })
        })
        .collect()
}
