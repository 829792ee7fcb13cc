"""``schema`` and ``seed`` are also names of PyPI packages: the imported ones must be ours."""

from pathlib import Path

import schema
import seed

REPO = Path(__file__).resolve().parent.parent


def test_schema_is_dictas_own() -> None:
    assert schema.DICTA_PACKAGE == "schema"
    assert Path(schema.__file__).resolve().parent == REPO / "schema"
    assert hasattr(schema, "Statement") and hasattr(schema, "Attribution")


def test_seed_is_dictas_own() -> None:
    assert seed.DICTA_PACKAGE == "seed"
    assert Path(seed.__file__).resolve().parent == REPO / "seed"
