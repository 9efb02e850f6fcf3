//! What the name under the cursor means: a framework's sourced facts, a criterion's meaning
//! and weight, or on `decision` the live verdict.

use std::fmt::Write as _;
use std::ops::Range;

use tradeoff_core::catalog::facts_of;
use tradeoff_core::scoring::criterion_summary;
use tradeoff_lang::vocab::Criterion;

use super::Analysis;

/// What the name at byte `offset` means, as Markdown, with the span it covers.
pub fn hover(analysis: &Analysis, text: &str, offset: usize) -> Option<(String, Range<usize>)> {
    let span = word_at(text, offset)?;
    let word = &text[span.clone()];
    let markdown = if word == "decision" {
        decision_hover(analysis)
    } else if let Some(criterion) = Criterion::parse(word) {
        criterion_hover(analysis, criterion)
    } else {
        let catalog = analysis.catalog()?;
        let framework = catalog.frameworks.get(word)?;
        let mut out = format!(
            "**{}** (`{}`), {}\n\n",
            framework.name, framework.id, framework.language.value
        );
        out.push_str("| fact | value | as of | source |\n|---|---|---|---|\n");
        for fact in facts_of(framework) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&fact.key),
                cell(&fact.value),
                cell(&fact.as_of),
                cell(&fact.source)
            );
        }
        out
    };
    Some((markdown, span))
}

fn decision_hover(analysis: &Analysis) -> String {
    let Some((_, evaluation)) = &analysis.outcome else {
        return format!(
            "**No decision yet**: the spec has {} problem(s) to fix first.",
            analysis.findings.len()
        );
    };
    let Some(winner) = evaluation.winner() else {
        return "**No framework meets every hard constraint.** Relax the `require` block.".to_owned();
    };
    let method = evaluation.methods.first().map_or("", |m| m.label());
    let total = |o: &tradeoff_core::evaluation::ScoredOption| {
        evaluation
            .methods
            .first()
            .and_then(|m| o.totals.get(m))
            .copied()
            .unwrap_or(0.0)
    };
    let mut out = format!(
        "**Winner: {}** ({}), {method} {:.3}, confidence {:.0}%\n\n",
        winner.name,
        winner.language,
        total(winner),
        winner.confidence * 100.0
    );
    if let Some(runner_up) = evaluation.options.get(1) {
        let _ = writeln!(
            out,
            "Runner-up: {} ({}), {:.3}\n",
            runner_up.name,
            runner_up.language,
            total(runner_up)
        );
    }
    match &evaluation.sensitivity {
        Some(sensitivity) => {
            let verdict = match sensitivity.stability {
                tradeoff_core::evaluation::Stability::Robust => {
                    "robust: no single weight change below 0.15 flips the winner"
                }
                tradeoff_core::evaluation::Stability::Moderate => {
                    "moderate: a weight change between 0.05 and 0.15 flips the winner"
                }
                tradeoff_core::evaluation::Stability::Fragile => "fragile: a weight change under 0.05 flips the winner",
            };
            let _ = writeln!(out, "Robustness: {verdict}.");
            if let Some(critical) = &sensitivity.most_critical {
                if let Some(flip) = critical.flip_at {
                    let _ = writeln!(
                        out,
                        "\nMost critical: `{}` at weight {:.3}; at {flip:.3} the winner changes.",
                        critical.criterion, critical.current_weight
                    );
                }
            }
        }
        None => out.push_str("Robustness: not computed (fewer than two options, or nothing weighted).\n"),
    }
    let _ = write!(
        out,
        "\n{} option(s) survive the constraints, {} eliminated.",
        evaluation.options.len(),
        evaluation.eliminated.len()
    );
    out
}

fn criterion_hover(analysis: &Analysis, criterion: Criterion) -> String {
    let mut out = format!("**{criterion}**: {}", criterion_summary(criterion));
    if let Some((_, evaluation)) = &analysis.outcome {
        match evaluation.weights.values.get(&criterion) {
            Some(weight) => {
                let _ = write!(
                    out,
                    "\n\nWeight in this spec: **{weight:.3}** ({}).",
                    evaluation.weights.source
                );
            }
            None => out.push_str("\n\nNot weighted in this spec."),
        }
    }
    out
}

/// A Markdown table cell: pipes and line breaks would end it.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The name (letters, digits, `-`, `_`) around byte `offset`.
fn word_at(text: &str, offset: usize) -> Option<Range<usize>> {
    let is_name = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_name(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries() {
        assert_eq!(word_at("a learning-curve b", 5), Some(2..16));
        assert_eq!(word_at("a  b", 2), None);
        assert_eq!(word_at("é", 1), Some(0..2));
    }
}
