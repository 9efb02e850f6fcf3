#!/usr/bin/env python3
"""Latency and memory of `tradeoff lsp`, measured as an editor sees them: JSON-RPC frames over
the release binary's stdin/stdout.

Usage: python3 bench/lsp_latency.py [--changes 1000] [--json]

For every example spec (specs/*.tradeoff): the time from sending `textDocument/didChange` (the
whole text, as a client with full sync sends it) to receiving its `publishDiagnostics`, and the
round trip of a `textDocument/hover` on `decision` (the live winner and robustness verdict).
Then `--changes` edits in a row to one spec, alternating a valid text and one with a mistake,
with the server's resident memory (VmRSS) read from /proc after 10, 100 and every later
hundredth change: memory must stay flat. Budget (issue 15): 10 ms per answer.
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "tradeoff")


class Server:
    def __init__(self):
        self.proc = subprocess.Popen([BIN, "lsp"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.request("initialize", {"processId": None, "rootUri": "file://" + ROOT, "capabilities": {}})
        self.notify("initialized", {})

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the server closed stdout")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id:
                return message

    def diagnostics(self, uri):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=10)


def ms(seconds):
    return seconds * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=50, help="changes and hovers per example spec")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(BIN):
        sys.exit(f"build the release binary first: cargo build --release -p tradeoff-cli ({BIN})")

    server = Server()
    rows = []
    for path in sorted(glob.glob(os.path.join(ROOT, "specs", "*.tradeoff"))):
        uri = "file://" + path
        text = open(path).read()
        server.notify("textDocument/didOpen",
                      {"textDocument": {"uri": uri, "languageId": "tradeoff", "version": 1, "text": text}})
        server.diagnostics(uri)
        line = next(i for i, l in enumerate(text.splitlines()) if l.startswith("decision"))
        change, hover = [], []
        for version in range(2, args.rounds + 2):
            start = time.perf_counter()
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                     "contentChanges": [{"text": text}]})
            found = server.diagnostics(uri)
            change.append(time.perf_counter() - start)
            assert found == [], found
            start = time.perf_counter()
            answer = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                           "position": {"line": line, "character": 2}})
            hover.append(time.perf_counter() - start)
            assert answer["result"]["contents"]["value"].startswith("**Winner"), answer
        rows.append({"spec": os.path.basename(path), "bytes": len(text.encode()),
                     "diagnostics_median_ms": ms(statistics.median(change)), "diagnostics_max_ms": ms(max(change)),
                     "hover_median_ms": ms(statistics.median(hover)), "hover_max_ms": ms(max(hover))})

    path = sorted(glob.glob(os.path.join(ROOT, "specs", "*.tradeoff")))[0]
    uri = "file://" + path
    good = open(path).read()
    bad = good.replace("weigh {", "wegh {").replace("compare {", "compre {")
    memory = []
    for n in range(1, args.changes + 1):
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 1000 + n},
                                                 "contentChanges": [{"text": bad if n % 2 else good}]})
        server.diagnostics(uri)
        if n in (10, 100) or n % 100 == 0:
            memory.append((n, server.rss_kib()))
    # The language's size limit: a spec just under 8 MiB (comments) is parsed and scored, one
    # just over it is refused with a diagnostic.
    large = {}
    for label, size in (("just under 8 MiB", 8 * 1024 * 1024 - 64), ("over 8 MiB", 8 * 1024 * 1024 + 64)):
        padding = "# padding\n" * ((size - len(good)) // 10)
        text = good + padding + " " * (size - len(good) - len(padding))
        start = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5000 + size},
                                                 "contentChanges": [{"text": text}]})
        found = server.diagnostics(uri)
        large[label] = (ms(time.perf_counter() - start), [d["code"] for d in found])
    server.close()

    if args.json:
        print(json.dumps({"specs": rows, "memory_kib": memory, "large": large}, indent=2))
        return
    print("| spec | bytes | diagnostics after a change, median (max) | hover on `decision`, median (max) |")
    print("|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['spec']} | {r['bytes']} | {r['diagnostics_median_ms']:.2f} ms ({r['diagnostics_max_ms']:.2f}) "
              f"| {r['hover_median_ms']:.2f} ms ({r['hover_max_ms']:.2f}) |")
    print()
    for label, (took, codes) in large.items():
        print(f"spec {label}: diagnostics in {took:.0f} ms, codes {codes or 'none'}")
    print("resident memory after N changes: " + ", ".join(f"{n}: {kib / 1024:.1f} MiB" for n, kib in memory))


if __name__ == "__main__":
    main()
