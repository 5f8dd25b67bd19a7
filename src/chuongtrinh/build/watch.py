"""`build --watch`: one warm process that rebuilds a program as soon as its YAML is saved.

The first round builds everything (only what changed, with an output folder); after that each
save rebuilds just the files saved, with the pipeline and the reference template already loaded.
watchfiles (Rust `notify`: inotify, FSEvents, ReadDirectoryChangesW) reports the saves.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from chuongtrinh.build import batch

# How long watchfiles waits for more events after the first before it reports: an editor's
# save is a write or a rename a few microseconds apart, so a few ms is enough and the clerk
# sees the new .docx at once.
STEP_MS = 5
# How long watchfiles waits before it yields nothing; its first yield tells that it watches.
READY_MS = 200


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _is_yaml(_change: object, path: str) -> bool:
    return path.lower().endswith(batch.SUFFIXES)


def _is_yaml_or_folder(change: object, path: str) -> bool:
    """A new folder too: a YAML saved into it at once may come before the folder is watched."""
    return _is_yaml(change, path) or os.path.isdir(path)


def watch(
    inputs: Sequence[Path],
    options: batch.Options,
    on_outcome: batch.OnOutcome,
    after_round: Callable[[batch.Summary], None],
    stop: threading.Event | None = None,
    ready: Callable[[], None] = lambda: None,
) -> None:
    """Build, then rebuild what is saved until `stop` is set (or Ctrl+C); `ready` is called
    once the folders are watched. A programme deleted from a folder built into an output
    folder takes its .docx with it (the manifest says which, as a folder build does)."""
    gc.enable()  # a one-shot command runs without the cyclic collector; this process lives on
    from chuongtrinh.build import pipeline  # noqa: F401  (load the pipeline once, before the first save)

    after_round(batch.build(inputs, options, on_outcome))
    folders = [p if p.is_dir() else p.parent for p in inputs]
    manifest = options.output is not None and options.output.suffix.lower() != ".docx"
    for changed in saves(folders, stop, ready=ready):
        if manifest and any(not path.exists() for path in changed):
            after_round(batch.build(inputs, options, on_outcome))  # removes the orphans
        saved = {path for path in changed if path.is_file()}
        while saved:
            # A save still being written when its first event arrived may end during the
            # build, its later events merged into the ones already taken: look again.
            stamps = {path: _stamp(path) for path in saved}
            after_round(batch.build(inputs, options, on_outcome, only=saved))
            saved = {path for path, stamp in stamps.items() if _stamp(path) != stamp}


def saves(
    folders: Sequence[Path],
    stop: threading.Event | None = None,
    interrupt: bool = True,
    ready: Callable[[], None] = lambda: None,
    folders_too: bool = False,
) -> Iterator[set[Path]]:
    """The YAML files under `folders` written, created or removed, a set per save, until `stop`
    is set (or Ctrl+C, with `interrupt`); with `folders_too`, folders created as well. `ready`
    is called once the folders are watched: a save before that would go unseen."""
    import watchfiles

    announce: Callable[[], None] | None = ready
    for changes in watchfiles.watch(
        *folders,
        watch_filter=_is_yaml_or_folder if folders_too else _is_yaml,
        step=STEP_MS,
        stop_event=stop,
        raise_interrupt=interrupt,
        rust_timeout=READY_MS,
        yield_on_timeout=True,
    ):
        if announce is not None:  # the first yield (a timeout, or a save) comes once watching
            announce()
            announce = None
        if changes:
            yield {Path(path) for _, path in changes}
