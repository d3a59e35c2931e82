"""Uploads are extracted in a few worker processes, each file under the time limit, behind a bounded queue.

The server process only moves bytes: a worker reads the upload, extracts it and hands back the document as
JSON text, so no upload holds the server's interpreter, and reads keep their latency. A file that runs past
the limit has its worker killed and replaced; a worker that dies takes only its own file with it. Workers run
at a lower scheduling priority (NICE), so on a machine with fewer cores than workers reads still go first.
"""
from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing as mp
import os
import queue
import signal
import threading
from dataclasses import dataclass

from ..batch.errors import WorkerCrashed
from ..batch.task import DEFAULT_EXTRACTOR, json_line, resolve, warm_up
from ..batch.worker import WorkerProcess, die_with_parent
from ..errors import ALL_ERRORS, InvalidOutput, Timeout, TongbaoError

NICE = 10
STARTUP_SECONDS = 120.0  # a cold worker imports and warms the pipeline before it takes a file
MAX_TASKS = 500  # files a worker extracts before it is replaced, which bounds whatever a stage leaks
log = logging.getLogger("tongbao.api")


class Busy(Exception):
    """Every worker is busy and the queue is full: the client should come back later (HTTP 429)."""


class Unavailable(Exception):
    """No worker could be started (HTTP 503): the server's fault, not the file's."""


class Failed(Exception):
    """The extractor raised something untyped: a bug, logged with its traceback and never shown to the client."""


WORKERS = 2
QUEUE = 8  # uploads that may wait for a worker; one more is refused with 429


@dataclass(frozen=True, slots=True)
class PoolSize:
    workers: int = WORKERS
    queue: int = QUEUE


def _serve(conn, extractor: str) -> None:
    """A worker: warm up, say ready, then one (name, bytes) in and one answer out until the pipe closes."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    os.nice(NICE)
    problem = warm_up(extractor)
    conn.send(("unavailable", problem) if problem else ("ready", None))
    if problem:
        return
    extract = resolve(extractor)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(_answer(extract, *job))


def _answer(extract, name: str, data: bytes) -> tuple:
    try:
        document = extract(name, data)
    except TongbaoError as error:
        return "error", error.code, error.reason
    except Exception:  # noqa: BLE001 - a stage's bug costs this upload, not the worker
        import traceback

        return "failed", traceback.format_exc()
    try:  # a lone surrogate passes json.dumps but not UTF-8 (UnicodeEncodeError is a ValueError)
        return "ok", json_line(document)
    except (TypeError, ValueError) as error:
        return "error", InvalidOutput.code, f"document is not JSON: {error}"


class _Worker(WorkerProcess):
    GRACE = 2.0

    def __init__(self, ctx, extractor: str):
        super().__init__(ctx, _serve, (extractor,), name="tongbao-extract")
        self.ready = False
        self.tasks = 0

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(STARTUP_SECONDS):
            raise Unavailable(f"a worker did not start within {STARTUP_SECONDS:g} s")
        try:
            kind, problem = self.conn.recv()
        except (EOFError, OSError):
            raise Unavailable(f"a worker died while starting ({self.death()})") from None
        if kind != "ready":
            raise Unavailable(f"a worker could not load the extractor: {problem}")
        self.ready = True


class ExtractionPool:
    """Worker processes started on first use; `submit` answers a future, or raises Busy at once when full."""

    def __init__(self, size: PoolSize = PoolSize(), extractor: str = DEFAULT_EXTRACTOR,
                 seconds: float | None = None):
        if size.workers < 1 or size.queue < 0:
            raise ValueError("an extraction pool needs at least one worker and a queue of zero or more")
        self.size, self.extractor, self._seconds = size, extractor, seconds
        self._ctx = mp.get_context("spawn")  # the server is threaded: forking it could copy a held lock
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()
        self._admitted = 0
        self._threads: concurrent.futures.ThreadPoolExecutor | None = None
        self.jobs = 0  # uploads admitted so far

    @property
    def seconds(self) -> float:
        """The per-file time limit: the one given, else TONGBAO_MAX_SECONDS or the default, read now."""
        if self._seconds is not None:
            return self._seconds
        from ..limits import current_limits

        return current_limits().max_seconds

    def start(self) -> None:
        """Start the workers now instead of at the first upload (they warm up in the background)."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self._threads is None:
            capacity = self.size.workers + self.size.queue
            self._threads = concurrent.futures.ThreadPoolExecutor(capacity, thread_name_prefix="tongbao-upload")
            for _ in range(self.size.workers):
                self._add_worker()

    def _add_worker(self) -> None:
        worker = _Worker(self._ctx, self.extractor)
        self._workers.append(worker)
        self._idle.put(worker)

    def submit(self, name: str, data: bytes) -> concurrent.futures.Future:
        """A future of the document's JSON bytes; raises Busy when every worker and queue place is taken."""
        with self._lock:
            if self._admitted >= self.size.workers + self.size.queue:
                raise Busy(f"{self._admitted} uploads are being extracted or waiting")
            self._start()
            self._admitted += 1
            self.jobs += 1
            threads = self._threads
        try:
            return threads.submit(self._run, name, data)
        except RuntimeError:  # shut down meanwhile
            self._release()
            raise Unavailable("the server is shutting down") from None

    def _release(self) -> None:
        with self._lock:
            self._admitted -= 1

    def _run(self, name: str, data: bytes) -> bytes:
        try:
            worker = self._idle.get()
            if worker is None:  # shut down while waiting
                self._idle.put(None)
                raise Unavailable("the server is shutting down")
            return self._on(worker, name, data)
        finally:
            self._release()

    def _on(self, worker: _Worker, name: str, data: bytes) -> bytes:
        seconds, healthy = self.seconds, False
        try:
            worker.wait_ready()
            try:
                worker.conn.send((name, data))
                del data
                if not worker.conn.poll(seconds):
                    raise Timeout(name, f"no result within {seconds:g} s; extraction stopped")
                answer = worker.conn.recv()
            except (EOFError, OSError):
                raise WorkerCrashed(name, f"the extraction worker died ({self._death(worker)})") from None
            healthy = True
        finally:
            self._return(worker, healthy)
        return _result(name, answer)

    @staticmethod
    def _death(worker: _Worker) -> str:
        worker.process.join(1)
        return worker.death()

    def _return(self, worker: _Worker, healthy: bool) -> None:
        """Back to the idle queue, or replaced when it failed, timed out or has done its share."""
        worker.tasks += healthy
        if healthy and worker.tasks < MAX_TASKS:
            self._idle.put(worker)
            return
        worker.stop(kill=not healthy)
        with self._lock:
            self._workers.remove(worker)
            if self._threads is not None:  # not shut down
                self._add_worker()

    def shutdown(self) -> None:
        """Stop every worker; uploads still waiting are answered Unavailable."""
        with self._lock:
            threads, self._threads = self._threads, None
            workers = list(self._workers)
        if threads is None:
            return
        self._idle.put(None)
        for worker in workers:
            worker.stop(kill=True)
        threads.shutdown(wait=True, cancel_futures=True)
        self._workers, self._idle = [], queue.Queue()


def _result(name: str, answer: tuple) -> bytes:
    kind, *rest = answer
    if kind == "ok":
        return rest[0]
    if kind == "error":
        code, reason = rest
        error = _ERRORS.get(code, TongbaoError)(name, reason)
        error.code = code  # a code this module does not know keeps its own, on the base class
        raise error
    raise Failed(rest[0])


_ERRORS = {cls.code: cls for cls in ALL_ERRORS}
