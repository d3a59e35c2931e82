"""The local engine: worker processes under a per-file deadline; a hung or dead worker is replaced."""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable
from multiprocessing.connection import wait

from .errors import BatchAborted, WorkerCrashed
from .inputs import Item
from .task import OWN_EXTRACTORS, Outcome, Settings, failure, process_item, warm_up
from .worker import WorkerProcess, die_with_parent
from ..errors import Timeout

STARTUP_TIMEOUT = 180.0  # a cold worker imports and warms the whole pipeline before its first file
STARTUP_DEATHS = 3  # workers dying before ready, in a row, before the run gives up: it is the system, not a file
TICK = 1.0
QUEUED = 2  # items a worker holds: the one it works on and the next, so it never waits for the parent


def _warm(extractor: str) -> str | None:
    """Load and exercise the extractor; a traceback or reason when that fails."""
    try:
        return warm_up(extractor)
    except BaseException:  # noqa: BLE001 - reported to the parent, which aborts the run
        return traceback.format_exc()


def _serve(conn, settings: Settings, known_ids: frozenset[str], warm: bool = True) -> None:
    """Worker main loop: one item in, one Outcome out, until told to stop or the pipe closes."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    problem = _warm(settings.extractor) if warm else None
    if problem:
        conn.send(("init-error", problem))
        return
    conn.send(("ready", None))
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        conn.send(("done", process_item(item, settings, known_ids)))


class _Worker(WorkerProcess):
    def __init__(self, ctx, settings: Settings, known_ids: frozenset[str]):
        warm = ctx.get_start_method() != "fork"  # a forked worker inherits the parent's warm pipeline
        super().__init__(ctx, _serve, (settings, known_ids, warm))
        self.born = time.monotonic()
        self.ready = False
        self.queue: deque[Item] = deque()  # sent, not yet answered; the first is being worked on
        self.deadline = 0.0  # for the first item only: its clock starts when the worker starts it
        self.tasks = 0

    @property
    def item(self) -> Item | None:
        """The item the worker is working on."""
        return self.queue[0] if self.queue else None

    def give(self, item: Item, timeout: float) -> bool:
        try:
            self.conn.send(item)
        except OSError:  # died since its last message; the sentinel will say so
            return False
        if not self.queue:
            self.deadline = time.monotonic() + timeout
        self.queue.append(item)
        return True

    def finished(self, timeout: float) -> None:
        """The first item is answered; the worker is now on the next one, whose clock starts now."""
        self.queue.popleft()
        self.tasks += 1
        if self.queue:
            self.deadline = time.monotonic() + timeout


def _context(settings: Settings):
    """fork after warming tongbao's own pipeline here, so every worker (and each replacement) starts at
    once and shares the loaded tables copy-on-write; spawn for any other extractor, which the parent
    must not run (it may hang or take its process down), or where TONGBAO_START_METHOD says so.

    Not forkserver: a forkserver outlives a killed batch while its children live, so they never die."""
    own = settings.extractor in OWN_EXTRACTORS and "fork" in mp.get_all_start_methods()
    method = os.environ.get("TONGBAO_START_METHOD") or ("fork" if own else "spawn")
    if method not in ("fork", "spawn"):
        raise BatchAborted(f"TONGBAO_START_METHOD must be fork or spawn, not {method!r}")
    if method == "fork" and (problem := _warm(settings.extractor)):
        raise BatchAborted(f"could not load {settings.extractor}:\n{problem}")
    return mp.get_context(method)


class _Pool:
    """The parent's side: which worker holds which file since when; dead and late workers are replaced."""

    def __init__(self, settings: Settings, emit: Callable[[Outcome], None],
                 known_ids: Callable[[], frozenset[str]], workers: int, max_tasks: int):
        self.ctx = _context(settings)
        self.settings, self.emit, self.known_ids, self.max_tasks = settings, emit, known_ids, max_tasks
        self.workers = [self._new() for _ in range(workers)]
        self.startup_deaths = 0
        self.retry: list[Item] = []  # queued behind a file that hung or crashed: not their fault

    def _new(self) -> _Worker:
        return _Worker(self.ctx, self.settings, self.known_ids())

    def _replace(self, worker: _Worker, kill: bool) -> None:
        worker.stop(kill=kill)
        self.retry += list(worker.queue)[1:]  # the waiting item goes to another worker
        self.workers[self.workers.index(worker)] = self._new()

    def _room(self, worker: _Worker) -> bool:
        """A ready worker takes another item unless it holds QUEUED or recycling is due before it."""
        held = len(worker.queue)
        return worker.ready and held < QUEUED and worker.tasks + held < self.max_tasks

    def run(self, items: Iterable[Item], tick: Callable[[], None]) -> None:
        pending, exhausted = iter(items), False
        while True:
            if self.retry:
                pending, exhausted = itertools.chain(self.retry, pending), False
                self.retry = []
            for worker in self.workers:
                while self._room(worker) and not exhausted:
                    item = next(pending, None)
                    if item is None:
                        exhausted = True
                    elif not worker.give(item, self.settings.timeout):
                        pending = itertools.chain([item], pending)  # not this file's fault: give it to another
                        break
            busy = [w for w in self.workers if w.item is not None]
            if exhausted and not busy:
                return
            now = time.monotonic()
            wake = min([w.deadline for w in busy] + [now + TICK])
            handles = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
            ready = set(wait(handles, max(0.0, wake - now)))
            for worker in list(self.workers):
                self._check(worker, ready, time.monotonic())
            tick()

    def _check(self, worker: _Worker, ready: set, now: float) -> None:
        if worker.conn in ready or worker.process.sentinel in ready:
            try:
                kind, payload = worker.conn.recv()
            except Exception:  # noqa: BLE001 - EOF or a torn message: the worker is gone
                self._died(worker)
                return
            if kind == "ready":
                worker.ready, self.startup_deaths = True, 0
            elif kind == "init-error":
                raise BatchAborted(f"a worker could not load {self.settings.extractor}:\n{payload}")
            else:
                worker.finished(self.settings.timeout)
                self.emit(payload)
                if worker.tasks >= self.max_tasks:  # recycling bounds whatever a stage leaks
                    self._replace(worker, kill=False)
        elif worker.item is not None and now >= worker.deadline:
            late = Timeout(worker.item.path, f"no result within {self.settings.timeout:g} s; worker killed")
            self.emit(failure(worker.item, late))
            self._replace(worker, kill=True)
        elif not worker.ready and now - worker.born > STARTUP_TIMEOUT:
            raise BatchAborted(f"a worker did not start within {STARTUP_TIMEOUT:g} s")

    def _died(self, worker: _Worker) -> None:
        worker.process.join(1)
        if not worker.ready:
            self.startup_deaths += 1
            if self.startup_deaths >= STARTUP_DEATHS:
                raise BatchAborted(f"workers keep dying while starting ({worker.death()})")
        if worker.item is not None:
            crash = WorkerCrashed(worker.item.path, f"worker process died ({worker.death()}) on this file")
            self.emit(failure(worker.item, crash))
        self._replace(worker, kill=True)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(kill=True)


def run_local(items: Iterable[Item], settings: Settings, emit: Callable[[Outcome], None],
              known_ids: Callable[[], frozenset[str]], *, workers: int, max_tasks: int = 2000,
              tick: Callable[[], None] = lambda: None) -> None:
    """Feed items to `workers` processes and hand every outcome to `emit`, in completion order."""
    pool = _Pool(settings, emit, known_ids, workers, max_tasks)
    try:
        pool.run(items, tick)
    finally:
        pool.close()
