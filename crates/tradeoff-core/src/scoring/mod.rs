//! Scoring: hard filters, criterion functions, aggregation, AHP weights, sensitivity.
