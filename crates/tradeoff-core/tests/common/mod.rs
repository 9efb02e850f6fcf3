//! Builders shared by tradeoff-core's integration tests: in-memory frameworks, catalogs and
//! plans, so tests state the facts they rely on instead of loading catalog files.

#![allow(dead_code)]

use std::collections::BTreeMap;

use tradeoff_core::catalog::model::{Catalog, Fact, FeatureFact, Framework, Origin, TfbTest, Throughput};
use tradeoff_lang::plan::Weighting;
use tradeoff_lang::vocab::{Criterion, Language, LicenseClass, Method, Tier};
use tradeoff_lang::Plan;

pub fn fact<T>(value: T) -> Fact<T> {
    Fact {
        value,
        source: "https://example.org/source".into(),
        as_of: "2026-06-01".into(),
        note: None,
    }
}

/// A feature provided at `tier`, sourced.
pub fn feature(tier: Tier) -> FeatureFact {
    FeatureFact {
        tier,
        package: None,
        since: None,
        default: None,
        source: "https://example.org/docs/feature".into(),
        as_of: "2026-01-01".into(),
        note: None,
    }
}

/// A framework with only the mandatory facts.
pub fn framework(id: &str, name: &str, language: Language) -> Framework {
    Framework {
        id: id.into(),
        name: name.into(),
        language: fact(language),
        license: fact("MIT".into()),
        license_class: fact(LicenseClass::Permissive),
        repository: fact(format!("https://example.org/{id}")),
        first_release: None,
        latest_version: None,
        latest_release_date: None,
        style: None,
        scope: None,
        tfb_classification: None,
        tfb_orm: None,
        concurrency_model: None,
        features: BTreeMap::new(),
        survey_usage_pct: None,
        survey_usage_below: None,
        release_policy: None,
        lts: None,
        security_policy: None,
        throughput: Vec::new(),
        load_test: Vec::new(),
        github: Vec::new(),
    }
}

pub fn throughput(test: TfbTest, rps: u64) -> Throughput {
    Throughput {
        test,
        rps,
        round: 23,
        hardware: "Citrine: Xeon Gold 6330, 40 GbE".into(),
        entry: "entry".into(),
        source: "https://www.techempower.com/benchmarks/#section=data-r23".into(),
        as_of: "2025-03-17".into(),
        note: None,
        frozen: false,
    }
}

pub fn catalog(frameworks: Vec<Framework>) -> Catalog {
    Catalog {
        version: "test-catalog".into(),
        origins: frameworks.iter().map(|f| (f.id.clone(), Origin::Builtin)).collect(),
        frameworks: frameworks.into_iter().map(|f| (f.id.clone(), f)).collect(),
        languages: BTreeMap::new(),
    }
}

pub fn plan(weights: BTreeMap<Criterion, f64>, method: Method) -> Plan {
    let mut plan = Plan::with_weighting("test", "Test decision", Weighting::Direct { weights });
    plan.date = Some("2026-11-24".into());
    plan.method = method;
    plan
}
