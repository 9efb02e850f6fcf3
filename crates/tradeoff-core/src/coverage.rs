//! How much of the decision matrix the catalog can fill: for every framework and criterion,
//! whether the score rests on sourced facts (and which sources, of which dates), only on an
//! upper bound, or on nothing.
//!
//! The answer comes from the criterion functions themselves, run on a plan that weighs all
//! twelve criteria against the whole catalog, so it cannot drift from what scoring uses.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use tradeoff_lang::plan::Weighting;
use tradeoff_lang::vocab::{Criterion, Style};
use tradeoff_lang::Plan;

use crate::catalog::Catalog;
use crate::evaluation::ScoreCell;
use crate::scoring::{evaluate, Settings};

/// What a cell rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// At least one input is a sourced value.
    Known,
    /// Nothing but an upper bound (e.g. a repository below a ranking's cutoff).
    Bound,
    Unknown,
}

/// One source a cell cites, with the date of the figure.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Cited {
    pub source: String,
    pub as_of: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub state: State,
    /// Share of the criterion's inputs that are known.
    pub confidence: f64,
    pub sources: Vec<Cited>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub framework: String,
    pub name: String,
    pub cells: BTreeMap<Criterion, Cell>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub frameworks: usize,
    pub cells: usize,
    pub known: usize,
    pub bound: usize,
    pub unknown: usize,
    /// Known cells in percent of all cells.
    pub known_pct: f64,
    /// Frameworks whose performance rests on at least one benchmark figure.
    pub with_performance: usize,
    /// Frameworks with a dated community figure (a value, not only a bound).
    pub with_community: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub catalog_version: String,
    pub criteria: Vec<Criterion>,
    pub rows: Vec<Row>,
    pub summary: Summary,
}

impl Coverage {
    pub fn of(catalog: &Catalog) -> Coverage {
        let evaluation = evaluate(&all_criteria_plan(), catalog, &Settings::default());
        let rows: Vec<Row> = evaluation
            .options
            .iter()
            .map(|option| Row {
                framework: option.framework.clone(),
                name: option.name.clone(),
                cells: option.cells.iter().map(|(c, cell)| (*c, cell_of(cell))).collect(),
            })
            .collect();
        let mut rows = rows;
        rows.sort_by(|a, b| a.framework.cmp(&b.framework));
        let all: Vec<&Cell> = rows.iter().flat_map(|r| r.cells.values()).collect();
        let count = |state: State| all.iter().filter(|c| c.state == state).count();
        let known_in = |criterion: Criterion| {
            rows.iter()
                .filter(|r| r.cells.get(&criterion).is_some_and(|c| c.state == State::Known))
                .count()
        };
        let summary = Summary {
            frameworks: rows.len(),
            cells: all.len(),
            known: count(State::Known),
            bound: count(State::Bound),
            unknown: count(State::Unknown),
            known_pct: if all.is_empty() {
                0.0
            } else {
                (count(State::Known) as f64 * 1000.0 / all.len() as f64).round() / 10.0
            },
            with_performance: known_in(Criterion::Performance),
            with_community: known_in(Criterion::Community),
        };
        Coverage {
            catalog_version: catalog.version.clone(),
            criteria: Criterion::ALL.to_vec(),
            rows,
            summary,
        }
    }
}

fn cell_of(cell: &ScoreCell) -> Cell {
    let state = if cell.confidence > 0.0 {
        State::Known
    } else if cell.missing.iter().any(|m| m.contains("upper bound")) {
        State::Bound
    } else {
        State::Unknown
    };
    let sources: BTreeSet<Cited> = cell
        .facts
        .iter()
        .map(|f| Cited {
            source: f.source.clone(),
            as_of: f.as_of.clone(),
        })
        .collect();
    Cell {
        state,
        confidence: cell.confidence,
        sources: sources.into_iter().collect(),
    }
}

/// Every criterion at equal weight, no filters, a stated style preference (convention-fit needs
/// one) and a date (maturity measures age from it; any date does, since coverage reports which
/// facts exist, not their values).
fn all_criteria_plan() -> Plan {
    let weight = 1.0 / Criterion::ALL.len() as f64;
    let weights = Criterion::ALL.iter().map(|c| (*c, weight)).collect();
    let mut plan = Plan::with_weighting("coverage", "Catalog coverage", Weighting::Direct { weights });
    plan.date = Some("2026-01-01".into());
    plan.prefer = Some(Style::Balanced);
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_catalog_meets_the_coverage_goal() {
        let coverage = Coverage::of(&Catalog::builtin().unwrap());
        let summary = &coverage.summary;
        assert_eq!(summary.frameworks, 30);
        assert_eq!(summary.cells, 30 * 12);
        assert_eq!(summary.known + summary.bound + summary.unknown, summary.cells);
        assert!(summary.known_pct >= 90.0, "{summary:?}");
        assert!(summary.with_performance >= 27, "{summary:?}");
    }

    #[test]
    fn an_unranked_repository_is_a_bound_and_a_bare_framework_unknown() {
        let mut catalog = Catalog::builtin().unwrap();
        let chi = &coverage_row(&catalog, "chi").cells[&Criterion::Community];
        assert_eq!(chi.state, State::Bound);
        assert!(chi.sources[0].source.contains("Github-Ranking"), "{chi:?}");
        let gin = catalog.frameworks.get_mut("gin").unwrap();
        gin.throughput.clear();
        gin.load_test.clear();
        let performance = &coverage_row(&catalog, "gin").cells[&Criterion::Performance];
        assert_eq!((performance.state, performance.sources.len()), (State::Unknown, 0));
    }

    fn coverage_row(catalog: &Catalog, id: &str) -> Row {
        Coverage::of(catalog)
            .rows
            .into_iter()
            .find(|r| r.framework == id)
            .unwrap()
    }
}
