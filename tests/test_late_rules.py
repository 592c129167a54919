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
    from skillprofiles.rules.registry import Finding, rule


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
    (tmp_path / "p.yaml").write_text(WSP, encoding="utf-8")
    listed = run(tmp_path, "rules", "SP2")
    assert listed.stdout.splitlines()[1] == "SP299  late-test-rule  warning   Flags every title."
    plain = run(tmp_path, "validate", "--no-hints", "p.yaml")
    assert plain.stdout.splitlines()[0] == "p.yaml:3:8: SP299 warning a title"
    assert plain.returncode == 0
    tuned = run(tmp_path, "validate", "--select", "SP2", "--severity", "late-test-rule=error", "p.yaml")
    assert tuned.stdout.splitlines()[0] == "p.yaml:3:8: SP299 error a title"
    assert tuned.returncode == 1
    (tmp_path / "q.yaml").write_text(
        WSP.replace("title: Test Profile", "title: Test Profile  # skillprofiles: ignore[late-test-rule]"),
        encoding="utf-8",
    )
    assert run(tmp_path, "validate", "q.yaml").stdout == "All checks passed (1 file checked).\n"
    (tmp_path / ".skillprofiles.yaml").write_text("ignore: [SP29]\n", encoding="utf-8")
    assert run(tmp_path, "validate", "p.yaml").stdout == "All checks passed (1 file checked).\n"
