"""The rule registry: every diagnostic code, its name, default severity and documentation."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from skillprofiles.diagnostics import DocPath, Severity, Span

Scope = Literal["file", "profile", "repository"]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports; the engine adds code, severity, file and line:column."""

    message: str
    path: DocPath = ()
    hint: str | None = None
    key: bool = False  # point at the mapping key of ``path`` rather than its value
    file: str | None = None  # repository rules name the file the finding belongs to
    span: Span | None = None  # an explicit place, for text no document path names (e.g. a comment)


@dataclass(frozen=True, slots=True)
class Rule:
    """A documented diagnostic code. ``check`` is None for codes the loader emits itself."""

    code: str
    name: str
    severity: Severity
    scope: Scope
    doc: str
    check: Callable[..., Iterator[Finding]] | None = field(default=None, compare=False)

    @property
    def summary(self) -> str:
        """The first sentence of the documentation."""
        return self.doc.split("\n", 1)[0].strip()


REGISTRY: dict[str, Rule] = {}
_BY_NAME: dict[str, str] = {}


def _register(entry: Rule) -> Rule:
    if entry.code in REGISTRY or entry.name in _BY_NAME:
        raise RuntimeError(f"rule {entry.code} {entry.name} registered twice")
    REGISTRY[entry.code] = entry
    _BY_NAME[entry.name] = entry.code
    return entry


def declare(code: str, name: str, severity: Severity, doc: str, scope: Scope = "file") -> Rule:
    """Register a code that the reader or loader emits (no check function of its own)."""
    return _register(Rule(code, name, severity, scope, inspect.cleandoc(doc)))


def rule(
    code: str, name: str, severity: Severity, scope: Scope = "profile"
) -> Callable[[Callable[..., Iterator[Finding]]], Callable[..., Iterator[Finding]]]:
    """Decorator registering a check function; its docstring is the rule's user documentation."""

    def wrap(func: Callable[..., Iterator[Finding]]) -> Callable[..., Iterator[Finding]]:
        _register(Rule(code, name, severity, scope, inspect.cleandoc(func.__doc__ or ""), func))
        return func

    return wrap


def resolve(selector: str) -> list[Rule]:
    """Rules matching a code, a code prefix (``SP2``) or a name; empty when nothing matches."""
    load_builtin_rules()  # callers may come before any rule module was imported (lazy CLI start-up)
    text = selector.strip()
    if text in _BY_NAME:
        return [REGISTRY[_BY_NAME[text]]]
    upper = text.upper()
    return [r for code, r in sorted(REGISTRY.items()) if code.startswith(upper)] if upper else []


def code_of_name(name: str) -> str | None:
    """The code of the rule with this name, or None."""
    load_builtin_rules()
    return _BY_NAME.get(name.strip())


def get(code: str) -> Rule:
    """The rule of a code; raises KeyError for an unknown code."""
    return REGISTRY[code]


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by code."""
    load_builtin_rules()
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def load_builtin_rules() -> None:
    """Import the rule modules so that they register themselves (idempotent)."""
    from skillprofiles.rules import builtin  # noqa: F401


def checks(scope: Scope) -> list[Rule]:
    """The rules with a check function for one scope, ordered by code."""
    return [r for r in all_rules() if r.check is not None and r.scope == scope]


@dataclass(slots=True)
class Context:
    """What a rule may consult besides the profile: its file, positions, configuration and catalogue."""

    file: str
    source: Any = None  # skillprofiles.yamlread.SourceMap
    config: Any = None  # skillprofiles.config.Config
    catalogue: Any = None  # skillprofiles.catalogue.Catalogue, once loaded
    extra: dict[str, Any] = field(default_factory=dict)
