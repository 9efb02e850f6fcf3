//! Scoring throughput: 1000 frameworks against all 12 criteria, the weighted sum and TOPSIS,
//! and the sensitivity analysis, i.e. one full `evaluate`.

use std::collections::BTreeMap;

use divan::Bencher;
use tradeoff_core::catalog::model::{
    Catalog, ConcurrencyModel, Fact, FeatureFact, Framework, Origin, Scope, TfbTest, Throughput,
};
use tradeoff_core::scoring::{evaluate, Settings};
use tradeoff_lang::plan::{Team, Weighting};
use tradeoff_lang::vocab::{Criterion, Feature, Language, LicenseClass, Method, SkillLevel, Style, Tier};
use tradeoff_lang::Plan;

fn main() {
    divan::main();
}

fn fact<T>(value: T) -> Fact<T> {
    Fact {
        value,
        source: "https://example.org".into(),
        as_of: "2026-01-01".into(),
        note: None,
    }
}

/// Deterministic pseudo-variety from the index, so every run scores the same catalog.
fn pick(i: usize, salt: usize, n: usize) -> usize {
    (i.wrapping_mul(2_654_435_761).wrapping_add(salt.wrapping_mul(40_503))) % n
}

fn synthetic_framework(i: usize) -> Framework {
    let languages = Language::ALL;
    let models = [
        ConcurrencyModel::Threads,
        ConcurrencyModel::AsyncRuntime,
        ConcurrencyModel::Goroutines,
    ];
    let styles = [Style::Convention, Style::Configuration, Style::Balanced];
    let classes = [Scope::Micro, Scope::FullStack, Scope::Platform];
    let id = format!("fw{i:04}");
    Framework {
        id: id.clone(),
        name: format!("Framework {i}"),
        language: fact(languages[pick(i, 1, languages.len())]),
        license: fact("MIT".into()),
        license_class: fact(LicenseClass::Permissive),
        repository: fact(format!("https://example.org/{id}")),
        first_release: Some(fact(2000 + pick(i, 2, 26) as i32)),
        latest_version: None,
        latest_release_date: None,
        style: Some(fact(styles[pick(i, 3, 3)])),
        scope: Some(fact(classes[pick(i, 4, 3)])),
        tfb_classification: None,
        tfb_orm: None,
        concurrency_model: Some(fact(models[pick(i, 5, 3)])),
        features: Feature::ALL
            .iter()
            .enumerate()
            .map(|(k, f)| {
                let tier = Tier::ALL[pick(i, 6 + k, Tier::ALL.len())];
                let fact = fact(());
                (
                    *f,
                    FeatureFact {
                        tier,
                        package: None,
                        since: None,
                        default: None,
                        source: fact.source,
                        as_of: fact.as_of,
                        note: None,
                    },
                )
            })
            .collect(),
        survey_usage_pct: None,
        survey_usage_below: None,
        release_policy: None,
        lts: Some(fact(pick(i, 22, 2) == 0)),
        security_policy: Some(fact("https://example.org/security".into())),
        throughput: [TfbTest::Json, TfbTest::Db, TfbTest::Query, TfbTest::Fortune]
            .iter()
            .enumerate()
            .map(|(k, test)| Throughput {
                test: *test,
                rps: 1_000 + pick(i, 30 + k, 3_000_000) as u64,
                round: 23,
                hardware: "Citrine".into(),
                entry: id.clone(),
                source: "https://www.techempower.com".into(),
                as_of: "2025-03-17".into(),
                note: None,
                frozen: false,
            })
            .collect(),
        load_test: Vec::new(),
        github: Vec::new(),
    }
}

fn synthetic_catalog(n: usize) -> Catalog {
    let frameworks: BTreeMap<String, Framework> = (0..n).map(synthetic_framework).map(|f| (f.id.clone(), f)).collect();
    Catalog {
        version: "bench".into(),
        origins: frameworks.keys().map(|id| (id.clone(), Origin::Builtin)).collect(),
        frameworks,
        languages: BTreeMap::new(),
    }
}

fn all_criteria_plan() -> Plan {
    let weight = 1.0 / Criterion::ALL.len() as f64;
    let weights = Criterion::ALL.iter().map(|c| (*c, weight)).collect();
    let mut plan = Plan::with_weighting("bench", "Bench", Weighting::Direct { weights });
    plan.date = Some("2026-11-24".into());
    plan.app.realtime = true;
    plan.team = Team {
        size: Some(5),
        languages: BTreeMap::from([
            (Language::Python, SkillLevel::Expert),
            (Language::Go, SkillLevel::Beginner),
        ]),
        frameworks: BTreeMap::new(),
    };
    plan.prefer = Some(Style::Configuration);
    plan.method = Method::All;
    plan
}

#[divan::bench(args = [100, 1000])]
fn evaluate_all_criteria(bencher: Bencher, frameworks: usize) {
    let catalog = synthetic_catalog(frameworks);
    let plan = all_criteria_plan();
    let settings = Settings::default();
    bencher.bench(|| evaluate(divan::black_box(&plan), divan::black_box(&catalog), &settings));
}

/// A 30 × 12 decision matrix with every fourth cell unknown (an interval of ±0.3 around it),
/// scores spread by the same index hash as the synthetic catalog.
fn robustness_matrix() -> [Vec<Vec<f64>>; 3] {
    let (options, columns) = (30, 12);
    let score = |i: usize, k: usize| 0.1 + 0.9 * pick(i, k, 1_000) as f64 / 1_000.0;
    let points: Vec<Vec<f64>> = (0..options)
        .map(|i| (0..columns).map(|k| score(i, k)).collect())
        .collect();
    let unknown = |i: usize, k: usize| (i + k).is_multiple_of(4);
    let bound = |offset: f64| -> Vec<Vec<f64>> {
        points
            .iter()
            .enumerate()
            .map(|(i, row)| {
                row.iter()
                    .enumerate()
                    .map(|(k, s)| {
                        if unknown(i, k) {
                            (s + offset).clamp(0.0, 1.0)
                        } else {
                            *s
                        }
                    })
                    .collect()
            })
            .collect()
    };
    let (lows, highs) = (bound(-0.3), bound(0.3));
    [points, lows, highs]
}

/// The "how sure" analysis alone (intervals, overturns and SMAA-2 with the default sample count)
/// for 30 frameworks × 12 criteria: `weigh` levels (four levels, ordinal draws) and `compare`
/// judgments (a chain of 11 plus 11 cross-links, each perturbed and re-solved with AHP).
#[divan::bench(args = ["weigh", "compare"])]
fn assurance_30_by_12(bencher: Bencher, weighting: &str) {
    use tradeoff_core::scoring::robustness::{assess, Problem, SAMPLES, SEED};
    use tradeoff_lang::plan::Judgment;
    let criteria: Vec<Criterion> = Criterion::ALL.to_vec();
    let levels = [0.4, 0.3, 0.2, 0.1];
    let raw: Vec<f64> = (0..criteria.len()).map(|k| levels[k % 4]).collect();
    let sum: f64 = raw.iter().sum();
    let weights: Vec<f64> = raw.iter().map(|w| w / sum).collect();
    let weighting = match weighting {
        "weigh" => Weighting::Direct {
            weights: criteria.iter().copied().zip(weights.iter().copied()).collect(),
        },
        _ => Weighting::Pairwise {
            judgments: (0..criteria.len() - 1)
                .flat_map(|k| {
                    let next = Judgment {
                        more: criteria[k],
                        less: criteria[k + 1],
                        intensity: 1.0 + (k % 3) as f64,
                    };
                    let across = Judgment {
                        more: criteria[(k + 5) % criteria.len()],
                        less: criteria[k],
                        intensity: 2.0,
                    };
                    [next, across]
                })
                .collect(),
        },
    };
    let ids: Vec<String> = (0..30).map(|i| format!("fw{i:02}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let [points, lows, highs] = robustness_matrix();
    bencher.bench(|| {
        let problem = Problem::new(&ids, &ids, &criteria, &weights, [&points, &lows, &highs]);
        assess(divan::black_box(&problem), &weighting, SAMPLES, SEED)
    });
}
