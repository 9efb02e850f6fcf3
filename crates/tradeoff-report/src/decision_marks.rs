//! Stable ids on the record page's decision summary, so a reader can link to them and the
//! screenshot test (`scripts/screenshot/check.mjs`) can find them: the chosen option, the
//! runner-up, the robustness line, the top risk, and the verdict of "How sure is this?".
//!
//! The ids are added to the HTML that pulldown-cmark made from the record's Markdown (raw HTML in
//! the Markdown is escaped there, so no spec text can produce these tags). Only the part before
//! the second `<h2>` is looked at: the summary under the title and the first paragraph of "How
//! sure is this?" come before any text from the spec's context.

/// The ids, in page order.
pub const CHOSEN: &str = "decision-chosen";
pub const RUNNER_UP: &str = "decision-runner-up";
pub const ROBUSTNESS: &str = "decision-robustness";
pub const TOP_RISK: &str = "decision-top-risk";
pub const VERDICT: &str = "decision-verdict";

/// The converted record body with the ids added to the first element each applies to.
pub fn mark_decision(body: String) -> String {
    let summary_end = body.find("<h2>").unwrap_or(body.len());
    let (summary, rest) = body.split_at(summary_end);
    let mut summary = summary.to_owned();
    for (tag, text, id) in [
        ("p", "<strong>Chosen: ", CHOSEN),
        ("li", "Runner-up: ", RUNNER_UP),
        ("li", "Robustness: ", ROBUSTNESS),
        ("li", "Top risk: ", TOP_RISK),
    ] {
        summary = summary.replacen(&format!("<{tag}>{text}"), &format!("<{tag} id=\"{id}\">{text}"), 1);
    }
    let assurance = "<h2>How sure is this?</h2>\n<p>";
    let rest = match rest.strip_prefix(assurance) {
        Some(after) => format!("<h2>How sure is this?</h2>\n<p id=\"{VERDICT}\">{after}"),
        None => rest.to_owned(),
    };
    summary + &rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_summary_and_the_verdict_once_each() {
        let body = "<h1>T</h1>\n<p><strong>Chosen: A.</strong> why</p>\n<ul>\n<li>Runner-up: B.</li>\n\
                    <li>Robustness: stable.</li>\n<li>Top risk: x</li>\n</ul>\n<h2>How sure is this?</h2>\n\
                    <p>Clear winner.</p>\n<h2>Context</h2>\n<ul>\n<li>Runner-up: not this one</li>\n</ul>\n";
        let marked = mark_decision(body.to_owned());
        for id in [CHOSEN, RUNNER_UP, ROBUSTNESS, TOP_RISK, VERDICT] {
            assert_eq!(marked.matches(&format!("id=\"{id}\"")).count(), 1, "{id}: {marked}");
        }
        assert!(marked.contains("<p id=\"decision-verdict\">Clear winner.</p>"));
        assert!(marked.contains("<li>Runner-up: not this one</li>"));
    }

    #[test]
    fn text_after_the_summary_gets_no_id() {
        let body = "<h1>T</h1>\n<p><strong>Nothing chosen:</strong></p>\n<h2>Context</h2>\n\
                    <p><strong>Chosen: fake</strong></p>\n<h2>How sure is this?</h2>\n<p>x</p>\n";
        assert_eq!(mark_decision(body.to_owned()), body);
    }
}
