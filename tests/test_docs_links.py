"""Every relative link of the docs site resolves, and its navigation starts with the getting-started page.

mkdocs.yml reports links to files outside docs/ (schemas/, profiles/, the hook file) only as info, since
a repository host shows them; this test checks that each such link, and every other, points at a file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"```.*?```", re.S)


def relative_links(page: Path) -> list[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    links = [m.group(1).split("#")[0] for m in LINK.finditer(text)]
    return [link for link in links if link and not re.match(r"[a-z]+:", link)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    missing = [link for link in relative_links(page) if not (page.parent / link).exists()]
    assert not missing, f"{page.name} links to missing files: {missing}"


def test_navigation_starts_with_getting_started_and_lists_every_page() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = [next(iter(entry.values())) for entry in config["nav"]]
    assert nav[0] == "getting-started.md"
    assert sorted(nav) == sorted(p.name for p in PAGES)


def test_no_page_installs_from_a_package_index() -> None:
    # skillprofiles is not published on an index: a bare `pip install skillprofiles` fails
    for page in [*PAGES, ROOT / "README.md"]:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"pip install (-\S+ )*skillprofiles(\s|$|[=<>\[])", text), page.name
