use proptest::prelude::*;
use tradeoff_lang::plan::Weighting;
use tradeoff_lang::vocab::Criterion;

use super::*;

const CRITERIA: [Criterion; 3] = [Criterion::Performance, Criterion::Security, Criterion::Hiring];

fn direct() -> Weighting {
    Weighting::Direct {
        weights: BTreeMap::new(),
    }
}

struct Case {
    ids: Vec<&'static str>,
    points: Vec<Vec<f64>>,
    lows: Vec<Vec<f64>>,
    highs: Vec<Vec<f64>>,
    weights: Vec<f64>,
}

impl Case {
    fn known(points: Vec<Vec<f64>>, weights: Vec<f64>) -> Case {
        let ids = ["a", "b", "c", "d", "e", "f"][..points.len()].to_vec();
        Case {
            ids,
            lows: points.clone(),
            highs: points.clone(),
            points,
            weights,
        }
    }

    fn assess(&self, samples: usize, seed: u64) -> Assurance {
        let criteria = &CRITERIA[..self.weights.len()];
        let problem = Problem::new(
            &self.ids,
            &self.ids,
            criteria,
            &self.weights,
            [&self.points, &self.lows, &self.highs],
        );
        assess(&problem, &direct(), samples, seed).expect("two options and criteria")
    }
}

fn first(assurance: &Assurance, id: &str) -> f64 {
    assurance
        .smaa
        .acceptability
        .iter()
        .find(|a| a.framework == id)
        .map_or(0.0, Acceptability::first)
}

#[test]
fn a_winner_better_on_everything_is_robust() {
    let case = Case::known(vec![vec![0.9, 0.8, 0.7], vec![0.5, 0.5, 0.5]], vec![0.5, 0.3, 0.2]);
    let assurance = case.assess(1_000, SEED);
    assert_eq!(assurance.verdict, Verdict::Robust);
    assert!(assurance.holds_whatever_unknowns);
    assert!(assurance.overturns.is_empty());
    assert_eq!(first(&assurance, "a"), 1.0);
    assert!(assurance.summary.starts_with("Robust: a wins in 100.0% of 1,000 draws"));
    let central: f64 = assurance.smaa.central_weights.values().sum();
    assert!((central - 1.0).abs() < 1e-9, "central weights are a weight vector");
}

#[test]
fn a_close_trade_off_depends_on_weights() {
    // a wins at the stated order (performance first), but b is far better on security.
    let case = Case::known(vec![vec![0.9, 0.2], vec![0.6, 0.9]], vec![0.8, 0.2]);
    let assurance = case.assess(2_000, SEED);
    assert_eq!(assurance.winner, "a");
    assert_eq!(assurance.verdict, Verdict::DependsOnWeights);
    // Ordinal draws: w_perf ≥ w_sec, w_perf = 1 - w_sec, a wins when 0.3 w_p > 0.7 w_s, i.e.
    // w_s < 0.3, which is 60% of the allowed range w_s ∈ [0, 0.5].
    let share = first(&assurance, "a");
    assert!((share - 0.6).abs() < 4.0 * (0.24f64 / 2_000.0).sqrt(), "{share}");
    assert!(assurance.summary.contains("b wins in"), "{}", assurance.summary);
}

#[test]
fn an_unknown_that_could_overturn_is_named_with_its_threshold() {
    let mut case = Case::known(vec![vec![0.8, 0.6], vec![0.7, 0.6]], vec![0.5, 0.5]);
    // a's security is unknown, anywhere in [0.2, 1.0].
    case.lows[0][1] = 0.2;
    case.highs[0][1] = 1.0;
    let assurance = case.assess(1_000, SEED);
    assert_eq!(assurance.verdict, Verdict::DependsOnUnknowns);
    assert!(!assurance.holds_whatever_unknowns);
    let overturn = &assurance.overturns[0];
    // a loses its 0.05 lead when its security drops by 0.1, to 0.5.
    assert!((overturn.threshold - 0.5).abs() < 1e-12);
    assert!(overturn.below);
    assert_eq!(overturn.statement, "if a's security score were below 0.50, b would win");
}

#[test]
fn a_rivals_unknown_can_overturn_from_above() {
    let mut case = Case::known(vec![vec![0.8, 0.6], vec![0.7, 0.5]], vec![0.5, 0.5]);
    case.lows[1][0] = 0.1;
    case.highs[1][0] = 1.0;
    let assurance = case.assess(500, SEED);
    let overturn = &assurance.overturns[0];
    assert!(!overturn.below);
    assert!((overturn.threshold - 0.9).abs() < 1e-12);
    assert_eq!(
        overturn.statement,
        "if b's performance score were above 0.90, b would win"
    );
}

#[test]
fn an_unknown_too_narrow_to_matter_is_not_an_overturn() {
    let mut case = Case::known(vec![vec![0.9, 0.6], vec![0.5, 0.5]], vec![0.5, 0.5]);
    case.lows[0][1] = 0.5;
    case.highs[0][1] = 0.7;
    let assurance = case.assess(500, SEED);
    assert!(assurance.holds_whatever_unknowns);
    assert!(assurance.overturns.is_empty());
}

#[test]
fn unknowns_that_overturn_only_together_leave_the_verdict_to_acceptability() {
    let mut case = Case::known(vec![vec![0.8, 0.8], vec![0.7, 0.7]], vec![0.5, 0.5]);
    // Either cell of a alone at 0.65 leaves a ahead (0.725 > 0.7); both together do not.
    case.lows[0] = vec![0.65, 0.65];
    let assurance = case.assess(1_000, SEED);
    assert!(!assurance.holds_whatever_unknowns);
    assert!(assurance.overturns.is_empty());
    assert_ne!(assurance.verdict, Verdict::DependsOnUnknowns);
    assert!(
        assurance.summary.contains("only several at their extremes together"),
        "{}",
        assurance.summary
    );
}

#[test]
fn the_same_seed_gives_the_same_assurance() {
    let case = Case::known(vec![vec![0.9, 0.2], vec![0.6, 0.9], vec![0.7, 0.7]], vec![0.6, 0.4]);
    assert_eq!(case.assess(700, 3), case.assess(700, 3));
}

#[test]
fn pairwise_weights_are_perturbed_within_a_step() {
    use tradeoff_lang::plan::Judgment;
    let weighting = Weighting::Pairwise {
        judgments: vec![Judgment {
            more: Criterion::Performance,
            less: Criterion::Security,
            intensity: 3.0,
        }],
    };
    // With performance 2..4 times as important, w_perf ∈ [2/3, 4/5]; a wins iff
    // 0.3 w_p > 0.7 (1 - w_p), i.e. w_p > 0.7: between the bounds, so both win sometimes.
    let points = vec![vec![0.9, 0.2], vec![0.6, 0.9]];
    let ids = ["a", "b"];
    let criteria = [Criterion::Performance, Criterion::Security];
    let weights = [0.75, 0.25];
    let problem = Problem::new(&ids, &ids, &criteria, &weights, [&points, &points, &points]);
    let assurance = assess(&problem, &weighting, 1_000, SEED).unwrap();
    assert_eq!(assurance.smaa.weight_sampling, WeightSampling::PairwisePerturbed);
    let share = first(&assurance, "a");
    assert!(share > 0.5 && share < 1.0, "{share}");
}

fn matrix(options: usize, columns: usize) -> impl Strategy<Value = Vec<Vec<f64>>> {
    prop::collection::vec(prop::collection::vec(0.0..=1.0f64, columns), options)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// An option at least as good as every other on every criterion, strictly better on one,
    /// wins every draw.
    #[test]
    fn a_dominating_option_has_acceptability_one(rest in matrix(3, 3), weights in prop::collection::vec(0.05..1.0f64, 3)) {
        let sum: f64 = weights.iter().sum();
        let weights: Vec<f64> = weights.iter().map(|w| w / sum).collect();
        let best: Vec<f64> = (0..3).map(|k| rest.iter().map(|r| r[k]).fold(0.0, f64::max)).collect();
        let mut dominant = best.clone();
        dominant[0] = (best[0] + 0.01).min(1.0);
        prop_assume!(dominant[0] > best[0]);
        let mut points = vec![dominant];
        points.extend(rest);
        let case = Case::known(points, weights);
        let assurance = case.assess(400, SEED);
        prop_assert_eq!(first(&assurance, "a"), 1.0);
    }

    /// Four times the draws, with another seed: every index moves by less than five standard
    /// errors of the difference of two proportions (five, not two or three, because each case
    /// makes a dozen comparisons and proptest runs many cases: a false alarm stays below 1e-3).
    #[test]
    fn more_draws_move_results_only_within_sampling_error(points in matrix(4, 3), weights in prop::collection::vec(0.05..1.0f64, 3), seed in any::<u64>()) {
        let sum: f64 = weights.iter().sum();
        let weights: Vec<f64> = weights.iter().map(|w| w / sum).collect();
        let mut case = Case::known(points, weights);
        case.lows[1][0] = (case.points[1][0] - 0.2).max(0.0);
        case.highs[1][0] = (case.points[1][0] + 0.2).min(1.0);
        let (n, m) = (500usize, 2_000usize);
        let small = case.assess(n, seed);
        let large = case.assess(m, seed.wrapping_add(1));
        for a in &small.smaa.acceptability {
            let b = large.smaa.acceptability.iter().find(|b| b.framework == a.framework).unwrap();
            for (x, y) in a.ranks.iter().zip(&b.ranks) {
                let p = (x + y) / 2.0;
                let se = (p * (1.0 - p) * (1.0 / n as f64 + 1.0 / m as f64)).sqrt();
                prop_assert!((x - y).abs() <= 5.0 * se + 1e-9, "{} vs {} (se {})", x, y, se);
            }
        }
    }

    /// Each option's acceptabilities over ranks 1..3, and each rank's over options, are shares.
    #[test]
    fn acceptabilities_are_shares(points in matrix(4, 3), weights in prop::collection::vec(0.05..1.0f64, 3)) {
        let sum: f64 = weights.iter().sum();
        let weights: Vec<f64> = weights.iter().map(|w| w / sum).collect();
        let assurance = Case::known(points, weights).assess(300, SEED);
        for rank in 0..3 {
            let total: f64 = assurance.smaa.acceptability.iter().map(|a| a.ranks[rank]).sum();
            prop_assert!((total - 1.0).abs() < 1e-9);
        }
    }
}
