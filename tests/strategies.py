"""Hypothesis profiles and strategies for profile documents: valid ones, and every structural mutation."""

from __future__ import annotations

import copy
import datetime
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from skillprofiles.models import Level

# CI runs a fixed, derandomized budget (the same examples on every run, no example database);
# HYPOTHESIS_PROFILE=long runs a much larger random search on demand.
_COMMON: dict[str, Any] = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=150, derandomize=True, database=None, **_COMMON)
settings.register_profile("long", max_examples=3000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

Doc = dict[str, Any]
Path = tuple[str | int, ...]

# Every character some regex engine counts as whitespace, and characters close to that set.
BLANKS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
NEAR_BLANKS = "\x00\x01\x08\x0e\x1b\x7f\u180e\u200b\u200d\u2060\ufffe"

blank_text = st.text(alphabet=BLANKS, max_size=4)
text = st.one_of(
    st.text(min_size=1, max_size=30).filter(lambda s: any(c not in BLANKS for c in s)),
    st.builds(lambda a, c, b: a + c + b, blank_text, st.sampled_from(NEAR_BLANKS + "xé漢"), blank_text),
)
items = st.lists(text, min_size=1, max_size=3)
optional_items = st.lists(text, max_size=2)
levels = st.lists(st.sampled_from([level.value for level in Level]), min_size=1, max_size=5, unique=True)
ecf_code = st.from_regex(r"[A-E]\.[1-9][0-9]?", fullmatch=True)
ks_code = st.from_regex(r"[A-Z][A-Z0-9]{0,3}[0-9]{1,3}", fullmatch=True)
wsp_code = st.from_regex(r"WSP-G3-[0-9]{3}", fullmatch=True)
version = st.from_regex(r"[0-9]{1,2}\.[0-9]{1,2}", fullmatch=True)
iso_date = st.dates(min_value=datetime.date(1000, 1, 1)).map(datetime.date.isoformat)


def _optional(**fields: st.SearchStrategy[Any]) -> dict[str, st.SearchStrategy[Any]]:
    return fields


knowledge_skill = st.fixed_dictionaries({"code": ks_code, "text": text})


@st.composite
def competence(draw: st.DrawFn) -> Doc:
    """A competence assignment, with level texts for some of its levels."""
    chosen = draw(levels)
    doc = draw(
        st.fixed_dictionaries(
            {"code": ecf_code, "title": text, "levels": st.just(chosen)},
            optional=_optional(
                description=st.one_of(st.none(), text),
                knowledge_skills=st.lists(knowledge_skill, max_size=2),
            ),
        )
    )
    if draw(st.booleans()):
        doc["level_texts"] = {level: draw(text) for level in chosen if draw(st.booleans())}
    return doc


source = st.fixed_dictionaries(
    {"document": text},
    optional=_optional(
        version=st.one_of(st.none(), text),
        date=st.one_of(st.none(), iso_date),
        licence=st.one_of(st.none(), text),
        url=st.one_of(st.none(), text),
    ),
)
language = st.fixed_dictionaries(
    {"language": text, "text": text},
    optional=_optional(
        min_level=st.one_of(st.none(), st.sampled_from(["B1", "C1", "A2"]), text), preferred=st.booleans()
    ),
)
_COMMON_OPTIONAL = _optional(
    ecf_version=st.one_of(st.none(), version),
    source=st.one_of(st.none(), source),
)
_SCHEMA_KEY = {
    "$schema": st.one_of(st.none(), st.just("https://skillprofiles.dev/schemas/profile.schema.json"))
}

wsp_profile = st.fixed_dictionaries(
    {
        "template": st.just("wsp-g3"),
        "code": wsp_code,
        "title": text,
        "summary_definition": text,
        "assignment": items,
        "documentation_produced": st.fixed_dictionaries(
            {},
            optional=_optional(
                accountable=optional_items, responsible=optional_items, contributor=optional_items
            ),
        ),
        "primary_duties": items,
        "competences": st.lists(competence(), min_size=1, max_size=3),
        "abilities_knowledge": st.fixed_dictionaries(
            {"technical": items, "information_technology": items, "for_development": items}
        ),
        "kpi_areas": items,
        "qualifications": items,
        "personal_aptitudes": st.fixed_dictionaries(
            {"interpersonal_organisational": items, "linguistic": st.lists(language, min_size=1, max_size=2)}
        ),
    },
    optional={
        **_COMMON_OPTIONAL,
        **_SCHEMA_KEY,
        "relationships": st.fixed_dictionaries(
            {}, optional=_optional(interacts_with=optional_items, reports_to=optional_items)
        ),
    },
)

role_profile = st.fixed_dictionaries(
    {
        "template": st.just("ict-role-profile"),
        "title": text,
        "summary_statement": text,
        "mission": items,
        "responsibility": text,
        "deliverables": st.fixed_dictionaries(
            {"accountable": items}, optional=_optional(contributor=optional_items)
        ),
        "main_tasks": items,
        "environment": text,
        "kpis": items,
        "competences": st.lists(competence(), min_size=1, max_size=3),
    },
    optional={**_COMMON_OPTIONAL, **_SCHEMA_KEY, "code": st.one_of(st.none(), text)},
)

valid_profile = st.one_of(wsp_profile, role_profile)

# -- mutations ----------------------------------------------------------------------------------------

# Values that are wrong somewhere and right elsewhere: every JSON type, blank and near-blank text,
# levels, codes and dates just inside and just outside their forms, and Python field names.
ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    1.5,
    2.0,
    "",
    " ",
    "\u3000",
    "\ufeff",
    "\x1c",
    "\x85",
    "x",
    "\n",
    "no",
    [],
    {},
    ["x"],
    [""],
    [" "],
    [None],
    [1],
    {"x": "y"},
    {"e-1": "x"},
    "e-1",
    "e-5",
    "e-0",
    "e-6",
    "E-1",
    "e1",
    "e-1 ",
    " e-1",
    "e-1\n",
    ["e-1", "e-1"],
    ["e-2", "e-6"],
    "A.1",
    "E.12",
    "A.0",
    "F.1",
    "a.1",
    "A1",
    "A.1\n",
    "A.1.",
    "B11",
    "b11",
    "11",
    "B",
    "B11\n",
    "WSP-G3-003",
    "WSP-G3-03",
    "wsp-g3-003",
    "WSP-G3-003\n",
    "WSP-G3-0003",
    "2.0",
    "2",
    "2.0\n",
    "v2.0",
    "2013-02-14",
    "2013-02-30",
    "2013-2-14",
    "2013-02-14T10:00:00",
    "20130214",
    "2013-02-14\n",
    "wsp-g3",
    "ict-role-profile",
    "wsp-g2",
    "B1",
    "C2",
    "Z9",
]
# One value of each JSON type, so that any field is often given a value of another type.
OTHER_TYPES: list[Any] = [None, True, 0, 1.5, "x", [], {}]
EXTRA_KEYS = [
    "extra",
    "schema_",
    "deliverables_",
    "kpis_",
    "$schema",
    "kpis",
    "deliverables",
    "code",
    "relationships",
    "level_texts",
    "e-1",
    "e-6",
    "Title",
    "",
]


def _field(path: Path) -> tuple[str, ...]:
    """A path's field: its keys without list indexes, so every competence's 'title' is one field."""
    return tuple(part for part in path if isinstance(part, str))


def paths(value: Any, prefix: Path = ()) -> list[Path]:
    """Every path into a document, the root included."""
    found: list[Path] = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths(child, (*prefix, index))
    return found


def get(doc: Any, path: Path) -> Any:
    """The value at a path."""
    for part in path:
        doc = doc[part]
    return doc


def _parent(doc: Any, path: Path) -> tuple[Any, str | int]:
    return get(doc, path[:-1]), path[-1]


def mutate(doc: Doc, path: Path, kind: str, value: Any) -> Doc:
    """A copy of ``doc`` with one structural change at ``path``."""
    doc = copy.deepcopy(doc)
    target = get(doc, path)
    if kind == "delete" and path:
        container, key = _parent(doc, path)
        del container[key]
    elif kind == "replace" and path:
        container, key = _parent(doc, path)
        container[key] = value
    elif kind == "add-key" and isinstance(target, dict):
        target[str(value)] = "x"
    elif kind == "empty" and isinstance(target, (list, dict)):
        target.clear()
    elif kind == "duplicate" and isinstance(target, list) and target:
        target.append(copy.deepcopy(target[0]))
    elif kind == "blank" and path and isinstance(target, str):
        container, key = _parent(doc, path)
        container[key] = value
    return doc


_KINDS = {
    "delete": lambda path, value: bool(path),
    "replace": lambda path, value: bool(path),
    "add-key": lambda path, value: isinstance(value, dict),
    "empty": lambda path, value: isinstance(value, (list, dict)),
    "duplicate": lambda path, value: isinstance(value, list) and bool(value),
    "blank": lambda path, value: bool(path) and isinstance(value, str),
}


@st.composite
def mutated_profile(draw: st.DrawFn) -> Doc:
    """A valid document changed in one (mostly) to three structural ways, each at a place it fits."""
    doc = draw(valid_profile)
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        kind = draw(st.sampled_from(sorted(_KINDS)))
        fits = [path for path in paths(doc) if _KINDS[kind](path, get(doc, path))]
        if not fits:
            continue
        # pick a field first, then one of its occurrences: rare optional fields are hit as often as lists
        fields = sorted({_field(path) for path in fits}, key=repr)
        field = draw(st.sampled_from(fields))
        path = draw(st.sampled_from([path for path in fits if _field(path) == field]))
        if kind == "add-key":
            value: Any = draw(st.sampled_from(EXTRA_KEYS))
        elif kind == "blank":
            value = draw(blank_text)
        else:
            value = draw(st.sampled_from(ODD_VALUES) | st.sampled_from(OTHER_TYPES))
        doc = mutate(doc, path, kind, copy.deepcopy(value))
    return doc


# -- arbitrary YAML data ----------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.dates(),
    st.sampled_from(ODD_VALUES[:20]),
)
yaml_data = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=10), st.sampled_from(EXTRA_KEYS)), children, max_size=4),
    ),
    max_leaves=20,
)
