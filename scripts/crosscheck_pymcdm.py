#!/usr/bin/env python3
"""Cross-check tradeoff's weighted sum and TOPSIS against pymcdm.

Usage: crosscheck_pymcdm.py FILE.json...

Each FILE is either the output of `tradeoff score SPEC --format json` (an Evaluation: the
decision matrix is read from the options' cells, in the evaluation's criteria order) or an
export in the format below.

EXPORT.json is written by tradeoff-core's `export_matrix_for_pymcdm` test when
TRADEOFF_CROSSCHECK_OUT is set:
    {"matrix": [[...], ...], "weights": [...], "wsm": [...], "topsis": [...]}
Rows are alternatives, columns criteria; every criterion is a benefit criterion and the
scores are already in [0, 1], so the weighted sum uses them unnormalised and TOPSIS uses
vector normalisation. Exits non-zero if any total differs by more than 1e-9.
"""

import json
import sys

import numpy as np
from pymcdm.methods import TOPSIS, WSM
from pymcdm.normalizations import vector_normalization

TOLERANCE = 1e-9


def identity(x, cost=False):
    """tradeoff's cells are already scores in [0, 1]: the weighted sum must not renormalise."""
    return x


def check(name, ours, theirs):
    ours = np.asarray(ours, dtype=float)
    theirs = np.asarray(theirs, dtype=float)
    if ours.shape != theirs.shape:
        sys.exit(f"{name}: shape {ours.shape} vs pymcdm {theirs.shape}")
    worst = float(np.max(np.abs(ours - theirs))) if ours.size else 0.0
    if not worst <= TOLERANCE:
        rows = "\n".join(f"  {i}: tradeoff {float(a)!r} pymcdm {float(b)!r}" for i, (a, b) in enumerate(zip(ours, theirs)))
        sys.exit(f"{name}: largest difference {worst:.3e} exceeds {TOLERANCE:g}\n{rows}")
    print(f"{name}: {ours.size} totals agree (largest difference {worst:.3e})")


def from_evaluation(evaluation):
    """The export format, read from a tradeoff Evaluation's JSON."""
    criteria = evaluation["criteria"]
    options = evaluation["options"]
    return {
        "matrix": [[option["cells"][c]["score"] for c in criteria] for option in options],
        "weights": [evaluation["weights"]["values"][c] for c in criteria],
        "wsm": [option["totals"].get("weighted-sum") for option in options],
        "topsis": [option["totals"].get("topsis") for option in options],
    }


def check_file(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if "options" in data:
        data = from_evaluation(data)
    matrix = np.asarray(data["matrix"], dtype=float)
    weights = np.asarray(data["weights"], dtype=float)
    types = np.ones(len(weights))
    if len(matrix) < 2:
        print(f"{path}: fewer than two options, nothing to compare")
        return
    if all(total is not None for total in data["wsm"]):
        check(f"{path} weighted sum", data["wsm"], WSM(normalization_function=identity)(matrix, weights, types))
    if all(total is not None for total in data["topsis"]):
        topsis = TOPSIS(normalization_function=vector_normalization)(matrix, weights, types)
        check(f"{path} topsis", data["topsis"], topsis)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    for path in argv[1:]:
        check_file(path)


if __name__ == "__main__":
    main(sys.argv)
