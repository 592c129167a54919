"""Every case of issue 17, run end to end on the real command line: ``python -m tests.fuzz_cases``.

Each case is one command in a fresh directory, with what it must do: no traceback, no SP000, an
exit code, a bound on time and output, and its inputs untouched. Prints one line per case and ends
with exit 1 when any case fails.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.minimal import WSP

HOSTILE = "Edu\x1b[2J\x1b]8;;http://x\x07\x9b\u202e\n::error::x [link=http://x]y[/link] [bold]"
Setup = Callable[[Path], None]


@dataclass
class Case:
    """One reproducer of the issue and what it must give."""

    name: str
    setup: Setup
    argv: list[str]
    exit: int | tuple[int, ...]
    seconds: float = 30.0
    max_output: int = 1_000_000
    stdout_has: str = ""
    stderr_has: str = ""
    clean: bool = False  # no control character (but \n, \t) in stdout and stderr
    tty: bool = False  # run on a pseudo-terminal (the default format there is full)
    env: dict[str, str] = field(default_factory=dict)
    rules_listed: bool = False  # SARIF lists every rule, SP000 too: only a result of SP000 is a failure


def write(name: str, text: str | bytes) -> Setup:
    def setup(folder: Path) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)

    return setup


def both(*setups: Setup) -> Setup:
    def setup(folder: Path) -> None:
        for step in setups:
            step(folder)

    return setup


def fifo(name: str) -> Setup:
    return lambda folder: os.mkfifo(folder / name)


def link(name: str, target: str) -> Setup:
    return lambda folder: (folder / name).symlink_to(target)


def copies(count: int) -> Setup:
    def setup(folder: Path) -> None:
        for i in range(count):
            (folder / f"c{i:04}.yaml").write_text(WSP)

    return setup


def tagged(tag: str) -> str:
    return f"x: {tag}\n"


def hostile_profile() -> str:
    title = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').encode("unicode_escape").decode()
    return WSP.replace("title: Test Profile", f'title: "{title}"')


def hostile_assessment() -> str:
    person = HOSTILE.encode("unicode_escape").decode().replace('"', '\\"')
    return f"person: \"{person}\"\necf_version: '2.0'\ncompetences:\n  - code: B.1\n    level: e-2\n"


P = write("p.yaml", WSP)
TAGS = ["!!bool maybe", "!!timestamp x", "!!int ''", "!!float ''"]
NO_TB = 2  # the usual exit for a bad side file


def cases() -> list[Case]:
    found: list[Case] = []
    for tag in TAGS:
        t = write("t.yaml", tagged(tag))
        found += [
            Case(f"tag {tag}: validate", t, ["validate", "--no-config", "t.yaml"], 1, stdout_has="SP010"),
            Case(f"tag {tag}: show", t, ["show", "t.yaml"], 1),
            Case(f"tag {tag}: export", t, ["export", "--to", "html", "t.yaml"], 1),
            Case(f"tag {tag}: compare", t, ["compare", "t.yaml", "t.yaml"], 1),
            Case(f"tag {tag}: gap", t, ["gap", "t.yaml", "t.yaml"], 1),
            Case(f"tag {tag}: matrix", t, ["matrix", "."], 1),
            Case(f"tag {tag}: config", both(P, t), ["validate", "--config", "t.yaml", "p.yaml"], 2),
            Case(f"tag {tag}: catalogue", both(P, t), ["validate", "--catalogue", "t.yaml", "p.yaml"], 2),
            Case(
                f"tag {tag}: mapping",
                both(P, t),
                ["compare", "--mapping", "t.yaml", "p.yaml", "p.yaml"],
                (1, 2),
            ),
            Case(f"tag {tag}: assessment", both(P, t), ["gap", "t.yaml", "p.yaml"], 1, stderr_has="SP010"),
        ]
    found += [
        Case(
            "$schema http://[x",
            write("p.yaml", "$schema: 'http://[x'\n" + WSP),
            ["validate", "--no-config", "--format", "concise", "p.yaml"],
            0,
            stdout_has="p.yaml:1:10: SP120",
        ),
        Case(
            "per_path glob [z-a]",
            both(P, write(".skillprofiles.yaml", "per_path:\n  - paths: ['[z-a]']\n    ignore: [SP303]\n")),
            ["validate", "p.yaml"],
            (0, 2),
        ),
        Case(
            "max_file_size: 1e23",
            both(P, write(".skillprofiles.yaml", "max_file_size: 1e23\n")),
            ["validate", "p.yaml"],
            2,
            stderr_has="SP910",
        ),
        Case(
            "max_depth: 1000",
            both(P, write(".skillprofiles.yaml", "max_depth: 1000\n")),
            ["validate", "p.yaml"],
            2,
            stderr_has="SP910",
        ),
        Case(
            "NUL in baseline",
            both(P, write(".skillprofiles.yaml", 'baseline: "a\\0b"\n')),
            ["validate", "p.yaml"],
            2,
            stderr_has="SP910",
        ),
        Case(
            "deeply nested pyproject.toml",
            both(P, write("pyproject.toml", "[tool.skillprofiles]\na = " + "[" * 9000 + "]" * 9000 + "\n")),
            ["validate", "p.yaml"],
            2,
            stderr_has="pyproject.toml:1:1: SP910 invalid TOML: nesting is too deep",
        ),
        Case(
            "deeply nested pyproject.toml, no tool table",
            both(P, write("pyproject.toml", "a = " + "[" * 9000 + "]" * 9000 + "\n")),
            ["validate", "p.yaml"],
            0,
        ),
        Case("rules -o DIR", P, ["rules", "-o", "."], 2, stderr_has="is a directory"),
        Case("schema --write FILE", P, ["schema", "--write", "p.yaml"], 2),
        Case(
            "--repository with a link loop",
            both(P, link("self.yaml", "self.yaml"), link("a", "b"), link("b", "a")),
            ["validate", "--no-config", "--repository", ".", "p.yaml"],
            (0, 1),
        ),
        Case(
            "full on a 30 KB one-line file",
            write("long.yaml", "{" + ", ".join(["a: 1"] * 6000) + "}\n"),
            ["validate", "--no-config", "--format", "full", "long.yaml"],
            1,
            max_output=200_000,
        ),
        Case(
            "full on a 90 KB one-line file",
            write("long.yaml", "{" + ", ".join(f"k{i}: {'v' * 4}" for i in range(9000)) + ", k1: 1}\n"),
            ["validate", "--no-config", "--format", "full", "long.yaml"],
            (0, 1),
            max_output=200_000,
        ),
        Case(
            "junit with 24,000 findings",
            write("many.yaml", "{" + ", ".join(["a: 1"] * 24001) + "}\n"),
            ["validate", "--no-config", "--format", "junit", "--max-file-size", "10000000", "many.yaml"],
            1,
            seconds=20,
        ),
        Case(
            "SP301 over 3,000 copies",
            copies(3000),
            ["validate", "--no-config", "--select", "SP301", "--format", "text", "."],
            1,
            seconds=120,
            max_output=3000 * 400,
        ),
        Case(
            "named pipe: full",
            both(P, fifo("fifo.yaml")),
            ["validate", "--no-config", "--format", "full", "."],
            1,
            stdout_has="SP001",
        ),
        Case(
            "named pipe: plain validate on a terminal",
            both(P, fifo("fifo.yaml")),
            ["validate", "--no-config", "."],
            1,
            tty=True,
        ),
        Case(
            "named pipe: --write-baseline",
            both(P, fifo("fifo.yaml")),
            ["validate", "--no-config", "--write-baseline", "b.json", "."],
            0,
        ),
        Case(
            "named pipe: --baseline",
            both(P, fifo("fifo.yaml"), write("b.json", '{"format_version": 1, "findings": []}\n')),
            ["validate", "--no-config", "--baseline", "b.json", "."],
            1,
        ),
        Case(
            "--baseline /dev/zero",
            P,
            ["validate", "--baseline", "/dev/zero", "p.yaml"],
            2,
            stderr_has="SP911",
        ),
        Case(
            "baseline: /dev/zero in the configuration",
            both(P, write(".skillprofiles.yaml", "baseline: /dev/zero\n")),
            ["validate", "p.yaml"],
            2,
            stderr_has="SP911",
        ),
        Case(
            "per_path ******************x",
            both(
                P,
                write(
                    ".skillprofiles.yaml",
                    "per_path:\n  - paths: ['******************x']\n    ignore: [SP1]\n",
                ),
            ),
            ["validate", "p.yaml"],
            (0, 1),
            seconds=10,
        ),
        Case("--jobs 1000", copies(5), ["validate", "--no-config", "--jobs", "1000", "."], 1, seconds=30),
        Case(
            "--jobs 99999999999999999999",
            P,
            ["validate", "--no-config", "--jobs", "99999999999999999999", "p.yaml"],
            2,
            stderr_has="at most 1024",
        ),
        Case(
            "--write-baseline over a profile",
            write("profiles/X.yaml", WSP),
            ["validate", "--no-config", "--write-baseline", "profiles/X.yaml", "profiles/"],
            2,
            stderr_has="refusing",
        ),
        Case(
            "--github-summary over a profile",
            P,
            ["validate", "--no-config", "--github-summary", "p.yaml", "p.yaml"],
            2,
            stderr_has="refusing",
        ),
        Case("export -o its input", P, ["export", "--to", "markdown", "-o", "p.yaml", "p.yaml"], 2),
        Case(
            "export -o a link to its input",
            both(P, link("l.md", "p.yaml")),
            ["export", "--to", "markdown", "-o", "l.md", "p.yaml"],
            2,
        ),
        Case("matrix --html over a profile", P, ["matrix", ".", "--html", "./p.yaml"], 2),
        Case(
            "suppression line breaks \\v \\f \\x1c-\\x1e",
            write("p.yaml", "a: 1\x0b\x0c\x1c\x1d # skillprofiles: ignore[SP999]\n"),
            ["validate", "--no-config", "--format", "concise", "p.yaml"],
            1,
            stdout_has="p.yaml:1:",
        ),
    ]
    hostile = write("h.yaml", hostile_profile())
    person = both(P, write("a.yaml", hostile_assessment()))
    for fmt in ("text", "full", "json", "sarif", "github", "junit", "concise"):
        found.append(
            Case(
                f"hostile title: validate {fmt}",
                hostile,
                ["validate", "--no-config", "--format", fmt, "h.yaml"],
                (0, 1),
                clean=True,
                rules_listed=fmt == "sarif",
            )
        )
    for fmt in ("markdown", "html", "json", "jsonld"):
        found.append(
            Case(
                f"hostile title: export {fmt}", hostile, ["export", "--to", fmt, "h.yaml"], (0, 1), clean=True
            )
        )
    found += [
        Case("hostile title: show", hostile, ["show", "h.yaml"], (0, 1), clean=True),
        Case("hostile title: compare", hostile, ["compare", "h.yaml", "h.yaml"], (0, 1), clean=True),
        Case("hostile title: matrix", hostile, ["matrix", "."], (0, 1), clean=True),
        Case("hostile name: gap", person, ["gap", "a.yaml", "p.yaml"], (0, 1), clean=True),
        Case(
            "hostile name: gap (terminal)", person, ["gap", "a.yaml", "p.yaml"], (0, 1), clean=True, tty=True
        ),
        Case("hostile name: team", person, ["team", "a.yaml", "--profiles", "p.yaml"], (0, 1), clean=True),
        Case(
            "hostile title: gap",
            both(hostile, write("a.yaml", hostile_assessment())),
            ["gap", "a.yaml", "h.yaml"],
            (0, 1),
            clean=True,
        ),
    ]
    return found


def control_characters(text: str) -> list[str]:
    """Control characters, bidi controls and separators in output, but for line feed and tab."""
    bad = {chr(c) for c in range(32) if c not in (9, 10)} | {chr(c) for c in range(0x7F, 0xA0)}
    bad |= set("\u2028\u2029\u200e\u200f\u061c") | {chr(c) for c in range(0x202A, 0x202F)}
    bad |= {chr(c) for c in range(0x2066, 0x206A)}
    return sorted({c for c in text if c in bad})


def run_case(case: Case, exe: list[str]) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        case.setup(folder)
        before = snapshot(folder)
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **case.env}
        start = time.monotonic()
        if case.tty:
            code, out, err = on_terminal([*exe, *case.argv], folder, env, case.seconds)
        else:
            try:
                done = subprocess.run(
                    [*exe, *case.argv], cwd=folder, env=env, capture_output=True, timeout=case.seconds
                )
            except subprocess.TimeoutExpired:
                return False, f"no end within {case.seconds} s"
            code, out, err = done.returncode, done.stdout, done.stderr
        took = time.monotonic() - start
        stdout, stderr = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
        problems = []
        expected = case.exit if isinstance(case.exit, tuple) else (case.exit,)
        if code not in expected:
            problems.append(f"exit {code}, expected {case.exit}")
        for where, text in (("stdout", stdout), ("stderr", stderr)):
            if "Traceback" in text:
                problems.append(f"traceback on {where}")
            if ('"ruleId": "SP000"' if case.rules_listed else "SP000") in text:
                problems.append(f"SP000 on {where}")
            if case.clean and (bad := control_characters(text if not case.tty else strip_terminal(text))):
                problems.append(f"control characters on {where}: {bad!r}")
            if case.clean and "github" not in case.argv and re.search(r"^\s*::", text, re.MULTILINE):
                problems.append(f"a line of {where} starts a CI workflow command")
        if len(out) + len(err) > case.max_output:
            problems.append(f"{len(out) + len(err)} bytes of output")
        if case.stdout_has not in stdout:
            problems.append(f"stdout lacks {case.stdout_has!r}")
        if case.stderr_has not in stderr:
            problems.append(f"stderr lacks {case.stderr_has!r}")
        if snapshot(folder, before) != before:
            problems.append("an input was modified")
        summary = f"exit {code}, {took:.1f} s, {len(out) + len(err)} bytes"
        return not problems, summary + ("" if not problems else ": " + "; ".join(problems))


def snapshot(folder: Path, only: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The bytes of every regular file (of those in ``only`` when given), named by relative path."""
    files: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if only is not None and name not in only:
            continue
        if path.is_file() and not path.is_symlink() and not path.is_fifo():
            files[name] = path.read_bytes()
        elif path.is_symlink():
            files[name] = os.readlink(path).encode()
    if only is not None:
        for name in only:
            files.setdefault(name, b"<gone>")
    return files


def on_terminal(argv: list[str], cwd: Path, env: dict[str, str], seconds: float) -> tuple[int, bytes, bytes]:
    import pty
    import select

    env = {k: v for k, v in env.items() if k != "NO_COLOR"}
    main, secondary = pty.openpty()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=secondary, stderr=secondary, stdin=secondary)
    os.close(secondary)
    chunks, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        elif process.poll() is not None:
            break
    else:
        process.kill()
        process.wait()
        os.close(main)
        return -9, b"".join(chunks), b"no end within the time allowed"
    os.close(main)
    return process.wait(), b"".join(chunks), b""


def strip_terminal(text: str) -> str:
    """The text without the SGR colour sequences rich writes on a terminal, and with CRLF as LF."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text).replace("\r\n", "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="run only cases whose name contains this")
    args = parser.parse_args()
    exe = [sys.executable, "-m", "skillprofiles"]
    failed = 0
    for case in cases():
        if args.k not in case.name:
            continue
        ok, summary = run_case(case, exe)
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {case.name}: {summary}", flush=True)
    print(f"{failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
