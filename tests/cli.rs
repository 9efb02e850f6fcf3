//! End-to-end tests: run the real `tradeoff` binary on real files and check output and exit codes.

mod common;

mod catalog;
mod check;
mod completions;
mod decide;
mod decision_log;
mod diff;
mod explain;
mod fmt;
mod hostile;
mod import;
mod init;
mod kill;
mod lsp;
mod neovim;
mod plan;
mod readme;
mod record_diff;
mod record_snapshots;
mod scenarios;
mod score;
mod workflow;
