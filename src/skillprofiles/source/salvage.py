"""The parts of a profile that typed correctly, so that catalogue rules still run when the rest did not."""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from skillprofiles.diagnostics import DocPath
from skillprofiles.models import AnyProfile, model_for


@dataclass
class Salvaged:
    """A profile built from its valid parts, and how to find a part's path in the document.

    ``kept`` maps a top-level list's key to the document indices of the items kept (a bad item is
    left out, so the items after it move up). A field whose value did not type is not set at all:
    a check that reads it fails, and is not run, rather than seeing a default that was never written.
    """

    profile: AnyProfile
    kept: dict[str, list[int]] = field(default_factory=dict)

    def document_path(self, path: DocPath) -> DocPath:
        """The document's path of a path in the salvaged profile."""
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int) and path[0] in self.kept:
            indices = self.kept[path[0]]
            if path[1] < len(indices):
                return (path[0], indices[path[1]], *path[2:])
        return path


def salvage(data: Any) -> Salvaged | None:
    """The valid parts of a document whose whole did not validate, or None when nothing can be used."""
    model = model_for(data)
    if model is None or not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    kept: dict[str, list[int]] = {}
    unset: list[str] = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key not in data:
            continue
        value, indices = _valid(model, name, data[key])
        if value is _INVALID:
            unset.append(name)
            continue
        values[name] = value
        if indices is not None:
            kept[key] = indices
    profile = model.model_construct(**values)
    for name in unset:
        profile.__dict__.pop(name, None)  # not the default: the document says something else
    for name, info in model.model_fields.items():
        if name not in values and info.is_required():
            profile.__dict__.pop(name, None)
    return Salvaged(profile, kept)


_INVALID = object()


def _valid(model: type[BaseModel], name: str, value: Any) -> tuple[Any, list[int] | None]:
    """The value typed as the field ``name``; for a list, the items that type alone and their indices."""
    whole, item = _adapters(model, name)
    try:
        return whole.validate_python(value), None
    except ValidationError:
        pass
    if item is None or not isinstance(value, list):
        return _INVALID, None
    items: list[Any] = []
    indices: list[int] = []
    for index, element in enumerate(value):
        try:
            items.append(item.validate_python(element))
            indices.append(index)
        except ValidationError:
            continue
    return (items, indices) if items else (_INVALID, None)


@functools.lru_cache(maxsize=256)
def _adapters(model: type[BaseModel], name: str) -> tuple[TypeAdapter[Any], TypeAdapter[Any] | None]:
    """Validators of one field and, for a list field, of one of its items (built once per process)."""
    info = model.model_fields[name]
    params = (info.annotation, *info.metadata)  # Annotated[params] is Annotated[annotation, *metadata]
    annotated: Any = Annotated[params] if info.metadata else info.annotation
    item = _item_type(info.annotation)
    return _adapter(annotated, model), (_adapter(item, model) if item is not None else None)


def _adapter(annotation: Any, model: type[BaseModel]) -> TypeAdapter[Any]:
    """A validator with the model's regex engine; a model type keeps its own configuration."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return TypeAdapter(annotation)
    engine = model.model_config.get("regex_engine", "rust-regex")
    return TypeAdapter(annotation, config=ConfigDict(regex_engine=engine))


def _item_type(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _item_type(typing.get_args(annotation)[0])
    if origin is list:
        (item,) = typing.get_args(annotation)
        return item
    return None


__all__ = ["Salvaged", "salvage"]
