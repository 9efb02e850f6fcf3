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
