"""The YAML reader: positions, duplicate keys, syntax errors, tags, aliases and document shapes."""

from __future__ import annotations

import pytest

from skillprofiles.diagnostics import Span
from skillprofiles.source.reader import Limits, parse_bytes, parse_text


def codes(text: str, limits: Limits | None = None) -> list[tuple[str, int, int]]:
    parsed = parse_text(text, "t.yaml", limits)
    return [(d.code, d.line, d.column) for d in parsed.diagnostics]


def test_positions_of_values_and_keys() -> None:
    parsed = parse_text("a:\n  b: [x, 'y']\n  c: {d: 1}\n", "t.yaml")
    assert parsed.data == {"a": {"b": ["x", "y"], "c": {"d": 1}}}
    assert parsed.source.values[("a", "b", 1)] == Span(2, 10, 2, 13)
    assert parsed.source.keys[("a", "c")] == Span(3, 3, 3, 4)
    assert parsed.source.span(("a", "c", "d", "missing")) == Span(3, 10, 3, 11)


def test_duplicate_key_names_both_lines() -> None:
    parsed = parse_text("a: 1\nb:\n  x: 1\n  x: 2\na: 3\n", "t.yaml")
    found = [(d.code, d.line, d.column, d.message) for d in parsed.diagnostics]
    assert found == [
        ("SP011", 4, 3, "duplicate key 'x': first defined at line 3"),
        ("SP011", 5, 1, "duplicate key 'a': first defined at line 1"),
    ]
    assert parsed.data == {"a": 1, "b": {"x": 1}}  # the first value is kept


def test_syntax_error_at_its_position() -> None:
    assert codes("a: [1, 2\nb: 3\n") == [("SP010", 2, 2)]


def test_tab_indentation_has_a_hint() -> None:
    parsed = parse_text("a: 1\n\tb: 2\n", "t.yaml")
    assert [(d.code, d.line) for d in parsed.diagnostics] == [("SP010", 2)]
    assert parsed.diagnostics[0].hint is not None
    assert "tabs" in parsed.diagnostics[0].hint


def test_unsafe_tag_is_never_constructed() -> None:
    parsed = parse_text("a: !!python/object/apply:os.system [echo hi]\n", "t.yaml")
    assert [(d.code, d.line, d.column) for d in parsed.diagnostics] == [("SP013", 1, 4)]
    assert parsed.data == {"a": ["echo hi"]}


def test_aliases_are_off_by_default() -> None:
    assert codes("a: &x 1\nb: *x\n") == [("SP014", 1, 4), ("SP014", 2, 4)]


def test_alias_bomb_is_bounded_when_aliases_are_allowed() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        prev, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    found = codes("\n".join(lines) + "\n", Limits(allow_aliases=True))
    assert [c for c, _, _ in found] == ["SP014"]


def test_merge_keys_are_rejected_by_default() -> None:
    assert codes("a:\n  <<: {b: 1}\n  c: 2\n") == [("SP014", 2, 3)]


def test_non_string_key() -> None:
    assert codes("level_texts:\n  3: text\n") == [("SP012", 2, 3)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "SP016"),
        ("# only a comment\n", "SP016"),
        ("~\n", "SP016"),
        ("- a\n- b\n", "SP018"),
        ("x\n", "SP018"),
    ],
)
def test_document_shapes(text: str, code: str) -> None:
    assert [c for c, _, _ in codes(text)] == [code]


def test_multi_document_keeps_the_first() -> None:
    parsed = parse_text("a: 1\n---\nb: 2\n", "t.yaml")
    assert [(d.code, d.line) for d in parsed.diagnostics] == [("SP017", 2)]
    assert parsed.data == {"a": 1}


def test_deep_nesting_is_a_diagnostic() -> None:
    depth = 5000
    assert codes("a: " + "[" * depth + "]" * depth + "\n") == [
        ("SP015", 1, 67)
    ]  # the 64th bracket opens level 65


def test_yaml_11_scalars_keep_their_raw_text() -> None:
    parsed = parse_text("a: no\nb: 3.10\nc: '010'\nd: 010\n", "t.yaml")
    assert parsed.data == {"a": False, "b": 3.1, "c": "010", "d": 8}
    assert parsed.source.raw == {("a",): "no", ("b",): "3.10", ("d",): "010"}


def test_encodings() -> None:
    assert parse_bytes("a: é\n".encode("utf-16"), "t").data == {"a": "é"}
    assert [d.code for d in parse_bytes("a: é\n".encode("utf-16"), "t").diagnostics] == ["SP005"]
    assert parse_bytes(b"\xef\xbb\xbfa: 1\n", "t").data == {"a": 1}
    bad = parse_bytes(b"a: 1\nb: caf\xe9\n", "t")
    assert [(d.code, d.line, d.column) for d in bad.diagnostics] == [("SP004", 2, 7)]
    assert [d.code for d in parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "t").diagnostics] == ["SP003"]


def test_size_limit() -> None:
    parsed = parse_bytes(b"a: " + b"x" * 100 + b"\n", "t", Limits(max_bytes=50))
    assert [d.code for d in parsed.diagnostics] == ["SP002"]
