"""The .ics builder: RFC 5545 through icalendar's own parser, milestones, user text."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from paperdeck.models.venues import Deadline, DeadlineKind
from paperdeck.domain.deadlines import countdown, urgency
from paperdeck.domain.targets import MilestoneItem
from paperdeck.domain.ics import build_calendar, to_ics

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def _deadline(**overrides):
    values = dict(id=1, venue_key="neurips", edition_year=2027, kind=DeadlineKind.PAPER,
                  at=datetime(2027, 5, 7, 11, 59, 59, tzinfo=timezone.utc), on_date=None, tz_label="AoE",
                  uid="neurips-2027-paper-1@paperdeck", venue_name="NeurIPS")
    values.update(overrides)
    return Deadline(**values)


def test_milestones_and_hostile_text_survive_the_round_trip():
    milestone = MilestoneItem("paper-3-draft_by@paperdeck", 3, "[red]RLHF[/] 奖励漂移 🎉\x1b[2J", "neurips",
                              "draft_by", "初稿完成", "Draft by", date(2027, 4, 30), True)
    estimate = _deadline(at=None, on_date=date(2027, 5, 11), is_estimate=True, kind=DeadlineKind.ABSTRACT,
                         uid="neurips-2027-abstract-1@paperdeck", range_start=date(2027, 5, 6),
                         range_end=date(2027, 5, 23), based_on=(2023, 2026), source="estimate")
    data = to_ics(build_calendar([_deadline(note="line one\nline two"), estimate], [milestone],
                                 now=NOW, reminders=True))
    parsed = Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    assert set(events) == {"neurips-2027-paper-1@paperdeck", "neurips-2027-abstract-1@paperdeck",
                           "paper-3-draft_by@paperdeck"}
    assert "05-06 to 05-23" in str(events["neurips-2027-abstract-1@paperdeck"]["DESCRIPTION"])
    draft = events["paper-3-draft_by@paperdeck"]
    assert str(draft["SUMMARY"]).startswith("Draft by: [red]RLHF[/] 奖励漂移 🎉")
    assert "\x1b" not in str(draft["SUMMARY"])
    assert draft.decoded("DTSTART") == date(2027, 4, 30)
    assert len(draft.walk("VALARM")) == 2
    assert all(e.decoded("DTSTAMP") == NOW for e in parsed.walk("VEVENT"))


def test_long_lines_fold_within_75_octets_without_splitting_a_character():
    title = "长标题" * 40 + " with; commas, and \\ backslashes 🎉" * 3
    milestone = MilestoneItem("paper-9-draft_by@paperdeck", 9, title, "neurips", "draft_by", "初稿完成", "Draft by",
                              date(2027, 4, 30), False)
    data = to_ics(build_calendar([_deadline(note="x" * 200)], [milestone], now=NOW))
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # each physical line is whole characters
    events = {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}
    assert str(events["paper-9-draft_by@paperdeck"]["SUMMARY"]) == f"Draft by: {title}"
    assert str(events["neurips-2027-paper-1@paperdeck"]["DESCRIPTION"]).endswith("x" * 200)


def test_estimate_is_all_day_and_marked():
    estimate = _deadline(at=None, on_date=date(2027, 5, 15), is_estimate=True, uid="neurips-2027-paper-1@paperdeck")
    [event] = Calendar.from_ical(to_ics(build_calendar([estimate], now=NOW))).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("est. NeurIPS 2027")
    assert event.decoded("DTSTART") == date(2027, 5, 15) and event.decoded("DTEND") == date(2027, 5, 16)


def test_countdown_and_urgency_with_a_frozen_clock():
    utc = timezone.utc
    assert countdown(_deadline(at=datetime(2026, 12, 1, 14, 30, tzinfo=utc)), NOW, utc) == "2d 5h"
    assert countdown(_deadline(at=datetime(2026, 11, 29, 12, 5, tzinfo=utc)), NOW, utc) == "3h 05m"
    assert countdown(_deadline(at=datetime(2026, 11, 29, 9, 12, tzinfo=utc)), NOW, utc) == "12m"
    assert countdown(_deadline(at=datetime(2026, 11, 28, tzinfo=utc)), NOW, utc) == "passed"
    assert countdown(_deadline(at=None, on_date=date(2026, 11, 29)), NOW, utc) == "today"
    assert countdown(_deadline(at=None, on_date=date(2026, 12, 9)), NOW, utc) == "10 days"
    assert countdown(_deadline(at=None, on_date=date(2026, 12, 9), is_estimate=True), NOW, utc, compact=True) == "~10d"
    assert countdown(_deadline(at=datetime(2026, 12, 1, 14, 30, tzinfo=utc)), NOW, utc, "zh") == "2天5时"
    assert countdown(_deadline(at=None, on_date=date(2026, 12, 9)), NOW, utc, "zh") == "10 天"
    ahead = [_deadline(at=NOW + timedelta(hours=h)) for h in (-1, 20, 24 * 5, 24 * 20, 24 * 40)]
    assert [urgency(deadline, NOW, utc) for deadline in ahead] == [
        "past", "urgent", "soon", "near", "later"]


def test_paper_milestones_come_from_the_pipeline_plan(store, cli):
    from paperdeck.models.papers import Stage
    from paperdeck.usecases.paper_targets import paper_milestones

    store.settings.update(timezone="UTC")
    paper = store.papers.add("奖励漂移 [b]RLHF[/]", Stage.EXPERIMENTS, venue_key="icml")
    items = paper_milestones(store, NOW)
    assert items and all(item.paper_id == paper.id for item in items)
    assert items[-1].on_date == store.venues.next_deadline("icml", NOW).on_date  # submit by = the deadline
    exported = cli("export", "ics", "--venue", "icml")
    parsed = Calendar.from_ical(exported.stdout.encode())
    uids = {str(e["UID"]) for e in parsed.walk("VEVENT")}
    assert {item.uid for item in items} <= uids
