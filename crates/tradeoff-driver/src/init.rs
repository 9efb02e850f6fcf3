//! `init`: scaffold a project — a commented starter spec, the reports/ folder and a GitHub
//! Actions workflow running `tradeoff check --format github` on pull requests. Existing files
//! are never overwritten unless forced, and nothing is written if any would be.

use std::path::{Path, PathBuf};

use crate::files::display_path;
use crate::Failure;

const EXAMPLE_SPEC: &str = include_str!("../scaffold/example.tradeoff");
/// The date line of the example spec, replaced by today's date when it is written: a new
/// decision is dated the day it is started.
const EXAMPLE_DATE: &str = "date 2026-11-24";
const WORKFLOW: &str = include_str!("../scaffold/tradeoff.yml");

/// Where the tradeoff sources live when the project is tradeoff's own repository (or a fork):
/// then CI can build the tool from the checkout.
const CLI_MANIFEST: &str = "crates/tradeoff-cli/Cargo.toml";

const INSTALL_FROM_CHECKOUT: &str = "      - name: Install tradeoff
        run: cargo install --locked --path crates/tradeoff-cli";

const INSTALL_UNKNOWN: &str =
    "      # tradeoff is not published to a registry: replace this step with the command your team
      # uses to install it, e.g. `cargo install --locked --git <tradeoff repository URL> tradeoff-cli`.
      - name: Install tradeoff
        run: |
          echo \"edit .github/workflows/tradeoff.yml: add the command that installs tradeoff\" >&2
          exit 1";

/// The files `init` writes, relative to the project folder.
fn scaffold(dir: &Path, today: jiff::civil::Date) -> Vec<(PathBuf, String)> {
    let install = if dir.join(CLI_MANIFEST).is_file() {
        INSTALL_FROM_CHECKOUT
    } else {
        INSTALL_UNKNOWN
    };
    vec![
        (
            PathBuf::from("specs/example.tradeoff"),
            EXAMPLE_SPEC.replacen(EXAMPLE_DATE, &format!("date {today}"), 1),
        ),
        // Git does not keep empty folders; records are written here by `tradeoff decide`.
        (PathBuf::from("reports/.gitkeep"), String::new()),
        (
            PathBuf::from(".github/workflows/tradeoff.yml"),
            WORKFLOW.replace("{install}", install),
        ),
    ]
}

/// Writes the scaffold into `dir` (created if missing); `on_written` hears each file's path
/// relative to `dir` as it is written. Refuses, writing nothing, if a file exists and not `force`.
pub fn init(dir: &Path, force: bool, on_written: &mut dyn FnMut(&Path)) -> Result<(), Failure> {
    let files = scaffold(dir, crate::catalog::today());
    let existing: Vec<String> = files
        .iter()
        .map(|(relative, _)| dir.join(relative))
        .filter(|path| path.exists())
        .map(|path| display_path(&path))
        .collect();
    if !existing.is_empty() && !force {
        return Err(Failure::bad_input_msg(format!(
            "not overwriting existing files: {}\nhelp: move them away, or pass --force to replace them",
            existing.join(", ")
        )));
    }
    for (relative, text) in &files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Failure::bad_input_msg(format!("cannot create `{}`: {e}", parent.display())))?;
        }
        tradeoff_fs::write(&path, text).map_err(|e| Failure::bad_input_msg(e.to_string()))?;
        on_written(relative);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_dated_the_day_it_is_written() {
        assert!(EXAMPLE_SPEC.contains(EXAMPLE_DATE));
        let files = scaffold(Path::new("/nonexistent"), jiff::civil::date(2031, 2, 3));
        assert!(files[0].1.contains("date 2031-02-03"), "{}", files[0].1);
    }
}
