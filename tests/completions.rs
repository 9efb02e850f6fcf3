//! `tradeoff completions SHELL` and `tradeoff man`: generated from the real command definitions.

use crate::common::*;

#[test]
fn every_shell_gets_a_script_naming_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = tradeoff().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{shell}: {}", stderr_of(&output));
        let script = stdout_of(&output);
        for subcommand in ["check", "diff", "explain", "init", "decide"] {
            assert!(script.contains(subcommand), "{shell} script lacks {subcommand}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let output = tradeoff().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_listing_the_subcommands() {
    let output = tradeoff().arg("man").output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let page = stdout_of(&output);
    assert!(page.contains(".TH tradeoff 1"), "{page}");
    for subcommand in ["check", "diff", "explain", "init", "completions"] {
        assert!(page.contains(subcommand), "man page lacks {subcommand}");
    }
    // One page per subcommand, each with its own options.
    for page_name in ["tradeoff-decide", "tradeoff-catalog-import", "tradeoff-lsp"] {
        assert!(page.contains(&format!(".TH {page_name} 1")), "no page {page_name}");
    }
    let decide = &page[page.find(".TH tradeoff-decide 1").unwrap()..];
    let decide = &decide[..decide[1..].find(".TH ").map_or(decide.len(), |i| i + 1)];
    assert!(decide.contains("\\-\\-out"), "{decide}");
}
