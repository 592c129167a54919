"""Make untrusted profile text safe to show: no terminal escapes, no control characters, one line."""

from __future__ import annotations

import functools
import re


@functools.cache
def _unsafe() -> re.Pattern[str]:
    # C0/C1 controls except tab, DEL, and Unicode line/paragraph separators and bidi overrides; compiled
    # on first use, since str.isprintable() clears nearly every text a run shows without it
    return re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@functools.cache
def _json_raw() -> re.Pattern[str]:
    # json.dumps escapes C0 controls itself; these others would reach a terminal raw (C1 CSI, bidi
    # overrides); compiled on first use, as only the JSON formats need it
    return re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}
    return named.get(char, f"\\u{ord(char):04x}")


def printable(text: str) -> str:
    """The text with every control character shown as an escape, so that it stays one visible line."""
    if text.isprintable():  # every character the pattern escapes is unprintable (Cc, Cf, Zl or Zp)
        return text
    unsafe = _unsafe()
    return unsafe.sub(_escape, text) if unsafe.search(text) else text


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
    import json  # here, not at the top: only the JSON formats need it, and printable() is on every path

    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _json_raw().sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
