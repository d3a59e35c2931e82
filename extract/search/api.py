"""The HTTP API and the web page: read-only search over an index, and extraction of an uploaded notice."""
from __future__ import annotations

import datetime as dt
import logging
import re
from contextlib import asynccontextmanager
from pathlib import Path as FsPath
from typing import Annotated

from fastapi import FastAPI, File, HTTPException, Path, Query, UploadFile
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from ..errors import InvalidOutput, LegacyFormat, TongbaoError, TooLarge, UnsupportedFormat
from .query import make_filters, search, suggest
from .store import SQLiteStore

WEB_DIR = FsPath(__file__).resolve().parent.parent / "web"
# Room for the multipart boundary and part headers around the file itself.
_FORM_OVERHEAD = 64 * 1024
SUFFIXES = {".txt", ".htm", ".html", ".docx", ".pdf", ".doc"}
_SUFFIX_BY_TYPE = {"text/plain": ".txt", "text/html": ".html", "application/pdf": ".pdf", "application/msword": ".doc",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                               " form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
log = logging.getLogger("tongbao.api")

_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"  # a NUL or control character in a query is the client's error (422)
UnitQuery = Annotated[str, Query(min_length=1, max_length=100, pattern=_PRINTABLE,
                                 description="A unit name: full, short, traditional or abbreviated.")]
Region = Annotated[str | None, Query(max_length=50, pattern=_PRINTABLE,
                                     description="Keep notices or units of this region only.")]
DocumentId = Annotated[str, Path(pattern="^[0-9a-f]{64}$", description="sha256 of the notice's bytes.")]


class Evidence(BaseModel):
    start: int | None
    end: int | None
    text: str | None


class Deadline(BaseModel):
    date: str | None
    within: dict | None
    action: str | None
    units: list[str]
    evidence: Evidence | None


class Repeat(BaseModel):
    document_id: str
    date: str | None
    title: str | None
    problem: int


class Finding(BaseModel):
    """One problem a notice found with one unit; `repeated_in` is a later notice criticising the same again."""

    unit: str
    document_id: str
    date: str | None
    title: str | None
    issuer: str | None
    problem: int
    category: str | None
    description: str
    section: str | None
    source: str | None
    evidence: Evidence | None
    sentence: str | None
    deadline: Deadline | None
    repeated_in: Repeat | None


class Unit(BaseModel):
    name: str
    type: str | None
    documents: int
    findings: int
    latest: str | None
    issuers: list[str]


class Error(BaseModel):
    detail: str


def create_app(db_path: str | FsPath, *, max_upload: int | None = None) -> FastAPI:
    """The app over one index file; the OpenAPI description is at /openapi.json."""
    if max_upload is None:
        from ..limits import current_limits

        max_upload = current_limits().max_upload_bytes
    store = SQLiteStore(db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    # The bundled /docs pages load their scripts from a CDN, so they are switched off.
    app = FastAPI(title="tongbao", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Search findings of Chinese government notices (通报) by unit name.")
    app.add_middleware(_BodyLimit, limit=max_upload + _FORM_OVERHEAD, paths={"/api/extract"})

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        response.headers.update(_HEADERS)
        return response

    @app.get("/api/units", response_model=list[Unit], summary="Units matching a query, best first")
    def units(q: UnitQuery, region: Region = None, limit: Annotated[int, Query(ge=1, le=50)] = 10):
        return suggest(store, q, make_filters(region=region), limit)

    @app.get("/api/problems", response_model=list[Finding], summary="A unit's findings, newest first")
    def problems(unit: UnitQuery, since: dt.date | None = None, until: dt.date | None = None, region: Region = None):
        """When `unit` names no indexed unit, findings whose text contains it are returned instead."""
        return search(store, unit, make_filters(since, until, region)).findings

    @app.get("/api/documents/{doc_id}", summary="One indexed document's JSON (schemas/notice.schema.json)",
             responses={404: {"model": Error}})
    def document(doc_id: DocumentId) -> dict:
        doc = store.get(doc_id)
        if doc is None:
            raise HTTPException(404, "no document with this id")
        source = doc.get("source") or {}
        if source.get("path"):
            # The path it was indexed from is the server's business; its file name is enough.
            source["path"] = FsPath(source["path"]).name
        return doc

    @app.post("/api/extract", summary="Parse an uploaded notice without storing it",
              responses={413: {"model": Error}, 415: {"model": Error}, 422: {"model": Error}})
    def extract(file: Annotated[UploadFile, File(description="The notice: .txt, .html, .docx or .pdf")]) -> dict:
        name = upload_name(file.filename, file.content_type)
        data = file.file.read(max_upload + 1)
        if len(data) > max_upload:
            raise HTTPException(413, f"the file is larger than {max_upload} bytes")
        from ..pipeline import extract_file

        try:
            return extract_file(name, data=data)
        except TongbaoError as error:
            if isinstance(error, InvalidOutput):
                log.error("extraction produced invalid output for an upload: %s", error)
                raise HTTPException(500, "the notice could not be processed") from None
            raise HTTPException(_status(error), f"{error.reason} [{error.code}]") from None
        except Exception:
            log.exception("extraction failed for an upload")
            raise HTTPException(500, "the notice could not be processed") from None

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


def _status(error: TongbaoError) -> int:
    if isinstance(error, TooLarge):
        return 413
    if isinstance(error, (UnsupportedFormat, LegacyFormat)):
        return 415
    return 422


class _BodyLimit:
    """Refuses an oversized request body as it streams in, whatever its Content-Length says."""

    def __init__(self, app, limit: int, paths: set[str]):
        self.app, self.limit, self.paths = app, limit, paths

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] not in self.paths:
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            response = JSONResponse({"detail": f"the upload is larger than {self.limit} bytes"}, 413, headers=_HEADERS)
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
