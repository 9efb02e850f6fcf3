//! Spellings of catalog enums in explanations, matching their kebab-case form in catalog files
//! so a reviewer can search the file for the word they read.

use crate::catalog::model::{ConcurrencyModel, Scope, TfbTest};

pub(crate) fn tfb_test(test: TfbTest) -> &'static str {
    match test {
        TfbTest::Json => "json",
        TfbTest::Plaintext => "plaintext",
        TfbTest::Db => "db",
        TfbTest::Query => "query",
        TfbTest::Fortune => "fortune",
        TfbTest::Update => "update",
    }
}

pub(crate) fn concurrency_model(model: ConcurrencyModel) -> &'static str {
    match model {
        ConcurrencyModel::Threads => "threads",
        ConcurrencyModel::EventLoop => "event-loop",
        ConcurrencyModel::AsyncRuntime => "async-runtime",
        ConcurrencyModel::Goroutines => "goroutines",
        ConcurrencyModel::BeamProcesses => "beam-processes",
        ConcurrencyModel::VirtualThreads => "virtual-threads",
        ConcurrencyModel::Reactive => "reactive",
    }
}

pub(crate) fn scope(scope: Scope) -> &'static str {
    match scope {
        Scope::FullStack => "full-stack",
        Scope::Micro => "micro",
        Scope::Platform => "platform",
    }
}

/// "a", "a and b", "a, b and c".
pub(crate) fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_catalog_spelling() {
        let json = serde_json::to_string(&ConcurrencyModel::BeamProcesses).unwrap();
        assert_eq!(
            json,
            format!("\"{}\"", concurrency_model(ConcurrencyModel::BeamProcesses))
        );
        let json = serde_json::to_string(&TfbTest::Fortune).unwrap();
        assert_eq!(json, format!("\"{}\"", tfb_test(TfbTest::Fortune)));
        let json = serde_json::to_string(&Scope::FullStack).unwrap();
        assert_eq!(json, format!("\"{}\"", scope(Scope::FullStack)));
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["a".into()]), "a");
        assert_eq!(list(&["a".into(), "b".into(), "c".into()]), "a, b and c");
    }
}
