"""Properties over arbitrary and damaged input: a sound document or a TongbaoError, nothing else, ever."""
from __future__ import annotations

import io
import signal
import traceback
import zipfile
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from extract import extract_file, extract_text
from extract.errors import TongbaoError

from .test_hostile import LINES, assert_sound, docx_bytes, pdf_bytes, source_length

NOTICES = Path(__file__).resolve().parent.parent / "corpus" / "notices"
SOURCES = {p.name: p.read_bytes() for p in sorted(NOTICES.iterdir())}
HANG = 60  # seconds one example may take before it counts as a hang (a guard, not a speed requirement)
# The tokens the issue names: list separators, numbered items, digits, pinyin annotations, lost bytes.
TOKENS = ["、", "、、", "（一）", "(一)", "一、", "1.", "0", "2021", "9" * 40, "(wèn)", "yīng)", "?", "??", "\ufffd",
          "。", "\n", "|", " | ", "联系人:", "电话:", "〔2021〕", "年", "月", "日", "前"]
SETTINGS = settings(derandomize=True, deadline=None, max_examples=1000, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# Bugs in other modules the properties found: (exception, module it is raised in) -> the xfail test with the
# minimal input. The properties tolerate exactly these, so they keep guarding everything else meanwhile.
# Empty now: the last one (an empty table cell in extract/findings/units_tables.py) is fixed and its
# minimal input stays as test_table_with_empty_first_cells.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


def _known_bug(error: Exception) -> bool:
    frames = [f.filename for f in traceback.extract_tb(error.__traceback__) if "/extract/" in f.filename]
    return bool(frames) and (type(error).__name__, "extract/" + frames[-1].split("/extract/", 1)[1]) in KNOWN_BUGS


class Hang(Exception):
    """Not a TongbaoError: an example that runs past HANG fails the property."""


@contextmanager
def guard(seconds: int = HANG):
    """Turn a hang into a failure of this example; SIGALRM interrupts the pure-Python stages."""
    def fire(*_):
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def sound_or_typed(run, source_len) -> None:
    """The property itself: a schema-valid document with in-range offsets, or a TongbaoError."""
    try:
        with guard():
            doc = run()
    except TongbaoError as error:
        event(error.code)  # --hypothesis-show-statistics shows how often each outcome was reached
        return
    except Exception as error:
        if not _known_bug(error):
            raise
        event(f"known bug: {type(error).__name__}")
        return
    event("document")
    assert_sound(doc, source_len)


# ---------------------------------------------------------------- arbitrary Unicode


@SETTINGS
@given(st.text(max_size=2000))
@example("")
@example("\x00\u2028\u2029\x85\ufeff\u200b")
@example("（一）" * 500)
def test_arbitrary_unicode(text):
    sound_or_typed(lambda: extract_text(text), len(text))


notice_like = st.lists(st.one_of(st.sampled_from(LINES), st.sampled_from(TOKENS), st.text(max_size=30)),
                       max_size=80).map("".join)


@SETTINGS
@given(notice_like)
def test_notice_shaped_unicode(text):
    sound_or_typed(lambda: extract_text(text), len(text))


def test_lone_surrogate_is_dropped_and_the_document_is_sound():
    text = "关于\ud800网站检查情况的通报"
    doc = extract_text(text)
    assert doc["text"] == "关于网站检查情况的通报"
    assert_sound(doc, len(text))


def test_table_with_empty_first_cells():
    text = "甲 | 乙 |\n | 丙 |\n | 丁 |\n"
    assert_sound(extract_text(text), len(text))


# ---------------------------------------------------------------- mutated real notices


def _mutate(data: bytes, edits: list[tuple[str, float, object]]) -> bytes:
    """Apply byte flips, truncations and token insertions at relative positions, so shrinking stays meaningful."""
    out = bytearray(data)
    for kind, where, what in edits:
        at = int(where * len(out))
        if kind == "flip" and out:
            out[min(at, len(out) - 1)] ^= what
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out[at:at] = what
    return bytes(out)


def _edits(tokens: list[bytes]):
    position = st.floats(0, 1)
    return st.lists(st.one_of(
        st.tuples(st.just("flip"), position, st.integers(1, 255)),
        st.tuples(st.just("cut"), st.floats(0.05, 1)),
        st.tuples(st.just("insert"), position, st.sampled_from(tokens)),
    ).map(lambda e: e if len(e) == 3 else (*e, None)), min_size=1, max_size=12)


def _tokens(encoding: str) -> list[bytes]:
    return [t.encode(encoding) for t in TOKENS] + [t.encode(encoding) * 200 for t in ("、", "(一)", "1")]


@SETTINGS
@given(name=st.sampled_from(sorted(SOURCES)), encoding=st.sampled_from(["utf-8", "gb18030"]),
       suffix=st.sampled_from([".txt", ".txt", ".html"]), data=st.data())
def test_mutated_notices(name, encoding, suffix, data):
    raw = SOURCES[name].decode("utf-8").encode(encoding)
    mutated = _mutate(raw, data.draw(_edits(_tokens(encoding)), label="edits"))
    filename = Path(name).stem + suffix
    sound_or_typed(lambda: extract_file(filename, data=mutated), _length_or_none(filename, mutated))


def _rezip(docx: bytes, edits) -> bytes:
    """Damage the body XML of a .docx but keep the zip sound, so the damage reaches the parser, not the CRC."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            part = source.read(info)
            out.writestr(info.filename, _mutate(part, edits) if info.filename == "word/document.xml" else part)
    return buffer.getvalue()


DOCX, PDF = docx_bytes(LINES), pdf_bytes(LINES, pages=3)
XML_TOKENS = [b"<w:p>", b"</w:p>", b"<w:t>", b"</w:body>", b"&amp;", b"&#0;", b"\xe3\x80\x81", "（一）".encode()]


@settings(SETTINGS, max_examples=200)
@given(edits=_edits(XML_TOKENS))
def test_mutated_docx(edits):
    mutated = _rezip(DOCX, [e for e in edits if e[0] != "cut"] or edits[:0])
    sound_or_typed(lambda: extract_file("notice.docx", data=mutated), _length_or_none("notice.docx", mutated))


@settings(SETTINGS, max_examples=200)
@given(edits=_edits([b"\x00", b"%%EOF", b"endobj", b"stream", b"BT", b"ET", b"/Encrypt"]))
def test_mutated_pdf(edits):
    mutated = _mutate(PDF, edits)
    sound_or_typed(lambda: extract_file("notice.pdf", data=mutated), _length_or_none("notice.pdf", mutated))


def _length_or_none(name: str, data: bytes) -> int | None:
    try:
        return source_length(name, data)
    except TongbaoError:
        return None
