//! `tradeoff explain` view: one framework's evaluation, cell by cell with the facts behind each
//! score, or the constraints that eliminated it.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;
use tradeoff_core::evaluation::{Aggregation, Eliminated, EliminationReason, Evaluation, FactRef, ScoreCell};
use tradeoff_lang::vocab::Criterion;

/// What `--format json` prints: the framework's part of the evaluation, with the weights that
/// turn its cells into totals so the totals can be recomputed.
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

pub fn render(explanation: &Explanation<'_>, decision: &str) -> String {
    let mut out = String::new();
    match explanation {
        Explanation::Ranked {
            framework,
            name,
            language,
            rank,
            of,
            primary_method,
            totals,
            confidence,
            cells,
            catalog_version,
            ..
        } => {
            let _ = writeln!(
                out,
                "{name} ({framework}, {language}) in {decision}: rank {rank} of {of}"
            );
            let totals: Vec<String> = totals.iter().map(|(m, t)| format!("{} {t:.3}", m.label())).collect();
            let primary = primary_method.map(Aggregation::label).unwrap_or("none");
            let _ = writeln!(
                out,
                "totals: {} (primary: {primary}); confidence {:.0}%",
                totals.join(", "),
                confidence * 100.0
            );
            for cell in cells {
                render_cell(&mut out, cell);
            }
            let _ = writeln!(out, "\ncatalog {catalog_version}");
        }
        Explanation::Eliminated {
            framework,
            name,
            reasons,
            catalog_version,
        } => {
            let _ = writeln!(
                out,
                "{name} ({framework}) was eliminated from {decision} by {} hard constraint(s):",
                reasons.len()
            );
            for reason in reasons.iter() {
                let _ = writeln!(out, "\n  {}: {}", reason.constraint, reason.message);
                if let Some(fact) = &reason.fact {
                    render_fact(&mut out, fact);
                }
            }
            let _ = writeln!(out, "\ncatalog {catalog_version}");
        }
    }
    out
}

fn render_cell(out: &mut String, cell: &CellExplanation<'_>) {
    let _ = writeln!(
        out,
        "\n{}  weight {:.3} × score {:.2} = {:.3}  (confidence {:.0}%)",
        cell.criterion,
        cell.weight,
        cell.cell.score,
        cell.contribution,
        cell.cell.confidence * 100.0
    );
    let _ = writeln!(out, "  {}", cell.cell.explanation);
    for fact in &cell.cell.facts {
        render_fact(out, fact);
    }
    for missing in &cell.cell.missing {
        let _ = writeln!(out, "  missing: {missing}");
    }
}

fn render_fact(out: &mut String, fact: &FactRef) {
    let stale = if fact.stale { "  STALE" } else { "" };
    let _ = writeln!(
        out,
        "  fact {} = {}  (source {}, as of {}){stale}",
        fact.key, fact.value, fact.source, fact.as_of
    );
}
