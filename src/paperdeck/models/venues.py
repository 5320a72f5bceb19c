"""Venues and their deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum


class DeadlineKind(str, Enum):
    ABSTRACT = "abstract"
    PAPER = "paper"
    SUPPLEMENTARY = "supplementary"
    REBUTTAL = "rebuttal"
    NOTIFICATION = "notification"
    COMMITMENT = "commitment"
    CAMERA_READY = "camera_ready"
    CONFERENCE_START = "conference_start"
    CONFERENCE_END = "conference_end"


@dataclass(slots=True)
class Venue:
    id: int
    key: str
    name: str
    full_name: str
    field_zh: str
    field_en: str
    paper_types_zh: str
    paper_types_en: str
    guide_note_zh: str
    guide_note_en: str
    url: str
    favourite: bool = False
    version: int = 1


@dataclass(slots=True)
class Deadline:
    """One dated event of a venue edition.

    Exactly one of `at` (an instant, aware, UTC) and `on_date` (a date-only deadline: no time
    is ever invented for it) is set. `tz_label` is the timezone as it was given ("AoE", "PT",
    "UTC+8", an IANA name).
    """

    id: int
    venue_key: str
    edition_year: int
    kind: DeadlineKind
    at: datetime | None
    on_date: date | None
    tz_label: str
    label: str = ""
    is_estimate: bool = False
    source: str = ""
    user_edited: bool = False
    uid: str = ""
