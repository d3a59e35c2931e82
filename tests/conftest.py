"""Shared fixtures: paths into the bundled corpus and a cached document per notice."""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
NOTICES = CORPUS / "notices"
SEED_000 = NOTICES / "000_d97bcc4c5aa47a5e.txt"
SEED_001 = NOTICES / "001_1687689499626dd9.txt"
SEED_002 = NOTICES / "002_9de06cae2ece0565.txt"
SEED_003 = NOTICES / "003_5df64098d028a53d.txt"
SEED_004 = NOTICES / "004_198255f5e13ddda7.txt"


@functools.lru_cache(maxsize=None)
def document(name: str) -> dict:
    """extract_file over a bundled notice, computed once per test session."""
    from extract import extract_file

    return extract_file(NOTICES / name)


@pytest.fixture
def doc():
    return document


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Caches (the mojibake lexicon) go to a directory of this session, not the user's ~/.cache."""
    os.environ["TONGBAO_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
