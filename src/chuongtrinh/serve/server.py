"""The HTTP side of `serve`, on the standard library: a threading HTTP server bound to
127.0.0.1, server-sent events for the news, JSON for saves.

Safe by default: only 127.0.0.1 listens; a request whose Host is not this server's own name
(DNS rebinding) is refused; names from the browser are looked up among the programmes found,
never joined onto a path (workspace.py); assets come from a fixed list; a save needs the
session's token in a header, which another site's page cannot send.
"""

from __future__ import annotations

import hmac
import json
import queue
import secrets
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from chuongtrinh.errors import ChuongtrinhError
from chuongtrinh.serve import changes, live, pages
from chuongtrinh.serve.workspace import Refused, Workspace
from chuongtrinh.source.decode import max_bytes

HOST = "127.0.0.1"
TOKEN_HEADER = "X-Chuongtrinh-Token"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Seconds between keep-alive comments on an idle event stream (a closed tab is noticed then).
PING_S = 5
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, port: int) -> None:
        super().__init__((HOST, port), Handler)
        self.workspace = Workspace(root)
        self.broker = live.Broker()
        self.token = secrets.token_urlsafe(32)
        self.stopping = threading.Event()
        self.port = int(self.server_address[1])
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}
        self.url = f"http://{HOST}:{self.port}/"

    def watch(self) -> threading.Thread:
        """Start watching the folder for saves."""
        return live.watch(self.workspace, self.broker, self.stopping)

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()


def _attachment(name: str) -> dict[str, str]:
    """A Content-Disposition that keeps a Vietnamese file name (RFC 6266, RFC 5987)."""
    plain = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return {
        "Content-Disposition": f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"
    }


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: a clerk's terminal shows the address and what goes wrong, not every request."""

    def do_GET(self) -> None:
        self.dispatch(_GET)

    def do_POST(self) -> None:
        self.dispatch(_POST)

    def dispatch(self, routes: dict[str, Route]) -> None:
        try:
            self.check_host()
            url = urlsplit(self.path)
            top, _, rest = url.path.lstrip("/").partition("/")
            route = routes.get(top)
            if route is None:
                raise Refused(404, "không có trang này")
            route(self, unquote(rest, errors="strict"), parse_qs(url.query))
        except Refused as refused:
            self.refuse(refused)
        except UnicodeDecodeError:
            self.reply(400, pages.message(400, "địa chỉ không hợp lệ"))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away

    def check_host(self) -> None:
        """A page of another site that got its name pointed at 127.0.0.1 (DNS rebinding) sends
        its own name as Host: refuse it, and a request without one."""
        if self.headers.get("Host", "") not in self.server.hosts:
            raise Refused(403, "tên máy (Host) không phải của máy chủ này")

    def reply(
        self,
        status: int,
        body: bytes,
        kind: str = "text/html; charset=utf-8",
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**_SECURITY_HEADERS, **(extra or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def json(self, data: Any, status: int = 200) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self.reply(status, body, "application/json; charset=utf-8")

    def refuse(self, refused: Refused) -> None:
        """The reason in Vietnamese: as JSON to the page's scripts, as a page to a person."""
        if "application/json" in self.headers.get("Accept", ""):
            self.json({"error": refused.message}, refused.status)
        else:
            self.reply(refused.status, pages.message(refused.status, refused.message))

    # -- routes ---------------------------------------------------------------------------

    def index(self, rest: str, _query: Query) -> None:
        if rest:
            raise Refused(404, "không có trang này")
        self.reply(200, pages.index(self.server.workspace, self.server.token))

    def programme(self, name: str, _query: Query) -> None:
        entry = self.server.workspace.locate(name)
        with self.server.workspace.lock:
            self.reply(200, pages.programme(entry, self.server.token))

    def news(self, name: str, _query: Query) -> None:
        entry = self.server.workspace.locate(name)
        with self.server.workspace.lock:
            self.json(live.news(entry))

    def asset(self, name: str, _query: Query) -> None:
        found = pages.asset(name)
        if found is None:
            raise Refused(404, "không có tệp này")
        self.reply(200, *found)

    def docx(self, name: str, _query: Query) -> None:
        data = self.server.workspace.docx(name)
        self.reply(200, data, DOCX, _attachment(Path(name).stem + ".docx"))

    def comparison(self, name: str, query: Query) -> changes.Comparison:
        commit, other = (query.get(key, [""])[0] for key in ("commit", "other"))
        return changes.comparison(self.server.workspace, name, commit, other)

    def changes(self, name: str, query: Query) -> None:
        entry = self.server.workspace.locate(name)
        chosen = {key: query.get(key, [""])[0] for key in ("commit", "other")}
        found, trouble = None, []
        if any(chosen.values()):
            try:
                found = self.comparison(name, query)
            except ChuongtrinhError as exc:
                trouble = exc.diagnostics
        page = pages.changes(
            self.server.workspace, entry, self.server.token, chosen, found, trouble
        )
        self.reply(200, page)

    def redline(self, name: str, query: Query) -> None:
        try:
            data = changes.tracked_docx(self.comparison(name, query))
        except ChuongtrinhError as exc:
            raise Refused(422, "; ".join(d.format() for d in exc.diagnostics)) from None
        filename = Path(name).stem + "-thay-doi.docx"
        self.reply(200, data, DOCX, _attachment(filename))

    def events(self, rest: str, _query: Query) -> None:
        """Server-sent events: `update` with a programme's news after each save, `index` when
        the list may have changed."""
        mine = self.server.broker.subscribe()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            for name, value in _SECURITY_HEADERS.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while not self.server.stopping.is_set():
                try:
                    message = mine.get(timeout=PING_S)
                except queue.Empty:
                    message = ": ping\n\n"
                self.wfile.write(message.encode("utf-8"))
                self.wfile.flush()
        finally:
            self.server.broker.unsubscribe(mine)

    def save(self, name: str, _query: Query) -> None:
        """The editor's text over the file: with the session's token, as JSON, unchanged on disk
        since the page read it."""
        given = self.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.server.token.encode()):
            raise Refused(403, "thiếu mã phiên hoặc mã đã cũ: tải lại trang rồi lưu lại")
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            raise Refused(415, "nội dung gửi lên phải là JSON")
        length = int(self.headers.get("Content-Length") or 0)
        if length > 4 * max_bytes():  # UTF-8 text as JSON: at most a few bytes per byte
            raise Refused(413, "nội dung quá lớn để lưu")
        try:
            body = json.loads(self.rfile.read(length))
            text, seen = str(body["text"]), str(body["digest"])
        except (ValueError, KeyError, TypeError):
            raise Refused(400, "nội dung gửi lên không đúng dạng") from None
        workspace = self.server.workspace
        digest = workspace.save(name, text, seen)
        with workspace.lock:
            update = live.news(workspace.locate(name))
        self.server.broker.publish("update", update)
        self.json({"digest": digest})


Query = dict[str, list[str]]
Route = Callable[[Handler, str, Query], None]
_GET: dict[str, Route] = {
    "": Handler.index,
    "p": Handler.programme,
    "news": Handler.news,
    "assets": Handler.asset,
    "docx": Handler.docx,
    "changes": Handler.changes,
    "redline": Handler.redline,
    "events": Handler.events,
}
_POST: dict[str, Route] = {"save": Handler.save}
