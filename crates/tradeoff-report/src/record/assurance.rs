//! The "How sure is this?" section: the verdict, the acceptability of the leading options (as a
//! table and a chart), and what would overturn the winner, from the evaluation's
//! [`tradeoff_core::assurance::Assurance`].

use serde::Serialize;
use tradeoff_core::assurance::{Assurance, WeightSampling};
use tradeoff_core::Evaluation;

use super::analysis::{bar_chart, ChartBar, ChartModel};

/// Options shown in the acceptability table and chart.
const SHOWN: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssuranceModel {
    /// "robust", "depends on weights", "depends on unknown facts".
    pub verdict: String,
    /// The verdict as one sentence.
    pub summary: String,
    pub rows: Vec<AcceptabilityRow>,
    /// Rank-1 acceptability of the same options, as a bar chart.
    pub chart: ChartModel,
    /// "if FastAPI's performance score were below 0.31, Quarkus would win", smallest change first.
    pub overturns: Vec<String>,
    /// What the intervals say when no single unknown overturns the winner.
    pub unknowns_line: String,
    /// How the draws were made: count, seed, weight sampling, central weights.
    pub method_line: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptabilityRow {
    pub name: String,
    /// "61.2%" per rank 1, 2, 3 ("–" beyond the number of options).
    pub first: String,
    pub second: String,
    pub third: String,
}

/// Whole percents: with 1,000 draws a share is only known to about ±1.5 points, and a finer
/// figure would also rewrite the table on every small weight change.
fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_owned(), |s| format!("{:.0}%", s * 100.0))
}

pub fn build(evaluation: &Evaluation) -> Option<AssuranceModel> {
    let assurance = evaluation.assurance.as_ref()?;
    let shown = &assurance.smaa.acceptability[..assurance.smaa.acceptability.len().min(SHOWN)];
    let rows = shown
        .iter()
        .map(|a| AcceptabilityRow {
            name: a.name.clone(),
            first: percent(a.ranks.first().copied()),
            second: percent(a.ranks.get(1).copied()),
            third: percent(a.ranks.get(2).copied()),
        })
        .collect();
    let bars: Vec<ChartBar> = shown
        .iter()
        .map(|a| ChartBar {
            label: a.name.clone(),
            value: a.first(),
            value_text: percent(Some(a.first())),
        })
        .collect();
    let omitted = assurance.smaa.acceptability[shown.len()..]
        .iter()
        .map(|a| a.name.clone())
        .collect();
    Some(AssuranceModel {
        verdict: assurance.verdict.label().to_owned(),
        summary: assurance.summary.clone(),
        rows,
        chart: chart(bars, omitted),
        overturns: assurance.overturns.iter().map(|o| o.statement.clone()).collect(),
        unknowns_line: unknowns_line(evaluation, assurance),
        method_line: method_line(assurance),
    })
}

fn chart(bars: Vec<ChartBar>, omitted: Vec<String>) -> ChartModel {
    let values: Vec<String> = bars.iter().map(|b| format!("{:.2}", b.value)).collect();
    bar_chart(
        "Share of draws each option wins".to_owned(),
        "rank-1 acceptability",
        bars,
        values,
        omitted,
    )
}

/// The winner's worst case against the strongest rival's best case, in words.
fn unknowns_line(evaluation: &Evaluation, assurance: &Assurance) -> String {
    let winner = evaluation.options.iter().find(|o| o.framework == assurance.winner);
    let rival = evaluation
        .options
        .iter()
        .filter(|o| o.framework != assurance.winner)
        .max_by(|a, b| a.total_interval.high.total_cmp(&b.total_interval.high));
    let (Some(winner), Some(rival)) = (winner, rival) else {
        return String::new();
    };
    let worst = winner.total_interval.low;
    let best = rival.total_interval.high;
    if assurance.holds_whatever_unknowns {
        format!(
            "The winner holds whatever the unknown facts are: at the stated weights {}'s worst case ({worst:.3}) \
             beats every rival's best case (at most {best:.3}, {}).",
            winner.name, rival.name
        )
    } else {
        format!(
            "No single unknown fact changes the winner at the stated weights; only several turning out \
             unfavourably together could ({}'s worst case {worst:.3} against {}'s best case {best:.3}).",
            winner.name, rival.name
        )
    }
}

fn method_line(assurance: &Assurance) -> String {
    let smaa = &assurance.smaa;
    let weights = match smaa.weight_sampling {
        WeightSampling::Ordinal => "weights drawn uniformly among all that keep the order of the stated priorities",
        WeightSampling::PairwisePerturbed => {
            "weights recomputed (AHP) with every pairwise judgment moved by up to one step of Saaty's scale"
        }
    };
    let central: Vec<String> = smaa
        .central_weights
        .iter()
        .map(|(c, w)| format!("{c} {w:.2}"))
        .collect();
    let central = if central.is_empty() {
        String::new()
    } else {
        format!(
            " The weights under which the winner wins average {}.",
            central.join(", ")
        )
    };
    format!(
        "Acceptability (SMAA-2): the share of {} seeded draws (seed {}) in which each option ranks first, second or \
         third by weighted sum; {weights}, and each unknown score drawn uniformly within its range.{central}",
        tradeoff_core::numbers::thousands(smaa.samples as u64),
        smaa.seed
    )
}
