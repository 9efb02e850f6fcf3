//! Properties the scoring engine must keep for any input: bounded totals, scale-free weights,
//! dominance respected, eliminated frameworks inert, AHP exact on consistent judgments.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use tradeoff_core::catalog::model::{ConcurrencyModel, Framework, RepoSnapshot, TfbTest};
use tradeoff_core::evaluation::Aggregation;
use tradeoff_core::scoring::aggregate::{rank_order, topsis, weighted_sum};
use tradeoff_core::scoring::ahp::{priorities, PairJudgment};
use tradeoff_core::scoring::{evaluate, Settings};
use tradeoff_lang::vocab::{Criterion, Feature, Language, Method, Style, Tier};

use common::{catalog, fact, feature, framework, plan, throughput};

/// A decision matrix (rows × cols, scores in [0, 1]) and positive weights summing to 1.
fn matrix_and_weights() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<f64>)> {
    (1usize..8, 1usize..13).prop_flat_map(|(rows, cols)| {
        (
            prop::collection::vec(prop::collection::vec(0.0f64..=1.0, cols), rows),
            prop::collection::vec(0.01f64..1.0, cols).prop_map(normalise),
        )
    })
}

fn normalise(weights: Vec<f64>) -> Vec<f64> {
    let sum: f64 = weights.iter().sum();
    weights.iter().map(|w| w / sum).collect()
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("fw{i:02}")).collect()
}

/// Frameworks with a random mix of known and unknown facts, never in Elixir (reserved for the
/// framework the elimination property adds).
fn random_framework(index: usize) -> impl Strategy<Value = Framework> {
    let languages = [
        Language::Python,
        Language::Go,
        Language::Rust,
        Language::Java,
        Language::Ruby,
    ];
    (
        prop::sample::select(languages.to_vec()),
        prop::option::of(1u64..5_000_000),
        prop::option::of(1u64..5_000_000),
        prop::option::of(prop::sample::select(vec![
            Style::Convention,
            Style::Configuration,
            Style::Balanced,
        ])),
        prop::option::of(prop::sample::select(vec![
            ConcurrencyModel::Threads,
            ConcurrencyModel::AsyncRuntime,
            ConcurrencyModel::Goroutines,
            ConcurrencyModel::EventLoop,
        ])),
        prop::collection::vec(
            prop::option::of(prop::sample::select(Tier::ALL.to_vec())),
            Feature::ALL.len(),
        ),
        prop::option::of(0u64..300_000),
        prop::option::of(1995i32..2026),
        prop::option::of(any::<bool>()),
    )
        .prop_map(move |(language, json, db, style, model, features, stars, first, lts)| {
            let id = format!("fw{index:02}");
            let mut fw = framework(&id, &id, language);
            fw.throughput = json
                .map(|rps| throughput(TfbTest::Json, rps))
                .into_iter()
                .chain(db.map(|rps| throughput(TfbTest::Db, rps)))
                .collect();
            fw.style = style.map(fact);
            fw.concurrency_model = model.map(fact);
            for (wanted, tier) in Feature::ALL.iter().zip(features) {
                if let Some(tier) = tier {
                    fw.features.insert(*wanted, feature(tier));
                }
            }
            fw.github = stars
                .map(|stars| RepoSnapshot {
                    repo: format!("o/{id}"),
                    list: "Go".into(),
                    stars: Some(stars),
                    stars_below: None,
                    rank: None,
                    forks: Some(stars / 10),
                    open_issues: None,
                    last_commit: Some("2026-08-01T00:00:00Z".into()),
                    source: "https://github.com/EvanLi/Github-Ranking".into(),
                    as_of: "2026-08-22".into(),
                    note: None,
                })
                .into_iter()
                .collect();
            fw.first_release = first.map(fact);
            fw.lts = lts.map(fact);
            fw
        })
}

fn random_frameworks() -> impl Strategy<Value = Vec<Framework>> {
    (1usize..7).prop_flat_map(|n| (0..n).map(random_framework).collect::<Vec<_>>())
}

fn random_weights() -> impl Strategy<Value = BTreeMap<Criterion, f64>> {
    prop::collection::btree_map(
        prop::sample::select(Criterion::ALL.to_vec()),
        0.01f64..1.0,
        1..=Criterion::ALL.len(),
    )
    .prop_map(|weights| {
        let sum: f64 = weights.values().sum();
        weights.into_iter().map(|(c, w)| (c, w / sum)).collect()
    })
}

/// True when `a` is at least `b` on every column.
fn dominates(a: &[f64], b: &[f64]) -> bool {
    a.iter().zip(b).all(|(x, y)| x >= y)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn totals_stay_in_the_unit_interval((matrix, weights) in matrix_and_weights()) {
        for total in weighted_sum(&matrix, &weights).into_iter().chain(topsis(&matrix, &weights)) {
            prop_assert!((-1e-12..=1.0 + 1e-12).contains(&total), "{total}");
        }
    }

    #[test]
    fn evaluated_totals_stay_in_the_unit_interval(frameworks in random_frameworks(), weights in random_weights()) {
        let evaluation = evaluate(&plan(weights, Method::All), &catalog(frameworks), &Settings::default());
        for option in &evaluation.options {
            for total in option.totals.values() {
                prop_assert!((-1e-12..=1.0 + 1e-12).contains(total), "{total}");
            }
            prop_assert!((0.0..=1.0).contains(&option.confidence));
        }
    }

    #[test]
    fn scaling_weights_does_not_change_ranks((matrix, weights) in matrix_and_weights(), factor in 0.01f64..100.0) {
        let ids = ids(matrix.len());
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let scaled: Vec<f64> = weights.iter().map(|w| w * factor).collect();
        for method in [weighted_sum, topsis] {
            let original = method(&matrix, &weights);
            let rescaled = method(&matrix, &scaled);
            // Totals within rounding of each other may legitimately swap; everything else must
            // keep its order.
            let order = rank_order(&rescaled, &ids);
            for pair in order.windows(2) {
                let (better, worse) = (pair[0], pair[1]);
                prop_assert!(
                    original[better] >= original[worse] - 1e-12,
                    "{better} ahead of {worse} after scaling, {} < {}", original[better], original[worse]
                );
            }
        }
    }

    #[test]
    fn a_dominating_option_ranks_at_least_as_high((matrix, weights) in matrix_and_weights()) {
        let ids = ids(matrix.len());
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        for method in [weighted_sum, topsis] {
            let totals = method(&matrix, &weights);
            let order = rank_order(&totals, &ids);
            let rank = |i: usize| order.iter().position(|&r| r == i).unwrap();
            for a in 0..matrix.len() {
                for b in 0..matrix.len() {
                    if a == b || !dominates(&matrix[a], &matrix[b]) {
                        continue;
                    }
                    prop_assert!(totals[a] >= totals[b] - 1e-12, "{} < {}", totals[a], totals[b]);
                    if totals[a] > totals[b] + 1e-12 {
                        prop_assert!(rank(a) < rank(b));
                    }
                }
            }
        }
    }

    #[test]
    fn evaluated_weights_sum_to_one(frameworks in random_frameworks(), weights in random_weights()) {
        let evaluation = evaluate(&plan(weights, Method::All), &catalog(frameworks), &Settings::default());
        let sum: f64 = evaluation.weights.values.values().sum();
        prop_assert!((sum - 1.0).abs() < 1e-9, "weights sum to {sum}");
    }

    #[test]
    fn raising_one_score_never_lowers_that_options_wsm_rank(
        (matrix, weights) in matrix_and_weights(),
        row in 0usize..8,
        col in 0usize..13,
        raise in 0.0f64..=1.0,
    ) {
        let ids = ids(matrix.len());
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let (row, col) = (row % matrix.len(), col % weights.len());
        let rank_of = |m: &[Vec<f64>]| rank_order(&weighted_sum(m, &weights), &ids).iter().position(|&r| r == row).unwrap();
        let before = rank_of(&matrix);
        let mut raised = matrix.clone();
        raised[row][col] = (raised[row][col] + raise).min(1.0);
        prop_assert!(rank_of(&raised) <= before, "rank fell from {before} to {}", rank_of(&raised));
    }

    #[test]
    fn permuting_the_catalog_changes_nothing(
        frameworks in random_frameworks(),
        weights in random_weights(),
        rotation in 0usize..16,
    ) {
        let plan = plan(weights, Method::All);
        let before = evaluate(&plan, &catalog(frameworks.clone()), &Settings::default());
        let mut permuted = frameworks;
        let len = permuted.len().max(1);
        permuted.rotate_left(rotation % len);
        permuted.reverse();
        let after = evaluate(&plan, &catalog(permuted), &Settings::default());
        prop_assert_eq!(serde_json::to_string(&before).unwrap(), serde_json::to_string(&after).unwrap());
    }

    #[test]
    fn an_eliminated_unbenchmarked_framework_changes_no_survivor_total(
        frameworks in random_frameworks(),
        extra in random_framework(99),
        weights in random_weights(),
    ) {
        let mut plan = plan(weights, Method::WeightedSum);
        plan.constraints.languages_forbidden = BTreeSet::from([Language::Elixir]);
        let before = evaluate(&plan, &catalog(frameworks.clone()), &Settings::default());
        let mut extra = extra;
        extra.language = fact(Language::Elixir);
        // Benchmark figures and repository snapshots are scaled across the whole catalog (by
        // design), so only an unmeasured framework is inert for the survivors.
        extra.throughput.clear();
        extra.github.clear();
        let mut more = frameworks;
        more.push(extra);
        let after = evaluate(&plan, &catalog(more), &Settings::default());
        prop_assert_eq!(after.eliminated.len(), before.eliminated.len() + 1);
        prop_assert_eq!(before.options.len(), after.options.len());
        for (b, a) in before.options.iter().zip(&after.options) {
            prop_assert_eq!(&b.framework, &a.framework);
            prop_assert_eq!(b.totals[&Aggregation::WeightedSum], a.totals[&Aggregation::WeightedSum]);
        }
    }

    #[test]
    fn ahp_recovers_consistent_weights(raw in prop::collection::vec(1.0f64..=9.0, 1..=12)) {
        // Ratios of values in [1, 9] stay on Saaty's scale, so no judgment is clamped.
        let mut judgments = Vec::new();
        for i in 0..raw.len() {
            for k in i + 1..raw.len() {
                judgments.push(PairJudgment { more: i, less: k, intensity: raw[i] / raw[k] });
            }
        }
        let result = priorities(raw.len(), &judgments);
        for (got, want) in result.weights.iter().zip(normalise(raw.clone())) {
            prop_assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
        prop_assert!(result.consistency.ratio.abs() < 1e-9, "{:?}", result.consistency);
    }
}
