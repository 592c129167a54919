"""Hostile and broken input: every case is a diagnostic at its place, never a crash, never a lost file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from skillprofiles import ProfileError, load
from skillprofiles.codes import reader as parse
from skillprofiles.codes.registry import REGISTRY, Rule
from skillprofiles.diagnostics import Severity
from skillprofiles.engine.checker import Checker, discover
from skillprofiles.rules import Check
from skillprofiles.source.reader import Limits, parse_bytes, read_path
from skillprofiles.textsafe import printable
from skillprofiles.tuning.config import Config
from tests.minimal import WSP

HOSTILE = Path(__file__).resolve().parent / "hostile"
EXPECTED: dict[str, list[list[object]]] = yaml.safe_load((HOSTILE / "expected.yaml").read_text("utf-8"))
Found = list[tuple[str, int, int]]


# this corpus is about reading and structure: the catalogue and repository rules would only add noise
READER = ("SP0", "SP1")


def found(diagnostics: object) -> Found:
    return [(d.code, d.line, d.column) for d in diagnostics]  # type: ignore[attr-defined]


def test_every_corpus_file_has_expectations() -> None:
    files = {p.name for p in HOSTILE.glob("*.yaml")} - {"expected.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name: str) -> None:
    result = Checker(Config(select=READER)).check_file(HOSTILE / name, name)
    assert found(result.diagnostics) == [tuple(e) for e in EXPECTED[name]]
    for d in result.diagnostics:  # one printable line each, whatever the file holds
        assert printable(d.message) == d.message
        assert d.hint is None or printable(d.hint) == d.hint


def deep_block(levels: int) -> bytes:
    return "".join(" " * i + "a:\n" for i in range(levels)).encode()


GENERATED: list[tuple[str, bytes, Limits, Found]] = [
    ("3 MB file", b"title: " + b"x" * 3_000_000 + b"\n", Limits(), [("SP002", 1, 1)]),
    ("1 MB line", b"a: " + b"x" * 1_000_000 + b"\n", Limits(), []),
    ("60,000 items", b"a:\n" + b"- x\n" * 60_000, Limits(), [("SP019", 49_999, 3)]),
    ("1,000 block levels", deep_block(1_000), Limits(), [("SP015", 65, 65)]),
    (
        "bomb, aliases allowed",
        (HOSTILE / "billion-laughs.yaml").read_bytes(),
        Limits(allow_aliases=True),
        [("SP014", 5, 8)],
    ),
    ("depth limit raised", b"[" * 300 + b"]" * 300, Limits(max_depth=256), [("SP015", 1, 257)]),
]


@pytest.mark.parametrize(
    ("data", "limits", "expected"), [g[1:] for g in GENERATED], ids=[g[0] for g in GENERATED]
)
def test_generated_input(data: bytes, limits: Limits, expected: Found) -> None:
    assert found(parse_bytes(data, "t.yaml", limits).diagnostics) == expected


@pytest.mark.parametrize(
    ("text", "data", "expected"),
    [
        ("a: &a {x: 1}\nb:\n  <<: *a\n  y: 2\n", {"a": {"x": 1}, "b": {"x": 1, "y": 2}}, []),
        ("b:\n  <<: 1\n", {"b": {}}, [("SP014", 2, 3)]),
        ("a: &a [1]\nb:\n  <<: [*a]\n", {"a": [1], "b": {}}, [("SP014", 3, 3)]),
    ],
)
def test_merge_keys_when_aliases_are_allowed(text: str, data: object, expected: Found) -> None:
    parsed = parse_bytes(text.encode(), "t.yaml", Limits(allow_aliases=True))
    assert parsed.data == data
    assert found(parsed.diagnostics) == expected


def test_size_limit_can_be_raised() -> None:
    data = b"a: " + b"x" * 3_000_000 + b"\n"
    assert parse_bytes(data, "t", Limits(max_bytes=4_000_000)).data == {"a": "x" * 3_000_000}


def test_depth_limit_has_a_ceiling() -> None:
    with pytest.raises(ValueError, match="max_depth must be between 1 and 256"):
        Limits(max_depth=100_000)


# -- the file system ---------------------------------------------------------------------------------
def read(path: Path) -> Found:
    return found(read_path(path, path.name).diagnostics)


def message(path: Path) -> str:
    return read_path(path, path.name).diagnostics[0].message


def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    assert read(fifo) == [("SP001", 1, 1)]
    assert message(fifo) == "cannot read file: it is a named pipe, not a regular file"


def test_directory_where_a_file_is_expected(tmp_path: Path) -> None:
    folder = tmp_path / "profile.yaml"
    folder.mkdir()
    assert message(folder) == "cannot read file: it is a directory, not a regular file"
    with pytest.raises(ProfileError) as caught:
        load(folder)
    assert found(caught.value.diagnostics) == [("SP001", 1, 1)]


def test_broken_link_and_link_loop(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").symlink_to("nowhere.yaml")
    (tmp_path / "one.yaml").symlink_to("two.yaml")
    (tmp_path / "two.yaml").symlink_to("one.yaml")
    assert message(tmp_path / "broken.yaml") == "cannot read file: it is a broken symbolic link"
    assert message(tmp_path / "one.yaml") == "cannot read file: it is a loop of symbolic links"


def test_file_without_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text(WSP, encoding="utf-8")
    real_open = os.open

    def refuse(path: object, *args: object) -> object:  # as root, chmod 000 would not stop a read
        if Path(str(path)).name == "locked.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert read(locked) == [("SP001", 1, 1)]
    assert message(locked) == "cannot read file: Permission denied"


def test_device_is_refused() -> None:
    assert message(Path("/dev/zero")).endswith("not a regular file")


def tree(tmp_path: Path) -> Path:
    """root/ with a good profile, links out of it, a link loop and a hidden folder; outside/ beside it."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.yaml").write_text("password: hunter2\n", encoding="utf-8")
    (root / "good.yaml").write_text(WSP, encoding="utf-8")
    (root / "sub" / "inner.yml").symlink_to("../good.yaml")  # inside the tree: read once
    (root / "out.yaml").symlink_to(outside / "secret.yaml")
    (root / "outdir").symlink_to(outside)
    (root / "sub" / "up").symlink_to("..")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.yaml").write_text("[", encoding="utf-8")
    return root


def test_discovery_does_not_leave_the_tree(tmp_path: Path) -> None:
    root = tree(tmp_path)
    files, problems = discover([root])
    assert [name for _, name in files] == [(root / "good.yaml").as_posix()]
    assert [(d.code, Path(d.file).name) for d in problems] == [
        ("SP020", "out.yaml"),
        ("SP020", "outdir"),
        ("SP021", "up"),
    ]


def test_discovery_follows_links_when_asked(tmp_path: Path) -> None:
    root = tree(tmp_path)
    files, problems = discover([root], follow_links=True)
    assert sorted(Path(name).name for _, name in files) == ["good.yaml", "out.yaml"]
    assert [d.code for d in problems] == ["SP021"]


def test_missing_path(tmp_path: Path) -> None:
    report = Checker(Config(select=READER)).check_paths([tmp_path / "absent.yaml"])
    assert [(d.code, d.message) for d in report] == [("SP001", "path does not exist")]


def test_unlistable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_text(WSP, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # tests run as root: refuse one directory as chmod 000 would
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = discover([tmp_path])
    assert [Path(name).name for _, name in files] == ["a.yaml"]
    assert [(d.code, Path(d.file).name, d.message) for d in problems] == [
        ("SP001", "locked", "cannot read directory: Permission denied")
    ]


# -- the real command line on a directory mixing hostile and good files --------------------------------
def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "skillprofiles",
            "validate",
            "--no-config",
            "--select",
            ",".join(READER),
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def by_place(item: tuple[object, ...]) -> tuple[object, ...]:
    return (item[1], item[2], item[0])


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in EXPECTED:
        shutil.copy(HOSTILE / name, folder / name)
    (folder / "zz-good.yaml").write_text(WSP, encoding="utf-8")
    os.mkfifo(folder / "pipe.yaml")
    (folder / "broken.yaml").symlink_to("nowhere.yaml")
    return folder


def test_cli_checks_every_file_of_a_hostile_directory(mixed: Path) -> None:
    result = cli("--format", "json", str(mixed))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    document = json.loads(result.stdout)
    by_file: dict[str, Found] = {}
    for d in document["diagnostics"]:
        by_file.setdefault(Path(d["file"]).name, []).append((d["code"], d["line"], d["column"]))
    expected = {
        name: sorted((tuple(e) for e in codes), key=by_place) for name, codes in EXPECTED.items() if codes
    }
    expected |= {"pipe.yaml": [("SP001", 1, 1)], "broken.yaml": [("SP001", 1, 1)]}
    assert by_file == expected
    assert document["summary"]["files"] == len(EXPECTED) + 3  # the good file is checked, and clean


def test_cli_text_output_cannot_be_taken_over(mixed: Path) -> None:
    result = cli(str(mixed))
    assert "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert all(line.startswith((str(mixed), "    hint: ", "Found ")) for line in lines)
    forged = [line for line in lines if "forged" in line and "workflow" in line]
    assert forged == [
        f"{mixed}/escape-newline-workflow-command.yaml:28:1: SP102 error "
        "unknown key 'x\\n::error file=a.yaml,line=1::forged'"
    ]


def test_cli_reader_limit_flags(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(WSP.replace("kpi_areas: [Sales]", "kpi_areas: &k [Sales]\nqualifications: *k")
                       .replace("qualifications: [Degree]\n", ""), encoding="utf-8")  # fmt: skip
    assert cli(str(profile)).returncode == 1
    assert cli("--allow-aliases", str(profile)).returncode == 0
    assert "SP002" in cli("--max-file-size", "100", str(profile)).stdout
    assert "nesting is deeper than 2 levels" in cli("--max-depth", "2", str(profile)).stdout
    assert (
        Checker(Config(select=READER, limits=Limits(allow_aliases=True))).check_paths([profile]).diagnostics
        == []
    )


def test_cli_never_writes_over_a_checked_file(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(WSP, encoding="utf-8")
    result = cli("-o", str(profile), str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"skillprofiles: error: refusing to write over a file this run reads: {profile}\n"
    assert profile.read_text(encoding="utf-8") == WSP


def test_data_at_the_depth_ceiling_is_safe_for_validation_and_rules() -> None:
    deep = "{a: " * 250 + "x" + "}" * 250
    text = WSP.replace("title: Test Profile", f"title: {deep}").replace("  - Plan things", f"  - [{deep}]")
    checker = Checker(Config(select=READER, limits=Limits(max_depth=256)))
    result = checker.check_parsed(parse_bytes(text.encode(), "t.yaml", checker.config.limits))
    assert found(result.diagnostics) == [("SP103", 3, 8), ("SP103", 11, 5)]


def test_a_fault_of_ours_costs_one_file_only(tmp_path: Path) -> None:
    def faulty(profile: object, ctx: object) -> object:
        raise IndexError("\x1b[31mboom\nline")

    (tmp_path / "a.yaml").write_text(WSP, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("a: [", encoding="utf-8")
    checker = Checker(Config(ignore=("SP2", "SP3")))  # the faulty rule must run; leave out the rest
    checker.profile_checks = [Check(Rule("SP999", "faulty", Severity.ERROR, "profile", "Doc."), faulty)]
    report = checker.check_paths([tmp_path])
    assert [(Path(d.file).name, d.code, d.message) for d in report] == [
        ("a.yaml", "SP000", "internal error while checking this file: IndexError: '\\e[31mboom\\nline'"),
        (
            "b.yaml",
            "SP010",
            "YAML syntax error: did not find expected node content (while parsing a flow node)",
        ),
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("x" * 5_000 + ".yaml", "cannot use this path: File name too long"),
        ("a\x00b.yaml", "cannot use this path: it contains a NUL character"),
    ],
)
def test_impossible_paths(raw: str, message: str) -> None:
    assert [(d.code, d.message) for d in Checker(Config(select=READER)).check_paths([raw])] == [
        ("SP001", message)
    ]


def test_cli_impossible_path() -> None:
    result = cli("x" * 5_000)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("skillprofiles: error: path does not exist: xxx")


def test_cli_on_a_console_that_cannot_show_the_text(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(WSP + "titlé✓: x\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "skillprofiles", "validate", str(profile)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"{profile}:28:1: SP102 error unknown key 'titl\\xe9\\u2713'"


def test_cli_unwritable_report(tmp_path: Path) -> None:
    result = cli("-o", str(tmp_path / "absent" / "report.txt"), str(tmp_path))
    assert result.returncode == 2
    expected = f"skillprofiles: error: cannot write {tmp_path}/absent/report.txt: No such file or directory\n"
    assert result.stderr == expected


def test_unsafe_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "created-by-yaml"
    text = (
        f"a: !!python/object/apply:os.mkdir [{marker}]\n"
        f"b: !!python/object/new:pathlib.Path [{marker}]\n"
        "c: !!python/name:os.system\n"
        "d: !!python/module:os\n"
    )
    parsed = parse_bytes(text.encode(), "t.yaml")
    assert not marker.exists()
    assert found(parsed.diagnostics) == [("SP013", 1, 4), ("SP013", 2, 4), ("SP013", 3, 4), ("SP013", 4, 4)]
    assert parsed.data == {"a": [str(marker)], "b": [str(marker)], "c": "", "d": ""}  # plain data only


def test_reader_codes_are_documented() -> None:
    reader = [rule for rule in REGISTRY.values() if rule.code.startswith("SP0")]
    assert {rule.code for rule in reader} >= {parse.LINK_OUTSIDE.code, parse.LINK_LOOP.code}
    for rule in reader:
        assert all(part in rule.doc for part in ("Why:", "Passing", "Failing")), rule.code
