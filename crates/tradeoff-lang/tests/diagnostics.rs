//! Every kind of mistake a spec can contain, with its rendered diagnostic as a snapshot.
//!
//! Each case is a small but complete spec with one deliberate error (one case has several),
//! so a snapshot shows exactly what a user would see: file, line, column, label and help.

use std::collections::BTreeSet;

use tradeoff_lang::{compile, parse, render, SpecError};

fn frameworks() -> BTreeSet<String> {
    ["django", "fastapi", "flask", "gin", "axum", "rails", "tornado"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// A valid spec with `{app}`, `{require}`, `{weigh}` and `{extra}` slots.
fn spec(app: &str, require: &str, weigh: &str, extra: &str) -> String {
    format!(
        "decision demo \"Pick a framework\" {{\n  status proposed\n  date 2026-11-24\n{extra}  app {{\n{app}  }}\n  require {{\n{require}  }}\n{weigh}}}\n"
    )
}

const APP: &str = "    kind api\n    load 5_000 rps peak\n";
const REQUIRE: &str = "    language in [python, go]\n";
const WEIGH: &str = "  weigh {\n    performance high\n    productivity medium\n  }\n";

/// A whole file as written, for mistakes outside any decision.
fn verbatim(text: &str) -> String {
    text.to_owned()
}

fn error_of(source: &str) -> SpecError {
    match parse("specs/demo.tradeoff", source) {
        Err(error) => error,
        Ok(ast) => compile(&ast, &frameworks()).expect_err("the spec should not compile"),
    }
}

fn rendered(source: &str) -> String {
    render(&error_of(source), false, 100)
}

macro_rules! bad_spec {
    ($($name:ident => $source:expr;)+) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), rendered(&$source));
            }
        )+
    };
}

bad_spec! {
    unknown_criterion => spec(APP, REQUIRE, "  weigh {\n    perfomance high\n  }\n", "");
    unknown_feature => spec(APP, "    feature validation, websocket\n", WEIGH, "");
    unknown_language => spec(APP, "    language in [pyhton, go]\n", WEIGH, "");
    unknown_framework => spec(APP, "    exclude djanog because \"too heavy\"\n", WEIGH, "");
    unknown_decision_setting => spec(APP, REQUIRE, WEIGH, "  satus accepted\n");
    unknown_app_setting => spec("    kind api\n    wokload db-heavy\n", REQUIRE, WEIGH, "");
    unknown_priority_level => spec(APP, REQUIRE, "  weigh {\n    performance hgh\n  }\n", "");
    unknown_skill_level => spec(APP, REQUIRE, WEIGH, "  team { knows python expret }\n");
    unknown_app_kind => spec("    kind rest-api\n", REQUIRE, WEIGH, "");
    duplicate_setting => spec(APP, REQUIRE, WEIGH, "  status accepted\n");
    duplicate_criterion => spec(APP, REQUIRE, "  weigh {\n    performance high\n    security low\n    performance low\n  }\n", "");
    duplicate_block => spec(APP, REQUIRE, WEIGH, "  app { kind api }\n");
    duplicate_feature => spec(APP, "    feature orm, auth\n    feature orm\n", WEIGH, "");
    number_with_suffix => spec("    kind api\n    load 50k rps\n", REQUIRE, WEIGH, "");
    colon_after_key => spec("    kind: api\n", REQUIRE, WEIGH, "");
    percent_weight => spec(APP, REQUIRE, "  weigh {\n    performance 50%\n  }\n", "");
    date_in_another_format => spec(APP, REQUIRE, WEIGH, "  date 30/11/2026\n");
    unclosed_list => spec(APP, "    language in [go, rust\n", WEIGH, "");
    empty_spec => verbatim(" ");
    only_comments => verbatim("# a spec to be written\n\n");
    unknown_feature_tier => spec(APP, "    feature openapi anny, orm official\n", WEIGH, "");
    feature_with_two_tiers => spec(APP, "    feature openapi builtin any\n", WEIGH, "");
    unknown_features_choice => spec(APP, "    feature csrf\n    unknown-features drop\n", WEIGH, "");
    language_allowed_and_forbidden => spec(APP, "    language in [python, go]\n    language not in [go]\n", WEIGH, "");
    candidate_also_excluded => spec(APP, "    candidates [django, fastapi]\n    exclude django because \"too heavy\"\n", WEIGH, "");
    all_weights_zero => spec(APP, REQUIRE, "  weigh {\n    performance ignore\n    security 0\n  }\n", "");
    // 1e308 twice: each weight is finite, their sum is not.
    weights_overflow => spec(APP, REQUIRE, &format!("  weigh {{\n    performance 1{z}\n    security 1{z}\n  }}\n", z = "0".repeat(308)), "");
    pairwise_above_nine => spec(APP, REQUIRE, "  compare {\n    performance over security 12\n  }\n", "");
    pairwise_below_one_ninth => spec(APP, REQUIRE, "  compare {\n    performance over security 1/12\n  }\n", "");
    pairwise_self_comparison => spec(APP, REQUIRE, "  compare {\n    security over security 3\n  }\n", "");
    pairwise_pair_twice => spec(APP, REQUIRE, "  compare {\n    security over performance 3\n    performance over security 2\n  }\n", "");
    pairwise_without_intensity => spec(APP, REQUIRE, "  compare {\n    security over performance\n  }\n", "");
    weigh_and_compare => spec(APP, REQUIRE, "  weigh { security high }\n  compare {\n    security over performance 3\n  }\n", "");
    no_priorities => spec(APP, REQUIRE, "", "");
    no_app_block => "decision demo \"Pick\" {\n  weigh { security high }\n}\n";
    app_without_kind => spec("    load 5_000 rps peak\n", REQUIRE, WEIGH, "");
    missing_title => "decision demo {\n  app { kind api }\n  weigh { security high }\n}\n";
    invalid_decision_id => "decision Sensor_Ingest \"Pick\" {\n  app { kind api }\n  weigh { security high }\n}\n";
    impossible_date => spec(APP, REQUIRE, WEIGH, "").replace("2026-11-24", "2026-02-30");
    exclusion_without_reason => spec(APP, "    exclude tornado\n", WEIGH, "");
    unterminated_string => spec(APP, REQUIRE, WEIGH, "  deciders \"platform team\n");
    unclosed_block => "decision demo \"Pick\" {\n  app { kind api\n  weigh { security high }\n";
    decision_without_brace => "decision demo \"Pick\"\n  app { kind api }\n  weigh { security high }\n";
    block_without_brace => "decision demo \"Pick\" {\n  app\n    kind api\n  }\n  weigh { security high }\n}\n";
    nested_block => spec(APP, REQUIRE, WEIGH, "  team { size 3 { } }\n");
    bad_escape => spec(APP, REQUIRE, WEIGH, "  deciders \"platform \\q team\"\n");
    block_written_as_setting => "decision demo \"Pick\" {\n  app kind api\n  weigh { security high }\n}\n";
    setting_written_as_block => spec(APP, REQUIRE, WEIGH, "  method { all }\n");
    unreadable_load => spec("    kind api\n    load 5_000 apples\n", REQUIRE, WEIGH, "");
    name_where_text_expected => spec(APP, REQUIRE, WEIGH, "  deciders platform\n");
    convention_fit_without_prefer => spec(APP, REQUIRE, "  weigh {\n    convention-fit high\n  }\n", "");
    options_out_of_range => spec(APP, REQUIRE, WEIGH, "  options 0\n");
    skill_without_level => spec(APP, REQUIRE, WEIGH, "  team { knows python, go expert }\n");
    several_errors_in_one_file => spec("    kind api\n    realtime maybe\n", "    feature orms\n", "  weigh {\n    perfomance high\n  }\n", "  method fastest\n");
}

#[test]
fn an_oversized_spec_is_refused_with_a_diagnostic() {
    let source = format!(
        "decision demo \"x\" {{\n  context \"\"\"\n{}\n  \"\"\"\n}}\n",
        "a".repeat(10 * 1024 * 1024)
    );
    let error = error_of(&source);
    let text = render(&error, false, 100);
    assert!(text.contains("limited to 8 MiB"), "{text}");
}

#[test]
fn a_hundred_thousand_deep_nesting_is_a_diagnostic() {
    let source = format!("decision demo \"x\" {{\n  app {}\n", "{".repeat(100_000));
    let text = render(&error_of(&source), false, 100);
    assert!(text.contains("blocks do not nest"), "{text}");
}

#[test]
fn at_most_fifty_problems_are_listed_and_the_rest_counted() {
    let weigh: String = (0..60).map(|i| format!("    criterion{i} high\n")).collect();
    let error = error_of(&spec(APP, REQUIRE, &format!("  weigh {{\n{weigh}  }}\n"), ""));
    assert_eq!(error.count(), 60);
    assert_eq!(error.problems().count(), 50);
    assert!(error.to_string().contains("10 more not shown"), "{error}");
}

#[test]
fn every_problem_points_inside_the_source() {
    let source = spec(
        "    kind api\n    realtime maybe\n",
        "    feature orms\n",
        "  weigh {\n    perfomance high\n  }\n",
        "",
    );
    let error = error_of(&source);
    assert_eq!(error.count(), 3);
    for problem in error.problems() {
        assert!(
            problem.span.end <= source.len() && problem.span.start < problem.span.end,
            "{problem:?}"
        );
    }
}
