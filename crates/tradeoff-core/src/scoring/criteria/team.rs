//! learning-curve, team-fit and hiring: how the people side of the decision goes. The plan is
//! the authority on the team: a language or framework it does not list is one the team does
//! not know (skill 0), which is a statement, not missing data.

use tradeoff_lang::vocab::Language;

use super::{Inputs, NEUTRAL};
use crate::catalog::model::{Framework, Scope};
use crate::evaluation::ScoreCell;
use crate::scoring::context::Context;
use crate::scoring::names;

/// How much of the framework there is to learn, by TechEmpower's classification: a micro
/// framework is small; a full-stack one is large but prescribes the path; a platform leaves the
/// team to assemble and learn every piece itself.
fn ease(class: Scope) -> f64 {
    match class {
        Scope::Micro => 0.8,
        Scope::FullStack => 0.6,
        Scope::Platform => 0.5,
    }
}

/// Existing language skill counts most for how fast a team learns a framework, but not only.
const SKILL_SHARE: f64 = 0.5;

/// Knowing the language but not the framework is worth most, not all, of knowing both.
const LANGUAGE_ONLY_FACTOR: f64 = 0.8;

fn language_skill(ctx: &Context, language: Language) -> (f64, String) {
    match ctx.plan.team.languages.get(&language) {
        Some(level) => (level.fraction(), format!("{level} in {language}")),
        None => (0.0, format!("not listed for {language}")),
    }
}

fn cite_language(ctx: &Context, framework: &Framework, inputs: &mut Inputs) {
    let language = framework.language.value;
    inputs.known(
        ctx.staleness
            .cite(&framework.id, "language", language.name().into(), &framework.language),
    );
}

pub(crate) fn learning_curve(ctx: &Context, framework: &Framework) -> ScoreCell {
    let mut inputs = Inputs::default();
    cite_language(ctx, framework, &mut inputs);
    let (skill, skill_text) = language_skill(ctx, framework.language.value);
    let (ease_score, ease_text) = match &framework.scope {
        Some(fact) => {
            let name = names::scope(fact.value);
            inputs.known(ctx.staleness.cite(&framework.id, "scope", name.into(), fact));
            let score = ease(fact.value);
            (score, format!("a {name} framework ({score:.2})"))
        }
        None => {
            inputs.absent("scope");
            (NEUTRAL, "of unknown size (neutral 0.50)".to_string())
        }
    };
    let score = SKILL_SHARE * skill + (1.0 - SKILL_SHARE) * ease_score;
    inputs.cell(
        score,
        format!(
            "The team is {skill_text} ({skill:.2}) and {} is {ease_text}; averaged: {score:.2}.",
            framework.name
        ),
    )
}

pub(crate) fn team_fit(ctx: &Context, framework: &Framework) -> ScoreCell {
    let mut inputs = Inputs::default();
    cite_language(ctx, framework, &mut inputs);
    let language = framework.language.value;
    let framework_level = ctx.plan.team.frameworks.get(&framework.id);
    let language_level = ctx.plan.team.languages.get(&language);
    let direct = framework_level.map_or(0.0, |l| l.fraction());
    let via_language = LANGUAGE_ONLY_FACTOR * language_level.map_or(0.0, |l| l.fraction());
    let score = direct.max(via_language);
    let explanation = match (framework_level, language_level) {
        (None, None) => format!(
            "The plan lists no skill in {} or {language}, so the team is taken not to know them: 0.00.",
            framework.name
        ),
        _ => {
            let fw_text = framework_level.map_or_else(|| "not listed".to_string(), |l| l.to_string());
            let lang_text = language_level.map_or_else(|| "not listed".to_string(), |l| l.to_string());
            format!(
                "Team skill in {} is {fw_text} ({direct:.2}) and in {language} {lang_text} \
                 ({LANGUAGE_ONLY_FACTOR} x {:.2} = {via_language:.2}); the higher counts: {score:.2}.",
                framework.name,
                language_level.map_or(0.0, |l| l.fraction())
            )
        }
    };
    inputs.cell(score, explanation)
}

/// The language counts as much as the framework: its users are the wider pool to hire from,
/// the framework's users are productive from the first day.
const LANGUAGE_SHARE: f64 = 0.5;

/// The most-used candidate language's and framework's survey shares, so hiring is relative to
/// the options.
pub(crate) struct HiringScale {
    max: Option<(Language, f64)>,
    max_framework: Option<(String, f64)>,
}

fn usage<'a>(ctx: &Context<'a>, language: Language) -> Option<&'a crate::catalog::model::Fact<f64>> {
    let fact = ctx.catalog.languages.get(&language)?.survey_usage_pct.as_ref()?;
    plausible_share(fact)
}

/// A share outside 0..=100 (or NaN) is not a usable figure; it is treated as unknown.
fn plausible_share(fact: &crate::catalog::model::Fact<f64>) -> Option<&crate::catalog::model::Fact<f64>> {
    (fact.value.is_finite() && (0.0..=100.0).contains(&fact.value)).then_some(fact)
}

impl HiringScale {
    pub(crate) fn new(ctx: &Context, survivors: &[&Framework]) -> Self {
        let max = survivors
            .iter()
            .filter_map(|f| usage(ctx, f.language.value).map(|fact| (f.language.value, fact.value)))
            .fold(None, |best: Option<(Language, f64)>, (language, pct)| match best {
                Some((_, b)) if b >= pct => best,
                _ => Some((language, pct)),
            });
        let max_framework = survivors
            .iter()
            .filter_map(|f| {
                let fact = plausible_share(f.survey_usage_pct.as_ref()?)?;
                Some((f.name.clone(), fact.value))
            })
            .fold(None, |best: Option<(String, f64)>, (name, pct)| match best {
                Some((_, b)) if b >= pct => best,
                _ => Some((name, pct)),
            });
        HiringScale { max, max_framework }
    }

    pub(crate) fn cell(&self, ctx: &Context, framework: &Framework) -> ScoreCell {
        let mut inputs = Inputs::default();
        let (language_score, language_text) = self.language_part(ctx, framework, &mut inputs);
        let framework_part = self.framework_part(ctx, framework, &mut inputs);
        match (language_score, framework_part) {
            (None, None) => inputs.cell(
                NEUTRAL,
                format!(
                    "The catalog has no survey usage figure for {} or {}, so hiring is unknown and scores a neutral \
                     0.50.",
                    framework.language.value, framework.name
                ),
            ),
            (Some(score), None) => inputs.cell(
                score,
                format!(
                    "{language_text}; {} has no survey figure, so the language alone decides.",
                    framework.name
                ),
            ),
            (None, Some((score, text))) => inputs.cell(
                score,
                format!("{text}; the language has no survey figure, so the framework alone decides."),
            ),
            (Some(language), Some((fw, text))) => {
                let score = LANGUAGE_SHARE * language + (1.0 - LANGUAGE_SHARE) * fw;
                inputs.cell(score, format!("{language_text}; {text}; averaged: {score:.2}."))
            }
        }
    }

    fn language_part(&self, ctx: &Context, framework: &Framework, inputs: &mut Inputs) -> (Option<f64>, String) {
        let language = framework.language.value;
        let key = format!("languages.{language}.survey_usage_pct");
        let Some(fact) = usage(ctx, language) else {
            inputs.absent(key);
            return (None, String::new());
        };
        inputs.known(
            ctx.staleness
                .cite(&framework.id, &key, format!("{}%", fact.value), fact),
        );
        let (top_language, top) = self.max.unwrap_or((language, fact.value));
        // All known shares are 0 only in a degenerate catalog: nobody to hire anywhere.
        let score = if top > 0.0 { fact.value / top } else { 0.0 };
        (
            Some(score),
            format!(
                "{language} is used by {}% of surveyed developers, relative to {top}% for {top_language}, the most used \
                 candidate language: {score:.2}",
                fact.value
            ),
        )
    }

    /// The framework's own share; a framework the table does not list is scored at the table's
    /// smallest share (the most it can have) and counted as unknown.
    fn framework_part(&self, ctx: &Context, framework: &Framework, inputs: &mut Inputs) -> Option<(f64, String)> {
        let relative = |pct: f64| -> (f64, String) {
            match &self.max_framework {
                Some((name, top)) if *top > 0.0 => ((pct / top).min(1.0), format!("relative to {top}% for {name}")),
                _ => (1.0, "the only candidate with a figure".to_string()),
            }
        };
        if let Some(fact) = framework.survey_usage_pct.as_ref().and_then(plausible_share) {
            inputs.known(
                ctx.staleness
                    .cite(&framework.id, "survey_usage_pct", format!("{}%", fact.value), fact),
            );
            let (score, against) = relative(fact.value);
            return Some((
                score,
                format!("{} is used by {}% ({against}): {score:.2}", framework.name, fact.value),
            ));
        }
        if let Some(fact) = framework.survey_usage_below.as_ref().and_then(plausible_share) {
            inputs.cite(ctx.staleness.cite(
                &framework.id,
                "survey_usage_below",
                format!("below {}%", fact.value),
                fact,
            ));
            inputs.absent("survey_usage_pct (only an upper bound)");
            let (score, against) = relative(fact.value);
            return Some((
                score,
                format!(
                    "{} is not in the survey's table, so fewer than {}% use it ({against}): at most {score:.2}",
                    framework.name, fact.value
                ),
            ));
        }
        inputs.absent("survey_usage_pct");
        None
    }
}

#[cfg(test)]
mod tests {
    use tradeoff_lang::vocab::{Criterion, SkillLevel};

    use super::*;
    use crate::catalog::model::LanguageFacts;
    use crate::scoring::testing::{catalog, context, fact, framework, plan};

    #[test]
    fn team_fit_takes_the_better_of_framework_and_language_skill() {
        let cat = catalog(Vec::new());
        let mut plan = plan(&[(Criterion::TeamFit, 1.0)]);
        plan.team.languages.insert(Language::Python, SkillLevel::Expert);
        plan.team.frameworks.insert("fastapi".into(), SkillLevel::Intermediate);
        let fastapi = framework("fastapi", Language::Python);
        let cell = team_fit(&context(&plan, &cat), &fastapi);
        assert!((cell.score - 0.8).abs() < 1e-12, "0.8 x expert beats intermediate");
        plan.team.frameworks.insert("fastapi".into(), SkillLevel::Expert);
        assert_eq!(team_fit(&context(&plan, &cat), &fastapi).score, 1.0);
    }

    #[test]
    fn team_fit_without_listed_skill_is_zero_and_certain() {
        let cat = catalog(Vec::new());
        let plan = plan(&[(Criterion::TeamFit, 1.0)]);
        let cell = team_fit(&context(&plan, &cat), &framework("phoenix", Language::Elixir));
        assert_eq!((cell.score, cell.confidence), (0.0, 1.0));
        assert!(cell.explanation.contains("lists no skill"), "{}", cell.explanation);
    }

    #[test]
    fn learning_curve_blends_skill_and_size() {
        let cat = catalog(Vec::new());
        let mut plan = plan(&[(Criterion::LearningCurve, 1.0)]);
        plan.team.languages.insert(Language::Go, SkillLevel::Intermediate);
        let mut gin = framework("gin", Language::Go);
        gin.scope = Some(fact(Scope::Micro));
        let cell = learning_curve(&context(&plan, &cat), &gin);
        assert!((cell.score - 0.65).abs() < 1e-12);
        assert_eq!(cell.confidence, 1.0);
        gin.scope = None;
        let cell = learning_curve(&context(&plan, &cat), &gin);
        assert!((cell.score - 0.5).abs() < 1e-12);
        assert_eq!(cell.confidence, 0.5);
    }

    #[test]
    fn hiring_is_relative_to_the_most_used_candidate_language() {
        let mut cat = catalog(Vec::new());
        for (language, pct) in [(Language::Python, 50.0), (Language::Go, 12.5)] {
            cat.languages.insert(
                language,
                LanguageFacts {
                    language,
                    survey_usage_pct: Some(fact(pct)),
                },
            );
        }
        let plan = plan(&[(Criterion::Hiring, 1.0)]);
        let ctx = context(&plan, &cat);
        let (py, go, ex) = (
            framework("py", Language::Python),
            framework("go", Language::Go),
            framework("ex", Language::Elixir),
        );
        let scale = HiringScale::new(&ctx, &[&py, &go, &ex]);
        assert_eq!(scale.cell(&ctx, &py).score, 1.0);
        assert!((scale.cell(&ctx, &go).score - 0.25).abs() < 1e-12);
        let unknown = scale.cell(&ctx, &ex);
        assert_eq!((unknown.score, unknown.confidence), (NEUTRAL, 0.0));
        assert_eq!(
            unknown.missing,
            ["languages.elixir.survey_usage_pct", "survey_usage_pct"]
        );
    }

    #[test]
    fn hiring_averages_language_and_framework_shares_and_bounds_unlisted_frameworks() {
        let mut cat = catalog(Vec::new());
        cat.languages.insert(
            Language::Go,
            LanguageFacts {
                language: Language::Go,
                survey_usage_pct: Some(fact(20.0)),
            },
        );
        let plan = plan(&[(Criterion::Hiring, 1.0)]);
        let ctx = context(&plan, &cat);
        let mut listed = framework("listed", Language::Go);
        listed.survey_usage_pct = Some(fact(10.0));
        let mut unlisted = framework("unlisted", Language::Go);
        unlisted.survey_usage_below = Some(fact(2.0));
        let scale = HiringScale::new(&ctx, &[&listed, &unlisted]);
        let cell = scale.cell(&ctx, &listed);
        assert_eq!((cell.score, cell.confidence), (1.0, 1.0));
        let cell = scale.cell(&ctx, &unlisted);
        assert!(
            (cell.score - (0.5 * 1.0 + 0.5 * 0.2)).abs() < 1e-12,
            "{}",
            cell.explanation
        );
        assert_eq!(cell.confidence, 0.5, "the bound is not a value");
        assert!(cell.explanation.contains("fewer than 2%"), "{}", cell.explanation);
        assert_eq!(cell.facts.len(), 2, "language share and the cited bound");
    }
}
