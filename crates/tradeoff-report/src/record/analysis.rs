//! The numbers half of a record: score tables per method, weights, AHP consistency,
//! sensitivity sentences and the chart data.

use serde::Serialize;
use tradeoff_core::evaluation::{Aggregation, Evaluation, ScoredOption, Sensitivity, Stability, WeightThreshold};

use crate::format::{self, UNKNOWN};

/// More bars than this make the chart unreadable on a phone; the table still lists everyone.
pub const CHART_LIMIT: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreColumn {
    pub criterion: String,
    pub weight_percent: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreRow {
    /// "1", or "unknown" when the method did not rank this option.
    pub rank: String,
    pub name: String,
    pub language: String,
    pub total: String,
    pub confidence: String,
    /// The totals of the other methods, "0.804 (#1)", in [`ScoreTable::other_methods`] order.
    pub others: Vec<String>,
    /// One score per column, "0.910", "0.500*" when it rests on an unknown fact, or "unknown".
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreTable {
    /// "weighted-sum"
    pub method: String,
    /// "weighted sum"
    pub label: String,
    pub primary: bool,
    /// Labels of the methods after the primary one, each a column of totals.
    pub other_methods: Vec<String>,
    pub columns: Vec<ScoreColumn>,
    /// Every survivor, in primary rank order.
    pub rows: Vec<ScoreRow>,
    /// The same rows by option name: the per-criterion scores do not depend on the weights, so
    /// listed this way they stay put when a weight changes.
    pub by_name: Vec<ScoreRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensitivityModel {
    /// "robust", "moderately stable" or "fragile".
    pub stability: String,
    /// "weighted sum"
    pub method: String,
    /// The smallest change that flips the winner, as a sentence.
    pub headline: String,
    /// One sentence per considered runner-up.
    pub matchups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartBar {
    pub label: String,
    pub value: f64,
    /// "0.742"
    pub value_text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartModel {
    pub title: String,
    pub bars: Vec<ChartBar>,
    /// Survivors left off the chart (beyond the limit, or without a total).
    pub omitted: Vec<String>,
    /// The Mermaid `xychart-beta` definition, without the code fence.
    pub mermaid: String,
}

fn primary(evaluation: &Evaluation) -> Option<Aggregation> {
    evaluation.methods.first().copied()
}

fn method_name(method: Aggregation) -> &'static str {
    match method {
        Aggregation::WeightedSum => "weighted-sum",
        Aggregation::Topsis => "topsis",
    }
}

/// Options in the order a method ranks them; options the ranking omits follow in primary order.
fn ranked(evaluation: &Evaluation, method: Aggregation) -> Vec<&ScoredOption> {
    let mut out: Vec<&ScoredOption> = Vec::with_capacity(evaluation.options.len());
    if let Some(ids) = evaluation.rankings.get(&method) {
        for id in ids {
            if let Some(option) = evaluation.options.iter().find(|o| &o.framework == id) {
                out.push(option);
            }
        }
    }
    for option in &evaluation.options {
        if !out.iter().any(|o| o.framework == option.framework) {
            out.push(option);
        }
    }
    out
}

pub fn score_tables(evaluation: &Evaluation) -> Vec<ScoreTable> {
    let columns: Vec<ScoreColumn> = evaluation
        .criteria
        .iter()
        .map(|c| ScoreColumn {
            criterion: c.name().to_owned(),
            weight_percent: evaluation
                .weights
                .values
                .get(c)
                .map_or_else(|| UNKNOWN.to_owned(), |w| format::percent(*w)),
        })
        .collect();
    // One table in primary order, with the other methods' totals as columns: a weight change
    // then rewrites each row once, not once per method.
    let Some(method) = primary(evaluation) else {
        return Vec::new();
    };
    let others: Vec<Aggregation> = evaluation.methods.iter().skip(1).copied().collect();
    let rows: Vec<ScoreRow> = ranked(evaluation, method)
        .into_iter()
        .map(|option| ScoreRow {
            rank: option
                .ranks
                .get(&method)
                .map_or_else(|| UNKNOWN.to_owned(), |r| r.to_string()),
            name: option.name.clone(),
            language: option.language.clone(),
            total: format::score(option.totals.get(&method).copied()),
            confidence: format::percent(option.confidence),
            others: others
                .iter()
                .map(|m| {
                    let total = format::score(option.totals.get(m).copied());
                    match option.ranks.get(m) {
                        Some(rank) => format!("{total} (#{rank})"),
                        None => total,
                    }
                })
                .collect(),
            cells: evaluation
                .criteria
                .iter()
                .map(|c| match option.cells.get(c) {
                    // The asterisk marks a point score that rests on an unknown fact.
                    Some(cell) if cell.interval.is_uncertain() => format!("{}*", format::score(Some(cell.score))),
                    cell => format::score(cell.map(|cell| cell.score)),
                })
                .collect(),
        })
        .collect();
    let mut by_name = rows.clone();
    by_name.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.name.cmp(&b.name))
    });
    vec![ScoreTable {
        method: method_name(method).to_owned(),
        label: method.label().to_owned(),
        primary: true,
        other_methods: others.iter().map(|m| m.label().to_owned()).collect(),
        columns,
        rows,
        by_name,
    }]
}

pub fn weights_line(evaluation: &Evaluation) -> String {
    let parts: Vec<String> = evaluation
        .criteria
        .iter()
        .map(|c| {
            let w = evaluation
                .weights
                .values
                .get(c)
                .map_or_else(|| UNKNOWN.to_owned(), |w| format::weight(*w));
            format!("{c} {w}")
        })
        .collect();
    let source = match evaluation.weights.source.as_str() {
        "pairwise" => "Weights derived from pairwise judgments (AHP principal eigenvector)",
        "direct" => "Weights as given in the spec, normalised to sum to 1",
        _ => "Weights",
    };
    format!("{source}: {}.", parts.join(", "))
}

pub fn consistency(evaluation: &Evaluation) -> Option<String> {
    let c = evaluation.weights.consistency.as_ref()?;
    let verdict = if c.ratio > 0.1 {
        "above 0.1: the judgments are inconsistent"
    } else {
        "at most 0.1: acceptable"
    };
    Some(format!(
        "AHP consistency ratio {} ({verdict}; λmax {}, CI {}, RI {}).",
        format::score(Some(c.ratio)),
        format::score(Some(c.lambda_max)),
        format::score(Some(c.consistency_index)),
        format::score(Some(c.random_index)),
    ))
}

/// "the choice holds unless the performance weight falls below 0.18".
pub fn holds_unless(threshold: &WeightThreshold) -> Option<String> {
    let flip = threshold.flip_at?;
    let direction = if flip < threshold.current_weight {
        "falls below"
    } else if flip > threshold.current_weight {
        "rises above"
    } else {
        "moves at all from"
    };
    Some(format!(
        "the {} weight {direction} {}",
        threshold.criterion,
        format::weight(flip)
    ))
}

fn name_of(evaluation: &Evaluation, framework: &str) -> String {
    evaluation
        .options
        .iter()
        .find(|o| o.framework == framework)
        .map_or_else(|| framework.to_owned(), |o| o.name.clone())
}

fn headline(evaluation: &Evaluation, sensitivity: &Sensitivity) -> String {
    let winner = name_of(evaluation, &sensitivity.winner);
    let Some(critical) = &sensitivity.most_critical else {
        return format!(
            "No change of a single criterion's weight within [0, 1] makes another option overtake {winner}."
        );
    };
    let Some(condition) = holds_unless(critical) else {
        return format!(
            "No change of a single criterion's weight within [0, 1] makes another option overtake {winner}."
        );
    };
    let runner_up = sensitivity
        .matchups
        .iter()
        .find(|m| m.thresholds.iter().any(|t| t == critical))
        .map(|m| name_of(evaluation, &m.runner_up));
    let change = critical.change.map_or_else(|| UNKNOWN.to_owned(), format::weight);
    let mut text = format!(
        "The choice holds unless {condition} (it is {} now, a change of {change})",
        format::weight(critical.current_weight)
    );
    if let Some(runner_up) = runner_up {
        text.push_str(&format!(", when {runner_up} would overtake {winner}"));
    }
    text.push('.');
    text
}

fn matchup_sentence(evaluation: &Evaluation, matchup: &tradeoff_core::evaluation::Matchup) -> String {
    let mut flips: Vec<&WeightThreshold> = matchup.thresholds.iter().filter(|t| t.flip_at.is_some()).collect();
    flips.sort_by(|a, b| {
        let key = |t: &WeightThreshold| t.change.unwrap_or(f64::INFINITY);
        key(a).total_cmp(&key(b)).then(a.criterion.cmp(&b.criterion))
    });
    let conditions: Vec<String> = flips.iter().filter_map(|t| holds_unless(t)).collect();
    let steady: Vec<String> = matchup
        .thresholds
        .iter()
        .filter(|t| t.flip_at.is_none())
        .map(|t| t.criterion.name().to_owned())
        .collect();
    let mut text = format!(
        "Against {} (margin {}): ",
        name_of(evaluation, &matchup.runner_up),
        format::score(Some(matchup.margin))
    );
    if conditions.is_empty() {
        text.push_str("no single weight change flips the order");
    } else {
        text.push_str(&format!("holds unless {}", format::or_list(&conditions)));
        if !steady.is_empty() {
            text.push_str(&format!("; no change of {} alone flips it", format::or_list(&steady)));
        }
    }
    text.push('.');
    text
}

/// The sensitivity sentences; matchups only against the `considered` options (the others'
/// thresholds are far off, and listing them would rewrite a line each per weight change).
pub fn sensitivity(evaluation: &Evaluation, considered: &[String]) -> Option<SensitivityModel> {
    let sensitivity = evaluation.sensitivity.as_ref()?;
    let stability = match sensitivity.stability {
        Stability::Robust => "robust",
        Stability::Moderate => "moderately stable",
        Stability::Fragile => "fragile",
    };
    Some(SensitivityModel {
        stability: stability.to_owned(),
        method: sensitivity.method.label().to_owned(),
        headline: headline(evaluation, sensitivity),
        matchups: sensitivity
            .matchups
            .iter()
            .filter(|m| considered.contains(&m.runner_up))
            .map(|m| matchup_sentence(evaluation, m))
            .collect(),
    })
}

/// Mermaid labels are double-quoted strings inside a code fence: quotes, backticks and line
/// breaks would end them, and angle brackets could reach Mermaid's HTML labels, so all are
/// replaced by look-alikes.
pub(super) fn mermaid_label(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '"' | '`' => '\'',
            '<' => '‹',
            '>' => '›',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    format!("\"{cleaned}\"")
}

pub fn chart(evaluation: &Evaluation) -> ChartModel {
    let method = primary(evaluation);
    let label = method.map_or("score", Aggregation::label);
    let mut bars = Vec::new();
    let mut omitted = Vec::new();
    for option in &evaluation.options {
        match method
            .and_then(|m| option.totals.get(&m))
            .copied()
            .filter(|v| v.is_finite())
        {
            Some(value) if bars.len() < CHART_LIMIT => bars.push(ChartBar {
                label: option.name.clone(),
                value,
                value_text: format::score(Some(value)),
            }),
            _ => omitted.push(option.name.clone()),
        }
    }
    let title = format!("{} totals (higher is better)", capitalize(label));
    let values: Vec<String> = bars.iter().map(|b| b.value_text.clone()).collect();
    bar_chart(title, label, bars, values, omitted)
}

/// A bar chart on a 0–1 axis: its Mermaid definition (what the Markdown record shows) and the bars
/// the HTML page draws as SVG. `values` are the bar heights as Mermaid reads them.
pub fn bar_chart(
    title: String,
    axis: &str,
    bars: Vec<ChartBar>,
    values: Vec<String>,
    omitted: Vec<String>,
) -> ChartModel {
    let labels: Vec<String> = bars.iter().map(|b| mermaid_label(&b.label)).collect();
    let mermaid = format!(
        "xychart-beta\n    title {}\n    x-axis [{}]\n    y-axis \"{}\" 0 --> 1\n    bar [{}]",
        mermaid_label(&title),
        labels.join(", "),
        axis,
        values.join(", ")
    );
    ChartModel {
        title,
        bars,
        omitted,
        mermaid,
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
