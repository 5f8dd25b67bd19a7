"""The pages, filled from the templates in assets/ (Jinja, every value escaped), and the assets
the browser may ask for: a fixed list, so no name from the browser reaches the file system."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from chuongtrinh.errors import Diagnostic
from chuongtrinh.serve.changes import Comparison, history
from chuongtrinh.serve.live import news
from chuongtrinh.serve.workspace import Entry, Workspace

ASSETS = Path(__file__).parent / "assets"
# What /assets/NAME serves, and as what.
ASSET_TYPES = {
    "app.css": "text/css; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "paginate.js": "text/javascript; charset=utf-8",
}
STATES = {"ok": "hợp lệ", "warnings": "có cảnh báo", "errors": "có lỗi"}


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ASSETS),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["url"] = lambda name: quote(name, safe="/")
    environment.globals["states"] = STATES
    return environment


def asset(name: str) -> tuple[bytes, str] | None:
    """The bytes and type of a listed asset; None for any other name."""
    kind = ASSET_TYPES.get(name)
    return ((ASSETS / name).read_bytes(), kind) if kind else None


def _fill(template: str, **values: Any) -> bytes:
    return _environment().get_template(template).render(**values).encode("utf-8")


def index(workspace: Workspace, token: str) -> bytes:
    with workspace.lock:
        entries = list(workspace.entries.values())
        return _fill("index.html", root=workspace.root, entries=entries, token=token)


def programme(entry: Entry, token: str) -> bytes:
    return _fill("programme.html", entry=entry, news=news(entry), token=token)


def changes(
    workspace: Workspace,
    entry: Entry,
    token: str,
    chosen: dict[str, str],
    found: Comparison | None,
    trouble: list[Diagnostic],
) -> bytes:
    """The picker of revisions and, once one is chosen, the summary and the redline."""
    with workspace.lock:
        others = [name for name in workspace.entries if name != entry.name]
    return _fill(
        "changes.html",
        entry=entry,
        token=token,
        commits=history(entry),
        others=others,
        chosen=chosen,
        found=found,
        trouble=trouble,
    )


def message(status: int, text: str) -> bytes:
    """A short page saying why a request was refused."""
    return _fill("message.html", status=status, text=text)
