"""``skillprofiles catalogue``: the e-CF catalogue a run uses, by version, by competence, or as a diff."""

from __future__ import annotations

import argparse
import json
from typing import Any

from skillprofiles.cli.common import EXIT_OK, add_loading_options, emit, guarded, pipeline_from
from skillprofiles.cli.errors import UsageError
from skillprofiles.textsafe import printable


def register(sub: Any) -> None:
    """Add the ``catalogue`` subcommand with ``list``, ``show`` and ``diff``."""
    parser = sub.add_parser(
        "catalogue", help="the e-CF catalogue: list a version, show a code, diff versions"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="a version's competences by area, with ranges and evidence")
    listing.add_argument("version", nargs="?", help="the e-CF version (default: the newest)")
    show = actions.add_parser("show", help="one competence code in every version")
    show.add_argument("code", help="an e-CF code, e.g. D.7")
    diff = actions.add_parser("diff", help="what changed from one version to a later one")
    diff.add_argument("old")
    diff.add_argument("new")
    for action in (listing, show, diff):
        action.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        add_loading_options(action)
        action.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Print the listing, the competence or the diff."""
    catalogue = pipeline_from(args).catalogue
    data = {"list": _listing, "show": _show, "diff": _diff}[args.action](catalogue, args)
    if args.format == "json":
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        emit({"list": _listing_text, "show": _show_text, "diff": _diff_text}[args.action](data))
    return EXIT_OK


def _words() -> dict[str, str]:
    from skillprofiles.catalogue.model import EVIDENCE_WORDS  # here: --help must not load the catalogue

    return EVIDENCE_WORDS


def _version(catalogue: Any, version: str | None) -> str:
    chosen = version or catalogue.latest()
    if chosen not in catalogue.versions:
        raise UsageError([f"unknown e-CF version {chosen!r}; known: {', '.join(catalogue.versions)}"])
    return str(chosen)


def _entry(catalogue: Any, competence: Any) -> dict[str, Any]:
    return {
        "version": competence.version,
        "code": competence.code,
        "title": competence.title,
        "area": competence.area.value,
        "min_level": competence.min_level,
        "max_level": competence.max_level,
        "evidence": competence.evidence,
        "sources": [catalogue.source(s).describe() for s in competence.sources],
    }


def _listing(catalogue: Any, args: argparse.Namespace) -> dict[str, Any]:
    version = _version(catalogue, args.version)
    frame = catalogue.versions[version]
    return {
        "version": version,
        "evidence": dict(frame.grades()),
        "competences": [_entry(catalogue, c) for group in frame.by_area().values() for c in group],
        "transversal": [
            {"code": t.code, "title": t.title, "evidence": t.evidence} for t in catalogue.transversal(version)
        ],
    }


def _show(catalogue: Any, args: argparse.Namespace) -> dict[str, Any]:
    code = args.code.strip().upper()
    found = [catalogue.competence(v, code) for v in catalogue.versions]
    entries = [_entry(catalogue, c) for c in found if c is not None]
    if not entries:
        raise UsageError([f"no e-CF version has a competence {printable(args.code)!r}"])
    return {"code": code, "versions": entries}


def _diff(catalogue: Any, args: argparse.Namespace) -> dict[str, Any]:
    old, new = _version(catalogue, args.old), _version(catalogue, args.new)
    try:
        change = catalogue.diff(old, new)
    except ValueError as exc:
        raise UsageError([str(exc)]) from None
    kinds = ("added", "removed", "renamed", "moved", "reused", "range_changed")
    return {"old": old, "new": new, **{kind: [_pair(p) for p in getattr(change, kind)] for kind in kinds}}


def _pair(pair: Any) -> dict[str, Any]:
    before, after = pair
    return {
        "old": None
        if before is None
        else {"code": before.code, "title": before.title, "range": before.range_text()},
        "new": None
        if after is None
        else {"code": after.code, "title": after.title, "range": after.range_text()},
    }


def _range(entry: dict[str, Any]) -> str:
    if entry["min_level"] is None:
        return "-"
    return f"e-{entry['min_level']}..e-{entry['max_level']}"


def _listing_text(data: dict[str, Any]) -> str:
    lines = [f"e-CF {data['version']}: {len(data['competences'])} competences"]
    area = None
    for entry in data["competences"]:
        if entry["area"] != area:
            area = entry["area"]
            lines.append(f"\n{area}")
        evidence = _words().get(entry["evidence"], entry["evidence"])
        lines.append(f"  {entry['code']:<5} {printable(entry['title']):<46} {_range(entry):<9} {evidence}")
    if data["transversal"]:
        lines.append("\nTransversal aspects")
        lines += [
            f"  {t['code']:<5} {printable(t['title'])}  ({_words().get(t['evidence'], t['evidence'])})"
            for t in data["transversal"]
        ]
    return "\n".join(lines) + "\n"


def _show_text(data: dict[str, Any]) -> str:
    lines = [data["code"]]
    for entry in data["versions"]:
        evidence = _words().get(entry["evidence"], entry["evidence"])
        title = printable(entry["title"])
        lines.append(f"  e-CF {entry['version']}: {title} ({entry['area']}), {_range(entry)}, {evidence}")
        lines += [f"      source: {printable(s)}" for s in entry["sources"]]
    return "\n".join(lines) + "\n"


def _diff_text(data: dict[str, Any]) -> str:
    lines = [f"e-CF {data['old']} -> e-CF {data['new']}"]
    labels = {
        "added": "added",
        "removed": "removed",
        "renamed": "renamed",
        "moved": "moved to another code",
        "reused": "code reused for another competence",
        "range_changed": "level range changed",
    }
    for kind, label in labels.items():
        for pair in data[kind]:
            old, new = pair["old"], pair["new"]
            before = f"{old['code']} {printable(old['title'])} ({old['range']})" if old else ""
            after = f"{new['code']} {printable(new['title'])} ({new['range']})" if new else ""
            lines.append(f"  {label}: {before}{' -> ' if old and new else ''}{after}")
    return "\n".join(lines) + "\n"
