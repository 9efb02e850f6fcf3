//! maturity: how long the project has been released, and whether it keeps a long-term-support line.

use super::{Inputs, NEUTRAL};
use crate::catalog::model::{Fact, Framework};
use crate::evaluation::ScoreCell;
use crate::scoring::context::Context;

/// Years after which a framework counts as fully mature: a decade of releases has outlived
/// several ecosystem fashions and shows the project survives its founders' interest.
const MATURE_AFTER_YEARS: f64 = 10.0;

/// Bonus for publishing a long-term-support line: upgrades can be planned.
const LTS_BONUS: f64 = 0.1;

pub(crate) fn maturity(ctx: &Context, framework: &Framework) -> ScoreCell {
    let mut inputs = Inputs::default();
    let (age_score, age_text) = match (&framework.first_release, ctx.reference) {
        (Some(fact), Some(reference)) => {
            inputs.known(
                ctx.staleness
                    .cite(&framework.id, "first_release", fact.value.to_string(), fact),
            );
            let years = (i32::from(reference.year()) - fact.value).max(0);
            let score = (f64::from(years) / MATURE_AFTER_YEARS).min(1.0);
            (
                score,
                format!(
                    "was first released in {}, {years} years before {reference} ({score:.2} on a \
                     {MATURE_AFTER_YEARS}-year scale)",
                    fact.value
                ),
            )
        }
        (Some(fact), None) => {
            cite_unused(ctx, framework, fact, &mut inputs);
            (
                NEUTRAL,
                format!(
                    "was first released in {}, but the plan has no date to measure its age from (neutral 0.50)",
                    fact.value
                ),
            )
        }
        (None, _) => {
            inputs.absent_within("first_release", NEUTRAL, NEUTRAL);
            (NEUTRAL, "has no recorded first release (neutral 0.50)".to_string())
        }
    };
    let (bonus, lts_text) = match &framework.lts {
        Some(fact) => {
            inputs.known(ctx.staleness.cite(&framework.id, "lts", fact.value.to_string(), fact));
            if fact.value {
                (LTS_BONUS, format!(", plus {LTS_BONUS} for its LTS line"))
            } else {
                (0.0, ", with no LTS line".to_string())
            }
        }
        None => {
            inputs.absent_within("lts", 0.0, LTS_BONUS);
            (0.0, ", LTS unknown".to_string())
        }
    };
    let score = (age_score + bonus).min(1.0);
    inputs.cell(score, format!("{} {age_text}{lts_text}: {score:.2}.", framework.name))
}

/// The release year is known but the age is not (no reference date): cite it, count it missing.
fn cite_unused(ctx: &Context, framework: &Framework, fact: &Fact<i32>, inputs: &mut Inputs) {
    inputs.cite(
        ctx.staleness
            .cite(&framework.id, "first_release", fact.value.to_string(), fact),
    );
    inputs.absent_within("reference date (plan date)", NEUTRAL, NEUTRAL);
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;
    use tradeoff_lang::vocab::{Criterion, Language};

    use super::*;
    use crate::scoring::facts::Staleness;
    use crate::scoring::testing::{catalog, fact, framework, plan};

    fn with_ctx<T>(reference: Option<Date>, f: impl FnOnce(&Context) -> T) -> T {
        let cat = catalog(Vec::new());
        let plan = plan(&[(Criterion::Maturity, 1.0)]);
        f(&Context {
            plan: &plan,
            catalog: &cat,
            staleness: Staleness::new(None, 18),
            reference,
        })
    }

    #[test]
    fn maturity_is_age_over_ten_years_plus_lts() {
        let reference: Date = "2026-11-24".parse().unwrap();
        let mut axum = framework("axum", Language::Rust);
        axum.first_release = Some(fact(2021));
        let cell = with_ctx(Some(reference), |ctx| maturity(ctx, &axum));
        assert!((cell.score - 0.5).abs() < 1e-12);
        assert_eq!(cell.confidence, 0.5, "lts unknown");
        axum.lts = Some(fact(true));
        let cell = with_ctx(Some(reference), |ctx| maturity(ctx, &axum));
        assert!((cell.score - 0.6).abs() < 1e-12);
        axum.first_release = Some(fact(1990));
        assert_eq!(
            with_ctx(Some(reference), |ctx| maturity(ctx, &axum)).score,
            1.0,
            "capped"
        );
        axum.first_release = Some(fact(2030));
        let cell = with_ctx(Some(reference), |ctx| maturity(ctx, &axum));
        assert!(
            (cell.score - 0.1).abs() < 1e-12,
            "a future release date is age 0, not negative"
        );
    }

    #[test]
    fn maturity_without_a_date_is_neutral() {
        let mut axum = framework("axum", Language::Rust);
        axum.first_release = Some(fact(2021));
        let cell = with_ctx(None, |ctx| maturity(ctx, &axum));
        assert_eq!(cell.score, NEUTRAL);
        assert_eq!(cell.facts.len(), 1);
        assert_eq!(cell.missing, ["reference date (plan date)", "lts"]);
    }
}
