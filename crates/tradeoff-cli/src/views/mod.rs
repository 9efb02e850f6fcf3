//! Plain-text views of plans, catalogs and evaluations for the terminal. Presentation only.

pub mod assurance;
pub mod catalog;
pub mod check;
pub mod coverage;
pub mod evaluation;
pub mod explain;
pub mod plan;
pub mod sarif;

/// Left-aligned text table with a header rule; columns sized to their widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let padded: Vec<String> = cells.zip(&widths).map(|(c, w)| format!("{c:<w$}", w = *w)).collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&mut header.iter().copied());
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&format!("{}\n", rule.join("  ")));
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns() {
        let out = table(&["a", "bb"], &[vec!["long".into(), "x".into()]]);
        assert_eq!(out, "a     bb\n----  --\nlong  x\n");
    }
}
