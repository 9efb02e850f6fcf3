// Starts `tradeoff lsp` for *.tradeoff files. Everything else (diagnostics, completion, hover,
// formatting, outline, quick fixes) comes from the server.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("tradeoff").get("path", "tradeoff");
  client = new LanguageClient(
    "tradeoff",
    "tradeoff",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ language: "tradeoff" }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{tradeoff,toml}") },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
