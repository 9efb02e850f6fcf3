//! The decision at a glance: what a reviewer reads first, directly under the title. The chosen
//! option with one sentence of why, the runner-up and the margin, and the top risk.
//!
//! The reason compares the winner with the runner-up criterion by criterion (weight × score
//! difference), so it names what actually separated them rather than what the winner is good at.

use serde::Serialize;
use tradeoff_core::evaluation::{Aggregation, Evaluation, ScoredOption};
use tradeoff_lang::vocab::{Criterion, Tier};

use crate::format;

/// The decision in four lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The winner's display name.
    pub chosen: String,
    /// One sentence, complete with its full stop.
    pub reason: String,
    /// "ASP.NET Core, 0.015 behind (weighted sum 0.901 vs 0.886)"; `None` when only one
    /// option survived.
    pub runner_up: Option<String>,
    /// The most important thing a reviewer should check before accepting, as a sentence.
    pub top_risk: String,
}

fn primary(evaluation: &Evaluation) -> Option<Aggregation> {
    evaluation.methods.first().copied()
}

fn weight(evaluation: &Evaluation, criterion: Criterion) -> f64 {
    evaluation.weights.values.get(&criterion).copied().unwrap_or(0.0)
}

fn cell_score(option: &ScoredOption, criterion: Criterion) -> Option<f64> {
    option.cells.get(&criterion).map(|c| c.score)
}

/// Two decimals: cell scores are shown at three in the table; here they only need to compare.
fn short(value: Option<f64>) -> String {
    format::weight_or_unknown(value)
}

/// "security (1.00 vs 0.80)".
fn versus(criterion: Criterion, winner: &ScoredOption, other: &ScoredOption) -> String {
    format!(
        "{criterion} ({} vs {})",
        short(cell_score(winner, criterion)),
        short(cell_score(other, criterion))
    )
}

/// "Django beats ASP.NET Core on productivity (1.00 vs 0.73) and community (0.88 vs 0.80),
/// which outweighs its lower performance (0.11 vs 0.52)."
fn reason(evaluation: &Evaluation, winner: &ScoredOption, runner_up: Option<&ScoredOption>) -> String {
    let Some(other) = runner_up else {
        return format!("{} is the only option that survived the hard constraints.", winner.name);
    };
    let mut gains: Vec<(Criterion, f64)> = evaluation
        .criteria
        .iter()
        .filter_map(|&c| {
            let (a, b) = (cell_score(winner, c)?, cell_score(other, c)?);
            // A gap the two-decimal figures cannot show ("0.12 vs 0.12") is no reason.
            ((a - b).abs() >= 0.005).then(|| (c, weight(evaluation, c) * (a - b)))
        })
        .filter(|(_, gain)| gain.abs() > 1e-9)
        .collect();
    gains.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
    let ahead: Vec<String> = gains
        .iter()
        .filter(|(_, g)| *g > 0.0)
        .take(2)
        .map(|(c, _)| versus(*c, winner, other))
        .collect();
    let behind = gains
        .iter()
        .find(|(_, g)| *g < 0.0)
        .map(|(c, _)| versus(*c, winner, other));
    match (ahead.is_empty(), behind) {
        (true, _) => format!(
            "{} and {} score the same on every weighted criterion; the ranking method breaks the tie.",
            winner.name, other.name
        ),
        (false, None) => format!(
            "{} beats {} on {} and is behind on no criterion.",
            winner.name,
            other.name,
            format::and_list(&ahead)
        ),
        (false, Some(behind)) => format!(
            "{} beats {} on {}, which outweighs its lower {behind}.",
            winner.name,
            other.name,
            format::and_list(&ahead)
        ),
    }
}

fn runner_up_line(evaluation: &Evaluation, winner: &ScoredOption, other: &ScoredOption) -> String {
    let Some(method) = primary(evaluation) else {
        return other.name.clone();
    };
    match (winner.totals.get(&method), other.totals.get(&method)) {
        (Some(a), Some(b)) => format!(
            "{}, {} behind ({} {} vs {})",
            other.name,
            format::score(Some(a - b)),
            method.label(),
            format::score(Some(*a)),
            format::score(Some(*b))
        ),
        _ => format!("{}, behind by an unknown margin", other.name),
    }
}

/// Criteria by descending weight (ties in canonical order).
fn by_weight(evaluation: &Evaluation) -> Vec<Criterion> {
    let mut criteria = evaluation.criteria.clone();
    criteria.sort_by(|a, b| weight(evaluation, *b).total_cmp(&weight(evaluation, *a)).then(a.cmp(b)));
    criteria
}

/// The first risk found, in this order: a required feature the catalog cannot confirm for the
/// winner; the heaviest criterion whose score rests on unknown facts; stale facts; a required
/// feature met only outside the framework's core, with the catalog's note on it.
fn top_risk(evaluation: &Evaluation, winner: &ScoredOption, considered: &[&ScoredOption]) -> String {
    let unverified: Vec<String> = winner
        .requirements
        .iter()
        .filter(|r| r.tier.is_none())
        .map(|r| r.feature.to_string())
        .collect();
    if !unverified.is_empty() {
        return format!(
            "the catalog does not record whether {} provides {}, a hard requirement: check it by hand.",
            winner.name,
            format::and_list(&unverified)
        );
    }
    for criterion in by_weight(evaluation) {
        let Some(cell) = winner.cells.get(&criterion) else {
            continue;
        };
        if cell.missing.is_empty() || weight(evaluation, criterion) <= 0.0 {
            continue;
        }
        let lacking: Vec<&ScoredOption> = considered
            .iter()
            .copied()
            .filter(|o| o.cells.get(&criterion).is_some_and(|c| !c.missing.is_empty()))
            .collect();
        let who = if lacking.len() == considered.len() && considered.len() > 1 {
            format!("all {} options considered", considered.len())
        } else {
            format::and_list(&lacking.iter().map(|o| o.name.clone()).collect::<Vec<_>>())
        };
        return format!(
            "{criterion} is partly unknown for {who}: for {} the catalog has no {}, so that score rests on {} of its \
             inputs.",
            winner.name,
            format::and_list(&cell.missing),
            format::percent(cell.confidence)
        );
    }
    let mut stale: Vec<String> = winner
        .cells
        .values()
        .flat_map(|c| c.facts.iter())
        .filter(|f| f.stale)
        .map(|f| format!("{} (as of {})", f.key, f.as_of))
        .collect();
    stale.sort();
    stale.dedup();
    if !stale.is_empty() {
        return format!(
            "{} of the facts behind {}'s scores are stale: {}.",
            stale.len(),
            winner.name,
            format::and_list(&stale)
        );
    }
    let noted = winner.requirements.iter().find_map(|r| {
        let tier = r.tier?;
        let note = r.fact.as_ref()?.note.as_ref()?;
        (tier != Tier::Builtin).then(|| format!("{}: {tier}, {}", r.feature, note.trim()))
    });
    if let Some(noted) = noted {
        return format!("{} meets a requirement outside its core ({noted}).", winner.name);
    }
    format!(
        "none found: every fact behind {}'s scores is in the catalog and current.",
        winner.name
    )
}

/// `None` when nothing survived the hard constraints.
pub fn summary(evaluation: &Evaluation, considered: usize) -> Option<Summary> {
    let winner = evaluation.winner()?;
    let runner_up = evaluation.options.get(1);
    let shown: Vec<&ScoredOption> = evaluation.options.iter().take(considered.max(1)).collect();
    Some(Summary {
        chosen: winner.name.clone(),
        reason: reason(evaluation, winner, runner_up),
        runner_up: runner_up.map(|other| runner_up_line(evaluation, winner, other)),
        top_risk: top_risk(evaluation, winner, &shown),
    })
}
