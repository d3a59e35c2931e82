"""File names as text: a name that is not valid UTF-8 (a GBK name unpacked on Linux) is shown readably and kept losslessly."""
from __future__ import annotations

import base64
import os


def _part(raw: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "backslashreplace")


def shown_path(path: str | bytes | os.PathLike) -> str:
    """The path as valid Unicode: each part whose bytes are not UTF-8 is read as GB18030, else escaped as \\xNN."""
    text = os.fsdecode(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "/".join(_part(part) for part in os.fsencode(text).split(b"/"))


def path_base64(path: str | bytes | os.PathLike) -> str | None:
    """The path's bytes in base64 when its name is not valid UTF-8, so the very file can be found again."""
    text = os.fsdecode(path)
    try:
        text.encode("utf-8")
        return None
    except UnicodeEncodeError:
        return base64.b64encode(os.fsencode(text)).decode("ascii")
