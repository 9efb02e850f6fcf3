//! How sure a decision is, as plain data: the winner's worst case against every rival's best
//! case over the unknown facts, the acceptability indices of a stochastic multicriteria
//! acceptability analysis (SMAA-2) over uncertain weights and unknowns, the statements that
//! would overturn the winner, and a one-sentence verdict. Computed by
//! [`crate::scoring::robustness`]; the method is in docs/scoring.md.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tradeoff_lang::vocab::Criterion;

/// What the decision's winner depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The winner wins in nearly every sample of weights and unknowns.
    Robust,
    /// Other plausible weights overturn it (the unknown facts alone cannot).
    DependsOnWeights,
    /// Some value of the unknown facts overturns it.
    DependsOnUnknowns,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Robust => "robust",
            Verdict::DependsOnWeights => "depends on weights",
            Verdict::DependsOnUnknowns => "depends on unknown facts",
        }
    }
}

/// One statement that would overturn the winner: a single unknown cell's score crossing a
/// threshold inside its interval, every other cell at its point score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overturn {
    /// The framework whose unknown cell moves.
    pub framework: String,
    pub criterion: Criterion,
    /// The cell's point score today.
    pub score: f64,
    /// The score at which `rival` ties the winner.
    pub threshold: f64,
    /// True when the cell must fall below the threshold (it is the winner's), false when it must
    /// rise above it (it is a rival's).
    pub below: bool,
    /// The framework that would win instead.
    pub rival: String,
    /// The sentence a reviewer reads, e.g. "if FastAPI's performance score were below 0.31,
    /// Quarkus would win".
    pub statement: String,
}

/// Share of samples in which one framework takes each of the first ranks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acceptability {
    pub framework: String,
    pub name: String,
    /// Rank acceptability b¹, b², b³ (fewer when fewer options survive); `ranks[0]` is the
    /// rank-1 acceptability, the share of samples in which it wins.
    pub ranks: Vec<f64>,
}

impl Acceptability {
    pub fn first(&self) -> f64 {
        self.ranks.first().copied().unwrap_or(0.0)
    }
}

/// How weights were sampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeightSampling {
    /// Uniform on the simplex, constrained to the order of the stated priority levels.
    Ordinal,
    /// Each pairwise judgment moved by up to one Saaty step, weights recomputed with AHP.
    PairwisePerturbed,
}

/// The stochastic multicriteria acceptability analysis (SMAA-2, Lahdelma & Salminen 2001).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Smaa {
    pub samples: usize,
    pub seed: u64,
    pub weight_sampling: WeightSampling,
    /// Every survivor, by rank-1 acceptability (highest first, ties by framework id).
    pub acceptability: Vec<Acceptability>,
    /// The mean weight vector of the samples in which the winner wins (its central weights);
    /// empty when it never wins.
    pub central_weights: BTreeMap<Criterion, f64>,
}

/// Everything the "How sure is this?" section says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assurance {
    pub winner: String,
    pub verdict: Verdict,
    /// The verdict as one sentence.
    pub summary: String,
    /// True when the winner's worst-case total beats every rival's best-case total: no value of
    /// the unknown facts changes the winner at the stated weights.
    pub holds_whatever_unknowns: bool,
    /// Unknown cells whose crossing of a threshold would overturn the winner, smallest change
    /// first.
    pub overturns: Vec<Overturn>,
    pub smaa: Smaa,
}
