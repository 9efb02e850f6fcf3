//! TechEmpower Framework Benchmarks `results.json`, as `toolset/utils/results.py` writes it:
//! `rawData[test][entry]` lists one object per concurrency (or query) level with
//! `totalRequests`, `startTime`, `endTime` (seconds) and `5xx` (non-2xx/3xx responses).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::{date_of_unix_seconds, Entries, ImportError, Input};
use crate::catalog::model::{Evidence, TfbTest, Throughput};

/// TechEmpower's last round: the project was archived in March 2026, so no newer figure can
/// exist and figures of this round are marked frozen.
pub(crate) const FINAL_ROUND: u32 = 23;

/// Queries per request of the multiple-query and update figures compared across frameworks,
/// as the benchmark's own charts show them.
const QUERIES_PER_REQUEST: u32 = 20;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Results {
    uuid: String,
    #[serde(default)]
    environment_description: Option<String>,
    #[serde(default)]
    start_time: Option<f64>,
    #[serde(default)]
    completion_time: Option<f64>,
    #[serde(default)]
    query_intervals: Vec<u32>,
    raw_data: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Level {
    total_requests: Option<u64>,
    start_time: Option<f64>,
    end_time: Option<f64>,
    #[serde(rename = "5xx", default)]
    non_2xx: u64,
}

fn test_of(key: &str) -> Option<TfbTest> {
    Some(match key {
        "json" => TfbTest::Json,
        "plaintext" => TfbTest::Plaintext,
        "db" => TfbTest::Db,
        "query" => TfbTest::Query,
        "fortune" => TfbTest::Fortune,
        "update" => TfbTest::Update,
        _ => return None,
    })
}

pub(super) fn import(
    input: &Input,
    source: &str,
    round: Option<u32>,
    entries: &Entries,
) -> Result<(BTreeMap<String, Evidence>, String), ImportError> {
    let file = input.name.as_str();
    let Some(round) = round else {
        return Err(ImportError::new(
            file,
            "--round",
            "a results.json does not say which round it is; give --round (e.g. 23)",
        ));
    };
    let results: Results = serde_json::from_str(&input.text).map_err(|e| {
        ImportError::new(
            file,
            format!("line {} column {}", e.line(), e.column()),
            format!("not a TechEmpower results.json: {e}"),
        )
    })?;
    if results.uuid.trim().is_empty() || results.uuid.len() > 64 {
        return Err(ImportError::new(file, "uuid", "is not a run id"));
    }
    let finished = results.completion_time.or(results.start_time);
    let as_of = finished
        .and_then(|ms| date_of_unix_seconds(ms / 1000.0))
        .ok_or_else(|| ImportError::new(file, "completionTime", "is not a time in milliseconds"))?;
    let hardware = results
        .environment_description
        .filter(|h| !h.trim().is_empty() && h.len() <= 200)
        .unwrap_or_else(|| "not stated in the results file".into());
    let query_index = results.query_intervals.iter().position(|q| *q == QUERIES_PER_REQUEST);
    // Test entry → catalog id, for the mapped frameworks.
    let mut owner: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for (catalog_id, entry) in entries.iter() {
        let Some(name) = &entry.techempower else { continue };
        for (test_name, variant) in entries.techempower_tests.get(name).into_iter().flatten() {
            owner.insert(test_name.as_str(), (catalog_id.as_str(), variant.as_str()));
        }
    }
    let cite = format!("{source}/{}", input.file_name());
    let mut evidence: BTreeMap<String, Evidence> = BTreeMap::new();
    for (test_key, by_entry) in &results.raw_data {
        let Some(test) = test_of(test_key) else { continue };
        let Value::Object(by_entry) = by_entry else {
            return Err(ImportError::new(
                file,
                format!("rawData.{test_key}"),
                "is not an object of entries",
            ));
        };
        for (entry_name, levels) in by_entry {
            let Some((catalog_id, variant)) = owner.get(entry_name.as_str()) else {
                continue;
            };
            let field = format!("rawData.{test_key}.{entry_name}");
            let levels: Vec<Level> = serde_json::from_value(levels.clone())
                .map_err(|e| ImportError::new(file, &field, format!("is not a list of levels: {e}")))?;
            let rates = levels
                .iter()
                .enumerate()
                .map(|(i, level)| rate(level).map_err(|m| ImportError::new(file, format!("{field}[{i}]"), m)))
                .collect::<Result<Vec<Option<f64>>, _>>()?;
            let (rps, queries) = match test {
                TfbTest::Query | TfbTest::Update => {
                    // The level at 20 queries per request: the best level would be 1 query, a
                    // different test.
                    let Some(index) = query_index else {
                        return Err(ImportError::new(
                            file,
                            "queryIntervals",
                            format!("has no {QUERIES_PER_REQUEST}-query level"),
                        ));
                    };
                    (rates.get(index).copied().flatten(), Some(QUERIES_PER_REQUEST))
                }
                _ => (rates.iter().flatten().copied().reduce(f64::max), None),
            };
            let Some(rps) = rps.filter(|r| *r >= 1.0) else { continue };
            let mut note = format!("run {}", results.uuid.trim());
            if let Some(queries) = queries {
                note.push_str(&format!("; {queries} queries per request"));
            }
            if *variant != "default" {
                note.push_str(&format!("; variant {variant}, not the framework's main entry"));
            }
            evidence
                .entry(catalog_id.to_string())
                .or_default()
                .throughput
                .push(Throughput {
                    test,
                    rps: rps.round() as u64,
                    round,
                    hardware: hardware.clone(),
                    entry: entry_name.clone(),
                    source: cite.clone(),
                    as_of: as_of.clone(),
                    note: Some(note),
                    frozen: round == FINAL_ROUND,
                });
        }
    }
    Ok((evidence, as_of))
}

/// Successful requests per second of one level; `None` for a level that did not run.
fn rate(level: &Level) -> Result<Option<f64>, String> {
    let (Some(total), Some(start), Some(end)) = (level.total_requests, level.start_time, level.end_time) else {
        return Ok(None);
    };
    let duration = end - start;
    if !(duration.is_finite() && duration > 0.0 && duration <= 3600.0) {
        return Err(format!("endTime - startTime = {duration} is not a benchmark duration"));
    }
    if level.non_2xx > total {
        return Err("5xx exceeds totalRequests".into());
    }
    Ok(Some((total - level.non_2xx) as f64 / duration))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Entries {
        Entries::from_toml("[axum]\ntechempower = \"axum\"\n").unwrap()
    }

    fn input(text: &str) -> Input {
        Input {
            name: "results.json".into(),
            text: text.into(),
        }
    }

    const RESULTS: &str = r#"{"uuid":"91a66052-9d86-446c-b31a-eadbd669ed08","name":"round",
      "environmentDescription":"Citrine","startTime":1739318400000,"completionTime":1739923200000,
      "concurrencyLevels":[16,512],"queryIntervals":[1,20],"frameworks":["axum","axum-pg"],"duration":15,
      "rawData":{"json":{"axum":[{"totalRequests":1500,"startTime":100,"endTime":115,"5xx":0},
                                 {"totalRequests":3000,"startTime":200,"endTime":215}]},
                 "query":{"axum-pg":[{"totalRequests":9000,"startTime":1,"endTime":16},
                                     {"totalRequests":150,"startTime":1,"endTime":16,"5xx":0}]},
                 "cached_query":{"axum":[]},"slocCounts":{"axum":12},
                 "json-ignored":{},"fortune":{"someone-else":[{"totalRequests":1,"startTime":1,"endTime":2}]}}}"#;

    #[test]
    fn best_level_and_the_twenty_query_level() {
        let (evidence, as_of) = import(&input(RESULTS), "https://example.org/r23", Some(23), &entries()).unwrap();
        assert_eq!(as_of, "2025-02-19");
        let figures = &evidence["axum"].throughput;
        assert_eq!(figures.len(), 2);
        let json = figures.iter().find(|t| t.test == TfbTest::Json).unwrap();
        assert_eq!((json.rps, json.entry.as_str(), json.frozen), (200, "axum", true));
        let query = figures.iter().find(|t| t.test == TfbTest::Query).unwrap();
        assert_eq!(query.rps, 10, "the 20-query level, not the best one");
        assert!(
            query.note.as_deref().unwrap().contains("variant pg"),
            "{:?}",
            query.note
        );
        assert_eq!(query.hardware, "Citrine");
    }

    #[test]
    fn hostile_results_are_refused_with_the_field() {
        let error = import(&input(RESULTS), "https://x", None, &entries()).unwrap_err();
        assert_eq!(error.field, "--round");
        let backwards = RESULTS.replace(r#""startTime":200,"endTime":215"#, r#""startTime":215,"endTime":200"#);
        let error = import(&input(&backwards), "https://x", Some(23), &entries()).unwrap_err();
        assert_eq!(error.field, "rawData.json.axum[1]");
        let errors = RESULTS.replace(r#""endTime":115,"5xx":0"#, r#""endTime":115,"5xx":99999"#);
        let error = import(&input(&errors), "https://x", Some(23), &entries()).unwrap_err();
        assert!(error.message.contains("5xx"), "{error}");
        let wrong_type = RESULTS.replace(r#""totalRequests":3000"#, r#""totalRequests":"many""#);
        let error = import(&input(&wrong_type), "https://x", Some(23), &entries()).unwrap_err();
        assert_eq!(error.field, "rawData.json.axum");
        let error = import(&input("[1,2"), "https://x", Some(23), &entries()).unwrap_err();
        assert!(error.field.starts_with("line 1"), "{error}");
        let no_time = RESULTS
            .replace("1739923200000", "null")
            .replace("1739318400000", "null");
        assert_eq!(
            import(&input(&no_time), "https://x", Some(23), &entries())
                .unwrap_err()
                .field,
            "completionTime"
        );
    }
}
