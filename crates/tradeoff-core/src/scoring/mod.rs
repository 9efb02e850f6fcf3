//! Scoring: hard filters, criterion functions, aggregation, AHP weights, sensitivity, and how
//! sure the decision is (robustness: intervals and SMAA-2 acceptability).
//!
//! [`evaluate`] is a pure function of the plan, the catalog and the settings: no clock, no unseeded
//! randomness, no hash-map iteration, so the same inputs always give the same [`Evaluation`].
//! The rules are documented in `docs/scoring.md`.

pub mod aggregate;
pub mod ahp;
mod context;
mod criteria;
mod facts;
mod filters;
mod names;
pub mod robustness;
pub mod sensitivity;
mod weights;

#[cfg(test)]
mod testing;

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use tradeoff_lang::vocab::{Criterion, Method};
use tradeoff_lang::Plan;

use crate::catalog::model::{Catalog, Framework, Origin};
use crate::evaluation::{
    Aggregation, Eliminated, Evaluation, FactRef, ScoreCell, ScoredOption, Sensitivity, Warning,
    EVALUATION_FORMAT_VERSION,
};
use context::Context;
use facts::Staleness;

/// What each criterion measures, in one sentence.
pub use criteria::summary as criterion_summary;

/// Facts older than this many months before the decision date are flagged stale by default:
/// frameworks ship majors and benchmarks rerun on roughly that cadence.
pub const DEFAULT_STALE_AFTER_MONTHS: u32 = 18;

/// Overall confidence below which an option is called out: most of its inputs were unknown.
const LOW_CONFIDENCE: f64 = 0.5;

/// How many of an option's strongest contributions are kept as its reasons.
const TOP_REASONS: usize = 3;

/// How many leading options two methods must order alike to agree.
const COMPARED_TOP: usize = 3;

/// How many stale facts a warning names before summarising the rest.
const STALE_EXAMPLES: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub stale_after_months: u32,
    /// The date staleness and ages are measured from; the plan's date when `None`.
    pub reference_date: Option<Date>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            stale_after_months: DEFAULT_STALE_AFTER_MONTHS,
            reference_date: None,
        }
    }
}

/// Scores `plan` against `catalog`. Never panics: impossible or empty inputs produce an
/// evaluation with no options and warnings that say why.
pub fn evaluate(plan: &Plan, catalog: &Catalog, settings: &Settings) -> Evaluation {
    let reference = settings
        .reference_date
        .or_else(|| plan.date.as_deref().and_then(|d| d.parse().ok()));
    let staleness = Staleness::new(reference, settings.stale_after_months);
    let ctx = Context {
        plan,
        catalog,
        staleness,
        reference,
    };
    let methods = methods(plan.method);

    let resolved = weights::resolve(&plan.weighting);
    let filtered = filters::apply(&plan.constraints, catalog, &staleness);
    let mut warnings = resolved.warnings;
    warnings.extend(filtered.warnings);
    let survivors = filtered.survivors;
    if survivors.is_empty() {
        warnings.push(Warning {
            code: "no-survivors".into(),
            message: no_survivors_message(&filtered.eliminated),
        });
    }

    let scored = criteria::score_all(&ctx, &survivors, &resolved.criteria);
    warnings.extend(scored.warnings);
    let criteria = resolved.criteria;
    let weight_vector = resolved.vector;
    let ids: Vec<&str> = survivors.iter().map(|f| f.id.as_str()).collect();
    let matrix = decision_matrix(&scored.cells, &criteria);

    // The weighted sum is always computed: sensitivity is defined on it even when only TOPSIS ranks.
    let wsm = aggregate::weighted_sum(&matrix, &weight_vector);
    let totals = totals_by_method(&methods, &wsm, &matrix, &weight_vector);
    let orders: BTreeMap<Aggregation, Vec<usize>> = totals
        .iter()
        .map(|(method, t)| (*method, aggregate::rank_order(t, &ids)))
        .collect();
    let primary = methods[0];
    let mut options = ranked_options(
        &survivors,
        scored.cells,
        Columns {
            criteria: &criteria,
            weights: &weight_vector,
        },
        &totals,
        &orders,
        primary,
    );
    for (option, framework) in options.iter_mut().filter_map(|o| {
        let framework = survivors.iter().find(|f| f.id == o.framework).copied();
        framework.map(|f| (o, f))
    }) {
        option.requirements = filters::requirement_checks(&plan.constraints, framework, &staleness);
    }

    let rankings: BTreeMap<Aggregation, Vec<String>> = orders
        .iter()
        .map(|(m, order)| (*m, order.iter().map(|&i| ids[i].to_string()).collect()))
        .collect();
    let rank_disagreement = disagree(&rankings, primary);
    warnings.extend(rank_disagreement.then(rank_disagreement_warning));

    let sensitivity = wsm_sensitivity(&ids, &matrix, &criteria, &weight_vector, &wsm);
    let assurance = assurance(&options, &plan.weighting, &criteria, &weight_vector);

    warnings.extend(stale_warning(
        &options,
        &filtered.eliminated,
        settings.stale_after_months,
        reference,
    ));
    warnings.extend(low_confidence_warning(&options));

    Evaluation {
        format_version: EVALUATION_FORMAT_VERSION,
        catalog_version: catalog.version.clone(),
        methods,
        weights: resolved.weights,
        criteria,
        options,
        eliminated: filtered.eliminated,
        rankings,
        rank_disagreement,
        sensitivity,
        assurance,
        warnings,
        overrides: overrides(catalog),
        stale_after_months: settings.stale_after_months,
        stale_reference_date: reference.map(|d| d.to_string()),
    }
}

/// One row per survivor, one column per weighed criterion; a criterion without a cell scores 0.
fn decision_matrix(cells: &[BTreeMap<Criterion, ScoreCell>], criteria: &[Criterion]) -> Vec<Vec<f64>> {
    cells
        .iter()
        .map(|cells| {
            criteria
                .iter()
                .map(|c| cells.get(c).map_or(0.0, |cell| cell.score))
                .collect()
        })
        .collect()
}

/// Intervals and acceptability of the weighted-sum winner (see [`robustness`]).
fn assurance(
    options: &[ScoredOption],
    weighting: &tradeoff_lang::plan::Weighting,
    criteria: &[Criterion],
    weights: &[f64],
) -> Option<crate::assurance::Assurance> {
    let ids: Vec<&str> = options.iter().map(|o| o.framework.as_str()).collect();
    let names: Vec<&str> = options.iter().map(|o| o.name.as_str()).collect();
    let column = |pick: fn(&ScoreCell) -> f64| -> Vec<Vec<f64>> {
        options
            .iter()
            .map(|o| criteria.iter().map(|c| o.cells.get(c).map_or(0.0, pick)).collect())
            .collect()
    };
    let points = column(|cell| cell.score);
    let lows = column(|cell| cell.interval.low);
    let highs = column(|cell| cell.interval.high);
    let problem = robustness::Problem::new(&ids, &names, criteria, weights, [&points, &lows, &highs]);
    robustness::assess(&problem, weighting, robustness::SAMPLES, robustness::SEED)
}

/// How far the weighted-sum winner is from losing; none without criteria.
fn wsm_sensitivity(
    ids: &[&str],
    matrix: &[Vec<f64>],
    criteria: &[Criterion],
    weights: &[f64],
    wsm: &[f64],
) -> Option<Sensitivity> {
    if criteria.is_empty() {
        return None;
    }
    let wsm_order = aggregate::rank_order(wsm, ids);
    sensitivity::analyse(ids, matrix, criteria, weights, wsm, &wsm_order)
}

fn rank_disagreement_warning() -> Warning {
    Warning {
        code: "rank-disagreement".into(),
        message: format!("the methods disagree on the winner or on the order of the top {COMPARED_TOP}; see rankings"),
    }
}

/// Each method's totals, one per survivor; the weighted sum `wsm` is reused, not recomputed.
fn totals_by_method(
    methods: &[Aggregation],
    wsm: &[f64],
    matrix: &[Vec<f64>],
    weights: &[f64],
) -> BTreeMap<Aggregation, Vec<f64>> {
    methods
        .iter()
        .map(|method| {
            let totals = match method {
                Aggregation::WeightedSum => wsm.to_vec(),
                Aggregation::Topsis => aggregate::topsis(matrix, weights),
            };
            (*method, totals)
        })
        .collect()
}

/// The matrix's columns: the weighed criteria and their weights, in the same order.
#[derive(Clone, Copy)]
struct Columns<'a> {
    criteria: &'a [Criterion],
    weights: &'a [f64],
}

/// The survivors as scored options (totals and ranks under every method), in the primary
/// method's order.
fn ranked_options(
    survivors: &[&Framework],
    cells: Vec<BTreeMap<Criterion, ScoreCell>>,
    columns: Columns<'_>,
    totals: &BTreeMap<Aggregation, Vec<f64>>,
    orders: &BTreeMap<Aggregation, Vec<usize>>,
    primary: Aggregation,
) -> Vec<ScoredOption> {
    let options: Vec<ScoredOption> = survivors
        .iter()
        .zip(cells)
        .enumerate()
        .map(|(i, (framework, cells))| {
            let option_totals = totals.iter().map(|(m, t)| (*m, t[i])).collect();
            let ranks = orders
                .iter()
                .map(|(m, order)| (*m, 1 + order.iter().position(|&r| r == i).unwrap_or(i)))
                .collect();
            let interval = |pick: fn(&crate::evaluation::Interval) -> f64| -> f64 {
                columns
                    .criteria
                    .iter()
                    .zip(columns.weights)
                    .map(|(c, w)| w * cells.get(c).map_or(0.0, |cell| pick(&cell.interval)))
                    .sum()
            };
            let total_interval = crate::evaluation::Interval {
                low: interval(|i| i.low),
                high: interval(|i| i.high),
            };
            ScoredOption {
                total_interval,
                framework: framework.id.clone(),
                name: framework.name.clone(),
                language: framework.language.value.name().to_string(),
                confidence: confidence(&cells, columns.criteria, columns.weights),
                top_reasons: top_reasons(&cells, columns.criteria, columns.weights),
                requirements: Vec::new(),
                cells,
                totals: option_totals,
                ranks,
            }
        })
        .collect();
    let Some(order) = orders.get(&primary) else {
        return options;
    };
    let mut slots: Vec<Option<ScoredOption>> = options.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// The frameworks that user catalog files added or changed, and which file did.
fn overrides(catalog: &Catalog) -> Vec<crate::evaluation::CatalogOverride> {
    catalog
        .origins
        .iter()
        .filter(|(_, o)| **o != Origin::Builtin)
        .map(|(id, origin)| crate::evaluation::CatalogOverride {
            framework: id.clone(),
            origin: origin.clone(),
        })
        .collect()
}

/// The methods to run, primary first.
fn methods(method: Method) -> Vec<Aggregation> {
    match method {
        Method::WeightedSum => vec![Aggregation::WeightedSum],
        Method::Topsis => vec![Aggregation::Topsis],
        Method::All => vec![Aggregation::WeightedSum, Aggregation::Topsis],
    }
}

/// Weight-averaged cell confidence; with no criteria nothing was wanted, so nothing is unknown.
fn confidence(cells: &BTreeMap<Criterion, ScoreCell>, criteria: &[Criterion], weights: &[f64]) -> f64 {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return 1.0;
    }
    let sum: f64 = criteria
        .iter()
        .zip(weights)
        .map(|(c, w)| w * cells.get(c).map_or(0.0, |cell| cell.confidence))
        .sum();
    (sum / total).clamp(0.0, 1.0)
}

/// The largest weight × score contributions, as "criterion: explanation".
fn top_reasons(cells: &BTreeMap<Criterion, ScoreCell>, criteria: &[Criterion], weights: &[f64]) -> Vec<String> {
    let mut contributions: Vec<(f64, Criterion, &ScoreCell)> = criteria
        .iter()
        .zip(weights)
        .filter_map(|(c, w)| cells.get(c).map(|cell| (w * cell.score, *c, cell)))
        .filter(|(contribution, _, _)| *contribution > 0.0)
        .collect();
    contributions.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    contributions
        .iter()
        .take(TOP_REASONS)
        .map(|(_, c, cell)| format!("{c}: {}", cell.explanation))
        .collect()
}

/// Whether any method's winner or top-3 order differs from the primary method's.
fn disagree(rankings: &BTreeMap<Aggregation, Vec<String>>, primary: Aggregation) -> bool {
    let Some(reference) = rankings.get(&primary) else {
        return false;
    };
    let top = |ranking: &[String]| ranking.iter().take(COMPARED_TOP).cloned().collect::<Vec<_>>();
    rankings.values().any(|ranking| top(ranking) != top(reference))
}

fn stale_warning(
    options: &[ScoredOption],
    eliminated: &[Eliminated],
    months: u32,
    reference: Option<Date>,
) -> Option<Warning> {
    let cited = options
        .iter()
        .flat_map(|o| o.cells.values())
        .flat_map(|cell| &cell.facts)
        .chain(
            eliminated
                .iter()
                .flat_map(|e| &e.reasons)
                .filter_map(|r| r.fact.as_ref()),
        );
    let stale: BTreeSet<(&str, &str, &str)> = cited
        .filter(|f: &&FactRef| f.stale)
        .map(|f| (f.framework.as_str(), f.key.as_str(), f.as_of.as_str()))
        .collect();
    let reference = reference?;
    if stale.is_empty() {
        return None;
    }
    let examples: Vec<String> = stale
        .iter()
        .take(STALE_EXAMPLES)
        .map(|(fw, key, as_of)| format!("{fw} {key} ({as_of})"))
        .collect();
    let more = stale.len().saturating_sub(STALE_EXAMPLES);
    let rest = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    Some(Warning {
        code: "stale-facts".into(),
        message: format!(
            "{} cited facts are older than {months} months before {reference}: {}{rest}",
            stale.len(),
            examples.join(", ")
        ),
    })
}

fn low_confidence_warning(options: &[ScoredOption]) -> Option<Warning> {
    let low: Vec<String> = options
        .iter()
        .filter(|o| o.confidence < LOW_CONFIDENCE)
        .map(|o| format!("{} ({:.2})", o.framework, o.confidence))
        .collect();
    (!low.is_empty()).then(|| Warning {
        code: "low-confidence".into(),
        message: format!(
            "less than half of the weighted inputs are known for {}; each criterion counts an unknown as docs/scoring.md says (a missing benchmark at the bottom of its scale), and tradeoff explain shows the range it leaves",
            low.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests;

/// Names the constraints that emptied the candidate set, the most eliminating first, so the
/// team knows which requirement to revisit.
fn no_survivors_message(eliminated: &[crate::evaluation::Eliminated]) -> String {
    let mut tally: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for gone in eliminated {
        for reason in &gone.reasons {
            *tally.entry(reason.constraint.as_str()).or_default() += 1;
        }
    }
    if tally.is_empty() {
        return "the catalog holds no framework to score".into();
    }
    let mut ranked: Vec<(&str, usize)> = tally.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let listed: Vec<String> = ranked
        .iter()
        .map(|(constraint, n)| format!("`{constraint}` rules out {n}"))
        .collect();
    format!(
        "no framework in the catalog meets every hard constraint ({} considered): {}",
        eliminated.len(),
        listed.join(", ")
    )
}
