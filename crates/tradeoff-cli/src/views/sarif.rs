//! SARIF 2.1.0 view of `tradeoff check` results, for GitHub code scanning and other SARIF
//! consumers. One run; one rule per diagnostic code (the driver's one list); one result per
//! finding, at its region in the spec (or in the catalog file it is in), or on line 1 when it
//! is about the whole file (a stale record is a property of the file, not of one statement).

use serde_json::{json, Value};
use tradeoff_driver::diagnostics::{Code, Finding};

use super::check::{message_with_help, CheckReport};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(reports: &[CheckReport]) -> Value {
    let codes: Vec<Code> = Code::all().collect();
    let rules: Vec<Value> = codes.iter().map(|code| rule(*code)).collect();
    let findings: Vec<Value> = reports
        .iter()
        .flat_map(|report| report.problems.iter().map(move |finding| (report, finding)))
        .map(|(report, finding)| {
            let index = codes.iter().position(|c| *c == finding.code).unwrap_or(0);
            result(&report.spec, index, finding)
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "tradeoff",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": findings,
        }]
    })
}

fn rule(code: Code) -> Value {
    json!({
        "id": code.name(),
        "name": camel_case(code.name()),
        "shortDescription": { "text": code.description() },
        "fullDescription": { "text": code.description() },
        "help": { "text": code.remedy() },
        "defaultConfiguration": { "level": "error" },
    })
}

/// `stale-record` → `StaleRecord`: SARIF rule names are identifiers.
fn camel_case(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn result(spec: &str, rule_index: usize, finding: &Finding) -> Value {
    let region = match finding.region {
        Some(r) => json!({
            "startLine": r.start_line,
            "startColumn": r.start_column,
            "endLine": r.end_line,
            "endColumn": r.end_column,
        }),
        None => json!({ "startLine": 1 }),
    };
    json!({
        "ruleId": finding.code.name(),
        "ruleIndex": rule_index,
        "level": "error",
        "message": { "text": message_with_help(finding) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri_of(finding.file.as_deref().unwrap_or(spec)) },
                "region": region,
            }
        }],
    })
}

/// A relative URI reference for a spec path: characters outside the unreserved and path sets
/// are percent-encoded so a space or `#` in a file name cannot change the URI's meaning.
fn uri_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::check::CheckStatus;
    use super::*;

    #[test]
    fn uris_escape_what_would_change_their_meaning() {
        assert_eq!(uri_of("specs/a b#c.tradeoff"), "specs/a%20b%23c.tradeoff");
        assert_eq!(uri_of("specs/é.tradeoff"), "specs/%C3%A9.tradeoff");
    }

    #[test]
    fn current_specs_produce_no_results_and_each_finding_one() {
        let stale = |message: &str| Finding {
            code: Code::StaleRecord,
            file: None,
            message: message.into(),
            region: None,
            label: None,
            help: None,
            replacement: None,
            bytes: None,
        };
        let reports = [
            CheckReport {
                spec: "specs/a.tradeoff".into(),
                status: CheckStatus::Current,
                problems: Vec::new(),
            },
            CheckReport {
                spec: "specs/b.tradeoff".into(),
                status: CheckStatus::Stale,
                problems: vec![stale("one"), stale("two")],
            },
        ];
        let log = render(&reports);
        let found = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[1]["ruleId"], "stale-record");
        assert_eq!(found[1]["message"]["text"], "two");
        assert_eq!(
            found[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "specs/b.tradeoff"
        );
    }

    #[test]
    fn rule_names_are_identifiers() {
        assert_eq!(camel_case("stale-record"), "StaleRecord");
        assert_eq!(camel_case("not-a-block"), "NotABlock");
    }
}
