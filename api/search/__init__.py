"""Full-text search: one query language for SQLite FTS5 and PostgreSQL, and snippets.

``parse_query`` turns what a user typed into a ``SearchQuery`` (or raises
``SearchQueryError``, a 400 ``invalid_search_query`` naming the character at fault); the
repository (``api.repository.search``) runs it. ``Highlighter`` finds the query's words in a
text and cuts a ``Snippet`` around them, with match offsets.
"""

from api.search.query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    And,
    Node,
    Not,
    Or,
    Phrase,
    SearchQuery,
    SearchQueryError,
    Term,
    parse_query,
)
from api.search.snippet import DEFAULT_WIDTH, Highlighter, Snippet, Stemming

__all__ = [
    "DEFAULT_WIDTH",
    "MAX_QUERY_LENGTH",
    "MAX_TERMS",
    "And",
    "Highlighter",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "SearchQuery",
    "SearchQueryError",
    "Snippet",
    "Stemming",
    "Term",
    "parse_query",
]
