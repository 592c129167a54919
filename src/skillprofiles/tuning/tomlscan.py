"""Whether a simple pyproject.toml has a [tool.skillprofiles] table, decided without importing tomllib."""

from __future__ import annotations

import re

Key = tuple[str, ...]
TABLE = ("tool", "skillprofiles")
_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")  # a bare key's
# what TOML refuses in comments and strings (a tab is allowed), and everywhere else too; a CR as well
_CONTROL = tuple(chr(c) for c in (*range(0x09), *range(0x0B, 0x20), 0x7F))
# one token after the spaces and the comment before it, which are dropped: a comment runs to the end
# of its line, and wherever TOML allows one, a line break is allowed too (and where it is not, neither
# is); strings are without escapes or line breaks; any other character is a token no rule accepts
_TOKEN = re.compile(r"""[ \t]*(?:#[^\n]*)?(\n|"[^"\\\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+|.)""", re.DOTALL)


class _UnsureError(Exception):
    """The document is outside the subset this scan decides: tomllib must read it."""


def has_table(text: str) -> bool | None:
    """Whether tomllib would find the table (None: unsure), for a document in a subset of TOML that
    is surely valid, so that tomllib would read it without an error: bare keys, one header per table,
    strings without escapes, ``true``, ``false``, small decimal integers and one-level arrays of
    those. Anything else (dotted or quoted keys, inline tables, arrays of tables, multi-line strings,
    other values, any error) gives None, and the caller asks tomllib.
    """
    if '"""' in text or "'''" in text or any(c in text for c in _CONTROL):
        return None
    try:
        tokens = _tokens(text)
        tables = _Tables()
        _document(tokens, tables)
    except _UnsureError:
        return None
    return TABLE in tables.tables or TABLE in tables.values


def _tokens(text: str) -> list[str]:
    # the line break added at the end lets every comment end in one (it changes nothing else)
    return [*_TOKEN.findall(text + "\n"), ""]


class _Tables:
    """The tables and values a document defines so far, to refuse what TOML refuses twice."""

    def __init__(self) -> None:
        self.current: Key = ()
        self.declared: set[Key] = set()  # by a header
        self.tables: set[Key] = {()}  # declared, or created by a header below them
        self.values: set[Key] = set()

    def header(self, path: Key) -> None:
        prefixes = [path[:end] for end in range(1, len(path) + 1)]
        if path in self.declared or any(p in self.values for p in prefixes):
            raise _UnsureError
        self.declared.add(path)
        self.tables.update(prefixes)
        self.current = path

    def value(self, key: str) -> None:
        path = (*self.current, key)
        if path in self.values or path in self.tables:
            raise _UnsureError
        self.values.add(path)


def _document(tokens: list[str], tables: _Tables) -> None:
    at = 0
    while tokens[at]:
        token = tokens[at]
        if token == "\n":
            at += 1
            continue
        if token == "[":
            at = _header(tokens, at + 1, tables)
        elif token[0] in _BARE:
            tables.value(token)
            at = _value(tokens, _after(tokens, at + 1, "="), array=True)
        else:
            raise _UnsureError
        if tokens[at] not in ("\n", ""):
            raise _UnsureError


def _header(tokens: list[str], at: int, tables: _Tables) -> int:
    path = []
    while True:
        if tokens[at][:1] not in _BARE:
            raise _UnsureError  # also [[ (an array of tables) and a quoted key
        path.append(tokens[at])
        if tokens[at + 1] == "]":
            tables.header(tuple(path))
            return at + 2
        at = _after(tokens, at + 1, ".")


def _after(tokens: list[str], at: int, punct: str) -> int:
    if tokens[at] != punct:
        raise _UnsureError
    return at + 1


def _value(tokens: list[str], at: int, array: bool = False) -> int:
    token = tokens[at]
    if (len(token) > 1 and token[0] in "\"'") or token in ("true", "false") or _integer(token):
        return at + 1  # a string token always ends with the quote it starts with
    if array and token == "[":
        return _array(tokens, at + 1)
    raise _UnsureError


def _integer(text: str) -> bool:
    """A decimal integer without sign or underscores, within 64 bits."""
    return text.isascii() and text.isdigit() and len(text) <= 18 and (text == "0" or text[0] != "0")


def _array(tokens: list[str], at: int) -> int:
    """The elements of a one-level array, over lines, with a trailing comma allowed."""
    while True:
        at = _skip_lines(tokens, at)
        if tokens[at] == "]":
            return at + 1
        at = _skip_lines(tokens, _value(tokens, at))
        if tokens[at] == "]":
            return at + 1
        at = _after(tokens, at, ",")


def _skip_lines(tokens: list[str], at: int) -> int:
    while tokens[at] == "\n":
        at += 1
    return at
