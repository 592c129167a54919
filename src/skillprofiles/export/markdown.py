"""A profile sheet as Markdown for publication; every piece of profile text is escaped."""

from __future__ import annotations

import re

from skillprofiles.export.sheet import Block, Bullets, Competences, Languages, Paragraphs, Section, Sheet
from skillprofiles.textsafe import printable

# characters that are markup wherever they stand (emphasis, code, links, HTML, entities, GFM tables)
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# markers that open a block only at the start of a line: headings, lists, quotes, setext rules
_LINE_START = re.compile(r"^(\d*)([#+\-=.)])")


def escape(text: str) -> str:
    """Profile text, line breaks folded, with every character Markdown could read as markup escaped.

    Control characters and bidi overrides become visible escapes, and a leading ``::`` is escaped
    too, so that no line of the document reads as a CI workflow command (``::error ...``).
    """
    text = _INLINE.sub(r"\\\1", printable(" ".join(text.split())))
    if text.startswith("::"):
        text = "\\" + text
    return _LINE_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    digits, marker = match.groups()
    if marker in ".)" and not digits:  # a bare '.' or ')' opens no block
        return match.group()
    if digits and marker not in ".)":  # '2#' or '3-' opens no block either
        return match.group()
    return f"{digits}\\{marker}"


def render_markdown(sheet: Sheet) -> str:
    """The sheet as a Markdown document (level-1 title, sections as level-2 headings)."""
    lines = [f"# {escape(sheet.title)}", ""]
    lines += [f"- **{label}:** {escape(value)}" for label, value in sheet.facts] + [""]
    for section in sheet.sections:
        lines += _section(section, 2)
    return "\n".join(lines).rstrip() + "\n"


def _section(section: Section, depth: int) -> list[str]:
    lines = [f"{'#' * min(depth, 6)} {escape(section.heading)}", ""]
    for block in section.blocks:
        lines += _block(block, depth)
    return lines


def _block(block: Block, depth: int) -> list[str]:
    if isinstance(block, Section):
        return _section(block, depth + 1)
    if isinstance(block, Paragraphs):
        return [line for text in block.texts for line in (escape(text), "")]
    if isinstance(block, Bullets):
        return [f"- {escape(item)}" for item in block.items] + [""]
    if isinstance(block, Competences):
        return _competences(block)
    return _languages(block)


def _competences(block: Competences) -> list[str]:
    lines = ["| Code | Competence | Area | Levels |", "|---|---|---|---|"]
    for row in block.rows:
        title = escape(row.title)
        if row.sheet_title != row.title:
            title += f" (sheet: {escape(row.sheet_title)})"
        levels = escape(", ".join(row.levels))
        lines.append(f"| {escape(row.cid.code)} | {title} | {escape(row.area)} | {levels} |")
    return [*lines, ""]


def _languages(block: Languages) -> list[str]:
    lines = ["| Language | Minimum CEFR level | Required | As written |", "|---|---|---|---|"]
    for row in block.rows:
        required = "preferred" if row.preferred else "required"
        lines.append(
            f"| {escape(row.language)} | {escape(row.min_level)} | {required} | {escape(row.text)} |"
        )
    return [*lines, ""]
