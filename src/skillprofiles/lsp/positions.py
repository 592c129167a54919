"""Positions: the CLI's 1-based (line, column in code points, YAML line breaks) <-> LSP's.

LSP positions are 0-based; ``character`` counts code units of the negotiated encoding (UTF-16 unless
the client offered another), so a character outside the Basic Multilingual Plane (an emoji, U+1D400)
counts 2. LSP lines end at ``\\r\\n``, ``\\r`` or ``\\n`` only, whereas the YAML reader also breaks at
``\\x85``, ``\\u2028`` and ``\\u2029``: the mapping goes through absolute offsets so that a file with
those characters still gets its diagnostics at the right places.
"""

from __future__ import annotations

import re
from bisect import bisect_right

YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
LSP_BREAK = re.compile("\r\n|[\r\n]")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(chars: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` these characters take (lone surrogates count as one)."""
    if encoding == UTF32:
        return len(chars)
    if encoding == UTF8:
        return len(chars.encode("utf-8", "surrogatepass"))
    return len(chars) + sum(1 for c in chars if ord(c) > 0xFFFF)


def _lines(text: str, pattern: re.Pattern[str]) -> tuple[list[int], list[int]]:
    starts, ends = [0], []
    for match in pattern.finditer(text):
        ends.append(match.start())
        starts.append(match.end())
    ends.append(len(text))
    return starts, ends


class TextIndex:
    """One document's text with both line tables, for converting positions back and forth."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self._yaml_starts, self._yaml_ends = _lines(text, YAML_BREAK)
        self._lsp_starts, self._lsp_ends = _lines(text, LSP_BREAK)

    # -- the CLI's positions --------------------------------------------------------------------
    def offset_of(self, line: int, col: int) -> int:
        """Offset of a 1-based CLI position, clamped into the text (a column past the end of its
        line is the end of the line; a line past the end is the end of the text)."""
        if line > len(self._yaml_starts):
            return len(self.text)
        index = max(line, 1) - 1
        start, end = self._yaml_starts[index], self._yaml_ends[index]
        return min(start + max(col, 1) - 1, end)

    def cli_position(self, offset: int) -> tuple[int, int]:
        """The 1-based CLI (line, column) of an offset."""
        offset = min(max(offset, 0), len(self.text))
        index = bisect_right(self._yaml_starts, offset) - 1
        return index + 1, offset - self._yaml_starts[index] + 1

    # -- LSP positions --------------------------------------------------------------------------
    def lsp_position(self, offset: int) -> tuple[int, int]:
        """The 0-based LSP (line, character) of an offset."""
        offset = min(max(offset, 0), len(self.text))
        index = bisect_right(self._lsp_starts, offset) - 1
        start = self._lsp_starts[index]
        offset = min(offset, self._lsp_ends[index])  # never inside a line break
        return index, units(self.text[start:offset], self.encoding)

    def lsp_offset(self, line: int, character: int) -> int:
        """Offset of a 0-based LSP position (clamped; a position inside a surrogate pair or a
        multi-byte UTF-8 sequence goes to the character's start)."""
        if line >= len(self._lsp_starts):
            return len(self.text)
        index = max(line, 0)
        start, end = self._lsp_starts[index], self._lsp_ends[index]
        if self.encoding == UTF32:
            return min(start + max(character, 0), end)
        counted, offset = 0, start
        while offset < end:
            width = units(self.text[offset], self.encoding)
            if counted + width > character:
                break
            counted += width
            offset += 1
        return offset

    def lsp_line(self, line: int) -> str:
        """The text of a 0-based LSP line, without its line break."""
        if not 0 <= line < len(self._lsp_starts):
            return ""
        return self.text[self._lsp_starts[line] : self._lsp_ends[line]]

    # -- both ways ------------------------------------------------------------------------------
    def to_lsp(self, line: int, col: int) -> tuple[int, int]:
        """CLI (1-based, code points, YAML lines) -> LSP (0-based, code units, LSP lines)."""
        return self.lsp_position(self.offset_of(line, col))

    def to_cli(self, line: int, character: int) -> tuple[int, int]:
        """LSP -> CLI."""
        return self.cli_position(self.lsp_offset(line, character))

    def to_lsp_range(
        self, start_line: int, start_col: int, end_line: int, end_col: int
    ) -> tuple[tuple[int, int], tuple[int, int]]:
        """A CLI span as ((line, character), (line, character)), the end never before the start."""
        start = self.offset_of(start_line, start_col)
        end = max(self.offset_of(end_line, end_col), start)
        return self.lsp_position(start), self.lsp_position(end)
