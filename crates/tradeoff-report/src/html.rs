//! Markdown → HTML for the record page, through pulldown-cmark.
//!
//! The Markdown is already escaped, but this pass does not rely on it: raw HTML becomes text,
//! links that are not web or relative links lose their target, images (external assets) become
//! their alt text, and the Mermaid block (which needs JavaScript) is replaced by the SVG chart.

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::escape::is_web_url;

/// The Markdown after its YAML front matter, which is metadata and not part of the page body.
pub fn strip_front_matter(markdown: &str) -> &str {
    let Some(rest) = markdown.strip_prefix("---\n") else {
        return markdown;
    };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + "\n---\n".len()..],
        None => markdown,
    }
}

/// Links to other records in the same folder ("0003-x.html") and in-page anchors are safe.
fn is_safe_destination(url: &str) -> bool {
    if is_web_url(url) || url.starts_with('#') {
        return true;
    }
    let relative_file = !url.contains(':') && !url.starts_with('/') && !url.starts_with('\\') && !url.contains("..");
    relative_file && !url.is_empty()
}

/// Record links point at `.md` files so they work on GitHub; on the HTML page the sibling
/// `.html` file is the better target.
fn html_destination(url: CowStr<'_>) -> CowStr<'_> {
    if !url.contains(':') && url.ends_with(".md") {
        CowStr::from(format!("{}.html", &url[..url.len() - 3]))
    } else {
        url
    }
}

/// `<details>`, `</details>` or `<summary>text</summary>` alone on a line, the text free of
/// markup (the template escapes it): the only raw HTML a record page keeps.
pub fn is_collapsible_tag(line: &str) -> bool {
    let line = line.trim_end_matches('\n');
    if line == "<details>" || line == "</details>" {
        return true;
    }
    line.strip_prefix("<summary>")
        .and_then(|rest| rest.strip_suffix("</summary>"))
        .is_some_and(|inner| !inner.contains(['<', '>']))
}

/// Converts a record body (front matter already stripped) to HTML, each Mermaid block replaced by
/// the SVG of the chart whose Mermaid definition it holds (`charts`: definition, SVG); a block
/// matching none (an overriding template changed it) gets the first chart.
pub fn markdown_to_html(markdown: &str, charts: &[(&str, String)]) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_mermaid = false;
    let mut definition = String::new();
    // One entry per open link: whether its start tag was kept, so its end tag matches.
    let mut links: Vec<bool> = Vec::new();
    let mut image_depth = 0usize;
    // Each event becomes at most one event, so the pass streams into the HTML writer.
    let events = Parser::new_ext(markdown, options).filter_map(|event| {
        if in_mermaid {
            match event {
                Event::End(TagEnd::CodeBlock) => {
                    in_mermaid = false;
                    let svg = charts
                        .iter()
                        .find(|(mermaid, _)| mermaid.trim() == definition.trim())
                        .or(charts.first())
                        .map_or("", |(_, svg)| svg.as_str());
                    definition.clear();
                    return Some(Event::Html(CowStr::from(format!(
                        "<figure class=\"chart\">{svg}</figure>\n"
                    ))));
                }
                Event::Text(text) => definition.push_str(&text),
                _ => {}
            }
            return None;
        }
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref lang))) if lang.as_ref() == "mermaid" => {
                in_mermaid = true;
                None
            }
            // Block HTML: the collapsible sections the record template writes pass through;
            // anything else becomes a paragraph of text.
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => None,
            Event::Html(text) if is_collapsible_tag(&text) => Some(Event::Html(text)),
            Event::Html(text) => Some(Event::Html(CowStr::from(format!(
                "<p>{}</p>\n",
                crate::escape::html_text(text.trim_end_matches('\n'))
            )))),
            Event::InlineHtml(text) => Some(Event::Text(text)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = is_safe_destination(&dest_url) && image_depth == 0;
                links.push(keep);
                keep.then(|| {
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url: html_destination(dest_url),
                        title,
                        id,
                    })
                })
            }
            Event::End(TagEnd::Link) => links.pop().unwrap_or(false).then_some(Event::End(TagEnd::Link)),
            Event::Start(Tag::Image { .. }) => {
                image_depth += 1;
                None
            }
            Event::End(TagEnd::Image) => {
                image_depth = image_depth.saturating_sub(1);
                None
            }
            other => Some(other),
        }
    });
    let charts_len: usize = charts.iter().map(|(_, svg)| svg.len()).sum();
    let mut out = String::with_capacity(markdown.len() * 3 / 2 + charts_len);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_becomes_text() {
        let out = markdown_to_html("<script>alert(1)</script>\n\ntext <b onclick=x>bold</b>\n", &[]);
        assert!(!out.contains("<script>"));
        assert!(!out.contains("<b "));
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(out.contains("&lt;b onclick=x&gt;"));
    }

    #[test]
    fn unsafe_links_and_images_lose_their_targets() {
        let out = markdown_to_html(
            "[a](javascript:alert(1)) [b](https://example.org) [c](0002-x.md) ![d](https://evil.example/i.png)\n",
            &[],
        );
        assert!(!out.contains("javascript:"));
        assert!(out.contains("<a href=\"https://example.org\">b</a>"));
        assert!(out.contains("<a href=\"0002-x.html\">c</a>"));
        assert!(!out.contains("<img"));
        assert!(!out.contains("evil.example"));
        assert!(out.contains('d'));
    }

    #[test]
    fn mermaid_block_is_replaced_by_the_chart() {
        let out = markdown_to_html(
            "before\n\n```mermaid\nxychart-beta\n```\n\nafter\n",
            &[("xychart-beta", "<svg>chart</svg>".to_owned())],
        );
        assert!(out.contains("<figure class=\"chart\"><svg>chart</svg></figure>"));
        assert!(!out.contains("xychart-beta"));
        assert!(out.find("before").unwrap() < out.find("<svg>").unwrap());
        assert!(out.find("<svg>").unwrap() < out.find("after").unwrap());
    }

    #[test]
    fn each_mermaid_block_gets_the_chart_it_defines() {
        let charts = [
            ("xychart-beta\n    title \"totals\"", "<svg>totals</svg>".to_owned()),
            ("xychart-beta\n    title \"wins\"", "<svg>wins</svg>".to_owned()),
        ];
        let out = markdown_to_html(
            "```mermaid\nxychart-beta\n    title \"wins\"\n```\n\nmiddle\n\n```mermaid\nxychart-beta\n    title \"totals\"\n```\n",
            &charts,
        );
        assert!(out.find("<svg>wins</svg>").unwrap() < out.find("middle").unwrap());
        assert!(out.find("middle").unwrap() < out.find("<svg>totals</svg>").unwrap());
    }

    #[test]
    fn only_the_collapsible_tags_pass_through() {
        let out = markdown_to_html(
            "<details>\n<summary>Why: A &amp; B</summary>\n\n* item\n\n</details>\n\n<div>x</div>\n\n<details open onclick=x>\n",
            &[],
        );
        assert!(out.contains("<details>\n<summary>Why: A &amp; B</summary>\n"));
        assert!(out.contains("<li>item</li>"));
        assert!(out.contains("</details>"));
        assert!(out.contains("<p>&lt;div&gt;x&lt;/div&gt;</p>"));
        assert!(out.contains("<p>&lt;details open onclick=x&gt;</p>"));
        assert!(!is_collapsible_tag("<summary><b>x</b></summary>"));
    }

    #[test]
    fn tables_render() {
        let out = markdown_to_html("| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n", &[]);
        assert!(out.contains("<table>"));
        assert!(out.contains("<td>1 | 2</td>"));
    }

    #[test]
    fn front_matter_is_stripped() {
        assert_eq!(strip_front_matter("---\nstatus: \"x\"\n---\n# T\n"), "# T\n");
        assert_eq!(strip_front_matter("# T\n"), "# T\n");
    }
}
