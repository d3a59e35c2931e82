"""The lexicon cache: what it loads equals what parsing gives, and a bad or unwritable cache only costs time."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import jieba
import pytest

from extract.text import lexicon

DICTIONARY = Path(jieba.__file__).with_name("dict.txt")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("TONGBAO_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cached_tables_equal_parsed_ones(cache):
    words, chars, total = lexicon.parse(DICTIONARY)
    first = lexicon.load(DICTIONARY)  # parses and writes the cache
    assert [p.name.startswith("lexicon-") for p in cache.iterdir()] == [True]
    second = lexicon.load(DICTIONARY)  # reads it
    assert first == second == (words, Counter(chars), total)
    assert second[0]["政府"] >= lexicon.MIN_WORD and second[1]["府"] > second[0]["府"]


def test_a_damaged_cache_is_parsed_again_and_replaced(cache):
    lexicon.load(DICTIONARY)
    [path] = cache.iterdir()
    path.write_bytes(b"\x00not marshal")
    assert lexicon.load(DICTIONARY)[2] == lexicon.parse(DICTIONARY)[2]
    assert path.read_bytes() != b"\x00not marshal"


def test_an_unwritable_cache_directory_still_gives_the_tables(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TONGBAO_CACHE_DIR", str(blocker / "cache"))
    assert lexicon.load(DICTIONARY)[0] == lexicon.parse(DICTIONARY)[0]


def test_another_dictionary_gets_another_cache_file(cache, tmp_path):
    small = tmp_path / "dict.txt"
    small.write_text("政府 500 n\n府 20 n\n", "utf-8")
    assert lexicon.load(small) == ({"政府": 500, "府": 20}, Counter({"府": 520, "政": 500}), 520.0)
    lexicon.load(DICTIONARY)
    assert len(list(cache.iterdir())) == 2


def test_the_dictionary_is_found_where_jieba_keeps_it():
    assert lexicon.jieba_dictionary() == DICTIONARY and DICTIONARY.is_file()


def test_no_home_directory_only_costs_the_cache(monkeypatch):
    monkeypatch.delenv("TONGBAO_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def homeless():
        raise RuntimeError("Could not determine home directory")

    monkeypatch.setattr(lexicon.Path, "home", staticmethod(homeless))
    assert lexicon.load(DICTIONARY)[2] == lexicon.parse(DICTIONARY)[2]


def test_an_interrupted_write_leaves_no_temporary_file(cache, monkeypatch):
    def interrupted(value):
        raise KeyboardInterrupt

    monkeypatch.setattr(lexicon.marshal, "dumps", interrupted)
    with pytest.raises(KeyboardInterrupt):
        lexicon.load(DICTIONARY)
    assert list(cache.iterdir()) == []
