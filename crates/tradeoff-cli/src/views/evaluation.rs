//! Text view of an evaluation: the ranking table with top reasons, eliminations, sensitivity
//! and warnings — what `tradeoff score` prints.

use std::fmt::Write;

use tradeoff_core::evaluation::{Evaluation, ScoredOption, Sensitivity, Stability};
use tradeoff_lang::vocab::Criterion;
use tradeoff_lang::Plan;

use super::table;

pub fn render(plan: &Plan, eval: &Evaluation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}\n", plan.id, plan.title);
    render_ranking(&mut out, eval);
    render_weights(&mut out, eval);
    if let Some(assurance) = &eval.assurance {
        super::assurance::render(&mut out, assurance);
    }
    if let Some(sensitivity) = &eval.sensitivity {
        render_sensitivity(&mut out, sensitivity);
    }
    render_eliminated_and_warnings(&mut out, eval);
    let _ = writeln!(out, "\ncatalog {}", eval.catalog_version);
    out
}

/// The ranking table: totals per method, confidence, and the criteria that carried each option.
fn render_ranking(out: &mut String, eval: &Evaluation) {
    let mut header: Vec<String> = vec!["rank".into(), "framework".into(), "language".into()];
    for method in &eval.methods {
        header.push(method.label().to_owned());
    }
    header.push("if unknowns known".into());
    header.push("confidence".into());
    header.push("top reasons (* rests on an unknown)".into());
    let rows: Vec<Vec<String>> = eval
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let mut row = vec![(i + 1).to_string(), option.name.clone(), option.language.clone()];
            for method in &eval.methods {
                let total = option.totals.get(method).copied().unwrap_or(f64::NAN);
                let rank = option.ranks.get(method).map(|r| format!(" (#{r})")).unwrap_or_default();
                row.push(format!("{total:.3}{rank}"));
            }
            let range = option.total_interval;
            row.push(if range.is_uncertain() {
                format!("{:.3}–{:.3}", range.low, range.high)
            } else {
                "known".into()
            });
            row.push(format!("{:.0}%", option.confidence * 100.0));
            row.push(carried_by(option));
            row
        })
        .collect();
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    out.push_str(&table(&header_refs, &rows));
}

/// Which criteria carried an option, with their scores; `--format json` has the sentences.
fn carried_by(option: &ScoredOption) -> String {
    let carried: Vec<String> = option
        .top_reasons
        .iter()
        .filter_map(|reason| reason.split_once(':').map(|(criterion, _)| criterion.trim().to_owned()))
        .map(|criterion| {
            let score = Criterion::parse(&criterion)
                .and_then(|c| option.cells.get(&c))
                // An asterisk marks a score that rests on an unknown fact.
                .map(|cell| {
                    format!(
                        " {:.2}{}",
                        cell.score,
                        if cell.interval.is_uncertain() { "*" } else { "" }
                    )
                })
                .unwrap_or_default();
            format!("{criterion}{score}")
        })
        .collect();
    carried.join(", ")
}

fn render_weights(out: &mut String, eval: &Evaluation) {
    let weights: Vec<String> = eval
        .criteria
        .iter()
        .filter_map(|c| eval.weights.values.get(c).map(|w| format!("{c} {w:.3}")))
        .collect();
    let _ = writeln!(out, "\nweights ({}): {}", eval.weights.source, weights.join(", "));
    if let Some(consistency) = &eval.weights.consistency {
        let _ = writeln!(
            out,
            "AHP consistency ratio {:.3} (λmax {:.3})",
            consistency.ratio, consistency.lambda_max
        );
    }
}

fn render_sensitivity(out: &mut String, sensitivity: &Sensitivity) {
    let verdict = match sensitivity.stability {
        Stability::Robust => "robust",
        Stability::Moderate => "moderately stable",
        Stability::Fragile => "fragile",
    };
    let _ = write!(out, "\nsensitivity: the choice of {} is {verdict}", sensitivity.winner);
    match &sensitivity.most_critical {
        Some(t) => {
            let flip = t.flip_at.map(|f| format!("{f:.3}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "; most critical criterion: {} (weight {:.3} → {flip} flips the winner)",
                t.criterion, t.current_weight
            );
        }
        None => {
            let _ = writeln!(out, "; no single weight change in [0, 1] flips it");
        }
    }
    for matchup in &sensitivity.matchups {
        let _ = writeln!(out, "  vs {}: margin {:.3}", matchup.runner_up, matchup.margin);
    }
}

fn render_eliminated_and_warnings(out: &mut String, eval: &Evaluation) {
    if !eval.eliminated.is_empty() {
        let _ = writeln!(out, "\neliminated ({}):", eval.eliminated.len());
        for gone in &eval.eliminated {
            let failed: Vec<&str> = gone.reasons.iter().map(|r| r.constraint.as_str()).collect();
            let _ = writeln!(out, "  {} ({}): fails {}", gone.name, gone.framework, failed.join(", "));
        }
    }
    if !eval.warnings.is_empty() {
        let _ = writeln!(out, "\nwarnings:");
        for warning in &eval.warnings {
            let _ = writeln!(out, "  [{}] {}", warning.code, warning.message);
        }
    }
}
