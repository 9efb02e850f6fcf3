//! SARIF 2.1.0 view of `tradeoff check` results, for GitHub code scanning and other SARIF
//! consumers. One run, one rule per kind of problem, one result per problem, located on line 1
//! of the spec (a stale record is a property of the whole file, not of one statement).

use serde_json::{json, Value};

use super::check::{CheckStatus, SpecCheck};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

struct Rule {
    id: &'static str,
    name: &'static str,
    short: &'static str,
    full: &'static str,
    help: &'static str,
}

/// Rule order is fixed: results refer to rules by index as well as by id.
const RULES: [Rule; 2] = [
    Rule {
        id: "stale-record",
        name: "StaleDecisionRecord",
        short: "The committed decision record is missing or out of date",
        full: "The spec, the catalog or the tool changed since the decision record in reports/ was written, \
               or the record was edited by hand.",
        help: "Run `tradeoff decide` and commit the files it writes in reports/.",
    },
    Rule {
        id: "spec-error",
        name: "SpecError",
        short: "The spec or its record could not be read or compiled",
        full: "The spec has errors (syntax, unknown names, contradictory constraints) or its record or \
               catalog files cannot be read, so the decision cannot be checked.",
        help: "Run `tradeoff plan SPEC` to see every diagnostic with its line and column.",
    },
];

pub fn render(results: &[SpecCheck]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.name,
                "shortDescription": { "text": rule.short },
                "fullDescription": { "text": rule.full },
                "help": { "text": rule.help },
                "defaultConfiguration": { "level": "error" },
            })
        })
        .collect();
    let findings: Vec<Value> = results
        .iter()
        .filter_map(|result| rule_index(result.status).map(|index| (result, index)))
        .flat_map(|(result, index)| {
            result
                .problems
                .iter()
                .map(move |problem| finding(result, index, problem))
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

fn rule_index(status: CheckStatus) -> Option<usize> {
    match status {
        CheckStatus::Current => None,
        CheckStatus::Stale => Some(0),
        CheckStatus::Error => Some(1),
    }
}

fn finding(result: &SpecCheck, rule_index: usize, problem: &str) -> Value {
    json!({
        "ruleId": RULES[rule_index].id,
        "ruleIndex": rule_index,
        "level": "error",
        "message": { "text": problem },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri_of(&result.spec) },
                "region": { "startLine": 1 },
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
    use super::*;

    #[test]
    fn uris_escape_what_would_change_their_meaning() {
        assert_eq!(uri_of("specs/a b#c.tradeoff"), "specs/a%20b%23c.tradeoff");
        assert_eq!(uri_of("specs/é.tradeoff"), "specs/%C3%A9.tradeoff");
    }

    #[test]
    fn current_specs_produce_no_results_and_each_problem_one() {
        let results = [
            SpecCheck {
                spec: "specs/a.tradeoff".into(),
                status: CheckStatus::Current,
                problems: Vec::new(),
            },
            SpecCheck {
                spec: "specs/b.tradeoff".into(),
                status: CheckStatus::Stale,
                problems: vec!["one".into(), "two".into()],
            },
        ];
        let log = render(&results);
        let found = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[1]["ruleId"], "stale-record");
        assert_eq!(found[1]["message"]["text"], "two");
        assert_eq!(
            found[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "specs/b.tradeoff"
        );
    }
}
