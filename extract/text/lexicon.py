"""jieba's word frequencies as the mojibake repair reads them, kept in a per-user cache between runs.

Parsing jieba's 350,000-line dictionary takes half a second, which every batch, worker and command
that meets a damaged run would pay again; the parsed tables load from the cache in about 15 ms.
The cache is only an optimisation: when it cannot be read or written, the dictionary is parsed.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

MIN_WORD = 50  # rarer jieba words are noise: 遥现 would beat 。现
_FORMAT = 1  # bump when what parse() keeps changes


def cache_dir() -> Path:
    """TONGBAO_CACHE_DIR, else $XDG_CACHE_HOME/tongbao, else ~/.cache/tongbao."""
    if configured := os.environ.get("TONGBAO_CACHE_DIR"):
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tongbao"


def jieba_dictionary() -> Path:
    """jieba's dict.txt, found without importing jieba (its import pulls in pkg_resources: 0.15 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed; its dictionary judges mojibake repairs")
    return Path(spec.origin).with_name("dict.txt")


def parse(dictionary: Path) -> tuple[dict[str, int], dict[str, int], float]:
    """Single characters and words of at least MIN_WORD, each character's frequency summed over the
    words holding it, and the total; dropping the rare words halves the memory a worker needs."""
    words: dict[str, int] = {}
    chars: Counter[str] = Counter()
    total = 0
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq_text = line.split(" ")[:2]
            freq = int(freq_text)
            total += freq
            if len(word) == 1 or freq >= MIN_WORD:
                words[word] = freq
            for ch in word:
                chars[ch] += freq
    return words, dict(chars), float(total)


def _cache_file(dictionary: Path) -> Path:
    """Named after the dictionary's path, size and time and the interpreter: any change parses anew."""
    stat = dictionary.stat()
    key = f"{_FORMAT}|{MIN_WORD}|{dictionary.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{sys.version_info[:2]}"
    return cache_dir() / f"lexicon-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"


def _valid(value) -> bool:
    return (isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], dict)
            and isinstance(value[1], dict) and isinstance(value[2], float))


def load(dictionary: Path) -> tuple[dict[str, int], Counter[str], float]:
    """The parsed dictionary, from the cache when it holds it, else parsed and cached."""
    try:
        path = _cache_file(dictionary)  # no home directory (an arbitrary container UID): RuntimeError
    except (OSError, RuntimeError):
        path = None
    try:
        value = marshal.loads(path.read_bytes()) if path else None
    except (OSError, ValueError, EOFError, TypeError):
        value = None
    if not _valid(value):
        value = parse(dictionary)
        if path:
            _store(path, value)
    words, chars, total = value
    return words, Counter(chars), total


def _store(path: Path, value) -> None:
    """Write the cache atomically (workers may race to it); a failure only costs the next run time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(marshal.dumps(value))
        os.replace(temporary, path)
    except BaseException as error:  # interrupted too: no half-written file stays behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if not isinstance(error, OSError):
            raise
