"""Small value types used across aggregates."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any


def utcnow() -> datetime:
    """The current instant, timezone-aware in UTC. Tests freeze it with time-machine."""
    return datetime.now(timezone.utc)


def to_iso(moment: datetime) -> str:
    """Serialise an aware datetime as ISO 8601 UTC with a trailing Z (second precision)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware one")
    utc = moment.astimezone(timezone.utc)
    if utc.year >= 1000:  # isoformat: a quarter of strftime's cost; below 1000 %Y is not zero-padded
        return utc.isoformat(timespec="seconds")[:19] + "Z"
    return utc.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_iso(text: str | None) -> datetime | None:
    """Parse what `to_iso` wrote (and any ISO 8601 with an offset)."""
    if not text:
        return None
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def jsonable(value: Any) -> Any:
    """`value` in plain JSON types: a dataclass as an object of its fields, instants as ISO
    8601 UTC with Z, dates as YYYY-MM-DD, enums by value, tuples as lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {item.name: jsonable(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A piece of the guide in its Chinese wording and an English rendering."""

    zh: str
    en: str

    def pick(self, language: str) -> str:
        return self.zh if language == "zh" else self.en
