"""SP301 duplicate-profile-code: two files with one profile code; each names the other."""

from __future__ import annotations

from pathlib import Path

from skillprofiles import validate
from skillprofiles.tuning.config import Config
from tests.minimal import WSP
from tests.rules.helpers import run_files


def test_unique_codes_pass(tmp_path: Path) -> None:
    other = WSP.replace("WSP-G3-099", "WSP-G3-098")
    assert run_files(tmp_path, {"WSP-G3-099.yaml": WSP, "WSP-G3-098.yaml": other}, "SP301") == []


def test_both_files_are_reported(tmp_path: Path) -> None:
    found = run_files(tmp_path, {"WSP-G3-099.yaml": WSP, "copy.yaml": WSP}, "SP301")
    assert found == [("WSP-G3-099.yaml", "SP301", 2, 7), ("copy.yaml", "SP301", 2, 7)]
    report = validate(tmp_path, config=Config(select=("SP301",)))
    assert report.diagnostics[0].message == "profile code WSP-G3-099 is also used by 1 other file"
    assert [r.to_dict() for r in report.diagnostics[0].related] == [
        {"file": f"{tmp_path.as_posix()}/copy.yaml", "line": 2, "column": 7}
    ]


def test_repository_mode_reports_only_the_files_given(tmp_path: Path) -> None:
    (tmp_path / "WSP-G3-099.yaml").write_text(WSP, encoding="utf-8")
    (tmp_path / "copy.yaml").write_text(WSP, encoding="utf-8")
    changed = tmp_path / "copy.yaml"
    alone = validate(changed, config=Config(select=("SP301",)))
    assert alone.diagnostics == []  # without the repository the duplicate is invisible
    report = validate(changed, config=Config(select=("SP301",)), repository=tmp_path)
    assert [(Path(d.file).name, d.code, d.line) for d in report] == [("copy.yaml", "SP301", 2)]
    assert report.files == [changed.as_posix()]


def test_summaries_survive_pickling(tmp_path: Path) -> None:
    import pickle

    from skillprofiles.engine.checker import Checker

    path = tmp_path / "WSP-G3-099.yaml"
    path.write_text(WSP, encoding="utf-8")
    result = Checker().check_file(path, path.as_posix())
    assert result.summary is not None
    copy = pickle.loads(pickle.dumps(result.summary))
    assert copy == result.summary
    assert copy.span(("code",)).line == 2
