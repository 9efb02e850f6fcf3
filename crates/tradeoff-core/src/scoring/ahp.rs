//! AHP weights from pairwise judgments: the principal eigenvector of the reciprocal judgment
//! matrix (power iteration), and Saaty's consistency ratio.
//!
//! Judgments may be incomplete (the spec language does not require every pair). Missing pairs
//! are handled with Harker's method (the pair is left out and the row's diagonal raised by one
//! per missing entry), which infers them from the judgments given instead of guessing "equal".
//! Only where no chain of judgments links two groups of criteria at all is there nothing to
//! infer from; those pairs are taken as equally important and the caller warns.

use crate::evaluation::Consistency;

/// Saaty's random consistency index for n = 1..=15 (the mean CI of random reciprocal matrices).
pub const RANDOM_INDEX: [f64; 15] = [
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/// Judgments whose consistency ratio exceeds this are too contradictory to trust (Saaty).
pub const MAX_CONSISTENCY_RATIO: f64 = 0.1;

/// Saaty's scale bounds; stronger judgments are clamped.
const MIN_INTENSITY: f64 = 1.0 / 9.0;
const MAX_INTENSITY: f64 = 9.0;

const MAX_ITERATIONS: usize = 10_000;
const TOLERANCE: f64 = 1e-15;

/// "`more` is `intensity` times as important as `less`", criteria given by index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairJudgment {
    pub more: usize,
    pub less: usize,
    pub intensity: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Priorities {
    /// Sums to 1, one per criterion index.
    pub weights: Vec<f64>,
    pub consistency: Consistency,
    /// Pairs with no judgment (each counted once).
    pub missing_pairs: usize,
    /// Groups of criteria not linked to each other by any chain of judgments (1 when complete).
    pub groups: usize,
}

pub fn random_index(n: usize) -> f64 {
    match n {
        0 => 0.0,
        n => RANDOM_INDEX[n.min(RANDOM_INDEX.len()) - 1],
    }
}

/// Weights for `n` criteria from the judgments. Judgments naming an index ≥ n, comparing a
/// criterion with itself, or with a non-finite or non-positive intensity are ignored.
pub fn priorities(n: usize, judgments: &[PairJudgment]) -> Priorities {
    if n == 0 {
        let consistency = Consistency {
            lambda_max: 0.0,
            consistency_index: 0.0,
            random_index: 0.0,
            ratio: 0.0,
        };
        return Priorities {
            weights: Vec::new(),
            consistency,
            missing_pairs: 0,
            groups: 0,
        };
    }
    let mut solver = Solver::default();
    let missing_pairs = solver.build(n, judgments);
    solver.iterate(TOLERANCE);
    let weights = solver.w.clone();
    solver.multiply_into_next();
    let lambda_max: f64 = solver.next.iter().sum();
    let consistency_index = if n > 2 {
        ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0)
    } else {
        0.0
    };
    let random_index = random_index(n);
    let ratio = if random_index > 0.0 {
        consistency_index / random_index
    } else {
        0.0
    };
    let groups = solver.groups.count();
    Priorities {
        weights,
        consistency: Consistency {
            lambda_max,
            consistency_index,
            random_index,
            ratio,
        },
        missing_pairs,
        groups,
    }
}

/// The weights alone, iterated until no weight moves by more than `tolerance`: for callers that
/// solve many perturbed judgment sets (the acceptability analysis) and need far less precision
/// than a record shows. [`Solver::weights`] does the same without allocating.
pub fn weights(n: usize, judgments: &[PairJudgment], tolerance: f64) -> Vec<f64> {
    Solver::default().weights(n, judgments, tolerance).to_vec()
}

/// The judgment matrix and the power iteration's vectors, kept between solves: the acceptability
/// analysis solves a thousand perturbed judgment sets per spec, and allocating a matrix, its
/// rows and a vector per iteration for each cost more than the arithmetic. Every solve does the
/// same floating-point operations in the same order as a fresh one, so results are identical.
#[derive(Debug, Default)]
pub struct Solver {
    n: usize,
    /// The judgment given for each ordered pair (row-major, n × n).
    given: Vec<Option<f64>>,
    /// The reciprocal judgment matrix with Harker's diagonal (row-major, n × n).
    matrix: Vec<f64>,
    groups: Groups,
    /// The current estimate, then the weights.
    w: Vec<f64>,
    next: Vec<f64>,
}

impl Solver {
    /// The weights for `n` criteria from `judgments` (see [`weights`]); empty for no criteria.
    pub fn weights(&mut self, n: usize, judgments: &[PairJudgment], tolerance: f64) -> &[f64] {
        if n == 0 {
            self.w.clear();
            return &self.w;
        }
        self.build(n, judgments);
        self.iterate(tolerance);
        &self.w
    }

    /// The reciprocal judgment matrix with Harker's diagonal for missing pairs, and the groups
    /// the judgments link; returns the number of missing pairs.
    fn build(&mut self, n: usize, judgments: &[PairJudgment]) -> usize {
        self.n = n;
        self.given.clear();
        self.given.resize(n * n, None);
        self.groups.reset(n);
        for j in judgments {
            if j.more >= n || j.less >= n || j.more == j.less || !j.intensity.is_finite() || j.intensity <= 0.0 {
                continue;
            }
            let x = j.intensity.clamp(MIN_INTENSITY, MAX_INTENSITY);
            self.given[j.more * n + j.less] = Some(x);
            self.given[j.less * n + j.more] = Some(1.0 / x);
            self.groups.join(j.more, j.less);
        }
        self.matrix.clear();
        self.matrix.resize(n * n, 0.0);
        let mut missing_pairs = 0;
        for i in 0..n {
            self.matrix[i * n + i] = 1.0;
            for k in 0..n {
                if i == k {
                    continue;
                }
                match self.given[i * n + k] {
                    Some(x) => self.matrix[i * n + k] = x,
                    None if self.groups.find(i) == self.groups.find(k) => self.matrix[i * n + i] += 1.0,
                    None => self.matrix[i * n + k] = 1.0,
                }
                if self.given[i * n + k].is_none() && i < k {
                    missing_pairs += 1;
                }
            }
        }
        missing_pairs
    }

    /// Power iteration normalised to sum 1, from the uniform vector. The matrix is positive off
    /// the Harker zeros and irreducible (every pair is linked), so the iteration converges to
    /// the Perron vector.
    fn iterate(&mut self, tolerance: f64) {
        let n = self.n;
        self.w.clear();
        self.w.resize(n, 1.0 / n as f64);
        for _ in 0..MAX_ITERATIONS {
            self.multiply_into_next();
            let sum: f64 = self.next.iter().sum();
            if !(sum.is_finite() && sum > 0.0) {
                break;
            }
            self.next.iter_mut().for_each(|x| *x /= sum);
            let change = self
                .next
                .iter()
                .zip(&self.w)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            std::mem::swap(&mut self.w, &mut self.next);
            if change < tolerance {
                break;
            }
        }
    }

    /// `next` = matrix × `w`.
    fn multiply_into_next(&mut self) {
        let n = self.n;
        self.next.clear();
        self.next.extend(
            self.matrix
                .chunks_exact(n)
                .map(|row| row.iter().zip(&self.w).map(|(a, b)| a * b).sum::<f64>()),
        );
    }
}

/// Union-find over criterion indices, to tell which criteria the judgments link.
#[derive(Debug, Default)]
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    /// `n` criteria, each in a group of its own.
    fn reset(&mut self, n: usize) {
        self.parent.clear();
        self.parent.extend(0..n);
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    fn count(&mut self) -> usize {
        (0..self.parent.len()).filter(|&i| self.find(i) == i).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(more: usize, less: usize, intensity: f64) -> PairJudgment {
        PairJudgment { more, less, intensity }
    }

    /// Every pair judged as w_i / w_j: a perfectly consistent matrix.
    fn consistent(weights: &[f64]) -> Vec<PairJudgment> {
        let mut out = Vec::new();
        for i in 0..weights.len() {
            for k in i + 1..weights.len() {
                out.push(judge(i, k, weights[i] / weights[k]));
            }
        }
        out
    }

    #[test]
    fn consistent_judgments_give_back_the_weights() {
        let weights = [0.5, 0.25, 0.125, 0.125];
        let result = priorities(4, &consistent(&weights));
        for (got, want) in result.weights.iter().zip(weights) {
            assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
        assert!((result.consistency.lambda_max - 4.0).abs() < 1e-9);
        assert!(result.consistency.ratio < 1e-9);
        assert_eq!(result.consistency.random_index, 0.90);
        assert_eq!((result.missing_pairs, result.groups), (0, 1));
    }

    #[test]
    fn a_reused_solver_gives_exactly_what_a_fresh_one_does() {
        let sets: [(usize, Vec<PairJudgment>); 4] = [
            (3, vec![judge(0, 1, 3.0), judge(0, 2, 5.0), judge(1, 2, 2.0)]),
            (5, vec![judge(0, 1, 2.0), judge(3, 4, 7.0)]),
            (4, consistent(&[0.5, 0.25, 0.125, 0.125])),
            (3, vec![judge(0, 1, 9.0), judge(1, 2, 9.0), judge(2, 0, 9.0)]),
        ];
        let mut solver = Solver::default();
        for round in 0..2 {
            for (n, judgments) in &sets {
                let fresh = weights(*n, judgments, 1e-6);
                let reused = solver.weights(*n, judgments, 1e-6);
                assert_eq!(reused, &fresh[..], "round {round}, n = {n}");
            }
        }
        assert!(solver.weights(0, &[], 1e-6).is_empty());
    }

    #[test]
    fn saaty_textbook_matrix() {
        // a > b 3, a > c 5, b > c 2 (Saaty-style example): weights ≈ 0.648, 0.230, 0.122.
        let result = priorities(3, &[judge(0, 1, 3.0), judge(0, 2, 5.0), judge(1, 2, 2.0)]);
        let expected = [0.6483, 0.2297, 0.1220];
        for (got, want) in result.weights.iter().zip(expected) {
            assert!((got - want).abs() < 5e-4, "{got} vs {want}");
        }
        assert!((result.consistency.lambda_max - 3.0037).abs() < 1e-3);
        assert!(result.consistency.ratio < MAX_CONSISTENCY_RATIO);
    }

    #[test]
    fn contradictory_judgments_have_a_high_ratio() {
        // a > b, b > c, c > a: a cycle.
        let result = priorities(3, &[judge(0, 1, 9.0), judge(1, 2, 9.0), judge(2, 0, 9.0)]);
        assert!(
            result.consistency.ratio > MAX_CONSISTENCY_RATIO,
            "{:?}",
            result.consistency
        );
        for w in &result.weights {
            assert!((w - 1.0 / 3.0).abs() < 1e-9, "a symmetric cycle gives equal weights");
        }
    }

    #[test]
    fn missing_pairs_are_inferred_from_chains() {
        // a = 2b, b = 2c; a-c unjudged: Harker's method recovers a = 4c exactly.
        let result = priorities(3, &[judge(0, 1, 2.0), judge(1, 2, 2.0)]);
        let expected = [4.0 / 7.0, 2.0 / 7.0, 1.0 / 7.0];
        for (got, want) in result.weights.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
        assert_eq!((result.missing_pairs, result.groups), (1, 1));
        assert!(result.consistency.ratio < 1e-9);
    }

    #[test]
    fn unlinked_groups_are_counted() {
        let result = priorities(4, &[judge(0, 1, 3.0), judge(2, 3, 3.0)]);
        assert_eq!(result.groups, 2);
        assert_eq!(result.missing_pairs, 4);
        assert!((result.weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert!(priorities(0, &[]).weights.is_empty());
        assert_eq!(priorities(1, &[]).weights, vec![1.0]);
        let result = priorities(
            2,
            &[
                judge(0, 1, f64::NAN),
                judge(0, 0, 3.0),
                judge(5, 1, 2.0),
                judge(1, 0, 100.0),
            ],
        );
        assert!(
            (result.weights[1] - 0.9).abs() < 1e-12,
            "clamped to 9: {:?}",
            result.weights
        );
        assert_eq!(random_index(40), 1.59);
    }
}
