//! SMAA-2 (Lahdelma & Salminen 2001): draw weights and unknown cell scores many times, rank the
//! options by weighted sum each time, and count how often each option takes each of the first
//! ranks (rank acceptability) and which weights make the winner win (central weights).

use super::sampler::{Draws, Scratch, WeightDraw};
use super::Problem;

/// How many leading ranks get an acceptability index.
pub(crate) const RANKS: usize = 3;

pub(crate) struct Counts {
    /// Per option, how many samples put it at rank 1, 2, 3 (fewer columns with fewer options).
    pub ranks: Vec<Vec<usize>>,
    /// Per column, the summed weights of the samples in which option `focus` won.
    pub central_sum: Vec<f64>,
}

/// Runs `samples` draws. `focus` is the option whose central weights are collected.
pub(crate) fn run(problem: &Problem<'_>, weights: &WeightDraw, samples: usize, seed: u64, focus: usize) -> Counts {
    let options = problem.points.len();
    let columns = problem.weights.len();
    let ranks_kept = RANKS.min(options);
    let mut draws = Draws::new(seed);
    let mut counts = Counts {
        ranks: vec![vec![0; ranks_kept]; options],
        central_sum: vec![0.0; columns],
    };
    // Only uncertain cells are drawn, in a fixed order, so point cells cost nothing.
    let uncertain: Vec<(usize, usize)> = (0..options)
        .flat_map(|i| (0..columns).map(move |k| (i, k)))
        .filter(|&(i, k)| problem.highs[i][k] > problem.lows[i][k])
        .collect();
    let mut cells: Vec<Vec<f64>> = problem.points.to_vec();
    let mut w = vec![0.0; columns];
    let mut scratch = Scratch::default();
    let mut totals = vec![0.0; options];
    let mut top: Vec<usize> = Vec::with_capacity(ranks_kept + 1);
    for _ in 0..samples {
        weights.draw(&mut draws, &mut scratch, &mut w);
        for &(i, k) in &uncertain {
            let (low, high) = (problem.lows[i][k], problem.highs[i][k]);
            cells[i][k] = low + (high - low) * draws.unit();
        }
        for (total, row) in totals.iter_mut().zip(&cells) {
            *total = row.iter().zip(&w).map(|(s, w)| s * w).sum();
        }
        leaders(&totals, &problem.tie_order, ranks_kept, &mut top);
        for (rank, &i) in top.iter().enumerate() {
            counts.ranks[i][rank] += 1;
        }
        if top.first() == Some(&focus) {
            counts.central_sum.iter_mut().zip(&w).for_each(|(c, w)| *c += w);
        }
    }
    counts
}

/// The `keep` best options by total, ties broken by `tie_order` (lower first), best first.
/// A bounded insertion: with three ranks kept this is cheaper than sorting every option.
fn leaders(totals: &[f64], tie_order: &[usize], keep: usize, top: &mut Vec<usize>) {
    top.clear();
    let better = |a: usize, b: usize| totals[a] > totals[b] || (totals[a] == totals[b] && tie_order[a] < tie_order[b]);
    for i in 0..totals.len() {
        let position = top.iter().position(|&j| better(i, j)).unwrap_or(top.len());
        if position < keep {
            top.insert(position, i);
            top.truncate(keep);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaders_are_the_best_in_order_with_ties_by_order() {
        let mut top = Vec::new();
        leaders(&[0.2, 0.9, 0.5, 0.9, 0.1], &[0, 1, 2, 3, 4], 3, &mut top);
        assert_eq!(top, [1, 3, 2]);
        leaders(&[0.2, 0.9, 0.5, 0.9, 0.1], &[0, 4, 2, 3, 1], 3, &mut top);
        assert_eq!(top, [3, 1, 2]);
        leaders(&[0.3], &[0], 3, &mut top);
        assert_eq!(top, [0]);
    }
}
