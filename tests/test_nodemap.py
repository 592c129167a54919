"""The composed path's source map: lookups in the node tree agree with the full tables, in order."""

from __future__ import annotations

import copy
import pickle

from skillprofiles.diagnostics import Span
from skillprofiles.source.nodemap import LazyTable
from skillprofiles.source.reader import parse_text

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


def _parsed() -> object:
    return parse_text(TEXT, "t.yaml")


def _probes(full: dict[tuple[str | int, ...], object]) -> list[tuple[str | int, ...]]:
    paths = list(full)
    return [*paths, *((*p, "missing") for p in paths), *((*p, 0) for p in paths), ("competences", 5), ()]


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
