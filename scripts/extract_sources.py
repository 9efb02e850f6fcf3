#!/usr/bin/env python3
"""Cuts the pinned extracts in crates/tradeoff-core/catalog/sources/ out of the published files.

The extracts keep the published format (the importers read them exactly as they read the
originals) and only the rows the catalog uses, so the repository does not carry megabytes of
other projects' data. Each extract's SHA-256 and the original's are recorded in
catalog/sources/SOURCES.toml; `just catalog` turns the extracts into catalog/generated/.

Usage: scripts/extract_sources.py WEB_FRAMEWORKS_DATA_JSON GITHUB_RANKING_DIR EARLIER_DATA_JSON
  WEB_FRAMEWORKS_DATA_JSON: data.json of the-benchmarker/web-frameworks at commit 6ea70193
  GITHUB_RANKING_DIR: the Data/ folder of EvanLi/Github-Ranking at commit 1f3e1701
  EARLIER_DATA_JSON: data.json of the-benchmarker/web-frameworks at commit 3f5b06b1 (results of
    2025-11-30), the last run with an entry the later run dropped; only such entries are kept
"""
import csv
import hashlib
import json
import os
import re
import sys
import tomllib

ROOT = os.path.join(os.path.dirname(__file__), "..", "crates", "tradeoff-core", "catalog", "sources")
SNAPSHOTS = ["github-ranking-2025-08-18.csv", "github-ranking-2026-08-22.csv"]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def web_frameworks(path, entries, target_dir="web-frameworks", skip=frozenset()):
    data = json.load(open(path))
    wanted = {(e["web_frameworks"]["language"], e["web_frameworks"]["label"])
              for e in entries.values() if "web_frameworks" in e} - skip
    frameworks = [f for f in data["frameworks"] if (f["language"], f["label"]) in wanted]
    ids = {f["id"] for f in frameworks}
    languages = {f["language"] for f in frameworks}
    out = {
        "metrics": [m for m in data["metrics"] if m["framework_id"] in ids],
        "frameworks": frameworks,
        "languages": [l for l in data["languages"] if l["label"] in languages],
        "updated_at": data["updated_at"],
        "version": data["version"],
        "hardware": data["hardware"],
    }
    target = os.path.join(ROOT, target_dir, "data.json")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    return [(target_dir + "/data.json", path)]


def entries_in(path):
    data = json.load(open(path))
    return {(f["language"], f["label"]) for f in data["frameworks"]}


def github_ranking(folder, entries):
    repos = {"https://github.com/" + e["github"]["repo"].lower() for e in entries.values() if "github" in e}
    lists = {e["github"]["list"] for e in entries.values() if "github" in e}
    written = []
    for name in SNAPSHOTS:
        source = os.path.join(folder, name)
        with open(source, newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        keep = []
        for row in rows:
            item, url = row[1], row[6].lower()
            last_of_list = item in lists and row[0] == max((r[0] for r in rows if r[1] == item), key=int)
            if url in repos or last_of_list:
                keep.append(row)
        target = os.path.join(ROOT, "github-ranking", name)
        with open(target, "w", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(keep)
        written.append(("github-ranking/" + name, source))
    return written


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    entries = tomllib.load(open(os.path.join(ROOT, "entries.toml"), "rb"))
    pairs = web_frameworks(sys.argv[1], entries) + github_ranking(sys.argv[2], entries)
    # The earlier run fills only the gaps of the later one: no framework gets two figures.
    later = entries_in(sys.argv[1])
    pairs += web_frameworks(sys.argv[3], entries, "web-frameworks-2025-11-30", skip=later)
    for extract, original in pairs:
        print(f"{extract}: extract {sha256(os.path.join(ROOT, extract))}, original {sha256(original)}")


if __name__ == "__main__":
    main()
