//! One-at-a-time weight sensitivity of the weighted-sum winner, in closed form.
//!
//! Moving criterion k's weight from w_k to w' and rescaling every other weight by
//! (1 − w') / (1 − w_k) keeps the weights summing to 1. The winner A's lead over an option B
//! is then linear in w':
//!
//! D(w') = w'·d_k + (1 − w')/(1 − w_k) · (D − w_k·d_k)
//!
//! with D = T_A − T_B (current lead) and d_k = s_Ak − s_Bk. Writing R = (D − w_k·d_k)/(1 − w_k)
//! (B's deficit on the other criteria, at full weight), D(w') = R + w'·(d_k − R), which is zero
//! at w' = R / (R − d_k). If that lies in [0, 1] the winner flips there.

use tradeoff_lang::vocab::Criterion;

use crate::evaluation::{Aggregation, Matchup, Sensitivity, Stability, WeightThreshold};

/// Matchups recorded: the closest runners-up are the ones a reader needs to see.
pub const MAX_MATCHUPS: usize = 5;

/// Below this weight change the winner is fragile; below [`MODERATE_BELOW`], moderate.
pub const FRAGILE_BELOW: f64 = 0.05;
pub const MODERATE_BELOW: f64 = 0.15;

/// A weight too close to 1 leaves no other weight to rescale: D does not depend on w' then.
const DEGENERATE: f64 = 1e-12;

/// The weight w' of one criterion at which the lead `margin` (D) of A over B reaches zero,
/// given the criterion's current weight and the score difference d_k = s_Ak − s_Bk.
pub fn flip_weight(current_weight: f64, margin: f64, difference: f64) -> Option<f64> {
    let rest = 1.0 - current_weight;
    if rest <= DEGENERATE {
        return None;
    }
    let r = (margin - current_weight * difference) / rest;
    let slope = difference - r;
    if slope.abs() <= f64::EPSILON * (r.abs() + difference.abs()).max(f64::MIN_POSITIVE) {
        // D is the same for every w': this criterion's weight cannot change the order.
        return None;
    }
    let at = -r / slope;
    // At exactly 0 or 1 the two options only tie (e.g. equal scores on this criterion and the
    // weight pushed to 1): the order changes only for a root strictly inside the interval.
    (at > DEGENERATE && at < 1.0 - DEGENERATE).then_some(at)
}

/// The weights after setting criterion `k` to `weight` and rescaling the others proportionally.
pub fn reweight(weights: &[f64], k: usize, weight: f64) -> Vec<f64> {
    let rest = 1.0 - weights[k];
    weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == k {
                weight
            } else if rest > DEGENERATE {
                w * (1.0 - weight) / rest
            } else {
                0.0
            }
        })
        .collect()
}

/// Sensitivity of the winner of `order` (row indices best first, by the weighted-sum `totals`).
/// `None` with fewer than two options.
///
/// Every other option is checked, so `most_critical` and the stability verdict cover the whole
/// field; only the [`MAX_MATCHUPS`] closest runners-up are recorded as matchups.
pub fn analyse(
    ids: &[&str],
    matrix: &[Vec<f64>],
    criteria: &[Criterion],
    weights: &[f64],
    totals: &[f64],
    order: &[usize],
) -> Option<Sensitivity> {
    let (&winner, others) = order.split_first()?;
    if others.is_empty() {
        return None;
    }
    let mut matchups = Vec::new();
    let mut most_critical: Option<WeightThreshold> = None;
    // `order` is by total descending, so walking it visits runners-up by increasing margin.
    for (position, &other) in others.iter().enumerate() {
        let margin = totals[winner] - totals[other];
        let thresholds: Vec<WeightThreshold> = criteria
            .iter()
            .enumerate()
            .map(|(k, criterion)| {
                let difference = score(matrix, winner, k) - score(matrix, other, k);
                let flip_at = flip_weight(weights[k], margin, difference);
                WeightThreshold {
                    criterion: *criterion,
                    current_weight: weights[k],
                    flip_at,
                    change: flip_at.map(|at| (at - weights[k]).abs()),
                }
            })
            .collect();
        for threshold in &thresholds {
            let smaller = match (threshold.change, most_critical.as_ref().and_then(|m| m.change)) {
                (Some(change), Some(best)) => change < best,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if smaller {
                most_critical = Some(threshold.clone());
            }
        }
        if position < MAX_MATCHUPS {
            matchups.push(Matchup {
                runner_up: ids[other].to_string(),
                margin,
                thresholds,
            });
        }
    }
    let stability = match most_critical.as_ref().and_then(|m| m.change) {
        Some(change) if change < FRAGILE_BELOW => Stability::Fragile,
        Some(change) if change < MODERATE_BELOW => Stability::Moderate,
        _ => Stability::Robust,
    };
    Some(Sensitivity {
        method: Aggregation::WeightedSum,
        winner: ids[winner].to_string(),
        matchups,
        most_critical,
        stability,
    })
}

fn score(matrix: &[Vec<f64>], row: usize, k: usize) -> f64 {
    matrix.get(row).and_then(|r| r.get(k)).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tie_tests {
    use super::*;

    #[test]
    fn a_tie_at_full_weight_is_not_a_flip() {
        // Equal scores on the criterion (difference 0): at weight 1 both totals are equal.
        assert_eq!(flip_weight(0.2, 0.05, 0.0), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::aggregate::{rank_order, weighted_sum};

    const CRITERIA: [Criterion; 3] = [Criterion::Performance, Criterion::Productivity, Criterion::Security];

    fn run(matrix: &[Vec<f64>], weights: &[f64], ids: &[&str]) -> (Sensitivity, Vec<usize>) {
        let totals = weighted_sum(matrix, weights);
        let order = rank_order(&totals, ids);
        (
            analyse(ids, matrix, &CRITERIA[..weights.len()], weights, &totals, &order).unwrap(),
            order,
        )
    }

    fn winner(matrix: &[Vec<f64>], weights: &[f64], ids: &[&str]) -> usize {
        rank_order(&weighted_sum(matrix, weights), ids)[0]
    }

    #[test]
    fn the_winner_really_flips_at_the_reported_weight() {
        let matrix = vec![vec![0.9, 0.4, 0.7], vec![0.5, 0.9, 0.6], vec![0.3, 0.5, 0.95]];
        let weights = [0.5, 0.3, 0.2];
        let ids = ["a", "b", "c"];
        let (sensitivity, order) = run(&matrix, &weights, &ids);
        assert_eq!(sensitivity.winner, "a");
        let critical = sensitivity
            .most_critical
            .clone()
            .expect("some weight flips this winner");
        let k = CRITERIA.iter().position(|c| *c == critical.criterion).unwrap();
        let flip_at = critical.flip_at.unwrap();
        let direction = (flip_at - weights[k]).signum();
        let epsilon = 1e-6;
        let before = reweight(&weights, k, flip_at - direction * epsilon);
        let after = reweight(&weights, k, flip_at + direction * epsilon);
        assert_eq!(
            winner(&matrix, &before, &ids),
            order[0],
            "still the winner just before flip_at"
        );
        assert_ne!(
            winner(&matrix, &after, &ids),
            order[0],
            "no longer the winner just past flip_at"
        );
        assert!((after.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn closed_form_matches_direct_evaluation() {
        // D(w') computed by reweighting must be zero at flip_at.
        let matrix = vec![vec![0.8, 0.2], vec![0.4, 0.9]];
        let weights = [0.7, 0.3];
        let (sensitivity, _) = run(&matrix, &weights, &["a", "b"]);
        for threshold in &sensitivity.matchups[0].thresholds {
            let k = CRITERIA.iter().position(|c| *c == threshold.criterion).unwrap();
            let at = threshold
                .flip_at
                .expect("both criteria can flip a 2x2 with crossed scores");
            let totals = weighted_sum(&matrix, &reweight(&weights, k, at));
            assert!((totals[0] - totals[1]).abs() < 1e-12, "{totals:?}");
        }
        // Performance: a leads 0.62 vs 0.55; R = (0.07 - 0.7 x 0.4) / 0.3 = -0.7, so lowering the
        // weight to 0.7 / 1.1 ≈ 0.636 ties them.
        let performance = &sensitivity.matchups[0].thresholds[0];
        assert!((performance.flip_at.unwrap() - 0.7 / 1.1).abs() < 1e-12);
        assert!((sensitivity.matchups[0].margin - 0.07).abs() < 1e-12);
    }

    #[test]
    fn a_dominant_winner_is_robust() {
        let matrix = vec![vec![0.9, 0.9, 0.9], vec![0.1, 0.2, 0.3]];
        let (sensitivity, _) = run(&matrix, &[0.4, 0.4, 0.2], &["a", "b"]);
        assert!(sensitivity.most_critical.is_none());
        assert_eq!(sensitivity.stability, Stability::Robust);
        assert!(sensitivity.matchups[0]
            .thresholds
            .iter()
            .all(|t| t.flip_at.is_none() && t.change.is_none()));
    }

    #[test]
    fn a_close_race_is_fragile() {
        let matrix = vec![vec![0.61, 0.40], vec![0.40, 0.60]];
        let (sensitivity, _) = run(&matrix, &[0.5, 0.5], &["a", "b"]);
        assert_eq!(sensitivity.stability, Stability::Fragile);
    }

    #[test]
    fn degenerate_weights_do_not_flip_or_panic() {
        assert_eq!(
            flip_weight(1.0, 0.2, -0.5),
            None,
            "a sole criterion has nothing to trade against"
        );
        assert_eq!(flip_weight(0.5, 0.0, 0.0), None, "identical options never flip");
        assert_eq!(
            flip_weight(0.3, 0.1, 0.1),
            None,
            "d_k = R: the lead does not depend on the weight"
        );
        let (one, _) = run(&[vec![0.2], vec![0.1]], &[1.0], &["a", "b"]);
        assert_eq!(one.stability, Stability::Robust);
        assert!(analyse(&["a"], &[vec![1.0]], &CRITERIA[..1], &[1.0], &[1.0], &[0]).is_none());
    }

    #[test]
    fn only_the_closest_runners_up_are_recorded_but_all_are_checked() {
        // Seven options; the last (furthest behind) is the one a small weight change promotes.
        let mut matrix: Vec<Vec<f64>> = (0..6).map(|i| vec![0.9 - 0.01 * i as f64, 0.5]).collect();
        matrix.insert(0, vec![1.0, 0.5]);
        matrix.push(vec![0.0, 1.0]);
        let ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let (sensitivity, _) = run(&matrix, &[0.9, 0.1], &ids);
        assert_eq!(sensitivity.matchups.len(), MAX_MATCHUPS);
        assert!(sensitivity.matchups.iter().all(|m| m.runner_up != "h"));
        // Every recorded runner-up needs a change of 0.9; h needs 0.85 / 1.5 ≈ 0.567.
        let critical = sensitivity.most_critical.unwrap();
        assert!((critical.change.unwrap() - 0.85 / 1.5).abs() < 1e-9, "{critical:?}");
        let recorded = sensitivity
            .matchups
            .iter()
            .flat_map(|m| &m.thresholds)
            .filter_map(|t| t.change);
        assert!(recorded.into_iter().all(|c| c > 0.89));
    }
}
