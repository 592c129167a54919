"""The composed path's source map: lookups in the node tree agree with the full tables, in order."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest
import yaml

from skillprofiles.diagnostics import Span
from skillprofiles.source import reader
from skillprofiles.source.nodemap import LazyTable
from skillprofiles.source.reader import parse_text

# the composed path is taken only where libyaml (0.2.6 or later) bounds the composer's depth; with an
# older libyaml every text goes through the event loop, whose tables are plain dicts
composed_only = pytest.mark.skipif(
    not reader._COMPOSER_BOUNDED, reason="libyaml before 0.2.6: the composed path is off"
)

TEXT = """\
template: wsp-g3
code: WSP-G3-001
count: 3
flag: yes
date: 2024-01-02
quoted: '3'
competences:
  - code: B.1
    levels: [e-2, e-3]
    knowledge_skills:
      - {code: K1, text: one}
      - code: S2
        text: |
          two
          lines
empty:
"""


def _probes(full: dict[tuple[str | int, ...], object]) -> list[tuple[str | int, ...]]:
    paths = list(full)
    return [*paths, *((*p, "missing") for p in paths), *((*p, 0) for p in paths), ("competences", 5), ()]


@composed_only
def test_the_composed_path_keeps_the_tables_lazy_until_iterated() -> None:
    source = parse_text(TEXT, "t.yaml").source
    assert isinstance(source.values, LazyTable)
    assert dict.__len__(source.values) == 0  # nothing made yet
    assert source.values[("competences", 0, "knowledge_skills", 1, "text")] == Span(13, 15, 16, 1)
    assert dict.__len__(source.values) == 0
    assert len(source.values) > 0  # a whole-table question fills it


def test_lookups_agree_with_the_full_tables() -> None:
    full = parse_text(TEXT, "t.yaml").source
    values, keys, raw = dict(full.values.items()), dict(full.keys.items()), dict(full.raw.items())
    assert raw == {("count",): "3", ("flag",): "yes", ("date",): "2024-01-02", ("empty",): ""}
    lazy = parse_text(TEXT, "t.yaml").source
    for path in _probes(values):
        assert lazy.values.get(path) == values.get(path)
        assert (path in lazy.values) == (path in values)
        assert lazy.keys.get(path) == keys.get(path)
        assert (path in lazy.keys) == (path in keys)
        assert lazy.raw.get(path) == raw.get(path)
        assert lazy.span(path) == full.span(path)
        assert lazy.span(path, key=True) == full.span(path, key=True)
    assert "competences" not in lazy.values  # a string is not a path, as in a dict of tuples


def test_filled_tables_equal_eager_ones_in_order_and_copy_as_dicts() -> None:
    first, second = parse_text(TEXT, "t.yaml").source, parse_text(TEXT, "t.yaml").source
    assert first.values == second.values  # both lazy: each fills itself
    assert list(first.values.items()) == list(second.values.items())
    eager = dict(second.values)
    assert type(pickle.loads(pickle.dumps(parse_text(TEXT, "t.yaml").source.values))) is dict
    assert copy.copy(parse_text(TEXT, "t.yaml").source.values) == eager
    filled = parse_text(TEXT, "t.yaml").source.values
    filled[("extra",)] = Span(1, 1, 1, 1)  # writing sees the whole table too
    assert len(filled) == len(eager) + 1


@composed_only
def test_an_ampersand_in_text_takes_the_composed_path_with_the_event_loops_results() -> None:
    for path in sorted(Path(__file__).parent.parent.joinpath("profiles").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert " & " in text or "&" not in text
        composed = parse_text(text, path.name)
        assert isinstance(composed.source.values, LazyTable)
        events = _event_loop(text)
        assert composed.data == events.data
        assert list(composed.source.values.items()) == list(events.source.values.items())
        assert list(composed.source.keys.items()) == list(events.source.keys.items())
        assert composed.source.raw == events.source.raw
        assert composed.diagnostics == events.diagnostics == []
    assert reader._may_hold_anchor("a: &x 1\nb: *x\n")
    assert not reader._may_hold_anchor("title: R & D, 2 * 3\n")


def test_an_ampersand_or_star_the_pattern_lets_through_is_never_an_anchor() -> None:
    # an indicator with an empty name is a syntax error, so the composer refuses the text and the
    # event loop reports it: the fast path never meets an anchor or alias
    for text in ("a: & b\n", "- &\n", "a: * b\n", "[& x]\n", "{a: & x}\n", "a: &é 1\n", "? & x\n: 1\n"):
        assert not reader._may_hold_anchor(text)
        composer = reader._Composer(text)
        try:
            with pytest.raises(yaml.YAMLError):
                composer.get_single_node()
        finally:
            composer.dispose()
        assert parse_text(text, "t.yaml").diagnostics == _event_loop(text).diagnostics


def _event_loop(text: str) -> reader.Parsed:
    parsed = reader.Parsed("t.yaml", text=text)
    reader._build(text, parsed, reader.Limits(), reader._EventLoader)
    return parsed
