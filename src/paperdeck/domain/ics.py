"""Deadlines, conference dates and paper milestones as an RFC 5545 calendar.

- Each event's UID is the deadline's stored uid, so re-importing an export updates the events
  instead of duplicating them; an estimate carries the uid its announced deadline will have.
- Deadlines with a time are UTC instants (DTSTART ...Z); date-only ones, conferences and
  milestones are all-day events (VALUE=DATE, DTEND the day after the last day).
- DTSTAMP on every event; optional reminders 7 days and 1 day before.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from ..models.venues import DeadlineKind
from ..textsafe import one_line, printable
from .deadlines import own_day, own_text
from .estimates import describe

if TYPE_CHECKING:
    from ..models.venues import Deadline
    from .targets import MilestoneItem

REMINDERS = (timedelta(days=7), timedelta(days=1))


class Calendar:
    """A calendar's components as content lines, written by `to_ics`. Written here rather
    than through icalendar, whose per-property objects took a minute for the 100,000 events
    of 10,000 papers' plans; tests read the output back with icalendar's parser."""

    def __init__(self, properties: list[str]):
        self.lines = ["BEGIN:VCALENDAR", *properties]
        self.events = 0

    def add(self, event: "Event") -> None:
        self.lines += event.lines
        self.events += 1


class Event:
    def __init__(self, uid: str, summary: str, stamp: str):
        """`stamp`: the DTSTAMP value, the same for every event of an export (formatted once)."""
        self.lines = ["BEGIN:VEVENT", f"UID:{_text(uid)}", f"DTSTAMP:{stamp}", f"SUMMARY:{_text(one_line(summary))}"]

    def add(self, line: str) -> None:
        self.lines.append(line)

    def close(self) -> "Event":
        self.lines.append("END:VEVENT")
        return self


def _text(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and newline escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _utc(moment: datetime) -> str:
    moment = moment.astimezone(timezone.utc)  # (strftime is slow: 100,000 events call these)
    return f"{_day(moment)}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"


def _day(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _categories(names: list[str]) -> str:
    return "CATEGORIES:" + ",".join(_text(name) for name in names)


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after one space, never
    splitting a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character: back off
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines carry the leading space
    return "\r\n ".join(parts)


def build_calendar(
    deadlines: Iterable["Deadline"], milestones: Iterable["MilestoneItem"] = (), *,
    now: datetime, reminders: bool = False, version: str = "",
) -> Calendar:
    calendar = Calendar([
        "VERSION:2.0",
        "PRODID:" + _text(f"-//paperdeck//paperdeck {version}//EN".replace("  ", " ")),
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:paperdeck deadlines",
    ])
    stamp = _utc(now)
    conferences: dict[tuple[str, int], dict[DeadlineKind, "Deadline"]] = {}
    for deadline in deadlines:
        if deadline.kind in (DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END):
            conferences.setdefault((deadline.venue_key, deadline.edition_year), {})[deadline.kind] = deadline
            continue
        calendar.add(_deadline_event(deadline, stamp, reminders))
    for (venue_key, year), pair in sorted(conferences.items()):
        calendar.add(_conference_event(venue_key, year, pair, stamp))
    for item in milestones:
        calendar.add(_milestone_event(item, stamp, reminders))
    return calendar


def to_ics(calendar: Calendar) -> bytes:
    lines = [line if len(line) <= 75 and line.isascii() else _fold(line) for line in calendar.lines]
    return ("\r\n".join(lines) + "\r\nEND:VCALENDAR\r\n").encode("utf-8")


def _deadline_event(deadline: "Deadline", stamp: str, reminders: bool) -> Event:
    name = deadline.venue_name or deadline.venue_key
    what = deadline.label or (f"{deadline.kind.label} deadline" if deadline.kind.is_submission else deadline.kind.label)
    prefix = "est. " if deadline.is_estimate else ""
    summary = f"{prefix}{name} {deadline.edition_year}: {what}"
    event = Event(deadline.uid, summary, stamp)
    lines = []
    if deadline.at is not None:
        event.add(f"DTSTART:{_utc(deadline.at)}")
        lines.append(f"Deadline: {own_text(deadline)}")
    else:
        assert deadline.on_date is not None
        event.add(f"DTSTART;VALUE=DATE:{_day(deadline.on_date)}")
        event.add(f"DTEND;VALUE=DATE:{_day(deadline.on_date + timedelta(days=1))}")
        if deadline.is_estimate:
            lines.append(f"Estimated from past editions: {describe(deadline)}. Not announced yet.")
        else:
            lines.append(f"Date only ({deadline.tz_label}): no time was given.")
    if deadline.source:
        lines.append(f"Source: {deadline.source}")
    if deadline.note:
        lines.append(deadline.note)
    event.add("DESCRIPTION:" + _text(printable("\n".join(lines))))
    event.add(_categories(["deadline", deadline.kind.value] + (["estimate"] if deadline.is_estimate else [])))
    event.add("TRANSP:TRANSPARENT")
    if reminders:
        _add_reminders(event, summary)
    return event.close()


def _conference_event(venue_key: str, year: int, pair: dict[DeadlineKind, "Deadline"], stamp: str) -> Event:
    start = pair.get(DeadlineKind.CONFERENCE_START) or pair[DeadlineKind.CONFERENCE_END]
    end = pair.get(DeadlineKind.CONFERENCE_END) or start
    first, last = own_day(start), own_day(end)
    if last < first:
        last = first
    estimate = start.is_estimate or end.is_estimate
    name = start.venue_name or venue_key
    event = Event(f"{venue_key}-{year}-conference@paperdeck", f"{'est. ' if estimate else ''}{name} {year} (conference)", stamp)
    event.add(f"DTSTART;VALUE=DATE:{_day(first)}")
    event.add(f"DTEND;VALUE=DATE:{_day(last + timedelta(days=1))}")
    event.add(_categories(["conference"] + (["estimate"] if estimate else [])))
    event.add("TRANSP:TRANSPARENT")
    return event.close()


_MILESTONE_TAIL = (_categories(["milestone"]), "TRANSP:TRANSPARENT")


def _milestone_event(item: "MilestoneItem", stamp: str, reminders: bool) -> Event:
    summary = f"{item.label_en}: {item.paper_title}"
    event = Event(item.uid, summary, stamp)
    basis = "an estimated deadline" if item.deadline_is_estimate else "the announced deadline"
    event.lines += (
        f"DTSTART;VALUE=DATE:{_day(item.on_date)}",
        f"DTEND;VALUE=DATE:{_day(item.on_date + timedelta(days=1))}",
        "DESCRIPTION:" + _text(one_line(f"Backward plan toward {item.venue_key} ({basis}).")),
        *_MILESTONE_TAIL,
    )
    if reminders:
        _add_reminders(event, summary)
    return event.close()


def _add_reminders(event: Event, summary: str) -> None:
    for before in REMINDERS:
        event.add("BEGIN:VALARM")
        event.add("ACTION:DISPLAY")
        event.add("DESCRIPTION:" + _text(one_line(f"{summary}") + f" in {before.days} day{'s' if before.days != 1 else ''}"))
        event.add(f"TRIGGER:-P{before.days}D")
        event.add("END:VALARM")
