"""--redact: personal names and phone numbers replaced in every output field that can hold them."""
from __future__ import annotations

import regex

_PHONE_AFTER_LABEL = regex.compile(
    r"(?:电话|手机|传真|热线|联系方式)\s*[:]?\s*(?P<phone>\d[\d\-— ]{5,18}\d(?:[、,/]\d[\d\-— ]{5,18}\d){0,5})")
_MOBILE = regex.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_MASK_NAME = "某某"
_MASK_PHONE = "***"


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def _secrets(document: dict) -> list[str]:
    """Contact names and phones, and any number written after 电话/手机 or shaped like a mobile,
    looked for in every string of the document (the text may have been left out)."""
    found = {c[key] for c in document.get("contacts", []) for key in ("name", "phone") if c.get(key)}
    for text in _strings(document):
        for match in _PHONE_AFTER_LABEL.finditer(text):
            found |= set(regex.split(r"[、,/]", match.group("phone")))
        found |= {m.group(0) for m in _MOBILE.finditer(text)}
    return sorted((s.strip() for s in found if s.strip()), key=len, reverse=True)


def redact_document(document: dict) -> dict:
    """Mask contact names and phone numbers; masks keep lengths so offsets stay valid."""
    secrets = _secrets(document)

    def mask(text: str) -> str:
        for secret in secrets:
            text = text.replace(secret, ("某" if not secret[0].isdigit() else "*") * len(secret))
        return text

    def walk(value, key=None):
        if isinstance(value, str):
            return value if key in ("id", "sha256", "path", "date") else mask(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        return value

    redacted = walk(document)
    redacted["contacts"] = [{"name": _MASK_NAME if c.get("name") else None,
                             "phone": _MASK_PHONE if c.get("phone") else None}
                            for c in document.get("contacts", [])]
    return redacted


def extract_file_redacted(path, data: bytes | None = None) -> dict:
    """extract_file with redaction, for `tongbao batch --redact` (workers import it by name)."""
    from .pipeline import extract_file

    return redact_document(extract_file(path, data))
