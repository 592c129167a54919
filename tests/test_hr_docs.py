"""docs/hr.md: every ``pycon`` example runs, in order, in one session, and prints what the page says."""

from __future__ import annotations

import doctest
import re

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "hr.md"
FENCE = re.compile(r"^```pycon\n(.*?)^```", re.M | re.S)


def test_hr_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = FENCE.findall(text)
    assert len(blocks) >= 8, "docs/hr.md lost its examples"
    monkeypatch.chdir(ROOT)  # the examples use paths relative to the repository
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(blocks), {}, "docs/hr.md", str(DOC), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    output: list[str] = []
    result = runner.run(test, out=output.append)
    assert result.attempted >= 30
    assert result.failed == 0, "".join(output)
