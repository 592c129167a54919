"""Source-map tables read from a composed node tree: a span is made when its path is looked up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from skillprofiles.diagnostics import DocPath, Span

_T = TypeVar("_T")
_MISSING: Any = object()


def node_span(node: Node, _new: Any = object.__new__, _span_type: type[Span] = Span) -> Span:
    """The span of a node, from its marks (0-based) to a 1-based Span."""
    # the work of the dataclass __init__ done directly, with its names bound as defaults: a frozen
    # dataclass sets each field through object.__setattr__, and writing the slots makes the same Span
    start, end = node.start_mark, node.end_mark
    span: Span = _new(_span_type)
    set_line, set_column, set_end_line, set_end_column = SPAN_FIELDS
    set_line(span, start.line + 1)
    set_column(span, start.column + 1)
    set_end_line(span, end.line + 1)
    set_end_column(span, end.column + 1)
    return span


SPAN_FIELDS: tuple[Any, ...] = tuple(
    vars(Span)[name].__set__ for name in ("line", "column", "end_line", "end_column")
)


class NodeTree:
    """A composed document the walk accepted, and the spans of its paths, looked up one at a time.

    A clean file needs the spans of a few paths (its summary's), not of its hundreds of nodes; the
    full tables, in the order the event loop records them, are built only when one is iterated.
    """

    __slots__ = ("_full", "constructed", "root")

    def __init__(self, root: MappingNode, constructed: frozenset[str]) -> None:
        self.root = root
        self.constructed = constructed  # tags of scalars that are not read as strings
        self._full: tuple[dict[DocPath, Span], dict[DocPath, Span], dict[DocPath, str]] | None = None

    def step(self, path: DocPath) -> tuple[Node | None, Node | None]:
        """The key node (None for a list item or the root) and the node at ``path``, or (None, None)."""
        if type(path) is not tuple:
            return None, None  # as a dict of tuples would: no such key
        key: Node | None = None
        node: Node = self.root
        for part in path:
            kind = type(node)
            if kind is MappingNode:
                for key_node, child in node.value:
                    if key_node.value == part:
                        key, node = key_node, child
                        break
                else:
                    return None, None
            elif kind is SequenceNode and isinstance(part, int) and 0 <= part < len(node.value):
                key, node = None, node.value[part]
            else:
                return None, None
        return key, node

    def value_span(self, path: DocPath) -> Span | None:
        """The span of the value at ``path``."""
        node = self.step(path)[1]
        return None if node is None else node_span(node)

    def key_span(self, path: DocPath) -> Span | None:
        """The span of the mapping key that ``path`` ends with."""
        key = self.step(path)[0] if path else None
        return None if key is None else node_span(key)

    def raw(self, path: DocPath) -> str | None:
        """The text of a plain scalar at ``path`` that YAML did not read as a string."""
        node = self.step(path)[1] if path else None
        if type(node) is ScalarNode and node.tag in self.constructed and node.style in ("", None):
            return str(node.value)
        return None

    def full(self) -> tuple[dict[DocPath, Span], dict[DocPath, Span], dict[DocPath, str]]:
        """Every value span, key span and raw text, in the order the event loop records them."""
        if self._full is None:
            self._full = _index(self.root, self.constructed)
        return self._full


def _index(
    root: MappingNode, constructed: frozenset[str]
) -> tuple[dict[DocPath, Span], dict[DocPath, Span], dict[DocPath, str]]:
    # the spans alone, in the order the walk of the values met them: scalars and keys when met,
    # collections when they end; the tree was accepted by that walk, so nothing is checked here
    values: dict[DocPath, Span] = {}
    keys: dict[DocPath, Span] = {}
    raw: dict[DocPath, str] = {}
    stack: list[tuple[Iterator[tuple[int, Any]], bool, DocPath, Node]] = [
        (enumerate(root.value), True, (), root)
    ]
    while stack:
        items, is_map, path, node = stack[-1]
        for index, item in items:
            if is_map:
                key_node, child = item
                child_path: DocPath = (*path, key_node.value)
                keys[child_path] = node_span(key_node)
            else:
                child, child_path = item, (*path, index)
            if type(child) is ScalarNode:
                if child.tag in constructed and child.style in ("", None):
                    raw[child_path] = child.value
                values[child_path] = node_span(child)
            else:
                stack.append((enumerate(child.value), type(child) is MappingNode, child_path, child))
                break
        else:
            stack.pop()
            values[path] = node_span(node)
    return values, keys, raw


class LazyTable(dict[DocPath, _T]):
    """A dict of a source map whose entries are looked up in the node tree until it is iterated.

    Single lookups (``[]``, ``get``, ``in``) navigate the tree; anything that needs the whole table
    fills this dict from the tree first, after which it is an ordinary dict.
    """

    __slots__ = ("_look", "_part", "_tree")

    def __init__(self, tree: NodeTree, look: Callable[[DocPath], _T | None], part: int) -> None:
        super().__init__()
        self._tree: NodeTree | None = tree
        self._look = look
        self._part = part  # which of the tree's full tables this is

    def _fill(self) -> None:
        if self._tree is not None:
            full: Any = self._tree.full()[self._part]
            self._tree = None
            dict.update(self, full)

    def __getitem__(self, path: DocPath) -> _T:
        if self._tree is None:
            return dict.__getitem__(self, path)
        found = self._look(path)
        if found is None:
            raise KeyError(path)
        return found

    def get(self, path: DocPath, default: Any = None) -> Any:
        if self._tree is None:
            return dict.get(self, path, default)
        found = self._look(path)
        return default if found is None else found

    def __contains__(self, path: object) -> bool:
        if self._tree is None:
            return dict.__contains__(self, path)
        return isinstance(path, tuple) and self._look(path) is not None

    def __eq__(self, other: object) -> bool:
        self._fill()
        if isinstance(other, LazyTable):
            other._fill()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __reduce__(self) -> tuple[Any, ...]:
        self._fill()
        return (dict, (dict(self),))


def _filling(name: str) -> Callable[..., Any]:
    method = getattr(dict, name)

    def filled(self: LazyTable[Any], *args: Any, **kwargs: Any) -> Any:
        self._fill()
        return method(self, *args, **kwargs)

    filled.__name__ = name
    return filled


# every other way of reading or changing the table sees all of it
for _name in (
    "__iter__", "__len__", "__reversed__", "__repr__", "__or__", "__ror__", "__ior__",
    "__setitem__", "__delitem__", "keys", "values", "items", "copy", "pop", "popitem", "setdefault",
    "update", "clear",
):  # fmt: skip
    setattr(LazyTable, _name, _filling(_name))
