//! Number formatting shared by the record model: one place decides how a weight, a score or a
//! load figure looks, so every section of a record agrees, and unknown never prints as 0.

/// The text used wherever a value is not known.
pub const UNKNOWN: &str = "unknown";

pub use tradeoff_core::numbers::thousands;

/// "50,000 rps", or "unknown".
pub fn rps(value: Option<u64>) -> String {
    value.map_or_else(|| UNKNOWN.to_owned(), |v| format!("{} rps", thousands(v)))
}

/// A share in [0, 1] as a whole percentage: 0.2 → "20%".
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return UNKNOWN.to_owned();
    }
    format!("{:.0}%", share * 100.0)
}

/// A weight in [0, 1] as the sensitivity analysis states it: 0.18.
pub fn weight(value: f64) -> String {
    fixed(value, 2)
}

/// A criterion score where it is compared, not ranked: two decimals, or "unknown".
pub fn weight_or_unknown(value: Option<f64>) -> String {
    value.map_or_else(|| UNKNOWN.to_owned(), weight)
}

/// A score or total in [0, 1]: three decimals, enough to separate close totals.
pub fn score(value: Option<f64>) -> String {
    value.map_or_else(|| UNKNOWN.to_owned(), |v| fixed(v, 3))
}

/// Fixed decimals with negative zero folded into zero, so equal inputs give equal bytes.
fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return UNKNOWN.to_owned();
    }
    let text = format!("{value:.decimals$}");
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_owned()
    } else {
        text
    }
}

/// Joins names as prose: "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Joins alternatives as prose: "a, b or c".
pub fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// A record number as written in file names and links: 4 digits, zero-padded.
pub fn record_number(number: u32) -> String {
    format!("{number:04}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_is_never_zero() {
        assert_eq!(rps(None), "unknown");
        assert_eq!(score(None), "unknown");
        assert_eq!(score(Some(f64::NAN)), "unknown");
        assert_eq!(rps(Some(50_000)), "50,000 rps");
    }

    #[test]
    fn negative_zero_prints_as_zero() {
        assert_eq!(weight(-0.0001), "0.00");
        assert_eq!(score(Some(-0.0)), "0.000");
        assert_eq!(weight(-0.5), "-0.50");
    }

    #[test]
    fn lists_read_as_prose() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(and_list(&items), "a, b and c");
        assert_eq!(or_list(&items[..2]), "a or b");
    }
}
