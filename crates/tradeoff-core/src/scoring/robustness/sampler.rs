//! Random draws for the acceptability analysis: a seeded PRNG, weight vectors consistent with
//! what the spec says about importance, and cell scores within their intervals.

use rand_core::Rng;
use rand_pcg::Pcg64Mcg;

use crate::scoring::ahp::{self, PairJudgment};

/// Power iteration stops when no weight moves by more than this: far below the sampling error of
/// the acceptability indices (over a percentage point), and several times faster than the
/// record's 1e-15.
const AHP_TOLERANCE: f64 = 1e-6;

/// PCG (O'Neill 2014): small, fast, and the same stream on every platform for a given seed.
pub(crate) struct Draws(Pcg64Mcg);

impl Draws {
    pub(crate) fn new(seed: u64) -> Draws {
        // The multiplier-only PCG needs an odd state; spreading the seed over 128 bits keeps
        // nearby seeds apart.
        let state = ((u128::from(seed) << 64) | u128::from(seed ^ 0x9E37_79B9_7F4A_7C15)) | 1;
        Draws(Pcg64Mcg::new(state))
    }

    /// Uniform in [0, 1): the top 53 bits of a 64-bit draw.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in 0..n (n > 0), by multiply-shift; the bias is below 2⁻³² for any n here.
    fn below(&mut self, n: usize) -> usize {
        (((self.0.next_u64() >> 32) * n as u64) >> 32) as usize
    }
}

/// How to draw a weight vector over the matrix's columns.
pub(crate) enum WeightDraw {
    /// Uniform on the simplex subject to the order of the stated weights: columns with a higher
    /// stated weight always get at least the weight of those with a lower one; columns stated
    /// equal are not ordered among themselves (Tervonen & Lahdelma 2007).
    Ordinal {
        /// Column indices grouped by equal stated weight, the heaviest group first.
        levels: Vec<Vec<usize>>,
        columns: usize,
    },
    /// Every pairwise judgment moved uniformly by up to one step of Saaty's scale, then weights
    /// recomputed with AHP.
    Pairwise {
        criteria: usize,
        judgments: Vec<PairJudgment>,
        /// The matrix column of each AHP criterion, if it is a column (weight > 0).
        column_of: Vec<Option<usize>>,
        columns: usize,
    },
}

impl WeightDraw {
    /// Groups the stated weights into levels (equal within 1e-12).
    pub(crate) fn ordinal(weights: &[f64]) -> WeightDraw {
        let mut order: Vec<usize> = (0..weights.len()).collect();
        order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]).then(a.cmp(&b)));
        let mut levels: Vec<Vec<usize>> = Vec::new();
        for column in order {
            match levels.last_mut() {
                Some(level) if (weights[level[0]] - weights[column]).abs() <= 1e-12 => level.push(column),
                _ => levels.push(vec![column]),
            }
        }
        WeightDraw::Ordinal {
            levels,
            columns: weights.len(),
        }
    }

    /// Fills `out` (one weight per column, summing to 1) with one draw.
    pub(crate) fn draw(&self, draws: &mut Draws, scratch: &mut Scratch, out: &mut [f64]) {
        match self {
            WeightDraw::Ordinal { levels, columns } => {
                let scratch = &mut scratch.simplex;
                uniform_simplex(draws, *columns, scratch);
                scratch.sort_by(|a, b| b.total_cmp(a));
                let mut next = 0;
                for level in levels {
                    // Within a level any order is allowed: a random permutation of its share.
                    let share = &mut scratch[next..next + level.len()];
                    for i in (1..share.len()).rev() {
                        share.swap(i, draws.below(i + 1));
                    }
                    for (column, w) in level.iter().zip(share.iter()) {
                        out[*column] = *w;
                    }
                    next += level.len();
                }
            }
            WeightDraw::Pairwise {
                criteria,
                judgments,
                column_of,
                columns,
            } => {
                let Scratch { moved, solver, .. } = scratch;
                moved.clear();
                moved.extend(judgments.iter().map(|j| PairJudgment {
                    intensity: one_step(j.intensity, draws.unit()),
                    ..*j
                }));
                let weights = solver.weights(*criteria, moved, AHP_TOLERANCE);
                out.iter_mut().for_each(|w| *w = 0.0);
                for (criterion, w) in weights.iter().enumerate() {
                    if let Some(Some(column)) = column_of.get(criterion) {
                        out[*column] = *w;
                    }
                }
                let sum: f64 = out.iter().sum();
                if sum > 0.0 {
                    out.iter_mut().for_each(|w| *w /= sum);
                } else {
                    out.iter_mut().for_each(|w| *w = 1.0 / *columns as f64);
                }
            }
        }
    }
}

/// What drawing weights needs besides the draws, kept from one draw to the next (a thousand
/// draws per spec would otherwise allocate their vectors and judgment matrices anew).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    simplex: Vec<f64>,
    moved: Vec<PairJudgment>,
    solver: ahp::Solver,
}

/// A uniform point of the (n-1)-simplex: the gaps between n-1 sorted uniforms (Rubinstein 1982),
/// which uses only comparisons and subtraction, so it is the same on every platform.
fn uniform_simplex(draws: &mut Draws, n: usize, out: &mut Vec<f64>) {
    out.clear();
    if n == 0 {
        return;
    }
    out.extend((1..n).map(|_| draws.unit()));
    out.sort_by(f64::total_cmp);
    out.push(1.0);
    let mut previous = 0.0;
    for x in out.iter_mut() {
        let gap = *x - previous;
        previous = *x;
        *x = gap;
    }
}

/// Moves a Saaty intensity by `u` ∈ [0, 1) mapped to [-1, 1) steps. The scale runs 1/9 … 1/2,
/// 1, 2 … 9; as a line, intensity x ≥ 1 sits at x − 1 and 1/x at −(x − 1), so one step is one
/// unit and the reciprocal side is symmetric.
pub(crate) fn one_step(intensity: f64, u: f64) -> f64 {
    let position = if intensity >= 1.0 {
        intensity - 1.0
    } else {
        -(1.0 / intensity - 1.0)
    };
    let moved = (position + 2.0 * u - 1.0).clamp(-8.0, 8.0);
    if moved >= 0.0 {
        moved + 1.0
    } else {
        1.0 / (1.0 - moved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplex_draws_are_positive_and_sum_to_one() {
        let mut draws = Draws::new(7);
        let mut scratch = Vec::new();
        for n in 1..6 {
            uniform_simplex(&mut draws, n, &mut scratch);
            assert_eq!(scratch.len(), n);
            assert!((scratch.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            assert!(scratch.iter().all(|w| *w >= 0.0));
        }
    }

    #[test]
    fn ordinal_draws_respect_the_levels() {
        let stated = [0.4, 0.2, 0.2, 0.1, 0.1];
        let draw = WeightDraw::ordinal(&stated);
        let mut draws = Draws::new(1);
        let (mut scratch, mut out) = (Scratch::default(), vec![0.0; 5]);
        let mut second_first = 0;
        for _ in 0..2_000 {
            draw.draw(&mut draws, &mut scratch, &mut out);
            assert!(out[0] >= out[1] && out[0] >= out[2]);
            assert!(out[1].min(out[2]) >= out[3].max(out[4]));
            second_first += usize::from(out[1] > out[2]);
        }
        // Equal levels are not ordered: each of the tied pair comes first about half the time.
        assert!((800..1_200).contains(&second_first), "{second_first}");
    }

    #[test]
    fn one_step_stays_within_a_step_and_on_the_scale() {
        assert_eq!(one_step(3.0, 0.5), 3.0);
        assert_eq!(one_step(3.0, 0.0), 2.0);
        assert!((one_step(1.0, 0.0) - 0.5).abs() < 1e-12, "1 moves to 1/2 at most");
        assert!((one_step(0.5, 1.0 - 1e-12) - 1.0).abs() < 1e-9);
        assert_eq!(one_step(9.0, 0.99), 9.0, "clamped at the top of the scale");
        assert!((one_step(1.0 / 9.0, 0.0) - 1.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn the_same_seed_gives_the_same_stream() {
        let (mut a, mut b) = (Draws::new(42), Draws::new(42));
        let xs: Vec<f64> = (0..5).map(|_| a.unit()).collect();
        let ys: Vec<f64> = (0..5).map(|_| b.unit()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, (0..5).map(|_| Draws::new(43).unit()).collect::<Vec<_>>());
    }
}
