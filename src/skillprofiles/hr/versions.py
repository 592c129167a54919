"""Reading competence codes of one e-CF version in another: the catalogue's diff, or an explicit mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints

from skillprofiles.diagnostics import DiagnosticsError
from skillprofiles.hr.ecf import catalogue
from skillprofiles.models import ECF_CODE_PATTERN, VERSION_PATTERN, Level, Record
from skillprofiles.source.reader import read_path

Levels = frozenset[Level]

Code = Annotated[str, StringConstraints(pattern=ECF_CODE_PATTERN)]
Version = Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]


class VersionMismatchError(ValueError):
    """Two e-CF versions whose codes mean different things were compared without a mapping."""


class VersionMapping(Record):
    """How codes of one e-CF version read in another; ``None`` says a code has no counterpart.

    In YAML::

        from: '2.0'
        to: '4.0'
        codes:
          D.7: D.12
          D.6: null
    """

    source: Version = Field(alias="from", description="The e-CF version the codes are written in.")
    target: Version = Field(alias="to", description="The e-CF version they are read in.")
    codes: dict[Code, Code | None] = Field(description="Code in 'from' → code in 'to' (null: none).")


class MappingError(DiagnosticsError):
    """A mapping file could not be loaded; ``diagnostics`` says why, each at its line:col."""

    kind = "mapping"


def load_mapping(path: str | Path) -> VersionMapping:
    """Read a mapping file (YAML or JSON) with the positional reader; raise :class:`MappingError`."""
    from skillprofiles.hr.assessment import validated

    return validated(read_path(Path(path), str(path)), VersionMapping, MappingError)


def same_meaning_codes(source: str, target: str) -> tuple[dict[str, str], list[str]]:
    """Codes of ``source`` that keep their meaning in ``target`` (source code → target code), and the
    codes of ``source`` that ``target`` gives another meaning (reused). Works in either direction."""
    from skillprofiles.catalogue import version_key

    forward = version_key(source) <= version_key(target)
    diff = catalogue().diff(source, target) if forward else catalogue().diff(target, source)
    same = [*diff.unchanged, *diff.renamed, *diff.moved, *diff.range_changed]
    if forward:
        kept = {old.code: new.code for old, new in same if old and new}
        reused = {old.code for old, _new in diff.reused if old}
    else:
        kept = {new.code: old.code for old, new in same if old and new}
        reused = {new.code for _old, new in diff.reused if new}
    return kept, sorted(reused, key=_code_order)


def translate(
    levels: dict[str, Levels], source: str, target: str, mapping: VersionMapping | None, what: str
) -> tuple[dict[str, Levels], list[str]]:
    """Levels keyed by codes of ``source``, re-keyed by codes of ``target``, and notes on what was read how.

    ``what`` names the two sides in messages, e.g. "the assessment … the profile".
    """
    if source == target:
        return levels, []
    if mapping is not None:
        return _mapped(levels, source, target, mapping, what)
    kept, reused = _diff_or_refuse(source, target)
    if reused:
        raise VersionMismatchError(
            f"{what.format(source=source, target=target)}, where "
            f"{', '.join(reused)} mean different things; give a mapping (--mapping FILE) "
            f"from {source} to {target}"
        )
    return _carry(levels, kept, source, target)


def _diff_or_refuse(source: str, target: str) -> tuple[dict[str, str], list[str]]:
    try:
        return same_meaning_codes(source, target)
    except (KeyError, ValueError):
        raise VersionMismatchError(
            f"the catalogue cannot relate e-CF {source} to e-CF {target}; "
            f"give a mapping from {source} to {target}"
        ) from None


def _carry(
    levels: dict[str, Levels], kept: dict[str, str], source: str, target: str
) -> tuple[dict[str, Levels], list[str]]:
    carried = {kept[code]: level for code, level in levels.items() if code in kept}
    dropped = sorted(set(levels) - set(kept), key=_code_order)
    notes = [f"e-CF {source} codes read as e-CF {target} where the catalogue says they mean the same"]
    if dropped:
        notes.append(f"not carried to e-CF {target} (no counterpart): {', '.join(dropped)}")
    return carried, notes


def _mapped(
    levels: dict[str, Levels], source: str, target: str, mapping: VersionMapping, what: str
) -> tuple[dict[str, Levels], list[str]]:
    if (mapping.source, mapping.target) != (source, target):
        raise VersionMismatchError(
            f"the mapping goes from e-CF {mapping.source} to {mapping.target}, but "
            f"{what.format(source=source, target=target)}"
        )
    kept: dict[str, str] = {}
    try:
        kept, reused = same_meaning_codes(source, target)
        kept = {code: new for code, new in kept.items() if code not in reused}
    except (KeyError, ValueError):
        kept = {}
    carried: dict[str, Levels] = {}
    for code, level in levels.items():
        new = mapping.codes[code] if code in mapping.codes else kept.get(code)
        if new is not None:
            carried[new] = carried.get(new, frozenset()) | level
    unmapped = sorted((c for c in levels if c not in mapping.codes and c not in kept), key=_code_order)
    notes = [f"e-CF {source} codes read as e-CF {target} through the mapping given"]
    unknown = sorted(
        {new for new in mapping.codes.values() if new and not catalogue().competence(target, new)}
    )
    if unknown and target in catalogue().versions:
        notes.append(f"the mapping names codes e-CF {target} does not define: {', '.join(unknown)}")
    if unmapped:
        notes.append(f"not carried to e-CF {target} (neither mapped nor unchanged): {', '.join(unmapped)}")
    return carried, notes


def _code_order(code: str) -> tuple[str, int]:
    return (code[0], int(code[2:]))
