"""Semantic codes (SP2xx): what the e-CF, CEFR and registry catalogues say about a profile."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from skillprofiles.catalogue import Catalogue, CefrScale, Competence, default_catalogue, fold, slug
from skillprofiles.catalogue.inference import VersionDecision, decide_version
from skillprofiles.diagnostics import DocPath, Severity
from skillprofiles.models import AnyProfile
from skillprofiles.rules.base import Context, Finding

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def chosen_version(profile: AnyProfile, ctx: Context) -> VersionDecision:
    """The version the pipeline decided for this profile (decided here only when called without one)."""
    decided = ctx.extra.get("ecf_version")
    if isinstance(decided, VersionDecision):
        return decided
    decision = decide_version(profile, _catalogue(ctx), getattr(ctx.config, "default_ecf_version", None))
    ctx.extra["ecf_version"] = decision
    return decision


def _catalogue(ctx: Context) -> Catalogue:
    return ctx.catalogue if isinstance(ctx.catalogue, Catalogue) else default_catalogue()


def ecf_version_missing(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The profile cites no e-CF version; the message says which version was assumed and why."""
    if profile.ecf_version is not None:
        return
    choice = chosen_version(profile, ctx)
    if choice.version is None:
        return  # SP202 reports the unknown default version
    yield Finding(
        f"profile cites no e-CF version; assumed {choice.reason}",
        ("title",),
        f"add ecf_version: '{choice.version}' (quoted) if that is the version the source follows",
        key=True,
    )


def unknown_ecf_version(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The e-CF version the profile cites (or the configured default) is not in the catalogue."""
    choice = chosen_version(profile, ctx)
    if choice.version is not None:
        return
    known = ", ".join(_catalogue(ctx).versions)
    cited = profile.ecf_version is not None
    written = profile.ecf_version if cited else getattr(ctx.config, "default_ecf_version", "")
    where = "" if cited else " (default_ecf_version of the configuration)"
    yield Finding(
        f"unknown e-CF version '{written}'{where}",
        ("ecf_version",) if cited else ("title",),
        f"known versions: {known}; load a catalogue file for another version",
        key=not cited,
    )


def unknown_competence(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence code that the profile's e-CF version does not define."""
    version, catalogue = chosen_version(profile, ctx).version, _catalogue(ctx)
    if version is None:
        return
    for index, assigned in enumerate(profile.competences):
        if catalogue.competence(version, assigned.code) is None:
            yield Finding(
                f"e-CF {version} has no competence {assigned.code}",
                ("competences", index, "code"),
                _code_hint(catalogue, version, assigned.code, assigned.title),
            )


def _code_hint(catalogue: Catalogue, version: str, code: str, title: str) -> str:
    framework = catalogue.versions[version]
    by_title = next((c for c in framework.competences.values() if fold(c.title) == fold(title)), None)
    if by_title is not None:
        return f"did you mean {by_title.code}? '{by_title.title}' is {by_title.code} in e-CF {version}"
    elsewhere = [c for v in catalogue.versions.values() if (c := v.competences.get(code)) is not None]
    nearest = _nearest_title(framework.competences.values(), title)
    parts = [f"{code} is '{c.title}' in e-CF {c.version}" for c in elsewhere[-1:]]
    if nearest is not None:
        parts.append(f"the nearest e-CF {version} title is {nearest.code} '{nearest.title}'")
    return "; ".join(parts) or f"e-CF {version} codes run {_code_span(framework.competences)}"


def _nearest_title(competences: Iterable[Competence], title: str) -> Competence | None:
    import difflib  # here, not at the top: only the hint of an unknown competence code needs it

    by_title = {fold(c.title): c for c in competences}
    found = difflib.get_close_matches(fold(title), list(by_title), n=1, cutoff=0.6)
    return by_title[found[0]] if found else None


def _code_span(competences: dict[str, Competence]) -> str:
    codes = list(competences)
    return f"{codes[0]}..{codes[-1]}" if codes else "(none)"


def level_outside_range(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence is assigned at a level it is not defined at, in a range two independent sources show."""
    yield from _levels_outside(profile, ctx, ("two-sources",))


def level_outside_inferred_range(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence is assigned at a level outside a range one source shows or the catalogue infers."""
    yield from _levels_outside(profile, ctx, ("one-source", "inferred"))


def _levels_outside(profile: AnyProfile, ctx: Context, grades: tuple[str, ...]) -> Iterator[Finding]:
    version, catalogue = chosen_version(profile, ctx).version, _catalogue(ctx)
    if version is None:
        return
    for index, assigned in enumerate(profile.competences):
        competence = catalogue.competence(version, assigned.code)
        if competence is None or competence.evidence not in grades:
            continue
        for position, level in enumerate(assigned.levels):
            if competence.defined_at(level.rank) is False:
                path = ("competences", index, "levels", position)
                yield _outside(catalogue, competence, level.value, path)


def _outside(catalogue: Catalogue, competence: Competence, level: str, path: DocPath) -> Finding:
    return Finding(
        f"{competence.code} {competence.title} is not defined at {level} in e-CF {competence.version}: "
        f"its range is {competence.range_text()}{evidence_note(catalogue, competence)}",
        path,
        f"use a level in {competence.range_text()}",
    )


def evidence_note(catalogue: Catalogue, competence: Competence) -> str:
    """What a weak range rests on, for the message: the single source, or what it is inferred from."""
    if competence.evidence == "one-source" and competence.sources:
        return f" (one source only: {catalogue.source(competence.sources[0]).describe()})"
    if competence.evidence == "inferred":
        origins = [o if o == "usage" else f"e-CF {o}" for o in competence.inferred_from]
        basis = " and from ".join(origins) if origins else "another version"
        return f" (inferred from {basis}; no e-CF {competence.version} source shows it)"
    return ""


def no_level_data(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The profile's e-CF version has no level data, so its levels cannot be checked (once per profile)."""
    version, catalogue = chosen_version(profile, ctx).version, _catalogue(ctx)
    if version is None or catalogue.versions[version].has_level_data:
        return
    yield Finding(
        f"e-CF {version} has no level data in the catalogue: the levels of "
        f"{len(profile.competences)} competences are not checked",
        ("competences",),
        "load a catalogue file with level ranges for this version to check them",
        key=True,
    )


def title_mismatch(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence title differs from the official title of its code in the profile's e-CF version."""
    version, catalogue = chosen_version(profile, ctx).version, _catalogue(ctx)
    if version is None:
        return
    for index, assigned in enumerate(profile.competences):
        official = catalogue.competence(version, assigned.code)
        # most profiles write the official title as it is: equal texts fold the same, so no fold then
        if (
            official is not None
            and official.title != assigned.title
            and fold(official.title) != fold(assigned.title)
        ):
            hint, same_meaning = _title_hint(catalogue, official, assigned.title, slug(profile.title))
            yield Finding(
                f"{assigned.code} is titled '{assigned.title}' "
                f"but its e-CF {version} title is '{official.title}'",
                ("competences", index, "title"),
                hint,
                # the official title is the fix only where the written one names the same competence
                replacement=_yaml_text(official.title) if same_meaning else None,
            )


def _yaml_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _title_hint(catalogue: Catalogue, official: Competence, written: str, document: str) -> tuple[str, bool]:
    """The hint of a title mismatch, and whether the official title means what the profile wrote."""
    hint = f"use the official title '{official.title}'"
    wanted = fold(written)
    titled = [
        c
        for f in catalogue.versions.values()
        if (c := f.competences.get(official.code)) is not None and _titled(c, wanted)
    ]
    reused = [c for c in titled if catalogue.counterpart(c.version, c.code, official.version) != c.code]
    if reused:
        return _reused_hint(catalogue, official, written, reused), False
    if titled:
        versions = ", ".join(c.version for c in titled)
        only_here = all(c.attested_only_by(document) for c in titled)
        caveat = " (a title only this document attests)" if only_here else ""
        return f"{hint}; '{written}' is the e-CF {versions} title of {official.code}{caveat}", True
    others = catalogue.versions[official.version].competences.values()
    other = next((c for c in others if _titled(c, wanted)), None)
    if other is not None:
        return f"'{written}' is {other.code} in e-CF {official.version}: is the code wrong?", False
    return hint, True


def _reused_hint(catalogue: Catalogue, official: Competence, written: str, reused: list[Competence]) -> str:
    """The code was reused: the profile probably means the competence it named in another version."""
    versions = ", ".join(c.version for c in reused)
    meant = reused[-1]
    counterpart = catalogue.counterpart(meant.version, meant.code, official.version)
    target = catalogue.competence(official.version, counterpart) if counterpart else None
    where = (
        f"; in e-CF {official.version} that competence is {target.code} '{target.title}'"
        if target is not None
        else f"; the catalogue lists no e-CF {official.version} counterpart of it"
    )
    return (
        f"{official.code} was reused in e-CF {official.version} for '{official.title}': '{written}' is "
        f"{official.code} in e-CF {versions}{where}; check which version the profile follows"
    )


def _titled(competence: Competence | None, folded_title: str) -> bool:
    return competence is not None and fold(competence.title) == folded_title


def invalid_cefr_level(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A language requirement names a level that is not a CEFR level."""
    scale = _catalogue(ctx).cefr
    for index, requirement in enumerate(profile.languages):
        base = ("personal_aptitudes", "linguistic", index)
        written = requirement.min_level
        if written is not None and scale.parse(written) is None and not scale.without_level(written):
            yield _invalid_level(scale, written, (*base, "min_level"))
        for token in scale.mentions(requirement.text):
            if scale.get(token) is None:
                yield _invalid_level(scale, token, (*base, "text"))


def _invalid_level(scale: CefrScale, written: str, path: DocPath) -> Finding:
    nearest = scale.nearest(written)
    hint = f"did you mean {nearest}? " if nearest else ""
    levels = ", ".join(level.code for level in scale.levels)
    return Finding(f"'{written}' is not a CEFR level", path, f"{hint}CEFR levels: {levels}")


def cefr_order(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A language requirement gives a range of CEFR levels from high to low (e.g. "C1-B2")."""
    scale = _catalogue(ctx).cefr
    for index, requirement in enumerate(profile.languages):
        ranks = [scale.rank(token) for token in scale.mentions(requirement.text)]
        known = [r for r in ranks if r is not None]
        if len(known) >= 2 and any(a > b for a, b in itertools.pairwise(known)):
            tokens = [t for t in scale.mentions(requirement.text) if scale.get(t)]
            yield Finding(
                f"CEFR levels out of order: {' then '.join(tokens)}",
                ("personal_aptitudes", "linguistic", index, "text"),
                "write a range from the lower level to the higher",
            )


def language_text_unparsed(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A language requirement names the CEFR scale (or a minimum level) but no level can be read."""
    scale = _catalogue(ctx).cefr
    for index, requirement in enumerate(profile.languages):
        text = requirement.text
        if scale.promises_level(text) and not scale.mentions(text) and not scale.without_level(text):
            yield Finding(
                "the text names a CEFR level but none can be read in it",
                ("personal_aptitudes", "linguistic", index, "text"),
                "write the level as A1..C2 (e.g. 'minimum level: B1 QCER')",
            )


def language_level_mismatch(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The level a language requirement's text names differs from its ``min_level``."""
    scale = _catalogue(ctx).cefr
    for index, requirement in enumerate(profile.languages):
        base = ("personal_aptitudes", "linguistic", index)
        named = [level for t in scale.mentions(requirement.text) if (level := scale.get(t)) is not None]
        if not named:
            continue
        wanted = scale.parse(requirement.min_level) if requirement.min_level else None
        if requirement.min_level is None:
            yield Finding(
                f"the text names {named[0].code} but min_level is not set",
                (*base,),
                f"add min_level: {named[0].code}",
            )
        elif wanted is not None and wanted.code != named[0].code:
            yield Finding(
                f"min_level is {wanted.code} but the text names {named[0].code}",
                (*base, "min_level"),
                "make min_level and the text agree",
            )


def knowledge_skill_wording(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A knowledge/skill code is worded differently in two places of one profile."""
    first: dict[str, tuple[str, str]] = {}  # code -> its first text, competence
    folded: dict[str, str] = {}  # code -> its first text folded, once another text is compared with it
    for index, assigned in enumerate(profile.competences):
        for position, item in enumerate(assigned.knowledge_skills):
            seen = first.setdefault(item.code, (item.text, assigned.code))
            # a text equal to the first folds the same: only a different one is folded and compared
            if seen[0] != item.text and _first_folded(folded, item.code, seen[0]) != fold(item.text):
                yield Finding(
                    f"{item.code} is worded '{item.text}' here but '{seen[0]}' under {seen[1]}",
                    ("competences", index, "knowledge_skills", position, "text"),
                    f"use one wording for {item.code}, or give this item its own code",
                )


def _first_folded(folded: dict[str, str], code: str, text: str) -> str:
    if code not in folded:
        folded[code] = fold(text)
    return folded[code]


def duplicate_competence(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The same competence code is assigned twice."""
    seen: dict[str, int] = {}
    for index, assigned in enumerate(profile.competences):
        if assigned.code in seen:
            yield Finding(
                f"{assigned.code} is assigned twice (also competences[{seen[assigned.code]}])",
                ("competences", index, "code"),
                "merge the two entries into one, with all levels in one list",
            )
        seen.setdefault(assigned.code, index)


def duplicate_item(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A list repeats an item: a duty, task, deliverable, KPI or knowledge/skill item of one competence."""
    lists: list[tuple[DocPath, list[str]]] = []
    _model_text_lists(profile, (), lists, skip="competences")
    for index, assigned in enumerate(profile.competences):
        items = [f"{k.code}: {k.text}" for k in assigned.knowledge_skills]
        lists.append((("competences", index, "knowledge_skills"), items))
    for path, items in lists:
        if len(items) < 2:
            continue  # one item repeats nothing: no need to fold it
        keys = list(map(fold, items))
        if len(set(keys)) < len(keys):  # most lists repeat nothing, and a set of the folds tells at C speed
            yield from _repeats(items, keys, path)


def _model_text_lists(
    model: BaseModel, path: DocPath, found: list[tuple[DocPath, list[str]]], skip: str | None = None
) -> None:
    # what profile.model_dump(by_alias=True) would give, read off the model without dumping it: the
    # dump copied every field of every file for this one check
    for name, info in type(model).model_fields.items():
        if name != skip:
            _text_lists(getattr(model, name), (*path, info.alias or name), found)


def _text_lists(value: object, path: DocPath, found: list[tuple[DocPath, list[str]]]) -> None:
    if isinstance(value, BaseModel):
        _model_text_lists(value, path, found)
    elif isinstance(value, dict):
        for key, child in value.items():
            _text_lists(child, (*path, key), found)
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        found.append((path, value))


def _repeats(items: list[str], keys: list[str], path: DocPath) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for position, (item, key) in enumerate(zip(items, keys, strict=True)):
        if key in seen:
            yield Finding(
                f"'{item}' repeats item {seen[key] + 1} of this list",
                (*path, position),
                "remove the repeated item",
            )
        seen.setdefault(key, position)
