"""Dates outside 1970-2100 are refused at every entry point, and a row already stored out of
range never crashes a reader: it is listed as invalid and can be deleted. Property tests
(hypothesis) for zone round trips and the bounds.

The "Why" bullet: a tracker entry dated 0001-01-01 (UTC+14) or 9999-12-31 (AoE) imported, and
afterwards `today`, `deadlines`, `export ics` and the app crashed at every start with
OverflowError, and no command could remove it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperdeck.domain.deadlines import countdown, is_open, local_day, opens_at, own_day, urgency, when_text
from paperdeck.domain.timezones import ABBREVIATIONS, resolve, wall_to_utc
from paperdeck.domain.trackers import parse_data
from paperdeck.models.bounds import YEAR_MAX, YEAR_MIN, OutOfBounds, check_day, check_year
from paperdeck.models.venues import Deadline, DeadlineKind
from paperdeck.store.errors import ValidationError

LABELS = sorted({"AoE", "UTC", "UTC+14", "UTC-12", "UTC+5:30", "GMT+8", "CET", "PT", "Asia/Shanghai",
                 "America/Los_Angeles", "Europe/London", "Pacific/Kiritimati", *ABBREVIATIONS})
USER_ZONES = ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12"]
walls = st.datetimes(min_value=datetime(YEAR_MIN, 1, 2), max_value=datetime(YEAR_MAX, 12, 30))
days = st.dates(min_value=date(YEAR_MIN, 1, 1), max_value=date(YEAR_MAX, 12, 31))


# -- properties ----------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(wall=walls, label=st.sampled_from(LABELS))
def test_a_wall_time_round_trips_through_its_own_zone(wall, label):
    zone = resolve(label)
    at = wall_to_utc(wall, label)
    back = at.astimezone(zone).replace(tzinfo=None)
    # A time that does not exist (the hour skipped when summer time starts) reads an hour on.
    assert back == wall or (back - wall) == timedelta(hours=1) and wall.replace(tzinfo=zone).utcoffset() != \
        back.replace(tzinfo=zone).utcoffset()
    deadline = Deadline(0, "v", wall.year, DeadlineKind.PAPER, at, None, label)
    assert own_day(deadline) == back.date()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wall=walls | days.map(lambda d: d), label=st.sampled_from(LABELS), user=st.sampled_from(USER_ZONES),
       now=walls)
def test_every_deadline_in_range_reads_everywhere(wall, label, user, now):
    from zoneinfo import ZoneInfo

    if isinstance(wall, datetime):
        deadline = Deadline(0, "v", wall.year, DeadlineKind.PAPER, wall_to_utc(wall, label), None, label)
    else:
        deadline = Deadline(0, "v", wall.year, DeadlineKind.PAPER, None, wall, label)
    zone, clock = ZoneInfo(user), now.replace(tzinfo=timezone.utc)
    for reading in (opens_at(deadline), own_day(deadline), local_day(deadline, zone), is_open(deadline, clock),
                    urgency(deadline, clock, zone), countdown(deadline, clock, zone, "zh"), when_text(deadline, zone)):
        assert reading is not None


@settings(max_examples=200, deadline=None)
@given(year=st.integers(min_value=1, max_value=9999))
def test_a_year_is_in_bounds_or_refused_with_one_line(year):
    if YEAR_MIN <= year <= YEAR_MAX:
        assert check_year(year) == year
    else:
        with pytest.raises(OutOfBounds) as refused:
            check_year(year)
        assert "\n" not in str(refused.value) and "1970-2100" in str(refused.value)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(), label=st.sampled_from(["AoE", "UTC+14", "UTC-12", "PT"]))
def test_a_tracker_date_out_of_range_is_one_skipped_entry(day, label):
    entry = {"title": "Edge", "year": 2027, "deadline": f"{day.isoformat()} 23:59", "timezone": label}
    result = parse_data([entry], "edge.yml")
    wall = datetime.combine(day, datetime.min.time()).replace(hour=23, minute=59)
    in_range = YEAR_MIN <= day.year <= YEAR_MAX and YEAR_MIN <= (wall - resolve(label).utcoffset(
        wall.replace(year=2000) if day.month != 2 or day.day != 29 else wall.replace(year=2000))).year <= YEAR_MAX
    if in_range:
        assert len(result.deadlines) == 1 and not result.problems
    else:
        assert result.deadlines == [] and len(result.problems) == 1
        assert "out of range (1970-2100)" in result.problems[0].message


def test_check_day_catches_the_utc_shift_at_the_edges():
    from zoneinfo import ZoneInfo

    check_day(datetime(2100, 12, 31, 11, 0, tzinfo=ZoneInfo("Etc/GMT+12")))
    with pytest.raises(OutOfBounds):
        check_day(datetime(2100, 12, 31, 23, 59, tzinfo=ZoneInfo("Etc/GMT+12")))  # 2101 in UTC
    with pytest.raises(OutOfBounds):
        check_day(date(1969, 12, 31))


@given(st.datetimes(min_value=datetime(1968, 1, 1), max_value=datetime(2102, 12, 31)),
       st.integers(min_value=-23 * 60, max_value=23 * 60))
def test_check_day_passes_exactly_the_days_whose_wall_and_utc_years_are_in_range(wall, minutes):
    # The edge years are checked the long way; the years between pass at once (an offset is
    # under a day), so a wall time in 1970 or 2100 whose UTC year is not must still be refused.
    aware = wall.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    years = {wall.year, (wall - timedelta(minutes=minutes)).year}
    if all(YEAR_MIN <= year <= YEAR_MAX for year in years):
        assert check_day(aware) is aware
    else:
        with pytest.raises(OutOfBounds):
            check_day(aware)


def test_check_day_refuses_a_1970_wall_time_that_is_1969_in_utc():
    with pytest.raises(OutOfBounds):
        check_day(datetime(1970, 1, 1, 5, 0, tzinfo=timezone(timedelta(hours=8))))
    check_day(datetime(1971, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))))
    check_day(datetime(2099, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12))))


# -- every entry point ----------------------------------------------------------------------------

def test_the_cli_refuses_years_out_of_range(cli):
    for args in (["add", "x", "--year", "1969"], ["add", "x", "--year", "2101"], ["add", "x", "--year", "0001"]):
        result = cli(*args)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "between 1970 and 2100" in result.stderr
    assert cli("add", "ok", "--year", "1970").returncode == 0
    refused = cli("submit", "1", "--venue", "ICLR", "--year", "9999")
    assert refused.returncode == 2 and "out of range (1970-2100)" in refused.stderr
    on = cli("submit", "1", "--venue", "ICLR", "--on", "0001-01-01")
    assert on.returncode == 2 and "out of range" in on.stderr and len(on.stderr.splitlines()) == 1


def test_the_store_refuses_deadlines_out_of_range(store):
    for at, on_date, year in ((datetime(1, 1, 1, tzinfo=timezone.utc), None, 2027),
                              (None, date(9999, 12, 31), 2027), (None, date(2027, 1, 1), 2101),
                              (None, date(1969, 12, 31), 1970)):
        with pytest.raises(ValidationError) as refused:
            store.venues.add_deadline("icml", year, "paper", at=at, on_date=on_date)
        assert "out of range (1970-2100)" in str(refused.value)


def test_an_import_with_out_of_range_dates_skips_them_with_one_line(cli, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("- title: Edge\n  year: 2027\n  deadline: '0001-01-01 00:00'\n  timezone: UTC+14\n"
                   "- title: Edge2\n  year: 2027\n  deadline: '9999-12-31 23:59'\n  timezone: AoE\n"
                   "- title: Fine\n  year: 2027\n  deadline: '2027-03-01 23:59'\n  timezone: AoE\n", "utf-8")
    result = cli("import", "deadlines", str(bad))
    assert result.returncode == 1
    problems = result.stderr.strip().splitlines()
    assert len(problems) == 2 and all("out of range (1970-2100)" in line for line in problems)
    assert "1 added" in result.stdout
    for command in (["today"], ["deadlines"], ["deadlines", "--all"]):
        assert cli(*command).returncode == 0


BAD_ROWS = (  # (at_utc, on_date, tz_label): what an older version or a hand edit could leave
    ("0001-01-01T00:00:00Z", None, "UTC+14"),
    (None, "9999-12-31", "AoE"),
    ("not a time", None, "AoE"),
)


@pytest.fixture
def poisoned(db_path, store):
    """A database holding rows out of range, written past the store (as an old version did)."""
    venue_id = store.venues.get("icml").id
    store.papers.add("Targets ICML", venue_key="icml", target_year=2027)
    store.close()
    conn = sqlite3.connect(db_path)
    for n, (at, on_date, tz) in enumerate(BAD_ROWS, start=1):
        conn.execute("INSERT INTO deadlines (venue_id, edition_year, kind, at_utc, on_date, tz_label, uid) "
                     "VALUES (?, 2027, 'paper', ?, ?, ?, ?)", (venue_id, at, on_date, tz, f"bad-{n}"))
    conn.execute("INSERT INTO deadlines (venue_id, edition_year, kind, at_utc, on_date, tz_label, uid) "
                 "VALUES (?, 9999, 'abstract', NULL, '2027-01-01', 'AoE', 'bad-year')", (venue_id,))
    conn.commit()
    conn.close()
    return db_path


def test_a_stored_bad_row_never_crashes_a_reader_and_can_be_deleted(poisoned, cli, tmp_path):
    for command in (["today"], ["today", "--json"], ["deadlines"], ["deadlines", "--venue", "icml", "--json"],
                    ["export", "ics", "-o", str(tmp_path / "all.ics")], ["show", "1"], ["list"]):
        result = cli(*command)
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr
    listed = cli("deadlines", "--all")
    assert listed.returncode == 0
    invalid = [line for line in listed.stdout.splitlines() if line.startswith("invalid")]
    assert len(invalid) == 4 and any("0001-01-01" in line for line in invalid)
    rows = [row for row in json.loads(cli("deadlines", "--all", "--json").stdout) if "invalid" in row]
    assert {row["uid"] for row in rows} == {"bad-1", "bad-2", "bad-3", "bad-year"}
    for row in rows:
        assert cli("deadlines", "delete", row["uid"]).returncode == 0
    assert not [line for line in cli("deadlines", "--all").stdout.splitlines() if line.startswith("invalid")]


async def test_the_app_starts_on_a_poisoned_database(poisoned):
    from paperdeck.store import open_store
    from paperdeck.tui.app import PaperdeckApp

    store = open_store(poisoned)
    try:
        app = PaperdeckApp(store, watch=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for mode in ("pipeline", "venues", "dashboard"):
                await app.switch_mode(mode)
                await pilot.pause()
            await pilot.press("m")  # the Venues month grid reads every deadline
            await pilot.pause()
    finally:
        store.close()


def test_a_paper_year_stored_out_of_range_reads_as_unknown(db_path, store, cli):
    store.papers.add("Old row", venue_key="icml", target_year=2027)
    store.close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE papers SET target_year = 0")
    conn.commit()
    conn.close()
    for command in (["show", "1", "--json"], ["today"], ["list"]):
        result = cli(*command)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["target"]["state"] == "unknown"
