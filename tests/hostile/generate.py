"""Regenerate the hostile corpus: ``python tests/hostile/generate.py`` (expected.yaml is kept by hand)."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.minimal import ROLE, WSP  # noqa: E402


def bomb(levels: int) -> str:
    lines = ["lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels):
        prev, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def deep_block(levels: int) -> str:
    return "".join(" " * i + "a:\n" for i in range(levels)) + " " * levels + "x\n"


TEXT: dict[str, str] = {
    # syntax
    "syntax-tab-indent.yaml": WSP.replace("  - Plan things", "\t- Plan things"),
    "syntax-unclosed-double-quote.yaml": WSP.replace("title: Test Profile", 'title: "Test Profile'),
    "syntax-unclosed-single-quote.yaml": WSP.replace("title: Test Profile", "title: 'Test Profile"),
    "syntax-unclosed-flow.yaml": WSP.replace("kpi_areas: [Sales]", "kpi_areas: [Sales"),
    "syntax-bad-indent.yaml": WSP.replace("    title: Design and Development", "     title: Design"),
    "syntax-bad-escape.yaml": WSP.replace("title: Test Profile", 'title: "Test \\q Profile"'),
    "syntax-control-character.yaml": WSP.replace("title: Test Profile", "title: Test\x07Profile"),
    "syntax-raw-ansi-escape.yaml": WSP.replace("title: Test Profile", "title: \x1b[31mRed\x1b[0m"),
    "syntax-unknown-directive.yaml": "%FOO bar\n---\n" + WSP,
    "truncated-in-flow.yaml": WSP[: WSP.index("[Sales]") + 4],
    "truncated-in-quote.yaml": ROLE.replace(
        "summary_statement: Provides things.", 'summary_statement: "Prov'
    ),
    # duplicate and odd keys
    "duplicate-key-top.yaml": WSP + "title: Other Title\n",
    "duplicate-key-deep.yaml": WSP.replace("    levels: [e-2]", "    levels: [e-2]\n    levels: [e-3]"),
    "duplicate-key-flow.yaml": ROLE.replace(
        "    level_texts:\n      e-3: Exploits knowledge.", "    level_texts: {e-3: Exploits., e-3: Again.}"
    ),
    "duplicate-key-complex.yaml": WSP.replace(
        "kpi_areas: [Sales]", "? kpi_areas\n: [Sales]\n? kpi_areas\n: [X]"
    ),
    "non-string-keys.yaml": ROLE.replace("      e-3: Exploits knowledge.", "      3: Exploits.\n      yes: x")
    + "[a, b]: list key\n",
    # anchors, aliases, merge keys
    "anchor-and-alias.yaml": WSP.replace("kpi_areas: [Sales]", "kpi_areas: &k [Sales]\nqualification: *k"),
    "merge-key.yaml": ROLE.replace("  accountable: [Wiki.]", "  <<: {accountable: [Wiki.]}"),
    "undefined-alias.yaml": WSP.replace("kpi_areas: [Sales]", "kpi_areas: *nowhere"),
    "billion-laughs.yaml": bomb(10),
    # nesting and size
    "deep-flow-sequence.yaml": "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "deep-flow-mapping.yaml": "{a: " * 5_000 + "}" * 5_000 + "\n",
    "deep-block-sequence.yaml": "- " * 5_000 + "x\n",
    "deep-block-mapping.yaml": deep_block(300),
    # shapes
    "empty.yaml": "",
    "comments-only.yaml": "# nothing here\n# at all\n",
    "null-only.yaml": "~\n",
    "multi-document.yaml": WSP + "---\n" + ROLE,
    "multi-document-broken-second.yaml": WSP + "---\ntitle: [\n",
    "top-level-list.yaml": "- template: wsp-g3\n- title: x\n",
    "top-level-scalar.yaml": "just a sentence\n",
    # tags
    "tag-python-object-apply.yaml": WSP.replace(
        "title: Test Profile", "title: !!python/object/apply:os.system [id]"
    ),
    "tag-python-name.yaml": WSP.replace("title: Test Profile", "title: !!python/name:os.system"),
    "tag-binary.yaml": WSP.replace("title: Test Profile", "title: !!binary VGVzdA=="),
    "tag-custom.yaml": WSP.replace("title: Test Profile", "title: !foo Test Profile"),
    "tag-on-collection.yaml": WSP.replace("kpi_areas: [Sales]", "kpi_areas: !!set {Sales}"),
    # text that tries to escape its output (quoted, so YAML allows the control characters)
    "escape-ansi-in-key.yaml": WSP + '"\\e[2J\\e[31mpwned": 1\n',
    "escape-newline-workflow-command.yaml": WSP + '"x\\n::error file=a.yaml,line=1::forged": 1\n',
    "escape-rich-markup.yaml": WSP + '"[bold red]forged[/bold red]": 1\n',
    "escape-bidi-override.yaml": WSP + '"admin\\u202e\\u2066": 1\n',
    "escape-in-template.yaml": WSP.replace("template: wsp-g3", 'template: "\\e]0;title\\a\\nwsp-g3"'),
    # encodings that read fine
    "crlf-line-endings.yaml": WSP.replace("\n", "\r\n"),
}

BYTES: dict[str, bytes] = {
    "binary-png.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    "nul-byte.yaml": WSP.replace("title: Test Profile", "title: Test\x00Profile").encode(),
    "utf8-bom.yaml": codecs.BOM_UTF8 + WSP.encode(),
    "utf16le-bom.yaml": codecs.BOM_UTF16_LE + WSP.encode("utf-16-le"),
    "utf16be-bom.yaml": codecs.BOM_UTF16_BE + WSP.encode("utf-16-be"),
    "utf32le-bom.yaml": codecs.BOM_UTF32_LE + WSP.encode("utf-32-le"),
    "utf32be-bom.yaml": codecs.BOM_UTF32_BE + WSP.encode("utf-32-be"),
    "utf16le-no-bom.yaml": WSP.encode("utf-16-le"),
    "utf16be-no-bom.yaml": WSP.encode("utf-16-be"),
    "invalid-utf8.yaml": WSP.replace("title: Test Profile", "title: Test Prof\udce9le").encode(
        "utf-8", "surrogateescape"
    ),
    "latin1.yaml": WSP.replace("title: Test Profile", "title: Profil prêt").encode("latin-1"),
    "truncated-mid-utf8.yaml": WSP.replace("title: Test Profile", "title: Più").encode()[
        : WSP.index("title") + 10
    ],
    "bom-and-nul.yaml": codecs.BOM_UTF8 + b"a: 1\n\x00",
}


def main() -> None:
    for name, text in TEXT.items():
        (HERE / name).write_bytes(text.encode("utf-8"))
    for name, data in BYTES.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
