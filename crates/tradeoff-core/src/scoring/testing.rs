//! Builders for unit tests: small in-memory catalogs and plans, so tests state exactly the
//! facts they depend on instead of loading catalog files that change over time.

use std::collections::BTreeMap;

use tradeoff_lang::plan::Weighting;
use tradeoff_lang::vocab::{Criterion, Language, LicenseClass, Tier};
use tradeoff_lang::Plan;

use crate::catalog::model::{Catalog, Fact, FeatureFact, Framework, Origin};
use crate::scoring::context::Context;
use crate::scoring::facts::Staleness;

pub(crate) const AS_OF: &str = "2026-01-15";

pub(crate) fn fact<T>(value: T) -> Fact<T> {
    Fact {
        value,
        source: "https://example.org/source".into(),
        as_of: AS_OF.into(),
        note: None,
    }
}

/// A feature provided at `tier`, sourced.
pub(crate) fn feature(tier: Tier) -> FeatureFact {
    FeatureFact {
        tier,
        package: None,
        since: None,
        default: None,
        source: "https://example.org/docs/feature".into(),
        as_of: AS_OF.into(),
        note: None,
    }
}

/// A framework with only the mandatory facts: every optional fact is unknown.
pub(crate) fn framework(id: &str, language: Language) -> Framework {
    Framework {
        id: id.into(),
        name: format!("Fw-{id}"),
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

pub(crate) fn catalog(frameworks: Vec<Framework>) -> Catalog {
    Catalog {
        version: "test".into(),
        origins: frameworks.iter().map(|f| (f.id.clone(), Origin::Builtin)).collect(),
        frameworks: frameworks.into_iter().map(|f| (f.id.clone(), f)).collect(),
        languages: BTreeMap::new(),
    }
}

/// A plan dated 2026-11-24 with the given direct weights (already summing to 1).
pub(crate) fn plan(weights: &[(Criterion, f64)]) -> Plan {
    let weighting = Weighting::Direct {
        weights: weights.iter().copied().collect(),
    };
    let mut plan = Plan::with_weighting("test", "Test decision", weighting);
    plan.date = Some("2026-11-24".into());
    plan
}

/// The scoring context for a plan and catalog, with no reference date (nothing is stale, ages
/// are unknown) unless the test sets one.
pub(crate) fn context<'a>(plan: &'a Plan, catalog: &'a Catalog) -> Context<'a> {
    Context {
        plan,
        catalog,
        staleness: Staleness::new(None, 18),
        reference: None,
    }
}
