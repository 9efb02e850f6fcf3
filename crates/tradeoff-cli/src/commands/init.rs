//! `tradeoff init [DIR]`: scaffold a project (see `tradeoff_driver::init`).

use std::path::Path;

use tradeoff_driver::{display_path, init};

use crate::cli::InitArgs;
use crate::exit::{CommandResult, Outcome};
use crate::ui::Ui;

pub fn run(args: &InitArgs, ui: &Ui) -> CommandResult {
    init::init(&args.dir, args.force, args.install_from.as_deref(), &mut |relative| {
        // `init` in the current folder names files as the user will type them.
        let shown = if args.dir == Path::new(".") {
            relative.to_path_buf()
        } else {
            args.dir.join(relative)
        };
        ui.status(format!("wrote {}", display_path(&shown)));
    })?;
    ui.status("next: edit specs/example.tradeoff, run `tradeoff decide`, and commit specs/, reports/ and .github/");
    Ok(Outcome::Success)
}
