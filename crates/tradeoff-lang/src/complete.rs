//! What may be written at a place in a spec that is being typed: the enclosing block, the
//! statement's key, and the names the language accepts there. Editors ask this of text that
//! usually does not parse yet, so the place is found by scanning, not from the AST.
//!
//! Framework ids come from the catalog, which this crate does not know: a place that takes one
//! says so ([`Completions::frameworks`]) and the caller adds them.

use crate::compile::{APP_KEYS, REQUIRE_KEYS, TEAM_KEYS, TOP_BLOCKS, TOP_STATEMENTS};
use crate::vocab::{
    Acceptance, AppKind, Architecture, Criterion, Feature, Horizon, Language, LicenseClass, Method, PriorityLevel,
    SkillLevel, Status, Style, UnknownFeatures, Workload,
};

/// The block a place is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Before `decision … {` or after its closing brace.
    Outside,
    /// Directly inside `decision … { }`.
    Decision,
    /// Inside a block such as `app { }`, by its key as written.
    Block(String),
}

/// Where the cursor is, as far as the language is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Inside a comment or a string: nothing to complete.
    Text,
    /// Where a statement's key goes (the start of a line, or the first word being typed).
    Key { scope: Scope },
    /// After a statement's key; `previous` are the words already written after it.
    Value {
        scope: Scope,
        key: String,
        previous: Vec<String>,
    },
}

/// What kind of name a candidate is, so editors can show an icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    /// A statement key (`status`, `kind`).
    Key,
    /// A block key (`app`, `weigh`): completes to `key {`.
    Block,
    /// A criterion (in `weigh` and `compare`).
    Criterion,
    /// A value from a closed vocabulary, or a keyword such as `over`.
    Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub label: &'static str,
    pub kind: CandidateKind,
    /// What the name is, in a few words.
    pub detail: &'static str,
}

/// The names that fit a place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completions {
    pub candidates: Vec<Candidate>,
    /// The place takes a framework id from the catalog.
    pub frameworks: bool,
}

/// The place at byte `offset` of `source` (an offset inside a character counts as its start).
pub fn place_at(source: &str, offset: usize) -> Place {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let scan = Scan::of(before);
    if scan.in_text {
        return Place::Text;
    }
    let statement = &before[scan.statement_start..];
    let mut words = statement.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']');
    let key = words.next().unwrap_or_default();
    let typing_key = !statement.contains(|c: char| c.is_whitespace() || c == ',');
    if key.is_empty() || typing_key {
        return Place::Key { scope: scan.scope };
    }
    // Only the entry being written counts: `knows go expert, |` starts a new one. Commas inside
    // a list do not separate entries.
    let mut depth = 0usize;
    let mut entry_start = 0;
    for (i, c) in statement.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => entry_start = i + 1,
            _ => {}
        }
    }
    let entry = if entry_start == 0 {
        words.collect::<Vec<_>>()
    } else {
        statement[entry_start..]
            .split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']')
            .collect()
    };
    let mut previous: Vec<String> = entry.into_iter().filter(|w| !w.is_empty()).map(str::to_owned).collect();
    // The word under the cursor is being typed; it is not a previous word.
    if !statement.ends_with(|c: char| c.is_whitespace() || c == ',' || c == '[') {
        previous.pop();
    }
    Place::Value {
        scope: scan.scope,
        key: key.to_owned(),
        previous,
    }
}

/// The names the language accepts at `place`.
pub fn completions(place: &Place) -> Completions {
    match place {
        Place::Text => Completions::default(),
        Place::Key { scope } => keys(scope),
        Place::Value { scope, key, previous } => values(scope, key, previous),
    }
}

fn keys(scope: &Scope) -> Completions {
    let candidates = match scope {
        Scope::Outside => vec![candidate(
            "decision",
            CandidateKind::Block,
            "the decision: `decision <id> \"<title>\" {`",
        )],
        Scope::Decision => TOP_STATEMENTS
            .iter()
            .map(|k| candidate(k, CandidateKind::Key, "setting"))
            .chain(TOP_BLOCKS.iter().map(|k| candidate(k, CandidateKind::Block, "block")))
            .collect(),
        Scope::Block(block) => match block.as_str() {
            "app" => of_keys(APP_KEYS, "app setting"),
            "team" => of_keys(TEAM_KEYS, "team setting"),
            "require" => of_keys(REQUIRE_KEYS, "knock-out constraint"),
            "weigh" | "compare" => criteria(),
            _ => Vec::new(),
        },
    };
    Completions {
        candidates,
        frameworks: false,
    }
}

fn values(scope: &Scope, key: &str, previous: &[String]) -> Completions {
    let mut frameworks = false;
    let last = previous.last().map(String::as_str);
    let candidates = match (scope, key) {
        (Scope::Decision, "status") => vocab(Status::names(), "status"),
        (Scope::Decision, "prefer") => vocab(Style::names(), "style"),
        (Scope::Decision, "method") => vocab(Method::names(), "method"),
        (Scope::Block(b), "kind") if b == "app" => vocab(AppKind::names(), "app kind"),
        (Scope::Block(b), "workload") if b == "app" => vocab(Workload::names(), "workload"),
        (Scope::Block(b), "architecture") if b == "app" => vocab(Architecture::names(), "architecture"),
        (Scope::Block(b), "horizon") if b == "app" => vocab(Horizon::names(), "horizon"),
        (Scope::Block(b), "realtime") if b == "app" => vocab(["yes", "no"].into_iter(), "answer"),
        (Scope::Block(b), "load") if b == "app" => match last {
            Some("rps") | Some("connections") => vocab(["peak"].into_iter(), "peak load"),
            Some(word) if word.starts_with(|c: char| c.is_ascii_digit()) => {
                vocab(["rps", "connections"].into_iter(), "unit")
            }
            _ => Vec::new(),
        },
        (Scope::Block(b), "knows") if b == "team" => match last.and_then(Language::parse) {
            Some(_) => vocab(SkillLevel::names(), "skill level"),
            None => vocab(Language::names(), "language"),
        },
        (Scope::Block(b), "uses") if b == "team" => {
            if last.is_some_and(|w| SkillLevel::parse(w).is_none()) {
                vocab(SkillLevel::names(), "skill level")
            } else {
                frameworks = true;
                Vec::new()
            }
        }
        (Scope::Block(b), "language") if b == "require" => match last {
            None => vocab(["in", "not"].into_iter(), "keyword"),
            Some("not") => vocab(["in"].into_iter(), "keyword"),
            Some(_) => vocab(Language::names(), "language"),
        },
        (Scope::Block(b), "license") if b == "require" => match last {
            None => vocab(["in"].into_iter(), "keyword"),
            Some(_) => vocab(LicenseClass::names(), "license class"),
        },
        (Scope::Block(b), "feature") if b == "require" => match last.and_then(Feature::parse) {
            Some(_) => vocab(Acceptance::names(), "tiers that satisfy it (default standard)"),
            None => vocab(Feature::names(), "feature"),
        },
        (Scope::Block(b), "unknown-features") if b == "require" => {
            vocab(UnknownFeatures::names(), "what an unverified feature does")
        }
        (Scope::Block(b), "exclude") if b == "require" => match last {
            None => {
                frameworks = true;
                Vec::new()
            }
            Some("because") => Vec::new(),
            Some(_) => vocab(["because"].into_iter(), "keyword: the reason follows"),
        },
        (Scope::Block(b), "candidates") if b == "require" => {
            frameworks = true;
            Vec::new()
        }
        (Scope::Block(b), _) if b == "weigh" => vocab(PriorityLevel::names(), "priority level"),
        (Scope::Block(b), _) if b == "compare" => match last {
            None => vocab(["over"].into_iter(), "keyword"),
            Some("over") => criteria(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    Completions { candidates, frameworks }
}

fn candidate(label: &'static str, kind: CandidateKind, detail: &'static str) -> Candidate {
    Candidate { label, kind, detail }
}

fn of_keys(keys: &[&'static str], detail: &'static str) -> Vec<Candidate> {
    keys.iter().map(|k| candidate(k, CandidateKind::Key, detail)).collect()
}

fn vocab(names: impl Iterator<Item = &'static str>, detail: &'static str) -> Vec<Candidate> {
    names.map(|n| candidate(n, CandidateKind::Value, detail)).collect()
}

fn criteria() -> Vec<Candidate> {
    Criterion::names()
        .map(|n| candidate(n, CandidateKind::Criterion, "criterion"))
        .collect()
}

/// The state at the end of the text before the cursor.
struct Scan {
    scope: Scope,
    /// Inside a comment, a string or a text block.
    in_text: bool,
    /// Where the statement the cursor is in starts (after leading blanks).
    statement_start: usize,
}

impl Scan {
    fn of(text: &str) -> Scan {
        let mut blocks: Vec<String> = Vec::new();
        let mut in_string = false;
        let mut in_block_text = false;
        let mut in_comment = false;
        let mut statement_start = 0;
        let mut continues = false;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if in_comment {
                if c == b'\n' {
                    in_comment = false;
                    statement_start = i + 1;
                }
            } else if in_block_text {
                if text[i..].starts_with("\"\"\"") {
                    in_block_text = false;
                    i += 2;
                }
            } else if in_string {
                match c {
                    b'\\' => i += 1,
                    b'"' | b'\n' => in_string = false,
                    _ => {}
                }
            } else {
                match c {
                    b'#' => in_comment = true,
                    b'"' if text[i..].starts_with("\"\"\"") => {
                        in_block_text = true;
                        i += 2;
                    }
                    b'"' => in_string = true,
                    b'{' => {
                        blocks.push(first_word(&text[statement_start..i]).to_owned());
                        statement_start = i + 1;
                    }
                    b'}' => {
                        blocks.pop();
                        statement_start = i + 1;
                    }
                    // A line break ends a statement unless the line ended with a comma.
                    b'\n' if !continues => statement_start = i + 1,
                    _ => {}
                }
                if !c.is_ascii_whitespace() {
                    continues = c == b',';
                }
            }
            i += 1;
        }
        while statement_start < text.len() && text.as_bytes()[statement_start].is_ascii_whitespace() {
            statement_start += 1;
        }
        let scope = match blocks.as_slice() {
            [] => Scope::Outside,
            [_] => Scope::Decision,
            [_, block, ..] => Scope::Block(block.clone()),
        };
        Scan {
            scope,
            in_text: in_string || in_block_text || in_comment,
            statement_start,
        }
    }
}

fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_cursor(text: &str) -> Place {
        let offset = text.find('|').expect("cursor");
        place_at(&text.replace('|', ""), offset)
    }

    fn labels(place: &Place) -> Vec<&'static str> {
        completions(place).candidates.iter().map(|c| c.label).collect()
    }

    #[test]
    fn keys_follow_the_enclosing_block() {
        let top = at_cursor("decision x \"t\" {\n  sta|\n}\n");
        assert_eq!(top, Place::Key { scope: Scope::Decision });
        assert!(labels(&top).contains(&"status") && labels(&top).contains(&"weigh"));
        let app = at_cursor("decision x \"t\" {\n  app {\n    |\n  }\n}\n");
        assert_eq!(labels(&app), APP_KEYS.to_vec());
        let weigh = at_cursor("decision x \"t\" {\n  app { kind api }\n  weigh {\n    perf|");
        assert!(labels(&weigh).contains(&"performance"));
        assert_eq!(at_cursor("|"), Place::Key { scope: Scope::Outside });
    }

    #[test]
    fn values_follow_the_key() {
        let kind = at_cursor("decision x \"t\" {\n  app {\n    kind |\n");
        assert!(labels(&kind).contains(&"reservation"));
        let level = at_cursor("decision x \"t\" {\n  weigh {\n    performance hi|");
        assert_eq!(labels(&level), PriorityLevel::names().collect::<Vec<_>>());
        let knows = at_cursor("decision x \"t\" {\n  team {\n    knows python |");
        assert!(labels(&knows).contains(&"expert"));
        let next = at_cursor("decision x \"t\" {\n  team {\n    knows python expert, |");
        assert!(labels(&next).contains(&"go"));
        let over = at_cursor("decision x \"t\" {\n  compare {\n    security over |");
        assert!(labels(&over).contains(&"performance"));
        let features = at_cursor("decision x \"t\" {\n  require {\n    feature orm, |");
        assert!(labels(&features).contains(&"openapi"));
        let tiers = at_cursor("decision x \"t\" {\n  require {\n    feature orm |");
        assert_eq!(labels(&tiers), vec!["builtin", "standard", "any"]);
        let unknown = at_cursor("decision x \"t\" {\n  require {\n    unknown-features |");
        assert_eq!(labels(&unknown), vec!["keep", "eliminate"]);
    }

    #[test]
    fn framework_ids_are_asked_of_the_caller() {
        let uses = at_cursor("decision x \"t\" {\n  team {\n    uses |");
        assert!(completions(&uses).frameworks);
        let exclude = at_cursor("decision x \"t\" {\n  require {\n    exclude dj|");
        assert!(completions(&exclude).frameworks);
        let because = at_cursor("decision x \"t\" {\n  require {\n    exclude django |");
        assert_eq!(labels(&because), vec!["because"]);
    }

    #[test]
    fn nothing_inside_comments_and_strings() {
        assert_eq!(at_cursor("decision x \"t\" {\n  # kind |"), Place::Text);
        assert_eq!(at_cursor("decision x \"t|"), Place::Text);
        assert_eq!(at_cursor("decision x \"t\" {\n  context \"\"\"\n  we |"), Place::Text);
        // A brace inside a text block opens nothing.
        let after = at_cursor("decision x \"t\" {\n  context \"\"\" a { b \"\"\"\n  |");
        assert_eq!(after, Place::Key { scope: Scope::Decision });
    }

    #[test]
    fn any_offset_is_safe() {
        let text = "decision é \"ü\" {\n  app { kind api }\n}\n";
        for offset in 0..=text.len() + 3 {
            let _ = completions(&place_at(text, offset));
        }
    }
}
