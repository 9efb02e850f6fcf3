//! The result of scoring a plan against the catalog: everything a record needs, as plain data.
//!
//! The JSON form carries the full decision matrix and weights so anyone can recompute the
//! aggregation with another tool. Collections are ordered (Vec in rank order, BTreeMap) so the
//! same inputs always serialize to the same bytes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tradeoff_lang::vocab::{Acceptance, Criterion, Feature, Tier};

/// Version of the evaluation's JSON shape.
pub const EVALUATION_FORMAT_VERSION: u32 = 2;

/// An aggregation method actually run (the plan's `all` expands to every one of these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aggregation {
    WeightedSum,
    Topsis,
}

impl Aggregation {
    /// The method's name as people read it, in tables, records and explanations.
    pub fn label(self) -> &'static str {
        match self {
            Aggregation::WeightedSum => "weighted sum",
            Aggregation::Topsis => "TOPSIS",
        }
    }
}

/// A fact as cited by an explanation: enough to show it and its provenance without the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactRef {
    pub framework: String,
    /// Catalog key, e.g. "features.csrf", "throughput.db", "github_stars".
    pub key: String,
    /// Human-readable value, e.g. "true", "1,190,767 rps (Round 23, axum-pg)".
    pub value: String,
    pub source: String,
    pub as_of: String,
    /// True when the fact is older than the staleness limit at the decision date.
    pub stale: bool,
    /// The catalog's qualification of the fact ("Nova, the first-party admin, is paid"), shown
    /// wherever the fact is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One cell of the decision matrix: a framework's score on one criterion, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreCell {
    /// In [0, 1]; higher is better.
    pub score: f64,
    /// In [0, 1]: share of the inputs this criterion uses that were known. Missing inputs are
    /// scored neutral (documented per criterion) and lower this, so they are visible.
    pub confidence: f64,
    /// One sentence a reviewer can check against the facts.
    pub explanation: String,
    pub facts: Vec<FactRef>,
    /// Names of facts the criterion wanted but the catalog does not have.
    pub missing: Vec<String>,
    /// The scores the cell could take if its missing inputs were known: `[score, score]` when
    /// nothing is missing, else the criterion's score with the missing inputs at their worst and
    /// best (or [0, 1] where the criterion cannot bound them). Always contains `score`.
    pub interval: Interval,
}

/// A closed range of scores, `low <= high`, both in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    pub fn point(value: f64) -> Interval {
        Interval {
            low: value,
            high: value,
        }
    }

    /// True when the range is wider than rounding noise: the score rests on an unknown.
    pub fn is_uncertain(&self) -> bool {
        self.high - self.low > 1e-9
    }
}

/// A framework that survived the hard filters, with its scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredOption {
    pub framework: String,
    pub name: String,
    pub language: String,
    /// One cell per weighted criterion.
    pub cells: BTreeMap<Criterion, ScoreCell>,
    /// Total per method: weighted sum in [0, 1], TOPSIS closeness in [0, 1].
    pub totals: BTreeMap<Aggregation, f64>,
    /// 1-based rank per method.
    pub ranks: BTreeMap<Aggregation, usize>,
    /// Weighted mean of the cells' confidence.
    pub confidence: f64,
    /// The weighted sum with every unknown cell at its low / high end.
    pub total_interval: Interval,
    /// Strongest contributions (criterion names with short reasons), for ranking tables.
    pub top_reasons: Vec<String>,
    /// How it meets each `feature` requirement, in feature order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<RequirementCheck>,
}

/// How a surviving framework meets one `feature` requirement: the tier the catalog records, or
/// none when it does not say (the requirement is unverified for it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementCheck {
    pub feature: Feature,
    /// The tiers the spec accepts for it.
    pub accepted: Acceptance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// The catalog fact cited, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<FactRef>,
}

/// Why a framework was knocked out by a hard constraint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EliminationReason {
    /// The constraint, as the spec states it ("language in [python, go]", "feature websockets").
    pub constraint: String,
    /// Full sentence, e.g. "requires websockets; Flask has none built in".
    pub message: String,
    /// The fact that caused it, if one did (an explicit exclusion has none).
    pub fact: Option<FactRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Eliminated {
    pub framework: String,
    pub name: String,
    pub reasons: Vec<EliminationReason>,
}

/// AHP consistency of pairwise judgments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consistency {
    pub lambda_max: f64,
    pub consistency_index: f64,
    pub random_index: f64,
    /// CR = CI / RI; above 0.1 the judgments are inconsistent (warning).
    pub ratio: f64,
}

/// The weights used, and where they came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Sums to 1; only criteria with weight > 0 are columns of the matrix.
    pub values: BTreeMap<Criterion, f64>,
    /// "direct" or "pairwise".
    pub source: String,
    pub consistency: Option<Consistency>,
}

/// How far one criterion's weight must move (others rescaled proportionally) to flip
/// the winner against one runner-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightThreshold {
    pub criterion: Criterion,
    pub current_weight: f64,
    /// The weight at which the runner-up overtakes the winner, or `None` if no weight in [0, 1]
    /// flips the order.
    pub flip_at: Option<f64>,
    /// |flip_at - current_weight|, when it flips.
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matchup {
    pub runner_up: String,
    /// Winner's total minus runner-up's total under the sensitivity method (the weighted sum).
    pub margin: f64,
    pub thresholds: Vec<WeightThreshold>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stability {
    /// No single weight change below 0.15 flips the winner.
    Robust,
    /// Some weight change between 0.05 and 0.15 flips it.
    Moderate,
    /// A weight change under 0.05 flips it.
    Fragile,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sensitivity {
    /// The method sensitivity was computed for (weighted sum).
    pub method: Aggregation,
    pub winner: String,
    pub matchups: Vec<Matchup>,
    /// The criterion whose smallest weight change flips the winner, if any does.
    pub most_critical: Option<WeightThreshold>,
    pub stability: Stability,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable machine code, e.g. "inconsistent-judgments", "stale-facts", "rank-disagreement",
    /// "low-confidence", "benchmark-partial".
    pub code: String,
    pub message: String,
}

/// A framework definition that did not come from the built-in catalog, and the file it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogOverride {
    pub framework: String,
    pub origin: crate::catalog::Origin,
}

/// Everything the scoring engine concluded about one plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub format_version: u32,
    pub catalog_version: String,
    /// The methods run; the first is primary (ranks the options list and decides the winner).
    pub methods: Vec<Aggregation>,
    pub weights: Weights,
    /// Column order of the matrix.
    pub criteria: Vec<Criterion>,
    /// Survivors, ordered by primary rank (ties broken by framework id).
    pub options: Vec<ScoredOption>,
    pub eliminated: Vec<Eliminated>,
    /// Framework ids in rank order, per method.
    pub rankings: BTreeMap<Aggregation, Vec<String>>,
    /// True when methods disagree on the winner or on the order of the top options.
    pub rank_disagreement: bool,
    /// None when fewer than two options survive or no criterion is weighted.
    pub sensitivity: Option<Sensitivity>,
    /// How sure the decision is: intervals, acceptability under uncertain weights and unknowns,
    /// and what would overturn it. None when fewer than two options survive or no criterion is
    /// weighted.
    pub assurance: Option<crate::assurance::Assurance>,
    pub warnings: Vec<Warning>,
    /// Catalog entries that came from user files (added or overriding built-ins), by id.
    pub overrides: Vec<CatalogOverride>,
    /// Staleness limit applied, in months, and the date it was measured from.
    pub stale_after_months: u32,
    pub stale_reference_date: Option<String>,
}

impl Evaluation {
    /// The winner under the primary method, if anything survived.
    pub fn winner(&self) -> Option<&ScoredOption> {
        self.options.first()
    }
}
