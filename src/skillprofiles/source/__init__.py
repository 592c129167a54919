"""Reading files: bytes to YAML data with a source map, data to a typed profile, and writing YAML."""

from __future__ import annotations


class MissingLibyamlError(ImportError):
    """PyYAML was built without libyaml, whose parser (and its positions and limits) the reader relies on."""
