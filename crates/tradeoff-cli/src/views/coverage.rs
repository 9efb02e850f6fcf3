//! `catalog coverage` as text: a framework × criterion grid and its summary line.

use tradeoff_core::coverage::{Coverage, State};

use super::table;

fn mark(state: State) -> &'static str {
    match state {
        State::Known => "known",
        State::Bound => "bound",
        State::Unknown => "-",
    }
}

/// The line README quotes: how much of the matrix rests on sourced figures.
pub fn summary_line(coverage: &Coverage) -> String {
    let s = &coverage.summary;
    format!(
        "coverage: {} of {} cells known ({}%), {} bound only, {} unknown; performance measured for {} of {} \
         frameworks, community for {}",
        s.known, s.cells, s.known_pct, s.bound, s.unknown, s.with_performance, s.frameworks, s.with_community
    )
}

pub fn render(coverage: &Coverage) -> String {
    let mut header = vec!["framework"];
    header.extend(coverage.criteria.iter().map(|c| c.name()));
    let rows: Vec<Vec<String>> = coverage
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.framework.clone()];
            cells.extend(
                coverage
                    .criteria
                    .iter()
                    .map(|c| row.cells.get(c).map_or("-", |cell| mark(cell.state)).to_string()),
            );
            cells
        })
        .collect();
    format!(
        "{}\n{}\nknown: rests on at least one sourced figure; bound: only an upper bound; -: nothing known.\n\
         `--format json` lists every cell's sources and dates.\n",
        table(&header, &rows),
        summary_line(coverage)
    )
}
