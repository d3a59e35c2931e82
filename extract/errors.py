"""Typed errors: every failure a user can meet has a stable code, the file and the reason."""
from __future__ import annotations

import errno
from pathlib import Path

from .paths import path_base64, shown_path

__all__ = [
    "TongbaoError",
    "EmptyInput",
    "UnreadableEncoding",
    "UnsupportedFormat",
    "LegacyFormat",
    "CorruptFile",
    "EncryptedPdf",
    "NoTextLayer",
    "TooLarge",
    "Timeout",
    "InvalidOutput",
    "PermissionDenied",
    "SymlinkLoop",
    "NotFound",
    "CannotRead",
    "from_os_error",
    "EXIT_CODES",
]


class TongbaoError(Exception):
    """Base of every error tongbao raises on purpose; `code` is stable and documented."""

    code = "E000"
    slug = "error"
    exit_code = 1

    def __init__(self, path: str | Path | None, reason: str):
        self.path = shown_path(path) if path is not None else None
        self.path_base64 = path_base64(path) if path is not None else None
        self.reason = reason
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}{reason} [{self.code} {self.slug}]")

    def to_record(self) -> dict:
        record = {"path": self.path, "code": self.code, "kind": self.slug, "message": self.reason}
        if self.path_base64:
            record["path_base64"] = self.path_base64
        return record


class EmptyInput(TongbaoError):
    code, slug, exit_code = "E101", "empty-input", 3


class UnreadableEncoding(TongbaoError):
    code, slug, exit_code = "E102", "unreadable-encoding", 3


class UnsupportedFormat(TongbaoError):
    code, slug, exit_code = "E103", "unsupported-format", 4


class LegacyFormat(TongbaoError):
    code, slug, exit_code = "E104", "legacy-format", 4


class CorruptFile(TongbaoError):
    code, slug, exit_code = "E105", "corrupt-file", 5


class EncryptedPdf(TongbaoError):
    code, slug, exit_code = "E106", "encrypted-pdf", 5


class NoTextLayer(TongbaoError):
    code, slug, exit_code = "E107", "no-text-layer", 5


class TooLarge(TongbaoError):
    code, slug, exit_code = "E108", "too-large", 6


class Timeout(TongbaoError):
    code, slug, exit_code = "E109", "timeout", 6


class InvalidOutput(TongbaoError):
    code, slug, exit_code = "E201", "invalid-output", 7


class PermissionDenied(TongbaoError):
    code, slug, exit_code = "E112", "permission-denied", 3


class SymlinkLoop(TongbaoError):
    code, slug, exit_code = "E113", "symlink-loop", 3


class NotFound(TongbaoError):
    code, slug, exit_code = "E114", "not-found", 3


class CannotRead(TongbaoError):
    code, slug, exit_code = "E115", "cannot-read", 3


def from_os_error(path: str | Path, error: OSError) -> TongbaoError:
    """The typed error for a file the operating system would not hand over."""
    if isinstance(error, PermissionError):
        return PermissionDenied(path, "permission denied")
    if error.errno == errno.ELOOP:
        return SymlinkLoop(path, "too many levels of symbolic links")
    if isinstance(error, FileNotFoundError):
        return NotFound(path, "no such file")
    if isinstance(error, IsADirectoryError):
        return CannotRead(path, "is a directory")
    return CannotRead(path, error.strerror or type(error).__name__)


ALL_ERRORS = [
    EmptyInput, UnreadableEncoding, UnsupportedFormat, LegacyFormat, CorruptFile,
    EncryptedPdf, NoTextLayer, TooLarge, Timeout, InvalidOutput,
    PermissionDenied, SymlinkLoop, NotFound, CannotRead,
]
EXIT_CODES = {cls.code: cls.exit_code for cls in ALL_ERRORS}
