"""Repository-wide codes (SP3xx): checks across every profile of one run, folding per-file summaries."""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from skillprofiles.catalogue import Catalogue, default_catalogue, fold
from skillprofiles.diagnostics import Location, Severity, Span
from skillprofiles.rules.base import Context, Finding, Fold
from skillprofiles.rules.summary import ProfileSummary

if TYPE_CHECKING:
    from skillprofiles.rules.summary_items import Relationship

ERROR, WARNING = Severity.ERROR, Severity.WARNING
MAX_RELATED = 10  # other files listed as related locations of one finding: output stays linear


def folded(fold: Fold, summaries: Iterable[ProfileSummary]) -> Iterator[Finding]:
    """A fold's findings over a list of summaries: the list form of a streaming check."""
    for summary in summaries:
        yield from fold.add(summary)
    yield from fold.end()


def duplicate_profile_code(summaries: list[ProfileSummary], ctx: Context) -> Iterator[Finding]:
    """Two files of the run declare the same profile code; each file is reported, naming the other."""
    return folded(DuplicateCodes(ctx), summaries)


class DuplicateCodes:
    """SP301 as summaries arrive: each file's code and where it is, nothing else (grouped at the end)."""

    def __init__(self, ctx: Context) -> None:
        self.files: list[str] = []
        self.codes: list[str] = []
        self.at = array("I")  # line, column, end line, end column of each code

    def add(self, summary: ProfileSummary) -> list[Finding]:
        if summary.code:
            span = summary.span(("code",))
            self.files.append(summary.file)
            self.codes.append(summary.code)
            self.at.extend((span.line, span.column, span.end_line, span.end_column))
        return []

    def later(self, summary: ProfileSummary) -> Iterable[Span]:
        return (summary.span(("code",)),) if summary.code else ()

    def end(self) -> Iterator[Finding]:
        first: dict[str, int] = {}  # a list per code would cost more than the codes themselves
        groups: dict[int, list[int]] = {}  # first file -> every file of a code used more than once
        for n, code in enumerate(self.codes):
            seen = first.setdefault(code.casefold(), n)
            if seen != n:
                groups.setdefault(seen, [seen]).append(n)
        for seen in sorted(groups):  # codes in the order they first came
            same = groups[seen]
            # the first MAX_RELATED files, as data (JSON ``related``, SARIF relatedLocations); the message
            # only counts them, so 3,000 copies give 3,000 short findings, not 3,000 lists of 3,000 names
            listed = [(o, self._location(o)) for o in same[: MAX_RELATED + 1]]
            others = len(same) - 1
            message = f"is also used by {others} other file{'s' if others != 1 else ''}"
            for n in same:
                related = tuple(where for o, where in listed if o != n)[:MAX_RELATED]
                yield Finding(
                    f"profile code {self.codes[n]} {message}",
                    ("code",),
                    "give each profile its own code",
                    file=self.files[n],
                    span=self._span(n),
                    related=related,
                )

    def _span(self, n: int) -> Span:
        return Span(*self.at[4 * n : 4 * n + 4])

    def _location(self, n: int) -> Location:
        return Location(self.files[n], self.at[4 * n], self.at[4 * n + 1])


def unresolved_relationship(summaries: list[ProfileSummary], ctx: Context) -> Iterator[Finding]:
    """A relationship ("interacts with", "reports to") names no profile of the run or of the registry."""
    return folded(UnresolvedRelationships(ctx), summaries)


class UnresolvedRelationships:
    """SP302 as summaries arrive: a relationship the registry resolves is done with at once; the others
    wait, with every file's code and title, for the end (a later file may be the one they name)."""

    def __init__(self, ctx: Context) -> None:
        self.catalogue = ctx.catalogue if isinstance(ctx.catalogue, Catalogue) else default_catalogue()
        self.codes: list[str] = []
        self.titles: list[str] = []
        self.pending: list[tuple[str, Relationship]] = []  # file, relationship
        self.waiting: tuple[ProfileSummary | None, list[Relationship]] = (None, [])  # of the last summary

    @functools.cached_property
    def registered(self) -> set[str]:
        """The registry's titles, folded: made when a first relationship is looked up (few files have one)."""
        return {fold(e.title) for e in self.catalogue.profiles}

    def _in_registry(self, target: str) -> bool:
        return bool(self.catalogue.profiles.by_code(target)) or fold(target) in self.registered

    def add(self, summary: ProfileSummary) -> list[Finding]:
        if summary.code:
            self.codes.append(summary.code)
        self.titles.append(summary.title)
        waiting = [r for r in summary.relationships if not self._in_registry(r.target)]
        self.pending += ((summary.file, r) for r in waiting)
        self.waiting = (summary, waiting)
        return []

    def later(self, summary: ProfileSummary) -> Iterable[Span]:
        last, waiting = self.waiting
        if last is not summary:
            waiting = [r for r in summary.relationships if not self._in_registry(r.target)]
        return [r.where for r in waiting]

    def end(self) -> Iterator[Finding]:
        if not self.pending:
            return
        catalogue = self.catalogue
        codes = {code.casefold() for code in self.codes}
        titles = {fold(title): title for title in self.titles}
        titles.update({fold(e.title): e.title for e in catalogue.profiles})
        suggest = _Suggestions(titles, [fold(e.title) for e in catalogue.profiles])
        for file, relation in self.pending:
            target = relation.target
            if target.casefold() in codes or fold(target) in titles:
                continue
            yield Finding(
                f"{relation.kind} '{target}' is no profile of this run "
                f"or of the {catalogue.profiles.name} registry",
                relation.path,
                suggest.hint(fold(target)),
                file=file,
                span=relation.where,
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
            import difflib  # here, not at the top: only a relationship no profile resolves needs it

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
    return folded(FileNames(ctx), summaries)


class FileNames:
    """SP303: each file on its own, when it arrives."""

    def __init__(self, ctx: Context) -> None:
        pass

    def add(self, summary: ProfileSummary) -> list[Finding]:
        stem = PurePosixPath(summary.file).name.rsplit(".", 1)[0]
        expected = _expected_stems(summary)
        if stem in expected:
            return []
        path, what = (("code",), "its code") if summary.code else (("title",), "its title")
        finding = Finding(
            f"file name '{stem}' does not match {what}: expected {' or '.join(repr(e) for e in expected)}",
            path,
            f"rename the file to {expected[0]}.yaml",
            file=summary.file,
            span=summary.span(path),
        )
        return [finding]

    def later(self, summary: ProfileSummary) -> Iterable[Span]:
        return ()

    def end(self) -> Iterator[Finding]:
        return iter(())


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
    return folded(WordingsAcross(ctx), summaries)


class WordingsAcross:
    """SP304 as summaries arrive: the first wording of each code (and its file) is all a later file is
    compared with, so every finding is known when its file comes."""

    def __init__(self, ctx: Context) -> None:
        self.first: dict[str, tuple[str, str]] = {}

    def add(self, summary: ProfileSummary) -> list[Finding]:
        first = self.first
        found: list[Finding] = []
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
                path = summary.use(n).path
                found.append(
                    Finding(
                        f"{code} is worded '{own[code]}' here but '{seen[0]}' in {seen[1]}",
                        path,
                        f"use one wording for {code} across profiles",
                        file=summary.file,
                        span=summary.span(path),
                    )
                )
        for code, text in own.items():
            first.setdefault(code, (text, summary.file))
        return found

    def later(self, summary: ProfileSummary) -> Iterable[Span]:
        return ()

    def end(self) -> Iterator[Finding]:
        return iter(())
