"""A realistic synthetic corpus of any size, for benchmarks.

    python -m tests.benchmarks.corpus --statements 100000 --db sqlite+aiosqlite:///.bench/bench.db
    python -m tests.benchmarks.corpus --statements 1000000 --db postgresql+asyncpg://postgres@127.0.0.1/bench

Outlets, actors with aliases and roles, a location hierarchy (country → province → city,
plus bases), articles whose text really contains the attributions (every offset points at
the content it claims), statements with 1–5 attributions in different articles, mentions of
actors and places, Zipf-like popularity of speakers and places, and searchable English text
built from a topical vocabulary. Deterministic for a given ``--seed``.

Rows are written with explicit ids in large batches: asyncpg's COPY on PostgreSQL,
executemany on SQLite. The database is migrated first and must be empty. The triggers that
keep derived tables in sync (the full-text indexes, the statements per speaker and day) are
set aside while the rows go in, and the derived tables are then filled once, set-based, by the
statements their migrations fill them with: per-row triggers would cost SQLite a subquery per
row, and statement-level ones cost PostgreSQL a refresh per batch that grows with the table.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import functools
import importlib.util
import itertools
import operator
import queue
import random
import sys
import threading
import time
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Table, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

import migrations
import schema
from migrations import upgrade
from schema.db import create_engine

BATCH = 20_000
EXTRACTOR_VERSION = "synthetic-corpus/1"

FIRST = [
    "Ahmed",
    "Ali",
    "Hassan",
    "Hussein",
    "Mohammed",
    "Omar",
    "Yusuf",
    "Karim",
    "Samir",
    "Nabil",
    "Haider",
    "Ammar",
    "Khalid",
    "Faisal",
    "Mustafa",
    "Ibrahim",
    "Salim",
    "Tariq",
    "Walid",
    "Adel",
    "Jamal",
    "Laith",
    "Mahmoud",
    "Rami",
    "Ziad",
    "Bassam",
    "Qais",
    "Nouri",
    "Anna",
    "Maria",
    "Sarah",
    "Laura",
    "Julia",
    "Elena",
    "Leila",
    "Noor",
    "Huda",
    "Zainab",
    "Rana",
    "Dina",
    "Hiba",
    "Lina",
    "Rasha",
    "John",
    "David",
    "Michael",
    "James",
    "Robert",
    "William",
    "Thomas",
    "Daniel",
    "Peter",
    "Mark",
    "Paul",
    "Steven",
    "Lloyd",
    "Antony",
]
LAST = [
    "al-Maliki",
    "al-Hakim",
    "al-Sadr",
    "al-Jubouri",
    "al-Dulaimi",
    "al-Obeidi",
    "al-Rubaie",
    "al-Zaidi",
    "al-Amiri",
    "al-Khazali",
    "al-Hashimi",
    "al-Issawi",
    "al-Nujaifi",
    "al-Halbousi",
    "al-Araji",
    "al-Fayyadh",
    "al-Tamimi",
    "Barzani",
    "Talabani",
    "Zebari",
    "Hussein",
    "Mahdi",
    "Saleh",
    "Rashid",
    "Kareem",
    "Jawad",
    "Abbas",
    "Younis",
    "Nasser",
    "Smith",
    "Johnson",
    "Brown",
    "Miller",
    "Davis",
    "Wilson",
    "Moore",
    "Taylor",
    "Anderson",
    "Thomas",
    "Jackson",
    "White",
    "Harris",
    "Martin",
    "Thompson",
    "Garcia",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Allen",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
]
TITLES = (
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Interior Minister",
    "spokesperson",
    "President",
    "Speaker of Parliament",
    "commander",
    "senior adviser",
    "Secretary of State",
    "ambassador",
    "governor",
    "member of parliament",
    "party leader",
    "military spokesman",
)
ORG_KINDS = (
    ("Ministry of Defence", schema.ActorKind.GOVERNMENT),
    ("Ministry of Foreign Affairs", schema.ActorKind.GOVERNMENT),
    ("Ministry of Interior", schema.ActorKind.GOVERNMENT),
    ("National Alliance", schema.ActorKind.PARTY),
    ("Democratic Party", schema.ActorKind.PARTY),
    ("Popular Front", schema.ActorKind.ARMED_GROUP),
    ("Security Media Cell", schema.ActorKind.ORGANIZATION),
    ("Joint Operations Command", schema.ActorKind.ORGANIZATION),
    ("Human Rights Commission", schema.ActorKind.ORGANIZATION),
)
COUNTRY_NAMES = [
    "Iraq",
    "Syria",
    "Iran",
    "Turkey",
    "Jordan",
    "Kuwait",
    "Lebanon",
    "Egypt",
    "Qatar",
    "Yemen",
    "Oman",
    "Bahrain",
    "Israel",
    "Afghanistan",
    "Pakistan",
    "Libya",
    "Tunisia",
    "Algeria",
    "Morocco",
    "Sudan",
    "Ethiopia",
    "Somalia",
    "Kenya",
    "Nigeria",
    "Ukraine",
    "Russia",
    "Poland",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "Greece",
    "Serbia",
    "Georgia",
    "Armenia",
    "Azerbaijan",
    "India",
    "China",
    "Japan",
    "Korea",
    "Vietnam",
    "Indonesia",
    "Malaysia",
    "Philippines",
    "Mexico",
    "Brazil",
    "Colombia",
    "Peru",
]
PROVINCE_PARTS = [
    "North",
    "South",
    "East",
    "West",
    "Upper",
    "Lower",
    "Central",
    "New",
    "Old",
    "Great",
]
PLACE_ROOTS = [
    "Anbar",
    "Ninawa",
    "Basra",
    "Diyala",
    "Kirkuk",
    "Babil",
    "Wasit",
    "Maysan",
    "Dhi",
    "Najaf",
    "Karbala",
    "Salah",
    "Erbil",
    "Duhok",
    "Sulaymaniyah",
    "Qadisiyah",
    "Muthanna",
    "Hama",
    "Homs",
    "Aleppo",
    "Idlib",
    "Raqqa",
    "Deir",
    "Hasakah",
    "Daraa",
    "Tartus",
    "Latakia",
]
TOPICS = {
    "foreign forces": (
        "foreign combat troops",
        "the international coalition",
        "US forces",
        "foreign forces",
        "the withdrawal of troops",
        "military advisers",
        "training mission",
        "the coalition",
        "combat mission",
        "security agreement",
        "strategic dialogue",
    ),
    "security": (
        "the Islamic State",
        "terrorist cells",
        "border security",
        "air defence systems",
        "drone attacks",
        "rocket attacks",
        "security operations",
        "armed factions",
        "militias",
    ),
    "economy": (
        "oil exports",
        "the federal budget",
        "electricity shortages",
        "public salaries",
        "foreign investment",
        "the exchange rate",
        "gas imports",
        "reconstruction funds",
    ),
    "politics": (
        "early elections",
        "the new government",
        "parliament",
        "the constitution",
        "the federal court",
        "political blocs",
        "the cabinet reshuffle",
        "corruption",
    ),
    "diplomacy": (
        "bilateral relations",
        "regional stability",
        "the nuclear talks",
        "the embassy",
        "sovereignty",
        "a peaceful solution",
        "neighbouring countries",
        "the United Nations",
    ),
}
TEMPLATES = (
    "{country} no longer needs {a}, and {b} must respect {place}",
    "we will not accept {a} on the soil of {place}",
    "{a} is a matter for the government of {country} alone",
    "the talks on {a} with {b} made real progress this week",
    "{a} in {place} remains a threat and {b} must continue",
    "there is no need for {a} after the defeat of {b}",
    "we need {a} to support {b} in {place} for now",
    "the decision about {a} will be announced after consultations on {b}",
    "{b} has nothing to do with {a} and the reports are false",
    "our position on {a} has not changed since {year}",
)
CUES = ("said", "stressed", "told reporters", "said in a statement", "added", "warned", "noted")
MEDIA = list(schema.Medium)
TOPIC_NAMES = list(TOPICS)
STATEMENT_KINDS = list(schema.StatementKind)


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    """Cumulative Zipf weights for ranks 1..n (for ``bisect`` sampling)."""
    return list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, n + 1)))


class ZipfPicker:
    def __init__(self, rng: random.Random, items: Sequence[int], s: float = 1.1) -> None:
        self.rng = rng
        self.items = items
        self.cum = zipf_weights(len(items), s)

    def pick(self) -> int:
        return self.items[bisect_left(self.cum, self.rng.random() * self.cum[-1])]


@dataclass
class Counts:
    outlets: int = 0
    actors: int = 0
    aliases: int = 0
    roles: int = 0
    locations: int = 0
    articles: int = 0
    statements: int = 0
    attributions: int = 0
    mentions: int = 0
    #: seconds per phase: migrate, rows, search indexes, analyze
    seconds: dict[str, float] = field(default_factory=dict)


class Generator:
    """Builds rows table by table; ids are assigned here so foreign keys need no round trips."""

    def __init__(self, statements: int, seed: int) -> None:
        self.n = statements
        self.rng = random.Random(seed)
        self.now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        self.counts = Counts()

    # -- reference data -------------------------------------------------------------------

    def outlets(self) -> list[dict[str, Any]]:
        n = min(500, max(20, self.n // 2000))
        kinds = list(schema.OutletKind)
        rows = []
        for i in range(1, n + 1):
            country = self.rng.choice(COUNTRY_NAMES)
            rows.append(
                {
                    "id": i,
                    "name": f"{country} {self.rng.choice(('Times', 'Daily', 'News', 'Post', 'Herald', 'Tribune', 'Observer', 'TV', 'Radio', 'Agency'))} {i}",
                    "domain": f"outlet{i}.example.org",
                    "country": None,
                    "language": "en",
                    "kind": kinds[i % len(kinds)],
                    "state_affiliation": "state-owned" if i % 7 == 0 else None,
                    "name_unrecoverable": False,
                    "created_at": self.now,
                }
            )
        self.counts.outlets = n
        self.outlet_ids = [r["id"] for r in rows]
        return rows

    def locations(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        rows: list[dict[str, Any]] = []
        aliases: list[dict[str, Any]] = []
        ids = itertools.count(1)
        alias_ids = itertools.count(1)
        scale = max(1, min(10, self.n // 100_000 + 1))
        for c_name in COUNTRY_NAMES:
            cid = next(ids)
            lat, lon = self.rng.uniform(-40, 60), self.rng.uniform(-100, 140)
            rows.append(self._loc(cid, c_name, schema.LocationKind.COUNTRY, None, lat, lon))
            for p in range(3 * scale):
                pid = next(ids)
                p_name = f"{self.rng.choice(PROVINCE_PARTS)} {self.rng.choice(PLACE_ROOTS)} {p}"
                rows.append(self._loc(pid, p_name, schema.LocationKind.PROVINCE, cid, lat, lon))
                for k in range(3):
                    lid = next(ids)
                    kind = schema.LocationKind.MILITARY_BASE if k == 2 else schema.LocationKind.CITY
                    name = f"{self.rng.choice(PLACE_ROOTS)}{'abad' if k else ''} {p}-{k}"
                    if kind is schema.LocationKind.MILITARY_BASE:
                        name = f"Camp {name}"
                    rows.append(self._loc(lid, name, kind, pid, lat, lon))
                    spelled = name.replace("a", "e", 1)
                    aliases.append(
                        {
                            "id": next(alias_ids),
                            "location_id": lid,
                            "alias": spelled,
                            "normalized": spelled.casefold(),
                            "language": "en",
                        }
                    )
        self.counts.locations = len(rows)
        self.location_names = {r["id"]: r["name"] for r in rows}
        self.country_names = [r["name"] for r in rows if r["kind"] is schema.LocationKind.COUNTRY]
        # popularity: cities and bases are mentioned more than provinces and countries
        ordered = sorted(self.location_names, key=lambda i: self.rng.random())
        self.place_picker = ZipfPicker(self.rng, ordered, 1.0)
        return rows, aliases

    def _loc(
        self,
        id_: int,
        name: str,
        kind: schema.LocationKind,
        parent: int | None,
        lat: float,
        lon: float,
    ) -> dict[str, Any]:
        return {
            "id": id_,
            "name": name,
            "kind": kind,
            "parent_id": parent,
            "country_code": None,
            "latitude": round(lat + self.rng.uniform(-3, 3), 4),
            "longitude": round(lon + self.rng.uniform(-3, 3), 4),
            "geonames_id": None,
            "icao": None,
            "wikidata_id": None,
            "created_at": self.now,
        }

    def actors(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        n_people = min(50_000, max(200, self.n // 50))
        rows: list[dict[str, Any]] = []
        aliases: list[dict[str, Any]] = []
        roles: list[dict[str, Any]] = []
        alias_ids = itertools.count(1)
        seen: set[str] = set()
        aid = 0
        for country in self.country_names:
            for org, kind in ORG_KINDS:
                aid += 1
                name = (
                    f"{country} {org}"
                    if kind is schema.ActorKind.GOVERNMENT
                    else f"{org} of {country}"
                )
                rows.append(self._actor(aid, name, kind, f"{org} ({country})"))
                seen.add(name)
        self.org_ids = [r["id"] for r in rows]
        people: list[int] = []
        while len(people) < n_people:
            name = f"{self.rng.choice(FIRST)} {self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
            if name in seen:
                continue
            seen.add(name)
            aid += 1
            people.append(aid)
            rows.append(self._actor(aid, name, schema.ActorKind.PERSON, None))
            first, middle, last = name.split(" ", 2)
            for alias in {
                f"{first} {last}",
                last,
                last.removeprefix("al-").capitalize(),
                name.replace("Mohammed", "Mohamed"),
            } - {name}:
                aliases.append(
                    {
                        "id": next(alias_ids),
                        "actor_id": aid,
                        "alias": alias,
                        "normalized": alias.casefold(),
                        "language": "en",
                    }
                )
            start = dt.date(2012, 1, 1) + dt.timedelta(days=self.rng.randrange(3000))
            roles.append(
                {
                    "id": len(roles) + 1,
                    "actor_id": aid,
                    "title": self.rng.choice(TITLES),
                    "organization": self.rng.choice(self.country_names),
                    "organization_id": None,
                    "valid_from": start,
                    "valid_to": start + dt.timedelta(days=self.rng.randrange(300, 2500)),
                    "evidence_article_id": None,
                    "evidence_start": None,
                    "evidence_end": None,
                }
            )
        self.actor_names = {r["id"]: r["name"] for r in rows}
        self.speaker_picker = ZipfPicker(self.rng, people, 1.1)
        self.mention_picker = ZipfPicker(self.rng, [r["id"] for r in rows], 1.0)
        self.counts.actors, self.counts.aliases, self.counts.roles = (
            len(rows),
            len(aliases),
            len(roles),
        )
        return rows, aliases, roles

    def _actor(
        self, id_: int, name: str, kind: schema.ActorKind, desc: str | None
    ) -> dict[str, Any]:
        return {
            "id": id_,
            "name": name,
            "kind": kind,
            "description": desc,
            "wikidata_id": None,
            "created_at": self.now,
        }

    # -- statements, articles, attributions --------------------------------------------------

    def utterance(self) -> tuple[str, list[int]]:
        topic = self.rng.choice(TOPIC_NAMES)
        words = TOPICS[topic]
        place = self.place_picker.pick()
        body = self.rng.choice(TEMPLATES).format(
            a=self.rng.choice(words),
            b=self.rng.choice(words),
            place=self.location_names[place],
            country=self.rng.choice(self.country_names),
            year=self.rng.randrange(2003, 2024),
        )
        return body[0].upper() + body[1:], [place]

    def statements(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """Yields (table, rows) batches for articles, statements, attributions and mentions,
        in an order that keeps foreign keys satisfied within each batch group."""
        attr_ids = itertools.count(1)
        art_ids = itertools.count(1)
        mention_ids = itertools.count(1)
        loc_mention_ids = itertools.count(1)
        start_day = dt.date(2015, 1, 1)
        spelled: dict[dt.date, str] = {}  # "15 August 2023", once per date
        for lo in range(1, self.n + 1, BATCH):
            hi = min(self.n, lo + BATCH - 1)
            st_rows, at_rows, ar_rows, sa_rows, sl_rows = [], [], [], [], []
            pending: list[tuple[int, int, str, str, dt.date, int]] = []
            for sid in range(lo, hi + 1):
                speaker = self.speaker_picker.pick()
                content, places = self.utterance()
                said = start_day + dt.timedelta(days=self.rng.randrange(3650))
                n_reports = min(5, 1 + int(self.rng.expovariate(0.9)))
                kind = self.rng.choice(STATEMENT_KINDS)
                st_rows.append(
                    {
                        "id": sid,
                        "text": content,
                        "kind": kind,
                        "language": "en",
                        "speaker_id": speaker,
                        "said_on": said,
                        "said_precision": schema.DatePrecision.DAY,
                        "date_conflict": False,
                        "medium": self.rng.choice(MEDIA),
                        "venue": None,
                        "location_id": places[0] if self.rng.random() < 0.3 else None,
                        "topics": [],
                        "stance": None,
                        "ingest_run_id": None,
                        "created_at": self.now,
                    }
                )
                for _ in range(n_reports):
                    pending.append((sid, speaker, content, kind, said, places[0]))
                for actor in {self.mention_picker.pick() for _ in range(self.rng.randrange(0, 3))}:
                    sa_rows.append(
                        {
                            "id": next(mention_ids),
                            "statement_id": sid,
                            "actor_id": actor,
                            "attribution_id": None,
                            "start": None,
                            "end": None,
                        }
                    )
                sl_rows.append(
                    {
                        "id": next(loc_mention_ids),
                        "statement_id": sid,
                        "location_id": places[0],
                        "attribution_id": None,
                        "start": None,
                        "end": None,
                    }
                )
            self.rng.shuffle(pending)
            conflicts: set[int] = set()
            for i in range(0, len(pending), 6):
                art = next(art_ids)
                outlet = self.rng.choice(self.outlet_ids)
                parts: list[str] = []
                pos = 0
                latest = start_day
                for sid, speaker, content, kind, said, _place in pending[i : i + 6]:
                    name = self.actor_names[speaker]
                    cue = self.rng.choice(CUES)
                    given = said
                    if self.rng.random() < 0.03:
                        given = said - dt.timedelta(days=1)
                        conflicts.add(sid)
                    given_text = spelled.get(given)
                    if given_text is None:
                        given_text = spelled[given] = f"{given:%d %B %Y}"
                    lead = (
                        f"{name} {cue} on {given_text} that "
                        if kind is not schema.StatementKind.DIRECT
                        else f"{name} {cue}: "
                    )
                    quoted = (
                        f"\u201c{content}.\u201d"
                        if kind is schema.StatementKind.DIRECT
                        else f"{content[0].lower()}{content[1:]}."
                    )
                    sentence = lead + quoted
                    c_start = pos + len(lead)
                    at_rows.append(
                        {
                            "id": next(attr_ids),
                            "article_id": art,
                            "statement_id": sid,
                            "kind": kind,
                            "speaker_text": name,
                            "speaker_start": pos,
                            "speaker_end": pos + len(name),
                            "speaker_id": speaker,
                            "cue": cue,
                            "cue_start": pos + len(name) + 1,
                            "cue_end": pos + len(name) + 1 + len(cue),
                            "content": quoted,
                            "content_start": c_start,
                            "content_end": c_start + len(quoted),
                            "fragments": [[c_start, c_start + len(quoted)]],
                            "language": "en",
                            "said_on": given,
                            "said_precision": schema.DatePrecision.DAY,
                            "said_on_text": given_text,
                            "confidence": 0.9,
                            "extractor_version": EXTRACTOR_VERSION,
                            "created_at": self.now,
                        }
                    )
                    parts.append(sentence)
                    pos += len(sentence) + 2
                    latest = max(latest, said)
                title = f"{self.actor_names[pending[i][1]]} on {self.rng.choice(TOPIC_NAMES)}"
                body = "\n\n".join(parts)
                published = latest + dt.timedelta(days=self.rng.randrange(0, 3))
                ar_rows.append(
                    {
                        "id": art,
                        "outlet_id": outlet,
                        "title": title,
                        "subtitle": None,
                        "url": f"https://outlet{outlet}.example.org/{published:%Y/%m/%d}/{art}",
                        "published_on": published,
                        "published_precision": schema.DatePrecision.DAY,
                        "published_estimated": False,
                        "languages": ["en"],
                        "text": body,
                        "raw_sha256": f"{art:064x}",
                        "file_name": f"synthetic-{art:08d}.txt",
                        "encoding": "utf-8",
                        "repairs": [],
                        "ingest_run_id": None,
                        "created_at": self.now,
                    }
                )
            for row in st_rows:
                row["date_conflict"] = row["id"] in conflicts
            self.counts.statements += len(st_rows)
            self.counts.articles += len(ar_rows)
            self.counts.attributions += len(at_rows)
            self.counts.mentions += len(sa_rows) + len(sl_rows)
            yield "statement", st_rows
            yield "article", ar_rows
            yield "attribution", at_rows
            yield "statement_actor", sa_rows
            yield "statement_location", sl_rows


async def write_rows(conn: AsyncConnection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` through the driver: COPY on PostgreSQL, executemany on SQLite, with the
    values as the column types would store them (enum values, ISO dates, JSON text)."""
    if not rows:
        return
    raw = await conn.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None
    columns = [c.name for c in table.columns if c.name in rows[0]]
    if conn.dialect.name == "postgresql":
        records = [tuple(_pg_value(r[c]) for c in columns) for r in rows]
        await driver.copy_records_to_table(table.name, records=records, columns=columns)
    else:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
        convert = [(c, _sqlite_converter(table.c[c].type)) for c in columns]
        for i in range(0, len(rows), BATCH):
            records = [
                tuple(r[c] if f is None or r[c] is None else f(r[c]) for c, f in convert)
                for r in rows[i : i + BATCH]
            ]
            await driver.executemany(sql, records)


_ENUMS = (
    schema.ActorKind,
    schema.LocationKind,
    schema.OutletKind,
    schema.StatementKind,
    schema.DatePrecision,
    schema.Medium,
)


def _pg_value(value: Any) -> Any:
    if isinstance(value, _ENUMS):
        return value.value
    if isinstance(value, list | dict):
        return orjson.dumps(value).decode()
    return value


@functools.cache
def _sqlite_datetime(value: dt.datetime) -> str:
    # naive UTC, as SQLAlchemy's DateTime(timezone=True) stores it on SQLite
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _sqlite_converter(column_type: Any) -> Callable[[Any], Any] | None:
    """How SQLAlchemy's SQLite types store a Python value (None: as it is)."""
    if isinstance(column_type, Enum):
        return operator.attrgetter("value")
    if isinstance(column_type, Boolean):
        return int
    if isinstance(column_type, DateTime):
        return _sqlite_datetime
    if isinstance(column_type, Date):
        return dt.date.isoformat
    if isinstance(column_type, JSON):
        return lambda value: orjson.dumps(value).decode()
    return None


def _migration(name: str) -> ModuleType:
    """The revision ``*_{name}.py``."""
    versions = Path(migrations.__file__).resolve().parent / "versions"
    (path,) = versions.glob(f"*_{name}.py")
    spec = importlib.util.spec_from_file_location(f"dicta_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def search_backfill(dialect: str) -> list[str]:
    """The statements with which the search migration indexes the rows already there."""
    module = _migration("full_text_search")
    if dialect == "sqlite":
        found = [s for s in module.sqlite_upgrade() if s.startswith("INSERT INTO fts_")]
    else:
        found = [s for s in module.postgresql_upgrade() if s.startswith("SELECT fts_")]
    if len(found) != 3:
        raise RuntimeError(f"expected 3 statements filling the search indexes, found {found}")
    return found


async def set_triggers_aside(conn: AsyncConnection) -> list[str]:
    """Drop (SQLite) or disable (PostgreSQL) the triggers of the data tables; returns the
    statements that put them back (``restore_triggers``)."""
    if conn.dialect.name == "sqlite":
        found = (
            await conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            )
        ).all()
        for name, _sql in found:
            await conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        return [sql for _name, sql in found]
    tables = [t.name for t in schema.Base.metadata.sorted_tables]
    for name in tables:
        await conn.exec_driver_sql(f'ALTER TABLE "{name}" DISABLE TRIGGER USER')
    return [f'ALTER TABLE "{name}" ENABLE TRIGGER USER' for name in tables]


async def restore_triggers(conn: AsyncConnection, saved: list[str]) -> None:
    for sql in saved:
        await conn.exec_driver_sql(sql)


async def fill_search_indexes(conn: AsyncConnection) -> None:
    for sql in search_backfill(conn.dialect.name):
        await conn.exec_driver_sql(sql)


async def fill_speaker_days(conn: AsyncConnection) -> None:
    """Count the statements per speaker and day (``speaker_day``) as its migration does."""
    await conn.exec_driver_sql(_migration("speaker_day").BACKFILL)


def _produce(gen: Generator, batches: queue.Queue[tuple[str, list[dict[str, Any]]] | None]) -> None:
    try:
        for batch in gen.statements():
            batches.put(batch)
    finally:
        batches.put(None)


async def build(statements: int, url: str, seed: int = 7, *, quiet: bool = False) -> Counts:
    """Migrate ``url``, then fill it with a corpus of ``statements`` statements."""
    gen = Generator(statements, seed)
    seconds = gen.counts.seconds
    t0 = time.perf_counter()
    await asyncio.to_thread(upgrade, url)
    seconds["migrate"] = time.perf_counter() - t0
    engine = create_engine(url)
    tables = schema.Base.metadata.tables
    t0 = time.perf_counter()
    try:
        async with engine.begin() as conn:
            existing = await conn.scalar(select(func.count()).select_from(tables["statement"]))
            if existing:
                raise SystemExit(
                    f"{url} already holds {existing} statements; use an empty database"
                )
            if conn.dialect.name == "postgresql":
                await conn.execute(text("SET LOCAL synchronous_commit = off"))
                await conn.execute(text("SET LOCAL maintenance_work_mem = '256MB'"))
            else:
                await conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MB
            triggers = await set_triggers_aside(conn)
            await write_rows(conn, tables["outlet"], gen.outlets())
            locations, location_aliases = gen.locations()
            await write_rows(conn, tables["location"], locations)
            await write_rows(conn, tables["location_alias"], location_aliases)
            actors, aliases, roles = gen.actors()
            await write_rows(conn, tables["actor"], actors)
            await write_rows(conn, tables["actor_alias"], aliases)
            await write_rows(conn, tables["actor_role"], roles)
            done = 0
            # rows are made in a thread of their own while the database writes the last batch
            batches: queue.Queue[tuple[str, list[dict[str, Any]]] | None] = queue.Queue(4)
            producer = threading.Thread(target=_produce, args=(gen, batches), daemon=True)
            producer.start()
            while (batch := await asyncio.to_thread(batches.get)) is not None:
                name, rows = batch
                await write_rows(conn, tables[name], rows)
                if name == "statement":
                    done += len(rows)
                    if not quiet:
                        rate = done / (time.perf_counter() - t0)
                        print(
                            f"\r{done:,}/{statements:,} statements ({rate:,.0f}/s)",
                            end="",
                            file=sys.stderr,
                        )
            if not quiet:
                print(file=sys.stderr)
            seconds["rows"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            await fill_search_indexes(conn)
            seconds["search_indexes"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            await fill_speaker_days(conn)
            await restore_triggers(conn, triggers)
            # the triggers that bump the data version were aside too: one bump for the load
            await conn.exec_driver_sql(
                "UPDATE data_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP "
                "WHERE id = 1"
            )
            seconds["speaker_days"] = time.perf_counter() - t0
            if conn.dialect.name == "postgresql":
                for name, table in tables.items():
                    if (
                        "id" in table.c
                        and table.c.id.autoincrement is not False
                        and len(table.primary_key.columns) == 1
                    ):
                        await conn.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                            )
                        )
        t0 = time.perf_counter()
        # as a database some time after a load: statistics, visibility maps and the search
        # indexes' pending entries (GIN) or segments (FTS5) merged, as autovacuum would have
        async with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.exec_driver_sql("VACUUM ANALYZE")
            else:
                for index in ("fts_statement", "fts_article", "fts_actor"):
                    await conn.exec_driver_sql(f"INSERT INTO {index} ({index}) VALUES ('optimize')")
                await conn.exec_driver_sql("ANALYZE")
                await conn.commit()
        seconds["vacuum_analyze"] = time.perf_counter() - t0
    finally:
        await engine.dispose()
    return gen.counts


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, required=True, help="number of statements")
    parser.add_argument("--db", required=True, help="database URL (migrated, must be empty)")
    parser.add_argument("--seed", type=int, default=7, help="random seed")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    counts = asyncio.run(build(args.statements, args.db, args.seed))
    seconds = time.perf_counter() - t0
    phases = ", ".join(f"{name} {s:.1f} s" for name, s in counts.seconds.items())
    print(
        f"loaded in {seconds:.1f} s ({counts.statements / seconds:,.0f} statements/s; {phases}): "
        f"{counts.outlets:,} outlets, {counts.actors:,} actors, {counts.aliases:,} aliases, "
        f"{counts.roles:,} roles, {counts.locations:,} locations, {counts.articles:,} articles, "
        f"{counts.statements:,} statements, {counts.attributions:,} attributions, "
        f"{counts.mentions:,} mentions"
    )


if __name__ == "__main__":
    main()
