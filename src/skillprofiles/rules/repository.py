"""Repository-wide codes (SP3xx): checks across every profile of one run, on per-file summaries."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath

from skillprofiles.catalogue import Catalogue, default_catalogue, fold
from skillprofiles.diagnostics import Location, Severity
from skillprofiles.rules.base import Context, Finding
from skillprofiles.rules.summary import ProfileSummary

ERROR, WARNING = Severity.ERROR, Severity.WARNING
MAX_RELATED = 10  # other files listed as related locations of one finding: output stays linear


def duplicate_profile_code(summaries: list[ProfileSummary], ctx: Context) -> Iterator[Finding]:
    """Two files of the run declare the same profile code; each file is reported, naming the other."""
    files: dict[str, list[ProfileSummary]] = defaultdict(list)
    for summary in summaries:
        if summary.code:
            files[summary.code.casefold()].append(summary)
    for same in files.values():
        if len(same) < 2:
            continue
        # the first MAX_RELATED files, as data (JSON ``related``, SARIF relatedLocations); the message
        # only counts them, so 3,000 copies give 3,000 short findings, not 3,000 lists of 3,000 names
        listed = [(o, _location(o)) for o in same[: MAX_RELATED + 1]]
        others = len(same) - 1
        message = f"is also used by {others} other file{'s' if others != 1 else ''}"
        for summary in same:
            related = tuple(where for o, where in listed if o is not summary)[:MAX_RELATED]
            yield Finding(
                f"profile code {summary.code} {message}",
                ("code",),
                "give each profile its own code",
                file=summary.file,
                related=related,
            )


def _location(summary: ProfileSummary) -> Location:
    span = summary.span(("code",))
    return Location(summary.file, span.line, span.column)


def unresolved_relationship(summaries: list[ProfileSummary], ctx: Context) -> Iterator[Finding]:
    """A relationship ("interacts with", "reports to") names no profile of the run or of the registry."""
    catalogue = ctx.catalogue if isinstance(ctx.catalogue, Catalogue) else default_catalogue()
    codes = {s.code.casefold() for s in summaries if s.code}
    titles = {fold(s.title): s.title for s in summaries}
    titles.update({fold(e.title): e.title for e in catalogue.profiles})
    suggest = _Suggestions(titles, [fold(e.title) for e in catalogue.profiles])
    for summary in summaries:
        for relation in summary.relationships:
            target = relation.target
            if target.casefold() in codes or catalogue.profiles.by_code(target) or fold(target) in titles:
                continue
            yield Finding(
                f"{relation.kind} '{target}' is no profile of this run "
                f"or of the {catalogue.profiles.name} registry",
                relation.path,
                suggest.hint(fold(target)),
                file=summary.file,
            )


class _Suggestions:
    """Did-you-mean hints over the titles of a run and the registry, with a bounded cost per target.

    Comparing every unresolved target with every title is quadratic (difflib is slow, and 10,000
    profiles bring 10,000 titles). Titles are indexed by word instead: a target is compared only
    with the few titles that share the most words with it ("Buisness Analyst" shares "analyst"); a
    word found in very many titles ("manager") tells nothing and is left out of the choice. When no
    such title is close, the registry's few titles are tried ("Buisness Analist"): a typo in every
    word of a title that only the run knows gets no suggestion.
    """

    MAX_CANDIDATES = 12
    COMMON = 64  # a word in more titles than this is not used to pick candidates

    def __init__(self, titles: dict[str, str], fallback: list[str]) -> None:
        self.titles = titles
        self.fallback = fallback
        self.index: dict[str, list[str]] = defaultdict(list)
        for folded in titles:
            for word in set(folded.split()):
                self.index[word].append(folded)
        self.cache: dict[str, str] = {}

    def _candidates(self, target: str) -> list[str]:
        shared: dict[str, int] = defaultdict(int)
        for word in set(target.split()):
            postings = self.index.get(word, ())
            for folded in postings if len(postings) <= self.COMMON else ():
                shared[folded] += 1
        return sorted(shared, key=lambda t: (-shared[t], t))[: self.MAX_CANDIDATES]

    def hint(self, target: str) -> str:
        if target not in self.cache:
            nearest = difflib.get_close_matches(target, self._candidates(target), n=1, cutoff=0.6)
            nearest = nearest or difflib.get_close_matches(target, self.fallback, n=1, cutoff=0.6)
            self.cache[target] = (
                f"did you mean '{self.titles[nearest[0]]}'?"
                if nearest
                else "name a profile by its code or title"
            )
        return self.cache[target]


def file_name_mismatch(summaries: list[ProfileSummary], ctx: Context) -> Iterator[Finding]:
    """A profile's file name does not follow its code (or, for a profile without code, its title)."""
    for summary in summaries:
        stem = PurePosixPath(summary.file).name.rsplit(".", 1)[0]
        expected = _expected_stems(summary)
        if stem not in expected:
            path, what = (("code",), "its code") if summary.code else (("title",), "its title")
            yield Finding(
                f"file name '{stem}' does not match {what}: "
                f"expected {' or '.join(repr(e) for e in expected)}",
                path,
                f"rename the file to {expected[0]}.yaml",
                file=summary.file,
            )


def _expected_stems(summary: ProfileSummary) -> list[str]:
    if summary.template == "wsp-g3" and summary.code:
        return [summary.code]
    stems = [summary.code] if summary.code else []
    return [*stems, slug(summary.title)]


def slug(title: str) -> str:
    """A title as a file name: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


def knowledge_skill_wording_across(summaries: list[ProfileSummary], ctx: Context) -> Iterator[Finding]:
    """A knowledge/skill code is worded differently in two profiles of the run."""
    first: dict[str, tuple[str, str]] = {}
    for summary in summaries:
        reported: set[str] = set()
        own: dict[str, str] = {}
        for n, code, text in summary.wordings():  # the uses are unpacked only where one is reported
            own.setdefault(code, text)
            seen = first.get(code)
            if (
                seen
                and seen[1] != summary.file
                and code not in reported
                and seen[0] != own[code]  # the same text folds the same: no need to fold it
                and fold(seen[0]) != fold(own[code])
            ):
                reported.add(code)
                yield Finding(
                    f"{code} is worded '{own[code]}' here but '{seen[0]}' in {seen[1]}",
                    summary.use(n).path,
                    f"use one wording for {code} across profiles",
                    file=summary.file,
                )
        for code, text in own.items():
            first.setdefault(code, (text, summary.file))
