"""GraphQL types of the research views: ``Statement.comparison`` (renderings side by side).

Resolvers hand these types the plain objects of ``api.research``; every field reads the
attribute of the same Python name. The node types they point at (``Article``, ``Outlet``...)
live in ``api.graphql.types``, which imports this module, so they are named lazily here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.graphql.enums import DatePrecision, StatementKind
from api.research.compare import DiffOp

if TYPE_CHECKING:
    from api.graphql.types import Article, Attribution, Outlet

__all__ = ["Comparison", "ComparedRendering", "DiffSegment", "Rendering"]

_TYPES = "api.graphql.types"

strawberry.enum(DiffOp, description="How a run of words differs between two renderings.")


@strawberry.type(
    description="A run of words: the reference's (empty for an insertion) and the "
    "rendering's (empty for a deletion), as written."
)
class DiffSegment:
    op: DiffOp
    reference: str
    rendering: str


@strawberry.type(description="One article's rendering of a statement, with its article and outlet.")
class Rendering:
    attribution_id: int = strawberry.field(description="Row id of the attribution.")
    attribution: Annotated[Attribution, strawberry.lazy(_TYPES)] = strawberry.field(
        description="The attribution, with its offsets into the article text."
    )
    article: Annotated[Article, strawberry.lazy(_TYPES)] = strawberry.field(
        description="The article that carries it: title, url, publication date."
    )
    outlet: Annotated[Outlet, strawberry.lazy(_TYPES)] | None = strawberry.field(
        description="The article's outlet; null when unknown."
    )
    kind: StatementKind = strawberry.field(description="Quoted (DIRECT), paraphrased, or both.")
    content: str = strawberry.field(description="The wording, exactly as in the article.")
    said_on: dt.date | None = strawberry.field(description="The date this article gives.")
    said_precision: DatePrecision | None
    said_on_text: str | None = strawberry.field(
        description="The words the date was resolved from: 'on Monday'."
    )


@strawberry.type(description="A rendering compared word by word with the reference rendering.")
class ComparedRendering(Rendering):
    is_reference: bool = strawberry.field(
        description="True for the reference: the most direct rendering (a direct quote over "
        "a mixed one over a paraphrase; among equals the earliest published)."
    )
    similarity: float = strawberry.field(
        description="How alike its words and the reference's are, 0 to 1 (difflib ratio)."
    )
    diff: list[DiffSegment] = strawberry.field(
        description="Its words against the reference's, in order (case and surrounding "
        "punctuation ignored)."
    )
    added_words: list[str] = strawberry.field(
        description="Words it has that the reference does not, function words left out and "
        "words compared by stem: 'foreign combat forces' reported as 'U.S. forces' adds "
        "'U.S.'. Empty for the reference."
    )
    date_conflict: bool = strawberry.field(
        description="True when its date cannot be the date another rendering gives."
    )


@strawberry.type(description="A statement's renderings side by side.")
class Comparison:
    date_conflict: bool = strawberry.field(
        description="True when two renderings give dates that cannot both be right."
    )
    reference: ComparedRendering | None = strawberry.field(
        description="The most direct rendering, which the others are compared with; null "
        "when nothing reports the statement."
    )
    renderings: list[ComparedRendering] = strawberry.field(
        description="Every rendering: the reference first, then in publication order."
    )
