//! The scenario specs in tests/scenarios/: each classic case comes out defensibly from cited
//! figures. For every scenario, the expected frameworks are in the top three of the weighted
//! sum, and when performance weighs most, no top-three framework rests on an unmeasured
//! performance score.

use serde_json::Value;

use crate::common::{root, stdout_of_success, tradeoff};

fn evaluation(name: &str) -> Value {
    let spec = root().join("tests/scenarios").join(format!("{name}.tradeoff"));
    let out = stdout_of_success(tradeoff().arg("score").arg(&spec).args(["--format", "json"]));
    serde_json::from_str(&out).expect("score --format json prints JSON")
}

/// The weighted-sum top three, by framework id.
fn top_three(evaluation: &Value) -> Vec<String> {
    evaluation["rankings"]["weighted-sum"]
        .as_array()
        .expect("weighted-sum ranking")
        .iter()
        .take(3)
        .map(|id| id.as_str().unwrap().to_string())
        .collect()
}

/// When performance has the largest weight, every top-three option must have a measured
/// performance score: at least half of the wanted measurements known.
fn assert_measured_when_performance_leads(name: &str, evaluation: &Value) {
    let weights = evaluation["weights"]["values"].as_object().unwrap();
    let performance = weights.get("performance").and_then(Value::as_f64).unwrap_or(0.0);
    if weights.values().any(|w| w.as_f64().unwrap() > performance) {
        return;
    }
    let top = top_three(evaluation);
    for option in evaluation["options"].as_array().unwrap() {
        let id = option["framework"].as_str().unwrap();
        if !top.iter().any(|t| t == id) {
            continue;
        }
        let cell = &option["cells"]["performance"];
        let confidence = cell["confidence"].as_f64().unwrap();
        assert!(
            confidence >= 0.5,
            "{name}: {id} is in the top three on a performance score that is {:.0}% measured: {}",
            confidence * 100.0,
            cell["explanation"]
        );
        assert!(
            !cell["facts"].as_array().unwrap().is_empty(),
            "{name}: {id} cites no figure"
        );
    }
}

fn check(name: &str, expected_in_top_three: &[&str]) -> Vec<String> {
    let evaluation = evaluation(name);
    let top = top_three(&evaluation);
    for id in expected_in_top_three {
        assert!(
            top.iter().any(|t| t == id),
            "{name}: expected {id} in the top three, got {top:?}"
        );
    }
    assert_measured_when_performance_leads(name, &evaluation);
    top
}

#[test]
fn high_volume_ingestion_picks_a_lean_measured_framework() {
    // Fiber is built on fasthttp; both are lean Go. Fiber has the TechEmpower Round 23 figures
    // fasthttp lacks in the catalog, so it carries the lean Go answer.
    let top = check("ingestion-throughput", &["fiber"]);
    assert!(!top.contains(&"django".to_string()));
}

#[test]
fn data_heavy_api_ranks_by_database_benchmarks() {
    check("data-heavy-api", &["axum", "aspnetcore"]);
}

#[test]
fn performance_platform_for_a_large_team_picks_measured_configuration_frameworks() {
    check("performance-platform", &["aspnetcore", "fiber"]);
}

#[test]
fn realtime_chat_weighs_measured_concurrency() {
    check("realtime-messaging", &["fiber"]);
}

#[test]
fn reservation_system_picks_convention_frameworks() {
    check("reservation-system", &["django"]);
    // Laravel and Rails build in nearly every productivity feature; with feature tiers, Spring
    // Boot's and ASP.NET Core's official packages count almost as much, and the four finish
    // within 0.01 of each other behind Django. They must stay in the five the record discusses.
    let ranking = evaluation("reservation-system")["rankings"]["weighted-sum"].clone();
    let top_five: Vec<&str> = ranking
        .as_array()
        .unwrap()
        .iter()
        .take(5)
        .map(|v| v.as_str().unwrap())
        .collect();
    for id in ["laravel", "rails"] {
        assert!(top_five.contains(&id), "{id} not in the top five: {top_five:?}");
    }
}

#[test]
fn startup_mvp_picks_convention_frameworks() {
    check("startup-mvp", &["django", "laravel", "rails"]);
}

#[test]
fn ecommerce_monolith_picks_secure_mature_frameworks() {
    check("ecommerce-monolith", &["django", "aspnetcore"]);
}
