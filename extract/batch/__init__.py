"""Batch conversion of archives into datasets: JSON lines and Parquet, resumable, local or on Dask."""
from __future__ import annotations

__all__ = ["Summary", "run_batch"]


def __getattr__(name: str):
    """Import lazily: worker processes import this package and must not pay for pyarrow."""
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(name)
