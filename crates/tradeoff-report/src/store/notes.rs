//! The one part of a Markdown record that is the user's: a `## Notes` section at its end. The
//! tool never renders that heading, keeps the section verbatim when it rewrites the record (a new
//! revision, a restored page), and ignores it when it asks whether the record is current.
//!
//! The section starts at the last line that is exactly `## Notes` and runs to the end of the file.

const HEADING: &str = "## Notes";

/// The record's notes section (from its heading to the end), if it has one.
pub(crate) fn of(text: &str) -> Option<&str> {
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == HEADING {
            start = Some(offset);
        }
        offset += line.len();
    }
    start.map(|at| &text[at..])
}

/// The record's text without its notes section.
pub(crate) fn body(text: &str) -> &str {
    of(text).map_or(text, |notes| &text[..text.len() - notes.len()])
}

/// Whether the record `text` is the `rendered` record, notes aside (blank lines before the notes
/// heading do not matter).
pub(crate) fn same_record(text: &str, rendered: &str) -> bool {
    body(text).trim_end() == rendered.trim_end()
}

/// At most this many diff lines are shown: enough to find the edit, bounded for any edit.
const MAX_DIFF_LINES: usize = 40;

/// The lines where the record `text` (notes aside) differs from the `rendered` record, as a
/// unified diff from what tradeoff renders to what is on disk.
pub(crate) fn hand_edit_diff(text: &str, rendered: &str) -> String {
    let on_disk = format!("{}\n", body(text).trim_end());
    let ours = format!("{}\n", rendered.trim_end());
    let diff = similar::TextDiff::from_lines(&ours, &on_disk);
    let full = diff
        .unified_diff()
        .context_radius(1)
        .header("rendered by tradeoff", "on disk")
        .to_string();
    let lines: Vec<&str> = full.lines().collect();
    let mut out = lines
        .iter()
        .take(MAX_DIFF_LINES)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    if lines.len() > MAX_DIFF_LINES {
        out.push_str(&format!("\n… {} more diff lines", lines.len() - MAX_DIFF_LINES));
    }
    out
}

/// The `rendered` record with `notes` kept at its end.
pub(crate) fn keep(rendered: String, notes: Option<&str>) -> String {
    match notes {
        None => rendered,
        Some(notes) => format!("{}\n\n{notes}", rendered.trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_notes_heading_starts_the_section_and_is_kept_verbatim() {
        let rendered = "# T\n\n## Notes\n\nnot a heading the tool writes, but in user text\n";
        let text = format!("{rendered}\n## Notes\n\nOurs  \n- kept\n");
        assert_eq!(of(&text), Some("## Notes\n\nOurs  \n- kept\n"));
        assert!(same_record(&text, rendered));
        let kept = keep("# T2\n".to_owned(), of(&text));
        assert_eq!(kept, "# T2\n\n## Notes\n\nOurs  \n- kept\n");
        assert_eq!(of(&kept), of(&text));
        assert!(!same_record(&text, "# T2\n"));
        assert_eq!(of("# T\n"), None);
    }

    #[test]
    fn a_hand_edit_is_shown_as_the_lines_that_differ() {
        let rendered = "# T\n\na\nb\nc\nd\n";
        let edited = "# T\n\na\nB!\nc\nd\n\n## Notes\nmine\n";
        let diff = hand_edit_diff(edited, rendered);
        assert!(diff.contains("--- rendered by tradeoff\n+++ on disk\n"), "{diff}");
        assert!(diff.contains("\n-b\n+B!\n"), "{diff}");
        assert!(!diff.contains("mine"), "{diff}");
    }
}
