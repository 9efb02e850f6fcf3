//! One framework's part of an evaluation, explained: its cells with the weights that turn them
//! into totals (so the totals can be recomputed), or the constraints that eliminated it. The
//! model `tradeoff explain` presents.

use std::collections::BTreeMap;

use serde::Serialize;
use tradeoff_lang::vocab::Criterion;

use crate::assurance::{Acceptability, Overturn};
use crate::evaluation::{Aggregation, Eliminated, EliminationReason, Evaluation, Interval, ScoreCell};

/// One framework's part of the evaluation (what `tradeoff explain --format json` prints).
#[derive(Debug, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Explanation<'a> {
    Ranked {
        framework: &'a str,
        name: &'a str,
        language: &'a str,
        /// 1-based position under the primary method.
        rank: usize,
        of: usize,
        primary_method: Option<Aggregation>,
        totals: &'a BTreeMap<Aggregation, f64>,
        ranks: &'a BTreeMap<Aggregation, usize>,
        confidence: f64,
        /// The weighted sum with its unknown cells at their worst and best.
        total_interval: Interval,
        /// Its share of the acceptability draws at ranks 1–3, when the analysis ran.
        acceptability: Option<&'a Acceptability>,
        /// The statements that would overturn the winner through one of its cells.
        overturns: Vec<&'a Overturn>,
        cells: Vec<CellExplanation<'a>>,
        catalog_version: &'a str,
    },
    Eliminated {
        framework: &'a str,
        name: &'a str,
        reasons: &'a [EliminationReason],
        catalog_version: &'a str,
    },
}

#[derive(Debug, Serialize)]
pub struct CellExplanation<'a> {
    pub criterion: Criterion,
    pub weight: f64,
    /// weight × score: this cell's share of the weighted-sum total.
    pub contribution: f64,
    #[serde(flatten)]
    pub cell: &'a ScoreCell,
}

/// Finds `wanted` (an id or a display name, any case) among the evaluated frameworks.
pub fn explain<'a>(eval: &'a Evaluation, wanted: &str) -> Option<Explanation<'a>> {
    let wanted = wanted.to_lowercase();
    let matches = |id: &str, name: &str| id == wanted || name.to_lowercase() == wanted;
    if let Some((index, option)) = eval
        .options
        .iter()
        .enumerate()
        .find(|(_, o)| matches(&o.framework, &o.name))
    {
        // Cells in the evaluation's column order, so the explanation reads like the matrix.
        let cells = eval
            .criteria
            .iter()
            .filter_map(|criterion| option.cells.get(criterion).map(|cell| (*criterion, cell)))
            .map(|(criterion, cell)| {
                let weight = eval.weights.values.get(&criterion).copied().unwrap_or(0.0);
                CellExplanation {
                    criterion,
                    weight,
                    contribution: weight * cell.score,
                    cell,
                }
            })
            .collect();
        return Some(Explanation::Ranked {
            framework: &option.framework,
            name: &option.name,
            language: &option.language,
            rank: index + 1,
            of: eval.options.len(),
            primary_method: eval.methods.first().copied(),
            totals: &option.totals,
            ranks: &option.ranks,
            confidence: option.confidence,
            total_interval: option.total_interval,
            acceptability: eval
                .assurance
                .iter()
                .flat_map(|a| &a.smaa.acceptability)
                .find(|a| a.framework == option.framework),
            overturns: eval
                .assurance
                .iter()
                .flat_map(|a| &a.overturns)
                .filter(|o| o.framework == option.framework)
                .collect(),
            cells,
            catalog_version: &eval.catalog_version,
        });
    }
    eval.eliminated
        .iter()
        .find(|e| matches(&e.framework, &e.name))
        .map(|gone: &'a Eliminated| Explanation::Eliminated {
            framework: &gone.framework,
            name: &gone.name,
            reasons: &gone.reasons,
            catalog_version: &eval.catalog_version,
        })
}

/// Every framework id the evaluation mentions, for "did you mean".
pub fn known_ids(eval: &Evaluation) -> Vec<&str> {
    let mut ids: Vec<&str> = eval
        .options
        .iter()
        .map(|o| o.framework.as_str())
        .chain(eval.eliminated.iter().map(|e| e.framework.as_str()))
        .collect();
    ids.sort_unstable();
    ids
}
