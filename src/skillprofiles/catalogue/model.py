"""The e-CF, CEFR and profile-registry catalogues: packaged reference data or a user's own file."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from skillprofiles.catalogue.areas import Area
from skillprofiles.catalogue.competence import Competence, Evidence, Pair
from skillprofiles.codes.catalogue import INVALID_CATALOGUE
from skillprofiles.diagnostics import Diagnostic, DiagnosticsError, DocPath, Severity, Span

if TYPE_CHECKING:
    from skillprofiles.catalogue.cefr import CefrAlias, CefrLevel, ScaleParts
    from skillprofiles.catalogue.diff import VersionDiff
    from skillprofiles.catalogue.sources import SourceInfo

try:  # libyaml is several times faster for the packaged files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = [
    "Area",
    "Catalogue",
    "CatalogueError",
    "CefrLevel",
    "CefrScale",
    "Competence",
    "Evidence",
    "FrameworkVersion",
    "ProfileRegistry",
    "RegistryEntry",
    "SourceInfo",
    "TransversalAspect",
    "VersionDiff",
    "default_catalogue",
    "fold",
    "load_catalogue",
]

PACKAGED = ("ecf.yaml", "cefr.yaml", "wsp-g3.yaml")
TWIN = "catalogue.json"  # the packaged files' data, pre-parsed (see packaged_files)
RANGE_STATUS_EVIDENCE: dict[str, Evidence] = {  # format /1: verified means the file's author vouches
    "verified": "two-sources",
    "inferred": "inferred",
    "unknown": "unknown",
}


# the kinds of change between two versions, as VersionDiff names its lists
CHANGE_KINDS = ("added", "removed", "renamed", "reused", "moved", "range_changed", "unchanged")
Changes = dict[str, list[Pair]]  # VersionDiff's lists by name

# how each evidence grade reads in a listing or a hover
EVIDENCE_WORDS = {
    "two-sources": "two independent sources",
    "one-source": "one source",
    "inferred": "inferred",
    "unknown": "no level data",
}


def fold(text: str) -> str:
    """Text compared as the rules compare wording: case, whitespace and ``&``/``and`` ignored."""
    folded = text.casefold()
    if "&" in folded:  # rare: the pattern costs more than the rest of the fold
        folded = re.sub(r"\s*&\s*", " and ", folded)  # compiled on first use (re caches it)
    return " ".join(folded.split())


def __getattr__(name: str) -> Any:
    # the CEFR level classes, VersionDiff and SourceInfo live in their own modules, imported when needed
    if name in ("CefrAlias", "CefrLevel"):
        from skillprofiles.catalogue import cefr

        return getattr(cefr, name)
    if name == "VersionDiff":
        from skillprofiles.catalogue import diff

        return diff.VersionDiff
    if name == "SourceInfo":
        from skillprofiles.catalogue import sources

        return sources.SourceInfo
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def slug(text: str) -> str:
    """A title as a file name: ``Online Community Manager`` -> ``online-community-manager``."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))


@dataclass(frozen=True)
class TransversalAspect:
    """A transversal aspect of a version (e-CF 4.0 T1 Accessibility ... T7 Usability)."""

    version: str
    code: str
    title: str
    evidence: Evidence
    sources: tuple[str, ...]


@dataclass(frozen=True)
class FrameworkVersion:
    """One e-CF version: designation and competences ordered by code."""

    version: str
    designation: str
    competences: dict[str, Competence]
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    transversal: tuple[TransversalAspect, ...] = ()

    def by_area(self) -> dict[Area, list[Competence]]:
        """The competences grouped by area, every area present, each list ordered by code."""
        grouped: dict[Area, list[Competence]] = {area: [] for area in Area}
        for competence in self.competences.values():
            grouped[competence.area].append(competence)
        return grouped

    @property
    def has_level_data(self) -> bool:
        """Whether any competence of this version has a known level range."""
        return any(c.evidence != "unknown" for c in self.competences.values())

    def grades(self) -> dict[Evidence, int]:
        """How many ranges have each evidence grade."""
        counts: dict[Evidence, int] = {"two-sources": 0, "one-source": 0, "inferred": 0, "unknown": 0}
        for competence in self.competences.values():
            counts[competence.evidence] += 1
        return counts


# a CEFR-like token: "B1", "C3" (invalid, but meant as a level), "B2+", "Pre-A1"; upper-case letters A-C
# only, so that "e-2", "H2" or "a1" inside other words are not taken for levels
@functools.cache
def _level_token() -> re.Pattern[str]:  # compiled on first use: only language requirements need it
    return re.compile(r"(?<![\w+-])((?i:pre[- ]?a1)|[A-C][0-9]\+?)(?!\w)")


# "minimum level" in English without a catalogue phrase for it: "min. level", "required level"
_ENGLISH_MINIMUM = r"(?:minimum|min\.?|required)[\s-]+level"


class CefrScale:
    """The CEFR levels, low to high, the names of the scale (CEFR, GER, QCER ...) and the phrases of
    requirement texts: "minimum level" in several languages, and the words ("native", "mother tongue")
    that mean a requirement without a CEFR level."""

    def __init__(
        self,
        levels: Iterable[CefrLevel],
        aliases: Iterable[str | CefrAlias],
        minimum_phrases: Iterable[str] = (),
        no_level_phrases: Iterable[str] = (),
    ) -> None:
        # the parts as given, or the catalogue file's cefr section they are built from when first read
        self._source: ScaleParts | dict[str, Any] = (
            tuple(levels),
            tuple(aliases),
            tuple(minimum_phrases),
            tuple(no_level_phrases),
        )

    @classmethod
    def of_section(cls, section: dict[str, Any]) -> CefrScale:
        """The scale a catalogue file's ``cefr`` section describes, built when first asked about: a run
        whose profiles have no language requirements never builds the levels (nor imports their classes)."""
        scale = cls((), ())
        scale._source = section
        return scale

    @functools.cached_property
    def _parts(self) -> ScaleParts:
        if isinstance(self._source, tuple):
            return self._source
        from skillprofiles.catalogue.cefr import scale_parts  # the level classes, only once a scale is read

        return scale_parts(self._source)

    @functools.cached_property
    def levels(self) -> tuple[CefrLevel, ...]:
        """The levels, low to high."""
        return self._parts[0]

    @functools.cached_property
    def names(self) -> tuple[CefrAlias, ...]:
        """The names of the scale (a name given as text is matched in any case)."""
        from skillprofiles.catalogue.cefr import as_alias  # the alias class, only when a scale is read

        return tuple(as_alias(a) for a in self._parts[1])

    @functools.cached_property
    def aliases(self) -> tuple[str, ...]:
        """The names of the scale as text, each once."""
        return tuple(dict.fromkeys(a.name for a in self.names))

    @functools.cached_property
    def minimum_phrases(self) -> tuple[str, ...]:
        """The phrases that mean "minimum level"."""
        return self._parts[2]

    @functools.cached_property
    def no_level_phrases(self) -> tuple[str, ...]:
        """The words that mean a requirement without a CEFR level ("native", "mother tongue")."""
        return self._parts[3]

    @functools.cached_property
    def _by_key(self) -> dict[str, CefrLevel]:
        return {_level_key(level.code): level for level in self.levels}

    # The patterns are compiled when first used: only a profile with language requirements needs
    # them, and compiling the four of them costs more than building the rest of the catalogue.
    @functools.cached_property
    def _labels(self) -> re.Pattern[str] | None:
        return _label_pattern(self.names, exact_case=True)  # free text: short labels as written

    @functools.cached_property
    def _any_case(self) -> re.Pattern[str] | None:
        return _label_pattern(self.names, exact_case=False)  # a min_level value: any case

    @functools.cached_property
    def _minimum(self) -> re.Pattern[str]:
        minimum = [_ENGLISH_MINIMUM, *(_phrase(p) for p in self.minimum_phrases)]
        return re.compile(r"\b(?:" + "|".join(minimum) + r")\b")

    @functools.cached_property
    def _no_level(self) -> re.Pattern[str] | None:
        no_level = [_phrase(p) for p in self.no_level_phrases]
        return re.compile(r"\b(?:" + "|".join(no_level) + r")\b") if no_level else None

    def get(self, code: str) -> CefrLevel | None:
        """The level written exactly as a code (any case, ``Pre-A1`` also as ``pre a1``)."""
        return self._by_key.get(_level_key(code))

    def parse(self, text: str) -> CefrLevel | None:
        """A level written alone or with a scale name, before or after it, bare or in brackets, in any
        case: ``B1``, ``B1 GER``, ``C1 (CEFR)``, ``CECRL B2``, ``minimum level: B1 QCER``; else None."""
        rest = self._any_case.sub(" ", text) if self._any_case else text
        rest = self._minimum.sub(" ", _plain(rest))
        rest = re.sub(r"[(\[]\s*[)\]]", " ", rest)  # the brackets a removed label leaves behind
        return self.get(rest.strip(" :-\t.,;"))

    def rank(self, code: str) -> float | None:
        """The rank of a level code, or None when it is not a level."""
        level = self.get(code)
        return level.rank if level else None

    def mentions(self, text: str) -> list[str]:
        """Level-like tokens in free text (``B1``, ``C3``, ``Pre-A1``), valid or not, in order."""
        return [m.group(1) for m in _level_token().finditer(text)]

    def names_scale(self, text: str) -> bool:
        """Whether the text names the scale (CEFR, GER, MCER, QCER ...; short labels as written)."""
        return bool(self._labels and self._labels.search(text))

    def promises_level(self, text: str) -> bool:
        """Whether the text names the scale or says "minimum level" (in any of the listed languages)."""
        return self.names_scale(text) or bool(self._minimum.search(_plain(text)))

    def without_level(self, text: str) -> bool:
        """Whether the text is a requirement without a CEFR level ("native", "mother tongue" ...):
        it says so and names no level."""
        said = bool(self._no_level and self._no_level.search(_plain(text)))
        return said and not any(self.get(token) for token in self.mentions(text))

    def nearest(self, text: str) -> str | None:
        """The level code closest to a mistyped one, for hints."""
        import difflib  # only a finding about a mistyped level needs it

        codes = [level.code for level in self.levels]
        found = difflib.get_close_matches(text.strip().upper(), [c.upper() for c in codes], n=1, cutoff=0.4)
        return codes[[c.upper() for c in codes].index(found[0])] if found else None


def _label_pattern(names: tuple[CefrAlias, ...], exact_case: bool) -> re.Pattern[str] | None:
    if not names:
        return None
    exact = {a.name for a in names if exact_case and a.case_sensitive}
    loose = {a.name for a in names} - exact
    parts = []
    if loose:
        parts.append("(?i:" + "|".join(sorted(map(re.escape, loose), key=len, reverse=True)) + ")")
    if exact:
        parts.append("|".join(sorted(map(re.escape, exact), key=len, reverse=True)))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _plain(text: str) -> str:
    """Case and accents dropped, hyphens as spaces: ``Nível-Mínimo`` -> ``nivel minimo``."""
    if text.isascii():  # NFKD leaves ASCII as it is and finds no combining marks in it
        return text.casefold().replace("-", " ")
    import unicodedata  # here: only a requirement text with accents needs it

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("-", " ")


def _phrase(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in _plain(text).split())


def _level_key(code: str) -> str:
    return re.sub(r"[\s_-]+", "", code.strip().casefold())


@dataclass(frozen=True)
class RegistryEntry:
    """A published profile: its code and title; ``verified`` when a source shows both together."""

    code: str
    title: str
    verified: bool


class ProfileRegistry:
    """Published profiles (the WSP-G3 v1.0 registry), looked up by code or by title."""

    def __init__(self, entries: Iterable[RegistryEntry], name: str = "") -> None:
        self.name = name
        self.entries: tuple[RegistryEntry, ...] = tuple(entries)
        self._codes = {e.code.casefold(): e for e in self.entries}
        self._titles = {fold(e.title): e for e in self.entries}

    def by_code(self, code: str) -> RegistryEntry | None:
        """The entry with a code (case-insensitive)."""
        return self._codes.get(code.strip().casefold())

    def by_title(self, title: str) -> RegistryEntry | None:
        """The entry with a title (case, whitespace and ``&``/``and`` ignored)."""
        return self._titles.get(fold(title))

    def __iter__(self) -> Iterator[RegistryEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


class Catalogue:
    """e-CF versions, the CEFR scale and a profile registry, with the sources they cite."""

    def __init__(
        self,
        versions: dict[str, FrameworkVersion],
        cefr: CefrScale,
        profiles: ProfileRegistry,
        sources: dict[str, SourceInfo] | None = None,
    ) -> None:
        self.versions = dict(sorted(versions.items(), key=lambda item: version_key(item[0])))
        self.cefr = cefr
        self.profiles = profiles
        self._given_sources = dict(sources or {})
        # catalogue files' 'sources' sections, in order, applied on top of the given ones when first read
        self._source_sections: list[dict[str, Any]] = []

    @functools.cached_property
    def sources(self) -> dict[str, SourceInfo]:
        """The sources the catalogue cites, by id; built when first read (a run reads them only for a
        finding that names a source)."""
        built = dict(self._given_sources)
        if self._source_sections:
            from skillprofiles.catalogue.sources import source_info

            for section in self._source_sections:
                built.update({k: source_info(k, v) for k, v in section.items()})
        return built

    def source(self, source_id: str) -> SourceInfo:
        """The source an id names (an entry with only the id when the catalogue does not list it)."""
        from skillprofiles.catalogue.sources import SourceInfo  # the class only where a source is named

        return self.sources.get(source_id) or SourceInfo(source_id, source_id)

    def transversal(self, version: str) -> tuple[TransversalAspect, ...]:
        """The transversal aspects of a version (e-CF 4.0: T1 Accessibility ... T7 Usability)."""
        framework = self.versions.get(version)
        return framework.transversal if framework else ()

    def competence(self, version: str, code: str) -> Competence | None:
        """The competence a code names in one version, or None."""
        framework = self.versions.get(version)
        return framework.competences.get(code) if framework else None

    def latest(self) -> str:
        """The newest version."""
        return list(self.versions)[-1]

    def diff(self, old: str, new: str) -> VersionDiff:
        """What changed from ``old`` to a later version ``new``."""
        from skillprofiles.catalogue.diff import VersionDiff  # the class only where a diff is shown

        return VersionDiff(old, new, **self._changes(old, new))

    def _changes(self, old: str, new: str) -> Changes:
        # VersionDiff's lists by field name; counterpart() reads them without building the class
        chain = self._chain(old, new)
        result: Changes = {kind: [] for kind in CHANGE_KINDS}
        ancestors = {code: self._ancestor(chain, code) for code in self.versions[new].competences}
        kept = {a for a in ancestors.values() if a is not None}
        for code, competence in self.versions[new].competences.items():
            _classify(result, self.versions[old].competences, competence, ancestors[code])
        for code, before in self.versions[old].competences.items():
            if code not in kept and code not in self.versions[new].competences:
                result["removed"].append((before, None))
        return result

    def counterpart(self, version: str, code: str, target: str) -> str | None:
        """The code in ``target`` of the competence ``code`` names in ``version``; None when the
        competence is not in ``target`` or its code means something else there (4.0 D.6, D.7)."""
        if version == target:
            return code if code in self.versions[target].competences else None
        older, newer = sorted((version, target), key=version_key)
        change = self._changes(older, newer)
        pairs = (*change["unchanged"], *change["renamed"], *change["moved"], *change["range_changed"])
        for before, after in pairs:
            if before is not None and after is not None:
                source, result = (before, after) if version == older else (after, before)
                if source.code == code:
                    return result.code
        return None

    def _chain(self, old: str, new: str) -> list[FrameworkVersion]:
        order = list(self.versions)
        for version in (old, new):
            if version not in self.versions:
                raise KeyError(f"unknown e-CF version {version!r}; known: {', '.join(order)}")
        start, end = order.index(old), order.index(new)
        if start > end:
            raise ValueError(f"{old} is newer than {new}; diff goes from an older version to a newer one")
        return [self.versions[v] for v in order[start : end + 1]]

    @staticmethod
    def _ancestor(chain: list[FrameworkVersion], code: str | None) -> str | None:
        for later, earlier in zip(reversed(chain[1:]), reversed(chain[:-1]), strict=True):
            competence = later.competences.get(code) if code else None
            if competence is None or competence.new:
                return None
            code = competence.predecessor or code
            if code not in earlier.competences:
                return None
        return code


def _classify(result: Changes, old: dict[str, Competence], now: Competence, ancestor: str | None) -> None:
    before = old.get(ancestor) if ancestor else None
    same_code = old.get(now.code)
    if same_code is not None and ancestor != now.code:
        result["reused"].append((same_code, now))
    if before is None:
        if same_code is None:
            result["added"].append((None, now))
        return
    if before.code != now.code:
        result["moved"].append((before, now))
    elif fold(before.title) != fold(now.title):
        result["renamed"].append((before, now))
    ranges_known = bool(before.levels() and now.levels())
    if ranges_known and before.levels() != now.levels():
        result["range_changed"].append((before, now))
    elif before.code == now.code and fold(before.title) == fold(now.title):
        result["unchanged"].append((before, now))


def version_key(version: str) -> tuple[Any, ...]:
    """Order versions numerically ('10.0' after '4.0'); names that are not numbers sort after, by name."""
    parts = version.split(".")
    if all(p.isdigit() for p in parts):
        return (0, tuple(int(p) for p in parts), "")
    return (1, (), version)


class CatalogueError(DiagnosticsError):
    """A catalogue file could not be loaded; ``diagnostics`` says why, each with its position."""

    kind = "catalogue"


@functools.lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The packaged catalogue (e-CF 1.0-4.0, CEFR, WSP-G3 v1.0 registry); parsed once, then cached.

    The packaged files are read with libyaml and trusted: the test suite validates them against
    :class:`~skillprofiles.catalogue.fileformat.CatalogueFile`, so a run does not pay for pydantic here.
    """
    return _assemble(packaged_files())


def packaged_files() -> list[dict[str, Any]]:
    """The packaged YAML files' data, in ``PACKAGED`` order.

    The YAML is the reviewed source; its JSON twin (``TWIN``, generated by
    ``python -m tests.regenerate``) holds the same data and loads some 40 times
    faster. The twin is used only when it records the SHA-256 of the very texts read now, so an edited
    YAML file is parsed itself until the twin is regenerated: the data is always the YAML's.
    """
    texts = [_data_file(name) for name in PACKAGED]
    try:
        twin = json.loads(_data_file(TWIN))
    except (OSError, ValueError):  # no twin (a trimmed install) or a broken one: the YAML is the data
        twin = {}
    if isinstance(twin, dict) and twin.get("sha256") == yaml_digests(texts):
        files: list[dict[str, Any]] = twin["files"]
        return files
    return [yaml.load(text, Loader=_Loader) for text in texts]


def yaml_digests(texts: list[str]) -> dict[str, str]:
    """The SHA-256 of each packaged YAML text (as the twin records them), by file name."""
    return {
        name: hashlib.sha256(text.encode("utf-8")).hexdigest()
        for name, text in zip(PACKAGED, texts, strict=True)
    }


_DATA = Path(__file__).parent.parent / "data"


def _data_file(name: str) -> str:
    # the package's own directory first: importlib.resources imports tempfile and zipfile, which a
    # run needs for nothing else; it is asked only when the package is not a directory (a zip)
    try:
        return (_DATA / name).read_text(encoding="utf-8")
    except OSError:
        from importlib import resources

        return resources.files("skillprofiles").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def load_catalogue(path: str | Path, base: Catalogue | None = None) -> Catalogue:
    """A catalogue from a user file in the packaged format, on top of ``base`` (default: the packaged one).

    Versions in the file add to or replace the base's; a CEFR or registry section replaces the base's.
    Raises :class:`CatalogueError` with positioned diagnostics when the file is unreadable or invalid.
    """
    data = _read_user_file(Path(path), str(path))
    base = default_catalogue() if base is None else base
    return _assemble([data], base)


def _read_user_file(path: Path, display: str) -> dict[str, Any]:
    from pydantic import ValidationError

    from skillprofiles.catalogue.fileformat import CatalogueFile
    from skillprofiles.source.reader import read_path

    parsed = read_path(path, display)
    errors = [d for d in parsed.diagnostics if d.severity is Severity.ERROR]
    if errors or parsed.data is None:
        raise CatalogueError(
            display, errors or parsed.diagnostics or [_invalid(display, (), "catalogue file is empty")]
        )
    try:
        file = CatalogueFile.model_validate(parsed.data)
    except ValidationError as exc:
        problems = [(_doc_path(e["loc"]), e["msg"]) for e in exc.errors(include_url=False)]
    else:
        problems = [
            (p, f"source {cited!r} is not listed under 'sources'") for p, cited in file.unknown_sources()
        ]
        if not problems:
            data: dict[str, Any] = file.model_dump(mode="json", exclude_none=True)
            return data
    raise CatalogueError(display, [_invalid(display, p, m, parsed.source.span(p)) for p, m in problems])


def _invalid(display: str, path: DocPath, message: str, span: Span | None = None) -> Diagnostic:
    where = ".".join(str(p) for p in path)
    text = f"{where}: {message}" if where else message
    return INVALID_CATALOGUE.diagnostic(text, display, span)


def _doc_path(loc: tuple[int | str, ...]) -> DocPath:
    # pydantic adds the model name for validator errors of unions; keep only real document keys
    return tuple(part for part in loc if isinstance(part, int) or not str(part).startswith("function-"))


def _assemble(files: list[dict[str, Any]], base: Catalogue | None = None) -> Catalogue:
    versions = dict(base.versions) if base else {}
    cefr = base.cefr if base else CefrScale((), ())
    profiles = base.profiles if base else ProfileRegistry(())
    sources = dict(base.sources) if base else {}
    sections = []
    for file in files:
        if file.get("sources"):
            sections.append(file["sources"])
        if file.get("ecf"):
            versions.update(_versions(file["ecf"]))
        if file.get("cefr"):
            cefr = CefrScale.of_section(file["cefr"])
        if file.get("profile_registry"):
            profiles = _registry(file["profile_registry"])
    catalogue = Catalogue(versions, cefr, profiles, sources)
    catalogue._source_sections = sections
    return catalogue


def _versions(section: dict[str, Any]) -> dict[str, FrameworkVersion]:
    built: dict[str, FrameworkVersion] = {}
    for version, entry in section["versions"].items():
        ordered = sorted(entry["competences"], key=lambda c: code_key(c["code"]))
        competences = {c["code"]: _competence(version, c) for c in ordered}
        sources, notes = tuple(entry.get("sources", ())), tuple(entry.get("notes", ()))
        aspects = tuple(
            TransversalAspect(version, a["code"], a["title"], a["evidence"], tuple(a["sources"]))
            for a in entry.get("transversal_aspects", ())
        )
        built[version] = FrameworkVersion(version, entry["designation"], competences, sources, notes, aspects)
    return built


def _competence(version: str, c: dict[str, Any]) -> Competence:
    return Competence(
        version,
        c["code"],
        c["title"],
        Area(c["area"]),
        c.get("min_level"),
        c.get("max_level"),
        c["evidence"] if "evidence" in c else RANGE_STATUS_EVIDENCE[c["range_status"]],
        tuple(c.get("sources", ())),
        c.get("note"),
        c.get("predecessor"),
        bool(c.get("new", False)),
        tuple(c.get("inferred_from", ())),
        c.get("title_evidence"),
        tuple(c.get("title_attested_by", ())),
    )


def code_key(code: str) -> tuple[str, int]:
    """Order e-CF codes as the framework does: A.1, A.2 ... A.10, B.1."""
    letter, _, number = code.partition(".")
    return (letter, int(number) if number.isdigit() else 0)


def _registry(section: dict[str, Any]) -> ProfileRegistry:
    entries = (
        RegistryEntry(p["code"], p["title"], bool(p.get("verified", False))) for p in section["profiles"]
    )
    return ProfileRegistry(entries, section["name"])


def configured_catalogue(path: str | Path | None) -> Catalogue:
    """The catalogue a configuration names (its file on top of the packaged one), else the packaged one.

    Raises :class:`CatalogueError` when the file cannot be used: a run never falls back silently.
    """
    return default_catalogue() if not path else load_catalogue(path)
