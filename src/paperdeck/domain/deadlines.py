"""The deadlines core: how long until a deadline, how urgent it is, which day it falls on, and
how its time is written. Every screen and command asks here (a paper's target and plan are in
`domain/targets.py`, built on this).

Two days belong to every deadline:
- its *own day*: the date where it is announced (23:59 AoE on 29 Jan is on 29 Jan), used to
  compare editions and to place a conference;
- its *local day*: the date it falls on in the user's zone (that deadline is on 30 Jan in
  Shanghai). Countdowns, the month grid and the backward plan use the local day, because the
  user works in local days and the own day can come after the deadline has closed locally.
A date-only deadline has one day, its date: no time is ever invented for it. It stays open
until its day has ended in its own zone.

Anything shaped like a deadline works here (models.venues.Deadline, the day's summary rows):
it needs `at` (aware UTC or None), `on_date`, `tz_label` and `is_estimate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import Enum
from typing import Protocol, TypeVar

from .timezones import AOE, UnknownTimezone, resolve, zone_name
from ..i18n_words import ZH_DAY, ZH_MINUTE, in_chinese


class DeadlineLike(Protocol):
    at: datetime | None
    on_date: date | None
    tz_label: str
    is_estimate: bool


class EditionDeadline(DeadlineLike, Protocol):
    edition_year: int


D = TypeVar("D", bound=EditionDeadline)


# -- days ---------------------------------------------------------------------------------------


def own_zone(deadline: DeadlineLike) -> tzinfo:
    """The zone the deadline is announced in."""
    return _own(deadline)[0]


def _own(deadline: DeadlineLike) -> tuple[tzinfo, str]:
    """(zone, label as announced). A label no zone matches is read as AoE, the trackers'
    default (the store refuses such labels; an old row may still hold one)."""
    label = (deadline.tz_label or "").strip()
    try:
        return resolve(label), label
    except UnknownTimezone:
        return AOE, "AoE"


def own_day(deadline: DeadlineLike) -> date:
    """The day the deadline falls on in its own zone (its date, for a date-only one)."""
    if deadline.at is None:
        assert deadline.on_date is not None
        return deadline.on_date
    return deadline.at.astimezone(own_zone(deadline)).date()


def local_day(deadline: DeadlineLike, zone: tzinfo) -> date:
    """The day the deadline falls on in `zone` (its date, for a date-only one)."""
    if deadline.at is None:
        assert deadline.on_date is not None
        return deadline.on_date
    return deadline.at.astimezone(zone).date()


def local_today(now: datetime, zone: tzinfo) -> date:
    """The user's date at `now`."""
    return now.astimezone(zone).date()


def opens_at(deadline: DeadlineLike) -> datetime:
    """The earliest instant the deadline can be: its time, or the start of its date in its own
    zone. The order deadlines are listed in."""
    if deadline.at is not None:
        return deadline.at
    assert deadline.on_date is not None
    return datetime.combine(deadline.on_date, time(0, 0), tzinfo=own_zone(deadline)).astimezone(timezone.utc)


def closes_at(deadline: DeadlineLike) -> datetime:
    """The last moment to meet it: its time, or the end of its date in its own zone."""
    if deadline.at is not None:
        return deadline.at
    return opens_at(deadline) + timedelta(days=1)


def is_open(deadline: DeadlineLike, now: datetime) -> bool:
    """Not yet passed: a timed deadline until its minute, a date-only one through its day."""
    if deadline.at is not None:
        return now <= deadline.at
    return now < closes_at(deadline)


def by_edition(deadlines: Iterable[D]) -> dict[int, list[D]]:
    """Deadlines grouped by edition year, the newest edition first; each keeps the given order."""
    editions: dict[int, list[D]] = {}
    for deadline in deadlines:
        editions.setdefault(deadline.edition_year, []).append(deadline)
    return dict(sorted(editions.items(), reverse=True))


# -- urgency and countdown ----------------------------------------------------------------------


class Urgency(str, Enum):
    """The one urgency vocabulary (the colour of a countdown)."""

    PAST = "past"
    URGENT = "urgent"      # within a day (a date-only deadline: today or tomorrow)
    SOON = "soon"          # within a week
    NEAR = "near"          # within a month
    LATER = "later"


URGENT_DAYS, SOON_DAYS, NEAR_DAYS = 1, 7, 30
# How each urgency is shown (Rich style names; `paperdeck today` maps them to ANSI codes).
URGENCY_STYLE = {
    Urgency.PAST: "dim", Urgency.URGENT: "bold red", Urgency.SOON: "yellow", Urgency.NEAR: "cyan",
    Urgency.LATER: "",
}


def days_until(deadline: DeadlineLike, now: datetime, zone: tzinfo) -> int:
    """Whole local days from today to a date-only deadline's date (0: today)."""
    assert deadline.on_date is not None
    return (deadline.on_date - local_today(now, zone)).days


def urgency(deadline: DeadlineLike, now: datetime, zone: tzinfo) -> Urgency:
    if not is_open(deadline, now):
        return Urgency.PAST
    if deadline.at is None:
        left = timedelta(days=max(0, days_until(deadline, now, zone)))
    else:
        left = deadline.at - now
    if left <= timedelta(days=URGENT_DAYS):
        return Urgency.URGENT
    if left <= timedelta(days=SOON_DAYS):
        return Urgency.SOON
    if left <= timedelta(days=NEAR_DAYS):
        return Urgency.NEAR
    return Urgency.LATER


_WORDS = {
    # key: (zh, en)
    "passed": ("已过", "passed"),
    "today": ("今天", "today"),
    "day": ("{n} 天", "{n} day"),
    "days": ("{n} 天", "{n} days"),
    "d": ("{n}天", "{n}d"),
    "dh": ("{d}天{h}时", "{d}d {h}h"),           # the usual countdown form: 11天13时, 5时03分
    "hm": ("{h}时{m:02d}分", "{h}h {m:02d}m"),
    "h": ("{h}小时", "{h}h"),
    "m": ("{m}分钟", "{m}m"),
}


def _say(key: str, language: str, **values: int) -> str:
    zh, en = _WORDS[key]
    return (zh if language == "zh" else en).format(**values)


def countdown(
    deadline: DeadlineLike, now: datetime, zone: tzinfo, language: str = "en", *, compact: bool = False,
) -> str:
    """Time left: "12d 5h", "5h 03m", "12m"; a date-only deadline in whole local days
    ("today", "1 day", "41 days"); "passed" once closed. `compact` (a board tile): "41d", "5h".
    An estimate starts with "~"."""
    prefix = "~" if deadline.is_estimate else ""
    if not is_open(deadline, now):
        return prefix + _say("passed", language)
    if deadline.at is None:
        days = max(0, days_until(deadline, now, zone))
        if days == 0:
            text = _say("today", language)
        elif compact:
            text = _say("d", language, n=days)
        else:
            text = _say("day" if days == 1 else "days", language, n=days)
        return prefix + text
    seconds = int((deadline.at - now).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        text = _say("d", language, n=days) if compact else _say("dh", language, d=days, h=hours)
    elif hours:
        text = _say("h", language, h=hours) if compact else _say("hm", language, h=hours, m=minutes)
    else:
        text = _say("m", language, m=minutes)
    return prefix + text


# -- how a time is written ----------------------------------------------------------------------

ISO_MINUTE = "%Y-%m-%d %H:%M"
ISO_DAY = "%Y-%m-%d"


def instant_text(at: datetime, zone: tzinfo, fmt: str = ISO_MINUTE, label: str | None = None) -> str:
    """An instant as wall time in `zone`, followed by the name of that zone:
    "2027-01-29 23:59 AoE", "2027-01-30 19:59 CST". The one way a time is written."""
    return f"{at.astimezone(zone):{fmt}} {label or zone_name(zone, at)}"


def own_text(deadline: DeadlineLike, fmt: str = ISO_MINUTE, day_fmt: str = ISO_DAY) -> str:
    """The deadline in its own zone, labelled as announced ("2027-01-29 23:59 AoE"); a
    date-only one is its date."""
    if deadline.at is None:
        assert deadline.on_date is not None
        return f"{deadline.on_date:{day_fmt}}"
    zone, label = _own(deadline)
    return instant_text(deadline.at, zone, fmt, label)


def local_text(
    deadline: DeadlineLike, zone: tzinfo, fmt: str = ISO_MINUTE, day_fmt: str = ISO_DAY, *, named: bool = True,
) -> str:
    """The deadline in the user's zone, with that zone's name ("2027-01-30 19:59 CST"; `named`
    False where a list names the zone once, in its header); a date-only one is its date."""
    if deadline.at is None:
        assert deadline.on_date is not None
        return f"{deadline.on_date:{day_fmt}}"
    if not named:
        return f"{deadline.at.astimezone(zone):{fmt}}"
    return instant_text(deadline.at, zone, fmt)


def same_wall_time(deadline: DeadlineLike, zone: tzinfo) -> bool:
    """True when the user's zone reads the deadline exactly as its own zone does."""
    if deadline.at is None:
        return True
    return deadline.at.astimezone(zone).utcoffset() == deadline.at.astimezone(own_zone(deadline)).utcoffset()


def when_text(
    deadline: DeadlineLike, zone: tzinfo, language: str = "en", fmt: str = "%a %d %b %H:%M",
    day_fmt: str = "%a %d %b", sep: str = " · ",
) -> str:
    """Both readings: "Fri 29 Jan 23:59 AoE · Sat 30 Jan 19:59 CST" (the local one left out
    when it reads the same; `sep` between them); a date-only deadline: "Fri 29 Jan AoE (date
    only)"; in Chinese "1月29日 周五 23:59 AoE"."""
    if language == "zh":
        fmt, day_fmt = ZH_MINUTE, ZH_DAY
    if deadline.at is None:
        assert deadline.on_date is not None
        only = "（仅日期）" if language == "zh" else " (date only)"
        text = f"{deadline.on_date:{day_fmt}} {_own(deadline)[1]}{only}"
    else:
        text = own_text(deadline, fmt)
        if not same_wall_time(deadline, zone):
            text = f"{text}{sep}{local_text(deadline, zone, fmt)}"
    return in_chinese(text) if language == "zh" else text
