//! Citing catalog facts: turning a `Fact<T>` or a throughput figure into a [`FactRef`], and
//! deciding whether it is stale at the decision date.

use jiff::civil::Date;
use jiff::Span;

use tradeoff_lang::vocab::Feature;

use crate::catalog::model::{Fact, FeatureFact, LoadTest, Throughput};
use crate::evaluation::FactRef;

/// The staleness rule: a fact dated before `cutoff` is stale.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Staleness {
    /// `None` when there is no reference date (or the limit reaches before any representable
    /// date): then nothing can be shown to be stale, and nothing is flagged.
    cutoff: Option<Date>,
}

impl Staleness {
    pub(crate) fn new(reference: Option<Date>, stale_after_months: u32) -> Self {
        let cutoff = reference.and_then(|date| {
            let span = Span::new().try_months(i64::from(stale_after_months)).ok()?;
            date.checked_sub(span).ok()
        });
        Staleness { cutoff }
    }

    /// A date that cannot be read counts as stale: it cannot be shown to be recent, and the
    /// warning makes a reviewer look at it rather than trust it silently.
    pub(crate) fn is_stale(&self, as_of: &str) -> bool {
        match self.cutoff {
            None => false,
            Some(cutoff) => match as_of.parse::<Date>() {
                Ok(date) => date < cutoff,
                Err(_) => true,
            },
        }
    }

    pub(crate) fn cite<T>(&self, framework: &str, key: &str, value: String, fact: &Fact<T>) -> FactRef {
        FactRef {
            framework: framework.to_string(),
            key: key.to_string(),
            value,
            source: fact.source.clone(),
            as_of: fact.as_of.clone(),
            stale: self.is_stale(&fact.as_of),
            note: fact.note.clone(),
        }
    }

    /// Cites how a framework provides a feature: its tier, and the package when there is one.
    pub(crate) fn cite_feature(&self, framework: &str, feature: Feature, fact: &FeatureFact) -> FactRef {
        FactRef {
            framework: framework.to_string(),
            key: format!("features.{feature}"),
            value: feature_value(fact),
            source: fact.source.clone(),
            as_of: fact.as_of.clone(),
            stale: self.is_stale(&fact.as_of),
            note: fact.note.clone(),
        }
    }

    /// Cites a throughput figure; `comment` qualifies it (e.g. why it was not scored).
    pub(crate) fn cite_throughput(&self, framework: &str, figure: &Throughput, comment: Option<&str>) -> FactRef {
        let test = crate::scoring::names::tfb_test(figure.test);
        let mut value = format!(
            "{} rps (Round {}, {})",
            crate::numbers::thousands(figure.rps),
            figure.round,
            figure.entry
        );
        if let Some(comment) = comment {
            value.push_str("; ");
            value.push_str(comment);
        }
        FactRef {
            framework: framework.to_string(),
            key: format!("throughput.{test}"),
            value,
            source: figure.source.clone(),
            as_of: figure.as_of.clone(),
            // A final round's figure cannot be replaced by a newer one; its age is stated once,
            // as a warning, instead of on every fact.
            stale: !figure.frozen && self.is_stale(&figure.as_of),
            note: figure.note.clone(),
        }
    }

    /// Cites a web-frameworks load-test figure: rate, p99 latency, and the entry measured.
    pub(crate) fn cite_load_test(&self, framework: &str, figure: &LoadTest) -> FactRef {
        FactRef {
            framework: framework.to_string(),
            key: format!("load_test.{}", figure.concurrency),
            value: format!(
                "{} rps, p99 {} ms ({} {})",
                crate::numbers::thousands(figure.rps.round().max(0.0) as u64),
                figure.latency_p99_ms,
                figure.entry,
                figure.version
            ),
            source: figure.source.clone(),
            as_of: figure.as_of.clone(),
            stale: self.is_stale(&figure.as_of),
            note: figure.note.clone(),
        }
    }
}

/// A feature fact as shown: `official (spring-boot-starter-data-jpa)`, `builtin`.
pub(crate) fn feature_value(fact: &FeatureFact) -> String {
    match &fact.package {
        Some(package) => format!("{} ({package})", fact.tier),
        None => fact.tier.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(as_of: &str) -> Fact<bool> {
        Fact {
            value: true,
            source: "https://example.org".into(),
            as_of: as_of.into(),
            note: None,
        }
    }

    #[test]
    fn staleness_is_measured_back_from_the_reference_date() {
        let reference: Date = "2026-11-24".parse().unwrap();
        let rule = Staleness::new(Some(reference), 18);
        assert!(
            !rule.is_stale("2025-05-24"),
            "exactly 18 months old is not older than the limit"
        );
        assert!(rule.is_stale("2025-05-23"));
        assert!(!rule.is_stale("2026-11-28"), "a fact dated after the decision is fresh");
        assert!(rule.is_stale("not a date"));
        assert!(
            rule.cite("axum", "features.csrf", "true".into(), &fact("2020-01-01"))
                .stale
        );
    }

    #[test]
    fn without_a_reference_date_nothing_is_stale() {
        let rule = Staleness::new(None, 18);
        assert!(!rule.is_stale("1999-01-01"));
    }

    #[test]
    fn an_absurd_limit_does_not_panic() {
        let reference: Date = "2026-11-24".parse().unwrap();
        let rule = Staleness::new(Some(reference), u32::MAX);
        assert!(!rule.is_stale("1999-01-01"));
    }
}
