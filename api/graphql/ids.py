"""Global object ids: the base64 of ``"Type:rowId"`` (``U3RhdGVtZW50OjE=`` is Statement 1),
made by :func:`schema.global_ids.to_global_id` and read back here."""

from __future__ import annotations

import base64
import binascii

from api.errors import InvalidId
from schema.global_ids import to_global_id

__all__ = ["from_global_id", "to_global_id"]


def from_global_id(global_id: str, *, expected: str | None = None) -> tuple[str, int]:
    """``(type name, row id)`` of a global id; raises InvalidId when it is not one, or when it
    names another type than ``expected``."""
    try:
        type_name, _, row = base64.b64decode(global_id, validate=True).decode().partition(":")
    except (ValueError, UnicodeError, binascii.Error):
        type_name, row = "", ""
    if not (type_name and row.isascii() and row.isdigit()):
        raise InvalidId(
            f"{global_id!r} is not a global id: use the id field of an object this API returned "
            "(the base64 of 'Type:rowId', e.g. 'U3RhdGVtZW50OjE=' for Statement 1)",
            {"id": global_id},
        )
    if expected is not None and type_name != expected:
        raise InvalidId(
            f"{global_id!r} is the id of {type_name} {row}, but this field takes {expected} "
            f"ids: pass the id field of the {expected} you want, or look any object up with "
            "node(id: ...)",
            {"id": global_id, "type": type_name, "expected": expected},
        )
    return type_name, int(row)
