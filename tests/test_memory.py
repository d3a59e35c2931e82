"""Returning freed heap pages: done where glibc offers it, a quiet no-op elsewhere."""
from __future__ import annotations

import platform

from extract import extract_text, memory


def test_freed_pages_are_returned_where_glibc_can_do_it():
    on_glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert memory.release_free_memory() is on_glibc
    assert memory.release_free_memory() is on_glibc  # and again: nothing is consumed


def test_without_malloc_trim_nothing_is_done(monkeypatch):
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    assert memory.release_free_memory() is False


def test_the_few_strings_a_long_notice_repeats_are_held_once():
    """Measure words, subjects and section numbers: one object each, not one per finding or section."""
    body = "".join(f"{n}、第{n}部分\n（一）网站\n检查政府网站{k}个，政务新媒体账号{k + 1}个。\n（二）账号\n"
                   for n, k in zip("一二三四五", range(10, 15)))
    document = extract_text("关于政府网站检查情况的通报\n" + body)
    counts = document["counts"]
    assert len(counts) == 10
    assert len({id(c["unit"]) for c in counts}) == 1
    assert len({id(c["subject"]) for c in counts}) == 2
    firsts = [s["children"][0]["number"] for s in document["sections"]]
    assert firsts == ["一"] * 5 and len(set(map(id, firsts))) == 1
