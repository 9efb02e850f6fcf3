//! The `tradeoff` binary: argument parsing (clap), one `tradeoff-driver` call per command, views
//! and exit codes. It must not read or write project files itself nor hold pipeline rules:
//! those belong to the driver, and decisions about specs, facts, scores and records to the
//! library crates below it.

mod cli;
mod commands;
mod exit;
mod memory;
mod out;
mod ui;
mod views;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    exit::report_panics_as_internal_errors();
    // Debug builds only: lets the integration tests check what a panic looks like to a user.
    #[cfg(debug_assertions)]
    if std::env::var_os("TRADEOFF_TEST_PANIC").is_some() {
        panic!("panic requested by TRADEOFF_TEST_PANIC");
    }
    memory::keep_freed_memory();
    let cli = cli::Cli::parse();
    let color = exit::use_color(cli.global.color);
    let ui = ui::Ui::new(&cli.global);
    let result = commands::run(cli.command, &ui);
    exit::finish(result, color)
}
