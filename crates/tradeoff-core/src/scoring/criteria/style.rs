//! flexibility and convention-fit: convention-over-configuration style.

use tradeoff_lang::vocab::Style;

use super::{Inputs, NEUTRAL};
use crate::catalog::model::{Framework, Scope};
use crate::evaluation::ScoreCell;
use crate::scoring::context::Context;
use crate::scoring::names;

/// How freely the application may deviate from the framework's way of doing things.
fn freedom(style: Style) -> f64 {
    match style {
        Style::Configuration => 1.0,
        Style::Balanced => 0.6,
        Style::Convention => 0.3,
    }
}

/// Micro frameworks and bare platforms impose little structure of their own.
const UNOPINIONATED_BONUS: f64 = 0.1;

pub(crate) fn flexibility(ctx: &Context, framework: &Framework) -> ScoreCell {
    let mut inputs = Inputs::default();
    let (base, style_text) = match &framework.style {
        Some(fact) => {
            inputs.known(
                ctx.staleness
                    .cite(&framework.id, "style", fact.value.name().into(), fact),
            );
            let score = freedom(fact.value);
            (score, format!("is {} in style ({score:.2})", fact.value))
        }
        None => {
            inputs.absent("style");
            (NEUTRAL, "has no recorded style (neutral 0.50)".to_string())
        }
    };
    let (bonus, class_text) = match &framework.scope {
        Some(fact) => {
            let name = names::scope(fact.value);
            inputs.known(ctx.staleness.cite(&framework.id, "scope", name.into(), fact));
            match fact.value {
                Scope::Micro | Scope::Platform => (
                    UNOPINIONATED_BONUS,
                    format!(", plus {UNOPINIONATED_BONUS} as a {name} framework"),
                ),
                Scope::FullStack => (0.0, String::new()),
            }
        }
        None => {
            inputs.absent("scope");
            (0.0, String::new())
        }
    };
    let score = (base + bonus).min(1.0);
    inputs.cell(
        score,
        format!("{} {style_text}{class_text}: {score:.2}.", framework.name),
    )
}

/// Equal styles fit; balanced is halfway to either; opposite styles fight the team's habits.
fn fit(preferred: Style, actual: Style) -> f64 {
    match (preferred, actual) {
        (a, b) if a == b => 1.0,
        (Style::Balanced, _) | (_, Style::Balanced) => 0.6,
        _ => 0.1,
    }
}

pub(crate) fn convention_fit(ctx: &Context, framework: &Framework) -> ScoreCell {
    let mut inputs = Inputs::default();
    let Some(preferred) = ctx.plan.prefer else {
        // No preference is the plan's answer, not missing data: every framework fits equally.
        return inputs.cell(
            NEUTRAL,
            "The plan states no convention-vs-configuration preference, so every framework scores a neutral 0.50."
                .into(),
        );
    };
    match &framework.style {
        Some(fact) => {
            inputs.known(
                ctx.staleness
                    .cite(&framework.id, "style", fact.value.name().into(), fact),
            );
            let score = fit(preferred, fact.value);
            inputs.cell(
                score,
                format!(
                    "The plan prefers {preferred} and {} is {}: {score:.2}.",
                    framework.name, fact.value
                ),
            )
        }
        None => {
            inputs.absent("style");
            inputs.cell(
                NEUTRAL,
                format!(
                    "The plan prefers {preferred} but {}'s style is unknown, so it scores a neutral 0.50.",
                    framework.name
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use tradeoff_lang::vocab::{Criterion, Language};

    use super::*;
    use crate::scoring::testing::{catalog, context, fact, framework, plan};

    fn with_ctx<T>(prefer: Option<Style>, f: impl FnOnce(&Context) -> T) -> T {
        let cat = catalog(Vec::new());
        let mut plan = plan(&[(Criterion::ConventionFit, 1.0)]);
        plan.prefer = prefer;
        f(&context(&plan, &cat))
    }

    #[test]
    fn fit_table() {
        assert_eq!(fit(Style::Convention, Style::Convention), 1.0);
        assert_eq!(fit(Style::Balanced, Style::Configuration), 0.6);
        assert_eq!(fit(Style::Convention, Style::Balanced), 0.6);
        assert_eq!(fit(Style::Convention, Style::Configuration), 0.1);
    }

    #[test]
    fn convention_fit_cites_the_style() {
        let mut gin = framework("gin", Language::Go);
        gin.style = Some(fact(Style::Configuration));
        let cell = with_ctx(Some(Style::Configuration), |ctx| convention_fit(ctx, &gin));
        assert_eq!((cell.score, cell.confidence), (1.0, 1.0));
        let cell = with_ctx(None, |ctx| convention_fit(ctx, &gin));
        assert_eq!((cell.score, cell.confidence), (NEUTRAL, 1.0));
        gin.style = None;
        let cell = with_ctx(Some(Style::Convention), |ctx| convention_fit(ctx, &gin));
        assert_eq!((cell.score, cell.confidence), (NEUTRAL, 0.0));
    }

    #[test]
    fn flexibility_adds_a_capped_bonus_for_unopinionated_frameworks() {
        let mut gin = framework("gin", Language::Go);
        gin.style = Some(fact(Style::Configuration));
        gin.scope = Some(fact(Scope::Micro));
        assert_eq!(with_ctx(None, |ctx| flexibility(ctx, &gin)).score, 1.0);
        gin.style = Some(fact(Style::Convention));
        assert!((with_ctx(None, |ctx| flexibility(ctx, &gin)).score - 0.4).abs() < 1e-12);
        gin.scope = Some(fact(Scope::FullStack));
        assert!((with_ctx(None, |ctx| flexibility(ctx, &gin)).score - 0.3).abs() < 1e-12);
    }
}
