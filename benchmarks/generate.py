"""Deterministic sets of realistic profile files, a share of them with mistakes of every kind."""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# e-CF 3.0 codes, titles and level ranges (EN 16234-1:2016), so that clean files stay clean for
# catalogue rules too. Benchmark input only: the validator's own data lives in the package.
ECF = [
    ("A.1", "IS and Business Strategy Alignment", 4, 5),
    ("A.2", "Service Level Management", 3, 4),
    ("A.3", "Business Plan Development", 3, 5),
    ("A.4", "Product / Service Planning", 2, 4),
    ("A.5", "Architecture Design", 3, 5),
    ("A.6", "Application Design", 1, 3),
    ("A.7", "Technology Trend Monitoring", 4, 5),
    ("A.8", "Sustainable Development", 3, 4),
    ("A.9", "Innovating", 4, 5),
    ("B.1", "Application Development", 1, 3),
    ("B.2", "Component Integration", 2, 4),
    ("B.3", "Testing", 1, 4),
    ("B.4", "Solution Deployment", 1, 3),
    ("B.5", "Documentation Production", 1, 3),
    ("B.6", "Systems Engineering", 3, 4),
    ("C.1", "User Support", 1, 3),
    ("C.2", "Change Support", 2, 3),
    ("C.3", "Service Delivery", 1, 3),
    ("C.4", "Problem Management", 2, 4),
    ("D.1", "Information Security Strategy Development", 4, 5),
    ("D.2", "ICT Quality Strategy Development", 4, 5),
    ("D.3", "Education and Training Provision", 2, 3),
    ("D.4", "Purchasing", 2, 4),
    ("D.5", "Sales Proposal Development", 2, 3),
    ("D.6", "Channel Management", 3, 4),
    ("D.7", "Sales Management", 3, 5),
    ("D.8", "Contract Management", 2, 4),
    ("D.9", "Personnel Development", 2, 4),
    ("D.10", "Information and Knowledge Management", 3, 5),
    ("D.11", "Needs Identification", 3, 5),
    ("D.12", "Digital Marketing", 2, 4),
    ("E.1", "Forecast Development", 3, 4),
    ("E.2", "Project and Portfolio Management", 2, 5),
    ("E.3", "Risk Management", 2, 4),
    ("E.4", "Relationship Management", 3, 4),
    ("E.5", "Process Improvement", 3, 4),
    ("E.6", "ICT Quality Management", 2, 4),
    ("E.7", "Business Change Management", 3, 5),
    ("E.8", "Information Security Management", 2, 4),
    ("E.9", "IS Governance", 4, 5),
]
_VOCABULARY = (
    "the manager analyses designs maintains customer service quality online community market web "
    "application system process project risk plan strategy team documentation requirements level "
    "specialist knowledge ensures delivers performance organisation business relationship sales "
    "product contract security information technology development monitoring improvement "
    "communication support data users stakeholders budget forecasts trends integration testing "
    "deployment standards procedures policy accounts for own and others actions within scope "
    "responsible accountable contributes to applies principles methods tools of with in by"
)
WORDS = _VOCABULARY.split()
# The G3 registry's titles: relationships name real profiles, as they do in a maintained repository.
REGISTRY_TITLES = [
    "Community Manager", "Web Project Manager", "Web Account Manager", "User Experience Designer",
    "Business Analyst", "DB Administrator", "Search Engine Expert", "Advertising Manager",
    "Frontend Web Developer", "Server Side Web Developer", "Web Content Specialist",
    "Web Server Administrator", "Information Architect", "Digital Strategic Planner",
    "Web Accessibility Expert", "Web Security Expert", "Mobile Application Developer",
    "E-commerce Specialist", "Online Store Manager", "Reputation Manager", "Knowledge Manager",
]  # fmt: skip
LANGUAGES = [("English", "C1"), ("French", "B2"), ("German", "B1"), ("Italian", "B2"), ("Spanish", "A2")]
MISTAKES = (
    "syntax",
    "duplicate_key",
    "missing_section",
    "unknown_key",
    "bad_level",
    "yaml11_scalar",
    "wrong_type",
    "bad_code",
    "empty_section",
    "tab_indent",
)


class Raw(str):
    """A scalar written exactly as given, unquoted (how YAML 1.1 traps get into files)."""


def sentence(rng: random.Random, low: int, high: int) -> str:
    """A sentence of ``low`` to ``high`` words, capitalised, ending with a full stop."""
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    """Several sentences: the long texts (descriptions, level texts) of real sheets."""
    return " ".join(sentence(rng, 8, 22) for _ in range(sentences))


def _knowledge_skills() -> list[tuple[str, str]]:
    """A fixed vocabulary of knowledge/skill items: a repository words each code one way."""
    rng = random.Random("skillprofiles-bench:knowledge-skills")
    return [(f"{letter}{n:02d}", sentence(rng, 3, 10)) for letter in "BTM" for n in range(1, 21)]


def items(rng: random.Random, low: int, high: int, words: tuple[int, int] = (3, 12)) -> list[str]:
    """A list section: ``low`` to ``high`` short items."""
    return [sentence(rng, *words) for _ in range(rng.randint(low, high))]


def competences(rng: random.Random, role: bool) -> list[dict[str, Any]]:
    """5 to 18 competences at levels inside their range, with texts and knowledge/skill items."""
    chosen = sorted(rng.sample(range(len(ECF)), rng.randint(5, 18)))
    result = []
    for index in chosen:
        code, title, low, high = ECF[index]
        first = rng.randint(low, high)
        levels = [f"e-{n}" for n in range(first, min(high, first + rng.randint(0, 1)) + 1)]
        entry: dict[str, Any] = {"code": code, "title": title}
        if role or rng.random() < 0.3:
            entry["description"] = paragraph(rng, rng.randint(2, 5))
        entry["levels"] = levels
        if role or rng.random() < 0.3:
            entry["level_texts"] = {level: paragraph(rng, rng.randint(1, 3)) for level in levels}
        if role or rng.random() < 0.2:
            chosen_items = rng.sample(KNOWLEDGE_SKILLS, rng.randint(0, 6))
            entry["knowledge_skills"] = [{"code": code, "text": text} for code, text in chosen_items]
        result.append(entry)
    return result


def wsp_profile(rng: random.Random, number: int) -> dict[str, Any]:
    """A WSP-G3 sheet shaped like profiles/WSP-G3-003.yaml."""
    languages = rng.sample(LANGUAGES, rng.randint(1, 3))
    return {
        "template": "wsp-g3",
        "code": f"WSP-G3-{number:03d}",
        "title": sentence(rng, 2, 4).rstrip("."),
        "ecf_version": "3.0",
        "source": {"document": sentence(rng, 6, 12), "version": "1.0", "date": Raw("2013-02-14")},
        "summary_definition": paragraph(rng, 2),
        "assignment": [paragraph(rng, rng.randint(2, 4)) for _ in range(rng.randint(1, 3))],
        "documentation_produced": {
            "accountable": items(rng, 1, 4),
            "responsible": items(rng, 0, 3),
            "contributor": items(rng, 0, 3),
        },
        "primary_duties": items(rng, 4, 9, (6, 25)),
        "competences": competences(rng, role=False),
        "abilities_knowledge": {
            "technical": items(rng, 2, 6),
            "information_technology": items(rng, 1, 4, (6, 20)),
            "for_development": items(rng, 1, 3),
        },
        "kpi_areas": items(rng, 2, 5),
        "qualifications": items(rng, 1, 2, (8, 16)),
        "personal_aptitudes": {
            "interpersonal_organisational": items(rng, 3, 6, (1, 5)),
            "linguistic": [
                {"language": name, "min_level": level, "text": sentence(rng, 10, 20)}
                for name, level in languages
            ],
        },
        "relationships": {
            "interacts_with": rng.sample(REGISTRY_TITLES, rng.randint(0, 5)),
            "reports_to": rng.sample(REGISTRY_TITLES, rng.randint(0, 1)),
        },
    }


def role_profile(rng: random.Random, number: int) -> dict[str, Any]:
    """A European ICT role profile shaped like profiles/online-community-manager.yaml."""
    return {
        "template": "ict-role-profile",
        "code": f"ROLE-{number:05d}",
        "title": sentence(rng, 2, 4).rstrip("."),
        "ecf_version": "3.0",
        "source": {"document": sentence(rng, 6, 12)},
        "summary_statement": paragraph(rng, 1),
        "mission": [paragraph(rng, 2) for _ in range(rng.randint(1, 3))],
        "responsibility": paragraph(rng, 1),
        "deliverables": {"accountable": items(rng, 2, 6), "contributor": items(rng, 0, 3)},
        "main_tasks": items(rng, 3, 7),
        "environment": paragraph(rng, 2),
        "kpis": items(rng, 2, 5),
        "competences": competences(rng, role=True),
    }


# -- mistakes on the data: each leaves a known kind of finding --------------------------------------
def _first_competence(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["competences"][0]  # type: ignore[no-any-return]


def _list_key(doc: dict[str, Any]) -> str:
    return "primary_duties" if doc["template"] == "wsp-g3" else "main_tasks"


def mistake_on_data(kind: str, doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The document with one data mistake of ``kind`` (text-level kinds leave it unchanged)."""
    if kind == "missing_section":
        doc.pop(
            rng.choice(["summary_definition", "kpi_areas"] if "kpi_areas" in doc else ["kpis", "mission"])
        )
    elif kind == "unknown_key":
        key = _list_key(doc)
        doc = {(k[:-2] + k[-1] if k == key else k): v for k, v in doc.items()}  # primary_dutes
    elif kind == "bad_level":
        _first_competence(doc)["levels"] = [Raw("e-6")]
        _first_competence(doc).pop("level_texts", None)
    elif kind == "yaml11_scalar":
        doc["ecf_version"] = Raw(rng.choice(["3.0", "2.0", "4.0"]))
        if "personal_aptitudes" in doc:
            doc["personal_aptitudes"]["linguistic"][0]["language"] = Raw("no")
    elif kind == "wrong_type":
        doc[_list_key(doc)] = sentence(rng, 4, 8)
    elif kind == "bad_code":
        _first_competence(doc)["code"] = Raw(_first_competence(doc)["code"].replace(".", ""))
    elif kind == "empty_section":
        doc["kpi_areas" if "kpi_areas" in doc else "kpis"] = []
    return doc


def mistake_on_text(kind: str, text: str) -> str:
    """The text with one syntax-level mistake of ``kind`` (data-level kinds leave it unchanged)."""
    if kind == "syntax":
        return text.replace("levels: [", "levels: [e-1, [", 1)
    if kind == "duplicate_key":
        return text.replace("\ntitle: ", "\ntitle: Duplicate title\ntitle: ", 1)
    if kind == "tab_indent":
        return text.replace("\n  - ", "\n\t- ", 1)
    return text


# -- a small emitter that writes the block style of the reference profiles --------------------------
def _scalar(value: Any) -> str:
    if isinstance(value, Raw):
        return str(value)
    text = str(value)
    return f"'{text}'" if text[:1].isdigit() or text.lower() in {"yes", "no", "on", "off", "null"} else text


def _emit_text(out: list[str], pad: str, prefix: str, text: str) -> None:
    if len(text) + len(pad) + len(prefix) <= 100:
        out.append(f"{pad}{prefix}{_scalar(text)}")
        return
    out.append(f"{pad}{prefix}>-")
    line: list[str] = []
    width = len(pad) + 2
    for word in text.split():
        if line and width + len(word) > 100:
            out.append(pad + "  " + " ".join(line))
            line, width = [], len(pad) + 2
        line.append(word)
        width += len(word) + 1
    out.append(pad + "  " + " ".join(line))


def emit(out: list[str], value: Any, pad: str, prefix: str) -> None:
    """Append ``value`` as block YAML lines, at indentation ``pad``, after ``prefix`` (a key or dash)."""
    if isinstance(value, dict):
        if prefix:
            out.append(f"{pad}{prefix.rstrip()}")
        inner = pad + "  " if prefix else pad
        for key, item in value.items():
            emit(out, item, inner, f"{key}: ")
    elif isinstance(value, list) and all(isinstance(v, str) and v.startswith("e-") for v in value) and value:
        out.append(f"{pad}{prefix}[{', '.join(value)}]")
    elif isinstance(value, list) and not value:
        out.append(f"{pad}{prefix}[]")
    elif isinstance(value, list):
        out.append(f"{pad}{prefix.rstrip()}")
        for item in value:
            if isinstance(item, dict):
                keys = list(item.items())
                emit(out, keys[0][1], pad + "  ", f"- {keys[0][0]}: ")
                for key, sub in keys[1:]:
                    emit(out, sub, pad + "    ", f"{key}: ")
            else:
                emit(out, item, pad + "  ", "- ")
    else:
        _emit_text(out, pad, prefix, value)


def profile_file(index: int, seed: int, bad_share: float = 0.2) -> tuple[str, str, str | None]:
    """File ``index`` of the set ``seed``: its name, its YAML text and its mistake (None when clean).

    Files are named after their codes, as the repository-wide rules expect. There are only 1,000
    WSP-G3 codes, so beyond the first thousand files every profile is a role profile with a code
    of its own: a real repository never repeats a code.
    """
    rng = random.Random(f"skillprofiles-bench:{seed}:{index}")
    wsp = rng.random() < 0.6 and index < 1000
    doc = wsp_profile(rng, index) if wsp else role_profile(rng, index)
    kind = rng.choice(MISTAKES) if rng.random() < bad_share else None
    if kind:
        doc = mistake_on_data(kind, doc, rng)
    out = [f"# Generated benchmark profile {index} (seed {seed}).", ""]
    emit(out, doc, "", "")
    text = "\n".join(out) + "\n"
    name = f"WSP-G3-{index:03d}.yaml" if wsp else f"ROLE-{index:05d}.yaml"
    return name, (mistake_on_text(kind, text) if kind else text), kind


def profile_text(index: int, seed: int, bad_share: float = 0.2) -> tuple[str, str | None]:
    """File ``index`` of the set ``seed``: its YAML text and the mistake it carries (None when clean)."""
    _, text, kind = profile_file(index, seed, bad_share)
    return text, kind


def generate(directory: Path, count: int, seed: int = 1) -> dict[str, int]:
    """Write ``count`` profiles into ``directory`` (in subfolders of 1,000); return mistakes by kind."""
    kinds: dict[str, int] = {}
    for index, (name, text, kind) in enumerate(_files(count, seed)):
        path = directory / f"{index // 1000:03d}" / name
        if index % 1000 == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        kinds[kind or "clean"] = kinds.get(kind or "clean", 0) + 1
    return dict(sorted(kinds.items()))


def _files(count: int, seed: int) -> Iterator[tuple[str, str, str | None]]:
    for index in range(count):
        yield profile_file(index, seed)


KNOWLEDGE_SKILLS = _knowledge_skills()


def main() -> None:
    """Command line: ``python benchmarks/generate.py OUT --count 1000 --seed 1``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    kinds = generate(args.directory, args.count, args.seed)
    print(f"wrote {args.count} profiles to {args.directory}: {kinds}")


if __name__ == "__main__":
    main()
