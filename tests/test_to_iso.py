"""to_iso writes every instant as it always has: UTC, second precision, a trailing Z, the
year as strftime's %Y gives it (the fast isoformat path must agree with it)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperdeck.models.common import from_iso, to_iso


def _reference(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@given(st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31)),
       st.integers(min_value=-23 * 60, max_value=23 * 60))
def test_to_iso_equals_the_strftime_form(wall, minutes):
    moment = wall.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    assert to_iso(moment) == _reference(moment)


def test_to_iso_drops_microseconds_and_shifts_to_utc():
    moment = datetime(2026, 5, 7, 23, 59, 59, 999_999, tzinfo=timezone(timedelta(hours=-12)))
    assert to_iso(moment) == "2026-05-08T11:59:59Z"
    assert from_iso(to_iso(moment)) == moment.replace(microsecond=0)
    assert to_iso(datetime(999, 1, 2, 3, 4, 5, tzinfo=timezone.utc)) == _reference(
        datetime(999, 1, 2, 3, 4, 5, tzinfo=timezone.utc))


def test_to_iso_refuses_a_naive_datetime():
    with pytest.raises(ValueError):
        to_iso(datetime(2026, 1, 1))
