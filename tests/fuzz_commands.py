"""Structure-aware fuzzing of every command and side file, in process: one mutated file, one command.

A real profile, assessment, configuration, baseline, catalogue or mapping is mutated line by line
(tags, swapped types, renamed keys, items turned into mappings, duplicated sections, hostile strings
with control characters, bidi overrides and rich markup), written into a fresh directory beside
good files, and given to one command through ``skillprofiles.cli.main``. Each run must end in an
exit code of 0, 1 or 2 without an exception, print no traceback, no SP000 and no internal error,
keep its output bounded and free of control characters, and leave every input file as it was.

The mutator is a seeded ``random.Random``, not hypothesis: 200,000 inputs must run in minutes.
Suite: ``tests/test_fuzz_commands.py``; long run: ``python -m tests.fuzz_long --inputs 200000``.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from skillprofiles import cli
from tests.minimal import WSP

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"
EXPORTS = ("markdown", "html", "json", "jsonld")
MAX_OUTPUT = 2_000_000  # bytes of stdout + stderr one command may print for one small input
HOSTILE = [
    "\x1b[2J",
    "\x1b]8;;http://evil\x07x\x1b]8;;\x07",
    "\x9b31m",
    "\u202eevil",
    "\u2066x\u2069",
    "a\nb",
    "\n::error::forged",
    "\n::add-mask::x",
    "[link=http://evil]x[/link]",
    "[bold red]x",
    "<script>alert(1)</script>",
    "| a | b |\n|---|---|",
    "\x00",
    "\x7f",
    "\u2028x",
    "\x85y",
]
TAGS = ["!!bool maybe", "!!timestamp x", "!!int ''", "!!float ''", "!!int 0x", "!!binary %", "!!set",
        "!!omap", "!!python/name:os.system", "!!int 99999999999999999999999", "!!float 1e99999",
        "!!timestamp 2020-13-45", "!!null x", "!!str", "!custom x", "!<tag:x> y"]  # fmt: skip
SWAPS = ["[]", "{}", "~", "true", "0", "-1", "1e23", "''", "'x'", "[1, [2]]", "{a: {b: c}}", "2020-01-01",
         "0o17", ".nan", "'/dev/zero'", "'[z-a]'", "'" + "*" * 40 + "x'", "1000", "'http://[x'",
         "e-9", "e-0", "A.99", "Z.1", "'4.0'", "'9.9'", "C3", "'../../x'", "-5", "3.5"]  # fmt: skip
KEYS = ["x", "template", "code", "title", "levels", "level", "competences", "<<", "? a", "baseline",
        "max_depth", "per_path", "paths", "findings", "format_version", "versions", "1", "null", "person",
        "ecf_version", "evidence", "languages", "mappings", "from", "to", "select", "ignore"]  # fmt: skip
KEY_LINE = re.compile(
    r"^(?P<indent>[ ]*(?:- )?)(?P<key>[^\s:#'\"\[{][^:#]*?|'[^']*'|\"[^\"]*\"):(?P<rest>[ ].*|)$"
)
ITEM_LINE = re.compile(r"^(?P<indent>[ ]*)- (?P<value>.+)$")
SCALAR_REST = re.compile(r"^ (?P<value>[^\s\[{|>#&*!].*)$")
_BAD = {chr(c) for c in range(32) if c not in (9, 10)} | {chr(c) for c in range(0x7F, 0xA0)}
_BAD |= set("\u2028\u2029\u200e\u200f\u061c") | {chr(c) for c in range(0x202A, 0x202F)}
_BAD |= {chr(c) for c in range(0x2066, 0x206A)}
CONTROL = re.compile("[" + re.escape("".join(sorted(_BAD))) + "]")
WORKFLOW = re.compile(r"^\s*::[a-z-]+", re.MULTILINE)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar spelling ``text`` with escapes (so the file itself stays printable)."""
    return '"' + "".join(_escaped(c) for c in text) + '"'


def _escaped(char: str) -> str:
    if char in '\\"':
        return "\\" + char
    if CONTROL.match(char) or char == "\n":
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return char


def mutate(rng: random.Random, text: str) -> str:
    """The text with one to four structural mutations of its lines."""
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        index = rng.randrange(len(lines))
        end, replacement = _mutated_line(rng, lines, index)
        lines[index:end] = replacement
    return "\n".join(lines) + rng.choice(["\n", "\n", "\n", "", "\r\n", "\x0b\n", "\x85"])


def _mutated_line(rng: random.Random, lines: list[str], index: int) -> tuple[int, list[str]]:
    """Where the mutation ends (exclusive) and what replaces lines[index:end]."""
    line = lines[index]
    kind = rng.choice(["tag", "swap", "rename", "to-mapping", "duplicate", "hostile", "hostile", "drop"])
    if kind == "duplicate":  # a section: this line and the more-indented ones after it, twice
        indent = len(line) - len(line.lstrip())
        end = index + 1
        while end < len(lines) and (
            not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
        ):
            end += 1
        return end, lines[index:end] * 2
    if kind == "drop":
        return index + 1, []
    return index + 1, [_changed(rng, line, kind)]


def _changed(rng: random.Random, line: str, kind: str) -> str:
    key, item = KEY_LINE.match(line), ITEM_LINE.match(line)
    if kind == "tag" and key and SCALAR_REST.match(key["rest"]):
        return f"{key['indent']}{key['key']}: {rng.choice(TAGS)}"
    if kind == "tag" and item:
        return f"{item['indent']}- {rng.choice(TAGS)}"
    if kind == "swap" and key and key["rest"]:
        return f"{key['indent']}{key['key']}: {rng.choice(SWAPS)}"
    if kind == "swap" and item:
        return f"{item['indent']}- {rng.choice(SWAPS)}"
    if kind == "rename" and key:
        return f"{key['indent']}{rng.choice(KEYS)}:{key['rest']}"
    if kind == "to-mapping" and item:
        return f"{item['indent']}- {{{rng.choice(KEYS)}: {item['value']}}}"
    if kind == "hostile" and key and SCALAR_REST.match(key["rest"]):
        value = SCALAR_REST.match(key["rest"])["value"]  # type: ignore[index]
        return f"{key['indent']}{key['key']}: {quoted(_hostile(rng, value))}"
    if kind == "hostile" and item and not item["value"].startswith(("{", "[", "|", ">")):
        return f"{item['indent']}- {quoted(_hostile(rng, item['value']))}"
    return line


def _hostile(rng: random.Random, value: str) -> str:
    value = value.strip("'\"")
    where = rng.randint(0, len(value))
    return value[:where] + rng.choice(HOSTILE) + value[where:]


@dataclass(frozen=True)
class Target:
    """One command over one mutated file: which seed files it mutates, the file name, the arguments."""

    name: str
    seeds: tuple[str, ...]
    file: str
    argv: tuple[str, ...]
    # files the command reads beside the mutated one: name -> text
    beside: tuple[tuple[str, str], ...] = ()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _seeds() -> dict[str, tuple[str, ...]]:
    profiles = tuple(_read(p) for p in sorted((ROOT / "profiles").glob("*.yaml")))
    profiles += tuple(_read(p) for p in sorted((EXAMPLES / "profiles").glob("*.yaml")))
    profiles += (WSP,)
    assessments = (_read(EXAMPLES / "assessment.yaml"), _read(EXAMPLES / "assessment-4.0.yaml"))
    from tests.test_fuzz_structure import BASELINE_SEED, CATALOGUE_SEED, CONFIG_SEED

    return {
        "profile": profiles,
        "assessment": assessments,
        "config": (CONFIG_SEED,),
        "baseline": (BASELINE_SEED,),
        "catalogue": (CATALOGUE_SEED,),
        "mapping": (_read(EXAMPLES / "mapping-4.0-to-2.0.yaml"),),
    }


def targets() -> list[Target]:
    """Every command and every side file, each a target of its own."""
    seeds = _seeds()
    p, a = seeds["profile"], seeds["assessment"]
    good = (("good.yaml", WSP),)
    person = (("person.yaml", seeds["assessment"][0]),)
    found = [
        Target(f"validate {fmt}", p, "x.yaml", ("validate", "--no-config", "--format", fmt, "x.yaml"), good)
        for fmt in ("text", "full", "json", "sarif", "github", "junit", "concise")
    ]
    both = (*person, *good)
    nc = "validate --no-config"
    side = {
        "config": ".skillprofiles.yaml",
        "baseline": "b.json",
        "catalogue": "cat.yaml",
        "mapping": "m.yaml",
    }
    table: list[tuple[str, tuple[str, ...], str, str, tuple[tuple[str, str], ...]]] = [
        ("validate --repository", p, "x.yaml", "validate --no-config --repository . x.yaml", good),
        ("show", p, "x.yaml", "show x.yaml", ()),
        *((f"export {f}", p, "x.yaml", f"export --to {f} x.yaml", ()) for f in EXPORTS),
        ("compare", p, "x.yaml", "compare x.yaml good.yaml", good),
        ("compare json", p, "x.yaml", "compare --format json good.yaml x.yaml", good),
        ("matrix", p, "x.yaml", "matrix .", good),
        ("matrix csv", p, "x.yaml", "matrix --format csv .", good),
        ("gap profile", p, "x.yaml", "gap person.yaml x.yaml", person),
        ("gap rank", p, "x.yaml", "gap person.yaml .", both),
        ("team profile", p, "x.yaml", "team person.yaml --profiles x.yaml", person),
        ("gap assessment", a, "a.yaml", "gap a.yaml good.yaml", good),
        ("gap assessment json", a, "a.yaml", "gap --format json a.yaml good.yaml", good),
        ("gap assessment csv", a, "a.yaml", "gap --format csv a.yaml good.yaml", good),
        ("team assessment", a, "a.yaml", "team a.yaml person.yaml --profiles good.yaml", both),
        ("configuration", seeds["config"], side["config"], "validate good.yaml", good),
        ("baseline", seeds["baseline"], side["baseline"], f"{nc} --baseline b.json good.yaml", good),
        ("catalogue", seeds["catalogue"], side["catalogue"], f"{nc} --catalogue cat.yaml good.yaml", good),
        ("mapping", seeds["mapping"], side["mapping"], "compare --mapping m.yaml good.yaml good.yaml", good),
    ]  # fmt: skip
    found += [Target(name, s, file, tuple(argv.split()), beside) for name, s, file, argv, beside in table]
    return found


@dataclass
class Outcome:
    """What one run printed and returned."""

    code: int | None
    stdout: str
    stderr: str
    error: BaseException | None = None


def run(argv: list[str], cwd: Path) -> Outcome:
    """``skillprofiles ARGV`` in process, in ``cwd``, with its stdout and stderr captured."""
    out, err = _capture(), _capture()
    previous = os.getcwd()
    os.chdir(cwd)
    code: int | None = None
    error: BaseException | None = None
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
    except Exception as exc:  # any exception is what the fuzzer reports
        error = exc
    finally:
        os.chdir(previous)
    return Outcome(code, _text(out), _text(err), error)


def _capture() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8", "replace")  # type: ignore[attr-defined]


def problems(target: Target, outcome: Outcome) -> list[str]:
    """What is wrong with one run's outcome (empty: nothing)."""
    found = []
    if outcome.error is not None:
        found.append(f"exception {type(outcome.error).__name__}: {outcome.error}")
    if outcome.code not in (0, 1, 2):
        found.append(f"exit {outcome.code}")
    both = outcome.stdout + outcome.stderr
    if "Traceback" in both:
        found.append("traceback")
    listed = '"ruleId": "SP000"' if "sarif" in target.name else "SP000"
    if listed in both or "internal error" in both:
        found.append("SP000")
    if len(both.encode("utf-8", "replace")) > MAX_OUTPUT:
        found.append(f"{len(both)} characters of output")
    bad = sorted(set(CONTROL.findall(both)))
    if bad:
        found.append(f"control characters {bad!r}")
    if "github" not in target.name and WORKFLOW.search(both):
        found.append("a line starts a CI workflow command")
    return found


@contextlib.contextmanager
def workspace() -> Iterator[Path]:
    """A scratch directory that is emptied between inputs, and one argument parser for all runs.

    Building the parser is half the cost of a small run; argparse parsers are reusable, so the
    fuzzer builds it once (``main`` itself is unchanged)."""
    build = cli.build_parser
    parser = build()
    cli.build_parser = lambda only=None: parser  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory(prefix="skillprofiles-fuzz-") as name:
            yield Path(name)
    finally:
        cli.build_parser = build  # type: ignore[assignment]


def run_one(target: Target, text: str, folder: Path) -> list[str]:
    """Write the input and the files beside it, run the target, check the outcome and the inputs."""
    for entry in folder.iterdir():
        entry.unlink()
    files = {**dict(target.beside), target.file: text}
    for name, content in files.items():
        (folder / name).write_bytes(content.encode("utf-8", "surrogatepass"))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    outcome = run(list(target.argv), folder)
    found = problems(target, outcome)
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.name in before}
    if after != before:
        found.append("an input was modified")
    return found


Report = Callable[[Target, str, list[str]], None]


def fuzz(
    chosen: list[Target],
    inputs: int,
    seed: int,
    report: Report | None = None,
) -> dict[str, tuple[int, int]]:
    """Run ``inputs`` mutated inputs spread evenly over ``chosen``; per target: (inputs, failures)."""
    rng = random.Random(seed)
    counts = {t.name: [0, 0] for t in chosen}
    with workspace() as folder:
        for i in range(inputs):
            target = chosen[i % len(chosen)]
            text = mutate(rng, rng.choice(target.seeds))
            found = run_one(target, text, folder)
            counts[target.name][0] += 1
            if found:
                counts[target.name][1] += 1
                if report is not None:
                    report(target, text, found)
    return {name: (n, bad) for name, (n, bad) in counts.items()}


if __name__ == "__main__":  # one input: python -m tests.fuzz_commands TARGET FILE
    chosen = {t.name: t for t in targets()}[sys.argv[1]]
    with workspace() as folder:
        print(run_one(chosen, Path(sys.argv[2]).read_text(encoding="utf-8"), folder) or "ok")
