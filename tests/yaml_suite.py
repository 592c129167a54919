"""Run the official YAML test suite through skillprofiles and through plain CSafeLoader, case by case."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import yaml

from skillprofiles.engine.checker import Checker
from skillprofiles.source.reader import Limits, parse_bytes
from skillprofiles.tuning.config import Config
from tests.conftest import ROOT

# "this YAML cannot be read": malformed, or a tag no safe loader constructs (as CSafeLoader refuses it)
WELL_FORMEDNESS = {"SP003", "SP004", "SP010", "SP011", "SP013"}
CASE_SECONDS = 5


def suite_dir() -> Path | None:
    """The suite: $SKILLPROFILES_YAML_SUITE, or shared/corpora/ beside an ancestor of the checkout."""
    if "SKILLPROFILES_YAML_SUITE" in os.environ:
        return Path(os.environ["SKILLPROFILES_YAML_SUITE"])
    for parent in ROOT.parents:
        candidate = parent / "shared" / "corpora" / "yaml-test-suite"
        if candidate.is_dir():
            return candidate
    return None


@dataclass(frozen=True)
class Outcome:
    """What each side made of one case."""

    case: str
    name: str
    error: bool  # the suite says the input is not valid YAML
    ours: tuple[str, ...]  # well-formedness findings of skillprofiles (aliases allowed), "code line:col msg"
    policy: tuple[str, ...]  # every error code of the default validator run
    pyyaml: str | None  # CSafeLoader's exception, None when it loaded the input


def cases(root: Path) -> Iterator[tuple[str, Path]]:
    """Every (case id, folder) holding an in.yaml, sub-cases as ID/NN."""
    for path in sorted(root.rglob("in.yaml")):
        yield path.parent.relative_to(root).as_posix(), path.parent


def _timeout(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError(f"a YAML suite case took more than {CASE_SECONDS} s")


def run_case(case: str, folder: Path) -> Outcome:
    """Both readers on one case, each under a time limit."""
    data = (folder / "in.yaml").read_bytes()
    name_file = folder / "===" if (folder / "===").exists() else folder.parent / "==="
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(CASE_SECONDS)
    try:
        lenient = Limits(allow_aliases=True)
        parsed = parse_bytes(data, case, lenient)
        ours = tuple(
            f"{d.code} {d.line}:{d.column} {d.message}"
            for d in parsed.diagnostics
            if d.code in WELL_FORMEDNESS
        )
        Checker(Config(limits=lenient)).check_parsed(parsed)
        strict = Checker().check_parsed(parse_bytes(data, case))
        policy = tuple(sorted({d.code for d in strict.diagnostics if d.severity.name == "ERROR"}))
        pyyaml = _pyyaml(data)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    name = name_file.read_text(encoding="utf-8").strip() if name_file.exists() else ""
    return Outcome(case, name, (folder / "error").exists(), ours, policy, pyyaml)


def _pyyaml(data: bytes) -> str | None:
    try:
        list(yaml.load_all(data, Loader=yaml.CSafeLoader))
    except yaml.YAMLError as exc:
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return None


def run_suite(root: Path) -> list[Outcome]:
    """Every case of the suite."""
    return [run_case(case, folder) for case, folder in cases(root)]


REASONS = [  # (words in our message, why libyaml reads it so); first match wins
    ("SP013", "policy: tags are never constructed (see docs/security.md)"),
    ("tab", "YAML 1.1 (libyaml) forbids tabs where YAML 1.2 allows them as separation"),
    ("cannot start any token", "YAML 1.1 (libyaml) forbids tabs where YAML 1.2 allows them as separation"),
    ("incompatible YAML", "libyaml reads %YAML 1.1 and 1.2 documents only"),
    ("directive", "libyaml knows only the %YAML and %TAG directives"),
    ("document-end marker", "libyaml expects a document before a '...' document end marker"),
    ("anchor", "libyaml allows only letters, digits, '-' and '_' in anchor names (YAML 1.2 allows more)"),
    ("<document start>", "libyaml does not implement YAML 1.2 bare documents after a document end"),
    ("flow", "YAML 1.2 flow relaxations (multi-line or empty implicit keys, ':' next to a value) missing"),
    (
        "plain scalar",
        "YAML 1.2 flow relaxations (multi-line or empty implicit keys, ':' next to a value) missing",
    ),
    ("expected key", "libyaml does not support empty implicit keys or this YAML 1.2 key form"),
    ("expected node content", "libyaml does not support empty nodes in this position"),
]


def why(outcome: Outcome) -> str:
    """The reason for a deviation, from the finding's wording."""
    if outcome.error:
        return "libyaml's grammar is looser than YAML 1.2 here; the file still fails on profile codes"
    text = f"{outcome.ours[0]} {outcome.name}".lower()
    return next((reason for words, reason in REASONS if words.lower() in text), "libyaml implements YAML 1.1")


def deviations(outcomes: list[Outcome]) -> Iterator[str]:
    """Markdown rows for every case where skillprofiles' reader disagrees with the suite."""
    for o in outcomes:
        if o.error and not o.ours:
            theirs = "also accepts it" if o.pyyaml is None else f"rejects it only later ({o.pyyaml})"
            done = ", ".join(o.policy) or "none"
            happens = f"read without a syntax error (CSafeLoader {theirs}); validator errors: {done}"
        elif not o.error and o.ours:
            theirs = "also rejects it" if o.pyyaml else "accepts it"
            happens = f"`{o.ours[0]}` (CSafeLoader {theirs})"
        else:
            continue
        kind = "error" if o.error else "valid"
        yield f"| {o.case} | {o.name} | {kind} | {happens} | {why(o)} |"


if __name__ == "__main__":  # python -m tests.yaml_suite: the deviation table of docs/yaml-suite.md
    found = suite_dir()
    if found is None:
        raise SystemExit("YAML test suite not found; set SKILLPROFILES_YAML_SUITE")
    print("\n".join(deviations(run_suite(found))))
