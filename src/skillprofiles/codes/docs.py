"""The rule documentation: a table, one rule's page, JSON, and the generated docs/rules.md."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from skillprofiles.codes.registry import Rule, all_rules

REGENERATE = "skillprofiles rules --format markdown -o docs/rules.md"
GROUPS = {
    "0": "Reader (SP0xx): files that cannot be read, decoded or parsed safely",
    "1": "Structure (SP1xx): the sections each template requires, their types and forms",
    "2": "Catalogue semantics (SP2xx): codes, levels, titles and languages against the e-CF and CEFR",
    "3": "Repository (SP3xx): checks over every profile of a run",
    "9": "Meta (SP9xx): suppression comments, baselines and configuration files",
}


def summary(rule: Rule) -> str:
    """The first sentence of a rule's documentation, on one line."""
    paragraph = " ".join(rule.doc.split("\n\n", 1)[0].split())
    sentence = re.split(r"(?<=[.;])\s", paragraph, maxsplit=1)[0]
    return sentence.rstrip(".;:") + "."


def table(rules: Iterable[Rule]) -> str:
    """Aligned columns: code, name, default severity, fix (safe, unsafe or none), summary."""
    rows = [("CODE", "NAME", "SEVERITY", "FIX", "SUMMARY")]
    rows += [(r.code, r.name, r.severity.label, r.fix or "-", summary(r)) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) for row in rows
    ]
    return "\n".join(f"{line}  {row[4]}" for line, row in zip(lines, rows, strict=True)) + "\n"


def page(rule: Rule) -> str:
    """One rule's full documentation as plain text."""
    head = f"{rule.code} {rule.name}"
    meta = f"Default severity: {rule.severity.label}. Scope: {rule.scope}. Fix: {_fix_text(rule)}."
    return f"{head}\n{'=' * len(head)}\n{meta}\n\n{rule.doc}\n"


def as_dict(rule: Rule) -> dict[str, str]:
    """A rule as JSON-ready data."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.label,
        "scope": rule.scope,
        "fix": rule.fix or "none",
        "summary": summary(rule),
        "doc": rule.doc,
    }


def to_json(rules: Iterable[Rule] | Rule) -> str:
    """One rule as a JSON object, or several as a JSON list."""
    data = as_dict(rules) if isinstance(rules, Rule) else [as_dict(r) for r in rules]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def markdown(rules: Iterable[Rule] | None = None) -> str:
    """docs/rules.md: an index table, then every rule's documentation, grouped by code range."""
    listed = list(all_rules() if rules is None else rules)
    out = [
        "# Rules",
        "",
        f"<!-- Generated from the rule registry by `{REGENERATE}`. Do not edit by hand. -->",
        "",
        "Every diagnostic code the validator reports, with its default severity. Change which rules run",
        "and how severe they are with `--select`, `--ignore`, `--severity` or a configuration file, and hide",
        "single findings with suppression comments or a baseline: see [configuration.md](configuration.md).",
        "`skillprofiles rules CODE` prints one rule's documentation in the terminal.",
        "",
        "A rule with a fix marks its findings so that `skillprofiles fix` (or `validate --fix`) can",
        "apply it: *safe* fixes always, *unsafe* ones (which change what a profile says) only with",
        "`--unsafe-fixes`.",
        "",
        "| code | name | severity | fix | summary |",
        "|---|---|---|---|---|",
        *(
            f"| [{r.code}](#{anchor(r)}) | `{r.name}` | {r.severity.label} | {r.fix or '-'} | "
            f"{_cell(summary(r))} |"
            for r in listed
        ),
    ]
    group = None
    for rule in listed:
        if rule.code[2:3] != group:
            group = rule.code[2:3]
            out += ["", f"## {GROUPS.get(group, f'SP{group}xx')}"]
        out += ["", f"### {rule.code} {rule.name}", "", _facts(rule), "", *_doc_markdown(rule.doc)]
    return "\n".join(out).rstrip() + "\n"


def anchor(rule: Rule) -> str:
    """The rule's heading anchor in docs/rules.md (``sp101-missing-section``), as mkdocs makes it."""
    return f"{rule.code.lower()}-{rule.name}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _facts(rule: Rule) -> str:
    return f"Default severity: **{rule.severity.label}**. Scope: {rule.scope}. Fix: {_fix_text(rule)}."


def _fix_text(rule: Rule) -> str:
    return {"safe": "safe", "unsafe": "unsafe (with --unsafe-fixes)"}.get(rule.fix or "", "none")


def _doc_markdown(doc: str) -> Iterator[str]:
    """reStructuredText-style ``Text::`` literal blocks become fenced YAML blocks."""
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.rstrip().endswith("::"):
            yield line
            continue
        yield line.rstrip()[:-1]
        block: list[str] = []
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
            block.append(lines[i][4:])
            i += 1
        while block and not block[-1].strip():
            block.pop()
        while block and not block[0].strip():
            block.pop(0)
        yield from ["", "```yaml", *block, "```"]
        if i < len(lines):
            yield ""
