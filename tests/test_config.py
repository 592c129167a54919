"""Config: selection by code, prefix and name with specificity, severity overrides, per-path overrides."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from skillprofiles.diagnostics import Severity
from skillprofiles.engine.checker import Checker
from skillprofiles.tuning.config import Config, PathOverride, specificity, unknown_selector
from tests.minimal import WSP

# two findings: SP107 at 2:7 ('WSP-99' is not a WSP-G3 code) and, once the code is fixed, SP105 at 15:14
TWO = WSP.replace("levels: [e-2]", "levels: [e-6]")


def found(
    tmp_path: Path, config: Config, text: str = TWO, name: str = "p.yaml"
) -> list[tuple[str, str, int, int]]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report = Checker(config).check_paths([path])
    return [(d.code, d.severity.label, d.line, d.column) for d in report]


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), [("SP105", "error", 15, 14)]),
        (("SP105",), (), [("SP105", "error", 15, 14)]),
        (("SP1",), (), [("SP105", "error", 15, 14)]),  # prefix
        (("invalid-value",), (), [("SP105", "error", 15, 14)]),  # name
        (("SP0",), (), []),
        ((), ("SP105",), []),
        ((), ("SP1",), []),
        ((), ("invalid-value",), []),
        (("SP105",), ("SP1",), [("SP105", "error", 15, 14)]),  # the code is more specific than the prefix
        (("SP1",), ("SP105",), []),
        (("SP105",), ("SP105",), []),  # equal specificity: the ignore wins
        (("SP10",), ("SP1",), [("SP105", "error", 15, 14)]),  # the longer prefix wins
    ],
)
def test_selection_by_code_prefix_and_name(
    tmp_path: Path,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    expected: list[tuple[str, str, int, int]],
) -> None:
    assert found(tmp_path, Config(select=select, ignore=ignore)) == expected


def test_specificity_scores() -> None:
    assert specificity("SP105", "SP105") == 1000
    assert specificity("invalid-value", "SP105") == 1000
    assert specificity("sp1", "SP105") == 3
    assert specificity("SP2", "SP105") is None
    assert specificity("missing-section", "SP105") is None


def test_unknown_selector_suggests() -> None:
    assert unknown_selector("SP105") is None
    assert unknown_selector("SP1") is None
    assert (
        unknown_selector("invalid-valu") == "'invalid-valu' matches no rule (did you mean 'invalid-value'?)"
    )
    assert unknown_selector("SP1O5") == "'SP1O5' matches no rule (did you mean 'SP105'?)"


@pytest.mark.parametrize(
    ("severities", "label"),
    [
        ({"SP105": Severity.WARNING}, "warning"),
        ({"invalid-value": Severity.INFO}, "info"),
        ({"SP1": Severity.WARNING}, "warning"),
        ({"SP1": Severity.WARNING, "SP105": Severity.INFO}, "info"),  # the exact code wins over the prefix
        ({"SP105": Severity.INFO, "SP1": Severity.WARNING}, "info"),  # whatever the order
        ({"SP105": Severity.INFO, "invalid-value": Severity.WARNING}, "warning"),  # a tie: the later wins
    ],
)
def test_severity_overrides(tmp_path: Path, severities: dict[str, Severity], label: str) -> None:
    assert found(tmp_path, Config(severities=severities)) == [("SP105", label, 15, 14)]


def test_per_path_overrides_apply_only_under_their_globs(tmp_path: Path) -> None:
    legacy = PathOverride(("legacy/**",), str(tmp_path), ignore=("SP105",))
    softer = PathOverride(("*/old-*.yaml",), str(tmp_path), severities={"SP1": Severity.INFO})
    config = Config(per_path=(legacy, softer))
    assert found(tmp_path, config, name="legacy/deep/p.yaml") == []
    assert found(tmp_path, config, name="current/p.yaml") == [("SP105", "error", 15, 14)]
    assert found(tmp_path, config, name="current/old-p.yaml") == [("SP105", "info", 15, 14)]
    assert found(tmp_path, config, name="current/deeper/old-p.yaml") == [("SP105", "error", 15, 14)]


def test_per_path_directory_pattern_and_character_class(tmp_path: Path) -> None:
    config = Config(per_path=(PathOverride(("legacy", "v[0-9]/p.yaml"), str(tmp_path), ignore=("SP1",)),))
    assert found(tmp_path, config, name="legacy/p.yaml") == []
    assert found(tmp_path, config, name="v2/p.yaml") == []
    assert found(tmp_path, config, name="vx/p.yaml") == [("SP105", "error", 15, 14)]


def test_config_pickles_for_worker_processes() -> None:
    config = Config(
        select=("SP1",),
        severities={"SP105": Severity.WARNING},
        per_path=(PathOverride(("legacy/**",), "/repo", ("SP104",), {"SP101": Severity.INFO}),),
        catalogue_path="/repo/cat.yaml",
    )
    assert pickle.loads(pickle.dumps(config)) == config
