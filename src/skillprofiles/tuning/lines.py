"""A text's lines as libyaml counts them, and what excerpts and baseline fingerprints keep of a line."""

from __future__ import annotations

import re

# every suppression comment contains this: a file without it needs no suppression scan (suppress.py)
MARK = "skillprofiles:"
MAX_CONTENT = 4096  # a normalised line longer than this is fingerprinted by its SHA-256
# the line breaks libyaml counts (as the reader does): str.splitlines also breaks at \v, \f and
# \x1c-\x1e, which would put a finding after them on a line of its own that no other finding uses
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def split_lines(text: str, upto: int | None = None) -> list[str]:
    """The lines of a text, broken where libyaml breaks them (CR, LF, CRLF, NEL, U+2028, U+2029);
    with ``upto``, only the first ``upto`` lines (the rest of the text is never cut into lines)."""
    if upto is not None:
        return _BREAK.split(text, maxsplit=upto)[:upto]
    lines = _BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def content_of(line: str) -> str:
    """What a fingerprint hashes of a line: its whitespace-normalised text, or the SHA-256 of that
    text when it is longer than MAX_CONTENT characters (a run keeps no more of one line)."""
    content = " ".join(line.split())
    if len(content) <= MAX_CONTENT:
        return content
    import hashlib  # only for a very long line

    return "sha256:" + hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
