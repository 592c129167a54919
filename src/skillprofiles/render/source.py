"""Source lines for code frames: read only for files with findings, one file at a time, then dropped."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Iterable

# YAML's line breaks (YAML 1.1 also breaks on NEL, LS and PS), so line numbers agree with the reader's
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_SOURCE_BYTES = 8 * 1024 * 1024  # a code frame is a convenience: never read more than this


def read_lines(file: str, wanted: Iterable[int]) -> dict[int, str]:
    """The wanted 1-based lines of a file; lines (or the whole file) that cannot be read are left out."""
    data = _read_regular(file)
    if data is None:
        return {}
    numbers = set(wanted)
    if not numbers:
        return {}
    # split only as far as the last wanted line: the rest of the file is never cut into lines
    lines = _BREAK.split(_decode(data), maxsplit=max(numbers))[: max(numbers)]
    return {n: lines[n - 1] for n in numbers if 1 <= n <= len(lines)}


def _read_regular(file: str) -> bytes | None:
    """At most MAX_SOURCE_BYTES of a regular file, opened non-blocking: a named pipe, a device or a
    socket in the tree gives no code frame instead of a run that waits forever (or reads /dev/zero)."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks, left = [], MAX_SOURCE_BYTES
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    return data.decode("utf-8", errors="replace")


def cells(text: str) -> int:
    """How many terminal cells a text takes: wide East Asian characters 2, combining marks 0."""
    return sum(_cell(char) for char in text)


def _cell(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
