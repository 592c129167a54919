"""What the checks, diagnostics and renderers leave to first use: the start of a run stays small."""

from __future__ import annotations

import pickle
import re

import pytest

from skillprofiles.diagnostics import Span
from skillprofiles.rules import BUILTIN, schema_ref, summary, summary_items
from skillprofiles.rules.base import Check, Context
from skillprofiles.rules.summary import ProfileSummary
from skillprofiles.textsafe import json_dumps, printable
from tests.conftest import ROOT, printed

# the patterns textsafe had compiled at import, to compare the escaping with
UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_a_plain_one_file_run_leaves_what_it_does_not_need_undone() -> None:
    # an ICT role profile (no relationships) in the text format: no summary item classes, no JSON
    # escaping pattern, and printable text never compiles the control-character pattern
    code = (
        "import sys\nfrom skillprofiles.cli import main\n"
        "code = main(['validate', 'profiles/online-community-manager.yaml'])\n"
        "from skillprofiles import textsafe\n"
        "print(code, 'skillprofiles.rules.summary_items' in sys.modules,"
        " textsafe._unsafe.cache_info().currsize, textsafe._json_raw.cache_info().currsize)"
    )
    out = printed(code, cwd=ROOT)
    assert out.strip().splitlines()[-1] == "0 False 0 0"


def test_printable_escapes_exactly_what_the_pattern_matches() -> None:
    named = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}
    for point in [*range(0x3000), 0xFEFF, 0xFFFE, 0xFFFF, 0x1F600, 0xE0001]:
        char = chr(point)
        expected = UNSAFE.sub(lambda m: named.get(m.group(), f"\\u{ord(m.group()):04x}"), f"a{char}b")
        assert printable(f"a{char}b") == expected, hex(point)


def test_json_dumps_escapes_what_a_terminal_would_obey() -> None:
    text = "ok \x9b31m \u202e \u2028 é \t"
    expected = JSON_RAW.sub(
        lambda m: f"\\u{ord(m.group()):04x}", '{\n  "t": "ok \x9b31m \u202e \u2028 é \\t"\n}'
    )
    assert json_dumps({"t": text}) == expected + "\n"


def test_summary_items_are_importable_from_the_summary_and_pickle() -> None:
    assert summary.Relationship is summary_items.Relationship
    assert summary.KnowledgeSkillUse is summary_items.KnowledgeSkillUse
    with pytest.raises(AttributeError):
        summary.Nothing  # noqa: B018
    where = Span(3, 5, 3, 9)
    kept = ProfileSummary(
        "a.yaml",
        "wsp-g3",
        "WSP-G3-001",
        "A",
        relationships=(summary_items.Relationship("reports_to", "B", 0, where),),
        uses_text=("K1", "Text", "A.1"),
    )
    kept.uses_at.extend((0, 0, 4, 7, 4, 11))
    again = pickle.loads(pickle.dumps(kept))
    assert again == kept
    assert again.use(0) == summary_items.KnowledgeSkillUse("K1", "Text", "A.1", 0, 0, Span(4, 7, 4, 11))
    assert again.span(("relationships", "reports_to", 0)) == where


def test_the_modeline_pattern_is_still_offered() -> None:
    assert schema_ref.MODELINE.pattern.startswith("^[ \\t]*#")
    assert [r for r, _ in schema_ref.modelines("# yaml-language-server: $schema=x.json\n")] == ["x.json"]


def test_checks_and_contexts_are_identity_objects() -> None:
    first = BUILTIN[0]
    second = Check(first.rule, first.run, first.fold)
    assert first != second
    assert len({first, second}) == 2
    assert Context("a.yaml") != Context("a.yaml")
