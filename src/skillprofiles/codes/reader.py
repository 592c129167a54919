"""Codes the YAML reader emits (SP0xx): files that cannot be read, decoded or parsed safely."""

from __future__ import annotations

from skillprofiles.codes.registry import declare
from skillprofiles.diagnostics import Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING

INTERNAL = declare(
    "SP000",
    "internal-error",
    ERROR,
    """The validator failed on this file through a fault of its own; the other files were still checked.

    Why: no input should ever cause this. Please report it with the file that triggers it.

    Passing: every file, once the fault is fixed.

    Failing: a file that makes the validator raise an unexpected exception.
    """,
)

UNREADABLE = declare(
    "SP001",
    "unreadable-file",
    ERROR,
    """The file cannot be opened or read (missing, a directory, a pipe, a device, a broken link, a loop).

    Why: a profile that cannot be read cannot be checked; the run goes on with the other files. Only
    regular files are read: a named pipe or a device could block the run or feed it without end.

    Passing: a readable file ``profiles/WSP-G3-003.yaml``.

    Failing: a path that names a directory, a named pipe, a file without read permission, or a
    symbolic link to nowhere.
    """,
)

TOO_LARGE = declare(
    "SP002",
    "file-too-large",
    ERROR,
    """The file is larger than the size limit (2 MiB unless configured).

    Why: a profile sheet is a few kilobytes; a huge file is a mistake or an attack, and reading it
    all would cost memory for nothing. Raise the limit with ``--max-file-size`` if it is genuine.

    Passing: a 20 kB profile sheet.

    Failing: a 3 MB generated file named ``profile.yaml``.
    """,
)

BINARY = declare(
    "SP003",
    "binary-file",
    ERROR,
    """The file contains NUL bytes and is not text.

    Why: a binary file given as a profile (an image, an archive) cannot be YAML.

    Passing: a UTF-8 text file.

    Failing: ``profile.yaml`` that is really a PNG image.
    """,
)

BAD_ENCODING = declare(
    "SP004",
    "invalid-encoding",
    ERROR,
    """The file is not valid UTF-8 (or not valid in the encoding its byte-order mark names).

    Why: YAML is Unicode text; an invalid byte is usually a file saved as Latin-1 or Windows-1252.
    The message gives the line and column of the first invalid byte.

    Passing: ``title: Web Account Manager`` saved as UTF-8.

    Failing: ``title: Gestore clienti Web – Più`` saved as Windows-1252.
    """,
)

NOT_UTF8 = declare(
    "SP005",
    "non-utf8-encoding",
    WARNING,
    """The file is UTF-16 or UTF-32 (with a byte-order mark); it was read, but UTF-8 is expected.

    Why: many tools (diff, grep, editors' YAML servers) handle only UTF-8 well.

    Passing: a UTF-8 file, with or without a byte-order mark.

    Failing: a file saved by an editor as "Unicode (UTF-16 LE)".
    """,
)

SYNTAX = declare(
    "SP010",
    "yaml-syntax",
    ERROR,
    """The file is not well-formed YAML: the message says what the parser found and where.

    Why: nothing in a file that does not parse can be trusted; fix the syntax first.

    Passing::

        title: Web Account Manager
        primary_duties:
          - Make value presentations

    Failing (an unclosed flow list, or a tab used for indentation)::

        primary_duties: [Make value presentations
    """,
)

DUPLICATE_KEY = declare(
    "SP011",
    "duplicate-key",
    ERROR,
    """A mapping has the same key twice; the message names both lines.

    Why: YAML parsers silently keep only the last value, so one of the two is lost without a word.

    Passing::

        title: Web Account Manager
        summary_definition: Professional position responsible for ...

    Failing::

        title: Web Account Manager
        title: Account Manager
    """,
)

NON_STRING_KEY = declare(
    "SP012",
    "non-string-key",
    ERROR,
    """A mapping key is not a string (a number, a boolean, a list...).

    Why: every key of a profile sheet is a section or field name; ``yes:`` or ``1:`` is a typo or
    YAML 1.1 reading a word as a boolean.

    Passing: ``level_texts: {e-3: Exploits specialist knowledge}``

    Failing: ``level_texts: {3: Exploits specialist knowledge}``
    """,
)

UNSAFE_TAG = declare(
    "SP013",
    "unsupported-tag",
    ERROR,
    """A value carries an explicit YAML tag other than the plain core types.

    Why: tags such as ``!!python/object`` ask a loader to build objects or run code; they are never
    constructed here, and a profile needs none.

    Passing: ``title: Web Account Manager``

    Failing: ``title: !!python/object/apply:os.system [echo hi]``
    """,
)

ALIAS = declare(
    "SP014",
    "alias",
    ERROR,
    """An anchor, alias or merge key is used, or aliases expand beyond the bound.

    Why: anchors make a reader hunt for what a profile says, and nested aliases are the classic
    "billion laughs" attack. They are off by default; when enabled (``--allow-aliases``), their
    expansion is still bounded (10,000 nodes in all), so a bomb is refused at once.

    Passing::

        primary_duties:
          - Make value presentations

    Failing::

        base: &duty Make value presentations
        primary_duties: [*duty]
    """,
)

TOO_DEEP = declare(
    "SP015",
    "nesting-too-deep",
    ERROR,
    """Collections are nested deeper than the limit (64 levels unless configured).

    Why: a profile sheet is at most six levels deep; thousands of levels exhaust parsers' stacks.
    The reader never recurses, and stops at the limit, so validation and rules never see deeper
    data. ``--max-depth`` changes the limit, up to a ceiling of 256.

    Passing: ``competences: [{code: B.1, levels: [e-2]}]``

    Failing: ``[[[[[[[[ ... ]]]]]]]]`` nested 10,000 times.
    """,
)

EMPTY = declare(
    "SP016",
    "empty-file",
    ERROR,
    """The file holds no YAML content (empty, only comments, or only ``null``).

    Why: an empty profile is almost always a file created and never written.

    Passing: a file starting ``template: wsp-g3``.

    Failing: a file containing only ``# TODO``.
    """,
)

MULTI_DOCUMENT = declare(
    "SP017",
    "multiple-documents",
    ERROR,
    """The file holds more than one YAML document (separated by ``---``); only the first is checked.

    Why: one file is one profile; a second document would be silently ignored by most loaders.

    Passing: one profile per file.

    Failing::

        template: wsp-g3
        ---
        template: ict-role-profile
    """,
)

NOT_MAPPING = declare(
    "SP018",
    "not-a-mapping",
    ERROR,
    """The top level of the file is a list or a scalar, not a mapping of sections.

    Why: a profile sheet is a mapping from section names to their content.

    Passing: ``template: wsp-g3`` followed by the other sections.

    Failing: ``- template: wsp-g3`` (a list at the top level).
    """,
)

TOO_MANY_NODES = declare(
    "SP019",
    "too-many-nodes",
    ERROR,
    """The document has more nodes than the limit (50,000 unless configured).

    Why: a profile sheet has a few hundred values; a huge list is a mistake or an attack, and the
    memory the reader needs grows with the nodes (about 30 MB at the limit).

    Passing: a profile with 40 competences.

    Failing: a generated list of a million items.
    """,
)

LINK_OUTSIDE = declare(
    "SP020",
    "link-outside-tree",
    WARNING,
    """A symbolic link found while walking a directory leads out of that directory; it was not followed.

    Why: a pull request can add a link to ``/etc/passwd`` or to a file in another project; following it
    would make the validator read (and echo parts of) files nobody asked it to check. Pass
    ``--follow-links`` to follow such links anyway (loops are still detected).

    Passing: ``profiles/web-account-manager.yaml``, a file, or a link to a file inside ``profiles/``.

    Failing: ``profiles/shared.yaml -> ../../other-project/profile.yaml`` when checking ``profiles/``.
    """,
)

LINK_LOOP = declare(
    "SP021",
    "link-loop",
    WARNING,
    """A symbolic link to a directory leads back to a directory that encloses it; it was not followed.

    Why: following it would walk the same files forever. The files it leads to are checked once,
    under their own directory.

    Passing: a link from ``profiles/current`` to ``archive/2024`` (a directory that does not enclose it).

    Failing: ``profiles/again -> ..`` (a link to its own parent).
    """,
)
