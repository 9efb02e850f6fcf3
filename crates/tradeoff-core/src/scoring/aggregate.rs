//! Aggregation of a decision matrix (rows = options, columns = criteria, scores in [0, 1], all
//! benefit criteria) into one total per option: weighted sum and TOPSIS.
//!
//! Plain functions over slices so they can be checked against other implementations (pymcdm)
//! and property-tested without building catalogs.

use std::cmp::Ordering;

/// Σ_k w_k · s_ik per row. With weights summing to 1 and scores in [0, 1], totals are in [0, 1].
pub fn weighted_sum(matrix: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
    matrix
        .iter()
        .map(|row| row.iter().zip(weights).map(|(s, w)| s * w).sum())
        .collect()
}

/// TOPSIS closeness d⁻ / (d⁺ + d⁻) per row, with vector normalisation of each column
/// (r_ik = s_ik / ‖s_·k‖), weighting v_ik = w_k · r_ik, and the ideal / anti-ideal taken as
/// each column's max / min. An all-zero column stays zero; a column of equal values has
/// ideal = anti-ideal and adds no distance; when an option is at both (every column flat)
/// its closeness is 0.5, i.e. undecided.
pub fn topsis(matrix: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
    let columns = weights.len();
    let norms: Vec<f64> = (0..columns)
        .map(|k| {
            matrix
                .iter()
                .map(|row| row.get(k).map_or(0.0, |s| s * s))
                .sum::<f64>()
                .sqrt()
        })
        .collect();
    let weighted: Vec<Vec<f64>> = matrix
        .iter()
        .map(|row| {
            (0..columns)
                .map(|k| {
                    let s = row.get(k).copied().unwrap_or(0.0);
                    if norms[k] > 0.0 {
                        weights[k] * s / norms[k]
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect();
    let ideal: Vec<f64> = (0..columns)
        .map(|k| weighted.iter().map(|row| row[k]).fold(f64::NEG_INFINITY, f64::max))
        .collect();
    let anti: Vec<f64> = (0..columns)
        .map(|k| weighted.iter().map(|row| row[k]).fold(f64::INFINITY, f64::min))
        .collect();
    weighted
        .iter()
        .map(|row| {
            let to_ideal = distance(row, &ideal);
            let to_anti = distance(row, &anti);
            let sum = to_ideal + to_anti;
            if sum > 0.0 {
                to_anti / sum
            } else {
                0.5
            }
        })
        .collect()
}

fn distance(row: &[f64], point: &[f64]) -> f64 {
    row.iter()
        .zip(point)
        .map(|(a, b)| (a - b) * (a - b))
        .sum::<f64>()
        .sqrt()
}

/// Row indices best first: by total descending, ties broken by the option's id so equal
/// totals always come out in the same order.
pub fn rank_order(totals: &[f64], ids: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| compare(totals[b], totals[a]).then_with(|| ids[a].cmp(ids[b])));
    order
}

/// total_cmp, but with -0.0 == 0.0 so a sign bit never decides a rank.
fn compare(a: f64, b: f64) -> Ordering {
    (a + 0.0).total_cmp(&(b + 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn weighted_sum_by_hand() {
        let matrix = vec![vec![1.0, 0.0], vec![0.5, 0.5]];
        let totals = weighted_sum(&matrix, &[0.7, 0.3]);
        assert!(close(totals[0], 0.7));
        assert!(close(totals[1], 0.5));
    }

    #[test]
    fn topsis_by_hand() {
        // Column norms: sqrt(1 + 0.25) and sqrt(0 + 0.25) = 0.5.
        let matrix = vec![vec![1.0, 0.0], vec![0.5, 0.5]];
        let totals = topsis(&matrix, &[0.5, 0.5]);
        let n0 = 1.25f64.sqrt();
        let v = [[0.5 / n0, 0.0], [0.25 / n0, 0.5]];
        let ideal = [0.5 / n0, 0.5];
        let anti = [0.25 / n0, 0.0];
        let d = |row: [f64; 2], p: [f64; 2]| ((row[0] - p[0]).powi(2) + (row[1] - p[1]).powi(2)).sqrt();
        for (i, row) in v.iter().enumerate() {
            let expected = d(*row, anti) / (d(*row, ideal) + d(*row, anti));
            assert!(close(totals[i], expected), "{} vs {expected}", totals[i]);
        }
        assert!(totals[1] > totals[0]);
    }

    #[test]
    fn flat_columns_add_no_distance() {
        let with_flat = topsis(&[vec![0.9, 0.5], vec![0.3, 0.5]], &[0.5, 0.5]);
        let without = topsis(&[vec![0.9], vec![0.3]], &[0.5]);
        assert!(close(with_flat[0], without[0]) && close(with_flat[1], without[1]));
        assert_eq!(topsis(&[vec![0.5, 0.5], vec![0.5, 0.5]], &[0.5, 0.5]), vec![0.5, 0.5]);
        assert_eq!(
            topsis(&[vec![0.0], vec![0.0]], &[1.0]),
            vec![0.5, 0.5],
            "all-zero column"
        );
    }

    #[test]
    fn empty_inputs_do_not_panic() {
        assert!(weighted_sum(&[], &[1.0]).is_empty());
        assert!(topsis(&[], &[1.0]).is_empty());
        assert_eq!(topsis(&[vec![], vec![]], &[]), vec![0.5, 0.5]);
        assert!(rank_order(&[], &[]).is_empty());
    }

    #[test]
    fn ranks_break_ties_by_id() {
        assert_eq!(rank_order(&[0.5, 0.9, 0.5], &["b", "c", "a"]), vec![1, 2, 0]);
        assert_eq!(rank_order(&[0.0, -0.0], &["b", "a"]), vec![1, 0]);
    }
}
