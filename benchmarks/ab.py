"""Two commands timed against each other in alternating runs: ``python benchmarks/ab.py A B``.

For one change, measured where the machine's speed drifts: each pair runs A then B (or B then A,
alternately), so that a slower minute slows both, and the figure that counts is the median of
the pairs' ratios. Run from the repository root, for example against an older commit::

    git worktree add /tmp/old 8c79622
    python benchmarks/ab.py --runs 20 \\
        "env PYTHONPATH=/tmp/old/src .venv/bin/skillprofiles validate benchmarks/out/sets/seed1-n1000" \\
        ".venv/bin/skillprofiles validate benchmarks/out/sets/seed1-n1000"

Each run is started from the benchmark's launcher (``run.launch``): wall time, CPU of the command
and its reaped children, and peak resident memory.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import launch

FIGURES = ("wall", "cpu", "maxrss_kb")


def ratios(a: Sequence[dict[str, float]], b: Sequence[dict[str, float]]) -> dict[str, float]:
    """The median over pairs of A's figure divided by B's, for each figure."""
    return {
        name: statistics.median(x[name] / y[name] for x, y in zip(a, b, strict=True) if y[name])
        for name in FIGURES
    }


def medians(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over ``runs``."""
    return {name: statistics.median(run[name] for run in runs) for name in FIGURES}


def alternate(a: list[str], b: list[str], runs: int) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """``runs`` pairs, the first command of a pair alternating; one warm-up run of each first."""
    for command in (a, b):  # the first runs read the files and the bytecode from disk
        launch(command)
    first: list[dict[str, float]] = []
    second: list[dict[str, float]] = []
    for index in range(runs):
        if index % 2:
            second.append(launch(b))
            first.append(launch(a))
        else:
            first.append(launch(a))
            second.append(launch(b))
    return first, second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", help="command A, as one shell-quoted string")
    parser.add_argument("b", help="command B, as one shell-quoted string")
    parser.add_argument("--runs", type=int, default=20, help="pairs of runs (default 20)")
    args = parser.parse_args()
    first, second = alternate(shlex.split(args.a), shlex.split(args.b), max(1, args.runs))
    for label, runs in (("A", first), ("B", second)):
        m = medians(runs)
        print(f"{label}: wall {m['wall']:.3f} s, CPU {m['cpu']:.3f} s, peak {m['maxrss_kb'] / 1024:.1f} MB")
    r = ratios(first, second)
    print(f"A/B (median of {len(first)} pairs): wall {r['wall']:.3f}, CPU {r['cpu']:.3f}", end="")
    print(f", peak {r['maxrss_kb']:.3f}")


if __name__ == "__main__":
    main()
