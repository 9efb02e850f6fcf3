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

/// Installs from a git repository the user names (`init --install-from URL`), pinned to this
/// version's tag, with the binary cached between runs under a key that changes with the version.
const INSTALL_FROM_GIT: &str = "      - name: Cache the tradeoff binary
        id: cache
        uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/tradeoff
          key: tradeoff-${{ runner.os }}-{version}
      - name: Install tradeoff
        if: steps.cache.outputs.cache-hit != 'true'
        run: cargo install --locked --git {url} --tag v{version} tradeoff-cli";

const INSTALL_UNKNOWN: &str =
    "      # tradeoff is not published to a registry: replace this step with the command your team
      # uses to install it, e.g. `cargo install --locked --git <tradeoff repository URL> tradeoff-cli`.
      - name: Install tradeoff
        run: |
          echo \"edit .github/workflows/tradeoff.yml: add the command that installs tradeoff\" >&2
          exit 1";

/// The files `init` writes, relative to the project folder.
fn scaffold(dir: &Path, today: jiff::civil::Date, install_from: Option<&str>) -> Vec<(PathBuf, String)> {
    let install = match install_from {
        Some(url) => INSTALL_FROM_GIT
            .replace("{url}", url)
            .replace("{version}", env!("CARGO_PKG_VERSION")),
        None if dir.join(CLI_MANIFEST).is_file() => INSTALL_FROM_CHECKOUT.to_owned(),
        None => INSTALL_UNKNOWN.to_owned(),
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
            WORKFLOW.replace("{install}", &install),
        ),
    ]
}

/// Writes the scaffold into `dir` (created if missing); `on_written` hears each file's path
/// relative to `dir` as it is written. Refuses, writing nothing, if a file exists and not `force`.
/// `install_from` is the git URL the workflow installs tradeoff from; without it the workflow
/// builds from the checkout when the project is tradeoff itself, else its install step says what
/// to fill in.
pub fn init(
    dir: &Path,
    force: bool,
    install_from: Option<&str>,
    on_written: &mut dyn FnMut(&Path),
) -> Result<(), Failure> {
    if let Some(url) = install_from {
        if url.is_empty() || url.contains(|c: char| c.is_whitespace() || c == '\'' || c == '"') {
            return Err(Failure::bad_input_msg(format!(
                "`{url}` is not a git URL the workflow can use\nhelp: e.g. --install-from https://github.com/your-org/tradeoff"
            )));
        }
    }
    let files = scaffold(dir, crate::catalog::today(), install_from);
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
        let files = scaffold(Path::new("/nonexistent"), jiff::civil::date(2031, 2, 3), None);
        assert!(files[0].1.contains("date 2031-02-03"), "{}", files[0].1);
    }

    #[test]
    fn the_workflow_installs_from_the_url_given_pinned_and_cached() {
        let files = scaffold(
            Path::new("/nonexistent"),
            jiff::civil::date(2031, 2, 3),
            Some("https://git.example.org/tradeoff"),
        );
        let workflow = &files[2].1;
        assert!(
            workflow.contains("cargo install --locked --git https://git.example.org/tradeoff --tag v"),
            "{workflow}"
        );
        assert!(workflow.contains("key: tradeoff-${{ runner.os }}-"), "{workflow}");
        assert!(!workflow.contains("{install}") && !workflow.contains("{version}"));
    }
}
