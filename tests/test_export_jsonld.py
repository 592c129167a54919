"""JSON and JSON-LD exports: plain data round-trips; JSON-LD expands with pyld to stable URIs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyld import jsonld

from skillprofiles import load
from skillprofiles.export import export, jsonld_document
from tests.hr_helpers import ROLE_OCM, WSP_003

SDO = "https://schema.org/"
SP = "https://skillprofiles.dev/vocab#"


@pytest.mark.parametrize("path", [WSP_003, ROLE_OCM])
def test_json_round_trips_to_the_same_profile(path: object) -> None:
    profile = load(path)  # type: ignore[arg-type]
    data = json.loads(export(profile, "json"))
    assert type(profile).model_validate(data) == profile


def test_jsonld_expands_with_competence_uris() -> None:
    document = json.loads(export(load(WSP_003), "jsonld"))
    [node] = jsonld.expand(document)
    assert node["@id"] == "https://skillprofiles.dev/profiles/WSP-G3-003"
    assert node["@type"] == [SDO + "Occupation"]
    assert node[SDO + "name"] == [{"@value": "Web Account Manager"}]
    skills = node[SDO + "skills"]
    assert [s["@id"] for s in skills] == [
        f"https://skillprofiles.dev/ecf/2.0/{code}" for code in ("B.1", "D.7", "D.8", "E.1", "E.4")
    ]
    d7 = skills[1]
    assert d7["@type"] == [SDO + "DefinedTerm"]
    assert d7[SDO + "termCode"] == [{"@value": "D.7"}]
    assert d7[SDO + "name"] == [{"@value": "Sales Management"}]
    assert d7[SDO + "inDefinedTermSet"][0]["@id"] == "https://skillprofiles.dev/ecf/2.0"
    requirement = node[SP + "competenceRequirement"][1]
    assert requirement[SP + "competence"] == [{"@id": "https://skillprofiles.dev/ecf/2.0/D.7"}]
    assert requirement[SP + "proficiencyLevel"] == [{"@value": "e-5"}]
    languages = node[SP + "languageRequirement"]
    assert [lang[SP + "cefrLevel"][0]["@value"] for lang in languages[:2]] == ["B1", "C1"]


def test_jsonld_of_a_profile_without_version() -> None:
    role = load(ROLE_OCM)
    [node] = jsonld.expand(jsonld_document(role))
    assert node["@id"] == "https://skillprofiles.dev/profiles/online-community-manager"
    # no version known at all: a blank node with its code, never an invented "unspecified" IRI
    assert "@id" not in node[SDO + "skills"][0]
    assert node[SDO + "skills"][0][SDO + "termCode"] == [{"@value": "A.3"}]
    assert "unspecified" not in json.dumps(jsonld_document(role))
    assert SP + "ecfVersion" not in node
    [versioned] = jsonld.expand(jsonld_document(role, default_version="2.0"))
    assert versioned[SDO + "skills"][0]["@id"] == "https://skillprofiles.dev/ecf/2.0/A.3"
    assert SP + "languageRequirement" not in node


def test_jsonld_to_rdf() -> None:
    quads = jsonld.to_rdf(json.loads(export(load(WSP_003), "jsonld")), {"format": "application/n-quads"})
    lines = set(quads.splitlines())
    profile = "<https://skillprofiles.dev/profiles/WSP-G3-003>"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    assert f"{profile} {rdf_type} <https://schema.org/Occupation> ." in lines
    assert f"{profile} <https://schema.org/skills> <https://skillprofiles.dev/ecf/2.0/D.7> ." in lines
    assert '<https://skillprofiles.dev/ecf/2.0/D.7> <https://schema.org/termCode> "D.7" .' in lines


def test_jsonld_keeps_attribution_base_uri_and_occupation() -> None:
    profile = load(WSP_003)
    doc = jsonld_document(profile, base_uri="https://hr.example.org/roles/")
    assert doc["@id"] == "https://hr.example.org/roles/WSP-G3-003"
    source = doc["isBasedOn"]
    assert source["@type"] == "CreativeWork"
    assert {"name", "url", "version", "datePublished", "license"} <= set(source)
    assert source["license"] == "Creative Commons – Attribution – No derivative works – 3.0 (CC BY-ND 3.0)"
    assert (source["version"], source["datePublished"]) == ("1.0", "2013-02-14")
    with_code = profile.model_copy(update={"occupation": "2513"})
    assert jsonld_document(with_code)["occupationalCategory"] == "2513"
    esco = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
    [node] = jsonld.expand(jsonld_document(profile.model_copy(update={"occupation": esco})))
    assert node[SDO + "occupationalCategory"] == [{"@id": esco}]


def test_export_base_uri_from_the_cli(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "skillprofiles",
            "export",
            str(WSP_003),
            "--to",
            "jsonld",
            "--base-uri",
            "urn:x:",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)["@id"] == "urn:x:WSP-G3-003"
