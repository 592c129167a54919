"""Tuning works unchanged for a rule registered after the fact (as the catalogue rules will be)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.minimal import WSP

SCRIPT = textwrap.dedent(
    """
    import sys
    from collections.abc import Iterator

    from skillprofiles.cli import main
    from skillprofiles.diagnostics import Severity
    from skillprofiles.rules.base import Finding, rule


    @rule("SP299", "late-test-rule", Severity.WARNING)
    def late(profile: object, ctx: object) -> Iterator[Finding]:
        '''Flags every title.

        Why: to test tuning. Passing: none. Failing: any.
        '''
        yield Finding("a title", ("title",))


    sys.exit(main(sys.argv[1:]))
    """
)


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "late.py"
    script.write_text(SCRIPT, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, cwd=tmp_path, check=False
    )


def test_a_late_rule_is_listed_selected_tuned_and_suppressed(tmp_path: Path) -> None:
    (tmp_path / "WSP-G3-099.yaml").write_text(WSP, encoding="utf-8")
    listed = run(tmp_path, "rules", "SP29")
    assert listed.stdout.splitlines()[1] == "SP299  late-test-rule  warning   -    Flags every title."
    plain = run(tmp_path, "validate", "--no-hints", "WSP-G3-099.yaml")
    assert plain.stdout.splitlines()[0] == "WSP-G3-099.yaml:3:8: SP299 warning a title"
    assert plain.returncode == 0
    tuned = run(
        tmp_path, "validate", "--select", "SP29", "--severity", "late-test-rule=error", "WSP-G3-099.yaml"
    )
    assert tuned.stdout.splitlines()[0] == "WSP-G3-099.yaml:3:8: SP299 error a title"
    assert tuned.returncode == 1
    (tmp_path / "q").mkdir()  # profiles are named after their code (SP303), so the second one gets a folder
    (tmp_path / "q" / "WSP-G3-099.yaml").write_text(
        WSP.replace("title: Test Profile", "title: Test Profile  # skillprofiles: ignore[late-test-rule]"),
        encoding="utf-8",
    )
    assert run(tmp_path, "validate", "q/WSP-G3-099.yaml").stdout == "All checks passed (1 file checked).\n"
    (tmp_path / ".skillprofiles.yaml").write_text("ignore: [SP29]\n", encoding="utf-8")
    assert run(tmp_path, "validate", "WSP-G3-099.yaml").stdout == "All checks passed (1 file checked).\n"


REPOSITORY_SCRIPT = textwrap.dedent(
    """
    import sys

    from skillprofiles.engine.checker import Checker
    from skillprofiles.diagnostics import Diagnostic, Severity, Span
    from skillprofiles.codes.registry import declare

    entry = declare("SP399", "late-repository-rule", Severity.ERROR, "Doc. Why: x. Passing: x. Failing: x.",
                    scope="repository")
    checker = Checker()
    result = checker.check_file(__import__("pathlib").Path(sys.argv[1]), "p.yaml")
    where = Span.point(int(sys.argv[2]), 1)
    late = Diagnostic(entry.code, entry.name, entry.severity, "late", "p.yaml", where)
    for repository, extra in ((False, ()), (True, ()), (True, (late,))):
        report = checker.finish([result], extra, repository=repository)
        print(repository, len(extra), [(d.code, d.line, d.column) for d in report])
    """
)


def test_suppressions_of_repository_rules_are_unused_only_when_those_rules_ran(tmp_path: Path) -> None:
    script = tmp_path / "repo.py"
    script.write_text(REPOSITORY_SCRIPT, encoding="utf-8")
    profile = tmp_path / "p.yaml"
    profile.write_text(
        WSP.replace("title: Test Profile", "title: Test Profile  # skillprofiles: ignore[SP399]"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script), str(profile), "3"], capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines() == [
        "False 0 []",  # the repository rules did not run: the suppression may be needed
        "True 0 [('SP901', 3, 46)]",  # they ran and reported nothing here
        "True 1 []",  # their finding on line 3 is suppressed
    ], result.stderr
