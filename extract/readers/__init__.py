"""One entry point for every notice file: trust the bytes over the name, fail with a typed error."""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from ..errors import CorruptFile, EmptyInput, LegacyFormat, Timeout, TongbaoError, TooLarge, UnsupportedFormat
from ..limits import current_limits
from ..model import ReadResult
from .txt import read_txt  # (the one reader most files need, and a light one: the others load on first use)

__all__ = ["read_file", "sniff"]

CONVERT_TIMEOUT = 120  # seconds LibreOffice may take to turn one legacy file into .docx

EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".csv": "txt",
    ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html", ".jsp": "html", ".asp": "html",
    ".aspx": "html", ".php": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "legacy", ".wps": "legacy", ".rtf": "legacy", ".xls": "legacy", ".et": "legacy", ".ppt": "legacy",
}
LEGACY_NAMES = {
    ".doc": "Word 97-2003 document (.doc)", ".wps": "WPS Writer document (.wps)", ".rtf": "Rich Text (.rtf)",
    ".xls": "Excel 97-2003 workbook (.xls)", ".et": "WPS spreadsheet (.et)", ".ppt": "PowerPoint 97-2003 (.ppt)",
}
CONVERTIBLE = {".doc", ".wps", ".rtf"}
OTHER_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7z archive", b"\x1f\x8b": "a gzip archive", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image",
}


_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")


def sniff(data: bytes) -> str | None:
    """What the bytes themselves say the file is: pdf, docx, zip, ole, rtf, html, other:… or None."""
    head = data[:1024]
    if _PDF_HEADER.search(head):  # the header may follow some junk within the first 1 KiB
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return "badzip"
        return "docx" if "word/document.xml" in names else "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    for magic, name in OTHER_MAGIC.items():
        if data.startswith(magic):
            return "other:" + name
    lowered = head.lower()
    start = lowered.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<meta")) or b"<html" in lowered:
        return "html"
    return None


def _load(path: str | Path, data: bytes | None, max_bytes: int) -> bytes:
    if data is not None:
        data = bytes(data)
        if len(data) > max_bytes:
            raise TooLarge(path, f"{len(data):,} bytes, over the {max_bytes:,}-byte limit")
        return data
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise TooLarge(path, f"{size:,} bytes, over the {max_bytes:,}-byte limit")
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise CorruptFile(path, f"cannot be read ({exc.strerror or exc})") from None


def _convert_legacy(path: str, data: bytes, suffix: str) -> bytes | None:
    """.doc/.wps/.rtf → .docx through LibreOffice when it is installed; None when it is not."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    with tempfile.TemporaryDirectory(prefix="tongbao-") as tmp:
        source = Path(tmp, "input" + suffix)
        source.write_bytes(data)
        command = [office, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "docx",
                   "--outdir", tmp, str(source)]
        try:
            office_run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                          start_new_session=True)
        except OSError as exc:
            raise LegacyFormat(path, f"{LEGACY_NAMES[suffix]}: LibreOffice failed to start ({exc})") from None
        try:
            office_run.wait(timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(office_run.pid, signal.SIGKILL)  # soffice forks helpers: end its whole session
            office_run.wait()
            raise Timeout(path, f"LibreOffice took over {CONVERT_TIMEOUT}s to convert the {suffix} file") from None
        target = source.with_suffix(".docx")
        if not target.exists():
            raise CorruptFile(path, f"LibreOffice could not convert this {LEGACY_NAMES[suffix]}")
        return target.read_bytes()


def _legacy(path: str, data: bytes, suffix: str, max_bytes: int) -> ReadResult:
    name = LEGACY_NAMES.get(suffix, "legacy Office (OLE2) file")
    if suffix in CONVERTIBLE and (converted := _convert_legacy(path, data, suffix)) is not None:
        from .docx import read_docx

        result = read_docx(path, converted, max_bytes)
        result.warnings.append(f"converted from {name} with LibreOffice")
        return result
    raise LegacyFormat(path, f"{name} is a legacy format: save it as .docx or PDF, or install LibreOffice")


def _suffix(path: str) -> str:
    """Path(path).suffix without building a Path (a few microseconds a file) when the last part is a name."""
    name = os.path.basename(path)
    if name in ("", "."):  # a trailing separator or '.', which Path drops
        return Path(path).suffix
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _kind(path: str, data: bytes) -> tuple[str, str, list[str]]:
    """Decide the reader from extension and magic bytes; the bytes win when they are sure."""
    suffix = _suffix(path).lower()
    by_name, by_bytes = EXTENSIONS.get(suffix), sniff(data)
    warnings = []
    if by_bytes in ("pdf", "docx") and by_name != by_bytes:
        warnings.append(f"named {suffix or 'without extension'} but the content is {by_bytes.upper()}")
        return by_bytes, suffix, warnings
    if by_name in ("pdf", "docx") and by_bytes != by_name:
        what = {"ole": "a legacy or password-protected Office file", "rtf": "an RTF file", "html": "an HTML page",
                "zip": "a zip archive without word/document.xml", "badzip": "a damaged zip package"}
        found = what.get(by_bytes or "", by_bytes[6:] if by_bytes and by_bytes.startswith("other:") else "")
        raise CorruptFile(path, f"not a {by_name.upper()} file" + (f": the content is {found}" if found else ""))
    if by_name in ("pdf", "docx"):
        return by_name, suffix, warnings
    if by_bytes in ("ole", "rtf"):
        legacy_suffix = suffix if by_name == "legacy" else (".rtf" if by_bytes == "rtf" else ".doc")
        return "legacy", legacy_suffix, warnings
    if by_bytes and by_bytes.startswith("other:"):
        raise UnsupportedFormat(path, f"the content is {by_bytes[6:]}, not a notice document")
    if by_name == "legacy" and by_bytes == "html":  # Word's "save as web page" kept the .doc name
        return "html", suffix, warnings + [f"named {suffix} but the content is HTML"]
    if by_name in ("txt", "html", "legacy"):
        return by_name, suffix, warnings
    if by_bytes == "html":
        return "html", suffix, warnings
    raise UnsupportedFormat(path, f"unsupported file type {suffix or '(no extension)'}")


def read_file(path: str | Path, data: bytes | None = None, *, max_bytes: int | None = None) -> ReadResult:
    """Read one notice file (or in-memory bytes named `path`) into paragraphs and tables."""
    name = str(path)
    max_bytes = current_limits().max_bytes if max_bytes is None else max_bytes
    data = _load(name, data, max_bytes)
    if not data.strip():
        raise EmptyInput(name, "the file is empty" if not data else "the file holds only whitespace")
    kind, suffix, warnings = _kind(name, data)
    try:
        if kind == "txt":
            result = read_txt(name, data)
        elif kind == "html":
            from .html import read_html

            result = read_html(name, data)
        elif kind == "pdf":
            from .pdf import read_pdf

            result = read_pdf(name, data)
        elif kind == "docx":
            from .docx import read_docx

            result = read_docx(name, data, max_bytes)
        else:
            result = _legacy(name, data, suffix, max_bytes)
    except TongbaoError:
        raise
    except RecursionError:
        raise CorruptFile(name, "the document is nested too deeply to read") from None
    except Exception as exc:  # the promise: no library traceback reaches the caller
        raise CorruptFile(name, f"unreadable {kind} file ({type(exc).__name__}: {exc})") from None
    result.warnings[:0] = warnings
    return result
