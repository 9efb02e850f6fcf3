#!/usr/bin/env python3
"""Produces every benchmark figure of the project in one run and writes BENCHMARKS.md.

Usage: python3 bench/compare.py [--out BENCHMARKS.md]

Figures (targets from issue 7):
  1. parse + compile of a generated 1 MB spec (divan bench `tradeoff-lang/parse`)   >= 100 MB/s
     (issue 2 asks >= 50 MB/s for the same bench)
  2. `tradeoff decide` on one example spec, whole cold process                      <= 5 ms
  3. `tradeoff check` over 1,000 generated specs                                     <= 1 s
  4. TOPSIS on a 1,000 x 20 matrix vs pymcdm on the same matrix, same run           >= 20x, same ranking
Needs: cargo (release builds), and pymcdm (`pip install pymcdm`) for figure 4.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "tradeoff")


def sh(args, **kw):
    return subprocess.run(args, cwd=kw.pop("cwd", ROOT), check=True, capture_output=True, text=True, **kw)


def timed(args, runs, cwd=ROOT, before=None):
    """Wall times in ms of `runs` executions of a command (a fresh process each time)."""
    times = []
    for _ in range(runs):
        extra = before() if before else []
        start = time.perf_counter()
        subprocess.run(args + extra, cwd=cwd, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def parse_throughput():
    out = sh(["cargo", "bench", "-q", "-p", "tradeoff-lang", "--bench", "parse"]).stdout
    lines = out.splitlines()
    figures = {}
    for i, line in enumerate(lines):
        for name in ("parse_and_compile_1mb", "parse_only_1mb", "format_1mb"):
            if name in line:
                rates = re.findall(r"([\d.]+) ([MG])B/s", lines[i + 1])
                values = [float(v) * (1000 if unit == "G" else 1) for v, unit in rates]
                # divan columns: fastest, slowest, median, mean
                figures[name] = {"fastest": values[0], "median": values[2]}
    return figures


def decide_cold():
    spec = "specs/sensor-ingest.tradeoff"
    new = timed([BIN, "-q", "decide", spec, "--out"], 30, before=lambda: [tempfile.mkdtemp()])
    current_dir = tempfile.mkdtemp()
    sh([BIN, "-q", "decide", spec, "--out", current_dir])
    current = timed([BIN, "-q", "decide", spec, "--out", current_dir], 30)
    baseline = timed([BIN, "--version"], 30)
    return {"new_record": new, "record_current": current, "process_baseline": baseline}


def check_thousand():
    project = tempfile.mkdtemp()
    os.mkdir(os.path.join(project, ".git"))
    specs = os.path.join(project, "specs")
    os.mkdir(specs)
    examples = sorted(f for f in os.listdir(os.path.join(ROOT, "specs")) if f.endswith(".tradeoff"))
    for n in range(1000):
        name = examples[n % len(examples)]
        with open(os.path.join(ROOT, "specs", name), encoding="utf-8") as handle:
            text = handle.read()
        decision = name[: -len(".tradeoff")]
        text = text.replace(f"decision {decision} ", f"decision {decision}-{n:04d} ", 1)
        with open(os.path.join(specs, f"{decision}-{n:04d}.tradeoff"), "w", encoding="utf-8") as handle:
            handle.write(text)
    sh([BIN, "-q", "decide", "specs"], cwd=project)
    result = timed([BIN, "check", "specs"], 5, cwd=project)
    shutil.rmtree(project)
    return result


def topsis_versus_pymcdm():
    out = os.path.join(tempfile.mkdtemp(), "matrix.json")
    sh(["cargo", "run", "-q", "--release", "-p", "tradeoff-core", "--example", "mcdm_timing", "--", "1000", "20", "300", out])
    with open(out, encoding="utf-8") as handle:
        data = json.load(handle)
    try:
        import numpy as np
        from pymcdm.methods import TOPSIS
        from pymcdm.normalizations import vector_normalization
    except ImportError:
        return {"ours_us": data["topsis_microseconds"], "error": "pymcdm not installed (pip install pymcdm)"}
    matrix = np.asarray(data["matrix"], dtype=float)
    weights = np.asarray(data["weights"], dtype=float)
    types = np.ones(len(weights))
    method = TOPSIS(normalization_function=vector_normalization)
    theirs = method(matrix, weights, types)
    best = float("inf")
    for _ in range(50):
        start = time.perf_counter()
        method(matrix, weights, types)
        best = min(best, (time.perf_counter() - start) * 1e6)
    ours = np.asarray(data["topsis"])
    same_ranking = bool((np.argsort(-ours, kind="stable") == np.argsort(-theirs, kind="stable")).all())
    return {
        "ours_us": data["topsis_microseconds"],
        "all_us": data["all_methods_and_sensitivity_microseconds"],
        "pymcdm_us": best,
        "ratio": best / data["topsis_microseconds"],
        "same_ranking": same_ranking,
        "max_difference": float(np.max(np.abs(ours - theirs))),
    }


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    rustc = sh(["rustc", "--version"]).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, {rustc}, Python {platform.python_version()}"


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    args = parser.parse_args()
    sh(["cargo", "build", "-q", "--release", "-p", "tradeoff-cli"])
    parse = parse_throughput()
    decide = decide_cold()
    check = check_thousand()
    mcdm = topsis_versus_pymcdm()
    pc = parse["parse_and_compile_1mb"]
    rows = [
        ("parse + compile, generated 1 MB spec", "≥ 50 MB/s (issue 2); ≥ 100 MB/s (issue 7)",
         f"{pc['median']:.1f} MB/s median ({pc['fastest']:.1f} fastest); parse alone {parse['parse_only_1mb']['median']:.1f} MB/s",
         f"{verdict(pc['median'] >= 50)} (50); {verdict(pc['median'] >= 100)} (100)"),
        ("`tradeoff decide`, cold process, record up to date", "≤ 5 ms",
         f"{decide['record_current'][1]:.1f} ms median ({decide['record_current'][0]:.1f} best)",
         verdict(decide["record_current"][1] <= 5)),
        ("`tradeoff decide`, cold process, writing a new record", "≤ 5 ms",
         f"{decide['new_record'][1]:.1f} ms median ({decide['new_record'][0]:.1f} best)",
         verdict(decide["new_record"][1] <= 5)),
        ("`tradeoff check` over 1,000 generated specs", "≤ 1 s",
         f"{check[1]:.0f} ms median ({check[0]:.0f} best)", verdict(check[1] <= 1000)),
    ]
    if "error" in mcdm:
        rows.append(("TOPSIS 1,000 × 20 vs pymcdm", "≥ 20×", f"ours {mcdm['ours_us']:.0f} µs; {mcdm['error']}", "not measured"))
    else:
        rows.append(("TOPSIS 1,000 × 20 vs pymcdm (same matrix, same run)", "≥ 20×, same ranking",
                     f"{mcdm['ratio']:.1f}× ({mcdm['ours_us']:.0f} µs vs {mcdm['pymcdm_us']:.0f} µs); ranking "
                     f"{'identical' if mcdm['same_ranking'] else 'DIFFERENT'}, max |Δ| {mcdm['max_difference']:.1e}",
                     verdict(mcdm["ratio"] >= 20 and mcdm["same_ranking"])))
        rows.append(("weighted sum + TOPSIS + sensitivity, 1,000 × 20", "—", f"{mcdm['all_us']:.0f} µs", "—"))
    lines = [
        "# Benchmarks",
        "",
        f"Produced by `python3 bench/compare.py` on {datetime.date.today().isoformat()}.",
        f"Machine: {machine()}.",
        f"Process start of `tradeoff --version` on this machine: {decide['process_baseline'][1]:.1f} ms median.",
        "",
        "| measurement | target | result | verdict |",
        "|---|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines.append("")
    notes = os.path.join(ROOT, "bench", "notes.md")
    if os.path.exists(notes):
        with open(notes, encoding="utf-8") as handle:
            lines.append(handle.read())
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
