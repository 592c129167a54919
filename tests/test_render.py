"""Every renderer on hand-made reports: exact layout, and hostile profile text shown literally and safely."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from skillprofiles.diagnostics import Diagnostic, Report, Severity, Span
from skillprofiles.render import RENDERERS, RenderOptions
from skillprofiles.render import full as full_module
from skillprofiles.render.github import escape_data, escape_property, render_github_summary
from skillprofiles.textsafe import json_dumps, printable

# terminal escapes, rich markup, CR/LF, a workflow command, percent-encoding, XML/HTML, a bidi override
HOSTILE = "\x1b[31mred\x1b[0m [bold red]x[/] :smile: a\r\nb\n::error::x %0A 100% <&> \u202eevil"
SPAN = Span(2, 10, 2, 13)
SGR = re.compile(r"\x1b\[[0-9;]*m")


def diag(
    message: str = "'e-6' is not a proficiency level",
    file: str = "p.yaml",
    span: Span = SPAN,
    severity: Severity = Severity.ERROR,
    hint: str | None = "use e-1",
    code: str = "SP105",
    rule: str = "invalid-value",
) -> Diagnostic:
    return Diagnostic(code, rule, severity, message, file, span, hint, ("levels", 0))


def report(*diagnostics: Diagnostic, files: tuple[str, ...] = ("p.yaml",)) -> Report:
    result = Report(list(diagnostics), list(files))
    return result.finish()


def hostile_report() -> Report:
    return report(
        diag(HOSTILE, hint=HOSTILE), diag(HOSTILE, severity=Severity.WARNING, span=Span(3, 1, 4, 1))
    )


@pytest.fixture
def profile_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text("template: wsp-g3\nlevels: [e-6]\nnext: 1\n", encoding="utf-8")
    return tmp_path


# --- concise and text -------------------------------------------------------------------------------


def test_concise_is_one_line_per_finding_and_text_adds_hints() -> None:
    r = report(diag(), diag("second", span=Span(3, 1, 3, 2), hint=None, severity=Severity.WARNING))
    concise = RENDERERS["concise"](r, RenderOptions())
    assert concise.splitlines() == [
        "p.yaml:2:10: SP105 error 'e-6' is not a proficiency level",
        "p.yaml:3:1: SP105 warning second",
        "Found 1 error, 1 warning, 0 infos in 1 file checked.",
    ]
    text = RENDERERS["text"](r, RenderOptions())
    assert text.splitlines()[1] == "    hint: use e-1"
    assert RENDERERS["text"](r, RenderOptions(show_hints=False)) == concise


@pytest.mark.parametrize("name", ["concise", "text", "github"])
def test_line_formats_keep_hostile_text_on_its_line(name: str) -> None:
    output = RENDERERS[name](hostile_report(), RenderOptions())
    assert "\x1b" not in output
    assert "\r" not in output
    assert "\u202e" not in output
    # one line per finding (plus hint lines in text) and the summary: no newline came from the profile
    expected = {"concise": 3, "text": 5, "github": 3}[name]
    assert len(output.splitlines()) == expected
    assert "\\e[31mred\\e[0m [bold red]x[/] :smile: a\\r\\nb\\n::error::x" in output.replace("%25", "%")


# --- full ---------------------------------------------------------------------------------------------


def test_full_plain_shows_the_line_and_a_caret_under_the_span(profile_dir: Path) -> None:
    output = RENDERERS["full"](report(diag()), RenderOptions())
    assert output.splitlines() == [
        "p.yaml (1 finding)",
        "error[SP105]: 'e-6' is not a proficiency level",
        " --> p.yaml:2:10",
        "  |",
        "2 | levels: [e-6]",
        "  |          ^^^ invalid-value",
        "  = hint: use e-1",
        "",
        "Found 1 error, 0 warnings, 0 infos in 1 file checked.",
    ]


def test_full_groups_by_file_with_one_gutter_width(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text("x: 1\n" * 12, encoding="utf-8")
    r = report(
        diag("m1", "a.yaml", Span(2, 1, 2, 2), hint=None),
        diag("m2", "a.yaml", Span(12, 4, 12, 5), hint=None),
        diag("m3", "gone.yaml", Span(1, 1, 1, 1), hint=None),
        files=("a.yaml", "gone.yaml"),
    )
    lines = RENDERERS["full"](r, RenderOptions()).splitlines()
    assert lines[0] == "a.yaml (2 findings)"
    assert lines[4] == " 2 | x: 1"
    assert lines[10:12] == ["12 | x: 1", "   |    ^ invalid-value"]
    # a file that cannot be read: no source frame, the rule is still named
    assert lines[13:17] == [
        "gone.yaml (1 finding)",
        "error[SP105]: m3",
        " --> gone.yaml:1:1",
        "  = rule: invalid-value",
    ]


@pytest.mark.parametrize(
    ("line", "span", "caret_line"),
    [
        # wide characters take two cells: the caret stays under e-6
        ("title: 日本 e-6", Span(2, 11, 2, 14), "  |             ^^^ r"),
        # a tab is shown as four spaces, the caret follows
        ("a: x\ty", Span(2, 6, 2, 7), "  |         ^ r"),
        # a span that runs onto later lines is underlined to the end of its first line
        ("key: value", Span(2, 6, 5, 1), "  |      ^^^^^ r"),
        # an insertion point past the end of the line still gets one caret
        ("ab", Span(2, 5, 2, 5), "  |     ^ r"),
        # control characters in the source are escaped and the caret counts their escapes
        ("t: \x1b[31m x", Span(2, 10, 2, 11), "  | " + " " * 10 + "^ r"),
    ],
)
def test_full_caret_alignment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, span: Span, caret_line: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(f"first: 1\n{line}\n", encoding="utf-8")
    lines = RENDERERS["full"](report(diag("m", span=span, hint=None, rule="r")), RenderOptions()).splitlines()
    assert lines[4] == "2 | " + printable(line.replace("\t", "    "))
    assert lines[5] == caret_line


def test_full_colour_is_rich_styling_around_the_same_literal_text(profile_dir: Path) -> None:
    r = hostile_report()
    plain = RENDERERS["full"](r, RenderOptions(color=False))
    coloured = RENDERERS["full"](r, RenderOptions(color=True))
    assert "\x1b[1;31merror" in coloured  # the severity is bold red
    stripped = SGR.sub("", coloured)
    assert "\x1b" not in stripped  # every escape left came from rich's styles, none from the profile
    assert [line.rstrip() for line in stripped.splitlines()] == plain.splitlines()
    assert "[bold red]x[/] :smile:" in plain  # markup and emoji codes are not interpreted


def test_full_reads_source_only_for_files_with_findings(
    profile_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, set[int]]] = []

    def spy(file: str, wanted: set[int]) -> dict[int, str]:
        calls.append((file, set(wanted)))
        return {}

    monkeypatch.setattr(full_module, "read_lines", spy)
    r = report(
        diag(file="b.yaml"), diag(file="b.yaml", span=Span(7, 1, 7, 2)), files=("a.yaml", "b.yaml", "c.yaml")
    )
    RENDERERS["full"](r, RenderOptions())
    assert calls == [("b.yaml", {2, 7})]
    RENDERERS["full"](r, RenderOptions(show_source=False))
    assert len(calls) == 1


# --- json ---------------------------------------------------------------------------------------------


def test_json_keeps_exact_text_but_escapes_what_a_terminal_obeys() -> None:
    output = RENDERERS["json"](hostile_report(), RenderOptions())
    for raw in ("\x1b", "\r", "\u202e", "\x9b"):
        assert raw not in output
    assert "\\u202e" in output
    document = json.loads(output)
    assert document["diagnostics"][0]["message"] == HOSTILE
    assert json.loads(json_dumps({"a": "\x9b2J é"})) == {"a": "\x9b2J é"}
    assert "é" in json_dumps({"a": "é"})  # non-ASCII text stays readable


# --- github -------------------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Parse a workflow command the way the Actions runner does (::name k=v,k=v::data)."""
    assert line.startswith("::")
    end = line.index("::", 2)
    name, _, props = line[2:end].partition(" ")
    properties = dict(part.split("=", 1) for part in props.split(",")) if props else {}
    return name, {k: _unescape(v) for k, v in properties.items()}, _unescape(line[end + 2 :])


def test_github_escaping_follows_the_runner() -> None:
    assert escape_data("100% a\r\nb:c,d") == "100%25 a%0D%0Ab:c,d"
    assert escape_property("100% a\r\nb:c,d") == "100%25 a%0D%0Ab%3Ac%2Cd"


def test_github_annotations_round_trip_and_cannot_be_injected() -> None:
    weird = "dir,x/we:ird %0A.yaml"
    r = report(
        diag(HOSTILE, file=weird, hint=HOSTILE),
        diag(HOSTILE, file=weird, span=Span(3, 1, 4, 1), severity=Severity.INFO),
        files=(weird,),
    )
    lines = RENDERERS["github"](r, RenderOptions()).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 2
    assert len(lines) == 3
    name, props, data = parse_command(commands[0])
    assert name == "error"
    assert props == {
        "file": weird,
        "line": "2",
        "endLine": "2",
        "col": "10",
        "endColumn": "13",
        "title": "SP105 invalid-value",
    }
    assert data == printable(HOSTILE) + "\nhint: " + printable(HOSTILE)
    name, props, data = parse_command(commands[1])
    assert name == "notice"
    assert "col" not in props  # a span over lines 3-4 of a file that cannot be read: its first line
    assert (props["line"], props["endLine"]) == ("3", "3")
    assert data == printable(HOSTILE) + "\nhint: use e-1"  # the only line break is the one before the hint


def test_github_summary_is_inert_markdown() -> None:
    r = report(diag("a | b ![img](http://x) <script>&amp; *em*", file="x_y.yaml"), files=("x_y.yaml",))
    summary = render_github_summary(r, RenderOptions())
    row = summary.splitlines()[-1]
    assert row == (
        "| x\\_y.yaml | 2 | 10 | SP105 invalid-value | error | "
        "a \\| b !\\[img\\](http://x) &lt;script\\>&amp;amp; \\*em\\* |"
    )
    assert summary.startswith("## skillprofiles\n\nFound 1 error, 0 warnings, 0 infos in 1 file checked.")


def test_github_summary_is_capped() -> None:
    r = report(*(diag(f"m{i}", span=Span(i, 1, i, 2)) for i in range(1, 602)))
    lines = render_github_summary(r, RenderOptions()).splitlines()
    assert sum(1 for line in lines if line.startswith("| p.yaml")) == 500
    assert lines[-1] == "… and 101 more; see the annotations or the job log."


# --- junit --------------------------------------------------------------------------------------------


def test_junit_one_case_per_file_failures_at_threshold() -> None:
    r = report(
        diag(file="a.yaml"),
        diag("only a warning", file="b.yaml", severity=Severity.WARNING, hint=None),
        files=("a.yaml", "b.yaml", "c.yaml"),
    )
    root = ET.fromstring(RENDERERS["junit"](r, RenderOptions()))
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.attrib["tests"] == "3"
    assert suite.attrib["failures"] == "1"
    cases = {case.attrib["name"]: case for case in suite.iter("testcase")}
    assert list(cases) == ["a.yaml", "b.yaml", "c.yaml"]
    failure = cases["a.yaml"].find("failure")
    assert failure is not None
    assert failure.attrib["type"] == "SP105"
    assert (
        failure.text
        == "2:10: SP105 error 'e-6' is not a proficiency level (invalid-value)\n    hint: use e-1\n"
    )
    assert cases["b.yaml"].find("failure") is None
    assert cases["b.yaml"].findtext("system-out") == "2:10: SP105 warning only a warning (invalid-value)\n"
    assert len(cases["c.yaml"]) == 0
    warning_fails = ET.fromstring(RENDERERS["junit"](r, RenderOptions(fail_on=Severity.WARNING)))
    assert warning_fails.attrib["failures"] == "2"
    never = ET.fromstring(RENDERERS["junit"](r, RenderOptions(fail_on=None)))
    assert never.attrib["failures"] == "0"


def test_junit_stays_well_formed_with_hostile_text() -> None:
    nasty = HOSTILE + "\x00\x07\ufffe\ud800]]>"
    r = report(diag(nasty, file="<&>\x01.yaml", hint=nasty), files=("<&>\x01.yaml",))
    output = RENDERERS["junit"](r, RenderOptions())
    root = ET.fromstring(output)  # raises on any character XML 1.0 forbids
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.attrib["name"] == "<&>\\u0001.yaml"
    failure = case.find("failure")
    assert failure is not None
    assert failure.text is not None
    assert (
        "[bold red]x[/] :smile: a\\r\\nb\\n::error::x %0A 100% <&> \\u202eevil\\u0000\\u0007\\ufffe\\ud800]]>"
        in failure.text
    )


# --- every renderer -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_no_renderer_lets_a_raw_control_character_through(name: str, profile_dir: Path) -> None:
    output = RENDERERS[name](hostile_report(), RenderOptions())
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", output.replace("\r\n", "\n"))
    assert output.endswith("\n")


def test_the_registry_lists_every_format() -> None:
    assert sorted(RENDERERS) == ["concise", "full", "github", "json", "junit", "sarif", "text"]


def test_read_lines_reads_the_wanted_lines_in_any_encoding(tmp_path: Path) -> None:
    from skillprofiles.render.source import read_lines

    text = "a: 1\r\nb: é\rc: 3\nd: 4\u2028e: 5\n"
    (tmp_path / "u8.yaml").write_bytes(text.encode("utf-8"))
    (tmp_path / "u16.yaml").write_bytes(text.encode("utf-16"))  # with a byte order mark
    for name in ("u8.yaml", "u16.yaml"):
        assert read_lines(str(tmp_path / name), [2, 5, 9, 0]) == {2: "b: é", 5: "e: 5"}
    assert read_lines(str(tmp_path / "missing.yaml"), [1]) == {}
    assert read_lines(str(tmp_path / "u8.yaml"), []) == {}


def test_github_names_files_relative_to_the_workspace(tmp_path: Path) -> None:
    inside, outside = str(tmp_path / "repo" / "profiles" / "a.yaml"), str(tmp_path / "other.yaml")
    r = report(diag(file=inside), diag(file=outside), files=(inside, outside))
    lines = RENDERERS["github"](r, RenderOptions(root=tmp_path / "repo")).splitlines()
    assert [parse_command(line)[1]["file"] for line in lines[:2]] == [outside, "profiles/a.yaml"]
