"""Fuzzing the reader, the loader and every rule: random bytes and mutated real profiles never crash.

CI budget: ``SKILLPROFILES_FUZZ_EXAMPLES`` examples per test (default 5,000: about 20 s in all).
Longer run: ``SKILLPROFILES_FUZZ_EXAMPLES=250000 pytest tests/test_fuzz.py`` (17 min; docs/security.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillprofiles.diagnostics import Diagnostic
from skillprofiles.engine.checker import Checker
from skillprofiles.source.reader import Limits, parse_bytes
from skillprofiles.textsafe import printable
from skillprofiles.tuning.config import Config
from tests.conftest import PROFILES

EXAMPLES = int(os.environ.get("SKILLPROFILES_FUZZ_EXAMPLES", "5000"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEEDS = [p.read_bytes() for p in sorted(PROFILES.glob("*.yaml"))]
SYNTAX = [b":", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"<<: ", b"!!python/object ", b"! ", b"'",
          b'"', b"\t", b"\n", b"---\n", b"...\n", b"? ", b"|", b">", b"#", b"%YAML 1.1\n", b"\x00",
          b"\xef\xbb\xbf", b"\xff\xfe", b"\xe9", b"\x1b[31m", b"  ", b",", b"@", b"`", b"\r"]  # fmt: skip
BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
CHECKERS = [Checker(), Checker(Config(limits=Limits(allow_aliases=True)))]


def check_all(data: bytes) -> None:
    """Every checker reports on the bytes without raising, and each finding is well formed."""
    for checker in CHECKERS:
        parsed = parse_bytes(data, "fuzz.yaml", checker.config.limits)
        for diagnostic in checker.check_parsed(parsed).diagnostics:
            assert_well_formed(diagnostic, data, parsed.text)


def assert_well_formed(diagnostic: Diagnostic, data: bytes, text: str) -> None:
    """No internal error, a position inside the file, and one printable line of message and hint."""
    assert diagnostic.code != "SP000", diagnostic.message
    # the file's lines, as libyaml counts breaks, in whichever encoding the reader tried
    readings = [text, *(data.decode(codec, "replace") for codec in ("utf-8", "utf-16", "utf-32"))]
    lines = max(len(BREAKS.findall(reading)) + 1 for reading in readings)
    assert 1 <= diagnostic.line <= lines, (diagnostic, lines)
    assert diagnostic.column >= 1
    assert printable(diagnostic.message) == diagnostic.message
    assert diagnostic.hint is None or printable(diagnostic.hint) == diagnostic.hint


Mutation = Callable[[bytes], bytes]


@st.composite
def mutated_profile(draw: st.DrawFn) -> bytes:
    """A real profile with byte flips, truncation, and YAML syntax inserted or deleted."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "syntax"]))
        if action == "flip" and where < len(data):
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[where : where + draw(st.integers(1, 40))]
        elif action == "truncate":
            del data[where:]
        else:
            data[where:where] = draw(st.sampled_from(SYNTAX))
    return bytes(data)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data: bytes) -> None:
    check_all(data)


@FUZZ
@given(st.lists(st.sampled_from([*SYNTAX, b"a", b"b", b"1", b"yes", b"e-3"]), max_size=60))
def test_yaml_token_soup_never_crashes(parts: list[bytes]) -> None:
    check_all(b"".join(parts))


@FUZZ
@given(mutated_profile())
def test_mutated_profiles_never_crash(data: bytes) -> None:
    check_all(data)
