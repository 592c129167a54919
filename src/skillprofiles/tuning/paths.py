"""Per-path overrides: the rules ignored and severities changed for the files some glob patterns match."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skillprofiles.diagnostics import Severity


@dataclass(frozen=True)
class PathOverride:
    """Rules ignored and severities changed for the files some glob patterns match."""

    patterns: tuple[str, ...]
    root: str  # the directory the patterns are relative to (the configuration file's)
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)

    def matches(self, file: str) -> bool:
        """Whether a file (as displayed: relative to the working directory, or absolute) is covered."""
        relative = _relative_to(file, self.root)
        return relative is not None and any(_glob_matches(p, relative) for p in self.patterns)


def _relative_to(file: str, root: str) -> str | None:
    return _relative_in(file, root, os.getcwd())


@functools.lru_cache(maxsize=4096)
def _relative_in(file: str, root: str, cwd: str) -> str | None:
    path = Path(file)
    absolute = path if path.is_absolute() else Path(cwd, path)
    try:
        return Path(os.path.normpath(absolute)).relative_to(root).as_posix()
    except ValueError:
        return None


MAX_GLOB = 256  # characters in one per_path pattern: longer ones are refused (SP910)
_LIT, _ONE, _CLASS, _STAR, _ANY = range(5)
_Token = tuple[int, Any, int]  # kind, argument, how many tokens an empty match skips (0: none)


def glob_problem(pattern: str) -> str | None:
    """Why a ``per_path`` pattern cannot be used (too long, a reversed class range), or None."""
    if len(pattern) > MAX_GLOB:
        return f"pattern is longer than {MAX_GLOB} characters"
    for kind, argument, _ in _glob_tokens(pattern.strip().strip("/")):
        if kind == _CLASS:
            for low, high in _ranges(argument):
                if low > high:
                    return f"character range {low}-{high} in {pattern!r} is reversed"
    return None


def _glob_matches(pattern: str, relative: str) -> bool:
    """Whether a pattern matches a file or any directory above it ("legacy" and "legacy/**" both cover
    legacy/). One pass over the path with a set of pattern positions (a Thompson simulation): time is at
    most len(pattern) x len(path), whatever the pattern, so ``******************x`` cannot backtrack."""
    if len(pattern) > MAX_GLOB:
        return False
    tokens = _glob_tokens(pattern.strip().strip("/"))
    final = len(tokens)
    states = _closure(tokens, {0})
    for char in relative:
        if char == "/" and final in states:
            return True  # a directory above the file matches
        states = _closure(tokens, _step(tokens, states, char))
        if not states:
            return False
    return final in states


def _step(tokens: tuple[_Token, ...], states: set[int], char: str) -> set[int]:
    after: set[int] = set()
    for state in states:
        if state == len(tokens):
            continue
        kind, argument, _ = tokens[state]
        if kind == _LIT:
            if char == argument:
                after.add(state + 1)
        elif kind == _ONE:
            if char != "/":
                after.add(state + 1)
        elif kind == _CLASS:
            negated = bool(argument[0])
            if any(low <= char <= high for low, high in _ranges(argument)) != negated:
                after.add(state + 1)
        elif kind == _STAR:
            if char != "/":
                after.add(state)
        else:  # _ANY
            after.add(state)
    return after


def _ranges(argument: Any) -> tuple[tuple[str, str], ...]:
    return tuple(argument[1])


def _closure(tokens: tuple[_Token, ...], states: set[int]) -> set[int]:
    """The states reachable without reading a character (stars match the empty string)."""
    closed, pending = set(states), sorted(states)
    while pending:
        state = pending.pop()
        if state < len(tokens):
            kind, _, skip = tokens[state]
            for target in {state + 1, state + skip} if kind in (_STAR, _ANY) else ():
                if target not in closed:
                    closed.add(target)
                    pending.append(target)
    return closed


@functools.lru_cache(maxsize=256)
def _glob_tokens(pattern: str) -> tuple[_Token, ...]:
    """``**`` spans directories, ``*`` and ``?`` stay within one, ``[...]`` is a character class."""
    out: list[_Token] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += [(_ANY, None, 2), (_LIT, "/", 0)]  # (?:.*/)?: nothing, or anything ending with /
            i += 3
        elif pattern.startswith("**", i):
            out.append((_ANY, None, 1))
            i += 2
        elif pattern[i] in "*?":
            out.append((_STAR, None, 1) if pattern[i] == "*" else (_ONE, None, 0))
            i += 1
        elif pattern[i] == "[" and (end := pattern.find("]", i + 2)) > 0:
            out.append((_CLASS, _class(pattern[i + 1 : end]), 0))
            i = end + 1
        else:
            out.append((_LIT, pattern[i], 0))
            i += 1
    return tuple(out)


def _class(body: str) -> tuple[bool, tuple[tuple[str, str], ...]]:
    negated = body.startswith("!")
    chars = body[1:] if negated else body
    ranges, j = [], 0
    while j < len(chars):
        if j + 2 < len(chars) and chars[j + 1] == "-":
            ranges.append((chars[j], chars[j + 2]))
            j += 3
        else:
            ranges.append((chars[j], chars[j]))
            j += 1
    return negated, tuple(ranges)
