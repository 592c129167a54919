"""``sarif``: SARIF 2.1.0 with every registered rule described, as GitHub code scanning reads it."""

from __future__ import annotations

import os
import re
from pathlib import Path

from skillprofiles._version import __version__
from skillprofiles.codes import registry
from skillprofiles.codes.docs import anchor
from skillprofiles.diagnostics import Diagnostic, Report, Severity
from skillprofiles.render.base import RULES_DOCS, RenderOptions, under_root
from skillprofiles.render.source import read_lines
from skillprofiles.textsafe import json_dumps

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://skillprofiles.dev"
# what GitHub code scanning reads from a rule's properties: how sure the rule is that a finding is a
# real problem, and how bad the problem is (code scanning's own severities)
PRECISION = {Severity.ERROR: "very-high", Severity.WARNING: "high", Severity.INFO: "medium"}
PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}


def render_sarif(report: Report, options: RenderOptions) -> str:
    """The report as one SARIF 2.1.0 run."""
    return json_dumps(sarif_log(report, options))


def sarif_log(report: Report, options: RenderOptions) -> dict[str, object]:
    """The SARIF log as plain data."""
    rules = registry.all_rules()
    index = {entry.code: i for i, entry in enumerate(rules)}
    root = Path(os.path.abspath(options.root or Path.cwd()))
    line_ends = first_line_ends(report)
    run = {
        "tool": {
            "driver": {
                "name": "skillprofiles",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(entry, options.rules_docs) for entry in rules],
            }
        },
        # our columns count Unicode code points, not the UTF-16 units SARIF assumes by default
        "columnKind": "unicodeCodePoints",
        "results": [result(d, index, root, line_ends.get((d.file, d.line))) for d in report],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def rule_descriptor(entry: registry.Rule, rules_docs: str = RULES_DOCS) -> dict[str, object]:
    """A ``reportingDescriptor`` from a rule's registration; its docstring is the help text."""
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": description(entry.doc)},
        "helpUri": f"{rules_docs}#{anchor(entry)}",
        "help": {"text": entry.doc, "markdown": help_markdown(entry.doc)},
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": {
            "tags": ["skillprofiles", entry.scope],
            "precision": PRECISION[entry.severity],
            "problem.severity": PROBLEM_SEVERITY[entry.severity],
        },
    }


def description(doc: str) -> str:
    """The documentation without its examples: the summary and the "Why:" paragraph."""
    return doc.split("\n\nPassing", 1)[0].strip()


def help_markdown(doc: str) -> str:
    """The docstring as Markdown: reST literals (````x````, ``Passing::``) become their Markdown forms."""
    text = re.sub(r"``([^`]+)``", r"`\1`", doc)
    return re.sub(r"::$", ":", text, flags=re.MULTILINE)


def result(
    d: Diagnostic, index: dict[str, int], root: Path, line_end: int | None = None
) -> dict[str, object]:
    """A ``result`` with its physical location and a fingerprint that survives lines moving.

    ``line_end``: the end column (exclusive) of the finding's first line, for a finding that spans lines.
    """
    uri, relative = artifact_uri(d.file, root)
    location: dict[str, object] = {"uri": uri, "uriBaseId": SRCROOT} if relative else {"uri": uri}
    text = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
    entry: dict[str, object] = {
        "ruleId": d.code,
        "level": LEVELS[d.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": location, **regions(d, line_end)}}],
        "partialFingerprints": {"skillprofiles/v1": fingerprint(d, uri)},
    }
    if d.code in index:
        entry["ruleIndex"] = index[d.code]
    if d.related:
        entry["relatedLocations"] = [
            _related(i, r.file, r.line, r.column, root) for i, r in enumerate(d.related, 1)
        ]
    return entry


def _related(number: int, file: str, line: int, column: int, root: Path) -> dict[str, object]:
    """Another place a finding concerns (SP301: the other files with the same code)."""
    uri, relative = artifact_uri(file, root)
    location: dict[str, object] = {"uri": uri, "uriBaseId": SRCROOT} if relative else {"uri": uri}
    region = {"startLine": line, "startColumn": column}
    return {"id": number, "physicalLocation": {"artifactLocation": location, "region": region}}


def region(d: Diagnostic) -> dict[str, int]:
    """SARIF regions are 1-based with an exclusive end column, as our spans are."""
    span = d.span
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def regions(d: Diagnostic, line_end: int | None = None) -> dict[str, dict[str, int]]:
    """The ``region`` code scanning shows, on one line, and the whole span as ``contextRegion``.

    A finding about a place that spans lines (SP101: the mapping that lacks a section, from its first
    key to its end, often the end of the file) is shown on its first line, from its start to the end of
    that line (``line_end``; when unknown, SARIF's default end column, the end of the line). Code
    scanning shows an alert in a pull request only when its region's lines are part of the change, and
    it fingerprints an alert by the text of that line.
    """
    whole = region(d)
    if d.span.end_line == d.span.line:
        return {"region": whole}
    first = {"startLine": d.span.line, "startColumn": d.span.column, "endLine": d.span.line}
    if line_end is not None:
        first["endColumn"] = max(line_end, d.span.column)
    return {"region": first, "contextRegion": whole}


def first_line_ends(report: Report) -> dict[tuple[str, int], int]:
    """For each finding that spans lines, the end column (exclusive) of its first line, when known.

    The lengths come from what the check kept of each line (``Report.excerpts``); only a line it did
    not keep (a hand-made report, a side file) is read again, bounded."""
    wanted: dict[str, set[int]] = {}
    ends = {}
    for d in report:
        if d.span.end_line == d.span.line:
            continue
        kept = report.excerpts.get(d.file, {}).get(d.line)
        if kept is not None:
            ends[(d.file, d.line)] = kept.length + 1
        else:
            wanted.setdefault(d.file, set()).add(d.line)
    for file, lines in wanted.items():
        for number, text in read_lines(file, lines).items():
            ends[(file, number)] = len(text) + 1
    return ends


def artifact_uri(file: str, root: Path) -> tuple[str, bool]:
    """The file as a URI relative to ``root`` (True), or an absolute ``file:`` URI when outside it."""
    from urllib.parse import quote

    relative = under_root(file, root)
    if relative is None:
        return Path(os.path.abspath(file)).as_uri(), False
    return quote(relative, safe="/"), True


def fingerprint(d: Diagnostic, uri: str) -> str:
    """Same rule, file, place in the document and message: the same finding, wherever its line moves."""
    import hashlib

    key = "\0".join((d.code, uri, d.pointer, d.message))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
