"""Run configuration: which rules run, at which severity, when a run fails, and the reader's limits."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillprofiles.codes import registry
from skillprofiles.diagnostics import Diagnostic, Severity
from skillprofiles.source.reader import Limits, UnreadableError, read_bounded

if TYPE_CHECKING:  # per-path overrides come only from a configuration file (see paths.py)
    from skillprofiles.tuning.paths import PathOverride as PathOverride

EXACT = 1000  # specificity of a full code or a rule name; a prefix scores its length


@dataclass(frozen=True)
class Config:
    """Everything that tunes a run; the CLI and configuration files build one of these.

    Plain data that pickles, so worker processes can receive it. Selectors (in ``select``, ``ignore``
    and the keys of ``severities``) are codes, code prefixes (``SP1``) or rule names; where several
    match a code, the most specific wins (a code or name beats a prefix, a longer prefix a shorter one),
    and between a selection and an ignore of equal specificity the ignore wins.
    """

    select: tuple[str, ...] = ()  # empty means every rule
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)  # selector -> severity override
    fail_on: Severity | None = Severity.ERROR
    limits: Limits = field(default_factory=Limits)
    default_ecf_version: str | None = None
    catalogue_path: str | None = None  # a user catalogue file, absolute or relative to the working dir
    per_path: tuple[PathOverride, ...] = ()
    baseline_path: str | None = None  # the baseline the configuration file names
    source: str | None = None  # the configuration file this came from, if any
    max_findings_per_code: int = 100  # per file; then one summary finding (0: no cap)

    def with_changes(self, **changes: object) -> Config:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def for_file(self, file: str) -> Config:
        """This configuration with the per-path overrides that cover ``file`` merged in."""
        covering = [o for o in self.per_path if o.matches(file)]
        if not covering:
            return self
        ignore = self.ignore + tuple(s for o in covering for s in o.ignore)
        severities = dict(self.severities)
        for override in covering:
            severities.update(override.severities)
        return replace(self, ignore=ignore, severities=severities, per_path=())

    def enabled(self, code: str) -> bool:
        """Whether findings of a code are reported (per-path overrides are applied by :meth:`for_file`)."""
        return _enabled(self.select, self.ignore, code)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity findings of ``code`` are reported at."""
        return _severity(tuple(self.severities.items()), code) or default

    def apply(self, diagnostic: Diagnostic) -> Diagnostic | None:
        """The diagnostic as this configuration reports it, or None when its rule is off."""
        scoped = self.for_file(diagnostic.file)
        if not scoped.enabled(diagnostic.code):
            return None
        severity = scoped.severity_of(diagnostic.code, diagnostic.severity)
        return diagnostic if severity is diagnostic.severity else diagnostic.with_severity(severity)


def specificity(selector: str, code: str) -> int | None:
    """How precisely ``selector`` names ``code`` (higher is more precise), or None when it does not."""
    text = selector.strip()
    named = registry.code_of_name(text)
    if named is not None:
        return EXACT if named == code else None
    upper = text.upper()
    if not upper or not code.startswith(upper):
        return None
    return EXACT if upper == code else len(upper)


@functools.lru_cache(maxsize=8192)
def _enabled(select: tuple[str, ...], ignore: tuple[str, ...], code: str) -> bool:
    chosen = _best(select, code) if select else 0
    if chosen is None:
        return False
    ignored = _best(ignore, code)
    return ignored is None or chosen > ignored


def _best(selectors: Iterable[str], code: str) -> int | None:
    scores = [s for s in (specificity(sel, code) for sel in selectors) if s is not None]
    return max(scores, default=None)


@functools.lru_cache(maxsize=8192)
def _severity(overrides: tuple[tuple[str, Severity], ...], code: str) -> Severity | None:
    best: tuple[int, Severity] | None = None
    for selector, severity in overrides:  # later entries win ties: the command line comes last
        score = specificity(selector, code)
        if score is not None and (best is None or score >= best[0]):
            best = (score, severity)
    return best[1] if best else None


def unknown_selector(selector: str) -> str | None:
    """None when ``selector`` names at least one rule, else an error message with a suggestion."""
    if registry.resolve(selector):
        return None
    return f"{selector!r} matches no rule{did_you_mean(selector)}"


def did_you_mean(text: str) -> str:
    """' (did you mean 'X'?)' with the nearest rule code or name, or ''."""
    import difflib  # only a run with an unknown selector suggests one

    choices = [r.code for r in registry.all_rules()] + [r.name for r in registry.all_rules()]
    upper = {c.upper(): c for c in choices}
    wanted = text.strip().upper()
    if wanted.startswith("SP") and wanted[2:].replace("O", "0") != wanted[2:]:
        wanted = "SP" + wanted[2:].replace("O", "0")  # the letter O typed for a zero
        if wanted in upper:
            return f" (did you mean {upper[wanted]!r}?)"
    close = difflib.get_close_matches(wanted, list(upper), n=5, cutoff=0.6)
    if not close:
        return ""
    # among equally close candidates, the one sharing the longest start (SP10S: SP105, not SP910)
    best = max(close, key=lambda c: (_ratio(wanted, c), _shared_start(wanted, c)))
    return f" (did you mean {upper[best]!r}?)"


def _ratio(a: str, b: str) -> float:
    import difflib  # imported by did_you_mean, the only caller

    return difflib.SequenceMatcher(None, a, b).ratio()


def _shared_start(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def parse_level(text: str) -> Severity | None:
    """A severity from configuration or the command line; None means ``off``; raises ValueError."""
    if text.strip().lower() == "off":
        return None
    try:
        return Severity.parse(text)
    except ValueError:
        raise ValueError(f"unknown severity {text!r}; use error, warning, info or off") from None


def split_levels(
    levels: Mapping[str, Severity | None],
) -> tuple[dict[str, Severity], tuple[str, ...]]:
    """Split a selector -> level map into severity overrides and the selectors turned ``off``."""
    severities = {s: level for s, level in levels.items() if level is not None}
    return severities, tuple(s for s, level in levels.items() if level is None)


# -- finding the configuration file: here, so that a run without one never imports the file models ----
YAML_NAMES = (".skillprofiles.yaml", ".skillprofiles.yml")
PYPROJECT = "pyproject.toml"
TABLE = ("tool", "skillprofiles")
MAX_CONFIG_BYTES = 1024 * 1024  # a configuration file is read whole, through the bounded reader


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration file in ``start`` (default: the working directory) or above it.

    In each directory ``.skillprofiles.yaml`` (or ``.yml``) comes first, then a ``pyproject.toml``
    that has a ``[tool.skillprofiles]`` table; a ``pyproject.toml`` without one is passed over.
    """
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in YAML_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = read_bounded(pyproject, MAX_CONFIG_BYTES).decode("utf-8")
    except (UnreadableError, UnicodeDecodeError):
        return False
    if "skillprofiles" not in text:
        return False
    from skillprofiles.tuning.tomlscan import has_table  # only a pyproject.toml that names us

    decided = has_table(text)  # a simple document is decided exactly, without importing tomllib
    if decided is not None:
        return decided
    try:
        return tool_table(toml_loads(text)) is not None
    except ValueError:
        return True  # a broken file that seems to configure us: load_config reports where it is broken


def toml_loads(text: str) -> dict[str, Any]:
    """A TOML document; ValueError (tomllib's, or one for nesting too deep) when it is broken."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - the backport, on Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except RecursionError:
        # tomllib parses nested arrays and inline tables by recursion: deep nesting is a bad file
        raise ValueError("nesting is too deep (at line 1, column 1)") from None


def tool_table(document: dict[str, Any]) -> Any:
    """The ``[tool.skillprofiles]`` table of a parsed pyproject.toml, or None."""
    tool = document.get(TABLE[0])
    return tool.get(TABLE[1]) if isinstance(tool, dict) else None


_MOVED = ("PathOverride", "glob_problem", "MAX_GLOB", "_glob_matches")


def __getattr__(name: str) -> object:
    """The per-path overrides and their globs, importable from here, live in paths.py."""
    if name in _MOVED:
        from skillprofiles.tuning import paths

        return getattr(paths, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
