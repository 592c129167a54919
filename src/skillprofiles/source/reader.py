"""Bytes to plain YAML data with a source map, from libyaml events with bounded depth, size and aliases."""

from __future__ import annotations

import codecs
import errno
import operator
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.resolver import Resolver

from skillprofiles.codes import reader as codes
from skillprofiles.codes.registry import Rule
from skillprofiles.diagnostics import Diagnostic, DocPath, Span
from skillprofiles.source import MissingLibyamlError
from skillprofiles.source.nodemap import SPAN_FIELDS, LazyTable, NodeTree
from skillprofiles.textsafe import printable

# positions, limits and messages are libyaml's: PyYAML's pure-Python parser differs in several of them
# (docs/yaml-suite.md), so a PyYAML built without libyaml is refused rather than giving other results
LIBYAML_MISSING = (
    "skillprofiles needs PyYAML built with libyaml, and this PyYAML has no libyaml; install a PyYAML "
    "wheel that bundles it: pip install --force-reinstall --only-binary PyYAML PyYAML"
)
try:
    from yaml import CSafeLoader as _EventLoader
except ImportError as missing:  # pragma: no cover - depends on how PyYAML was built
    raise MissingLibyamlError(LIBYAML_MISSING) from missing

YAML_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {None, "!", YAML_TAG + "map", YAML_TAG + "seq"}
_RESOLVERS = Resolver.yaml_implicit_resolvers
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# the line breaks libyaml counts (YAML 1.1): positions we compute ourselves must agree with its marks
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHOWN_MAX = 60  # user text echoed in a message is cut to this many characters
MAX_DEPTH_CEILING = 256  # deeper data would reach the recursion limits of validation and rules
MAX_BYTES_CEILING = 1 << 30  # a larger max_file_size is refused: one read of it would exhaust memory
_FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile input from exhausting the machine; all configurable."""

    max_bytes: int = 2 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 50_000
    allow_aliases: bool = False
    max_alias_nodes: int = 10_000
    follow_links: bool = False  # follow symbolic links that lead out of the tree being checked

    def __post_init__(self) -> None:
        if not 1 <= self.max_depth <= MAX_DEPTH_CEILING:
            raise ValueError(f"max_depth must be between 1 and {MAX_DEPTH_CEILING}, not {self.max_depth}")
        for name in ("max_bytes", "max_nodes", "max_alias_nodes"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be a positive number, not {getattr(self, name)}")
        if self.max_bytes > MAX_BYTES_CEILING:
            raise ValueError(f"max_bytes must be at most {MAX_BYTES_CEILING}, not {self.max_bytes}")


@dataclass(slots=True)
class SourceMap:
    """Where each value and mapping key of a document starts and ends."""

    values: dict[DocPath, Span] = field(default_factory=dict)
    keys: dict[DocPath, Span] = field(default_factory=dict)
    raw: dict[DocPath, str] = field(default_factory=dict)  # plain scalars YAML did not read as strings
    styles: dict[DocPath, str] = field(default_factory=dict)  # quoting style of those scalars

    def span(self, path: DocPath, key: bool = False) -> Span:
        """The span of ``path`` (its key when ``key``), else that of its nearest ancestor."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        for end in range(len(path) - 1, -1, -1):
            prefix = path[:end]
            if prefix in self.values:
                return self.values[prefix]
        return Span.point(1, 1)


@dataclass(slots=True)
class Parsed:
    """The outcome of reading one file: data (None when unusable), positions, findings and the text."""

    file: str
    data: Any = None
    source: SourceMap = field(default_factory=SourceMap)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""

    def report(self, entry: Rule, message: str, span: Span, hint: str | None = None) -> None:
        """Record a reader finding with the rule's default severity."""
        self.diagnostics.append(entry.diagnostic(message, self.file, span, hint))


class _AbortError(Exception):
    """Stop building the document: a limit was hit and already reported."""


def read_path(path: Path, display: str, limits: Limits | None = None) -> Parsed:
    """Read and parse one file; every problem, I/O included, becomes a diagnostic."""
    parsed = Parsed(display)
    limits = limits or Limits()
    try:
        data = _read(path, limits.max_bytes + 1)
    except OSError as exc:
        reason = _why_unreadable(path, exc)
        parsed.report(codes.UNREADABLE, f"cannot read file: {reason}", Span.point(1, 1))
        return parsed
    except _NotAFileError as exc:
        message = f"cannot read file: it is {exc}, not a regular file"
        parsed.report(codes.UNREADABLE, message, Span.point(1, 1))
        return parsed
    return parse_bytes(data, display, limits, parsed)


class _NotAFileError(Exception):
    """The path names a directory, a pipe, a socket or a device."""


class UnreadableError(Exception):
    """A file cannot be read as a regular file within its limit; the message says why, for a user."""


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, read as profiles are: opened non-blocking (a named pipe never
    waits), refused unless a regular file (``/dev/zero``, directories, sockets), at most ``limit``
    bytes. Raises :class:`UnreadableError` with a one-line reason, the size limit included."""
    try:
        data = _read(path, limit + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = _why_unreadable(path, exc) if isinstance(exc, OSError) else "its name holds a NUL byte"
        raise UnreadableError(f"cannot read file: {reason}") from None
    except _NotAFileError as exc:
        raise UnreadableError(f"cannot read file: it is {exc}, not a regular file") from None
    if len(data) > limit:
        raise UnreadableError(f"file is larger than the limit of {limit} bytes")
    return data


def _read(path: Path, size: int) -> bytes:
    # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then refuses anything not a file
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _NotAFileError(next((kind for test, kind in _FILE_KINDS if test(mode)), "a device"))
        handle = os.fdopen(fd, "rb")  # owns the descriptor from here on
    except BaseException:
        os.close(fd)
        raise
    with handle:
        return handle.read(size)


def _why_unreadable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it is a loop of symbolic links"
    if exc.errno == errno.ENOENT and _is_link(path):
        return "it is a broken symbolic link"
    return exc.strerror or str(exc)


def _is_link(path: Path) -> bool:
    # lstat fails too in a directory that cannot be searched (EACCES): that is not a link we can tell
    try:
        return path.is_symlink()
    except (OSError, ValueError):
        return False


def parse_bytes(
    data: bytes, display: str, limits: Limits | None = None, parsed: Parsed | None = None
) -> Parsed:
    """Decode and parse a document given as bytes."""
    parsed = parsed or Parsed(display)
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        parsed.report(
            codes.TOO_LARGE,
            f"file is larger than the limit of {limits.max_bytes} bytes",
            Span.point(1, 1),
            "raise the limit with --max-file-size if this file is genuine",
        )
        return parsed
    text = _decode(data, parsed)
    if text is not None:
        parse_text(text, display, limits, parsed)
    return parsed


def _decode(data: bytes, parsed: Parsed) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, codec, parsed, bom_label=codec)
    if b"\x00" in data:
        _nul(data, parsed)
        return None
    return _decode_with(data, "utf-8", parsed, bom_label=None)


def _nul(data: bytes, parsed: Parsed) -> None:
    unmarked = _utf16_or_32(data)
    if unmarked is not None:
        parsed.report(
            codes.BAD_ENCODING,
            f"file looks like {unmarked} text without a byte-order mark; it was not read",
            Span.point(1, 1),
            "save the file as UTF-8",
        )
        return
    nul = data.index(b"\x00")
    parsed.report(
        codes.BINARY,
        "file contains NUL bytes and looks binary, not YAML text",
        _byte_position(data, nul),
        "profiles must be UTF-8 text",
    )


def _utf16_or_32(data: bytes) -> str | None:
    """The encoding of BOM-less UTF-16/32 text, told by where ASCII's zero bytes fall (YAML 1.2, 5.2)."""
    head = data[:4]
    candidates = []
    if len(head) == 4 and head[:3] == b"\x00\x00\x00" and head[3]:
        candidates.append(("UTF-32 BE", "utf-32-be"))
    if len(head) == 4 and head[0] and head[1:] == b"\x00\x00\x00":
        candidates.append(("UTF-32 LE", "utf-32-le"))
    if len(head) >= 2 and not head[0] and head[1]:
        candidates.append(("UTF-16 BE", "utf-16-be"))
    if len(head) >= 2 and head[0] and not head[1]:
        candidates.append(("UTF-16 LE", "utf-16-le"))
    for label, codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):  # binary data decodes too, but to control characters
            return label
    return None


def _byte_position(data: bytes, offset: int, codec: str = "utf-8") -> Span:
    """Line and column (in characters) of a byte offset, counting line breaks as libyaml does."""
    return _position(data[:offset].decode(codec, "replace"), offset)


def _position(text: str, index: int) -> Span:
    """Line and column of a character index, counting line breaks as libyaml does."""
    line, start = 1, 0
    for match in _BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return Span.point(line, index - start + 1)


def _decode_with(data: bytes, codec: str, parsed: Parsed, bom_label: str | None) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        plain = codec.replace("-sig", "")
        head = data[: exc.start].decode(plain, "replace").lstrip("\ufeff")
        parsed.report(
            codes.BAD_ENCODING,
            f"invalid {plain.upper()} byte 0x{data[exc.start]:02x} (byte offset {exc.start})",
            _position(head, len(head)),
            "save the file as UTF-8",
        )
        return None
    if bom_label in {"utf-16", "utf-32"}:
        parsed.report(
            codes.NOT_UTF8,
            f"file is encoded as {bom_label.upper()}; it was read, but UTF-8 is expected",
            Span.point(1, 1),
            "save the file as UTF-8 so that every tool reads it",
        )
    return text.lstrip("\ufeff")


def parse_text(text: str, display: str, limits: Limits | None = None, parsed: Parsed | None = None) -> Parsed:
    """Parse YAML text into plain data and a source map; never raises for bad content."""
    parsed = parsed or Parsed(display)
    limits = limits or Limits()
    parsed.text = text
    if _composed(text, parsed, limits):
        return parsed
    try:
        _build(text, parsed, limits, _EventLoader)
    except _NestingLimitError:
        # libyaml >= 0.2.6 stops at its own nesting limit (1000) while its scanner looks ahead, before the
        # builder sees the event that crosses ours (at most MAX_DEPTH_CEILING): the pure-Python parser has
        # no such limit and gives the same events and marks, so the builder reports SP015 where our limit
        # is crossed, whichever libyaml the installed PyYAML bundles
        _build(text, parsed, limits, yaml.SafeLoader)
    return parsed


class _NestingLimitError(Exception):
    """libyaml's own nesting limit was reached before the reader's."""


# -- the fast path: libyaml's C composer, then one iterative walk ---------------------------------
# The event loop below costs a Python call per event; composing in C and walking the nodes gives the
# same data and source map for about half the time. It is taken only for documents on which the event
# loop would report nothing: anything it would report (syntax errors, anchors, aliases, tags other than
# the plain ones, duplicate or non-string keys, limits, more than one document, a top level that is not
# a mapping) sends the text to the event loop, which then gives exactly today's findings.
_STR, _MAP, _SEQ = YAML_TAG + "str", YAML_TAG + "map", YAML_TAG + "seq"
_CONSTRUCTED = frozenset(_SCALAR_TAGS - {_STR})
_SAFE_COLLECTION_TAGS = {_MAP, _SEQ}
# an anchor or alias starts a node, so it follows the start of a line, a space or a flow indicator,
# and libyaml reads its name as [0-9A-Za-z_-]+ (an empty name is a syntax error, which the composer
# raises too): a text without that pattern has none ('R & D' has none; 'R &D' merely takes the event loop)
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[\]{},:])[&*][0-9A-Za-z_-]", re.MULTILINE)


def _may_hold_anchor(text: str) -> bool:
    # the two membership tests run at C speed; the pattern, much slower, only on texts holding & or *
    return ("&" in text or "*" in text) and _ANCHOR_OR_ALIAS.search(text) is not None


def _libyaml_bounds_depth() -> bool:
    """libyaml 0.2.6 and later refuse nesting deeper than 1000 levels while parsing, which bounds the
    recursion of the C composer (it recurses once per level, a few hundred bytes of C stack each);
    an older libyaml has no bound, and its documents take the event loop, which never recurses."""
    from yaml import _yaml  # the C extension, present with CSafeLoader

    version = (_yaml.get_version() if hasattr(_yaml, "get_version") else (0, 0, 0))[:3]
    return tuple(version) >= (0, 2, 6)


_COMPOSER_BOUNDED = _libyaml_bounds_depth()


class _Composer(_EventLoader):
    """The C parser and composer with the tag resolution of the event loop and no path resolvers."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _RESOLVERS.get(value[0] if value else "", ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _MAP if kind is MappingNode else _SEQ

    # called twice per node; no path resolvers are registered, so any callable that takes the same
    # arguments and does nothing will do, and a builtin costs less than a Python function
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]


def _composed(text: str, parsed: Parsed, limits: Limits) -> bool:
    """Parse with the C composer when the event loop would report nothing; False: take the event loop."""
    if not _COMPOSER_BOUNDED or _may_hold_anchor(text):
        return False
    composer = _Composer(text)
    try:
        root = composer.get_single_node()
    except yaml.YAMLError:
        return False
    finally:
        composer.dispose()
    if type(root) is not MappingNode or root.tag not in _SAFE_COLLECTION_TAGS:
        return False  # empty, a scalar or a list at the top, or a tag: the event loop words those findings
    data = _walk(root, limits)
    if data is None:
        return False
    tree = NodeTree(root, _CONSTRUCTED)
    values = LazyTable(tree, tree.value_span, 0)
    keys = LazyTable(tree, tree.key_span, 1)
    raw = LazyTable(tree, tree.raw, 2)
    parsed.data, parsed.source = data, SourceMap(values, keys, raw)
    return True


def _walk(root: MappingNode, limits: Limits) -> dict[str, Any] | None:
    """The values of a composed document; None where the event loop would report something.

    Spans are not made here: the source map looks them up in the tree when a path is asked for.
    """
    result: dict[str, Any] = {}
    stack: list[tuple[Iterator[Any], Any]] = [(iter(root.value), result)]
    nodes, max_nodes, max_depth = 1, limits.max_nodes, limits.max_depth
    while stack:
        items, container = stack[-1]
        is_map = type(container) is dict
        for item in items:
            if is_map:
                key_node, child = item
                if type(key_node) is not ScalarNode or key_node.tag != _STR:
                    return None  # a non-string or merge key, or a tag on a key
                key = key_node.value
                if key in container:
                    return None  # a duplicate key
                nodes += 2
            else:
                child = item
                nodes += 1
            if nodes > max_nodes:
                return None
            kind = type(child)
            if kind is ScalarNode:
                tag = child.tag
                if tag == _STR:
                    value: Any = child.value
                elif tag in _CONSTRUCTED:
                    value = _constructed(child)
                    if value is _SKIP:
                        return None  # text the tag does not fit
                else:
                    return None  # a tag the event loop reports
            elif child.tag not in _SAFE_COLLECTION_TAGS or len(stack) >= max_depth:
                return None
            else:
                value = {} if kind is MappingNode else []
                stack.append((iter(child.value), value))
            if is_map:
                container[key] = value
            else:
                container.append(value)
            if kind is not ScalarNode:
                break
        else:
            stack.pop()
    return result


def _constructed(node: ScalarNode) -> Any:
    try:
        return _Builder._constructor.yaml_constructors[node.tag](_Builder._constructor, node)
    except (ConstructorError, ValueError, ArithmeticError, LookupError, AttributeError, TypeError):
        return _SKIP


def _new_span(line: int, column: int, end_line: int, end_column: int) -> Span:
    span: Span = object.__new__(Span)
    set_line, set_column, set_end_line, set_end_column = SPAN_FIELDS
    set_line(span, line)
    set_column(span, column)
    set_end_line(span, end_line)
    set_end_column(span, end_column)
    return span


def _build(text: str, parsed: Parsed, limits: Limits, loader: Any) -> None:
    builder = _Builder(parsed, limits)
    before = len(parsed.diagnostics)
    events = yaml.parse(text, Loader=loader)
    try:
        builder.run(events)
    except _StopDocumentsError:
        _drain(events, text, parsed)  # later documents are not checked, but their syntax errors are
        builder.finish()
    except _AbortError:
        parsed.data = None
    except yaml.YAMLError as exc:
        parsed.data = None
        if loader is not yaml.SafeLoader and _is_nesting_limit(exc):
            _reset(parsed, before)
            raise _NestingLimitError from exc
        _report_yaml_error(exc, text, parsed)


def _is_nesting_limit(exc: yaml.YAMLError) -> bool:
    return "nesting depth" in str(getattr(exc, "problem", "") or "")


def _reset(parsed: Parsed, findings: int) -> None:
    """Forget what a first, abandoned pass recorded, so that the second pass starts clean."""
    parsed.source = SourceMap()
    parsed.data = None
    del parsed.diagnostics[findings:]


def _clamp(text: str, index: int) -> int:
    """An error at the end of the file is shown just after its last character, on a line that exists."""
    end = len(text.rstrip("\r\n\x85\u2028\u2029"))
    return min(index, end) if index >= end else index


def _drain(events: Iterator[Any], text: str, parsed: Parsed) -> None:
    try:
        for _ in events:
            pass
    except yaml.YAMLError as exc:
        _report_yaml_error(exc, text, parsed)


def _report_yaml_error(exc: yaml.YAMLError, text: str, parsed: Parsed) -> None:
    mark = getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):
        character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
        message = f"character U+{character:04X} is not allowed in YAML: {exc.reason}"
        parsed.report(codes.SYNTAX, message, _position(text, exc.position), "remove the control character")
        return
    problem = str(getattr(exc, "problem", None) or str(exc).splitlines()[0])
    context = getattr(exc, "context", None)
    started = getattr(exc, "context_mark", None)
    # from the character index, not libyaml's line: at the end of a file without a final newline libyaml
    # moves to a line that does not exist, where no editor or annotation could show the error
    index = _clamp(text, mark.index) if mark is not None else 0
    start = started.index if started is not None else None
    explained = explain_syntax(text, problem, str(context or ""), index, start)
    if explained is not None:
        message, where, hint = explained
        parsed.report(codes.SYNTAX, f"YAML syntax error: {message}", _position(text, where), hint)
        return
    if context and started is not None and started.index != getattr(mark, "index", None):
        here = _position(text, started.index)
        context = f"{context} started at line {here.line}, column {here.column}"
    message = f"{problem} ({context})" if context else problem
    parsed.report(codes.SYNTAX, f"YAML syntax error: {message}", _position(text, index), None)


def explain_syntax(
    text: str, problem: str, context: str, index: int, start: int | None
) -> tuple[str, int, str] | None:
    """The commonest YAML mistakes in plain words, at the place where the mistake starts, with a hint.

    ``index`` is where libyaml noticed the problem, ``start`` where the construct it was reading began;
    None for a mistake not recognised (libyaml's own wording is kept).
    """
    line_start = text.rfind("\n", 0, index) + 1
    at = text[index : index + 1]
    if at == "\t" or ("tab" in problem and "\t" in text[line_start : index + 1]):
        tab = text.find("\t", line_start)
        return (
            "a tab character in the indentation; YAML indents with spaces only",
            tab if tab >= 0 else index,
            "replace the tab with spaces (the same number as the lines around it)",
        )
    if "expected ':'" in problem and start is not None:
        key = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)].strip()
        return (
            f"{shown(key)} has no ':' after its key",
            start,
            "write 'key: value', with a colon and a space after the key",
        )
    if "end of stream" in problem and "quoted scalar" in context and start is not None:
        quote = text[start : start + 1]
        return (
            f"the {quote} quote opened here is never closed",
            start,
            f"close the value with {quote} (inside '...' write '' for a quote)",
        )
    if "flow sequence" in context or "flow mapping" in context:
        bracket = text[start : start + 1] if start is not None else "["
        closing, block = (
            ("}", "a block mapping, one 'key: value' per line")
            if bracket == "{"
            else (
                "]",
                "a block list, one '- ' per line",
            )
        )
        if "expected ','" in problem and start is not None:
            return (
                f"the '{bracket}' opened here is not closed",
                start,
                f"close it with '{closing}' (or write the items as {block})",
            )
    if "mapping values are not allowed" in problem:
        previous = _previous_line(text, line_start)
        if previous is not None and _KEY_WITHOUT_COLON.match(text[previous:line_start]):
            key_at = previous + len(text[previous:line_start]) - len(text[previous:line_start].lstrip(" -"))
            return (
                f"{shown(text[key_at:line_start].strip())} has no ':' after its key",
                key_at,
                "write 'key: value', with a colon and a space after the key",
            )
        return (
            "': ' inside a plain value starts a mapping here",
            index,
            "quote the value if the colon is part of the text, e.g. 'text: more'",
        )
    if "expected key" in problem and "block mapping" in context and start is not None:
        if text.startswith("- ", index) or text[index : index + 2] == "-\n":
            return (
                "a list item ('-') where a mapping key was expected",
                index,
                "put the list under a key ('key:' on the line above, items indented below it)",
            )
        column = index - line_start + 1
        return (
            f"inconsistent indentation: this line starts at column {column}, in line with no key above it",
            index,
            "indent every key of one mapping by the same number of spaces",
        )
    return None


_KEY_WITHOUT_COLON = re.compile(r"^[ ]*(?:- )?[A-Za-z_$][\w$-]*[ ]+[^:#\n]+\n?$")


def _previous_line(text: str, line_start: int) -> int | None:
    """The start of the nearest non-blank line before the one starting at ``line_start``."""
    end = line_start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            return begin
        end = begin - 1
    return None


@dataclass(slots=True, eq=False, repr=False)  # scratch state of the builder: never compared or shown
class _Frame:
    """A collection being built."""

    value: Any
    path: DocPath
    start: Any  # the start mark of the collection
    is_map: bool
    event: Any = None  # the start event, for its anchor
    key: Any = None
    key_mark: Any = None
    has_key: bool = False
    as_key: bool = False
    seen: dict[str, int] = field(default_factory=dict)
    merges: list[Any] = field(default_factory=list)


def _span(start: Any, end: Any) -> Span:
    return _new_span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


class _Builder:
    """Turns the event stream into Python values, checking limits as it goes (no recursion)."""

    _constructor = SafeConstructor()

    def __init__(self, parsed: Parsed, limits: Limits) -> None:
        self.parsed = parsed
        self.limits = limits
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0
        self.alias_nodes = 0
        self.documents = 0
        self.result: Any = None

    def run(self, events: Iterator[Any]) -> None:
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self._scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._start(event, kind is yaml.MappingStartEvent)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self._end(event)
            elif kind is yaml.AliasEvent:
                self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                self._document(event)
        self.finish()

    # -- documents -------------------------------------------------------------------------------
    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.parsed.report(
                codes.MULTI_DOCUMENT,
                "file holds more than one YAML document; only the first is checked",
                Span.point(event.start_mark.line + 1, event.start_mark.column + 1),
                "keep one profile per file",
            )
            raise _StopDocumentsError

    def finish(self) -> None:
        if self.documents == 0 or self.result is None:
            self.parsed.report(
                codes.EMPTY, "file holds no YAML content", Span.point(1, 1), "write a profile mapping"
            )
            return
        if not isinstance(self.result, dict):
            self.parsed.report(
                codes.NOT_MAPPING,
                f"the top level is {_kind(self.result)}, but a profile is a mapping of sections",
                self.parsed.source.span(()),
                "start the file with 'template:' and the profile's sections",
            )
            return
        self.parsed.data = self.result

    # -- values ----------------------------------------------------------------------------------
    def _count(self, event: Any) -> None:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            self._abort(codes.TOO_MANY_NODES, f"document has more than {self.limits.max_nodes} nodes", event)

    def _abort(self, entry: Rule, message: str, event: Any, hint: str | None = None) -> None:
        mark = event.start_mark
        self.parsed.report(entry, message, Span.point(mark.line + 1, mark.column + 1), hint)
        raise _AbortError

    def _scalar(self, event: Any) -> None:
        self._count(event)
        self._anchor(event)
        value, tag = self._resolve(event)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.is_map and not frame.has_key:
            self._take_key(frame, value, tag, event)
            return
        path = self._child_path(frame)
        self.parsed.source.values[path] = _span(event.start_mark, event.end_mark)
        if tag is not None and tag != YAML_TAG + "str" and event.style in ("", None):
            self.parsed.source.raw[path] = event.value
        self._place(value, event, nodes=1)

    def _resolve(self, event: Any) -> tuple[Any, str | None]:
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return event.value, None
            tag = self._implicit_tag(event.value)
            if tag is None:
                return event.value, None
        if tag == YAML_TAG + "merge":
            return _MERGE, tag
        if tag not in _SCALAR_TAGS:
            self._unsupported_tag(event, tag)
            return event.value, None  # the plain text, so that nothing else is reported twice
        return self._construct(event, tag), tag

    @staticmethod
    def _implicit_tag(value: str) -> str | None:
        for tag, regexp in _RESOLVERS.get(value[0] if value else "", ()):
            if regexp.match(value):
                return str(tag)
        return None

    def _construct(self, event: Any, tag: str) -> Any:
        if tag == YAML_TAG + "str":
            return event.value
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        method = self._constructor.yaml_constructors[tag]
        try:
            return method(self._constructor, node)
        except (ConstructorError, ValueError, ArithmeticError, LookupError, AttributeError, TypeError):
            # PyYAML's constructors raise whatever their parsing hits on text the tag does not fit
            # (KeyError for '!!bool maybe', AttributeError for '!!timestamp x', IndexError for '!!int ""'):
            # every one is the same problem, the text is not a value of that type
            self.parsed.report(
                codes.SYNTAX,
                f"cannot read {shown(event.value)} as {tag.removeprefix(YAML_TAG)}",
                _span(event.start_mark, event.end_mark),
                f"remove the tag '!!{tag.removeprefix(YAML_TAG)}' or write a valid value",
            )
            return None

    def _unsupported_tag(self, event: Any, tag: str) -> None:
        self.parsed.report(
            codes.UNSAFE_TAG,
            f"tag {shown(tag)} is not allowed; it was not constructed",
            _span(event.start_mark, event.end_mark),
            "profiles use plain YAML values only: remove the tag",
        )

    def _anchor(self, event: Any) -> None:
        if event.anchor is not None and not self.limits.allow_aliases:
            self.parsed.report(
                codes.ALIAS,
                f"anchor '&{event.anchor}' is not allowed in a profile",
                Span.point(event.start_mark.line + 1, event.start_mark.column + 1),
                "write the value out in full; anchors and aliases hide what a profile says",
            )

    def _alias(self, event: Any) -> None:
        self._count(event)
        if not self.limits.allow_aliases or event.anchor not in self.anchors:
            why = "is not allowed in a profile" if not self.limits.allow_aliases else "names no anchor"
            self.parsed.report(
                codes.ALIAS,
                f"alias '*{event.anchor}' {why}",
                _span(event.start_mark, event.end_mark),
                "write the value out in full",
            )
            self._place_alias(None, event, 1)
            return
        value, size = self.anchors[event.anchor]
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            self._abort(
                codes.ALIAS,
                f"aliases expand to more than {self.limits.max_alias_nodes} nodes",
                event,
                "this looks like an alias bomb ('billion laughs')",
            )
        self._place_alias(value, event, size)

    def _place_alias(self, value: Any, event: Any, size: int) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.is_map and not frame.has_key:
            self._take_key(frame, value, None, event)
            return
        path = self._child_path(frame)
        self.parsed.source.values[path] = _span(event.start_mark, event.end_mark)
        self._place(value, event, nodes=size)

    # -- collections -----------------------------------------------------------------------------
    def _start(self, event: Any, is_map: bool) -> None:
        self._count(event)
        self._anchor(event)
        if event.tag not in _COLLECTION_TAGS:
            self._unsupported_tag(event, event.tag)
        if len(self.stack) >= self.limits.max_depth:
            self._abort(
                codes.TOO_DEEP,
                f"nesting is deeper than {self.limits.max_depth} levels",
                event,
                "a profile sheet needs only a few levels",
            )
        parent = self.stack[-1] if self.stack else None
        as_key = parent is not None and parent.is_map and not parent.has_key
        path = parent.path if as_key and parent else self._child_path(parent)
        self.stack.append(_Frame({} if is_map else [], path, event.start_mark, is_map, event, as_key=as_key))

    def _end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.merges:
            frame.value = self._merged(frame)
        if not frame.as_key:
            self.parsed.source.values[frame.path] = _span(frame.start, event.end_mark)
        start_event = frame.event
        parent = self.stack[-1] if self.stack else None
        if frame.as_key and parent is not None:
            self._take_key(parent, frame.value, YAML_TAG + ("map" if frame.is_map else "seq"), start_event)
            return
        self._place(frame.value, start_event, nodes=0)

    def _merged(self, frame: _Frame) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for source in frame.merges:
            for item in source if isinstance(source, list) else [source]:
                if isinstance(item, dict):
                    merged.update({k: v for k, v in item.items() if k not in merged})
        merged.update(frame.value)
        return merged

    def _child_path(self, frame: _Frame | None) -> DocPath:
        if frame is None:
            return ()
        if frame.is_map:
            return (*frame.path, frame.key)
        return (*frame.path, len(frame.value))

    def _place(self, value: Any, event: Any, nodes: int) -> None:
        if event.anchor is not None and self.limits.allow_aliases:
            self.anchors[event.anchor] = (value, max(nodes, _size(value)))
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        if not frame.is_map:
            frame.value.append(value)
            return
        frame.has_key = False
        if frame.key is _MERGE:
            self._merge_value(frame, value, event)
        elif frame.key is not _SKIP:
            frame.value[frame.key] = value

    def _merge_value(self, frame: _Frame, value: Any, event: Any) -> None:
        if not self.limits.allow_aliases:
            self.parsed.report(
                codes.ALIAS,
                "merge key '<<' is not allowed in a profile",
                Span.point(frame.key_mark.line + 1, frame.key_mark.column + 1),
                "write the merged keys out in full",
            )
            return
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, dict) for item in items):
            self.parsed.report(
                codes.ALIAS,
                "merge key '<<' needs a mapping or a list of mappings; nothing was merged",
                Span.point(frame.key_mark.line + 1, frame.key_mark.column + 1),
            )
            return
        frame.merges.append(value)

    def _take_key(self, frame: _Frame, key: Any, tag: str | None, event: Any) -> None:
        frame.has_key = True
        mark = event.start_mark
        frame.key_mark = mark
        if key is _MERGE:
            frame.key = _MERGE
            return
        if not isinstance(key, str) or (tag is not None and tag != YAML_TAG + "str"):
            self._non_string_key(frame, key, event)
            return
        path = (*frame.path, key)
        span = _span(mark, event.end_mark) if hasattr(event, "end_mark") else Span.point(1, 1)
        if key in frame.seen:
            self.parsed.report(
                codes.DUPLICATE_KEY,
                f"duplicate key {shown(key)}: first defined at line {frame.seen[key]}",
                span,
                f"remove one of the two {shown(key)} entries (lines {frame.seen[key]} and {span.line})",
            )
            frame.key = _SKIP
            return
        frame.seen[key] = mark.line + 1
        frame.key = key
        self.parsed.source.keys[path] = span

    def _non_string_key(self, frame: _Frame, key: Any, event: Any) -> None:
        text = getattr(event, "value", None) or repr(key)
        scalar = isinstance(key, (str, int, float, bool)) or key is None
        self.parsed.report(
            codes.NON_STRING_KEY,
            f"key {shown(text)} is read by YAML as {_kind(key)}, not a string",
            Span.point(event.start_mark.line + 1, event.start_mark.column + 1),
            f"quote the key: {shown(text)}" if scalar else "use a plain string key",
        )
        frame.key = _SKIP


class _StopDocumentsError(_AbortError):
    """A second document started; the first is kept."""


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_MERGE = _Marker("<<")
_SKIP = _Marker("<skipped key>")


def shown(text: str) -> str:
    """User text quoted for a message: control characters escaped, cut to a readable length."""
    cut = text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 3] + "..."
    return "'" + printable(cut) + "'"


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean", int: "an integer"}
    if value is None:
        return "null"
    if isinstance(value, float):
        return "a number"
    return names.get(type(value), f"a {type(value).__name__}")


def _size(value: Any) -> int:
    """How many nodes a value holds, counted without recursion."""
    count, pending = 0, [value]
    while pending:
        item = pending.pop()
        count += 1
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return count
