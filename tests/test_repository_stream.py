"""The repository checks folding summaries as files come give the report of checks over every summary."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmarks.generate import generate

from skillprofiles.diagnostics import Excerpt, Report
from skillprofiles.engine.checker import Checker
from skillprofiles.engine.discovery import discover
from skillprofiles.engine.results import Clean, FileResult
from skillprofiles.tuning.baseline import dump, load
from skillprofiles.tuning.config import Config


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated profiles with every repository finding: copied codes and names, other wordings,
    relationships the registry, an earlier or a later file resolves, or nothing does."""
    root = tmp_path_factory.mktemp("tree")
    generate(root, 60, seed=3)
    files = sorted(root.rglob("*.yaml"))
    wsp = [f for f in files if f.name.startswith("WSP")]
    role = [f for f in files if f.name.startswith("ROLE")]
    assert len(wsp) > 4
    assert len(role) > 4
    shutil.copy(wsp[0], root / "copy-of-first.yaml")  # SP301 (three times) and SP303
    shutil.copy(wsp[0], root / "zz-copy.yaml")
    text = role[1].read_text(encoding="utf-8")
    code = re.search(r"^code: (\S+)", text, re.M)
    assert code is not None
    lowered = text.replace(f"code: {code[1]}", f"code: {code[1].lower()}  # skillprofiles: ignore[SP303]")
    (root / "a-lower.yaml").write_text(lowered, encoding="utf-8")  # SP301 by case, a used suppression
    flow = yaml.safe_load(wsp[3].read_text(encoding="utf-8"))
    flow["relationships"]["interacts_with"] = ["Noone Here", "later title", code[1], "Comunity Manager"]
    # JSON on one line: every finding of the file is on that line, most far into it
    (root / "b-flow.yaml").write_text(json.dumps(flow, default=str) + "\n", encoding="utf-8")
    first = wsp[1].read_text(encoding="utf-8")
    changed = re.sub(r"(?m)^(\s+- code: \S+\n\s+text: )(.*)$", r"\1Another wording \2", first, count=2)
    assert changed != first
    (root / "c-wording.yaml").write_text(changed, encoding="utf-8")  # SP304
    related = wsp[2].read_text(encoding="utf-8").replace("Business Analyst", "Buisness Analist")
    (root / wsp[2].name).write_text(related.replace("Web Project Manager", "Later Title"), encoding="utf-8")
    (root / "zzz.yaml").write_text(
        role[2].read_text(encoding="utf-8").replace("title: ", "title: Later Title #", 1)
    )
    return root


def listed(checker: Checker, paths: list[Path], repository: Path | None = None) -> Report:
    """The run as it was before folding: every result and summary kept, the checks over the list."""
    files, problems = discover(paths)
    results = [checker.check_file(path, display) for path, display in files]
    for result in results:
        result.profile = None
    summaries = [r.summary for r in results if r.summary is not None]
    if repository is not None:
        done = {os.path.realpath(p) for p, _ in files}
        others, _ = discover([repository])
        context = [checker.summary_of(p, d) for p, d in others if os.path.realpath(p) not in done]
        summaries += [s for s in context if s is not None]
    shown = {display for _, display in files}
    found = [d for d in checker.check_repository(summaries) if d.file in shown]
    return checker.finish(results, [*problems, *found], repository=True)


def same(folded: Report, before: Report) -> None:
    assert folded.diagnostics == before.diagnostics
    assert folded.files == before.files
    assert folded.excerpts == before.excerpts
    assert list(folded.excerpts) == list(before.excerpts)


@pytest.mark.parametrize("jobs", [1, 2])
def test_folded_checks_report_what_checks_over_every_summary_report(tree: Path, jobs: int) -> None:
    checker = Checker(jobs=jobs)
    folded = checker.check_paths([tree])
    codes = {d.code for d in folded}
    assert {"SP301", "SP302", "SP303", "SP304"} <= codes, codes
    same(folded, listed(Checker(), [tree]))


def test_with_repository_context_and_selected_rules(tree: Path) -> None:
    checked = [*sorted(tree.rglob("*.yaml"))[:5], tree / "b-flow.yaml", tree / "zzz.yaml"]
    for config in (Config(), Config(select=("SP30",)), Config(ignore=("SP301",))):
        checker = Checker(config)
        same(checker.check_paths(checked, repository=tree), listed(checker, checked, tree))


def test_most_results_are_kept_compact(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept: list[FileResult | Clean] = []
    finish = Checker.finish

    def spy(self: Checker, results: list[FileResult | Clean], *args: Any, **kwargs: Any) -> Report:
        kept.extend(results)
        return finish(self, results, *args, **kwargs)

    monkeypatch.setattr(Checker, "finish", spy)
    Checker().check_paths([tree])
    clean = [r for r in kept if isinstance(r, Clean)]
    assert len(clean) > len(kept) / 2
    # a short code line is kept as its text; the one-line JSON file's as its excerpt (one window)
    assert all(isinstance(c.kept, str) for c in clean if not c.file.endswith("b-flow.yaml"))
    assert [len(c.kept.windows) for c in clean if isinstance(c.kept, Excerpt)] == [1]
    assert all(r.summary is None for r in kept if isinstance(r, FileResult))


def test_with_a_baseline_hiding_some_findings(tree: Path, tmp_path: Path) -> None:
    # a file whose errors the baseline hides is "not checked" (SP904, at 1:1): its first line's frame
    # must still be there, and stale entries stay stale
    everything = Checker().check_paths([tree])
    path = tmp_path / "baseline.json"
    path.write_text(dump(everything.diagnostics[::2], str(path), everything.excerpts), encoding="utf-8")
    checker = Checker(baseline=load(str(path)))
    folded = checker.check_paths([tree])
    assert "SP904" in {d.code for d in folded}
    same(folded, listed(checker, [tree]))
