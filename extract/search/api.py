"""The HTTP API and the web page: read-only search over an index, and extraction of an uploaded notice."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import threading
from contextlib import asynccontextmanager
from pathlib import Path as FsPath
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, File, HTTPException, Path, Query, Response, UploadFile
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from ..errors import InvalidOutput, LegacyFormat, Timeout, TongbaoError, TooLarge, UnsupportedFormat
from . import export
from .api_models import Error, Facets, Finding, NoticeSummary, SearchPage, Stats, Unit
from .extraction import DEFAULT_EXTRACTOR, Busy, ExtractionPool, Failed, PoolSize, Unavailable
from .filters import Filters
from .notices import file_name
from .query import make_filters, search, suggest
from .store import SQLiteStore

WEB_DIR = FsPath(__file__).resolve().parent.parent / "web"
# Room for the multipart boundary and part headers around the file itself.
_FORM_OVERHEAD = 64 * 1024
SUFFIXES = {".txt", ".htm", ".html", ".docx", ".pdf", ".doc"}
_SUFFIX_BY_TYPE = {"text/plain": ".txt", "text/html": ".html", "application/pdf": ".pdf", "application/msword": ".doc",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")
_LIBRARY_TEXT = re.compile(r"\b[A-Z]\w*(?:Error|Exception|EOF|Warning)\b|<string>|\.py\b|Traceback")
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                               " form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_RAW_HEADERS = [(k.lower().encode(), v.encode()) for k, v in _HEADERS.items()]
BODY_IDLE_SECONDS = 10.0  # a client that sends nothing of its body for this long is cut off (408)
BODY_TOTAL_SECONDS = 120.0  # nor may a body take longer than this to arrive, however it trickles
EXPORT_ROWS = 10_000
TOTAL_HEADER = "X-Total-Count"
log = logging.getLogger("tongbao.api")

_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"  # a NUL or control character in a query is the client's error (422)
UnitQuery = Annotated[str, Query(min_length=1, max_length=100, pattern=_PRINTABLE,
                                 description="A unit name: full, short, traditional or abbreviated; a region may"
                                             " open it (甘州区三闸镇).")]
Region = Annotated[str | None, Query(max_length=50, pattern=_PRINTABLE,
                                     description="Keep notices or units of this region only.")]
Exact = Annotated[str | None, Query(max_length=200, pattern=_PRINTABLE)]
Year = Annotated[int | None, Query(ge=1900, le=2100, description="Keep notices dated in this year.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many first.")]
DocumentId = Annotated[str, Path(pattern="^[0-9a-f]{64}$", description="sha256 of the notice's bytes.")]


def _filters(since: dt.date | None = None, until: dt.date | None = None, region: Region = None,
             issuer: Annotated[str | None, Query(max_length=200, pattern=_PRINTABLE,
                                                 description="Keep notices of this issuer (exact).")] = None,
             category: Annotated[str | None, Query(max_length=200, pattern=_PRINTABLE,
                                                   description="Keep findings of this category (exact).")] = None,
             year: Year = None) -> Filters:
    return make_filters(since, until, region, issuer=issuer, category=category, year=year)


FiltersParam = Annotated[Filters, Depends(_filters)]


class _Index:
    """The store, opened on first use and closed with the app's lifespan, so a second lifespan reopens it."""

    def __init__(self, path: str | FsPath):
        self.path = path
        self._store: SQLiteStore | None = None
        self._lock = threading.Lock()

    def __call__(self) -> SQLiteStore:
        with self._lock:
            if self._store is None:
                self._store = SQLiteStore(self.path)
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def create_app(db_path: str | FsPath, *, max_upload: int | None = None, pool: PoolSize = PoolSize(),
               extractor: str = DEFAULT_EXTRACTOR, seconds: float | None = None, start_workers: bool = False,
               body_idle: float = BODY_IDLE_SECONDS, body_total: float = BODY_TOTAL_SECONDS) -> FastAPI:
    """The app over one index file; the OpenAPI description is at /openapi.json.

    Uploads are extracted by `pool.workers` processes with `pool.queue` more waiting (then 429), each file
    within `seconds` (default: the limits in force, TONGBAO_MAX_SECONDS); `start_workers` starts them with
    the app instead of at the first upload."""
    if max_upload is None:
        from ..limits import current_limits

        max_upload = current_limits().max_upload_bytes
    index = _Index(db_path)
    index()  # opened now, so a path that cannot hold an index fails here and not at the first request
    extraction = ExtractionPool(pool, extractor, seconds)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        if start_workers:
            extraction.start()
        yield
        await asyncio.to_thread(extraction.shutdown)
        index.close()

    # The bundled /docs pages load their scripts from a CDN, so they are switched off.
    app = FastAPI(title="tongbao", version="0.2.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Search findings of Chinese government notices (通报) by unit name.")
    app.state.extraction = extraction
    app.add_middleware(_BodyLimit, limit=max_upload + _FORM_OVERHEAD, paths={"/api/extract"})
    app.add_middleware(_BodyTimeout, idle=body_idle, total=body_total)
    app.add_middleware(_SecurityHeaders)

    @app.get("/api/stats", response_model=Stats, summary="How many notices, documents, units and findings the index holds")
    def stats():
        return index().stats()

    @app.get("/api/units", response_model=list[Unit], summary="Units matching a query, best first")
    def units(q: UnitQuery, region: Region = None, limit: Annotated[int, Query(ge=1, le=50)] = 10, offset: Offset = 0):
        return suggest(index(), q, make_filters(region=region), limit, offset)

    @app.get("/api/problems", response_model=list[Finding], summary="A unit's findings, newest first",
             responses={200: {"headers": {TOTAL_HEADER: {"description": "findings in all pages",
                                                         "schema": {"type": "integer"}}}}})
    def problems(response: Response, unit: UnitQuery, filters: FiltersParam,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 1000, offset: Offset = 0):
        """When `unit` names no indexed unit, findings whose text contains it are returned instead.
        Copies of one notice count once; each finding lists the notice's copies in `sources`."""
        result = search(index(), unit, filters, limit, offset)
        response.headers[TOTAL_HEADER] = str(result.total)
        return result.findings

    @app.get("/api/search", response_model=SearchPage, summary="A page of a unit's findings with facet counts")
    def search_page(q: UnitQuery, filters: FiltersParam, limit: Annotated[int, Query(ge=1, le=200)] = 50,
                    offset: Offset = 0):
        result = search(index(), q, filters, limit, offset, with_facets=True)
        return {"query": result.query, "units": result.units, "region": result.region, "total": result.total,
                "notices": result.notices, "limit": limit, "offset": offset, "findings": result.findings,
                "facets": result.facets}

    @app.get("/api/export", summary="A search's findings as CSV or JSON Lines, to download",
             response_class=Response, responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}})
    def export_findings(q: UnitQuery, filters: FiltersParam, format: Literal["csv", "jsonl"] = "csv",  # noqa: A002
                        limit: Annotated[int, Query(ge=1, le=EXPORT_ROWS)] = EXPORT_ROWS, offset: Offset = 0):
        result = search(index(), q, filters, limit, offset)
        return Response("".join(export.lines(result.findings, format)), media_type=export.MEDIA_TYPES[format],
                        headers={"Content-Disposition": f'attachment; filename="findings.{format}"',
                                 TOTAL_HEADER: str(result.total)})

    @app.get("/api/notices", response_model=list[NoticeSummary], summary="Notices, newest first, one per notice",
             responses={200: {"headers": {TOTAL_HEADER: {"description": "notices in all pages",
                                                         "schema": {"type": "integer"}}}}})
    def notices(response: Response, filters: FiltersParam, limit: Annotated[int, Query(ge=1, le=200)] = 20,
                offset: Offset = 0):
        total, page = index().notices(filters, limit, offset)
        response.headers[TOTAL_HEADER] = str(total)
        return page

    @app.get("/api/notices/{doc_id}", response_model=NoticeSummary, responses={404: {"model": Error}},
             summary="The notice a document is a copy of, with all its copies")
    def notice(doc_id: DocumentId):
        found = index().notice(doc_id)
        if found is None:
            raise HTTPException(404, "no document with this id")
        return found

    @app.get("/api/facets", response_model=Facets, summary="Notices counted by region, issuer, year and category")
    def facets(filters: FiltersParam, limit: Annotated[int, Query(ge=1, le=200)] = 20):
        return index().facets(filters, limit)

    @app.get("/api/documents/{doc_id}", summary="One indexed document's JSON (schemas/notice.schema.json)",
             responses={404: {"model": Error}})
    def document(doc_id: DocumentId) -> dict:
        doc = index().get(doc_id)
        if doc is None:
            raise HTTPException(404, "no document with this id")
        source = doc.get("source") or {}
        if source.get("path"):
            # The path it was indexed from is the server's business; its file name is enough.
            source["path"] = file_name(source["path"])
        return doc

    @app.post("/api/extract", summary="Parse an uploaded notice without storing it", response_class=Response,
              responses={200: {"content": {"application/json": {}}, "description": "The document JSON"},
                         **{status: {"model": Error} for status in (413, 415, 422, 429, 503, 504)}})
    async def extract(file: Annotated[UploadFile, File(description="The notice: .txt, .html, .docx or .pdf")]):
        """Extracted in a worker process within the time limit (504 past it); 429 when the workers and their
        queue are all taken."""
        name = upload_name(file.filename, file.content_type)
        data = await file.read(max_upload + 1)
        if len(data) > max_upload:
            raise HTTPException(413, f"the file is larger than {max_upload} bytes")
        try:
            body = await asyncio.wrap_future(extraction.submit(name, data))
        except Busy:
            return JSONResponse({"detail": "too many uploads are being extracted; try again shortly"}, 429,
                                headers={"Retry-After": "5"})
        except Unavailable as error:
            log.error("extraction is unavailable: %s", error)
            raise HTTPException(503, "extraction is unavailable; try again later") from None
        except Failed as failure:
            log.error("extraction failed for an upload:\n%s", failure)
            raise HTTPException(500, "the notice could not be processed") from None
        except TongbaoError as error:
            if isinstance(error, InvalidOutput):
                log.error("extraction produced invalid output for an upload: %s", error)
                raise HTTPException(500, "the notice could not be processed") from None
            raise HTTPException(_status(error), f"{public_reason(error)} [{error.code}]") from None
        return Response(body, media_type="application/json")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


def upload_name(filename: str | None, content_type: str | None) -> str:
    """A bare file name with a supported suffix: the reader goes by the suffix and never opens the name."""
    base = FsPath(_UNSAFE_NAME.sub("", (filename or "").replace("\\", "/").rsplit("/", 1)[-1])[-100:])
    if base.suffix.lower() in SUFFIXES:
        return f"{base.stem}{base.suffix.lower()}"
    suffix = _SUFFIX_BY_TYPE.get((content_type or "").split(";")[0].strip().lower())
    if suffix is None:
        raise HTTPException(415, "unsupported file type: send a .txt, .html, .docx or .pdf notice")
    return f"upload{suffix}"


def public_reason(error: TongbaoError) -> str:
    """The error's reason, unless a library's exception text made its way into it (PDFSyntaxError: …,
    '(<string>, line 1)'): the client then gets the plain words for the error's kind."""
    if _LIBRARY_TEXT.search(error.reason):
        return error.slug.replace("-", " ")
    return error.reason


def _status(error: TongbaoError) -> int:
    if isinstance(error, TooLarge):
        return 413
    if isinstance(error, (UnsupportedFormat, LegacyFormat)):
        return 415
    if isinstance(error, Timeout):
        return 504
    return 422


class _SecurityHeaders:
    """The same headers on every answer, errors included (plain ASGI: no per-request task as BaseHTTPMiddleware)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in _RAW_HEADERS}
                message["headers"] = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] += _RAW_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


class _BodyLimit:
    """Refuses an oversized request body as it streams in, whatever its Content-Length says."""

    def __init__(self, app, limit: int, paths: set[str]):
        self.app, self.limit, self.paths = app, limit, paths

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] not in self.paths:
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            response = JSONResponse({"detail": f"the upload is larger than {self.limit} bytes"}, 413)
            return await response(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, f"the upload is larger than {self.limit} bytes")
            return message

        await self.app(scope, counted, send)


class _BodyTimeout:
    """A client that declares more body than it sends is cut off: 408, and the connection is closed.

    Each part of the body must come within `idle` seconds of the last, and the whole within `total`. Any
    answer sent before the body is in closes the connection, or the rest of the body could hold it open."""

    def __init__(self, app, idle: float, total: float):
        self.app, self.idle, self.total = app, idle, total

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        complete = headers.get(b"content-length", b"0") in (b"", b"0") and b"transfer-encoding" not in headers
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.total

        async def timed():
            nonlocal complete
            if complete:  # the body is in; later receives wait for a disconnect, which has no deadline
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(0.0, min(self.idle, deadline - loop.time())))
            except TimeoutError:
                raise HTTPException(408, "the request body did not arrive in time") from None
            complete = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        async def closing(message):
            if message["type"] == "http.response.start" and not complete:
                message["headers"] = [*(h for h in message.get("headers", []) if h[0].lower() != b"connection"),
                                      (b"connection", b"close")]
            await send(message)

        await self.app(scope, timed, closing)
