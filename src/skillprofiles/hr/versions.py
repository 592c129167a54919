"""Reading competence codes of one e-CF version in another: the catalogue's diff, or an explicit mapping."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StringConstraints

from skillprofiles.diagnostics import DiagnosticsError
from skillprofiles.hr.ecf import catalogue
from skillprofiles.models import ECF_CODE_PATTERN, VERSION_PATTERN, Level, Record
from skillprofiles.source.reader import read_path

if TYPE_CHECKING:
    from skillprofiles.catalogue import Catalogue

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

    A ``mapping`` given overrides everything else. Without one, versions are compared directly when
    none of the codes in ``levels`` is reused with another meaning (with a note); when one is, the
    packaged mapping between the two versions is used (:func:`packaged_mapping`), and
    :class:`VersionMismatchError` is raised only when there is none.
    """
    if source == target:
        return levels, []
    if mapping is not None:
        return _mapped(levels, source, target, mapping, what)
    kept, reused = _diff_or_refuse(source, target)
    involved = [code for code in reused if code in levels]
    if not involved:
        return _carry(levels, kept, source, target)
    packaged = packaged_mapping(source, target)
    if packaged is None:
        raise VersionMismatchError(
            f"{what.format(source=source, target=target)}, where "
            f"{', '.join(involved)} mean different things; give a mapping (--mapping FILE) "
            f"from {source} to {target}"
        )
    carried, notes = _mapped(levels, source, target, packaged, what, PACKAGED_NOTE)
    return carried, [*notes, f"reused codes read through it: {', '.join(involved)}"]


PACKAGED_NOTE = "the packaged mapping (derived from the catalogue)"
PACKAGED_PAIRS = (("2.0", "4.0"), ("4.0", "2.0"), ("3.0", "4.0"), ("4.0", "3.0"))


def packaged_mapping(source: str, target: str) -> VersionMapping | None:
    """The mapping shipped with the package from e-CF ``source`` to ``target``, or None.

    The files (``hr/data/mapping-*.yaml``) are derived from the packaged catalogue by
    :func:`derive_mapping`; a test checks that they still agree with it.
    """
    if (source, target) not in PACKAGED_PAIRS:
        return None
    return _packaged(source, target)


_CACHE: dict[tuple[str, str], VersionMapping] = {}


def _packaged(source: str, target: str) -> VersionMapping:
    if (source, target) not in _CACHE:
        from importlib.resources import files

        import yaml

        text = (
            files("skillprofiles.hr")
            .joinpath("data")
            .joinpath(mapping_file_name(source, target))
            .read_text("utf-8")
        )
        _CACHE[(source, target)] = VersionMapping.model_validate(yaml.safe_load(text))
    return _CACHE[(source, target)]


def mapping_file_name(source: str, target: str) -> str:
    """The packaged file of a mapping, e.g. ``mapping-2.0-to-4.0.yaml``."""
    return f"mapping-{source}-to-{target}.yaml"


def derive_mapping(source: str, target: str, cat: Catalogue | None = None) -> VersionMapping:
    """Every code of ``source`` → its counterpart in ``target`` (``Catalogue.counterpart``), None when
    the competence has no counterpart there or its code means something else."""
    cat = cat or catalogue()
    codes = sorted(cat.versions[source].competences, key=_code_order)
    pairs = {code: cat.counterpart(source, code, target) for code in codes}
    return VersionMapping.model_validate({"from": source, "to": target, "codes": pairs})


def mapping_text(source: str, target: str, cat: Catalogue | None = None) -> str:
    """A derived mapping as a YAML file with its provenance, as packaged."""
    cat = cat or catalogue()
    mapping = derive_mapping(source, target, cat)
    lines = [
        f"# e-CF {source} -> e-CF {target}: each {source} code and the {target} code of the same competence.",
        "# Derived, not written by hand: Catalogue.counterpart over the packaged catalogue",
        "# (src/skillprofiles/data/ecf.yaml, its predecessor links and the sources it cites).",
        "# null: the competence has no counterpart in the target version, or its code means",
        "# something else there (a reused code). Regenerate with",
        f"#   python -c \"from skillprofiles.hr.versions import mapping_text; print(mapping_text('{source}', '{target}'), end='')\"",  # noqa: E501
        "# A mapping file given with --mapping overrides this one.",
        f"from: '{source}'",
        f"to: '{target}'",
        "codes:",
    ]
    for code, new in mapping.codes.items():
        counterpart = cat.competence(target, new) if new else None
        new_title = counterpart.title if counterpart else None
        old = cat.competence(source, code)
        comment = f"  # {old.title}" if old else ""
        if new_title and old and new_title != old.title:
            comment += f" -> {new_title}"
        lines.append(f"  {code}: {new if new else 'null'}{comment}")
    return "\n".join(lines) + "\n"


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
    levels: dict[str, Levels],
    source: str,
    target: str,
    mapping: VersionMapping,
    what: str,
    label: str = "the mapping given",
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
    notes = [f"e-CF {source} codes read as e-CF {target} through {label}"]
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
