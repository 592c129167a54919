"""Make untrusted profile text safe to show: no terminal escapes, no control characters, one line."""

from __future__ import annotations

import re

# C0/C1 controls except tab, DEL, and Unicode line/paragraph separators and bidi overrides
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}
    return named.get(char, f"\\u{ord(char):04x}")


def printable(text: str) -> str:
    """The text with every control character shown as an escape, so that it stays one visible line."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text
