"""What the catalogue and the models know, for hover and completion; no LSP types, no pygls.

Positions are the CLI's (1-based lines and columns in characters, YAML line breaks). Hover reads the
token under the cursor (a competence code, a proficiency level, a CEFR level), so it works while the
document does not parse; completion reads the line being typed and the keys above it, for the same
reason.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from skillprofiles.catalogue import Catalogue, Competence, code_key, fold
from skillprofiles.catalogue.model import EVIDENCE_WORDS
from skillprofiles.lsp.positions import YAML_BREAK
from skillprofiles.models import MODELS, Level

CompletionKind = Literal["value", "property", "enum", "constant"]
BANDS = {"A": "basic user", "B": "independent user", "C": "proficient user"}
_COMPETENCE = re.compile(r"(?<![\w.])[A-E]\.[0-9]{1,2}(?![\w.])")
_LEVEL = re.compile(r"(?<![\w-])e-[0-9](?![\w-])")
_CEFR = re.compile(r"(?<![\w+-])((?i:pre[- ]?a1)|[A-C][0-9]\+?)(?![\w+])")
_KEY_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<dash>(?:-[ \t]+)*)(?P<key>[A-Za-z_$][\w$-]*)[ \t]*:(?:[ \t]|$)"
)
_ITEM_CODE = re.compile(r"^[ \t]*(?:-[ \t]+)?code:[ \t]*['\"]?(?P<code>[A-E]\.[0-9]{1,2})")


@dataclass(frozen=True)
class Completion:
    """One completion candidate; ``replace`` is the (start, end) columns on the cursor's line that
    choosing it replaces (the token typed so far)."""

    label: str
    replace: tuple[int, int]
    detail: str | None = None
    documentation: str | None = None
    kind: CompletionKind = "value"
    sort_text: str | None = None


def lines_of(text: str) -> list[str]:
    """The document's lines as the YAML reader counts them."""
    return YAML_BREAK.split(text)


def _token(line: str, col: int, pattern: re.Pattern[str]) -> str | None:
    """The match of ``pattern`` the 1-based column ``col`` is on (or just after)."""
    for match in pattern.finditer(line):
        if match.start() < col <= match.end() + 1:
            return match.group(0)
    return None


# -- hover -------------------------------------------------------------------------------------------
def hover(catalogue: Catalogue, version: str | None, text: str, line: int, col: int) -> str | None:
    """Markdown for the competence code, proficiency level or CEFR level at (line, col), or None."""
    lines = lines_of(text)
    if not 1 <= line <= len(lines):
        return None
    current = lines[line - 1]
    code = _token(current, col, _COMPETENCE)
    if code is not None:
        return competence_markdown(catalogue, version, code)
    level = _token(current, col, _LEVEL)
    if level is not None:
        return level_markdown(catalogue, version, level, _item_code(lines, line - 1))
    cefr = _token(current, col, _CEFR)
    if cefr is not None:
        return cefr_markdown(catalogue, cefr)
    return None


def _evidence(competence: Competence) -> str:
    """What the range rests on: its evidence grade and the ids of its sources."""
    grade = EVIDENCE_WORDS.get(competence.evidence, competence.evidence)
    if competence.evidence == "inferred" and competence.inferred_from:
        return f"{grade} from {', '.join(competence.inferred_from)}"
    return f"{grade}: {', '.join(competence.sources)}" if competence.sources else grade


def _range(competence: Competence) -> str:
    if not competence.levels():
        return "level range unknown in this version"
    return f"levels {competence.range_text()} ({_evidence(competence)})"


def competence_markdown(catalogue: Catalogue, version: str | None, code: str) -> str:
    """Title, area and range of a code in the profile's version, and what it is in the others."""
    shown = version if version in catalogue.versions else None
    here = catalogue.competence(shown, code) if shown else None
    out: list[str] = []
    if here is not None:
        out.append(f"**{code} {here.title}** (e-CF {shown})")
        out.append("")
        out.append(f"Area {here.area.letter}: {here.area.value.title()} · {_range(here)}")
        if here.note:
            out.append("")
            out.append(f"*{here.note}*")
    elif shown is not None:
        out.append(f"**{code}** is not a competence of e-CF {shown}")
    else:
        out.append(f"**{code}** (the profile's e-CF version is not known)")
    others = list(_other_versions(catalogue, shown, code, here))
    if here is None:
        others = [o for o in others if not o.endswith(f": no {code}")]
        if not others:
            out.append("")
            out.append(f"No e-CF version of the catalogue has {code}.")
    if others:
        out.append("")
        out.append("In other versions:" if here is not None or shown is None else "Elsewhere:")
        out.extend(f"- {item}" for item in others)
    return "\n".join(out)


def _other_versions(
    catalogue: Catalogue, version: str | None, code: str, here: Competence | None
) -> Iterator[str]:
    for other in catalogue.versions:
        if other == version:
            continue
        there = catalogue.competence(other, code)
        same = _counterpart(catalogue, version, code, other) if here is not None else None
        if there is None:
            moved = f"; this competence is {same} there" if same and same != code else ""
            yield f"e-CF {other}: no {code}{moved}"
            continue
        if here is not None and same != code:
            moved = f" (this competence is {same} there)" if same else ""
            yield f"e-CF {other}: **{code} means another competence**, {there.title}{moved}"
        elif here is None or fold(there.title) != fold(here.title) or there.levels() != here.levels():
            yield f"e-CF {other}: {there.title}, {_range(there)}"


def _counterpart(catalogue: Catalogue, version: str | None, code: str, other: str) -> str | None:
    if version is None:
        return None
    try:
        return catalogue.counterpart(version, code, other)
    except (KeyError, ValueError):
        return None


def level_markdown(catalogue: Catalogue, version: str | None, level: str, code: str | None) -> str | None:
    """A proficiency level, and whether the competence of its item is defined there."""
    try:
        rank = Level(level).rank
    except ValueError:
        return f"**{level}** is not an e-CF proficiency level (e-1 to e-5)"
    text = f"**{level}**: e-CF proficiency level {rank} of 5"
    competence = catalogue.competence(version, code) if version and code else None
    if competence is None:
        return text
    defined = competence.defined_at(rank)
    if defined is None:
        return f"{text}\n\n{code} {competence.title}: level range unknown in e-CF {version}"
    verdict = "is defined" if defined else "**is not defined**"
    levels = f"{competence.range_text()}, {_evidence(competence)}"
    return f"{text}\n\n{code} {competence.title} {verdict} at {level} in e-CF {version} ({levels})"


def cefr_markdown(catalogue: Catalogue, token: str) -> str | None:
    """A CEFR level's name, band and kind."""
    level = catalogue.cefr.get(token)
    if level is None:
        return None
    name = f" {level.name}" if level.name else ""
    band = BANDS.get(level.band, f"band {level.band}")
    return f"**{level.code}**{name}: CEFR level ({band}, {level.kind.replace('-', ' ')})"


def _item_code(lines: Sequence[str], index: int) -> str | None:
    """The ``code:`` of the competence item line ``index`` is in (looked for above, then below)."""
    indent = _indent(lines[index])
    for i in range(index, -1, -1):
        found = _ITEM_CODE.match(lines[i])
        if found:
            return found["code"]
        stripped = lines[i].lstrip(" \t")
        if i < index and stripped.startswith("- ") and _indent(lines[i]) < indent:
            break  # the start of this list item: its code, if any, is below
    for i in range(index + 1, len(lines)):
        if lines[i].strip() and _indent(lines[i]) < indent:
            break
        found = _ITEM_CODE.match(lines[i])
        if found:
            return found["code"]
    return None


def _indent(line: str) -> int:
    stripped = line.lstrip(" \t")
    if stripped.startswith("-"):
        stripped = stripped.lstrip("- \t")
    return len(line) - len(stripped)


# -- completion --------------------------------------------------------------------------------------
def complete(
    catalogue: Catalogue, version: str | None, template: str | None, text: str, line: int, col: int
) -> list[Completion]:
    """The candidates at (line, col): the cursor is before the character at ``col``."""
    lines = lines_of(text)
    if not 1 <= line <= len(lines):
        return []
    before = lines[line - 1][: max(col, 1) - 1]
    typed = re.search(r"[\w.+$-]*$", before)
    where = (col - len(typed[0]) if typed else col, col)
    key_line = _KEY_LINE.match(before)
    if key_line is not None:  # after "key:" on this line: a value of that key
        keys = _ancestors(lines, line - 1, len(key_line["indent"]) + len(key_line["dash"]))
        return _values(catalogue, version, lines, line - 1, key_line["key"], keys, where)
    if "#" in before or ":" in before:
        return []
    depth = len(before) - len(before.lstrip(" \t-")) if before.strip(" \t-") else len(before)
    keys = _ancestors(lines, line - 1, depth)
    model = MODELS.get(template or _template(lines) or "")
    in_list = before.lstrip(" \t").startswith(("-", "["))
    if in_list and keys and (model is None or _model_at(model, keys) is None):
        return _values(catalogue, version, lines, line - 1, keys[-1], keys[:-1], where)
    present = _top_keys(lines) if not keys else set()
    return _keys(model, keys, where, present)


def _values(
    catalogue: Catalogue,
    version: str | None,
    lines: Sequence[str],
    index: int,
    field: str,
    parents: list[str],
    where: tuple[int, int],
) -> list[Completion]:
    chosen = version if version in catalogue.versions else None
    if field == "code" and parents == ["competences"]:
        return _codes(catalogue, chosen, where)
    if field == "levels" and parents == ["competences"]:
        return _levels(catalogue, chosen, _item_code(lines, index), where)
    if field == "min_level" and "linguistic" in parents:
        return _cefr(catalogue, where)
    if field == "ecf_version" and not parents:
        return [
            Completion(f"'{v}'", where, catalogue.versions[v].designation, kind="constant")
            for v in catalogue.versions
        ]
    if field == "template" and not parents:
        return [Completion(name, where, "template", kind="enum") for name in MODELS]
    return []


def _codes(catalogue: Catalogue, version: str | None, where: tuple[int, int]) -> list[Completion]:
    chosen = version or catalogue.latest()
    framework = catalogue.versions[chosen]
    return [
        Completion(
            c.code,
            where,
            c.title,
            competence_markdown(catalogue, chosen, c.code),
            kind="enum",
            sort_text="{}{:03d}".format(*code_key(c.code)),
        )
        for c in framework.competences.values()
    ]


def _levels(
    catalogue: Catalogue, version: str | None, code: str | None, where: tuple[int, int]
) -> list[Completion]:
    competence = catalogue.competence(version, code) if version and code else None
    allowed = competence.levels() if competence is not None else ()
    ranks = allowed or tuple(range(1, 6))
    detail = (
        f"{code} {competence.title}: {competence.range_text()} in e-CF {version}"
        if competence is not None and allowed
        else "e-CF proficiency level"
    )
    return [Completion(f"e-{rank}", where, detail, kind="enum", sort_text=str(rank)) for rank in ranks]


def _cefr(catalogue: Catalogue, where: tuple[int, int]) -> list[Completion]:
    return [
        Completion(
            level.code,
            where,
            (level.name or level.kind.replace("-", " ")) + f" ({BANDS.get(level.band, level.band)})",
            kind="enum",
            sort_text=f"{level.rank:04.1f}",
        )
        for level in catalogue.cefr.levels
    ]


def _template(lines: Sequence[str]) -> str | None:
    for line in lines:
        found = re.match(r"template:[ \t]*['\"]?([\w-]+)", line)
        if found:
            return found[1]
    return None


def _ancestors(lines: Sequence[str], index: int, limit: int) -> list[str]:
    """The keys enclosing a key (or value) at column ``limit`` (0-based) on line ``index``,
    outermost first, read from the indentation of the key lines above it."""
    found: list[str] = []
    for i in range(index - 1, -1, -1):
        if limit == 0:
            break
        match = _KEY_LINE.match(lines[i])
        if match is None:
            continue
        depth = len(match["indent"]) + len(match["dash"])
        if depth < limit:
            found.append(match["key"])
            limit = depth
    return found[::-1]


def _top_keys(lines: Sequence[str]) -> set[str]:
    """The keys of the document's top-level mapping already written."""
    return {
        m["key"] for m in map(_KEY_LINE.match, lines) if m is not None and not m["indent"] and not m["dash"]
    }


def _keys(
    model: type[BaseModel] | None, keys: list[str], where: tuple[int, int], present: set[str]
) -> list[Completion]:
    found = _model_at(model, keys) if model is not None else None
    if found is None:
        if not keys and model is None:
            return [Completion("template", where, "the sheet layout: " + ", ".join(MODELS), kind="property")]
        return []
    items = []
    for position, (name, info) in enumerate(found.model_fields.items()):
        key = info.alias or name
        if key in present:
            continue
        required = info.is_required()
        detail = ("required" if required else "optional") + (
            f": {info.description}" if info.description else ""
        )
        items.append(
            Completion(key, where, detail, info.description, kind="property", sort_text=f"{position:03d}")
        )
    return items


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    if origin in (list, tuple, set):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    if origin is dict:
        return _unwrap(typing.get_args(annotation)[1])
    return [annotation]


def _model_at(model: type[BaseModel], keys: Sequence[str]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for key in keys:
        if current is None:
            return None
        annotation = next(
            (info.annotation for name, info in current.model_fields.items() if key in (name, info.alias)),
            None,
        )
        current = next(
            (t for t in _unwrap(annotation) if isinstance(t, type) and issubclass(t, BaseModel)), None
        )
    return current
