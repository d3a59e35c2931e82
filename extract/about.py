"""What `tongbao info` reports: versions, where the cache lives, which optional tools are found, the limits in force."""
from __future__ import annotations

import platform
import shutil
import sys
from dataclasses import fields
from importlib import metadata
from pathlib import Path

from . import SCHEMA_VERSION
from .limits import DEFAULT_LIMITS, ENV_PREFIX, current_limits

LIBRARIES = ("opencc", "pypdfium2", "pdfplumber", "pdfminer.six", "python-docx", "regex", "ahocorasick-rs",
             "charset-normalizer", "selectolax", "pypinyin", "jieba", "PyYAML", "jsonschema", "click", "pyarrow")
EXTRAS = {"serve": ("fastapi", "uvicorn", "python-multipart"), "dask": ("dask", "distributed")}
LIBREOFFICE = ("soffice", "libreoffice")  # what the legacy reader looks for
CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _found(names: tuple[str, ...]) -> str | None:
    return next((path for name in names if (path := shutil.which(name))), None)


def about() -> dict:
    """Everything `tongbao info` shows, as plain data."""
    from .batch.writer import tool_version
    from .text.lexicon import cache_dir

    limits = current_limits()
    return {
        "tongbao": tool_version(),
        "schema_version": SCHEMA_VERSION,
        "package": str(Path(__file__).resolve().parent),
        "python": f"{platform.python_version()} ({sys.executable})",
        "platform": platform.platform(),
        "libraries": {name: _version(name) for name in LIBRARIES},
        "extras": {extra: {name: _version(name) for name in names} for extra, names in EXTRAS.items()},
        "cache_dir": str(cache_dir()),
        "libreoffice": _found(LIBREOFFICE),
        "chromium": _found(CHROMIUM),
        "limits": {f.name: {"value": getattr(limits, f.name), "default": getattr(DEFAULT_LIMITS, f.name),
                            "variable": ENV_PREFIX + f.name.upper()} for f in fields(limits)},
    }


def render(facts: dict) -> str:
    """The facts as aligned lines for people."""
    missing = "not installed"
    lines = [f"tongbao {facts['tongbao']} (schema {facts['schema_version']}) at {facts['package']}",
             f"python {facts['python']} on {facts['platform']}", "", "libraries:"]
    lines += [f"  {name:<20} {version or missing}" for name, version in facts["libraries"].items()]
    for extra, versions in facts["extras"].items():
        state = "installed" if all(versions.values()) else f"not installed (pip install 'tongbao[{extra}]')"
        lines.append(f"extra [{extra}]: {state}")
        lines += [f"  {name:<20} {version or missing}" for name, version in versions.items()]
    lines += ["", f"cache directory:     {facts['cache_dir']} (TONGBAO_CACHE_DIR)",
              f"LibreOffice:         {facts['libreoffice'] or 'not found: .doc, .wps and .rtf give E104'}",
              f"Chromium:            {facts['chromium'] or 'not found: the browser test is skipped'}",
              "", "limits in force:"]
    for name, limit in facts["limits"].items():
        changed = "" if limit["value"] == limit["default"] else f" (default {limit['default']})"
        lines.append(f"  {name:<18} {limit['value']}{changed}  [{limit['variable']}]")
    return "\n".join(lines)
