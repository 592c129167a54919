"""Every command and side file fuzzed in process (tests/fuzz_commands.py): the CI budget.

Each target gets ``SKILLPROFILES_FUZZ_COMMANDS`` structure-aware mutated inputs (default 60: 28
targets, about 15 s in all), seeded, so a failure is reproduced by rerunning. The long budget is
``python -m tests.fuzz_long --inputs 200000`` (docs/security.md).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.fuzz_commands import CONTROL, Outcome, Target, fuzz, mutate, problems, quoted, run, targets

PER_TARGET = int(os.environ.get("SKILLPROFILES_FUZZ_COMMANDS", "60"))
TARGETS = targets()


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_mutated_inputs_through_every_command_and_side_file(target: Target) -> None:
    failures: list[tuple[str, list[str]]] = []
    counts = fuzz(
        [target],
        PER_TARGET,
        seed=17,
        report=lambda t, text, found: failures.append((text, found)),
    )
    assert counts == {target.name: (PER_TARGET, len(failures))}
    assert failures == []


def test_the_targets_cover_every_command_and_side_file() -> None:
    commands = {t.argv[0] for t in TARGETS}
    assert commands == {"validate", "show", "export", "compare", "matrix", "gap", "team"}
    assert {t.file for t in TARGETS} >= {
        "x.yaml",
        "a.yaml",
        ".skillprofiles.yaml",
        "b.json",
        "cat.yaml",
        "m.yaml",
    }


def test_the_mutator_changes_its_seed_and_keeps_hostile_text_escaped_in_the_file() -> None:
    rng = random.Random(1)
    seed = "a: 1\nb:\n  - x\n  - y\nc: text\n"
    mutated = [mutate(rng, seed) for _ in range(200)]
    assert sum(m != seed for m in mutated) > 150
    assert quoted('x\x1b[2J\u202e"\\') == '"x\\x1b[2J\\u202e\\"\\\\"'
    assert CONTROL.search(quoted("\x1b\x9b\u202e\u2028\n")) is None


def test_the_oracle_sees_each_kind_of_failure() -> None:
    target = TARGETS[0]
    assert problems(target, Outcome(0, "ok\n", "")) == []
    assert problems(target, Outcome(0, "\x1b[2J", "")) == ["control characters ['\\x1b']"]
    assert problems(target, Outcome(1, "x\n::error::forged\n", "")) == ["a line starts a CI workflow command"]
    assert problems(target, Outcome(3, "", "Traceback (most recent call last)")) == ["exit 3", "traceback"]
    assert problems(target, Outcome(1, "f:1:1: SP000 internal error", "")) == ["SP000"]
    assert problems(target, Outcome(None, "", "", KeyError("x"))) == ["exception KeyError: 'x'", "exit None"]


def test_a_command_run_in_process_gives_its_exit_code_and_output(tmp_path: Path) -> None:
    outcome = run(["rules", "SP303"], tmp_path)
    assert (outcome.code, outcome.error) == (0, None)
    assert outcome.stdout.startswith("SP303")


# Found by the long run (docs/security.md): a misspelt key folds two pydantic errors into one
# diagnostic, and hr/assessment.py ``located`` zipped errors with diagnostics (ValueError). Now
# each is its located finding.
HR_CRASHES = [
    ("gap", "person: B\necf_version: '4.0'\ncompetences:\n  - code: E.4\n    levels: e-3\n", "a.yaml"),
    ("compare --mapping", "from: '4.0'\ncode: x\n", "m.yaml"),
]
HR_FINDINGS = {
    "gap": ["a.yaml:5:5: SP102 error unknown key 'levels'"],
    "compare --mapping": [
        "m.yaml:1:1: SP101 error required section 'to' is missing",
        "m.yaml:2:1: SP102 error unknown key 'code'",
    ],
}


@pytest.mark.parametrize(("command", "text", "name"), HR_CRASHES, ids=[c for c, _, _ in HR_CRASHES])
def test_known_hr_crashes_found_by_the_long_run(tmp_path: Path, command: str, text: str, name: str) -> None:
    from tests.minimal import WSP

    (tmp_path / "good.yaml").write_text(WSP)
    (tmp_path / name).write_text(text)
    argv = (
        ["gap", name, "good.yaml"]
        if command == "gap"
        else ["compare", "--mapping", name, "good.yaml", "good.yaml"]
    )
    outcome = run(argv, tmp_path)
    assert (outcome.code, outcome.error) == (1, None)
    located = [line for line in outcome.stderr.splitlines() if line.startswith(f"{name}:")]
    assert located == HR_FINDINGS[command]
