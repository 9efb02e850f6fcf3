// Tokenizes real specs with the grammar, through the same engine VS Code uses (vscode-textmate
// with the Oniguruma WebAssembly build), and fails when any non-blank text is left without a
// scope of its own, or a line's first word (a key) is not scoped as a key, block, criterion or
// keyword. Usage: node test/coverage.mjs SPEC...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vsctm from "vscode-textmate";
import oniguruma from "vscode-oniguruma";

const require = createRequire(import.meta.url);
const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
await oniguruma.loadWASM(wasm);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async () =>
    vsctm.parseRawGrammar(readFileSync(new URL("../syntaxes/tradeoff.tmLanguage.json", import.meta.url), "utf8"), "grammar.json"),
});
const grammar = await registry.loadGrammar("source.tradeoff");
const keyScopes = ["variable.other.key", "keyword.other", "support.constant.criterion", "comment.line", "punctuation.section.block.end", "string.quoted"];

let failures = 0;
let tokens = 0;
const files = process.argv.slice(2);
for (const file of files) {
  let state = vsctm.INITIAL;
  readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    let firstWord = true;
    for (const token of result.tokens) {
      const text = line.slice(token.startIndex, token.endIndex);
      if (!text.trim()) continue;
      tokens++;
      const scopes = token.scopes.slice(1);
      if (scopes.length === 0) {
        console.error(`${file}:${i + 1}:${token.startIndex + 1}: no scope for ${JSON.stringify(text)}`);
        failures++;
      }
      if (firstWord && !keyScopes.some((k) => scopes.some((s) => s.startsWith(k)))) {
        console.error(`${file}:${i + 1}: first word ${JSON.stringify(text)} scoped as ${scopes.join(" ")}`);
        failures++;
      }
      firstWord = false;
    }
  });
}
if (files.length === 0) {
  console.error("usage: node test/coverage.mjs SPEC...");
  process.exit(2);
}
console.log(`${files.length} specs, ${tokens} tokens, ${failures} problems`);
process.exit(failures ? 1 : 0);
