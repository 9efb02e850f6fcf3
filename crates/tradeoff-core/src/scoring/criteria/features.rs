//! productivity and security: how completely a framework provides the features and safeguards
//! a team would otherwise write or choose itself, each weighted by its tier. A feature the
//! catalog does not record counts as half (neutral), is listed as missing and lowers confidence:
//! leaving it out would let a sparsely documented framework outscore a well documented one.

use tradeoff_lang::vocab::{Feature, Horizon, Style, Tier};

use super::{Inputs, NEUTRAL};
use crate::catalog::model::Framework;
use crate::evaluation::ScoreCell;
use crate::scoring::context::Context;
use crate::scoring::names;

/// Features that save a team from writing or choosing the piece themselves.
pub(crate) const PRODUCTIVITY: [Feature; 7] = [
    Feature::Orm,
    Feature::Migrations,
    Feature::Auth,
    Feature::Admin,
    Feature::Validation,
    Feature::Templating,
    Feature::BackgroundJobs,
];

/// Safeguards whose absence the team must make up for itself.
const SECURITY: [Feature; 3] = [Feature::Csrf, Feature::XssEscaping, Feature::Auth];

/// Bonus for a convention-style framework when the plan is an MVP: prescribed structure
/// means fewer decisions before the first release.
const MVP_CONVENTION_BONUS: f64 = 0.1;

/// What a feature provided at `tier` is worth: built in counts fully; a package of the same
/// organisation almost (one more dependency, same release train); a companion project of the
/// same authors a little less (its own versions to keep in step); an established third-party
/// library half (the team must choose, integrate and vet it, no better than not knowing);
/// a paid product less (cost and a vendor); absent nothing. docs/scoring.md states these.
pub(crate) fn tier_score(tier: Tier) -> f64 {
    match tier {
        Tier::Builtin => 1.0,
        Tier::Official => 0.9,
        Tier::Companion => 0.8,
        Tier::ThirdParty => 0.5,
        Tier::Commercial => 0.3,
        Tier::None => 0.0,
    }
}

/// The known features' tier scores summed, how many are known, and each known one as shown
/// ("orm official"). Each unknown feature is one of `total` items scored neutral, so at its worst
/// (none) or best (built in) it moves the mean by half an item.
fn tally(
    ctx: &Context,
    framework: &Framework,
    features: &[Feature],
    total: usize,
    inputs: &mut Inputs,
) -> (f64, usize, Vec<String>) {
    let swing = NEUTRAL / total.max(1) as f64;
    let mut sum = 0.0;
    let mut known = 0;
    let mut shown = Vec::new();
    for feature in features {
        match framework.features.get(feature) {
            Some(fact) => {
                known += 1;
                sum += tier_score(fact.tier);
                shown.push(format!("{feature} {}", fact.tier));
                inputs.known(ctx.staleness.cite_feature(&framework.id, *feature, fact));
            }
            None => inputs.absent_within(format!("features.{feature}"), swing, swing),
        }
    }
    (sum, known, shown)
}

pub(crate) fn productivity(ctx: &Context, framework: &Framework) -> ScoreCell {
    let mut inputs = Inputs::default();
    let (sum, known, shown) = tally(ctx, framework, &PRODUCTIVITY, PRODUCTIVITY.len(), &mut inputs);
    let (base, counted) = if known == 0 {
        (
            NEUTRAL,
            "has none of its productivity features recorded in the catalog, so it starts at a neutral 0.50".to_string(),
        )
    } else {
        let share = neutral_share(sum, known, PRODUCTIVITY.len());
        (
            share,
            format!(
                "provides the {known} productivity features the catalog records as {}{}",
                names::list(&shown),
                unknown_note(known, PRODUCTIVITY.len())
            ),
        )
    };
    let mut score = base;
    let mut bonus = String::new();
    if ctx.plan.app.horizon == Some(Horizon::Mvp) {
        match &framework.style {
            Some(fact) => {
                inputs.known(
                    ctx.staleness
                        .cite(&framework.id, "style", fact.value.name().into(), fact),
                );
                if fact.value == Style::Convention {
                    score = (score + MVP_CONVENTION_BONUS).min(1.0);
                    bonus = format!(", plus {MVP_CONVENTION_BONUS} for convention style on an MVP horizon");
                }
            }
            None => inputs.absent_within("style", 0.0, MVP_CONVENTION_BONUS),
        }
    }
    inputs.cell(score, format!("{} {counted}{bonus}: {score:.2}.", framework.name))
}

/// The security features, a security policy and an LTS line.
const SECURITY_ITEMS: usize = SECURITY.len() + 2;

pub(crate) fn security(ctx: &Context, framework: &Framework) -> ScoreCell {
    let mut inputs = Inputs::default();
    let (mut sum, mut known, mut present) = tally(ctx, framework, &SECURITY, SECURITY_ITEMS, &mut inputs);
    match &framework.security_policy {
        Some(fact) => {
            known += 1;
            sum += 1.0;
            present.push("a security policy".into());
            inputs.known(
                ctx.staleness
                    .cite(&framework.id, "security_policy", fact.value.clone(), fact),
            );
        }
        None => inputs.absent_within(
            "security_policy",
            NEUTRAL / SECURITY_ITEMS as f64,
            NEUTRAL / SECURITY_ITEMS as f64,
        ),
    }
    match &framework.lts {
        Some(fact) => {
            known += 1;
            if fact.value {
                sum += 1.0;
                present.push("an LTS line".into());
            } else {
                present.push("no LTS line".into());
            }
            inputs.known(ctx.staleness.cite(&framework.id, "lts", fact.value.to_string(), fact));
        }
        None => inputs.absent_within("lts", NEUTRAL / SECURITY_ITEMS as f64, NEUTRAL / SECURITY_ITEMS as f64),
    }
    if known == 0 {
        let text = format!(
            "The catalog records none of {}'s security safeguards, so it scores a neutral 0.50.",
            framework.name
        );
        return inputs.cell(NEUTRAL, text);
    }
    let total = SECURITY_ITEMS;
    let score = neutral_share(sum, known, total);
    inputs.cell(
        score,
        format!(
            "{}'s {known} recorded security safeguards: {}{}: {score:.2}.",
            framework.name,
            names::list(&present),
            unknown_note(known, total)
        ),
    )
}

/// The mean over `total` items of the known items' scores (summed in `sum`), counting each of
/// the `total - known` unknown items as half.
fn neutral_share(sum: f64, known: usize, total: usize) -> f64 {
    (sum + NEUTRAL * (total - known) as f64) / total as f64
}

fn unknown_note(known: usize, total: usize) -> String {
    match total - known {
        0 => String::new(),
        1 => "; the 1 not recorded counts as half".to_string(),
        n => format!("; the {n} not recorded count as half each"),
    }
}

#[cfg(test)]
mod tests {
    use tradeoff_lang::vocab::{Criterion, Language};

    use super::*;
    use crate::scoring::testing::{catalog, context, fact, feature, framework, plan};

    fn with_ctx<T>(horizon: Option<Horizon>, f: impl FnOnce(&Context) -> T) -> T {
        let cat = catalog(Vec::new());
        let mut plan = plan(&[(Criterion::Productivity, 1.0)]);
        plan.app.horizon = horizon;
        f(&context(&plan, &cat))
    }

    #[test]
    fn productivity_counts_unknown_features_as_half() {
        let mut fw = framework("fw", Language::Python);
        fw.features.insert(Feature::Orm, feature(Tier::Builtin));
        fw.features.insert(Feature::Migrations, feature(Tier::Builtin));
        fw.features.insert(Feature::Admin, feature(Tier::None));
        fw.features.insert(Feature::Auth, feature(Tier::Builtin));
        let cell = with_ctx(None, |ctx| productivity(ctx, &fw));
        // 3 built in, 1 not, 3 unknown at one half each: (3 + 1.5) / 7.
        assert!((cell.score - 4.5 / 7.0).abs() < 1e-12, "{}", cell.score);
        assert!((cell.confidence - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(cell.missing.len(), 3);
        assert!(
            cell.explanation
                .contains("orm builtin, migrations builtin, auth builtin and admin none"),
            "{}",
            cell.explanation
        );
    }

    #[test]
    fn convention_gets_a_capped_bonus_on_mvp() {
        let mut rails = framework("rails", Language::Ruby);
        for wanted in PRODUCTIVITY {
            rails.features.insert(wanted, feature(Tier::Builtin));
        }
        rails.style = Some(fact(Style::Convention));
        let cell = with_ctx(Some(Horizon::Mvp), |ctx| productivity(ctx, &rails));
        assert_eq!(cell.score, 1.0, "capped");
        rails.features.insert(Feature::Admin, feature(Tier::None));
        let cell = with_ctx(Some(Horizon::Mvp), |ctx| productivity(ctx, &rails));
        assert!((cell.score - (6.0 / 7.0 + 0.1)).abs() < 1e-12);
        let cell = with_ctx(Some(Horizon::LongLived), |ctx| productivity(ctx, &rails));
        assert!((cell.score - 6.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn nothing_known_is_neutral() {
        let bare = framework("bare", Language::Go);
        let cell = with_ctx(None, |ctx| productivity(ctx, &bare));
        assert_eq!((cell.score, cell.confidence), (NEUTRAL, 0.0));
        let cell = with_ctx(None, |ctx| security(ctx, &bare));
        assert_eq!((cell.score, cell.confidence), (NEUTRAL, 0.0));
        assert_eq!(
            cell.missing,
            [
                "features.csrf",
                "features.xss-escaping",
                "features.auth",
                "security_policy",
                "lts"
            ]
        );
    }

    #[test]
    fn a_sparsely_documented_framework_does_not_outscore_a_documented_one() {
        let mut sparse = framework("sparse", Language::Java);
        sparse.features.insert(Feature::Auth, feature(Tier::Builtin));
        let mut documented = framework("documented", Language::Java);
        for wanted in SECURITY {
            documented.features.insert(wanted, feature(Tier::Builtin));
        }
        documented.security_policy = Some(fact("https://example.org/security".into()));
        documented.lts = Some(fact(false));
        let sparse_cell = with_ctx(None, |ctx| security(ctx, &sparse));
        let documented_cell = with_ctx(None, |ctx| security(ctx, &documented));
        assert!(
            sparse_cell.score < documented_cell.score,
            "{} vs {}",
            sparse_cell.score,
            documented_cell.score
        );
    }

    #[test]
    fn security_counts_known_safeguards() {
        let mut fw = framework("fw", Language::Python);
        fw.features.insert(Feature::Csrf, feature(Tier::Builtin));
        fw.features.insert(Feature::XssEscaping, feature(Tier::None));
        fw.security_policy = Some(fact("https://example.org/security".into()));
        fw.lts = Some(fact(false));
        let cell = with_ctx(None, |ctx| security(ctx, &fw));
        assert!(
            (cell.score - 0.5).abs() < 1e-12,
            "csrf and policy present, auth unknown: (2 + 0.5) / 5"
        );
        assert!((cell.confidence - 0.8).abs() < 1e-12);
        assert!(
            cell.explanation
                .contains("csrf builtin, xss-escaping none, a security policy and no LTS line"),
            "{}",
            cell.explanation
        );
    }

    #[test]
    fn tiers_rank_builtin_over_official_over_companion_over_third_party() {
        let tiers = [
            Tier::Builtin,
            Tier::Official,
            Tier::Companion,
            Tier::ThirdParty,
            Tier::Commercial,
            Tier::None,
        ];
        let scores: Vec<f64> = tiers
            .iter()
            .map(|tier| {
                let mut fw = framework("fw", Language::Python);
                for wanted in PRODUCTIVITY {
                    fw.features.insert(wanted, feature(*tier));
                }
                with_ctx(None, |ctx| productivity(ctx, &fw)).score
            })
            .collect();
        assert!(scores.windows(2).all(|w| w[0] > w[1]), "{scores:?}");
        // Third-party is worth no more than not knowing: an undocumented framework gains nothing.
        assert_eq!(scores[3], NEUTRAL);
    }
}
