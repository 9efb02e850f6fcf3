//! The minijinja environment: built-in template files, per-project overrides, the escaping
//! filters templates use, and rendering of records and the index.
//!
//! Undefined values are errors (strict mode) so a typo in an overriding template fails loudly
//! instead of silently dropping a section from a decision record.

use std::path::Path;

use minijinja::{context, AutoEscape, Environment, UndefinedBehavior, Value};

use crate::comparison::ComparisonModel;
use crate::decision_marks;
use crate::error::ReportError;
use crate::escape;
use crate::html;
use crate::index::IndexModel;
use crate::record::RecordModel;
use crate::svg;

pub const RECORD_MARKDOWN: &str = "record.md.j2";
pub const RECORD_HTML: &str = "record.html.j2";
pub const INDEX_MARKDOWN: &str = "index.md.j2";
pub const INDEX_HTML: &str = "index.html.j2";
pub const COMPARISON_MARKDOWN: &str = "comparison.md.j2";
/// The "How sure is this?" section, included by the record template.
pub const ASSURANCE_MARKDOWN: &str = "assurance.md.j2";

/// The built-in templates, by file name.
const BUILTIN: [(&str, &str); 6] = [
    (RECORD_MARKDOWN, include_str!("../templates/record.md.j2")),
    (RECORD_HTML, include_str!("../templates/record.html.j2")),
    (INDEX_MARKDOWN, include_str!("../templates/index.md.j2")),
    (INDEX_HTML, include_str!("../templates/index.html.j2")),
    (COMPARISON_MARKDOWN, include_str!("../templates/comparison.md.j2")),
    (ASSURANCE_MARKDOWN, include_str!("../templates/assurance.md.j2")),
];

/// A record rendered in both formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedRecord {
    pub markdown: String,
    pub html: String,
}

/// The decision log rendered in both formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedIndex {
    pub markdown: String,
    pub html: String,
}

/// The templates a record is rendered with (the record template includes the assurance one):
/// their sources make the fingerprint a record's seal names.
const RECORD_TEMPLATES: [&str; 3] = [RECORD_MARKDOWN, RECORD_HTML, ASSURANCE_MARKDOWN];

/// The record, decision log and comparison templates, ready to render.
pub struct Templates {
    env: Environment<'static>,
    /// SHA-256 over the names and sources of [`RECORD_TEMPLATES`].
    record_fingerprint: String,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").finish_non_exhaustive()
    }
}

impl Templates {
    /// The templates shipped with tradeoff.
    pub fn builtin() -> Templates {
        let sources = BUILTIN
            .iter()
            .map(|(name, source)| (*name, (*source).to_owned()))
            .collect();
        // The built-in templates are tested; failing here is a bug in this crate, not bad input.
        Templates::from_sources(sources, &[]).expect("built-in templates compile")
    }

    /// The built-in templates, except those with a same-named file in `dir` (a project's
    /// `templates/` folder). A missing `dir` means no overrides.
    pub fn with_overrides(dir: &Path) -> Result<Templates, ReportError> {
        let mut sources = Vec::with_capacity(BUILTIN.len());
        let mut overridden = Vec::new();
        for (name, builtin) in BUILTIN {
            let path = dir.join(name);
            let source = match std::fs::read_to_string(&path) {
                Ok(text) => {
                    overridden.push(name);
                    text
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => builtin.to_owned(),
                Err(e) => return Err(ReportError::io("read template", path, e)),
            };
            sources.push((name, source));
        }
        Templates::from_sources(sources, &overridden)
    }

    /// Templates from their sources. The built-in ones are compiled when first used (a run
    /// that finds every record current renders none); those in `eager` (a project's own
    /// files) are compiled now, so a mistake in them is reported before any work is done.
    fn from_sources(sources: Vec<(&'static str, String)>, eager: &[&str]) -> Result<Templates, ReportError> {
        let record_fingerprint = fingerprint(&sources);
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_keep_trailing_newline(true);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(visible_formatter);
        env.add_filter("md", md_filter);
        env.add_filter("md_block", |text: &str| escape::markdown_block(text));
        env.add_filter("source", |text: &str| escape::markdown_source(text));
        env.add_filter("code", |text: &str| escape::code_span(text));
        env.add_filter("yaml", yaml_filter);
        env.add_filter("html", |text: &str| escape::html_text(text));
        let mut lazy = std::collections::BTreeMap::new();
        for (name, source) in sources {
            if eager.contains(&name) {
                env.add_template_owned(name, source)
                    .map_err(|e| ReportError::template(name, &e))?;
            } else {
                lazy.insert(name, source);
            }
        }
        env.set_loader(move |name| Ok(lazy.get(name).cloned()));
        Ok(Templates {
            env,
            record_fingerprint,
        })
    }

    /// What identifies the templates a record is rendered with: a record sealed with another
    /// fingerprint is rendered again before it is called current.
    pub fn record_fingerprint(&self) -> &str {
        &self.record_fingerprint
    }

    fn render(&self, name: &str, ctx: Value) -> Result<String, ReportError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| ReportError::template(name, &e))?;
        template.render(ctx).map_err(|e| ReportError::template(name, &e))
    }

    /// Renders a record as Markdown (MADR 4) and as a self-contained HTML page whose body is
    /// that Markdown converted, with the SVG chart in place of the Mermaid one.
    pub fn render_record(&self, record: &RecordModel) -> Result<RenderedRecord, ReportError> {
        let mut charts = vec![(
            record.chart.mermaid.as_str(),
            svg::bar_chart(&record.chart, "chart-title"),
        )];
        if let Some(assurance) = &record.assurance {
            charts.push((
                assurance.chart.mermaid.as_str(),
                svg::bar_chart(&assurance.chart, "acceptability-title"),
            ));
        }
        // Converted to a template value once: both pages read it, and it is a large tree.
        let model = Value::from_serialize(record);
        let markdown = self.render(RECORD_MARKDOWN, context! { record => model.clone() })?;
        let body = decision_marks::mark_decision(html::markdown_to_html(html::strip_front_matter(&markdown), &charts));
        let record = model;
        let html = self.render(RECORD_HTML, context! { record, body => Value::from_safe_string(body) })?;
        Ok(RenderedRecord { markdown, html })
    }

    /// Renders the decision log.
    pub fn render_index(&self, index: &IndexModel) -> Result<RenderedIndex, ReportError> {
        let markdown = self.render(INDEX_MARKDOWN, context! { index => index })?;
        let html = self.render(INDEX_HTML, context! { index => index })?;
        Ok(RenderedIndex { markdown, html })
    }

    /// Renders the pull-request comment comparing two versions of a decision.
    pub fn render_comparison(&self, comparison: &ComparisonModel) -> Result<String, ReportError> {
        self.render(COMPARISON_MARKDOWN, context! { comparison => comparison })
    }
}

/// SHA-256 over the record templates' names and sources, each length-prefixed so no two sets
/// of sources hash alike.
fn fingerprint(sources: &[(&'static str, String)]) -> String {
    let mut hashed = Vec::new();
    for (name, source) in sources.iter().filter(|(name, _)| RECORD_TEMPLATES.contains(name)) {
        for part in [name.as_bytes(), source.as_bytes()] {
            hashed.extend_from_slice(&(part.len() as u64).to_le_bytes());
            hashed.extend_from_slice(part);
        }
    }
    crate::store::sha256_hex(&hashed)
}

impl Default for Templates {
    fn default() -> Templates {
        Templates::builtin()
    }
}

/// Every value a template prints, in every output language: hidden characters (bidi overrides,
/// zero-width characters, controls) made visible first, whichever filter the template author
/// used or forgot, then escaped as the template's language requires. Values marked safe (the
/// HTML body converted from the already sanitized Markdown) are left alone.
fn visible_formatter(
    out: &mut minijinja::Output,
    state: &minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if let Some(text) = value.as_str().filter(|_| !value.is_safe()) {
        if let std::borrow::Cow::Owned(shown) = tradeoff_lang::visible::visible(text) {
            return minijinja::escape_formatter(out, state, &Value::from(shown));
        }
    }
    minijinja::escape_formatter(out, state, value)
}

/// `md`: [`escape::markdown_inline`], handing back the value itself when it needs no change
/// (most of a record's table cells and names), which saves copying it.
fn md_filter(value: &Value) -> Result<Value, minijinja::Error> {
    let text = value
        .as_str()
        .ok_or_else(|| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, "value is not a string"))?;
    Ok(match escape::markdown_inline_cow(text) {
        // A safe string would stay safe if handed back; a filter's output never is.
        std::borrow::Cow::Borrowed(_) if !value.is_safe() => value.clone(),
        escaped => Value::from(escaped.into_owned()),
    })
}

/// YAML flow value: strings double-quoted, sequences as `[…]`, numbers as is, none as `null`.
fn yaml_filter(value: &Value) -> Result<String, minijinja::Error> {
    use minijinja::value::ValueKind;
    match value.kind() {
        ValueKind::None | ValueKind::Undefined => Ok("null".to_owned()),
        ValueKind::Bool | ValueKind::Number => Ok(value.to_string()),
        ValueKind::String => Ok(escape::yaml_string(value.as_str().unwrap_or_default())),
        ValueKind::Seq => {
            let items = value
                .try_iter()?
                .map(|item| yaml_filter(&item))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(format!("[{}]", items.join(", ")))
        }
        _ => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("the yaml filter takes a string, number or list, not {}", value.kind()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_md_filter(template: &'static str, value: Value) -> String {
        let templates = Templates::from_sources(vec![(template, "{{ text|md }}".to_owned())], &[]).unwrap();
        templates.render(template, context! { text => value }).unwrap()
    }

    #[test]
    fn md_output_is_never_marked_safe_even_when_its_input_was() {
        // `md` hands back its input when nothing needs escaping; a safe input must not come
        // back safe, or an HTML template would print its quotes unescaped.
        let page = render_md_filter("t.html.j2", Value::from_safe_string("say \"hi\"".to_owned()));
        assert_eq!(page, "say &quot;hi&quot;");
        let plain = render_md_filter("t.md.j2", Value::from("a | b"));
        assert_eq!(plain, "a \\| b");
    }

    #[test]
    fn md_rejects_a_value_that_is_not_text() {
        let templates = Templates::from_sources(vec![("t.md.j2", "{{ 3|md }}".to_owned())], &[]).unwrap();
        assert!(templates.render("t.md.j2", context! {}).is_err());
    }
}
