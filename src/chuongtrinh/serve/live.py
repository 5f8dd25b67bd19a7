"""Saves to news: a thread watches the folder (the watcher `build --watch` uses), compiles what
was saved and hands each open page the new preview as a server-sent event."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from typing import Any

from chuongtrinh.build.watch import saves
from chuongtrinh.serve.workspace import Entry, Workspace

# A page that stopped reading (a closed tab on a stuck connection) loses news past this many.
BACKLOG = 64
# At most this long for the watcher to start before the server answers anyway.
READY_WAIT_S = 10


class Broker:
    """Every open event stream's queue; `publish` reaches them all."""

    def __init__(self) -> None:
        self.queues: set[queue.Queue[str]] = set()
        self.lock = threading.Lock()

    def subscribe(self) -> queue.Queue[str]:
        mine: queue.Queue[str] = queue.Queue(BACKLOG)
        with self.lock:
            self.queues.add(mine)
        return mine

    def unsubscribe(self, mine: queue.Queue[str]) -> None:
        with self.lock:
            self.queues.discard(mine)

    def publish(self, event: str, data: dict[str, Any]) -> None:
        """One server-sent event (`event:` and a one-line JSON `data:`) to every stream."""
        message = f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
        with self.lock:
            targets = list(self.queues)
        for target in targets:
            # A page that is not reading gets the next news it can take.
            with contextlib.suppress(queue.Full):
                target.put_nowait(message)


def news(entry: Entry) -> dict[str, Any]:
    """What a programme page needs after a change: preview, text, digest, diagnostics."""
    return {
        "name": entry.name,
        "digest": entry.digest,
        "text": entry.text,
        "state": entry.state,
        "preview": entry.preview,
        "current": entry.compiled is not None,
        "diagnostics": [
            # the programme by the name the page uses; another file (a profile) as it is
            {
                **d.as_dict(),
                "file": entry.name if d.file == str(entry.path) else d.file,
                "keys": keys,
            }
            for d, keys in zip(entry.diagnostics, entry.marks, strict=True)
        ],
    }


def watch(workspace: Workspace, broker: Broker, stop: threading.Event) -> threading.Thread:
    """Start the watching thread and return once it watches; it ends when `stop` is set."""
    watching = threading.Event()

    def run() -> None:
        for changed in saves(
            [workspace.root], stop, interrupt=False, ready=watching.set, folders_too=True
        ):
            names, listed = workspace.changed(changed)
            for name in names:
                with workspace.lock:
                    update = news(workspace.locate(name))
                broker.publish("update", update)
            if listed or names:
                broker.publish("index", {})

    thread = threading.Thread(target=run, name="chuongtrinh-watch", daemon=True)
    thread.start()
    watching.wait(READY_WAIT_S)
    return thread
