"""Configuration files and flags, end to end: discovery, precedence, positions of mistakes, exit codes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from skillprofiles.diagnostics import Severity
from skillprofiles.tuning.config import Config
from skillprofiles.tuning.files import ConfigError, find_config, load_config
from tests.minimal import WSP

# SP107 at 2:7 and SP105 at 15:14
LEGACY = WSP.replace("code: WSP-G3-099", "code: WSP-99").replace("levels: [e-2]", "levels: [e-6]")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def findings(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if ": SP" in line]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path / "profiles" / "p.yaml", LEGACY)
    write(tmp_path / "legacy" / "old" / "p.yaml", LEGACY)
    return tmp_path


def test_yaml_file_every_key(repo: Path) -> None:
    write(repo / "cat.yaml", "versions: {}\n")
    path = write(
        repo / ".skillprofiles.yaml",
        """\
        select: [SP1, SP9]
        ignore: [SP104]
        severity: {SP105: warning, invalid-profile-code: info, SP106: off}
        fail_on: warning
        default_ecf_version: '3.0'
        catalogue: cat.yaml
        baseline: baseline.json
        per_path:
          - paths: ["legacy/**"]
            ignore: [SP105]
            severity: {SP107: error}
        max_file_size: 4096
        max_depth: 16
        allow_aliases: true
        """,
    )
    config = load_config(path)
    assert config.select == ("SP1", "SP9")
    assert config.ignore == ("SP104", "SP106")
    assert config.severities == {"SP105": Severity.WARNING, "invalid-profile-code": Severity.INFO}
    assert config.fail_on is Severity.WARNING
    assert config.default_ecf_version == "3.0"
    assert config.catalogue_path == str(repo / "cat.yaml")
    assert config.baseline_path == str(repo / "baseline.json")
    assert (config.limits.max_bytes, config.limits.max_depth, config.limits.allow_aliases) == (4096, 16, True)
    [override] = config.per_path
    assert (override.patterns, override.root, override.ignore) == (("legacy/**",), str(repo), ("SP105",))
    assert override.severities == {"SP107": Severity.ERROR}


def test_found_upward_and_applied(repo: Path) -> None:
    write(
        repo / ".skillprofiles.yaml",
        """\
        severity: {SP105: warning, SP107: info}
        per_path:
          - paths: ["legacy/**"]
            ignore: [invalid-value]
            severity: {SP107: error}
        """,
    )
    assert find_config(repo / "profiles") == repo / ".skillprofiles.yaml"
    result = run("validate", "--no-hints", "p.yaml", "../legacy", cwd=repo / "profiles")
    assert findings(result) == [
        "../legacy/old/p.yaml:2:7: SP107 error 'WSP-99' is not a WSP-G3 code",
        "p.yaml:2:7: SP107 info 'WSP-99' is not a WSP-G3 code",
        "p.yaml:15:14: SP105 warning 'e-6' is not a proficiency level",
    ]
    assert result.returncode == 1
    only_here = run("validate", "p.yaml", cwd=repo / "profiles")
    assert only_here.returncode == 0  # warnings and infos do not reach the default threshold, error


def test_pyproject_table_and_precedence_of_yaml(repo: Path) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.skillprofiles]\nignore = ["SP105"]\n')
    assert find_config(repo / "profiles") == repo / "pyproject.toml"
    assert findings(run("validate", "--no-hints", "profiles", cwd=repo)) == [
        "profiles/p.yaml:2:7: SP107 error 'WSP-99' is not a WSP-G3 code"
    ]
    write(repo / "profiles" / ".skillprofiles.yaml", "ignore: [SP107]\n")
    assert find_config(repo / "profiles") == repo / "profiles" / ".skillprofiles.yaml"


def test_pyproject_without_the_table_is_passed_over(repo: Path) -> None:
    write(repo / ".skillprofiles.yaml", "ignore: [SP1]\n")
    write(repo / "profiles" / "pyproject.toml", '[project]\nname = "skillprofiles-data"\n')
    assert find_config(repo / "profiles") == repo / ".skillprofiles.yaml"


def test_flags_override_the_file(repo: Path) -> None:
    write(repo / ".skillprofiles.yaml", "ignore: [SP107]\nseverity: {SP105: warning}\nfail_on: never\n")
    assert findings(run("validate", "--no-hints", "profiles", cwd=repo)) == [
        "profiles/p.yaml:15:14: SP105 warning 'e-6' is not a proficiency level"
    ]
    assert run("validate", "profiles", cwd=repo).returncode == 0  # fail_on: never
    assert run("validate", "--fail-on", "warning", "profiles", cwd=repo).returncode == 1
    # a --select on the command line starts afresh: the file's ignore goes with it
    selected = run("validate", "--no-hints", "--select", "SP107", "profiles", cwd=repo)
    assert findings(selected) == ["profiles/p.yaml:2:7: SP107 error 'WSP-99' is not a WSP-G3 code"]
    # --ignore adds to the file's ignores; --severity overrides the file's severities
    both = run("validate", "--no-hints", "--ignore", "SP1", "profiles", cwd=repo)
    assert findings(both) == []
    louder = run("validate", "--no-hints", "--severity", "SP105=error", "profiles", cwd=repo)
    assert findings(louder) == ["profiles/p.yaml:15:14: SP105 error 'e-6' is not a proficiency level"]
    assert findings(run("validate", "--no-config", "--no-hints", "profiles", cwd=repo)) == [
        "profiles/p.yaml:2:7: SP107 error 'WSP-99' is not a WSP-G3 code",
        "profiles/p.yaml:15:14: SP105 error 'e-6' is not a proficiency level",
    ]


def test_explicit_config_file(repo: Path) -> None:
    write(repo / "conf" / "strict.yaml", "severity: {SP1: info}\n")
    result = run("validate", "--no-hints", "--config", "conf/strict.yaml", "profiles", cwd=repo)
    assert findings(result) == [
        "profiles/p.yaml:2:7: SP107 info 'WSP-99' is not a WSP-G3 code",
        "profiles/p.yaml:15:14: SP105 info 'e-6' is not a proficiency level",
    ]
    assert result.returncode == 0


def test_yaml_mistakes_each_at_their_position(repo: Path) -> None:
    path = write(
        repo / ".skillprofiles.yaml",
        """\
        selct: [SP1]
        ignore: [SP1O4, missing-sectoin]
        severity: {SP105: loud, SP999: warning}
        fail_on: 3
        default_ecf_version: 2.0
        catalogue: nowhere.yaml
        per_path:
          - paths: ["legacy/**"]
            severty: {}
        max_depth: -1
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert [(d.code, d.line, d.column, d.message) for d in caught.value.diagnostics] == [
        ("SP910", 1, 1, "unknown key 'selct' (did you mean 'select'?)"),
        ("SP910", 2, 10, "ignore.0: 'SP1O4' matches no rule (did you mean 'SP104'?)"),
        ("SP910", 2, 17, "ignore.1: 'missing-sectoin' matches no rule (did you mean 'missing-section'?)"),
        ("SP910", 3, 19, "severity.SP105: 'loud' is not a severity; use error, warning, info or off"),
        ("SP910", 3, 25, "severity.SP999: 'SP999' matches no rule (did you mean 'SP911'?)"),
        ("SP910", 4, 10, "fail_on: Input should be 'error', 'warning', 'info' or 'never'"),
        ("SP910", 5, 22, "default_ecf_version: Input should be a valid string"),
        ("SP910", 6, 12, "catalogue: no such file 'nowhere.yaml' (relative to the configuration file)"),
        ("SP910", 9, 5, "unknown key 'per_path.0.severty' (did you mean 'severity'?)"),
        ("SP910", 10, 12, "max_depth: Input should be greater than 0"),
    ]


def test_yaml_syntax_error_in_the_config(repo: Path) -> None:
    path = write(repo / ".skillprofiles.yaml", "ignore: [SP1\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert [(d.code, d.line, d.column, d.message) for d in caught.value.diagnostics] == [
        ("SP010", 1, 9, "YAML syntax error: the '[' opened here is not closed")
    ]  # where the mistake starts, not the end of the file where libyaml notices it
    assert load_config(write(repo / "empty.yaml", "# nothing yet\n")) == Config(
        source=str(repo / "empty.yaml")
    )


def test_toml_mistakes_at_their_key(repo: Path) -> None:
    path = write(
        repo / "pyproject.toml",
        """\
        [project]
        name = "x"

        [tool.skillprofiles]
        select = ["SP1"]
        ignroe = ["SP104"]
        fail_on = "sometimes"

        [tool.skillprofiles.severity]
        SP1O7 = "info"

        [[tool.skillprofiles.per_path]]
        paths = ["legacy/**"]
        severity = {SP101 = "loud"}
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert [(d.line, d.column, d.message) for d in caught.value.diagnostics] == [
        (6, 1, "unknown key 'ignroe' (did you mean 'ignore'?)"),
        (7, 1, "fail_on: Input should be 'error', 'warning', 'info' or 'never'"),
        (9, 21, "severity.SP1O7: 'SP1O7' matches no rule (did you mean 'SP107'?)"),
        (12, 22, "per_path.0.severity.SP101: 'loud' is not a severity; use error, warning, info or off"),
    ]


def test_toml_syntax_error(repo: Path) -> None:
    path = write(repo / "pyproject.toml", "[tool.skillprofiles]\nselect = [SP1]\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    [problem] = caught.value.diagnostics
    assert (problem.code, problem.line, problem.column) == ("SP910", 2, 11)
    assert problem.message.startswith("invalid TOML: Invalid value")


def test_config_errors_exit_2_with_positions(repo: Path) -> None:
    write(repo / ".skillprofiles.yaml", "ignore: [SP1O4]\n")
    result = run("validate", "profiles", cwd=repo)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"skillprofiles: error: {repo / '.skillprofiles.yaml'}:1:10: SP910 ignore.0: 'SP1O4' matches no rule"
        " (did you mean 'SP104'?)\n"
    )
    assert run("validate", "--no-config", "profiles", cwd=repo).returncode == 1
    named = run("validate", "--config", "absent.yaml", "profiles", cwd=repo)
    assert named.returncode == 2
    assert "absent.yaml:1:1: SP910 cannot read configuration" in named.stderr


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (("--select", "SP7"), "'SP7' matches no rule"),
        (
            ("--ignore", "SP105,invalid-valeu"),
            "'invalid-valeu' matches no rule (did you mean 'invalid-value'?)",
        ),
        (("--severity", "SP105"), "--severity 'SP105': write RULE=LEVEL, e.g. SP104=warning"),
        (("--severity", "SP105=loud"), "unknown severity 'loud'; use error, warning, info or off"),
        (("--severity", "SP1O5=info"), "'SP1O5' matches no rule (did you mean 'SP105'?)"),
    ],
)
def test_bad_flags_exit_2(repo: Path, flags: tuple[str, ...], message: str) -> None:
    result = run("validate", "--no-config", *flags, "profiles", cwd=repo)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        ((), 1),  # two errors
        (("--severity", "SP1=warning"), 0),  # warnings do not reach the default threshold
        (("--severity", "SP1=warning", "--fail-on", "warning"), 1),
        (("--severity", "SP1=info", "--fail-on", "warning"), 0),
        (("--severity", "SP1=info", "--fail-on", "info"), 1),
        (("--fail-on", "never"), 0),
        (("--severity", "SP105=off,SP107=off", "--fail-on", "info"), 0),
        (("--select", "SP107", "--severity", "SP107=warning", "--fail-on", "error"), 0),
        (("--select", "SP107,SP105", "--ignore", "SP105"), 1),
    ],
)
def test_fail_on_thresholds_and_exit_codes(repo: Path, flags: tuple[str, ...], code: int) -> None:
    assert run("validate", "--no-config", *flags, "profiles", cwd=repo).returncode == code
