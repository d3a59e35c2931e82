"""Returning freed heap pages: done where glibc offers it, a quiet no-op elsewhere."""
from __future__ import annotations

import platform

from extract import memory


def test_freed_pages_are_returned_where_glibc_can_do_it():
    on_glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert memory.release_free_memory() is on_glibc
    assert memory.release_free_memory() is on_glibc  # and again: nothing is consumed


def test_without_malloc_trim_nothing_is_done(monkeypatch):
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    assert memory.release_free_memory() is False
