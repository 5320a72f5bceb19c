"""The venues aggregate on a real SQLite file: seed facts, CRUD, next deadline, imports."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from paperdeck.models.venues import DeadlineKind
from paperdeck.usecases.deadline_import import parse_file
from paperdeck.store import NotFound, ValidationError

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def _deadlines_dir() -> Path:
    from tests.test_deadline_import import _testdata

    return _testdata()


def test_seed_carries_the_true_deadlines_and_keeps_the_guide_wording(store):
    iclr = store.venues.get("iclr")
    assert iclr.guide_note_en == "Submit in July, final decision in November"  # the guide, verbatim
    assert "late September to early October" in iclr.rhythm_en and "late January" in iclr.rhythm_en
    iclr_2027 = store.venues.deadlines("iclr", 2027)
    paper = next(d for d in iclr_2027 if d.kind is DeadlineKind.PAPER)
    assert paper.at == datetime(2026, 9, 26, 11, 59, 59, tzinfo=timezone.utc)  # 2026-09-25 23:59:59 AoE
    neurips = next(d for d in store.venues.deadlines("neurips", 2026) if d.kind is DeadlineKind.PAPER)
    assert neurips.at == datetime(2026, 5, 7, 11, 59, 59, tzinfo=timezone.utc) and neurips.tz_label == "AoE"
    assert "huggingface" in neurips.source
    icml = next(d for d in store.venues.deadlines("icml", 2026) if d.kind is DeadlineKind.PAPER)
    assert icml.at.month == 1
    assert "ARR" in store.venues.get("acl").rhythm_en and "May to June" in store.venues.get("emnlp").rhythm_en
    assert store.venues.find("SysML").key == "mlsys"


def test_next_deadline_is_announced_or_else_an_estimate(store):
    future = store.venues.add_deadline("icml", 2027, "paper", at=datetime(2027, 1, 29, 11, 59, 59, tzinfo=timezone.utc))
    found = store.venues.next_deadline("ICML", NOW)
    assert found.uid == future.uid and not found.is_estimate
    estimate = store.venues.next_deadline("neurips", NOW)
    assert estimate.is_estimate and estimate.edition_year == 2027 and estimate.at is None
    assert estimate.on_date.month == 5 and estimate.range_start <= estimate.on_date <= estimate.range_end
    # ICLR 2027's deadline (September 2026) has passed: the next is ICLR 2028's, estimated.
    iclr = store.venues.next_deadline("iclr", NOW)
    assert iclr.is_estimate and iclr.edition_year == 2028 and iclr.on_date.year == 2027
    assert store.venues.next_deadline("mlsys", NOW) is None
    assert store.venues.next_deadline("no such venue", NOW) is None


def test_upcoming_window_and_filters(store):
    within_60 = store.venues.upcoming(NOW, days=60)
    assert within_60, "NeurIPS 2026 and ICML/IJCAI/ACL 2027 estimates fall in the next 60 days"
    instants = [d.at or d.on_date for d in within_60]
    assert any(d.venue_key == "neurips" and d.kind is DeadlineKind.CONFERENCE_START for d in within_60)
    assert all(d.venue_key == "acl" for d in store.venues.upcoming(NOW, venue_keys=["acl"]))
    assert len(store.venues.upcoming(NOW)) > len(within_60) and instants
    assert store.venues.upcoming(NOW, days=0) == [] or all(d.venue_key for d in store.venues.upcoming(NOW, days=0))


def test_venue_and_deadline_crud(store):
    venue = store.venues.add("[red]My Workshop[/] 中文 🎉", full_name="x")
    assert venue.name == "[red]My Workshop[/] 中文 🎉" and venue.key == "red-my-workshop"
    with pytest.raises(ValidationError):
        store.venues.add("  ")
    with pytest.raises(ValidationError):
        store.venues.add("neurips")
    store.venues.update(venue.key, url="https://example.org", name="Renamed")
    assert store.venues.get(venue.key).name == "Renamed" and store.venues.get(venue.key).user_edited
    assert store.venues.toggle_favourite(venue.key).favourite
    added = store.venues.add_deadline(venue.key, 2027, DeadlineKind.PAPER, on_date=date(2027, 3, 1), tz_label="PT")
    assert added.on_date == date(2027, 3, 1) and added.at is None and added.user_edited
    with pytest.raises(ValidationError, match="timezone"):
        store.venues.add_deadline(venue.key, 2027, "paper", on_date=date(2027, 3, 1), tz_label="Mars")
    with pytest.raises(ValidationError):
        store.venues.add_deadline(venue.key, 2027, "paper")
    with pytest.raises(ValidationError):
        store.venues.add_deadline(venue.key, 99999, "paper", on_date=date(2027, 3, 1))
    moved = store.venues.update_deadline(added.id, at=datetime(2027, 3, 2, 7, 59, tzinfo=timezone.utc))
    assert moved.at is not None and moved.on_date is None
    store.venues.delete_deadline(added.id)
    with pytest.raises(NotFound):
        store.venues.get_deadline(added.id)
    store.venues.delete(venue.key)
    with pytest.raises(NotFound):
        store.venues.get(venue.key)


def test_import_twice_changes_nothing_and_user_edits_win(store):
    deadlines_dir = _deadlines_dir()
    parsed = parse_file(deadlines_dir / "huggingface-ai-deadlines" / "icml.yml")
    first = store.venues.import_deadlines(parsed.deadlines, parsed.full_names)
    # The seed holds these very facts: the seeded ICML is matched, nothing is duplicated.
    assert (first.added, first.updated, first.venues_added) == (0, 0, 0)
    kdd = parse_file(deadlines_dir / "huggingface-ai-deadlines" / "kdd.yml")
    new = store.venues.import_deadlines(kdd.deadlines, kdd.full_names)
    assert new.added == len(kdd.deadlines) == 19 and new.venues_added == 1
    assert store.venues.get("kdd").full_name
    again = store.venues.import_deadlines(parsed.deadlines, parsed.full_names)
    assert (again.added, again.updated) == (0, 0) and again.unchanged == len(parsed.deadlines)
    # The user edits ICML 2026's paper deadline; a file with another date does not win...
    paper = next(d for d in store.venues.deadlines("icml", 2026) if d.kind is DeadlineKind.PAPER)
    mine = datetime(2026, 1, 30, 12, 0, tzinfo=timezone.utc)
    store.venues.update_deadline(paper.id, at=mine)
    newer = [d for d in parsed.deadlines]
    for d in newer:
        if d.edition_year == 2026 and d.kind is DeadlineKind.PAPER:
            d.at = datetime(2026, 2, 1, 11, 59, 59, tzinfo=timezone.utc)
    kept = store.venues.import_deadlines(newer)
    assert kept.kept_edits == 1 and store.venues.get_deadline(paper.id).at == mine
    # ...unless forced.
    forced = store.venues.import_deadlines(newer, force=True)
    assert forced.updated == 1
    assert store.venues.get_deadline(paper.id).at == datetime(2026, 2, 1, 11, 59, 59, tzinfo=timezone.utc)


def test_one_moment_from_two_trackers_is_one_row(store):
    deadlines_dir = _deadlines_dir()
    before = store.counts()["deadlines"]
    ccf = parse_file(deadlines_dir / "ccf-deadlines" / "AI" / "nips.yml")
    summary = store.venues.import_deadlines(ccf.deadlines)
    neurips_2026 = [d for d in store.venues.deadlines("neurips", 2026) if d.kind is DeadlineKind.PAPER]
    assert len(neurips_2026) == 1 and neurips_2026[0].tz_label == "AoE"  # seeded from HF, unchanged
    assert store.counts()["deadlines"] == before + summary.added


def test_importing_every_shared_file_into_a_real_database(store):
    deadlines_dir = _deadlines_dir()
    venues_before = len(store.venues.all())
    flat = parse_file(deadlines_dir / "ai-deadlines" / "conferences.yml")
    summary = store.venues.import_deadlines(flat.deadlines, flat.full_names)
    assert summary.added + summary.unchanged + summary.updated == len(flat.deadlines)
    assert len(store.venues.all()) == venues_before + summary.venues_added
    assert store.venues.find("ECML/PKDD").key == store.venues.find("ECML-PKDD").key
    second = store.venues.import_deadlines(flat.deadlines, flat.full_names)
    assert second.added == second.updated == second.venues_added == 0


def test_next_deadlines_in_one_pass_agrees_with_next_deadline(store):
    store.venues.add_deadline("icml", 2027, "paper", at=datetime(2027, 1, 29, 11, 59, 59, tzinfo=timezone.utc))
    every = store.venues.next_deadlines(NOW)
    for venue in store.venues.all():
        one = store.venues.next_deadline(venue.key, NOW)
        assert (every.get(venue.key) is None) == (one is None), venue.key
        if one is not None:
            assert (every[venue.key].uid, every[venue.key].is_estimate) == (one.uid, one.is_estimate)
