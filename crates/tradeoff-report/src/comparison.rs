//! The pull-request comment of `tradeoff diff`: a [`Comparison`] as display values for the
//! `comparison.md.j2` template, which escapes every text that comes from specs or catalogs.

use serde::Serialize;
use tradeoff_core::compare::{Comparison, RankChange};
use tradeoff_core::evaluation::{Aggregation, Warning};

/// What the template shows; numbers are already formatted, text is still raw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonModel {
    pub old: String,
    pub new: String,
    pub winner_changed: bool,
    pub old_winner: String,
    pub new_winner: String,
    /// The primary method's labels, when it changed.
    pub method_change: Option<Labels>,
    /// Nothing but possibly the winner line differs.
    pub unchanged: bool,
    /// The label of the method the ranking totals are from.
    pub rank_method: String,
    pub ranks: Vec<RankRow>,
    pub weight_source: Option<Labels>,
    pub weights: Vec<WeightRow>,
    pub catalog: Option<Labels>,
    pub facts: Vec<FactRow>,
    pub new_warnings: Vec<WarningRow>,
    pub resolved_warnings: Vec<WarningRow>,
    pub changed_warnings: Vec<WarningRow>,
    /// The "how sure" verdict's labels, when it changed.
    pub verdict: Option<Labels>,
    pub acceptability: Vec<AcceptabilityRow>,
}

/// A framework's rank-1 acceptability before and after, formatted ("61.2%", "–" when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptabilityRow {
    pub name: String,
    pub old: String,
    pub new: String,
    pub delta: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RankRow {
    pub name: String,
    pub old_rank: String,
    pub new_rank: String,
    pub movement: String,
    pub old_total: String,
    pub new_total: String,
    pub delta: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeightRow {
    pub criterion: String,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactRow {
    pub framework: String,
    pub key: String,
    pub old_value: String,
    pub old_as_of: String,
    pub new_value: String,
    pub new_as_of: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WarningRow {
    pub code: String,
    pub message: String,
}

const NO_WINNER: &str = "nothing (no framework survives the constraints)";

impl ComparisonModel {
    /// `old` and `new` name the two versions compared (paths, or `REV:path`).
    pub fn build(old: &str, new: &str, diff: &Comparison) -> ComparisonModel {
        let label = |m: Option<Aggregation>| m.map_or("none", Aggregation::label).to_owned();
        let changed = |old: &str, new: &str, changed: bool| {
            changed.then(|| Labels {
                old: old.to_owned(),
                new: new.to_owned(),
            })
        };
        ComparisonModel {
            old: old.to_owned(),
            new: new.to_owned(),
            winner_changed: diff.winner_changed,
            old_winner: winner_name(diff, diff.old_winner.as_deref()),
            new_winner: winner_name(diff, diff.new_winner.as_deref()),
            method_change: (diff.old_method != diff.new_method).then(|| Labels {
                old: label(diff.old_method),
                new: label(diff.new_method),
            }),
            unchanged: diff.is_unchanged(),
            rank_method: diff
                .new_method
                .or(diff.old_method)
                .map_or("total", Aggregation::label)
                .to_owned(),
            ranks: diff.ranks.iter().map(rank_row).collect(),
            weight_source: changed(
                &diff.weight_source.old,
                &diff.weight_source.new,
                diff.weight_source.changed,
            ),
            weights: diff
                .weights
                .iter()
                .map(|w| WeightRow {
                    criterion: w.criterion.to_string(),
                    old: format!("{:.3}", w.old),
                    new: format!("{:.3}", w.new),
                })
                .collect(),
            catalog: changed(
                &diff.catalog_version.old,
                &diff.catalog_version.new,
                diff.catalog_version.changed,
            ),
            facts: diff
                .facts
                .iter()
                .map(|f| FactRow {
                    framework: f.framework.clone(),
                    key: f.key.clone(),
                    old_value: f.old.value.clone(),
                    old_as_of: f.old.as_of.clone(),
                    new_value: f.new.value.clone(),
                    new_as_of: f.new.as_of.clone(),
                })
                .collect(),
            new_warnings: warning_rows(&diff.new_warnings),
            resolved_warnings: warning_rows(&diff.resolved_warnings),
            changed_warnings: warning_rows(&diff.changed_warnings),
            verdict: diff.verdict.changed.then(|| Labels {
                old: verdict_label(diff.verdict.old),
                new: verdict_label(diff.verdict.new),
            }),
            acceptability: diff
                .acceptability
                .iter()
                .map(|a| {
                    let share = |s: Option<f64>| s.map_or_else(|| "–".to_owned(), |s| format!("{:.1}%", s * 100.0));
                    AcceptabilityRow {
                        name: a.name.clone(),
                        old: share(a.old),
                        new: share(a.new),
                        delta: format!("{:+.1} pp", (a.new.unwrap_or(0.0) - a.old.unwrap_or(0.0)) * 100.0),
                    }
                })
                .collect(),
        }
    }
}

fn verdict_label(verdict: Option<tradeoff_core::assurance::Verdict>) -> String {
    verdict
        .map_or("none (fewer than two options)", |v| v.label())
        .to_owned()
}

/// A winner's display name (its id if it is not ranked on either side).
fn winner_name(diff: &Comparison, id: Option<&str>) -> String {
    let Some(id) = id else {
        return NO_WINNER.to_owned();
    };
    diff.ranks
        .iter()
        .find(|r| r.framework == id)
        .map_or_else(|| id.to_owned(), |r| r.name.clone())
}

fn rank_row(change: &RankChange) -> RankRow {
    let rank = |rank: Option<usize>| rank.map_or("—".to_owned(), |r| format!("#{r}"));
    let total = |total: Option<f64>| total.map_or("—".to_owned(), |t| format!("{t:.3}"));
    RankRow {
        name: change.name.clone(),
        old_rank: rank(change.old_rank),
        new_rank: rank(change.new_rank),
        movement: movement(change),
        old_total: total(change.old_total),
        new_total: total(change.new_total),
        delta: change.delta.map_or(String::new(), signed),
    }
}

/// A change with its sign, to three places; a change that rounds to zero is `0.000`, never
/// `-0.000` or `+0.000`.
fn signed(delta: f64) -> String {
    let shown = format!("{delta:+.3}");
    if shown == "-0.000" || shown == "+0.000" {
        "0.000".to_owned()
    } else {
        shown
    }
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

fn warning_rows(warnings: &[Warning]) -> Vec<WarningRow> {
    warnings
        .iter()
        .map(|w| WarningRow {
            code: w.code.clone(),
            message: w.message.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_that_round_to_zero_have_no_sign() {
        assert_eq!(signed(-0.0001), "0.000");
        assert_eq!(signed(0.0004), "0.000");
        assert_eq!(signed(-0.0), "0.000");
        assert_eq!(signed(0.0123), "+0.012");
        assert_eq!(signed(-0.5), "-0.500");
    }
    use crate::Templates;

    #[test]
    fn text_from_specs_and_catalogs_cannot_break_the_comment() {
        let model = ComparisonModel {
            old: "specs/a`b.tradeoff".into(),
            new: "specs/new.tradeoff".into(),
            winner_changed: true,
            old_winner: "Evil | <script>".into(),
            new_winner: "Axum".into(),
            method_change: None,
            unchanged: false,
            rank_method: "weighted sum".into(),
            ranks: vec![RankRow {
                name: "Evil | <script>".into(),
                old_rank: "#1".into(),
                new_rank: "#2".into(),
                movement: "▼ 1".into(),
                old_total: "0.900".into(),
                new_total: "0.800".into(),
                delta: "-0.100".into(),
            }],
            weight_source: None,
            weights: Vec::new(),
            catalog: None,
            facts: Vec::new(),
            new_warnings: vec![WarningRow {
                code: "x`y".into(),
                message: "line\nbreak".into(),
            }],
            resolved_warnings: Vec::new(),
            changed_warnings: Vec::new(),
            verdict: Some(Labels {
                old: "robust".into(),
                new: "depends on weights".into(),
            }),
            acceptability: vec![AcceptabilityRow {
                name: "Evil | <script>".into(),
                old: "90.0%".into(),
                new: "40.0%".into(),
                delta: "-50.0 pp".into(),
            }],
        };
        let comment = Templates::builtin().render_comparison(&model).unwrap();
        assert!(
            comment.contains("the verdict changed from *robust* to **depends on weights**"),
            "{comment}"
        );
        assert!(
            comment.contains("| Evil \\| &lt;script&gt; | 90.0% | 40.0% | -50.0 pp |\n"),
            "{comment}"
        );
        assert!(comment.starts_with("### tradeoff: `specs/a'b.tradeoff` → `specs/new.tradeoff`\n\n"));
        assert!(
            comment.contains("| Evil \\| &lt;script&gt; | #1 → #2 | ▼ 1 | 0.900 → 0.800 | -0.100 |\n"),
            "{comment}"
        );
        assert!(
            comment.contains("#### New warnings\n\n- `x'y`: line break\n"),
            "{comment}"
        );
        assert!(!comment.contains("Resolved warnings"), "{comment}");
    }
}
