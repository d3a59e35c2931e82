"""--redact: personal names and phone numbers replaced in every output field that can hold them."""
from __future__ import annotations

import regex

_PHONE_AFTER_LABEL = regex.compile(r"(?:电话|手机|传真|热线)\s*[:]?\s*(?P<phone>[\d][\d\-— ]{5,18}\d)")
_MOBILE = regex.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_MASK_NAME = "某某"
_MASK_PHONE = "***"


def _secrets(document: dict) -> list[str]:
    """Contact names and phones, and any number written after 电话/手机 or shaped like a mobile."""
    found = {c[key] for c in document.get("contacts", []) for key in ("name", "phone") if c.get(key)}
    text = document.get("text") or ""
    found |= {m.group("phone") for m in _PHONE_AFTER_LABEL.finditer(text)}
    found |= {m.group(0) for m in _MOBILE.finditer(text)}
    return sorted(found, key=len, reverse=True)


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
