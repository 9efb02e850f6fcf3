//! The `tradeoff` binary: argument parsing, glue between the crates, output and exit codes.
//! Decisions about specs, facts, scores and records belong to the library crates.

mod cli;
mod commands;
mod exit;
mod files;
mod git;
mod memory;
mod pipeline;
mod records;
mod ui;
mod views;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    memory::keep_freed_memory();
    let cli = cli::Cli::parse();
    let color = exit::use_color(cli.global.color);
    let ui = ui::Ui::new(&cli.global);
    let result = commands::run(cli.command, &ui);
    exit::finish(result, color)
}
