"""Deadline timezones: AoE, fixed offsets, PT across daylight saving, date-only deadlines."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from paperdeck.models.venues import Deadline, DeadlineKind
from paperdeck.domain.deadlines import (
    closes_at, local_day, local_text, opens_at, own_day, own_text, when_text,
)
from paperdeck.domain.timezones import (
    BadDate, UnknownTimezone, local_zone, parse_wall,
    resolve, wall_to_utc, zone_name,
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_aoe_is_utc_minus_12_and_the_same_as_utc_minus_12():
    wall = datetime(2026, 5, 6, 23, 59, 59)
    assert wall_to_utc(wall, "AoE") == utc(2026, 5, 7, 11, 59, 59)
    assert wall_to_utc(wall, "UTC-12") == wall_to_utc(wall, "aoe") == wall_to_utc(wall, "Etc/GMT+12")


def test_one_moment_written_two_ways_by_two_trackers():
    ccf = wall_to_utc(datetime(2026, 5, 7, 11, 59, 0), "UTC+0")
    hugging_face = wall_to_utc(datetime(2026, 5, 6, 23, 59, 59), "AoE")
    assert abs(ccf - hugging_face) < timedelta(minutes=1)


@pytest.mark.parametrize(("label", "hours"), [
    ("UTC", 0), ("UTC+0", 0), ("GMT", 0), ("GMT+8", 8), ("UTC-7", -7), ("UTC+5:30", 5.5), ("utc − 3", -3),
])
def test_fixed_offsets_read_the_everyday_way(label, hours):
    # GMT+8 is eight hours AHEAD of UTC (unlike POSIX Etc/GMT+8).
    moment = wall_to_utc(datetime(2026, 1, 1, 12, 0), label)
    assert moment == utc(2026, 1, 1, 12, 0) - timedelta(hours=hours)


def test_pt_follows_us_daylight_saving_on_both_sides_of_the_change():
    # US DST began 2024-03-10 at 02:00 local: PST (UTC-8) before, PDT (UTC-7) after.
    assert wall_to_utc(datetime(2024, 3, 9, 23, 59), "PT") == utc(2024, 3, 10, 7, 59)
    assert wall_to_utc(datetime(2024, 3, 11, 23, 59), "PT") == utc(2024, 3, 12, 6, 59)
    # And back in November: PDT until 2024-11-03.
    assert wall_to_utc(datetime(2024, 11, 2, 23, 59), "PDT") == utc(2024, 11, 3, 6, 59)
    assert wall_to_utc(datetime(2024, 11, 4, 23, 59), "PST") == utc(2024, 11, 5, 7, 59)


def test_cet_and_iana_names():
    assert wall_to_utc(datetime(2024, 7, 1, 12, 0), "CET") == utc(2024, 7, 1, 10, 0)  # CEST in summer
    assert wall_to_utc(datetime(2024, 1, 1, 12, 0), "CET") == utc(2024, 1, 1, 11, 0)
    assert wall_to_utc(datetime(2024, 1, 1, 12, 0), "Asia/Seoul") == utc(2024, 1, 1, 3, 0)
    assert wall_to_utc(datetime(2024, 1, 1, 12, 0), "America/Los_Angeles") == utc(2024, 1, 1, 20, 0)


@pytest.mark.parametrize("label", ["", "Mars/Olympus", "UTC+15", "CST", "[red]x[/]", "../../etc/passwd", "时区", "UTC+1:75"])
def test_unknown_or_ambiguous_timezones_are_refused_with_a_message(label):
    with pytest.raises(UnknownTimezone, match="timezone"):
        resolve(label)


def test_an_aoe_deadline_shown_in_utc_plus_8_falls_on_the_next_day():
    deadline = Deadline(0, "neurips", 2026, DeadlineKind.PAPER,
                        at=wall_to_utc(datetime(2026, 5, 6, 23, 59, 59), "AoE"), on_date=None, tz_label="AoE")
    shanghai = ZoneInfo("Asia/Shanghai")
    assert local_day(deadline, shanghai) == date(2026, 5, 7) and own_day(deadline) == date(2026, 5, 6)
    assert local_text(deadline, shanghai) == "2026-05-07 19:59 CST"
    assert own_text(deadline) == "2026-05-06 23:59 AoE"
    # Both readings, each labelled with the zone it is read in.
    assert when_text(deadline, shanghai) == "Wed 06 May 23:59 AoE · Thu 07 May 19:59 CST"
    assert when_text(deadline, ZoneInfo("Etc/GMT+12")) == "Wed 06 May 23:59 AoE"


def test_a_date_only_deadline_stays_date_only():
    deadline = Deadline(0, "acl", 2027, DeadlineKind.CONFERENCE_START, at=None,
                        on_date=date(2027, 8, 17), tz_label="AoE")
    shanghai = ZoneInfo("Asia/Shanghai")
    assert (local_text(deadline, shanghai), own_text(deadline)) == ("2027-08-17", "2027-08-17")
    assert when_text(deadline, shanghai) == "Tue 17 Aug AoE (date only)"
    assert local_day(deadline, ZoneInfo("Pacific/Kiritimati")) == date(2027, 8, 17)
    assert opens_at(deadline) == utc(2027, 8, 17, 12, 0)  # its day's start, AoE
    assert closes_at(deadline) == utc(2027, 8, 18, 12, 0)  # and it lasts through its day


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-05-22 23:59:59", datetime(2024, 5, 22, 23, 59, 59)),
    ("2021-09-29 12:00", datetime(2021, 9, 29, 12, 0)),
    ("2022-5-13 23:59:59", datetime(2022, 5, 13, 23, 59, 59)),
    ("2024-05-22", date(2024, 5, 22)),
    (date(2025, 4, 24), date(2025, 4, 24)),
])
def test_wall_times_and_dates(text, expected):
    assert parse_wall(text) == expected


@pytest.mark.parametrize("text", ["TBD", "2024-13-01 10:00", "2024-02-30", "May 5", "", None, "2024-05-22 25:00"])
def test_bad_dates_are_refused(text):
    with pytest.raises(BadDate):
        parse_wall(text)


def test_local_zone_from_setting_then_tz(monkeypatch):
    from paperdeck.clock import system_zone

    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert local_zone("Asia/Tokyo", system_zone()) == ZoneInfo("Asia/Tokyo")
    assert local_zone(None, system_zone()) == ZoneInfo("Europe/Berlin")
    assert local_zone("not a zone", system_zone()) == ZoneInfo("Europe/Berlin")
    assert zone_name(resolve("AoE")) == "AoE"
    assert zone_name(resolve("UTC+8")) == "UTC+8"
