//! Criterion functions: one per [`Criterion`], each turning catalog facts and the plan into a
//! [`ScoreCell`] whose explanation cites the facts it used.
//!
//! Shared rule: an unknown input scores a neutral 0.5 (or is left out of an average, where the
//! criterion says so) and lowers the cell's confidence; a missing figure is never read as 0 or 1.
//! The cell also carries the interval of scores the criterion would give with the missing inputs
//! at their worst and best: each criterion states how far a missing input can move its score
//! ([`Inputs::absent_within`]) or the bounds outright ([`Inputs::within`]); an input it cannot
//! bound widens the interval to [0, 1].

mod community;
mod features;
mod performance;
mod project;
mod runtime;
mod style;
mod team;

use std::collections::BTreeMap;

use tradeoff_lang::vocab::Criterion;

use super::context::Context;
use crate::catalog::model::Framework;
use crate::evaluation::{FactRef, Interval, ScoreCell, Warning};

/// The score given to an input the catalog does not know.
pub(crate) const NEUTRAL: f64 = 0.5;

/// The cells of the decision matrix, one map per survivor (same order as the survivors).
pub(crate) struct Scored {
    pub cells: Vec<BTreeMap<Criterion, ScoreCell>>,
    pub warnings: Vec<Warning>,
}

pub(crate) fn score_all(ctx: &Context, survivors: &[&Framework], criteria: &[Criterion]) -> Scored {
    let wants_performance = criteria
        .iter()
        .any(|c| matches!(c, Criterion::Performance | Criterion::Scalability));
    let performance = performance::Table::new(ctx, survivors);
    let community = community::CommunityScales::new(ctx, survivors);
    let hiring = team::HiringScale::new(ctx, survivors);
    let concurrency = runtime::ConcurrencyScales::new(ctx, survivors);
    let cells = survivors
        .iter()
        .enumerate()
        .map(|(i, framework)| {
            criteria
                .iter()
                .map(|criterion| {
                    let cell = match criterion {
                        Criterion::Performance => performance.cell(ctx, i, framework),
                        Criterion::Concurrency => concurrency.cell(ctx, framework),
                        Criterion::Productivity => features::productivity(ctx, framework),
                        Criterion::Community => community.cell(ctx, framework),
                        Criterion::Security => features::security(ctx, framework),
                        Criterion::Scalability => runtime::scalability(ctx, framework, performance.score(i)),
                        Criterion::LearningCurve => team::learning_curve(ctx, framework),
                        Criterion::TeamFit => team::team_fit(ctx, framework),
                        Criterion::Hiring => hiring.cell(ctx, framework),
                        Criterion::Maturity => project::maturity(ctx, framework),
                        Criterion::Flexibility => style::flexibility(ctx, framework),
                        Criterion::ConventionFit => style::convention_fit(ctx, framework),
                    };
                    (*criterion, cell)
                })
                .collect()
        })
        .collect();
    let warnings = if wants_performance {
        performance.warnings()
    } else {
        Vec::new()
    };
    Scored { cells, warnings }
}

/// Bookkeeping for one cell: which wanted inputs were known (and cited) and which were missing.
#[derive(Default)]
pub(crate) struct Inputs {
    wanted: usize,
    known: usize,
    facts: Vec<FactRef>,
    missing: Vec<String>,
    /// How far the missing inputs can lower / raise the score, summed over those bounded.
    down: f64,
    up: f64,
    /// Missing inputs with no stated bound: the cell can be anything in [0, 1].
    unbounded: usize,
    /// Bounds the criterion computed itself; they replace the sums above.
    bounds: Option<(f64, f64)>,
}

impl Inputs {
    /// A wanted input that the catalog has.
    pub(crate) fn known(&mut self, fact: FactRef) {
        self.wanted += 1;
        self.known += 1;
        self.facts.push(fact);
    }

    /// A wanted input that is known and cited by another cell of the same framework.
    pub(crate) fn known_elsewhere(&mut self) {
        self.wanted += 1;
        self.known += 1;
    }

    /// A wanted input that the catalog lacks.
    /// Without a bound the cell's interval becomes [0, 1].
    pub(crate) fn absent(&mut self, name: impl Into<String>) {
        self.wanted += 1;
        self.unbounded += 1;
        self.missing.push(name.into());
    }

    /// A wanted input that the catalog lacks, which at its worst would lower the score by `down`
    /// and at its best raise it by `up`.
    pub(crate) fn absent_within(&mut self, name: impl Into<String>, down: f64, up: f64) {
        self.wanted += 1;
        self.down += down.max(0.0);
        self.up += up.max(0.0);
        self.missing.push(name.into());
    }

    /// The cell's bounds with every missing input at its worst and best, computed by the
    /// criterion; they take precedence over the per-input amounts.
    pub(crate) fn within(&mut self, low: f64, high: f64) {
        self.bounds = Some((low, high));
    }

    /// A fact shown for context that does not count towards confidence (e.g. a benchmark
    /// figure from a round that is not compared).
    pub(crate) fn cite(&mut self, fact: FactRef) {
        self.facts.push(fact);
    }

    pub(crate) fn cell(self, score: f64, explanation: String) -> ScoreCell {
        // With nothing wanted, nothing is unknown: the cell is as certain as its rule.
        let confidence = if self.wanted == 0 {
            1.0
        } else {
            self.known as f64 / self.wanted as f64
        };
        let score = score.clamp(0.0, 1.0);
        let (low, high) = if self.missing.is_empty() {
            (score, score)
        } else if let Some((low, high)) = self.bounds {
            (low, high)
        } else if self.unbounded > 0 {
            (0.0, 1.0)
        } else {
            (score - self.down, score + self.up)
        };
        ScoreCell {
            score,
            interval: Interval {
                low: low.clamp(0.0, 1.0).min(score),
                high: high.clamp(0.0, 1.0).max(score),
            },
            confidence,
            explanation,
            facts: self.facts,
            missing: self.missing,
        }
    }
}

/// Scales positive quantities (requests per second, stars) by their order of magnitude across
/// the candidates: the smallest maps to 0.1, the largest to 1.0. Log scale because a 10x gap
/// matters more than the difference between 1.1M and 1.2M; the floor of 0.1 keeps the weakest
/// measured candidate distinguishable from "scored zero for lack of data".
#[derive(Debug, Clone, Copy)]
pub(crate) struct LogRange {
    min: f64,
    max: f64,
}

impl LogRange {
    /// Values below 1 are read as 1 (log 0) so a zero count cannot produce minus infinity.
    pub(crate) fn of(values: impl IntoIterator<Item = f64>) -> Option<LogRange> {
        values
            .into_iter()
            .filter(|v| v.is_finite())
            .map(log)
            .fold(None, |range, l| match range {
                None => Some(LogRange { min: l, max: l }),
                Some(r) => Some(LogRange {
                    min: r.min.min(l),
                    max: r.max.max(l),
                }),
            })
    }

    pub(crate) fn score(&self, value: f64) -> f64 {
        let spread = self.max - self.min;
        if spread <= f64::EPSILON {
            return 1.0;
        }
        (0.1 + 0.9 * (log(value) - self.min) / spread).clamp(0.1, 1.0)
    }

    pub(crate) fn min_value(&self) -> f64 {
        10f64.powf(self.min)
    }

    pub(crate) fn max_value(&self) -> f64 {
        10f64.powf(self.max)
    }
}

fn log(value: f64) -> f64 {
    value.max(1.0).log10()
}

/// Formats a (possibly fractional) count for an explanation, rounding to a whole number.
pub(crate) fn whole(value: f64) -> String {
    crate::numbers::thousands(value.round().max(0.0) as u64)
}

/// What a criterion measures, in one sentence a reviewer understands (docs/scoring.md has the
/// rules in full).
pub fn summary(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Performance => "Measured throughput: TechEmpower Round 23 tests and the web-frameworks load test, each on its own log scale across the catalog, weighted by the workload; an unmeasured test counts at the bottom.",
        Criterion::Concurrency => "Half the concurrency model of the runtime, half the measured request rate and p99 latency at 512 connections; websockets count for realtime apps.",
        Criterion::Productivity => "The share of orm, migrations, auth, admin, validation, templating and background jobs the framework ships; convention frameworks gain for an MVP.",
        Criterion::Community => "GitHub Ranking snapshots: stars, star growth over a year, forks and days since the last commit.",
        Criterion::Security => "The share present of CSRF protection, XSS escaping, auth, a security policy and an LTS line.",
        Criterion::Scalability => "The concurrency model, blended with the performance score when the framework was measured.",
        Criterion::LearningCurve => "The team's skill in the framework's language and how much there is to learn (micro, full-stack, platform).",
        Criterion::TeamFit => "The team's skill in the framework, or 0.8 of its skill in the framework's language.",
        Criterion::Hiring => "Stack Overflow Developer Survey 2025 usage of the framework and of its language, among the candidates.",
        Criterion::Maturity => "Years since the first release (ten years score 1) and whether there is an LTS line.",
        Criterion::Flexibility => "How much the framework leaves to configuration rather than convention.",
        Criterion::ConventionFit => "How well the framework's convention-vs-configuration style matches the spec's `prefer`.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_range_maps_min_to_a_tenth_and_max_to_one() {
        let range = LogRange::of([1_000.0, 100_000.0, 10_000.0]).unwrap();
        assert!((range.score(1_000.0) - 0.1).abs() < 1e-12);
        assert!((range.score(100_000.0) - 1.0).abs() < 1e-12);
        assert!((range.score(10_000.0) - 0.55).abs() < 1e-12);
        assert!((range.min_value() - 1_000.0).abs() < 1e-6);
    }

    #[test]
    fn a_single_value_scores_one() {
        let range = LogRange::of([42.0]).unwrap();
        assert_eq!(range.score(42.0), 1.0);
        assert!(LogRange::of([]).is_none());
        assert!(LogRange::of([f64::NAN]).is_none());
    }

    #[test]
    fn zero_does_not_produce_infinities() {
        let range = LogRange::of([0.0, 100.0]).unwrap();
        assert_eq!(range.score(0.0), 0.1);
        assert_eq!(range.score(100.0), 1.0);
    }

    #[test]
    fn confidence_is_the_share_of_known_inputs() {
        let mut inputs = Inputs::default();
        inputs.absent("a");
        inputs.absent("b");
        inputs.known(FactRef {
            framework: "x".into(),
            key: "k".into(),
            value: "v".into(),
            source: "s".into(),
            as_of: "2026-01-01".into(),
            stale: false,
            note: None,
        });
        let cell = inputs.cell(1.5, "e".into());
        assert!((cell.confidence - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(cell.score, 1.0, "scores are clamped into [0, 1]");
        assert_eq!(cell.missing, ["a", "b"]);
        assert_eq!(Inputs::default().cell(0.5, "e".into()).confidence, 1.0);
        assert_eq!(cell.interval, Interval { low: 0.0, high: 1.0 }, "unbounded inputs");
    }

    #[test]
    fn intervals_follow_the_stated_bounds_and_contain_the_score() {
        assert_eq!(Inputs::default().cell(0.4, "e".into()).interval, Interval::point(0.4));
        let mut inputs = Inputs::default();
        inputs.absent_within("a", 0.1, 0.2);
        inputs.absent_within("b", 0.05, 0.05);
        let cell = inputs.cell(0.5, "e".into());
        assert!((cell.interval.low - 0.35).abs() < 1e-12 && (cell.interval.high - 0.75).abs() < 1e-12);
        let mut inputs = Inputs::default();
        inputs.absent("a");
        inputs.within(0.6, 0.9);
        let cell = inputs.cell(0.5, "e".into());
        assert_eq!(
            cell.interval,
            Interval { low: 0.5, high: 0.9 },
            "widened to hold the score"
        );
    }
}
