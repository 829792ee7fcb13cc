"""Global ids: base64 of 'Type:rowId', checked for form and, where asked, for type."""

from __future__ import annotations

import pytest

from api.errors import InvalidId
from api.graphql.ids import from_global_id, to_global_id


def test_round_trip() -> None:
    assert to_global_id("Statement", 1) == "U3RhdGVtZW50OjE="
    assert from_global_id("U3RhdGVtZW50OjE=") == ("Statement", 1)
    assert from_global_id(to_global_id("IngestRun", 77), expected="IngestRun") == ("IngestRun", 77)


@pytest.mark.parametrize(
    "bad", ["", "1", "U3RhdGVtZW50", to_global_id("Statement", 0)[:-2], "Og==", "U3RhdGVtZW50Ong="]
)
def test_malformed(bad: str) -> None:
    with pytest.raises(InvalidId):
        from_global_id(bad)


def test_of_another_type() -> None:
    with pytest.raises(InvalidId) as raised:
        from_global_id(to_global_id("Actor", 3), expected="Statement")
    assert raised.value.detail == {"id": "QWN0b3I6Mw==", "type": "Actor", "expected": "Statement"}
