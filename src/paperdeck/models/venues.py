"""Venues and their deadlines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from enum import Enum

from ..i18n_words import has_chinese


class DeadlineKind(str, Enum):
    ABSTRACT = "abstract"
    PAPER = "paper"
    SUPPLEMENTARY = "supplementary"
    REVIEWS = "reviews"
    REBUTTAL = "rebuttal"
    NOTIFICATION = "notification"
    COMMITMENT = "commitment"
    CAMERA_READY = "camera_ready"
    CONFERENCE_START = "conference_start"
    CONFERENCE_END = "conference_end"
    OTHER = "other"

    @property
    def label(self) -> str:
        return KIND_LABELS[self][1]

    @property
    def label_zh(self) -> str:
        return KIND_LABELS[self][0]

    def pick(self, language: str) -> str:
        return self.label_zh if language == "zh" else self.label

    @property
    def is_submission(self) -> bool:
        """A deadline the author must meet (not an event that happens to them)."""
        return self in SUBMISSION_KINDS

    @classmethod
    def parse(cls, text: str) -> "DeadlineKind":
        wanted = text.strip().lower().replace("-", "_").replace(" ", "_")
        for kind in cls:
            if wanted in (kind.value, kind.label.lower().replace(" ", "_")) or text.strip() == kind.label_zh:
                return kind
        names = ", ".join(kind.value for kind in cls)
        raise ValueError(f"unknown deadline kind {text!r}; expected one of: {names}")


KIND_LABELS: dict[DeadlineKind, tuple[str, str]] = {
    DeadlineKind.ABSTRACT: ("摘要截止", "Abstract"),
    DeadlineKind.PAPER: ("论文截止", "Paper"),
    DeadlineKind.SUPPLEMENTARY: ("补充材料", "Supplementary"),
    DeadlineKind.REVIEWS: ("审稿意见", "Reviews out"),
    DeadlineKind.REBUTTAL: ("Rebuttal", "Rebuttal"),
    DeadlineKind.NOTIFICATION: ("录用通知", "Notification"),
    DeadlineKind.COMMITMENT: ("ARR 承诺", "Commitment"),
    DeadlineKind.CAMERA_READY: ("终稿", "Camera-ready"),
    DeadlineKind.CONFERENCE_START: ("会议开始", "Conference starts"),
    DeadlineKind.CONFERENCE_END: ("会议结束", "Conference ends"),
    DeadlineKind.OTHER: ("其他", "Other"),
}

SUBMISSION_KINDS = frozenset({
    DeadlineKind.ABSTRACT, DeadlineKind.PAPER, DeadlineKind.SUPPLEMENTARY,
    DeadlineKind.REBUTTAL, DeadlineKind.COMMITMENT, DeadlineKind.CAMERA_READY,
})
CONFERENCE_KINDS = frozenset({DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END})


@dataclass(slots=True)
class Venue:
    """A conference or journal."""

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
    rhythm_zh: str = ""          # the true rhythm from recent editions (the guide's may be wrong)
    rhythm_en: str = ""
    user_edited: bool = False
    group_key: str | None = None
    aliases: list[str] = field(default_factory=list)  # other names in public deadline data
    seed_key: str | None = None
    updated_at: datetime | None = None
    hidden: bool = False         # out of every list (papers may still target it)
    field_sources: dict[str, str] = field(default_factory=dict)   # field -> the tracker it came from
    tracker_paths: dict[str, str] = field(default_factory=dict)   # tracker -> the venue's file there


@dataclass(slots=True)
class Deadline:
    """One dated event of a venue edition.

    Exactly one of `at` (an instant, aware, UTC) and `on_date` (a date-only deadline: no time
    is ever invented for it) is set. `tz_label` is the timezone as it was given ("AoE", "PT",
    "UTC+8", an IANA name). An estimate (`is_estimate`) is computed, never stored: it carries
    the range its past editions span and the years it was estimated from.
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
    note: str = ""
    venue_name: str = ""
    range_start: date | None = None
    range_end: date | None = None
    based_on: tuple[int, ...] = field(default_factory=tuple)
    updated_at: datetime | None = None
    field_sources: dict[str, str] = field(default_factory=dict)  # "when"/"label"/"note" -> source
    invalid: str = ""            # why a stored row cannot be read (a date out of range): shown, deletable
    version: int = 1

    @property
    def is_date_only(self) -> bool:
        return self.at is None

    def display_name(self, language: str = "en") -> str:
        return deadline_name(self.label, self.kind, language)


def deadline_name(label: str, kind: DeadlineKind, language: str = "en") -> str:
    """A deadline's label; in Chinese, a label with no Chinese in it (a tracker's "Abstract
    submission deadline") gives way to the kind's Chinese name."""
    if language == "zh" and not has_chinese(label):
        return with_phase_zh(kind.label_zh, label)
    return label or kind.pick(language)


# A tracker's English label that opens or closes a period ("Rebuttal period starts",
# "Author response end"): without this the two rows of a period read alike in Chinese.
_STARTS = re.compile(r"\b(start|starts|begin|begins|opens?)\b", re.IGNORECASE)
_ENDS = re.compile(r"\b(end|ends|close|closes)\b", re.IGNORECASE)


def with_phase_zh(name_zh: str, label: str) -> str:
    """`name_zh` with "开始" / "结束" when the English `label` names a period's start / end
    and the Chinese name does not already say when ("论文截止", "会议开始")."""
    phase = "开始" if _STARTS.search(label) else "结束" if _ENDS.search(label) else ""
    if not phase or name_zh.endswith(("开始", "结束", "截止")):
        return name_zh
    return name_zh + (" " if name_zh[-1].isascii() else "") + phase


def deadline_uid(venue_key: str, edition_year: int, kind: DeadlineKind | str, ordinal: int = 1) -> str:
    """The stable identity of a known deadline: the same event from any source or export."""
    kind_value = kind.value if isinstance(kind, DeadlineKind) else kind
    return f"{venue_key}-{edition_year}-{kind_value}-{ordinal}@paperdeck"


def ensure_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware one")
    return moment.astimezone(timezone.utc)


@dataclass(slots=True)
class ParsedDeadline:
    """One deadline read from a public tracker's file, before it meets the database."""

    venue_name: str
    edition_year: int
    kind: DeadlineKind
    ordinal: int                 # 1, 2, ... among the edition's deadlines of this kind
    at: datetime | None          # aware UTC, or None for a date-only deadline
    on_date: date | None
    tz_label: str
    label: str = ""
    note: str = ""
    source: str = ""
    full_name: str = ""
    entry: str = ""              # the file's entry it was read from, e.g. "ICML 2026 (icml26)"
