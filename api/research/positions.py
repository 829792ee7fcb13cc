"""Position history: what an actor (or a set of actors) said on a subject, in date order.

A statement is placed at the date it was said; when that is unknown, at the date it was
first reported (the earliest publication date of the articles that carry it), since it was
said by then. ``date_basis`` says which. Statements with neither date come last; ties go by
statement id.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["DateBasis"]


class DateBasis(StrEnum):
    #: the date it was said
    SAID = "said"
    #: unknown when said: the date it was first reported
    REPORTED = "reported"
