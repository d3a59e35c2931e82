"""Progress for people: a tqdm bar on a terminal, a plain line every few seconds in logs."""
from __future__ import annotations

import sys
import time


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Counts processed files; subclasses decide how to show them."""

    def __init__(self, total: int):
        self.total, self.done, self.failed = total, 0, 0
        self.started = time.monotonic()

    def advance(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        self.show()

    def rate(self) -> float:
        return self.done / max(time.monotonic() - self.started, 1e-9)

    def show(self) -> None:
        pass

    def note(self, line: str) -> None:
        """A line for the reader (a failure as it happens), printed apart from the progress display."""
        print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        pass


class LogProgress(Progress):
    """Periodic lines for logs and CI, where a redrawn bar would be noise."""

    def __init__(self, total: int, stream, interval: float):
        super().__init__(total)
        self.stream, self.interval = stream, interval
        self.last = self.started

    def note(self, line: str) -> None:
        print(line, file=self.stream, flush=True)

    def show(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        rate = self.rate()
        eta = _clock((self.total - self.done) / rate) if rate and self.done < self.total else "-"
        print(f"tongbao batch: {self.done}/{self.total} files, {rate:.1f} docs/s, {self.failed} failed, ETA {eta}",
              file=self.stream, flush=True)


class BarProgress(Progress):
    def __init__(self, total: int, stream):
        super().__init__(total)
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="doc", file=stream, dynamic_ncols=True, smoothing=0.05)

    def show(self) -> None:
        self.bar.set_postfix(failed=self.failed, refresh=False)
        self.bar.update(self.done - self.bar.n)

    def note(self, line: str) -> None:
        self.bar.write(line, file=self.bar.fp)

    def close(self) -> None:
        self.bar.close()


def make_progress(total: int, *, quiet: bool, interval: float = 10.0, stream=None) -> Progress:
    stream = stream or sys.stderr
    if quiet:
        return Progress(total)
    if stream.isatty():
        return BarProgress(total, stream)
    return LogProgress(total, stream, interval)
