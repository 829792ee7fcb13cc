"""Resolution must stay cheap next to spaCy's parse (the pipeline's budget is 1.3× a parse)."""

from __future__ import annotations

import time
from pathlib import Path

from seed.entities.actors import ActorResolver
from seed.entities.places import PlaceResolver

SAMPLES = Path(__file__).resolve().parents[3] / "seed" / "samples"


def test_finding_entities_costs_little_next_to_the_parse(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    assert texts
    t = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - t
    actors, places = ActorResolver(gazetteer), PlaceResolver(gazetteer)
    t = time.perf_counter()
    for doc in docs:  # fresh resolvers: nothing cached but the gazetteer
        places.find(doc)
        actors.find(doc)
    resolve = time.perf_counter() - t
    assert resolve < 0.15 * parse, (resolve, parse)


def test_cached_lookups_are_dictionary_hits(actors: ActorResolver, places: PlaceResolver) -> None:
    names = ["Ain al-Asad", "Anbar province", "Syrian-Iraqi borders", "Washington"]
    orgs = [("ISIS", None), ("Popular Mobilization United", "ORG"), ("Hassan Salem", "PERSON")]
    for n in names:
        places.resolve(n)
    for o in orgs:
        actors.resolve(*o)
    t = time.perf_counter()
    for _ in range(1000):
        for n in names:
            places.resolve(n)
        for o in orgs:
            actors.resolve(*o)
    per_call = (time.perf_counter() - t) / (1000 * (len(names) + len(orgs)))
    assert per_call < 50e-6, per_call
