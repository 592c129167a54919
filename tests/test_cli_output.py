"""The output flags end to end: --format, --color, NO_COLOR, terminals, and the GitHub step summary."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.minimal import WSP

BAD = WSP.replace("levels: [e-2]", "levels: [e-6]")
SGR = re.compile(r"\x1b\[[0-9;]*m")
FINDING = "bad.yaml:15:14: SP105 error 'e-6' is not a proficiency level"


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_STEP_SUMMARY")}
    command = [sys.executable, "-m", "skillprofiles", "validate", *args]
    return subprocess.run(
        command, cwd=cwd, env={**environment, **(env or {})}, capture_output=True, text=True, check=False
    )


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_piped_default_is_text_without_colour(bad: Path) -> None:
    result = run("bad.yaml", cwd=bad)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [FINDING, "    hint: use e-1, e-2, e-3, e-4 or e-5"]


@pytest.mark.parametrize(("color", "ansi"), [("always", True), ("never", False), ("auto", False)])
def test_color_flag(bad: Path, color: str, ansi: bool) -> None:
    result = run("--format", "full", "--color", color, "bad.yaml", cwd=bad)
    assert result.returncode == 1
    assert ("\x1b[1;31merror" in result.stdout) is ansi
    assert ("\x1b" in result.stdout) is ansi
    assert "15 |     levels: [e-6]" in SGR.sub("", result.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("no_color", "ansi"), [(None, True), ("1", False)])
def test_on_a_terminal_full_is_the_default_and_no_color_is_honoured(
    bad: Path, no_color: str | None, ansi: bool
) -> None:
    import pty

    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        environment["NO_COLOR"] = no_color
    command = [sys.executable, "-m", "skillprofiles", "validate", "bad.yaml"]
    process = subprocess.Popen(command, cwd=bad, env=environment, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 1
    output = b"".join(chunks).decode("utf-8")
    assert "error[SP105]: 'e-6' is not a proficiency level" in SGR.sub("", output)
    assert "^^^" in output
    assert ("\x1b[" in output) is ansi


def test_github_format_appends_to_the_step_summary(bad: Path) -> None:
    summary = bad / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    for _ in range(2):
        result = run("--format", "github", "bad.yaml", cwd=bad, env={"GITHUB_STEP_SUMMARY": str(summary)})
        assert result.returncode == 1
        assert result.stdout.startswith(
            "::error file=bad.yaml,line=15,endLine=15,col=14,endColumn=17,title=SP105"
        )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## skillprofiles\n")
    assert text.count("| bad.yaml | 15 | 14 | SP105 invalid-value | error |") == 2


def test_other_formats_leave_the_step_summary_alone_unless_asked(bad: Path) -> None:
    summary = bad / "summary.md"
    run("--format", "concise", "bad.yaml", cwd=bad, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()
    result = run("--format", "concise", "--github-summary", "out.md", "bad.yaml", cwd=bad)
    assert result.stdout.splitlines()[0] == FINDING
    assert "| bad.yaml | 15 | 14 |" in (bad / "out.md").read_text(encoding="utf-8")


def test_an_unwritable_summary_warns_but_the_report_stands(bad: Path) -> None:
    result = run("--format", "concise", "--github-summary", "no/such/dir.md", "bad.yaml", cwd=bad)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == FINDING
    assert result.stderr.startswith("skillprofiles: warning: cannot write the summary to no/such/dir.md")


@pytest.mark.parametrize(
    ("fmt", "first"),
    [
        ("concise", FINDING),
        ("json", "{"),
        ("sarif", "{"),
        ("junit", '<?xml version="1.0" encoding="UTF-8"?>'),
        ("full", "bad.yaml (1 finding)"),
    ],
)
def test_every_format_from_the_command_line(bad: Path, fmt: str, first: str) -> None:
    result = run("--format", fmt, "bad.yaml", cwd=bad)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == first


def test_output_file_is_never_coloured(bad: Path) -> None:
    run("--format", "full", "-o", "out.txt", "bad.yaml", cwd=bad)
    assert "\x1b" not in (bad / "out.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("flags", "loaded"),
    [
        (("--format", "full", "--color", "never"), set()),
        (("--format", "text"), set()),
        (("--format", "full", "--color", "always"), {"rich"}),
        (("--format", "junit"), {"xml.etree.ElementTree"}),
        (("--format", "json"), {"skillprofiles.render.report_model"}),
    ],
)
def test_heavy_modules_load_only_for_the_format_that_needs_them(
    bad: Path, flags: tuple[str, ...], loaded: set[str]
) -> None:
    heavy = {"rich", "xml.etree.ElementTree", "skillprofiles.render.report_model", "jsonschema"}
    script = (
        "import sys; from skillprofiles.cli import main; code = main(sys.argv[1:]); "
        f"sys.stderr.write(repr(sorted(m for m in {sorted(heavy)!r} if m in sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "validate", *flags, "bad.yaml"],
        cwd=bad, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.stderr == repr(sorted(loaded))
