"""Ranking benchmark: N assessments, each ranked against M profiles (default 10,000 × 1,000).

Profiles and assessments are generated deterministically from the packaged e-CF 4.0 catalogue, in
memory (no file reading is timed: ``validate`` has its own benchmark). One :class:`Ranker` scores
every pair and builds full gap reports for the ``--top`` profiles of each assessment. Prints a JSON
result and, with ``--write``, stores it under ``benchmarks/results/``.

    python -m benchmarks.rank [--assessments 10000] [--profiles 1000] [--write]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from skillprofiles.catalogue import default_catalogue
from skillprofiles.hr import Assessment, Member, Ranker
from skillprofiles.models import RoleProfile

VERSION = "4.0"


def competences(rng: random.Random, count: int) -> list[tuple[str, str, int]]:
    """Codes of e-CF 4.0 with a level each competence is defined at."""
    catalogue = default_catalogue()
    chosen = rng.sample(sorted(catalogue.versions[VERSION].competences), count)
    result = []
    for code in chosen:
        entry = catalogue.competence(VERSION, code)
        assert entry is not None
        levels = entry.levels() or (1, 2, 3)
        result.append((code, entry.title, rng.choice(levels)))
    return result


def profiles(rng: random.Random, count: int) -> list[Member]:
    """``count`` role profiles of 4 to 8 competences each."""
    members = []
    for index in range(count):
        data = {
            "template": "ict-role-profile",
            "title": f"Role {index}",
            "ecf_version": VERSION,
            "summary_statement": "A role.",
            "mission": ["Do the work."],
            "responsibility": "The work.",
            "deliverables": {"accountable": ["Work."]},
            "main_tasks": ["Work."],
            "environment": "An office.",
            "kpis": ["Work done."],
            "competences": [
                {"code": code, "title": title, "levels": [f"e-{level}"]}
                for code, title, level in competences(rng, rng.randint(4, 8))
            ],
        }
        members.append(Member(f"role-{index}.yaml", RoleProfile.model_validate(data), VERSION))
    return members


def assessments(rng: random.Random, count: int) -> list[Assessment]:
    """``count`` assessments of 3 to 12 competences each."""
    return [
        Assessment.model_validate(
            {
                "person": f"Person {index}",
                "ecf_version": VERSION,
                "competences": [
                    {"code": code, "level": f"e-{level}"}
                    for code, _title, level in competences(rng, rng.randint(3, 12))
                ],
                "languages": [{"language": "English", "level": rng.choice(["B1", "B2", "C1"])}],
            }
        )
        for index in range(count)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--profiles", type=int, default=1_000)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="store the result under benchmarks/results/")
    args = parser.parse_args(argv)
    rng = random.Random(15)
    members = profiles(rng, args.profiles)
    people = assessments(rng, args.assessments)
    start = time.perf_counter()
    ranker = Ranker(members)  # the profiles' requirements indexed once, as `gap DIR` and `team` do
    prepared = time.perf_counter() - start
    best = [ranker.rank(person, top=args.top)[0].fit for person in people]
    elapsed = time.perf_counter() - start
    pairs = args.assessments * args.profiles
    result = {
        "benchmark": "rank",
        "assessments": args.assessments,
        "profiles": args.profiles,
        "pairs": pairs,
        "top": args.top,
        "seconds": round(elapsed, 2),
        "prepare_seconds": round(prepared, 3),
        "pairs_per_second": round(pairs / elapsed),
        "ms_per_assessment": round(1000 * elapsed / args.assessments, 2),
        "mean_best_fit": round(sum(best) / len(best), 4),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    text = json.dumps(result, indent=2) + "\n"
    sys.stdout.write(text)
    if args.write:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        Path(__file__).parent.joinpath("results", f"{stamp}-rank.json").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
