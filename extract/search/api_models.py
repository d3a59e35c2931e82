"""The shapes of the HTTP API's answers, as /openapi.json describes them."""
from __future__ import annotations

from pydantic import BaseModel


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


class Source(BaseModel):
    """One copy of a notice: the primary copy is the one whose findings the index shows."""

    document_id: str
    file: str | None
    format: str | None
    primary: bool


class Finding(BaseModel):
    """One problem a notice found with one unit; `repeated_in` is a later notice criticising the same again."""

    unit: str
    document_id: str
    date: str | None
    title: str | None
    issuer: str | None
    region: str | None
    problem: int
    category: str | None
    description: str
    section: str | None
    source: str | None
    evidence: Evidence | None
    sentence: str | None
    deadline: Deadline | None
    repeated_in: Repeat | None
    sources: list[Source]


class Unit(BaseModel):
    name: str
    type: str | None
    documents: int  # notices, each counted once however many copies were indexed
    findings: int
    latest: str | None
    issuers: list[str]


class FacetValue(BaseModel):
    value: str
    label: str
    count: int


class Facets(BaseModel):
    region: list[FacetValue]
    issuer: list[FacetValue]
    year: list[FacetValue]
    category: list[FacetValue]
    quarter: list[FacetValue] = []  # a search's findings per quarter (2021-Q2), oldest first, for its timeline


class SearchPage(BaseModel):
    """One page of a search, with what describes all of it: totals and facet counts."""

    query: str
    units: list[str]
    region: str | None
    total: int
    notices: int
    limit: int
    offset: int
    findings: list[Finding]
    facets: Facets


class NoticeSummary(BaseModel):
    """A notice as its primary copy describes it, with every copy in `sources`."""

    id: str
    title: str | None
    date: str | None
    issuer: str | None
    doc_number: str | None
    region: str | None
    region_path: str | None
    units: int
    problems: int
    sources: list[Source]


class Stats(BaseModel):
    notices: int
    documents: int
    units: int
    problems: int
    counts: int
    deadlines: int


class Error(BaseModel):
    detail: str
