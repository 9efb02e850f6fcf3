//! Views of `tradeoff check` results: terminal text and GitHub Actions workflow commands.
//! SARIF lives in `views::sarif`.

use std::fmt::Write;

use serde::Serialize;

/// The verdict on one spec.
#[derive(Debug, Serialize)]
pub struct SpecCheck {
    pub spec: String,
    pub status: CheckStatus,
    pub problems: Vec<String>,
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
    pub fn label(self) -> &'static str {
        match self {
            CheckStatus::Current => "ok",
            CheckStatus::Stale => "stale",
            CheckStatus::Error => "error",
        }
    }
}

pub fn render_text(results: &[SpecCheck]) -> String {
    let mut out = String::new();
    for result in results {
        let _ = writeln!(out, "{:<6} {}", result.status.label(), result.spec);
        for problem in &result.problems {
            for line in problem.lines() {
                let _ = writeln!(out, "         {line}");
            }
        }
    }
    let attention = results.iter().filter(|r| r.status != CheckStatus::Current).count();
    if attention > 0 {
        let _ = writeln!(
            out,
            "\n{attention} of {} records need attention: run `tradeoff decide` and commit reports/",
            results.len()
        );
    }
    out
}

/// GitHub Actions workflow commands: each problem becomes an annotation on the spec file.
pub fn render_github(results: &[SpecCheck]) -> String {
    let mut out = String::new();
    for result in results.iter().filter(|r| r.status != CheckStatus::Current) {
        let title = if result.status == CheckStatus::Stale {
            "decision record is stale"
        } else {
            "spec has errors"
        };
        for problem in &result.problems {
            let _ = writeln!(
                out,
                "::error file={},line=1,title={title}::{}",
                escape_property(&result.spec),
                escape_data(problem)
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
    use super::*;

    #[test]
    fn github_annotations_encode_newlines_and_separators() {
        let results = [SpecCheck {
            spec: "specs/a,b:c.tradeoff".into(),
            status: CheckStatus::Error,
            problems: vec!["line one\nline two 100%".into()],
        }];
        assert_eq!(
            render_github(&results),
            "::error file=specs/a%2Cb%3Ac.tradeoff,line=1,title=spec has errors::line one%0Aline two 100%25\n"
        );
    }
}
