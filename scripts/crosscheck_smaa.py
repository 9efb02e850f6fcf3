#!/usr/bin/env python3
"""Cross-check tradeoff's acceptability analysis (SMAA-2) with an independent implementation.

Usage: crosscheck_smaa.py PLANS_DIR FILE.json...

Each FILE is the output of `tradeoff score SPEC --format json`; PLANS_DIR/<same name>.json is
the output of `tradeoff plan SPEC --format json` (needed only for `compare` specs, whose
judgments the evaluation does not repeat). Files without an `assurance` are skipped.

This script shares no code or random stream with tradeoff: weights come from numpy's Dirichlet
sampler (tradeoff sorts uniforms and takes the gaps), AHP weights from numpy's eigensolver
(tradeoff uses power iteration with Harker's method in Rust), and ranks from a stable argsort.
It draws SAMPLES times per spec and compares every reported rank acceptability (ranks 1-3 of
every option). Two estimates of the same proportion p from n and m draws differ by a normal
variable with standard deviation sqrt(p(1-p)(1/n + 1/m)); a difference beyond 4 of those, plus
an absolute SLACK of half a percentage point (for the AHP solvers' different precision and
ties at interval ends), fails. With fixed seeds the check is deterministic; a false alarm at 4
standard deviations has odds of about 1 in 16,000 per comparison.
"""

import json
import pathlib
import sys

import numpy as np

SAMPLES = 20_000
SEED = 20011201  # Lahdelma & Salminen's SMAA-2 appeared in 2001.
SIGMAS = 4.0
SLACK = 0.005
RANKS = 3


def ordinal_weights(rng, stated):
    """Uniform on the simplex, constrained to the order of the stated weights (ties unordered)."""
    m = len(stated)
    draws = np.sort(rng.dirichlet(np.ones(m), size=SAMPLES), axis=1)[:, ::-1]
    levels = sorted(set(round(w, 12) for w in stated), reverse=True)
    weights = np.empty_like(draws)
    start = 0
    for level in levels:
        columns = [k for k, w in enumerate(stated) if round(w, 12) == level]
        block = draws[:, start:start + len(columns)]
        # A random permutation within the level, per draw.
        order = np.argsort(rng.random(block.shape), axis=1)
        weights[:, columns] = np.take_along_axis(block, order, axis=1)
        start += len(columns)
    return weights


def saaty_step(intensity, u):
    """Moves an intensity by u in [-1, 1) steps on the line ..., 1/3, 1/2, 1, 2, 3, ..."""
    position = np.where(intensity >= 1.0, intensity - 1.0, -(1.0 / intensity - 1.0))
    moved = np.clip(position + u, -8.0, 8.0)
    return np.where(moved >= 0.0, moved + 1.0, 1.0 / (1.0 - moved))


def ahp_weights(rng, judgments, criteria):
    """Each judgment moved by up to one Saaty step; weights from the principal eigenvector of the
    reciprocal matrix, missing pairs by Harker's method (diagonal + 1 per missing linked pair)."""
    compared = sorted({j["more"] for j in judgments} | {j["less"] for j in judgments})
    index = {c: i for i, c in enumerate(compared)}
    k = len(compared)
    parent = list(range(k))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for j in judgments:
        parent[find(index[j["more"]])] = find(index[j["less"]])
    given = np.zeros((SAMPLES, k, k))
    known = np.zeros((k, k), dtype=bool)
    for j in judgments:
        a, b = index[j["more"]], index[j["less"]]
        x = saaty_step(np.clip(j["intensity"], 1 / 9, 9), rng.uniform(-1.0, 1.0, SAMPLES))
        given[:, a, b] = x
        given[:, b, a] = 1.0 / x
        known[a, b] = known[b, a] = True
    matrix = given.copy()
    for a in range(k):
        matrix[:, a, a] = 1.0
        for b in range(k):
            if a != b and not known[a, b]:
                if find(a) == find(b):
                    matrix[:, a, a] += 1.0
                else:
                    matrix[:, a, b] = 1.0
    values, vectors = np.linalg.eig(matrix)
    principal = np.argmax(values.real, axis=1)
    w = np.abs(np.take_along_axis(vectors.real, principal[:, None, None], axis=2)[:, :, 0])
    w /= w.sum(axis=1, keepdims=True)
    out = np.zeros((SAMPLES, len(criteria)))
    for c, i in index.items():
        if c in criteria:
            out[:, criteria.index(c)] = w[:, i]
    return out / out.sum(axis=1, keepdims=True)


def check(path, plans):
    evaluation = json.loads(path.read_text())
    assurance = evaluation.get("assurance")
    if not assurance:
        return 0
    rng = np.random.default_rng(SEED)
    criteria = evaluation["criteria"]
    options = sorted(evaluation["options"], key=lambda o: o["framework"])  # ties go to the lower id
    lows = np.array([[o["cells"][c]["interval"]["low"] for c in criteria] for o in options])
    highs = np.array([[o["cells"][c]["interval"]["high"] for c in criteria] for o in options])
    smaa = assurance["smaa"]
    if smaa["weight_sampling"] == "ordinal":
        weights = ordinal_weights(rng, [evaluation["weights"]["values"][c] for c in criteria])
    else:
        plan = json.loads((plans / path.name).read_text())
        weights = ahp_weights(rng, plan["weighting"]["judgments"], criteria)
    cells = lows + (highs - lows) * rng.random((SAMPLES,) + lows.shape)
    totals = np.einsum("sik,sk->si", cells, weights)
    order = np.argsort(-totals, axis=1, kind="stable")
    ids = [o["framework"] for o in options]
    failures = 0
    n = smaa["samples"]
    for reported in smaa["acceptability"]:
        i = ids.index(reported["framework"])
        for rank, ours in enumerate(reported["ranks"][:RANKS]):
            theirs = float(np.mean(order[:, rank] == i))
            p = (ours + theirs) / 2.0
            bound = SIGMAS * np.sqrt(p * (1 - p) * (1 / n + 1 / SAMPLES)) + SLACK
            if abs(ours - theirs) > bound:
                failures += 1
                print(f"{path.name}: {reported['framework']} rank {rank + 1}: tradeoff {ours:.4f}, "
                      f"numpy {theirs:.4f} (allowed ±{bound:.4f})")
    winner = max(smaa["acceptability"], key=lambda a: a["ranks"][0])
    print(f"{path.name}: {len(ids)} options, {smaa['weight_sampling']} weights, "
          f"{assurance['verdict']}; top {winner['framework']} {winner['ranks'][0]:.3f}, "
          f"{'agrees' if failures == 0 else f'{failures} disagreements'}")
    return failures


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    plans = pathlib.Path(sys.argv[1])
    failures = sum(check(pathlib.Path(f), plans) for f in sys.argv[2:])
    if failures:
        sys.exit(f"{failures} acceptability indices disagree beyond sampling error")


if __name__ == "__main__":
    main()
