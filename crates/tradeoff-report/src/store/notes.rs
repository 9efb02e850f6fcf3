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
fn body(text: &str) -> &str {
    of(text).map_or(text, |notes| &text[..text.len() - notes.len()])
}

/// Whether the record `text` is the `rendered` record, notes aside (blank lines before the notes
/// heading do not matter).
pub(crate) fn same_record(text: &str, rendered: &str) -> bool {
    body(text).trim_end() == rendered.trim_end()
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
}
