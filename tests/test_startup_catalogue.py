"""A one-file run pays only for the parts of the catalogue it reads; what it defers gives the same answers."""

from __future__ import annotations

import pickle
from dataclasses import fields

from skillprofiles.catalogue import CefrScale, default_catalogue
from skillprofiles.catalogue.cefr import CefrAlias, CefrLevel, scale_parts
from skillprofiles.catalogue.model import packaged_files
from skillprofiles.catalogue.sources import SourceInfo, source_info
from skillprofiles.codes import get
from tests.conftest import ROOT, printed

RUN = (
    "import sys\nfrom skillprofiles.cli import main\n"
    "code = main(['validate', 'profiles/online-community-manager.yaml'])\n"
    "from skillprofiles.catalogue import default_catalogue\n"
    "scale = default_catalogue().cefr\n"
    "built = sorted(k for k in vars(scale) if k != '_source')\n"
    "built += [k for k in vars(default_catalogue()) if k == 'sources']\n"
    "later = ('cefr', 'diff', 'sources')\n"
    "deferred = [m for m in later if f'skillprofiles.catalogue.{m}' in sys.modules]\n"
    "print(code, deferred, built)"
)


def test_a_clean_profile_without_language_requirements_builds_no_scale_no_diff_and_no_sources() -> None:
    out = printed(RUN, cwd=ROOT).strip().splitlines()[-1]
    assert out == "0 [] []"


def test_a_diff_has_every_kind_of_change_the_catalogue_sorts_into() -> None:
    from skillprofiles.catalogue import VersionDiff, model

    assert [f.name for f in fields(VersionDiff)][2:] == list(model.CHANGE_KINDS)
    change = default_catalogue().diff("3.0", "4.0")
    assert change == VersionDiff("3.0", "4.0", **default_catalogue()._changes("3.0", "4.0"))


def test_the_deferred_scale_is_the_scale_built_from_its_parts() -> None:
    section = next(f["cefr"] for f in packaged_files() if f.get("cefr"))
    deferred = default_catalogue().cefr
    eager = CefrScale(*scale_parts(section))
    for name in ("levels", "names", "aliases", "minimum_phrases", "no_level_phrases"):
        assert getattr(deferred, name) == getattr(eager, name), name
    text = "Excellent knowledge of English - minimum level: C1 QCER, or native"
    assert deferred.parse("b2 (CEFR)") == eager.parse("b2 (CEFR)") == deferred.get("B2")
    assert deferred.promises_level(text)
    assert eager.promises_level(text)
    assert deferred.mentions(text) == eager.mentions(text) == ["C1"]
    assert deferred.nearest("B7") == eager.nearest("B7")


def test_a_deferred_scale_pickles_before_and_after_it_is_read() -> None:
    unread = CefrScale.of_section({"levels": [{"code": "A1", "rank": 1, "band": "A", "kind": "core"}]})
    copy = pickle.loads(pickle.dumps(unread))
    assert copy.levels == (CefrLevel("A1", 1.0, "A", "core"),)
    assert pickle.loads(pickle.dumps(copy)).get("a1") == copy.levels[0]


def test_the_level_classes_are_still_named_by_the_catalogue_package() -> None:
    from skillprofiles import catalogue
    from skillprofiles.catalogue import model

    assert catalogue.CefrLevel is model.CefrLevel is CefrLevel
    assert catalogue.CefrAlias is model.CefrAlias is CefrAlias
    assert catalogue.SourceInfo is model.SourceInfo is SourceInfo
    assert CefrScale((), ["CEFR"]).names == (CefrAlias("CEFR"),)


def test_a_rule_is_its_own_identity() -> None:
    rule = get("SP200")
    assert rule == get("SP200")
    assert {rule: 1}[get("SP200")] == 1


def test_the_sources_built_when_first_read_are_every_file_s_sources_in_order() -> None:
    expected = {}
    for file in packaged_files():
        expected.update({k: source_info(k, v) for k, v in (file.get("sources") or {}).items()})
    catalogue = default_catalogue()
    assert list(catalogue.sources.items()) == list(expected.items())
    assert catalogue.source("S-unknown") == SourceInfo("S-unknown", "S-unknown")
