//! The decision log model: one row per record file, as the index templates show it.

use serde::Serialize;

/// One record in the decision log.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct IndexEntry {
    pub number_value: u32,
    /// "0001"
    pub number: String,
    pub title: String,
    pub status: String,
    /// Winner's display name, or "unknown" for records this tool did not write.
    pub winner: String,
    pub date: String,
    /// "0001-sensor-ingest.md"
    pub markdown: String,
    /// "0001-sensor-ingest.html", or `None` when no HTML file sits next to the Markdown.
    pub html: Option<String>,
}

/// Everything the index templates render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexModel {
    /// Sorted by number, then file name.
    pub entries: Vec<IndexEntry>,
}
