"""Deadlines, conference dates and paper milestones as an RFC 5545 calendar (icalendar).

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
    from icalendar import Calendar, Event

    from ..models.venues import Deadline
    from .targets import MilestoneItem

REMINDERS = (timedelta(days=7), timedelta(days=1))


def build_calendar(
    deadlines: Iterable["Deadline"], milestones: Iterable["MilestoneItem"] = (), *,
    now: datetime, reminders: bool = False, version: str = "",
) -> "Calendar":
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", f"-//paperdeck//paperdeck {version}//EN".replace("  ", " "))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "paperdeck deadlines")
    stamp = now.astimezone(timezone.utc).replace(microsecond=0)
    conferences: dict[tuple[str, int], dict[DeadlineKind, "Deadline"]] = {}
    for deadline in deadlines:
        if deadline.kind in (DeadlineKind.CONFERENCE_START, DeadlineKind.CONFERENCE_END):
            conferences.setdefault((deadline.venue_key, deadline.edition_year), {})[deadline.kind] = deadline
            continue
        calendar.add_component(_deadline_event(deadline, stamp, reminders))
    for (venue_key, year), pair in sorted(conferences.items()):
        calendar.add_component(_conference_event(venue_key, year, pair, stamp))
    for item in milestones:
        calendar.add_component(_milestone_event(item, stamp, reminders))
    return calendar


def to_ics(calendar: "Calendar") -> bytes:
    return calendar.to_ical()


def _event(uid: str, summary: str, stamp: datetime) -> "Event":
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", one_line(summary))
    return event


def _deadline_event(deadline: "Deadline", stamp: datetime, reminders: bool) -> "Event":
    name = deadline.venue_name or deadline.venue_key
    what = deadline.label or (f"{deadline.kind.label} deadline" if deadline.kind.is_submission else deadline.kind.label)
    prefix = "est. " if deadline.is_estimate else ""
    summary = f"{prefix}{name} {deadline.edition_year}: {what}"
    event = _event(deadline.uid, summary, stamp)
    lines = []
    if deadline.at is not None:
        event.add("dtstart", deadline.at.astimezone(timezone.utc))
        lines.append(f"Deadline: {own_text(deadline)}")
    else:
        assert deadline.on_date is not None
        event.add("dtstart", deadline.on_date)
        event.add("dtend", deadline.on_date + timedelta(days=1))
        if deadline.is_estimate:
            lines.append(f"Estimated from past editions: {describe(deadline)}. Not announced yet.")
        else:
            lines.append(f"Date only ({deadline.tz_label}): no time was given.")
    if deadline.source:
        lines.append(f"Source: {deadline.source}")
    if deadline.note:
        lines.append(deadline.note)
    event.add("description", printable("\n".join(lines)))
    event.add("categories", ["deadline", deadline.kind.value] + (["estimate"] if deadline.is_estimate else []))
    event.add("transp", "TRANSPARENT")
    if reminders:
        _add_reminders(event, summary)
    return event


def _conference_event(venue_key: str, year: int, pair: dict[DeadlineKind, "Deadline"], stamp: datetime) -> "Event":
    start = pair.get(DeadlineKind.CONFERENCE_START) or pair[DeadlineKind.CONFERENCE_END]
    end = pair.get(DeadlineKind.CONFERENCE_END) or start
    first, last = own_day(start), own_day(end)
    if last < first:
        last = first
    estimate = start.is_estimate or end.is_estimate
    name = start.venue_name or venue_key
    event = _event(f"{venue_key}-{year}-conference@paperdeck",
                   f"{'est. ' if estimate else ''}{name} {year} (conference)", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))
    event.add("categories", ["conference"] + (["estimate"] if estimate else []))
    event.add("transp", "TRANSPARENT")
    return event


def _milestone_event(item: "MilestoneItem", stamp: datetime, reminders: bool) -> "Event":
    summary = f"{item.label_en}: {item.paper_title}"
    event = _event(item.uid, summary, stamp)
    event.add("dtstart", item.on_date)
    event.add("dtend", item.on_date + timedelta(days=1))
    basis = "an estimated deadline" if item.deadline_is_estimate else "the announced deadline"
    event.add("description", one_line(f"Backward plan toward {item.venue_key} ({basis})."))
    event.add("categories", ["milestone"])
    event.add("transp", "TRANSPARENT")
    if reminders:
        _add_reminders(event, summary)
    return event


def _add_reminders(event: "Event", summary: str) -> None:
    from icalendar import Alarm

    for before in REMINDERS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -before)
        alarm.add("description", one_line(f"{summary}") + f" in {before.days} day{'s' if before.days != 1 else ''}")
        event.add_component(alarm)

