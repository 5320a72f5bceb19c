"""Estimated deadlines for editions not yet announced."""

from __future__ import annotations

from datetime import date, datetime, timezone

from paperdeck.models.venues import Deadline, DeadlineKind
from paperdeck.domain.estimates import describe, estimate_next_edition
from paperdeck.domain.timezones import wall_to_utc

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def aoe(year, month, day, edition, kind=DeadlineKind.PAPER, venue="iclr"):
    return Deadline(0, venue, edition, kind, at=wall_to_utc(datetime(year, month, day, 23, 59, 59), "AoE"),
                    on_date=None, tz_label="AoE", venue_name=venue.upper())


ICLR = [aoe(2023, 9, 28, 2024), aoe(2024, 10, 1, 2025), aoe(2025, 9, 24, 2026), aoe(2026, 9, 25, 2027)]


def test_estimate_uses_edition_relative_days_median_and_range():
    [estimate] = estimate_next_edition(ICLR, NOW)
    assert estimate.is_estimate and estimate.edition_year == 2028 and estimate.kind is DeadlineKind.PAPER
    assert estimate.at is None and estimate.on_date == date(2027, 9, 25)  # a date only: no invented time
    assert (estimate.range_start, estimate.range_end) == (date(2027, 9, 24), date(2027, 10, 1))
    assert estimate.based_on == (2024, 2025, 2026, 2027)
    assert estimate.uid == "iclr-2028-paper-1@paperdeck"  # the uid the announced one will have
    assert describe(estimate) == "est. 2027-09-25 (09-24 to 10-01, from 2024-2027)"


def test_announced_replaces_the_estimate_and_only_future_ones_count():
    before = datetime(2026, 8, 1, tzinfo=timezone.utc)
    # ICLR 2027 is announced: it is never estimated; the next unannounced edition is 2028.
    assert [e.edition_year for e in estimate_next_edition(ICLR, before)] == [2028]
    # Without it, 2027 is estimated (and ahead of August 2026).
    [estimate] = estimate_next_edition(ICLR[:-1], before)
    assert estimate.edition_year == 2027


def test_an_edition_known_only_by_its_conference_dates_is_estimated():
    acl = [aoe(2025, 2, 15, 2025, venue="acl"), aoe(2026, 1, 5, 2026, venue="acl"),
           Deadline(0, "acl", 2027, DeadlineKind.CONFERENCE_START, None, date(2027, 8, 17), "AoE")]
    estimates = {e.kind: e for e in estimate_next_edition(acl, NOW)}
    assert estimates[DeadlineKind.PAPER].edition_year == 2027
    assert DeadlineKind.CONFERENCE_START not in estimates  # announced
    assert describe(estimates[DeadlineKind.PAPER]).startswith("est. 2027-01-05")


def test_no_history_no_estimate_and_dropped_abstracts_are_not_estimated():
    assert estimate_next_edition([], NOW) == []
    only_conference = [Deadline(0, "x", 2026, DeadlineKind.CONFERENCE_START, None, date(2026, 6, 1), "AoE")]
    assert estimate_next_edition(only_conference, NOW) == []
    history = [aoe(2025, 1, 20, 2025, DeadlineKind.ABSTRACT, "icml"), aoe(2025, 1, 27, 2025, venue="icml"),
               aoe(2026, 2, 1, 2026, venue="icml")]
    kinds = {e.kind for e in estimate_next_edition(history, NOW)}
    assert kinds == {DeadlineKind.PAPER}


def test_a_venue_silent_for_years_is_not_estimated():
    stale = [aoe(2020, 1, 10, 2021, venue="icme"), aoe(2021, 1, 10, 2022, venue="icme")]
    assert estimate_next_edition(stale, NOW) == []
    biennial = [aoe(2023, 12, 15, 2024, venue="naacl"), aoe(2024, 10, 15, 2025, venue="naacl"),
                aoe(2026, 10, 12, 2027, venue="naacl")]
    assert [e.edition_year for e in estimate_next_edition(biennial, NOW)] == [2028]
