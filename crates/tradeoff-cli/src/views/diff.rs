//! Markdown summary of a [`Comparison`], written to be pasted (or posted by CI) as a
//! pull-request comment: the verdict first, then only the sections that changed.

use std::fmt::Write;

use tradeoff_core::compare::{Comparison, RankChange};
use tradeoff_core::evaluation::Aggregation;

pub fn render(old: &str, new: &str, diff: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### tradeoff: `{}` → `{}`\n", code(old), code(new));
    let name_of = |id: &Option<String>| {
        id.as_deref()
            .map(|id| {
                diff.ranks
                    .iter()
                    .find(|r| r.framework == id)
                    .map_or(id.to_owned(), |r| cell(&r.name))
            })
            .unwrap_or_else(|| "nothing (no framework survives the constraints)".to_owned())
    };
    if diff.winner_changed {
        let _ = writeln!(
            out,
            "**The winner changed:** {} → **{}**.",
            name_of(&diff.old_winner),
            name_of(&diff.new_winner)
        );
    } else {
        let _ = writeln!(out, "**The winner is unchanged:** {}.", name_of(&diff.new_winner));
    }
    if diff.old_method != diff.new_method {
        let label = |m: Option<Aggregation>| m.map_or("none", Aggregation::label);
        let _ = writeln!(
            out,
            "\nThe primary method changed from {} to {}; totals below are each side's own.",
            label(diff.old_method),
            label(diff.new_method)
        );
    }
    if diff.is_unchanged() {
        let _ = writeln!(
            out,
            "\nNothing else changed either: ranks, totals, weights, catalog, facts and warnings are the same."
        );
        return out;
    }
    render_ranks(&mut out, diff);
    render_weights(&mut out, diff);
    render_facts(&mut out, diff);
    render_warnings(&mut out, "New warnings", &diff.new_warnings);
    render_warnings(&mut out, "Resolved warnings", &diff.resolved_warnings);
    out
}

fn render_ranks(out: &mut String, diff: &Comparison) {
    if diff.ranks.is_empty() {
        return;
    }
    let method = diff.new_method.or(diff.old_method).map_or("total", Aggregation::label);
    let _ = writeln!(out, "\n#### Ranking\n");
    let _ = writeln!(out, "| framework | rank | move | {method} | Δ |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for change in &diff.ranks {
        let _ = writeln!(
            out,
            "| {} | {} → {} | {} | {} → {} | {} |",
            cell(&change.name),
            rank(change.old_rank),
            rank(change.new_rank),
            movement(change),
            total(change.old_total),
            total(change.new_total),
            change.delta.map_or("".to_owned(), |d| format!("{d:+.3}"))
        );
    }
}

fn rank(rank: Option<usize>) -> String {
    rank.map_or("—".to_owned(), |r| format!("#{r}"))
}

fn total(total: Option<f64>) -> String {
    total.map_or("—".to_owned(), |t| format!("{t:.3}"))
}

fn movement(change: &RankChange) -> String {
    match (change.places_gained(), change.old_rank, change.new_rank) {
        (Some(0), _, _) => "=".to_owned(),
        (Some(up), _, _) if up > 0 => format!("▲ {up}"),
        (Some(down), _, _) => format!("▼ {}", -down),
        (None, None, Some(_)) => "new".to_owned(),
        (None, _, _) => "dropped".to_owned(),
    }
}

fn render_weights(out: &mut String, diff: &Comparison) {
    if diff.weight_source.changed {
        let _ = writeln!(
            out,
            "\nWeights now come from `{}` instead of `{}`.",
            diff.weight_source.new, diff.weight_source.old
        );
    }
    if diff.weights.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n#### Weights changed\n");
    let _ = writeln!(out, "| criterion | old | new |");
    let _ = writeln!(out, "|---|---|---|");
    for change in &diff.weights {
        let _ = writeln!(out, "| {} | {:.3} | {:.3} |", change.criterion, change.old, change.new);
    }
}

fn render_facts(out: &mut String, diff: &Comparison) {
    if diff.catalog_version.changed {
        let _ = writeln!(
            out,
            "\nThe catalog changed: version `{}` → `{}`.",
            code(&diff.catalog_version.old),
            code(&diff.catalog_version.new)
        );
    }
    if diff.facts.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n#### Facts changed\n");
    let _ = writeln!(out, "| framework | fact | old | new |");
    let _ = writeln!(out, "|---|---|---|---|");
    for fact in &diff.facts {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} (as of {}) | {} (as of {}) |",
            cell(&fact.framework),
            code(&fact.key),
            cell(&fact.old.value),
            cell(&fact.old.as_of),
            cell(&fact.new.value),
            cell(&fact.new.as_of)
        );
    }
}

fn render_warnings(out: &mut String, title: &str, warnings: &[tradeoff_core::evaluation::Warning]) {
    if warnings.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n#### {title}\n");
    for warning in warnings {
        let _ = writeln!(out, "- `{}`: {}", code(&warning.code), cell(&warning.message));
    }
}

/// Text from specs and catalog files inside a table cell or list item: a `|` would end the
/// cell, a newline the row, and `<` could open HTML in the rendered comment.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace(['\r', '\n'], " ")
}

/// Text inside a code span: a backtick would close it early.
fn code(text: &str) -> String {
    text.replace('`', "'").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc<script>"), "a\\|b c&lt;script>");
        assert_eq!(code("x`y"), "x'y");
    }
}
