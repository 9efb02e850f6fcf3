//! `tradeoff diff OLD NEW` and `tradeoff diff --git REV SPEC`: evaluate two versions of a
//! decision and summarise what changed, as Markdown for a pull-request comment (the
//! `comparison.md.j2` template, overridable in the project's `templates/`) or as JSON.

use tradeoff_driver::diff::{comment, diff, Side};
use tradeoff_driver::{GitRevision, WorkingTree};

use crate::cli::{DiffArgs, MarkdownOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::ui::Ui;

pub fn run(args: &DiffArgs, ui: &Ui) -> CommandResult {
    let working = |path| Side {
        sources: &WorkingTree,
        path,
    };
    let revision;
    let (old, new) = match (&args.git, args.specs.as_slice()) {
        (Some(rev), [spec]) => {
            revision = GitRevision { rev: rev.clone() };
            (
                Side {
                    sources: &revision,
                    path: spec,
                },
                working(spec),
            )
        }
        (None, [old, new]) => (working(old), working(new)),
        (Some(_), _) => {
            return Err(Failure::bad_input_msg(
                "with --git, give exactly one spec: the working file",
            ))
        }
        (None, _) => {
            return Err(Failure::bad_input_msg(
                "give two specs (OLD NEW), or --git REV and one spec",
            ))
        }
    };
    let new_spec = new.path;
    let report = diff(old, new)?;
    ui.detail(format!("comparing {} with {}", report.old, report.new));
    match args.format {
        MarkdownOrJson::Json => print_json(&report)?,
        MarkdownOrJson::Markdown => crate::out::raw(&comment(&report, new_spec)?)?,
    }
    Ok(Outcome::Success)
}
