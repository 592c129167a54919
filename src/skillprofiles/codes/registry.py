"""The code registry: every diagnostic code's identity, default severity and documentation."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Literal

from skillprofiles.diagnostics import Diagnostic, DocPath, Location, Severity, Span
from skillprofiles.textsafe import printable

Scope = Literal["file", "profile", "repository"]
Fixable = Literal["safe", "unsafe"]


# eq=False: a rule is an identity (the registry holds one per code), never compared by value, and
# each generated method costs start-up time
@dataclass(frozen=True, eq=False, slots=True)
class Rule:
    """A documented diagnostic code: what it is called and how serious it is by default.

    ``scope`` says who reports it: the reader, loader and tuning (``file``), a check of one profile
    (``profile``) or a check over every profile of a run (``repository``). The checks themselves live
    in :mod:`skillprofiles.rules`; nothing here knows them.
    """

    code: str
    name: str
    severity: Severity
    scope: Scope
    doc: str
    fix: Fixable | None = None  # safe: applied by ``skillprofiles fix``; unsafe: only with --unsafe-fixes

    @property
    def summary(self) -> str:
        """The first sentence of the documentation."""
        return self.doc.split("\n", 1)[0].strip()

    def diagnostic(
        self,
        message: str,
        file: str,
        span: Span | None = None,
        hint: str | None = None,
        path: DocPath = (),
        replacement: str | None = None,
        related: tuple[Location, ...] = (),
    ) -> Diagnostic:
        """The one constructor of a finding of this code, at its default severity.

        The one place of the text-safety rule: every control character, bidi override and line break in
        ``message`` and ``hint`` is *escaped* (``\\e``, ``\\n``, ``\\u202e``), not dropped, so that a
        finding about such a character still shows it, and no output (terminal, CI log, library caller
        printing ``d.message``) ever receives it raw (docs/security.md). ``replacement`` is the source
        text that would fix the finding in place of its span; it is kept only when the code declares a fix.
        """
        where = span if span is not None else Span.point(1, 1)
        safe_hint = printable(hint) if hint is not None else None
        fix = replacement if self.fix is not None else None
        return Diagnostic(
            self.code,
            self.name,
            self.severity,
            printable(message),
            file,
            where,
            safe_hint,
            path,
            replacement=fix,
            related=related,
        )


REGISTRY: dict[str, Rule] = {}
_BY_NAME: dict[str, str] = {}


def declare(
    code: str, name: str, severity: Severity, doc: str, scope: Scope = "file", fix: Fixable | None = None
) -> Rule:
    """Register a code; its documentation is the rule's user documentation (``skillprofiles rules``).

    ``fix`` says whether its findings can carry a mechanical fix, and whether that fix is safe.
    """
    entry = Rule(code, name, severity, scope, inspect.cleandoc(doc), fix)
    if entry.code in REGISTRY or entry.name in _BY_NAME:
        raise RuntimeError(f"rule {entry.code} {entry.name} registered twice")
    REGISTRY[entry.code] = entry
    _BY_NAME[entry.name] = entry.code
    return entry


def resolve(selector: str) -> list[Rule]:
    """Rules matching a code, a code prefix (``SP2``) or a name; empty when nothing matches."""
    text = selector.strip()
    if text in _BY_NAME:
        return [REGISTRY[_BY_NAME[text]]]
    upper = text.upper()
    return [r for code, r in sorted(REGISTRY.items()) if code.startswith(upper)] if upper else []


def code_of_name(name: str) -> str | None:
    """The code of the rule with this name, or None."""
    return _BY_NAME.get(name.strip())


def get(code: str) -> Rule:
    """The rule of a code; raises KeyError for an unknown code."""
    return REGISTRY[code]


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by code."""
    return [REGISTRY[c] for c in sorted(REGISTRY)]
