"""Issue 17, hardening second round: one regression test per case, exact codes and positions."""

from __future__ import annotations

import pytest

from tests.conftest import where


@pytest.mark.parametrize("tagged", ["!!bool maybe", "!!timestamp x", "!!int ''", "!!float ''"])
def test_a_tag_that_does_not_fit_its_text_is_a_located_syntax_error(tagged: str) -> None:
    found = where(f"x: {tagged}\n")
    assert ("SP010", 1, 4) in found
    assert all(code != "SP000" for code, _, _ in found)
