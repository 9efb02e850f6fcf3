//! Reading back the front matter of existing records, and rewriting a record's status line.
//!
//! This is not a YAML parser: it reads the subset this crate writes (one `key: value` per line,
//! one nested `tradeoff:` map, values as JSON-compatible scalars or flow lists) and, for records
//! written by hand, plain unquoted scalars. Anything else is kept as raw text.

use std::collections::BTreeMap;

use crate::escape::yaml_string;

/// A front matter value.
#[derive(Debug, Clone, PartialEq)]
pub enum FmValue {
    Text(String),
    Number(u64),
    List(Vec<String>),
}

impl FmValue {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            FmValue::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<u64> {
        match self {
            FmValue::Number(n) => Some(*n),
            FmValue::Text(t) => t.parse().ok(),
            FmValue::List(_) => None,
        }
    }

    pub fn as_list(&self) -> Option<&[String]> {
        match self {
            FmValue::List(items) => Some(items),
            _ => None,
        }
    }
}

/// Top-level keys, and the keys nested under `tradeoff:`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub top: BTreeMap<String, FmValue>,
    pub tradeoff: BTreeMap<String, FmValue>,
}

impl FrontMatter {
    pub fn text(&self, key: &str) -> Option<&str> {
        self.top.get(key).and_then(FmValue::as_text)
    }

    pub fn ours(&self, key: &str) -> Option<&FmValue> {
        self.tradeoff.get(key)
    }

    pub fn our_text(&self, key: &str) -> Option<&str> {
        self.ours(key).and_then(FmValue::as_text)
    }
}

/// The lines between the opening and closing `---`, if the document starts with front matter.
fn block(document: &str) -> Option<&str> {
    let rest = document.strip_prefix("---\n")?;
    let end = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(str::len))?;
    Some(&rest[..end])
}

fn parse_value(raw: &str) -> FmValue {
    let raw = raw.trim();
    if raw.starts_with('"') {
        if let Ok(text) = serde_json::from_str::<String>(raw) {
            return FmValue::Text(text);
        }
    }
    if raw.starts_with('[') {
        if let Ok(items) = serde_json::from_str::<Vec<String>>(raw) {
            return FmValue::List(items);
        }
    }
    if let Ok(n) = raw.parse::<u64>() {
        return FmValue::Number(n);
    }
    let unquoted = raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')).unwrap_or(raw);
    FmValue::Text(unquoted.to_owned())
}

/// Parses a record's front matter; `None` when the document has none.
pub fn parse(document: &str) -> Option<FrontMatter> {
    let mut fm = FrontMatter::default();
    let mut in_tradeoff = false;
    for line in block(document)?.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let nested = line.starts_with(' ');
        let Some((key, value)) = line.trim().split_once(':') else {
            continue;
        };
        let key = key.trim().to_owned();
        if !nested {
            in_tradeoff = key == "tradeoff" && value.trim().is_empty();
            if !in_tradeoff {
                fm.top.insert(key, parse_value(value));
            }
        } else if in_tradeoff {
            fm.tradeoff.insert(key, parse_value(value));
        }
    }
    Some(fm)
}

/// The document with its top-level `status:` line replaced; `None` if there is no such line in
/// the front matter (the record is not one this tool can update).
pub fn replace_status(document: &str, status: &str) -> Option<String> {
    let block = block(document)?;
    let start = "---\n".len();
    let mut offset = start;
    for line in block.split('\n') {
        if line.starts_with("status:") {
            let mut out = String::with_capacity(document.len() + status.len());
            out.push_str(&document[..offset]);
            out.push_str("status: ");
            out.push_str(&yaml_string(status));
            out.push_str(&document[offset + line.len()..]);
            return Some(out);
        }
        offset += line.len() + 1;
    }
    None
}

/// The HTML page with the text of its single `data-tradeoff="status"` element replaced;
/// `None` unless exactly one such element exists.
pub fn replace_html_status(page: &str, status: &str) -> Option<String> {
    const MARKER: &str = "data-tradeoff=\"status\"";
    let at = page.find(MARKER)?;
    if page[at + MARKER.len()..].contains(MARKER) {
        return None;
    }
    let open_end = at + page[at..].find('>')? + 1;
    let close = open_end + page[open_end..].find('<')?;
    let mut out = String::with_capacity(page.len() + status.len());
    out.push_str(&page[..open_end]);
    out.push_str(&crate::escape::html_text(status));
    out.push_str(&page[close..]);
    Some(out)
}

/// The document with its `- Status: …` line under the title (what log4brains reads) replaced
/// by `- Status: {status_line}`; unchanged when the record has no such line (records written
/// before it existed, or by hand).
pub fn replace_body_status(document: &str, status_line: &str) -> String {
    const PREFIX: &str = "\n- Status: ";
    let body_start = block(document).map_or(0, |b| "---\n".len() + b.len());
    let Some(found) = document[body_start..].find(PREFIX) else {
        return document.to_owned();
    };
    let start = body_start + found + PREFIX.len();
    let end = document[start..].find('\n').map_or(document.len(), |n| start + n);
    format!("{}{status_line}{}", &document[..start], &document[end..])
}

/// The HTML page with the first `<li>Status: …</li>` (the Markdown status list, converted)
/// replaced by `status_html`, which must already be escaped; unchanged when there is none.
pub fn replace_html_body_status(page: &str, status_html: &str) -> String {
    const OPEN: &str = "<li>Status: ";
    let Some(found) = page.find(OPEN) else {
        return page.to_owned();
    };
    let start = found + OPEN.len();
    let Some(len) = page[start..].find("</li>") else {
        return page.to_owned();
    };
    format!("{}{status_html}{}", &page[..start], &page[start + len..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "---\nstatus: \"accepted\"\ndate: 2026-11-24\ndecision-makers: [\"a \\\"b\\\"\", \"c\"]\n\
tradeoff:\n  number: 3\n  spec_sha256: \"abc\"\n  changelog: [\"one\", \"two\"]\n---\n\n# Title\nstatus: body\n";

    #[test]
    fn reads_what_the_templates_write() {
        let fm = parse(DOC).unwrap();
        assert_eq!(fm.text("status"), Some("accepted"));
        assert_eq!(fm.text("date"), Some("2026-11-24"));
        assert_eq!(fm.top["decision-makers"].as_list().unwrap(), ["a \"b\"", "c"]);
        assert_eq!(fm.ours("number").and_then(FmValue::as_number), Some(3));
        assert_eq!(fm.our_text("spec_sha256"), Some("abc"));
        assert_eq!(fm.ours("changelog").and_then(FmValue::as_list).unwrap(), ["one", "two"]);
    }

    #[test]
    fn no_front_matter_is_none() {
        assert_eq!(parse("# Title\n"), None);
        assert_eq!(replace_status("# Title\n", "x"), None);
    }

    #[test]
    fn status_rewrite_changes_only_the_status_line() {
        let out = replace_status(DOC, "superseded by 0004").unwrap();
        assert_eq!(
            out,
            DOC.replacen("status: \"accepted\"", "status: \"superseded by 0004\"", 1)
        );
        assert!(out.ends_with("status: body\n"));
    }

    #[test]
    fn body_status_rewrite_changes_only_the_list_line() {
        let doc = format!("{DOC}\n- Status: accepted\n- Date: 2026-11-24\n");
        let out = replace_body_status(&doc, "superseded by [0004-x](0004-x.md)");
        assert_eq!(
            out,
            doc.replace("- Status: accepted", "- Status: superseded by [0004-x](0004-x.md)")
        );
        assert_eq!(replace_body_status(DOC, "x"), DOC, "no list line: unchanged");
    }

    #[test]
    fn html_status_rewrite_needs_exactly_one_marker() {
        let page = "<dd class=\"status\" data-tradeoff=\"status\">accepted</dd><p>accepted</p>";
        assert_eq!(
            replace_html_status(page, "superseded by 0004").unwrap(),
            "<dd class=\"status\" data-tradeoff=\"status\">superseded by 0004</dd><p>accepted</p>"
        );
        assert_eq!(replace_html_status("<p>none</p>", "x"), None);
        let twice = format!("{page}{page}");
        assert_eq!(replace_html_status(&twice, "x"), None);
    }
}
