//! `tradeoff init [DIR]`: scaffold a project — a commented starter spec, the reports/ folder and
//! a GitHub Actions workflow running `tradeoff check --format github` on pull requests.
//! Existing files are never overwritten without `--force`, and nothing is written if any would be.

use std::path::{Path, PathBuf};

use crate::cli::InitArgs;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::ui::Ui;
use tradeoff_driver::display_path;

const EXAMPLE_SPEC: &str = include_str!("../../scaffold/example.tradeoff");
const WORKFLOW: &str = include_str!("../../scaffold/tradeoff.yml");

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
pub fn scaffold(dir: &Path) -> Vec<(PathBuf, String)> {
    let install = if dir.join(CLI_MANIFEST).is_file() {
        INSTALL_FROM_CHECKOUT
    } else {
        INSTALL_UNKNOWN
    };
    vec![
        (PathBuf::from("specs/example.tradeoff"), EXAMPLE_SPEC.to_owned()),
        // Git does not keep empty folders; records are written here by `tradeoff decide`.
        (PathBuf::from("reports/.gitkeep"), String::new()),
        (
            PathBuf::from(".github/workflows/tradeoff.yml"),
            WORKFLOW.replace("{install}", install),
        ),
    ]
}

pub fn run(args: &InitArgs, ui: &Ui) -> CommandResult {
    let files = scaffold(&args.dir);
    let existing: Vec<String> = files
        .iter()
        .map(|(relative, _)| args.dir.join(relative))
        .filter(|path| path.exists())
        .map(|path| display_path(&path))
        .collect();
    if !existing.is_empty() && !args.force {
        return Err(Failure::bad_input_msg(format!(
            "not overwriting existing files: {}\nhelp: move them away, or pass --force to replace them",
            existing.join(", ")
        )));
    }
    for (relative, text) in &files {
        let path = args.dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Failure::bad_input_msg(format!("cannot create `{}`: {e}", parent.display())))?;
        }
        std::fs::write(&path, text)
            .map_err(|e| Failure::bad_input_msg(format!("cannot write `{}`: {e}", path.display())))?;
        // `init` in the current folder names files as the user will type them.
        let shown = if args.dir == Path::new(".") { relative } else { &path };
        ui.status(format!("wrote {}", display_path(shown)));
    }
    ui.status("next: edit specs/example.tradeoff, run `tradeoff decide`, and commit specs/, reports/ and .github/");
    Ok(Outcome::Success)
}
