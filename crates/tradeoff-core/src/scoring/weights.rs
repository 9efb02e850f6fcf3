//! Criterion weights from the plan: direct weights as given, or AHP priorities from pairwise
//! judgments, with warnings about anything that makes them less trustworthy.

use std::collections::BTreeMap;

use tradeoff_lang::plan::{Judgment, Weighting};
use tradeoff_lang::vocab::Criterion;

use super::ahp::{self, PairJudgment, MAX_CONSISTENCY_RATIO};
use crate::evaluation::{Warning, Weights};

pub(crate) struct Resolved {
    pub weights: Weights,
    /// Matrix columns: criteria with weight > 0, in canonical order.
    pub criteria: Vec<Criterion>,
    /// Weight per column, summing to 1.
    pub vector: Vec<f64>,
    pub warnings: Vec<Warning>,
}

pub(crate) fn resolve(weighting: &Weighting) -> Resolved {
    let mut resolved = match weighting {
        Weighting::Direct { weights } => direct(weights),
        Weighting::Pairwise { judgments } => {
            let (criteria, pairs) = pair_judgments(judgments);
            pairwise(criteria, &pairs)
        }
    };
    if resolved.criteria.is_empty() {
        resolved.warnings.push(Warning {
            code: "no-criteria".into(),
            message: "no criterion has a positive weight, so every option scores the same".into(),
        });
    }
    resolved
}

/// The criteria compared (canonical order) and the judgments by index into them.
pub(crate) fn pair_judgments(judgments: &[Judgment]) -> (Vec<Criterion>, Vec<PairJudgment>) {
    let criteria: Vec<Criterion> = {
        let set: std::collections::BTreeSet<Criterion> = judgments.iter().flat_map(|j| [j.more, j.less]).collect();
        set.into_iter().collect()
    };
    let index = |c: Criterion| criteria.iter().position(|x| *x == c).unwrap_or(usize::MAX);
    let pairs: Vec<PairJudgment> = judgments
        .iter()
        .map(|j| PairJudgment {
            more: index(j.more),
            less: index(j.less),
            intensity: j.intensity,
        })
        .collect();
    (criteria, pairs)
}

fn direct(given: &BTreeMap<Criterion, f64>) -> Resolved {
    let positive: Vec<(Criterion, f64)> = given
        .iter()
        .filter(|(_, w)| w.is_finite() && **w > 0.0)
        .map(|(c, w)| (*c, *w))
        .collect();
    let sum: f64 = positive.iter().map(|(_, w)| w).sum();
    // The plan compiler normalises already; this only guards hand-built plans, and leaves
    // weights that do sum to 1 bit-for-bit as given.
    let scale = if (sum - 1.0).abs() > 1e-9 && sum > 0.0 {
        1.0 / sum
    } else {
        1.0
    };
    let values: BTreeMap<Criterion, f64> = positive.iter().map(|(c, w)| (*c, w * scale)).collect();
    Resolved {
        criteria: values.keys().copied().collect(),
        vector: values.values().copied().collect(),
        weights: Weights {
            values,
            source: "direct".into(),
            consistency: None,
        },
        warnings: Vec::new(),
    }
}

fn pairwise(criteria: Vec<Criterion>, judgments: &[PairJudgment]) -> Resolved {
    let result = ahp::priorities(criteria.len(), judgments);
    let mut warnings = Vec::new();
    let c = &result.consistency;
    if c.ratio > MAX_CONSISTENCY_RATIO {
        warnings.push(Warning {
            code: "inconsistent-judgments".into(),
            message: format!(
                "the pairwise judgments have a consistency ratio of {:.3} (above {MAX_CONSISTENCY_RATIO}); \
                 some of them contradict each other, so the derived weights are unreliable",
                c.ratio
            ),
        });
    }
    if result.missing_pairs > 0 {
        let n = criteria.len();
        warnings.push(Warning {
            code: "incomplete-judgments".into(),
            message: format!(
                "{} of {} criterion pairs were not compared; their relative importance was inferred from the other \
                 judgments (Harker's method)",
                result.missing_pairs,
                n * (n - 1) / 2
            ),
        });
    }
    if result.groups > 1 {
        warnings.push(Warning {
            code: "unlinked-judgments".into(),
            message: format!(
                "the judgments split the criteria into {} groups that no comparison links; criteria in different \
                 groups were taken as equally important",
                result.groups
            ),
        });
    }
    // Tiny negative or zero weights cannot come out of a positive matrix; keep columns > 0.
    let values: BTreeMap<Criterion, f64> = criteria
        .iter()
        .copied()
        .zip(result.weights.iter().copied())
        .filter(|(_, w)| *w > 0.0)
        .collect();
    Resolved {
        criteria: values.keys().copied().collect(),
        vector: values.values().copied().collect(),
        weights: Weights {
            values,
            source: "pairwise".into(),
            consistency: Some(result.consistency),
        },
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_weights_are_kept_and_zero_weights_dropped() {
        let given = BTreeMap::from([
            (Criterion::Performance, 0.75),
            (Criterion::Security, 0.25),
            (Criterion::Hiring, 0.0),
        ]);
        let resolved = resolve(&Weighting::Direct { weights: given });
        assert_eq!(resolved.criteria, [Criterion::Performance, Criterion::Security]);
        assert_eq!(resolved.vector, [0.75, 0.25]);
        assert_eq!(resolved.weights.source, "direct");
        assert!(resolved.warnings.is_empty());
    }

    #[test]
    fn unnormalised_direct_weights_are_normalised() {
        let given = BTreeMap::from([
            (Criterion::Performance, 3.0),
            (Criterion::Security, 1.0),
            (Criterion::Hiring, f64::NAN),
        ]);
        let resolved = resolve(&Weighting::Direct { weights: given });
        assert_eq!(resolved.vector, [0.75, 0.25]);
    }

    #[test]
    fn no_weights_warn() {
        let resolved = resolve(&Weighting::Direct {
            weights: BTreeMap::new(),
        });
        assert!(resolved.criteria.is_empty());
        assert_eq!(resolved.warnings[0].code, "no-criteria");
    }

    #[test]
    fn pairwise_weights_come_from_ahp() {
        let judgments = vec![
            Judgment {
                more: Criterion::Security,
                less: Criterion::Performance,
                intensity: 4.0,
            },
            Judgment {
                more: Criterion::Security,
                less: Criterion::Productivity,
                intensity: 2.0,
            },
            Judgment {
                more: Criterion::Productivity,
                less: Criterion::Performance,
                intensity: 2.0,
            },
        ];
        let resolved = resolve(&Weighting::Pairwise { judgments });
        assert_eq!(
            resolved.criteria,
            [Criterion::Performance, Criterion::Productivity, Criterion::Security]
        );
        let expected = [1.0 / 7.0, 2.0 / 7.0, 4.0 / 7.0];
        for (got, want) in resolved.vector.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9);
        }
        assert_eq!(resolved.weights.source, "pairwise");
        assert!(resolved.weights.consistency.as_ref().unwrap().ratio < 1e-9);
        assert!(resolved.warnings.is_empty());
    }

    #[test]
    fn inconsistent_and_incomplete_judgments_warn() {
        let judgments = vec![
            Judgment {
                more: Criterion::Security,
                less: Criterion::Performance,
                intensity: 9.0,
            },
            Judgment {
                more: Criterion::Performance,
                less: Criterion::Productivity,
                intensity: 9.0,
            },
            Judgment {
                more: Criterion::Productivity,
                less: Criterion::Security,
                intensity: 9.0,
            },
            Judgment {
                more: Criterion::Hiring,
                less: Criterion::Maturity,
                intensity: 2.0,
            },
        ];
        let resolved = resolve(&Weighting::Pairwise { judgments });
        let codes: Vec<&str> = resolved.warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(
            codes,
            ["inconsistent-judgments", "incomplete-judgments", "unlinked-judgments"]
        );
        assert!((resolved.vector.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
