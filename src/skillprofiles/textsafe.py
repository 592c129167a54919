"""Make untrusted profile text safe to show: no terminal escapes, no control characters, one line."""

from __future__ import annotations

import functools
import json
import re

# C0/C1 controls except tab, DEL, and Unicode line/paragraph separators and bidi overrides
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# json.dumps escapes C0 controls itself; these others would reach a terminal raw (C1 CSI, bidi overrides)
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}
    return named.get(char, f"\\u{ord(char):04x}")


def printable(text: str) -> str:
    """The text with every control character shown as an escape, so that it stays one visible line."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


@functools.cache
def _not_xml() -> re.Pattern[str]:
    # characters XML 1.0 cannot carry at all, even as character references; compiled on first use,
    # since the astral range makes it cost a one-file run some 10 ms that only junit output needs
    return re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Printable text that XML 1.0 can also carry (lone surrogates and U+FFFE/U+FFFF escaped)."""
    return _not_xml().sub(_escape, printable(text))


def json_dumps(document: object) -> str:
    """Indented JSON that keeps non-ASCII text readable but escapes every character a terminal would obey."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
