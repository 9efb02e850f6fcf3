//! "Did you mean" suggestions for misspelled names.

/// The candidate closest to `input`, if it is close enough to be a plausible typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_lower = input.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(&input_lower, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, candidate)| candidate)
}

/// Help text for an unknown name: a suggestion if one is close, else the full list when short.
pub fn help_for(input: &str, candidates: &[&str]) -> Option<String> {
    if let Some(best) = closest(input, candidates.iter().copied()) {
        return Some(format!("did you mean `{best}`?"));
    }
    if candidates.is_empty() {
        None
    } else if candidates.len() <= 16 {
        let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
        Some(format!("expected one of {}", list.join(", ")))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_near_name() {
        assert_eq!(
            closest("perfomance", ["performance", "productivity"]),
            Some("performance")
        );
        assert_eq!(closest("Performance", ["performance"]), Some("performance"));
    }

    #[test]
    fn does_not_suggest_a_far_name() {
        assert_eq!(closest("banana", ["performance", "security"]), None);
    }

    #[test]
    fn lists_short_vocabularies_when_nothing_is_close() {
        let help = help_for("zzz", &["yes", "no"]).unwrap();
        assert_eq!(help, "expected one of `yes`, `no`");
    }
}
