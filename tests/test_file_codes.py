"""File-level codes that no other test module exercised: SP000, SP001 and SP019."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from skillprofiles import validate
from skillprofiles.engine.checker import Checker
from skillprofiles.rules import Check
from skillprofiles.source.reader import Limits
from skillprofiles.tuning.config import Config
from tests.minimal import WSP


def test_sp001_missing_path() -> None:
    report = validate("no/such/profile.yaml")
    assert [(d.code, d.line, d.column) for d in report] == [("SP001", 1, 1)]


def test_sp019_too_many_nodes(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("items:\n" + "".join(f"  - {i}\n" for i in range(50)), encoding="utf-8")
    report = Checker(Config(limits=Limits(max_nodes=20))).check_paths([path])
    assert [d.code for d in report] == ["SP019"]
    assert report.diagnostics[0].line > 1


def test_sp000_a_fault_in_a_rule_costs_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(profile: object, ctx: object) -> Iterator[object]:
        raise ValueError("boom")

    checker = Checker()
    first = checker.profile_checks[0]
    monkeypatch.setattr(checker, "profile_checks", [Check(first.rule, broken)])
    path = tmp_path / "WSP-G3-099.yaml"
    path.write_text(WSP, encoding="utf-8")
    report = checker.check_paths([path])
    assert [(d.code, d.line, d.column) for d in report] == [("SP000", 1, 1)]
    assert "ValueError: 'boom'" in report.diagnostics[0].message  # user text is quoted and escaped
