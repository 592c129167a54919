"""Regenerate the committed artefacts that tests compare against: the report schema, the output examples and
the packaged catalogue's JSON twin.

Run from the checkout: ``.venv/bin/python -m tests.regenerate``
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from skillprofiles.catalogue.twin import twin_path, twin_text
from skillprofiles.render.report_model import report_schema_text

ROOT = Path(__file__).resolve().parent.parent
COMMAND = ".venv/bin/python -m tests.regenerate"
REPORT_SCHEMA = ROOT / "schemas" / "report.schema.json"
EXAMPLE_PROFILES = "docs/examples/profiles"  # relative to ROOT, so outputs name files the same everywhere
OUTPUT_DIR = ROOT / "docs" / "examples" / "output"
OUTPUT_DOC = ROOT / "docs" / "output.md"
SUMMARY = "github-summary.md"
# example file -> the validate flags that produce it
EXAMPLES: dict[str, tuple[str, ...]] = {
    "full.txt": ("--format", "full", "--color", "never"),
    "concise.txt": ("--format", "concise"),
    "text.txt": ("--format", "text"),
    "report.json": ("--format", "json"),
    "report.sarif": ("--format", "sarif"),
    "github.txt": ("--format", "github"),
    SUMMARY: ("--format", "github"),
    "junit.xml": ("--format", "junit"),
}
# junit's time and timestamp change with every run: the committed example shows them fixed
FIXED_TIMES = {"time": 'time="0.042"', "timestamp": 'timestamp="2026-01-01T12:00:00"'}
_TIMES = re.compile(r'\b(time|timestamp)="[^"]*"')
BLOCK = re.compile(
    r"(<!-- example: (?P<name>[\w.-]+) -->\n```\w*\n)(?P<body>.*?)(```\n<!-- /example -->)", re.S
)


def example(name: str) -> str:
    """The real output of ``skillprofiles validate`` for one example file, run as a user would."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_STEP_SUMMARY")}
    with tempfile.TemporaryDirectory() as scratch:
        summary = Path(scratch, SUMMARY)
        extra = ("--github-summary", str(summary)) if name == SUMMARY else ()
        command = [
            sys.executable,
            "-m",
            "skillprofiles",
            "validate",
            *EXAMPLES[name],
            *extra,
            EXAMPLE_PROFILES,
        ]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1) or done.stderr:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr}")
        if name == SUMMARY:
            return summary.read_text(encoding="utf-8")
        return fixed_times(done.stdout) if name == "junit.xml" else done.stdout


def fixed_times(text: str) -> str:
    """JUnit output with its run-dependent ``time`` and ``timestamp`` attributes set to fixed values."""
    return _TIMES.sub(lambda m: FIXED_TIMES[m.group(1)], text)


def embedded(document: str, outputs: dict[str, str]) -> str:
    """The document with each ``<!-- example: NAME -->`` block replaced by that output."""
    return BLOCK.sub(lambda m: m.group(1) + outputs[m.group("name")] + m.group(4), document)


def main() -> None:
    """Rewrite schemas/report.schema.json, docs/examples/output/*, the blocks of docs/output.md and the
    packaged catalogue's JSON twin (src/skillprofiles/data/catalogue.json)."""
    REPORT_SCHEMA.write_text(report_schema_text(), encoding="utf-8")
    twin_path().write_text(twin_text(), encoding="utf-8")
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    outputs = {name: example(name) for name in EXAMPLES}
    for name, text in outputs.items():
        (OUTPUT_DIR / name).write_text(text, encoding="utf-8")
    OUTPUT_DOC.write_text(embedded(OUTPUT_DOC.read_text(encoding="utf-8"), outputs), encoding="utf-8")
    schema = REPORT_SCHEMA.relative_to(ROOT)
    print(f"regenerated {schema}, {len(outputs)} examples, {OUTPUT_DOC.name} and the catalogue's twin")


if __name__ == "__main__":
    main()
