"""The language server: LSP plumbing (pygls) around a :class:`~skillprofiles.lsp.workspace.Workspace`.

One check runs at a time, in a worker thread, so that the event loop keeps answering (hover,
completion, cancellation) while a check runs. Changes are debounced; a result for a version the
editor has already moved past is dropped. Nothing a document holds stops the server: a check that
fails is logged and shown as one diagnostic.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from skillprofiles._version import __version__
from skillprofiles.diagnostics import Severity
from skillprofiles.lsp.fixes import Fix
from skillprofiles.lsp.knowledge import Completion
from skillprofiles.lsp.positions import UTF16, TextIndex, units
from skillprofiles.lsp.suppression import suppression_edit
from skillprofiles.lsp.workspace import Finding, Settings, SetupError, Workspace

SOURCE = "skillprofiles"
DEFAULT_DEBOUNCE = 0.2  # seconds between the last keystroke and the check
MAX_DIAGNOSTICS = 1000
WATCHED = ("**/*.yaml", "**/*.yml", "**/pyproject.toml", "**/*.json")
T = TypeVar("T")

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_KIND = {
    "value": lsp.CompletionItemKind.Value,
    "property": lsp.CompletionItemKind.Property,
    "enum": lsp.CompletionItemKind.EnumMember,
    "constant": lsp.CompletionItemKind.Constant,
}
log = logging.getLogger(__name__)


def clean(text: str) -> str:
    """Text safe to send: lone surrogates (from a hostile document) replaced."""
    return text.encode("utf-8", "replace").decode("utf-8")


@dataclass
class Checked:
    """The last findings published for a document, for its code actions."""

    version: int | None
    text: str
    pairs: list[tuple[lsp.Diagnostic, Finding]]


def _handler(method: Callable[..., Any]) -> Callable[..., Any]:
    """A plain function calling the bound method (pygls sets attributes on its handlers)."""
    if asyncio.iscoroutinefunction(method):

        async def async_handler(*args: Any) -> Any:
            return await method(*args)

        async_handler.__name__ = method.__name__
        return async_handler

    def handler(*args: Any) -> Any:
        return method(*args)

    handler.__name__ = method.__name__
    return handler


def _range(index: TextIndex, line: int, col: int, end_line: int, end_col: int) -> lsp.Range:
    (sl, sc), (el, ec) = index.to_lsp_range(line, col, end_line, end_col)
    return lsp.Range(start=lsp.Position(line=sl, character=sc), end=lsp.Position(line=el, character=ec))


class SkillprofilesServer(LanguageServer):
    """The server; ``workspace`` does the checking, this class only speaks LSP."""

    def __init__(self, workspace: Workspace | None = None, *, debounce: float = DEFAULT_DEBOUNCE) -> None:
        super().__init__(SOURCE, __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.profiles = workspace or Workspace()
        self.debounce = debounce
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="skillprofiles-check")
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.checked: dict[str, Checked] = {}
        self._register()

    # -- registration ----------------------------------------------------------------------------
    def _register(self) -> None:
        # pygls marks its handlers with attributes, which a bound method cannot take: wrap each
        def on(name: str, options: Any = None) -> Callable[[Callable[..., Any]], Any]:
            return lambda method: self.feature(name, options)(_handler(method))

        on(lsp.INITIALIZED)(self.on_initialized)
        on(lsp.TEXT_DOCUMENT_DID_OPEN)(self.did_open)
        on(lsp.TEXT_DOCUMENT_DID_CHANGE)(self.did_change)
        on(lsp.TEXT_DOCUMENT_DID_SAVE)(self.did_save)
        on(lsp.TEXT_DOCUMENT_DID_CLOSE)(self.did_close)
        on(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)(self.did_change_watched_files)
        on(
            lsp.TEXT_DOCUMENT_CODE_ACTION,
            lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
        )(self.code_action)
        on(lsp.TEXT_DOCUMENT_HOVER)(self.hover)
        on(
            lsp.TEXT_DOCUMENT_COMPLETION,
            lsp.CompletionOptions(trigger_characters=[" ", ":", "-", "[", ",", "."]),
        )(self.completion)
        on(lsp.SHUTDOWN)(self.on_shutdown)

    # -- helpers ---------------------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        value = self.workspace.position_encoding or UTF16
        return str(getattr(value, "value", value))

    def log_message(self, message: str, kind: lsp.MessageType = lsp.MessageType.Error) -> None:
        try:
            self.window_log_message(lsp.LogMessageParams(type=kind, message=clean(message)))
        except Exception:  # the transport is gone: nothing to tell
            log.exception("could not send a log message")

    def is_open(self, uri: str) -> bool:
        return uri in self.workspace.text_documents

    @staticmethod
    def path_of(uri: str) -> Path:
        parsed = urlparse(uri)
        if parsed.scheme == "file":
            return Path(to_fs_path(uri) or unquote(parsed.path))
        # untitled:Untitled-1 and the like: named in the working directory, for the configuration
        return Path.cwd() / (Path(unquote(parsed.path)).name or "untitled.yaml")

    def _roots(self) -> list[Path]:
        roots = [Path(to_fs_path(f.uri) or "") for f in self.workspace.folders.values()]
        if self.workspace.root_path:
            roots.append(Path(self.workspace.root_path))
        return sorted({r.resolve() for r in roots if r != Path()})

    def publish(self, uri: str, version: int | None, diagnostics: list[lsp.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    @staticmethod
    def notice(message: str, severity: lsp.DiagnosticSeverity) -> lsp.Diagnostic:
        """A diagnostic about the check itself (no code: it is not a finding of the validator)."""
        origin = lsp.Position(line=0, character=0)
        return lsp.Diagnostic(
            range=lsp.Range(start=origin, end=origin),
            message=clean(message),
            severity=severity,
            source=SOURCE,
        )

    async def in_worker(self, call: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.worker, call, *args)

    def _flush_notes(self) -> None:
        while self.profiles.notes:
            self.log_message(self.profiles.notes.pop(0), lsp.MessageType.Warning)

    # -- lifecycle -------------------------------------------------------------------------------
    async def on_initialized(self, params: lsp.InitializedParams) -> None:
        capabilities = self.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities else None
        if not (watched and watched.dynamic_registration):
            return  # saves of open documents still refresh the context
        watchers = [lsp.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
        registration = lsp.Registration(
            id="skillprofiles-watched-files",
            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await self.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))
        except Exception:
            self.log_message("skillprofiles: the client did not accept file watching", lsp.MessageType.Info)

    def on_shutdown(self, params: None) -> None:
        for task in self.pending.values():
            task.cancel()
        self.pending.clear()
        self.worker.shutdown(wait=False, cancel_futures=True)

    # -- diagnostics -----------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float) -> None:
        if (old := self.pending.pop(uri, None)) is not None:
            old.cancel()
        task = asyncio.get_running_loop().create_task(self.check_later(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(
            lambda done: self.pending.pop(uri, None) if self.pending.get(uri) is done else None
        )

    def _check(self, text: str, path: Path) -> list[Finding]:
        self.profiles.roots = self._roots()
        return self.profiles.check(text, path)

    async def check_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        if not self.is_open(uri):
            return
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        try:
            findings = await self.in_worker(self._check, text, self.path_of(uri))
            if not self.is_open(uri) or self.workspace.get_text_document(uri).version != version:
                return  # stale: a newer check is scheduled (or the document is closed)
            pairs = self.to_diagnostics(text, findings)
        except asyncio.CancelledError:
            raise
        except SetupError as error:
            self.checked.pop(uri, None)
            details = "\n".join(f"{d.file}:{d.line}:{d.column}: {d.message}" for d in error.diagnostics[:20])
            self.log_message(f"skillprofiles: {error}\n{details}")
            first = f": {error.diagnostics[0].message}" if error.diagnostics else ""
            message = f"not checked: {error}{first}"
            self.publish(uri, version, [self.notice(message, lsp.DiagnosticSeverity.Error)])
            return
        except Exception as error:
            self.log_message(f"skillprofiles: checking {uri} failed\n{traceback.format_exc()}")
            self.checked.pop(uri, None)
            message = (
                f"skillprofiles could not check this document ({type(error).__name__}); its findings "
                "are unknown, the language server's log has the details"
            )
            self.publish(uri, version, [self.notice(message, lsp.DiagnosticSeverity.Error)])
            return
        finally:
            self._flush_notes()
        self.checked[uri] = Checked(version, text, pairs)
        self.publish(uri, version, [d for d, _ in pairs])

    def to_diagnostics(self, text: str, findings: list[Finding]) -> list[tuple[lsp.Diagnostic, Finding]]:
        index = TextIndex(text, self.encoding)
        pairs = []
        for finding in findings[:MAX_DIAGNOSTICS]:
            d = finding.diagnostic
            span = d.span
            message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
            diagnostic = lsp.Diagnostic(
                range=_range(index, span.line, span.column, span.end_line, span.end_column),
                message=clean(message),
                severity=_SEVERITY.get(d.severity, lsp.DiagnosticSeverity.Error),
                code=clean(d.code),
                source=SOURCE,
            )
            pairs.append((diagnostic, finding))
        if len(findings) > MAX_DIAGNOSTICS:
            self.log_message(
                f"{len(findings) - MAX_DIAGNOSTICS} more findings not shown", lsp.MessageType.Warning
            )
        return pairs

    async def did_open(self, params: lsp.DidOpenTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, 0)

    async def did_change(self, params: lsp.DidChangeTextDocumentParams) -> None:
        self.schedule(params.text_document.uri, self.debounce)

    def _recheck_all(self, first: str | None = None) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0 if uri == first else self.debounce)

    async def did_save(self, params: lsp.DidSaveTextDocumentParams) -> None:
        # a saved profile changes what the repository-wide rules see in the others
        path = self.path_of(params.text_document.uri)
        await self.in_worker(self.profiles.changed_on_disk, path)
        self._recheck_all(params.text_document.uri)

    async def did_change_watched_files(self, params: lsp.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            await self.in_worker(self.profiles.changed_on_disk, self.path_of(change.uri))
        self._recheck_all()

    async def did_close(self, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()
        self.checked.pop(uri, None)
        self.publish(uri, None, [])
        await self.in_worker(self.profiles.closed, self.path_of(uri))

    # -- code actions ----------------------------------------------------------------------------
    def code_action(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        try:
            return self._code_actions(params) or None
        except Exception:
            self.log_message(f"skillprofiles: code actions failed\n{traceback.format_exc()}")
            return None

    def _code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        only = params.context.only
        if only and not any(
            k == lsp.CodeActionKind.QuickFix or lsp.CodeActionKind.QuickFix.startswith(k) for k in only
        ):
            return []
        if not self.is_open(uri):
            return []
        document = self.workspace.get_text_document(uri)
        checked = self.checked.get(uri)
        fresh = (
            checked is not None and checked.version == document.version and checked.text == document.source
        )
        index = TextIndex(document.source, self.encoding)
        actions: list[lsp.CodeAction] = []
        suppressed: set[tuple[int, str]] = set()
        for diagnostic in params.context.diagnostics:
            if diagnostic.source != SOURCE or diagnostic.code is None:
                continue
            finding = self._finding_for(checked, diagnostic) if checked else None
            if fresh and finding is not None:
                actions.extend(
                    self._fix_action(uri, document.version, index, diagnostic, fix) for fix in finding.fixes
                )
            if finding is not None and not finding.suppressible:
                continue
            key = (diagnostic.range.start.line, str(diagnostic.code))
            if key not in suppressed and (
                action := self._suppress_action(uri, document.version, index, diagnostic)
            ):
                suppressed.add(key)
                actions.append(action)
        return actions

    @staticmethod
    def _finding_for(checked: Checked, diagnostic: lsp.Diagnostic) -> Finding | None:
        for known, finding in checked.pairs:
            if (
                known.range == diagnostic.range
                and known.code == diagnostic.code
                and known.message == diagnostic.message
            ):
                return finding
        return None

    def _workspace_edit(self, uri: str, version: int | None, edits: list[lsp.TextEdit]) -> lsp.WorkspaceEdit:
        capabilities = self.client_capabilities.workspace
        edit_caps = capabilities.workspace_edit if capabilities else None
        if version is not None and edit_caps is not None and edit_caps.document_changes:
            identifier = lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
            return lsp.WorkspaceEdit(
                document_changes=[lsp.TextDocumentEdit(text_document=identifier, edits=list(edits))]
            )
        return lsp.WorkspaceEdit(changes={uri: edits})

    def _fix_action(
        self, uri: str, version: int | None, index: TextIndex, diagnostic: lsp.Diagnostic, fix: Fix
    ) -> lsp.CodeAction:
        edits = [
            lsp.TextEdit(
                range=_range(index, e.span.line, e.span.column, e.span.end_line, e.span.end_column),
                new_text=clean(e.new_text),
            )
            for e in fix.edits
        ]
        return lsp.CodeAction(
            title=clean(fix.title),
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=True if fix.safe else None,
            edit=self._workspace_edit(uri, version, edits),
        )

    def _suppress_action(
        self, uri: str, version: int | None, index: TextIndex, diagnostic: lsp.Diagnostic
    ) -> lsp.CodeAction | None:
        line_number = diagnostic.range.start.line
        line = index.lsp_line(line_number)
        code = str(diagnostic.code)
        change = suppression_edit(line, code)
        if change is None:
            return None
        start, end, new_text = change
        encoding = index.encoding
        edit = lsp.TextEdit(
            range=lsp.Range(
                start=lsp.Position(line=line_number, character=units(line[:start], encoding)),
                end=lsp.Position(line=line_number, character=units(line[:end], encoding)),
            ),
            new_text=new_text,
        )
        return lsp.CodeAction(
            title=f"Suppress {code} on this line",
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=self._workspace_edit(uri, version, [edit]),
        )

    # -- hover and completion --------------------------------------------------------------------
    def _at(self, uri: str, position: lsp.Position) -> tuple[str, Path, int, int, TextIndex] | None:
        if not self.is_open(uri):
            return None
        text = self.workspace.get_text_document(uri).source
        index = TextIndex(text, self.encoding)
        line, col = index.to_cli(position.line, position.character)
        return text, self.path_of(uri), line, col, index

    def _hover(self, text: str, path: Path, line: int, col: int) -> str | None:
        self.profiles.roots = self._roots()
        return self.profiles.hover(text, path, line, col)

    def _complete(self, text: str, path: Path, line: int, col: int) -> list[Completion]:
        self.profiles.roots = self._roots()
        return self.profiles.complete(text, path, line, col)

    async def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        try:
            if (where := self._at(params.text_document.uri, params.position)) is None:
                return None
            markdown = await self.in_worker(self._hover, *where[:4])
            if not markdown:
                return None
            caps = self.client_capabilities.text_document
            formats = caps.hover.content_format if caps and caps.hover else None
            kind = (
                lsp.MarkupKind.Markdown
                if not formats or lsp.MarkupKind.Markdown in formats
                else lsp.MarkupKind.PlainText
            )
            return lsp.Hover(contents=lsp.MarkupContent(kind=kind, value=clean(markdown)))
        except SetupError:
            return None
        except Exception:
            self.log_message(f"skillprofiles: hover failed\n{traceback.format_exc()}")
            return None

    async def completion(self, params: lsp.CompletionParams) -> lsp.CompletionList | None:
        try:
            if (where := self._at(params.text_document.uri, params.position)) is None:
                return None
            text, path, line, col, index = where
            candidates = await self.in_worker(self._complete, text, path, line, col)
            caps = self.client_capabilities.text_document
            item_caps = caps.completion.completion_item if caps and caps.completion else None
            formats = item_caps.documentation_format if item_caps else None
            items = [self._item(c, line, index, formats) for c in candidates]
            return lsp.CompletionList(is_incomplete=False, items=items)
        except SetupError:
            return None
        except Exception:
            self.log_message(f"skillprofiles: completion failed\n{traceback.format_exc()}")
            return None

    @staticmethod
    def _item(
        c: Completion, line: int, index: TextIndex, formats: Sequence[lsp.MarkupKind] | None
    ) -> lsp.CompletionItem:
        documentation: lsp.MarkupContent | str | None = None
        if c.documentation:
            if formats and lsp.MarkupKind.Markdown in formats:
                documentation = lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=clean(c.documentation))
            else:
                documentation = clean(c.documentation)  # a plain string is always allowed
        start, end = c.replace
        return lsp.CompletionItem(
            label=clean(c.label),
            detail=clean(c.detail) if c.detail else None,
            documentation=documentation,
            kind=_KIND.get(c.kind, lsp.CompletionItemKind.Value),
            sort_text=c.sort_text,
            filter_text=clean(c.label),
            text_edit=lsp.TextEdit(range=_range(index, line, start, line, end), new_text=clean(c.label)),
        )


def serve(settings: Settings | None = None, debounce: float = DEFAULT_DEBOUNCE) -> int:
    """Serve LSP over stdin and stdout until the client says exit; what ``skillprofiles lsp`` runs."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="skillprofiles lsp: %(message)s")
    server = SkillprofilesServer(Workspace(settings), debounce=debounce)
    server.start_io()
    return 0
