"""Suppression comments: same line, next line, whole file; unused (SP901) and invalid (SP902) ones."""

from __future__ import annotations

from skillprofiles.codes import registry
from skillprofiles.diagnostics import Diagnostic, Span
from skillprofiles.engine.checker import Checker
from skillprofiles.source.reader import parse_text
from skillprofiles.tuning.config import Config
from skillprofiles.tuning.suppress import comment_start
from tests.minimal import WSP

LEVEL = "    levels: [e-2]"  # line 15 of WSP
BAD_LEVEL = "    levels: [e-6]"  # SP105 at 15:14
# e-6 stops the profile from loading: silencing SP105 silences the finding, not the fact that no
# catalogue or profile rule ran (SP904, at the top of the file)
NOT_CHECKED = ("SP904", 1, 1)


def where(
    text: str, config: Config | None = None, extra: tuple[Diagnostic, ...] = ()
) -> list[tuple[str, int, int]]:
    checker = Checker(config)
    report = checker.finish([checker.check_parsed(parse_text(text, "p.yaml"))], extra)
    return [(d.code, d.line, d.column) for d in report]


def with_level(line: str) -> str:
    return WSP.replace(LEVEL, line)


def test_without_comment_the_finding_is_reported() -> None:
    assert where(with_level(BAD_LEVEL)) == [("SP105", 15, 14)]


def test_same_line_by_code_and_by_name() -> None:
    assert where(with_level(BAD_LEVEL + "  # skillprofiles: ignore[SP105]")) == [NOT_CHECKED]
    assert where(with_level(BAD_LEVEL + "  # skillprofiles: ignore[invalid-value] -- legacy data")) == [
        NOT_CHECKED
    ]
    assert where(with_level(BAD_LEVEL + "  #skillprofiles:ignore[SP1]")) == [NOT_CHECKED]


def test_line_above_applies_to_the_next_content_line() -> None:
    above = "    # skillprofiles: ignore[SP105]\n\n    # why: the source says e-6\n" + BAD_LEVEL
    assert where(with_level(above)) == [NOT_CHECKED]


def test_line_above_does_not_reach_further() -> None:
    text = WSP.replace("  - code: B.1", "  # skillprofiles: ignore[SP105]\n  - code: B.1").replace(
        LEVEL, BAD_LEVEL
    )
    assert where(text) == [("SP901", 13, 27), ("SP105", 16, 14)]


def test_file_level_anywhere() -> None:
    text = with_level(BAD_LEVEL).replace("code: WSP-G3-099", "code: WSP-99")
    assert where(text) == [("SP107", 2, 7), ("SP105", 15, 14)]
    assert where(text + "# skillprofiles: ignore-file[SP107, SP105]\n") == [NOT_CHECKED]


def test_unused_suppression_is_reported_at_its_selector() -> None:
    line = BAD_LEVEL + "  # skillprofiles: ignore[SP105, SP104]"
    assert where(with_level(line)) == [NOT_CHECKED, ("SP901", 15, 51)]
    assert where(with_level(LEVEL + "  # skillprofiles: ignore[SP105]")) == [("SP901", 15, 44)]
    assert where(WSP + "# skillprofiles: ignore-file[missing-section]\n") == [("SP901", 28, 30)]


def test_unused_suppression_message() -> None:
    checker = Checker()
    parsed = parse_text(with_level(LEVEL + "  # skillprofiles: ignore[SP105]"), "p.yaml")
    [unused] = checker.finish([checker.check_parsed(parsed)]).diagnostics
    assert (unused.message, unused.severity.label) == (
        "suppression of 'SP105' suppresses nothing on its line",
        "warning",
    )


def test_suppression_of_a_rule_not_enabled_is_not_reported() -> None:
    line = LEVEL + "  # skillprofiles: ignore[SP105]"
    assert where(with_level(line), Config(select=("SP107",))) == []
    assert where(with_level(line), Config(ignore=("SP105",))) == []


def test_profile_rules_that_did_not_run_are_not_reported_unused() -> None:
    # the profile does not load (SP107), so SP109, a profile rule, never ran; SP104, a loader code, did
    text = WSP.replace("code: WSP-G3-099", "code: WSP-99  # skillprofiles: ignore[SP109, SP104]")
    assert where(text) == [("SP107", 2, 7), ("SP901", 2, 46)]


def test_unknown_and_malformed_suppressions() -> None:
    assert where(with_level(BAD_LEVEL + "  # skillprofiles: ignore[SP1O5]")) == [
        ("SP105", 15, 14),
        ("SP902", 15, 44),
    ]
    assert where(with_level(BAD_LEVEL + "  # skillprofiles: ignore SP105")) == [
        ("SP105", 15, 14),
        ("SP902", 15, 20),
    ]
    assert where(with_level(BAD_LEVEL + "  # skillprofiles: ignore[]")) == [
        ("SP105", 15, 14),
        ("SP902", 15, 20),
    ]


def test_unknown_suppression_message_suggests() -> None:
    checker = Checker()
    parsed = parse_text(with_level(LEVEL + "  # skillprofiles: ignore[invalid-valeu]"), "p.yaml")
    [invalid] = checker.finish([checker.check_parsed(parsed)]).diagnostics
    assert invalid.message == "'invalid-valeu' names no rule (did you mean 'invalid-value'?)"


def test_hash_inside_quotes_is_not_a_comment() -> None:
    quoted = WSP.replace("title: Test Profile", 'title: "Test # skillprofiles: ignore[SP105]"')
    assert where(quoted.replace(LEVEL, BAD_LEVEL)) == [("SP105", 15, 14)]
    single = WSP.replace("title: Test Profile", "title: 'It''s # skillprofiles: ignore[SP105]'")
    assert where(single.replace(LEVEL, BAD_LEVEL)) == [("SP105", 15, 14)]


def test_comment_start() -> None:
    assert comment_start("a: b # c") == 5
    assert comment_start("# c") == 0
    assert comment_start("a: b#c") is None
    assert comment_start("a: 'x # y' # z") == 11
    assert comment_start('a: "x \\" # y" # z') == 14
    assert comment_start("a: it's # z") == 8  # an apostrophe inside a word opens no quote


def test_repository_findings_in_a_file_are_suppressed_too() -> None:
    entry = registry.get("SP101")
    late = Diagnostic(
        entry.code, entry.name, entry.severity, "reported by a repository rule", "p.yaml", Span.point(3, 1)
    )
    text = WSP.replace("title: Test Profile", "title: Test Profile  # skillprofiles: ignore[SP101]")
    assert where(WSP, extra=(late,)) == [("SP101", 3, 1)]
    assert where(text, extra=(late,)) == []


def test_meta_findings_cannot_be_suppressed_by_comments() -> None:
    text = with_level(LEVEL + "  # skillprofiles: ignore[SP105]") + "# skillprofiles: ignore-file[SP901]\n"
    assert where(text) == [("SP901", 15, 44), ("SP901", 28, 30)]


def test_file_results_with_suppressions_pickle_for_worker_processes() -> None:
    import pickle

    parsed = parse_text(with_level(BAD_LEVEL + "  # skillprofiles: ignore[SP105, SP104]"), "p.yaml")
    result = Checker().check_parsed(parsed)
    result.profile = None  # not carried across processes
    copy = pickle.loads(pickle.dumps(result))
    assert copy == result
    checker = Checker()
    assert [(d.code, d.line, d.column) for d in checker.finish([copy])] == [NOT_CHECKED, ("SP901", 15, 51)]


def test_comment_like_lines_inside_multi_line_strings_are_text() -> None:
    block = WSP.replace(
        "summary_definition: Does things.",
        "summary_definition: |\n  Does things.\n  # skillprofiles: ignore[SP105]\n  # skillprofiles: oops",
    )
    assert where(block.replace(LEVEL, BAD_LEVEL)) == [("SP105", 18, 14)]
    quoted = WSP.replace("title: Test Profile", 'title: "Test\n  # skillprofiles: ignore[SP105] Profile"')
    assert where(quoted.replace(LEVEL, BAD_LEVEL)) == [("SP105", 16, 14)]
    # a real comment after the string still counts
    after = WSP.replace("title: Test Profile", 'title: "Test\n  Profile"  # skillprofiles: ignore[SP105]')
    assert where(after.replace(LEVEL, BAD_LEVEL)) == [("SP901", 4, 37), ("SP105", 16, 14)]
