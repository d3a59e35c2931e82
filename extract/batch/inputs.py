"""What a batch reads: files, directories walked recursively, and .zip members read in memory."""
from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import CorruptFile, TooLarge, UnsupportedFormat, from_os_error
from ..paths import shown_path
from .errors import UnexpectedError

ARCHIVE_LIMIT = 4 << 30  # declared uncompressed bytes one archive may hold: a zip bomb stops here
_UTF8_NAMES = 0x800


@dataclass(frozen=True, slots=True)
class Item:
    """One file to extract; `error` is set when it already failed while being listed."""

    path: str  # what documents and errors show, valid Unicode: "dir/a.txt" or "dir/b.zip!sub/c.docx"
    file: str  # the file on disk (the archive, for a member), as the OS names it
    member: str | None = None  # the raw name inside the archive
    error: dict | None = None


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("__MACOSX")


def _member_name(info: zipfile.ZipInfo) -> str:
    """Zips made on Chinese Windows store GBK names without the UTF-8 flag; zipfile decodes them as cp437."""
    if info.flag_bits & _UTF8_NAMES:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _archive(item: Item) -> Iterator[Item]:
    path = item.file
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        yield Item(item.path, path, error=CorruptFile(path, f"not a readable zip archive: {error}").to_record())
        return
    total = 0
    with archive:
        for info in archive.infolist():
            name = _member_name(info)
            if info.is_dir() or any(_hidden(part) for part in name.split("/")):
                continue
            shown = f"{item.path}!{name}"
            total += info.file_size
            error = None
            if info.flag_bits & 0x1:
                error = UnsupportedFormat(shown, "encrypted zip member").to_record()
            elif total > ARCHIVE_LIMIT:
                error = TooLarge(shown, f"archive holds more than {ARCHIVE_LIMIT} uncompressed bytes").to_record()
            yield Item(shown, path, info.filename, error)


def _unlistable(error: OSError, fallback: str) -> Item:
    where = os.path.normpath(error.filename or fallback)
    typed = from_os_error(where, error)
    typed.reason = f"cannot list directory: {typed.reason}"
    return Item(shown_path(where), where, error=typed.to_record())


def _walk(top: str, exclude: set[str]) -> Iterator[Item]:
    """Files under `top`; a directory that cannot be listed is recorded, not silently skipped."""
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=unreadable.append):
        yield from (_unlistable(unreadable.pop(), root) for _ in range(len(unreadable)))
        dirs[:] = sorted(d for d in dirs if not _hidden(d) and os.path.realpath(os.path.join(root, d)) not in exclude)
        for path in (os.path.join(root, name) for name in sorted(files) if not _hidden(name)):
            yield Item(shown_path(path), path)
    yield from (_unlistable(error, top) for error in unreadable)


def iter_items(inputs: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()) -> Iterator[Item]:
    """Every file and archive member under the inputs, in a stable order, each path once."""
    skip = {os.path.realpath(p) for p in exclude}
    seen: set[str] = set()
    for given in inputs:
        top = os.path.normpath(os.fspath(given))
        for item in _walk(top, skip) if os.path.isdir(top) else [Item(shown_path(top), top)]:
            if item.file in seen:
                continue
            seen.add(item.file)
            if item.error is None and item.path.lower().endswith(".zip"):
                yield from _archive(item)
            else:
                yield item


def _too_large(item: Item, size: int, limit: int) -> TooLarge:
    return TooLarge(item.path, f"{size} bytes, more than --max-bytes {limit}")


class Reader:
    """Reads items under a byte limit, keeping the last archive open: members arrive in archive order."""

    def __init__(self) -> None:
        self._archive: tuple[tuple, zipfile.ZipFile] | None = None

    def read(self, item: Item, limit: int) -> bytes:
        if item.member is None:
            size = os.stat(item.file).st_size
            if size > limit:
                raise _too_large(item, size, limit)
            with open(item.file, "rb") as handle:
                data = handle.read(limit + 1)
        else:
            info = self._open(item.file).getinfo(item.member)
            if info.file_size > limit:
                raise _too_large(item, info.file_size, limit)
            try:
                with self._open(item.file).open(info) as handle:
                    data = handle.read(limit + 1)  # the header may lie: never inflate past the limit
            except NotImplementedError as error:
                raise UnsupportedFormat(item.path, f"zip member: {error}") from error
            except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
                raise CorruptFile(item.path, f"unreadable zip member: {error}") from error
        if len(data) > limit:
            raise _too_large(item, len(data), limit)
        return data

    def _open(self, path: str) -> zipfile.ZipFile:
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        if self._archive is None or self._archive[0] != key:
            self.close()
            self._archive = (key, zipfile.ZipFile(path))
        return self._archive[1]

    def close(self) -> None:
        if self._archive is not None:
            self._archive[1].close()
            self._archive = None
