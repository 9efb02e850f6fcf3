//! End-to-end tests: run the real `tradeoff` binary on real files and check output and exit codes.

mod common;

mod catalog;
mod decide;
mod fmt;
mod hostile;
mod plan;
mod score;
