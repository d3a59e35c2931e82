"""The per-file function both engines map: read, hash, skip what is known, extract, serialise."""
from __future__ import annotations

import functools
import hashlib
import importlib
import io
import json
import resource
from dataclasses import dataclass

from ..errors import InvalidOutput, TongbaoError, from_os_error
from ..memory import LONG_TEXT
from ..paths import path_base64
from .errors import UnexpectedError
from .inputs import Item, Reader

DEFAULT_EXTRACTOR = "tongbao.pipeline:extract_file"
REDACTING_EXTRACTOR = "tongbao.redact:extract_file_redacted"
OWN_EXTRACTORS = frozenset({DEFAULT_EXTRACTOR, REDACTING_EXTRACTOR})  # safe to warm in the batch process
_dumps = functools.partial(json.dumps, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Settings:
    """What every worker needs to handle a file; picklable, so it travels to processes and clusters."""

    max_bytes: int
    timeout: float
    extractor: str = DEFAULT_EXTRACTOR  # "module:function", imported where the work runs


@dataclass(slots=True)
class Outcome:
    """What became of one item: a document line, an error record, or a skip."""

    path: str
    kind: str  # "document" | "error" | "skipped"
    id: str | None = None
    line: bytes | None = None  # the document's JSON line, newline included
    record: dict | None = None  # the error record
    reason: str | None = None  # why it was skipped
    rss: int = 0  # peak resident bytes of the process that did the work


def failure(item: Item, error: TongbaoError, doc_id: str | None = None) -> Outcome:
    record = {**error.to_record(), "path": item.path, "id": doc_id}
    if item.member is None and (raw := path_base64(item.file)):
        record["path_base64"] = raw
    return Outcome(item.path, "error", doc_id, record=record)


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


_resolved: dict[str, object] = {}
_reader = Reader()


def resolve(extractor: str):
    """Import the extract function once per process."""
    if extractor not in _resolved:
        module, _, name = extractor.partition(":")
        _resolved[extractor] = getattr(importlib.import_module(module), name)
    return _resolved[extractor]


# Stages load dictionaries on first use; a worker pays that before its first file's deadline starts.
# The damaged line (a GBK run read one byte off) makes the mojibake stage load jieba's lexicon, and
# the finding under a heading makes the unit stage build its phrase automaton.
WARMUP = ("关于网站检查情况的通报\n各单位：现将2024年第一季度检查情况通报如下。\n"
          "?。ㄒ唬┕_渠道\n"
          "一、检查情况\n市交通局网站、县教育局微信公众号存在内容更新不及时问题。\n"
          "市政府办公厅\n2024年4月1日\n").encode()


def warm_up(extractor: str) -> str | None:
    """Load and exercise the extractor; a reason when it cannot be loaded, so no file is blamed for that."""
    try:
        resolve(extractor)("warmup.txt", WARMUP)
    except ImportError as error:  # a broken install would otherwise fail every file, and resume would skip them
        return f"{type(error).__name__}: {error}"
    except Exception:  # noqa: BLE001 - the sample may fail like any file; only loading matters here
        pass
    return None


def process_item(item: Item, settings: Settings, known_ids: frozenset[str] | set[str]) -> Outcome:
    """Never raises for a bad file: every failure becomes an error record."""
    outcome = _process(item, settings, known_ids)
    outcome.rss = peak_rss()
    return outcome


def _process(item: Item, settings: Settings, known_ids) -> Outcome:
    try:
        data = _reader.read(item, settings.max_bytes)
    except TongbaoError as error:
        return failure(item, error)
    except OSError as error:
        return failure(item, from_os_error(item.path, error))
    except Exception as error:  # noqa: BLE001 - a vanished or unreadable file is that file's failure
        return failure(item, UnexpectedError(item.path, f"cannot read: {type(error).__name__}: {error}"))
    doc_id = hashlib.sha256(data).hexdigest()
    if doc_id in known_ids:
        return Outcome(item.path, "skipped", doc_id)  # the recorder tells a duplicate from an earlier run
    extract, held = resolve(settings.extractor), [data]
    del data  # handed over, not kept: extract_file lets a long file's bytes go once it has hashed them
    try:
        document = extract(item.file if item.member is None else item.path, held.pop())
    except TongbaoError as error:
        return failure(item, error, doc_id)
    except Exception as error:  # noqa: BLE001 - a stage's bug must cost one file, not the batch
        return failure(item, UnexpectedError(item.path, f"{type(error).__name__}: {error}"), doc_id)
    written_id = document.get("id") or doc_id  # read first: a long document is emptied as it is written
    try:  # a lone surrogate passes json.dumps but not UTF-8 (UnicodeEncodeError is a ValueError)
        line = json_line(document)
    except (TypeError, ValueError) as error:
        return failure(item, InvalidOutput(item.path, f"document is not JSON: {error}"), doc_id)
    return Outcome(item.path, "document", written_id, line=line)


def json_line(document: dict) -> bytes:
    """The document as one compact UTF-8 JSON line.

    A long one is serialised a top-level field at a time and emptied as it goes, and its text a block
    at a time: whole, a 20 MB notice's objects, its JSON text and that text's copies were alive at
    once (about 300 MB)."""
    text = document.get("text")
    if not (isinstance(text, str) and len(text) >= LONG_TEXT):
        return (_dumps(document) + "\n").encode("utf-8")
    del text
    line = io.BytesIO()  # its value is handed over without a copy: a join would hold the line twice
    for index, key in enumerate(list(document)):
        line.write(b"," if index else b"{")
        line.write(_dumps({key: 0})[1:-2].encode("utf-8"))  # '"key":', coerced or refused as json.dumps does
        _write_value(line, document.pop(key))
    line.write(b"}\n")
    return line.getvalue()


_BLOCK = 1 << 20


def _write_value(line: io.BytesIO, value) -> None:
    if not isinstance(value, str):
        line.write(_dumps(value).encode("utf-8"))
        return
    # A string's JSON escapes each character on its own, so a block's JSON is a slice of the whole's.
    line.write(b'"')
    for start in range(0, len(value), _BLOCK):
        line.write(_dumps(value[start : start + _BLOCK])[1:-1].encode("utf-8"))
    line.write(b'"')
