"""The compiled path of GraphQL: hot queries answered by one SQL statement per root field.

A document is parsed and validated once (``documents``); an operation that reads only columns,
relations (to-one, lists, links) and root connections in id order (searched or not) or lookups
by id is planned (``plan``) against the tables of its types (``registry``) and written as SQL
that builds each node's JSON in the database (``sql``); the engine (``engine``) runs it and
writes the response without parsing that JSON. Anything else — resolvers of their own
(comparisons, positions, timelines, search snippets), filters, other orders (relevance
included), directives, invalid arguments, errors — is answered by the strawberry resolvers,
with the same JSON for the same query.
"""

from api.graphql.compiled.engine import CompiledQueries

__all__ = ["CompiledQueries"]
