"""A `chuongtrinh serve` server running in the test's process, on a copy of the examples, and
plain HTTP requests to it (raw paths, any Host header) for the tests that need no browser."""

from __future__ import annotations

import http.client
import json
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from chuongtrinh.serve.server import TOKEN_HEADER, Server
from helpers.examples import EXAMPLES

# Debian's Chromium, headless, with nothing of its own going to the network.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)


def request(
    server: Server,
    path: str,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> Reply:
    """One request with `path` sent exactly as written (no normalisation of '..' or '%2e')."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        sent = {"Host": f"127.0.0.1:{server.port}", **(headers or {})}
        if body is not None:
            sent["Content-Length"] = str(len(body))
        for name, value in sent.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return Reply(response.status, dict(response.getheaders()), response.read())
    finally:
        connection.close()


def save(server: Server, name: str, text: str, digest: str, token: str | None = None) -> Reply:
    """The editor's save, as the page's script sends it."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    headers[TOKEN_HEADER] = server.token if token is None else token
    payload = json.dumps({"text": text, "digest": digest}).encode("utf-8")
    return request(server, f"/save/{name}", "POST", headers, payload)


def copy_examples(tmp_path: Path) -> Path:
    folder = tmp_path / "chuong-trinh"
    shutil.copytree(EXAMPLES, folder)
    return folder


def running(folder: Path) -> Iterator[Server]:
    server = Server(folder, 0)
    server.watch()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop()
        thread.join(10)


class Paragraphs(HTMLParser):
    """The text of every <p>, a <br> as a line break, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.current = []
        elif tag == "br" and self.current is not None:
            self.current.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.current is not None:
            self.texts.append("".join(self.current))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)

    @classmethod
    def lines(cls, html: str) -> list[str]:
        parser = cls()
        parser.feed(html)
        return [line for text in parser.texts for line in text.split("\n")]
