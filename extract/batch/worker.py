"""One worker process at the end of a pipe, as the local engine and the search API's extraction pool run them:
started as a daemon, asked to stop or killed, and its death put in words."""
from __future__ import annotations

import ctypes
import os
import signal


def die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies, so a killed parent leaves no orphan behind."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


class WorkerProcess:
    """`target(conn, *args)` in a daemon process; the parent holds the other end of the pipe."""

    GRACE = 5.0  # seconds a worker asked to stop may take before it is killed

    def __init__(self, ctx, target, args: tuple, name: str | None = None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=target, args=(child, *args), daemon=True, name=name)
        self.process.start()
        child.close()

    def stop(self, kill: bool = False) -> None:
        """Ask the worker to finish (None down the pipe) or kill it; then wait for it and close the pipe."""
        if not kill and self.process.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(self.GRACE)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def death(self) -> str:
        code = self.process.exitcode
        return f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
