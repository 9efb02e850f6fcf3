//! Views of `tradeoff check` results: terminal text, JSON and GitHub Actions workflow commands.
//! SARIF lives in `views::sarif`.

use std::fmt::Write;

use serde::Serialize;
use tradeoff_driver::check::{SpecCheck, Verdict};
use tradeoff_driver::diagnostics::{findings, Finding};

use crate::exit;

/// The verdict on one spec, with its findings as data: what `--format json` prints, and what
/// the GitHub and SARIF views read.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub spec: String,
    pub status: CheckStatus,
    pub problems: Vec<Finding>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    Current,
    /// The record is missing or differs from what the spec now produces.
    Stale,
    /// The spec or its record could not be read or compiled.
    Error,
}

impl CheckStatus {
    pub fn of(verdict: &Verdict) -> CheckStatus {
        match verdict {
            Verdict::Current => CheckStatus::Current,
            Verdict::Stale(_) => CheckStatus::Stale,
            Verdict::Failed(_) => CheckStatus::Error,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CheckStatus::Current => "ok",
            CheckStatus::Stale => "stale",
            CheckStatus::Error => "error",
        }
    }
}

pub fn reports(results: &[SpecCheck]) -> Vec<CheckReport> {
    results
        .iter()
        .map(|result| CheckReport {
            spec: result.spec.clone(),
            status: CheckStatus::of(&result.verdict),
            problems: findings(&result.verdict),
        })
        .collect()
}

/// Terminal text: one line per spec, with each problem below it (a spec's errors drawn with
/// their source lines, as `plan` shows them).
pub fn render_text(results: &[SpecCheck]) -> String {
    let mut out = String::new();
    for result in results {
        let _ = writeln!(out, "{:<6} {}", CheckStatus::of(&result.verdict).label(), result.spec);
        let problems: Vec<String> = match &result.verdict {
            Verdict::Current => Vec::new(),
            Verdict::Stale(stale) => stale.iter().map(ToString::to_string).collect(),
            Verdict::Failed(failure) => vec![exit::render(failure.diagnostic(), false)],
        };
        for line in problems.iter().flat_map(|p| p.lines()) {
            let _ = writeln!(out, "         {line}");
        }
    }
    let attention = results
        .iter()
        .filter(|r| !matches!(r.verdict, Verdict::Current))
        .count();
    if attention > 0 {
        let _ = writeln!(
            out,
            "\n{attention} of {} records need attention: run `tradeoff decide` and commit reports/",
            results.len()
        );
    }
    out
}

/// A finding's message with its help, for outputs that carry one text per finding.
pub fn message_with_help(finding: &Finding) -> String {
    match &finding.help {
        Some(help) => format!("{}\nhelp: {help}", finding.message),
        None => finding.message.clone(),
    }
}

/// GitHub Actions workflow commands: each finding becomes an annotation on the spec file (or the
/// catalog file it is in), at its region when it has one (else on line 1: a stale record is
/// about the whole file).
pub fn render_github(reports: &[CheckReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let title = match report.status {
            CheckStatus::Current => continue,
            CheckStatus::Stale => "decision record is stale",
            CheckStatus::Error => "spec has errors",
        };
        for finding in &report.problems {
            let place = match finding.region {
                Some(r) => format!(
                    "line={},col={},endLine={},endColumn={}",
                    r.start_line, r.start_column, r.end_line, r.end_column
                ),
                None => "line=1".to_owned(),
            };
            let _ = writeln!(
                out,
                "::error file={},{place},title={title}::{}",
                escape_property(finding.file.as_deref().unwrap_or(&report.spec)),
                escape_data(&message_with_help(finding))
            );
        }
    }
    out
}

/// Workflow command data: `%`, CR and LF must be percent-encoded.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Workflow command properties additionally encode `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use tradeoff_driver::diagnostics::{Code, Region};

    use super::*;

    #[test]
    fn github_annotations_encode_newlines_and_separators_and_carry_the_region() {
        let results = [CheckReport {
            spec: "specs/a,b:c.tradeoff".into(),
            status: CheckStatus::Error,
            problems: vec![Finding {
                code: Code::Spec(tradeoff_lang::Code::Duplicate),
                file: None,
                message: "line one\nline two 100%".into(),
                region: Some(Region {
                    start_line: 38,
                    start_column: 5,
                    end_line: 38,
                    end_column: 9,
                }),
                label: None,
                help: None,
                replacement: None,
                bytes: None,
            }],
        }];
        assert_eq!(
            render_github(&results),
            "::error file=specs/a%2Cb%3Ac.tradeoff,line=38,col=5,endLine=38,endColumn=9,title=spec has errors::line one%0Aline two 100%25\n"
        );
    }
}
