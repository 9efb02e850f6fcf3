//! `tradeoff fmt`: rewrite specs in canonical layout, or check that they are.

use std::path::PathBuf;

use crate::cli::FmtArgs;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::files;
use crate::pipeline::display_path;
use crate::ui::Ui;

pub fn run(args: &FmtArgs, ui: &Ui) -> CommandResult {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("specs")]
    } else {
        args.paths.clone()
    };
    let specs = files::collect_specs(&paths)?;
    if args.stdout {
        let [only] = specs.as_slice() else {
            return Err(Failure::bad_input_msg("--stdout formats exactly one file"));
        };
        let source = files::read_text(only)?;
        let formatted = tradeoff_lang::format_source(&display_path(only), &source).map_err(Failure::bad_input)?;
        print!("{formatted}");
        return Ok(Outcome::Success);
    }
    let mut unformatted = Vec::new();
    for spec in &specs {
        let shown = display_path(spec);
        let source = files::read_text(spec)?;
        let formatted = tradeoff_lang::format_source(&shown, &source).map_err(Failure::bad_input)?;
        if formatted == source {
            ui.detail(format!("{shown}: already formatted"));
            continue;
        }
        if args.check {
            unformatted.push(shown);
        } else {
            write_atomically(spec, &formatted)?;
            ui.status(format!("formatted {shown}"));
        }
    }
    if unformatted.is_empty() {
        return Ok(Outcome::Success);
    }
    for shown in &unformatted {
        println!("{shown}: not formatted (run `tradeoff fmt {shown}`)");
    }
    Ok(Outcome::ProblemsFound)
}

/// Formatting rewrites user files: a crash halfway must never leave a truncated spec.
fn write_atomically(path: &std::path::Path, contents: &str) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let fail = |e: std::io::Error| Failure::bad_input_msg(format!("cannot write `{}`: {e}", path.display()));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    std::io::Write::write_all(&mut temp, contents.as_bytes()).map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
