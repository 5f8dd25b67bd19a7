"""Worker processes that outlive each other: when one dies (killed, out of memory, a crash in
C code), the item it was working on is reported by name and the others go on.

concurrent.futures' process pool cannot do that: one dead worker breaks the whole pool
(BrokenProcessPool) and does not say which item killed it. Here each worker has a pipe of
its own, so the parent always knows what each one holds.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def _serve(connection: Connection, work: Callable[[object], object]) -> None:
    """A worker's life: take an item, send back its result, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    while True:
        try:
            item = connection.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        connection.send(work(item))


@dataclass
class _Worker(Generic[Item]):
    process: BaseProcess
    connection: Connection
    item: Item | None = None


def context() -> Any:  # typeshed's BaseContext lacks Process; each concrete context has it
    """fork where there is one: workers start with the pipeline the parent already loaded."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _start(work: Callable[[Item], Result]) -> _Worker[Item]:
    start = context()
    ours, theirs = start.Pipe()
    process = start.Process(target=_serve, args=(theirs, work), daemon=True)
    process.start()
    theirs.close()
    return _Worker(process, ours)


def _stop(worker: _Worker[Item], at_once: bool = False) -> None:
    """Tell an idle worker to end (`at_once`: kill it, for a busy one when we stop early)."""
    if at_once:
        worker.process.kill()
    with contextlib.suppress(OSError):
        worker.connection.send(None)
    worker.connection.close()
    worker.process.join(timeout=5)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()


def map_unordered(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    died: Callable[[Item, int | None], Result],
) -> Iterator[Result]:
    """`work(item)` for every item in `workers` processes, results as they come; for an item
    whose worker died, `died(item, exit code)` (negative: the signal that killed it)."""
    waiting = deque(items)
    pool: list[_Worker[Item]] = []
    try:
        while waiting or pool:
            for worker in [w for w in pool if w.item is None]:
                if waiting:
                    yield from _give(pool, worker, waiting.popleft(), died)
            while waiting and len(pool) < workers:
                worker = _start(work)
                pool.append(worker)
                yield from _give(pool, worker, waiting.popleft(), died)
            yield from _collect(pool, died)
            for worker in [w for w in pool if w.item is None and not waiting]:
                pool.remove(worker)
                _stop(worker)
    finally:  # the end, Ctrl+C, or a caller that stopped reading
        for worker in pool:
            _stop(worker, at_once=worker.item is not None)


def _give(
    pool: list[_Worker[Item]],
    worker: _Worker[Item],
    item: Item,
    died: Callable[[Item, int | None], Result],
) -> Iterator[Result]:
    """`item` to `worker`; when the worker is found dead, `died`'s result for the item (never
    handed to another: an item that kills every worker it meets must not loop forever)."""
    try:
        worker.connection.send(item)
    except OSError:
        pool.remove(worker)
        _stop(worker)
        yield died(item, worker.process.exitcode)
        return
    worker.item = item


def _collect(
    pool: list[_Worker[Item]], died: Callable[[Item, int | None], Result]
) -> Iterator[Result]:
    """Wait for at least one busy worker to answer or die: its result, or `died`'s."""
    busy = [w for w in pool if w.item is not None]
    if not busy:
        return
    ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy]))
    for worker in busy:
        if worker.connection not in ready and worker.process.sentinel not in ready:
            continue
        item = worker.item
        assert item is not None
        try:
            result: Result = worker.connection.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            pool.remove(worker)
            _stop(worker)
            yield died(item, worker.process.exitcode)
            continue
        worker.item = None
        yield result
