"""The engine's start: what a plain run imports, and the pyproject.toml decision made without tomllib."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from skillprofiles.tuning.config import _has_table, toml_loads, tool_table
from skillprofiles.tuning.tomlscan import has_table
from tests import strategies  # noqa: F401  (loads the hypothesis profile)
from tests.conftest import ROOT, printed

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the backport, on Python 3.10
    import tomli as tomllib

TOML = "tomllib" if sys.version_info >= (3, 11) else "tomli"  # the backport on Python 3.10
LAZY = (
    TOML,
    "skillprofiles.tuning.baseline",
    "skillprofiles.tuning.suppress",
    "skillprofiles.source.salvage",
    "skillprofiles.engine.loaded",
    "skillprofiles.engine.fixes",
)
RUN = (
    "import sys\nfrom skillprofiles.cli import main\n"
    "code = main(['validate', *sys.argv[1:]])\n"
    f"print(code, sorted(m for m in {LAZY!r} if m in sys.modules))"
)


def test_plain_run_from_the_root_imports_only_what_it_needs() -> None:
    # the root's pyproject.toml names skillprofiles but has no [tool.skillprofiles]: decided without
    # tomllib; no baseline, no suppression comment and a valid profile: none of their modules
    out = printed(RUN, "profiles/online-community-manager.yaml", cwd=ROOT)
    assert out.strip().splitlines()[-1] == "0 []"


def test_runs_that_need_them_import_them(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.skillprofiles]\nignore = ["SP1"]\n', encoding="utf-8")
    (tmp_path / "p.yaml").write_text(
        "# skillprofiles: ignore-file[SP101]\ntemplate: WSP-G3\n", encoding="utf-8"
    )
    out = printed(RUN, "p.yaml", cwd=tmp_path)
    assert (
        out.strip()
        .splitlines()[-1]
        .endswith(f"['skillprofiles.source.salvage', 'skillprofiles.tuning.suppress', '{TOML}']")
    )


def reference(text: str) -> bool | None:
    """What tomllib says: whether the table is there, None when the document is broken."""
    try:
        return tool_table(toml_loads(text)) is not None
    except ValueError:
        return None


KEYS = ["tool", "skillprofiles", "a", "b", "project", "scripts", "1", "-", "true", "x_y"]
KEY = st.sampled_from(KEYS)
SCALARS = [
    '"s"',
    "'lit'",
    '""',
    '"[tool.skillprofiles]"',
    "'[tool.skillprofiles] # no comment'",
    '"a # b"',
    '"it\'s"',
    "'say \"hi\"'",
    "true",
    "false",
    "0",
    "12",
    "012",
    "1.5",
    "-1",
    "+1",
    "1_000",
    "1979-05-27",
    "07:32:00",
    "inf",
    "nan",
    "0x1F",
    "99999999999999999999",
    '"esc\\n"',
    '"bad\\q"',
    '"""multi\n[tool.skillprofiles]\n"""',
    "'''lit\n[tool]\nskillprofiles = 1\n'''",
    '"unterminated',
    "'open",
    "truex",
    "é",
    "",
]
SCALAR = st.sampled_from(SCALARS)


@st.composite
def values(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 4))
    if kind <= 1:
        return draw(SCALAR)
    if kind == 2:  # an array, maybe over lines, with comments, trailing commas and nested arrays
        parts = draw(
            st.lists(st.one_of(SCALAR, st.just("[1, 2]"), st.just("[tool.skillprofiles]")), max_size=4)
        )
        gaps = st.sampled_from(
            ["", " ", "\n", "\n  ", " # c [x]\n", "  #\n\n", ", ", ",,", "\n[tool.skillprofiles]\n"]
        )
        body = "".join(
            draw(gaps) + p + draw(st.sampled_from([",", ", ", "\n,", " # c\n,", "", ",\n"])) for p in parts
        )
        return "[" + body + draw(gaps) + draw(st.sampled_from(["]", "", "]]"]))
    if kind == 3:  # an inline table
        key, value = draw(KEY), draw(SCALAR)
        return draw(
            st.sampled_from(
                [f"{{ {key} = {value} }}", "{}", f"{{ {key}.{key} = {value} }}", f"{{{key}={value},}}"]
            )
        )
    return draw(st.text(st.sampled_from("ab1\"'[]{}=,.#\t \\\x00\x7f\r\n"), max_size=6))


@st.composite
def keys(draw: st.DrawFn) -> str:
    parts = draw(st.lists(KEY, min_size=1, max_size=3))
    quoted = draw(st.sampled_from(["", '"', "'"]))
    if quoted:
        index = draw(st.integers(0, len(parts) - 1))
        parts[index] = quoted + parts[index] + quoted
    return draw(st.sampled_from([".", " . ", ". "])).join(parts)


@st.composite
def lines(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 7))
    indent = draw(st.sampled_from(["", "", " ", "\t"]))
    end = draw(st.sampled_from(["", "", " ", " # c", "  # [tool.skillprofiles]", "#\x01", " x"]))
    if kind <= 1:
        head = draw(st.sampled_from(["[{}]", "[{}]", "[ {} ]", "[[{}]]", "[ [{}] ]", "[{}", "[{}.]", "[]{}"]))
        return indent + head.format(draw(keys())) + end
    if kind <= 4:
        separator = draw(st.sampled_from([" = ", "=", " =", "\t=\t", " ", " == "]))
        return indent + draw(keys()) + separator + draw(values()) + end
    if kind == 5:
        return indent + draw(st.sampled_from(["", "# [tool.skillprofiles]", "#", "# c\x7f", "\ufeff", "= 1"]))
    if kind == 6:
        return draw(
            st.sampled_from(["[tool.skillprofiles]", "[tool]", "skillprofiles = 1", "[tool.skillprofiles.x]"])
        )
    return draw(st.text(st.sampled_from("ab\"'[]{}=,.# \t\\\x01\r\n"), max_size=8))


@st.composite
def documents(draw: st.DrawFn) -> str:
    body = draw(st.lists(lines(), max_size=12))
    newline = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]))
    return newline.join(body) + draw(st.sampled_from(["", newline, newline * 2]))


VALID = ['"s"', "'lit'", '""', '"[tool.skillprofiles]"', "'a # b'", "true", "false", "0", "12", "007"]


@st.composite
def simple_lines(draw: st.DrawFn) -> str:
    """Mostly lines of the subset the scan decides, so that its decisions are tested too."""
    kind = draw(st.integers(0, 5))
    bare = st.lists(st.sampled_from(KEYS[:4]), min_size=1, max_size=3)
    end = draw(st.sampled_from(["", "", "  # c", " #[tool.skillprofiles]", "\t"]))
    if kind <= 1:
        return "[" + draw(st.sampled_from([".", " . "])).join(draw(bare)) + "]" + end
    if kind <= 3:
        return draw(st.sampled_from(KEYS[:4])) + " = " + draw(st.sampled_from(VALID)) + end
    if kind == 4:
        items = draw(st.lists(st.sampled_from(VALID), max_size=3))
        gap = draw(st.sampled_from([", ", ",\n  ", " # c\n, ", ",\n\n"]))
        trail = draw(st.sampled_from(["", ",", ",\n", "\n # c\n"]))
        return draw(st.sampled_from(KEYS[:4])) + " = [" + gap.join(items) + trail + "]" + end
    return draw(st.sampled_from(["", "# [tool.skillprofiles]", "  ", "[tool.skillprofiles]"]))


@st.composite
def simple_documents(draw: st.DrawFn) -> str:
    return "\n".join(draw(st.lists(simple_lines(), max_size=10))) + draw(st.sampled_from(["", "\n"]))


ANY_DOCUMENT = st.one_of(documents(), simple_documents())


@settings(max_examples=2000)
@given(ANY_DOCUMENT)
@example((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
@example("[tool.skillprofiles]\n")
@example("[tool]\nskillprofiles = 1\n")
@example('tool = "skillprofiles"\n')
@example("[tool.skillprofiles.x]\n[tool]\nskillprofiles = 1\n")
@example("[a]\nb = 1\n[a.b]\n")
@example("[a.b]\n[a]\nb = 1\n")
@example("[a.b]\n[a]\n[a.b]\n")
@example("a = [\n  [tool.skillprofiles]\n]\n")
@example('a = "x" # c\n[tool.skillprofiles]')
@example("[project.scripts]\nskillprofiles = 'x'\n[tool.skillprofiles]\n[tool.skillprofiles]\n")
def test_the_scan_agrees_with_tomllib_whenever_it_decides(text: str) -> None:
    decided = has_table(text)
    if decided is not None:
        # a decision is only ever made on a document tomllib reads, and it is tomllib's
        assert reference(text) is decided


DOCUMENTS = settings(max_examples=300)


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="pyproject-"))


@DOCUMENTS
@given(ANY_DOCUMENT)
@example((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
def test_has_table_decides_as_tomllib_always_did(folder: Path, text: str) -> None:
    path = folder / "pyproject.toml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    # the decision before the scan: no mention, tomllib's answer, or a broken file that mentions us
    found = reference(text)
    before = "skillprofiles" in text and (found is None or found)
    assert _has_table(path) is before


@pytest.mark.parametrize(
    ("text", "decided"),
    [
        ((ROOT / "pyproject.toml").read_text(encoding="utf-8"), False),  # what a run from the root reads
        ('[project]\nname = "skillprofiles"\n\n[tool.skillprofiles]\nignore = ["SP105"]\n', True),
        ("[tool]\nskillprofiles = 1\n", True),
        ("[tool.skillprofiles.x]\n", True),
        ("[project.scripts]\nskillprofiles = 'skillprofiles.cli:main'\n", False),
        ("a = [\n  'x',  # [tool.skillprofiles]\n]\n", False),
        ("[tool.skillprofiles]\n[tool.skillprofiles]\n", None),  # broken: tomllib says where
        ('tool.skillprofiles = "x"\n', None),  # dotted keys are tomllib's
        ("[tool.'skillprofiles']\n", None),
        ("tool = { skillprofiles = 1 }\n", None),
        ('a = """\n[tool.skillprofiles]\n"""\n', None),
        ("[a]\r\n", None),
    ],
)
def test_the_scan_decides_simple_documents(text: str, decided: bool | None) -> None:
    assert has_table(text) is decided
    if decided is not None:
        assert reference(text) is decided


def test_tomllib_is_what_the_reference_reads() -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads("[a]\n[a]\n")
    assert reference("[a]\n[a]\n") is None
