//! What the unknown facts can do at the stated weights: each option's worst and best total, and
//! the single-cell thresholds at which a rival would tie the winner.

use super::Problem;

/// The weighted sum with every cell at its low end and at its high end.
pub(crate) fn total_bounds(problem: &Problem<'_>) -> Vec<(f64, f64)> {
    let sum = |row: &[f64]| -> f64 { row.iter().zip(problem.weights).map(|(s, w)| s * w).sum() };
    problem
        .lows
        .iter()
        .zip(problem.highs)
        .map(|(low, high)| (sum(low), sum(high)))
        .collect()
}

/// One cell that, moved past `threshold` on its own, makes `rival` tie the winner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Crossing {
    pub option: usize,
    pub column: usize,
    pub threshold: f64,
    pub below: bool,
    pub rival: usize,
}

impl Crossing {
    pub(crate) fn change(&self, problem: &Problem<'_>) -> f64 {
        (problem.points[self.option][self.column] - self.threshold).abs()
    }
}

/// A threshold must lie this far inside the interval to count: one that a cell reaches only at
/// the very end of its range would read "above 1.00" in a record.
const INSIDE: f64 = 0.005;

/// Every unknown cell whose threshold lies inside its interval, smallest change first.
/// The winner's cell falling lets the runner-up (the closest rival) tie; a rival's cell rising
/// lets that rival tie. Other cells stay at their point scores.
pub(crate) fn crossings(problem: &Problem<'_>, totals: &[f64], winner: usize) -> Vec<Crossing> {
    let mut found = Vec::new();
    let runner_up = (0..totals.len()).filter(|&j| j != winner).max_by(|&a, &b| {
        totals[a]
            .total_cmp(&totals[b])
            .then(problem.tie_order[b].cmp(&problem.tie_order[a]))
    });
    for (column, &weight) in problem.weights.iter().enumerate() {
        if weight <= 0.0 {
            continue;
        }
        for option in 0..totals.len() {
            let (low, high) = (problem.lows[option][column], problem.highs[option][column]);
            if high <= low {
                continue;
            }
            let point = problem.points[option][column];
            let crossing = if option == winner {
                let Some(rival) = runner_up else { continue };
                let threshold = point - (totals[winner] - totals[rival]) / weight;
                (threshold > low + INSIDE).then_some(Crossing {
                    option,
                    column,
                    threshold,
                    below: true,
                    rival,
                })
            } else {
                let threshold = point + (totals[winner] - totals[option]) / weight;
                (threshold < high - INSIDE).then_some(Crossing {
                    option,
                    column,
                    threshold,
                    below: false,
                    rival: option,
                })
            };
            found.extend(crossing);
        }
    }
    found.sort_by(|a, b| {
        a.change(problem)
            .total_cmp(&b.change(problem))
            .then(a.option.cmp(&b.option))
            .then(a.column.cmp(&b.column))
    });
    found
}
