"""Markdown tables from a results file: ``python benchmarks/report.py benchmarks/results/X.json``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

FLOOR = "floor (PyYAML CSafeLoader load)"
OTHER = "check-jsonschema"


def table(figures: dict[str, Any], floor: dict[str, Any] | None, other: dict[str, Any] | None) -> list[str]:
    """One Markdown table: a row per command, with its ratios to the floor and to check-jsonschema."""
    lines = [
        "| | wall s | CPU s | peak MB | wall ÷ floor | CPU ÷ floor | wall ÷ check-jsonschema |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, f in figures.items():
        to_floor = f"{f['wall'] / floor['wall']:.2f}" if floor else ""
        cpu_floor = f"{f['cpu'] / floor['cpu']:.2f}" if floor else ""
        to_other = f"{f['wall'] / other['wall']:.3f}" if other else ""
        measured = f"{f['wall']:.2f} | {f['cpu']:.2f} | {f['maxrss_mb']:.1f}"
        lines.append(f"| {name} | {measured} | {to_floor} | {cpu_floor} | {to_other} |")
    return lines


def render(document: dict[str, Any]) -> str:
    """Every table of a results document, with the conditions it was measured under."""
    machine = document["machine"]
    versions = document["versions"]
    out = [
        f"Measured {document['date']} with `{document['command']}` (seed {document['seed']}, "
        f"{document['repeat']} run(s) per figure, median), git {str(versions.get('git_commit'))[:10]}.",
        "",
        f"Machine: {machine.get('cpu')}, {machine.get('nproc')} CPUs, {machine.get('memory_mb')} MB, "
        f"{machine.get('platform')}; load average at start {_load(machine.get('load_average_at_start'))}.",
        f"Python {versions['python']}, pydantic {versions.get('pydantic')}, PyYAML {versions.get('PyYAML')} "
        f"(libyaml {versions.get('libyaml')}), check-jsonschema {versions.get('check-jsonschema')} "
        f"(jsonschema {versions.get('jsonschema')}, ruamel.yaml {versions.get('ruamel.yaml')}).",
        f"Schema: {document['schema']}.",
    ]
    loads = document.get("load_average_after_each_size", {})
    for size, figures in document["sizes"].items():
        out += ["", f"**{int(size):,} files** (load average after: {_load(loads.get(size))})", ""]
        out += table(figures, figures.get(FLOOR), figures.get(OTHER))
    cold = document["cold_start"]
    other = next((f for name, f in cold.items() if name.startswith(OTHER)), None)
    out += ["", "**One-file cold start**", "", *table(cold, None, other)]
    return "\n".join(out) + "\n"


def _load(value: Any) -> str:
    return "/".join(f"{v:.1f}" for v in value) if value else "unknown"


if __name__ == "__main__":
    sys.stdout.write(render(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))))
