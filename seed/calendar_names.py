"""Month and weekday names as news text writes them, lower-cased: full names and the
abbreviations datelines and dates use ("Sept", "Nov")."""

from __future__ import annotations

#: month name or abbreviation → month number
MONTHS: dict[str, int] = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}  # fmt: skip
#: weekday name → its number, Monday 0
WEEKDAYS: dict[str, int] = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}  # fmt: skip
