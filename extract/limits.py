"""Resource limits in one place, so hostile files meet the same bounds in the CLI, the batch and the API."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from functools import lru_cache

__all__ = ["Limits", "DEFAULT_LIMITS", "ENV_PREFIX", "current_limits"]

ENV_PREFIX = "TONGBAO_"
_SUFFIXES = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one file may cost; every one is overridable as TONGBAO_<FIELD NAME IN CAPITALS>."""

    max_bytes: int = 64 << 20  # bytes of one file or archive member, as stored
    max_pdf_pages: int = 500  # pages read from one PDF
    max_member_bytes: int = 64 << 20  # inflated bytes of one archive member or .docx part
    max_seconds: float = 120.0  # wall time for one file (batch worker processes)
    max_upload_bytes: int = 10 << 20  # bytes of one HTTP upload
    regex_timeout: float = 5.0  # seconds one `regex` call may run in the backtracking audit of tests/test_hostile.py

    def __post_init__(self) -> None:
        for f in fields(self):
            if not getattr(self, f.name) > 0:
                raise ValueError(f"limit {f.name} must be positive, not {getattr(self, f.name)!r}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, base: Limits | None = None) -> Limits:
        """`base` (the defaults) with every TONGBAO_* variable that is set applied on top."""
        environ = os.environ if environ is None else environ
        changes = {}
        for f in fields(cls):
            name = ENV_PREFIX + f.name.upper()
            if environ.get(name, "").strip():
                changes[f.name] = _parse(name, environ[name], float if f.type in (float, "float") else int)
        return replace(base or DEFAULT_LIMITS, **changes)


def _parse(name: str, raw: str, kind: type) -> int | float:
    """`64M`, `1_000_000`, `2.5`: a misspelt limit is an error, never silently the default."""
    text = raw.strip().lower().replace("_", "")
    scale = _SUFFIXES.get(text[-1:], 1) if kind is int else 1
    number = text[:-1] if scale > 1 else text
    try:
        return kind(float(number) * scale) if kind is float else int(number) * scale
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a {'number' if kind is float else 'whole number'}") from None


DEFAULT_LIMITS = Limits()


_VARIABLES = tuple(ENV_PREFIX + f.name.upper() for f in fields(Limits))


# The names as os.environ keeps them in its own dict (encoded), which current_limits reads directly: os.environ.get
# encodes a name and decodes its value in Python, six of them about 6 µs a call, and every file read asks.
_ENCODED = tuple(map(os.environ.encodekey, _VARIABLES))


def current_limits() -> Limits:
    """The limits in force now: defaults overridden by the environment (read on every call, parsed
    once per distinct setting: every file read asks)."""
    return _limits_for(tuple(map(os.environ._data.get, _ENCODED)))


@lru_cache(maxsize=16)
def _limits_for(values: tuple[bytes | str | None, ...]) -> Limits:
    return Limits.from_env({name: os.environ.decodevalue(value)
                            for name, value in zip(_VARIABLES, values) if value is not None})
