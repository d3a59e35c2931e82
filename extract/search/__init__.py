"""Search past findings by unit name: an index of documents, name resolution, CLI, HTTP API and web page."""
from __future__ import annotations

from .query import SearchResult, make_filters, search, suggest
from .resolve import resolve_units
from .store import Filters, SQLiteStore, Store

__all__ = ["Filters", "SQLiteStore", "SearchResult", "Store", "make_filters", "resolve_units", "search", "suggest"]
