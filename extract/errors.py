"""Typed errors: every failure a user can meet has a stable code, the file and the reason."""
from __future__ import annotations

from pathlib import Path

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
    "EXIT_CODES",
]


class TongbaoError(Exception):
    """Base of every error tongbao raises on purpose; `code` is stable and documented."""

    code = "E000"
    slug = "error"
    exit_code = 1

    def __init__(self, path: str | Path | None, reason: str):
        self.path = str(path) if path is not None else None
        self.reason = reason
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}{reason} [{self.code} {self.slug}]")

    def to_record(self) -> dict:
        return {"path": self.path, "code": self.code, "kind": self.slug, "message": self.reason}


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


ALL_ERRORS = [
    EmptyInput, UnreadableEncoding, UnsupportedFormat, LegacyFormat, CorruptFile,
    EncryptedPdf, NoTextLayer, TooLarge, Timeout, InvalidOutput,
]
EXIT_CODES = {cls.code: cls.exit_code for cls in ALL_ERRORS}
