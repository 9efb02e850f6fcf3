//! The HTML record's chart: a horizontal bar chart of primary-method totals as inline SVG, so
//! the page needs no script and no external asset, scales to a phone and prints.

use std::fmt::Write;

use crate::escape::html_text;
use crate::record::ChartModel;

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 170.0;
const VALUE_WIDTH: f64 = 56.0;
const BAR_HEIGHT: f64 = 22.0;
const GAP: f64 = 10.0;
const TOP: f64 = 34.0;
const AXIS: f64 = 24.0;

/// Longer labels would run into the bars; the full name is kept in the bar's `<title>`.
const LABEL_CHARS: usize = 22;

fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let kept: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{kept}…")
    }
}

/// The chart as a standalone `<svg>` element. Totals are on a fixed 0..1 axis so charts of
/// different records compare by eye.
/// `title_id` names the chart's title element; it must be unique on the page.
pub fn bar_chart(chart: &ChartModel, title_id: &str) -> String {
    let plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let rows = chart.bars.len().max(1) as f64;
    let height = TOP + rows * (BAR_HEIGHT + GAP) + AXIS;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-labelledby=\"{title_id}\">\n<title id=\"{title_id}\">{}</title>\n",
        html_text(&chart.title)
    );
    let _ = writeln!(
        svg,
        "<text x=\"0\" y=\"18\" class=\"chart-heading\">{}</text>",
        html_text(&chart.title)
    );
    if chart.bars.is_empty() {
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{}\">No option has a total to chart.</text>",
            TOP + BAR_HEIGHT * 0.7
        );
    }
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = TOP + i as f64 * (BAR_HEIGHT + GAP);
        let length = (bar.value.clamp(0.0, 1.0) * plot).max(1.0);
        let text_y = y + BAR_HEIGHT * 0.7;
        let _ = writeln!(
            svg,
            "<g class=\"bar{}\"><title>{}: {}</title>\
             <text x=\"{}\" y=\"{text_y:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL_WIDTH}\" y=\"{y:.1}\" width=\"{length:.1}\" height=\"{BAR_HEIGHT}\" rx=\"3\"/>\
             <text x=\"{:.1}\" y=\"{text_y:.1}\">{}</text></g>",
            if i == 0 { " first" } else { "" },
            html_text(&bar.label),
            html_text(&bar.value_text),
            LABEL_WIDTH - 8.0,
            html_text(&shorten(&bar.label)),
            LABEL_WIDTH + length + 6.0,
            html_text(&bar.value_text),
        );
    }
    let axis_y = TOP + rows * (BAR_HEIGHT + GAP);
    let _ = writeln!(
        svg,
        "<line x1=\"{LABEL_WIDTH}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" class=\"axis\"/>",
        LABEL_WIDTH + plot
    );
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = LABEL_WIDTH + tick * plot;
        let _ = writeln!(
            svg,
            "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"tick\">{tick:.2}</text>",
            axis_y + 16.0
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ChartBar;

    fn chart_with(title: &str, bars: &[(&str, f64)]) -> ChartModel {
        ChartModel {
            title: title.to_owned(),
            bars: bars
                .iter()
                .map(|(label, value)| ChartBar {
                    label: (*label).to_owned(),
                    value: *value,
                    value_text: format!("{value:.3}"),
                })
                .collect(),
            omitted: Vec::new(),
            mermaid: String::new(),
        }
    }

    #[test]
    fn labels_and_title_are_escaped() {
        let svg = bar_chart(
            &chart_with("<script>alert(1)</script>", &[("A&B <x>", 0.5)]),
            "chart-title",
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("A&amp;B &lt;x&gt;"));
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
    }

    #[test]
    fn bar_length_is_proportional_to_the_total() {
        let svg = bar_chart(&chart_with("t", &[("A", 1.0), ("B", 0.5)]), "chart-title");
        let plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        assert!(svg.contains(&format!("width=\"{:.1}\"", plot)));
        assert!(svg.contains(&format!("width=\"{:.1}\"", plot / 2.0)));
    }

    #[test]
    fn long_labels_are_shortened_but_kept_in_the_tooltip() {
        let long = "An extremely long framework name indeed";
        let svg = bar_chart(&chart_with("t", &[(long, 0.3)]), "chart-title");
        assert!(svg.contains(&format!("<title>{long}: 0.300</title>")));
        assert!(svg.contains(&format!(">{}</text>", shorten(long))));
        assert!(shorten(long).chars().count() == LABEL_CHARS);
    }
}
