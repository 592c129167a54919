"""What a check receives and returns: the finding it reports and the context it may consult."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from skillprofiles.codes.registry import Rule, Scope, declare
from skillprofiles.diagnostics import DocPath, Location, Severity, Span

if TYPE_CHECKING:
    from skillprofiles.rules.summary import ProfileSummary


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports; the engine adds code, severity, file and line:column."""

    message: str
    path: DocPath = ()
    hint: str | None = None
    key: bool = False  # point at the mapping key of ``path`` rather than its value
    file: str | None = None  # repository rules name the file the finding belongs to
    span: Span | None = None  # an explicit place, for text no document path names (e.g. a comment)
    replacement: str | None = None  # the source text that fixes it in place of its span (Rule.fix)
    related: tuple[Location, ...] = ()  # other places it concerns (other files with the same code...)


# an identity object (one per file checked), never compared by value
@dataclass(slots=True, eq=False)
class Context:
    """What a check may consult besides the profile: its file, positions, configuration and catalogue."""

    file: str
    source: Any = None  # skillprofiles.source.reader.SourceMap
    config: Any = None  # skillprofiles.tuning.config.Config
    catalogue: Any = None  # skillprofiles.catalogue.Catalogue
    extra: dict[str, Any] = field(default_factory=dict)


CheckFunction = Callable[..., Iterator[Finding]]


class Fold(Protocol):
    """A repository check that takes the summaries of a run one at a time, as files are checked,
    and keeps only what a later finding can need, so that no summary is kept per file.

    Its findings give their ``span``: the summary they are about may be gone when they come."""

    def add(self, summary: ProfileSummary) -> list[Finding]:
        """Take one summary; the findings it completes (in the order the list form gives them)."""
        ...

    def later(self, summary: ProfileSummary) -> Iterable[Span]:
        """Where in the file of ``summary``, just added, a finding of :meth:`end` can still land."""
        ...

    def end(self) -> Iterator[Finding]:
        """The findings only every summary together gives, once all are in."""
        ...


# an identity object (the same ones for every run), never compared or hashed by value
@dataclass(frozen=True, slots=True, eq=False)
class Check:
    """A check function bound to the code it reports (repository checks may also fold, see :class:`Fold`)."""

    rule: Rule
    run: CheckFunction
    fold: Callable[[Context], Fold] | None = None  # the streaming form of ``run``, when it has one

    @property
    def scope(self) -> Scope:
        """``profile`` (one profile at a time) or ``repository`` (the summaries of a run)."""
        return self.rule.scope


ADDED: list[Check] = []  # checks registered at run time (plugins), after the built-in ones


def rule(
    code: str, name: str, severity: Severity, scope: Scope = "profile"
) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator for a check defined outside the package: declares its code, docstring as documentation."""

    def wrap(func: CheckFunction) -> CheckFunction:
        ADDED.append(Check(declare(code, name, severity, func.__doc__ or "", scope), func))
        return func

    return wrap
