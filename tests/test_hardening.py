"""Issue 17, hardening second round: one regression test per case, exact codes and positions."""

from __future__ import annotations

import pytest

from skillprofiles.codes.reader import SYNTAX
from skillprofiles.diagnostics import Span
from skillprofiles.engine.checker import Checker
from skillprofiles.textsafe import printable
from skillprofiles.tuning.config import Config
from tests.conftest import findings, where
from tests.rules.helpers import wsp


@pytest.mark.parametrize("tagged", ["!!bool maybe", "!!timestamp x", "!!int ''", "!!float ''"])
def test_a_tag_that_does_not_fit_its_text_is_a_located_syntax_error(tagged: str) -> None:
    found = where(f"x: {tagged}\n")
    assert ("SP010", 1, 4) in found
    assert all(code != "SP000" for code, _, _ in found)


def test_a_message_never_holds_a_control_character_even_from_a_rule() -> None:
    # SP207 quotes the profile's title; its ESC, CSI (C1), bidi override and line break are escaped
    text = wsp("4.0", '  - {code: D.3, title: "Edu\\e[2J\\x9b\\u202e\\n::error::x", levels: [e-2]}\n')
    found = findings(text, Checker(Config(select=("SP207",))))
    assert [(d.code, d.line, d.column) for d in found] == [("SP207", 13, 24)]
    assert found[0].message.startswith("D.3 is titled 'Edu\\e[2J\\u009b\\u202e\\n::error::x'")
    assert printable(found[0].message) == found[0].message
    assert found[0].hint is not None and printable(found[0].hint) == found[0].hint


def test_the_stamp_escapes_message_and_hint_once_for_every_code() -> None:
    made = SYNTAX.diagnostic("a\x1b]8;;x\x07b\u2028c", "f.yaml", Span.point(2, 3), "h\x85i")
    assert (made.code, made.line, made.column) == ("SP010", 2, 3)
    assert made.message == "a\\e]8;;x\\u0007b\\u2028c"
    assert made.hint == "h\\u0085i"


def test_suppression_comments_count_lines_as_libyaml_does() -> None:
    # \v, \f and \x1c-\x1e are not line breaks for libyaml: the comment is on line 1, not line 5
    found = where("a: 1\x0b\x0c\x1c\x1d # skillprofiles: ignore[SP999]\n")
    assert ("SP902", 1, 34) in found
    assert [code for code, line, _ in found if line > 1] == []
