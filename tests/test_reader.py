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


def test_syntax_error_at_the_place_the_mistake_starts() -> None:
    # libyaml notices at 2:2; the mistake is the '[' that is never closed, at 1:4
    assert codes("a: [1, 2\nb: 3\n") == [("SP010", 1, 4)]


SYNTAX_CASES = [
    # (text, line, column, message, hint): the commonest mistakes, in plain words, where they start
    (
        "template: wsp-g3\ncompetences:\n\t- code: B.1\n",
        3,
        1,
        "a tab character in the indentation; YAML indents with spaces only",
        "replace the tab with spaces (the same number as the lines around it)",
    ),
    (
        "a:\n  b: 1\n\tc: 2\n",
        3,
        1,
        "a tab character in the indentation; YAML indents with spaces only",
        "replace the tab with spaces (the same number as the lines around it)",
    ),
    (
        "template: wsp-g3\ntitle Test\ncode: WSP-G3-001\n",
        2,
        1,
        "'title Test' has no ':' after its key",
        "write 'key: value', with a colon and a space after the key",
    ),
    (
        "template: wsp-g3\ncompetences:\n  - code B.1\n    title: x\n",
        3,
        5,
        "'code B.1' has no ':' after its key",
        "write 'key: value', with a colon and a space after the key",
    ),
    (
        "template: wsp-g3\ntitle: 'Test\ncode: WSP-G3-001\n",
        2,
        8,
        "the ' quote opened here is never closed",
        "close the value with ' (inside '...' write '' for a quote)",
    ),
    (
        "template: wsp-g3\nlevels: [e-1, e-2\ncode: WSP-G3-001\n",
        2,
        9,
        "the '[' opened here is not closed",
        "close it with ']' (or write the items as a block list, one '- ' per line)",
    ),
    (
        "a:\n    b: 1\n  c: 2\n",
        3,
        3,
        "inconsistent indentation: this line starts at column 3, in line with no key above it",
        "indent every key of one mapping by the same number of spaces",
    ),
    (
        "a:\n  b: 1\n  - c\n",
        3,
        3,
        "a list item ('-') where a mapping key was expected",
        "put the list under a key ('key:' on the line above, items indented below it)",
    ),
    (
        "title: a: b\n",
        1,
        9,
        "': ' inside a plain value starts a mapping here",
        "quote the value if the colon is part of the text, e.g. 'text: more'",
    ),
]


@pytest.mark.parametrize(("text", "line", "column", "message", "hint"), SYNTAX_CASES)
def test_common_syntax_mistakes_in_plain_words(
    text: str, line: int, column: int, message: str, hint: str
) -> None:
    parsed = parse_text(text, "t.yaml")
    assert [(d.code, d.line, d.column, d.message, d.hint) for d in parsed.diagnostics] == [
        ("SP010", line, column, f"YAML syntax error: {message}", hint)
    ]


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
