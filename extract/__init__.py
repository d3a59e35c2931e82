"""tongbao: turn Chinese government notices (通报) into structured, searchable data.

The public API is small on purpose: read a file, get its normalised text or its document JSON.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._alias import bind_other_name

bind_other_name(__name__)  # before any submodule loads: `import extract` (deprecated) gives these same modules

from .errors import TongbaoError  # noqa: E402

if TYPE_CHECKING:
    from .text.normalise import Normalised

SCHEMA_VERSION = "1.1"

__all__ = [
    "SCHEMA_VERSION",
    "Normalised",
    "TongbaoError",
    "extract_file",
    "extract_text",
    "extract_text_of",
    "normalise",
    "schema",
    "validate",
]


def __getattr__(name: str):
    """Import the pipeline on first use, so `import tongbao` and the CLI start fast."""
    if name in ("extract_file", "extract_text", "read_and_normalise"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("normalise", "Normalised"):
        from .text import normalise as module

        return getattr(module, name)
    raise AttributeError(name)


def extract_text_of(path, data: bytes | None = None) -> Normalised:
    """The normalised text of a file, with offsets, script, repairs and warnings."""
    from .pipeline import read_and_normalise

    return read_and_normalise(path, data)[1]


def schema() -> dict:
    """The JSON Schema every document validates against."""
    import json
    from importlib import resources

    return json.loads(resources.files(__name__).joinpath("data", "notice.schema.json").read_text("utf-8"))


def validate(document: dict) -> None:
    """Raise jsonschema.ValidationError when a document breaks the output contract."""
    import jsonschema

    jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker()).validate(document)
