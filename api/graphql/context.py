"""What every resolver gets as ``info.context``: the request's session and its DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import strawberry
from starlette.requests import Request
from starlette.websockets import WebSocket

from api.graphql.loaders import Loaders, RequestDb
from schema.settings import Settings

__all__ = ["Context", "Info", "RequestDb"]


@dataclass(slots=True)
class Context:
    request: Request | WebSocket
    db: RequestDb
    loaders: Loaders
    settings: Settings


Info: TypeAlias = strawberry.Info[Context, None]
