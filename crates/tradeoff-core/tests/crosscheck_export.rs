//! Exports a realistic decision matrix with our weighted-sum and TOPSIS totals, so CI can
//! recompute them with an independent implementation (`scripts/crosscheck_pymcdm.py`).
//!
//! With `TRADEOFF_CROSSCHECK_OUT` set, the JSON is written to that path; without it the test
//! still builds the export and checks it is one pymcdm accepts.

mod common;

use std::collections::BTreeMap;

use tradeoff_core::catalog::model::{ConcurrencyModel, LanguageFacts, Scope, TfbTest};
use tradeoff_core::evaluation::{Aggregation, Evaluation};
use tradeoff_core::scoring::{evaluate, Settings};
use tradeoff_lang::vocab::{Criterion, Feature, Language, Method, SkillLevel, Style, Tier};

use common::{catalog, fact, feature, framework, plan, throughput};

/// Six frameworks with figures in the range of the built-in catalog's (TechEmpower Round 23,
/// feature sets), enough spread that every column varies.
fn realistic() -> tradeoff_core::catalog::model::Catalog {
    let features = |list: &[(Feature, bool)]| {
        list.iter()
            .map(|(f, v)| (*f, feature(if *v { Tier::Builtin } else { Tier::None })))
            .collect::<BTreeMap<_, _>>()
    };
    use Feature::*;
    let mut axum = framework("axum", "Axum", Language::Rust);
    axum.throughput = vec![throughput(TfbTest::Json, 2_709_795), throughput(TfbTest::Db, 1_190_767)];
    axum.concurrency_model = Some(fact(ConcurrencyModel::AsyncRuntime));
    axum.style = Some(fact(Style::Configuration));
    axum.scope = Some(fact(Scope::Platform));
    axum.first_release = Some(fact(2021));
    axum.features = features(&[
        (Orm, false),
        (Migrations, false),
        (Auth, false),
        (Csrf, false),
        (XssEscaping, false),
    ]);

    let mut django = framework("django", "Django", Language::Python);
    django.throughput = vec![throughput(TfbTest::Json, 86_000), throughput(TfbTest::Db, 31_000)];
    django.concurrency_model = Some(fact(ConcurrencyModel::Threads));
    django.style = Some(fact(Style::Convention));
    django.scope = Some(fact(Scope::FullStack));
    django.first_release = Some(fact(2005));
    django.lts = Some(fact(true));
    django.features = features(&[
        (Orm, true),
        (Migrations, true),
        (Auth, true),
        (Csrf, true),
        (XssEscaping, true),
    ]);

    let mut fastapi = framework("fastapi", "FastAPI", Language::Python);
    fastapi.throughput = vec![throughput(TfbTest::Json, 171_000), throughput(TfbTest::Db, 66_000)];
    fastapi.concurrency_model = Some(fact(ConcurrencyModel::AsyncRuntime));
    fastapi.style = Some(fact(Style::Configuration));
    fastapi.scope = Some(fact(Scope::Micro));
    fastapi.first_release = Some(fact(2018));
    fastapi.features = features(&[(Orm, false), (Migrations, false), (Auth, false), (Validation, true)]);

    let mut gin = framework("gin", "Gin", Language::Go);
    gin.throughput = vec![throughput(TfbTest::Json, 640_000), throughput(TfbTest::Db, 290_000)];
    gin.concurrency_model = Some(fact(ConcurrencyModel::Goroutines));
    gin.style = Some(fact(Style::Configuration));
    gin.scope = Some(fact(Scope::Micro));
    gin.first_release = Some(fact(2014));
    gin.features = features(&[(Orm, false), (Auth, false), (Validation, true), (Csrf, false)]);

    let mut spring = framework("spring-boot", "Spring Boot", Language::Java);
    spring.throughput = vec![throughput(TfbTest::Json, 300_000), throughput(TfbTest::Db, 120_000)];
    spring.concurrency_model = Some(fact(ConcurrencyModel::VirtualThreads));
    spring.style = Some(fact(Style::Convention));
    spring.scope = Some(fact(Scope::FullStack));
    spring.first_release = Some(fact(2014));
    spring.lts = Some(fact(true));
    spring.features = features(&[
        (Orm, true),
        (Migrations, true),
        (Auth, true),
        (Csrf, true),
        (Validation, true),
    ]);

    let mut phoenix = framework("phoenix", "Phoenix", Language::Elixir);
    phoenix.throughput = vec![throughput(TfbTest::Json, 190_000)];
    phoenix.concurrency_model = Some(fact(ConcurrencyModel::BeamProcesses));
    phoenix.style = Some(fact(Style::Convention));
    phoenix.scope = Some(fact(Scope::FullStack));
    phoenix.first_release = Some(fact(2014));
    phoenix.features = features(&[
        (Orm, true),
        (Migrations, true),
        (Auth, true),
        (Csrf, true),
        (XssEscaping, true),
    ]);

    let mut cat = catalog(vec![axum, django, fastapi, gin, spring, phoenix]);
    for (language, pct) in [
        (Language::Python, 51.0),
        (Language::Go, 13.5),
        (Language::Rust, 12.6),
        (Language::Java, 30.3),
        (Language::Elixir, 2.1),
    ] {
        cat.languages.insert(
            language,
            LanguageFacts {
                language,
                survey_usage_pct: Some(fact(pct)),
            },
        );
    }
    cat
}

fn scored() -> Evaluation {
    let weights = BTreeMap::from([
        (Criterion::Performance, 0.25),
        (Criterion::Concurrency, 0.15),
        (Criterion::Productivity, 0.2),
        (Criterion::TeamFit, 0.15),
        (Criterion::Hiring, 0.1),
        (Criterion::Maturity, 0.1),
        (Criterion::Flexibility, 0.05),
    ]);
    let mut plan = plan(weights, Method::All);
    plan.team.languages.insert(Language::Python, SkillLevel::Expert);
    plan.team.languages.insert(Language::Go, SkillLevel::Intermediate);
    plan.team.frameworks.insert("django".into(), SkillLevel::Advanced);
    evaluate(&plan, &realistic(), &Settings::default())
}

#[test]
fn export_matrix_for_pymcdm() {
    let evaluation = scored();
    let criteria = &evaluation.criteria;
    let matrix: Vec<Vec<f64>> = evaluation
        .options
        .iter()
        .map(|o| criteria.iter().map(|c| o.cells[c].score).collect())
        .collect();
    let weights: Vec<f64> = criteria.iter().map(|c| evaluation.weights.values[c]).collect();
    let totals = |method| {
        evaluation
            .options
            .iter()
            .map(|o| o.totals[&method])
            .collect::<Vec<f64>>()
    };
    let export = serde_json::json!({
        "alternatives": evaluation.options.iter().map(|o| o.framework.clone()).collect::<Vec<_>>(),
        "criteria": criteria,
        "matrix": matrix,
        "weights": weights,
        "wsm": totals(Aggregation::WeightedSum),
        "topsis": totals(Aggregation::Topsis),
    });

    // pymcdm rejects non-positive weights and divides by zero on an all-zero column.
    assert_eq!(matrix.len(), 6);
    assert!((weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!(weights.iter().all(|w| *w > 0.0));
    for k in 0..criteria.len() {
        let column: Vec<f64> = matrix.iter().map(|row| row[k]).collect();
        assert!(column.iter().any(|s| *s > 0.0), "{} is all zero", criteria[k]);
        assert!(column.iter().any(|s| *s != column[0]), "{} does not vary", criteria[k]);
    }

    if let Some(path) = std::env::var_os("TRADEOFF_CROSSCHECK_OUT") {
        std::fs::write(&path, serde_json::to_string_pretty(&export).unwrap()).expect("write the cross-check file");
    }
}
