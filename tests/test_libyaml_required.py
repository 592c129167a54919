"""Without libyaml the reader refuses clearly: the CLI exits 2 saying so, and the import fails saying so.

The reader's positions, limits and messages are libyaml's; PyYAML's pure-Python parser differs in
several of them, so a PyYAML built without libyaml is refused instead of giving other results. Each test
runs a fresh interpreter in which PyYAML's extension module cannot be imported, as in such a build.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

# what a PyYAML built without libyaml looks like: its C extension is missing, so yaml has no CSafeLoader
WITHOUT_LIBYAML = "import sys\nsys.modules['yaml._yaml'] = None\nimport yaml\n"


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_LIBYAML + code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def names_libyaml_and_the_fix(message: str) -> bool:
    return "libyaml" in message and "pip install" in message and "PyYAML" in message


def test_the_harness_hides_libyaml() -> None:
    done = run("print(hasattr(yaml, 'CSafeLoader'), yaml.__with_libyaml__)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_validate_exits_2_naming_libyaml() -> None:
    done = run("from skillprofiles.cli import main; raise SystemExit(main(['validate', 'profiles/']))")
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert names_libyaml_and_the_fix(done.stderr), done.stderr


def test_importing_the_reader_raises_import_error_naming_libyaml() -> None:
    done = run(
        "try:\n"
        "    import skillprofiles.source.reader\n"
        "except ImportError as error:\n"
        "    print(error)\n"
        "    raise SystemExit(0)\n"
        "raise SystemExit('skillprofiles.source.reader imported without libyaml')"
    )
    assert done.returncode == 0, done.stderr
    assert names_libyaml_and_the_fix(done.stdout), done.stdout
