"""The venues aggregate on a real SQLite file: seed facts, CRUD, next deadline, imports."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from paperdeck.models.venues import DeadlineKind
from paperdeck.models.imports import Action
from paperdeck.usecases.imports import ImportOptions, prepare, run_import
from paperdeck.store import NotFound, ValidationError

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)


def import_files(store, *paths, force=False):
    return run_import(store, "deadlines", [str(p) for p in paths], options=ImportOptions(force=force))


def counts(plan):
    return {action: plan.count(action, "deadline") for action in Action} | {"venues": plan.count(Action.ADD, "venue")}


def parsed_deadlines(path):
    return prepare("deadlines", [str(path)]).parsed[0][1].deadlines


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


def test_import_twice_changes_nothing_and_user_edits_win(store, tmp_path):
    deadlines_dir = _deadlines_dir()
    icml = deadlines_dir / "huggingface-ai-deadlines" / "icml.yml"
    first = counts(import_files(store, icml))
    # The seed holds these very facts: the seeded ICML is matched, nothing is duplicated.
    assert (first[Action.ADD], first[Action.UPDATE], first["venues"]) == (0, 0, 0)
    kdd = deadlines_dir / "huggingface-ai-deadlines" / "kdd.yml"
    new = counts(import_files(store, kdd))
    assert new[Action.ADD] == len(parsed_deadlines(kdd)) == 19 and new["venues"] == 1
    assert store.venues.get("kdd").full_name
    again = counts(import_files(store, icml))
    assert (again[Action.ADD], again[Action.UPDATE]) == (0, 0) and again[Action.UNCHANGED] == len(parsed_deadlines(icml))
    # The user edits ICML 2026's paper deadline; a file with another date does not win...
    paper = next(d for d in store.venues.deadlines("icml", 2026) if d.kind is DeadlineKind.PAPER)
    mine = datetime(2026, 1, 30, 12, 0, tzinfo=timezone.utc)
    store.venues.update_deadline(paper.id, at=mine)
    text = icml.read_text("utf-8")
    assert text.count("2026-01-28 23:59:59") == 1
    newer = tmp_path / "icml.yml"
    newer.write_text(text.replace("2026-01-28 23:59:59", "2026-01-31 23:59:59"), "utf-8")
    kept = import_files(store, newer)
    assert kept.count(Action.KEEP) == 1 and store.venues.get_deadline(paper.id).at == mine
    [keep] = [item for item in kept.items if item.action is Action.KEEP]
    assert keep.target_id == paper.id and keep.changes[0].field == "at_utc"
    assert (keep.changes[0].old, keep.changes[0].new) == ("2026-01-30T12:00:00Z", "2026-02-01T11:59:59Z")
    # ...unless forced.
    forced = import_files(store, newer, force=True)
    assert forced.count(Action.UPDATE) == 1
    assert store.venues.get_deadline(paper.id).at == datetime(2026, 2, 1, 11, 59, 59, tzinfo=timezone.utc)


def test_one_moment_from_two_trackers_is_one_row(store):
    deadlines_dir = _deadlines_dir()
    before = store.counts()["deadlines"]
    plan = import_files(store, deadlines_dir / "ccf-deadlines" / "AI" / "nips.yml")
    neurips_2026 = [d for d in store.venues.deadlines("neurips", 2026) if d.kind is DeadlineKind.PAPER]
    assert len(neurips_2026) == 1 and neurips_2026[0].tz_label == "AoE"  # seeded from HF, unchanged
    assert store.counts()["deadlines"] == before + plan.count(Action.ADD, "deadline")


def test_importing_every_shared_file_into_a_real_database(store):
    deadlines_dir = _deadlines_dir()
    venues_before = len(store.venues.all())
    flat = deadlines_dir / "ai-deadlines" / "conferences.yml"
    plan = import_files(store, flat)
    found = counts(plan)
    settled = found[Action.ADD] + found[Action.UNCHANGED] + found[Action.UPDATE] + found[Action.KEEP]
    assert settled == len(parsed_deadlines(flat))
    # Where the unmaintained paperswithcode file disagrees with the seeded ccfddl facts, they stay.
    assert {i.why for i in plan.items if i.action is Action.KEEP} == {
        "ccfddl is trusted over paperswithcode ai-deadlines"}
    assert len(store.venues.all()) == venues_before + found["venues"]
    assert store.venues.find("ECML/PKDD").key == store.venues.find("ECML-PKDD").key
    second = counts(import_files(store, flat))
    assert second[Action.ADD] == second[Action.UPDATE] == second["venues"] == 0


def test_next_deadlines_in_one_pass_agrees_with_next_deadline(store):
    store.venues.add_deadline("icml", 2027, "paper", at=datetime(2027, 1, 29, 11, 59, 59, tzinfo=timezone.utc))
    every = store.venues.next_deadlines(NOW)
    for venue in store.venues.all():
        one = store.venues.next_deadline(venue.key, NOW)
        assert (every.get(venue.key) is None) == (one is None), venue.key
        if one is not None:
            assert (every[venue.key].uid, every[venue.key].is_estimate) == (one.uid, one.is_estimate)
