"""Semantic codes (SP2xx): what the e-CF, CEFR and registry catalogues say about a profile."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from skillprofiles.catalogue import Catalogue, CefrScale, Competence, default_catalogue, fold
from skillprofiles.diagnostics import DocPath, Severity
from skillprofiles.models import AnyProfile
from skillprofiles.rules.registry import Context, Finding, declare, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

INVALID_CATALOGUE = declare(
    "SP200",
    "invalid-catalogue",
    ERROR,
    """A catalogue file (``--catalogue`` or ``load_catalogue``) does not follow the catalogue format.

    Why: every semantic rule trusts the catalogue; a range with min above max or a competence in the
    wrong area would turn into wrong findings on every profile.

    Passing::

        format: skillprofiles-catalogue/1
        title: My framework
        ecf:
          versions:
            '4.1':
              designation: e-CF 4.1 (organisation copy)
              competences:
                - {code: A.1, title: IS and Business Strategy Alignment, area: PLAN,
                   min_level: 4, max_level: 5, range_status: verified}

    Failing: the same entry with ``area: BUILD`` (A codes are PLAN) or ``min_level: 5, max_level: 4``.
    """,
)


@dataclass(frozen=True)
class VersionChoice:
    """The e-CF version a profile's competences are checked against, and how it was chosen."""

    version: str | None  # None when the profile cites a version the catalogue does not know
    cited: bool
    reason: str


def chosen_version(profile: AnyProfile, ctx: Context) -> VersionChoice:
    """The version cited, else the configured default, else the best title match; computed once per file."""
    cached = ctx.extra.get("ecf_version")
    if isinstance(cached, VersionChoice):
        return cached
    choice = _choose(profile, _catalogue(ctx), ctx)
    ctx.extra["ecf_version"] = choice
    return choice


def _catalogue(ctx: Context) -> Catalogue:
    return ctx.catalogue if isinstance(ctx.catalogue, Catalogue) else default_catalogue()


def _choose(profile: AnyProfile, catalogue: Catalogue, ctx: Context) -> VersionChoice:
    if profile.ecf_version is not None:
        known = profile.ecf_version in catalogue.versions
        return VersionChoice(
            profile.ecf_version if known else None, True, f"cited e-CF {profile.ecf_version}"
        )
    default = getattr(ctx.config, "default_ecf_version", None)
    if default:
        known = default in catalogue.versions
        return VersionChoice(default if known else None, False, f"e-CF {default} (default_ecf_version)")
    return _infer(profile, catalogue)


def _infer(profile: AnyProfile, catalogue: Catalogue) -> VersionChoice:
    pairs = [(c.code, fold(c.title)) for c in profile.competences]
    best, best_count = catalogue.latest(), -1
    for version in reversed(catalogue.versions):  # newest first, so that ties go to the newest
        count = sum(1 for code, title in pairs if _title_of(catalogue, version, code) == title)
        if count > best_count:
            best, best_count = version, count
    return VersionChoice(best, False, f"e-CF {best}: {best_count} of {len(pairs)} titles match")


def _title_of(catalogue: Catalogue, version: str, code: str) -> str | None:
    competence = catalogue.competence(version, code)
    return fold(competence.title) if competence else None


@rule("SP201", "ecf-version-missing", WARNING)
def ecf_version_missing(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The profile cites no e-CF version; the message says which version was assumed and why.

    Why: a competence is identified by (version, code) - D.6 is Channel Management in e-CF 3.0 but
    Digital Marketing in 4.0 - so codes, titles and levels can only be checked against a version.
    The assumed version is ``default_ecf_version`` from the configuration if set, otherwise the
    version whose official titles match most of the profile's (code, title) pairs, ties to the
    newest.

    Passing: ``ecf_version: '2.0'``

    Failing: a profile without ``ecf_version`` (reported with, e.g., "assumed e-CF 2.0: 5 of 5
    titles match").
    """
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


@rule("SP202", "unknown-ecf-version", ERROR)
def unknown_ecf_version(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The e-CF version the profile cites (or the configured default) is not in the catalogue.

    Why: without a known version no competence can be checked; a typo such as ``'3'`` or ``'4.1'``
    would otherwise silently disable every semantic rule. Load your own catalogue file to check
    against a version that is not packaged.

    Passing: ``ecf_version: '3.0'``

    Failing: ``ecf_version: '5.0'`` (known versions: 1.0, 2.0, 3.0, 4.0).
    """
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


@rule("SP203", "unknown-competence", ERROR)
def unknown_competence(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence code that the profile's e-CF version does not define.

    Why: codes are reused and renumbered between versions (3.0 D.12 Digital Marketing is 4.0 D.6);
    a code the version lacks is a typo or a code from another version. The hint names the code
    whose title matches, or what the code means in another version.

    Passing (e-CF 4.0): ``{code: D.6, title: Digital Marketing}``

    Failing (e-CF 4.0): ``{code: D.12, title: Digital Marketing}`` (D.12 is e-CF 3.0; in 4.0 Digital
    Marketing is D.6).
    """
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
    by_title = {fold(c.title): c for c in competences}
    found = difflib.get_close_matches(fold(title), list(by_title), n=1, cutoff=0.6)
    return by_title[found[0]] if found else None


def _code_span(competences: dict[str, Competence]) -> str:
    codes = list(competences)
    return f"{codes[0]}..{codes[-1]}" if codes else "(none)"


@rule("SP204", "level-outside-range", ERROR)
def level_outside_range(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence is assigned at a level it is not defined at, and the catalogue range is verified.

    Why: most e-CF competences are defined at two or three levels only (A.9 Innovating: e-4 and e-5);
    a level outside the range has no description in the framework, so the assignment means nothing.

    Passing (e-CF 4.0): ``{code: A.9, title: Innovating, levels: [e-4, e-5]}``

    Failing (e-CF 4.0): ``{code: A.9, title: Innovating, levels: [e-3]}`` (A.9 is defined at
    e-4..e-5).
    """
    yield from _levels_outside(profile, ctx, "verified")


@rule("SP205", "level-outside-inferred-range", WARNING)
def level_outside_inferred_range(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence is assigned at a level outside a range the catalogue only infers.

    Why: e-CF 2.0 level tables could not be read; its ranges are taken from 3.0. A level outside
    such a range is probably wrong, but the source should be checked before trusting the catalogue.

    Passing (e-CF 2.0): ``{code: A.7, title: Technology Watching, levels: [e-4]}``

    Failing (e-CF 2.0): ``{code: A.7, title: Technology Watching, levels: [e-2]}`` (inferred range
    e-4..e-5).
    """
    yield from _levels_outside(profile, ctx, "inferred")


def _levels_outside(profile: AnyProfile, ctx: Context, status: str) -> Iterator[Finding]:
    version, catalogue = chosen_version(profile, ctx).version, _catalogue(ctx)
    if version is None:
        return
    for index, assigned in enumerate(profile.competences):
        competence = catalogue.competence(version, assigned.code)
        if competence is None or competence.range_status != status:
            continue
        for position, level in enumerate(assigned.levels):
            if competence.defined_at(level.rank) is False:
                yield _outside(competence, level.value, ("competences", index, "levels", position))


def _outside(competence: Competence, level: str, path: DocPath) -> Finding:
    inferred = " (an inferred range: check the source)" if competence.range_status == "inferred" else ""
    return Finding(
        f"{competence.code} {competence.title} is not defined at {level} in e-CF {competence.version}: "
        f"its range is {competence.range_text()}{inferred}",
        path,
        f"use a level in {competence.range_text()}",
    )


@rule("SP206", "no-level-data", INFO)
def no_level_data(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The profile's e-CF version has no level data, so its levels cannot be checked (once per profile).

    Why: no e-CF 1.0 level table was found; saying so keeps a clean run from implying the levels
    were checked.

    Passing: a profile of a version with level data (2.0, 3.0, 4.0).

    Failing: a profile checked against e-CF 1.0.
    """
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


@rule("SP207", "title-mismatch", WARNING)
def title_mismatch(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence title differs from the official title of its code in the profile's e-CF version.

    Why: the title is how readers recognise a competence; a different title is a typo, a local
    adaptation, or a sign that the code belongs to another version. Case, whitespace and
    ``&``/``and`` are ignored.

    Passing (e-CF 2.0): ``{code: B.1, title: Design and Development}``

    Failing (e-CF 3.0): ``{code: B.1, title: Design and Development}`` (3.0 calls B.1 "Application
    Development"; "Design and Development" is its e-CF 2.0 title).
    """
    version, catalogue = chosen_version(profile, ctx).version, _catalogue(ctx)
    if version is None:
        return
    for index, assigned in enumerate(profile.competences):
        official = catalogue.competence(version, assigned.code)
        if official is not None and fold(official.title) != fold(assigned.title):
            yield Finding(
                f"{assigned.code} is titled '{assigned.title}' "
                f"but its e-CF {version} title is '{official.title}'",
                ("competences", index, "title"),
                _title_hint(catalogue, official, assigned.title),
            )


def _title_hint(catalogue: Catalogue, official: Competence, written: str) -> str:
    hint = f"use the official title '{official.title}'"
    wanted = fold(written)
    versions = [v for v, f in catalogue.versions.items() if _titled(f.competences.get(official.code), wanted)]
    if versions:
        return f"{hint}; '{written}' is the e-CF {', '.join(versions)} title of {official.code}"
    others = catalogue.versions[official.version].competences.values()
    other = next((c for c in others if _titled(c, wanted)), None)
    if other is not None:
        return f"{hint}; '{written}' is {other.code} in e-CF {official.version}: is the code wrong?"
    return hint


def _titled(competence: Competence | None, folded_title: str) -> bool:
    return competence is not None and fold(competence.title) == folded_title


@rule("SP210", "invalid-cefr-level", ERROR)
def invalid_cefr_level(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A language requirement names a level that is not a CEFR level.

    Why: CEFR levels are A1, A2, B1, B2, C1, C2, Pre-A1 and the plus levels A2+, B1+, B2+; anything
    else (B3, C) cannot be compared or certified.

    Passing: ``{language: English, min_level: C1, text: "minimum level: C1 QCER"}``

    Failing: ``{language: English, min_level: C3, text: "minimum level: C3 QCER"}``
    """
    scale = _catalogue(ctx).cefr
    for index, requirement in enumerate(profile.languages):
        base = ("personal_aptitudes", "linguistic", index)
        if requirement.min_level is not None and scale.parse(requirement.min_level) is None:
            yield _invalid_level(scale, requirement.min_level, (*base, "min_level"))
        for token in scale.mentions(requirement.text):
            if scale.get(token) is None:
                yield _invalid_level(scale, token, (*base, "text"))


def _invalid_level(scale: CefrScale, written: str, path: DocPath) -> Finding:
    nearest = scale.nearest(written)
    hint = f"did you mean {nearest}? " if nearest else ""
    levels = ", ".join(level.code for level in scale.levels)
    return Finding(f"'{written}' is not a CEFR level", path, f"{hint}CEFR levels: {levels}")


@rule("SP211", "cefr-order", ERROR)
def cefr_order(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A language requirement gives a range of CEFR levels from high to low (e.g. "C1-B2").

    Why: a range reads low to high; "C1-B2" is either a typo or two requirements run together.

    Passing: ``text: "from B2 to C1 QCER"``

    Failing: ``text: "from C1 to B2 QCER"``
    """
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


_MINIMUM_LEVEL = re.compile(r"\b(?:minimum|min\.?|required)\s+level\b", re.IGNORECASE)


@rule("SP212", "language-text-unparsed", WARNING)
def language_text_unparsed(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A language requirement names the CEFR scale (or a minimum level) but no level can be read.

    Why: "minimum level: QCER" or "level B QCER" promises a level the reader cannot find.

    Passing: ``text: "Good knowledge of English - minimum level: B1 QCER."``

    Failing: ``text: "Good knowledge of English - minimum level: QCER."``
    """
    scale = _catalogue(ctx).cefr
    for index, requirement in enumerate(profile.languages):
        promises = scale.names_scale(requirement.text) or _MINIMUM_LEVEL.search(requirement.text)
        if promises and not scale.mentions(requirement.text):
            yield Finding(
                "the text names a CEFR level but none can be read in it",
                ("personal_aptitudes", "linguistic", index, "text"),
                "write the level as A1..C2 (e.g. 'minimum level: B1 QCER')",
            )


@rule("SP213", "language-level-mismatch", ERROR)
def language_level_mismatch(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The level a language requirement's text names differs from its ``min_level``.

    Why: ``min_level`` is what tools compare; the text is what people read. When they disagree one
    of them is a transcription error.

    Passing: ``{min_level: B1, text: "minimum level: B1 QCER"}``

    Failing: ``{min_level: B2, text: "minimum level: B1 QCER"}``
    """
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


@rule("SP220", "knowledge-skill-wording", WARNING)
def knowledge_skill_wording(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A knowledge/skill code is worded differently in two places of one profile.

    Why: a code such as ``B03`` names one item; two wordings mean either a wrong code or an edited
    text. Case, whitespace and ``&``/``and`` are ignored.

    Passing: ``B11: Can analyse`` under B.3 and ``B11: can analyse`` under C.4.

    Failing: ``B03: Is precise and aware of details`` under B.2 and ``B03: Is committed to corporate
    strategy`` under E.3.
    """
    first: dict[str, tuple[str, str]] = {}
    for index, assigned in enumerate(profile.competences):
        for position, item in enumerate(assigned.knowledge_skills):
            seen = first.setdefault(item.code, (item.text, assigned.code))
            if fold(seen[0]) != fold(item.text):
                yield Finding(
                    f"{item.code} is worded '{item.text}' here but '{seen[0]}' under {seen[1]}",
                    ("competences", index, "knowledge_skills", position, "text"),
                    f"use one wording for {item.code}, or give this item its own code",
                )


@rule("SP221", "duplicate-competence", ERROR)
def duplicate_competence(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """The same competence code is assigned twice.

    Why: a competence is assigned once, with all its levels in one list; a second entry splits or
    contradicts the first.

    Passing: ``- {code: B.3, title: Testing, levels: [e-1, e-2]}``

    Failing: two entries ``{code: B.3, ...}``.
    """
    seen: dict[str, int] = {}
    for index, assigned in enumerate(profile.competences):
        if assigned.code in seen:
            yield Finding(
                f"{assigned.code} is assigned twice (also competences[{seen[assigned.code]}])",
                ("competences", index, "code"),
                "merge the two entries into one, with all levels in one list",
            )
        seen.setdefault(assigned.code, index)


@rule("SP222", "duplicate-item", WARNING)
def duplicate_item(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A list repeats an item: a duty, task, deliverable, KPI or knowledge/skill item of one competence.

    Why: a repeated item is a copy-paste slip; it inflates the profile and hides what was meant.
    Case, whitespace and ``&``/``and`` are ignored.

    Passing: ``primary_duties: [Make value presentations, Conduct negotiations]``

    Failing: ``primary_duties: [Make value presentations, make value presentations]``
    """
    data = profile.model_dump(by_alias=True, exclude={"competences"})
    for path, items in _text_lists(data, ()):
        yield from _repeats(items, path)
    for index, assigned in enumerate(profile.competences):
        items = [f"{k.code}: {k.text}" for k in assigned.knowledge_skills]
        yield from _repeats(items, ("competences", index, "knowledge_skills"))


def _text_lists(value: object, path: DocPath) -> Iterator[tuple[DocPath, list[str]]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _text_lists(child, (*path, key))
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        yield path, value


def _repeats(items: list[str], path: DocPath) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for position, item in enumerate(items):
        key = fold(item)
        if key in seen:
            yield Finding(
                f"'{item}' repeats item {seen[key] + 1} of this list",
                (*path, position),
                "remove the repeated item",
            )
        seen.setdefault(key, position)
