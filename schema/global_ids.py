"""Global object ids: the base64 of ``"Type:rowId"`` (``U3RhdGVtZW50OjE=`` is Statement 1).

Made here, beside the tables, because the database makes them too: SQLite's
``dicta_global_id`` SQL function (``schema.db``) calls :func:`to_global_id`."""

from __future__ import annotations

import base64


def to_global_id(type_name: str, row_id: int) -> str:
    return base64.b64encode(f"{type_name}:{row_id}".encode()).decode("ascii")
