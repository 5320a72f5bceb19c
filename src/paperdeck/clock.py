"""The machine's own time zone, read from the environment. The one place that asks the system;
the rules that use a zone live in `domain.timezones`. Imports nothing of paperdeck.

$TZ may hold an IANA name (`Europe/Berlin`) or a POSIX rule (`JST-9`, `<+0530>-5:30`,
`CET-1CEST,M3.5.0,M10.5.0/3`). Anything else, and a POSIX offset of a day or more such as
`UTC+24` (which the C library accepts and Python's datetime cannot hold), is not a usable
zone: `repair_environment_zone()` replaces it with UTC at start-up and says so.
"""

from __future__ import annotations

import os
import re
import time
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_OFFSET = r"[+-]?(?P<{}>\d{{1,2}})(?::\d{{1,2}}){{0,2}}"
_RULE = r"(?:J\d{1,3}|\d{1,3}|M\d{1,2}\.\d\.\d)(?:/[+-]?\d{1,3}(?::\d{1,2}){0,2})?"
_POSIX = re.compile(
    rf"^{_NAME}{_OFFSET.format('std')}(?:{_NAME}(?:{_OFFSET.format('dst')})?(?:,{_RULE},{_RULE})?)?$"
)


def _posix_rule(value: str) -> bool:
    """A POSIX TZ rule whose offsets stay under a day (what datetime can hold)."""
    match = _POSIX.match(value)
    if match is None:
        return False
    return all(int(hours) < 24 for hours in match.group("std", "dst") if hours is not None)


def _environment_value() -> str:
    return os.environ.get("TZ", "").lstrip(":")


def zone_problem(value: str) -> str | None:
    """Why $TZ=`value` is not usable, or None ("" means unset: the system's zone)."""
    if not value:
        return None
    try:
        ZoneInfo(value)
        return None
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    if _posix_rule(value):
        return None
    return "is not a time zone (an IANA name such as Europe/Berlin, or a POSIX rule such as JST-9)"


def repair_environment_zone() -> str | None:
    """When $TZ is not usable, set it to UTC for this process; return the one-line warning."""
    value = _environment_value()
    problem = zone_problem(value)
    if problem is None:
        return None
    os.environ["TZ"] = "UTC"
    if hasattr(time, "tzset"):
        time.tzset()
    return f"TZ={value!r} {problem}; using UTC"


def system_zone() -> tzinfo:
    """$TZ (an IANA name or a POSIX rule), else the zone /etc/localtime points at, else the C
    library's current offset, else UTC. Never raises."""
    candidate = _environment_value()
    if candidate:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
        if _posix_rule(candidate):
            return _libc_zone()
        return timezone.utc  # not a zone at all: what repair_environment_zone() chooses too
    try:
        target = str(Path("/etc/localtime").resolve())
        marker = "/zoneinfo/"
        if marker in target:
            return ZoneInfo(target.split(marker, 1)[1])
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    return _libc_zone()


def _libc_zone() -> tzinfo:
    """The C library's offset now, as a fixed zone (a POSIX rule's DST switch is not followed)."""
    try:
        if hasattr(time, "tzset"):
            time.tzset()
        offset = time.localtime().tm_gmtoff
        if abs(offset) >= 86400:
            return timezone.utc
        return datetime.now().astimezone().tzinfo or timezone(timedelta(seconds=offset))
    except (OverflowError, ValueError, OSError):
        return timezone.utc


def local_now() -> datetime:
    """Now in the system's zone, naive (for file names and stamps a person reads)."""
    return datetime.now(timezone.utc).astimezone(system_zone()).replace(tzinfo=None)
