"""Issue 17, hardening second round: one regression test per case, exact codes and positions."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from skillprofiles import validate
from skillprofiles.cli import main
from skillprofiles.codes.reader import SYNTAX
from skillprofiles.diagnostics import Span
from skillprofiles.engine.checker import Checker
from skillprofiles.engine.parallel import JOBS_PER_CPU, cpu_count, effective_jobs
from skillprofiles.render.base import RenderOptions
from skillprofiles.render.full import frame, render_full
from skillprofiles.render.json_format import render_json
from skillprofiles.source import reader as reader_module
from skillprofiles.textsafe import printable
from skillprofiles.tuning.baseline import Baseline, content_of, dump, fingerprint
from skillprofiles.tuning.baseline import load as load_baseline
from skillprofiles.tuning.config import Config, _glob_matches
from skillprofiles.tuning.files import ConfigError, load_config
from tests.conftest import children, findings, where
from tests.minimal import WSP
from tests.rules.helpers import wsp


@pytest.mark.parametrize("tagged", ["!!bool maybe", "!!timestamp x", "!!int ''", "!!float ''"])
def test_a_tag_that_does_not_fit_its_text_is_a_located_syntax_error(tagged: str) -> None:
    found = where(f"x: {tagged}\n")
    assert ("SP010", 1, 4) in found
    assert all(code != "SP000" for code, _, _ in found)


def test_a_message_never_holds_a_control_character_even_from_a_rule() -> None:
    # SP207 quotes the profile's title; its ESC, CSI (C1), bidi override and line break are escaped
    text = wsp("4.0", '  - {code: D.3, title: "Edu\\e[2J\\x9b\\u202e\\n::error::x", levels: [e-2]}\n')
    found = findings(text, Checker(Config(select=("SP207",))))
    assert [(d.code, d.line, d.column) for d in found] == [("SP207", 13, 24)]
    assert found[0].message.startswith("D.3 is titled 'Edu\\e[2J\\u009b\\u202e\\n::error::x'")
    assert printable(found[0].message) == found[0].message
    assert found[0].hint is not None
    assert printable(found[0].hint) == found[0].hint


def test_the_stamp_escapes_message_and_hint_once_for_every_code() -> None:
    made = SYNTAX.diagnostic("a\x1b]8;;x\x07b\u2028c", "f.yaml", Span.point(2, 3), "h\x85i")
    assert (made.code, made.line, made.column) == ("SP010", 2, 3)
    assert made.message == "a\\e]8;;x\\u0007b\\u2028c"
    assert made.hint == "h\\u0085i"


def test_suppression_comments_count_lines_as_libyaml_does() -> None:
    # \v, \f and \x1c-\x1e are not line breaks for libyaml: the comment is on line 1, not line 5
    found = where("a: 1\x0b\x0c\x1c\x1d # skillprofiles: ignore[SP999]\n")
    assert ("SP902", 1, 34) in found
    assert [code for code, line, _ in found if line > 1] == []


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "skillprofiles", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False, timeout=timeout)


def config_findings(path: Path) -> list[tuple[str, int, int, str]]:
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    return [(d.code, d.line, d.column, d.message) for d in raised.value.diagnostics]


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("max_depth: 1000", 12, "max_depth: Input should be less than or equal to 256"),
        ("max_file_size: 100000000000000000000000", 16, "max_file_size: Input should be less than or equal"),
        ('baseline: "a\\0b"', 11, "baseline: Value error, a file name cannot be empty or hold a NUL byte"),
        ('catalogue: "a\\0b"', 12, "catalogue: Value error, a file name cannot be empty or hold a NUL byte"),
        (
            "per_path: [{paths: ['[z-a]']}]",
            20,
            "per_path.0.paths: Value error, character range z-a in '[z-a]'",
        ),
        (
            f"per_path: [{{paths: ['{'a' * 300}']}}]",
            20,
            "per_path.0.paths: Value error, pattern is longer than",
        ),
    ],
)
def test_configuration_values_that_broke_a_run_are_located_sp910(
    tmp_path: Path, line: str, column: int, message: str
) -> None:
    config = tmp_path / ".skillprofiles.yaml"
    config.write_text(line + "\n")
    [(code, at_line, at_column, text)] = config_findings(config)
    assert (code, at_line, at_column) == ("SP910", 1, column)
    assert text.startswith(message)
    (tmp_path / "p.yaml").write_text(WSP)
    result = run("validate", "p.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f".skillprofiles.yaml:1:{column}: SP910" in result.stderr


def test_a_deeply_nested_pyproject_is_a_located_sp910_not_a_recursion_error(tmp_path: Path) -> None:
    depth = 5000
    (tmp_path / "pyproject.toml").write_text("[tool.skillprofiles]\nx = " + "[" * depth + "]" * depth + "\n")
    assert config_findings(tmp_path / "pyproject.toml") == [
        ("SP910", 1, 1, "invalid TOML: nesting is too deep")
    ]
    (tmp_path / "p.yaml").write_text(WSP)
    result = run("validate", "p.yaml", cwd=tmp_path)
    assert (result.returncode, "Traceback" in result.stderr) == (2, False)
    assert "pyproject.toml:1:1: SP910 invalid TOML: nesting is too deep" in result.stderr


@pytest.mark.parametrize("size", ["99999999999999999999", "1073741825"])
def test_a_huge_max_file_size_is_a_usage_error(tmp_path: Path, size: str) -> None:
    (tmp_path / "p.yaml").write_text(WSP)
    result = run("validate", "--no-config", "--max-file-size", size, "p.yaml", cwd=tmp_path)
    assert (result.returncode, "Traceback" in result.stderr) == (2, False)
    assert "--max-file-size" in result.stderr


def test_per_path_globs_match_in_linear_time() -> None:
    started = time.perf_counter()
    assert not _glob_matches("*" * 18 + "x", "a" * 2000 + "y")
    assert not _glob_matches("**" * 60 + "x", "a/" * 500 + "y")
    assert time.perf_counter() - started < 1
    cases = [
        ("legacy", "legacy/a.yaml", True),
        ("legacy/**", "legacy/a/b.yaml", True),
        ("**/*.yaml", "a/b/c.yaml", True),
        ("**/*.yaml", "c.yaml", True),
        ("*.yaml", "a/c.yaml", False),
        ("a/[!b]c", "a/xc", True),
        ("a/[!b]c", "a/bc", False),
        ("[a-c]?.yml", "b1.yml", True),
        ("a/**/b", "a/b", True),
        ("a/**/b", "a/x/y/b", True),
        ("[z-a]", "z", False),
    ]
    assert [_glob_matches(p, f) for p, f, _ in cases] == [expected for _, _, expected in cases]


def test_a_code_frame_shows_a_window_of_a_long_line(tmp_path: Path) -> None:
    profile = tmp_path / "long.yaml"
    profile.write_text("{" + ", ".join(["a: 1"] * 6000) + "}\n")  # 36 KB on one line, 5,999 duplicates
    report = validate(profile, config=Config(select=("SP011",), max_findings_per_code=0))
    positions = [(d.code, d.line, d.column) for d in report]
    assert positions[:2] == [("SP011", 1, 8), ("SP011", 1, 14)]
    assert len(positions) == 5999
    text = render_full(report, RenderOptions(color=False))
    assert max(len(line) for line in text.splitlines()) < 200
    assert len(text) < 5999 * 600
    last = report.diagnostics[-1]
    shown, offset, length = frame(profile.read_text().rstrip("\n"), last)
    assert (shown[offset : offset + length], shown[0]) == ("a", "…")


def test_a_named_pipe_in_the_tree_does_not_hang_full_or_the_baseline(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(WSP)
    os.mkfifo(tmp_path / "fifo.yaml")
    full = run("validate", "--no-config", "--format", "full", ".", cwd=tmp_path, timeout=30)
    assert full.returncode == 1
    assert "fifo.yaml:1:1" in full.stdout
    assert "SP001" in full.stdout
    written = run("validate", "--no-config", "--write-baseline", "b.json", ".", cwd=tmp_path, timeout=30)
    assert written.returncode == 0
    used = run("validate", "--no-config", "--baseline", "b.json", ".", cwd=tmp_path, timeout=30)
    assert (used.returncode, "Traceback" in used.stderr) == (1, False)  # SP904: the pipe never loads


@pytest.mark.parametrize("kind", ["device", "fifo", "config"])
def test_a_baseline_that_is_not_a_regular_file_is_located_sp911(tmp_path: Path, kind: str) -> None:
    (tmp_path / "p.yaml").write_text(WSP)
    if kind == "fifo":
        os.mkfifo(tmp_path / "b.json")
    baseline = "/dev/zero" if kind != "fifo" else "b.json"
    args = ["--baseline", baseline] if kind != "config" else []
    if kind == "config":
        (tmp_path / ".skillprofiles.yaml").write_text("baseline: /dev/zero\n")
    result = run("validate", *args, "p.yaml", cwd=tmp_path, timeout=30)
    assert result.returncode == 2
    what = "a device" if kind != "fifo" else "a named pipe"
    assert f"{baseline}:1:1: SP911 cannot read baseline: it is {what}, not a regular file" in result.stderr


@pytest.mark.parametrize(
    "flags",
    [
        ["-o", "p.yaml"],
        ["-o", "link.txt"],
        ["-o", "hard.txt"],
        ["--write-baseline", "p.yaml"],
        ["--github-summary", "p.yaml"],
        ["-o", ".skillprofiles.yaml"],
        ["-o", "b.json", "--baseline", "b.json"],
    ],
)
def test_no_output_path_may_be_a_file_the_run_reads(tmp_path: Path, flags: list[str]) -> None:
    (tmp_path / "p.yaml").write_text(WSP)
    (tmp_path / "link.txt").symlink_to("p.yaml")
    os.link(tmp_path / "p.yaml", tmp_path / "hard.txt")
    (tmp_path / ".skillprofiles.yaml").write_text("fail_on: error\n")
    (tmp_path / "b.json").write_text('{"format_version": 1, "tool": "skillprofiles", "findings": []}\n')
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    result = run("validate", *flags, "p.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "refusing to write over a file this run reads" in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert (tmp_path / "link.txt").is_symlink()


def test_a_report_or_baseline_is_written_atomically_keeping_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "p.yaml").write_text(WSP)
    out = tmp_path / "report.txt"
    out.write_text("old\n")
    out.chmod(0o640)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--no-config", "-o", "report.txt", "p.yaml"]) == 0
    written = out.read_text()
    assert (out.stat().st_mode & 0o777, written.splitlines()[0]) == (
        0o640,
        "p.yaml:2:7: SP303 warning file name 'p' does not match its code: expected 'WSP-G3-099'",
    )

    def full_disk(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert main(["validate", "--no-config", "--write-baseline", "report.txt", "p.yaml"]) == 2
    assert out.read_text() == written  # the old text, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml", "report.txt"]  # no temporary left


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["rules", "-o", "."], "cannot write .: it is a directory"),
        (["schema", "--write", "p.yaml"], "cannot write schemas into p.yaml: File exists"),
    ],
)
def test_rules_and_schema_writing_to_a_wrong_place_exit_2(
    tmp_path: Path, command: list[str], message: str
) -> None:
    (tmp_path / "p.yaml").write_text(WSP)
    result = run(*command, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"skillprofiles: error: {message}\n")


def test_schema_write_into_a_read_only_directory_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    assert main(["schema", "--write", str(tmp_path)]) == 2
    assert "Permission denied" in capsys.readouterr().err


def test_jobs_are_capped_at_four_per_cpu_and_huge_values_are_usage_errors(tmp_path: Path) -> None:
    assert effective_jobs(1000, 5000) == JOBS_PER_CPU * cpu_count()
    assert effective_jobs(2, 5000) == min(2, JOBS_PER_CPU * cpu_count())
    (tmp_path / "p.yaml").write_text(WSP)
    for jobs in ("99999999999999999999", "1025"):
        result = run("validate", "--no-config", "--jobs", jobs, "p.yaml", cwd=tmp_path)
        assert (result.returncode, "Traceback" in result.stderr) == (2, False)
        assert "argument -j/--jobs: at most 1024 processes" in result.stderr


@pytest.mark.parametrize("group", [True, False], ids=["group", "parent-only"])
def test_sigterm_to_a_parallel_run_ends_it_quietly(tmp_path: Path, group: bool) -> None:
    for i in range(1200):
        (tmp_path / f"p{i}.yaml").write_text(WSP)
    command = [sys.executable, "-m", "skillprofiles", "validate", "--no-config", "--jobs", "3", "."]
    process = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while len(children(process.pid)) < 2 and time.monotonic() < deadline:  # both workers are checking
        time.sleep(0.01)
    assert process.poll() is None, "the run ended before it could be stopped"
    if group:  # as a supervisor (timeout, CI cancel) does: the whole group
        os.killpg(process.pid, signal.SIGTERM)
    else:  # as `kill PID` does: the parent alone, which ends its workers
        os.kill(process.pid, signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode in (143, -signal.SIGTERM)
    assert b"Traceback" not in err
    # and no worker is left behind: none runs in here
    deadline = time.monotonic() + 10
    while _running_in(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _running_in(tmp_path) == []


def _running_in(directory: Path) -> list[int]:
    """The processes whose working directory is ``directory`` (Linux's /proc; empty elsewhere)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if os.readlink(entry / "cwd") == str(directory):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_repository_with_a_symlink_loop_is_a_finding_not_a_runtime_error(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "WSP-G3-099.yaml").write_text(WSP)
    (repo / "self.yaml").symlink_to("self.yaml")  # Path.resolve() raises RuntimeError here on <= 3.12
    (repo / "a").symlink_to("b")
    (repo / "b").symlink_to("a")
    report = validate(repo / "WSP-G3-099.yaml", repository=repo)
    assert [(d.code, d.line, d.column) for d in report] == []
    result = run("validate", "--no-config", "--repository", "repo", "repo/WSP-G3-099.yaml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("$schema: 'http://[x'\n", [("SP120", 1, 10)]),
        ("# yaml-language-server: $schema=http://[x\n", [("SP120", 1, 33)]),
        ("$schema: 'http://h:99999999/p'\n", [("SP120", 1, 10)]),
    ],
)
def test_a_schema_reference_that_is_not_a_url_is_sp120_not_sp000(
    head: str, expected: list[tuple[str, int, int]]
) -> None:
    assert where(head + WSP) == expected
    [found] = findings(head + WSP)
    assert found.message.endswith("is not a valid URL or path") or "not a skillprofiles" in found.message


def test_at_most_n_findings_of_one_code_per_file_then_one_summary(tmp_path: Path) -> None:
    profile = tmp_path / "many.yaml"
    profile.write_text("{" + ", ".join(["a: 1"] * 251) + "}\n")  # 250 duplicate keys
    report = validate(profile, config=Config(select=("SP011",)))
    assert len(report) == 101
    assert [(d.code, d.line, d.column) for d in report][99:] == [("SP011", 1, 602), ("SP011", 1, 608)]
    assert report.diagnostics[-1].message == "150 more findings of SP011 in this file not shown"
    few = validate(profile, config=Config(select=("SP011",), max_findings_per_code=3))
    assert [(d.code, d.column, d.message.split(":")[0]) for d in few][3:] == [
        ("SP011", 26, "247 more findings of SP011 in this file not shown")
    ]
    (tmp_path / ".skillprofiles.yaml").write_text("max_findings_per_code: 10\nselect: [SP011]\n")
    result = run("validate", "--format", "concise", "many.yaml", cwd=tmp_path)
    assert len(result.stdout.splitlines()) == 11 + 1  # ten, the summary, the totals line


def test_sp301_names_other_files_as_related_locations_not_in_the_message(tmp_path: Path) -> None:
    for i in range(300):
        (tmp_path / f"c{i:03}.yaml").write_text(WSP)
    report = validate(tmp_path, config=Config(select=("SP301",)))
    assert [(Path(d.file).name, d.code, d.line, d.column) for d in report][:2] == [
        ("c000.yaml", "SP301", 2, 7),
        ("c001.yaml", "SP301", 2, 7),
    ]
    assert len(report) == 300
    first = report.diagnostics[0]
    assert first.message == "profile code WSP-G3-099 is also used by 299 other files"
    assert [(Path(r.file).name, r.line, r.column) for r in first.related][:2] == [
        ("c001.yaml", 2, 7),
        ("c002.yaml", 2, 7),
    ]
    assert len(first.related) == 10
    document = json.loads(render_json(report, RenderOptions()))
    assert document["diagnostics"][0]["related"][0] == {"file": first.related[0].file, "line": 2, "column": 7}
    assert len(render_json(report, RenderOptions())) < 300 * 3000


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["export", "--to", "markdown", "-o", "WSP-G3-099.yaml", "WSP-G3-099.yaml"], "a file"),
        (["export", "--to", "html", "-o", "link.html", "WSP-G3-099.yaml"], "a file"),
        (["matrix", ".", "--html", "./WSP-G3-099.yaml"], "a profile"),
    ],
)
def test_export_and_matrix_never_write_over_their_inputs(
    tmp_path: Path, command: list[str], message: str
) -> None:
    (tmp_path / "WSP-G3-099.yaml").write_text(WSP)
    (tmp_path / "link.html").symlink_to("WSP-G3-099.yaml")
    result = run(*command, cwd=tmp_path)
    assert result.returncode == 2
    assert f"skillprofiles: error: refusing to write over {message} this run reads: " in result.stderr
    assert (tmp_path / "WSP-G3-099.yaml").read_text() == WSP


def test_a_file_in_a_directory_that_cannot_be_searched_is_sp001_not_sp000(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the tests run as root, who may search any directory: the kernel's answers for a directory
    # without search permission (EACCES from open and lstat) are simulated
    profile = tmp_path / "p.yaml"
    profile.write_text(WSP)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader_module.os, "open", denied)
    monkeypatch.setattr(Path, "is_symlink", denied)
    report = validate(profile)
    assert [(d.code, d.line, d.column, d.message) for d in report] == [
        ("SP001", 1, 1, "cannot read file: Permission denied")
    ]


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["show", "t.yaml"], 1),
        (["export", "--to", "html", "t.yaml"], 1),
        (["compare", "t.yaml", "t.yaml"], 1),
        (["gap", "t.yaml", "t.yaml"], 1),
        (["matrix", "."], 1),
        (["validate", "--catalogue", "t.yaml", "t.yaml"], 2),
        (["validate", "--config", "t.yaml", "t.yaml"], 2),
    ],
)
def test_a_tag_that_does_not_fit_is_a_finding_in_every_command(
    tmp_path: Path, command: list[str], code: int
) -> None:
    (tmp_path / "t.yaml").write_text("x: !!bool maybe\n")
    result = run(*command, cwd=tmp_path)
    assert result.returncode == code
    assert "Traceback" not in result.stdout + result.stderr
    assert "SP000" not in result.stdout + result.stderr
    assert "t.yaml:1:4: SP010" in result.stdout + result.stderr


def _no_second_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a checked file was read a second time")

    monkeypatch.setattr("skillprofiles.render.full.read_lines", refused)
    monkeypatch.setattr("skillprofiles.tuning.baseline._lines", refused)


def test_code_frames_and_fingerprints_use_the_text_the_check_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(WSP)
    report = validate(profile)
    assert [(d.code, d.line, d.column) for d in report] == [("SP303", 2, 7)]
    profile.write_text("changed: after the check\n" * 3)  # a frame or fingerprint read now would be wrong
    _no_second_read(monkeypatch)
    text = render_full(report, RenderOptions(color=False))
    assert "2 | code: WSP-G3-099\n  |       ^^^^^^^^^^ file-name-mismatch" in text
    written = json.loads(dump(report.diagnostics, str(tmp_path / "b.json"), report.excerpts))
    assert [f["fingerprint"] for f in written["findings"]] == [fingerprint("SP303", "code: WSP-G3-099", 0)]
    kept, hidden, stale = load_text_baseline(tmp_path, written).apply(report, report.files, report.excerpts)
    assert (kept, hidden, stale) == ([], 1, [])


def load_text_baseline(folder: Path, document: object) -> Baseline:
    (folder / "b.json").write_text(json.dumps(document))
    return load_baseline(str(folder / "b.json"))


def test_a_run_keeps_a_window_per_finding_never_a_long_line(tmp_path: Path) -> None:
    profile = tmp_path / "long.yaml"
    profile.write_text("{" + ", ".join(["a: 1"] * 6000) + "}\n")  # 36 KB on one line
    report = validate(profile, config=Config(select=("SP011",), max_findings_per_code=3))
    assert [(d.code, d.line, d.column) for d in report] == [
        ("SP011", 1, 8), ("SP011", 1, 14), ("SP011", 1, 20), ("SP011", 1, 26)
    ]  # fmt: skip
    [excerpt] = report.excerpts[str(profile)].values()
    assert (excerpt.length, len(excerpt.windows)) == (36_000, 1)  # the columns shown share a window
    assert all(len(text) <= 120 for _, text in excerpt.windows)
    assert (
        excerpt.content
        == "sha256:" + hashlib.sha256(" ".join(profile.read_text().split()).encode()).hexdigest()
    )
    assert content_of("x " * 10) == "x x x x x x x x x x"


def test_excerpts_cross_process_boundaries_and_jobs_give_the_same_report(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"p{i}.yaml").write_text(WSP.replace("Test Profile", f"Profile {i}"))
    serial = Checker(jobs=1).check_paths([tmp_path])
    parallel = Checker(jobs=2).check_paths([tmp_path])
    assert serial == parallel
    assert [(Path(f).name, sorted(lines)) for f, lines in parallel.excerpts.items()] == [
        ("p0.yaml", [2]), ("p1.yaml", [2]), ("p2.yaml", [2])
    ]  # fmt: skip
    options = RenderOptions(color=False)
    assert render_full(serial, options) == render_full(parallel, options)


def test_writing_to_a_device_or_a_pipe_writes_in_place_never_replacing_it(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(WSP)
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a null device, as /dev/null is
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here")
    for flags in (["-o", "null"], ["--write-baseline", "null"]):
        result = run("validate", "--no-config", *flags, "p.yaml", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, "")
        assert stat.S_ISCHR(os.stat(device).st_mode)  # os.replace would have made it a regular file
    os.mkfifo(tmp_path / "pipe")  # nobody reads it: an error at once, not a wait
    result = run("validate", "--no-config", "-o", "pipe", "p.yaml", cwd=tmp_path, timeout=30)
    assert (result.returncode, result.stderr) == (
        2,
        "skillprofiles: error: cannot write pipe: No such device or address\n",
    )
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe").st_mode)
