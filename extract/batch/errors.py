"""Failures only a batch can meet: a worker process died, or a stage raised something untyped."""
from __future__ import annotations

from ..errors import TongbaoError


class WorkerCrashed(TongbaoError):
    code, slug, exit_code = "E110", "worker-crashed", 6


class UnexpectedError(TongbaoError):
    code, slug, exit_code = "E111", "unexpected-error", 1


class BatchAborted(RuntimeError):
    """The run cannot go on at all (workers fail to start, OUTDIR locked or corrupt): no file is to blame."""
