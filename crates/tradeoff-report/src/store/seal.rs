//! A record's seal: hashes that say what rendered a record and what its two files held when
//! tradeoff wrote them.
//!
//! - In the Markdown's front matter, `templates_sha256` (the templates that rendered it, built-in
//!   or the project's own) and `record_sha256` (the Markdown as written, without its `## Notes`
//!   section and without these lines).
//! - In the HTML page's head, one `<meta name="tradeoff-seal">` line: the record hash of the
//!   Markdown it belongs with, and the page's own hash (the page without that line).
//!
//! With them, a record whose spec, catalog, tool and templates are unchanged and whose files
//! still hash to their seal is current without scoring or rendering anything (a record is a
//! pure function of those inputs); and a Markdown record that no longer hashes to its seal was
//! edited by hand, which is found even when its spec changed too, so the edit is never
//! overwritten silently. Records written before the seal existed have none: they are compared
//! by rendering them again, as before. A weight change alters one seal line of the Markdown,
//! so the seal adds one line to a review diff.

use sha2::{Digest, Sha256};
use tradeoff_fs::hash::hex;
pub use tradeoff_fs::hash::sha256_hex;

use super::notes;
use crate::frontmatter::FrontMatter;

pub(crate) const TEMPLATES_KEY: &str = "templates_sha256";
pub(crate) const RECORD_KEY: &str = "record_sha256";
const KEYS: [&str; 2] = [TEMPLATES_KEY, RECORD_KEY];

/// The line that opens tradeoff's own map in the front matter; the seal goes right under it.
const OUR_MAP: &str = "tradeoff:\n";
/// The page's seal line starts so, and goes right after the line that opens the page's head.
const PAGE_SEAL: &str = "<meta name=\"tradeoff-seal\" content=\"";
const PAGE_HEAD: &str = "<head>\n";

/// SHA-256 of `page` without the bytes `seal_line` (its seal line).
fn page_hash_without(page: &str, seal_line: std::ops::Range<usize>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(&page.as_bytes()[..seal_line.start]);
    hasher.update(&page.as_bytes()[seal_line.end..]);
    hex(&hasher.finalize())
}

fn seal_line(key: &str, value: &str) -> String {
    format!("  {key}: \"{value}\"\n")
}

/// Whether `line` (with its newline) is one of the Markdown seal's lines.
fn is_seal_line(line: &str) -> bool {
    KEYS.iter().any(|key| {
        line.strip_prefix("  ")
            .and_then(|rest| rest.strip_prefix(key))
            .is_some_and(|rest| rest.starts_with(": "))
    })
}

/// Where the front matter's lines end (the start of its closing `---` line), if the document
/// has front matter.
fn front_matter_end(markdown: &str) -> Option<usize> {
    let rest = markdown.strip_prefix("---\n")?;
    rest.find("\n---\n").map(|at| at + 4 + 1)
}

/// The record hash: SHA-256 of the Markdown with its notes and seal lines removed and trailing
/// blank lines trimmed (as the notes rule ignores them). Hashed piece by piece: a record is
/// about 100 KB, and a copy of it would cost more than the hash.
fn record_hash(markdown: &str) -> String {
    let body = notes::body(markdown).trim_end();
    let mut hasher = Sha256::new();
    let end = front_matter_end(body).unwrap_or(0);
    for line in body[..end].split_inclusive('\n') {
        if !is_seal_line(line) {
            hasher.update(line.as_bytes());
        }
    }
    hasher.update(&body.as_bytes()[end..]);
    hex(&hasher.finalize())
}

/// Where tradeoff's map in the front matter starts its keys, if there is one.
fn our_map_keys(markdown: &str) -> Option<usize> {
    let end = front_matter_end(markdown)?;
    markdown[..end]
        .find(&format!("\n{OUR_MAP}"))
        .map(|at| at + 1 + OUR_MAP.len())
}

/// The page's seal line (with its newline), where it is, and what it says: (record, page).
fn page_seal(page: &str) -> Option<(std::ops::Range<usize>, &str, &str)> {
    let start = page.find(&format!("{PAGE_HEAD}{PAGE_SEAL}"))? + PAGE_HEAD.len();
    let len = page[start..].find('\n')? + 1;
    let content = page[start + PAGE_SEAL.len()..start + len].strip_suffix("\">\n")?;
    let mut words = content.split(' ');
    let record = words.next().and_then(|w| w.strip_prefix("record-sha256:"))?;
    let own = words.next().and_then(|w| w.strip_prefix("page-sha256:"))?;
    Some((start..start + len, record, own))
}

/// `page` with the seal line saying it belongs with the record hash `record` (any seal line it
/// had is replaced); unchanged if the page has no `<head>` line to put it under.
fn seal_page(page: &str, record: &str) -> String {
    let unsealed = match page_seal(page) {
        Some((at, _, _)) => format!("{}{}", &page[..at.start], &page[at.end..]),
        None => page.to_owned(),
    };
    let Some(at) = unsealed.find(PAGE_HEAD).map(|at| at + PAGE_HEAD.len()) else {
        return unsealed;
    };
    let own = sha256_hex(unsealed.as_bytes());
    format!(
        "{}{PAGE_SEAL}record-sha256:{record} page-sha256:{own}\">\n{}",
        &unsealed[..at],
        &unsealed[at..]
    )
}

/// A rendered record with its seal: `templates` is the templates' fingerprint. A Markdown
/// without tradeoff's front matter map (a project template may drop it) stays unsealed, and so
/// does its page.
pub(crate) fn seal(markdown: String, page: String, templates: &str) -> (String, String) {
    let Some(map) = our_map_keys(&markdown) else {
        return (markdown, page);
    };
    let record = record_hash(&markdown);
    let lines = [seal_line(TEMPLATES_KEY, templates), seal_line(RECORD_KEY, &record)].concat();
    let mut out = String::with_capacity(markdown.len() + lines.len());
    out.push_str(&markdown[..map]);
    out.push_str(&lines);
    out.push_str(&markdown[map..]);
    let page = seal_page(&page, &record);
    (out, page)
}

/// `markdown` without its seal lines, and `page` without its seal line: a record as written
/// before seals existed. Such a record is compared with this (its missing seal is not a
/// difference) and its page restored as this, so that it stays current until its inputs change;
/// the next revision is sealed.
pub(crate) fn as_unsealed(markdown: &str, page: &str) -> (String, String) {
    let end = front_matter_end(markdown).unwrap_or(0);
    let mut text = String::with_capacity(markdown.len());
    for line in markdown[..end].split_inclusive('\n') {
        if !is_seal_line(line) {
            text.push_str(line);
        }
    }
    text.push_str(&markdown[end..]);
    let page = match page_seal(page) {
        Some((at, _, _)) => format!("{}{}", &page[..at.start], &page[at.end..]),
        None => page.to_owned(),
    };
    (text, page)
}

/// What a record file's seal says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Intact {
    /// The file (a Markdown record's notes aside) is what tradeoff wrote.
    Yes,
    /// It was changed since: a hand edit.
    No,
    /// It has no seal (written before seals, or by a template without tradeoff's map).
    Unsealed,
}

/// Whether the Markdown record `text` (as on disk) still hashes to its seal.
pub(crate) fn record_intact(front: Option<&FrontMatter>, text: &str) -> Intact {
    match front.and_then(|f| f.our_text(RECORD_KEY)) {
        None => Intact::Unsealed,
        Some(recorded) if recorded == record_hash(text) => Intact::Yes,
        Some(_) => Intact::No,
    }
}

/// Whether the HTML `page` is as tradeoff wrote it.
pub(crate) fn page_intact(page: &str) -> Intact {
    match page_seal(page) {
        None => Intact::Unsealed,
        Some((at, _, own)) => {
            if own == page_hash_without(page, at) {
                Intact::Yes
            } else {
                Intact::No
            }
        }
    }
}

/// Whether the HTML `page` is intact and belongs with the record whose front matter is `front`.
pub(crate) fn page_belongs(front: Option<&FrontMatter>, page: &str) -> bool {
    let record = front.and_then(|f| f.our_text(RECORD_KEY));
    page_intact(page) == Intact::Yes && page_seal(page).map(|(_, of, _)| of) == record
}

/// The templates fingerprint a record was rendered with, if sealed.
pub(crate) fn templates_of(front: Option<&FrontMatter>) -> Option<&str> {
    front.and_then(|f| f.our_text(TEMPLATES_KEY))
}

/// A record's Markdown `text` and HTML `page` after tradeoff changed them in place (a status
/// marked superseded, a link renumbered), sealed again. Each file is sealed again only if it
/// was intact before the change (`text_was`, `page_was`): a hand edit must not be certified as
/// tradeoff's.
pub(crate) fn renew(text: &str, text_was: Intact, page: Option<&str>, page_was: Intact) -> (String, Option<String>) {
    let mut markdown = text.to_owned();
    if text_was == Intact::Yes {
        let record = record_hash(text);
        let end = front_matter_end(text).unwrap_or(0);
        markdown = String::with_capacity(text.len());
        for line in text[..end].split_inclusive('\n') {
            if line.starts_with(&format!("  {RECORD_KEY}: ")) {
                markdown.push_str(&seal_line(RECORD_KEY, &record));
            } else {
                markdown.push_str(line);
            }
        }
        markdown.push_str(&text[end..]);
    }
    let page = page.map(|page| match (page_was, crate::frontmatter::parse(&markdown)) {
        (Intact::Yes, Some(front)) => match front.our_text(RECORD_KEY) {
            Some(record) => seal_page(page, record),
            None => page.to_owned(),
        },
        _ => page.to_owned(),
    });
    (markdown, page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter;

    const RENDERED: &str =
        "---\nstatus: \"proposed\"\ntradeoff:\n  number: 1\n  winner: \"axum\"\n\n---\n\n# T\n\nbody\n";
    const PAGE: &str = "<!DOCTYPE html>\n<html>\n<head>\n<title>T</title>\n</head>\n<body>body</body>\n</html>\n";

    fn sealed() -> (String, String) {
        seal(RENDERED.to_owned(), PAGE.to_owned(), "t1")
    }

    fn intact(text: &str) -> Intact {
        record_intact(frontmatter::parse(text).as_ref(), text)
    }

    #[test]
    fn a_sealed_record_names_its_templates_and_hash_under_our_map_and_its_page_names_both() {
        let (text, page) = sealed();
        assert!(
            text.starts_with("---\nstatus: \"proposed\"\ntradeoff:\n  templates_sha256: \"t1\"\n  record_sha256: \"")
        );
        assert!(
            text.ends_with("  number: 1\n  winner: \"axum\"\n\n---\n\n# T\n\nbody\n"),
            "{text}"
        );
        let front = frontmatter::parse(&text);
        assert_eq!(templates_of(front.as_ref()), Some("t1"));
        assert_eq!(intact(&text), Intact::Yes);
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html>\n<head>\n<meta name=\"tradeoff-seal\" content=\"record-sha256:")
        );
        assert!(
            page.ends_with("\">\n<title>T</title>\n</head>\n<body>body</body>\n</html>\n"),
            "{page}"
        );
        assert_eq!(page_intact(&page), Intact::Yes);
        assert!(page_belongs(front.as_ref(), &page));
        assert_eq!(page_intact(&page.replace("body</body>", "edited</body>")), Intact::No);
        assert_eq!(page_intact(PAGE), Intact::Unsealed);
        let (other, _) = seal(RENDERED.replace("axum", "gin"), PAGE.to_owned(), "t1");
        assert!(!page_belongs(frontmatter::parse(&other).as_ref(), &page));
    }

    #[test]
    fn notes_and_trailing_blank_lines_do_not_break_the_seal_but_any_other_edit_does() {
        let (text, _) = sealed();
        assert_eq!(intact(&format!("{text}\n\n## Notes\n\nmine\n")), Intact::Yes);
        assert_eq!(intact(&text.replace("body", "b0dy")), Intact::No);
        assert_eq!(intact(&text.replace("winner: \"axum\"", "winner: \"gin\"")), Intact::No);
        assert_eq!(intact(RENDERED), Intact::Unsealed);
    }

    #[test]
    fn renewing_reseals_only_what_was_intact() {
        let (text, page) = sealed();
        let changed = text.replace("status: \"proposed\"", "status: \"superseded by 0002\"");
        let changed_page = page.replace("body</body>", "superseded</body>");
        assert_eq!(intact(&changed), Intact::No);
        let (renewed, renewed_page) = renew(&changed, Intact::Yes, Some(&changed_page), Intact::Yes);
        assert_eq!(intact(&renewed), Intact::Yes);
        let renewed_page = renewed_page.unwrap();
        assert!(page_belongs(frontmatter::parse(&renewed).as_ref(), &renewed_page));
        let edited = text.replace("body", "hand edit");
        assert_eq!(renew(&edited, Intact::No, None, Intact::No).0, edited);
        let (_, kept) = renew(&renewed, Intact::Yes, Some(&changed_page), Intact::No);
        assert_eq!(kept.as_deref(), Some(changed_page.as_str()));
    }

    #[test]
    fn a_record_from_before_seals_compares_with_the_render_without_them() {
        let (text, page) = sealed();
        assert_eq!(as_unsealed(&text, &page), (RENDERED.to_owned(), PAGE.to_owned()));
        assert_eq!(as_unsealed(RENDERED, PAGE), (RENDERED.to_owned(), PAGE.to_owned()));
    }

    #[test]
    fn markdown_without_our_map_stays_unsealed() {
        let plain = "---\nstatus: \"proposed\"\n---\n\n# T\n".to_owned();
        assert_eq!(seal(plain.clone(), PAGE.to_owned(), "t"), (plain, PAGE.to_owned()));
        let bare = "# no front matter\n".to_owned();
        assert_eq!(seal(bare.clone(), PAGE.to_owned(), "t").0, bare);
    }
}
