"""Resource bounds on hostile input, measured by the process's own accounting in a fresh subprocess.

Each case runs in its own interpreter, after a warm-up, so that the figures are its own: CPU time from
``resource.getrusage`` (user + system), peak memory growth from ``ru_maxrss`` (libyaml's C allocations
included) and the Python allocation peak from ``tracemalloc``. Bounds are generous multiples of what was
measured (docs/security.md); a regression that makes the reader expand the bomb or recurse would exceed
them by orders of magnitude.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHILD = r"""
import json, resource, sys, tracemalloc
from skillprofiles.engine.checker import Checker
from skillprofiles.tuning.config import Config
from skillprofiles.source.reader import Limits, parse_bytes

data = open(sys.argv[1], "rb").read()
checker = Checker(Config(limits=Limits(allow_aliases=sys.argv[2] == "aliases")))
checker.check_parsed(parse_bytes(b"a: [1, {b: c}]\n", "warm-up", checker.config.limits))

def usage():
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime, own.ru_maxrss

cpu, rss = usage()
result = checker.check_parsed(parse_bytes(data, "case.yaml", checker.config.limits))
cpu_after, rss_after = usage()
tracemalloc.start()
checker.check_parsed(parse_bytes(data, "case.yaml", checker.config.limits))
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({
    "cpu_s": cpu_after - cpu, "rss_growth_mb": (rss_after - rss) / 1024, "python_peak_mb": peak / 2**20,
    "codes": sorted({d.code for d in result.diagnostics}),
}))
"""


def bomb(levels: int) -> bytes:
    lines = ["lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def quadratic_blowup() -> bytes:
    # one anchor used 1,000 times, each use 1,000 nodes: a million nodes from 13 kB ("quadratic blowup")
    return b"a: &a [" + b"x, " * 999 + b"x]\nb: [" + b"*a, " * 999 + b"*a]\n"


def worst_within_limits() -> bytes:
    # the costliest file the default limits let through: 50,000 nodes at the deepest allowed level
    return b"[" * 63 + b"a," * 49_930 + b"a" + b"]" * 63


# name, input, alias policy, CPU seconds, RSS growth MB, Python peak MB, codes found
CASES = [
    ("billion laughs, aliases off", bomb(10), "default", 1.0, 20, 20, ["SP014", "SP100"]),
    ("billion laughs, aliases on", bomb(10), "aliases", 1.0, 20, 20, ["SP014"]),
    ("quadratic blowup, aliases on", quadratic_blowup(), "aliases", 1.0, 20, 20, ["SP014"]),
    ("100,000 flow levels", b"[" * 100_000 + b"]" * 100_000, "default", 1.0, 20, 20, ["SP015"]),
    ("100,000 flow mapping levels", b"{a: " * 100_000 + b"}" * 100_000, "default", 1.0, 20, 20, ["SP015"]),
    ("50,000 block levels", b"- " * 50_000 + b"x\n", "default", 1.0, 20, 20, ["SP015"]),
    ("worst case within the limits", worst_within_limits(), "default", 5.0, 200, 200, ["SP018"]),
]


@pytest.mark.parametrize(
    ("data", "policy", "cpu", "rss", "peak", "codes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_input_stays_within_bounds(
    tmp_path: Path, data: bytes, policy: str, cpu: float, rss: float, peak: float, codes: list[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(case), policy], capture_output=True, text=True, check=True, cwd=ROOT
    )
    measured = json.loads(result.stdout)
    assert measured["codes"] == codes
    assert measured["cpu_s"] < cpu, measured
    assert measured["rss_growth_mb"] < rss, measured
    assert measured["python_peak_mb"] < peak, measured
