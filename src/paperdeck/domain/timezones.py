"""Deadline timezones: the labels trackers write, turned into real zones.

AoE ("anywhere on Earth") is UTC-12, a fixed offset (IANA `Etc/GMT+12`: POSIX signs are
inverted). "UTC±N" and "GMT±N" are fixed offsets in the everyday sense (GMT+8 is eight hours
ahead of UTC). PT/PDT/PST follow US Pacific daylight saving, like the trackers that write them
mean; CET follows central European summer time. Anything else must be an IANA name.
A date-only deadline stays a date: nothing here invents a time for it. What a deadline's time
means (its day, countdown, how it is written) is in `domain/deadlines.py`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

AOE = ZoneInfo("Etc/GMT+12")

# Abbreviations the trackers use. Ambiguous ones (CST, IST) are refused rather than guessed.
ABBREVIATIONS = {
    "aoe": "Etc/GMT+12",
    "pt": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pst": "America/Los_Angeles",
    "et": "America/New_York", "edt": "America/New_York", "est": "America/New_York",
    "cet": "CET", "cest": "CET",
    "bst": "Europe/London", "jst": "Asia/Tokyo", "kst": "Asia/Seoul", "hst": "Pacific/Honolulu",
}
_OFFSET = re.compile(r"^(UTC|GMT)\s*(?:([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?)?$", re.IGNORECASE)
_WALL = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$"
)


class UnknownTimezone(ValueError):
    pass


class BadDate(ValueError):
    pass


@lru_cache(maxsize=512)
def resolve(label: str) -> tzinfo:
    """The zone a label names. Raises UnknownTimezone with a message fit for a user.
    Remembered per label: every deadline on every screen asks, for a handful of labels."""
    text = (label or "").strip()
    if not text:
        raise UnknownTimezone("empty timezone")
    mapped = ABBREVIATIONS.get(text.lower())
    if mapped:
        return ZoneInfo(mapped)
    match = _OFFSET.match(text)
    if match:
        if not match.group(2):
            return timezone.utc
        sign = -1 if match.group(2) in "-\u2212" else 1
        hours, minutes = int(match.group(3)), int(match.group(4) or 0)
        if hours > 14 or minutes >= 60 or (hours == 14 and minutes):
            raise UnknownTimezone(f"unknown timezone {text!r}: offsets run from UTC-12 to UTC+14")
        if hours == 0 and minutes == 0:
            return timezone.utc
        return timezone(sign * timedelta(hours=hours, minutes=minutes), text.upper().replace("\u2212", "-"))
    if "/" in text or text.isalpha():
        try:
            return ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    raise UnknownTimezone(
        f"unknown timezone {text!r}: use AoE, UTC±N, GMT±N, PT, CET or an IANA name like Asia/Shanghai"
    )


def is_known(label: str) -> bool:
    try:
        resolve(label)
    except UnknownTimezone:
        return False
    return True


def parse_wall(value: object) -> datetime | date:
    """A tracker's date or date-time: a naive wall-clock datetime, or a date when no time is given.

    Accepts `datetime`/`date` objects (PyYAML loads unquoted ones so) and text like
    "2024-05-22 23:59:59", "2021-09-29 12:00", "2022-5-13 23:59:59" or "2024-05-22".
    An offset written in the text ("...Z", "+08:00") gives an aware datetime.
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    text = str(value).strip() if value is not None else ""
    match = _WALL.match(text)
    try:
        if match:
            year, month, day, hour, minute, second = match.groups()
            if hour is None:
                return date(int(year), int(month), int(day))
            return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        if text and text[:4].isdigit():
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise BadDate(f"bad date {text!r}: {error}") from error
    raise BadDate(f"bad date {text!r}" if text else "missing date")


def wall_to_utc(wall: datetime, label: str) -> datetime:
    """A wall-clock time in the zone a label names, as an aware UTC instant."""
    if wall.tzinfo is not None:
        return wall.astimezone(timezone.utc)
    return wall.replace(tzinfo=resolve(label)).astimezone(timezone.utc)


def local_zone(name: str | None, system: tzinfo) -> tzinfo:
    """The user's zone: the `timezone` setting when it names a zone, else the system's."""
    if name:
        try:
            return resolve(name)
        except UnknownTimezone:
            pass
    return system


def zone_name(zone: tzinfo, at: datetime | None = None) -> str:
    """A short display name: "AoE" for UTC-12, the abbreviation where the zone has one."""
    if zone is AOE or getattr(zone, "key", None) == "Etc/GMT+12":
        return "AoE"
    moment = at or datetime.now(timezone.utc)
    name = moment.astimezone(zone).tzname() or ""
    if not name or name[0] in "+-":
        offset = moment.astimezone(zone).utcoffset() or timedelta(0)
        return format_offset(offset)
    return name


def format_offset(offset: timedelta) -> str:
    total = int(offset.total_seconds() // 60)
    if total == 0:
        return "UTC"
    sign = "+" if total > 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")
