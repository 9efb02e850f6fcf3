//! `tradeoff lsp` spoken to as an editor does: JSON-RPC frames over the binary's stdin and
//! stdout, in a temporary project.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

use crate::common::project_with;

/// A running server and what it has sent.
struct Client {
    child: Child,
    stdin: ChildStdin,
    received: Receiver<Value>,
    /// Notifications seen while waiting for something else.
    notifications: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("tradeoff"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start tradeoff lsp");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, received) = channel();
        std::thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length: ") {
                    length = value.parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.expect("Content-Length")];
            stdout.read_exact(&mut body).unwrap();
            if send.send(serde_json::from_slice(&body).expect("JSON")).is_err() {
                return;
            }
        });
        let mut client = Client {
            child,
            stdin,
            received,
            notifications: Vec::new(),
            next_id: 0,
        };
        let root_uri = uri(dir);
        let init = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": root_uri, "capabilities": {} }),
        );
        assert_eq!(init["result"]["serverInfo"]["name"], "tradeoff");
        client.notify("initialized", json!({}));
        client
    }

    fn send_raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.send_raw(message.to_string().as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.next();
            if message["id"] == json!(id) {
                return message;
            }
            self.notifications.push(message);
        }
    }

    fn next(&mut self) -> Value {
        self.received
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 s")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        if let Some(i) = self
            .notifications
            .iter()
            .position(|n| n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri)
        {
            let found = self.notifications.remove(i);
            return found["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let message = self.next();
            if message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.notifications.push(message);
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "tradeoff", "version": 1, "text": text } }),
        );
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
        self.diagnostics(uri)
    }

    fn at(&mut self, method: &str, uri: &str, text: &str, needle: &str, plus: usize) -> Value {
        let (line, character) = line_column(text, text.find(needle).expect("needle") + plus);
        self.request(
            method,
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )
    }

    /// `shutdown` then `exit`: the process ends with status 0.
    fn finish(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Zero-based line and UTF-16 column of a byte offset (the tests' texts are ASCII).
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    (line, offset - before.rfind('\n').map_or(0, |i| i + 1))
}

const SPEC: &str = "decision api-choice \"API framework\" {\n  app {\n    kind api\n    wrkload db-heavy\n  }\n  team {\n    knows go expert\n    uses gin expert\n  }\n  weigh {\n    performance critical\n    community medium\n  }\n}\n";

#[test]
fn diagnostics_arrive_on_open_the_quick_fix_repairs_them_and_they_clear() {
    let project = project_with(&[]);
    let path = project.path().join("specs/api.tradeoff");
    std::fs::write(&path, SPEC).unwrap();
    let uri = uri(&path);
    let mut client = Client::start(project.path());

    let diagnostics = client.open(&uri, SPEC);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic["code"], "unknown-key");
    assert_eq!(diagnostic["source"], "tradeoff");
    assert_eq!(diagnostic["range"]["start"], json!({ "line": 3, "character": 4 }));
    assert_eq!(diagnostic["range"]["end"], json!({ "line": 3, "character": 11 }));
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `workload`?"),
        "{diagnostic}"
    );

    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": diagnostic["range"], "context": { "diagnostics": [diagnostic] } }),
    );
    let action = &actions["result"][0];
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["title"], "Replace with `workload`");
    let edit = &action["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "workload");
    assert_eq!(edit["range"], diagnostic["range"]);

    let fixed = SPEC.replace("wrkload", "workload");
    assert_eq!(client.change(&uri, 2, &fixed), Vec::<Value>::new());

    // Closing the buffer with its mistake undone clears its diagnostics and forgets the text:
    // the file on disk (still with the mistake) is what a reopen reads.
    client.change(&uri, 3, SPEC);
    client.notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }));
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    let closed = client.at("textDocument/hover", &uri, SPEC, "decision", 0);
    assert!(
        closed["error"]["message"].as_str().unwrap().contains("not open"),
        "{closed}"
    );
    client.finish();
}

#[test]
fn completion_hover_formatting_symbols_hints_and_definition() {
    let project = project_with(&[]);
    let path = project.path().join("specs/api.tradeoff");
    let text = SPEC.replace("wrkload", "workload");
    let uri = uri(&path);
    let mut client = Client::start(project.path());
    assert!(client.open(&uri, &text).is_empty());

    // Completion: criteria in `weigh`, levels after one, framework ids with name and language.
    let criteria = client.at("textDocument/completion", &uri, &text, "community", 0);
    let labels: Vec<&str> = criteria["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"learning-curve") && labels.contains(&"hiring"),
        "{labels:?}"
    );
    let ids = client.at("textDocument/completion", &uri, &text, "gin expert", 0);
    let fasthttp = ids["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "fasthttp")
        .expect("fasthttp offered");
    assert_eq!(fasthttp["detail"], "fasthttp (go)");

    // Hover: a framework's facts with their sources, a criterion's weight, the live winner.
    let gin = client.at("textDocument/hover", &uri, &text, "gin expert", 1);
    let markdown = gin["result"]["contents"]["value"].as_str().unwrap();
    assert!(markdown.starts_with("**Gin** (`gin`), go"), "{markdown}");
    assert!(markdown.contains("| https://"), "{markdown}");
    let weight = client.at("textDocument/hover", &uri, &text, "community medium", 2);
    assert!(weight["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Weight in this spec: **0."));
    let decision = client.at("textDocument/hover", &uri, &text, "decision", 3);
    let verdict = decision["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        verdict.starts_with("**Winner: ") && verdict.contains("Robustness: "),
        "{verdict}"
    );

    // Formatting gives what `tradeoff fmt` writes.
    let messy = text.replace("    kind api", "  kind     api");
    client.change(&uri, 2, &messy);
    let formatted = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(formatted["result"][0]["newText"], text.as_str());
    client.change(&uri, 3, &text);

    // The outline: the decision, its blocks, their statements.
    let symbols = client.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": uri } }));
    let decision = &symbols["result"][0];
    assert_eq!(decision["name"], "api-choice");
    let blocks: Vec<&str> = decision["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(blocks, ["app", "team", "weigh"]);

    // Inlay hints: each weighted criterion's normalised weight, summing to 1.
    let hints = client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": uri }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 99, "character": 0 } } }),
    );
    let weights: f64 = hints["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            h["label"]
                .as_str()
                .unwrap()
                .trim_start_matches("= ")
                .parse::<f64>()
                .unwrap()
        })
        .sum();
    assert!((weights - 1.0).abs() < 0.011, "{hints}");

    // Go to definition of a catalog include.
    let catalog = project.path().join("specs/extra.toml");
    std::fs::write(&catalog, "").unwrap();
    let with_include = text.replace("  app {", "  catalog \"extra.toml\"\n  app {");
    client.change(&uri, 4, &with_include);
    let definition = client.at("textDocument/definition", &uri, &with_include, "extra.toml", 2);
    let target = definition["result"]["uri"].as_str().unwrap();
    assert!(target.ends_with("/specs/extra.toml"), "{definition}");
    client.finish();
}

#[test]
fn bad_messages_and_huge_specs_do_not_stop_the_server() {
    let project = project_with(&[]);
    let path = project.path().join("specs/api.tradeoff");
    let uri = uri(&path);
    let mut client = Client::start(project.path());

    client.send_raw(b"{this is not json");
    let unknown = client.request("tradeoff/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad = client.request("textDocument/hover", json!({ "textDocument": 42 }));
    assert_eq!(bad["error"]["code"], -32602);
    let closed = client.at("textDocument/hover", &uri, SPEC, "gin", 0);
    assert!(
        closed["error"]["message"].as_str().unwrap().contains("not open"),
        "{closed}"
    );

    // A spec over the 8 MiB limit is a diagnostic, not a crash or a stall.
    let huge = format!("{SPEC}{}", "# padding\n".repeat(900_000));
    let diagnostics = client.open(&uri, &huge);
    assert_eq!(diagnostics[0]["code"], "too-large", "{diagnostics:?}");
    let formatting = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert!(
        formatting["error"]["message"]
            .as_str()
            .unwrap()
            .contains("does not parse"),
        "{formatting}"
    );

    // Still serving.
    let fixed = SPEC.replace("wrkload", "workload");
    assert!(client.change(&uri, 2, &fixed).is_empty());
    let hover = client.at("textDocument/hover", &uri, &fixed, "decision", 0);
    assert!(hover["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .starts_with("**Winner"));
    client.finish();
}

/// The editor grammar (editors/vscode) names the language's words itself; this keeps it from
/// falling behind the language.
#[test]
fn the_textmate_grammar_knows_every_key_criterion_and_level() {
    use tradeoff_lang::complete::{completions, CandidateKind, Place, Scope};
    use tradeoff_lang::vocab::{Criterion, PriorityLevel, SkillLevel};

    let path = crate::common::root().join("editors/vscode/syntaxes/tradeoff.tmLanguage.json");
    let grammar: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let rule = |name: &str| grammar["repository"][name]["match"].as_str().unwrap().to_owned();
    let alternatives = |name: &str| -> Vec<String> {
        let rule = rule(name);
        let inner = &rule[rule.find("(?:").expect("an alternation") + 3..];
        inner[..inner.find(')').unwrap()]
            .split('|')
            .map(str::to_owned)
            .collect()
    };
    let scopes = [
        Scope::Decision,
        Scope::Block("app".into()),
        Scope::Block("team".into()),
        Scope::Block("require".into()),
    ];
    for scope in scopes {
        for candidate in completions(&Place::Key { scope }).candidates {
            let rule = match candidate.kind {
                CandidateKind::Block => "block-key",
                _ => "statement-key",
            };
            assert!(
                alternatives(rule).iter().any(|a| a == candidate.label),
                "{rule} lacks `{}`",
                candidate.label
            );
        }
    }
    for criterion in Criterion::names() {
        assert!(
            alternatives("criterion").iter().any(|a| a == criterion),
            "criterion lacks `{criterion}`"
        );
    }
    for level in PriorityLevel::names().chain(SkillLevel::names()) {
        assert!(
            alternatives("level").iter().any(|a| a == level),
            "level lacks `{level}`"
        );
    }
}

#[test]
fn a_colon_after_a_key_is_one_diagnostic_and_the_fix_removes_it() {
    let project = project_with(&[]);
    let path = project.path().join("specs/api.tradeoff");
    let text = SPEC.replace("wrkload db-heavy", "workload: db-heavy");
    let uri = uri(&path);
    let mut client = Client::start(project.path());
    let diagnostics = client.open(&uri, &text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("write `workload db-heavy`"));
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": diagnostics[0]["range"], "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions["result"][0]["title"], "Remove `:`");
    assert_eq!(actions["result"][0]["edit"]["changes"][&uri][0]["newText"], "");
    client.finish();
}
