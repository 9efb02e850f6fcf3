//! `tradeoff diff OLD NEW` and `tradeoff diff --git REV SPEC`: evaluate two versions of a
//! decision and summarise what changed, as Markdown for a pull-request comment or as JSON.

use std::path::Path;

use serde::Serialize;
use tradeoff_core::compare::{compare, Comparison};

use crate::cli::{DiffArgs, MarkdownOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::git::Revision;
use crate::pipeline::{self, Includes, LoadedSpec};
use crate::ui::Ui;
use crate::{files, records, views};

#[derive(Debug, Serialize)]
struct DiffReport {
    old: String,
    new: String,
    #[serde(flatten)]
    comparison: Comparison,
}

pub fn run(args: &DiffArgs, ui: &Ui) -> CommandResult {
    let (old, new) = match (&args.git, args.specs.as_slice()) {
        (Some(rev), [spec]) => (at_revision(rev, spec)?, pipeline::load_spec(spec)?),
        (None, [old, new]) => (pipeline::load_spec(old)?, pipeline::load_spec(new)?),
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
    ui.detail(format!("comparing {} with {}", old.display, new.display));
    // Both sides are scored exactly as their records would be.
    let comparison = compare(&records::evaluation_of(&old), &records::evaluation_of(&new));
    let report = DiffReport {
        old: old.display,
        new: new.display,
        comparison,
    };
    match args.format {
        MarkdownOrJson::Json => print_json(&report)?,
        MarkdownOrJson::Markdown => print!("{}", views::diff::render(&report.old, &report.new, &report.comparison)),
    }
    Ok(Outcome::Success)
}

/// The spec as committed at `rev`, with its catalog includes read at the same revision.
fn at_revision(rev: &str, spec: &Path) -> Result<LoadedSpec, Failure> {
    if !spec.is_file() {
        return Err(Failure::bad_input_msg(format!(
            "`{}` is not a file in the working tree",
            spec.display()
        )));
    }
    let revision = Revision {
        rev: rev.to_owned(),
        root: files::project_root(spec),
    };
    let relative = records::recorded_spec_path(spec);
    let source = revision.show(&relative)?;
    pipeline::compile_source(
        spec,
        format!("{rev}:{relative}"),
        source,
        &Includes::Git {
            revision: &revision,
            spec_relative: &relative,
        },
    )
}
