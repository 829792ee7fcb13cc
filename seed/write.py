"""Write stage: the loader's repository, and the only place the loader touches the database.

:func:`write_article` stores one :class:`~seed.records.ExtractedArticle` inside the caller's
transaction (one transaction per article): its outlet, the article, the actors and places it
names (get-or-create, aliases added), its statements (merged with statements already in the
database when they are the same utterance), attributions, co-speakers and mentions.

However many attributions an article holds, it costs a fixed number of SQL statements: each
get-or-create is one lookup per kind of row, and new rows go in with one executemany insert
per table. Writing is deterministic given the database it starts from, so a load that stops
half way and is run again ends with the same rows as one clean run.

Matching rules, in order of strength:

- article: the sha256 of its raw bytes; a known article is left as it is.
- outlet: its name. Fields the database does not know yet are filled in, never overwritten.
- actor: canonical name and kind; else an alias of an actor of the same kind equal to the
  name (or to one of its multi-word aliases) once normalised (:func:`normalize_name`); else,
  for people, a spelling variant (``Mohamed``/``Mohammed``, ``Rasoul``/``Rasul``) of a known
  alias: rapidfuzz ratio ≥ :data:`NAME_SIMILARITY` and word by word the same consonants.
  Anonymous sources match by name only.
- place: GeoNames id or ICAO code; else name, kind and parent; else an alias of a place of
  the same kind and parent.
- statement: the same ``statement_key`` within the article; else the same speaker, dates no
  more than :data:`MERGE_WINDOW_DAYS` apart (an undated rendering counts from the days before
  its article came out; unknown dates do not forbid it), and the same
  words: near-identical (rapidfuzz ratio ≥ :data:`CONTENT_SIMILARITY` on normalised text) or
  saying the same thing by :func:`seed.merge.similarity` (content words aligned one to one,
  near synonyms through word vectors when the caller gives them), the rule ``dicta extract``
  applies across articles. Dates that cannot both be true set ``Statement.date_conflict``;
  each attribution keeps the date its article gives.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz
from sqlalchemy import Table, bindparam, func, null, or_, select, tuple_, union_all, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Select

from schema import (
    Actor,
    ActorAlias,
    ActorKind,
    ActorRole,
    Article,
    Attribution,
    DatePrecision,
    IngestRun,
    IngestStatus,
    Location,
    LocationAlias,
    Outlet,
    Statement,
    StatementActor,
    StatementKind,
    StatementLocation,
    StatementSpeaker,
)
from seed import LOADER_VERSION, merge
from seed.records import (
    ActorRef,
    ArticleMeta,
    ArticleStructure,
    ExtractedArticle,
    ExtractedAttribution,
    LocationRef,
    RawArticle,
)

#: rapidfuzz ratio (0–100) above which two normalised contents are the same utterance
CONTENT_SIMILARITY = 90.0
#: content-word similarity (0–1, :func:`seed.merge.similarity`) for the same utterance
WORDS_SIMILARITY = merge.THRESHOLD
#: rapidfuzz ratio above which two normalised person names are spellings of one name
NAME_SIMILARITY = 90.0
#: how far apart (days) two dates of the same speaker's words may be for one utterance
MERGE_WINDOW_DAYS = merge.MAX_DAYS_APART
#: rows per IN (...) list, well under SQLite's bound-parameter limit
IN_CHUNK = 500

_ACTOR: Table = Actor.__table__  # type: ignore[assignment]
_ALIAS: Table = ActorAlias.__table__  # type: ignore[assignment]
_ROLE: Table = ActorRole.__table__  # type: ignore[assignment]
_ARTICLE: Table = Article.__table__  # type: ignore[assignment]
_ATTRIBUTION: Table = Attribution.__table__  # type: ignore[assignment]
_LOCATION: Table = Location.__table__  # type: ignore[assignment]
_LOCATION_ALIAS: Table = LocationAlias.__table__  # type: ignore[assignment]
_OUTLET: Table = Outlet.__table__  # type: ignore[assignment]
_STATEMENT: Table = Statement.__table__  # type: ignore[assignment]
_STATEMENT_ACTOR: Table = StatementActor.__table__  # type: ignore[assignment]
_STATEMENT_LOCATION: Table = StatementLocation.__table__  # type: ignore[assignment]
_STATEMENT_SPEAKER: Table = StatementSpeaker.__table__  # type: ignore[assignment]

_DIRECTNESS = {StatementKind.DIRECT: 2, StatementKind.MIXED: 1, StatementKind.INDIRECT: 0}


class AlreadyLoaded(Exception):
    """Another writer stored the same article (same sha256) while this one was writing it."""


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What :func:`write_article` did for one article."""

    article_id: int
    new: bool
    statements_new: int = 0
    #: attributions that joined a statement already in the database
    statements_merged: int = 0
    attributions: int = 0
    actors_new: int = 0
    places_new: int = 0
    outlets_new: int = 0
    date_conflicts: int = 0
    repairs: int = 0
    warnings: int = 0


# ---------------------------------------------------------------------------------------------
# normalisation (pure)

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def normalize_name(text: str) -> str:
    """Casefolded, accent- and punctuation-folded form of a name, as stored in
    ``ActorAlias.normalized`` and ``LocationAlias.normalized``: ``"Ayn al-Asad"`` →
    ``"ayn al asad"``; Arabic keeps its letters and loses its vowel marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", stripped.casefold()).split())


def normalize_content(text: str) -> str:
    """Content reduced to its words, for comparing two renderings of one utterance."""
    return normalize_name(text)


def alias_language(alias: str) -> str | None:
    """``"ar"`` for an alias written in Arabic script; otherwise unknown."""
    return "ar" if _ARABIC.search(alias) else None


def date_interval(day: dt.date, precision: DatePrecision | None) -> tuple[dt.date, dt.date]:
    """The days a date of a given precision may mean (``2023-08`` → 1–31 August)."""
    if precision == DatePrecision.YEAR:
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == DatePrecision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return dt.date(day.year, day.month, 1), dt.date(day.year, day.month, last)
    return day, day


def dates_gap(
    a: dt.date, a_precision: DatePrecision | None, b: dt.date, b_precision: DatePrecision | None
) -> int:
    """Days between two dates taken as intervals; 0 when they can be the same day."""
    a_lo, a_hi = date_interval(a, a_precision)
    b_lo, b_hi = date_interval(b, b_precision)
    if a_hi < b_lo:
        return (b_lo - a_hi).days
    if b_hi < a_lo:
        return (a_lo - b_hi).days
    return 0


_PRECISION_RANK = {None: 3, DatePrecision.DAY: 3, DatePrecision.MONTH: 2, DatePrecision.YEAR: 1}


@dataclass(slots=True)
class _DateState:
    said_on: dt.date | None
    precision: DatePrecision | None
    conflict: bool

    def add(self, said_on: dt.date | None, precision: DatePrecision | None) -> None:
        """Fold one attribution's date in: refine when compatible, flag when not."""
        if said_on is None:
            return
        if self.said_on is None:
            self.said_on, self.precision = said_on, precision
        elif dates_gap(self.said_on, self.precision, said_on, precision) > 0:
            self.conflict = True
        elif _PRECISION_RANK[precision] > _PRECISION_RANK[self.precision]:
            self.said_on, self.precision = said_on, precision


# ---------------------------------------------------------------------------------------------
# ingest runs and article lookups


async def start_run(session: AsyncSession, loader_version: str, files: list[str]) -> int:
    run = IngestRun(
        started_at=dt.datetime.now(dt.UTC),
        loader_version=loader_version,
        status=IngestStatus.RUNNING,
        files=files,
        counts={},
        errors=[],
    )
    session.add(run)
    await session.flush()
    return run.id


async def finish_run(
    session: AsyncSession,
    run_id: int,
    counts: dict[str, Any],
    errors: list[dict[str, Any]],
    *,
    aborted: bool = False,
) -> IngestStatus:
    """Close an ingest run with its counts and per-file errors; returns its final status."""
    run = await session.get_one(IngestRun, run_id)
    run.finished_at = dt.datetime.now(dt.UTC)
    run.counts = counts
    run.errors = errors
    loaded = counts.get("articles_new", 0) or counts.get("articles_existing", 0)
    if aborted:
        run.status = IngestStatus.FAILED
    elif not errors:
        run.status = IngestStatus.SUCCEEDED
    elif loaded:
        run.status = IngestStatus.PARTIAL
    else:
        run.status = IngestStatus.FAILED
    return run.status


async def loaded_hashes(session: AsyncSession, sha256s: Iterable[str]) -> set[str]:
    """Which of these raw-byte hashes are already stored as articles."""
    wanted = sorted(set(sha256s))
    found: set[str] = set()
    for chunk in _chunks(wanted):
        rows = await session.scalars(
            select(_ARTICLE.c.raw_sha256).where(_ARTICLE.c.raw_sha256.in_(chunk))
        )
        found.update(rows)
    return found


async def article_exists(session: AsyncSession, sha256: str) -> bool:
    found = await session.scalar(select(_ARTICLE.c.id).where(_ARTICLE.c.raw_sha256 == sha256))
    return found is not None


# ---------------------------------------------------------------------------------------------
# the article writer


async def write_article(
    session: AsyncSession,
    run_id: int | None,
    article: ExtractedArticle | RawArticle,
    *,
    extractor_version: str = LOADER_VERSION,
    vectors: merge.Vectors | None = None,
) -> WriteResult:
    """Store ``article`` and everything extracted from it in the session's transaction.

    ``vectors`` (word → vector, e.g. spaCy's) lets near synonyms count when comparing a
    statement with those already stored ("forces"/"troops"). A known article (same sha256) is
    left untouched and reported with ``new=False``. Raises :class:`AlreadyLoaded` when a
    concurrent writer stores the same article first; the caller rolls the transaction back.
    """
    if isinstance(article, RawArticle):
        article = ExtractedArticle(raw=article, structure=ArticleStructure(), meta=ArticleMeta())
    existing = await session.scalar(
        select(_ARTICLE.c.id).where(_ARTICLE.c.raw_sha256 == article.raw.sha256)
    )
    if existing is not None:
        return WriteResult(article_id=existing, new=False)
    return await _ArticleWriter(session, run_id, article, extractor_version, vectors).write()


@dataclass(slots=True)
class _ActorDraft:
    name: str
    kind: ActorKind
    aliases: dict[str, None] = field(default_factory=dict)  # ordered set
    description: str | None = None
    wikidata_id: str | None = None
    refs: list[ActorRef] = field(default_factory=list)

    def absorb(self, ref: ActorRef) -> None:
        self.refs.append(ref)
        self.aliases.setdefault(ref.name)
        for alias in ref.aliases:
            if alias.strip():
                self.aliases.setdefault(alias.strip())
        self.description = self.description or ref.description
        self.wikidata_id = self.wikidata_id or ref.wikidata_id


@dataclass(slots=True)
class _ActorRow:
    id: int
    name: str
    kind: ActorKind
    description: str | None
    wikidata_id: str | None


@dataclass(slots=True)
class _PlaceDraft:
    path: tuple[tuple[str, str], ...]  # (name, kind) from the root down to this place
    ref: LocationRef
    aliases: dict[str, None] = field(default_factory=dict)

    @property
    def parent_path(self) -> tuple[tuple[str, str], ...] | None:
        return self.path[:-1] or None


@dataclass(slots=True)
class _PlaceRow:
    id: int
    name: str
    kind: str
    parent_id: int | None
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    icao: str | None
    normalized: str | None = None


@dataclass(slots=True, eq=False)
class _StatementState:
    """A statement as the article sees it: one in the database, or one to create."""

    id: int | None
    speaker_id: int | None
    text: str
    kind: StatementKind
    language: str | None
    medium: Any
    venue: str | None
    location_id: int | None
    dates: _DateState
    renderings: list[_Rendering]  # the contents known so far, with when they were said
    new: bool
    changed: bool = False
    conflict_before: bool = False
    co_speakers: dict[int, None] = field(default_factory=dict)


class _ArticleWriter:
    def __init__(
        self,
        session: AsyncSession,
        run_id: int | None,
        article: ExtractedArticle,
        extractor_version: str,
        vectors: merge.Vectors | None,
    ) -> None:
        self.session = session
        self.vectors = vectors
        self.run_id = run_id
        self.article = article
        self.extractor_version = extractor_version
        self.dialect = session.get_bind().dialect.name
        self.article_id = 0
        self.actor_ids: dict[tuple[str, ActorKind], int] = {}
        self.actors_new = 0
        self.place_ids: dict[tuple[tuple[str, str], ...], int] = {}
        self.places_new = 0
        self.outlets_new = 0

    def _insert(self, table: Table) -> Any:
        """INSERT for this dialect, so that ``on_conflict_do_nothing`` is available."""
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    async def _insert_ids(self, table: Table, rows: list[dict[str, Any]]) -> list[int]:
        """Insert ``rows`` with one multi-row INSERT; their new ids, in the order of ``rows``."""
        if self.dialect == "postgresql":
            # SQLAlchemy orders RETURNING by a sentinel it adds to the INSERT … SELECT
            stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
            return [int(r.id) for r in await self.session.execute(stmt, rows)]
        # SQLite numbers the INTEGER PRIMARY KEYs of one INSERT's rows upwards in the order of
        # its VALUES (max + 1 each), whatever order RETURNING reports them in
        result = await self.session.execute(table.insert().returning(table.c.id), rows)
        return sorted(int(r.id) for r in result)

    async def write(self) -> WriteResult:
        outlet_id = await self._outlet()
        await self._article(outlet_id)
        await self._actors()
        await self._places()
        statements = await self._statements()
        raw = self.article.raw
        return WriteResult(
            article_id=self.article_id,
            new=True,
            statements_new=statements.new,
            statements_merged=statements.merged,
            attributions=len(self.article.attributions),
            actors_new=self.actors_new,
            places_new=self.places_new,
            outlets_new=self.outlets_new,
            date_conflicts=statements.conflicts,
            repairs=len(raw.repairs),
            warnings=len(self.article.warnings),
        )

    # -- outlet and article -------------------------------------------------------------------

    async def _outlet(self) -> int | None:
        info = self.article.meta.outlet
        if info is None or not info.name.strip():
            return None
        fields = {
            "domain": info.domain,
            "country": info.country,
            "language": info.language,
            "kind": info.kind,
            "state_affiliation": info.state_affiliation,
        }
        row = (
            await self.session.execute(
                select(_OUTLET.c.id, *(_OUTLET.c[k] for k in fields)).where(
                    _OUTLET.c.name == info.name
                )
            )
        ).one_or_none()
        if row is None:
            inserted = await self.session.scalar(
                self._insert(_OUTLET)
                .values(name=info.name, name_unrecoverable=info.name_unrecoverable, **fields)
                .on_conflict_do_nothing(index_elements=["name"])
                .returning(_OUTLET.c.id)
            )
            if inserted is not None:
                self.outlets_new = 1
                return int(inserted)
            row = (
                await self.session.execute(
                    select(_OUTLET.c.id, *(_OUTLET.c[k] for k in fields)).where(
                        _OUTLET.c.name == info.name
                    )
                )
            ).one()
        known = row._mapping
        fill = {k: v for k, v in fields.items() if v is not None and known[k] is None}
        if fill:
            await self.session.execute(
                update(_OUTLET).where(_OUTLET.c.id == known["id"]).values(**fill)
            )
        return int(known["id"])

    async def _article(self, outlet_id: int | None) -> None:
        x = self.article
        raw, meta, structure = x.raw, x.meta, x.structure
        title = meta.title or (structure.title.of(raw.text).strip() if structure.title else None)
        subtitle = meta.subtitle or (
            structure.subtitle.of(raw.text).strip() if structure.subtitle else None
        )
        inserted = await self.session.scalar(
            self._insert(_ARTICLE)
            .values(
                outlet_id=outlet_id,
                title=title or None,
                subtitle=subtitle or None,
                url=meta.url,
                published_on=meta.published_on,
                published_precision=meta.published_precision,
                published_estimated=meta.published_estimated,
                languages=list(meta.languages),
                text=raw.text,
                raw_sha256=raw.sha256,
                file_name=raw.file_name,
                encoding=raw.encoding,
                repairs=[r.as_json() for r in raw.repairs],
                ingest_run_id=self.run_id,
            )
            .on_conflict_do_nothing(index_elements=["raw_sha256"])
            .returning(_ARTICLE.c.id)
        )
        if inserted is None:
            raise AlreadyLoaded(raw.file_name)
        self.article_id = int(inserted)

    # -- actors -------------------------------------------------------------------------------

    def _actor_refs(self) -> Iterable[ActorRef]:
        for a in self.article.attributions:
            if a.speaker is not None:
                yield a.speaker
            yield from a.co_speakers
            for mention in a.actor_mentions:
                if mention.actor is not None:
                    yield mention.actor

    async def _actors(self) -> None:
        drafts: dict[tuple[str, ActorKind], _ActorDraft] = {}
        for ref in self._actor_refs():
            if not _named(ref):
                continue
            key = (ref.name, ActorKind(ref.kind))
            drafts.setdefault(key, _ActorDraft(ref.name, key[1])).absorb(ref)
        organizations = {
            normalize_name(role.organization)
            for d in drafts.values()
            for ref in d.refs
            for role in ref.roles
            if role.organization
        }
        if not drafts:
            return
        rows, by_alias = await self._lookup_actors(drafts.values(), organizations)
        exact = {(r.name, r.kind): r for r in rows.values()}

        matched: dict[tuple[str, ActorKind], _ActorRow] = {}
        pending: list[_ActorDraft] = []
        for key, draft in drafts.items():
            row = exact.get(key) or _match_actor(draft, rows, by_alias)
            if row is not None:
                matched[key] = row
                continue
            twin = _twin_draft(draft, pending)
            if twin is not None:
                for alias in draft.aliases:
                    twin.aliases.setdefault(alias)
                twin.refs.extend(draft.refs)
                matched[key] = _ActorRow(0, twin.name, twin.kind, None, None)  # resolved below
                continue
            pending.append(draft)

        if pending:
            ids = await self._insert_ids(
                _ACTOR,
                [
                    {
                        "name": d.name,
                        "kind": d.kind,
                        "description": d.description,
                        "wikidata_id": d.wikidata_id,
                    }
                    for d in pending
                ],
            )
            for d, actor_id in zip(pending, ids, strict=True):
                self.actor_ids[(d.name, d.kind)] = actor_id
            self.actors_new = len(pending)
        for key, row in matched.items():
            self.actor_ids[key] = row.id or self.actor_ids[(row.name, row.kind)]

        fills = [
            {
                "b_id": row.id,
                "b_description": drafts[key].description,
                "b_wikidata_id": drafts[key].wikidata_id,
            }
            for key, row in matched.items()
            if row.id
            and (
                (row.description is None and drafts[key].description)
                or (row.wikidata_id is None and drafts[key].wikidata_id)
            )
        ]
        if fills:
            await self.session.execute(
                update(_ACTOR)
                .where(_ACTOR.c.id == bindparam("b_id"))
                .values(
                    description=func.coalesce(_ACTOR.c.description, bindparam("b_description")),
                    wikidata_id=func.coalesce(_ACTOR.c.wikidata_id, bindparam("b_wikidata_id")),
                ),
                fills,
            )

        aliases: dict[tuple[int, str], str] = {}
        for key, draft in drafts.items():
            actor_id = self.actor_ids[key]
            for alias in draft.aliases:
                aliases.setdefault((actor_id, alias[:300]), normalize_name(alias)[:300])
        alias_rows = [
            {"actor_id": a, "alias": s, "normalized": n, "language": alias_language(s)}
            for (a, s), n in aliases.items()
            if n
        ]
        if alias_rows:
            await self.session.execute(
                self._insert(_ALIAS).on_conflict_do_nothing(index_elements=["actor_id", "alias"]),
                alias_rows,
            )
        await self._roles(drafts, by_alias)

    async def _lookup_actors(
        self, drafts: Iterable[_ActorDraft], organizations: set[str]
    ) -> tuple[dict[int, _ActorRow], dict[str, list[int]]]:
        """One query: actors by (name, kind), by normalised alias, and people whose alias
        shares a first or last word with a new person's name (spelling variants)."""
        drafts = list(drafts)
        columns = (_ACTOR.c.id, _ACTOR.c.name, _ACTOR.c.kind, _ACTOR.c.description)
        columns += (_ACTOR.c.wikidata_id,)
        keys = [(d.name, d.kind.value) for d in drafts]
        normalized = sorted(
            {normalize_name(a) for d in drafts for a in d.aliases if d.kind != ActorKind.ANONYMOUS}
            | organizations
        )
        normalized = [n for n in normalized if n]
        queries: list[Select[Any]] = [
            select(*columns, null().label("normalized")).where(
                tuple_(_ACTOR.c.name, _ACTOR.c.kind).in_(keys)
            )
        ]
        if normalized:
            queries.append(
                select(*columns, _ALIAS.c.normalized)
                .join(_ALIAS, _ALIAS.c.actor_id == _ACTOR.c.id)
                .where(_ALIAS.c.normalized.in_(normalized))
            )
        patterns: set[str] = set()
        for d in drafts:
            words = normalize_name(d.name).split()
            if d.kind == ActorKind.PERSON and len(words) >= 2:
                patterns.add(_like_escape(words[0]) + " %")
                patterns.add("% " + _like_escape(words[-1]))
        if patterns:
            queries.append(
                select(*columns, _ALIAS.c.normalized)
                .join(_ALIAS, _ALIAS.c.actor_id == _ACTOR.c.id)
                .where(
                    _ACTOR.c.kind == ActorKind.PERSON,
                    or_(*(_ALIAS.c.normalized.like(p, escape="\\") for p in sorted(patterns))),
                )
            )
        rows: dict[int, _ActorRow] = {}
        by_alias: dict[str, list[int]] = {}
        result = await self.session.execute(union_all(*queries) if len(queries) > 1 else queries[0])
        for r in result:
            kind = ActorKind(r.kind)
            rows.setdefault(r.id, _ActorRow(r.id, r.name, kind, r.description, r.wikidata_id))
            if r.normalized is not None:
                ids = by_alias.setdefault(r.normalized, [])
                if r.id not in ids:
                    ids.append(r.id)
        for ids in by_alias.values():
            ids.sort()
        return rows, by_alias

    async def _roles(
        self, drafts: dict[tuple[str, ActorKind], _ActorDraft], by_alias: dict[str, list[int]]
    ) -> None:
        local_orgs: dict[str, int] = {}
        for key, draft in drafts.items():
            if draft.kind not in (ActorKind.PERSON, ActorKind.ANONYMOUS):
                for alias in draft.aliases:
                    local_orgs.setdefault(normalize_name(alias), self.actor_ids[key])
        rows: dict[tuple[Any, ...], dict[str, Any]] = {}
        for key, draft in drafts.items():
            actor_id = self.actor_ids[key]
            for ref in draft.refs:
                for role in ref.roles:
                    if not role.title.strip():
                        continue
                    org_id = None
                    if role.organization:
                        org_norm = normalize_name(role.organization)
                        org_id = local_orgs.get(org_norm)
                        if org_id is None and by_alias.get(org_norm):
                            org_id = by_alias[org_norm][0]
                    evidence = role.evidence
                    row_key = (
                        actor_id,
                        role.title,
                        role.organization,
                        evidence.start if evidence else None,
                        evidence.end if evidence else None,
                    )
                    rows.setdefault(
                        row_key,
                        {
                            "actor_id": actor_id,
                            "title": role.title[:300],
                            "organization": role.organization[:300] if role.organization else None,
                            "organization_id": org_id if org_id != actor_id else None,
                            "valid_from": role.valid_from,
                            "valid_to": role.valid_to,
                            "evidence_article_id": self.article_id,
                            "evidence_start": evidence.start if evidence else None,
                            "evidence_end": evidence.end if evidence else None,
                        },
                    )
        if rows:
            await self.session.execute(_ROLE.insert(), list(rows.values()))

    # -- places -------------------------------------------------------------------------------

    def _place_drafts(self) -> dict[tuple[tuple[str, str], ...], _PlaceDraft]:
        drafts: dict[tuple[tuple[str, str], ...], _PlaceDraft] = {}
        for a in self.article.attributions:
            places = [m.location for m in a.location_mentions if m.location is not None]
            if a.said_at is not None:
                places.append(a.said_at)
            for place in places:
                chain: list[LocationRef] = []
                node: LocationRef | None = place
                while node is not None and len(chain) < 16:
                    chain.append(node)
                    node = node.parent
                chain.reverse()
                path: tuple[tuple[str, str], ...] = ()
                for ref in chain:
                    path += ((ref.name, str(ref.kind.value)),)
                    draft = drafts.setdefault(path, _PlaceDraft(path, ref))
                    draft.aliases.setdefault(ref.name)
                    for alias in ref.aliases:
                        if alias.strip():
                            draft.aliases.setdefault(alias.strip())
        return drafts

    async def _places(self) -> None:
        drafts = self._place_drafts()
        if not drafts:
            return
        rows = await self._lookup_places(drafts.values())
        by_geonames = {r.geonames_id: r for r in rows if r.geonames_id is not None}
        by_icao = {r.icao: r for r in rows if r.icao}
        by_key: dict[tuple[str, str, int | None], _PlaceRow] = {}
        by_alias: dict[tuple[str, str, int | None], _PlaceRow] = {}
        for r in sorted(rows, key=lambda r: r.id):
            by_key.setdefault((r.name, r.kind, r.parent_id), r)
            if r.normalized is not None:
                by_alias.setdefault((r.normalized, r.kind, r.parent_id), r)

        matched: dict[tuple[tuple[str, str], ...], _PlaceRow] = {}
        depth = 1
        max_depth = max(len(p) for p in drafts)
        while depth <= max_depth:
            level = [d for p, d in drafts.items() if len(p) == depth]
            new: list[_PlaceDraft] = []
            for draft in level:
                parent_id = self.place_ids.get(draft.parent_path) if draft.parent_path else None
                parent_new = draft.parent_path is not None and parent_id is None
                ref = draft.ref
                row = None
                if ref.geonames_id is not None:
                    row = by_geonames.get(ref.geonames_id)
                if row is None and ref.icao:
                    row = by_icao.get(ref.icao)
                if row is None and not parent_new:
                    row = by_key.get((ref.name, ref.kind.value, parent_id))
                    for alias in draft.aliases:
                        if row is not None:
                            break
                        row = by_alias.get((normalize_name(alias), ref.kind.value, parent_id))
                if row is not None:
                    matched[draft.path] = row
                    self.place_ids[draft.path] = row.id
                else:
                    new.append(draft)
            if new:
                ids = await self._insert_ids(
                    _LOCATION,
                    [
                        {
                            "name": d.ref.name[:300],
                            "kind": d.ref.kind,
                            "parent_id": (self.place_ids[d.parent_path] if d.parent_path else None),
                            "country_code": d.ref.country_code,
                            "latitude": d.ref.latitude,
                            "longitude": d.ref.longitude,
                            "geonames_id": d.ref.geonames_id,
                            "icao": d.ref.icao,
                        }
                        for d in new
                    ],
                )
                for d, place_id in zip(new, ids, strict=True):
                    self.place_ids[d.path] = place_id
                self.places_new += len(new)
            depth += 1

        fills = []
        for path, row in matched.items():
            ref = drafts[path].ref
            wanted = {
                "country_code": ref.country_code,
                "latitude": ref.latitude,
                "longitude": ref.longitude,
                "geonames_id": ref.geonames_id,
                "icao": ref.icao,
            }
            if any(v is not None and getattr(row, k) is None for k, v in wanted.items()):
                fills.append({"b_id": row.id, **{f"b_{k}": v for k, v in wanted.items()}})
        if fills:
            await self.session.execute(
                update(_LOCATION)
                .where(_LOCATION.c.id == bindparam("b_id"))
                .values(
                    {
                        k: func.coalesce(_LOCATION.c[k], bindparam(f"b_{k}"))
                        for k in ("country_code", "latitude", "longitude", "geonames_id", "icao")
                    }
                ),
                fills,
            )
        aliases: dict[tuple[int, str], str] = {}
        for path, draft in drafts.items():
            for alias in draft.aliases:
                aliases.setdefault((self.place_ids[path], alias[:300]), normalize_name(alias)[:300])
        alias_rows = [
            {"location_id": p, "alias": s, "normalized": n, "language": alias_language(s)}
            for (p, s), n in aliases.items()
            if n
        ]
        if alias_rows:
            await self.session.execute(
                self._insert(_LOCATION_ALIAS).on_conflict_do_nothing(
                    index_elements=["location_id", "alias"]
                ),
                alias_rows,
            )

    async def _lookup_places(self, drafts: Iterable[_PlaceDraft]) -> list[_PlaceRow]:
        drafts = list(drafts)
        columns = (
            _LOCATION.c.id,
            _LOCATION.c.name,
            _LOCATION.c.kind,
            _LOCATION.c.parent_id,
            _LOCATION.c.country_code,
            _LOCATION.c.latitude,
            _LOCATION.c.longitude,
            _LOCATION.c.geonames_id,
            _LOCATION.c.icao,
        )
        keys = sorted({(d.ref.name, d.ref.kind.value) for d in drafts})
        normalized = sorted({n for d in drafts for a in d.aliases if (n := normalize_name(a))})
        queries: list[Select[Any]] = [
            select(*columns, null().label("normalized")).where(
                tuple_(_LOCATION.c.name, _LOCATION.c.kind).in_(keys)
            ),
            select(*columns, _LOCATION_ALIAS.c.normalized)
            .join(_LOCATION_ALIAS, _LOCATION_ALIAS.c.location_id == _LOCATION.c.id)
            .where(_LOCATION_ALIAS.c.normalized.in_(normalized)),
        ]
        geonames = sorted({d.ref.geonames_id for d in drafts if d.ref.geonames_id is not None})
        icaos = sorted({d.ref.icao for d in drafts if d.ref.icao})
        if geonames or icaos:
            queries.append(
                select(*columns, null().label("normalized")).where(
                    or_(_LOCATION.c.geonames_id.in_(geonames), _LOCATION.c.icao.in_(icaos))
                )
            )
        result = await self.session.execute(union_all(*queries))
        return [_PlaceRow(**r._mapping) for r in result]

    # -- statements and attributions ------------------------------------------------------------

    def _speaker_id(self, a: ExtractedAttribution) -> int | None:
        if a.speaker is None or not _named(a.speaker):
            return None
        return self.actor_ids.get((a.speaker.name, ActorKind(a.speaker.kind)))

    async def _statements(self) -> _StatementCounts:
        attributions = self.article.attributions
        counts = _StatementCounts()
        if not attributions:
            return counts
        speakers = [self._speaker_id(a) for a in attributions]
        pool = await self._candidate_statements(attributions, speakers)

        by_key: dict[str, _StatementState] = {}
        targets: list[_StatementState] = []
        for a, speaker_id in zip(attributions, speakers, strict=True):
            meta = self.article.meta
            content = _Rendering.of(
                a.content,
                _window(a.said_on, a.said_precision, meta.published_on, meta.published_precision),
            )
            state = by_key.get(a.statement_key) if a.statement_key else None
            if state is None and speaker_id is not None:
                state = _best_candidate(pool, speaker_id, content, self.vectors)
            if state is None:
                state = _StatementState(
                    id=None,
                    speaker_id=speaker_id,
                    text=a.content,
                    kind=StatementKind(a.kind),
                    language=a.language,
                    medium=a.medium,
                    venue=a.venue,
                    location_id=None,
                    dates=_DateState(None, None, False),
                    renderings=[],
                    new=True,
                )
                pool.append(state)
            elif not state.new:
                counts.merged += 1
            said_at = self.place_ids[_place_path(a.said_at)] if a.said_at else None
            _join(state, a, speaker_id, content, said_at)
            if a.statement_key:
                by_key.setdefault(a.statement_key, state)
            for co in a.co_speakers:
                co_id = self.actor_ids.get((co.name, ActorKind(co.kind)))
                if co_id is not None and co_id != state.speaker_id:
                    state.co_speakers.setdefault(co_id)
            targets.append(state)

        created = [s for s in dict.fromkeys(targets) if s.new]
        if created:
            ids = await self._insert_ids(
                _STATEMENT,
                [
                    {
                        "text": s.text,
                        "kind": s.kind,
                        "language": s.language,
                        "speaker_id": s.speaker_id,
                        "said_on": s.dates.said_on,
                        "said_precision": s.dates.precision,
                        "date_conflict": s.dates.conflict,
                        "medium": s.medium,
                        "venue": s.venue,
                        "location_id": s.location_id,
                        "topics": [],
                        "ingest_run_id": self.run_id,
                    }
                    for s in created
                ],
            )
            for s, statement_id in zip(created, ids, strict=True):
                s.id = statement_id
        counts.new = len(created)
        counts.conflicts = sum(
            1 for s in dict.fromkeys(targets) if s.dates.conflict and not s.conflict_before
        )
        changed = [s for s in dict.fromkeys(targets) if not s.new and s.changed]
        if changed:
            await self.session.execute(
                update(_STATEMENT)
                .where(_STATEMENT.c.id == bindparam("b_id"))
                .values(
                    text=bindparam("b_text"),
                    kind=bindparam("b_kind"),
                    language=bindparam("b_language"),
                    said_on=bindparam("b_said_on"),
                    said_precision=bindparam("b_said_precision"),
                    date_conflict=bindparam("b_date_conflict"),
                    medium=bindparam("b_medium"),
                    venue=bindparam("b_venue"),
                    location_id=bindparam("b_location_id"),
                ),
                [
                    {
                        "b_id": s.id,
                        "b_text": s.text,
                        "b_kind": s.kind,
                        "b_language": s.language,
                        "b_said_on": s.dates.said_on,
                        "b_said_precision": s.dates.precision,
                        "b_date_conflict": s.dates.conflict,
                        "b_medium": s.medium,
                        "b_venue": s.venue,
                        "b_location_id": s.location_id,
                    }
                    for s in changed
                ],
            )
        co_rows = [
            {"statement_id": s.id, "actor_id": actor_id, "position": i}
            for s in dict.fromkeys(targets)
            for i, actor_id in enumerate(s.co_speakers)
        ]
        if co_rows:
            await self.session.execute(
                self._insert(_STATEMENT_SPEAKER).on_conflict_do_nothing(
                    index_elements=["statement_id", "actor_id"]
                ),
                co_rows,
            )
        await self._attributions(targets, speakers)
        return counts

    async def _candidate_statements(
        self, attributions: Sequence[ExtractedAttribution], speakers: Sequence[int | None]
    ) -> list[_StatementState]:
        """Statements already in the database that an attribution of this article may join:
        same speaker, a rendering dated near enough (or undated). One query."""
        speaker_ids = sorted({s for s in speakers if s is not None})
        if not speaker_ids:
            return []
        query = (
            select(
                _STATEMENT.c.id,
                _STATEMENT.c.speaker_id,
                _STATEMENT.c.text,
                _STATEMENT.c.kind,
                _STATEMENT.c.language,
                _STATEMENT.c.medium,
                _STATEMENT.c.venue,
                _STATEMENT.c.location_id,
                _STATEMENT.c.said_on,
                _STATEMENT.c.said_precision,
                _STATEMENT.c.date_conflict,
                _ATTRIBUTION.c.content,
                _ATTRIBUTION.c.said_on.label("rendering_said_on"),
                _ATTRIBUTION.c.said_precision.label("rendering_precision"),
                _ARTICLE.c.published_on,
                _ARTICLE.c.published_precision,
            )
            .join(_ATTRIBUTION, _ATTRIBUTION.c.statement_id == _STATEMENT.c.id)
            .join(_ARTICLE, _ARTICLE.c.id == _ATTRIBUTION.c.article_id)
            .where(_STATEMENT.c.speaker_id.in_(speaker_ids))
            .order_by(_STATEMENT.c.id, _ATTRIBUTION.c.id)
        )
        meta = self.article.meta
        windows = [
            _window(a.said_on, a.said_precision, meta.published_on, meta.published_precision)
            for a in attributions
        ]
        if windows and all(w is not None for w in windows):
            lo = min(w[0] for w in windows if w is not None)
            hi = max(w[1] for w in windows if w is not None)
            days = dt.timedelta(days=MERGE_WINDOW_DAYS)
            said, published = _ATTRIBUTION.c.said_on, _ARTICLE.c.published_on
            query = query.where(
                # a year-precision date is stored as its first day: up to a year early
                said.between(lo - days - dt.timedelta(days=366), hi + days)
                | (
                    said.is_(None)
                    & (published.is_(None) | published.between(lo - days, hi + 2 * days))
                )
            )
        states: dict[int, _StatementState] = {}
        for r in await self.session.execute(query):
            state = states.get(r.id)
            if state is None:
                state = states[r.id] = _StatementState(
                    id=r.id,
                    speaker_id=r.speaker_id,
                    text=r.text,
                    kind=StatementKind(r.kind),
                    language=r.language,
                    medium=r.medium,
                    venue=r.venue,
                    location_id=r.location_id,
                    dates=_DateState(r.said_on, r.said_precision, bool(r.date_conflict)),
                    renderings=[],
                    new=False,
                    conflict_before=bool(r.date_conflict),
                )
            state.renderings.append(
                _Rendering.of(
                    r.content,
                    _window(
                        r.rendering_said_on,
                        r.rendering_precision,
                        r.published_on,
                        r.published_precision,
                    ),
                )
            )
        return list(states.values())

    async def _attributions(
        self, targets: Sequence[_StatementState], speakers: Sequence[int | None]
    ) -> None:
        attributions = self.article.attributions
        attribution_ids = await self._insert_ids(
            _ATTRIBUTION,
            [
                {
                    "article_id": self.article_id,
                    "statement_id": state.id,
                    "kind": StatementKind(a.kind),
                    "speaker_text": a.speaker_text,
                    "speaker_start": a.speaker_span.start if a.speaker_span else None,
                    "speaker_end": a.speaker_span.end if a.speaker_span else None,
                    "speaker_id": speaker_id,
                    "cue": a.cue[:200] if a.cue else None,
                    "cue_start": a.cue_span.start if a.cue_span else None,
                    "cue_end": a.cue_span.end if a.cue_span else None,
                    "content": a.content,
                    "content_start": a.start,
                    "content_end": a.end,
                    "fragments": [[f.start, f.end] for f in a.fragments],
                    "language": a.language,
                    "said_on": a.said_on,
                    "said_precision": a.said_precision,
                    "said_on_text": a.said_on_text[:200] if a.said_on_text else None,
                    "confidence": a.confidence,
                    "extractor_version": self.extractor_version,
                }
                for a, state, speaker_id in zip(attributions, targets, speakers, strict=True)
            ],
        )
        actor_rows: list[dict[str, Any]] = []
        place_rows: list[dict[str, Any]] = []
        for a, state, attribution_id in zip(attributions, targets, attribution_ids, strict=True):
            for m in a.actor_mentions:
                if m.actor is None or not _named(m.actor):
                    continue
                actor_rows.append(
                    {
                        "statement_id": state.id,
                        "actor_id": self.actor_ids[(m.actor.name, ActorKind(m.actor.kind))],
                        "attribution_id": attribution_id,
                        "start": m.span.start,
                        "end": m.span.end,
                    }
                )
            for m in a.location_mentions:
                if m.location is None:
                    continue
                place_rows.append(
                    {
                        "statement_id": state.id,
                        "location_id": self.place_ids[_place_path(m.location)],
                        "attribution_id": attribution_id,
                        "start": m.span.start,
                        "end": m.span.end,
                    }
                )
        if actor_rows:
            await self.session.execute(_STATEMENT_ACTOR.insert(), actor_rows)
        if place_rows:
            await self.session.execute(_STATEMENT_LOCATION.insert(), place_rows)


@dataclass(slots=True)
class _StatementCounts:
    new: int = 0
    merged: int = 0
    conflicts: int = 0


# ---------------------------------------------------------------------------------------------
# matching helpers (pure)


def _named(ref: ActorRef) -> bool:
    """An actor worth a row: its name has a letter ("°", left of an outlet name that encoding
    damage destroyed, is not one)."""
    return any(c.isalpha() for c in ref.name)


def _chunks(items: Sequence[str], size: int = IN_CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _place_path(ref: LocationRef) -> tuple[tuple[str, str], ...]:
    chain: list[LocationRef] = []
    node: LocationRef | None = ref
    while node is not None and len(chain) < 16:
        chain.append(node)
        node = node.parent
    return tuple((n.name, str(n.kind.value)) for n in reversed(chain))


_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLED = re.compile(r"([^\W\d_])\1+")


def _skeleton(word: str) -> str:
    """Consonants of a romanised word, doubled letters once: transliterations of one Arabic
    or Persian name differ in vowels and doubling (Mohammed/Mohamed, Rasoul/Rasul)."""
    return _VOWELS.sub("", _DOUBLED.sub(r"\1", word)) or word


def _names_match(a: str, b: str) -> float:
    """Similarity (0–100) of two normalised person names that may be spellings of one name,
    else 0: the whole names have rapidfuzz ratio ≥ :data:`NAME_SIMILARITY`, as many words,
    and each pair of words is equal or differs only in vowels and doubled letters (so a
    surname alone never absorbs a full name, and ``Number1`` is not ``Number2``)."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return 0.0
    for x, y in zip(words_a, words_b, strict=True):
        if x != y and _skeleton(x) != _skeleton(y):
            return 0.0
    return fuzz.ratio(a, b, score_cutoff=NAME_SIMILARITY)


def _match_actor(
    draft: _ActorDraft, rows: dict[int, _ActorRow], by_alias: dict[str, list[int]]
) -> _ActorRow | None:
    """The known actor a draft is, by alias or (people) spelling variant; None when new."""
    if draft.kind == ActorKind.ANONYMOUS:
        return None
    name = normalize_name(draft.name)
    same_kind = [i for i in by_alias.get(name, []) if rows[i].kind == draft.kind]
    if same_kind:
        return rows[same_kind[0]]
    votes: dict[int, int] = {}
    for alias in draft.aliases:
        n = normalize_name(alias)
        if draft.kind == ActorKind.PERSON and len(n.split()) < 2:
            continue  # a lone "Sudani" or "Mohammed" is too weak to merge people on
        for i in by_alias.get(n, []):
            if rows[i].kind == draft.kind:
                votes[i] = votes.get(i, 0) + 1
    if votes:
        best = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        return rows[best]
    if draft.kind != ActorKind.PERSON or len(name.split()) < 2:
        return None
    best: tuple[float, int] | None = None  # (score, -id): the closest, then the oldest
    for alias, ids in by_alias.items():
        score = _names_match(name, alias)
        if not score:
            continue
        for i in ids:
            if rows[i].kind == ActorKind.PERSON and (best is None or (score, -i) > best):
                best = (score, -i)
    return rows[-best[1]] if best is not None else None


def _twin_draft(draft: _ActorDraft, pending: list[_ActorDraft]) -> _ActorDraft | None:
    """A new actor of this same article that ``draft`` is another spelling of."""
    if draft.kind != ActorKind.PERSON:
        return None
    name = normalize_name(draft.name)
    for other in pending:
        if other.kind == ActorKind.PERSON and (
            normalize_name(other.name) == name or _names_match(name, normalize_name(other.name)) > 0
        ):
            return other
    return None


def _window(
    said_on: dt.date | None,
    precision: DatePrecision | None,
    published_on: dt.date | None,
    published_precision: DatePrecision | None,
) -> tuple[dt.date, dt.date] | None:
    """The days a rendering may have been said on: its date, else the days before its
    article came out; None when neither is known (as :mod:`seed.merge` reckons it)."""
    if said_on is not None:
        return date_interval(said_on, precision)
    if published_on is not None and published_precision in (None, DatePrecision.DAY):
        return published_on - dt.timedelta(days=MERGE_WINDOW_DAYS), published_on
    return None


@lru_cache(maxsize=65536)
def _words(content: str) -> tuple[str, tuple[str, ...]]:
    return normalize_content(content), merge.content_words(content)


@dataclass(frozen=True, slots=True)
class _Rendering:
    """One rendering of a statement, in the forms it is compared in, and when it was said."""

    normalized: str
    content_words: tuple[str, ...]
    window: tuple[dt.date, dt.date] | None

    @classmethod
    def of(cls, content: str, window: tuple[dt.date, dt.date] | None) -> _Rendering:
        return cls(*_words(content), window)

    def near(self, other: _Rendering) -> bool:
        if self.window is None or other.window is None:
            return True
        gap = max(self.window[0], other.window[0]) - min(self.window[1], other.window[1])
        return gap.days <= MERGE_WINDOW_DAYS


class WordComparer:
    """:func:`seed.merge.similarity` with word vectors, computed with matrices: the same
    soft F1 of content words (a word matches its own stem, else its nearest word by cosine
    when at least :data:`seed.merge.WORD_SIMILARITY`), one matrix product per pair instead
    of one cosine per pair of words."""

    def __init__(self, vectors: merge.Vectors) -> None:
        self.vectors = vectors
        self._stems: dict[str, int] = {}
        #: each wording's unit-vector rows and stem ids, kept for the wordings met most lately
        self._matrix = lru_cache(maxsize=65536)(self._rows)

    def _unit(self, word: str) -> npt.NDArray[np.float32] | None:
        if word == "<not>":
            return None
        v = self.vectors(word)
        if v is None:
            return None
        v = np.asarray(v, dtype=np.float32)
        norm = float(np.linalg.norm(v))
        return v / norm if norm else None

    def _rows(
        self, words: tuple[str, ...]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        units = [self._unit(w) for w in words]
        width = next((len(u) for u in units if u is not None), 1)
        zero = np.zeros(width, dtype=np.float32)
        matrix = np.stack([zero if u is None else u for u in units])
        stems = np.array([self._stems.setdefault(merge._stem(w), len(self._stems)) for w in words])
        return matrix, stems

    def similarity(self, a: tuple[str, ...], b: tuple[str, ...]) -> float:
        if not a or not b:
            return 0.0
        ma, sa = self._matrix(a)
        mb, sb = self._matrix(b)
        if ma.shape[1] != mb.shape[1]:  # one side has no vector at all
            scores = np.zeros((len(a), len(b)), dtype=np.float32)
        else:
            scores = ma @ mb.T
        scores = np.where(sa[:, None] == sb[None, :], np.float32(1.0), scores)
        best_a = scores.max(axis=1)
        best_b = scores.max(axis=0)
        p = float(np.where(best_a >= merge.WORD_SIMILARITY, best_a, 0).mean())
        r = float(np.where(best_b >= merge.WORD_SIMILARITY, best_b, 0).mean())
        return 2 * p * r / (p + r) if p + r else 0.0


@lru_cache(maxsize=8)
def word_comparer(vectors: merge.Vectors) -> WordComparer:
    """One comparer (and its caches) per set of vectors."""
    return WordComparer(vectors)


def _same_words(a: _Rendering, b: _Rendering, vectors: merge.Vectors | None) -> float:
    """How surely two renderings say the same thing (0–1); 0 below the thresholds."""
    if not a.normalized or not b.normalized:
        return 0.0
    if a.normalized == b.normalized or fuzz.ratio(
        a.normalized, b.normalized, score_cutoff=CONTENT_SIMILARITY
    ):
        return 1.0
    if vectors is None:
        score = merge.similarity(a.content_words, b.content_words)
    else:
        score = word_comparer(vectors).similarity(a.content_words, b.content_words)
    return score if score >= WORDS_SIMILARITY else 0.0


def _best_candidate(
    pool: list[_StatementState],
    speaker_id: int,
    rendering: _Rendering,
    vectors: merge.Vectors | None,
) -> _StatementState | None:
    """The statement of the same speaker whose words this rendering repeats, said near
    enough in time; the closest, then the oldest."""
    best: _StatementState | None = None
    best_score = 0.0
    for state in pool:
        if state.speaker_id != speaker_id:
            continue
        for known in state.renderings:
            if not rendering.near(known):
                continue
            score = _same_words(rendering, known, vectors)
            if score > best_score:
                best, best_score = state, score
    return best


def _join(
    state: _StatementState,
    a: ExtractedAttribution,
    speaker_id: int | None,
    words: _Rendering,
    said_at: int | None = None,
) -> None:
    """Fold one attribution into its statement: dates, canonical text, venue, and where it
    was said (the first report that says so)."""
    before = (
        state.text,
        state.kind,
        state.language,
        state.medium,
        state.venue,
        state.location_id,
        state.dates.said_on,
        state.dates.precision,
        state.dates.conflict,
    )
    kind = StatementKind(a.kind)
    if state.renderings and _DIRECTNESS[kind] > _DIRECTNESS[state.kind]:
        state.text, state.kind = a.content, kind
    state.language = state.language or a.language
    state.medium = state.medium or a.medium
    state.venue = state.venue or a.venue
    state.location_id = state.location_id or said_at
    if state.speaker_id is None:
        state.speaker_id = speaker_id
    state.dates.add(a.said_on, a.said_precision)
    state.renderings.append(words)
    after = (
        state.text,
        state.kind,
        state.language,
        state.medium,
        state.venue,
        state.location_id,
        state.dates.said_on,
        state.dates.precision,
        state.dates.conflict,
    )
    if before != after:
        state.changed = True
