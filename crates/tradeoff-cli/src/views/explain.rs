//! `tradeoff explain` view: one framework's evaluation, cell by cell with the facts behind each
//! score, or the constraints that eliminated it. The model is `tradeoff_core::explain`.

use std::fmt::Write;

use tradeoff_core::evaluation::{Aggregation, FactRef};
use tradeoff_core::explain::{CellExplanation, Explanation};

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
            total_interval,
            acceptability,
            overturns,
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
            if total_interval.is_uncertain() {
                let _ = writeln!(
                    out,
                    "weighted sum if the unknown facts were known: {:.3} to {:.3}",
                    total_interval.low, total_interval.high
                );
            }
            if let Some(acceptability) = acceptability {
                let _ = writeln!(out, "acceptability: {}", super::assurance::ranks(acceptability));
            }
            for overturn in overturns {
                let _ = writeln!(out, "would overturn the winner: {}", overturn.statement);
            }
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
    let interval = &cell.cell.interval;
    let unknown = if interval.is_uncertain() {
        format!(
            ", {:.2} to {:.2} if the unknowns were known",
            interval.low, interval.high
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "\n{}  weight {:.3} × score {:.2} = {:.3}  (confidence {:.0}%{unknown})",
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
