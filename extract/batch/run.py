"""run_batch: list inputs, skip what OUTDIR already has, run an engine, write the dataset and its manifest."""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import SCHEMA_VERSION
from .errors import BatchAborted
from ..paths import shown_path
from .inputs import Item, Selection, iter_items
from .parquet import derive
from .progress import Progress, make_progress
from .task import DEFAULT_EXTRACTOR, Outcome, Settings, peak_rss
from .writer import JsonlLog, read_records, tool_version, write_json

DOCUMENTS, ERRORS, MANIFEST = "documents.jsonl", "errors.jsonl", "manifest.json"
SYNC_EVERY = 2.0  # seconds between fsyncs of the JSON lines


@dataclass
class Summary:
    """What one run did; `exit_code` applies the CLI's rules."""

    outdir: Path
    status: str = "running"
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(("read", "written", "failed", "skipped"), 0))
    skipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("duplicate", "already_written", "already_failed", "not_a_notice"), 0))
    failed_by_code: Counter = field(default_factory=Counter)
    dataset: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0
    peak_worker_rss: int = 0

    @property
    def readable(self) -> int:
        """Inputs that are a document of the dataset, written now or before."""
        return self.counts["written"] + self.skipped["duplicate"] + self.skipped["already_written"]

    def exit_code(self, strict: bool = False) -> int:
        if self.readable == 0:
            return 1
        if strict and (self.counts["failed"] or self.skipped["already_failed"]):
            return 1
        return 0

    def line(self) -> str:
        codes = ", ".join(f"{code}×{n}" for code, n in sorted(self.failed_by_code.items()))
        c, rate = self.counts, self.counts["read"] / max(self.elapsed, 1e-9)
        return (f"tongbao batch: {c['read']} read, {c['written']} written, {c['failed']} failed"
                f"{f' ({codes})' if codes else ''}, {c['skipped']} skipped in {self.elapsed:.1f} s "
                f"({rate:.1f} docs/s) -> {self.outdir}")


class _Recorder:
    """The single writer: dedupes by id, appends lines, keeps counts, drives progress."""

    def __init__(self, outdir: Path, summary: Summary, ids: set[str], failed_paths: set[str], progress: Progress,
                 verbose: bool = False):
        self.summary, self.progress, self.verbose = summary, progress, verbose
        self.ids, self.before = ids, frozenset(ids)
        self.failed_paths = failed_paths
        self.documents, self.errors = JsonlLog(outdir / DOCUMENTS), JsonlLog(outdir / ERRORS)
        self.synced = time.monotonic()

    def known_ids(self) -> frozenset[str]:
        return frozenset(self.ids)

    def emit(self, outcome: Outcome) -> None:
        s = self.summary
        if outcome.kind == "document" and outcome.id not in self.ids:
            self.documents.append(outcome.line)
            self.ids.add(outcome.id)
            s.counts["written"] += 1
        elif outcome.kind == "error":
            self.errors.append(json.dumps(outcome.record, ensure_ascii=False).encode("utf-8") + b"\n")
            self.failed_paths.add(outcome.path)
            s.counts["failed"] += 1
            s.failed_by_code[outcome.record["code"]] += 1
            if self.verbose:
                r = outcome.record
                self.progress.note(f"tongbao: error: {r['path']}: {r['message']} [{r['code']} {r['kind']}]")
        else:
            reason = outcome.reason or ("already_written" if outcome.id in self.before else "duplicate")
            s.counts["skipped"] += 1
            s.skipped[reason] += 1
        s.peak_worker_rss = max(s.peak_worker_rss, outcome.rss)
        self.progress.advance(outcome.kind == "error")
        self.tick()

    def tick(self) -> None:
        self.progress.show()
        if time.monotonic() - self.synced >= SYNC_EVERY:
            self.documents.sync()
            self.errors.sync()
            self.synced = time.monotonic()

    def close(self) -> None:
        self.documents.close()
        self.errors.close()
        self.progress.close()


def _to_dispatch(items: Iterable[Item], recorder: _Recorder) -> Iterator[Item]:
    """Items the engine must handle; files that failed in an earlier run or while listed are settled here."""
    for item in items:
        recorder.summary.counts["read"] += 1
        if item.skip is not None:
            recorder.emit(Outcome(item.path, "skipped", reason=item.skip))
        elif item.path in recorder.failed_paths:
            recorder.emit(Outcome(item.path, "skipped", reason="already_failed"))
        elif item.error is not None:
            recorder.emit(Outcome(item.path, "error", record={**item.error, "id": None}))
        else:
            yield item


def _lock(outdir: Path):
    handle = open(outdir / ".lock", "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise BatchAborted(f"{outdir}: another batch is writing there") from None
    return handle


def _manifest(summary: Summary, started: str, inputs: list[str], options: dict) -> dict:
    return {
        "tool": "tongbao", "version": tool_version(), "schema_version": SCHEMA_VERSION,
        "status": summary.status, "started_at": started,
        "finished_at": None if summary.status == "running" else dt.datetime.now(dt.timezone.utc).isoformat(),
        "elapsed_seconds": round(summary.elapsed, 3),
        "documents_per_second": round(summary.counts["read"] / max(summary.elapsed, 1e-9), 2),
        "inputs": [shown_path(p) for p in inputs], "options": options,
        "counts": summary.counts, "skipped": summary.skipped,
        "failed_by_code": dict(sorted(summary.failed_by_code.items())),
        "dataset": summary.dataset,
        "peak_worker_rss_mb": round(summary.peak_worker_rss / 2**20, 1) if summary.peak_worker_rss else None,
        "peak_parent_rss_mb": round(peak_rss() / 2**20, 1),
    }


def run_batch(inputs: Sequence[str | os.PathLike], outdir: str | os.PathLike, *, workers: int | None = None,
              resume: bool = False, engine: str = "local", scheduler: str | None = None, timeout: float = 120.0,
              max_bytes: int = 64 << 20, quiet: bool = False, strict: bool = False,
              extractor: str = DEFAULT_EXTRACTOR, max_tasks_per_worker: int = 2000,
              log_interval: float = 10.0, include: Sequence[str] = (), exclude: Sequence[str] = (),
              verbose: bool = False) -> Summary:
    """Convert every input into OUTDIR's dataset; bad files are recorded, never fatal.

    `include`/`exclude` are globs (see Selection); files no notice comes in (.png, .json, .csv) are
    counted as skipped (`not_a_notice`)."""
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    workers = workers or len(os.sched_getaffinity(0))
    inputs = [os.fspath(p) for p in inputs]
    options = {"workers": workers, "resume": resume, "engine": engine, "scheduler": scheduler, "timeout": timeout,
               "max_bytes": max_bytes, "strict": strict, "max_tasks_per_worker": max_tasks_per_worker,
               "include": list(include), "exclude": list(exclude)}
    lock = _lock(outdir)
    try:
        existing = [name for name in (DOCUMENTS, ERRORS, MANIFEST) if (outdir / name).exists()]
        if existing and not resume:
            raise FileExistsError(f"{outdir} already holds {', '.join(existing)}: pass --resume to add to it")
        for stale in outdir.glob(".*.tmp"):  # left by a run killed while replacing a file
            stale.unlink()
        ids = {r["id"] for r in read_records(outdir / DOCUMENTS, repair=True) if isinstance(r.get("id"), str)}
        failed = {r["path"] for r in read_records(outdir / ERRORS, repair=True) if isinstance(r.get("path"), str)}
        return _run(inputs, outdir, options, ids, failed, quiet=quiet, verbose=verbose, log_interval=log_interval,
                    settings=Settings(max_bytes=max_bytes, timeout=timeout, extractor=extractor),
                    selection=Selection(tuple(include), tuple(exclude)))
    finally:
        lock.close()


def _run(inputs: list[str], outdir: Path, options: dict, ids: set[str], failed: set[str], *,
         settings: Settings, selection: Selection, quiet: bool, verbose: bool, log_interval: float) -> Summary:
    started_at, started = dt.datetime.now(dt.timezone.utc).isoformat(), time.monotonic()
    summary = Summary(outdir)
    write_json(outdir / MANIFEST, _manifest(summary, started_at, inputs, options))
    total = sum(1 for _ in iter_items(inputs, exclude=[outdir], selection=selection))
    recorder = _Recorder(outdir, summary, ids, failed, make_progress(total, quiet=quiet, interval=log_interval),
                         verbose=verbose and not quiet)
    items = _to_dispatch(iter_items(inputs, exclude=[outdir], selection=selection), recorder)
    try:
        if options["engine"] == "dask":
            from .dask_engine import run_dask

            run_dask(items, settings, recorder.emit, recorder.known_ids, workers=options["workers"],
                     scheduler=options["scheduler"])
        else:
            from .local import run_local

            run_local(items, settings, recorder.emit, recorder.known_ids, tick=recorder.tick,
                      workers=min(options["workers"], max(total, 1)), max_tasks=options["max_tasks_per_worker"])
        summary.status = "complete"
    except BaseException as error:
        summary.status = "interrupted" if isinstance(error, KeyboardInterrupt) else "aborted"
        raise
    finally:
        recorder.close()
        summary.dataset = {"documents": len(recorder.ids), "errors": len(recorder.failed_paths)}
        if summary.status != "aborted":  # an interrupted run still leaves Parquet matching its JSON lines
            summary.dataset.update(derive(outdir, options["workers"]))
        summary.elapsed = time.monotonic() - started
        write_json(outdir / MANIFEST, _manifest(summary, started_at, inputs, options))
    return summary
