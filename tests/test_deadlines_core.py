"""The deadlines core's edges with plain data: when a deadline closes, its two days, the text."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from paperdeck.domain.deadlines import (
    closes_at, countdown, is_open, local_day, own_day, own_text, urgency, when_text,
)
from paperdeck.domain.editions import VenueEditions
from paperdeck.domain.targets import TargetState, next_submission, paper_target
from paperdeck.domain.timezones import wall_to_utc
from paperdeck.models.papers import Paper, Stage
from paperdeck.models.venues import Deadline, DeadlineKind

UTC = timezone.utc
SHANGHAI = ZoneInfo("Asia/Shanghai")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def deadline(at=None, on_date=None, tz_label="AoE", **extra) -> Deadline:
    return Deadline(0, "v", 2027, extra.pop("kind", DeadlineKind.PAPER), at=at, on_date=on_date,
                    tz_label=tz_label, **extra)


def test_a_date_only_deadline_is_open_through_its_day_in_its_own_zone():
    only = deadline(on_date=date(2027, 1, 29))  # AoE: its day ends at 12:00 UTC on 30 Jan
    assert closes_at(only) == datetime(2027, 1, 30, 12, 0, tzinfo=UTC)
    late_in_shanghai = datetime(2027, 1, 30, 11, 0, tzinfo=UTC)  # 19:00 on the 30th there
    assert is_open(only, late_in_shanghai)
    assert countdown(only, late_in_shanghai, SHANGHAI) == "today"  # its last hours: never "in -1 days"
    assert urgency(only, late_in_shanghai, SHANGHAI) == "urgent"
    after = datetime(2027, 1, 30, 12, 0, tzinfo=UTC)
    assert not is_open(only, after)
    assert (countdown(only, after, SHANGHAI), urgency(only, after, SHANGHAI)) == ("passed", "past")
    assert local_day(only, SHANGHAI) == own_day(only) == date(2027, 1, 29)  # a date stays its date


def test_a_timed_deadline_is_open_until_its_minute():
    at = datetime(2027, 1, 30, 11, 59, tzinfo=UTC)
    timed = deadline(at=at)
    assert is_open(timed, at) and not is_open(timed, at + timedelta(seconds=1))
    assert countdown(timed, at - timedelta(minutes=5), UTC) == "5m"
    assert countdown(timed, at - timedelta(minutes=5), UTC, "zh") == "5分钟"
    assert countdown(timed, at - timedelta(hours=5, minutes=3), UTC, "zh") == "5时03分"
    assert countdown(timed, at - timedelta(days=41, hours=2), UTC, "zh", compact=True) == "41天"


def test_urgency_thresholds_for_date_only_deadlines_count_local_days():
    now = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
    levels = [urgency(deadline(on_date=date(2027, 1, 1) + timedelta(days=n)), now, UTC).value
              for n in (0, 1, 2, 7, 8, 30, 31)]
    assert levels == ["urgent", "urgent", "soon", "soon", "near", "near", "later"]


def test_own_and_local_days_differ_both_ways():
    aoe = deadline(at=wall_to_utc(datetime(2027, 1, 29, 23, 59), "AoE"))
    assert (own_day(aoe), local_day(aoe, SHANGHAI)) == (date(2027, 1, 29), date(2027, 1, 30))
    early = deadline(at=wall_to_utc(datetime(2027, 1, 30, 0, 30), "UTC+8"), tz_label="UTC+8")
    assert (own_day(early), local_day(early, LOS_ANGELES)) == (date(2027, 1, 30), date(2027, 1, 29))


@pytest.mark.parametrize("label", ["Mars/Base", "", "[red]x[/]"])
def test_a_label_no_zone_matches_reads_as_aoe(label):
    stored = deadline(at=datetime(2027, 1, 30, 11, 59, tzinfo=UTC), tz_label=label)
    assert own_text(stored) == "2027-01-29 23:59 AoE"
    assert own_day(stored) == date(2027, 1, 29)
    assert when_text(stored, UTC) == "Fri 29 Jan 23:59 AoE · Sat 30 Jan 11:59 UTC"


def test_when_text_in_chinese_and_for_a_date_only_deadline():
    only = deadline(on_date=date(2027, 1, 29), tz_label="UTC+8")
    assert when_text(only, SHANGHAI, "zh") == "1月29日 周五 UTC+8（仅日期）"
    assert when_text(only, SHANGHAI) == "Fri 29 Jan UTC+8 (date only)"
    timed = deadline(at=datetime(2027, 1, 10, 11, 59, tzinfo=UTC), tz_label="AoE")  # 23:59 AoE on the 9th
    assert when_text(timed, SHANGHAI, "zh") == "1月9日 周六 23:59 AoE · 1月10日 周日 19:59 CST"


def test_the_target_prefers_an_announced_deadline_and_skips_closed_ones():
    now = datetime(2027, 1, 1, tzinfo=UTC)
    closed = deadline(at=now - timedelta(hours=1))
    announced = deadline(at=now + timedelta(days=40))
    estimate = deadline(on_date=date(2027, 1, 20), is_estimate=True)
    notification = deadline(at=now + timedelta(days=2), kind=DeadlineKind.NOTIFICATION)
    assert next_submission([closed, estimate, announced, notification], now) is announced
    assert next_submission([closed, estimate, notification], now) is estimate
    decided = Paper(1, "p", Stage.DECISION, venue_key="v", target_year=2027, decision="rejected")
    venue = VenueEditions("v", [announced])
    assert paper_target(decided, venue, now, UTC).deadline is None  # nothing ahead once rejected
    reviewing = Paper(2, "p", Stage.UNDER_REVIEW, venue_key="v", target_year=2027)
    target = paper_target(reviewing, venue, now, UTC)
    # Under review, it never counts down to the submission deadline (nothing else is known yet).
    assert target.deadline is None and target.state is TargetState.UNKNOWN and not target.at_risk
