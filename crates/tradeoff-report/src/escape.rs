//! Escaping for every output language a record is written in: Markdown, YAML front matter,
//! HTML/SVG text and link targets.
//!
//! Spec text and catalog text are untrusted (a spec may be written by anyone who can open a pull
//! request, a user catalog file likewise), so nothing from them may become markup: these
//! functions turn them into inert text of the target language.

use std::borrow::Cow;

/// Characters that start or end Markdown inline constructs (emphasis, code, links, tables).
/// Escaping them with a backslash is valid CommonMark for any ASCII punctuation, so
/// over-escaping is harmless and keeps the rule simple. `<`, `>` and `&` are not among them:
/// they are written as entities (see [`entity`]).
const MARKDOWN_INLINE_SPECIAL: &[u8] = b"\\`*_[]|~#!{}";

/// [`MARKDOWN_INLINE_SPECIAL`] as a table: records escape tens of thousands of bytes each.
const IS_MARKDOWN_INLINE_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < MARKDOWN_INLINE_SPECIAL.len() {
        table[MARKDOWN_INLINE_SPECIAL[i] as usize] = true;
        i += 1;
    }
    table
};

/// The entity for a byte that could open raw HTML or an entity. A backslash is not enough on
/// GitHub: its autolinker takes the backslash into a preceding URL (`https://a/\<img …>`) and
/// the `<` behind it opens a live tag; an entity stays text whatever comes before it.
fn entity(byte: u8) -> Option<&'static str> {
    match byte {
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'&' => Some("&amp;"),
        _ => None,
    }
}

/// Whether the byte at `at` is where GitHub's autolinker would start a link: the `:` of
/// `scheme://` or the `.` of `www.`. A backslash before it keeps the text a plain word.
fn starts_autolink(bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        b':' => bytes[at + 1..].starts_with(b"//"),
        b'.' => at >= 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www"),
        _ => false,
    }
}

/// Markdown for one line of untrusted text: whitespace runs (newlines included) collapse to one
/// space so the text cannot leave the list item or table cell it is placed in.
pub fn markdown_inline(text: &str) -> String {
    markdown_inline_cow(text).into_owned()
}

/// [`markdown_inline`], borrowing `text` when it needs no change (most table cells and names).
pub fn markdown_inline_cow(text: &str) -> Cow<'_, str> {
    match collapse_whitespace(text) {
        Cow::Borrowed(line) => escape_line(line),
        Cow::Owned(line) => Cow::Owned(escape_line(&line).into_owned()),
    }
}

/// `text` with every whitespace run made one space and none at either end.
fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    // The ASCII whitespace `char::is_whitespace` knows: tab, line feed, vertical tab, form
    // feed, carriage return, space.
    let is_space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let at_ends = bytes.first().is_some_and(|&b| is_space(b)) || bytes.last().is_some_and(|&b| is_space(b));
        let in_runs = bytes
            .windows(2)
            .any(|pair| is_space(pair[0]) && (pair[0] != b' ' || is_space(pair[1])));
        if !at_ends && !in_runs {
            return Cow::Borrowed(text);
        }
    }
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    Cow::Owned(collapsed)
}

/// Markdown for multi-paragraph untrusted text: line structure is kept (so paragraphs survive)
/// but no line can open a heading, list, quote, code fence, table or HTML block.
pub fn markdown_block(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = normalized
        .lines()
        .map(|line| {
            // Leading indentation would make an indented code block; it carries no meaning here.
            let trimmed = line.trim();
            escape_line(trimmed).into_owned()
        })
        .collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

fn escape_line(line: &str) -> Cow<'_, str> {
    let line = tradeoff_lang::visible::visible(line);
    let escaped = match escape_visible_line(&line) {
        Cow::Borrowed(_) => None,
        Cow::Owned(escaped) => Some(escaped),
    };
    escaped.map_or(line, Cow::Owned)
}

/// [`escape_line`] for a line with no hidden characters left.
fn escape_visible_line(line: &str) -> Cow<'_, str> {
    let mut chars = line.chars();
    let (first, second) = (chars.next(), chars.next());
    // "- x", "+ x", "--", "==" at the start of a line open a list, a rule or a setext heading.
    let marker =
        matches!(first, Some('-' | '+' | '=')) && second.is_none_or(|next| next.is_whitespace() || Some(next) == first);
    // "1. x" or "1) x" at the start of a line is an ordered list item: escape its `.` or `)`.
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let list_marker = digits > 0
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && line[digits + 1..].chars().next().is_none_or(char::is_whitespace);
    let escaped_at = |at: usize, byte: u8| {
        IS_MARKDOWN_INLINE_SPECIAL[usize::from(byte)]
            || (at == 0 && marker)
            || (list_marker && at == digits)
            || starts_autolink(bytes, at)
    };
    if !bytes
        .iter()
        .enumerate()
        .any(|(at, &byte)| escaped_at(at, byte) || entity(byte).is_some())
    {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    // Every character escaped is ASCII, so scanning bytes never splits a UTF-8 sequence.
    let mut copied = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        if let Some(entity) = entity(byte) {
            out.push_str(&line[copied..at]);
            out.push_str(entity);
            copied = at + 1;
        } else if escaped_at(at, byte) {
            out.push_str(&line[copied..at]);
            out.push('\\');
            copied = at;
        }
    }
    out.push_str(&line[copied..]);
    Cow::Owned(out)
}

/// Text inside a Markdown code span: a backtick would close it early and a line break end it,
/// and nothing can be escaped inside one.
pub fn code_span(text: &str) -> String {
    tradeoff_lang::visible::visible(text)
        .replace('`', "'")
        .replace(['\r', '\n', '\t'], " ")
}

/// A YAML double-quoted scalar. Only the escapes `\\`, `\"` and `\uXXXX` are used, which are
/// also JSON escapes, so the value can be read back with a JSON string parser.
pub fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            // Control characters, the characters YAML treats as line breaks or a BOM, and
            // hidden characters (bidi overrides, zero-width): escaped, so they show.
            c if c.is_control()
                || matches!(c, '\u{2028}' | '\u{2029}')
                || tradeoff_lang::visible::stand_in(c).is_some() =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text content or attribute value for HTML and SVG.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match tradeoff_lang::visible::stand_in(c).unwrap_or(c) {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Characters no link target may hold: whitespace, controls, and hidden characters (a bidi
/// override would make the shown URL differ from the one followed).
fn hidden_in_url(c: char) -> bool {
    c.is_whitespace() || c.is_control() || tradeoff_lang::visible::stand_in(c).is_some()
}

/// True for link targets a record may point at: web pages, never `javascript:` or `data:`.
pub fn is_web_url(url: &str) -> bool {
    let scheme = |prefix: &str| {
        url.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    // In ASCII, whitespace and control characters are exactly the bytes up to space, and DEL.
    let clean = if url.is_ascii() {
        !url.bytes().any(|b| b <= b' ' || b == 0x7f)
    } else {
        !url.chars().any(hidden_in_url)
    };
    (scheme("https://") || scheme("http://")) && clean
}

/// A Markdown link destination: characters that could end the destination or a table cell are
/// percent-encoded, which leaves the URL meaning the same.
fn markdown_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            '\'' => out.push_str("%27"),
            '`' => out.push_str("%60"),
            '\\' => out.push_str("%5C"),
            '|' => out.push_str("%7C"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            c => out.push(c),
        }
    }
    out
}

/// A catalog `source` as Markdown: its leading URL becomes a link (only if it is a web URL),
/// anything after it (e.g. "(run 91a6…)") stays escaped text.
pub fn markdown_source(source: &str) -> String {
    let source = source.trim();
    let (head, rest) = match source.find(char::is_whitespace) {
        Some(at) => (&source[..at], source[at..].trim()),
        None => (source, ""),
    };
    if !is_web_url(head) {
        return markdown_inline(source);
    }
    let label = head.split_once("://").map_or(head, |(_, after)| after);
    let mut out = format!("[{}]({})", markdown_inline(label), markdown_destination(head));
    if !rest.is_empty() {
        out.push(' ');
        out.push_str(&markdown_inline(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first, char-by-char version of `escape_line`, kept as the reference the faster
    /// byte-scanning one must agree with.
    fn reference_escape_line(line: &str) -> String {
        const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '|', '~', '#', '!', '{', '}'];
        let mut out = String::new();
        let chars: Vec<char> = line.chars().collect();
        let marker = matches!(chars.first(), Some('-' | '+' | '='))
            && chars
                .get(1)
                .is_none_or(|next| next.is_whitespace() || Some(next) == chars.first());
        for (i, c) in chars.iter().enumerate() {
            let autolink = (*c == ':' && chars[i + 1..].starts_with(&['/', '/']))
                || (*c == '.' && i >= 3 && chars[i - 3..i].iter().collect::<String>().eq_ignore_ascii_case("www"));
            if SPECIAL.contains(c) || (i == 0 && marker) || autolink {
                out.push('\\');
            }
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                c => out.push(*c),
            }
        }
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0
            && matches!(chars.get(digits), Some('.' | ')'))
            && chars.get(digits + 1).is_none_or(|next| next.is_whitespace())
        {
            out.insert(digits, '\\');
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn escaping_agrees_with_the_reference(line in "[0-9]{0,3}[.)=+-]{0,2}[ \\t0-9a-zW.:/)=+\\-\\\\`*_\\[\\]<>|~#&!{}é€]{0,10}") {
            proptest::prop_assert_eq!(escape_line(&line).into_owned(), reference_escape_line(&line));
        }

        #[test]
        fn escaping_agrees_with_the_reference_on_any_text(line in "\\PC{0,40}") {
            let visible = tradeoff_lang::visible::visible(&line);
            proptest::prop_assert_eq!(escape_line(&line).into_owned(), reference_escape_line(&visible));
        }

        #[test]
        fn inline_text_agrees_with_collapsing_then_escaping(text in "[ \t\n\r\u{b}\u{c}\u{a0}\u{2003}a-z1.)*_-]{0,16}") {
            let reference = reference_escape_line(&text.split_whitespace().collect::<Vec<_>>().join(" "));
            proptest::prop_assert_eq!(markdown_inline(&text), reference);
        }

        #[test]
        fn web_urls_are_judged_alike_by_bytes_and_by_chars(url in "https?://[a-z \t\u{7f}\u{1}\u{a0}\u{85}é/.]{0,12}") {
            let by_chars = !url.chars().any(hidden_in_url);
            proptest::prop_assert_eq!(is_web_url(&url), by_chars);
        }
    }

    #[test]
    fn markdown_inline_neutralises_html_and_links() {
        assert_eq!(
            markdown_inline("<script>alert(1)</script> [x](javascript:y)"),
            "&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:y)"
        );
        assert_eq!(
            markdown_inline("Pick https://a.example/<img src=\"https://e.example/t.png\"> & www.x.example"),
            "Pick https\\://a.example/&lt;img src=\"https\\://e.example/t.png\"&gt; &amp; www\\.x.example"
        );
        assert_eq!(
            markdown_inline("evil\u{202e}gpj.exe\u{200b}\x1b[2J"),
            "evil\u{fffd}gpj.exe\u{fffd}\u{241b}\\[2J"
        );
        assert_eq!(markdown_inline("a\n\n# b | c"), "a \\# b \\| c");
        assert_eq!(markdown_inline("0.703"), "0.703");
        assert_eq!(markdown_inline("-0.5 and -- x"), "-0.5 and -- x");
        assert_eq!(markdown_inline("- x"), "\\- x");
    }

    #[test]
    fn markdown_block_keeps_paragraphs_but_not_block_syntax() {
        let text = "First line\n    - not a list\n\n1. not ordered\n```\n> quote";
        assert_eq!(
            markdown_block(text),
            "First line\n\\- not a list\n\n1\\. not ordered\n\\`\\`\\`\n&gt; quote"
        );
    }

    #[test]
    fn yaml_string_round_trips_through_a_json_parser() {
        for text in [
            "plain",
            "quote \" back \\ slash",
            "new\nline\u{2028}",
            "--> ]]> <script>",
            "bidi \u{202e} zero \u{200b} width",
        ] {
            let quoted = yaml_string(text);
            let back: String = serde_json::from_str(&quoted).unwrap();
            assert_eq!(back, text);
            assert!(!quoted[1..quoted.len() - 1].contains('\n'));
        }
    }

    #[test]
    fn sources_link_only_web_urls() {
        assert_eq!(
            markdown_source("https://example.org/a_(b) (run 1)"),
            "[example.org/a\\_(b)](https://example.org/a_%28b%29) (run 1)"
        );
        assert_eq!(markdown_source("javascript:alert(1)"), "javascript:alert(1)");
        assert!(!is_web_url("https://a b"));
        assert!(!is_web_url("https://a.example/\u{202e}gpj"));
    }

    #[test]
    fn html_text_escapes_quotes_and_markup() {
        assert_eq!(
            html_text(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(html_text("a\u{202e}b\u{1b}"), "a\u{fffd}b\u{241b}");
    }
}
