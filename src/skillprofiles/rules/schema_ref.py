"""SP120: the JSON Schema a profile names for editors (``$schema`` key or modeline) must fit its template."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from skillprofiles.diagnostics import Span
from skillprofiles.models import AnyProfile, Template
from skillprofiles.rules.base import Context, Finding

SCHEMA_BASE = "https://skillprofiles.dev/schemas/"
GENERIC = "profile.schema.json"  # one schema for every template (the template key discriminates)
SUFFIX = ".schema.json"
HINT = f"name the profile schema: a path to schemas/{GENERIC}, or {SCHEMA_BASE}{GENERIC}"


@functools.cache
def _modeline() -> re.Pattern[str]:
    # the comment yaml-language-server reads: "# yaml-language-server: $schema=<url or path>"; compiled
    # on first use, since most files name no schema that way (and need not pay for it)
    return re.compile(r"^[ \t]*#[ \t]*yaml-language-server[ \t]*:[^\n]*?\$schema=(\S+)", re.MULTILINE)


def schema_mismatch(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The profile names a JSON Schema that is not a skillprofiles profile schema for its template."""
    template = str(profile.template)
    if profile.schema_ is not None:
        problem = schema_problem(profile.schema_, template)
        if problem:
            yield Finding(problem, ("$schema",), HINT)
    for reference, span in modelines(str(ctx.extra.get("text", ""))):
        problem = schema_problem(reference, template)
        if problem:
            yield Finding(problem, (), HINT, span=span)


def modelines(text: str) -> Iterator[tuple[str, Span]]:
    """Each ``$schema=`` of a yaml-language-server comment, with the span of its value."""
    if "yaml-language-server" not in text:
        return  # most files have no modeline: the membership test is far cheaper than the pattern
    for match in _modeline().finditer(text):
        start = match.start(1)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        yield match.group(1), Span(line, column, line, column + len(match.group(1)))


def schema_problem(reference: str, template: str) -> str | None:
    """Why the schema a profile names does not fit its template, or None when it fits."""
    try:
        parts = urlsplit(reference)
    except ValueError:  # 'http://[x': an unclosed IPv6 bracket, a bad port
        return f"the schema {_cut(reference)!r} is not a valid URL or path"
    name = parts.path.rstrip("/").rsplit("/", 1)[-1]
    foreign = parts.scheme not in ("", "file") and not reference.startswith(SCHEMA_BASE)
    if not foreign and name in (GENERIC, template + SUFFIX):
        return None
    named = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else None
    if not foreign and named in {t.value for t in Template}:
        return (
            f"the schema {reference!r} is for template {named!r}, but this profile's template is {template!r}"
        )
    return f"the schema {_cut(reference)!r} is not a skillprofiles profile schema"


def _cut(reference: str) -> str:
    return reference if len(reference) <= 80 else reference[:77] + "..."


def __getattr__(name: str) -> Any:
    if name == "MODELINE":  # the pattern, as this module has always offered it
        return _modeline()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
