"""Ranking a person against many profiles, the team view and the tidy tables, from the API and the CLI."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import Any

import pytest

from skillprofiles.export.tables import MATRIX_COLUMNS, gap_rows, matrix_rows, to_csv, to_json
from skillprofiles.hr import ProfileCollection, Ranker, gap, load_assessment, rank, team
from tests.hr_helpers import DOCS
from tests.hr_helpers import cli as run

ROOT = DOCS.parent
PROFILES = ROOT / "profiles"
WSP_003 = PROFILES / "WSP-G3-003.yaml"
ASSESSMENT = DOCS / "examples" / "assessment.yaml"
HOSTILE = '"[link=http://x]y[/link] \\e[2J \\u202e"'


def hostile(tmp_path: Path) -> Path:
    text = ASSESSMENT.read_text(encoding="utf-8").replace("person: A. Candidate", f"person: {HOSTILE}")
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rank_best_first_with_main_gaps() -> None:
    ranking = rank(load_assessment(ASSESSMENT), ProfileCollection.from_paths([PROFILES]))
    assert [(r.place, r.file, round(r.fit, 4)) for r in ranking] == [
        (1, str(PROFILES / "WSP-G3-003.yaml"), 0.6286),
        (2, str(PROFILES / "online-community-manager.yaml"), 0.1176),
    ]
    assert [g.competence.code for g in ranking[0].main_gaps] == ["D.8", "E.1", "D.7"]
    assert len(rank(load_assessment(ASSESSMENT), ProfileCollection.from_paths([PROFILES]), top=1)) == 1


def test_team_who_fits_and_what_is_lacking() -> None:
    members = ProfileCollection.from_paths([WSP_003]).members
    view = team([load_assessment(ASSESSMENT)], members)
    assert view.best_role("A. Candidate") == ("WSP-G3-003", pytest.approx(0.6286, abs=1e-4))
    assert view.best_person("WSP-G3-003")[0] == "A. Candidate"
    assert [(lack.competence.code, lack.required, lack.best) for lack in view.lacking] == [
        ("D.7", 5, 3),
        ("D.8", 4, 0),
        ("E.1", 3, 0),
    ]


def test_matrix_rows_long_form() -> None:
    rows = matrix_rows(ProfileCollection.from_paths([WSP_003]).matrix())
    assert tuple(rows[0]) == MATRIX_COLUMNS
    assert rows[0] == {
        "file": str(WSP_003),
        "profile": "WSP-G3-003",
        "title": "Web Account Manager",
        "profile_version": "2.0",
        "version": "2.0",
        "code": "B.1",
        "competence": "Design and Development",
        "level": 2,
    }
    assert json.loads(to_json(rows)) == rows
    assert next(iter(csv.DictReader(io.StringIO(to_csv(rows)))))["level"] == "2"


def test_matrix_and_gap_tables_from_the_cli() -> None:
    result = run("matrix", PROFILES, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(MATRIX_COLUMNS)
    data = json.loads(run("matrix", PROFILES, "--format", "json").stdout)
    assert {row["profile"] for row in data} == {"WSP-G3-003", "Online Community Manager"}
    ranked = run("gap", ASSESSMENT, PROFILES, "--format", "csv", "--top", "1")
    lines = ranked.stdout.splitlines()
    assert (
        lines[0]
        == "file,profile,title,person,version,fit,kind,code,name,required,demonstrated,status,shortfall"
    )
    assert (
        lines[1] == f"{WSP_003},WSP-G3-003,Web Account Manager,A. Candidate,2.0,0.6286,competence,B.1,"
        "Design and Development,2,2,met,0"
    )
    assert {line.split(",")[1] for line in lines[1:]} == {"WSP-G3-003"}


def test_gap_ranking_text_and_json() -> None:
    result = run("gap", ASSESSMENT, PROFILES)
    assert result.returncode == 0, result.stderr
    assert "A. Candidate: profiles by fit" in result.stdout
    assert "│ 1 │ WSP-G3-003" in result.stdout
    document = json.loads(run("gap", ASSESSMENT, PROFILES, "--format", "json").stdout)
    assert [(d["place"], d["profile"], d["fit"]) for d in document] == [
        (1, "WSP-G3-003", 0.6286),
        (2, "Online Community Manager", 0.1176),
    ]


def test_team_from_the_cli() -> None:
    result = run("team", ASSESSMENT, "--profiles", WSP_003, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["best_roles"] == [{"person": "A. Candidate", "profile": "WSP-G3-003"}]
    assert [x["code"] for x in data["lacking"]] == ["D.7", "D.8", "E.1"]


def test_names_stay_inert_in_every_hr_output(tmp_path: Path) -> None:
    path = hostile(tmp_path)
    shown = "[link=http://x]y[/link] \\e[2J \\u202e"
    for args in (("gap", path, WSP_003), ("gap", path, PROFILES), ("team", path, "--profiles", PROFILES)):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout
        assert "\u202e" not in result.stdout
        assert shown in result.stdout, args
    rows = gap_rows(
        [("f", "t", rank(load_assessment(path), ProfileCollection.from_paths([WSP_003]))[0].report)]
    )
    assert rows[0]["person"] == shown
    table = run("gap", path, PROFILES, "--format", "csv").stdout
    assert "\x1b" not in table
    assert "\u202e" not in table


def _by_full_reports(assessment: Any, members: list[Any], languages: tuple[str, ...] = ()) -> list[Any]:
    """The ranking as it was first built: a full gap report per pair, sorted by fit."""
    reports = [(m, gap(assessment, m.profile, None, m.version, languages)) for m in members]
    reports.sort(key=lambda pair: (-round(pair[1].fit, 12), pair[1].profile, pair[0].file))
    return [(m.file, r.fit) for m, r in reports]


def test_fast_ranking_agrees_with_full_gap_reports() -> None:
    from benchmarks.rank import assessments, profiles

    rng = random.Random(7)
    members = profiles(rng, 120)
    people = assessments(rng, 25)
    ranker = Ranker(members)
    for person in people:
        expected = _by_full_reports(person, members)
        scores = ranker.scores(person)
        full = {m.file: gap(person, m.profile, None, m.version).fit for m in members}
        assert [pytest.approx(full[m.file], abs=1e-12) for m in members] == scores
        assert [(r.file, r.fit) for r in ranker.rank(person)] == expected
        top = ranker.rank(person, top=5)
        assert [(r.place, r.file, r.fit) for r in top] == [
            (i, f, fit) for i, (f, fit) in enumerate(expected[:5], 1)
        ]
        assert all(r.report.person == person.person for r in top)


@pytest.mark.parametrize("languages", [(), ("German",), ("English", "French")])
def test_fast_ranking_agrees_on_the_reference_profiles(languages: tuple[str, ...]) -> None:
    # the G3 sheets carry language requirements, placeholders among them
    members = list(ProfileCollection.from_paths([PROFILES]))
    for path in (ASSESSMENT, DOCS / "examples" / "assessment-4.0.yaml"):
        person = load_assessment(path)
        expected = _by_full_reports(person, members, languages)
        assert [(r.file, r.fit) for r in rank(person, members, languages=languages)] == expected


def test_csv_cells_that_would_start_a_formula_are_text_in_spreadsheets(tmp_path: Path) -> None:
    from skillprofiles.cli import main
    from tests.minimal import WSP

    hostile = '=HYPERLINK("http://evil.example","x")'
    (tmp_path / "in").mkdir()
    text = WSP.replace("title: Test Profile", f"title: '{hostile}'")
    (tmp_path / "in" / "p.yaml").write_text(text, "utf-8")
    for fmt in ("csv", "json"):
        assert main(["matrix", str(tmp_path / "in"), "--format", fmt, "-o", str(tmp_path / f"m.{fmt}")]) == 0
    cells = next(iter(csv.DictReader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8")))))
    assert cells["title"] == "'" + hostile
    assert cells["level"].isdigit()  # numbers are left alone
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))[0]["title"] == hostile
    assert to_csv([{"a": "-1", "b": -1, "c": "e-2"}]) == "a,b,c\n'-1,-1,e-2\n"
