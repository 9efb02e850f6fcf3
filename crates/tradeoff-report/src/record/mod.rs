//! The record model: everything a template shows, computed once from a plan, its evaluation and
//! the record's bookkeeping, as plain strings and numbers.
//!
//! Templates only lay text out and escape it; every judgement (what counts as a pro, how a
//! sensitivity threshold reads, what "unknown" looks like) is made here so that overriding a
//! template cannot change what a record claims.

mod analysis;
mod assurance;
mod drivers;
mod evidence;
mod options;
mod summary;

use serde::{Deserialize, Serialize};
use tradeoff_core::Evaluation;
use tradeoff_lang::Plan;

use crate::format;

pub use analysis::{ChartBar, ChartModel, ScoreColumn, ScoreRow, ScoreTable, SensitivityModel};
pub use assurance::{AcceptabilityRow, AssuranceModel};
pub use drivers::Driver;
pub use evidence::{EvidenceFact, EvidenceGroup};
pub use options::{Argument, Consequence, ConsideredOption, EliminatedOption, Outcome, SourceRef};
pub use summary::Summary;

/// The bookkeeping of one record file that does not come from the plan or the evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    /// The record's number (file `0001-<id>.md` has number 1).
    pub number: u32,
    /// The spec's path as shown to readers (relative, forward slashes).
    pub spec_path: String,
    /// Lower-case hex SHA-256 of the spec's bytes.
    pub spec_sha256: String,
    pub catalog_version: String,
    pub tool_version: String,
    /// 1 for a new record, +1 for each rewrite with the same winner.
    pub revision: u32,
    /// One line per revision, oldest first.
    pub changelog: Vec<String>,
    /// The number of the record this one replaces.
    pub supersedes: Option<u32>,
    /// The number of the record that replaced this one; makes the status "superseded by NNNN".
    pub superseded_by: Option<u32>,
    /// Replaces the status entirely when set (takes precedence over `superseded_by`).
    pub status: Option<String>,
}

/// Bookkeeping as the templates show it (front matter and the "More Information" section).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetaModel {
    pub revision: u32,
    pub spec_path: String,
    pub spec_sha256: String,
    pub catalog_version: String,
    pub tool_version: String,
    /// Winner's framework id, or "none" when nothing survived.
    pub winner: String,
    /// Winner's display name, or "none".
    pub winner_name: String,
    pub supersedes: Option<RecordLink>,
    pub changelog: Vec<String>,
}

/// Another record, by number and file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordLink {
    pub number: u32,
    /// "0003"
    pub label: String,
    /// "0003-sensor-ingest.md"
    pub markdown: String,
    /// "0003-sensor-ingest.html"
    pub html: String,
}

impl RecordLink {
    pub fn new(number: u32, decision: &str) -> RecordLink {
        let stem = file_stem(number, decision);
        RecordLink {
            number,
            label: format::record_number(number),
            markdown: format!("{stem}.md"),
            html: format!("{stem}.html"),
        }
    }
}

/// A warning from the evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarningModel {
    pub code: String,
    pub message: String,
}

/// Everything the record templates render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordModel {
    /// "0001"
    pub number: String,
    pub number_value: u32,
    /// "0001-sensor-ingest"
    pub file_stem: String,
    /// The decision id from the spec.
    pub decision: String,
    pub title: String,
    /// "proposed", "accepted", "superseded by 0004", …
    pub status: String,
    /// The spec's decision date; `None` when the spec gives none (ADR tools read a date or
    /// nothing, never "unknown").
    pub date: Option<String>,
    /// The decision at a glance, shown directly under the title; `None` when nothing survived.
    pub summary: Option<Summary>,
    pub decision_makers: Vec<String>,
    pub consulted: Vec<String>,
    pub informed: Vec<String>,
    /// The spec's context, verbatim.
    pub context: String,
    /// Plain sentences about the application, load and team.
    pub situation: Vec<String>,
    /// Weighted criteria, heaviest first.
    pub drivers: Vec<Driver>,
    /// Hard constraints in plain words.
    pub constraints: Vec<String>,
    /// Soft preferences and how the weights were set.
    pub preferences: Vec<String>,
    /// The top `plan.options` survivors, in primary rank order.
    pub considered: Vec<ConsideredOption>,
    /// Survivors not discussed in detail, as "Name (total)" in rank order.
    pub others: Vec<String>,
    pub eliminated: Vec<EliminatedOption>,
    /// One sentence on what was eliminated and why; `None` when nothing was.
    pub eliminated_summary: Option<String>,
    /// `None` when no option survived.
    pub outcome: Option<Outcome>,
    /// One line per weighted criterion: what choosing the winner means for it.
    pub consequences: Vec<Consequence>,
    pub confirmation: Vec<String>,
    /// One table per method run, primary first.
    pub scores: Vec<ScoreTable>,
    /// "direct weights: …" or "pairwise (AHP) weights: …".
    pub weights_line: String,
    /// AHP consistency sentence, when the weights came from pairwise judgments.
    pub consistency: Option<String>,
    pub sensitivity: Option<SensitivityModel>,
    /// "How sure is this?": verdict, acceptability, overturning conditions.
    pub assurance: Option<AssuranceModel>,
    pub chart: ChartModel,
    pub evidence: Vec<EvidenceGroup>,
    /// [`Self::evidence`] without the considered options, whose facts are listed with them.
    pub evidence_others: Vec<EvidenceGroup>,
    /// "Name: key" for each fact a criterion wanted but the catalog lacks.
    pub missing: Vec<String>,
    pub warnings: Vec<WarningModel>,
    /// "Name: key = value (as of date)" for each stale fact cited.
    pub stale_facts: Vec<String>,
    /// "acme-web: added by catalog/acme.toml" for each framework defined by a project file.
    pub catalog_overrides: Vec<String>,
    /// Stale-after limit sentence, e.g. "Facts older than 18 months before 2026-11-24 are stale."
    pub staleness_rule: String,
    pub benchmark_caveat: String,
    pub meta: MetaModel,
}

/// Why benchmark figures are reported with a caveat: the snapshot is fixed and will not be
/// refreshed, so readers must not mistake it for current measurements.
pub const BENCHMARK_CAVEAT: &str = "Throughput figures are from TechEmpower Framework Benchmarks Round 23, a dated \
snapshot (published 2025-03-17) measured on one hardware setup; the project was archived in March 2026, so \
these figures will not be refreshed. They compare frameworks under synthetic load and are not a prediction \
of this system's throughput.";

/// `0001-sensor-ingest`: the file name of a record without extension.
pub fn file_stem(number: u32, decision: &str) -> String {
    format!("{}-{}", format::record_number(number), safe_file_part(decision))
}

/// Decision ids are validated by the language crate; this keeps file names portable even if a
/// plan is built by other means.
fn safe_file_part(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "decision".to_owned()
    } else {
        cleaned
    }
}

impl RecordModel {
    /// Builds the model. Infallible: every gap in the inputs is rendered as "unknown" or omitted.
    pub fn build(plan: &Plan, evaluation: &Evaluation, meta: &RecordMeta) -> RecordModel {
        let considered = options::considered(plan, evaluation);
        let summary = summary::summary(evaluation, plan.options);
        let because = summary.as_ref().map(|s| s.reason.clone()).unwrap_or_default();
        let shown: Vec<String> = considered.iter().map(|o| o.framework.clone()).collect();
        let winner_id = evaluation
            .winner()
            .map_or_else(|| "none".to_owned(), |w| w.framework.clone());
        let winner_name = evaluation
            .winner()
            .map_or_else(|| "none".to_owned(), |w| w.name.clone());
        let stale_facts = evidence::stale_facts(evaluation);
        let catalog_overrides = evaluation
            .overrides
            .iter()
            .map(|o| match &o.origin {
                tradeoff_core::catalog::Origin::Added { file } => format!("{}: added by {file}", o.framework),
                tradeoff_core::catalog::Origin::Overridden { file } => {
                    format!("{}: built-in definition replaced by {file}", o.framework)
                }
                tradeoff_core::catalog::Origin::Builtin => format!("{}: built in", o.framework),
            })
            .collect();
        RecordModel {
            number: format::record_number(meta.number),
            number_value: meta.number,
            file_stem: file_stem(meta.number, &plan.id),
            decision: plan.id.clone(),
            title: plan.title.clone(),
            status: status_text(plan, meta),
            date: plan.date.clone(),
            summary,
            decision_makers: plan.deciders.clone(),
            consulted: plan.consulted.clone(),
            informed: plan.informed.clone(),
            context: plan.context.clone(),
            situation: drivers::situation(plan),
            drivers: drivers::drivers(evaluation),
            constraints: drivers::constraints(plan),
            preferences: drivers::preferences(plan),
            others: options::others(plan, evaluation),
            eliminated: options::eliminated(evaluation),
            eliminated_summary: options::eliminated_summary(evaluation),
            outcome: options::outcome(evaluation, because),
            considered,
            consequences: options::consequences(evaluation),
            confirmation: confirmation(meta),
            scores: analysis::score_tables(evaluation),
            weights_line: analysis::weights_line(evaluation),
            consistency: analysis::consistency(evaluation),
            sensitivity: analysis::sensitivity(evaluation, &shown),
            assurance: assurance::build(evaluation),
            chart: analysis::chart(evaluation),
            evidence: evidence::groups(evaluation),
            evidence_others: evidence::groups_except(evaluation, &shown),
            missing: evidence::missing(evaluation),
            warnings: evaluation
                .warnings
                .iter()
                .map(|w| WarningModel {
                    code: w.code.clone(),
                    message: w.message.clone(),
                })
                .collect(),
            stale_facts,
            catalog_overrides,
            staleness_rule: staleness_rule(evaluation),
            benchmark_caveat: BENCHMARK_CAVEAT.to_owned(),
            meta: MetaModel {
                revision: meta.revision,
                spec_path: meta.spec_path.clone(),
                spec_sha256: meta.spec_sha256.clone(),
                catalog_version: meta.catalog_version.clone(),
                tool_version: meta.tool_version.clone(),
                winner: winner_id,
                winner_name,
                supersedes: meta.supersedes.map(|n| RecordLink::new(n, &plan.id)),
                changelog: meta.changelog.clone(),
            },
        }
    }
}

/// The status line: an explicit override, else "superseded by NNNN", else the spec's status.
pub fn status_text(plan: &Plan, meta: &RecordMeta) -> String {
    if let Some(status) = &meta.status {
        return status.clone();
    }
    match meta.superseded_by {
        Some(n) => superseded_status(n),
        None => plan.status.name().to_owned(),
    }
}

/// "superseded by 0004", as issue 5 and MADR spell it.
pub fn superseded_status(number: u32) -> String {
    format!("superseded by {}", format::record_number(number))
}

fn confirmation(meta: &RecordMeta) -> Vec<String> {
    vec![
        format!(
            "This record is reproducible: re-running \"tradeoff decide {}\" with the same spec, catalog {} and \
             tradeoff {} leaves it byte-identical, and \"tradeoff check\" reports when any of them changed.",
            meta.spec_path, meta.catalog_version, meta.tool_version
        ),
        "Reviewers confirm the decision by checking the cited facts below against their sources, and by \
         building a first vertical slice with the chosen option before the status becomes accepted."
            .to_owned(),
    ]
}

fn staleness_rule(evaluation: &Evaluation) -> String {
    match &evaluation.stale_reference_date {
        Some(date) => format!(
            "Facts dated more than {} months before {date} are marked stale.",
            evaluation.stale_after_months
        ),
        None => format!(
            "Facts dated more than {} months before the decision date are marked stale; this spec gives no date, \
             so staleness was not assessed.",
            evaluation.stale_after_months
        ),
    }
}
