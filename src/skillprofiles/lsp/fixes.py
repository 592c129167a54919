"""Fixes for findings: the edits a code action offers, computed from a diagnostic and the text.

This is the one place fixes come from: the language server asks :func:`fixes_for` for every
diagnostic it publishes. Today the providers here cover the mechanical cases the validator's own
messages carry: every fix of ``skillprofiles fix`` (the finding's ``replacement``, see
:mod:`skillprofiles.engine.fixes`), and the "did you mean" of a misspelt key. Other providers register
with :func:`provider`.

Positions are the CLI's: 1-based lines and columns in characters, end exclusive (:class:`Span`).
A fix is ``safe`` when applying it keeps what the author meant (quoting keeps the text as written);
the language server marks safe fixes as preferred.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from skillprofiles.diagnostics import Diagnostic, Span
from skillprofiles.engine.fixes import fix_of
from skillprofiles.lsp.positions import TextIndex


@dataclass(frozen=True)
class Edit:
    """Replace the text of ``span`` by ``new_text`` (an empty span inserts)."""

    span: Span
    new_text: str


@dataclass(frozen=True)
class Fix:
    """One way to resolve one finding."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = False


Provider = Callable[[Diagnostic, str, TextIndex], "list[Fix]"]
_PROVIDERS: dict[str | None, list[Provider]] = {}


def provider(code: str | None = None) -> Callable[[Provider], Provider]:
    """Register a fix provider for one code (None: asked for every finding)."""

    def register(function: Provider) -> Provider:
        _PROVIDERS.setdefault(code, []).append(function)
        return function

    return register


def fixes_for(diagnostic: Diagnostic, text: str, index: TextIndex | None = None) -> list[Fix]:
    """Every fix known for ``diagnostic`` in a document with this ``text``, safe ones first.

    A provider that fails is skipped: a fix is an offer, never a reason to lose the diagnostics.
    """
    index = index if index is not None else TextIndex(text)
    found: list[Fix] = []
    for function in (*_PROVIDERS.get(diagnostic.code, ()), *_PROVIDERS.get(None, ())):
        try:
            found.extend(function(diagnostic, text, index))
        except Exception:  # pragma: no cover - a provider's bug costs its fix only
            continue
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda fix: not fix.safe)


def spanned(diagnostic: Diagnostic, text: str, index: TextIndex) -> str | None:
    """The text a single-line diagnostic's span covers, or None (several lines, or empty)."""
    span = diagnostic.span
    if span.end_line != span.line or span.end_column <= span.column:
        return None
    start = index.offset_of(span.line, span.column)
    end = index.offset_of(span.end_line, span.end_column)
    covered = text[start:end]
    return covered if covered and end - start == span.end_column - span.column else None


_PLAIN = re.compile(r"[^\s'\"#&*!|>%@`{}\[\],][^\r\n]*")


def _plain(value: str) -> bool:
    """Whether the text is one plain (unquoted) YAML scalar as written on one line."""
    return _PLAIN.fullmatch(value) is not None and value == value.strip() and " #" not in value


def single_quoted(value: str) -> str:
    """A YAML single-quoted scalar of ``value``."""
    return "'" + value.replace("'", "''") + "'"


@provider()
def carried_fix(diagnostic: Diagnostic, text: str, index: TextIndex) -> list[Fix]:
    """The fix the finding itself carries (``skillprofiles fix`` applies the same one): quoting a YAML
    1.1 scalar, a code or level spelling, an official title (unsafe)."""
    fix = fix_of(diagnostic, text)
    if fix is None:
        return []
    old, new = text[fix.edit.start : fix.edit.end], fix.edit.new
    title = f"Quote {old} as {new}" if new == single_quoted(old) else f"Replace '{old}' by {new}"
    return [Fix(title, (Edit(diagnostic.span, new),), safe=fix.safe)]


_DID_YOU_MEAN = re.compile(r"did you mean '([^'\r\n]+)'\?")


@provider()
def take_suggestion(diagnostic: Diagnostic, text: str, index: TextIndex) -> list[Fix]:
    """``code: A1`` with the hint "did you mean 'A.1'?" -> ``code: A.1``; not safe: it changes the
    meaning, and only the author knows whether the suggestion is what was meant."""
    if diagnostic.replacement is not None:
        return []  # the finding carries its fix (carried_fix)
    found = _DID_YOU_MEAN.search(diagnostic.hint or "")
    written = spanned(diagnostic, text, index)
    if found is None or written is None or not _plain(written):
        return []
    suggestion = found[1]
    if suggestion == written or not _plain(suggestion):
        return []
    return [Fix(f"Replace '{written}' by '{suggestion}'", (Edit(diagnostic.span, suggestion),))]
