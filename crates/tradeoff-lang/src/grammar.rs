//! The pest parser generated from `tradeoff.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "tradeoff.pest"]
pub struct SpecParser;
