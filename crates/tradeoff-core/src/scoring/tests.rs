//! End-to-end checks of `evaluate` on small in-memory catalogs.

use std::collections::BTreeSet;

use tradeoff_lang::plan::{Judgment, Weighting};
use tradeoff_lang::vocab::{Criterion, Feature, Language, Method, SkillLevel, Style};

use super::*;
use crate::catalog::model::{ConcurrencyModel, Framework, LoadTest, TfbTest, Throughput};
use crate::evaluation::Stability;
use crate::scoring::testing::{catalog, fact, feature, framework, plan};
use tradeoff_lang::vocab::Tier;

fn tfb_figure(test: TfbTest, rps: u64) -> Throughput {
    Throughput {
        test,
        rps,
        round: 23,
        hardware: "Citrine".into(),
        entry: "e".into(),
        source: "https://www.techempower.com/benchmarks/#section=data-r23".into(),
        as_of: "2025-03-17".into(),
        note: None,
        frozen: false,
    }
}

/// Every measurement a mixed workload wants, each `scale` times a base figure: frameworks
/// whose scales are 100, 10 and 1 score 1.0, 0.55 and 0.1 on each.
fn measured(scale: u64) -> (Vec<Throughput>, Vec<LoadTest>) {
    let tests = [TfbTest::Json, TfbTest::Db, TfbTest::Query, TfbTest::Fortune];
    let load = LoadTest {
        entry: "e".into(),
        version: "1".into(),
        concurrency: 512,
        rps: 500.0 * scale as f64,
        latency_p50_ms: 1.0,
        latency_p90_ms: 1.0,
        latency_p99_ms: 1.0,
        errors: 0,
        source: "https://github.com/the-benchmarker/web-frameworks".into(),
        as_of: "2026-02-11".into(),
        note: None,
    };
    (tests.map(|t| tfb_figure(t, 20_000 * scale)).to_vec(), vec![load])
}

/// Three frameworks with opposite strengths: fast but bare, batteries-included but slow, and
/// one in between.
fn trio() -> Vec<Framework> {
    let mut fast = framework("fast", Language::Rust);
    (fast.throughput, fast.load_test) = measured(100);
    fast.concurrency_model = Some(fact(ConcurrencyModel::AsyncRuntime));
    fast.style = Some(fact(Style::Configuration));
    for wanted in [Feature::Orm, Feature::Migrations, Feature::Auth, Feature::Admin] {
        fast.features.insert(wanted, feature(Tier::None));
    }
    let mut full = framework("full", Language::Python);
    (full.throughput, full.load_test) = measured(1);
    full.concurrency_model = Some(fact(ConcurrencyModel::Threads));
    full.style = Some(fact(Style::Convention));
    for wanted in [Feature::Orm, Feature::Migrations, Feature::Auth, Feature::Admin] {
        full.features.insert(wanted, feature(Tier::Builtin));
    }
    let mut mid = framework("mid", Language::Go);
    (mid.throughput, mid.load_test) = measured(10);
    mid.concurrency_model = Some(fact(ConcurrencyModel::Goroutines));
    mid.style = Some(fact(Style::Balanced));
    mid.features.insert(Feature::Orm, feature(Tier::Builtin));
    mid.features.insert(Feature::Auth, feature(Tier::None));
    vec![fast, full, mid]
}

fn weights() -> Vec<(Criterion, f64)> {
    vec![
        (Criterion::Performance, 0.4),
        (Criterion::Productivity, 0.4),
        (Criterion::ConventionFit, 0.2),
    ]
}

#[test]
fn ranks_options_and_explains_cells() {
    let cat = catalog(trio());
    let mut plan = plan(&weights());
    plan.prefer = Some(Style::Configuration);
    let evaluation = evaluate(&plan, &cat, &Settings::default());
    assert_eq!(evaluation.methods, [Aggregation::WeightedSum]);
    assert_eq!(
        evaluation.criteria,
        [
            Criterion::Performance,
            Criterion::Productivity,
            Criterion::ConventionFit
        ]
    );
    // Productivity counts the 3 unrecorded features of 7 as half: fast (0 + 1.5) / 7, full
    // (4 + 1.5) / 7, mid (1 + 2.5) / 7 = 0.5.
    // fast: 0.4 x 1.0 + 0.4 x 1.5/7 + 0.2 x 1.0; full: 0.4 x 0.1 + 0.4 x 5.5/7 + 0.2 x 0.1;
    // mid: 0.4 x 0.55 + 0.4 x 0.5 + 0.2 x 0.6 = 0.54.
    let ids: Vec<&str> = evaluation.options.iter().map(|o| o.framework.as_str()).collect();
    assert_eq!(ids, ["fast", "mid", "full"]);
    let totals: Vec<f64> = evaluation
        .options
        .iter()
        .map(|o| o.totals[&Aggregation::WeightedSum])
        .collect();
    let fast_total = 0.4 + 0.4 * 1.5 / 7.0 + 0.2;
    let full_total = 0.04 + 0.4 * 5.5 / 7.0 + 0.02;
    for (got, want) in totals.iter().zip([fast_total, 0.54, full_total]) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    assert_eq!(evaluation.options[1].ranks[&Aggregation::WeightedSum], 2);
    assert_eq!(evaluation.rankings[&Aggregation::WeightedSum], ["fast", "mid", "full"]);
    assert_eq!(evaluation.winner().unwrap().framework, "fast");
    let fast = &evaluation.options[0];
    assert_eq!(fast.cells.len(), 3);
    assert_eq!(fast.top_reasons.len(), 3, "every criterion contributes here");
    assert!(
        fast.top_reasons[0].starts_with("performance: "),
        "{:?}",
        fast.top_reasons
    );
    // Weighted confidence: performance 1 (all five mixed-workload measurements), productivity
    // 4/7, convention-fit 1.
    assert!((fast.confidence - (0.4 + 0.4 * 4.0 / 7.0 + 0.2)).abs() < 1e-12);
    assert_eq!(evaluation.stale_reference_date.as_deref(), Some("2026-11-24"));
    assert_eq!(evaluation.catalog_version, "test");
    let sensitivity = evaluation.sensitivity.as_ref().unwrap();
    assert_eq!(sensitivity.winner, "fast");
    assert_eq!(sensitivity.matchups.len(), 2);
    assert_eq!(sensitivity.matchups[0].runner_up, "mid");
    assert!((sensitivity.matchups[0].margin - (fast_total - 0.54)).abs() < 1e-12);
}

#[test]
fn all_methods_run_and_disagreement_is_flagged() {
    let cat = catalog(trio());
    let mut plan = plan(&weights());
    plan.prefer = Some(Style::Configuration);
    plan.method = Method::All;
    let evaluation = evaluate(&plan, &cat, &Settings::default());
    assert_eq!(evaluation.methods, [Aggregation::WeightedSum, Aggregation::Topsis]);
    for option in &evaluation.options {
        assert_eq!(option.totals.len(), 2);
        assert_eq!(option.ranks.len(), 2);
    }
    let wsm = &evaluation.rankings[&Aggregation::WeightedSum];
    let topsis = &evaluation.rankings[&Aggregation::Topsis];
    assert_eq!(evaluation.rank_disagreement, wsm != topsis);
    assert_eq!(
        evaluation.warnings.iter().any(|w| w.code == "rank-disagreement"),
        evaluation.rank_disagreement
    );
}

#[test]
fn topsis_only_still_reports_weighted_sum_sensitivity() {
    let cat = catalog(trio());
    let mut plan = plan(&weights());
    plan.method = Method::Topsis;
    let evaluation = evaluate(&plan, &cat, &Settings::default());
    assert_eq!(evaluation.methods, [Aggregation::Topsis]);
    assert!(evaluation
        .options
        .iter()
        .all(|o| !o.totals.contains_key(&Aggregation::WeightedSum)));
    assert_eq!(evaluation.sensitivity.unwrap().method, Aggregation::WeightedSum);
}

#[test]
fn nothing_surviving_is_not_a_panic() {
    let cat = catalog(trio());
    let mut plan = plan(&weights());
    plan.constraints.languages_allowed = Some(BTreeSet::from([Language::Elixir]));
    let evaluation = evaluate(&plan, &cat, &Settings::default());
    assert!(evaluation.options.is_empty());
    assert!(evaluation.sensitivity.is_none());
    assert_eq!(evaluation.eliminated.len(), 3);
    assert!(evaluation.warnings.iter().any(|w| w.code == "no-survivors"));
    assert_eq!(evaluation.rankings[&Aggregation::WeightedSum], Vec::<String>::new());

    let empty = evaluate(&plan, &catalog(Vec::new()), &Settings::default());
    assert!(empty.options.is_empty() && empty.eliminated.is_empty());
}

#[test]
fn degenerate_plans_do_not_panic() {
    let cat = catalog(trio());
    let mut no_weights = plan(&[]);
    no_weights.date = Some("not a date".into());
    no_weights.method = Method::All;
    let evaluation = evaluate(
        &no_weights,
        &cat,
        &Settings {
            stale_after_months: u32::MAX,
            reference_date: None,
        },
    );
    assert_eq!(evaluation.options.len(), 3);
    assert!(evaluation.sensitivity.is_none());
    assert!(evaluation.stale_reference_date.is_none());
    assert!(evaluation.warnings.iter().any(|w| w.code == "no-criteria"));

    let mut one = plan(&[(Criterion::Maturity, 1.0)]);
    one.constraints.candidates = Some(vec!["mid".into()]);
    let evaluation = evaluate(&one, &cat, &Settings::default());
    assert_eq!(evaluation.options.len(), 1);
    assert!(
        evaluation.sensitivity.is_none(),
        "one option has nothing to be compared with"
    );
}

#[test]
fn every_criterion_scores_within_bounds_on_a_bare_catalog() {
    let cat = catalog(vec![framework("a", Language::Rust), framework("b", Language::Go)]);
    let all: Vec<(Criterion, f64)> = Criterion::ALL
        .iter()
        .map(|c| (*c, 1.0 / Criterion::ALL.len() as f64))
        .collect();
    let mut plan = plan(&all);
    plan.method = Method::All;
    plan.app.realtime = true;
    let evaluation = evaluate(&plan, &cat, &Settings::default());
    for option in &evaluation.options {
        assert_eq!(option.cells.len(), Criterion::ALL.len());
        for (criterion, cell) in &option.cells {
            assert!((0.0..=1.0).contains(&cell.score), "{criterion}: {}", cell.score);
            assert!(
                (0.0..=1.0).contains(&cell.confidence),
                "{criterion}: {}",
                cell.confidence
            );
            assert!(cell.explanation.ends_with('.'), "{criterion}: {}", cell.explanation);
        }
    }
    assert!(evaluation.warnings.iter().any(|w| w.code == "low-confidence"));
}

#[test]
fn output_is_deterministic() {
    let cat = catalog(trio());
    let mut plan = plan(&weights());
    plan.method = Method::All;
    let first = serde_json::to_string(&evaluate(&plan, &cat, &Settings::default())).unwrap();
    let second = serde_json::to_string(&evaluate(&plan, &cat.clone(), &Settings::default())).unwrap();
    assert_eq!(first, second);
}

#[test]
fn stale_facts_are_flagged_against_the_reference_date() {
    let cat = catalog(trio());
    let plan = plan(&weights());
    // Throughput is dated 2025-03-17, the other facts 2026-01-15.
    let early = Settings {
        stale_after_months: 18,
        reference_date: Some("2026-06-01".parse().unwrap()),
    };
    let fresh = evaluate(&plan, &cat, &early);
    assert!(!fresh.warnings.iter().any(|w| w.code == "stale-facts"));
    let later = Settings {
        stale_after_months: 18,
        reference_date: Some("2027-01-01".parse().unwrap()),
    };
    let evaluation = evaluate(&plan, &cat, &later);
    let warning = evaluation
        .warnings
        .iter()
        .find(|w| w.code == "stale-facts")
        .expect("benchmarks are stale by 2027");
    // Four TechEmpower figures for each of the three frameworks; the load tests (2026-02-11)
    // are fresh.
    assert!(warning.message.starts_with("12 cited facts"), "{}", warning.message);
    assert_eq!(evaluation.stale_reference_date.as_deref(), Some("2027-01-01"));
    let performance = &evaluation.options[0].cells[&Criterion::Performance];
    assert!(performance
        .facts
        .iter()
        .all(|f| f.stale == f.key.starts_with("throughput.")));
}

#[test]
fn overrides_list_non_builtin_entries() {
    let mut cat = catalog(trio());
    cat.origins.insert(
        "mid".into(),
        Origin::Overridden {
            file: "mine.toml".into(),
        },
    );
    let evaluation = evaluate(&plan(&weights()), &cat, &Settings::default());
    assert_eq!(evaluation.overrides.len(), 1);
    assert_eq!(evaluation.overrides[0].framework, "mid");
    assert_eq!(
        evaluation.overrides[0].origin,
        Origin::Overridden {
            file: "mine.toml".into()
        }
    );
}

#[test]
fn pairwise_weights_are_recorded_with_consistency() {
    let cat = catalog(trio());
    let mut plan = plan(&[]);
    plan.weighting = Weighting::Pairwise {
        judgments: vec![Judgment {
            more: Criterion::Performance,
            less: Criterion::Productivity,
            intensity: 3.0,
        }],
    };
    let evaluation = evaluate(&plan, &cat, &Settings::default());
    assert_eq!(evaluation.weights.source, "pairwise");
    assert!((evaluation.weights.values[&Criterion::Performance] - 0.75).abs() < 1e-12);
    assert!(evaluation.weights.consistency.is_some());
    assert_eq!(evaluation.winner().unwrap().framework, "fast");
}

#[test]
fn performance_is_scaled_across_the_catalog_not_the_survivors() {
    let cat = catalog(trio());
    let base = plan(&[(Criterion::Performance, 1.0)]);
    let mut narrowed = base.clone();
    narrowed.constraints.exclusions = vec![tradeoff_lang::plan::Exclusion {
        framework: "fast".into(),
        reason: "policy".into(),
    }];
    let evaluation = evaluate(&narrowed, &cat, &Settings::default());
    // Excluding `fast` does not make `mid` the "fastest": its score stays where the catalog's
    // figures put it.
    let full = evaluate(&base, &cat, &Settings::default());
    let score_of = |e: &crate::evaluation::Evaluation| {
        e.options.iter().find(|o| o.framework == "mid").unwrap().cells[&Criterion::Performance].score
    };
    assert!(score_of(&evaluation) < 1.0);
    assert_eq!(score_of(&evaluation), score_of(&full));
    assert_eq!(
        evaluation.eliminated[0].reasons[0].message,
        "excluded by the team: policy"
    );
}

#[test]
fn team_fit_follows_the_plan() {
    let cat = catalog(trio());
    let mut plan = plan(&[(Criterion::TeamFit, 1.0)]);
    plan.team.languages.insert(Language::Python, SkillLevel::Expert);
    let evaluation = evaluate(&plan, &cat, &Settings::default());
    assert_eq!(evaluation.winner().unwrap().framework, "full");
    assert_eq!(evaluation.sensitivity.unwrap().stability, Stability::Robust);
}
