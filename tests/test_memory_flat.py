"""What a run keeps of each file until its report: flat in the number of files."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from benchmarks.generate import profile_file

from tests.conftest import ROOT

RETAINED = """
import gc, sys, tracemalloc
from pathlib import Path
from skillprofiles.engine.checker import Checker
def held():
    gc.collect()
    # blocks of one file's records; a table the interpreter resizes once (interned strings) is not one
    return sum(t.size for t in tracemalloc.take_snapshot().traces if t.size < 65536)
files = sorted(Path(sys.argv[1]).rglob("*.yaml"))
checker = Checker()
checker.check_paths(files)  # warm up: models built, rules registered, every cache and lazy table filled
finish = Checker.finish
kept = []
def spy(self, *args, **kwargs):  # every result is in and the repository checks have run
    kept.append(held())
    return finish(self, *args, **kwargs)
Checker.finish = spy
for count in (100, len(files)):
    tracemalloc.start()
    start = held()
    checker.check_paths(files[:count])
    tracemalloc.stop()
    kept[-1] -= start
print((kept[1] - kept[0]) // (len(files) - 100))
"""


def test_a_clean_file_leaves_a_few_hundred_bytes_until_the_report(tmp_path: Path) -> None:
    # a run's memory is flat in its files only if what it keeps of each until the report is small:
    # the name, the code and title the repository checks need, the line a duplicate code would be on
    # (about 600 bytes); a kept summary (1.7 kB) or the excerpts of every file (0.8 kB) would show
    written, index = 0, 0
    while written < 500:
        name, text, kind = profile_file(index, 7, bad_share=0.0)
        index += 1
        if kind is None:
            (tmp_path / name).write_text(text, encoding="utf-8")
            written += 1
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(RETAINED), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert int(out.stdout) < 1_000, out.stdout
