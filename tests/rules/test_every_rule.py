"""Every registered rule: a unique code and name, documentation with Why/Passing/Failing, and a test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skillprofiles.codes.registry import Rule, all_rules

TESTS = Path(__file__).resolve().parent.parent
RULES = all_rules()


def _test_texts() -> str:
    here = Path(__file__).resolve()
    return "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("test_*.py") if p.resolve() != here)


TEXTS = _test_texts()


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(re.fullmatch(r"SP[0-9]{3}", r.code) for r in RULES)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name) for r in RULES)


@pytest.mark.parametrize("entry", RULES, ids=lambda r: r.code)
def test_documentation_has_why_passing_and_failing(entry: Rule) -> None:
    assert entry.summary, entry.code
    assert "Why:" in entry.doc, entry.code
    assert "Passing" in entry.doc, entry.code
    assert "Failing" in entry.doc, entry.code


@pytest.mark.parametrize("entry", RULES, ids=lambda r: r.code)
def test_a_test_mentions_the_code(entry: Rule) -> None:
    assert entry.code in TEXTS, f"no test under tests/ mentions {entry.code}"


@pytest.mark.parametrize("entry", [r for r in RULES if r.code[2] in "23"], ids=lambda r: r.code)
def test_catalogue_and_repository_rules_have_their_own_module(entry: Rule) -> None:
    modules = [p.name for p in (TESTS / "rules").glob(f"test_{entry.code.lower()}_*.py")]
    assert modules == [f"test_{entry.code.lower()}_{entry.name.replace('-', '_')}.py"]
