"""The long fuzz run over every command and side file: ``python -m tests.fuzz_long --inputs 200000``.

Inputs are spread evenly over the targets of ``tests/fuzz_commands.py`` and over ``--workers``
processes (each with its own seed). Prints the inputs and failures per target, the wall time, and
each failing input (its first five per target, written under ``--keep``). Exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

from tests.fuzz_commands import Target, fuzz, targets


def _shard(
    job: tuple[int, int, str],
) -> tuple[dict[str, tuple[int, int]], list[tuple[str, str, list[str]]]]:
    inputs, seed, only = job
    chosen = [t for t in targets() if only in t.name]
    failures: list[tuple[str, str, list[str]]] = []

    def report(target: Target, text: str, found: list[str]) -> None:
        if sum(1 for name, _, _ in failures if name == target.name) < 5:
            failures.append((target.name, text, found))

    return fuzz(chosen, inputs, seed, report), failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=200_000, help="inputs in all (default 200,000)")
    parser.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--seed", type=int, default=17, help="seed of the first worker")
    parser.add_argument("-k", default="", help="only targets whose name contains this")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"), help="where failing inputs go")
    args = parser.parse_args()
    share, extra = divmod(args.inputs, args.workers)
    jobs = [(share + (i < extra), args.seed + i, args.k) for i in range(args.workers)]
    start = time.monotonic()
    if args.workers == 1:
        results = [_shard(jobs[0])]
    else:
        with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
            results = pool.map(_shard, jobs)
    elapsed = time.monotonic() - start
    totals: dict[str, list[int]] = {}
    failures = [f for _, found in results for f in found]
    for counts, _ in results:
        for name, (n, bad) in counts.items():
            total = totals.setdefault(name, [0, 0])
            total[0] += n
            total[1] += bad
    for name, (n, bad) in totals.items():
        print(f"{name:28} {n:8,} inputs {bad:6,} failing")
    inputs = sum(n for n, _ in totals.values())
    print(f"{inputs:,} inputs over {len(totals)} targets in {elapsed:.0f} s ({args.workers} workers)")
    if failures:
        args.keep.mkdir(parents=True, exist_ok=True)
    for i, (name, text, found) in enumerate(failures):
        path = args.keep / f"{i:03}-{name.replace(' ', '_').replace('/', '_')}.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        print(f"FAIL {name}: {'; '.join(found)[:300]} (input: {path})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
