"""The "suppress on this line" edit: add ``# skillprofiles: ignore[CODE]`` to a line's end, or add the
code to the line's existing directive.

Follows the comment syntax of :mod:`skillprofiles.tuning.suppress` (a directive is read at the start
of a YAML comment, found with the same :func:`comment_start`; a comment alone on its line applies to
the next line, so a line without content gets no action; meta findings, SP9xx, are never suppressed).
"""

from __future__ import annotations

import re

from skillprofiles.tuning.suppress import comment_start

_DIRECTIVE = re.compile(r"#\s*skillprofiles:\s*")
_IGNORE = re.compile(r"ignore\[(?P<body>[^\]]*)\]")


def can_suppress(code: str) -> bool:
    """Whether an inline comment can suppress findings of ``code`` (meta findings cannot)."""
    return not code.startswith("SP9")


def suppression_edit(line: str, code: str) -> tuple[int, int, str] | None:
    """(start, end, new_text) in characters of ``line`` that suppresses ``code`` there, or None
    when a trailing comment cannot do it (no content on the line, the code is already named, or
    the line's comment is another skillprofiles directive)."""
    if not can_suppress(code):
        return None
    start = comment_start(line)
    content = line if start is None else line[:start]
    if not content.strip():
        return None
    if start is None:
        end = len(line.rstrip())
        return end, len(line), f"  # skillprofiles: ignore[{code}]"
    directive = _DIRECTIVE.match(line, start)
    if directive is None:  # an ordinary comment: put the directive first, keep the comment
        return start, start, f"# skillprofiles: ignore[{code}] "
    form = _IGNORE.match(line, directive.end())
    if form is None:  # ignore-file[...] or a malformed directive: leave it to the user
        return None
    names = [part.strip() for part in form["body"].split(",") if part.strip()]
    if code in names:
        return None
    body = ", ".join([*names, code])
    return form.start("body"), form.end("body"), body
