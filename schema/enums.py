"""Closed vocabularies of the data model.

Stored as plain strings (no native database enums) so that adding a member is a code change,
not a migration that differs between SQLite and PostgreSQL.
"""

from __future__ import annotations

from enum import StrEnum


class OutletKind(StrEnum):
    NEWSPAPER = "newspaper"
    BROADCASTER = "broadcaster"
    AGENCY = "agency"
    STATE_MEDIA = "state_media"
    MAGAZINE = "magazine"
    ONLINE = "online"
    BLOG = "blog"
    OTHER = "other"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    ARMED_GROUP = "armed_group"
    PARTY = "party"
    GOVERNMENT = "government"
    STATE = "state"
    MEDIA = "media"
    ANONYMOUS = "anonymous"
    GROUP = "group"


class LocationKind(StrEnum):
    COUNTRY = "country"
    PROVINCE = "province"
    CITY = "city"
    MILITARY_BASE = "military_base"
    AIRPORT = "airport"
    REGION = "region"
    BORDER = "border"
    SEA = "sea"
    OTHER = "other"


class StatementKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Medium(StrEnum):
    INTERVIEW = "interview"
    PRESS_CONFERENCE = "press_conference"
    SPEECH = "speech"
    TWEET = "tweet"
    PRESS_RELEASE = "press_release"
    MEETING = "meeting"
    STATEMENT = "statement"
    OTHER = "other"


class IngestStatus(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    PARTIAL = "partial"
    FAILED = "failed"
