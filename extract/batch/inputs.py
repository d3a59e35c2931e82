"""What a batch reads: files, directories walked recursively, and .zip members read in memory."""
from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase

from ..errors import CorruptFile, TooLarge, UnsupportedFormat, from_os_error
from ..paths import shown_path
from .errors import UnexpectedError

ARCHIVE_LIMIT = 4 << 30  # declared uncompressed bytes one archive may hold: a zip bomb stops here
_UTF8_NAMES = 0x800
# Extensions no notice comes in: such files (a scraper's images, its metadata, a spreadsheet export) are
# counted as skipped, not failed. A file with any other extension, or none, is read.
NOT_NOTICES = frozenset(
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .svg .ico .heic"  # images
    " .json .jsonl .ndjson .csv .tsv .xml .yaml .yml .parquet .sqlite .db .log .md5 .sha256"  # data
    " .js .css .map .woff .woff2 .ttf .otf .eot"  # a saved page's assets
    " .mp3 .mp4 .wav .avi .mov .flv .wmv"  # media
    " .rar .7z .gz .tgz .bz2 .xz .tar .exe .dll .so .apk".split()  # archives tongbao does not open, programs
)


@dataclass(frozen=True, slots=True)
class Item:
    """One file to extract; `error` is set when it already failed while being listed."""

    path: str  # what documents and errors show, valid Unicode: "dir/a.txt" or "dir/b.zip!sub/c.docx"
    file: str  # the file on disk (the archive, for a member), as the OS names it
    member: str | None = None  # the raw name inside the archive
    error: dict | None = None
    skip: str | None = None  # why it is counted but not read: "not_a_notice"


@dataclass(frozen=True, slots=True)
class Selection:
    """--include/--exclude globs, matched without regard to case against a file's name, its path under
    the input, and (for --exclude) each folder on that path; archive members as `archive.zip!dir/file`."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def wants(self, relative: str, final: bool = True) -> bool:
        """Whether a file (`final`) or an archive still to open is selected."""
        relative = relative.lower()
        name = relative.replace("!", "/").rsplit("/", 1)[-1]
        folders = relative.replace("!", "/").split("/")[:-1]
        excluded = [relative, name] + ["/".join(folders[: k + 1]) for k in range(len(folders))] + folders
        if any(fnmatchcase(candidate, pattern.lower()) for pattern in self.exclude for candidate in excluded):
            return False
        return not final or not self.include or any(
            fnmatchcase(candidate, pattern.lower()) for pattern in self.include for candidate in (relative, name))


def _not_a_notice(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in NOT_NOTICES


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


def _archive(item: Item, relative: str, selection: Selection) -> Iterator[Item]:
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
            if not selection.wants(f"{relative}!{name}"):
                continue
            shown = f"{item.path}!{name}"
            if _not_a_notice(name):
                yield Item(shown, path, info.filename, skip="not_a_notice")
                continue
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


def iter_items(inputs: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = (),
               selection: Selection = Selection()) -> Iterator[Item]:
    """Every selected file and archive member under the inputs, in a stable order, each path once;
    `exclude` names folders never entered (the batch's own output)."""
    skip = {os.path.realpath(p) for p in exclude}
    seen: set[str] = set()
    for given in inputs:
        top = os.path.normpath(os.fspath(given))
        base = top if os.path.isdir(top) else os.path.dirname(top)
        for item in _walk(top, skip) if os.path.isdir(top) else [Item(shown_path(top), top)]:
            relative = shown_path(os.path.relpath(item.file, base or "."))
            archive = item.error is None and item.path.lower().endswith(".zip")
            if item.file in seen or (item.error is None and not selection.wants(relative, final=not archive)):
                continue
            seen.add(item.file)
            if archive:
                yield from _archive(item, relative, selection)
            elif item.error is None and _not_a_notice(item.path):
                yield Item(item.path, item.file, skip="not_a_notice")
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
