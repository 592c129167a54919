"""A profile model to stable, readable YAML that skillprofiles reads back to the same model."""

from __future__ import annotations

import enum
import re
from typing import Any

import yaml

from skillprofiles.models import AnyProfile

# The keys that say what a file is come first; the rest keep the model's field order.
_LEADING = ("$schema", "template", "code", "title")


class _Dumper(yaml.SafeDumper):
    """Block style with sequences indented under their key, as the reference profiles are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


# PyYAML writes NEL raw inside single quotes, where it reads back folded into a space; in double
# quotes it is escaped ("\N"). The Unicode line and paragraph separators get the same treatment.
_LINE_BREAKS = frozenset("\x85\u2028\u2029")


# PyYAML quotes what YAML 1.1 would misread; YAML 1.2 readers (ruamel.yaml, check-jsonschema, editors)
# also read these plain scalars as numbers, so they are quoted too: 1e3, 0o17, .Inf.
_YAML12_NON_STRINGS = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _LINE_BREAKS.intersection(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if _YAML12_NON_STRINGS.fullmatch(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


def _enum(dumper: yaml.SafeDumper, value: enum.Enum) -> yaml.ScalarNode:
    return dumper.represent_str(str(value.value))


_Dumper.add_representer(str, _str)
_Dumper.add_multi_representer(enum.Enum, _enum)


def profile_data(profile: AnyProfile) -> dict[str, Any]:
    """The profile as plain data keyed as in the file: aliases, no defaults, leading keys first."""
    data = profile.model_dump(mode="python", by_alias=True, exclude_defaults=True)
    leading = {key: data.pop(key) for key in _LEADING if key in data}
    return {**leading, **data}


def dump_data(data: Any, flow: bool = False) -> str:
    """Plain data as YAML that YAML 1.1 and YAML 1.2 readers read back alike (block style by default)."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        default_flow_style=flow,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        indent=2,
    )


def dump_yaml(profile: AnyProfile, modeline: str | None = None) -> str:
    """The profile as YAML text; ``modeline`` adds a yaml-language-server ``$schema`` comment.

    Every string a YAML 1.1 or YAML 1.2 reader would read as something else is quoted ('no', '2.0',
    '010', '1e3'), so skillprofiles (YAML 1.1) and YAML 1.2 tools read the same values back.
    """
    text = dump_data(profile_data(profile))
    header = f"# yaml-language-server: $schema={modeline}\n" if modeline else ""
    return header + text
