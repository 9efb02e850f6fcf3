//! the-benchmarker/web-frameworks `data.json`: `frameworks` (id, label, language, version) and
//! `metrics` (one value per framework id, concurrency level and label), `updated_at`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::{Entries, ImportError, Input};
use crate::catalog::model::{Evidence, LoadTest};

#[derive(Deserialize)]
struct DataJson {
    frameworks: Vec<FrameworkRow>,
    metrics: Vec<Metric>,
    updated_at: String,
}

#[derive(Deserialize)]
struct FrameworkRow {
    id: u64,
    label: String,
    language: String,
    /// A number or a string in the published file (`0.7`, `"0.5.0"`).
    version: Value,
}

#[derive(Deserialize)]
struct Metric {
    level: u32,
    label: String,
    value: f64,
    framework_id: u64,
}

/// Metrics a figure needs; `-1` marks a value the run did not report.
const REQUESTS: &str = "total_requests_per_s";
const ERROR_METRICS: [&str; 5] = [
    "http_errors",
    "socket_connection_errors",
    "socket_read_errors",
    "socket_write_errors",
    "request_timeouts",
];

pub(super) fn import(
    input: &Input,
    source: &str,
    entries: &Entries,
) -> Result<(BTreeMap<String, Evidence>, String), ImportError> {
    let file = input.name.as_str();
    let data: DataJson = serde_json::from_str(&input.text).map_err(|e| {
        ImportError::new(
            file,
            format!("line {} column {}", e.line(), e.column()),
            format!("not a web-frameworks data.json: {e}"),
        )
    })?;
    let as_of = data
        .updated_at
        .get(..10)
        .filter(|day| day.parse::<jiff::civil::Date>().is_ok())
        .ok_or_else(|| {
            ImportError::new(
                file,
                "updated_at",
                format!("`{}` does not start with a date", data.updated_at),
            )
        })?
        .to_string();
    let cite = format!("{source}/{}", input.file_name());
    // (framework id, level) → label → value, for the frameworks the catalog maps.
    let mut wanted: BTreeMap<u64, (&str, &FrameworkRow)> = BTreeMap::new();
    for (catalog_id, entry) in entries.iter() {
        let Some(entry) = &entry.web_frameworks else { continue };
        let mut matches = data
            .frameworks
            .iter()
            .filter(|row| row.label == entry.label && row.language == entry.language);
        if let Some(row) = matches.next() {
            if matches.next().is_some() {
                return Err(ImportError::new(
                    file,
                    "frameworks",
                    format!("the entry {}/{} is listed twice", entry.language, entry.label),
                ));
            }
            wanted.insert(row.id, (catalog_id.as_str(), row));
        }
    }
    let mut values: BTreeMap<(u64, u32), BTreeMap<&str, f64>> = BTreeMap::new();
    for (index, metric) in data.metrics.iter().enumerate() {
        if !wanted.contains_key(&metric.framework_id) {
            continue;
        }
        if !metric.value.is_finite() {
            return Err(ImportError::new(
                file,
                format!("metrics[{index}].value"),
                "is not a finite number",
            ));
        }
        let slot = values.entry((metric.framework_id, metric.level)).or_default();
        if slot.insert(metric.label.as_str(), metric.value).is_some() {
            return Err(ImportError::new(
                file,
                format!("metrics[{index}]"),
                format!(
                    "{} is given twice for framework {} at level {}",
                    metric.label, metric.framework_id, metric.level
                ),
            ));
        }
    }
    let mut evidence: BTreeMap<String, Evidence> = BTreeMap::new();
    for ((framework_id, level), metrics) in &values {
        let (catalog_id, row) = wanted[framework_id];
        let field = |label: &str| format!("metrics[framework_id={framework_id}, level={level}].{label}");
        let rps = match metrics.get(REQUESTS) {
            Some(&rps) if rps > 0.0 && rps < 1e9 => rps,
            Some(_) => {
                return Err(ImportError::new(
                    file,
                    field(REQUESTS),
                    "must be a positive request rate",
                ))
            }
            // A level without a request rate did not run: no figure, not a zero.
            None => continue,
        };
        let latency = |label: &str| -> Result<f64, ImportError> {
            match metrics.get(label) {
                // Latencies are seconds in the file; milliseconds in the catalog.
                Some(&seconds) if (0.0..3600.0).contains(&seconds) => Ok(round3(seconds * 1000.0)),
                Some(_) => Err(ImportError::new(file, field(label), "must be a latency in seconds")),
                None => Err(ImportError::new(file, field(label), "is missing")),
            }
        };
        let errors = ERROR_METRICS
            .iter()
            .filter_map(|label| metrics.get(label))
            .filter(|value| **value > 0.0)
            .map(|value| value.min(1e15) as u64)
            .sum();
        let version = match &row.version {
            Value::String(text) => text.clone(),
            Value::Number(number) => number.to_string(),
            _ => {
                return Err(ImportError::new(
                    file,
                    format!("frameworks[id={framework_id}].version"),
                    "is not a version",
                ))
            }
        };
        evidence
            .entry(catalog_id.to_string())
            .or_default()
            .load_test
            .push(LoadTest {
                entry: row.label.clone(),
                version,
                concurrency: *level,
                rps: round1(rps),
                latency_p50_ms: latency("percentile50")?,
                latency_p90_ms: latency("percentile90")?,
                latency_p99_ms: latency("percentile99")?,
                errors,
                source: cite.clone(),
                as_of: as_of.clone(),
                note: None,
            });
    }
    Ok((evidence, as_of))
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Entries {
        Entries::from_toml("[gin]\nweb_frameworks = { language = \"go\", label = \"gin\" }\n").unwrap()
    }

    fn input(text: &str) -> Input {
        Input {
            name: "fixtures/data.json".into(),
            text: text.into(),
        }
    }

    const SMALL: &str = r#"{"frameworks":[{"id":7,"label":"gin","language":"go","version":1.11,"website":"https://gin-gonic.com"},
      {"id":8,"label":"other","language":"go","version":"2","website":"x"}],
      "metrics":[{"level":512,"label":"total_requests_per_s","value":24856.61,"framework_id":7},
        {"level":512,"label":"percentile50","value":0.092,"framework_id":7},
        {"level":512,"label":"percentile90","value":0.1,"framework_id":7},
        {"level":512,"label":"percentile99","value":0.2,"framework_id":7},
        {"level":512,"label":"http_errors","value":-1.0,"framework_id":7},
        {"level":512,"label":"socket_read_errors","value":3.0,"framework_id":7},
        {"level":512,"label":"total_requests_per_s","value":1.0,"framework_id":8}],
      "languages":[],"updated_at":"2026-02-11 23:25:12 UTC","version":1,"hardware":{}}"#;

    #[test]
    fn reads_the_mapped_entries_figures() {
        let (evidence, as_of) = import(&input(SMALL), "https://example.org/wf", &entries()).unwrap();
        assert_eq!(as_of, "2026-02-11");
        let figure = &evidence["gin"].load_test[0];
        assert_eq!(
            (figure.concurrency, figure.rps, figure.latency_p50_ms),
            (512, 24856.6, 92.0)
        );
        assert_eq!(figure.errors, 3, "-1 is not reported, not an error count");
        assert_eq!(figure.version, "1.11");
        assert_eq!(figure.source, "https://example.org/wf/data.json");
        assert_eq!(evidence.len(), 1, "unmapped entries are ignored");
    }

    #[test]
    fn malformed_and_hostile_files_name_the_field() {
        let truncated = &SMALL[..200];
        let error = import(&input(truncated), "https://x", &entries()).unwrap_err();
        assert!(error.field.starts_with("line "), "{error}");
        let negative = SMALL.replace("24856.61", "-5");
        let error = import(&input(&negative), "https://x", &entries()).unwrap_err();
        assert_eq!(error.field, "metrics[framework_id=7, level=512].total_requests_per_s");
        let huge = SMALL.replace("0.092", "1e308");
        let error = import(&input(&huge), "https://x", &entries()).unwrap_err();
        assert!(error.field.ends_with("percentile50"), "{error}");
        let no_date = SMALL.replace("2026-02-11 23:25:12 UTC", "yesterday");
        assert_eq!(
            import(&input(&no_date), "https://x", &entries()).unwrap_err().field,
            "updated_at"
        );
        let missing = SMALL.replace(r#""label":"percentile90""#, r#""label":"percentile91""#);
        let error = import(&input(&missing), "https://x", &entries()).unwrap_err();
        assert!(error.message.contains("missing"), "{error}");
        let twice = SMALL.replace(r#""label":"percentile90""#, r#""label":"percentile50""#);
        let error = import(&input(&twice), "https://x", &entries()).unwrap_err();
        assert!(error.message.contains("twice"), "{error}");
    }
}
