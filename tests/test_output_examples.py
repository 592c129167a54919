"""Committed artefacts stay in step with the code: the report schema and every output example in docs/."""

from __future__ import annotations

import pytest

from skillprofiles.render.report_model import report_schema_text
from tests import regenerate

STALE = f"is stale; refresh it with `{regenerate.COMMAND}` and commit the result"


def test_report_schema_is_current() -> None:
    committed = regenerate.REPORT_SCHEMA.read_text(encoding="utf-8")
    assert committed == report_schema_text(), f"{regenerate.REPORT_SCHEMA.name} {STALE}"


@pytest.mark.parametrize("name", sorted(regenerate.EXAMPLES))
def test_output_example_is_current(name: str) -> None:
    committed = (regenerate.OUTPUT_DIR / name).read_text(encoding="utf-8")
    assert committed == regenerate.example(name), f"docs/examples/output/{name} {STALE}"


def test_output_page_embeds_the_committed_examples() -> None:
    document = regenerate.OUTPUT_DOC.read_text(encoding="utf-8")
    outputs = {
        name: (regenerate.OUTPUT_DIR / name).read_text(encoding="utf-8") for name in regenerate.EXAMPLES
    }
    embedded = {m.group("name") for m in regenerate.BLOCK.finditer(document)}
    # every format but sarif (too long to embed: the page links to the file) is shown on the page
    assert embedded == set(regenerate.EXAMPLES) - {"report.sarif"}
    assert document == regenerate.embedded(document, outputs), f"docs/output.md {STALE}"


def test_examples_show_both_severities_and_every_format() -> None:
    from skillprofiles.render import RENDERERS

    formats = {flags[1] for flags in regenerate.EXAMPLES.values()}
    assert formats == set(RENDERERS)
    concise = (regenerate.OUTPUT_DIR / "concise.txt").read_text(encoding="utf-8")
    assert " SP105 error " in concise
    assert " SP120 warning " in concise
