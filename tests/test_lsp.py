"""The language server, driven end to end over stdio with pytest-lsp (``skillprofiles lsp`` in its own
process, on the real pipeline), plus unit tests of the parts that need no server: positions, the
suppression edit, the fixes, hover and completion."""

from __future__ import annotations

import asyncio
import re
import sys
import time
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from skillprofiles import Pipeline
from skillprofiles.catalogue import default_catalogue
from skillprofiles.diagnostics import Diagnostic, Severity, Span
from skillprofiles.lsp import INSTALL_HINT, knowledge, missing_dependency_message
from skillprofiles.lsp.fixes import fixes_for
from skillprofiles.lsp.positions import UTF8, UTF16, UTF32, TextIndex, units
from skillprofiles.lsp.suppression import suppression_edit
from skillprofiles.tuning.config import Config
from tests.conftest import printed
from tests.minimal import ROLE, WSP

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")
import pytest_lsp
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "skillprofiles", "lsp", "--debounce-ms", "50"]
# the test profile: e-CF version unquoted (SP104) and, once quoted, a code e-CF 4.0 does not have
PROFILE = ROLE.replace("ecf_version: '4.0'", "ecf_version: 4.0").replace(
    "  - code: A.3\n", "  - code: D.77  # a comment\n"
)
NAME = "test-role.yaml"  # the file name the title asks for (SP303)
WSP_NAME = "WSP-G3-099.yaml"  # the file name the code asks for


def recording_client() -> LanguageClient:
    """pytest-lsp's test client, also keeping every publishDiagnostics in order (with versions)."""
    client = LanguageClient(converter_factory=default_converter)
    features = {
        m: f for m, f in DEFAULT_CLIENT_FEATURES.items() if m != lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
    }
    register_lsp_features(client, features)
    client.published = []  # type: ignore[attr-defined]

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: lsp.PublishDiagnosticsParams) -> None:
        client.published.append(params)  # type: ignore[attr-defined]
        client.diagnostics[params.uri] = params.diagnostics

    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=recording_client)


@pytest_lsp.fixture(config=CONFIG, params=["visual-studio-code", "neovim"])
async def client(
    lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[None]:
    result = await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=client_capabilities(request.param),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[lsp.WorkspaceFolder(uri=tmp_path.as_uri(), name="profiles")],
        )
    )
    # VS Code offers nothing (UTF-16); Neovim 0.11 offers UTF-8 first, and gets it
    lsp_client.encoding = str(result.capabilities.position_encoding or "utf-16")  # type: ignore[attr-defined]
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    lsp_client.capabilities = client_capabilities(request.param)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


# -- helpers ------------------------------------------------------------------------------------
_LSP_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_CODECS = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}


def _lsp_lines(text: str) -> list[str]:
    return [m[0] for m in _LSP_LINE.finditer(text)][:-1] or [""]


def offset(text: str, position: lsp.Position, encoding: str = "utf-16") -> int:
    """Independent of the server's code: LSP position -> offset, through Python's codecs."""
    codec, width = _CODECS[encoding]
    lines = _lsp_lines(text)
    start = sum(len(line) for line in lines[: position.line])
    line = lines[position.line].rstrip("\r\n") if position.line < len(lines) else ""
    prefix = line.encode(codec, "surrogatepass")[: width * position.character]
    return start + len(prefix.decode(codec, "surrogatepass"))


def lsp_position(text: str, at: int, encoding: str) -> tuple[int, int]:
    """Independent of the server's code: offset -> LSP (line, character)."""
    codec, width = _CODECS[encoding]
    lines = _lsp_lines(text)
    line, start = 0, 0
    while line + 1 < len(lines) and start + len(lines[line]) <= at:
        start += len(lines[line])
        line += 1
    return line, len(text[start:at].encode(codec, "surrogatepass")) // width


def cli_to_lsp(text: str, line: int, column: int, encoding: str) -> tuple[int, int]:
    """A CLI position (1-based, characters, here only \\n line breaks) as LSP's."""
    lines = text.split("\n")
    at = sum(len(x) + 1 for x in lines[: line - 1]) + column - 1
    return lsp_position(text, at, encoding)


def apply(text: str, edit: lsp.WorkspaceEdit | None, uri: str, encoding: str = "utf-16") -> str:
    assert edit is not None
    if edit.document_changes:
        edits = [
            e
            for change in edit.document_changes
            if isinstance(change, lsp.TextDocumentEdit) and change.text_document.uri == uri
            for e in change.edits
        ]
    else:
        edits = list((edit.changes or {})[uri])
    spans = sorted(
        (
            (offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text)
            for e in edits
            if isinstance(e, lsp.TextEdit)
        ),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def enc(client: LanguageClient) -> str:
    return str(client.encoding)  # type: ignore[attr-defined]


def uri_of(client: LanguageClient, name: str) -> str:
    return (client.root / name).as_uri()  # type: ignore[attr-defined]


async def published(
    client: LanguageClient,
    uri: str,
    version: int | None = None,
    *,
    where: Callable[[lsp.PublishDiagnosticsParams], bool] = lambda _: True,
    timeout: float = 20.0,
    after: int = 0,
) -> list[lsp.Diagnostic]:
    """The first diagnostics published for uri (at that version) that satisfy ``where``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for params in client.published[after:]:  # type: ignore[attr-defined]
            if params.uri == uri and (version is None or params.version == version) and where(params):
                return list(params.diagnostics)
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} version {version}: {client.published}")  # type: ignore[attr-defined]


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=text)
        )
    )


def change_doc(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def rng(line: int, start: int, end: int) -> lsp.Range:
    return lsp.Range(
        start=lsp.Position(line=line, character=start), end=lsp.Position(line=line, character=end)
    )


def expected(client: LanguageClient, text: str, diagnostics: Sequence[Diagnostic]) -> list[Any]:
    """What the server should publish for the CLI's findings: code, LSP range, severity."""
    severity = {
        Severity.ERROR: lsp.DiagnosticSeverity.Error,
        Severity.WARNING: lsp.DiagnosticSeverity.Warning,
        Severity.INFO: lsp.DiagnosticSeverity.Information,
    }
    out = []
    for d in diagnostics:
        start = cli_to_lsp(text, d.span.line, d.span.column, enc(client))
        end = cli_to_lsp(text, d.span.end_line, d.span.end_column, enc(client))
        out.append((d.code, start, end, severity[d.severity]))
    return out


def got(diagnostics: Sequence[lsp.Diagnostic]) -> list[Any]:
    return [
        (
            d.code,
            (d.range.start.line, d.range.start.character),
            (d.range.end.line, d.range.end.character),
            d.severity,
        )
        for d in diagnostics
    ]


async def actions_for(client: LanguageClient, uri: str, diagnostic: lsp.Diagnostic) -> list[lsp.CodeAction]:
    result = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert result is not None
    actions = [a for a in result if isinstance(a, lsp.CodeAction)]
    assert len(actions) == len(result)
    return actions


def position_of(client: LanguageClient, text: str, needle: str, plus: int = 0) -> lsp.Position:
    line, character = lsp_position(text, text.index(needle) + plus, enc(client))
    return lsp.Position(line=line, character=character)


def client_capabilities_of(client: LanguageClient) -> lsp.ClientCapabilities:
    return client.capabilities  # type: ignore[attr-defined]


# -- end to end ---------------------------------------------------------------------------------
async def test_the_findings_of_validate_at_the_same_places_then_the_fix(client: LanguageClient) -> None:
    uri, path = uri_of(client, NAME), client.root / NAME  # type: ignore[attr-defined]
    open_doc(client, uri, PROFILE)
    diagnostics = await published(client, uri, 1)
    cli = Pipeline.from_config().reads(PROFILE, str(path)).diagnostics
    assert [d.code for d in cli] == ["SP104"]  # the unquoted version keeps the profile from loading
    assert got(diagnostics) == expected(client, PROFILE, cli)
    [version] = diagnostics
    assert version.source == "skillprofiles"
    assert version.message == (
        "'4.0' is read by YAML as the number 4.0, not as the text '4.0'\nhint: quote it: '4.0'"
    )
    assert PROFILE[offset(PROFILE, version.range.start, enc(client)) :].startswith("4.0\n")

    # the quick fix the hint names, preferred; then "suppress on this line"
    actions = await actions_for(client, uri, version)
    assert [(a.title, a.kind, a.is_preferred) for a in actions] == [
        ("Quote 4.0 as '4.0'", lsp.CodeActionKind.QuickFix, True),
        ("Suppress SP104 on this line", lsp.CodeActionKind.QuickFix, None),
    ]
    assert all(list(a.diagnostics or ()) == [version] for a in actions)
    fixed = apply(PROFILE, actions[0].edit, uri, enc(client))
    assert fixed == PROFILE.replace("ecf_version: 4.0", "ecf_version: '4.0'")

    # the fix applied: the profile loads, and the catalogue's findings appear, as validate gives them
    change_doc(client, uri, fixed, 2)
    diagnostics = await published(client, uri, 2)
    cli = Pipeline.from_config().reads(fixed, str(path)).diagnostics
    assert "SP203" in [d.code for d in cli]  # e-CF 4.0 has no competence D.77
    assert got(diagnostics) == expected(client, fixed, cli)
    path.write_text(fixed, encoding="utf-8")  # and exactly what the command line says of the file
    report = Pipeline.from_config().validate(path)
    assert got(diagnostics) == expected(client, fixed, report.diagnostics)
    unknown = next(d for d in diagnostics if d.code == "SP203")
    assert fixed[offset(fixed, unknown.range.start, enc(client)) :].startswith("D.77  # a comment")

    # suppressing it on its line keeps the comment that is there, and the finding goes
    suppress = (await actions_for(client, uri, unknown))[-1]
    assert suppress.title == "Suppress SP203 on this line"
    suppressed = apply(fixed, suppress.edit, uri, enc(client))
    assert "  - code: D.77  # skillprofiles: ignore[SP203] # a comment\n" in suppressed
    change_doc(client, uri, suppressed, 3)
    after = await published(client, uri, 3)
    assert "SP203" not in [d.code for d in after]
    cli = Pipeline.from_config().reads(suppressed, str(path)).diagnostics
    assert got(after) == expected(client, suppressed, cli)


async def test_changes_update_the_diagnostics_debounced(client: LanguageClient) -> None:
    uri = uri_of(client, WSP_NAME)
    open_doc(client, uri, WSP)
    assert await published(client, uri, 1) == []
    for version in range(2, 7):  # a burst of keystrokes: only the last version needs a check
        change_doc(client, uri, WSP.replace("levels: [e-2]", f"levels: [e-{version + 3}]"), version)
    diagnostics = await published(client, uri, 6)
    assert [d.code for d in diagnostics] == ["SP105"]  # e-9 is not a level
    stale = [p.version for p in client.published if p.uri == uri and p.version in (2, 3, 4, 5)]  # type: ignore[attr-defined]
    assert len(stale) < 4, stale
    change_doc(client, uri, WSP, 7)
    assert await published(client, uri, 7) == []


async def test_cross_profile_findings_against_the_workspace(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    other = root / "other-profile.yaml"
    other.write_text(WSP.replace("Test Profile", "Other Profile"), encoding="utf-8")
    uri = uri_of(client, WSP_NAME)
    (root / WSP_NAME).write_text(WSP, encoding="utf-8")
    open_doc(client, uri, WSP)
    diagnostics = await published(client, uri, 1)
    assert [d.code for d in diagnostics] == ["SP301"]  # the other profile has the same code
    workspace = client_capabilities_of(client).workspace
    if (
        workspace
        and workspace.did_change_watched_files
        and workspace.did_change_watched_files.dynamic_registration
    ):
        registered = [r.method for r in client.registrations]  # type: ignore[attr-defined]
        assert registered == [lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    report = Pipeline.from_config().validate(root / WSP_NAME, repository=root)
    assert got(diagnostics) == expected(client, WSP, report.diagnostics)
    # the other file changes on disk: the client says so, and the finding goes
    other.write_text(WSP.replace("Test Profile", "Other Profile").replace("099", "098"), encoding="utf-8")
    before = len(client.published)  # type: ignore[attr-defined]
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=other.as_uri(), type=lsp.FileChangeType.Changed)]
        )
    )
    assert await published(client, uri, 1, after=before) == []
    # an open document counts as typed: a second buffer with the code brings it back
    second = uri_of(client, "third-profile.yaml")
    open_doc(client, second, WSP.replace("Test Profile", "Third Profile"))
    assert "SP301" in [d.code for d in await published(client, second, 1)]


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[*SERVER, "--no-config", "--ecf-version", "2.0"], client_factory=recording_client
    )
)
async def configured(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=client_capabilities("neovim"), root_uri=tmp_path.as_uri())
    )
    lsp_client.encoding = "utf-16"  # type: ignore[attr-defined]
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_the_loading_options_of_the_command_line_apply(configured: LanguageClient) -> None:
    client = configured
    (client.root / ".skillprofiles.yaml").write_text("ignore: [SP2]\n", encoding="utf-8")  # type: ignore[attr-defined]
    text = ROLE.replace("ecf_version: '4.0'\n", "").replace("code: A.3", "code: D.12")
    uri = uri_of(client, NAME)
    open_doc(client, uri, text)
    diagnostics = await published(client, uri, 1)
    path = client.root / NAME  # type: ignore[attr-defined]
    cli = Pipeline.from_config(Config(default_ecf_version="2.0")).reads(text, str(path)).diagnostics
    assert "SP203" in [d.code for d in cli]  # 2.0 has no D.12, and --no-config keeps SP2 on
    assert got(diagnostics) == expected(client, text, cli)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=position_of(client, text, "D.12")
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, lsp.MarkupContent)
    assert hover.contents.value.startswith("**D.12** is not a competence of e-CF 2.0")


async def test_stale_fixes_are_not_offered(client: LanguageClient) -> None:
    uri = uri_of(client, NAME)
    open_doc(client, uri, PROFILE)
    [diagnostic] = await published(client, uri, 1)
    change_doc(client, uri, PROFILE.replace("ecf_version: 4.0", "ecf_version:  4.0"), 2)
    actions = await actions_for(client, uri, diagnostic)  # the old edit would land one column off
    assert [a.title for a in actions] == ["Suppress SP104 on this line"]


async def test_hover_on_a_competence_and_a_cefr_level(client: LanguageClient) -> None:
    uri = uri_of(client, WSP_NAME)
    text = WSP.replace("ecf_version: '2.0'", "ecf_version: '4.0'").replace(
        "  - code: B.1\n    title: Design and Development\n", "  - code: D.6\n    title: Digital Marketing\n"
    )
    open_doc(client, uri, text)
    await published(client, uri, 1)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=position_of(client, text, "D.6", 1)
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, lsp.MarkupContent)
    value = hover.contents.value
    assert value.startswith(
        "**D.6 Digital Marketing** (e-CF 4.0)\n\n"
        "Area D: Enable · levels e-2..e-4 (two independent sources: S4a, S4b)"
    )
    # the code named another competence before 4.0, which was D.12 in 3.0
    assert (
        "- e-CF 3.0: **D.6 means another competence**, Channel Management (this competence is D.12 there)"
        in (value)
    )
    cefr = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            position=position_of(client, text, "min_level: C1", 11),
        )
    )
    assert cefr is not None
    assert isinstance(cefr.contents, lsp.MarkupContent)
    assert (
        cefr.contents.value == "**C1** Effective Operational Proficiency: CEFR level (proficient user, core)"
    )
    nothing = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=0, character=1)
        )
    )
    assert nothing is None


async def test_completion_of_codes_levels_and_keys(client: LanguageClient) -> None:
    uri = uri_of(client, WSP_NAME)
    text = WSP.replace("  - code: B.1\n", "  - code: B.\n").replace("levels: [e-2]", "levels: [e-")
    open_doc(client, uri, text)
    await published(client, uri, 1)

    async def complete(position: lsp.Position) -> list[lsp.CompletionItem]:
        result = await client.text_document_completion_async(
            lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=position)
        )
        assert isinstance(result, lsp.CompletionList)
        return list(result.items)

    codes = await complete(position_of(client, text, "code: B.", 8))
    by_label = {i.label: i for i in codes}
    b1 = default_catalogue().competence("2.0", "B.1")  # the profile's version
    assert b1 is not None
    assert by_label["B.1"].detail == b1.title
    assert by_label["B.1"].kind == lsp.CompletionItemKind.EnumMember
    assert "D.12" not in by_label  # not in e-CF 2.0
    edit = by_label["B.1"].text_edit
    assert isinstance(edit, lsp.TextEdit)
    assert apply(text, lsp.WorkspaceEdit(changes={uri: [edit]}), uri, enc(client)).count("code: B.1\n") == 1

    levels = await complete(position_of(client, text, "levels: [e-", 11))
    assert [i.label for i in levels] == [f"e-{rank}" for rank in b1.levels() or range(1, 6)]

    cefr = await complete(position_of(client, text, "min_level: C1", 11))
    assert [i.label for i in cefr][:3] == ["Pre-A1", "A1", "A2"]

    keys = await complete(position_of(client, text, "  linguistic:", 2))  # in personal_aptitudes
    assert [i.label for i in keys] == ["interpersonal_organisational", "linguistic"]
    assert all(i.kind == lsp.CompletionItemKind.Property for i in keys)
    top = await complete(lsp.Position(line=len(_lsp_lines(text)), character=0))
    top_labels = [i.label for i in top]
    assert top_labels == ["$schema", "occupation", "source", "relationships"]  # the others are there already


async def test_hostile_documents_get_diagnostics_and_the_server_answers(client: LanguageClient) -> None:
    garbage = bytes(range(256)).decode("latin-1") * 40 + "\udc80\ud800 BAD \ufeff\u202e"
    cases = {
        "garbage.yaml": garbage,  # control characters, NUL, lone surrogates, bidi overrides
        "huge.yaml": "title: x\n" * 300_000,  # 2.7 MB, over the reader's limit of 2 MiB
        "deep.yaml": "a: " + "[" * 50_000 + "]" * 50_000 + "\n",
        "deep-block.yaml": "".join(" " * i + f"k{i}:\n" for i in range(3000)),
        "one-line.yaml": "title: " + "x" * 900_000,
    }
    for name, text in cases.items():
        open_doc(client, uri_of(client, name), text)
    for name, text in cases.items():
        diagnostics = await published(client, uri_of(client, name), 1)
        assert diagnostics, name
        path = client.root / name  # type: ignore[attr-defined]
        cli = Pipeline.from_config().reads(text.encode("utf-8", "replace"), str(path)).diagnostics
        assert [d.code for d in diagnostics] == [d.code for d in cli], name
    client.log_messages.clear()
    # still alive: a hover, a code action, and a document fixed checks again
    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri_of(client, "huge.yaml")),
            position=lsp.Position(line=0, character=3),
        )
    )
    assert hover is None
    garbage_found = await published(client, uri_of(client, "garbage.yaml"), 1)
    await actions_for(client, uri_of(client, "garbage.yaml"), garbage_found[0])
    change_doc(client, uri_of(client, "deep.yaml"), "a: [[1]]\n", 2)
    assert all(d.code != "SP015" for d in await published(client, uri_of(client, "deep.yaml"), 2))


async def test_close_clears_the_diagnostics(client: LanguageClient) -> None:
    uri = uri_of(client, NAME)
    open_doc(client, uri, PROFILE)
    assert len(await published(client, uri, 1)) == 1
    client.text_document_did_close(
        lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    assert await published(client, uri, None, where=lambda p: not p.diagnostics) == []


async def test_save_rechecks(client: LanguageClient) -> None:
    uri = uri_of(client, NAME)
    open_doc(client, uri, PROFILE)
    await published(client, uri, 1)
    before = len(client.published)  # type: ignore[attr-defined]
    client.text_document_did_save(
        lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=uri))
    )
    assert len(await published(client, uri, 1, after=before)) == 1


async def test_a_broken_configuration_is_one_diagnostic(client: LanguageClient) -> None:
    root: Path = client.root  # type: ignore[attr-defined]
    (root / ".skillprofiles.yaml").write_text("ignroe: [SP104]\n", encoding="utf-8")
    uri = uri_of(client, NAME)
    open_doc(client, uri, PROFILE)
    [notice] = await published(client, uri, 1)
    assert notice.code is None
    assert notice.message.startswith("not checked: the configuration file")
    assert "unknown key 'ignroe'" in notice.message
    client.log_messages.clear()
    (root / ".skillprofiles.yaml").write_text("ignore: [SP104]\n", encoding="utf-8")
    before = len(client.published)  # type: ignore[attr-defined]
    change_doc(client, uri, PROFILE, 2)
    assert await published(client, uri, 2, after=before) == []  # the configuration applies


@pytest_lsp.fixture(config=CONFIG)
async def lsp_client_utf8(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    capabilities = client_capabilities("neovim")
    capabilities.general = lsp.GeneralClientCapabilities(position_encodings=[lsp.PositionEncodingKind.Utf8])
    result = await lsp_client.initialize_session(
        lsp.InitializeParams(capabilities=capabilities, root_uri=tmp_path.as_uri())
    )
    assert result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    sync = result.capabilities.text_document_sync
    assert isinstance(sync, lsp.TextDocumentSyncOptions)
    assert sync.change == lsp.TextDocumentSyncKind.Full
    actions = result.capabilities.code_action_provider
    assert isinstance(actions, lsp.CodeActionOptions)
    assert list(actions.code_action_kinds or ()) == [lsp.CodeActionKind.QuickFix]
    assert result.capabilities.hover_provider
    assert result.capabilities.completion_provider
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_utf8_positions_when_the_client_asks(lsp_client_utf8: LanguageClient) -> None:
    client = lsp_client_utf8
    uri = uri_of(client, WSP_NAME)
    text = WSP.replace("levels: [e-2]", "levels: ['é\U0001f600', e-9]  # \U0001f600")
    open_doc(client, uri, text)
    diagnostics = await published(client, uri, 1)
    cli = Pipeline.from_config().reads(text, str(client.root / WSP_NAME)).diagnostics  # type: ignore[attr-defined]
    client.encoding = "utf-8"  # type: ignore[attr-defined]
    assert [d.code for d in diagnostics] == ["SP105", "SP105"]
    assert got(diagnostics) == expected(client, text, cli)


async def test_shutdown_and_exit_end_the_process(tmp_path: Path) -> None:
    client = await CONFIG.start()
    try:
        await client.initialize_session(
            lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
        )
        uri = (tmp_path / NAME).as_uri()
        open_doc(client, uri, PROFILE)
        await published(client, uri, 1)
        await client.shutdown_session()
        assert client._server is not None
        assert await asyncio.wait_for(client._server.wait(), 10) == 0
    finally:
        await client.stop()


# -- without a server ---------------------------------------------------------------------------
def test_missing_pygls_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a)
    )
    message = missing_dependency_message()
    assert message is not None
    assert INSTALL_HINT in message
    assert INSTALL_HINT == "pip install 'skillprofiles[lsp]'"
    assert "pygls" in message
    assert missing_dependency_message.__module__ == "skillprofiles.lsp"


def test_the_command_exits_2_with_the_hint_when_pygls_is_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import skillprofiles.lsp
    from skillprofiles.cli import main

    monkeypatch.setattr(skillprofiles.lsp, "missing_dependency_message", lambda: "install: " + INSTALL_HINT)
    assert main(["lsp"]) == 2
    assert INSTALL_HINT in capsys.readouterr().err


def test_nothing_of_pygls_is_imported_by_the_command_line() -> None:
    code = (
        "import sys, skillprofiles.cli, skillprofiles.lsp, skillprofiles.lsp.workspace;"
        "skillprofiles.cli.build_parser();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')))"
    )
    assert printed(code).strip() == "[]"


@pytest.mark.parametrize(
    ("text", "cli", "encoding", "expected"),
    [
        ("ab", (1, 2), UTF16, (0, 1)),
        ("\U0001f600x", (1, 2), UTF16, (0, 2)),
        ("\U0001f600x", (1, 2), UTF8, (0, 4)),
        ("\U0001f600x", (1, 2), UTF32, (0, 1)),
        ("é\U0001d400y", (1, 3), UTF16, (0, 3)),
        ("a\r\nbc", (2, 2), UTF16, (1, 1)),
        ("a\rbc", (2, 2), UTF16, (1, 1)),
        ("a\u2028b\nc", (2, 1), UTF16, (0, 2)),  # YAML line 2 starts after U+2028, inside LSP line 0
        ("a\u2028b\nc", (3, 1), UTF16, (1, 0)),
        ("a\x85b", (2, 1), UTF8, (0, 3)),
        ("ab\n", (1, 99), UTF16, (0, 2)),  # past the end of the line: its end
        ("ab\n", (9, 9), UTF16, (1, 0)),  # past the end: the end of the text
        ("\udc80x", (1, 2), UTF16, (0, 1)),  # a lone surrogate is one unit, and no crash
    ],
)
def test_positions(text: str, cli: tuple[int, int], encoding: str, expected: tuple[int, int]) -> None:
    index = TextIndex(text, encoding)
    assert index.to_lsp(*cli) == expected
    if cli[1] <= 2 and cli[0] <= 3:  # round trip where the position exists
        assert index.to_lsp(*index.to_cli(*expected)) == expected


def test_positions_inside_a_surrogate_pair_go_to_the_character() -> None:
    index = TextIndex("\U0001f600x")
    assert index.to_cli(0, 1) == (1, 1)
    assert index.to_cli(0, 2) == (1, 2)
    assert index.to_cli(5, 0) == (1, 3)
    assert units("\U0001f600é", UTF8) == 6
    assert TextIndex("abc").to_lsp_range(1, 3, 1, 1) == ((0, 2), (0, 2))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("code: BAD", "code: BAD  # skillprofiles: ignore[SP203]"),
        ("code: BAD   ", "code: BAD  # skillprofiles: ignore[SP203]"),
        ("code: BAD  # note", "code: BAD  # skillprofiles: ignore[SP203] # note"),
        ("code: BAD  # skillprofiles: ignore[A]", "code: BAD  # skillprofiles: ignore[A, SP203]"),
        ("code: BAD  #skillprofiles:ignore[ A ,B ] why", "code: BAD  #skillprofiles:ignore[A, B, SP203] why"),
        ("code: BAD  # skillprofiles: ignore[]", "code: BAD  # skillprofiles: ignore[SP203]"),
        ("code: 'a # b'", "code: 'a # b'  # skillprofiles: ignore[SP203]"),
        ("code: BAD  # skillprofiles: ignore[SP203]", None),  # already there
        ("code: BAD  # skillprofiles: ignore-file[A]", None),  # one comment per line: not ours to change
        ("   ", None),  # a comment alone on a line applies to the next line
        ("# skillprofiles: ignore[A]", None),
    ],
)
def test_suppression_edit(line: str, expected: str | None) -> None:
    change = suppression_edit(line, "SP203")
    if expected is None:
        assert change is None
    else:
        assert change is not None
        start, end, new = change
        assert line[:start] + new + line[end:] == expected


def test_meta_findings_are_never_offered_a_suppression() -> None:
    assert suppression_edit("code: x", "SP901") is None


@pytest.mark.parametrize(
    ("text", "fixed", "safe"),
    [
        ("ecf_version: 2.0\n", "ecf_version: '2.0'\n", True),
        ("language: no\n", "language: 'no'\n", True),
        ("date: 2013-02-14\n", "date: '2013-02-14'\n", True),
        ("  - code: A1\n", "  - code: A.1\n", True),  # a code spelling: the safe fix of `skillprofiles fix`
        ("ecf_versoin: '2.0'\n", "ecf_version: '2.0'\n", False),
    ],
)
def test_fixes_for_the_hints_the_validator_gives(text: str, fixed: str, safe: bool) -> None:
    profile = {
        "ecf_version: 2.0\n": WSP.replace("'2.0'", "2.0"),
        "language: no\n": WSP.replace("language: English", "language: no"),
        "date: 2013-02-14\n": WSP.replace("ecf_version: '2.0'\n", "source:\n  document: d\n  version: 1.0\n"),
        "  - code: A1\n": WSP.replace("code: B.1", "code: A1"),
        "ecf_versoin: '2.0'\n": WSP.replace("ecf_version", "ecf_versoin"),
    }[text]
    if text.startswith("date"):  # a number where text is meant, under source
        text, fixed = "  version: 1.0\n", "  version: '1.0'\n"
    diagnostics = Pipeline.from_config().reads(profile, "p.yaml").diagnostics
    fixes = [(f, d) for d in diagnostics for f in fixes_for(d, profile)]
    assert fixes, diagnostics
    fix, _ = fixes[0]
    assert fix.safe is safe
    result = profile
    for edit in sorted(fix.edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        index = TextIndex(result)
        start = index.offset_of(edit.span.line, edit.span.column)
        end = index.offset_of(edit.span.end_line, edit.span.end_column)
        result = result[:start] + edit.new_text + result[end:]
    assert result == profile.replace(text, fixed)


def test_no_fix_where_the_span_is_not_a_plain_scalar() -> None:
    diagnostic = Diagnostic("SP104", "implicit-yaml-type", Severity.ERROR, "m", "p.yaml", Span(1, 4, 2, 1))
    assert fixes_for(diagnostic, "a: |\n  x\n") == []
    quoted = Diagnostic("SP104", "implicit-yaml-type", Severity.ERROR, "m", "p.yaml", Span(1, 4, 1, 9))
    assert fixes_for(quoted, "a: '2.0'\n") == []


def test_knowledge_without_a_server() -> None:
    catalogue = default_catalogue()
    text = "competences:\n  - code: A.1\n    levels: [e-4, e-1]\n"
    level = knowledge.hover(catalogue, "3.0", text, 3, 20)
    assert level is not None
    assert "**is not defined** at e-1 in e-CF 3.0" in level
    assert knowledge.hover(catalogue, "3.0", "code: Z.1\n", 1, 7) is None
    unknown = knowledge.hover(catalogue, "2.0", "  - code: D.12\n", 1, 12)
    assert unknown is not None
    assert unknown.startswith("**D.12** is not a competence of e-CF 2.0")
    assert "e-CF 3.0: Digital Marketing" in unknown
    block = "template: wsp-g3\ncompetences:\n  - code: A.1\n    levels:\n      - e-\n"
    assert [c.label for c in knowledge.complete(catalogue, "3.0", None, block, 5, 11)] == ["e-4", "e-5"]
    nested = "template: wsp-g3\nsource:\n  d\n"
    assert [c.label for c in knowledge.complete(catalogue, None, None, nested, 3, 4)] == [
        "document",
        "version",
        "date",
        "licence",
        "url",
    ]
    assert [c.label for c in knowledge.complete(catalogue, None, None, "ecf_version: \n", 1, 14)] == [
        f"'{v}'" for v in catalogue.versions
    ]
