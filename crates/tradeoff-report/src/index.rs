//! The decision log model: one row per record file, as the index templates show it.

use serde::Serialize;

/// A link from one record to another in the decision log (the supersede chain).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct IndexLink {
    /// "0007"
    pub number: String,
    /// The linked record's Markdown file, or `None` when no record with that number is in the
    /// folder (the number is then shown without a link).
    pub markdown: Option<String>,
    /// The linked record's HTML page, when it has one.
    pub html: Option<String>,
}

/// One record in the decision log.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct IndexEntry {
    pub number_value: u32,
    /// "0001"
    pub number: String,
    pub title: String,
    pub status: String,
    /// The status without its target: "superseded" for "superseded by 0007". The HTML page
    /// filters on it.
    pub status_kind: String,
    /// Winner's display name, or "unknown" for records this tool did not write.
    pub winner: String,
    pub date: String,
    /// "0001-sensor-ingest.md"
    pub markdown: String,
    /// "0001-sensor-ingest.html", or `None` when no HTML file sits next to the Markdown.
    pub html: Option<String>,
    /// The record that replaced this one (its status reads "superseded by NNNN").
    pub superseded_by: Option<IndexLink>,
    /// The record this one replaced.
    pub supersedes: Option<IndexLink>,
}

/// Everything the index templates render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexModel {
    /// Newest first: by date (records without a real date last), then number, descending.
    pub entries: Vec<IndexEntry>,
    /// The distinct status kinds of the entries, sorted, for the HTML page's status filter.
    pub statuses: Vec<String>,
}

impl IndexModel {
    /// Sorts the entries newest first and collects their statuses.
    pub fn new(mut entries: Vec<IndexEntry>) -> Self {
        entries.sort_by(|a, b| newest_first_key(b).cmp(&newest_first_key(a)));
        let mut statuses: Vec<String> = entries.iter().map(|e| e.status_kind.clone()).collect();
        statuses.sort();
        statuses.dedup();
        Self { entries, statuses }
    }
}

/// The key the log sorts by, descending: a real `YYYY-MM-DD` date (ISO dates sort as text;
/// anything else, like "unknown", counts as older than every date), then the number, then the
/// file name so the order is total.
fn newest_first_key(entry: &IndexEntry) -> (Option<&str>, u32, &str) {
    let date = Some(entry.date.as_str()).filter(|d| is_iso_date(d));
    (date, entry.number_value, entry.markdown.as_str())
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(number: u32, date: &str, status: &str) -> IndexEntry {
        IndexEntry {
            number_value: number,
            number: format!("{number:04}"),
            title: format!("title {number}"),
            status: status.to_owned(),
            status_kind: status.split(' ').next().unwrap_or_default().to_owned(),
            winner: "x".to_owned(),
            date: date.to_owned(),
            markdown: format!("{number:04}-x.md"),
            html: None,
            superseded_by: None,
            supersedes: None,
        }
    }

    #[test]
    fn newest_first_by_date_then_number_with_unknown_dates_last() {
        let model = IndexModel::new(vec![
            entry(1, "2026-11-10", "accepted"),
            entry(2, "unknown", "proposed"),
            entry(3, "2026-11-02", "proposed"),
            entry(4, "2026-11-10", "superseded by 0005"),
            entry(5, "2026-11-26", "accepted"),
        ]);
        let order: Vec<u32> = model.entries.iter().map(|e| e.number_value).collect();
        assert_eq!(order, [5, 4, 1, 3, 2]);
        assert_eq!(model.statuses, ["accepted", "proposed", "superseded"]);
    }
}
