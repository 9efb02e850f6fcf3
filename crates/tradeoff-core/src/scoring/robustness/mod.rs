//! How sure the decision is. Two analyses on the weighted sum:
//!
//! - intervals: with the weights as stated, can any value of the unknown facts change the
//!   winner? (the winner's worst total against every rival's best), and which single unknown
//!   would have to cross which threshold to do it;
//! - SMAA-2: with weights drawn from everything the spec's priorities allow and unknown cells
//!   drawn within their intervals, how often does each option win, come second, come third?
//!
//! The draws are seeded, so the same plan always gives the same figures. docs/scoring.md
//! explains both for reviewers.

mod intervals;
mod sampler;
mod smaa;

use std::collections::BTreeMap;

use tradeoff_lang::plan::Weighting;
use tradeoff_lang::vocab::Criterion;

use crate::assurance::{Acceptability, Assurance, Overturn, Smaa, Verdict, WeightSampling};
use sampler::WeightDraw;

/// Draws per analysis. Rank-1 acceptability near ½ then has a standard error of about 1.6
/// percentage points (less further from ½), and 30 options × 12 criteria with `weigh` levels
/// take about 1 ms (BENCHMARKS.md).
pub const SAMPLES: usize = 1_000;

/// Fixed so records are byte-identical; changing it changes the figures within sampling error.
pub const SEED: u64 = 0x7EAD_E0FF;

/// The winner must win in at least this share of draws to be called robust.
pub const ROBUST_ACCEPTABILITY: f64 = 0.9;

/// How many overturning statements are kept (smallest change first).
const MAX_OVERTURNS: usize = 5;

/// The decision matrix with its uncertainty, columns in the order of `criteria`.
pub struct Problem<'a> {
    pub ids: &'a [&'a str],
    pub names: &'a [&'a str],
    pub criteria: &'a [Criterion],
    pub weights: &'a [f64],
    /// Point scores, low ends and high ends of the cells, one row per option.
    pub points: &'a [Vec<f64>],
    pub lows: &'a [Vec<f64>],
    pub highs: &'a [Vec<f64>],
    /// Each option's position in id order: ties in total go to the lower one, as in the ranking.
    pub tie_order: Vec<usize>,
}

impl<'a> Problem<'a> {
    pub fn new(
        ids: &'a [&'a str],
        names: &'a [&'a str],
        criteria: &'a [Criterion],
        weights: &'a [f64],
        cells: [&'a [Vec<f64>]; 3],
    ) -> Problem<'a> {
        let mut by_id: Vec<usize> = (0..ids.len()).collect();
        by_id.sort_by(|&a, &b| ids[a].cmp(ids[b]));
        let mut tie_order = vec![0; ids.len()];
        for (position, &i) in by_id.iter().enumerate() {
            tie_order[i] = position;
        }
        let [points, lows, highs] = cells;
        Problem {
            ids,
            names,
            criteria,
            weights,
            points,
            lows,
            highs,
            tie_order,
        }
    }
}

/// The weight draw the plan's weighting implies: its priority order, or its judgments.
pub(crate) fn weight_draw(
    weighting: &Weighting,
    criteria: &[Criterion],
    weights: &[f64],
) -> (WeightDraw, WeightSampling) {
    match weighting {
        Weighting::Direct { .. } => (WeightDraw::ordinal(weights), WeightSampling::Ordinal),
        Weighting::Pairwise { judgments } => {
            let (compared, pairs) = super::weights::pair_judgments(judgments);
            let column_of = compared.iter().map(|c| criteria.iter().position(|x| x == c)).collect();
            let draw = WeightDraw::Pairwise {
                criteria: compared.len(),
                judgments: pairs,
                column_of,
                columns: criteria.len(),
            };
            (draw, WeightSampling::PairwisePerturbed)
        }
    }
}

/// The assurance of the weighted-sum winner from `samples` draws seeded with `seed`; none with
/// fewer than two options or no criterion.
pub fn assess(problem: &Problem<'_>, weighting: &Weighting, samples: usize, seed: u64) -> Option<Assurance> {
    let options = problem.points.len();
    if options < 2 || problem.weights.is_empty() {
        return None;
    }
    let totals: Vec<f64> = problem
        .points
        .iter()
        .map(|row| row.iter().zip(problem.weights).map(|(s, w)| s * w).sum())
        .collect();
    let winner = (0..options).max_by(|&a, &b| {
        totals[a]
            .total_cmp(&totals[b])
            .then(problem.tie_order[b].cmp(&problem.tie_order[a]))
    })?;

    let bounds = intervals::total_bounds(problem);
    let holds = (0..options)
        .filter(|&j| j != winner)
        .all(|j| bounds[winner].0 > bounds[j].1);
    let overturns: Vec<Overturn> = intervals::crossings(problem, &totals, winner)
        .into_iter()
        .take(MAX_OVERTURNS)
        .map(|c| overturn(problem, &c))
        .collect();

    let (draw, weight_sampling) = weight_draw(weighting, problem.criteria, problem.weights);
    let counts = smaa::run(problem, &draw, samples, seed, winner);
    let share = |n: usize| if samples == 0 { 0.0 } else { n as f64 / samples as f64 };
    let mut acceptability: Vec<(usize, Acceptability)> = (0..options)
        .map(|i| {
            let ranks = counts.ranks[i].iter().map(|&n| share(n)).collect();
            let entry = Acceptability {
                framework: problem.ids[i].to_string(),
                name: problem.names[i].to_string(),
                ranks,
            };
            (i, entry)
        })
        .collect();
    acceptability.sort_by(|(a, x), (b, y)| {
        y.ranks
            .partial_cmp(&x.ranks)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(problem.tie_order[*a].cmp(&problem.tie_order[*b]))
    });
    let wins = counts.ranks[winner].first().copied().unwrap_or(0);
    let central_weights: BTreeMap<Criterion, f64> = if wins == 0 {
        BTreeMap::new()
    } else {
        problem
            .criteria
            .iter()
            .zip(&counts.central_sum)
            .map(|(c, sum)| (*c, sum / wins as f64))
            .collect()
    };
    let acceptability: Vec<Acceptability> = acceptability.into_iter().map(|(_, a)| a).collect();
    let winner_share = share(wins);
    // One unknown fact that can overturn the winner at the stated weights decides the verdict:
    // learning it is a concrete next step. When only several unknowns at their extremes together
    // could overturn it (`holds` false, no single crossing), the acceptability decides, since
    // the draws cover such combinations in proportion to how plausible they are.
    let verdict = if !overturns.is_empty() {
        Verdict::DependsOnUnknowns
    } else if winner_share < ROBUST_ACCEPTABILITY {
        Verdict::DependsOnWeights
    } else {
        Verdict::Robust
    };
    let summary = summary(
        Standing {
            verdict,
            holds,
            winner: problem.names[winner],
            winner_id: problem.ids[winner],
            share: winner_share,
            samples,
        },
        &acceptability,
    );
    Some(Assurance {
        winner: problem.ids[winner].to_string(),
        verdict,
        summary,
        holds_whatever_unknowns: holds,
        overturns,
        smaa: Smaa {
            samples,
            seed,
            weight_sampling,
            acceptability,
            central_weights,
        },
    })
}

fn overturn(problem: &Problem<'_>, crossing: &intervals::Crossing) -> Overturn {
    let criterion = problem.criteria[crossing.column];
    let threshold = crossing.threshold;
    let direction = if crossing.below { "below" } else { "above" };
    Overturn {
        framework: problem.ids[crossing.option].to_string(),
        criterion,
        score: problem.points[crossing.option][crossing.column],
        threshold,
        below: crossing.below,
        rival: problem.ids[crossing.rival].to_string(),
        statement: format!(
            "if {}'s {criterion} score were {direction} {threshold:.2}, {} would win",
            problem.names[crossing.option], problem.names[crossing.rival]
        ),
    }
}

/// One decimal, so a challenger that wins 3 draws in 1,000 reads 0.3%, not 0%.
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// What the verdict sentence is about.
struct Standing<'a> {
    verdict: Verdict,
    holds: bool,
    winner: &'a str,
    winner_id: &'a str,
    share: f64,
    samples: usize,
}

/// The verdict in one sentence, naming the strongest challenger where there is one.
fn summary(standing: Standing<'_>, acceptability: &[Acceptability]) -> String {
    let Standing {
        verdict,
        holds,
        winner,
        winner_id,
        share,
        samples,
    } = standing;
    let challenger = acceptability
        .iter()
        .find(|a| a.framework != winner_id && a.first() > 0.0)
        .map(|a| format!("; {} wins in {}", a.name, percent(a.first())))
        .unwrap_or_default();
    let samples = crate::numbers::thousands(samples as u64);
    let unknowns = if holds {
        "no value of the unknown facts changes the winner at the stated weights"
    } else {
        "no single unknown fact changes the winner at the stated weights (only several at their extremes together could)"
    };
    let share = percent(share);
    match verdict {
        Verdict::Robust => format!(
            "Robust: {winner} wins in {share} of {samples} draws of plausible weights and unknown facts{challenger}, \
             and {unknowns}."
        ),
        Verdict::DependsOnWeights => format!(
            "Depends on weights: {unknowns}, but {winner} wins in only {share} of {samples} draws of plausible \
             weights{challenger}."
        ),
        Verdict::DependsOnUnknowns => format!(
            "Depends on unknown facts: at the stated weights one unknown fact could change the winner (see below); \
             {winner} wins in {share} of {samples} draws of plausible weights and unknown facts{challenger}."
        ),
    }
}

#[cfg(test)]
mod tests;
