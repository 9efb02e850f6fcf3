//! What changed between two evaluations of a decision: the winner, ranks, totals, weights, the
//! facts both cite, the catalog version and the warnings. A pure function of the two
//! evaluations; the CLI turns it into a pull-request comment.
//!
//! Totals and ranks are those of each evaluation's primary method. Facts are compared only when
//! both evaluations cite the same (framework, key): a fact cited on one side only appears or
//! disappears because a criterion or a filter changed, which the weight and rank sections show.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tradeoff_lang::vocab::Criterion;

use crate::assurance::Verdict;
use crate::evaluation::{Aggregation, Evaluation, FactRef, Warning};

/// Weight and total differences smaller than this are rounding noise, not changes.
const EPSILON: f64 = 1e-9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub old_winner: Option<String>,
    pub new_winner: Option<String>,
    pub winner_changed: bool,
    pub old_method: Option<Aggregation>,
    pub new_method: Option<Aggregation>,
    /// Every framework ranked on either side: new ranking order first, then those that dropped
    /// out in their old order.
    pub ranks: Vec<RankChange>,
    /// Criteria whose normalised weight changed (a criterion added or dropped has 0 on the
    /// other side), in criterion order.
    pub weights: Vec<WeightChange>,
    pub weight_source: Change<String>,
    pub catalog_version: Change<String>,
    pub facts: Vec<FactChange>,
    pub new_warnings: Vec<Warning>,
    pub resolved_warnings: Vec<Warning>,
    /// Warnings of a code raised once on each side whose wording changed (a figure moved):
    /// the new wording. Shown once, not as one new and one resolved warning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed_warnings: Vec<Warning>,
    /// The "how sure" verdict on each side (none when fewer than two options survive).
    pub verdict: Change<Option<Verdict>>,
    /// Frameworks whose rank-1 acceptability moved by at least half a percentage point, in the
    /// new acceptability order, then those only on the old side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acceptability: Vec<AcceptabilityChange>,
}

/// A framework's rank-1 acceptability (share of draws it wins) on each side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AcceptabilityChange {
    pub framework: String,
    pub name: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

impl Comparison {
    /// True when the two evaluations reach the same result for the same reasons: same ranks and
    /// totals, weights, catalog, cited facts and warnings.
    pub fn is_unchanged(&self) -> bool {
        let ranks_same = self
            .ranks
            .iter()
            .all(|r| r.places_gained() == Some(0) && r.delta.is_some_and(|d| d.abs() <= EPSILON));
        !self.winner_changed
            && self.old_method == self.new_method
            && ranks_same
            && self.weights.is_empty()
            && !self.weight_source.changed
            && !self.catalog_version.changed
            && self.facts.is_empty()
            && self.new_warnings.is_empty()
            && self.resolved_warnings.is_empty()
            && self.changed_warnings.is_empty()
            && !self.verdict.changed
            && self.acceptability.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change<T> {
    pub old: T,
    pub new: T,
    pub changed: bool,
}

impl<T: PartialEq> Change<T> {
    fn of(old: T, new: T) -> Self {
        let changed = old != new;
        Change { old, new, changed }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankChange {
    pub framework: String,
    pub name: String,
    /// 1-based rank, `None` when not ranked on that side (eliminated or not in the catalog).
    pub old_rank: Option<usize>,
    pub new_rank: Option<usize>,
    pub old_total: Option<f64>,
    pub new_total: Option<f64>,
    /// new − old, when ranked on both sides.
    pub delta: Option<f64>,
}

impl RankChange {
    /// Positive when the framework moved up (towards rank 1).
    pub fn places_gained(&self) -> Option<i64> {
        match (self.old_rank, self.new_rank) {
            (Some(old), Some(new)) => Some(old as i64 - new as i64),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightChange {
    pub criterion: Criterion,
    pub old: f64,
    pub new: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactChange {
    pub framework: String,
    pub key: String,
    pub old: FactRef,
    pub new: FactRef,
}

pub fn compare(old: &Evaluation, new: &Evaluation) -> Comparison {
    let old_winner = old.winner().map(|w| w.framework.clone());
    let new_winner = new.winner().map(|w| w.framework.clone());
    Comparison {
        winner_changed: old_winner != new_winner,
        old_winner,
        new_winner,
        old_method: old.methods.first().copied(),
        new_method: new.methods.first().copied(),
        ranks: rank_changes(old, new),
        weights: weight_changes(old, new),
        weight_source: Change::of(old.weights.source.clone(), new.weights.source.clone()),
        catalog_version: Change::of(old.catalog_version.clone(), new.catalog_version.clone()),
        facts: fact_changes(old, new),
        new_warnings: only_in(&new.warnings, &old.warnings),
        resolved_warnings: only_in(&old.warnings, &new.warnings),
        changed_warnings: reworded(&old.warnings, &new.warnings),
        verdict: Change::of(
            old.assurance.as_ref().map(|a| a.verdict),
            new.assurance.as_ref().map(|a| a.verdict),
        ),
        acceptability: acceptability_changes(old, new),
    }
}

/// Acceptability moves smaller than this are sampling noise between two nearby problems.
const ACCEPTABILITY_NOISE: f64 = 0.005;

fn acceptability_changes(old: &Evaluation, new: &Evaluation) -> Vec<AcceptabilityChange> {
    let shares = |eval: &Evaluation| -> Vec<(String, String, f64)> {
        eval.assurance
            .iter()
            .flat_map(|a| &a.smaa.acceptability)
            .map(|a| (a.framework.clone(), a.name.clone(), a.first()))
            .collect()
    };
    let (before, after) = (shares(old), shares(new));
    let find = |list: &[(String, String, f64)], id: &str| list.iter().find(|(f, _, _)| f == id).map(|(_, _, s)| *s);
    let mut changes: Vec<AcceptabilityChange> = after
        .iter()
        .map(|(id, name, share)| AcceptabilityChange {
            framework: id.clone(),
            name: name.clone(),
            old: find(&before, id),
            new: Some(*share),
        })
        .collect();
    changes.extend(
        before
            .iter()
            .filter(|(id, _, _)| find(&after, id).is_none())
            .map(|(id, name, share)| AcceptabilityChange {
                framework: id.clone(),
                name: name.clone(),
                old: Some(*share),
                new: None,
            }),
    );
    changes.retain(|c| {
        let (old, new) = (c.old.unwrap_or(0.0), c.new.unwrap_or(0.0));
        (old - new).abs() >= ACCEPTABILITY_NOISE
    });
    changes
}

fn primary_total(eval: &Evaluation, index: usize) -> Option<f64> {
    let method = eval.methods.first()?;
    eval.options.get(index)?.totals.get(method).copied()
}

fn rank_changes(old: &Evaluation, new: &Evaluation) -> Vec<RankChange> {
    let position = |eval: &Evaluation, id: &str| eval.options.iter().position(|o| o.framework == id);
    let mut changes: Vec<RankChange> = new
        .options
        .iter()
        .enumerate()
        .map(|(new_index, option)| {
            let old_index = position(old, &option.framework);
            let old_total = old_index.and_then(|i| primary_total(old, i));
            let new_total = primary_total(new, new_index);
            RankChange {
                framework: option.framework.clone(),
                name: option.name.clone(),
                old_rank: old_index.map(|i| i + 1),
                new_rank: Some(new_index + 1),
                old_total,
                new_total,
                delta: old_total.zip(new_total).map(|(o, n)| n - o),
            }
        })
        .collect();
    for (old_index, option) in old.options.iter().enumerate() {
        if position(new, &option.framework).is_none() {
            changes.push(RankChange {
                framework: option.framework.clone(),
                name: option.name.clone(),
                old_rank: Some(old_index + 1),
                new_rank: None,
                old_total: primary_total(old, old_index),
                new_total: None,
                delta: None,
            });
        }
    }
    changes
}

fn weight_changes(old: &Evaluation, new: &Evaluation) -> Vec<WeightChange> {
    let mut criteria: Vec<Criterion> = old
        .weights
        .values
        .keys()
        .chain(new.weights.values.keys())
        .copied()
        .collect();
    criteria.sort();
    criteria.dedup();
    criteria
        .into_iter()
        .filter_map(|criterion| {
            let before = old.weights.values.get(&criterion).copied().unwrap_or(0.0);
            let after = new.weights.values.get(&criterion).copied().unwrap_or(0.0);
            ((before - after).abs() > EPSILON).then_some(WeightChange {
                criterion,
                old: before,
                new: after,
            })
        })
        .collect()
}

/// Every fact an evaluation cites, by (framework, key); cells and elimination reasons alike.
fn cited_facts(eval: &Evaluation) -> BTreeMap<(String, String), &FactRef> {
    let from_cells = eval
        .options
        .iter()
        .flat_map(|o| o.cells.values())
        .flat_map(|c| &c.facts);
    let from_filters = eval
        .eliminated
        .iter()
        .flat_map(|e| &e.reasons)
        .filter_map(|r| r.fact.as_ref());
    from_cells
        .chain(from_filters)
        .map(|fact| ((fact.framework.clone(), fact.key.clone()), fact))
        .collect()
}

fn fact_changes(old: &Evaluation, new: &Evaluation) -> Vec<FactChange> {
    let before = cited_facts(old);
    let after = cited_facts(new);
    before
        .iter()
        .filter_map(|(key, old_fact)| after.get(key).map(|new_fact| (key, *old_fact, *new_fact)))
        .filter(|(_, o, n)| o.value != n.value || o.source != n.source || o.as_of != n.as_of || o.stale != n.stale)
        .map(|((framework, key), o, n)| FactChange {
            framework: framework.clone(),
            key: key.clone(),
            old: o.clone(),
            new: n.clone(),
        })
        .collect()
}

/// Warnings of `these` that `those` does not have, in their original order.
/// Warnings in `these` that `those` lacks, leaving out a reworded warning (see [`reworded`]).
fn only_in(these: &[Warning], those: &[Warning]) -> Vec<Warning> {
    these
        .iter()
        .filter(|w| !those.contains(w) && !is_reworded(&w.code, these, those))
        .cloned()
        .collect()
}

/// The new wording of each warning raised exactly once on each side with different text.
fn reworded(old: &[Warning], new: &[Warning]) -> Vec<Warning> {
    new.iter()
        .filter(|w| !old.contains(w) && is_reworded(&w.code, old, new))
        .cloned()
        .collect()
}

fn is_reworded(code: &str, a: &[Warning], b: &[Warning]) -> bool {
    let once = |side: &[Warning]| side.iter().filter(|w| w.code == code).count() == 1;
    once(a)
        && once(b)
        && a.iter()
            .chain(b)
            .filter(|w| w.code == code)
            .map(|w| &w.message)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            == 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::{ScoreCell, ScoredOption, Weights, EVALUATION_FORMAT_VERSION};

    fn option(id: &str, total: f64, facts: Vec<FactRef>) -> ScoredOption {
        let cell = ScoreCell {
            score: total,
            confidence: 1.0,
            explanation: String::new(),
            facts,
            missing: Vec::new(),
            interval: crate::evaluation::Interval::point(total),
        };
        ScoredOption {
            total_interval: crate::evaluation::Interval::point(total),
            framework: id.into(),
            name: id.to_uppercase(),
            language: "rust".into(),
            cells: BTreeMap::from([(Criterion::Performance, cell)]),
            totals: BTreeMap::from([(Aggregation::WeightedSum, total)]),
            ranks: BTreeMap::new(),
            confidence: 1.0,
            requirements: Vec::new(),
            top_reasons: Vec::new(),
        }
    }

    fn fact(framework: &str, value: &str) -> FactRef {
        FactRef {
            framework: framework.into(),
            key: "github_stars".into(),
            value: value.into(),
            source: "https://example.org".into(),
            as_of: "2026-01-01".into(),
            stale: false,
            note: None,
        }
    }

    /// Options must be given in rank order, as the engine produces them.
    fn evaluation(options: Vec<ScoredOption>, weights: &[(Criterion, f64)], warnings: &[&str]) -> Evaluation {
        Evaluation {
            format_version: EVALUATION_FORMAT_VERSION,
            catalog_version: "v1".into(),
            methods: vec![Aggregation::WeightedSum],
            weights: Weights {
                values: weights.iter().copied().collect(),
                source: "direct".into(),
                consistency: None,
            },
            criteria: weights.iter().map(|(c, _)| *c).collect(),
            rankings: BTreeMap::new(),
            options,
            eliminated: Vec::new(),
            rank_disagreement: false,
            sensitivity: None,
            assurance: None,
            warnings: warnings
                .iter()
                .map(|code| Warning {
                    code: (*code).into(),
                    message: format!("{code} happened"),
                })
                .collect(),
            overrides: Vec::new(),
            stale_after_months: 18,
            stale_reference_date: None,
        }
    }

    #[test]
    fn identical_evaluations_have_no_changes() {
        let eval = evaluation(
            vec![option("a", 0.8, vec![fact("a", "10")]), option("b", 0.5, vec![])],
            &[(Criterion::Performance, 1.0)],
            &["stale-facts"],
        );
        let diff = compare(&eval, &eval);
        assert!(!diff.winner_changed);
        assert!(diff.weights.is_empty() && diff.facts.is_empty());
        assert!(diff.new_warnings.is_empty() && diff.resolved_warnings.is_empty());
        assert!(!diff.catalog_version.changed && !diff.weight_source.changed);
        assert!(diff
            .ranks
            .iter()
            .all(|r| r.places_gained() == Some(0) && r.delta == Some(0.0)));
        assert!(diff.is_unchanged());
    }

    #[test]
    fn a_new_winner_moves_ranks_and_reports_deltas() {
        let old = evaluation(
            vec![
                option("a", 0.8, vec![]),
                option("b", 0.5, vec![]),
                option("c", 0.4, vec![]),
            ],
            &[(Criterion::Performance, 1.0)],
            &[],
        );
        let new = evaluation(
            vec![
                option("b", 0.9, vec![]),
                option("a", 0.7, vec![]),
                option("d", 0.1, vec![]),
            ],
            &[(Criterion::Performance, 1.0)],
            &[],
        );
        let diff = compare(&old, &new);
        assert!(diff.winner_changed);
        assert_eq!(diff.old_winner.as_deref(), Some("a"));
        assert_eq!(diff.new_winner.as_deref(), Some("b"));
        let order: Vec<&str> = diff.ranks.iter().map(|r| r.framework.as_str()).collect();
        assert_eq!(order, ["b", "a", "d", "c"]);
        assert_eq!(diff.ranks[0].places_gained(), Some(1));
        assert_eq!(diff.ranks[1].places_gained(), Some(-1));
        assert!((diff.ranks[0].delta.unwrap() - 0.4).abs() < 1e-12);
        assert_eq!((diff.ranks[2].old_rank, diff.ranks[2].new_rank), (None, Some(3)));
        assert_eq!((diff.ranks[3].old_rank, diff.ranks[3].new_rank), (Some(3), None));
        assert!(!diff.is_unchanged());
    }

    #[test]
    fn weights_added_dropped_and_moved_are_listed() {
        let old = evaluation(
            vec![option("a", 0.5, vec![])],
            &[(Criterion::Performance, 0.5), (Criterion::Security, 0.5)],
            &[],
        );
        let new = evaluation(
            vec![option("a", 0.5, vec![])],
            &[(Criterion::Performance, 0.5), (Criterion::Maturity, 0.5)],
            &[],
        );
        let diff = compare(&old, &new);
        let changed: Vec<(Criterion, f64, f64)> = diff.weights.iter().map(|w| (w.criterion, w.old, w.new)).collect();
        assert!(changed.contains(&(Criterion::Security, 0.5, 0.0)), "{changed:?}");
        assert!(changed.contains(&(Criterion::Maturity, 0.0, 0.5)), "{changed:?}");
        assert_eq!(changed.len(), 2, "performance did not change: {changed:?}");
    }

    #[test]
    fn a_reworded_warning_is_one_change_not_a_new_and_a_resolved_one() {
        let old = evaluation(
            vec![option("a", 0.5, vec![])],
            &[(Criterion::Performance, 1.0)],
            &["low-confidence"],
        );
        let mut new = old.clone();
        new.warnings[0].message = "reworded".into();
        let diff = compare(&old, &new);
        assert!(
            diff.new_warnings.is_empty() && diff.resolved_warnings.is_empty(),
            "{diff:?}"
        );
        assert_eq!(diff.changed_warnings[0].message, "reworded");
        assert!(!diff.is_unchanged());
    }

    #[test]
    fn changed_facts_and_warnings_are_reported_both_ways() {
        let old = evaluation(
            vec![option("a", 0.5, vec![fact("a", "10")])],
            &[(Criterion::Performance, 1.0)],
            &["low-confidence"],
        );
        let mut new = evaluation(
            vec![option("a", 0.5, vec![fact("a", "20")])],
            &[(Criterion::Performance, 1.0)],
            &["stale-facts"],
        );
        new.catalog_version = "v2".into();
        let diff = compare(&old, &new);
        assert_eq!(diff.facts.len(), 1);
        assert_eq!(
            (diff.facts[0].old.value.as_str(), diff.facts[0].new.value.as_str()),
            ("10", "20")
        );
        assert!(diff.catalog_version.changed);
        assert_eq!(diff.new_warnings[0].code, "stale-facts");
        assert_eq!(diff.resolved_warnings[0].code, "low-confidence");
    }
}
