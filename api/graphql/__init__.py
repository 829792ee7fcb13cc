"""GraphQL at /graphql: strawberry types over the repository, DataLoaders per request."""

from api.graphql.schema import build_schema, print_sdl
from api.graphql.view import GraphQLApp

__all__ = ["GraphQLApp", "build_schema", "print_sdl"]
