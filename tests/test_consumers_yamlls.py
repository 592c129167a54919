"""yaml-language-server, driven over LSP stdio as an editor drives it, with the committed schema.

Its diagnostics agree with ``validate`` on structure, and hover and completion show readable titles.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from skillprofiles.catalogue import default_catalogue
from skillprofiles.engine.checker import Checker
from tests.conftest import PROFILES, ROOT
from tests.consumers import node, node_package
from tests.minimal import ROLE, WSP

SCHEMA = ROOT / "schemas" / "profile.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA.as_uri()}\n"
# no schema store (a download from the network), and the server's defaults otherwise, YAML 1.2 included
SETTINGS: dict[str, Any] = {
    "yaml": {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}
}
Message = dict[str, Any]


class Client:
    """A minimal LSP client: framed JSON-RPC over the server's stdin and stdout."""

    def __init__(self, command: list[str], settings: dict[str, Any]) -> None:
        self.settings = settings
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.inbox: queue.Queue[Message] = queue.Queue()
        self.notifications: list[Message] = []
        self.next_id = 0
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            headers = {}
            while (line := stream.readline().decode("ascii")).strip():
                name, _, value = line.partition(":")
                headers[name.lower()] = value.strip()
            if not headers:  # the server has exited
                return
            self.inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: object) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: object) -> Any:
        self.next_id += 1
        number = self.next_id
        self.send({"id": number, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == number and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, wanted: Callable[[Message], bool], timeout: float = 30.0) -> Message:
        """The next message ``wanted`` accepts; the server's own requests are answered meanwhile."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self.inbox.get(timeout=0.2)
            except queue.Empty:
                continue
            if "method" in message and "id" in message:
                self._answer(message)
            elif wanted(message):
                return message
            elif "method" in message:
                self.notifications.append(message)
        raise AssertionError(f"yaml-language-server sent nothing wanted in {timeout} s")

    def _answer(self, message: Message) -> None:
        result: object = None
        if message["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section", "")) for item in message["params"]["items"]]
        self.send({"id": message["id"], "result": result})

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=10)
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()


def start(settings: dict[str, Any]) -> Client:
    """yaml-language-server over stdio, initialized with ``settings`` as an editor initializes it."""
    script = node_package("yaml-language-server/bin/yaml-language-server")
    client = Client([node(), str(script), "--stdio"], settings)
    capabilities = {
        "workspace": {"configuration": True},
        "textDocument": {
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "completion": {"completionItem": {"documentationFormat": ["markdown", "plaintext"]}},
            "publishDiagnostics": {},
        },
    }
    params = {"processId": os.getpid(), "rootUri": ROOT.as_uri(), "capabilities": capabilities}
    info = client.request("initialize", params)["serverInfo"]
    assert info["name"] == "yaml-language-server"
    assert info["version"].startswith("1.")
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": settings})
    return client


@pytest.fixture(scope="module")
def server() -> Iterator[Client]:
    client = start(SETTINGS)
    yield client
    client.close()


class Document:
    """A document open in the server, named by the committed schema's modeline."""

    version = 0

    def __init__(self, client: Client, path: Path, text: str) -> None:
        self.client, self.uri = client, path.as_uri()
        self.text = text if "$schema=" in text else MODELINE + text
        self.lines = self.text.splitlines()
        Document.version += 1
        document = {"uri": self.uri, "languageId": "yaml", "version": Document.version, "text": self.text}
        client.notify("textDocument/didOpen", {"textDocument": document})

    def diagnostics(self) -> list[Message]:
        """The last diagnostics published for the document, once the server has been quiet for 1 s."""

        def mine(m: Message) -> bool:
            return m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == self.uri

        found: list[Message] = self.client.wait(mine)["params"]["diagnostics"]
        while True:
            try:
                found = self.client.wait(mine, timeout=1.0)["params"]["diagnostics"]
            except AssertionError:
                return found

    def position(self, prefix: str, offset: int = 0) -> dict[str, int]:
        """The position ``offset`` characters into the first line that starts with ``prefix``."""
        line = next(i for i, text in enumerate(self.lines) if text.startswith(prefix))
        return {"line": line, "character": offset}

    def at(self, method: str, position: dict[str, int]) -> Any:
        params = {"textDocument": {"uri": self.uri}, "position": position}
        return self.client.request(f"textDocument/{method}", params)

    def close(self) -> None:
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": self.uri}})


def structural_lines(path: Path) -> dict[str, int]:
    """``validate``'s structural findings (SP0xx, SP1xx) of a file: code → 0-based line."""
    report = Checker().check_paths([path])
    return {d.code: d.line - 1 for d in report if d.code < "SP200"}


@pytest.mark.parametrize("profile", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.name)
def test_the_reference_profiles_have_no_schema_diagnostics(server: Client, profile: Path) -> None:
    assert structural_lines(profile) == {}
    document = Document(server, profile, profile.read_text(encoding="utf-8"))  # with its own modeline
    try:
        assert document.diagnostics() == []
    finally:
        document.close()


def test_a_missing_section_and_a_wrong_type_as_validate_reports_them(server: Client, tmp_path: Path) -> None:
    missing = tmp_path / "WSP-G3-099.yaml"
    text = (
        "# yaml-language-server: $schema=" + SCHEMA.as_uri() + "\n" + WSP.replace("kpi_areas: [Sales]\n", "")
    )
    missing.write_text(text, encoding="utf-8")
    assert set(structural_lines(missing)) == {"SP101"}
    document = Document(server, missing, text)
    [found] = document.diagnostics()
    document.close()
    assert found["severity"] == 1  # an error
    assert "kpi_areas" in found["message"]
    wrong = tmp_path / "role.yaml"
    text = MODELINE + ROLE.replace("[e-3]", "e-3")
    wrong.write_text(text, encoding="utf-8")
    lines = structural_lines(wrong)
    assert set(lines) == {"SP103"}
    document = Document(server, wrong, text)
    [found] = document.diagnostics()
    document.close()
    assert 'Expected "array"' in found["message"]
    assert found["range"]["start"]["line"] == lines["SP103"]  # the same line as the validator's


def test_hover_on_a_nullable_field_shows_its_title_once(server: Client, tmp_path: Path) -> None:
    document = Document(server, tmp_path / "WSP-G3-099.yaml", WSP)
    try:
        for key, title in (("ecf_version", "e-CF version"), ("competences", "Competences")):
            hover = document.at("hover", document.position(key, 2))
            text = hover["contents"]["value"]
            assert text.startswith(f"#### {title}\n"), text
            assert "||" not in text
        source = Document(server, tmp_path / "role.yaml", ROLE + "source:\n  date: '2013-02-14'\n")
        hover = source.at("hover", source.position("source:", 2))["contents"]["value"]
        source.close()
        assert hover.startswith("#### Source document\n"), hover
    finally:
        document.close()


def test_completion_offers_readable_titles_and_every_version(server: Client, tmp_path: Path) -> None:
    text = WSP.replace("ecf_version: '2.0'", "ecf_version: ").replace(
        "competences:\n", "competences:\n  - \n"
    )
    document = Document(server, tmp_path / "WSP-G3-099.yaml", text)
    try:
        versions = document.at("completion", document.position("ecf_version:", len("ecf_version: ")))
        labels = {item["label"] for item in versions["items"]}
        assert {f'"{v}"' for v in default_catalogue().versions} <= labels
        empty_item = document.position("competences:")["line"] + 1
        item = document.at("completion", {"line": empty_item, "character": 4})
        labels = {entry["label"] for entry in item["items"]}
        assert "Competence assignment" in labels
        assert {"code", "title", "levels"} <= labels
        class_names = set(json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"])
        shown = json.dumps([versions, item])
        assert [name for name in class_names if f'"{name}"' in shown or f"({name})" in shown] == []
    finally:
        document.close()


def test_yaml_version_1_1_flags_every_level_list(tmp_path: Path) -> None:
    """What docs/editors.md warns about: the server's own ``yamlVersion: 1.1`` rejects ``[e-2]``."""
    client = start({"yaml": {**SETTINGS["yaml"], "yamlVersion": "1.1"}})
    try:
        profile = PROFILES / "WSP-G3-003.yaml"
        text = profile.read_text(encoding="utf-8")
        document = Document(client, profile, text)
        found = document.diagnostics()
        levels = [n for n, line in enumerate(text.splitlines()) if line.lstrip().startswith("levels: [e-")]
        assert levels
        assert {d["range"]["start"]["line"] for d in found} == set(levels)
        assert 'Incorrect type. Expected "string".' in {d["message"] for d in found}  # e-2 is no text
    finally:
        client.close()


@pytest.mark.parametrize(
    ("template", "definition"), [("wsp-g3", "WSPG3Profile"), ("ict-role-profile", "RoleProfile")]
)
def test_completion_of_a_new_profile_offers_every_key(
    server: Client, tmp_path: Path, template: str, definition: str
) -> None:
    """A null default of a nullable text made the server fail half way through (a telemetry event)."""
    document = Document(server, tmp_path / f"{template}.yaml", f"template: {template}\n\n")
    try:
        before = len(server.notifications)
        items = document.at("completion", document.position("", 0) | {"line": 2})["items"]
        keys = set(json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"][definition]["properties"])
        assert {item["label"] for item in items} >= keys - {"template"}
        errors = [n for n in server.notifications[before:] if n.get("method") == "telemetry/event"]
        assert errors == []
    finally:
        document.close()
