"""Crash-safe outputs: append-only JSON lines repaired on resume, files replaced atomically."""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import BatchAborted


class JsonlLog:
    """One os.write per line on an O_APPEND descriptor: a crash loses at most the line being written."""

    def __init__(self, path: Path):
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, line: bytes) -> None:
        view = memoryview(line)
        while view:
            view = view[os.write(self._fd, view):]

    def sync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1


def _parse(raw: bytes) -> dict | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def read_records(path: Path, *, repair: bool = False, start: int = 0, stop: int | None = None) -> Iterator[dict]:
    """Every record of a JSON-lines file (or of its lines from byte `start` to `stop`, both at line
    starts); with `repair`, a torn or invalid tail is truncated away first.

    An invalid line followed by valid ones is not a torn write but damage, and stops the run.
    """
    if not path.exists():
        return
    good_end, position, bad_at = start, start, None
    with open(path, "rb") as handle:  # iterating bytes splits on b"\n" only, never on U+2028
        handle.seek(start)
        for number, raw in enumerate(handle, 1):
            position += len(raw)
            record = _parse(raw) if raw.endswith(b"\n") else None
            if record is None:
                bad_at = bad_at or number
            elif bad_at is not None:
                raise BatchAborted(f"{path}: line {bad_at} is not valid JSON but later lines are; fix or remove it")
            else:
                good_end = position
                yield record
            if stop is not None and position >= stop:
                break
    if bad_at is not None and stop is not None and stop < path.stat().st_size:
        raise BatchAborted(f"{path}: an invalid line before byte {stop} is followed by more lines; fix or remove it")
    if bad_at is not None and repair:
        with open(path, "r+b") as handle:
            handle.truncate(good_end)
            os.fsync(handle.fileno())


def line_slices(path: Path, count: int) -> list[tuple[int, int]]:
    """`count` byte ranges of about equal size covering the file, each starting at a line start."""
    size = path.stat().st_size if path.exists() else 0
    cuts = [0]
    with open(path, "rb") if size else open(os.devnull, "rb") as handle:
        for k in range(1, count):
            handle.seek(max(cuts[-1], size * k // count))
            handle.readline()  # to the end of the line the cut falls in
            if (position := handle.tell()) < size and position > cuts[-1]:
                cuts.append(position)
    return list(zip(cuts, cuts[1:] + [size]))


def temp_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def commit(tmp: Path, path: Path) -> None:
    """Give a fully written temporary file its final name: readers see the old file or the new, never half."""
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _sync_dir(path.parent)


def _sync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_json(path: Path, payload: dict) -> None:
    tmp = temp_for(path)
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    commit(tmp, path)


def tool_version() -> str:
    """The installed version, or the one in pyproject.toml when running from a checkout."""
    from importlib import metadata

    try:
        return metadata.version("tongbao")
    except metadata.PackageNotFoundError:
        pass
    import tomllib

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]
    except (OSError, KeyError, ValueError):
        return "unknown"
